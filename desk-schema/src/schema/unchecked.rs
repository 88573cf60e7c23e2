//! The schema of a `#[desk(skip)]` field: what serde reads, and no more.
//!
//! Rust reads such a field with serde alone, so its schema must state the
//! type's shape without desk-schema's rules, whatever the field's type holds:
//! a type that derives `Validate` given as a type argument (`Envelope<T>`
//! with `T = Short`), or inside an alias or a type of the user's that the
//! derive cannot see into. While such a schema is made, every derived type
//! writes its shape alone, under its own name with `_unchecked` after it
//! (`Short_unchecked`, beside `Short` with its rules when a checked field
//! holds it too), and no standard set's `uniqueItems` is stated where the
//! field's type or a derived type's field writes one: serde keeps one of
//! each repeat in a set, where `uniqueItems` would refuse the list.
//!
//! The mode is the thread's, set for the time `subschema_for` takes: a
//! derived type's `schema_name` and `schema_id` are functions without the
//! generator, and must name the shape apart from the checked type for
//! schemars to keep two definitions.

use std::borrow::Cow;
use std::cell::Cell;

use schemars::{JsonSchema, Schema, SchemaGenerator};
use serde_json::Value;

thread_local! {
    static UNCHECKED: Cell<bool> = const { Cell::new(false) };
}

/// What a derived type's name ends with in an unchecked schema.
const SUFFIX: &str = "_unchecked";

/// What a derived type's id ends with in an unchecked schema: no Rust
/// name holds it, so no type's id is the unchecked shape's (a type named
/// `Short_unchecked` has its own definition, `Short_unchecked2` the
/// shape's, as schemars tells two names apart).
const ID_SUFFIX: &str = " (unchecked)";

/// Whether the schema being made is a `skip` field's, where rules are not
/// stated.
pub(crate) fn unchecked() -> bool {
    UNCHECKED.with(Cell::get)
}

/// The mode set for as long as it lives, the earlier one back after (on a
/// panic too).
pub(crate) struct Mode(bool);

impl Mode {
    pub(crate) fn set(unchecked: bool) -> Self {
        Mode(UNCHECKED.with(|m| m.replace(unchecked)))
    }
}

impl Drop for Mode {
    fn drop(&mut self) {
        UNCHECKED.with(|m| m.set(self.0));
    }
}

/// `T`'s schema as serde reads it, for a `#[desk(skip)]` field (see the
/// module's header), marked `x-readWhole` and `x-skip` (the field whose
/// value Rust reports as one `type` wherever inside it serde refuses it).
pub(crate) fn skipped<T: ?Sized + JsonSchema>(generator: &mut SchemaGenerator) -> Schema {
    if unchecked() {
        return shape(generator.subschema_for::<T>());
    }
    let mut schema = {
        let _mode = Mode::set(true);
        shape(generator.subschema_for::<T>())
    };
    super::read_whole(&mut schema);
    schema.insert("x-skip".into(), Value::Bool(true));
    schema
}

/// `schema`, written in the field's type (not a definition it refers to),
/// as serde reads it where the mode is set: no set's `uniqueItems`, which
/// schemars writes for the standard sets, whose repeats serde drops. A
/// `JsonSchema` of your own (a type with a `Deserialize` that refuses
/// repeats) keeps what its definition says.
pub(crate) fn shape(schema: Schema) -> Schema {
    if !unchecked() {
        return schema;
    }
    let mut value = schema.to_value();
    without_unique_items(&mut value);
    Schema::try_from(value).unwrap_or_default()
}

/// A derived type's `schema_name`: `name`, with `_unchecked` after it in a
/// `skip` field's schema.
#[must_use]
pub fn derived_name(name: &'static str) -> Cow<'static, str> {
    if unchecked() {
        Cow::Owned(format!("{name}{SUFFIX}"))
    } else {
        Cow::Borrowed(name)
    }
}

/// A derived type's `schema_id`, `module::Name`, as schemars' own derive
/// writes it: unique across the types of a program, the unchecked shape's
/// apart (`module::Name (unchecked)`).
#[must_use]
pub fn derived_id(module: &'static str, name: &'static str) -> Cow<'static, str> {
    let suffix = if unchecked() { ID_SUFFIX } else { "" };
    Cow::Owned(format!("{module}::{name}{suffix}"))
}

