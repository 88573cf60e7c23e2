//! JSON Schema (draft 2020-12) output.

use schemars::generate::SchemaSettings;
use schemars::{JsonSchema, Schema};
use serde_json::{Map, Value};

use crate::tagged::Repr;

pub(crate) mod unchecked;

pub use unchecked::{derived_id, derived_name, generic_id, generic_name};

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
    // A root schema states its rules, even when a `JsonSchema` impl asks for
    // one while a `skip` field's schema is being made.
    let _checked = unchecked::Mode::set(false);
    let generator = SchemaSettings::draft2020_12()
        .for_deserialize()
        .into_generator();
    let schema = generator.into_root_schema_for::<T>();
    let mut value = schema.to_value();
    strip_number_formats(&mut value);
    Schema::try_from(value).unwrap_or_default()
}

/// Writes [`schema_for::<T>()`](schema_for) to `dir/<name>.schema.json`, where
/// `<name>` is the schema's name (the type's, or `Envelope_for_Member` for a
/// generic one, as schemars names it), and returns the file's path. `dir` is
/// created if missing. This is the first half of a browser validator for a
/// type of your own; `npx desk-schema compile dir/*.schema.json --out DIR`
/// (the npm package) is the second.
///
/// ```
/// #[derive(desk_schema::Validate, serde::Deserialize)]
/// struct GroupMessage {
///     /// The text, at most 12 bytes of UTF-8.
///     #[desk(max_bytes = 12)]
///     text: String,
/// }
/// let dir = std::env::temp_dir().join(format!("desk-schema-doc-{}", std::process::id()));
/// let path = desk_schema::write_schema::<GroupMessage>(&dir).unwrap();
/// assert!(path.ends_with("GroupMessage.schema.json"));
/// let text = std::fs::read_to_string(&path).unwrap();
/// assert!(text.contains("\"x-maxBytes\": 12"));
/// # std::fs::remove_dir_all(&dir).unwrap();
/// ```
///
/// Two types with one schema name (the Rust type's name: `group::Member`
/// and `chat::Member`, or `Envelope<group::Member>` and
/// `Envelope<chat::Member>`) would write one file, the second over the
/// first, and the browser would check the wrong type: the second write in
/// one process is refused instead ([`std::io::ErrorKind::AlreadyExists`],
/// naming both types). Write one to another directory, or rename one of the
/// Rust types (the schema name is the type's, whatever `#[serde(rename)]`
/// says).
///
/// ```
/// mod group {
///     #[derive(desk_schema::Validate, serde::Deserialize)]
///     pub struct Member(#[desk(max_bytes = 64)] pub String);
/// }
/// mod chat {
///     #[derive(desk_schema::Validate, serde::Deserialize)]
///     pub struct Member(#[desk(max_bytes = 32)] pub String);
/// }
/// let dir = std::env::temp_dir().join(format!("desk-schema-doc-twice-{}", std::process::id()));
/// desk_schema::write_schema::<group::Member>(&dir).unwrap();
/// // The same type again is no collision: the file is written anew.
/// desk_schema::write_schema::<group::Member>(&dir).unwrap();
/// let refused = desk_schema::write_schema::<chat::Member>(&dir).unwrap_err();
/// assert_eq!(refused.kind(), std::io::ErrorKind::AlreadyExists);
/// assert!(refused.to_string().contains("chat::Member"));
/// # std::fs::remove_dir_all(&dir).unwrap();
/// ```
///
/// # Errors
///
/// The I/O error of creating `dir` or writing the file; `AlreadyExists` for
/// a file this process wrote for another type of the same schema name.
pub fn write_schema<T: JsonSchema>(
    dir: impl AsRef<std::path::Path>,
) -> std::io::Result<std::path::PathBuf> {
    let dir = dir.as_ref();
    std::fs::create_dir_all(dir)?;
    let path = dir.join(format!("{}.schema.json", T::schema_name()));
    // The type's full name, which tells apart two types of one name in
    // one module (each in a function of its own), where schemars' id does
    // not.
    claim(&path, std::any::type_name::<T>())?;
    std::fs::write(&path, to_pretty_json(&schema_for::<T>()))?;
    Ok(path)
}

