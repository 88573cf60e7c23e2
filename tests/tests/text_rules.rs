//! The text rules added through the rules table (`ascii`, `prefix`,
//! `suffix`, `contains`, `max_utf16`, `min_utf16`): each at and around its
//! limit, on the typed value, the raw walk and the schema (the `jsonschema`
//! crate with the `x-` keywords), with its message and figures.

use desk_schema::{Validate, from_json_str, schema_for, validate_value};
use desk_schema_tests::parity::{schema_paths, validator_for};
use desk_schema_tests::zoo::{FormFields, PublicProfile};
use serde_json::{Value, json};

fn valid() -> Value {
    json!({"Label": "ok", "Key": "custom_a_v1"})
}

/// `(path, code, message)` of every violation, after checking that the
/// typed value (when the JSON reads as one), the raw walk and the schema
/// agree on the paths.
fn violations(value: &Value) -> Vec<(String, String, String)> {
    violations_of::<FormFields>(value)
}

/// [`violations`] of a `PublicProfile` (patterns and a character limit).
fn profile(value: &Value) -> Vec<(String, String, String)> {
    violations_of::<PublicProfile>(value)
}

fn violations_of<T>(value: &Value) -> Vec<(String, String, String)>
where
    T: Validate
        + desk_schema::ValidateIn<<T as Validate>::Context>
        + serde::de::DeserializeOwned
        + schemars::JsonSchema,
{
    let raw = validate_value::<T>(value);
    let text = value.to_string();
    if let Ok(typed) = serde_json::from_str::<T>(&text) {
        assert_eq!(
            typed.validate().err().map(|r| r.to_string()),
            raw.as_ref().err().map(ToString::to_string),
            "typed and raw disagree on {text}"
        );
    }
    let from_text = from_json_str::<T>(&text).err();
    assert_eq!(
        from_text.map(|r| r.to_string()),
        raw.as_ref().err().map(ToString::to_string),
        "from_json_str and validate_value disagree on {text}"
    );
    let found: Vec<(String, String, String)> = raw
        .err()
        .map(|r| {
            r.iter()
                .map(|v| (v.path().to_owned(), v.code().to_owned(), v.message()))
                .collect()
        })
        .unwrap_or_default();
    let schema = validator_for(&schema_for::<T>().to_value());
    // A key that breaks `keys(suffix, ascii)` is reported at its entry in
    // Rust; JSON Schema's `propertyNames` names the map.
    let rust_paths: std::collections::BTreeSet<String> = found
        .iter()
        .map(|(p, c, _)| {
            let key_rule = p.starts_with("/Settings/") && (c == "suffix" || c == "ascii");
            if key_rule {
                "/Settings".to_owned()
            } else {
                p.clone()
            }
        })
        .collect();
    assert_eq!(rust_paths, schema_paths(&schema, value), "schema on {text}");
    found
}

fn with(field: &str, v: Value) -> Value {
    let mut value = valid();
    value[field] = v;
    value
}

#[test]
fn the_valid_form_is_valid_everywhere() {
    assert!(violations(&valid()).is_empty());
}

#[test]
fn utf16_limits_count_what_javascript_counts() {
    // "😀" is 2 UTF-16 code units (4 bytes, 1 character); "名" is 1 (3 bytes).
    for (label, units) in [
        ("ab", 2),
        ("名名名名名名", 6),
        ("😀😀😀", 6),
        ("a😀😀😀", 7),
        ("😀", 2),
        ("a", 1),
    ] {
        assert_eq!(label.encode_utf16().count(), units);
        let found = violations(&with("Label", json!(label)));
        let expected: Vec<(String, String, String)> = if units > 6 {
            vec![(
                "/Label".into(),
                "max_utf16".into(),
                format!("{units} UTF-16 code units (JavaScript's length); at most 6"),
            )]
        } else if units < 2 {
            vec![(
                "/Label".into(),
                "min_utf16".into(),
                format!("{units} UTF-16 code unit (JavaScript's length); at least 2"),
            )]
        } else {
            vec![]
        };
        assert_eq!(found, expected, "{label:?}");
    }
}

#[test]
fn prefix_and_suffix_both_hold_and_name_their_text() {
    let found = violations(&with("Key", json!("x_v2")));
    assert_eq!(
        found,
        vec![
            (
                "/Key".into(),
                "prefix".into(),
                r#"does not start with "custom_""#.into()
            ),
            (
                "/Key".into(),
                "suffix".into(),
                r#"does not end with "_v1""#.into()
            ),
        ]
    );
    // Non-ASCII: the byte offset of the first such character.
    let found = violations(&with("Key", json!("custom_é_v1")));
    assert_eq!(
        found,
        vec![(
            "/Key".into(),
            "ascii".into(),
            "U+00E9 (at the 8th byte) is not ASCII; only characters U+0000 to U+007F are allowed"
                .into()
        )]
    );
}

