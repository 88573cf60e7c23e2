//! The `desk-schema` command-line tool.
fn main() {}
