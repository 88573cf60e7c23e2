//! `#[desk(nested)]` on a type that does not derive `Validate`, rules on a
//! type that is not a plain value, and a map key that is not a string type:
//! one error, in our words, at the type.
//!
//! A field with rules and no `nested` has each type in it that is not
//! written as the standard library's (a type of the user's or another
//! crate's, an alias) written `<T as Leaf>::Checked`: an alias of a plain
//! value passes, anything else is one error. Its rules' calls in the walk
//! take the gate's span, as the typed check's value does, so that a rule
//! that does not apply to an aliased type is one error too.
//!
//! A map key of any field the walk reads (not a `skip` field's) that is not
//! written as a standard string type (`String`, `Box`, `Rc` or `Arc` of
//! `str`) is written `<K as MapKey>::Checked` in the same way: an alias of
//! `String` passes, an enum or a newtype is one error. A map whose key and
//! value are both gated gates both at the map's span.
//!
//! The generated code names a nested field's type in many items (the view,
//! the walk, the typed checks, the schema, the `Facts`). Each would fail on
//! its own, naming a different hidden trait. So every such type that is not
//! the standard library's is written `<T as Gate>::Gated` instead (through
//! an alias, `__DeskG0`; `<T as Nested>::Checked` when it names a parameter
//! of the deriving type, which the impls' bounds answer for): an impl that
//! does not exist makes that one error (`diagnostic::on_unimplemented` on
//! both traits words it), and rustc follows the projection it cannot
//! normalize no further. A derived generic type's `Gated` writes its
//! arguments through their own (`impl_gate`), so `Wrapper<NotDerived>` is
//! one error too, naming `NotDerived`.
//!
//! Three things keep it one:
//! - values of the field cross to and from the gated type only through the
//!   field's identity functions (`fns`), whose signatures hold the gated
//!   type (in a body, a failed projection would be an inference variable
//!   that takes the written type and asks it for every trait again);
//! - every token that names the gated type, and the items, braces and
//!   headers rustc reports a failed signature at, carry the gate's span
//!   (`at`, `at_first`), so the copies are identical and rustc prints one
//!   (with several gated fields, the items that name them all take the
//!   nested one's span when there is one such type, else the derive's: a
//!   mistake is said at its field and at `#[derive(Validate)]`, never at
//!   another field that may be right);
//! - the gated type sits in an invisible group that `respan` leaves alone,
//!   so a rule's code around it keeps the rule's span and the type the
//!   gate's.

use proc_macro2::{Span, TokenStream};
use quote::{ToTokens, quote};
use syn::spanned::Spanned;

use crate::model::{Field, Gate, GateTrait, Gated, Input, Mode, Shape, VariantData};

/// The prelude the gate names (`__desk::Nested`, and `__DeskG0`, …): a
/// derived type named so would be taken for the gate by the derive's
/// checks that read types as written, so its fields are left as written.
/// (The traits are told by their path, so a type may be named `Nested`.)
const GATE_NAMES: [&str; 1] = ["__desk"];

