// A `no_std` crate (with `alloc`) derives: the generated code names `std`
// and `core` through the prelude it imports, not as `::std` (absent there)
// or `::core` (helper-179).
#![no_std]
extern crate alloc;

use alloc::boxed::Box;
use alloc::string::String;
use alloc::vec::Vec;

#[derive(desk_schema::Validate, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct S {
    #[desk(max_bytes = 3)]
    pub name: String,
    #[desk(nested, max_items = 2, unique(by = id))]
    pub items: Vec<Item>,
    #[desk(nested)]
    pub tagged: Option<Box<Tagged>>,
    #[desk(nested)]
    pub either: Either,
}

#[derive(desk_schema::Validate, serde::Deserialize)]
pub struct Item {
    #[desk(max_bytes = 3)]
    pub id: String,
}

#[derive(desk_schema::Validate, serde::Deserialize)]
#[serde(tag = "t", content = "c", deny_unknown_fields)]
pub enum Tagged {
    A(#[desk(range(max = 3))] u8),
    B,
}

#[derive(desk_schema::Validate, serde::Deserialize)]
#[serde(untagged)]
pub enum Either {
    N(#[desk(range(max = 3))] u32),
    S(#[desk(max_bytes = 3)] String),
}

fn main() {
    let text = r#"{"name":"abcd","items":[],"tagged":null,"either":9}"#;
    let report = desk_schema::from_json_str::<S>(text).err().unwrap();
    assert_eq!(report.len(), 2);
}
