//! Stage three: code from the checked model, one module per output: the
//! typed checks and the walk's entry ([`validate_in`], from the per-field
//! checks of [`checks`]), the JSON view of the type ([`view`]), the walk
//! over raw JSON ([`walker`]) and the JSON Schema ([`schema`]). Generated code
//! reaches the runtime, the standard crates and the primitive types it
//! writes only through the prelude it imports as `__desk` (`__desk::Report`,
//! `__desk::core`, `__desk::bool`), and names its locals `__desk_*`, so it
//! compiles whatever the user's module has shadowed, and names the crate
//! once: a crate that cannot reach it gets one error. A
//! method is called on a receiver of its exact type (a `&mut` for a `&mut
//! self` method), a probe's by a `__desk_*` name, and a standard one by its
//! path (`Option::as_ref(&x)`, `Report::len(r)`), a constructor by an
//! inherent name (`Properties::new()`, not a `Default` impl's `default`, which
//! rustc looks up among the traits in scope), so that no trait the user
//! has in scope with a blanket method of that name is taken for it.

mod checks;
mod facts;
pub(crate) use facts::is_std_name;
mod fallback;
mod gate;
mod generics;
mod json_eq;
mod rule;
mod schema;
mod validate_in;
mod view;
mod walker;

pub(crate) use checks::plain_key;
pub(crate) use fallback::fallback;
pub(crate) use gate::gate;
pub(crate) use generics::{Params, self_ty};

use proc_macro2::{Span, TokenStream};
use quote::{quote, quote_spanned};

use crate::model::{Absent, CustomRule, DataVariant, Field, Input, Repr, Shape, Skipped};

/// The name the generated code gives the context of a type without one of
/// its own (checked in any context): rustc names it where such a type holds
/// one that needs a context ("`ValidateIn<AnyContext>` is not implemented
/// for `Leaf`"), so it reads as what it is.
pub(crate) const ANY_CONTEXT: &str = "AnyContext";

thread_local! {
    /// Whether this derive's input leaves [`ANY_CONTEXT`] free (names no
    /// type so); otherwise the parameter keeps a generated name.
    static ANY_CONTEXT_FREE: std::cell::Cell<bool> = const { std::cell::Cell::new(true) };
}

/// Says whether the input being derived leaves [`ANY_CONTEXT`] free.
pub(crate) fn name_any_context(free: bool) {
    ANY_CONTEXT_FREE.with(|f| f.set(free));
}

/// The context parameter of the generated impls of a type without a context.
pub(crate) fn any_context() -> syn::Ident {
    let name = if ANY_CONTEXT_FREE.with(std::cell::Cell::get) {
        ANY_CONTEXT
    } else {
        "__DeskC"
    };
    syn::Ident::new(name, proc_macro2::Span::call_site())
}

/// An object the walk reads: a struct's fields, or a struct variant's.
pub(crate) struct Obj<'a> {
    /// The derived type with its generic arguments (for serde's container
    /// defaults).
    pub ty: TokenStream,
    pub params: Params,
    /// What builds the value: `Type` or `Type::Variant`.
    pub ctor: TokenStream,
    /// The name of the generated view struct, which walks the object.
    pub view: syn::Ident,
    pub fields: &'a [Field],
    pub skipped: &'a [Skipped],
    pub deny_unknown_fields: bool,
    /// Struct-level custom rules (none on a variant).
    pub customs: &'a [CustomRule],
    /// The declared context, if any.
    pub context: bool,
    /// An internally tagged variant's tag: a property of its object, among
    /// the names an unknown property may misspell (as the schema lists it).
    pub tag: Option<&'a str>,
}