/// Writes `Self` in the fields' types as the type's name (the generated
/// code names them outside the type's impls, as serde's derive does), and
/// every nested field's own types through the gate.
pub(crate) fn gate(input: &mut Input) {
    let self_ty = super::self_ty(input);
    for_each_field(input, |field| {
        if super::facts::type_names_any(&field.ty, &["Self"])
            && let Ok(ty) = syn::parse2(replace_self(field.ty.to_token_stream(), &self_ty))
        {
            field.ty = ty;
        }
    });
    if super::facts::is_one_of(&input.ident, &GATE_NAMES) {
        return;
    }
    let params: Vec<syn::Ident> = input
        .generics
        .type_params()
        .map(|p| p.ident.clone())
        .collect();
    let mut own = Own {
        ident: input.ident.clone(),
        params: params.clone(),
        context: context_of(input),
        shares: false,
        alias: Took::Nothing,
        sets: Vec::new(),
    };
    let turbofish = if params.is_empty() {
        quote!()
    } else {
        quote!(::<#(#params),*>)
    };
    // One pair of identity functions for each type as written, and one
    // alias for each gated type.
    let mut types: Vec<String> = Vec::new();
    let mut gated = Vec::new();
    let mut defaults = 0;
    let each = |field: &mut Field| {
        // A nested field's own types, and every walked field's map keys.
        let items = match field.mode {
            Mode::Nested(_) => GateTrait::Nested,
            // A standard plain type (`String`, `Vec<u8>`) passes as written.
            Mode::Rules if field.plain_key().is_some() => return,
            Mode::Rules => GateTrait::Leaf,
            Mode::Skip => return,
        };
        let written = field.ty.clone();
        own.alias = Took::Nothing;
        own.shares = items == GateTrait::Nested
            && field
                .rules
                .iter()
                .all(|r| matches!(r.kind, crate::model::RuleKind::Custom { .. }));
        if let Some(span) = gate_type(&mut field.ty, items, None, &mut own, &mut gated) {
            let key = written.to_token_stream().to_string();
            let index = types.iter().position(|t| *t == key).unwrap_or_else(|| {
                types.push(key);
                types.len() - 1
            });
            let nested = names_nested_gate(field.ty.to_token_stream(), &gated);
            let concrete = !own.names_param(written.to_token_stream());
            let default = matches!(field.absent, crate::model::Absent::FieldPath(_)).then(|| {
                defaults += 1;
                defaults - 1
            });
            field.gate = Some(Gate {
                span,
                alias: match own.alias {
                    Took::Alias(index) => Some(index),
                    Took::Nothing | Took::Own => None,
                },
                index,
                written,
                default,
                turbofish: turbofish.clone(),
                nested,
                concrete,
            });
        }
    };
    for_each_field(input, each);
    input.gated = gated;
}

fn for_each_field(input: &mut Input, mut each: impl FnMut(&mut Field)) {
    match &mut input.shape {
        Shape::Struct(fields) => fields.iter_mut().for_each(&mut each),
        Shape::Newtype(field) => each(field),
        Shape::Enum { .. } => {}
        Shape::DataEnum { variants, .. } => {
            for v in variants {
                match &mut v.data {
                    VariantData::Unit => {}
                    VariantData::Newtype(field) => each(field),
                    VariantData::Struct { fields, .. } => fields.iter_mut().for_each(&mut each),
                }
            }
        }
    }
}

fn replace_self(tokens: TokenStream, self_ty: &TokenStream) -> TokenStream {
    tokens
        .into_iter()
        .flat_map(|tree| match tree {
            proc_macro2::TokenTree::Ident(i) if i == "Self" => {
                super::respan(self_ty.clone(), i.span())
            }
            proc_macro2::TokenTree::Group(g) => {
                let mut inner =
                    proc_macro2::Group::new(g.delimiter(), replace_self(g.stream(), self_ty));
                inner.set_span(g.span());
                quote!(#inner)
            }
            other => quote!(#other),
        })
        .collect()
}

/// The standard library's containers, whose item types are gated in turn.
const CONTAINERS: [&str; 7] = [
    "Option", "Vec", "Box", "HashMap", "BTreeMap", "HashSet", "BTreeSet",
];

/// What gating a field's types needs to know of the type that holds it,
/// and what it has gated so far.
#[derive(Clone)]
struct Own {
    ident: syn::Ident,
    params: Vec<syn::Ident>,
    /// The type's context (`()` when it declares none): each type it nests
    /// must be checked in it (`InContext`), or one error says that it is not.
    context: TokenStream,
    /// Whether the field being gated may take the span of a type gated
    /// before, the first field's: a nested field's, unless it has rules
    /// other than `custom` (whose errors are at the function's name), whose
    /// errors (a rule that does not apply to the type) must point at the
    /// field they are on; nor a set's items, at their set.
    shares: bool,
    /// The alias whose span every type the field being gated took, if
    /// one did ([`Gate::alias`]).
    alias: Took,
    /// Each standard set of a type gated so far (`BTreeSet<Color>`, as
    /// written), and where its items were first gated: a set's items share
    /// that span with the same set in another field, and with nothing else.
    sets: Vec<(String, Span)>,
}

/// Whose span the types a field gates took.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Took {
    /// None gated yet.
    Nothing,
    /// Each, this alias's (its first field's).
    Alias(usize),
    /// One, a span of its own.
    Own,
}

impl Own {
    /// Whether `tokens` name one of the type's own type parameters.
    fn names_param(&self, tokens: TokenStream) -> bool {
        names_param(tokens, &self.params)
    }
}

/// The context a type's nested types are checked in: its own, or `()`.
fn context_of(input: &Input) -> TokenStream {
    input
        .context
        .as_ref()
        .map_or_else(|| quote!(()), ToTokens::to_token_stream)
}

/// For a gated field whose type names no parameter of the deriving type,
/// the probe that asks whether serde reads its absence as a value
/// (`walk::Absence`, by autoref): a nested type without `Deserialize` is
/// then serde's error alone, where the walk and the schema asked it with a
/// bound, one error more at each. A type that names a parameter is asked
/// with the bound, which the impls' bounds answer for.
pub(super) fn absence(field: &Field) -> Option<TokenStream> {
    field.gate.as_ref().filter(|g| g.nested && g.concrete)?;
    let ty = &field.ty;
    Some(quote!((&&&__desk::Absence::<#ty>::NEW)))
}

/// Whether serde reads the field's absence as a value, as the generated
/// code asks it: a `skip` field through `SerdeReads::READ`, a nested type by
/// [`absence`]'s probe, any other with `may_be_absent`'s bound. The one
/// place that chooses; [`absent_value`] is its twin.
pub(super) fn reads_absence(field: &Field) -> TokenStream {
    let ty = &field.ty;
    if field.is_buffered() {
        let read = super::skip_read(field);
        return quote!(#read.reads_absence());
    }
    // At the gate's span, as every question of the gated type is: a type
    // that fails the gate is said once, at the field.
    at(
        field,
        absence(field).map_or_else(
            || quote!(__desk::may_be_absent::<#ty>()),
            |probe| quote!({ use __desk::absence::*; #probe.__desk_reads_absence() }),
        ),
    )
}

/// The value serde gives the field when it is absent (`Option<T>`), as the
/// generated code asks it, chosen as [`reads_absence`] chooses.
pub(super) fn absent_value(field: &Field) -> TokenStream {
    let ty = &field.ty;
    // At the gate's span, as [`reads_absence`].
    at(
        field,
        absence(field).map_or_else(
            || quote!(__desk::absent::<#ty>()),
            |probe| quote!({ use __desk::absence::*; #probe.__desk_absent_value() }),
        ),
    )
}

/// `<<ty as Gate>::Gated as InContext<context>>::Checked` (`Nested::Checked`
/// for a type that names `own_params`): a type that does not derive
/// `Validate`, and one with another context, are each one error in our
/// words (rather than one about a hidden trait for each generated item).
fn gated_name(
    ty: &impl ToTokens,
    through: GateTrait,
    context: &TokenStream,
    own_params: bool,
) -> TokenStream {
    match through {
        // A type that names a parameter of the deriving type is bounded
        // where the impls are; another has its arguments gated too.
        GateTrait::Nested if own_params => {
            quote!(<<<#ty as __desk::Nested>::Checked as __desk::SerdeBounds>::Checked as __desk::InContext<#context>>::Checked)
        }
        GateTrait::Nested => {
            quote!(<<#ty as __desk::Gate>::Gated as __desk::InContext<#context>>::Checked)
        }
        GateTrait::MapKey => quote!(<#ty as __desk::MapKey>::Checked),
        GateTrait::Leaf => quote!(<#ty as __desk::Leaf>::Checked),
    }
}

/// Gates the types in `ty` that are not the standard library's, and gives
/// the span of the first: a map's keys (as `MapKey`) and, unless
/// the items (as `items`: `Nested` for a nested field, `Leaf` for one with
/// rules).
fn gate_type(
    ty: &mut syn::Type,
    items: GateTrait,
    at: Option<Span>,
    own: &mut Own,
    gated: &mut Vec<Gated>,
) -> Option<Span> {
    match ty {
        syn::Type::Slice(s) => gate_type(&mut s.elem, items, at, own, gated),
        syn::Type::Paren(p) => gate_type(&mut p.elem, items, at, own, gated),
        // A type a macro was given (`$t:ty`).
        syn::Type::Group(g) => gate_type(&mut g.elem, items, at, own, gated),
        syn::Type::Path(p) if p.qself.is_none() => {
            let std_set = crate::check::std_set(&p.path);
            let last = p.path.segments.last_mut()?;
            match &mut last.arguments {
                syn::PathArguments::AngleBracketed(args)
                    if super::facts::is_one_of(&last.ident, &CONTAINERS) =>
                {
                    // The items: a map's values (a hasher is no item),
                    // anything else's first argument. A map's key is a
                    // string to the walk.
                    let map = last.ident == "HashMap" || last.ident == "BTreeMap";
                    // A standard set asks its items for more than the gate
                    // (not a type of one's own named so, on a path of its
                    // own: `my::BTreeSet`).
                    let set_items = std_set.then(|| last.ident.clone());
                    let map_span = Span::call_site().located_at(last.ident.span());
                    let mut types = args.args.iter_mut().filter_map(|a| match a {
                        syn::GenericArgument::Type(t) => Some(t),
                        _ => None,
                    });
                    let mut key = if map { types.next() } else { None };
                    let mut item = types.next();
                    // A key and a value both gated are gated at the map:
                    // rustc reports each failing gate at its own span and
                    // at the field's, so one span for both keeps each
                    // mistake one error.
                    let both = key
                        .as_deref()
                        .is_some_and(|k| gates(k, GateTrait::MapKey, own))
                        && item.as_deref().is_some_and(|t| {
                            // A trial on copies: what it gates and the
                            // spans it takes are not kept.
                            let mut trial = own.clone();
                            gate_type(&mut t.clone(), items, None, &mut trial, &mut Vec::new())
                                .is_some()
                        });
                    let at = if both { at.or(Some(map_span)) } else { at };
                    let key = key
                        .take()
                        .and_then(|k| gate_leaf_of(k, GateTrait::MapKey, at, own, gated));
                    let item = item.take().and_then(|t| {
                        // Items that name a parameter of the deriving type
                        // are bounded where the impls are, as written.
                        let bounded = own.names_param(t.to_token_stream());
                        // A set's items keep their own span, or the same
                        // set's in an earlier field: what the set asks of
                        // them (`Ord`, `Hash`) is said at a set, never at
                        // a plain field of the item type.
                        let set = set_items
                            .as_ref()
                            .filter(|_| items == GateTrait::Nested)
                            .map(|set| format!("{set}<{}>", t.to_token_stream()));
                        let earlier = set.as_ref().and_then(|set| {
                            own.sets
                                .iter()
                                .find(|(s, _)| s == set)
                                .map(|(_, span)| *span)
                        });
                        let shares = own.shares;
                        own.shares = shares && set_items.is_none();
                        let span = gate_type(t, items, at.or(earlier), own, gated);
                        own.shares = shares;
                        // A parameter (or one's associated type) is not
                        // gated, but a set of it still asks it for `Ord`
                        // (or `Eq` and `Hash`), which the type's bounds
                        // must give: at the item.
                        let span = match (span, &set_items) {
                            (None, Some(_)) if items == GateTrait::Nested && bounded => Some(
                                at.or(earlier)
                                    .unwrap_or_else(|| Span::call_site().located_at(t.span())),
                            ),
                            _ => span,
                        }?;
                        if let (Some(set), None) = (set, earlier) {
                            own.sets.push((set, span));
                        }
                        if let (Some(set_items), GateTrait::Nested) = (set_items, items) {
                            set_item(t, &set_items, span);
                        }
                        Some(span)
                    });
                    key.or(item)
                }
                // A type of its own, with generic arguments (`Pair<u8>`) or
                // without.
                syn::PathArguments::None | syn::PathArguments::AngleBracketed(_) => {
                    gate_leaf_of(ty, items, at, own, gated)
                }
                syn::PathArguments::Parenthesized(_) => None,
            }
        }
        // A qualified path (`<X as Trait>::Out`): a type the derive cannot
        // read, gated whole.
        syn::Type::Path(_) => gate_leaf_of(ty, items, at, own, gated),
        _ => None,
    }
}

/// `<ty as SetItem<set<()>>>::Item` at `span`, in an invisible group: a
/// set's gated items through what the set asks of them (`SetItem`), so that
/// an item type without `Ord` (or `Eq` and `Hash`) is one error at the
/// gate, rather than one for each generated item that asks the set for a
/// trait of ours.
fn set_item(ty: &mut syn::Type, set: &syn::Ident, span: Span) {
    let name = super::respan(
        quote!(<#ty as __desk::SetItem<__desk::std::collections::#set<()>>>::Item),
        span,
    );
    let mut group = proc_macro2::Group::new(proc_macro2::Delimiter::None, name);
    group.set_span(span);
    if let Ok(wrapped) = syn::parse2(quote!(#group)) {
        *ty = wrapped;
    }
}

/// Gates `ty`, a type that is no container, through `through`, unless it
/// passes as written (a standard type nested, a standard string type as a
/// key), is the type itself or a type parameter; gives the gate's span.
fn gate_leaf_of(
    ty: &mut syn::Type,
    through: GateTrait,
    at: Option<Span>,
    own: &mut Own,
    gated: &mut Vec<Gated>,
) -> Option<Span> {
    match ty {
        syn::Type::Group(g) => return gate_leaf_of(&mut g.elem, through, at, own, gated),
        syn::Type::Paren(p) => return gate_leaf_of(&mut p.elem, through, at, own, gated),
        _ => {}
    }
    if !gates(ty, through, own) {
        return None;
    }
    // Where the type is written (or `at`), but generated: the user's lints
    // (`unreachable_pub` on a generated `pub`) stay off, and every copy of
    // the error reads the same.
    let span = at.unwrap_or_else(|| Span::call_site().located_at(ty.span()));
    let shares = at.is_none() && own.shares;
    let (gated_ty, span, took) = gate_leaf(ty, span, shares, through, own, gated);
    let took = took.map_or(Took::Own, Took::Alias);
    own.alias = match own.alias {
        Took::Nothing => took,
        before if before == took => took,
        _ => Took::Own,
    };
    *ty = gated_ty;
    Some(span)
}

/// Whether `ty`, no container, is gated through `through`: not when it
/// passes as written (a standard type nested, a standard string type as a
/// key, the type itself nested), nor a type parameter or one's associated
/// type (`T::Assoc`), bounded where the impls are.
fn gates(ty: &syn::Type, through: GateTrait, own: &Own) -> bool {
    let ty = crate::check::as_written(ty);
    let syn::Type::Path(p) = ty else {
        return false;
    };
    if p.path.segments.is_empty() {
        return false;
    }
    if p.qself.is_some() {
        // Unless it names a type parameter (`<T as Trait>::Out`), bounded
        // where the impls are, as `T::Out` is.
        return !own.names_param(ty.to_token_stream());
    }
    // The type itself by its name alone: a path that ends in it
    // (`other::Tree` in `Tree`) is another type. Asked last (each field
    // with rules comes here: most are the standard library's).
    let itself =
        || super::checks::is_own(p, "Self") || super::checks::is_own(p, &own.ident.to_string());
    let passes = match through {
        GateTrait::Nested => super::facts::std_only(ty) || itself(),
        GateTrait::MapKey => std_string(ty),
        GateTrait::Leaf => super::facts::std_only(ty),
    };
    let first = &p.path.segments[0].ident;
    let param = || p.path.leading_colon.is_none() && own.params.iter().any(|t| first == t);
    !passes && !param()
}

/// Whether `ty` is written as one of the standard library's string types a
/// map key may be (`MapKey`'s): `String`, or `Box`, `Rc` or `Arc` of `str`,
/// by their names or their paths (`std::string::String`), not another
/// module's type of the same name (`my::String`).
fn std_string(ty: &syn::Type) -> bool {
    match crate::check::as_written(ty) {
        syn::Type::Path(p) if p.qself.is_none() => {
            let Some(last) = p.path.segments.last() else {
                return false;
            };
            let module = match last.ident.to_string().as_str() {
                "String" => "string",
                "Box" => "boxed",
                "Rc" => "rc",
                "Arc" => "sync",
                _ => return false,
            };
            let std_path = crate::paths::std_named(&p.path, &["std", "alloc"], module);
            let args = crate::paths::type_args(last);
            std_path
                && match args.as_slice() {
                    [] => module == "string" && last.arguments.is_none(),
                    [arg] => {
                        module != "string"
                            && crate::check::primitive_name(arg).as_deref() == Some("str")
                    }
                    _ => false,
                }
        }
        _ => false,
    }
}

/// `tokens`, which name the field's gated type, all at the gated type's
/// span: rustc prints an error repeated at one span, in the same words,
/// once.
pub(super) fn at(field: &Field, tokens: TokenStream) -> TokenStream {
    match &field.gate {
        Some(gate) => super::respan(tokens, gate.span),
        None => tokens,
    }
}

/// `tokens` in an invisible group, which keeps its spans when the code
/// around it is respanned (to a rule's span: `respan`).
pub(super) fn invisible(tokens: TokenStream) -> TokenStream {
    let group = proc_macro2::Group::new(proc_macro2::Delimiter::None, tokens);
    quote!(#group)
}

/// `<ty as Nested>::Checked`, at `span`, in an invisible group: the code
/// of a rule around it is respanned to the rule, the type keeps the gate's
/// span (`respan`). Written through an alias (`__DeskG0`, one for each
/// type, in `fns`), which keeps the generated code short, unless the type
/// names a lifetime or a type parameter, which an alias would have to take
/// (such a type is written in full, [`inline`], and still listed in
/// `gated`, for its span).
fn gate_leaf(
    ty: &syn::Type,
    mut span: Span,
    shares: bool,
    through: GateTrait,
    own: &Own,
    gated: &mut Vec<Gated>,
) -> (syn::Type, Span, Option<usize>) {
    let key = ty.to_token_stream().to_string();
    let index = gated
        .iter()
        .position(|(_, t, by)| *by == through && t.to_token_stream().to_string() == key)
        .unwrap_or_else(|| {
            gated.push((
                quote::format_ident!("__DeskG{}", gated.len(), span = span),
                ty.clone(),
                through,
            ));
            gated.len() - 1
        });
    // A type gated before, in another field, at that field's span (unless
    // this one has a span of its own, a map's, or rules): a type that fails
    // the gate is then said once, at its first field, and every later
    // field's code fails at the same place, where rustc says it no more.
    let mut alias = gated[index].0.clone();
    let mut took = None;
    if shares {
        span = alias.span();
        took = Some(index);
    } else {
        alias.set_span(span);
    }
    let own_params = own.names_param(ty.to_token_stream());
    let name = if own_params || has_lifetime(ty.to_token_stream()) {
        super::respan(gated_name(ty, through, &own.context, own_params), span)
    } else {
        quote!(#alias)
    };
    let mut group = proc_macro2::Group::new(proc_macro2::Delimiter::None, name);
    group.set_span(span);
    (
        syn::parse2(quote!(#group)).unwrap_or_else(|_| ty.clone()),
        span,
        took,
    )
}

/// Whether the gated type `ty` is written in full where it is used, not
/// through an alias: it names a lifetime or one of `params`, which an
/// alias would have to take.
fn inline(ty: &syn::Type, params: &[syn::Ident]) -> bool {
    let tokens = ty.to_token_stream();
    names_param(tokens.clone(), params) || has_lifetime(tokens)
}

/// Whether `tokens` name one of the type parameters `params`.
fn names_param(tokens: TokenStream, params: &[syn::Ident]) -> bool {
    let params: Vec<String> = params.iter().map(ToString::to_string).collect();
    let params: Vec<&str> = params.iter().map(String::as_str).collect();
    super::facts::names_any(tokens, &params)
}

/// Whether `tokens` name a lifetime other than `'static` (which an alias
/// may name).
fn has_lifetime(tokens: TokenStream) -> bool {
    let trees: Vec<proc_macro2::TokenTree> = tokens.into_iter().collect();
    trees.iter().enumerate().any(|(i, t)| match t {
        proc_macro2::TokenTree::Punct(p) => {
            p.as_char() == '\''
                && !matches!(trees.get(i + 1), Some(proc_macro2::TokenTree::Ident(id)) if id == "static")
        }
        proc_macro2::TokenTree::Group(g) => has_lifetime(g.stream()),
        _ => false,
    })
}

/// `value` (a reference to the typed field) as its gated type, when the
/// field is gated: the identity, and the one error for a type that fails
/// the gate, rather than one for each trait the gated type is asked for.
pub(super) fn checked(field: &Field, value: &TokenStream) -> TokenStream {
    through(field, "__desk_gate", value)
}

/// The value serde gives the gated field when absent from its default
/// function (`#[serde(default = "path")]`), of its type as written: the
/// function called through the field's own (`__desk_default_N`, see
/// [`fns`]). `None` for another field.
pub(super) fn own_default(field: &Field) -> Option<TokenStream> {
    let gate = field.gate.as_ref()?;
    let f = quote::format_ident!("__desk_default_{}", gate.default?);
    let turbofish = &gate.turbofish;
    Some(invisible(super::respan(quote!(#f #turbofish()), gate.span)))
}

/// `value` (of the field's gated type) as the field's own type: the
/// reverse of [`checked`].
pub(super) fn from_checked(field: &Field, value: &TokenStream) -> TokenStream {
    through(field, "__desk_ungate", value)
}

/// `value` passed to the field's identity function `{name}_{index}` (see
/// `fns`), at the gate's span; `value` itself when the field is not gated.
fn through(field: &Field, name: &str, value: &TokenStream) -> TokenStream {
    match &field.gate {
        Some(gate) => {
            let f = quote::format_ident!("{}_{}", name, gate.index);
            let turbofish = &gate.turbofish;
            invisible(super::respan(quote!(#f #turbofish(#value)), gate.span))
        }
        None => value.clone(),
    }
}

/// Each gated field's identity functions between its type as written and
/// as gated. The gated type is in their signatures: where it fails the
/// gate, it fails there (a type error rustc follows no further), not where
/// a value of the field meets it in a body (an inference variable that
/// would take the written type and ask it for every trait again).
pub(crate) fn fns(input: &Input) -> TokenStream {
    // The type's own generics, which a field's type may name (its type
    // parameters given at each call: `Gate::turbofish`); the reference has
    // its own lifetime.
    let params = super::Params::of(input);
    let from_decl = params.decl(&[], &[]);
    // The type's own bounds, and serde's `Default` bounds on its
    // parameters, which a type given them may ask (`SerdeBounds`): serde's
    // own impl has them (`#[serde(default)] env: Env<T>` bounds `T`).
    let bounds = params.serde_where();
    let mut done = Vec::new();
    let fns = super::all_fields(input).filter_map(|field| {
        let gate = field.gate.as_ref()?;
        if done.contains(&gate.index) {
            return None;
        }
        done.push(gate.index);
        // The type as written keeps its own spans (an invisible group,
        // which `respan` leaves alone): a name that does not resolve is then
        // rustc's own error at the field, which it shows once, not one more
        // at the gate's place.
        let (written, gated) = (invisible(gate.written.to_token_stream()), &field.ty);
        let to = quote::format_ident!("__desk_gate_{}", gate.index);
        let from = quote::format_ident!("__desk_ungate_{}", gate.index);
        // The reference's lifetime is elided, unless the type names one
        // (then it has its own). Both are identities, inlined without
        // being asked.
        let (to_decl, r) = if input.generics.lifetimes().next().is_none()
            && !written.to_token_stream().to_string().contains('\'')
        {
            (from_decl.clone(), quote!())
        } else {
            (params.decl(&[quote!('__desk_r)], &[]), quote!('__desk_r))
        };
        // Their names keep the derive's span: a type that does not resolve
        // is then rustc's own error at the field, worded as serde's (which
        // rustc shows once), not one more suggesting a type parameter where
        // the function's name would be.
        let to_rest = super::respan(
            quote!(#to_decl(__desk_v: &#r #written) -> &#r #gated #bounds { __desk_v }),
            gate.span,
        );
        let from_rest = super::respan(
            quote!(#from_decl(__desk_v: #gated) -> #written #bounds { __desk_v }),
            gate.span,
        );
        Some(quote! {
            fn #to #to_rest
            fn #from #from_rest
        })
    });
    // Each gated field's default function called in a function of the type
    // as written (`own_default`), where the gate's functions name it: a
    // function of another type is one error there, and a type that fails
    // the gate, or does not resolve, is not asked or named again where the
    // default is used. (A default the derive need not name the type of,
    // `Default::default()` or the container's, takes it from its use.)
    let defaults = super::all_fields(input).filter_map(|field| {
        let gate = field.gate.as_ref()?;
        let f = quote::format_ident!("__desk_default_{}", gate.default?);
        let value = super::serde_default_call(&field.absent)?;
        let written = invisible(gate.written.to_token_stream());
        let rest = super::respan(
            quote!(#from_decl() -> #written #bounds { #value }),
            gate.span,
        );
        Some(quote!(fn #f #rest))
    });
    let context = context_of(input);
    let params: Vec<syn::Ident> = (input.generics.type_params())
        .map(|p| p.ident.clone())
        .collect();
    let written_whole = |(_, ty, _): &&Gated| inline(ty, &params);
    let aliases = input
        .gated
        .iter()
        .filter(|g| !written_whole(g))
        .map(|(alias, ty, through)| {
            let name = gated_name(&invisible(ty.to_token_stream()), *through, &context, false);
            // Defined at the derive's span, used at the gate's: a type that
            // does not resolve is then rustc's own error, worded as
            // serde's, not one more suggesting a type parameter after the
            // alias's name, which would be at the field (`Env<Strin><Strin>`).
            let alias = syn::Ident::new(&alias.to_string(), Span::call_site());
            quote! {
                type #alias = #name;
            }
        });
    quote!(#(#aliases)* #(#fns)* #(#defaults)*)
}

/// `ty` with its gates taken out: the types as written.
pub(super) fn ungated(input: &Input, ty: &syn::Type) -> syn::Type {
    fn ungate(tokens: TokenStream, gated: &[Gated]) -> TokenStream {
        let mut out = TokenStream::new();
        for tree in tokens {
            match &tree {
                proc_macro2::TokenTree::Ident(id) => {
                    match gated.iter().find(|(alias, ..)| alias == id) {
                        Some((_, written, _)) => out.extend(written.to_token_stream()),
                        None => out.extend([tree.clone()]),
                    }
                }
                // The gate's invisible group: `T` for
                // `<T as __desk::Nested>::Checked`, the type an alias
                // names for the alias.
                proc_macro2::TokenTree::Group(g)
                    if g.delimiter() == proc_macro2::Delimiter::None =>
                {
                    if names_gate(g.stream()) {
                        out.extend(written_of(g.stream(), gated));
                    } else {
                        out.extend(ungate(g.stream(), gated));
                    }
                }
                proc_macro2::TokenTree::Group(g) => {
                    let mut inner =
                        proc_macro2::Group::new(g.delimiter(), ungate(g.stream(), gated));
                    inner.set_span(g.span());
                    out.extend([proc_macro2::TokenTree::Group(inner)]);
                }
                other => out.extend([other.clone()]),
            }
        }
        out
    }
    fn names_gate(tokens: TokenStream) -> bool {
        gate_trait_at(&tokens.into_iter().collect::<Vec<_>>()).is_some()
    }
    // `< T as __desk :: Nested > :: Checked`: the tokens between `<`
    // and `as`.
    fn written_of(tokens: TokenStream, gated: &[Gated]) -> TokenStream {
        let mut depth = 0;
        let mut out = TokenStream::new();
        for (k, t) in tokens.into_iter().enumerate() {
            if let proc_macro2::TokenTree::Punct(p) = &t {
                match p.as_char() {
                    '<' if k == 0 => continue,
                    '<' => depth += 1,
                    '>' => depth -= 1,
                    _ => {}
                }
            }
            if depth == 0 && matches!(&t, proc_macro2::TokenTree::Ident(i) if i == "as") {
                break;
            }
            out.extend([t]);
        }
        // `<<T as Nested>::Checked as InContext<C>>::Checked`: `T` is
        // inside the first projection.
        if matches!(out.clone().into_iter().next(), Some(proc_macro2::TokenTree::Punct(p)) if p.as_char() == '<')
            && names_gate(out.clone())
        {
            return written_of(out, gated);
        }
        ungate(out, gated)
    }
    syn::parse2(ungate(ty.to_token_stream(), &input.gated)).unwrap_or_else(|_| ty.clone())
}

/// The span of the gate's trait in `tokens` (one level): `Nested`,
/// `MapKey` or `Leaf` as the gate writes them, `__desk::` before (a type of the
/// user's may be named so).
fn gate_trait_at(tokens: &[proc_macro2::TokenTree]) -> Option<(Span, GateTrait)> {
    use proc_macro2::TokenTree::{Ident, Punct};
    tokens.windows(4).find_map(|w| match w {
        [Ident(krate), Punct(a), Punct(b), Ident(name)]
            if krate == "__desk" && a.as_char() == ':' && b.as_char() == ':' =>
        {
            let through = if name == "Nested" || name == "Gate" || name == "SetItem" {
                GateTrait::Nested
            } else if name == "MapKey" {
                GateTrait::MapKey
            } else if name == "Leaf" {
                GateTrait::Leaf
            } else {
                return None;
            };
            Some((name.span(), through))
        }
        _ => None,
    })
}

/// The span of the gate in `ty`, when `ty` is (or holds) a gated type.
pub(super) fn span_in(ty: &syn::Type) -> Option<Span> {
    fn find(tokens: TokenStream) -> Option<Span> {
        let tokens: Vec<proc_macro2::TokenTree> = tokens.into_iter().collect();
        gate_trait_at(&tokens).map(|(span, _)| span).or_else(|| {
            tokens.into_iter().find_map(|t| match t {
                proc_macro2::TokenTree::Ident(i) if i.to_string().starts_with("__DeskG") => {
                    Some(i.span())
                }
                proc_macro2::TokenTree::Group(g) => find(g.stream()),
                _ => None,
            })
        })
    }
    find(ty.to_token_stream())
}

/// The gate whose span the type's items that name every gated field
/// take (`at_first`): rustc reports a gate that fails there too, so a
/// mistake is one error when it is this gate's. The gate of the nested
/// type (a key beside it is most often an alias of `String`, which
/// passes), else of the key, when the fields name one such type as
/// written: with two, a mistake in one would also be reported at the
/// other, which may be right, so the items keep the derive's span (the
/// mistake is said at its field and at `#[derive(Validate)]`).
fn first(input: &Input) -> Option<&Gate> {
    let gates = || super::all_fields(input).filter_map(|f| f.gate.as_ref());
    let nested = gates().any(|g| g.nested);
    let mut candidates = gates().filter(|g| g.nested || !nested);
    let first = candidates.next()?;
    // Fields of one type as written; or fields that all took one alias's
    // span (`Env<X>` and `Vec<Env<X>>`), no other field gated at all.
    let one_alias = || first.alias.is_some() && gates().all(|g| g.alias == first.alias);
    (candidates.all(|g| g.index == first.index) || one_alias()).then_some(first)
}

/// Whether `tokens` (a gated field's type) gate a type as `Nested`: inline
/// (`__desk::Nested`), or through an alias `gated` holds as one.
fn names_nested_gate(tokens: TokenStream, gated: &[Gated]) -> bool {
    let tokens: Vec<proc_macro2::TokenTree> = tokens.into_iter().collect();
    matches!(gate_trait_at(&tokens), Some((_, GateTrait::Nested)))
        || tokens.into_iter().any(|t| match t {
            proc_macro2::TokenTree::Ident(i) => gated
                .iter()
                .any(|(alias, _, by)| *by == GateTrait::Nested && *alias == i),
            proc_macro2::TokenTree::Group(g) => names_nested_gate(g.stream(), gated),
            _ => false,
        })
}

/// `tokens`, which name the type's view (and so its gated fields' types),
/// at the first gate's span.
pub(super) fn at_first(input: &Input, tokens: TokenStream) -> TokenStream {
    match first(input) {
        Some(gate) => super::respan(tokens, gate.span),
        None => tokens,
    }
}

/// An impl whose items name the gated fields' types: rustc reports a type
/// that fails the gate there at the impl's own tokens (its attribute,
/// header and braces) too, so those are at the first gate's span; the
/// items keep theirs.
pub(super) fn impl_at_first(input: &Input, head: TokenStream, body: TokenStream) -> TokenStream {
    let head = at_first(input, head);
    let body = braces_at_first(input, body);
    quote!(#head #body)
}

/// `{ body }`, the braces (not the body) at the first gate's span: a fn
/// whose signature names a gated type has its errors reported at its
/// body's braces too.
pub(super) fn braces_at_first(input: &Input, body: TokenStream) -> TokenStream {
    let mut braces = proc_macro2::Group::new(proc_macro2::Delimiter::Brace, body);
    if let Some(gate) = first(input) {
        braces.set_span(gate.span);
    }
    quote!(#braces)
}

/// The derived type's `Nested` impl, its `Gate` impl ([`impl_gate`]), and
/// its `InContext` impl (for every context when it declares none, else
/// for its own): it passes the gate.
pub(crate) fn impl_nested(input: &Input) -> TokenStream {
    let params = super::Params::of(input);
    let decl = params.decl(&[], &[]);
    let ty = super::self_ty(input);
    let bounds = params.own_where();
    let names = match &input.shape {
        crate::model::Shape::Struct(fields) => {
            super::validate_in::field_names(fields, &input.serde_skipped)
        }
        _ => quote!(),
    };
    // Every context (a context is `Sized`: `Validate::Context: Default`),
    // or its own.
    let (in_decl, context) = if let Some(context) = &input.context {
        (decl.clone(), context.to_token_stream())
    } else {
        let c = super::any_context();
        (params.decl(&[], &[quote!(#c)]), quote!(#c))
    };
    let gate = impl_gate(input, &params);
    let serde_bounds = params.is_generic().then(|| {
        let bounds = params.serde_where();
        quote! {
            #[automatically_derived]
            impl #decl __desk::SerdeBounds for #ty #bounds {
                type Checked = Self;
            }
        }
    });
    quote! {
        #[automatically_derived]
        #[diagnostic::do_not_recommend]
        impl #decl __desk::Nested for #ty #bounds {
            type Checked = Self;
            #names
        }
        #gate
        #serde_bounds
        #[automatically_derived]
        #[diagnostic::do_not_recommend]
        impl #in_decl __desk::InContext<#context> for #ty #bounds {
            type Checked = Self;
        }
    }
}

/// The derived type's `Gate` impl: `Self`, or, for a generic type, `Self`
/// with the arguments its nested fields hold through their own `Gate`,
/// asked in an impl of `GateArgs` (see there).
fn impl_gate(input: &Input, params: &super::Params) -> TokenStream {
    let decl = params.decl(&[], &[]);
    let ty = super::self_ty(input);
    let Some((args, preds)) = params.gated_args(&input.generics) else {
        let bounds = params.own_where();
        return quote! {
            #[automatically_derived]
            #[diagnostic::do_not_recommend]
            impl #decl __desk::Gate for #ty #bounds {
                type Gated = Self;
            }
        };
    };
    let ident = &input.ident;
    let passes = params.own_where_and(&[quote!(#ty: __desk::GateArgs)]);
    let args_where = params.own_where_and(&preds);
    quote! {
        #[automatically_derived]
        #[diagnostic::do_not_recommend]
        impl #decl __desk::Gate for #ty #passes {
            type Gated = <#ty as __desk::GateArgs>::Gated;
        }
        #[automatically_derived]
        impl #decl __desk::GateArgs for #ty #args_where {
            type Gated = #ident #args;
        }
    }
}
