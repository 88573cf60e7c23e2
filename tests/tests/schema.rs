//! The JSON Schemas: committed files are current, and each rule writes the
//! keywords it promises.

use desk_schema::create_group::{request_schema, response_schema};
use desk_schema::{schema_for, to_pretty_json};
use desk_schema_tests::every_rule::EveryRule;
use desk_schema_tests::workspace::root;
use serde_json::{Value, json};

/// Compares `actual` with the committed file; `SNAPSHOTS=overwrite` rewrites it.
fn assert_committed(relative: &str, actual: &str, refresh: &str) {
    let path = root().join(relative);
    if std::env::var("SNAPSHOTS").as_deref() == Ok("overwrite") {
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == actual,
        "{relative} is stale. Refresh it with:\n  {refresh}\nand review the diff."
    );
}

#[test]
fn every_rule_schema_matches_the_snapshot() {
    let schema = to_pretty_json(&schema_for::<EveryRule>());
    assert_committed(
        "tests/snapshots/every_rule.schema.json",
        &schema,
        "SNAPSHOTS=overwrite cargo test -p desk-schema-tests --test schema",
    );
}

#[test]
fn committed_request_schema_is_current() {
    assert_committed(
        "desk-schema/schemas/create_group.request.schema.json",
        &to_pretty_json(&request_schema()),
        "cargo run -q -p desk-schema --features cli -- schema request > desk-schema/schemas/create_group.request.schema.json",
    );
}

#[test]
fn committed_response_schema_is_current() {
    assert_committed(
        "desk-schema/schemas/create_group.response.schema.json",
        &to_pretty_json(&response_schema()),
        "cargo run -q -p desk-schema --features cli -- schema response > desk-schema/schemas/create_group.response.schema.json",
    );
}

/// Where each property of the create-group request's types (the root and
/// each of `$defs`) and of its query parameters takes its limits from, as
/// its docs (its `description`) must name it: the API page, or, where the
/// page gives none, Tencent's Chat documentation as platform-facts.md names
/// it. A property added without its row here fails.
const SOURCES: &[(&str, &[&str])] = &[
    (
        "(root).Owner_Account",
        &["the page", "trtc.io document 34348"],
    ),
    ("(root).Type", &["(the page)"]),
    (
        "(root).GroupId",
        &["the page", "V2TIMManager+Group.h", "V2TimGroupInfo"],
    ),
    ("(root).Name", &["as the page says"]),
    ("(root).Introduction", &["as the page says"]),
    ("(root).Notification", &["as the page says"]),
    ("(root).FaceUrl", &["as the page says"]),
    (
        "(root).MaxMemberCount",
        &["trtc.io document 33529", "The page: it defaults"],
    ),
    ("(root).ApplyJoinOption", &["The page:"]),
    ("(root).InviteJoinOption", &["(the page)"]),
    (
        "(root).AppDefinedData",
        &["SDK headers", "V2TIMSetGroupInfoParam"],
    ),
    ("(root).MemberList", &["(the page)"]),
    (
        "(root).AppMemberDefinedData",
        &["SDK headers", "V2TIMSetGroupInfoParam"],
    ),
    ("Member.Member_Account", &["trtc.io document 34348"]),
    ("Member.Role", &["the page's sample request"]),
    (
        "Member.AppMemberDefinedData",
        &["SDK headers", "V2TIMSetGroupInfoParam"],
    ),
    ("CustomData.Key", &["SDK headers", "V2TIMSetGroupInfoParam"]),
    (
        "CustomData.Value",
        &["SDK headers", "V2TIMSetGroupInfoParam"],
    ),
    (
        "RequestParams.sdkappid",
        &["(the page)", "desk-schema's rule"],
    ),
    (
        "RequestParams.identifier",
        &["(the page)", "trtc.io document 34348"],
    ),
    ("RequestParams.usersig", &["(the page"]),
    ("RequestParams.random", &["(the page)"]),
    ("RequestParams.contenttype", &["(the page)"]),
];

