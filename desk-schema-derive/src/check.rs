//! Stage two: cross-cutting checks that need the whole of a field or type,
//! one function per rule of consistency. Each error points at the attribute.
//! Simpler checks (syntax, unknown keys, duplicates) happen while parsing.

use proc_macro2::Span;

use crate::model::{
    DataVariant, Field, Input, Mode, RawDataVariant, RawField, RawInput, RawRule, RawShape,
    RawVariantData, Repr, RuleKind, Shape, Skipped, Variant, VariantData,
};
use crate::syntax::Errors;

pub fn check(raw: RawInput, mut errors: Errors) -> syn::Result<Input> {
    let params: Vec<syn::Ident> = raw
        .generics
        .type_params()
        .map(|p| p.ident.clone())
        .collect();
    let params = &params[..];
    let mut serde_skipped = Vec::new();
    let mut fields_of = |fields: Vec<RawField>, errors: &mut Errors| -> Vec<Field> {
        check_fields(fields, params, &mut serde_skipped, errors)
    };
    let shape = match raw.shape {
        RawShape::DataEnum(repr, variants) => {
            if let Some(c) = raw.customs.first() {
                errors.push(syn::Error::new_spanned(
                    &c.check,
                    "a struct-level `custom` rule on an enum: put `custom` on the fields of the variant it checks",
                ));
            }
            if matches!(repr, Repr::Untagged) && !raw.generics.params.is_empty() {
                errors.push(syn::Error::new_spanned(
                    &raw.generics.params,
                    "an untagged enum takes no generic parameters: desk-schema must know at compile \
                     time that its variants read different JSON types; use concrete types, or give \
                     the enum a tag (`#[serde(tag = \"type\")]`)",
                ));
            }
            if matches!(repr, Repr::Untagged) {
                untagged_self_reference(&raw.ident, &variants, &mut errors);
            }
            data_enum(repr, variants, params, &mut errors)
        }
        RawShape::Struct(fields) => Shape::Struct(fields_of(fields, &mut errors)),
        RawShape::Newtype(fields) => {
            if let Some(c) = raw.customs.first() {
                errors.push(syn::Error::new_spanned(
                    &c.check,
                    "a struct-level `custom` rule on a newtype: put `custom` on its field, which is the whole value",
                ));
            }
            let mut read = fields_of(fields, &mut errors);
            if let Some(f) = read.iter().find(|f| f.is_buffered()) {
                errors.push(syn::Error::new(
                    f.span,
                    "a newtype's field has `skip`: the newtype would check nothing; use the inner type directly",
                ));
            }
            // serde checks that exactly one field is read; if it is not,
            // serde's error is already reported.
            if read.len() == 1 {
                Shape::Newtype(Box::new(read.remove(0)))
            } else {
                Shape::Struct(read)
            }
        }
        RawShape::Enum(variants) => {
            // A context or a struct rule has nothing to act on in a unit enum.
            if let Some(ctx) = &raw.context {
                errors.push(syn::Error::new_spanned(
                    ctx,
                    "`context` applies to structs, not unit enums",
                ));
            }
            if let Some(c) = raw.customs.first() {
                errors.push(syn::Error::new_spanned(
                    &c.check,
                    "`custom` applies to structs, not unit enums",
                ));
            }
            let other = variants.iter().find(|v| v.other).map(|v| v.ident.clone());
            Shape::Enum {
                variants: variants
                    .into_iter()
                    .filter(|v| !v.skipped && !v.other)
                    .map(|v| Variant {
                        ident: v.ident,
                        json: v.json,
                        aliases: v.aliases,
                        docs: v.docs,
                    })
                    .collect(),
                other,
            }
        }
    };
    errors.finish()?;
    Ok(Input {
        serde_skipped,
        ident: raw.ident,
        generics: raw.generics,
        docs: raw.docs,
        context: raw.context,
        customs: raw.customs,
        schema_with: raw.schema_with,
        deny_unknown_fields: raw.deny_unknown_fields,
        shape,
    })
}

