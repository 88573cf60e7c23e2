// A field type that does not resolve (a typo, a missing import): rustc's own
// error at the field, once, as with serde's derive alone; none more from the
// code the derive writes around it (helper-181: five errors for two typos,
// one of them naming the first type at the second's place).
mod shapes {}

#[derive(desk_schema::Validate, serde::Deserialize)]
struct Typos {
    #[desk(max_bytes = 3)]
    name: Strin,
    #[desk(nested)]
    inner: Nope,
    #[desk(nested)]
    list: Vec<shapes::Item>,
}

#[derive(desk_schema::Validate, serde::Deserialize)]
#[serde(tag = "t")]
enum Choice {
    A {
        #[desk(range(max = 3))]
        n: u33,
    },
    B {
        #[desk(nested)]
        inner: Nope,
    },
}

// The same inside a generic wrapper: rustc's error there once per typo, as
// serde's alone (the gate's functions had their names at the field, and
// rustc suggested a type parameter after it: `Option<Strin<Strin>>`, one
// error more).
#[derive(desk_schema::Validate, serde::Deserialize)]
struct Wrapped {
    #[desk(max_bytes = 3)]
    maybe: Option<Strin>,
    #[desk(nested)]
    many: Vec<Option<Nope>>,
}

// And in a derived generic type's argument: the gate's alias was defined at
// the field, and rustc suggested `Env<Strin><Strin>` (one error more).
#[derive(desk_schema::Validate, serde::Deserialize)]
struct Env<T> {
    #[desk(nested)]
    data: T,
}

#[derive(desk_schema::Validate, serde::Deserialize)]
struct HoldsEnv {
    #[desk(nested)]
    env: Env<Strin>,
}

fn main() {}
