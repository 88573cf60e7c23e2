// A type argument without `Default`, given to a parameter that a field with
// `#[serde(default)]` names, or one that only a field serde skips names:
// serde's derive bounds the parameter `Default`, and so does every impl the
// derive writes. serde reports it three times; the derive adds one error at
// the first field that gives the argument, and no other, however many
// fields hold the type and whatever holds it (helper-186: a second field, a
// default, a custom rule or an enum's variant each added an error naming the
// walk's `Slot`, `JsonView` or the generated view). A generic holder that
// gives its own parameter is bounded as serde bounds it, by what reads the
// parameter: the missing `Default` is one error at its first field too
// (it was one for each generated item, naming `JsonView`, `ValidateIn`,
// the walk's `Properties::slot` and the schema's `Properties::field`).
use serde::Deserialize;

#[derive(Deserialize, desk_schema::Validate)]
pub struct Env<T> {
    #[desk(nested)]
    pub data: T,
    #[desk(nested)]
    #[serde(default)]
    pub extra: Option<T>,
}

#[derive(Deserialize, desk_schema::Validate)]
pub struct NoDefault(#[desk(max_bytes = 2)] String);

// No checked field holds `T`: the gate asks its `Default` alone.
#[derive(Deserialize, desk_schema::Validate)]
pub struct Skipped<T> {
    #[desk(max_bytes = 3)]
    pub name: String,
    #[serde(skip)]
    pub extra: T,
}

#[derive(Deserialize, desk_schema::Validate)]
pub struct Hold {
    #[desk(nested)]
    pub b: Env<NoDefault>,
}

#[derive(Deserialize, desk_schema::Validate)]
pub struct HoldSkipped {
    #[desk(nested)]
    pub s: Skipped<NoDefault>,
}

// Two fields of the type, one in a list.
#[derive(Deserialize, desk_schema::Validate)]
pub struct Twice {
    #[desk(nested)]
    pub a: Env<NoDefault>,
    #[desk(nested)]
    pub b: Vec<Env<NoDefault>>,
}

// A serde default, and a custom rule.
#[derive(Deserialize, desk_schema::Validate)]
pub struct Defaulted {
    #[desk(nested)]
    #[serde(default)]
    pub a: Vec<Env<NoDefault>>,
    #[desk(nested, custom(check = any, description = "any"))]
    pub b: Option<Env<NoDefault>>,
}

fn any(_: &Option<Env<NoDefault>>) -> Result<(), desk_schema::Kind> {
    Ok(())
}

// An enum's newtype and struct variants.
#[derive(Deserialize, desk_schema::Validate)]
pub enum Variants {
    A(#[desk(nested)] Env<NoDefault>),
    B {
        #[desk(nested)]
        b: Env<NoDefault>,
    },
}

// Size rules beside `nested`: each rule's check reads the view of
// `Env<NoDefault>`, whose definition asks no `Default` (it added one error
// at each rule, naming the generated view).
#[derive(Deserialize, desk_schema::Validate)]
pub struct WithRules {
    #[desk(nested, min_items = 1, max_items = 3)]
    pub b: Vec<Env<NoDefault>>,
}

// A generic holder giving its parameter, in two fields and in an enum's
// variants.
#[derive(Deserialize, desk_schema::Validate)]
pub struct PassesOn<T> {
    #[desk(nested)]
    pub a: Env<T>,
    #[desk(nested)]
    pub b: Vec<Env<T>>,
}

#[derive(Deserialize, desk_schema::Validate)]
pub enum PassesOnVariants<T> {
    A(#[desk(nested)] Env<T>),
    B {
        #[desk(nested)]
        b: Env<T>,
    },
}

// A container's `#[serde(default)]`: serde bounds the type itself
// `Default`, which its derived `Default` gives only for a `T: Default`.
#[derive(Deserialize, desk_schema::Validate, Default)]
#[serde(default)]
pub struct Whole<T> {
    #[desk(nested)]
    pub t: Option<T>,
}

#[derive(Deserialize, desk_schema::Validate)]
pub struct PassesOnWhole<T> {
    #[desk(nested)]
    pub w: Whole<T>,
}

fn main() {}
