//! The shared corpus through the Rust checks and through the `jsonschema`
//! crate on the committed schema: the same verdict and the same paths on every
//! case the schema can express.

use desk_schema::create_group::CreateGroupRequest;
use desk_schema_tests::parity::{corpus, request_validator, rust_paths, schema_paths};

#[test]
fn corpus_covers_what_it_should() {
    let cases = corpus();
    assert!(cases.len() >= 150, "{} cases", cases.len());
    assert!(cases.iter().any(|c| !c.expressible));
    assert!(
        cases.iter().any(|c| c.paths.len() >= 4),
        "a case with several violations"
    );
    for case in &cases {
        assert_eq!(case.valid, case.paths.is_empty(), "{}", case.name);
    }
}

#[test]
fn rust_checks_match_the_corpus() {
    for case in corpus() {
        assert_eq!(
            rust_paths(&case.request),
            case.paths,
            "raw JSON: {}",
            case.name
        );
        // The same text through the typed parse first.
        let text = serde_json::to_string(&case.request).unwrap();
        let typed: std::collections::BTreeSet<String> =
            desk_schema::from_json_str::<CreateGroupRequest>(&text)
                .err()
                .map(|r| r.iter().map(|v| v.path().to_owned()).collect())
                .unwrap_or_default();
        assert_eq!(typed, case.paths, "from_json_str: {}", case.name);
    }
}

#[test]
fn schema_matches_the_corpus_on_every_expressible_case() {
    let validator = request_validator();
    for case in corpus() {
        let got = schema_paths(&validator, &case.request);
        if case.expressible {
            assert_eq!(got, case.paths, "schema: {}", case.name);
        } else {
            // Honest marking: the schema misses what the Rust check sees.
            assert!(
                got != case.paths && got.is_subset(&case.paths),
                "{} is marked not expressible, but the schema reports {got:?}",
                case.name
            );
        }
    }
}