/// The schema files [`write_schema`] has written in this process, each
/// with its type's name (`std::any::type_name`: its path, with its
/// arguments').
static WRITTEN: std::sync::Mutex<Vec<(std::path::PathBuf, String)>> =
    std::sync::Mutex::new(Vec::new());

/// Records that `path` holds the schema of the type `id`; refuses a path
/// recorded for another type.
fn claim(path: &std::path::Path, id: &str) -> std::io::Result<()> {
    // The directory as the file system names it, so that `dir` and
    // `./dir` are one place.
    let place = match (path.parent(), path.file_name()) {
        // `write_schema::<T>("")` writes to the current directory.
        (Some(dir), Some(file)) if dir.as_os_str().is_empty() => {
            std::fs::canonicalize(".")?.join(file)
        }
        (Some(dir), Some(file)) => std::fs::canonicalize(dir)?.join(file),
        _ => path.to_path_buf(),
    };
    let mut written = WRITTEN
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    match written.iter().find(|(p, _)| *p == place) {
        Some((_, earlier)) if earlier != id => Err(std::io::Error::new(
            std::io::ErrorKind::AlreadyExists,
            format!(
                "{} holds the schema of `{earlier}`, written earlier in this run; `{id}` has \
                 the same schema name (the type's): write it to another directory, or rename \
                 one of the types",
                path.display()
            ),
        )),
        Some(_) => Ok(()),
        None => {
            written.push((place, id.to_owned()));
            Ok(())
        }
    }
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
                // with the bounds it must lie within, `minimum` and
                // `maximum`; one inside with the rule's alone).
                if !(lower && upper) {
                    map.insert("x-typeRange".into(), Value::Array(vec![lo, hi]));
                }
            } else if map.get("format").and_then(Value::as_str) == Some("double") {
                map.remove("format");
            } else if map.get("format").and_then(Value::as_str) == Some("ip") {
                // schemars' `IpAddr` (in a `skip` field): `ip` is no format
                // JSON Schema defines (strict Ajv refuses it, the
                // `jsonschema` crate passes anything), where serde reads
                // either family.
                map.remove("format");
                let either = serde_json::json!([{"format": "ipv4"}, {"format": "ipv6"}]);
                if map.contains_key("anyOf") {
                    let all = map
                        .entry("allOf")
                        .or_insert_with(|| Value::Array(Vec::new()));
                    if let Value::Array(parts) = all {
                        parts.push(serde_json::json!({"anyOf": either}));
                    }
                } else {
                    map.insert("anyOf".into(), either);
                }
            }
            for v in map.values_mut() {
                strip_number_formats(v);
            }
        }
        Value::Array(items) => items.iter_mut().for_each(strip_number_formats),
        _ => {}
    }
}

/// The largest double an `f32` holds: `as f32` gives `f32::MAX` for it and
/// infinity from the next double on (2^128 - 2^103, the midpoint of
/// `f32::MAX` and 2^128, rounds away). As a schema's `maximum`, it says
/// exactly what the walk refuses.
const F32_EDGE: f64 = 3.402_823_567_797_336_2e38;

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
        // An `f32`: every double that does not convert to infinity.
        "float" => ((-F32_EDGE).into(), F32_EDGE.into()),
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

// The builders of the derive's schemas (re-exported in `__private`).

/// A unit enum's schema: `enum` of its names, marked `x-unitEnum`, or, when
/// a variant has a doc comment or an alias, `oneOf` of one `const` per name with its
/// description, an alias's branch marked `x-aliasOf` with the name it stands
/// for (a violation lists the names, not the aliases, as serde's error
/// does). With a `#[serde(other)]` variant every string is accepted.
/// `variants` are `(name, doc, alias_of)`.
#[must_use]
pub fn unit_enum_schema(
    variants: &[(&str, Option<&str>, Option<&str>)],
    other: bool,
    description: Option<&str>,
) -> Schema {
    let mut map = Map::new();
    if let Some(d) = description {
        map.insert("description".into(), Value::from(d));
    }
    let names: Vec<&str> = variants
        .iter()
        .filter(|(_, _, alias)| !other || alias.is_none())
        .map(|(n, _, _)| *n)
        .collect();
    // In a `skip` field's schema (no descriptions), the names alone: a
    // map's key schema that schemars reads as the keys serde takes.
    let unchecked = unchecked::unchecked();
    let plain = unchecked || variants.iter().all(|(_, d, a)| d.is_none() && a.is_none());
    // `oneOf` of `const` branches needs no `type` (each `const` is a
    // string), and TypeScript generators read it as a union of literals.
    if other || plain {
        map.insert("type".into(), Value::from("string"));
    }
    if other {
        map.insert("examples".into(), Value::from(names));
    } else if plain {
        map.insert("enum".into(), Value::from(names));
        // The names of a type, where a `one_of` rule's `enum` lists values
        // of one: a string among none of them is no value of the type, so
        // it repeats nothing in a set or a `unique` list (the npm package's
        // `toViolations` reads the mark). A `skip` field's is schemars' own.
        if !unchecked {
            map.insert("x-unitEnum".into(), Value::Bool(true));
        }
    } else {
        let branches = variants
            .iter()
            .map(|&(name, doc, alias)| name_branch(name, doc, alias))
            .collect();
        map.insert("oneOf".into(), Value::Array(branches));
    }
    Schema::from(map)
}

