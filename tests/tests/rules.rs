//! Every rule at N-1, N and N+1 with 1-, 2-, 3- and 4-byte characters, a ZWJ
//! emoji sequence and combining marks; typed and raw JSON checks must agree.

use desk_schema::{Validate, validate_value};
use desk_schema_tests::every_rule::{EveryRule, Item, Level};
use serde_json::{Value, json};

fn valid_json() -> Value {
    json!({
        "bytes": "abc", "chars": "ab", "graphemes": "a", "id": "group",
        "low": 0, "high": 1, "items": [{"Name": "x"}]
    })
}

/// The codes of the violations at `path`.
fn codes_at(result: Result<(), desk_schema::Report>, path: &str) -> Vec<&'static str> {
    result
        .err()
        .map(|r| {
            r.iter()
                .filter(|v| v.path() == path)
                .map(desk_schema::Violation::code)
                .collect()
        })
        .unwrap_or_default()
}

/// Codes reported at `/field`, by the typed check and by the raw JSON check.
fn codes_for(field: &str, value: &str) -> Vec<&'static str> {
    let mut typed = EveryRule::valid();
    match field {
        "bytes" => typed.bytes = value.into(),
        "chars" => typed.chars = value.into(),
        "graphemes" => typed.graphemes = value.into(),
        "color" => typed.color = Some(value.into()),
        "id" => typed.id = value.into(),
        _ => unreachable!("no such text field"),
    }
    let path = format!("/{field}");
    let typed_codes = codes_at(typed.validate(), &path);
    let mut raw = valid_json();
    raw[field] = Value::from(value);
    let raw_codes = codes_at(validate_value::<EveryRule>(&raw), &path);
    assert_eq!(
        typed_codes, raw_codes,
        "typed and raw disagree on {field} = {value:?}"
    );
    typed_codes
}

const ZWJ_FAMILY: &str = "👨\u{200d}👩\u{200d}👧"; // 1 cluster, 5 scalars, 18 bytes
const E_ACUTE: &str = "e\u{301}"; // 1 cluster, 2 scalars, 3 bytes

#[test]
fn zwj_and_combining_fixtures_are_what_the_tests_assume() {
    assert_eq!((ZWJ_FAMILY.len(), ZWJ_FAMILY.chars().count()), (18, 5));
    assert_eq!((E_ACUTE.len(), E_ACUTE.chars().count()), (3, 2));
}

#[test]
fn max_bytes_at_n_minus_1_n_and_n_plus_1() {
    // The limit is 12 bytes.
    for (unit, width) in [("a", 1), ("é", 2), ("汉", 3), ("😀", 4), (E_ACUTE, 3)] {
        let n = 12 / width;
        let at = unit.repeat(n);
        assert_eq!(at.len(), 12, "{unit}");
        assert_eq!(codes_for("bytes", &at), Vec::<&str>::new(), "N with {unit}");
        let below = &at[..at.len() - width];
        assert_eq!(
            codes_for("bytes", below),
            Vec::<&str>::new(),
            "N-1 units with {unit}"
        );
        let over = format!("{at}a");
        assert_eq!(codes_for("bytes", &over), ["max_bytes"], "N+1 with {unit}");
    }
    assert_eq!(codes_for("bytes", ZWJ_FAMILY), ["max_bytes"]);
    assert_eq!(codes_for("bytes", "aaaaaa"), Vec::<&str>::new());
}

#[test]
fn min_bytes_counts_bytes_not_characters() {
    // The minimum is 3 bytes: one 3-byte character is enough, two ASCII are not.
    assert_eq!(codes_for("bytes", "ab"), ["min_bytes"]);
    assert_eq!(codes_for("bytes", "é"), ["min_bytes"]);
    assert_eq!(codes_for("bytes", "汉"), Vec::<&str>::new());
    assert_eq!(codes_for("bytes", "😀"), Vec::<&str>::new());
    assert_eq!(codes_for("bytes", E_ACUTE), Vec::<&str>::new());
    assert_eq!(codes_for("bytes", ""), ["min_bytes"]);
}

#[test]
fn max_bytes_message_gives_bytes_characters_and_limit() {
    let mut v = EveryRule::valid();
    v.bytes = "汉".repeat(5);
    let report = v.validate().unwrap_err();
    assert_eq!(
        report.to_string(),
        "/bytes: 15 bytes in UTF-8 (5 characters); at most 12 bytes"
    );
}

