#!/usr/bin/env node
// desk-schema compile SCHEMA.json... --out DIR
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { randomBytes } from "node:crypto";

const USAGE = `Usage: desk-schema compile SCHEMA.json... --out DIR

Writes, for each JSON Schema that desk-schema emitted (schema_for::<T>(), or
\`desk-schema schema\`), a standalone validator: DIR/<stem>.js (ESM),
DIR/<stem>.cjs (CommonJS), DIR/<stem>.d.ts and DIR/<stem>.d.cts (their
types), where <stem> is the file name
without .schema.json or .json. Each exports validate(data, {locale}), which
returns the violations the Rust crate gives for the same JSON ([] when
valid; locale "en" or "zh-CN"), with no Ajv and no eval at run time. Also
writes DIR/package.json ({"type": "module"}) when DIR has none, and warns
when DIR's own package.json is not of that type.

Options:
  -o, --out DIR   where to write (created if missing)
      --no-types  skip the .d.ts and .d.cts files (they need json-schema-to-typescript)
  -h, --help      print this help
  -V, --version   print the package's version

Every schema is compiled, and every file written under a temporary name,
before any is put in place (an existing file is replaced, not written
through): when one fails, or on Ctrl-C, no file is left, and the exit
status is 2 (130 on Ctrl-C). Two runs into one DIR at once are not kept
apart.

Needs ajv (and json-schema-to-typescript for the types) at compile time:
  npm install --save-dev ajv json-schema-to-typescript`;

/** The `type` of the package.json at `file` (`undefined` when it has none or cannot be read). */
function packageType(file) {
  try {
    // Node.js reads a package.json that starts with a byte order mark.
    return JSON.parse(fs.readFileSync(file, "utf8").replace(/^\uFEFF/, ""))?.type;
  } catch {
    return undefined;
  }
}

function fail(message) {
  process.stderr.write(`desk-schema: ${message}\n`);
  process.exit(2);
}

async function main(argv) {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        out: { type: "string", short: "o" },
        "no-types": { type: "boolean" },
        help: { type: "boolean", short: "h" },
        version: { type: "boolean", short: "V" },
      },
    });
  } catch (e) {
    fail(`${e.message}\n\n${USAGE}`);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  if (values.version) {
    const pkg = JSON.parse(fs.readFileSync(new URL("../package.json", import.meta.url), "utf8"));
    process.stdout.write(`desk-schema ${pkg.version}\n`);
    return;
  }
  const [command, ...files] = positionals;
  if (command !== "compile") fail(command ? `unknown command \`${command}\`\n\n${USAGE}` : USAGE);
  if (files.length === 0) fail("no schema given: desk-schema compile SCHEMA.json... --out DIR");
  if (!values.out) fail("no output directory: add --out DIR");
  let compiler;
  try {
    compiler = await import("../dist/compile.js");
  } catch (e) {
    if (/ajv/.test(String(e.message))) fail("compile needs ajv: npm install --save-dev ajv json-schema-to-typescript");
    throw e;
  }
  const { compileSchema, declarations, stemOf, typeNameOf } = compiler;
  // Every schema compiled first, in memory: a failure leaves no file behind.
  const outputs = [];
  const stems = new Set();
  for (const file of files) {
    let schema;
    try {
      schema = JSON.parse(fs.readFileSync(file, "utf8"));
    } catch (e) {
      fail(`${file}: ${e.code === "ENOENT" ? "no such file" : e.message}`);
    }
    let stem;
    try {
      stem = stemOf(file);
    } catch (e) {
      fail(`${file}: ${e.message}`);
    }
    if (stems.has(stem)) fail(`${file}: a second schema with the stem \`${stem}\``);
    stems.add(stem);
    let code;
    try {
      code = compileSchema(schema, { source: path.basename(file) });
    } catch (e) {
      fail(`${file}: ${e.message}`);
    }
    const out = [
      [`${stem}.js`, code.esm],
      [`${stem}.cjs`, code.cjs],
    ];
    if (!values["no-types"]) {
      let types;
      try {
        types = await declarations(schema, typeNameOf(stem));
      } catch (e) {
        fail(`${file}: ${e.message}`);
      }
      // The types of the .cjs file, for a CommonJS importer (node16):
      // its `module.exports` is `validate` itself.
      out.push([`${stem}.d.ts`, types.esm], [`${stem}.d.cts`, types.cjs]);
    }
    outputs.push(out);
  }
  try {
    fs.mkdirSync(values.out, { recursive: true });
  } catch (e) {
    fail(`--out ${values.out}: ${e.code === "EEXIST" || e.code === "ENOTDIR" ? "not a directory" : e.message}`);
  }
  // Each file written beside its place under a temporary name, then all
  // renamed into place: a file that cannot be written (a directory of that
  // name, no room) leaves nothing behind. The .js files are ES modules: say
  // so to Node.js, whatever the app's own `type` (a package.json already
  // there is left alone).
  const marker = path.join(values.out, "package.json");
  const writes = outputs.flat();
  if (!fs.existsSync(marker)) writes.push(["package.json", '{ "type": "module" }\n']);
  else if (packageType(marker) !== "module") {
    // An app's own package.json (`npm init` writes `"type": "commonjs"`):
    // Node.js would read the .js files as CommonJS, and refuse their imports.
    process.stderr.write(
      `desk-schema: warning: ${marker} does not say "type": "module", so Node.js cannot load the .js files (ES modules) ` +
        "from there: require the .cjs files, or compile into a folder of their own (the command writes one there). " +
        "A bundler reads them either way.\n",
    );
  }
  const staged = [];
  // Interrupted (Ctrl-C, SIGTERM) while writing: the temporary files go.
  const cleanUp = (signal) => {
    for (const [temporary] of staged) fs.rmSync(temporary, { force: true });
    process.exit(signal === "SIGINT" ? 130 : 143);
  };
  process.once("SIGINT", cleanUp);
  process.once("SIGTERM", cleanUp);
  // A name no other run picks (a pid repeats across containers).
  const run = randomBytes(6).toString("hex");
  try {
    for (const [name, text] of writes) {
      const target = path.join(values.out, name);
      const temporary = path.join(values.out, `.${name}.${run}.tmp`);
      fs.writeFileSync(temporary, text, { flag: "wx" });
      staged.push([temporary, target]);
    }
    for (const [, target] of staged) {
      if (fs.existsSync(target) && fs.statSync(target).isDirectory()) throw new Error(`${target} is a directory`);
    }
    for (const [temporary, target] of staged) fs.renameSync(temporary, target);
  } catch (e) {
    for (const [temporary] of staged) fs.rmSync(temporary, { force: true });
    fail(`--out ${values.out}: ${e.message}`);
  }
  for (const out of outputs) {
    process.stdout.write(`${out.map(([name]) => path.join(values.out, name)).join(" ")}\n`);
  }
}

await main(process.argv.slice(2));
