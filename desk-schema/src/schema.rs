//! JSON Schema (draft 2020-12) output.

use schemars::generate::SchemaSettings;
use schemars::{JsonSchema, Schema};
use serde_json::{Map, Value};

/// The root schema of `T`: draft 2020-12, with `$schema`, a `title`, shared
/// types under `$defs`, and no `format` that strict validators do not know
/// (schemars writes `uint32` and the like; here they become `minimum` and
/// `maximum`).
///
/// ```
/// #[derive(desk_schema::Validate, serde::Deserialize)]
/// struct Tag {
///     /// The label.
///     #[desk(max_bytes = 16)]
///     label: String,
/// }
/// let schema = desk_schema::schema_for::<Tag>();
/// assert_eq!(schema.get("$schema").unwrap(), "https://json-schema.org/draft/2020-12/schema");
/// assert_eq!(schema.pointer("/properties/label/x-maxBytes").unwrap(), 16);
/// ```
#[must_use]
pub fn schema_for<T: JsonSchema>() -> Schema {
    let generator = SchemaSettings::draft2020_12()
        .for_deserialize()
        .into_generator();
    let schema = generator.into_root_schema_for::<T>();
    let mut value = schema.to_value();
    strip_number_formats(&mut value);
    Schema::try_from(value).unwrap_or_default()
}

/// The schema as committed to disk: pretty JSON and a final newline.
#[must_use]
pub fn to_pretty_json(schema: &Schema) -> String {
    let mut text = serde_json::to_string_pretty(schema).unwrap_or_default();
    text.push('\n');
    text
}

fn strip_number_formats(value: &mut Value) {
    match value {
        Value::Object(map) => {
            if let Some((lo, hi)) = map.get("format").and_then(Value::as_str).and_then(bounds) {
                map.remove("format");
                let lower = keep_tighter(map, "minimum", lo.clone(), true);
                let upper = keep_tighter(map, "maximum", hi.clone(), false);
                // A `range` rule made a bound tighter than the type's: the
                // type's bounds go beside it, so a validator can say what the
                // Rust check says (a number outside the type is reported
                // with the type's bounds, one inside with the rule's).
                if !(lower && upper) {
                    map.insert("x-typeRange".into(), Value::Array(vec![lo, hi]));
                }
            } else if matches!(
                map.get("format").and_then(Value::as_str),
                Some("double" | "float")
            ) {
                map.remove("format");
            }
            for v in map.values_mut() {
                strip_number_formats(v);
            }
        }
        Value::Array(items) => items.iter_mut().for_each(strip_number_formats),
        _ => {}
    }
}

fn bounds(format: &str) -> Option<(Value, Value)> {
    Some(match format {
        "int8" => (i8::MIN.into(), i8::MAX.into()),
        "int16" => (i16::MIN.into(), i16::MAX.into()),
        "int32" => (i32::MIN.into(), i32::MAX.into()),
        "int64" | "int" => (i64::MIN.into(), i64::MAX.into()),
        "uint8" => (0.into(), u8::MAX.into()),
        "uint16" => (0.into(), u16::MAX.into()),
        "uint32" => (0.into(), u32::MAX.into()),
        // A `u128` within what JSON carries exactly here (see `u128` in
        // docs/derive.md), as an `i128` below.
        "uint64" | "uint" | "uint128" => (0.into(), u64::MAX.into()),
        "int128" => (i64::MIN.into(), u64::MAX.into()),
        _ => return None,
    })
}

/// Writes `bound` unless `key` already holds a tighter one; true when
/// `bound` is now the value.
fn keep_tighter(map: &mut Map<String, Value>, key: &str, bound: Value, lower: bool) -> bool {
    let (Some(new), old) = (bound.as_f64(), map.get(key).and_then(Value::as_f64)) else {
        return false;
    };
    let tighter = match old {
        None => true,
        Some(old) => {
            if lower {
                new > old
            } else {
                new < old
            }
        }
    };
    if tighter {
        map.insert(key.to_owned(), bound);
    }
    tighter || old == Some(new)
}
