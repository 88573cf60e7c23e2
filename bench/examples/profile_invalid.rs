//! Runs `from_json_str` on the requests with over 100 violations in a loop,
//! for a profiler: `perf record target/release/examples/profile_invalid [shape]`.
//! With `shape`, the text's shape is broken too, so the raw walk runs; a number
//! sets how many calls (20,000 unless given; 200 is enough for callgrind).
use desk_schema::create_group::CreateGroupRequest;

fn main() {
    let text = if std::env::args().any(|a| a == "shape") {
        desk_schema_bench::many_violations_broken_shape()
    } else {
        desk_schema_bench::text(&desk_schema_bench::many_violations())
    };
    let calls: usize = std::env::args()
        .find_map(|a| a.parse().ok())
        .unwrap_or(20_000);
    let mut total = 0;
    for _ in 0..calls {
        total += desk_schema::from_json_str::<CreateGroupRequest>(std::hint::black_box(&text))
            .unwrap_err()
            .len();
    }
    assert!(total >= 100 * calls);
}
