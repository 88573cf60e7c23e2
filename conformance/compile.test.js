// `desk-schema compile` (the npm package's command) on every zoo schema:
// each compiled validator, CommonJS and ESM, gives every zoo case the
// violations the Rust crate gives (path, code, message, figures, in order,
// in both languages); and tsc accepts its types.
const test = require("node:test");
const assert = require("node:assert");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const { execFileSync } = require("node:child_process");
const { pathToFileURL } = require("node:url");
const { compareWithRust } = require("./compare");

// DESK_ZOO_CORPUS names another corpus of the same form: the random types'
// (tests/random/README.md), whose size the counts below do not ask for.
const corpusFile = process.env.DESK_ZOO_CORPUS || path.join(__dirname, "..", "corpus", "zoo.json");
const corpus = JSON.parse(fs.readFileSync(corpusFile, "utf8"));
const least = (n) => (process.env.DESK_ZOO_CORPUS ? 1 : n);
// A test of particular zoo types (`Pager`, and the others it names), which
// another corpus does not hold.
const zooTypes = { skip: process.env.DESK_ZOO_CORPUS ? "it tests particular zoo types, which DESK_ZOO_CORPUS's corpus does not hold" : false };
const bin = path.join(__dirname, "node_modules", "desk-schema", "bin", "desk-schema.js");
const stem = (type) => type.replace(/::/g, "__");

const work = fs.mkdtempSync(path.join(os.tmpdir(), "desk-compile-"));
const schemas = path.join(work, "schemas");
const out = path.join(__dirname, ".generated", "compiled");

/** What tsc prints checking `file` strictly as a module: "" when it passes. */
function tscOutput(file) {
  const tsc = path.join(__dirname, "node_modules", "typescript", "bin", "tsc");
  try {
    execFileSync(process.execPath, [tsc, "--noEmit", "--strict", "--target", "es2020", "--module", "nodenext", "--moduleResolution", "nodenext", file], { stdio: "pipe" });
    return "";
  } catch (e) {
    return String(e.stdout) + String(e.stderr);
  }
}

