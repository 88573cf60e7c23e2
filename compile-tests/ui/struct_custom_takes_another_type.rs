// A struct-level custom rule whose function takes another type, lacks its
// scope, or lacks the context the type has: one error each, its function
// named. The arguments keep the derive's span: at the name, rustc's help for
// a missing argument would delete the name (helper-165), so the mismatch is
// shown at the derive with the function labelled.
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

fn no_scope(_: &NoScope) {}

#[derive(desk_schema::Validate, serde::Deserialize)]
#[desk(custom(check = no_scope, description = "x"))]
pub struct NoScope {
    #[desk(max_bytes = 3)]
    pub a: String,
}

fn main() {}
