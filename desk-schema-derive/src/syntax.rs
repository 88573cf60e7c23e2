//! Stage one: read `#[desk(...)]`, `#[serde(...)]` and doc comments into the
//! raw model. serde's attributes mean what `serde_derive_internals` (the crate
//! `serde_derive` is built on) says they mean; this module adds only the list of
//! which ones desk-schema mirrors and which it refuses. Every bad attribute is
//! recorded and parsing goes on, so one compile shows them all.

use proc_macro2::{Span, TokenTree};
use serde_derive_internals::{Ctxt, Derive, ast, attr};
use syn::meta::ParseNestedMeta;
use syn::parse::ParseStream;
use syn::{Attribute, DeriveInput, LitStr, Token};

use crate::model::{
    Absent, CustomRule, RULES, RawDataVariant, RawField, RawInput, RawRule, RawShape, RawVariant,
    RawVariantData, Repr, spec,
};
use crate::suggest::hint;

/// Every rule's name, from the one table (`model::RULES`).
fn rule_names() -> Vec<&'static str> {
    RULES.iter().map(|s| s.name).collect()
}

/// The one table of container keys.
pub(crate) const CONTAINER_KEYS: &[&str] = &["context", "crate", "custom", "schema_with"];

/// Where a `#[serde]` attribute sits.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Place {
    Container,
    Field,
    Variant,
}

/// serde attributes mirrored on all three paths (typed checks, the raw walk,
/// the schema), or that do not change what is read from JSON. The derive's
/// serde table (`desk-schema/docs/derive.md`) lists the same keys.
fn serde_accepted(place: Place) -> &'static [&'static str] {
    match place {
        Place::Container => &[
            "rename",
            "rename_all",
            "rename_all_fields",
            "deny_unknown_fields",
            "default",
            "transparent",
            "bound",
            "crate",
            "expecting",
            "into",
            "untagged",
        ],
        Place::Field => &[
            "rename",
            "default",
            "skip",
            "skip_deserializing",
            "skip_serializing",
            "skip_serializing_if",
            "serialize_with",
            "bound",
            "borrow",
        ],
        Place::Variant => &[
            "rename",
            "alias",
            "rename_all",
            "skip",
            "skip_deserializing",
            "skip_serializing",
            "serialize_with",
            "other",
            "bound",
            "borrow",
        ],
    }
}

/// Whether `key` is one of serde's own attributes somewhere (`skip` on a
/// struct is serde's mistake to report, not a desk-schema rule).
fn serde_elsewhere(key: &str) -> bool {
    PLACES.into_iter().any(|place| serde_knows(place, key))
}

const PLACES: [Place; 3] = [Place::Container, Place::Field, Place::Variant];

/// Whether serde has an attribute `key` at `place`: one desk-schema reads,
/// one it refuses, or one left to serde to check (`tag`, `content`).
fn serde_knows(place: Place, key: &str) -> bool {
    let unchecked: &[&str] = match place {
        Place::Container => &["tag", "content"],
        Place::Field => &["getter"],
        Place::Variant => &[],
    };
    serde_accepted(place).contains(&key)
        || unchecked.contains(&key)
        || serde_refusal(place, key, || false).is_some()
}

/// The error for serde's attribute written in `#[desk(...)]` at `place`
/// (`#[desk(rename = "a")]`): it goes in `#[serde(...)]`, where desk-schema
/// reads it; or desk-schema refuses it there too (and says what to do); or
/// serde has it only elsewhere.
fn serde_in_desk(place: Place, key: &str) -> String {
    if place != Place::Container && CONTAINER_KEYS.contains(&key) {
        let on = if place == Place::Field {
            "a field"
        } else {
            "a variant"
        };
        return format!(
            "`{key}` is the type's attribute, not {on}'s: write `#[desk({key} = ...)]` on the \
             struct or enum"
        );
    }
    if let Some(refusal) = serde_refusal(place, key, || false) {
        return format!(
            "`{key}` is serde's attribute, not desk-schema's, and desk-schema refuses it in \
             `#[serde(...)]` too: {refusal}"
        );
    }
    if serde_knows(place, key) {
        // `skip` on a variant: desk-schema's `skip` is a field's.
        let whose = if crate::model::spec(key).is_some() {
            format!(" here, and desk-schema's `{key}` goes on a field")
        } else {
            ", not desk-schema's".to_owned()
        };
        return format!(
            "`{key}` is serde's attribute{whose}: write it in `#[serde(...)]`, which \
             desk-schema reads as serde does"
        );
    }
    let name = |p: Place| match p {
        Place::Container => "a type",
        Place::Field => "a field",
        Place::Variant => "a variant",
    };
    let places: Vec<&str> = PLACES
        .into_iter()
        .filter(|p| serde_knows(*p, key))
        .map(name)
        .collect();
    format!(
        "`{key}` is serde's attribute for {}, not for {}, and not desk-schema's",
        places.join(" or "),
        name(place)
    )
}

/// serde attributes desk-schema cannot mirror on all three paths, and what
/// to do instead.
fn serde_refusal(place: Place, key: &str, skipped: impl FnOnce() -> bool) -> Option<String> {
    let with = || {
        if skipped() {
            // Already skipped: the field is still read, by what the function
            // reads, which no path can see.
            "the raw checks and the schema cannot see what the function reads, on a `#[desk(skip)]` \
         field too (it is still read): write the conversion as the `Deserialize` of a type of \
         its own, with a `schemars::JsonSchema` that says what it reads, and keep the field \
         `#[desk(skip)]`"
        } else {
            "the raw checks and the schema cannot see what the function reads: write the \
         conversion as the `Deserialize` of a type of its own, which derives `Validate` to be \
         checked, or has a `schemars::JsonSchema` that says what it reads in a `#[desk(skip)]` \
         field (where this attribute is refused too: the function is still read)"
        }
    };
    Some(match (place, key) {
        (Place::Container, "remote") => "`#[serde(remote)]` is not supported: the rules would describe \
             another crate's type; derive `Validate` on a local type that mirrors it"
            .into(),
        (Place::Container, "from" | "try_from") => format!(
            "`#[serde({key})]` is not supported: the JSON is read as another type; derive `Validate` \
             on that type and check it before converting"
        ),
        (Place::Container, "variant_identifier" | "field_identifier") => format!(
            "`#[serde({key})]` is not supported: use a plain unit enum (variant names as strings)"
        ),
        (Place::Field, "alias") => "`#[serde(alias)]` on a field is not supported: a JSON Schema \
             cannot require one of two names; rename the field, or read each name into an `Option` field"
            .into(),
        (Place::Field, "flatten") => "`#[serde(flatten)]` is not supported: its fields could not be \
             given JSON paths; nest the type as a field of its own"
            .into(),
        (Place::Field | Place::Variant, "deserialize_with" | "with") => {
            format!("`#[serde({key})]` is not supported: {}", with())
        }
        (Place::Variant, "untagged") => "`#[serde(untagged)]` on a variant is not supported: serde \
             tries it by shape, which a JSON Schema cannot state exactly; give it a tag name like the others"
            .into(),
        _ => return None,
    })
}

