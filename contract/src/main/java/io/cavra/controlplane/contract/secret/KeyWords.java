package io.cavra.controlplane.contract.secret;

import java.util.Set;

/**
 * Which words of a normalised key carry a value rather than name a property. In {@code
 * db_password_old} or {@code api_key_b64} the key still names the credential, while in {@code
 * token_ttl_seconds}, {@code api_key_header_name} or {@code secrets_manager_region} the credential
 * word only qualifies what the key names: a lifetime, a header's name, a region.
 */
final class KeyWords {
  private KeyWords() {}

  /**
   * Words that may follow a credential word while the key still names the credential itself:
   * encodings, versions and generations, environments, confirmations.
   */
  static final Set<String> CARRIERS =
      Set.of(
          "value",
          "values",
          "val",
          "b64",
          "base64",
          "hex",
          "enc",
          "encoded",
          "encrypted",
          "hash",
          "hashed",
          "digest",
          "plain",
          "plaintext",
          "clear",
          "cleartext",
          "raw",
          "data",
          "bytes",
          "pem",
          "der",
          "str",
          "string",
          "text",
          "txt",
          "json",
          "old",
          "new",
          "current",
          "curr",
          "prev",
          "previous",
          "next",
          "primary",
          "secondary",
          "backup",
          "temp",
          "tmp",
          "initial",
          "init",
          "default",
          "override",
          "confirm",
          "confirmation",
          "confirmed",
          "again",
          "repeat",
          "retype",
          "verify",
          "verification",
          "prod",
          "production",
          "dev",
          "development",
          "staging",
          "stage",
          "test",
          "testing",
          "qa",
          "uat",
          "live",
          "sandbox",
          "local",
          "base",
          "main",
          "v",
          "b",
          "s",
          "es");

  /**
   * Whether {@code key} names an example of an API description: {@code example(s)}, {@code
   * x-example(s)}.
   */
  static boolean isExampleKey(String key) {
    return key.equals("example")
        || key.equals("examples")
        || key.equals("x-example")
        || key.equals("x-examples");
  }

  /**
   * Whether {@code normalized} from {@code from} on holds only carrier words: the rest of the word
   * in which a credential word ended ({@code tokens}, {@code passwordhash}) and every later word.
   */
  static boolean onlyCarriersFrom(String normalized, int from) {
    int n = normalized.length();
    int start = from;
    while (start < n) {
      int end = normalized.indexOf('_', start);
      if (end < 0) {
        end = n;
      }
      if (end > start && !isCarrier(normalized, start, end)) {
        return false;
      }
      start = end + 1;
    }
    return true;
  }

  /**
   * Whether every word of {@code normalized} is a carrier, e.g. {@code value} or {@code prod_b64}.
   */
  static boolean onlyCarriers(String normalized) {
    return !normalized.isEmpty() && onlyCarriersFrom(normalized, 0);
  }

  private static boolean isCarrier(String text, int start, int end) {
    boolean digits = true;
    for (int i = start; i < end; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        digits = false;
        break;
      }
    }
    return digits || CARRIERS.contains(text.substring(start, end));
  }
}
