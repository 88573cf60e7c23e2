// The package's violations equal the Rust CLI's JSON output on every corpus
// case: path, code, message and figures, with the default and with another
// customer service account; ESM and CommonJS builds alike.
import test from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import fs from "node:fs";
import path from "node:path";
import Ajv2020 from "ajv/dist/2020.js";
import { validateRequest, validateResponse, toViolations, byPath, unrepresentable, sortViolations } from "../dist/index.js";
import { addDeskKeywords } from "../dist/keywords.js";
import { canonical, cases, cliReports, desk, sorted, pkg, root } from "./helpers.js";

const inOrder = (violations) => violations.map(canonical);

const TWO = ["@customer_service_account", "@cs_team_a"];

const require = createRequire(import.meta.url);
const cjs = require("../dist/index.cjs");

for (const [label, accounts, args, locale] of [
  ["default account", undefined, [], undefined],
  ["@cs_team_a", ["@cs_team_a"], ["--customer-service-account", "@cs_team_a"], undefined],
  ["zh-CN", undefined, ["--lang", "zh-CN"], "zh-CN"],
  ["@cs_team_a, zh-CN", ["@cs_team_a"], ["--customer-service-account", "@cs_team_a", "--lang", "zh-CN"], "zh-CN"],
  // Two accounts: an owner that is the one not listed is a second.
  ["two accounts", TWO, TWO.flatMap((a) => ["--customer-service-account", a]), undefined],
  ["two accounts, zh-CN", TWO, [...TWO.flatMap((a) => ["--customer-service-account", a]), "--lang", "zh-CN"], "zh-CN"],
]) {
  test(`validateRequest equals desk-schema validate --format json on every corpus case (${label})`, () => {
    const reports = cliReports(args);
    const options = accounts || locale ? { customerServiceAccounts: accounts, locale } : undefined;
    let compared = 0;
    let invalid = 0;
    cases.forEach((c, i) => {
      // In order: the package sorts as the Rust crate's `Report::sort`.
      const want = inOrder(reports[i].errors);
      const got = inOrder(validateRequest(c.request, options));
      if (!c.expressible) {
        // An integer written with a fraction (500.0): JSON.parse cannot see it.
        assert.notDeepEqual(got, want, c.name);
        return;
      }
      assert.deepEqual(got, want, c.name);
      assert.deepEqual(inOrder(cjs.validateRequest(c.request, options)), want, `${c.name} (CommonJS)`);
      compared++;
      if (want.length) invalid++;
    });
    assert.equal(compared, cases.filter((c) => c.expressible).length);
    assert.ok(invalid >= 80, `only ${invalid} invalid cases compared`);
  });
}

test("toViolations on a team's own Ajv (addDeskKeywords) equals validateRequest", () => {
  const ajv = addDeskKeywords(new Ajv2020({ strict: true, allErrors: true, verbose: true }));
  const schema = JSON.parse(fs.readFileSync(path.join(pkg, "schemas", "create_group.request.schema.json"), "utf8"));
  const validate = ajv.compile(schema);
  for (const c of cases) {
    const own = validate(c.request) ? [] : toViolations(validate.errors);
    assert.deepEqual(sorted(own), sorted(validateRequest(c.request)), c.name);
  }
});

test("the schema for other accounts (desk-schema schema request --customer-service-account) agrees with the option", () => {
  const text = desk(["schema", "request", "--customer-service-account", "@cs_team_a"]);
  const ajv = addDeskKeywords(new Ajv2020({ strict: true, allErrors: true, verbose: true }));
  const validate = ajv.compile(JSON.parse(text));
  let differs = 0;
  for (const c of cases) {
    const own = validate(c.request) ? [] : toViolations(validate.errors);
    const option = validateRequest(c.request, { customerServiceAccounts: ["@cs_team_a"] });
    assert.deepEqual(sorted(own), sorted(option), c.name);
    if (JSON.stringify(sorted(option)) !== JSON.stringify(sorted(validateRequest(c.request)))) differs++;
  }
  assert.ok(differs > 100, `the account changed only ${differs} verdicts`);
});

test("the schema for two accounts gives the owner's violation as the option does", () => {
  const args = ["schema", "request", ...TWO.flatMap((a) => ["--customer-service-account", a])];
  const ajv = addDeskKeywords(new Ajv2020({ strict: true, allErrors: true, verbose: true }));
  const validate = ajv.compile(JSON.parse(desk(args)));
  let owners = 0;
  for (const c of cases) {
    const own = validate(c.request) ? [] : toViolations(validate.errors);
    const option = validateRequest(c.request, { customerServiceAccounts: TWO });
    assert.deepEqual(sorted(own), sorted(option), c.name);
    owners += option.filter((v) => v.path === "/Owner_Account" && v.code === "customer_service_account").length;
  }
  assert.ok(owners >= 1, "no case has a second customer service account as its owner");
});