/// Checks every key of every `#[serde(...)]` attribute against the two
/// lists. A key serde itself does not know is serde's error to report.
///
/// Returns whether one of them holds a desk-schema rule (`#[serde(max_bytes
/// = 3)]`): serde refuses it as unknown, and the error here says where it
/// goes, so the field is not also told it has no rule.
fn serde_keys(attrs: &[Attribute], place: Place, errors: &mut Errors) -> bool {
    let mut rule_in_serde = false;
    for attr in attrs.iter().filter(|a| a.path().is_ident("serde")) {
        let _ = attr.parse_nested_meta(|meta| {
            let key = key_name(&meta);
            // Read only for a refusal's words: not every field's cost.
            let skipped = || place == Place::Field && desk_skip(attrs);
            if serde_accepted(place).contains(&key.as_str()) {
                return skip_rest(meta.input);
            }
            if let Some(message) = serde_refusal(place, &key, skipped) {
                errors.push(meta.error(message));
            } else if (spec(&key).is_some() || CONTAINER_KEYS.contains(&key.as_str()))
                && !serde_elsewhere(&key)
            {
                // `custom` is a field's rule and the type's; `context` the type's.
                let the_type = CONTAINER_KEYS.contains(&key.as_str())
                    && (place == Place::Container || spec(&key).is_none());
                let on = match place {
                    _ if the_type => " on the type",
                    Place::Field => "",
                    Place::Variant => " on the variant's fields",
                    Place::Container => " on a field",
                };
                errors.push(meta.error(format!(
                    "`{key}` is desk-schema's, not serde's: write it in `#[desk(...)]`{on}"
                )));
                rule_in_serde = true;
            }
            skip_rest(meta.input)
        });
    }
    rule_in_serde
}

/// Whether the attributes hold `#[desk(skip)]` (read apart from the rules,
/// which are parsed after serde's keys are checked).
fn desk_skip(attrs: &[Attribute]) -> bool {
    let mut skip = false;
    for attr in attrs.iter().filter(|a| a.path().is_ident("desk")) {
        let _ = attr.parse_nested_meta(|meta| {
            skip |= meta.path.is_ident("skip");
            skip_rest(meta.input)
        });
    }
    skip
}

/// Collects errors; `finish` folds them into one.
#[derive(Default)]
pub(crate) struct Errors(Option<syn::Error>);

impl Errors {
    pub(crate) fn push(&mut self, error: syn::Error) {
        match &mut self.0 {
            Some(all) => all.combine(error),
            None => self.0 = Some(error),
        }
    }

    /// How many errors have been collected.
    pub(crate) fn count(&self) -> usize {
        self.0
            .as_ref()
            .map_or(0, |all| all.clone().into_iter().count())
    }

    pub(crate) fn finish(self) -> syn::Result<()> {
        self.0.map_or(Ok(()), Err)
    }
}

/// What serde gives a field that is absent, from serde's own reading.
/// `original` is the field as written: serde calls a field's `Default` at
/// its span.
fn absent(field: &attr::Field, container: &attr::Container, original: &syn::Field) -> Absent {
    match (field.default(), container.default()) {
        (attr::Default::Default, _) => Absent::FieldDefault(syn::spanned::Spanned::span(original)),
        (attr::Default::Path(p), _) => Absent::FieldPath(p.clone()),
        (attr::Default::None, attr::Default::Default) => Absent::ContainerDefault,
        (attr::Default::None, attr::Default::Path(p)) => Absent::ContainerPath(p.clone()),
        (attr::Default::None, attr::Default::None) => Absent::Required,
    }
}

fn raw_field(f: &ast::Field<'_>, container: &attr::Container, errors: &mut Errors) -> RawField {
    let rule_in_serde = serde_keys(&f.original.attrs, Place::Field, errors);
    let FieldAttrs {
        rules,
        bad: bad_rule,
        foreign,
    } = field_rules(&f.original.attrs, errors);
    let bad_rule = bad_rule || rule_in_serde;
    RawField {
        member: f.member.clone(),
        ty: f.ty.clone(),
        span: match &f.original.ident {
            Some(ident) => ident.span(),
            None => syn::spanned::Spanned::span(&f.original.ty),
        },
        json: f.attrs.name().deserialize_name().value.clone(),
        docs: docs(&f.original.attrs),
        rules,
        bad_rule,
        foreign,
        serde_skipped: f.attrs.skip_deserializing(),
        absent: absent(&f.attrs, container, f.original),
    }
}

/// The raw model and the errors found so far: checking goes on after a bad
/// attribute, so that one compile reports every problem.
pub(crate) fn parse(input: &DeriveInput) -> (RawInput, Errors) {
    let mut errors = Errors::default();
    for param in &input.generics.params {
        if let syn::GenericParam::Const(c) = param {
            errors.push(syn::Error::new_spanned(
                c,
                "`#[derive(Validate)]` does not support const parameters: a JSON value has no \
                 length in its type; use a `Vec` with `max_items`",
            ));
        }
    }
    // The typed checks borrow each field (`&self.name`), which a packed
    // struct's fields cannot be lent as (E0793, once for each field).
    for attr in input.attrs.iter().filter(|a| a.path().is_ident("repr")) {
        let _ = attr.parse_nested_meta(|meta| {
            if meta.path.is_ident("packed") {
                errors.push(meta.error(
                    "`#[repr(packed)]`: the checks borrow each field, which a packed struct \
                     cannot lend (its fields may be unaligned); derive `Validate` on a struct \
                     without `packed`, and copy into the packed one",
                ));
            }
            skip_rest(meta.input)
        });
    }
    let (context, customs, schema_with, misplaced) = container_attrs(&input.attrs, &mut errors);
    let _ = serde_keys(&input.attrs, Place::Container, &mut errors);
    let private = syn::Ident::new("__private", Span::call_site());
    let cx = Ctxt::new();
    let container = ast::Container::from_ast(&cx, input, Derive::Deserialize, &private);
    let shape = match &container {
        None => {
            // serde refuses unions; so do we, in the same words.
            errors.push(syn::Error::new_spanned(
                &input.ident,
                "`#[derive(Validate)]` does not support unions",
            ));
            RawShape::Struct(Vec::new())
        }
        Some(c) => shape(c, &mut errors),
    };
    // A field's rule written on the type (said where it is): its fields are
    // not also said to have no rule.
    let mut shape = shape;
    if misplaced && let RawShape::Struct(fields) | RawShape::Newtype(fields) = &mut shape {
        for field in fields {
            field.bad_rule = true;
        }
    }
    // serde's own errors (a misspelt key, a bad value) come back here as
    // serde_derive reports them, so the type is not half-checked.
    if let Err(e) = cx.check() {
        errors.push(e);
    }
    let raw = RawInput {
        ident: input.ident.clone(),
        generics: input.generics.clone(),
        docs: docs(&input.attrs),
        context,
        customs,
        schema_with,
        deny_unknown_fields: container
            .as_ref()
            .is_some_and(|c| c.attrs.deny_unknown_fields()),
        shape,
    };
    (raw, errors)
}

