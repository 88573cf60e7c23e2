// Ajv's errors as desk-schema violations, {path, code, message, ...figures},
// the objects the Rust crate and its CLI (`desk-schema validate --format
// json`) give: shared by the package's create_group validators and by every
// validator `desk-schema compile` writes.
import { canonical, charCount, hasOwn, ownProperty, repeats, utf8Length } from "./runtime.js";

/** A UTF-16 surrogate without its other half (with the `u` flag, a pair is one code point). */
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

/**
 * Whether a string holds no {@link LONE_SURROGATE}: `isWellFormed` where the
 * engine has it (ES2024: Node.js 20, Chrome 111, Firefox 119, Safari 16.4),
 * several times as fast as the expression on the usual text, which has none.
 */
const wellFormed =
  typeof String.prototype.isWellFormed === "function" ? (s) => s.isWellFormed() : (s) => !LONE_SURROGATE.test(s);

/**
 * The first value, in document order, that the Rust crate cannot read, as
 * the one violation it then reports; `null` when there is none:
 * - a string or property name with an unpaired UTF-16 surrogate
 *   (`"A\ud800B"`), which has no UTF-8 form: `unpaired_surrogate`, at the
 *   string, or at the object whose property name holds it;
 * - a number past any double (`1e400`, which `JSON.parse` reads as
 *   `Infinity`): `range`, with no bounds.
 *
 * `JSON.parse` accepts both. The Rust crate stops reading there, so the
 * document gets this one violation and no other; `validateRequest`,
 * `validateResponse` and every compiled `validate` do the same. Call it
 * first when you run Ajv yourself.
 *
 * Rust reads only what its type reads: a property the type does not have
 * (unknown, or an adjacently tagged enum's other property) is dropped
 * unread, and so is the inside of an object or array where the type wants
 * another JSON type. With `options.schema` (the type's JSON Schema, as the
 * Rust crate writes it) only the values the type reads are looked at, as
 * in Rust; without it, every value is.
 */
export function unrepresentable(data, options) {
  options = optionsOf(options);
  localeOf(options.locale);
  return readProblems(data, options).problems.unread;
}

/**
 * `options` as the functions read it: `undefined` and `null` are none; what
 * is not an object (a locale given in its place, `validateRequest(data,
 * "zh-CN")`) is the caller's error, not options silently ignored.
 */
export function optionsOf(options) {
  if (options === undefined || options === null) return {};
  if (typeof options !== "object") {
    throw new TypeError(`options must be an object, such as { locale: "zh-CN" }, not a ${typeof options}`);
  }
  return options;
}

/**
 * `violations` (from Ajv, of `data`, without Ajv's errors at a `NaN`:
 * `checkedWith`) with each `NaN` that the type reads in `data` reported as
 * one `range` violation at its place ("NaN is out of range; must be a
 * finite number"), beside the others. `NaN` comes from no JSON text (`JSON.stringify` sends
 * `null`): a form's empty number input (`valueAsNumber`) gives it, and it
 * must not hide the form's other problems, as a number no JSON can hold
 * does in Rust (`unrepresentable`). `nan` holds the places (from
 * `readProblems`).
 */
function withNaN(violations, nan, locale) {
  if (nan.length === 0) return violations;
  const found = nan.map((path) => make(path, "range", { min: null, max: null, actual: "NaN" }));
  return localizeMade(sortViolations([...violations, ...found]), locale);
}

/**
 * `data` as `JSON.stringify` sends it (`sent`: `data` itself unless that
 * changes it, see `asSent`), what `unrepresentable` finds in it (`unread`),
 * and the places of the `NaN`s the type reads (`nan`, JSON Pointers, in
 * document order; none when `unread` is found first).
 */
function readProblems(data, options) {
  let nan = [];
  let found = firstUnreadable(data, "", options?.schema, nan, false);
  if (found === RESEND) {
    data = asSent(data);
    nan = [];
    // The copy is what is sent: not asked again (a `toJSON` given to
    // `Array.prototype` would still be found on it).
    found = firstUnreadable(data, "", options?.schema, nan, true);
  }
  return { sent: data, problems: { unread: found ? localizeMade([found], options?.locale)[0] : null, nan } };
}

/**
 * The violations of `data`, read as `JSON.stringify` sends it (`asSent`):
 * `unrepresentable`'s one where there is one, else `check(keep, sent)`'s
 * (Ajv's errors on `sent` as violations, those for which
 * `keep(error)` holds) with each `NaN` in place (`withNaN`). `keep` drops
 * Ajv's errors at a `NaN` (its type, its bounds), which its own violation
 * replaces; an error about a map key there (a `propertyName`, at the map)
 * stays, and so does the value's place inside a `#[desk(skip)]` field,
 * which the `NaN`'s violation alone then names (as Rust names `1e400`
 * there).
 */
export function checkedWith(data, options, check) {
  // The locale first: a bad one is the caller's error, whatever the data
  // (a valid document, one that holds itself). `options` is an object:
  // its callers' own, read by `optionsOf`.
  localeOf(options.locale);
  const { sent, problems } = readProblems(data, options);
  const { unread, nan } = problems;
  if (unread) return [unread];
  const at = new Set(nan);
  return withNaN(check((e) => !at.has(e.instancePath), sent), nan, options?.locale);
}

/** A value read whole: every value inside it is read. */
const WHOLE = Symbol("whole");

/**
 * A value serde drops unread: nothing inside it is read, but it is still
 * walked, since one that holds itself is no JSON anywhere.
 */
const DROPPED = Symbol("dropped");

/**
 * An object or array where the type wants another JSON type: serde passes
 * over it, reading an object's property names (to know the entries) and
 * nothing else.
 */
const MISMATCH = Symbol("mismatch");

function firstUnreadable(data, path, schema, nan, sent) {
  // Depth first, in document order, with a stack of its own: a document
  // nested thousands deep must not exhaust JavaScript's. The stack holds one
  // frame per open object or array (its entries are taken one at a time),
  // so a wide document costs no more than its depth, and a path is written
  // only for a frame or for what is found. The open objects and arrays are
  // kept, so that one that holds itself is refused (as `JSON.stringify`
  // refuses it) instead of read without end. Each value goes with the
  // schemas that apply to it (a list, all of which apply), WHOLE, or
  // DROPPED.
  const memo = memoOf(schema);
  const open = new Set();
  const frames = [];
  // Reads one value: a violation, or `null` (a container is opened).
  const visit = (value, at, schemas) => {
    if (value !== null && typeof value === "object") {
      const array = Array.isArray(value);
      // The entries as they are when it is opened, as `JSON.stringify`
      // takes them (an array's length once, an object's keys once).
      const keys = array ? null : Object.keys(value);
      // One `JSON.stringify` sends otherwise: the whole walk is taken again
      // on what it sends (`asSent`).
      if (!sent && sentOtherwise(value)) return RESEND;
      const here = at();
      if (open.has(value)) {
        throw new TypeError(`the value at ${JSON.stringify(here)} holds itself: a cycle is not JSON`);
      }
      open.add(value);
      const read =
        schemas === WHOLE || schemas === DROPPED ? schemas : memo.view(schemas, array ? "array" : "object");
      frames.push({ value, at: here, keys, length: array ? value.length : keys.length, next: 0, read });
    } else if (!sent && typeof value === "bigint" && sentOtherwise(value)) {
      return RESEND;
    } else if (schemas !== DROPPED) {
      if (Number.isNaN(value)) nan.push(at());
      return unreadableScalar(value, at);
    }
    return null;
  };
  const root = visit(data, () => path, memo === undefined ? WHOLE : memo.roots);
  if (root) return root;
  while (frames.length > 0) {
    const frame = frames[frames.length - 1];
    const { value, keys, read } = frame;
    if (frame.next === frame.length) {
      open.delete(value);
      frames.pop();
      continue;
    }
    const i = frame.next++;
    const token = keys === null ? i : keys[i];
    const at = () => `${frame.at}/${keys === null ? i : escape(token)}`;
    // An object's property name is read before its value (unless the
    // object is dropped unread); a property the type does not have, after
    // its name, is dropped unread. An object or array where the type wants
    // another JSON type (MISMATCH) has its names read, nothing else.
    if (keys !== null && read !== DROPPED) {
      const name = unreadableScalar(token, () => frame.at);
      if (name) return name;
    }
    const inner =
      read === WHOLE || read === DROPPED
        ? read
        : read === MISMATCH
          ? DROPPED
          : keys === null
            ? memo.item(read, i)
            : memo.property(read, token);
    const child = value[token];
    // Left out, or `null` in an array: taken again on what is sent.
    if (!sent && omitted(child)) return RESEND;
    const found = visit(child, at, inner);
    if (found) return found;
  }
  return null;
}

/** The deepest `asSent` copies (see there). */
const MAX_SENT_DEPTH = 10000;

/** What `firstUnreadable` gives for data that `JSON.stringify` sends otherwise. */
const RESEND = Symbol("resend");

/** A value `JSON.stringify` leaves out of an object, and sends as `null` in an array. */
const omitted = (value) => value === undefined || typeof value === "function" || typeof value === "symbol";

/**
 * Whether `JSON.stringify` sends `value`, a `BigInt` or an object, as
 * something else: it has a `toJSON` method (a `Date`; its own, enumerable
 * or not, or its prototype's), or it is a boxed primitive (`new
 * String("a")`). A property that is not enumerable, which `JSON.stringify`
 * leaves out, is read as Ajv reads it: finding one would cost every object
 * a list of its names (README: a limit).
 */
function sentOtherwise(value) {
  if (typeof value.toJSON === "function") return true;
  if (typeof value === "bigint") return false;
  return unboxing(value) !== null;
}

/**
 * How to read the object `value` if it is a boxed primitive, or `null`. A
 * plain object or an array (all `JSON.parse` makes) is no box, which
 * `boxOf` would throw four times to say: told by its prototype, so a box
 * given one of theirs is missed (README: a limit).
 */
function unboxing(value) {
  let proto;
  try {
    proto = Object.getPrototypeOf(value);
  } catch {
    // A Proxy's trap, which JSON.stringify never calls.
    return boxOf(value);
  }
  if (proto === Object.prototype || proto === Array.prototype || proto === null) return null;
  return boxOf(value);
}

/**
 * How `JSON.stringify` reads each boxed primitive: `ToNumber` of a
 * `Number`, `ToString` of a `String`, the value a `Boolean` or `BigInt`
 * holds. Each with the `valueOf` that checks it is one.
 */
const BOXES = [
  [Number.prototype.valueOf, (v) => Number(v)],
  [String.prototype.valueOf, (v) => String(v)],
  [Boolean.prototype.valueOf, (v) => Boolean.prototype.valueOf.call(v)],
  ...(typeof BigInt === "function" ? [[BigInt.prototype.valueOf, (v) => BigInt.prototype.valueOf.call(v)]] : []),
];

/**
 * How to read `value` if it is a boxed primitive, or `null`: told by what
 * it is (the `valueOf` of its kind accepts it), as `JSON.stringify` tells
 * it, rather than by its prototype or `Symbol.toStringTag` (another realm's
 * box is one, a tagged one too; `Object.create(Number.prototype)` is not),
 * and without running any code of the value's. Each kind it is not throws
 * inside: asked only of objects that are neither plain objects nor arrays,
 * and of a Proxy whose `getPrototypeOf` trap throws (whose prototype is
 * then unknown).
 */
function boxOf(value) {
  for (const [valueOf, read] of BOXES) {
    try {
      valueOf.call(value);
      return read;
    } catch {
      // Not this kind.
    }
  }
  return null;
}

/**
 * `value` (under `key`) as `JSON.stringify` takes it before writing it:
 * its `toJSON` called, a boxed primitive unboxed. A number is kept as it
 * is (`NaN` and the infinities are reported, not sent as `null`), and so is
 * a `BigInt` (which it refuses).
 */
function asTaken(value, key) {
  if ((value !== null && typeof value === "object") || typeof value === "bigint") {
    const toJSON = value.toJSON;
    if (typeof toJSON === "function") value = toJSON.call(value, key);
  }
  if (value !== null && typeof value === "object") {
    const read = unboxing(value);
    if (read !== null) return read(value);
  }
  return value;
}

