// A rule on a field whose type is neither the standard library's plain
// values nor derived (one of the user's, `PathBuf`, `NonZeroU8`), however
// it is held: one error for each, at the type, in `Leaf`'s words, not one
// for each generated item that names the type.
use std::num::NonZeroU8;
use std::path::PathBuf;

#[derive(serde::Deserialize)]
pub struct Mine(String);

#[derive(desk_schema::Validate, serde::Deserialize)]
pub struct Own {
    #[desk(max_bytes = 3)]
    pub name: Mine,
}

#[derive(desk_schema::Validate, serde::Deserialize)]
pub struct Listed {
    #[desk(max_items = 3)]
    pub names: Vec<Mine>,
}

#[derive(desk_schema::Validate, serde::Deserialize)]
pub struct Inside {
    #[desk(items(max_bytes = 3))]
    pub names: Option<Vec<Mine>>,
}

#[derive(desk_schema::Validate, serde::Deserialize)]
pub struct Path {
    #[desk(max_bytes = 3)]
    pub path: PathBuf,
}

#[derive(desk_schema::Validate, serde::Deserialize)]
pub struct Count {
    #[desk(range(min = 1))]
    pub count: NonZeroU8,
}

fn main() {}
