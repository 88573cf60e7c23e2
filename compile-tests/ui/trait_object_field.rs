// A trait object in a field the derive reads (nested, with rules, or with
// none) is one error of the derive's (serde's own derive, left out here,
// adds its three), not twenty; one in a field serde skips is never read,
// and passes, as does one inside a `PhantomData` (read as `null`). (A
// `#[desk(skip)]` field may hold one that a `Deserialize` of its own reads:
// `pass/trait_object_read_its_own_way.rs`.)
use desk_schema::Validate;
use serde::Deserialize;

trait Shape {}

#[derive(Validate)]
struct Nested {
    #[desk(nested)]
    shape: Box<dyn Shape>,
}

#[derive(Validate)]
struct Unmarked {
    shapes: Vec<Box<dyn Shape + Send>>,
}

#[derive(Validate, Deserialize)]
struct NotRead {
    #[serde(skip)]
    shape: Option<Box<dyn Shape>>,
    #[desk(max_bytes = 3)]
    name: String,
    #[desk(skip)]
    marker: std::marker::PhantomData<dyn Shape>,
}

fn main() {}