test("toViolations refuses errors without verbose", () => {
  const ajv = addDeskKeywords(new Ajv2020({ strict: true, allErrors: true }));
  const validate = ajv.compile({ type: "string", "x-maxBytes": 3 });
  assert.equal(validate("名名"), false);
  assert.throws(() => toViolations(validate.errors), /verbose: true/);
});

test("every keyword reports its figures in params", () => {
  const ajv = addDeskKeywords(new Ajv2020({ strict: true, allErrors: true }));
  const check = (schema, data) => {
    const validate = ajv.compile(schema);
    assert.equal(validate(data), false);
    return validate.errors.map((e) => [e.keyword, e.params]);
  };
  assert.deepEqual(check({ type: "string", "x-maxBytes": 4 }, "名名"), [["x-maxBytes", { limit: 4, bytes: 6, chars: 2 }]]);
  assert.deepEqual(check({ type: "string", "x-minBytes": 4 }, "名"), [["x-minBytes", { limit: 4, bytes: 3 }]]);
  assert.deepEqual(check({ type: "string", "x-maxGraphemes": 1 }, "👨‍👩‍👧a"), [["x-maxGraphemes", { limit: 1, graphemes: 2 }]]);
  assert.deepEqual(check({ type: "string", "x-minGraphemes": 2 }, "👨‍👩‍👧"), [["x-minGraphemes", { limit: 2, graphemes: 1 }]]);
  assert.deepEqual(check({ type: "array", "x-uniqueBy": "K" }, [{ K: 1 }, { K: 2 }, { K: 1 }, { K: 2 }]), [
    ["x-uniqueBy", { key: "K", index: 2, first: 0 }],
    ["x-uniqueBy", { key: "K", index: 3, first: 1 }],
  ]);
  const rule = { max: "M", members: "L", account: "A", owner: "O" };
  const errors = ajv.compile({ type: "object", "x-maxMemberCount": rule });
  assert.equal(errors({ M: 2, L: [{ A: "a" }, { A: "b" }], O: "c" }), false);
  assert.deepEqual(errors.errors[0].params, { max: 2, initial: 3, owner: true });
  assert.equal(errors.errors[0].instancePath, "/M");
  assert.equal(errors({ M: 2, L: [{ A: "a" }, { A: "c" }], O: "c" }), true);
});

test("validateResponse", () => {
  assert.deepEqual(validateResponse({ ActionStatus: "OK", ErrorCode: 0, ErrorInfo: "", GroupId: "g" }), []);
  assert.deepEqual(sorted(validateResponse({ ActionStatus: "MAYBE", ErrorCode: "0" })), sorted([
    { path: "/ActionStatus", code: "enum", message: 'not an allowed value; expected one of "OK", "FAIL"', allowed: ["OK", "FAIL"] },
    { path: "/ErrorCode", code: "type", message: "expected integer, found string", expected: "integer", found: "string" },
  ]));
});

test("validateResponse gives the CLI's --response violations, wrong types in every field included", () => {
  const base = { ActionStatus: "OK", ErrorInfo: "", ErrorCode: 0, GroupId: "g" };
  const responses = [
    base,
    { ...base, ErrorInfo: null },
    { ...base, ErrorInfo: 1 },
    { ...base, ErrorCode: "x" },
    { ...base, ErrorCode: 1.5 },
    { ...base, ErrorCode: null },
    { ...base, GroupId: 0 },
    { ...base, GroupId: null },
    { ...base, ActionStatus: "FAIL", ErrorCode: [] },
    { ActionStatus: "OK" },
  ];
  const out = desk(["validate", "--response", "--jsonl", "--format", "json"], responses.map((r) => JSON.stringify(r)).join("\n") + "\n");
  const reports = out.split("\n").filter(Boolean).map((l) => JSON.parse(l));
  assert.equal(reports.length, responses.length);
  responses.forEach((r, i) => assert.deepEqual(validateResponse(r), reports[i].errors, JSON.stringify(r)));
});

