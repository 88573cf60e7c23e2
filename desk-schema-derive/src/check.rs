//! Stage two: cross-cutting checks that need the whole of a field or type,
//! one function per rule of consistency. Each error points at the attribute.
//! Simpler checks (syntax, unknown keys, duplicates) happen while parsing.

use proc_macro2::Span;

use crate::model::{
    DataVariant, Field, FieldMessages, Input, Mode, Parsed, RawDataVariant, RawField, RawInput,
    RawShape, RawVariant, RawVariantData, Repr, Rule, RuleKind, Shape, Skipped, Texts, Variant,
    VariantData,
};
use crate::syntax::Errors;

pub(crate) fn check(raw: RawInput, mut errors: Errors) -> syn::Result<Input> {
    let RawInput {
        ident,
        generics,
        docs,
        context,
        customs,
        schema_with,
        deny_unknown_fields,
        shape,
    } = raw;
    let params: Vec<syn::Ident> = generics.type_params().map(|p| p.ident.clone()).collect();
    for p in params
        .iter()
        .filter(|p| crate::emit::is_std_name(&p.to_string()))
    {
        err(
            &mut errors,
            p.span(),
            format!(
                "type parameter `{p}` is named like a standard library type, which desk-schema \
                 reads by its name: give it another name"
            ),
        );
    }
    let mut serde_skipped = Vec::new();
    let struct_rule = customs.first().map(|c| &c.check);
    check_names(&ident, &shape, &mut errors);
    let shape = match shape {
        RawShape::DataEnum(repr, variants) => {
            if let Some(check) = struct_rule {
                errors.push(syn::Error::new_spanned(
                    check,
                    "a struct-level `custom` rule on an enum: put `custom` on the fields of the variant it checks",
                ));
            }
            if matches!(repr, Repr::Untagged) {
                untagged(&ident, &generics, &variants, &mut errors);
            }
            data_enum(repr, variants, &params, &mut errors)
        }
        RawShape::Struct(fields) => Shape::Struct(check_fields(
            fields,
            &params,
            &mut serde_skipped,
            &mut errors,
        )),
        RawShape::Newtype(fields) => {
            if let Some(check) = struct_rule {
                errors.push(syn::Error::new_spanned(
                    check,
                    "a struct-level `custom` rule on a newtype: put `custom` on its field, which is the whole value",
                ));
            }
            let read = check_fields(fields, &params, &mut serde_skipped, &mut errors);
            newtype(read, &mut errors)
        }
        RawShape::Enum(variants) => {
            // A context or a struct rule has nothing to act on in a unit enum.
            if let Some(ctx) = &context {
                errors.push(syn::Error::new_spanned(
                    ctx,
                    "`context` applies to structs, not unit enums",
                ));
            }
            if let Some(check) = struct_rule {
                errors.push(syn::Error::new_spanned(
                    check,
                    "`custom` applies to structs, not unit enums",
                ));
            }
            unit_enum(variants)
        }
    };
    if checks_range_bounds(&generics) {
        for field in shape_fields(&shape) {
            if check_families(&field.ty, &field.rules, &ident, &mut errors) {
                check_range_fits(&field.ty, &field.rules, &mut errors);
                check_unique_by(field, &mut errors);
            }
        }
    }
    errors.finish()?;
    Ok(Input {
        serde_skipped,
        ident,
        generics,
        docs,
        context,
        customs,
        schema_with,
        deny_unknown_fields,
        shape,
        gated: Vec::new(),
    })
}

/// Names serde reads twice: two fields of one object, or two variants of
/// one enum, that one JSON name (or a variant's alias) reads. serde fills
/// the first and never the second, where a schema has one property or
/// branch for the name and would describe either; and an enum of which
/// serde reads no variant.
fn check_names(ident: &syn::Ident, shape: &RawShape, errors: &mut Errors) {
    match shape {
        RawShape::Struct(f) | RawShape::Newtype(f) => check_field_names(f, errors),
        RawShape::Enum(vs) => check_variant_names(ident, vs.iter(), true, errors),
        RawShape::DataEnum(repr, vs) => {
            let named = !matches!(repr, Repr::Untagged);
            check_variant_names(ident, vs.iter().map(|v| &v.head), named, errors);
            check_selectors(ident, repr, vs, errors);
            for v in vs {
                if let RawVariantData::Struct(f) = &v.data {
                    check_field_names(f, errors);
                }
            }
        }
    }
}

/// Two fields of one object read from one JSON name, and a field named
/// `__proto__`.
fn check_field_names(fields: &[RawField], errors: &mut Errors) {
    let mut seen: Vec<(&str, String)> = Vec::new();
    for f in fields.iter().filter(|f| !f.serde_skipped) {
        prototype(&f.json, f.span, errors);
        let name = field_name(f);
        match seen.iter().find(|(json, _)| *json == f.json) {
            Some((json, first)) => err(
                errors,
                f.span,
                format!(
                    "`{name}` is read from the JSON name \"{json}\", as `{first}` is: serde \
                     fills only the first of two fields of one name, and the schema would \
                     describe one property for both; rename one of them"
                ),
            ),
            None => seen.push((&f.json, name)),
        }
    }
}

/// Two variants read from one name (`named`: the variants are read by name,
/// not untagged), and an enum of which serde reads no variant.
fn check_variant_names<'a>(
    ident: &syn::Ident,
    heads: impl Iterator<Item = &'a RawVariant>,
    named: bool,
    errors: &mut Errors,
) {
    let heads: Vec<&RawVariant> = heads.collect();
    let mut seen: Vec<(&str, &syn::Ident)> = Vec::new();
    let mut any = false;
    for v in heads.iter().filter(|v| !v.skipped) {
        any = true;
        if !named {
            continue;
        }
        for name in std::iter::once(&v.json).chain(&v.aliases) {
            match seen.iter().find(|(json, _)| json == name) {
                Some((json, first)) => err(
                    errors,
                    v.ident.span(),
                    format!(
                        "variant `{}` is read from the name \"{json}\", as variant `{first}` \
                         is: serde takes the first, and the schema would offer both; rename \
                         one of them, or drop the alias",
                        v.ident
                    ),
                ),
                None => seen.push((name, &v.ident)),
            }
        }
    }
    if !any {
        let which = if heads.is_empty() {
            format!("`{ident}` has no variants")
        } else {
            format!("every variant of `{ident}` is skipped")
        };
        err(
            errors,
            ident.span(),
            format!(
                "{which}: serde reads no value of it, and its schema would be an empty \
                 `enum`, which JSON Schema validators refuse; give it a variant serde reads, \
                 or do not derive `Validate` for it"
            ),
        );
    }
}

/// The property names a data enum's form writes: an external variant's
/// names, or the tag and content.
fn check_selectors(ident: &syn::Ident, repr: &Repr, vs: &[RawDataVariant], errors: &mut Errors) {
    match repr {
        Repr::External => vs
            .iter()
            .filter(|v| !v.head.skipped)
            .flat_map(|v| {
                std::iter::once(&v.head.json)
                    .chain(&v.head.aliases)
                    .map(|n| (n, v.head.ident.span()))
            })
            .for_each(|(name, span)| selector(name, span, errors)),
        Repr::Internal(tag) => selector(tag, ident.span(), errors),
        Repr::Adjacent(tag, content) => {
            selector(tag, ident.span(), errors);
            prototype(content, ident.span(), errors);
        }
        Repr::Untagged => {}
    }
}

/// A property whose presence picks a variant (an external variant's name,
/// a tag): `__proto__` as anywhere, and the empty name, which the schema
/// would test with `required: [""]` inside an `if` or a `not`, where Ajv's
/// test of it always passes (it keeps the missing name in a variable and
/// tests the variable, which `""` leaves false): the npm package would pick
/// another variant than serde.
fn selector(name: &str, span: Span, errors: &mut Errors) {
    prototype(name, span, errors);
    if name.is_empty() {
        err(
            errors,
            span,
            "the JSON name \"\" cannot pick a variant in JavaScript: Ajv's test for a property \
             named \"\" inside a schema's `if` or `not` always passes, so the npm package would \
             read another variant than serde; rename it",
        );
    }
}

/// A property named `__proto__`: JavaScript validators pass over it (Ajv
/// reads `properties.__proto__` as the prototype), so the npm package could
/// not check what Rust checks there.
fn prototype(name: &str, span: Span, errors: &mut Errors) {
    if name == "__proto__" {
        err(
            errors,
            span,
            "the JSON name \"__proto__\" cannot be checked in JavaScript: Ajv passes over a \
             property of that name (it is taken for the object's prototype), so the schema and \
             the npm package would accept what Rust refuses; rename it",
        );
    }
}

/// Every field of `shape`, variants' included.
fn shape_fields(shape: &Shape) -> Vec<&Field> {
    match shape {
        Shape::Struct(fields) => fields.iter().collect(),
        Shape::Newtype(field) => vec![field],
        Shape::Enum { .. } => Vec::new(),
        Shape::DataEnum { variants, .. } => variants
            .iter()
            .flat_map(|v| match &v.data {
                VariantData::Unit => Vec::new(),
                VariantData::Newtype(field) => vec![&**field],
                VariantData::Struct { fields, .. } => fields.iter().collect(),
            })
            .collect(),
    }
}

/// A newtype: its one read field. serde checks that exactly one field is
/// read; if it is not, serde's error is already reported.
fn newtype(mut read: Vec<Field>, errors: &mut Errors) -> Shape {
    if let Some(f) = read.iter().find(|f| f.is_buffered()) {
        err(
            errors,
            f.span,
            "a newtype's field has `skip`: the newtype would check nothing; use the inner type directly",
        );
    }
    if read.len() == 1 {
        Shape::Newtype(Box::new(read.remove(0)))
    } else {
        Shape::Struct(read)
    }
}