#[test]
fn contains_and_two_character_sets_on_one_field() {
    assert!(violations(&with("Contact", json!("a@b"))).is_empty());
    assert!(violations(&with("Contact", Value::Null)).is_empty());
    let found = violations(&with("Contact", json!("ab\t")));
    let codes: Vec<&str> = found.iter().map(|(_, c, _)| c.as_str()).collect();
    // At one path, in the order of `Kind::CODES`.
    assert_eq!(codes, ["charset", "contains"]);
    assert_eq!(found[1].2, r#"does not contain "@""#);
}

#[test]
fn rules_inside_items_keys_and_values() {
    let mut value = valid();
    value["Tags"] = json!(["#ok", "nope", "#😀😀😀😀"]);
    value["Settings"] = json!({"a.cfg": "x=1", "名.cfg": "x", "b": "="});
    let found: Vec<(String, String)> = violations(&value)
        .into_iter()
        .map(|(p, c, _)| (p, c))
        .collect();
    let expect = |p: &str, c: &str| (p.to_owned(), c.to_owned());
    assert_eq!(
        found,
        vec![
            expect("/Settings/b", "suffix"),
            expect("/Settings/名.cfg", "ascii"),
            expect("/Settings/名.cfg", "contains"),
            expect("/Tags/1", "prefix"),
            expect("/Tags/2", "max_utf16"),
        ]
    );
}

#[test]
fn text_rules_are_patterns_in_all_of_with_an_annotation_naming_the_rule() {
    let schema = schema_for::<FormFields>().to_value();
    let key = &schema["properties"]["Key"];
    assert_eq!(key["pattern"], "^[\\x00-\\x7F]*$");
    assert_eq!(
        key["allOf"],
        json!([
            {"pattern": "^custom_", "x-prefix": "custom_"},
            {"pattern": "_v1$", "x-suffix": "_v1"},
        ])
    );
    let label = &schema["properties"]["Label"];
    assert_eq!(
        (&label["maxLength"], &label["x-maxUtf16"]),
        (&json!(6), &json!(6))
    );
    assert_eq!(
        (&label["minLength"], &label["x-minUtf16"]),
        (&json!(1), &json!(2))
    );
    // A text with pattern syntax is escaped: `.cfg` ends with a dot, not any character.
    let names = &schema["properties"]["Settings"]["propertyNames"];
    assert_eq!(names["allOf"][0]["pattern"], "\\.cfg$");
    assert!(
        violations(&with("Settings", json!({"xcfg": "="})))
            .iter()
            .any(|(p, c, _)| p == "/Settings/xcfg" && c == "suffix")
    );
}

#[test]
fn patterns_match_as_javascript_reads_them() {
    assert!(profile(&json!({"Handle": "ab.c-1"})).is_empty());
    let found = profile(&json!({"Handle": "Ab"}));
    assert_eq!(
        found,
        vec![(
            "/Handle".into(),
            "pattern".into(),
            "does not match the pattern ^[a-z][a-z0-9_.-]{1,7}$".into()
        )]
    );
    // ECMAScript's `.` is any character but a line terminator: an emoji is
    // one, U+2028 (LINE SEPARATOR) and `\r` are none.
    assert!(profile(&json!({"Note": "😀😀😀😀😀😀"})).is_empty());
    for broken in ["a\u{2028}b", "a\rb", "a\nb", "1234567"] {
        let found = profile(&json!({"Note": broken}));
        assert_eq!(found.len(), 1, "{broken:?}");
        assert_eq!(found[0].1, "pattern", "{broken:?}");
    }
    // A Unicode property, inside `items(...)`.
    let value = json!({"Regions": ["CN-86", "CN-８６", "cn-86"]});
    let paths: Vec<String> = profile(&value).into_iter().map(|(p, _, _)| p).collect();
    // Full-width digits are `\p{Nd}` too.
    assert_eq!(paths, ["/Regions/2"]);
}

#[test]
fn texts_in_messages_are_quoted_as_json_writes_them() {
    use desk_schema::Kind;
    // As JavaScript's `JSON.stringify` quotes them in the package, and DEL,
    // the C1 controls, the bidirectional controls, the line separators and
    // the invisible characters (a soft hyphen) escaped too; a combining
    // accent as it is.
    let prefix = Kind::Prefix { prefix: "\u{1}a" };
    assert_eq!(prefix.to_string(), r#"does not start with "\u0001a""#);
    let contains = Kind::Contains {
        substring: "\u{7f}\u{85}\u{202e}\u{2029}\u{ad}e\u{301}",
    };
    assert_eq!(
        contains.to_string(),
        "does not contain \"\\u007f\\u0085\\u202e\\u2029\\u00ade\u{301}\""
    );
}

#[test]
fn a_character_limit_beside_a_utf16_limit_is_reported_on_its_own() {
    // "aaaaaa": 6 characters (over 5) and 6 UTF-16 code units (at the limit).
    let found = profile(&json!({"Title": "aaaaaa"}));
    let codes: Vec<&str> = found.iter().map(|(_, c, _)| c.as_str()).collect();
    assert_eq!(codes, ["max_chars"]);
    let schema = schema_for::<PublicProfile>().to_value();
    assert_eq!(schema["properties"]["Title"]["x-maxChars"], json!(5));
    // Four emoji: 4 characters, 8 UTF-16 code units.
    let found = profile(&json!({"Title": "😀😀😀😀"}));
    let codes: Vec<&str> = found.iter().map(|(_, c, _)| c.as_str()).collect();
    assert_eq!(codes, ["max_utf16"]);
}
