//! What the derive writes after a mistake: impls with empty bodies beside
//! the errors, so the type's uses compile and the user sees only the errors
//! that matter (thiserror's fallback).

use proc_macro2::TokenStream;
use quote::quote;

/// After a mistake, impls with empty bodies beside the errors, so the type's
/// uses compile and the user sees only the errors that matter (thiserror's
/// fallback). Generic types get none: their impls could not be written.
pub(crate) fn fallback(input: &syn::DeriveInput) -> TokenStream {
    if !input.generics.params.is_empty() {
        return quote!();
    }
    let ident = &input.ident;
    let names = super::schema::names(ident);
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
            impl<__DeskD> ::desk_schema::__private::types::Facts<__DeskD> for #ident {
                const SERDE_SAME: bool = false;
                const JSON_TYPES: u8 = ::desk_schema::__private::types::ANY;
                const WALK_TYPES: u8 = ::desk_schema::__private::types::ANY;
                const WIDE_INTEGER: bool = false;
                const JSON_EQ: bool = true;
                const SETS_AS_JSON: bool = true;
            }
            #[automatically_derived]
            impl<__DeskC: ?::core::marker::Sized> ::desk_schema::ValidateIn<__DeskC> for #ident {
                const SERDE_SAME: bool = false;
                fn validate_in(&self, _: &__DeskC, _: &::desk_schema::Path<'_>, _: &mut ::desk_schema::Report) {}
                fn check_de<'__desk_de, __DeskD: ::desk_schema::__private::serde::Deserializer<'__desk_de>>(
                    _: __DeskD,
                    _: &__DeskC,
                    _: &::desk_schema::Path<'_>,
                    _: &mut ::desk_schema::__private::walk::Walk,
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
