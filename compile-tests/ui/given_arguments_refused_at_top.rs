// The refusals of `given_arguments_refused`, where the generic type is
// checked at the top with its arguments: evaluated when the check is
// built (`cargo build`), one error each.
use std::collections::BTreeSet;

#[derive(desk_schema::Validate, serde::Deserialize, PartialEq, Eq, PartialOrd, Ord)]
struct Loose {
    #[desk(max_bytes = 3)]
    #[serde(default)]
    a: Option<String>,
}

#[derive(desk_schema::Validate, serde::Deserialize)]
struct SetOf<T: Ord> {
    #[desk(nested)]
    items: BTreeSet<T>,
}

#[derive(desk_schema::Validate, serde::Deserialize)]
#[serde(tag = "k")]
enum Tagged<T> {
    A {
        #[desk(nested)]
        v: T,
    },
}

fn main() {
    let _ = desk_schema::from_json_str::<SetOf<Loose>>("{}");
    let _ = desk_schema::Validate::validate(&Tagged::A { v: 1u128 });
    // Fine at the top too.
    let _ = desk_schema::from_json_str::<SetOf<u8>>("{}");
    let _ = desk_schema::Validate::validate(&Tagged::A { v: 1u64 });
}
