// A type parameter used as a map key needs no bound of the user's beyond
// what the map itself asks (`Ord`, `Eq + Hash`): the derive bounds it as a
// key, and a standard string type passes, also when the parameter is
// checked as a value too.
// Blanket traits whose methods share the names of the generated calls.
include!("../blanket_traits.in");

use std::collections::{BTreeMap, HashMap};

#[derive(desk_schema::Validate, serde::Deserialize, Debug, PartialEq)]
struct Keyed<K: Ord, V> {
    #[desk(nested)]
    entries: BTreeMap<K, V>,
}

#[derive(desk_schema::Validate, serde::Deserialize, Debug, PartialEq)]
struct Hashed<K: Eq + std::hash::Hash> {
    #[desk(nested)]
    deep: Option<Vec<BTreeMap<String, HashMap<K, u8>>>>,
}

#[derive(desk_schema::Validate, serde::Deserialize, Debug, PartialEq)]
struct KeyAndValue<K: Ord> {
    #[desk(nested)]
    entries: BTreeMap<K, u8>,
    #[desk(nested)]
    first: K,
}

// A hasher parameter is no data: bounded by the derive as serde's
// `Deserialize` of the map is (`BuildHasher + Default`, which the type need
// not say), never as a value, nor named in the schema's name.
#[derive(desk_schema::Validate, serde::Deserialize, Debug)]
#[serde(bound(
    deserialize = "K: serde::Deserialize<'de> + Eq + std::hash::Hash, V: serde::Deserialize<'de>, S: std::hash::BuildHasher + Default"
))]
struct WithHasher<K: Eq + std::hash::Hash, V, S: std::hash::BuildHasher> {
    #[desk(nested)]
    entries: HashMap<K, V, S>,
}

// A map's keys are text whatever its values are: `keys(...)` on a map of
// a value parameter, and on a map keyed by a parameter.
#[derive(desk_schema::Validate, serde::Deserialize, Debug, PartialEq)]
struct ByName<K: Ord, T> {
    #[desk(nested, keys(max_bytes = 2))]
    by_name: BTreeMap<String, T>,
    #[desk(nested, keys(one_of("a", "b")))]
    by_key: BTreeMap<K, u8>,
}

#[derive(desk_schema::Validate, serde::Deserialize, Debug, PartialEq)]
struct Leaf {
    #[desk(max_bytes = 3)]
    a: String,
}

#[derive(desk_schema::Validate, serde::Deserialize, Debug, PartialEq)]
struct Holder {
    #[desk(nested)]
    by_string: Keyed<String, Leaf>,
    #[desk(nested)]
    by_box: Keyed<Box<str>, u8>,
    #[desk(nested)]
    hashed: Hashed<String>,
    #[desk(nested)]
    both: KeyAndValue<String>,
}

#[derive(desk_schema::Validate, serde::Deserialize, Debug)]
struct Hashing {
    #[desk(nested)]
    by_hasher: WithHasher<String, Leaf, std::collections::hash_map::RandomState>,
}

fn main() {
    let text = r#"{"by_string":{"entries":{"x":{"a":"abcd"}}},"by_box":{"entries":{}},"hashed":{"deep":[{"k":{"v":1}}]},"both":{"entries":{"b":2},"first":"c"}}"#;
    let report = desk_schema::from_json_str::<Holder>(text).unwrap_err();
    assert_eq!(report.violations()[0].path(), "/by_string/entries/x/a");
    assert_eq!(report.violations().len(), 1);
    let valid = text.replace("abcd", "abc");
    assert!(desk_schema::from_json_str::<Holder>(&valid).is_ok());
    let report = desk_schema::from_json_str::<Hashing>(r#"{"by_hasher":{"entries":{"k":{"a":"long"}}}}"#)
        .unwrap_err();
    assert_eq!(report.violations()[0].path(), "/by_hasher/entries/k/a");
    let text = r#"{"by_name":{"abc":{"a":"abcd"}},"by_key":{"a":1,"c":2}}"#;
    let report = desk_schema::from_json_str::<ByName<Box<str>, Leaf>>(text).unwrap_err();
    let found: Vec<(&str, &str)> =
        Iterator::map(report.violations().iter(), |v| (v.path(), v.code())).collect();
    assert_eq!(
        found,
        [("/by_key/c", "enum"), ("/by_name/abc", "max_bytes"), ("/by_name/abc/a", "max_bytes")]
    );
}
