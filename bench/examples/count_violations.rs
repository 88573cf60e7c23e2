//! Prints how many violations each benchmark input has.
use desk_schema::create_group::CreateGroupRequest;

fn main() {
    let valid = desk_schema_bench::text(&desk_schema_bench::many_violations());
    let broken = desk_schema_bench::many_violations_broken_shape();
    let sparse = desk_schema_bench::text(&desk_schema_bench::many_violations_sparse());
    for (name, text) in [
        ("many violations", valid),
        ("broken shape", broken),
        ("many violations, sparse", sparse),
    ] {
        let n =
            desk_schema::from_json_str::<CreateGroupRequest>(&text).map_or_else(|r| r.len(), |_| 0);
        println!("{name}: {n} violations");
    }
}