fn shape(c: &ast::Container<'_>, errors: &mut Errors) -> RawShape {
    match &c.data {
        ast::Data::Struct(style, fields) => {
            let fields: Vec<RawField> = fields
                .iter()
                .map(|f| raw_field(f, &c.attrs, errors))
                .collect();
            match style {
                ast::Style::Struct if c.attrs.transparent() => RawShape::Newtype(fields),
                ast::Style::Struct => RawShape::Struct(fields),
                ast::Style::Newtype => {
                    // serde's newtype reads its field whatever the field's
                    // `skip` (`visit_newtype_struct`); a transparent one
                    // with none read is serde's own error.
                    if let [only] = fields.as_slice()
                        && only.serde_skipped
                        && !c.attrs.transparent()
                    {
                        errors.push(syn::Error::new(
                            only.span,
                            "serde reads a one-field tuple struct as its field even where the \
                             field has `skip` (a newtype's field is always read): remove \
                             `#[serde(skip)]`, or name the field (`struct S { #[serde(skip)] \
                             value: ... }`, which reads an object)",
                        ));
                    }
                    RawShape::Newtype(fields)
                }
                ast::Style::Tuple => {
                    errors.push(syn::Error::new_spanned(
                        &c.ident,
                        "`#[derive(Validate)]` needs named fields (a JSON object) or one field \
                         (a newtype, read as its field); a tuple struct reads a JSON array, \
                         whose items have no names: name the fields (`struct S { a: A, b: B }`)",
                    ));
                    RawShape::Struct(Vec::new())
                }
                ast::Style::Unit => {
                    errors.push(syn::Error::new_spanned(
                        &c.ident,
                        "`#[derive(Validate)]` needs named fields (a JSON object) or one field \
                         (a newtype, read as its field); a unit struct reads `null` alone, with \
                         nothing to check: leave `Validate` off it, or give it named fields",
                    ));
                    RawShape::Struct(Vec::new())
                }
            }
        }
        ast::Data::Enum(variants) => {
            let out: Vec<RawDataVariant> = variants
                .iter()
                .map(|v| raw_variant(v, &c.attrs, errors))
                .collect();
            let repr = match c.attrs.tag() {
                attr::TagType::External => Repr::External,
                attr::TagType::Internal { tag } => Repr::Internal(tag.clone()),
                attr::TagType::Adjacent { tag, content } => {
                    Repr::Adjacent(tag.clone(), content.clone())
                }
                attr::TagType::None => Repr::Untagged,
            };
            let unit_only = out.iter().all(|v| matches!(v.data, RawVariantData::Unit));
            if unit_only && matches!(repr, Repr::External) {
                RawShape::Enum(out.into_iter().map(|v| v.head).collect())
            } else {
                RawShape::DataEnum(repr, out)
            }
        }
    }
}

/// One variant of an enum, as serde reads it.
fn raw_variant(
    v: &ast::Variant<'_>,
    container: &attr::Container,
    errors: &mut Errors,
) -> RawDataVariant {
    let mut rule_on_variant = serde_keys(&v.original.attrs, Place::Variant, errors);
    for attr in v
        .original
        .attrs
        .iter()
        .filter(|a| a.path().is_ident("desk"))
    {
        // serde's own variant attribute (`#[desk(rename = "x")]`, `skip`):
        // it goes in `#[serde(...)]`, not on the fields.
        let (mut serde_keys, mut rules) = (Vec::new(), false);
        let _ = attr.parse_nested_meta(|meta| {
            let key = key_name(&meta);
            if serde_knows(Place::Variant, &key) || (serde_elsewhere(&key) && spec(&key).is_none())
            {
                serde_keys.push(meta.error(serde_in_desk(Place::Variant, &key)));
            } else {
                rules = true;
            }
            skip_rest(meta.input)
        });
        let only_serde = !serde_keys.is_empty() && !rules;
        for error in serde_keys {
            errors.push(error);
        }
        if only_serde {
            rule_on_variant = true;
            continue;
        }
        // A newtype variant's one field, written out with the rules on it.
        let at = match v.style {
            ast::Style::Newtype => {
                let ty = crate::paths::shown(v.fields[0].ty);
                format!(" (`{}(#[desk(...)] {ty})`)", v.ident)
            }
            _ => String::new(),
        };
        errors.push(syn::Error::new_spanned(
            attr,
            format!("enum variants take no `#[desk]` rules: put them on the variant's fields{at}"),
        ));
        rule_on_variant = true;
    }
    let name = v.attrs.name().deserialize_name().value.clone();
    let head = RawVariant {
        ident: v.ident.clone(),
        aliases: v
            .attrs
            .aliases()
            .iter()
            .map(|a| a.value.clone())
            .filter(|a| *a != name)
            .collect(),
        json: name,
        skipped: v.attrs.skip_deserializing(),
        other: v.attrs.other(),
        docs: docs(&v.original.attrs),
    };
    // The fields of a variant whose rules were refused are not also told
    // they have none: that is the one mistake.
    let mut field = |f| {
        let mut field = raw_field(f, container, errors);
        field.bad_rule |= rule_on_variant;
        field
    };
    let data = match v.style {
        ast::Style::Unit => RawVariantData::Unit,
        ast::Style::Newtype => RawVariantData::Newtype(Box::new(field(&v.fields[0]))),
        ast::Style::Struct => RawVariantData::Struct(v.fields.iter().map(field).collect()),
        ast::Style::Tuple if v.fields.is_empty() => {
            errors.push(syn::Error::new_spanned(
                &v.ident,
                format!(
                    "a variant with empty parentheses reads an empty JSON array: write it as a \
                     unit variant (`{0}`), or give it named fields (a struct variant)",
                    v.ident
                ),
            ));
            RawVariantData::Tuple
        }
        ast::Style::Tuple => {
            errors.push(syn::Error::new_spanned(
                &v.ident,
                "a variant with several unnamed fields is a JSON array without names: \
                 give the fields names (a struct variant), or wrap them in one struct",
            ));
            RawVariantData::Tuple
        }
    };
    RawDataVariant { head, data }
}

/// The doc comment, lines trimmed and joined as schemars joins them.
fn docs(attrs: &[Attribute]) -> Option<String> {
    let mut lines = Vec::new();
    for attr in attrs.iter().filter(|a| a.path().is_ident("doc")) {
        if let syn::Meta::NameValue(nv) = &attr.meta
            && let syn::Expr::Lit(syn::ExprLit {
                lit: syn::Lit::Str(s),
                ..
            }) = &nv.value
        {
            lines.push(s.value().trim().to_owned());
        }
    }
    // Paragraphs are kept; lines within one are joined with a space. Code
    // blocks (doctests) are for Rust readers, not for a schema's description.
    let mut out = String::new();
    let mut in_code = false;
    for line in lines {
        if line.starts_with("```") {
            in_code = !in_code;
            continue;
        }
        if in_code {
            continue;
        }
        if line.is_empty() {
            if !out.is_empty() && !out.ends_with("\n\n") {
                out.push_str("\n\n");
            }
        } else {
            if !out.is_empty() && !out.ends_with('\n') {
                out.push(' ');
            }
            out.push_str(&line);
        }
    }
    let out = out.trim().to_owned();
    (!out.is_empty()).then_some(out)
}

