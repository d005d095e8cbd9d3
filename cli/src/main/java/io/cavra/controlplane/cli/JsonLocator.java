package io.cavra.controlplane.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds where each path of a JSON document is in its text, reading the text once more with
 * jackson-core's streaming parser. It runs only for documents that have findings, after the
 * contract's strict parser has accepted them. Lines and columns are those of the text as chars, so
 * columns count UTF-16 code units, as SARIF expects by default.
 */
final class JsonLocator {
  private static final JsonFactory FACTORY =
      JsonFactory.builder()
          .streamReadConstraints(
              StreamReadConstraints.builder().maxNestingDepth(Integer.MAX_VALUE).build())
          .build();

  private JsonLocator() {}

  /**
   * The locations of {@code text}'s paths; line numbers are shifted by {@code firstLine - 1} (for a
   * JSON Lines line). A document the locator cannot read yields no locations.
   */
  static Locations locate(String text, int firstLine, GuardScanner guard) {
    Locations locations = new Locations();
    List<String> paths = new ArrayList<>();
    List<int[]> indexes = new ArrayList<>();
    paths.add("$");
    try (JsonParser p = FACTORY.createParser(text)) {
      String pendingKey = null;
      for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
        int depth = paths.size() - 1;
        if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
          paths.remove(depth);
          indexes.remove(indexes.size() - 1);
          continue;
        }
        JsonLocation start = p.currentTokenLocation();
        if (t == JsonToken.FIELD_NAME) {
          String name = p.currentName();
          pendingKey = Locations.member(paths.get(depth), name, guard);
          int line = line(start, firstLine);
          int column = (int) start.getColumnNr();
          locations.key(
              pendingKey, ScanFinding.Region.onLine(line, column, column + name.length() + 2));
          continue;
        }
        String path;
        if (pendingKey != null) {
          path = pendingKey;
          pendingKey = null;
        } else if (!indexes.isEmpty() && indexes.get(indexes.size() - 1)[0] >= 0) {
          int[] index = indexes.get(indexes.size() - 1);
          path = paths.get(depth) + "[" + index[1]++ + "]";
        } else {
          path = paths.get(depth);
        }
        int line = line(start, firstLine);
        int column = (int) start.getColumnNr();
        if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
          locations.value(path, ScanFinding.Region.onLine(line, column, column + 1));
          paths.add(path);
          indexes.add(new int[] {t == JsonToken.START_ARRAY ? 0 : -1, 0});
          continue;
        }
        p.getText();
        JsonLocation end = p.currentLocation();
        int endLine = line(end, firstLine);
        int endColumn = (int) end.getColumnNr();
        locations.value(
            path,
            endLine > line || endColumn > column
                ? new ScanFinding.Region(line, column, endLine, endColumn)
                : ScanFinding.Region.onLine(line, column, column + 1));
      }
    } catch (IOException | RuntimeException e) {
      // The contract's parser accepted the text, so this does not happen; the findings then keep
      // the fallback region rather than failing the scan.
    }
    return locations;
  }

  private static int line(JsonLocation location, int firstLine) {
    return (int) location.getLineNr() + firstLine - 1;
  }
}
