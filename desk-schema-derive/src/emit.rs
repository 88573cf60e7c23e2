//! Stage three: code from the checked model. Generated code reaches the
//! runtime only by absolute paths and names its locals `__desk_*`, so it
//! compiles whatever the user's module has shadowed.

use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};

use crate::model::{Field, Input, Rule, RuleKind, SerdeDefault, Shape, Variant};

pub fn emit(input: &Input) -> TokenStream {
    let body = match &input.shape {
        Shape::Struct(fields) => emit_struct(input, fields),
        Shape::Enum(variants) => emit_enum(input, variants),
    };
    quote! {
        #[doc(hidden)]
        #[allow(non_upper_case_globals, unused_qualifications, clippy::all)]
        const _: () = {
            #body
        };
    }
}

fn opt_str(s: Option<&String>) -> TokenStream {
    match s {
        Some(s) => quote!(::core::option::Option::Some(#s)),
        None => quote!(::core::option::Option::None),
    }
}

fn opt_int(n: Option<i128>) -> TokenStream {
    match n {
        Some(n) => quote!(::core::option::Option::Some(#n)),
        None => quote!(::core::option::Option::None),
    }
}

/// The shared `JsonSchema` name and id of a derived type.
fn schema_names(ident: &syn::Ident) -> TokenStream {
    let name = ident.to_string();
    quote! {
        fn schema_name() -> ::std::borrow::Cow<'static, str> {
            ::std::borrow::Cow::Borrowed(#name)
        }
        fn schema_id() -> ::std::borrow::Cow<'static, str> {
            ::std::borrow::Cow::Borrowed(::core::concat!(::core::module_path!(), "::", #name))
        }
    }
}

fn emit_enum(input: &Input, variants: &[Variant]) -> TokenStream {
    let ident = &input.ident;
    let names: Vec<&String> = variants.iter().map(|v| &v.json).collect();
    let idents: Vec<&syn::Ident> = variants.iter().map(|v| &v.ident).collect();
    let docs = opt_str(input.docs.as_ref());
    let schema_names = schema_names(ident);
    quote! {
        const __DESK_NAMES: &[&str] = &[#(#names),*];

        #[automatically_derived]
        impl ::desk_schema::JsonView for #ident {
            type View<'__desk_de> = #ident;
            fn from_view(__desk_view: &#ident) -> ::core::option::Option<#ident> {
                ::core::option::Option::Some(match *__desk_view { #( #ident::#idents => #ident::#idents, )* })
            }
        }

        #[automatically_derived]
        impl<__DeskC: ?::core::marker::Sized> ::desk_schema::ValidateIn<__DeskC> for #ident {
            #[inline]
            fn validate_in(&self, _: &__DeskC, _: &::desk_schema::Path<'_>, _: &mut ::desk_schema::Report) {}
            fn check_de<'__desk_de, __DeskD: ::desk_schema::__private::serde::Deserializer<'__desk_de>>(
                __desk_de: __DeskD,
                _: &__DeskC,
                __desk_path: &::desk_schema::Path<'_>,
                __desk_walk: &mut ::desk_schema::Walk,
            ) -> ::core::result::Result<::core::option::Option<#ident>, __DeskD::Error> {
                let __desk_scalar = ::desk_schema::__private::scalar(__desk_de)?;
                ::core::result::Result::Ok(
                    ::desk_schema::__private::variant(&__desk_scalar, __DESK_NAMES, __desk_path, __desk_walk)
                        .and_then(|__desk_index| [#(#ident::#idents),*].into_iter().nth(__desk_index)),
                )
            }
        }

        #[automatically_derived]
        impl ::desk_schema::Validate for #ident {
            type Context = ();
            #[inline]
            fn validate_with(&self, _: &()) -> ::core::result::Result<(), ::desk_schema::Report> {
                ::core::result::Result::Ok(())
            }
        }

        #[automatically_derived]
        impl ::desk_schema::__private::schemars::JsonSchema for #ident {
            #schema_names
            fn json_schema(_: &mut ::desk_schema::__private::schemars::SchemaGenerator) -> ::desk_schema::__private::schemars::Schema {
                ::desk_schema::__private::enum_schema(__DESK_NAMES, #docs)
            }
        }
    }
}

/// The context type in an impl: the declared one, or the impl's parameter.
struct Ctx {
    ty: TokenStream,
    /// `<__DeskC: ?Sized>` for types with no context of their own.
    generics: TokenStream,
    /// The context as a custom rule's argument (none without a declared context).
    arg: TokenStream,
    /// The `Validate::Context`.
    assoc: TokenStream,
}

fn ctx(input: &Input) -> Ctx {
    match &input.context {
        Some(ty) => Ctx {
            ty: quote!(#ty),
            generics: quote!(),
            arg: quote!(, __desk_ctx),
            assoc: quote!(#ty),
        },
        None => Ctx {
            ty: quote!(__DeskC),
            generics: quote!(<__DeskC: ?::core::marker::Sized>),
            arg: quote!(),
            assoc: quote!(()),
        },
    }
}

fn emit_struct(input: &Input, fields: &[Field]) -> TokenStream {
    let ident = &input.ident;
    let ctx = ctx(input);
    let (ctx_ty, generics, ctx_arg, assoc) = (&ctx.ty, &ctx.generics, &ctx.arg, &ctx.assoc);

    let typed = fields.iter().map(|f| typed_field(f, &ctx));
    let schema = fields.iter().map(schema_field);
    let rust_names = fields
        .iter()
        .map(|f| f.ident.to_string().trim_start_matches("r#").to_owned());
    let json_names: Vec<&String> = fields.iter().map(|f| &f.json).collect();
    let struct_checks: Vec<&syn::Path> = input.customs.iter().map(|c| &c.check).collect();
    let struct_descriptions = input.customs.iter().map(|c| &c.description);
    let deny = input.deny_unknown_fields;
    let schema_with = input
        .schema_with
        .as_ref()
        .map(|p| quote!(#p(&mut __desk_schema, __desk_gen);));
    let docs = opt_str(input.docs.as_ref());
    let schema_names = schema_names(ident);
    let view = emit_view(input, fields);
    let walker = emit_walker(input, fields, &ctx);

    quote! {
        #[automatically_derived]
        impl ::desk_schema::__private::JsonNames for #ident {
            fn json_name(__desk_rust: &str) -> ::core::option::Option<&'static str> {
                match __desk_rust {
                    #( #rust_names => ::core::option::Option::Some(#json_names), )*
                    _ => ::core::option::Option::None,
                }
            }
        }

        #[automatically_derived]
        impl #generics ::desk_schema::ValidateIn<#ctx_ty> for #ident {
            fn validate_in(
                &self,
                __desk_ctx: &#ctx_ty,
                __desk_path: &::desk_schema::Path<'_>,
                __desk_report: &mut ::desk_schema::Report,
            ) {
                let _ = &__desk_ctx;
                #(#typed)*
                let mut __desk_scope = ::desk_schema::Scope::new(__desk_path, __desk_report);
                let _ = &mut __desk_scope;
                #( #struct_checks(self #ctx_arg, &mut __desk_scope); )*
            }

            fn check_de<'__desk_de, __DeskD: ::desk_schema::__private::serde::Deserializer<'__desk_de>>(
                __desk_de: __DeskD,
                __desk_ctx: &#ctx_ty,
                __desk_path: &::desk_schema::Path<'_>,
                __desk_walk: &mut ::desk_schema::Walk,
            ) -> ::core::result::Result<::core::option::Option<__DeskView<'__desk_de>>, __DeskD::Error> {
                ::desk_schema::__private::object(
                    __desk_de,
                    __desk_path,
                    __desk_walk,
                    __DeskWalker { ctx: __desk_ctx, path: __desk_path },
                )
            }
        }

        // After the typed code, so a misplaced rule's first error names the
        // field's own type rather than its view.
        #view
        #walker

        #[automatically_derived]
        impl ::desk_schema::Validate for #ident {
            type Context = #assoc;
            fn validate_with(&self, __desk_ctx: &#assoc) -> ::core::result::Result<(), ::desk_schema::Report> {
                let mut __desk_report = ::desk_schema::Report::new();
                <Self as ::desk_schema::ValidateIn<#assoc>>::validate_in(self, __desk_ctx, &::desk_schema::Path::Root, &mut __desk_report);
                __desk_report.into_result()
            }
        }

        #[automatically_derived]
        impl ::desk_schema::__private::schemars::JsonSchema for #ident {
            #schema_names
            fn json_schema(__desk_gen: &mut ::desk_schema::__private::schemars::SchemaGenerator) -> ::desk_schema::__private::schemars::Schema {
                let mut __desk_props = ::std::vec::Vec::new();
                let mut __desk_required: ::std::vec::Vec<&str> = ::std::vec::Vec::new();
                #(#schema)*
                let mut __desk_schema = ::desk_schema::__private::object_schema(#docs, __desk_props, &__desk_required, #deny);
                #( ::desk_schema::rules::describe(&mut __desk_schema, #struct_descriptions); )*
                #schema_with
                __desk_schema
            }
        }
    }
}

/// The type a field is read as from raw JSON.
fn view_ty(field: &Field) -> TokenStream {
    let ty = &field.ty;
    if field.is_buffered() {
        quote!(::desk_schema::__private::serde_json::Value)
    } else {
        quote!(<#ty as ::desk_schema::JsonView>::View<'__desk_de>)
    }
}

/// The value serde gives an absent field, or `?` out when there is none.
fn absent_value(ty: &syn::Type, default: &SerdeDefault) -> TokenStream {
    match default {
        Some(Some(path)) => quote!(#path()),
        Some(None) => quote!(<#ty as ::core::default::Default>::default()),
        None => quote!(::desk_schema::__private::absent::<#ty>()?),
    }
}

/// The view struct of a derived type (its fields' views, each `None` when
/// absent or of the wrong shape) and its conversion back to the type.
fn emit_view(input: &Input, fields: &[Field]) -> TokenStream {
    let ident = &input.ident;
    let names: Vec<&syn::Ident> = fields.iter().map(|f| &f.ident).collect();
    let tys = fields.iter().map(view_ty);
    let convert = fields.iter().map(|f| {
        let (name, ty) = (&f.ident, &f.ty);
        let absent = absent_value(ty, &f.default);
        let present = if f.is_buffered() {
            quote!(::desk_schema::__private::from_value::<#ty>(__desk_v)?)
        } else {
            quote!(<#ty as ::desk_schema::JsonView>::from_view(__desk_v)?)
        };
        quote! {
            #name: match __desk_view.#name.as_ref() {
                ::core::option::Option::Some(__desk_v) => #present,
                ::core::option::Option::None => #absent,
            },
        }
    });
    let skipped = input.serde_skipped.iter().map(|(name, default)| {
        let value = match default {
            Some(Some(path)) => quote!(#path()),
            _ => quote!(::core::default::Default::default()),
        };
        quote!(#name: #value,)
    });
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
                ::core::option::Option::Some(#ident { #(#convert)* #(#skipped)* })
            }
        }
    }
}

/// The walk over an object's properties: in document order while reading,
/// then field by field in declaration order.
fn emit_walker(input: &Input, fields: &[Field], ctx: &Ctx) -> TokenStream {
    let ident = &input.ident;
    let (ctx_ty, ctx_arg) = (&ctx.ty, &ctx.arg);
    let impl_generics = match &input.context {
        Some(_) => quote!(<'__desk_de, '__desk_a, '__desk_p>),
        None => quote!(<'__desk_de, '__desk_a, '__desk_p, __DeskC: ?::core::marker::Sized>),
    };
    let json_names: Vec<&String> = fields.iter().map(|f| &f.json).collect();
    let vars: Vec<syn::Ident> = (0..fields.len())
        .map(|i| quote::format_ident!("__desk_v{}", i))
        .collect();
    let walks: Vec<syn::Ident> = (0..fields.len())
        .map(|i| quote::format_ident!("__desk_w{}", i))
        .collect();
    let seen: Vec<syn::Ident> = (0..fields.len())
        .map(|i| quote::format_ident!("__desk_s{}", i))
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
                    #walk = ::desk_schema::Walk::new();
                }
                #seen = true;
                #read
            }
        }
    });
    let unknown = if input.deny_unknown_fields {
        quote!(::desk_schema::__private::unknown(__desk_path, &mut __desk_unknown.report, __desk_other, &[#(#json_names),*]);)
    } else {
        quote!(let _ = __desk_other;)
    };
    let after = fields
        .iter()
        .enumerate()
        .map(|(i, f)| raw_after(f, ctx, &vars[i], &walks[i], &seen[i]));
    let names: Vec<&syn::Ident> = fields.iter().map(|f| &f.ident).collect();
    // A struct rule with a raw form runs on the view whatever else is wrong;
    // one without runs only once the object converts to the type.
    let raw_forms = input.customs.iter().filter_map(|c| c.check_value.as_ref());
    let typed_only: Vec<&syn::Path> = input
        .customs
        .iter()
        .filter(|c| c.check_value.is_none())
        .map(|c| &c.check)
        .collect();
    let typed_checks = (!typed_only.is_empty()).then(|| {
        quote! {
            if __desk_walk.report.shape_count() == __desk_shape {
                if let ::core::option::Option::Some(__desk_typed) = <#ident as ::desk_schema::JsonView>::from_view(&__desk_view) {
                    let mut __desk_scope = ::desk_schema::Scope::new(__desk_path, &mut __desk_walk.report);
                    #( #typed_only(&__desk_typed #ctx_arg, &mut __desk_scope); )*
                }
            }
        }
    });
    quote! {
        struct __DeskWalker<'__desk_a, '__desk_p, __DeskC: ?::core::marker::Sized> {
            ctx: &'__desk_a __DeskC,
            path: &'__desk_a ::desk_schema::Path<'__desk_p>,
        }

        #[automatically_derived]
        impl #impl_generics ::desk_schema::__private::ObjectWalker<'__desk_de> for __DeskWalker<'__desk_a, '__desk_p, #ctx_ty> {
            type Out = __DeskView<'__desk_de>;

            fn walk<__DeskA: ::desk_schema::__private::MapAccess<'__desk_de>>(
                self,
                mut __desk_map: __DeskA,
                __desk_walk: &mut ::desk_schema::Walk,
            ) -> ::core::result::Result<__DeskView<'__desk_de>, __DeskA::Error> {
                let __desk_ctx = self.ctx;
                let __desk_path = self.path;
                let _ = &__desk_ctx;
                #( let mut #vars: ::core::option::Option<#tys> = ::core::option::Option::None; )*
                #( let mut #walks = ::desk_schema::Walk::new(); )*
                #( let mut #seen = false; )*
                let mut __desk_own = ::desk_schema::Walk::new();
                let mut __desk_unknown = ::desk_schema::Walk::new();
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
                let __desk_shape = __desk_walk.report.shape_count();
                let _ = __desk_shape;
                __desk_walk.append(&mut __desk_own);
                #(#after)*
                __desk_walk.append(&mut __desk_unknown);
                let __desk_view = __DeskView {
                    #( #names: #vars, )*
                    __desk_marker: ::desk_schema::__private::PhantomData,
                };
                {
                    let mut __desk_scope = ::desk_schema::Scope::new(__desk_path, &mut __desk_walk.report);
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
/// read, then its rules on the view, or `required` when it was absent.
fn raw_after(
    field: &Field,
    ctx: &Ctx,
    var: &syn::Ident,
    walk: &syn::Ident,
    seen: &syn::Ident,
) -> TokenStream {
    let (json, ty) = (&field.json, &field.ty);
    let absent_ok = if field.default.is_some() {
        quote!(true)
    } else {
        quote!(::desk_schema::__private::may_be_absent::<#ty>())
    };
    let has_customs = field
        .rules
        .iter()
        .any(|r| matches!(r.kind, RuleKind::Custom { .. }));
    let typed_customs = custom_checks(field, &quote!(&__desk_typed), ctx);
    let absent_customs = has_customs.then(|| {
        quote! {
            if let ::core::option::Option::Some(__desk_typed) = ::desk_schema::__private::absent::<#ty>() {
                #typed_customs
            }
        }
    });
    let present = if field.is_buffered() {
        let customs = has_customs.then(|| {
            quote! {
                if let ::core::option::Option::Some(__desk_typed) = ::desk_schema::__private::from_value::<#ty>(__desk_view) {
                    #typed_customs
                }
            }
        });
        quote! {
            ::desk_schema::__private::check_skipped::<#ty>(__desk_view, &__desk_fpath, __desk_report);
            #customs
        }
    } else {
        let target = quote!(__desk_view);
        let rules = field
            .rules
            .iter()
            .map(|r| rule_check(r, field, &target, true));
        let customs = has_customs.then(|| {
            quote! {
                if let ::core::option::Option::Some(__desk_typed) = <#ty as ::desk_schema::JsonView>::from_view(__desk_view) {
                    #typed_customs
                }
            }
        });
        quote! {
            #(#rules)*
            #customs
        }
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
                    if !(#absent_ok) {
                        ::desk_schema::__private::required(__desk_path, __desk_report, #json);
                    }
                    #absent_customs
                }
                ::core::option::Option::None => {}
            }
        }
    }
}

/// `Item::json_name("field")`, the JSON name of a list item's key field.
fn item_key_name(ty: &syn::Type, key: &syn::Ident) -> TokenStream {
    let key_str = key.to_string();
    quote! {
        <::desk_schema::__private::ItemOf<#ty> as ::desk_schema::__private::JsonNames>::json_name(#key_str).unwrap_or(#key_str)
    }
}

/// The check of one rule on `target` (a reference to the field, or to its
/// JSON view). `raw` selects the JSON form of rules that differ.
fn rule_check(rule: &Rule, field: &Field, target: &TokenStream, raw: bool) -> TokenStream {
    let ty = &field.ty;
    let at = quote!(&__desk_fpath, __desk_report);
    let r = quote!(::desk_schema::rules);
    let call = match &rule.kind {
        RuleKind::MaxBytes(n) => quote!(#r::bytes::max(#target, #n, #at)),
        RuleKind::MinBytes(n) => quote!(#r::bytes::min(#target, #n, #at)),
        RuleKind::MaxChars(n) => quote!(#r::chars::max(#target, #n, #at)),
        RuleKind::MinChars(n) => quote!(#r::chars::min(#target, #n, #at)),
        RuleKind::MaxGraphemes(n) => quote!(#r::graphemes::max(#target, #n, #at)),
        RuleKind::MinGraphemes(n) => quote!(#r::graphemes::min(#target, #n, #at)),
        RuleKind::OneOf(values) => quote!(#r::one_of::check(#target, &[#(#values),*], #at)),
        RuleKind::PrintableAscii => quote!(#r::charset::printable_ascii(#target, #at)),
        RuleKind::NotPrefix(p) => quote!(#r::prefix::check(#target, #p, #at)),
        RuleKind::Range { min, max } => {
            let (min, max) = (opt_int(*min), opt_int(*max));
            quote!(#r::range::check(#target, #min, #max, #at))
        }
        RuleKind::MaxItems(n) => quote!(#r::items::max(#target, #n, #at)),
        RuleKind::MinItems(n) => quote!(#r::items::min(#target, #n, #at)),
        RuleKind::Unique { by: Some(key) } => {
            let name = item_key_name(ty, key);
            if raw {
                quote! {
                    #r::unique::by_view_key(
                        #target,
                        |__desk_item: &<::desk_schema::__private::ItemOf<#ty> as ::desk_schema::JsonView>::View<'__desk_de>| __desk_item.#key.as_ref(),
                        #name,
                        #at,
                    )
                }
            } else {
                quote! {
                    #r::unique::by_key(
                        #target,
                        |__desk_item: &::desk_schema::__private::ItemOf<#ty>| &__desk_item.#key,
                        #name,
                        #at,
                    )
                }
            }
        }
        RuleKind::Unique { by: None } => {
            if raw {
                quote!(#r::unique::whole_view(#target, #at))
            } else {
                quote!(#r::unique::whole(#target, #at))
            }
        }
        // Custom rules need the typed value: see `custom_checks`.
        RuleKind::Custom { .. } | RuleKind::Nested | RuleKind::Skip => return quote!(),
    };
    respan(quote!(#call;), rule.span)
}

/// Gives every token the attribute's span, so that a type error in a rule's
/// call (a byte limit on a `u32`) points at the attribute, not the derive.
fn respan(tokens: TokenStream, span: proc_macro2::Span) -> TokenStream {
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

/// Field-level custom rules applied to `value` (a reference to the typed field).
fn custom_checks(field: &Field, value: &TokenStream, ctx: &Ctx) -> TokenStream {
    let ctx_arg = &ctx.arg;
    let calls = field.rules.iter().filter_map(|rule| match &rule.kind {
        RuleKind::Custom { check, .. } => Some(quote_spanned! {rule.span=>
            ::desk_schema::rules::custom::record(#check(#value #ctx_arg), &__desk_fpath, __desk_report);
        }),
        _ => None,
    });
    quote!(#(#calls)*)
}

fn typed_field(field: &Field, ctx: &Ctx) -> TokenStream {
    if field.skip {
        return quote!();
    }
    let (ident, json, ty, ctx_ty) = (&field.ident, &field.json, &field.ty, &ctx.ty);
    let target = quote!(&self.#ident);
    let leaf = (field.nested.is_none() && field.has_builtin_rules()).then(|| {
        let span = field.rules[0].span;
        quote_spanned!(span=> ::desk_schema::__private::assert_leaf::<#ty>();)
    });
    let rules = field
        .rules
        .iter()
        .map(|r| rule_check(r, field, &target, false));
    let customs = custom_checks(field, &target, ctx);
    let nested = field.nested.map(|span| {
        quote_spanned! {span=>
            <#ty as ::desk_schema::ValidateIn<#ctx_ty>>::validate_in(&self.#ident, __desk_ctx, &__desk_fpath, __desk_report);
        }
    });
    quote! {
        {
            let __desk_fpath = __desk_path.key(#json);
            #leaf
            #(#rules)*
            #customs
            #nested
        }
    }
}

fn schema_rule(rule: &Rule, field: &Field) -> TokenStream {
    let r = quote!(::desk_schema::rules);
    let s = quote!(&mut __desk_s);
    let call = match &rule.kind {
        RuleKind::MaxBytes(n) => quote!(#r::bytes::schema_max(#s, #n)),
        RuleKind::MinBytes(n) => quote!(#r::bytes::schema_min(#s, #n)),
        RuleKind::MaxChars(n) => quote!(#r::chars::schema_max(#s, #n)),
        RuleKind::MinChars(n) => quote!(#r::chars::schema_min(#s, #n)),
        RuleKind::MaxGraphemes(n) => quote!(#r::graphemes::schema_max(#s, #n)),
        RuleKind::MinGraphemes(n) => quote!(#r::graphemes::schema_min(#s, #n)),
        RuleKind::OneOf(values) => quote!(#r::one_of::schema(#s, &[#(#values),*])),
        RuleKind::PrintableAscii => quote!(#r::charset::schema_printable_ascii(#s)),
        RuleKind::NotPrefix(p) => quote!(#r::prefix::schema(#s, #p)),
        RuleKind::Range { min, max } => {
            let (min, max) = (opt_int(*min), opt_int(*max));
            quote!(#r::range::schema(#s, #min, #max))
        }
        RuleKind::MaxItems(n) => quote!(#r::items::schema_max(#s, #n)),
        RuleKind::MinItems(n) => quote!(#r::items::schema_min(#s, #n)),
        RuleKind::Unique { by: Some(key) } => {
            let name = item_key_name(&field.ty, key);
            quote!(#r::unique::schema_by_key(#s, #name))
        }
        RuleKind::Unique { by: None } => quote!(#r::unique::schema_whole(#s)),
        RuleKind::Custom { description, .. } => quote!(#r::describe(#s, #description)),
        RuleKind::Nested | RuleKind::Skip => return quote!(),
    };
    quote!(#call;)
}

fn schema_field(field: &Field) -> TokenStream {
    let (json, ty) = (&field.json, &field.ty);
    let rules = field.rules.iter().map(|r| schema_rule(r, field));
    let doc = field
        .docs
        .as_ref()
        .map(|d| quote!(::desk_schema::__private::field_description(&mut __desk_s, #d);));
    let required = field.default.is_none().then(|| {
        quote! {
            if !::desk_schema::__private::may_be_absent::<#ty>() {
                __desk_required.push(#json);
            }
        }
    });
    quote! {
        {
            let mut __desk_s = __desk_gen.subschema_for::<#ty>();
            #(#rules)*
            #doc
            __desk_props.push((#json, __desk_s));
            #required
        }
    }
}
