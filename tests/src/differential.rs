//! The differential check of one input on every path, shared by the zoo's
//! test (`tests/tests/zoo.rs`, inputs generated from each type's schema) and
//! the fuzz target `three_paths` (`fuzz/`, inputs a coverage-guided fuzzer
//! finds):
//! - `from_json_str` and `validate_value` report the same violations;
//! - the `jsonschema` crate on `schema_for` gives the same verdict, and the
//!   same paths, except for the rules JSON Schema cannot express;
//! - a value `from_json_str` returns passes `validate()` and is serde's own,
//!   and a shape violation is one serde gives too, or one desk-schema is
//!   stricter on by design (`Oracle`).

use std::collections::BTreeSet;

use desk_schema::{
    JsonType, Kind, Report, Validate, ValidateIn, from_json_str, schema_for, validate_value,
};
use jsonschema::Validator;
use serde::de::DeserializeOwned;
use serde_json::{Value, json};

use crate::parity::validator_for;

/// Each violation's path and code.
pub type Found = BTreeSet<(String, String)>;

/// The paths and codes of `result`'s violations (none when it passed).
#[must_use]
pub fn found(result: Result<(), desk_schema::Report>) -> Found {
    match result {
        Ok(()) => Found::new(),
        Err(report) => report
            .iter()
            .map(|v| (v.path().to_owned(), v.kind().code().to_owned()))
            .collect(),
    }
}

/// A type's schema, compiled, and its `$defs`: made once per type.
pub struct Prepared {
    /// `schema_for::<T>()`.
    pub schema: Value,
    /// The schema compiled with desk-schema's keywords and formats.
    pub validator: Validator,
    /// The schema's `$defs`, with the root under `#` (`defs_of`).
    pub defs: Value,
}

impl Prepared {
    /// `T`'s schema, compiled.
    #[must_use]
    pub fn of<T: schemars::JsonSchema>() -> Self {
        let schema = schema_for::<T>().to_value();
        let validator = validator_for(&schema);
        let defs = defs_of(&schema);
        Self {
            schema,
            validator,
            defs,
        }
    }
}

/// The same JSON text with each number that is an integer in value
/// (`5.0`, `5e0`, `-0`) written as an integer literal, where one fits in
/// 64 bits: JSON Schema calls such numbers integers, serde does not (a
/// documented gap), so the schema is held to Rust's verdict on that text.
/// `None` when `text` is not JSON.
#[must_use]
pub fn plain(text: &str) -> Option<String> {
    fn integers(value: &mut Value) {
        match value {
            Value::Number(n) if n.is_f64() => {
                let f = n.as_f64().unwrap_or(f64::NAN);
                #[allow(
                    clippy::cast_possible_truncation,
                    clippy::cast_precision_loss,
                    clippy::cast_sign_loss,
                    reason = "only a float equal to the integer it converts to is replaced"
                )]
                if f.fract() == 0.0 {
                    if f >= 0.0 && f < u64::MAX as f64 {
                        *value = Value::from(f as u64);
                    } else if f < 0.0 && f >= i64::MIN as f64 {
                        *value = Value::from(f as i64);
                    }
                }
            }
            Value::Array(items) => items.iter_mut().for_each(integers),
            Value::Object(map) => map.values_mut().for_each(integers),
            _ => {}
        }
    }
    let mut value: Value = serde_json::from_str(text).ok()?;
    integers(&mut value);
    Some(value.to_string())
}

