//! Hostile input: each case gets a clear report, never a panic, a hang, an
//! echo of the value, or silently lost data.

use std::fmt::Write as _;

use desk_schema::create_group::CreateGroupRequest;
use desk_schema::{Kind, Report, from_json_str};
use serde_json::{Value, json};

const SAMPLE: &str = include_str!("../../desk-schema/examples/create_group.request.json");

fn report(text: &str) -> Report {
    from_json_str::<CreateGroupRequest>(text).unwrap_err()
}

fn found(report: &Report) -> Vec<(String, &'static str)> {
    report
        .iter()
        .map(|v| (v.path().to_owned(), v.code()))
        .collect()
}

fn sample_with(field: &str, raw_value: &str) -> String {
    let mut v: Value = serde_json::from_str(SAMPLE).unwrap();
    v[field] = json!("__PLACEHOLDER__");
    v.to_string().replace("\"__PLACEHOLDER__\"", raw_value)
}

#[test]
fn deep_nesting_is_a_clear_error_not_a_stack_overflow() {
    // Unterminated: one syntax violation.
    let deep = "[".repeat(100_000);
    let r = report(&deep);
    assert_eq!(found(&r), [(String::new(), "syntax")]);
    assert!(r.to_string().contains("not valid JSON"), "{r}");
    // Terminated, where an object is expected: the walk skips nested values
    // without recursing, so it is a type violation.
    let closed = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let r = report(&closed);
    assert_eq!(found(&r), [(String::new(), "type")]);
    // Inside a field, and inside an unknown property.
    let r = report(&sample_with("Name", &closed));
    assert_eq!(found(&r), [("/Name".to_owned(), "type")]);
    let r = report(&sample_with("Extra", &closed));
    assert_eq!(found(&r), [(String::new(), "unknown_field")]);
    // Deeper in the request: still a type violation where a string is expected.
    let mut v: Value = serde_json::from_str(SAMPLE).unwrap();
    v["AppDefinedData"] = json!([{"Key": "k", "Value": "__PLACEHOLDER__"}]);
    let text = v.to_string().replace("\"__PLACEHOLDER__\"", &closed);
    assert_eq!(
        found(&report(&text)),
        [("/AppDefinedData/0/Value".to_owned(), "type")]
    );
    // A `skip` field is read whole: serde_json's depth limit (128) applies.
    let text = format!(
        r#"{{"bytes":"abc","chars":"ab","graphemes":"a","id":"g","low":0,"high":1,"items":[{{"Name":"x"}}],"extra":{closed}}}"#
    );
    let r = from_json_str::<desk_schema_tests::every_rule::EveryRule>(&text).unwrap_err();
    assert_eq!(found(&r), [(String::new(), "syntax")]);
    assert!(r.to_string().contains("recursion limit exceeded"), "{r}");
}

/// The report as JSON, to compare two of them whole.
fn json_of(result: Result<(), Report>) -> Value {
    result.map_or_else(|r| serde_json::to_value(r).unwrap(), |()| json!([]))
}

#[test]
fn a_value_nested_deeper_than_json_text_is_checked_as_its_text() {
    #[derive(Debug, serde::Deserialize, desk_schema::Validate)]
    struct Tree {
        #[desk(max_bytes = 3)]
        name: String,
        #[desk(nested)]
        children: Vec<Tree>,
    }
    // Each level of the tree is two of JSON's (an object, a list): around
    // serde_json's limit of 128, `validate_value` gives what `from_json_str`
    // gives on the value's text, a broken rule at the bottom included.
    for levels in [62, 63, 64, 65, 80] {
        let mut value = json!({"name": "long", "children": []});
        for _ in 1..levels {
            value = json!({"name": "ok", "children": [value]});
        }
        let text = value.to_string();
        let walked = json_of(desk_schema::validate_value::<Tree>(&value));
        let read = json_of(from_json_str::<Tree>(&text).map(|_| ()));
        assert_eq!(walked, read, "{levels} levels");
        let code = walked[0]["code"].as_str().unwrap().to_owned();
        assert_eq!(
            code,
            if levels < 64 { "max_bytes" } else { "syntax" },
            "{levels}"
        );
    }
    // Far deeper than any stack: built in code, read by the request, an
    // unknown property and a field read whole, without running out of stack.
    let mut deep = json!(0);
    for _ in 0..100_000 {
        deep = Value::Array(vec![deep]);
    }
    let closed = format!("{}0{}", "[".repeat(100_000), "]".repeat(100_000));
    for field in ["Name", "Extra"] {
        let mut value: Value = serde_json::from_str(SAMPLE).unwrap();
        value[field] = Value::Null;
        let walked = {
            let mut value = value.clone();
            value[field] = std::mem::take(&mut deep);
            let walked = json_of(desk_schema::validate_value::<CreateGroupRequest>(&value));
            deep = value[field].take();
            walked
        };
        let text = value.to_string().replace("null", &closed);
        let read = json_of(from_json_str::<CreateGroupRequest>(&text).map(|_| ()));
        assert_eq!(walked, read, "{field}");
    }
    // A `Value` drops recursively: let this one go unfreed.
    std::mem::forget(deep);
}