/**
 * `data` as `JSON.stringify` sends it, and so as the Rust crate and the
 * API read it: a property whose value is `undefined`, a function or a
 * symbol left out, such an array item (or a hole) `null`, every `toJSON`
 * called (a `Date` is its ISO text) and every boxed primitive unboxed. A
 * copy, made with a stack of its own (a document thousands deep must not
 * exhaust JavaScript's); `NaN`, the infinities and `BigInt`s are kept, for
 * the checks to report. An object or array that holds itself throws, as
 * in `firstUnreadable`; so does one nested past `MAX_SENT_DEPTH` (a
 * `toJSON` that makes a new level each time would never end), as
 * `JSON.stringify` throws (a `RangeError`: its stack, in Node.js 20 before
 * 5,000 levels).
 */
function asSent(data) {
  const top = asTaken(data, "");
  if (top === null || typeof top !== "object") return top;
  const fresh = (value) => (Array.isArray(value) ? [] : {});
  const root = fresh(top);
  const open = new Set([top]);
  const frames = [{ from: top, to: root, at: "", keys: Array.isArray(top) ? null : Object.keys(top), next: 0 }];
  while (frames.length > 0) {
    const frame = frames[frames.length - 1];
    const { from, to, keys } = frame;
    const length = keys === null ? from.length : keys.length;
    if (frame.next === length) {
      open.delete(from);
      frames.pop();
      continue;
    }
    const i = frame.next++;
    const token = keys === null ? i : keys[i];
    let value = asTaken(from[token], String(token));
    if (omitted(value)) {
      if (keys === null) to.push(null);
      continue;
    }
    if (value !== null && typeof value === "object") {
      const at = `${frame.at}/${keys === null ? i : escape(token)}`;
      if (open.has(value)) {
        throw new TypeError(`the value at ${JSON.stringify(at)} holds itself: a cycle is not JSON`);
      }
      if (frames.length >= MAX_SENT_DEPTH) {
        // (Its path would be as long: not in the message.)
        throw new RangeError(`the value is nested more than ${MAX_SENT_DEPTH} levels deep, past what JSON.stringify sends`);
      }
      open.add(value);
      const copy = fresh(value);
      frames.push({ from: value, to: copy, at, keys: Array.isArray(value) ? null : Object.keys(value), next: 0 });
      value = copy;
    }
    if (keys === null) to.push(value);
    // An own property even when named `__proto__`, as `JSON.parse` makes it.
    else Object.defineProperty(to, token, { value, enumerable: true, writable: true, configurable: true });
  }
  return root;
}

/** The violation of a string or number no Rust value holds (`at` gives its path), or `null`. */
function unreadableScalar(value, at) {
  if (typeof value === "string") {
    const found = wellFormed(value) ? null : LONE_SURROGATE.exec(value);
    if (found) return make(at(), "unpaired_surrogate", { unit: hex(found[0].charCodeAt(0)) });
  } else if (typeof value === "number" && !Number.isFinite(value) && !Number.isNaN(value)) {
    // What `JSON.parse` reads a number past any double as (`1e400`). A `NaN`
    // (no JSON text gives one) is counted by `readProblems` instead.
    return make(at(), "range", { min: null, max: null, actual: null });
  }
  return null;
}

/** Each root schema's answers, kept: a document repeats the same few schemas many times. */
const MEMOS = new WeakMap();

/**
 * The walk's questions about `root`'s schemas, each answered once per list
 * of schemas (a property's and an item's lists are made once, so a list's
 * identity stands for it). A property name is kept only where a schema
 * lists it, so a document's names cannot grow the memo. `undefined` for no
 * schema (every value is read).
 */
function memoOf(root) {
  if (root === undefined || root === null) return undefined;
  const known = MEMOS.get(root);
  if (known !== undefined) return known;
  const views = { object: new WeakMap(), array: new WeakMap() };
  const props = new WeakMap();
  const items = new WeakMap();
  const cached = (map, key, make) => {
    let value = map.get(key);
    if (value === undefined) {
      value = make();
      map.set(key, value);
    }
    return value;
  };
  const memo = {
    view: (schemas, type) => cached(views[type], schemas, () => final(viewOfAll(schemas, type, root))),
    property: (shapes, key) => {
      const own = cached(props, shapes, () => ({ listed: new Map(), other: propertySchemas(shapes, undefined) }));
      // A listed key's, once found (only those are kept: a map's keys are
      // the data's, and would grow the memo without bound).
      const listed = own.listed.get(key);
      if (listed !== undefined) return listed;
      if (!shapes.some((s) => s.properties !== undefined && hasOwn(s.properties, key))) return own.other;
      return cached(own.listed, key, () => propertySchemas(shapes, key));
    },
    item: (shapes, i) => {
      // Past the longest `prefixItems`, every item has the same schemas.
      const own = cached(items, shapes, () => ({
        tuple: shapes.reduce((n, s) => Math.max(n, Array.isArray(s.prefixItems) ? s.prefixItems.length : 0), 0),
        by: new Map(),
      }));
      return cached(own.by, Math.min(i, own.tuple), () => itemSchemas(shapes, i));
    },
    // The root's schemas, one array for every call (`view` is keyed by it).
    roots: [root],
  };
  if (root !== null && typeof root === "object") MEMOS.set(root, memo);
  return memo;
}

/** No schema says what is inside: read whole, unless another says more (`viewOf`). */
const NONE = Symbol("none");

/**
 * What schema `s` says of a value of JSON type `type` (`"object"` or
 * `"array"`): MISMATCH when it refuses the type; WHOLE when it reads it
 * whole (`x-readWhole`, or `true`); otherwise the schemas that describe its
 * properties or items (`properties`, `additionalProperties`, `items`,
 * `prefixItems`), or NONE when none does (a `serde_json::Value`). A
 * schema's own `x-readWhole` counts before its `type`; a part's (`allOf`,
 * `$ref`) only once its `type` let the value in.
 */
function viewOf(s, type, root, seen) {
  if (s === true || s === undefined) return WHOLE;
  if (s === false || s === null || typeof s !== "object") return MISMATCH;
  if (s["x-readWhole"] === true) return WHOLE;
  if (s.type !== undefined && !(Array.isArray(s.type) ? s.type : [s.type]).includes(type)) return MISMATCH;
  if (s.enum !== undefined || s.const !== undefined) return MISMATCH;
  if (seen.has(s)) return NONE;
  seen.add(s);
  const shaped =
    type === "object"
      ? s.properties !== undefined || s.additionalProperties !== undefined
      : s.items !== undefined || s.prefixItems !== undefined;
  const all = [shaped ? [s] : NONE];
  if (typeof s.$ref === "string") all.push(viewOf(resolve(root, s.$ref), type, root, seen));
  if (Array.isArray(s.allOf)) for (const part of s.allOf) all.push(viewOf(part, type, root, seen));
  for (const key of ["anyOf", "oneOf"]) {
    if (Array.isArray(s[key])) all.push(either(s[key].map((b) => viewOf(b, type, root, seen))));
  }
  // A conditional's branches may or may not apply (its `if` decides, for
  // a data enum the variant's tag): neither refuses the type for the
  // other, and the properties either describes are the type's.
  if (s.then !== undefined || s.else !== undefined) {
    const taken = [s.then, s.else]
      .filter((b) => b !== undefined)
      .map((b) => viewOf(b, type, root, seen))
      .filter((v) => v !== MISMATCH);
    if (taken.includes(WHOLE)) all.push(WHOLE);
    else all.push(...taken.filter(Array.isArray));
  }
  seen.delete(s);
  return both(all);
}

/** What a list of schemas that all apply says (`viewOf`). */
function viewOfAll(schemas, type, root) {
  return both(schemas.map((s) => viewOf(s, type, root, new Set())));
}

/**
 * All of `views` apply: one that reads the value whole reads it whole (the
 * walk buffers it before any type is asked: an adjacently tagged enum's tag
 * is also each variant's `const`), and one that refuses the type refuses it.
 */
function both(views) {
  if (views.includes(WHOLE)) return WHOLE;
  if (views.includes(MISMATCH)) return MISMATCH;
  const shapes = views.filter(Array.isArray).flat();
  return shapes.length > 0 ? shapes : NONE;
}

/** One of `views` applies (`anyOf`, `oneOf`): the type is refused only if every one refuses it. */
function either(views) {
  const taken = views.filter((v) => v !== MISMATCH);
  if (taken.length === 0) return MISMATCH;
  if (taken.includes(WHOLE) || taken.includes(NONE)) return taken.includes(WHOLE) ? WHOLE : NONE;
  return taken.flat();
}

/** NONE (no schema says what is inside) reads the value whole. */
function final(view) {
  return view === NONE ? WHOLE : view;
}

/**
 * The schema at a local `$ref` (`#`, `#/$defs/Name`); a reference elsewhere,
 * or one that names nothing, reads the value whole.
 */
function resolve(root, ref) {
  if (!ref.startsWith("#")) return true;
  let node = root;
  for (const token of ref.slice(1).split("/").slice(1)) {
    let key;
    try {
      key = decodeURIComponent(token).replace(/~1/g, "/").replace(/~0/g, "~");
    } catch {
      return true;
    }
    node = node !== null && typeof node === "object" && hasOwn(node, key) ? node[key] : undefined;
  }
  return node ?? true;
}

/**
 * The schemas of property `key` (`undefined`: a name no schema lists), or
 * DROPPED when the type has no such property (serde drops it unread).
 */
function propertySchemas(shapes, key) {
  const inner = [];
  for (const s of shapes) {
    if (key !== undefined && s.properties !== undefined && hasOwn(s.properties, key)) inner.push(s.properties[key]);
    else if (s.additionalProperties !== undefined && s.additionalProperties !== false) inner.push(s.additionalProperties);
  }
  return inner.length === 0 ? DROPPED : inner;
}

/** The schemas of item `i`, or DROPPED past a tuple's end (serde stops there). */
function itemSchemas(shapes, i) {
  const inner = [];
  for (const s of shapes) {
    if (Array.isArray(s.prefixItems) && i < s.prefixItems.length) inner.push(s.prefixItems[i]);
    else if (s.items !== undefined && s.items !== false) inner.push(s.items);
  }
  return inner.length === 0 ? DROPPED : inner;
}

/** A UTF-16 unit or a code point in upper-case hex, at least four digits (`00E9`), as the Rust crate writes one. */
const hex = (n) => n.toString(16).toUpperCase().padStart(4, "0");


/**
 * Turns Ajv errors into desk-schema violations, for teams that compile the
 * schema with their own Ajv (`addDeskKeywords` from `desk-schema/keywords`,
 * and the options `allErrors: true, verbose: true, ownProperties: true`, and
 * `allowUnionTypes: true` in strict mode). Explanations of
 * `anyOf`/`oneOf`/`contains` are folded into the one violation they explain,
 * at the path of the real problem. The customer service accounts are the
 * schema's (`desk-schema schema request --customer-service-account ID`).
 *
 * With `options.schema` (the root schema the errors are from, as the Rust
 * crate writes it), a `#[desk(skip)]` field (`x-skip`) that is not what its
 * type reads is one `type` violation at the field, as in Rust, wherever
 * inside it Ajv found the fault; without it, each fault is reported where
 * Ajv found it. The errors Ajv gives at a `NaN` (a form's empty number
 * input) are one `range` violation there, as `violationsOf` reports it; a
 * `NaN` where Ajv gives none (a value any JSON may be, a number without
 * bounds under `strictNumbers: false`) only `violationsOf`, which walks the
 * data, finds.
 */
export function toViolations(errors, options) {
  // The locale first: a bad one is the caller's error whatever the errors.
  options = optionsOf(options);
  const locale = localeOf(options.locale);
  return localizeMade(sortViolations(unsortedViolations(errors, options)), locale);
}

/**
 * {@link toViolations}'s violations, in English and in no order: for a
 * caller that adds its own and then sorts and words them all once
 * (`validateRequest`).
 */
