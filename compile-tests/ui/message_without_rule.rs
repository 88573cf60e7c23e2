// A field's own message replaces its rules' messages: a field with none
// has nothing to replace. And `message` takes `en` and `zh_cn`.
#[derive(desk_schema::Validate, serde::Deserialize)]
struct T {
    #[desk(skip, message(en = "never shown"))]
    a: String,
    #[desk(max_bytes = 3, message(fr = "trop long"))]
    b: String,
    #[desk(max_bytes = 3, message())]
    c: String,
    #[desk(nested, message(en = "no rule to replace"))]
    d: Vec<u8>,
}
fn main() {}
