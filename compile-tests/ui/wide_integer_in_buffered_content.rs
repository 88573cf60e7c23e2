// serde reads the content of tagged and untagged enums into a buffer that
// holds no 128-bit integers: such a field could never be read.
#[derive(desk_schema::Validate, serde::Deserialize)]
#[serde(untagged)]
enum Untagged {
    Big(#[desk(range(max = 9))] u128),
    Text(#[desk(max_bytes = 3)] String),
}

#[derive(desk_schema::Validate, serde::Deserialize)]
struct Holder {
    #[desk(range(max = 9))]
    n: Option<i128>,
}

#[derive(desk_schema::Validate, serde::Deserialize)]
#[serde(tag = "t")]
enum Internal {
    A {
        #[desk(nested)]
        held: Vec<Holder>,
    },
}

// With a lifetime too.
#[derive(desk_schema::Validate, serde::Deserialize)]
#[serde(tag = "t")]
enum Borrowing<'a> {
    A {
        #[desk(max_bytes = 8)]
        #[serde(borrow)]
        name: std::borrow::Cow<'a, str>,
        #[desk(range(max = 9))]
        n: u128,
    },
}

// Read whole (`skip`), by serde from the same buffer: refused.
#[derive(desk_schema::Validate, serde::Deserialize)]
#[serde(tag = "t")]
enum Skipped {
    A {
        #[desk(skip)]
        n: Option<u128>,
    },
}

// Through an alias, in an untagged enum, deep in a list: asked of rustc.
type Big = u128;

#[derive(desk_schema::Validate, serde::Deserialize)]
#[serde(tag = "t", content = "c")]
enum Aliased {
    A {
        #[desk(skip)]
        n: Big,
        #[desk(skip)]
        fine: Option<u64>,
    },
}

#[derive(desk_schema::Validate, serde::Deserialize)]
#[serde(untagged)]
enum UntaggedSkipped {
    A {
        #[desk(skip)]
        n: Option<Vec<(u8, i128)>>,
    },
}

#[derive(desk_schema::Validate, serde::Deserialize)]
#[serde(tag = "t")]
enum NonZero {
    A {
        #[desk(skip)]
        n: std::num::NonZeroU128,
    },
}

// A type with a skipped `u128`, fine on its own, held in tagged content.
#[derive(desk_schema::Validate, serde::Deserialize)]
struct SkipsWide {
    #[desk(skip)]
    n: Option<u128>,
}

#[derive(desk_schema::Validate, serde::Deserialize)]
struct HoldsSkipsWide {
    #[desk(nested)]
    held: SkipsWide,
}

#[derive(desk_schema::Validate, serde::Deserialize)]
#[serde(tag = "t")]
enum HoldsItInternally {
    A {
        #[desk(nested)]
        held: HoldsSkipsWide,
    },
}

// An untagged enum that refuses its own wide integer, held in tagged
// content: refused once, where it is (helper-103: twice).
#[derive(desk_schema::Validate, serde::Deserialize)]
struct Wide {
    #[desk(nested)]
    n: i128,
}

#[derive(desk_schema::Validate, serde::Deserialize)]
#[serde(untagged)]
enum RefusesItself {
    Obj(#[desk(nested)] Wide),
    Flag(#[desk(nested)] bool),
}

#[derive(desk_schema::Validate, serde::Deserialize)]
#[serde(tag = "t")]
enum HoldsTheRefused {
    A {
        #[desk(nested)]
        inner: RefusesItself,
    },
}

// A type that derives `Validate` in a skipped field of tagged content:
// serde reads it from the buffer, and only a checked field's facts would
// tell whether a `u128` is inside (`Wide`'s is): refused, saying to check it.
#[derive(desk_schema::Validate, serde::Deserialize)]
#[serde(tag = "t")]
enum SkipsDerived {
    A {
        #[desk(skip)]
        wide: Option<Wide>,
    },
}

// A derived type inside another: one error, at the outer one.
#[derive(desk_schema::Validate, serde::Deserialize)]
struct Carrier<T> {
    #[desk(nested)]
    t: T,
}

#[derive(desk_schema::Validate, serde::Deserialize)]
#[serde(tag = "t")]
enum SkipsHeld {
    A {
        #[desk(skip)]
        held: Carrier<Wide>,
    },
}

// An externally tagged enum is read without a buffer: fine.
#[derive(desk_schema::Validate, serde::Deserialize)]
enum External {
    A(#[desk(range(max = 9))] u128),
}

// A 128-bit integer the schema check refuses already (a map key, inside a
// `Result`): one error, the schema's.
#[derive(desk_schema::Validate, serde::Deserialize)]
#[serde(tag = "t")]
enum KeyedWide {
    A {
        #[desk(skip)]
        by_big: std::collections::HashMap<u128, u8>,
        #[desk(skip)]
        answer: Result<u128, u8>,
        #[desk(skip)]
        maybe: std::collections::HashMap<Option<i128>, u8>,
    },
}

fn main() {}
