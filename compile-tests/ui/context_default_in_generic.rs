// A generic type without a context checks a default over its parameter in
// `()`, its own default context, for its schema: given an argument with a
// context, it is refused, once, in words that name both.
#[derive(Default)]
struct Limits;

#[derive(desk_schema::Validate, serde::Deserialize)]
struct Envelope<T> {
    #[desk(nested, max_items = 3)]
    #[serde(default = "Vec::new")]
    history: Vec<T>,
}

#[derive(desk_schema::Validate, serde::Deserialize)]
#[desk(context = Limits)]
struct Job {
    #[desk(max_bytes = 3)]
    name: String,
}

#[derive(desk_schema::Validate, serde::Deserialize)]
#[desk(context = Limits)]
struct Queue {
    #[desk(nested)]
    jobs: Envelope<Job>,
}

fn main() {}
