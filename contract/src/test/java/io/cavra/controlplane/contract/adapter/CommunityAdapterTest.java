package io.cavra.controlplane.contract.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.cavra.controlplane.contract.ContractException;
import io.cavra.controlplane.contract.ControlPlaneRequest;
import io.cavra.controlplane.contract.ControlPlaneResponse;
import io.cavra.controlplane.contract.ErrorCode;
import io.cavra.controlplane.contract.Operation;
import io.cavra.controlplane.contract.ResponseStatus;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CommunityAdapterTest {
  private final ClassLoader loader = getClass().getClassLoader();

  @Test
  void communityAdapterIsFoundByName() throws Exception {
    ControlPlaneAdapterProvider provider = ControlPlaneAdapterProvider.named("community", loader);
    assertThat(provider.create(Map.of())).isInstanceOf(CommunityAdapter.class);
    assertThat(ControlPlaneAdapterProvider.all(loader)).extracting(ControlPlaneAdapterProvider::name)
        .containsOnlyOnce("community");
  }

  @Test
  void unknownAdapterNameListsTheKnownOnes() {
    ContractException error = catchThrowableOfType(ContractException.class,
        () -> ControlPlaneAdapterProvider.named("acme", loader));
    assertThat(error.code()).isEqualTo(ErrorCode.INVALID_VALUE);
    assertThat(error.getMessage()).contains("community");
  }

  @Test
  void communityAdapterRefusesSettings() {
    assertThat(catchThrowableOfType(ContractException.class,
        () -> new CommunityAdapter.Provider().create(Map.of("x", "y"))).code()).isEqualTo(ErrorCode.UNKNOWN_FIELD);
  }

  @Test
  void communityAdapterAnswersEveryOperationAsTheContractDefines() {
    CommunityAdapter adapter = new CommunityAdapter();
    assertThat(adapter.capabilities()).isEmpty();
    for (Operation operation : Operation.values()) {
      ControlPlaneRequest request = ControlPlaneRequest.builder(operation).tenantId("tenant-demo")
          .set(operation == Operation.TENANT_ONBOARDING ? "organization_name" : "requested_by", "Demo")
          .build();
      if (operation == Operation.POLICY_REGISTRY_LOOKUP || operation == Operation.EVIDENCE_EXPORT
          || operation == Operation.LICENSE_VALIDATION) {
        continue;
      }
      ControlPlaneResponse response = adapter.handle(request, Caller.ANONYMOUS);
      assertThat(response.status()).isEqualTo(ResponseStatus.REQUIRES_PRIVATE_SERVICE);
      assertThat(response.verifyAnswers(request)).isSameAs(response);
      assertThat(response.message()).isEqualTo(operation == Operation.TENANT_ONBOARDING
          ? ControlPlaneResponse.ONBOARDING_UNAVAILABLE_MESSAGE : ControlPlaneResponse.UNAVAILABLE_MESSAGE);
    }
  }
}