/// Every property of the create-group request's types and of its query
/// parameters names the source of its limits ([`SOURCES`]), and none is
/// left out of the table.
#[test]
fn every_request_property_names_the_source_of_its_limits() {
    let schema = request_schema().to_value();
    let params = schema_for::<desk_schema::create_group::RequestParams>().to_value();
    let defs = schema["$defs"].as_object().expect("$defs");
    let types = [("(root)", &schema), ("RequestParams", &params)]
        .into_iter()
        .chain(defs.iter().map(|(n, d)| (n.as_str(), d)));
    let mut found = std::collections::BTreeMap::new();
    for (type_name, ty) in types {
        for (name, property) in ty["properties"].as_object().into_iter().flatten() {
            let description = property["description"].as_str().unwrap_or("").to_owned();
            found.insert(format!("{type_name}.{name}"), description);
        }
    }
    let listed: std::collections::BTreeSet<&str> = SOURCES.iter().map(|(p, _)| *p).collect();
    let read: std::collections::BTreeSet<&str> = found.keys().map(String::as_str).collect();
    assert_eq!(read, listed, "every property has its row in SOURCES");
    for (property, sources) in SOURCES {
        let description = &found[*property];
        for source in *sources {
            assert!(
                description.contains(source),
                "{property} does not name {source:?}: {description:?}"
            );
        }
    }
}

fn every() -> Value {
    schema_for::<EveryRule>().to_value()
}

#[test]
fn byte_limits_write_a_sound_length_and_the_exact_keyword() {
    let bytes = &every()["properties"]["bytes"];
    assert_eq!(bytes["maxLength"], 12);
    assert_eq!(bytes["x-maxBytes"], 12);
    assert_eq!(bytes["minLength"], 1); // ceil(3 / 4)
    assert_eq!(bytes["x-minBytes"], 3);
}

#[test]
fn character_and_grapheme_limits() {
    let s = every();
    assert_eq!(s["properties"]["chars"]["maxLength"], 4);
    assert_eq!(s["properties"]["chars"]["minLength"], 2);
    let g = &s["properties"]["graphemes"];
    assert!(
        g.get("maxLength").is_none(),
        "a grapheme maximum must not become maxLength"
    );
    assert_eq!(g["minLength"], 1);
    assert!(
        g["description"]
            .as_str()
            .unwrap()
            .contains("At most 2 grapheme clusters")
    );
}

#[test]
fn enum_pattern_prefix_range_items() {
    let s = every();
    let p = &s["properties"];
    assert_eq!(p["color"]["enum"], json!(["red", "green", null]));
    assert_eq!(p["id"]["pattern"], "^[ -~]*$");
    assert_eq!(
        p["id"]["not"],
        json!({"type": "string", "pattern": "^@TGS#"})
    );
    assert_eq!(
        (p["low"]["minimum"].clone(), p["low"]["maximum"].clone()),
        (json!(-5), json!(10))
    );
    assert_eq!(
        (
            p["items"]["minItems"].clone(),
            p["items"]["maxItems"].clone()
        ),
        (json!(1), json!(3))
    );
    assert_eq!(p["tags"]["uniqueItems"], true);
    assert!(
        p["items"]["description"]
            .as_str()
            .unwrap()
            .contains("same `Name`")
    );
    assert!(
        p["note"]["description"]
            .as_str()
            .unwrap()
            .contains("banned word")
    );
    assert!(
        s["description"]
            .as_str()
            .unwrap()
            .contains("`low` must not exceed `high`")
    );
}

#[test]
fn constraints_beside_a_ref_are_kept_and_no_format_is_left() {
    let s = request_schema().to_value();
    let list = &s["properties"]["MemberList"];
    assert_eq!(list["maxItems"], 100);
    assert_eq!(list["items"]["$ref"], "#/$defs/Member");
    assert_eq!(s["properties"]["MaxMemberCount"]["minimum"], 1);
    assert_eq!(
        s["properties"]["MaxMemberCount"]["maximum"],
        u64::from(u32::MAX)
    );
    let text = s.to_string();
    assert!(
        !text.contains("\"format\""),
        "strict validators reject unknown formats"
    );
    assert_eq!(s["$schema"], "https://json-schema.org/draft/2020-12/schema");
    assert_eq!(s["additionalProperties"], false);
    assert_eq!(
        s["required"],
        json!(["Type", "GroupId", "Name", "MemberList"])
    );
}

#[test]
fn customer_service_rules_are_contains_keywords() {
    let s = request_schema().to_value();
    let all = &s["properties"]["MemberList"]["allOf"];
    assert_eq!(all[0]["minContains"], 1);
    assert_eq!(all[0]["maxContains"], 1);
    assert_eq!(
        all[0]["contains"]["properties"]["Member_Account"]["enum"],
        json!(["@customer_service_account"])
    );
    assert!(all[1]["contains"]["properties"]["Member_Account"]["not"].is_object());
}

