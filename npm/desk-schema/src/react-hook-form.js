// A resolver for react-hook-form (https://react-hook-form.com/docs/useform#resolver):
// desk-schema's violations as field errors, in the chosen language. It
// imports nothing from React or react-hook-form: it only returns the shape
// `useForm({ resolver })` reads.

/**
 * `deskResolver(validate, options)`: a react-hook-form resolver over any
 * desk-schema validator, `validateRequest` or a compiled `validate`
 * (`(data, options) => Violation[]`). `options` goes to the validator
 * (`locale`, `customerServiceAccounts`). Each violation becomes the error of
 * the field at its path (`/MemberList/1/Member_Account` is
 * `errors.MemberList[1].Member_Account`): `type` is the code and `message`
 * the message; with `criteriaMode: "all"`, `types` holds every code's
 * message. A violation of a list or an object that has errors below it (the
 * customer service account rule at `/MemberList`) is its `root`, and one of
 * the whole form is `errors.root`, as react-hook-form names them.
 */
export function deskResolver(validate, options = {}) {
  if (typeof validate !== "function") throw new TypeError("deskResolver needs a validate function");
  // Options the validator refuses (a locale it has no messages for, such as
  // navigator.language's "zh-TW") throw here, where the form is made, not
  // at every submit.
  validate(null, options);
  return async (values, _context, resolverOptions = {}) => {
    const violations = validate(values, options);
    if (violations.length === 0) return { values, errors: {} };
    return { values: {}, errors: toFieldErrors(violations, resolverOptions.criteriaMode === "all") };
  };
}

/** Violations as react-hook-form's nested field errors. */
export function toFieldErrors(violations, all = false) {
  const errors = {};
  for (const v of violations) {
    const segments = v.path === "" ? [] : v.path.slice(1).split("/").map(unescape);
    if (segments.length === 0) {
      put(errors, "root", add(own(errors, "root"), v, all));
      continue;
    }
    let node = errors;
    for (let i = 0; i < segments.length - 1; i++) node = container(node, segments[i], segments[i + 1]);
    const last = segments[segments.length - 1];
    const here = own(node, last);
    if (here === undefined || isError(here)) put(node, last, add(here, v, all));
    else put(here, "root", add(own(here, "root"), v, all));
  }
  return errors;
}

/**
 * `node[key]` if `node` has it as its own property: a map key from the
 * user's data (`__proto__`, `constructor`) never reaches a prototype.
 */
function own(node, key) {
  return Object.prototype.hasOwnProperty.call(node, key) ? node[key] : undefined;
}

/** Sets `node[key]` as an own property, whatever the key (`__proto__` too). */
function put(node, key, value) {
  Object.defineProperty(node, key, { value, writable: true, enumerable: true, configurable: true });
}

/** The errors below `node[key]`: an array when the next segment is an index; an error already there becomes its `root`. */
function container(node, key, next) {
  let child = own(node, key);
  if (child === undefined || isError(child)) {
    const fresh = /^(0|[1-9][0-9]*)$/.test(next) ? [] : {};
    if (child !== undefined) put(fresh, "root", child);
    put(node, key, fresh);
    child = fresh;
  }
  return child;
}

function isError(node) {
  return node !== null && typeof node === "object" && !Array.isArray(node) && typeof node.type === "string" && "message" in node;
}

/** The first violation is the field's error; with `all`, `types` gathers every code's messages. */
function add(error, v, all) {
  const out = error ?? { type: v.code, message: v.message };
  if (all) {
    out.types ??= {};
    const had = out.types[v.code];
    out.types[v.code] = had === undefined ? v.message : [].concat(had, v.message);
  }
  return out;
}

function unescape(segment) {
  return segment.replace(/~1/g, "/").replace(/~0/g, "~");
}