export function unsortedViolations(errors, options) {
  if (!errors || errors.length === 0) return [];
  if (errors.some((e) => !("parentSchema" in e) || !("data" in e))) {
    throw new Error("toViolations needs Ajv's `verbose: true` option (errors with data and parentSchema)");
  }
  const out = [];
  const keyRules = new Set();
  // A `NaN` (no JSON text gives one; a form's empty number input does) is
  // one `range` violation at its place, as `violationsOf` reports it, in
  // place of what Ajv says of its type and bounds there.
  const nan = new Set(errors.filter((e) => Number.isNaN(e.data)).map((e) => e.instancePath));
  for (const path of nan) out.push(make(path, "range", { min: null, max: null, actual: "NaN" }));
  // The skip fields with a fault inside, each one violation.
  const skipOf = skipFields(options?.schema, errors);
  const skipped = new Set();
  // The `anyOf`/`oneOf` errors, by instance path and schema path: the errors
  // below one of them explain it.
  // Kept by instance path, so that a document with many of them is read in
  // time linear in its errors (an error looks at its own path and its
  // ancestors', not at every group).
  const groups = new Map();
  for (const e of errors) {
    if (e.keyword !== "anyOf" && e.keyword !== "oneOf") continue;
    if (!groups.has(e.instancePath)) groups.set(e.instancePath, []);
    groups.get(e.instancePath).push(`${e.schemaPath}/`);
  }
  const groupAt = (at, e) => (groups.get(at) ?? []).some((prefix) => e.schemaPath.startsWith(prefix));
  const inGroup = (e) => groupAt(e.instancePath, e);
  const underGroup = (e) => {
    if (groups.size === 0) return false;
    for (let at = e.instancePath; ; at = at.slice(0, at.lastIndexOf("/"))) {
      if (groupAt(at, e)) return true;
      if (at === "") return false;
    }
  };
  for (const e of errors) {
    if (nan.has(e.instancePath)) continue;
    const skip = skipOf(e.instancePath);
    if (skip !== null) {
      skipped.add(skip);
      continue;
    }
    // Why each item failed a `contains` subschema: not violations of their own.
    if (e.schemaPath.includes("/contains/")) continue;
    // A data enum's variant (`if`/`then`): the `then`'s errors say it all.
    if (e.keyword === "if") continue;
    // A map key's rules report at the entry (below): the `propertyNames`
    // error that sums them up is not a violation of its own.
    if (e.keyword === "propertyNames") continue;
    if (isResponseRuleError(e)) {
      // The response's rule: one violation, its message from the data.
      const contradiction = responseContradiction(e.data);
      if (contradiction !== null) out.push(custom(e.instancePath, "inconsistent_response", { contradiction }));
      continue;
    }
    if (isOwnerRuleError(e)) {
      // The owner is a customer service account the list, which holds one, does not.
      out.push(custom(e.instancePath, "customer_service_account", { service: null, owner: true }));
      continue;
    }
    if (isMemberRuleError(e)) {
      // One violation of the member-list rule, counted from the data.
      const rule = memberRule(e.parentSchema);
      const found = memberRules(e.data, e.instancePath, rule.accounts, rule.key);
      out.push(...found.filter((v) => v.code === rule.code));
      continue;
    }
    if (e.keyword === "oneOf" && isUnitEnum(e.parentSchema)) {
      out.push(unread(unitEnum(e.instancePath, e.data, e.parentSchema.oneOf)));
      continue;
    }
    // A `oneOf` that more than one branch passed has no errors below it to
    // say why (schemars' `Result` or `Bound` in a `#[desk(skip)]` field,
    // `{"Ok": 3, "Err": "x"}`): not its type, as Rust says.
    if (e.keyword === "oneOf" && Array.isArray(e.params?.passingSchemas)) {
      out.push(wholeField(e.instancePath));
      continue;
    }
    // An `Option` (anyOf: [T, null]): the errors of T say it all.
    if (e.keyword === "anyOf" || e.keyword === "oneOf") continue;
    // The null branch of an `Option`, and the consts of a unit enum.
    if (inGroup(e) && ((e.keyword === "type" && e.params.type === "null") || e.keyword === "const")) continue;
    // A keyword with no code of its own (a `not` that keeps a tag out of
    // an enum's other branch) explains the `anyOf`/`oneOf` it sits under.
    if (underGroup(e) && !hasCode(e)) continue;
    const found = violation(e);
    for (const one of Array.isArray(found) ? found : [found]) {
      const v = withOwnMessage(one, e.parentSchema);
      if (v && notAValue(v, e)) unread(v);
      // A key's rule is about the key: a type error of the entry's value does not hide it.
      if (v && e.propertyName !== undefined) keyRules.add(v);
      if (v) out.push(v);
    }
  }
  for (const path of skipped) out.push(wholeField(path));
  return tidy(out, keyRules);
}

/**
 * For a root schema, a function from an Ajv error's instance path to the
 * path of the `#[desk(skip)]` field (`x-skip`) it lies at or inside (the
 * outermost one), or `null`. A value is such a field when every schema that
 * may describe it there is marked (an enum's variants that name one
 * property alike, each branch's), so a name that is a skip field in one
 * branch of an `anyOf` or `oneOf` and checked in another is reported where
 * Ajv found the fault. Of a tagged enum's variants (`if`/`then`), only the
 * one whose `then` failed there (its `if` error, among `errors`) may
 * describe it, as the tag chose it in Rust. Without a root schema, always
 * `null`.
 */
function skipFields(root, errors) {
  if (root === null || typeof root !== "object") return () => null;
  // The `if`s whose `then` (or `else`) failed, by instance path.
  const failed = new Map();
  for (const e of errors) {
    if (e.keyword !== "if" || e.parentSchema?.if === undefined) continue;
    if (!failed.has(e.instancePath)) failed.set(e.instancePath, new Set());
    failed.get(e.instancePath).add(`${e.params?.failingKeyword} ${canonical(e.parentSchema.if)}`);
  }
  // Each `if`'s text, worked out once per schema object.
  const ifs = new WeakMap();
  const ifOf = (s) => {
    if (!ifs.has(s)) ifs.set(s, canonical(s.if));
    return ifs.get(s);
  };
  const found = new Map();
  return (instancePath) => {
    if (found.has(instancePath)) return found.get(instancePath);
    let schemas = [root];
    let at = "";
    let skip = null;
    for (const token of instancePath.split("/").slice(1)) {
      const branch = (s, keyword) => failed.get(at)?.has(`${keyword} ${ifOf(s)}`) === true;
      schemas = childSchemas(applying(schemas, root, branch), token.replace(/~1/g, "/").replace(/~0/g, "~"));
      at = `${at}/${token}`;
      if (schemas.length === 0) break;
      if (schemas.every((s) => s !== null && typeof s === "object" && s["x-skip"] === true)) {
        skip = at;
        break;
      }
    }
    found.set(instancePath, skip);
    return skip;
  };
}

/**
 * Every schema object that may apply where `schemas` do: through `$ref`,
 * `allOf`, `anyOf` and `oneOf`, each once, and an `if`'s `then` or `else`
 * where `branch(schema, "then" | "else")` says it failed (a branch that
 * passed holds no fault, one not taken none either).
 */
function applying(schemas, root, branch) {
  const out = [];
  const seen = new Set();
  const visit = (s) => {
    if (s === null || typeof s !== "object" || seen.has(s)) return;
    seen.add(s);
    out.push(s);
    if (typeof s.$ref === "string") visit(resolve(root, s.$ref));
    for (const key of ["allOf", "anyOf", "oneOf"]) if (Array.isArray(s[key])) s[key].forEach(visit);
    // `then` and `else` without an `if` do nothing.
    if (s.if !== undefined && branch(s, "then")) visit(s.then);
    if (s.if !== undefined && branch(s, "else")) visit(s.else);
  };
  schemas.forEach(visit);
  return out;
}

/** The schemas of property or item `token` under `schemas` (an object's, and an array's for an index). */
function childSchemas(schemas, token) {
  const index = /^(0|[1-9]\d*)$/.test(token) ? Number(token) : null;
  const out = [];
  for (const s of schemas) {
    if (s.properties !== undefined && hasOwn(s.properties, token)) out.push(s.properties[token]);
    else if (s.additionalProperties !== undefined && s.additionalProperties !== false) out.push(s.additionalProperties);
    if (index === null) continue;
    if (Array.isArray(s.prefixItems) && index < s.prefixItems.length) out.push(s.prefixItems[index]);
    else if (s.items !== undefined && s.items !== false) out.push(s.items);
  }
  return out;
}

/**
 * An error of the member-list rule: its `contains` (not an explanation
 * below it), or its owner's part.
 */
export function isMemberRuleError(e) {
  return (
    isOwnerRuleError(e) ||
    (["contains", "minContains", "maxContains"].includes(e.keyword) && memberRule(e.parentSchema) !== null)
  );
}

/**
 * An error of the owner's part of the member-list rule (the `not` marked
 * `x-ownerCustomerServiceAccount`): the owner is a customer service account
 * that the list, which has one, does not hold.
 */
function isOwnerRuleError(e) {
  return e.keyword === "not" && e.parentSchema?.["x-ownerCustomerServiceAccount"] === true;
}

/** The member-list rule in a `contains` schema: `{code, key, accounts}` or null. */
function memberRule(schema) {
  const contains = schema?.contains;
  const props = contains?.properties;
  if (!props) return null;
  const [key] = Object.keys(props);
  const prop = props[key];
  if (Array.isArray(prop?.enum)) return { code: "customer_service_account", key, accounts: prop.enum };
  if (Array.isArray(prop?.not?.enum)) return { code: "ordinary_member", key, accounts: prop.not.enum };
  return null;
}

/**
 * Exactly one customer service account and at least one other member, as
 * the Rust crate checks it: nothing on an empty list (`min_items` says it).
 * With `owner` (`{ value, path }`, the request's `Owner_Account`): an owner
 * that is a customer service account must be in the list when the list has
 * one, since the server adds the owner to the members.
 */
export function memberRules(list, path, accounts, key = "Member_Account", owner = null) {
  if (!Array.isArray(list) || list.length === 0) return [];
  let service = 0;
  let ordinary = false;
  let ownerListed = false;
  for (const m of list) {
    // Own properties only, as Ajv reads them (`ownProperties`) and as JSON sends them.
    const account = ownProperty(m, key);
    if (typeof account !== "string") continue;
    if (account === owner?.value) ownerListed = true;
    if (accounts.includes(account)) service++;
    else ordinary = true;
  }
  const out = [];
  if (service !== 1) {
    out.push(custom(path, "customer_service_account", { service, owner: false }));
  }
  if (service > 0 && !ownerListed && typeof owner?.value === "string" && accounts.includes(owner.value)) {
    out.push(custom(owner.path, "customer_service_account", { service: null, owner: true }));
  }
  if (!ordinary) {
    out.push(custom(path, "ordinary_member", {}));
  }
  return out;
}

/** An error of the response's rule (`x-inconsistentResponse`: a `not` of every contradictory response). */
function isResponseRuleError(e) {
  return e.keyword === "not" && e.parentSchema?.["x-inconsistentResponse"] === true;
}

/**
 * How a response's `ActionStatus`, `ErrorCode` and `GroupId` contradict each
 * other, as the Rust crate's `Contradiction::of` reads them: `"no_group_id"`
 * (`OK` and code 0, without a `GroupId` that is non-empty text),
 * `"ok_with_error"`, `"fail_without_error"`, or null.
 */
function responseContradiction(response) {
  if (response === null || typeof response !== "object" || Array.isArray(response)) return null;
  const [status, code, id] = ["ActionStatus", "ErrorCode", "GroupId"].map((name) => ownProperty(response, name));
  if (!Number.isInteger(code)) return null;
  if (status === "OK") {
    if (code !== 0) return "ok_with_error";
    return typeof id === "string" && id !== "" ? null : "no_group_id";
  }
  if (status === "FAIL" && code === 0) return "fail_without_error";
  return null;
}

/**
 * The violations that say a value is not a value of its type (a shape
 * violation, a name no variant has, a number outside its type): Rust reads
 * no value there, so a set's or a `unique` list's item holding one repeats
 * nothing and nothing repeats it (`tidy`).
 */
const UNREAD = new WeakSet();

/**
 * Whether violation `v` of Ajv error `e` says the value is not a value of
 * its type: a shape violation, a number outside its type, a name no variant
 * of a unit enum has (its `enum` is marked `x-unitEnum`; a `one_of` rule's
 * lists values of the type), or an object or array that names no variant of
 * a data enum (`enum`: a `one_of` rule takes only strings and numbers).
 */
function notAValue(v, e) {
  if (SHAPE_CODES.has(v.code)) return true;
  if (v.code === "range") return outsideType(e.parentSchema, e.data);
  if (v.code !== "enum") return false;
  return e.parentSchema?.["x-unitEnum"] === true || (e.data !== null && typeof e.data === "object");
}

/** `v`, marked as saying its value is not a value of its type (`UNREAD`). */
function unread(v) {
  if (v) UNREAD.add(v);
  return v;
}

