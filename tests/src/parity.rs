//! The committed request schema run through an independent validator (the
//! `jsonschema` crate, with `x-maxBytes`/`x-minBytes` registered), and the
//! shared corpus, so the Rust checks and the schema can be compared.

use std::collections::BTreeSet;
use std::path::Path;

use desk_schema::create_group::CreateGroupRequest;
use jsonschema::paths::{LazyLocation, Location};
use jsonschema::{Keyword, ValidationError, Validator};
use serde::Deserialize;
use serde_json::{Map, Value};

/// The repository's root.
pub fn root() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
}

/// One case of `corpus/create_group.requests.jsonl`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Case {
    /// What the case shows.
    pub name: String,
    /// The request body.
    pub request: Value,
    /// The expected verdict.
    pub valid: bool,
    /// The JSON Pointers of the expected violations.
    pub paths: BTreeSet<String>,
    /// False when the rule at stake is one JSON Schema cannot express.
    pub expressible: bool,
}

/// Every case of the corpus.
pub fn corpus() -> Vec<Case> {
    let text = std::fs::read_to_string(root().join("corpus/create_group.requests.jsonl"))
        .expect("corpus/create_group.requests.jsonl");
    text.lines()
        .enumerate()
        .map(|(i, line)| {
            serde_json::from_str(line).unwrap_or_else(|e| panic!("corpus line {}: {e}", i + 1))
        })
        .collect()
}

/// A byte limit as the `jsonschema` crate runs a custom keyword.
struct ByteLimit {
    limit: usize,
    max: bool,
}

impl Keyword for ByteLimit {
    fn validate<'i>(
        &self,
        instance: &'i Value,
        location: &LazyLocation,
    ) -> Result<(), ValidationError<'i>> {
        if self.is_valid(instance) {
            Ok(())
        } else {
            Err(ValidationError::custom(
                Location::new(),
                location.into(),
                instance,
                "byte limit",
            ))
        }
    }

    fn is_valid(&self, instance: &Value) -> bool {
        match instance.as_str() {
            Some(s) if self.max => s.len() <= self.limit,
            Some(s) => s.len() >= self.limit,
            None => true,
        }
    }
}

fn byte_keyword(
    max: bool,
    value: &Value,
    location: Location,
) -> Result<Box<dyn Keyword>, ValidationError<'_>> {
    let limit = value
        .as_u64()
        .and_then(|n| usize::try_from(n).ok())
        .ok_or_else(|| {
            ValidationError::custom(
                Location::new(),
                location,
                value,
                "a byte limit is a whole number",
            )
        })?;
    Ok(Box::new(ByteLimit { limit, max }))
}

fn max_bytes<'a>(
    _: &'a Map<String, Value>,
    value: &'a Value,
    location: Location,
) -> Result<Box<dyn Keyword>, ValidationError<'a>> {
    byte_keyword(true, value, location)
}

fn min_bytes<'a>(
    _: &'a Map<String, Value>,
    value: &'a Value,
    location: Location,
) -> Result<Box<dyn Keyword>, ValidationError<'a>> {
    byte_keyword(false, value, location)
}

/// The committed request schema, compiled with the two byte keywords.
pub fn request_validator() -> Validator {
    let text = std::fs::read_to_string(
        root().join("desk-schema/schemas/create_group.request.schema.json"),
    )
    .unwrap();
    let schema: Value = serde_json::from_str(&text).unwrap();
    validator_for(&schema)
}

/// Any desk-schema schema, compiled with the two byte keywords.
pub fn validator_for(schema: &Value) -> Validator {
    jsonschema::options()
        .with_keyword("x-maxBytes", max_bytes)
        .with_keyword("x-minBytes", min_bytes)
        .build(schema)
        .expect("the schema compiles")
}

/// The instance paths at which the schema reports errors.
pub fn schema_paths(validator: &Validator, instance: &Value) -> BTreeSet<String> {
    validator
        .iter_errors(instance)
        .map(|e| e.instance_path().as_str().to_owned())
        .collect()
}

/// The paths at which the Rust check reports violations on raw JSON.
pub fn rust_paths(instance: &Value) -> BTreeSet<String> {
    desk_schema::validate_value::<CreateGroupRequest>(instance)
        .err()
        .map(|r| r.iter().map(|v| v.path().to_owned()).collect())
        .unwrap_or_default()
}