#[test]
fn chars_count_scalar_values_at_each_width() {
    // 2..=4 characters.
    for unit in ["a", "é", "汉", "😀"] {
        assert_eq!(codes_for("chars", unit), ["min_chars"], "1 x {unit}");
        assert_eq!(codes_for("chars", &unit.repeat(2)), Vec::<&str>::new());
        assert_eq!(codes_for("chars", &unit.repeat(4)), Vec::<&str>::new());
        assert_eq!(
            codes_for("chars", &unit.repeat(5)),
            ["max_chars"],
            "5 x {unit}"
        );
    }
    // One grapheme, but five scalar values.
    assert_eq!(codes_for("chars", ZWJ_FAMILY), ["max_chars"]);
    // Two accented letters are four scalar values: still within 4.
    assert_eq!(codes_for("chars", &E_ACUTE.repeat(2)), Vec::<&str>::new());
    assert_eq!(
        codes_for("chars", &format!("{}e", E_ACUTE.repeat(2))),
        ["max_chars"]
    );
}

#[test]
fn graphemes_count_what_a_reader_sees() {
    // 1..=2 clusters.
    assert_eq!(codes_for("graphemes", ""), ["min_graphemes"]);
    for unit in ["a", "é", "汉", "😀", ZWJ_FAMILY, E_ACUTE] {
        assert_eq!(
            codes_for("graphemes", unit),
            Vec::<&str>::new(),
            "1 x {unit}"
        );
        assert_eq!(
            codes_for("graphemes", &unit.repeat(2)),
            Vec::<&str>::new(),
            "2 x {unit}"
        );
        assert_eq!(
            codes_for("graphemes", &unit.repeat(3)),
            ["max_graphemes"],
            "3 x {unit}"
        );
    }
}

#[test]
fn one_of_accepts_only_listed_values() {
    assert_eq!(codes_for("color", "red"), Vec::<&str>::new());
    assert_eq!(codes_for("color", "Red"), ["enum"]);
    assert_eq!(codes_for("color", "红"), ["enum"]);
    assert_eq!(codes_for("color", ""), ["enum"]);
}

#[test]
fn printable_ascii_and_reserved_prefix() {
    assert_eq!(codes_for("id", " ~"), Vec::<&str>::new());
    assert_eq!(codes_for("id", "a\tb"), ["charset"]);
    assert_eq!(codes_for("id", "a\u{7f}"), ["charset"]);
    assert_eq!(codes_for("id", "汉"), ["charset"]);
    assert_eq!(codes_for("id", "😀"), ["charset"]);
    assert_eq!(codes_for("id", "@TGS#1"), ["reserved_prefix"]);
    assert_eq!(codes_for("id", "@TGS"), Vec::<&str>::new());
    assert_eq!(codes_for("id", "x@TGS#1"), Vec::<&str>::new());
    // Both rules broken: both reported, in the order of `Kind::CODES`.
    assert_eq!(codes_for("id", "@TGS#é"), ["charset", "reserved_prefix"]);
}

#[test]
fn charset_reports_the_byte_offset_not_the_text() {
    let mut v = EveryRule::valid();
    v.id = "secret\u{0}".into();
    let report = v.validate().unwrap_err();
    assert_eq!(report.violations()[0].path(), "/id");
    let text = report.to_string();
    assert!(text.contains("the 7th byte"), "{text}");
    assert!(!text.contains("secret"), "{text}");
}

#[test]
fn integer_range_at_bounds() {
    for (low, ok) in [
        (-6, false),
        (-5, true),
        (-4, true),
        (9, true),
        (10, true),
        (11, false),
    ] {
        let mut v = EveryRule::valid();
        v.low = low;
        v.high = 10;
        let codes: Vec<_> = v
            .validate()
            .err()
            .map(|r| r.iter().map(desk_schema::Violation::code).collect())
            .unwrap_or_default();
        assert_eq!(codes.is_empty(), ok, "low = {low}: {codes:?}");
        let mut raw = valid_json();
        raw["low"] = low.into();
        raw["high"] = 10.into();
        let raw_codes: Vec<_> = validate_value::<EveryRule>(&raw)
            .err()
            .map(|r| r.iter().map(desk_schema::Violation::code).collect())
            .unwrap_or_default();
        assert_eq!(codes, raw_codes);
    }
}