/**
 * Drops repeats (the same type error from several `allOf` parts), what a
 * type error hides, and a `duplicate` where the value compared (a whole
 * item, or an item's key for `x-uniqueBy`), or anything inside it, is not a
 * value of its type (`UNREAD`): Rust compares only the items (and keys) it
 * reads as values (`[300, 300]` for a set of `u8` is two `range`
 * violations, no repeat), where `uniqueItems` compares any JSON.
 */
function tidy(violations, keyRules) {
  // Every place that holds an unread value: each one's path and the paths
  // above it, so that each `duplicate` is one lookup.
  const holding = new Set();
  for (const v of violations) {
    if (!UNREAD.has(v)) continue;
    for (let p = v.path; !holding.has(p); p = p.slice(0, p.lastIndexOf("/"))) {
      holding.add(p);
      if (p === "") break;
    }
  }
  // A whole item's `duplicate` is at the item, a key's (`x-uniqueBy`) at the
  // key: either way, at the value compared.
  violations = violations.filter((v) => !(v.code === "duplicate" && holding.has(v.path)));
  const typed = new Set(violations.filter((v) => v.code === "type").map((v) => v.path));
  // A number outside its type or its `range` is that alone: Rust's integer
  // `one_of` leaves it to `range` (the walk cannot read a number past its
  // type), where the schema's `enum` fails beside `minimum`/`maximum`.
  const ranged = new Set(violations.filter((v) => v.code === "range").map((v) => v.path));
  // Each place (a path and a code) holds its first violation, then, once a
  // second comes, the JSON texts of those kept: two violations alike have
  // one path and one code, so a violation alone at its place is written
  // as JSON never.
  const seen = new Map();
  return violations.filter((v) => {
    if (typed.has(v.path) && v.code !== "type" && !keyRules.has(v)) return false;
    if (v.code === "enum" && ranged.has(v.path) && !keyRules.has(v)) return false;
    // A map key's violation and its value's may read the same (`/abc`,
    // max_bytes 3 of 2): two violations, as in Rust.
    const side = keyRules.has(v) ? "key " : "";
    const place = `${side}${v.code}\u0000${v.path}`;
    const there = seen.get(place);
    if (there === undefined) {
      seen.set(place, v);
      return true;
    }
    const ids = there instanceof Set ? there : new Set([jsonId(there)]);
    seen.set(place, ids);
    const id = jsonId(v);
    if (ids.has(id)) return false;
    ids.add(id);
    return true;
  });
}

/**
 * A violation's JSON text, for {@link tidy} to tell repeats: a `BigInt`
 * figure (a JS schema's, such as `x-typeRange: [0n, 255n]`) as its digits
 * in an object no violation holds, where `JSON.stringify` would throw.
 */
const jsonId = (v) => JSON.stringify(v, (_, x) => (typeof x === "bigint" ? { "\u0000bigint": String(x) } : x));

function isUnitEnum(schema) {
  return Array.isArray(schema?.oneOf) && schema.oneOf.every((b) => typeof b?.const === "string");
}

function unitEnum(path, data, branches) {
  if (typeof data !== "string") return typeError(path, "string", data);
  // The names, not their aliases (`x-aliasOf`), as the Rust crate lists them.
  return enumViolation(path, branches.filter((b) => b["x-aliasOf"] === undefined).map((b) => b.const));
}

/**
 * Whether the schema is a data enum's (`allOf` of one `if`/`then` per
 * variant), whose `type` lists every JSON type its variants read.
 */
export function isDataEnum(schema) {
  const parts = schema?.allOf;
  return Array.isArray(parts) && parts.length > 0 && parts.every((p) => p !== null && typeof p === "object" && "if" in p && "then" in p);
}

/** `["null", "string", "object"]` as the Rust crate says it: "null, string or object". */
function typeNames(types) {
  return types.length > 1 ? `${types.slice(0, -1).join(", ")} or ${types[types.length - 1]}` : types[0];
}

/**
 * The JSON type of a value, as the Rust crate names it: a whole number is an
 * `integer` within what serde_json reads as one (`i64::MIN` to `u64::MAX`),
 * a `number` past it (serde_json reads it as a float). `u64::MAX` and the
 * integers near it read as 2^64 in JavaScript, which is taken for `u64::MAX`
 * (as `bound` takes it), not for the first integer past it.
 */
function jsonType(value) {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number") return Number.isInteger(value) && value >= -(2 ** 63) && value <= 2 ** 64 ? "integer" : "number";
  return typeof value;
}

const plural = (n, one, many) => (n === 1 ? one : many);
/**
 * `s` quoted as a JSON string, with every character that could change how the message shows, or not
 * show at all, escaped too (past U+FFFF as its two UTF-16 halves): DEL and the C1 controls, the
 * bidirectional controls, the line and paragraph separators, the other default-ignorable code
 * points (zero-width spaces and joiners, the soft hyphen, variation selectors, tags) and the other
 * format characters (the Arabic number signs, the interlinear annotation marks, the Egyptian
 * hieroglyph format controls): the Rust crate's `Quoted`. A property name is the payload's text.
 */
const quoted = (s) =>
  JSON.stringify(s).replace(
    /[\u007f-\u009f\u00ad\u034f\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u2028-\u202e\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff0-\ufffb\u{110bd}\u{110cd}\u{13430}-\u{1343f}\u{1bca0}-\u{1bca3}\u{1d173}-\u{1d17a}\u{e0000}-\u{e0fff}]/gu,
    (c) => Array.from({ length: c.length }, (_, i) => `\\u${c.charCodeAt(i).toString(16).padStart(4, "0")}`).join(""),
  );

/** The English message of each code, from its figures: the Rust crate's `Display` for `Kind`. */
const MESSAGES = {
  max_bytes: ({ limit, bytes, chars }) =>
    `${bytes} bytes in UTF-8 (${chars} ${plural(chars, "character", "characters")}); at most ${limit} ${plural(limit, "byte", "bytes")}`,
  min_bytes: ({ limit, bytes }) =>
    `${bytes} ${plural(bytes, "byte", "bytes")} in UTF-8; at least ${limit} ${plural(limit, "byte", "bytes")}`,
  max_chars: ({ limit, chars }) =>
    `${chars} ${plural(chars, "character", "characters")}; at most ${limit} ${plural(limit, "character", "characters")}`,
  min_chars: ({ limit, chars }) =>
    `${chars} ${plural(chars, "character", "characters")}; at least ${limit} ${plural(limit, "character", "characters")}`,
  max_graphemes: ({ limit, graphemes }) =>
    `${graphemes} grapheme ${plural(graphemes, "cluster", "clusters")} (characters as a reader sees them); at most ${limit}`,
  min_graphemes: ({ limit, graphemes }) =>
    `${graphemes} grapheme ${plural(graphemes, "cluster", "clusters")} (characters as a reader sees them); at least ${limit}`,
  max_utf16: ({ limit, units }) => `${units} UTF-16 code ${plural(units, "unit", "units")} (JavaScript's length); at most ${limit}`,
  min_utf16: ({ limit, units }) =>
    `${units} UTF-16 code ${plural(units, "unit", "units")} (JavaScript's length); at least ${limit}`,
  enum: ({ allowed }) => `not an allowed value; expected one of ${allowed.map(quoted).join(", ")}`,
  charset: ({ offset, code_point }) =>
    `${code_point} (at the ${ordinal(offset + 1)} byte) is not printable ASCII; only 0x20 to 0x7E (English letters, digits, punctuation and space) is allowed`,
  ascii: ({ offset, code_point }) =>
    `${code_point} (at the ${ordinal(offset + 1)} byte) is not ASCII; only characters U+0000 to U+007F are allowed`,
  reserved_prefix: ({ prefix }) => `starts with ${quoted(prefix)}, a reserved prefix`,
  prefix: ({ prefix }) => `does not start with ${quoted(prefix)}`,
  suffix: ({ suffix }) => `does not end with ${quoted(suffix)}`,
  contains: ({ substring }) => `does not contain ${quoted(substring)}`,
  pattern: ({ pattern }) => `does not match the pattern ${pattern}`,
  format: ({ format }) => `not ${FORMAT_NOUNS[format] ?? `in the format ${quoted(format)}`}`,
  // `float` is read from the rest: it is there only when true (see `actualText`).
  range: ({ min, max, actual, ...rest }) =>
    (actual !== null ? `${actualText(actual, rest.float)} is out of range; ` : "the number is out of range; ") +
    (min !== null && max !== null
      ? `must be from ${bound(min)} to ${bound(max)}`
      : min !== null
        ? `must be at least ${bound(min)}`
        : max !== null
          ? `must be at most ${bound(max)}`
          : typeof actual === "string"
            ? "must be a finite number (JSON has no infinity or NaN)"
            : actual !== null
              ? "must be within what a 32-bit float holds (about ±3.4e38)"
              : "must be within what a 64-bit float holds (about ±1.8e308)"),
  max_items: ({ limit, items }) => `${items} ${plural(items, "item", "items")}; at most ${limit} ${plural(limit, "item", "items")}`,
  min_items: ({ limit, items }) =>
    `${items} ${plural(items, "item", "items")}; at least ${limit} ${plural(limit, "item", "items")}`,
  duplicate_key: ({ property }) => `property ${quoted(property)} appears more than once; only one may be given`,
  // Text that is not UTF-8 (`byte`, kept aside: the Rust crate's `Report::not_utf8`), or not JSON.
  syntax: (f) =>
    "byte" in f ? `not UTF-8: invalid byte sequence at the ${ordinal(f.byte)} byte` : `not valid JSON at line ${f.line}, column ${f.column}: ${f.reason}`,
  duplicate: ({ key, first }) =>
    key === null
      ? `same value as the ${ordinal(first + 1)} item (index ${first}); items must be unique`
      : `same ${key} as the ${ordinal(first + 1)} item (index ${first}); each must be unique`,
  unpaired_surrogate: ({ unit }) =>
    `holds an unpaired UTF-16 surrogate (\\u${unit}), which has no UTF-8 form; write the whole character, or remove it`,
  // A number where an integer goes (1.5; in Rust also 500.0, 1e3, -0).
  type: ({ expected, found }) =>
    expected === "integer" && found === "number"
      ? "expected integer, found a number written with a fraction, an exponent or as -0 (write an integer such as 500 or -5)"
      : `expected ${expected}, found ${found}`,
  required: ({ property }) => `missing required property ${quoted(property)}`,
  unknown_field: ({ property, suggestion }) =>
    `unknown property ${quoted(property)}` + (suggestion != null ? `; did you mean ${quoted(suggestion)}?` : ""),
};

/**
 * The codes of the Rust crate's `Kind`, in the order of `Kind::CODES` (a Rust
 * test holds them equal, in order, and equal to the keys of `MESSAGES`): the
 * order of violations at one path.
 */
const KIND_CODES = [
  "max_bytes", "min_bytes", "max_chars", "min_chars", "max_graphemes", "min_graphemes", "max_utf16",
  "min_utf16", "enum", "charset", "ascii", "reserved_prefix", "prefix", "suffix", "contains", "format",
  "pattern", "range", "max_items", "min_items", "duplicate", "duplicate_key", "syntax",
  "unpaired_surrogate", "type", "required", "unknown_field",
];

/**
 * Every code a violation from this package can carry: the Rust crate's
 * `Kind::CODES` and the create-group request's and response's own rules.
 */
export const CODES = Object.freeze([
  ...KIND_CODES, "customer_service_account", "ordinary_member", "max_member_count", "inconsistent_response",
]);

/** Whether `code` is one of `CODES`. */
export function isCode(code) {
  return CODES.includes(code);
}

/**
 * `violations` in the order of the Rust crate's `Report::sort`: by path (a
 * parent first; at one place an index before a name, indexes by number,
 * names by code point), then by code in the
 * order of `Kind::CODES` (other codes after, by name), then by the property
 * a violation names, then by the English message. Sort before `localize`.
 */
export function sortViolations(violations) {
  // A path is what the order is of: one that is not a string (a caller's
  // own violation) is named, whatever it would be compared with.
  const list = [...violations];
  for (const [i, v] of list.entries()) {
    if (typeof v?.path !== "string") throw new TypeError(`violation ${i} has no path (a JSON Pointer string)`);
  }
  return list.sort(
    (a, b) =>
      comparePaths(a.path, b.path) ||
      codeRank(a.code) - codeRank(b.code) ||
      compareText(a.code, b.code) ||
      compareText(a.property ?? "", b.property ?? "") ||
      compareText(a.message, b.message) ||
      compareFigures(a, b),
  );
}

