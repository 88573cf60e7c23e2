//! Every random type of `types.rs` (`../gen.py`) on all paths: inputs
//! generated from its schema as the zoo's differential test makes them, two
//! thirds of them mutated once or twice, each through the repository's
//! `differential::check`, and one more check of the typed path.
//!
//! ```sh
//! cargo run --locked -- [CASES] [--corpus FILE]   # inputs per type, default 400
//! ```
//!
//! Prints each type's counts on stderr, then `TYPES n INPUTS n` and one
//! `FAIL type: message` line per failure (at most three per type; line
//! breaks in the message written `\n`); exits 1 when anything failed, 2 when
//! the arguments are wrong or the corpus cannot be written. With `--corpus FILE`, also writes the types'
//! schemas and cases in the form of `corpus/zoo.json`, for strict Ajv and
//! the npm package (`DESK_ZOO_CORPUS=FILE node --test zoo.test.js` in
//! `conformance/`).

use std::panic::{AssertUnwindSafe, catch_unwind};

use desk_schema_tests::browser::{ajv_cases, unreadable_cases};
use desk_schema_tests::differential::{Found, Oracle, Prepared, Zoo, check, found};
use desk_schema_tests::inputs::{Doc, Gen, Rng};
use serde_json::{Value, json};

include!("types.rs");

