//! Integration tests for desk-schema live in `tests/`; this library holds the
//! README's examples so that they compile and run as doctests.

#[doc = include_str!("../../README.md")]
mod readme {}

/// A struct with every rule, shared by the rule and schema tests.
pub mod every_rule;

/// The committed schemas through the `jsonschema` crate, and the shared corpus.
pub mod parity;

/// The repository's root, cargo's target directory, and builds of its packages.
pub mod workspace;

/// The shape matrix: every wrapper around every kind of inner type, generated
/// by a macro; run with the zoo.
pub mod matrix;

/// Payload types modelled on the other IM and Desk endpoints, covering every
/// shape the derive accepts: the differential tests run them on all paths.
pub mod zoo;

/// One input on every path (typed, the walk of the text and of a `Value`,
/// the schema), with serde as the oracle: the zoo's differential test and
/// the fuzz target `three_paths` share it.
pub mod differential;

/// Inputs generated from a type's schema, around every limit: the zoo's
/// differential test and the random types' runner (`tests/random/`) share
/// them.
pub mod inputs;

/// RFC 6901 reference tokens: a name written into a JSON Pointer, and read
/// back out of one.
pub mod pointer {
    /// `name` as a pointer's token: `~` as `~0`, `/` as `~1`.
    #[must_use]
    pub fn token(name: &str) -> String {
        name.replace('~', "~0").replace('/', "~1")
    }

    /// The name a pointer's `token` stands for.
    #[must_use]
    pub fn name(token: &str) -> String {
        token.replace("~1", "/").replace("~0", "~")
    }
}

/// The corpus for the browser's side: each type's inputs with the paths and
/// violations Rust gives, for strict Ajv and the npm package to give again.
pub mod browser;
