package io.cavra.controlplane.cli;

import io.cavra.controlplane.contract.ContractException;
import io.cavra.controlplane.contract.ContractJson;
import io.cavra.controlplane.contract.ErrorCode;
import io.cavra.controlplane.contract.JsonPaths;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one input of {@code scan} as its kind says and reports every finding with its region: JSON
 * documents and JSON Lines through the contract's strict parser and the guard's tree scan, YAML
 * through SnakeYAML Engine and the same scan, dotenv and other text line by line (value rules over
 * the line, key rules over its {@code KEY=value} and {@code key: value} pairs). An input whose kind
 * was only guessed from its name or content and that does not parse as that kind is scanned as text
 * instead, with a note: no input is skipped because it is malformed.
 */
final class FileScanner {
  /** What the scan reports to. */
  interface Listener {
    void finding(ScanFinding finding, String line);

    /** A contract error in an input read strictly (exit 1), with its location. */
    void invalid(String where, String code, String message);

    /** Something the user should know that changes nothing (exit code unchanged). */
    void note(String message);

    /** One more JSON document (or JSON Lines line) read. */
    void document();

    void progress(long line, String file);
  }

  /** Bytes looked at to tell text from binary data, as Git does. */
  private static final int SNIFF_BYTES = 8000;

  private final GuardScanner guard;
  private final ContractJson json;
  private final int maxBytes;
  private final boolean strict;
  private final Inputs inputs;
  private final Listener listener;

  /**
   * @param strict whether the kind was given ({@code --type} or {@code --jsonl}): malformed input
   *     is then an error, not a note, as it always is on standard input
   */
  FileScanner(
      GuardScanner guard,
      ContractJson json,
      int maxBytes,
      boolean strict,
      Inputs inputs,
      Listener listener) {
    this.guard = guard;
    this.json = json;
    this.maxBytes = maxBytes;
    this.strict = strict;
    this.inputs = inputs;
    this.listener = listener;
  }

  /** Scans one input; returns false if it was skipped as binary data. */
  boolean scan(SourceFile source) {
    String name = source.stdin() ? Inputs.STDIN : source.path().toString();
    try (InputStream raw = inputs.open(name);
        BufferedInputStream in = new BufferedInputStream(raw, 1 << 16)) {
      SourceFile.Kind kind = source.kind();
      if (kind == null || kind == SourceFile.Kind.TEXT || kind == SourceFile.Kind.ENV) {
        in.mark(SNIFF_BYTES);
        byte[] head = in.readNBytes(SNIFF_BYTES);
        in.reset();
        if (!source.stdin() && isBinary(head)) {
          return false;
        }
        if (kind == null) {
          kind = looksLikeJson(head) ? SourceFile.Kind.JSON : SourceFile.Kind.TEXT;
        }
      }
      switch (kind) {
        case JSON:
          json(source, in);
          break;
        case JSONL:
          jsonLines(source, in);
          break;
        case YAML:
          yaml(source, in);
          break;
        default:
          text(source, in, 1, kind == SourceFile.Kind.ENV);
      }
      return true;
    } catch (IOException e) {
      throw new IoFailure(source.display(), e);
    }
  }

  private void json(SourceFile source, InputStream in) throws IOException {
    byte[] bytes = in.readNBytes(maxBytes == Integer.MAX_VALUE ? maxBytes : maxBytes + 1);
    listener.document();
    Object tree;
    try {
      tree = json.parseTree(bytes);
    } catch (ContractException e) {
      if (strict || source.stdin()) {
        listener.invalid(source.display() + ":" + e.path(), e.code().wireName(), e.getMessage());
        return;
      }
      listener.note(
          source.display()
              + " is not valid JSON ("
              + e.code().wireName()
              + " at "
              + e.path()
              + "): scanned as text");
      text(source, new SequenceInput(bytes, in), 1, false);
      return;
    }
    report(source, tree, bytes, 1, "");
  }

