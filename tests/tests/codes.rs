//! One name per rule across every layer: the derive's rules table
//! (`desk-schema-derive/src/model.rs`), the runtime's modules
//! (`desk_schema::rules::<name>`), the violation codes (`Kind::CODES`), the
//! rules table of `docs/derive.md` and the npm package's message catalog
//! must list the same rules and the same codes. The derive and the package
//! are read as text: neither can be linked into a Rust test.

use std::collections::BTreeSet;
use std::path::Path;

use desk_schema::Kind;

fn read(relative: &str) -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    std::fs::read_to_string(root.join(relative)).unwrap_or_else(|e| panic!("{relative}: {e}"))
}

/// The part of `text` after `start` and before the next `end`.
fn between<'t>(text: &'t str, start: &str, end: &str) -> &'t str {
    let after = text
        .split_once(start)
        .unwrap_or_else(|| panic!("no {start:?}"))
        .1;
    after.split(end).next().unwrap_or(after)
}

/// The first backquoted word of `cell` (`` `max_bytes = N` `` gives `max_bytes`).
fn first_word(cell: &str) -> Option<&str> {
    let rest = cell.trim().strip_prefix('`')?;
    let end = rest.find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))?;
    Some(&rest[..end])
}

/// The rows of the rules table in `docs/derive.md`: (rule, code cell), one
/// per rule a row names (a row may name several: `keys(...)`, `values(...)`).
fn docs_rows() -> Vec<(String, String)> {
    let docs = read("desk-schema/docs/derive.md");
    let table = docs
        .split("| rule | checks | code | JSON Schema |")
        .nth(1)
        .expect("the rules table");
    let mut rows = Vec::new();
    for row in table.lines().skip(2).take_while(|l| l.starts_with('|')) {
        let cells: Vec<&str> = row.split(" | ").collect();
        let code = cells[2].trim().to_owned();
        let mut rules: Vec<String> = cells[0]
            .split('`')
            .skip(1)
            .step_by(2)
            .filter_map(|quoted| first_word(&format!("`{quoted}`")).map(str::to_owned))
            .collect();
        rules.dedup();
        rows.extend(rules.into_iter().map(|rule| (rule, code.clone())));
    }
    rows
}

/// The rule names of `model::RULES`, in the derive.
fn derive_rules() -> BTreeSet<String> {
    let model = read("desk-schema-derive/src/model.rs");
    let table = between(&model, "const RULES: &[Spec] = &[", "];");
    table
        .lines()
        .filter_map(|l| {
            let l = l.trim();
            let name = l.split('"').nth(1)?;
            (l.starts_with("text(") || l.starts_with("field(")).then(|| name.to_owned())
        })
        .collect()
}

/// The codes of the npm package's message catalog (`MESSAGES` in `src/violations.js`).
fn npm_codes() -> BTreeSet<String> {
    let index = read("npm/desk-schema/src/violations.js");
    let catalog = between(&index, "const MESSAGES = {", "\n};");
    catalog
        .lines()
        .filter_map(|l| {
            let key = l.strip_prefix("  ")?.split(':').next()?;
            key.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
                .then(|| key.to_owned())
        })
        .filter(|k| !k.is_empty())
        .collect()
}

#[test]
fn the_derive_table_and_the_docs_table_list_the_same_rules() {
    let docs: BTreeSet<String> = docs_rows().into_iter().map(|(rule, _)| rule).collect();
    assert_eq!(derive_rules(), docs);
}

#[test]
fn every_rule_with_a_code_has_a_runtime_module_of_its_name() {
    for (rule, code) in docs_rows() {
        let Some(code) = first_word(&code) else {
            continue;
        };
        assert!(
            Kind::CODES.contains(&code),
            "{rule}: code {code} is not in Kind::CODES"
        );
        // The format rules share one module, named as their code.
        let module = if code == "format" {
            "desk-schema/src/rules/format.rs".to_owned()
        } else {
            format!("desk-schema/src/rules/{rule}.rs")
        };
        let source = read(&module);
        for entry in ["pub fn check", "pub fn schema"] {
            assert!(source.contains(entry), "{module} has no `{entry}`");
        }
    }
}

