// A mistake inside a type is one error there: its uses elsewhere (here a
// `unique(by)` key and a call) still compile.
#[derive(desk_schema::Validate, serde::Deserialize)]
struct Member {
    id: String,
    #[desk(max_bytes = 3)]
    name: String,
}
#[derive(desk_schema::Validate, serde::Deserialize)]
struct Team {
    #[desk(nested, unique(by = id))]
    members: Vec<Member>,
}
fn main() {
    let _ = desk_schema::from_json_str::<Team>("{}");
}