/// A unit-only enum: the variants serde reads, and the `other` one.
fn unit_enum(variants: Vec<RawVariant>) -> Shape {
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

/// What an untagged enum cannot be: generic, or holding itself.
fn untagged(
    ident: &syn::Ident,
    generics: &syn::Generics,
    variants: &[RawDataVariant],
    errors: &mut Errors,
) {
    if !generics.params.is_empty() {
        errors.push(syn::Error::new_spanned(
            &generics.params,
            "an untagged enum takes no generic parameters: desk-schema must know at compile \
             time that its variants read different JSON types; use concrete types, or give \
             the enum a tag (`#[serde(tag = \"type\")]`)",
        ));
    }
    untagged_self_reference(ident, variants, errors);
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
                let internal = matches!(repr, Repr::Internal(_));
                if internal {
                    err(
                        errors,
                        v.head.ident.span(),
                        "a newtype variant in an internally tagged enum mixes the tag into another \
                         type's object, which could not be checked as that type; write its fields \
                         as a struct variant, or use `#[serde(tag = \"...\", content = \"...\")]`",
                    );
                }
                if field.serde_skipped {
                    // serde reads such a variant as a unit variant, and
                    // (adjacently tagged) reads a missing content as the
                    // field's own type would: no shape of the derive's.
                    if !internal {
                        err(
                            errors,
                            field.span,
                            format!(
                                "serde reads a newtype variant whose field it skips as a unit \
                                 variant and fills the field itself, a form the derive does not \
                                 check: write `{0}` as a unit variant, or name the field \
                                 (`{0} {{ #[serde(skip)] value: ... }}`, whose content is an \
                                 object)",
                                v.head.ident
                            ),
                        );
                    }
                    VariantData::Unit
                } else {
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
                    ty: f.ty.clone(),
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

/// A borrowed field (`&str`, also inside `Option`, `Vec`, a map, ...) could
/// not be built from what the walk keeps, which is owned wherever the text
/// has escapes. One error, at the reference.
fn check_owned(field: &RawField, errors: &mut Errors) -> bool {
    // A field serde skips is never read: only the field itself is refused.
    let found = match &field.ty {
        syn::Type::Reference(r) => Some(r),
        ty if !field.serde_skipped => borrowed(ty),
        _ => None,
    };
    if let Some(r) = found {
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

/// The first reference in `ty`: the field itself (`&str`), or a type inside
/// it (`Option<&str>`, `Vec<&str>`, `BTreeMap<&str, u8>`), but not inside
/// `PhantomData`, which holds no value.
fn borrowed(ty: &syn::Type) -> Option<&syn::TypeReference> {
    match ty {
        syn::Type::Reference(r) => Some(r),
        syn::Type::Paren(t) => borrowed(&t.elem),
        syn::Type::Group(t) => borrowed(&t.elem),
        syn::Type::Slice(t) => borrowed(&t.elem),
        syn::Type::Array(t) => borrowed(&t.elem),
        syn::Type::Tuple(t) => t.elems.iter().find_map(borrowed),
        syn::Type::Path(p) => {
            let last = p.path.segments.last()?;
            if last.ident == "PhantomData" {
                return None;
            }
            p.path.segments.iter().find_map(|seg| match &seg.arguments {
                syn::PathArguments::AngleBracketed(args) => {
                    args.args.iter().find_map(|a| match a {
                        syn::GenericArgument::Type(t) => borrowed(t),
                        _ => None,
                    })
                }
                _ => None,
            })
        }
        _ => None,
    }
}

/// The first part of a field's type that no path can read as serde does,
/// with what to write instead: tuples and arrays (serde reads them from
/// JSON arrays, which this crate does not walk yet), maps with keys that
/// are not strings (serde parses them from strings), `VecDeque` and
/// `LinkedList`, and `Rc`/`Arc`/`Cow` of anything but `str`.
fn unsupported(ty: &syn::Type) -> Option<(Span, String)> {
    let span = syn::spanned::Spanned::span(ty);
    match ty {
        syn::Type::Tuple(t) if !t.elems.is_empty() => Some((
            span,
            "a tuple is not supported (serde reads it from a JSON array by position, which \
             no rule here can address); use a struct with named fields"
                .into(),
        )),
        syn::Type::Array(_) => Some((
            span,
            "a fixed-size array is not supported; use a `Vec` with `min_items` and `max_items`"
                .into(),
        )),
        syn::Type::Group(g) => unsupported(&g.elem),
        syn::Type::Paren(p) => unsupported(&p.elem),
        syn::Type::Path(p) if p.qself.is_none() => {
            let last = p.path.segments.last()?;
            let name = last.ident.to_string();
            let args = crate::paths::type_args(last);
            let instead = match name.as_str() {
                "VecDeque" | "LinkedList" => Some(format!("`{name}` is not supported; use a `Vec`")),
                "Rc" | "Arc" if args.first().is_some_and(|a| !is_str(a)) => Some(format!(
                    "`{name}` of a value is not supported (only `{name}<str>`); use a `Box`, or the value itself"
                )),
                "Cow" if is_std_cow(&p.path) => args.first().and_then(|inner| {
                    let owned = cow_owned(inner)?;
                    Some(format!(
                        "`Cow` of `{}` is not supported (only `Cow<'a, str>`, which borrows from \
                         the text); use `{owned}`",
                        written(inner)
                    ))
                }),
                "HashMap" | "BTreeMap" if args.first().is_some_and(|k| !string_key(k)) => Some(
                    "map keys must be strings (`String`, `Box<str>`, ...): serde parses other keys \
                     from the JSON string, which the walk and the schema do not; use a `String` key"
                        .into(),
                ),
                "HashMap" | "BTreeMap" if args.first().is_some_and(|k| is_cow(k)) => Some(
                    "a `Cow` map key is not supported (the walk reads a key as an owned string); \
                     use a `String` key"
                        .into(),
                ),
                _ => None,
            };
            if let Some(message) = instead {
                return Some((span, message));
            }
            args.into_iter().find_map(unsupported)
        }
        _ => None,
    }
}

/// Where `()` is, as the field's type or inside a standard container or a
/// slice (not inside a type of the user's, whose parameter may stand for
/// anything): it holds only `null`, which no rule checks.
fn unit_in(ty: &syn::Type) -> Option<Span> {
    through_std(
        ty,
        &|t| matches!(t, syn::Type::Tuple(t) if t.elems.is_empty()),
    )
    .map(syn::spanned::Spanned::span)
}

/// The first type that `found` picks, as the type or inside the standard
/// containers and pointers that read what they hold as it is (a list, a
/// set, a map's keys and values, `Option`, `Box`, `Rc`, `Arc`, `Cow`, the
/// cells, a slice, an array, a tuple, a reference); not inside a type of
/// the user's, whose parameter may stand for anything.
fn through_std<'a>(ty: &'a syn::Type, found: &dyn Fn(&syn::Type) -> bool) -> Option<&'a syn::Type> {
    const THROUGH: [&str; 14] = [
        "Box", "Arc", "Rc", "Option", "Vec", "VecDeque", "HashMap", "BTreeMap", "HashSet",
        "BTreeSet", "Cow", "Cell", "RefCell", "Mutex",
    ];
    if found(ty) {
        return Some(ty);
    }
    match ty {
        syn::Type::Path(p) => {
            let last = p.path.segments.last()?;
            if p.qself.is_some() || !THROUGH.contains(&last.ident.to_string().as_str()) {
                return None;
            }
            let syn::PathArguments::AngleBracketed(args) = &last.arguments else {
                return None;
            };
            args.args.iter().find_map(|arg| match arg {
                syn::GenericArgument::Type(t) => through_std(t, found),
                _ => None,
            })
        }
        syn::Type::Reference(r) => through_std(&r.elem, found),
        syn::Type::Slice(s) => through_std(&s.elem, found),
        syn::Type::Array(a) => through_std(&a.elem, found),
        syn::Type::Paren(p) => through_std(&p.elem, found),
        syn::Type::Group(g) => through_std(&g.elem, found),
        syn::Type::Tuple(t) => t.elems.iter().find_map(|t| through_std(t, found)),
        _ => None,
    }
}

/// Where the field's type holds `()` (see [`unit_in`]), with what to do
/// instead. A newtype's field cannot be `skip` (the newtype would check
/// nothing): it is told what fits it.
fn unit(field: &RawField) -> Option<(Span, String)> {
    let message = if matches!(field.member, syn::Member::Unnamed(_)) {
        "`()` holds only `null`, which no rule checks: a newtype of it has nothing to \
         check; hold it in a struct's field marked `#[desk(skip)]`, or leave it out"
    } else {
        "`()` holds only `null`, which no rule checks; mark the field `#[desk(skip)]`, \
         or leave it out"
    };
    unit_in(&field.ty).map(|span| (span, message.to_owned()))
}

/// `str`, as written: by its name or its primitive path
/// (`core::primitive::str`).
fn is_str(ty: &syn::Type) -> bool {
    primitive_name(ty).as_deref() == Some("str")
}

/// The owned type to write for a `Cow` of `inner` that is known not to be
/// `str` (`Vec<u8>` for `[u8]`, `String` for `String`): a slice, or a
/// `String`, `Vec` or `Box` by name. `None` for anything else, which may be
/// an alias of `str` (the derive cannot tell).
fn cow_owned(inner: &syn::Type) -> Option<String> {
    match as_written(inner) {
        syn::Type::Slice(slice) => Some(format!("Vec<{}>", written(&slice.elem))),
        syn::Type::Path(p) if p.qself.is_none() => {
            let last = p.path.segments.last()?;
            ["String", "Vec", "Box"]
                .contains(&last.ident.to_string().as_str())
                .then(|| written(inner))
        }
        _ => None,
    }
}

/// Whether `path` is std's `Cow`, as far as its words say: `Cow` alone, or
/// `...::borrow::Cow` (a `farm::Cow` of the user's is not).
fn is_std_cow(path: &syn::Path) -> bool {
    let names: Vec<String> = path.segments.iter().map(|s| s.ident.to_string()).collect();
    match names.as_slice() {
        [one] => one == "Cow" && path.leading_colon.is_none(),
        [.., module, last] => module == "borrow" && last == "Cow",
        _ => false,
    }
}

/// The primitive number types, as written.
const NUMBERS: [&str; 14] = [
    "u8", "u16", "u32", "u64", "u128", "usize", "i8", "i16", "i32", "i64", "i128", "isize", "f32",
    "f64",
];

/// Whether a type is written as a `Cow` (of anything).
fn is_cow(ty: &syn::Type) -> bool {
    matches!(ty, syn::Type::Path(p) if p.path.segments.last().is_some_and(|s| s.ident == "Cow"))
}

/// A map key type serde reads from the JSON string as it is: a string type,
/// or any type other than the primitives serde parses.
fn string_key(ty: &syn::Type) -> bool {
    match ty {
        syn::Type::Group(g) => string_key(&g.elem),
        syn::Type::Tuple(_) | syn::Type::Array(_) => false,
        syn::Type::Path(p) => !p
            .path
            .get_ident()
            .is_some_and(|i| NUMBERS.iter().chain(&["bool", "char"]).any(|n| i == n)),
        _ => true,
    }
}

/// A `Cow` of anything but `str` written in a `#[desk(skip)]` field's type:
/// with `#[serde(borrow)]`, serde reads a `Cow<[u8]>` as bytes (a string),
/// where the schema and the walk of a `serde_json::Value` read a list, so
/// even the Rust paths would disagree; the owned type is read alike by all.
fn skipped_cow(ty: &syn::Type) -> Option<(Span, String)> {
    let mut found = None;
    crate::paths::any_path(ty, |p| {
        if !is_std_cow(&p.path) {
            return false;
        }
        let Some(inner) = p
            .path
            .segments
            .last()
            .and_then(|last| crate::paths::type_args(last).into_iter().next())
        else {
            return false;
        };
        if is_str(inner) {
            return false;
        }
        let owned = cow_owned(inner).map_or_else(|| "the owned type".into(), |o| format!("`{o}`"));
        found = Some((
            syn::spanned::Spanned::span(p),
            format!(
                "`Cow` of `{}` in a `#[desk(skip)]` field: serde may read it borrowed (with \
                 `#[serde(borrow)]`, a `Cow<[u8]>` from a string) otherwise than from a JSON \
                 value, so the paths would not agree; use {owned}",
                written(inner)
            ),
        ));
        true
    });
    found
}

/// A field whose type is (or holds) a type parameter is checked by that
/// type's own rules: only `nested`, `skip`, list sizes, `custom` and a
/// map's `keys(...)` can be written for every type the parameter may take.
fn check_generic(field: &Field, params: &[syn::Ident], errors: &mut Errors) {
    if !mentions(&field.ty, params) {
        return;
    }
    // A rule no type parameter can be held to is the mistake to report;
    // a field with only such rules needs `nested` too, said in the same
    // error (one mistake, one error).
    let rules_mode = matches!(field.mode, Mode::Rules);
    // A map's keys are text whatever its values are, and a key that is a
    // type parameter is bounded as a key, one of the standard string
    // types: `keys(...)` holds for each of them.
    let text_keys = entry_types(&field.ty).is_some_and(|(k, _)| {
        !mentions(k, params)
            || matches!(as_written(k), syn::Type::Path(p)
                if p.qself.is_none() && params.iter().any(|t| p.path.is_ident(t)))
    });
    let mut refused = false;
    for rule in &field.rules {
        // The rules inside are judged against text, what every key is (the
        // type's own checks of rule and type are for types without
        // parameters).
        if let (true, RuleKind::Keys(inner)) = (text_keys, &rule.kind) {
            let text: syn::Type = syn::parse_quote!(String);
            check_families(&text, inner, &syn::Ident::new("Self", rule.span), errors);
        }
        let any_type = matches!(
            rule.kind,
            RuleKind::MaxItems(_) | RuleKind::MinItems(_) | RuleKind::Custom { .. }
        ) || (text_keys && matches!(rule.kind, RuleKind::Keys(_)));
        if !any_type {
            refused = true;
            let nested = if rules_mode {
                ", and mark the field `#[desk(nested)]`"
            } else {
                ""
            };
            err(
                errors,
                rule.span,
                format!(
                    "`{}` on a field of a type parameter: it could not be checked for every type; \
                     put it in the concrete type's own rules{nested}",
                    rule.name
                ),
            );
        }
    }
    if rules_mode && !refused {
        err(
            errors,
            field.span,
            "a field of a type parameter is checked by its own type: mark it `#[desk(nested)]` \
             (any type that derives `Validate`, or a plain value) or `#[desk(skip)]`",
        );
    }
}

fn check_field(field: RawField, params: &[syn::Ident], errors: &mut Errors) -> Option<Field> {
    if !check_owned(&field, errors) {
        return None;
    }
    let read_whole =
        field.serde_skipped || field.rules.iter().any(|r| matches!(r.parsed, Parsed::Skip));
    if !read_whole && let Some((span, message)) = unsupported(&field.ty).or_else(|| unit(&field)) {
        err(errors, span, message);
        return None;
    }
    if !field.serde_skipped
        && read_whole
        && let Some((span, message)) = skipped_cow(&field.ty)
    {
        err(errors, span, message);
        return None;
    }
    let checked = check_field_rules(field, errors)?;
    check_generic(&checked, params, errors);
    Some(checked)
}

fn check_field_rules(field: RawField, errors: &mut Errors) -> Option<Field> {
    let skip = field.rules.iter().any(|r| matches!(r.parsed, Parsed::Skip));
    if !rules_allowed(&field, skip, errors) {
        return None;
    }
    let mut mode = if skip { Mode::Skip } else { Mode::Rules };
    let mut rules = Vec::new();
    let mut messages = Vec::new();
    for raw in field.rules {
        match raw.parsed {
            Parsed::Rule(kind) => rules.push(Rule {
                name: raw.spec.name,
                span: raw.span,
                kind,
            }),
            Parsed::Nested => mode = Mode::Nested(raw.span),
            Parsed::Skip => {}
            Parsed::Message { rule, texts } => messages.push((raw.span, rule, texts)),
        }
    }
    let before = errors.count();
    check_rules(&rules, errors);
    bound_integer_lists(&mut rules);
    // A rule refused (its arguments, or here) is not in `rules`: a message
    // is not judged against what is left.
    let refused = field.bad_rule || errors.count() > before;
    let message = field_messages(messages, &rules, &field.ty, refused, errors);
    Some(Field {
        member: field.member,
        ty: field.ty,
        span: field.span,
        json: field.json,
        docs: field.docs,
        rules,
        mode,
        absent: field.absent,
        message,
        gate: None,
        rule_value: std::cell::OnceCell::new(),
        plain_key: std::cell::OnceCell::new(),
    })
}

/// A field's `message(...)` entries (`(span, rule, texts)`), checked: at
/// most one for the rules without their own and one for each rule, each
/// for a rule of the field that has a code of its own, and each `{name}` a
/// figure of the rules it is for. `refused`: a rule of the field was refused,
/// so the messages are not judged against what is left.
fn field_messages(
    messages: Vec<(Span, Option<syn::Ident>, Texts)>,
    rules: &[Rule],
    ty: &syn::Type,
    refused: bool,
    errors: &mut Errors,
) -> Option<FieldMessages> {
    let first = messages.first()?.0;
    if rules.is_empty() && !refused {
        err(
            errors,
            first,
            "`message` replaces the messages of the field's rules, and this field has none: give it a rule, or put `message` on the field that has them",
        );
        return None;
    }
    let names: Vec<&str> = rules
        .iter()
        .flat_map(Rule::figures)
        .map(|(n, _)| n)
        .collect();
    let mut scoped: Vec<(&'static str, Span, Texts)> = Vec::new();
    let mut rest: Option<(Span, Texts)> = None;
    for (span, rule, texts) in messages {
        let Some(rule) = rule else {
            if rest.is_some() {
                err(
                    errors,
                    span,
                    "a second `message` for the field's rules: give one, or name the rule each \
                     is for (`message(max_bytes, en = \"...\")`)",
                );
            } else {
                rest = Some((span, texts));
            }
            continue;
        };
        match message_rule(&rule, &names) {
            Err(why) => err(errors, rule.span(), why),
            Ok(name) if scoped.iter().any(|(n, ..)| *n == name) => err(
                errors,
                rule.span(),
                format!("a second `message({name}, ...)`: give one"),
            ),
            Ok(name) => scoped.push((name, span, texts)),
        }
    }
    let mut own = FieldMessages {
        rest: None,
        by_code: Vec::new(),
    };
    for (name, span, (en, zh_cn)) in scoped {
        if !refused {
            let mine = select(rules, &|r| r == name);
            check_placeholders(en.iter().chain(&zh_cn), &mine, ty, span, errors);
        }
        own.by_code.push((code_of(name), (en, zh_cn)));
    }
    if let Some((span, (en, zh_cn))) = rest {
        let taken: Vec<&str> = own.by_code.iter().map(|(c, _)| *c).collect();
        let others = select(rules, &|r| !taken.contains(&code_of(r)));
        if others.is_empty() && !refused {
            err(
                errors,
                span,
                "`message(en = \"...\")` is for the rules without a message of their own, and \
                 each rule of this field has one: leave it out",
            );
        } else if !refused {
            check_placeholders(en.iter().chain(&zh_cn), &others, ty, span, errors);
        }
        own.rest = Some((en, zh_cn));
    }
    (own.rest.is_some() || !own.by_code.is_empty()).then_some(own)
}

/// The code a rule's violations carry (its name for `custom`, which has
/// none of its own).
fn code_of(rule: &str) -> &str {
    crate::model::spec(rule).map_or(rule, |s| s.code)
}

/// The rule a `message(rule, ...)` names, one of the field's (`names`),
/// or why it cannot have a message of its own: no such rule, no such rule
/// on the field, one that reports nothing of its own, or one that shares
/// its code with another rule of the field (two formats: a violation says
/// its code, not its rule, so one message would be shown for both).
fn message_rule(rule: &syn::Ident, names: &[&str]) -> Result<&'static str, String> {
    let name = rule.to_string();
    let said = |why: String| format!("`message({name}, ...)`: {why}");
    let Some(spec) = crate::model::spec(&name).filter(|s| !s.code.is_empty()) else {
        let why = match (name.as_str(), crate::model::spec(&name)) {
            ("custom", _) => "a custom rule's message is its own (`Kind::custom`), or the field's \
                              `message(en = \"...\")`"
                .to_owned(),
            (_, Some(_)) => format!("`{name}` reports nothing of its own"),
            (_, None) => {
                // A code named for its rule (`enum` for `one_of`).
                let by_code = names.iter().find(|n| code_of(n) == name);
                let rule_names: Vec<&str> =
                    names.iter().copied().filter(|n| *n != "custom").collect();
                let hint = by_code
                    .map(|r| format!("; `{name}` is the code of `{r}`: write `message({r}, ...)`"))
                    .or_else(|| {
                        crate::suggest::closest(&name, &rule_names)
                            .map(|c| format!("; did you mean `{c}`?"))
                    })
                    .unwrap_or_default();
                format!("there is no rule `{name}`{hint}")
            }
        };
        return Err(said(why));
    };
    if !names.contains(&spec.name) {
        return Err(said(format!("the field has no `{name}` rule")));
    }
    if let Some(other) = names
        .iter()
        .find(|n| **n != spec.name && code_of(n) == spec.code)
    {
        return Err(said(format!(
            "`{other}` on this field reports `{}` too, and a violation carries its code, not \
             its rule, so one message would be shown for both; give the field's \
             `message(en = \"...\")` to both instead",
            spec.code
        )));
    }
    Ok(spec.name)
}

/// The rules of `rules` (inside `items(...)`, `keys(...)` and `values(...)`
/// too) whose name `keep` keeps.
fn select(rules: &[Rule], keep: &dyn Fn(&str) -> bool) -> Vec<Rule> {
    rules
        .iter()
        .filter_map(|r| {
            let inside = |inner: &[Rule], wrap: fn(Vec<Rule>) -> RuleKind| {
                let inner = select(inner, keep);
                (!inner.is_empty()).then(|| Rule {
                    kind: wrap(inner),
                    ..r.clone()
                })
            };
            match &r.kind {
                RuleKind::Items(inner) => inside(inner, RuleKind::Items),
                RuleKind::Keys(inner) => inside(inner, RuleKind::Keys),
                RuleKind::Values(inner) => inside(inner, RuleKind::Values),
                _ => keep(r.name).then(|| r.clone()),
            }
        })
        .collect()
}

/// Each `{name}` in a field's own messages (ASCII letters, digits and `_`,
/// not starting with a digit) must be a figure that every rule of the field
/// fills, which the report does; any other name would be shown as written,
/// and a figure without a value as nothing. Braces around anything else are
/// text, as the report and the npm package render them, except a name with
/// spaces around it, which reads as a mistake. One error a name, whichever
/// language uses it.
fn check_placeholders<'t>(
    texts: impl Iterator<Item = &'t String>,
    rules: &[Rule],
    ty: &syn::Type,
    span: Span,
    errors: &mut Errors,
) {
    let mut figures: Vec<(&str, &[&str])> = rules.iter().flat_map(Rule::figures).collect();
    figures.sort_unstable();
    figures.dedup();
    let fills = |rule: &str| match figures.iter().find(|(r, _)| *r == rule) {
        Some((_, own)) if !own.is_empty() => {
            let own: Vec<String> = own.iter().map(|f| format!("`{{{f}}}`")).collect();
            format!("`{rule}` fills {}", own.join(", "))
        }
        _ => format!("`{rule}` fills none"),
    };
    // What every rule fills: what a typo may have meant.
    let common: Vec<&str> = figures.first().map_or_else(Vec::new, |(_, first)| {
        first
            .iter()
            .copied()
            .filter(|f| figures.iter().all(|(_, own)| own.contains(f)))
            .collect()
    });
    let mut seen: Vec<(&str, bool)> = Vec::new();
    for text in texts {
        for (name, spaced) in placeholders(text) {
            if seen.contains(&(name, spaced)) {
                continue;
            }
            seen.push((name, spaced));
            let lacking: Vec<&str> = figures
                .iter()
                .filter(|(_, own)| !own.contains(&name))
                .map(|(rule, _)| *rule)
                .collect();
            let empty = rules.iter().find_map(|r| empty_figure(r, name, ty));
            let each = lacking
                .iter()
                .map(|r| fills(r))
                .collect::<Vec<_>>()
                .join("; ");
            let message = if spaced {
                let instead = if lacking.is_empty() && empty.is_none() {
                    format!(": a placeholder has no spaces, `{{{name}}}`")
                } else {
                    "; leave it out".to_owned()
                };
                format!("`{{ {name} }}` in `message` would be shown as written{instead}")
            } else if !lacking.is_empty() && lacking.len() == figures.len() {
                let hint = common
                    .iter()
                    .find(|f| f.eq_ignore_ascii_case(name))
                    .copied()
                    .or_else(|| crate::suggest::closest(name, &common))
                    .map(|c| format!("; did you mean `{{{c}}}`?"))
                    .unwrap_or_default();
                format!(
                    "`{{{name}}}` in `message` is no figure of this field's rules, and would be \
                     shown as written{hint} ({each})"
                )
            } else if !lacking.is_empty() {
                format!(
                    "`{{{name}}}` in `message` would be shown as written in a violation of {} \
                     ({each}): the message replaces the messages of every rule of the field, \
                     so use only figures each of them fills",
                    lacking
                        .iter()
                        .map(|r| format!("`{r}`"))
                        .collect::<Vec<_>>()
                        .join(", "),
                )
            } else if let Some(why) = empty {
                format!("`{{{name}}}` in `message` would be shown as nothing: {why}")
            } else {
                continue;
            };
            err(errors, span, message);
        }
    }
}

/// The names in `{...}` of `text` that a message fills, as the report reads
/// them (from each `{` to the next `}`), and whether spaces surround one.
fn placeholders(text: &str) -> impl Iterator<Item = (&str, bool)> {
    text.match_indices('{').filter_map(|(open, _)| {
        let after = &text[open + 1..];
        let inner = &after[..after.find('}')?];
        let name = inner.trim_matches(' ');
        (name.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_')
            && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'))
        .then_some((name, name.len() != inner.len()))
    })
}

/// Why `figure`, which `rule` (or a rule inside it) fills in general, has
/// no value to show on a field of type `ty` (as written): a `range` bound
/// left out, at the type's own limit (the report leaves such a bound out),
/// or one JavaScript rounds onto that limit; a wide integer's `actual`
/// (JavaScript reads numbers as doubles); the key of a `unique` without
/// `by`. A bound outside the type is its own error, elsewhere.
fn empty_figure(rule: &Rule, figure: &str, ty: &syn::Type) -> Option<String> {
    let inner = |rules: &[Rule], ty: Option<&syn::Type>| {
        ty.and_then(|ty| rules.iter().find_map(|r| empty_figure(r, figure, ty)))
    };
    match &rule.kind {
        RuleKind::Items(rules) => inner(rules, item_type(ty)),
        RuleKind::Values(rules) => inner(rules, entry_types(ty).map(|(_, v)| v)),
        RuleKind::Range { min, max } => {
            let name = number_name(ty);
            let limits = name.as_deref().and_then(runtime_bounds);
            let bound = |which: &str, bound: Option<i128>, limit: Option<i128>| match (bound, limit)
            {
                (None, _) => Some(format!("this `range` gives no `{which}`")),
                (Some(b), Some(l)) if b == l => {
                    let name = name.as_deref().unwrap_or_default();
                    // `u128` and `i128` hold no more than JSON carries.
                    let of = if name.ends_with("128") {
                        format!("a `{name}` read from JSON")
                    } else {
                        format!("`{name}`")
                    };
                    let end = if which == "min" { "least" } else { "greatest" };
                    Some(format!(
                        "`{which} = {b}` is the {end} value of {of} already, and the report \
                         leaves it out"
                    ))
                }
                #[allow(
                    clippy::cast_precision_loss,
                    clippy::float_cmp,
                    reason = "the double JavaScript reads is the point, and doubles of integers compare exactly"
                )]
                (Some(b), Some(l))
                    if (if which == "min" { b > l } else { b < l }) && b as f64 == l as f64 =>
                {
                    Some(format!(
                        "JavaScript reads `{which} = {b}` as the double of `{}`'s own limit, and \
                         the npm package leaves it out",
                        name.as_deref().unwrap_or_default()
                    ))
                }
                _ => None,
            };
            match figure {
                "min" => bound("min", *min, limits.map(|(low, _)| low)),
                "max" => bound("max", *max, limits.map(|(_, high)| high)),
                "actual"
                    if limits.is_some_and(|(low, high)| low < -(1 << 53) || high > 1 << 53) =>
                {
                    Some(format!(
                        "a value of `{}` can be past 2^53, where JavaScript, which reads JSON \
                         numbers as doubles, cannot show it exactly (the npm package leaves it out)",
                        name.as_deref().unwrap_or_default()
                    ))
                }
                _ => None,
            }
        }
        RuleKind::Unique { by: None } if figure == "key" => Some(
            "`unique` without `by` compares whole items, and has no key; `{first}` is the \
             index of the item repeated"
                .into(),
        ),
        _ => None,
    }
}

/// The least and greatest values of an integer type as the runtime's
/// `range` takes them (`desk_schema::rules::Integer`): `u128` and `i128`
/// within what JSON carries, `usize` and `isize` as on a 64-bit target.
fn runtime_bounds(name: &str) -> Option<(i128, i128)> {
    Some(match name {
        "u128" | "usize" => (0, u64::MAX.into()),
        "i128" => (i64::MIN.into(), u64::MAX.into()),
        "isize" => (i64::MIN.into(), i64::MAX.into()),
        name if name.starts_with('f') => return None,
        name => {
            let (_, low, high) = bounds_of(name)?;
            (low, high)
        }
    })
}

/// Whether the field's rules can be checked at all: none on a field serde
/// skips, at least one (`nested` and `skip` count), and nothing beside
/// `skip`. Reports the first mistake.
fn rules_allowed(field: &RawField, skip: bool, errors: &mut Errors) -> bool {
    let not_skip = field
        .rules
        .iter()
        .find(|r| !matches!(r.parsed, Parsed::Skip));
    if field.serde_skipped {
        // serde never reads this field from JSON: rules on it could not be
        // reported at a JSON path, so none are allowed.
        if let Some(rule) = not_skip {
            err(
                errors,
                rule.span,
                format!(
                    "`{}` on a field that serde skips: it is never read from JSON",
                    rule.spec.name
                ),
            );
        }
        return false;
    }
    // (A `skip` field's type is read by serde alone, which may read one
    // through a `Deserialize` of its own, as typetag writes.)
    if let Some(object) = trait_object(&field.ty).filter(|_| !skip) {
        // serde's own derive fails on it too (each of its errors stays);
        // without this one, the derive's code would add one for every item
        // that reads the field (twenty with `nested`).
        errors.push(syn::Error::new_spanned(
            object,
            format!(
                "`{}` is a trait object: nothing in the type says which type the JSON is read \
                 as, so neither the walk nor the schema can read it; hold a type of its own, or \
                 an enum of the types it may be (or, where a `Deserialize` of its own reads it, \
                 as typetag writes one, mark the field `#[desk(skip)]`)",
                crate::paths::shown(object)
            ),
        ));
        return false;
    }
    if field.rules.is_empty() {
        no_rule(field, errors);
        return false;
    }
    if skip && let Some(other) = not_skip {
        err(
            errors,
            other.span,
            format!(
                "`{}` conflicts with `skip` on the same field",
                other.spec.name
            ),
        );
        return false;
    }
    if let Some((item, float)) = float_set_item(&field.ty) {
        // serde's own derive fails on it too (each of its errors stays);
        // without this one, the derive's code would add eight more.
        errors.push(syn::Error::new_spanned(
            &field.ty,
            format!(
                "a set of `{item}`: `{float}` is neither `Ord` nor `Hash`, so no set of them can \
                 be built or read; use a `Vec<{item}>`"
            ),
        ));
        return false;
    }
    true
}

/// A field without `#[desk]` rules: garde's safety, every field says how it
/// is checked, so that a nested type is not left unchecked by a forgotten
/// attribute.
fn no_rule(field: &RawField, errors: &mut Errors) {
    if let Some(attr) = field.foreign.as_ref().filter(|_| !field.bad_rule) {
        // Another library's attribute: said there, in its words.
        errors.push(syn::Error::new_spanned(
            attr,
            format!(
                "field `{}` has no rule: {}",
                field_name(field),
                crate::syntax::foreign_advice(attr)
            ),
        ));
    } else if !field.bad_rule {
        // `nested` first for a standard type too (a `u32` without a limit):
        // `skip` would say less of a wrong value. A newtype's one field
        // (unnamed) cannot be `skip`: the newtype would check nothing.
        let nested = "`#[desk(nested)]`: a type that derives `Validate` is checked by its \
                      rules, a standard type (`u32`, `bool`) by its JSON type alone";
        let advice = if matches!(field.member, syn::Member::Unnamed(_)) {
            format!("add one, or {nested}")
        } else {
            format!("add one; or {nested}; or `#[desk(skip)]`, then only read as serde reads it")
        };
        err(
            errors,
            field.span,
            format!("field `{}` has no rule: {advice}", field_name(field)),
        );
    }
}

/// The first trait object (`dyn Trait`, or `impl Trait`) written in a type
/// or in the standard containers and pointers around it (`Box<dyn Trait>`,
/// `Vec<Arc<dyn Trait + Send>>`, [`through_std`]); not inside another type
/// (a `PhantomData`, which serde reads as `null`, or a type of one's own,
/// which may hold it as a marker).
fn trait_object(ty: &syn::Type) -> Option<&syn::Type> {
    through_std(ty, &|t| {
        matches!(t, syn::Type::TraitObject(_) | syn::Type::ImplTrait(_))
    })
}

/// The item type (as written) and the float type (`f32`, `f64`) of the items of a standard set
/// that a type, as written, holds (`BTreeSet<f32>`, `Vec<HashSet<f64>>`,
/// `BTreeSet<Option<f32>>`).
fn float_set_item(ty: &syn::Type) -> Option<(String, String)> {
    let mut found = None;
    crate::paths::any_path(ty, |p| {
        let Some(last) = p.path.segments.last() else {
            return false;
        };
        let set = p.qself.is_none() && std_set(&p.path);
        let item = single_type_arg(last).filter(|_| set);
        match item.and_then(|t| Some((t, float_name(t)?))) {
            Some((t, name)) => {
                found = Some((written(t), name));
                true
            }
            None => false,
        }
    });
    found
}

/// `f32` or `f64`, as `ty` is written (by name or by path, as
/// [`number_name`] reads it), itself or inside `Option` or `Box` (neither of
/// which makes a float `Ord` or `Hash`).
fn float_name(ty: &syn::Type) -> Option<String> {
    if let syn::Type::Path(p) = as_written(ty)
        && p.qself.is_none()
        && let Some(last) = p.path.segments.last()
        && (last.ident == "Option" || last.ident == "Box")
    {
        return float_name(single_type_arg(last)?);
    }
    primitive_name(ty).filter(|name| name == "f32" || name == "f64")
}

/// The consistency checks of one list of rules (a field's, or the rules
/// inside its `items(...)`, `keys(...)` or `values(...)`).
fn check_rules(rules: &[Rule], errors: &mut Errors) {
    check_lengths(rules, errors);
    check_kinds_agree(rules, errors);
    let texts = check_texts(rules, errors);
    check_prefix_and_suffix(rules, &texts, errors);
    for r in rules {
        match &r.kind {
            RuleKind::Items(inner) | RuleKind::Keys(inner) | RuleKind::Values(inner) => {
                check_rules(inner, errors);
            }
            RuleKind::Range {
                min: Some(min),
                max: Some(max),
            } if min > max => err(
                errors,
                r.span,
                format!("`range`: `min = {min}` is above `max = {max}`: no value can pass"),
            ),
            _ => {}
        }
    }
}

/// The bounds of an integer type named as written (`u8`, `Option<i64>`,
/// ...); `None` for any other type, which the generated code checks at
/// compile time instead (`usize` and `isize` depend on the target).
pub(crate) fn integer_bounds(ty: &syn::Type) -> Option<(&'static str, i128, i128)> {
    bounds_of(&number_name(ty)?)
}

/// [`integer_bounds`] of the primitive named `name`.
fn bounds_of(name: &str) -> Option<(&'static str, i128, i128)> {
    let bounds = match name {
        "u8" => ("u8", 0, i128::from(u8::MAX)),
        "u16" => ("u16", 0, i128::from(u16::MAX)),
        "u32" => ("u32", 0, i128::from(u32::MAX)),
        "u64" => ("u64", 0, i128::from(u64::MAX)),
        "i8" => ("i8", i128::from(i8::MIN), i128::from(i8::MAX)),
        "i16" => ("i16", i128::from(i16::MIN), i128::from(i16::MAX)),
        "i32" => ("i32", i128::from(i32::MIN), i128::from(i32::MAX)),
        "i64" => ("i64", i128::from(i64::MIN), i128::from(i64::MAX)),
        // Bounds every path reads alike: from 2^53 on, an integer written
        // past the bound (2^53 + 1) rounds onto it in an `f64`; from 2^23 on,
        // an odd bound's halfway point to the next `f32` rounds out, and
        // serde's own `f32` parse can round in a decimal the double-reading
        // walk and schema round out (rules::range::schema).
        "f32" => ("f32", -((1 << 23) - 1), (1 << 23) - 1),
        "f64" => ("f64", -((1 << 53) - 1), (1 << 53) - 1),
        _ => return None,
    };
    Some(bounds)
}

/// The name of the primitive type `ty` is written as (through `Option`):
/// `u8`, or `core::primitive::u8` / `std::primitive::u8`.
pub(crate) fn number_name(ty: &syn::Type) -> Option<String> {
    if let syn::Type::Path(p) = as_written(ty)
        && p.qself.is_none()
        && let Some(last) = p.path.segments.last()
        && last.ident == "Option"
    {
        return number_name(single_type_arg(last)?);
    }
    primitive_name(ty)
}

/// The name of a primitive type written by its name or by its path
/// (`u8`, `str`, `core::primitive::u8`), or `None`.
pub(crate) fn primitive_name(ty: &syn::Type) -> Option<String> {
    let syn::Type::Path(p) = as_written(ty) else {
        return None;
    };
    if p.qself.is_some() {
        return None;
    }
    let last = p.path.segments.last()?;
    let primitive = crate::paths::std_named(&p.path, &["core", "std"], "primitive");
    (primitive && last.arguments.is_empty()).then(|| last.ident.to_string())
}

/// The one type argument of `Vec<T>`, `Option<T>`, ... as written.
fn single_type_arg(segment: &syn::PathSegment) -> Option<&syn::Type> {
    let syn::PathArguments::AngleBracketed(args) = &segment.arguments else {
        return None;
    };
    match args.args.iter().collect::<Vec<_>>().as_slice() {
        [syn::GenericArgument::Type(t)] => Some(t),
        _ => None,
    }
}

/// The item type of a list written as `Vec<T>`, `BTreeSet<T>`, `HashSet<T>`,
/// `Box<[T]>` or `Option` of one of them.
pub(crate) fn item_type(ty: &syn::Type) -> Option<&syn::Type> {
    let syn::Type::Path(p) = as_written(ty) else {
        return None;
    };
    let last = p.path.segments.last()?;
    let inner = single_type_arg(last)?;
    match last.ident.to_string().as_str() {
        "Option" => item_type(inner),
        "Vec" | "BTreeSet" | "HashSet" => Some(inner),
        "Box" => match as_written(inner) {
            syn::Type::Slice(slice) => Some(&slice.elem),
            _ => None,
        },
        _ => None,
    }
}

/// The key and value types of a map written as `HashMap<K, V>` (with or
/// without its hasher), `BTreeMap<K, V>` or `Option` of one of them.
fn entry_types(ty: &syn::Type) -> Option<(&syn::Type, &syn::Type)> {
    let syn::Type::Path(p) = as_written(ty) else {
        return None;
    };
    let last = p.path.segments.last()?;
    let types = crate::paths::type_args(last);
    match (last.ident.to_string().as_str(), types.as_slice()) {
        ("Option", [inner]) => entry_types(inner),
        ("HashMap", [k, v] | [k, v, _]) | ("BTreeMap", [k, v]) => Some((k, v)),
        _ => None,
    }
}

/// The family of rules a type takes, when it is written as a standard type
/// (through `Option`), with the type inside the `Option`s (what a message
/// names): `None` for any other type, which the generated code checks
/// instead.
fn family_of(ty: &syn::Type) -> Option<(crate::model::Family, &syn::Type)> {
    use crate::model::Family;
    let ty = as_written(ty);
    match ty {
        syn::Type::Reference(r) if matches!(&*r.elem, syn::Type::Path(p) if p.path.is_ident("str")) => {
            Some((Family::Text, ty))
        }
        syn::Type::Path(p) if p.qself.is_none() => {
            let last = p.path.segments.last()?;
            let name = last.ident.to_string();
            let family = match name.as_str() {
                "Option" => return family_of(single_type_arg(last)?),
                "String" if p.path.segments.len() == 1 => Family::Text,
                "char" if p.path.segments.len() == 1 => Family::Char,
                "bool" if p.path.segments.len() == 1 => Family::Boolean,
                "Box"
                    if single_type_arg(last)
                        .is_some_and(|t| matches!(as_written(t), syn::Type::Slice(_))) =>
                {
                    Family::List
                }
                "Box" | "Arc" | "Rc" | "Cow" => {
                    let syn::PathArguments::AngleBracketed(args) = &last.arguments else {
                        return None;
                    };
                    let str_arg = args.args.iter().any(|a| {
                        matches!(a, syn::GenericArgument::Type(syn::Type::Path(t)) if t.path.is_ident("str"))
                    });
                    if !str_arg {
                        return None;
                    }
                    Family::Text
                }
                number if p.path.segments.len() == 1 && NUMBERS.contains(&number) => {
                    Family::Integer
                }
                "Vec" | "VecDeque" | "HashSet" | "BTreeSet" | "HashMap" | "BTreeMap" => {
                    Family::List
                }
                _ => return None,
            };
            Some((family, ty))
        }
        _ => None,
    }
}

/// A `Box`, `Arc` or `Rc` (through `Option`) around a type that no rule
/// reads through it (anything but `str`, and a slice in a `Box`): the
/// pointer's name and the type inside.
fn behind_pointer(ty: &syn::Type) -> Option<(String, &syn::Type)> {
    let syn::Type::Path(p) = as_written(ty) else {
        return None;
    };
    if p.qself.is_some() {
        return None;
    }
    let last = p.path.segments.last()?;
    let inner = single_type_arg(last)?;
    let pointer = last.ident.to_string();
    match pointer.as_str() {
        "Option" => behind_pointer(inner),
        "Box" | "Arc" | "Rc" => {
            let read = primitive_name(inner).as_deref() == Some("str")
                || (pointer == "Box" && matches!(as_written(inner), syn::Type::Slice(_)));
            (!read).then_some((pointer, inner))
        }
        _ => None,
    }
}

/// `ty` without the invisible group a macro's `$t:ty` puts around it, and
/// without parentheses.
pub(crate) fn as_written(ty: &syn::Type) -> &syn::Type {
    match ty {
        syn::Type::Group(g) => as_written(&g.elem),
        syn::Type::Paren(p) => as_written(&p.elem),
        _ => ty,
    }
}

/// The type as written, for a message ([`crate::paths::shown`]).
fn written(ty: &syn::Type) -> String {
    crate::paths::shown(ty)
}

/// A rule for one JSON type on a field whose type, as written, is another
/// (`range` on a `String`, `max_bytes` on a `u32`): one error at the rule.
/// `own` is the deriving type's name (a rule on a `Box` of it says `nested`).
/// Returns whether every rule fits.
fn check_families(ty: &syn::Type, rules: &[Rule], own: &syn::Ident, errors: &mut Errors) -> bool {
    let mut families = rules.iter().filter_map(|r| r.kind.family());
    if let Some(first) = families.next()
        && families.any(|f| f != first)
    {
        return false; // rules that contradict each other: `check_kinds_agree` says it
    }
    let mut fits = true;
    if let Some((pointer, inner)) = behind_pointer(ty)
        && let Some(r) = rules.iter().find(|r| r.kind.family().is_some())
    {
        // A rule that does not fit the type inside either: that is the
        // mistake to say.
        if !check_families(inner, rules, own, errors) {
            return false;
        }
        err(errors, r.span, pointer_advice(r.name, &pointer, inner, own));
        return false;
    }
    let have = family_of(ty);
    let mut mismatch_said = false;
    for r in rules {
        let inside = match &r.kind {
            RuleKind::Items(inner) => item_type(ty).map(|item| (item, inner)),
            RuleKind::Keys(inner) => entry_types(ty).map(|(key, _)| (key, inner)),
            RuleKind::Values(inner) => entry_types(ty).map(|(_, value)| (value, inner)),
            _ => None,
        };
        if let Some((inside, inner)) = inside {
            fits &= check_families(inside, inner, own, errors);
        }
        let (Some(want), Some((have, inner))) = (r.kind.family(), have) else {
            continue;
        };
        if want == have && !check_list_or_map(r, ty, inner, errors) {
            fits = false;
        } else if want != have {
            fits = false;
            // One error for the field: its type, not each rule, is the
            // mistake.
            if mismatch_said {
                continue;
            }
            mismatch_said = true;
            let written = written(inner);
            err(
                errors,
                r.span,
                format!(
                    "`{}` checks {}, and `{written}` is {}: give the rule to a field of that type, or {}",
                    r.name,
                    want.noun(),
                    have.noun(),
                    family_advice(have, container_of(ty)),
                ),
            );
        }
    }
    fits
}

/// The error for a rule on a pointer (`Box`, `Rc`, `Arc`) to a type other
/// than `str`, which the rules do not look inside, with what to write.
fn pointer_advice(rule: &str, pointer: &str, inner: &syn::Type, own: &syn::Ident) -> String {
    let inner_text = written(inner);
    // What to write: the type itself when a rule reads it; a type the
    // derive cannot read may be the user's own (nested) or an alias.
    let instead = if inner_text == "Self" || *own == inner_text {
        "mark the field `#[desk(nested)]` (a recursive type: its own rules apply at each \
         level), and put the rule on the field it is meant for"
            .to_owned()
    } else if family_of(inner).is_some() {
        format!("write the field as `{inner_text}`, which serde reads from the same JSON")
    } else {
        format!(
            "write the field as `{inner_text}` if it is a plain value, which serde reads from \
             the same JSON, or mark it `#[desk(nested)]` if `{inner_text}` derives `Validate`"
        )
    };
    let boxed_slice = if pointer == "Box" {
        " and `Box<[T]>`"
    } else {
        ""
    };
    format!(
        "`{rule}` does not look inside `{pointer}<{inner_text}>`: rules read `{pointer}<str>`{boxed_slice} but no other `{pointer}`; {instead}"
    )
}

/// What to do with a rule for another JSON type than the field's (`have`),
/// the field being a list (`Some(false)`) or a map (`Some(true)`) or neither.
fn family_advice(have: crate::model::Family, container: Option<bool>) -> String {
    use crate::model::Family;
    match (have, container) {
        // `nested`, which a newtype's field takes too (`skip` it does not).
        (Family::Boolean, _) => {
            "mark it `#[desk(nested)]`, which checks that it is a boolean (no rule checks one)"
                .to_owned()
        }
        (Family::Char, _) => "mark it `#[desk(nested)]`, which checks that it is one character: \
                              no rule checks a `char` (to check one character as text, write \
                              the field as a `String` with `max_chars = 1`)"
            .to_owned(),
        // The rule meant for each item, or each entry.
        (Family::List, Some(false)) => "wrap it in `items(...)` to check each item".to_owned(),
        (Family::List, Some(true)) => {
            "wrap it in `values(...)` to check each value (or `keys(...)`, each key)".to_owned()
        }
        _ => format!("use a rule for {}", have.noun()),
    }
}

/// A list rule on a map or a map rule on a list, when the type is written
/// as a standard one (through `Option`): one error at the rule, naming the
/// rule that fits (`inner`: the type the message names). Returns whether
/// the rule fits.
fn check_list_or_map(r: &Rule, ty: &syn::Type, inner: &syn::Type, errors: &mut Errors) -> bool {
    let Some(is_map) = container_of(ty) else {
        return true;
    };
    let (wants_map, what, instead) = match &r.kind {
        RuleKind::Items(_) => (false, "items", "`values(...)` checks a map's values"),
        RuleKind::Unique { .. } => (false, "items", "a map's keys are unique already"),
        RuleKind::Keys(_) => (true, "keys", "`items(...)` checks a list's items"),
        RuleKind::Values(_) => (true, "values", "`items(...)` checks a list's items"),
        _ => return true,
    };
    if let RuleKind::Unique { by } = &r.kind
        && is_set(ty)
    {
        let instead = if by.is_some() {
            "to compare items by a key, hold them in a `Vec`"
        } else {
            "drop `unique`"
        };
        err(
            errors,
            r.span,
            format!(
                "`{}` on `{}`, a set: its items are unique already (a repeat in the JSON is a \
                 `duplicate` on every path); {instead}",
                r.name,
                written(inner)
            ),
        );
        return false;
    }
    if wants_map == is_map {
        return true;
    }
    let (want, have) = if wants_map {
        ("a map's", "a list")
    } else {
        ("a list's", "a map")
    };
    let written = written(inner);
    err(
        errors,
        r.span,
        format!(
            "`{}` checks {want} {what}, and `{written}` is {have}: {instead}",
            r.name
        ),
    );
    false
}

/// `unique(by = key)` on a list whose items, as written, have no fields
/// to compare: one error at the rule that says what to write, rather than
/// rustc's "no field `key` on type `&Option<Item>`".
fn check_unique_by(field: &Field, errors: &mut Errors) {
    for r in &field.rules {
        let RuleKind::Unique { by: Some(key) } = &r.kind else {
            continue;
        };
        // Items named like a standard type may be the user's own where
        // they are `nested` (`Vec<String>` with `use my::String`).
        let own = matches!(field.mode, Mode::Nested(_));
        if let Some(item) = item_type(&field.ty)
            && let Some(advice) = fieldless_item(item, own)
        {
            err(
                errors,
                r.span,
                format!(
                    "`unique(by = {key})` compares the `{key}` field of each item, and the \
                     items are `{}`: {advice}",
                    written(item)
                ),
            );
        }
    }
}

/// What to write instead of `unique(by = ...)` on a list whose items, as
/// written, have no fields to compare: an `Option` (`null` has none), a
/// text, number, `bool` or `char`, or a list or map; `None` for any other
/// item type (a struct of one's own; an alias, which rustc answers for),
/// and for one named like a standard one when the items are `own` (nested).
fn fieldless_item(item: &syn::Type, own: bool) -> Option<String> {
    use crate::model::Family;
    // A float, or a list of them: `unique` cannot compare them either.
    let float = float_name(item).or_else(|| item_type(item).and_then(float_name));
    if let Some(float) = float {
        return Some(format!(
            "they have no fields, and `{float}` is neither `Eq` nor `Hash`, so no rule can \
             compare them; drop the rule, or hold whole numbers"
        ));
    }
    if let syn::Type::Path(p) = as_written(item)
        && let Some(last) = p.path.segments.last()
        && last.ident == "Option"
        && let Some(inner) = single_type_arg(last)
    {
        if let Some(advice) = fieldless_item(inner, own) {
            return Some(advice);
        }
        return Some(format!(
            "an item that is `null` has no key; hold the items as `{}` (a list of them, without \
             `Option`)",
            written(inner)
        ));
    }
    match family_of(item)? {
        _ if own => None,
        (Family::Text | Family::Integer | Family::Boolean | Family::Char, _) => {
            Some("they have no fields; `unique` compares them whole".to_owned())
        }
        (Family::List, _) => Some(
            "lists and maps have no fields; give the items a type of their own with the key \
             as a field, or use `unique` to compare them whole"
                .to_owned(),
        ),
    }
}

/// Whether a type is written as a standard set (through `Option`): by a
/// path that is the set's name alone or the standard library's
/// (`std::collections::HashSet`), not a module of one's own that names a
/// type so.
fn is_set(ty: &syn::Type) -> bool {
    let syn::Type::Path(p) = ty else { return false };
    let Some(last) = p.path.segments.last() else {
        return false;
    };
    if last.ident == "Option" {
        single_type_arg(last).is_some_and(is_set)
    } else {
        std_set(&p.path)
    }
}

/// Whether `path` names a standard set: `HashSet` or `BTreeSet`, by its
/// name alone or its path in the standard library
/// (`std::collections::HashSet`), not in a module of one's own (a type of
/// one's own named `HashSet`, written by that name alone, is taken for it).
pub(crate) fn std_set(path: &syn::Path) -> bool {
    path.segments
        .last()
        .is_some_and(|last| last.ident == "HashSet" || last.ident == "BTreeSet")
        && std_path(path)
}

/// Whether the segments before a path's last are the standard library's
/// (`std::collections::`, `alloc::collections::`, their `hash_set::` and
/// `btree_set::`), or none.
fn std_path(path: &syn::Path) -> bool {
    path.segments.iter().rev().skip(1).all(|s| {
        ["std", "alloc", "collections", "hash_set", "btree_set"]
            .iter()
            .any(|m| s.ident == m)
    })
}

/// Whether a type written as a standard container (through `Option`) is a
/// map (`Some(true)`) or a list or set (`Some(false)`).
fn container_of(ty: &syn::Type) -> Option<bool> {
    let syn::Type::Path(p) = ty else { return None };
    let last = p.path.segments.last()?;
    match last.ident.to_string().as_str() {
        "Option" => container_of(single_type_arg(last)?),
        "Vec" | "VecDeque" | "HashSet" | "BTreeSet" => Some(false),
        "Box" => matches!(as_written(single_type_arg(last)?), syn::Type::Slice(_)).then_some(false),
        "HashMap" | "BTreeMap" => Some(true),
        _ => None,
    }
}

/// Whether the derive itself checks the type's fields' `range` bounds
/// against their written number types (`check_range_fits`), so that the
/// generated code needs no compile-time assertion for them. Not on a generic
/// type: the assertion says it there, since a derive error would leave every
/// use of the type without impls.
pub(crate) fn checks_range_bounds(generics: &syn::Generics) -> bool {
    generics.params.is_empty()
}

/// A `range` bound outside the field's integer type (or its items', for
/// `items(range(..))`), when the type is written as a primitive: the error
/// is at the rule, saying the type's bounds.
fn check_range_fits(ty: &syn::Type, rules: &[Rule], errors: &mut Errors) {
    for r in rules {
        let mistake = match &r.kind {
            RuleKind::Range { min, max } => range_outside_type(ty, *min, *max),
            RuleKind::OneOfIntegers { values, .. } => dead_one_of(ty, values, rules),
            RuleKind::Items(inner) => {
                if let Some(item) = item_type(ty) {
                    check_range_fits(item, inner, errors);
                }
                None
            }
            RuleKind::Values(inner) => {
                if let Some((_, value)) = entry_types(ty) {
                    check_range_fits(value, inner, errors);
                }
                None
            }
            _ => None,
        };
        if let Some(message) = mistake {
            err(errors, r.span, message);
        }
    }
}

/// A `range` bound outside what the field's number type takes (or, for a
/// float, past the bounds where serde and the schema round alike).
fn range_outside_type(ty: &syn::Type, min: Option<i128>, max: Option<i128>) -> Option<String> {
    let (name, lo, hi) = integer_bounds(ty)?;
    if let (Some(min), Some(max)) = (min, max)
        && min > max
    {
        return None; // already said: `min` above `max`
    }
    let outside: Vec<String> = [("min", min), ("max", max)]
        .into_iter()
        .filter_map(|(which, bound)| {
            bound
                .filter(|b| !(lo..=hi).contains(b))
                .map(|b| format!("`{which} = {b}`"))
        })
        .collect();
    if outside.is_empty() {
        return None;
    }
    let is = if outside.len() == 1 { "is" } else { "are" };
    let why = if name.starts_with('f') {
        format!(
            "past the bounds `{name}` takes ({lo} to {hi}): beyond them a number near the bound can round one way in serde's typed value and the other in the walk and the schema; use a bound within them{}",
            if name == "f32" { ", or an `f64`" } else { "" }
        )
    } else {
        format!("outside `{name}` ({lo} to {hi}): no value of the field's type can reach it")
    };
    Some(format!("`range`: {} {is} {why}", outside.join(" and ")))
}

/// An integer `one_of` on an `f32`, or with a value that no number of the
/// field's type can be, or that the `range` beside it does not let pass.
fn dead_one_of(ty: &syn::Type, values: &[i128], rules: &[Rule]) -> Option<String> {
    let name = number_name(ty);
    if name.as_deref() == Some("f32") {
        return Some(ONE_OF_F32.to_owned());
    }
    let typed = integer_bounds(ty);
    // A wide or pointer-sized unsigned integer: its sign, at least.
    let unsigned = name.as_deref().is_some_and(|n| n.starts_with('u'));
    let (min, max) = range_of(rules);
    values.iter().find_map(|&n| {
        if let Some((name, lo, hi)) = typed.as_ref()
            && !(*lo..=*hi).contains(&n)
        {
            return Some(format!(
                "`one_of`: {n} is outside what a `{name}` takes here ({lo} to {hi}), so no value can be it"
            ));
        }
        if unsigned && n < 0 {
            return Some(format!(
                "`one_of`: {n} is negative, and the field's type is unsigned, so no value can be it"
            ));
        }
        (min.is_some_and(|lo| n < lo) || max.is_some_and(|hi| n > hi))
            .then(|| format!("`one_of`: {n} is outside the field's `range`, so no value can be it"))
    })
}

/// Why an integer `one_of` is refused on an `f32`, written as the type
/// (here) or through an alias (`emit::rule::const_checks`).
pub(crate) const ONE_OF_F32: &str = "`one_of` with numbers on an `f32`: serde rounds a decimal \
    to the nearest `f32` (`1.00000001` is `1.0`), which a validator reading the double does not; \
    use an `f64`, or `range`";

/// Two pairs of bounds (`min`, `max`; `None` for no bound) narrowed
/// together: the greater least value, the smaller greatest.
pub(crate) fn narrow(
    (lo, hi): (Option<i128>, Option<i128>),
    (min, max): (Option<i128>, Option<i128>),
) -> (Option<i128>, Option<i128>) {
    let hi = match (hi, max) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    };
    (lo.max(min), hi)
}

