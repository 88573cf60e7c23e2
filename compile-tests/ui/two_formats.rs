use std::collections::BTreeMap;

// JSON Schema's `format` names one format: a second would be lost from the
// schema while Rust checks it.
#[derive(desk_schema::Validate, serde::Deserialize)]
struct Link {
    #[desk(uuid, uri)]
    id: String,
}

#[derive(desk_schema::Validate, serde::Deserialize)]
struct Days {
    #[desk(items(date, date_time))]
    days: Vec<String>,
}

#[derive(desk_schema::Validate, serde::Deserialize)]
struct Hosts {
    #[desk(keys(ipv4), values(ipv6, max_bytes = 39, email))]
    hosts: BTreeMap<String, String>,
}

// Three formats: one error, at the second.
#[derive(desk_schema::Validate, serde::Deserialize)]
struct Contact {
    #[desk(email, uri, uuid)]
    address: String,
}

fn main() {}