/** Rare: one code twice at one path with one message (a field's own
 * message hides the figures): by the figures, name by name (in the order of
 * their names), as the Rust crate breaks the tie. */
function compareFigures(a, b) {
  const figures = (v) =>
    Object.keys(v)
      .filter((k) => k !== "path" && k !== "code" && k !== "message" && k !== "messages")
      .sort(compareText)
      .map((k) => [k, v[k]]);
  const [x, y] = [figures(a), figures(b)];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const order = compareText(x[i][0], y[i][0]) || compareFigure(x[i][1], y[i][1]);
    if (order) return order;
  }
  return x.length - y.length;
}

/** A value's JSON text, or its own text when it has none (a BigInt inside). */
function jsonText(v) {
  try {
    return JSON.stringify(v) ?? String(v);
  } catch {
    return String(v);
  }
}

/** One figure against another, as the Rust crate's `FigureKey`: null, then
 * booleans, numbers (by value: 1e16 and 10000000000000000, -0 and 0 are
 * one), strings (by code point), then anything else by its JSON text. */
function compareFigure(a, b) {
  const rank = (v) =>
    v === null || v === undefined ? 0 : typeof v === "boolean" ? 1 : typeof v === "number" || typeof v === "bigint" ? 2 : typeof v === "string" ? 3 : 4;
  const [ra, rb] = [rank(a), rank(b)];
  if (ra !== rb) return ra - rb;
  switch (ra) {
    case 1:
      return Number(a) - Number(b);
    case 2:
      return Number(a) < Number(b) ? -1 : Number(a) > Number(b) ? 1 : 0;
    case 3:
      return compareText(a, b);
    case 4:
      return compareText(jsonText(a), jsonText(b));
    default:
      return 0;
  }
}

const codeRank = (code) => {
  const i = KIND_CODES.indexOf(code);
  return i < 0 ? KIND_CODES.length : i;
};

/**
 * Two paths segment by segment, read in place (no list of segments made:
 * a report compares each path about log2(n) times). A path's segments:
 * none for the root, and the text after its first `/`, split at each `/`
 * (a path given without one, as Rust's `Violation::new` allows, starts at
 * once). At the first two that differ, an index (a map key such as "10"
 * too) comes before a name, indexes by number, names (unescaped) by code
 * point; else the one with fewer segments first: a total order, as in Rust.
 */
function comparePaths(a, b) {
  if (a === b) return 0;
  // Where each one's next segment starts, and whether it has one.
  let i = a.startsWith("/") ? 1 : 0;
  let j = b.startsWith("/") ? 1 : 0;
  let moreA = a !== "";
  let moreB = b !== "";
  while (moreA && moreB) {
    let endA = a.indexOf("/", i);
    if (endA < 0) endA = a.length;
    let endB = b.indexOf("/", j);
    if (endB < 0) endB = b.length;
    const x = a.slice(i, endA);
    const y = b.slice(j, endB);
    if (x !== y) {
      const [xIndex, yIndex] = [INDEX.test(x), INDEX.test(y)];
      const order =
        xIndex !== yIndex ? (xIndex ? -1 : 1) : xIndex ? compareIndex(x, y) : compareText(unescape(x), unescape(y));
      if (order) return order;
    }
    moreA = endA < a.length;
    moreB = endB < b.length;
    i = endA + 1;
    j = endB + 1;
  }
  return Number(moreA) - Number(moreB);
}

const INDEX = /^(0|[1-9][0-9]*)$/;
const compareIndex = (a, b) => (a.length - b.length) || (a < b ? -1 : a > b ? 1 : 0);
const unescape = (s) => (s.includes("~") ? s.replace(/~1/g, "/").replace(/~0/g, "~") : s);

/** Strings by code point (the order of their UTF-8 bytes, as Rust compares them). */
function compareText(a, b) {
  if (a === b) return 0;
  // Where neither of the first differing code units is a surrogate, each is
  // a code point, the first that differ (the units before are the same in
  // both, and so are the code points they make): their order is the
  // answer. So is the length, where one string is the other's start (a
  // high surrogate it ends on is below the pair the other holds there).
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  if (i === n) return a.length - b.length;
  const [u, w] = [a.charCodeAt(i), b.charCodeAt(i)];
  const surrogate = (c) => c >= 0xd800 && c <= 0xdfff;
  if (!surrogate(u) && !surrogate(w)) return u - w;
  return compareCodePoints(a, b);
}

/** {@link compareText} one code point at a time. */
function compareCodePoints(a, b) {
  const x = [...a];
  const y = [...b];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = x[i].codePointAt(0) - y[i].codePointAt(0);
    if (d) return d;
  }
  return x.length - y.length;
}

/** The messages of the create_group request's own rules, from their figures. */
const CUSTOM_EN = {
  customer_service_account: ({ service, owner }) =>
    owner
      ? "the owner is a second customer service account (MemberList holds one, and the server adds the owner to the members); only one is supported"
      : service === 0
        ? "no customer service account; exactly one is required (an owner that is one must be listed too)"
        : `${service} customer service accounts; exactly one is supported`,
  ordinary_member: () => "no member other than a customer service account; at least one is required",
  max_member_count: ({ max, initial, owner }) =>
    `${max} is below the ${initial} initial members${owner ? " (Owner_Account included: the server adds the owner)" : ""}; must be at least ${initial}`,
  inconsistent_response: ({ contradiction }) => ownProperty(INCONSISTENT_EN, contradiction),
  // The Rust client's own, outside CODES (this package reads no answer off
  // the network): here so that `localize` reads it.
  response_too_large: () => "the response is longer than 64 KiB; a create_group response is a few hundred bytes",
};

/** The response rule's messages (the Rust crate's `Contradiction::kind`). */
const INCONSISTENT_EN = {
  no_group_id: "ActionStatus OK and ErrorCode 0, but GroupId is missing or empty",
  ok_with_error: "ActionStatus OK with a non-zero ErrorCode",
  fail_without_error: "ActionStatus FAIL with ErrorCode 0",
  // The Rust client's own (it knows the request): never found here, read back by `localize`.
  other_group_id: "a GroupId other than the request's (not shown)",
};
const INCONSISTENT_ZH_CN = {
  no_group_id: "ActionStatus 为 OK、ErrorCode 为 0，GroupId 却缺失或为空",
  ok_with_error: "ActionStatus 为 OK，ErrorCode 却不是 0",
  fail_without_error: "ActionStatus 为 FAIL，ErrorCode 却是 0",
  other_group_id: "GroupId 与请求中的不同（不予显示）",
};

/** The JSON type names, in Chinese (the Rust crate's `i18n::json_type`). */
const TYPES_ZH_CN = {
  string: "字符串",
  integer: "整数",
  number: "数字",
  boolean: "布尔值",
  array: "数组",
  object: "对象",
  null: "null",
};

/**
 * A list of JSON types as `typeNames` writes it ("null, string or object"),
 * in Chinese: "null、字符串或对象" (the Rust crate's `i18n::json_types`).
 */
function typesZhCn(names) {
  const zh = (name) => ownProperty(TYPES_ZH_CN, name) ?? name;
  const at = names.lastIndexOf(" or ");
  if (at < 0) return zh(names);
  return `${names.slice(0, at).split(", ").map(zh).join("、")}或${afterHan(zh(names.slice(at + 4)))}`;
}

/**
 * `text` after a Chinese character: a space first where it starts with a
 * Latin letter or a digit ("应为 null"), as every message writes a figure
 * ("当前 102 字节"; the Rust crate's `i18n::after_han`).
 */
const afterHan = (text) => (/^[A-Za-z0-9]/.test(text) ? ` ${text}` : text);

/** What a string of each format is, in Chinese (the Rust crate's `i18n::format_noun`). */
const FORMAT_NOUNS_ZH_CN = {
  date: "日期（RFC 3339 完整日期，如 2026-11-30）",
  "date-time": "日期时间（RFC 3339，如 2026-11-30T08:00:00Z，须带时区）",
  email: "电子邮件地址",
  ipv4: "IPv4 地址",
  ipv6: "IPv6 地址",
  uri: "URI（RFC 3986，须带协议名，如 https:）",
  uuid: "UUID",
};

/**
 * The Simplified Chinese message of each code (the Rust crate's
 * `Locale::ZhCn`), written for the people who fill the forms: positions
 * count from 1, and a byte limit says what a byte is.
 */
const MESSAGES_ZH_CN = {
  // The aside on characters of several bytes (Chinese, emoji) only where the text has some (ASCII is a byte a character).
  max_bytes: ({ limit, bytes, chars }) =>
    `最多 ${limit} 字节（UTF-8 编码${bytes === chars ? "" : "，一个汉字占 3 字节，表情大多占 4 字节"}），当前 ${bytes} 字节（${chars} 个字符）`,
  min_bytes: ({ limit, bytes }) => `至少 ${limit} 字节（UTF-8 编码），当前 ${bytes} 字节`,
  max_chars: ({ limit, chars }) => `最多 ${limit} 个字符，当前 ${chars} 个`,
  min_chars: ({ limit, chars }) => `至少 ${limit} 个字符，当前 ${chars} 个`,
  max_graphemes: ({ limit, graphemes }) => `最多 ${limit} 个字（按屏幕上看到的字计，一个表情算一个），当前 ${graphemes} 个`,
  min_graphemes: ({ limit, graphemes }) => `至少 ${limit} 个字（按屏幕上看到的字计，一个表情算一个），当前 ${graphemes} 个`,
  max_utf16: ({ limit, units }) => `最多 ${limit} 个 UTF-16 码元（即 JavaScript 的 length），当前 ${units} 个`,
  min_utf16: ({ limit, units }) => `至少 ${limit} 个 UTF-16 码元（即 JavaScript 的 length），当前 ${units} 个`,
  enum: ({ allowed }) => `不是允许的值；应为以下之一：${allowed.map(quoted).join("、")}`,
  charset: ({ offset, code_point }) =>
    `第 ${offset + 1} 个字节处的字符 ${code_point} 不是可打印 ASCII 字符；只允许英文字母、数字、英文标点和空格（0x20–0x7E）`,
  ascii: ({ offset, code_point }) => `第 ${offset + 1} 个字节处的字符 ${code_point} 不是 ASCII 字符；只允许 U+0000–U+007F`,
  reserved_prefix: ({ prefix }) => `不能以 ${quoted(prefix)} 开头：这是保留前缀`,
  prefix: ({ prefix }) => `应以 ${quoted(prefix)} 开头`,
  suffix: ({ suffix }) => `应以 ${quoted(suffix)} 结尾`,
  contains: ({ substring }) => `应包含 ${quoted(substring)}`,
  pattern: ({ pattern }) => `不符合要求的格式（正则表达式 ${pattern}）`,
  format: ({ format }) => (FORMAT_NOUNS_ZH_CN[format] ? `不是有效的${afterHan(FORMAT_NOUNS_ZH_CN[format])}` : `不符合格式 ${quoted(format)}`),
  range: ({ min, max, actual, ...rest }) =>
    (actual !== null ? `${actualText(actual, rest.float)} 超出范围；` : "数值超出范围；") +
    (min !== null && max !== null
      ? `应在 ${bound(min)} 到 ${bound(max)} 之间`
      : min !== null
        ? `应不小于 ${bound(min)}`
        : max !== null
          ? `应不大于 ${bound(max)}`
          : typeof actual === "string"
            ? "应为有限数值（JSON 不能表示无穷大或 NaN）"
            : actual !== null
              ? "应在 32 位浮点数能表示的范围内（约 ±3.4e38）"
              : "应在 64 位浮点数能表示的范围内（约 ±1.8e308）"),
  max_items: ({ limit, items }) => `最多 ${limit} 项，当前 ${items} 项`,
  min_items: ({ limit, items }) => `至少 ${limit} 项，当前 ${items} 项`,
  duplicate_key: ({ property }) => `字段 ${quoted(property)} 重复出现；只能出现一次`,
  syntax: (f) =>
    "byte" in f
      ? `不是 UTF-8 文本：第 ${f.byte} 个字节起的字节序列无效`
      : `不是有效的 JSON：第 ${f.line} 行第 ${f.column} 列，${ownProperty(SYNTAX_REASONS_ZH_CN, f.reason) ?? f.reason}`,
  duplicate: ({ key, first }) =>
    key === null
      ? `与第 ${first + 1} 项（下标 ${first}）相同；各项不能重复`
      : `${key} 与第 ${first + 1} 项（下标 ${first}）相同；${key} 不能重复`,
  unpaired_surrogate: ({ unit }) => `含有不成对的 UTF-16 代理项（\\u${unit}），无法转为 UTF-8；请写出完整的字符，或删除它`,
  type: ({ expected, found }) =>
    expected === "integer" && found === "number"
      ? "类型错误：应为整数，实际写成了小数、指数形式或 -0（请写作 500、-5 这样的整数）"
      : `类型错误：应为${afterHan(typesZhCn(expected))}，实际为${afterHan(ownProperty(TYPES_ZH_CN, found) ?? found)}`,
  required: ({ property }) => `缺少必填字段 ${quoted(property)}`,
  unknown_field: ({ property, suggestion }) => `未知字段 ${quoted(property)}` + (suggestion != null ? `；是不是想写 ${quoted(suggestion)}？` : ""),
  customer_service_account: ({ service, owner }) =>
    owner
      ? "群主是另一个客服账号（MemberList 中已有一个，服务端又会把群主加入群成员）；一个群组只能有一个客服账号"
      : service === 0
        ? "没有客服账号；成员中必须恰好有一个客服账号（群主若是客服账号，也须列在 MemberList 中）"
        : `有 ${service} 个客服账号；只能有一个`,
  ordinary_member: () => "没有客服账号以外的成员；至少需要一个",
  max_member_count: ({ max, initial, owner }) =>
    `${max} 小于初始成员数 ${initial}${owner ? "（含群主：服务端会把群主加入群成员）" : ""}；应不小于 ${initial}`,
  inconsistent_response: ({ contradiction }) => ownProperty(INCONSISTENT_ZH_CN, contradiction),
  response_too_large: () => "应答超过 64 KiB；create_group 的应答通常只有几百字节",
};

