//! Compile-fail tests: a `.rs`/`.stderr` pair per misuse of the derive, and
//! compile-pass cases (every rule, hygiene, context).

#[test]
fn ui() {
    let t = trybuild::TestCases::new();
    t.compile_fail("ui/*.rs");
    t.pass("ui/pass/*.rs");
}