/// The bounds the `range` rules among `rules` leave, narrowed together
/// (the rules at one level: not inside `items(...)` or `values(...)`).
fn range_of(rules: &[Rule]) -> (Option<i128>, Option<i128>) {
    rules.iter().fold((None, None), |within, r| match r.kind {
        RuleKind::Range { min, max } => narrow(within, (min, max)),
        _ => within,
    })
}

/// Gives each integer `one_of` the bounds of the `range` beside it (at its
/// own level: the field's, or inside `items(...)` or `values(...)`): a
/// number outside them is `range`'s alone, on every path.
fn bound_integer_lists(rules: &mut [Rule]) {
    let within = range_of(rules);
    for r in rules.iter_mut() {
        match &mut r.kind {
            RuleKind::OneOfIntegers { within: at, .. } => *at = within,
            RuleKind::Items(inner) | RuleKind::Values(inner) => bound_integer_lists(inner),
            _ => {}
        }
    }
}

/// What a length rule counts.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Unit {
    Bytes,
    Chars,
    Graphemes,
    Utf16,
    Items,
}

/// A length rule as (unit, is it a maximum, limit); `None` for other rules.
fn length(kind: &RuleKind) -> Option<(Unit, bool, usize)> {
    Some(match *kind {
        RuleKind::MaxBytes(n) => (Unit::Bytes, true, n),
        RuleKind::MinBytes(n) => (Unit::Bytes, false, n),
        RuleKind::MaxChars(n) => (Unit::Chars, true, n),
        RuleKind::MinChars(n) => (Unit::Chars, false, n),
        RuleKind::MaxGraphemes(n) => (Unit::Graphemes, true, n),
        RuleKind::MinGraphemes(n) => (Unit::Graphemes, false, n),
        RuleKind::MaxUtf16(n) => (Unit::Utf16, true, n),
        RuleKind::MinUtf16(n) => (Unit::Utf16, false, n),
        RuleKind::MaxItems(n) => (Unit::Items, true, n),
        RuleKind::MinItems(n) => (Unit::Items, false, n),
        RuleKind::OneOf(_)
        | RuleKind::OneOfIntegers { .. }
        | RuleKind::PrintableAscii
        | RuleKind::Ascii
        | RuleKind::NotPrefix(_)
        | RuleKind::Prefix(_)
        | RuleKind::Suffix(_)
        | RuleKind::Contains(_)
        | RuleKind::Pattern { .. }
        | RuleKind::Format(_)
        | RuleKind::Range { .. }
        | RuleKind::Unique { .. }
        | RuleKind::Items(_)
        | RuleKind::Keys(_)
        | RuleKind::Values(_)
        | RuleKind::Custom { .. } => return None,
    })
}

