// `unique(by = key)` on a float key: Rust's floats are neither `Eq` nor
// `Hash`, and JSON Schema compares numbers by value. One error each, the
// rule's own, not rustc's about `Hash` and `Eq` on every path too. A key
// of a derived type without `Eq` or `Hash` (`Code`, `Color`) is no error:
// `unique` compares keys and items by their JSON (`JsonEq`), never by the
// type's own equality.
#[derive(desk_schema::Validate, serde::Deserialize)]
struct Item {
    #[desk(range(max = 10))]
    f: f64,
    #[desk(range(max = 10))]
    g: Option<f32>,
    #[desk(nested)]
    code: Code,
    #[desk(range(max = 10))]
    deep: Option<Option<f64>>,
    #[desk(items(range(max = 10)))]
    many: Vec<f64>,
}

#[derive(desk_schema::Validate, serde::Deserialize, PartialEq, Eq)]
struct Code(#[desk(max_bytes = 4)] String);

#[derive(desk_schema::Validate, serde::Deserialize)]
struct ByF {
    #[desk(nested, unique(by = f))]
    items: Vec<Item>,
}

#[derive(desk_schema::Validate, serde::Deserialize)]
struct ByG {
    #[desk(nested, unique(by = g))]
    items: Vec<Item>,
}

#[derive(desk_schema::Validate, serde::Deserialize)]
struct ByCode {
    #[desk(nested, unique(by = code))]
    items: Vec<Item>,
}

#[derive(desk_schema::Validate, serde::Deserialize)]
struct ByDeep {
    #[desk(nested, unique(by = deep))]
    items: Vec<Item>,
}

#[derive(desk_schema::Validate, serde::Deserialize)]
struct ByMany {
    #[desk(nested, unique(by = many))]
    items: Vec<Item>,
}

// Types of one's own with a float field, and a map of floats, as keys and
// as whole items: the rule's one error too.
#[derive(desk_schema::Validate, serde::Deserialize, PartialEq)]
struct Level(#[desk(range(max = 3))] f64);

#[derive(desk_schema::Validate, serde::Deserialize, PartialEq)]
struct Point {
    #[desk(range(max = 3))]
    x: f64,
}

#[derive(desk_schema::Validate, serde::Deserialize)]
struct Placed {
    #[desk(nested)]
    level: Level,
    #[desk(nested)]
    point: Point,
    #[desk(nested)]
    weights: std::collections::BTreeMap<String, f64>,
}

#[derive(desk_schema::Validate, serde::Deserialize)]
struct ByOwn {
    #[desk(nested, unique(by = level))]
    by_level: Vec<Placed>,
    #[desk(nested, unique(by = point))]
    by_point: Vec<Placed>,
    #[desk(nested, unique(by = weights))]
    by_weights: Vec<Placed>,
    #[desk(nested, unique)]
    levels: Vec<Level>,
    #[desk(nested, unique)]
    points: Option<Vec<Point>>,
    #[desk(unique)]
    floats: Vec<f64>,
}

// A float read whole (`#[desk(skip)]`): the rule's one error too.
#[derive(desk_schema::Validate, serde::Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
struct Sample {
    #[desk(range(max = 100))]
    id: u32,
    #[desk(skip)]
    x: f64,
}

#[derive(desk_schema::Validate, serde::Deserialize)]
struct Samples {
    #[desk(nested, unique)]
    items: Vec<Sample>,
}

// Fine: a lifetime named `'f64` is no float.
#[derive(desk_schema::Validate, serde::Deserialize, PartialEq, Eq, Hash)]
#[serde(deny_unknown_fields)]
struct Tag<'f64> {
    #[serde(borrow)]
    #[desk(max_bytes = 10)]
    name: std::borrow::Cow<'f64, str>,
}

// A unit enum without `Eq` or `Hash`, as a key and as whole items: one
// error each, in words.
#[derive(desk_schema::Validate, serde::Deserialize)]
enum Color {
    Red,
    Green,
}

#[derive(desk_schema::Validate, serde::Deserialize)]
struct Painted {
    #[desk(nested)]
    color: Color,
}

#[derive(desk_schema::Validate, serde::Deserialize)]
struct ByColor {
    #[desk(nested, unique(by = color))]
    items: Vec<Painted>,
}

#[derive(desk_schema::Validate, serde::Deserialize)]
struct Colors {
    #[desk(nested, unique)]
    items: Vec<Color>,
}

fn main() {}