/** tsc's errors in `output`, each with `items[line - first - 1]`: what the line it names holds. */
const tscErrors = (output, items, first) =>
  output
    .split("\n")
    .filter((l) => / error TS/.test(l))
    .map((l) => ({ l, c: items[Number(/\((\d+),/.exec(l)?.[1]) - first - 1] }));

/**
 * `value` as a TypeScript literal, one line: U+2028 and U+2029 escaped, as
 * tsc counts them as line breaks, which would move the line numbers its
 * errors are mapped back by.
 */
const tsLiteral = (value) => JSON.stringify(value).replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
fs.mkdirSync(schemas, { recursive: true });
fs.rmSync(out, { recursive: true, force: true });
const files = Object.entries(corpus.schemas).map(([type, schema]) => {
  const file = path.join(schemas, `${stem(type)}.schema.json`);
  fs.writeFileSync(file, JSON.stringify(schema, null, 2));
  return file;
});

test("desk-schema compile writes a .js, a .cjs and a .d.ts per schema", () => {
  execFileSync(process.execPath, [bin, "compile", ...files, "--out", out], { stdio: "pipe" });
  for (const type of Object.keys(corpus.schemas)) {
    for (const ext of ["js", "cjs", "d.ts"]) {
      assert.ok(fs.existsSync(path.join(out, `${stem(type)}.${ext}`)), `${type}.${ext}`);
    }
    const code = fs.readFileSync(path.join(out, `${stem(type)}.js`), "utf8");
    assert.doesNotMatch(code, /\bnew Function\b|\beval\(/, type);
    assert.doesNotMatch(code, /from "ajv/, `${type} imports Ajv`);
  }
});

for (const locale of ["en", "zh-CN"]) {
  test(`every compiled validator gives every zoo case the violations Rust gives (${locale})`, async () => {
    const esm = new Map();
    await compareWithRust(
      corpus.cases,
      async (c) => {
        const file = path.join(out, stem(c.type));
        const validate = require(`${file}.cjs`);
        if (!esm.has(c.type)) esm.set(c.type, (await import(pathToFileURL(`${file}.js`).href)).validate);
        const data = JSON.parse(c.text);
        const got = validate(data, { locale });
        assert.deepStrictEqual(esm.get(c.type)(data, { locale }), got, `${c.type}: ESM and CommonJS differ on ${c.text}`);
        return got;
      },
      locale,
      least(1000),
    );
  });
}

test("a compiled validator refuses a locale given in the options' place, and a bad locale on valid data", async () => {
  // The first type with a valid case (a corpus may hold none for some).
  const valid = corpus.cases.find((c) => c.violations.length === 0);
  assert.ok(valid, "a valid case");
  const file = path.join(out, stem(valid.type));
  for (const validate of [require(`${file}.cjs`), (await import(pathToFileURL(`${file}.js`).href)).validate]) {
    assert.throws(() => validate({}, "zh-CN"), { name: "TypeError", message: /options must be an object/ });
    assert.throws(() => validate(JSON.parse(valid.text), { locale: "fr" }), { name: "TypeError", message: /unknown locale "fr"/ });
  }
});

// Text no `serde_json::Value` holds (a lone surrogate, `1e400`), as
// `JSON.parse` reads it: each compiled validator looks only at the values the
// Rust type reads (its schema's structure and `x-readWhole`), so it refuses
// what Rust refuses, at the same path, and passes on what Rust drops unread.
for (const locale of ["en", "zh-CN"]) {
  test(`every compiled validator gives text Rust cannot read what Rust gives (${locale})`, async () => {
    const cases = corpus.unreadable;
    assert.ok(cases.some((c) => c.violations.length === 0), "a case Rust accepts");
    await compareWithRust(
      cases,
      async (c) => require(`${path.join(out, stem(c.type))}.cjs`)(JSON.parse(c.text), { locale }),
      locale,
      least(500),
    );
  });
}

test("desk-schema compile writes the types of a schema that holds `true` (a newtype over serde_json::Value)", () => {
  const dir = path.join(__dirname, ".generated", "holds-true");
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, "Holder.schema.json");
  fs.writeFileSync(
    file,
    JSON.stringify({ $defs: { Any: true }, type: "object", properties: { a: { $ref: "#/$defs/Any" } }, required: ["a"], title: "Holder" }),
  );
  execFileSync(process.execPath, [bin, "compile", file, "--out", dir], { stdio: "pipe" });
  const types = fs.readFileSync(path.join(dir, "Holder.d.ts"), "utf8");
  assert.match(types, /\ba: /, types);
  const validate = require(path.join(dir, "Holder.cjs"));
  assert.deepStrictEqual(validate({ a: { any: ["thing"] } }), []);
});

// Every zoo case Rust accepts is a value of its type as `desk-schema compile`
// declares it: a type that refuses one (`string & {[k: string]: unknown}` for
// a text with a `prefix`, `{[k: string]: unknown}` for a `serde_json::Value`)
// would make a form that builds valid data fail to compile. A property no
// type of the schema declares (which serde drops) may be refused: the types
// are closed, as `additionalProperties: false` says.
test("tsc accepts every zoo case Rust accepts as a value of its compiled type", async () => {
  // The root type is named by the schema's `title`, as
  // json-schema-to-typescript names it.
  const { toSafeString } = require("json-schema-to-typescript/dist/src/utils");
  const typeNameOf = (type) => toSafeString(corpus.schemas[type].title);
  const types = new Set();
  const lines = [];
  const cases = [];
  for (const c of corpus.cases) {
    if (c.violations.length > 0 || c.text.includes("__proto__")) continue;
    const name = typeNameOf(c.type);
    if (!types.has(c.type)) {
      types.add(c.type);
      lines.unshift(`import type { ${name} as T_${types.size} } from "./${stem(c.type)}.js";`);
    }
    const alias = [...types].indexOf(c.type) + 1;
    cases.push(c);
    lines.push(`export const v${cases.length}: T_${alias} = ${tsLiteral(JSON.parse(c.text))};`);
  }
  assert.ok(cases.length >= least(300), `${cases.length} valid cases`);
  const file = path.join(out, "valid_cases.ts");
  fs.writeFileSync(file, `${lines.join("\n")}\n`);
  const unassignable = [];
  const refused = tscErrors(tscOutput(file), cases, types.size)
    // A property serde drops (the case's `dropped`: without it serde reads
    // the same value): refused by the closed types, and only such a
    // property. Its name may be another variant's (`{"type": "x", "f0": 1}`
    // for a `#[serde(other)]` variant beside one with `f0`).
    .filter(({ l, c }) => {
      const excess = / error TS(2353|2561):.*?'([^']*)' does not exist/.exec(l);
      // (tsc quotes a name it reports as the literal wrote it: `'"Unknwon"'`.)
      if (excess && c && (c.dropped ?? []).includes(excess[2].replace(/^"(.*)"$/, "$1"))) return false;
      // Inside a union (a data enum's variants) tsc says the literal is not
      // assignable (TS2322) rather than naming the property, or, where it
      // held the property to another variant's map of a type whose
      // properties are all optional, that the value has none of them
      // (TS2559; tests/random seed 62): the case is checked again below
      // without the properties serde drops.
      if (/ error TS(2322|2559):/.test(l) && c && (c.dropped ?? []).length > 0) {
        unassignable.push(c);
        return false;
      }
      return true;
    })
    .map(({ l, c }) => (c ? `${c.type}: ${c.text}\n  ${l}` : l));
  assert.deepStrictEqual(refused, []);
  if (unassignable.length > 0) {
    // Each such case without the properties serde drops (wherever they are:
    // a name dropped in one place is left out of all, which can only make
    // the check stricter): every one must then be a value of its type.
    const without = (value, names) =>
      Array.isArray(value)
        ? value.map((v) => without(v, names))
        : value !== null && typeof value === "object"
          ? Object.fromEntries(Object.entries(value).filter(([k]) => !names.includes(k)).map(([k, v]) => [k, without(v, names)]))
          : value;
    const again = lines.filter((l) => l.startsWith("import "));
    for (const [i, c] of unassignable.entries()) {
      const alias = [...types].indexOf(c.type) + 1;
      again.push(`export const w${i}: T_${alias} = ${tsLiteral(without(JSON.parse(c.text), c.dropped))};`);
    }
    const file2 = path.join(out, "valid_cases_without_dropped.ts");
    fs.writeFileSync(file2, `${again.join("\n")}\n`);
    const still = tscErrors(tscOutput(file2), unassignable, types.size).map(({ l, c }) =>
      c ? `${c.type}: ${c.text} (without ${c.dropped.join(", ")})\n  ${l}` : l,
    );
    assert.deepStrictEqual(still, []);
  }
});

