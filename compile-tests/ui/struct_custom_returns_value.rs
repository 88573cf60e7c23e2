// A struct-level custom rule records through its `Scope` and returns
// nothing: one that returns a `bool` or a `Result` (a field rule's
// signature) is one error each, at its name, saying what to write, where
// its result was once dropped unread and the rule never failed (helper-162).
use desk_schema::JsonView;
use desk_schema::rules::custom::Scope;

fn never(p: &Plain, _: &mut Scope<'_, '_>) -> bool {
    p.a.is_empty()
}

#[derive(desk_schema::Validate, serde::Deserialize)]
#[desk(custom(check = never, description = "a must not be empty"))]
pub struct Plain {
    #[desk(max_bytes = 3)]
    pub a: String,
}

fn as_field_rule(_: &Raw, _: &mut Scope<'_, '_>) -> Result<(), desk_schema::Kind> {
    Err(desk_schema::Kind::custom("never", "never"))
}

fn as_field_rule_raw(
    _: &<Raw as JsonView>::View<'_>,
    _: &mut Scope<'_, '_>,
) -> Result<(), desk_schema::Kind> {
    Err(desk_schema::Kind::custom("never", "never"))
}

#[derive(desk_schema::Validate, serde::Deserialize)]
#[desk(custom(check = as_field_rule, check_value = as_field_rule_raw, description = "never"))]
pub struct Raw {
    #[desk(max_bytes = 3)]
    pub a: String,
}

fn main() {}
