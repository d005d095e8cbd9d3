package io.cavra.controlplane.contract.secret;

import java.util.List;

/** Registered in {@code META-INF/services} of the test class path for {@link RuleProviderTest}. */
public final class TestRuleProvider implements SecretRuleProvider {
  @Override
  public List<SecretRule> rules() {
    return List.of(
        SecretRule.value(
            "test-provider-token",
            "token format of the test provider",
            "tstprov_[a-z0-9]{24}",
            "tstprov_"),
        SecretRule.key(
            "key-test-provider-pin", "PIN field of the test provider", "(^|_)tstprov_pin(_|$)"));
  }
}