/** A syntax error's reason in Chinese, the Rust crate's `syntax_reason_zh` (serde_json's reasons and its own). */
const SYNTAX_REASONS_ZH_CN = {
  "the text ends before the list is closed": "数组尚未结束，文本就结束了",
  "the text ends before the object is closed": "对象尚未结束，文本就结束了",
  "the text ends before the string is closed": "字符串尚未结束，文本就结束了",
  "the text ends where a value should be": "此处应有一个值，文本却结束了",
  "expected `:`": "此处应为 `:`",
  "expected `,` or `]`": "此处应为 `,` 或 `]`",
  "expected `,` or `}`": "此处应为 `,` 或 `}`",
  "expected true, false or null": "此处应为 true、false 或 null",
  "expected a value": "此处应为一个值",
  'expected `"`': '此处应为 `"`',
  "invalid escape": "转义序列无效",
  "invalid number": "数字无效",
  "number out of range": "数字超出范围",
  "invalid unicode code point": "Unicode 码位无效",
  "control character (\\u0000-\\u001F) found while parsing a string": "字符串中含有控制字符（\\u0000-\\u001F），须写成转义序列",
  "key must be a string": "字段名必须是字符串",
  "lone leading surrogate in hex escape": "\\u 转义中有不成对的高位代理项",
  "trailing comma": "末尾多了一个逗号",
  "trailing characters": "JSON 值之后还有多余的字符",
  "unexpected end of hex escape": "\\u 转义不完整",
  "recursion limit exceeded": "嵌套层数超过上限",
  "the text starts with a byte order mark (U+FEFF); JSON text must not": "文本以字节顺序标记（U+FEFF）开头；JSON 文本不能以它开头",
};

/** The catalogs, by locale. */
const CATALOGS = { en: { ...MESSAGES, ...CUSTOM_EN }, "zh-CN": MESSAGES_ZH_CN };

/** The locales of the messages: English (the default) and Simplified Chinese. */
export const LOCALES = Object.freeze(["en", "zh-CN"]);

/**
 * The locale `tag` names: `"en"` or `"zh-CN"` (also `zh`, `zh_CN`,
 * `zh-Hans`, in any case), `"en"` when absent, as the Rust crate's
 * `Locale::from_str`.
 */
function localeOf(tag) {
  if (tag === undefined || tag === null) return "en";
  if (typeof tag !== "string") throw new TypeError(`a locale is a string ("en" or "zh-CN"), not ${Array.isArray(tag) ? "an array" : `a ${typeof tag}`}`);
  const t = tag.replace(/_/g, "-").toLowerCase();
  if (t === "en" || t === "en-us" || t === "en-gb") return "en";
  if (["zh", "zh-cn", "zh-hans", "zh-hans-cn", "zh-sg", "zh-hans-sg", "zh-my", "zh-hans-my"].includes(t)) return "zh-CN";
  // Traditional Chinese (zh-TW, zh-HK, zh-Hant) has no messages here.
  throw new TypeError(`unknown locale ${JSON.stringify(tag)}; expected "en" or "zh-CN" (Simplified Chinese: zh, zh-Hans, zh-SG; there are no Traditional Chinese messages)`);
}

/** The codes of a document's shape, which a field's own message does not replace (as `Kind::is_shape`). */
const SHAPE_CODES = new Set(["syntax", "unpaired_surrogate", "type", "required", "unknown_field", "duplicate_key"]);

/** A field's own messages (`x-message`), by violation. */
const OWN_MESSAGES = new WeakMap();

/**
 * The field's own messages (`x-message`) for a violation of `code`: its
 * rule's (`codes`, by code: `message(max_bytes, en = "...")` in Rust), or
 * the field's for its other rules (`en`, `zh-CN`), or `undefined`.
 */
function ownMessages(xMessage, code) {
  const forCode = ownProperty(xMessage.codes ?? {}, code);
  if (forCode !== undefined) return forCode;
  return typeof xMessage.en === "string" || typeof xMessage["zh-CN"] === "string" ? xMessage : undefined;
}

/** `v` with the field's own English message, if its schema (`x-message`) gives one for a violation of its rules. */
function withOwnMessage(v, schema) {
  const xMessage = schema?.["x-message"];
  if (!v || !xMessage || SHAPE_CODES.has(v.code)) return v;
  // A number outside its type too (refused as it is read, before the
  // field's rules): one field, one rule's words, as in Rust; but for one
  // this package cannot show as it is (an integer past ±(2^53 - 1), which
  // JavaScript rounds: `actual` is null), which keeps the default words,
  // which need not show it, as in Rust (`Report::set_messages`).
  if (v.code === "range" && v.actual === null) return v;
  const own = ownMessages(xMessage, v.code);
  if (own === undefined) return v;
  OWN_MESSAGES.set(v, own);
  if (typeof own.en === "string") v.message = render(own.en, v);
  return withEveryLocale(v);
}

/**
 * `template` with each `{figure}` replaced by the violation's figure (a list
 * joined by ", ", a number as JSON writes it), as the Rust crate's
 * `Messages`; an unknown name stays as written.
 */
function render(template, v) {
  const { path, code, message, messages, ...figures } = v;
  const float = HIDDEN.get(v)?.float;
  return template.replace(/\{([^{}]*)\}/g, (whole, name) =>
    !Object.prototype.hasOwnProperty.call(figures, name)
      ? whole
      : name === "actual" && typeof figures.actual === "number"
        ? actualText(figures.actual, float)
        : figureText(figures[name], name),
  );
}

/** A figure in a message, as the Rust crate writes it (a number as its messages write one). */
function figureText(value, name) {
  if (value === null || value === undefined) return "";
  if (Array.isArray(value)) return value.map((v) => figureText(v, name)).join(", ");
  if (typeof value === "string") return value;
  if (typeof value === "number") return name === "min" || name === "max" ? bound(value) : rustNumber(value);
  return JSON.stringify(value);
}

/**
 * A Rust `char`'s schema (one character, and no rule of desk-schema's):
 * a field read whole, whose only fault is not being its type.
 */
function isChar(schema) {
  return (
    schema.minLength === 1 &&
    schema.maxLength === 1 &&
    !Object.keys(schema).some((k) => k.startsWith("x-") && k !== "x-message" && k !== "x-readWhole")
  );
}

/** A field read whole (a `char`, or `#[desk(skip)]`) that is not its type: the Rust crate's words, with no figures. */
function wholeField(path) {
  const v = { path, code: "type", message: "does not match the field's type" };
  OWN_MESSAGES.set(v, { en: v.message, "zh-CN": "与字段的类型不符" });
  return withEveryLocale(v);
}

/**
 * `v`, whose message is its own words rather than its code's written from
 * the figures (a field's own message, a create_group rule's), with that
 * message in every locale (`messages`, by tag), as the Rust crate's JSON
 * carries it: a reader in another language, or a copy, has it.
 */
function withEveryLocale(v) {
  v.messages = Object.fromEntries(LOCALES.map((l) => [l, localized(v, l, CATALOGS[l]).message]));
  return v;
}

/** `v`'s message in `lang` from its `messages`, if it carries a string there. */
function carried(v, lang) {
  const every = v.messages;
  if (every === null || typeof every !== "object" || !Object.prototype.hasOwnProperty.call(every, lang)) return undefined;
  return typeof every[lang] === "string" ? every[lang] : undefined;
}

/** The figures of a custom rule's violation, which its object does not show (as in Rust). */
const HIDDEN = new WeakMap();

/** A violation of a create_group rule: its figures are in the message only, as in Rust. */
function custom(path, code, figures) {
  const v = { path, code, message: CUSTOM_EN[code](figures) };
  HIDDEN.set(v, figures);
  return withEveryLocale(v);
}

/**
 * `violations` with their messages in `locale` (`"en"` or `"zh-CN"`). A
 * violation that carries its message in every locale (`messages`: its own
 * words, as the Rust crate's JSON and this package's violations give them)
 * takes it from there, whatever its figures say. The figures a violation's
 * object does not show (a syntax error's reason, which the Rust crate's JSON
 * leaves out) are kept aside; on a copy (JSON, `structuredClone`,
 * `postMessage`) or the Rust crate's JSON, they are read back from the
 * message ([`readBack`]).
 */
export function localize(violations, locale) {
  return localizeWith(violations, locale, false);
}

/**
 * {@link localize} of violations this package has just made, which no
 * caller has held yet (the last step of `validateRequest`, `toViolations`
 * and the like): English asked of one worded in English from figures it
 * shows is that violation, where `localize` gives a copy that reads the
 * same (a caller's violation may have lost a property, or be frozen).
 */
export function localizeMade(violations, locale) {
  return localizeWith(violations, locale, true);
}

function localizeWith(violations, locale, made) {
  // English too: violations localized before come back from their figures.
  const lang = localeOf(locale);
  const catalog = CATALOGS[lang];
  return violations.map((v) => {
    try {
      return localized(v, lang, catalog, made);
    } catch {
      // A writer that does arithmetic with a figure read back exactly (a
      // `BigInt`): the message stays as it is.
      return v;
    }
  });
}

/**
 * The marks the CLI's JSON writes in place of a string it does not show (a
 * property's name that may be a UserSig, in `message`, `property` and any
 * other figure), in each language: `desk-schema validate --lang zh-CN`
 * writes the second. `localize` gives the mark in the language asked.
 */
const NOT_SHOWN = Object.freeze({ en: "<not shown: it may be a secret>", "zh-CN": "<不予显示：可能是密钥>" });

function isNotShown(value) {
  return value === NOT_SHOWN.en || value === NOT_SHOWN["zh-CN"];
}

/** `v` with each of the CLI's not-shown marks in `lang`'s words (a copy, if one changes). */
function notShownIn(v, lang) {
  let out = v;
  for (const [key, value] of Object.entries(v)) {
    if (isNotShown(value) && value !== NOT_SHOWN[lang]) {
      if (out === v) out = { ...v };
      out[key] = NOT_SHOWN[lang];
    }
  }
  return out;
}

