//! The committed request schema run through an independent validator (the
//! `jsonschema` crate, with every `x-` keyword registered), and the
//! shared corpus, so the Rust checks and the schema can be compared.

use std::collections::BTreeSet;
use std::path::Path;

use desk_schema::create_group::CreateGroupRequest;
use jsonschema::paths::{LazyLocation, Location};
use jsonschema::{Keyword, ValidationError, Validator};
use serde::Deserialize;
use serde_json::{Map, Value};

/// The repository's root.
#[must_use]
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
///
/// # Panics
///
/// When the corpus cannot be read: the test needs it.
#[must_use]
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

/// How a string is measured by a length keyword.
#[derive(Clone, Copy)]
enum Measure {
    Bytes,
    Graphemes,
    Utf16,
}

/// `x-maxBytes`, `x-minBytes`, `x-maxGraphemes`, `x-minGraphemes`,
/// `x-maxUtf16`, `x-minUtf16`.
struct Length {
    limit: usize,
    max: bool,
    measure: Measure,
}

/// The error of a custom keyword, at `location`.
fn failed<'i>(instance: &'i Value, location: Location, keyword: &str) -> ValidationError<'i> {
    ValidationError::custom(Location::new(), location, instance, keyword)
}

impl Keyword for Length {
    fn validate<'i>(
        &self,
        instance: &'i Value,
        location: &LazyLocation,
    ) -> Result<(), ValidationError<'i>> {
        if self.is_valid(instance) {
            Ok(())
        } else {
            Err(failed(instance, location.into(), "length"))
        }
    }

    fn is_valid(&self, instance: &Value) -> bool {
        let Some(s) = instance.as_str() else {
            return true;
        };
        let n = match self.measure {
            Measure::Bytes => s.len(),
            Measure::Graphemes => {
                unicode_segmentation::UnicodeSegmentation::graphemes(s, true).count()
            }
            Measure::Utf16 => s.encode_utf16().count(),
        };
        if self.max {
            n <= self.limit
        } else {
            n >= self.limit
        }
    }
}

fn length(
    value: &Value,
    location: Location,
    max: bool,
    measure: Measure,
) -> Result<Box<dyn Keyword>, ValidationError<'_>> {
    let limit = value
        .as_u64()
        .and_then(|n| usize::try_from(n).ok())
        .ok_or_else(|| failed(value, location, "a length limit is a whole number"))?;
    Ok(Box::new(Length {
        limit,
        max,
        measure,
    }))
}

/// `x-uniqueBy: KEY`: no two object items with the same `KEY`. The
/// `jsonschema` crate takes one error per keyword: the first repeat, at
/// `/<index>/KEY` as desk-schema reports it, with the keyword's own schema
/// location (the zoo's differential test sets these errors aside).
struct UniqueBy(String, Location);

impl UniqueBy {
    fn first_repeat(&self, instance: &Value) -> Option<usize> {
        let items = instance.as_array()?;
        let mut seen = std::collections::HashSet::new();
        items
            .iter()
            .enumerate()
            .find(|(_, item)| {
                // An item without the key (absent, or null) has none.
                item.get(&self.0)
                    .filter(|key| !key.is_null())
                    .is_some_and(|key| !seen.insert(key))
            })
            .map(|(i, _)| i)
    }
}

impl Keyword for UniqueBy {
    fn validate<'i>(
        &self,
        instance: &'i Value,
        location: &LazyLocation,
    ) -> Result<(), ValidationError<'i>> {
        match self.first_repeat(instance) {
            None => Ok(()),
            Some(i) => {
                let item = location.push(i);
                Err(ValidationError::custom(
                    self.1.clone(),
                    (&item.push(&self.0)).into(),
                    instance,
                    "x-uniqueBy",
                ))
            }
        }
    }

    fn is_valid(&self, instance: &Value) -> bool {
        self.first_repeat(instance).is_none()
    }
}

/// `x-maxMemberCount`: the number in `max` not below the items of `members`
/// (each `account` once), plus the `owner` when no item's `account` is the
/// owner.
struct MaxMemberCount {
    max: String,
    members: String,
    account: String,
    owner: String,
}

impl Keyword for MaxMemberCount {
    fn validate<'i>(
        &self,
        instance: &'i Value,
        location: &LazyLocation,
    ) -> Result<(), ValidationError<'i>> {
        if self.is_valid(instance) {
            Ok(())
        } else {
            let at = location.push(&self.max);
            Err(failed(instance, (&at).into(), "x-maxMemberCount"))
        }
    }

    fn is_valid(&self, instance: &Value) -> bool {
        let (Some(max), Some(Value::Array(members))) = (
            instance.get(&self.max).and_then(Value::as_u64),
            instance.get(&self.members),
        ) else {
            return true;
        };
        if max == 0 || max > u64::from(u32::MAX) {
            return true;
        }
        // Each account once, each item without one as one.
        let accounts: Vec<Option<&str>> = members
            .iter()
            .map(|m| m.get(&self.account).and_then(Value::as_str))
            .collect();
        let read: std::collections::BTreeSet<&str> = accounts.iter().flatten().copied().collect();
        let unread = accounts.iter().filter(|a| a.is_none()).count();
        let owner_extra = instance
            .get(&self.owner)
            .and_then(Value::as_str)
            .is_some_and(|o| !read.contains(o));
        max >= (read.len() + unread + usize::from(owner_extra)) as u64
    }
}

