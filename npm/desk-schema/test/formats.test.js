// The format rules' formats (src/runtime.js) on the JSON Schema Test Suite's
// `format` cases (corpus/json-schema-test-suite/), and against ajv-formats
// itself, whose "full" definitions they copy: the same verdict as
// ajv-formats everywhere, and the suite's verdict but on the cases listed
// here (the Rust test, tests/tests/formats.rs, lists the same).
import test from "node:test";
import assert from "node:assert";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { fullFormats } from "ajv-formats/dist/formats.js";
import { formats } from "../src/runtime.js";

const here = path.dirname(fileURLToPath(import.meta.url));
const suiteDir = path.join(here, "..", "..", "..", "corpus", "json-schema-test-suite");

const AJV_FORMATS_DIFFERS = [
  ["date-time", "1985-04-12T23:20:50+01"],
  ["date-time", "2016-12-31T24:59:60+01:00"],
  ["date-time", "1985-04-12T00:59:59.999999999999999Z"],
  ["email", '"joe bloggs"@example.com'],
  ["email", '"joe..bloggs"@example.com'],
  ["email", '"joe@bloggs"@example.com'],
  ["email", "joe.bloggs@[127.0.0.1]"],
  ["email", "joe.bloggs@[IPv6:::1]"],
  ["uri", "http://example.com:abc/path"],
  ["uri", "http://[::ffff:01.2.3.4]"],
  ["uri", "http:/[::1]"],
  ["uuid", "urn:uuid:2eb8aa08-aa98-11ea-b4aa-73b441d16380"],
];

/** ajv-formats' own check of `name`. */
function reference(name) {
  const def = fullFormats[name];
  const validate = typeof def === "object" && !(def instanceof RegExp) ? def.validate : def;
  return typeof validate === "function" ? validate : (s) => validate.test(s);
}

test("every suite case: ajv-formats' verdict, which is the suite's but on the listed cases", () => {
  let cases = 0;
  for (const [name, check] of Object.entries(formats)) {
    const groups = JSON.parse(fs.readFileSync(path.join(suiteDir, `${name}.json`), "utf8"));
    for (const t of groups.flatMap((g) => g.tests)) {
      if (typeof t.data !== "string") continue;
      const differs = AJV_FORMATS_DIFFERS.some(([n, d]) => n === name && d === t.data);
      assert.strictEqual(check(t.data), t.valid !== differs, `${name} ${JSON.stringify(t.data)}: ${t.description}`);
      assert.strictEqual(check(t.data), reference(name)(t.data), `${name} ${JSON.stringify(t.data)}`);
      cases++;
    }
  }
  assert.ok(cases > 250, `${cases} cases`);
});

/**
 * Strings around each format, with ajv-formats' verdict: corpus/formats.json,
 * which the Rust test runs too (SNAPSHOTS=overwrite rewrites it).
 */
function around() {
  const seeds = {
    date: ["2024-02-29", "2023-02-29", "2024-13-01", "2024-1-01", "0000-01-01"],
    "date-time": ["2024-02-29T10:00:00Z", "2024-02-29 10:00:00+0800", "1998-12-31T23:59:60Z", "2024-02-29T10:00"],
    email: ["a@b.co", "a.b@c", "a..b@c.de", "Joe@Example.COM", "x@-a.com"],
    ipv4: ["1.2.3.4", "255.255.255.255", "256.1.1.1", "01.2.3.4"],
    ipv6: ["::1", "1:2:3:4:5:6:7:8", "1::", "::ffff:1.2.3.4", "1:2:3:4:5:6:7::", "12345::"],
    uri: ["http://a/b?c#d", "urn:isbn:0451450523", "a:b", "//a/b", "http://[::1]:80/"],
    uuid: ["2eb8aa08-aa98-11ea-b4aa-73b441d16380", "2EB8AA08-AA98-11EA-B4AA-73B441D16380", "2eb8aa08aa9811eab4aa73b441d16380"],
  };
  const edits = ["", " ", "\t", "\u2028", "x", "Z", ":", ".", "-", "0", "\u212A"];
  const cases = [];
  for (const [name, list] of Object.entries(seeds)) {
    for (const seed of list) {
      for (let i = 0; i <= seed.length; i++) {
        for (const e of edits) {
          for (const s of [seed.slice(0, i) + e + seed.slice(i), seed.slice(0, i) + e + seed.slice(i + 1)]) {
            cases.push({ format: name, text: s, valid: reference(name)(s) });
          }
        }
      }
    }
  }
  return cases;
}

test("the same verdict as ajv-formats on strings around each format, which corpus/formats.json records", () => {
  const cases = around();
  for (const c of cases) assert.strictEqual(formats[c.format](c.text), c.valid, `${c.format} ${JSON.stringify(c.text)}`);
  const file = path.join(suiteDir, "..", "formats.json");
  const text = `${JSON.stringify(cases, null, 0).replace(/\},\{/g, "},\n{")}\n`;
  if (process.env.SNAPSHOTS === "overwrite") fs.writeFileSync(file, text);
  assert.strictEqual(fs.readFileSync(file, "utf8"), text, "corpus/formats.json is out of date: SNAPSHOTS=overwrite npm test");
  assert.ok(cases.length > 2000, `${cases.length} cases`);
});
