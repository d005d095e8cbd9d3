package com.example.cavra.tenantstate;

import io.cavra.controlplane.conformance.ConformanceSuite;
import io.cavra.controlplane.contract.adapter.ControlPlaneAdapter;
import io.cavra.controlplane.contract.adapter.ControlPlaneAdapterProvider;
import java.util.Map;

/**
 * Certifies the adapter with the conformance kit: one test per vector. The adapter is created the way
 * a gateway creates it, by name through {@link java.util.ServiceLoader}, with the example state file.
 */
class TenantStateAdapterConformanceTest extends ConformanceSuite {
  @Override
  protected ControlPlaneAdapter adapter() throws Exception {
    return ControlPlaneAdapterProvider.named("tenant-state", getClass().getClassLoader())
        .create(Map.of("state-file", "tenants.json"));
  }
}
