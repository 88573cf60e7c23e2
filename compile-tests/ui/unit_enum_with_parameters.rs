// A lifetime or type parameter that no field's type names: rustc refuses it
// ("never used"), and that is the mistake's one error; the derive adds none
// of its own. (It wrote a unit enum's impls without the enum's generics:
// "missing generics for enum", twice, with advice to write `Typed<T><T>`;
// and for other shapes, "type annotations needed".)
#[derive(desk_schema::Validate)]
pub enum Typed<T> {
    First,
    Second,
}

#[derive(desk_schema::Validate)]
pub enum Borrowing<'a> {
    Only,
}

#[derive(desk_schema::Validate)]
pub struct Empty<T> {}

#[derive(desk_schema::Validate)]
pub struct Half<T, U> {
    #[desk(nested, max_items = 2)]
    pub items: Vec<T>,
}

fn main() {}
