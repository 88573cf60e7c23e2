//! The derived type's own generics in every generated item: its parameters
//! after the generated ones, its `where` clause, and the bounds its type
//! parameters need.

use proc_macro2::TokenStream;
use quote::quote;

use crate::model::{Absent, Input, Mode, Shape, VariantData};

/// The derived type with its generic arguments, as a type.
pub(crate) fn self_ty(input: &Input) -> TokenStream {
    let ident = &input.ident;
    let args = Params::of(input).args;
    quote!(#ident #args)
}

/// The derived type's own generics, as every generated item needs them:
/// its parameters after the generated ones, its `where` clause, and the
/// bounds on its type parameters that the item's code relies on.
pub(crate) struct Params {
    lifetimes: Vec<TokenStream>,
    types: Vec<TokenStream>,
    lifetime_names: Vec<syn::Lifetime>,
    type_names: Vec<syn::Ident>,
    /// `<'a, T>`, or nothing.
    pub args: TokenStream,
    preds: Vec<TokenStream>,
    /// The bounds the fields ask of the parameters.
    bounds: Bounds,
}

/// The bounds a generic type's fields ask of its parameters, as serde infers
/// its own (none for a type without parameters). Each list holds the types
/// bounded: a parameter (`T`), or a parameter's associated type
/// (`T::Assoc`), which is bounded itself, not `T`; a parameter no field
/// reads (inside `PhantomData`, or in a field serde skips) is in none.
#[derive(Default)]
struct Bounds {
    /// Held by a checked field: each item's own bound.
    checked: Vec<TokenStream>,
    /// A checked field's map keys (`K` in `BTreeMap<K, V>`): `KeyParam`.
    keys: Vec<TokenStream>,
    /// The parameters that stand only for a hashed collection's hasher
    /// (`S` in `HashMap<K, V, S>`): no data, so neither bounded as one nor
    /// named in the schema's name (as schemars' own `HashMap` schema does
    /// not).
    hashers: Vec<String>,
    /// The hasher types that name one of `hashers` in a field serde reads
    /// (`S`, `BuildHasherDefault<H>`): `BuildHasher + Default`, what
    /// serde's `Deserialize` of the collection asks (which the user may have
    /// told serde in a `bound` of its own).
    hashed: Vec<TokenStream>,
    /// Held only by `skip` fields, read by serde alone: `DeserializeOwned`
    /// (and `JsonSchema` in the schema item, the field's schema).
    read: Vec<TokenStream>,
    /// Held by a field with a plain `#[serde(default)]`, or one serde skips
    /// without a default of its own: `Default`, as serde bounds them.
    defaulted: Vec<TokenStream>,
    /// `Self: Default`, for a type whose absent fields take their values
    /// from the container's `#[serde(default)]`.
    self_default: Option<TokenStream>,
    /// Whether a checked field's type gives a parameter to a type of the
    /// user's (itself, in a recursive type: `Vec<Tree<T>>`), whose view may
    /// ask the `Default` bounds too: the view's definition keeps them.
    view_defaults: bool,
    /// Held by a checked field that the schema item checks or hands on:
    /// one whose default it checks against the field's rules (to say
    /// whether the field is required), in the type's default context, or
    /// one whose type is not built of the standard library's types and the
    /// parameters alone (`Inner<T>`, whose own schema may check a default).
    /// Only these need `ValidateIn` there, so that a type without a context
    /// may be given one that has one (`Page<Leaf>`, with `Vec<T>` in
    /// `Page<T>`, in a type whose context is `Leaf`'s).
    validated: Vec<TokenStream>,
}

/// The types of the fields that take their type's `Default` when absent:
/// a plain `#[serde(default)]`, or a field serde skips without a default of
/// its own.
fn defaulted_types(input: &Input) -> impl Iterator<Item = &syn::Type> {
    // A struct variant's fields serde skips, as the type's own.
    let in_variants = match &input.shape {
        Shape::DataEnum { variants, .. } => variants
            .iter()
            .flat_map(|v| match &v.data {
                VariantData::Struct { skipped, .. } => &skipped[..],
                _ => &[][..],
            })
            .collect(),
        _ => Vec::new(),
    };
    let skipped = (input.serde_skipped.iter())
        .chain(in_variants)
        .filter(|f| matches!(f.absent, Absent::FieldDefault(_) | Absent::Required))
        .map(|f| &f.ty);
    let read = super::all_fields(input)
        .filter(|f| matches!(f.absent, Absent::FieldDefault(_)))
        .map(|f| &f.ty);
    skipped.chain(read)
}

/// The associated types of the parameters `params` (`T::Assoc`, not inside
/// `PhantomData`) that `ty` holds, added to `out` (`Bounds::of` keeps each
/// once); inside the derive's gate too (`Page<T::Assoc>`, written
/// `<<Page<T::Assoc> as __desk::Nested>::Checked as ...>::Checked`),
/// though not inside a qualified path the user wrote.
fn assoc_paths(ty: &syn::Type, params: &[syn::Ident], out: &mut Vec<TokenStream>) {
    crate::paths::each_path(ty, (), &mut |p, ()| {
        if let Some(q) = &p.qself {
            let gate = p.path.leading_colon.is_none()
                && p.path.segments.first().is_some_and(|s| s.ident == "__desk");
            if gate {
                assoc_paths(&q.ty, params, out);
            }
            return Some(());
        }
        let rooted = p.qself.is_none()
            && p.path.leading_colon.is_none()
            && p.path.segments.len() > 1
            && params.contains(&p.path.segments[0].ident);
        if rooted {
            out.push(quote!(#p));
        }
        Some(())
    });
}

/// Whether `ty` mentions `name`, other than inside `PhantomData`, which
/// holds every type and reads none (serde bounds a parameter the same way),
/// and, unless `keys`, other than as a standard map's key (bounded as a key,
/// `KeyParam`, not as a value: see `key_types`), and never as a hashed
/// collection's hasher (see `is_hasher`).
fn mentions(ty: &syn::Type, name: &syn::Ident, keys: bool) -> bool {
    match ty {
        syn::Type::Path(p) => {
            if p.qself
                .as_ref()
                .is_some_and(|q| mentions(&q.ty, name, keys))
            {
                return true;
            }
            if p.path
                .segments
                .last()
                .is_some_and(|s| s.ident == "PhantomData")
            {
                return false;
            }
            // `T::Assoc` is bounded itself (see `assoc_paths`), not `T`.
            let assoc = p.path.leading_colon.is_none() && p.path.segments.len() > 1;
            p.path.segments.iter().enumerate().any(|(i, seg)| {
                // A key, unless keys count, and a hasher, never.
                let key = |at: usize| at == 0 && !keys && is_map(seg);
                let read = |at: usize| !(key(at) || is_hasher(seg, at));
                (seg.ident == *name && !(assoc && i == 0))
                    || match &seg.arguments {
                        syn::PathArguments::AngleBracketed(a) => a
                            .args
                            .iter()
                            .enumerate()
                            .filter(|(at, _)| read(*at))
                            .any(|(_, a)| match a {
                                syn::GenericArgument::Type(t) => mentions(t, name, keys),
                                syn::GenericArgument::AssocType(b) => mentions(&b.ty, name, keys),
                                other => tokens_mention(&quote!(#other), name),
                            }),
                        syn::PathArguments::Parenthesized(a) => tokens_mention(&quote!(#a), name),
                        syn::PathArguments::None => false,
                    }
            })
        }
        syn::Type::Reference(r) => mentions(&r.elem, name, keys),
        syn::Type::Slice(s) => mentions(&s.elem, name, keys),
        syn::Type::Array(a) => mentions(&a.elem, name, keys),
        syn::Type::Paren(p) => mentions(&p.elem, name, keys),
        syn::Type::Group(g) => mentions(&g.elem, name, keys),
        syn::Type::Tuple(t) => t.elems.iter().any(|t| mentions(t, name, keys)),
        // Anything else, by its tokens: a mention is never missed.
        other => tokens_mention(&quote!(#other), name),
    }
}

/// A standard map (`HashMap`, `BTreeMap`), by the last segment's name, as
/// the derive reads a field's map everywhere.
fn is_map(seg: &syn::PathSegment) -> bool {
    seg.ident == "HashMap" || seg.ident == "BTreeMap"
}

/// Whether the argument at `at` of `seg` is a standard hashed collection's
/// hasher (`S` in `HashMap<K, V, S>`, `HashSet<T, S>`): no data, bounded by
/// the user (`BuildHasher + Default`, as serde asks), never as a value.
fn is_hasher(seg: &syn::PathSegment, at: usize) -> bool {
    (seg.ident == "HashMap" && at == 2) || (seg.ident == "HashSet" && at == 1)
}

/// Whether `ty` names `name` as a hashed collection's hasher.
fn in_hasher(ty: &syn::Type, name: &syn::Ident) -> bool {
    crate::paths::any_path(ty, |p| {
        p.path.segments.iter().any(|seg| {
            let syn::PathArguments::AngleBracketed(a) = &seg.arguments else {
                return false;
            };
            a.args
                .iter()
                .enumerate()
                .any(|(at, arg)| is_hasher(seg, at) && tokens_mention(&quote!(#arg), name))
        })
    })
}

/// The hasher arguments of the hashed collections in `ty` that name
/// `name`, as written (`S`, or `BuildHasherDefault<H>`): what serde's
/// `Deserialize` of the collection asks `BuildHasher + Default` of.
fn hasher_types(ty: &syn::Type, name: &syn::Ident, out: &mut Vec<TokenStream>) {
    crate::paths::each_path(ty, (), &mut |p, ()| {
        for seg in &p.path.segments {
            let syn::PathArguments::AngleBracketed(a) = &seg.arguments else {
                continue;
            };
            for (at, arg) in a.args.iter().enumerate() {
                if is_hasher(seg, at) && tokens_mention(&quote!(#arg), name) {
                    out.push(quote!(#arg));
                }
            }
        }
        Some(())
    });
}

/// The key types of the standard maps that `ty` holds (not inside
/// `PhantomData`): a parameter there is read as the property name's text,
/// and bounded so (`KeyParam`: one of the standard string types, as a key
/// written in the field must be), wherever the type is used.
fn key_types<'t>(ty: &'t syn::Type, out: &mut Vec<&'t syn::Type>) {
    crate::paths::each_path(ty, (), &mut |p, ()| {
        // `each_path` passes over a qualified path's self type and
        // associated type bindings: a key there is a key too.
        if let Some(q) = &p.qself {
            key_types(&q.ty, out);
        }
        for seg in &p.path.segments {
            let syn::PathArguments::AngleBracketed(a) = &seg.arguments else {
                continue;
            };
            for (i, arg) in a.args.iter().enumerate() {
                match arg {
                    syn::GenericArgument::Type(key) if i == 0 && is_map(seg) => out.push(key),
                    syn::GenericArgument::AssocType(b) => key_types(&b.ty, out),
                    _ => {}
                }
            }
        }
        Some(())
    });
}

fn tokens_mention(tokens: &TokenStream, name: &syn::Ident) -> bool {
    super::facts::names_any(tokens.clone(), &[name.to_string().as_str()])
}

/// `tokens` with each of `held` written in its gated form (`<T as
/// Gate>::Gated`, a key's `<K as MapKey>::Checked`); `None` when one is the
/// root of a path (`T::Assoc`), which that form cannot start, or the tokens
/// name `Self`.
fn gated_tokens(tokens: TokenStream, held: &[(&syn::Ident, TokenStream)]) -> Option<TokenStream> {
    use proc_macro2::TokenTree;
    let trees: Vec<TokenTree> = tokens.into_iter().collect();
    let mut out = TokenStream::new();
    for (i, tree) in trees.iter().enumerate() {
        match tree {
            TokenTree::Ident(id) if id == "Self" => return None,
            TokenTree::Ident(id) if held.iter().any(|(h, _)| *h == id) => {
                if matches!(trees.get(i + 1), Some(TokenTree::Punct(p)) if p.as_char() == ':')
                    && matches!(trees.get(i + 2), Some(TokenTree::Punct(p)) if p.as_char() == ':')
                {
                    return None;
                }
                let gated = held.iter().find(|(h, _)| *h == id).map(|(_, g)| g);
                out.extend(gated.cloned());
            }
            TokenTree::Group(g) => {
                let mut inner =
                    proc_macro2::Group::new(g.delimiter(), gated_tokens(g.stream(), held)?);
                inner.set_span(g.span());
                out.extend([TokenTree::Group(inner)]);
            }
            other => out.extend([other.clone()]),
        }
    }
    Some(out)
}

impl Bounds {
    /// What the fields of `input` (a type with parameters) ask of
    /// `type_names`; `args` are the type's arguments.
    fn of(input: &Input, type_names: &[syn::Ident], args: &TokenStream) -> Self {
        // The parameters and associated types each of `types` holds, each
        // once, and not one of `except`.
        let held = |types: &mut dyn Iterator<Item = &syn::Type>,
                    except: &[TokenStream],
                    keys: bool| {
            let mut out: Vec<TokenStream> = Vec::new();
            for ty in types {
                for t in type_names.iter().filter(|t| mentions(ty, t, keys)) {
                    out.push(quote!(#t));
                }
                assoc_paths(ty, type_names, &mut out);
            }
            let mut seen = Vec::new();
            out.retain(|t| {
                let name = t.to_string();
                let keep = !seen.contains(&name) && !except.iter().any(|e| e.to_string() == name);
                seen.push(name);
                keep
            });
            out
        };
        let of_mode = |skip: bool| {
            super::all_fields(input)
                .filter(move |f| matches!(f.mode, Mode::Skip) == skip)
                .map(|f| &f.ty)
        };
        let checked = held(&mut of_mode(false), &[], false);
        let mut key_tys = Vec::new();
        of_mode(false).for_each(|ty| key_types(ty, &mut key_tys));
        let keys = held(&mut key_tys.into_iter(), &[], true);
        let read = held(&mut of_mode(true), &checked, true);
        let names: Vec<String> = type_names.iter().map(ToString::to_string).collect();
        let names: Vec<&str> = names.iter().map(String::as_str).collect();
        let own = input.ident.to_string();
        let view_defaults = of_mode(false).any(|ty| {
            type_names.iter().any(|t| mentions(ty, t, true))
                && !super::facts::std_or_params(ty, &names, "")
        });
        // A field the schema checks a default of, or whose type of the
        // user's has a schema that may (a `skip` field's too: its schema
        // is its type's): of the parameters a checked field holds.
        let mut validated = held(
            &mut super::all_fields(input)
                .filter(|f| {
                    let std = || super::facts::std_or_params(&f.ty, &names, &own);
                    match f.mode {
                        Mode::Skip => !std(),
                        _ => super::checks_default(f) || !std(),
                    }
                })
                .map(|f| &f.ty),
            &[],
            false,
        );
        validated.retain(|t| checked.iter().any(|c| c.to_string() == t.to_string()));
        let defaulted = held(&mut defaulted_types(input), &[], true);
        let container_default = input
            .serde_skipped
            .iter()
            .map(|f| &f.absent)
            .chain(super::all_fields(input).map(|f| &f.absent))
            .any(|a| matches!(a, Absent::ContainerDefault));
        let self_default = container_default.then(|| {
            let ident = &input.ident;
            quote!(#ident #args: __desk::core::default::Default)
        });
        let hashers = type_names
            .iter()
            .filter(|t| {
                let fields = || {
                    super::all_fields(input)
                        .map(|f| &f.ty)
                        .chain(input.serde_skipped.iter().map(|f| &f.ty))
                };
                !fields().any(|ty| mentions(ty, t, true)) && fields().any(|ty| in_hasher(ty, t))
            })
            .map(ToString::to_string)
            .collect::<Vec<String>>();
        // The hasher types as written (`S`, `BuildHasherDefault<H>`) that
        // name such a parameter, in the fields serde reads.
        let mut hashed: Vec<TokenStream> = Vec::new();
        for t in type_names
            .iter()
            .filter(|t| hashers.contains(&t.to_string()))
        {
            for f in super::all_fields(input) {
                hasher_types(&f.ty, t, &mut hashed);
            }
        }
        let mut seen = Vec::new();
        hashed.retain(|h| {
            let name = h.to_string();
            let keep = !seen.contains(&name);
            seen.push(name);
            keep
        });
        Bounds {
            checked,
            keys,
            hashers,
            hashed,
            read,
            defaulted,
            self_default,
            view_defaults,
            validated,
        }
    }

    /// The predicates: `bound` on what a checked field holds, and the
    /// others' own; serde's `Default` bounds only with `defaults`.
    fn predicates<'a>(
        &'a self,
        bound: &'a TokenStream,
        defaults: bool,
    ) -> impl Iterator<Item = TokenStream> + 'a {
        let checked = self.checked.iter().map(move |t| quote!(#t: #bound));
        let keys = (self.keys.iter())
            .map(|t| quote!(#t: __desk::KeyParam + __desk::serde::de::DeserializeOwned));
        let read = (self.read.iter()).map(|t| quote!(#t: __desk::serde::de::DeserializeOwned));
        checked
            .chain(keys)
            .chain(read)
            .chain(self.serde_extras(defaults))
    }

    /// What serde asks of the parameters beyond reading them: a hasher's
    /// `BuildHasher + Default`, and (with `defaults`) `Default` of what a
    /// defaulted field holds and of the type under a container default.
    fn serde_extras(&self, defaults: bool) -> impl Iterator<Item = TokenStream> + '_ {
        let hashed = (self.hashed.iter())
            .map(|t| quote!(#t: __desk::core::hash::BuildHasher + __desk::core::default::Default));
        let defaulted = (self.defaulted.iter())
            .filter(move |_| defaults)
            .map(|t| quote!(#t: __desk::core::default::Default));
        hashed
            .chain(defaulted)
            .chain(self.self_default.clone().filter(|_| defaults))
    }
}

impl Params {
    pub(crate) fn of(input: &Input) -> Self {
        let g = &input.generics;
        let (mut lifetimes, mut types, mut lifetime_names, mut type_names) =
            (Vec::new(), Vec::new(), Vec::new(), Vec::new());
        for p in &g.params {
            match p {
                syn::GenericParam::Lifetime(l) => {
                    lifetimes.push(quote!(#l));
                    lifetime_names.push(l.lifetime.clone());
                }
                syn::GenericParam::Type(t) => {
                    let mut t = t.clone();
                    t.default = None;
                    t.attrs.clear();
                    type_names.push(t.ident.clone());
                    types.push(quote!(#t));
                }
                // Refused while parsing.
                syn::GenericParam::Const(_) => {}
            }
        }
        let args = if g.params.is_empty() {
            quote!()
        } else {
            quote!(<#(#lifetime_names,)* #(#type_names),*>)
        };
        let preds = g
            .where_clause
            .iter()
            .flat_map(|w| w.predicates.iter().map(|p| quote!(#p)))
            .collect();
        let bounds = if g.params.is_empty() {
            Bounds::default()
        } else {
            Bounds::of(input, &type_names, &args)
        };
        Params {
            lifetimes,
            types,
            lifetime_names,
            type_names,
            args,
            preds,
            bounds,
        }
    }

    /// The type's arguments with each type parameter that a checked field
    /// holds written `<T as Gate>::Gated` (one held only as a map's key,
    /// `<K as MapKey>::Checked`), and the predicates its `GateArgs` impl
    /// needs: each such parameter's own `Gate` (whose `Gated` is `Sized`
    /// unless the parameter may be unsized) or `MapKey`, and the type's own
    /// bounds as the written arguments must meet them (`T: Clone` as
    /// `<T as Gate>::Gated: Clone`; `?Sized` relaxes, so it is left out).
    /// `None` when no parameter is so held and serde bounds none `Default`,
    /// or a bound cannot be written so (one on a parameter's associated
    /// type, or naming `Self`).
    pub(crate) fn gated_args(
        &self,
        generics: &syn::Generics,
    ) -> Option<(TokenStream, Vec<TokenStream>)> {
        // Each bounded type with its bounds (a parameter's own, a `where`
        // clause's), and the other predicates (a lifetime's).
        let mut bounded: Vec<(TokenStream, TokenStream, Vec<&syn::TypeParamBound>)> = Vec::new();
        let mut others = Vec::new();
        for t in generics.type_params() {
            let ident = &t.ident;
            bounded.push((quote!(), quote!(#ident), t.bounds.iter().collect()));
        }
        for p in generics.where_clause.iter().flat_map(|w| &w.predicates) {
            match p {
                syn::WherePredicate::Type(p) => {
                    let (lifetimes, ty) = (&p.lifetimes, &p.bounded_ty);
                    bounded.push((quote!(#lifetimes), quote!(#ty), p.bounds.iter().collect()));
                }
                other => others.push(other),
            }
        }
        // A parameter the user bounds `KeyParam` (passed on to a type that
        // keys a map by it, which the derive cannot see) is a key alone:
        // every key type is a standard string, a plain value too.
        let declared = |t: &syn::Ident| {
            let name = t.to_string();
            (bounded.iter())
                .any(|(_, ty, bounds)| ty.to_string() == name && names_key_param(bounds))
        };
        let is_key = |t: &syn::Ident| {
            let name = t.to_string();
            declared(t) || self.bounds.keys.iter().any(|k| k.to_string() == name)
        };
        let is_checked = |t: &syn::Ident| self.is_checked(&t.to_string()) && !declared(t);
        // A parameter held both as a key and otherwise: gated as the
        // other, then as a key (so that for a type that is no key the gate
        // fails, and the type it stands for is no type at all).
        let held: Vec<(&syn::Ident, TokenStream)> = self
            .type_names
            .iter()
            .filter_map(|t| match (is_checked(t), is_key(t)) {
                (true, false) => Some((t, quote!(<#t as __desk::Gate>::Gated))),
                (true, true) => Some((
                    t,
                    quote!(<<#t as __desk::Gate>::Gated as __desk::MapKey>::Checked),
                )),
                (false, true) => Some((t, quote!(<#t as __desk::MapKey>::Checked))),
                (false, false) => None,
            })
            .collect();
        // A type whose parameters no checked field holds is still gated
        // when serde bounds one `Default` (a field it skips, say): that
        // bound is then one error at the gate.
        if held.is_empty() && self.bounds.defaulted.is_empty() {
            return None;
        }
        let mut own = Vec::new();
        for other in others {
            own.push(gated_tokens(quote!(#other), &held)?);
        }
        // `?Sized` relaxes: it is no bound to meet, and says the parameter
        // may be unsized.
        let mut maybe_unsized: Vec<String> = Vec::new();
        for (lifetimes, ty, bounds) in &bounded {
            let relaxed = |b: &&&syn::TypeParamBound| quote!(#b).to_string().starts_with('?');
            if bounds.iter().any(|b| relaxed(&b)) {
                maybe_unsized.push(ty.to_string());
            }
            let kept: Vec<_> = bounds.iter().filter(|b| !relaxed(b)).collect();
            if !kept.is_empty() {
                own.push(gated_tokens(quote!(#lifetimes #ty: #(#kept)+*), &held)?);
            }
        }
        // serde's own bounds for defaults, as the written arguments must
        // meet them: a missing `Default` is then one error at the gate. One
        // that cannot be written so (on an associated type, `T::Member`) is
        // left to the impls, and the gate kept for the rest.
        own.extend(
            self.bounds
                .defaulted
                .iter()
                .filter_map(|t| gated_tokens(quote!((#t): __desk::core::default::Default), &held)),
        );
        let key = quote!(__desk::MapKey<Checked: __desk::core::marker::Sized>);
        let gates = held
            .iter()
            .flat_map(|(t, _)| match (is_checked(t), is_key(t)) {
                (false, _) => vec![quote!(#t: #key)],
                (true, true) => vec![
                    quote!(#t: __desk::Gate),
                    quote!(<#t as __desk::Gate>::Gated: #key),
                ],
                (true, false) if maybe_unsized.contains(&t.to_string()) => {
                    vec![quote!(#t: __desk::Gate)]
                }
                (true, false) => {
                    vec![quote!(#t: __desk::Gate<Gated: __desk::core::marker::Sized>)]
                }
            });
        let preds = gates.chain(own).collect();
        let types = self.type_names.iter().map(|t| {
            held.iter()
                .find(|(h, _)| *h == t)
                .map_or_else(|| quote!(#t), |(_, form)| form.clone())
        });
        let lifetimes = &self.lifetime_names;
        Some((quote!(<#(#lifetimes,)* #(#types),*>), preds))
    }

    /// The type parameters a schema's name names: all but a hasher's.
    pub(crate) fn named_in_schema(&self) -> impl Iterator<Item = &syn::Ident> {
        (self.type_names.iter()).filter(|t| !self.bounds.hashers.contains(&t.to_string()))
    }

    /// Whether a checked field holds the parameter (or associated type)
    /// written `name`.
    fn is_checked(&self, name: &str) -> bool {
        self.bounds.checked.iter().any(|c| c.to_string() == name)
    }

    /// `T: JsonSchema` for each parameter no checked field mentions (the
    /// schema item's extra bounds): the schema's name names every
    /// parameter's, as schemars names them; and for each associated type
    /// only a `skip` field holds, whose schema is the field's.
    pub(crate) fn unchecked_schema_preds(&self) -> Vec<TokenStream> {
        let checked = |t: &TokenStream| self.is_checked(&t.to_string());
        let params = (self.type_names.iter())
            .filter(|t| !self.bounds.hashers.contains(&t.to_string()))
            .map(|t| quote!(#t));
        // A parameter read only by a `skip` field is one of the first.
        let read = self.bounds.read.iter().cloned();
        let mut preds: Vec<TokenStream> = Vec::new();
        for t in params.chain(read).filter(|t| !checked(t)) {
            let pred = quote!(#t: __desk::schemars::JsonSchema);
            if !preds.iter().any(|p| p.to_string() == pred.to_string()) {
                preds.push(pred);
            }
        }
        preds
    }

    /// `T: bound` for each parameter (or associated type) that the schema
    /// item checks or hands on (`Bounds::validated`).
    pub(crate) fn validated_preds(&self, bound: &TokenStream) -> Vec<TokenStream> {
        let held = self.bounds.validated.iter();
        held.map(|t| quote!(#t: #bound)).collect()
    }

    /// An item's parameter list: `ours` (generated lifetimes first, then
    /// generated types), merged with the type's own.
    pub(crate) fn decl(
        &self,
        our_lifetimes: &[TokenStream],
        our_types: &[TokenStream],
    ) -> TokenStream {
        let all: Vec<&TokenStream> = our_lifetimes
            .iter()
            .chain(&self.lifetimes)
            .chain(our_types)
            .chain(&self.types)
            .collect();
        if all.is_empty() {
            quote!()
        } else {
            quote!(<#(#all),*>)
        }
    }

    /// The type's own arguments after `ours` (for a generated item).
    pub(crate) fn args_after(
        &self,
        our_lifetimes: &[TokenStream],
        our_types: &[TokenStream],
    ) -> TokenStream {
        let (l, t) = (&self.lifetime_names, &self.type_names);
        let all: Vec<TokenStream> = our_lifetimes
            .iter()
            .cloned()
            .chain(l.iter().map(|l| quote!(#l)))
            .chain(our_types.iter().cloned())
            .chain(t.iter().map(|t| quote!(#t)))
            .collect();
        if all.is_empty() {
            quote!()
        } else {
            quote!(<#(#all),*>)
        }
    }

    /// `where` with the type's own predicates and `bound` on every type
    /// parameter a checked field mentions (as serde bounds them: on the
    /// parameters, so that the fields' types still normalize), or nothing.
    /// A parameter only a `skip` field mentions is read by serde alone:
    /// `DeserializeOwned`; one a field with a plain default mentions is
    /// also `Default`, as serde bounds it.
    pub(crate) fn where_clause(&self, bound: &TokenStream, extra: &[TokenStream]) -> TokenStream {
        self.where_clause_of(bound, extra, true)
    }

    /// [`where_clause`](Self::where_clause), without serde's `Default`
    /// bounds unless `defaults`.
    fn where_clause_of(
        &self,
        bound: &TokenStream,
        extra: &[TokenStream],
        defaults: bool,
    ) -> TokenStream {
        let fields = self.bounds.predicates(bound, defaults);
        self.where_own_and(fields.chain(extra.iter().cloned()))
    }

    /// `where` with the type's own predicates and `bound` alone on every
    /// type parameter (or associated type) a checked field holds, a map's
    /// key too, and nothing else: for a trait whose impls on the standard
    /// types ask only that of what they hold (`JsonEq`), so that a type
    /// holding another of the user's over its parameters proves that type's
    /// impl from its own bounds.
    pub(crate) fn where_each(&self, bound: &TokenStream) -> TokenStream {
        let held = self.bounds.checked.iter().chain(&self.bounds.keys);
        let mut seen = Vec::new();
        let fields = held.filter_map(|t| {
            let name = t.to_string();
            (!seen.contains(&name)).then(|| {
                seen.push(name);
                quote!(#t: #bound)
            })
        });
        self.where_own_and(fields)
    }

    /// Whether the type has type parameters.
    pub(crate) fn is_generic(&self) -> bool {
        !self.type_names.is_empty()
    }

    /// `where` with the type's own predicates and what serde asks of its
    /// arguments beyond reading them (`Default`, a hasher's
    /// `BuildHasher + Default`, the type's own `Default`): the
    /// `SerdeBounds` impl's, and those of every item that names a field's
    /// type written through it (a type given a parameter: `Env<T>`). The
    /// own predicates alone for a type without type parameters.
    pub(crate) fn serde_where(&self) -> TokenStream {
        self.serde_where_and(&[])
    }

    /// [`serde_where`](Self::serde_where) and `extra`.
    pub(crate) fn serde_where_and(&self, extra: &[TokenStream]) -> TokenStream {
        let serde = self.is_generic().then(|| self.bounds.serde_extras(true));
        self.where_own_and(serde.into_iter().flatten().chain(extra.iter().cloned()))
    }

    /// `where` with the type's own predicates and `more`, or nothing when
    /// there are none.
    fn where_own_and(&self, more: impl Iterator<Item = TokenStream>) -> TokenStream {
        let preds: Vec<TokenStream> = self.preds.iter().cloned().chain(more).collect();
        if preds.is_empty() {
            quote!()
        } else {
            quote!(where #(#preds),*)
        }
    }

    /// `where` with only the type's own predicates.
    pub(crate) fn own_where(&self) -> TokenStream {
        self.where_own_and(core::iter::empty())
    }

    /// `where` with the type's own predicates and `extra`.
    pub(crate) fn own_where_and(&self, extra: &[TokenStream]) -> TokenStream {
        let preds = self.preds.iter().chain(extra);
        quote!(where #(#preds),*)
    }

    /// A tuple type that names every parameter of the type, for a
    /// `PhantomData` in a generated item.
    pub(crate) fn phantom(&self) -> TokenStream {
        let (l, t) = (&self.lifetime_names, &self.type_names);
        quote!((#(&#l (),)* #(fn() -> #t,)*))
    }

    /// The generated view type `name` with `'__desk_de` and the type's own
    /// arguments.
    pub(crate) fn view(&self, name: &syn::Ident) -> TokenStream {
        let args = self.args_after(&[quote!('__desk_de)], &[]);
        quote!(#name #args)
    }

    /// The view type's parameter list and `where` clause (its fields name
    /// the views of the fields' types).
    pub(crate) fn view_decl(&self) -> (TokenStream, TokenStream) {
        self.view_decl_of(true)
    }

    /// The view type's definition's parameter list and `where` clause:
    /// [`view_decl`](Self::view_decl)'s without serde's `Default` bounds,
    /// which no field's view asks unless the field gives a parameter to a
    /// type of the user's (`view_defaults`). A holder's rule on a view of
    /// the type given an argument without `Default` (`min_items` on
    /// `Vec<Env<NoDefault>>`) then meets no bound of the view's: the gate's
    /// one error says it.
    pub(crate) fn view_def_decl(&self) -> (TokenStream, TokenStream) {
        self.view_decl_of(false)
    }

    fn view_decl_of(&self, defaults: bool) -> (TokenStream, TokenStream) {
        (
            self.decl(&[quote!('__desk_de)], &[]),
            self.where_clause_of(
                &quote!(__desk::JsonView + __desk::serde::de::DeserializeOwned),
                &[],
                defaults || self.bounds.view_defaults,
            ),
        )
    }
}

/// Whether `bounds` name `KeyParam`: the user declares the parameter a
/// map key.
fn names_key_param(bounds: &[&syn::TypeParamBound]) -> bool {
    bounds.iter().any(|b| match b {
        syn::TypeParamBound::Trait(tb) => tb
            .path
            .segments
            .last()
            .is_some_and(|s| s.ident == "KeyParam"),
        _ => false,
    })
}
