#[derive(desk_schema::Validate, serde::Deserialize)]
#[desk(contxt = ())]
struct T {
    #[desk(skip)]
    name: String,
}
fn main() {}
