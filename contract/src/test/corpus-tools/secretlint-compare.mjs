#!/usr/bin/env node
// Scores secretlint (recommended preset) on the secret guard's corpus, one document per file, for
// comparison with the guard's own score. Run by hand from the repository root, never in CI:
//
//   mvn -B -ntp -q -pl contract test-compile exec:java -Dexec.classpathScope=test \
//       -Dexec.mainClass=io.cavra.controlplane.contract.secret.GuardCorpusReport \
//       -Dexec.args="contract/target/corpus --export contract/target/corpus/export"
//   node contract/src/test/corpus-tools/secretlint-compare.mjs contract/target/corpus/export
//
// It installs the pinned secretlint packages into a temporary folder, scans every exported file,
// and prints recall by kind and placement and false positives by class. It prints file names,
// ids, rule ids and counts, never a finding's message (secretlint's messages quote the value).
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const SECRETLINT = "secretlint@13.0.6";
const PRESET = "@secretlint/secretlint-rule-preset-recommend@13.0.7";

const dir = path.resolve(process.argv[2] || "contract/target/corpus/export");
const labels = fs.readFileSync(path.join(dir, "labels.jsonl"), "utf8").trim().split("\n").map((l) => JSON.parse(l));

const tools = fs.mkdtempSync(path.join(os.tmpdir(), "secretlint-"));
execFileSync("npm", ["install", "--silent", "--no-audit", "--no-fund", "--prefix", tools, SECRETLINT, PRESET], { stdio: "inherit" });
fs.writeFileSync(path.join(dir, ".secretlintrc.json"), JSON.stringify({ rules: [{ id: "@secretlint/secretlint-rule-preset-recommend" }] }));

let out;
try {
  out = execFileSync(path.join(tools, "node_modules/.bin/secretlint"),
    ["--format", "json", "--secretlintrc", path.join(dir, ".secretlintrc.json"), "documents/*.json"],
    { cwd: dir, maxBuffer: 1 << 28 });
} catch (e) {
  if (e.status !== 1) throw e; // 1: findings
  out = e.stdout;
}
const flagged = new Map();
for (const result of JSON.parse(out.toString("utf8"))) {
  if (result.messages.length > 0) {
    flagged.set(path.relative(dir, result.filePath), [...new Set(result.messages.map((m) => m.ruleId))]);
  }
}

function table(rows, key) {
  const t = new Map();
  for (const r of rows) {
    const k = key(r);
    if (!t.has(k)) t.set(k, { documents: 0, flagged: 0, rules: new Map() });
    const cell = t.get(k);
    cell.documents++;
    const rules = flagged.get(r.file);
    if (rules) {
      cell.flagged++;
      rules.forEach((id) => cell.rules.set(id, (cell.rules.get(id) || 0) + 1));
    }
  }
  return t;
}
const pct = (a, b) => (b === 0 ? "–" : ((100 * a) / b).toFixed(1) + " %");
const positives = labels.filter((l) => l.credential);
const negatives = labels.filter((l) => !l.credential);
const found = positives.filter((l) => flagged.has(l.file)).length;
const falsePositives = negatives.filter((l) => flagged.has(l.file)).length;

console.log(`secretlint ${SECRETLINT.split("@")[1]} with ${PRESET}, one document per file\n`);
console.log("| measure | documents | flagged | rate |\n|---|---:|---:|---:|");
console.log(`| recall (positives flagged) | ${positives.length} | ${found} | **${pct(found, positives.length)}** |`);
console.log(`| false positives (negatives flagged) | ${negatives.length} | ${falsePositives} | **${pct(falsePositives, negatives.length)}** |\n`);
console.log("| kind / placement | documents | flagged | recall |\n|---|---:|---:|---:|");
for (const [k, c] of table(positives, (l) => `${l.kind} / ${l.placement}`)) {
  console.log(`| ${k} | ${c.documents} | ${c.flagged} | ${pct(c.flagged, c.documents)} |`);
}
console.log("\n| class | documents | flagged | rate | rules (documents) |\n|---|---:|---:|---:|---|");
for (const [k, c] of table(negatives, (l) => l.group)) {
  const rules = [...c.rules].map(([id, n]) => `${id} (${n})`).join(", ");
  console.log(`| ${k} | ${c.documents} | ${c.flagged} | ${pct(c.flagged, c.documents)} | ${rules} |`);
}
const byRule = table(positives.filter((l) => l.kind === "value-rule"), (l) => l.group);
const missedRules = [...byRule].filter(([, c]) => c.flagged === 0).map(([k]) => k);
console.log(`\nValue rules of the guard none of whose positives secretlint flags (${missedRules.length}): ${missedRules.join(", ")}`);
console.log("\nFlagged negatives:");
negatives.filter((l) => flagged.has(l.file)).forEach((l) => console.log(`- ${l.id}: ${flagged.get(l.file).join(", ")}`));
fs.rmSync(tools, { recursive: true, force: true });
