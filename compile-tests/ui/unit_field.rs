// `()` holds only `null`: one error at the type, as the field's type or
// inside a standard container or a slice, where it was several naming the walk's
// internals. A `skip` field compiles (ui/pass/unit_elsewhere.rs).
#[derive(desk_schema::Validate, serde::Deserialize)]
struct Units {
    #[desk(nested)]
    bare: (),
    #[desk(max_items = 3)]
    #[serde(default)]
    inside: Option<Vec<()>>,
}

#[derive(desk_schema::Validate, serde::Deserialize)]
struct Sliced {
    #[desk(max_items = 3)]
    units: Box<[()]>,
}

// A newtype is not told to mark its field `skip`, which a newtype refuses.
#[derive(desk_schema::Validate, serde::Deserialize)]
struct Newtype(#[desk(nested)] ());

fn main() {}