  private void jsonLines(SourceFile source, InputStream in) throws IOException {
    LineReader lines = new LineReader(in, maxBytes);
    long number = 0;
    for (byte[] line = lines.next(); line != null; line = lines.next()) {
      number++;
      listener.progress(number, source.display());
      if (line == LineReader.TOO_LONG) {
        listener.document();
        listener.invalid(
            source.display() + ":" + number + ":$",
            ErrorCode.TOO_LARGE.wireName(),
            "input is larger than " + maxBytes + " bytes");
        continue;
      }
      if (LineReader.isBlank(line)) {
        continue;
      }
      listener.document();
      Object tree;
      try {
        tree = json.parseTree(line);
      } catch (ContractException e) {
        if (strict || source.stdin()) {
          listener.invalid(
              source.display() + ":" + number + ":" + ValidateCommand.location(true, e.path()),
              e.code().wireName(),
              e.getMessage());
        } else {
          listener.note(
              source.display()
                  + ":"
                  + number
                  + " is not valid JSON ("
                  + e.code().wireName()
                  + "): scanned as text");
          textLine(source, (int) number, decode(line), false);
        }
        continue;
      }
      report(source, tree, line, (int) number, "L" + number + " ");
    }
  }

  private void yaml(SourceFile source, InputStream in) throws IOException {
    byte[] bytes = in.readNBytes(maxBytes == Integer.MAX_VALUE ? maxBytes : maxBytes + 1);
    String text = decode(bytes);
    List<YamlDocuments.Document> documents;
    try {
      if (bytes.length > maxBytes) {
        throw new YamlDocuments.Unreadable(0, 0);
      }
      documents = YamlDocuments.read(text, maxBytes, guard);
    } catch (YamlDocuments.Unreadable e) {
      String where =
          bytes.length > maxBytes
              ? "larger than " + maxBytes + " bytes"
              : e.line > 0 ? "line " + e.line + ", column " + e.column : "unreadable";
      listener.note(source.display() + " is not valid YAML (" + where + "): scanned as text");
      text(source, new SequenceInput(bytes, in), 1, false);
      return;
    }
    TextLines lines = TextLines.of(text);
    for (int i = 0; i < documents.size(); i++) {
      YamlDocuments.Document document = documents.get(i);
      String prefix = documents.size() > 1 ? "D" + (i + 1) + " " : "";
      for (GuardScanner.Finding finding : guard.scan(document.tree())) {
        ScanFinding.Region region =
            document
                .locations()
                .place(finding.code(), finding.path(), ScanFinding.Region.onLine(1, 1, 2));
        emit(
            new ScanFinding(
                source,
                finding.code(),
                finding.ruleId(),
                finding.path(),
                region,
                prefix + finding.path()),
            lines.line(region.startLine()));
      }
    }
  }

  /** Reports a parsed JSON document's findings, placed in its text. */
  private void report(
      SourceFile source, Object tree, byte[] bytes, int firstLine, String placePrefix) {
    List<GuardScanner.Finding> findings = guard.scan(tree);
    if (findings.isEmpty()) {
      return;
    }
    String text = decode(bytes);
    Locations locations = JsonLocator.locate(text, firstLine, guard);
    TextLines lines = TextLines.of(text);
    for (GuardScanner.Finding finding : findings) {
      ScanFinding.Region region =
          locations.place(
              finding.code(), finding.path(), ScanFinding.Region.onLine(firstLine, 1, 2));
      emit(
          new ScanFinding(
              source,
              finding.code(),
              finding.ruleId(),
              finding.path(),
              region,
              placePrefix + finding.path()),
          lines.line(region.startLine() - firstLine + 1));
    }
  }

