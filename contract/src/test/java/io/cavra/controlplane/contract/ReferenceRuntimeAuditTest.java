package io.cavra.controlplane.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The audit of what the reference's runtime accepts ({@code docs/reference-runtime-audit.md}) has a
 * section for every published schema naming every one of its fields, and every deviation it cites
 * is a row of the README's compatibility table; so the audit cannot fall behind the schemas.
 */
class ReferenceRuntimeAuditTest {
  private static final Path ROOT = Path.of("..");

  static Stream<String> schemaNames() {
    return ContractSchemas.names().stream();
  }

  private static String audit() throws Exception {
    return Files.readString(ROOT.resolve("docs/reference-runtime-audit.md"));
  }

  /** The text from the schema's heading to the next heading. */
  private static String section(String audit, String name) {
    String heading = "### `" + name + "`\n";
    int start = audit.indexOf(heading);
    assertThat(start).as("a section for %s", name).isNotNegative();
    Matcher next = Pattern.compile("\n##").matcher(audit);
    int end = next.find(start + heading.length()) ? next.start() : audit.length();
    return audit.substring(start, end);
  }

  @ParameterizedTest
  @MethodSource("schemaNames")
  void everyFieldOfEverySchemaIsAudited(String name) throws Exception {
    String section = section(audit(), name);
    JsonNode schema = new ObjectMapper().readTree(ContractSchemas.read(name));

    for (Iterator<String> fields = schema.path("properties").fieldNames(); fields.hasNext(); ) {
      String field = fields.next();
      assertThat(section).as("%s in the section of %s", field, name).contains("`" + field + "`");
    }
  }

  @Test
  void everyCitedRowIsARowOfTheReadmesCompatibilityTable() throws Exception {
    String readme = Files.readString(ROOT.resolve("README.md"));
    String table = readme.substring(readme.indexOf("## Compatibility with the Python reference"));
    Matcher rows = Pattern.compile("\\brows? (\\d+)(?:, (\\d+))?").matcher(audit());
    int cited = 0;
    while (rows.find()) {
      for (int group = 1; group <= 2; group++) {
        if (rows.group(group) != null) {
          assertThat(table)
              .as("row %s", rows.group(group))
              .contains("\n| " + rows.group(group) + " | ");
          cited++;
        }
      }
    }
    assertThat(cited).isGreaterThan(20);
  }
}