#[test]
fn kind_codes_are_the_docs_codes_and_the_npm_catalog() {
    let codes: BTreeSet<String> = Kind::CODES.iter().map(|c| (*c).to_owned()).collect();
    assert_eq!(codes.len(), Kind::CODES.len(), "a code is listed twice");

    let docs = read("desk-schema/docs/derive.md");
    let mut documented: BTreeSet<String> = docs_rows()
        .iter()
        .filter_map(|(_, code)| first_word(code).map(str::to_owned))
        .collect();
    let shape = between(&docs, "The codes of a document's shape", "\n\n");
    for word in shape.split('`').skip(1).step_by(2) {
        if word.chars().all(|c| c.is_ascii_lowercase() || c == '_') {
            documented.insert(word.to_owned());
        }
    }
    assert_eq!(codes, documented, "Kind::CODES against docs/derive.md");

    assert_eq!(
        codes,
        npm_codes(),
        "Kind::CODES against the npm package's MESSAGES"
    );
}

/// The code of each row of `model::RULES` in the derive (its second text),
/// which a rule's own `message(rule, ...)` is chosen by, is the code the
/// docs' table gives the rule; a row without one (`items`, `custom`, ...)
/// has none there either.
#[test]
fn the_derive_tables_codes_are_the_docs_codes() {
    let model = read("desk-schema-derive/src/model.rs");
    let table = between(&model, "const RULES: &[Spec] = &[", "];");
    let docs = docs_rows();
    let mut rows = 0;
    for line in table.lines() {
        let Some(rule) = line.split('"').nth(1) else {
            continue;
        };
        // The code is the first text after the row's `Form`, whose example
        // (`Form::Value("\"@TGS#\"")`) has texts of its own.
        let code = line
            .split_once("Form::")
            .and_then(|(_, form)| past_form(form))
            .and_then(|rest| rest.split('"').nth(1))
            .unwrap_or_else(|| panic!("{rule}: no code after its form in {line:?}"));
        let Some((_, cell)) = docs.iter().find(|(r, _)| r == rule) else {
            panic!("{rule} is not in the docs' table");
        };
        let documented = first_word(cell);
        if code.is_empty() {
            assert_eq!(documented, None, "{rule}: the derive gives no code");
        } else {
            assert_eq!(documented, Some(code), "{rule}");
        }
        rows += 1;
    }
    assert_eq!(rows, derive_rules().len());
}

/// The npm package sorts the violations at one path by `KIND_CODES`, as
/// `Report::sort` does by `Kind::CODES`: the same codes in the same order.
#[test]
fn the_npm_package_orders_codes_as_kind_codes() {
    let source = read("npm/desk-schema/src/violations.js");
    let list = between(&source, "const KIND_CODES = [", "];");
    let order: Vec<&str> = list
        .split(',')
        .map(|c| c.trim().trim_matches('"'))
        .filter(|c| !c.is_empty())
        .collect();
    assert_eq!(order, Kind::CODES);
}

/// `form` (a row's text from its `Form` variant on) past that variant: past
/// `Flag`, or past `Value(...)` and the example in it, whose text may hold
/// escaped quotes and parentheses.
fn past_form(form: &str) -> Option<&str> {
    let open = form.find(['(', ','])?;
    if form[open..].starts_with(',') {
        return Some(&form[open..]);
    }
    let (mut in_text, mut escaped) = (false, false);
    for (i, c) in form[open + 1..].char_indices() {
        match c {
            _ if escaped => escaped = false,
            '\\' if in_text => escaped = true,
            '"' => in_text = !in_text,
            ')' if !in_text => return Some(&form[open + 1 + i + 1..]),
            _ => {}
        }
    }
    None
}

