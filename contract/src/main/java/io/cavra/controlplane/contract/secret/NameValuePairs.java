package io.cavra.controlplane.contract.secret;

import java.util.Set;

/**
 * The name/value shape of environment and parameter lists: {@code {"name": "DB_PASSWORD", "value":
 * "…"}} (Kubernetes, ECS), {@code {"ParameterKey": …, "ParameterValue": …}} (CloudFormation),
 * {@code {"key": …, "value": …}}. The value is a credential when the name is one that a key rule
 * covers.
 */
final class NameValuePairs {
  private NameValuePairs() {}

  private static final Set<String> NAMES =
      spellings(
          "name",
          "key",
          "variable",
          "var",
          "env",
          "env_var",
          "parameter_key",
          "parameter_name",
          "setting",
          "setting_name",
          "field",
          "field_name",
          "option",
          "property");

  private static final Set<String> VALUES =
      spellings(
          "value", "val", "parameter_value", "setting_value", "current_value", "default_value");

  /** Whether {@code key} names the entry: {@code name}, {@code ParameterKey}, {@code env_var} …. */
  static boolean isNameKey(String key) {
    return NAMES.contains(key);
  }

  /** Whether {@code key} holds the entry's value: {@code value}, {@code ParameterValue} …. */
  static boolean isValueKey(String key) {
    return VALUES.contains(key);
  }

  /**
   * The snake, kebab, camel, Pascal and upper-case spellings of snake-case names, so that a lookup
   * is one hash probe of the key as it is (these checks run on every key of a walk).
   */
  private static Set<String> spellings(String... snakeNames) {
    Set<String> all = new java.util.HashSet<>();
    for (String snake : snakeNames) {
      StringBuilder camel = new StringBuilder();
      boolean up = false;
      for (char c : snake.toCharArray()) {
        if (c == '_') {
          up = true;
        } else {
          camel.append(up ? Character.toUpperCase(c) : c);
          up = false;
        }
      }
      String lowerCamel = camel.toString();
      all.add(snake);
      all.add(snake.replace('_', '-'));
      all.add(snake.toUpperCase(java.util.Locale.ROOT));
      all.add(lowerCamel);
      all.add(Character.toUpperCase(lowerCamel.charAt(0)) + lowerCamel.substring(1));
    }
    return Set.copyOf(all);
  }
}
