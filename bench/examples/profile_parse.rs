//! Runs `from_json_str` on the valid sparse request in a loop, for a
//! profiler: `perf record target/release/examples/profile_parse [serde]`.
//! With `serde`, it runs `serde_json::from_str` instead, the contender.
use desk_schema::create_group::CreateGroupRequest;

fn main() {
    let text = desk_schema_bench::text(&desk_schema_bench::max_valid_sparse());
    let serde = std::env::args().any(|a| a == "serde");
    let mut ok = 0;
    for _ in 0..50_000 {
        let text = std::hint::black_box(text.as_str());
        ok += usize::from(if serde {
            serde_json::from_str::<CreateGroupRequest>(text).is_ok()
        } else {
            desk_schema::from_json_str::<CreateGroupRequest>(text).is_ok()
        });
    }
    assert_eq!(ok, 50_000);
}