/// How many of the first unit a string can hold per one of the second: a
/// character is 1 to 4 bytes and 1 or 2 UTF-16 code units, a UTF-16 code
/// unit at most 3 bytes, and a grapheme cluster at least one character.
const MOST_PER: &[(Unit, Unit, usize)] = &[
    (Unit::Bytes, Unit::Bytes, 1),
    (Unit::Chars, Unit::Chars, 1),
    (Unit::Graphemes, Unit::Graphemes, 1),
    (Unit::Utf16, Unit::Utf16, 1),
    (Unit::Items, Unit::Items, 1),
    (Unit::Chars, Unit::Bytes, 1),
    (Unit::Graphemes, Unit::Chars, 1),
    (Unit::Graphemes, Unit::Bytes, 1),
    (Unit::Graphemes, Unit::Utf16, 1),
    (Unit::Bytes, Unit::Chars, 4),
    (Unit::Chars, Unit::Utf16, 1),
    (Unit::Utf16, Unit::Chars, 2),
    (Unit::Utf16, Unit::Bytes, 1),
    (Unit::Bytes, Unit::Utf16, 3),
];

/// A minimum that no value within a maximum can reach (in the same unit, or
/// in units that bound each other).
fn check_lengths(rules: &[Rule], errors: &mut Errors) {
    let limits: Vec<(&Rule, Unit, bool, usize)> = rules
        .iter()
        .filter_map(|r| length(&r.kind).map(|(u, max, n)| (r, u, max, n)))
        .collect();
    // In ASCII a character is one byte and one UTF-16 code unit.
    let ascii = rules
        .iter()
        .any(|r| matches!(r.kind, RuleKind::Ascii | RuleKind::PrintableAscii));
    let text_unit = |u: Unit| matches!(u, Unit::Bytes | Unit::Chars | Unit::Utf16);
    // Only the empty string has none of any unit: a maximum of 0 in one
    // is 0 in every other, those that bound no other included.
    let any_text = |u: Unit| text_unit(u) || u == Unit::Graphemes;
    for &(lo_rule, lo_unit, lo_max, min) in &limits {
        if lo_max {
            continue;
        }
        for &(hi_rule, hi_unit, hi_max, max) in &limits {
            let factor = MOST_PER
                .iter()
                .find(|(a, b, _)| *a == lo_unit && *b == hi_unit)
                .map(|(_, _, f)| {
                    if ascii && text_unit(lo_unit) && text_unit(hi_unit) {
                        1
                    } else {
                        *f
                    }
                });
            let impossible = match factor {
                Some(factor) => min > max.saturating_mul(factor),
                None => max == 0 && min > 0 && any_text(lo_unit) && any_text(hi_unit),
            };
            if hi_max && impossible {
                let (lo, hi) = (lo_rule.name, hi_rule.name);
                let what = if lo_unit == hi_unit {
                    format!("is above `{hi} = {max}`: no value can pass")
                } else {
                    format!("with `{hi} = {max}`: no string can pass")
                };
                err(errors, lo_rule.span, format!("`{lo} = {min}` {what}"));
            }
        }
    }
}

