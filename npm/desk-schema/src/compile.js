// `desk-schema compile`: standalone validators for any schema desk-schema
// wrote. For each schema, ESM (.js), CommonJS (.cjs) and TypeScript (.d.ts):
// precompiled Ajv code with the desk-schema keywords inlined (no Ajv and no
// eval at run time: safe under a Content Security Policy without
// `unsafe-eval`), wrapped in `validate(data)`, which returns the violations
// the Rust crate gives. The package's own create_group validators are built
// by the same function (build.js).
import Ajv2020 from "ajv/dist/2020.js";
import { _ } from "ajv";
import standaloneCode from "ajv/dist/standalone/index.js";
import { addDeskKeywords } from "./keywords.js";
import { isDataEnum } from "./violations.js";

/**
 * The Ajv options every compiled validator is built with: `toViolations`
 * needs `allErrors` and `verbose`, and `ownProperties` keeps a property
 * named `constructor` or `toString` from being found on `Object.prototype`;
 * `allowUnionTypes` lets strict mode take an enum's `type` list
 * (`["string", "object"]`).
 */
export const AJV_OPTIONS = Object.freeze({ strict: true, allErrors: true, verbose: true, ownProperties: true, allowUnionTypes: true });

// Ajv's run-time helpers, by the names of src/runtime.js.
const AJV_RUNTIME = { "ajv/dist/runtime/ucs2length": "charCount", "ajv/dist/runtime/equal": "deepEqual" };

/**
 * The schema without its prose (`description`, `title`): validation does not
 * read it, and `verbose` errors would carry it into the bundle.
 */
function withoutProse(schema) {
  if (Array.isArray(schema)) return schema.map(withoutProse);
  if (schema === null || typeof schema !== "object") return schema;
  const out = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === "description" || key === "title") continue;
    if (key === "enum" || key === "const" || key.startsWith("x-")) out[key] = value;
    else if (key === "properties" || key === "$defs" || key === "patternProperties") {
      out[key] = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withoutProse(v)]));
    } else out[key] = withoutProse(value);
  }
  return out;
}

/**
 * The standalone code of `schema`: `{ imports, body }`, where `imports` are
 * `[exported, local]` pairs from the run-time module and `body` defines the
 * Ajv validator as `ajvValidate`.
 */
/**
 * Keywords desk-schema never emits, whose errors `toViolations` cannot name
 * with a stable code: a schema that uses one is refused when it is
 * compiled, not when its validator first meets a value that breaks it.
 */
const UNSUPPORTED = [
  "multipleOf", "exclusiveMinimum", "exclusiveMaximum", "dependentRequired",
  "unevaluatedProperties", "unevaluatedItems", "prefixItems", "patternProperties",
  "contentEncoding", "contentMediaType", "contentSchema", "$dynamicRef",
];

/** Throws when `schema` is not an object schema desk-schema could have written. */
function checkSupported(schema) {
  if (schema === null || typeof schema !== "object" || Array.isArray(schema)) {
    throw new Error("not a JSON Schema object (desk-schema writes one per type)");
  }
  const walk = (node, at) => {
    if (Array.isArray(node)) return node.forEach((n, i) => walk(n, `${at}/${i}`));
    if (node === null || typeof node !== "object") return;
    for (const [key, value] of Object.entries(node)) {
      const here = `${at}/${key}`;
      // `dependentSchemas` holds the create_group request's owner rule, a
      // schema per property name as `properties` does.
      if (key === "properties" || key === "$defs" || key === "dependentSchemas") {
        // Ajv's standalone code writes the schema as object literals, where
        // a key `__proto__` sets the prototype: such a property would be
        // refused as unknown (the Rust derive refuses the name too).
        if (key === "properties" && value !== null && Object.prototype.hasOwnProperty.call(value, "__proto__")) {
          throw new Error(`a property named \`__proto__\` at #${here} cannot be compiled: Ajv's standalone code would read it as the object's prototype and refuse the property`);
        }
        for (const [name, sub] of Object.entries(value ?? {})) walk(sub, `${here}/${name}`);
        continue;
      }
      if (key === "enum" || key === "const" || key.startsWith("x-") || key === "description" || key === "title") continue;
      // A data enum's `if` chooses its variant: Ajv never reports what
      // fails in it (its `then` and `else` are walked as any subschema).
      if (key === "if") continue;
      // The response's rule: its one error is read from the data, never
      // from what fails inside the `not`.
      if (key === "not" && node["x-inconsistentResponse"] === true) continue;
      // The owner's part of the member-list rule: its one error is the
      // `not` itself (\`customer_service_account\` at the owner).
      if (key === "not" && node["x-ownerCustomerServiceAccount"] === true) continue;
      const plainNot = key === "not" && typeof value?.pattern !== "string" && !Array.isArray(value?.enum);
      if (UNSUPPORTED.includes(key) || plainNot || (key === "items" && value === false)) {
        throw new Error(`\`${key}\` at #${here} is not a keyword desk-schema emits: its violations would have no code`);
      }
      walk(value, here);
    }
  };
  walk(schema, "");
}

