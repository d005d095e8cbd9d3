package io.cavra.controlplane.contract.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;

/**
 * Writes plain Java JSON values exactly as Python's {@code json.dumps(obj, ensure_ascii=False)}
 * does: compact with {@code separators=(",", ":")}, or pretty with {@code indent=2}. Key order is
 * the map's iteration order.
 *
 * <p>Hand-written rather than Jackson's generator because byte-exactness depends on details that
 * Jackson does differently: lower-case hex in {@code &#92;u00xx} escapes, no escaping of DEL or
 * U+2028, Python's float repr, and {@code ", "}-free pretty printing.
 */
public final class CanonicalJsonWriter {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private CanonicalJsonWriter() {}

  /** The canonical text of {@code value}. */
  public static String write(Object value, boolean pretty) {
    // Envelopes are mostly 0.5 to 2 KB: one buffer of this size is cheaper than growing twice.
    StringBuilder out = new StringBuilder(2048);
    write(out, value, pretty, 0);
    return out.toString();
  }

  private static void write(StringBuilder out, Object value, boolean pretty, int depth) {
    if (value == null) {
      out.append("null");
    } else if (value instanceof String) {
      string(out, (String) value);
    } else if (value instanceof Boolean) {
      out.append(((Boolean) value) ? "true" : "false");
    } else if (value instanceof Map) {
      object(out, (Map<?, ?>) value, pretty, depth);
    } else if (value instanceof List) {
      array(out, (List<?>) value, pretty, depth);
    } else if (value instanceof Long
        || value instanceof Integer
        || value instanceof BigInteger
        || value instanceof Short
        || value instanceof Byte) {
      out.append(value);
    } else if (value instanceof BigDecimal || value instanceof Double || value instanceof Float) {
      out.append(pythonFloatRepr(((Number) value).doubleValue()));
    } else {
      throw new IllegalArgumentException("not a JSON value: " + value.getClass().getName());
    }
  }