/// Text, list and integer rules on one field contradict each other: a value
/// is one JSON type.
fn check_kinds_agree(rules: &[Rule], errors: &mut Errors) {
    let mut first: Option<(&Rule, &str)> = None;
    for r in rules {
        let Some(f) = r.kind.family().map(crate::model::Family::noun) else {
            continue;
        };
        match first {
            None => first = Some((r, f)),
            Some((prev, pf)) if pf != f => {
                err(
                    errors,
                    r.span,
                    format!(
                        "`{}` checks {f}, but `{}` on the same field checks {pf}",
                        r.name, prev.name
                    ),
                );
            }
            Some(_) => {}
        }
    }
}

/// Whether `value` passes the text rule `kind` (`None`: not a text rule, or
/// one the derive cannot decide, such as grapheme clusters). `part` asks
/// instead whether a string holding `value` can still pass: only the rules
/// that every part of a passing string passes answer then.
fn text_holds(kind: &RuleKind, value: &str, part: bool) -> Option<bool> {
    let utf16 = || value.encode_utf16().count();
    Some(match kind {
        RuleKind::MaxBytes(n) => value.len() <= *n,
        RuleKind::MaxChars(n) => value.chars().count() <= *n,
        RuleKind::MaxUtf16(n) => utf16() <= *n,
        RuleKind::PrintableAscii => value.bytes().all(|b| (0x20..=0x7E).contains(&b)),
        RuleKind::Ascii => value.is_ascii(),
        _ if part => return None,
        RuleKind::MinBytes(n) => value.len() >= *n,
        RuleKind::MinChars(n) => value.chars().count() >= *n,
        RuleKind::MinUtf16(n) => utf16() >= *n,
        RuleKind::OneOf(values) => values.iter().any(|v| v == value),
        RuleKind::NotPrefix(p) => !value.starts_with(p.as_str()),
        RuleKind::Prefix(p) => value.starts_with(p.as_str()),
        RuleKind::Suffix(p) => value.ends_with(p.as_str()),
        RuleKind::Contains(p) => value.contains(p.as_str()),
        // Built as the runtime builds it (the derive has `regex` when
        // desk-schema's `pattern` feature is on, which the rule needs).
        #[cfg(feature = "pattern")]
        RuleKind::Pattern { portable, .. } => regex::Regex::new(portable).ok()?.is_match(value),
        #[cfg(not(feature = "pattern"))]
        RuleKind::Pattern { .. } => return None,
        RuleKind::MaxGraphemes(_)
        | RuleKind::MinGraphemes(_)
        | RuleKind::Format(_)
        | RuleKind::Range { .. }
        | RuleKind::OneOfIntegers { .. }
        | RuleKind::MaxItems(_)
        | RuleKind::MinItems(_)
        | RuleKind::Unique { .. }
        | RuleKind::Items(_)
        | RuleKind::Keys(_)
        | RuleKind::Values(_)
        | RuleKind::Custom { .. } => return None,
    })
}

