// A map in a `#[desk(skip)]` field whose key serde parses from the JSON
// string (a number, `bool` or `char`, by any path; a `NonZero` integer; a
// network address; a `Duration`; a wrapper of one, `Option<u8>`): the
// schema schemars writes takes any digits (`256` and `01` for a `u8`) or
// any text, so the field's schema would pass keys serde refuses. Each key
// written is asked of rustc: one error at the key; a string key
// (`Box<str>`), and a unit enum's (whose schema lists its names), are fine.
use std::collections::{BTreeMap, HashMap};

#[derive(desk_schema::Validate, serde::Deserialize, PartialEq, Eq, PartialOrd, Ord)]
enum Color {
    Red,
    Blue,
}

#[derive(desk_schema::Validate, serde::Deserialize)]
struct Numbers {
    #[desk(skip)]
    by_number: BTreeMap<u8, String>,
}

#[derive(desk_schema::Validate, serde::Deserialize)]
struct Spelled {
    #[desk(skip)]
    by_number: HashMap<core::primitive::u8, String>,
}

#[derive(desk_schema::Validate, serde::Deserialize)]
struct Addresses {
    #[desk(skip)]
    by_address: BTreeMap<std::net::IpAddr, u8>,
}

#[derive(desk_schema::Validate, serde::Deserialize)]
struct NonZeros {
    #[desk(skip)]
    by_count: BTreeMap<std::num::NonZeroU8, u8>,
}

#[derive(desk_schema::Validate, serde::Deserialize)]
struct Wrapped {
    #[desk(skip)]
    by_maybe: BTreeMap<Option<u8>, u8>,
}

#[derive(desk_schema::Validate, serde::Deserialize)]
struct Boxed {
    #[desk(skip)]
    by_boxed: HashMap<Box<u8>, u8>,
    #[desk(skip)]
    by_text: HashMap<Box<str>, u8>,
}

#[derive(desk_schema::Validate, serde::Deserialize)]
struct Lasting {
    #[desk(skip)]
    by_duration: BTreeMap<std::time::Duration, u8>,
}

// A borrowed `Cow` of bytes: serde reads it otherwise than from a value.
#[derive(desk_schema::Validate, serde::Deserialize)]
struct Bytes<'a> {
    #[desk(skip)]
    #[serde(borrow)]
    b: std::borrow::Cow<'a, [u8]>,
}

#[derive(desk_schema::Validate, serde::Deserialize)]
struct Flags {
    #[desk(skip)]
    by_flag: Option<Vec<HashMap<bool, u8>>>,
    #[desk(skip)]
    by_name: BTreeMap<String, u8>,
    #[desk(skip)]
    by_color: BTreeMap<Color, u8>,
}

// A key in parentheses, or given to a macro as `$k:ty`, is still the key.
#[derive(desk_schema::Validate, serde::Deserialize)]
struct Parenthesized {
    #[desk(skip)]
    by_number: HashMap<(u8), String>,
}

macro_rules! keyed {
    ($name:ident, $k:ty) => {
        #[derive(desk_schema::Validate, serde::Deserialize)]
        struct $name {
            #[desk(skip)]
            by_key: HashMap<$k, String>,
        }
    };
}

keyed!(ByMacro, u16);

fn main() {}
