package io.cavra.controlplane.contract;

import java.util.Objects;

/**
 * JSON paths as the contract writes them: RFC 9535 member-name shorthand ({@code .name}) for a
 * member whose name is a JSONPath identifier, and a normalized bracket selector ({@code ['a.b']},
 * with RFC 9535's escapes) for any other name, so that a path names exactly one place: {@code
 * $.payload.labels['app.kubernetes.io/name']} is not {@code $.payload.labels.app.kubernetes}.
 * Indexes are {@code [0]}.
 *
 * <p>The reference writes names as they are ({@code payload.labels.app.kubernetes.io/name}) in its
 * error texts; {@link #reference} turns a path into that form, which {@link
 * ContractException#location()} returns and the reference's messages embed.
 *
 * <p>{@code <redacted>}, which the guard writes instead of a name that is credential material, is
 * kept as it is: it marks a withheld name rather than naming a member.
 *
 * @since 0.2
 */
public final class JsonPaths {
  private static final String REDACTED = "<redacted>";

  private JsonPaths() {}

  /**
   * The path of member {@code name} of the value at {@code parent}; {@code parent} may be empty (a
   * location relative to the document, as {@link ContractException#location()} has), {@code $}, or
   * any path this class wrote.
   */
  public static String member(String parent, String name) {
    Objects.requireNonNull(parent, "parent");
    Objects.requireNonNull(name, "name");
    StringBuilder out = new StringBuilder(parent.length() + name.length() + 5).append(parent);
    appendMember(out, name);
    return out.toString();
  }

  /** The path of element {@code index} of the array at {@code parent}. */
  public static String index(String parent, int index) {
    return Objects.requireNonNull(parent, "parent") + "[" + index + "]";
  }

  /**
   * Appends member {@code name} to the path in {@code out}: {@code .name}, or just {@code name}
   * when {@code out} is empty, for an identifier; {@code ['…']} otherwise.
   */
  public static void appendMember(StringBuilder out, String name) {
    if (isShorthand(name)) {
      if (out.length() > 0) {
        out.append('.');
      }
      out.append(name);
      return;
    }
    out.append("['");
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      switch (c) {
        case '\'' -> out.append("\\'");
        case '\\' -> out.append("\\\\");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20 || (Character.isSurrogate(c) && !pairedAt(name, i))) {
            out.append("\\u").append(String.format("%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append("']");
  }

  /**
   * Whether {@code name} can be written as RFC 9535 member-name shorthand: a letter, {@code _} or a
   * non-ASCII character, then those or digits.
   */
  public static boolean isShorthand(String name) {
    if (name.isEmpty()) {
      return false;
    }
    if (name.equals(REDACTED)) {
      return true;
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean ok =
          c >= 0x80
              ? !Character.isSurrogate(c) || pairedAt(name, i)
              : (c >= 'a' && c <= 'z')
                  || (c >= 'A' && c <= 'Z')
                  || c == '_'
                  || (i > 0 && c >= '0' && c <= '9');
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /**
   * {@code path} with every bracketed name written as the reference writes it, a dot and the name
   * as it is: {@code payload.labels['a.b']} becomes {@code payload.labels.a.b}. Anything else
   * ({@code $}, a position, an option) is returned as it is.
   */
  public static String reference(String path) {
    int open = path.indexOf("['");
    if (open < 0) {
      return path;
    }
    StringBuilder out = new StringBuilder(path.length());
    int i = 0;
    while (open >= 0) {
      out.append(path, i, open);
      if (open > 0) {
        out.append('.');
      }
      i = unquote(path, open + 2, out);
      open = path.indexOf("['", i);
    }
    return out.append(path, i, path.length()).toString();
  }

  /**
   * The path of the value that holds the value at {@code path}, or {@code null} for a path of one
   * segment ({@code $}, {@code name}, {@code ['a.b']}).
   */
  public static String parent(String path) {
    int cut = -1;
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      if (c == '.') {
        cut = i;
      } else if (c == '[') {
        cut = i;
        if (i + 1 < path.length() && path.charAt(i + 1) == '\'') {
          i = unquote(path, i + 2, new StringBuilder()) - 1;
        }
      }
    }
    return cut > 0 ? path.substring(0, cut) : null;
  }

  /**
   * Reads a quoted name from {@code start} into {@code out}; returns the index after its {@code
   * ']}.
   */
  private static int unquote(String path, int start, StringBuilder out) {
    int i = start;
    while (i < path.length()) {
      char c = path.charAt(i);
      if (c == '\'') {
        return Math.min(path.length(), i + 2);
      }
      if (c == '\\' && i + 1 < path.length()) {
        char e = path.charAt(i + 1);
        switch (e) {
          case 'b' -> out.append('\b');
          case 'f' -> out.append('\f');
          case 'n' -> out.append('\n');
          case 'r' -> out.append('\r');
          case 't' -> out.append('\t');
          case 'u' -> {
            int code = i + 6 <= path.length() ? hex(path, i + 2) : -1;
            if (code >= 0) {
              out.append((char) code);
              i += 6;
              continue;
            }
            out.append(e);
          }
          default -> out.append(e);
        }
        i += 2;
        continue;
      }
      out.append(c);
      i++;
    }
    return i;
  }

  /** The four hex digits at {@code start} as a number, or -1. */
  private static int hex(String path, int start) {
    int code = 0;
    for (int i = start; i < start + 4; i++) {
      int digit = Character.digit(path.charAt(i), 16);
      if (digit < 0) {
        return -1;
      }
      code = code * 16 + digit;
    }
    return code;
  }

  private static boolean pairedAt(String s, int i) {
    char c = s.charAt(i);
    return Character.isHighSurrogate(c)
        ? i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))
        : i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
  }
}
