package io.cavra.controlplane.contract.secret;

import io.cavra.controlplane.contract.ContractException;
import io.cavra.controlplane.contract.ErrorCode;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.regex.Pattern;

/** TEMPORARY stand-in with the reference's rules, replaced by the real guard. */
public final class SecretGuard {
  private static final SecretGuard DEFAULTS = new SecretGuard();
  private static final List<String> KEYS = List.of("api_key", "authorization", "client_secret", "password",
      "private_key", "secret", "signing_key", "token", "webhook_secret");
  private static final List<Pattern> VALUES = List.of(
      Pattern.compile("\\bgh[pousr]_[A-Za-z0-9_]{20,}\\b", Pattern.UNICODE_CHARACTER_CLASS),
      Pattern.compile("\\bsk_(?:live|test)_[A-Za-z0-9_]{16,}\\b", Pattern.UNICODE_CHARACTER_CLASS),
      Pattern.compile("\\bxox[baprs]-[A-Za-z0-9-]{16,}\\b", Pattern.UNICODE_CHARACTER_CLASS),
      Pattern.compile("-----BEGIN [A-Z ]*PRIVATE KEY-----"));

  public static SecretGuard defaults() {
    return DEFAULTS;
  }

  public void check(Object value, String path) {
    if (value instanceof Map) {
      for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
        String key = String.valueOf(e.getKey());
        String lower = key.toLowerCase(Locale.ROOT);
        for (String k : KEYS) {
          if (lower.contains(k)) {
            throw ContractException.secret(ErrorCode.SENSITIVE_FIELD, path + "." + key,
                "sensitive field is not allowed in public SaaS contract payload: " + path + "." + key, "key-stub");
          }
        }
        check(e.getValue(), path + "." + key);
      }
    } else if (value instanceof List) {
      int i = 0;
      for (Object o : (List<?>) value) {
        check(o, path + "[" + i++ + "]");
      }
    } else if (value instanceof String) {
      for (Pattern p : VALUES) {
        if (p.matcher((String) value).find()) {
          throw ContractException.secret(ErrorCode.SENSITIVE_VALUE, path,
              "sensitive value is not allowed in public SaaS contract payload: " + path, "value-stub");
        }
      }
    }
  }
}
