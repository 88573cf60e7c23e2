//! The JSON Schema (`schemars::JsonSchema`) from the same rules.

use proc_macro2::TokenStream;
use quote::quote;

use super::checks::field_checks;
use super::rule::Target;
use super::{Ctx, Params, absent_value, none_default, opt_str, repr_tokens, rule, self_ty};
use crate::model::{DataVariant, Field, Input, Repr, Variant, VariantData};

/// The shared `JsonSchema` name and id of a derived type.
pub(super) fn names(ident: &syn::Ident) -> TokenStream {
    let name = ident.to_string();
    quote! {
        #[inline]
        fn schema_name() -> __desk::std::borrow::Cow<'static, __desk::str> {
            __desk::schema::derived_name(#name)
        }
        #[inline]
        fn schema_id() -> __desk::std::borrow::Cow<'static, __desk::str> {
            __desk::schema::derived_id(__desk::core::module_path!(), #name)
        }
    }
}

/// The field's own messages on its schema (`x-message`), after its rules.
fn own_messages(field: &Field) -> Option<TokenStream> {
    field.message.as_ref().map(|own| {
        let (en, zh_cn) = own
            .rest
            .as_ref()
            .map_or((quote!(__desk::None), quote!(__desk::None)), |(en, zh)| {
                (rule::opt_str(en.as_ref()), rule::opt_str(zh.as_ref()))
            });
        let by_code = own.by_code.iter().map(|(code, (en, zh_cn))| {
            let (en, zh_cn) = (rule::opt_str(en.as_ref()), rule::opt_str(zh_cn.as_ref()));
            quote!((#code, #en, #zh_cn))
        });
        quote!(__desk::schema::field_messages(__desk_s, #en, #zh_cn, &[#(#by_code),*]);)
    })
}

/// A field's schema, with its rules and doc comment, in `__desk_schema`. A
/// `skip` field's is its type's as serde reads it; in such a field's schema
/// (a derived type inside it), the rules are dropped after they are written.
fn field_schema(field: &Field) -> TokenStream {
    let ty = &field.ty;
    let rules: Vec<TokenStream> = field.rules.iter().map(|r| rule::schema(r, ty)).collect();
    let doc = field
        .docs
        .as_ref()
        .map(|d| quote!(__desk::schema::field_description(__desk_s, #d);));
    let message = own_messages(field);
    let schema = if field.is_buffered() {
        quote!(let mut __desk_schema = <#ty as __desk::schema::OwnSchema>::SCHEMA.write(__desk_gen);)
    } else {
        quote!(let mut __desk_schema = __desk::schema::field_subschema::<#ty>(__desk_gen);)
    };
    let schema = super::gate::at(field, schema);
    if rules.is_empty() && message.is_none() && doc.is_none() {
        return schema;
    }
    quote! {
        #schema
        let __desk_shape = __desk::schema::shape_before_rules(&__desk_schema);
        {
            let __desk_s = &mut __desk_schema;
            #(#rules)*
            #message
            #doc
        }
        __desk::schema::shape_only(&mut __desk_schema, __desk_shape);
    }
}

/// `schema_with` and the struct rules' descriptions, then the schema.
fn finish(input: &Input) -> TokenStream {
    let descriptions = input.customs.iter().map(|c| &c.description);
    let schema_with = input
        .schema_with
        .as_ref()
        .map(|p| quote!(__desk::schema::schema_with(&mut __desk_schema, __desk_gen, #p);));
    quote! {
        #( __desk::custom::schema(&mut __desk_schema, #descriptions); )*
        #schema_with
        __desk_schema
    }
}

fn schema_impl(input: &Input, body: &TokenStream) -> TokenStream {
    let params = Params::of(input);
    let names = generic_names(input, &params);
    let finish = finish(input);
    let assoc = if let Some(ty) = &input.context {
        quote!(#ty)
    } else {
        quote!(())
    };
    let decl = params.decl(&[], &[]);
    // A default's value is checked against the field's rules (whether the
    // field is required), in the type's default context: `ValidateIn` only
    // where such a field, or a type of the user's that may check one of its
    // own, holds the parameter, so that a type without a context may be
    // given one that has one. `Default` bounds come with the parameters'.
    let mut own = params.unchecked_schema_preds();
    own.extend(params.validated_preds(&quote!(__desk::ValidateIn<#assoc>)));
    let bounds = params.where_clause(
        &quote!(__desk::schemars::JsonSchema + __desk::serde::de::DeserializeOwned),
        &own,
    );
    let ty = self_ty(input);
    super::gate::impl_at_first(
        input,
        quote!(#[automatically_derived] impl #decl __desk::schemars::JsonSchema for #ty #bounds),
        quote! {
            #names
            #[inline]
            fn json_schema(__desk_gen: &mut __desk::schemars::SchemaGenerator) -> __desk::schemars::Schema {
                #body
                #finish
            }
        },
    )
}

/// The name and id of a derived type: with type parameters, each
/// argument's name is part of it (`Envelope_for_Member`), as schemars names
/// generic types, so that two instances get two definitions.
fn generic_names(input: &Input, params: &Params) -> TokenStream {
    let types: Vec<&syn::Ident> = params.named_in_schema().collect();
    if types.is_empty() {
        return names(&input.ident);
    }
    let name = input.ident.to_string();
    let args = quote! {
        || __desk::std::vec![#( <#types as __desk::schemars::JsonSchema>::schema_name().into_owned() ),*]
    };
    let ids = quote! {
        || __desk::std::vec![#( <#types as __desk::schemars::JsonSchema>::schema_id().into_owned() ),*]
    };
    quote! {
        #[inline]
        fn schema_name() -> __desk::std::borrow::Cow<'static, __desk::str> {
            __desk::schema::generic_name(#name, #args)
        }
        #[inline]
        fn schema_id() -> __desk::std::borrow::Cow<'static, __desk::str> {
            __desk::schema::generic_id(__desk::core::module_path!(), #name, #ids)
        }
    }
}

/// The schema context: the default one, in which nested types are checked.
fn default_ctx(ctx: &Ctx) -> Ctx {
    Ctx {
        ty: ctx.assoc.clone(),
        arg: ctx.arg.clone(),
        assoc: ctx.assoc.clone(),
        std_names: ctx.std_names,
        params: ctx.params.clone(),
        fits: ctx.fits.clone(),
        self_ty: ctx.self_ty.clone(),
    }
}

/// Statements that fill `__desk_props` and `__desk_required` with the
/// properties of an object's fields.
fn properties(ident: &TokenStream, fields: &[Field], ctx: &Ctx) -> TokenStream {
    let props = fields.iter().map(|field| {
        let (json, ty) = (&field.json, &field.ty);
        let rules = field.rules.iter().map(|r| rule::schema(r, ty));
        let doc = field
            .docs
            .as_ref()
            .map(|d| quote!(__desk::schema::field_description(__desk_s, #d);));
        let message = own_messages(field);
        // Required: no default (and not an `Option`: the runtime asks serde),
        // or a default that breaks the field's own rules (the walk says
        // `required` then too; asked only in a checked schema, not in a
        // `skip` field's, where serde takes the default).
        let required = match absent_value(ident, field) {
            None => None,
            Some(_) if none_default(field) => Some(quote!(false)),
            Some(value) => {
                let default = super::let_default(field, &value);
                let checks = field_checks(field, ctx, Target::RefTo("__desk_default"));
                Some(quote! {
                    __desk::default_breaks(|__desk_report| {
                        let __desk_ctx = &__desk_cx;
                        let __desk_fpath = &__desk::Path::Root;
                        #default
                        #checks
                    })
                })
            }
        };
        let add = match (required, field.is_buffered()) {
            (None, false) if super::gate::absence(field).is_none() => {
                quote!(let __desk_s = __desk_props.field::<#ty>(__desk_gen, #json);)
            }
            (None, false) => {
                let reads = super::gate::reads_absence(field);
                quote!(let __desk_s = __desk_props.field_or_absent::<#ty>(__desk_gen, #json, #reads);)
            }
            (Some(required), false) => {
                quote!(let __desk_s = __desk_props.add::<#ty, _>(__desk_gen, #json, || #required);)
            }
            (Some(required), true) => {
                quote!(let __desk_s = __desk_props.skipped_default(__desk_gen, #json, || #required, <#ty as __desk::schema::OwnSchema>::SCHEMA);)
            }
            (None, true) => {
                let reads = super::gate::reads_absence(field);
                quote!(let __desk_s = __desk_props.skipped(__desk_gen, #json, #reads, <#ty as __desk::schema::OwnSchema>::SCHEMA);)
            }
        };
        let add = super::gate::at(field, add);
        // A block each: a later field's default path may be named
        // `__desk_s` too.
        quote! {
            {
                #add
                #(#rules)*
                #message
                #doc
            }
        }
    });
    quote! {
        let __desk_props = &mut __desk::schema::Properties::new();
        #(#props)*
    }
}

pub(super) fn object(input: &Input, fields: &[Field], ctx: &Ctx) -> TokenStream {
    let docs = opt_str(input.docs.as_ref());
    let deny = input.deny_unknown_fields;
    let assoc = &ctx.assoc;
    let props = properties(&self_ty(input), fields, &default_ctx(ctx));
    // The context only for a default's check (`properties`).
    let cx = fields
        .iter()
        .any(super::checks_default)
        .then(|| quote!(let __desk_cx = <#assoc as __desk::core::default::Default>::default();));
    let body = quote! {
        #cx
        #props
        let mut __desk_schema = __desk_props.finish_object(#docs, #deny);
    };
    schema_impl(input, &body)
}

/// A data enum's schema: one `if`/`then` per variant, `if` choosing it as
/// serde does (see `data_enum_schema`).
pub(super) fn data_enum(
    input: &Input,
    repr: &Repr,
    variants: &[DataVariant],
    other: bool,
    ctx: &Ctx,
) -> TokenStream {
    let docs = opt_str(input.docs.as_ref());
    let deny = input.deny_unknown_fields;
    let assoc = &ctx.assoc;
    let schema_ctx = default_ctx(ctx);
    let repr_t = repr_tokens(repr);
    let untagged = matches!(repr, Repr::Untagged);
    let mut all_names = Vec::new();
    let variant_schemas = variants.iter().map(|v| {
        let json = &v.head.json;
        let aliases = &v.head.aliases;
        all_names.push(json);
        all_names.extend(aliases);
        let doc = opt_str(v.head.docs.as_ref());
        // A newtype's content that serde reads when absent (an `Option`) is
        // not required where the form has a content property (adjacent).
        let content_required = if let VariantData::Newtype(field) = &v.data {
            let absent_ok = super::gate::reads_absence(field);
            super::gate::at(field, quote!(!#absent_ok))
        } else {
            quote!(true)
        };
        let content = match &v.data {
            VariantData::Unit => quote!(__desk::None),
            VariantData::Newtype(field) => {
                let schema = field_schema(field);
                quote!({ #schema __desk::Some(__desk_schema) })
            }
            VariantData::Struct { fields, .. } => {
                let props = properties(&self_ty(input), fields, &schema_ctx);
                quote!({
                    #props
                    __desk::Some(__desk_props.finish_object(__desk::None, #deny))
                })
            }
        };
        // The JSON types an untagged variant reads choose it.
        let types = if untagged {
            super::view::variant_walk_types(v)
        } else {
            quote!(0)
        };
        quote! {
            __desk_variants.push(__desk::schema::variant_schema(
                #repr_t, &[#json #(, #aliases)*], false, #doc, #content, #content_required, #deny, #types,
            ));
        }
    });
    let variant_schemas: Vec<TokenStream> = variant_schemas.collect();
    let other = other.then(|| {
        quote! {
            __desk_variants.push(__desk::schema::variant_schema(
                #repr_t, &[#(#all_names),*], true, __desk::None, __desk::None, true, #deny, 0,
            ));
        }
    });
    let body = quote! {
        let __desk_cx = <#assoc as __desk::core::default::Default>::default();
        let __desk_variants = &mut __desk::std::vec::Vec::new();
        #(#variant_schemas)*
        #other
        let mut __desk_schema = __desk::schema::data_enum_schema(#docs, #repr_t, #deny, __desk_variants);
    };
    schema_impl(input, &body)
}

/// A newtype's schema is its field's, with the field's rules: a string stays
/// a string.
pub(super) fn newtype(input: &Input, field: &Field) -> TokenStream {
    let schema = field_schema(field);
    let docs = input
        .docs
        .as_ref()
        .map(|d| quote!(__desk::schema::field_description(&mut __desk_schema, #d);));
    schema_impl(input, &quote!(#schema #docs))
}

pub(super) fn unit_enum(input: &Input, variants: &[Variant], other: bool) -> TokenStream {
    let docs = opt_str(input.docs.as_ref());
    let entries = variants.iter().flat_map(|v| {
        let doc = opt_str(v.docs.as_ref());
        let json = &v.json;
        std::iter::once(quote!((#json, #doc, __desk::None))).chain(
            v.aliases
                .iter()
                .map(move |alias| quote!((#alias, #doc, __desk::Some(#json)))),
        )
    });
    let body = quote! {
        let mut __desk_schema = __desk::schema::unit_enum_schema(&[#(#entries),*], #other, #docs);
    };
    schema_impl(input, &body)
}