/// Checks `text` on every path (the module's header), panicking with the
/// input where two disagree. `plain` is the same text with its integers
/// written as integers (`plain`); `repeated_key`, whether the text may
/// give a property twice (a `duplicate_key`, which only the walk of the
/// text sees, is then left out of the comparison with `validate_value`).
/// Returns whether the input was rejected.
///
/// # Panics
///
/// Where two paths disagree, naming the type and the input.
#[allow(
    clippy::too_many_lines,
    reason = "the checks of one input, in the order they build on each other"
)]
pub fn check<T: Zoo>(
    name: &str,
    prepared: &Prepared,
    text: &str,
    plain: &str,
    repeated_key: bool,
    oracle: &mut Oracle,
) -> bool {
    let Prepared {
        schema,
        validator,
        defs,
    } = prepared;
    let Ok(value) = serde_json::from_str::<Value>(text) else {
        return unreadable::<T>(name, prepared, text, oracle);
    };

    let typed_result = from_json_str::<T>(text);
    oracle.consult::<T>(name, text, &typed_result);
    let mut from_text = found(typed_result.map(|_| ()));
    if repeated_key {
        from_text.retain(|(_, code)| code != "duplicate_key");
    }
    let from_value = found(validate_value::<T>(&value));
    assert_eq!(
        from_text,
        from_value,
        "{name}: from_json_str and validate_value differ on {}",
        short(text)
    );
    // JSON Schema calls `5.0`, `5e0` and `-0` integers, serde does not
    // (a documented gap): the schema is held to Rust's verdict on the
    // same numbers written as integers.
    let value: Value = serde_json::from_str(plain).unwrap();
    let from_value = found(validate_value::<T>(&value));

    let mut expressible: BTreeSet<&str> = from_value
        .iter()
        .filter(|(_, code)| !NOT_EXPRESSIBLE.contains(&code.as_str()))
        .map(|(path, _)| path.as_str())
        .collect();
    // A map key that breaks `keys(...)`: Rust names the entry, a
    // validator names the map (`propertyNames`; Ajv adds the key in
    // `params.propertyName`). The entry's own path stays only when its
    // value is wrong too.
    let mut key_entries = BTreeSet::new();
    for (path, _) in &from_value {
        let Some((parent, key)) = path.rsplit_once('/') else {
            continue;
        };
        let Some(map) = map_at(schema, defs, parent, Some(&value)) else {
            continue;
        };
        let Some(names) = map.get("propertyNames") else {
            continue;
        };
        let key = crate::pointer::name(key);
        if !validator_for(names).is_valid(&json!(key)) {
            expressible.insert(parent);
            let values = rooted(
                schema,
                map.get("additionalProperties").unwrap_or(&json!({})),
            );
            // The entry's own path stays when the value itself (not
            // something inside it) breaks its schema.
            if value.pointer(path).is_some_and(|v| {
                !validator_for(&values)
                    .iter_errors(v)
                    .any(|e| e.instance_path().as_str().is_empty())
            }) {
                key_entries.insert(path.as_str());
            }
        }
    }
    expressible.retain(|p| !key_entries.contains(p));
    // A repeated item of a `unique` list: Rust names the repeat, JSON
    // Schema's `uniqueItems` names the list.
    for (path, code) in &from_value {
        if code == "duplicate" {
            let list = &path[..path.rfind('/').unwrap_or(0)];
            if schema_at(schema, defs, list, Some(&value))
                .is_some_and(|s| s.get("uniqueItems") == Some(&json!(true)))
            {
                expressible.insert(list);
            }
        }
    }
    // `x-uniqueBy` in the `jsonschema` crate names only the first repeat
    // (one error per custom keyword), and compares keys of any JSON type;
    // the shared corpus holds it to the Rust paths on controlled cases.
    // A value read whole (a `skip` field) that is not its type is one
    // `type` at the value in Rust, where a validator says where inside it
    // (a documented gap).
    let whole_types: Vec<&str> = from_value
        .iter()
        .filter(|(path, code)| code == "type" && read_whole_at(schema, defs, path, Some(&value)))
        .map(|(path, _)| path.as_str())
        .collect();
    let schema_paths: BTreeSet<String> = validator
        .iter_errors(&value)
        .filter(|e| !e.schema_path().as_str().ends_with("/x-uniqueBy"))
        .map(|e| {
            let path = e.instance_path().as_str();
            whole_types
                .iter()
                .find(|w| path.starts_with(&format!("{w}/")))
                .map_or(path, |w| w)
                .to_owned()
        })
        .collect();
    // An `Option` of a nested type is `anyOf: [$ref, null]` in the
    // schema, and a data enum is `oneOf` its variants: a validator
    // reports a failed `anyOf` or `oneOf` at its own path, so the
    // violations below it are said there.
    let options: Vec<String> = schema_paths
        .iter()
        .filter(|p| {
            option_at(schema, defs, p, Some(&value))
                || schema_at(schema, defs, p, Some(&value))
                    .is_some_and(|s| s.get("oneOf").is_some())
        })
        .cloned()
        .collect();
    let expressible: BTreeSet<&str> = expressible
        .into_iter()
        .map(|q| {
            options
                .iter()
                .find(|p| q.starts_with(&format!("{p}/")) || (p.is_empty() && !q.is_empty()))
                .map_or(q, String::as_str)
        })
        .collect();
    // `uniqueItems` also compares items of the wrong type, which Rust
    // reports as `type` (the list is rejected either way).
    let schema_paths: BTreeSet<&str> = schema_paths
        .iter()
        .map(String::as_str)
        .filter(|p| {
            expressible.contains(p)
                || !(schema_at(schema, defs, p, Some(&value))
                    .is_some_and(|s| s.get("uniqueItems").is_some())
                    && from_value
                        .iter()
                        .any(|(q, _)| q.starts_with(&format!("{p}/"))))
        })
        .collect();
    assert_eq!(
        expressible,
        schema_paths,
        "{name}: Rust ({from_value:?}) and the schema disagree on {}",
        short(text)
    );
    !from_value.is_empty()
}