/// Changes one value somewhere in `doc`: a wrong type, a number as written
/// (`1.0`, `-0`, `1e400`), an unknown, removed, repeated or null property, an
/// item repeated or removed, a variant's name or a tag as a plain string,
/// nesting past serde_json's limit, a string with escapes or a lone
/// surrogate, a tag of the wrong form, or an object's properties reversed.
fn mutate(g: &mut Gen, doc: &mut Doc, depth: usize) {
    let descend = match doc {
        Doc::Array(items) => !items.is_empty(),
        Doc::Object(props) => !props.is_empty(),
        _ => false,
    };
    if descend && g.rng.chance(65) && depth < 12 {
        match doc {
            Doc::Array(items) => {
                let i = g.rng.below(items.len());
                return mutate(g, &mut items[i], depth + 1);
            }
            Doc::Object(props) => {
                let i = g.rng.below(props.len());
                return mutate(g, &mut props[i].1, depth + 1);
            }
            _ => unreachable!("only arrays and objects descend"),
        }
    }
    match g.rng.below(11) {
        0 if g.rng.chance(50) => *doc = g.wrong_type(),
        0 => {
            let values = [json!(1.5), json!(-1), json!(""), json!(0), json!(1)];
            *doc = Doc::Leaf(g.rng.pick(&values).clone());
        }
        1 => {
            let numbers = [
                ("1.0", "1"),
                ("1e2", "100"),
                ("-0", "0"),
                ("-0.0", "0"),
                ("0.0", "0"),
                ("2.5e1", "25"),
                ("255.0", "255"),
                ("256", "256"),
                ("-1.0", "-1"),
                ("1e400", "1"),
                ("9.0", "9"),
                ("1e1", "10"),
                ("100.5", "100.5"),
                ("0.5", "0.5"),
            ];
            let (written, plain) = *g.rng.pick(&numbers);
            *doc = Doc::Written(written.into(), plain.into());
        }
        2 => match doc {
            Doc::Object(props) => match g.rng.below(5) {
                0 => props.push(("Unknwon".into(), Doc::Leaf(json!(1)))),
                1 if !props.is_empty() => {
                    let i = g.rng.below(props.len());
                    let repeated = props[i].clone();
                    props.push(repeated);
                }
                2 if !props.is_empty() => {
                    let i = g.rng.below(props.len());
                    props.remove(i);
                }
                3 => {
                    let names = [
                        "",
                        "a/b",
                        "~1",
                        "~",
                        "é",
                        "\u{1F600}",
                        "t",
                        "c",
                        "type",
                        "V0",
                        "V1",
                        "f0",
                        "F0",
                    ];
                    let name = *g.rng.pick(&names);
                    let value = g.wrong_type();
                    props.push((name.into(), value));
                }
                _ => {
                    if !props.is_empty() {
                        let i = g.rng.below(props.len());
                        props[i].1 = Doc::Leaf(Value::Null);
                    }
                }
            },
            _ => {
                let name = *g.rng.pick(&["V0", "V1", "V2", "Unknown", "x", "t"]);
                let inner = std::mem::replace(doc, Doc::Leaf(Value::Null));
                *doc = Doc::Object(vec![(name.into(), inner)]);
            }
        },
        3 => match doc {
            Doc::Array(items) if !items.is_empty() && g.rng.chance(50) => {
                let i = g.rng.below(items.len());
                let repeated = items[i].clone();
                items.push(repeated);
            }
            Doc::Array(items) if !items.is_empty() => {
                items.pop();
            }
            Doc::Array(items) => items.push(Doc::Leaf(Value::Null)),
            _ => {
                let inner = std::mem::replace(doc, Doc::Leaf(Value::Null));
                *doc = Doc::Array(vec![inner]);
            }
        },
        4 => {
            let names = [
                "V0", "V1", "V2", "Unknown", "Other", "v0", "al0", "al1", "r0/x", "t",
            ];
            *doc = Doc::Leaf(json!(*g.rng.pick(&names)));
        }
        5 => {
            let levels = *g.rng.pick(&[126usize, 127, 128, 130]);
            let mut nested = std::mem::replace(doc, Doc::Leaf(Value::Null));
            for _ in 0..levels {
                nested = Doc::Array(vec![nested]);
            }
            *doc = nested;
        }
        6 => {
            let texts = [
                (r#""\u00e9""#, r#""é""#),
                (r#""\ud83d\ude00""#, r#""😀""#),
                (r#""a\u0000""#, r#""a\u0000""#),
                (r#""\ud800""#, r#""""#),
                (r#""e\u0301""#, r#""e\u0301""#),
                (r#""\u0078""#, r#""x""#),
            ];
            let (written, plain) = *g.rng.pick(&texts);
            *doc = Doc::Written(written.into(), plain.into());
        }
        7 => {
            let tags = [
                json!({"t": 0}),
                json!({"t": "V0", "c": null}),
                json!({"type": "V1"}),
                json!({"V0": {}}),
                json!({"V0": null}),
                json!({"V1": []}),
                json!({"Kind": "V0"}),
            ];
            *doc = Doc::Leaf(g.rng.pick(&tags).clone());
        }
        8 | 9 => {
            if let Doc::Leaf(Value::String(text)) = doc {
                let mut escaped = String::from("\"");
                for unit in text.encode_utf16() {
                    escaped.push_str(&format!("\\u{unit:04x}"));
                }
                escaped.push('"');
                let plain = Value::from(text.as_str()).to_string();
                *doc = Doc::Written(escaped, plain);
            }
        }
        _ => match doc {
            Doc::Object(props) => props.reverse(),
            _ => *doc = Doc::Leaf(Value::Null),
        },
    }
}

/// Whether an object in `doc` has a property twice: only the walk of the
/// text sees it.
/// Whether `doc` holds an array with two items written alike: in a set,
/// serde keeps one of them (silently; documented), where the walk reports
/// each, and calls them a `duplicate` only where they are values of the
/// item's type (a `u128` past 64 bits, which serde reads, is none to the
/// walk: tests/random seed 45).
fn has_repeated_item(doc: &Doc) -> bool {
    match doc {
        Doc::Array(items) => {
            let mut seen = std::collections::BTreeSet::new();
            items.iter().any(|item| {
                let mut text = String::new();
                item.write(&mut text, false);
                !seen.insert(text) || has_repeated_item(item)
            })
        }
        Doc::Object(props) => props.iter().any(|(_, value)| has_repeated_item(value)),
        Doc::Leaf(_) | Doc::Written(..) => false,
    }
}

fn has_repeat(doc: &Doc) -> bool {
    match doc {
        Doc::Array(items) => items.iter().any(has_repeat),
        Doc::Object(props) => {
            let mut seen = std::collections::BTreeSet::new();
            props
                .iter()
                .any(|(name, value)| !seen.insert(name.as_str()) || has_repeat(value))
        }
        Doc::Leaf(_) | Doc::Written(..) => false,
    }
}

/// `found`'s pairs with each index and each short name that may be a
/// variant's (`gen.py` names variants `V0`, renames them `r0...` or by
/// `rename_all`, and aliases them `al0`) made alike: serde's value holds a
/// set's items in its own order, and `validate()` names a variant as
/// written in Rust where the text may use an alias (both documented).
fn alike(found: &Found) -> Vec<(String, String)> {
    let mut pairs: Vec<(String, String)> = found
        .iter()
        .map(|(path, code)| {
            let path = path
                .split('/')
                .map(|seg| {
                    let variant =
                        ["al", "V", "v", "r"].iter().any(|p| seg.starts_with(p)) && seg.len() <= 6;
                    if !seg.is_empty() && seg.bytes().all(|b| b.is_ascii_digit()) {
                        "#".to_owned()
                    } else if variant {
                        "VARIANT".to_owned()
                    } else {
                        seg.to_owned()
                    }
                })
                .collect::<Vec<_>>()
                .join("/");
            (path, code.clone())
        })
        .collect();
    pairs.sort();
    pairs
}

/// `cases` inputs for `T`; failures (panics of a check) go to `fails`.
/// Returns how many inputs ran and how many were refused.
fn run<T: Zoo>(name: &str, cases: usize, fails: &mut Vec<(String, String)>) -> (usize, usize) {
    let prepared = match catch_unwind(Prepared::of::<T>) {
        Ok(prepared) => prepared,
        Err(e) => {
            fails.push((name.into(), format!("schema panicked: {}", message(&*e))));
            return (0, 0);
        }
    };
    let mut oracle = Oracle::default();
    let (mut rejected, mut failed) = (0, 0);
    for seed in 0..cases {
        let mut g = Gen {
            rng: Rng(0x9e37_79b9_7f4a_7c15 ^ (seed as u64 + 77).wrapping_mul(0x1000_0000_01b3)),
            defs: &prepared.defs,
            repeated_key: false,
        };
        let mut doc = g.value(&prepared.schema, 0);
        if seed % 3 != 0 {
            for _ in 0..=g.rng.below(2) {
                mutate(&mut g, &mut doc, 0);
            }
        }
        let (mut text, mut plain) = (String::new(), String::new());
        doc.write(&mut text, false);
        doc.write(&mut plain, true);
        if serde_json::from_str::<Value>(&plain).is_err() {
            plain.clone_from(&text);
        }
        let repeated_key = g.repeated_key || has_repeat(&doc);
        let outcome = catch_unwind(AssertUnwindSafe(|| {
            let refused = check::<T>(name, &prepared, &text, &plain, repeated_key, &mut oracle);
            // The typed path on serde's own value: the violations
            // `from_json_str` gives, where the shape is right.
            if let (false, Ok(value)) = (repeated_key, serde_json::from_str::<T>(&text)) {
                let ours = desk_schema::from_json_str::<T>(&text);
                let shape = ours
                    .as_ref()
                    .err()
                    .is_some_and(|report| report.iter().any(|v| v.kind().is_shape()));
                let (read, typed) = (
                    found(ours.map(|_| ())),
                    found(desk_schema::Validate::validate(&value)),
                );
                let duplicate = read
                    .iter()
                    .chain(&typed)
                    .any(|(_, code)| code == "duplicate");
                // A set's repeated items, one of which serde kept: the same
                // violations, fewer times; and the set's size rules counted
                // on fewer items, so that the text may break `max_items`
                // where serde's value keeps it, and serde's value break
                // `min_items` where the text keeps it (seed 64).
                let (read_alike, typed_alike) = (alike(&read), alike(&typed));
                let fewer = has_repeated_item(&doc) && {
                    let set = |pairs: &[(String, String)]| {
                        pairs.iter().cloned().collect::<std::collections::BTreeSet<_>>()
                    };
                    let (read_set, typed_set) = (set(&read_alike), set(&typed_alike));
                    read_set
                        .difference(&typed_set)
                        .all(|(_, code)| code == "max_items")
                        && typed_set
                            .difference(&read_set)
                            .all(|(_, code)| code == "min_items")
                };
                assert!(
                    shape || duplicate || fewer || read_alike == typed_alike,
                    "{name}: validate() {typed:?} against from_json_str {read:?} on {text}"
                );
            }
            refused
        }));
        match outcome {
            Ok(refused) => rejected += usize::from(refused),
            Err(e) => {
                failed += 1;
                if failed <= 3 {
                    fails.push((name.into(), message(&*e)));
                }
            }
        }
    }
    (cases, rejected)
}

/// A panic's message.
fn message(e: &(dyn std::any::Any + Send)) -> String {
    e.downcast_ref::<String>()
        .cloned()
        .or_else(|| e.downcast_ref::<&str>().map(|s| (*s).to_owned()))
        .unwrap_or_else(|| "(no message)".to_owned())
}

/// `T`'s schema, cases and unreadable cases for the browser's corpus, or
/// the failure that stopped them.
fn corpus_of<T: Zoo>(name: &str) -> Result<(Value, Vec<Value>, Vec<Value>), String> {
    catch_unwind(|| {
        let (schema, cases) = ajv_cases::<T>(name, 12);
        let unreadable = unreadable_cases::<T>(name, &cases, 8);
        (schema, cases, unreadable)
    })
    .map_err(|e| message(&*e))
}

/// How to call the runner.
const USAGE: &str = "usage: cargo run --locked -- [CASES] [--corpus FILE]\n  \
    CASES  inputs per type, a whole number from 1 (default 400)\n  \
    --corpus FILE  also write the types' schemas and cases for the browser's side";

/// The inputs per type and the corpus file, from the command line; `Err`
/// says what is wrong with it.
fn parse_args(args: &[String]) -> Result<(usize, Option<&str>), String> {
    let (mut cases, mut corpus) = (None, None);
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--corpus" => match args.next() {
                Some(file) if corpus.is_none() => corpus = Some(file.as_str()),
                Some(_) => return Err("--corpus given twice".into()),
                None => return Err("--corpus needs a FILE".into()),
            },
            "-h" | "--help" => return Err(String::new()),
            number if cases.is_none() => match number.parse::<usize>() {
                Ok(n) if n > 0 => cases = Some(n),
                _ => {
                    return Err(format!(
                        "CASES must be a whole number from 1, not {number:?}"
                    ));
                }
            },
            other => return Err(format!("unexpected argument {other:?}")),
        }
    }
    Ok((cases.unwrap_or(400), corpus))
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (cases, corpus_file) = match parse_args(&args) {
        Ok(parsed) => parsed,
        Err(e) => {
            if !e.is_empty() {
                eprintln!("error: {e}");
            }
            eprintln!("{USAGE}");
            std::process::exit(if e.is_empty() { 0 } else { 2 });
        }
    };
    // Panics are caught and reported as failures (`run`): the hook's
    // message would only interleave with the counts.
    std::panic::set_hook(Box::new(|_| {}));
    let mut fails = Vec::new();
    let (mut types, mut inputs) = (0, 0);
    let (mut schemas, mut corpus, mut unreadable) =
        (serde_json::Map::new(), Vec::new(), Vec::new());
    macro_rules! one {
        ($t:path) => {{
            let name = stringify!($t).replace(' ', "");
            let (ran, refused) = run::<$t>(&name, cases, &mut fails);
            types += 1;
            inputs += ran;
            eprintln!("{name}: {ran} inputs, {refused} refused");
            if corpus_file.is_some() {
                match corpus_of::<$t>(&name) {
                    Ok((schema, cases, texts)) => {
                        schemas.insert(name, schema);
                        corpus.extend(cases);
                        unreadable.extend(texts);
                    }
                    Err(e) => fails.push((name, e)),
                }
            }
        }};
    }
    for_each_type!(one);
    println!("TYPES {types} INPUTS {inputs}");
    // One line per failure: the message's own line breaks written `\n`.
    for (name, text) in &fails {
        let text: String = text.chars().take(1500).collect();
        println!("FAIL {name}: {}", text.replace('\n', "\\n"));
    }
    let mut status = i32::from(!fails.is_empty());
    if let Some(file) = corpus_file {
        let all = json!({ "schemas": schemas, "cases": corpus, "unreadable": unreadable });
        match std::fs::write(file, serde_json::to_string_pretty(&all).expect("JSON")) {
            Ok(()) => println!(
                "CORPUS {} cases, {} unreadable, in {file}",
                corpus.len(),
                unreadable.len()
            ),
            Err(e) => {
                eprintln!("error: cannot write the corpus to {file}: {e}");
                status = 2;
            }
        }
    }
    std::process::exit(status);
}