/// The figures of each row of `model::RULES` in the derive (the
/// placeholders a field's own message may use), for the rules that have
/// any.
fn derive_figures() -> Vec<(String, BTreeSet<String>)> {
    let model = read("desk-schema-derive/src/model.rs");
    let table = between(&model, "const RULES: &[Spec] = &[", "];");
    table
        .lines()
        .filter_map(|l| {
            let rule = l.split('"').nth(1)?;
            let figures = between(l, "&[", "]");
            let figures: BTreeSet<String> = figures
                .split('"')
                .skip(1)
                .step_by(2)
                .map(str::to_owned)
                .collect();
            (!figures.is_empty()).then(|| (rule.to_owned(), figures))
        })
        .collect()
}

/// One field per rule, each broken by `BROKEN`: the figures the report
/// writes for each rule's violation.
#[derive(desk_schema::Validate, serde::Deserialize)]
#[allow(dead_code)]
struct EveryRule {
    #[desk(max_bytes = 1)]
    max_bytes: String,
    #[desk(min_bytes = 9)]
    min_bytes: String,
    #[desk(max_chars = 1)]
    max_chars: String,
    #[desk(min_chars = 9)]
    min_chars: String,
    #[desk(max_graphemes = 1)]
    max_graphemes: String,
    #[desk(min_graphemes = 9)]
    min_graphemes: String,
    #[desk(max_utf16 = 1)]
    max_utf16: String,
    #[desk(min_utf16 = 9)]
    min_utf16: String,
    #[desk(one_of("a"))]
    one_of: String,
    #[desk(printable_ascii)]
    printable_ascii: String,
    #[desk(ascii)]
    ascii: String,
    #[desk(not_prefix = "x")]
    not_prefix: String,
    #[desk(prefix = "y")]
    prefix: String,
    #[desk(suffix = "y")]
    suffix: String,
    #[desk(contains = "y")]
    contains: String,
    #[desk(pattern = "^y$")]
    pattern: String,
    #[desk(email)]
    email: String,
    #[desk(uri)]
    uri: String,
    #[desk(uuid)]
    uuid: String,
    #[desk(date_time)]
    date_time: String,
    #[desk(date)]
    date: String,
    #[desk(ipv4)]
    ipv4: String,
    #[desk(ipv6)]
    ipv6: String,
    #[desk(range(min = 5, max = 6))]
    range: u8,
    #[desk(max_items = 1)]
    max_items: Vec<u8>,
    #[desk(min_items = 9)]
    min_items: Vec<u8>,
    #[desk(nested, unique(by = id))]
    unique: Vec<Keyed>,
}

#[derive(desk_schema::Validate, serde::Deserialize)]
#[allow(dead_code)]
struct Keyed {
    #[desk(max_bytes = 9)]
    id: String,
}

/// Breaks every rule of `EveryRule`: a string field gets `"x\u{7}x"` (too
/// long for 1, too short for 9, no format, a control character).
const BROKEN: &str = r#"{
    "max_bytes": "x\u0007x", "min_bytes": "x\u0007x", "max_chars": "x\u0007x",
    "min_chars": "x\u0007x", "max_graphemes": "x\u0007x", "min_graphemes": "x\u0007x",
    "max_utf16": "x\u0007x", "min_utf16": "x\u0007x", "one_of": "x\u0007x",
    "printable_ascii": "x\u0007x", "ascii": "x\u00e9x", "not_prefix": "x\u0007x",
    "prefix": "x\u0007x", "suffix": "x\u0007x", "contains": "x\u0007x",
    "pattern": "x\u0007x", "email": "x\u0007x", "uri": "x\u0007x", "uuid": "x\u0007x",
    "date_time": "x\u0007x", "date": "x\u0007x", "ipv4": "x\u0007x", "ipv6": "x\u0007x",
    "range": 9, "max_items": [1, 2], "min_items": [1],
    "unique": [{"id": "a"}, {"id": "a"}]
}"#;

