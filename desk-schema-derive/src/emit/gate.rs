//! `#[desk(nested)]` on a type that does not derive `Validate`: one error,
//! in our words, at the field's type.
//!
//! The generated code names a nested field's type in many items (the view,
//! the walk, the typed checks, the schema, the `Facts`). Each would fail on
//! its own, naming a different hidden trait. So every such type that is not
//! the standard library's is written `<T as Nested>::Checked` instead: an
//! impl of `Nested` that does not exist makes that one error
//! (`diagnostic::on_unimplemented` on `Nested` words it), and rustc stops
//! at the projection it cannot normalize, so nothing after it fails again.
//! Every error has the type's own span, and rustc prints identical errors
//! once.

use proc_macro2::{Span, TokenStream};
use quote::{quote, quote_spanned};
use syn::spanned::Spanned;

use crate::model::{Field, Input, Mode, Shape, VariantData};

/// The names the gate writes: a derived type named one of them would be
/// taken for the gate by the derive's checks that read types as written,
/// so its fields are left as written.
const GATE_NAMES: [&str; 3] = ["desk_schema", "Nested", "Checked"];

/// Writes every nested field's own types through the gate.
pub(crate) fn gate(input: &mut Input) {
    if GATE_NAMES.iter().any(|n| input.ident == n) {
        return;
    }
    let params: Vec<syn::Ident> = input
        .generics
        .type_params()
        .map(|p| p.ident.clone())
        .collect();
    let own = input.ident.clone();
    let mut each = |field: &mut Field| {
        if matches!(field.mode, Mode::Nested(_)) {
            field.gate = gate_type(&mut field.ty, &own, &params);
        }
    };
    match &mut input.shape {
        Shape::Struct(fields) => fields.iter_mut().for_each(&mut each),
        Shape::Newtype(field) => each(field),
        Shape::Enum { .. } => {}
        Shape::DataEnum { variants, .. } => {
            for v in variants {
                match &mut v.data {
                    VariantData::Unit => {}
                    VariantData::Newtype(field) => each(field),
                    VariantData::Struct { fields, .. } => fields.iter_mut().for_each(&mut each),
                }
            }
        }
    }
}

/// The standard library's containers, whose item types are gated in turn.
const CONTAINERS: [&str; 7] = [
    "Option", "Vec", "Box", "HashMap", "BTreeMap", "HashSet", "BTreeSet",
];

/// Gates the types in `ty` that are not the standard library's, and gives
/// the span of the first.
fn gate_type(ty: &mut syn::Type, own: &syn::Ident, params: &[syn::Ident]) -> Option<Span> {
    match ty {
        syn::Type::Slice(s) => gate_type(&mut s.elem, own, params),
        syn::Type::Paren(p) => gate_type(&mut p.elem, own, params),
        syn::Type::Path(p) if p.qself.is_none() => {
            let last = p.path.segments.last_mut()?;
            match &mut last.arguments {
                syn::PathArguments::AngleBracketed(args) => {
                    if !CONTAINERS.iter().any(|c| last.ident == c) {
                        return None;
                    }
                    let mut first = None;
                    for arg in &mut args.args {
                        if let syn::GenericArgument::Type(t) = arg {
                            first = first.or(gate_type(t, own, params));
                        }
                    }
                    first
                }
                syn::PathArguments::None => {
                    let single = p.path.segments.len() == 1 && p.path.leading_colon.is_none();
                    let ident = &p.path.segments[p.path.segments.len() - 1].ident;
                    let skip = ident == "Self"
                        || ident == own
                        || (single && params.iter().any(|t| ident == t))
                        || super::facts::std_only(ty);
                    if skip {
                        return None;
                    }
                    let span = ty.span();
                    *ty = gated(ty);
                    Some(span)
                }
                syn::PathArguments::Parenthesized(_) => None,
            }
        }
        _ => None,
    }
}

/// `tokens`, which name the field's gated type, all at the gated type's
/// span: rustc prints an error repeated at one span, in the same words,
/// once.
pub(super) fn at(field: &Field, tokens: TokenStream) -> TokenStream {
    match field.gate {
        Some(span) => super::respan(tokens, span),
        None => tokens,
    }
}

fn gated(ty: &syn::Type) -> syn::Type {
    let gated = quote_spanned! {ty.span()=>
        <#ty as ::desk_schema::Nested>::Checked
    };
    syn::parse2(gated).unwrap_or_else(|_| ty.clone())
}

/// `value` (a reference to the typed field) as its gated type, when the
/// field is gated: the identity, and the one error for a type that fails
/// the gate, rather than one for each trait the gated type is asked for.
pub(super) fn checked(field: &Field, value: &TokenStream) -> TokenStream {
    match field.gate {
        Some(span) => super::respan(quote!(::desk_schema::Nested::checked(#value)), span),
        None => value.clone(),
    }
}

/// `value` (of the field's gated type) as the field's own type: the
/// reverse of [`checked`].
pub(super) fn from_checked(field: &Field, value: &TokenStream) -> TokenStream {
    match field.gate {
        Some(span) => super::respan(quote!(::desk_schema::Nested::from_checked(#value)), span),
        None => value.clone(),
    }
}

/// `ty` with its gates taken out: the types as written.
pub(super) fn ungated(ty: &syn::Type) -> syn::Type {
    let mut ty = ty.clone();
    ungate(&mut ty);
    ty
}

fn ungate(ty: &mut syn::Type) {
    match ty {
        syn::Type::Slice(s) => ungate(&mut s.elem),
        syn::Type::Paren(p) => ungate(&mut p.elem),
        syn::Type::Path(p) => {
            if let Some(q) = &p.qself
                && p.path.segments.iter().any(|s| s.ident == "Nested")
            {
                *ty = (*q.ty).clone();
                return;
            }
            for seg in &mut p.path.segments {
                if let syn::PathArguments::AngleBracketed(args) = &mut seg.arguments {
                    for arg in &mut args.args {
                        if let syn::GenericArgument::Type(t) = arg {
                            ungate(t);
                        }
                    }
                }
            }
        }
        _ => {}
    }
}

/// The span of the gate in `ty`, when `ty` is (or holds) a gated type.
pub(super) fn span_in(ty: &syn::Type) -> Option<Span> {
    fn find(tokens: TokenStream) -> Option<Span> {
        tokens.into_iter().find_map(|t| match t {
            proc_macro2::TokenTree::Ident(i) if i == "Nested" => Some(i.span()),
            proc_macro2::TokenTree::Group(g) => find(g.stream()),
            _ => None,
        })
    }
    find(quote::ToTokens::to_token_stream(ty))
}

/// `tokens`, which name the type's view (and so its gated fields' types),
/// at the first gate's span.
pub(super) fn at_first(input: &Input, tokens: TokenStream) -> TokenStream {
    match super::all_fields(input).find_map(|f| f.gate) {
        Some(span) => super::respan(tokens, span),
        None => tokens,
    }
}

/// The derived type's `Nested` impl: it passes the gate.
pub(crate) fn impl_nested(input: &Input) -> TokenStream {
    let params = super::Params::of(input);
    let decl = params.decl(&[], &[]);
    let ty = super::self_ty(input);
    let bounds = params.own_where();
    quote! {
        #[automatically_derived]
        #[diagnostic::do_not_recommend]
        impl #decl ::desk_schema::Nested for #ty #bounds {
            type Checked = Self;
            #[inline]
            fn checked(&self) -> &Self {
                self
            }
            #[inline]
            fn from_checked(checked: Self) -> Self {
                checked
            }
        }
    }
}
