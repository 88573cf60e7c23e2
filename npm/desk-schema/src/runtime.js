// Run-time helpers of the desk-schema keywords. The precompiled validators
// and validators that teams build with `addDeskKeywords` call these; they
// measure strings exactly as the Rust crate does.

/** Whether `object` has `key` as its own property: `Object.hasOwn`, which the es2020 build cannot assume (Safari before 15.4 lacks it). */
export function hasOwn(object, key) {
  return Object.prototype.hasOwnProperty.call(object, key);
}

/**
 * `data[name]` when `data` is an object with that own property, else
 * `undefined`: own properties only, as Ajv reads them (`ownProperties`).
 */
export function ownProperty(data, name) {
  return data !== null && typeof data === "object" && !Array.isArray(data) && hasOwn(data, name) ? data[name] : undefined;
}

/** UTF-8 length in bytes, without encoding (what the Desk API counts). */
export function utf8Length(s) {
  let bytes = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

/** Length in Unicode scalar values (Rust's `chars().count()`; JSON Schema's `maxLength`). */
export function charCount(s) {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}

/** Length in UTF-16 code units: JavaScript's own `.length` (the Rust crate's `max_utf16`). */
export function utf16Length(s) {
  return s.length;
}

let segmenter;
/** Extended grapheme clusters (UAX #29), by `Intl.Segmenter`. */
export function graphemeCount(s) {
  segmenter ??= new Intl.Segmenter(undefined, { granularity: "grapheme" });
  let n = 0;
  for (const _ of segmenter.segment(s)) n++;
  return n;
}

/**
 * Every item whose `key` repeats an earlier item's: `[index, first]` pairs,
 * in order. Items that are not objects are skipped (their own rules report
 * them), and so are items without the key (absent, or null), as in Rust.
 */
export function repeatsBy(items, key) {
  // An item without the key (absent, or null) has none: never a repeat.
  const hasKey = (item) =>
    item !== null && typeof item === "object" && !Array.isArray(item) && hasOwn(item, key) && item[key] !== null;
  return repeatsOf(items, (item) => (hasKey(item) ? item[key] : undefined));
}

/**
 * Every item equal (as JSON) to an earlier one, as `[index, first]` pairs
 * with the index of the first such item: what `uniqueItems` means, each
 * repeat reported, as the Rust crate reports them.
 */
export function repeats(items) {
  return repeatsOf(items, (item) => item);
}

/** `[index, first]` for each item whose `part` (`undefined`: none) equals, as JSON, an earlier item's. */
function repeatsOf(items, part) {
  // A string is equal as JSON to the same string alone: it is its own key
  // (no JSON text to write, the usual list's keys and accounts); any other
  // value is keyed by its canonical JSON text, in a map of its own.
  const strings = new Map();
  const texts = new Map();
  const found = [];
  items.forEach((item, index) => {
    const value = part(item);
    if (value === undefined) return;
    const text = typeof value === "string";
    const k = text ? value : canonical(value);
    // A value holding a NaN (no JSON has one: each is its own violation)
    // repeats nothing, and nothing repeats it.
    if (k === null) return;
    const seen = text ? strings : texts;
    const first = seen.get(k);
    if (first === undefined) seen.set(k, index);
    else found.push([index, first]);
  });
  return found;
}

/**
 * JSON text that two values share exactly when they are equal as JSON (an
 * object's properties sorted); `null` for a value that holds a NaN, which
 * equals nothing (`JSON.stringify` would write it as `null`).
 */
export function canonical(value) {
  if (typeof value === "number" && Number.isNaN(value)) return null;
  const parts = (list) => {
    const texts = list.map(canonical);
    return texts.includes(null) ? null : texts;
  };
  if (Array.isArray(value)) {
    const items = parts(value);
    return items && `[${items.join(",")}]`;
  }
  if (value !== null && typeof value === "object") {
    const keys = Object.keys(value).sort();
    const values = parts(keys.map((k) => value[k]));
    return values && `{${keys.map((k, i) => `${JSON.stringify(k)}:${values[i]}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/**
 * `x-maxMemberCount`: null when the rule holds or does not apply, else
 * `{max, initial, owner}` (`owner`: whether the owner, not listed, is one of
 * them). The initial members are each account in the list once (a
 * repeat is one member, and already a `duplicate`), each item whose account
 * is not text as one, plus the owner when no member is the owner (the server
 * adds the owner).
 */
export function memberShortfall(object, rule) {
  // Own properties only, as Ajv reads them (`ownProperties`) and as JSON sends them.
  const max = ownProperty(object, rule.max);
  const members = ownProperty(object, rule.members);
  if (!Number.isInteger(max) || max < 1 || max > 4294967295 || !Array.isArray(members)) return null;
  const owner = ownProperty(object, rule.owner);
  const account = (m) => (typeof ownProperty(m, rule.account) === "string" ? m[rule.account] : null);
  const accounts = members.map(account);
  const read = new Set(accounts.filter((a) => a !== null));
  const unread = accounts.filter((a) => a === null).length;
  const ownerExtra = typeof owner === "string" && !read.has(owner);
  const initial = read.size + unread + (ownerExtra ? 1 : 0);
  return max < initial ? { max, initial, owner: ownerExtra } : null;
}

// The formats desk-schema checks, as ajv-formats defines them in its "full"
// mode (MIT, (c) 2020 Evgeny Poberezkin): the same regular expressions,
// verbatim, and the same date and time functions. The Rust crate's
// `rules::format` has the same text (tests/tests/formats.rs compares them).

const EMAIL = /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/i;
const IPV4 = /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;
const IPV6 = /^((([0-9a-f]{1,4}:){7}([0-9a-f]{1,4}|:))|(([0-9a-f]{1,4}:){6}(:[0-9a-f]{1,4}|((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3})|:))|(([0-9a-f]{1,4}:){5}(((:[0-9a-f]{1,4}){1,2})|:((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3})|:))|(([0-9a-f]{1,4}:){4}(((:[0-9a-f]{1,4}){1,3})|((:[0-9a-f]{1,4})?:((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}))|:))|(([0-9a-f]{1,4}:){3}(((:[0-9a-f]{1,4}){1,4})|((:[0-9a-f]{1,4}){0,2}:((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}))|:))|(([0-9a-f]{1,4}:){2}(((:[0-9a-f]{1,4}){1,5})|((:[0-9a-f]{1,4}){0,3}:((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}))|:))|(([0-9a-f]{1,4}:){1}(((:[0-9a-f]{1,4}){1,6})|((:[0-9a-f]{1,4}){0,4}:((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}))|:))|(:(((:[0-9a-f]{1,4}){1,7})|((:[0-9a-f]{1,4}){0,5}:((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}))|:)))$/i;
const UUID = /^(?:urn:uuid:)?[0-9a-f]{8}-(?:[0-9a-f]{4}-){3}[0-9a-f]{12}$/i;
const URI = /^(?:[a-z][a-z0-9+\-.]*:)(?:\/?\/(?:(?:[a-z0-9\-._~!$&'()*+,;=:]|%[0-9a-f]{2})*@)?(?:\[(?:(?:(?:(?:[0-9a-f]{1,4}:){6}|::(?:[0-9a-f]{1,4}:){5}|(?:[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){4}|(?:(?:[0-9a-f]{1,4}:){0,1}[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){3}|(?:(?:[0-9a-f]{1,4}:){0,2}[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){2}|(?:(?:[0-9a-f]{1,4}:){0,3}[0-9a-f]{1,4})?::[0-9a-f]{1,4}:|(?:(?:[0-9a-f]{1,4}:){0,4}[0-9a-f]{1,4})?::)(?:[0-9a-f]{1,4}:[0-9a-f]{1,4}|(?:(?:25[0-5]|2[0-4]\d|[01]?\d\d?)\.){3}(?:25[0-5]|2[0-4]\d|[01]?\d\d?))|(?:(?:[0-9a-f]{1,4}:){0,5}[0-9a-f]{1,4})?::[0-9a-f]{1,4}|(?:(?:[0-9a-f]{1,4}:){0,6}[0-9a-f]{1,4})?::)|[Vv][0-9a-f]+\.[a-z0-9\-._~!$&'()*+,;=:]+)\]|(?:(?:25[0-5]|2[0-4]\d|[01]?\d\d?)\.){3}(?:25[0-5]|2[0-4]\d|[01]?\d\d?)|(?:[a-z0-9\-._~!$&'()*+,;=]|%[0-9a-f]{2})*)(?::\d*)?(?:\/(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})*)*|\/(?:(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})+(?:\/(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})*)*)?|(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})+(?:\/(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})*)*)(?:\?(?:[a-z0-9\-._~!$&'()*+,;=:@/?]|%[0-9a-f]{2})*)?(?:#(?:[a-z0-9\-._~!$&'()*+,;=:@/?]|%[0-9a-f]{2})*)?$/i;
const NOT_URI_FRAGMENT = /\/|:/;

const DATE = /^(\d\d\d\d)-(\d\d)-(\d\d)$/;
const DAYS = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function date(str) {
  const matches = DATE.exec(str);
  if (!matches) return false;
  const year = +matches[1];
  const month = +matches[2];
  const day = +matches[3];
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return month >= 1 && month <= 12 && day >= 1 && day <= (month === 2 && leap ? 29 : DAYS[month]);
}

const TIME = /^(\d\d):(\d\d):(\d\d(?:\.\d+)?)(z|([+-])(\d\d)(?::?(\d\d))?)?$/i;

// ajv-formats' `time` with the strict time zone its `date-time` uses.
function time(str) {
  const matches = TIME.exec(str);
  if (!matches) return false;
  const hr = +matches[1];
  const min = +matches[2];
  const sec = +matches[3];
  const tz = matches[4];
  const tzSign = matches[5] === "-" ? -1 : 1;
  const tzH = +(matches[6] || 0);
  const tzM = +(matches[7] || 0);
  if (tzH > 23 || tzM > 59 || !tz) return false;
  if (hr <= 23 && min <= 59 && sec < 60) return true;
  const utcMin = min - tzM * tzSign;
  const utcHr = hr - tzH * tzSign - (utcMin < 0 ? 1 : 0);
  return (utcHr === 23 || utcHr === -1) && (utcMin === 59 || utcMin === -1) && sec < 61;
}

function dateTime(str) {
  const parts = str.split(/t|\s/i);
  return parts.length === 2 && date(parts[0]) && time(parts[1]);
}

/** The formats of the format rules, by JSON Schema's name, as Ajv takes them (`addFormat`). */
export const formats = {
  date,
  "date-time": dateTime,
  email: (s) => EMAIL.test(s),
  ipv4: (s) => IPV4.test(s),
  ipv6: (s) => IPV6.test(s),
  uri: (s) => NOT_URI_FRAGMENT.test(s) && URI.test(s),
  uuid: (s) => UUID.test(s),
};

/**
 * The formats as Ajv holds them once `addDeskKeywords` has added them
 * (`{type, validate}`): what standalone code reads.
 */
export const formatDefinitions = Object.fromEntries(
  Object.entries(formats).map(([name, validate]) => [name, { type: "string", validate }]),
);

/**
 * Whether two JSON values are equal (Ajv's `uniqueItems` over objects and
 * arrays, in place of its runtime `equal`): numbers by value, objects by
 * their own properties in any order.
 */
export function deepEqual(a, b) {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return a !== a && b !== b;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) return a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((k) => hasOwn(b, k) && deepEqual(a[k], b[k]));
}
