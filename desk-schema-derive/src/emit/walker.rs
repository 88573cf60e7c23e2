//! The walk over raw JSON (`ValidateIn::check_de`): read as it is parsed,
//! no tree built, every violation at its wire path: what the reads find, in
//! document order, then each field's rules in the order of the fields' names.

use proc_macro2::TokenStream;
use quote::{format_ident, quote, quote_spanned};

use super::checks::{self, custom_checks, field_checks, view_checks};
use super::rule::Target;
use super::{Ctx, Obj, Params, absent_value, none_default};
use crate::model::{DataVariant, Field, Input, Repr, Shape, Variant, VariantData};

/// An enum's walker: the context, and a marker for the derived type's own
/// parameters.
fn walker_struct(params: &Params, name: &syn::Ident) -> TokenStream {
    let c = super::any_context();
    let decl = params.decl(&[quote!('__desk_a)], &[quote!(#c: ?__desk::Sized)]);
    let phantom = params.phantom();
    quote! {
        #[allow(non_camel_case_types)]
        struct #name #decl {
            ctx: &'__desk_a #c,
            marker: __desk::PhantomData<#phantom>,
        }
    }
}

/// `impl<...> trait_ for self_ty`, with the bounds a walk of the derived
/// type's fields relies on: `lifetimes` are the walker's own, after
/// `'__desk_de`, and `self_ty` names them.
fn walker_header(
    params: &Params,
    trait_: &TokenStream,
    self_ty: &TokenStream,
    lifetimes: &[TokenStream],
    has_context: bool,
    ctx_ty: &TokenStream,
) -> TokenStream {
    let mut ours = vec![quote!('__desk_de)];
    ours.extend(lifetimes.iter().cloned());
    let types = if has_context {
        vec![]
    } else {
        let c = super::any_context();
        vec![quote!(#c: ?__desk::Sized)]
    };
    let decl = params.decl(&ours, &types);
    let bounds = params.where_clause(
        &quote!(__desk::ValidateIn<#ctx_ty> + __desk::serde::de::DeserializeOwned),
        &[],
    );
    quote!(impl #decl #trait_ for #self_ty #bounds)
}

/// The walk over an object's properties: in document order while reading,
/// then field by field in the order of their names.
pub(super) fn object(obj: &Obj<'_>, ctx: &Ctx) -> TokenStream {
    let (view_name, ctx_ty) = (&obj.view, &ctx.ty);
    let view = obj.params.view(&obj.view);
    let header = walker_header(
        &obj.params,
        &quote!(__desk::ObjectWalker<'__desk_de, #ctx_ty>),
        &view,
        &[],
        obj.context,
        &ctx.ty,
    );
    let slots: Vec<syn::Ident> = (0..obj.fields.len())
        .map(|i| format_ident!("__desk_f{}", i))
        .collect();
    // The shape violations so far: a struct rule without a raw form runs
    // only when the fields add none.
    let shape = obj.customs.iter().any(|c| c.check_value.is_none());
    let read = read_properties(obj, &slots, shape);
    let after = obj
        .fields
        .iter()
        .zip(&slots)
        .map(|(f, slot)| (f, after_read(&obj.ty, f, ctx, slot)))
        .collect();
    let after = super::in_name_order(after);
    let taken = obj.fields.iter().zip(&slots).map(|(f, slot)| {
        let name = f.view_ident();
        if f.is_buffered() {
            quote!(#name: #slot.value)
        } else {
            super::gate::at(f, quote!(#name: #slot.view))
        }
    });
    let not_read = super::view::not_read(obj.skipped);
    let struct_rules = struct_rules(obj, ctx);
    let p = quote!(__desk);
    quote! {
        #[automatically_derived]
        #header {
            fn walk<__DeskA: __desk::MapAccess<'__desk_de>>(
                __desk_map: __DeskA,
                __desk_ctx: &#ctx_ty,
                __desk_path: &__desk::Path<'_>,
                __desk_walk: &mut __desk::Walk,
            ) -> __desk::Result<Self, __DeskA::Error> {
                #read
                #(#after)*
                __desk_walk.append(&mut __desk_unknown);
                let __desk_view = #view_name {
                    #( #taken, )*
                    #( #not_read: #p::None, )*
                    __desk_marker: #p::PhantomData,
                };
                #struct_rules
                __desk::Ok(__desk_view)
            }
        }
    }
}

/// Reads every property into its field's slot (`slots`), in document order;
/// the violations of the reads go to the walk, unknown properties to
/// `__desk_unknown`, reported after the fields' rules.
/// With `shape`, `__desk_shape` first counts the shape violations found
/// before the reads'.
///
/// Every method of the runtime is called on a receiver of its exact type
/// (`&mut` a slot, `&` a `Whole`, the `&mut Properties` held): rustc takes
/// such a method before any trait's, so that a user's blanket trait in scope
/// with a method of the same name is never called instead
/// (`compile-tests/ui/blanket_traits.in`).
fn read_properties(obj: &Obj<'_>, slots: &[syn::Ident], shape: bool) -> TokenStream {
    let finish = if shape {
        quote! {
            let (mut __desk_own, mut __desk_unknown) = __desk_props.finish()?;
            let __desk_shape = __desk::shape_count(&__desk_walk.report);
            __desk_walk.append(&mut __desk_own);
        }
    } else {
        quote!(let mut __desk_unknown = __desk_props.finish_into_walk()?;)
    };
    let slot_tys = obj.fields.iter().map(|f| {
        let (ty, json) = (&f.ty, &f.json);
        if f.is_buffered() {
            quote!(__desk::Whole::new())
        } else {
            super::gate::at(f, quote!(__desk::Slot::<#ty, _>::new(#json)))
        }
    });
    let arms = obj.fields.iter().zip(slots).map(|(f, slot)| {
        let json = &f.json;
        if f.is_buffered() {
            quote!(#json => __desk_props.whole(&mut #slot, #json),)
        } else {
            let read = super::gate::at(f, quote!(__desk_props.slot(&mut #slot)));
            quote!(#json => #read,)
        }
    });
    let json_names = obj.fields.iter().map(|f| f.json.as_str()).chain(obj.tag);
    let known = if obj.deny_unknown_fields {
        quote!(__desk::Some(&[#(#json_names),*]))
    } else {
        quote!(__desk::None)
    };
    quote! {
        #( let mut #slots = #slot_tys; )*
        let __desk_props = &mut __desk::Properties::new(__desk_map, __desk_ctx, __desk_path, __desk_walk);
        while let __desk::Some(__desk_key) = __desk_props.next_key() {
            match &*__desk_key.0 {
                #(#arms)*
                __desk_other => __desk_props.other(__desk_other, #known),
            }
        }
        #finish
    }
}

/// The struct-level custom rules on `__desk_view`: one with a raw form runs
/// on the view whatever else is wrong; one without runs only once the object
/// converts to the type.
fn struct_rules(obj: &Obj<'_>, ctx: &Ctx) -> TokenStream {
    let (self_ty, ctx_arg) = (&obj.ty, &ctx.arg);
    let raw_forms = obj.customs.iter().filter_map(|c| c.check_value.as_ref());
    let typed_only: Vec<TokenStream> = obj
        .customs
        .iter()
        .filter(|c| c.check_value.is_none())
        .map(|c| super::callable(&c.check, ctx))
        .collect();
    let typed_checks = (!typed_only.is_empty()).then(|| {
        quote! {
            if __desk::shape_count(&__desk_walk.report) == __desk_shape {
                if let __desk::Some(__desk_typed) = <#self_ty as __desk::JsonView>::from_view(&__desk_view) {
                    let mut __desk_scope = __desk::scope(__desk_path, &mut __desk_walk.report);
                    #( #typed_only(&__desk_typed #ctx_arg, &mut __desk_scope); )*
                }
            }
        }
    });
    // The view as the function's argument (`ObjectView`): a function that
    // takes another is an error at its name.
    let raw_forms: Vec<TokenStream> = raw_forms
        .map(|f| {
            let span = syn::spanned::Spanned::span(f);
            let arg = quote::quote_spanned!(span=> <_ as __desk::custom::ObjectView<'_, #self_ty>>);
            let f = super::callable(f, ctx);
            // The locals interpolated, keeping the derive's span (see
            // `validate_in::struct_rule_call`).
            let (view, scope) = (quote!(&__desk_view), quote!(&mut __desk_scope));
            quote::quote_spanned! {span=>
                <_ as __desk::custom::StructRuleResult>::done(#f(#arg::cast(#view) #ctx_arg, #scope));
            }
        })
        .collect();
    let raw_checks = (!raw_forms.is_empty()).then(|| {
        quote! {
            {
                let mut __desk_scope = __desk::scope(__desk_path, &mut __desk_walk.report);
                #( #raw_forms )*
            }
        }
    });
    quote! {
        #raw_checks
        #typed_checks
    }
}

/// A field's checks once the object is read: its own violations from the
/// read, then its rules on the view; when it was absent, `required` unless
/// serde's value for it passes its rules.
fn after_read(ident: &TokenStream, field: &Field, ctx: &Ctx, slot: &syn::Ident) -> TokenStream {
    let finish = finish_field(ident, field, ctx, slot);
    // Rules checked as one value (`finish_required`) give the slot their
    // bounds themselves (`Check::range`).
    if is_one_check(field) {
        return finish;
    }
    let bounds =
        super::rule::range_bounds(&field.rules).map(|b| quote!((&mut #slot).range_bounds(#b);));
    // What the read found (a number past the field's type) takes the
    // field's own messages, as its rules' violations do.
    let messages = own_read_messages(field)
        .map(|own| own.after(&quote!(0), &quote!(), &quote!((&mut #slot))))
        .map(|set| quote!({ #set }));
    quote!(#bounds #messages #finish)
}

/// The field's own messages for what reading a plain value finds (a number
/// past its type), as [`checks::own_messages`] gives them; none for a
/// nested value, whose own violations keep their messages.
pub(super) fn own_read_messages(field: &Field) -> Option<checks::OwnMessages> {
    if !matches!(field.mode, crate::model::Mode::Rules) {
        return None;
    }
    checks::own_messages(field)
}

/// Whether [`finish_field`] checks the field's rules as one value, in one
/// call (`rules::check` on the slot).
fn is_one_check(field: &Field) -> bool {
    is_plain(field) && super::checks::rule_value(field).is_some()
}

/// A field without a default, custom rules or a buffer: one call finishes
/// its slot and reports it `required` when absent ([`finish_required`]).
fn is_plain(field: &Field) -> bool {
    matches!(field.absent, crate::model::Absent::Required)
        && !field.has_customs()
        && !field.is_buffered()
}

/// [`after_read`]'s checks, once the numbers read are reported with their
/// rule's bounds.
fn finish_field(ident: &TokenStream, field: &Field, ctx: &Ctx, slot: &syn::Ident) -> TokenStream {
    if is_plain(field) {
        return finish_required(field, ctx, slot);
    }
    let absent_value = absent_value(ident, field);
    let absent = when_absent(field, ctx, absent_value);
    let (finish, present) = if field.is_buffered() {
        (quote!((&#slot).finish()), {
            let read = super::skip_read(field);
            quote!(#read.check(__desk_view, __desk_fpath, &mut __desk_walk.report);)
        })
    } else {
        let checks = view_checks(field, ctx);
        let present = (!checks.is_empty()).then(|| {
            quote! {
                let __desk_report = &mut __desk_walk.report;
                #checks
            }
        });
        (
            super::gate::at(field, quote!((&mut #slot).finish(__desk_walk))),
            present.unwrap_or_default(),
        )
    };
    let found = quote!(__desk::Found);
    // The slot is always finished: that moves its findings to the walk.
    let body = match (present.is_empty(), absent.is_empty()) {
        (true, true) => return quote!(let _ = #finish;),
        (true, false) => quote!(if let #found::Absent = #finish { #absent }),
        (false, true) => quote!(if let #found::Present(__desk_view) = #finish { #present }),
        (false, false) => quote! {
            match #finish {
                #found::Present(__desk_view) => { #present }
                #found::Absent => { #absent }
                #found::Broken => {}
            }
        },
    };
    let json = &field.json;
    let since = checks::findings_start(field, &quote!(__desk_walk.report));
    quote! {
        {
            let __desk_fpath = &__desk_path.key(#json);
            #since
            #body
        }
    }
}

/// [`finish_field`] for a field without a default, custom rules or a
/// buffer: the slot finishes, reporting `required` when absent, and the
/// view is checked.
fn finish_required(field: &Field, ctx: &Ctx, slot: &syn::Ident) -> TokenStream {
    // Rules that are all calls: one value of them, checked by the runtime
    // on the view (`checks::rule_value`), in the call and at the place the
    // typed check uses.
    if let Some((span, value)) = super::checks::rule_value(field) {
        // The slot at the gate's span (a field's type that fails its bounds
        // is said there once), the rules at theirs (one that does not apply
        // to the type is said at the rule).
        let slot = super::gate::at(field, quote!((&mut #slot, &mut *__desk_walk, __desk_path)));
        return quote_spanned! {span=>
            __desk::check(#slot, #value);
        };
    }
    let checks = view_checks(field, ctx);
    // A field asked by autoref (`gate::absence`) is told the answer; any
    // other's slot asks it with its bound (a standard type's always holds;
    // one that names a parameter, the impls' bounds answer for).
    let reads = super::gate::absence(field).map(|_| super::gate::reads_absence(field));
    let finish = match &reads {
        Some(reads) if checks.is_empty() => {
            quote!((&mut #slot).finish_or_absent(__desk_walk, __desk_path, #reads))
        }
        Some(reads) => quote!((&mut #slot).finish_at_or_absent(__desk_walk, __desk_path, #reads)),
        None if checks.is_empty() => quote!((&mut #slot).finish_required(__desk_walk, __desk_path)),
        None => quote!((&mut #slot).finish_at(__desk_walk, __desk_path)),
    };
    let finish = super::gate::at(field, finish);
    if checks.is_empty() {
        return quote!(let _ = #finish;);
    }
    let since = checks::findings_start(field, &quote!(__desk_walk.report));
    quote! {
        #since
        if let __desk::Some((__desk_view, __desk_at, __desk_report)) = #finish {
            let __desk_fpath = &__desk_at;
            #checks
        }
    }
}

/// What [`finish_field`] does when the field is absent from the text:
/// nothing for serde's `None`, the default's rules for a default, and
/// otherwise `required` (and the custom rules of what serde would fill in).
fn when_absent(field: &Field, ctx: &Ctx, absent_value: Option<TokenStream>) -> TokenStream {
    let json = &field.json;
    match absent_value {
        // `None`, serde's default for an `Option`, passes every rule but a
        // custom one.
        Some(_) if none_default(field) => quote!(),
        // An absent field with a default: the default is what the typed
        // value holds, so its rules decide; if it breaks them, the field is
        // required on every path (the schema says so too).
        Some(value) => {
            let default = super::let_default(field, &value);
            let checks = field_checks(field, ctx, Target::RefTo("__desk_default"));
            quote! {
                if __desk::default_breaks(|__desk_report| {
                    #default
                    #checks
                }) {
                    __desk::required(__desk_path, &mut __desk_walk.report, #json);
                }
            }
        }
        None => {
            // The custom rules on what an absent field reads as (`None`),
            // with the field's own messages, as the typed check gives them.
            let customs = field.has_customs().then(|| {
                let typed = custom_checks(field, &quote!(&__desk_typed), ctx);
                let typed = super::checks::with_messages(field, &typed, &quote!());
                let written = super::gate::from_checked(field, &quote!(__desk_typed));
                let absent = super::gate::absent_value(field);
                quote! {
                    if let __desk::Some(__desk_typed) = #absent {
                        let __desk_typed = #written;
                        let __desk_report = &mut __desk_walk.report;
                        #typed
                    }
                }
            });
            let reads = super::gate::reads_absence(field);
            quote! {
                __desk::required_unless(#reads, __desk_path, &mut __desk_walk.report, #json);
                #customs
            }
        }
    }
}

/// The names of a unit enum, and the function that maps a string to its
/// variant (aliases too), or reports it.
pub(super) fn unit_enum(
    input: &Input,
    variants: &[Variant],
    other: Option<&syn::Ident>,
) -> TokenStream {
    let ident = &input.ident;
    let names = variants.iter().map(|v| &v.json);
    let arms = variants.iter().map(|v| {
        let (variant, json, aliases) = (&v.ident, &v.json, &v.aliases);
        quote!(#json #( | #aliases )* => __desk::Some(#ident::#variant),)
    });
    let fallback = if let Some(other) = other {
        quote!(__desk::Some(#ident::#other))
    } else {
        quote! {{
            __desk::not_allowed(__desk_path, __desk_walk, __DESK_NAMES);
            __desk::None
        }}
    };
    quote! {
        const __DESK_NAMES: &[&__desk::str] = &[#(#names),*];

        fn __desk_variant(
            __desk_s: &__desk::str,
            __desk_path: &__desk::Path<'_>,
            __desk_walk: &mut __desk::Walk,
        ) -> __desk::Option<#ident> {
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
pub(super) fn data_enum(
    input: &Input,
    variants: &[DataVariant],
    other: Option<&syn::Ident>,
    ctx: &Ctx,
) -> TokenStream {
    let Arms {
        objects,
        names,
        tags_all,
        tags,
        units,
        contents,
        absent_ok,
        fallback,
    } = variant_arms(input, variants, other, ctx);
    let absent_ok = content_may_be_absent(input, &absent_ok);
    let params = Params::of(input);
    let name = format_ident!("__DeskEnumWalker");
    let args = params.args_after(&[quote!('__desk_a)], std::slice::from_ref(&ctx.ty));
    let header = walker_header(
        &params,
        &quote!(__desk::EnumWalker<'__desk_de>),
        &quote!(#name #args),
        &[quote!('__desk_a)],
        input.context.is_some(),
        &ctx.ty,
    );
    let walker_def = walker_struct(&params, &name);
    let view = params.view(&format_ident!("__DeskView"));
    let types = variants.iter().map(super::view::variant_walk_types);
    let expected = expected_types(input);
    quote! {
        #(#objects)*

        #walker_def

        #[automatically_derived]
        #header {
            type Out = #view;
            const NAMES: &'static [&'static __desk::str] = &[#(#names),*];
            const TAGS: &'static [&'static __desk::str] = &[#(#tags_all),*];
            const TYPES: &'static [__desk::u8] = &[#(#types),*];

            #expected

            fn variant(__desk_tag: &__desk::str) -> __desk::Option<__desk::usize> {
                match __desk_tag {
                    #(#tags)*
                    _ => #fallback,
                }
            }

            fn unit(__desk_index: __desk::usize) -> __desk::Option<#view> {
                match __desk_index {
                    #(#units)*
                    _ => __desk::None,
                }
            }

            #absent_ok

            fn content<__DeskD: __desk::serde::Deserializer<'__desk_de>>(
                &self,
                __desk_index: __desk::usize,
                __desk_de: __DeskD,
                __desk_path: &__desk::Path<'_>,
                __desk_walk: &mut __desk::Walk,
            ) -> __desk::Result<__desk::Option<#view>, __DeskD::Error> {
                let __desk_ctx = self.ctx;
                let _ = (&__desk_ctx, &__desk_path, &__desk_walk);
                match __desk_index {
                    #(#contents)*
                    _ => {
                        let _ = __desk_de;
                        __desk::Ok(__desk::None)
                    }
                }
            }
        }
    }
}

/// `EnumWalker::content_may_be_absent`, from the arms of the variants whose
/// content may be absent: only an adjacently tagged enum reads a newtype's
/// absent content.
fn content_may_be_absent(input: &Input, arms: &[TokenStream]) -> Option<TokenStream> {
    let adjacent = matches!(
        input.shape,
        crate::model::Shape::DataEnum {
            repr: crate::model::Repr::Adjacent(..),
            ..
        }
    );
    (adjacent && !arms.is_empty()).then(|| {
        quote! {
            fn content_may_be_absent(__desk_index: __desk::usize) -> __desk::bool {
                match __desk_index {
                    #(#arms)*
                    _ => false,
                }
            }
        }
    })
}

/// The pieces of an `EnumWalker`, variant by variant.
struct Arms<'a> {
    /// The walkers of the struct variants' objects.
    objects: Vec<TokenStream>,
    /// Every variant's name (not its aliases: a violation lists the names).
    names: Vec<&'a String>,
    /// Every name a tag may take, aliases included.
    tags_all: Vec<&'a String>,
    /// A tag to its variant's index.
    tags: Vec<TokenStream>,
    /// The view of each unit variant (and of the `other` variant).
    units: Vec<TokenStream>,
    /// The read of each data variant's content.
    contents: Vec<TokenStream>,
    /// Whether each newtype variant's content may be absent.
    absent_ok: Vec<TokenStream>,
    /// The index of a tag no variant names: the `other` variant's, or none.
    fallback: TokenStream,
}

fn variant_arms<'a>(
    input: &Input,
    variants: &'a [DataVariant],
    other: Option<&syn::Ident>,
    ctx: &Ctx,
) -> Arms<'a> {
    let mut arms = Arms {
        objects: Vec::new(),
        names: Vec::new(),
        tags_all: Vec::new(),
        tags: Vec::new(),
        units: Vec::new(),
        contents: Vec::new(),
        absent_ok: Vec::new(),
        fallback: quote!(__desk::None),
    };
    for (i, v) in variants.iter().enumerate() {
        let (vi, json, aliases) = (&v.head.ident, &v.head.json, &v.head.aliases);
        arms.names.push(json);
        arms.tags_all.push(json);
        arms.tags_all.extend(aliases);
        arms.tags
            .push(quote!(#json #( | #aliases )* => __desk::Some(#i),));
        match &v.data {
            VariantData::Unit => {
                arms.units
                    .push(quote!(#i => __desk::Some(__DeskView::#vi),));
            }
            VariantData::Newtype(field) => {
                let absent_ok = super::gate::at(field, super::gate::reads_absence(field));
                arms.absent_ok.push(quote!(#i => #absent_ok,));
                let read = checks::newtype_read(field, ctx);
                arms.contents.push(quote! {
                    #i => {
                        #read
                        __desk::Ok(__desk_read.map(__DeskView::#vi))
                    }
                });
            }
            VariantData::Struct { fields, skipped } => {
                let obj = Obj::variant(input, v, fields, skipped);
                let view = obj.params.view(&obj.view);
                arms.objects.push(object(&obj, ctx));
                arms.contents.push(quote! {
                    #i => __desk::Ok(
                        __desk::object::<_, _, #view>(__desk_de, __desk_ctx, __desk_path, __desk_walk)?
                        .map(__DeskView::#vi),
                    ),
                });
            }
        }
    }
    if let Some(other) = other {
        let i = variants.len();
        arms.units
            .push(quote!(#i => __desk::Some(__DeskView::#other),));
        arms.fallback = quote!(__desk::Some(#i));
    }
    arms
}

/// `EnumWalker::expected`: what a value no variant reads is told it should
/// be. Named once (an untagged enum takes no type parameters, so one static
/// serves).
fn expected_types(input: &Input) -> TokenStream {
    let untagged = matches!(
        input.shape,
        Shape::DataEnum {
            repr: Repr::Untagged,
            ..
        }
    );
    if untagged {
        quote! {
            fn expected() -> &'static __desk::str {
                static __DESK_EXPECTED: __desk::OnceLock<__desk::std::string::String> = __desk::OnceLock::new();
                __desk::std::string::String::as_str(__desk::OnceLock::get_or_init(&__DESK_EXPECTED, || {
                    __desk::types::names(__desk::core::iter::Iterator::fold(Self::TYPES.iter(), 0, |__desk_a, __desk_b| __desk_a | __desk_b))
                }))
            }
        }
    } else {
        quote! {
            fn expected() -> &'static __desk::str {
                "object"
            }
        }
    }
}
