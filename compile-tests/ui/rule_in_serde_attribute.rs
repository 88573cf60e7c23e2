// A desk-schema rule written in `#[serde(...)]` is refused by serde as
// unknown; the derive says where it goes, and does not also say the field
// has no rule. A rule on a variant is one error, its fields not told they
// have none; a newtype variant is shown with the rule on its field.
use desk_schema::Validate;
use serde::Deserialize;

#[derive(Validate, Deserialize)]
struct Named {
    #[serde(max_bytes = 3)]
    name: String,
}

// `skip` is serde's own (on a field): serde's error alone says it is not a
// container's; `custom` on the type goes in the type's `#[desk(...)]`.
#[derive(Validate, Deserialize)]
#[serde(skip, custom(check = whole, description = "d"))]
struct Container {
    #[desk(max_bytes = 3)]
    name: String,
}

fn whole(_: &Container, _: &mut desk_schema::Scope<'_, '_>) {}

#[derive(Validate, Deserialize)]
enum Item {
    #[desk(max_bytes = 3)]
    Text(Vec<String>),
    #[desk(max_bytes = 3)]
    Pair { a: String },
    Empty,
}

fn main() {}
