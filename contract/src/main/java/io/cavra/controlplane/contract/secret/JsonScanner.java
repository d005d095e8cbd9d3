package io.cavra.controlplane.contract.secret;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import io.cavra.controlplane.contract.ErrorCode;
import io.cavra.controlplane.contract.MalformedJsonException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.CharBuffer;
import java.util.Arrays;

/**
 * Scans a JSON document in one streaming pass with jackson-core, building no tree. String values
 * are checked straight from the parser's buffer, so strings without a keyword allocate nothing.
 */
final class JsonScanner {
  /** Nesting is limited by the guard's own {@code maxDepth}, so Jackson's limit is lifted. */
  static final JsonFactory FACTORY =
      JsonFactory.builder()
          .streamReadConstraints(
              StreamReadConstraints.builder().maxNestingDepth(Integer.MAX_VALUE).build())
          .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
          .build();

  private JsonScanner() {}

  /** Scans the document of {@code parser} into {@code walk}; closes nothing. */
  static void scan(JsonParser parser, Walk walk, int maxDepth) {
    try {
      scanTokens(parser, walk, maxDepth);
    } catch (StreamConstraintsException e) {
      throw MalformedJsonException.of(
          ErrorCode.TOO_LARGE,
          location(parser.currentLocation()),
          "input exceeds the parser's limits");
    } catch (JsonParseException e) {
      throw invalid(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void scanTokens(JsonParser p, Walk walk, int maxDepth) throws IOException {
    boolean[] isArray = new boolean[16];
    int[] index = new int[16];
    int depth = 0;
    JsonToken t = p.nextToken();
    if (t == null) {
      throw invalid(p.currentLocation(), "no JSON value");
    }
    for (; ; ) {
      if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
        if (--depth == 0) {
          break;
        }
        t = p.nextToken();
        continue;
      }
      if (t == JsonToken.FIELD_NAME) {
        int rule = walk.enterKey(depth - 1, p.currentName());
        t = p.nextToken();
        if (rule != KeyMatcher.NO_MATCH && !isExempt(p, t)) {
          walk.reportKey(depth - 1, rule);
        }
        if (walk.done()) {
          return;
        }
      } else if (depth > 0) {
        walk.index(depth - 1, ++index[depth - 1]);
      }
      if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
        if (depth + 1 > maxDepth) {
          throw walk.tooDeep(depth);
        }
        if (depth == isArray.length) {
          isArray = Arrays.copyOf(isArray, depth * 2);
          index = Arrays.copyOf(index, depth * 2);
        }
        isArray[depth] = t == JsonToken.START_ARRAY;
        index[depth] = -1;
        depth++;
      } else {
        if (t == JsonToken.VALUE_STRING) {
          walk.checkChars(depth, p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
          if (walk.done()) {
            return;
          }
        }
        if (depth == 0) {
          break;
        }
      }
      t = p.nextToken();
    }
    if (p.nextToken() != null) {
      throw invalid(p.currentTokenLocation(), "trailing content after the JSON value");
    }
  }

  /** A null or placeholder value names no secret, so key rules let it pass. */
  private static boolean isExempt(JsonParser p, JsonToken t) throws IOException {
    return t == JsonToken.VALUE_NULL
        || (t == JsonToken.VALUE_STRING
            && Placeholders.isPlaceholder(
                CharBuffer.wrap(p.getTextCharacters(), p.getTextOffset(), p.getTextLength())));
  }

  /** {@code line L, column C}. */
  static String location(JsonLocation location) {
    if (location == null) {
      location = JsonLocation.NA;
    }
    return "line " + location.getLineNr() + ", column " + location.getColumnNr();
  }

  static MalformedJsonException invalid(JsonLocation location, String reason) {
    return MalformedJsonException.of(ErrorCode.INVALID_JSON, location(location), reason);
  }

  /** Jackson's own message quotes the input, so only its kind is kept. */
  static MalformedJsonException invalid(JsonParseException e) {
    String original = String.valueOf(e.getOriginalMessage());
    String reason;
    if (e instanceof JsonEOFException) {
      reason = "unexpected end of input";
    } else if (original.contains("UTF-8") || original.contains("UTF8")) {
      reason = "input is not valid UTF-8";
    } else {
      reason = "malformed JSON";
    }
    return invalid(e.getLocation(), reason);
  }
}
