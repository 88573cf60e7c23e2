//! The format rules: the JSON Schema Test Suite's `format` cases
//! (`corpus/json-schema-test-suite/`), and the one definition they share
//! with the npm package (ajv-formats' "full" regular expressions, verbatim).

use desk_schema::rules::format::{self, Format};
use serde_json::Value;

/// The suite's cases on which ajv-formats' "full" definitions, which
/// desk-schema follows, give the other verdict, with why. The package's
/// test (`npm/desk-schema/test/formats.test.js`) lists the same.
const AJV_FORMATS_DIFFERS: &[(&str, &str, &str)] = &[
    (
        "date-time",
        "1985-04-12T23:20:50+01",
        "an offset without minutes is read",
    ),
    (
        "date-time",
        "2016-12-31T24:59:60+01:00",
        "hour 24 passes the leap-second rule in UTC",
    ),
    (
        "date-time",
        "1985-04-12T00:59:59.999999999999999Z",
        "the seconds are read as a double, 60",
    ),
    (
        "email",
        "\"joe bloggs\"@example.com",
        "no quoted local parts",
    ),
    (
        "email",
        "\"joe..bloggs\"@example.com",
        "no quoted local parts",
    ),
    (
        "email",
        "\"joe@bloggs\"@example.com",
        "no quoted local parts",
    ),
    ("email", "joe.bloggs@[127.0.0.1]", "no address literals"),
    ("email", "joe.bloggs@[IPv6:::1]", "no address literals"),
    (
        "uri",
        "http://example.com:abc/path",
        "the port is not read as a number",
    ),
    (
        "uri",
        "http://[::ffff:01.2.3.4]",
        "a leading zero in an embedded IPv4",
    ),
    ("uri", "http:/[::1]", "brackets in a path segment"),
    (
        "uuid",
        "urn:uuid:2eb8aa08-aa98-11ea-b4aa-73b441d16380",
        "the URN prefix is accepted",
    ),
];

fn suite(format: &str) -> Vec<(String, bool, String)> {
    let path = format!(
        "{}/../corpus/json-schema-test-suite/{format}.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let groups: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    groups
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|g| g["tests"].as_array().unwrap().iter())
        .filter_map(|t| {
            let data = t["data"].as_str()?;
            Some((
                data.to_owned(),
                t["valid"].as_bool().unwrap(),
                t["description"].as_str().unwrap().to_owned(),
            ))
        })
        .collect()
}

#[test]
fn every_suite_case_gets_the_suite_verdict_but_where_ajv_formats_differs() {
    let mut cases = 0;
    for f in Format::ALL {
        for (data, valid, description) in suite(f.name()) {
            let differs = AJV_FORMATS_DIFFERS
                .iter()
                .any(|(name, d, _)| *name == f.name() && *d == data);
            assert_eq!(
                f.matches(&data),
                valid != differs,
                "{} {data:?}: {description}",
                f.name()
            );
            cases += 1;
        }
    }
    // Every listed difference is a case of the suite.
    for (name, data, _) in AJV_FORMATS_DIFFERS {
        assert!(
            suite(name).iter().any(|(d, _, _)| d == data),
            "{name} {data:?}"
        );
    }
    assert!(cases > 250, "{cases} cases");
}

#[test]
fn the_regular_expressions_are_the_packages_to_the_letter() {
    let runtime = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../npm/desk-schema/src/runtime.js"
    ))
    .unwrap();
    for (name, source) in format::sources() {
        let constant = name.to_uppercase();
        let line = runtime
            .lines()
            .find(|l| l.starts_with(&format!("const {constant} = /")))
            .unwrap_or_else(|| panic!("runtime.js has no {constant}"));
        let literal = line
            .strip_prefix(&format!("const {constant} = /"))
            .unwrap()
            .trim_end_matches(';');
        let (body, _flags) = literal.rsplit_once('/').unwrap();
        assert_eq!(body, source, "{name}");
    }
}

#[test]
fn the_leap_second_and_the_days_of_february() {
    assert!(Format::DateTime.matches("1998-12-31T23:59:60Z"));
    assert!(Format::DateTime.matches("1998-12-31T15:59:60.123-08:00"));
    assert!(!Format::DateTime.matches("1998-12-31T22:59:60Z"));
    assert!(Format::DateTime.matches("2024-02-29 10:00:00+0800"));
    assert!(Format::DateTime.matches("2024-02-29\u{3000}10:00:00z"));
    assert!(!Format::DateTime.matches("2024-02-29T10:00:00"));
    assert!(Format::Date.matches("2000-02-29"));
    assert!(!Format::Date.matches("1900-02-29"));
    assert!(!Format::Date.matches("２０２４-01-01"));
    // ASCII case-insensitivity only, as JavaScript without the `u` flag:
    // the Kelvin sign is not a `k`.
    assert!(Format::Email.matches("Joe@Example.COM"));
    assert!(!Format::Email.matches("joe@\u{212A}.example"));
}

#[test]
fn strings_around_each_format_get_ajv_formats_verdict() {
    // Written by the package's test from ajv-formats itself.
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../corpus/formats.json"
    ))
    .unwrap();
    let cases: Vec<Value> = serde_json::from_str(&text).unwrap();
    for case in &cases {
        let f = Format::from_name(case["format"].as_str().unwrap()).unwrap();
        let s = case["text"].as_str().unwrap();
        assert_eq!(
            f.matches(s),
            case["valid"].as_bool().unwrap(),
            "{} {s:?}",
            f.name()
        );
    }
    assert!(cases.len() > 2000);
}
