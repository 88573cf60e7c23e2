// Strict Ajv (draft 2020-12) compiles the committed schemas with only the
// two byte keywords registered, and agrees with the Rust verdict on the
// bundled samples.
const test = require("node:test");
const assert = require("node:assert");
const fs = require("node:fs");
const path = require("node:path");
const Ajv2020 = require("ajv/dist/2020").default;
const { addDeskKeywords } = require("./keywords");

const root = path.join(__dirname, "..", "desk-schema");
const read = (p) => JSON.parse(fs.readFileSync(path.join(root, p), "utf8"));

function compile(which) {
  const ajv = addDeskKeywords(new Ajv2020({ strict: true, allErrors: true, ownProperties: true, allowUnionTypes: true }));
  return ajv.compile(read(`schemas/create_group.${which}.schema.json`));
}

test("the request schema compiles in strict mode and accepts the page's sample", () => {
  const validate = compile("request");
  assert.ok(validate(read("examples/create_group.request.json")), JSON.stringify(validate.errors));
});

test("the invalid sample is rejected, with the byte limit among the errors", () => {
  const validate = compile("request");
  assert.strictEqual(validate(read("examples/invalid.request.json")), false);
  const found = validate.errors.map((e) => `${e.instancePath} ${e.keyword}`);
  assert.ok(found.includes("/Name x-maxBytes"), found.join("\n"));
  assert.ok(found.includes("/GroupId not"), found.join("\n"));
});

test("byte limits count UTF-8 bytes, not characters", () => {
  const validate = compile("request");
  const sample = read("examples/create_group.request.json");
  sample.Name = "群".repeat(33) + "a"; // 100 bytes
  assert.ok(validate(sample));
  sample.Name = "群".repeat(34); // 102 bytes, 34 characters
  assert.strictEqual(validate(sample), false);
  assert.deepStrictEqual(validate.errors.map((e) => e.keyword), ["x-maxBytes"]);
});

test("the response schema compiles in strict mode and accepts the page's sample", () => {
  const validate = compile("response");
  assert.ok(validate(read("examples/create_group.response.json")), JSON.stringify(validate.errors));
});

test("without the registration: strict mode refuses the schema, strict: false drops the byte check", () => {
  const schema = read("schemas/create_group.request.schema.json");
  assert.throws(() => new Ajv2020({ strict: true }).compile(schema), /unknown keyword: "x-/);
  const loose = new Ajv2020({ strict: false, logger: false }).compile(schema);
  const sample = read("examples/create_group.request.json");
  sample.Name = "群".repeat(34); // 102 bytes, 34 characters: the API refuses it
  assert.strictEqual(loose(sample), true);
});