/// A variant of an untagged enum whose field is the enum itself (through
/// `Box`, `Option`, `Rc`, `Arc`): it reads every JSON type the enum reads,
/// so it overlaps the others. Said here, because the compile-time check of
/// distinct types would see a cycle instead. (Through a list or a map there
/// is no cycle: those read an array or an object.)
fn untagged_self_reference(ident: &syn::Ident, variants: &[RawDataVariant], errors: &mut Errors) {
    fn reaches(ty: &syn::Type, ident: &syn::Ident) -> bool {
        let syn::Type::Path(p) = ty else {
            return false;
        };
        let Some(last) = p.path.segments.last() else {
            return false;
        };
        if p.qself.is_none() && (last.ident == *ident || last.ident == "Self") {
            return true;
        }
        let wrapper = ["Box", "Option", "Rc", "Arc"]
            .iter()
            .any(|w| last.ident == w);
        match &last.arguments {
            syn::PathArguments::AngleBracketed(args) if wrapper => args
                .args
                .iter()
                .any(|a| matches!(a, syn::GenericArgument::Type(inner) if reaches(inner, ident))),
            _ => false,
        }
    }
    for v in variants {
        if let RawVariantData::Newtype(field) = &v.data
            && reaches(&field.ty, ident)
        {
            err(
                errors,
                v.head.ident.span(),
                format!(
                    "`#[serde(untagged)]` enum `{ident}`: variant `{}` holds the enum itself, so it \
                     reads every JSON type the other variants read, and serde would take whichever \
                     comes first; give the enum a tag (`#[serde(tag = \"type\")]`), or hold it in a \
                     list (`Vec<{ident}>` reads an array)",
                    v.head.ident
                ),
            );
        }
    }
}

/// The variants of an enum with data, each checked like a struct's fields.
fn data_enum(
    repr: Repr,
    variants: Vec<RawDataVariant>,
    params: &[syn::Ident],
    errors: &mut Errors,
) -> Shape {
    let other = variants
        .iter()
        .find(|v| v.head.other)
        .map(|v| v.head.ident.clone());
    let mut out = Vec::new();
    for v in variants {
        if v.head.skipped || v.head.other {
            continue;
        }
        let data = match v.data {
            RawVariantData::Unit | RawVariantData::Tuple => VariantData::Unit,
            RawVariantData::Newtype(field) => {
                if matches!(repr, Repr::Internal(_)) {
                    err(
                        errors,
                        v.head.ident.span(),
                        "a newtype variant in an internally tagged enum mixes the tag into another \
                         type's object, which could not be checked as that type; write its fields \
                         as a struct variant, or use `#[serde(tag = \"...\", content = \"...\")]`",
                    );
                }
                match check_field(*field, params, errors) {
                    Some(f) if f.is_buffered() => {
                        err(
                            errors,
                            f.span,
                            "a newtype variant's field has `skip`: nothing would be checked; \
                             give it rules, or `nested` if its type derives `Validate`",
                        );
                        VariantData::Unit
                    }
                    Some(f) => VariantData::Newtype(Box::new(f)),
                    None => VariantData::Unit,
                }
            }
            RawVariantData::Struct(fields) => {
                let mut skipped = Vec::new();
                let fields = check_fields(fields, params, &mut skipped, errors);
                VariantData::Struct { fields, skipped }
            }
        };
        out.push(DataVariant {
            head: Variant {
                ident: v.head.ident,
                json: v.head.json,
                aliases: v.head.aliases,
                docs: v.head.docs,
            },
            data,
        });
    }
    Shape::DataEnum {
        repr,
        variants: out,
        other,
    }
}

fn err(errors: &mut Errors, span: Span, message: impl std::fmt::Display) {
    errors.push(syn::Error::new(span, message));
}

fn field_name(field: &RawField) -> String {
    match &field.member {
        syn::Member::Named(ident) => {
            let name = ident.to_string();
            name.strip_prefix("r#").unwrap_or(&name).to_owned()
        }
        syn::Member::Unnamed(index) => index.index.to_string(),
    }
}

/// The checked fields of an object (a struct's or a struct variant's); the
/// ones serde never reads go to `skipped`, with the value they take.
fn check_fields(
    fields: Vec<RawField>,
    params: &[syn::Ident],
    skipped: &mut Vec<Skipped>,
    errors: &mut Errors,
) -> Vec<Field> {
    fields
        .into_iter()
        .filter_map(|f| {
            if f.serde_skipped {
                skipped.push(Skipped {
                    member: f.member.clone(),
                    absent: f.absent.clone(),
                });
            }
            check_field(f, params, errors)
        })
        .collect()
}

