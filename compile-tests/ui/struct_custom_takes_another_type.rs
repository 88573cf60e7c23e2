// A struct-level custom rule whose function takes another type, or no
// context where the type has one: one error each, at the function's name
// (helper-164: the typed call's argument was once reported at the derive,
// and the walk's call said it again).
use desk_schema::rules::custom::Scope;

fn takes_a_string(_: &String, _: &mut Scope<'_, '_>) {}

#[derive(desk_schema::Validate, serde::Deserialize)]
#[desk(custom(check = takes_a_string, description = "x"))]
pub struct Plain {
    #[desk(max_bytes = 3)]
    pub a: String,
}

#[derive(Default)]
pub struct Ctx;

fn no_context(_: &WithContext, _: &mut Scope<'_, '_>) {}

#[derive(desk_schema::Validate, serde::Deserialize)]
#[desk(context = Ctx, custom(check = no_context, description = "x"))]
pub struct WithContext {
    #[desk(max_bytes = 3)]
    pub a: String,
}

fn main() {}
