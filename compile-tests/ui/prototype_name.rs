// A JSON name `__proto__`: Ajv passes over such a property (it takes it for
// the prototype), so the npm package could not check it. One error each.

#[derive(desk_schema::Validate, serde::Deserialize)]
struct Field {
    #[serde(rename = "__proto__")]
    #[desk(max_bytes = 3)]
    p: String,
}

#[derive(desk_schema::Validate, serde::Deserialize)]
enum External {
    #[serde(rename = "__proto__")]
    A(#[desk(max_bytes = 3)] String),
    B(#[desk(max_bytes = 3)] String),
}

#[derive(desk_schema::Validate, serde::Deserialize)]
#[serde(tag = "__proto__")]
enum Tag {
    A {
        #[desk(max_bytes = 3)]
        x: String,
    },
}

fn main() {}