mod group {
    /// A group member, as `group` names it.
    #[derive(desk_schema::Validate, serde::Deserialize)]
    pub(crate) struct Member(#[desk(max_bytes = 64)] pub String);
}

mod chat {
    /// A chat member: another type with the same name.
    #[derive(desk_schema::Validate, serde::Deserialize)]
    pub(crate) struct Member(#[desk(max_bytes = 32)] pub String);
}

/// A generic holder: `Envelope<group::Member>` and `Envelope<chat::Member>`
/// are both `Envelope_for_Member`.
#[derive(desk_schema::Validate, serde::Deserialize)]
pub(crate) struct Envelope<T> {
    #[desk(nested)]
    pub member: T,
}

/// A type named `Local`, in a function of its own.
fn one(dir: &std::path::Path) -> std::io::Result<std::path::PathBuf> {
    #[derive(desk_schema::Validate, serde::Deserialize)]
    struct Local(#[desk(max_bytes = 1)] String);
    desk_schema::write_schema::<Local>(dir)
}
/// Another type named `Local`, in another function.
fn another(dir: &std::path::Path) -> std::io::Result<std::path::PathBuf> {
    #[derive(desk_schema::Validate, serde::Deserialize)]
    struct Local(#[desk(range(max = 1))] u8);
    desk_schema::write_schema::<Local>(dir)
}

// helper-190: `write_schema` wrote `chat::Member` over `group::Member` (one
// file name), and `npx desk-schema compile` then built one validator, for
// the wrong type.
#[test]
fn write_schema_refuses_a_second_type_of_one_schema_name() {
    let dir = std::env::temp_dir().join(format!("desk-schema-collide-{}", std::process::id()));
    let first = desk_schema::write_schema::<group::Member>(&dir).unwrap();
    assert!(first.ends_with("Member.schema.json"));
    let text = std::fs::read_to_string(&first).unwrap();
    // Written again for the same type, by another spelling of the directory.
    let again = dir.join(".");
    assert_eq!(
        desk_schema::write_schema::<group::Member>(&again).unwrap(),
        again.join("Member.schema.json")
    );
    let refused = desk_schema::write_schema::<chat::Member>(&dir).unwrap_err();
    assert_eq!(refused.kind(), std::io::ErrorKind::AlreadyExists);
    let message = refused.to_string();
    assert!(
        message.contains("group::Member") && message.contains("chat::Member"),
        "{message}"
    );
    // The file is the first type's still.
    assert_eq!(std::fs::read_to_string(&first).unwrap(), text);
    assert!(text.contains("\"x-maxBytes\": 64"));

    let generic = desk_schema::write_schema::<Envelope<group::Member>>(&dir).unwrap();
    assert!(generic.ends_with("Envelope_for_Member.schema.json"));
    let refused = desk_schema::write_schema::<Envelope<chat::Member>>(&dir).unwrap_err();
    assert_eq!(refused.kind(), std::io::ErrorKind::AlreadyExists);
    // Another directory is another file.
    let other = dir.join("chat");
    assert!(desk_schema::write_schema::<chat::Member>(&other).is_ok());

    // helper-191: two types of one name in one module, each in a function
    // of its own (schemars gives them one id; their type names differ).
    one(&dir).unwrap();
    let refused = another(&dir).unwrap_err();
    assert_eq!(refused.kind(), std::io::ErrorKind::AlreadyExists);
    assert!(refused.to_string().contains("another::Local"), "{refused}");
    std::fs::remove_dir_all(&dir).unwrap();
}

// helper-191: `write_schema::<T>("")` writes to the current directory, as
// it did before the check of names (which canonicalized "" and failed).
#[test]
fn write_schema_to_the_empty_path_is_the_current_directory() {
    #[derive(desk_schema::Validate, serde::Deserialize)]
    struct HereOnly(#[desk(max_bytes = 1)] String);
    let dir = std::env::temp_dir().join(format!("desk-schema-here-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    // The tests of this binary share the process's current directory: this
    // is the only one that changes it.
    std::env::set_current_dir(&dir).unwrap();
    let path = desk_schema::write_schema::<HereOnly>("").unwrap();
    assert_eq!(path, std::path::Path::new("HereOnly.schema.json"));
    assert!(dir.join("HereOnly.schema.json").is_file());
    std::fs::remove_dir_all(&dir).unwrap();
}
