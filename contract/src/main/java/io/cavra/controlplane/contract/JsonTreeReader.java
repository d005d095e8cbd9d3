package io.cavra.controlplane.contract;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.base.ParserBase;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import io.cavra.controlplane.contract.internal.CanonicalJsonWriter;
import io.cavra.controlplane.contract.internal.ReadDocument;
import io.cavra.controlplane.contract.internal.ReadList;
import io.cavra.controlplane.contract.internal.ReadMap;
import io.cavra.controlplane.contract.internal.Screening;
import io.cavra.controlplane.contract.internal.Utf8Only;
import io.cavra.controlplane.contract.internal.WireMap;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads one JSON document into plain Java values (ordered maps, lists, strings, {@code Long} /
 * {@code BigInteger}, {@code BigDecimal} for a float, holding the decimal Python's {@code repr}
 * writes for the nearest double, booleans, null) with the contract's safety rules: strict UTF-8, no
 * duplicate keys, bounded size and depth, no trailing content. Recursion is bounded by the depth
 * limit, so hostile input fails with {@code too_deep}, never with a stack overflow. Messages never
 * quote the input.
 */
final class JsonTreeReader {
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private static final Utf8Only.Refusal REFUSED =
      (location, reason) -> MalformedJsonException.of(ErrorCode.INVALID_JSON, location, reason);

  private final JsonFactory factory;
  private final int maxBytes;
  private final int maxDepth;

  public JsonTreeReader(int maxBytes, int maxDepth) {
    this.maxBytes = maxBytes;
    this.maxDepth = maxDepth;
    this.factory =
        JsonFactory.builder()
            .streamReadConstraints(
                StreamReadConstraints.builder()
                    .maxNestingDepth(maxDepth + 1)
                    .maxStringLength(Math.max(maxBytes, 1))
                    .maxDocumentLength(Math.max(maxBytes, 1))
                    .build())
            .build();
  }

  /**
   * A document read with a {@link Screening.Screen}: {@code clear} is true when the secret guard
   * finds nothing in {@code tree} and every string of it is valid Unicode (the input was strictly
   * decoded bytes or valid text, and held no escape sequence).
   */
  public record Screened(Object tree, boolean clear) {}

  /** Reads UTF-8 bytes. */
  public Object read(byte[] utf8) {
    return readBytes(utf8, null).tree();
  }

  /**
   * Reads UTF-8 bytes as {@link #read(byte[])} does, and screens the document with {@code guard}
   * while reading it, so that the guard need not scan the tree's strings afterwards.
   */
  public Screened readScreened(byte[] utf8, Screening guard) {
    return readBytes(utf8, Objects.requireNonNull(guard, "guard"));
  }

  /** Reads bytes, screened with {@code guard} unless it is null (then never clear). */
  private Screened readBytes(byte[] utf8, Screening guard) {
    if (utf8.length > maxBytes) {
      throw tooLarge();
    }
    Utf8Only.check(utf8, REFUSED);
    Screening.Screen screen = null;
    ReadDocument document = new ReadDocument();
    Object tree;
    if (isAscii(utf8)) {
      // Most documents are ASCII: valid UTF-8 as they are, with columns that count bytes and
      // chars alike, so Jackson can read the bytes without a decoded copy.
      if (guard != null) {
        screen = guard.screen(utf8);
      }
      tree = parse(() -> factory.createParser(utf8), screen, document);
    } else {
      String text = decode(utf8);
      if (guard != null) {
        screen = guard.screen(text);
      }
      tree = parse(text, screen, document);
    }
    return screened(tree, guard, screen != null && screen.clear(), document);
  }

  /** Reads text; its UTF-8 size counts against the limit. */
  public Object read(String text) {
    checkSize(text);
    return parse(text, null, new ReadDocument());
  }

  /**
   * Reads text as {@link #read(String)} does, screened as {@link #readScreened(byte[], Screening)}
   * screens bytes. Text can hold lone surrogates that no decoder refused, so a document is only
   * clear if the whole text is valid Unicode too.
   */
  public Screened readScreened(String text, Screening guard) {
    checkSize(text);
    Screening.Screen screen = guard.screen(text);
    ReadDocument document = new ReadDocument();
    Object tree = parse(text, screen, document);
    return screened(tree, guard, screen.clear() && Checks.isValidUnicode(text), document);
  }

  /**
   * The result of a screened read. Only a document that the default guard cleared is marked cleared
   * for the model: a record built from a document that another guard cleared still runs the default
   * guard.
   */
  private static Screened screened(
      Object tree, Screening guard, boolean clear, ReadDocument document) {
    if (clear && guard == Checks.GUARD) {
      document.markCleared();
    }
    return new Screened(tree, clear);
  }

