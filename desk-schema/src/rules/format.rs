//! `email`, `uri`, `uuid`, `date_time`, `date`, `ipv4`, `ipv6`: a string in
//! one of JSON Schema's formats, checked as ajv-formats checks it in its
//! "full" mode (MIT, (c) 2020 Evgeny Poberezkin): its regular expressions,
//! verbatim, and its date and time functions, ported. The npm package's
//! `formats` (src/runtime.js) are the same regular expressions and
//! functions; `tests/tests/formats.rs` holds the two to the same text and,
//! with the package's tests, to the same verdict on the JSON Schema Test
//! Suite's `format` cases (where ajv-formats differs from the suite, both
//! follow ajv-formats, and the tests list each such case).
//!
//! The schema gets `format`. A JSON Schema validator checks it only when
//! asked (Ajv with `ajv-formats` or the package's `addDeskKeywords`).
//!
//! Needs the `formats` feature (the `regex` crate): without it, a format
//! rule is a compile error that says so.

#[cfg(feature = "formats")]
use std::sync::OnceLock;

use schemars::Schema;
use serde_json::Value;

use super::{Text, keywords};
use crate::{Path, Report};

/// A format a string can be checked for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// `date`: RFC 3339 full-date, `2026-11-30`, with the days of the month.
    Date,
    /// `date-time`: RFC 3339 date-time, `2026-11-30T08:00:00Z`, with a time
    /// zone; leap seconds only at 23:59:60 UTC.
    DateTime,
    /// `email`: a dot-atom local part and a domain of at least two labels
    /// (no quoted local parts, no address literals).
    Email,
    /// `ipv4`: four decimal octets, 0 to 255, without leading zeros.
    Ipv4,
    /// `ipv6`: RFC 4291's text forms, with `::` and an embedded IPv4 tail.
    Ipv6,
    /// `uri`: an RFC 3986 URI with a scheme.
    Uri,
    /// `uuid`: 8-4-4-4-12 hex digits, with or without `urn:uuid:`.
    Uuid,
}

impl Format {
    /// Every format.
    pub const ALL: [Format; 7] = [
        Format::Date,
        Format::DateTime,
        Format::Email,
        Format::Ipv4,
        Format::Ipv6,
        Format::Uri,
        Format::Uuid,
    ];

    /// JSON Schema's name for it (`"date-time"`).
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Format::Date => "date",
            Format::DateTime => "date-time",
            Format::Email => "email",
            Format::Ipv4 => "ipv4",
            Format::Ipv6 => "ipv6",
            Format::Uri => "uri",
            Format::Uuid => "uuid",
        }
    }

    /// The format named `name` (JSON Schema's name).
    #[must_use]
    pub fn from_name(name: &str) -> Option<Format> {
        Format::ALL.into_iter().find(|f| f.name() == name)
    }

    /// What a string of this format is, for a message (`"an email address"`).
    #[must_use]
    pub const fn noun(self) -> &'static str {
        match self {
            Format::Date => "a date (RFC 3339 full-date, such as 2026-11-30)",
            Format::DateTime => {
                "a date and time (RFC 3339, such as 2026-11-30T08:00:00Z, with a time zone)"
            }
            Format::Email => "an email address",
            Format::Ipv4 => "an IPv4 address",
            Format::Ipv6 => "an IPv6 address",
            Format::Uri => "a URI (RFC 3986, with a scheme)",
            Format::Uuid => "a UUID",
        }
    }

    /// Whether `s` is in this format.
    #[cfg(feature = "formats")]
    #[must_use]
    pub fn matches(self, s: &str) -> bool {
        match self {
            Format::Date => date(s),
            Format::DateTime => date_time(s),
            Format::Email => regex(0, EMAIL).is_match(s),
            Format::Ipv4 => regex(1, IPV4).is_match(s),
            Format::Ipv6 => regex(2, IPV6).is_match(s),
            // A URI has a `/` or a `:` (ajv-formats' `NOT_URI_FRAGMENT`).
            Format::Uri => s.contains(['/', ':']) && regex(3, URI).is_match(s),
            Format::Uuid => regex(4, UUID).is_match(s),
        }
    }
}

