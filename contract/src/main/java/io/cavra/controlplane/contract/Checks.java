package io.cavra.controlplane.contract;

import io.cavra.controlplane.contract.internal.ReadDocument;
import io.cavra.controlplane.contract.internal.ReadList;
import io.cavra.controlplane.contract.internal.Screening;
import io.cavra.controlplane.contract.internal.WireMap;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Shared value checks of the model. Every failure is a {@link ContractException} with a path. */
final class Checks {
  /** The default secret guard, which every record applies. */
  static final Screening GUARD = Screening.defaults();

  private Checks() {}

  /**
   * The reference's identifier rule: strip white space as Python's {@code str.strip()} does, refuse
   * an empty result with {@code <field> must not be empty}, then run the secret guard's value
   * rules.
   */
  public static String identifier(String value, String field) {
    return identifier(value, field, field);
  }

  /**
   * {@link #identifier(String, String)} for a field that sits at {@code location} in its document.
   */
  public static String identifier(String value, String field, String location) {
    if (value == null) {
      throw ContractException.of(ErrorCode.MISSING_FIELD, location, field + " is required");
    }
    String stripped = pythonStrip(text(value, location));
    if (stripped.isEmpty()) {
      throw ContractException.of(ErrorCode.EMPTY_VALUE, location, field + " must not be empty");
    }
    guard(stripped, location);
    return stripped;
  }

  /**
   * A required string that must be valid Unicode (no unpaired surrogates, which UTF-8 cannot
   * carry).
   */
  public static String text(String value, String location) {
    if (value == null) {
      throw ContractException.of(ErrorCode.MISSING_FIELD, location, location + " is required");
    }
    if (!isValidUnicode(value)) {
      throw ContractException.of(
          ErrorCode.INVALID_VALUE, location, location + " must be valid Unicode text");
    }
    return value;
  }

  /** Whether every surrogate in {@code value} is part of a pair. */
  static boolean isValidUnicode(String value) {
    for (int i = 0, n = value.length(); i < n; i++) {
      char c = value.charAt(i);
      if (Character.isSurrogate(c)) {
        if (Character.isHighSurrogate(c)
            && i + 1 < n
            && Character.isLowSurrogate(value.charAt(i + 1))) {
          i++;
        } else {
          return false;
        }
      }
    }
    return true;
  }

  /** A nullable string; {@code null} stays {@code null}. */
  public static String optionalText(String value, String location) {
    return value == null ? null : text(value, location);
  }

  /**
   * An immutable copy of a list of strings; each element is checked at {@code location[i]}. A list
   * that is already an immutable JDK list, or one the reader built, is not copied again; the
   * strings of a list from a document the default guard's screen cleared are valid Unicode already.
   */
  public static List<String> textList(List<?> values, String location) {
    if (values == null) {
      throw ContractException.of(ErrorCode.MISSING_FIELD, location, location + " is required");
    }
    int index = 0;
    boolean screened = ReadDocument.isCleared(values);
    for (Object element : values) {
      if (!(element instanceof String)) {
        String elementLocation = location + "[" + index + "]";
        throw element == null
            ? ContractException.of(
                ErrorCode.INVALID_TYPE,
                elementLocation,
                elementLocation + " must be a string, not null")
            : ContractException.of(
                ErrorCode.INVALID_TYPE, elementLocation, elementLocation + " must be a string");
      }
      if (!screened && !isValidUnicode((String) element)) {
        String elementLocation = location + "[" + index + "]";
        throw ContractException.of(
            ErrorCode.INVALID_VALUE,
            elementLocation,
            elementLocation + " must be valid Unicode text");
      }
      index++;
    }
    @SuppressWarnings("unchecked")
    List<String> strings = (List<String>) values;
    return values instanceof ReadList ? strings : List.copyOf(strings);
  }

  /** Like {@link #textList} but refuses an empty list with the reference's message. */
  public static List<String> nonEmptyTextList(
      List<?> values, String location, String emptyMessage) {
    List<String> copy = textList(values, location);
    if (copy.isEmpty()) {
      throw ContractException.of(ErrorCode.EMPTY_LIST, location, emptyMessage);
    }
    return copy;
  }

  /**
   * An immutable, order-preserving copy of a free-form object whose values are any JSON values (see
   * {@link JsonValues}), sitting {@code depth} levels below the root of its document; {@code null}
   * is empty. An object of a document the default guard's screen cleared is immutable, its strings
   * are valid and its floats normalized by the reader already, so it is kept as it is.
   */
  public static Map<String, Object> jsonMap(Map<?, ?> values, String location, int depth) {
    if (values == null || values.isEmpty()) {
      return Map.of();
    }
    if (ReadDocument.isCleared(values)) {
      @SuppressWarnings("unchecked")
      Map<String, Object> parsed = (Map<String, Object>) values;
      return parsed;
    }
    return JsonValues.copyMap(values, location, depth);
  }

