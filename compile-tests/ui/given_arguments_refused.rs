// What a generic type's own derive cannot refuse, since it depends on the
// type arguments: a set of items that Rust compares otherwise than JSON,
// and a `u128` inside a tagged enum's content. The type that gives the
// arguments refuses it, at its field, one error each.
use std::collections::BTreeSet;

// Not exact: an absent `a` and `"a": null` are one value to Rust.
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
struct Wrapper<T> {
    #[desk(nested)]
    inner: T,
}

#[derive(desk_schema::Validate, serde::Deserialize)]
#[serde(tag = "k")]
enum Tagged<T> {
    A {
        #[desk(nested)]
        v: T,
    },
}

// Through a generic type that holds another: the answer passes up.
#[derive(desk_schema::Validate, serde::Deserialize)]
struct Outer<T> {
    #[desk(nested)]
    wrapped: Option<Wrapper<Tagged<T>>>,
}

#[derive(desk_schema::Validate, serde::Deserialize)]
struct Uses {
    #[desk(nested)]
    set: SetOf<Loose>,
    #[desk(nested)]
    given_set: Wrapper<BTreeSet<Loose>>,
    #[desk(nested)]
    tagged: Vec<Tagged<u128>>,
    #[desk(nested)]
    deeper: Outer<i128>,
}

// Fine: exact items, 64-bit integers.
#[derive(desk_schema::Validate, serde::Deserialize)]
struct Fine {
    #[desk(nested)]
    set: SetOf<u8>,
    #[desk(nested)]
    given_set: Wrapper<BTreeSet<String>>,
    #[desk(nested)]
    tagged: Vec<Tagged<u64>>,
    #[desk(nested)]
    deeper: Outer<i64>,
    #[desk(nested)]
    wide_outside: Wrapper<u128>,
}

fn main() {}
