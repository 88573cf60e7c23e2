//! A typed float no JSON number is (an infinity, NaN: a value built in
//! Rust, or serde's `f32` from a tagged enum's buffer) is `range`, and its
//! figure in the report's JSON is the text Rust writes (`"inf"`), not the
//! `null` of a number past any double. The npm package's `localize` reads
//! the lines of `REPORTS` below (`npm/desk-schema/test/api.test.js`) and
//! writes each in the other language as this crate does.

use desk_schema::{Locale, Validate};

#[derive(Debug, serde::Deserialize, Validate)]
struct Reading {
    #[desk(nested)]
    ratio: f32,
    #[desk(range(min = 0, max = 1))]
    share: f64,
}

/// The report of `Reading { ratio, share }`, as JSON in English and in
/// Chinese, one violation per line.
const REPORTS: &[(f32, f64, &str, &str)] = &[
    (
        f32::INFINITY,
        0.5,
        r#"{"path":"/ratio","code":"range","message":"inf is out of range; must be a finite number (JSON has no infinity or NaN)","min":null,"max":null,"actual":"inf"}"#,
        r#"{"path":"/ratio","code":"range","message":"inf 超出范围；应为有限数值（JSON 不能表示无穷大或 NaN）","min":null,"max":null,"actual":"inf"}"#,
    ),
    (
        f32::NEG_INFINITY,
        f64::NAN,
        r#"{"path":"/ratio","code":"range","message":"-inf is out of range; must be a finite number (JSON has no infinity or NaN)","min":null,"max":null,"actual":"-inf"}
{"path":"/share","code":"range","message":"NaN is out of range; must be from 0 to 1","min":0,"max":1,"actual":"NaN"}"#,
        r#"{"path":"/ratio","code":"range","message":"-inf 超出范围；应为有限数值（JSON 不能表示无穷大或 NaN）","min":null,"max":null,"actual":"-inf"}
{"path":"/share","code":"range","message":"NaN 超出范围；应在 0 到 1 之间","min":0,"max":1,"actual":"NaN"}"#,
    ),
    (
        1.5,
        f64::INFINITY,
        r#"{"path":"/share","code":"range","message":"inf is out of range; must be from 0 to 1","min":0,"max":1,"actual":"inf"}"#,
        r#"{"path":"/share","code":"range","message":"inf 超出范围；应在 0 到 1 之间","min":0,"max":1,"actual":"inf"}"#,
    ),
];

/// The report's JSON, as `REPORTS` writes it.
fn json(report: &desk_schema::Report, locale: Locale) -> String {
    serde_json::to_string(&report.localized(locale)).unwrap()
}

/// `REPORTS`' lines as one JSON array.
fn array(lines: &str) -> String {
    format!("[{}]", lines.replace('\n', ","))
}

#[test]
fn a_typed_infinity_or_nan_is_range_with_its_text_as_the_figure() {
    for &(ratio, share, en, zh) in REPORTS {
        let report = Reading { ratio, share }.validate().unwrap_err();
        assert_eq!(json(&report, Locale::En), array(en), "{ratio} {share}");
        assert_eq!(json(&report, Locale::ZhCn), array(zh), "{ratio} {share}");
    }
}

#[test]
fn the_same_fields_read_from_json_never_hold_one() {
    // A number past an `f32` keeps its figure; one past any double (which
    // `serde_json` cannot read, the report's one violation) has none.
    for (text, actual, message) in [
        (
            r#"{"ratio":1e39,"share":0.5}"#,
            serde_json::json!(1e39),
            "/ratio: 1e+39 is out of range; must be within what a 32-bit float holds (about ±3.4e38)",
        ),
        (
            r#"{"ratio":1,"share":-1e400}"#,
            serde_json::Value::Null,
            "/share: the number is out of range; must be within what a 64-bit float holds (about ±1.8e308)",
        ),
    ] {
        let report = desk_schema::from_json_str::<Reading>(text).unwrap_err();
        assert_eq!(serde_json::to_value(&report).unwrap()[0]["actual"], actual);
        assert_eq!(report.to_string(), message);
    }
}