/// A derived generic type's `schema_name`: each argument's name is part of
/// it (`Envelope_for_Member`), as schemars names generic types, so that two
/// instances get two definitions. The arguments are named as in a checked
/// schema, the type's own `_unchecked` once at the end.
#[must_use]
pub fn generic_name(name: &'static str, args: fn() -> Vec<String>) -> Cow<'static, str> {
    let args = {
        let _mode = Mode::set(false);
        args()
    };
    let suffix = if unchecked() { SUFFIX } else { "" };
    Cow::Owned(format!("{name}_for_{}{suffix}", args.join("_and_")))
}

/// A derived generic type's `schema_id`: `module::Name<ids>`, with the
/// arguments' ids (which tell an unchecked shape apart themselves).
#[must_use]
pub fn generic_id(
    module: &'static str,
    name: &'static str,
    args: fn() -> Vec<String>,
) -> Cow<'static, str> {
    let suffix = if unchecked() { ID_SUFFIX } else { "" };
    Cow::Owned(format!("{module}::{name}<{}>{suffix}", args().join(", ")))
}

/// Takes `uniqueItems` out of `schema` and every schema inside it (not out
/// of a value it holds: a property may be named `uniqueItems`).
fn without_unique_items(schema: &mut Value) {
    let Value::Object(map) = schema else {
        return;
    };
    map.remove("uniqueItems");
    for (key, value) in map.iter_mut() {
        match key.as_str() {
            "items"
            | "additionalProperties"
            | "propertyNames"
            | "not"
            | "if"
            | "then"
            | "else"
            | "contains"
            | "unevaluatedItems"
            | "unevaluatedProperties" => {
                without_unique_items(value);
            }
            "prefixItems" | "allOf" | "anyOf" | "oneOf" => {
                if let Value::Array(parts) = value {
                    parts.iter_mut().for_each(without_unique_items);
                }
            }
            "properties" | "patternProperties" | "$defs" | "dependentSchemas" => {
                if let Value::Object(parts) = value {
                    parts.values_mut().for_each(without_unique_items);
                }
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unique_items_go_from_schemas_only() {
        let mut schema = serde_json::json!({
            "type": "object",
            "properties": {
                "uniqueItems": {"type": "array", "uniqueItems": true},
                "lists": {"items": {"uniqueItems": true, "enum": [{"uniqueItems": true}]}}
            },
            "anyOf": [{"uniqueItems": true}],
            "uniqueItems": false
        });
        without_unique_items(&mut schema);
        assert_eq!(
            schema,
            serde_json::json!({
                "type": "object",
                "properties": {
                    "uniqueItems": {"type": "array"},
                    "lists": {"items": {"enum": [{"uniqueItems": true}]}}
                },
                "anyOf": [{}]
            })
        );
    }

    #[test]
    fn the_mode_ends_with_its_scope() {
        assert!(!unchecked());
        {
            let _mode = Mode::set(true);
            assert!(unchecked());
            assert_eq!(derived_name("Short"), "Short_unchecked");
            {
                let _inner = Mode::set(false);
                assert_eq!(derived_name("Short"), "Short");
            }
            assert!(unchecked());
        }
        assert!(!unchecked());
        assert_eq!(derived_id("m", "Short"), "m::Short");
        // A panic inside leaves the mode as it found it.
        let caught = std::panic::catch_unwind(|| {
            let _mode = Mode::set(true);
            panic!("a JsonSchema impl's");
        });
        assert!(caught.is_err());
        assert!(!unchecked());
    }

    #[test]
    fn a_sets_unique_items_go_its_own_definitions_stay() {
        // A type of its own whose `Deserialize` refuses repeats, and says so.
        struct Distinct;
        impl JsonSchema for Distinct {
            fn schema_name() -> Cow<'static, str> {
                "Distinct".into()
            }
            fn json_schema(_: &mut SchemaGenerator) -> Schema {
                schemars::json_schema!({ "type": "array", "uniqueItems": true })
            }
        }
        let mut generator = SchemaGenerator::default();
        let set = skipped::<std::collections::BTreeSet<String>>(&mut generator).to_value();
        assert!(set.get("uniqueItems").is_none(), "{set}");
        let own = skipped::<Vec<Distinct>>(&mut generator).to_value();
        assert_eq!(own["items"]["$ref"], "#/$defs/Distinct");
        assert_eq!(generator.definitions()["Distinct"]["uniqueItems"], true);
        assert!(!unchecked());
    }

    #[test]
    fn a_root_schema_made_inside_states_its_rules() {
        struct Named;
        impl JsonSchema for Named {
            fn schema_name() -> Cow<'static, str> {
                derived_name("Named")
            }
            fn json_schema(_: &mut SchemaGenerator) -> Schema {
                schemars::json_schema!({ "x-unchecked": unchecked() })
            }
        }
        let _mode = Mode::set(true);
        let schema = crate::schema_for::<Named>().to_value();
        assert_eq!(schema["title"], "Named");
        assert_eq!(schema["x-unchecked"], false);
        assert!(unchecked());
    }
}
