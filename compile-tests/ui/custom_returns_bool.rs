// A field's custom rule that returns something other than
// `Result<(), Kind>`: one error, saying what to return.
#[allow(clippy::ptr_arg)]
fn short(name: &String) -> bool {
    name.len() < 3
}

#[derive(desk_schema::Validate, serde::Deserialize)]
struct Team {
    #[desk(custom(check = short, description = "short"))]
    name: String,
}

fn main() {}
