// A type that needs a context (`Leaf`, `context = Limits`) held through a
// generic type without one, in a type without one: the error names the
// context the holder is checked in as `AnyContext` (it was the generated
// `__DeskC`), and says to declare the context on the holders. It is said
// twice, the second time at the walk's own bound (`slot`): one error is
// still to do.
use desk_schema::Validate;
use serde::Deserialize;

#[derive(Default)]
pub struct Limits {
    pub max: usize,
}

fn short(a: &String, limits: &Limits) -> Result<(), desk_schema::Kind> {
    if a.len() > limits.max {
        Err(desk_schema::Kind::custom("long", "too long"))
    } else {
        Ok(())
    }
}

#[derive(Deserialize, Validate)]
#[desk(context = Limits)]
pub struct Leaf {
    #[desk(custom(check = short, description = "short"))]
    pub a: String,
}

#[derive(Deserialize, Validate)]
pub struct Wrapper<T> {
    #[desk(nested)]
    pub inner: T,
}

#[derive(Deserialize, Validate)]
pub struct Top {
    #[desk(nested)]
    pub w: Wrapper<Leaf>,
}

fn main() {}