/// [`check`] on text that no `serde_json::Value` holds: a lone surrogate
/// or a number past any double. serde refuses such a value where it reads
/// one and drops it unread elsewhere (a property the type does not have, an
/// adjacently tagged enum's other properties): `from_json_str` refuses what
/// serde refuses, and returns serde's value where serde and `validate()`
/// accept, except where it reads the value whole (`whole_unreadable`).
/// Returns whether the input was rejected.
fn unreadable<T: Zoo>(name: &str, prepared: &Prepared, text: &str, oracle: &mut Oracle) -> bool {
    let ours = from_json_str::<T>(text);
    match (serde_json::from_str::<T>(text), &ours) {
        (Err(_), _) => {
            assert!(
                ours.is_err(),
                "{name}: serde refuses, from_json_str accepts: {}",
                short(text)
            );
            oracle.serde_refuses_too += 1;
        }
        (Ok(by_serde), Ok(v)) => {
            assert_eq!(v, &by_serde, "{name}: not serde's value on {}", short(text));
            assert!(
                by_serde.validate().is_ok(),
                "{name}: validate() refuses what from_json_str accepts: {}",
                short(text)
            );
            oracle.same += 1;
        }
        (Ok(by_serde), Err(report)) => {
            // Read whole where serde drops it, or stricter than serde on
            // purpose elsewhere in the text (a set's repeat beside a
            // `1e400` serde drops).
            let whole = whole_unreadable(prepared, report)
                || stricter_on_purpose(report, text, Some(&by_serde));
            assert!(
                whole || by_serde.validate().is_err(),
                "{name}: from_json_str refuses ({report}) what serde and validate() accept: {}",
                short(text)
            );
            if whole {
                oracle.stricter += 1;
            } else {
                oracle.rules += 1;
            }
        }
    }
    ours.is_err()
}

/// Whether `report` is one unreadable value (`unpaired_surrogate`, or
/// `range` for a number past any double) where the schema marks it, or a
/// value that holds it, `x-readWhole`: refused by the walk, which reads
/// such a value whole, where serde may drop it unread (docs/derive.md).
#[must_use]
pub fn whole_unreadable(prepared: &Prepared, report: &desk_schema::Report) -> bool {
    report.len() == 1
        && report.iter().all(|v| {
            matches!(v.code(), "unpaired_surrogate" | "range")
                && read_whole_at(&prepared.schema, &prepared.defs, v.path(), None)
        })
}

/// Whether the schema marks the value at `pointer`, or one that holds it,
/// `x-readWhole`.
fn read_whole_at(schema: &Value, defs: &Value, pointer: &str, document: Option<&Value>) -> bool {
    schemas_to(schema, defs, pointer, document)
        .0
        .iter()
        .any(|node| node.get("x-readWhole") == Some(&json!(true)))
}

