//! The impls of `ValidateIn` and `Validate`: the typed checks
//! (`validate_in`, on a value built in Rust) and the walk of raw JSON
//! (`check_de`, which runs the walkers of [`super::walker`] by name), from
//! the per-field checks of [`super::checks`].

use proc_macro2::TokenStream;
use quote::quote;

use super::checks::{self, field_checks};
use super::facts::{Facts, own_view};
use super::rule::{Target, const_checks};
use super::{Ctx, Params, content_path, repr_tokens, self_ty};
use crate::model::{DataVariant, Field, Input, Repr, VariantData};

/// `range` bounds that must fit the field's integer type, as constants
/// evaluated at compile time (outside any impl, so an error names only the
/// user's type).
///
/// Bounds the derive has checked itself (`check::checks_range_bounds`, on
/// a type written with the standard library's names alone) need no
/// constant.
pub(super) fn range_consts(input: &Input, fields: &[&Field]) -> TokenStream {
    let checked = crate::check::checks_range_bounds(&input.generics);
    let consts = fields.iter().map(|f| {
        // Outside any impl, where the type's lifetimes are not declared.
        let ty = super::facts::static_lifetimes(&f.ty);
        // Read by its names only where they are all the standard library's
        // (which `Facts::std_named` holds it to): `my::Option<u32>` may be
        // a float, whatever its last name says.
        let written = (checked && super::facts::std_only(&f.ty)).then_some(&f.ty);
        const_checks(&f.rules, &quote!(#ty), written)
    });
    quote!(#(#consts)*)
}

/// The typed checks of an object's field: `value` is a reference to it. Its
/// path is the object's one slot ([`field_slot`]) with the field's name.
fn typed_field(field: &Field, ctx: &Ctx, value: Target<'_>) -> TokenStream {
    if field.is_buffered() {
        let value = value.tokens();
        let probes = super::checks::skipped_types(&field.ty, ctx);
        return quote!(let _ = #value; #probes);
    }
    let json = &field.json;
    let checks = field_checks(field, ctx, value);
    quote! {
        {
            let __desk_fpath = __desk::typed::field_at(&mut __desk_fslot, #json);
            #checks
        }
    }
}

/// The one path that the typed checks of an object's fields share, below
/// `parent` (a struct's path, or a struct variant's content's): each field
/// writes its name into it ([`typed_field`]), two words where a path of its
/// own would be four. None when no field is checked.
fn field_slot(fields: &[Field], parent: &TokenStream) -> Option<TokenStream> {
    fields
        .iter()
        .any(|f| !f.is_buffered())
        .then(|| quote!(let mut __desk_fslot = #parent.key("");))
}

/// `ValidateIn` (typed `body`, raw `check_de`) and `Validate` for a struct
/// or a newtype.
fn impls(
    input: &Input,
    ctx: &Ctx,
    body: &TokenStream,
    check_de: &TokenStream,
    serde_same: &TokenStream,
) -> TokenStream {
    let (ctx_ty, assoc) = (&ctx.ty, &ctx.assoc);
    let params = Params::of(input);
    let ty = self_ty(input);
    let ctx_param = if input.context.is_some() {
        vec![]
    } else {
        let c = super::any_context();
        vec![quote!(#c: ?__desk::Sized)]
    };
    let owned = quote!(__desk::serde::de::DeserializeOwned);
    let decl = params.decl(&[], &ctx_param);
    let bounds = params.where_clause(&quote!(__desk::ValidateIn<#ctx_ty> + #owned), &[]);
    let vdecl = params.decl(&[], &[]);
    let vbounds = params.where_clause(&quote!(__desk::ValidateIn<#assoc> + #owned), &[]);
    let validate_in = super::gate::impl_at_first(
        input,
        quote!(#[automatically_derived] impl #decl __desk::ValidateIn<#ctx_ty> for #ty #bounds),
        quote! {
            const SERDE_SAME: __desk::bool = #serde_same;

            #[inline]
            fn validate_in(
                &self,
                __desk_ctx: &#ctx_ty,
                __desk_path: &__desk::Path<'_>,
                __desk_report: &mut __desk::Report,
            ) {
                #body
            }

            #check_de
        },
    );
    quote! {
        #validate_in

        #[automatically_derived]
        impl #vdecl __desk::Validate for #ty #vbounds {
            type Context = #assoc;
            #[inline]
            fn validate_with(&self, __desk_ctx: &#assoc) -> __desk::Result<(), __desk::Report> {
                __desk::typed::validate_with(self, __desk_ctx)
            }
        }
    }
}

/// The signature of `check_de`, whose body each shape's walker writes.
fn check_de(
    input: &Input,
    view: &TokenStream,
    ctx_ty: &TokenStream,
    body: &TokenStream,
) -> TokenStream {
    // The signature names the view, and so the gated fields' types: at
    // the gate's span (`gate::at`).
    let sig = super::gate::at_first(
        input,
        quote! {
            fn check_de<'__desk_de, __DeskD: __desk::serde::Deserializer<'__desk_de>>(
                __desk_de: __DeskD,
                __desk_ctx: &#ctx_ty,
                __desk_path: &__desk::Path<'_>,
                __desk_walk: &mut __desk::Walk,
            ) -> __desk::Result<__desk::Option<#view>, __DeskD::Error>
        },
    );
    let body = super::gate::braces_at_first(
        input,
        quote! {
            #body
        },
    );
    quote!(#sig #body)
}

pub(super) fn object(input: &Input, facts: &Facts, fields: &[Field], ctx: &Ctx) -> TokenStream {
    let ctx_ty = &ctx.ty;
    let typed = fields
        .iter()
        .map(|f| (f, typed_field(f, ctx, Target::SelfField(&f.member))))
        .collect();
    let typed = super::in_name_order(typed);
    let slot = field_slot(fields, &quote!(__desk_path));
    // As the walk runs them (`walker::struct_rules`): one with a raw form
    // whatever else is wrong; one without only on a value it could read,
    // none of whose numbers is past its type (see `checks::field_checks`).
    let (raw, typed_only): (Vec<_>, Vec<_>) =
        input.customs.iter().partition(|c| c.check_value.is_some());
    let raw: Vec<TokenStream> = raw
        .iter()
        .map(|c| struct_rule_call(&c.check, ctx))
        .collect();
    let typed_only: Vec<TokenStream> = typed_only
        .iter()
        .map(|c| struct_rule_call(&c.check, ctx))
        .collect();
    let readable = (!typed_only.is_empty())
        .then(|| quote!(let __desk_whole_readable = __desk::unreadable_count(__desk_report);));
    let struct_checks = (!input.customs.is_empty()).then(|| {
        let (read, typed_only) = if typed_only.is_empty() {
            (None, None)
        } else {
            (
                Some(quote! {
                    let __desk_read = __desk::unreadable_count(__desk_report) == __desk_whole_readable;
                }),
                Some(quote! {
                    if __desk_read {
                        #( #typed_only )*
                    }
                }),
            )
        };
        quote! {
            #read
            let mut __desk_scope = __desk::scope(__desk_path, __desk_report);
            #( #raw )*
            #typed_only
        }
    });
    let check_de = check_de(
        input,
        &Params::of(input).view(&quote::format_ident!("__DeskView")),
        ctx_ty,
        &object_check_de(),
    );
    let impls = impls(
        input,
        ctx,
        &quote! {
            #readable
            #slot
            #(#typed)*
            #struct_checks
        },
        &check_de,
        &facts.serde_same(input, ctx),
    );
    let consts = range_consts(input, &fields.iter().collect::<Vec<_>>());
    quote! {
        #consts
        #impls
    }
}

/// A struct-level rule's `check` called on `self`, its result held to `()`
/// (`StructRuleResult`): a rule that returns a `bool` or a `Result` is an
/// error at its name, here only (the walk's call of the same function
/// would say it again).
fn struct_rule_call(check: &syn::Path, ctx: &Ctx) -> TokenStream {
    let ctx_arg = &ctx.arg;
    // `self` and the scope keep the derive's span (interpolated, not written
    // in the template): a `macro_rules!` that passes `check` in would
    // otherwise look them up in its own hygiene.
    let (this, scope) = (quote!(self), quote!(&mut __desk_scope));
    quote::quote_spanned! {syn::spanned::Spanned::span(check)=>
        <_ as __desk::custom::StructRuleResult>::done(#check(#this #ctx_arg, #scope));
    }
}

/// A struct's field names, as `Nested` holds them (`gate::impl_nested`).
pub(super) fn field_names(fields: &[Field], skipped: &[crate::model::Skipped]) -> TokenStream {
    let rust_names: Vec<String> = fields
        .iter()
        .map(|f| match &f.member {
            syn::Member::Named(i) => super::rust_name(i),
            syn::Member::Unnamed(i) => i.index.to_string(),
        })
        .collect();
    let json_names: Vec<&String> = fields.iter().map(|f| &f.json).collect();
    let renamed = (rust_names.iter().zip(&json_names).any(|(r, j)| r != *j))
        .then(|| quote!(const JSON_NAMES: &'static [&'static __desk::str] = &[#(#json_names),*];));
    // No keys for `unique(by = ...)`: fields serde fills in where the JSON
    // has none (a default other than an `Option`'s `None`, and the fields
    // serde never reads), and those read whole (`#[desk(skip)]`).
    let no_keys: Vec<String> = fields
        .iter()
        .zip(&rust_names)
        .filter(|(f, _)| {
            f.is_buffered()
                || (!matches!(f.absent, crate::model::Absent::Required)
                    && !super::defaults_to_none(f))
        })
        .map(|(_, name)| name.clone())
        .chain(
            super::view::not_read(skipped)
                .into_iter()
                .map(super::rust_name),
        )
        .collect();
    let no_keys = (!no_keys.is_empty())
        .then(|| quote!(const NO_KEYS: &'static [&'static __desk::str] = &[#(#no_keys),*];));
    quote! {
        const RUST_NAMES: &'static [&'static __desk::str] = &[#(#rust_names),*];
        #renamed
        #no_keys
    }
}

/// A newtype: its one field's checks at the newtype's own path.
pub(super) fn newtype(input: &Input, facts: &Facts, field: &Field, ctx: &Ctx) -> TokenStream {
    let ctx_ty = &ctx.ty;
    let member = &field.member;
    let checks = field_checks(field, ctx, Target::SelfField(member));
    let wrapped = own_view(input, &field.ty);
    let view = if wrapped {
        Params::of(input).view(&quote::format_ident!("__DeskView"))
    } else {
        let ty = &field.ty;
        quote!(<#ty as __desk::JsonView>::View<'__desk_de>)
    };
    let check_de = check_de(input, &view, ctx_ty, &newtype_check_de(field, ctx, wrapped));
    let impls = impls(
        input,
        ctx,
        &quote! {
            let __desk_fpath = __desk_path;
            #checks
        },
        &check_de,
        &facts.serde_same(input, ctx),
    );
    let consts = range_consts(input, &[field]);
    quote! {
        #consts

        #impls
    }
}

/// A unit enum: no rules of its own, its raw form is one of its names.
pub(super) fn unit_enum(input: &Input) -> TokenStream {
    let ident = &input.ident;
    let c = super::any_context();
    let check_de = check_de(input, &quote!(#ident), &quote!(#c), &unit_enum_check_de());
    quote! {
        #[automatically_derived]
        impl<#c: ?__desk::Sized> __desk::ValidateIn<#c> for #ident {
            const SERDE_SAME: __desk::bool = true;
            #[inline]
            fn validate_in(&self, _: &#c, _: &__desk::Path<'_>, _: &mut __desk::Report) {}
            #check_de
        }

        #[automatically_derived]
        impl __desk::Validate for #ident {
            type Context = ();
            #[inline]
            fn validate_with(&self, _: &()) -> __desk::Result<(), __desk::Report> {
                __desk::Ok(())
            }
        }
    }
}

/// A data enum: the checks of the variant held, at its content's path.
pub(super) fn data_enum(
    input: &Input,
    facts: &Facts,
    repr: &Repr,
    variants: &[DataVariant],
    ctx: &Ctx,
) -> TokenStream {
    let ident = &input.ident;
    let ctx_ty = &ctx.ty;
    let mut all_fields: Vec<&Field> = Vec::new();
    let arms = variants.iter().map(|v| {
        let vi = &v.head.ident;
        let at = content_path(repr, &v.head.json);
        match &v.data {
            VariantData::Unit => quote!(#ident::#vi => {}),
            VariantData::Newtype(field) => {
                all_fields.push(field);
                let checks = field_checks(field, ctx, Target::Local("__desk_f"));
                quote! {
                    #ident::#vi(__desk_f) => {
                        let __desk_fpath = &#at;
                        #checks
                    }
                }
            }
            VariantData::Struct { fields, .. } => {
                all_fields.extend(fields.iter());
                let binds = fields.iter().enumerate().map(|(i, f)| {
                    let member = &f.member;
                    let var = quote::format_ident!("__desk_f{}", i);
                    quote!(#member: #var)
                });
                let checks = fields
                    .iter()
                    .enumerate()
                    .map(|(i, f)| {
                        let var = quote::format_ident!("__desk_f{}", i);
                        (f, typed_field(f, ctx, Target::Binding(&var)))
                    })
                    .collect();
                let checks = super::in_name_order(checks);
                let slot = field_slot(fields, &quote!(__desk_cpath));
                quote! {
                    #ident::#vi { #(#binds,)* .. } => {
                        let __desk_cpath = &#at;
                        #slot
                        #(#checks)*
                    }
                }
            }
        }
    });
    let arms: Vec<TokenStream> = arms.collect();
    let check_de = check_de(
        input,
        &Params::of(input).view(&quote::format_ident!("__DeskView")),
        ctx_ty,
        &data_enum_check_de(input, repr),
    );
    let impls = impls(
        input,
        ctx,
        &quote! {
            #[allow(unreachable_patterns)]
            match self {
                #(#arms)*
                _ => {}
            }
        },
        &check_de,
        &facts.serde_same(input, ctx),
    );
    let consts = range_consts(input, &all_fields);
    quote! {
        #consts

        #impls
    }
}

/// `check_de` of an object: its properties through the generated walker.
fn object_check_de() -> TokenStream {
    quote!(__desk::object(
        __desk_de,
        __desk_ctx,
        __desk_path,
        __desk_walk
    ))
}

/// `check_de` of a newtype: its field's walk, then its rules, at the same path.
fn newtype_check_de(field: &Field, ctx: &Ctx, wrapped: bool) -> TokenStream {
    let read = checks::newtype_read(field, ctx);
    let view = if wrapped {
        super::gate::at(
            field,
            quote!(__desk_read.map(|__desk_v| __DeskView(__desk_v, __desk::PhantomData))),
        )
    } else {
        quote!(__desk_read)
    };
    quote! {
        #read
        __desk::Ok(#view)
    }
}

/// `check_de` of a unit enum: a string that names a variant (or an alias),
/// or the `other` variant.
fn unit_enum_check_de() -> TokenStream {
    quote! {
        let __desk_scalar = __desk::scalar(__desk_de)?;
        __desk::Ok(
            __desk::enum_str(&__desk_scalar, __desk_path, __desk_walk)
                .and_then(|__desk_s| __desk_variant(__desk_s, __desk_path, __desk_walk)),
        )
    }
}

/// `check_de` of a data enum: the runtime reads the tag in serde's form.
fn data_enum_check_de(input: &Input, repr: &Repr) -> TokenStream {
    let repr = repr_tokens(repr);
    let deny = input.deny_unknown_fields;
    quote! {
        __desk::data_enum(
            __desk_de,
            #repr,
            #deny,
            __desk_path,
            __desk_walk,
            __DeskEnumWalker { ctx: __desk_ctx, marker: __desk::PhantomData },
        )
    }
}
