//! Reading JSON text into a `serde_json::Value` without losing anything
//! silently: a property given twice is reported (serde_json's `Value` would
//! keep the last one without a word), and a parse error is placed at the JSON
//! path where it happened.

use core::fmt;

use serde::de::{DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Number, Value};

use crate::{Kind, Report, Violation};

/// A step of the path being read.
enum Step {
    Key(String),
    Index(usize),
}

/// What the reader learns besides the value.
#[derive(Default)]
struct Notes {
    path: Vec<Step>,
    /// Duplicate properties: the pointer of their object, and the name.
    duplicates: Vec<(String, String)>,
    /// Where the first error happened.
    error_at: Option<String>,
}

impl Notes {
    fn pointer(&self) -> String {
        let mut out = String::new();
        for step in &self.path {
            out.push('/');
            match step {
                Step::Key(k) => crate::path::escape_into(&mut out, k),
                Step::Index(i) => out.push_str(&i.to_string()),
            }
        }
        out
    }
}

/// The outcome of reading text: the value and the violations found on the way.
pub(crate) struct Read {
    pub value: Option<Value>,
    pub report: Report,
}

/// Reads `text`, reporting duplicate properties (`duplicate_key`, at their
/// object) and a syntax error (`syntax`, or `range` for a number too large
/// for any JSON number type, at the number's path).
pub(crate) fn read(text: &str) -> Read {
    let mut notes = Notes::default();
    let mut de = serde_json::Deserializer::from_str(text);
    let result = ValueSeed { notes: &mut notes }
        .deserialize(&mut de)
        .and_then(|v| de.end().map(|()| v));
    let mut report = Report::new();
    for (at, property) in notes.duplicates {
        report.push_violation(Violation::new(at, Kind::DuplicateKey { property }));
    }
    match result {
        Ok(value) => Read {
            value: Some(value),
            report,
        },
        Err(e) => {
            let reason = crate::json::reason(&e);
            let violation = if reason == "number out of range" {
                Violation::new(
                    notes.error_at.unwrap_or_default(),
                    Kind::Range {
                        min: None,
                        max: None,
                        actual: None,
                    },
                )
            } else {
                crate::json::syntax(&e)
            };
            report.push_violation(violation);
            Read {
                value: None,
                report,
            }
        }
    }
}

struct ValueSeed<'n> {
    notes: &'n mut Notes,
}

impl<'de> DeserializeSeed<'de> for ValueSeed<'_> {
    type Value = Value;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        let notes = self.notes;
        let result = deserializer.deserialize_any(ValueVisitor { notes: &mut *notes });
        if result.is_err() && notes.error_at.is_none() {
            notes.error_at = Some(notes.pointer());
        }
        result
    }
}

struct ValueVisitor<'n> {
    notes: &'n mut Notes,
}

impl<'de> Visitor<'de> for ValueVisitor<'_> {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }

    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::from(v))
    }

    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(Value::from(v))
    }

    fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<Value, E> {
        Number::from_f64(v)
            .map(Value::Number)
            .ok_or_else(|| E::custom("number out of range"))
    }

    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_owned()))
    }

    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }

    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::new();
        loop {
            self.notes.path.push(Step::Index(items.len()));
            let item = seq.next_element_seed(ValueSeed {
                notes: &mut *self.notes,
            });
            let item = item?;
            self.notes.path.pop();
            match item {
                Some(v) => items.push(v),
                None => break,
            }
        }
        Ok(Value::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut object = Map::new();
        while let Some(key) = map.next_key::<String>()? {
            if object.contains_key(&key) {
                let at = self.notes.pointer();
                self.notes.duplicates.push((at, key.clone()));
            }
            // The key waits on the path stack while its value is read: no copy.
            self.notes.path.push(Step::Key(key));
            let value = map.next_value_seed(ValueSeed {
                notes: &mut *self.notes,
            })?;
            // Every push is popped by the same frame, so this is the key.
            if let Some(Step::Key(key)) = self.notes.path.pop() {
                // The later value is kept, as serde_json does; the duplicate is reported.
                object.insert(key, value);
            }
        }
        Ok(Value::Object(object))
    }
}
