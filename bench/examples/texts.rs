//! Prints one of the benchmark inputs as the JSON text the cases read, for
//! another tool to read the same (`npm/desk-schema/perf.js`):
//!
//! ```sh
//! cargo run -q --release -p desk-schema-bench --example texts -- sparse_invalid > /tmp/sparse_invalid.json
//! ```
//!
//! Names: `valid`, `sparse_valid`, `invalid`, `sparse_invalid`, `broken_shape`.
use desk_schema_bench::{
    many_violations, many_violations_broken_shape, many_violations_sparse, max_valid,
    max_valid_sparse, text,
};

fn main() {
    let name = std::env::args().nth(1).unwrap_or_default();
    let json = match name.as_str() {
        "valid" => text(&max_valid()),
        "sparse_valid" => text(&max_valid_sparse()),
        "invalid" => text(&many_violations()),
        "sparse_invalid" => text(&many_violations_sparse()),
        "broken_shape" => many_violations_broken_shape(),
        _ => {
            eprintln!(
                "usage: texts NAME, where NAME is one of valid, sparse_valid, invalid, sparse_invalid, broken_shape"
            );
            std::process::exit(2);
        }
    };
    print!("{json}");
}
