//! Support for the code `#[derive(Validate)]` generates. Not public API: it
//! may change in any release, which is why the derive crate is pinned to this
//! crate's exact version.

pub use core;
pub use schemars;
pub use serde;
pub use serde_json;

use schemars::Schema;
use serde::de::{Deserialize, DeserializeOwned, Deserializer, Error as _, Visitor};
use serde_json::{Map, Value};

pub use core::marker::PhantomData;
pub use serde::de::MapAccess;

pub use crate::tagged::{EnumWalker, Repr, data_enum};
pub use crate::walk::{KeySeed, ObjectWalker, Scalar, Walk, ignore, object, scalar};
use crate::walk::{Seed, buffer};
use crate::{Kind, Leaf, Path, Report};
pub use std::sync::OnceLock;

/// The JSON types a type is read from, as bits (`JsonView::JSON_TYPES`).
pub mod types {
    /// `null`.
    pub const NULL: u8 = 1;
    /// `true` or `false`.
    pub const BOOLEAN: u8 = 1 << 1;
    /// A number without a fraction.
    pub const INTEGER: u8 = 1 << 2;
    /// A number with a fraction or an exponent.
    pub const FRACTION: u8 = 1 << 3;
    /// Any number (what a float reads).
    pub const NUMBER: u8 = INTEGER | FRACTION;
    /// A string.
    pub const STRING: u8 = 1 << 4;
    /// An array.
    pub const ARRAY: u8 = 1 << 5;
    /// An object.
    pub const OBJECT: u8 = 1 << 6;
    /// Any JSON value.
    pub const ANY: u8 = (1 << 7) - 1;
    /// What a struct reads: serde's derived `Deserialize` takes an object,
    /// and an array of the fields in order.
    pub const STRUCT: u8 = OBJECT | ARRAY;
    /// What an externally tagged enum reads: a string (a unit variant) or
    /// an object of one property.
    pub const EXTERNAL: u8 = STRING | OBJECT;

    /// The names of the types in `bits`, as a `type` violation says them
    /// (`"string or array"`).
    #[must_use]
    pub fn names(bits: u8) -> String {
        let all = [
            (NULL, "null"),
            (BOOLEAN, "boolean"),
            (NUMBER, "number"),
            (INTEGER, "integer"),
            (STRING, "string"),
            (ARRAY, "array"),
            (OBJECT, "object"),
        ];
        let mut left = bits;
        let mut names = Vec::new();
        for (bit, name) in all {
            if left & bit == bit {
                names.push(name);
                left &= !bit;
            }
        }
        match names.split_last() {
            Some((last, rest)) if !rest.is_empty() => format!("{} or {last}", rest.join(", ")),
            Some((last, _)) => (*last).to_owned(),
            None => "nothing".to_owned(),
        }
    }

    /// The first variant that reads JSON type `found`, from each variant's
    /// bits in order.
    #[must_use]
    pub fn variant_for(variants: &[u8], found: crate::JsonType) -> Option<usize> {
        use crate::JsonType;
        let bit = match found {
            JsonType::Null => NULL,
            JsonType::Boolean => BOOLEAN,
            JsonType::Integer => INTEGER,
            JsonType::Number => FRACTION,
            JsonType::String => STRING,
            JsonType::Array => ARRAY,
            JsonType::Object => OBJECT,
        };
        variants.iter().position(|v| v & bit != 0)
    }
}

/// Compiles only when `T` is a [`Leaf`]: a field with rules but no `nested`.
#[inline(always)]
pub fn assert_leaf<T: Leaf + ?Sized>() {}

/// The item type of a list field, for rules that name an item's field.
/// Fails to compile, at the `range` attribute, when a bound is outside the
/// field's integer type: no value of the type could reach it.
pub const fn range_fits<T: crate::rules::Number + ?Sized>(min: Option<i128>, max: Option<i128>) {
    if let Some(min) = min {
        assert!(
            min >= T::MIN && min <= T::MAX,
            "`range`: `min` is outside the field's integer type"
        );
    }
    if let Some(max) = max {
        assert!(
            max >= T::MIN && max <= T::MAX,
            "`range`: `max` is outside the field's integer type"
        );
    }
}