/// One name's branch of a `oneOf` of names: its `const`, its description,
/// and, for an alias, `x-aliasOf`.
fn name_branch(name: &str, doc: Option<&str>, alias_of: Option<&str>) -> Value {
    let mut b = Map::new();
    b.insert("const".into(), Value::from(name));
    if let Some(d) = doc {
        b.insert("description".into(), Value::from(d));
    }
    if let Some(of) = alias_of {
        b.insert("x-aliasOf".into(), Value::from(of));
    }
    Value::Object(b)
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

/// An object's properties, each with its schema, and the required ones: the
/// derive adds a field at a time.
#[derive(Default)]
pub struct Properties {
    schemas: Vec<(&'static str, Schema)>,
    required: Vec<&'static str>,
    /// Where a field's rules, message and description go in a `skip`
    /// field's schema (the shape alone): nowhere.
    dropped: Schema,
}

impl Properties {
    /// No property yet (inherent, where the generated code calls it, so that
    /// no trait of the user's in scope is asked for `default`).
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds `name` with `T`'s schema, for the field's rules to change, for
    /// a field with a default: required when `breaks` says its default
    /// breaks the field's rules (never in a `skip` field's schema, where
    /// serde takes the default).
    pub fn add<T, F>(
        &mut self,
        generator: &mut schemars::SchemaGenerator,
        name: &'static str,
        breaks: F,
    ) -> &mut Schema
    where
        T: schemars::JsonSchema,
        F: FnOnce() -> bool,
    {
        let schema = field_subschema::<T>(generator);
        self.push_default(name, schema, breaks)
    }

    /// [`Properties::add`] for a field without a default: required unless
    /// serde reads its absence as a value (an `Option`).
    pub fn field<T: schemars::JsonSchema + serde::Deserialize<'static>>(
        &mut self,
        generator: &mut schemars::SchemaGenerator,
        name: &'static str,
    ) -> &mut Schema {
        self.field_or_absent::<T>(generator, name, crate::walk::field::may_be_absent::<T>())
    }

    /// [`Properties::field`] told whether serde reads the property's
    /// absence as a value (`walk::field::Absence`).
    pub fn field_or_absent<T: schemars::JsonSchema>(
        &mut self,
        generator: &mut schemars::SchemaGenerator,
        name: &'static str,
        reads_absence: bool,
    ) -> &mut Schema {
        let schema = field_subschema::<T>(generator);
        self.push_required(name, schema, !reads_absence)
    }

    /// [`Properties::field_or_absent`] for a `#[desk(skip)]` field: its
    /// type's schema as serde reads it (`schema`, [`skipped`]'s). Its rules
    /// are dropped.
    pub fn skipped(
        &mut self,
        generator: &mut schemars::SchemaGenerator,
        name: &'static str,
        reads_absence: bool,
        schema: SkippedSchema,
    ) -> &mut Schema {
        let schema = schema.write(generator);
        self.push_required(name, schema, !reads_absence)
    }

    /// [`Properties::add`] for a `#[desk(skip)]` field with a default: as
    /// [`Properties::skipped`], required when `breaks` says its default
    /// breaks the field's rules (never in a `skip` field's schema, where
    /// serde takes the default; its rules, and so `required`, are not asked).
    pub fn skipped_default<F: FnOnce() -> bool>(
        &mut self,
        generator: &mut schemars::SchemaGenerator,
        name: &'static str,
        breaks: F,
        schema: SkippedSchema,
    ) -> &mut Schema {
        let schema = schema.write(generator);
        self.push_default(name, schema, breaks)
    }

    /// Adds the property `name` of a field with a default: required when
    /// `breaks` says the default breaks the field's rules, never in a `skip`
    /// field's schema (serde takes the default there).
    fn push_default(
        &mut self,
        name: &'static str,
        schema: Schema,
        breaks: impl FnOnce() -> bool,
    ) -> &mut Schema {
        let required = !unchecked::unchecked() && breaks();
        self.push_required(name, schema, required)
    }

    /// Adds the property `name` with `schema`, `required` or not.
    fn push_required(&mut self, name: &'static str, schema: Schema, required: bool) -> &mut Schema {
        let unchecked = unchecked::unchecked();
        if required {
            self.required.push(name);
        }
        let at = self.schemas.len();
        self.schemas.push((name, schema));
        if unchecked {
            self.dropped = Schema::default();
            &mut self.dropped
        } else {
            &mut self.schemas[at].1
        }
    }

    /// The object's schema, its properties moved out (taking `&mut self`,
    /// as the generated code holds a `&mut` to call every method by, which
    /// a user's blanket trait in scope cannot take from it).
    #[must_use]
    pub fn finish_object(
        &mut self,
        description: Option<&str>,
        deny_unknown_fields: bool,
    ) -> Schema {
        object_schema(
            description,
            core::mem::take(&mut self.schemas),
            &self.required,
            deny_unknown_fields,
        )
    }
}

/// What a `#[desk(skip)]` field's type must be for the schema: a
/// `schemars::JsonSchema` of its own (for which it is implemented), whose
/// schema is the field's. Named in the derive's compile error for a type
/// that is not.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not `JsonSchema`, and a `#[desk(skip)]` field's schema is its type's own",
    label = "`{Self}` has no schema",
    note = "implement or derive `schemars::JsonSchema` (schemars 1, re-exported as `desk_schema::schemars`) for the field's type, or for the type of yours it holds"
)]
pub trait OwnSchema {
    /// The field's schema. (Of a type only this crate can build, so that
    /// the trait is implemented for `JsonSchema` types alone.)
    #[doc(hidden)]
    const SCHEMA: SkippedSchema;
}

