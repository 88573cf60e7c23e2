// `npm pack` gives a tarball that installs and works in a fresh folder: the
// README's frontend examples (ESM and CommonJS) run there exactly as written
// and print what the README says they print.
import test from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { execFileSync } from "node:child_process";
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

test("the packed tarball installs in a fresh folder and runs the README's examples", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "desk-schema-app-"));
  try {
    const packed = execFileSync("npm", ["pack", "--silent", "--pack-destination", dir], { cwd: pkg, encoding: "utf8" })
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
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
