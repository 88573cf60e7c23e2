#[derive(desk_schema::Validate, serde::Deserialize)]
#[serde(untagged)]
enum Loose {
    A {
        #[desk(max_bytes = 3)]
        a: String,
    },
}

#[derive(desk_schema::Validate, serde::Deserialize)]
enum Mixed {
    A,
    #[serde(untagged)]
    B(#[desk(max_bytes = 3)] String),
}

fn main() {}
