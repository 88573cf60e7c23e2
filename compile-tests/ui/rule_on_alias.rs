// A rule on a type the derive cannot read as written (an alias, a set): the
// runtime's bound refuses it at the rule (a size rule's at the type, with
// the rule as the call that asks it), not at the derive: once, or twice
// inside `items(...)`/`values(...)` (below).
type Num = u8;
type Nums = Vec<u8>;
type Counts = std::collections::BTreeMap<String, u8>;
type Set = std::collections::BTreeSet<u8>;

#[derive(desk_schema::Validate, serde::Deserialize)]
struct Aliased {
    #[desk(max_bytes = 3)]
    text: Num,
    #[desk(unique)]
    set: Set,
    #[desk(max_items = 1)]
    list: Num,
    // Rules inside `items(...)` and `values(...)` on numbers: each rule
    // that does not apply is reported at the rule (once by the typed check
    // and once by the walk, which see the items as different types).
    #[desk(items(max_bytes = 3, printable_ascii))]
    numbers: Nums,
    #[desk(values(min_bytes = 1))]
    counts: Counts,
}

// A newtype's rules through an alias: one error, at the first rule.
#[derive(desk_schema::Validate, serde::Deserialize)]
struct Wrapped(#[desk(max_bytes = 3, ascii)] Num);

fn main() {}
