//! Stage one: read `#[desk(...)]`, `#[serde(...)]` and doc comments into the
//! raw model. Every bad attribute is recorded and parsing goes on, so one
//! compile shows them all.

use proc_macro2::{Span, TokenTree};
use syn::meta::ParseNestedMeta;
use syn::parse::ParseStream;
use syn::punctuated::Punctuated;
use syn::{Attribute, Data, DeriveInput, Fields, LitInt, LitStr, Token};

use crate::case::RenameRule;
use crate::model::{
    CustomRule, RawField, RawInput, RawRule, RawShape, RawVariant, RuleKind, SerdeContainer,
    SerdeField,
};
use crate::suggest::hint;

/// The one table of field rule keys.
pub const FIELD_KEYS: &[&str] = &[
    "max_bytes",
    "min_bytes",
    "max_chars",
    "min_chars",
    "max_graphemes",
    "min_graphemes",
    "one_of",
    "printable_ascii",
    "not_prefix",
    "range",
    "max_items",
    "min_items",
    "unique",
    "nested",
    "skip",
    "custom",
];

/// The one table of container keys.
pub const CONTAINER_KEYS: &[&str] = &["context", "custom", "schema_with"];

/// Collects errors; `finish` folds them into one.
#[derive(Default)]
pub struct Errors(Option<syn::Error>);

impl Errors {
    pub fn push(&mut self, error: syn::Error) {
        match &mut self.0 {
            Some(all) => all.combine(error),
            None => self.0 = Some(error),
        }
    }

    pub fn finish(self) -> syn::Result<()> {
        self.0.map_or(Ok(()), Err)
    }
}