#[test]
fn raw_integers_outside_the_type_are_range_errors_and_fractions_type_errors() {
    for (value, code) in [
        (json!(256), "range"),
        (json!(-1), "range"),
        (json!(1.5), "type"),
        (json!("5"), "type"),
    ] {
        let mut raw = valid_json();
        raw["high"] = value.clone();
        let report = validate_value::<EveryRule>(&raw).unwrap_err();
        let v = &report.violations()[0];
        assert_eq!((v.path(), v.code()), ("/high", code), "{value}");
    }
}

fn items(names: &[&str]) -> Vec<Item> {
    names.iter().map(|n| Item { name: (*n).into() }).collect()
}

#[test]
fn list_size_at_bounds() {
    for (n, code) in [
        (0, Some("min_items")),
        (1, None),
        (3, None),
        (4, Some("max_items")),
    ] {
        let names: Vec<String> = (0..n).map(|i| format!("n{i}")).collect();
        let refs: Vec<&str> = names.iter().map(String::as_str).collect();
        let mut v = EveryRule::valid();
        v.items = items(&refs);
        let codes: Vec<_> = v
            .validate()
            .err()
            .map(|r| r.iter().map(desk_schema::Violation::code).collect())
            .unwrap_or_default();
        assert_eq!(codes, code.into_iter().collect::<Vec<_>>(), "{n} items");
    }
}

#[test]
fn duplicates_by_key_point_at_the_repeat() {
    let mut v = EveryRule::valid();
    v.items = items(&["a", "b", "a"]);
    let report = v.validate().unwrap_err();
    assert_eq!(
        report.to_string(),
        "/items/2/Name: same Name as the 1st item (index 0); each must be unique"
    );
    let mut raw = valid_json();
    raw["items"] = json!([{"Name": "a"}, {"Name": "b"}, {"Name": "a"}]);
    assert_eq!(validate_value::<EveryRule>(&raw).unwrap_err(), report);
}

/// `unique(by)` on `T`'s list `field` of items keyed `key` (a JSON name):
/// two items with key `"a"` are one duplicate at the second, named by the
/// JSON name on every path, and the schema's `x-uniqueBy` says the same.
fn unique_by_names_the_json_key<T>(field: &str, key: &str)
where
    T: Validate<Context = ()>
        + desk_schema::ValidateIn<()>
        + serde::de::DeserializeOwned
        + desk_schema::schemars::JsonSchema,
{
    let raw = json!({ field: [{ key: "a" }, { key: "a" }] });
    let typed: T = serde_json::from_value(raw.clone()).unwrap();
    let report = typed.validate().unwrap_err();
    assert_eq!(
        report.to_string(),
        format!("/{field}/1/{key}: same {key} as the 1st item (index 0); each must be unique")
    );
    assert_eq!(validate_value::<T>(&raw).unwrap_err(), report);
    assert_eq!(
        desk_schema::from_json_str::<T>(&raw.to_string()).err(),
        Some(report)
    );
    let schema = serde_json::to_value(desk_schema::schema_for::<T>()).unwrap();
    assert_eq!(schema["properties"][field]["x-uniqueBy"], key, "{schema}");
    let validator = desk_schema_tests::parity::validator_for(&schema);
    assert!(!validator.is_valid(&raw));
    assert!(validator.is_valid(&json!({ field: [{ key: "a" }, { key: "b" }] })));
}

/// An item's key field with a raw identifier: the paths and the schema
/// name it by its JSON name, as serde does (`r#type` is `Type` here).
#[test]
fn unique_by_a_raw_identifier_names_the_json_key() {
    #[derive(Validate, serde::Deserialize)]
    #[serde(rename_all = "PascalCase")]
    struct Keyed {
        #[desk(max_bytes = 8)]
        r#type: String,
    }
    #[derive(Validate, serde::Deserialize)]
    struct Keyeds {
        #[desk(nested, unique(by = r#type))]
        a: Vec<Keyed>,
    }
    unique_by_names_the_json_key::<Keyeds>("a", "Type");
}

/// A list of boxed items: the key is named by the item's JSON name too.
#[test]
fn unique_by_on_boxed_items_names_the_json_key() {
    #[derive(Validate, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Row {
        #[serde(rename = "ID")]
        #[desk(max_bytes = 8)]
        id: String,
    }
    #[derive(Validate, serde::Deserialize)]
    #[allow(clippy::vec_box, reason = "the shape under test")]
    struct Rows {
        #[desk(nested, unique(by = id))]
        rows: Vec<Box<Row>>,
    }
    unique_by_names_the_json_key::<Rows>("rows", "ID");
}