/// Implemented for every type when the `formats` feature is on.
#[diagnostic::on_unimplemented(
    message = "format rules need desk-schema's `formats` feature",
    label = "a format rule without the feature",
    note = "in Cargo.toml, on the desk-schema dependency: features = [\"formats\"] (desk-schema = {{ version = \"0.1\", features = [\"formats\"] }})"
)]
pub trait FormatsFeature {}

#[cfg(feature = "formats")]
impl<T: ?Sized> FormatsFeature for T {}

/// Compiles only with the `formats` feature: the derive calls it once per
/// format rule, so that a missing feature is one error at the attribute.
pub const fn needs_feature<T: FormatsFeature + ?Sized>() {}

/// Checks that `value`, when present, is in `format`.
///
/// ```
/// # #[cfg(feature = "formats")] {
/// use desk_schema::{rules::format::{self, Format}, Path, Report};
/// let mut report = Report::new();
/// format::check("2024-02-29", Format::Date, &Path::Root, &mut report);
/// assert!(report.is_empty());
/// format::check("2023-02-29", Format::Date, &Path::Root, &mut report);
/// assert_eq!(
///     report.to_string(),
///     "(root): not a date (RFC 3339 full-date, such as 2026-11-30)"
/// );
/// # }
/// ```
#[inline]
pub fn check(value: &(impl Text + ?Sized), format: Format, path: &Path<'_>, report: &mut Report) {
    #[cfg(feature = "formats")]
    if let Some(s) = value.text()
        && !format.matches(s)
    {
        report.push(
            path,
            crate::Kind::Format {
                format: format.name(),
            },
        );
    }
    #[cfg(not(feature = "formats"))]
    let _ = (value, format, path, report);
}

super::rule_value!(Text, format: Format);

/// Writes `format`; a second format (which the derive refuses: one per
/// field) goes in an `allOf`, so that neither is lost.
pub fn schema(schema: &mut Schema, format: Format) {
    let obj = keywords(schema);
    if obj.contains_key("format") {
        super::all_of(schema, serde_json::json!({ "format": format.name() }));
    } else {
        obj.insert("format".into(), Value::from(format.name()));
    }
}

// ajv-formats' regular expressions, verbatim (JavaScript, without the `u`
// flag: `\d` and case-insensitivity are ASCII, as Rust's `(?-u)` reads them).

/// `/…/i` in ajv-formats.
const EMAIL: (&str, bool) = (
    r"^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$",
    true,
);

/// `/…/` in ajv-formats.
const IPV4: (&str, bool) = (
    r"^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$",
    false,
);

/// `/…/i` in ajv-formats.
const IPV6: (&str, bool) = (
    r"^((([0-9a-f]{1,4}:){7}([0-9a-f]{1,4}|:))|(([0-9a-f]{1,4}:){6}(:[0-9a-f]{1,4}|((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3})|:))|(([0-9a-f]{1,4}:){5}(((:[0-9a-f]{1,4}){1,2})|:((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3})|:))|(([0-9a-f]{1,4}:){4}(((:[0-9a-f]{1,4}){1,3})|((:[0-9a-f]{1,4})?:((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}))|:))|(([0-9a-f]{1,4}:){3}(((:[0-9a-f]{1,4}){1,4})|((:[0-9a-f]{1,4}){0,2}:((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}))|:))|(([0-9a-f]{1,4}:){2}(((:[0-9a-f]{1,4}){1,5})|((:[0-9a-f]{1,4}){0,3}:((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}))|:))|(([0-9a-f]{1,4}:){1}(((:[0-9a-f]{1,4}){1,6})|((:[0-9a-f]{1,4}){0,4}:((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}))|:))|(:(((:[0-9a-f]{1,4}){1,7})|((:[0-9a-f]{1,4}){0,5}:((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}))|:)))$",
    true,
);

/// `/…/i` in ajv-formats.
const UUID: (&str, bool) = (
    r"^(?:urn:uuid:)?[0-9a-f]{8}-(?:[0-9a-f]{4}-){3}[0-9a-f]{12}$",
    true,
);

