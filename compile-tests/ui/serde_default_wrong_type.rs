// A serde default function of another type than its field (or, on the
// container, than the type): serde's own error, and one of ours beside it
// at the function's name (there were two more, at the derive and the
// field's type, one for each place the derive calls the function).
fn count() -> u8 {
    1
}

#[derive(desk_schema::Validate, serde::Deserialize)]
struct Inner {
    #[desk(max_bytes = 3)]
    a: String,
}

#[derive(desk_schema::Validate, serde::Deserialize)]
struct Field {
    #[desk(max_bytes = 3)]
    #[serde(default = "count")]
    name: String,
    #[desk(nested)]
    #[serde(default = "count")]
    inner: Option<Inner>,
}

#[derive(desk_schema::Validate, serde::Deserialize)]
#[serde(default = "count")]
struct Container {
    #[desk(max_bytes = 3)]
    name: String,
}

fn main() {}
