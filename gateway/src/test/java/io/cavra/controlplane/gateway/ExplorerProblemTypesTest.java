package io.cavra.controlplane.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.cavra.controlplane.contract.ContractJson;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The explorer's table of problem types ({@code explorer/problem-types.json}, which a problem's
 * {@code type} links to) lists exactly {@link ProblemType}, in order, each described as the
 * README's problem table describes it.
 */
class ExplorerProblemTypesTest {
  @Test
  void theExplorersProblemTypesAreProblemTypeWithTheReadmesDescriptions() throws Exception {
    Object tree;
    try (InputStream in = Gateway.class.getResourceAsStream("explorer/problem-types.json")) {
      assertThat(in).as("explorer/problem-types.json").isNotNull();
      tree = ContractJson.defaults().parseTree(in.readAllBytes());
    }
    List<String> listed = new ArrayList<>();
    for (Object entry : (List<?>) ((Map<?, ?>) tree).get("problems")) {
      Map<?, ?> problem = (Map<?, ?>) entry;
      listed.add(
          problem.get("code")
              + " | "
              + problem.get("status")
              + " | "
              + problem.get("title")
              + " | "
              + problem.get("description"));
    }

    String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
    Matcher row =
        Pattern.compile("(?m)^\\| `([a-z_]+)` \\| (\\d{3}) \\| ([^|]+) \\| (.+) \\|$")
            .matcher(readme);
    List<String> documented = new ArrayList<>();
    while (row.find()) {
      documented.add(
          row.group(1)
              + " | "
              + row.group(2)
              + " | "
              + row.group(3).strip()
              + " | "
              + row.group(4).strip().replace("`", ""));
    }
    List<String> types = new ArrayList<>();
    for (ProblemType type : ProblemType.values()) {
      types.add(type.code() + " | " + type.status() + " | " + type.title());
    }

    assertThat(listed).isEqualTo(documented);
    assertThat(listed)
        .extracting(line -> line.substring(0, line.lastIndexOf(" | ")))
        .isEqualTo(types);
  }
}
