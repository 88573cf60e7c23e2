// The package's types hold outside bundler resolution: a form's
// `CreateGroupRequest`, and a type `desk-schema compile` wrote, type-check
// under moduleResolution node16, nodenext and bundler, from ES modules and
// (node16, nodenext) CommonJS, with and without Ajv installed, without
// skipLibCheck; and a wrong group type fails under each (`@ts-expect-error`).
const test = require("node:test");
const assert = require("node:assert");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const { execFileSync } = require("node:child_process");

const pkg = path.join(__dirname, "node_modules", "desk-schema");
const tsc = path.join(__dirname, "node_modules", "typescript", "bin", "tsc");
const pager = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "corpus", "zoo.json"), "utf8")).schemas.Pager;

/** The optional peers an app may have beside the package, copied with Ajv. */
const PEERS = ["ajv", "react-hook-form", "react", path.join("@types", "react"), "csstype"];

/** A fresh app with a copy of the package (not a link: Ajv must not be found beside it) and, if asked, its optional peers (Ajv, react-hook-form). */
function app(withAjv) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "desk-types-"));
  fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "app", private: true }));
  fs.cpSync(pkg, path.join(dir, "node_modules", "desk-schema"), { recursive: true, dereference: true });
  if (withAjv) {
    for (const peer of PEERS) {
      const from = path.join(__dirname, "node_modules", peer);
      if (fs.existsSync(from)) fs.cpSync(from, path.join(dir, "node_modules", peer), { recursive: true });
    }
  }
  // A type of the user's own, compiled.
  fs.writeFileSync(path.join(dir, "Pager.schema.json"), JSON.stringify(pager));
  const bin = path.join(__dirname, "node_modules", "desk-schema", "bin", "desk-schema.js");
  execFileSync(process.execPath, [bin, "compile", "Pager.schema.json", "--out", "validators"], { cwd: dir, stdio: "pipe" });
  return dir;
}

// With the peers: the README's resolver in a form, and `addDeskKeywords`
// (whose types once named Ajv's default export, which an ES module under
// node16 cannot use as a type).
const withPeers =
  'import { useForm } from "react-hook-form";\n' +
  'import { deskResolver } from "desk-schema/react-hook-form";\n' +
  'import { addDeskKeywords } from "desk-schema/keywords";\n' +
  "declare const ajv: { addKeyword(d: any): unknown; addFormat(n: string, f: any): unknown; compile(s: object): unknown };\n" +
  "export const compiled = addDeskKeywords(ajv).compile({});\n" +
  'export const useGroupForm = () => useForm<CreateGroupRequest>({ resolver: deskResolver(validateRequest, { locale: "zh-CN" }) });\n' +
  'export const useAnyForm = () => useForm({ resolver: deskResolver(validateRequest, { customerServiceAccounts: ["@cs"] }) });\n' +
  'export const useAliasForm = () => useForm({ resolver: deskResolver(validateRequest, { locale: "zh-Hans" }) });\n' +
  // The values type given alone: the options are still validateRequest's (helper-126).
  'export const useTypedForm = () => useForm<CreateGroupRequest>({ resolver: deskResolver<CreateGroupRequest>(validateRequest, { customerServiceAccounts: ["@cs"] }) });\n';

