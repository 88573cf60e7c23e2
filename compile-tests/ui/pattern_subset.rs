// Patterns outside the subset that JavaScript (with the `u` flag) and Rust's
// `regex` read alike: each is refused with what to write instead.
#[derive(desk_schema::Validate, serde::Deserialize)]
struct T {
    #[desk(pattern = "^\\d{3}$")]
    digits: String,
    #[desk(pattern = "^(?=a)")]
    lookahead: String,
    #[desk(pattern = "[a&&b]")]
    set_operation: String,
    #[desk(pattern = "a{,3}")]
    count: String,
    #[desk(pattern = "^[ -~]*$")]
    printable: String,
}

fn main() {}