/// Whether the value serde gives an absent field breaks the field's rules:
/// `check` runs them on it. Such a field is then required on every path.
pub fn default_breaks(check: impl FnOnce(&mut Report)) -> bool {
    let mut report = Report::new();
    check(&mut report);
    !report.is_empty()
}

/// The text of a unit enum's JSON value, or a `type` violation.
pub fn enum_str<'a>(value: &'a Scalar<'_>, path: &Path<'_>, walk: &mut Walk) -> Option<&'a str> {
    if let Scalar::Str(s) = value {
        Some(s)
    } else {
        walk.type_error(path, "string", value.json_type());
        None
    }
}

/// An `enum` violation: the string is none of the variants.
pub fn not_allowed(path: &Path<'_>, walk: &mut Walk, names: &'static [&'static str]) {
    walk.report.push(path, Kind::Enum { allowed: names });
}

/// A unit enum's schema: `enum` of its names, or, when a variant has a doc
/// comment, `oneOf` of one `const` per name with its description. With a
/// `#[serde(other)]` variant every string is accepted.
#[must_use]
pub fn unit_enum_schema(
    variants: &[(&str, Option<&str>)],
    other: bool,
    description: Option<&str>,
) -> Schema {
    let mut map = Map::new();
    if let Some(d) = description {
        map.insert("description".into(), Value::from(d));
    }
    let names: Vec<&str> = variants.iter().map(|(n, _)| *n).collect();
    // `oneOf` of `const` branches needs no `type` (each `const` is a
    // string), and TypeScript generators read it as a union of literals.
    if other || variants.iter().all(|(_, d)| d.is_none()) {
        map.insert("type".into(), Value::from("string"));
    }
    if other {
        map.insert("examples".into(), Value::from(names));
    } else if variants.iter().any(|(_, d)| d.is_some()) {
        let branches = variants
            .iter()
            .map(|(name, doc)| {
                let mut b = Map::new();
                b.insert("const".into(), Value::from(*name));
                if let Some(d) = doc {
                    b.insert("description".into(), Value::from(*d));
                }
                Value::Object(b)
            })
            .collect();
        map.insert("oneOf".into(), Value::Array(branches));
    } else {
        map.insert("enum".into(), Value::from(names));
    }
    Schema::from(map)
}

/// Applies `rules` to the subschema under `key` (made if absent): `items`
/// of a list for `items(...)`, `propertyNames` and `additionalProperties`
/// of a map for `keys(...)` and `values(...)`.
pub fn with_sub(schema: &mut Schema, key: &str, rules: impl FnOnce(&mut Schema)) {
    let obj = schema.ensure_object();
    let mut sub = obj
        .remove(key)
        .and_then(|v| Schema::try_from(v).ok())
        .unwrap_or_default();
    rules(&mut sub);
    obj.insert(key.into(), sub.to_value());
}

/// A struct rule's scope at `path`, recording into `report`.
pub fn scope<'r, 'p>(path: &'r Path<'p>, report: &'r mut Report) -> crate::Scope<'r, 'p> {
    crate::Scope::new(path, report)
}

/// How many violations of the input's shape (type, required, ...) `report`
/// holds: struct rules without a raw form run only when there are none new.
#[must_use]
pub fn shape_count(report: &Report) -> usize {
    report.shape_count()
}

pub type ItemOf<L> = <L as crate::rules::EachItem>::Item;

/// The value type of a map field, for `values(range(...))`.
pub type ValueOf<M> = <M as crate::rules::Entries>::Value;

/// JSON names of a derived struct's fields, by Rust name.
pub trait JsonNames {
    /// The JSON name of the field named `rust` in Rust.
    fn json_name(rust: &str) -> Option<&'static str>;
}

/// True when serde accepts `T` with its property absent (as for `Option`).
#[must_use]
pub fn may_be_absent<T: Deserialize<'static>>() -> bool {
    T::deserialize(Missing).is_ok()
}

