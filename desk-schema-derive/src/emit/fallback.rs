//! What the derive writes after a mistake: impls with empty bodies beside
//! the errors, so the type's uses compile and the user sees only the errors
//! that matter (thiserror's fallback).

use proc_macro2::TokenStream;
use quote::quote;

/// After a mistake, impls with empty bodies beside the errors, so the type's
/// uses compile and the user sees only the errors that matter (thiserror's
/// fallback). A generic type's impls take its own generics and bounds, and
/// ask nothing more of its parameters. The prelude is imported from
/// `prelude`, as [`emit`](super::emit) does.
pub(crate) fn fallback(input: &syn::DeriveInput, prelude: &TokenStream) -> TokenStream {
    let ident = &input.ident;
    let (decl, args, bounds) = input.generics.split_for_impl();
    let mut with_d = input.generics.clone();
    with_d.params.push(syn::parse_quote!(__DeskD));
    let (decl_d, _, _) = with_d.split_for_impl();
    let c = super::any_context();
    let mut with_c = input.generics.clone();
    with_c
        .params
        .push(syn::parse_quote!(#c: ?__desk::core::marker::Sized));
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
            use #prelude as __desk;
            #[doc(hidden)]
            pub struct __DeskView { #(pub #fields: __desk::core::option::Option<()>,)* }
            #[automatically_derived]
            impl #decl __desk::JsonView for #ident #args #bounds {
                type View<'__desk_de> = __DeskView;
                fn from_view(_: &__DeskView) -> __desk::core::option::Option<Self> {
                    __desk::core::option::Option::None
                }
            }
            #[automatically_derived]
            #[diagnostic::do_not_recommend]
            impl #decl __desk::Nested for #ident #args #bounds {
                type Checked = Self;
            }
            #[automatically_derived]
            #[diagnostic::do_not_recommend]
            impl #decl __desk::Gate for #ident #args #bounds {
                type Gated = Self;
            }
            #[automatically_derived]
            #[diagnostic::do_not_recommend]
            impl #decl __desk::SerdeBounds for #ident #args #bounds {
                type Checked = Self;
            }
            #[automatically_derived]
            #[diagnostic::do_not_recommend]
            impl #decl_d __desk::InContext<__DeskD> for #ident #args #bounds {
                type Checked = Self;
            }
            #[automatically_derived]
            impl #decl_d __desk::types::Facts<__DeskD> for #ident #args #bounds {
                const SERDE_SAME: __desk::bool = false;
                const JSON_TYPES: __desk::u8 = __desk::types::ANY;
                const WALK_TYPES: __desk::u8 = __desk::types::ANY;
                const WIDE_INTEGER: __desk::bool = false;
                const UNEQUAL: __desk::u16 = 0;
            }
            #[automatically_derived]
            impl #decl __desk::JsonEq for #ident #args #bounds {
                fn json_eq(&self, _: &Self) -> __desk::bool {
                    false
                }
                fn json_hash<__DeskH: __desk::core::hash::Hasher>(&self, _: &mut __DeskH) {}
            }
            #[automatically_derived]
            impl #decl_c __desk::ValidateIn<#c> for #ident #args #bounds {
                const SERDE_SAME: __desk::bool = false;
                fn validate_in(&self, _: &#c, _: &__desk::Path<'_>, _: &mut __desk::Report) {}
                fn check_de<'__desk_de, __DeskD: __desk::serde::Deserializer<'__desk_de>>(
                    _: __DeskD,
                    _: &#c,
                    _: &__desk::Path<'_>,
                    _: &mut __desk::Walk,
                ) -> __desk::core::result::Result<__desk::core::option::Option<__DeskView>, __DeskD::Error> {
                    __desk::core::result::Result::Ok(__desk::core::option::Option::None)
                }
            }
            #[automatically_derived]
            impl #decl __desk::Validate for #ident #args #bounds {
                type Context = ();
                fn validate_with(&self, _: &()) -> __desk::core::result::Result<(), __desk::Report> {
                    __desk::core::result::Result::Ok(())
                }
            }
            #[automatically_derived]
            impl #decl __desk::schemars::JsonSchema for #ident #args #bounds {
                #names
                fn json_schema(_: &mut __desk::schemars::SchemaGenerator) -> __desk::schemars::Schema {
                    __desk::core::default::Default::default()
                }
            }
        };
    }
}