/// The schema's `$defs`, with the schema itself under `#`: a recursive
/// type refers to itself as `{"$ref": "#"}`.
#[must_use]
pub fn defs_of(schema: &Value) -> Value {
    let mut defs = schema.get("$defs").cloned().unwrap_or(json!({}));
    defs["#"] = schema.clone();
    defs
}

/// `part` of `schema` as a schema of its own: with the `$defs`, and with
/// the root (which a recursive type names as `#`) as one of them.
fn rooted(schema: &Value, part: &Value) -> Value {
    fn rewrite(value: &mut Value) {
        match value {
            Value::Object(map) => {
                if map.get("$ref") == Some(&json!("#")) {
                    map.insert("$ref".into(), json!("#/$defs/__root"));
                }
                map.values_mut().for_each(rewrite);
            }
            Value::Array(items) => items.iter_mut().for_each(rewrite),
            _ => {}
        }
    }
    let mut root = schema.clone();
    let mut defs = root
        .as_object_mut()
        .and_then(|o| o.remove("$defs"))
        .unwrap_or(json!({}));
    defs["__root"] = root;
    let mut out = part.clone();
    out["$defs"] = defs;
    rewrite(&mut out);
    out
}

/// The schema of the value at `pointer`, through `properties`, `items`, a
/// map's `additionalProperties`, `$ref` and the non-null branch of an
/// `Option`'s `anyOf`.
fn schema_at<'a>(
    schema: &'a Value,
    defs: &'a Value,
    pointer: &str,
    document: Option<&Value>,
) -> Option<&'a Value> {
    match schemas_to(schema, defs, pointer, document) {
        (seen, true) => seen.last().copied(),
        (_, false) => None,
    }
}

/// The schema of the map at `pointer`: the one [`schema_at`] gives, or,
/// where that is a data enum (an untagged one's map variant), its variant
/// that has `propertyNames`.
fn map_at<'a>(
    schema: &'a Value,
    defs: &'a Value,
    pointer: &str,
    document: Option<&Value>,
) -> Option<&'a Value> {
    let here = schema_at(schema, defs, pointer, document)?;
    if here.get("propertyNames").is_some() {
        return Some(here);
    }
    variants(here)?
        .into_iter()
        .map(|variant| resolved(variant, schema, defs, &mut Vec::new()))
        .find(|variant| variant.get("propertyNames").is_some())
}

/// `s` with each `$ref` followed (`#` is the root, which a recursive type
/// names itself by) and an `Option`'s `anyOf` taken as its value; each
/// schema on the way pushed to `seen`.
fn resolved<'a>(
    mut s: &'a Value,
    schema: &'a Value,
    defs: &'a Value,
    seen: &mut Vec<&'a Value>,
) -> &'a Value {
    loop {
        seen.push(s);
        if let Some(r) = s.get("$ref").and_then(Value::as_str) {
            s = if r == "#" {
                schema
            } else {
                &defs[r.trim_start_matches("#/$defs/")]
            };
        } else if let Some(branches) = s.get("anyOf").and_then(Value::as_array) {
            match branches
                .iter()
                .find(|b| b.get("type") != Some(&json!("null")))
            {
                Some(b) => s = b,
                None => return s,
            }
        } else {
            return s;
        }
    }
}

