package io.cavra.controlplane.cli;

import io.cavra.controlplane.contract.ContractException;
import io.cavra.controlplane.contract.ContractJson;
import io.cavra.controlplane.contract.ControlPlaneRequest;
import io.cavra.controlplane.contract.ControlPlaneResponse;
import io.cavra.controlplane.contract.ErrorCode;
import io.cavra.controlplane.contract.Operation;
import io.cavra.controlplane.contract.ResponseStatus;
import io.cavra.controlplane.contract.Summary;
import io.cavra.controlplane.contract.SummaryBuilder;
import io.cavra.controlplane.contract.SummaryField;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "respond",
    mixinStandardHelpOptions = true,
    header = "Build the response the contract defines for a request.",
    description = {
      "Build the response the contract defines for a request. With --summary-json (an object",
      "whose keys are the summary's field names), the operation's summary response; summary",
      "fields left out are taken from the request where it has a field of the same name",
      "(tenant_id, scopes, cadence, worker mode and targets ...), else they get their defaults.",
      "Without it, the answer of a Community deployment: the onboarding unavailable response for",
      "tenant_onboarding, the generic unavailable response for every other operation."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  cavra-cp request tenant_status --tenant-id tenant-demo | cavra-cp respond --request -",
      "  cavra-cp respond --request request.json --summary-json summary.json --status accepted"
    })
final class RespondCommand implements Callable<Integer> {
  private final Environment environment;

  @Spec CommandSpec spec;

  @Option(
      names = "--request",
      required = true,
      paramLabel = "FILE|-",
      description = "The request envelope, from FILE or standard input ('-').")
  String request;

  @Option(
      names = "--summary-json",
      paramLabel = "FILE|-",
      description = "The summary as a JSON object, from FILE or standard input ('-').")
  String summaryJson;

  @Option(
      names = "--status",
      paramLabel = "STATUS",
      completionCandidates = Statuses.class,
      description =
          "With --summary-json, the response status: ${COMPLETION-CANDIDATES}. "
              + "Default: requires_private_service.")
  String status;

  @Option(
      names = "--compact",
      description = "Print compact JSON. Default: pretty (two-space indent).")
  boolean compact;

  RespondCommand(Environment environment) {
    this.environment = environment;
  }

  @Override
  public Integer call() {
    if (Inputs.STDIN.equals(request) && Inputs.STDIN.equals(summaryJson)) {
      throw new UsageException(
          spec.commandLine(), "--request and --summary-json cannot both read standard input");
    }
    if (status != null && summaryJson == null) {
      throw new UsageException(spec.commandLine(), "--status applies only with --summary-json");
    }
    ResponseStatus chosenStatus =
        status == null ? ResponseStatus.REQUIRES_PRIVATE_SERVICE : status();
    Inputs inputs = new Inputs(environment);
    ContractJson json = ContractJson.defaults();
    ControlPlaneRequest parsed = json.parseRequest(inputs.readBounded(request, json.maxBytes()));
    ControlPlaneResponse response;
    if (summaryJson == null) {
      response =
          parsed.operation() == Operation.TENANT_ONBOARDING
              ? ControlPlaneResponse.onboardingUnavailable(parsed)
              : ControlPlaneResponse.unavailable(parsed);
    } else {
      Object tree = json.parseTree(inputs.readBounded(summaryJson, json.maxBytes()));
      response = ControlPlaneResponse.forSummary(parsed, summary(parsed, tree), chosenStatus);
    }
    PrintWriter out = spec.commandLine().getOut();
    out.print(compact ? ContractJson.toJson(response) : ContractJson.toPrettyJson(response));
    out.print('\n');
    out.flush();
    return ExitCodes.OK;
  }

  private ResponseStatus status() {
    for (ResponseStatus candidate : ResponseStatus.values()) {
      if (candidate.wireName().equals(status)) {
        return candidate;
      }
    }
    throw new UsageException(
        spec.commandLine(),
        "invalid value for option '--status'; expected one of: "
            + String.join(", ", new Statuses()));
  }

  static Summary summary(ControlPlaneRequest request, Object tree) {
    if (!(tree instanceof Map)) {
      throw ContractException.of(
          ErrorCode.INVALID_TYPE, "$", "--summary-json must hold a JSON object of summary fields");
    }
    SummaryBuilder builder = Summary.builder(request.operation());
    for (Map.Entry<?, ?> entry : ((Map<?, ?>) tree).entrySet()) {
      builder.set((String) entry.getKey(), entry.getValue());
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> payload = (Map<String, Object>) request.toMap().get("payload");
    for (SummaryField field : builder.fields()) {
      if (builder.isSet(field.name())) {
        continue;
      }
      if ("tenant_id".equals(field.name())) {
        builder.set("tenant_id", request.tenantId());
        continue;
      }
      Object value = payload.get(field.name());
      boolean textual =
          field.kind() == SummaryField.Kind.STATE
              || field.kind() == SummaryField.Kind.TEXT
              || field.kind() == SummaryField.Kind.OPTIONAL_TEXT;
      if ((textual && value instanceof String)
          || (field.kind() == SummaryField.Kind.TEXT_LIST && value instanceof List)) {
        builder.set(field.name(), value);
      }
    }
    return builder.build();
  }

  /** The wire names of the response statuses, for help and completion. */
  static final class Statuses implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return Arrays.stream(ResponseStatus.values()).map(ResponseStatus::wireName).iterator();
    }
  }
}
