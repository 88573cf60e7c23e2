// Shared by zoo.test.js and compile.test.js.
// The zoo types on which the package's `toViolations` does not yet give the
// Rust violations, with why (the work of the issue "The browser for every
// type"). The tests fail when one of them starts to agree, so that
// this list only shrinks.
const VIOLATIONS_PENDING = {
  ApplyJoinOption: "a unit enum's `allowed` lists its aliases",
  ModifyGroupBaseInfo: "an optional unit enum's `allowed` lists null",
  MsgElem: "the branches of a tagged enum are not folded into one violation",
  SendGroupMsg: "the branches of a tagged enum are not folded into one violation",
  Notice: "the branches of an internally tagged enum are not folded",
  Action: "an externally tagged enum's `type` names one JSON type",
  Seating: "the branches of an externally tagged enum are not folded into one violation",
  MsgStats: "a repeated key, and a field serde reads by default",
  MsgEvent: "the branches of an adjacently tagged enum are not folded",
  Orchard: "the branches of an adjacently tagged enum are not folded",
  Recipients: "untagged enums: the branch of the value's JSON type is not chosen",
  AttrValue: "untagged enums: the branch of the value's JSON type is not chosen",
  BatchSend: "untagged enums: the branch of the value's JSON type is not chosen",
  ProfileValue: "untagged enums: the branch of the value's JSON type is not chosen",
  SetProfile: "untagged enums: the branch of the value's JSON type is not chosen",
  MemberFilter: "the branches of an internally tagged enum are not folded",
  ForwardBody: "the branches of an adjacently tagged enum are not folded",
  Folder: "an externally tagged enum's `type` names one JSON type",
  Decor: "untagged enums: the branch of the value's JSON type is not chosen",
  Reading: "a 64-bit bound past 2^53 loses its last digits in a JavaScript number",
  AddGroupMember: "a `range` without `min` on an unsigned field: the type's 0 is not filled in",
  // The shape matrix (tests/src/matrix.rs), by the same kinds.
  "internal::Plain": "the branches of an internally tagged enum are not folded",
  "internal::Opt": "the branches of an internally tagged enum are not folded",
  "internal::List": "the branches of an internally tagged enum are not folded",
  "internal::Boxed": "the branches of an internally tagged enum are not folded",
  "internal::Map": "the branches of an internally tagged enum are not folded",
  "internal::Newtype": "the branches of an internally tagged enum are not folded",
  "internal::Transparent": "the branches of an internally tagged enum are not folded",
  "adjacent::Plain": "the branches of an adjacently tagged enum are not folded",
  "adjacent::Opt": "the branches of an adjacently tagged enum are not folded",
  "adjacent::List": "the branches of an adjacently tagged enum are not folded",
  "adjacent::Boxed": "the branches of an adjacently tagged enum are not folded",
  "adjacent::Map": "the branches of an adjacently tagged enum are not folded",
  "adjacent::Newtype": "the branches of an adjacently tagged enum are not folded",
  "adjacent::Transparent": "the branches of an adjacently tagged enum are not folded",
  "external::Plain": "an externally tagged enum's `type` names one JSON type",
  "external::Opt": "an externally tagged enum's `type` names one JSON type",
  "external::List": "an externally tagged enum's `type` names one JSON type",
  "external::Boxed": "an externally tagged enum's `type` names one JSON type",
  "external::Map": "an externally tagged enum's `type` names one JSON type",
  "external::Newtype": "an externally tagged enum's `type` names one JSON type",
  "external::Transparent": "an externally tagged enum's `type` names one JSON type",
  "loose::Plain": "untagged enums: the branch of the value's JSON type is not chosen",
  "loose::Opt": "untagged enums: the branch of the value's JSON type is not chosen",
  "loose::List": "untagged enums: the branch of the value's JSON type is not chosen",
  "loose::Boxed": "untagged enums: the branch of the value's JSON type is not chosen",
  "loose::Map": "untagged enums: the branch of the value's JSON type is not chosen",
  "loose::Newtype": "untagged enums: the branch of the value's JSON type is not chosen",
  "loose::Transparent": "untagged enums: the branch of the value's JSON type is not chosen",
};

const assert = require("node:assert");

/**
 * Holds `got` (a case's violations, by whichever validator) to the Rust
 * crate's violations of each zoo case, with the messages in `locale`, in order: equal on every type but the
 * pending ones, which must still differ somewhere (so the list only
 * shrinks). Returns how many cases were compared.
 */
async function compareWithRust(cases, got, locale = "en") {
  const key = (v) => JSON.stringify(Object.fromEntries(Object.entries(v).sort()));
  const disagree = new Set();
  let compared = 0;
  for (const c of cases) {
    // In order: the package sorts as the Rust crate's `Report::sort` does.
    const have = (await got(c)).map(key);
    const rust = locale === "zh-CN" ? c.violations.map((v, i) => ({ ...v, message: c.messages_zh_cn[i] })) : c.violations;
    const want = rust.map(key);
    if (c.type in VIOLATIONS_PENDING) {
      if (JSON.stringify(have) !== JSON.stringify(want)) disagree.add(c.type);
      continue;
    }
    assert.deepStrictEqual(have, want, `${c.type}: ${c.text}`);
    compared++;
  }
  assert.deepStrictEqual([...disagree].sort(), Object.keys(VIOLATIONS_PENDING).sort(), "a pending type now agrees: take it off the list");
  assert.ok(compared >= 300, `${compared} cases compared`);
  return compared;
}

module.exports = { VIOLATIONS_PENDING, compareWithRust };
