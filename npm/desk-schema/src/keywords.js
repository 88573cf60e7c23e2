// The desk-schema keywords for Ajv 8, for teams that compile the schema
// themselves. Each is defined with `code`, so Ajv's standalone code generation
// inlines it (the generated code calls `desk-schema/runtime`), and each
// reports its figures in `params`.
import Ajv, { _, str, Name } from "ajv";
import * as runtime from "./runtime.js";

/** The run-time helper `name`, referenced so that standalone code imports it. */
function helper(gen, name) {
  return gen.scopeValue("func", {
    ref: runtime[name],
    code: _`require("desk-schema/runtime").${new Name(name)}`,
  });
}

function length(keyword, measure, helperName, max) {
  return {
    keyword,
    type: "string",
    schemaType: "number",
    code(cxt) {
      const { gen, data, schema } = cxt;
      const n = gen.const(measure, _`${helper(gen, helperName)}(${data})`);
      cxt.setParams({ [measure]: n });
      cxt.fail(max ? _`${n} > ${schema}` : _`${n} < ${schema}`);
    },
    error: {
      message: ({ schemaCode }) =>
        str`must NOT have ${max ? "more" : "fewer"} than ${schemaCode} ${measure} (${keyword})`,
      params: ({ gen, schemaCode, params, data }) =>
        measure === "bytes" && max
          ? _`{limit: ${schemaCode}, bytes: ${params.bytes}, chars: ${helper(gen, "charCount")}(${data})}`
          : _`{limit: ${schemaCode}, ${new Name(measure)}: ${params[measure]}}`,
    },
  };
}

const definitions = [
  length("x-maxBytes", "bytes", "utf8Length", true),
  length("x-minBytes", "bytes", "utf8Length", false),
  length("x-maxGraphemes", "graphemes", "graphemeCount", true),
  length("x-minGraphemes", "graphemes", "graphemeCount", false),
  length("x-maxUtf16", "units", "utf16Length", true),
  length("x-minUtf16", "units", "utf16Length", false),
  {
    keyword: "x-uniqueBy",
    type: "array",
    schemaType: "string",
    code(cxt) {
      const { gen, data, schema } = cxt;
      const repeats = gen.const("repeats", _`${helper(gen, "repeatsBy")}(${data}, ${schema})`);
      gen.forOf("repeat", repeats, (repeat) => {
        cxt.error(false, { index: _`${repeat}[0]`, first: _`${repeat}[1]` });
      });
    },
    error: {
      message: ({ schemaCode }) => str`must NOT have two items with the same ${schemaCode} (x-uniqueBy)`,
      params: ({ schemaCode, params }) => _`{key: ${schemaCode}, index: ${params.index}, first: ${params.first}}`,
    },
  },
  {
    keyword: "x-maxMemberCount",
    type: "object",
    schemaType: "object",
    code(cxt) {
      const { gen, data, schema } = cxt;
      const short = gen.const("short", _`${helper(gen, "memberShortfall")}(${data}, ${schema})`);
      cxt.setParams({ short });
      gen.if(_`${short} !== null`, () => cxt.error(false, undefined, { instancePath: schema.max }));
    },
    error: {
      message: "must NOT be below the initial member count (x-maxMemberCount)",
      params: ({ params }) =>
        _`{max: ${params.short}.max, initial: ${params.short}.initial, owner: ${params.short}.owner}`,
    },
  },
  // An annotation: the bounds of the Rust integer type beside a tighter
  // `range` rule, so a violation names the bounds the Rust check names.
  { keyword: "x-typeRange", schemaType: "array" },
  // Annotations beside the `pattern` of a text rule (`prefix`, `suffix`,
  // `contains`), holding the text, so that a violation names the rule.
  { keyword: "x-prefix", schemaType: "string" },
  // Annotations beside `maxLength` / `minLength`: the exact character limit
  // of a `max_chars` / `min_chars` rule (the length keywords are also the
  // sound bounds of byte and UTF-16 limits).
  { keyword: "x-maxChars", schemaType: "number" },
  { keyword: "x-minChars", schemaType: "number" },
  { keyword: "x-suffix", schemaType: "string" },
  { keyword: "x-contains", schemaType: "string" },
  // An annotation beside a `pattern` rule's `pattern` where the rule wrote
  // it otherwise (ECMAScript's `.`, written out as its class): what a
  // violation names.
  { keyword: "x-pattern", schemaType: "string" },
  // A field's own messages (`#[desk(message(...))]`): read by toViolations.
  { keyword: "x-message", schemaType: "object" },
  // An annotation beside a unit enum's `enum` (one without doc comments):
  // the names of a type, where a `one_of` rule's `enum` lists values of one.
  // A string among none of them is no value of the type, so it repeats
  // nothing in a set or a `unique` list; read by toViolations.
  { keyword: "x-unitEnum", schemaType: "boolean" },
  // An annotation on a name's `const` branch: the name is an alias
  // (`#[serde(alias)]`) of this one; a violation lists names, not aliases.
  { keyword: "x-aliasOf", schemaType: "string" },
  // An annotation: serde reads this value whole (an internally tagged or
  // untagged enum's content, a `skip` field), so a value the Rust crate
  // cannot represent is refused anywhere inside it; read by `unrepresentable`.
  { keyword: "x-readWhole", schemaType: "boolean" },
  // An annotation: a `#[desk(skip)]` field, which serde alone reads, and
  // which the Rust crate reports as one `type` violation wherever inside it
  // the value is not its type; read by toViolations given the schema.
  { keyword: "x-skip", schemaType: "boolean" },
  // An annotation beside the `not` of the create_group response's rule
  // (`ActionStatus`, `ErrorCode` and `GroupId` agree): its violation is
  // `inconsistent_response`, not a `not` without a code.
  { keyword: "x-inconsistentResponse", schemaType: "boolean" },
  // An annotation beside the `not` of the create_group request's owner
  // rule (an owner that is a customer service account is the list's): its
  // violation is `customer_service_account` at the owner.
  { keyword: "x-ownerCustomerServiceAccount", schemaType: "boolean" },
];

