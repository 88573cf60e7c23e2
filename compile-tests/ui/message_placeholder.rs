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
    // A bound at the type's own limit is left out of the report.
    #[desk(range(min = 0, max = 9), message(en = "from {min} to {max}"))]
    g: Option<u8>,
    // JavaScript cannot show every `u64` exactly.
    #[desk(range(max = 9), message(en = "at most {max}, not {actual}"))]
    h: u64,
    // Spaces make a name text.
    #[desk(max_bytes = 3, message(en = "at most { limit } bytes"))]
    i: String,
    // A refused rule is the one error: the message is not judged without it.
    #[desk(min_bytes = 5, max_bytes = 1, message(en = "{limit} {nope}"))]
    j: String,
    // Each rule named once, whether in `keys(...)` or `values(...)`; no
    // suggestion that another rule would refuse.
    #[desk(max_items = 3, keys(prefix = "a"), values(prefix = "c"), message(en = "{limt}"))]
    k: std::collections::BTreeMap<String, String>,
    // The case of a figure.
    #[desk(max_bytes = 3, message(en = "{LIMIT}"))]
    l: String,
    // A name with spaces, after the same name without.
    #[desk(max_bytes = 3, message(en = "{limit} and { limit }"))]
    m: String,
    // Through a boxed slice, and a primitive written by its path.
    #[desk(items(range(min = 0, max = 5)), message(en = "from {min}"))]
    n: Box<[u8]>,
    #[desk(range(min = 0, max = 5), message(en = "from {min}"))]
    o: core::primitive::u8,
    // `u128` as the runtime takes it: within what JSON carries.
    #[desk(range(min = 1, max = 18446744073709551615), message(en = "to {max}"))]
    p: u128,
    // A bound JavaScript rounds onto the type's limit.
    #[desk(range(min = 1, max = 18446744073709551614), message(en = "to {max}"))]
    q: u64,
    // A bound outside the type is that one error.
    #[desk(range(min = -5, max = 9), message(en = "from {min}"))]
    r: u8,
    #[desk(range(min = 1, max = 18446744073709551616), message(en = "to {max}"))]
    s: u64,
}
fn ok(_: &String, _: &()) -> Result<(), desk_schema::Violation> {
    Ok(())
}
fn main() {}