function standalone(schema) {
  checkSupported(schema);
  const formats = _`require("desk-schema/runtime").formatDefinitions`;
  const ajv = addDeskKeywords(new Ajv2020({ ...AJV_OPTIONS, code: { source: true, esm: true, formats } }));
  let compiled;
  try {
    compiled = ajv.compile(withoutProse(schema));
  } catch (e) {
    throw new Error(`the schema does not compile under strict Ajv with the desk-schema keywords: ${e.message}`);
  }
  const code = standaloneCode(ajv, compiled);
  const imports = [];
  // The formats: one import, each format read off it.
  let body = code.replaceAll('require("desk-schema/runtime").formatDefinitions', "deskFormats");
  if (body !== code) imports.push(["formatDefinitions", "deskFormats"]);
  body = body.replace(/const (\w+) = require\("([^"]+)"\)\.(\w+);/g, (_m, local, module, name) => {
    const exported = module === "desk-schema/runtime" ? name : AJV_RUNTIME[module];
    if (!exported || (module !== "desk-schema/runtime" && name !== "default")) {
      throw new Error(`standalone code needs ${module}.${name}, which desk-schema/runtime does not provide`);
    }
    imports.push([exported, local]);
    return "";
  });
  if (/require\(/.test(body)) throw new Error("standalone code still calls require()");
  const exportLine = /^"use strict";export const validate = (\w+);export default \1;/;
  const name = exportLine.exec(body)?.[1];
  if (!name) throw new Error("unexpected standalone code from Ajv");
  // In a function marked pure: Ajv's code sets properties of its functions
  // (`validate20.evaluated = ...`), which a bundler must keep as a side
  // effect, with the whole validator, in an app that never calls it.
  body = `const ajvValidate = /* @__PURE__ */ (() => {\n${body.replace(exportLine, "")}\nreturn ${name};\n})();\n`;
  return { imports, body };
}

/**
 * The parts of `schema` that say which values the Rust type reads, for
 * `unrepresentable` (its `options.schema`): the structure (`$ref`, `$defs`,
 * `properties`, `additionalProperties`, `items`, `prefixItems`, `allOf`,
 * `anyOf`, `oneOf`, `then`, `else`), `type`, `x-readWhole`, `x-skip` and
 * `if` whole (for `toViolations`), and whether it names its values (`enum`,
 * `const`, kept as `true`). The rest (rules, descriptions) is left out to keep the module
 * small.
 */