#[test]
fn duplicate_keys_are_reported_where_they_are() {
    let text = r#"{"Type":"Public","GroupId":"g","Name":"a","Name":"b",
        "MemberList":[{"Member_Account":"u","Member_Account":"v"},{"Member_Account":"@customer_service_account"}]}"#;
    let r = report(text);
    assert_eq!(
        found(&r),
        [
            (String::new(), "duplicate_key"),
            ("/MemberList/0".to_owned(), "duplicate_key")
        ]
    );
    assert_eq!(
        r.violations()[0].kind(),
        &Kind::DuplicateKey {
            property: "Name".into()
        }
    );
    assert!(
        r.to_string()
            .contains(r#"property "Member_Account" appears more than once"#)
    );
}

#[test]
fn a_repeated_key_inside_a_nested_json_value_is_reported_at_every_depth() {
    // A `serde_json::Value` field keeps the last of two keys silently in
    // serde; the walk reads it whole and says where the repeat is, as it
    // does inside a `skip` field and tagged content.
    #[derive(Debug, PartialEq, serde::Deserialize, desk_schema::Validate)]
    struct Holder {
        #[desk(nested)]
        n: Value,
        #[desk(nested)]
        #[serde(default)]
        list: Vec<Value>,
    }
    // Without a default of its own, so that nothing else keeps the typed
    // parse from answering first.
    #[derive(Debug, PartialEq, serde::Deserialize, desk_schema::Validate)]
    struct Plain {
        #[desk(nested)]
        v: Value,
    }
    #[derive(Debug, PartialEq, serde::Deserialize, desk_schema::Validate)]
    struct Outer {
        #[desk(nested)]
        p: Plain,
        #[desk(nested)]
        o: Option<Value>,
    }
    for (text, path) in [
        (r#"{"n":{"a":1,"a":2}}"#, "/n"),
        (r#"{"n":[{"b":{"c":1,"c":1}}]}"#, "/n/0/b"),
        (r#"{"n":1,"list":[{},{"d":1,"d":1}]}"#, "/list/1"),
    ] {
        let r = from_json_str::<Holder>(text).unwrap_err();
        assert_eq!(found(&r), [(path.to_owned(), "duplicate_key")], "{text}");
    }
    let r = from_json_str::<Plain>(r#"{"v":{"a":1,"a":2}}"#).unwrap_err();
    assert_eq!(found(&r), [("/v".to_owned(), "duplicate_key")]);
    let r = from_json_str::<Outer>(r#"{"p":{"v":1},"o":{"a":1,"a":2}}"#).unwrap_err();
    assert_eq!(found(&r), [("/o".to_owned(), "duplicate_key")]);
    // Without a repeat, the value is serde's own.
    let text = r#"{"n":{"a":[1,2.5,"x",null]},"list":[true]}"#;
    assert_eq!(
        from_json_str::<Holder>(text).unwrap(),
        serde_json::from_str::<Holder>(text).unwrap()
    );
}

#[test]
fn with_a_repeated_property_the_last_value_is_the_one_checked() {
    // As serde_json and JSON.parse read it: paths point into the value kept.
    let text = r#"{"Type":"Public","GroupId":"g","Name":"n",
        "MemberList":[{"Member_Account":"u"},{"Member":"x"}],
        "MemberList":[{"Member_Account":"u"},{"Member_Account":"@customer_service_account"}]}"#;
    let r = report(text);
    assert_eq!(found(&r), [(String::new(), "duplicate_key")]);
}

#[test]
fn numbers_out_of_place_are_type_or_range_violations() {
    for (raw, code) in [
        ("-1", "range"),
        ("0", "range"),
        ("1.5", "type"),
        ("1e400", "range"),
        ("18446744073709551616", "range"),
        ("\"500\"", "type"),
        ("500.0", "type"),
    ] {
        let r = report(&sample_with("MaxMemberCount", raw));
        assert_eq!(
            found(&r),
            [("/MaxMemberCount".to_owned(), code)],
            "MaxMemberCount {raw}: {r}"
        );
    }
}

#[test]
fn a_byte_order_mark_is_named() {
    let r = report(&format!("\u{feff}{SAMPLE}"));
    assert_eq!(found(&r), [(String::new(), "syntax")]);
    assert!(r.to_string().contains("byte order mark"));
    // Its reason is written in json.rs and translated in i18n.rs by its
    // text: the two must stay the same words.
    let zh = r.localized(desk_schema::Locale::ZhCn).to_string();
    assert!(zh.contains("字节顺序标记（U+FEFF）"), "{zh}");
}

#[test]
fn an_unpaired_surrogate_is_named_at_its_string_and_nothing_else_is_reported() {
    // High alone, high before another escape, low alone, two highs, in a
    // property name (at its object): one violation, the surrogate named.
    for (raw, at, unit) in [
        (r#""A\ud800B""#, "/Name", "D800"),
        (r#""\ud800\u0041""#, "/Name", "D800"),
        (r#""x\uDC00""#, "/Name", "DC00"),
        (r#""\udbff\udbff""#, "/Name", "DBFF"),
        (r#"{"a\ud800":1}"#, "/Name", "D800"),
        // After a pair, the lone one; an escaped backslash and the letters
        // `ud800` are not an escape; a high one before another high one.
        (r#""\ud83d\ude00\udc00""#, "/Name", "DC00"),
        (r#""\ud83d\ude00\ud800""#, "/Name", "D800"),
        (r#""\\ud800\udc00""#, "/Name", "DC00"),
        (r#""\ud800\udbff""#, "/Name", "D800"),
        (r#"{"\ud83d\ude00\udc00":1}"#, "/Name", "DC00"),
    ] {
        let r = report(&sample_with("Name", raw));
        assert_eq!(
            found(&r),
            [(at.to_owned(), "unpaired_surrogate")],
            "{raw}: {r}"
        );
        assert!(r.to_string().contains(&format!("\\u{unit}")), "{raw}: {r}");
    }
    // A pair is one character; a bad escape stays a syntax error.
    let pair: CreateGroupRequest =
        from_json_str(&sample_with("Name", r#""\ud83d\ude00""#)).unwrap();
    assert_eq!(pair.name, "😀");
    let r = report(&sample_with("Name", r#""\u12""#));
    assert_eq!(found(&r), [(String::new(), "syntax")]);
}

#[test]
fn raw_control_characters_are_syntax_errors() {
    let r = report(&sample_with("Name", "\"a\u{0}b\""));
    assert_eq!(r.violations()[0].code(), "syntax");
    assert!(r.to_string().contains("control character"), "{r}");
}

#[test]
fn escaped_control_characters_break_only_the_ascii_rule() {
    // IDs are printable ASCII: a NUL is a charset violation at its offset.
    let r = report(&sample_with("GroupId", r#""ab\u0000""#));
    assert_eq!(found(&r), [("/GroupId".to_owned(), "charset")]);
    assert!(r.to_string().contains("the 3rd byte"), "{r}");
    // The page gives Name no character rule: a NUL is 1 byte of it.
    let name_with_nul: CreateGroupRequest =
        from_json_str(&sample_with("Name", r#""a\u0000b""#)).unwrap();
    assert_eq!(name_with_nul.name, "a\u{0}b");
}

#[test]
fn a_ten_megabyte_name_gets_its_size_not_an_echo() {
    let big = "名".repeat(3_500_000); // 10.5 MB
    let r = report(&sample_with("Name", &format!("\"{big}\"")));
    assert_eq!(found(&r), [("/Name".to_owned(), "max_bytes")]);
    let text = r.to_string();
    assert_eq!(
        text,
        "/Name: 10500000 bytes in UTF-8 (3500000 characters); at most 100 bytes"
    );
    assert!(serde_json::to_string(&r).unwrap().len() < 300);
}

#[test]
fn a_million_members_are_refused_with_one_violation() {
    let mut text = String::from(r#"{"Type":"Public","GroupId":"g","Name":"n","MemberList":["#);
    for i in 0..1_000_000 {
        write!(text, r#"{{"Member_Account":"u{i}"}},"#).unwrap();
    }
    text.push_str(r#"{"Member_Account":"@customer_service_account"}]}"#);
    let r = report(&text);
    assert_eq!(found(&r), [("/MemberList".to_owned(), "max_items")]);
    assert_eq!(
        r.to_string(),
        "/MemberList: 1000001 items; at most 100 items"
    );
}
