package io.cavra.controlplane.cli;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

/**
 * Reads YAML (1.2, every document of a stream) with SnakeYAML Engine into the Java trees the guard
 * scans, and records where each path's key and value are, so a finding gets its line and column. A
 * scalar becomes what the core schema says it is (null, boolean, integer, float, string); an alias
 * is the node it names, so a recursive one is a cycle, which the guard skips.
 */
final class YamlDocuments {
  /** One document: its tree and the places of its paths. */
  record Document(Object tree, Locations locations) {}

  /** YAML that cannot be read, with where the reader stopped (1-based) when it knows. */
  static final class Unreadable extends Exception {
    private static final long serialVersionUID = 1L;
    final int line;
    final int column;

    Unreadable(int line, int column) {
      super("not YAML", null, false, false);
      this.line = line;
      this.column = column;
    }
  }

  private final TextLines lines;
  private final GuardScanner guard;
  private final Map<Node, Object> converted = new IdentityHashMap<>();
  private Locations locations;

  private YamlDocuments(TextLines lines, GuardScanner guard) {
    this.lines = lines;
    this.guard = guard;
  }

  /** Every document of {@code text}. */
  static List<Document> read(String text, int maxChars, GuardScanner guard) throws Unreadable {
    LoadSettings settings =
        LoadSettings.builder()
            .setAllowDuplicateKeys(true)
            .setMaxAliasesForCollections(100)
            .setCodePointLimit(Math.max(maxChars, 1))
            .setUseMarks(true)
            .build();
    YamlDocuments reader = new YamlDocuments(TextLines.of(text), guard);
    List<Document> documents = new ArrayList<>();
    try {
      Composer composer =
          new Composer(settings, new ParserImpl(settings, new StreamReader(settings, text)));
      while (composer.hasNext()) {
        Node node = composer.next();
        reader.locations = new Locations();
        reader.converted.clear();
        Object tree = reader.convert(node, "$");
        documents.add(new Document(tree, reader.locations));
      }
    } catch (MarkedYamlEngineException e) {
      Optional<Mark> mark = e.getProblemMark().or(e::getContextMark);
      throw new Unreadable(
          mark.map(m -> m.getLine() + 1).orElse(0), mark.map(m -> m.getColumn() + 1).orElse(0));
    } catch (YamlEngineException | IllegalArgumentException e) {
      throw new Unreadable(0, 0);
    }
    return documents;
  }

  private Object convert(Node node, String path) {
    Object done = converted.get(node);
    if (done != null) {
      return done;
    }
    locations.value(path, region(node));
    if (node instanceof MappingNode) {
      Map<String, Object> map = new LinkedHashMap<>();
      converted.put(node, map);
      for (NodeTuple tuple : ((MappingNode) node).getValue()) {
        String key = keyText(tuple.getKeyNode());
        String child = Locations.member(path, key, guard);
        locations.key(child, region(tuple.getKeyNode()));
        map.put(key, convert(tuple.getValueNode(), child));
      }
      return map;
    }
    if (node instanceof SequenceNode) {
      List<Object> list = new ArrayList<>();
      converted.put(node, list);
      int i = 0;
      for (Node item : ((SequenceNode) node).getValue()) {
        list.add(convert(item, path + "[" + i++ + "]"));
      }
      return list;
    }
    return scalar((ScalarNode) node);
  }

  private static Object scalar(ScalarNode node) {
    Tag tag = node.getTag();
    String text = node.getValue();
    try {
      if (Tag.NULL.equals(tag)) {
        return null;
      }
      if (Tag.BOOL.equals(tag)) {
        return Boolean.parseBoolean(text.toLowerCase(java.util.Locale.ROOT));
      }
      if (Tag.INT.equals(tag)) {
        return Long.decode(text.replace("_", "").replace("0o", "0"));
      }
      if (Tag.FLOAT.equals(tag)) {
        return Double.valueOf(text);
      }
    } catch (NumberFormatException e) {
      return text;
    }
    return text;
  }

  /** A key as text: a scalar's value, or the place of a complex key. */
  private static String keyText(Node key) {
    if (key instanceof ScalarNode) {
      return ((ScalarNode) key).getValue();
    }
    return "?";
  }

  private ScanFinding.Region region(Node node) {
    Optional<Mark> start = node.getStartMark();
    Optional<Mark> end = node.getEndMark();
    if (start.isEmpty()) {
      return ScanFinding.Region.onLine(1, 1, 2);
    }
    int startLine = start.get().getLine() + 1;
    int startColumn = lines.utf16Column(startLine, start.get().getColumn());
    if (end.isEmpty()) {
      return ScanFinding.Region.onLine(startLine, startColumn, startColumn + 1);
    }
    int endLine = end.get().getLine() + 1;
    int endColumn = lines.utf16Column(endLine, end.get().getColumn());
    if (endLine < startLine || (endLine == startLine && endColumn <= startColumn)) {
      return ScanFinding.Region.onLine(startLine, startColumn, startColumn + 1);
    }
    return new ScanFinding.Region(startLine, startColumn, endLine, endColumn);
  }
}