/// Why an entry is not written in its rule's form (`Spec::form`), in words
/// that say what to write, where syn's would be "expected `,`" or
/// "expected parentheses"; `None` when it is (its arguments are read
/// next, and say what is wrong with them).
fn misshapen(meta: &ParseNestedMeta<'_>, spec: &crate::model::Spec) -> Option<syn::Error> {
    use crate::model::Form;
    let (name, input) = (spec.name, meta.input);
    // `date-time`, as JSON Schema spells its format.
    if input.peek(Token![-]) {
        let fork = input.fork();
        let rest = fork
            .parse::<Token![-]>()
            .and_then(|_| fork.parse::<syn::Ident>())
            .map(|rest| format!("{name}_{rest}"));
        let advice = match rest {
            Ok(joined) if crate::model::spec(&joined).is_some() => format!(": write `{joined}`"),
            _ => String::new(),
        };
        return Some(meta.error(format!(
            "a rule's name is written with `_`, not `-`{advice}"
        )));
    }
    let end = input.is_empty() || input.peek(Token![,]);
    let value = input.peek(Token![=]);
    let list = input.peek(syn::token::Paren);
    let error = match spec.form {
        Form::Flag if !end => {
            format!("`{name}` takes nothing after it: write `{name}` alone, or leave it out")
        }
        Form::Value(example) if list || end => {
            format!("`{name}` takes one value, after `=`: `{name} = {example}`")
        }
        Form::List(example) if value => {
            format!("`{name}` takes its arguments in parentheses: `{name}({example})`")
        }
        Form::FlagOrList(example) if value => {
            format!("`{name}` takes no value: write `{name}` alone, or `{name}({example})`")
        }
        _ => return None,
    };
    Some(meta.error(error))
}

/// Skips the rest of an unreadable entry (`= value` or `(...)`) so parsing
/// can go on with the next one.
pub(crate) fn skip_rest(input: ParseStream<'_>) -> syn::Result<()> {
    while !input.is_empty() && !input.peek(Token![,]) {
        input.parse::<TokenTree>()?;
    }
    Ok(())
}

/// Consumes everything left in a parenthesized list.
fn skip_all(input: ParseStream<'_>) -> syn::Result<()> {
    while !input.is_empty() {
        input.parse::<TokenTree>()?;
    }
    Ok(())
}

fn key_name(meta: &ParseNestedMeta<'_>) -> String {
    meta.path.get_ident().map_or_else(
        || {
            let path = &meta.path;
            quote::quote!(#path).to_string().replace(' ', "")
        },
        ToString::to_string,
    )
}

/// The span of an entry's key.
fn key_span(meta: &ParseNestedMeta<'_>) -> Span {
    meta.path
        .get_ident()
        .map_or_else(Span::call_site, syn::Ident::span)
}

/// What an unknown rule `key` is told to write: desk-schema's name for
/// another library's rule ([`elsewhere`]), else the closest of `candidates`.
fn rule_advice(key: &str, candidates: &[&str]) -> String {
    elsewhere(key).map_or_else(|| hint(key, candidates), |ours| format!("; write {ours}"))
}

/// What desk-schema calls a rule that garde, validator or JSON Schema name
/// otherwise (their names are what a newcomer writes first).
fn elsewhere(key: &str) -> Option<&'static str> {
    Some(match key {
        "length" | "max_length" | "min_length" | "maxLength" | "minLength" => {
            "`max_chars`/`min_chars` (characters) or `max_bytes`/`min_bytes` (UTF-8 bytes); \
             on a list, `max_items`/`min_items`"
        }
        "byte_length" => "`max_bytes`/`min_bytes`",
        "regex" => "`pattern = \"...\"`",
        "dive" => "`nested` (the type derives `Validate`)",
        "inner" => "`items(...)` (each item), or `values(...)` (each map value)",
        "ip" => "`ipv4` or `ipv6`",
        "url" => "`uri`",
        "required" => {
            "nothing: a field is required unless it is an `Option` or has `#[serde(default)]`"
        }
        "char_count" => "`max_chars`/`min_chars`",
        // A pattern cannot say "not" (no lookaround on every path).
        "does_not_contain" => "`custom(check = path, description = \"...\")`",
        "must_match" | "matches" => {
            "a rule across fields: `#[desk(custom(check = path, description = \"...\"))]` on \
             the struct"
        }
        // garde's `phone_number`, validator's `phone`.
        "alphanumeric" | "phone_number" | "phone" | "credit_card" | "non_control_character" => {
            "`pattern = \"...\"` or `custom(...)`"
        }
        _ => return None,
    })
}

/// What a field's attributes say: its rules, whether any of them could not
/// be read (then the field is not also reported as having no rule), and
/// garde's or validator's attribute, if it has one (the first), which the
/// field's "no rule" error then reads for what to write instead.
struct FieldAttrs {
    rules: Vec<RawRule>,
    bad: bool,
    foreign: Option<Attribute>,
}

/// A field's attributes: each is named once (a name costs a call into the
/// compiler), `desk` read for rules, `garde` and `validate` kept.
fn field_rules(attrs: &[Attribute], errors: &mut Errors) -> FieldAttrs {
    let mut rules: Vec<RawRule> = Vec::new();
    let mut bad = false;
    let mut foreign = None;
    let mut formats_refused = false;
    for attr in attrs {
        let Some(name) = attr.path().get_ident().map(ToString::to_string) else {
            continue;
        };
        if name != "desk" {
            if foreign.is_none() && (name == "garde" || name == "validate") {
                foreign = Some(attr.clone());
            }
            continue;
        }
        let before = errors.count();
        let result = attr.parse_nested_meta(|meta| {
            let key = key_name(&meta);
            let Some(spec) = spec(&key) else {
                let error = if serde_elsewhere(&key) || CONTAINER_KEYS.contains(&key.as_str()) {
                    serde_in_desk(Place::Field, &key)
                } else {
                    format!("unknown rule `{key}`{}", rule_advice(&key, &rule_names()))
                };
                errors.push(meta.error(error));
                bad = true;
                return skip_rest(meta.input);
            };
            if let Some(error) = misshapen(&meta, spec) {
                errors.push(error);
                bad = true;
                return skip_rest(meta.input);
            }
            let span = key_span(&meta);
            match (spec.parse)(&meta) {
                Ok(parsed) => {
                    // Several `message`s, one for each rule (`check` says
                    // which are too many).
                    let message = matches!(parsed, crate::model::Parsed::Message { .. });
                    if !message && rules.iter().any(|r| r.spec.name == spec.name) {
                        errors.push(syn::Error::new(
                            span,
                            format!("duplicate rule `{}`", spec.name),
                        ));
                    } else if let Some(first) = rules.iter().find(|r| r.parsed.is_format())
                        && parsed.is_format()
                    {
                        // One error for the field, however many formats follow.
                        if !formats_refused {
                            errors.push(second_format(first.spec.name, spec.name, span));
                        }
                        formats_refused = true;
                    } else {
                        rules.push(RawRule { spec, span, parsed });
                    }
                }
                Err(e) => {
                    errors.push(e);
                    bad = true;
                    skip_rest(meta.input)?;
                }
            }
            Ok(())
        });
        if let Err(e) = result {
            consequence(errors, before, e);
            bad = true;
        }
    }
    FieldAttrs {
        rules,
        bad,
        foreign,
    }
}

