//! Stage three: code from the checked model, one module per output: the
//! typed checks ([`typed`]), the JSON view of the type ([`view`]), the walk
//! over raw JSON ([`walker`]) and the JSON Schema ([`schema`]). Generated code
//! reaches the runtime only by absolute paths and names its locals
//! `__desk_*`, so it compiles whatever the user's module has shadowed.

mod rule;
mod schema;
mod typed;
mod view;
mod walker;

use proc_macro2::{Span, TokenStream};
use quote::quote;

use crate::model::{Absent, CustomRule, DataVariant, Field, Input, Repr, Shape, Skipped};

/// The derived type with its generic arguments, as a type.
pub fn self_ty(input: &Input) -> TokenStream {
    let ident = &input.ident;
    let args = Params::of(input).args;
    quote!(#ident #args)
}

/// The derived type's own generics, as every generated item needs them:
/// its parameters after the generated ones, its `where` clause, and the
/// bounds on its type parameters that the item's code relies on.
pub struct Params {
    lifetimes: Vec<TokenStream>,
    types: Vec<TokenStream>,
    lifetime_names: Vec<syn::Lifetime>,
    type_names: Vec<syn::Ident>,
    /// `<'a, T>`, or nothing.
    pub args: TokenStream,
    preds: Vec<TokenStream>,
}

impl Params {
    pub fn of(input: &Input) -> Self {
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
        Params {
            lifetimes,
            types,
            lifetime_names,
            type_names,
            args,
            preds,
        }
    }

    /// An item's parameter list: `ours` (generated lifetimes first, then
    /// generated types), merged with the type's own.
    pub fn decl(&self, our_lifetimes: &[TokenStream], our_types: &[TokenStream]) -> TokenStream {
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
    pub fn args_after(
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
    /// parameter (as serde bounds them: on the parameters, so that the
    /// fields' types still normalize), or nothing.
    pub fn where_clause(&self, bound: &TokenStream, extra: &[TokenStream]) -> TokenStream {
        let fields = self.type_names.iter().map(|ty| quote!(#ty: #bound));
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
    pub fn own_where(&self) -> TokenStream {
        let preds = &self.preds;
        if preds.is_empty() {
            quote!()
        } else {
            quote!(where #(#preds),*)
        }
    }

    /// A tuple type that names every parameter of the type, for a
    /// `PhantomData` in a generated item.
    pub fn phantom(&self) -> TokenStream {
        let (l, t) = (&self.lifetime_names, &self.type_names);
        quote!((#(&#l (),)* #(fn() -> #t,)*))
    }

    /// The generated view type `name` with `'__desk_de` and the type's own
    /// arguments.
    pub fn view(&self, name: &syn::Ident) -> TokenStream {
        let args = self.args_after(&[quote!('__desk_de)], &[]);
        quote!(#name #args)
    }

    /// The view type's parameter list and `where` clause (its fields name
    /// the views of the fields' types).
    pub fn view_decl(&self) -> (TokenStream, TokenStream) {
        (
            self.decl(&[quote!('__desk_de)], &[]),
            self.where_clause(&quote!(::desk_schema::JsonView), &[]),
        )
    }
}

/// An object the walk reads: a struct's fields, or a struct variant's.
pub struct Obj<'a> {
    /// The derived type with its generic arguments (for serde's container
    /// defaults).
    pub ty: TokenStream,
    pub params: Params,
    /// What builds the value: `Type` or `Type::Variant`.
    pub ctor: TokenStream,
    /// The names of the generated view struct and walker.
    pub view: syn::Ident,
    pub walker: syn::Ident,
    pub fields: &'a [Field],
    pub skipped: &'a [Skipped],
    pub deny_unknown_fields: bool,
    /// Struct-level custom rules (none on a variant).
    pub customs: &'a [CustomRule],
    /// The declared context, if any.
    pub context: bool,
}

impl<'a> Obj<'a> {
    pub fn of_struct(input: &'a Input, fields: &'a [Field]) -> Self {
        let ident = &input.ident;
        let params = Params::of(input);
        let args = &params.args;
        Obj {
            ty: quote!(#ident #args),
            params,
            ctor: quote!(#ident),
            view: quote::format_ident!("__DeskView"),
            walker: quote::format_ident!("__DeskWalker"),
            fields,
            skipped: &input.serde_skipped,
            deny_unknown_fields: input.deny_unknown_fields,
            customs: &input.customs,
            context: input.context.is_some(),
        }
    }

    pub fn variant(
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
            walker: quote::format_ident!("__DeskWalker_{}", vi),
            fields,
            skipped,
            deny_unknown_fields: input.deny_unknown_fields,
            customs: &[],
            context: input.context.is_some(),
        }
    }
}

/// Where a variant's content is, below the enum's path `__desk_path`.
pub fn content_path(repr: &Repr, variant_json: &str) -> TokenStream {
    match repr {
        Repr::External => quote!(__desk_path.key(#variant_json)),
        Repr::Internal(_) | Repr::Untagged => quote!(*__desk_path),
        Repr::Adjacent(_, content) => quote!(__desk_path.key(#content)),
    }
}

/// The runtime's `Repr` of an enum.
pub fn repr_tokens(repr: &Repr) -> TokenStream {
    let p = quote!(__desk_rt::Repr);
    match repr {
        Repr::External => quote!(#p::External),
        Repr::Internal(tag) => quote!(#p::Internal(#tag)),
        Repr::Adjacent(tag, content) => quote!(#p::Adjacent(#tag, #content)),
        Repr::Untagged => quote!(#p::Untagged),
    }
}

pub fn emit(input: &Input) -> TokenStream {
    let body = match &input.shape {
        Shape::Struct(fields) => {
            let ctx = ctx(input);
            let obj = Obj::of_struct(input, fields);
            let typed = typed::object(input, fields, &ctx);
            let view = view::object(&obj);
            let walker = walker::object(&obj, &ctx);
            let schema = schema::object(input, fields, &ctx);
            quote!(#typed #view #walker #schema)
        }
        Shape::Newtype(field) => {
            let ctx = ctx(input);
            let typed = typed::newtype(input, field, &ctx);
            let view = view::newtype(input, field);
            let schema = schema::newtype(input, field);
            quote!(#typed #view #schema)
        }
        Shape::Enum { variants, other } => {
            let typed = typed::unit_enum(input);
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
            let typed = typed::data_enum(input, repr, variants, &ctx);
            let view = view::data_enum(input, repr, variants, other.as_ref());
            let walker = walker::data_enum(input, variants, other.as_ref(), &ctx);
            let schema = schema::data_enum(input, repr, variants, other.is_some(), &ctx);
            let distinct =
                matches!(repr, Repr::Untagged).then(|| untagged_distinct(input, variants));
            quote!(#typed #view #walker #schema #distinct)
        }
    };
    quote! {
        #[doc(hidden)]
        #[allow(non_upper_case_globals, unused_qualifications, clippy::all)]
        const _: () = {
            use ::desk_schema::__private as __desk_rt;
            use ::desk_schema::rules as __desk_r;
            #body
        };
    }
}

/// Fails to compile, at the later variant, when two variants of an untagged
/// enum read the same JSON type: serde would take whichever comes first,
/// which neither the walk nor a JSON Schema can follow exactly.
fn untagged_distinct(input: &Input, variants: &[DataVariant]) -> TokenStream {
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
            checks.push(respan(
                quote!(::core::assert!((#a) & (#b) == 0, #message);),
                later.head.ident.span(),
            ));
        }
    }
    quote!(const _: () = { #(#checks)* };)
}

/// After a mistake, impls with empty bodies beside the errors, so the type's
/// uses compile and the user sees only the errors that matter (thiserror's
/// fallback). Generic types get none: their impls could not be written.
pub fn fallback(input: &syn::DeriveInput) -> TokenStream {
    if !input.generics.params.is_empty() {
        return quote!();
    }
    let ident = &input.ident;
    let names = schema::names(ident);
    quote! {
        #[doc(hidden)]
        #[allow(unused_qualifications, clippy::all)]
        const _: () = {
            #[automatically_derived]
            impl ::desk_schema::JsonView for #ident {
                type View<'__desk_de> = ();
                fn from_view(_: &()) -> ::core::option::Option<Self> {
                    ::core::option::Option::None
                }
            }
            #[automatically_derived]
            impl<__DeskC: ?::core::marker::Sized> ::desk_schema::ValidateIn<__DeskC> for #ident {
                const SERDE_SAME: bool = false;
                fn validate_in(&self, _: &__DeskC, _: &::desk_schema::Path<'_>, _: &mut ::desk_schema::Report) {}
                fn check_de<'__desk_de, __DeskD: ::desk_schema::__private::serde::Deserializer<'__desk_de>>(
                    _: __DeskD,
                    _: &__DeskC,
                    _: &::desk_schema::Path<'_>,
                    _: &mut ::desk_schema::__private::Walk,
                ) -> ::core::result::Result<::core::option::Option<()>, __DeskD::Error> {
                    ::core::result::Result::Ok(::core::option::Option::None)
                }
            }
            #[automatically_derived]
            impl ::desk_schema::Validate for #ident {
                type Context = ();
                fn validate_with(&self, _: &()) -> ::core::result::Result<(), ::desk_schema::Report> {
                    ::core::result::Result::Ok(())
                }
            }
            #[automatically_derived]
            impl ::desk_schema::__private::schemars::JsonSchema for #ident {
                #names
                fn json_schema(_: &mut ::desk_schema::__private::schemars::SchemaGenerator) -> ::desk_schema::__private::schemars::Schema {
                    ::core::default::Default::default()
                }
            }
        };
    }
}

fn opt_str(s: Option<&String>) -> TokenStream {
    match s {
        Some(s) => quote!(::core::option::Option::Some(#s)),
        None => quote!(::core::option::Option::None),
    }
}

/// The context type in an impl: the declared one, or the impl's parameter.
pub struct Ctx {
    pub ty: TokenStream,
    /// The context as a custom rule's argument (none without a declared context).
    pub arg: TokenStream,
    /// The `Validate::Context`.
    pub assoc: TokenStream,
}

fn ctx(input: &Input) -> Ctx {
    match &input.context {
        Some(ty) => Ctx {
            ty: quote!(#ty),
            arg: quote!(, __desk_ctx),
            assoc: quote!(#ty),
        },
        None => Ctx {
            ty: quote!(__DeskC),
            arg: quote!(),
            assoc: quote!(()),
        },
    }
}

/// The value serde gives an absent field of type `ty`, or `None` when it is
/// required (`Option` fields are handled by the runtime).
fn absent_value(
    ident: &TokenStream,
    member: &syn::Member,
    ty: &syn::Type,
    absent: &Absent,
) -> Option<TokenStream> {
    Some(match absent {
        Absent::Required => return None,
        Absent::FieldDefault => quote!(<#ty as ::core::default::Default>::default()),
        Absent::FieldPath(path) => quote!(#path()),
        Absent::ContainerDefault => {
            quote!(<#ident as ::core::default::Default>::default().#member)
        }
        Absent::ContainerPath(path) => quote!(#path().#member),
    })
}

/// `Option<...>` as written (an alias is not recognised, which only costs
/// a shortcut).
fn is_option(ty: &syn::Type) -> bool {
    matches!(ty, syn::Type::Path(p) if p.qself.is_none()
        && p.path.segments.last().is_some_and(|s| s.ident == "Option"))
}

/// An `Option` field whose serde default is `None`, with no custom rule:
/// the default passes every rule, so an absent field needs no check.
fn none_default(field: &crate::model::Field) -> bool {
    matches!(field.absent, Absent::FieldDefault) && is_option(&field.ty) && !field.has_customs()
}

/// Gives every token the attribute's span, so that a type error in a rule's
/// call (a byte limit on a `u32`) points at the attribute, not the derive.
fn respan(tokens: TokenStream, span: Span) -> TokenStream {
    tokens
        .into_iter()
        .map(|mut tree| {
            if let proc_macro2::TokenTree::Group(group) = &tree {
                let mut inner =
                    proc_macro2::Group::new(group.delimiter(), respan(group.stream(), span));
                inner.set_span(span);
                tree = proc_macro2::TokenTree::Group(inner);
            } else {
                tree.set_span(span);
            }
            tree
        })
        .collect()
}