/// The response's rule (`inconsistent_response`: `ActionStatus`, `ErrorCode`
/// and `GroupId` agree) gives one answer on every path: the typed check, the
/// walk of `from_json_str` and `validate_value`, and the committed schema
/// under the `jsonschema` crate, which reports it as its `not`, at the root.
#[test]
fn the_response_rule_is_one_answer_on_every_path() {
    use desk_schema::create_group::CreateGroupResponse;
    use desk_schema::{Validate, from_json_str, validate_value};
    use desk_schema_tests::parity::{root, validator_for};

    let text = std::fs::read_to_string(
        root().join("desk-schema/schemas/create_group.response.schema.json"),
    )
    .unwrap();
    let validator = validator_for(&serde_json::from_str(&text).unwrap());
    // Each body, and the message of its contradiction (None: the fields agree,
    // or one of them is not a value of its type, which its own violation says).
    let no_id = Some("ActionStatus OK and ErrorCode 0, but GroupId is missing or empty");
    let ok_error = Some("ActionStatus OK with a non-zero ErrorCode");
    let fail_ok = Some("ActionStatus FAIL with ErrorCode 0");
    let cases = [
        (r#"{"ActionStatus":"OK","ErrorCode":0,"GroupId":"g"}"#, None),
        (r#"{"ActionStatus":"OK","ErrorCode":0}"#, no_id),
        (r#"{"ActionStatus":"OK","ErrorCode":0,"GroupId":""}"#, no_id),
        (
            r#"{"ActionStatus":"OK","ErrorCode":0,"GroupId":null}"#,
            no_id,
        ),
        (r#"{"ActionStatus":"OK","ErrorCode":0,"GroupId":7}"#, no_id),
        (
            r#"{"ActionStatus":"OK","ErrorCode":0,"GroupId":"g","ErrorInfo":1}"#,
            None,
        ),
        (
            r#"{"ActionStatus":"OK","ErrorCode":10025,"GroupId":"g"}"#,
            ok_error,
        ),
        (r#"{"ActionStatus":"OK","ErrorCode":-1}"#, ok_error),
        (
            r#"{"ActionStatus":"OK","ErrorCode":9223372036854775807}"#,
            ok_error,
        ),
        (r#"{"ActionStatus":"FAIL","ErrorCode":0}"#, fail_ok),
        (
            r#"{"ActionStatus":"FAIL","ErrorCode":0,"GroupId":"g"}"#,
            fail_ok,
        ),
        (r#"{"ActionStatus":"FAIL","ErrorCode":10025}"#, None),
        (
            r#"{"ActionStatus":"FAIL","ErrorCode":10025,"GroupId":[]}"#,
            None,
        ),
        (r#"{"ActionStatus":"MAYBE","ErrorCode":0}"#, None),
        (r#"{"ActionStatus":"OK","ErrorCode":"0"}"#, None),
        (r#"{"ActionStatus":"OK","ErrorCode":1.5}"#, None),
        (
            r#"{"ActionStatus":"OK","ErrorCode":9223372036854775808}"#,
            None,
        ),
        (r#"{"ActionStatus":"FAIL","ErrorCode":null}"#, None),
        (r#"{"ErrorCode":0}"#, None),
        (r#"{"ActionStatus":"OK"}"#, None),
        ("[]", None),
        (r#""OK""#, None),
    ];
    for (body, contradiction) in cases {
        let value: serde_json::Value = serde_json::from_str(body).unwrap();
        let walked = validate_value::<CreateGroupResponse>(&value).err();
        let read = from_json_str::<CreateGroupResponse>(body).err();
        let found = |report: &Option<desk_schema::Report>| -> Vec<(String, String, String)> {
            report
                .iter()
                .flat_map(|r| r.iter())
                .map(|v| {
                    (
                        v.path().to_owned(),
                        v.code().to_owned(),
                        v.message().clone(),
                    )
                })
                .collect()
        };
        assert_eq!(found(&walked), found(&read), "{body}");
        let ours: Vec<_> = found(&walked)
            .into_iter()
            .filter(|(_, code, _)| code == "inconsistent_response")
            .map(|(path, _, message)| (path, message))
            .collect();
        let expected: Vec<_> = contradiction
            .map(|m| (String::new(), m.to_owned()))
            .into_iter()
            .collect();
        assert_eq!(ours, expected, "{body}");
        // The typed value, where serde reads one, says the same.
        if let Ok(response) = serde_json::from_str::<CreateGroupResponse>(body) {
            assert_eq!(found(&response.validate().err()), found(&read), "{body}");
        }
        // The schema: the same verdict, and its `not` at the root exactly
        // when the rule is broken (on these bodies, whose integers are
        // written as integers: the crate reads `0.0` as 0, where Rust
        // refuses it as a `type` error, derive.md "Integer spellings").
        let errors: Vec<_> = validator.iter_errors(&value).collect();
        assert_eq!(errors.is_empty(), walked.is_none(), "{body}: {errors:?}");
        let nots = errors
            .iter()
            .filter(|e| e.instance_path().as_str().is_empty() && e.schema_path().as_str() == "/not")
            .count();
        assert_eq!(
            nots,
            usize::from(contradiction.is_some()),
            "{body}: {errors:?}"
        );
    }
}

/// Types of the user's named `ErrorCode` and `ActionStatus`, beside a nested
/// response: schemars renames the crate's, and the response's rule must
/// follow the rename.
mod clash {
    #[derive(desk_schema::Validate, serde::Deserialize)]
    pub(super) struct ErrorCode {
        #[desk(max_bytes = 8)]
        pub(super) x: String,
    }
    #[derive(desk_schema::Validate, serde::Deserialize)]
    pub(super) enum ActionStatus {
        Yes,
    }
}

#[derive(desk_schema::Validate, serde::Deserialize)]
struct Envelope {
    #[desk(nested)]
    first: clash::ErrorCode,
    #[desk(nested)]
    status: clash::ActionStatus,
    #[desk(nested)]
    response: desk_schema::create_group::CreateGroupResponse,
}

/// The response's rule nested in another type, on the schema as schemars
/// writes it (draft 2020-12 and draft-07): the same verdict and path as Rust.
#[test]
fn the_response_rule_follows_the_generator_when_nested() {
    use desk_schema::schemars::generate::SchemaSettings;
    use desk_schema_tests::parity::validator_for;

    let body = serde_json::json!({
        "first": {"x": "a"},
        "status": "Yes",
        "response": {"ActionStatus": "OK", "ErrorCode": 5}
    });
    let report = desk_schema::validate_value::<Envelope>(&body).unwrap_err();
    let ours: Vec<_> = report
        .iter()
        .map(|v| (v.path().to_owned(), v.code().to_owned()))
        .collect();
    assert_eq!(
        ours,
        [("/response".to_owned(), "inconsistent_response".to_owned())]
    );
    for settings in [SchemaSettings::draft2020_12(), SchemaSettings::draft07()] {
        let schema = settings
            .into_generator()
            .into_root_schema_for::<Envelope>()
            .to_value();
        let validator = validator_for(&schema);
        let paths: Vec<String> = validator
            .iter_errors(&body)
            .map(|e| e.instance_path().as_str().to_owned())
            .collect();
        assert_eq!(paths, ["/response"], "{schema}");
        let fine = serde_json::json!({
            "first": {"x": "a"},
            "status": "Yes",
            "response": {"ActionStatus": "FAIL", "ErrorCode": 5}
        });
        assert!(validator.is_valid(&fine));
    }
}
