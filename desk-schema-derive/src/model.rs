//! The two models: `Raw*` as written (with spans, possibly inconsistent), and
//! the checked model that `emit` reads. Only `check` turns one into the other.
//! serde's meaning of its own attributes (names, defaults, skips) comes from
//! `serde_derive_internals`, the crate `serde_derive` itself is built on.

use proc_macro2::Span;
use syn::meta::ParseNestedMeta;
use syn::{Ident, Member, Type};

use crate::syntax::args;

/// One row of the rules table: everything about a rule that is known before
/// its arguments are read.
pub(crate) struct Spec {
    pub name: &'static str,
    /// How its arguments are written: what an entry in another form is
    /// told to write instead (`syntax::misshapen`).
    pub form: Form,
    /// Reads the rule's arguments (after its name) into the checked model.
    pub parse: fn(&ParseNestedMeta<'_>) -> syn::Result<Parsed>,
    /// Allowed inside `items(...)` and `values(...)`.
    pub on_items: bool,
    /// Allowed inside `keys(...)` (a key is a string).
    pub on_keys: bool,
    /// The figures a violation of the rule carries: the `{placeholders}` a
    /// field's `message(...)` may use. The report writes them
    /// (`desk_schema::Report`'s JSON, beside `path`, `code` and `message`),
    /// and `tests/tests/codes.rs` holds each row to what it writes. None for
    /// `custom` (and for `items`, `keys` and `values`, whose rules carry
    /// their own).
    pub figures: &'static [&'static str],
    /// The code its violations carry (`Kind::code`), which a rule's own
    /// `message(rule, ...)` is chosen by; empty for an entry that reports
    /// nothing of its own (`items`, `custom`, `nested`, ...).
    pub code: &'static str,
}

