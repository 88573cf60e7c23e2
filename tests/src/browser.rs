//! The corpus for the browser's side (`corpus/zoo.json`, and the random
//! types' own): inputs for each type with the paths the `jsonschema` crate
//! reports and the violations Rust gives, for strict Ajv and the npm
//! package to give again (`conformance/zoo.test.js`); and texts holding a
//! value no `serde_json::Value` holds, with the violations `from_json_str`
//! gives.

use std::collections::BTreeSet;

use desk_schema::{from_json_str, schema_for, validate_value};
use serde_json::{Value, json};

use crate::differential::{Oracle, Prepared, Zoo, defs_of, found, whole_unreadable};
use crate::inputs::{Gen, Rng};
use crate::parity::validator_for;

/// Whether every integer in `value` is one a JavaScript number holds
/// exactly (within 2^53): past that, Ajv compares doubles (a documented gap).
#[must_use]
pub fn exact_in_javascript(value: &Value) -> bool {
    const EXACT: u64 = 1 << 53;
    match value {
        Value::Number(n) => {
            // From 2^53 on, `JSON.parse` cannot tell an integer from the
            // next one (a documented gap).
            n.as_u64().is_none_or(|u| u < EXACT)
                && n.as_i64().is_none_or(|i| i.unsigned_abs() < EXACT)
                && n.as_f64()
                    .is_some_and(|f| f.abs() < 2_f64.powi(53) || f.fract() != 0.0)
        }
        Value::Array(items) => items.iter().all(exact_in_javascript),
        Value::Object(map) => map.values().all(exact_in_javascript),
        _ => true,
    }
}

/// Inputs for one type from its schema (the differential test's generator,
/// other seeds), with the paths a JSON Schema validator reports: the subset
/// that `conformance/zoo.test.js` runs through strict Ajv and the package.
/// Left out: texts no double holds exactly, texts on which Ajv and the
/// `jsonschema` crate name different paths with the same verdict
/// (`repeats_among_wrong_types`), and texts a `custom` rule refuses.
///
/// # Panics
///
/// On a text the generator writes that is not JSON (a bug of the generator's).
#[must_use]
pub fn ajv_cases<T: Zoo>(name: &str, per_type: usize) -> (Value, Vec<Value>) {
    let schema = schema_for::<T>().to_value();
    let validator = validator_for(&schema);
    let defs = defs_of(&schema);
    let (mut cases, mut valid) = (Vec::new(), 0);
    let mut seed = 0u64;
    while cases.len() < per_type && seed < 10_000 {
        seed += 1;
        let mut generator = Gen {
            rng: Rng(0x5eed_0fa1_u64 ^ seed.wrapping_mul(0x1000_0000_01b3)),
            defs: &defs,
            repeated_key: false,
        };
        let doc = generator.value(&schema, 0);
        let mut text = String::new();
        // Integer literals only: Ajv, like the `jsonschema` crate, calls
        // `5.0` an integer (a documented gap).
        doc.write(&mut text, true);
        if text.len() > 600 || !exact_in_javascript(&serde_json::from_str(&text).unwrap()) {
            continue;
        }
        let value: Value = serde_json::from_str(&text).unwrap();
        let errors = errors_of(&validator, &value);
        if repeats_among_wrong_types(&schema, &value, &errors) {
            continue;
        }
        let paths = reported_paths(errors);
        // Half valid, half not, where the generator allows.
        if paths.is_empty() {
            if valid * 2 >= per_type {
                continue;
            }
            valid += 1;
        }
        let case = corpus_case::<T>(name, &text, &paths);
        // A custom rule is a Rust function, stated in the schema's
        // description only: no schema validator gives its verdict.
        let custom = case["violations"]
            .as_array()
            .is_some_and(|all| all.iter().any(|v| v["code"] == "custom"));
        if custom {
            continue;
        }
        cases.push(case);
    }
    (schema, cases)
}

/// The `jsonschema` crate's errors on `value`: each one's keyword location
/// and instance location.
#[must_use]
pub fn errors_of(validator: &jsonschema::Validator, value: &Value) -> Vec<(String, String)> {
    validator
        .iter_errors(value)
        .map(|e| {
            let at = e.instance_path().as_str().to_owned();
            (e.schema_path().as_str().to_owned(), at)
        })
        .collect()
}

