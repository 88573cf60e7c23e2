//! The two models: `Raw*` as written (with spans, possibly inconsistent), and
//! the checked model that `emit` reads. Only `check` turns one into the other.
//! serde's meaning of its own attributes (names, defaults, skips) comes from
//! `serde_derive_internals`, the crate serde_derive itself is built on.

use proc_macro2::Span;
use syn::{Ident, Member, Type};

/// What a rule takes after its name.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Takes {
    /// `= N`
    Count,
    /// `= "text"`
    Text,
    /// `("A", "B")`
    Texts,
    /// `(min = A, max = B)`
    Bounds,
    /// Nothing.
    Nothing,
    /// Nothing, or `(by = field)`.
    Key,
    /// `(rule, ...)`: rules on each item, key or value.
    Rules,
    /// `(check = path, description = "...")`
    Check,
}

/// One row of the rules table.
pub struct Spec {
    pub name: &'static str,
    pub takes: Takes,
    /// The JSON type the rule checks, if it checks one.
    pub family: Option<Family>,
    /// Allowed inside `items(...)` and `values(...)`.
    pub on_items: bool,
    /// Allowed inside `keys(...)` (a key is a string).
    pub on_keys: bool,
    /// For a rule that is one runtime call on each path: its module under
    /// `desk_schema::rules`, the check (typed values and raw views alike)
    /// and the function that writes its schema keywords. Both take the
    /// rule's arguments after the value (or the schema).
    pub runtime: Option<(&'static str, &'static str, &'static str)>,
}

const TEXT: Option<Family> = Some(Family::Text);
const LIST: Option<Family> = Some(Family::List);

/// The one table of field rules: a rule's name, what it takes, what it
/// checks, where it may go and its runtime calls come from here; `syntax`
/// parses by `takes`, `check` reads `family`, and `emit` writes `runtime`.
#[rustfmt::skip]
pub const RULES: &[Spec] = &[
    Spec { name: "max_bytes", takes: Takes::Count, family: TEXT, on_items: true, on_keys: true, runtime: Some(("bytes", "max", "schema_max")) },
    Spec { name: "min_bytes", takes: Takes::Count, family: TEXT, on_items: true, on_keys: true, runtime: Some(("bytes", "min", "schema_min")) },
    Spec { name: "max_chars", takes: Takes::Count, family: TEXT, on_items: true, on_keys: true, runtime: Some(("chars", "max", "schema_max")) },
    Spec { name: "min_chars", takes: Takes::Count, family: TEXT, on_items: true, on_keys: true, runtime: Some(("chars", "min", "schema_min")) },
    Spec { name: "max_graphemes", takes: Takes::Count, family: TEXT, on_items: true, on_keys: true, runtime: Some(("graphemes", "max", "schema_max")) },
    Spec { name: "min_graphemes", takes: Takes::Count, family: TEXT, on_items: true, on_keys: true, runtime: Some(("graphemes", "min", "schema_min")) },
    Spec { name: "one_of", takes: Takes::Texts, family: TEXT, on_items: true, on_keys: true, runtime: Some(("one_of", "check", "schema")) },
    Spec { name: "printable_ascii", takes: Takes::Nothing, family: TEXT, on_items: true, on_keys: true, runtime: Some(("charset", "printable_ascii", "schema_printable_ascii")) },
    Spec { name: "not_prefix", takes: Takes::Text, family: TEXT, on_items: true, on_keys: true, runtime: Some(("prefix", "check", "schema")) },
    Spec { name: "range", takes: Takes::Bounds, family: Some(Family::Integer), on_items: true, on_keys: false, runtime: Some(("range", "check", "schema")) },
    Spec { name: "max_items", takes: Takes::Count, family: LIST, on_items: true, on_keys: false, runtime: Some(("items", "max", "schema_max")) },
    Spec { name: "min_items", takes: Takes::Count, family: LIST, on_items: true, on_keys: false, runtime: Some(("items", "min", "schema_min")) },
    Spec { name: "unique", takes: Takes::Key, family: LIST, on_items: false, on_keys: false, runtime: None },
    Spec { name: "items", takes: Takes::Rules, family: LIST, on_items: false, on_keys: false, runtime: None },
    Spec { name: "keys", takes: Takes::Rules, family: LIST, on_items: false, on_keys: false, runtime: None },
    Spec { name: "values", takes: Takes::Rules, family: LIST, on_items: false, on_keys: false, runtime: None },
    Spec { name: "nested", takes: Takes::Nothing, family: None, on_items: false, on_keys: false, runtime: None },
    Spec { name: "skip", takes: Takes::Nothing, family: None, on_items: false, on_keys: false, runtime: None },
    Spec { name: "custom", takes: Takes::Check, family: None, on_items: false, on_keys: false, runtime: None },
];

/// The table's row for `name`.
pub fn spec(name: &str) -> Option<&'static Spec> {
    RULES.iter().find(|s| s.name == name)
}

