//! The repository as the tests that run cargo see it: its root, cargo's
//! target directory, and a build of one of its packages.

use std::path::{Path, PathBuf};
use std::process::Command;

pub use crate::parity::root;

/// Cargo's target directory: `CARGO_TARGET_DIR`, or `target/` at the root.
#[must_use]
pub fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR").map_or_else(|| root().join("target"), PathBuf::from)
}

/// Runs `cargo build -q ARGS` at the root and returns the debug output
/// directory's `artifact` (a binary, or `examples/NAME`).
///
/// # Panics
///
/// When cargo cannot run or the build fails.
#[must_use]
pub fn cargo_build(args: &[&str], artifact: impl AsRef<Path>) -> PathBuf {
    let status = Command::new(env!("CARGO"))
        .args(["build", "-q"])
        .args(args)
        .current_dir(root())
        .status()
        .unwrap();
    assert!(status.success(), "cargo build {args:?}");
    target_dir().join("debug").join(artifact)
}
