// The public functions on inputs at the edge of their declarations: an
// object that holds itself, `null` options, and messages localized back.
import test from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { localize, toViolations, unrepresentable, validateRequest, validateResponse } from "../dist/index.js";
import { root } from "./helpers.js";

test("addDeskKeywords refuses an Ajv from another copy of the ajv package", async () => {
  const { createRequire } = await import("node:module");
  const os = await import("node:os");
  const { addDeskKeywords } = await import("../dist/keywords.js");
  const here = createRequire(import.meta.url);
  const Ajv2020 = here("ajv/dist/2020").default;
  // A second copy, with the packages it requires, where a linked or
  // directory-installed desk-schema would find its own.
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), "desk-schema-ajv-"));
  try {
    const modules = path.dirname(path.dirname(here.resolve("ajv/package.json")));
    const ajvPackage = JSON.parse(fs.readFileSync(path.join(modules, "ajv", "package.json"), "utf8"));
    for (const name of ["ajv", ...Object.keys(ajvPackage.dependencies)]) {
      fs.cpSync(path.join(modules, name), path.join(copy, "node_modules", name), { recursive: true });
    }
    const Other = createRequire(path.join(copy, "index.js"))("ajv/dist/2020").default;
    assert.notEqual(Other, Ajv2020);
    assert.throws(() => addDeskKeywords(new Other({ allErrors: true })), {
      name: "TypeError",
      message: /another copy of the `ajv` package/,
    });
    assert.throws(() => addDeskKeywords({ addKeyword() {}, addFormat() {} }), TypeError);
    // The package's own copy: the byte limit counts bytes.
    const ajv = addDeskKeywords(new Ajv2020({ allErrors: true }));
    const validate = ajv.compile({ type: "string", maxLength: 12, "x-maxBytes": 12 });
    assert.equal(validate("客".repeat(4)), true);
    assert.equal(validate("客".repeat(5)), false);
  } finally {
    fs.rmSync(copy, { recursive: true, force: true });
  }
});

const sample = () =>
  JSON.parse(fs.readFileSync(path.join(root, "desk-schema", "examples", "create_group.request.json"), "utf8"));

test("an object that holds itself is refused at once, as JSON.stringify refuses it", () => {
  const request = sample();
  request.Self = request;
  assert.throws(() => validateRequest(request), { name: "TypeError", message: /"\/Self" holds itself/ });
  const list = [];
  list.push({ Inner: list });
  assert.throws(() => unrepresentable({ MemberList: list }), /"\/MemberList\/0\/Inner" holds itself/);
  // The same object twice, side by side, is no cycle: JSON writes it twice.
  const shared = { Member_Account: "a" };
  assert.deepEqual(unrepresentable({ MemberList: [shared, shared] }), null);
  const twice = sample();
  twice.AppDefinedData = [{ Key: "k", Value: "v" }];
  twice.AppMemberDefinedData = twice.AppDefinedData;
  assert.deepEqual(validateRequest(twice), []);
});

test("a wide document is read in memory that grows with its depth, not its width", () => {
  // Three million items in a 64 MB heap: the walk keeps one frame per open
  // array or object, not one entry per item.
  const script = `
    import { unrepresentable } from ${JSON.stringify(new URL("../dist/index.js", import.meta.url).href)};
    const v = new Array(3_000_000).fill(0);
    v[v.length - 1] = Infinity;
    const schema = { type: "object", properties: { v: { type: "array", items: { type: "integer" } } } };
    process.stdout.write(unrepresentable({ v }, { schema }).path + " " + unrepresentable({ v }).path);
  `;
  const run = spawnSync(process.execPath, ["--max-old-space-size=64", "--input-type=module", "-e", script], { encoding: "utf8" });
  assert.equal(run.stderr, "");
  assert.equal(run.stdout, "/v/2999999 /v/2999999");
});

test("a $ref that names nothing, or is no URI, reads the value whole rather than throw", () => {
  const schema = {
    $defs: { A: { type: "object", properties: { a: { type: "string" } } } },
    type: "object",
    properties: { x: { $ref: "#/$defs/%zz" }, y: { $ref: "#/$defs/A" }, z: { $ref: "#/__proto__" } },
  };
  assert.equal(unrepresentable({ x: { q: "\ud800" } }, { schema })?.path, "/x/q");
  assert.equal(unrepresentable({ y: { q: "\ud800" } }, { schema }), null);
  assert.equal(unrepresentable({ z: { q: "\ud800" } }, { schema })?.path, "/z/q");
});

test("an array is read at the length it has when opened, as JSON.stringify reads it", () => {
  const list = [1];
  Object.defineProperty(list, 0, {
    enumerable: true,
    get() {
      list.push("\ud800");
      return 1;
    },
  });
  assert.equal(unrepresentable(list), null);
});

test("a null schema reads as none: every value is looked at", () => {
  assert.equal(unrepresentable({ a: [1, { b: "\ud800" }] }, { schema: null })?.path, "/a/1/b");
});

test("null options read as none", () => {
  assert.deepEqual(validateRequest(sample(), null), []);
  assert.deepEqual(validateResponse({ ActionStatus: "OK", ErrorInfo: "", ErrorCode: 0, GroupId: "g" }, null), []);
  assert.equal(unrepresentable(sample(), null), null);
});

test("localize turns messages into either language, from the figures", () => {
  const english = validateRequest({});
  const chinese = validateRequest({}, { locale: "zh-CN" });
  assert.notDeepEqual(chinese.map((v) => v.message), english.map((v) => v.message));
  assert.deepEqual(localize(chinese, "en"), english);
  assert.deepEqual(localize(english, "zh-CN"), chinese);
});

