// Bundle size for a browser (esbuild, minified, gzipped), measured in one run:
// the package's standalone request validator against Ajv's own run-time
// compile path (Ajv + addDeskKeywords + the schema, compiled in the browser),
// both with toViolations, from dist/ (what the package ships, not src/).
// Run after `npm run build`: `npm run size`.
import path from "node:path";
import zlib from "node:zlib";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";

const here = path.dirname(fileURLToPath(import.meta.url));
const entries = {
  "standalone validateRequest": `
    import { validateRequest } from "./dist/index.js";
    globalThis.check = validateRequest;`,
  "Ajv runtime compile": `
    import Ajv2020 from "ajv/dist/2020.js";
    import { addDeskKeywords } from "./dist/keywords.js";
    import { toViolations } from "./dist/index.js";
    import schema from "./schemas/create_group.request.schema.json";
    const validate = addDeskKeywords(new Ajv2020({ allErrors: true, verbose: true })).compile(schema);
    globalThis.check = (data) => (validate(data) ? [] : toViolations(validate.errors));`,
};

const rows = [];
for (const [name, contents] of Object.entries(entries)) {
  const result = await esbuild.build({
    stdin: { contents, resolveDir: here, sourcefile: "entry.js" },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    target: "es2020",
    write: false,
    logLevel: "error",
  });
  const code = result.outputFiles[0].contents;
  rows.push({ name, min: code.length, gzip: zlib.gzipSync(code, { level: 9 }).length });
}
const [standalone, runtime] = rows;
console.log("| bundle | minified | gzipped |\n|---|---|---|");
for (const r of rows) console.log(`| ${r.name} | ${r.min.toLocaleString("en")} B | ${r.gzip.toLocaleString("en")} B |`);
console.log(`\nstandalone / runtime compile, gzipped: ${(standalone.gzip / runtime.gzip).toFixed(2)}`);
