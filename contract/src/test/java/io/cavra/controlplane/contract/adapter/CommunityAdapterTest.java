package io.cavra.controlplane.contract.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.cavra.controlplane.contract.ContractException;
import io.cavra.controlplane.contract.ControlPlaneRequest;
import io.cavra.controlplane.contract.ControlPlaneResponse;
import io.cavra.controlplane.contract.ErrorCode;
import io.cavra.controlplane.contract.LicenseValidationReport;
import io.cavra.controlplane.contract.Operation;
import io.cavra.controlplane.contract.RequestBuilder;
import io.cavra.controlplane.contract.RequestParameter;
import io.cavra.controlplane.contract.ResponseStatus;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CommunityAdapterTest {
  private final ClassLoader loader = getClass().getClassLoader();

  @Test
  void communityAdapterIsFoundByName() throws Exception {
    ControlPlaneAdapterProvider provider = ControlPlaneAdapterProvider.named("community", loader);
    assertThat(provider.create(Map.of())).isInstanceOf(CommunityAdapter.class);
    assertThat(ControlPlaneAdapterProvider.all(loader))
        .extracting(ControlPlaneAdapterProvider::name)
        .containsOnlyOnce("community");
  }

  @Test
  void unknownAdapterNameListsTheKnownOnes() {
    ContractException error =
        catchThrowableOfType(
            ContractException.class, () -> ControlPlaneAdapterProvider.named("acme", loader));
    assertThat(error.code()).isEqualTo(ErrorCode.INVALID_VALUE);
    assertThat(error.getMessage()).contains("community");
  }

  @Test
  void communityAdapterRefusesSettings() {
    assertThat(
            catchThrowableOfType(
                    ContractException.class,
                    () -> new CommunityAdapter.Provider().create(Map.of("x", "y")))
                .code())
        .isEqualTo(ErrorCode.UNKNOWN_FIELD);
  }

  @Test
  void communityAdapterAnswersEveryOperationAsTheContractDefines() {
    CommunityAdapter adapter = new CommunityAdapter();
    assertThat(adapter.capabilities()).isEmpty();
    for (Operation operation : Operation.values()) {
      RequestBuilder builder = ControlPlaneRequest.builder(operation).tenantId("tenant-demo");
      for (RequestParameter parameter : builder.parameters()) {
        if (parameter.required() && !parameter.name().equals("tenant_id")) {
          builder.set(parameter.name(), sample(parameter.kind()));
        }
      }
      ControlPlaneRequest request = builder.build();
      ControlPlaneResponse response = adapter.handle(request, Caller.ANONYMOUS);
      assertThat(response.status()).isEqualTo(ResponseStatus.REQUIRES_PRIVATE_SERVICE);
      assertThat(response.verifyAnswers(request)).isSameAs(response);
      assertThat(response.message())
          .isEqualTo(
              operation == Operation.TENANT_ONBOARDING
                  ? ControlPlaneResponse.ONBOARDING_UNAVAILABLE_MESSAGE
                  : ControlPlaneResponse.UNAVAILABLE_MESSAGE);
    }
  }

  private static Object sample(RequestParameter.Kind kind) {
    switch (kind) {
      case TEXT_LIST:
        return List.of("ref-1");
      case LICENSE_REPORT:
        return LicenseValidationReport.communityDefault();
      default:
        return "Demo Organization";
    }
  }
}
