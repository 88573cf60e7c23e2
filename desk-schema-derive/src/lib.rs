//! `#[derive(Validate)]` for [desk-schema](https://docs.rs/desk-schema).
//!
//! Use it through `desk_schema::Validate`, which re-exports it; the
//! generated code calls `::desk_schema`. The derive is three stages, each in
//! its own module: `syntax` reads the attributes into a raw model that keeps
//! spans, `check` turns it into a checked model (collecting every error), and
//! `emit` writes code from the checked model only.
#![forbid(unsafe_code)]

mod check;
mod emit;
mod model;
mod paths;
mod pattern;
mod suggest;
mod syntax;

use proc_macro::TokenStream;

/// Derives `desk_schema::Validate`, `desk_schema::ValidateIn` and
/// `schemars::JsonSchema` from `#[desk(...)]` rules and serde's attributes.
#[proc_macro_derive(Validate, attributes(desk))]
pub fn derive_validate(input: TokenStream) -> TokenStream {
    // The input as text, read once: whether it names the context
    // parameter's name (a type of the user's, which the parameter would
    // hide inside the generated impls).
    emit::name_any_context(!input.to_string().contains(emit::ANY_CONTEXT));
    let input = syn::parse_macro_input!(input as syn::DeriveInput);
    expand(&input).into()
}

fn expand(input: &syn::DeriveInput) -> proc_macro2::TokenStream {
    let out = expand_at(input);
    if deprecated_inside(input) {
        // On the block the generated code is in, where it names the type
        // and its variants (as serde does; not always, which would clash
        // with a crate's `#![forbid(deprecated)]`).
        return quote::quote!(#[allow(deprecated)] #out);
    }
    out
}

/// Whether the type or a variant of it is `#[deprecated]` (or allows
/// `deprecated`): the generated code names both, which rustc warns of
/// there, where the type's own `allow` does not reach (helper-179).
fn deprecated_inside(input: &syn::DeriveInput) -> bool {
    let says_deprecated = |attrs: &[syn::Attribute]| {
        attrs.iter().any(|attr| {
            attr.path().is_ident("deprecated")
                || attr.path().is_ident("allow") && {
                    let mut allows = false;
                    let _ = attr.parse_nested_meta(|meta| {
                        allows |= meta.path.is_ident("deprecated");
                        Ok(())
                    });
                    allows
                }
        })
    };
    says_deprecated(&input.attrs)
        || matches!(&input.data, syn::Data::Enum(e) if e.variants.iter().any(|v| says_deprecated(&v.attrs)))
}

/// The first `crate = ...` in `attrs`' `#[desk(...)]`, as `syntax` reads
/// it (which reports one that does not read as a path, and a second).
fn first_crate<'a>(
    attrs: impl IntoIterator<Item = &'a syn::Attribute>,
) -> Option<syn::Result<syn::Path>> {
    let mut found = None;
    for attr in attrs.into_iter().filter(|a| a.path().is_ident("desk")) {
        let _ = attr.parse_nested_meta(|meta| {
            if meta.path.is_ident("crate") && found.is_none() {
                found = Some(syntax::crate_path(&meta));
                return Ok(());
            }
            // Another key's value or arguments, or a second `crate`.
            syntax::skip_rest(meta.input)
        });
    }
    found
}

/// The attributes of `input`'s fields and variants, where `crate = ...`
/// is an error (it is the type's), which `syntax` reports.
fn inner_attrs(input: &syn::DeriveInput) -> Vec<&syn::Attribute> {
    match &input.data {
        syn::Data::Struct(s) => s.fields.iter().flat_map(|f| &f.attrs).collect(),
        syn::Data::Enum(e) => e
            .variants
            .iter()
            .flat_map(|v| v.attrs.iter().chain(v.fields.iter().flat_map(|f| &f.attrs)))
            .collect(),
        syn::Data::Union(_) => Vec::new(),
    }
}