/// What a field with garde's or validator's attribute (`attr`) and no
/// `#[desk(...)]` is told: the library's name, and for each rule the
/// attribute names, what desk-schema calls it.
pub(crate) fn foreign_advice(attr: &Attribute) -> String {
    let garde = attr.path().is_ident("garde");
    let (library, written) = if garde {
        ("garde", "#[garde(...)]")
    } else {
        ("validator", "#[validate(...)]")
    };
    let mut said: Vec<String> = Vec::new();
    let _ = attr.parse_nested_meta(|meta| {
        let key = key_name(&meta);
        // A `length`'s unit (garde's mode; validator counts characters).
        let mut unit = if garde { "bytes" } else { "chars" };
        if meta.input.peek(syn::token::Paren) {
            let _ = meta.parse_nested_meta(|inner| {
                // garde's modes (`simple` counts bytes); not a mode: a limit.
                unit = match key_name(&inner).as_str() {
                    "chars" => "chars",
                    "graphemes" => "graphemes",
                    "utf16" => "utf16",
                    "bytes" | "simple" => "bytes",
                    _ => unit,
                };
                skip_rest(inner.input)
            });
        }
        let ours = match key.as_str() {
            "length" => format!("`max_{unit}`/`min_{unit}` (on a list, `max_items`/`min_items`)"),
            // garde's older name for a length in bytes.
            "byte_length" => "`max_bytes`/`min_bytes`".to_owned(),
            "nested" => "`nested` too".to_owned(),
            "custom" => "`custom(check = path, description = \"...\")`".to_owned(),
            other => match (elsewhere(other), crate::model::spec(other)) {
                (Some(ours), _) => ours.to_owned(),
                (None, Some(_)) => format!("`{other}` too"),
                (None, None) => return skip_rest(meta.input),
            },
        };
        // Once for each name and meaning (two `length`s in two units are two).
        let line = format!("`{key}` is {ours}");
        if !said.contains(&line) {
            said.push(line);
        }
        skip_rest(meta.input)
    });
    let names = if said.is_empty() {
        String::new()
    } else {
        format!(" ({library}'s {})", said.join("; "))
    };
    format!(
        "desk-schema does not read {library}'s `{written}`: write the field's rules in \
         `#[desk(...)]`{names}, or mark it `#[desk(nested)]` or `#[desk(skip)]` (a type that \
         also derives {library}'s `Validate` keeps its attribute beside `#[desk(...)]`)"
    )
}

/// An error that ends an attribute's parse, unless that attribute has
/// reported one already: then it is that mistake's consequence (syn's
/// "unexpected token, expected `)`" for what an argument list left
/// unread), and one mistake is one error.
fn consequence(errors: &mut Errors, before: usize, error: syn::Error) {
    if errors.count() == before {
        errors.push(error);
    }
}

/// The readers of rule arguments, one per form, that the rules table
/// (`model::RULES`) calls.
pub(crate) mod args {
    use syn::meta::ParseNestedMeta;
    use syn::parse::ParseStream;
    use syn::{LitInt, LitStr, Token};

    use super::{hint, key_name, key_span, skip_all, skip_rest};
    use crate::model::{Parsed, RULES, Rule, RuleKind, Spec, spec};

    /// Whether `input` starts with a name (`LIMIT`, `Self::LIMIT`,
    /// `crate::LIMIT`) where a number is wanted: the derive writes the
    /// number into the schema, so it must read the number itself.
    fn names_a_constant(input: ParseStream<'_>) -> bool {
        input.peek(syn::Ident)
            || input.peek(Token![::])
            || input.peek(Token![Self])
            || input.peek(Token![self])
            || input.peek(Token![crate])
            || input.peek(Token![super])
    }

    /// `= N`: a whole number, 0 or more.
    pub(crate) fn count(meta: &ParseNestedMeta<'_>) -> syn::Result<usize> {
        let value = meta.value()?;
        let named = names_a_constant(value);
        // The key's name is written only for an error: not every rule's cost.
        let lit = value.parse::<LitInt>().map_err(|e| {
            let key = key_name(meta);
            let why = if named {
                format!(
                    "`{key}` takes the number itself, `{key} = 10`: the derive writes it into the \
                     schema, and cannot read a constant's value"
                )
            } else {
                format!("`{key}` takes a whole number, unquoted: `{key} = 10`")
            };
            syn::Error::new(e.span(), why)
        })?;
        lit.base10_parse().map_err(|_| {
            let key = key_name(meta);
            syn::Error::new(
                lit.span(),
                format!(
                    "`{key}` takes a whole number from 0 to {}, not `{}`",
                    usize::MAX,
                    lit.base10_digits()
                ),
            )
        })
    }

    /// A whole number, negative or not: `range`'s bounds are integers, on
    /// a float field too.
    fn int(input: ParseStream<'_>, which: &str) -> syn::Result<i128> {
        let negative = input.parse::<Option<Token![-]>>()?.is_some();
        let named = names_a_constant(input);
        let lit: LitInt = input.parse().map_err(|e| {
            let why = if named {
                "`range` takes the numbers themselves, `range(min = 0, max = 10)`: the derive \
                 writes them into the schema, and cannot read a constant's value"
            } else {
                "`range` takes whole numbers, on a float field too: `range(min = 0, max = 10)`"
            };
            syn::Error::new(e.span(), why)
        })?;
        // Past an `i128`: past what any field's number type takes (the
        // field's type is not known here; the generated check words a bound
        // within `i128` for the type it is on).
        signed(&lit, negative).ok_or_else(|| {
            let sign = if negative { "-" } else { "" };
            syn::Error::new(
                lit.span(),
                format!(
                    "`range`: `{which} = {sign}{}` is past what any number type takes here (an \
                     integer holds at most 64 bits, what JSON carries exactly; a float's bounds \
                     stop at -9007199254740991 and 9007199254740991): use a bound within them",
                    lit.base10_digits()
                ),
            )
        })
    }

    /// `lit`, negated when `negative`, as an `i128` (`i128::MIN` included);
    /// `None` past it, or when `lit` is not a whole number.
    fn signed(lit: &LitInt, negative: bool) -> Option<i128> {
        let n: u128 = lit.base10_parse().ok()?;
        if negative {
            0i128.checked_sub_unsigned(n)
        } else {
            i128::try_from(n).ok()
        }
    }

    /// `= "text"`, not empty.
    pub(crate) fn text(meta: &ParseNestedMeta<'_>, name: &str) -> syn::Result<String> {
        let lit: LitStr = meta.value()?.parse()?;
        if lit.value().is_empty() {
            return Err(syn::Error::new(
                lit.span(),
                format!("`{name}` needs a non-empty text: `{name} = \"...\"`"),
            ));
        }
        Ok(lit.value())
    }

