// A field with garde's or validator's attribute and no `#[desk(...)]` (a
// newcomer's first habit): desk-schema's one error is at that attribute,
// and says what each of its rules is called here (rustc adds its own:
// the attribute is no helper of this derive, so that one left on a field
// that has `#[desk(...)]` rules is not silently ignored either: `both`,
// rustc's error alone).
#[derive(desk_schema::Validate, serde::Deserialize)]
struct FromValidator {
    #[validate(length(min = 1, max = 20), email, url, nested)]
    email: String,
    #[validate(must_match(other = "email"), does_not_contain(pattern = "@"), phone)]
    again: String,
    #[desk(max_bytes = 8)]
    #[validate(length(max = 8))]
    both: String,
}

#[derive(desk_schema::Validate, serde::Deserialize)]
struct FromGarde {
    #[garde(length(max = 8))]
    bytes: String,
    #[garde(length(graphemes, max = 8), ascii, ip, inner(length(max = 3)), phone_number)]
    text: String,
    #[garde(dive)]
    inner: Vec<String>,
    #[garde(skip)]
    skipped: String,
    #[garde(byte_length(max = 3), length(chars, max = 3), length(utf16, max = 3), matches(bytes))]
    units: String,
}

fn main() {}