  /**
   * Runs the default secret guard over {@code value}, reporting paths below {@code location}. A
   * list or map of a document the guard's screen cleared is not walked again, and neither is such a
   * value of an ordered map of a record's fields.
   */
  public static void guard(Object value, String location) {
    if (ReadDocument.isCleared(value)) {
      return;
    }
    GUARD.check(value instanceof WireMap ? uncleared((WireMap) value) : value, location);
  }

  /**
   * {@code fields} without the entries whose values are lists or maps of cleared documents, or the
   * contract's own fixed texts.
   */
  private static WireMap uncleared(WireMap fields) {
    int size = fields.size();
    int kept = 0;
    for (int i = 0; i < size; i++) {
      if (!isClear(fields.value(i))) {
        kept++;
      }
    }
    if (kept == size) {
      return fields;
    }
    Object[] entries = new Object[kept * 2];
    int j = 0;
    for (int i = 0; i < size; i++) {
      if (!isClear(fields.value(i))) {
        entries[j++] = fields.key(i);
        entries[j++] = fields.value(i);
      }
    }
    return WireMap.of(entries);
  }

  private static boolean isClear(Object value) {
    return ReadDocument.isCleared(value) || FIXED_TEXTS.contains(value);
  }

  /**
   * The contract's own fixed texts, held by identity: every public {@code String} or {@code List}
   * constant of the payload and summary records (boundaries, requested checks), each of which the
   * default guard cleared once here. A record's field that is one of these very objects is not
   * walked again; an equal text from elsewhere is.
   */
  private static final Set<Object> FIXED_TEXTS = fixedTexts();

  private static Set<Object> fixedTexts() {
    List<Class<?>> records = new ArrayList<>();
    for (Class<?> sealed : List.of(RequestPayload.class, ResponsePayload.class)) {
      records.addAll(List.of(sealed.getPermittedSubclasses()));
    }
    for (Operation operation : Operation.values()) {
      if (operation.hasSummary()) {
        records.add(operation.summaryResponse().type());
      }
    }
    Set<Object> fixed = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Class<?> type : records) {
      for (Field field : type.getFields()) {
        int modifiers = field.getModifiers();
        Class<?> kind = field.getType();
        if (Modifier.isStatic(modifiers)
            && Modifier.isFinal(modifiers)
            && (kind == String.class || kind == List.class)) {
          try {
            Object text = field.get(null);
            GUARD.check(text, type.getSimpleName() + "." + field.getName());
            fixed.add(text);
          } catch (IllegalAccessException | ContractException e) {
            // Not taken as clear: records check it each time, as any other value.
          }
        }
      }
    }
    return fixed;
  }

  /**
   * Runs the default secret guard over {@code value} as {@link #guard(Object, String)} does, for a
   * value whose path the reference writes differently in its message: the exception's location is
   * the real path below {@code locationRoot} ({@code payload.contacts.owners.primary.password}),
   * its message the reference's text with {@code messageRoot} in its place ({@code sensitive field
   * is not allowed in public SaaS contract payload: payload.owners.primary.password}).
   */
  public static void guard(Object value, String locationRoot, String messageRoot) {
    if (ReadDocument.isCleared(value)) {
      return;
    }
    try {
      GUARD.check(value, locationRoot);
    } catch (ContractException e) {
      if (e.ruleId().isEmpty()) {
        throw e;
      }
      String path = e.location();
      String shown =
          path.startsWith(locationRoot)
              ? messageRoot + path.substring(locationRoot.length())
              : path;
      String what = e.code() == ErrorCode.SENSITIVE_FIELD ? "field" : "value";
      throw ContractException.secret(
          e.code(),
          path,
          "sensitive " + what + " is not allowed in public SaaS contract payload: " + shown,
          e.ruleId().orElseThrow());
    }
  }

  /**
   * A key as an error's location or message may show it: itself, or {@link
   * io.cavra.controlplane.contract.secret.SecretGuard#REDACTED_KEY} if its text is credential
   * material, so that an error about a document's shape cannot repeat a secret that the document
   * used as a key.
   */
  public static String keyInPath(String key) {
    try {
      GUARD.check(key, "$");
      return key;
    } catch (ContractException e) {
      return Screening.REDACTED_KEY;
    }
  }

  /**
   * Python's {@code str.strip()}: removes every character for which {@code str.isspace()} is true.
   */
  public static String pythonStrip(String value) {
    int start = 0;
    int end = value.length();
    while (start < end && isPythonSpace(value.charAt(start))) {
      start++;
    }
    while (end > start && isPythonSpace(value.charAt(end - 1))) {
      end--;
    }
    return start == 0 && end == value.length() ? value : value.substring(start, end);
  }

  /** Python's {@code str.isspace()} for one BMP character (no astral character is white space). */
  public static boolean isPythonSpace(char c) {
    if (c <= ' ') {
      return c == ' ' || (c >= '\t' && c <= '\r') || (c >= 0x1c && c <= 0x1f);
    }
    return c == 0x85
        || c == 0xa0
        || c == 0x1680
        || (c >= 0x2000 && c <= 0x200a)
        || c == 0x2028
        || c == 0x2029
        || c == 0x202f
        || c == 0x205f
        || c == 0x3000;
  }
}