/// Whether `ty` names one of the type parameters `params`.
fn mentions(ty: &syn::Type, params: &[syn::Ident]) -> bool {
    fn scan(tokens: proc_macro2::TokenStream, params: &[syn::Ident]) -> bool {
        tokens.into_iter().any(|t| match t {
            proc_macro2::TokenTree::Ident(i) => params.contains(&i),
            proc_macro2::TokenTree::Group(g) => scan(g.stream(), params),
            _ => false,
        })
    }
    !params.is_empty() && scan(quote::ToTokens::to_token_stream(ty), params)
}

/// A borrowed field (`&str`) could not be built from what the walk keeps,
/// which is owned wherever the text has escapes.
fn check_owned(field: &RawField, errors: &mut Errors) -> bool {
    if let syn::Type::Reference(r) = &field.ty {
        err(
            errors,
            syn::spanned::Spanned::span(r),
            "a borrowed field cannot hold every valid JSON string (serde fails on one with \
             escapes, which a JSON Schema cannot see); use `Cow<'a, str>` with \
             `#[serde(borrow)]`, which borrows from the text where it can, or `String`",
        );
        return false;
    }
    true
}

/// A field whose type is (or holds) a type parameter is checked by that
/// type's own rules: only `nested`, `skip`, list sizes and `custom` can be
/// written for every type the parameter may take.
fn check_generic(field: &Field, params: &[syn::Ident], errors: &mut Errors) {
    if !mentions(&field.ty, params) {
        return;
    }
    if matches!(field.mode, Mode::Rules) {
        err(
            errors,
            field.span,
            "a field of a type parameter is checked by its own type: mark it `#[desk(nested)]` \
             (any type that derives `Validate`, or a plain value) or `#[desk(skip)]`",
        );
    }
    for rule in &field.rules {
        if !["max_items", "min_items", "custom"].contains(&rule.name()) {
            err(
                errors,
                rule.span,
                format!(
                    "`{}` on a field of a type parameter: it could not be checked for every type; \
                     put it in the concrete type's own rules",
                    rule.name()
                ),
            );
        }
    }
}

fn check_field(field: RawField, params: &[syn::Ident], errors: &mut Errors) -> Option<Field> {
    if !check_owned(&field, errors) {
        return None;
    }
    let checked = check_field_rules(field, errors)?;
    check_generic(&checked, params, errors);
    Some(checked)
}

fn check_field_rules(field: RawField, errors: &mut Errors) -> Option<Field> {
    let skip = field.rules.iter().any(|r| r.is("skip"));
    if field.serde_skipped {
        // serde never reads this field from JSON: rules on it could not be
        // reported at a JSON path, so none are allowed.
        if let Some(rule) = field.rules.iter().find(|r| !r.is("skip")) {
            err(
                errors,
                rule.span,
                format!(
                    "`{}` on a field that serde skips: it is never read from JSON",
                    rule.name()
                ),
            );
        }
        return None;
    }
    if field.rules.is_empty() {
        if field.bad_rule {
            return None;
        }
        // garde's safety: every field says how it is checked, so a nested
        // type cannot be left unchecked by forgetting an attribute.
        err(
            errors,
            field.span,
            format!(
                "field `{}` has no rule: add one, `#[desk(nested)]` if its type derives `Validate`, or `#[desk(skip)]`",
                field_name(&field)
            ),
        );
        return None;
    }
    if skip && let Some(other) = field.rules.iter().find(|r| !r.is("skip")) {
        err(
            errors,
            other.span,
            format!("`{}` conflicts with `skip` on the same field", other.name()),
        );
        return None;
    }
    check_rules(&field.rules, errors);

    let mode = match field.rules.iter().find(|r| r.is("nested")) {
        Some(r) => Mode::Nested(r.span),
        None if skip => Mode::Skip,
        None => Mode::Rules,
    };
    let rules = field
        .rules
        .into_iter()
        .filter(|r| !(r.is("nested") || r.is("skip")))
        .collect();
    Some(Field {
        member: field.member,
        ty: field.ty,
        span: field.span,
        json: field.json,
        docs: field.docs,
        rules,
        mode,
        absent: field.absent,
    })
}

