// Types whose JSON types come from a field (newtypes, untagged enums) and
// that reach themselves that way, with no object or array between: serde
// would recurse without end on some inputs. One error per type on the cycle.

// Through a second untagged enum.
#[derive(desk_schema::Validate, serde::Deserialize)]
#[serde(untagged)]
enum Outer {
    Inner(#[desk(nested)] Inner),
    Count(#[desk(range(max = 3))] u8),
}

#[derive(desk_schema::Validate, serde::Deserialize)]
#[serde(untagged)]
enum Inner {
    Back(#[desk(nested)] Box<Outer>),
    Text(#[desk(max_bytes = 3)] String),
}

// Through a type alias.
type Again = Option<Box<Aliased>>;

#[derive(desk_schema::Validate, serde::Deserialize)]
#[serde(untagged)]
enum Aliased {
    Again(#[desk(nested)] Again),
    Count(#[desk(range(max = 3))] u8),
}

// A newtype over itself.
#[derive(desk_schema::Validate, serde::Deserialize)]
struct Endless(#[desk(nested)] Option<Box<Endless>>);

// Two generic types over each other: refused where they are made concrete.
#[derive(desk_schema::Validate, serde::Deserialize)]
#[serde(transparent)]
struct Ping<T> {
    #[desk(nested)]
    next: Option<Box<Pong<T>>>,
    #[desk(skip)]
    #[serde(skip)]
    kind: std::marker::PhantomData<T>,
}

#[derive(desk_schema::Validate, serde::Deserialize)]
#[serde(transparent)]
struct Pong<T> {
    #[desk(nested)]
    next: Option<Box<Ping<T>>>,
}

#[derive(desk_schema::Validate, serde::Deserialize)]
struct Match {
    #[desk(nested)]
    rally: Ping<u8>,
}

// A newtype over itself through an alias, which the derive cannot read:
// the same refusal (it was rustc's "overflow evaluating the requirement"
// on the newtype's view).
type Onward = Option<Box<Looping>>;

#[derive(desk_schema::Validate, serde::Deserialize)]
struct Looping(#[desk(nested)] Onward);

fn main() {}
