package io.cavra.controlplane.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Each operation's typed builder takes that operation's parameters, and only those: a method the
 * type does not have cannot be called, so {@code tenantStatus().policyRefs(..)} does not compile.
 */
class TypedRequestBuilderTest {
  private static final Set<String> COMMON = Set.of("tenant_id", "requested_by", "correlation_id");

  @Test
  void everyOperationHasATypedBuilderWithExactlyItsParameters() throws Exception {
    for (Operation operation : Operation.values()) {
      TypedRequestBuilder<?> typed = typedBuilder(operation);
      assertThat(typed.operation()).isEqualTo(operation);

      Set<String> declared = new TreeSet<>();
      for (Method method : typed.getClass().getDeclaredMethods()) {
        if (Modifier.isPublic(method.getModifiers())) {
          declared.add(snakeCase(method.getName()));
        }
      }
      Set<String> expected = new TreeSet<>();
      for (RequestParameter parameter : RequestBuilder.parameters(operation)) {
        if (!COMMON.contains(parameter.name())) {
          expected.add(parameter.name());
        }
      }
      assertThat(declared).as(operation.wireName()).isEqualTo(expected);
    }
  }

  @Test
  void typedAndUntypedBuildersBuildTheSameRequest() {
    ControlPlaneRequest typed =
        ControlPlaneRequest.policyRegistryLookup()
            .tenantId("tenant-demo")
            .requestedBy("console")
            .correlationId("saas-0123456789ab")
            .policyRefs("starter-policy-1")
            .label("team", "governance")
            .label("owners", List.of("alice"))
            .build();
    ControlPlaneRequest untyped =
        ControlPlaneRequest.builder(Operation.POLICY_REGISTRY_LOOKUP)
            .tenantId("tenant-demo")
            .requestedBy("console")
            .correlationId("saas-0123456789ab")
            .policyRefs("starter-policy-1")
            .label("team", "governance")
            .label("owners", List.of("alice"))
            .build();

    assertThat(ContractJson.toJson(typed)).isEqualTo(ContractJson.toJson(untyped));
  }

  @Test
  void typedBuilderKeepsTheDefaultsAndErrorsOfTheUntypedOne() {
    ControlPlaneRequest request =
        ControlPlaneRequest.saasOperatingAutomationWorkerHandoff()
            .tenantId("tenant-demo")
            .workerMode(WorkerMode.DRY_RUN)
            .build();
    RequestPayload.WorkerHandoff payload = (RequestPayload.WorkerHandoff) request.payload();
    assertThat(payload.requiredChecks()).isEqualTo(RequestPayload.SAAS_OPERATING_AUTOMATION_CHECKS);
    assertThat(request.requestedBy()).isEqualTo("community");

    ContractException missing =
        catchThrowableOfType(
            ContractException.class,
            () -> ControlPlaneRequest.evidenceExport().tenantId("tenant-demo").build());
    ContractException untypedMissing =
        catchThrowableOfType(
            ContractException.class,
            () ->
                ControlPlaneRequest.builder(Operation.EVIDENCE_EXPORT)
                    .tenantId("tenant-demo")
                    .build());
    assertThat(missing.getMessage()).isEqualTo(untypedMissing.getMessage());
    assertThat(missing.code()).isEqualTo(untypedMissing.code());
  }

  @Test
  void untypedCopyHoldsTheTypedBuildersValues() {
    TypedRequestBuilder.TenantOnboarding typed =
        ControlPlaneRequest.tenantOnboarding()
            .tenantId("tenant-demo")
            .organizationName("Acme")
            .contact("owner", "ops@example.test");

    RequestBuilder untyped = typed.untyped().set("region", "eu-west");

    assertThat(untyped.build().payload()).isEqualTo(typed.region("eu-west").build().payload());
  }

  private static TypedRequestBuilder<?> typedBuilder(Operation operation) throws Exception {
    List<TypedRequestBuilder<?>> found = new ArrayList<>();
    for (Method method : ControlPlaneRequest.class.getMethods()) {
      if (Modifier.isStatic(method.getModifiers())
          && method.getParameterCount() == 0
          && TypedRequestBuilder.class.isAssignableFrom(method.getReturnType())) {
        TypedRequestBuilder<?> builder = (TypedRequestBuilder<?>) method.invoke(null);
        if (builder.operation() == operation) {
          found.add(builder);
        }
      }
    }
    assertThat(found).as(operation.wireName()).hasSize(1);
    return found.get(0);
  }

  /** {@code policyRefs} to {@code policy_refs}; the one-entry adders name their map. */
  private static String snakeCase(String name) {
    Map<String, String> adders = Map.of("contact", "contacts", "label", "labels");
    return adders.getOrDefault(
        name, name.replaceAll("([A-Z])", "_$1").toLowerCase(java.util.Locale.ROOT));
  }
}
