// `keys(...)` on a map of a generic type, whose keys are text for every
// argument (a `String` key, or a key parameter, which the derive bounds as
// one of the standard string types): a rule inside that does not check
// text is one error at the rule, as on a map of a type without parameters
// (it was two, naming the rules' own traits).
use std::collections::BTreeMap;

#[derive(desk_schema::Validate, serde::Deserialize)]
struct Keyed<K: Ord, T> {
    #[desk(nested, keys(one_of(1, 2)))]
    by_key: BTreeMap<K, u8>,
    #[desk(nested, keys(max_bytes = 3, range(min = 1)))]
    by_name: BTreeMap<String, T>,
}

fn main() {}