export function readSchema(schema) {
  if (schema === null || typeof schema !== "object" || Array.isArray(schema)) return schema;
  const out = {};
  for (const [key, value] of Object.entries(schema)) {
    // An `if` is kept whole: `toViolations` knows a data enum's variant by it.
    if (key === "$ref" || key === "type" || key === "x-readWhole" || key === "x-skip" || key === "if") out[key] = value;
    else if (key === "enum" || key === "const") out[key] = true;
    else if (key === "$defs" || key === "properties") {
      out[key] = Object.fromEntries(Object.entries(value).map(([name, s]) => [name, readSchema(s)]));
    } else if (key === "allOf" || key === "anyOf" || key === "oneOf" || key === "prefixItems") {
      out[key] = value.map(readSchema);
    } else if (key === "additionalProperties" || key === "items" || key === "then" || key === "else") {
      out[key] = readSchema(value);
    }
  }
  return out;
}

/**
 * Compiles one schema. `from` is where `violationsOf` comes from and
 * `runtime` where the keywords' helpers do (the package's own build uses
 * relative paths). Returns `{ esm, cjs }`, the module sources.
 */
export function compileSchema(schema, { from = "desk-schema", runtime = "desk-schema/runtime", source = "" } = {}) {
  const { imports, body } = standalone(schema);
  const banner = `// Generated by \`desk-schema compile\`${source ? ` from ${source}` : ""}: do not edit.\n`;
  const doc =
    "/**\n" +
    " * Checks `data` (parsed JSON): every violation ({path, code, message,\n" +
    " * ...figures}, as the Rust crate gives them), `[]` when valid, with the\n" +
    " * messages in `options.locale` (\"en\", the default, or \"zh-CN\").\n" +
    " */\n";
  const reads =
    "/** Which values the type reads (`readSchema`): what `unrepresentable` looks at. */\n" +
    // Parsed, not written as a literal: a literal's `"__proto__": ...` would
    // set the prototype instead of a property.
    `const deskReadSchema = /* @__PURE__ */ JSON.parse(${JSON.stringify(JSON.stringify(readSchema(schema)))});\n`;
  // Options that are not an object (a locale in their place) go as they
  // are, for `violationsOf` to refuse: spread, a string would be its letters.
  const call =
    '  if (options != null && typeof options !== "object") return violationsOf(ajvValidate, data, options);\n' +
    "  return violationsOf(ajvValidate, data, { ...options, schema: deskReadSchema });\n";
  const esm =
    banner +
    `import { violationsOf } from ${JSON.stringify(from)};\n` +
    imports.map(([e, l]) => `import { ${e} as ${l} } from ${JSON.stringify(runtime)};\n`).join("") +
    `${body}\n${reads}${doc}export function validate(data, options) {\n${call}}\n` +
    "export default validate;\n" +
    "/** The Ajv validator itself (errors on `ajvValidate.errors`), and which values the type reads. */\n" +
    "export { ajvValidate, deskReadSchema as readSchema };\n";
  const cjs =
    banner +
    '"use strict";\n' +
    `const { violationsOf } = require(${JSON.stringify(from)});\n` +
    imports.map(([e, l]) => `const { ${e}: ${l} } = require(${JSON.stringify(runtime)});\n`).join("") +
    `${body}\n${reads}${doc}function validate(data, options) {\n${call}}\n` +
    "module.exports = validate;\nmodule.exports.validate = validate;\nmodule.exports.default = validate;\n" +
    "module.exports.ajvValidate = ajvValidate;\nmodule.exports.readSchema = deskReadSchema;\n";
  return { esm, cjs };
}

/**
 * `schema` with each map's values that name a definition (`additionalProperties:
 * {"$ref": ...}`, or a `patternProperties` pattern's) written `{"anyOf":
 * [{"$ref": ...}]}`: the same values.
 * json-schema-to-typescript's `strictIndexSignatures` adds `| undefined`
 * to the type an index signature names, and where that is a definition's,
 * to the definition itself (`export type U1 = "V0" | undefined`, and a
 * list of it `U1 | undefined[]`: tests/random seed 45). Behind `anyOf` it
 * adds it to the union alone.
 */
