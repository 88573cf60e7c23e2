// What a `#[desk(skip)]` field's probes must not take for a refused type:
// a trait of the user's in scope with methods of any name on every type
// (the probes' own methods are named apart), a key type of the user's
// named like a standard one (`my::Duration`: rustc is asked, not the
// name), a type of the user's named like a standard map (`my::HashMap<u8,
// _>`: its first argument is no key; an alias of that name keyed by
// `String`, `aliases::HashMap<u8>`), and wrapped string keys (`Option<String>`, `Reverse<String>`),
// which serde reads as the text they are. Each compiles, and agrees.
#![allow(dead_code)]
// Blanket traits whose methods share the names of the generated calls.
include!("../blanket_traits.in");

use std::collections::{BTreeMap, HashMap};

pub trait Describe {
    fn schema(&self) -> u8 {
        0
    }
    fn schema_within(&self) -> u8 {
        0
    }
    fn width(&self) -> u8 {
        0
    }
    fn key(&self) -> u8 {
        0
    }
}
impl<T: ?Sized> Describe for T {}

mod my {
    #[derive(serde::Deserialize, PartialEq, Eq, Hash, PartialOrd, Ord)]
    pub struct Duration(pub String);

    // Named like a standard map, and no map: its first argument is no key.
    #[derive(serde::Deserialize)]
    pub struct HashMap<K, V> {
        pub k: K,
        pub v: V,
    }

    impl<K, V> desk_schema::schemars::JsonSchema for HashMap<K, V> {
        fn schema_name() -> std::borrow::Cow<'static, str> {
            "MyHashMap".into()
        }
        fn json_schema(
            _: &mut desk_schema::schemars::SchemaGenerator,
        ) -> desk_schema::schemars::Schema {
            desk_schema::schemars::Schema::default()
        }
    }

    // Any text, as serde reads it (desk-schema re-exports schemars).
    impl desk_schema::schemars::JsonSchema for Duration {
        fn schema_name() -> std::borrow::Cow<'static, str> {
            "MyDuration".into()
        }
        fn json_schema(
            generator: &mut desk_schema::schemars::SchemaGenerator,
        ) -> desk_schema::schemars::Schema {
            <String as desk_schema::schemars::JsonSchema>::json_schema(generator)
        }
    }
}

type Spans = Vec<u8>;

// An alias named like a standard map whose first argument is no key.
mod aliases {
    pub type HashMap<V> = std::collections::HashMap<String, V>;
}

#[derive(desk_schema::Validate, serde::Deserialize)]
struct Plain {
    #[desk(skip)]
    a: u8,
    #[desk(skip)]
    b: Vec<String>,
    #[desk(skip)]
    c: Spans,
    #[desk(skip)]
    by_duration: HashMap<my::Duration, u8>,
    #[desk(skip)]
    by_option: HashMap<Option<String>, u8>,
    #[desk(skip)]
    by_reverse: BTreeMap<std::cmp::Reverse<String>, u8>,
    #[desk(skip)]
    mine: my::HashMap<u8, String>,
    #[desk(skip)]
    by_name: aliases::HashMap<u8>,
}

#[derive(desk_schema::Validate, serde::Deserialize)]
#[serde(tag = "t")]
enum Tagged {
    A {
        #[desk(skip)]
        a: Vec<String>,
    },
}

fn main() {
    let report = desk_schema::from_json_str::<Plain>(
        r#"{"a":1,"b":[],"c":[],"by_duration":{"01":1,"x y":2},"by_option":{"null":1},"by_reverse":{"":1},"mine":{"k":1,"v":"x"},"by_name":{"x":1}}"#,
    );
    assert!(report.is_ok());
    assert!(desk_schema::from_json_str::<Tagged>(r#"{"t":"A","a":["x"]}"#).is_ok());
}
