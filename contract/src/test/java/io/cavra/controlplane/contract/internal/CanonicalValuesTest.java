package io.cavra.controlplane.contract.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The canonical writer's handling of the number types and signed zeros a caller can hand it. */
class CanonicalValuesTest {

  @Test
  void positiveAndNegativeZeroKeepTheirSigns() {
    assertThat(CanonicalJsonWriter.pythonFloatRepr(0.0)).isEqualTo("0.0");
    assertThat(CanonicalJsonWriter.pythonFloatRepr(-0.0)).isEqualTo("-0.0");
    assertThat(CanonicalJsonWriter.write(List.of(0.0, -0.0f), false)).isEqualTo("[0.0,-0.0]");
  }

  @Test
  void everyIntegralBoxedTypeIsWrittenAsAnInteger() {
    assertThat(CanonicalJsonWriter.write(List.of((short) -12, (byte) 7, 3, 4L), false))
        .isEqualTo("[-12,7,3,4]");
  }

  @Test
  void aFloatIsWrittenAsTheDoubleItWidensTo() {
    assertThat(CanonicalJsonWriter.write(List.of(0.5f, 1e20f), false))
        .isEqualTo("[0.5,1.0000000200408773e+20]");
  }
}