test("tsc accepts a compiled validator's types and refuses a wrong value", zooTypes, () => {
  const check = (source) => {
    const file = path.join(out, `use_${Math.random().toString(36).slice(2)}.ts`);
    fs.writeFileSync(file, source);
    try {
      return tscOutput(file);
    } finally {
      fs.rmSync(file, { force: true });
    }
  };
  const ok = check(
    'import validate, { type Pager } from "./Pager.js";\n' +
      "const page: Pager = { Offset: 0, Limit: 10 };\n" +
      "const found: { path: string; code: string; message: string }[] = validate(page);\n" +
      "export { found };\n",
  );
  assert.strictEqual(ok, "");
  const wrong = check('import type { Pager } from "./Pager.js";\nexport const page: Pager = { Offset: "zero", Limit: 10 };\n');
  assert.match(wrong, /Offset|string/);
  // A data enum is the union of its variants: each tagged form, and what is
  // none of them refused.
  const variants = check(
    'import type { Action } from "./Action.js";\nimport type { Notice } from "./Notice.js";\n' +
      'export const a: Action[] = ["Mute", { Kick: { Accounts: ["u1"] } }, { Notify: "hi" }];\n' +
      'export const n: Notice = { Type: "Join", Member_Account: "u1" };\n' +
      '// @ts-expect-error: a unit variant is its name\nexport const b: Action = "Ban";\n' +
      '// @ts-expect-error: a variant needs its content\nexport const c: Action = { Kick: {} };\n' +
      // A text with a prefix and a suffix is still a string, and nothing else.
      'import type { FormFields } from "./FormFields.js";\n' +
      'export const f: FormFields = { Key: "custom_x_v1", Label: "ab" };\n' +
      '// @ts-expect-error: a key is text\nexport const g: FormFields = { Key: 5, Label: "ab" };\n' +
      // An address of either family (`anyOf` of two formats) is a string.
      'import type { Forwards } from "./Forwards.js";\n' +
      'export const h: Forwards["Peer"] = "::1";\n' +
      '// @ts-expect-error: an address is text\nexport const i: Forwards["Peer"] = 5;\n',
  );
  assert.strictEqual(variants, "");
  // A list with a length (`min_items = 1, max_items = 8`) is an array a form
  // can fill, not a union of tuples: `validate` checks the length.
  const lists = check(
    'import type { SendGroupMsg } from "./SendGroupMsg.js";\n' +
      'const elems: SendGroupMsg["MsgBody"][number][] = [];\n' +
      'export const body: SendGroupMsg["MsgBody"] = elems;\n',
  );
  assert.strictEqual(lists, "");
});