/// The places of `errors` (from [`errors_of`]) a case records for Ajv to
/// give again: `x-uniqueBy` is set aside, as in the differential test (the
/// `jsonschema` crate names only its first repeat).
#[must_use]
pub fn reported_paths(errors: Vec<(String, String)>) -> BTreeSet<String> {
    errors
        .into_iter()
        .filter(|(keyword, _)| !keyword.ends_with("/x-uniqueBy"))
        .map(|(_, at)| at)
        .collect()
}

/// Whether a `uniqueItems` error (`errors`: keyword and instance paths, on
/// `value`) falls on a list whose only repeats are items of the wrong JSON
/// type. Ajv, where the items' schema names scalar types, compares only
/// the items of those types, where the `jsonschema` crate compares them
/// all: there the two can name different paths (`[1, 1]` for a set of
/// `bool`), with the same verdict. Such a text is left out of the corpus,
/// whose cases hold Ajv to the crate's paths; a repeat among items of the
/// right type, which both report, is kept (`[7, "a", "a"]`).
fn repeats_among_wrong_types(schema: &Value, value: &Value, errors: &[(String, String)]) -> bool {
    let wrong_type = |list: &str, i: usize| {
        errors.iter().any(|(keyword, at)| {
            keyword.ends_with("/type")
                && at
                    .strip_prefix(list)
                    .and_then(|rest| rest.strip_prefix('/'))
                    .is_some_and(|index| index == i.to_string())
        })
    };
    errors
        .iter()
        .filter(|(keyword, _)| keyword.ends_with("/uniqueItems"))
        .filter(|(keyword, _)| {
            scalar_items(schema, &keyword[..keyword.len() - "/uniqueItems".len()])
        })
        .any(|(_, list)| {
            let Some(Value::Array(items)) = value.pointer(list) else {
                return false;
            };
            let typed: Vec<&Value> = items
                .iter()
                .enumerate()
                .filter(|&(i, _)| !wrong_type(list, i))
                .map(|(_, item)| item)
                .collect();
            let repeat = typed
                .iter()
                .enumerate()
                .any(|(j, item)| typed[..j].contains(item));
            !repeat
        })
}

/// Whether the list schema at `keyword_path` (a keyword location, whose
/// `$ref` steps are followed) has `items` with a `type` of scalars only,
/// where Ajv compares only the items of those types; a path this cannot
/// follow counts as such.
fn scalar_items(root: &Value, keyword_path: &str) -> bool {
    let mut node = root;
    for token in keyword_path.split('/').skip(1) {
        let token = crate::pointer::name(token);
        let next = if token == "$ref" {
            node.get("$ref")
                .and_then(Value::as_str)
                .and_then(|r| r.strip_prefix('#'))
                .and_then(|r| root.pointer(r))
        } else {
            match node {
                Value::Object(map) => map.get(&token),
                Value::Array(list) => token.parse::<usize>().ok().and_then(|i| list.get(i)),
                _ => None,
            }
        };
        match next {
            Some(next) => node = next,
            None => return true,
        }
    }
    let types = match node.get("items").and_then(|items| items.get("type")) {
        Some(Value::String(t)) => vec![t.as_str()],
        Some(Value::Array(list)) => list.iter().filter_map(Value::as_str).collect(),
        _ => return false,
    };
    !types.is_empty() && !types.iter().any(|t| *t == "object" || *t == "array")
}

/// The violations as the CLI prints them (path, code, message, figures),
/// for the package to give again, and their messages in Chinese, in the
/// same order.
///
/// # Panics
///
/// Never: a report always serializes.
#[must_use]
pub fn as_printed(report: &Result<(), desk_schema::Report>) -> (Value, Vec<String>) {
    match report {
        Ok(()) => (json!([]), Vec::new()),
        Err(report) => (
            serde_json::to_value(report.violations()).unwrap(),
            report
                .iter()
                .map(|v| v.message_in(desk_schema::Locale::ZhCn))
                .collect(),
        ),
    }
}

