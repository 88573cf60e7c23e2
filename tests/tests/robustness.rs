//! Arbitrary bytes and arbitrary JSON values: no panic, the report
//! serializes, and every reported path is a JSON Pointer that resolves in the
//! input (a missing or unknown property is reported at its parent object,
//! which resolves too).

use desk_schema::create_group::CreateGroupRequest;
use desk_schema::{Report, from_json_str, validate_value};
use proptest::prelude::*;
use serde_json::{Map, Value};

const KEYS: &[&str] = &[
    "Type",
    "GroupId",
    "Name",
    "Owner_Account",
    "Introduction",
    "Notification",
    "FaceUrl",
    "MaxMemberCount",
    "ApplyJoinOption",
    "InviteJoinOption",
    "AppDefinedData",
    "MemberList",
    "AppMemberDefinedData",
    "Member_Account",
    "Role",
    "Key",
    "Value",
    "a/b",
    "~0",
    "",
];
const STRINGS: &[&str] = &[
    "Public",
    "Private",
    "Admin",
    "FreeAccess",
    "DisableInvite",
    "@customer_service_account",
    "@TGS#x",
    "群组",
    "👨\u{200d}👩\u{200d}👧",
    "e\u{301}",
    "",
    "\u{0}",
];

fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        prop::sample::select(STRINGS).prop_map(Value::from),
        ".{0,40}".prop_map(Value::from),
    ];
    leaf.prop_recursive(6, 120, 12, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..12).prop_map(Value::Array),
            prop::collection::vec((prop::sample::select(KEYS), inner), 0..14).prop_map(|kv| {
                Value::Object(
                    kv.into_iter()
                        .map(|(k, v)| (k.to_owned(), v))
                        .collect::<Map<_, _>>(),
                )
            }),
        ]
    })
}

/// Serializes, and every path resolves in `input` (when it is JSON at all).
fn check(report: &Report, input: Option<&Value>) -> Result<(), TestCaseError> {
    let text = serde_json::to_string(report).map_err(|e| TestCaseError::fail(e.to_string()))?;
    let back: Value =
        serde_json::from_str(&text).map_err(|e| TestCaseError::fail(e.to_string()))?;
    prop_assert_eq!(back.as_array().map(Vec::len), Some(report.len()));
    prop_assert!(!report.is_empty());
    for v in report {
        prop_assert!(
            v.path().is_empty() || v.path().starts_with('/'),
            "not a pointer: {}",
            v.path()
        );
        if let Some(input) = input {
            prop_assert!(
                input.pointer(v.path()).is_some(),
                "{} does not resolve ({})",
                v.path(),
                v
            );
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 3_000, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        let text = String::from_utf8_lossy(&bytes);
        if let Err(report) = from_json_str::<CreateGroupRequest>(&text) {
            let input: Option<Value> = serde_json::from_str(&text).ok();
            check(&report, input.as_ref())?;
        }
    }

    #[test]
    fn arbitrary_json_values(value in json_value()) {
        let text = value.to_string();
        if let Err(report) = from_json_str::<CreateGroupRequest>(&text) {
            check(&report, Some(&value))?;
        }
        if let Err(report) = validate_value::<CreateGroupRequest>(&value) {
            check(&report, Some(&value))?;
        }
    }

    #[test]
    fn arbitrary_requests_shaped_like_the_sample(members in prop::collection::vec(json_value(), 0..6), name in json_value(), extra in json_value()) {
        let mut v: Value = serde_json::from_str(include_str!("../../desk-schema/examples/create_group.request.json")).unwrap();
        v["MemberList"].as_array_mut().unwrap().extend(members);
        v["Name"] = name;
        v["AppDefinedData"] = extra;
        if let Err(report) = from_json_str::<CreateGroupRequest>(&v.to_string()) {
            check(&report, Some(&v))?;
        }
    }
}
