package io.cavra.controlplane.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cavra.controlplane.contract.ContractException;
import io.cavra.controlplane.contract.ContractJson;
import io.cavra.controlplane.contract.secret.SecretGuard;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CanariesTest {
  private final Canaries canaries = Canaries.fresh(new SecureRandom());

  private String value(String kind) {
    Map<?, ?> tree =
        (Map<?, ?>)
            ContractJson.defaults()
                .parseTree(
                    canaries
                        .plant("{\"v\":\"@@CANARY:" + kind + "@@\"}")
                        .getBytes(StandardCharsets.UTF_8));
    return (String) tree.get("v");
  }

  @Test
  void everyKindIsCaughtByTheContractsGuard() {
    for (String kind : Canaries.KINDS) {
      assertThatThrownBy(() -> SecretGuard.defaults().check(value(kind), "v"))
          .as(kind)
          .isInstanceOf(ContractException.class);
    }
  }

  @Test
  void plantingEscapesForJson() {
    assertThat(value("private-key-pem"))
        .startsWith("-----BEGIN RSA PRIV")
        .contains("\n")
        .endsWith("KEY-----");
  }

  @Test
  void everyRunPlantsFreshValues() {
    Canaries other = Canaries.fresh(new SecureRandom());
    for (String kind : Canaries.KINDS) {
      String value = value(kind);
      assertThat(other.foundIn(value)).as(kind).isEmpty();
      assertThat(canaries.foundIn("prefix " + value + " suffix")).contains(kind);
    }
  }

  @Test
  void redactionReplacesWhatWasFoundWithThePlaceholder() {
    String text = "tenant " + value("github-classic") + " refused";

    assertThat(canaries.redact(text))
        .isEqualTo("tenant gh" + "p_@@CANARY:github-classic@@ refused");
  }

  @Test
  void unknownKindIsABrokenVector() {
    assertThatThrownBy(() -> canaries.plant("\"@@CANARY:carrier-pigeon@@\""))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("unknown canary kind carrier-pigeon");
  }
}
