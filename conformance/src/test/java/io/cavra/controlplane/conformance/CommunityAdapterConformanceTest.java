package io.cavra.controlplane.conformance;

import io.cavra.controlplane.contract.adapter.CommunityAdapter;
import io.cavra.controlplane.contract.adapter.ControlPlaneAdapter;

/**
 * The built-in Community adapter passes the kit in process: it declares nothing and answers
 * unavailable.
 */
class CommunityAdapterConformanceTest extends ConformanceSuite {
  @Override
  protected ControlPlaneAdapter adapter() {
    return new CommunityAdapter();
  }
}