test("localize gives the CLI's not-shown mark in the language asked, wherever it stands", () => {
  // The marks as the CLI writes them (desk-schema/src/bin/desk-schema/secret.rs).
  const source = fs.readFileSync(path.join(root, "desk-schema", "src", "bin", "desk-schema", "secret.rs"), "utf8");
  const [en, zh] = JSON.parse(source.match(/NOT_SHOWN: \[&str; 2\] =\s*(\[[^\]]*\])/)[1]);
  assert.ok(en.startsWith("<not shown") && zh.startsWith("<不予显示"), `${en} ${zh}`);
  const hidden = (mark) => ({ path: "", code: "unknown_field", message: mark, property: mark, suggestion: null });
  assert.deepEqual(localize([hidden(en)], "zh-CN"), [hidden(zh)]);
  assert.deepEqual(localize([hidden(zh)], "en"), [hidden(en)]);
  const same = hidden(en);
  assert.equal(localize([same], "en")[0], same);
});

test("localize writes a typed infinity or NaN the Rust crate reported (its text as the figure) as the Rust crate writes it", () => {
  // The reports of tests/tests/not_finite.rs, which holds each to Rust's JSON.
  const source = fs.readFileSync(path.join(root, "tests", "tests", "not_finite.rs"), "utf8");
  const table = source.slice(source.indexOf("const REPORTS"), source.indexOf("];", source.indexOf("const REPORTS")));
  const raw = [...table.matchAll(/r#"([^#]*)"#/g)].map((m) => m[1].split("\n").map((line) => JSON.parse(line)));
  assert.equal(raw.length, 6);
  for (let i = 0; i < raw.length; i += 2) {
    const [en, zh] = [raw[i], raw[i + 1]];
    assert.ok(en.every((v) => typeof v.actual === "string"), JSON.stringify(en));
    assert.deepEqual(localize(en, "zh-CN"), zh);
    assert.deepEqual(localize(zh, "en"), en);
    // A violation with no message yet gets Rust's from its figures.
    assert.deepEqual(localize(en.map((v) => ({ ...v, message: "" })), "en"), en);
  }
});

test("a syntax error's reason reads in Chinese as the Rust crate writes it (its syntax_reason_zh table)", () => {
  const source = fs.readFileSync(path.join(root, "desk-schema", "src", "i18n.rs"), "utf8");
  const start = source.indexOf("fn syntax_reason_zh");
  const table = source.slice(start, source.indexOf("other => other", start));
  const literal = (s) => s.replace(/\\(["\\])/g, "$1");
  const arms = [...table.matchAll(/"((?:[^"\\]|\\.)*)" => \{?\s*"((?:[^"\\]|\\.)*)"/g)].map((m) => [literal(m[1]), literal(m[2])]);
  assert.ok(arms.length >= 20, `${arms.length} arms`);
  for (const [reason, zh] of arms) {
    const v = { path: "", code: "syntax", message: "", line: 1, column: 2, reason };
    assert.equal(localize([v], "zh-CN")[0].message, `不是有效的 JSON：第 1 行第 2 列，${zh}`, reason);
  }
});

test("localize reads back the figures a copy or the Rust crate's JSON does not show", () => {
  // The create-group rules' figures are kept aside (not in the object, as in
  // Rust): a copy (JSON, structuredClone, postMessage) reads them back from
  // the message, in either language.
  const request = sample();
  request.MemberList = [{ Member_Account: "@customer_service_account" }, { Member_Account: "@customer_service_account" }];
  request.MaxMemberCount = 1;
  const response = { ActionStatus: "OK", ErrorCode: 60020, ErrorInfo: "" };
  // An owner not listed counts, and the message says so.
  const owned = { ...sample(), Owner_Account: "boss9", MaxMemberCount: sample().MemberList.length };
  assert.ok(validateRequest(owned).some((v) => v.message.includes("(Owner_Account included: the server adds the owner)")));
  for (const [english, chinese] of [
    [validateRequest(owned), validateRequest(owned, { locale: "zh-CN" })],
    [validateRequest(request), validateRequest(request, { locale: "zh-CN" })],
    [validateRequest({ ...request, MemberList: [{ Member_Account: "a" }] }), validateRequest({ ...request, MemberList: [{ Member_Account: "a" }] }, { locale: "zh-CN" })],
    [validateResponse(response), validateResponse(response, { locale: "zh-CN" })],
  ]) {
    assert.ok(english.length > 0);
    for (const copy of [(v) => JSON.parse(JSON.stringify(v)), structuredClone]) {
      assert.deepEqual(localize(copy(english), "zh-CN"), chinese);
      assert.deepEqual(localize(copy(chinese), "en"), english);
      // Read back once, kept aside again: a second copy still localizes.
      assert.deepEqual(localize(copy(localize(copy(english), "zh-CN")), "en"), english);
    }
  }
  // A syntax error as the CLI writes it: line and column, no reason.
  const syntax = { path: "", code: "syntax", message: "not valid JSON at line 1, column 8: the text ends where a value should be", line: 1, column: 8 };
  const zh = { ...syntax, message: "不是有效的 JSON：第 1 行第 8 列，此处应有一个值，文本却结束了" };
  assert.deepEqual(localize([syntax], "zh-CN"), [zh]);
  assert.deepEqual(localize([zh], "en"), [syntax]);
  assert.deepEqual(localize([syntax], "en"), [syntax]);
  // A reason the table does not know is read back as it is.
  const odd = { ...syntax, message: "not valid JSON at line 1, column 8: something new" };
  assert.equal(localize([odd], "zh-CN")[0].message, "不是有效的 JSON：第 1 行第 8 列，something new");
  // Text no message of the code writes, or with other figures, stays.
  for (const v of [
    { path: "", code: "max_member_count", message: "2 is below the 3 initial members; must be at least 4" },
    { path: "", code: "customer_service_account", message: "two customer service accounts" },
    { ...syntax, line: 2 },
  ]) {
    assert.deepEqual(localize([v], "zh-CN"), [v]);
  }
  // A field's own English message without its `messages` (JSON written by
  // hand, or before the crate carried them) stays; a Chinese copy comes back
  // to English from its figures.
  const own = { path: "/m/k", code: "max_bytes", message: "too long", limit: 2, bytes: 4, chars: 4 };
  assert.deepEqual(localize([own], "en"), [own]);
  const chinese = JSON.parse(JSON.stringify(localize(validateRequest({}), "zh-CN")));
  assert.deepEqual(localize(chinese, "en"), validateRequest({}));
});

test("a count of one is singular, as the Rust crate says it (tests/tests/order.rs)", () => {
  // Written in Chinese from the figures, then in English.
  const say = (code, figures) => localize(localize([{ path: "", code, message: "", ...figures }], "zh-CN"), "en")[0].message;
  assert.equal(say("max_items", { limit: 0, items: 1 }), "1 item; at most 0 items");
  assert.equal(say("max_chars", { limit: 0, chars: 1 }), "1 character; at most 0 characters");
  assert.equal(say("max_graphemes", { limit: 0, graphemes: 1 }), "1 grapheme cluster (characters as a reader sees them); at most 0");
  assert.equal(say("max_utf16", { limit: 0, units: 1 }), "1 UTF-16 code unit (JavaScript's length); at most 0");
});

test("the built files call no API newer than their es2020 target (Object.hasOwn: Safari 15.4+)", () => {
  const dist = new URL("../dist/", import.meta.url);
  for (const file of fs.readdirSync(dist).filter((f) => /\.(c?js)$/.test(f))) {
    const code = fs.readFileSync(new URL(file, dist), "utf8");
    assert.doesNotMatch(code, /Object\.hasOwn\(/, file);
  }
});

test("the Code type lists CODES, in order, in both builds' declarations", async () => {
  const { CODES } = await import("../dist/index.js");
  for (const file of ["index.d.ts", "index.d.cts"]) {
    const types = fs.readFileSync(new URL(`../dist/${file}`, import.meta.url), "utf8");
    const union = /export type Code =([^;]*);/.exec(types);
    assert.ok(union, `${file} declares Code`);
    const members = [...union[1].matchAll(/"([a-z0-9_]+)"/g)].map((m) => m[1]);
    assert.deepEqual(members, [...CODES], file);
    assert.match(types, /export declare const CODES: readonly Code\[\];/, file);
  }
});

test("a Simplified Chinese tag of any region reads as zh-CN; Traditional Chinese throws, saying so", () => {
  const chinese = validateRequest({}, { locale: "zh-CN" });
  for (const tag of ["zh", "zh_CN", "zh-Hans", "ZH-hans-cn", "zh-SG", "zh-Hans-SG", "zh-MY"]) {
    assert.deepEqual(validateRequest({}, { locale: tag }), chinese, tag);
  }
  // The Rust crate's `UnknownLocale` says the same words (its doctest).
  assert.throws(() => validateRequest({}, { locale: "zh-TW" }), {
    message: 'unknown locale "zh-TW"; expected "en" or "zh-CN" (Simplified Chinese: zh, zh-Hans, zh-SG; there are no Traditional Chinese messages)',
  });
  for (const tag of ["zh-TW", "zh-HK", "zh-Hant", "fr"]) {
    assert.throws(() => validateRequest({}, { locale: tag }), { name: "TypeError", message: /no Traditional Chinese messages/ }, tag);
    // The locale is the first thing read: a bad one is the error whatever
    // the errors (none, or a non-verbose Ajv's).
    for (const errors of [[], [{ instancePath: "", keyword: "type", params: {} }]]) {
      assert.throws(() => toViolations(errors, { locale: tag }), { name: "TypeError", message: /no Traditional Chinese messages/ }, tag);
    }
    // And whatever the data: a valid one, one that holds itself.
    const cycle = {};
    cycle.self = cycle;
    for (const data of [sample(), cycle]) {
      assert.throws(() => validateRequest(data, { locale: tag }), { message: /no Traditional Chinese messages/ }, tag);
    }
    for (const data of [{ ActionStatus: "OK", ErrorInfo: "", ErrorCode: 0, GroupId: "g" }, cycle]) {
      assert.throws(() => validateResponse(data, { locale: tag }), { message: /no Traditional Chinese messages/ }, tag);
    }
    for (const data of [{}, cycle]) {
      assert.throws(() => unrepresentable(data, { locale: tag }), { message: /no Traditional Chinese messages/ }, tag);
    }
  }
  // A locale given in the options' place, or one that is not a string, is
  // refused, not read as no options or through String().
  for (const call of [validateRequest, validateResponse, unrepresentable, (d, o) => toViolations([], o)]) {
    assert.throws(() => call({}, "zh-CN"), { name: "TypeError", message: /options must be an object/ }, call.name);
    for (const locale of [["en"], { toString: () => "zh" }, 1]) {
      assert.throws(() => call({}, { locale }), { name: "TypeError", message: /a locale is a string/ }, call.name);
    }
  }
});

test("a code or a figure named as an Object.prototype property is just a name", () => {
  for (const code of ["constructor", "toString", "__proto__", "hasOwnProperty", "valueOf"]) {
    const v = JSON.parse(`{"path": "", "code": ${JSON.stringify(code)}, "message": "x"}`);
    for (const locale of ["en", "zh-CN"]) assert.deepEqual(localize([v], locale), [v], `${code} ${locale}`);
  }
  const syntax = { path: "", code: "syntax", message: "not valid JSON at line 1, column 1: constructor", line: 1, column: 1 };
  assert.equal(localize([syntax], "zh-CN")[0].message, "不是有效的 JSON：第 1 行第 1 列，constructor");
  const type = { path: "/a", code: "type", message: "", expected: "toString", found: "string" };
  assert.equal(localize([type], "zh-CN")[0].message, "类型错误：应为 toString，实际为字符串");
});

test("isCode says whether a code is one of CODES", async () => {
  const { CODES, isCode } = await import("../dist/index.js");
  for (const code of CODES) assert.equal(isCode(code), true, code);
  for (const code of ["their_rule", "", "constructor", "MAX_BYTES"]) assert.equal(isCode(code), false, code);
});

test("localize reads back the Rust client's own violations (GroupId, too large) and the not-UTF-8 message", () => {
  const pairs = [
    [
      { path: "/GroupId", code: "inconsistent_response", message: "a GroupId other than the request's (not shown)" },
      { path: "/GroupId", code: "inconsistent_response", message: "GroupId 与请求中的不同（不予显示）" },
    ],
    [
      { path: "", code: "response_too_large", message: "the response is longer than 64 KiB; a create_group response is a few hundred bytes" },
      { path: "", code: "response_too_large", message: "应答超过 64 KiB；create_group 的应答通常只有几百字节" },
    ],
    [
      { path: "", code: "syntax", message: "not UTF-8: invalid byte sequence at the 2nd byte" },
      { path: "", code: "syntax", message: "不是 UTF-8 文本：第 2 个字节起的字节序列无效" },
    ],
    [
      { path: "", code: "syntax", message: "not UTF-8: invalid byte sequence at the 113th byte" },
      { path: "", code: "syntax", message: "不是 UTF-8 文本：第 113 个字节起的字节序列无效" },
    ],
  ];
  for (const [en, zh] of pairs) {
    assert.deepEqual(localize([en], "zh-CN"), [zh]);
    assert.deepEqual(localize([zh], "en"), [en]);
  }
  // "the 2th byte" is no message the Rust crate writes: it stays.
  const odd = { path: "", code: "syntax", message: "not UTF-8: invalid byte sequence at the 2th byte" };
  assert.deepEqual(localize([odd], "zh-CN"), [odd]);
});

test("localize leaves a message its figures do not write (a field's own), and writes a number JSON rounded as the message did", () => {
  // An integer past 2^53, as the CLI writes it: JSON.parse rounds the
  // figure, which would write another number; the message's digits stand.
  const v = { path: "/MaxMemberCount", code: "range", message: "9007199254740993 is out of range; must be from 1 to 4294967295", min: 1, max: 4294967295, actual: 9007199254740993 };
  const copy = JSON.parse(JSON.stringify(v));
  assert.deepEqual(localize([copy], "zh-CN"), [{ ...copy, message: "9007199254740993 超出范围；应在 1 到 4294967295 之间" }]);
  // Digits that do not round to the figure are no message of the rule's.
  const other = { ...copy, message: "9007199254740999 is out of range; must be from 1 to 4294967295" };
  assert.deepEqual(localize([other], "zh-CN"), [other]);
  // Two such figures in one message (a bound of the user's own past 2^53),
  // negative ones too, both ways.
  const two = { path: "/N", code: "range", min: -9007199254740995, max: 9007199254740995, actual: -9007199254740999 };
  const en = { ...two, message: "-9007199254740999 is out of range; must be from -9007199254740995 to 9007199254740995" };
  const zh = { ...two, message: "-9007199254740999 超出范围；应在 -9007199254740995 到 9007199254740995 之间" };
  assert.deepEqual(localize([JSON.parse(JSON.stringify(en))], "zh-CN"), [JSON.parse(JSON.stringify(zh))]);
  assert.deepEqual(localize([JSON.parse(JSON.stringify(zh))], "en"), [JSON.parse(JSON.stringify(en))]);
  // A figure a message does arithmetic with (a position) is left as it is,
  // never a throw; what localize returns holds no BigInt.
  const byte = { path: "", code: "syntax", byte: 9007199254740995, message: "不是 UTF-8 文本：第 9007199254740995 个字节起的字节序列无效" };
  for (const lang of ["en", "zh-CN"]) assert.deepEqual(localize([byte], lang), [byte]);
  assert.doesNotThrow(() => JSON.stringify(localize([JSON.parse(JSON.stringify(en))], "zh-CN")));
  // A field's own message without its `messages` stays; with them, it is
  // taken from them, both ways, through copies.
  const own = { path: "/Name", code: "max_bytes", message: "keep it short", limit: 2, bytes: 4, chars: 4 };
  assert.deepEqual(localize([own], "zh-CN"), [own]);
  const carried = { ...own, messages: { en: "keep it short", "zh-CN": "短一些" } };
  const carriedZh = { ...carried, message: "短一些" };
  assert.deepEqual(localize([JSON.parse(JSON.stringify(carried))], "zh-CN"), [carriedZh]);
  assert.deepEqual(localize([structuredClone(carriedZh)], "en"), [carried]);
  // `messages` that hold no text for the locale are not read: the message
  // stays, as without them.
  const broken = { ...own, messages: { en: 3 } };
  assert.deepEqual(localize([broken], "zh-CN"), [broken]);
  // Nor are they lost where the message is written from the figures.
  const figures = { path: "/Name", code: "max_bytes", limit: 2, bytes: 4, chars: 4 };
  for (const messages of [{ en: "x" }, null, ["x"], "x"]) {
    const v = { ...figures, message: "4 bytes in UTF-8 (4 characters); at most 2 bytes", messages };
    assert.deepEqual(localize([v], "zh-CN"), [
      { ...figures, message: "最多 2 字节（UTF-8 编码），当前 4 字节（4 个字符）", messages },
    ]);
  }
  // The aside on CJK text is written only for text that has more bytes
  // than characters, as in Rust.
  const cjk = { path: "/Name", code: "max_bytes", limit: 2, bytes: 6, chars: 2, message: "" };
  assert.equal(localize([cjk], "zh-CN")[0].message, "最多 2 字节（UTF-8 编码，一个汉字占 3 字节，表情大多占 4 字节），当前 6 字节（2 个字符）");
  // No message yet: written from the figures.
  assert.equal(localize([{ ...own, message: "" }], "zh-CN")[0].message, "最多 2 字节（UTF-8 编码），当前 4 字节（4 个字符）");
});

test("a figure that holds the read-back's markers is text: no throw, no slow pattern", () => {
  const started = Date.now();
  for (const reason of ["\u00001\u0000", "\u0000gN\u0000-".repeat(12), "\u0000reason\u0000"]) {
    const v = { path: "", code: "syntax", message: "x", line: 1, column: 1, reason };
    assert.deepEqual(localize([v], "zh-CN"), [v]);
  }
  assert.ok(Date.now() - started < 1000, `${Date.now() - started} ms`);
});

test("a float's whole figure (2.0), as the CLI's JSON writes it, localizes both ways", () => {
  const en = { path: "/Ratio", code: "range", message: "2.0 is out of range; must be from 0 to 1", min: 0, max: 1, actual: 2 };
  const zh = { ...en, message: "2.0 超出范围；应在 0 到 1 之间" };
  assert.deepEqual(localize([en], "zh-CN"), [zh]);
  assert.deepEqual(localize([zh], "en"), [en]);
  // An integer's stays an integer's.
  const int = { ...en, message: "2 is out of range; must be from 0 to 1" };
  assert.equal(localize([int], "zh-CN")[0].message, "2 超出范围；应在 0 到 1 之间");
});

test("a oneOf that two branches pass is the field's type violation, as Rust says", async () => {
  const { createRequire } = await import("node:module");
  const { addDeskKeywords } = await import("../dist/keywords.js");
  const { toViolations } = await import("../dist/index.js");
  const Ajv2020 = createRequire(import.meta.url)("ajv/dist/2020").default;
  const ajv = addDeskKeywords(new Ajv2020({ strict: true, allErrors: true, verbose: true }));
  // A `oneOf` such as schemars writes for `Result<u8, String>` (which the
  // derive refuses in a `#[desk(skip)]` field; a `JsonSchema` of your own
  // may write one).
  const validate = ajv.compile({
    type: "object",
    properties: {
      r: {
        oneOf: [
          { type: "object", properties: { Ok: { type: "integer" } }, required: ["Ok"] },
          { type: "object", properties: { Err: { type: "string" } }, required: ["Err"] },
        ],
        "x-readWhole": true,
      },
    },
  });
  assert.equal(validate({ r: { Ok: 3, Err: "x" } }), false);
  assert.deepEqual(
    toViolations(validate.errors).map((v) => [v.path, v.code, v.message]),
    [["/r", "type", "does not match the field's type"]],
  );
  assert.equal(validate({ r: { Ok: 3 } }), true);
});

test("with the root schema, a skip field that is not its type is one type violation at the field, as Rust says", async () => {
  const { createRequire } = await import("node:module");
  const { addDeskKeywords } = await import("../dist/keywords.js");
  const { toViolations } = await import("../dist/index.js");
  const Ajv2020 = createRequire(import.meta.url)("ajv/dist/2020").default;
  const ajv = addDeskKeywords(new Ajv2020({ strict: true, allErrors: true, verbose: true, allowUnionTypes: true }));
  // `struct Post { #[desk(skip)] relay: Option<Relay<Short>>, #[desk(max_bytes = 2)] tag: String }`,
  // and an internally tagged enum whose variants name `x` alike, a skip
  // field in one and a checked one in the other.
  const schema = {
    type: "object",
    properties: {
      relay: { anyOf: [{ $ref: "#/$defs/Relay_unchecked" }, { type: "null" }], "x-readWhole": true, "x-skip": true },
      tag: { type: "string", maxLength: 2, "x-maxBytes": 2 },
      both: { $ref: "#/$defs/Both" },
    },
    $defs: {
      Relay_unchecked: {
        type: "object",
        properties: { body: { type: "object", properties: { s: { type: "string" } }, required: ["s"] }, n: { type: "integer", minimum: 0, maximum: 255 } },
        required: ["body"],
      },
      Both: {
        oneOf: [
          { type: "object", properties: { t: { const: "A" }, x: { type: "array", items: { type: "integer" }, "x-readWhole": true, "x-skip": true } }, required: ["t", "x"] },
          { type: "object", properties: { t: { const: "B" }, x: { type: "array", items: { type: "string", maxLength: 1, "x-maxBytes": 1 } } }, required: ["t", "x"] },
        ],
      },
    },
  };
  const validate = ajv.compile(schema);
  const data = { relay: { body: { s: 5 }, n: 256, extra: [] }, tag: "abc" };
  assert.equal(validate(data), false);
  const found = (options) => toViolations(validate.errors, options).map((v) => [v.path, v.code]);
  assert.deepEqual(found({ schema }), [
    ["/relay", "type"],
    ["/tag", "max_bytes"],
  ]);
  assert.equal(toViolations(validate.errors, { schema })[0].message, "does not match the field's type");
  // Without the schema, where Ajv found each fault.
  assert.deepEqual(found(), [
    ["/relay/body/s", "type"],
    ["/relay/n", "range"],
    ["/tag", "max_bytes"],
  ]);
  // `x` is a skip field in one branch of a `oneOf` only: reported where Ajv found it.
  assert.equal(validate({ tag: "a", both: { t: "B", x: ["ab"] } }), false);
  assert.ok(found({ schema }).some(([path]) => path === "/both/x/0"), JSON.stringify(found({ schema })));
});

test("a name that is a skip field in one tagged variant and checked in another is folded where the tag picks the skip field", async () => {
  const { createRequire } = await import("node:module");
  const { addDeskKeywords } = await import("../dist/keywords.js");
  const { toViolations } = await import("../dist/index.js");
  const Ajv2020 = createRequire(import.meta.url)("ajv/dist/2020").default;
  const ajv = addDeskKeywords(new Ajv2020({ strict: true, allErrors: true, verbose: true, allowUnionTypes: true }));
  // An internally tagged enum as the derive writes it: `Raw { #[desk(skip)] x: Vec<u8> }`
  // and `Labels { #[desk(items(max_bytes = 1))] x: Vec<String> }`, by `if`/`then` on the tag.
  const variant = (tag, x) => ({
    if: { type: "object", properties: { t: { const: tag } }, required: ["t"] },
    then: { type: "object", properties: { t: { const: tag }, x }, required: ["t", "x"] },
  });
  const schema = {
    type: "object",
    properties: { list: { type: "array", items: { $ref: "#/$defs/Setting" } } },
    $defs: {
      Setting: {
        type: "object",
        required: ["t"],
        properties: { t: { enum: ["Raw", "Labels"] } },
        allOf: [
          variant("Raw", { type: "array", items: { type: "integer", minimum: 0, maximum: 255 }, "x-readWhole": true, "x-skip": true }),
          variant("Labels", { type: "array", items: { type: "string", maxLength: 1, "x-maxBytes": 1 } }),
        ],
      },
    },
  };
  const validate = ajv.compile(schema);
  const data = { list: [{ t: "Labels", x: ["ab", 1] }, { t: "Raw", x: [1, 256, "ab"] }, { t: "Raw", x: [2] }] };
  assert.equal(validate(data), false);
  assert.deepEqual(
    toViolations(validate.errors, { schema }).map((v) => [v.path, v.code]),
    [
      ["/list/0/x/0", "max_bytes"],
      ["/list/0/x/1", "type"],
      ["/list/1/x", "type"],
    ],
  );
});

test("a NaN (a form's empty number input) is one range violation at its place, beside every other violation", () => {
  const request = {
    Type: "Public",
    GroupId: "",
    Name: "客".repeat(34),
    MaxMemberCount: NaN,
    MemberList: [{ Member_Account: "u" }, { Member_Account: "u" }],
  };
  const found = validateRequest(request);
  assert.deepEqual(
    found.map((v) => [v.path, v.code]),
    [
      ["/GroupId", "min_bytes"],
      ["/MaxMemberCount", "range"],
      ["/MemberList", "customer_service_account"],
      ["/MemberList/1/Member_Account", "duplicate"],
      ["/Name", "max_bytes"],
    ],
  );
  const nan = found.find((v) => v.path === "/MaxMemberCount");
  assert.equal(nan.message, "NaN is out of range; must be a finite number (JSON has no infinity or NaN)");
  assert.equal(nan.actual, "NaN");
  assert.equal(
    validateRequest(request, { locale: "zh-CN" }).find((v) => v.path === "/MaxMemberCount").message,
    "NaN 超出范围；应为有限数值（JSON 不能表示无穷大或 NaN）",
  );
  // A compiled validator's path (violationsOf) too; a NaN the type does not read is not looked at.
  assert.deepEqual(
    validateResponse({ ActionStatus: "FAIL", ErrorCode: NaN, ErrorInfo: 5 }).map((v) => [v.path, v.code]),
    [
      ["/ErrorCode", "range"],
      ["/ErrorInfo", "type"],
    ],
  );
  // A NaN repeats nothing, and nothing repeats it (helper-128: two NaN accounts were a duplicate).
  const twice = {
    ...request,
    GroupId: "g",
    Name: "n",
    MaxMemberCount: 10,
    MemberList: [{ Member_Account: NaN }, { Member_Account: NaN }, { Member_Account: "@customer_service_account" }, { Member_Account: "u" }],
    AppDefinedData: [{ Key: NaN, Value: "a" }, { Key: NaN, Value: "b" }],
  };
  assert.deepEqual(
    validateRequest(twice).map((v) => [v.path, v.code]),
    [
      ["/AppDefinedData/0/Key", "range"],
      ["/AppDefinedData/1/Key", "range"],
      ["/MemberList/0/Member_Account", "range"],
      ["/MemberList/1/Member_Account", "range"],
    ],
  );
  // A number past any double (1e400, which JSON.parse reads as Infinity) is still the one violation, as in Rust.
  assert.deepEqual(
    validateRequest({ ...request, MaxMemberCount: Infinity }).map((v) => [v.path, v.code]),
    [["/MaxMemberCount", "range"]],
  );
});

test("the create-group rules read own properties only, as Ajv and JSON do", () => {
  const inherited = Object.create({ MaxMemberCount: 1 });
  Object.assign(inherited, {
    Type: "Public",
    GroupId: "g1",
    Name: "n",
    MemberList: [{ Member_Account: "user2" }, { Member_Account: "@customer_service_account" }],
  });
  assert.deepEqual(validateRequest(inherited), []);
  const member = Object.create({ Member_Account: "@customer_service_account" });
  const request = { Type: "Public", GroupId: "g1", Name: "n", MemberList: [{ Member_Account: "user2" }, member] };
  assert.deepEqual(
    validateRequest(request).map((v) => [v.path, v.code]),
    [
      ["/MemberList", "customer_service_account"],
      ["/MemberList/1", "required"],
    ],
  );
});

test("toViolations alone reports a NaN as violationsOf does: one range violation at its place, not Ajv's words for its type", async () => {
  const { default: Ajv2020 } = await import("ajv/dist/2020.js");
  const { addDeskKeywords } = await import("../dist/keywords.js");
  const { toViolations } = await import("../dist/index.js");
  const schema = JSON.parse(fs.readFileSync(path.join(root, "npm", "desk-schema", "schemas", "create_group.response.schema.json"), "utf8"));
  const ajv = addDeskKeywords(new Ajv2020({ strict: false, allErrors: true, verbose: true, ownProperties: true, allowUnionTypes: true }));
  const validate = ajv.compile(schema);
  for (const response of [
    { ActionStatus: "FAIL", ErrorCode: NaN, ErrorInfo: 5 },
    { ActionStatus: "OK", ErrorCode: 0, ErrorInfo: "", GroupId: NaN },
    { ActionStatus: NaN, ErrorCode: NaN, ErrorInfo: NaN },
  ]) {
    assert.equal(validate(response), false);
    const alone = toViolations(validate.errors, { schema });
    assert.deepEqual(alone, validateResponse(response), JSON.stringify(response, (_, v) => (Number.isNaN(v) ? "NaN" : v)));
    assert.ok(alone.some((v) => v.code === "range" && v.actual === "NaN"));
    assert.ok(alone.every((v) => !/fraction|exponent/.test(v.message)));
  }
});

test("localize gives a violation this package made what it gives the violation's JSON copy, as made or changed after", () => {
  // A violation as this package made it holds figures aside (none, here);
  // a copy, which this package knows nothing of, reads them back from its
  // message. Both read the same.
  const states = [
    ["as made", () => {}],
    ["a figure changed", (v) => (v.bytes = 102)],
    ["its message changed", (v) => (v.message = "too long")],
    ["its message emptied", (v) => (v.message = "")],
  ];
  for (const [state, change] of states) {
    for (const locale of ["en", "zh-CN"]) {
      const [made] = validateRequest({ ...sample(), Name: "x".repeat(101) });
      assert.equal(made.code, "max_bytes");
      change(made);
      const copy = JSON.parse(JSON.stringify(made));
      assert.deepEqual(localize([made], locale), localize([copy], locale), `${state} ${locale}`);
    }
  }
});

test("localize gives copies, and validateRequest gives in English what localize gives its violations", () => {
  // validateRequest returns the violations it made as they are, where they
  // read in English as localize would write them (a shorter way than
  // localize's); localize itself gives copies, whatever a caller then
  // does with them.
  const requests = [{}, { ...sample(), Name: "x".repeat(101), GroupId: "@TGS#x", MaxMemberCount: 0 }, { ...sample(), MemberList: [] }];
  for (const request of requests) {
    const made = validateRequest(request);
    assert.ok(made.length > 0);
    const english = localize(made, "en");
    assert.equal(JSON.stringify(english), JSON.stringify(made));
    english.forEach((v, i) => assert.notEqual(v, made[i], v.code));
    english[0].message = "changed";
    assert.notEqual(made[0].message, "changed");
    assert.deepEqual(localize(made, "zh-CN"), validateRequest(request, { locale: "zh-CN" }));
  }
});

test("toViolations tells repeats apart whatever their figures, a BigInt among them", () => {
  const error = (params) => ({
    keyword: "x-maxBytes",
    instancePath: "/a",
    schemaPath: "#/x-maxBytes",
    params,
    parentSchema: { type: "string", "x-maxBytes": 1 },
    data: "ab",
  });
  const one = { limit: 1n, bytes: 2n, chars: 2n };
  assert.equal(toViolations([error(one)]).length, 1);
  assert.equal(toViolations([error(one), error({ ...one })]).length, 1);
  assert.equal(toViolations([error(one), error({ ...one, limit: 0n })]).length, 2);
});

// helper-190: `{ ...request, Notes: undefined }` was an unknown property to
// the package, where `JSON.stringify` leaves it out and Rust never sees it.
// Every value JSON.stringify sends otherwise is read as it sends it.
test("data is checked as JSON.stringify sends it: undefined, functions and symbols left out (null in a list), toJSON called, boxes opened", () => {
  const holey = [{ Member_Account: "u" }, , { Member_Account: "@customer_service_account" }];
  const shapes = [
    { ...sample(), Notes: undefined },
    { ...sample(), Notes: () => 1, Introduction: Symbol("s") },
    { ...sample(), Name: undefined },
    { ...sample(), MemberList: [undefined, ...sample().MemberList] },
    { ...sample(), MemberList: holey },
    { ...sample(), Name: new String("名字") },
    { ...sample(), MaxMemberCount: new Number(0) },
    { ...sample(), Name: { toJSON: (key) => key.repeat(40) } },
    { ...sample(), Name: new Date(0) },
    { ...sample(), MemberList: [{ toJSON: () => ({ Member_Account: "\ud800" }) }] },
    { ...sample(), Name: "x".repeat(101), AppDefinedData: [{ Key: "k", Value: "v", Extra: undefined }] },
  ];
  const proto = JSON.parse('{"__proto__": {"Key": "k"}}');
  shapes.push({ ...sample(), AppDefinedData: [Object.assign(proto, { Value: "v", Gone: undefined })] });
  for (const data of shapes) {
    const sent = JSON.parse(JSON.stringify(data));
    for (const locale of ["en", "zh-CN"]) {
      assert.deepEqual(validateRequest(data, { locale }), validateRequest(sent, { locale }), JSON.stringify(sent));
    }
    assert.deepEqual(unrepresentable(data), unrepresentable(sent));
  }
  assert.deepEqual(validateRequest(shapes[0]), []);
  assert.deepEqual(
    validateRequest(shapes[3]).map((v) => [v.path, v.code]),
    [["/MemberList/0", "type"]],
  );
  assert.equal(validateRequest(shapes[3])[0].message, "expected object, found null");
  // A compiled validator's path (violationsOf): a response.
  const response = { ActionStatus: "OK", ErrorCode: 0, ErrorInfo: "", GroupId: "g", Unknown: undefined };
  assert.deepEqual(validateResponse(response), []);
  assert.deepEqual(validateResponse({ ...response, GroupId: { toJSON: () => 5 } }), validateResponse({ ...response, GroupId: 5 }));
  // Kept as they are, to be reported (JSON.stringify would send null): NaN
  // (a form's empty number input), and an infinity (what JSON.parse reads
  // `1e400` as).
  for (const number of [NaN, Infinity]) {
    assert.deepEqual(
      validateRequest({ ...sample(), Notes: undefined, MaxMemberCount: number }).map((v) => [v.path, v.code]),
      [["/MaxMemberCount", "range"]],
    );
  }
  // A cycle made by a toJSON is still a cycle.
  const loop = { ...sample(), Notes: undefined };
  loop.Self = { toJSON: () => loop };
  assert.throws(() => validateRequest(loop), { name: "TypeError", message: /"\/Self" holds itself/ });
});

// helper-191: a toJSON that makes a new level each time ran until memory
// ran out; one that is not enumerable was not called; a box was told by its
// prototype (a fake one threw, another realm's was not unboxed).
test("data as JSON.stringify sends it: a toJSON without end throws, a hidden toJSON is called, boxes are told by what they are", async () => {
  const endless = { toJSON: () => [endless] };
  assert.throws(() => validateRequest({ ...sample(), Notes: endless }), { name: "RangeError", message: /nested more than/ });
  assert.throws(() => JSON.stringify(endless), RangeError);
  // helper-192: wide as well as endless (it ran out of memory), and deeper
  // than JSON.stringify sends.
  const wide = () => ({ toJSON: () => [wide(), wide(), wide()] });
  assert.throws(() => validateRequest({ ...sample(), Notes: wide() }), RangeError);
  let deep = {};
  for (let i = 0; i < 20000; i++) deep = { a: deep, u: undefined };
  assert.throws(() => validateRequest({ ...sample(), Notes: deep }), RangeError);
  assert.throws(() => JSON.stringify(deep), RangeError);
  // helper-192: a toJSON on Array.prototype or Object.prototype gave
  // [Symbol(resend)] (the copy was asked again); a box was told by its
  // Symbol.toStringTag (a tagged one was not unboxed, a throwing tag threw).
  for (const proto of [Array.prototype, Object.prototype]) {
    proto.toJSON = function () {
      return Array.isArray(this) ? Array.from(this) : this;
    };
    try {
      assert.deepEqual(validateRequest(sample()), []);
      assert.deepEqual(
        validateRequest({ ...sample(), Name: 5 }).map((v) => [v.path, v.code]),
        [["/Name", "type"]],
      );
      assert.equal(unrepresentable({ MemberList: [] }), null);
    } finally {
      delete proto.toJSON;
    }
  }
  class Money extends Number {
    get [Symbol.toStringTag]() {
      return "Money";
    }
  }
  class Throws {
    constructor() {
      this.Member_Account = "u5";
    }
    get [Symbol.toStringTag]() {
      throw new Error("read the tag");
    }
  }
  const vm = await import("node:vm");
  const hiddenToJSON = (value, sent) => Object.defineProperty(value, "toJSON", { value: () => sent, enumerable: false });
  const trueBox = new Boolean(true);
  trueBox.valueOf = () => false;
  const shapes = [
    {
      ...sample(),
      MemberList: [hiddenToJSON({ Member_Account: "u" }, { Member_Account: "@customer_service_account" }), { Member_Account: "u2" }],
    },
    { ...sample(), Name: hiddenToJSON(Object.create(null), "x".repeat(101)) },
    { ...sample(), MaxMemberCount: Object.create(Number.prototype) },
    { ...sample(), Name: Object.create(String.prototype) },
    { ...sample(), Name: vm.runInNewContext('new String("grp")') },
    { ...sample(), MaxMemberCount: vm.runInNewContext("new Number(5000000)") },
    { ...sample(), Extra: trueBox },
    { ...sample(), Name: Object.assign(new String("名"), { toString: () => "x".repeat(101) }) },
    { ...sample(), MaxMemberCount: new Money(5000000) },
    { ...sample(), MaxMemberCount: Object.defineProperty(new Number(50), Symbol.toStringTag, { value: "X" }) },
    { ...sample(), MemberList: [new Throws(), { Member_Account: "@customer_service_account" }], Notes: undefined },
    // helper-192: Proxies. A toJSON only its get trap gives; a getPrototypeOf
    // trap that throws (JSON.stringify never asks it; the package threw); a
    // box behind a Proxy, which JSON.stringify sends as the object it is.
    new Proxy(sample(), { get: (t, k, r) => (k === "toJSON" ? () => ({ ...t, Name: "x".repeat(101) }) : Reflect.get(t, k, r)) }),
    { ...sample(), MemberList: [new Proxy({ Member_Account: "u" }, { getPrototypeOf: () => { throw new Error("trap"); } })] },
    { ...sample(), Name: new Proxy(new String("name"), { getPrototypeOf: () => { throw new Error("trap"); } }) },
    { ...sample(), MaxMemberCount: new Proxy(new Number(5), {}) },
  ];
  for (const data of shapes) {
    const sent = JSON.parse(JSON.stringify(data));
    assert.deepEqual(validateRequest(data), validateRequest(sent), JSON.stringify(sent));
  }
  assert.deepEqual(validateRequest(shapes[0]), []);
  assert.deepEqual(validateRequest(shapes[2]).map((v) => [v.path, v.code]), [["/MaxMemberCount", "type"]]);
});

// A definition that is a map's values and a list's items keeps its own type:
// json-schema-to-typescript's strictIndexSignatures added `| undefined` to
// the definition itself (`U1 = "V0" | undefined`, the list `U1 | undefined[]`;
// tests/random seed 45), now to the map's values alone.
test("a definition used as a map's values stays its own type in the declarations", async () => {
  const { declarations } = await import("../src/compile.js");
  const u1 = { $ref: "#/$defs/U1" };
  const schema = {
    $defs: { U1: { enum: ["V0"], type: "string" } },
    title: "S2",
    type: "object",
    properties: {
      Map: { additionalProperties: u1, type: "object" },
      Patterns: { patternProperties: { "^a": u1 }, type: "object" },
      List: { items: u1, type: "array" },
    },
    required: ["List"],
  };
  const { esm } = await declarations(schema, "S2");
  assert.match(esm, /^export type U1 = "V0"$/m);
  assert.match(esm, /^List: U1\[\]$/m);
  assert.match(esm, /^\[k: string\]: U1 \| undefined$/m);
  assert.doesNotMatch(esm, /undefined\[\]/);
});

// helper-190: "zz" suggested "b", and "x" "id": a name that shares no byte,
// or more than one edit in a name of one or two bytes, is no typo. The cases
// are the Rust crate's too (desk-schema/src/suggest.rs).
test("did you mean: the same suggestions as the Rust crate, on corpus/suggestions.json", async () => {
  const { closest } = await import("../src/violations.js");
  const cases = JSON.parse(fs.readFileSync(path.join(root, "corpus", "suggestions.json"), "utf8"));
  assert.ok(cases.length > 10);
  const utf8 = new TextEncoder();
  for (const [word, known, expected] of cases) {
    const names = known.map((name) => ({ name, bytes: utf8.encode(name) }));
    assert.equal(closest(word, names) ?? null, expected, `${JSON.stringify(word)} among ${JSON.stringify(known)}`);
  }
  // Through a validator: an unknown property named as a typo of a known one.
  const typo = validateRequest({ ...sample(), Nmae: "x" }).find((v) => v.code === "unknown_field");
  assert.equal(typo.suggestion, "Name");
  assert.equal(validateRequest({ ...sample(), zz: 1 }).find((v) => v.code === "unknown_field").suggestion, null);
});
