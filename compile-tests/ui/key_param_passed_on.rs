// A generic type that passes its parameter on to a type keyed by it
// (`Outer<K>` holding `Keyed<K, u8>`) bounds it `KeyParam` itself, as the
// docs say. Given a type that is no string type, that bound fails where the
// type is used: rustc's error, once as written and once where the derive
// names the type, and that `Outer<Color>` cannot be checked (the derive
// gates a parameter bounded `KeyParam` as a key). It was 73 errors, one for
// each bound `KeyParam` asks in each generated item, and one naming the
// walk's `Slot`. serde's derive meets the same bound.
use std::collections::BTreeMap;

#[derive(desk_schema::Validate, serde::Deserialize)]
struct Keyed<K: Ord, V> {
    #[desk(nested)]
    entries: BTreeMap<K, V>,
}

#[derive(desk_schema::Validate, serde::Deserialize)]
struct Outer<K: Ord + desk_schema::KeyParam> {
    #[desk(nested)]
    keyed: Keyed<K, u8>,
}

#[derive(desk_schema::Validate, serde::Deserialize, PartialEq, Eq, PartialOrd, Ord)]
enum Color {
    Red,
    Blue,
}

#[derive(desk_schema::Validate, serde::Deserialize)]
struct Holder {
    #[desk(nested)]
    outer: Outer<Color>,
}

fn main() {
    // At the top: one error, which says a type argument may be the cause.
    let _ = desk_schema::from_json_str::<Keyed<Color, u8>>("{}");
}