#[test]
fn duplicates_in_long_lists_use_the_table() {
    // Long enough to leave the pairwise path: every repeat is found once.
    let mut v = EveryRule::valid();
    v.tags = Some((0..40).map(|i| format!("t{}", i % 20)).collect());
    let report = v.validate().unwrap_err();
    let dups: Vec<_> = report
        .iter()
        .filter(|x| x.code() == "duplicate")
        .map(|x| x.path().to_owned())
        .collect();
    assert_eq!(
        dups,
        (20..40).map(|i| format!("/tags/{i}")).collect::<Vec<_>>()
    );
    // 40 items is also above max_items = 4: both kept.
    assert!(report.iter().any(|x| x.code() == "max_items"));
}

#[test]
fn errors_inside_items_are_kept_when_the_list_fails_too() {
    let mut v = EveryRule::valid();
    v.items = items(&["", "ok", "too long!", "x"]);
    let report = v.validate().unwrap_err();
    let got: Vec<_> = report.iter().map(|x| (x.path(), x.code())).collect();
    assert_eq!(
        got,
        [
            ("/items", "max_items"),
            ("/items/0/Name", "min_bytes"),
            ("/items/2/Name", "max_bytes")
        ]
    );
}

#[test]
fn custom_rules_get_the_context() {
    let mut v = EveryRule::valid();
    v.note = Some("buy spam now".into());
    assert_eq!(v.validate().unwrap_err().violations()[0].code(), "banned");
    let ctx = desk_schema_tests::every_rule::Ctx { banned: "eggs" };
    assert!(v.validate_with(&ctx).is_ok());
    v.note = Some("eggs".into());
    assert_eq!(
        v.validate_with(&ctx).unwrap_err().violations()[0].path(),
        "/note"
    );
}

#[test]
fn struct_rules_run_in_typed_and_raw_checks() {
    let mut v = EveryRule::valid();
    v.low = 5;
    v.high = 2;
    let report = v.validate().unwrap_err();
    assert_eq!(report.to_string(), "/low: low is above high");
    let mut raw = valid_json();
    raw["low"] = 5.into();
    raw["high"] = 2.into();
    assert_eq!(validate_value::<EveryRule>(&raw).unwrap_err(), report);
}

#[test]
fn json_pointer_escapes_slash_and_tilde() {
    let mut v = EveryRule::valid();
    v.odd = Some("ab".into());
    assert_eq!(v.validate().unwrap_err().violations()[0].path(), "/a~1b~0c");
}

