//! Raw JSON in, the typed value or every problem out.

use serde::Deserialize;
use serde_json::Value;

use crate::walk::Walk;
use crate::{Kind, Path, Report, ValidateJson, Violation};

/// Parses `text` into `T` and checks every rule, with the default context.
///
/// The JSON this accepts is exactly what [`validate_value`] and the JSON
/// Schema accept, and the value it returns passes [`Validate::validate`](crate::Validate::validate).
/// Valid text takes serde's typed parse, held to the walk's reading of JSON
/// (serde alone would also take a struct written as an array), then the
/// typed rules. Any other text is walked once, as it is read (no tree is
/// built), by the same walk as `validate_value`: every wrong type, missing,
/// unknown or repeated property and broken rule is reported at once. Types
/// that serde reads differently (maps, internally and adjacently tagged
/// enums, `skip` fields) always take the walk; when it finds nothing wrong,
/// serde reads the value from the text, so that it is the value
/// `serde_json::from_str` returns. Malformed JSON gives one `syntax`
/// violation with its line and column.
///
/// As with `serde_json::from_str`, `T` may borrow from `text`: a
/// `Cow<'a, str>` field with `#[serde(borrow)]` borrows every string without
/// escapes.
///
/// ```
/// use desk_schema::{from_json_str, Validate};
///
/// #[derive(Validate, serde::Deserialize, Debug)]
/// #[serde(deny_unknown_fields)]
/// struct Item {
///     #[desk(min_bytes = 1, max_bytes = 4)]
///     code: String,
///     #[desk(range(max = 9))]
///     level: u8,
/// }
///
/// let item: Item = from_json_str(r#"{"code": "ab", "level": 3}"#).unwrap();
/// assert_eq!(item.level, 3);
///
/// let report = from_json_str::<Item>(r#"{"code": "abcde", "levle": 3}"#).unwrap_err();
/// assert_eq!(report.to_string(), "\
/// (root): missing required property \"level\"
/// (root): unknown property \"levle\"; did you mean \"level\"?
/// /code: 5 bytes in UTF-8 (5 characters); at most 4 bytes");
/// ```
///
/// # Errors
///
/// A [`Report`] of every problem with the text: its syntax, its shape
/// (types, missing and unknown properties) and every rule.
pub fn from_json_str<'de, T>(text: &'de str) -> Result<T, Report>
where
    T: ValidateJson + Deserialize<'de>,
{
    from_json_str_with(text, &T::Context::default())
}

/// [`from_json_str`] with a given context.
///
/// # Errors
///
/// As [`from_json_str`].
pub fn from_json_str_with<'de, T>(text: &'de str, ctx: &T::Context) -> Result<T, Report>
where
    T: ValidateJson + Deserialize<'de>,
{
    if text.starts_with('\u{feff}') {
        // RFC 8259 forbids it; some parsers skip it, the API's may not.
        let mut report = Report::new();
        report.push(
            &Path::Root,
            Kind::Syntax {
                line: 1,
                column: 1,
                reason: "the text starts with a byte order mark (U+FEFF); JSON text must not"
                    .into(),
            },
        );
        return Err(report);
    }
    // The fast path: serde's typed parse, held to the walk's reading of
    // JSON, then the typed rules, which give the walk's answer on text of
    // the right shape. Text it cannot read goes to the walk, which says why.
    if T::SERDE_SAME
        && let Some(checked) =
            read_checked(text, ctx, |de| T::deserialize(crate::strict::Strict(de)))
    {
        return checked;
    }
    let mut report = walk_text::<T>(text, ctx)?;
    if !report.is_empty() {
        report.sort();
        return Err(report);
    }
    // The text passed: the value is serde's own, read from the text (not
    // built from the walk's views, which hold each number as the double JSON
    // gives, where serde rounds an `f32` from the decimal, and own every
    // string, where serde borrows). Its typed rules are checked too: a
    // `custom` rule the walk gave that double converted with `as` may see
    // serde's `f32` otherwise (one unit apart at an exact midpoint), and
    // the value returned passes `validate()`.
    // (Also where the walk found nothing to check and built no view: an
    // adjacently tagged content absent, which a hand-written `Deserialize`
    // reads as a value serde alone builds.)
    if let Some(checked) = read_checked(text, ctx, |de| T::deserialize(de)) {
        return checked;
    }
    // The walk found nothing wrong, yet serde reads no value (a `skip`
    // field whose type refused its JSON, say): still refuse.
    report.push(
        &Path::Root,
        Kind::custom_in("type", "does not convert to the type", "无法转换为该类型"),
    );
    Err(report)
}