#[diagnostic::do_not_recommend]
impl<T: ?Sized + JsonSchema> OwnSchema for T {
    const SCHEMA: SkippedSchema = SkippedSchema(skipped::<T>);
}

/// A `#[desk(skip)]` field's schema, as [`OwnSchema::SCHEMA`] writes it.
#[doc(hidden)]
#[derive(Clone, Copy)]
pub struct SkippedSchema(fn(&mut schemars::SchemaGenerator) -> Schema);

impl SkippedSchema {
    /// The schema, written with `generator`.
    pub fn write(self, generator: &mut schemars::SchemaGenerator) -> Schema {
        (self.0)(generator)
    }
}

/// The schema of a `#[desk(skip)]` field of type `T`: what serde reads,
/// marked `x-readWhole`. A type that derives `Validate` anywhere inside (a
/// type argument, through an alias) states its shape without its rules (as
/// `Short_unchecked` under `$defs`), and a standard set written in the
/// field's type or a derived type's field states no `uniqueItems` (serde
/// keeps one of each repeat).
#[must_use]
pub fn skipped<T: ?Sized + JsonSchema>(generator: &mut schemars::SchemaGenerator) -> Schema {
    unchecked::skipped::<T>(generator)
}

/// A field's `subschema_for::<T>()`; in a `skip` field's schema, without
/// the `uniqueItems` of a standard set written in the field's type (serde
/// keeps one of each repeat).
#[must_use]
pub fn field_subschema<T: ?Sized + JsonSchema>(
    generator: &mut schemars::SchemaGenerator,
) -> Schema {
    unchecked::shape(generator.subschema_for::<T>())
}

/// A newtype's field's schema before its rules: kept in a `skip` field's
/// schema, where [`shape_only`] puts it back after them.
#[must_use]
pub fn shape_before_rules(schema: &Schema) -> Option<Schema> {
    unchecked::unchecked().then(|| schema.clone())
}

