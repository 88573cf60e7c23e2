//! `Report::sort`: the one order of violations on every path, which the npm
//! package's `sortViolations` gives too (`npm/desk-schema/test/parity.test.js`
//! sorts the same list and expects the same order). A map's keys may look
//! like indexes (`"10"`) beside names (`"10a"`): an index comes first, so
//! that the order is total (a sort by an order that is not panics).

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
    ("/m/10a", "max_bytes"),
    ("/m/10", "max_bytes"),
    ("/m/09", "max_bytes"),
    ("/m/9", "max_bytes"),
    // A path given without its leading `/` (`Violation::new` takes any
    // text) starts at once.
    ("x1", "max_bytes"),
    ("a2", "max_bytes"),
];

const SORTED: &[&str] = &[
    "",
    "/a~1b",
    "a2",
    "/a~0b",
    "/b",
    "/b/2",
    "/b/10",
    "/b/1000000000000000000000000000000000000000",
    "/m/9",
    "/m/10",
    "/m/09",
    "/m/10a",
    "x1",
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
            "charset U+0009 (at the 1st byte) is not printable ASCII; only 0x20 to 0x7E (English letters, digits, punctuation and space) is allowed",
            "required missing required property \"z\"",
            "unknown_field unknown property \"a\"",
            "unknown_field unknown property \"b\"",
            "zz_custom x",
        ]
    );
}

/// A map whose keys are digits and names: a total order, the same from the
/// text as from the report sorted again (before, the mix of numeric and
/// text comparison was no order at all, and the sort panicked).
#[test]
fn a_map_with_numeric_and_other_keys_sorts_without_a_panic() {
    use std::collections::BTreeMap;
    #[derive(Debug, serde::Deserialize, desk_schema::Validate)]
    struct Labels {
        #[desk(values(max_bytes = 1))]
        m: BTreeMap<String, String>,
    }
    let mut keys = Vec::new();
    for i in 0..40 {
        keys.push(format!("{}", i * 7919 % 1000));
        keys.push(format!("{}a", i * 31 % 1000));
    }
    let body: Vec<String> = keys.iter().map(|k| format!("\"{k}\":\"xx\"")).collect();
    let text = format!("{{\"m\":{{{}}}}}", body.join(","));
    let report = desk_schema::from_json_str::<Labels>(&text).unwrap_err();
    let paths: Vec<&str> = report.iter().map(Violation::path).collect();
    let index = |p: &str| {
        p[3..]
            .parse::<u64>()
            .ok()
            .filter(|_| !p[3..].starts_with('0') || p.len() == 4)
    };
    // Indexes first, by number; then names, by code point.
    let (numbers, names) = paths.split_at(paths.iter().position(|p| index(p).is_none()).unwrap());
    assert!(
        numbers.windows(2).all(|w| index(w[0]) < index(w[1])),
        "{numbers:?}"
    );
    assert!(names.iter().all(|p| index(p).is_none()));
    assert!(names.windows(2).all(|w| w[0] < w[1]), "{names:?}");
    assert_eq!(paths.len(), 80);
}

/// Two violations at one path, with one code and one English message,
/// sort by their figures, then by their Chinese message: one order,
/// whatever order they were found in.
#[test]
fn violations_alike_in_english_sort_by_figures_then_chinese() {
    let two = |a: Violation, b: Violation| {
        let mut report = Report::new();
        report.push_violation(a);
        report.push_violation(b);
        report.sort();
        serde_json::to_string(&report).unwrap()
            + &report.localized(desk_schema::Locale::ZhCn).to_string()
    };
    let custom = |zh: &'static str| Violation::new("/x", Kind::custom_in("c", "same", zh));
    assert_eq!(
        two(custom("甲"), custom("乙")),
        two(custom("乙"), custom("甲"))
    );
}

