package io.cavra.controlplane.gateway;

import java.util.concurrent.ThreadLocalRandom;
import org.eclipse.jetty.http.HttpFields;

/**
 * Request ids: the caller's {@code X-Request-Id} when it is 1–128 characters of {@code
 * [A-Za-z0-9._:-]} starting alphanumeric, else the trace id of a valid W3C {@code traceparent},
 * else a new {@code req-} and 16 hex digits. Anything else a caller sends there, and an id that
 * looks like a credential to the secret guard (a key pasted into the wrong header), is ignored,
 * never echoed: the id goes into the answer's {@code X-Request-Id}, the problem document and the
 * audit line.
 */
final class RequestIds {
  static final String HEADER = "X-Request-Id";
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private RequestIds() {}

  /**
   * The request id of a request with {@code headers}; a given id that {@code guard} finds
   * credential-like is replaced.
   */
  static String of(HttpFields headers, Guard guard) {
    String given = headers.get(HEADER);
    if (given != null && isRequestId(given) && clean(given, guard)) {
      return given;
    }
    String trace = traceId(headers.get("traceparent"));
    return trace != null && clean(trace, guard) ? trace : generate();
  }

  private static boolean clean(String id, Guard guard) {
    return guard.scan(java.util.Map.of("request_id", id), "$").isEmpty();
  }

  static boolean isRequestId(String id) {
    return Identifiers.token(id, "._:-");
  }

  /**
   * The trace id of a {@code traceparent} ({@code 00-<32 hex>-<16 hex>-<2 hex>}, lower case, ids
   * not all zero), or {@code null}.
   */
  static String traceId(String traceparent) {
    if (traceparent == null
        || traceparent.length() != 55
        || !traceparent.startsWith("00-")
        || traceparent.charAt(35) != '-'
        || traceparent.charAt(52) != '-') {
      return null;
    }
    String trace = traceparent.substring(3, 35);
    String parent = traceparent.substring(36, 52);
    if (!lowerHex(trace)
        || !lowerHex(parent)
        || !lowerHex(traceparent.substring(53))
        || trace.chars().allMatch(c -> c == '0')
        || parent.chars().allMatch(c -> c == '0')) {
      return null;
    }
    return trace;
  }

  private static boolean lowerHex(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
        return false;
      }
    }
    return true;
  }

  static String generate() {
    long bits = ThreadLocalRandom.current().nextLong();
    char[] id = new char[20];
    id[0] = 'r';
    id[1] = 'e';
    id[2] = 'q';
    id[3] = '-';
    for (int i = 0; i < 16; i++) {
      id[4 + i] = HEX[(int) (bits >>> (60 - 4 * i)) & 0xf];
    }
    return new String(id);
  }
}