function unsharedMapValues(schema) {
  if (Array.isArray(schema)) return schema.map(unsharedMapValues);
  if (schema === null || typeof schema !== "object") return schema;
  const named = (value) => value !== null && typeof value === "object" && "$ref" in value;
  const unshared = (value) => (named(value) ? { anyOf: [unsharedMapValues(value)] } : unsharedMapValues(value));
  const out = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === "additionalProperties") out[key] = unshared(value);
    // Each pattern's values are an index signature too.
    else if (key === "patternProperties" && value !== null && typeof value === "object") {
      out[key] = Object.fromEntries(Object.entries(value).map(([pattern, s]) => [pattern, unshared(s)]));
    } else out[key] = unsharedMapValues(value);
  }
  return out;
}

/**
 * The TypeScript declarations of a compiled validator: the schema's type
 * (by json-schema-to-typescript, named `typeName`) and `validate`. Returns
 * `{ esm, cjs }`: the .d.ts of the ES module, in ES export syntax, and the
 * .d.cts of the CommonJS one, whose `module.exports` is `validate` itself
 * with the other exports on it: `export =` a function merged with a
 * namespace, so that `import validate = require("./x.cjs")` is callable and
 * default and named imports type-check too.
 */
export async function declarations(schema, typeName, { from = "desk-schema" } = {}) {
  let compile;
  try {
    ({ compile } = await import("json-schema-to-typescript"));
  } catch {
    throw new Error("the .d.ts files need json-schema-to-typescript: npm install --save-dev json-schema-to-typescript");
  }
  // json-schema-to-typescript calls methods such as `hasOwnProperty` on
  // `properties` objects: a property of that name is given a placeholder
  // name, put back in the output.
  const renamed = new Map();
  let safe = unsharedMapValues(typesOnly(withSafeNames(inlineRootRef(withoutBooleans(schema)), renamed)));
  // A root that says nothing (`true`) is any value too.
  if (isEmpty(safe)) safe = { tsType: "unknown" };
  let types = await compile(safe, typeName, {
    bannerComment: "",
    additionalProperties: false,
    strictIndexSignatures: true,
    format: false,
    // A list is an array a form can fill (`T[]`), not a union of tuples of
    // each allowed length: `validate` checks the length.
    ignoreMinAndMaxItems: true,
  });
  for (const [placeholder, name] of renamed) types = types.replaceAll(placeholder, name);
  // A type of the schema's named as one the declarations import would
  // shadow it (silently, inside the .d.cts's namespace).
  const taken = /\b(?:interface|type|enum|class)\s+(DeskAjvError|DeskValidateOptions|DeskViolation)\b/.exec(types);
  if (taken) {
    throw new Error(`a type of the schema is named ${taken[1]}, a name the validator's declarations give one of desk-schema's: rename it`);
  }
  const header =
    "// Generated by `desk-schema compile`: do not edit. Byte limits (x-maxBytes),\n" +
    "// list lengths (minItems, maxItems) and text rules (patterns, prefixes,\n" +
    "// formats) are not types: `validate` checks them.\n" +
    `import type { AjvError as DeskAjvError, ValidateOptions as DeskValidateOptions, Violation as DeskViolation } from ${JSON.stringify(from)};\n\n`;
  const validateDoc = "/** Checks `data` (parsed JSON): every violation, `[]` when valid. */\n";
  const validateType = "(data: unknown, options?: DeskValidateOptions): DeskViolation[]";
  // The other exports, after `exported` (`export declare` at a module's
  // top level, `export` inside the namespace, which is ambient already).
  const others = (exported) =>
    "/**\n * The Ajv validator itself: `true` when valid, with its errors on `ajvValidate.errors`.\n" +
    " * Standalone code keeps no schema: give `violationsOf` this module's `readSchema`.\n */\n" +
    `${exported} const ajvValidate: { (data: unknown): boolean; errors?: readonly DeskAjvError[] | null };\n` +
    "/** Which values the type reads: the schema's structure, for `unrepresentable`'s `options.schema`. */\n" +
    `${exported} const readSchema: object;\n`;
  const esm = `${header}${types}\n${validateDoc}export declare function validate${validateType};\nexport default validate;\n${others("export declare")}`;
  // Inside the namespace each line is indented.
  const members = `${types}\n${others("export")}`
    .split("\n")
    .map((line) => (line ? `  ${line}` : line))
    .join("\n");
  const cjs =
    `${header}${validateDoc}declare function validate${validateType};\n` +
    "declare namespace validate {\n" +
    `${members}` +
    "  const self: typeof validate;\n" +
    "  export { self as validate, self as default };\n" +
    "}\n" +
    "export = validate;\n";
  return { esm, cjs };
}