#[test]
fn raw_json_reports_types_required_unknown_and_enum_in_one_pass() {
    let raw = json!({
        "bytes": 5, "chars": "ab", "id": "group", "low": 0, "high": 1,
        "items": [{"Name": "x", "Extra": 1}], "level": "LOW", "colour": "red"
    });
    let report = validate_value::<EveryRule>(&raw).unwrap_err();
    let got: Vec<_> = report.iter().map(|x| (x.path(), x.code())).collect();
    assert_eq!(
        got,
        [
            ("", "required"),
            ("", "unknown_field"),
            ("/bytes", "type"),
            ("/items/0", "unknown_field"),
            ("/level", "enum"),
        ]
    );
    let text = report.to_string();
    assert!(
        text.contains(r#"missing required property "graphemes""#),
        "{text}"
    );
    assert!(
        text.contains(r#"expected one of "VERY_LOW", "HIGH""#),
        "{text}"
    );
    assert!(text.contains(r#"unknown property "colour""#), "{text}");
}

#[test]
fn enum_variants_follow_rename_all() {
    let mut raw = valid_json();
    raw["level"] = json!("VERY_LOW");
    assert!(validate_value::<EveryRule>(&raw).is_ok());
    let typed: EveryRule = desk_schema::from_json_str(&raw.to_string()).unwrap();
    assert_eq!(typed.level, Some(Level::VeryLow));
}

#[test]
fn from_json_str_reports_syntax_with_line_and_column() {
    let report =
        desk_schema::from_json_str::<EveryRule>("{\n  \"bytes\": \"abc\",,\n}").unwrap_err();
    assert_eq!(report.len(), 1);
    let v = &report.violations()[0];
    assert_eq!(v.code(), "syntax");
    assert_eq!(
        serde_json::to_value(v).unwrap(),
        json!({"path": "", "code": "syntax", "message": v.message(), "line": 2, "column": 18})
    );
}

/// Text that ends too soon is reported at the column after its last
/// character, where what is missing would go, in characters (helper-158:
/// `serde_json` names the last character read, one to the left).
#[test]
fn text_that_ends_too_soon_is_reported_where_the_rest_would_go() {
    for (text, line, column) in [
        ("", 1, 1),
        (" ", 1, 2),
        ("{\"bytes\":", 1, 10),
        ("{\"bytes\":\"客服", 1, 13),
        ("{\n  \"bytes\": \"abc\"", 2, 17),
        ("[\n", 2, 1),
    ] {
        let report = desk_schema::from_json_str::<EveryRule>(text).unwrap_err();
        let v = &report.violations()[0];
        assert_eq!(v.code(), "syntax", "{text:?}");
        assert!(
            v.message().contains("the text ends"),
            "{text:?}: {}",
            v.message()
        );
        let found = serde_json::to_value(v).unwrap();
        assert_eq!(
            (found["line"].clone(), found["column"].clone()),
            (line.into(), column.into()),
            "{text:?}"
        );
    }
}

#[test]
fn report_serializes_each_violation_with_its_figures() {
    let mut v = EveryRule::valid();
    v.bytes = "汉".repeat(5);
    let report = v.validate().unwrap_err();
    assert_eq!(
        serde_json::to_value(&report).unwrap(),
        json!([{
            "path": "/bytes", "code": "max_bytes",
            "message": "15 bytes in UTF-8 (5 characters); at most 12 bytes",
            "limit": 12, "bytes": 15, "chars": 5
        }])
    );
    let err: &dyn std::error::Error = &report;
    assert!(err.to_string().starts_with("/bytes"));
}

/// A number the text gives outside its type, under a `range` rule, in every
/// place a field's value is read: told the bounds it must lie within (the
/// type's narrowed by the rule's), not the type's alone.
mod outside_the_type {
    use std::collections::BTreeMap;

    use desk_schema::{Validate, from_json_str, validate_value};
    use serde::Deserialize;

    #[derive(Debug, Deserialize, Validate)]
    struct Level(#[desk(range(min = 1, max = 5))] u8);

    #[derive(Debug, Deserialize, Validate)]
    enum Setting {
        Level(#[desk(range(max = 9))] u16),
    }

    #[derive(Debug, Deserialize, Validate)]
    struct Form {
        #[desk(range(min = 1))]
        count: Option<u32>,
        #[desk(items(range(min = 2, max = 7)))]
        sizes: Vec<i8>,
        #[desk(values(range(max = 100)))]
        scores: BTreeMap<String, u64>,
        #[desk(range(max = 1))]
        ratio: f32,
        #[desk(range(min = 0))]
        gain: f32,
        #[desk(nested)]
        level: Level,
        #[desk(nested)]
        setting: Setting,
    }

    type Big = u128;

    #[derive(Debug, serde::Serialize, Deserialize, Validate)]
    struct Wide {
        #[desk(range(min = 5))]
        low: u128,
        #[desk(range(max = 100))]
        high: Option<u128>,
        #[desk(items(range(min = -5)))]
        items: Vec<i128>,
        // However the type is written.
        #[desk(range(min = 5))]
        alias: Big,
        #[desk(range(max = 7))]
        path: std::primitive::i128,
        #[desk(values(range(max = 7)))]
        map: std::collections::HashMap<String, u128, std::collections::hash_map::RandomState>,
    }

    /// Each violation's path, code and bounds.
    fn bounds(report: &desk_schema::Report) -> Vec<(String, &'static str, serde_json::Value)> {
        report
            .iter()
            .map(|v| {
                let json = serde_json::to_value(v).unwrap();
                let bounds = serde_json::json!([json["min"], json["max"]]);
                (v.path().to_string(), v.code(), bounds)
            })
            .collect()
    }

    #[test]
    fn a_wide_integer_past_64_bits_is_told_the_same_bounds_typed_and_read() {
        // serde reads each from its digits; the walk reads a double.
        let value = Wide {
            low: 1 << 70,
            high: Some(1 << 64),
            items: vec![0, i128::MIN],
            alias: u128::MAX,
            path: -(1 << 64),
            map: [("k".to_string(), 1 << 64)].into_iter().collect(),
        };
        let text = serde_json::to_string(&value).unwrap();
        assert!(serde_json::from_str::<Wide>(&text).is_ok());
        let typed = value.validate().unwrap_err();
        let read = from_json_str::<Wide>(&text).unwrap_err();
        // One violation each, with the same figures and messages: the
        // walk's double has no exact digits, so neither path gives them.
        assert_eq!(typed, read);
        let u64_max = u64::MAX;
        let i64_min = i64::MIN;
        assert_eq!(
            bounds(&typed),
            [
                (
                    "/alias".to_string(),
                    "range",
                    serde_json::json!([5, u64_max])
                ),
                ("/high".to_string(), "range", serde_json::json!([0, 100])),
                (
                    "/items/1".to_string(),
                    "range",
                    serde_json::json!([-5, u64_max])
                ),
                ("/low".to_string(), "range", serde_json::json!([5, u64_max])),
                ("/map/k".to_string(), "range", serde_json::json!([0, 7])),
                (
                    "/path".to_string(),
                    "range",
                    serde_json::json!([i64_min, 7])
                ),
            ]
        );
        assert_eq!(
            typed.violations()[0].message(),
            "the number is out of range; must be from 5 to 18446744073709551615"
        );
    }

    #[derive(Debug, PartialEq, Deserialize, Validate)]
    #[serde(untagged)]
    enum Count {
        Small(#[desk(range(min = 1))] u8),
        Named(#[desk(max_bytes = 8)] String),
    }

    #[derive(Debug, PartialEq, Deserialize, Validate)]
    #[serde(untagged)]
    enum Words {
        One(#[desk(max_bytes = 8)] String),
        Many(#[desk(max_items = 2)] Vec<String>),
    }

    #[test]
    fn an_untagged_enum_reads_a_whole_number_past_64_bits_as_an_integer() {
        // The integer variant reports it out of range, as an integer field
        // does (and JSON Schema, to which it is an integer); an untagged
        // enum has no other variant of numbers (the derive refuses two).
        assert!(serde_json::from_str::<Count>("1e30").is_err());
        for text in ["1e30", "-1e30", "18446744073709551616"] {
            let report = from_json_str::<Count>(text).unwrap_err();
            let value: serde_json::Value = serde_json::from_str(text).unwrap();
            assert_eq!(validate_value::<Count>(&value).unwrap_err(), report);
            let v = &report.violations()[0];
            assert_eq!(
                (report.len(), v.path(), v.code()),
                (1, "", "range"),
                "{text}"
            );
            assert_eq!(
                v.message(),
                "the number is out of range; must be from 1 to 255",
                "{text}"
            );
        }
        // A fraction is no integer: `type`, as before.
        let report = from_json_str::<Count>("1.5").unwrap_err();
        assert_eq!(report.violations()[0].code(), "type");
        // With no variant of numbers, a number, whatever its size.
        for text in ["1e30", "1e19", "1.5"] {
            let report = from_json_str::<Words>(text).unwrap_err();
            assert_eq!(
                report.violations()[0].message(),
                "expected string or array, found number",
                "{text}"
            );
        }
    }

    /// Each violation as its path and English message, by `from_json_str`,
    /// which must be `validate_value`'s too.
    fn messages(text: &str) -> Vec<(String, String)> {
        let report = from_json_str::<Form>(text).unwrap_err();
        let value: serde_json::Value = serde_json::from_str(text).unwrap();
        assert_eq!(
            validate_value::<Form>(&value).unwrap_err(),
            report,
            "{text}"
        );
        report
            .iter()
            .map(|v| (v.path().to_string(), v.message()))
            .collect()
    }

    #[test]
    fn reports_the_bounds_the_number_must_lie_within() {
        let text = r#"{"count": -1, "sizes": [3, 200, -129], "scores": {"a": -5},
            "ratio": 1e39, "gain": 1e39, "level": 300, "setting": {"Level": 70000}}"#;
        let expected = [
            ("/count", "-1 is out of range; must be from 1 to 4294967295"),
            (
                "/gain",
                "1e+39 is out of range; must be within what a 32-bit float holds (about ±3.4e38)",
            ),
            ("/level", "300 is out of range; must be from 1 to 5"),
            ("/ratio", "1e+39 is out of range; must be at most 1"),
            ("/scores/a", "-5 is out of range; must be from 0 to 100"),
            (
                "/setting/Level",
                "70000 is out of range; must be from 0 to 9",
            ),
            ("/sizes/1", "200 is out of range; must be from 2 to 7"),
            ("/sizes/2", "-129 is out of range; must be from 2 to 7"),
        ];
        let expected: Vec<(String, String)> = expected
            .iter()
            .map(|(p, m)| ((*p).to_string(), (*m).to_string()))
            .collect();
        assert_eq!(messages(text), expected);
    }
}