/// A rule as written, with the span of its key for error messages and for
/// the generated code (so a type error lands on the attribute).
#[derive(Clone)]
pub struct RawRule {
    pub spec: &'static Spec,
    pub span: Span,
    pub kind: RuleKind,
}

impl RawRule {
    pub fn name(&self) -> &'static str {
        self.spec.name
    }

    pub fn is(&self, name: &str) -> bool {
        self.spec.name == name
    }
}

/// A rule's arguments, by what its row `takes`.
#[derive(Clone)]
pub enum RuleKind {
    Count(usize),
    Text(String),
    Texts(Vec<String>),
    Bounds {
        min: Option<i128>,
        max: Option<i128>,
    },
    Nothing,
    Key {
        by: Option<Ident>,
    },
    /// The rules on each item (`items`), key (`keys`) or value (`values`),
    /// reported at the item's or the entry's own path.
    Rules(Vec<RawRule>),
    Check {
        check: syn::Path,
        description: String,
    },
}

/// What JSON type a rule checks: two rules of different families on one
/// field contradict each other.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Family {
    Text,
    List,
    Integer,
}

impl Family {
    pub fn noun(self) -> &'static str {
        match self {
            Family::Text => "a string",
            Family::List => "a list or a map",
            Family::Integer => "a number",
        }
    }
}

/// A struct-level custom rule.
pub struct CustomRule {
    pub check: syn::Path,
    pub description: String,
    /// The rule over the raw JSON object, so it runs even when the object
    /// does not deserialize (otherwise it runs on the deserialized value).
    pub check_value: Option<syn::Path>,
}

/// The value serde gives a field that is absent from the JSON object, as
/// serde_derive computes it.
#[derive(Clone)]
pub enum Absent {
    /// No default: the field is required (unless its type reads `null`-like
    /// absence, as `Option` does).
    Required,
    /// `#[serde(default)]` on the field: the field type's `Default`.
    FieldDefault,
    /// `#[serde(default = "path")]` on the field.
    FieldPath(syn::ExprPath),
    /// `#[serde(default)]` on the struct: this field of `Self::default()`.
    ContainerDefault,
    /// `#[serde(default = "path")]` on the struct: this field of `path()`.
    ContainerPath(syn::ExprPath),
}

pub struct RawField {
    pub member: Member,
    pub ty: Type,
    pub span: Span,
    /// The name read from JSON (serde's `rename`, `rename_all`).
    pub json: String,
    pub docs: Option<String>,
    pub rules: Vec<RawRule>,
    /// A rule that could not be read (already reported).
    pub bad_rule: bool,
    /// `skip` or `skip_deserializing`: never read from JSON.
    pub serde_skipped: bool,
    pub absent: Absent,
}

pub struct RawVariant {
    pub ident: Ident,
    pub json: String,
    pub aliases: Vec<String>,
    pub skipped: bool,
    pub other: bool,
    pub docs: Option<String>,
}

/// How serde writes an enum's variant (`#[serde(tag, content)]`).
#[derive(Clone)]
pub enum Repr {
    /// `"Unit"` or `{"Variant": content}`.
    External,
    /// `{"tag": "Variant", ...fields}`.
    Internal(String),
    /// `{"tag": "Variant", "content": content}`.
    Adjacent(String, String),
    /// The content alone (`#[serde(untagged)]`): accepted only when no two
    /// variants read the same JSON type, so serde's "first variant that
    /// fits" is the one variant that can.
    Untagged,
}

