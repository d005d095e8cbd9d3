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
import io.cavra.controlplane.contract.internal.Utf8Only;
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

  private static final int NONE = KeyMatcher.NO_MATCH;

  /**
   * Walks the tokens as {@link TreeScanner} walks a tree, with the same judgement of what a key
   * rule's key holds; a name/value entry is reported when its object ends, since its name may come
   * after its value.
   */
  private static void scanTokens(JsonParser p, Walk walk, int maxDepth) throws IOException {
    Frames f = new Frames();
    int depth = 0;
    boolean example = false;
    JsonToken t = p.nextToken();
    if (t == null) {
      throw invalid(p.currentLocation(), "no JSON value");
    }
    for (; ; ) {
      if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
        int frame = depth - 1;
        if (f.named[frame] && f.namedValuePath[frame] != null) {
          walk.reportNamedValue(f.namedValuePath[frame]);
        }
        if (f.jwk[frame] && f.jwkMemberPath[frame] != null) {
          walk.reportJwkMember(f.jwkMemberPath[frame]);
        }
        if (--depth == 0) {
          break;
        }
        t = p.nextToken();
        continue;
      }
      int rule = NONE;
      int keyDepth = -1;
      if (t == JsonToken.FIELD_NAME) {
        int seg = depth - 1;
        String key = p.currentName();
        rule = walk.enterKey(seg, key);
        boolean inherits = false;
        if (f.example[seg]) {
          rule = NONE;
        } else if (rule == NONE
            && f.inherited[seg] != NONE
            && KeyWords.onlyCarriers(KeyMatcher.normalize(key))) {
          rule = f.inherited[seg];
          inherits = true;
        }
        example = f.example[seg] || (walk.keyFlags() & KeyMatcher.EXAMPLE_KEY) != 0;
        t = p.nextToken();
        if (rule != NONE
            && (t == JsonToken.VALUE_STRING
                ? (inherits
                    ? walk.inheritedStringFires(rule, text(p))
                    : walk.stringFires(rule, text(p)))
                : t == JsonToken.VALUE_NUMBER_INT && walk.numberFires(rule, p.getNumberValue()))) {
          walk.reportKey(seg, rule);
        }
        int flags = f.example[seg] ? 0 : walk.keyFlags() & TreeScanner.SIBLING_FLAGS;
        if (flags != 0 && t == JsonToken.VALUE_STRING) {
          if ((flags & KeyMatcher.NAME_KEY) != 0 && !f.named[seg]) {
            f.named[seg] = walk.nameRule(text(p)) != NONE;
          }
          if ((flags & KeyMatcher.VALUE_KEY) != 0
              && f.namedValuePath[seg] == null
              && !Placeholders.isPlaceholder(text(p))) {
            f.namedValuePath[seg] = walk.path(seg + 1);
          }
          if ((flags & KeyMatcher.JWK_TYPE_KEY) != 0 && !f.jwk[seg]) {
            f.jwk[seg] = walk.isJwkType(text(p));
          }
          if ((flags & KeyMatcher.JWK_PRIVATE_KEY) != 0
              && f.jwkMemberPath[seg] == null
              && JsonWebKeys.isKeyMaterial(text(p))) {
            f.jwkMemberPath[seg] = walk.path(seg + 1);
          }
        }
        keyDepth = seg;
        if (walk.done()) {
          return;
        }
      } else if (depth > 0) {
        int seg = depth - 1;
        walk.index(seg, ++f.index[seg]);
        rule = f.inherited[seg];
        keyDepth = f.keyDepth[seg];
        example = f.example[seg];
        if (rule != NONE
            && !f.reported[seg]
            && !example
            && (t == JsonToken.VALUE_STRING
                ? walk.elementFires(rule, text(p))
                : t == JsonToken.VALUE_NUMBER_INT && walk.numberFires(rule, p.getNumberValue()))) {
          f.reported[seg] = true;
          walk.reportKey(keyDepth, rule);
        }
      }
      if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
        if (depth + 1 > maxDepth) {
          throw walk.tooDeep(depth);
        }
        f.open(depth, rule, keyDepth, example);
        depth++;
      } else {
        if (t == JsonToken.VALUE_STRING) {
          walk.checkChars(depth, p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
          if (walk.done()) {
            return;
          }
        } else if (t == JsonToken.VALUE_NUMBER_INT && p.getTextLength() >= 13) {
          walk.checkNumber(depth, p.getNumberValue());
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

  /** The current string token, without a copy. */
  private static CharSequence text(JsonParser p) throws IOException {
    return CharBuffer.wrap(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
  }

  /** Per open container: what {@link #scanTokens} knows about it. */
  private static final class Frames {
    int[] index = new int[16];
    int[] inherited = new int[16];
    int[] keyDepth = new int[16];
    boolean[] reported = new boolean[16];
    boolean[] named = new boolean[16];
    String[] namedValuePath = new String[16];
    boolean[] jwk = new boolean[16];
    String[] jwkMemberPath = new String[16];
    boolean[] example = new boolean[16];

    void open(int depth, int rule, int ownerKeyDepth, boolean isExample) {
      if (depth == index.length) {
        int size = depth * 2;
        index = Arrays.copyOf(index, size);
        inherited = Arrays.copyOf(inherited, size);
        keyDepth = Arrays.copyOf(keyDepth, size);
        reported = Arrays.copyOf(reported, size);
        named = Arrays.copyOf(named, size);
        namedValuePath = Arrays.copyOf(namedValuePath, size);
        jwk = Arrays.copyOf(jwk, size);
        jwkMemberPath = Arrays.copyOf(jwkMemberPath, size);
        example = Arrays.copyOf(example, size);
      }
      index[depth] = -1;
      inherited[depth] = rule;
      keyDepth[depth] = ownerKeyDepth;
      reported[depth] = false;
      named[depth] = false;
      namedValuePath[depth] = null;
      jwk[depth] = false;
      jwkMemberPath[depth] = null;
      example[depth] = isExample;
    }
  }

  /** {@code line L, column C}. */
  static String location(JsonLocation location) {
    if (location == null) {
      location = JsonLocation.NA;
    }
    return "line " + location.getLineNr() + ", column " + location.getColumnNr();
  }

  /** The guard's {@code invalid_json} error for input that is not UTF-8. */
  static final Utf8Only.Refusal REFUSED =
      (location, reason) -> MalformedJsonException.of(ErrorCode.INVALID_JSON, location, reason);

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