/// The shortest string that starts with `prefix` and ends with `suffix`:
/// the two overlapped as far as they can be.
fn prefix_and_suffix(prefix: &str, suffix: &str) -> String {
    (0..=prefix.len().min(suffix.len()))
        .rev()
        .filter(|&k| suffix.is_char_boundary(k))
        .find(|&k| prefix.ends_with(&suffix[..k]))
        .map_or_else(
            || format!("{prefix}{suffix}"),
            |k| format!("{prefix}{}", &suffix[k..]),
        )
}

/// The maximum length among `rules` that leaves room for no more than
/// `value` (`max_chars = 1` for `"a"`): a string holding `value` is then
/// `value` itself, which must pass every rule, not only the limits.
fn leaves_only<'r>(rules: &'r [Rule], value: &str) -> Option<&'r Rule> {
    rules.iter().find(|r| match r.kind {
        RuleKind::MaxBytes(n) => n == value.len(),
        RuleKind::MaxChars(n) => n == value.chars().count(),
        RuleKind::MaxUtf16(n) => n == value.encode_utf16().count(),
        _ => false,
    })
}

/// A `prefix` and a `suffix` together need the shortest string holding
/// both, which must still fit the field's limits and character sets.
/// Nothing is said of a rule that [`check_texts`] found one of the two
/// texts alone to break already: the two together break it too, one
/// mistake (`prefix = "é", suffix = "x", ascii` is one error, at the
/// prefix). `texts.whole`: the texts refused as the whole string, with the
/// rule each breaks, which are not said again.
fn check_prefix_and_suffix(rules: &[Rule], texts: &Refused<'_>, errors: &mut Errors) {
    let said = |other: &str| {
        texts
            .refused
            .iter()
            .any(|&(rule, broken)| (rule == "prefix" || rule == "suffix") && broken == other)
    };
    let whole = &texts.whole;
    let find = |pick: fn(&RuleKind) -> Option<&String>| {
        rules.iter().find_map(|r| pick(&r.kind).map(|t| (r, t)))
    };
    let prefix = find(|k| match k {
        RuleKind::Prefix(t) => Some(t),
        _ => None,
    });
    let suffix = find(|k| match k {
        RuleKind::Suffix(t) => Some(t),
        _ => None,
    });
    let (Some((_, p)), Some((rule, s))) = (prefix, suffix) else {
        return;
    };
    let both = prefix_and_suffix(p, s);
    let only = leaves_only(rules, &both);
    let need = format!("`prefix = {p:?}` and `suffix = {s:?}` need at least {both:?}");
    for other in rules.iter().filter(|other| !said(other.name)) {
        let message = match breaks(other, &both, true, only) {
            Some(Broken::Text) => {
                format!("{need}, which breaks `{}` on the same field", other.name)
            }
            Some(Broken::Whole(max))
                if !whole.iter().any(|&(t, o)| *t == both && o == other.name) =>
            {
                format!(
                    "{need}, all that `{}` leaves room for, which breaks `{}` on the same field",
                    max.name, other.name
                )
            }
            _ => continue,
        };
        err(errors, rule.span, message);
    }
}

