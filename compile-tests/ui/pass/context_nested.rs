// A type with a context of its own nests in a type that declares the same
// context, which it then receives.
// Blanket traits whose methods share the names of the generated calls.
include!("../blanket_traits.in");

use desk_schema::Validate as _;
use desk_schema::create_group::{CreateGroupRequest, DeskContext};

#[derive(desk_schema::Validate, serde::Deserialize)]
#[desk(context = DeskContext)]
enum Envelope {
    Create(#[desk(nested)] CreateGroupRequest),
    Ping,
}

#[derive(desk_schema::Validate, serde::Deserialize)]
#[desk(context = DeskContext)]
struct Batch {
    #[desk(nested, max_items = 10)]
    requests: Vec<CreateGroupRequest>,
}

fn main() {
    assert!(Envelope::Ping.validate().is_ok());
    assert!(Batch { requests: Vec::new() }.validate().is_ok());
    let report = desk_schema::from_json_str::<Envelope>(r#"{"Create": {"Type": "Public", "Name": "x"}}"#)
        .err()
        .unwrap();
    assert!(report.violations().iter().any(|v| v.path() == "/Create" && v.code() == "required"));
}
