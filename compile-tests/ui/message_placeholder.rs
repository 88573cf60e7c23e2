// Each `{name}` in a field's own message is a figure the report fills in
// every violation of the field's rules; any other name would be shown as
// written. One error a name, whichever language uses it.
#[derive(desk_schema::Validate, serde::Deserialize)]
struct T {
    // A typo, in both languages: one error, with the figure it resembles.
    #[desk(max_bytes = 3, message(en = "at most {limt} bytes", zh_cn = "最多 {limt} 字节"))]
    a: String,
    // A figure of one rule of the field, not of the other.
    #[desk(max_bytes = 3, printable_ascii, message(en = "at most {limit} bytes"))]
    b: String,
    // A bound `range` was not given.
    #[desk(range(max = 9), message(en = "from {min} to {max}"))]
    c: u8,
    // `unique` without `by` compares whole items: no key.
    #[desk(unique, message(en = "{key} repeats item {first}"))]
    d: Vec<String>,
    // `custom` fills no figure.
    #[desk(custom(check = ok, description = "always passes"), max_bytes = 3, message(en = "at most {limit}"))]
    e: String,
    // The rules inside `items(...)` count.
    #[desk(max_items = 2, items(prefix = "#"), message(en = "at most {limit}"))]
    f: Vec<String>,
}
fn ok(_: &String, _: &()) -> Result<(), desk_schema::Violation> {
    Ok(())
}
fn main() {}
