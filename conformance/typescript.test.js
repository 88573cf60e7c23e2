// TypeScript types generated from the committed schemas are up to date, and
// tsc accepts the bundled sample request against them (and rejects a wrong one).
const test = require("node:test");
const assert = require("node:assert");
const fs = require("node:fs");
const path = require("node:path");
const { execFileSync } = require("node:child_process");
const { generate, target, WHICH } = require("./types");

for (const which of WHICH) {
  test(`create_group.${which}.d.ts is up to date`, async () => {
    const committed = fs.readFileSync(target(which), "utf8");
    assert.strictEqual(committed, await generate(which), "stale: run `npm run types` in conformance/ and commit the result");
  });
}

function typeCheck(name, source, options = []) {
  const dir = path.join(__dirname, ".generated");
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, name);
  fs.writeFileSync(file, source);
  const tsc = path.join(__dirname, "node_modules", "typescript", "bin", "tsc");
  try {
    // An empty type root: the @types packages installed here for other
    // tests (react's, for react-hook-form) are not part of these checks.
    const noTypes = path.join(dir, "no-types");
    fs.mkdirSync(noTypes, { recursive: true });
    execFileSync(process.execPath, [tsc, "--noEmit", "--strict", "--target", "es2020", "--typeRoots", noTypes, ...options, file], { stdio: "pipe" });
    return "";
  } catch (e) {
    return String(e.stdout) + String(e.stderr) || "tsc failed";
  }
}

const sample = fs.readFileSync(path.join(__dirname, "..", "desk-schema", "examples", "create_group.request.json"), "utf8");
const response = fs.readFileSync(path.join(__dirname, "..", "desk-schema", "examples", "create_group.response.json"), "utf8");
const imports =
  'import type { DeskCreateGroupRequest } from "../../desk-schema/schemas/create_group.request";\n' +
  'import type { DeskCreateGroupResponse } from "../../desk-schema/schemas/create_group.response";\n';

test("tsc accepts the bundled samples against the generated types", () => {
  const out = typeCheck(
    "samples.ts",
    `${imports}export const request: DeskCreateGroupRequest = ${sample};\nexport const response: DeskCreateGroupResponse = ${response};\n`,
  );
  assert.strictEqual(out, "");
});

test("tsc rejects a wrong group type, and a misspelt field", () => {
  const wrongType = JSON.parse(sample);
  wrongType.Type = "Work";
  const out = typeCheck("wrong-type.ts", `${imports}export const request: DeskCreateGroupRequest = ${JSON.stringify(wrongType)};\n`);
  assert.match(out, /"Work"/);
  const misspelt = JSON.parse(sample);
  misspelt.Notifcation = "x";
  const out2 = typeCheck("misspelt.ts", `${imports}export const request: DeskCreateGroupRequest = ${JSON.stringify(misspelt)};\n`);
  assert.match(out2, /Notifcation/);
});

test("a form's Member[] fills MemberList (types from the package root)", () => {
  const source =
    'import type { CreateGroupRequest, Member } from "desk-schema";\n' +
    'const members: Member[] = [{ Member_Account: "user2", Role: "Admin" }];\n' +
    'members.push({ Member_Account: "@customer_service_account" });\n' +
    'export const request: CreateGroupRequest = { Type: "Public", GroupId: "g", Name: "n", MemberList: members, FaceUrl: null };\n';
  // As a bundler resolves it: the package's `exports` and their `types`.
  assert.strictEqual(typeCheck("form.ts", source, ["--module", "esnext", "--moduleResolution", "bundler"]), "");
});
