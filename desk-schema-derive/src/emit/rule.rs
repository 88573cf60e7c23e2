//! The code of one rule, on each path: the check of a typed value or of its
//! JSON view, the compile-time check of its arguments against the field's
//! type, and its schema keywords. Every function here matches the checked
//! rule exhaustively, through [`form`].

use proc_macro2::{Literal, Span, TokenStream};
use quote::{ToTokens, quote, quote_spanned};

use super::respan_rule;
use crate::model::{Rule, RuleKind};

/// A rule's code at the rule's span (`super::respan_rule`).
fn respan(tokens: TokenStream, span: Span) -> TokenStream {
    respan_rule(tokens, span, None)
}

/// How a rule is emitted.
enum Form<'a> {
    /// One call of the rule's runtime module on every path:
    /// `desk_schema::rules::<name>::check(value, args.., path, report)` and
    /// `desk_schema::rules::<name>::schema(schema, args..)`; the arguments
    /// after the value. Inside `items(...)`, the module's `Rule(args..)`.
    Call(Vec<TokenStream>),
    /// `unique`, on whole items or by a key field.
    Unique(Option<&'a syn::Ident>),
    /// Rules on each item of a list or a set.
    Items(&'a [Rule]),
    /// Rules on each key (`keys`) or each value (`values`) of a map.
    Entries { keys: bool, inner: &'a [Rule] },
    /// A function of the typed value (see `typed::custom_checks`); the schema
    /// states its description.
    Custom(&'a str),
}

/// A rule's form; the arguments of a call are written at `span` (the
/// rule's place for its check, the call site for its schema).
fn form(kind: &RuleKind, span: Span) -> Form<'_> {
    let text = |t: &str| spanned(Literal::string(t), span);
    match kind {
        RuleKind::MaxBytes(n)
        | RuleKind::MinBytes(n)
        | RuleKind::MaxChars(n)
        | RuleKind::MinChars(n)
        | RuleKind::MaxGraphemes(n)
        | RuleKind::MinGraphemes(n)
        | RuleKind::MaxUtf16(n)
        | RuleKind::MinUtf16(n)
        | RuleKind::MaxItems(n)
        | RuleKind::MinItems(n) => Form::Call(vec![
            spanned(Literal::usize_suffixed(*n), span).into_token_stream(),
        ]),
        RuleKind::OneOf(values) => {
            let values = values.iter().map(|v| text(v));
            Form::Call(vec![quote_spanned!(span=> &[#(#values),*])])
        }
        RuleKind::OneOfIntegers { values, within } => {
            let values = values
                .iter()
                .map(|n| spanned(Literal::i128_suffixed(*n), span));
            let (min, max) = (opt_int_at(within.0, span), opt_int_at(within.1, span));
            Form::Call(vec![quote_spanned! {span=>
                &__desk::one_of::Integers { min: #min, max: #max, list: &[#(#values),*] }
            }])
        }
        RuleKind::PrintableAscii | RuleKind::Ascii => Form::Call(Vec::new()),
        RuleKind::NotPrefix(t)
        | RuleKind::Prefix(t)
        | RuleKind::Suffix(t)
        | RuleKind::Contains(t) => Form::Call(vec![text(t).into_token_stream()]),
        RuleKind::Range { min, max } => {
            Form::Call(vec![opt_int_at(*min, span), opt_int_at(*max, span)])
        }
        RuleKind::Format(variant) => {
            let variant = syn::Ident::new(variant, span);
            Form::Call(vec![
                quote_spanned!(span=> __desk::format::Format::#variant),
            ])
        }
        // One static per pattern (see `rule_statics`), compiled on first use.
        RuleKind::Pattern { portable, written } => {
            let mut name = pattern_static(portable, written);
            name.set_span(span);
            Form::Call(vec![quote_spanned!(span=> &#name)])
        }
        RuleKind::Unique { by } => Form::Unique(by.as_ref()),
        RuleKind::Items(inner) => Form::Items(inner),
        RuleKind::Keys(inner) => Form::Entries { keys: true, inner },
        RuleKind::Values(inner) => Form::Entries { keys: false, inner },
        RuleKind::Custom { description, .. } => Form::Custom(description),
    }
}

/// `literal` at `span`.
fn spanned(mut literal: Literal, span: Span) -> Literal {
    literal.set_span(span);
    literal
}

/// What a rule checks. A rule's call is written with every token at the
/// rule's place (`respan_rule`); a target builds itself there
/// ([`Target::at`]), which costs the derive less than respanning tokens.
#[derive(Clone, Copy)]
pub(super) enum Target<'a> {
    /// A local of the generated code that holds a reference: `__desk_view`.
    Local(&'static str),
    /// A reference to a local of the generated code: `&__desk_default`.
    RefTo(&'static str),
    /// A reference to a field of `self`: `&self.name`.
    SelfField(&'a syn::Member),
    /// A binding of a variant's field, which holds a reference.
    Binding(&'a syn::Ident),
    /// Other tokens, respanned (a gated value is an invisible group, which
    /// keeps its own spans).
    Tokens(&'a TokenStream),
}

impl Target<'_> {
    /// The target at the call site (its members at their own spans).
    pub(super) fn tokens(self) -> TokenStream {
        match self {
            Target::Local(name) => syn::Ident::new(name, Span::call_site()).into_token_stream(),
            Target::RefTo(name) => {
                let name = syn::Ident::new(name, Span::call_site());
                quote!(&#name)
            }
            Target::SelfField(member) => quote!(&self.#member),
            Target::Binding(ident) => ident.to_token_stream(),
            Target::Tokens(tokens) => tokens.clone(),
        }
    }

    /// The target with every token at `span`.
    pub(super) fn at(self, span: Span) -> TokenStream {
        match self {
            Target::Local(name) => syn::Ident::new(name, span).into_token_stream(),
            Target::RefTo(name) => {
                let name = syn::Ident::new(name, span);
                quote_spanned!(span=> &#name)
            }
            Target::SelfField(member) => {
                let mut member = member.clone();
                match &mut member {
                    syn::Member::Named(ident) => ident.set_span(span),
                    syn::Member::Unnamed(index) => index.span = span,
                }
                quote_spanned!(span=> &self.#member)
            }
            Target::Binding(ident) => {
                let mut ident = ident.clone();
                ident.set_span(span);
                ident.into_token_stream()
            }
            Target::Tokens(tokens) => respan(tokens.clone(), span),
        }
    }
}

/// `Some(n)` or `None` at `span`.
fn opt_int_at(n: Option<i128>, span: Span) -> TokenStream {
    if let Some(n) = n {
        let n = spanned(Literal::i128_suffixed(n), span);
        quote_spanned!(span=> __desk::Some(#n))
    } else {
        quote_spanned!(span=> __desk::None)
    }
}

/// The bounds of the `range` rules on a field's numbers (its own, or its
/// items' or values'), narrowed together, as the arguments of the walk's
/// `range_bounds`: a number read outside its type is reported with the
/// bounds it must lie within. `None` when no rule bounds a number.
pub(super) fn range_bounds(rules: &[Rule]) -> Option<TokenStream> {
    fn bounds(rules: &[Rule]) -> Option<(Option<i128>, Option<i128>)> {
        let mut found: Option<(Option<i128>, Option<i128>)> = None;
        for rule in rules {
            let (min, max) = match &rule.kind {
                RuleKind::Range { min, max } => (*min, *max),
                RuleKind::Items(inner) | RuleKind::Values(inner) => match bounds(inner) {
                    Some(inner) => inner,
                    None => continue,
                },
                _ => continue,
            };
            found = Some(crate::check::narrow(found.unwrap_or_default(), (min, max)));
        }
        found
    }
    let (min, max) = bounds(rules)?;
    let (min, max) = (
        opt_int_at(min, Span::call_site()),
        opt_int_at(max, Span::call_site()),
    );
    Some(quote!(#min, #max))
}

/// `Some("text")` or `None`, as tokens.
pub(super) fn opt_str(text: Option<&String>) -> TokenStream {
    if let Some(text) = text {
        quote!(__desk::Some(#text))
    } else {
        quote!(__desk::None)
    }
}

/// The rule's runtime module, `__desk::<name>` (`format` for the formats).
fn module(rule: &Rule) -> TokenStream {
    let name = module_name(rule, Span::call_site());
    quote!(__desk::#name)
}

/// The name of the rule's runtime module, at `span`.
fn module_name(rule: &Rule, span: Span) -> syn::Ident {
    let name = match rule.kind {
        RuleKind::Format(_) => "format",
        _ => rule.name,
    };
    syn::Ident::new(name, span)
}

/// `Item::json_name("field")`, the JSON name of a list item's key field.
fn item_key_name(ty: &syn::Type, key: &syn::Ident) -> TokenStream {
    let key_str = super::rust_name(key);
    quote! {
        <__desk::typed::ItemOf<#ty> as __desk::Nested>::json_name(#key_str).unwrap_or(#key_str)
    }
}

/// The check of one rule on `target` (a reference to the field, or to its
/// JSON view when `raw`) at `__desk_fpath`, into `__desk_report`.
pub(super) fn check(rule: &Rule, ty: &syn::Type, target: Target<'_>, raw: bool) -> TokenStream {
    let at = quote!(__desk_fpath, __desk_report);
    let r = quote!(__desk);
    // The field `unique(by = ...)` names keeps its span (see `respan_rule`).
    let mut keep = None;
    let span = super::at_rule(rule.span);
    let call = match form(&rule.kind, span) {
        // Written at the rule's span directly (for less work than
        // `respan_rule`), the target and the arguments too.
        Form::Call(args) => {
            let name = module_name(rule, span);
            // The walk's view of a gated field at the gate's span, as the
            // typed check's value is (`gate::checked`): a rule that does
            // not apply to the type is the same error on both, once.
            let target = match super::gate::span_in(ty) {
                Some(gate) if raw => super::gate::invisible(target.at(gate)),
                _ => target.at(span),
            };
            return quote_spanned! {span=>
                __desk::#name::check(#target #(, #args)*, __desk_fpath, __desk_report);
            };
        }
        Form::Unique(Some(key)) => {
            let target = target.tokens();
            keep = Some(key);
            let name = item_key_name(ty, key);
            if raw {
                quote! {
                    {
                        use __desk::by_key::*;
                        let __desk_key = __desk::key_type(|__desk_item: &__desk::typed::ItemOf<#ty>| &__desk_item.#key);
                        (&&__desk::RawBy::new(
                            #target,
                            __desk_since,
                            |__desk_item: &<__desk::typed::ItemOf<#ty> as __desk::JsonView>::View<'__desk_de>| {
                                __desk::Option::as_ref(&__desk::view_of(&__desk_key, __desk_item).#key).and_then(|__desk_k| (&&__desk::Key(__desk_k)).__desk_item_key())
                            },
                            |__desk_item: &__desk::typed::ItemOf<#ty>| (&&__desk::Key(&__desk_item.#key)).__desk_item_key(),
                        ))
                        .__desk_check_unique_by(#name, #at)
                    }
                }
            } else {
                quote! {
                    #r::unique::check_json_by(
                        #target,
                        |__desk_item: &__desk::typed::ItemOf<#ty>| {
                            use __desk::by_key::*;
                            (&&__desk::TypedKey(&__desk_item.#key)).__desk_item_key()
                        },
                        #name,
                        #at,
                    )
                }
            }
        }
        Form::Unique(None) if raw => {
            let target = target.tokens();
            quote! {
            {
                use __desk::whole::*;
                (&&__desk::RawItems::<__desk::typed::ItemOf<#ty>, _>(#target, __desk_since, __desk::PhantomData)).__desk_check_unique(#at)
            }
            }
        }
        Form::Unique(None) => {
            let target = target.tokens();
            quote! {
                #r::unique::check_json(
                    {
                        use __desk::items::*;
                        (&&__desk::Items(#target)).__desk_list()
                    },
                    #at,
                )
            }
        }
        Form::Items(inner) => return each("items", rule, inner, ty, target, raw),
        Form::Entries { keys, inner } => {
            let which = if keys { "keys" } else { "values" };
            return each(which, rule, inner, ty, target, raw);
        }
        // The typed value's function: see `typed::custom_checks`.
        Form::Custom(_) => return quote!(),
    };
    respan_rule(quote!(#call;), rule.span, keep)
}

/// `items(...)`, `keys(...)` or `values(...)` (`which`): the inner rules,
/// as one value ([`rule_values`]), checked by the runtime (`rules::items`,
/// `keys`, `values`, or their `raw_` forms on a view) on each item, key or
/// value at its path. Only call rules go inside (`model::RULES`, `on_items`),
/// so the inner rules always have a value.
fn each(
    which: &str,
    rule: &Rule,
    inner: &[Rule],
    ty: &syn::Type,
    target: Target<'_>,
    raw: bool,
) -> TokenStream {
    let span = super::at_rule(rule.span);
    let Some(value) = rule_values(inner) else {
        let message = format!("a rule inside `{which}(...)` that is not a call");
        return quote_spanned!(span=> __desk::core::compile_error!(#message););
    };
    let target = target.at(span);
    if !raw {
        let each = syn::Ident::new(which, span);
        return quote_spanned! {span=>
            __desk::#each(#target, #value, __desk_fpath, __desk_report);
        };
    }
    // Through the field's own type, so that a list or map rule on a field
    // that is neither is refused in its terms, at the rule.
    let each = quote::format_ident!("raw_{}", which, span = span);
    let ty = respan(ty.to_token_stream(), span);
    quote_spanned! {span=>
        __desk::#each(__desk::PhantomData::<#ty>, #target, #value, __desk_fpath, __desk_report);
    }
}

/// A reference to `rules` as one value of their modules' `Rule`s, each at
/// its rule's place (a pair for two, nested pairs for more, at the first
/// rule's), when every one is a call. A rule that does not apply to the
/// items is reported at that rule, once: the typed and the raw call take
/// this value in the same place.
pub(super) fn rule_values(rules: &[Rule]) -> Option<TokenStream> {
    let at = super::at_rule(rules.first()?.span);
    let (last, rest) = rules.split_last()?;
    let value = |rule: &Rule| {
        let span = super::at_rule(rule.span);
        match form(&rule.kind, span) {
            Form::Call(args) => {
                let name = module_name(rule, span);
                let args = (!args.is_empty()).then(|| quote_spanned!(span=> (#(#args),*)));
                Some(quote_spanned!(span=> __desk::#name::Rule #args))
            }
            _ => None,
        }
    };
    let mut all = value(last)?;
    for rule in rest.iter().rev() {
        let one = value(rule)?;
        all = quote_spanned!(at=> (#one, #all));
    }
    Some(quote_spanned!(at=> &#all))
}

/// Compile-time checks of a field's rules against its type: `range` bounds
/// inside the integer type (of each item or value, inside `items(...)` and
/// `values(...)`).
///
/// `written` is the type as written, when it is: a bound on a number type
/// the derive reads there was checked by the derive (`check_range_fits`),
/// and needs no constant.
pub(super) fn const_checks(
    rules: &[Rule],
    ty: &TokenStream,
    written: Option<&syn::Type>,
) -> TokenStream {
    let read = written.and_then(crate::check::integer_bounds).is_some();
    let checks = rules.iter().map(|rule| match &rule.kind {
        // Inline, so that the error is at the rule and names no function of
        // ours; the derive has already refused a bound outside a type it can
        // read (`check_range_fits`), so this catches aliases and the like.
        // (`check_range_fits` judges an integer `one_of`'s values likewise.)
        RuleKind::Range { .. } | RuleKind::OneOfIntegers { .. } if read => quote!(),
        RuleKind::Range { min, max } => {
            let asserts =
                [("min", *min), ("max", *max)]
                    .into_iter()
                    .filter_map(|(which, bound)| {
                        let bound = bound?;
                        // The words of `check_range_fits`, for a type the
                        // derive could not read: a float's or an integer's.
                        let float = format!(
                            "`range`: `{which} = {bound}` is past the bounds a float takes \
                         (-8388607 to 8388607 on an `f32`, -9007199254740991 to \
                         9007199254740991 on an `f64`): beyond them a number near the bound can \
                         round one way in serde's typed value and the other in the walk and the \
                         schema; use a bound within them"
                        );
                        let integer = format!(
                            "`range`: `{which} = {bound}` is outside the field's integer type: no \
                         value of the type can reach it"
                        );
                        let number = quote!(<#ty as __desk::Number>);
                        let within = quote!(#bound >= #number::MIN && #bound <= #number::MAX);
                        Some(quote! {
                            __desk::core::assert!(#number::EXACT || #within, "{}", #float);
                            __desk::core::assert!(!#number::EXACT || #within, "{}", #integer);
                        })
                    });
            respan(quote!(const _: () = { #(#asserts)* };), rule.span)
        }
        // For a type the derive could not read (an alias): an `f32`, and a
        // value the type cannot take, in the words of `check_range_fits`.
        RuleKind::OneOfIntegers { values, .. } => {
            let number = quote!(<#ty as __desk::Number>);
            let rounds = crate::check::ONE_OF_F32;
            let asserts = values.iter().map(|n| {
                let outside = format!(
                    "`one_of`: {n} is outside what the field's type takes, so no value can be it"
                );
                quote!(__desk::core::assert!(#n >= #number::MIN && #n <= #number::MAX, "{}", #outside);)
            });
            respan(
                quote!(const _: () = { __desk::core::assert!(!#number::ROUNDS, "{}", #rounds); #(#asserts)* };),
                rule.span,
            )
        }
        RuleKind::Items(inner) => const_checks(
            inner,
            &quote!(__desk::typed::ItemOf<#ty>),
            written.and_then(crate::check::item_type),
        ),
        RuleKind::Values(inner) => {
            const_checks(inner, &quote!(__desk::typed::ValueOf<#ty>), None)
        }
        _ => quote!(),
    });
    quote!(#(#checks)*)
}

/// The rule's schema keywords, written into `__desk_s`.
pub(super) fn schema(rule: &Rule, ty: &syn::Type) -> TokenStream {
    let r = quote!(__desk);
    let s = quote!(__desk_s);
    let (key, inner) = match form(&rule.kind, Span::call_site()) {
        Form::Call(args) => {
            let module = module(rule);
            return quote!(#module::schema(#s #(, #args)*););
        }
        Form::Unique(Some(key)) => {
            let name = item_key_name(ty, key);
            return quote!(#r::unique::schema_by(#s, #name););
        }
        Form::Unique(None) => return quote!(#r::unique::schema(#s);),
        Form::Custom(description) => return quote!(#r::custom::schema(#s, #description);),
        Form::Items(inner) => ("items", inner),
        Form::Entries { keys: true, inner } => ("propertyNames", inner),
        Form::Entries { keys: false, inner } => ("additionalProperties", inner),
    };
    let inner = inner.iter().map(|rule| schema(rule, ty));
    quote! {
        __desk::schema::with_sub(#s, #key, |__desk_s| { #(#inner)* });
    }
}

/// The static that holds a pattern, named after its text, so that the typed
/// check, the walk and the schema share it.
fn pattern_static(portable: &str, written: &str) -> syn::Ident {
    // FNV-1a: a name, not a defence. Two spellings of one pattern (`.` and
    // its class) are two statics: each reports its own.
    let bytes = portable.bytes().chain([0]).chain(written.bytes());
    let hash = bytes.fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    });
    quote::format_ident!("__DESK_PATTERN_{:016x}", hash)
}

/// The items a type's rules need once (inner rules included): a static per
/// pattern, and the check that the `pattern` or `formats` feature is on, at
/// the first attribute that needs it, so a missing feature is one error.
pub(super) fn rule_statics<'a>(
    rules: impl IntoIterator<Item = &'a Rule>,
    seen: &mut Vec<syn::Ident>,
) -> TokenStream {
    let mut out = TokenStream::new();
    for rule in rules {
        match &rule.kind {
            RuleKind::Pattern { portable, written } => {
                let name = pattern_static(portable, written);
                if seen.contains(&name) {
                    continue;
                }
                seen.push(name.clone());
                let r = quote!(__desk::pattern);
                // With the spelling the report names (`.`, where the
                // portable one writes out its class).
                let made = quote!(#r::Pattern::written_as(#portable, #written));
                out.extend(respan(
                    quote! {
                        static #name: #r::Pattern = #made;
                        const _: () = #r::needs_feature::<#r::Pattern>();
                    },
                    rule.span,
                ));
            }
            RuleKind::Format(_) => {
                let name = quote::format_ident!("__DESK_FORMATS");
                if seen.contains(&name) {
                    continue;
                }
                seen.push(name);
                out.extend(respan(
                    quote! {
                        const _: () = __desk::format::needs_feature::<__desk::format::Format>();
                    },
                    rule.span,
                ));
            }
            RuleKind::Items(inner) | RuleKind::Keys(inner) | RuleKind::Values(inner) => {
                out.extend(rule_statics(inner, seen));
            }
            _ => {}
        }
    }
    out
}