/// Every schema [`schema_at`] passes through on its way to `pointer`: each
/// step's, and each `$ref` and `anyOf` branch it follows from there; and
/// whether it got there (not where a step names nothing the schema has).
/// With the `document`, a data enum's variant is the one whose tag the
/// document gives there (the functions that walk through this one take it
/// too, `None` where no `serde_json::Value` holds the text).
fn schemas_to<'a>(
    schema: &'a Value,
    defs: &'a Value,
    pointer: &str,
    document: Option<&Value>,
) -> (Vec<&'a Value>, bool) {
    let resolve = |s: &'a Value, seen: &mut Vec<&'a Value>| resolved(s, schema, defs, seen);
    let mut seen = Vec::new();
    let mut here = resolve(schema, &mut seen);
    let mut instance = document;
    for token in pointer.split('/').skip(1) {
        let name = crate::pointer::name(token);
        // A data enum: the variant whose condition (its tag) the document
        // meets here; without the document, or where no condition is
        // read, the variant that has this property or items, else one
        // that is a map, whose entry this is.
        if let Some(branches) = conditional_variants(here) {
            let tagged = instance.and_then(|v| {
                branches
                    .iter()
                    .find(|(condition, _)| holds(condition, v) == Some(true))
            });
            let branches: Vec<&Value> = branches
                .iter()
                .map(|(_, b)| resolve(b, &mut Vec::new()))
                .collect();
            let named = branches.iter().find(|b| {
                b.get("properties").and_then(|p| p.get(&name)).is_some()
                    || (token.parse::<usize>().is_ok() && b.get("items").is_some())
            });
            let map = || {
                branches
                    .iter()
                    .find(|b| b.get("additionalProperties").is_some_and(Value::is_object))
            };
            if let Some((_, branch)) = tagged {
                here = resolve(branch, &mut Vec::new());
            } else if let Some(branch) = named.or_else(map) {
                here = branch;
            }
        }
        instance = instance.and_then(|v| match v {
            Value::Object(map) => map.get(&name),
            Value::Array(items) => token.parse::<usize>().ok().and_then(|i| items.get(i)),
            _ => None,
        });
        let next = if token.parse::<usize>().is_ok() && here.get("items").is_some() {
            &here["items"]
        } else if let Some(field) = here.get("properties").and_then(|p| p.get(&name)) {
            field
        } else {
            // A map's entry: its values' schema.
            match here.get("additionalProperties").filter(|v| v.is_object()) {
                Some(values) => values,
                None => return (seen, false),
            }
        };
        here = resolve(next, &mut seen);
    }
    (seen, true)
}

/// A data enum's variants: the `then` of each `if`/`then` in its `allOf`.
#[must_use]
pub fn variants(schema: &Value) -> Option<Vec<&Value>> {
    Some(
        conditional_variants(schema)?
            .into_iter()
            .map(|(_, then)| then)
            .collect(),
    )
}

/// A data enum's variants, each with its condition: the `if` and the
/// `then` of each part of its `allOf`.
fn conditional_variants(schema: &Value) -> Option<Vec<(&Value, &Value)>> {
    let parts = schema.get("allOf")?.as_array()?;
    parts
        .iter()
        .map(|p| Some((p.get("if")?, p.get("then")?)))
        .collect()
}

/// Whether `instance` meets a variant's condition as the derive writes it
/// (`type: object`, `required`, and `properties` of `const`s, or of `enum`s
/// where the variant has aliases: a tag); `None` for a condition with
/// anything else in it, which this does not read.
fn holds(condition: &Value, instance: &Value) -> Option<bool> {
    let mut met = true;
    for (keyword, value) in condition.as_object()? {
        met &= match keyword.as_str() {
            "type" if value == "object" => instance.is_object(),
            "required" => value
                .as_array()?
                .iter()
                .all(|name| name.as_str().is_some_and(|n| instance.get(n).is_some())),
            "properties" => {
                let mut all = true;
                for (name, property) in value.as_object()? {
                    let allowed = property.as_object()?;
                    let tags: Vec<&Value> = match (allowed.len(), allowed.get("const")) {
                        (1, Some(constant)) => vec![constant],
                        (1, None) => allowed.get("enum")?.as_array()?.iter().collect(),
                        _ => return None,
                    };
                    all &= instance.get(name).is_none_or(|v| tags.contains(&v));
                }
                all
            }
            _ => return None,
        };
    }
    Some(met)
}

