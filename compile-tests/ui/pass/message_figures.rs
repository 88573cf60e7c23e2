// Every figure each rule fills, in a field's own message, and braces that
// hold no name (text, shown as written).
// Blanket traits whose methods share the names of the generated calls.
include!("../blanket_traits.in");

#[derive(desk_schema::Validate, serde::Deserialize)]
struct T {
    #[desk(min_bytes = 1, max_bytes = 3, message(en = "{limit}, {bytes} ({ as written })", zh_cn = "{limit} {bytes}"))]
    a: String,
    #[desk(max_chars = 3, min_chars = 1, message(en = "{limit} {chars}"))]
    b: String,
    #[desk(max_graphemes = 3, min_graphemes = 1, message(en = "{limit} {graphemes}"))]
    c: String,
    #[desk(max_utf16 = 3, min_utf16 = 1, message(en = "{limit} {units}"))]
    d: String,
    #[desk(one_of("a", "b"), message(en = "one of {allowed}"))]
    e: String,
    #[desk(printable_ascii, ascii, message(en = "{code_point} at {offset}"))]
    f: String,
    #[desk(not_prefix = "@", prefix = "#", message(en = "{prefix}"))]
    g: String,
    #[desk(suffix = "!", message(en = "{suffix}"))]
    h: String,
    #[desk(contains = "x", message(en = "{substring}"))]
    i: String,
    #[desk(range(min = 1, max = 9), message(en = "{min} to {max}, not {actual}"))]
    k: u8,
    #[desk(max_items = 3, min_items = 1, items(max_bytes = 2), message(en = "{limit}"))]
    l: Vec<String>,
    #[desk(unique, message(en = "repeats item {first}"))]
    n: Vec<String>,
    #[desk(nested, unique(by = id), message(en = "{key} repeats item {first}"))]
    m: Vec<Item>,
}
#[derive(desk_schema::Validate, serde::Deserialize)]
struct Item {
    #[desk(max_bytes = 4)]
    id: String,
}
fn main() {}
