// The zoo (tests/src/zoo.rs: payload types of every shape the derive
// accepts) and the shape matrix (tests/src/matrix.rs: every wrapper around
// every kind of inner type) through strict Ajv: each type's schema compiles in strict mode
// with the desk-schema keywords registered, and on every case of corpus/zoo.json
// Ajv reports the same instance paths as the Rust `jsonschema` crate, which
// the Rust differential test holds equal to the Rust checks.
const test = require("node:test");
const assert = require("node:assert");
const fs = require("node:fs");
const path = require("node:path");
const Ajv2020 = require("ajv/dist/2020").default;
const { addDeskKeywords } = require("./keywords");
const { compareWithRust } = require("./compare");

// DESK_ZOO_CORPUS names another corpus of the same form: the random types'
// (tests/random/README.md), whose size the counts below do not ask for.
const corpusFile = process.env.DESK_ZOO_CORPUS || path.join(__dirname, "..", "corpus", "zoo.json");
const corpus = JSON.parse(fs.readFileSync(corpusFile, "utf8"));
const least = (n) => (process.env.DESK_ZOO_CORPUS ? 1 : n);

// Ajv lists, beside a failed `anyOf`/`oneOf`, why each branch failed, and
// beside a failed `contains`, why each item did: explanations of that one
// error, which a validator that reports only the failed keyword (the Rust
// crate) leaves out. Through a `$ref` the schema path no longer shows the
// branch, so an explanation is recognised by its place: below the value
// whose `anyOf`/`oneOf` failed.
function paths(validate, data) {
  if (validate(data)) return [];
  // `x-uniqueBy` is left to the shared corpus (corpus.test.js, and the
  // package's parity test): the Rust zoo test sets it aside too, since the
  // `jsonschema` crate reports one error per custom keyword.
  // An `if` error only says its `then` failed, at the same path.
  const own = validate.errors.filter((e) => !e.schemaPath.includes("/contains/") && e.keyword !== "x-uniqueBy" && e.keyword !== "if");
  const unions = own.filter((e) => e.keyword === "anyOf" || e.keyword === "oneOf").map((e) => e.instancePath);
  const below = (p, u) => p !== u && (u === "" || p.startsWith(u + "/"));
  return [...new Set(own.map((e) => e.instancePath).filter((p) => !unions.some((u) => below(p, u))))].sort();
}

test("every zoo schema compiles in strict mode", () => {
  const names = Object.keys(corpus.schemas);
  assert.ok(names.length >= least(30), `${names.length} types`);
  for (const name of names) {
    addDeskKeywords(new Ajv2020({ strict: true, allErrors: true, ownProperties: true, allowUnionTypes: true })).compile(corpus.schemas[name]);
  }
});

test("strict Ajv gives the zoo cases the paths the Rust validator gives", () => {
  const validators = new Map();
  let rejected = 0;
  for (const c of corpus.cases) {
    if (!validators.has(c.type)) {
      const ajv = addDeskKeywords(new Ajv2020({ strict: true, allErrors: true, ownProperties: true, allowUnionTypes: true }));
      validators.set(c.type, ajv.compile(corpus.schemas[c.type]));
    }
    const got = paths(validators.get(c.type), JSON.parse(c.text));
    const want = [...c.paths].sort();
    assert.deepStrictEqual(got, want, `${c.type}: ${c.text}`);
    if (want.length) rejected++;
  }
  assert.ok(corpus.cases.length >= least(300));
  assert.ok(rejected > 0 && rejected < corpus.cases.length);
});


for (const locale of ["en", "zh-CN"]) {
  test(`toViolations gives every zoo case the violations Rust gives (path, code, message, figures; ${locale}), and only stable codes`, async () => {
    const { toViolations, unrepresentable, CODES } = require("desk-schema");
    const validators = new Map();
    await compareWithRust(
      corpus.cases,
      (c) => {
        if (!validators.has(c.type)) {
          const ajv = addDeskKeywords(new Ajv2020({ strict: true, allErrors: true, ownProperties: true, allowUnionTypes: true, verbose: true }));
          validators.set(c.type, ajv.compile(corpus.schemas[c.type]));
        }
        const validate = validators.get(c.type);
        const data = JSON.parse(c.text);
        const unread = unrepresentable(data, { locale });
        const schema = corpus.schemas[c.type];
        const got = unread ? [unread] : validate(data) ? [] : toViolations(validate.errors, { locale, schema });
        for (const v of got) assert.ok(CODES.includes(v.code), `${c.type}: ${v.code} is not a stable code (${c.text})`);
        return got;
      },
      locale,
      least(1000),
    );
  });
}