/// Whether the schema at `pointer` is an `Option`'s `anyOf` with `null`:
/// the node its last step reaches before any `$ref` is followed (an
/// object's property, a list's items, a map's values; a data enum's
/// variant's property), as [`schemas_to`] walks it.
fn option_at(schema: &Value, defs: &Value, pointer: &str, document: Option<&Value>) -> bool {
    // The root's node is the schema itself (a newtype over an `Option`).
    let before = pointer.rsplit_once('/').map_or(0, |(parent, _)| {
        schemas_to(schema, defs, parent, document).0.len()
    });
    let (all, reached) = schemas_to(schema, defs, pointer, document);
    reached
        && all
            .get(before)
            .is_some_and(|node| node.get("anyOf").is_some())
}

/// The codes of rules that JSON Schema cannot express, stated in the
/// schema's `description` instead (see desk-schema/docs/derive.md).
/// A `custom` rule is a function, stated in the schema's `description` only;
/// the random types' (`tests/random/`) report the code `custom`.
const NOT_EXPRESSIBLE: &[&str] = &["duplicate", "duplicate_key", "custom"];

/// An input cut to a readable length for a failure message.
fn short(text: &str) -> String {
    if text.chars().count() <= 400 {
        return text.to_owned();
    }
    let head: String = text.chars().take(400).collect();
    format!("{head}... ({} bytes)", text.len())
}

/// Whether the number at `path` in `text` is `-0`.
fn negative_zero(text: &str, path: &str) -> bool {
    at(text, path)
        .as_ref()
        .and_then(Value::as_f64)
        .is_some_and(|f| f == 0.0 && f.is_sign_negative())
}

/// Whether the value at `path` in `text` is an object of one property whose
/// value is `null`, or an empty object: an externally tagged unit variant as
/// serde also reads it (`{"Skip": null}`; `{"Skip": {}}` where serde buffers
/// the content around it; with a `#[serde(other)]` variant, any name). Asked
/// only of a `type` violation that found an object where the paths take
/// none, so never of a struct variant or a map, which take objects.
fn unit_as_object(text: &str, path: &str) -> bool {
    let unit = |v: &Value| v.is_null() || v.as_object().is_some_and(serde_json::Map::is_empty);
    at(text, path)
        .as_ref()
        .and_then(Value::as_object)
        .is_some_and(|o| o.len() == 1 && o.values().all(unit))
}

/// The value at `path` in `text`, when `text` is JSON and has one there.
fn at(text: &str, path: &str) -> Option<Value> {
    serde_json::from_str::<Value>(text)
        .ok()
        .and_then(|mut v| v.pointer_mut(path).map(Value::take))
}

/// What serde, as the oracle, said of the differential's inputs.
#[derive(Debug, Default)]
pub struct Oracle {
    /// Accepted, and serde returns the same value.
    pub same: usize,
    /// Refused with shape violations only, and serde refuses too.
    pub serde_refuses_too: usize,
    /// Refused where desk-schema is stricter than serde on purpose.
    pub stricter: usize,
    /// Refused for a rule, which serde does not know.
    pub rules: usize,
}

impl Oracle {
    /// Adds `other`'s counts to these (the differential runs its types on
    /// several threads, each with its own oracle).
    pub fn merge(&mut self, other: &Oracle) {
        self.same += other.same;
        self.serde_refuses_too += other.serde_refuses_too;
        self.stricter += other.stricter;
        self.rules += other.rules;
    }

    /// Holds `from_json_str`'s answer on `text` to serde's.
    ///
    /// # Panics
    ///
    /// Where they disagree other than on purpose, naming the type and `text`.
    pub fn consult<T>(
        &mut self,
        name: &str,
        text: &str,
        typed_result: &Result<T, desk_schema::Report>,
    ) where
        T: Validate + DeserializeOwned + PartialEq + std::fmt::Debug,
    {
        let by_serde = serde_json::from_str::<T>(text);
        match typed_result {
            Ok(v) => {
                assert!(
                    v.validate().is_ok(),
                    "{name}: from_json_str accepted but validate() fails: {text}"
                );
                assert_eq!(
                    Some(v),
                    by_serde.as_ref().ok(),
                    "{name}: from_json_str returned what serde does not, on {text}"
                );
                self.same += 1;
            }
            Err(report) if report.iter().all(|v| v.kind().is_shape()) => {
                let on_purpose = stricter_on_purpose(report, text, by_serde.as_ref().ok());
                assert!(
                    by_serde.is_err() || on_purpose,
                    "{name}: a shape error ({report}) where serde reads {text}"
                );
                if by_serde.is_err() {
                    self.serde_refuses_too += 1;
                } else {
                    self.stricter += 1;
                }
            }
            Err(_) => self.rules += 1,
        }
    }
}

