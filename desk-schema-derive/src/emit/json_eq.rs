//! The `JsonEq` impl: equality as the type's JSON compares, which `unique`
//! asks of items and keys on every path, in place of the type's own
//! `PartialEq` (which may be written by hand, or compare a field serde
//! skips). It compares the fields serde reads and the variant, nothing
//! else.
//!
//! A type whose own form does not compare as JSON does (`Facts::eq_local`
//! false: no `deny_unknown_fields`, an `Option` or defaulted field, an
//! alias) is refused under `unique` at compile time, so its impl is never
//! called: it compares nothing and asks nothing of its fields.

use proc_macro2::TokenStream;
use quote::quote;

use super::facts::{Facts, variant_fields};
use super::{Params, self_ty};
use crate::model::{DataVariant, Field, Input, Shape};

/// The `JsonEq` impl of the derived type.
pub(super) fn impl_json_eq(input: &Input, facts: &Facts) -> TokenStream {
    let params = Params::of(input);
    let decl = params.decl(&[], &[]);
    let ty = self_ty(input);
    if !facts.eq_local() {
        // Refused under `unique` (its `JSON_EQ` is false): never called.
        let own = params.own_where();
        return quote! {
            #[automatically_derived]
            impl #decl __desk::JsonEq for #ty #own {
                fn json_eq(&self, _: &Self) -> __desk::bool { false }
                fn json_hash<__DeskH: __desk::core::hash::Hasher>(&self, _: &mut __DeskH) {}
            }
        };
    }
    let (eq, hash) = bodies(&input.shape);
    // Each helper imported where it is used: a crate may forbid unused
    // imports.
    let compares = !fields(&input.shape).is_empty();
    let eq_use = compares.then(|| {
        quote!(
            use __desk::typed::field::{Compared as _, Two as __DeskTwo, Uncompared as _};
        )
    });
    let hash_use = compares.then(|| {
        quote!(
            use __desk::typed::field::{Hashed as _, One as __DeskOne, Unhashed as _};
        )
    });
    // Each parameter a compared field holds (a map's key too) is `JsonEq`,
    // and nothing more: what every impl of it on a type over parameters
    // asks, so that a type holding another over its own parameters proves
    // that one's impl from its own bounds.
    let own = params.where_each(&quote!(__desk::JsonEq));
    quote! {
        #[automatically_derived]
        impl #decl __desk::JsonEq for #ty #own {
            #[inline]
            fn json_eq(&self, __desk_o: &Self) -> __desk::bool {
                #eq_use
                #eq
            }
            #[inline]
            fn json_hash<__DeskH: __desk::core::hash::Hasher>(&self, __desk_h: &mut __DeskH) {
                #hash_use
                #hash
            }
        }
    }
}

/// Every field compared, of every variant.
fn fields(shape: &Shape) -> Vec<&Field> {
    match shape {
        Shape::DataEnum { variants, .. } => variants
            .iter()
            .flat_map(|v| compared(variant_fields(v)))
            .collect(),
        _ => compared(own_fields(shape)).collect(),
    }
}

/// A struct's fields, a newtype's one field; none for an enum.
fn own_fields(shape: &Shape) -> &[Field] {
    match shape {
        Shape::Struct(fields) => fields,
        Shape::Newtype(field) => std::slice::from_ref(&**field),
        Shape::Enum { .. } | Shape::DataEnum { .. } => &[],
    }
}

/// The fields serde reads, as compared: not those read whole (`skip`),
/// which make the type's equality not JSON's anyway.
fn compared(fields: &[Field]) -> impl Iterator<Item = &Field> {
    fields.iter().filter(|f| !f.is_buffered())
}

/// `json_eq` of the fields `members` of `self` and `__desk_o`.
fn eq(members: &[&syn::Member]) -> TokenStream {
    quote!(true #(&& (&__DeskTwo(&self.#members, &__desk_o.#members)).__desk_json_eq())*)
}

/// `json_hash` of the fields `members` of `self`.
fn hash(members: &[&syn::Member]) -> TokenStream {
    quote!(#((&__DeskOne(&self.#members)).__desk_json_hash(__desk_h);)*)
}

/// The bodies of `json_eq` and `json_hash`.
fn bodies(shape: &Shape) -> (TokenStream, TokenStream) {
    match shape {
        // A unit variant is its name.
        Shape::Enum { .. } => (
            quote!(
                __desk::core::mem::discriminant(self) == __desk::core::mem::discriminant(__desk_o)
            ),
            quote!(__desk::core::hash::Hash::hash(&__desk::core::mem::discriminant(self), __desk_h);),
        ),
        Shape::DataEnum { variants, .. } => data_enum(variants),
        Shape::Struct(_) | Shape::Newtype(_) => {
            let members: Vec<&syn::Member> =
                compared(own_fields(shape)).map(|f| &f.member).collect();
            (eq(&members), hash(&members))
        }
    }
}

/// A data enum: the same variant, and its fields serde reads.
fn data_enum(variants: &[DataVariant]) -> (TokenStream, TokenStream) {
    let mut eq_arms = Vec::new();
    let mut hash_arms = Vec::new();
    for v in variants {
        let ident = &v.head.ident;
        let fields: Vec<&Field> = compared(variant_fields(v)).collect();
        let members: Vec<&syn::Member> = fields.iter().map(|f| &f.member).collect();
        let ours: Vec<syn::Ident> = (0..fields.len())
            .map(|i| quote::format_ident!("__desk_a{}", i))
            .collect();
        let theirs: Vec<syn::Ident> = (0..fields.len())
            .map(|i| quote::format_ident!("__desk_b{}", i))
            .collect();
        // `Self::V { member: binding, .. }` reads unit, tuple and struct
        // variants alike.
        eq_arms.push(quote! {
            (Self::#ident { #(#members: #ours,)* .. }, Self::#ident { #(#members: #theirs,)* .. }) =>
                true #(&& (&__DeskTwo(#ours, #theirs)).__desk_json_eq())*,
        });
        hash_arms.push(quote! {
            Self::#ident { #(#members: #ours,)* .. } => { #((&__DeskOne(#ours)).__desk_json_hash(__desk_h);)* }
        });
    }
    (
        quote! {
            match (self, __desk_o) {
                #(#eq_arms)*
                // Another variant, or one serde skips (which the match
                // must name: the only other one, for a type of one read
                // variant).
                #[allow(unreachable_patterns)]
                _ => false,
            }
        },
        quote! {
            __desk::core::hash::Hash::hash(&__desk::core::mem::discriminant(self), __desk_h);
            match self {
                #(#hash_arms)*
                // A variant serde skips.
                #[allow(unreachable_patterns)]
                _ => {}
            }
        },
    )
}