/// How a text breaks another rule of its field ([`breaks`]).
enum Broken<'r> {
    /// As any string holding it (a required text), or as itself (an
    /// allowed value).
    Text,
    /// Only as the whole string that this maximum leaves room for.
    Whole(&'r Rule),
}

/// How `text` breaks `other` (`part`: as a part of a longer string), or
/// `None` when it does not or the derive cannot judge; `only` is the
/// maximum that leaves room for `text` alone ([`leaves_only`]).
fn breaks<'r>(other: &Rule, text: &str, part: bool, only: Option<&'r Rule>) -> Option<Broken<'r>> {
    if text_holds(&other.kind, text, part) == Some(false) {
        return Some(Broken::Text);
    }
    let max = only?;
    (text_holds(&other.kind, text, false) == Some(false)).then_some(Broken::Whole(max))
}

/// What [`check_texts`] refused.
struct Refused<'r> {
    /// The texts refused as the whole string (a maximum leaves room for no
    /// more), each with the rule it breaks.
    whole: Vec<(&'r String, &'static str)>,
    /// Each rule whose text it refused (`prefix`, `one_of`, ...), with a
    /// rule the text breaks, or the maximum that left it no more room.
    refused: Vec<(&'static str, &'static str)>,
}

/// Texts the derive can test against the field's other rules: each value of
/// `one_of` must pass them all, and the text that `prefix`, `suffix` or
/// `contains` requires must fit within the limits and character sets (and a
/// required prefix must not start with a forbidden one). Said once for each
/// pair: `prefix`, `suffix` and `contains` of one text are one mistake, and
/// so are two texts each all that a maximum leaves room for, each breaking
/// the other's rule (`prefix = "b", suffix = "a", max_chars = 1`: said at
/// the first).
fn check_texts<'r>(rules: &'r [Rule], errors: &mut Errors) -> Refused<'r> {
    let mut whole: Vec<(&String, &str)> = Vec::new();
    // Each (rule, other) said as a whole string breaking `other`.
    let mut pairs: Vec<(&str, &str)> = Vec::new();
    let mut refused: Vec<(&'static str, &'static str)> = Vec::new();
    for rule in rules {
        let (texts, part): (Vec<&String>, bool) = match &rule.kind {
            RuleKind::OneOf(values) => (values.iter().collect(), false),
            RuleKind::Prefix(t) | RuleKind::Suffix(t) | RuleKind::Contains(t) => (vec![t], true),
            _ => continue,
        };
        for value in texts {
            // The text as the whole string, when a maximum leaves room for
            // nothing more: every rule then judges it, not only the limits.
            let only = leaves_only(rules, value).filter(|_| part);
            for other in rules {
                let forbidden_prefix = matches!(
                    (&rule.kind, &other.kind),
                    (RuleKind::Prefix(p), RuleKind::NotPrefix(q)) if p.starts_with(q.as_str())
                );
                let what = if part {
                    "required text"
                } else {
                    "allowed value"
                };
                let verdict = if forbidden_prefix {
                    Some(Broken::Text)
                } else if std::ptr::eq(rule, other) {
                    None
                } else {
                    breaks(other, value, part, only)
                };
                let message = match verdict {
                    Some(Broken::Text) => {
                        format!("{what} {value:?} breaks `{}` on the same field", other.name)
                    }
                    Some(Broken::Whole(max)) => {
                        if whole.iter().any(|&(t, o)| t == value && o == other.name)
                            || pairs.contains(&(other.name, rule.name))
                        {
                            continue;
                        }
                        whole.push((value, other.name));
                        pairs.push((rule.name, other.name));
                        refused.push((rule.name, max.name));
                        format!(
                            "{what} {value:?} is all that `{}` leaves room for, and it breaks `{}` on the same field",
                            max.name, other.name
                        )
                    }
                    None => continue,
                };
                refused.push((rule.name, other.name));
                err(errors, rule.span, message);
            }
        }
    }
    Refused { whole, refused }
}

#[cfg(test)]
mod tests {
    use super::text_holds;
    use crate::model::RuleKind;

    /// A value of `one_of` is held to the field's `pattern` as the runtime
    /// builds it (with `regex`, which the rule needs), and to nothing the
    /// derive cannot judge.
    #[test]
    fn an_allowed_value_is_held_to_the_pattern() {
        let pattern = RuleKind::Pattern {
            portable: "^x+$".to_owned(),
            written: "^x+$".to_owned(),
        };
        let judged = |value| text_holds(&pattern, value, false);
        if cfg!(feature = "pattern") {
            assert_eq!(judged("xx"), Some(true));
            assert_eq!(judged("abc"), Some(false));
        } else {
            assert_eq!(judged("abc"), None);
        }
        assert_eq!(text_holds(&RuleKind::MaxGraphemes(1), "abc", false), None);
    }
}