impl<'a> Obj<'a> {
    pub(crate) fn of_struct(input: &'a Input, fields: &'a [Field]) -> Self {
        let ident = &input.ident;
        let params = Params::of(input);
        let args = &params.args;
        Obj {
            ty: quote!(#ident #args),
            params,
            ctor: quote!(#ident),
            view: quote::format_ident!("__DeskView"),
            fields,
            skipped: &input.serde_skipped,
            deny_unknown_fields: input.deny_unknown_fields,
            customs: &input.customs,
            context: input.context.is_some(),
            tag: None,
        }
    }

    pub(crate) fn variant(
        input: &'a Input,
        variant: &DataVariant,
        fields: &'a [Field],
        skipped: &'a [Skipped],
    ) -> Self {
        let (ident, vi) = (&input.ident, &variant.head.ident);
        let params = Params::of(input);
        let args = &params.args;
        Obj {
            ty: quote!(#ident #args),
            params,
            ctor: quote!(#ident::#vi),
            view: quote::format_ident!("__DeskView_{}", vi),
            fields,
            skipped,
            deny_unknown_fields: input.deny_unknown_fields,
            customs: &[],
            context: input.context.is_some(),
            tag: match &input.shape {
                Shape::DataEnum {
                    repr: Repr::Internal(tag),
                    ..
                } => Some(tag),
                _ => None,
            },
        }
    }
}

/// Where a variant's content is, below the enum's path `__desk_path`.
pub(crate) fn content_path(repr: &Repr, variant_json: &str) -> TokenStream {
    match repr {
        Repr::External => quote!(__desk_path.key(#variant_json)),
        Repr::Internal(_) | Repr::Untagged => quote!(*__desk_path),
        Repr::Adjacent(_, content) => quote!(__desk_path.key(#content)),
    }
}

/// The runtime's `Repr` of an enum.
pub(crate) fn repr_tokens(repr: &Repr) -> TokenStream {
    let p = quote!(__desk::Repr);
    match repr {
        Repr::External => quote!(#p::External),
        Repr::Internal(tag) => quote!(#p::Internal(#tag)),
        Repr::Adjacent(tag, content) => quote!(#p::Adjacent(#tag, #content)),
        Repr::Untagged => quote!(#p::Untagged),
    }
}

/// The code generated for the checked `input`: one block, which imports
/// desk-schema's prelude from `prelude` as `__desk` and reaches everything
/// it names through it.
pub(crate) fn emit(input: &Input, prelude: &TokenStream) -> TokenStream {
    let facts = facts::Facts::of(input);
    let patterns = rule::rule_statics(all_fields(input).flat_map(|f| &f.rules), &mut Vec::new());
    let body = match &input.shape {
        Shape::Struct(fields) => {
            let ctx = ctx(input);
            let obj = Obj::of_struct(input, fields);
            let typed = validate_in::object(input, &facts, fields, &ctx);
            let view = view::object(input, &facts, &obj);
            let walker = walker::object(&obj, &ctx);
            let schema = schema::object(input, fields, &ctx);
            quote!(#typed #view #walker #schema)
        }
        Shape::Newtype(field) => {
            let ctx = ctx(input);
            let typed = validate_in::newtype(input, &facts, field, &ctx);
            let view = view::newtype(input, &facts, field);
            let schema = schema::newtype(input, field);
            quote!(#typed #view #schema)
        }
        Shape::Enum { variants, other } => {
            let typed = validate_in::unit_enum(input);
            let view = view::unit_enum(input, variants, other.as_ref());
            let walker = walker::unit_enum(input, variants, other.as_ref());
            let schema = schema::unit_enum(input, variants, other.is_some());
            quote!(#typed #view #walker #schema)
        }
        Shape::DataEnum {
            repr,
            variants,
            other,
        } => {
            let ctx = ctx(input);
            let typed = validate_in::data_enum(input, &facts, repr, variants, &ctx);
            let view = view::data_enum(input, &facts, variants, other.as_ref());
            // The walker names the view enum, and so the gated fields'
            // types, throughout: at the gate's span (`gate::at`).
            let walker = gate::at_first(
                input,
                walker::data_enum(input, variants, other.as_ref(), &ctx),
            );
            let schema = schema::data_enum(input, repr, variants, other.is_some(), &ctx);
            let distinct =
                matches!(repr, Repr::Untagged).then(|| untagged_distinct(input, variants));
            quote!(#typed #view #walker #schema #distinct)
        }
    };
    let gates = gate::fns(input);
    let facts = [
        facts.impls(input),
        facts.refuse_cycle(input),
        facts::Facts::refuse_wide(input),
        facts::Facts::refuse_unequal(input),
        facts::Facts::holds_float(input),
        facts::Facts::std_named(input),
        json_eq::impl_json_eq(input, &facts),
        gate::impl_nested(input),
    ];
    quote! {
        #[doc(hidden)]
        #[allow(
            non_upper_case_globals,
            unused_qualifications,
            clippy::all,
            clippy::pedantic
        )]
        const _: () = {
            use #prelude as __desk;
            #patterns
            #gates
            #body
            #(#facts)*
        };
    }
}

/// Fails to compile, at the later variant, when two variants of an untagged
/// enum read the same JSON type: serde would take whichever comes first,
/// which neither the walk nor a JSON Schema can follow exactly.
fn untagged_distinct(input: &Input, variants: &[DataVariant]) -> TokenStream {
    // A cycle makes every variant on it read what the enum reads: that is
    // the error then (`Facts::refuse_cycle`), not an overlap.
    let ident = &input.ident;
    let cycle = if input.generics.params.is_empty() {
        quote!(<#ident as __desk::JsonView>::JSON_TYPES & __desk::types::CYCLE != 0)
    } else {
        quote!(false)
    };
    let mut checks = Vec::new();
    for (j, later) in variants.iter().enumerate() {
        for earlier in &variants[..j] {
            let (a, b) = (view::variant_types(earlier), view::variant_types(later));
            let message = format!(
                "`#[serde(untagged)]` enum `{}`: variants `{}` and `{}` read the same JSON type, \
                 and serde takes whichever comes first, which a JSON Schema cannot state; give the \
                 enum a tag (`#[serde(tag = \"type\")]`), or give each variant a different JSON type \
                 (null, boolean, number, string, array, object; a struct reads an object or an array)",
                input.ident, earlier.head.ident, later.head.ident
            );
            // At the later variant; the variants' types keep their spans
            // (a gated one, its gate's: `gate::at`).
            let span = later.head.ident.span();
            checks.push(quote_spanned! {span=>
                __desk::core::assert!(#cycle || (#a) & (#b) == 0, "{}", #message);
            });
        }
    }
    quote!(const _: () = { #(#checks)* };)
}

/// `Some("text")` or `None`, as tokens.
fn opt_str(s: Option<&String>) -> TokenStream {
    if let Some(s) = s {
        quote!(__desk::Some(#s))
    } else {
        quote!(__desk::None)
    }
}

/// The context type in an impl: the declared one, or the impl's parameter.
pub(crate) struct Ctx {
    pub ty: TokenStream,
    /// The context as a custom rule's argument (none without a declared context).
    pub arg: TokenStream,
    /// The `Validate::Context`.
    pub assoc: TokenStream,
    /// Whether a field type named as a standard one is the standard one
    /// (`checks::plain_key`): not when the type has type parameters, one of
    /// which may go by that name.
    pub std_names: bool,
    /// The type's own type parameters, by name.
    pub params: Vec<String>,
    /// For an enum whose content serde reads through its buffer (tagged or
    /// untagged), the runtime's function that refuses a `u128` or `i128`, or
    /// a type that derives `Validate`, among a skipped field's types
    /// (`checks::skipped_types`).
    pub fits: Option<TokenStream>,
    /// The derived type with its parameters (`Form<'a, T>`), for a custom
    /// rule's `Self::check` written where `Self` is another type (the walk's
    /// impls are the view's): see [`callable`].
    pub self_ty: TokenStream,
}

/// A custom rule's function as the generated code calls it: `Self::f` (or
/// `Self::m`, a method) names the derived type's, wherever it is called.
pub(super) fn callable(path: &syn::Path, ctx: &Ctx) -> TokenStream {
    match path.segments.first() {
        Some(first)
            if path.leading_colon.is_none() && first.ident == "Self" && path.segments.len() > 1 =>
        {
            let self_ty = respan(ctx.self_ty.clone(), first.ident.span());
            let rest = path.segments.iter().skip(1);
            quote!(<#self_ty>#(::#rest)*)
        }
        _ => quote!(#path),
    }
}

fn ctx(input: &Input) -> Ctx {
    let (ident, (_, ty_generics, _)) = (&input.ident, input.generics.split_for_impl());
    let self_ty = quote!(#ident #ty_generics);
    let std_names = input.generics.type_params().next().is_none();
    let params = input
        .generics
        .type_params()
        .map(|p| p.ident.to_string())
        .collect();
    let fits = facts::buffered_repr(input).map(|repr| {
        if matches!(repr, Repr::Untagged) {
            quote!(__desk::fits_untagged)
        } else {
            quote!(__desk::fits_tagged)
        }
    });
    match &input.context {
        Some(ty) => Ctx {
            ty: quote!(#ty),
            arg: quote!(, __desk_ctx),
            assoc: quote!(#ty),
            std_names,
            params,
            fits,
            self_ty: self_ty.clone(),
        },
        None => Ctx {
            ty: {
                let c = any_context();
                quote!(#c)
            },
            arg: quote!(),
            assoc: quote!(()),
            std_names,
            params,
            fits,
            self_ty,
        },
    }
}

/// The value serde gives `field` when absent, or `None` when it is
/// required (`Option` fields are handled by the runtime). A gated field's
/// default function is called through the field's own
/// ([`gate::own_default`]).
fn absent_value(ident: &TokenStream, field: &Field) -> Option<TokenStream> {
    let (member, ty) = (&field.member, &field.ty);
    if let Some(own) = gate::own_default(field) {
        return Some(own);
    }
    Some(match &field.absent {
        Absent::Required => return None,
        Absent::FieldDefault(span) => field_default(*span),
        Absent::FieldPath(path) => serde_default(path, &quote!(#ty)),
        // In an invisible group, which a gated field's respan leaves alone:
        // a type without `Default` is one error of ours (beside serde's), at
        // the type's name, not one more at each gated field.
        Absent::ContainerDefault => {
            let value =
                gate::invisible(quote!(<#ident as __desk::core::default::Default>::default()));
            quote!(#value.#member)
        }
        Absent::ContainerPath(path) => {
            let value = serde_default(path, ident);
            quote!(#value.#member)
        }
    })
}

/// How the walk reads a `#[desk(skip)]` field: `SerdeReads::READ`, the one
/// constant every place asks for, so that a type serde does not read is one
/// error of the derive's, however many places read the field.
fn skip_read(field: &Field) -> TokenStream {
    let ty = &field.ty;
    quote!(<#ty as __desk::SerdeReads>::READ)
}

/// `let __desk_default = value;`, `value` being what [`absent_value`] gives
/// the field: of the field's type, named so unless the field is gated. A
/// gated field's default is of its type as written, named only where the
/// gate's functions name it: its default function's, a field of the
/// container's default, or `Default::default()`, whose type the gate's
/// function it is checked through gives it.
fn let_default(field: &Field, value: &TokenStream) -> TokenStream {
    if field.gate.is_some() {
        return quote!(let __desk_default = #value;);
    }
    let ty = &field.ty;
    quote!(let __desk_default: #ty = #value;)
}

/// A field's serde default function (`#[serde(default = "path")]`)
/// called, at the attribute's span, as serde calls it; `None` for another
/// field.
fn serde_default_call(absent: &Absent) -> Option<TokenStream> {
    let Absent::FieldPath(path) = absent else {
        return None;
    };
    let span = syn::spanned::Spanned::span(path);
    Some(gate::invisible(quote::quote_spanned!(span=> #path())))
}

/// The field type's `Default`, for `#[serde(default)]` on a field, its type
/// taken from where it is used: called as serde calls it, at the span serde
/// gives it (the field's first token), so that a type without `Default` is
/// serde's one error (rustc shows identical errors once) rather than one
/// more of ours at the field's type.
fn field_default(span: Span) -> TokenStream {
    // In an invisible group: a gated field's conversion around it is
    // respanned to the gate, this keeps serde's span.
    gate::invisible(quote::quote_spanned!(span=> __desk::core::default::Default::default()))
}

/// A serde default function's value, of type `ty`: the function called as
/// serde calls it, at the attribute's span, in every place the derive calls
/// it, so that a function that is missing or takes arguments is serde's one
/// error (rustc shows identical errors once), and one of another type one
/// error beside serde's own, at the function's name.
fn serde_default(path: &syn::ExprPath, ty: &TokenStream) -> TokenStream {
    let span = syn::spanned::Spanned::span(path);
    let ty = respan(ty.clone(), span);
    // In an invisible group: a gated field's conversion around it is
    // respanned to the gate, this keeps the attribute's span.
    gate::invisible(quote::quote_spanned!(span=> {
        let __desk_default: #ty = #path();
        __desk_default
    }))
}

/// `Option<...>` as written (an alias is not recognised, which only costs
/// a shortcut).
fn is_option(ty: &syn::Type) -> bool {
    matches!(ty, syn::Type::Path(p) if p.qself.is_none()
        && p.path.segments.last().is_some_and(|s| s.ident == "Option"))
}

/// A field's Rust name as `Nested` holds it and `unique(by = ...)` names
/// it: a raw identifier without its `r#`.
fn rust_name(ident: &syn::Ident) -> String {
    ident.to_string().trim_start_matches("r#").to_owned()
}

/// An `Option` field (written so, or `Box<Option<...>>`, whose `Default`
/// is a boxed `None`) whose serde default is `None`.
fn defaults_to_none(field: &crate::model::Field) -> bool {
    let boxed_option = || {
        matches!(&field.ty, syn::Type::Path(p) if p.qself.is_none()
            && p.path.segments.last().is_some_and(|s| s.ident == "Box"
                && matches!(&s.arguments, syn::PathArguments::AngleBracketed(a)
                    if matches!(a.args.first(), Some(syn::GenericArgument::Type(t)) if is_option(t)))))
    };
    matches!(field.absent, Absent::FieldDefault(_)) && (is_option(&field.ty) || boxed_option())
}

/// An `Option` field whose serde default is `None`, with no custom rule:
/// the default passes every rule, so an absent field needs no check.
fn none_default(field: &crate::model::Field) -> bool {
    defaults_to_none(field) && !field.has_customs()
}

/// A field serde fills when absent with a default that may break its rules
/// (any but an `Option`'s own `None`): the walk and the schema check that
/// default against them.
fn checks_default(field: &crate::model::Field) -> bool {
    !matches!(field.absent, crate::model::Absent::Required) && !none_default(field)
}

/// Gives every token `span` (a gate's, which resolves as the derive's:
/// `gate`), so that an error in the code points there, not at the derive.
///
/// An invisible group (`Delimiter::None`) keeps its spans: the derive wraps
/// a gated type in one (`gate`), whose errors belong at the gate.
fn respan(tokens: TokenStream, span: Span) -> TokenStream {
    respan_with(tokens, span, None)
}

/// [`respan`] to a rule's place, so that a type error in a rule's call (a
/// byte limit on a `u32`) points at the attribute, not the derive. Every
/// token takes the rule's place with the derive's resolution ([`at_rule`]),
/// alike: the generated code's locals (`self`, `__desk_fpath`) must resolve
/// as the derive's also when the rule came through a `macro_rules!`
/// fragment, whose hygiene would hide them, and an expression whose tokens
/// resolved in two ways would be reported at the derive. `keep` (a field
/// the rule names, as in `unique(by = key)`) keeps its own span wherever it
/// is written: a misspelt name is then reported at the name, and rustc's
/// suggestion replaces the name (not the rule's).
fn respan_rule(tokens: TokenStream, span: Span, keep: Option<&syn::Ident>) -> TokenStream {
    respan_with(tokens, at_rule(span), keep)
}

/// A rule's place (`span`'s) with the derive's name resolution: the span the
/// code written at a rule takes ([`respan_rule`]).
fn at_rule(span: Span) -> Span {
    Span::call_site().located_at(span)
}

/// [`respan`] and [`respan_rule`].
fn respan_with(tokens: TokenStream, span: Span, keep: Option<&syn::Ident>) -> TokenStream {
    tokens
        .into_iter()
        .map(|mut tree| {
            match &tree {
                proc_macro2::TokenTree::Group(group)
                    if group.delimiter() == proc_macro2::Delimiter::None =>
                {
                    return tree;
                }
                proc_macro2::TokenTree::Group(group) => {
                    let mut inner = proc_macro2::Group::new(
                        group.delimiter(),
                        respan_with(group.stream(), span, keep),
                    );
                    inner.set_span(span);
                    tree = proc_macro2::TokenTree::Group(inner);
                }
                proc_macro2::TokenTree::Ident(ident) if keep.is_some_and(|k| ident == k) => {}
                _ => tree.set_span(span),
            }
            tree
        })
        .collect()
}

/// An object's fields, each with what is written for it, in the order of
/// their JSON names: the order in which `Report::sort` puts what they report
/// (but for names that read as indexes, which it orders by number), so that
/// a report comes nearly sorted (a run an object, where declaration order
/// may give one a field). The typed check and the walk's rules after the
/// reads run an object's fields so; their rules (custom ones too) run in
/// this order, and rustc reports a mistake in them in this order. (Written
/// in declaration order, each check a closure called in this order, they
/// cost the build of `bench/probe` 4.6% more in instructions when its names
/// are not in declaration order.)
fn in_name_order<T>(mut fields: Vec<(&Field, T)>) -> impl Iterator<Item = T> {
    fields.sort_by(|(a, _), (b, _)| a.json.cmp(&b.json));
    fields.into_iter().map(|(_, written)| written)
}

/// Every checked field of the type: a struct's, a newtype's, each variant's.
pub(super) fn all_fields(input: &Input) -> Box<dyn Iterator<Item = &Field> + '_> {
    match &input.shape {
        Shape::Struct(fields) => Box::new(fields.iter()),
        Shape::Newtype(field) => Box::new(std::iter::once(&**field)),
        Shape::Enum { .. } => Box::new(std::iter::empty()),
        Shape::DataEnum { variants, .. } => Box::new(variants.iter().flat_map(|v| match &v.data {
            crate::model::VariantData::Unit => &[][..],
            crate::model::VariantData::Newtype(field) => std::slice::from_ref(&**field),
            crate::model::VariantData::Struct { fields, .. } => &fields[..],
        })),
    }
}