const form = (ext, peers) =>
  (peers ? withPeers : "") +
  'import type { CreateGroupRequest, Member } from "desk-schema";\n' +
  // The schema types by their own path, from an ES module and from
  // CommonJS (whose `.js` specifier once resolved to the ES `.d.ts`, which
  // node16 refused without a resolution-mode attribute).
  'import type { DeskCreateGroupRequest } from "desk-schema/schemas/create_group.request.js";\n' +
  'import type { DeskCreateGroupResponse } from "desk-schema/schemas/create_group.response.js";\n' +
  'export const sameRequest = (r: DeskCreateGroupRequest): CreateGroupRequest => r;\n' +
  'export const response: DeskCreateGroupResponse = { ActionStatus: "OK", ErrorCode: 0, ErrorInfo: "" };\n' +
  'import { validateRequest } from "desk-schema";\n' +
  `import type { Pager } from "./validators/Pager.${ext === "mts" ? "js" : "cjs"}";\n` +
  `import validatePager = require("./validators/Pager.cjs");\n`.repeat(ext === "cts" ? 1 : 0) +
  'const members: Member[] = [{ Member_Account: "user2", Role: "Admin" }, { Member_Account: "@customer_service_account" }];\n' +
  'export const ok: CreateGroupRequest = { Type: "Public", GroupId: "g", Name: "n", MemberList: members };\n' +
  // Options written out as undefined, under exactOptionalPropertyTypes.
  "export const checked = validateRequest(ok, { locale: undefined, customerServiceAccounts: undefined });\n" +
  "// @ts-expect-error: not a group type\n" +
  'export const bad: CreateGroupRequest = { Type: "Nope", GroupId: "g", Name: "n", MemberList: members };\n' +
  'export const found = validateRequest(ok, { locale: "zh-CN" }).map((v) => v.message);\n' +
  // The tags the README says are read as the two locales; another is an
  // error here, as it throws at run time.
  'export const aliased = validateRequest(ok, { locale: "zh" }).length + validateRequest(ok, { locale: "en-US" }).length;\n' +
  "// @ts-expect-error: no Traditional Chinese messages\n" +
  'export const traditional = validateRequest(ok, { locale: "zh-TW" });\n' +
  // A violation's code is the union of CODES: a switch over it can be
  // exhaustive, and a misspelt code is an error; violations from elsewhere
  // (a custom rule's code) still go through the functions that read them.
  'import { CODES, isCode, localize, sortViolations, type Code, type Violation } from "desk-schema";\n' +
  // A code from elsewhere: `isCode` narrows it; CODES keeps its element
  // type (a Set of it is a Set<Code>); `localize` keeps a Violation a
  // Violation.
  "declare const someCode: string;\n" +
  "export const all: Set<Code> = new Set(CODES);\n" +
  "export const known: boolean = isCode(someCode) && CODES.includes(someCode);\n" +
  "export const narrowed: Code | null = isCode(someCode) ? someCode : null;\n" +
  "export const stillCoded: Code[] = localize(validateRequest(ok)).map((v) => v.code);\n" +
  "export const first: Code = CODES[0];\n" +
  "// @ts-expect-error: not a code\n" +
  'export const misspelt: Code = "max_byte";\n' +
  "export function shown(v: Violation): string {\n" +
  '  switch (v.code) { case "max_bytes": case "min_bytes": return "bytes"; default: { const rest: Exclude<Code, "max_bytes" | "min_bytes"> = v.code; return rest; } }\n' +
  "}\n" +
  'export const theirs = sortViolations(localize([{ path: "", code: "their_rule", message: "m" }], "zh-Hans"))[0].code.length;\n' +
  "export const page: Pager = { Offset: 0, Limit: 10 };\n" +
  "// @ts-expect-error: Offset is a number\n" +
  'export const wrongPage: Pager = { Offset: "zero", Limit: 10 };\n' +
  // The .cjs file's `module.exports` is `validate` itself (helper-125's
  // newcomer called it so, and the .d.cts once said it was not callable).
  (ext === "cts"
    ? "export const pageFound = validatePager.validate(page).length + validatePager(page).length + validatePager.default(page).length;\n" +
      'import validatePagerDefault from "./validators/Pager.cjs";\n' +
      'import { validate as validatePagerNamed, ajvValidate as pagerAjv } from "./validators/Pager.cjs";\n' +
      "export const pageAgain = validatePagerDefault(page).length + validatePagerNamed(page).length + (pagerAjv(page) ? 0 : 1);\n" +
      "export const pageType: validatePager.Pager = page;\n" +
      "// @ts-expect-error: Limit is a number\n" +
      'export const wrongLimit: validatePager.Pager = { Limit: "ten" };\n'
    : "") +
  // The Ajv validator of a compiled type, read as its .d.ts says.
  (ext === "mts"
    ? 'import { ajvValidate, readSchema } from "./validators/Pager.js";\n' +
      'import { violationsOf } from "desk-schema";\n' +
      "export const pageViolations = violationsOf(ajvValidate, page, { schema: readSchema });\n" +
      'import { validate as validatePage } from "./validators/Pager.js";\n' +
      'export const pageInChinese = validatePage(page, { locale: "zh_CN" }).length;\n'
    : "");

for (const withAjv of [false, true]) {
  test(`types check under node16, nodenext and bundler, ESM and CommonJS (${withAjv ? "with Ajv and react-hook-form" : "without the optional peers"})`, () => {
    const dir = app(withAjv);
    try {
      for (const [resolution, module, exts] of [
        ["node16", "node16", ["mts", "cts"]],
        ["nodenext", "nodenext", ["mts", "cts"]],
        ["bundler", "esnext", ["mts"]],
      ]) {
        for (const ext of exts) {
          fs.writeFileSync(path.join(dir, `form.${ext}`), form(ext, withAjv));
          try {
            execFileSync(
              process.execPath,
              [tsc, "--noEmit", "--strict", "--exactOptionalPropertyTypes", "--target", "es2020", "--module", module, "--moduleResolution", resolution, `form.${ext}`],
              { cwd: dir, stdio: "pipe" },
            );
          } catch (e) {
            assert.fail(`${resolution} ${ext}: ${e.stdout}${e.stderr}`);
          }
        }
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
}
