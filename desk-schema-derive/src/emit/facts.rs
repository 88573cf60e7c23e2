//! A derived type's constants (`SERDE_SAME`, `JSON_TYPES`, `WALK_TYPES`,
//! `WIDE_INTEGER`, `UNEQUAL`), read once from its shape and written as
//! `Facts<D>` impls that count down one level per derived type (so that a
//! recursive type has an answer rather than rustc's cycle error, E0391),
//! and as the `JsonView` and `ValidateIn` constants, which ask `Facts` at
//! the top depth. The compile-time refusals built on them live here too: a
//! type that reaches itself with no JSON level between, a 128-bit integer
//! in buffered content, and items that Rust compares otherwise than JSON.
//!
//! A generic type cannot ask `Facts` in those constants (the bound would
//! spread to every type that holds it), so it names its fields' constants
//! directly, and a field that names the type itself, or another derived
//! type over its parameters (which may name it back), counts as not the
//! same as serde (always sound: it only turns off a fast path).

use proc_macro2::TokenStream;
use quote::{ToTokens, quote, quote_spanned};

use super::{Ctx, Params, all_fields, is_option, self_ty};
use crate::model::{Absent, DataVariant, Field, Input, Repr, RuleKind, Shape, VariantData};

/// A part of a set of JSON types: constant bits, or a field type's.
enum Part {
    Bits(TokenStream),
    Of(Box<syn::Type>),
}

/// A term of `SERDE_SAME`.
enum Same {
    /// Never the same (a buffered or defaulted field).
    Never,
    /// The field type's, and, for each `range` on it (or on its items),
    /// that serde's value holds the number as written (not for floats).
    Of(Box<syn::Type>, Vec<TokenStream>),
}

/// What the constants are made of.
#[derive(Default)]
pub(super) struct Facts {
    /// Terms of `SERDE_SAME`, all of which must hold.
    same: Vec<Same>,
    json: Vec<Part>,
    walk: Vec<Part>,
    /// Every field type read (for `WIDE_INTEGER` and `UNEQUAL`).
    read: Vec<syn::Type>,
    /// The types of an object's fields that may read `null` though not
    /// written `Option<...>` (an alias, `Box<Option<_>>`, a parameter): for
    /// `UNEQUAL`, since serde fills such a field in when it is absent, and
    /// an absent field and `null` are then one value.
    nullable: Vec<syn::Type>,
    /// The contents of an adjacently tagged enum's newtype variants that
    /// may read `null` though not written `Option<...>`: serde reads such a
    /// content absent as it reads it `null` (`ADJACENT`).
    adjacent: Vec<syn::Type>,
    /// Why the type's own form may compare otherwise than JSON does (the
    /// name of an `unequal` cause; `UNEQUAL`, with its fields' types).
    eq_local: Option<&'static str>,
    /// The field types read that name a type parameter (see [`concrete`]):
    /// the type's own derive cannot ask them, so `SETS_UNEQUAL` and
    /// `BUFFERED_WIDE` pass their answers up to the type that gives the
    /// arguments.
    given: Vec<syn::Type>,
    /// Whether a field read whole (`skip`), which has no facts, names a
    /// `u128` or `i128` as written (`WIDE_INTEGER`): serde cannot read it
    /// inside a tagged or untagged enum that holds this type. (Such an enum
    /// asks its own skipped fields' types by autoref, aliases too.)
    wide_skipped: bool,
}

