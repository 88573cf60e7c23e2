// A set of floats cannot be built (a float is neither `Ord` nor `Hash`):
// one error, with what to write instead, not eight from the code the derive
// would generate. (serde's derive, beside it, says so in its own words.)
#[derive(desk_schema::Validate)]
struct Readings {
    #[desk(nested)]
    values: std::collections::BTreeSet<f32>,
    #[desk(nested)]
    maybe: Vec<std::collections::HashSet<Option<f64>>>,
    #[desk(nested)]
    counts: std::collections::BTreeSet<Option<u8>>,
}

fn main() {}
