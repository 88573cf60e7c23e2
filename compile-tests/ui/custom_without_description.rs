fn check(_: &String) -> Result<(), desk_schema::Kind> {
    Ok(())
}
#[derive(desk_schema::Validate, serde::Deserialize)]
struct T {
    #[desk(custom(check = check))]
    name: String,
}
fn main() {}
