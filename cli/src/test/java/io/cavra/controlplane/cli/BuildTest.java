package io.cavra.controlplane.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The repository's build entry points agree: the README's test command is what CI runs, and the
 * Maven the wrapper fetches is one the enforcer accepts, pinned by checksum, written by the wrapper
 * plugin version the root pom pins.
 */
class BuildTest {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  @Test
  void readmeQuickStartTestCommandIsWhatCiRuns() throws IOException {
    List<String> readme = Files.readAllLines(ROOT.resolve("README.md"), StandardCharsets.UTF_8);
    int start = readme.indexOf("## Quick start");
    assertThat(start).as("README.md has a Quick start section").isPositive();
    String command =
        readme.stream()
            .skip(start)
            .filter(line -> line.startsWith("./mvnw "))
            .findFirst()
            .map(line -> line.replaceFirst("\\s+#.*$", ""))
            .orElseThrow(() -> new AssertionError("the Quick start has no ./mvnw command"));

    List<String> ci = Files.readAllLines(ROOT.resolve(".ci/run"), StandardCharsets.UTF_8);

    assertThat(command).isEqualTo("./mvnw -B -ntp verify");
    assertThat(ci).contains(command);
    assertThat(ci).noneMatch(line -> line.matches("\\s*mvn\\s.*"));
  }

  @Test
  void wrapperFetchesAMavenTheEnforcerAcceptsAndPinsItsChecksum() throws IOException {
    Properties wrapper = wrapperProperties();
    Matcher url =
        Pattern.compile(
                "https://repo\\.maven\\.apache\\.org/maven2/org/apache/maven/apache-maven/"
                    + "([0-9.]+)/apache-maven-\\1-bin\\.zip")
            .matcher(wrapper.getProperty("distributionUrl", ""));
    assertThat(url.matches()).as("distributionUrl is a Maven binary zip on Maven Central").isTrue();

    String pom = Files.readString(ROOT.resolve("pom.xml"), StandardCharsets.UTF_8);
    Matcher floor =
        Pattern.compile("<requireMavenVersion>\\s*<version>\\[([0-9.]+),\\)</version>")
            .matcher(pom);
    assertThat(floor.find()).as("the enforcer requires a Maven version range [x,)").isTrue();

    assertThat(compare(url.group(1), floor.group(1)))
        .as("wrapper Maven %s against enforcer floor %s", url.group(1), floor.group(1))
        .isGreaterThanOrEqualTo(0);
    assertThat(wrapper.getProperty("distributionSha256Sum", "")).matches("[0-9a-f]{64}");
    assertThat(wrapper.getProperty("distributionType")).isEqualTo("only-script");
  }

  @Test
  void wrapperScriptsComeFromThePinnedWrapperPlugin() throws IOException {
    String pom = Files.readString(ROOT.resolve("pom.xml"), StandardCharsets.UTF_8);
    Matcher plugin =
        Pattern.compile(
                "<artifactId>maven-wrapper-plugin</artifactId>\\s*<version>([0-9.]+)</version>")
            .matcher(pom);
    assertThat(plugin.find()).as("the root pom pins maven-wrapper-plugin").isTrue();

    String version = plugin.group(1);
    assertThat(wrapperProperties().getProperty("wrapperVersion")).isEqualTo(version);
    assertThat(Files.readString(ROOT.resolve("mvnw"), StandardCharsets.UTF_8))
        .contains("Apache Maven Wrapper startup batch script, version " + version);
    assertThat(Files.readString(ROOT.resolve("mvnw.cmd"), StandardCharsets.UTF_8))
        .contains("Apache Maven Wrapper startup batch script, version " + version);
    assertThat(Files.isExecutable(ROOT.resolve("mvnw"))).as("mvnw is executable").isTrue();
  }

  @Test
  void bomPinsEveryPublishedModuleAtTheBuildsVersionAndTheExampleImportsThatVersion()
      throws IOException {
    String parent = Files.readString(ROOT.resolve("pom.xml"), StandardCharsets.UTF_8);
    String version = first(parent, "<version>([^<]+)</version>");
    Set<String> published = new TreeSet<>();
    Matcher module = Pattern.compile("<module>([^<]+)</module>").matcher(parent);
    while (module.find()) {
      String pom =
          Files.readString(
              ROOT.resolve(module.group(1)).resolve("pom.xml"), StandardCharsets.UTF_8);
      String artifactId =
          first(
              pom.replaceFirst("(?s)<parent>.*?</parent>", ""), "<artifactId>([^<]+)</artifactId>");
      if (!pom.contains("<maven.deploy.skip>true</maven.deploy.skip>")
          && !artifactId.endsWith("-bom")) {
        published.add(artifactId);
      }
    }
    String bom = Files.readString(ROOT.resolve("bom/pom.xml"), StandardCharsets.UTF_8);
    Set<String> pinned = new TreeSet<>();
    Matcher managed =
        Pattern.compile(
                "<artifactId>([^<]+)</artifactId>\\s*<version>\\$\\{project\\.version}</version>")
            .matcher(bom);
    while (managed.find()) {
      pinned.add(managed.group(1));
    }
    String example =
        Files.readString(
            ROOT.resolve("examples/tenant-state-adapter/pom.xml"), StandardCharsets.UTF_8);

    assertThat(published)
        .allMatch(id -> id.startsWith("cavra-control-plane-"))
        .contains("cavra-control-plane-contract");
    assertThat(pinned).isEqualTo(published);
    assertThat(first(bom, "<version>([^<]+)</version>")).isEqualTo(version);
    assertThat(first(example, "<cavra.control-plane.version>([^<]+)</cavra.control-plane.version>"))
        .isEqualTo(version);
  }

  private static String first(String text, String regex) {
    Matcher matcher = Pattern.compile(regex).matcher(text);
    assertThat(matcher.find()).as("%s is found", regex).isTrue();
    return matcher.group(1);
  }

  private static Properties wrapperProperties() throws IOException {
    Properties properties = new Properties();
    try (Reader in =
        Files.newBufferedReader(ROOT.resolve(".mvn/wrapper/maven-wrapper.properties"))) {
      properties.load(in);
    }
    return properties;
  }

  /** Compares dotted version numbers numerically, a missing part counting as 0. */
  private static int compare(String a, String b) {
    int[] x = Arrays.stream(a.split("\\.")).mapToInt(Integer::parseInt).toArray();
    int[] y = Arrays.stream(b.split("\\.")).mapToInt(Integer::parseInt).toArray();
    for (int i = 0; i < Math.max(x.length, y.length); i++) {
      int c = Integer.compare(i < x.length ? x[i] : 0, i < y.length ? y[i] : 0);
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }
}
