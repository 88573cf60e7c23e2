// Run-time helpers of the desk-schema keywords. The precompiled validators
// and validators that teams build with `addDeskKeywords` call these; they
// measure strings exactly as the Rust crate does.

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
 * in order. Items that are not objects, or have no such key, are skipped
 * (their own rules report them).
 */
export function repeatsBy(items, key) {
  const seen = new Map();
  const repeats = [];
  items.forEach((item, index) => {
    if (item === null || typeof item !== "object" || Array.isArray(item) || !(key in item)) return;
    const k = JSON.stringify(item[key]);
    const first = seen.get(k);
    if (first === undefined) seen.set(k, index);
    else repeats.push([index, first]);
  });
  return repeats;
}

/**
 * `x-maxMemberCount`: null when the rule holds or does not apply, else
 * `{max, initial}`. The initial members are the list, plus the owner when no
 * member is the owner (the server adds the owner).
 */
export function memberShortfall(object, rule) {
  const max = object[rule.max];
  const members = object[rule.members];
  if (!Number.isInteger(max) || max < 1 || max > 4294967295 || !Array.isArray(members)) return null;
  const owner = object[rule.owner];
  const ownerExtra =
    typeof owner === "string" && !members.some((m) => m !== null && typeof m === "object" && m[rule.account] === owner);
  const initial = members.length + (ownerExtra ? 1 : 0);
  return max < initial ? { max, initial } : null;
}
