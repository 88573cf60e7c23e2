// Items that Rust compares otherwise than JSON Schema's `uniqueItems`:
// a set, or `unique`, would drop or refuse what a validator keeps.
use std::collections::{BTreeSet, HashSet};

#[derive(desk_schema::Validate, serde::Deserialize, PartialEq, Eq, PartialOrd, Ord, Hash)]
enum Color {
    #[serde(alias = "Crimson")]
    Dark,
    Light,
    #[serde(other)]
    Unknown,
}

#[derive(desk_schema::Validate, serde::Deserialize, PartialEq, Eq, Hash)]
#[serde(deny_unknown_fields)]
struct Point {
    #[desk(range(max = 9))]
    x: u8,
    #[desk(range(max = 9))]
    y: Option<u8>,
}

#[derive(desk_schema::Validate, serde::Deserialize, PartialEq, Eq, Hash)]
struct Loose {
    #[desk(range(max = 9))]
    x: u8,
}

#[derive(desk_schema::Validate, serde::Deserialize, PartialEq, Eq, PartialOrd, Ord)]
#[serde(tag = "t", content = "c", deny_unknown_fields)]
enum Adjacent {
    Unit,
    Number(#[desk(range(max = 9))] u8),
}

// An internally tagged unit variant is read from its tag alone: serde
// drops any other property, `deny_unknown_fields` or not.
#[derive(desk_schema::Validate, serde::Deserialize, PartialEq, Eq, Hash)]
#[serde(tag = "t", deny_unknown_fields)]
enum Internal {
    Unit,
    Shape {
        #[desk(range(max = 5))]
        a: u8,
    },
}

// Without a unit variant, every value has one text: fine.
#[derive(desk_schema::Validate, serde::Deserialize, PartialEq, Eq, Hash)]
#[serde(tag = "t", deny_unknown_fields)]
enum InternalExact {
    Shape {
        #[desk(range(max = 5))]
        a: u8,
    },
}

#[derive(desk_schema::Validate, serde::Deserialize, PartialEq, Eq, Hash)]
#[serde(deny_unknown_fields)]
struct HoldsInternal {
    #[desk(max_bytes = 3)]
    k: String,
    #[desk(nested)]
    e: Internal,
}

#[derive(desk_schema::Validate, serde::Deserialize)]
struct InternalLists {
    #[desk(nested, unique)]
    listed: Vec<Internal>,
    #[desk(nested)]
    set: HashSet<HoldsInternal>,
    #[desk(nested, unique(by = e))]
    by_key: Vec<HoldsInternal>,
    #[desk(nested, unique)]
    exact: Vec<InternalExact>,
}

#[derive(desk_schema::Validate, serde::Deserialize)]
struct Lists {
    #[desk(nested)]
    adjacent: BTreeSet<Adjacent>,
    #[desk(nested)]
    colors: BTreeSet<Color>,
    #[desk(nested)]
    points: HashSet<Point>,
    #[desk(nested, max_items = 3)]
    loose: Vec<HashSet<Loose>>,
    #[desk(nested, unique)]
    dark: Vec<Dark>,
    #[desk(nested, unique)]
    unique_points: Vec<Point>,
    #[desk(nested, unique(by = color))]
    tagged: Vec<Tagged>,
    // The same type again, with the same rule: the type is the mistake,
    // said once, at the first field that holds it.
    #[desk(nested)]
    colors_again: BTreeSet<Color>,
    #[desk(nested, unique(by = color))]
    tagged_again: Vec<Tagged>,
}

// A unit enum whose variants have aliases, as a plain item of a list.
#[derive(desk_schema::Validate, serde::Deserialize, PartialEq, Eq, Hash)]
enum Dark {
    #[serde(alias = "Black")]
    Night,
}

#[derive(desk_schema::Validate, serde::Deserialize)]
struct Tagged {
    #[desk(nested)]
    color: Color,
}

// The same in a type with a lifetime: its fields' types are known all the
// same.
#[derive(desk_schema::Validate, serde::Deserialize)]
struct Borrowing<'a> {
    #[desk(max_bytes = 8)]
    #[serde(borrow)]
    name: std::borrow::Cow<'a, str>,
    #[desk(nested, unique)]
    loose: Vec<Loose>,
}

// An `Option` the type does not spell: an alias, a boxed one, a type
// parameter given one. serde fills each in when absent, as `null` reads.
type Opt = Option<String>;

#[derive(desk_schema::Validate, serde::Deserialize, PartialEq, Eq, Hash)]
#[serde(deny_unknown_fields)]
struct Hidden<T> {
    #[desk(max_bytes = 3)]
    alias: Opt,
    #[desk(nested)]
    boxed: Box<Option<String>>,
    #[desk(nested)]
    given: T,
}

#[derive(desk_schema::Validate, serde::Deserialize, PartialEq, Eq, Hash)]
#[serde(deny_unknown_fields)]
struct Given<T> {
    #[desk(nested)]
    given: T,
}