/**
 * `schema` with each `true` subschema written `{}` (a `serde_json::Value`
 * newtype's definition is `true`), which json-schema-to-typescript cannot
 * read; `additionalProperties` and `items` keep their booleans, which it
 * reads.
 */
function withoutBooleans(schema) {
  if (schema === true) return {};
  if (Array.isArray(schema)) return schema.map(withoutBooleans);
  if (schema === null || typeof schema !== "object") return schema;
  const out = {};
  for (const [key, value] of Object.entries(schema)) {
    // Data, not schemas; and the booleans json-schema-to-typescript reads.
    const kept = ["const", "enum", "examples", "default", "required", "x-typeRange", "x-message"].includes(key) ||
      (["additionalProperties", "items"].includes(key) && typeof value === "boolean");
    out[key] = kept ? value : withoutBooleans(value);
  }
  return out;
}

/**
 * Keywords that check a value without saying its type: json-schema-to-typescript
 * reads a schema of them alone (`{"pattern": "^https://"}` in an `allOf`,
 * `{"x-readWhole": true}` for a `serde_json::Value`) as an object, and
 * intersects it with the type beside it (`string & {[k: string]: unknown}`,
 * which no string is). `validate` checks them; the types leave them out.
 */
const CHECKS_ONLY = new Set([
  "pattern",
  "format",
  "minLength",
  "maxLength",
  "minimum",
  "maximum",
  "exclusiveMinimum",
  "exclusiveMaximum",
  "multipleOf",
  "uniqueItems",
  "contains",
  "minContains",
  "maxContains",
  "propertyNames",
  "minProperties",
  "maxProperties",
  "not",
]);

/**
 * A copy of `schema` with only what a TypeScript type can say: no keyword of
 * `CHECKS_ONLY` or of desk-schema's own (`x-...`), and no part of an `allOf`
 * left empty by that. Data (`enum`, `const`, `default`, `examples`) is kept as
 * it is.
 */
function typesOnly(node) {
  if (Array.isArray(node)) return node.map(typesOnly);
  if (node === null || typeof node !== "object") return node;
  const out = {};
  for (const [key, value] of Object.entries(node)) {
    if (CHECKS_ONLY.has(key) || key.startsWith("x-")) continue;
    if (["const", "enum", "default", "examples", "required"].includes(key)) {
      out[key] = value;
    } else if (key === "properties" || key === "$defs" || key === "patternProperties") {
      out[key] = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, typesOnly(v)]));
    } else if (key === "allOf" && Array.isArray(value)) {
      const parts = value.map(typesOnly).filter((p) => !isEmpty(p));
      if (parts.length > 0) out[key] = parts;
    } else if ((key === "anyOf" || key === "oneOf") && Array.isArray(value)) {
      // A branch left with nothing says no type (`IpAddr`'s two formats):
      // the union is the type beside it.
      const parts = value.map(typesOnly);
      if (!parts.some(isEmpty)) out[key] = parts;
    } else out[key] = typesOnly(value);
  }
  // Annotations alone say nothing of the type (a `serde_json::Value` with a
  // doc comment, or a newtype over one): any value, where
  // json-schema-to-typescript would write an object type.
  const keys = Object.keys(out);
  if (keys.length > 0 && keys.every((k) => ANNOTATIONS.has(k))) out.tsType = "unknown";
  return out;
}

/** Keywords that describe a schema without saying anything of its type. */
const ANNOTATIONS = new Set([
  "$schema",
  "$id",
  "$comment",
  "$defs",
  "title",
  "description",
  "default",
  "examples",
  "deprecated",
  "readOnly",
  "writeOnly",
]);

