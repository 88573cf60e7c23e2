//! Generated requests around every limit (random mixes of 1- to 4-byte
//! characters, ZWJ emoji, combining marks; list sizes near each bound): the
//! Rust verdict and paths equal the `jsonschema` crate's on the committed
//! schema. Only rules the schema can express are varied: accounts and keys
//! stay unique, and `MaxMemberCount` is absent, 0, or large enough.

use desk_schema_tests::parity::{request_validator, rust_paths, schema_paths};
use proptest::prelude::*;
use serde_json::{Map, Value, json};

const UNITS: &[&str] = &[
    "a",
    "é",
    "群",
    "😀",
    "👨\u{200d}👩\u{200d}👧",
    "e\u{301}",
    " ",
    "~",
];

/// Text of exactly `target` bytes: random units while they fit, ASCII after.
fn exact(target: usize, picks: &[usize]) -> String {
    let mut s = String::new();
    for &p in picks {
        let unit = UNITS[p % UNITS.len()];
        if s.len() + unit.len() > target {
            break;
        }
        s.push_str(unit);
    }
    while s.len() < target {
        s.push('x');
    }
    s
}

/// Text of mixed widths: mostly within a few bytes of `limit` (both sides),
/// otherwise anywhere below it, so that whole requests are often valid too.
fn text_near(limit: usize) -> impl Strategy<Value = String> {
    let lo = limit.saturating_sub(4);
    let target = prop_oneof![1 => lo..=limit + 4, 1 => lo..=limit, 1 => 1..=limit];
    (target, prop::collection::vec(any::<usize>(), 0..limit + 4))
        .prop_map(|(t, picks)| exact(t, &picks))
}

/// Printable ASCII near `limit`, sometimes with a byte outside it.
fn ascii_near(limit: usize) -> impl Strategy<Value = String> {
    let lo = limit.saturating_sub(3);
    let len = prop_oneof![1 => lo..=limit + 2, 2 => 1..=limit];
    (
        len,
        prop::option::weighted(0.05, prop_oneof![Just('\t'), Just('\u{7f}'), Just('群')]),
    )
        .prop_map(|(n, bad)| {
            let mut s: String = "k".repeat(n);
            if let Some(c) = bad {
                s.insert(0, c);
            }
            s
        })
}

fn account(i: usize, body: &str) -> String {
    // Unique by the index prefix, whatever the body.
    format!("{i}-{body}")
}

fn member_list() -> impl Strategy<Value = Value> {
    let count = prop_oneof![2 => 0usize..=3, 1 => 98usize..=102, 2 => 2usize..=20];
    let cs_position = prop::option::weighted(0.95, any::<prop::sample::Index>());
    let role = prop_oneof![4 => Just(None), 4 => Just(Some("Admin")), 1 => Just(Some("Owner"))];
    (count, cs_position, ascii_near(32), role).prop_map(|(n, cs, body, role)| {
        let mut members: Vec<Value> = (0..n)
            .map(|i| {
                let mut m = Map::new();
                m.insert(
                    "Member_Account".into(),
                    account(i, &body[..body.len().min(28)]).into(),
                );
                if i == 0
                    && let Some(r) = role
                {
                    m.insert("Role".into(), r.into());
                }
                Value::Object(m)
            })
            .collect();
        if let (Some(at), false) = (cs, members.is_empty()) {
            let i = at.index(members.len());
            members[i] = json!({ "Member_Account": "@customer_service_account" });
        }
        // Long bodies reach past 32 bytes on the last member.
        if let Some(last) = members
            .iter_mut()
            .rev()
            .find(|m| m["Member_Account"] != "@customer_service_account")
        {
            last["Member_Account"] = body.clone().into();
        }
        Value::Array(members)
    })
}

fn request() -> impl Strategy<Value = Value> {
    let group_id = prop_oneof![9 => ascii_near(48), 1 => Just("@TGS#x".to_owned())];
    let kind = prop_oneof![5 => Just("Public"), 4 => Just("Private"), 1 => Just("Work")];
    let data = prop::option::of((text_near(16), text_near(512)));
    let max = prop_oneof![Just(None), Just(Some(0u32)), Just(Some(500))];
    (
        (
            text_near(100),
            text_near(400),
            text_near(400),
            text_near(500),
        ),
        (group_id, kind, prop::option::of(ascii_near(32)), max),
        (data, member_list()),
    )
        .prop_map(
            |((name, intro, notice, face), (gid, kind, owner, max), (data, members))| {
                let mut r = Map::new();
                r.insert("Type".into(), kind.into());
                r.insert("GroupId".into(), gid.into());
                r.insert("Name".into(), name.into());
                r.insert("Introduction".into(), intro.into());
                r.insert("Notification".into(), notice.into());
                r.insert("FaceUrl".into(), face.into());
                if let Some(o) = owner {
                    r.insert("Owner_Account".into(), o.into());
                }
                if let Some(m) = max {
                    r.insert("MaxMemberCount".into(), m.into());
                }
                if let Some((k, v)) = data {
                    r.insert("AppDefinedData".into(), json!([{ "Key": k, "Value": v }]));
                }
                r.insert("MemberList".into(), members);
                Value::Object(r)
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 10_000, ..ProptestConfig::default() })]

    #[test]
    fn rust_and_schema_agree_near_every_limit(request in request()) {
        thread_local! {
            static VALIDATOR: jsonschema::Validator = request_validator();
        }
        let schema = VALIDATOR.with(|v| schema_paths(v, &request));
        let rust = rust_paths(&request);
        prop_assert_eq!(rust.is_empty(), schema.is_empty());
        prop_assert_eq!(&rust, &schema);
        // The text through the typed parse first gives the same report.
        let typed: std::collections::BTreeSet<String> =
            desk_schema::from_json_str::<desk_schema::create_group::CreateGroupRequest>(&request.to_string())
                .err()
                .map(|r| r.iter().map(|v| v.path().to_owned()).collect())
                .unwrap_or_default();
        prop_assert_eq!(typed, rust);
    }
}
