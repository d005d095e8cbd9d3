/**
 * The secret guard: refuses credential material (tokens, private keys, passwords) in public SaaS
 * contract payloads, by key name and by value format, and reports the JSON path and rule id of each
 * finding, never the value.
 *
 * <p>{@link io.cavra.controlplane.contract.secret.SecretGuard} is the entry point; {@link
 * io.cavra.controlplane.contract.secret.SecretRuleProvider} lets an organisation add rules through
 * {@link java.util.ServiceLoader}. All parameters are non-null unless documented otherwise.
 */
package io.cavra.controlplane.contract.secret;