/// `/…/i` in ajv-formats.
const URI: (&str, bool) = (
    r"^(?:[a-z][a-z0-9+\-.]*:)(?:\/?\/(?:(?:[a-z0-9\-._~!$&'()*+,;=:]|%[0-9a-f]{2})*@)?(?:\[(?:(?:(?:(?:[0-9a-f]{1,4}:){6}|::(?:[0-9a-f]{1,4}:){5}|(?:[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){4}|(?:(?:[0-9a-f]{1,4}:){0,1}[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){3}|(?:(?:[0-9a-f]{1,4}:){0,2}[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){2}|(?:(?:[0-9a-f]{1,4}:){0,3}[0-9a-f]{1,4})?::[0-9a-f]{1,4}:|(?:(?:[0-9a-f]{1,4}:){0,4}[0-9a-f]{1,4})?::)(?:[0-9a-f]{1,4}:[0-9a-f]{1,4}|(?:(?:25[0-5]|2[0-4]\d|[01]?\d\d?)\.){3}(?:25[0-5]|2[0-4]\d|[01]?\d\d?))|(?:(?:[0-9a-f]{1,4}:){0,5}[0-9a-f]{1,4})?::[0-9a-f]{1,4}|(?:(?:[0-9a-f]{1,4}:){0,6}[0-9a-f]{1,4})?::)|[Vv][0-9a-f]+\.[a-z0-9\-._~!$&'()*+,;=:]+)\]|(?:(?:25[0-5]|2[0-4]\d|[01]?\d\d?)\.){3}(?:25[0-5]|2[0-4]\d|[01]?\d\d?)|(?:[a-z0-9\-._~!$&'()*+,;=]|%[0-9a-f]{2})*)(?::\d*)?(?:\/(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})*)*|\/(?:(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})+(?:\/(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})*)*)?|(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})+(?:\/(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})*)*)(?:\?(?:[a-z0-9\-._~!$&'()*+,;=:@/?]|%[0-9a-f]{2})*)?(?:#(?:[a-z0-9\-._~!$&'()*+,;=:@/?]|%[0-9a-f]{2})*)?$",
    true,
);

/// The compiled regular expression `index`, from its JavaScript source and
/// whether it ignores case.
#[cfg(feature = "formats")]
fn regex(index: usize, (source, ignore_case): (&str, bool)) -> &'static regex::Regex {
    static COMPILED: [OnceLock<regex::Regex>; 5] = [const { OnceLock::new() }; 5];
    COMPILED[index].get_or_init(|| {
        let flags = if ignore_case { "(?i-u)" } else { "(?-u)" };
        regex::Regex::new(&format!("{flags}{source}")).expect("ajv-formats' expressions are valid")
    })
}

/// The JavaScript sources of the formats' regular expressions, by name, for
/// the test that holds the package's to the same text.
#[doc(hidden)]
#[must_use]
pub fn sources() -> [(&'static str, &'static str); 5] {
    [
        ("email", EMAIL.0),
        ("ipv4", IPV4.0),
        ("ipv6", IPV6.0),
        ("uri", URI.0),
        ("uuid", UUID.0),
    ]
}

/// The number `digits` writes, when it is there and all ASCII digits
/// (`\d` in ajv-formats' expressions): `None` otherwise.
fn number(digits: Option<&[u8]>) -> Option<u32> {
    let digits = digits?;
    digits
        .iter()
        .all(u8::is_ascii_digit)
        .then(|| digits.iter().fold(0, |n, d| n * 10 + u32::from(d - b'0')))
}

/// The year, month and day of `YYYY-MM-DD` (digits only), as ajv-formats'
/// `DATE` reads them.
fn date_parts(s: &str) -> Option<(u32, u32, u32)> {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    Some((
        number(b.get(0..4))?,
        number(b.get(5..7))?,
        number(b.get(8..10))?,
    ))
}

/// ajv-formats' `date`: a full-date whose day exists in its month.
#[cfg_attr(
    not(feature = "formats"),
    allow(dead_code, reason = "the check needs the feature")
)]
fn date(s: &str) -> bool {
    const DAYS: [u32; 13] = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    let Some((year, month, day)) = date_parts(s) else {
        return false;
    };
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    (1..=12).contains(&month)
        && day >= 1
        && day
            <= if month == 2 && leap {
                29
            } else {
                DAYS[month as usize]
            }
}

