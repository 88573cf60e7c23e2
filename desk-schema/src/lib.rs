//! Exact checks and JSON Schema for the Tencent Cloud Contact Center (Desk)
//! `create_group` request.
//!
//! The API counts UTF-8 bytes (a Chinese character is 3 bytes, most emoji 4),
//! while JSON Schema's `maxLength` counts characters. This crate checks bytes
//! in Rust, and writes both a sound `maxLength` and an exact `x-maxBytes` into
//! the schema it generates from the same attributes.
//!
//! - [`Validate`] and `#[derive(Validate)]`: rules as `#[desk(...)]` attributes.
//! - [`Report`]: every violation at once, each with a JSON Pointer, a stable
//!   code and the figures, never the offending value.
//! - [`from_json_str`]: the typed value, or the full report for raw JSON.
//! - [`schema_for`]: the JSON Schema (draft 2020-12) of a derived type;
//!   [`write_schema`] writes it to a file, for `npx desk-schema compile`.
//!
//! # Features
//!
//! | feature | default | what it adds |
//! |---|---|---|
//! | `derive` | yes | `#[derive(Validate)]` |
//! | `create-group` | yes | [`create_group`]: the request, members, parameters, response and error codes |
//! | `pattern` | no | the `pattern = "REGEX"` rule (on `regex`) |
//! | `formats` | no | `email`, `uri`, `uuid`, `date_time`, `date`, `ipv4`, `ipv6` (on `regex`) |
//! | `usersig` | no | `usersig`: generate and verify a UserSig (TLSSigAPIv2) |
//! | `http` | no | `create_group::call`: the request to send and the outcome of an answer, for any HTTP client |
//! | `client` | no | `create_group::client`: an async client that signs, sends and retries (`reqwest` with rustls, Tokio) |
//! | `cli` | no | the `desk-schema` binary: `validate`, `schema`, `usersig`; with `client` too, `send` |
//!
//! ```
//! use desk_schema::Validate;
//!
//! #[derive(Validate, serde::Deserialize)]
//! #[serde(rename_all = "PascalCase", deny_unknown_fields)]
//! struct Profile {
//!     /// 1 to 100 bytes of UTF-8.
//!     #[desk(min_bytes = 1, max_bytes = 100)]
//!     name: String,
//!     /// Printable ASCII.
//!     #[desk(printable_ascii, max_bytes = 32)]
//!     account: Option<String>,
//! }
//!
//! let profile = Profile { name: "名".repeat(34), account: Some("user\t1".into()) };
//! let report = profile.validate().unwrap_err();
//! assert_eq!(report.to_string(), "\
//! /Account: U+0009 (at the 5th byte) is not printable ASCII; only 0x20 to 0x7E (English letters, digits, punctuation and space) is allowed
//! /Name: 102 bytes in UTF-8 (34 characters); at most 100 bytes");
//! ```
#![forbid(unsafe_code)]
#![deny(missing_docs)]

// The derive's generated code names `::desk_schema`, also inside this crate.
extern crate self as desk_schema;

#[cfg(feature = "create-group")]
pub mod create_group;
mod i18n;
mod json;
mod json_eq;
mod path;
mod report;
mod schema;
mod strict;
mod suggest;
mod tagged;
mod types;
mod valid;
mod validate;
mod walk;

pub mod rules;
pub mod text;
#[cfg(feature = "usersig")]
pub mod usersig;

/// The crate README's examples, run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;

/// The derive's documentation (every rule, shape and serde attribute), run
/// as doctests.
#[cfg(doctest)]
#[doc = include_str!("../docs/derive.md")]
struct DeriveDoctests;

#[doc(hidden)]
#[path = "private.rs"]
pub mod __private;

pub use i18n::{Locale, Localized, Messages, UnknownLocale};
pub use json::{from_json_str, from_json_str_with, validate_value, validate_value_with};
pub use json_eq::JsonEq;
pub use path::{Path, Seg};
pub use report::{Actual, Allowed, JsonType, Kind, Report, Violation};
pub use rules::custom::Scope;
pub use schema::{OwnSchema, schema_for, to_pretty_json, write_schema};
pub use valid::{Rejected, Valid};
pub use walk::field::SerdeReads;

/// The schemars crate this one builds on: `#[derive(Validate)]` implements
/// its `JsonSchema`, so a type that derives `Validate` must not also derive
/// `schemars::JsonSchema` (E0119, conflicting implementations). Add schema
/// keywords with `#[desk(schema_with = path)]` instead.
pub use schemars;
pub use validate::{
    Gate, GateArgs, InContext, JsonView, KeyParam, Leaf, MapKey, Nested, SerdeBounds, SetItem,
    Validate, ValidateIn, ValidateJson,
};

#[cfg(feature = "derive")]
#[doc = include_str!("../docs/derive.md")]
pub use desk_schema_derive::Validate;

#[cfg(feature = "create-group")]
pub use create_group::{
    CreateGroupRequest, CreateGroupResponse, DeskContext, ErrorCode, Member, RequestParams,
};