/// `x-typeRange` (the bounds of the Rust integer type) and `x-prefix`,
/// `x-suffix`, `x-contains`, `x-pattern` (the text beside a text rule's
/// `pattern`): annotations.
struct Annotation;

impl Keyword for Annotation {
    fn validate<'i>(&self, _: &'i Value, _: &LazyLocation) -> Result<(), ValidationError<'i>> {
        Ok(())
    }

    fn is_valid(&self, _: &Value) -> bool {
        true
    }
}

type Factory = for<'a> fn(
    &'a Map<String, Value>,
    &'a Value,
    Location,
) -> Result<Box<dyn Keyword>, ValidationError<'a>>;

/// Every `x-` keyword desk-schema writes, as the npm package's
/// `addDeskKeywords` registers them for Ajv.
const KEYWORDS: &[(&str, Factory)] = &[
    ("x-maxBytes", |_, v, l| length(v, l, true, Measure::Bytes)),
    ("x-minBytes", |_, v, l| length(v, l, false, Measure::Bytes)),
    ("x-maxGraphemes", |_, v, l| {
        length(v, l, true, Measure::Graphemes)
    }),
    ("x-minGraphemes", |_, v, l| {
        length(v, l, false, Measure::Graphemes)
    }),
    ("x-maxUtf16", |_, v, l| length(v, l, true, Measure::Utf16)),
    ("x-minUtf16", |_, v, l| length(v, l, false, Measure::Utf16)),
    ("x-uniqueBy", |_, v, l| match v.as_str() {
        Some(key) => Ok(Box::new(UniqueBy(key.to_owned(), l))),
        None => Err(failed(v, l, "x-uniqueBy names a property")),
    }),
    ("x-maxMemberCount", |_, v, l| {
        let name = |k: &str| v.get(k).and_then(Value::as_str).map(str::to_owned);
        match (name("max"), name("members"), name("account"), name("owner")) {
            (Some(max), Some(members), Some(account), Some(owner)) => {
                Ok(Box::new(MaxMemberCount {
                    max,
                    members,
                    account,
                    owner,
                }))
            }
            _ => Err(failed(v, l, "x-maxMemberCount names four properties")),
        }
    }),
    ("x-typeRange", |_, _, _| Ok(Box::new(Annotation))),
    ("x-prefix", |_, _, _| Ok(Box::new(Annotation))),
    ("x-suffix", |_, _, _| Ok(Box::new(Annotation))),
    ("x-contains", |_, _, _| Ok(Box::new(Annotation))),
    ("x-pattern", |_, _, _| Ok(Box::new(Annotation))),
    ("x-maxChars", |_, _, _| Ok(Box::new(Annotation))),
    ("x-minChars", |_, _, _| Ok(Box::new(Annotation))),
];

/// The committed request schema, compiled with every `x-` keyword.
///
/// # Panics
///
/// When the committed schema cannot be read or compiled.
#[must_use]
pub fn request_validator() -> Validator {
    let text = std::fs::read_to_string(
        root().join("desk-schema/schemas/create_group.request.schema.json"),
    )
    .unwrap();
    let schema: Value = serde_json::from_str(&text).unwrap();
    validator_for(&schema)
}

/// Any desk-schema schema, compiled with every `x-` keyword and desk-schema's
/// formats (ajv-formats' "full" definitions, as the package registers them
/// for Ajv), checked.
///
/// # Panics
///
/// When `schema` does not compile.
#[must_use]
pub fn validator_for(schema: &Value) -> Validator {
    use desk_schema::rules::format::Format;
    let options = KEYWORDS
        .iter()
        .fold(jsonschema::options(), |options, (name, factory)| {
            options.with_keyword(*name, *factory)
        });
    let options = Format::ALL
        .into_iter()
        .fold(options, |options, f| {
            options.with_format(f.name(), move |s: &str| f.matches(s))
        })
        .should_validate_formats(true);
    options.build(schema).expect("the schema compiles")
}

/// The instance paths at which the schema reports errors.
#[must_use]
pub fn schema_paths(validator: &Validator, instance: &Value) -> BTreeSet<String> {
    validator
        .iter_errors(instance)
        .map(|e| e.instance_path().as_str().to_owned())
        .collect()
}

/// The paths at which the Rust check reports violations on raw JSON.
#[must_use]
pub fn rust_paths(instance: &Value) -> BTreeSet<String> {
    desk_schema::validate_value::<CreateGroupRequest>(instance)
        .err()
        .map(|r| r.iter().map(|v| v.path().to_owned()).collect())
        .unwrap_or_default()
}
