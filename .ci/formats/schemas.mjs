// Validates the golden vectors with Ajv (JSON Schema 2020-12, strict), loading every schema from a
// running gateway only: the OpenAPI document's references, and whatever those refer to in turn.
// Usage: node schemas.mjs http://127.0.0.1:PORT/ VECTORS_DIR
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const [base, vectors] = process.argv.slice(2);
const fetched = [];
async function load(uri) {
  if (!uri.startsWith(base)) {
    throw new Error(`refused to load ${uri}: only the gateway at ${base} may be reached`);
  }
  fetched.push(uri);
  const response = await fetch(uri);
  if (!response.ok) throw new Error(`${uri}: HTTP ${response.status}`);
  return response.json();
}

const ajv = new Ajv2020({ strict: true, allErrors: true, loadSchema: load });
addFormats(ajv);
const openApi = await load(new URL("openapi.json", base).href);
const references = new Set();
(function collect(node) {
  if (Array.isArray(node)) node.forEach(collect);
  else if (node && typeof node === "object") {
    for (const [key, value] of Object.entries(node)) {
      if (key === "$ref" && typeof value === "string" && !value.startsWith("#")) references.add(value);
      else collect(value);
    }
  }
})(openApi);

const validators = {};
for (const reference of references) {
  const uri = new URL(reference, base).href;
  // A schema that an earlier one referred to is already loaded, under the URI it was fetched from;
  // one fetched first gets that URI as its base, as a client that follows the reference would.
  validators[reference] = ajv.getSchema(uri) ?? await ajv.compileAsync({ ...(await load(uri)), $id: uri });
}
let failures = 0;
let checked = 0;
for (const name of readdirSync(vectors).sort()) {
  const kind = name.startsWith("request_") ? "request" : name.startsWith("response_") ? "response" : "contract";
  const validate = validators[`/v1/schemas/${kind}.schema.json`];
  const document = JSON.parse(readFileSync(join(vectors, name), "utf8"));
  checked++;
  if (!validate(document)) {
    failures++;
    console.error(`${name}: ${ajv.errorsText(validate.errors)}`);
  }
}
const invalid = { schema_version: "cavra.saas_control_plane.request.v1", operation: "tenant_status" };
if (validators["/v1/schemas/request.schema.json"](invalid)) {
  failures++;
  console.error("an envelope without its required members passed the request schema");
}
console.log(`ajv: ${references.size} references from openapi.json, ${fetched.length} documents from the gateway, `
  + `${checked} golden vectors, ${failures} failures`);
process.exit(failures === 0 && checked > 0 ? 0 : 1);