/// The walk over `text`: its violations (unsorted); or the one violation of
/// text that cannot be read.
fn walk_text<T: ValidateJson>(text: &str, ctx: &T::Context) -> Result<Report, Report> {
    let mut walk = Walk::new();
    let mut de = serde_json::Deserializer::from_str(text);
    let read =
        T::check_de(&mut de, ctx, &Path::Root, &mut walk).and_then(|view| de.end().map(|()| view));
    match read {
        Ok(_) => Ok(walk.report),
        Err(e) => {
            // Malformed JSON: one violation, at the number's path when
            // serde_json could not represent a number, otherwise at its line
            // and column.
            let mut report = Report::new();
            let violation = if let Some(unit) = unpaired_surrogate(text, &e) {
                Violation::new(
                    walk.error_at().unwrap_or_default(),
                    Kind::UnpairedSurrogate { unit },
                )
            } else if reason(&e) == "number out of range" {
                Violation::new(
                    walk.error_at().unwrap_or_default(),
                    Kind::Range {
                        min: None,
                        max: None,
                        actual: None,
                    },
                )
            } else {
                syntax(text, &e)
            };
            report.push_violation(violation);
            Err(report)
        }
    }
}

/// The value `read` takes from the whole of `text`, checked by its typed
/// rules; `None` when it reads no value (or leaves text after it).
fn read_checked<'de, T: ValidateJson>(
    text: &'de str,
    ctx: &T::Context,
    read: impl FnOnce(
        &mut serde_json::Deserializer<serde_json::de::StrRead<'de>>,
    ) -> Result<T, serde_json::Error>,
) -> Option<Result<T, Report>> {
    let mut de = serde_json::Deserializer::from_str(text);
    let value = read(&mut de).ok()?;
    de.end().ok()?;
    Some(value.validate_with(ctx).map(|()| value))
}

/// Checks a `serde_json::Value` as if it were deserialized into `T`, with the
/// default context: the answer [`from_json_str`] gives the value's text,
/// but where `from_json_str` answers for serde's own value (an `f32` that
/// serde rounds from the decimal itself, content serde cannot read back:
/// the crate's `docs/derive.md` lists them). A value nested deeper than JSON
/// text may be (127 levels of arrays and objects; one built in code, or read
/// by a parser without `serde_json`'s limit) is checked as its text, so that
/// it never runs out of stack.
///
/// # Errors
///
/// A [`Report`] of every problem: shape and rules.
pub fn validate_value<T>(value: &Value) -> Result<(), Report>
where
    T: ValidateJson,
{
    validate_value_with::<T>(value, &T::Context::default())
}

/// [`validate_value`] with a given context.
///
/// # Errors
///
/// As [`validate_value`].
pub fn validate_value_with<T>(value: &Value, ctx: &T::Context) -> Result<(), Report>
where
    T: ValidateJson,
{
    // Nested deeper than JSON text may be (a value built in code, or read
    // by a parser without serde_json's limit): checked as its text, which
    // `from_json_str` would refuse where the type reads those levels, and
    // whose walk cannot run out of stack.
    if deeper_than(value, JSON_DEPTH) {
        let report = walk_text::<T>(&compact_text(value), ctx)?;
        return report.into_result();
    }
    let mut walk = Walk::new();
    if let Err(e) = T::check_de(value, ctx, &Path::Root, &mut walk) {
        // A `Value` is always well-formed; the walk records every problem
        // itself. Should serde ever refuse one, say so without its message.
        let _ = e;
        walk.report.push(
            &Path::Root,
            Kind::custom_in("type", "the value could not be read", "无法读取该值"),
        );
    }
    walk.report.into_result()
}

/// How deep `serde_json` reads arrays and objects: text nested 128 deep
/// (its recursion limit) does not parse where a type reads those levels.
const JSON_DEPTH: usize = 127;

