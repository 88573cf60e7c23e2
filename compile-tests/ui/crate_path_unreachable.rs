// A path that does not reach desk-schema (or, in a crate that reaches it
// only through another, no `crate = "..."` at all): one error for each
// derived type, at the path's one use, the import of the prelude; not one
// at each name the generated code writes (helper-180: fourteen for one
// field before). A module that is not there is said at the path; one that
// is there but is not desk-schema, at the derive.
mod sdk {
    pub mod other {}
}

#[derive(desk_schema::Validate, serde::Deserialize)]
#[desk(crate = "crate::sdk::nope")]
#[serde(deny_unknown_fields, rename_all = "PascalCase")]
struct Group {
    #[desk(max_bytes = 30, printable_ascii)]
    name: String,
    #[desk(range(min = 1, max = 9))]
    #[serde(default)]
    level: Option<u32>,
    #[desk(nested, max_items = 2, unique(by = id))]
    members: Vec<Member>,
}

#[derive(desk_schema::Validate, serde::Deserialize)]
#[desk(crate = "crate::sdk::other")]
struct Member {
    #[desk(min_bytes = 1)]
    id: String,
    #[desk(nested)]
    role: Role,
}

#[derive(desk_schema::Validate, serde::Deserialize)]
#[desk(crate = "crate::sdk::other")]
#[serde(tag = "Type", content = "Value")]
enum Role {
    Admin {
        #[desk(min_bytes = 1)]
        since: String,
    },
    Member(#[desk(range(max = 3))] u8),
}

// Generic: still one (helper-181: `Self::View` in a signature was a second,
// "ambiguous associated type", once the trait could not be found).
#[derive(desk_schema::Validate, serde::Deserialize)]
#[desk(crate = "crate::sdk::other")]
struct Page<X> {
    #[desk(nested)]
    items: Vec<X>,
}

fn main() {}
