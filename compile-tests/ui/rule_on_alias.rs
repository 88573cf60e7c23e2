// A rule on a type the derive cannot read as written (an alias, a set): the
// runtime's bound refuses it, at the rule, not at the derive.
type Num = u8;

#[derive(desk_schema::Validate, serde::Deserialize)]
struct Aliased {
    #[desk(max_bytes = 3)]
    text: Num,
    #[desk(unique)]
    set: std::collections::BTreeSet<u8>,
    #[desk(max_items = 1)]
    list: Num,
}

fn main() {}
