//! Compile tests of `#[derive(Validate)]`: `ui/*.rs` must fail with the
//! message in their `.stderr`, `ui/pass/*.rs` must compile (`tests/ui.rs`).
//! A crate of their own, so that trybuild builds only what they use.
#![forbid(unsafe_code)]
