// The react-hook-form resolver: violations as nested field errors, in the
// chosen language, with no React at run time.
import test from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import { createRequire } from "node:module";
import { validateRequest } from "../dist/index.js";
import { deskResolver, toFieldErrors } from "../dist/react-hook-form.js";

const require = createRequire(import.meta.url);

const bad = {
  Type: "Public",
  GroupId: "g",
  Name: "客服".repeat(17),
  MemberList: [{ Member_Account: "user2" }, { Member_Account: "user2", Role: "Boss" }],
};

test("a resolver gives each violation to its field, in Chinese", async () => {
  const resolver = deskResolver(validateRequest, { locale: "zh-CN" });
  const { values, errors } = await resolver(bad, undefined, {});
  assert.deepEqual(values, {});
  assert.equal(errors.Name.type, "max_bytes");
  assert.equal(errors.Name.message, "最多 100 字节（UTF-8 编码，一个汉字占 3 字节，表情大多占 4 字节），当前 102 字节（34 个字符）");
  // Items of a list are an array; the list's own rule is its root.
  assert.ok(Array.isArray(errors.MemberList));
  assert.equal(errors.MemberList[1].Member_Account.type, "duplicate");
  assert.equal(errors.MemberList[1].Member_Account.message, "Member_Account 与第 1 项（下标 0）相同；Member_Account 不能重复");
  assert.equal(errors.MemberList[1].Role.type, "enum");
  assert.equal(errors.MemberList.root.type, "customer_service_account");
  assert.equal(errors.MemberList[0], undefined);
});

test("a valid form gives its values and no errors; options reach the validator", async () => {
  const ok = { ...bad, Name: "客服", MemberList: [{ Member_Account: "user2" }, { Member_Account: "@cs" }] };
  const resolver = deskResolver(validateRequest, { customerServiceAccounts: ["@cs"] });
  assert.deepEqual(await resolver(ok, undefined, {}), { values: ok, errors: {} });
  const english = await deskResolver(validateRequest)(bad, undefined, {});
  assert.equal(english.errors.Name.message, "102 bytes in UTF-8 (34 characters); at most 100 bytes");
});

test("criteriaMode all gathers every code; the whole form's violations are errors.root", () => {
  const errors = toFieldErrors(
    [
      { path: "", code: "unknown_field", message: "a" },
      { path: "/a~1b", code: "max_bytes", message: "b" },
      { path: "/a~1b", code: "charset", message: "c" },
      { path: "/a~1b", code: "charset", message: "d" },
      { path: "/list", code: "max_items", message: "e" },
      { path: "/list/0/x", code: "required", message: "f" },
    ],
    true,
  );
  assert.deepEqual(errors.root, { type: "unknown_field", message: "a", types: { unknown_field: "a" } });
  assert.deepEqual(errors["a/b"], { type: "max_bytes", message: "b", types: { max_bytes: "b", charset: ["c", "d"] } });
  assert.equal(errors.list.root.type, "max_items");
  assert.equal(errors.list[0].x.type, "required");
});

test("the resolver's module imports nothing (no React, no react-hook-form)", () => {
  for (const file of ["../dist/react-hook-form.js", "../dist/react-hook-form.cjs"]) {
    const code = fs.readFileSync(new URL(file, import.meta.url), "utf8");
    assert.doesNotMatch(code, /\bimport\b[^;]*\bfrom\b|\brequire\(/, file);
  }
  assert.equal(typeof require("../dist/react-hook-form.cjs").deskResolver, "function");
});

test("a map key from the data never reaches a prototype (__proto__, constructor)", () => {
  const errors = toFieldErrors([
    { path: "/Notes/__proto__", code: "max_bytes", message: "a" },
    { path: "/Notes/constructor/x", code: "required", message: "b" },
    { path: "/__proto__/root", code: "max_bytes", message: "c" },
  ]);
  assert.equal({}.root, undefined);
  assert.equal(Object.prototype.x, undefined);
  assert.equal(Object.getOwnPropertyDescriptor(errors.Notes, "__proto__").value.type, "max_bytes");
  assert.equal(errors.Notes.constructor.x.type, "required");
  assert.equal(Object.getPrototypeOf(errors), Object.prototype);
});

test("a locale the validator refuses throws when the resolver is made, not at every submit", () => {
  assert.throws(() => deskResolver(validateRequest, { locale: "zh-TW" }), { name: "TypeError" });
  assert.doesNotThrow(() => deskResolver(validateRequest, { locale: "zh-SG" }));
});

test("an empty number input: undefined (the README's setValueAs) is absent, NaN (valueAsNumber) is refused", async () => {
  const ok = { ...bad, Name: "客服", MemberList: [{ Member_Account: "user2" }, { Member_Account: "@customer_service_account" }] };
  const resolver = deskResolver(validateRequest);
  assert.deepEqual((await resolver({ ...ok, MaxMemberCount: undefined }, undefined, {})).errors, {});
  const nan = await resolver({ ...ok, MaxMemberCount: NaN }, undefined, {});
  assert.equal(nan.errors.MaxMemberCount.type, "range");
});
