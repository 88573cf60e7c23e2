// A struct's `check_value` function written for the typed value (what
// `check` takes): one error at its name, saying what it takes instead, in
// a type without a context and in one with a context.
use desk_schema::Scope;

fn both(_: &Pair, _: &mut Scope<'_, '_>) {}

#[derive(desk_schema::Validate, serde::Deserialize)]
#[desk(custom(check = both, check_value = both, description = "a and b"))]
struct Pair {
    #[desk(max_bytes = 10)]
    a: String,
    #[desk(max_bytes = 10)]
    b: String,
}

#[derive(Default)]
struct Limits;

fn limited(_: &Limited, _: &Limits, _: &mut Scope<'_, '_>) {}

#[derive(desk_schema::Validate, serde::Deserialize)]
#[desk(context = Limits)]
#[desk(custom(check = limited, check_value = limited, description = "within the limits"))]
struct Limited {
    #[desk(max_bytes = 10)]
    a: String,
}

fn main() {}