/**
 * Throws unless `ajv` writes code with the same `ajv` package these keywords
 * import `_` and `Name` from. With two copies installed (`npm link`, a
 * directory install, two Ajv versions side by side) Ajv would take this
 * copy's code for plain objects and write them as JSON text
 * (`if({"str":"bytes0"} > 16)`, always false): every byte limit would
 * pass, or the validator would throw on its first call.
 */
function sameAjv(ajv) {
  // Every Ajv class of one copy (`ajv`, `ajv/dist/2019`, `ajv/dist/2020`)
  // has that copy's `ValidationError`.
  if (ajv?.constructor?.ValidationError === Ajv.ValidationError) return;
  throw new TypeError(
    "addDeskKeywords: this Ajv instance comes from another copy of the `ajv` package than the one " +
      "desk-schema resolves (two are installed: `npm link`, a directory install, or two Ajv versions); " +
      "its keyword code would not be read as code, and the byte limits would pass anything. " +
      "Install one copy (`npm dedupe`; a bundler alias for `ajv`), or use `desk-schema compile`.",
  );
}

/**
 * Registers every desk-schema keyword on `ajv` (Ajv 8, `ajv/dist/2020`), and
 * the formats of the format rules (ajv-formats' "full" definitions, as the
 * Rust crate checks them), and returns it. For standalone code, create Ajv
 * with `code: {formats: _\`require("desk-schema/runtime").formatDefinitions\`}`,
 * or let `desk-schema compile` do it all. Throws a `TypeError` when `ajv`
 * comes from another copy of the `ajv` package than desk-schema's (see
 * `sameAjv`).
 */
export function addDeskKeywords(ajv) {
  sameAjv(ajv);
  for (const definition of definitions) ajv.addKeyword(definition);
  for (const [name, definition] of Object.entries(runtime.formatDefinitions)) ajv.addFormat(name, definition);
  return ajv;
}