/// Puts back the schema [`shape_before_rules`] kept, if any.
pub fn shape_only(schema: &mut Schema, shape: Option<Schema>) {
    if let Some(shape) = shape {
        *schema = shape;
    }
}

/// Calls a type's `schema_with`, which states its struct rules, except in a
/// `skip` field's schema.
pub fn schema_with(
    schema: &mut Schema,
    generator: &mut schemars::SchemaGenerator,
    with: impl FnOnce(&mut Schema, &mut schemars::SchemaGenerator),
) {
    if !unchecked::unchecked() {
        with(schema, generator);
    }
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

/// Marks `schema` `x-readWhole: true`: the value is read whole, whatever
/// its JSON type (an untagged enum's, before serde knows the variant; an
/// adjacently tagged enum's tag and content, and a `#[desk(skip)]` field,
/// which the walk reads whole; an internally tagged enum's object, marked
/// on each variant's branch), so a value no `serde_json::Value` holds (a
/// lone surrogate, `1e400`) is refused anywhere inside, in a property the
/// type does not have too. Elsewhere such a property is dropped unread, as
/// serde drops it. The npm package reads the mark to refuse the same text
/// Rust refuses.
pub fn read_whole(schema: &mut Schema) {
    mark_read_whole(schema.ensure_object());
}

/// [`read_whole`] on a schema object being built.
fn mark_read_whole(map: &mut Map<String, Value>) {
    map.insert("x-readWhole".into(), Value::Bool(true));
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

/// Puts a field's own messages (`#[desk(message(...))]`) on its schema as
/// `x-message: {"en": ..., "zh-CN": ...}`, and on every schema object inside
/// it that a rule's keyword may sit in (`anyOf` branches, `allOf` parts,
/// `items`, map values and keys), since a validator names the object that
/// failed, not the field. A `$ref` is not followed: that type's fields have
/// their own messages.
/// A rule's own messages (`message(max_bytes, en = "...")`) are under
/// `codes`, by the code of its violations:
/// `x-message: {"en": ..., "codes": {"max_bytes": {"en": ..., "zh-CN": ...}}}`.
pub fn field_messages(
    schema: &mut Schema,
    en: Option<&str>,
    zh_cn: Option<&str>,
    by_code: &[(&str, Option<&str>, Option<&str>)],
) {
    fn put(node: &mut Value, messages: &Map<String, Value>) {
        let Value::Object(map) = node else { return };
        if map.contains_key("$ref") {
            return;
        }
        map.insert("x-message".into(), Value::Object(messages.clone()));
        for key in ["anyOf", "oneOf", "allOf", "prefixItems"] {
            if let Some(Value::Array(parts)) = map.get_mut(key) {
                for part in parts {
                    put(part, messages);
                }
            }
        }
        for key in ["items", "additionalProperties", "propertyNames"] {
            if let Some(sub) = map.get_mut(key) {
                put(sub, messages);
            }
        }
    }
    fn texts(en: Option<&str>, zh_cn: Option<&str>) -> Map<String, Value> {
        let mut messages = Map::new();
        if let Some(en) = en {
            messages.insert("en".into(), Value::from(en));
        }
        if let Some(zh_cn) = zh_cn {
            messages.insert("zh-CN".into(), Value::from(zh_cn));
        }
        messages
    }
    let mut messages = texts(en, zh_cn);
    if !by_code.is_empty() {
        let codes = by_code
            .iter()
            .map(|&(code, en, zh_cn)| (code.to_owned(), Value::Object(texts(en, zh_cn))))
            .collect();
        messages.insert("codes".into(), Value::Object(codes));
    }
    let mut value = schema.clone().to_value();
    put(&mut value, &messages);
    if let Ok(done) = Schema::try_from(value) {
        *schema = done;
    }
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

/// One variant of a data enum, as [`data_enum_schema`] composes it.
#[derive(Debug)]
pub struct VariantSchema {
    /// The variant's name, then its aliases.
    names: Vec<String>,
    /// The `#[serde(other)]` variant: any tag but the other variants'.
    other: bool,
    /// A unit variant.
    unit: bool,
    /// What its tag must be (`const`, `enum` with aliases, or, for the
    /// `other` variant, any string but the others' names).
    tag: Value,
    /// The JSON types the variant reads (bits of [`crate::types`]), for an
    /// untagged enum.
    types: u8,
    /// Its branches: what a value of this variant must match, one per name
    /// for an externally tagged data variant.
    branches: Vec<Value>,
}

/// One variant of a data enum: `names` are its name and aliases, `content`
/// its content's schema (`None` for a unit variant; for an internally
/// tagged enum, the object schema of its fields), `types` the JSON types it
/// reads (for an untagged enum). With `other`, it is the `#[serde(other)]`
/// variant: any tag but `names`. Without `content_required`, an adjacently
/// tagged variant may leave its content out (a newtype over an `Option`,
/// which serde reads as `None`).
#[allow(
    clippy::fn_params_excessive_bools,
    clippy::too_many_arguments,
    reason = "called only by generated code, with literal or constant flags"
)]
#[must_use]
pub fn variant_schema(
    repr: Repr,
    names: &[&str],
    other: bool,
    doc: Option<&str>,
    content: Option<Schema>,
    content_required: bool,
    deny_unknown_fields: bool,
    types: u8,
) -> VariantSchema {
    let unit = content.is_none();
    let tag = if other {
        other_tag(names)
    } else {
        tag_schema(names)
    };
    let mut branches = match (repr, content) {
        (Repr::Untagged, None) => vec![serde_json::json!({"type": "null"})],
        (Repr::Untagged, Some(content)) => vec![content.to_value()],
        // The `#[serde(other)]` variant: any string that names no variant.
        (Repr::External, None) if other => vec![serde_json::json!({"type": "string"})],
        (Repr::External, None) => names
            .iter()
            .map(|name| serde_json::json!({"type": "string", "const": name}))
            .collect(),
        (Repr::External, Some(content)) => names
            .iter()
            .map(|name| {
                let mut props = Map::new();
                props.insert((*name).to_owned(), content.clone().to_value());
                Value::Object(object_of(props, vec![name], true))
            })
            .collect(),
        (Repr::Internal(tag_name), content) => {
            vec![internal_branch(
                tag_name,
                &tag,
                content,
                deny_unknown_fields,
            )]
        }
        (Repr::Adjacent(tag_name, content_name), content) => vec![adjacent_branch(
            (tag_name, content_name),
            &tag,
            content.map(|c| (c, content_required)),
            deny_unknown_fields,
        )],
    };
    if let Some(doc) = doc {
        for b in &mut branches {
            if let Value::Object(map) = b {
                map.insert("description".into(), Value::from(doc));
            }
        }
    }
    VariantSchema {
        names: names.iter().map(|n| (*n).to_owned()).collect(),
        other,
        unit,
        tag,
        types,
        branches,
    }
}

/// An internally tagged variant's branch: the tag (`t`) and the content's
/// properties in one object.
fn internal_branch(
    t: &str,
    tag: &Value,
    content: Option<Schema>,
    deny_unknown_fields: bool,
) -> Value {
    // serde reads a unit variant from its tag alone, whatever else
    // the object holds.
    let deny = deny_unknown_fields && content.is_some();
    let (mut props, mut required) = (Map::new(), vec![t]);
    props.insert(t.to_owned(), tag.clone());
    let content = content.map(Schema::to_value).unwrap_or_default();
    if let Some(fields) = content.get("properties").and_then(Value::as_object) {
        props.extend(fields.clone());
    }
    if let Some(names) = content.get("required").and_then(Value::as_array) {
        required.extend(names.iter().filter_map(Value::as_str));
    }
    // Read whole, once the value is an object (an array is a `type`
    // violation, its items unread): on the variant's branch, which
    // counts only for a value the enum's `type` lets in.
    let mut branch = object_of(props, required, deny);
    mark_read_whole(&mut branch);
    Value::Object(branch)
}

/// An adjacently tagged variant's branch: the tag and content properties
/// (`(t, c)`), with the content's schema and whether it is required, or
/// `None` for a unit variant.
fn adjacent_branch(
    (t, c): (&str, &str),
    tag: &Value,
    content: Option<(Schema, bool)>,
    deny_unknown_fields: bool,
) -> Value {
    let mut props = Map::new();
    props.insert(t.to_owned(), tag.clone());
    let required = if let Some((mut content, content_required)) = content {
        // The walk reads the content whole (serde does when the
        // content comes before the tag).
        read_whole(&mut content);
        props.insert(c.to_owned(), content.to_value());
        if content_required {
            vec![t, c]
        } else {
            vec![t]
        }
    } else {
        let mut unit = Map::new();
        unit.insert("type".into(), Value::from("null"));
        mark_read_whole(&mut unit);
        props.insert(c.to_owned(), Value::Object(unit));
        vec![t]
    };
    Value::Object(object_of(props, required, deny_unknown_fields))
}

/// The tag of a `#[serde(other)]` variant: any string but `names`.
fn other_tag(names: &[&str]) -> Value {
    serde_json::json!({"type": "string", "not": {"enum": names}})
}

/// A data enum's schema, discriminated as serde reads it: `allOf` one
/// `{"if", "then"}` per variant (and name), where `if` picks the variant
/// as serde does (by its tag, or, untagged, by the value's JSON type) and
/// `then` is the variant's own schema. A validator so reports only the
/// violations of the variant the value is, at their own paths, as the Rust
/// checks do. What no variant reads is said around it: the JSON types the
/// enum reads (`type`), the tag (`required`, and the tag's names as a
/// `oneOf` of `const`s), and, for an externally tagged object that names no
/// variant, `enum` of the names. TypeScript generators read it as a union
/// of the `then`s (the npm package's compiler does).
#[must_use]
pub fn data_enum_schema(
    description: Option<&str>,
    repr: Repr,
    deny_unknown_fields: bool,
    variants: &[VariantSchema],
) -> Schema {
    let mut map = Map::new();
    if let Some(d) = description {
        map.insert("description".into(), Value::from(d));
    }
    let mut parts = Vec::new();
    match repr {
        Repr::Untagged => {
            let all = variants.iter().fold(0, |bits, v| bits | v.types);
            map.insert("type".into(), json_types(all));
            mark_read_whole(&mut map);
            for v in variants {
                let select = serde_json::json!({"type": json_types(v.types)});
                parts.extend(v.branches.iter().map(|b| when(select.clone(), b.clone())));
            }
        }
        Repr::Internal(t) | Repr::Adjacent(t, _) => {
            map.insert("type".into(), Value::from("object"));
            map.insert("required".into(), Value::from(vec![t]));
            let mut props = Map::new();
            let mut tag = tag_names(variants);
            // An adjacently tagged enum's tag is read whole, whatever it is.
            if let (Repr::Adjacent(..), Some(tag)) = (repr, tag.as_object_mut()) {
                mark_read_whole(tag);
            }
            props.insert(t.to_owned(), tag);
            if let (Repr::Adjacent(_, c), true) = (repr, deny_unknown_fields) {
                props.insert(c.to_owned(), Value::Bool(true));
                map.insert("additionalProperties".into(), Value::Bool(false));
            }
            map.insert("properties".into(), Value::Object(props));
            for v in variants {
                let select = serde_json::json!({
                    "type": "object", "required": [t], "properties": {t: v.tag},
                });
                parts.extend(v.branches.iter().map(|b| when(select.clone(), b.clone())));
            }
        }
        Repr::External => external(&mut map, &mut parts, variants),
    }
    map.insert("allOf".into(), Value::Array(parts));
    Schema::from(map)
}

/// The parts of an externally tagged enum: a string is a unit variant's
/// name (a data variant's name there is a `type` violation: it needs its
/// content), an object names one data variant by its one property.
fn external(map: &mut Map<String, Value>, parts: &mut Vec<Value>, variants: &[VariantSchema]) {
    let has_unit = variants.iter().any(|v| v.unit);
    let other = variants.iter().any(|v| v.other);
    let listed = || variants.iter().filter(|v| !v.other);
    let data_names: Vec<&str> = variants
        .iter()
        .filter(|v| !v.unit)
        .flat_map(|v| v.names.iter().map(String::as_str))
        .collect();
    let every: Vec<&str> = listed()
        .flat_map(|v| v.names.iter().map(String::as_str))
        .collect();
    let names: Vec<&str> = listed().map(|v| v.names[0].as_str()).collect();
    // An object that names no variant (with a `#[serde(other)]` variant,
    // every property names one: an empty object).
    let nameless = if other {
        serde_json::json!({"type": "object", "maxProperties": 0})
    } else {
        let each: Vec<Value> = every.iter().map(|n| has(n)).collect();
        serde_json::json!({"type": "object", "not": {"anyOf": each}})
    };
    let unnamed = serde_json::json!({"if": nameless, "then": {"enum": names}});
    if has_unit {
        map.insert("type".into(), serde_json::json!(["string", "object"]));
        map.insert("if".into(), serde_json::json!({"type": "string"}));
        // A data variant's name needs its content (an object); with every
        // data variant skipped there is none to name, and `enum` may not be
        // empty.
        let string = if data_names.is_empty() {
            // Nor is anything inside an object read: it names no variant
            // serde reads as one (`enum`), or names a unit variant (`type`).
            // An empty `properties` says so to a reader of the schema (the
            // npm package's search for values no JSON type holds), and
            // changes no verdict.
            map.insert("properties".into(), Value::Object(Map::new()));
            tag_names(variants)
        } else {
            serde_json::json!({
                "if": {"enum": data_names},
                "then": {"type": "object"},
                "else": tag_names(variants),
            })
        };
        map.insert("then".into(), string);
        map.insert("else".into(), unnamed);
    } else {
        map.insert("type".into(), Value::from("object"));
        if let Value::Object(unnamed) = unnamed {
            map.extend(unnamed);
        }
    }
    for v in variants {
        if v.other {
            // Any other string, or an object with any other property,
            // which serde reads as this unit variant (a string).
            let select = serde_json::json!({"anyOf": [
                {"type": "string", "not": {"enum": every}},
                {"type": "object", "not": {"propertyNames": {"enum": every}}},
            ]});
            parts.extend(v.branches.iter().map(|b| when(select.clone(), b.clone())));
            continue;
        }
        for (name, branch) in v.names.iter().zip(&v.branches) {
            let select = if v.unit {
                serde_json::json!({"anyOf": [{"const": name}, has(name)]})
            } else {
                has(name)
            };
            parts.push(when(select, branch.clone()));
        }
    }
}

/// An object that has property `name` (with `properties`, which strict
/// validators want beside `required`).
fn has(name: &str) -> Value {
    serde_json::json!({"type": "object", "required": [name], "properties": {name: true}})
}

/// `{"if": select, "then": then}`.
fn when(select: Value, then: Value) -> Value {
    let mut map = Map::new();
    map.insert("if".into(), select);
    map.insert("then".into(), then);
    Value::Object(map)
}

/// What a tag may be: any string with a `#[serde(other)]` variant, else
/// `oneOf` a `const` per name, aliases marked `x-aliasOf`.
fn tag_names(variants: &[VariantSchema]) -> Value {
    if variants.iter().any(|v| v.other) {
        return serde_json::json!({"type": "string"});
    }
    let branches = variants
        .iter()
        .flat_map(|v| {
            let primary = v.names[0].as_str();
            v.names
                .iter()
                .enumerate()
                .map(move |(i, n)| name_branch(n, None, (i > 0).then_some(primary)))
        })
        .collect();
    serde_json::json!({ "oneOf": Value::Array(branches) })
}

/// The JSON Schema `type` of a set of JSON types (bits of
/// [`crate::types`]): one name, or an array of them in the order the
/// Rust `type` violation names them.
fn json_types(bits: u8) -> Value {
    let names = crate::types::schema_names(bits);
    match names.as_slice() {
        [one] => Value::from(*one),
        _ => Value::from(names),
    }
}

#[cfg(test)]
mod tests {
    use super::F32_EDGE;

    #[test]
    #[allow(
        clippy::cast_possible_truncation,
        clippy::float_cmp,
        reason = "the conversion under test, exactly"
    )]
    fn f32_edge_is_the_largest_double_an_f32_holds() {
        assert_eq!(F32_EDGE as f32, f32::MAX);
        assert_eq!(F32_EDGE.next_up(), 2_f64.powi(128) - 2_f64.powi(103));
        assert!((F32_EDGE.next_up() as f32).is_infinite());
        assert!(((-F32_EDGE).next_down() as f32).is_infinite());
        assert_eq!(-F32_EDGE as f32, f32::MIN);
    }
}
