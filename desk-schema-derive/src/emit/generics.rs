//! The derived type's own generics in every generated item: its parameters
//! after the generated ones, its `where` clause, and the bounds its type
//! parameters need.

use proc_macro2::TokenStream;
use quote::quote;

use crate::model::{Absent, Input, Mode};

/// The derived type with its generic arguments, as a type.
pub(crate) fn self_ty(input: &Input) -> TokenStream {
    let ident = &input.ident;
    let args = Params::of(input).args;
    quote!(#ident #args)
}

/// The derived type's own generics, as every generated item needs them:
/// its parameters after the generated ones, its `where` clause, and the
/// bounds on its type parameters that the item's code relies on.
pub(crate) struct Params {
    lifetimes: Vec<TokenStream>,
    types: Vec<TokenStream>,
    lifetime_names: Vec<syn::Lifetime>,
    type_names: Vec<syn::Ident>,
    /// `<'a, T>`, or nothing.
    pub args: TokenStream,
    preds: Vec<TokenStream>,
    /// The type parameters a checked field mentions: bounded by each
    /// item's own bound.
    checked: Vec<syn::Ident>,
    /// The type parameters only a `skip` field mentions: read by serde
    /// alone, so bounded by `DeserializeOwned`.
    read: Vec<syn::Ident>,
    /// The type parameters a field with a plain `#[serde(default)]` (or
    /// one serde skips without a default of its own) mentions: bounded by
    /// `Default`, as serde bounds them.
    defaulted: Vec<syn::Ident>,
    /// `Self: Default`, for a type whose absent fields take their values
    /// from the container's `#[serde(default)]`.
    self_default: Option<TokenStream>,
    /// The associated types of parameters (`T::Assoc`) a checked field
    /// holds: bounded themselves, as serde bounds them.
    checked_assoc: Vec<TokenStream>,
    /// Those only a `skip` field holds: `DeserializeOwned`.
    read_assoc: Vec<TokenStream>,
    /// Those a defaulted field holds (as `defaulted`): `Default`.
    default_assoc: Vec<TokenStream>,
}

/// The types of the fields that take their type's `Default` when absent:
/// a plain `#[serde(default)]`, or a field serde skips without a default of
/// its own.
fn defaulted_types(input: &Input) -> impl Iterator<Item = &syn::Type> {
    let skipped = input
        .serde_skipped
        .iter()
        .filter(|f| matches!(f.absent, Absent::FieldDefault | Absent::Required))
        .map(|f| &f.ty);
    let read = super::all_fields(input)
        .filter(|f| matches!(f.absent, Absent::FieldDefault))
        .map(|f| &f.ty);
    skipped.chain(read)
}

/// The associated types of the parameters `params` (`T::Assoc`, not inside
/// `PhantomData`) that `ty` holds, added to `out` once each.
fn assoc_paths(ty: &syn::Type, params: &[syn::Ident], out: &mut Vec<TokenStream>) {
    match ty {
        syn::Type::Path(p) => {
            if p.path
                .segments
                .last()
                .is_some_and(|s| s.ident == "PhantomData")
            {
                return;
            }
            let rooted = p.qself.is_none()
                && p.path.leading_colon.is_none()
                && p.path.segments.len() > 1
                && params.contains(&p.path.segments[0].ident);
            if rooted {
                let path = quote!(#p);
                if !out.iter().any(|o| o.to_string() == path.to_string()) {
                    out.push(path);
                }
            }
            for seg in &p.path.segments {
                if let syn::PathArguments::AngleBracketed(a) = &seg.arguments {
                    for arg in &a.args {
                        if let syn::GenericArgument::Type(t) = arg {
                            assoc_paths(t, params, out);
                        }
                    }
                }
            }
        }
        syn::Type::Reference(r) => assoc_paths(&r.elem, params, out),
        syn::Type::Slice(s) => assoc_paths(&s.elem, params, out),
        syn::Type::Array(a) => assoc_paths(&a.elem, params, out),
        syn::Type::Paren(p) => assoc_paths(&p.elem, params, out),
        syn::Type::Group(g) => assoc_paths(&g.elem, params, out),
        syn::Type::Tuple(t) => t.elems.iter().for_each(|t| assoc_paths(t, params, out)),
        _ => {}
    }
}

/// Whether `ty` mentions `name`, other than inside `PhantomData`, which
/// holds every type and reads none (serde bounds a parameter the same way).
fn mentions(ty: &syn::Type, name: &syn::Ident) -> bool {
    match ty {
        syn::Type::Path(p) => {
            if p.qself.as_ref().is_some_and(|q| mentions(&q.ty, name)) {
                return true;
            }
            if p.path
                .segments
                .last()
                .is_some_and(|s| s.ident == "PhantomData")
            {
                return false;
            }
            // `T::Assoc` is bounded itself (see `assoc_paths`), not `T`.
            let assoc = p.path.leading_colon.is_none() && p.path.segments.len() > 1;
            p.path.segments.iter().enumerate().any(|(i, seg)| {
                (seg.ident == *name && !(assoc && i == 0))
                    || match &seg.arguments {
                        syn::PathArguments::AngleBracketed(a) => a.args.iter().any(|a| match a {
                            syn::GenericArgument::Type(t) => mentions(t, name),
                            syn::GenericArgument::AssocType(b) => mentions(&b.ty, name),
                            other => tokens_mention(&quote!(#other), name),
                        }),
                        syn::PathArguments::Parenthesized(a) => tokens_mention(&quote!(#a), name),
                        syn::PathArguments::None => false,
                    }
            })
        }
        syn::Type::Reference(r) => mentions(&r.elem, name),
        syn::Type::Slice(s) => mentions(&s.elem, name),
        syn::Type::Array(a) => mentions(&a.elem, name),
        syn::Type::Paren(p) => mentions(&p.elem, name),
        syn::Type::Group(g) => mentions(&g.elem, name),
        syn::Type::Tuple(t) => t.elems.iter().any(|t| mentions(t, name)),
        // Anything else, by its tokens: a mention is never missed.
        other => tokens_mention(&quote!(#other), name),
    }
}

fn tokens_mention(tokens: &TokenStream, name: &syn::Ident) -> bool {
    tokens.clone().into_iter().any(|t| match t {
        proc_macro2::TokenTree::Ident(i) => i == *name,
        proc_macro2::TokenTree::Group(g) => tokens_mention(&g.stream(), name),
        _ => false,
    })
}

impl Params {
    pub(crate) fn of(input: &Input) -> Self {
        let g = &input.generics;
        let (mut lifetimes, mut types, mut lifetime_names, mut type_names) =
            (Vec::new(), Vec::new(), Vec::new(), Vec::new());
        for p in &g.params {
            match p {
                syn::GenericParam::Lifetime(l) => {
                    lifetimes.push(quote!(#l));
                    lifetime_names.push(l.lifetime.clone());
                }
                syn::GenericParam::Type(t) => {
                    let mut t = t.clone();
                    t.default = None;
                    t.attrs.clear();
                    type_names.push(t.ident.clone());
                    types.push(quote!(#t));
                }
                // Refused while parsing.
                syn::GenericParam::Const(_) => {}
            }
        }
        let args = if g.params.is_empty() {
            quote!()
        } else {
            quote!(<#(#lifetime_names,)* #(#type_names),*>)
        };
        let preds = g
            .where_clause
            .iter()
            .flat_map(|w| w.predicates.iter().map(|p| quote!(#p)))
            .collect();
        // As serde bounds them: a parameter no field reads (one in a field
        // serde skips, or in `PhantomData`) has no bound.
        let used = |name: &syn::Ident, skip: bool| {
            super::all_fields(input)
                .any(|f| matches!(f.mode, Mode::Skip) == skip && mentions(&f.ty, name))
        };
        let checked: Vec<syn::Ident> = type_names
            .iter()
            .filter(|t| used(t, false))
            .cloned()
            .collect();
        let read = type_names
            .iter()
            .filter(|t| !checked.contains(t) && used(t, true))
            .cloned()
            .collect();
        let defaulted = type_names
            .iter()
            .filter(|t| defaulted_types(input).any(|ty| mentions(ty, t)))
            .cloned()
            .collect();
        let container_default = input
            .serde_skipped
            .iter()
            .map(|f| &f.absent)
            .chain(super::all_fields(input).map(|f| &f.absent))
            .any(|a| matches!(a, Absent::ContainerDefault));
        let self_default = (container_default && !g.params.is_empty()).then(|| {
            let ident = &input.ident;
            quote!(#ident #args: ::core::default::Default)
        });
        let (mut checked_assoc, mut read_assoc) = (Vec::new(), Vec::new());
        for f in super::all_fields(input) {
            if matches!(f.mode, Mode::Skip) {
                assoc_paths(&f.ty, &type_names, &mut read_assoc);
            } else {
                assoc_paths(&f.ty, &type_names, &mut checked_assoc);
            }
        }
        read_assoc.retain(|p| !checked_assoc.iter().any(|c| c.to_string() == p.to_string()));
        let mut default_assoc = Vec::new();
        for ty in defaulted_types(input) {
            assoc_paths(ty, &type_names, &mut default_assoc);
        }
        Params {
            lifetimes,
            types,
            lifetime_names,
            type_names,
            args,
            preds,
            checked,
            read,
            defaulted,
            self_default,
            checked_assoc,
            read_assoc,
            default_assoc,
        }
    }

    /// `T: JsonSchema` for each parameter no checked field mentions (the
    /// schema item's extra bounds): the schema's name names every
    /// parameter's, as schemars names them; and for each associated type
    /// only a `skip` field holds, whose schema is the field's.
    pub(crate) fn unchecked_schema_preds(&self) -> Vec<TokenStream> {
        let params = self.type_names.iter().filter(|t| !self.checked.contains(t));
        params
            .map(|t| quote!(#t: __desk_rt::schemars::JsonSchema))
            .chain(
                self.read_assoc
                    .iter()
                    .map(|p| quote!(#p: __desk_rt::schemars::JsonSchema)),
            )
            .collect()
    }

    /// An item's parameter list: `ours` (generated lifetimes first, then
    /// generated types), merged with the type's own.
    pub(crate) fn decl(
        &self,
        our_lifetimes: &[TokenStream],
        our_types: &[TokenStream],
    ) -> TokenStream {
        let all: Vec<&TokenStream> = our_lifetimes
            .iter()
            .chain(&self.lifetimes)
            .chain(our_types)
            .chain(&self.types)
            .collect();
        if all.is_empty() {
            quote!()
        } else {
            quote!(<#(#all),*>)
        }
    }

    /// The type's own arguments after `ours` (for a generated item).
    pub(crate) fn args_after(
        &self,
        our_lifetimes: &[TokenStream],
        our_types: &[TokenStream],
    ) -> TokenStream {
        let (l, t) = (&self.lifetime_names, &self.type_names);
        let all: Vec<TokenStream> = our_lifetimes
            .iter()
            .cloned()
            .chain(l.iter().map(|l| quote!(#l)))
            .chain(our_types.iter().cloned())
            .chain(t.iter().map(|t| quote!(#t)))
            .collect();
        if all.is_empty() {
            quote!()
        } else {
            quote!(<#(#all),*>)
        }
    }

    /// `where` with the type's own predicates and `bound` on every type
    /// parameter a checked field mentions (as serde bounds them: on the
    /// parameters, so that the fields' types still normalize), or nothing.
    /// A parameter only a `skip` field mentions is read by serde alone:
    /// `DeserializeOwned`; one a field with a plain default mentions is
    /// also `Default`, as serde bounds it.
    pub(crate) fn where_clause(&self, bound: &TokenStream, extra: &[TokenStream]) -> TokenStream {
        let read = self
            .read
            .iter()
            .map(|ty| quote!(#ty: __desk_rt::serde::de::DeserializeOwned));
        let fields = self
            .checked
            .iter()
            .map(|ty| quote!(#ty: #bound))
            .chain(read)
            .chain(
                self.defaulted
                    .iter()
                    .map(|ty| quote!(#ty: ::core::default::Default)),
            )
            .chain(self.self_default.clone())
            .chain(self.checked_assoc.iter().map(|p| quote!(#p: #bound)))
            .chain(
                self.read_assoc
                    .iter()
                    .map(|p| quote!(#p: __desk_rt::serde::de::DeserializeOwned)),
            )
            .chain(
                self.default_assoc
                    .iter()
                    .map(|p| quote!(#p: ::core::default::Default)),
            );
        let preds: Vec<TokenStream> = self
            .preds
            .iter()
            .cloned()
            .chain(fields)
            .chain(extra.iter().cloned())
            .collect();
        if preds.is_empty() {
            quote!()
        } else {
            quote!(where #(#preds),*)
        }
    }

    /// `where` with only the type's own predicates.
    pub(crate) fn own_where(&self) -> TokenStream {
        let preds = &self.preds;
        if preds.is_empty() {
            quote!()
        } else {
            quote!(where #(#preds),*)
        }
    }

    /// `where` with the type's own predicates and `extra`.
    pub(crate) fn own_where_and(&self, extra: &[TokenStream]) -> TokenStream {
        let preds = self.preds.iter().chain(extra);
        quote!(where #(#preds),*)
    }

    /// A tuple type that names every parameter of the type, for a
    /// `PhantomData` in a generated item.
    pub(crate) fn phantom(&self) -> TokenStream {
        let (l, t) = (&self.lifetime_names, &self.type_names);
        quote!((#(&#l (),)* #(fn() -> #t,)*))
    }

    /// The generated view type `name` with `'__desk_de` and the type's own
    /// arguments.
    pub(crate) fn view(&self, name: &syn::Ident) -> TokenStream {
        let args = self.args_after(&[quote!('__desk_de)], &[]);
        quote!(#name #args)
    }

    /// The view type's parameter list and `where` clause (its fields name
    /// the views of the fields' types).
    pub(crate) fn view_decl(&self) -> (TokenStream, TokenStream) {
        (
            self.decl(&[quote!('__desk_de)], &[]),
            self.where_clause(
                &quote!(::desk_schema::JsonView + __desk_rt::serde::de::DeserializeOwned),
                &[],
            ),
        )
    }
}
