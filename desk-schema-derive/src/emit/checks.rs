//! The checks of one field, written once for every place that runs them:
//! on a typed value (`validate_in`, and a serde default in the walk) and on
//! the view of a value read from raw JSON (the walk).

use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};

use super::Ctx;
use super::rule::{self, Target};
use crate::model::{Field, Mode, RuleKind, Texts};

/// Field-level custom rules applied to `value` (a reference to the typed field).
pub(super) fn custom_checks(field: &Field, value: &TokenStream, ctx: &Ctx) -> TokenStream {
    let ctx_arg = &ctx.arg;
    let calls = field.rules.iter().filter_map(|rule| match &rule.kind {
        RuleKind::Custom { check, .. } => Some({
            let check = super::callable(check, ctx);
            quote_spanned! {super::at_rule(rule.span)=>
            __desk::typed::record(<_ as __desk::custom::RuleResult>::violation(#check(#value #ctx_arg)), __desk_fpath, __desk_report);
        }}),
        _ => None,
    });
    quote!(#(#calls)*)
}

/// Every check of one field on `target` (a reference to a typed value of the
/// field's type) at `__desk_fpath`, into `__desk_report`.
pub(super) fn field_checks(field: &Field, ctx: &Ctx, target: Target<'_>) -> TokenStream {
    let (ty, ctx_ty) = (&field.ty, &ctx.ty);
    // The rules, the nested check and a plain value's own check see the
    // value as its gated type (`gate`); a custom rule's function, the type
    // as written.
    let written = target.tokens();
    let gated_value = field
        .gate
        .is_some()
        .then(|| super::gate::checked(field, &written));
    let gated = gated_value.as_ref().map_or(target, Target::Tokens);
    let rules = rule_checks(field, gated, false);
    let customs = custom_checks(field, &written, ctx);
    let gated = gated.tokens();
    // A plain value's own check is what its type holds beyond JSON's reach
    // (a `u128` past 64 bits); for most types it is empty and inlined away.
    let nested = match field.mode {
        // Through `Nested` (`gate`): identity for a type that derives
        // `Validate`, and the one error for one that does not.
        Mode::Nested(span) => super::gate::at(
            field,
            quote_spanned! {super::at_rule(span)=>
                <#ty as __desk::ValidateIn<#ctx_ty>>::validate_in(#gated, __desk_ctx, __desk_fpath, __desk_report);
            },
        ),
        // No call: `Facts::std_named` holds the type to the standard one.
        Mode::Rules if ctx.std_names && field.plain_key().is_some() => quote!(),
        // Only a plain value may have rules without `nested`: the error is
        // at the first rule. A number the type's own check finds past the
        // type (a `u128` past 64 bits; `range` leaves it to that check) is
        // reported with the `range` rule's bounds, as the walk reports it.
        Mode::Rules => {
            let span = field.rules.first().map_or(field.span, |r| r.span);
            let leaf = quote_spanned! {super::at_rule(span)=>
                <#ty as __desk::Leaf>::validate_leaf(#gated, __desk_ctx, __desk_fpath, __desk_report);
            };
            with_range_bounds(field, &quote!((*__desk_report)), leaf)
        }
        Mode::Skip => quote!(),
    };
    // A plain value's own check (a number past its type) takes the field's
    // own messages, as its rules' violations do (the walk gives them to
    // what its read finds: `walker::after_read`); a nested type's, its own.
    let (own, nested) = match field.mode {
        Mode::Rules => (nested, quote!()),
        _ => (quote!(), nested),
    };
    if customs.is_empty() {
        return with_messages(field, &quote!(#own #(#rules)*), &nested);
    }
    // A custom rule sees only a value the walk could read: none past its
    // type (a float's infinity or NaN, which serde makes of `1e39` in a
    // tagged enum's buffer), which the own check reports first.
    let checks = quote! {
        #own
        #(#rules)*
        if __desk::unreadable_count(__desk_report) == __desk_readable {
            #customs
        }
    };
    let checks = with_messages(field, &checks, &quote!());
    quote! {
        let __desk_readable = __desk::unreadable_count(__desk_report);
        #nested
        #checks
    }
}

/// The types written in a `#[desk(skip)]` field's type, asked by autoref
/// (through aliases too), each with the index of the one it is written in
/// (`W<D>` holds `D`), so that a type inside one already refused is not
/// refused again:
/// - everywhere, that none is a standard type whose JSON Schema (schemars')
///   is not what serde reads, or holds one where the derive cannot see it
///   (an alias: `type Spans = Vec<Duration>`), and that no map key written
///   is one serde parses from the JSON string (`schema_probes`): serde
///   alone reads the field, and its schema states what serde reads
///   (`schema::skipped`);
/// - in a tagged or untagged enum's content, that none is a `u128` or
///   `i128`, which serde's buffer holds none of, or a type that derives
///   `Validate`, which may hold one (only a checked field's facts tell):
///   `Ctx::fits`. Types that name one of the type's parameters are left out
///   of this one (they are known only where the type is used).
///
/// What a `PhantomData` holds is left out of both.
pub(super) fn skipped_types(ty: &syn::Type, ctx: &Ctx) -> TokenStream {
    let params: Vec<&str> = ctx.params.iter().map(String::as_str).collect();
    let types = schema_types(ty);
    let schema = schema_probes(&types);
    let width = ctx
        .fits
        .as_ref()
        .map(|fits| width_probes(&types, &params, fits));
    quote!({ use __desk::skipped::*; #schema #width })
}

/// A type written in a skipped field's type.
struct Written {
    ty: syn::Type,
    /// The index of the type it is written in.
    parent: Option<usize>,
    /// As a map's key: `Some(true)` in a type named `HashMap` or
    /// `BTreeMap` (rustc is asked whether it is the standard one),
    /// `Some(false)` in one named `IndexMap` (another crate's).
    key: Option<bool>,
}

/// The types written in `ty` for the schema questions, in order (each after
/// the one it is written in): each type path (a qualified one whole), type
/// macro, and map key (a tuple or array key too); through references,
/// slices, arrays, tuples, parentheses and groups, not into what a
/// `PhantomData` holds. A type written twice in one place is asked once.
fn schema_types(ty: &syn::Type) -> Vec<Written> {
    fn push(
        types: &mut Vec<Written>,
        ty: &syn::Type,
        parent: Option<usize>,
        key: Option<bool>,
    ) -> Option<usize> {
        let text = quote_ty(ty);
        if types
            .iter()
            .any(|w| w.parent == parent && w.key == key && quote_ty(&w.ty) == text)
        {
            return None;
        }
        types.push(Written {
            ty: ty.clone(),
            parent,
            key,
        });
        Some(types.len() - 1)
    }
    fn walk(types: &mut Vec<Written>, ty: &syn::Type, parent: Option<usize>, key: Option<bool>) {
        match ty {
            syn::Type::Path(p) => {
                let Some(last) = p.path.segments.last() else {
                    return;
                };
                if last.ident == "PhantomData" {
                    return;
                }
                let Some(at) = push(types, ty, parent, key) else {
                    return;
                };
                if p.qself.is_some() {
                    return;
                }
                let map = if last.ident == "HashMap" || last.ident == "BTreeMap" {
                    Some(true)
                } else if last.ident == "IndexMap" {
                    Some(false)
                } else {
                    None
                };
                for seg in &p.path.segments {
                    for (i, arg) in crate::paths::type_args(seg).into_iter().enumerate() {
                        let is_key = map.filter(|_| i == 0 && std::ptr::eq(seg, last));
                        walk(types, arg, Some(at), is_key);
                    }
                }
            }
            syn::Type::Macro(_) => {
                push(types, ty, parent, key);
            }
            syn::Type::Tuple(_) | syn::Type::Array(_) if key.is_some() => {
                if let Some(at) = push(types, ty, parent, key) {
                    inner(types, ty, Some(at));
                }
            }
            // A key in parentheses or a macro's `$k:ty` is still the key.
            syn::Type::Paren(p) => walk(types, &p.elem, parent, key),
            syn::Type::Group(g) => walk(types, &g.elem, parent, key),
            _ => inner(types, ty, parent),
        }
    }
    fn inner(types: &mut Vec<Written>, ty: &syn::Type, parent: Option<usize>) {
        match ty {
            syn::Type::Reference(r) => walk(types, &r.elem, parent, None),
            syn::Type::Slice(s) => walk(types, &s.elem, parent, None),
            syn::Type::Array(a) => walk(types, &a.elem, parent, None),
            syn::Type::Tuple(t) => t.elems.iter().for_each(|t| walk(types, t, parent, None)),
            _ => {}
        }
    }
    let mut types = Vec::new();
    walk(&mut types, ty, None, None);
    types
}

fn quote_ty(ty: &syn::Type) -> String {
    quote!(#ty).to_string()
}

/// The schema questions of `types`: each type's own answer (`o`: a key's
/// under its map's, which must be a standard one), that answer given the
/// own answers of the types written in it (`c`: a container whose fault a
/// type written in it answers for is not refused itself, so the error is at
/// `Duration` in `Vec<Duration>`), and under the answer of the type it is
/// written in (`f`: nothing inside a type refused in itself is refused
/// again).
fn schema_probes(types: &[Written]) -> TokenStream {
    let own = |i: usize| quote::format_ident!("__desk_o{}", i);
    let held = |i: usize| quote::format_ident!("__desk_c{}", i);
    let answer = |i: usize| quote::format_ident!("__desk_f{}", i);
    let asked = types.iter().enumerate().map(|(i, w)| {
        let (t, o) = (&w.ty, own(i));
        let span = syn::spanned::Spanned::span(t);
        match (w.key, w.parent) {
            (Some(true), Some(p)) => {
                // Whether the map is a standard one keyed by this type (an
                // alias named `HashMap` may take other arguments).
                let m = &types[p].ty;
                quote_spanned! {span=>
                    let #o = __desk::KeyOf::key_of(
                        &(&&__desk::Probe::<(#m, #t)>::NEW).__desk_map(),
                        (&&__desk::Probe::<#t>::NEW).__desk_key(),
                        (&&&&__desk::Probe::<#t>::NEW).__desk_schema(),
                    );
                }
            }
            (Some(_), _) => {
                quote_spanned!(span=> let #o = (&&__desk::Probe::<#t>::NEW).__desk_key();)
            }
            (None, _) => {
                quote_spanned!(span=> let #o = (&&&&__desk::Probe::<#t>::NEW).__desk_schema();)
            }
        }
    });
    // In order, so that a type's own answer is read by the one it is
    // written in (earlier) before its own `c` takes it.
    let holding = types.iter().enumerate().map(|(i, _)| {
        let (o, c) = (own(i), held(i));
        let mut inner = types
            .iter()
            .enumerate()
            .filter(|(_, w)| w.parent == Some(i))
            .map(|(j, _)| own(j));
        match inner.next() {
            None => quote!(let #c = #o;),
            Some(first) => quote! {
                let #c = __desk::Holding::holding(&#o, &#first);
                #(let #c = __desk::Holding::holding(&#c, &#inner);)*
            },
        }
    });
    let checks = types.iter().enumerate().map(|(i, w)| {
        let (t, c, f) = (&w.ty, held(i), answer(i));
        let span = syn::spanned::Spanned::span(t);
        let value = w.parent.map_or_else(
            || quote!(#c),
            |p| {
                let outer = answer(p);
                quote!(__desk::Under::under(&#outer, #c))
            },
        );
        // A key is held to both checks: it may be asked either way.
        let key = w
            .key
            .map(|_| quote_spanned!(span=> __desk::key_as_text::<#t, _>(&#f);));
        quote_spanned! {span=>
            let #f = #value;
            __desk::read_as_schema::<#t, _>(&#f);
            #key
        }
    });
    quote!(#(#asked)* #(#holding)* #(#checks)*)
}

/// The width questions (`Ctx::fits`) of the types the schema questions ask
/// (`types`), but those that name one of `params` (known only where the
/// type is used): each under the width answer of the nearest type asked
/// that it is written in, and silent where the schema question refused it
/// or a type around it (`Silence`: one mistake, one error).
fn width_probes(types: &[Written], params: &[&str], fits: &TokenStream) -> TokenStream {
    let asked: Vec<bool> = types
        .iter()
        .map(|w| {
            let t = &w.ty;
            !super::facts::names_any(quote!(#t), params)
        })
        .collect();
    let probes = types
        .iter()
        .enumerate()
        .filter(|(i, _)| asked[*i])
        .map(|(i, w)| {
            let t = &w.ty;
            let span = syn::spanned::Spanned::span(t);
            let answer = quote::format_ident!("__desk_a{}", i);
            let schema = quote::format_ident!("__desk_f{}", i);
            let own = quote_spanned!(span=> (&&__desk::Probe::<#t>::NEW).__desk_width());
            let mut parent = w.parent;
            while let Some(p) = parent.filter(|p| !asked[*p]) {
                parent = types[p].parent;
            }
            let value = parent.map_or_else(
                || own.clone(),
                |p| {
                    let outer = quote::format_ident!("__desk_a{}", p);
                    quote!(__desk::Under::under(&#outer, #own))
                },
            );
            let fits = super::respan(fits.clone(), span);
            quote_spanned! {span=>
                let #answer = __desk::Silence::silence(&#schema, #value);
                #fits::<#t, _>(&#answer);
            }
        });
    quote!(#(#probes)*)
}

/// Whether `p` is the derived type itself: its name alone (`Self` is
/// written as the name by now), not a path that ends in it
/// (`serde_json::Value` in a type named `Value` is another type; a path to
/// the type itself is asked by autoref like any other).
pub(super) fn is_own(p: &syn::TypePath, own_name: &str) -> bool {
    p.qself.is_none()
        && p.path.leading_colon.is_none()
        && p.path.segments.len() == 1
        && p.path.segments[0].ident == own_name
}

/// The field's checks, then its own messages (`message(...)`) on the
/// violations they added to `__desk_report`; `after` runs outside.
pub(super) fn with_messages(
    field: &Field,
    checks: &TokenStream,
    after: &TokenStream,
) -> TokenStream {
    let Some(own) = own_messages(field) else {
        return quote!(#checks #after);
    };
    let checks = own.after(
        &quote!(__desk::Report::len(__desk_report)),
        checks,
        &quote!(__desk_report),
    );
    quote!({ #checks } #after)
}

/// A field's own messages (`message(...)`), as the generated code gives
/// them to a report's violations from `__desk_mark` on.
pub(super) struct OwnMessages {
    /// The statics that hold them (`__DESK_MESSAGES`, `__DESK_BY_CODE`).
    pub(super) statics: TokenStream,
    /// The call, a method of `Report` or of the walk's `Slot`:
    /// `set_messages(__desk_mark, ...)` or `set_messages_by_code(...)`.
    pub(super) call: TokenStream,
}

impl OwnMessages {
    /// `__desk_mark` set to `mark`, then `body`, then these messages given to
    /// the violations `receiver` (a `Report` or a `Slot`) holds from the mark
    /// on. Statements, not a block: what `body` binds stays in scope.
    pub(super) fn after(
        &self,
        mark: &TokenStream,
        body: &TokenStream,
        receiver: &TokenStream,
    ) -> TokenStream {
        let Self { statics, call } = self;
        quote! {
            let __desk_mark = #mark;
            #body
            {
                #statics
                #receiver.#call;
            }
        }
    }
}

/// The field's own messages (`message(...)`), if it has them.
pub(super) fn own_messages(field: &Field) -> Option<OwnMessages> {
    let own = field.message.as_ref()?;
    let messages = |(en, zh_cn): &Texts| {
        let (en, zh_cn) = (rule::opt_str(en.as_ref()), rule::opt_str(zh_cn.as_ref()));
        quote!(__desk::Messages { en: #en, zh_cn: #zh_cn })
    };
    let rest = own.rest.as_ref().map(|texts| {
        let rest = messages(texts);
        quote!(static __DESK_MESSAGES: __desk::Messages = #rest;)
    });
    if own.by_code.is_empty() {
        return Some(OwnMessages {
            statics: quote!(#rest),
            call: quote!(set_messages(__desk_mark, &__DESK_MESSAGES)),
        });
    }
    let n = own.by_code.len();
    let by_code = own.by_code.iter().map(|(code, texts)| {
        let texts = messages(texts);
        quote!((#code, #texts))
    });
    let rest_ref = if own.rest.is_some() {
        quote!(__desk::Some(&__DESK_MESSAGES))
    } else {
        quote!(__desk::None)
    };
    Some(OwnMessages {
        statics: quote! {
            #rest
            static __DESK_BY_CODE: [(&__desk::str, __desk::Messages); #n] = [#(#by_code),*];
        },
        call: quote!(set_messages_by_code(__desk_mark, &__DESK_BY_CODE, #rest_ref)),
    })
}

/// A field's rules on its raw view at `__desk_fpath`, and its custom rules
/// on the typed value when the view converts to one.
pub(super) fn view_checks(field: &Field, ctx: &Ctx) -> TokenStream {
    let ty = &field.ty;
    let rules = rule_checks(field, Target::Local("__desk_view"), true);
    let customs = field.has_customs().then(|| {
        let typed = custom_checks(field, &quote!(&__desk_typed), ctx);
        let written = super::gate::from_checked(field, &quote!(__desk_typed));
        let typed_of = super::gate::at(
            field,
            quote!(<#ty as __desk::JsonView>::from_view(__desk_view)),
        );
        quote! {
            if let __desk::Some(__desk_typed) = #typed_of {
                let __desk_typed = #written;
                #typed
            }
        }
    });
    with_messages(field, &quote!(#(#rules)* #customs), &quote!())
}

/// Where the field's findings begin in `report` (a place of type `Report`),
/// its length and its count of shape violations, as `__desk_since`: read
/// before the field's findings are moved there, for `unique` on the view,
/// which compares only the items (or, by key, the keys) without a shape
/// violation (`unique::raw::{RawItems, RawBy}`). Nothing for a field
/// without that rule.
pub(super) fn findings_start(field: &Field, report: &TokenStream) -> TokenStream {
    let unique = field
        .rules
        .iter()
        .any(|r| matches!(r.kind, RuleKind::Unique { .. }));
    if !unique {
        return quote!();
    }
    quote! {
        let __desk_since = (__desk::Report::len(&#report), __desk::shape_count(&#report));
    }
}

/// A field's rules on `target` (`raw`: a view). When they are all calls and
/// the field has no message of its own, one call with a value of them all
/// (`rules::check`; see `rule::rule_values`), at the first rule's place:
/// the typed check and the walk then ask the same of a type a rule does not
/// apply to, at the same place, and rustc reports it once. A size rule
/// (`max_items`, `min_items`) keeps its own call, whose bound (`Count`)
/// names lists and maps in its error.
fn rule_checks(field: &Field, target: Target<'_>, raw: bool) -> Vec<TokenStream> {
    if let Some((span, value)) = rule_value(field) {
        let target = target.at(span);
        return vec![quote_spanned! {span=>
            __desk::check((#target, __desk_fpath, &mut *__desk_report), #value);
        }];
    }
    let ty = &field.ty;
    field
        .rules
        .iter()
        .map(|r| rule::check(r, ty, target, raw))
        .collect()
}

/// The value of a field's rules and the first rule's place, when the rules
/// are all calls, none is a size rule and the field has no message of its
/// own (see [`rule_checks`]).
pub(super) fn rule_value(field: &Field) -> Option<(proc_macro2::Span, TokenStream)> {
    field
        .rule_value
        .get_or_init(|| write_rule_value(field))
        .clone()
}

/// [`rule_value`], written.
fn write_rule_value(field: &Field) -> Option<(proc_macro2::Span, TokenStream)> {
    let sized = field
        .rules
        .iter()
        .any(|r| matches!(r.kind, RuleKind::MaxItems(_) | RuleKind::MinItems(_)));
    if field.message.is_some() || sized {
        return None;
    }
    let span = super::at_rule(field.rules.first()?.span);
    Some((span, rule::rule_values(&field.rules)?))
}

/// `body`, then, where a `range` rule bounds the field's numbers, what it
/// reported into `report` (a place of type `Report`) of a number outside its
/// type given the bounds it must lie within (`walk::range_bounds`): a
/// typed field's own check, a newtype's read.
fn with_range_bounds(field: &Field, report: &TokenStream, body: TokenStream) -> TokenStream {
    match rule::range_bounds(&field.rules) {
        Some(bounds) => quote! {
            let __desk_start = __desk::Report::len(&#report);
            #body
            __desk::range_bounds(&mut #report, __desk_start, #bounds);
        },
        None => body,
    }
}

/// Reads a newtype's field (a newtype struct's, or a newtype variant's) at
/// the newtype's own path into `__desk_read`, then checks its rules there.
pub(super) fn newtype_read(field: &Field, ctx: &Ctx) -> TokenStream {
    let (ty, ctx_ty) = (&field.ty, &ctx.ty);
    let checks = view_checks(field, ctx);
    let read = super::gate::at(
        field,
        quote!(let __desk_read = <#ty as __desk::ValidateIn<#ctx_ty>>::check_de(__desk_de, __desk_ctx, __desk_path, __desk_walk)?;),
    );
    let read = with_range_bounds(field, &quote!(__desk_walk.report), read);
    // What the read found (a number past the type) takes the field's own
    // messages, as its rules' violations do.
    let read = match super::walker::own_read_messages(field) {
        Some(own) => own.after(
            &quote!(__desk::Report::len(&__desk_walk.report)),
            &read,
            &quote!(__desk_walk.report),
        ),
        None => read,
    };
    let since = findings_start(field, &quote!(__desk_walk.report));
    let view = super::gate::at(field, quote!(__desk::Option::as_ref(&__desk_read)));
    quote! {
        #since
        #read
        if let __desk::Some(__desk_view) = #view {
            let __desk_fpath = __desk_path;
            let __desk_report = &mut __desk_walk.report;
            #checks
        }
    }
}

/// When `ty`, as written, names a standard type whose own check
/// (`Leaf::validate_leaf`) does nothing (text, `bool`, `char`, an integer
/// of 64 bits or fewer, and an `Option`, `Vec` or `Box` of one; not a
/// float, whose check finds infinity and NaN), the
/// type as text. The derive writes no call for such a field (less code to
/// compile; the runtime's `leaf_types_check_nothing` test holds the list to
/// what it does): its names are asked to be the standard library's
/// (`Facts::std_named`), which a type of the user's of the same name is not.
pub(crate) fn plain_key(ty: &syn::Type) -> Option<String> {
    // Not the floats: their own check reports a typed infinity or NaN.
    const PLAIN: [&str; 13] = [
        "String", "bool", "char", "i8", "i16", "i32", "i64", "isize", "u8", "u16", "u32", "u64",
        "usize",
    ];
    let syn::Type::Path(p) = ty else { return None };
    let [segment] = p.path.segments.iter().collect::<Vec<_>>()[..] else {
        return None;
    };
    if p.qself.is_some() {
        return None;
    }
    let name = segment.ident.to_string();
    match &segment.arguments {
        syn::PathArguments::None => PLAIN.contains(&name.as_str()).then_some(name),
        syn::PathArguments::AngleBracketed(args)
            if matches!(name.as_str(), "Option" | "Vec" | "Box") =>
        {
            let [syn::GenericArgument::Type(inner)] = args.args.iter().collect::<Vec<_>>()[..]
            else {
                return None;
            };
            Some(format!("{name}<{}>", plain_key(inner)?))
        }
        _ => None,
    }
}
