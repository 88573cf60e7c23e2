// The README's bundle-size table is what `npm run size` measures now
// (within 2 per cent: zlib's output may differ by a few bytes across
// Node.js builds), so that it cannot fall behind the package again.
import test from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { pkg, root } from "./helpers.js";

const bytes = (text) => Number(text.replace(/[, B]/g, ""));

test("the README's bundle sizes are the ones npm run size measures", () => {
  const measured = execFileSync(process.execPath, [path.join(pkg, "size.js")], { cwd: pkg, encoding: "utf8" });
  const rows = [...measured.matchAll(/^\| (.+?) \| ([\d,]+ B) \| ([\d,]+ B) \|$/gm)].map((m) => [bytes(m[2]), bytes(m[3])]);
  assert.equal(rows.length, 2, measured);
  const readme = fs.readFileSync(path.join(root, "README.md"), "utf8");
  const table = readme.slice(readme.indexOf("Bundle size for a browser"));
  const written = [
    table.match(/^\| standalone `validateRequest` \| ([\d,]+ B) \| ([\d,]+ B) \|$/m),
    table.match(/^\| Ajv \+ `addDeskKeywords` \+ the schema, compiled in the page \| ([\d,]+ B) \| ([\d,]+ B) \|$/m),
  ].map((m) => {
    assert.ok(m, "the README's table rows");
    return [bytes(m[1]), bytes(m[2])];
  });
  for (const [i, row] of rows.entries()) {
    for (const [j, size] of row.entries()) {
      const close = Math.abs(size - written[i][j]) <= size * 0.02;
      assert.ok(close, `README row ${i + 1}, column ${j + 1}: ${written[i][j]} B written, ${size} B measured`);
    }
  }
  // The ratio the README gives is its own table's (gzipped), whatever
  // line it is wrapped on.
  const ratio = (written[0][1] / written[1][1]).toFixed(2);
  assert.ok(table.replace(/\s+/g, " ").includes(`is ${ratio} of the run-time compile path`), `the README's ratio: ${ratio}`);
});

test("a bundler drops the validators an app does not import", async () => {
  const esbuild = await import("esbuild");
  const bundle = async (name) => {
    const result = await esbuild.build({
      stdin: { contents: `import { ${name} } from "./dist/index.js"; globalThis.check = [${name}];`, resolveDir: pkg },
      bundle: true,
      minify: true,
      format: "esm",
      platform: "browser",
      write: false,
      logLevel: "error",
    });
    return result.outputFiles[0].text;
  };
  const names = ["validateRequest", "validateResponse", "validateRequest, validateResponse", "byPath"];
  const [request, response, both, grouped] = (await Promise.all(names.map(bundle))).map((code) => code.length);
  // Each validator alone leaves the other out (the response validator is
  // some 8 KB minified, the request's some 50 KB), and `byPath` both.
  assert.ok(both - request > 5_000, `validateRequest: ${request} B; both: ${both} B`);
  assert.ok(both - response > 30_000, `validateResponse: ${response} B; both: ${both} B`);
  assert.ok(grouped * 4 < request, `byPath alone: ${grouped} B; validateRequest: ${request} B`);
});
