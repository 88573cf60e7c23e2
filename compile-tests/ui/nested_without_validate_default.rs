// `#[desk(nested)]` on a derived generic type given one that does not
// derive `Validate`, on a field with a serde default: one error per field,
// the gate's, as without the default. The default is of the type as
// written, and was checked as the gated type, which then took the written
// argument and was asked for every trait again (four more errors with a
// custom rule, a default function or a container default).
use desk_schema::Validate;
use serde::Deserialize;

#[derive(Deserialize, Default)]
pub struct Plain {
    pub name: String,
}

#[derive(Deserialize, Default)]
pub struct Other {
    pub n: u8,
}

#[derive(Deserialize, Default)]
pub struct Third {
    pub t: bool,
}

#[derive(Validate, Deserialize, Default)]
pub struct Env<T> {
    #[desk(nested)]
    pub data: T,
}

// One of these types a struct (a type that nests two is also reported at
// `#[derive(Validate)]`: `nested_without_validate`).
#[derive(Validate, Deserialize)]
pub struct FieldDefault {
    #[serde(default)]
    #[desk(nested, custom(check = env_check, description = "checked"))]
    pub by_default: Env<Plain>,
}

#[derive(Validate, Deserialize)]
pub struct FunctionDefault {
    #[serde(default = "env_default")]
    #[desk(nested)]
    pub by_function: Option<Env<Other>>,
}

fn env_check(_: &Env<Plain>) -> Result<(), desk_schema::Kind> {
    Ok(())
}

fn env_default() -> Option<Env<Other>> {
    None
}

#[derive(Validate, Deserialize, Default)]
#[serde(default)]
pub struct ContainerDefault {
    #[desk(nested)]
    pub env: Env<Third>,
}

fn main() {}