    /// `one_of("A", "B")` (texts) or `one_of(1, 2)` (integers, for a
    /// number): at least one value, none twice, all of one kind.
    pub(crate) fn one_of(meta: &ParseNestedMeta<'_>) -> syn::Result<RuleKind> {
        let content;
        syn::parenthesized!(content in meta.input);
        let usage = "`one_of` takes texts in quotes, `one_of(\"A\", \"B\")`, or whole numbers, \
                     `one_of(1, 2, 255)`";
        let mut texts: Vec<String> = Vec::new();
        let mut integers: Vec<i128> = Vec::new();
        while !content.is_empty() {
            let span = content.span();
            let twice = || syn::Error::new(span, "this value is listed twice");
            if content.peek(LitStr) {
                let lit: LitStr = content.parse()?;
                if !integers.is_empty() {
                    return Err(syn::Error::new(lit.span(), both()));
                }
                if texts.contains(&lit.value()) {
                    return Err(twice());
                }
                texts.push(lit.value());
            } else if content.peek(LitInt) || content.peek(Token![-]) {
                let negative = content.parse::<Option<Token![-]>>()?.is_some();
                let lit: LitInt = content
                    .parse()
                    .map_err(|e| syn::Error::new(e.span(), usage))?;
                if !texts.is_empty() {
                    return Err(syn::Error::new(lit.span(), both()));
                }
                let n = signed(&lit, negative).unwrap_or(i128::MAX);
                if n.unsigned_abs() > (1 << 53) - 1 {
                    return Err(syn::Error::new(
                        lit.span(),
                        "`one_of`: past 9007199254740991 (2^53 - 1), where JavaScript's numbers \
                         cannot tell a value from its neighbours; give such identifiers as strings",
                    ));
                }
                if integers.contains(&n) {
                    return Err(twice());
                }
                integers.push(n);
            } else {
                return Err(syn::Error::new(span, usage));
            }
            if content.is_empty() {
                break;
            }
            content.parse::<Token![,]>()?;
        }
        if texts.is_empty() && integers.is_empty() {
            return Err(meta.error(format!("`one_of` needs at least one value: {usage}")));
        }
        Ok(if integers.is_empty() {
            RuleKind::OneOf(texts)
        } else {
            RuleKind::OneOfIntegers {
                values: integers,
                within: (None, None),
            }
        })
    }

