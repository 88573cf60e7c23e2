// A trait object serde reads through a `Deserialize` of its own (as typetag
// writes one), in a `skip` field with a schema of its own, and a type of
// one's own that holds a trait object as a marker: both compile, and are
// read as serde reads them.
// Blanket traits whose methods share the names of the generated calls.
include!("../blanket_traits.in");

use desk_schema::Validate;
use serde::{Deserialize, Deserializer};
use std::marker::PhantomData;

trait Shape {
    fn sides(&self) -> u8;
}

struct Square;

impl Shape for Square {
    fn sides(&self) -> u8 {
        4
    }
}

impl<'de> Deserialize<'de> for Box<dyn Shape> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let name = String::deserialize(deserializer)?;
        match String::as_str(&name) {
            "square" => Ok(Box::new(Square)),
            _ => Err(serde::de::Error::custom("not a shape")),
        }
    }
}

impl desk_schema::schemars::JsonSchema for dyn Shape {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        std::borrow::Cow::Borrowed("Shape")
    }

    fn json_schema(_: &mut desk_schema::schemars::SchemaGenerator) -> desk_schema::schemars::Schema {
        desk_schema::schemars::Schema::try_from(serde_json::from_str::<serde_json::Value>(r#"{"enum": ["square"]}"#).unwrap()).unwrap()
    }
}

#[derive(Validate, Deserialize)]
struct Drawing {
    #[desk(max_bytes = 10)]
    name: String,
    #[desk(skip)]
    shape: Box<dyn Shape>,
}

/// A handle whose type parameter is only a marker.
#[derive(Validate, Deserialize)]
struct Handle<T: ?Sized> {
    #[desk(max_bytes = 8)]
    id: String,
    #[serde(skip)]
    kind: PhantomData<T>,
}

#[derive(Validate, Deserialize)]
struct Plugins {
    #[desk(nested)]
    first: Handle<dyn Shape>,
}

fn main() {
    let drawing: Drawing =
        desk_schema::from_json_str(r#"{"name": "a", "shape": "square"}"#).unwrap();
    assert_eq!(drawing.shape.sides(), 4);
    let report = desk_schema::from_json_str::<Drawing>(r#"{"name": "a", "shape": "circle"}"#)
        .err()
        .unwrap();
    assert_eq!(report.violations().len(), 1);
    let plugins: Plugins = desk_schema::from_json_str(r#"{"first": {"id": "p"}}"#).unwrap();
    assert_eq!(plugins.first.id, "p");
    let _ = plugins.first.kind;
    assert!(desk_schema::from_json_str::<Plugins>(r#"{"first": {"id": "123456789"}}"#).is_err());
}
