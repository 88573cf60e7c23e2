// A type with a context of its own (`CreateGroupRequest` declares
// `#[desk(context = DeskContext)]`) nested in a type without one, or in a
// type with another: one error each, about the context, naming nothing
// generated.
use desk_schema::create_group::CreateGroupRequest;

#[derive(desk_schema::Validate, serde::Deserialize)]
enum Envelope {
    Create(#[desk(nested)] CreateGroupRequest),
    Ping,
}

#[derive(desk_schema::Validate, serde::Deserialize)]
struct Batch {
    #[desk(nested, max_items = 10)]
    requests: Vec<CreateGroupRequest>,
}

#[derive(Default)]
struct Tenant;

#[derive(desk_schema::Validate, serde::Deserialize)]
#[desk(context = Tenant)]
struct PerTenant {
    #[desk(nested)]
    request: CreateGroupRequest,
}

fn main() {}
