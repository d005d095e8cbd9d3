package io.cavra.controlplane.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StaticFilesTest {
  @Test
  void onlyPlainNamesWithAKnownExtensionAreAcceptable() {
    assertThat(StaticFiles.acceptableName("index.html")).isTrue();
    assertThat(StaticFiles.acceptableName("js/app.js")).isTrue();
    assertThat(StaticFiles.acceptableName("app.min.css")).isTrue();
    for (String name :
        new String[] {
          "../openapi.json",
          "..",
          "a/../b.js",
          ".env",
          "a//b.js",
          "/etc/passwd.txt",
          "a\\b.js",
          "dir",
          "dir/",
          "x.class",
          "a b.js",
          "%2e%2e/x.js",
          "a/.hidden.js",
          "x.JS\u0000"
        }) {
      assertThat(StaticFiles.acceptableName(name)).as(name).isFalse();
    }
  }

  @Test
  void contentTypesFollowTheExtension() {
    assertThat(StaticFiles.contentType("index.html")).isEqualTo("text/html; charset=utf-8");
    assertThat(StaticFiles.contentType("app.js")).isEqualTo("text/javascript; charset=utf-8");
    assertThat(StaticFiles.contentType("style.CSS")).isEqualTo("text/css; charset=utf-8");
    assertThat(StaticFiles.contentType("logo.svg")).isEqualTo("image/svg+xml");
    assertThat(StaticFiles.contentType("data.json")).isEqualTo("application/json");
  }

  @Test
  void aMissingFileIsEmptyAndTheIndexFallsBackToAPlaceholder() {
    StaticFiles files = new StaticFiles();

    assertThat(files.file("does-not-exist.js")).isEmpty();
    assertThat(files.index().contentType()).isEqualTo("text/html; charset=utf-8");
    if (StaticFiles.class.getResource("explorer/index.html") == null) {
      assertThat(new String(files.index().bytes(), java.nio.charset.StandardCharsets.UTF_8))
          .contains("explorer not built");
    }
  }
}
