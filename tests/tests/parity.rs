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
