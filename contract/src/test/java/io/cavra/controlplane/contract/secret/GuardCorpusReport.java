package io.cavra.controlplane.contract.secret;

import io.cavra.controlplane.contract.ContractJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Prints the guard's score on the labelled corpus as Markdown (the tables the README shows), with
 * the command that reproduces it, and writes the Markdown and JSON reports:
 *
 * <pre>
 * ./mvnw -B -ntp -q -pl contract test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=io.cavra.controlplane.contract.secret.GuardCorpusReport \
 *     [-Dexec.args="[DIR] [--export EXPORT_DIR]"]
 * </pre>
 *
 * {@code DIR} defaults to {@code contract/target/corpus}; {@code --export} also writes every
 * document to a file of its own (see {@link #export}). Scores {@link SecretGuard#defaults()}; the
 * thresholds shown are those of {@link GuardCorpusTest}'s system properties.
 */
public final class GuardCorpusReport {
  private GuardCorpusReport() {}

  public static void main(String[] args) throws IOException {
    Path out = Path.of("contract/target/corpus");
    Path export = null;
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--export") && i + 1 < args.length) {
        export = Path.of(args[++i]);
      } else {
        out = Path.of(args[i]);
      }
    }
    List<CorpusDocument> documents = new ArrayList<>(CorpusPositives.all());
    documents.addAll(CorpusNegatives.all());
    if (export != null) {
      export(documents, export);
    }
    CorpusScore score = CorpusScore.of(SecretGuard.defaults(), documents);
    score.write(out, GuardCorpusTest.MIN_RECALL, GuardCorpusTest.MAX_FALSE_POSITIVE_RATE);
    System.out.print(
        score.markdown(GuardCorpusTest.MIN_RECALL, GuardCorpusTest.MAX_FALSE_POSITIVE_RATE));
    System.out.println();
    System.out.println(
        "Written: " + out.resolve("guard-corpus.md") + ", " + out.resolve("guard-corpus.json"));
  }

  /**
   * Writes every document to its own file, {@code DIR/documents/<n>.json}, and their labels to
   * {@code DIR/labels.jsonl} (file, id, credential, kind, group, placement; never a value), for
   * scanners that read files, such as secretlint. The files hold the generated credentials: keep
   * them under {@code target/}.
   */
  static void export(List<CorpusDocument> documents, Path dir) throws IOException {
    Path files = dir.resolve("documents");
    Files.createDirectories(files);
    StringBuilder labels = new StringBuilder();
    for (int i = 0; i < documents.size(); i++) {
      CorpusDocument d = documents.get(i);
      String name = "documents/" + i + ".json";
      Files.writeString(dir.resolve(name), d.json() + "\n");
      Map<String, Object> label = new LinkedHashMap<>();
      label.put("file", name);
      label.put("id", d.id());
      label.put("credential", d.credential());
      label.put("kind", d.kind());
      label.put("group", d.group());
      label.put("placement", d.placement());
      labels.append(ContractJson.toJson(label, false)).append('\n');
    }
    Files.writeString(dir.resolve("labels.jsonl"), labels);
  }
}