/// `T` deserialized from `value`, or `None`.
fn from_value<T: DeserializeOwned>(value: &Value) -> Option<T> {
    T::deserialize(value).ok()
}

/// `T` as serde builds it when the property is absent, or `None`.
#[must_use]
pub fn absent<T: Deserialize<'static>>() -> Option<T> {
    T::deserialize(Missing).ok()
}

/// Checks the shape of a field that has no rules (`#[desk(skip)]`): it must
/// deserialize. The serde error is not repeated: it may quote the value.
pub fn check_skipped<T: DeserializeOwned>(value: &Value, path: &Path<'_>, report: &mut Report) {
    if T::deserialize(value).is_err() {
        report.push(
            path,
            Kind::custom("type", "does not match the field's type"),
        );
    }
}

/// Records a missing required property at its parent.
pub fn required(path: &Path<'_>, report: &mut Report, property: &'static str) {
    report.push(path, Kind::Required { property });
}

/// Records an unknown property at its parent, with the known property it
/// most likely misspells.
pub fn unknown(path: &Path<'_>, report: &mut Report, property: &str, known: &[&'static str]) {
    report.push(
        path,
        Kind::UnknownField {
            property: property.to_owned(),
            suggestion: crate::suggest::closest(property, known),
        },
    );
}

/// The schema of a struct from its properties' schemas.
#[must_use]
pub fn object_schema(
    description: Option<&str>,
    properties: Vec<(&str, Schema)>,
    required: &[&str],
    deny_unknown_fields: bool,
) -> Schema {
    let mut map = Map::new();
    if let Some(d) = description {
        map.insert("description".into(), Value::from(d));
    }
    map.insert("type".into(), Value::from("object"));
    let props: Map<String, Value> = properties
        .into_iter()
        .map(|(k, s)| (k.to_owned(), s.to_value()))
        .collect();
    map.insert("properties".into(), Value::Object(props));
    if !required.is_empty() {
        map.insert("required".into(), Value::from(required.to_vec()));
    }
    if deny_unknown_fields {
        map.insert("additionalProperties".into(), Value::Bool(false));
    }
    Schema::from(map)
}

/// Sets a property schema's `description` from the field's doc comment,
/// keeping a rule's note that is already there.
pub fn field_description(schema: &mut Schema, doc: &str) {
    let obj = schema.ensure_object();
    let text = match obj.get("description").and_then(Value::as_str) {
        Some(note) if !note.is_empty() => format!("{doc}\n\n{note}"),
        _ => doc.to_owned(),
    };
    obj.insert("description".into(), Value::from(text));
}

/// A deserializer for an absent property: `Option` becomes `None`, anything
/// else fails, as serde's own missing-field handling does.
struct Missing;

impl<'de> Deserializer<'de> for Missing {
    type Error = serde::de::value::Error;

    fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Self::Error> {
        Err(Self::Error::custom("missing"))
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Self::Error> {
        visitor.visit_none()
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf unit unit_struct newtype_struct seq tuple
        tuple_struct map struct enum identifier ignored_any
    }
}

/// Records a property given twice in one object, at that object.
pub fn duplicate(walk: &mut Walk, path: &Path<'_>, property: &str) {
    walk.report.push(
        path,
        Kind::DuplicateKey {
            property: property.to_owned(),
        },
    );
}

/// The schema that a tag value must match: `const`, or `enum` with aliases.
fn tag_schema(names: &[&str]) -> Value {
    let mut map = Map::new();
    match names {
        [one] => map.insert("const".into(), Value::from(*one)),
        _ => map.insert("enum".into(), Value::from(names.to_vec())),
    };
    Value::Object(map)
}

/// An object schema with `properties`, `required` and, with
/// `deny_unknown_fields`, `additionalProperties: false`.
fn object_of(
    properties: Map<String, Value>,
    required: Vec<&str>,
    deny: bool,
) -> Map<String, Value> {
    let mut map = Map::new();
    map.insert("type".into(), Value::from("object"));
    map.insert("properties".into(), Value::Object(properties));
    if !required.is_empty() {
        map.insert("required".into(), Value::from(required));
    }
    if deny {
        map.insert("additionalProperties".into(), Value::Bool(false));
    }
    map
}

/// The branches of one variant of a data enum: `names` are its name and
/// aliases, `content` its content's schema (`None` for a unit variant; for
/// an internally tagged enum, the object schema of its fields). With
/// `other`, the branch is the `#[serde(other)]` variant's: any tag but
/// `names`.
pub fn variant_schemas(
    repr: Repr,
    names: &[&str],
    other: bool,
    doc: Option<&str>,
    content: Option<Schema>,
    deny_unknown_fields: bool,
) -> Vec<Value> {
    let tag = if other {
        let mut map = Map::new();
        map.insert("type".into(), Value::from("string"));
        let mut not = Map::new();
        not.insert("enum".into(), Value::from(names.to_vec()));
        map.insert("not".into(), Value::Object(not));
        Value::Object(map)
    } else {
        tag_schema(names)
    };
    let mut branches = match (repr, content) {
        (Repr::Untagged, None) => vec![serde_json::json!({"type": "null"})],
        (Repr::Untagged, Some(content)) => vec![content.to_value()],
        (Repr::External, None) => vec![tag],
        (Repr::External, Some(content)) => names
            .iter()
            .map(|name| {
                let mut props = Map::new();
                props.insert((*name).to_owned(), content.clone().to_value());
                Value::Object(object_of(props, vec![name], true))
            })
            .collect(),
        (Repr::Internal(t), content) => {
            let (mut props, mut required, deny) = (Map::new(), vec![t], deny_unknown_fields);
            props.insert(t.to_owned(), tag);
            let content = content.map(Schema::to_value).unwrap_or_default();
            if let Some(fields) = content.get("properties").and_then(Value::as_object) {
                props.extend(fields.clone());
            }
            if let Some(names) = content.get("required").and_then(Value::as_array) {
                required.extend(names.iter().filter_map(Value::as_str));
            }
            vec![Value::Object(object_of(props, required, deny))]
        }
        (Repr::Adjacent(t, c), content) => {
            let mut props = Map::new();
            props.insert(t.to_owned(), tag);
            let required = if let Some(content) = content {
                props.insert(c.to_owned(), content.to_value());
                vec![t, c]
            } else {
                props.insert(c.to_owned(), serde_json::json!({"type": "null"}));
                vec![t]
            };
            vec![Value::Object(object_of(
                props,
                required,
                deny_unknown_fields,
            ))]
        }
    };
    if let Some(doc) = doc {
        for b in &mut branches {
            if let Value::Object(map) = b {
                map.insert("description".into(), Value::from(doc));
            }
        }
    }
    branches
}

/// A data enum's schema: `oneOf` its variants' branches, one per variant
/// and name, each with its tag as a `const` (an untagged enum's branches
/// read distinct JSON types instead).
#[must_use]
pub fn data_enum_schema(description: Option<&str>, branches: Vec<Value>) -> Schema {
    let mut map = Map::new();
    if let Some(d) = description {
        map.insert("description".into(), Value::from(d));
    }
    map.insert("oneOf".into(), Value::Array(branches));
    Schema::from(map)
}

/// One property of an object being walked: its view once read, its own
/// findings (kept apart, so that a repeat can drop them), and whether it
/// was seen at all.
pub struct Slot<'de, T: crate::JsonView> {
    /// The view read (`None` when absent or of the wrong shape).
    pub view: Option<T::View<'de>>,
    walk: Walk,
    seen: bool,
}

/// What a walked object held for one property.
pub enum Found<'v, V> {
    /// The view of its value.
    Present(&'v V),
    /// Not given.
    Absent,
    /// Given, of the wrong shape (already reported).
    Broken,
}