/// A map key's limit and its value's, at one path, under a field's own
/// message (which hides the figures), found in a `HashMap`'s order, which
/// changes from one parse to the next: one report on every path.
#[test]
fn a_key_and_its_value_at_one_path_come_in_one_order() {
    use desk_schema::Validate;
    use std::collections::HashMap;
    #[derive(Debug, serde::Deserialize, desk_schema::Validate)]
    struct Labels {
        #[desk(keys(max_bytes = 2), values(max_bytes = 2), message(en = "too long"))]
        m: HashMap<String, String>,
    }
    let body: Vec<String> = (0..30)
        .map(|i| format!("\"k{i:02}\":\"{}\"", "v".repeat(4 + i % 3)))
        .collect();
    let text = format!("{{\"m\":{{{}}}}}", body.join(","));
    let json = |r: Report| serde_json::to_string(&r).unwrap();
    let want = json(desk_schema::from_json_str::<Labels>(&text).unwrap_err());
    // At `/m/k00`, the key (3 bytes) before the value (4 bytes): the
    // figures by name, numbers by value, as the npm package's
    // `sortViolations` breaks the tie too.
    assert!(
        want.starts_with(
            r#"[{"path":"/m/k00","code":"max_bytes","message":"too long","limit":2,"bytes":3,"chars":3,"messages":{"en":"too long","zh-CN":"最多 2 字节（UTF-8 编码），当前 3 字节（3 个字符）"}},{"path":"/m/k00","code":"max_bytes","message":"too long","limit":2,"bytes":4,"chars":4,"messages":{"en":"too long","zh-CN":"最多 2 字节（UTF-8 编码），当前 4 字节（4 个字符）"}}"#
        ),
        "{want}"
    );
    let value: serde_json::Value = serde_json::from_str(&text).unwrap();
    for _ in 0..10 {
        // Each parse seeds its map anew: another order of the entries.
        let typed: Labels = serde_json::from_str(&text).unwrap();
        assert_eq!(json(typed.validate().unwrap_err()), want);
        assert_eq!(
            json(desk_schema::from_json_str::<Labels>(&text).unwrap_err()),
            want
        );
        assert_eq!(
            json(desk_schema::validate_value::<Labels>(&value).unwrap_err()),
            want
        );
    }
}

/// Figures that are numbers break a tie by value, as the npm package's
/// `sortViolations` does (`serde_json` writes `1e16` and `-0.0` otherwise
/// than JavaScript, so their texts would not do).
#[test]
fn figures_that_are_numbers_break_a_tie_by_value() {
    use desk_schema::{Actual, Messages};
    static TOO_BIG: Messages = Messages {
        en: Some("too big"),
        zh_cn: Some("太大"),
    };
    let range = |actual: f64| Kind::Range {
        min: None,
        max: Some(1),
        actual: Some(Actual::Float(actual)),
    };
    for (low, high) in [(1e16, 1.5e16), (0.000_001, 0.000_001_5), (-1.0, -0.0)] {
        let mut report = Report::new();
        report.push_violation(Violation::new("/n", range(high)));
        report.push_violation(Violation::new("/n", range(low)));
        report.set_messages(0, &TOO_BIG);
        report.sort();
        let actuals: Vec<&Kind> = report.iter().map(Violation::kind).collect();
        assert_eq!(actuals, [&range(low), &range(high)], "{low} {high}");
    }
}

