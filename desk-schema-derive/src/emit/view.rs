//! The JSON view of a type: what the raw walk reads (each field `None` when
//! absent or of the wrong shape), and its conversion back to the type, with
//! serde's values for absent and skipped fields.

use proc_macro2::TokenStream;
use quote::quote;

use super::absent_value;
use crate::model::{Absent, Field, Input, Variant};

/// The type a field is read as from raw JSON.
pub fn view_ty(field: &Field) -> TokenStream {
    let ty = &field.ty;
    if field.is_buffered() {
        quote!(::desk_schema::__private::serde_json::Value)
    } else {
        quote!(<#ty as ::desk_schema::JsonView>::View<'__desk_de>)
    }
}

/// Fields serde never reads, with the values serde gives them.
fn skipped_values(input: &Input) -> TokenStream {
    let skipped = input.serde_skipped.iter().map(|s| {
        let member = &s.member;
        let value = match &s.absent {
            Absent::Required | Absent::FieldDefault => quote!(::core::default::Default::default()),
            Absent::FieldPath(path) => quote!(#path()),
            Absent::ContainerDefault => {
                quote!(<Self as ::core::default::Default>::default().#member)
            }
            Absent::ContainerPath(path) => quote!(#path().#member),
        };
        quote!(#member: #value,)
    });
    quote!(#(#skipped)*)
}

pub fn object(input: &Input, fields: &[Field]) -> TokenStream {
    let ident = &input.ident;
    let names: Vec<syn::Ident> = fields.iter().map(Field::view_ident).collect();
    let tys = fields.iter().map(view_ty);
    let convert = fields.iter().map(|f| {
        let (member, ty, name) = (&f.member, &f.ty, f.view_ident());
        let absent = absent_value(ident, member, ty, &f.absent)
            .unwrap_or_else(|| quote!(::desk_schema::__private::absent::<#ty>()?));
        let present = if f.is_buffered() {
            quote!(::desk_schema::__private::from_value::<#ty>(__desk_v)?)
        } else {
            quote!(<#ty as ::desk_schema::JsonView>::from_view(__desk_v)?)
        };
        quote! {
            #member: match __desk_view.#name.as_ref() {
                ::core::option::Option::Some(__desk_v) => #present,
                ::core::option::Option::None => #absent,
            },
        }
    });
    let skipped = skipped_values(input);
    quote! {
        #[doc(hidden)]
        #[allow(dead_code)]
        pub struct __DeskView<'__desk_de> {
            #( pub #names: ::core::option::Option<#tys>, )*
            __desk_marker: ::desk_schema::__private::PhantomData<&'__desk_de ()>,
        }

        #[automatically_derived]
        impl ::desk_schema::JsonView for #ident {
            type View<'__desk_de> = __DeskView<'__desk_de>;
            fn from_view(__desk_view: &__DeskView<'_>) -> ::core::option::Option<Self> {
                ::core::option::Option::Some(#ident { #(#convert)* #skipped })
            }
        }
    }
}

/// A newtype's view is its field's.
pub fn newtype(input: &Input, field: &Field) -> TokenStream {
    let ident = &input.ident;
    let (member, ty) = (&field.member, &field.ty);
    let skipped = skipped_values(input);
    quote! {
        #[automatically_derived]
        impl ::desk_schema::JsonView for #ident {
            type View<'__desk_de> = <#ty as ::desk_schema::JsonView>::View<'__desk_de>;
            fn from_view(__desk_view: &Self::View<'_>) -> ::core::option::Option<Self> {
                ::core::option::Option::Some(#ident {
                    #member: <#ty as ::desk_schema::JsonView>::from_view(__desk_view)?,
                    #skipped
                })
            }
        }
    }
}

/// A unit enum is its own view.
pub fn unit_enum(input: &Input, variants: &[Variant], other: Option<&syn::Ident>) -> TokenStream {
    let ident = &input.ident;
    let idents = variants.iter().map(|v| &v.ident).chain(other);
    quote! {
        #[automatically_derived]
        impl ::desk_schema::JsonView for #ident {
            type View<'__desk_de> = #ident;
            fn from_view(__desk_view: &#ident) -> ::core::option::Option<#ident> {
                ::core::option::Option::Some(match *__desk_view {
                    #( #ident::#idents => #ident::#idents, )*
                    #[allow(unreachable_patterns)]
                    _ => return ::core::option::Option::None,
                })
            }
        }
    }
}
