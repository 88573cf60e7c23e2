//! The zoo (`tests/src/zoo.rs`) on all three paths: targeted cases for each
//! shape, then a differential test that generates inputs from each type's
//! own schema, around every limit (multi-byte text at a limit ±1 byte, wrong
//! types, missing, unknown and repeated keys), and checks for every input:
//! - `from_json_str` and `validate_value` report the same violations;
//! - the `jsonschema` crate on `schema_for` gives the same verdict, and the
//!   same paths, except for the rules JSON Schema cannot express;
//! - a value `from_json_str` returns passes `validate()`.

use desk_schema::{Kind, Validate, ValidateIn, from_json_str, schema_for, validate_value};
use desk_schema_tests::browser::{
    ajv_cases, corpus_case, errors_of, reported_paths, unreadable_cases,
};
use desk_schema_tests::differential::{Found, Oracle, Prepared, Zoo, found};
use desk_schema_tests::inputs::{Gen, Rng};
use desk_schema_tests::parity::validator_for;
use desk_schema_tests::zoo::*;
use serde::de::DeserializeOwned;
use serde_json::{Value, json};

fn typed<T>(text: &str) -> Found
where
    T: Validate + ValidateIn<<T as Validate>::Context> + DeserializeOwned,
{
    found(from_json_str::<T>(text).map(|_| ()))
}

fn raw<T>(text: &str) -> Found
where
    T: Validate + ValidateIn<<T as Validate>::Context>,
{
    let value: Value = serde_json::from_str(text).expect("test input is JSON");
    found(validate_value::<T>(&value))
}

fn schema_ok<T: schemars::JsonSchema>(text: &str) -> bool {
    let schema = schema_for::<T>().to_value();
    let value: Value = serde_json::from_str(text).unwrap();
    validator_for(&schema).is_valid(&value)
}

/// `text` breaks exactly `expected` (paths and codes) on the typed path and
/// on the raw walk, and the schema rejects it too.
fn rejected_everywhere<T>(text: &str, expected: &[(&str, &str)])
where
    T: Validate + ValidateIn<<T as Validate>::Context> + DeserializeOwned + schemars::JsonSchema,
{
    rejected_in_rust::<T>(text, expected);
    assert!(!schema_ok::<T>(text), "schema: {text}");
}

/// `expected` from `from_json_str` and `validate_value` alike (for a rule
/// the schema cannot say, such as a custom one).
fn rejected_in_rust<T>(text: &str, expected: &[(&str, &str)])
where
    T: Validate + ValidateIn<<T as Validate>::Context> + DeserializeOwned,
{
    assert_eq!(codes(&typed::<T>(text)), expected, "typed: {text}");
    assert_eq!(codes(&raw::<T>(text)), expected, "raw: {text}");
}

fn codes(found: &Found) -> Vec<(&str, &str)> {
    found
        .iter()
        .map(|(p, c)| (p.as_str(), c.as_str()))
        .collect()
}

/// `unique(by = key)` compares only the keys that are values of their type
/// on the walk of the text and of a `Value`, as the typed check compares
/// values and the schema (`x-uniqueBy`) compares JSON: a struct key with a
/// property its type refuses, or missing its field, repeats nothing and
/// nothing repeats it; a key whose item is refused elsewhere is a value,
/// and repeats (helper-158).
#[test]
fn a_unique_key_that_is_no_value_repeats_nothing() {
    let text = r#"{"scores":[],"counts":[],"points":[],"markers":[{"at":{"x":1},"n":1},{"at":{"x":1,"z":1},"n":2},{"at":{"x":1},"n":3},{"at":{"x":2,"z":1},"n":4},{"at":{"x":2,"z":1},"n":5},{"at":{},"n":6},{"at":{},"n":7},{"at":{"x":2},"n":"8"},{"at":{"x":2},"n":9}]}"#;
    let expected = [
        ("/markers/1/at", "unknown_field"),
        ("/markers/2/at", "duplicate"),
        ("/markers/3/at", "unknown_field"),
        ("/markers/4/at", "unknown_field"),
        ("/markers/5/at", "required"),
        ("/markers/6/at", "required"),
        ("/markers/7/n", "type"),
        ("/markers/8/at", "duplicate"),
    ];
    assert_eq!(codes(&typed::<Scoreboard>(text)), expected);
    assert_eq!(codes(&raw::<Scoreboard>(text)), expected);
}

#[test]
fn a_newtype_is_checked_at_its_own_path_and_is_a_string_in_the_schema() {
    let text = r#"{"UserID":"a\tb"}"#;
    assert_eq!(
        codes(&typed::<AccountImport>(text)),
        [("/UserID", "charset")]
    );
    assert_eq!(typed::<AccountImport>(text), raw::<AccountImport>(text));
    assert!(!schema_ok::<AccountImport>(text));
    let schema = schema_for::<UserId>().to_value();
    assert_eq!(schema["type"], "string");
    assert_eq!(schema["x-maxBytes"], 32);
    assert_eq!(schema["pattern"], "^[ -~]*$");
    let ok = r#"{"UserID":"user_1","Nick":"名字"}"#;
    assert!(typed::<AccountImport>(ok).is_empty() && schema_ok::<AccountImport>(ok));
    assert_eq!(
        from_json_str::<AccountImport>(ok).unwrap().UserID,
        UserId("user_1".into())
    );
}

