//! The JSON view of a type: what the raw walk reads (each field `None` when
//! absent or of the wrong shape), and its conversion back to the type, with
//! serde's values for absent and skipped fields.

use proc_macro2::TokenStream;
use quote::quote;

use super::facts::{Facts, own_view};
use super::{Obj, Params, absent_value, self_ty};
use crate::model::{Absent, DataVariant, Field, Input, Skipped, Variant, VariantData};

/// Fields serde never reads, with the values serde gives them.
fn skipped_values(skipped: &[Skipped]) -> TokenStream {
    let skipped = skipped.iter().map(|s| {
        let member = &s.member;
        let value = match &s.absent {
            Absent::Required => quote!(__desk::core::default::Default::default()),
            Absent::FieldDefault(span) => super::field_default(*span),
            Absent::FieldPath(path) => quote!(#path()),
            Absent::ContainerDefault => {
                quote!(<Self as __desk::core::default::Default>::default().#member)
            }
            Absent::ContainerPath(path) => quote!(#path().#member),
        };
        quote!(#member: #value,)
    });
    quote!(#(#skipped)*)
}

/// The named fields serde never reads: the view holds each as `None` of
/// `NotRead`, so that `unique(by = skipped)` reads the view and is refused
/// once, by `Nested::NO_KEYS`'s assertion (`facts::refuse_no_key`).
pub(super) fn not_read(skipped: &[Skipped]) -> Vec<&syn::Ident> {
    skipped
        .iter()
        .filter_map(|s| match &s.member {
            syn::Member::Named(name) => Some(name),
            syn::Member::Unnamed(_) => None,
        })
        .collect()
}

/// The view struct of an object: each field's view, `None` when absent.
pub(super) fn object_struct(obj: &Obj<'_>) -> TokenStream {
    let view = &obj.view;
    let names: Vec<syn::Ident> = obj.fields.iter().map(Field::view_ident).collect();
    let tys = obj.fields.iter().map(|f| {
        let ty = &f.ty;
        let view = if f.is_buffered() {
            quote!(__desk::Option<__desk::serde_json::Value>)
        } else {
            quote!(__desk::FieldView<'__desk_de, #ty>)
        };
        super::gate::at(f, view)
    });
    let not_read = not_read(obj.skipped);
    let (decl, bounds) = obj.params.view_def_decl();
    let phantom = obj.params.phantom();
    quote! {
        #[doc(hidden)]
        #[allow(dead_code, non_camel_case_types)]
        pub struct #view #decl #bounds {
            #( pub #names: #tys, )*
            #( pub #not_read: __desk::Option<__desk::NotRead>, )*
            pub __desk_marker: __desk::PhantomData<(&'__desk_de (), #phantom)>,
        }
    }
}

/// The derived type's `JsonView` impl: `View` is `view`, and `from_view`
/// returns `body`. The view names the gated fields' types, in `View` and in
/// `from_view`'s signature, whose errors rustc reports there, at the impl
/// and at the body's braces too: all those at the gate's span
/// (`gate::at`).
fn json_view_impl(
    input: &Input,
    facts: &Facts,
    params: &Params,
    ty: &TokenStream,
    view: &TokenStream,
    body: &TokenStream,
) -> TokenStream {
    let decl = params.decl(&[], &[]);
    let bounds = params.where_clause(
        &quote!(__desk::JsonView + __desk::serde::de::DeserializeOwned),
        &[],
    );
    let (json_types, walk_types) = facts.json_view(input);
    let view_item = super::gate::at_first(input, quote!(type View<'__desk_de> = #view;));
    let from_view_sig = super::gate::at_first(
        input,
        // `#[inline]` on the non-generic fns of a derive: the crate that
        // defines the type then compiles them only where they are used
        // (bench/probe: a crate of types alone rebuilds faster).
        quote!(#[inline] fn from_view(__desk_view: &<Self as __desk::JsonView>::View<'_>) -> __desk::Option<Self>),
    );
    let body = super::gate::braces_at_first(input, body.clone());
    super::gate::impl_at_first(
        input,
        quote!(#[automatically_derived] impl #decl __desk::JsonView for #ty #bounds),
        quote! {
            #view_item
            const JSON_TYPES: __desk::u8 = #json_types;
            const WALK_TYPES: __desk::u8 = #walk_types;
            #from_view_sig #body
        },
    )
}

/// The typed value from an object's view in `__desk_view`, or `return
/// None` when a field is absent without a default, or of the wrong shape.
/// The fields are converted together, in one `let ... else` (less for rustc
/// to check than a `?` a field).
pub(super) fn object_value(obj: &Obj<'_>) -> TokenStream {
    let convert = obj.fields.iter().map(|f| {
        let (ty, name) = (&f.ty, f.view_ident());
        let view = quote!(__desk::Option::as_ref(&__desk_view.#name));
        let buffered = f.is_buffered();
        let value = match absent_value(&obj.ty, f) {
            Some(value) if buffered => {
                let read = super::skip_read(f);
                quote!(#read.field(#view, || __desk::Some(#value)))
            }
            // A gated field's default is of its type as written, which
            // the view's value is converted to here (`field_as`).
            Some(value) if written_when_read(f) => {
                let written = super::gate::from_checked(f, &quote!(__desk_v));
                quote!(__desk::field_as::<#ty, _>(#view, |__desk_v| #written, || #value))
            }
            Some(value) => quote!(__desk::field::<#ty>(#view, || __desk::Some(#value))),
            None if buffered => {
                let read = super::skip_read(f);
                quote!(#read.required_field(#view))
            }
            // `T` from the field's type (the struct's), unless gated.
            None if f.gate.is_none() => quote!(__desk::required_field(&__desk_view.#name)),
            // A gated type serde may not read is asked by autoref
            // (`gate::absence`); one that names a parameter keeps the
            // bound, which the impls' bounds answer for (a probe there
            // could take its fallback where serde reads the type).
            None if super::gate::absence(f).is_none() => {
                quote!(__desk::required_field::<#ty>(&__desk_view.#name))
            }
            None => {
                let absent = super::gate::absent_value(f);
                quote!(__desk::field::<#ty>(#view, || #absent))
            }
        };
        // A gated field's conversion is at the gate's span, as its value is.
        super::gate::at(f, value)
    });
    let bound: Vec<syn::Ident> = (0..obj.fields.len())
        .map(|i| quote::format_ident!("__desk_f{}", i))
        .collect();
    let members = obj.fields.iter().zip(&bound).map(|(f, b)| {
        let member = &f.member;
        if written_when_read(f) {
            return quote!(#member: #b,);
        }
        let value = super::gate::from_checked(f, &quote!(#b));
        quote!(#member: #value,)
    });
    let skipped = skipped_values(obj.skipped);
    let ctor = &obj.ctor;
    let value = quote!(#ctor { #(#members)* #skipped });
    if bound.is_empty() {
        return value;
    }
    quote! {
        {
            let (#(__desk::Some(#bound),)*) = (#(#convert,)*) else {
                return __desk::None;
            };
            #value
        }
    }
}

/// Whether [`object_value`] converts the field to its type as written as
/// it reads it (`field_as`): a gated field whose default is of that type (a
/// function's, or the container's default's field). `Default::default()`
/// takes the gated type, as the read value has it.
fn written_when_read(f: &Field) -> bool {
    use crate::model::Absent;
    f.gate.is_some()
        && !f.is_buffered()
        && !matches!(f.absent, Absent::Required | Absent::FieldDefault(_))
}

pub(super) fn object(input: &Input, facts: &Facts, obj: &Obj<'_>) -> TokenStream {
    let view = obj.params.view(&obj.view);
    let def = object_struct(obj);
    let value = object_value(obj);
    let json_view_impl = json_view_impl(
        input,
        facts,
        &obj.params,
        &obj.ty,
        &view,
        &quote!(__desk::Some(#value)),
    );
    let object_view = obj
        .customs
        .iter()
        .any(|c| c.check_value.is_some())
        .then(|| object_view_impl(obj, &view));
    quote! {
        #def

        #json_view_impl
        #object_view
    }
}

/// `ObjectView` for the view of a struct with a `check_value` function, which
/// the walk calls through it (`walker::struct_rules`): a function that takes
/// another argument is then one error that names the view as the user
/// writes it, not the generated type.
fn object_view_impl(obj: &Obj<'_>, view: &TokenStream) -> TokenStream {
    let ty = &obj.ty;
    let (decl, bounds) = obj.params.view_decl();
    quote! {
        #[automatically_derived]
        #[diagnostic::do_not_recommend]
        impl #decl __desk::custom::ObjectView<'__desk_de, #ty> for #view #bounds {
            fn cast<'__desk_a>(__desk_view: &'__desk_a Self) -> &'__desk_a Self {
                __desk_view
            }
        }
    }
}

/// A data enum's view: each variant's content view.
pub(super) fn data_enum(
    input: &Input,
    facts: &Facts,
    variants: &[DataVariant],
    other: Option<&syn::Ident>,
) -> TokenStream {
    let ident = &input.ident;
    let mut defs = Vec::new();
    let mut view_variants = Vec::new();
    let mut arms = Vec::new();
    for v in variants {
        let (def, view_variant, arm) = variant_view(input, v);
        defs.extend(def);
        view_variants.push(view_variant);
        arms.push(arm);
    }
    if let Some(other) = other {
        view_variants.push(quote!(#other));
        arms.push(quote!(__DeskView::#other => #ident::#other,));
    }
    let params = Params::of(input);
    let (decl, bounds) = params.view_def_decl();
    let phantom = params.phantom();
    let view = params.view(&quote::format_ident!("__DeskView"));
    let json_view_impl = json_view_impl(
        input,
        facts,
        &params,
        &self_ty(input),
        &view,
        &quote! {
            __desk::Some(match __desk_view {
                #(#arms)*
                __DeskView::__DeskMarker(_) => return __desk::None,
            })
        },
    );
    // It holds the variants' views: at the gate's span (`gate::at`).
    let view_enum = super::gate::at_first(
        input,
        quote! {
            #[doc(hidden)]
            #[allow(dead_code)]
            pub enum __DeskView #decl #bounds {
                #(#view_variants,)*
                __DeskMarker(__desk::PhantomData<(&'__desk_de (), #phantom)>),
            }
        },
    );
    quote! {
        #(#defs)*

        #view_enum

        #json_view_impl
    }
}

/// One variant of a data enum's view: the view struct of a struct
/// variant's object (if it is one), the variant of `__DeskView`, and the arm
/// of `from_view` that converts it.
fn variant_view(input: &Input, v: &DataVariant) -> (Option<TokenStream>, TokenStream, TokenStream) {
    let (ident, vi) = (&input.ident, &v.head.ident);
    match &v.data {
        VariantData::Unit => (None, quote!(#vi), quote!(__DeskView::#vi => #ident::#vi,)),
        VariantData::Newtype(field) => {
            let ty = &field.ty;
            let view = super::gate::at(field, quote!(<#ty as __desk::JsonView>::View<'__desk_de>));
            let value = super::gate::from_checked(
                field,
                &quote!(<#ty as __desk::JsonView>::from_view(__desk_v)?),
            );
            let arm = super::gate::at(
                field,
                quote!(__DeskView::#vi(__desk_v) => #ident::#vi(#value),),
            );
            (None, quote!(#vi(#view)), arm)
        }
        VariantData::Struct { fields, skipped } => {
            let obj = Obj::variant(input, v, fields, skipped);
            let value = object_value(&obj);
            let view = obj.params.view(&obj.view);
            (
                Some(object_struct(&obj)),
                quote!(#vi(#view)),
                quote!(__DeskView::#vi(__desk_view) => #value,),
            )
        }
    }
}

/// The JSON types serde reads a variant's content from: `null` for a unit
/// variant, an object (or serde's array form) for a struct variant.
pub(super) fn variant_types(variant: &DataVariant) -> TokenStream {
    types_of(variant, &quote!(JSON_TYPES), &quote!(__desk::types::STRUCT))
}

/// The JSON types the walk reads a variant's content from: as serde reads
/// them, except that a struct is an object only.
pub(super) fn variant_walk_types(variant: &DataVariant) -> TokenStream {
    types_of(variant, &quote!(WALK_TYPES), &quote!(__desk::types::OBJECT))
}

fn types_of(variant: &DataVariant, which: &TokenStream, object: &TokenStream) -> TokenStream {
    match &variant.data {
        VariantData::Unit => quote!(__desk::types::NULL),
        VariantData::Newtype(field) => {
            let ty = &field.ty;
            super::gate::at(field, quote!(<#ty as __desk::JsonView>::#which))
        }
        VariantData::Struct { .. } => object.clone(),
    }
}

/// A newtype's view is its field's, or, when the field's type is a
/// container or names the newtype itself (`struct Nested(Vec<Nested>)`), a
/// struct of its own that holds it, so that the view's type is finite.
pub(super) fn newtype(input: &Input, facts: &Facts, field: &Field) -> TokenStream {
    let ident = &input.ident;
    let (member, ty) = (&field.member, &field.ty);
    let skipped = skipped_values(&input.serde_skipped);
    let params = Params::of(input);
    let inner = super::gate::at(field, quote!(<#ty as __desk::JsonView>::View<'__desk_de>));
    let (def, view, field_view) = if own_view(input, ty) {
        let (decl, bounds) = params.view_def_decl();
        let phantom = params.phantom();
        // It holds the field's view: at the gate's span (`gate::at`).
        let def = super::gate::at(
            field,
            quote! {
                #[doc(hidden)]
                #[allow(dead_code, non_camel_case_types)]
                pub struct __DeskView #decl (
                    pub #inner,
                    __desk::PhantomData<(&'__desk_de (), #phantom)>,
                ) #bounds;
            },
        );
        let view = params.view(&quote::format_ident!("__DeskView"));
        (def, view, quote!(&__desk_view.0))
    } else {
        (quote!(), inner, quote!(__desk_view))
    };
    let from_view = super::gate::from_checked(
        field,
        &quote!(<#ty as __desk::JsonView>::from_view(#field_view)?),
    );
    let json_view_impl = json_view_impl(
        input,
        facts,
        &params,
        &self_ty(input),
        &view,
        &quote! {
            __desk::Some(#ident {
                #member: #from_view,
                #skipped
            })
        },
    );
    quote! {
        #def

        #json_view_impl
    }
}

/// A unit enum is its own view.
pub(super) fn unit_enum(
    input: &Input,
    variants: &[Variant],
    other: Option<&syn::Ident>,
) -> TokenStream {
    let ident = &input.ident;
    let idents = variants.iter().map(|v| &v.ident).chain(other);
    quote! {
        #[automatically_derived]
        impl __desk::JsonView for #ident {
            type View<'__desk_de> = #ident;
            const JSON_TYPES: __desk::u8 = __desk::types::EXTERNAL;
            const WALK_TYPES: __desk::u8 = __desk::types::STRING;
            #[inline]
            fn from_view(__desk_view: &#ident) -> __desk::Option<#ident> {
                __desk::Some(match *__desk_view {
                    #( #ident::#idents => #ident::#idents, )*
                    #[allow(unreachable_patterns)]
                    _ => return __desk::None,
                })
            }
        }
        // Its own view, whole: `unique` compares it as it is.
        #[automatically_derived]
        impl __desk::WholeView for #ident {}
    }
}
