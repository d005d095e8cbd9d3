package io.cavra.controlplane.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The records are built through their canonical constructors from the declarations, so a record
 * that drifts from its declaration must be caught before a value lands in the wrong component.
 */
class DeclaredRecordsTest {
  record MissingComponent(List<String> featureNames, String extra) {}

  record WrongType(String featureNames) {}

  record RenamedComponent(List<String> features) {}

  @Test
  void aRecordWithAComponentTheDeclarationLacksIsRefusedNamingIt() {
    List<DeclaredRecords.Component> declared =
        DeclaredRecords.payloadComponents(Operation.ENTITLEMENT_STATUS);

    assertThatThrownBy(() -> DeclaredRecords.constructor(MissingComponent.class, declared))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("component 2 is String extra")
        .hasMessageContaining("declaration says nothing");
  }

  @Test
  void aComponentOfAnotherTypeOrNameThanDeclaredIsRefused() {
    List<DeclaredRecords.Component> declared =
        DeclaredRecords.payloadComponents(Operation.ENTITLEMENT_STATUS);

    assertThatThrownBy(() -> DeclaredRecords.constructor(WrongType.class, declared))
        .hasMessageContaining("component 1 is String featureNames")
        .hasMessageContaining("declaration says List featureNames");
    assertThatThrownBy(() -> DeclaredRecords.constructor(RenamedComponent.class, declared))
        .hasMessageContaining("component 1 is List features");
  }

  @Test
  void everyPayloadRecordTakesItsParametersInWireOrder() {
    for (Operation operation : Operation.values()) {
      List<String> components = new ArrayList<>();
      for (var component : operation.payloadType().getRecordComponents()) {
        components.add(component.getName());
      }
      List<String> keys = new ArrayList<>();
      for (Operation.RequestKey key : operation.requestPayload()) {
        if (!key.isFixed()) {
          keys.add(DeclaredRecords.camelCase(key.key()));
        }
      }
      assertThat(components).as(operation.wireName()).isEqualTo(keys);
    }
  }

  @Test
  void payloadRecordsNameTheirOperationAndWriteTheDeclaredKeysAndFixedTexts() {
    for (Operation operation : Operation.values()) {
      RequestPayload payload = defaultPayload(operation);
      Map<String, Object> written = payload.toMap();

      assertThat(payload.operation()).isEqualTo(operation);

      assertThat(written.keySet())
          .as(operation.wireName())
          .containsExactlyElementsOf(operation.requestKeys());
      for (Operation.RequestKey key : DeclaredRecords.fixedKeys(operation)) {
        assertThat(written.get(key.key())).as(key.key()).isEqualTo(key.fixedValue());
      }
    }
  }

  @Test
  void everySummaryRecordWritesItsDeclaredFieldsThenItsBoundary() {
    for (Operation operation : Operation.values()) {
      if (!operation.hasSummary()) {
        continue;
      }
      SummaryBuilder builder = Summary.builder(operation).set("tenant_id", "tenant-demo");
      List<String> keys = new ArrayList<>();
      for (SummaryField field : builder.fields()) {
        keys.add(field.name());
        if (field.kind() == SummaryField.Kind.STATE) {
          builder.set(field.name(), field.allowedValues().get(0));
        } else if (field.required()) {
          builder.set(field.name(), "sample");
        }
      }
      Operation.SummaryResponse response = operation.summaryResponse();
      keys.add(response.boundaryKey());

      Summary summary = builder.build();
      Map<String, Object> written = summary.toMap();

      assertThat(summary.operation()).isEqualTo(operation);

      assertThat(written.keySet()).as(operation.wireName()).containsExactlyElementsOf(keys);
      assertThat(written.get(response.boundaryKey())).isEqualTo(response.boundary());
    }
  }

  @Test
  void aSummaryThatIsNotTheDeclaredRecordIsRefusedBeforeItIsWritten() {
    ControlPlaneRequest request =
        ControlPlaneRequest.builder(Operation.ENTITLEMENT_STATUS).tenantId("tenant-demo").build();
    Summary foreign = new ForeignSummary();

    assertThatThrownBy(() -> ControlPlaneResponse.forSummary(request, foreign))
        .isInstanceOfSatisfying(
            ContractException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.INVALID_TYPE);
              assertThat(e.location()).isEqualTo("payload.summary");
            });
  }

  @Test
  void everySummaryImplementationOfTheContractIsDeclaredByExactlyOneOperation()
      throws IOException, ClassNotFoundException {
    List<Class<?>> declared = new ArrayList<>();
    for (Operation operation : Operation.values()) {
      if (operation.hasSummary()) {
        declared.add(operation.summaryResponse().type());
      }
    }
    List<Class<?>> implementations = new ArrayList<>();
    Path classes =
        Path.of(Summary.class.getProtectionDomain().getCodeSource().getLocation().getPath())
            .resolve("io/cavra/controlplane/contract");
    try (Stream<Path> files = Files.list(classes)) {
      for (Path file : files.toList()) {
        String name = file.getFileName().toString();
        if (name.endsWith(".class")) {
          Class<?> type =
              Class.forName(
                  "io.cavra.controlplane.contract." + name.substring(0, name.length() - 6));
          if (Summary.class.isAssignableFrom(type) && !type.isInterface()) {
            implementations.add(type);
          }
        }
      }
    }

    assertThat(implementations).isNotEmpty().containsExactlyInAnyOrderElementsOf(declared);
    assertThat(declared).doesNotHaveDuplicates();
  }

  private static RequestPayload defaultPayload(Operation operation) {
    RequestBuilder builder = ControlPlaneRequest.builder(operation).tenantId("tenant-demo");
    for (RequestParameter parameter : RequestBuilder.parameters(operation)) {
      if (parameter.required() && !parameter.name().equals("tenant_id")) {
        builder.set(parameter.name(), sample(parameter));
      }
    }
    return builder.build().payload();
  }

  private static Object sample(RequestParameter parameter) {
    return switch (parameter.kind()) {
      case TEXT -> "sample";
      case TEXT_LIST -> List.of("sample");
      case JSON_MAP -> Map.of();
      case LICENSE_REPORT ->
          LicenseValidationReport.local(
              LicenseStatus.values()[0], LicenseEdition.values()[0], "license-1", List.of());
    };
  }

  /** A summary that claims an operation but is not the record the declaration names. */
  private static final class ForeignSummary implements Summary {
    @Override
    public Operation operation() {
      return Operation.ENTITLEMENT_STATUS;
    }

    @Override
    public String tenantId() {
      return "tenant-demo";
    }

    @Override
    public boolean privateValidationRequired() {
      return true;
    }

    @Override
    public Map<String, Object> extensions() {
      return Map.of();
    }

    @Override
    public Map<String, Object> toMap() {
      throw new AssertionError("a refused summary is never written");
    }
  }
}