    fn both() -> &'static str {
        "`one_of` lists texts (for a string) or whole numbers (for a number), not both"
    }

    /// `= "REGEX"`, in the subset both engines read alike: in the spelling
    /// every engine reads alike, and as written.
    pub(crate) fn pattern(meta: &ParseNestedMeta<'_>) -> syn::Result<(String, String)> {
        let lit: LitStr = meta.value()?.parse()?;
        let source = lit.value();
        let refuse = |why: String| syn::Error::new(lit.span(), format!("`pattern`: {why}"));
        for (same, rule) in [
            ("^[ -~]*$", "printable_ascii"),
            ("^[\\x00-\\x7F]*$", "ascii"),
        ] {
            if source == same {
                return Err(refuse(format!("write `{rule}`, the rule this pattern is")));
            }
        }
        let portable = crate::pattern::portable(&source).map_err(refuse)?;
        #[cfg(feature = "pattern")]
        regex::Regex::new(&portable).map_err(|e| {
            let why = e.to_string().replace('\n', " ");
            refuse(format!("Rust's `regex` cannot build it: {why}"))
        })?;
        Ok((portable, source))
    }

    /// `(min = A, max = B)`, either or both.
    pub(crate) fn bounds(meta: &ParseNestedMeta<'_>) -> syn::Result<(Option<i128>, Option<i128>)> {
        let (mut min, mut max) = (None, None);
        let needs = "`range` needs `min`, `max` or both: `range(min = 1, max = 10)`";
        // `range()`: syn's "unexpected end of input" would not say what to write.
        if meta.input.peek(syn::token::Paren) {
            let content;
            syn::parenthesized!(content in meta.input.fork());
            let empty = content.is_empty();
            // `range(1, 10)`, `range(min = 1, 10)`: syn's "expected ident"
            // would not say what to write. (Read to the end: after `empty`.)
            let unnamed = content.peek(syn::Lit)
                || content.peek(Token![-])
                || content.step(|cursor| {
                    let mut rest = *cursor;
                    let mut found = false;
                    while let Some((tree, next)) = rest.token_tree() {
                        if let proc_macro2::TokenTree::Punct(p) = &tree
                            && p.as_char() == ','
                        {
                            found |= next.literal().is_some()
                                || next.punct().is_some_and(|(p, _)| p.as_char() == '-');
                        }
                        rest = next;
                    }
                    Ok((found, rest))
                })?;
            if empty || unnamed {
                let error = meta.error(if empty {
                    needs
                } else {
                    "each bound of `range` is named: `range(min = 1, max = 10)`"
                });
                skip_rest(meta.input)?;
                return Err(error);
            }
        }
        meta.parse_nested_meta(|inner| {
            if inner.path.is_ident("min") && min.is_none() {
                min = Some(int(inner.value()?, "min")?);
            } else if inner.path.is_ident("max") && max.is_none() {
                max = Some(int(inner.value()?, "max")?);
            } else {
                let key = key_name(&inner);
                let error = if key == "min" || key == "max" {
                    inner.error(format!("`range` takes `{key}` once, and it is given twice"))
                } else {
                    inner.error(format!(
                        "`range` takes `min` and `max` once each, not `{key}`{}",
                        hint(&key, &["min", "max"])
                    ))
                };
                // Consume the rest, or syn adds an "unexpected token" error.
                skip_all(inner.input)?;
                return Err(error);
            }
            Ok(())
        })?;
        if min.is_none() && max.is_none() {
            return Err(meta.error(needs));
        }
        Ok((min, max))
    }

    /// Nothing, or `(by = field)`.
    pub(crate) fn key(meta: &ParseNestedMeta<'_>) -> syn::Result<Option<syn::Ident>> {
        let mut by = None;
        if meta.input.peek(syn::token::Paren) {
            meta.parse_nested_meta(|inner| {
                if inner.path.is_ident("by") && by.is_none() {
                    let value = inner.value()?;
                    // A field name alone: anything more (`len()`, `.0`, a
                    // path) is one error, not syn's two.
                    let ahead = value.fork();
                    if let Ok(name) = ahead.parse::<syn::Ident>()
                        && (ahead.is_empty() || ahead.peek(Token![,]))
                    {
                        value.parse::<syn::Ident>()?;
                        by = Some(name);
                        return Ok(());
                    }
                    // A word that is no identifier alone: a keyword (`type`),
                    // which a field is named as `r#type` (not `self`, `Self`,
                    // `super`, `crate` or `_`, which no field can be named).
                    let ahead = value.fork();
                    let keyword = ahead
                        .call(<syn::Ident as syn::ext::IdentExt>::parse_any)
                        .ok()
                        .filter(|word| {
                            (ahead.is_empty() || ahead.peek(Token![,]))
                                && !["self", "Self", "super", "crate", "_"]
                                    .contains(&word.to_string().as_str())
                        });
                    let error = syn::Error::new(
                        value.span(),
                        match keyword {
                            Some(word) => format!(
                                "`{word}` is a keyword: name the field as Rust does, \
                                 `unique(by = r#{word})`"
                            ),
                            None => "`unique(by = ...)` takes the name of a field of the item, \
                                     as in `unique(by = account)`: not a method call, a path, an \
                                     index or a string"
                                .to_owned(),
                        },
                    );
                    skip_all(value)?;
                    Err(error)
                } else {
                    let error = inner.error("`unique` takes one `by = field`");
                    skip_all(inner.input)?;
                    Err(error)
                }
            })?;
        }
        Ok(by)
    }

    /// `message(en = "...", zh_cn = "...")`: the field's own messages, one
    /// or both languages; `message(max_bytes, en = "...")` for one of its
    /// rules alone, named first.
    pub(crate) fn message(
        meta: &ParseNestedMeta<'_>,
    ) -> syn::Result<(Option<syn::Ident>, crate::model::Texts)> {
        const NEEDS: &str = "`message(...)` needs `en = \"...\"`, `zh_cn = \"...\"` or both";
        const KEYS: &str = "`message` takes `en = \"...\"` and `zh_cn = \"...\"` (Simplified \
                            Chinese), after the rule it is for, if it is for one: \
                            `message(max_bytes, en = \"...\")`";
        let (mut rule, mut en, mut zh_cn) = (None, None, None);
        let mut first = true;
        if meta.input.peek(syn::token::Paren) {
            let content;
            syn::parenthesized!(content in meta.input.fork());
            if content.is_empty() || content.peek(syn::LitStr) {
                let error = meta.error(if content.is_empty() {
                    NEEDS
                } else {
                    "`message(...)` takes its texts as `en = \"...\"` and `zh_cn = \"...\"`, \
                     after the rule it is for, if it is for one, named without quotes: \
                     `message(max_bytes, en = \"...\")`"
                });
                skip_rest(meta.input)?;
                return Err(error);
            }
        }
        meta.parse_nested_meta(|inner| {
            let bare = inner.input.is_empty() || inner.input.peek(syn::Token![,]);
            let was_first = std::mem::replace(&mut first, false);
            if bare
                && was_first
                && let Some(ident) = inner.path.get_ident()
            {
                rule = Some(ident.clone());
                return Ok(());
            }
            let slot = if inner.path.is_ident("en") {
                &mut en
            } else if inner.path.is_ident("zh_cn") {
                &mut zh_cn
            } else {
                let error = inner.error(KEYS);
                skip_rest(inner.input)?;
                return Err(error);
            };
            if slot.is_some() {
                let error = inner.error(format!("`{}` given twice", key_name(&inner)));
                skip_rest(inner.input)?;
                return Err(error);
            }
            let text: syn::LitStr = inner.value()?.parse()?;
            if text.value().is_empty() {
                return Err(syn::Error::new(text.span(), "an empty message"));
            }
            *slot = Some(text.value());
            Ok(())
        })?;
        if en.is_none() && zh_cn.is_none() {
            return Err(meta.error(NEEDS));
        }
        Ok((rule, (en, zh_cn)))
    }

    /// `(check = path, description = "...")` on a field.
    pub(crate) fn custom(meta: &ParseNestedMeta<'_>) -> syn::Result<(syn::Path, String)> {
        let rule = super::custom_args(meta, false)?;
        Ok((rule.check, rule.description))
    }

    /// The rules inside `items(...)`, `keys(...)` or `values(...)` (`outer`):
    /// each applies to every item, key or value. Keys take string rules only.
    pub(crate) fn inner(
        meta: &ParseNestedMeta<'_>,
        outer: &str,
        keys: bool,
    ) -> syn::Result<Vec<Rule>> {
        let needs = || {
            meta.error(format!(
                "`{outer}` needs at least one rule: `{outer}(max_bytes = 32)`"
            ))
        };
        // `items` and `items()`: syn's "unexpected end of input" would not
        // say what to write.
        let empty = !meta.input.peek(syn::token::Paren) || {
            let content;
            syn::parenthesized!(content in meta.input.fork());
            content.is_empty()
        };
        if empty {
            let error = needs();
            skip_rest(meta.input)?;
            return Err(error);
        }
        let mut rules: Vec<Rule> = Vec::new();
        meta.parse_nested_meta(|inner| {
            let rule = inner_rule(&inner, outer, keys, &rules);
            if rule.is_err() {
                // The rest of the list too: one error, not syn's second.
                skip_all(inner.input)?;
            }
            rules.push(rule?);
            Ok(())
        })?;
        if rules.is_empty() {
            return Err(needs());
        }
        Ok(rules)
    }

    /// One rule inside `items(...)`, `keys(...)` or `values(...)` (`outer`),
    /// after the rules already read: an error leaves the rest of the list to
    /// the caller.
    fn inner_rule(
        inner: &ParseNestedMeta<'_>,
        outer: &str,
        keys: bool,
        rules: &[Rule],
    ) -> syn::Result<Rule> {
        let key = key_name(inner);
        let fits = |s: &Spec| if keys { s.on_keys } else { s.on_items };
        let Some(spec) = spec(&key).filter(|s| fits(s)) else {
            return Err(if spec(&key).is_some_and(|s| !s.on_items) {
                // A list's or map's own rules would be an inner list's
                // here: that list needs a type of its own. The others
                // (`nested`, `message`, ...) reach the items from the field.
                let instead = if matches!(key.as_str(), "unique" | "items" | "keys" | "values") {
                    "an inner list's or map's own rules go on a type of its own (a newtype \
                     over it, `struct Inner(#[desk(...)] Vec<u8>)`), marked `nested` here"
                        .to_owned()
                } else {
                    "put it on the field itself".to_owned()
                };
                inner.error(format!(
                    "`{key}` does not go inside `{outer}(...)`: {instead}"
                ))
            } else if spec(&key).is_some() {
                inner.error(format!(
                    "`{key}` does not apply to a map's keys: a JSON key is a string"
                ))
            } else if super::serde_knows(super::Place::Field, &key)
                && super::serde_refusal(super::Place::Field, &key, || false).is_none()
            {
                inner.error(format!(
                    "`{key}` is serde's attribute, not a rule: it goes in `#[serde(...)]` on the \
                     field, not inside `{outer}(...)`"
                ))
            } else if super::serde_elsewhere(&key) {
                inner.error(super::serde_in_desk(super::Place::Field, &key))
            } else {
                let allowed: Vec<&str> = RULES.iter().filter(|s| fits(s)).map(|s| s.name).collect();
                // garde's ways into the items are the field's here.
                let advice = match key.as_str() {
                    "dive" => "; write `nested` on the field: it reaches each item".to_owned(),
                    "inner" => format!(
                        "; `{outer}(...)` is already each item's: an inner list's rules go on a \
                         type of its own, marked `nested`"
                    ),
                    _ => super::rule_advice(&key, &allowed),
                };
                inner.error(format!("unknown rule `{key}`{advice}"))
            });
        };
        if let Some(error) = super::misshapen(inner, spec) {
            return Err(error);
        }
        let span = key_span(inner);
        // Only rules (`on_items`) fit here: `nested` and `skip` do not.
        let Parsed::Rule(kind) = (spec.parse)(inner)? else {
            return Err(inner.error(format!("`{key}` does not go inside `{outer}(...)`")));
        };
        if rules.iter().any(|r| r.name == spec.name) {
            return Err(syn::Error::new(
                span,
                format!("duplicate rule `{}`", spec.name),
            ));
        }
        if let Some(first) = rules.iter().find(|r| r.kind.is_format())
            && kind.is_format()
        {
            return Err(super::second_format(first.name, spec.name, span));
        }
        Ok(Rule {
            name: spec.name,
            span,
            kind,
        })
    }
}

