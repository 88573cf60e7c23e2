// The npm package's `localize` on the Rust crate's own JSON: every zoo case's
// violations, as Rust writes them in English, become the ones Rust writes in
// Simplified Chinese, and back. A field's own message and a custom rule's
// come from the `messages` the JSON carries (the package has no other way
// to know them); the rest are written again from their codes and figures.
const test = require("node:test");
const assert = require("node:assert");
const fs = require("node:fs");
const path = require("node:path");

const corpus = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "corpus", "zoo.json"), "utf8"));

test("localize turns Rust's English JSON of every zoo case into Rust's Chinese, and back", async () => {
  const { localize } = await import("desk-schema");
  let compared = 0;
  let own = 0;
  for (const c of corpus.cases) {
    const en = c.violations;
    const zh = en.map((v, i) => ({ ...v, message: c.messages_zh_cn[i] }));
    // Through JSON, as a copy or the CLI's output reaches a browser.
    const copy = (vs) => JSON.parse(JSON.stringify(vs));
    assert.deepStrictEqual(localize(copy(en), "zh-CN"), zh, `${c.type}: ${c.text}`);
    assert.deepStrictEqual(localize(copy(zh), "en"), en, `${c.type}: ${c.text}`);
    compared += en.length;
    own += en.filter((v) => v.messages).length;
  }
  assert.ok(compared > 1000, `${compared} violations`);
  assert.ok(own > 20, `${own} violations with their own words`);
});
