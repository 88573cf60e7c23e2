// A typed context reaches nested types and custom rules; nested types
// without a context of their own work under any context.
// Blanket traits whose methods share the names of the generated calls.
include!("../blanket_traits.in");

use desk_schema::{Kind, Scope, Validate};

#[derive(Default)]
struct Limits {
    max: usize,
}

#[derive(Validate, serde::Deserialize)]
#[desk(context = Limits, custom(check = whole, description = "checked as a whole"))]
struct Outer {
    #[desk(custom(check = size, description = "at most `max` bytes"))]
    text: String,
    #[desk(nested)]
    inner: Vec<Inner>,
}

#[derive(Validate, serde::Deserialize)]
struct Inner {
    #[desk(max_bytes = 2)]
    s: String,
}

fn size(text: &String, ctx: &Limits) -> Result<(), Kind> {
    if text.len() > ctx.max { Err(Kind::custom("too_big", "too big")) } else { Ok(()) }
}

fn whole(_: &Outer, _: &Limits, _: &mut Scope<'_, '_>) {}

fn main() {
    let o = Outer { text: String::from("abc"), inner: vec![Inner { s: String::from("xyz") }] };
    let report = o.validate_with(&Limits { max: 2 }).unwrap_err();
    assert_eq!(report.violations().len(), 2);
}
