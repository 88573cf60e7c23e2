// A trait object in a field serde reads (nested, skip, or with rules around
// it) is one error of the derive's (serde's own derive, left out here, adds
// its three), not twenty; one in a field serde skips is never read, and
// passes, as does one inside a `PhantomData` (read as `null`).
use desk_schema::Validate;
use serde::Deserialize;

trait Shape {}

#[derive(Validate)]
struct Nested {
    #[desk(nested)]
    shape: Box<dyn Shape>,
}

#[derive(Validate)]
struct Skipped {
    #[desk(skip)]
    shapes: Vec<std::sync::Arc<dyn Shape + Send>>,
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