/// Whether `report` on `text` is stricter than serde on purpose
/// (docs/derive.md): a repeated key, which serde resolves silently, a
/// set's repeated item, a struct written as an array, `-0` for a 128-bit
/// integer, an external unit variant written as an object (`{"Skip":
/// null}`), a tag written as a variant's number, or as an object beside a
/// `#[serde(other)]` variant (serde reads a string field from neither: only
/// a tag, where it buffers the content, is read so), or an absent field
/// whose default breaks its rules (`by_serde`: serde's value, if it read
/// one).
fn stricter_on_purpose<T: Validate>(report: &Report, text: &str, by_serde: Option<&T>) -> bool {
    report.iter().any(|v| match v.kind() {
        Kind::DuplicateKey { .. } | Kind::Duplicate { .. } => true,
        Kind::Type { expected, found } => {
            (*found == JsonType::Array && expected.contains("object"))
                || (*found == JsonType::Number && negative_zero(text, v.path()))
                || (*found == JsonType::Object && unit_as_object(text, v.path()))
                || (*expected == "string" && matches!(found, JsonType::Integer | JsonType::Object))
        }
        _ => false,
    }) || (report.iter().all(|v| v.code() == "required")
        && by_serde.is_some_and(|v| v.validate().is_err()))
}

/// What the tests ask of a zoo type: every path, and serde's value to
/// compare with.
pub trait Zoo:
    Validate
    + ValidateIn<<Self as Validate>::Context>
    + DeserializeOwned
    + schemars::JsonSchema
    + PartialEq
    + std::fmt::Debug
{
}