/// JavaScript's `\s` (without the `u` flag): white space and line terminators.
fn js_space(c: char) -> bool {
    matches!(
        c,
        '\t' | '\n' | '\u{b}' | '\u{c}' | '\r' | ' ' | '\u{a0}' | '\u{1680}' | '\u{2000}'
            ..='\u{200a}'
                | '\u{2028}'
                | '\u{2029}'
                | '\u{202f}'
                | '\u{205f}'
                | '\u{3000}'
                | '\u{feff}'
    )
}

/// ajv-formats' `date-time` ("full", strict time zone): split at `t`, `T`
/// or any JavaScript white space into exactly a date and a time.
#[cfg_attr(
    not(feature = "formats"),
    allow(dead_code, reason = "the check needs the feature")
)]
fn date_time(s: &str) -> bool {
    let mut parts = s.split(|c: char| c == 't' || c == 'T' || js_space(c));
    match (parts.next(), parts.next(), parts.next()) {
        (Some(d), Some(t), None) => date(d) && time(t),
        _ => false,
    }
}

/// ajv-formats' `time` with a required time zone: `HH:MM:SS[.frac]` and `Z`
/// or `±HH[[:]MM]`; second 60 only where the time is 23:59 in UTC. Seconds
/// are read as a float, as JavaScript's `+` reads them (so `59.9999999999999999`
/// is 60).
#[cfg_attr(
    not(feature = "formats"),
    allow(dead_code, reason = "the check needs the feature")
)]
fn time(text: &str) -> bool {
    let b = text.as_bytes();
    let (Some(hr), Some(min)) = (number(b.get(0..2)), number(b.get(3..5))) else {
        return false;
    };
    if b.get(2) != Some(&b':') || b.get(5) != Some(&b':') || number(b.get(6..8)).is_none() {
        return false;
    }
    // Seconds: two digits, then `.` and at least one digit, optionally.
    let mut end = 8;
    if b.get(end) == Some(&b'.') {
        let frac = b[end + 1..]
            .iter()
            .take_while(|d| d.is_ascii_digit())
            .count();
        if frac == 0 {
            return false;
        }
        end += 1 + frac;
    }
    let Ok(sec) = text[6..end].parse::<f64>() else {
        return false;
    };
    // The zone: `z`, `Z`, or a sign, two digits, an optional `:` and two digits.
    let zone = &b[end..];
    let (sign, tz_h, tz_m) = match zone {
        [b'z' | b'Z'] => (1_i64, 0, 0),
        [sign @ (b'+' | b'-'), rest @ ..] => {
            let sign = if *sign == b'-' { -1 } else { 1 };
            // `HH`, `HHMM` or `HH:MM`: where the minutes start, if any.
            let minutes = match rest.len() {
                2 => None,
                4 => Some(2),
                5 if rest[2] == b':' => Some(3),
                _ => return false,
            };
            let Some(h) = number(rest.get(..2)) else {
                return false;
            };
            match minutes.map(|at| number(rest.get(at..))) {
                None => (sign, h, 0),
                Some(Some(m)) => (sign, h, m),
                Some(None) => return false,
            }
        }
        // No zone: refused in the strict mode ajv-formats' `date-time` uses.
        _ => return false,
    };
    if tz_h > 23 || tz_m > 59 {
        return false;
    }
    if hr <= 23 && min <= 59 && sec < 60.0 {
        return true;
    }
    // A leap second: 23:59:60 in UTC.
    let utc_min = i64::from(min) - i64::from(tz_m) * sign;
    let utc_hr = i64::from(hr) - i64::from(tz_h) * sign - i64::from(utc_min < 0);
    (utc_hr == 23 || utc_hr == -1) && (utc_min == 59 || utc_min == -1) && sec < 61.0
}

#[cfg(test)]
mod tests {
    use super::{Format, schema};

    #[test]
    fn a_second_format_is_kept_in_all_of() {
        let mut s = schemars::json_schema!({ "type": "string" });
        schema(&mut s, Format::Uuid);
        schema(&mut s, Format::Uri);
        assert_eq!(
            s.as_value(),
            &serde_json::json!({
                "type": "string",
                "format": "uuid",
                "allOf": [{ "format": "uri" }],
            })
        );
    }
}
