package io.cavra.controlplane.cli;

import io.cavra.controlplane.contract.DeploymentModel;
import io.cavra.controlplane.contract.ExportFormat;
import io.cavra.controlplane.contract.RequestParameter;
import io.cavra.controlplane.contract.WireValue;
import io.cavra.controlplane.contract.WorkerMode;
import java.util.Arrays;
import java.util.List;

/**
 * The values a text parameter of the request builders is limited to, for {@code --help} and shell
 * completion: the wire names of the contract's enum for it. {@code AllowedValuesTest} keeps this
 * table equal to the {@code enum}s of the published request payload schemas.
 */
final class AllowedValues {
  private AllowedValues() {}

  /** The allowed values in the contract's order; empty when any text is allowed. */
  static List<String> of(RequestParameter parameter) {
    switch (parameter.name()) {
      case "deployment_model":
        return wireNames(DeploymentModel.values());
      case "export_format":
        return wireNames(ExportFormat.values());
      case "worker_mode":
        return wireNames(WorkerMode.values());
      default:
        return List.of();
    }
  }

  private static List<String> wireNames(WireValue... values) {
    return Arrays.stream(values).map(WireValue::wireName).toList();
  }
}
