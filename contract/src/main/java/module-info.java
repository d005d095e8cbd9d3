/**
 * The CAVRA SaaS Control Plane Contract: envelopes, builders, canonical JSON, parser, secret guard
 * and published JSON Schemas. Depends on jackson-core only.
 */
module io.cavra.controlplane.contract {
  requires com.fasterxml.jackson.core;

  exports io.cavra.controlplane.contract;
  exports io.cavra.controlplane.contract.secret;
  exports io.cavra.controlplane.contract.adapter;

  uses io.cavra.controlplane.contract.adapter.ControlPlaneAdapterProvider;
  uses io.cavra.controlplane.contract.secret.SecretRuleProvider;
  uses io.cavra.controlplane.contract.internal.Screening;

  provides io.cavra.controlplane.contract.adapter.ControlPlaneAdapterProvider with
      io.cavra.controlplane.contract.adapter.CommunityAdapter.Provider;
  provides io.cavra.controlplane.contract.internal.Screening with
      io.cavra.controlplane.contract.secret.DefaultGuardService;
}