/// One case of `corpus/zoo.json`: the text, the `jsonschema` crate's paths,
/// the Rust violations with their Chinese messages, and, on a valid text,
/// the names of the properties without which serde reads the same value
/// (`dropped`, when there are any: those serde drops, and those that give
/// the default's value). The compiled TypeScript types are closed, and may
/// refuse those alone.
///
/// # Panics
///
/// When `text` is not JSON.
#[must_use]
pub fn corpus_case<T: Zoo>(name: &str, text: &str, paths: &BTreeSet<String>) -> Value {
    let value: Value = serde_json::from_str(text).unwrap();
    let report = validate_value::<T>(&value);
    let valid = report.is_ok();
    let (violations, messages_zh_cn) = as_printed(&report);
    let rust = found(report);
    let mut case = json!({
        "type": name,
        "text": text,
        "paths": paths,
        "rust": rust.iter().map(|(p, c)| format!("{p} {c}")).collect::<Vec<_>>(),
        "violations": violations,
        "messages_zh_cn": messages_zh_cn,
    });
    let dropped = if valid {
        dropped::<T>(&value)
    } else {
        BTreeSet::new()
    };
    if !dropped.is_empty() {
        case["dropped"] = json!(dropped);
    }
    case
}

/// The names of the properties of `value`, at any depth, without which
/// serde reads the same value of `T`: those it drops unread (and those
/// whose value is what their absence gives).
fn dropped<T: Zoo>(value: &Value) -> BTreeSet<String> {
    let read = |v: &Value| serde_json::from_str::<T>(&v.to_string()).ok();
    let Some(whole) = read(value) else {
        return BTreeSet::new();
    };
    let mut objects = Vec::new();
    let mut stack = vec![(String::new(), value)];
    while let Some((at, v)) = stack.pop() {
        match v {
            Value::Object(map) => {
                for (key, inner) in map {
                    objects.push((at.clone(), key.clone()));
                    stack.push((format!("{at}/{}", crate::pointer::token(key)), inner));
                }
            }
            Value::Array(items) => {
                stack.extend(
                    items
                        .iter()
                        .enumerate()
                        .map(|(i, item)| (format!("{at}/{i}"), item)),
                );
            }
            _ => {}
        }
    }
    objects
        .into_iter()
        .filter(|(at, key)| {
            let mut without = value.clone();
            if let Some(Value::Object(map)) = without.pointer_mut(at) {
                map.remove(key);
            }
            read(&without).as_ref() == Some(&whole)
        })
        .map(|(_, key)| key)
        .collect()
}

/// The tokens no `serde_json::Value` holds, put in turn where a generated
/// text holds `"__unreadable__"`: two numbers past any double and two
/// strings with an unpaired surrogate.
const UNREADABLE: [&str; 4] = ["1e400", r#""\ud800""#, "-1e400", r#""a\udc00b""#];

/// Where a text may hold a value no `serde_json::Value` holds: in place of a
/// string or number (`Leaf`), in a property no type has (`Extra`), in a
/// property's name (`Name`), or inside an array or object put in place of
/// any value (`Inside`: where the type may want another JSON type), each at
/// the JSON Pointer of its value or object.
enum Site {
    Leaf(String),
    Extra(String),
    Name(String),
    Inside(String),
}

fn sites(value: &Value, at: &str, out: &mut Vec<Site>) {
    out.push(Site::Inside(at.to_owned()));
    match value {
        Value::String(_) | Value::Number(_) => out.push(Site::Leaf(at.to_owned())),
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                sites(item, &format!("{at}/{i}"), out);
            }
        }
        Value::Object(map) => {
            out.push(Site::Extra(at.to_owned()));
            out.push(Site::Name(at.to_owned()));
            for (key, item) in map {
                sites(item, &format!("{at}/{}", crate::pointer::token(key)), out);
            }
        }
        _ => {}
    }
}