/// How a rule's arguments are written after its name.
#[derive(Clone, Copy)]
pub(crate) enum Form {
    /// Nothing: `ascii`.
    Flag,
    /// `= VALUE`, VALUE as the example writes it (`10`, `"..."`).
    Value(&'static str),
    /// `(ARGUMENTS)`, as the example writes them (`min = 1, max = 10`).
    List(&'static str),
    /// Nothing, or `(ARGUMENTS)`: `unique`, `unique(by = key)`.
    FlagOrList(&'static str),
}

/// A string rule: on a field, on each item or value, and on each key.
const fn text(
    name: &'static str,
    form: Form,
    code: &'static str,
    figures: &'static [&'static str],
    parse: fn(&ParseNestedMeta<'_>) -> syn::Result<Parsed>,
) -> Spec {
    Spec {
        name,
        form,
        parse,
        on_items: true,
        on_keys: true,
        figures,
        code,
    }
}

/// A rule on the field itself (or, with `on_items`, on each item).
const fn field(
    name: &'static str,
    form: Form,
    code: &'static str,
    on_items: bool,
    figures: &'static [&'static str],
    parse: fn(&ParseNestedMeta<'_>) -> syn::Result<Parsed>,
) -> Spec {
    Spec {
        name,
        form,
        parse,
        on_items,
        on_keys: false,
        figures,
        code,
    }
}

/// The one table of field rules. A row names the rule, says where it may
/// go and what figures its violations carry; its `parse` reads the arguments into a [`RuleKind`] variant, which
/// `check` and every part of `emit` match exhaustively. The rule's runtime
/// module (`desk_schema::rules::<name>`) has the rule's name.
#[rustfmt::skip]
pub(crate) const RULES: &[Spec] = &[
    text("max_bytes", Form::Value("10"), "max_bytes", &["limit", "bytes", "chars"], |m| Ok(RuleKind::MaxBytes(args::count(m)?).into())),
    text("min_bytes", Form::Value("1"), "min_bytes", &["limit", "bytes"], |m| Ok(RuleKind::MinBytes(args::count(m)?).into())),
    text("max_chars", Form::Value("10"), "max_chars", &["limit", "chars"], |m| Ok(RuleKind::MaxChars(args::count(m)?).into())),
    text("min_chars", Form::Value("1"), "min_chars", &["limit", "chars"], |m| Ok(RuleKind::MinChars(args::count(m)?).into())),
    text("max_graphemes", Form::Value("10"), "max_graphemes", &["limit", "graphemes"], |m| Ok(RuleKind::MaxGraphemes(args::count(m)?).into())),
    text("min_graphemes", Form::Value("1"), "min_graphemes", &["limit", "graphemes"], |m| Ok(RuleKind::MinGraphemes(args::count(m)?).into())),
    text("max_utf16", Form::Value("10"), "max_utf16", &["limit", "units"], |m| Ok(RuleKind::MaxUtf16(args::count(m)?).into())),
    text("min_utf16", Form::Value("1"), "min_utf16", &["limit", "units"], |m| Ok(RuleKind::MinUtf16(args::count(m)?).into())),
    text("one_of", Form::List("\"A\", \"B\""), "enum", &["allowed"], |m| Ok(args::one_of(m)?.into())),
    text("printable_ascii", Form::Flag, "charset", &["offset", "code_point"], |_| Ok(RuleKind::PrintableAscii.into())),
    text("ascii", Form::Flag, "ascii", &["offset", "code_point"], |_| Ok(RuleKind::Ascii.into())),
    text("not_prefix", Form::Value("\"@TGS#\""), "reserved_prefix", &["prefix"], |m| Ok(RuleKind::NotPrefix(args::text(m, "not_prefix")?).into())),
    text("prefix", Form::Value("\"...\""), "prefix", &["prefix"], |m| Ok(RuleKind::Prefix(args::text(m, "prefix")?).into())),
    text("suffix", Form::Value("\"...\""), "suffix", &["suffix"], |m| Ok(RuleKind::Suffix(args::text(m, "suffix")?).into())),
    text("contains", Form::Value("\"...\""), "contains", &["substring"], |m| Ok(RuleKind::Contains(args::text(m, "contains")?).into())),
    text("pattern", Form::Value("\"^[a-z]+$\""), "pattern", &["pattern"], |m| {
        let (portable, written) = args::pattern(m)?;
        Ok(RuleKind::Pattern { portable, written }.into())
    }),
    text("email", Form::Flag, "format", &["format"], |_| Ok(RuleKind::Format("Email").into())),
    text("uri", Form::Flag, "format", &["format"], |_| Ok(RuleKind::Format("Uri").into())),
    text("uuid", Form::Flag, "format", &["format"], |_| Ok(RuleKind::Format("Uuid").into())),
    text("date_time", Form::Flag, "format", &["format"], |_| Ok(RuleKind::Format("DateTime").into())),
    text("date", Form::Flag, "format", &["format"], |_| Ok(RuleKind::Format("Date").into())),
    text("ipv4", Form::Flag, "format", &["format"], |_| Ok(RuleKind::Format("Ipv4").into())),
    text("ipv6", Form::Flag, "format", &["format"], |_| Ok(RuleKind::Format("Ipv6").into())),
    field("range", Form::List("min = 1, max = 10"), "range", true, &["min", "max", "actual"], |m| { let (min, max) = args::bounds(m)?; Ok(RuleKind::Range { min, max }.into()) }),
    field("max_items", Form::Value("10"), "max_items", true, &["limit", "items"], |m| Ok(RuleKind::MaxItems(args::count(m)?).into())),
    field("min_items", Form::Value("1"), "min_items", true, &["limit", "items"], |m| Ok(RuleKind::MinItems(args::count(m)?).into())),
    field("unique", Form::FlagOrList("by = field"), "duplicate", false, &["key", "first"], |m| Ok(RuleKind::Unique { by: args::key(m)? }.into())),
    field("items", Form::List("max_bytes = 32"), "", false, &[], |m| Ok(RuleKind::Items(args::inner(m, "items", false)?).into())),
    field("keys", Form::List("max_bytes = 32"), "", false, &[], |m| Ok(RuleKind::Keys(args::inner(m, "keys", true)?).into())),
    field("values", Form::List("max_bytes = 32"), "", false, &[], |m| Ok(RuleKind::Values(args::inner(m, "values", false)?).into())),
    field("custom", Form::List("check = path::to::function, description = \"...\""), "", false, &[], |m| { let (check, description) = args::custom(m)?; Ok(RuleKind::Custom { check, description }.into()) }),
    field("message", Form::List("en = \"...\", zh_cn = \"...\""), "", false, &[], |m| { let (rule, texts) = args::message(m)?; Ok(Parsed::Message { rule, texts }) }),
    field("nested", Form::Flag, "", false, &[], |_| Ok(Parsed::Nested)),
    field("skip", Form::Flag, "", false, &[], |_| Ok(Parsed::Skip)),
];

impl Rule {
    /// Each rule this one checks (itself, or those inside `items(...)`,
    /// `keys(...)` and `values(...)`) with its figures ([`Spec::figures`]).
    pub(crate) fn figures(&self) -> Vec<(&'static str, &'static [&'static str])> {
        match &self.kind {
            RuleKind::Items(inner) | RuleKind::Keys(inner) | RuleKind::Values(inner) => {
                inner.iter().flat_map(Rule::figures).collect()
            }
            _ => {
                let own = spec(self.name).map_or(&[][..], |s| s.figures);
                vec![(self.name, own)]
            }
        }
    }
}

/// The table's row for `name`.
pub(crate) fn spec(name: &str) -> Option<&'static Spec> {
    RULES.iter().find(|s| s.name == name)
}

/// What one entry of `#[desk(...)]` says: a rule, or how the field is
/// checked (`nested`, `skip`), which `check` folds into the field's [`Mode`].
pub(crate) enum Parsed {
    Rule(RuleKind),
    Nested,
    Skip,
    /// The field's own messages (`message(en = "...", zh_cn = "...")`), for
    /// one of its rules alone when `rule` names it (`message(max_bytes, ...)`).
    Message {
        rule: Option<Ident>,
        texts: Texts,
    },
}

impl From<RuleKind> for Parsed {
    fn from(kind: RuleKind) -> Self {
        Parsed::Rule(kind)
    }
}

/// A message in English and in Simplified Chinese, one or both.
pub(crate) type Texts = (Option<String>, Option<String>);

/// A field's own messages: one for its rules without their own, and a
/// rule's own, by the code its violations carry.
pub(crate) struct FieldMessages {
    /// `message(en = "...", zh_cn = "...")`.
    pub rest: Option<Texts>,
    /// `message(rule, en = "...", zh_cn = "...")`, by the rule's code.
    pub by_code: Vec<(&'static str, Texts)>,
}

/// An entry as written, with the span of its key for error messages.
pub(crate) struct RawRule {
    pub spec: &'static Spec,
    pub span: Span,
    pub parsed: Parsed,
}

/// A rule with its arguments, one variant per rule: `check` and `emit`
/// match on it exhaustively, so a new rule is a compile error at every
/// place that must handle it.
#[derive(Clone)]
pub(crate) enum RuleKind {
    MaxBytes(usize),
    MinBytes(usize),
    MaxChars(usize),
    MinChars(usize),
    MaxGraphemes(usize),
    MinGraphemes(usize),
    MaxUtf16(usize),
    MinUtf16(usize),
    OneOf(Vec<String>),
    /// `one_of` with whole numbers: a number's integer enum, and the
    /// field's `range` bounds beside it (set by `check`), outside which a
    /// number is left to `range`.
    OneOfIntegers {
        values: Vec<i128>,
        within: (Option<i128>, Option<i128>),
    },
    PrintableAscii,
    Ascii,
    NotPrefix(String),
    Prefix(String),
    Suffix(String),
    Contains(String),
    /// A regular expression: `portable`, in the spelling every engine reads
    /// alike (see `pattern::portable`), which the check and the schema use;
    /// `written`, as the attribute gives it, which the report names.
    Pattern {
        portable: String,
        written: String,
    },
    /// A JSON Schema format: the variant of `desk_schema::rules::format::Format`.
    Format(&'static str),
    Range {
        min: Option<i128>,
        max: Option<i128>,
    },
    MaxItems(usize),
    MinItems(usize),
    Unique {
        by: Option<Ident>,
    },
    /// The rules on each item, reported at the item's own path.
    Items(Vec<Rule>),
    /// The rules on each key of a map, reported at the entry's path.
    Keys(Vec<Rule>),
    /// The rules on each value of a map, reported at the entry's path.
    Values(Vec<Rule>),
    Custom {
        check: syn::Path,
        description: String,
    },
}

impl Parsed {
    /// Whether this is a format rule (`email`, `uri`, ...).
    pub(crate) fn is_format(&self) -> bool {
        matches!(self, Parsed::Rule(kind) if kind.is_format())
    }
}

impl RuleKind {
    /// Whether this is a format rule (`email`, `uri`, ...): a field takes
    /// one, as JSON Schema's `format` names one.
    pub(crate) fn is_format(&self) -> bool {
        matches!(self, RuleKind::Format(_))
    }

    /// The JSON type the rule checks, if it checks one.
    pub(crate) fn family(&self) -> Option<Family> {
        match self {
            RuleKind::MaxBytes(_)
            | RuleKind::MinBytes(_)
            | RuleKind::MaxChars(_)
            | RuleKind::MinChars(_)
            | RuleKind::MaxGraphemes(_)
            | RuleKind::MinGraphemes(_)
            | RuleKind::MaxUtf16(_)
            | RuleKind::MinUtf16(_)
            | RuleKind::OneOf(_)
            | RuleKind::PrintableAscii
            | RuleKind::Ascii
            | RuleKind::NotPrefix(_)
            | RuleKind::Prefix(_)
            | RuleKind::Suffix(_)
            | RuleKind::Contains(_)
            | RuleKind::Pattern { .. }
            | RuleKind::Format(_) => Some(Family::Text),
            RuleKind::Range { .. } | RuleKind::OneOfIntegers { .. } => Some(Family::Integer),
            RuleKind::MaxItems(_)
            | RuleKind::MinItems(_)
            | RuleKind::Unique { .. }
            | RuleKind::Items(_)
            | RuleKind::Keys(_)
            | RuleKind::Values(_) => Some(Family::List),
            RuleKind::Custom { .. } => None,
        }
    }
}

/// A checked rule, with the span of its key (so that a type error in the
/// generated call lands on the attribute).
#[derive(Clone)]
pub(crate) struct Rule {
    pub name: &'static str,
    pub span: Span,
    pub kind: RuleKind,
}

/// What JSON type a rule checks: two rules of different families on one
/// field contradict each other.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Family {
    Text,
    List,
    Integer,
    /// No rule checks a boolean; a field of one is named in errors.
    Boolean,
    /// A `char`: a one-character string in JSON, which no rule checks (the
    /// string rules read text, and a `char` holds none).
    Char,
}

impl Family {
    pub(crate) fn noun(self) -> &'static str {
        match self {
            Family::Text => "a string",
            Family::List => "a list or a map",
            Family::Integer => "a number",
            Family::Boolean => "a boolean",
            Family::Char => "one character",
        }
    }
}

/// A struct-level custom rule.
pub(crate) struct CustomRule {
    pub check: syn::Path,
    pub description: String,
    /// The rule over the raw JSON object, so it runs even when the object
    /// does not deserialize (otherwise it runs on the deserialized value).
    pub check_value: Option<syn::Path>,
}

/// The value serde gives a field that is absent from the JSON object, as
/// `serde_derive` computes it.
#[derive(Clone)]
pub(crate) enum Absent {
    /// No default: the field is required (unless its type reads `null`-like
    /// absence, as `Option` does).
    Required,
    /// `#[serde(default)]` on the field (or serde's `skip` or
    /// `skip_deserializing`, which imply it): the
    /// field type's `Default`, called at the span serde calls it at (the
    /// field's first token), so that a type without `Default` is serde's
    /// error alone (rustc shows identical errors once).
    FieldDefault(proc_macro2::Span),
    /// `#[serde(default = "path")]` on the field.
    FieldPath(syn::ExprPath),
    /// `#[serde(default)]` on the struct: this field of `Self::default()`.
    ContainerDefault,
    /// `#[serde(default = "path")]` on the struct: this field of `path()`.
    ContainerPath(syn::ExprPath),
}

pub(crate) struct RawField {
    pub member: Member,
    pub ty: Type,
    pub span: Span,
    /// The name read from JSON (serde's `rename`, `rename_all`).
    pub json: String,
    pub docs: Option<String>,
    pub rules: Vec<RawRule>,
    /// A rule that could not be read (already reported).
    pub bad_rule: bool,
    /// garde's or validator's attribute on the field (`#[garde(...)]`,
    /// `#[validate(...)]`), the first: read only for the error of a field
    /// without rules.
    pub foreign: Option<syn::Attribute>,
    /// `skip` or `skip_deserializing`: never read from JSON.
    pub serde_skipped: bool,
    pub absent: Absent,
}

pub(crate) struct RawVariant {
    pub ident: Ident,
    pub json: String,
    pub aliases: Vec<String>,
    pub skipped: bool,
    pub other: bool,
    pub docs: Option<String>,
}

/// How serde writes an enum's variant (`#[serde(tag, content)]`).
#[derive(Clone)]
pub(crate) enum Repr {
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
pub(crate) enum RawVariantData {
    Unit,
    /// One unnamed field: the content is that field's value.
    Newtype(Box<RawField>),
    /// Named fields: the content is an object.
    Struct(Vec<RawField>),
    /// Several unnamed fields (refused, already reported).
    Tuple,
}

pub(crate) struct RawDataVariant {
    pub head: RawVariant,
    pub data: RawVariantData,
}

pub(crate) enum RawShape {
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

pub(crate) struct RawInput {
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

/// How a field is checked: every field says it, and only these three ways.
pub(crate) enum Mode {
    /// Read whole (any `Deserialize` type), no rules.
    Skip,
    /// Rules, no walk into the type's own rules (the type is a `Leaf`).
    Rules,
    /// The type's own rules (it derives `Validate`), and these rules too.
    Nested(Span),
}

pub(crate) struct Field {
    pub member: Member,
    pub ty: Type,
    pub span: Span,
    pub json: String,
    pub docs: Option<String>,
    pub rules: Vec<Rule>,
    pub mode: Mode,
    pub absent: Absent,
    /// The field's own messages.
    pub message: Option<FieldMessages>,
    /// The field's types passed through `Nested`, when there are any
    /// (`emit::gate`).
    pub gate: Option<Gate>,
    /// The value of its rules, written once and shared by the typed check
    /// and the walk (`emit::checks::rule_value`).
    pub rule_value: std::cell::OnceCell<Option<(Span, proc_macro2::TokenStream)>>,
    /// The field's type as text when it names a standard plain type
    /// (`emit::checks::plain_key`), read once: the gate, the typed check,
    /// the walk and the proofs each ask.
    pub plain_key: std::cell::OnceCell<Option<String>>,
}

/// A nested field whose types the derive passes through `Nested`.
pub(crate) struct Gate {
    /// Where the first such type is written.
    pub span: Span,
    /// The gated type's alias (`__DeskG0`) whose span `span` is (its first
    /// field's), when every type the field gates took it: fields of one
    /// gated type, written alike or not (`Env<X>` and `Vec<Env<X>>`), then
    /// fail at one place.
    pub alias: Option<usize>,
    /// The number of the field's type as written among the type's gated
    /// types: fields written alike share their identity functions
    /// (`__desk_gate_N`, `__desk_ungate_N`).
    pub index: usize,
    /// The field's type as written.
    pub written: Type,
    /// The type's own type parameters, as the field's identity functions
    /// take them (`::<T>`, or nothing).
    pub turbofish: proc_macro2::TokenStream,
    /// The number of the field's default function (`__desk_default_N`),
    /// for a field with a serde default function of its own
    /// (`#[serde(default = "path")]`).
    pub default: Option<usize>,
    /// Whether a type of the field is gated as `Nested` (not only map keys).
    pub nested: bool,
    /// Whether the field's type names no type parameter of the deriving
    /// type: whether serde reads its absence is then decided where it is
    /// written, and asked by autoref (`emit::gate::absence`).
    pub concrete: bool,
}

/// A gated type (`emit::gate`): its alias, the type as written, and the
/// trait it must pass.
pub(crate) type Gated = (Ident, Type, GateTrait);

/// What a gated type must be (`emit::gate`).
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum GateTrait {
    /// A type `#[desk(nested)]` checks: one that derives `Validate`.
    Nested,
    /// A map key: a string type.
    MapKey,
    /// A type a field's rules check without `nested`: a plain value
    /// (`Leaf`).
    Leaf,
}

impl Field {
    /// [`Field::plain_key`], read once.
    pub(crate) fn plain_key(&self) -> Option<&str> {
        self.plain_key
            .get_or_init(|| crate::emit::plain_key(&self.ty))
            .as_deref()
    }

    /// Fields read whole into a small `serde_json::Value` and deserialized
    /// (`skip`), rather than walked.
    pub(crate) fn is_buffered(&self) -> bool {
        matches!(self.mode, Mode::Skip)
    }

    /// The identifier of the field in its view struct.
    pub(crate) fn view_ident(&self) -> Ident {
        match &self.member {
            Member::Named(ident) => ident.clone(),
            Member::Unnamed(index) => quote::format_ident!("__desk_{}", index.index),
        }
    }

    pub(crate) fn has_customs(&self) -> bool {
        self.rules
            .iter()
            .any(|r| matches!(r.kind, RuleKind::Custom { .. }))
    }
}

/// A field serde never reads, with the value it takes.
pub(crate) struct Skipped {
    pub member: Member,
    pub ty: Type,
    pub absent: Absent,
}

pub(crate) struct Variant {
    pub ident: Ident,
    pub json: String,
    pub aliases: Vec<String>,
    pub docs: Option<String>,
}

/// A checked variant of a data enum.
pub(crate) enum VariantData {
    Unit,
    Newtype(Box<Field>),
    Struct {
        fields: Vec<Field>,
        /// Fields serde never reads, with their values.
        skipped: Vec<Skipped>,
    },
}

pub(crate) struct DataVariant {
    pub head: Variant,
    pub data: VariantData,
}

pub(crate) enum Shape {
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

pub(crate) struct Input {
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
    /// The gated types (`emit::gate`).
    pub gated: Vec<Gated>,
}