test("inconsistent_response: validateResponse and the CLI agree on every contradiction, in both languages", () => {
  const fail = { ActionStatus: "FAIL", ErrorInfo: "group id has been used", ErrorCode: 10025 };
  const responses = [
    // Each contradiction, alone and beside other problems.
    { ActionStatus: "OK", ErrorInfo: "", ErrorCode: 10025 },
    { ActionStatus: "OK", ErrorInfo: "", ErrorCode: 0 },
    { ActionStatus: "OK", ErrorCode: 0, GroupId: "" },
    { ActionStatus: "OK", ErrorCode: 0, GroupId: [] },
    { ActionStatus: "OK", ErrorCode: 0, GroupId: null, ErrorInfo: 3 },
    { ActionStatus: "OK", ErrorCode: -1, GroupId: "g" },
    { ActionStatus: "OK", ErrorCode: 141002, GroupId: "g" },
    { ...fail, ErrorCode: 0 },
    { ...fail, ErrorCode: 0, GroupId: "g" },
    // None: the fields agree, or one of them is not a value of its type.
    fail,
    { ...fail, GroupId: "g" },
    { ActionStatus: "OK", ErrorCode: 0, GroupId: "g" },
    { ActionStatus: "MAYBE", ErrorCode: 0 },
    { ActionStatus: "ok", ErrorCode: 10025 },
    { ActionStatus: "OK", ErrorCode: "0" },
    { ActionStatus: "OK", ErrorCode: 1.5 },
    { ActionStatus: "FAIL", ErrorCode: null },
    { ActionStatus: "OK", ErrorCode: 1e300, GroupId: "g" },
    { ErrorCode: 0 },
    [],
    "OK",
    null,
  ];
  const lines = responses.map((r) => JSON.stringify(r)).join("\n") + "\n";
  let contradictions = 0;
  for (const locale of ["en", "zh-CN"]) {
    const out = desk(["validate", "--response", "--jsonl", "--format", "json", "--lang", locale], lines);
    const reports = out.split("\n").filter(Boolean).map((l) => JSON.parse(l));
    assert.equal(reports.length, responses.length);
    responses.forEach((r, i) => {
      const found = validateResponse(r, { locale });
      assert.deepEqual(found, reports[i].errors, JSON.stringify(r));
      contradictions += found.filter((v) => v.code === "inconsistent_response").length;
    });
  }
  assert.equal(contradictions, 2 * 9);
  // Own properties only, as Ajv and JSON.stringify read them: an inherited
  // GroupId is no GroupId.
  const inherited = Object.assign(Object.create({ GroupId: "g" }), { ActionStatus: "OK", ErrorCode: 0 });
  const en = "ActionStatus OK and ErrorCode 0, but GroupId is missing or empty";
  const zh = "ActionStatus 为 OK、ErrorCode 为 0，GroupId 却缺失或为空";
  assert.deepEqual(validateResponse(inherited), [
    { path: "", code: "inconsistent_response", message: en, messages: { en, "zh-CN": zh } },
  ]);
  const nonZero = "ActionStatus OK with a non-zero ErrorCode";
  assert.deepEqual(validateResponse({ ActionStatus: "OK", ErrorCode: 10025 }), [
    {
      path: "",
      code: "inconsistent_response",
      message: nonZero,
      messages: { en: nonZero, "zh-CN": "ActionStatus 为 OK，ErrorCode 却不是 0" },
    },
  ]);
});

test("byPath groups violations under their fields", () => {
  const request = { ...cases[0].request, Name: "名".repeat(34), GroupId: "" };
  const groups = byPath(validateRequest(request));
  assert.deepEqual(Object.keys(groups).sort(), ["/GroupId", "/Name"]);
  assert.equal(groups["/Name"][0].message, "102 bytes in UTF-8 (34 characters); at most 100 bytes");
});