fn bits(name: &str) -> Part {
    let name = quote::format_ident!("{}", name);
    Part::Bits(quote!(__desk::types::#name))
}

/// A field's term of `SERDE_SAME`: a skipped field is read whole by the
/// walk, and a serde default other than an `Option`'s `None` may break the
/// field's rules (`required` to the walk, a violation to `validate()`).
fn term(field: &Field) -> Same {
    // An `Option`'s own `None` passes every rule but a custom one; any other
    // default (a path's `Some`, a container's value) may not.
    let defaulted = super::checks_default(field);
    if field.is_buffered() || defaulted {
        return Same::Never;
    }
    let ty = &field.ty;
    let number = quote!(__desk::Number);
    let mut exact = Vec::new();
    // An integer type the derive reads is exact: no term.
    let integer = |ty: Option<&syn::Type>| {
        ty.and_then(crate::check::integer_bounds)
            .is_some_and(|(name, ..)| !name.starts_with('f'))
    };
    for rule in &field.rules {
        match &rule.kind {
            RuleKind::Range { .. } if integer(Some(ty)) => {}
            RuleKind::Range { .. } => exact.push(quote!(<#ty as #number>::EXACT)),
            RuleKind::Items(inner)
                if inner
                    .iter()
                    .any(|r| matches!(r.kind, RuleKind::Range { .. }))
                    && !integer(crate::check::item_type(ty)) =>
            {
                exact.push(quote!(<__desk::typed::ItemOf<#ty> as #number>::EXACT));
            }
            // A map is never the same; keys are strings.
            _ => {}
        }
    }
    Same::Of(Box::new(ty.clone()), exact)
}

/// The JSON types serde reads a variant's content from (`json`), and the
/// walk (`walk`: a struct is an object only).
fn variant_parts(variant: &DataVariant) -> (Part, Part) {
    match &variant.data {
        VariantData::Unit => (bits("NULL"), bits("NULL")),
        VariantData::Newtype(field) => (
            Part::Of(Box::new(field.ty.clone())),
            Part::Of(Box::new(field.ty.clone())),
        ),
        VariantData::Struct { .. } => (bits("STRUCT"), bits("OBJECT")),
    }
}

/// Why the type's own form may compare otherwise than JSON does (the name
/// of an `unequal` cause), `None` when it compares as JSON does: no alias
/// or `other` variant (two texts, one value), and objects that take no
/// unknown field, no `Option` field and no default (an absent field and its
/// default are one value).
fn eq_local(input: &Input) -> Option<&'static str> {
    // A field read whole (`#[desk(skip)]`) is compared by its type's own
    // equality, which nothing here can ask (`1` and `1.0` in a
    // `serde_json::Value`).
    let object = |fields: &[Field]| {
        if !input.deny_unknown_fields {
            return Some("OPEN");
        }
        fields.iter().find_map(|f| {
            if f.is_buffered() {
                Some("WHOLE")
            } else if is_option(&f.ty) {
                Some("OPTION")
            } else if !matches!(f.absent, Absent::Required) {
                Some("DEFAULT")
            } else {
                None
            }
        })
    };
    let aliased = |aliased: bool| aliased.then_some("ALIAS");
    match &input.shape {
        Shape::Struct(fields) => object(fields),
        Shape::Newtype(field) => field.is_buffered().then_some("WHOLE"),
        Shape::Enum { variants, other } => {
            aliased(other.is_some() || variants.iter().any(|v| !v.aliases.is_empty()))
        }
        // An internally or adjacently tagged enum's objects take unknown
        // fields unless denied.
        Shape::DataEnum {
            repr: Repr::Internal(_) | Repr::Adjacent(..),
            ..
        } if !input.deny_unknown_fields => Some("OPEN"),
        // An internally tagged unit variant reads its tag alone: serde drops
        // every other property, `deny_unknown_fields` or not.
        Shape::DataEnum {
            repr,
            variants,
            other,
            ..
        } => aliased(other.is_some() || variants.iter().any(|v| !v.head.aliases.is_empty()))
            .or_else(|| {
                let adjacent = matches!(repr, Repr::Adjacent(..));
                variants.iter().find_map(|v| match &v.data {
                    VariantData::Struct { fields, .. } => object(fields),
                    VariantData::Newtype(field) if field.is_buffered() => Some("WHOLE"),
                    // Adjacent content absent and `null` are one value for
                    // an `Option` (serde's `None`), and for a unit variant.
                    VariantData::Newtype(field) => {
                        (adjacent && is_option(&field.ty)).then_some("ADJACENT")
                    }
                    VariantData::Unit => match repr {
                        Repr::Internal(_) => Some("INTERNAL_UNIT"),
                        Repr::Adjacent(..) => Some("ADJACENT"),
                        _ => None,
                    },
                })
            }),
    }
}

/// Whether `ty` may read `null` though not written `Option<...>` (an alias,
/// `Box<Option<_>>`, a parameter, a type of the user's): its `JSON_TYPES`
/// say, in the const (`nullable` and `adjacent`). A standard type without
/// an `Option` inside reads no `null` that is absence.
fn may_hide_option(ty: &syn::Type) -> bool {
    !is_option(ty) && !std_without(ty, &["Option"])
}

/// Whether serde skips a field of the type (or of a variant) and fills it
/// in by a function of the user's (`default = "path"`, on the field or the
/// type), which the type's derived `Eq` and `Ord` compare: such a function
/// may give each item its own value (a clock, a counter, a new id), and two
/// items of one text are then two set items. (A type's `Default`, as a
/// plain `skip` takes, gives each the same: `PhantomData`, `()`, an empty
/// cache.)
fn skips(input: &Input) -> bool {
    let by_path = |skipped: &[crate::model::Skipped]| {
        skipped
            .iter()
            .any(|f| matches!(f.absent, Absent::FieldPath(_) | Absent::ContainerPath(_)))
    };
    by_path(&input.serde_skipped)
        || matches!(&input.shape, Shape::DataEnum { variants, .. } if variants.iter().any(|v| {
            matches!(&v.data, VariantData::Struct { skipped, .. } if by_path(skipped))
        }))
}

/// The fields of a variant.
pub(super) fn variant_fields(variant: &DataVariant) -> &[Field] {
    match &variant.data {
        VariantData::Unit => &[],
        VariantData::Newtype(field) => std::slice::from_ref(&**field),
        VariantData::Struct { fields, .. } => fields,
    }
}

/// The types of the fields serde reads (not `skip`).
fn read(fields: &[Field]) -> impl Iterator<Item = syn::Type> + '_ {
    fields
        .iter()
        .filter(|f| !f.is_buffered())
        .map(|f| f.ty.clone())
}

impl Facts {
    pub(super) fn of(input: &Input) -> Facts {
        let mut facts = Self::shape(input);
        facts.eq_local = eq_local(input);
        let objects: Vec<&Field> = match &input.shape {
            Shape::Struct(fields) => fields.iter().collect(),
            Shape::DataEnum { variants, .. } => variants
                .iter()
                .filter(|v| matches!(v.data, VariantData::Struct { .. }))
                .flat_map(variant_fields)
                .collect(),
            _ => vec![],
        };
        facts.nullable = objects
            .into_iter()
            .filter(|f| !f.is_buffered() && may_hide_option(&f.ty))
            .map(|f| f.ty.clone())
            .collect();
        if let Shape::DataEnum {
            repr: Repr::Adjacent(..),
            variants,
            ..
        } = &input.shape
        {
            facts.adjacent = (variants.iter())
                .filter_map(|v| match &v.data {
                    VariantData::Newtype(f) if !f.is_buffered() => Some(&f.ty),
                    _ => None,
                })
                .filter(|ty| may_hide_option(ty))
                .cloned()
                .collect();
        }
        facts.read = match &input.shape {
            Shape::Struct(fields) => read(fields).collect(),
            Shape::Newtype(field) => read(std::slice::from_ref(&**field)).collect(),
            Shape::Enum { .. } => vec![],
            Shape::DataEnum { variants, .. } => variants
                .iter()
                .flat_map(|v| read(variant_fields(v)))
                .collect(),
        };
        facts.wide_skipped = buffered_repr(input).is_none()
            && all_fields(input).any(|f| f.is_buffered() && reads_wide(&f.ty));
        facts.given = facts
            .read
            .iter()
            .filter(|ty| names_own_params(input, ty))
            .cloned()
            .collect();
        facts
    }

    fn shape(input: &Input) -> Facts {
        match &input.shape {
            Shape::Struct(fields) => Facts {
                same: fields.iter().map(term).collect(),
                json: vec![bits("STRUCT")],
                walk: vec![bits("OBJECT")],
                ..Facts::default()
            },
            Shape::Newtype(field) => Facts {
                same: vec![term(field)],
                json: vec![Part::Of(Box::new(field.ty.clone()))],
                walk: vec![Part::Of(Box::new(field.ty.clone()))],
                ..Facts::default()
            },
            Shape::Enum { .. } => Facts {
                same: vec![],
                json: vec![bits("EXTERNAL")],
                walk: vec![bits("STRING")],
                ..Facts::default()
            },
            Shape::DataEnum {
                repr,
                variants,
                other,
            } => {
                // serde reads tagged and untagged content through its own
                // buffer, which `Strict` cannot hold to the walk's reading.
                // A data variant's alias is a property name the typed value
                // forgets: its violations' paths are the walk's to give.
                let aliased = variants
                    .iter()
                    .any(|v| !v.head.aliases.is_empty() && !matches!(v.data, VariantData::Unit));
                let same = match repr {
                    Repr::External if !aliased => {
                        variants.iter().flat_map(variant_fields).map(term).collect()
                    }
                    _ => vec![Same::Never],
                };
                // A string names a unit variant: with none, serde takes
                // only an object (a string naming a data variant fails).
                let units =
                    other.is_some() || variants.iter().any(|v| matches!(v.data, VariantData::Unit));
                let (json, walk) = match repr {
                    Repr::External if units => (vec![bits("EXTERNAL")], vec![bits("EXTERNAL")]),
                    Repr::External => (vec![bits("OBJECT")], vec![bits("OBJECT")]),
                    // serde's tagged forms also read an array (the tag first).
                    Repr::Internal(_) | Repr::Adjacent(..) => {
                        (vec![bits("STRUCT")], vec![bits("OBJECT")])
                    }
                    Repr::Untagged => variants.iter().map(variant_parts).unzip(),
                };
                Facts {
                    same,
                    json,
                    walk,
                    ..Facts::default()
                }
            }
        }
    }

    /// Every field type the constants name.
    fn named(&self) -> impl Iterator<Item = &syn::Type> {
        let parts = self.json.iter().chain(&self.walk).filter_map(|p| match p {
            Part::Of(ty) => Some(&**ty),
            Part::Bits(_) => None,
        });
        let same = self.same.iter().filter_map(|t| match t {
            Same::Of(ty, _) => Some(&**ty),
            Same::Never => None,
        });
        same.chain(parts).chain(&self.read)
    }

    fn render(
        &self,
        same: impl Fn(&syn::Type) -> TokenStream,
        types: impl Fn(&syn::Type, &str) -> TokenStream,
    ) -> [TokenStream; 3] {
        let terms = self.same.iter().filter_map(|t| match t {
            // The standard library's answer, known here: leave it out.
            Same::Of(ty, exact)
                if std_without(ty, &["HashMap", "BTreeMap", "HashSet", "BTreeSet"]) =>
            {
                (!exact.is_empty()).then(|| quote!((#(#exact)&&*)))
            }
            Same::Of(ty, exact) => {
                let of = same(ty);
                Some(quote!((#of #(&& #exact)*)))
            }
            Same::Never => Some(quote!(false)),
        });
        let union = |parts: &[Part], which: &str| {
            let each = parts.iter().map(|p| match p {
                Part::Bits(bits) => bits.clone(),
                Part::Of(ty) => types(ty, which),
            });
            bit_or(each)
        };
        let terms = once(terms);
        [
            quote!(true #(&& #terms)*),
            union(&self.json, "JSON_TYPES"),
            union(&self.walk, "WALK_TYPES"),
        ]
    }

    /// The `Facts` impls: one for every depth when every field type is the
    /// standard library's, otherwise one at the bottom and one that asks the
    /// fields a level down.
    pub(super) fn impls(&self, input: &Input) -> TokenStream {
        let params = Params::of(input);
        let ty = self_ty(input);
        let facts = quote!(__desk::types::Facts);
        let [same, json, walk] = self.render(|ty| ask(ty, "SERDE_SAME"), ask);
        let wide = self.wide(input);
        let eq_local = self.eq_local;
        let eq = self.unequal("UNEQUAL", eq_local);
        // A field serde skips is no part of the JSON, and is of the derived
        // `Ord` and `Eq` a set compares by.
        let set_local = eq_local.or(skips(input).then_some("FILLED"));
        // The trait's default, `UNEQUAL`, where the cause is the type's own.
        let set_eq = (eq_local.is_none()).then(|| {
            let set_eq = self.unequal("SET_UNEQUAL", set_local);
            quote!(const SET_UNEQUAL: __desk::u16 = #set_eq;)
        });
        let given = self.given(input);
        let bounds = self.bounds(input);
        let decl = params.decl(&[], &[quote!(__DeskD)]);
        let body = quote! {
            const SERDE_SAME: __desk::bool = #same;
            const JSON_TYPES: __desk::u8 = #json;
            const WALK_TYPES: __desk::u8 = #walk;
            #wide
            const UNEQUAL: __desk::u16 = #eq;
            #set_eq
            #given
        };
        if bounds.is_empty() {
            // Nothing to count down: the same answer at every depth.
            let own = params.serde_where();
            return super::gate::impl_at_first(
                input,
                quote!(#[automatically_derived] impl #decl #facts<__DeskD> for #ty #own),
                body,
            );
        }
        let deeper = params.serde_where_and(&bounds);
        let (bottom_json, bottom_walk) = (Self::bottom(&self.json), Self::bottom(&self.walk));
        let (bottom_decl, own) = (params.decl(&[], &[]), params.own_where());
        let (bottom_eq, bottom_set) = (cause(eq_local), cause(set_local));
        // Its parameters keep the derive's span: the where-clause names the
        // fields' types as written, and rustc suggests a type parameter
        // for one that does not resolve after the impl's parameters, which
        // at a gate's span made its error one more than serde's (inside
        // `Vec<Option<Nope, Strin>>`).
        let decl_kept = super::gate::invisible(decl.clone());
        let deeper_impl = super::gate::impl_at_first(
            input,
            quote!(#[automatically_derived] impl #decl_kept #facts<__desk::types::S<__DeskD>> for #ty #deeper),
            body,
        );
        quote! {
            #[automatically_derived]
            impl #bottom_decl #facts<__desk::types::Z> for #ty #own {
                const SERDE_SAME: __desk::bool = false;
                const JSON_TYPES: __desk::u8 = #bottom_json;
                const WALK_TYPES: __desk::u8 = #bottom_walk;
                const UNEQUAL: __desk::u16 = #bottom_eq;
                const SET_UNEQUAL: __desk::u16 = #bottom_set;
            }
            #deeper_impl
        }
    }

    /// Whether the type's own form compares as JSON does (see
    /// [`eq_local`]): its `JsonEq` compares its fields then.
    pub(super) fn eq_local(&self) -> bool {
        self.eq_local.is_none()
    }

    /// `WIDE_INTEGER`, when a field's type may say it holds a 128-bit integer.
    fn wide(&self, input: &Input) -> Option<TokenStream> {
        // The standard library's answers are known here: only other types
        // are asked. A tagged or untagged enum refuses a wide integer in
        // its own content where it is (`refuse_wide`), so a type holding it
        // need not refuse it again: it answers only for the types given as
        // its arguments.
        let buffered = buffered_repr(input).is_some();
        let wide = self
            .read
            .iter()
            .filter(|ty| !std_without(ty, &["u128", "i128"]))
            .filter(|ty| !buffered || names_own_params(input, ty))
            .map(|ty| ask(ty, "WIDE_INTEGER"));
        let wide = once(wide);
        // The trait's default, `false`, unless a field's type may say otherwise.
        if self.wide_skipped && !buffered {
            Some(quote!(
                const WIDE_INTEGER: __desk::bool = true;
            ))
        } else {
            (!wide.is_empty())
                .then(|| quote!(const WIDE_INTEGER: __desk::bool = false #(|| #wide)*;))
        }
    }

    /// `UNEQUAL` (`which`), why two values equal as JSON may not be equal
    /// in Rust, or the reverse; or `SET_UNEQUAL`, why their own `Eq` and
    /// `Ord` may (`local` `FILLED` where a field serde skips is compared by
    /// them). `0` for no cause.
    fn unequal(&self, which: &str, local: Option<&str>) -> TokenStream {
        // Known here, it needs no field's word.
        if local.is_some() {
            return cause(local);
        }
        let fields = self
            .read
            .iter()
            .filter(|ty| !std_without(ty, &["f32", "f64", "HashSet", "BTreeSet"]))
            .map(|ty| ask(ty, which));
        let fields = once(fields);
        let reads_null = |tys: &[syn::Type], why: &str| {
            let why = cause(Some(why));
            once(tys.iter().map(|ty| {
                let types = ask(ty, "JSON_TYPES");
                quote!((if #types & __desk::types::NULL == 0 { 0 } else { #why }))
            }))
        };
        let nullable = reads_null(&self.nullable, "NULL");
        let adjacent = reads_null(&self.adjacent, "ADJACENT");
        quote!(0 #(| #fields)* #(| #nullable)* #(| #adjacent)*)
    }

    /// `SETS_UNEQUAL` and `BUFFERED_WIDE`: what the fields that name a
    /// parameter hold, passed up.
    fn given(&self, input: &Input) -> Option<TokenStream> {
        (!self.given.is_empty()).then(|| {
            let sets = once(self.given.iter().map(|ty| ask(ty, "SETS_UNEQUAL")));
            let wide = once(self.given.iter().map(|ty| {
                let inner = ask(ty, "BUFFERED_WIDE");
                if buffered_repr(input).is_some() {
                    let own = ask(ty, "WIDE_INTEGER");
                    quote!((#inner || #own))
                } else {
                    inner
                }
            }));
            quote! {
                const SETS_UNEQUAL: __desk::u16 = 0 #(| #sets)*;
                const BUFFERED_WIDE: __desk::bool = false #(|| #wide)*;
            }
        })
    }

    /// The bounds the deeper `Facts` impl needs: each field type once
    /// (compared as written: syn's types are not `Eq` without a feature this
    /// crate does not take), and none built only of the standard library's
    /// types, which answer at every depth (a derived type answers only at
    /// `Z` and `S<_>`).
    fn bounds(&self, input: &Input) -> Vec<TokenStream> {
        let mut seen = std::collections::BTreeSet::new();
        let bounded: Vec<&syn::Type> = self
            .named()
            .filter(|ty| {
                !std_only(ty) && seen.insert(static_lifetimes(ty).to_token_stream().to_string())
            })
            .collect();
        // A type that names itself (in a field type that is not the
        // standard library's alone) asks its bounds at every depth it
        // counts. Asked only when there are bounds: the derive's own work
        // is part of every debug build.
        let recursive = bounded.iter().any(|ty| names_itself(input, ty));
        bounded
            .into_iter()
            .map(|ty| {
                // As written, not gated: a bound that names a type that
                // fails the gate fails at every item of the impl, while a
                // bound on the type itself holds for every `__DeskD` until
                // asked for, and only the gate is ever asked (`gate`). But
                // in a type that names itself, the bound is asked at each
                // depth, each a distinct error (about 32): gated there, a
                // type that fails the gate is said at its field and at the
                // derive.
                let ty = if recursive {
                    static_lifetimes(ty)
                } else {
                    static_lifetimes(&super::gate::ungated(input, ty))
                };
                // With its own spans, where the impl's head is respanned to
                // a gate (`gate::impl_at_first`): a name that does not
                // resolve is rustc's own error at the field, shown once.
                let ty = super::gate::invisible(ty.to_token_stream());
                quote!(#ty: __desk::types::Facts<__DeskD>)
            })
            .collect()
    }

    /// JSON types at the bottom: the constant ones, or the runtime's
    /// `types::CYCLE` when they come from a field (the type reaches itself
    /// with no JSON level between, which [`Facts::refuse_cycle`] turns into
    /// a compile error).
    fn bottom(parts: &[Part]) -> TokenStream {
        if parts.iter().any(|p| matches!(p, Part::Of(_))) {
            return quote!(__desk::types::CYCLE);
        }
        let each = parts.iter().map(|p| match p {
            Part::Bits(bits) => bits.clone(),
            Part::Of(_) => quote!(0),
        });
        bit_or(each)
    }

    /// A compile error, at the type, when its JSON types come from a field
    /// and it reaches itself that way: serde would recurse without end on
    /// some inputs. (A generic type names its fields' types directly, and
    /// check.rs refuses one that names itself.)
    ///
    /// A generic type cannot ask this of itself; a type that uses one with
    /// arguments (`A<u8>`) asks it of that field's type instead, so a cycle
    /// through generic types is refused where they are first made concrete.
    pub(super) fn refuse_cycle(&self, input: &Input) -> TokenStream {
        if !input.generics.params.is_empty() {
            return quote!();
        }
        let mut seen = std::collections::BTreeSet::new();
        let generic_uses = self
            .read
            .iter()
            .filter(|ty| {
                // A standard type instantiates none (the cheap answer first).
                !std_only(ty)
                    && instantiates_generic(&super::gate::ungated(input, ty))
                    && seen.insert(ty.to_token_stream().to_string())
            })
            .map(|ty| {
                let written = super::gate::ungated(input, ty)
                    .to_token_stream()
                    .to_string()
                    .replace(' ', "");
                let message = format!(
                    "`{written}` reaches itself through newtypes, untagged enums, `Option` or \
                     `Box`, with no JSON object or array in between (or nests more than 16 such \
                     types): serde would recurse without end on some inputs; put the recursion \
                     inside a struct field or a `Vec`, or give the enum a tag"
                );
                quote_spanned! {syn::spanned::Spanned::span(ty)=>
                    const _: () = __desk::core::assert!(
                        <#ty as __desk::types::Facts<__desk::types::Top>>::JSON_TYPES
                            & __desk::types::CYCLE == 0,
                        "{}",
                        #message
                    );
                }
            });
        let generic_uses = quote!(#(#generic_uses)*);
        let from_fields = self.json.iter().any(|p| matches!(p, Part::Of(_)));
        if !from_fields {
            return generic_uses;
        }
        let ident = &input.ident;
        let message = format!(
            "`{ident}` reaches itself through newtypes, untagged enums, `Option` or `Box`, with no \
             JSON object or array in between (or nests more than 16 such types): serde would \
             recurse without end on some inputs; put the recursion inside a struct field or a \
             `Vec`, or give the enum a tag"
        );
        quote_spanned! {ident.span()=>
            #generic_uses
            const _: () = __desk::core::assert!(
                <#ident as __desk::JsonView>::JSON_TYPES & __desk::types::CYCLE == 0,
                "{}",
                #message
            );
        }
    }

    /// A compile error at each field of a tagged or untagged enum's variant
    /// that holds a `u128` or `i128`: serde reads such content into its own
    /// buffer first, which holds no 128-bit integers ("u128 is not
    /// supported"), so serde would refuse every value. Elsewhere, at each
    /// field of a type of the user's that puts a `u128` given as its
    /// argument into such content (`BUFFERED_WIDE`). (Not for a field whose
    /// type names a type parameter: see [`concrete`], and
    /// `Facts::given` for how such a field answers instead.)
    pub(super) fn refuse_wide(input: &Input) -> TokenStream {
        let facts = quote!(__desk::types::Facts<__desk::types::Top>);
        let repr = buffered_repr(input);
        // A field read whole (`skip`) has no facts: its types are asked by
        // autoref where its typed checks are (`checks::skipped_types`).
        // A field that holds only the type itself asks what the other
        // fields ask each of their own types (and, for a type that holds a
        // type without `Validate`, would ask it again at every depth).
        let checks = all_fields(input)
            .filter(|f| !f.is_buffered() && only_itself(input, &f.ty).is_none())
            .filter_map(|f| Some((f, concrete(input, &f.ty)?)))
            .filter_map(|(f, ty)| match repr {
                // A wide integer given as an argument is a wide integer.
                Some(repr) => {
                    let message = wide_message(repr);
                    Some(quote_spanned! {f.span=>
                        const _: () = __desk::core::assert!(!<#ty as #facts>::WIDE_INTEGER, "{}", #message);
                    })
                }
                None if std_only(&ty) => None,
                None => {
                    let wide = super::gate::at(f, quote!(<#ty as #facts>::BUFFERED_WIDE));
                    Some(quote_spanned! {f.span=>
                        const _: () = __desk::core::assert!(!#wide, "{}", __desk::types::WIDE_BUFFERED);
                    })
                }
            });
        let checks = once(checks);
        quote!(#(#checks)*)
    }

    /// A compile error where Rust and JSON Schema would compare items
    /// otherwise: a set (here or in a list, map or `Option` of this field)
    /// of items whose equality is not JSON's, and `unique` on such items or
    /// keys. (Not for a field whose type names a type parameter: see
    /// [`concrete`].)
    pub(super) fn refuse_unequal(input: &Input) -> TokenStream {
        let facts = quote!(__desk::types::Facts<__desk::types::Top>);
        let mut checks = Vec::new();
        for f in all_fields(input).filter(|f| !f.is_buffered()) {
            let Some(ty) = &concrete(input, &f.ty) else {
                continue;
            };
            // Plain values and lists or maps of them hold no set; a field
            // that holds only the type itself holds the sets the other
            // fields answer for (as in `refuse_wide`).
            let plain = std_without(ty, &["HashSet", "BTreeSet"]);
            let itself = only_itself(input, &f.ty);
            if let Some(std) = &itself {
                checks.push(same_as_written(f, &f.ty, std));
            }
            if !plain && itself.is_none() {
                // The assert at the field, the type at its gate, if any.
                let sets = super::gate::at(f, quote!(<#ty as #facts>::SETS_UNEQUAL));
                let refused = refuse_if(f.span, &quote!(Set), &sets);
                checks.push(quote_spanned! {f.span=> const _: () = #refused; });
            }
            for rule in &f.rules {
                let RuleKind::Unique { by } = &rule.kind else {
                    continue;
                };
                let (why, compared) = match by {
                    None => (
                        quote!(<__desk::typed::ItemOf<#ty> as #facts>::UNEQUAL),
                        quote!(Items),
                    ),
                    Some(key) => (
                        quote!(__desk::typed::key_unequal(|__desk_i: &__desk::typed::ItemOf<#ty>| &__desk_i.#key)),
                        quote!(Key),
                    ),
                };
                let refused = refuse_if(rule.span, &compared, &why);
                let defaulted = by.as_ref().map(|key| refuse_no_key(ty, key, rule.span));
                checks.push(quote_spanned! {rule.span=>
                    const _: () = {
                        #refused;
                        #defaulted
                    };
                });
            }
        }
        let checks = once(checks.into_iter());
        quote!(#(#checks)*)
    }

    /// `HoldsFloat` for a type without type parameters with a field (read,
    /// or read whole) whose type, built of the standard library's, holds an
    /// `f32` or `f64`: as a `unique(by = ...)` key it then has no key in
    /// Rust (`FloatKey`), and as items none to compare (`FloatItems`), so
    /// that the derive's refusal (its `JSON_EQ` is false) is the one error,
    /// not also one for the `Eq` and `Hash` a float lacks.
    ///
    /// The names are read as written: a field written `f64` that is no
    /// float (an alias of that name) is refused by `std_named`.
    pub(super) fn holds_float(input: &Input) -> TokenStream {
        if input.generics.type_params().next().is_some()
            || input.generics.const_params().next().is_some()
        {
            return quote!();
        }
        // The names of the types, not of lifetimes (`Cow<'f64, str>`).
        let floats: Vec<&Field> = all_fields(input)
            .filter(|f| {
                std_only(&f.ty) && any_ident(&f.ty, false, &mut |n| n == "f32" || n == "f64")
            })
            .collect();
        if floats.is_empty() {
            return quote!();
        }
        let params = Params::of(input);
        let decl = params.decl(&[], &[]);
        let ty = self_ty(input);
        let own = params.own_where();
        quote!(impl #decl __desk::HoldsFloat for #ty #own {})
    }

    /// The check that every field type the derive reads by its names as
    /// the standard library's (`std_only`: its `Facts` are then not asked,
    /// but known) is what its names say: `Same` of the type as written and
    /// as the standard library's paths write it (`canonical`), at the
    /// field, which refuses a type of another crate or of the user's (or an
    /// alias) named `Box`, `String`, `f64`, ... (A type parameter named so
    /// is refused before: `is_std_name`.)
    pub(super) fn std_named(input: &Input) -> TokenStream {
        let mut seen = std::collections::BTreeSet::new();
        let calls: Vec<TokenStream> = all_fields(input)
            .filter(|f| std_only(&f.ty))
            .filter_map(|f| {
                let written = static_lifetimes(&f.ty);
                // The type as text: its plain key where it has one (read
                // once, and cheaper than printing its tokens), which no
                // printed type (a space between tokens) is.
                let key = f
                    .plain_key()
                    .map_or_else(|| format!(" {}", written.to_token_stream()), str::to_owned);
                if !seen.insert(key) {
                    return None;
                }
                let span = syn::spanned::Spanned::span(&f.ty);
                Some(match canonical(&written) {
                    Ok(std) => quote_spanned!(span=>
                        let () = <#written as __desk::types::Same<#std>>::SAME;
                    ),
                    Err(name) => {
                        let message = format!(
                            "`{name}` here is not the standard library's, which desk-schema \
                             reads that name as: give your type (or alias) another name"
                        );
                        quote_spanned!(span=> __desk::core::compile_error!(#message);)
                    }
                })
            })
            .collect();
        // A defaulted field read as an `Option` by its name alone
        // (`defaults_to_none`), whose item `Same` does not reach: asked in a
        // function with the type's own generics, which its type may name.
        let options: Vec<TokenStream> = all_fields(input)
            .filter(|f| super::defaults_to_none(f) && !std_only(&f.ty))
            .map(|f| {
                let written = super::gate::ungated(input, &f.ty);
                quote_spanned!(syn::spanned::Spanned::span(&f.ty)=>
                    let () = <#written as __desk::types::IsOption>::IS;
                )
            })
            .collect();
        if input.generics.params.is_empty() {
            return if calls.is_empty() && options.is_empty() {
                quote!()
            } else {
                quote!(const _: () = { #(#calls)* #(#options)* };)
            };
        }
        let options = (!options.is_empty()).then(|| {
            let params = Params::of(input);
            let (decl, bounds) = (params.decl(&[], &[]), params.own_where());
            quote!(#[allow(dead_code)] fn __desk_options #decl () #bounds { #(#options)* })
        });
        let calls = (!calls.is_empty()).then(|| quote!(const _: () = { #(#calls)* };));
        quote!(#calls #options)
    }

    /// `JsonView`'s `JSON_TYPES` and `WALK_TYPES`.
    pub(super) fn json_view(&self, input: &Input) -> (TokenStream, TokenStream) {
        if input.generics.params.is_empty() {
            let [_, json, walk] = self.render(|_| quote!(), below_top);
            return (json, walk);
        }
        let [_, json, walk] = self.render(
            |_| quote!(),
            |ty, which| {
                let which = quote::format_ident!("{}", which);
                quote!(<#ty as __desk::JsonView>::#which)
            },
        );
        (json, walk)
    }

    /// `ValidateIn::SERDE_SAME`.
    pub(super) fn serde_same(&self, input: &Input, ctx: &Ctx) -> TokenStream {
        if input.generics.params.is_empty() {
            let [same, _, _] = self.render(|ty| below_top(ty, "SERDE_SAME"), |_, _| quote!());
            return same;
        }
        let ctx_ty = &ctx.ty;
        let [same, _, _] = self.render(
            |ty| {
                if names_itself(input, ty) || may_reach_back(input, ty) {
                    quote!(false)
                } else {
                    quote!(<#ty as __desk::ValidateIn<#ctx_ty>>::SERDE_SAME)
                }
            },
            |_, _| quote!(),
        );
        same
    }
}

/// How a tagged or untagged enum is represented: its content is read
/// through serde's buffer, which holds no 128-bit integers. `None` for any
/// other type.
pub(super) fn buffered_repr(input: &Input) -> Option<&Repr> {
    match &input.shape {
        Shape::DataEnum { repr, .. } if !matches!(repr, Repr::External) => Some(repr),
        _ => None,
    }
}

/// Whether `ty`, as written, reads a `u128` or `i128` (or its `NonZero`):
/// a type it names, where the walk of a skipped field's types looks (not in
/// a `PhantomData`, an array's length or a qualified path).
fn reads_wide(ty: &syn::Type) -> bool {
    crate::paths::any_path(ty, |p| {
        p.qself.is_none()
            && p.path.segments.last().is_some_and(|s| {
                is_one_of(&s.ident, &["u128", "i128", "NonZeroU128", "NonZeroI128"])
            })
    })
}

/// Why a `u128` or `i128` is refused in a buffered enum (`repr`: not
/// externally tagged): the runtime's text, which the autoref check of a
/// skipped field's types says too.
fn wide_message(repr: &Repr) -> TokenStream {
    if matches!(repr, Repr::Untagged) {
        quote!(__desk::types::WIDE_UNTAGGED)
    } else {
        quote!(__desk::types::WIDE_TAGGED)
    }
}

/// `which` of `ty`'s `Facts` one level below the top: a derived type's own
/// constant at the top, written out (the body of its `Facts<S<D>>` impl)
/// rather than read from `Self`, so that it names only the fields' types.
fn below_top(ty: &syn::Type, which: &str) -> TokenStream {
    let which = quote::format_ident!("{}", which);
    let ty = &static_lifetimes(ty);
    let at = quote!(<#ty as __desk::types::Facts<__desk::types::BelowTop>>::#which);
    // At the gate's span when `ty` is gated (`gate::at`).
    match super::gate::span_in(ty) {
        Some(span) => super::respan(at, span),
        None => at,
    }
}

/// `ty` as a compile-time assertion outside the type's impls can name it:
/// with every lifetime `'static` (a type's facts do not depend on them), or
/// `None` when it names one of the type's type or const parameters, which
/// only the impls know (a generic type's fields are asked where the type is
/// used with arguments, as far as their facts reach).
fn concrete(input: &Input, ty: &syn::Type) -> Option<syn::Type> {
    (!names_own_params(input, ty)).then(|| static_lifetimes(ty))
}

/// Whether `ty` names one of the type's type or const parameters (or may:
/// a macro in a generic type's field type may expand to its parameters,
/// lifetimes too, which the tokens do not show): no [`concrete`] form.
fn names_own_params(input: &Input, ty: &syn::Type) -> bool {
    if input.generics.params.is_empty() {
        return false;
    }
    let params: Vec<String> = input
        .generics
        .type_params()
        .map(|p| p.ident.to_string())
        .chain(input.generics.const_params().map(|p| p.ident.to_string()))
        .collect();
    let params: Vec<&str> = params.iter().map(String::as_str).collect();
    names_macro(ty.to_token_stream()) || type_names_any(ty, &params)
}

/// Whether `ty` may name a lifetime: false only where syn's tree shows it
/// names none (a path's type arguments, arrays of a literal or a plain
/// named length, slices, tuples, pointers, parentheses); true for anything else.
fn may_name_lifetime(ty: &syn::Type) -> bool {
    match ty {
        syn::Type::Path(p) if p.qself.is_none() => {
            p.path.segments.iter().any(|seg| match &seg.arguments {
                syn::PathArguments::None => false,
                syn::PathArguments::AngleBracketed(args) => args.args.iter().any(|arg| match arg {
                    syn::GenericArgument::Type(t) => may_name_lifetime(t),
                    _ => true,
                }),
                syn::PathArguments::Parenthesized(_) => true,
            })
        }
        syn::Type::Array(a) => {
            may_name_lifetime(&a.elem)
                || !match &a.len {
                    syn::Expr::Lit(_) => true,
                    syn::Expr::Path(p) => {
                        p.qself.is_none() && p.path.segments.iter().all(|s| s.arguments.is_none())
                    }
                    _ => false,
                }
        }
        syn::Type::Slice(s) => may_name_lifetime(&s.elem),
        syn::Type::Ptr(p) => may_name_lifetime(&p.elem),
        syn::Type::Paren(p) => may_name_lifetime(&p.elem),
        syn::Type::Group(g) => may_name_lifetime(&g.elem),
        syn::Type::Tuple(t) => t.elems.iter().any(may_name_lifetime),
        _ => true,
    }
}

/// Whether `tokens` call a macro (`name!(...)`).
fn names_macro(tokens: TokenStream) -> bool {
    tokens.into_iter().any(|t| match t {
        proc_macro2::TokenTree::Punct(p) => p.as_char() == '!',
        proc_macro2::TokenTree::Group(g) => names_macro(g.stream()),
        _ => false,
    })
}

/// `ty` with every lifetime `'static`: a type's `Facts` do not depend on
/// its lifetimes, and two bounds that differ only in them (`L<'a>` and
/// `L<'b>`) would leave rustc unable to choose (E0283); nor do the number
/// constants a `range` bound is checked against outside any impl, where
/// the type's lifetimes are not declared.
pub(super) fn static_lifetimes(ty: &syn::Type) -> syn::Type {
    fn each(tokens: TokenStream) -> TokenStream {
        let mut out = TokenStream::new();
        let mut after_quote = false;
        for tree in tokens {
            match tree {
                proc_macro2::TokenTree::Ident(i) if after_quote => {
                    out.extend([proc_macro2::TokenTree::Ident(proc_macro2::Ident::new(
                        "static",
                        i.span(),
                    ))]);
                    after_quote = false;
                }
                proc_macro2::TokenTree::Group(g) => {
                    let mut inner = proc_macro2::Group::new(g.delimiter(), each(g.stream()));
                    inner.set_span(g.span());
                    out.extend([proc_macro2::TokenTree::Group(inner)]);
                    after_quote = false;
                }
                other => {
                    after_quote =
                        matches!(&other, proc_macro2::TokenTree::Punct(p) if p.as_char() == '\'');
                    out.extend([other]);
                }
            }
        }
        out
    }
    // Most field types name no lifetime: they are their own answer, with no
    // round trip through tokens (measured on `bench/probe`: 70 M of the
    // derive's 480 M instructions).
    if !may_name_lifetime(ty) {
        return ty.clone();
    }
    syn::parse2(each(ty.to_token_stream())).unwrap_or_else(|_| ty.clone())
}

/// Whether a newtype over `ty` gets a view struct of its own (see
/// `view::newtype`): when `ty` names the newtype itself, is a container
/// (whose view would otherwise be a plain `Vec` or `Option` of views, and
/// two newtypes that hold each other a type of infinite size), or is not
/// written as the standard library's: an alias, which may be either (`type
/// Trees = Vec<Tree>`), as may a qualified path; a type parameter; a type of
/// the user's own (`struct Id(Inner)`), which only costs a struct around its
/// view.
pub(super) fn own_view(input: &Input, ty: &syn::Type) -> bool {
    const CONTAINERS: [&str; 7] = [
        "Vec", "Option", "Box", "HashMap", "BTreeMap", "HashSet", "BTreeSet",
    ];
    let container = matches!(ty, syn::Type::Path(p) if p.qself.is_none()
        && p.path.segments.last().is_some_and(|s| is_one_of(&s.ident, &CONTAINERS)));
    // A type the derive cannot read (an alias, a qualified path, the
    // user's own: the gate's name for it) may reach the newtype itself
    // (`type Trees = Vec<Tree>`).
    container || names_itself(input, ty) || !std_only(crate::check::as_written(ty))
}

/// `ty` written with the standard containers' own paths, when it is the
/// type itself (`Self`, or its own name alone; a type without parameters)
/// inside nothing but the standard containers whose `SETS_AS_JSON`,
/// `BUFFERED_WIDE` and `WIDE_INTEGER` are their items' (`Vec`, `Option`,
/// `Box`, a map's values): those are then the type's own, which its other
/// fields answer for. Not a set, a type of the user's around it
/// (`Vec<Tagged<Self>>`), nor another module's type of the same name
/// (`m::Tree`). A container named alone may be the user's own (`type
/// Vec<T> = BTreeSet<T>`): [`same_as_written`] asks rustc.
fn only_itself(input: &Input, ty: &syn::Type) -> Option<TokenStream> {
    if !input.generics.params.is_empty() {
        return None;
    }
    let syn::Type::Path(p) = crate::check::as_written(ty) else {
        return None;
    };
    if p.qself.is_some() {
        return None;
    }
    let own = &input.ident;
    if super::checks::is_own(p, "Self") || super::checks::is_own(p, &own.to_string()) {
        return p.path.segments[0].arguments.is_none().then(|| quote!(#own));
    }
    let last = p.path.segments.last()?;
    let args = crate::paths::type_args(last);
    let (module, std, item, key) = match (last.ident.to_string().as_str(), args.as_slice()) {
        ("Vec", [item]) => ("vec", quote!(StdVec), *item, None),
        ("Option", [item]) => ("option", quote!(StdOption), *item, None),
        ("Box", [item]) => ("boxed", quote!(StdBox), *item, None),
        ("HashMap", [key, value]) => ("collections", quote!(StdHashMap), *value, Some(*key)),
        ("BTreeMap", [key, value]) => ("collections", quote!(StdBTreeMap), *value, Some(*key)),
        _ => return None,
    };
    if !crate::paths::std_named(&p.path, &["std", "alloc", "core"], module) {
        return None;
    }
    let item = only_itself(input, item)?;
    let key = key.map(|k| quote!(#k,));
    Some(quote!(__desk::types::#std<#key #item>))
}

/// A compile-time proof, at the field, that `written` is `std` (the type as
/// [`only_itself`] writes it): a type mismatch otherwise.
fn same_as_written(f: &Field, written: &syn::Type, std: &TokenStream) -> TokenStream {
    quote_spanned! {f.span=>
        const _: fn(#std) -> #written = |__desk_v| __desk_v;
    }
}

fn names_itself(input: &Input, ty: &syn::Type) -> bool {
    // As written: a gate written out in full (a type with a lifetime) names
    // `__desk::Nested`, which is no mention of a type named `Nested`.
    let ty = super::gate::ungated(input, ty);
    type_names_any(&ty, &[&input.ident.to_string(), "Self"])
}

/// Whether a generic type's field type names another derived type over the
/// type's own parameters (`Vec<H<T>>` in `G<T>`), whose constant may in turn
/// name this type's (`H<T>` holding a `G<T>`): a cycle of constants, rustc's
/// E0391. Such a field counts as not the same as serde.
fn may_reach_back(input: &Input, ty: &syn::Type) -> bool {
    fn other(tokens: TokenStream, params: &[&str]) -> bool {
        tokens.into_iter().any(|t| match t {
            proc_macro2::TokenTree::Ident(i) => {
                // A keyword (`as` in `<T as Tr>::M`) names no type.
                !is_one_of(&i, params)
                    && syn::parse2::<syn::Type>(quote!(#i)).is_ok_and(|ty| !std_only(&ty))
            }
            proc_macro2::TokenTree::Group(g) => other(g.stream(), params),
            _ => false,
        })
    }
    let params: Vec<String> = input
        .generics
        .type_params()
        .map(|p| p.ident.to_string())
        .collect();
    let params: Vec<&str> = params.iter().map(String::as_str).collect();
    if !type_names_any(ty, &params) {
        return false;
    }
    other(ty.to_token_stream(), &params)
}

/// Whether `ty` names a type other than the standard library's with
/// generic arguments (`A<u8>`, `Vec<A<u8>>`).
fn instantiates_generic(ty: &syn::Type) -> bool {
    let syn::Type::Path(p) = ty else { return false };
    p.path.segments.iter().any(|seg| {
        let syn::PathArguments::AngleBracketed(args) = &seg.arguments else {
            return false;
        };
        let ident = &seg.ident;
        let own = syn::parse2::<syn::Type>(quote!(#ident)).is_ok_and(|ty| !std_only(&ty));
        own || args
            .args
            .iter()
            .any(|a| matches!(a, syn::GenericArgument::Type(t) if instantiates_generic(t)))
    })
}

/// The modules the standard library's types are written through
/// (`std::collections::HashMap`): with the types of [`STD_PATHS`], the names
/// [`std_only`] accepts.
const STD_MODULES: [&str; 16] = [
    "std",
    "alloc",
    "core",
    "collections",
    "borrow",
    "sync",
    "rc",
    "boxed",
    "primitive",
    "vec",
    "option",
    "string",
    "hash_map",
    "btree_map",
    "hash_set",
    "btree_set",
];

/// Whether the derive reads `name` as the standard library's (a type of
/// [`STD_PATHS`], or a module of [`STD_MODULES`]): a type parameter so named
/// would be read as that type, and is refused.
pub(crate) fn is_std_name(name: &str) -> bool {
    STD_PATHS.iter().any(|(n, ..)| *n == name) || STD_MODULES.contains(&name)
}

/// The standard library's types the derive reads by their names, with the
/// path of each and how many type arguments it takes.
const STD_PATHS: [(&str, &str, usize); 28] = [
    ("Option", "::core::option::Option", 1),
    ("Vec", "::std::vec::Vec", 1),
    ("Box", "::std::boxed::Box", 1),
    ("String", "::std::string::String", 0),
    ("str", "::core::primitive::str", 0),
    ("Cow", "::std::borrow::Cow", 1),
    ("Arc", "::std::sync::Arc", 1),
    ("Rc", "::std::rc::Rc", 1),
    ("HashMap", "::std::collections::HashMap", 2),
    ("BTreeMap", "::std::collections::BTreeMap", 2),
    ("HashSet", "::std::collections::HashSet", 1),
    ("BTreeSet", "::std::collections::BTreeSet", 1),
    ("u8", "::core::primitive::u8", 0),
    ("u16", "::core::primitive::u16", 0),
    ("u32", "::core::primitive::u32", 0),
    ("u64", "::core::primitive::u64", 0),
    ("u128", "::core::primitive::u128", 0),
    ("usize", "::core::primitive::usize", 0),
    ("i8", "::core::primitive::i8", 0),
    ("i16", "::core::primitive::i16", 0),
    ("i32", "::core::primitive::i32", 0),
    ("i64", "::core::primitive::i64", 0),
    ("i128", "::core::primitive::i128", 0),
    ("isize", "::core::primitive::isize", 0),
    ("f32", "::core::primitive::f32", 0),
    ("f64", "::core::primitive::f64", 0),
    ("bool", "::core::primitive::bool", 0),
    ("char", "::core::primitive::char", 0),
];

/// `ty` (a [`std_only`] type, its lifetimes `'static`) with each type
/// written by the standard library's path ([`STD_PATHS`]): the type its
/// names say. `Err` with the name written where no standard type can be
/// (a module's name as a type, `Vec` without its item, `Option<A, B>`).
fn canonical(ty: &syn::Type) -> Result<TokenStream, String> {
    match ty {
        syn::Type::Path(p) => {
            let last = p.path.segments.last().ok_or_else(String::new)?;
            let name = last.ident.to_string();
            let (_, path, types) = STD_PATHS
                .iter()
                .find(|(n, ..)| *n == name)
                .ok_or_else(|| name.clone())?;
            // Built of its idents (parsing the text, `str::parse`, lexes it
            // through the compiler, for every field), from the prelude's
            // `core` or `std`: `::core` is the crate root in edition 2015,
            // and `::std` is absent from a `no_std` crate.
            let path = path
                .split("::")
                .skip(1)
                .map(|seg| proc_macro2::Ident::new(seg, proc_macro2::Span::call_site()));
            let path = quote!(__desk #(::#path)*);
            let syn::PathArguments::AngleBracketed(args) = &last.arguments else {
                return if *types == 0 && last.arguments.is_empty() {
                    Ok(path)
                } else {
                    Err(name)
                };
            };
            let mut out = Vec::new();
            let mut given = 0;
            for arg in &args.args {
                match arg {
                    syn::GenericArgument::Type(t) => {
                        given += 1;
                        out.push(canonical(t)?);
                    }
                    syn::GenericArgument::Lifetime(l) => out.push(quote!(#l)),
                    _ => return Err(name),
                }
            }
            // A hasher is no name of `STD_PATHS`: a map or set given one is not
            // `std_only`, and comes here with its key and value alone.
            if given != *types {
                return Err(name);
            }
            Ok(quote!(#path<#(#out),*>))
        }
        syn::Type::Reference(r) => {
            let (lifetime, mutability, elem) = (&r.lifetime, &r.mutability, canonical(&r.elem)?);
            Ok(quote!(&#lifetime #mutability #elem))
        }
        syn::Type::Slice(t) => {
            let elem = canonical(&t.elem)?;
            Ok(quote!([#elem]))
        }
        syn::Type::Array(t) => {
            let (elem, len) = (canonical(&t.elem)?, &t.len);
            Ok(quote!([#elem; #len]))
        }
        syn::Type::Paren(t) => canonical(&t.elem),
        syn::Type::Group(t) => canonical(&t.elem),
        syn::Type::Tuple(t) => {
            let elems = t
                .elems
                .iter()
                .map(canonical)
                .collect::<Result<Vec<_>, _>>()?;
            Ok(quote!((#(#elems,)*)))
        }
        other => Err(other.to_token_stream().to_string()),
    }
}

/// Whether `ty` is built only of the standard library's types (and
/// `serde_json::Value`), which answer `Facts` at every depth.
pub(super) fn std_only(ty: &syn::Type) -> bool {
    !any_ident(ty, false, &mut |name| !is_std_name(name))
}

/// Whether `ty` is built only of the standard library's types, of the
/// type parameters `params` and their associated types (`T`, `T::Member`),
/// and of the type `own` itself (`Vec<Tree<T>>` in `Tree<T>`, or `Self`).
pub(super) fn std_or_params(ty: &syn::Type, params: &[&str], own: &str) -> bool {
    match ty {
        syn::Type::Path(p) if p.qself.is_none() => {
            let first = p.path.segments.first().map(|s| s.ident.to_string());
            if p.path.leading_colon.is_none() && first.is_some_and(|f| params.contains(&f.as_str()))
            {
                return true;
            }
            p.path.segments.iter().all(|seg| {
                let name = seg.ident.to_string();
                let known = is_std_name(&name) || name == own || name == "Self";
                known
                    && match &seg.arguments {
                        syn::PathArguments::None => true,
                        syn::PathArguments::AngleBracketed(args) => {
                            args.args.iter().all(|a| match a {
                                syn::GenericArgument::Type(t) => std_or_params(t, params, own),
                                syn::GenericArgument::Lifetime(_) => true,
                                _ => false,
                            })
                        }
                        syn::PathArguments::Parenthesized(_) => false,
                    }
            })
        }
        syn::Type::Reference(r) => std_or_params(&r.elem, params, own),
        syn::Type::Slice(t) => std_or_params(&t.elem, params, own),
        syn::Type::Array(t) => std_or_params(&t.elem, params, own),
        syn::Type::Paren(t) => std_or_params(&t.elem, params, own),
        syn::Type::Group(t) => std_or_params(&t.elem, params, own),
        syn::Type::Tuple(t) => t.elems.iter().all(|e| std_or_params(e, params, own)),
        _ => false,
    }
}

/// Whether `ty` is built only of the standard library's types and names
/// none of `names`.
fn std_without(ty: &syn::Type, names: &[&str]) -> bool {
    std_only(ty) && !type_names_any(ty, names)
}

/// [`names_any`] on a type: whether `ty` names any of `names`.
pub(super) fn type_names_any(ty: &syn::Type, names: &[&str]) -> bool {
    any_ident(ty, true, &mut |name| names.contains(&name))
}

/// Whether `f` holds for a name in `ty`: each identifier it is written
/// with, as its tokens hold them (keywords such as `mut` and `as` too), and
/// a lifetime's name only with `lifetimes`. Read from syn's tree where it
/// is plain, which costs less than the tokens; from the tokens elsewhere.
fn any_ident(ty: &syn::Type, lifetimes: bool, f: &mut dyn FnMut(&str) -> bool) -> bool {
    let lifetime =
        |l: &syn::Lifetime, f: &mut dyn FnMut(&str) -> bool| lifetimes && f(&l.ident.to_string());
    match ty {
        syn::Type::Path(p) if p.qself.is_none() => p.path.segments.iter().any(|seg| {
            f(&seg.ident.to_string())
                || match &seg.arguments {
                    syn::PathArguments::None => false,
                    syn::PathArguments::AngleBracketed(args) => {
                        args.args.iter().any(|arg| match arg {
                            syn::GenericArgument::Type(t) => any_ident(t, lifetimes, f),
                            syn::GenericArgument::Lifetime(l) => lifetime(l, f),
                            other => tokens_any_ident(other.to_token_stream(), lifetimes, f),
                        })
                    }
                    parenthesized @ syn::PathArguments::Parenthesized(_) => {
                        tokens_any_ident(parenthesized.to_token_stream(), lifetimes, f)
                    }
                }
        }),
        syn::Type::Reference(r) => {
            r.lifetime.as_ref().is_some_and(|l| lifetime(l, f))
                || (r.mutability.is_some() && f("mut"))
                || any_ident(&r.elem, lifetimes, f)
        }
        syn::Type::Slice(t) => any_ident(&t.elem, lifetimes, f),
        syn::Type::Paren(t) => any_ident(&t.elem, lifetimes, f),
        syn::Type::Tuple(t) => t.elems.iter().any(|e| any_ident(e, lifetimes, f)),
        other => tokens_any_ident(other.to_token_stream(), lifetimes, f),
    }
}

/// [`any_ident`] on tokens.
fn tokens_any_ident(tokens: TokenStream, lifetimes: bool, f: &mut dyn FnMut(&str) -> bool) -> bool {
    let mut quote_before = false;
    tokens.into_iter().any(|t| {
        let after_quote = std::mem::replace(
            &mut quote_before,
            matches!(&t, proc_macro2::TokenTree::Punct(p) if p.as_char() == '\''),
        );
        match t {
            proc_macro2::TokenTree::Ident(i) => (lifetimes || !after_quote) && f(&i.to_string()),
            proc_macro2::TokenTree::Group(g) => tokens_any_ident(g.stream(), lifetimes, f),
            _ => false,
        }
    })
}

/// Whether `ident` is one of `names`. The ident is read once: comparing a
/// compiler's ident with a string reads it anew each time.
pub(super) fn is_one_of(ident: &proc_macro2::Ident, names: &[&str]) -> bool {
    let ident = ident.to_string();
    names.contains(&ident.as_str())
}

/// Whether `tokens` name any of `names`.
pub(super) fn names_any(tokens: TokenStream, names: &[&str]) -> bool {
    tokens_any_ident(tokens, true, &mut |name| names.contains(&name))
}

/// `a | b | ...`, or `0` for none.
/// `items` without the repeats (by their text), each kept where it first
/// came: two fields of one type ask it the same, and a compile error about
/// the type is one error, at the first.
fn once(items: impl Iterator<Item = TokenStream>) -> Vec<TokenStream> {
    let mut items: Vec<TokenStream> = items.collect();
    // Most lists hold one item or none: no text to write.
    if items.len() > 1 {
        let mut seen = std::collections::BTreeSet::new();
        items.retain(|t| seen.insert(t.to_string()));
    }
    items
}

fn bit_or(parts: impl Iterator<Item = TokenStream>) -> TokenStream {
    let parts = once(parts);
    if parts.is_empty() {
        quote!(0)
    } else {
        quote!(#(#parts)|*)
    }
}

/// A compile error where `unique(by = key)`'s key field is no key every
/// path compares alike (`Nested::NO_KEYS`): one serde fills in where the
/// JSON has none (a serde default other than an `Option`'s `None`, or a
/// field serde never reads), so that the typed check would find repeats
/// the walk and the schema do not, or one read whole (`#[desk(skip)]`),
/// which the walk has no view of.
fn refuse_no_key(ty: &syn::Type, key: &syn::Ident, span: proc_macro2::Span) -> TokenStream {
    let name = super::rust_name(key);
    let message = format!(
        "`unique(by = {name})`: `{name}` is no key every path compares alike: serde fills it in \
         where the JSON has none (a serde default other than `None`, or `skip`), so the typed \
         check would find repeats the walk and the schema do not, or desk-schema reads it whole \
         (`#[desk(skip)]`); give `{name}` rules of its own and no default, or make it an \
         `Option`, written `Option<...>`, with the default `None` (an item without it then has \
         no key on every path)"
    );
    quote_spanned! {span=>
        __desk::core::assert!(
            !__desk::types::names_hold(
                <__desk::typed::ItemOf<#ty> as __desk::Nested>::NO_KEYS,
                #name
            ),
            "{}",
            #message
        );
    }
}

/// The `unequal` cause `name` (`None`: no cause, `0`).
fn cause(name: Option<&str>) -> TokenStream {
    name.map_or_else(
        || quote!(0),
        |name| {
            let name = quote::format_ident!("{}", name);
            quote!(__desk::types::unequal::#name)
        },
    )
}

/// A compile error at `span` when `why` (an `UNEQUAL` of a comparison,
/// `compared`, a variant of `types::Compared`) names a cause: the message
/// names the first and what to do about it.
fn refuse_if(span: proc_macro2::Span, compared: &TokenStream, why: &TokenStream) -> TokenStream {
    quote_spanned! {span=>
        __desk::types::refuse_unequal(__desk::types::Compared::#compared, #why)
    }
}

/// A field type's answer to one of the `Facts` questions (`which`), spanned
/// at the type where a gate may name it.
fn ask(ty: &syn::Type, which: &str) -> TokenStream {
    let which = quote::format_ident!("{}", which);
    let ty = static_lifetimes(ty);
    let at = quote!(<#ty as __desk::types::Facts<__DeskD>>::#which);
    match super::gate::span_in(&ty) {
        Some(span) => super::respan(at, span),
        None => at,
    }
}

#[cfg(test)]
mod tests {
    use quote::ToTokens;

    use super::{may_name_lifetime, static_lifetimes, std_only, type_names_any};

    fn ty(text: &str) -> syn::Type {
        syn::parse_str(text).unwrap()
    }

    /// The names a type is read for: every identifier its tokens hold,
    /// keywords too, and a lifetime's only when asked.
    #[test]
    fn a_type_is_read_for_every_name_its_tokens_hold() {
        for plain in [
            "String",
            "&'static str",
            "Option<Vec<u32>>",
            "::std::collections::HashMap<String, Vec<u8>>",
            "std::borrow::Cow<'a, str>",
            "(u8, bool)",
            "()",
            "[char]",
            "Box<[u8]>",
            "(Option<i64>)",
            "[u8; 4]",
        ] {
            assert!(std_only(&ty(plain)), "{plain}");
        }
        for other in [
            "&mut String",
            "*const u8",
            "[u8; N]",
            "<u8 as Trait>::Out",
            "Vec<Tag>",
            "Box<dyn Fn(u8) -> u8>",
            "fn(u8)",
            "impl Iterator<Item = u8>",
            "Option<Item<u8>>",
            "HashMap<String, T>",
        ] {
            assert!(!std_only(&ty(other)), "{other}");
        }
        assert!(type_names_any(&ty("Vec<Option<T>>"), &["T"]));
        assert!(type_names_any(&ty("&'T str"), &["T"]), "a lifetime's name");
        assert!(type_names_any(&ty("Cow<'T, str>"), &["T"]));
        assert!(type_names_any(&ty("Box<dyn Fn(T)>"), &["T"]));
        assert!(type_names_any(&ty("Vec<[T; 2]>"), &["T"]));
        assert!(type_names_any(&ty("<Self as X>::Y"), &["Self"]));
        assert!(type_names_any(&ty("Vec<Self>"), &["Self"]));
        assert!(!type_names_any(&ty("Vec<Tree>"), &["T", "Self"]));
        assert!(!type_names_any(&ty("&'a TT"), &["T"]));
    }

    /// A type `may_name_lifetime` clears holds no lifetime in its tokens,
    /// so it is its own `static_lifetimes`; one it does not clear is
    /// rewritten as before.
    #[test]
    fn only_a_type_with_no_lifetime_skips_the_rewrite() {
        for clear in [
            "String",
            "Option<Vec<u32>>",
            "::std::collections::HashMap<String, Vec<u8>>",
            "(u8, [char; 4], Box<[u8]>)",
            "[u8; N]",
            "*const u8",
            "(Option<i64>)",
        ] {
            let t = ty(clear);
            assert!(!may_name_lifetime(&t), "{clear}");
            assert!(!t.to_token_stream().to_string().contains('\''), "{clear}");
        }
        for (named, rewritten) in [
            ("&'a str", "& 'static str"),
            ("Cow<'a, str>", "Cow < 'static , str >"),
            ("Vec<Wrap<'b>>", "Vec < Wrap < 'static > >"),
            (
                "[u8; <Wrap<'a> as X>::N]",
                "[u8 ; < Wrap < 'static > as X > :: N]",
            ),
            ("Box<dyn Fn(&'a u8)>", "Box < dyn Fn (& 'static u8) >"),
        ] {
            let t = ty(named);
            assert!(may_name_lifetime(&t), "{named}");
            assert_eq!(
                static_lifetimes(&t).to_token_stream().to_string(),
                rewritten
            );
        }
    }

    /// The names `docs/derive.md` says the derive reads as the standard
    /// library's are those of `STD_PATHS` (the docs list them for the
    /// reader, by hand).
    #[test]
    fn the_docs_name_the_standard_types_std_paths_holds() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../desk-schema/docs/derive.md");
        let docs = std::fs::read_to_string(path).unwrap();
        let start = docs
            .find("The derive reads a field's type by its names:")
            .expect("the paragraph on standard names");
        let end = start
            + docs[start..]
                .find("are the standard library's types")
                .unwrap();
        let list = &docs[start..end];
        let mut named: Vec<&str> = list.split('`').skip(1).step_by(2).collect();
        if list.contains("the integers") {
            named.extend([
                "u8", "u16", "u32", "u64", "u128", "usize", "i8", "i16", "i32", "i64", "i128",
                "isize",
            ]);
        }
        named.sort_unstable();
        let mut held: Vec<&str> = super::STD_PATHS.iter().map(|(n, ..)| *n).collect();
        held.sort_unstable();
        assert_eq!(named, held);
    }
}