/// Whether `value` holds an array or object more than `levels` deep (the
/// outermost is level 1). Recursive, at most `levels + 1` frames deep.
fn deeper_than(value: &Value, levels: usize) -> bool {
    // Only arrays and objects are called on: a request's thousand strings
    // cost a look each, not a call.
    let nested = |v: &&Value| matches!(v, Value::Array(_) | Value::Object(_));
    // Called only past `levels == 0`, which the `||` checks first.
    let deeper = |v: &Value| deeper_than(v, levels - 1);
    match value {
        Value::Array(items) => levels == 0 || items.iter().filter(nested).any(deeper),
        Value::Object(map) => levels == 0 || map.values().filter(nested).any(deeper),
        _ => false,
    }
}

/// `value` as `serde_json::to_string` writes it, without recursion (so at
/// any depth): each scalar and key by `serde_json`, the brackets here.
fn compact_text(value: &Value) -> String {
    enum Open<'a> {
        Array(core::slice::Iter<'a, Value>),
        Object(serde_json::map::Iter<'a>),
    }
    let mut out = String::new();
    let mut stack: Vec<(Open<'_>, bool)> = Vec::new();
    let mut next = Some(value);
    loop {
        if let Some(value) = next.take() {
            match value {
                Value::Array(items) => {
                    out.push('[');
                    stack.push((Open::Array(items.iter()), true));
                }
                Value::Object(map) => {
                    out.push('{');
                    stack.push((Open::Object(map.iter()), true));
                }
                scalar => out.push_str(&scalar.to_string()),
            }
        }
        let Some((open, first)) = stack.last_mut() else {
            return out;
        };
        let comma = !core::mem::replace(first, false);
        let item = match open {
            Open::Array(items) => items.next(),
            Open::Object(entries) => entries.next().map(|(key, value)| {
                if comma {
                    out.push(',');
                }
                out.push_str(&Value::from(key.as_str()).to_string());
                out.push(':');
                value
            }),
        };
        match (item, open) {
            (Some(item), Open::Array(_)) => {
                if comma {
                    out.push(',');
                }
                next = Some(item);
            }
            (Some(item), Open::Object(_)) => next = Some(item),
            (None, Open::Array(_)) => {
                out.push(']');
                stack.pop();
            }
            (None, Open::Object(_)) => {
                out.push('}');
                stack.pop();
            }
        }
    }
}

/// The full report for text that did not deserialize: one walk over the
/// text, building no tree.
/// A `syntax` violation from a parse error. `serde_json`'s syntax messages name
/// what was expected, never the input; the position suffix is dropped.
pub(crate) fn syntax(text: &str, e: &serde_json::Error) -> Violation {
    Violation::new(
        "",
        Kind::Syntax {
            // 1-based, as documented. Where the text ends too soon, the
            // column is the one after its last character, where what is
            // missing would go: serde_json names the last character read
            // (`{"a":` ends at column 5, the value belongs at 6) and
            // column 0 for a line with none.
            line: e.line().max(1),
            column: (char_column(text, e.line(), e.column())
                + usize::from(e.classify() == serde_json::error::Category::Eof))
            .max(1),
            reason: reason(e).into(),
        },
    )
}

/// `serde_json`'s `column` (the bytes of line `line` read, the one it stopped
/// at included) as an editor counts it: in characters, so that a line of
/// Chinese before the error does not move it (`{"Name":"客服"，` stops at
/// the `，`, its 13th character and the first of its bytes, the 17th).
fn char_column(text: &str, line: usize, column: usize) -> usize {
    let start = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum::<usize>()
        .min(text.len());
    let read = &text.as_bytes()[start..(start + column).min(text.len())];
    // A character's first byte, not the bytes that continue it: one that
    // was begun counts.
    read.iter().filter(|&&b| b & 0xC0 != 0x80).count()
}

/// The surrogate, as 4 upper-case hex digits, when `e` is `serde_json`'s
/// refusal of an unpaired one: the first `\u` escape in `D800..=DFFF` that is
/// not half of a pair, in the string `serde_json` was reading. (Other escape
/// errors, such as `\u12`, stay `syntax`.)
fn unpaired_surrogate(text: &str, e: &serde_json::Error) -> Option<String> {
    let why = reason(e);
    if why != "lone leading surrogate in hex escape" && why != "unexpected end of hex escape" {
        return None;
    }
    // serde_json's line is 1-based and its column counts bytes, 1-based.
    let line_start = text
        .split_inclusive('\n')
        .take(e.line().saturating_sub(1))
        .map(str::len)
        .sum::<usize>();
    let end = (line_start + e.column()).min(text.len());
    let unit = first_unpaired(text, end)?;
    Some(format!("{unit:04X}"))
}

/// The first unpaired surrogate escape of the last string that begins
/// before `end`, reading `text` as JSON from its start: escapes are read
/// as escapes (`\\ud800` is a backslash and letters), and a high surrogate
/// followed by a low one is a pair. `text` is valid JSON up to `end`
/// (`serde_json` read it so far).
fn first_unpaired(text: &str, end: usize) -> Option<u16> {
    let bytes = text.as_bytes();
    let unit_at = |at: usize| {
        let hex = text.get(at..at + 6)?.strip_prefix("\\u")?;
        u16::from_str_radix(hex, 16).ok()
    };
    let (mut at, mut in_string, mut found) = (0, false, None);
    while at < end.min(bytes.len()) {
        match (in_string, bytes[at]) {
            (false, b'"') => {
                in_string = true;
                found = None;
                at += 1;
            }
            (true, b'"') => {
                in_string = false;
                at += 1;
            }
            (true, b'\\') => match unit_at(at) {
                Some(high @ 0xD800..=0xDBFF) => {
                    let paired = matches!(unit_at(at + 6), Some(0xDC00..=0xDFFF));
                    if !paired {
                        found = found.or(Some(high));
                    }
                    at += if paired { 12 } else { 6 };
                }
                Some(low @ 0xDC00..=0xDFFF) => {
                    found = found.or(Some(low));
                    at += 6;
                }
                Some(_) => at += 6,
                None => at += 2,
            },
            _ => at += 1,
        }
    }
    found
}

/// `serde_json`'s message without its position suffix.
pub(crate) fn reason(e: &serde_json::Error) -> String {
    let full = e.to_string();
    let reason = match full.rfind(" at line ") {
        Some(at) => &full[..at],
        None => &full,
    };
    // `serde_json`'s shortest reasons, in words a reader without its
    // source can act on (the Chinese table, `syntax_reason_zh`, reads these).
    match reason {
        "expected ident" => "expected true, false or null",
        "expected value" => "expected a value",
        "EOF while parsing a value" => "the text ends where a value should be",
        "EOF while parsing a list" => "the text ends before the list is closed",
        "EOF while parsing an object" => "the text ends before the object is closed",
        "EOF while parsing a string" => "the text ends before the string is closed",
        other => other,
    }
    .to_owned()
}

#[cfg(test)]
mod tests {
    use super::first_unpaired;

    #[test]
    fn the_unpaired_surrogate_is_read_from_the_string_being_read() {
        let cases: [(&str, Option<u16>); 7] = [
            (r#""\ud800""#, Some(0xD800)),
            (r#""\ud83d\ude00\udc00""#, Some(0xDC00)),
            (r#""\\ud800\udc00""#, Some(0xDC00)),
            (r#""\ud800\udbff""#, Some(0xD800)),
            (r#""\ud83d\ude00""#, None),
            (r#""\"\\u12 \u0041""#, None),
            // serde_json skips an ignored value's escapes unchecked: the
            // string it refused is the last one begun.
            (
                r#"{"skipped": "\udc00", "read": "a\udbff\u0041"}"#,
                Some(0xDBFF),
            ),
        ];
        for (text, unit) in cases {
            assert_eq!(first_unpaired(text, text.len()), unit, "{text}");
        }
    }

    #[test]
    fn compact_text_is_serde_json_s_own() {
        let values = [
            serde_json::json!(null),
            serde_json::json!("a\"b\\c\u{1}\u{2028}群😀"),
            serde_json::json!([]),
            serde_json::json!({}),
            serde_json::json!([[], {}, [[1]], {"a": {"b": []}}]),
            serde_json::json!({"z": 1, "a": [true, false, null], "m": {"": -0.0, "k/~": 1.5e300}}),
            serde_json::json!([u64::MAX, i64::MIN, 0.1, -1, 1e-7]),
        ];
        for value in values {
            assert_eq!(super::compact_text(&value), value.to_string());
        }
    }

    #[test]
    fn deeper_than_counts_arrays_and_objects() {
        let mut value = serde_json::json!(1);
        for level in 1..=5 {
            value = if level % 2 == 0 {
                serde_json::json!({ "k": value })
            } else {
                serde_json::json!([value])
            };
            assert!(!super::deeper_than(&value, level), "{level}");
            assert!(super::deeper_than(&value, level - 1), "{level}");
        }
    }
}