  private void checkSize(String text) {
    // A char is at most 3 UTF-8 bytes; only count exactly when the cheap bound is over the limit.
    if ((long) text.length() * 3 > maxBytes && utf8Length(text) > maxBytes) {
      throw tooLarge();
    }
  }

  private static String decode(byte[] utf8) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(utf8))
          .toString();
    } catch (CharacterCodingException e) {
      throw MalformedJsonException.of(ErrorCode.INVALID_JSON, "$", "input is not valid UTF-8");
    }
  }

  private Object parse(String text, Screening.Screen screen, ReadDocument document) {
    if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
      throw MalformedJsonException.of(
          ErrorCode.INVALID_JSON, "line 1, column 1", "input starts with a byte order mark");
    }
    return parse(() -> factory.createParser(text), screen, document);
  }

  /** Opens a parser over the input; may fail as Jackson's factory methods do. */
  private interface Source {
    JsonParser open() throws IOException;
  }

  /** Reads the document; reports its keys and strings to {@code screen} unless it is null. */
  private Object parse(Source source, Screening.Screen screen, ReadDocument document) {
    Object[] path = new Object[maxDepth + 2];
    try (JsonParser parser = source.open()) {
      JsonToken token = parser.nextToken();
      if (token == null) {
        throw MalformedJsonException.of(
            ErrorCode.INVALID_JSON, "line 1, column 1", "input is empty");
      }
      Object value = value(parser, token, path, 0, screen, document);
      if (parser.nextToken() != null) {
        throw syntax(parser.currentTokenLocation(), "unexpected content after the JSON value");
      }
      return value;
    } catch (StreamConstraintsException e) {
      String reason = String.valueOf(e.getOriginalMessage());
      if (reason.contains("nesting depth")) {
        throw MalformedJsonException.of(
            ErrorCode.TOO_DEEP, "$", "input nests deeper than " + maxDepth + " levels");
      }
      throw MalformedJsonException.of(
          ErrorCode.TOO_LARGE,
          syntax(e.getLocation(), "").location(),
          "a string or number is longer than the reader allows");
    } catch (JsonEOFException e) {
      throw syntax(e.getLocation(), "unexpected end of input");
    } catch (JsonProcessingException e) {
      throw syntax(e.getLocation(), "input is not valid JSON");
    } catch (IOException e) {
      throw MalformedJsonException.of(ErrorCode.INVALID_JSON, "$", "input could not be read");
    }
  }

  private Object value(
      JsonParser parser,
      JsonToken token,
      Object[] path,
      int depth,
      Screening.Screen screen,
      ReadDocument document)
      throws IOException {
    switch (token) {
      case START_OBJECT:
        checkDepth(path, depth);
        return object(parser, path, depth, screen, document);
      case START_ARRAY:
        checkDepth(path, depth);
        List<Object> list = new ArrayList<>();
        int index = 0;
        for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
          path[depth] = index++;
          list.add(value(parser, t, path, depth + 1, screen, document));
        }
        return new ReadList(list.toArray(), document);
      case VALUE_STRING:
        String text = parser.getText();
        if (screen != null) {
          screen.value(tokenOffset(parser), text);
        }
        return text;
      case VALUE_NUMBER_INT:
        if (screen != null && parser.getTextLength() >= 13) {
          // A card number can be written as a JSON number too.
          screen.integer(parser.getText());
        }
        switch (parser.getNumberType()) {
          case INT:
          case LONG:
            return parser.getLongValue();
          default:
            return parser.getBigIntegerValue();
        }
      case VALUE_NUMBER_FLOAT:
        BigDecimal decimal;
        try {
          decimal = parser.getDecimalValue();
        } catch (NumberFormatException e) {
          // An exponent beyond an int (1e99999999999): no BigDecimal, and no double either.
          decimal = null;
        }
        double d = decimal == null ? Double.POSITIVE_INFINITY : decimal.doubleValue();
        if (Double.isInfinite(d)) {
          throw ContractException.of(
              ErrorCode.INVALID_VALUE, render(path, depth), "number is out of range");
        }
        // What Python's json reads is a double: hold the decimal its repr writes for it, as built
        // values are held, so that the model need not look for floats to normalize.
        return new BigDecimal(CanonicalJsonWriter.pythonFloatRepr(d));
      case VALUE_TRUE:
        return Boolean.TRUE;
      case VALUE_FALSE:
        return Boolean.FALSE;
      case VALUE_NULL:
        return null;
      default:
        throw syntax(parser.currentTokenLocation(), "input is not valid JSON");
    }
  }

  /**
   * Small objects, which are most of a contract document, become {@link WireMap}s: one array, keys
   * compared in place for duplicates. Larger ones become a hashed map, so that neither the
   * duplicate check nor a caller's lookups grow quadratic.
   */
  private Map<String, Object> object(
      JsonParser parser, Object[] path, int depth, Screening.Screen screen, ReadDocument document)
      throws IOException {
    Object[] entries = new Object[32];
    int size = 0;
    Map<String, Object> large = null;
    // nextFieldName() reads a name and the colon after it in one call, as Jackson's own tree does.
    for (String key = parser.nextFieldName(); ; key = parser.nextFieldName()) {
      if (key == null) {
        if (parser.hasToken(JsonToken.END_OBJECT)) {
          break;
        }
        throw syntax(parser.currentTokenLocation(), "input is not valid JSON");
      }
      path[depth] = key;
      if (screen != null) {
        screen.key(key);
      }
      boolean duplicate;
      if (large != null) {
        duplicate = large.containsKey(key);
      } else {
        duplicate = false;
        for (int i = 0; i < size && !duplicate; i += 2) {
          duplicate = entries[i].equals(key);
        }
      }
      if (duplicate) {
        throw MalformedJsonException.of(
            ErrorCode.DUPLICATE_KEY, render(path, depth + 1), "duplicate key in object");
      }
      Object value = value(parser, parser.nextToken(), path, depth + 1, screen, document);
      if (large != null) {
        large.put(key, value);
      } else if (size < entries.length) {
        entries[size++] = key;
        entries[size++] = value;
      } else {
        large = new LinkedHashMap<>();
        for (int i = 0; i < size; i += 2) {
          large.put((String) entries[i], entries[i + 1]);
        }
        large.put(key, value);
      }
    }
    return large != null
        ? new ReadMap(large, document)
        : WireMap.read(document, Arrays.copyOf(entries, size));
  }

  /**
   * Where the current token starts, in the unit of the parser's input (bytes or chars). Jackson's
   * own parsers keep it in a field; asking for a location would allocate one per string.
   */
  private static long tokenOffset(JsonParser parser) {
    if (parser instanceof ParserBase) {
      return ((ParserBase) parser).getTokenCharacterOffset();
    }
    JsonLocation location = parser.currentTokenLocation();
    return location.getByteOffset() >= 0 ? location.getByteOffset() : location.getCharOffset();
  }

  private void checkDepth(Object[] path, int depth) {
    if (depth >= maxDepth) {
      throw MalformedJsonException.of(
          ErrorCode.TOO_DEEP,
          render(path, depth),
          "input nests deeper than " + maxDepth + " levels");
    }
  }

  /** The dotted path of the first {@code length} segments; {@code $} for the root. */
  static String render(Object[] path, int length) {
    if (length == 0) {
      return "$";
    }
    StringBuilder out = new StringBuilder();
    if (path[0] instanceof Integer) {
      out.append('$');
    }
    for (int i = 0; i < length; i++) {
      Object segment = path[i];
      if (segment instanceof Integer) {
        out.append('[').append(segment).append(']');
      } else {
        JsonPaths.appendMember(out, Checks.keyInPath((String) segment));
      }
    }
    return out.toString();
  }

  private MalformedJsonException tooLarge() {
    return MalformedJsonException.of(
        ErrorCode.TOO_LARGE, "$", "input is larger than " + maxBytes + " bytes");
  }

  private static MalformedJsonException syntax(JsonLocation location, String message) {
    String where =
        location == null
            ? "$"
            : "line " + location.getLineNr() + ", column " + location.getColumnNr();
    return MalformedJsonException.of(ErrorCode.INVALID_JSON, where, message);
  }

  /** Whether every byte is ASCII; eight at a time. */
  private static boolean isAscii(byte[] bytes) {
    int i = 0;
    long any = 0;
    for (int n = bytes.length - 7; i < n; i += 8) {
      any |= (long) LONGS.get(bytes, i);
    }
    for (; i < bytes.length; i++) {
      any |= bytes[i];
    }
    return (any & 0x8080_8080_8080_8080L) == 0;
  }

  private static long utf8Length(String text) {
    long bytes = 0;
    for (int i = 0, n = text.length(); i < n; i++) {
      char c = text.charAt(i);
      if (c < 0x80) {
        bytes++;
      } else if (c < 0x800) {
        bytes += 2;
      } else if (Character.isHighSurrogate(c)
          && i + 1 < n
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        bytes += 4;
        i++;
      } else {
        bytes += 3;
      }
    }
    return bytes;
  }
}