/** A schema that says nothing (`{}`). */
function isEmpty(schema) {
  return schema !== null && typeof schema === "object" && !Array.isArray(schema) && Object.keys(schema).length === 0;
}

/**
 * A root that is only a `$ref` into its own `$defs` (a newtype over a
 * recursive type), with the definition copied in: json-schema-to-typescript
 * cannot resolve a root `$ref` that its target refers back through.
 */
function inlineRootRef(schema) {
  const ref = typeof schema.$ref === "string" ? /^#\/\$defs\/([^/]+)$/.exec(schema.$ref) : null;
  const target = ref && schema.$defs?.[ref[1]];
  if (!target) return schema;
  const { $ref, ...rest } = schema;
  return { ...target, ...rest, $defs: schema.$defs };
}

/**
 * A copy of `schema` for json-schema-to-typescript: property names of
 * `Object.prototype` are placeholders, recorded in `renamed`, and a data
 * enum is the union of its variants.
 */
function withSafeNames(schema, renamed) {
  const safe = (name) => {
    if (!(name in Object.prototype)) return name;
    const placeholder = `__desk_property_${[...name].map((c) => c.charCodeAt(0).toString(16)).join("_")}__`;
    renamed.set(placeholder, name);
    return placeholder;
  };
  const walk = (node) => {
    if (Array.isArray(node)) return node.map(walk);
    if (node === null || typeof node !== "object") return node;
    // A data enum is, as a type, the union of its variants (each `then`);
    // the rest of its schema only shapes the violations of what is none.
    if (isDataEnum(node)) {
      const { description, title, $defs } = node;
      const union = { oneOf: node.allOf.map((part) => part.then) };
      return walk(Object.assign(union, description && { description }, title && { title }, $defs && { $defs }));
    }
    const out = {};
    const required = Array.isArray(node.required) ? node.required : [];
    for (const [key, value] of Object.entries(node)) {
      if (key === "properties" && value && typeof value === "object") {
        out[key] = Object.fromEntries(
          Object.entries(value).map(([k, v]) => [safe(k), inherited(k, walk(v), required.includes(k))]),
        );
      } else if (key === "required" && Array.isArray(value)) {
        out[key] = value.map((k) => (typeof k === "string" ? safe(k) : k));
      } else out[key] = walk(value);
    }
    return out;
  };
  return walk(schema);
}

/**
 * The members TypeScript's `Object` interface declares: every object type
 * has them, so an object literal without such a property still has one.
 */
const OBJECT_MEMBERS = new Set([
  "constructor",
  "toString",
  "toLocaleString",
  "valueOf",
  "hasOwnProperty",
  "isPrototypeOf",
  "propertyIsEnumerable",
]);

/**
 * An optional property named as a member of TypeScript's `Object`
 * (`hasOwnProperty`): an object without it still has the inherited one,
 * which TypeScript checks against the property's type, so its type admits
 * that member too (`{...} | Object["hasOwnProperty"]`). (`__defineGetter__`
 * and the other legacy members are no part of the interface.)
 */
function inherited(name, schema, required) {
  if (required || !OBJECT_MEMBERS.has(name)) return schema;
  return { anyOf: [schema, { tsType: `Object[${JSON.stringify(name)}]` }] };
}

/** The file stem of a schema file: its name without `.schema.json` or `.json`. */
export function stemOf(file) {
  const base = file.split(/[\\/]/).pop();
  const stem = base.replace(/\.schema\.json$/, "").replace(/\.json$/, "");
  if (stem === "" || stem.startsWith(".")) throw new Error("the file name leaves no stem to name the output by");
  return stem;
}

/** A TypeScript type name for a stem (`create_group.request` gives `CreateGroupRequest`). */
export function typeNameOf(stem) {
  const name = stem
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join("");
  return /^[A-Za-z]/.test(name) ? name : `Schema${name}`;
}
