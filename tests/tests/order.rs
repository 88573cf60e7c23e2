//! `Report::sort`: the one order of violations on every path, which the npm
//! package's `sortViolations` gives too (`npm/desk-schema/test/parity.test.js`
//! sorts the same list and expects the same order).

use desk_schema::{Kind, Report, Violation};

/// The list both tests sort, shuffled; and the order both expect.
const SHUFFLED: &[(&str, &str)] = &[
    ("/b/10", "max_bytes"),
    ("/a~1b", "max_bytes"),
    ("/b/2", "max_bytes"),
    ("/名", "max_bytes"),
    ("", "max_bytes"),
    ("/b/1000000000000000000000000000000000000000", "max_bytes"),
    ("/b", "max_bytes"),
    ("/a~0b", "max_bytes"),
    ("/z", "max_bytes"),
    ("/😀", "max_bytes"),
];

const SORTED: &[&str] = &[
    "",
    "/a~1b",
    "/a~0b",
    "/b",
    "/b/2",
    "/b/10",
    "/b/1000000000000000000000000000000000000000",
    "/z",
    "/名",
    "/😀",
];

#[test]
fn violations_sort_by_path_segment_by_segment() {
    let mut report = Report::new();
    for (path, _) in SHUFFLED {
        report.push_violation(Violation::new(
            *path,
            Kind::MaxBytes {
                limit: 1,
                bytes: 2,
                chars: 2,
            },
        ));
    }
    report.sort();
    let paths: Vec<&str> = report.iter().map(Violation::path).collect();
    assert_eq!(paths, SORTED);
}

#[test]
fn at_one_path_violations_sort_by_code_then_property_then_message() {
    let mut report = Report::new();
    report.push_violation(Violation::new(
        "",
        Kind::UnknownField {
            property: "b".into(),
            suggestion: None,
        },
    ));
    report.push_violation(Violation::new("", Kind::Required { property: "z" }));
    report.push_violation(Violation::new(
        "",
        Kind::UnknownField {
            property: "a".into(),
            suggestion: None,
        },
    ));
    report.push_violation(Violation::new("", Kind::custom("zz_custom", "x")));
    report.push_violation(Violation::new(
        "",
        Kind::Charset {
            offset: 0,
            code_point: '\t',
        },
    ));
    report.push_violation(Violation::new(
        "",
        Kind::MaxBytes {
            limit: 4,
            bytes: 5,
            chars: 5,
        },
    ));
    report.push_violation(Violation::new(
        "",
        Kind::MaxBytes {
            limit: 3,
            bytes: 18,
            chars: 5,
        },
    ));
    report.sort();
    let got: Vec<String> = report
        .iter()
        .map(|v| format!("{} {}", v.code(), v.message()))
        .collect();
    assert_eq!(
        got,
        [
            "max_bytes 18 bytes in UTF-8 (5 characters); at most 3 bytes",
            "max_bytes 5 bytes in UTF-8 (5 characters); at most 4 bytes",
            "charset U+0009 (at the 1st byte) is not printable ASCII; only 0x20..=0x7E (space to '~') is allowed",
            "required missing required property \"z\"",
            "unknown_field unknown property \"a\"",
            "unknown_field unknown property \"b\"",
            "zz_custom x",
        ]
    );
}