#[derive(desk_schema::Validate, serde::Deserialize)]
struct HiddenLists {
    #[desk(nested, unique)]
    hidden: Vec<Hidden<u8>>,
    #[desk(nested, unique)]
    given: Vec<Given<Option<u8>>>,
    // Fine: nothing in it reads `null`.
    #[desk(nested, unique)]
    plain: Vec<Given<u8>>,
}

// A key that reads `null` but is no `Option`: Rust compares `null` as a
// value, where `x-uniqueBy` sees no key. (An `Option` key, boxed or not,
// has no key on every path.)
#[derive(desk_schema::Validate, serde::Deserialize, PartialEq, Eq, Hash)]
struct Maybe(#[desk(max_bytes = 3)] Option<String>);

#[derive(desk_schema::Validate, serde::Deserialize)]
struct Keyed {
    #[desk(nested)]
    maybe: Maybe,
    #[desk(nested)]
    boxed: Box<Option<String>>,
}

#[derive(desk_schema::Validate, serde::Deserialize)]
struct ByMaybe {
    #[desk(nested, unique(by = maybe))]
    items: Vec<Keyed>,
}

#[derive(desk_schema::Validate, serde::Deserialize)]
struct ByBoxed {
    #[desk(nested, unique(by = boxed))]
    items: Vec<Keyed>,
}

// A field read whole (`#[desk(skip)]`) compares by its type's own
// equality, which the derive cannot ask (a `serde_json::Value` holds `1`
// and `1.0` apart, one JSON value): refused whatever its type.
#[derive(desk_schema::Validate, serde::Deserialize, PartialEq, Eq, Hash)]
#[serde(deny_unknown_fields)]
struct Raw {
    #[desk(range(max = 100))]
    id: u32,
    #[desk(skip)]
    v: String,
}

#[derive(desk_schema::Validate, serde::Deserialize)]
struct RawList {
    #[desk(nested, unique)]
    items: Vec<Raw>,
}

// A field serde skips (filled with its default): no part of the JSON, and
// compared by a derived `Ord`, so a set of such items may hold two items of
// one text. Refused in a set; `unique` leaves the field out (`JsonEq`), and
// takes it.
fn received() -> u32 {
    7
}

#[derive(desk_schema::Validate, serde::Deserialize, PartialEq, Eq, PartialOrd, Ord)]
#[serde(deny_unknown_fields)]
struct Stamped {
    #[desk(max_bytes = 3)]
    name: String,
    #[serde(skip, default = "received")]
    at: u32,
}

#[derive(desk_schema::Validate, serde::Deserialize)]
struct StampedSet {
    #[desk(nested)]
    set: BTreeSet<Stamped>,
    #[desk(nested, unique)]
    list: Vec<Stamped>,
}

// The other causes, each named in its error: a field with a serde default
// (absent and the default are one value), a set inside the items (`[1,2]`
// and `[2,1]` are one set), and a `serde_json::Value` (`1` and `1.0`).
#[derive(desk_schema::Validate, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Defaulted {
    #[desk(range(max = 9))]
    #[serde(default)]
    x: u8,
}

// The default on the struct: the same cause, said of the struct too.
#[derive(desk_schema::Validate, serde::Deserialize, Default)]
#[serde(deny_unknown_fields, default)]
struct DefaultedWhole {
    #[desk(range(max = 9))]
    x: u8,
}

#[derive(desk_schema::Validate, serde::Deserialize)]
struct OtherCauses {
    #[desk(nested, unique)]
    defaulted: Vec<Defaulted>,
    #[desk(nested, unique)]
    defaulted_whole: Vec<DefaultedWhole>,
    #[desk(nested, unique)]
    sets: Vec<BTreeSet<u8>>,
    #[desk(nested, unique)]
    values: Vec<serde_json::Value>,
}

// An adjacently tagged enum: content that reads `null` (an `Option`,
// written or given) is one value absent and `null`; without
// `deny_unknown_fields`, serde drops another property. Fine with neither,
// and no unit variant.
#[derive(desk_schema::Validate, serde::Deserialize, PartialEq, Eq)]
#[serde(tag = "t", content = "c", deny_unknown_fields)]
enum AdjacentOption {
    Number(#[desk(nested)] Option<u8>),
}

#[derive(desk_schema::Validate, serde::Deserialize, PartialEq, Eq)]
#[serde(tag = "t", content = "c")]
enum AdjacentOpen {
    Number(#[desk(range(max = 9))] u8),
}

#[derive(desk_schema::Validate, serde::Deserialize, PartialEq, Eq)]
#[serde(tag = "t", content = "c", deny_unknown_fields)]
enum AdjacentOf<T> {
    Item(#[desk(nested)] T),
    Word(#[desk(max_bytes = 3)] String),
}

#[derive(desk_schema::Validate, serde::Deserialize)]
struct AdjacentLists {
    #[desk(nested, unique)]
    option: Vec<AdjacentOption>,
    #[desk(nested, unique)]
    open: Vec<AdjacentOpen>,
    #[desk(nested, unique)]
    given: Vec<AdjacentOf<Option<u8>>>,
    // Fine: each value has one text.
    #[desk(nested, unique)]
    exact: Vec<AdjacentOf<u8>>,
}

fn main() {}
