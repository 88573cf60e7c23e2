// Text rules that no string can pass, across units and between texts.
#[derive(desk_schema::Validate, serde::Deserialize)]
struct T {
    // A UTF-16 code unit is at most 3 bytes of UTF-8.
    #[desk(min_bytes = 10, max_utf16 = 3)]
    a: String,
    // A character is at most 2 UTF-16 code units.
    #[desk(min_utf16 = 5, max_chars = 2)]
    b: String,
    #[desk(min_utf16 = 3, max_utf16 = 2)]
    c: String,
    // The required prefix starts with the forbidden one.
    #[desk(prefix = "@TGS#x", not_prefix = "@TGS#")]
    d: String,
    // The required text is not ASCII, or too long.
    #[desk(ascii, contains = "名")]
    e: String,
    #[desk(suffix = "_version", max_bytes = 4)]
    f: String,
    // In ASCII a character is one byte: 5 bytes cannot fit in 4 characters.
    #[desk(ascii, min_bytes = 5, max_chars = 4)]
    h: String,
    // Each text fits; together they need "abcd", 4 bytes.
    #[desk(prefix = "ab", suffix = "cd", max_bytes = 3)]
    i: String,
    // They overlap: "abc" starts with "ab" and ends with "bc", and fits.
    #[desk(prefix = "ab", suffix = "bc", max_bytes = 3)]
    j: String,
    // An allowed value breaks the new rules too.
    #[desk(one_of("a", "b"), prefix = "a")]
    g: String,
    // A maximum that leaves room for the required text alone: the string
    // is that text, which every rule judges ("a" starts with "a").
    #[desk(suffix = "a", not_prefix = "a", max_chars = 1)]
    k: String,
    #[desk(prefix = "ab", suffix = "bc", max_utf16 = 3, not_prefix = "abc")]
    m: String,
    // The same text twice, "a" as the whole string: one error.
    #[desk(suffix = "a", contains = "a", not_prefix = "a", max_chars = 1)]
    o: String,
    // Room for one more character: "ba" passes.
    #[desk(suffix = "a", not_prefix = "a", max_chars = 2)]
    n: String,
    // One mistake, one error (helper-162): a text that breaks a rule alone
    // is not said again as part of the prefix and suffix together; two
    // texts each all a maximum leaves room for, each breaking the other's
    // rule, are said once; three texts that each break a rule are three.
    #[desk(prefix = "é", suffix = "x", ascii)]
    o: String,
    #[desk(prefix = "#", suffix = "\t", printable_ascii)]
    p: String,
    #[desk(suffix = "a", prefix = "b", max_chars = 1)]
    q: String,
    #[desk(prefix = "é", suffix = "ü", contains = "ö", ascii)]
    r: String,
    // Two rules broken: the prefix breaks `ascii`, and the prefix and
    // suffix together `max_bytes`, which neither breaks alone: two errors.
    #[desk(prefix = "é", suffix = "xx", ascii, max_bytes = 3)]
    s: String,
}

fn main() {}