#[test]
fn the_derive_accepts_as_placeholders_the_figures_the_report_writes() {
    let report = desk_schema::from_json_str::<EveryRule>(BROKEN)
        .err()
        .expect("every field is broken");
    let written: serde_json::Value = serde_json::to_value(&report).unwrap();
    let mut by_rule: Vec<(String, BTreeSet<String>)> = written
        .as_array()
        .unwrap()
        .iter()
        .map(|v| {
            let object = v.as_object().unwrap();
            let path = object["path"].as_str().unwrap();
            let rule = path.split('/').nth(1).unwrap().to_owned();
            let figures = object
                .iter()
                .filter(|(k, v)| !["path", "code", "message"].contains(&k.as_str()) && !v.is_null())
                .map(|(k, _)| k.clone())
                .collect();
            (rule, figures)
        })
        .collect();
    by_rule.sort();
    let mut table = derive_figures();
    table.sort();
    assert_eq!(by_rule, table);
    // Every rule that reports a violation of its own has its figures.
    let without: BTreeSet<&str> = [
        "items", "keys", "values", "custom", "message", "nested", "skip",
    ]
    .into();
    let rows: BTreeSet<String> = table.into_iter().map(|(rule, _)| rule).collect();
    let rules: BTreeSet<String> = derive_rules()
        .into_iter()
        .filter(|r| !without.contains(r.as_str()))
        .collect();
    assert_eq!(rows, rules);
}

/// One reading of a language tag: the npm package reads as Simplified
/// Chinese exactly the tags `Locale::from_str` does, English likewise, and
/// both refuse the rest (Traditional Chinese among them).
#[test]
fn rust_and_the_npm_package_read_the_same_language_tags() {
    use desk_schema::Locale;
    let source = read("npm/desk-schema/src/violations.js");
    let body = between(&source, "function localeOf(tag) {", "\n}");
    let zh: Vec<&str> = between(body, "if ([", "].includes(t))")
        .split(',')
        .map(|t| t.trim().trim_matches('"'))
        .collect();
    let en: Vec<&str> = between(body, "if (t === \"en\"", "return \"en\"")
        .split('"')
        .skip(1)
        .step_by(2)
        .chain(["en"])
        .collect();
    assert!(
        zh.contains(&"zh-sg") && en.contains(&"en-gb"),
        "{zh:?} {en:?}"
    );
    for tag in zh.iter().chain(&en).copied().chain([
        "zh-TW",
        "zh-HK",
        "zh-Hant",
        "zh-Hant-TW",
        "fr",
        "",
        "en-AU",
        "ZH_cn",
        "Zh-Hans-SG",
    ]) {
        let npm = tag.replace('_', "-").to_ascii_lowercase();
        let npm = if zh.contains(&npm.as_str()) {
            Some(Locale::ZhCn)
        } else if en.contains(&npm.as_str()) {
            Some(Locale::En)
        } else {
            None
        };
        assert_eq!(tag.parse::<Locale>().ok(), npm, "{tag:?}");
    }
}

/// The Rust client's own messages, which the npm package never writes but
/// `localize` reads back: the same text on both sides.
#[test]
fn the_npm_package_knows_the_rust_clients_own_messages() {
    let npm = read("npm/desk-schema/src/violations.js");
    let client = read("desk-schema/src/create_group/client.rs");
    let too_large = between(&client, "\"response_too_large\",", "),\n");
    let response = read("desk-schema/src/create_group/response.rs");
    let other_group_id = between(&response, "Contradiction::OtherGroupId => (", "),\n");
    for rust in [too_large, other_group_id] {
        let texts: Vec<&str> = rust.split('"').skip(1).step_by(2).collect();
        assert_eq!(texts.len(), 2, "{rust}");
        for text in texts {
            assert!(npm.contains(&format!("\"{text}\"")), "npm lacks {text:?}");
        }
    }
}
