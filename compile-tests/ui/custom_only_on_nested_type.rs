use desk_schema::Kind;

#[derive(desk_schema::Validate, serde::Deserialize)]
struct Inner {
    #[desk(max_bytes = 3)]
    name: String,
}
fn check(_: &Inner) -> Result<(), Kind> {
    Ok(())
}
#[derive(desk_schema::Validate, serde::Deserialize)]
struct T {
    #[desk(custom(check = check, description = "checked by hand"))]
    inner: Inner,
}
fn main() {}
