// `one_of` with whole numbers: each mistake is one error that says what to
// write instead.
use std::collections::BTreeMap;

// A value the type cannot hold.
#[derive(desk_schema::Validate, serde::Deserialize)]
struct Past {
    #[desk(one_of(1, 300))]
    level: u8,
}

// Texts and numbers in one list.
#[derive(desk_schema::Validate, serde::Deserialize)]
struct Mixed {
    #[desk(one_of(1, "a"))]
    level: u8,
}

// A number with a fraction.
#[derive(desk_schema::Validate, serde::Deserialize)]
struct Fraction {
    #[desk(one_of(1.5))]
    scale: f64,
}

// Numbers on a string, and on a map's keys (which are strings).
#[derive(desk_schema::Validate, serde::Deserialize)]
struct OnText {
    #[desk(one_of(1, 2))]
    name: String,
    #[desk(keys(one_of(1, 2)))]
    levels: BTreeMap<String, u8>,
}

// A value the field's `range` leaves out.
#[derive(desk_schema::Validate, serde::Deserialize)]
struct Outside {
    #[desk(range(max = 3), one_of(1, 5))]
    level: u8,
}

// Past 64 bits, and listed twice.
#[derive(desk_schema::Validate, serde::Deserialize)]
struct Wide {
    #[desk(one_of(18446744073709551616))]
    big: u128,
    #[desk(one_of(-1, -1))]
    twice: i32,
}

fn main() {}
