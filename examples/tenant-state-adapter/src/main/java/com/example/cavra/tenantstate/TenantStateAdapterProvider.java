package com.example.cavra.tenantstate;

import io.cavra.controlplane.contract.ContractException;
import io.cavra.controlplane.contract.ErrorCode;
import io.cavra.controlplane.contract.adapter.ControlPlaneAdapter;
import io.cavra.controlplane.contract.adapter.ControlPlaneAdapterProvider;
import java.nio.file.Path;
import java.util.Map;

/**
 * Registers {@link TenantStateAdapter} as {@value #NAME} with {@link java.util.ServiceLoader}. It takes one
 * setting, {@value #STATE_FILE}: the path of the tenant state file.
 */
public final class TenantStateAdapterProvider implements ControlPlaneAdapterProvider {
  /** The adapter's name, as given to {@code cavra-cp serve --adapter}. */
  public static final String NAME = "tenant-state";
  /** The setting that names the state file. */
  public static final String STATE_FILE = "state-file";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "answers six readiness and status operations from a tenant state file (setting " + STATE_FILE + ")";
  }

  @Override
  public ControlPlaneAdapter create(Map<String, String> settings) throws Exception {
    for (String key : settings.keySet()) {
      if (!key.equals(STATE_FILE)) {
        throw ContractException.of(ErrorCode.UNKNOWN_FIELD, "adapter-setting",
            "the " + NAME + " adapter has no setting " + key + "; its only setting is " + STATE_FILE);
      }
    }
    String stateFile = settings.get(STATE_FILE);
    if (stateFile == null || stateFile.isBlank()) {
      throw ContractException.of(ErrorCode.MISSING_FIELD, "adapter-setting",
          "the " + NAME + " adapter needs the setting " + STATE_FILE + "=<path of the tenant state file>");
    }
    return TenantStateAdapter.fromFile(Path.of(stateFile));
  }
}