/// The consistency checks of one list of rules (a field's, or the rules
/// inside its `items(...)`).
fn check_rules(rules: &[RawRule], errors: &mut Errors) {
    check_min_max(rules, errors);
    check_kinds_agree(rules, errors);
    check_satisfiable(rules, errors);
    check_one_of_values(rules, errors);
    for r in rules {
        if let RuleKind::Rules(inner) = &r.kind {
            check_rules(inner, errors);
        }
    }
}

fn find<'a>(rules: &'a [RawRule], name: &str) -> Option<(&'a RawRule, i128)> {
    rules.iter().find(|r| r.is(name)).and_then(|r| {
        let n = match r.kind {
            RuleKind::Count(n) => i128::try_from(n).ok()?,
            _ => return None,
        };
        Some((r, n))
    })
}

/// A minimum above its maximum can never pass.
fn check_min_max(rules: &[RawRule], errors: &mut Errors) {
    for (lo, hi) in [
        ("min_bytes", "max_bytes"),
        ("min_chars", "max_chars"),
        ("min_graphemes", "max_graphemes"),
        ("min_items", "max_items"),
    ] {
        if let (Some((rule, min)), Some((_, max))) = (find(rules, lo), find(rules, hi))
            && min > max
        {
            err(
                errors,
                rule.span,
                format!("`{lo} = {min}` is above `{hi} = {max}`: no value can pass"),
            );
        }
    }
    for r in rules {
        if let RuleKind::Bounds {
            min: Some(min),
            max: Some(max),
        } = r.kind
            && min > max
        {
            err(
                errors,
                r.span,
                format!("`range`: `min = {min}` is above `max = {max}`: no value can pass"),
            );
        }
    }
}

/// Text, list and integer rules on one field contradict each other: a value
/// is one JSON type.
fn check_kinds_agree(rules: &[RawRule], errors: &mut Errors) {
    let family = |r: &RawRule| r.spec.family.map(crate::model::Family::noun);
    let mut first: Option<(&RawRule, &str)> = None;
    for r in rules {
        let Some(f) = family(r) else { continue };
        match first {
            None => first = Some((r, f)),
            Some((prev, pf)) if pf != f => {
                err(
                    errors,
                    r.span,
                    format!(
                        "`{}` checks {f}, but `{}` on the same field checks {pf}",
                        r.name(),
                        prev.name()
                    ),
                );
            }
            Some(_) => {}
        }
    }
}

/// Limits in different units that together exclude every string: a
/// character is 1 to 4 bytes, and a grapheme cluster at least 1 character.
fn check_satisfiable(rules: &[RawRule], errors: &mut Errors) {
    let pairs: [(&str, &str, i128); 4] = [
        ("min_chars", "max_bytes", 1),
        ("min_graphemes", "max_chars", 1),
        ("min_graphemes", "max_bytes", 1),
        ("min_bytes", "max_chars", 4),
    ];
    for (lo, hi, factor) in pairs {
        if let (Some((rule, min)), Some((_, max))) = (find(rules, lo), find(rules, hi))
            && min > max * factor
        {
            err(
                errors,
                rule.span,
                format!("`{lo} = {min}` with `{hi} = {max}`: no string can pass"),
            );
        }
    }
}

/// Each allowed value of `one_of` must pass the field's other text rules.
fn check_one_of_values(rules: &[RawRule], errors: &mut Errors) {
    let Some(one_of) = rules.iter().find(|r| r.is("one_of")) else {
        return;
    };
    let RuleKind::Texts(values) = &one_of.kind else {
        return;
    };
    for value in values {
        for r in rules {
            let broken = match (r.name(), &r.kind) {
                ("max_bytes", RuleKind::Count(n)) => value.len() > *n,
                ("min_bytes", RuleKind::Count(n)) => value.len() < *n,
                ("max_chars", RuleKind::Count(n)) => value.chars().count() > *n,
                ("min_chars", RuleKind::Count(n)) => value.chars().count() < *n,
                ("printable_ascii", _) => value.bytes().any(|b| !(0x20..=0x7E).contains(&b)),
                ("not_prefix", RuleKind::Text(p)) => value.starts_with(p.as_str()),
                _ => false,
            };
            if broken {
                err(
                    errors,
                    one_of.span,
                    format!(
                        "allowed value {value:?} breaks `{}` on the same field",
                        r.name()
                    ),
                );
            }
        }
    }
}
