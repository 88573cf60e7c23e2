// Shared by zoo.test.js and compile.test.js.
const assert = require("node:assert");

/**
 * Holds `got` (a case's violations, by whichever validator) to the Rust
 * crate's violations of each zoo case, with the messages in `locale`, in
 * order, on every type, and at least `atLeast` of them. Returns how many
 * cases were compared.
 */
async function compareWithRust(cases, got, locale = "en", atLeast = 1000) {
  const key = (v) => JSON.stringify(Object.fromEntries(Object.entries(v).sort()));
  let compared = 0;
  for (const c of cases) {
    const rust = locale === "zh-CN" ? c.violations.map((v, i) => ({ ...v, message: c.messages_zh_cn[i] })) : c.violations;
    // In order: the package sorts as the Rust crate's `Report::sort` does.
    const have = (await got(c)).map(key);
    assert.deepStrictEqual(have, rust.map(key), `${c.type}: ${c.text}`);
    compared++;
  }
  assert.ok(compared >= atLeast, `${compared} cases compared`);
  return compared;
}

module.exports = { compareWithRust };
