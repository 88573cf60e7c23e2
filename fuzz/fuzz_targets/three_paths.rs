//! Every zoo and matrix type (`tests/src/zoo.rs`, `tests/src/matrix.rs`) on
//! arbitrary text: the input's first byte picks the type, the rest is the
//! text. Text that `serde_json` reads as a `Value` goes through
//! `desk_schema_tests::differential::check`, the zoo test's own check of
//! one input (`from_json_str` against `validate_value`, both against the
//! `jsonschema` crate on the type's schema, serde as the oracle); of other
//! text, a value `from_json_str` reads must be serde's and pass
//! `validate()`. A disagreement panics, naming the type and the input.
#![no_main]

use std::sync::OnceLock;

use desk_schema_tests::differential::{Oracle, Prepared, Zoo, check, plain};
use desk_schema_tests::matrix;
use desk_schema_tests::zoo::*;
use libfuzzer_sys::fuzz_target;

/// One type's check of one text.
type Run = fn(&str);

fn run<T: Zoo>(name: &str, prepared: &OnceLock<Prepared>, text: &str) {
    if long_decimal(text) {
        return;
    }
    let prepared = prepared.get_or_init(Prepared::of::<T>);
    match plain(text) {
        Some(plain) => {
            // A repeated property may be anywhere in arbitrary text.
            check::<T>(name, prepared, text, &plain, true, &mut Oracle::default());
        }
        None => {
            // Text that is no `Value`: a syntax error, or a number past any
            // double or a lone surrogate, which Rust refuses where it reads
            // one and leaves alone in a property the type does not read (a
            // documented gap: the npm package refuses it wherever it is).
            // Either way, a value read is serde's, and passes.
            if let Ok(value) = desk_schema::from_json_str::<T>(text) {
                let by_serde = serde_json::from_str::<T>(text);
                assert_eq!(by_serde.ok().as_ref(), Some(&value), "{name}: not serde's value: {text:?}");
                assert!(value.validate().is_ok(), "{name}: read, yet fails validate(): {text:?}");
            }
        }
    }
}

/// Whether `text` holds a number of 16 or more significant digits: an
/// `f32` read from such a decimal is a documented gap (serde rounds the
/// decimal, the walk and the schema the double it reads as; see "What the
/// schema cannot say" in desk-schema/docs/derive.md), which the zoo's own
/// generator does not write either. Digits in strings count too, which
/// only skips a few more inputs.
fn long_decimal(text: &str) -> bool {
    text.split(|c: char| !(c.is_ascii_digit() || c == '.'))
        .any(|run| run.trim_start_matches(['0', '.']).chars().filter(char::is_ascii_digit).count() >= 16)
}

/// Every type, with its name.
fn types() -> &'static [(&'static str, Run)] {
    static TYPES: OnceLock<Vec<(&'static str, Run)>> = OnceLock::new();
    TYPES.get_or_init(|| {
        let mut types: Vec<(&'static str, Run)> = Vec::new();
        macro_rules! zoo {
            ($t:ident) => {{
                fn one(text: &str) {
                    static PREPARED: OnceLock<Prepared> = OnceLock::new();
                    run::<$t>(stringify!($t), &PREPARED, text);
                }
                types.push((stringify!($t), one));
            }};
        }
        macro_rules! matrix {
            ($($t:tt)+) => {{
                fn one(text: &str) {
                    static PREPARED: OnceLock<Prepared> = OnceLock::new();
                    run::<matrix::$($t)+>(stringify!($($t)+), &PREPARED, text);
                }
                types.push((stringify!($($t)+), one));
            }};
        }
        desk_schema_tests::for_each_zoo_type!(zoo);
        desk_schema_tests::for_each_matrix_type!(matrix);
        types
    })
}

fuzz_target!(|data: &[u8]| {
    let Some((&pick, rest)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    let types = types();
    let (_, one) = types[usize::from(pick) % types.len()];
    one(text);
});