  private void text(SourceFile source, InputStream in, int firstLine, boolean env)
      throws IOException {
    InputStreamReader reader =
        new InputStreamReader(
            in,
            StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE));
    TextLines.LineReader lines =
        new TextLines.LineReader(new BufferedReader(reader, 1 << 16), maxBytes);
    int number = firstLine - 1;
    boolean first = true;
    for (String line = lines.next(); line != null; line = lines.next()) {
      number++;
      listener.progress(number, source.display());
      if (line == TextLines.LineReader.TOO_LONG) {
        listener.invalid(
            source.display() + ":" + number,
            ErrorCode.TOO_LARGE.wireName(),
            "line is longer than " + maxBytes + " characters");
        continue;
      }
      if (first && !line.isEmpty() && line.charAt(0) == '\uFEFF') {
        line = " " + line.substring(1);
      }
      first = false;
      textLine(source, number, line, env);
    }
  }

  private void textLine(SourceFile source, int number, String line, boolean env) {
    List<GuardScanner.TextMatch> matches = guard.textMatches(line);
    List<ScanFinding> keyFindings = new ArrayList<>();
    List<int[]> flaggedKeys = new ArrayList<>();
    for (KeyValues.Pair pair : env ? KeyValues.env(line) : KeyValues.anywhere(line)) {
      String path = JsonPaths.member("$", pair.key());
      if (guard.isCredentialText(pair.key())) {
        continue;
      }
      guard
          .keyRule(pair.key(), pair.value())
          .ifPresent(
              rule -> {
                flaggedKeys.add(new int[] {pair.keyStart(), pair.keyStart() + pair.key().length()});
                keyFindings.add(
                    new ScanFinding(
                        source,
                        ErrorCode.SENSITIVE_FIELD,
                        rule,
                        path,
                        ScanFinding.Region.onLine(
                            number, pair.valueStart() + 1, pair.valueEnd() + 1),
                        env ? path : "L" + number + " " + path));
              });
    }
    Map<String, Integer> ranks = new HashMap<>();
    for (GuardScanner.TextMatch match : matches) {
      // A match that covers part of a flagged key's name is that assignment as a whole, already
      // reported by the key finding (with its path); a credential inside the value is reported too.
      if (flaggedKeys.stream().anyMatch(key -> match.start() < key[1] && key[0] < match.end())) {
        continue;
      }
      int rank = ranks.merge(match.ruleId(), 1, Integer::sum);
      emit(
          new ScanFinding(
              source,
              ErrorCode.SENSITIVE_VALUE,
              match.ruleId(),
              null,
              ScanFinding.Region.onLine(number, match.start() + 1, match.end() + 1),
              "L" + number + (rank > 1 ? "#" + rank : "")),
          line);
    }
    for (ScanFinding finding : keyFindings) {
      emit(finding, line);
    }
  }

  private void emit(ScanFinding finding, String line) {
    listener.finding(finding, line);
  }

  static boolean isBinary(byte[] head) {
    for (byte b : head) {
      if (b == 0) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether the first character that is not white space (or a byte-order mark) opens a JSON object
   * or array.
   */
  static boolean looksLikeJson(byte[] head) {
    int i =
        head.length >= 3
                && (head[0] & 0xff) == 0xEF
                && (head[1] & 0xff) == 0xBB
                && (head[2] & 0xff) == 0xBF
            ? 3
            : 0;
    for (; i < head.length; i++) {
      byte b = head[i];
      if (b == ' ' || b == '\t' || b == '\r' || b == '\n') {
        continue;
      }
      return b == '{' || b == '[';
    }
    return false;
  }

  /** UTF-8 text, with malformed bytes replaced (the contract's parser has already judged them). */
  static String decode(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      return new String(bytes, StandardCharsets.UTF_8);
    }
  }

  /** The bytes already read, then the rest of the stream. */
  private static final class SequenceInput extends java.io.SequenceInputStream {
    SequenceInput(byte[] head, InputStream rest) {
      super(new java.io.ByteArrayInputStream(head), rest);
    }
  }
}