/// The derive's output. Its one path that names the crate is its prelude's
/// (`use ::desk_schema::__private::prelude as __desk;`, or the path
/// `crate = ...` gives), through which every other path goes: a crate that
/// cannot reach it gets that one error, not one at each name.
fn expand_at(input: &syn::DeriveInput) -> proc_macro2::TokenStream {
    let krate = first_crate(&input.attrs);
    let (raw, errors) = syntax::parse(input);
    let checked = check::check(raw, errors);
    // Beside an error, the fallback at the path the user meant: one written
    // on a field or a variant (read only then), which is one of the errors
    // (helper-181: `::desk_schema` there was a second error in a crate that
    // reaches desk-schema only through another). For a path that does not
    // read as one, `::desk_schema`, as good a guess as any.
    let path = match krate {
        None if checked.is_err() => first_crate(inner_attrs(input)).and_then(Result::ok),
        krate => krate.and_then(Result::ok),
    };
    let prelude = path.map_or_else(
        || quote::quote!(::desk_schema::__private::prelude),
        |path| quote::quote!(#path::__private::prelude),
    );
    match checked {
        // A lifetime or type parameter that no field's type names (a unit
        // enum's, say): rustc refuses it (E0392, "never used"), which is the
        // mistake's one error. The impls with empty bodies take the type's
        // generics, so that nothing of the derive's adds another.
        Ok(_) if has_unused_parameter(input) => emit::fallback(input, &prelude),
        Ok(mut checked) => {
            emit::gate(&mut checked);
            emit::emit(&checked, &prelude)
        }
        Err(errors) => {
            let mut out = errors.into_compile_error();
            out.extend(emit::fallback(input, &prelude));
            out
        }
    }
}

/// Whether a lifetime or type parameter of `input` is named in no field's
/// type, of any variant: rustc refuses such a type whatever the derive
/// writes. (Not said of a type with a field type written as a macro.)
fn has_unused_parameter(input: &syn::DeriveInput) -> bool {
    use proc_macro2::{TokenStream, TokenTree};
    use quote::ToTokens;
    /// Whether `tokens` hold `name` as an identifier (after a `'` when
    /// `lifetime`), at any depth.
    fn holds(tokens: TokenStream, name: &syn::Ident, lifetime: bool) -> bool {
        let mut after_quote = false;
        tokens.into_iter().any(|token| {
            let found = match &token {
                TokenTree::Group(group) => holds(group.stream(), name, lifetime),
                TokenTree::Ident(ident) => ident == name && after_quote == lifetime,
                _ => false,
            };
            after_quote = matches!(&token, TokenTree::Punct(p) if p.as_char() == '\'');
            found
        })
    }
    let fields: Vec<TokenStream> = match &input.data {
        syn::Data::Struct(data) => data.fields.iter().map(|f| f.ty.to_token_stream()).collect(),
        syn::Data::Enum(data) => data
            .variants
            .iter()
            .flat_map(|v| v.fields.iter().map(|f| f.ty.to_token_stream()))
            .collect(),
        syn::Data::Union(data) => data
            .fields
            .named
            .iter()
            .map(|f| f.ty.to_token_stream())
            .collect(),
    };
    // A type written as a macro (`cow!()`) may name any parameter, which its
    // tokens do not show.
    if fields.iter().any(|ty| ty.to_string().contains('!')) {
        return false;
    }
    let named = |name: &syn::Ident, lifetime: bool| {
        fields.iter().any(|ty| holds(ty.clone(), name, lifetime))
    };
    input.generics.params.iter().any(|param| match param {
        syn::GenericParam::Type(t) => !named(&t.ident, false),
        syn::GenericParam::Lifetime(l) => !named(&l.lifetime.ident, true),
        syn::GenericParam::Const(_) => false,
    })
}

#[cfg(test)]
mod tests {
    use proc_macro2::{TokenStream, TokenTree};

    /// Whether `::` after `before` continues a path (`a::b`) rather than
    /// starting one at a crate (`use ::b`, `-> ::b`, `(::b`): after a name
    /// that is no keyword.
    fn continues_path(before: Option<&proc_macro2::TokenTree>) -> bool {
        const KEYWORDS: [&str; 21] = [
            "as", "const", "dyn", "else", "extern", "fn", "for", "if", "impl", "in", "let",
            "match", "move", "mut", "pub", "ref", "return", "static", "type", "use", "where",
        ];
        matches!(before, Some(proc_macro2::TokenTree::Ident(name))
            if !KEYWORDS.iter().any(|k| name == k))
    }

    /// How many times `tokens` hold the identifier `name`, at any depth.
    fn names(tokens: TokenStream, name: &str) -> usize {
        tokens
            .into_iter()
            .map(|tree| match tree {
                TokenTree::Group(g) => names(g.stream(), name),
                TokenTree::Ident(i) => usize::from(i == name),
                _ => 0,
            })
            .sum()
    }

    /// The paths in `tokens` that start at a crate by `::` (`::core::...`,
    /// `::std::...`), at any depth, by their crate's name.
    fn rooted_paths(tokens: TokenStream, found: &mut Vec<String>) {
        let trees: Vec<TokenTree> = tokens.into_iter().collect();
        for (i, tree) in trees.iter().enumerate() {
            match tree {
                TokenTree::Group(g) => rooted_paths(g.stream(), found),
                TokenTree::Ident(name) if i >= 2 => {
                    let colons = matches!(&trees[i - 1], TokenTree::Punct(p) if p.as_char() == ':')
                        && matches!(&trees[i - 2], TokenTree::Punct(p) if p.as_char() == ':');
                    // `a::b` or `<T as X>::b` continue a path; `::b` after
                    // anything else starts one at a crate.
                    let continues = i >= 3
                        && (continues_path(Some(&trees[i - 3]))
                            || matches!(&trees[i - 3], TokenTree::Punct(p) if p.as_char() == '>'
                                && !matches!(trees.get(i.wrapping_sub(4)), Some(TokenTree::Punct(q)) if q.as_char() == '-')));
                    if colons && !continues {
                        found.push(name.to_string());
                    }
                }
                _ => {}
            }
        }
    }

    /// The generated code names desk-schema once, in its prelude's import,
    /// and every other path through that prelude (`__desk::core`,
    /// `__desk::std`), none from the root: a crate that cannot reach
    /// desk-schema gets one error, not one at each name (helper-180), and
    /// `::core` at a span of the user's is the crate root in edition 2015
    /// (helper-179: every `nested` field failed there), and a `no_std`
    /// crate has no `::std`.
    #[test]
    fn generated_code_names_the_crate_once_and_nothing_else_from_the_root() {
        let inputs = [
            quote::quote! {
                #[serde(deny_unknown_fields, rename_all = "PascalCase")]
                struct S<'a, T> {
                    #[desk(max_bytes = 3, printable_ascii)] name: String,
                    #[desk(nested, max_items = 2, unique(by = id))] items: Vec<Item>,
                    #[desk(range(min = 1, max = 9))] #[serde(default)] n: Option<u32>,
                    #[desk(nested)] inner: T,
                    #[desk(max_bytes = 3)] #[serde(borrow)] text: std::borrow::Cow<'a, str>,
                    #[desk(skip)] #[serde(default = "two")] given: u8,
                    #[desk(items(max_bytes = 2))] set: std::collections::BTreeSet<String>,
                    #[desk(range(max = 2))] f: f64,
                }
            },
            quote::quote! {
                #[serde(tag = "t", content = "c", deny_unknown_fields)]
                enum A { X(#[desk(range(max = 3))] i32), Y { #[desk(nested)] s: S }, Z }
            },
            quote::quote! {
                #[serde(tag = "t")]
                enum I { X { #[desk(max_bytes = 3)] s: String }, #[serde(other)] Other }
            },
            quote::quote! {
                #[serde(untagged)]
                enum U { N(#[desk(range(max = 3))] u32), S(#[desk(max_bytes = 3)] String) }
            },
            quote::quote! { enum E { A, #[serde(alias = "b")] B } },
            quote::quote! {
                #[desk(context = Ctx, custom(check = whole, description = "whole"))]
                struct C { #[desk(nested)] boxed: Box<S>, #[desk(max_items = 2)] m: std::collections::HashMap<String, u8> }
            },
        ];
        for input in inputs {
            crate::emit::name_any_context(true);
            let input: syn::DeriveInput = syn::parse2(input).unwrap();
            let out = crate::expand(&input);
            // Valid input: not the fallback written beside an error.
            assert!(
                !out.to_string().contains("compile_error"),
                "`{}`: {out}",
                input.ident
            );
            let text = out.to_string();
            assert_eq!(
                names(out.clone(), "desk_schema"),
                1,
                "`{}`: {text}",
                input.ident
            );
            assert!(
                text.contains("use :: desk_schema :: __private :: prelude as __desk ;"),
                "`{}`: {text}",
                input.ident
            );
            let mut found = Vec::new();
            rooted_paths(out, &mut found);
            assert_eq!(
                found,
                ["desk_schema"],
                "`{}`: rooted at {found:?}",
                input.ident
            );
        }
    }

    /// A `crate = ...` written on a field or a variant (an error: it is
    /// the type's) roots the fallback beside the error at its path, which
    /// is the one the user meant (helper-181); one that does not read as a
    /// path, at `::desk_schema`.
    #[test]
    fn a_crate_path_on_a_field_roots_the_fallback() {
        let inputs = [
            quote::quote! {
                #[desk(crate = "my_sdk::desk::")]
                struct Trailing { #[desk(max_bytes = 3)] a: String }
            },
            quote::quote! {
                struct OnField { #[desk(max_bytes = 3)] a: String, #[desk(crate = "my_sdk::desk")] b: String }
            },
            quote::quote! {
                enum OnVariant { #[desk(crate = "my_sdk::desk")] A { #[desk(max_bytes = 3)] a: String } }
            },
        ];
        for input in inputs {
            crate::emit::name_any_context(true);
            let input: syn::DeriveInput = syn::parse2(input).unwrap();
            let out = crate::expand(&input);
            let text = out.to_string();
            assert!(text.contains("compile_error"), "`{}`: {text}", input.ident);
            let (desk_schema, my_sdk) = if input.ident == "Trailing" {
                (1, 0)
            } else {
                (0, 1)
            };
            assert_eq!(
                names(out.clone(), "desk_schema"),
                desk_schema,
                "`{}`: {text}",
                input.ident
            );
            assert_eq!(names(out, "my_sdk"), my_sdk, "`{}`: {text}", input.ident);
        }
    }

    /// With `#[desk(crate = "...")]`, the prelude's import is at the path
    /// given, and no path names `desk_schema` (a crate that re-exports
    /// desk-schema, whose users do not depend on it by name).
    #[test]
    fn crate_roots_every_path_of_the_generated_code() {
        let inputs = [
            quote::quote! {
                #[desk(context = Ctx, crate = "my_sdk::desk", custom(check = whole, description = "w"))]
                #[serde(deny_unknown_fields)]
                struct S<T> {
                    #[desk(max_bytes = 3)] name: String,
                    #[desk(nested, max_items = 2)] items: Vec<T>,
                    #[desk(range(max = 3))] #[serde(default)] n: Option<u32>,
                }
            },
            quote::quote! {
                #[desk(crate = my_sdk::desk)]
                #[serde(tag = "t", content = "c", deny_unknown_fields)]
                enum A { X(#[desk(range(max = 3))] i32), Y { #[desk(nested)] s: S }, Z }
            },
            // A mistake: the fallback written beside the error is at the
            // path too (no error of a missing `desk_schema` besides it).
            quote::quote! {
                #[desk(crate = "my_sdk::desk")]
                struct Wrong { #[desk(max_bytes = 3)] n: u32 }
            },
        ];
        for input in inputs {
            crate::emit::name_any_context(true);
            let input: syn::DeriveInput = syn::parse2(input).unwrap();
            let out = crate::expand(&input);
            let text = out.to_string();
            let wrong = input.ident == "Wrong";
            assert_eq!(
                text.contains("compile_error"),
                wrong,
                "`{}`: {text}",
                input.ident
            );
            assert_eq!(
                names(out.clone(), "desk_schema"),
                0,
                "`{}`: {text}",
                input.ident
            );
            assert_eq!(
                text.matches("my_sdk :: desk :: __private :: prelude as __desk ;")
                    .count(),
                1,
                "`{}`: {text}",
                input.ident
            );
            // Beside a mistake, syn's `::core::compile_error!` alone.
            let mut found = Vec::new();
            rooted_paths(out, &mut found);
            assert!(
                found.iter().all(|name| wrong && name == "core"),
                "`{}`: rooted at {found:?}",
                input.ident
            );
        }
    }
}