  private static void object(StringBuilder out, Map<?, ?> map, boolean pretty, int depth) {
    if (map.isEmpty()) {
      out.append("{}");
      return;
    }
    out.append('{');
    if (map instanceof WireMap) {
      // Read by index: walking the model's own maps allocates no entries.
      WireMap wire = (WireMap) map;
      for (int i = 0; i < wire.size(); i++) {
        member(out, i == 0, wire.key(i), wire.value(i), pretty, depth);
      }
    } else {
      boolean first = true;
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        member(out, first, (String) entry.getKey(), entry.getValue(), pretty, depth);
        first = false;
      }
    }
    if (pretty) {
      newline(out, depth);
    }
    out.append('}');
  }

  private static void member(
      StringBuilder out, boolean first, String key, Object value, boolean pretty, int depth) {
    if (!first) {
      out.append(',');
    }
    if (pretty) {
      newline(out, depth + 1);
    }
    string(out, key);
    out.append(pretty ? ": " : ":");
    write(out, value, pretty, depth + 1);
  }

  private static void array(StringBuilder out, List<?> list, boolean pretty, int depth) {
    if (list.isEmpty()) {
      out.append("[]");
      return;
    }
    out.append('[');
    for (int i = 0, n = list.size(); i < n; i++) {
      if (pretty) {
        newline(out, depth + 1);
      }
      write(out, list.get(i), pretty, depth + 1);
      if (i + 1 < n) {
        out.append(',');
      }
    }
    if (pretty) {
      newline(out, depth);
    }
    out.append(']');
  }

  private static void newline(StringBuilder out, int depth) {
    out.append('\n');
    for (int i = 0; i < depth; i++) {
      out.append("  ");
    }
  }

  static void string(StringBuilder out, String s) {
    out.append('"');
    int start = 0;
    for (int i = 0, n = s.length(); i < n; i++) {
      char c = s.charAt(i);
      if (c >= 0x20 && c != '"' && c != '\\') {
        continue;
      }
      out.append(s, start, i);
      start = i + 1;
      switch (c) {
        case '"':
          out.append("\\\"");
          break;
        case '\\':
          out.append("\\\\");
          break;
        case '\n':
          out.append("\\n");
          break;
        case '\r':
          out.append("\\r");
          break;
        case '\t':
          out.append("\\t");
          break;
        case '\b':
          out.append("\\b");
          break;
        case '\f':
          out.append("\\f");
          break;
        default:
          out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xf]);
      }
    }
    out.append(s, start, s.length()).append('"');
  }

  /**
   * Python's {@code repr(float)}: the shortest digits that read back as the same double (the
   * nearest such digits when two are equally short), positional for decimal exponents -4 to 15,
   * otherwise scientific with a signed exponent of at least two digits.
   */
  public static String pythonFloatRepr(double d) {
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      throw new IllegalArgumentException("JSON has no representation for non-finite numbers");
    }
    if (d == 0) {
      return (Double.doubleToRawLongBits(d) < 0) ? "-0.0" : "0.0";
    }
    BigDecimal decimal = shortest(Math.abs(d));
    String digits = decimal.unscaledValue().toString();
    int exponent = digits.length() - 1 - decimal.scale();
    StringBuilder out = new StringBuilder(24);
    if (d < 0) {
      out.append('-');
    }
    if (exponent >= -4 && exponent < 16) {
      if (exponent >= 0) {
        if (digits.length() <= exponent + 1) {
          out.append(digits);
          for (int i = digits.length(); i <= exponent; i++) {
            out.append('0');
          }
          out.append(".0");
        } else {
          out.append(digits, 0, exponent + 1)
              .append('.')
              .append(digits, exponent + 1, digits.length());
        }
      } else {
        out.append("0.");
        for (int i = -1; i > exponent; i--) {
          out.append('0');
        }
        out.append(digits);
      }
    } else {
      out.append(digits.charAt(0));
      if (digits.length() > 1) {
        out.append('.').append(digits, 1, digits.length());
      }
      out.append('e').append(exponent < 0 ? '-' : '+');
      int abs = Math.abs(exponent);
      if (abs < 10) {
        out.append('0');
      }
      out.append(abs);
    }
    return out.toString();
  }

  /**
   * The shortest decimal that reads back as {@code d} (positive and finite), without trailing
   * zeros; of two equally short ones, the nearer to {@code d}, as Python's {@code repr} (David
   * Gay's shortest mode) chooses. Java 17's {@code Double.toString} reads back but is not always
   * the shortest (JDK-4511638), nor the nearest of its length, so it only bounds the search: if
   * some decimal of a precision reads back, so does one of every greater precision, so the search
   * walks down from Java's precision while a shorter one still reads back.
   */
  static BigDecimal shortest(double d) {
    BigDecimal exact = new BigDecimal(d);
    int precision = new BigDecimal(Double.toString(d)).stripTrailingZeros().precision();
    BigDecimal best = readingBack(exact, d, precision);
    for (BigDecimal shorter;
        precision > 1 && (shorter = readingBack(exact, d, precision - 1)) != null;
        precision--) {
      best = shorter;
    }
    return best.stripTrailingZeros();
  }

  /**
   * The decimal of {@code precision} significant digits nearest to {@code exact} that reads back as
   * {@code d}, or null if none does. Only the decimals just below and just above can.
   */
  private static BigDecimal readingBack(BigDecimal exact, double d, int precision) {
    BigDecimal below = exact.round(new MathContext(precision, RoundingMode.FLOOR));
    BigDecimal above = exact.round(new MathContext(precision, RoundingMode.CEILING));
    boolean belowReads = below.doubleValue() == d;
    boolean aboveReads = above.doubleValue() == d;
    if (belowReads && aboveReads) {
      int nearer = exact.subtract(below).compareTo(above.subtract(exact));
      return nearer < 0
          ? below
          : nearer > 0 ? above : exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
    }
    return belowReads ? below : aboveReads ? above : null;
  }
}
