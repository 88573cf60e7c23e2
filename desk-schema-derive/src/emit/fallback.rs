//! What the derive writes after a mistake: impls with empty bodies beside
//! the errors, so the type's uses compile and the user sees only the errors
//! that matter (thiserror's fallback).

use proc_macro2::TokenStream;
use quote::quote;

/// After a mistake, impls with empty bodies beside the errors, so the type's
/// uses compile and the user sees only the errors that matter (thiserror's
/// fallback). A generic type's impls take its own generics and bounds, and
/// ask nothing more of its parameters.
pub(crate) fn fallback(input: &syn::DeriveInput) -> TokenStream {
    let ident = &input.ident;
    let (decl, args, bounds) = input.generics.split_for_impl();
    let mut with_d = input.generics.clone();
    with_d.params.push(syn::parse_quote!(__DeskD));
    let (decl_d, _, _) = with_d.split_for_impl();
    let c = super::any_context();
    let mut with_c = input.generics.clone();
    with_c
        .params
        .push(syn::parse_quote!(#c: ?::core::marker::Sized));
    let (decl_c, _, _) = with_c.split_for_impl();
    let names = super::schema::names(ident);
    // A struct's view keeps its field names (each holding nothing), so that
    // `unique(by = field)` on a list of it still compiles.
    let fields: Vec<&syn::Ident> = match &input.data {
        syn::Data::Struct(s) => s.fields.iter().filter_map(|f| f.ident.as_ref()).collect(),
        _ => Vec::new(),
    };
    quote! {
        #[doc(hidden)]
        #[allow(unused_qualifications, clippy::all)]
        const _: () = {
            use ::desk_schema::__private::prelude::*;
            #[doc(hidden)]
            pub struct __DeskView { #(pub #fields: ::core::option::Option<()>,)* }
            #[automatically_derived]
            impl #decl ::desk_schema::JsonView for #ident #args #bounds {
                type View<'__desk_de> = __DeskView;
                fn from_view(_: &__DeskView) -> ::core::option::Option<Self> {
                    ::core::option::Option::None
                }
            }
            #[automatically_derived]
            #[diagnostic::do_not_recommend]
            impl #decl ::desk_schema::Nested for #ident #args #bounds {
                type Checked = Self;
            }
            #[automatically_derived]
            #[diagnostic::do_not_recommend]
            impl #decl ::desk_schema::Gate for #ident #args #bounds {
                type Gated = Self;
            }
            #[automatically_derived]
            #[diagnostic::do_not_recommend]
            impl #decl_d ::desk_schema::InContext<__DeskD> for #ident #args #bounds {
                type Checked = Self;
            }
            #[automatically_derived]
            impl #decl_d ::desk_schema::__private::types::Facts<__DeskD> for #ident #args #bounds {
                const SERDE_SAME: ::core::primitive::bool = false;
                const JSON_TYPES: ::core::primitive::u8 = ::desk_schema::__private::types::ANY;
                const WALK_TYPES: ::core::primitive::u8 = ::desk_schema::__private::types::ANY;
                const WIDE_INTEGER: ::core::primitive::bool = false;
                const UNEQUAL: ::core::primitive::u16 = 0;
            }
            #[automatically_derived]
            impl #decl ::desk_schema::JsonEq for #ident #args #bounds {
                fn json_eq(&self, _: &Self) -> ::core::primitive::bool {
                    false
                }
                fn json_hash<__DeskH: ::core::hash::Hasher>(&self, _: &mut __DeskH) {}
            }
            #[automatically_derived]
            impl #decl_c ::desk_schema::ValidateIn<#c> for #ident #args #bounds {
                const SERDE_SAME: ::core::primitive::bool = false;
                fn validate_in(&self, _: &#c, _: &::desk_schema::Path<'_>, _: &mut ::desk_schema::Report) {}
                fn check_de<'__desk_de, __DeskD: ::desk_schema::__private::serde::Deserializer<'__desk_de>>(
                    _: __DeskD,
                    _: &#c,
                    _: &::desk_schema::Path<'_>,
                    _: &mut ::desk_schema::__private::walk::Walk,
                ) -> ::core::result::Result<::core::option::Option<__DeskView>, __DeskD::Error> {
                    ::core::result::Result::Ok(::core::option::Option::None)
                }
            }
            #[automatically_derived]
            impl #decl ::desk_schema::Validate for #ident #args #bounds {
                type Context = ();
                fn validate_with(&self, _: &()) -> ::core::result::Result<(), ::desk_schema::Report> {
                    ::core::result::Result::Ok(())
                }
            }
            #[automatically_derived]
            impl #decl ::desk_schema::__private::schemars::JsonSchema for #ident #args #bounds {
                #names
                fn json_schema(_: &mut ::desk_schema::__private::schemars::SchemaGenerator) -> ::desk_schema::__private::schemars::Schema {
                    ::core::default::Default::default()
                }
            }
        };
    }
}
