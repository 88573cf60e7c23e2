// A type the derive cannot read as written (a generic alias, a qualified
// path, an alias of a whole map, of a reference, of an array): `Leaf` looks
// through it, so a mistake inside is one error at the field, in the words
// the derive gives the same type written out, not one for each generated
// item. (`Generic`'s two fields of two types, both a mistake, also report
// it at `#[derive(Validate)]`; the alias of a reference is said three times,
// once for each lifetime the generated items name it with: `&'a str`,
// `&str`, `&'static str`.)
use std::collections::BTreeMap;

#[derive(serde::Deserialize)]
pub struct Mine(String);

#[derive(serde::Deserialize, PartialEq, Eq, PartialOrd, Ord)]
pub enum Color {
    Red,
}

type List<T> = Vec<T>;
type Maybe<T> = Option<T>;
type ByColor = BTreeMap<Color, u8>;
type Pair = [String; 2];
type Text<'a> = &'a str;

pub trait Pick {
    type Out;
}
pub struct Picked;
impl Pick for Picked {
    type Out = Mine;
}

#[derive(desk_schema::Validate, serde::Deserialize)]
pub struct Generic {
    #[desk(max_items = 2)]
    pub list: List<Mine>,
    #[desk(max_bytes = 2)]
    pub maybe: Maybe<Mine>,
}

#[derive(desk_schema::Validate, serde::Deserialize)]
pub struct Qualified {
    #[desk(max_bytes = 2)]
    pub picked: <Picked as Pick>::Out,
}

#[derive(desk_schema::Validate, serde::Deserialize)]
pub struct Keyed {
    #[desk(max_items = 2)]
    pub counts: ByColor,
}

#[derive(desk_schema::Validate, serde::Deserialize)]
pub struct Note {
    #[desk(max_bytes = 2)]
    pub text: String,
}

type NotesByColor = BTreeMap<Color, Note>;

#[derive(desk_schema::Validate, serde::Deserialize)]
pub struct NestedKeyed {
    #[desk(nested)]
    pub notes: NotesByColor,
}

#[derive(desk_schema::Validate, serde::Deserialize)]
pub struct Fixed {
    #[desk(items(max_bytes = 2))]
    pub pair: Pair,
}

#[derive(desk_schema::Validate, serde::Deserialize)]
pub struct Borrowed<'a> {
    #[desk(max_bytes = 2)]
    #[serde(borrow)]
    pub text: Text<'a>,
}

fn main() {}
