//! The walk over raw JSON (`ValidateIn::check_de`): read as it is parsed,
//! no tree built, every violation at its wire path, in declaration order.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::typed::{custom_checks, field_checks};
use super::view::view_ty;
use super::{Ctx, Obj, Params, absent_value, repr_tokens, rule_check};

/// A walker: the context, the path (for an object's walker), and a marker
/// for the derived type's own parameters.
fn walker_struct(params: &Params, name: &syn::Ident, with_path: bool) -> TokenStream {
    let (lifetimes, path) = if with_path {
        (
            vec![quote!('__desk_a), quote!('__desk_p)],
            quote!(path: &'__desk_a ::desk_schema::Path<'__desk_p>,),
        )
    } else {
        (vec![quote!('__desk_a)], quote!())
    };
    let decl = params.decl(&lifetimes, &[quote!(__DeskC: ?::core::marker::Sized)]);
    let phantom = params.phantom();
    quote! {
        #[allow(non_camel_case_types)]
        struct #name #decl {
            ctx: &'__desk_a __DeskC,
            #path
            marker: ::desk_schema::__private::PhantomData<#phantom>,
        }
    }
}

/// `impl<...> trait_ for name<...>`, with the bounds a walk of the derived
/// type's fields relies on.
fn walker_header(
    params: &Params,
    trait_: &TokenStream,
    name: &syn::Ident,
    lifetimes: &[TokenStream],
    has_context: bool,
    ctx_ty: &TokenStream,
) -> TokenStream {
    let mut ours = vec![quote!('__desk_de)];
    ours.extend(lifetimes.iter().cloned());
    let types = if has_context {
        vec![]
    } else {
        vec![quote!(__DeskC: ?::core::marker::Sized)]
    };
    let decl = params.decl(&ours, &types);
    let args = params.args_after(lifetimes, std::slice::from_ref(ctx_ty));
    let bounds = params.where_clause(
        &quote!(::desk_schema::ValidateIn<#ctx_ty> + ::desk_schema::__private::serde::de::DeserializeOwned),
        &[],
    );
    quote!(impl #decl #trait_ for #name #args #bounds)
}
use crate::model::{DataVariant, Field, Input, Repr, Variant, VariantData};

/// `check_de` of an object: its properties through the generated walker.
pub fn object_check_de(walker: &syn::Ident) -> TokenStream {
    quote! {
        ::desk_schema::__private::object(
            __desk_de,
            __desk_path,
            __desk_walk,
            #walker { ctx: __desk_ctx, path: __desk_path, marker: ::desk_schema::__private::PhantomData },
        )
    }
}

/// A field's rules on its raw view at `__desk_fpath`, and its custom rules
/// on the typed value when the view converts to one.
fn view_checks(field: &Field, ctx: &Ctx) -> TokenStream {
    let ty = &field.ty;
    let target = quote!(__desk_view);
    let rules = field.rules.iter().map(|r| rule_check(r, ty, &target, true));
    let customs = field.has_customs().then(|| {
        let typed = custom_checks(field, &quote!(&__desk_typed), ctx);
        quote! {
            if let ::core::option::Option::Some(__desk_typed) = <#ty as ::desk_schema::JsonView>::from_view(__desk_view) {
                #typed
            }
        }
    });
    quote!(#(#rules)* #customs)
}

/// `check_de` of a newtype: its field's walk, then its rules, at the same path.
pub fn newtype_check_de(field: &Field, ctx: &Ctx) -> TokenStream {
    let (ty, ctx_ty) = (&field.ty, &ctx.ty);
    let checks = view_checks(field, ctx);
    quote! {
        let __desk_read = <#ty as ::desk_schema::ValidateIn<#ctx_ty>>::check_de(__desk_de, __desk_ctx, __desk_path, __desk_walk)?;
        if let ::core::option::Option::Some(__desk_view) = __desk_read.as_ref() {
            let __desk_fpath = __desk_path;
            let __desk_report = &mut __desk_walk.report;
            #checks
        }
        ::core::result::Result::Ok(__desk_read)
    }
}

/// `check_de` of a unit enum: a string that names a variant (or an alias),
/// or the `other` variant.
pub fn unit_enum_check_de() -> TokenStream {
    quote! {
        let __desk_scalar = ::desk_schema::__private::scalar(__desk_de)?;
        ::core::result::Result::Ok(
            ::desk_schema::__private::enum_str(&__desk_scalar, __desk_path, __desk_walk)
                .and_then(|__desk_s| __desk_variant(__desk_s, __desk_path, __desk_walk)),
        )
    }
}

/// The walk over an object's properties: in document order while reading,
/// then field by field in declaration order.
pub fn object(obj: &Obj<'_>, ctx: &Ctx) -> TokenStream {
    let (fields, walker, view_name, self_ty) = (obj.fields, &obj.walker, &obj.view, &obj.ty);
    let view = obj.params.view(&obj.view);
    let (ctx_ty, ctx_arg) = (&ctx.ty, &ctx.arg);
    let header = walker_header(
        &obj.params,
        &quote!(::desk_schema::__private::ObjectWalker<'__desk_de>),
        walker,
        &[quote!('__desk_a), quote!('__desk_p)],
        obj.context,
        ctx_ty,
    );
    let walker_def = walker_struct(&obj.params, walker, true);
    let json_names: Vec<&String> = fields.iter().map(|f| &f.json).collect();
    let vars: Vec<syn::Ident> = (0..fields.len())
        .map(|i| format_ident!("__desk_v{}", i))
        .collect();
    let walks: Vec<syn::Ident> = (0..fields.len())
        .map(|i| format_ident!("__desk_w{}", i))
        .collect();
    let seen: Vec<syn::Ident> = (0..fields.len())
        .map(|i| format_ident!("__desk_s{}", i))
        .collect();
    let tys = fields.iter().map(view_ty);
    let arms = fields.iter().enumerate().map(|(i, f)| {
        let (json, ty, var, walk, seen) = (&f.json, &f.ty, &vars[i], &walks[i], &seen[i]);
        // On an error of the input, the place where it happened is kept.
        let read = if f.is_buffered() {
            quote! {
                #var = match ::desk_schema::__private::buffer(&mut __desk_map) {
                    ::core::result::Result::Ok(__desk_v) => ::core::option::Option::Some(__desk_v),
                    ::core::result::Result::Err(__desk_e) => {
                        __desk_walk.note_error(&__desk_path.key(#json));
                        return ::core::result::Result::Err(__desk_e);
                    }
                };
            }
        } else {
            quote! {
                let __desk_fpath = __desk_path.key(#json);
                #var = match __desk_map.next_value_seed(
                    ::desk_schema::__private::Seed::<#ty, #ctx_ty>::new(__desk_ctx, &__desk_fpath, &mut #walk),
                ) {
                    ::core::result::Result::Ok(__desk_v) => __desk_v,
                    ::core::result::Result::Err(__desk_e) => {
                        __desk_walk.adopt_error(&#walk);
                        return ::core::result::Result::Err(__desk_e);
                    }
                };
            }
        };
        quote! {
            #json => {
                if #seen {
                    ::desk_schema::__private::duplicate(&mut __desk_own, __desk_path, #json);
                    // The later value is the one kept (as serde_json and
                    // JSON.parse keep it): the earlier one's findings go.
                    #walk = ::desk_schema::__private::Walk::new();
                }
                #seen = true;
                #read
            }
        }
    });
    let unknown = if obj.deny_unknown_fields {
        quote!(::desk_schema::__private::unknown(__desk_path, &mut __desk_unknown.report, __desk_other, &[#(#json_names),*]);)
    } else {
        quote!(let _ = __desk_other;)
    };
    let after = fields
        .iter()
        .enumerate()
        .map(|(i, f)| after_read(&obj.ty, f, ctx, &vars[i], &walks[i], &seen[i]));
    let names: Vec<syn::Ident> = fields.iter().map(Field::view_ident).collect();
    // A struct rule with a raw form runs on the view whatever else is wrong;
    // one without runs only once the object converts to the type.
    let raw_forms = obj.customs.iter().filter_map(|c| c.check_value.as_ref());
    let typed_only: Vec<&syn::Path> = obj
        .customs
        .iter()
        .filter(|c| c.check_value.is_none())
        .map(|c| &c.check)
        .collect();
    let typed_checks = (!typed_only.is_empty()).then(|| {
        quote! {
            if ::desk_schema::__private::shape_count(&__desk_walk.report) == __desk_shape {
                if let ::core::option::Option::Some(__desk_typed) = <#self_ty as ::desk_schema::JsonView>::from_view(&__desk_view) {
                    let mut __desk_scope = ::desk_schema::__private::scope(__desk_path, &mut __desk_walk.report);
                    #( #typed_only(&__desk_typed #ctx_arg, &mut __desk_scope); )*
                }
            }
        }
    });
    quote! {
        #walker_def

        #[automatically_derived]
        #header {
            type Out = #view;

            fn walk<__DeskA: ::desk_schema::__private::MapAccess<'__desk_de>>(
                self,
                mut __desk_map: __DeskA,
                __desk_walk: &mut ::desk_schema::__private::Walk,
            ) -> ::core::result::Result<#view, __DeskA::Error> {
                let __desk_ctx = self.ctx;
                let __desk_path = self.path;
                let _ = &__desk_ctx;
                #( let mut #vars: ::core::option::Option<#tys> = ::core::option::Option::None; )*
                #( let mut #walks = ::desk_schema::__private::Walk::new(); )*
                #( let mut #seen = false; )*
                let mut __desk_own = ::desk_schema::__private::Walk::new();
                let mut __desk_unknown = ::desk_schema::__private::Walk::new();
                while let ::core::option::Option::Some(__desk_key) =
                    __desk_map.next_key_seed(::desk_schema::__private::KeySeed)?
                {
                    match &*__desk_key.0 {
                        #(#arms)*
                        __desk_other => {
                            ::desk_schema::__private::ignore(&mut __desk_map)?;
                            #unknown
                        }
                    }
                }
                let __desk_shape = ::desk_schema::__private::shape_count(&__desk_walk.report);
                let _ = __desk_shape;
                __desk_walk.append(&mut __desk_own);
                #(#after)*
                __desk_walk.append(&mut __desk_unknown);
                let __desk_view = #view_name {
                    #( #names: #vars, )*
                    __desk_marker: ::desk_schema::__private::PhantomData,
                };
                {
                    let mut __desk_scope = ::desk_schema::__private::scope(__desk_path, &mut __desk_walk.report);
                    let _ = &mut __desk_scope;
                    #( #raw_forms(&__desk_view #ctx_arg, &mut __desk_scope); )*
                }
                #typed_checks
                ::core::result::Result::Ok(__desk_view)
            }
        }
    }
}

/// A field's checks once the object is read: its own violations from the
/// read, then its rules on the view; when it was absent, `required` unless
/// serde's value for it passes its rules.
fn after_read(
    ident: &TokenStream,
    field: &Field,
    ctx: &Ctx,
    var: &syn::Ident,
    walk: &syn::Ident,
    seen: &syn::Ident,
) -> TokenStream {
    let (json, ty) = (&field.json, &field.ty);
    let absent = match absent_value(ident, &field.member, ty, &field.absent) {
        // An absent field with a default: the default is what the typed
        // value holds, so its rules decide; if it breaks them, the field is
        // required on every path (the schema says so too).
        Some(value) => {
            let checks = field_checks(field, ctx, &quote!(&__desk_default));
            quote! {
                if ::desk_schema::__private::default_breaks(|__desk_report| {
                    let __desk_default: #ty = #value;
                    #checks
                }) {
                    ::desk_schema::__private::required(__desk_path, __desk_report, #json);
                }
            }
        }
        None => {
            let customs = field.has_customs().then(|| {
                let typed = custom_checks(field, &quote!(&__desk_typed), ctx);
                quote! {
                    if let ::core::option::Option::Some(__desk_typed) = ::desk_schema::__private::absent::<#ty>() {
                        #typed
                    }
                }
            });
            quote! {
                if !::desk_schema::__private::may_be_absent::<#ty>() {
                    ::desk_schema::__private::required(__desk_path, __desk_report, #json);
                }
                #customs
            }
        }
    };
    let present = if field.is_buffered() {
        quote!(::desk_schema::__private::check_skipped::<#ty>(__desk_view, &__desk_fpath, __desk_report);)
    } else {
        view_checks(field, ctx)
    };
    quote! {
        {
            __desk_walk.append(&mut #walk);
            let __desk_fpath = __desk_path.key(#json);
            let __desk_report = &mut __desk_walk.report;
            match #var.as_ref() {
                ::core::option::Option::Some(__desk_view) => {
                    #present
                }
                ::core::option::Option::None if !#seen => {
                    #absent
                }
                ::core::option::Option::None => {}
            }
        }
    }
}

/// The names of a unit enum, and the function that maps a string to its
/// variant (aliases too), or reports it.
pub fn unit_enum(input: &Input, variants: &[Variant], other: Option<&syn::Ident>) -> TokenStream {
    let ident = &input.ident;
    let names = variants.iter().map(|v| &v.json);
    let arms = variants.iter().map(|v| {
        let (variant, json, aliases) = (&v.ident, &v.json, &v.aliases);
        quote!(#json #( | #aliases )* => ::core::option::Option::Some(#ident::#variant),)
    });
    let fallback = match other {
        Some(other) => quote!(::core::option::Option::Some(#ident::#other)),
        None => quote! {{
            ::desk_schema::__private::not_allowed(__desk_path, __desk_walk, __DESK_NAMES);
            ::core::option::Option::None
        }},
    };
    quote! {
        const __DESK_NAMES: &[&str] = &[#(#names),*];

        fn __desk_variant(
            __desk_s: &str,
            __desk_path: &::desk_schema::Path<'_>,
            __desk_walk: &mut ::desk_schema::__private::Walk,
        ) -> ::core::option::Option<#ident> {
            let _ = (&__desk_path, &__desk_walk);
            match __desk_s {
                #(#arms)*
                _ => #fallback,
            }
        }
    }
}

/// The walk of a data enum: a walker for each struct variant's object, and
/// the `EnumWalker` that names the variants and reads their content.
pub fn data_enum(
    input: &Input,
    variants: &[DataVariant],
    other: Option<&syn::Ident>,
    ctx: &Ctx,
) -> TokenStream {
    let ctx_ty = &ctx.ty;
    let mut objects = Vec::new();
    let mut names = Vec::new();
    let mut tag_arms = Vec::new();
    let mut unit_arms = Vec::new();
    let mut content_arms = Vec::new();
    for (i, v) in variants.iter().enumerate() {
        let vi = &v.head.ident;
        let json = &v.head.json;
        let aliases = &v.head.aliases;
        names.push(json);
        names.extend(aliases);
        tag_arms.push(quote!(#json #( | #aliases )* => ::core::option::Option::Some(#i),));
        match &v.data {
            VariantData::Unit => {
                unit_arms.push(quote!(#i => ::core::option::Option::Some(__DeskView::#vi),));
            }
            VariantData::Newtype(field) => {
                let ty = &field.ty;
                let checks = view_checks(field, ctx);
                content_arms.push(quote! {
                    #i => {
                        let __desk_read = <#ty as ::desk_schema::ValidateIn<#ctx_ty>>::check_de(__desk_de, __desk_ctx, __desk_path, __desk_walk)?;
                        if let ::core::option::Option::Some(__desk_view) = __desk_read.as_ref() {
                            let __desk_fpath = __desk_path;
                            let __desk_report = &mut __desk_walk.report;
                            #checks
                        }
                        ::core::result::Result::Ok(__desk_read.map(__DeskView::#vi))
                    }
                });
            }
            VariantData::Struct { fields, skipped } => {
                let obj = Obj::variant(input, v, fields, skipped);
                let walker = &obj.walker;
                objects.push(object(&obj, ctx));
                content_arms.push(quote! {
                    #i => ::core::result::Result::Ok(
                        ::desk_schema::__private::object(
                            __desk_de,
                            __desk_path,
                            __desk_walk,
                            #walker { ctx: __desk_ctx, path: __desk_path, marker: ::desk_schema::__private::PhantomData },
                        )?
                        .map(__DeskView::#vi),
                    ),
                });
            }
        }
    }
    let fallback = match other {
        Some(other) => {
            let i = variants.len();
            unit_arms.push(quote!(#i => ::core::option::Option::Some(__DeskView::#other),));
            quote!(::core::option::Option::Some(#i))
        }
        None => quote!(::core::option::Option::None),
    };
    let params = Params::of(input);
    let name = format_ident!("__DeskEnumWalker");
    let header = walker_header(
        &params,
        &quote!(::desk_schema::__private::EnumWalker<'__desk_de>),
        &name,
        &[quote!('__desk_a)],
        input.context.is_some(),
        ctx_ty,
    );
    let walker_def = walker_struct(&params, &name, false);
    let view = params.view(&format_ident!("__DeskView"));
    quote! {
        #(#objects)*

        #walker_def

        #[automatically_derived]
        #header {
            type Out = #view;
            const NAMES: &'static [&'static str] = &[#(#names),*];

            fn variant(__desk_tag: &str) -> ::core::option::Option<usize> {
                match __desk_tag {
                    #(#tag_arms)*
                    _ => #fallback,
                }
            }

            fn unit(__desk_index: usize) -> ::core::option::Option<#view> {
                match __desk_index {
                    #(#unit_arms)*
                    _ => ::core::option::Option::None,
                }
            }

            fn content<__DeskD: ::desk_schema::__private::serde::Deserializer<'__desk_de>>(
                &self,
                __desk_index: usize,
                __desk_de: __DeskD,
                __desk_path: &::desk_schema::Path<'_>,
                __desk_walk: &mut ::desk_schema::__private::Walk,
            ) -> ::core::result::Result<::core::option::Option<#view>, __DeskD::Error> {
                let __desk_ctx = self.ctx;
                let _ = (&__desk_ctx, &__desk_path, &__desk_walk);
                match __desk_index {
                    #(#content_arms)*
                    _ => {
                        let _ = __desk_de;
                        ::core::result::Result::Ok(::core::option::Option::None)
                    }
                }
            }
        }
    }
}

/// `check_de` of a data enum: the runtime reads the tag in serde's form.
pub fn data_enum_check_de(input: &Input, repr: &Repr) -> TokenStream {
    let repr = repr_tokens(repr);
    let deny = input.deny_unknown_fields;
    quote! {
        ::desk_schema::__private::data_enum(
            __desk_de,
            #repr,
            #deny,
            __desk_path,
            __desk_walk,
            __DeskEnumWalker { ctx: __desk_ctx, marker: ::desk_schema::__private::PhantomData },
        )
    }
}