impl<T> Zoo for T where
    T: Validate
        + ValidateIn<<T as Validate>::Context>
        + DeserializeOwned
        + schemars::JsonSchema
        + PartialEq
        + std::fmt::Debug
{
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::option_at;

    /// A tag written as a variant's number, which serde reads where it
    /// buffers the content (an internally tagged enum inside an untagged
    /// one) and every desk-schema path refuses (`type`): stricter on
    /// purpose, as docs/derive.md says, so the oracle counts it so.
    #[test]
    fn a_tag_written_as_a_number_is_stricter_on_purpose() {
        #[derive(Debug, PartialEq, serde::Deserialize, desk_schema::Validate)]
        #[serde(tag = "t")]
        enum Tagged {
            A,
            B {
                #[desk(max_bytes = 3)]
                b: String,
            },
        }
        #[derive(Debug, PartialEq, serde::Deserialize, desk_schema::Validate)]
        #[serde(untagged)]
        enum Either {
            Tagged(#[desk(nested)] Tagged),
            Count(#[desk(range(max = 9))] u32),
        }
        let mut oracle = super::Oracle::default();
        for text in [r#"{"t": 1, "b": "x"}"#, r#"{"t": 0}"#] {
            assert!(serde_json::from_str::<Either>(text).is_ok(), "{text}");
            oracle.consult::<Either>("Either", text, &desk_schema::from_json_str(text));
        }
        assert_eq!(oracle.stricter, 2);
    }

    /// Under adjacently tagged content every variant has the content's
    /// property: the variant is the one the document's tag names (without
    /// the document, the first that has the property, which is not it).
    #[test]
    fn a_variant_is_the_one_the_tag_names() {
        let option = json!({"anyOf": [{"$ref": "#/$defs/Leaf"}, {"type": "null"}]});
        let defs = json!({"Leaf": {"type": "object", "properties": {"a": {"type": "string"}}}});
        let tag = |t: &str| json!({"type": "object", "required": ["t"], "properties": {"t": {"const": t}}});
        let schema = json!({"allOf": [
            {"if": tag("A"), "then": {"properties": {"t": {"const": "A"},
                "c": {"type": "object", "properties": {"inner": {"type": "string"}}}}}},
            {"if": tag("B"), "then": {"properties": {"t": {"const": "B"},
                "c": {"type": "object", "properties": {"inner": option}}}}}
        ]});
        let b = json!({"t": "B", "c": {"inner": null}});
        let a = json!({"t": "A", "c": {"inner": "x"}});
        assert!(option_at(&schema, &defs, "/c/inner", Some(&b)));
        assert!(!option_at(&schema, &defs, "/c/inner", Some(&a)));
        assert!(!option_at(&schema, &defs, "/c/inner", None));
        // A tag no variant has: the first that has the property, as
        // without the document.
        assert!(!option_at(
            &schema,
            &defs,
            "/c/inner",
            Some(&json!({"t": "Z", "c": {}}))
        ));
    }

    /// An `Option`'s `anyOf` is found wherever a step reaches it: a
    /// property, a list's items, a map's values, a data enum's variant's
    /// property (helper-146's random types held the last two, where the
    /// fold missed them and the comparison failed on right answers).
    #[test]
    fn an_option_is_found_at_every_kind_of_step() {
        let option = json!({"anyOf": [{"$ref": "#/$defs/Leaf"}, {"type": "null"}]});
        let defs = json!({"Leaf": {"type": "object", "properties": {"a": {"type": "string"}}}});
        let schema = json!({
            "type": "object",
            "properties": {
                "field": option,
                "list": {"type": "array", "items": option},
                "map": {"type": "object", "additionalProperties": option},
                "plain": {"$ref": "#/$defs/Leaf"},
                "variant": {"allOf": [
                    {"if": {"properties": {"t": {"const": "A"}}},
                     "then": {"properties": {"t": {"const": "A"}, "c": {"type": "string"}}}},
                    {"if": {"properties": {"t": {"const": "B"}}},
                     "then": {"properties": {"t": {"const": "B"}, "inner": option}}}
                ]}
            }
        });
        for pointer in ["/field", "/list/3", "/map/k~1ey", "/variant/inner"] {
            assert!(option_at(&schema, &defs, pointer, None), "{pointer}");
        }
        for pointer in ["/plain", "/field/a", "/variant/c", "/missing", ""] {
            assert!(!option_at(&schema, &defs, pointer, None), "{pointer}");
        }
        // The root itself (a newtype over an `Option`, helper-150's random
        // types: the fold never looked there).
        let root = json!({"anyOf": [{"$ref": "#/$defs/Leaf"}, {"type": "null"}], "$defs": defs});
        assert!(option_at(&root, &defs, "", None));
        assert!(!option_at(&root, &defs, "/a", None));
    }

    /// A tag with aliases is an `enum` of its names in the variant's
    /// condition: the variant is found by any of them (helper-150's random
    /// types: an aliased adjacently tagged variant was passed over for the
    /// first with the content's property).
    #[test]
    fn a_variant_is_found_by_its_alias_too() {
        let option = json!({"anyOf": [{"$ref": "#/$defs/Leaf"}, {"type": "null"}]});
        let defs = json!({"Leaf": {"type": "object", "properties": {"a": {"type": "string"}}}});
        let tag = |names: serde_json::Value| json!({"type": "object", "required": ["t"], "properties": {"t": names}});
        let schema = json!({"allOf": [
            {"if": tag(json!({"const": "V1"})), "then": {"properties": {"c": {"type": "string"}}}},
            {"if": tag(json!({"enum": ["V2", "al2"]})), "then": {"properties": {"c": option}}}
        ]});
        for name in ["V2", "al2"] {
            let document = json!({"t": name, "c": {"a": 1}});
            assert!(option_at(&schema, &defs, "/c", Some(&document)), "{name}");
        }
        let first = json!({"t": "V1", "c": "x"});
        assert!(!option_at(&schema, &defs, "/c", Some(&first)));
    }
}
