// A type of the user's that goes by a standard type's name, and derives
// `Validate`, still needs `nested`: one error, as for any other name.
mod own {
    #[derive(desk_schema::Validate, serde::Deserialize)]
    pub struct String {
        #[desk(max_bytes = 3)]
        pub s: std::string::String,
    }
}
use own::String;

#[derive(desk_schema::Validate, serde::Deserialize)]
struct T {
    #[desk(min_items = 1)]
    names: Vec<String>,
}

fn main() {}
