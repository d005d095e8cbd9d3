package io.cavra.controlplane.contract.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Floats are written as Python's {@code repr} writes them, checked against 2,800 doubles (random
 * bit patterns, short decimals at every magnitude, powers of two, subnormals) whose repr CPython
 * wrote into {@code python-float-repr.txt}.
 */
class PythonFloatReprTest {

  record Sample(double value, String repr) {}

  static List<Sample> samples() throws IOException {
    List<Sample> samples = new ArrayList<>();
    try (InputStream in = PythonFloatReprTest.class.getResourceAsStream("/python-float-repr.txt")) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (line.isEmpty() || line.startsWith("#")) {
          continue;
        }
        String[] parts = line.split(" ");
        samples.add(
            new Sample(Double.longBitsToDouble(Long.parseUnsignedLong(parts[0], 16)), parts[1]));
      }
    }
    return samples;
  }

  @Test
  void everyDoubleIsWrittenAsPythonsRepr() throws IOException {
    List<String> mismatches = new ArrayList<>();
    List<Sample> samples = samples();
    for (Sample sample : samples) {
      String written = CanonicalJsonWriter.pythonFloatRepr(sample.value());
      if (!written.equals(sample.repr())) {
        mismatches.add(sample.repr() + " written as " + written);
      }
    }
    assertThat(samples).hasSizeGreaterThan(2500);
    assertThat(mismatches).isEmpty();
  }

  @Test
  void aBigDecimalIsWrittenAsItsNearestDouble() {
    assertThat(write(new BigDecimal("0.1000000000000000055511151231257827"))).isEqualTo("0.1");
    assertThat(write(new BigDecimal("1E+16"))).isEqualTo("1e+16");
    assertThat(write(new BigDecimal("12.50"))).isEqualTo("12.5");
    assertThat(write(new BigDecimal("-0.00001"))).isEqualTo("-1e-05");
  }

  @Test
  void theSamplesHoldDoublesThatJava17PrintsLongerThanPython() throws IOException {
    assumeTrue(
        Runtime.version().feature() < 19, "Double.toString is the shortest form from JDK 19 on");
    long longer =
        samples().stream()
            .filter(
                s ->
                    new BigDecimal(Double.toString(Math.abs(s.value())))
                            .stripTrailingZeros()
                            .precision()
                        > new BigDecimal(s.repr()).abs().stripTrailingZeros().precision())
            .count();
    assertThat(longer)
        .as("doubles whose Double.toString has more digits than Python's repr")
        .isPositive();
  }

  private static String write(Object value) {
    return CanonicalJsonWriter.write(value, false);
  }
}
