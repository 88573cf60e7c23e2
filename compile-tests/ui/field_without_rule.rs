#[derive(desk_schema::Validate, serde::Deserialize)]
struct T {
    name: String,
}
// A newtype's field cannot be `skip`: the advice leaves it out.
#[derive(desk_schema::Validate, serde::Deserialize)]
enum Press {
    Key(char),
}
fn main() {}
