// The shared corpus through Ajv (strict, allErrors) on the committed schema,
// compiled both in memory and as standalone code: the same verdict and the
// same paths as the Rust checks on every case the schema can express.
const test = require("node:test");
const assert = require("node:assert");
const fs = require("node:fs");
const path = require("node:path");
const Ajv2020 = require("ajv/dist/2020").default;
const standaloneCode = require("ajv/dist/standalone").default;
const { addDeskKeywords } = require("./keywords");

const root = path.join(__dirname, "..");
const schema = JSON.parse(
  fs.readFileSync(path.join(root, "desk-schema/schemas/create_group.request.schema.json"), "utf8"),
);
const cases = fs
  .readFileSync(path.join(root, "corpus/create_group.requests.jsonl"), "utf8")
  .split("\n")
  .filter((line) => line.trim())
  .map((line) => JSON.parse(line));

function inMemory() {
  return addDeskKeywords(new Ajv2020({ strict: true, allErrors: true, ownProperties: true, allowUnionTypes: true })).compile(schema);
}

function standalone() {
  const ajv = addDeskKeywords(new Ajv2020({ strict: true, allErrors: true, ownProperties: true, allowUnionTypes: true, code: { source: true } }));
  const source = standaloneCode(ajv, ajv.compile(schema));
  // Inside this folder, so the generated `require("ajv/dist/runtime/...")` resolves.
  const dir = path.join(__dirname, ".generated");
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, "create_group.request.validate.js");
  fs.writeFileSync(file, source);
  delete require.cache[file];
  return require(file);
}

// With allErrors, Ajv also lists why each item failed a `contains` subschema
// (errors under `.../contains/...`): explanations of the one `contains`
// error, not violations of their own. Both validators agree once they are
// set aside.
function paths(validate, request) {
  if (validate(request)) return [];
  const own = validate.errors.filter((e) => !e.schemaPath.includes("/contains/"));
  // `x-uniqueBy` reports at the list and names the repeat in `params`.
  const at = (e) => (e.keyword === "x-uniqueBy" ? `${e.instancePath}/${e.params.index}/${e.params.key}` : e.instancePath);
  return [...new Set(own.map(at))].sort();
}

for (const [label, build] of [["in memory", inMemory], ["standalone", standalone]]) {
  test(`corpus through Ajv (${label})`, () => {
    const validate = build();
    assert.ok(cases.length >= 150);
    let compared = 0;
    for (const c of cases) {
      const got = paths(validate, c.request);
      if (c.expressible) {
        assert.deepStrictEqual(got, c.paths, c.name);
        compared++;
      } else {
        // The schema misses what the Rust check sees, and reports nothing else.
        assert.notDeepStrictEqual(got, c.paths, c.name);
        assert.ok(got.every((p) => c.paths.includes(p)), `${c.name}: ${got}`);
      }
    }
    assert.strictEqual(compared, cases.filter((c) => c.expressible).length);
  });
}

test("standalone code calls the package's run-time helpers (no keyword registration at run time)", () => {
  const source = fs.readFileSync(path.join(__dirname, ".generated", "create_group.request.validate.js"), "utf8");
  assert.match(source, /require\("desk-schema\/runtime"\)\.utf8Length/);
});