/// A second format rule where one is (`first`): JSON Schema's `format` names
/// one format, so the schema could not say both.
pub(crate) fn second_format(first: &str, second: &str, span: Span) -> syn::Error {
    syn::Error::new(
        span,
        format!(
            "`{second}` beside `{first}`: a field takes one format, as JSON Schema's `format` \
             names one; keep the one the value must be in"
        ),
    )
}

/// `= path::to::function`, unquoted: a quoted one (serde's `with = "..."`
/// habit) is said so.
fn function_path(meta: &ParseNestedMeta<'_>) -> syn::Result<syn::Path> {
    let value = meta.value()?;
    if let Ok(text) = value.fork().parse::<LitStr>() {
        let key = key_name(meta);
        return Err(syn::Error::new(
            text.span(),
            format!(
                "`{key}` takes the function's path without quotes: `{key} = {}`",
                text.value()
            ),
        ));
    }
    if value.peek(syn::Token![<])
        || value.peek(syn::Token![|])
        || value.peek(syn::Token![||])
        || value.peek(syn::Token![move])
    {
        let key = key_name(meta);
        let what = if value.peek(syn::Token![<]) {
            "a qualified path (`<T as Trait>::f`)"
        } else {
            "a closure"
        };
        return Err(value.error(format!(
            "`{key}` takes a function's path (`f`, `module::f`, `Type::f`, `Self::f`), not \
             {what}: write a function that calls it, and name that"
        )));
    }
    value.parse()
}

/// The arguments of `custom(...)`: `check_value` (a form of the rule for raw
/// JSON objects) is read only where `container` is true.
fn custom_args(meta: &ParseNestedMeta<'_>, container: bool) -> syn::Result<CustomRule> {
    let (mut check, mut description, mut check_value) = (None, None, None);
    let keys: &[&str] = if container {
        &["check", "description", "check_value"]
    } else {
        &["check", "description"]
    };
    meta.parse_nested_meta(|inner| {
        if inner.path.is_ident("check") && check.is_none() {
            check = Some(function_path(&inner)?);
        } else if inner.path.is_ident("description") && description.is_none() {
            description = Some(inner.value()?.parse::<LitStr>()?.value());
        } else if container && inner.path.is_ident("check_value") && check_value.is_none() {
            check_value = Some(function_path(&inner)?);
        } else {
            let key = key_name(&inner);
            let error = inner.error(format!(
                "`custom` takes {}, not `{key}`{}",
                keys.iter()
                    .map(|k| format!("`{k}`"))
                    .collect::<Vec<_>>()
                    .join(", "),
                hint(&key, keys)
            ));
            skip_all(inner.input)?;
            return Err(error);
        }
        Ok(())
    })?;
    match (check, description) {
        (Some(check), Some(description)) => Ok(CustomRule {
            check,
            description,
            check_value,
        }),
        (None, _) => Err(meta.error("`custom` needs `check = path::to::function`")),
        (_, None) => Err(meta.error(
            "`custom` needs `description = \"...\"`: JSON Schema cannot express the rule, so the schema states it",
        )),
    }
}

/// `crate = "path"` (serde's form, or the path unquoted): where the
/// generated code finds desk-schema, for a crate that depends on it under
/// another name or re-exports it (`crate = "my_sdk::desk_schema"`).
pub(crate) fn crate_path(meta: &ParseNestedMeta<'_>) -> syn::Result<syn::Path> {
    let value = meta.value()?;
    let path = if value.peek(LitStr) {
        value.parse::<LitStr>()?.parse::<syn::Path>()
    } else {
        value.parse::<syn::Path>()
    };
    let path = path.map_err(|e| {
        syn::Error::new(
            e.span(),
            "`crate` takes the path desk-schema is reached by: `crate = \"my_sdk::desk_schema\"`",
        )
    })?;
    match path.segments.iter().find(|s| !s.arguments.is_empty()) {
        Some(segment) => Err(syn::Error::new_spanned(
            segment,
            "`crate` takes a module's path, without generic arguments: `crate = \"my_sdk::desk_schema\"`",
        )),
        None => Ok(path),
    }
}

/// The container's `#[desk(...)]`: its context, struct-level `custom`
/// rules and `schema_with`, and whether a field's rule was written there.
fn container_attrs(
    attrs: &[Attribute],
    errors: &mut Errors,
) -> (Option<syn::Type>, Vec<CustomRule>, Option<syn::Path>, bool) {
    let (mut context, mut customs, mut schema_with) = (None, Vec::new(), None);
    let (mut misplaced, mut krate) = (false, false);
    for attr in attrs.iter().filter(|a| a.path().is_ident("desk")) {
        let before = errors.count();
        let result = attr.parse_nested_meta(|meta| {
            let key = key_name(&meta);
            let outcome = match key.as_str() {
                "context" if context.is_none() => meta
                    .value()
                    .and_then(syn::parse::ParseBuffer::parse)
                    .map(|t| context = Some(t))
                    .map_err(|e| {
                        syn::Error::new(
                            e.span(),
                            "`context` takes the context's type: `context = MyContext`",
                        )
                    }),
                "schema_with" if schema_with.is_none() => {
                    function_path(&meta).map(|p| schema_with = Some(p))
                }
                "custom" => custom_args(&meta, true).map(|rule| customs.push(rule)),
                // Read where it is used (`crate::crate_path`), which writes
                // the generated code's paths with it.
                "crate" if !krate => crate_path(&meta).map(|_| krate = true),
                "context" | "schema_with" | "crate" => {
                    Err(meta.error(format!("duplicate `{key}`")))
                }
                _ if spec(&key).is_some() => {
                    misplaced = true;
                    Err(meta.error(format!(
                        "`{key}` is a field's rule, not the type's: write it on the field \
                         (a tuple struct's field takes it as `struct Name(#[desk(...)] String);`)"
                    )))
                }
                _ if serde_elsewhere(&key) => {
                    Err(meta.error(serde_in_desk(Place::Container, &key)))
                }
                // A rule across fields is the type's; garde's other names are
                // a field's rules.
                _ if matches!(key.as_str(), "must_match" | "matches") => Err(meta.error(format!(
                    "unknown container attribute `{key}`; write {}",
                    elsewhere(&key).unwrap_or_default()
                ))),
                _ => Err(meta.error(format!(
                    "unknown container attribute `{key}`{}",
                    elsewhere(&key).map_or_else(
                        || hint(&key, CONTAINER_KEYS),
                        |ours| format!("; a field's rule: write {ours} on the field"),
                    )
                ))),
            };
            if let Err(e) = outcome {
                errors.push(e);
                skip_rest(meta.input)?;
            }
            Ok(())
        });
        if let Err(e) = result {
            consequence(errors, before, e);
        }
    }
    (context, customs, schema_with, misplaced)
}
