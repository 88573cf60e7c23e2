// Generates TypeScript types from the committed schemas
// (desk-schema/schemas/*.d.ts). `npm run types` rewrites them; the test in
// typescript.test.js fails when they are stale.
const fs = require("node:fs");
const path = require("node:path");
const { compile } = require("json-schema-to-typescript");

const dir = path.join(__dirname, "..", "desk-schema", "schemas");
const WHICH = ["request", "response"];

async function generate(which) {
  const schema = JSON.parse(fs.readFileSync(path.join(dir, `create_group.${which}.schema.json`), "utf8"));
  // A form builds `Member[]`: the generator would read `minItems` with the
  // member-list rule's `allOf` as `unknown[] & [Member, ...Member[]]`, which
  // a `Member[]` does not satisfy. The minimum stays in the doc comment.
  const list = schema.properties?.MemberList;
  if (list) {
    delete list.allOf;
    delete list.minItems;
    list.description += "\n\nAt least one member (`minItems: 1`); validateRequest checks it, with every other rule.";
  }
  return compile(schema, `CreateGroup${which[0].toUpperCase()}${which.slice(1)}`, {
    bannerComment:
      "/* Generated from create_group." + which + ".schema.json by json-schema-to-typescript;\n" +
      " * do not edit: run `npm run types` in conformance/. Byte limits (x-maxBytes)\n" +
      " * are not types: validate with the schema too. */",
    additionalProperties: false,
    strictIndexSignatures: true,
    format: true,
  });
}

function target(which) {
  return path.join(dir, `create_group.${which}.d.ts`);
}

async function main() {
  for (const which of WHICH) {
    fs.writeFileSync(target(which), await generate(which));
  }
}

module.exports = { generate, target, WHICH };

if (require.main === module) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
