// An argument list that cannot be read is one error, not a second
// "unexpected token" for what it left unread.
#[derive(desk_schema::Validate, serde::Deserialize)]
struct NotTexts {
    #[desk(one_of(true, false))]
    n: String,
}

#[derive(desk_schema::Validate, serde::Deserialize)]
struct FloatBounds {
    #[desk(range(min = 0.5, max = 1.5))]
    f: f64,
}

#[derive(desk_schema::Validate, serde::Deserialize)]
struct BareMessage {
    #[desk(max_bytes = 3, message("too long"))]
    s: String,
}

#[derive(desk_schema::Validate, serde::Deserialize)]
#[desk(custom(check = "f", description = "x"))]
struct QuotedCheck {
    #[desk(max_bytes = 3)]
    s: String,
}

// A qualified path or a closure where a function's path goes: one error
// that says what to write, not syn's "expected identifier".
#[derive(desk_schema::Validate, serde::Deserialize)]
#[desk(custom(check = <QualifiedCheck as Default>::default, description = "x"))]
struct QualifiedCheck {
    #[desk(max_bytes = 3, custom(check = |s: &String| s.is_empty(), description = "y"))]
    s: String,
    #[desk(custom(check = || true, description = "z"))]
    t: String,
}

fn main() {}