/// Kinds whose numbers are at their type's end read, sort and serialize
/// without a panic (a position is counted from 1); violations that read
/// alike in both languages yet differ, and paths given without their first
/// `/`, still come in one order whatever order they were found in.
#[test]
fn any_report_sorts_to_one_order_without_a_panic() {
    let kinds = [
        Kind::Duplicate {
            key: None,
            first: usize::MAX,
        },
        Kind::Duplicate {
            key: Some("K"),
            first: usize::MAX,
        },
        Kind::Charset {
            offset: usize::MAX,
            code_point: 'x',
        },
        Kind::Ascii {
            offset: usize::MAX,
            code_point: 'é',
        },
        Kind::custom_in("x", "m", "m"),
        Kind::custom("x", "m"),
    ];
    let mut found: Vec<Violation> = Vec::new();
    for path in ["", "/a", "xb", "ab"] {
        for kind in &kinds {
            found.push(Violation::new(path, kind.clone()));
        }
    }
    let sorted = |list: Vec<Violation>| {
        let mut report = Report::new();
        for v in list {
            report.push_violation(v);
        }
        report.sort();
        let _ = (report.to_string(), serde_json::to_string(&report).unwrap());
        let _ = report.localized(desk_schema::Locale::ZhCn).to_string();
        report
    };
    let reversed: Vec<Violation> = found.iter().rev().cloned().collect();
    let (one, other) = (sorted(found), sorted(reversed));
    assert_eq!(one, other);
    // "ab" before "xb": the whole path is read when it has no `/`.
    let paths: Vec<&str> = one.iter().map(Violation::path).collect();
    let (ab, xb) = (
        paths.iter().position(|p| *p == "ab").unwrap(),
        paths.iter().position(|p| *p == "xb").unwrap(),
    );
    assert!(ab < xb, "{paths:?}");
}

/// A count of 1 is singular, whatever the limit (a limit of 0 is met by 1);
/// the npm package's messages say the same (its `api.test.js`).
#[test]
fn a_count_of_one_is_singular() {
    let cases = [
        (
            Kind::MaxItems { limit: 0, items: 1 },
            "1 item; at most 0 items",
        ),
        (
            Kind::MaxChars { limit: 0, chars: 1 },
            "1 character; at most 0 characters",
        ),
        (
            Kind::MaxGraphemes {
                limit: 0,
                graphemes: 1,
            },
            "1 grapheme cluster (characters as a reader sees them); at most 0",
        ),
        (
            Kind::MaxUtf16 { limit: 0, units: 1 },
            "1 UTF-16 code unit (JavaScript's length); at most 0",
        ),
    ];
    for (kind, message) in cases {
        assert_eq!(kind.to_string(), message);
    }
}

/// Fields declared out of the order of their names, and a struct variant's.
#[derive(desk_schema::Validate, serde::Deserialize)]
struct Declared {
    #[desk(max_bytes = 1)]
    zeta: String,
    #[desk(max_bytes = 1)]
    #[serde(rename = "Alpha")]
    alpha: String,
    #[desk(nested)]
    mid: Vec<Shape>,
    #[desk(max_bytes = 1)]
    beta: String,
}

#[derive(desk_schema::Validate, serde::Deserialize, Clone)]
enum Shape {
    Box {
        #[desk(max_bytes = 1)]
        wide: String,
        #[desk(max_bytes = 1)]
        deep: String,
    },
}

/// The typed check runs an object's fields in the order of their names,
/// the report's: what it finds comes in order before any sort (so that
/// sorting a long report costs one pass), and `validate()` gives the same.
#[test]
fn the_typed_check_reports_an_objects_fields_in_the_reports_order() {
    use desk_schema::{Path, Validate, ValidateIn};
    let long = || "xx".to_owned();
    let value = Declared {
        zeta: long(),
        alpha: long(),
        mid: vec![
            Shape::Box {
                wide: long(),
                deep: long()
            };
            2
        ],
        beta: long(),
    };
    let mut found = Report::new();
    value.validate_in(&(), &Path::Root, &mut found);
    let paths: Vec<&str> = found.iter().map(Violation::path).collect();
    assert_eq!(
        paths,
        [
            "/Alpha",
            "/beta",
            "/mid/0/Box/deep",
            "/mid/0/Box/wide",
            "/mid/1/Box/deep",
            "/mid/1/Box/wide",
            "/zeta"
        ]
    );
    let sorted = value.validate().unwrap_err();
    assert!(sorted.iter().map(Violation::path).eq(paths));
}
