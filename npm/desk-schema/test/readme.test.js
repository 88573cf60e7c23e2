// `npm pack` gives a tarball that installs and works in a fresh folder: the
// README's frontend examples (ESM and CommonJS) run there exactly as written
// and print what the README says they print.
import test from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { execFileSync, execSync } from "node:child_process";
import { pkg, root } from "./helpers.js";

/** The fenced blocks of `lang` under "## For frontend teams", each with the ```text block after it. */
function examples(lang) {
  const readme = fs.readFileSync(path.join(root, "README.md"), "utf8");
  const section = readme.slice(readme.indexOf("## For frontend teams"));
  const end = section.indexOf("\n## ", 5);
  const body = end > 0 ? section.slice(0, end) : section;
  const found = [];
  const re = new RegExp("```" + lang + "\\n([\\s\\S]*?)```\\s*```text\\n([\\s\\S]*?)```", "g");
  for (const m of body.matchAll(re)) found.push({ code: m[1], output: m[2] });
  return found;
}

/** The lines of the ```sh block after "Validators for your own types" in "## For frontend teams". */
function shellLines() {
  const readme = fs.readFileSync(path.join(root, "README.md"), "utf8");
  const section = readme.slice(readme.indexOf("**Validators for your own types.**"));
  const block = /```sh\n([\s\S]*?)```/.exec(section)[1];
  return block.split("\n").filter((l) => l.trim());
}

test("the packed tarball installs in a fresh folder and runs the README's examples", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "desk-schema-app-"));
  try {
    // `--ignore-scripts`: the package as built for these tests. `prepack`
    // would build it again, deleting `dist/` under the other test files,
    // which `node --test` runs at the same time on a machine with more cores.
    const packed = execFileSync("npm", ["pack", "--silent", "--ignore-scripts", "--pack-destination", dir], { cwd: pkg, encoding: "utf8" })
      .trim()
      .split("\n")
      .pop();
    const tarball = path.join(dir, packed);
    assert.ok(fs.existsSync(tarball), tarball);
    const app = path.join(dir, "app");
    fs.mkdirSync(app);
    fs.writeFileSync(path.join(app, "package.json"), JSON.stringify({ name: "app", private: true }));
    execFileSync("npm", ["install", "--no-audit", "--no-fund", "--offline", tarball], { cwd: app, stdio: "pipe" });
    // Nothing else came with it: no run-time dependency.
    assert.deepEqual(fs.readdirSync(path.join(app, "node_modules")).filter((d) => !d.startsWith(".")), ["desk-schema"]);

    const esm = examples("js");
    const cjs = examples("cjs");
    assert.equal(esm.length, 1, "one ESM example");
    assert.equal(cjs.length, 1, "one CommonJS example");
    for (const [file, example] of [["example.mjs", esm[0]], ["example.cjs", cjs[0]]]) {
      fs.writeFileSync(path.join(app, file), example.code);
      const out = execFileSync("node", [file], { cwd: app, encoding: "utf8" });
      assert.equal(out, example.output, file);
    }
    // The types resolve from the package root.
    const types = fs.readFileSync(path.join(app, "node_modules", "desk-schema", "dist", "index.d.ts"), "utf8");
    assert.match(types, /CreateGroupRequest/);
    assert.ok(fs.existsSync(path.join(app, "node_modules", "desk-schema", "schemas", "create_group.request.d.ts")));

    // "Validators for your own types": the README's two shell lines, on the
    // create-group schemas. npm's cache holds both packages' tarballs (the
    // package's own build installed them); `--prefer-offline` takes them from
    // there, and fetches what `npm ci` does not cache (the registry's
    // metadata of each package), which `--offline` refused on a new machine.
    const lines = shellLines();
    assert.equal(lines.length, 2, "the two lines of the compile flow");
    fs.mkdirSync(path.join(app, "schemas"));
    for (const which of ["request", "response"]) {
      const file = `create_group.${which}.schema.json`;
      fs.copyFileSync(path.join(pkg, "schemas", file), path.join(app, "schemas", file));
    }
    execSync(`${lines[0]} --prefer-offline --no-audit --no-fund`, { cwd: app, stdio: "pipe" });
    execSync(lines[1], { cwd: app, stdio: "pipe" });
    for (const ext of ["js", "cjs", "d.ts"]) {
      assert.ok(fs.existsSync(path.join(app, "src", "validators", `create_group.request.${ext}`)), ext);
    }
    const use =
      'import validate from "./src/validators/create_group.request.js";\n' +
      'const request = { Type: "Public", GroupId: "g", Name: "客服".repeat(17), MemberList: [{ Member_Account: "a" }, { Member_Account: "@customer_service_account" }] };\n' +
      'console.log(JSON.stringify(validate(request, { locale: "zh-CN" })));\n';
    fs.writeFileSync(path.join(app, "use.mjs"), use);
    const [v] = JSON.parse(execFileSync("node", ["use.mjs"], { cwd: app, encoding: "utf8" }));
    assert.equal(v.path, "/Name");
    assert.equal(v.message, "最多 100 字节（UTF-8 编码，一个汉字占 3 字节，表情大多占 4 字节），当前 102 字节（34 个字符）");
    const cjsOut = execFileSync(
      "node",
      ["-e", 'const v = require("./src/validators/create_group.request.cjs"); console.log(v({}).length > 0)'],
      { cwd: app, encoding: "utf8" },
    );
    assert.equal(cjsOut, "true\n");
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