#[test]
fn a_transparent_struct_reads_as_its_field() {
    let members = r#""MemberList":[{"Member_Account":"a"}]"#;
    let ok = format!(r#"{{"GroupId":"g1",{members}}}"#);
    assert!(typed::<AddGroupMember>(&ok).is_empty());
    assert!(raw::<AddGroupMember>(&ok).is_empty());
    assert!(schema_ok::<AddGroupMember>(&ok));
    let reserved = format!(r#"{{"GroupId":"@TGS#1",{members}}}"#);
    assert_eq!(
        codes(&raw::<AddGroupMember>(&reserved)),
        [("/GroupId", "reserved_prefix")]
    );
    assert!(!schema_ok::<AddGroupMember>(&reserved));
    let object = format!(r#"{{"GroupId":{{"id":"g1"}},{members}}}"#);
    assert_eq!(
        codes(&raw::<AddGroupMember>(&object)),
        [("/GroupId", "type")]
    );
    assert_eq!(schema_for::<GroupId>().to_value()["type"], "string");
}

#[test]
fn item_rules_report_each_item_at_its_index() {
    let long = "a".repeat(33);
    let text = format!(r#"{{"Accounts":["ok","{long}","a\tb"]}}"#);
    assert_eq!(
        codes(&raw::<MultiAccountImport>(&text)),
        [("/Accounts/1", "max_bytes"), ("/Accounts/2", "charset")]
    );
    assert_eq!(
        typed::<MultiAccountImport>(&text),
        raw::<MultiAccountImport>(&text)
    );
    assert!(!schema_ok::<MultiAccountImport>(&text));
    let schema = schema_for::<MultiAccountImport>().to_value();
    let items = &schema["properties"]["Accounts"]["items"];
    assert_eq!(items["x-maxBytes"], 32);
    assert_eq!(items["x-minBytes"], 1);
    // Through `Option`, with `one_of` on each item.
    let tags = r#"{"GroupId":"g","Random":1,"Tags":["a","z"]}"#;
    assert_eq!(
        codes(&raw::<SendGroupMsgHeader>(tags)),
        [("/Tags/1", "enum")]
    );
    assert!(!schema_ok::<SendGroupMsgHeader>(tags));
}

#[test]
fn unit_enums_take_aliases_skip_and_other_as_serde_does() {
    for (text, ok) in [
        (r#""Free""#, true),
        (r#""FreeAccess""#, true),
        (r#""Nope""#, false),
    ] {
        assert_eq!(raw::<ApplyJoinOption>(text).is_empty(), ok, "{text}");
        assert_eq!(typed::<ApplyJoinOption>(text).is_empty(), ok, "{text}");
        assert_eq!(schema_ok::<ApplyJoinOption>(text), ok, "{text}");
        assert_eq!(serde_json::from_str::<ApplyJoinOption>(text).is_ok(), ok);
    }
    assert_eq!(codes(&raw::<Priority>(r#""INTERNAL""#)), [("", "enum")]);
    assert!(!schema_ok::<Priority>(r#""INTERNAL""#));
    assert_eq!(
        from_json_str::<Platform>(r#""Symbian""#).unwrap(),
        Platform::Other
    );
    assert!(schema_ok::<Platform>(r#""Symbian""#));
    assert!(!schema_ok::<Platform>("3"));
    // Variant doc comments reach the schema.
    let schema = schema_for::<ApplyJoinOption>().to_value();
    assert_eq!(
        schema["oneOf"][0],
        json!({"const": "FreeAccess", "description": "Anyone may join."})
    );
    assert_eq!(schema["oneOf"][1]["const"], "Free");
}

#[test]
fn a_default_that_breaks_its_rules_makes_the_field_required_everywhere() {
    rejected_everywhere::<GetGroupList>("{}", &[("", "required")]);
    let schema = schema_for::<GetGroupList>().to_value();
    assert_eq!(schema["required"], json!(["Level"]));
    assert!(typed::<GetGroupList>(r#"{"Level":2}"#).is_empty());
    assert!(schema_ok::<GetGroupList>(r#"{"Level":2}"#));
    // Struct-level default: each absent field takes `Self::default()`'s.
    assert_eq!(codes(&raw::<Locale>("{}")), [("", "required")]);
    assert_eq!(
        schema_for::<Locale>().to_value()["required"],
        json!(["Lang"])
    );
    let en = from_json_str::<Locale>(r#"{"Lang":"en"}"#).unwrap();
    assert_eq!(en.region, "CN");
    // A default that passes: not required, and the value is serde's.
    let pager = from_json_str::<Pager>("{}").unwrap();
    assert_eq!((pager.Limit, pager.Offset), (10, 0));
    assert!(schema_for::<Pager>().to_value().get("required").is_none());
    // On nested fields: the struct's default (`Locale`'s breaks its rules;
    // its `Pager`, which would too, is not taken) and a field's default
    // function (`Pager`'s passes).
    rejected_everywhere::<Preferences>("{}", &[("", "required")]);
    assert_eq!(
        schema_for::<Preferences>().to_value()["required"],
        json!(["Home"])
    );
    let text = r#"{"Home":{"Lang":"en"}}"#;
    let prefs = from_json_str::<Preferences>(text).unwrap();
    assert_eq!(prefs, serde_json::from_str::<Preferences>(text).unwrap());
    assert_eq!((prefs.home.region.as_str(), prefs.pager.Limit), ("CN", 20));
}

/// An `Option` whose default is not `None`: its default decides too.
#[test]
fn an_option_default_that_is_not_none_decides_too() {
    #[allow(
        clippy::unnecessary_wraps,
        reason = "serde's default for an `Option` field"
    )]
    fn long_tag() -> Option<String> {
        Some("abcd".into())
    }
    #[derive(Validate, serde::Deserialize)]
    struct Tagged {
        #[serde(default = "long_tag")]
        #[desk(max_bytes = 3)]
        tag: Option<String>,
    }
    rejected_everywhere::<Tagged>("{}", &[("", "required")]);
    assert!(typed::<Tagged>(r#"{"tag":null}"#).is_empty());
}

#[test]
fn char_and_byte_limits_together_give_the_tighter_sound_length() {
    for schema in [
        schema_for::<ShortCode>().to_value(),
        schema_for::<ShortCodeReversed>().to_value(),
    ] {
        assert_eq!(schema["maxLength"], 5);
        assert_eq!(schema["minLength"], 2);
        assert_eq!(schema["x-maxBytes"], 12);
        assert_eq!(schema["x-minBytes"], 3);
    }
    assert_eq!(codes(&raw::<ShortCode>(r#""abcdef""#)), [("", "max_chars")]);
    assert!(!schema_ok::<ShortCode>(r#""abcdef""#));
}

// ---- the differential test ----

/// Runs `cases` inputs generated from `T`'s schema through
/// `differential::check`; returns how many were rejected.
fn differential<T>(name: &str, cases: usize, oracle: &mut Oracle) -> usize
where
    T: Zoo,
{
    let prepared = Prepared::of::<T>();
    let mut rejected = 0;
    for seed in 0..cases {
        let mut generator = Gen {
            rng: Rng(0x9e37_79b9_7f4a_7c15 ^ (seed as u64 + 1).wrapping_mul(0x1000_0000_01b3)),
            defs: &prepared.defs,
            repeated_key: false,
        };
        let doc = generator.value(&prepared.schema, 0);
        let (mut text, mut plain) = (String::new(), String::new());
        doc.write(&mut text, false);
        doc.write(&mut plain, true);
        let repeated_key = generator.repeated_key;
        if desk_schema_tests::differential::check::<T>(
            name,
            &prepared,
            &text,
            &plain,
            repeated_key,
            oracle,
        ) {
            rejected += 1;
        }
    }
    rejected
}

/// One type's differential: its name, and a run over 600 inputs that says
/// how many were rejected.
type Job = (&'static str, fn(&mut Oracle) -> usize);

/// Runs `jobs` on as many threads as the machine has cores (each type's
/// inputs come from its own seeds, so the split changes nothing), and gives
/// each type's rejected count, in order, with the oracle's counts summed.
fn in_parallel(jobs: &[Job]) -> (Vec<(&'static str, usize)>, Oracle) {
    let threads = std::thread::available_parallelism().map_or(1, usize::from);
    let chunk = jobs.len().div_ceil(threads).max(1);
    std::thread::scope(|scope| {
        let handles: Vec<_> = jobs
            .chunks(chunk)
            .map(|part| {
                scope.spawn(move || {
                    let mut oracle = Oracle::default();
                    let counts: Vec<_> = part
                        .iter()
                        .map(|(name, run)| (*name, run(&mut oracle)))
                        .collect();
                    (counts, oracle)
                })
            })
            .collect();
        let (mut all, mut oracle) = (Vec::new(), Oracle::default());
        for handle in handles {
            let (counts, part) = handle.join().expect("a differential thread panicked");
            all.extend(counts);
            oracle.merge(&part);
        }
        (all, oracle)
    })
}

#[test]
fn every_zoo_type_gives_one_answer_on_all_three_paths() {
    let mut jobs: Vec<Job> = Vec::new();
    macro_rules! job {
        ($t:ident) => {
            jobs.push((stringify!($t), |oracle| {
                differential::<$t>(stringify!($t), 600, oracle)
            }));
        };
    }
    desk_schema_tests::for_each_zoo_type!(job);
    let (summary, oracle) = in_parallel(&jobs);
    // The generator must exercise both verdicts on every type, or the
    // comparison proves nothing.
    for (name, rejected) in &summary {
        assert!(
            *rejected > 0 && *rejected < 600,
            "{name}: {rejected} of 600 inputs rejected; the generator is not reaching both sides"
        );
    }
    // Every side of the oracle was reached; the counts go into the log.
    println!("serde as the oracle: {oracle:?}");
    assert!(
        oracle.same > 0 && oracle.serde_refuses_too > 0 && oracle.stricter > 0 && oracle.rules > 0,
        "{oracle:?}"
    );
}

#[test]
fn every_matrix_type_gives_one_answer_on_all_three_paths() {
    use desk_schema_tests::matrix;
    let mut jobs: Vec<Job> = Vec::new();
    macro_rules! job {
        ($($t:tt)+) => {
            jobs.push((stringify!($($t)+), |oracle| {
                differential::<matrix::$($t)+>(stringify!($($t)+), 600, oracle)
            }));
        };
    }
    desk_schema_tests::for_each_matrix_type!(job);
    let (summary, oracle) = in_parallel(&jobs);
    for (name, rejected) in &summary {
        assert!(
            *rejected > 0 && *rejected < 600,
            "{name}: {rejected} of 600 inputs rejected"
        );
    }
    let types = summary.len();
    println!("the matrix: {types} types, 600 inputs each; serde as the oracle: {oracle:?}");
    assert!(types >= 70, "{types} types");
}

#[test]
fn adjacently_tagged_message_bodies_report_at_their_wire_paths() {
    let long = "名".repeat(4001); // 12,003 bytes
    let text = format!(
        r#"{{"GroupId":"g1","MsgBody":[
            {{"MsgType":"TIMTextElem","MsgContent":{{"Text":"hi"}}}},
            {{"MsgType":"TIMTextElem","MsgContent":{{"Text":"{long}"}}}},
            {{"MsgType":"TIMSoundElem","MsgContent":{{}}}},
            {{"MsgContent":{{"Index":1}}}},
            {{"MsgType":"TIMFaceElem","MsgContent":{{"Index":1001,"Extra":1}}}},
            {{"MsgType":"TIMFaceElem"}},
            {{"MsgType":"TIMLocationElem"}},
            {{"MsgType":"TIMCustomElem","MsgContent":"{long}"}}
        ]}}"#
    );
    let expected = vec![
        ("/MsgBody/1/MsgContent/Text", "max_bytes"),
        ("/MsgBody/2/MsgType", "enum"),
        ("/MsgBody/3", "required"),
        ("/MsgBody/4/MsgContent", "unknown_field"),
        ("/MsgBody/4/MsgContent/Index", "range"),
        ("/MsgBody/5", "required"),
        ("/MsgBody/7/MsgContent", "max_bytes"),
    ];
    let raw_found = raw::<SendGroupMsg>(&text);
    assert_eq!(codes(&raw_found), expected);
    assert_eq!(typed::<SendGroupMsg>(&text), raw_found);
    assert!(!schema_ok::<SendGroupMsg>(&text));

    // The typed value is checked at the same paths.
    let msg = SendGroupMsg {
        group_id: GroupId { id: "g1".into() },
        msg_body: vec![
            MsgElem::Location,
            MsgElem::Text { Text: long.clone() },
            MsgElem::Custom(long),
        ],
    };
    assert_eq!(
        codes(&found(msg.validate())),
        vec![
            ("/MsgBody/1/MsgContent/Text", "max_bytes"),
            ("/MsgBody/2/MsgContent", "max_bytes"),
        ]
    );

    let good = r#"{"GroupId":"g1","MsgBody":[{"MsgType":"TIMTextElem","MsgContent":{"Text":"hi"}},{"MsgType":"TIMLocationElem"}]}"#;
    assert!(typed::<SendGroupMsg>(good).is_empty());
    assert!(schema_ok::<SendGroupMsg>(good));
    let value = from_json_str::<SendGroupMsg>(good).unwrap();
    assert_eq!(value.msg_body[0], MsgElem::Text { Text: "hi".into() });
}

#[test]
fn data_enum_schemas_choose_the_variant_by_its_tag_as_serde_does() {
    // Adjacently tagged: the tag is required and one of the names; each
    // variant's schema applies `if` the tag names it, so a validator
    // reports only that variant's violations.
    let schema = schema_for::<MsgElem>().to_value();
    assert_eq!(schema["required"], json!(["MsgType"]));
    let names: Vec<&Value> = schema["properties"]["MsgType"]["oneOf"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| &b["const"])
        .collect();
    let parts = schema["allOf"].as_array().unwrap();
    let tags: Vec<&Value> = parts
        .iter()
        .map(|p| &p["if"]["properties"]["MsgType"]["const"])
        .collect();
    let expected = [
        "TIMTextElem",
        "TIMFaceElem",
        "TIMCustomElem",
        "TIMLocationElem",
    ]
    .map(Value::from);
    assert_eq!(tags, expected.iter().collect::<Vec<_>>());
    assert_eq!(names, tags);
    for part in parts {
        assert_eq!(part["if"]["required"], json!(["MsgType"]));
    }
    let text = &parts[0]["then"];
    assert_eq!(text["required"], json!(["MsgType", "MsgContent"]));
    assert_eq!(text["description"], json!("A text message."));
    assert_eq!(
        parts[2]["then"]["properties"]["MsgContent"]["x-maxBytes"],
        json!(256)
    );

    // Internally tagged: the tag sits among the variant's fields, and the
    // `other` variant takes any tag that names no variant (so any string
    // is a tag).
    let notice = schema_for::<Notice>().to_value();
    assert_eq!(notice["properties"]["Type"], json!({"type": "string"}));
    let rename = &notice["allOf"][1]["then"];
    assert_eq!(rename["properties"]["Type"], json!({"const": "Rename"}));
    assert_eq!(rename["required"], json!(["Type", "Name"]));
    assert_eq!(
        notice["allOf"][3]["if"]["properties"]["Type"]["not"],
        json!({"enum": ["Join", "Rename", "Dismiss"]})
    );

    // Externally tagged: a string is a unit variant's name (a data
    // variant's name needs its content: `type`), an object names a data
    // variant by its one property, and one that names none is `enum`.
    let action = schema_for::<Action>().to_value();
    assert_eq!(action["type"], json!(["string", "object"]));
    assert_eq!(action["if"], json!({"type": "string"}));
    assert_eq!(
        action["then"]["if"],
        json!({"enum": ["Kick", "Announce", "Notify"]})
    );
    assert_eq!(
        action["else"]["then"],
        json!({"enum": ["Mute", "Kick", "Announce"]})
    );
    assert_eq!(
        action["then"]["else"]["oneOf"][3],
        json!({"const": "Notify", "x-aliasOf": "Announce"})
    );
}

#[test]
fn internally_tagged_and_external_enums_read_as_serde_writes_them() {
    // Internal: the tag may come last; an unknown tag is the `other` variant.
    assert!(typed::<Notice>(r#"{"Member_Account":"u1","Type":"Join"}"#).is_empty());
    assert_eq!(
        from_json_str::<Notice>(r#"{"Type":"Poll","Question":1}"#).unwrap(),
        Notice::Unknown
    );
    assert_eq!(
        codes(&typed::<Notice>(
            r#"{"Type":"Rename","Name":"","Operator":"a b\t"}"#
        )),
        vec![("/Name", "min_bytes"), ("/Operator", "charset")]
    );
    assert_eq!(
        codes(&typed::<Notice>(r#"{"Name":"x"}"#)),
        vec![("", "required")]
    );
    assert_eq!(
        codes(&typed::<Notice>(r#"{"Type":7}"#)),
        vec![("/Type", "type")]
    );

    // External: a unit variant is a string, a data variant a one-property
    // object; an alias names the same variant.
    assert_eq!(from_json_str::<Action>(r#""Mute""#).unwrap(), Action::Mute);
    assert_eq!(
        from_json_str::<Action>(r#"{"Notify":"hello"}"#).unwrap(),
        Action::Announce("hello".into())
    );
    assert_eq!(codes(&typed::<Action>(r#""Ban""#)), vec![("", "enum")]);
    // Content read by the alias: the text's paths name the alias; the
    // value's own JSON (`validate()`) names the variant.
    let long = "x".repeat(301);
    let text = format!(r#"{{"Notify":"{long}"}}"#);
    assert_eq!(
        codes(&typed::<Action>(&text)),
        vec![("/Notify", "max_bytes")]
    );
    assert_eq!(codes(&raw::<Action>(&text)), vec![("/Notify", "max_bytes")]);
    assert_eq!(
        codes(&found(Action::Announce(long).validate())),
        vec![("/Announce", "max_bytes")]
    );
    // Two variants in one object (serde takes one): each is read, and each
    // is the other's unknown property, whatever their order.
    let both = r#"{"Kick":{"Accounts":["a","a b\u0001"]},"Announce":"x"}"#;
    assert_eq!(
        codes(&typed::<Action>(both)),
        vec![("", "unknown_field"), ("/Kick/Accounts/1", "charset")]
    );
    let said = from_json_str::<Action>(both).unwrap_err().to_string();
    assert!(
        said.contains(r#"unknown property "Kick""#)
            && said.contains(r#"unknown property "Announce""#),
        "{said}"
    );
    // A unit variant's name as a property: the unit variant is a string.
    assert_eq!(
        codes(&typed::<Action>(r#"{"Kick":{"Accounts":["a"]},"Mute":1}"#)),
        vec![("", "type")]
    );
    assert_eq!(codes(&typed::<Action>(r#""Kick""#)), vec![("", "type")]);
    for text in [
        r#""Mute""#,
        r#"{"Announce":"x"}"#,
        r#"{"Kick":{"Accounts":["a"]}}"#,
    ] {
        assert!(schema_ok::<Action>(text), "{text}");
    }
    for text in [
        r#""Ban""#,
        r#"{"Kick":{"Accounts":[]}}"#,
        r#"{"Announce":"x","Mute":1}"#,
    ] {
        assert!(!schema_ok::<Action>(text), "{text}");
    }
}

#[test]
fn untagged_enums_read_each_value_as_the_one_variant_of_its_json_type() {
    // The variant chosen is the one serde's own `Deserialize` chooses.
    let text = r#"{"To_Account":"u1","Attrs":[null,7,"x",{"Tag":"t"}]}"#;
    let ours = from_json_str::<BatchSend>(text).unwrap();
    assert_eq!(ours, serde_json::from_str::<BatchSend>(text).unwrap());
    assert_eq!(ours.To_Account, Recipients::One(UserId("u1".into())));
    assert_eq!(
        ours.Attrs,
        vec![
            AttrValue::Unset,
            AttrValue::Count(7),
            AttrValue::Text("x".into()),
            AttrValue::Profile {
                Tag: "t".into(),
                Weight: 1
            },
        ]
    );
    let many = r#"{"To_Account":["a","b"]}"#;
    assert_eq!(
        from_json_str::<BatchSend>(many).unwrap(),
        serde_json::from_str::<BatchSend>(many).unwrap()
    );

    // Violations inside a variant are at their wire paths, with no variant
    // name; a value no variant reads is one `type` violation naming them all.
    let text = r#"{"To_Account":["ok","b\u0001"],"Attrs":[2000,{"Tag":""},true]}"#;
    let expected = vec![
        ("/Attrs/0", "range"),
        ("/Attrs/1/Tag", "min_bytes"),
        ("/Attrs/2", "type"),
        ("/To_Account/1", "charset"),
    ];
    rejected_everywhere::<BatchSend>(text, &expected);
    // An array or an object that no variant reads is read past: one `type`
    // violation, and the rest of the document is still checked.
    let past = r#"{"To_Account":{"x":[1]},"Attrs":[[1,"a"],2000,{"Tag":"t","Weight":0}]}"#;
    let expected_past = vec![
        ("/Attrs/0", "type"),
        ("/Attrs/1", "range"),
        ("/Attrs/2/Weight", "range"),
        ("/To_Account", "type"),
    ];
    rejected_everywhere::<BatchSend>(past, &expected_past);
    let report = from_json_str::<BatchSend>(text).unwrap_err();
    let wrong = report.iter().find(|v| v.path() == "/Attrs/2").unwrap();
    assert_eq!(
        wrong.to_string(),
        "/Attrs/2: expected null, integer, string or object, found boolean"
    );
    // The list of types in Chinese words too, not the English list.
    assert_eq!(
        wrong.message_in(desk_schema::Locale::ZhCn),
        "类型错误：应为 null、整数、字符串或对象，实际为布尔值"
    );
    // The typed value is checked at the same paths.
    let built = BatchSend {
        From_Account: None,
        To_Account: Recipients::Many(vec!["ok".into(), String::new()]),
        Attrs: vec![AttrValue::Profile {
            Tag: "much too long".into(),
            Weight: 0,
        }],
    };
    assert_eq!(
        codes(&found(built.validate())),
        vec![
            ("/Attrs/0/Tag", "max_bytes"),
            ("/Attrs/0/Weight", "range"),
            ("/To_Account/1", "min_bytes"),
        ]
    );

    // The schema: the variants' own schemas, each chosen by its own JSON
    // type (`if`), as the walk chooses it.
    let schema = schema_for::<AttrValue>().to_value();
    assert_eq!(
        schema["type"],
        json!(["null", "integer", "string", "object"])
    );
    let types: Vec<&Value> = schema["allOf"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| &b["if"]["type"])
        .collect();
    assert_eq!(
        types,
        [
            &json!("null"),
            &json!("integer"),
            &json!("string"),
            &json!("object")
        ]
    );
    for ok in ["null", "1000", r#""x""#, r#"{"Tag":"t","Weight":9}"#] {
        assert!(schema_ok::<AttrValue>(ok), "{ok}");
        assert!(typed::<AttrValue>(ok).is_empty(), "{ok}");
    }
    for bad in [
        "1001",
        "true",
        "[]",
        r#"{"Tag":"t","Weight":10}"#,
        r#"{"Tag":"t","X":1}"#,
    ] {
        assert!(!schema_ok::<AttrValue>(bad), "{bad}");
        assert!(!typed::<AttrValue>(bad).is_empty(), "{bad}");
    }
}

/// A cursor that borrows from the text, as `#[serde(borrow)]` asks.
#[derive(Debug, Validate, serde::Deserialize)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
struct Cursor<'a> {
    #[desk(min_bytes = 1, max_bytes = 16, printable_ascii)]
    #[serde(borrow)]
    next: std::borrow::Cow<'a, str>,
    #[desk(nested)]
    #[serde(borrow)]
    tag: Option<Tag<'a>>,
}

#[derive(Debug, Validate, serde::Deserialize)]
struct Tag<'a>(
    #[desk(max_bytes = 4)]
    #[serde(borrow)]
    std::borrow::Cow<'a, str>,
);

#[test]
fn an_untagged_enum_inside_another_reads_through_both() {
    let text = r#"{"FromAccount":"u1","Items":{"a":null,"b":"vip","c":7,"d":["x","y"]}}"#;
    let ours = from_json_str::<SetProfile>(text).unwrap();
    assert_eq!(ours, serde_json::from_str::<SetProfile>(text).unwrap());
    assert_eq!(
        ours.items["c"],
        ProfileValue::Scalar(ProfileScalar::Count(7))
    );
    let bad = r#"{"FromAccount":"u1","Items":{"b":"much too long","c":0,"d":["long!"],"e":true}}"#;
    let expected = vec![
        ("/Items/b", "max_bytes"),
        ("/Items/c", "range"),
        ("/Items/d/0", "max_bytes"),
        ("/Items/e", "type"),
    ];
    rejected_everywhere::<SetProfile>(bad, &expected);
    let report = from_json_str::<SetProfile>(bad).unwrap_err();
    assert!(
        report
            .iter()
            .any(|v| v.to_string()
                == "/Items/e: expected null, integer, string or array, found boolean"),
        "{report}"
    );
}

/// A recursive untagged enum: a leaf is a string, a node a list of trees.
#[derive(Debug, PartialEq, Validate, serde::Deserialize)]
#[serde(untagged)]
enum Tree {
    Leaf(#[desk(max_bytes = 3)] String),
    Node(#[desk(nested, max_items = 3)] Vec<Tree>),
}

#[test]
fn a_recursive_untagged_enum_reads_through_its_lists() {
    let text = r#"["a", ["bb", ["ccc"]]]"#;
    let ours = from_json_str::<Tree>(text).unwrap();
    assert_eq!(ours, serde_json::from_str::<Tree>(text).unwrap());
    let bad = r#"["a", ["bb", ["cccc", 1]], [], [], []]"#;
    let expected = vec![
        ("", "max_items"),
        ("/1/1/0", "max_bytes"),
        ("/1/1/1", "type"),
    ];
    rejected_everywhere::<Tree>(bad, &expected);
    assert!(schema_ok::<Tree>(text));
}

/// A type whose hand-written `Deserialize` reads absence (as an `Option`
/// does) while its walk reads an object: absent, as a struct's field and as
/// an adjacently tagged variant's content, it is what serde reads on every
/// path (helper-134: as content, the schema took it and the walk read it as
/// `null`, "expected object, found null"), also through a type parameter
/// (helper-136).
mod reads_absence_by_hand {
    use desk_schema::Validate;
    use serde::{Deserialize, Deserializer};

    #[derive(Debug, Deserialize, Validate)]
    pub(crate) struct Inner {
        #[desk(max_bytes = 4)]
        pub(crate) a: String,
    }

    #[derive(Debug, Validate)]
    pub(crate) struct Maybe {
        #[desk(nested)]
        pub(crate) v: Option<Inner>,
    }

    impl<'de> Deserialize<'de> for Maybe {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            Ok(Maybe {
                v: Option::<Inner>::deserialize(d)?,
            })
        }
    }

    #[derive(Debug, Deserialize, Validate)]
    pub(crate) struct Holder {
        #[desk(nested)]
        pub(crate) m: Maybe,
    }

    #[derive(Debug, Deserialize, Validate)]
    #[serde(tag = "t", content = "c")]
    pub(crate) enum Adjacent {
        A(#[desk(nested)] Maybe),
        B(#[desk(nested)] Option<Inner>),
    }

    #[derive(Debug, Validate)]
    pub(crate) struct MaybeOf<T> {
        #[desk(nested)]
        pub(crate) v: Option<T>,
    }

    impl<'de, T: Deserialize<'de>> Deserialize<'de> for MaybeOf<T> {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            Ok(MaybeOf {
                v: Option::<T>::deserialize(d)?,
            })
        }
    }

    #[derive(Debug, Deserialize, Validate)]
    #[serde(tag = "t", content = "c")]
    pub(crate) enum AdjacentOf<T> {
        A(#[desk(nested)] MaybeOf<T>),
    }
}

#[test]
fn a_hand_written_reading_of_absence_is_one_answer_on_desk_schemas_paths() {
    use reads_absence_by_hand::{Adjacent, AdjacentOf, Holder, Inner};
    fn absent_everywhere<T>(text: &str)
    where
        T: desk_schema::Validate
            + desk_schema::ValidateIn<<T as desk_schema::Validate>::Context>
            + DeserializeOwned
            + schemars::JsonSchema,
    {
        assert!(serde_json::from_str::<T>(text).is_ok(), "serde: {text}");
        assert!(typed::<T>(text).is_empty(), "typed: {text}");
        assert!(raw::<T>(text).is_empty(), "raw: {text}");
        assert!(schema_ok::<T>(text), "schema: {text}");
    }
    absent_everywhere::<Holder>("{}");
    absent_everywhere::<Adjacent>(r#"{"t":"A"}"#);
    absent_everywhere::<Adjacent>(r#"{"t":"B"}"#);
    absent_everywhere::<AdjacentOf<Inner>>(r#"{"t":"A"}"#);
    // Given, the content is checked as its walk reads it.
    rejected_everywhere::<Adjacent>(
        r#"{"t":"A","c":{"v":{"a":"toolong"}}}"#,
        &[("/c/v/a", "max_bytes")],
    );
    rejected_everywhere::<AdjacentOf<Inner>>(r#"{"t":"A","c":null}"#, &[("/c", "type")]);
}

#[test]
fn types_that_borrow_from_the_text_read_as_serde_json_reads_them() {
    use std::borrow::Cow;
    let text = String::from(r#"{"Next":"page-2","Tag":"abc"}"#);
    let cursor: Cursor<'_> = from_json_str(&text).unwrap();
    assert!(matches!(cursor.next, Cow::Borrowed("page-2")));
    assert!(matches!(cursor.tag, Some(Tag(Cow::Borrowed("abc")))));
    // A string with escapes cannot be borrowed: serde fills it owned, and it
    // is as valid as on the other paths.
    let escaped = String::from(r#"{"Next":"page\u002d2","Tag":null}"#);
    let cursor: Cursor<'_> = from_json_str(&escaped).unwrap();
    assert!(matches!(&cursor.next, Cow::Owned(s) if s == "page-2"));
    assert!(raw::<Cursor<'static>>(&escaped).is_empty());
    assert!(schema_ok::<Cursor<'static>>(&escaped));
    // Violations are the same on every path.
    let bad = String::from(r#"{"Next":"","Tag":"abcde","X":1}"#);
    let report = from_json_str::<Cursor<'_>>(&bad).unwrap_err();
    let expected = vec![
        ("", "unknown_field"),
        ("/Next", "min_bytes"),
        ("/Tag", "max_bytes"),
    ];
    assert_eq!(codes(&found(Err(report))), expected);
    assert_eq!(codes(&raw::<Cursor<'static>>(&bad)), expected);
    assert!(!schema_ok::<Cursor<'static>>(&bad));
}

#[test]
fn map_rules_report_each_entry_at_its_key() {
    let long = "名".repeat(1334); // 4,002 bytes
    let text = format!(
        r#"{{"GroupId":"g","GroupAttr":{{"ok":"v","a b\u0001":"v","big":"{long}","{k33}":"v"}}}}"#,
        k33 = "k".repeat(33)
    );
    let k33 = format!("/GroupAttr/{}", "k".repeat(33));
    let attrs = typed::<SetGroupAttr>(&text);
    assert_eq!(
        codes(&attrs),
        vec![
            ("/GroupAttr/a b\u{1}", "charset"),
            ("/GroupAttr/big", "max_bytes"),
            (k33.as_str(), "max_bytes"),
        ]
    );
    assert_eq!(raw::<SetGroupAttr>(&text), attrs);
    assert!(!schema_ok::<SetGroupAttr>(&text));

    // Size rules count entries: `minProperties` / `maxProperties`.
    assert_eq!(
        codes(&typed::<SetGroupAttr>(r#"{"GroupId":"g","GroupAttr":{}}"#)),
        vec![("/GroupAttr", "min_items")]
    );
    let schema = schema_for::<SetGroupAttr>().to_value();
    let attr = &schema["properties"]["GroupAttr"];
    assert_eq!(attr["minProperties"], json!(1));
    assert_eq!(attr["maxProperties"], json!(16));
    assert_eq!(attr["propertyNames"]["x-maxBytes"], json!(32));
    assert_eq!(attr["additionalProperties"]["x-maxBytes"], json!(4000));

    // A key given twice: reported at the map, the later value kept.
    let twice = r#"{"GroupId":"g","GroupAttr":{"k":"名名","k":"v"}}"#;
    assert_eq!(
        codes(&typed::<SetGroupAttr>(twice)),
        vec![("/GroupAttr", "duplicate_key")]
    );
    let value: Value = serde_json::from_str(twice).unwrap();
    assert!(validate_value::<SetGroupAttr>(&value).is_ok());

    // Values of nested types and numbers with `values(range)`, typed too.
    let report = UnreadReport {
        counts: [("u1".to_owned(), 1000)].into_iter().collect(),
        forwarded: Some(
            [("u2".to_owned(), UserId("a\tb".into()))]
                .into_iter()
                .collect(),
        ),
    };
    assert_eq!(
        codes(&found(report.validate())),
        vec![("/Counts/u1", "range"), ("/Forwarded/u2", "charset")]
    );
}

#[test]
fn wide_integers_stay_exact() {
    let stats = |seq: &str| {
        format!(r#"{{"MsgSeq":{seq},"Offset":0,"Ratio":0.5,"Flag":"x","Account":"a"}}"#)
    };
    let max = stats("18446744073709551615");
    assert_eq!(
        from_json_str::<MsgStats>(&max).unwrap().msg_seq,
        u128::from(u64::MAX)
    );
    // Past 64 bits serde_json reads a float: refused, never rounded.
    let past = stats("18446744073709551616000");
    assert_eq!(codes(&typed::<MsgStats>(&past)), vec![("/MsgSeq", "range")]);
    assert_eq!(raw::<MsgStats>(&past), typed::<MsgStats>(&past));
    assert_eq!(
        from_json_str::<MsgStats>(&past).unwrap_err().to_string(),
        "/MsgSeq: the number is out of range; must be from 1 to 18446744073709551615"
    );
    assert!(!schema_ok::<MsgStats>(&past));
    // The schema states the bounds the walk keeps.
    let schema = schema_for::<MsgStats>().to_value();
    assert_eq!(schema["properties"]["MsgSeq"]["maximum"], json!(u64::MAX));
    assert_eq!(schema["properties"]["MsgSeq"]["minimum"], json!(1));
    assert_eq!(schema["properties"]["Offset"]["minimum"], json!(i64::MIN));
    // A typed value JSON cannot carry exactly is refused too.
    let mut value = from_json_str::<MsgStats>(&max).unwrap();
    value.msg_seq = u128::MAX;
    assert_eq!(codes(&found(value.validate())), vec![("/MsgSeq", "range")]);
    // `range` on a float: integer bounds, the value reported as given.
    let over = max.replace(r#""Ratio":0.5"#, r#""Ratio":1.25"#);
    assert_eq!(codes(&typed::<MsgStats>(&over)), vec![("/Ratio", "range")]);
    let report = from_json_str::<MsgStats>(&over).unwrap_err();
    assert_eq!(
        report.to_string(),
        "/Ratio: 1.25 is out of range; must be from 0 to 1"
    );
    assert_eq!(
        serde_json::to_value(&report).unwrap()[0]["actual"],
        json!(1.25)
    );
    assert!(!schema_ok::<MsgStats>(&over));
    assert!(typed::<MsgStats>(&max.replace(r#""Ratio":0.5"#, r#""Ratio":1"#)).is_empty());
    // A `char` is one character.
    assert_eq!(
        codes(&typed::<MsgStats>(&max.replace(r#""x""#, r#""xy""#))),
        vec![("/Flag", "type")]
    );
}

#[test]
fn generic_types_check_their_arguments_at_their_paths() {
    let text = r#"{"RequestId":"r1","Body":{"UserID":"a b\u0001"},"History":[{"UserID":"ok"},{"UserID":""}]}"#;
    let found = typed::<ImportEnvelope>(text);
    assert_eq!(
        codes(&found),
        vec![
            ("/Body/UserID", "charset"),
            ("/History/1/UserID", "min_bytes")
        ]
    );
    assert_eq!(raw::<ImportEnvelope>(text), found);
    assert!(!schema_ok::<ImportEnvelope>(text));

    // Two instances of one generic type are two definitions in a schema.
    #[allow(
        clippy::items_after_statements,
        reason = "the type this part of the test is about"
    )]
    #[derive(serde::Deserialize, Validate)]
    struct Both {
        #[desk(nested)]
        a: Envelope<UserId>,
        #[desk(nested)]
        b: Envelope<GroupId>,
    }
    let schema = schema_for::<Both>().to_value();
    let defs = schema["$defs"].as_object().unwrap();
    assert!(defs.contains_key("Envelope_for_UserId"), "{defs:?}");
    assert!(defs.contains_key("Envelope_for_GroupId"), "{defs:?}");

    // A lifetime parameter: the text is owned once read.
    let page = from_json_str::<UserPage>(r#"{"Items":["u1"],"Cursor":"c\u0031"}"#).unwrap();
    assert_eq!(page.cursor.as_deref(), Some("c1"));
    assert_eq!(
        codes(&typed::<UserPage>(
            r#"{"Items":["u\t"],"Cursor":"01234567890123456"}"#
        )),
        vec![("/Cursor", "max_bytes"), ("/Items/0", "charset")]
    );

    // A generic data enum.
    let event = r#"{"Kind":"Payload","Data":{"MsgType":"TIMCustomElem","MsgContent":7}}"#;
    assert_eq!(
        codes(&typed::<MsgEvent>(event)),
        vec![("/Data/MsgContent", "type")]
    );
}

/// Inputs written by hand beside the generated ones, by type: the kinds a
/// random input rarely reaches (an adversary found them).
const PINNED: &[(&str, &str)] = &[
    // Serde's defaults on nested fields: the struct's, which breaks its
    // rules (so `Home` is required), and a default function's, which passes.
    ("Preferences", r#"{"Home":{"Lang":"en"}}"#),
    ("Preferences", r#"{"Home":{},"Pager":{"Limit":0}}"#),
    // A data variant serde never reads, named as a string or an object.
    ("Switch", r#""On""#),
    ("Switch", r#""Level""#),
    ("Switch", r#"{"Level": 3}"#),
    ("Switch", r#"{"Dim": {"by": 1}}"#),
    ("Switch", r#"{"Off": null}"#),
    // Items that are not values of their type repeat nothing: a number
    // outside `u8` or `u16`, a point missing its field or outside its type;
    // values do, a point outside its `range` too (helper-151).
    (
        "Scoreboard",
        r#"{"scores":[300,300],"counts":[70000,70000],"points":[{},{}]}"#,
    ),
    (
        "Scoreboard",
        r#"{"scores":[5,300,5,300],"counts":[1,-1,1,-1],"points":[{"x":300},{"x":300},{"x":20},{"x":20}]}"#,
    ),
    // A point with a property its type refuses is refused whole: it repeats
    // nothing (the walk compared it by its fields, where serde and
    // `uniqueItems` see no repeat).
    (
        "Scoreboard",
        r#"{"scores":[],"counts":[],"points":[{"x":1,"Unknwon":1},{"x":1},{"x":1}]}"#,
    ),
    (
        "Scoreboard",
        r#"{"scores":[1,2],"counts":[1,2],"points":[{"x":1},{"x":2}],"marks":[{"x":3},{"x":1}]}"#,
    ),
    // Objects that name no variant of a set's data enum repeat nothing.
    (
        "Scoreboard",
        r#"{"scores":[],"counts":[],"points":[],"steps":[{"Z":1},{"Z":1},{},{},{"Wait":1},{"Wait":1}]}"#,
    ),
    // The same in a `unique` list: the item with a refused property repeats
    // nothing, the two values do.
    (
        "Scoreboard",
        r#"{"scores":[],"counts":[],"points":[],"marks":[{"x":1,"Unknwon":1},{"x":1},{"x":1},{"x":1,"Unknwon":1}]}"#,
    ),
    // A name the unit enum does not have, or a number, repeats nothing; a
    // name it has does. A string a `one_of` rule refuses is still a string:
    // it repeats (both `enum`, told apart in the schema by `x-unitEnum`).
    (
        "Scoreboard",
        r#"{"scores":[],"counts":[],"points":[],"priorities":["URGENT","URGENT","LOW","LOW",1,1]}"#,
    ),
    (
        "Scoreboard",
        r#"{"scores":[],"counts":[],"points":[],"tags":["c","c","a","a"]}"#,
    ),
    // The same by key: a key outside its type repeats nothing, a key outside
    // its `range` (a value) does.
    (
        "Scoreboard",
        r#"{"scores":[],"counts":[],"points":[],"by_x":[{"x":300},{"x":300},{"x":20},{"x":20},{"x":1},{"x":1}]}"#,
    ),
    // A key that is a struct with a property its type refuses, or missing
    // its field, repeats nothing and nothing repeats it; an item refused
    // elsewhere (its `n` a string) still has a key, which repeats
    // (helper-158).
    (
        "Scoreboard",
        r#"{"scores":[],"counts":[],"points":[],"markers":[{"at":{"x":1},"n":1},{"at":{"x":1,"z":1},"n":2},{"at":{"x":1},"n":3},{"at":{"x":2,"z":1},"n":4},{"at":{"x":2,"z":1},"n":5},{"at":{},"n":6},{"at":{},"n":7},{"at":{"x":2},"n":"8"},{"at":{"x":2},"n":9}]}"#,
    ),
    // An adjacently tagged enum's repeats, its properties in either order;
    // an item with a property it does not know, or without its content, is
    // no value and repeats nothing.
    (
        "Moves",
        r#"{"list":[{"t":"Go","c":1},{"c":2,"t":"Go"},{"t":"Turn","c":{"deg":359}}],"set":[{"t":"Say","c":"abc"},{"c":"ab","t":"Say"}]}"#,
    ),
    (
        "Moves",
        r#"{"list":[{"t":"Go","c":1},{"c":1,"t":"Go"},{"t":"Go","c":2},{"t":"Say","c":"hi"},{"t":"Say","c":"hi"}]}"#,
    ),
    (
        "Moves",
        r#"{"list":[{"t":"Turn","c":{"deg":90}},{"c":{"deg":90},"t":"Turn"},{"t":"Go","c":1,"x":1},{"t":"Go","c":1,"x":1}]}"#,
    ),
    (
        "Moves",
        r#"{"list":[{"t":"Go"},{"t":"Go"},{"t":"Go","c":null},{"t":"Go","c":null}],"set":[{"t":"Go","c":3},{"c":3,"t":"Go"},{"t":"Go","c":4}]}"#,
    ),
    (
        "Moves",
        r#"{"list":[{"t":"Go","c":10},{"t":"Go","c":10},{"t":"Say","c":"long"},{"t":"Say","c":"long"}],"set":[{"t":"Say","c":"a"},{"t":"Go","c":1}]}"#,
    ),
    // A unit variant as an object: serde reads `{"HIGH": {}}` only with the
    // content before the tag (buffered), and `{"HIGH": null}` either way;
    // every path refuses both, whatever the order (helper-131).
    ("PriorityEvent", r#"{"Data":{"HIGH":{}},"Kind":"Payload"}"#),
    ("PriorityEvent", r#"{"Kind":"Payload","Data":{"HIGH":{}}}"#),
    (
        "PriorityEvent",
        r#"{"Data":{"HIGH":null},"Kind":"Payload"}"#,
    ),
    ("PriorityEvent", r#"{"Data":"HIGH","Kind":"Payload"}"#),
    // A key's rule inside an untagged enum's map variant, nested.
    ("Document", r#"{"😀😀":"é"}"#),
    ("Document", r#"{"ab":{"abcd":[1,0.5]},"c":"abcd"}"#),
    ("Document", r#"[{"a":null},{"abcd":2}]"#),
    // The 64-bit edges where a string goes: `u64::MAX` and `i64::MIN` are
    // integers (JavaScript reads the first as 2^64), and so is 2^64 in the
    // package, which cannot tell it from `u64::MAX` (derive.md).
    ("UserId", "18446744073709551615"),
    ("UserId", "-9223372036854775808"),
    ("UserId", "-9223372036854775807"),
    ("Blank", r#"{"":"abc"}"#),
    ("Blank", r#"{"":"abcd"}"#),
    ("Blank", r"{}"),
    ("Blank", r#"{"":"a","Part":{"t":"Text","":"ab"}}"#),
    ("Blank", r#"{"":"a","Part":{"t":"Text","":"abc"}}"#),
    ("Blank", r#"{"":"a","Part":{"t":"Count"}}"#),
    ("Blank", r#"{"":"a","Part":{"t":"Count","":10}}"#),
    ("Blank", r#"{"":"a","Part":{"":"ab"}}"#),
    ("Blank", r#"{"":"a","Part":{"t":"Text","":"ab","x":1}}"#),
    ("Ballot", r#"{"verdict":{"Pass":1},"b":0,"a":0}"#),
    ("Ballot", r#"{"verdict":"Maybe","b":0,"a":0}"#),
    ("Ballot", r#"{"verdict":"Skip","b":0,"a":0}"#),
    ("Ballot", r#"{"verdict":"Pass","b":0,"a":0}"#),
    ("Ballot", r#"{"verdict":{"Maybe":null},"b":0,"a":0}"#),
    (
        "Ballot",
        r#"{"verdict":{"Skip":null,"Pass":1},"b":0,"a":0}"#,
    ),
    ("Ballot", r#"{"verdict":{},"b":0,"a":0}"#),
    ("Ballot", r#"{"verdict":true,"b":0,"a":0}"#),
    (
        "Ballot",
        r#"{"verdict":{"Pass":4,"Hold":{"note":"abc"}},"b":0,"a":0}"#,
    ),
    (
        "Ballot",
        r#"{"verdict":{"Pass":1,"Pas":2,"zz":3},"b":0,"a":0}"#,
    ),
    (
        "Ballot",
        r#"{"verdict":{"Pass":1},"tags":["a","a","a"],"b":0,"a":0}"#,
    ),
    (
        "Ballot",
        r#"{"verdict":{"Pass":1},"tags":["a","b","a","b","long"],"b":0,"a":0}"#,
    ),
    ("Ballot", r#"{"verdict":{"Pass":1},"b":0,"a":0,"c":0}"#),
    (
        "Ballot",
        r#"{"verdict":"Skip","b":0,"a":0,"scores":[{"x":1,"y":2},{"y":2,"x":1}]}"#,
    ),
    (
        "Ballot",
        r#"{"verdict":"Skip","b":0,"a":0,"labels":{"abc":"xyz"}}"#,
    ),
    ("Ballot", r#"{"verdict":"Skip","b":0,"a":0,"mark":"ab"}"#),
    ("Ballot", r#"{"verdict":"Skip","b":0,"a":0,"mark":""}"#),
    ("Ballot", r#"{"verdict":"Skip","b":0,"a":0,"share":1e16}"#),
    (
        "Ballot",
        r#"{"verdict":"Skip","b":0,"a":0,"share":1.00000000000000009}"#,
    ),
    ("Ballot", r#"{"verdict":"Skip","b":0,"a":0,"share":-1e-50}"#),
    // An `f32` holds every double below 2^128 - 2^103 in magnitude.
    ("Ballot", r#"{"verdict":"Skip","b":0,"a":0,"weight":1e39}"#),
    ("Ballot", r#"{"verdict":"Skip","b":0,"a":0,"weight":-1e39}"#),
    (
        "Ballot",
        r#"{"verdict":"Skip","b":0,"a":0,"weight":3.4028235677973362e38}"#,
    ),
    (
        "Ballot",
        r#"{"verdict":"Skip","b":0,"a":0,"weight":-3.4028235677973362e38}"#,
    ),
    ("Ballot", r#"{"verdict":"Skip","b":0,"a":0,"weight":1e38}"#),
    (
        "Ballot",
        r#"{"verdict":"Skip","b":0,"a":0,"weight":340282356779733661637539395458142568448}"#,
    ),
    // A pattern that writes `.`: the violation names it as written
    // (`x-pattern`), not the class the schema spells it as.
    ("PublicProfile", r#"{"Note":"1234567"}"#),
    ("PublicProfile", r#"{"Note":"a\nb"}"#),
    ("PublicProfile", r#"{"Note":"ok","Handle":"A"}"#),
    ("Digits", r#"{"digit":5}"#),
    (
        "Digits",
        r#"{"digit":5,"list":[1,9],"map":{"a":1},"wide":9}"#,
    ),
    ("Digits", r#"{"digit":2147483648}"#),
    ("Digits", r#"{"digit":0}"#),
    (
        "Digits",
        r#"{"digit":5,"list":[1,2147483648,0,-2147483649]}"#,
    ),
    ("Digits", r#"{"digit":5,"map":{"a":256,"b":0,"c":-1}}"#),
    ("Digits", r#"{"digit":5,"wide":18446744073709551616}"#),
    ("Digits", r#"{"digit":5,"wide":0}"#),
    ("Digits", r#"{"digit":5,"wide":-1}"#),
    // At 2^53 - 1, the field's own words (past it, the default ones:
    // `own_messages_leave_a_number_javascript_cannot_show`).
    (
        "Digits",
        r#"{"digit":9007199254740991,"list":[-9007199254740991]}"#,
    ),
    ("Ballot", r#"{"verdict":"Skip","b":0,"a":0,"gain":1e39}"#),
    ("Ballot", r#"{"verdict":"Skip","b":0,"a":0,"gain":-1e39}"#),
    ("Ballot", r#"{"verdict":"Skip","b":0,"a":0,"gain":2}"#),
    (
        "Ballot",
        r#"{"verdict":"Skip","b":0,"a":0,"gain":3.4028235677973362e38}"#,
    ),
    ("Action", r#"{"Kick":{"Accounts":["a"]},"Kik":1}"#),
    (
        "Action",
        r#"{"Kick":{"Accounts":["a"]},"Notify":"x","zz":1}"#,
    ),
    ("Action", r#"{"Mute":null,"N":1}"#),
    // An alias's content reports at the alias, the property written.
    (
        "Action",
        r#"{"Notify":"名名名名名名名名名名名名名名名名名名名名名名名名名名名名名名名名名名名名名名名名名名名名名名名名名名名名名名名名名名名名名名名名名名名名名名名名名名名名名名名名名名名名名名名名名名名名名名名名名名名名名"}"#,
    ),
    ("Signal", r#"{"kind":"Ping","x":1}"#),
    ("Signal", r#"{"kind":"Note","text":"hello","x":1}"#),
    ("Signal", r#"{"kind":"Pong"}"#),
    ("Signal", r#"{"text":"a"}"#),
    // The tag is a property of the variant's object: a misspelling of it is
    // suggested it, as of a field (helper-103).
    ("Signal", r#"{"kind":"Note","text":"a","kinde":1}"#),
    ("Signal", r#"{"Kind":"Note","kind":"Note","text":"a"}"#),
    ("Press", r#"{"Key":"a"}"#),
    ("Press", r#"{"Key":"ab"}"#),
    ("Press", r#"{"Key":"😀"}"#),
    ("Press", r#"{"Key":""}"#),
    ("Press", r#"{"Toggle":1}"#),
    ("Press", r#"{"Toggle":false}"#),
    // A string that names a data variant is no `Media`: it is a link.
    ("Attachment", r#""Image""#),
    ("Attachment", r#""Caption:)""#),
    ("Attachment", r#"{"Image":"https://a.example/x"}"#),
    ("Attachment", r#"{"Caption":{"text":"hello"}}"#),
    ("Attachment", r#"{"Caption":{"text":"hi"}}"#),
    ("Attachment", "[]"),
    ("ImageInfo", r#"{"ImageFormat":255}"#),
    (
        "ImageInfo",
        r#"{"ImageFormat":5,"Types":[1,4,3],"Turn":2,"Scale":1.5}"#,
    ),
    ("ImageInfo", r#"{"ImageFormat":1,"Turn":-1,"Scale":2.0}"#),
    ("ImageInfo", r#"{"ImageFormat":1,"Turn":null,"Scale":null}"#),
    ("ImageInfo", r#"{"ImageFormat":300}"#),
    ("ImageInfo", r#"{"ImageFormat":"1"}"#),
    ("ImageInfo", r#"{"ImageFormat":1,"Quality":101}"#),
    ("ImageInfo", r#"{"ImageFormat":1,"Quality":60}"#),
    (
        "ImageInfo",
        r#"{"ImageFormat":1,"Quality":300,"Types":[1,70000]}"#,
    ),
    // A key of a type parameter is the property name's text.
    (
        "AttrTable",
        r#"{"Attrs":{"Entries":{"01":1,"-0":"x","":null,"a":{"Tag":"t"}}}}"#,
    ),
    (
        "AttrTable",
        r#"{"Attrs":{"Entries":{"Red":1001,"b":{"Tag":""},"c":[]}}}"#,
    ),
    ("AttrTable", r#"{"Attrs":{"Entries":[]}}"#),
    ("AttrTable", r#"{"Attrs":{"entries":{}}}"#),
    // A hasher given by a type parameter: keys escaped as RFC 6901 says.
    (
        "Meters",
        r#"{"Readings":{"Entries":{"a/b":{"Ratio":2},"~":{"Ratio":0.5},"c":{"Ratio":1},"d":{"Ratio":-1}}}}"#,
    ),
    (
        "Meters",
        r#"{"Readings":{"Entries":{"":{"Ratio":0,"Seq":1}}}}"#,
    ),
    ("Meters", r#"{"Readings":{"Entries":{"x":[]}}}"#),
    (
        "Meters",
        r#"{"Readings":{"Entries":{"toolong":{"Ratio":0.5},"\u00e9\u00e9\u00e9":{"Ratio":2}}}}"#,
    ),
    // A legacy member of `Object.prototype`, optional: TypeScript's `Object`
    // does not declare it, so the compiled type must not name it there.
    (
        "Prototype",
        r#"{"constructor":"a","__defineGetter__":"ab"}"#,
    ),
    ("Prototype", r#"{"constructor":"a","toString":null}"#),
    // A valid input of each type whose generated corpus cases are all
    // invalid: every type has one that Rust accepts, for the package's
    // validators and the compiled types to accept too.
    (
        "AddGroupMember",
        r#"{"GroupId":"~~a","MemberList":[{"Member_Account":"~"},{"Member_Account":"~"}]}"#,
    ),
    (
        "ContactCard",
        r#"{"Birthday":null,"Email":"joe@example.com","Id":"2eb8aa08-aa98-11ea-b4aa-73b441d16380","Ip6":"::ffff:192.0.2.128","Site":"a:b","Updated":"2024-02-29 23:59:60.5+00:00"}"#,
    ),
    ("Decor", r#"{"Badge":null,"Sticker":null}"#),
    (
        "DeleteGroupMember",
        r#"{"Cc":null,"GroupId":"_~","MemberToDel_Account":["~Z~~_a_~~_a~aZ~~aZZ___a_aaZ_Za__"],"Reason":""}"#,
    ),
    (
        "FormFields",
        r##"{"Contact":null,"Key":"custom__v1","Label":"e\u0301\t","Settings":{},"Tags":["#名e\u0301"]}"##,
    ),
    (
        "Gauges",
        r#"{"deep":[null],"levels":[],"offsets":{"👨‍👩‍👧":null},"trim":0}"#,
    ),
    (
        "ImportEnvelope",
        r#"{"Body":{"FaceUrl":null,"Nick":null,"UserID":"__~~~~Z~_ZZaaaZ_a~ZZZ~_~_~_a~~_a"},"RequestId":"~~"}"#,
    ),
    (
        "ModifyGroupAttr",
        r#"{"GroupAttr":[{"key":"_~~a~~~aZa~_ZZa_a_Z~~aZ_~_aZa~_","value":"e\u0301"}],"GroupId":"aaZZZ_~a_~_~_~~~_a_~__aaa_~aZZZZaa_a~aZZa~a~a~a"}"#,
    ),
    (
        "MsgStats",
        r#"{"Account":"_~Z_aa_aZ_~Za_a~___Za~_~a~_a_~Z","Flag":"名","Label":null,"MsgSeq":2,"Offset":4294967296,"Ratio":1.0000000596046446}"#,
    ),
    (
        "Orchard",
        r#"{"Shoot":null,"Tree":{"Twigs":[],"Value":""}}"#,
    ),
    (
        "Queue",
        r#"{"Current":{"Data":null,"Kind":"Idle"},"Jobs":{"Cursor":"_~Z","Items":[]}}"#,
    ),
    ("Seating", r#"{"Guests":[]}"#),
    (
        "SendGroupMsg",
        r#"{"GroupId":"~","MsgBody":[{"MsgContent":{"Text":"名"},"MsgType":"TIMTextElem"}]}"#,
    ),
    (
        "SendGroupMsgHeader",
        r#"{"From_Account":"_ZZaa_~_aaZZ~~~_~a_~~_Zaa~~~~aaZ","GroupId":"Z","MsgPriority":null,"Random":0,"Tags":["a","c"]}"#,
    ),
    // Types that derive `Validate` where serde alone reads them (a type
    // argument held by a `skip` field, an alias): their rules hold nowhere.
    (
        "Relays",
        r#"{"Nick":{"From":"a","Body":"\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9"},"List":{"Body":{}}}"#,
    ),
    (
        "Relays",
        r#"{"Nick":{"Body":"n"},"List":{"From":"c","Body":{"Level":0}}}"#,
    ),
    (
        "Relays",
        r#"{"Nick":{"From":"a","Body":5},"List":{"Body":{"Level":-1}}}"#,
    ),
    (
        "Relays",
        r#"{"Nick":{"From":"\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9","Body":"n"},"List":{"Body":{}}}"#,
    ),
    (
        "Forwards",
        r#"{"Block":{"From":"b","Body":{"ToAccount":["x","x"],"Extra":1}},"History":[{"MsgType":"TIMTextElem","MsgContent":{"Text":""}}]}"#,
    ),
    (
        "Forwards",
        r#"{"Block":{"Body":{"ToAccount":[]}},"Tags":["a","a","b"]}"#,
    ),
    ("Forwards", r#"{"Block":{"Body":{}},"Tags":["a",1]}"#),
    (
        "Forwards",
        r#"{"Block":{"Body":{"ToAccount":[]}},"Joins":{"Free":1,"NeedPermission":2}}"#,
    ),
    (
        "Forwards",
        r#"{"Block":{"Body":{"ToAccount":[]}},"Joins":{"Green":1}}"#,
    ),
    (
        "Forwards",
        r#"{"Block":{"Body":{"ToAccount":[]}},"Peer":"::ffff:192.0.2.1"}"#,
    ),
    (
        "Forwards",
        r#"{"Block":{"Body":{"ToAccount":[]}},"Peer":"192.0.2.1"}"#,
    ),
    (
        "Forwards",
        r#"{"Block":{"Body":{"ToAccount":[]}},"Peer":"192.0.2"}"#,
    ),
    ("Forwards", r#"{"Block":{"Body":{}}}"#),
    // `Value` is a skip field under `Raw` and checked under `Labels`: a
    // fault inside it is one `type` at `Value` under `Raw` only.
    (
        "Settings",
        r#"{"List":[{"Kind":"Raw","Value":[1,256,"x"]},{"Kind":"Labels","Value":["abcd",1,"a"]}]}"#,
    ),
    (
        "Settings",
        r#"{"List":[{"Kind":"Labels","Value":[300]},{"Kind":"Raw","Value":["abcd"]},{"Kind":"Raw","Value":[1,2]}]}"#,
    ),
    (
        "Settings",
        r#"{"Payload":{"Kind":"Raw","Body":{"Value":[-1]}}}"#,
    ),
    (
        "Settings",
        r#"{"Payload":{"Body":{"Value":["abcd"]},"Kind":"Labels"}}"#,
    ),
    (
        "Settings",
        r#"{"Payload":{"Body":{"Value":[1.5]},"Kind":"Raw"}}"#,
    ),
    (
        "Settings",
        r#"{"Payload":{"Kind":"Labels","Body":{"Value":[7]}}}"#,
    ),
    (
        "Forwards",
        r#"{"Block":{"Body":{"ToAccount":["x"]}},"History":[{"MsgType":"TIMTextElem","MsgContent":{"Text":5}}]}"#,
    ),
    // A rule's own message, the field's for the others, and a rule's own.
    (
        "SignUp",
        r#"{"UserID":"","Roles":["admin","admin","owner","member"],"Age":0}"#,
    ),
    ("SignUp", r#"{"UserID":"abcdefghijklm\u00e9","Age":300}"#),
    ("SignUp", r#"{"UserID":"a b\u0001","Age":120}"#),
    ("SignUp", r#"{"UserID":"ok","Roles":["member"]}"#),
    // A whole number past 64 bits is an integer to JSON Schema: an untagged
    // enum with no variant of fractions reads it by its integer variant,
    // which reports it out of range (it was `type` in Rust, `range` in npm).
    ("ProfileValue", "1e30"),
    ("ProfileValue", "-1e30"),
    ("ProfileValue", "18446744073709551616"),
    ("ProfileValue", "3.4028235e38"),
    ("ProfileValue", "1.5"),
    ("Decor", r#"{"Badge":1e30,"Sticker":-1e30}"#),
];

/// The pinned inputs give one answer on every path: the text's walk, the
/// value's, the schema's verdict; and serde is the oracle, as in the
/// differential: serde's value where the text is valid, and a shape
/// refusal only where serde refuses too or desk-schema is stricter on
/// purpose.
#[test]
fn pinned_inputs_give_one_answer_on_every_path() {
    fn check<T: Zoo>(name: &str) {
        let mut oracle = Oracle::default();
        for (_, text) in PINNED.iter().filter(|(n, _)| *n == name) {
            let (from_text, from_value) = (typed::<T>(text), raw::<T>(text));
            assert_eq!(from_text, from_value, "{name}: {text}");
            assert_eq!(schema_ok::<T>(text), from_text.is_empty(), "{name}: {text}");
            oracle.consult::<T>(name, text, &from_json_str::<T>(text));
        }
    }
    macro_rules! each {
        ($t:ident) => {
            check::<$t>(stringify!($t));
        };
    }
    desk_schema_tests::for_each_zoo_type!(each);
}

/// The pinned cases of type `T` (named `name`), with `schema`'s paths.
fn pinned_cases<T: desk_schema_tests::differential::Zoo>(name: &str, schema: &Value) -> Vec<Value> {
    let validator = validator_for(schema);
    PINNED
        .iter()
        .filter(|(n, _)| *n == name)
        .map(|(_, text)| {
            let value: Value = serde_json::from_str(text).unwrap();
            let paths = reported_paths(errors_of(&validator, &value));
            corpus_case::<T>(name, text, &paths)
        })
        .collect()
}

#[test]
fn zoo_corpus_for_ajv_is_current() {
    let mut schemas = serde_json::Map::new();
    let mut all = Vec::new();
    let mut unreadable = Vec::new();
    macro_rules! add {
        ($t:ident) => {
            let (schema, mut cases) = ajv_cases::<$t>(stringify!($t), 12);
            cases.extend(pinned_cases::<$t>(stringify!($t), &schema));
            // One valid case at least (`PINNED` where the generator gives
            // none), for the package's validators and compiled types.
            assert!(
                cases.iter().any(|c| c["violations"] == json!([])),
                "{}: no valid case in the corpus; pin one",
                stringify!($t)
            );
            unreadable.extend(unreadable_cases::<$t>(stringify!($t), &cases, 8));
            all.extend(cases);
            schemas.insert(stringify!($t).to_owned(), schema);
        };
    }
    desk_schema_tests::for_each_zoo_type!(add);
    macro_rules! add_matrix {
        ($($t:tt)+) => {
            let name = stringify!($($t)+).replace(' ', "");
            let (schema, cases) = ajv_cases::<desk_schema_tests::matrix::$($t)+>(&name, 6);
            unreadable.extend(unreadable_cases::<desk_schema_tests::matrix::$($t)+>(&name, &cases, 4));
            schemas.insert(name, schema);
            all.extend(cases);
        };
    }
    desk_schema_tests::for_each_matrix_type!(add_matrix);
    let corpus = json!({ "schemas": schemas, "cases": all, "unreadable": unreadable });
    let mut text = serde_json::to_string_pretty(&corpus).unwrap();
    text.push('\n');
    let file = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../corpus/zoo.json");
    if std::env::var("SNAPSHOTS").as_deref() == Ok("overwrite") {
        std::fs::write(&file, &text).unwrap();
    }
    let committed = std::fs::read_to_string(&file).unwrap_or_default();
    assert!(
        committed == text,
        "corpus/zoo.json is out of date: SNAPSHOTS=overwrite cargo test -p desk-schema-tests --test zoo"
    );
    assert!(all.len() >= 300, "{} cases", all.len());
}

#[test]
fn the_fast_path_refuses_what_serde_alone_would_take() {
    // serde's derived Deserialize takes a struct written as an array and a
    // unit variant written as an object; the walk and the schema do not, and
    // neither does from_json_str, whose fast path is serde's parse.
    assert!(serde_json::from_str::<Pager>("[1, 50]").is_ok());
    assert_eq!(codes(&typed::<Pager>("[1, 50]")), vec![("", "type")]);
    assert!(serde_json::from_str::<Priority>(r#"{"HIGH": null}"#).is_ok());
    assert_eq!(
        codes(&typed::<Priority>(r#"{"HIGH": null}"#)),
        vec![("", "type")]
    );
    assert!(serde_json::from_str::<Action>(r#"{"Mute": null}"#).is_ok());
    assert_eq!(
        codes(&typed::<Action>(r#"{"Mute": null}"#)),
        vec![("", "type")]
    );
    // Nested too: a member written as an array, inside a list.
    let nested = r#"{"GroupId":"g","MemberList":[["u1"]]}"#;
    assert!(serde_json::from_str::<AddGroupMember>(nested).is_ok());
    assert_eq!(
        codes(&typed::<AddGroupMember>(nested)),
        vec![("/MemberList/0", "type")]
    );
    // What both read, the fast path returns as serde builds it.
    assert_eq!(
        from_json_str::<Action>(r#"{"Kick":{"Accounts":["a"]}}"#).unwrap(),
        serde_json::from_str::<Action>(r#"{"Kick":{"Accounts":["a"]}}"#).unwrap()
    );
}

#[test]
fn sets_report_a_repeat_instead_of_dropping_it() {
    let text = r#"{"ToAccount":["a","b","a","c\t"],"RequestedBy":["u1","u1"]}"#;
    let found = typed::<BlockAccounts>(text);
    assert_eq!(
        codes(&found),
        vec![
            ("/RequestedBy/1", "duplicate"),
            ("/ToAccount/2", "duplicate"),
            ("/ToAccount/3", "charset"),
        ]
    );
    assert_eq!(raw::<BlockAccounts>(text), found);
    assert!(!schema_ok::<BlockAccounts>(text));
    // serde alone would keep three of the four accounts without a word.
    let serde: BlockAccounts = serde_json::from_str(text).unwrap();
    assert_eq!(serde.to_account.len(), 3);
    let ok = from_json_str::<BlockAccounts>(r#"{"ToAccount":["a","b"]}"#).unwrap();
    assert_eq!(ok.to_account.len(), 2);
    let schema = schema_for::<BlockAccounts>().to_value();
    assert_eq!(
        schema["properties"]["ToAccount"]["uniqueItems"],
        json!(true)
    );
    assert_eq!(
        schema["properties"]["ToAccount"]["items"]["x-maxBytes"],
        json!(32)
    );
}

#[test]
fn a_key_repeated_inside_tagged_content_is_a_duplicate_key_as_serde_refuses_it() {
    // Adjacently tagged: the content object, and an object inside an array
    // inside it, are buffered; a repeat in either is what serde refuses.
    let text = r#"{"GroupId":"g","MsgBody":[{"MsgType":"TIMFaceElem","MsgContent":{"Index":1,"Index":2}}]}"#;
    assert!(serde_json::from_str::<SendGroupMsg>(text).is_err());
    assert_eq!(
        codes(&typed::<SendGroupMsg>(text)),
        vec![("/MsgBody/0/MsgContent", "duplicate_key")]
    );
    // Internally tagged: a repeat among the content's own properties.
    let notice = r#"{"Type":"Rename","Name":"a","Name":"b"}"#;
    assert!(serde_json::from_str::<Notice>(notice).is_err());
    assert_eq!(codes(&typed::<Notice>(notice)), vec![("", "duplicate_key")]);
    // Without a repeat, the same content is read as serde reads it.
    let once = r#"{"GroupId":"g","MsgBody":[{"MsgType":"TIMFaceElem","MsgContent":{"Index":1}}]}"#;
    assert_eq!(
        from_json_str::<SendGroupMsg>(once).unwrap(),
        serde_json::from_str::<SendGroupMsg>(once).unwrap()
    );
}

/// Adjacently tagged, with a newtype over an `Option` and a struct variant.
#[derive(Debug, PartialEq, serde::Deserialize, Validate)]
#[serde(tag = "t", content = "c")]
enum Level {
    B(#[desk(range(max = 3))] Option<u8>),
    S {
        #[desk(max_bytes = 2)]
        s: String,
    },
}

#[test]
fn an_adjacent_newtype_over_option_reads_absent_content_as_none_as_serde_does() {
    let absent = r#"{"t":"B"}"#;
    assert_eq!(
        from_json_str::<Level>(absent).unwrap(),
        serde_json::from_str::<Level>(absent).unwrap()
    );
    assert_eq!(from_json_str::<Level>(absent).unwrap(), Level::B(None));
    assert!(raw::<Level>(absent).is_empty());
    assert!(schema_ok::<Level>(absent));
    rejected_everywhere::<Level>(r#"{"t":"B","c":5}"#, &[("/c", "range")]);
    // A struct variant's content stays required, as serde requires it.
    assert!(serde_json::from_str::<Level>(r#"{"t":"S"}"#).is_err());
    rejected_everywhere::<Level>(r#"{"t":"S"}"#, &[("", "required")]);
}

#[test]
fn an_item_without_its_unique_key_is_never_a_repeat_on_any_path() {
    // Absent, or null: no key, on the typed check, the walk and the schema.
    for text in [
        r#"{"Ranks":[{"Id":"x"},{"Id":"y"}]}"#,
        r#"{"Ranks":[{"Id":"x","Level":null},{"Id":"y"},{"Id":"z","Level":null}]}"#,
        r#"{"Ranks":[{"Id":"x","Level":1},{"Id":"y"},{"Id":"z","Level":2}],"Notes":{"a":"b"}}"#,
    ] {
        let value = from_json_str::<Ranking>(text).unwrap();
        assert!(value.validate().is_ok(), "{text}");
        assert_eq!(value, serde_json::from_str::<Ranking>(text).unwrap());
        assert!(validate_value::<Ranking>(&serde_json::from_str(text).unwrap()).is_ok());
        assert!(schema_ok::<Ranking>(text), "{text}");
    }
    // A key given twice is a repeat, whatever lies between.
    let bad = r#"{"Ranks":[{"Id":"x","Level":2},{"Id":"y"},{"Id":"z","Level":2}]}"#;
    rejected_everywhere::<Ranking>(bad, &[("/Ranks/2/Level", "duplicate")]);
    let report = from_json_str::<Ranking>(bad).unwrap_err();
    assert_eq!(
        report.to_string(),
        "/Ranks/2/Level: same Level as the 1st item (index 0); each must be unique"
    );
}

#[test]
fn a_boxed_optional_unique_key_is_no_key_when_absent_or_null_on_every_path() {
    // `Box<Option<String>>` with `#[serde(default)]`: the default is a boxed
    // `None`, which is no key, as an `Option`'s is.
    for text in [
        r#"{"Pins":[{"Id":"x"},{"Id":"y"},{"Id":"z","Tier":null}]}"#,
        r#"{"Pins":[{"Id":"x","Tier":null},{"Id":"y","Tier":null}],"Notes":{"a":"b"}}"#,
        r#"{"Pins":[{"Id":"x","Tier":"a"},{"Id":"y"},{"Id":"z","Tier":"b"}]}"#,
    ] {
        let value = from_json_str::<Board>(text).unwrap();
        assert!(value.validate().is_ok(), "{text}");
        assert_eq!(value, serde_json::from_str::<Board>(text).unwrap());
        assert!(validate_value::<Board>(&serde_json::from_str(text).unwrap()).is_ok());
        assert!(schema_ok::<Board>(text), "{text}");
    }
    for bad in [
        r#"{"Pins":[{"Id":"x","Tier":"a"},{"Id":"y"},{"Id":"z","Tier":"a"}]}"#,
        r#"{"Pins":[{"Id":"x","Tier":"a"},{"Id":"y"},{"Id":"z","Tier":"a"}],"Notes":{"a":"b"}}"#,
    ] {
        rejected_everywhere::<Board>(bad, &[("/Pins/2/Tier", "duplicate")]);
    }
}

#[test]
fn a_unique_key_that_is_a_data_enum_is_compared_whole_on_every_path() {
    for text in [
        r#"{"Guests":[{"Id":"a","Seat":{"Row":1}},{"Id":"b","Seat":{"Row":2}},{"Id":"c"}]}"#,
        r#"{"Guests":[{"Id":"a","Seat":{"Booth":{"Name":"x"}}},{"Id":"b","Seat":{"Booth":{"Name":"y"}}}],"Notes":{"a":"b"}}"#,
        r#"{"Guests":[{"Id":"a","Seat":null},{"Id":"b"}]}"#,
    ] {
        let value = from_json_str::<Seating>(text).unwrap();
        assert!(value.validate().is_ok(), "{text}");
        assert_eq!(value, serde_json::from_str::<Seating>(text).unwrap());
        assert!(schema_ok::<Seating>(text), "{text}");
    }
    for (bad, at) in [
        (
            r#"{"Guests":[{"Id":"a","Seat":{"Row":1}},{"Id":"b"},{"Id":"c","Seat":{"Row":1}}]}"#,
            "/Guests/2/Seat",
        ),
        (
            r#"{"Guests":[{"Id":"a","Seat":{"Booth":{"Name":"x"}}},{"Id":"b","Seat":{"Booth":{"Name":"x"}}}],"Notes":{"a":"b"}}"#,
            "/Guests/1/Seat",
        ),
    ] {
        rejected_everywhere::<Seating>(bad, &[(at, "duplicate")]);
    }
}

#[test]
fn an_untagged_variant_over_an_option_reads_any_value_of_its_types_as_serde_does() {
    for text in [
        r#"{"Badge":5,"Sticker":"ab"}"#,
        r#"{"Badge":null,"Sticker":null}"#,
        r#"{"Badge":"gold","Sticker":7}"#,
    ] {
        let ours = from_json_str::<Decor>(text).unwrap();
        assert_eq!(ours, serde_json::from_str::<Decor>(text).unwrap(), "{text}");
        assert!(validate_value::<Decor>(&serde_json::from_str(text).unwrap()).is_ok());
        assert!(schema_ok::<Decor>(text), "{text}");
    }
    let bad = r#"{"Badge":50,"Sticker":"too long"}"#;
    rejected_everywhere::<Decor>(bad, &[("/Badge", "range"), ("/Sticker", "max_bytes")]);
}

/// A number is judged as its type holds it, on every path: an `f32` as serde
/// rounds it (the schema's bounds are the doubles that round within the
/// rule's), and an integer literal on a float field with the verdict of its
/// exact value (a float's bound stays where the float tells each integer
/// from the next, so rounding cannot move one across it).
#[test]
fn numbers_are_checked_as_their_type_holds_them_with_true_codes() {
    let on = |field: &str, number: &str| format!(r#"{{"Ratio":0.5,"{field}":{number}}}"#);
    // 1 + 2^-24 is the last double that rounds to `1.0f32` (halfway, to
    // the even one); the next rounds to the `f32` above 1. (Its shortest
    // digits, `1.0000000596046448`, lie above it: serde's `f32` parse rounds
    // them up, the double does not. See docs/derive.md, "An `f32`".)
    let edge = 1.0 + 2_f64.powi(-24);
    let ratio = |number: f64| format!(r#"{{"Ratio":{number}}}"#);
    let passing = [
        r#"{"Ratio":1.00000001}"#.to_owned(),
        // The halfway point itself, to the last digit (serde's `f32` parse
        // rounds the decimal, JSON.parse the double: both land on it).
        r#"{"Ratio":1.000000059604644775390625}"#.to_owned(),
        r#"{"Ratio":-1e-50}"#.to_owned(),
        ratio(-(2_f64.powi(-150))),
        on("Exact", "9007199254740991"),
        on("Exact", "-9007199254740991"),
    ];
    for text in &passing {
        let theirs = serde_json::from_str::<Reading>(text).unwrap();
        assert!(theirs.validate().is_ok(), "validate(): {text}");
        assert_eq!(from_json_str::<Reading>(text).unwrap(), theirs, "{text}");
        assert!(raw::<Reading>(text).is_empty(), "validate_value: {text}");
        assert!(schema_ok::<Reading>(text), "schema: {text}");
    }
    let cases = [
        // Past the bound, where the float cannot round it back in.
        (on("Exact", "9007199254740992"), "/Exact", "range"),
        (on("Exact", "9007199254740993"), "/Exact", "range"),
        (on("Exact", "-9007199254740993"), "/Exact", "range"),
        (ratio(edge.next_up()), "/Ratio", "range"),
        (ratio((-(2_f64.powi(-150))).next_down()), "/Ratio", "range"),
        (r#"{"Ratio":-1e-45}"#.to_owned(), "/Ratio", "range"),
        // In range, spelled as a float: a `type` violation, as serde says.
        (on("Seq", "1e19"), "/Seq", "type"),
        (on("Seq", "9223372036854775808.0"), "/Seq", "type"),
        (on("Seq", "5.0"), "/Seq", "type"),
        (on("Wide", "-0"), "/Wide", "type"),
        // Past 64 bits, however spelled: out of range.
        (on("Seq", "1e20"), "/Seq", "range"),
        (on("Wide", "-9223372036854775809"), "/Wide", "range"),
    ];
    for (text, path, code) in &cases {
        let expected = vec![(*path, *code)];
        assert_eq!(
            codes(&typed::<Reading>(text)),
            expected,
            "from_json_str: {text}"
        );
        assert_eq!(
            codes(&raw::<Reading>(text)),
            expected,
            "validate_value: {text}"
        );
        if *code != "range" {
            continue; // a float spelling of an integer: see docs/derive.md
        }
        assert!(!schema_ok::<Reading>(text), "schema: {text}");
        if let Ok(theirs) = serde_json::from_str::<Reading>(text) {
            let report = theirs.validate().unwrap_err();
            assert_eq!(codes(&found(Err(report))), expected, "validate(): {text}");
        }
    }
    // Past any double: one true message.
    let report = from_json_str::<Reading>(&on("Exact", "1e400")).unwrap_err();
    assert_eq!(
        report.to_string(),
        "/Exact: the number is out of range; must be within what a 64-bit float holds (about ±1.8e308)"
    );
}

/// A float field's figure is the number as its type holds it, however the
/// text spells it, on every path: what `validate()` quotes of the value
/// serde read (an integer literal too: `2^53 + 1` is the double `2^53`, and
/// `2` is `2.0`). The npm package's figures are held to these through the
/// zoo corpus (`Meters`' `{"Ratio":2}`).
#[test]
fn a_float_fields_figure_is_the_value_its_type_holds() {
    let every_path = |text: &str, message: &str| {
        let theirs = serde_json::from_str::<Reading>(text).unwrap();
        assert_eq!(
            theirs.validate().unwrap_err().to_string(),
            message,
            "{text}"
        );
        let report = from_json_str::<Reading>(text).unwrap_err();
        assert_eq!(report.to_string(), message, "{text}");
        let value = serde_json::from_str(text).unwrap();
        let report = validate_value::<Reading>(&value).unwrap_err();
        assert_eq!(report.to_string(), message, "{text}");
    };
    for (number, figure) in [
        ("9007199254740993", "9007199254740992.0"),
        ("-9007199254740993", "-9007199254740992.0"),
    ] {
        every_path(
            &format!(r#"{{"Ratio":0.5,"Exact":{number}}}"#),
            &format!(
                "/Exact: {figure} is out of range; must be from -9007199254740991 to 9007199254740991"
            ),
        );
    }
    for number in ["2", "2.0", "2e0"] {
        every_path(
            &format!(r#"{{"Ratio":{number}}}"#),
            "/Ratio: 2.0 is out of range; must be from 0 to 1",
        );
    }
    // An `f32` holds `16777217` as `16777216`.
    every_path(
        r#"{"Ratio":16777217}"#,
        "/Ratio: 16777216.0 is out of range; must be from 0 to 1",
    );
}

// The `f32` cases' types.

#[derive(Debug, PartialEq, serde::Deserialize, Validate)]
struct Floats {
    #[desk(nested)]
    one: f32,
    #[desk(nested)]
    #[serde(default)]
    list: Vec<f32>,
    #[desk(skip)]
    #[serde(default)]
    whole: Vec<f32>,
    #[desk(nested)]
    #[serde(default)]
    tagged: Option<Tagged>,
}
#[derive(Debug, PartialEq, serde::Deserialize, Validate)]
struct One {
    #[desk(nested)]
    one: f32,
}
/// Half or less, by a function (a default field sends it to the walk).
#[derive(Debug, PartialEq, serde::Deserialize, Validate)]
struct Half {
    #[desk(custom(check = at_most_half, description = "at most 0.5"))]
    x: f32,
    #[desk(max_bytes = 4)]
    #[serde(default)]
    tag: String,
}
#[allow(
    clippy::trivially_copy_pass_by_ref,
    reason = "a custom check takes its value by reference"
)]
fn at_most_half(x: &f32) -> Result<(), Kind> {
    if *x <= 0.5 {
        Ok(())
    } else {
        Err(Kind::custom_in("half", "above 0.5", "大于 0.5"))
    }
}
#[derive(Debug, PartialEq, serde::Deserialize, Validate)]
#[serde(tag = "t")]
enum Tagged {
    A {
        #[desk(nested)]
        f: f32,
    },
}

#[allow(
    clippy::trivially_copy_pass_by_ref,
    reason = "a custom check takes its value by reference"
)]
fn not_negative(x: &f32) -> Result<(), Kind> {
    if *x >= 0.0 {
        Ok(())
    } else {
        Err(Kind::custom_in("negative", "is negative", "为负数"))
    }
}

fn not_negative_whole(w: &Gauge, scope: &mut desk_schema::Scope<'_, '_>) {
    if w.level < 0.0 {
        scope.push(&[], Kind::custom_in("negative", "is negative", "为负数"));
    }
}

#[allow(
    clippy::trivially_copy_pass_by_ref,
    reason = "a custom check takes its value by reference"
)]
fn small(n: &u128) -> Result<(), Kind> {
    if *n < 10 {
        Ok(())
    } else {
        Err(Kind::custom_in("large", "is large", "太大"))
    }
}

#[derive(Debug, PartialEq, serde::Deserialize, Validate)]
#[desk(custom(check = not_negative_whole, description = "not negative"))]
struct Gauge {
    #[desk(nested)]
    level: f32,
}

fn many(g: &Dial, scope: &mut desk_schema::Scope<'_, '_>) {
    if g.count > 3 {
        scope.push(&[], Kind::custom_in("many", "above 3", "大于 3"));
    }
}

fn many_raw(g: &<Dial as desk_schema::JsonView>::View<'_>, scope: &mut desk_schema::Scope<'_, '_>) {
    if g.count.is_some_and(|n| n > 3) {
        scope.push(&[], Kind::custom_in("many", "above 3", "大于 3"));
    }
}

/// A struct rule with a raw form: the walk runs it whatever else is wrong,
/// and so does `validate()`.
#[derive(Debug, PartialEq, serde::Deserialize, Validate)]
#[desk(custom(check = many, check_value = many_raw, description = "at most 3"))]
struct Dial {
    #[desk(nested)]
    level: f32,
    #[desk(nested)]
    count: u8,
}

#[derive(Debug, PartialEq, serde::Deserialize, Validate)]
#[serde(tag = "t")]
enum Meter {
    Field {
        #[desk(range(min = -5), custom(check = not_negative, description = "not negative"))]
        level: f32,
    },
    Whole {
        #[desk(nested)]
        gauge: Gauge,
    },
    Raw {
        #[desk(nested)]
        dial: Dial,
    },
}

#[derive(Debug, PartialEq, serde::Deserialize, Validate)]
struct Tally {
    #[desk(custom(check = small, description = "small"))]
    count: u128,
}

fn figureless(_: &Low, scope: &mut desk_schema::Scope<'_, '_>) {
    scope.push(
        &[],
        Kind::Range {
            min: Some(1),
            max: Some(2),
            actual: None,
        },
    );
}

fn always(_: &High, scope: &mut desk_schema::Scope<'_, '_>) {
    scope.push(&[], Kind::custom_in("checked", "checked", "已检查"));
}

#[derive(Debug, serde::Deserialize, Validate)]
#[desk(custom(check = figureless, description = "a range without its figure"))]
struct Low {
    #[desk(max_bytes = 3)]
    name: String,
}

#[derive(Debug, serde::Deserialize, Validate)]
#[desk(custom(check = always, description = "always reports"))]
struct High {
    #[desk(nested)]
    low: Low,
}

/// A custom rule's own `range` without a figure (the shape of a `u128`'s
/// own check) is only a violation: the struct rules around it still run.
#[test]
fn a_custom_rules_range_does_not_stop_other_custom_rules() {
    let text = r#"{"low":{"name":"ab"}}"#;
    let expected = [("", "checked"), ("/low", "range")];
    let value: High = serde_json::from_str(text).unwrap();
    assert_eq!(codes(&found(value.validate())), expected);
    assert_eq!(codes(&typed::<High>(text)), expected);
    assert_eq!(codes(&raw::<High>(text)), expected);
}

/// A custom rule runs only on a value the walk could read: not on a float
/// serde made infinite in a tagged enum's buffer, nor on what holds it, nor
/// on a `u128` past 64 bits built in code; `validate()` then says what the
/// walk says, `range` alone.
#[test]
fn custom_rules_see_only_values_json_can_hold() {
    let cases = [
        (r#"{"t":"Field","level":-1e39}"#, "/level", "range"),
        (r#"{"t":"Field","level":-1}"#, "/level", "negative"),
        (
            r#"{"t":"Whole","gauge":{"level":-1e39}}"#,
            "/gauge/level",
            "range",
        ),
        (
            r#"{"t":"Whole","gauge":{"level":-1}}"#,
            "/gauge",
            "negative",
        ),
        (
            r#"{"t":"Raw","dial":{"level":1e39,"count":2}}"#,
            "/dial/level",
            "range",
        ),
    ];
    for (text, path, code) in cases {
        let value: Meter = serde_json::from_str(text).expect("serde reads it");
        assert_eq!(
            codes(&found(value.validate())),
            [(path, code)],
            "validate(): {text}"
        );
        rejected_in_rust::<Meter>(text, &[(path, code)]);
    }
    let nan = Meter::Field { level: f32::NAN };
    assert_eq!(codes(&found(nan.validate())), [("/level", "range")]);
    // A struct rule with a raw form runs beside a number past its type.
    let text = r#"{"t":"Raw","dial":{"level":1e39,"count":9}}"#;
    let expected = [("/dial", "many"), ("/dial/level", "range")];
    let value: Meter = serde_json::from_str(text).expect("serde reads it");
    assert_eq!(codes(&found(value.validate())), expected);
    assert_eq!(codes(&typed::<Meter>(text)), expected);
    assert_eq!(codes(&raw::<Meter>(text)), expected);
    for (count, code) in [(u128::MAX, "range"), (11, "large")] {
        let tally = Tally { count };
        assert_eq!(
            codes(&found(tally.validate())),
            [("/count", code)],
            "{count}"
        );
    }
}

/// A key given twice is `duplicate_key` inside a `skip` field too (read
/// whole, it kept the last silently), at the object that repeats it.
#[test]
fn a_skip_field_reports_a_repeated_key_inside_it() {
    #[derive(Debug, serde::Deserialize, Validate)]
    struct Whole {
        #[desk(skip)]
        #[serde(default)]
        map: std::collections::HashMap<String, u8>,
        #[desk(skip)]
        #[serde(default)]
        value: Value,
    }
    let cases = [
        (r#"{"map":{"a":1,"a":2}}"#, "/map"),
        (r#"{"value":[1,{"b":{"a":1,"a":2}}]}"#, "/value/1/b"),
    ];
    for (text, path) in cases {
        assert_eq!(
            codes(&typed::<Whole>(text)),
            [(path, "duplicate_key")],
            "{text}"
        );
    }
    assert!(typed::<Whole>(r#"{"map":{"a":1},"value":{"a":[{"a":1}]}}"#).is_empty());
}

/// A number past what an `f32` holds is refused on every path, as
/// `serde_json` refuses it, wherever the `f32` is: a field, an `Option`, a
/// list, a tagged enum's buffer, a field read whole (`skip`).
#[test]
fn a_number_past_an_f32_is_range_on_every_path() {
    let cases = [
        (r#"{"one":1e39}"#, "/one", "range"),
        (r#"{"one":-3.5e38}"#, "/one", "range"),
        (r#"{"one":1,"list":[1,1e39]}"#, "/list/1", "range"),
        (r#"{"one":1,"whole":[1,1e39]}"#, "/whole", "type"),
        (
            r#"{"one":1,"tagged":{"t":"A","f":1e39}}"#,
            "/tagged/f",
            "range",
        ),
    ];
    for (text, path, code) in cases {
        // serde refuses each, but the tagged enum's: its buffer holds the
        // double, which serde converts to infinity, which `validate()`
        // refuses at the same path, as no JSON number is infinite.
        match serde_json::from_str::<Floats>(text) {
            Ok(
                value @ Floats {
                    tagged: Some(Tagged::A { f }),
                    ..
                },
            ) => {
                assert!(f.is_infinite());
                assert_eq!(codes(&found(value.validate())), [(path, code)], "{text}");
            }
            other => assert!(other.is_err(), "{text}"),
        }
        rejected_in_rust::<Floats>(text, &[(path, code)]);
    }
    // Without a `range` rule, the message names the type.
    let report = from_json_str::<Floats>(r#"{"one":1e39}"#).unwrap_err();
    assert_eq!(
        report.to_string(),
        "/one: 1e+39 is out of range; must be within what a 32-bit float holds (about ±3.4e38)"
    );
    // Under one, the bounds it must lie within: the rule's; and the field's
    // own message, as for a number inside the type (helper-190: one field,
    // one rule, two wordings).
    let report =
        from_json_str::<Ballot>(r#"{"verdict":"Skip","b":0,"a":0,"gain":-1e39}"#).unwrap_err();
    assert_eq!(report.to_string(), "/gain: -1e+39 is not a gain");
    let v = &report.violations()[0];
    assert_eq!(v.message_in(desk_schema::Locale::ZhCn), "-1e+39 不是增益");
    assert_eq!(
        serde_json::to_value(v).unwrap()["min"],
        serde_json::json!(0),
        "{v:?}"
    );
    let inside =
        from_json_str::<Ballot>(r#"{"verdict":"Skip","b":0,"a":0,"gain":-1}"#).unwrap_err();
    assert_eq!(inside.to_string(), "/gain: -1.0 is not a gain");
    // Up to the largest double an `f32` holds, serde's value.
    for text in [
        r#"{"one":3.4028235677973362e38}"#,
        r#"{"one":-3.4028235677973362e38,"whole":[3.4e38]}"#,
    ] {
        let value = from_json_str::<Floats>(text).unwrap();
        assert_eq!(value, serde_json::from_str::<Floats>(text).unwrap());
        assert_eq!(value.one.abs().to_bits(), f32::MAX.to_bits());
        assert!(raw::<Floats>(text).is_empty(), "{text}");
    }
    // A `Valid` built from a `Value` refuses it too (serde would give
    // infinity).
    assert!(serde_json::from_str::<desk_schema::Valid<Floats>>(r#"{"one":1e39}"#).is_err());
    // The documented gap (desk-schema/docs/derive.md): a decimal just
    // below 2^128 - 2^103 that reads as that double. serde's `f32` parse
    // rounds it to `f32::MAX`; the double is past the type, so the walk
    // and the schema refuse it. `from_json_str` gives serde's value where
    // its typed parse answers (a type without buffers or `skip`), and the
    // walk's refusal where the walk does.
}

/// The value `from_json_str` returns is serde's, and passes `validate()`,
/// on the walk's path too.
#[test]
fn an_f32_read_after_the_walk_is_serdes_value() {
    // The value is serde's, rounded from the decimal: a type built after
    // the walk (a `range` rule on a float, a map) once took the double and
    // converted it, one unit off where the double lies halfway between two
    // `f32`s.
    let text = r#"{"one":1.0000000596046448,"list":[0.50000002980232239]}"#;
    let value = from_json_str::<Floats>(text).unwrap();
    assert_eq!(value, serde_json::from_str::<Floats>(text).unwrap());
    assert_eq!(value.one.to_bits(), 1.000_000_1_f32.to_bits());
    assert_eq!(value.list[0].to_bits(), 0.500_000_06_f32.to_bits());
    let text = r#"{"Ratio":0.50000002980232239}"#;
    let ratio = from_json_str::<Reading>(text).unwrap().Ratio;
    assert_eq!(ratio.to_bits(), 0.500_000_06_f32.to_bits());
    // A `custom` rule is held to the value returned: the walk gives it the
    // double converted (0.5), serde's value is one unit above.
    let text = r#"{"x":0.50000002980232239}"#;
    assert_eq!(
        codes(&typed::<Half>(text)),
        [("/x", "half")],
        "the value returned passes validate()"
    );
    assert!(
        from_json_str::<Half>(r#"{"x":0.5}"#)
            .unwrap()
            .validate()
            .is_ok()
    );
    let text = r#"{"one":3.4028235677973366e38}"#;
    let max = f32::MAX.to_bits();
    assert_eq!(
        serde_json::from_str::<One>(text).unwrap().one.to_bits(),
        max
    );
    assert_eq!(from_json_str::<One>(text).unwrap().one.to_bits(), max);
    assert_eq!(codes(&raw::<One>(text)), [("/one", "range")]);
    assert_eq!(codes(&typed::<Floats>(text)), [("/one", "range")]);
}

#[test]
fn an_external_enum_reads_its_variant_wherever_the_property_stands() {
    use desk_schema_tests::matrix::external::Plain;
    // A `serde_json::Value` sorts the properties; the text keeps their
    // order: both give the same answer.
    for text in [
        r#"{"v":{"Word":"ab","Unknwon":1}}"#,
        r#"{"v":{"Unknwon":1,"Word":"ab"}}"#,
    ] {
        assert_eq!(
            codes(&typed::<Plain>(text)),
            vec![("/v", "unknown_field")],
            "{text}"
        );
        assert_eq!(raw::<Plain>(text), typed::<Plain>(text), "{text}");
        assert!(!schema_ok::<Plain>(text));
    }
    // No property names a variant: the object is none of the names.
    let text = r#"{"v":{"Nope":1,"Other":2}}"#;
    assert_eq!(codes(&typed::<Plain>(text)), vec![("/v", "enum")]);
    assert_eq!(raw::<Plain>(text), typed::<Plain>(text));
}

/// A newtype over an `Option`, itself held in an `Option` by an untagged
/// variant: JSON's reading goes all the way in.
#[derive(Debug, PartialEq, Validate, serde::Deserialize)]
struct MaybeDigit(#[desk(range(max = 9))] Option<u8>);

#[derive(Debug, PartialEq, Validate, serde::Deserialize)]
#[serde(untagged)]
enum DigitOrWord {
    Digit(#[desk(nested)] Option<MaybeDigit>),
    Many(#[desk(max_items = 2)] Vec<Option<u8>>),
    Word(#[desk(max_bytes = 4)] String),
}

#[derive(Debug, PartialEq, Validate, serde::Deserialize)]
#[serde(untagged)]
#[allow(clippy::option_option, reason = "the shape under test")]
enum Twice {
    Deep(#[desk(range(max = 9))] Option<Option<u8>>),
    Word(#[desk(max_bytes = 4)] String),
}

#[test]
fn an_untagged_option_of_an_option_reads_as_serde_does() {
    for text in ["5", "null", "[1,2]", r#""word""#] {
        let ours = from_json_str::<DigitOrWord>(text).unwrap();
        assert_eq!(
            ours,
            serde_json::from_str::<DigitOrWord>(text).unwrap(),
            "{text}"
        );
        assert!(validate_value::<DigitOrWord>(&serde_json::from_str(text).unwrap()).is_ok());
    }
    assert_eq!(
        from_json_str::<DigitOrWord>("5").unwrap(),
        DigitOrWord::Digit(Some(MaybeDigit(Some(5))))
    );
    rejected_everywhere::<DigitOrWord>("12", &[("", "range")]);
    rejected_everywhere::<DigitOrWord>("[1,2,3]", &[("", "max_items")]);
    for text in ["5", "null", r#""word""#] {
        let ours = from_json_str::<Twice>(text).unwrap();
        assert_eq!(ours, serde_json::from_str::<Twice>(text).unwrap(), "{text}");
    }
    assert_eq!(
        from_json_str::<Twice>("5").unwrap(),
        Twice::Deep(Some(Some(5)))
    );
}

/// A struct item that compares as JSON does: `unique` over a list of them.
#[derive(Debug, PartialEq, Eq, Hash, Validate, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Seat {
    #[desk(range(max = 9))]
    row: u8,
    #[desk(max_bytes = 2)]
    col: String,
}

/// An enum with data as a `unique` item.
#[derive(Debug, PartialEq, Eq, Hash, Validate, serde::Deserialize)]
enum Pick {
    Seat(#[desk(nested)] Seat),
    Standing,
}

#[derive(Debug, PartialEq, Validate, serde::Deserialize)]
struct Booking {
    #[desk(nested, unique, max_items = 4)]
    seats: Vec<Seat>,
    #[desk(nested, unique)]
    #[serde(default)]
    picks: Vec<Pick>,
}

#[test]
fn unique_compares_struct_and_enum_items_on_every_path() {
    let ok = r#"{"seats":[{"row":1,"col":"a"},{"row":1,"col":"b"}],"picks":["Standing",{"Seat":{"row":1,"col":"a"}}]}"#;
    assert_eq!(
        from_json_str::<Booking>(ok).unwrap(),
        serde_json::from_str::<Booking>(ok).unwrap()
    );
    assert!(validate_value::<Booking>(&serde_json::from_str(ok).unwrap()).is_ok());
    assert!(schema_ok::<Booking>(ok));
    let bad =
        r#"{"seats":[{"row":1,"col":"a"},{"col":"a","row":1}],"picks":["Standing","Standing"]}"#;
    rejected_everywhere::<Booking>(bad, &[("/picks/1", "duplicate"), ("/seats/1", "duplicate")]);
}

/// An id whose own equality ignores ASCII case, as an application may
/// write it: `unique` must not follow it (the schema's `uniqueItems` and
/// `x-uniqueBy` compare the JSON, where `"A"` and `"a"` differ).
#[derive(Debug, Validate, serde::Deserialize)]
struct CaselessId(#[desk(max_bytes = 5)] String);

impl PartialEq for CaselessId {
    fn eq(&self, other: &Self) -> bool {
        self.0.eq_ignore_ascii_case(&other.0)
    }
}

impl Eq for CaselessId {}

impl std::hash::Hash for CaselessId {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.0.to_ascii_lowercase().hash(state);
    }
}

/// A counter for a default that differs each time serde calls it.
static RECEIVED: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);

fn next_received() -> u32 {
    RECEIVED.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
}

/// An item with a field JSON does not hold (serde skips it, and fills it
/// with a new number each time): two items of one text are one JSON value.
#[derive(Debug, PartialEq, Eq, Hash, Validate, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct CaselessTicket {
    #[desk(nested)]
    id: CaselessId,
    #[desk(max_bytes = 5)]
    name: String,
    #[serde(skip, default = "next_received")]
    received: u32,
}

/// An enum item with a caseless id inside, and a skipped field.
#[derive(Debug, PartialEq, Validate, serde::Deserialize)]
#[serde(deny_unknown_fields, tag = "t")]
enum CaselessEntry {
    Id {
        #[desk(nested)]
        id: CaselessId,
    },
    Ticket {
        #[desk(max_bytes = 5)]
        name: String,
        #[serde(skip, default = "next_received")]
        received: u32,
    },
}

/// A map keyed by a parameter, and a type that passes its own parameter
/// on to it (derive.md's map keys): `JsonEq` of the outer type is proved
/// from its parameter's alone.
#[derive(Debug, PartialEq, Validate, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct KeyedBy<K: Ord, V> {
    #[desk(nested)]
    entries: std::collections::BTreeMap<K, V>,
}

#[derive(Debug, PartialEq, Validate, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct OuterKeyed<K: Ord + desk_schema::KeyParam> {
    #[desk(nested)]
    keyed: KeyedBy<K, u8>,
}

#[derive(Debug, PartialEq, Validate, serde::Deserialize)]
struct CaselessDesk {
    #[desk(nested, unique)]
    #[serde(default)]
    outer: Vec<OuterKeyed<String>>,
    #[desk(nested, unique)]
    #[serde(default)]
    ids: Vec<CaselessId>,
    #[desk(nested, unique)]
    #[serde(default)]
    tickets: Vec<CaselessTicket>,
    #[desk(nested, unique(by = id))]
    #[serde(default)]
    by_id: Vec<CaselessTicket>,
    #[desk(nested, unique)]
    #[serde(default)]
    entries: Vec<CaselessEntry>,
}

/// `unique` compares items and keys as their JSON compares, on every path:
/// not by a type's own `PartialEq` (written by hand to ignore case), nor by
/// a field JSON does not hold (one serde skips, filled with a new value
/// each time); a generic type over another's parameter too.
#[test]
fn unique_compares_json_not_the_types_own_equality() {
    let ticket = |id: &str, name: &str| format!(r#"{{"id":"{id}","name":"{name}"}}"#);
    let distinct = format!(
        r#"{{"ids":["A","a"],"tickets":[{},{}],"by_id":[{},{}],"entries":[{{"t":"Id","id":"Q"}},{{"t":"Id","id":"q"}}],"outer":[{{"keyed":{{"entries":{{"a":1}}}}}},{{"keyed":{{"entries":{{"A":1}}}}}}]}}"#,
        ticket("A", "x"),
        ticket("a", "x"),
        ticket("A", "x"),
        ticket("a", "y"),
    );
    let value = serde_json::from_str::<CaselessDesk>(&distinct).unwrap();
    assert!(value.validate().is_ok(), "validate(): {distinct}");
    assert!(typed::<CaselessDesk>(&distinct).is_empty(), "{distinct}");
    assert!(raw::<CaselessDesk>(&distinct).is_empty(), "{distinct}");
    assert!(schema_ok::<CaselessDesk>(&distinct), "{distinct}");

    let repeated = format!(
        r#"{{"ids":["A","A"],"tickets":[{},{}],"by_id":[{},{}],"entries":[{{"t":"Ticket","name":"n"}},{{"t":"Ticket","name":"n"}}],"outer":[{{"keyed":{{"entries":{{"a":1}}}}}},{{"keyed":{{"entries":{{"a":1}}}}}}]}}"#,
        ticket("A", "x"),
        ticket("A", "x"),
        ticket("b", "x"),
        ticket("b", "y"),
    );
    let expected = [
        ("/by_id/1/id", "duplicate"),
        ("/entries/1", "duplicate"),
        ("/ids/1", "duplicate"),
        ("/outer/1", "duplicate"),
        ("/tickets/1", "duplicate"),
    ];
    let value = serde_json::from_str::<CaselessDesk>(&repeated).unwrap();
    assert_eq!(
        codes(&found(value.validate())),
        expected,
        "validate(): {repeated}"
    );
    rejected_everywhere::<CaselessDesk>(&repeated, &expected);
}

/// A set item with a field serde skips and fills with its type's
/// `Default` (a marker, a cache): every item read has the same, so the set
/// compares as `uniqueItems` does, and the derive takes it (a field filled
/// by a function of the user's, `default = "..."`, is refused:
/// `ui/unequal_items.rs`).
#[derive(Debug, PartialEq, Eq, PartialOrd, Ord, Validate, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Marked {
    #[desk(max_bytes = 3)]
    name: String,
    #[serde(skip)]
    marker: std::marker::PhantomData<u8>,
}

#[derive(Debug, PartialEq, Validate, serde::Deserialize)]
struct MarkedSet {
    #[desk(nested)]
    set: std::collections::BTreeSet<Marked>,
}

#[test]
fn a_set_of_items_with_a_default_filled_field_compares_as_json() {
    let text = r#"{"set":[{"name":"a"},{"name":"b"}]}"#;
    assert!(typed::<MarkedSet>(text).is_empty());
    assert!(raw::<MarkedSet>(text).is_empty());
    assert!(schema_ok::<MarkedSet>(text));
    rejected_everywhere::<MarkedSet>(
        r#"{"set":[{"name":"a"},{"name":"a"}]}"#,
        &[("/set/1", "duplicate")],
    );
}

#[test]
fn unreadable_values_are_refused_where_serde_reads_them_and_at_their_own_path() {
    // serde reads an adjacently tagged enum's tag and content, and drops any
    // other property unread: a number past any double, or a lone
    // surrogate, in one is no reason to refuse the text.
    for text in [
        r#"{"Kind":"Idle","zz":1e400}"#,
        r#"{"Kind":"Idle","zz":"\ud800"}"#,
        r#"{"Kind":"Payload","Data":{"MsgType":"TIMTextElem","MsgContent":{"Text":"hi"}},"zz":[1e400]}"#,
    ] {
        let by_serde = serde_json::from_str::<MsgEvent>(text).expect(text);
        assert_eq!(from_json_str::<MsgEvent>(text).expect(text), by_serde);
    }
    // An internally tagged or untagged enum's content is read whole by serde
    // (before it knows the variant), so serde refuses such a value anywhere
    // in it: refused at the value, not at the enum.
    for (text, expected) in [
        (
            r#"{"Type":"Rename","Name":"\ud800"}"#,
            ("/Name", "unpaired_surrogate"),
        ),
        (
            r#"{"Type":"Rename","Name":"a","zz":1e400}"#,
            ("/zz", "range"),
        ),
        (
            r#"{"Type":"Rename","Name":"a","zz":{"y":[1e400]}}"#,
            ("/zz/y/0", "range"),
        ),
    ] {
        assert!(serde_json::from_str::<Notice>(text).is_err(), "{text}");
        assert_eq!(codes(&typed::<Notice>(text)), vec![expected], "{text}");
    }
    for (text, expected) in [
        (r#"["a",1e400]"#, ("/1", "range")),
        (r#"["a","\ud800"]"#, ("/1", "unpaired_surrogate")),
    ] {
        assert!(serde_json::from_str::<Recipients>(text).is_err(), "{text}");
        assert_eq!(codes(&typed::<Recipients>(text)), vec![expected], "{text}");
    }
}

#[allow(
    clippy::ref_option,
    reason = "a custom check takes its value by reference"
)]
fn given(value: &Option<String>) -> Result<(), Kind> {
    if value.is_none() {
        Err(Kind::custom_in("given", "must be given", "必须给出"))
    } else {
        Ok(())
    }
}

/// A field whose custom rule speaks for an absent value, with messages of
/// its own (`message(...)`).
#[derive(Debug, PartialEq, serde::Deserialize, Validate)]
struct Said {
    #[desk(
        custom(check = given, description = "given"),
        message(en = "say something", zh_cn = "说点什么")
    )]
    note: Option<String>,
}

/// The same field in tagged variants.
#[derive(Debug, PartialEq, serde::Deserialize, Validate)]
#[serde(tag = "t")]
enum SaidInside {
    A {
        #[desk(
            custom(check = given, description = "given"),
            message(en = "say something", zh_cn = "说点什么")
        )]
        note: Option<String>,
    },
}

/// The violations with their messages in both languages.
fn said(report: &desk_schema::Report) -> Vec<(String, String, String, String)> {
    report
        .violations()
        .iter()
        .map(|v| {
            (
                v.path().to_string(),
                v.code().to_string(),
                v.message_in(desk_schema::Locale::En),
                v.message_in(desk_schema::Locale::ZhCn),
            )
        })
        .collect()
}

/// A field's messages replace its custom rule's on every path, whether the
/// field is `null` or absent (helper-104: the walk dropped them when it was
/// absent).
#[test]
fn a_fields_messages_cover_its_custom_rules_when_it_is_absent() {
    fn each<T>(text: &str, path: &str)
    where
        T: Validate + ValidateIn<<T as Validate>::Context> + DeserializeOwned + std::fmt::Debug,
    {
        let typed = serde_json::from_str::<T>(text)
            .unwrap()
            .validate()
            .unwrap_err();
        let want = vec![(
            path.to_owned(),
            "given".to_owned(),
            "say something".to_owned(),
            "说点什么".to_owned(),
        )];
        assert_eq!(said(&typed), want, "validate(): {text}");
        let from_text = from_json_str::<T>(text).unwrap_err();
        assert_eq!(said(&from_text), want, "from_json_str: {text}");
        let value: Value = serde_json::from_str(text).unwrap();
        assert_eq!(
            said(&validate_value::<T>(&value).unwrap_err()),
            want,
            "validate_value: {text}"
        );
    }
    each::<Said>("{}", "/note");
    each::<Said>(r#"{"note":null}"#, "/note");
    each::<SaidInside>(r#"{"t":"A"}"#, "/note");
    each::<SaidInside>(r#"{"t":"A","note":null}"#, "/note");
}

fn in_order(pair: &Pair, scope: &mut desk_schema::Scope<'_, '_>) {
    if pair.low > pair.high {
        scope.push(
            &[desk_schema::Seg::Key("low")],
            Kind::custom_in("order", "above high", "大于 high"),
        );
    }
}

/// A struct rule with no raw form, beside a map.
#[derive(Debug, PartialEq, serde::Deserialize, Validate)]
#[desk(custom(check = in_order, description = "low at most high"))]
struct Pair {
    #[desk(nested)]
    low: u8,
    #[desk(nested)]
    high: u8,
    #[desk(max_items = 2)]
    #[serde(default)]
    notes: std::collections::BTreeMap<String, u8>,
}

/// A key given twice keeps the later value, on the walk as in `serde_json`'s
/// `Value`: the struct rules still run on what the object holds, so the
/// text's report is the `Value`'s with the repeat added (helper-104: the
/// repeat stopped them).
#[test]
fn a_repeated_key_does_not_stop_the_struct_rules() {
    for (text, path) in [
        (r#"{"low":5,"high":1,"notes":{"x":1,"x":2}}"#, "/notes"),
        (r#"{"low":5,"high":1,"low":6}"#, ""),
    ] {
        let expected = [(path, "duplicate_key"), ("/low", "order")];
        let mut want: Vec<(&str, &str)> = expected.to_vec();
        want.sort_unstable();
        let from_text = typed::<Pair>(text);
        let mut got = codes(&from_text);
        got.sort_unstable();
        assert_eq!(got, want, "from_json_str: {text}");
        let from_value = raw::<Pair>(text);
        assert_eq!(
            codes(&from_value),
            [("/low", "order")],
            "validate_value: {text}"
        );
    }
}

/// A generic enum whose struct variant has a field serde skips, of the
/// type's parameter: serde bounds the parameter `Default`, and so does
/// every impl of the derive (they bounded only a struct's own skipped
/// fields, and the enum did not compile: helper-175).
mod skipped_in_variants {
    use desk_schema::Validate;
    use serde::Deserialize;

    #[derive(Debug, PartialEq, Deserialize, Validate)]
    #[serde(tag = "t", content = "c", deny_unknown_fields)]
    pub(crate) enum Adjacent<T> {
        S {
            #[desk(range(max = 9))]
            a: u8,
            #[serde(skip)]
            t: T,
        },
        W(#[desk(range(max = 9))] u8),
    }

    #[derive(Debug, PartialEq, Deserialize, Validate)]
    pub(crate) enum External<T> {
        S {
            #[desk(range(max = 9))]
            a: u8,
            #[serde(skip)]
            t: T,
        },
    }

    #[derive(Debug, PartialEq, Deserialize, Validate)]
    pub(crate) struct Holder {
        #[desk(nested)]
        pub(crate) adjacent: Adjacent<u8>,
        #[desk(nested)]
        pub(crate) external: External<String>,
    }
}

#[test]
fn a_variants_skipped_field_of_a_parameter_takes_its_default() {
    use skipped_in_variants::{Adjacent, External, Holder};
    let text = r#"{"adjacent":{"t":"S","c":{"a":1}},"external":{"S":{"a":2}}}"#;
    let held: Holder = from_json_str(text).unwrap();
    assert_eq!(held.adjacent, Adjacent::S { a: 1, t: 0 });
    assert_eq!(
        held.external,
        External::S {
            a: 2,
            t: String::new()
        }
    );
    assert!(raw::<Holder>(text).is_empty());
    assert!(schema_ok::<Holder>(text));
    rejected_everywhere::<Holder>(
        r#"{"adjacent":{"t":"S","c":{"a":10}},"external":{"S":{"a":20}}}"#,
        &[("/adjacent/c/a", "range"), ("/external/S/a", "range")],
    );
}

// helper-191: a field's own message with `{actual}`, given a number past its
// type that JavaScript cannot hold exactly (an `i32` given 2^53 + 1), showed
// the digits in Rust and nothing in the npm package (which has no `actual`
// there). Such a number, an infinity or NaN, and a `u128` past 64 bits keep
// the default words, which need not show it, on every path; the derive
// already refuses `{actual}` on a 64-bit field for the same reason.
#[test]
fn own_messages_leave_a_number_javascript_cannot_show() {
    use desk_schema_tests::zoo::{Digit, Digits};
    for text in [
        r#"{"digit":9007199254740993}"#,
        r#"{"digit":-9007199254740993}"#,
        r#"{"digit":5,"list":[9007199254740992]}"#,
        r#"{"digit":5,"map":{"a":12345678901234567890}}"#,
        r#"{"digit":5,"wide":18446744073709551616}"#,
    ] {
        let report = from_json_str::<Digits>(text).unwrap_err();
        let value: serde_json::Value = serde_json::from_str(text).unwrap();
        assert_eq!(
            desk_schema::validate_value::<Digits>(&value).unwrap_err(),
            report,
            "{text}"
        );
        assert_eq!(report.len(), 1, "{text}");
        let v = &report.violations()[0];
        assert_eq!(v.code(), "range", "{text}");
        assert!(v.messages().is_none(), "{text}: {v:?}");
        assert!(
            v.message().contains("out of range"),
            "{text}: {}",
            v.message()
        );
    }
    // At 2^53 - 1, the field's own.
    let report = from_json_str::<Digits>(r#"{"digit":9007199254740991}"#).unwrap_err();
    assert_eq!(
        report.to_string(),
        "/digit: one digit, not 9007199254740991"
    );
    // The typed check: a `u128` past 64 bits, the default words too.
    let typed = Digits {
        digit: Digit(5),
        list: vec![],
        map: std::collections::BTreeMap::new(),
        wide: u128::from(u64::MAX) + 2,
    };
    let report = desk_schema::Validate::validate(&typed).unwrap_err();
    assert!(report.violations()[0].messages().is_none(), "{report:?}");
    let typed = Digits { wide: 0, ..typed };
    let report = desk_schema::Validate::validate(&typed).unwrap_err();
    assert_eq!(report.to_string(), "/wide: from 1 to 9");
}
