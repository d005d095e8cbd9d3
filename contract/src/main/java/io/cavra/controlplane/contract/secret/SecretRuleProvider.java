package io.cavra.controlplane.contract.secret;

import java.util.List;

/**
 * Service-provider interface through which an organisation adds its own {@link SecretRule}s to
 * {@link SecretGuard#defaults()} without forking the library. Implementations are found with {@link
 * java.util.ServiceLoader}: list the implementation class in {@code
 * META-INF/services/io.cavra.controlplane.contract.secret.SecretRuleProvider}, or, in a named
 * module, declare {@code provides … with …}.
 *
 * <pre>{@code
 * public final class AcmeRules implements SecretRuleProvider {
 *   public List<SecretRule> rules() {
 *     return List.of(
 *         SecretRule.value("acme-token", "ACME API token", "acme_[a-z0-9]{32}", "acme_"),
 *         SecretRule.key("key-acme-pin", "ACME PIN field", "(^|_)acme_pin(_|$)"));
 *   }
 * }
 * }</pre>
 *
 * <p>Rule ids must not repeat those of the built-in rules or of other providers; {@link
 * SecretGuard#defaults()} fails with a {@link io.cavra.controlplane.contract.ContractException}
 * otherwise.
 */
public interface SecretRuleProvider {
  /** The rules to add, in the order they should be tried; called once per guard built. */
  List<SecretRule> rules();
}
