package io.cavra.controlplane.bench;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cavra.controlplane.contract.ControlPlaneRequest;
import io.cavra.controlplane.contract.Operation;
import io.cavra.controlplane.contract.RequestPayload;
import io.cavra.controlplane.contract.SchemaVersion;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The benchmark envelope: a {@code policy_registry_lookup} request with twelve policy references
 * and ten public labels, about 1 KB of canonical JSON. Built once through the contract builder and
 * once as a bare Jackson tree from the same values, in the same key order.
 */
final class Envelopes {
  static final String TENANT_ID = "tenant-acme-eu-01";
  static final String REQUESTED_BY = "console";
  // Fixed, so the builder does not draw from SecureRandom and the bytes are stable.
  static final String CORRELATION_ID = "saas-3f9c2a71b04e";

  static final String[] POLICY_REFS = {
    "cavra-starter/baseline-network-egress@2.4.1",
    "cavra-starter/baseline-iam-least-privilege@1.9.0",
    "cavra-starter/storage-encryption-at-rest@3.0.2",
    "cavra-starter/audit-log-retention-365d@1.2.0",
    "acme-platform/k8s-pod-security-restricted@4.1.0",
    "acme-platform/container-image-provenance@2.0.0",
    "acme-platform/tls-min-version-1-2@1.0.3",
    "acme-payments/pci-dss-segmentation@5.2.1",
    "acme-payments/cardholder-data-masking@1.4.0",
    "acme-security/vulnerability-sla-critical-7d@2.2.0",
    "acme-security/change-approval-two-person@1.1.0",
    "acme-security/backup-restore-drill-quarterly@1.0.0",
  };

  static final Map<String, String> LABELS = labels();

  private Envelopes() {}

  /** The request through the builder, which runs the secret guard over the whole payload. */
  static ControlPlaneRequest request() {
    return ControlPlaneRequest.builder(Operation.POLICY_REGISTRY_LOOKUP)
        .tenantId(TENANT_ID)
        .requestedBy(REQUESTED_BY)
        .correlationId(CORRELATION_ID)
        .policyRefs(POLICY_REFS)
        .labels(LABELS)
        .build();
  }

  /** The same document as a generic Jackson tree, keys in wire order. */
  static ObjectNode tree(JsonNodeFactory nodes) {
    ObjectNode root = nodes.objectNode();
    root.put("schema_version", SchemaVersion.REQUEST.wireName());
    root.put("operation", Operation.POLICY_REGISTRY_LOOKUP.wireName());
    root.put("tenant_id", TENANT_ID);
    root.put("requested_by", REQUESTED_BY);
    root.put("correlation_id", CORRELATION_ID);
    root.put("private_implementation_required", true);
    ObjectNode payload = root.putObject("payload");
    var refs = payload.putArray("policy_refs");
    for (String ref : POLICY_REFS) {
      refs.add(ref);
    }
    ObjectNode labels = payload.putObject("labels");
    for (Map.Entry<String, String> label : LABELS.entrySet()) {
      labels.put(label.getKey(), label.getValue());
    }
    payload.put("resolution_boundary", RequestPayload.PolicyRegistryLookup.BOUNDARY);
    return root;
  }

  private static Map<String, String> labels() {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put("team", "governance");
    labels.put("environment", "production");
    labels.put("region", "eu-west-1");
    labels.put("cost-center", "cc-4471");
    labels.put("data-classification", "internal");
    labels.put("compliance", "soc2-type2");
    labels.put("owner", "platform-security");
    labels.put("tier", "gold");
    labels.put("app", "payments-api");
    labels.put("review-cycle", "quarterly");
    return labels;
  }
}
