// Builds the package from the committed schemas (desk-schema/schemas/):
//   schemas/             the JSON Schemas and their TypeScript types, copied;
//   src/generated/*.js   precompiled standalone validators, by the function
//                        behind `desk-schema compile` (src/compile.js): no Ajv
//                        and no eval at run time;
//   dist/                ESM (.js) and CommonJS (.cjs) builds, and .d.ts types.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";
import { compileSchema, stemOf } from "./src/compile.js";

const here = path.dirname(fileURLToPath(import.meta.url));
const committed = path.join(here, "..", "..", "desk-schema", "schemas");

fs.mkdirSync(path.join(here, "schemas"), { recursive: true });
for (const file of fs.readdirSync(committed)) {
  fs.copyFileSync(path.join(committed, file), path.join(here, "schemas", file));
}

// The create_group validators, by the function behind `desk-schema compile`,
// importing the package's own modules.
fs.mkdirSync(path.join(here, "src", "generated"), { recursive: true });
for (const which of ["request", "response"]) {
  const file = `create_group.${which}.schema.json`;
  const schema = JSON.parse(fs.readFileSync(path.join(committed, file), "utf8"));
  const { esm } = compileSchema(schema, { from: "../violations.js", runtime: "../runtime.js", source: file });
  fs.writeFileSync(path.join(here, "src", "generated", `${stemOf(file)}.js`), esm);
}

const dist = path.join(here, "dist");
fs.rmSync(dist, { recursive: true, force: true });
// `desk-schema compile` (bin/desk-schema.js) runs dist/compile.js, in ESM
// only: it needs Ajv and json-schema-to-typescript, which stay outside.
await esbuild.build({
  entryPoints: [path.join(here, "src", "compile.js")],
  outfile: path.join(dist, "compile.js"),
  bundle: true,
  format: "esm",
  platform: "node",
  target: "es2020",
  external: ["ajv", "ajv/*", "json-schema-to-typescript"],
  logLevel: "warning",
});
for (const entry of ["index", "keywords", "runtime", "react-hook-form"]) {
  for (const [format, ext] of [["esm", "js"], ["cjs", "cjs"]]) {
    await esbuild.build({
      entryPoints: [path.join(here, "src", `${entry}.js`)],
      outfile: path.join(dist, `${entry}.${ext}`),
      bundle: true,
      format,
      platform: "neutral",
      target: "es2020",
      external: ["ajv"],
      logLevel: "warning",
    });
  }
  fs.copyFileSync(path.join(here, "src", `${entry}.d.ts`), path.join(dist, `${entry}.d.ts`));
  // The CommonJS build's types (`require` under moduleResolution node16):
  // the same declarations, naming the CommonJS files.
  const types = fs.readFileSync(path.join(here, "src", `${entry}.d.ts`), "utf8");
  fs.writeFileSync(path.join(dist, `${entry}.d.cts`), types.replace(/(from "\.{1,2}\/[^"]+)\.js"/g, '$1.cjs"'));
}
for (const file of fs.readdirSync(path.join(here, "schemas")).filter((f) => f.endsWith(".d.ts"))) {
  fs.copyFileSync(path.join(here, "schemas", file), path.join(here, "schemas", file.replace(/\.d\.ts$/, ".d.cts")));
}

// The licences and the schemas' types travel with the package.
for (const file of ["LICENSE-MIT", "LICENSE-APACHE"]) {
  fs.copyFileSync(path.join(here, "..", "..", file), path.join(here, file));
}

// The demo page's scripts (demo/index.html), served with a strict CSP by
// test/browser.test.js.
for (const entry of ["app", "runtime-compile"]) {
  await esbuild.build({
    entryPoints: [path.join(here, "demo", `${entry}.js`)],
    outfile: path.join(here, "demo", "dist", `${entry}.js`),
    bundle: true,
    format: "esm",
    platform: "browser",
    target: "es2020",
    logLevel: "warning",
  });
}
