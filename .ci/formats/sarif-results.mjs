// Prints the Multitool's findings of level error or warning in a validation log, and exits 1 if
// there is any. Usage: node sarif-results.mjs VALIDATION.sarif LABEL
import { readFileSync } from "node:fs";

const [file, label] = process.argv.slice(2);
const log = JSON.parse(readFileSync(file, "utf8"));
const results = log.runs.flatMap((run) => run.results ?? []);
const problems = results.filter((r) => (r.level ?? "warning") === "error" || (r.level ?? "warning") === "warning");
for (const r of problems.slice(0, 20)) {
  console.error(`  ${r.level ?? "warning"} ${r.ruleId}: ${JSON.stringify(r.message.arguments ?? r.message.text)}`);
}
console.log(`sarif-multitool ${label}: ${problems.filter((r) => r.level === "error").length} errors, `
  + `${problems.filter((r) => (r.level ?? "warning") === "warning").length} warnings`);
process.exit(problems.length === 0 ? 0 : 1);
