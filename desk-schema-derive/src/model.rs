//! The two models: `Raw*` as written (with spans, possibly inconsistent), and
//! the checked model that `emit` reads. Only `check` turns one into the other.

use proc_macro2::Span;
use syn::{Ident, Type};

use crate::case::RenameRule;

/// A rule as written, with the span of its key for error messages and for
/// the generated code (so a type error lands on the attribute).
#[derive(Clone)]
pub struct RawRule {
    pub name: &'static str,
    pub span: Span,
    pub kind: RuleKind,
}

#[derive(Clone)]
pub enum RuleKind {
    MaxBytes(usize),
    MinBytes(usize),
    MaxChars(usize),
    MinChars(usize),
    MaxGraphemes(usize),
    MinGraphemes(usize),
    OneOf(Vec<String>),
    PrintableAscii,
    NotPrefix(String),
    Range {
        min: Option<i128>,
        max: Option<i128>,
    },
    MaxItems(usize),
    MinItems(usize),
    Unique {
        by: Option<Ident>,
    },
    Nested,
    Skip,
    Custom {
        check: syn::Path,
        description: String,
    },
}

impl RuleKind {
    /// Rules that check text.
    pub fn is_text(&self) -> bool {
        matches!(
            self,
            RuleKind::MaxBytes(_)
                | RuleKind::MinBytes(_)
                | RuleKind::MaxChars(_)
                | RuleKind::MinChars(_)
                | RuleKind::MaxGraphemes(_)
                | RuleKind::MinGraphemes(_)
                | RuleKind::OneOf(_)
                | RuleKind::PrintableAscii
                | RuleKind::NotPrefix(_)
        )
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

pub struct SerdeContainer {
    pub rename_all: Option<RenameRule>,
    pub deny_unknown_fields: bool,
    pub default: bool,
}

/// serde's `default` on a field: `Some(None)` for `default`, `Some(Some(f))`
/// for `default = "f"`.
pub type SerdeDefault = Option<Option<syn::ExprPath>>;

pub struct SerdeField {
    pub rename: Option<String>,
    /// `skip` or `skip_deserializing`: not read from JSON at all.
    pub skipped: Option<Span>,
    pub default: SerdeDefault,
    pub flatten: Option<Span>,
}

pub struct RawField {
    pub ident: Ident,
    pub ty: Type,
    pub docs: Option<String>,
    pub rules: Vec<RawRule>,
    /// A rule that could not be read (already reported).
    pub bad_rule: bool,
    pub serde: SerdeField,
}

pub struct RawVariant {
    pub ident: Ident,
    pub rename: Option<String>,
    pub skipped: bool,
}

pub enum RawShape {
    Struct(Vec<RawField>),
    Enum(Vec<RawVariant>),
}

pub struct RawInput {
    pub ident: Ident,
    pub docs: Option<String>,
    pub context: Option<Type>,
    pub customs: Vec<CustomRule>,
    pub schema_with: Option<syn::Path>,
    pub serde: SerdeContainer,
    pub shape: RawShape,
}

/// A checked rule: `Nested` and `Skip` are folded into the field.
pub struct Rule {
    pub span: Span,
    pub kind: RuleKind,
}

pub struct Field {
    pub ident: Ident,
    pub ty: Type,
    pub json: String,
    pub docs: Option<String>,
    pub rules: Vec<Rule>,
    pub nested: Option<Span>,
    pub skip: bool,
    /// The value serde gives the field when it is absent, if it has one
    /// (field or container `default`): such a field is never required.
    pub default: SerdeDefault,
}

impl Field {
    /// Rules other than `custom`, which need the field's type to be one the
    /// runtime can view (`ValidateIn`).
    pub fn has_builtin_rules(&self) -> bool {
        self.rules
            .iter()
            .any(|r| !matches!(r.kind, RuleKind::Custom { .. }))
    }

    /// Fields read whole into a small `serde_json::Value` and deserialized
    /// (`skip`, or only `custom` rules), rather than walked.
    pub fn is_buffered(&self) -> bool {
        self.skip || !(self.has_builtin_rules() || self.nested.is_some())
    }
}

pub struct Variant {
    pub ident: Ident,
    pub json: String,
}

pub enum Shape {
    Struct(Vec<Field>),
    Enum(Vec<Variant>),
}

pub struct Input {
    /// Fields serde never reads (`skip`), with their defaults: needed to
    /// build the value from a view.
    pub serde_skipped: Vec<(Ident, SerdeDefault)>,
    pub ident: Ident,
    pub docs: Option<String>,
    pub context: Option<Type>,
    pub customs: Vec<CustomRule>,
    pub schema_with: Option<syn::Path>,
    pub deny_unknown_fields: bool,
    pub shape: Shape,
}
