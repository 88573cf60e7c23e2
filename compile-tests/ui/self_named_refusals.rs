// A field that names the type itself answers for nothing beyond the type's
// other fields only when it holds the type in `Vec`, `Option`, `Box` or a
// map alone: through a type of the user's (`Vec<Tagged<Self>>`,
// `Box<SetOf<Self>>`), or another module's type of the same name, the
// compile-time refusals still fire (a `u128` in a tagged enum's content, a
// set of items that Rust compares otherwise than JSON), and a container
// of the user's named `Vec` is no standard one.
use std::collections::BTreeSet;

use desk_schema::Validate;
use serde::Deserialize;

#[derive(Validate, Deserialize, PartialEq, Eq, PartialOrd, Ord)]
pub struct Loose {
    #[desk(max_bytes = 3)]
    #[serde(default)]
    pub a: Option<String>,
}

#[derive(Validate, Deserialize)]
#[serde(tag = "k")]
pub enum Tagged<T> {
    A {
        #[desk(nested)]
        v: T,
    },
}

#[derive(Validate, Deserialize, PartialEq, Eq, PartialOrd, Ord)]
pub struct SetOf<T: Ord> {
    #[desk(nested)]
    pub items: BTreeSet<T>,
}

pub mod m {
    use super::*;

    #[derive(Validate, Deserialize)]
    pub struct Bag<T: Ord> {
        #[desk(nested)]
        pub items: BTreeSet<T>,
    }
}

#[derive(Validate, Deserialize)]
pub struct WideTree {
    #[desk(range(max = 9))]
    n: u128,
    #[desk(nested)]
    kids: Vec<Tagged<WideTree>>,
}

#[derive(Validate, Deserialize, PartialEq, Eq, PartialOrd, Ord)]
pub struct LooseNode {
    #[desk(max_bytes = 3)]
    #[serde(default)]
    a: Option<String>,
    #[desk(nested)]
    kids: Box<SetOf<LooseNode>>,
}

#[derive(Validate, Deserialize)]
pub struct Bag {
    #[desk(nested)]
    s: m::Bag<Loose>,
}

// A container named like the standard one but the user's own: the derive
// takes `Vec<Self>` for the type itself only where rustc agrees it is
// `std::vec::Vec` (here a set of loose items, which would be refused).
mod shadowed {
    use desk_schema::Validate;
    use serde::Deserialize;

    type Vec<T> = std::collections::BTreeSet<T>;

    #[derive(Validate, Deserialize, PartialEq, Eq, PartialOrd, Ord)]
    pub struct Tree {
        #[desk(max_bytes = 10)]
        #[serde(default)]
        pub name: Option<String>,
        #[desk(nested)]
        pub children: Vec<Self>,
    }
}

fn main() {}