test("the precompiled validators need no Ajv and no eval", () => {
  for (const file of ["index.js", "index.cjs"]) {
    const code = fs.readFileSync(path.join(pkg, "dist", file), "utf8");
    assert.doesNotMatch(code, /new Function|\beval\(/, file);
    assert.doesNotMatch(code, /require\(["']ajv/, file);
    assert.doesNotMatch(code, /from ["']ajv/, file);
  }
});

test("text the Rust crate cannot read (an unpaired surrogate, a number past any double) gets its one violation, as the CLI gives it", () => {
  const base = JSON.parse(fs.readFileSync(path.join(root, "desk-schema", "examples", "create_group.request.json"), "utf8"));
  const texts = [];
  // Strings, property names and numbers, at the top and inside the member list.
  for (const [field, raw] of [
    ["Name", String.raw`"A\ud800B"`],
    ["Name", String.raw`"\ud800\u0041"`],
    ["Name", String.raw`"x\uDC00"`],
    ["Introduction", String.raw`"\udbff\udbff"`],
    ["MaxMemberCount", "1e400"],
    ["MaxMemberCount", "-1e400"],
  ]) {
    const text = JSON.stringify({ ...base, Type: "Nope", [field]: "__HOLE__" }).replace('"__HOLE__"', raw);
    texts.push(text);
  }
  texts.push(JSON.stringify(base).replace('"Member_Account":', String.raw`"Odd\ud800":1,"Member_Account":`));
  const out = desk(["validate", "--jsonl", "--format", "json"], texts.join("\n") + "\n");
  const reports = out.split("\n").filter(Boolean).map((l) => JSON.parse(l));
  assert.equal(reports.length, texts.length);
  texts.forEach((text, i) => {
    const want = reports[i].errors;
    assert.equal(want.length, 1, text);
    assert.ok(["unpaired_surrogate", "range"].includes(want[0].code), text);
    const data = JSON.parse(text);
    assert.deepEqual(validateRequest(data), want, text);
    assert.deepEqual(unrepresentable(data), want[0], text);
    assert.deepEqual(cjs.validateRequest(data), want, `${text} (CommonJS)`);
  });
});

test("a value the Rust type never reads is not read here either: an unknown property's value gets what the CLI gives", () => {
  const base = JSON.parse(fs.readFileSync(path.join(root, "desk-schema", "examples", "create_group.request.json"), "utf8"));
  const member = JSON.stringify(base.MemberList[0]);
  const texts = [
    // Unknown properties: serde stops at the name, never reads the value.
    JSON.stringify(base).replace(/}$/, ',"Zz":1e400}'),
    JSON.stringify(base).replace(/}$/, String.raw`,"Zz":{"a":"\ud800"}}`),
    JSON.stringify(base).replace(member, member.replace(/}$/, String.raw`,"Odd":"\udc00"}`)),
    // An object where a string belongs: its names are read, not its values.
    JSON.stringify({ ...base, Name: "__HOLE__" }).replace('"__HOLE__"', '{"a":1e400}'),
    JSON.stringify({ ...base, Name: "__HOLE__" }).replace('"__HOLE__"', String.raw`{"\ud800":1}`),
  ];
  const out = desk(["validate", "--jsonl", "--format", "json"], texts.join("\n") + "\n");
  const reports = out.split("\n").filter(Boolean).map((l) => JSON.parse(l));
  assert.equal(reports.length, texts.length);
  const codes = reports.map((r) => r.errors.map((e) => e.code).join(","));
  assert.deepEqual(codes, ["unknown_field", "unknown_field", "unknown_field", "type", "unpaired_surrogate"]);
  texts.forEach((text, i) => {
    const data = JSON.parse(text);
    assert.deepEqual(validateRequest(data), reports[i].errors, text);
    assert.deepEqual(cjs.validateRequest(data), reports[i].errors, `${text} (CommonJS)`);
  });
});

test("a float's figure reads as the Rust crate writes it", () => {
  const schema = { type: "object", properties: { r: { type: "number", minimum: 0, maximum: 1 } } };
  const ajv = addDeskKeywords(new Ajv2020({ strict: true, allErrors: true, verbose: true }));
  const validate = ajv.compile(schema);
  for (const [r, text] of [
    [1.25, "1.25"],
    [1e20, "1e+20"],
    [-1e-7, "-1e-7"],
    [-0.00001, "-0.00001"],
    // A whole number on a float field is a float in Rust, however the
    // text spells it (`7` or `7.0`, which JavaScript cannot tell apart).
    [7, "7.0"],
    [-2, "-2.0"],
  ]) {
    assert.equal(validate({ r }), false);
    const [v] = toViolations(validate.errors);
    assert.equal(v.actual, r);
    assert.equal(v.message, `${text} is out of range; must be from 0 to 1`);
  }
});

test("localize writes an integer past 2^53 the CLI wrote as the CLI writes it in the other language", () => {
  const { localize } = cjs;
  const request = (n) =>
    `{"Type":"Public","GroupId":"g","Name":"n","MaxMemberCount":${n},` +
    '"MemberList":[{"Member_Account":"u"},{"Member_Account":"@customer_service_account"}]}';
  const response = (n) => `{"ActionStatus":"FAIL","ErrorCode":${n},"ErrorInfo":"x"}`;
  const lines = (texts) => texts.join("\n") + "\n";
  for (const [texts, extra] of [
    [["9007199254740993", "18446744073709551615", "-9007199254740993", "100000000000000000001"].map(request), []],
    [["9223372036854775808", "-9223372036854775809", "9007199254740993"].map(response), ["--response"]],
  ]) {
    const read = (lang) =>
      desk(["validate", "--jsonl", "--format", "json", "--lang", lang, ...extra], lines(texts))
        .trim()
        .split("\n")
        .map((line) => JSON.parse(line).errors);
    const [en, zh] = [read("en"), read("zh-CN")];
    assert.ok(en.flat().some((v) => typeof v.actual === "number" && !Number.isSafeInteger(v.actual)));
    for (let i = 0; i < texts.length; i += 1) {
      assert.deepEqual(localize(en[i], "zh-CN").map((v) => v.message), zh[i].map((v) => v.message), texts[i]);
      assert.deepEqual(localize(zh[i], "en").map((v) => v.message), en[i].map((v) => v.message), texts[i]);
    }
  }
  // Digits that round to the figure but read as another number in no
  // message this package writes (a field's own message) stay as they are.
  const own = { path: "/X", code: "range", message: "9007199254740999 is too big", actual: 9007199254740996, min: 1, max: 2 };
  assert.equal(localize([own], "zh-CN")[0].message, own.message);
});

test("sortViolations gives the order of the Rust crate's Report::sort (the lists of tests/tests/order.rs)", () => {
  const source = fs.readFileSync(path.join(root, "tests", "tests", "order.rs"), "utf8");
  const block = (name) => source.slice(source.indexOf(`const ${name}`), source.indexOf("];", source.indexOf(`const ${name}`)));
  const shuffled = [...block("SHUFFLED").matchAll(/\("([^"]*)", "max_bytes"\)/g)].map((m) => m[1]);
  const want = [...block("SORTED").matchAll(/"([^"]*)"/g)].map((m) => m[1]);
  assert.equal(shuffled.length, 16);
  const violations = shuffled.map((p) => ({ path: p, code: "max_bytes", message: "m", limit: 1, bytes: 2, chars: 2 }));
  assert.deepEqual(sortViolations(violations).map((v) => v.path), want);
});

test("sortViolations orders names by code point, as UTF-8 bytes order them, wherever UTF-16 units order them otherwise", () => {
  // U+FF5E is above the high surrogate of U+1F600 as a code unit and below
  // it as a code point; a lone surrogate is its own code point; a name may
  // be the start of another, ending on the high surrogate of its pair.
  const names = ["\uff5e", "\ud83d\ude00", "\ud83d", "\ud83d\ude00a", "\ue000", "a\ud83d", "a\ud83d\ude01", "a", "", "\udc00", "ab", "a\uffff"];
  const byCodePoint = (a, b) => {
    const [x, y] = [[...a].map((c) => c.codePointAt(0)), [...b].map((c) => c.codePointAt(0))];
    for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i] - y[i];
    return x.length - y.length;
  };
  const want = [...names].sort(byCodePoint).map((n) => `/x/${n}`);
  for (const order of [names, [...names].reverse()]) {
    const violations = order.map((n) => ({ path: `/x/${n}`, code: "max_bytes", message: "m", limit: 1, bytes: 2, chars: 2 }));
    assert.deepEqual(sortViolations(violations).map((v) => v.path), want);
  }
  // And a name against a name in the messages' tie-break: the same order.
  const messages = names.map((n) => ({ path: "/x", code: "custom", message: n }));
  assert.deepEqual(sortViolations(messages).map((v) => v.message), [...names].sort(byCodePoint));
});

test("sortViolations orders paths as their segments, listed and compared one by one, order them", () => {
  // The order written the plain way (each path split into its segments
  // first), against the package's, which reads the paths in place: random
  // paths with indexes, names that look like indexes (`01`), escapes, the
  // empty name, code points past U+FFFF, and a path without its leading `/`.
  const segmentsOf = (p) => (p === "" ? [] : (p.startsWith("/") ? p.slice(1) : p).split("/"));
  const isIndex = (s) => /^(0|[1-9][0-9]*)$/.test(s);
  const unescaped = (s) => s.replace(/~1/g, "/").replace(/~0/g, "~");
  const byCodePoint = (a, b) => {
    const [x, y] = [[...a].map((c) => c.codePointAt(0)), [...b].map((c) => c.codePointAt(0))];
    for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i] - y[i];
    return x.length - y.length;
  };
  const plain = (a, b) => {
    const [x, y] = [segmentsOf(a), segmentsOf(b)];
    for (let i = 0; i < Math.min(x.length, y.length); i++) {
      const [p, q] = [isIndex(x[i]), isIndex(y[i])];
      if (p !== q) return p ? -1 : 1;
      const order = p ? x[i].length - y[i].length || (x[i] < y[i] ? -1 : x[i] > y[i] ? 1 : 0) : byCodePoint(unescaped(x[i]), unescaped(y[i]));
      if (order) return order;
    }
    return x.length - y.length;
  };
  const parts = ["", "0", "1", "2", "9", "10", "01", "00", "a", "ab", "Z", "~0", "~1", "~01", "a~1b", "é", "\ud83d\ude00", "\uffff"];
  // xorshift32: the same paths on every run.
  let seed = 0x2545f491;
  const pick = (n) => {
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    return (seed >>> 0) % n;
  };
  for (let round = 0; round < 2000; round++) {
    const paths = Array.from({ length: 10 }, () => {
      let p = "";
      for (let k = pick(4); k > 0; k--) p += `/${parts[pick(parts.length)]}`;
      return pick(10) === 0 ? p.slice(1) : p;
    });
    const violations = paths.map((p) => ({ path: p, code: "max_bytes", message: "m", limit: 1, bytes: 2, chars: 2 }));
    const got = sortViolations(violations).map((v) => v.path);
    const want = [...paths].sort(plain);
    assert.deepEqual(got, want, JSON.stringify(paths));
  }
});

test("sortViolations names a violation without a string path, however many there are", () => {
  const ok = { path: "/a", code: "required", message: "x" };
  for (const bad of [{ code: "required", message: "x" }, { path: 3, code: "required", message: "x" }, null]) {
    for (const list of [[bad], [bad, bad], [ok, bad]]) {
      assert.throws(() => sortViolations(list), { name: "TypeError", message: `violation ${list.indexOf(bad)} has no path (a JSON Pointer string)` });
    }
  }
});

test("sortViolations breaks a tie of path, code and message by the figures, as Report::sort does", () => {
  // A map key's limit and its value's, at one path, under a field's own message.
  const key = { path: "/m/k", code: "max_bytes", message: "too long", limit: 2, bytes: 5, chars: 5 };
  const value = { path: "/m/k", code: "max_bytes", message: "too long", limit: 2, bytes: 4, chars: 4 };
  // By name (bytes, chars, limit), each as JSON text: "4" before "5".
  assert.deepEqual(sortViolations([key, value]), [value, key]);
  assert.deepEqual(sortViolations([value, key]), [value, key]);
  // Numbers by value, as Rust: 1e16 before 1.5e16, 0.000001 before
  // 0.0000015, -1 before -0 (JSON.stringify and serde_json write them
  // otherwise, so their texts would not do).
  const range = (actual) => ({ path: "/n", code: "range", message: "too big", min: null, max: 1, actual });
  for (const [low, high] of [[1e16, 1.5e16], [0.000001, 0.0000015], [-1, -0]]) {
    assert.deepEqual(sortViolations([range(high), range(low)]).map((v) => v.actual), [low, high]);
  }
});

test("a type error names a whole number past 64 bits a number, as serde_json reads it", () => {
  const base = JSON.parse(fs.readFileSync(path.join(root, "desk-schema", "examples", "create_group.request.json"), "utf8"));
  // Written as integers (a float spelling, as 1e19, is the documented gap of 5.0).
  const texts = ["100000000000000000000", "-10000000000000000000", "-9223372036854775808", "9007199254740992"].map((n) =>
    JSON.stringify({ ...base, Name: "__N__" }).replace('"__N__"', n),
  );
  const out = desk(["validate", "--jsonl", "--format", "json"], texts.join("\n") + "\n");
  const reports = out.split("\n").filter(Boolean).map((l) => JSON.parse(l));
  texts.forEach((text, i) => assert.deepEqual(validateRequest(JSON.parse(text)), reports[i].errors, text));
});

test("a document nested thousands deep is checked, not a stack overflow", () => {
  const deep = JSON.parse(`{"Type":"Public","GroupId":"g","Name":${"[".repeat(5000)}${"]".repeat(5000)},"MemberList":[]}`);
  const found = validateRequest(deep);
  assert.ok(found.some((v) => v.path === "/Name" && v.code === "type"));
  assert.equal(unrepresentable(deep), null);
});
