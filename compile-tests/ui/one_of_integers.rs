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

// Past 2^53 - 1, where JavaScript rounds; listed twice; negative on an
// unsigned type the derive has no bounds for.
#[derive(desk_schema::Validate, serde::Deserialize)]
struct Wide {
    #[desk(one_of(9007199254740992))]
    big: u64,
    #[desk(one_of(-1, -1))]
    twice: i32,
    #[desk(one_of(-1, 1))]
    unsigned: u128,
}

// A map's values, as the field's own.
#[derive(desk_schema::Validate, serde::Deserialize)]
struct Levels {
    #[desk(values(one_of(1, 300)))]
    by_name: BTreeMap<String, u8>,
}

// An `f32`, which serde rounds a decimal to, as written and through an
// alias; a value an alias's type cannot take.
type Scale = f32;
type Level = u8;

#[derive(desk_schema::Validate, serde::Deserialize)]
struct Rounded {
    #[desk(one_of(1, 2))]
    written: f32,
}

// Where the derive cannot read the type, a constant says the same.
#[derive(desk_schema::Validate, serde::Deserialize)]
struct Unread {
    #[desk(one_of(1, 2))]
    aliased: Scale,
    #[desk(one_of(1, 300))]
    level: Level,
}

fn main() {}