/// The texts of `cases` with one value no `serde_json::Value` holds put at
/// one site each (`Site`), `per_type` of them spread over every site, with
/// the violations `from_json_str` gives: for the npm package to give again
/// on what `JSON.parse` makes of them (a text on which `from_json_str`
/// answers for serde's reading of an `f32`, not the JSON value's, is left
/// out: see docs/derive.md). Each is first checked on every Rust
/// path against serde (`differential::check`).
///
/// # Panics
///
/// Where two paths disagree (`differential::check`), or where a value serde never reads changes the answer; and when a case's text is not JSON.
#[must_use]
pub fn unreadable_cases<T: Zoo>(name: &str, cases: &[Value], per_type: usize) -> Vec<Value> {
    let prepared = Prepared::of::<T>();
    let mut oracle = Oracle::default();
    let mut all = Vec::new();
    for case in cases {
        let value: Value = serde_json::from_str(case["text"].as_str().unwrap()).unwrap();
        let mut found = Vec::new();
        sites(&value, "", &mut found);
        all.extend(found.into_iter().map(|site| (value.clone(), site)));
    }
    let step = all.len().div_ceil(per_type).max(1);
    all.into_iter()
        .step_by(step)
        .enumerate()
        .filter_map(|(i, (mut value, site))| {
            let marker = Value::from("__unreadable__");
            let mut name_marker = false;
            match &site {
                Site::Leaf(at) => *value.pointer_mut(at).unwrap() = marker,
                Site::Extra(at) => {
                    value.pointer_mut(at).unwrap()["zz"] = marker;
                }
                Site::Name(at) => {
                    value.pointer_mut(at).unwrap()["__unreadable__"] = Value::from(1);
                    name_marker = true;
                }
                Site::Inside(at) => {
                    *value.pointer_mut(at).unwrap() = match i % 3 {
                        0 => json!([marker]),
                        1 => json!({ "a": marker }),
                        _ => {
                            name_marker = true;
                            json!({ "__unreadable__": 1 })
                        }
                    };
                }
            }
            let token = if name_marker {
                r#""z\udbffz""#
            } else {
                UNREADABLE[i % UNREADABLE.len()]
            };
            let text = value.to_string().replace(r#""__unreadable__""#, token);
            crate::differential::check::<T>(name, &prepared, &text, &text, false, &mut oracle);
            let report = from_json_str::<T>(&text).map(|_| ());
            // Where serde accepts the text it never read the value: any
            // other value there gives the same answer, unless the walk reads
            // it whole (refused, and marked so in the schema).
            if serde_json::from_str::<T>(&text).is_ok()
                && !report
                    .as_ref()
                    .is_err_and(|r| whole_unreadable(&prepared, r))
            {
                let benign = if name_marker { r#""zz2""# } else { "0" };
                let other = value.to_string().replace(r#""__unreadable__""#, benign);
                assert_eq!(
                    found(report.clone()),
                    found(from_json_str::<T>(&other).map(|_| ())),
                    "{name}: an unread value changes the answer: {text}"
                );
                // The package answers for the JSON value, as
                // `validate_value` does; where `from_json_str` answers for
                // serde's own reading instead (an `f32` written with more
                // digits, docs/derive.md), the text is left out.
                let as_value = validate_value::<T>(&serde_json::from_str(&other).unwrap());
                if found(report.clone()) != found(as_value) {
                    return None;
                }
            }
            let (violations, messages_zh_cn) = as_printed(&report);
            Some(json!({
                "type": name,
                "text": text,
                "violations": violations,
                "messages_zh_cn": messages_zh_cn,
            }))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::{errors_of, repeats_among_wrong_types};
    use crate::parity::validator_for;

    /// Whether `ajv_cases` leaves `text` out, for `schema`.
    fn left_out(schema: &serde_json::Value, text: &str) -> bool {
        let value: serde_json::Value = serde_json::from_str(text).unwrap();
        let errors = errors_of(&validator_for(schema), &value);
        repeats_among_wrong_types(schema, &value, &errors)
    }

    /// A list whose only repeats are of the wrong type is left out where
    /// the items' schema names its scalar type (Ajv does not compare them
    /// there); a repeat of the right type, a wrong type without a repeat,
    /// and items through a `$ref` (which Ajv compares all) are kept.
    #[test]
    fn a_repeat_among_wrong_types_is_left_out() {
        let inline = serde_json::json!({
            "type": "object",
            "properties": {"l": {"type": "array", "items": {"type": "boolean"}, "uniqueItems": true}},
        });
        assert!(left_out(&inline, r#"{"l": [1, 1]}"#));
        assert!(left_out(&inline, r#"{"l": [1, true, 1]}"#));
        assert!(!left_out(&inline, r#"{"l": [1, true, true]}"#));
        assert!(!left_out(&inline, r#"{"l": [true, true]}"#));
        assert!(!left_out(&inline, r#"{"l": [1, 2]}"#));
        assert!(!left_out(&inline, r#"{"l": [true, false]}"#));
        let referred = serde_json::json!({
            "$ref": "#/$defs/L",
            "$defs": {
                "L": {"type": "array", "items": {"$ref": "#/$defs/B"}, "uniqueItems": true},
                "B": {"type": "boolean"},
            },
        });
        assert!(!left_out(&referred, "[1, 1]"));
        let scalar_through_ref = serde_json::json!({
            "$ref": "#/$defs/L",
            "$defs": {"L": {"type": "array", "items": {"type": "boolean"}, "uniqueItems": true}},
        });
        assert!(left_out(&scalar_through_ref, "[1, 1]"));
    }
}
