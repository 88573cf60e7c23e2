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
    const have = readWhole(await got(c), rust).map(key);
    assert.deepStrictEqual(have, rust.map(key), `${c.type}: ${c.text}`);
    compared++;
  }
  assert.ok(compared >= atLeast, `${compared} cases compared`);
  return compared;
}

/**
 * A `#[desk(skip)]` field that is not its type is one `type` violation at
 * the field in Rust ("does not match the field's type": serde says no more),
 * where the package says where inside it the value is wrong (docs/derive.md,
 * "where validators differ"). The package's violations inside such a field
 * stand for Rust's one, so long as there is at least one; the package's own
 * `type` at the field (a `char`) is Rust's already.
 */
function readWhole(have, rust) {
  const whole = rust.filter((v) => v.code === "type" && v.messages?.en === "does not match the field's type");
  let out = have;
  for (const w of whole) {
    if (out.some((v) => v.path === w.path && v.code === "type" && v.messages?.en === w.messages.en)) continue;
    const inside = (v) => v.path.startsWith(`${w.path}/`) || v.path === w.path;
    const at = out.findIndex(inside);
    assert.ok(at >= 0, `the package finds nothing wrong inside ${w.path}, which Rust refuses`);
    out = [...out.slice(0, at), w, ...out.slice(at).filter((v) => !inside(v))];
  }
  return out;
}

module.exports = { compareWithRust };
