//! Runs the typed check of the max-size request in a loop, for a profiler:
//! `cargo build --release -p desk-schema-bench --example profile_validate`, then
//! `valgrind --tool=callgrind target/release/examples/profile_validate [sparse]`.
use desk_schema::Validate;

fn main() {
    let request = if std::env::args().any(|a| a == "sparse") {
        desk_schema_bench::max_valid_sparse()
    } else {
        desk_schema_bench::max_valid()
    };
    let mut ok = 0;
    for _ in 0..20_000 {
        ok += usize::from(std::hint::black_box(&request).validate().is_ok());
    }
    assert_eq!(ok, 20_000);
}