/** One violation of {@link localize}; `made` as for {@link localizeMade}. */
function localized(v, lang, catalog, made) {
  // A message the CLI did not show (the property it names may be a
  // secret) has nothing to be written from: its mark, in this language.
  if (isNotShown(v.message)) return notShownIn(v, lang);
  // Its own words in every locale, as the Rust crate's JSON and this
  // package's violations carry them.
  const given = carried(v, lang);
  if (given !== undefined) return given === v.message ? v : { ...v, message: given };
  // English asked of a violation just made, worded in English from figures
  // it shows, which still write that message: what follows would write a
  // copy of it that reads the same.
  if (made && lang === "en" && HIDDEN.get(v) === SHOWN && !OWN_MESSAGES.has(v) && writesItsMessage(v)) return v;
  const { path, code, message, messages, ...figures } = v;
  const own = OWN_MESSAGES.get(v)?.[lang];
  const write = ownProperty(catalog, code);
  if (own === undefined && !write) return v;
  const hidden = HIDDEN.get(v) ?? (own === undefined ? readBack(code, message, figures) : undefined);
  let all = { ...figures, ...hidden };
  // An integer past 2^53 that JSON rounded: its digits as the message
  // writes them, where it reads as this code's message with that number.
  if (own === undefined && typeof message === "string") all = withExactIntegers(code, message, all);
  // Only a message its figures write, in either language, is written
  // again: a field's own message (the CLI's JSON carries no mark of it)
  // is not the rule's, and a figure JSON rounded (an integer past 2^53)
  // whose digits the message does not give back would write another
  // number; either stays as it is. A violation with no message yet gets
  // one from its figures.
  if (own === undefined && !OWN_MESSAGES.has(v) && message !== "" && message != null) {
    const source = LOCALES.some((l) => {
      const w = ownProperty(CATALOGS[l], code);
      return w !== undefined && written(w, all) === message;
    });
    if (!source) return v;
  }
  const text = own !== undefined ? render(own, v) : written(write, all);
  // A figure the message needs is not there (a copy lost the ones kept
  // aside, or the Rust crate wrote none): the message stays as it is.
  if (text === undefined) return v;
  // `messages` that give no text in this locale are kept as they came.
  const out = messages === undefined ? { path, code, message: text, ...figures } : { path, code, message: text, ...figures, messages };
  if (hidden !== undefined) HIDDEN.set(out, hidden);
  if (OWN_MESSAGES.has(v)) OWN_MESSAGES.set(out, OWN_MESSAGES.get(v));
  return out;
}

/**
 * Whether the English writer of `v`'s code, given the figures `v` shows,
 * writes `v`'s message (not empty). Then {@link localized} in English gives
 * `v` or a copy that reads the same: the figures write that message in
 * English, so its source test passes, and its text is that message or,
 * when a figure the writer reads is not there, `v` itself.
 */
function writesItsMessage(v) {
  const write = ownProperty(CATALOGS.en, v.code);
  if (write === undefined || typeof v.message !== "string" || v.message === "") return false;
  try {
    // The violation itself as the figures: a writer reads its figures by
    // name, and no figure of a violation `make` made is named `path`,
    // `code` or `message` (it would have written over the violation's own).
    return write(v) === v.message;
  } catch {
    return false;
  }
}

/**
 * `figures` with each integer JSON rounded (past 2^53: not a safe integer)
 * as the `BigInt` of the digits `message` writes where `code`'s message, in
 * either language, writes that figure, when those digits round to it and
 * the rest of the message is the same; `figures` as they are otherwise.
 */
function withExactIntegers(code, message, figures) {
  const rounded = Object.keys(figures).filter((name) => {
    const value = figures[name];
    return typeof value === "number" && Number.isInteger(value) && !Number.isSafeInteger(value);
  });
  if (rounded.length === 0) return figures;
  for (const lang of LOCALES) {
    const write = ownProperty(CATALOGS[lang], code);
    if (write === undefined) continue;
    // The message with each such figure written as a number no message
    // holds (a `BigInt` is written as its digits), to find where it stands.
    const markers = rounded.map((_, i) => SENTINEL + BigInt(i));
    const marked = { ...figures, ...Object.fromEntries(rounded.map((name, i) => [name, markers[i]])) };
    let template;
    try {
      template = written(write, marked);
    } catch {
      continue;
    }
    if (template === undefined) continue;
    const texts = markers.map(String);
    if (texts.some((m) => template.split(m).length !== 2)) continue;
    const pattern = template
      .split(new RegExp(`(${texts.join("|")})`))
      .map((part) => (texts.includes(part) ? "(-?[0-9]+)" : literally(part)))
      .join("");
    const found = new RegExp(`^${pattern}$`, "s").exec(message);
    if (found === null) continue;
    // Each figure by the marker's order in the message.
    const order = texts
      .map((m, i) => [template.indexOf(m), rounded[i]])
      .sort((a, b) => a[0] - b[0])
      .map(([, name]) => name);
    if (order.every((name, i) => Number(found[i + 1]) === figures[name])) {
      return { ...figures, ...Object.fromEntries(order.map((name, i) => [name, BigInt(found[i + 1])])) };
    }
  }
  return figures;
}

/** `text` as a regular expression that matches it alone. */
const literally = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** A figure no message holds, written as its 41 digits. */
const SENTINEL = 10n ** 40n + 7n;

/** A figure read back from a message: a number, or text. */
const NUMBER = Symbol("number");
const TEXT = Symbol("text");

/**
 * The figures of each message whose object does not show them all, as
 * shapes to read the message back against: a fixed value, or a slot
 * (`NUMBER`, `TEXT`) read from where the message writes it.
 */
const READ_BACK = {
  customer_service_account: [
    { service: null, owner: true },
    { service: 0, owner: false },
    { service: NUMBER, owner: false },
  ],
  ordinary_member: [{}],
  response_too_large: [{}],
  // A float's figure is written `2.0` when whole (kept aside: JSON has no
  // mark of it).
  range: [{ float: true }, {}],
  max_member_count: [
    { max: NUMBER, initial: NUMBER, owner: true },
    { max: NUMBER, initial: NUMBER, owner: false },
  ],
  inconsistent_response: Object.keys(INCONSISTENT_EN).map((contradiction) => ({ contradiction })),
  syntax: [{ line: NUMBER, column: NUMBER, reason: TEXT }, { byte: NUMBER }],
};

/** Each syntax error's reason by its Chinese. */
const REASON_OF_ZH_CN = new Map(Object.entries(SYNTAX_REASONS_ZH_CN).map(([en, zh]) => [zh, en]));

/**
 * The figures `message` was written from, by `code`'s message in either
 * language, given the figures the object shows; `undefined` when it reads
 * as none of them. Each shape is written with a marker in each slot, the
 * text around the markers must be the message's, and the figures read must
 * write the message again: only a message this package (or the Rust crate)
 * wrote reads back.
 */
function readBack(code, message, shown) {
  for (const lang of LOCALES) {
    const write = ownProperty(CATALOGS[lang], code);
    for (const shape of ownProperty(READ_BACK, code) ?? []) {
      const marked = { ...shape, ...shown };
      const slots = Object.keys(shape).filter((k) => typeof marked[k] === "symbol");
      for (const k of slots) marked[k] = `\u0000${k}\u0000`;
      const template = written(write, marked);
      if (template === undefined) continue;
      const seen = new Set();
      // Split at this shape's own markers only: a figure shown in the
      // object is text, whatever it holds.
      const parts =
        slots.length === 0 ? [template] : template.split(new RegExp(`(${slots.map((k) => `\u0000${k}\u0000`).join("|")})`));
      const pattern = parts
        .map((part, i) => {
          if (i % 2 === 0) return literally(part);
          const name = part.slice(1, -1);
          // A number written as an ordinal (`the 2nd byte`): the marker
          // took "th"; any suffix reads, the writing again checks it.
          let ordinal = "";
          if (shape[name] === NUMBER && parts[i + 1].startsWith("th")) {
            parts[i + 1] = parts[i + 1].slice(2);
            ordinal = "(?:st|nd|rd|th)";
          }
          if (seen.has(name)) return `\\k<${name}>${ordinal}`;
          seen.add(name);
          return (shape[name] === NUMBER ? `(?<${name}>-?\\d+)` : `(?<${name}>[^]*)`) + ordinal;
        })
        .join("");
      const found = new RegExp(`^${pattern}$`, "u").exec(message);
      if (!found) continue;
      const figures = { ...shape, ...shown };
      for (const k of slots) {
        const text = found.groups[k];
        figures[k] = shape[k] === NUMBER ? Number(text) : lang === "zh-CN" && code === "syntax" ? (REASON_OF_ZH_CN.get(text) ?? text) : text;
      }
      if (written(write, figures) === message) return figures;
    }
  }
  return undefined;
}

/** The message `write` makes of `figures`, or `undefined` when it reads a figure that is not there. */
function written(write, figures) {
  let missing = false;
  const read = new Proxy(figures, {
    get(target, name) {
      if (typeof name === "string" && !(name in target)) missing = true;
      return target[name];
    },
  });
  const text = write(read);
  return missing ? undefined : text;
}

/** A 1-based position as English writes it: `1st`, `2nd`, `3rd`, `11th` (the Rust crate's `Ordinal`). */
function ordinal(n) {
  const suffix = n % 100 >= 11 && n % 100 <= 13 ? "th" : ({ 1: "st", 2: "nd", 3: "rd" }[n % 10] ?? "th");
  return `${n}${suffix}`;
}

/** What a string of each format is, for a message: the Rust crate's `Format::noun`. */
const FORMAT_NOUNS = {
  date: "a date (RFC 3339 full-date, such as 2026-11-30)",
  "date-time": "a date and time (RFC 3339, such as 2026-11-30T08:00:00Z, with a time zone)",
  email: "an email address",
  ipv4: "an IPv4 address",
  ipv6: "an IPv6 address",
  uri: "a URI (RFC 3986, with a scheme)",
  uuid: "a UUID",
};

/** A violation with its figures, worded by `MESSAGES`: `{path, code, message, ...figures}`. */
function make(path, code, figures) {
  const v = { path, code, message: MESSAGES[code](figures), ...figures };
  // Every figure is shown: `localize` has none to read back from the message.
  HIDDEN.set(v, SHOWN);
  return v;
}

/** The hidden figures of a violation that shows them all: none. */
const SHOWN = Object.freeze({});

const enumViolation = (path, allowed) => make(path, "enum", { allowed });
const typeError = (path, expected, data) => make(path, "type", { expected, found: jsonType(data) });

/** The codes of the length keywords, whose `params` are the figures. */
const KEYWORD_CODES = {
  "x-maxBytes": "max_bytes",
  "x-minBytes": "min_bytes",
  "x-maxGraphemes": "max_graphemes",
  "x-minGraphemes": "min_graphemes",
  "x-maxUtf16": "max_utf16",
  "x-minUtf16": "min_utf16",
};

/** The patterns of the character-set rules, by the code each reports. */
const CHARSET_PATTERNS = { "^[ -~]*$": "charset", "^[\\x00-\\x7F]*$": "ascii" };