test("a type named Violation or ValidateOptions keeps its name in the .d.ts", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "desk-names-"));
  const file = path.join(dir, "Violation.schema.json");
  fs.writeFileSync(file, JSON.stringify({ title: "Violation", type: "object", properties: { code: { type: "string" } }, required: ["code"] }));
  execFileSync(process.execPath, [bin, "compile", file, "--out", path.join(out, "names")], { stdio: "pipe" });
  const tsc = path.join(__dirname, "node_modules", "typescript", "bin", "tsc");
  const use = path.join(out, "names", "use.ts");
  fs.writeFileSync(use, 'import validate, { type Violation } from "./Violation.js";\nconst v: Violation = { code: "x" };\nexport const n: number = validate(v).length;\n');
  try {
    execFileSync(process.execPath, [tsc, "--noEmit", "--strict", "--module", "nodenext", "--moduleResolution", "nodenext", use], { stdio: "pipe" });
  } catch (e) {
    assert.fail(String(e.stdout));
  }
});

test("desk-schema compile says what is wrong, with exit status 2", () => {
  const run = (args) => {
    try {
      execFileSync(process.execPath, [bin, ...args], { stdio: "pipe" });
      return { status: 0, stderr: "" };
    } catch (e) {
      return { status: e.status, stderr: String(e.stderr) };
    }
  };
  let r = run(["compile", path.join(work, "missing.json"), "--out", out]);
  assert.strictEqual(r.status, 2);
  assert.match(r.stderr, /missing\.json: no such file/);
  r = run(["compile", files[0]]);
  assert.strictEqual(r.status, 2);
  assert.match(r.stderr, /--out DIR/);
  const bad = path.join(work, "bad.schema.json");
  fs.writeFileSync(bad, JSON.stringify({ type: "object", "x-unknown": 1 }));
  r = run(["compile", bad, "--out", out]);
  assert.strictEqual(r.status, 2);
  assert.match(r.stderr, /bad\.schema\.json: the schema does not compile/);
  // A keyword desk-schema never emits: refused now, not when a value breaks it.
  const foreign = path.join(work, "foreign.schema.json");
  fs.writeFileSync(foreign, JSON.stringify({ type: "object", properties: { n: { type: "integer", multipleOf: 2 } } }));
  r = run(["compile", foreign, "--out", out]);
  assert.strictEqual(r.status, 2);
  assert.match(r.stderr, /`multipleOf` at #\/properties\/n\/multipleOf is not a keyword desk-schema emits/);
  // A property named `__proto__`, which Ajv's standalone code cannot hold.
  const proto = path.join(work, "proto.schema.json");
  fs.writeFileSync(proto, '{"type":"object","properties":{"__proto__":{"type":"string"}},"additionalProperties":false}');
  r = run(["compile", proto, "--out", out]);
  assert.strictEqual(r.status, 2);
  assert.match(r.stderr, /a property named `__proto__` at #\/properties cannot be compiled/);
  // A type named as one the declarations import would shadow it in the
  // .d.cts's namespace (helper-130): refused, not written quietly wrong.
  const shadow = path.join(work, "shadow.schema.json");
  fs.writeFileSync(shadow, JSON.stringify({ title: "Holder", type: "object", properties: { e: { $ref: "#/$defs/DeskAjvError" } }, $defs: { DeskAjvError: { type: "object", properties: { x: { type: "string" } } } } }));
  r = run(["compile", shadow, "--out", out]);
  assert.strictEqual(r.status, 2);
  assert.match(r.stderr, /shadow\.schema\.json: a type of the schema is named DeskAjvError/);
  const boolean = path.join(work, "yes.schema.json");
  fs.writeFileSync(boolean, "true");
  assert.match(run(["compile", boolean, "--out", out]).stderr, /not a JSON Schema object/);
  const hidden = path.join(work, ".json");
  fs.writeFileSync(hidden, "{}");
  assert.match(run(["compile", hidden, "--out", out]).stderr, /leaves no stem/);
  assert.match(run(["compile", files[0], "--out", bad]).stderr, /not a directory/);
  // One schema that fails: nothing is written, not even the ones before it.
  const fresh = path.join(work, "fresh");
  r = run(["compile", files[0], foreign, "--out", fresh]);
  assert.strictEqual(r.status, 2);
  assert.strictEqual(fs.existsSync(fresh), false, "no output directory made");
  fs.mkdirSync(fresh);
  assert.strictEqual(run(["compile", files[0], files[1], bad, "--out", fresh]).status, 2);
  assert.deepStrictEqual(fs.readdirSync(fresh), [], "no file written");
  // A file that cannot be written (a directory in its place): nothing else
  // is left either, not even the temporary files.
  const blocked = path.join(work, "blocked");
  fs.mkdirSync(path.join(blocked, `${stem(Object.keys(corpus.schemas)[1])}.js`), { recursive: true });
  r = run(["compile", files[0], files[1], "--out", blocked]);
  assert.strictEqual(r.status, 2);
  assert.deepStrictEqual(fs.readdirSync(blocked), [`${stem(Object.keys(corpus.schemas)[1])}.js`]);
  // A temporary file an interrupted run left, of any name, does not block
  // the next run.
  const again = path.join(work, "again");
  fs.mkdirSync(again);
  const first = stem(Object.keys(corpus.schemas)[0]);
  for (const pid of [1, process.pid, 4242]) fs.writeFileSync(path.join(again, `.${first}.d.ts.${pid}.tmp`), "stale");
  assert.strictEqual(run(["compile", files[0], "--out", again]).status, 0);
  assert.ok(fs.existsSync(path.join(again, `${first}.d.ts`)));
});

test("a compiled validator reports a NaN at its place, and only there: a key's rule beside it stays, a skip field around it is not folded", zooTypes, () => {
  const validate = (type, data) => require(path.join(out, `${stem(type)}.cjs`))(data).map((v) => [v.path, v.code]);
  const long = "k".repeat(33);
  // The key's rule is reported at the entry, as the NaN is (helper-127: the NaN hid it).
  assert.deepStrictEqual(validate("UnreadReport", { Counts: { [long]: NaN } }), [
    [`/Counts/${long}`, "max_bytes"],
    [`/Counts/${long}`, "range"],
  ]);
  assert.deepStrictEqual(validate("UnreadReport", { Counts: { [long]: 1000 } }), [
    [`/Counts/${long}`, "max_bytes"],
    [`/Counts/${long}`, "range"],
  ]);
  // A NaN in a set repeats nothing, not another NaN, not a null (helper-128).
  assert.deepStrictEqual(validate("DigitSet", { v: [NaN, NaN] }), [
    ["/v/0", "range"],
    ["/v/1", "range"],
  ]);
  assert.deepStrictEqual(validate("DigitSet", { v: [null, NaN] }), [
    ["/v/0", "type"],
    ["/v/1", "range"],
  ]);
  assert.deepStrictEqual(validate("DigitSet", { v: [1, 1, NaN] }), [
    ["/v/1", "duplicate"],
    ["/v/2", "range"],
  ]);
  // Inside a skip field: the NaN alone, where Rust names 1e400 (helper-127: also a type at the field).
  assert.deepStrictEqual(validate("Settings", { List: [{ Kind: "Raw", Value: [1, NaN] }] }), [["/List/0/Value/1", "range"]]);
  assert.deepStrictEqual(validate("Settings", { List: [{ Kind: "Raw", Value: [1, NaN, "x"] }] }), [
    ["/List/0/Value", "type"],
    ["/List/0/Value/1", "range"],
  ]);
});

test("desk-schema compile writes the ES module marker where there is none, and warns where the folder's package.json is CommonJS", () => {
  const { spawnSync } = require("node:child_process");
  const compile = (dir) => spawnSync(process.execPath, [bin, "compile", files[0], "--out", dir, "--no-types"], { encoding: "utf8" });
  const fresh = path.join(work, "fresh");
  let r = compile(fresh);
  assert.strictEqual(r.status, 0, r.stderr);
  assert.deepStrictEqual(JSON.parse(fs.readFileSync(path.join(fresh, "package.json"), "utf8")), { type: "module" });
  assert.strictEqual(r.stderr, "");
  // An app made by \`npm init -y\`: its package.json is left alone, and said to be in the way.
  const app = path.join(work, "app");
  fs.mkdirSync(app);
  const own = '{ "name": "app", "type": "commonjs" }\n';
  fs.writeFileSync(path.join(app, "package.json"), own);
  r = compile(app);
  assert.strictEqual(r.status, 0, r.stderr);
  assert.strictEqual(fs.readFileSync(path.join(app, "package.json"), "utf8"), own);
  assert.match(r.stderr, /warning: .*package\.json does not say "type": "module"/);
  // One of type module: no warning, with a byte order mark too, which Node.js reads.
  fs.writeFileSync(path.join(app, "package.json"), '{ "type": "module" }');
  assert.strictEqual(compile(app).stderr, "");
  fs.writeFileSync(path.join(app, "package.json"), '\uFEFF{ "type": "module" }');
  assert.strictEqual(compile(app).stderr, "");
});

test("desk-schema --version prints the package's version, as clap's -V does", () => {
  const { version } = JSON.parse(fs.readFileSync(path.join(__dirname, "node_modules", "desk-schema", "package.json"), "utf8"));
  for (const flag of ["--version", "-V"]) {
    assert.strictEqual(execFileSync(process.execPath, [bin, flag], { encoding: "utf8" }), `desk-schema ${version}\n`);
  }
});
