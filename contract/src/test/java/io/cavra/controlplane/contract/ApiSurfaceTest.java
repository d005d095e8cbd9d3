package io.cavra.controlplane.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The public API of the exported packages names no Jackson type, so the JSON library can change
 * freely.
 */
class ApiSurfaceTest {

  @Test
  void noPublicSignatureMentionsJackson() throws Exception {
    List<String> offenders = new ArrayList<>();
    for (Class<?> type : exportedPublicTypes()) {
      for (Method method : type.getDeclaredMethods()) {
        if (Modifier.isPublic(method.getModifiers())
            && method.toGenericString().contains("com.fasterxml")) {
          offenders.add(method.toGenericString());
        }
      }
      for (Constructor<?> constructor : type.getDeclaredConstructors()) {
        if (Modifier.isPublic(constructor.getModifiers())
            && constructor.toGenericString().contains("com.fasterxml")) {
          offenders.add(constructor.toGenericString());
        }
      }
      for (Field field : type.getDeclaredFields()) {
        if (Modifier.isPublic(field.getModifiers())
            && field.toGenericString().contains("com.fasterxml")) {
          offenders.add(field.toGenericString());
        }
      }
    }
    assertThat(offenders).isEmpty();
  }

  @Test
  void exportedPackagesAreTheApiAndInternalIsNot() throws IOException, URISyntaxException {
    String descriptor =
        Files.readString(classesRoot().resolve("../../src/main/java/module-info.java").normalize());
    assertThat(descriptor)
        .contains("exports io.cavra.controlplane.contract;")
        .contains("exports io.cavra.controlplane.contract.secret;")
        .doesNotContain("exports io.cavra.controlplane.contract.internal");
  }

  private static List<Class<?>> exportedPublicTypes() throws Exception {
    Path root = classesRoot();
    List<Class<?>> types = new ArrayList<>();
    for (String pkg :
        List.of("io/cavra/controlplane/contract", "io/cavra/controlplane/contract/secret")) {
      try (Stream<Path> files = Files.list(root.resolve(pkg))) {
        for (Path file :
            files.filter(f -> f.toString().endsWith(".class")).collect(Collectors.toList())) {
          String name =
              root.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
          Class<?> type = Class.forName(name, false, ApiSurfaceTest.class.getClassLoader());
          if (Modifier.isPublic(type.getModifiers())) {
            types.add(type);
          }
        }
      }
    }
    assertThat(types).hasSizeGreaterThan(20);
    return types;
  }

  private static Path classesRoot() throws URISyntaxException {
    return Path.of(ContractJson.class.getProtectionDomain().getCodeSource().getLocation().toURI());
  }
}
