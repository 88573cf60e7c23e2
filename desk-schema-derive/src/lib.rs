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
    let (raw, errors) = syntax::parse(input);
    match check::check(raw, errors) {
        Ok(mut checked) => {
            emit::gate(&mut checked);
            emit::emit(&checked)
        }
        Err(errors) => {
            let mut out = errors.into_compile_error();
            out.extend(emit::fallback(input));
            out
        }
    }
}