impl<T: crate::JsonView> Default for Slot<'_, T> {
    fn default() -> Self {
        Slot {
            view: None,
            walk: Walk::new(),
            seen: false,
        }
    }
}

impl<'de, T: crate::JsonView> Slot<'de, T> {
    /// Reads the value of property `name` of the object at `path`. A repeat
    /// is reported in `own` and replaces the earlier value and findings (as
    /// `serde_json` and `JSON.parse` keep the later one); on an error of the
    /// input, `walk` learns where it happened.
    pub fn read<C: ?Sized, A: MapAccess<'de>>(
        &mut self,
        map: &mut A,
        ctx: &C,
        at: (&Path<'_>, &'static str),
        own: &mut Walk,
        walk: &mut Walk,
    ) -> Result<(), A::Error>
    where
        T: crate::ValidateIn<C>,
    {
        let (path, name) = at;
        if self.seen {
            duplicate(own, path, name);
            self.walk = Walk::new();
        }
        self.seen = true;
        let here = path.key(name);
        match map.next_value_seed(Seed::<T, C>::new(ctx, &here, &mut self.walk)) {
            Ok(view) => {
                self.view = view;
                Ok(())
            }
            Err(e) => {
                walk.adopt_error(&self.walk);
                Err(e)
            }
        }
    }

    /// Moves the findings to `walk`, and says what was read.
    pub fn finish(&mut self, walk: &mut Walk) -> Found<'_, T::View<'de>> {
        walk.append(&mut self.walk);
        match (&self.view, self.seen) {
            (Some(view), _) => Found::Present(view),
            (None, false) => Found::Absent,
            (None, true) => Found::Broken,
        }
    }
}

/// A property read whole (a `skip` field): its JSON value, deserialized
/// into the field's type once the object is read.
#[derive(Default)]
pub struct Whole {
    /// The value read.
    pub value: Option<Value>,
    seen: bool,
}

impl Whole {
    /// Reads the value of property `name` of the object at `path` (a repeat
    /// is reported in `own`, and the later value kept).
    pub fn read<'de, A: MapAccess<'de>>(
        &mut self,
        map: &mut A,
        at: (&Path<'_>, &'static str),
        own: &mut Walk,
        walk: &mut Walk,
    ) -> Result<(), A::Error> {
        let (path, name) = at;
        if self.seen {
            duplicate(own, path, name);
        }
        self.seen = true;
        match buffer(map) {
            Ok(v) => {
                self.value = Some(v);
                Ok(())
            }
            Err(e) => {
                walk.note_error(&path.key(name));
                Err(e)
            }
        }
    }

    /// What was read.
    #[must_use]
    pub fn finish(&self) -> Found<'_, Value> {
        match (&self.value, self.seen) {
            (Some(v), _) => Found::Present(v),
            (None, false) => Found::Absent,
            (None, true) => Found::Broken,
        }
    }
}

/// A required property that is absent: `required`, unless the field's type
/// reads absence as a value (an `Option`).
pub fn absent_required<T: Deserialize<'static>>(
    path: &Path<'_>,
    report: &mut Report,
    property: &'static str,
) {
    if !may_be_absent::<T>() {
        required(path, report, property);
    }
}

/// A field of the typed value from its view: converted when present,
/// `absent()` otherwise (serde's default, or `None` when it is required).
pub fn field<T: crate::JsonView>(
    view: Option<&T::View<'_>>,
    absent: impl FnOnce() -> Option<T>,
) -> Option<T> {
    match view {
        Some(v) => T::from_view(v),
        None => absent(),
    }
}

/// A `skip` field of the typed value: deserialized when present, `absent()`
/// otherwise.
pub fn whole_field<T: DeserializeOwned>(
    value: Option<&Value>,
    absent: impl FnOnce() -> Option<T>,
) -> Option<T> {
    match value {
        Some(v) => from_value(v),
        None => absent(),
    }
}
