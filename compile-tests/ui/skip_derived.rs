// `#[desk(skip)]` on a type that derives `Validate`, as written or inside a
// list, an `Option`, a map or a `Box`: Rust would leave its rules unchecked
// while the field's schema states them. One error each, at the type; a
// plain type, a map of plain values and what a `PhantomData` holds are fine.

#[derive(desk_schema::Validate, serde::Deserialize)]
struct Short(#[desk(max_bytes = 1)] String);

#[derive(desk_schema::Validate, serde::Deserialize)]
struct Skips {
    #[desk(skip)]
    s: Short,
    #[desk(skip)]
    v: Vec<Option<Short>>,
    #[desk(skip)]
    m: std::collections::HashMap<String, Box<Short>>,
    #[desk(skip)]
    fine: Vec<String>,
    #[desk(skip)]
    map: std::collections::BTreeMap<String, u8>,
    #[desk(skip)]
    #[serde(skip)]
    marker: std::marker::PhantomData<Short>,
}

// A type parameter is known only where the type is used: not asked.
#[derive(desk_schema::Validate, serde::Deserialize)]
struct Generic<T> {
    #[desk(skip)]
    t: Vec<T>,
    #[desk(skip)]
    s: Option<Short>,
}

// A derived generic type given a derived type: one error, at the outer one.
#[derive(desk_schema::Validate, serde::Deserialize)]
struct Wrapper<T> {
    #[desk(nested)]
    t: T,
}

#[derive(desk_schema::Validate, serde::Deserialize)]
struct Wrapped {
    #[desk(skip)]
    w: Wrapper<Short>,
}

// The type itself, written `Self` or by name, generic or not: it derives
// `Validate` by being derived.
#[derive(desk_schema::Validate, serde::Deserialize)]
struct Chain<T> {
    #[desk(nested)]
    t: T,
    #[desk(skip)]
    #[serde(default)]
    next: Option<Box<Self>>,
}

#[derive(desk_schema::Validate, serde::Deserialize)]
#[serde(tag = "t")]
enum Variant {
    A {
        #[desk(skip)]
        s: Short,
    },
}

// A qualified path is asked whole, by what it stands for.
trait Out {
    type Out;
}

impl Out for u8 {
    type Out = Short;
}

#[derive(desk_schema::Validate, serde::Deserialize)]
struct Qualified {
    #[desk(skip)]
    q: Vec<<u8 as Out>::Out>,
}

fn main() {}
