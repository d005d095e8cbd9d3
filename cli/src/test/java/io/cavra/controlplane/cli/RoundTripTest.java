package io.cavra.controlplane.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.cavra.controlplane.contract.ContractJson;
import io.cavra.controlplane.contract.Operation;
import org.junit.jupiter.api.Test;

/**
 * {@code request … | validate --canonical} and {@code request … | respond --request -}, for every
 * operation.
 */
class RoundTripTest {
  static String[] minimalArguments(Operation operation) {
    switch (operation) {
      case TENANT_ONBOARDING:
        return new String[] {"tenant-demo", "--organization-name", "Demo Organization"};
      case POLICY_REGISTRY_LOOKUP:
        return new String[] {"tenant-demo", "--policy-ref", "starter-policy-1"};
      case EVIDENCE_EXPORT:
        return new String[] {"tenant-demo", "--evidence-ref", "evidence-1"};
      case LICENSE_VALIDATION:
        return new String[] {"tenant-demo", "--input-json", "-"};
      default:
        return new String[] {"tenant-demo"};
    }
  }

  static Cli.Result request(Operation operation, String... extra) {
    String[] base = minimalArguments(operation);
    String[] args = new String[2 + base.length + extra.length];
    args[0] = "request";
    args[1] = operation.wireName();
    System.arraycopy(base, 0, args, 2, base.length);
    System.arraycopy(extra, 0, args, 2 + base.length, extra.length);
    String stdin =
        operation == Operation.LICENSE_VALIDATION
            ? "{\"report\":{\"status\":\"valid\",\"edition\":\"community\",\"license_id\":\"community\",\"valid\":true,"
                  + "\"message\":\"ok\",\"private_validation_required\":false,\"enabled_features\":[],\"locked_features\":[]}}"
            : "";
    return Cli.runWithStdin(stdin, args);
  }

  @Test
  void prettyRequestPipedToValidateCanonicalPrintsItsCompactForm() {
    for (Operation operation : Operation.values()) {
      Cli.Result pretty = request(operation);
      Cli.Result validated = Cli.runWithStdin(pretty.out(), "validate", "--canonical", "--compact");

      assertThat(pretty.exitCode()).as(operation + ": " + pretty.err()).isZero();
      assertThat(validated.exitCode()).as(operation.wireName()).isZero();
      assertThat(validated.out())
          .isEqualTo(
              ContractJson.toJson(ContractJson.defaults().parseRequest(pretty.out())) + "\n");
    }
  }

  @Test
  void compactRequestPipedToValidateCanonicalPrettyIsTheOriginalPrettyForm() {
    Cli.Result pretty =
        request(Operation.SUPPORT_HANDOFF_READINESS, "--correlation-id", "saas-0123456789ab");
    Cli.Result compact =
        request(
            Operation.SUPPORT_HANDOFF_READINESS,
            "--correlation-id",
            "saas-0123456789ab",
            "--compact");

    Cli.Result validated = Cli.runWithStdin(compact.out(), "validate", "--canonical");

    assertThat(validated.out()).isEqualTo(pretty.out());
  }

  @Test
  void requestPipedToRespondAnswersWithTheSameCorrelationId() {
    for (Operation operation : Operation.values()) {
      Cli.Result request = request(operation);
      Cli.Result response = Cli.runWithStdin(request.out(), "respond", "--request", "-");

      assertThat(response.exitCode()).as(operation + ": " + response.err()).isZero();
      ContractJson json = ContractJson.defaults();
      assertThat(
              json.parseResponse(response.out())
                  .verifyAnswers(json.parseRequest(request.out()))
                  .operation())
          .isEqualTo(operation);
      Cli.Result validated = Cli.runWithStdin(response.out(), "validate");
      assertThat(validated.exitCode()).isZero();
    }
  }
}
