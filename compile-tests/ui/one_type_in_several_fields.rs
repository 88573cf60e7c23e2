// A type held by several fields, one of them wrong in a way of its own: the
// mistake is said at the field that makes it (and at `#[derive(Validate)]`),
// never at an earlier field of the same type that is right (helper-187: a
// set's missing `Ord`, a non-string map key and rules on a type that is no
// plain value were said at the first field that nests the type).
use std::collections::{BTreeMap, BTreeSet};

use desk_schema::Validate;
use serde::Deserialize;

#[derive(Debug, PartialEq, Deserialize, Validate)]
pub enum Color {
    Red,
    Blue,
}

#[derive(Deserialize, Validate)]
pub struct Inner {
    #[desk(max_bytes = 3)]
    pub s: String,
}

#[derive(Deserialize)]
pub struct Plain {
    pub n: u8,
}

// `Color` is no set item (no `Ord`): said at `b`'s set.
#[derive(Deserialize, Validate)]
pub struct SetAfterPlain {
    #[desk(nested)]
    pub a: Color,
    #[desk(nested)]
    pub b: BTreeSet<Color>,
}

// Rules on a type that is no plain value, and a key that is no string:
// said at `c` and `d`.
#[derive(Deserialize, Validate)]
pub struct NestedTwiceThenWrong {
    #[desk(nested)]
    pub a: Inner,
    #[desk(nested)]
    pub b: Vec<Inner>,
    #[desk(max_bytes = 3)]
    pub c: Plain,
    #[desk(nested)]
    pub d: BTreeMap<Color, Inner>,
}

// One set type in two fields: said once, at the first (and at the derive).
#[derive(Deserialize, Validate)]
pub struct SetTwice {
    #[desk(nested)]
    pub a: BTreeSet<Color>,
    #[desk(nested)]
    pub b: Vec<BTreeSet<Color>>,
}

fn main() {}