/// The raw model and the errors found so far: checking goes on after a bad
/// attribute, so that one compile reports every problem.
pub fn parse(input: &DeriveInput) -> (RawInput, Errors) {
    let mut errors = Errors::default();
    if !input.generics.params.is_empty() || input.generics.where_clause.is_some() {
        errors.push(syn::Error::new_spanned(
            &input.generics,
            "`#[derive(Validate)]` does not support generic types yet",
        ));
    }
    let (context, customs, schema_with) = container_attrs(&input.attrs, &mut errors);
    let serde = serde_container(&input.attrs, &mut errors);
    let shape = match &input.data {
        Data::Struct(s) => match &s.fields {
            Fields::Named(named) => RawShape::Struct(
                named
                    .named
                    .iter()
                    .map(|f| {
                        let (rules, bad_rule) = field_rules(&f.attrs, &mut errors);
                        RawField {
                            ident: f
                                .ident
                                .clone()
                                .unwrap_or_else(|| syn::Ident::new("_", Span::call_site())),
                            ty: f.ty.clone(),
                            docs: docs(&f.attrs),
                            rules,
                            bad_rule,
                            serde: serde_field(&f.attrs, &mut errors),
                        }
                    })
                    .collect(),
            ),
            _ => {
                errors.push(syn::Error::new_spanned(
                    &input.ident,
                    "`#[derive(Validate)]` needs a struct with named fields (JSON objects have names)",
                ));
                RawShape::Struct(Vec::new())
            }
        },
        Data::Enum(e) => {
            let mut variants = Vec::new();
            for v in &e.variants {
                if !matches!(v.fields, Fields::Unit) {
                    errors.push(syn::Error::new_spanned(
                        &v.ident,
                        "`#[derive(Validate)]` supports enums whose variants are all units (JSON strings)",
                    ));
                }
                for attr in v.attrs.iter().filter(|a| a.path().is_ident("desk")) {
                    errors.push(syn::Error::new_spanned(
                        attr,
                        "enum variants take no `#[desk]` rules",
                    ));
                }
                let s = serde_field(&v.attrs, &mut errors);
                variants.push(RawVariant {
                    ident: v.ident.clone(),
                    rename: s.rename,
                    skipped: s.skipped.is_some(),
                });
            }
            RawShape::Enum(variants)
        }
        Data::Union(u) => {
            errors.push(syn::Error::new_spanned(
                u.union_token,
                "`#[derive(Validate)]` does not support unions",
            ));
            RawShape::Struct(Vec::new())
        }
    };
    let raw = RawInput {
        ident: input.ident.clone(),
        docs: docs(&input.attrs),
        context,
        customs,
        schema_with,
        serde,
        shape,
    };
    (raw, errors)
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

/// Skips the rest of an unreadable entry (`= value` or `(...)`) so parsing
/// can go on with the next one.
fn skip_rest(input: ParseStream<'_>) -> syn::Result<()> {
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

fn usize_value(meta: &ParseNestedMeta<'_>) -> syn::Result<usize> {
    meta.value()?.parse::<LitInt>()?.base10_parse()
}

fn int_value(input: ParseStream<'_>) -> syn::Result<i128> {
    let negative = input.parse::<Option<Token![-]>>()?.is_some();
    let lit: LitInt = input.parse()?;
    let n: i128 = lit.base10_parse()?;
    Ok(if negative { -n } else { n })
}

fn key_name(meta: &ParseNestedMeta<'_>) -> String {
    meta.path
        .get_ident()
        .map(ToString::to_string)
        .unwrap_or_else(|| {
            let path = &meta.path;
            quote::quote!(#path).to_string().replace(' ', "")
        })
}

/// The rules of a field, and whether any of them could not be read (then the
/// field is not also reported as having no rule).
fn field_rules(attrs: &[Attribute], errors: &mut Errors) -> (Vec<RawRule>, bool) {
    let mut rules: Vec<RawRule> = Vec::new();
    let mut bad = false;
    for attr in attrs.iter().filter(|a| a.path().is_ident("desk")) {
        let result = attr.parse_nested_meta(|meta| {
            let key = key_name(&meta);
            let Some(name) = FIELD_KEYS.iter().copied().find(|k| *k == key) else {
                errors.push(meta.error(format!("unknown rule `{key}`{}", hint(&key, FIELD_KEYS))));
                bad = true;
                return skip_rest(meta.input);
            };
            let span = meta
                .path
                .get_ident()
                .map_or_else(Span::call_site, syn::Ident::span);
            match rule_kind(name, &meta) {
                Ok(kind) => {
                    if rules.iter().any(|r| r.name == name) {
                        errors.push(syn::Error::new(span, format!("duplicate rule `{name}`")));
                    } else {
                        rules.push(RawRule { name, span, kind });
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
            errors.push(e);
            bad = true;
        }
    }
    (rules, bad)
}

fn rule_kind(name: &str, meta: &ParseNestedMeta<'_>) -> syn::Result<RuleKind> {
    Ok(match name {
        "max_bytes" => RuleKind::MaxBytes(usize_value(meta)?),
        "min_bytes" => RuleKind::MinBytes(usize_value(meta)?),
        "max_chars" => RuleKind::MaxChars(usize_value(meta)?),
        "min_chars" => RuleKind::MinChars(usize_value(meta)?),
        "max_graphemes" => RuleKind::MaxGraphemes(usize_value(meta)?),
        "min_graphemes" => RuleKind::MinGraphemes(usize_value(meta)?),
        "max_items" => RuleKind::MaxItems(usize_value(meta)?),
        "min_items" => RuleKind::MinItems(usize_value(meta)?),
        "printable_ascii" => RuleKind::PrintableAscii,
        "nested" => RuleKind::Nested,
        "skip" => RuleKind::Skip,
        "not_prefix" => {
            let lit: LitStr = meta.value()?.parse()?;
            if lit.value().is_empty() {
                return Err(syn::Error::new(
                    lit.span(),
                    "`not_prefix` needs a non-empty prefix",
                ));
            }
            RuleKind::NotPrefix(lit.value())
        }
        "one_of" => {
            let content;
            syn::parenthesized!(content in meta.input);
            let lits = Punctuated::<LitStr, Token![,]>::parse_terminated(&content)?;
            if lits.is_empty() {
                return Err(meta.error("`one_of` needs at least one value: `one_of(\"A\", \"B\")`"));
            }
            let mut values: Vec<String> = Vec::new();
            for lit in &lits {
                if values.contains(&lit.value()) {
                    return Err(syn::Error::new(lit.span(), "this value is listed twice"));
                }
                values.push(lit.value());
            }
            RuleKind::OneOf(values)
        }
        "range" => {
            let (mut min, mut max) = (None, None);
            meta.parse_nested_meta(|inner| {
                if inner.path.is_ident("min") && min.is_none() {
                    min = Some(int_value(inner.value()?)?);
                } else if inner.path.is_ident("max") && max.is_none() {
                    max = Some(int_value(inner.value()?)?);
                } else {
                    let key = key_name(&inner);
                    let error = inner.error(format!(
                        "`range` takes `min` and `max` once each, not `{key}`{}",
                        hint(&key, &["min", "max"])
                    ));
                    // Consume the rest, or syn adds an "unexpected token" error.
                    skip_all(inner.input)?;
                    return Err(error);
                }
                Ok(())
            })?;
            if min.is_none() && max.is_none() {
                return Err(
                    meta.error("`range` needs `min`, `max` or both: `range(min = 1, max = 10)`")
                );
            }
            RuleKind::Range { min, max }
        }
        "unique" => {
            let mut by = None;
            if meta.input.peek(syn::token::Paren) {
                meta.parse_nested_meta(|inner| {
                    if inner.path.is_ident("by") && by.is_none() {
                        by = Some(inner.value()?.parse::<syn::Ident>()?);
                        Ok(())
                    } else {
                        let error = inner.error("`unique` takes one `by = field`");
                        skip_all(inner.input)?;
                        Err(error)
                    }
                })?;
            }
            RuleKind::Unique { by }
        }
        "custom" => {
            let CustomRule {
                check, description, ..
            } = custom_args(meta, false)?;
            RuleKind::Custom { check, description }
        }
        _ => return Err(meta.error("unhandled rule")),
    })
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
            check = Some(inner.value()?.parse::<syn::Path>()?);
        } else if inner.path.is_ident("description") && description.is_none() {
            description = Some(inner.value()?.parse::<LitStr>()?.value());
        } else if container && inner.path.is_ident("check_value") && check_value.is_none() {
            check_value = Some(inner.value()?.parse::<syn::Path>()?);
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

fn container_attrs(
    attrs: &[Attribute],
    errors: &mut Errors,
) -> (Option<syn::Type>, Vec<CustomRule>, Option<syn::Path>) {
    let (mut context, mut customs, mut schema_with) = (None, Vec::new(), None);
    for attr in attrs.iter().filter(|a| a.path().is_ident("desk")) {
        let result = attr.parse_nested_meta(|meta| {
            let key = key_name(&meta);
            let outcome = match key.as_str() {
                "context" if context.is_none() => meta.value()?.parse().map(|t| context = Some(t)),
                "schema_with" if schema_with.is_none() => {
                    meta.value()?.parse().map(|p| schema_with = Some(p))
                }
                "custom" => custom_args(&meta, true).map(|rule| customs.push(rule)),
                "context" | "schema_with" => Err(meta.error(format!("duplicate `{key}`"))),
                _ => Err(meta.error(format!(
                    "unknown container attribute `{key}`{}",
                    hint(&key, CONTAINER_KEYS)
                ))),
            };
            if let Err(e) = outcome {
                errors.push(e);
                skip_rest(meta.input)?;
            }
            Ok(())
        });
        if let Err(e) = result {
            errors.push(e);
        }
    }
    (context, customs, schema_with)
}

/// `rename = "x"` or `rename(deserialize = "x", serialize = "y")`: the name
/// read from JSON, which is what paths and schemas must use.
fn deserialize_name(meta: &ParseNestedMeta<'_>) -> syn::Result<Option<LitStr>> {
    if meta.input.peek(Token![=]) {
        return Ok(Some(meta.value()?.parse()?));
    }
    let mut name = None;
    meta.parse_nested_meta(|inner| {
        let lit: LitStr = inner.value()?.parse()?;
        if inner.path.is_ident("deserialize") {
            name = Some(lit);
        }
        Ok(())
    })?;
    Ok(name)
}

fn serde_container(attrs: &[Attribute], errors: &mut Errors) -> SerdeContainer {
    let mut out = SerdeContainer {
        rename_all: None,
        deny_unknown_fields: false,
        default: false,
    };
    for attr in attrs.iter().filter(|a| a.path().is_ident("serde")) {
        let result = attr.parse_nested_meta(|meta| {
            if meta.path.is_ident("rename_all") {
                // An unknown rule is serde's error to report; reporting it
                // twice would only add noise.
                if let Some(lit) = deserialize_name(&meta)? {
                    out.rename_all = RenameRule::from_lit(&lit).ok();
                }
            } else if meta.path.is_ident("deny_unknown_fields") {
                out.deny_unknown_fields = true;
            } else if meta.path.is_ident("default") {
                out.default = true;
                skip_rest(meta.input)?;
            } else {
                // serde checks its own attributes; the rest do not affect validation.
                skip_rest(meta.input)?;
            }
            Ok(())
        });
        if let Err(e) = result {
            errors.push(e);
        }
    }
    out
}

fn serde_field(attrs: &[Attribute], errors: &mut Errors) -> SerdeField {
    let mut out = SerdeField {
        rename: None,
        skipped: None,
        default: None,
        flatten: None,
    };
    for attr in attrs.iter().filter(|a| a.path().is_ident("serde")) {
        let result = attr.parse_nested_meta(|meta| {
            if meta.path.is_ident("rename") {
                out.rename = deserialize_name(&meta)?
                    .map(|l| l.value())
                    .or(out.rename.take());
            } else if meta.path.is_ident("skip") || meta.path.is_ident("skip_deserializing") {
                out.skipped = Some(meta.path.span());
            } else if meta.path.is_ident("default") {
                out.default = Some(if meta.input.peek(Token![=]) {
                    let lit: LitStr = meta.value()?.parse()?;
                    Some(lit.parse()?)
                } else {
                    None
                });
            } else if meta.path.is_ident("flatten") {
                out.flatten = Some(meta.path.span());
            } else {
                skip_rest(meta.input)?;
            }
            Ok(())
        });
        if let Err(e) = result {
            errors.push(e);
        }
    }
    out
}

use syn::spanned::Spanned as _;
