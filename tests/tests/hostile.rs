//! Hostile input: each case gets a clear report, never a panic, a hang, an
//! echo of the value, or silently lost data.

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
fn deep_nesting_is_a_syntax_error_not_a_stack_overflow() {
    let deep = "[".repeat(100_000);
    let r = report(&deep);
    assert_eq!(found(&r), [(String::new(), "syntax")]);
    assert!(r.to_string().contains("recursion limit exceeded"), "{r}");
    // Inside a field too.
    let r = report(&sample_with("Name", &"[".repeat(100_000)));
    assert_eq!(r.violations()[0].code(), "syntax");
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
}

#[test]
fn lone_surrogates_and_raw_control_characters_are_syntax_errors() {
    let r = report(&sample_with("Name", r#""\ud800""#));
    assert_eq!(r.violations()[0].code(), "syntax");
    assert!(r.to_string().contains("escape"), "{r}");
    let r = report(&sample_with("Name", "\"a\u{0}b\""));
    assert_eq!(r.violations()[0].code(), "syntax");
    assert!(r.to_string().contains("control character"), "{r}");
}

#[test]
fn escaped_control_characters_break_only_the_ascii_rule() {
    // IDs are printable ASCII: a NUL is a charset violation at its offset.
    let r = report(&sample_with("GroupId", r#""ab\u0000""#));
    assert_eq!(found(&r), [("/GroupId".to_owned(), "charset")]);
    assert!(r.to_string().contains("byte 2"));
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
        text.push_str(&format!(r#"{{"Member_Account":"u{i}"}},"#));
    }
    text.push_str(r#"{"Member_Account":"@customer_service_account"}]}"#);
    let r = report(&text);
    assert_eq!(found(&r), [("/MemberList".to_owned(), "max_items")]);
    assert_eq!(
        r.to_string(),
        "/MemberList: 1000001 items; at most 100 items"
    );
}
