#[derive(desk_schema::Validate, serde::Deserialize)]
struct T {
    #[desk(range(min = 300))]
    small: u8,
    #[desk(range(min = -1, max = 10))]
    count: Option<u32>,
    #[desk(items(range(max = 70000)))]
    ports: Vec<u16>,
}
// A float's bounds: those every path reads alike (below 2^23 for an `f32`,
// 2^53 for an `f64`).
#[derive(desk_schema::Validate, serde::Deserialize)]
struct Price {
    #[desk(range(min = 0, max = 16777215))]
    single: f32,
    #[desk(range(max = 9007199254740992))]
    double: Option<f64>,
    #[desk(range(min = -8388608, max = 8388607))]
    edge: f32,
    #[desk(range(min = -9007199254740991, max = 9007199254740991))]
    exact: f64,
}

fn main() {}
// Both bounds outside: one error for the one rule.
#[derive(desk_schema::Validate, serde::Deserialize)]
struct Both {
    #[desk(range(min = -1, max = 256))]
    level: u8,
}
// A generic type keeps the compile-time assertion (one error, and the type
// still has its impls, so its uses do not fail too).
#[derive(desk_schema::Validate, serde::Deserialize)]
struct Generic<T> {
    #[desk(nested)]
    inner: T,
    #[desk(range(min = -1))]
    count: u32,
}
fn uses() {
    let _ = desk_schema::from_json_str::<Generic<u8>>("{}");
}
// Where the derive cannot read the number type (an alias, in `values(...)` too),
// the assertion says the same as the derive: a float's bounds, or the
// integer type's.
type Single = f32;
type Byte = u8;
type Double = f64;
#[derive(desk_schema::Validate, serde::Deserialize)]
struct Unread {
    #[desk(range(max = 16777215))]
    single: Single,
    #[desk(values(range(min = -9007199254740992)))]
    doubles: std::collections::BTreeMap<String, Double>,
    #[desk(range(max = 256))]
    byte: Byte,
}
// A type written by a path, whose last name is a standard one, is not read
// by that name (`fields::Option<u32>` is an `f32` here), in `items(...)` too.
trait Picks {
    type Out;
}
impl Picks for u32 {
    type Out = f32;
}
mod fields {
    pub type Option<T> = <T as super::Picks>::Out;
    pub type Vec<T> = std::vec::Vec<<T as super::Picks>::Out>;
}
#[derive(desk_schema::Validate, serde::Deserialize)]
struct ByPath {
    #[desk(range(max = 16777219))]
    single: fields::Option<u32>,
    #[desk(items(range(max = 16777219)))]
    singles: fields::Vec<u32>,
}