/// What a variant of a data enum holds.
pub enum RawVariantData {
    Unit,
    /// One unnamed field: the content is that field's value.
    Newtype(Box<RawField>),
    /// Named fields: the content is an object.
    Struct(Vec<RawField>),
    /// Several unnamed fields (refused, already reported).
    Tuple,
}

pub struct RawDataVariant {
    pub head: RawVariant,
    pub data: RawVariantData,
}

pub enum RawShape {
    /// An object with named fields.
    Struct(Vec<RawField>),
    /// A one-field tuple struct, or a `#[serde(transparent)]` struct: the
    /// JSON value is the one read field's, at the same path.
    Newtype(Vec<RawField>),
    /// A unit-only enum: a JSON string.
    Enum(Vec<RawVariant>),
    /// An enum with data, or with a tag: each variant as serde writes it.
    DataEnum(Repr, Vec<RawDataVariant>),
}

pub struct RawInput {
    pub ident: Ident,
    /// The type's own lifetimes and type parameters (no const parameters).
    pub generics: syn::Generics,
    pub docs: Option<String>,
    pub context: Option<Type>,
    pub customs: Vec<CustomRule>,
    pub schema_with: Option<syn::Path>,
    pub deny_unknown_fields: bool,
    pub shape: RawShape,
}

/// A checked rule (`Nested` and `Skip` are folded into the field's mode, and
/// never appear among a checked field's rules).
pub type Rule = RawRule;

/// How a field is checked: every field says it, and only these three ways.
pub enum Mode {
    /// Read whole (any `Deserialize` type), no rules.
    Skip,
    /// Rules, no walk into the type's own rules (the type is a `Leaf`).
    Rules,
    /// The type's own rules (it derives `Validate`), and these rules too.
    Nested(Span),
}

pub struct Field {
    pub member: Member,
    pub ty: Type,
    pub span: Span,
    pub json: String,
    pub docs: Option<String>,
    pub rules: Vec<Rule>,
    pub mode: Mode,
    pub absent: Absent,
}

impl Field {
    /// Fields read whole into a small `serde_json::Value` and deserialized
    /// (`skip`), rather than walked.
    pub fn is_buffered(&self) -> bool {
        matches!(self.mode, Mode::Skip)
    }

    /// The identifier of the field in its view struct.
    pub fn view_ident(&self) -> Ident {
        match &self.member {
            Member::Named(ident) => ident.clone(),
            Member::Unnamed(index) => quote::format_ident!("__desk_{}", index.index),
        }
    }

    pub fn has_customs(&self) -> bool {
        self.rules.iter().any(|r| r.is("custom"))
    }
}

/// A field serde never reads, with the value it takes.
pub struct Skipped {
    pub member: Member,
    pub absent: Absent,
}

pub struct Variant {
    pub ident: Ident,
    pub json: String,
    pub aliases: Vec<String>,
    pub docs: Option<String>,
}

/// A checked variant of a data enum.
pub enum VariantData {
    Unit,
    Newtype(Box<Field>),
    Struct {
        fields: Vec<Field>,
        /// Fields serde never reads, with their values.
        skipped: Vec<Skipped>,
    },
}

pub struct DataVariant {
    pub head: Variant,
    pub data: VariantData,
}

pub enum Shape {
    Struct(Vec<Field>),
    Newtype(Box<Field>),
    Enum {
        variants: Vec<Variant>,
        /// The `#[serde(other)]` variant: any other string reads as it.
        other: Option<Ident>,
    },
    DataEnum {
        repr: Repr,
        variants: Vec<DataVariant>,
        /// The `#[serde(other)]` unit variant: any other tag reads as it.
        other: Option<Ident>,
    },
}

pub struct Input {
    /// Fields serde never reads, with their values: needed to build the
    /// value from a view.
    pub serde_skipped: Vec<Skipped>,
    pub ident: Ident,
    pub generics: syn::Generics,
    pub docs: Option<String>,
    pub context: Option<Type>,
    pub customs: Vec<CustomRule>,
    pub schema_with: Option<syn::Path>,
    pub deny_unknown_fields: bool,
    pub shape: Shape,
}