/** One Ajv error as a violation, or null when another error says it. */
function violation(e) {
  // An error of a map key's rule (`propertyNames`) is at the entry, as in Rust.
  const path = e.propertyName === undefined ? e.instancePath : `${e.instancePath}/${escape(e.propertyName)}`;
  const schema = e.parentSchema ?? {};
  const data = e.data;
  switch (e.keyword) {
    case "type":
      // A data enum names every type its variants read; an `Option`'s
      // `null` goes unsaid, as in Rust.
      return isDataEnum(schema)
        ? typeError(path, typeNames(String(e.params.type).split(",")), data)
        : typeError(path, String(e.params.type).split(",").find((t) => t !== "null") ?? "null", data);
    case "required":
      return make(path, "required", { property: e.params.missingProperty });
    case "additionalProperties": {
      const property = e.params.additionalProperty;
      const suggestion = closest(property, knownNames(schema)) ?? null;
      return make(path, "unknown_field", { property, suggestion });
    }
    case "enum":
      // An `Option`'s `null` is not one of the names.
      return schema.type === undefined || typeof data === "string" || schema.enum.every((a) => typeof a !== "string")
        ? enumViolation(path, schema.enum.filter((a) => a !== null))
        : typeError(path, "string", data);
    case "const":
      return enumViolation(path, [schema.const]);
    // The desk-schema keywords report their figures in `params`.
    case "x-maxBytes":
    case "x-minBytes":
    case "x-maxGraphemes":
    case "x-minGraphemes":
    case "x-maxUtf16":
    case "x-minUtf16":
      return make(path, KEYWORD_CODES[e.keyword], e.params);
    case "maxLength":
    case "minLength": {
      if (isChar(schema)) return wholeField(path);
      // A character rule says so with `x-maxChars` / `x-minChars`; without
      // one, the length is only the sound bound of a byte, UTF-16 or
      // grapheme limit, whose own keyword reports it.
      const max = e.keyword === "maxLength";
      const limit = schema[max ? "x-maxChars" : "x-minChars"];
      const chars = charCount(data);
      if (limit === undefined || (max ? chars <= limit : chars >= limit)) return null;
      return make(path, max ? "max_chars" : "min_chars", { limit, chars });
    }
    case "pattern": {
      const charset = CHARSET_PATTERNS[e.params.pattern];
      if (charset) return make(path, charset, charsetFigures(data, charset));
      if (typeof schema["x-prefix"] === "string") return make(path, "prefix", { prefix: schema["x-prefix"] });
      if (typeof schema["x-suffix"] === "string") return make(path, "suffix", { suffix: schema["x-suffix"] });
      if (typeof schema["x-contains"] === "string") return make(path, "contains", { substring: schema["x-contains"] });
      // The pattern as the rule wrote it (`x-pattern`, where the schema's
      // spells `.` out as its class), as in Rust.
      const written = schema["x-pattern"];
      return make(path, "pattern", { pattern: typeof written === "string" ? written : e.params.pattern });
    }
    case "not": {
      const pattern = schema.not?.pattern;
      if (typeof pattern === "string" && pattern.startsWith("^")) {
        return make(path, "reserved_prefix", { prefix: pattern.slice(1).replace(/\\(.)/g, "$1") });
      }
      return unknownKeyword(e);
    }
    case "format":
      return make(path, "format", { format: e.params.format });
    case "minimum":
    case "maximum":
    case "exclusiveMinimum":
    case "exclusiveMaximum": {
      const { float, ...figures } = range(schema, data);
      if (!float) return make(path, "range", figures);
      // The figure is a float in Rust (`3.0`): kept aside, as its messages
      // need it and its JSON does not say it.
      const v = { path, code: "range", message: MESSAGES.range({ ...figures, float }), ...figures };
      HIDDEN.set(v, { float });
      return v;
    }
    case "minItems":
    case "maxItems":
    case "minProperties":
    case "maxProperties":
      // A map's entries count as its items, as in Rust.
      return make(path, e.keyword.startsWith("max") ? "max_items" : "min_items", {
        limit: e.params.limit,
        items: Array.isArray(data) ? data.length : Object.keys(data).length,
      });
    case "x-uniqueBy": {
      const { key, index, first } = e.params;
      return make(`${path}/${index}/${escape(key)}`, "duplicate", { key, first });
    }
    case "uniqueItems":
      // Ajv names one pair: every repeat is reported, at its index, with
      // the first item it repeats (as in Rust).
      return repeats(data).map(([index, first]) => make(`${path}/${index}`, "duplicate", { key: null, first }));
    case "x-maxMemberCount": {
      // A custom rule: its figures are in the message only, as in Rust.
      const { max, initial, owner } = e.params;
      return custom(path, "max_member_count", { max, initial, owner });
    }
    default:
      return unknownKeyword(e);
  }
}

/** Whether `violation` gives the error a code (or another error says it), rather than refusing it. */
function hasCode(e) {
  if (e.keyword === "not") {
    return typeof e.parentSchema?.not?.pattern === "string" || isResponseRuleError(e) || isOwnerRuleError(e);
  }
  return KNOWN_KEYWORDS.has(e.keyword);
}

const KNOWN_KEYWORDS = new Set([
  "type", "required", "additionalProperties", "enum", "const", "x-maxBytes", "x-minBytes",
  "x-maxGraphemes", "x-minGraphemes", "x-maxUtf16", "x-minUtf16", "maxLength", "minLength",
  "pattern", "format", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "minItems",
  "maxItems", "minProperties", "maxProperties", "x-uniqueBy", "uniqueItems", "x-maxMemberCount",
]);

/**
 * An error of a keyword desk-schema does not emit: the schema is not one it
 * wrote, and no stable code says what went wrong, so refuse rather than
 * guess (a code outside `CODES` never leaves the package).
 */
function unknownKeyword(e) {
  throw new Error(
    `toViolations: the keyword \`${e.keyword}\` (at ${e.schemaPath}) is not one desk-schema emits; ` +
      "use a schema that desk-schema wrote, or read this error from Ajv yourself",
  );
}

function escape(segment) {
  return String(segment).replace(/~/g, "~0").replace(/\//g, "~1");
}

/**
 * The figures of the first character outside printable ASCII (`charset`)
 * or ASCII (`ascii`): the UTF-8 offset of its first byte, and its code
 * point (`U+00E9`), as the Rust crate says it.
 */
function charsetFigures(s, code) {
  const low = code === "charset" ? 0x20 : 0;
  const high = code === "charset" ? 0x7e : 0x7f;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < low || c > high) {
      const point = s.codePointAt(i);
      return { offset: utf8Length(s.slice(0, i)), code_point: `U+${hex(point)}` };
    }
  }
  return { offset: 0, code_point: "U+0000" };
}

/**
 * The largest double an `f32` holds (the next one converts to infinity):
 * the bounds of an `f32`'s schema, as the Rust crate writes them.
 */
const F32_EDGE = 3.4028235677973362e38;

/**
 * The bounds of a number's type: `x-typeRange` when a `range` rule is
 * tighter, otherwise the schema's own bounds (an integer's, or an `f32`'s);
 * an `f64` has none.
 */
function typeBounds(schema) {
  if (schema["x-typeRange"]) return schema["x-typeRange"];
  if (isFloat(schema) && schema.maximum !== F32_EDGE) return [null, null];
  return [schema.minimum ?? null, schema.maximum ?? null];
}

/** Whether `data` lies outside its number type (see `typeBounds`). */
function outsideType(schema, data) {
  const [lo, hi] = typeBounds(schema);
  return (lo !== null && data < lo) || (hi !== null && data > hi);
}

/**
 * The figures of a number outside its bounds, as the Rust crate names them
 * (`rules::range::narrow_outside`): outside an integer type, the bounds it
 * must lie within (the type's, narrowed by a `range` rule's: the schema's
 * own `minimum` and `maximum`); past an `f32`, the rule's when it has a bound
 * on that side, otherwise none (the message names the type); inside its type,
 * the `range` rule's.
 */
function range(schema, data) {
  const [typeMin, typeMax] = typeBounds(schema);
  const outside = outsideType(schema, data);
  const single = isFloat(schema) && typeMax === F32_EDGE;
  // An `f32`'s bounds are the doubles that round within the rule's integer
  // bounds (`rules::range::schema`): the rule's are those integers. Its
  // figure is the value as an `f32` holds it, as in Rust.
  const rule = (bound, type, lower) => {
    if (bound === undefined || bound === type) return null;
    return single ? (lower ? Math.ceil(bound) : Math.floor(bound)) + 0 : bound;
  };
  const figure = single && !outside ? Math.fround(data) : data;
  if (outside && isFloat(schema)) {
    const [min, max] = [rule(schema.minimum, typeMin, true), rule(schema.maximum, typeMax, false)];
    const bounded = data > 0 ? max !== null : min !== null;
    return bounded ? { min, max, actual: data } : { min: null, max: null, actual: data };
  }
  return {
    min: outside ? (schema.minimum ?? typeMin) : rule(schema.minimum, typeMin, true),
    max: outside ? (schema.maximum ?? typeMax) : rule(schema.maximum, typeMax, false),
    // An integer past 2^53 is not held exactly here; a float's figure is.
    actual: Number.isSafeInteger(figure) || (isFloat(schema) && Number.isFinite(figure)) ? figure : null,
    // A float's figure is a float in Rust however the text spells it
    // (`91.0` for `91`, which JavaScript cannot tell apart).
    float: isFloat(schema),
  };
}

/** Whether the schema is a float's (`"type": "number"`), not an integer's. */
function isFloat(schema) {
  const type = schema.type;
  return type === "number" || (Array.isArray(type) && type.includes("number"));
}

/**
 * A number as the Rust crate writes it in a message: an integer in full, a
 * float as serde_json writes it (the shortest digits that read back, in
 * decimal from 1e-5 up to 1e16, with `.0` on a whole number, otherwise as
 * `1e+20` or `1e-7`).
 */
/**
 * A `range` bound as the Rust crate writes it. Past 2^53 a JavaScript number
 * holds the nearest double: `u64::MAX` and `i64::MAX`, the bounds of the
 * integer types, read as 2^64 and 2^63, and are written as the integers
 * they stand for; any other bound past 2^53 keeps the double's digits.
 */
function bound(n) {
  if (n === 2 ** 64) return "18446744073709551615";
  if (n === 2 ** 63) return "9223372036854775807";
  if (n === -(2 ** 63)) return "-9223372036854775808";
  return String(n);
}

/**
 * A `range` violation's figure: as `rustNumber`, but a float field's
 * (`float`) keeps its `.0` when whole, as Rust writes a float. A Rust value no JSON number is
 * (`"inf"`, `"-inf"`, `"NaN"`: a typed float's, never this package's) comes
 * as the text Rust writes.
 */
function actualText(n, float) {
  if (typeof n === "string") return n;
  if (float && Number.isSafeInteger(n)) return `${Object.is(n, -0) ? "-" : ""}${n}.0`;
  return rustNumber(n);
}

function rustNumber(n) {
  // An integer read back exactly (`withExactIntegers`).
  if (typeof n === "bigint") return String(n);
  if (Number.isSafeInteger(n)) return String(n);
  const [mantissa, exp] = n.toExponential().split("e");
  const e = Number(exp);
  const sign = mantissa.startsWith("-") ? "-" : "";
  const digits = mantissa.replace("-", "").replace(".", "");
  if (e < -5 || e >= 16) {
    const rest = digits.length > 1 ? `.${digits.slice(1)}` : "";
    return `${sign}${digits[0]}${rest}e${e < 0 ? "-" : "+"}${Math.abs(e)}`;
  }
  if (e < 0) return `${sign}0.${"0".repeat(-e - 1)}${digits}`;
  const whole = digits.slice(0, e + 1).padEnd(e + 1, "0");
  const frac = digits.slice(e + 1);
  return `${sign}${whole}.${frac || "0"}`;
}

/**
 * The known name a misspelt property most likely means (the Rust crate's
 * rule, `suggest.rs`: an edit distance on UTF-8 bytes where a case change
 * costs half; `corpus/suggestions.json` holds both to the same cases).
 */
export function closest(word, known) {
  const a = UTF8.encode(word);
  let best = null;
  for (const { name, bytes: b } of known) {
    const limit = Math.max(Math.floor((b.length * 2) / 3), b.length >= 3 ? 4 : 2);
    if (Math.abs(a.length - b.length) * 2 > limit) continue;
    const d = distance(a, b, limit);
    // Not every byte differs (`zz` is no typo of `b`). Of two as close, the
    // first by code point (as in Rust).
    if (d > 0 && d <= limit && d < 2 * Math.max(a.length, b.length) && (best === null || d < best.d || (d === best.d && compareText(name, best.k) < 0))) {
      best = { d, k: name };
    }
  }
  return best?.k;
}

const UTF8 = new TextEncoder();

/** A schema's property names with their UTF-8 bytes, encoded once per schema (an object may have many unknown properties). */
const KNOWN = new WeakMap();
function knownNames(schema) {
  const props = schema.properties;
  if (props === null || typeof props !== "object") return [];
  let known = KNOWN.get(props);
  if (!known) {
    known = Object.keys(props).map((name) => ({ name, bytes: UTF8.encode(name) }));
    KNOWN.set(props, known);
  }
  return known;
}

function distance(a, b, limit) {
  if (a.length > 64 || b.length > 64) return Infinity;
  const row = Array.from({ length: b.length + 1 }, (_, j) => 2 * j);
  const lower = (c) => (c >= 0x41 && c <= 0x5a ? c + 32 : c);
  for (let i = 0; i < a.length; i++) {
    let prev = row[0];
    row[0] = 2 * (i + 1);
    for (let j = 0; j < b.length; j++) {
      const cost = a[i] === b[j] ? 0 : lower(a[i]) === lower(b[j]) ? 1 : 2;
      const cur = row[j + 1];
      row[j + 1] = Math.min(prev + cost, cur + 2, row[j] + 2);
      prev = cur;
    }
    if (row.every((d) => d > limit)) return Infinity;
  }
  return row[b.length];
}

/**
 * The violations of `data` under a standalone Ajv validator (`ajvValidate`,
 * compiled with `allErrors`, `verbose` and `ownProperties`): what every
 * compiled `validate` returns.
 */
export function violationsOf(ajvValidate, data, options) {
  options = optionsOf(options);
  // Ajv keeps the schema it compiled on the function; a compiled module
  // passes its own.
  const read = options.schema == null && ajvValidate.schema !== undefined ? { ...options, schema: ajvValidate.schema } : options;
  return checkedWith(data, read, (keep, sent) => (ajvValidate(sent) ? [] : toViolations(ajvValidate.errors.filter(keep), read)));
}
