// `unique` over generic types that hold others over their parameters: a
// map keyed by a parameter passed on, and a parameter's associated type
// passed on (its bound written by the user, as reading it asks). Each type's
// `JsonEq` is proved from the bounds reading it needs (`JsonView: JsonEq`),
// and a build (not only a check) gives every path's answer.
use std::collections::BTreeMap;

use desk_schema::{KeyParam, Validate, ValidateIn};
use serde::Deserialize;
use serde::de::DeserializeOwned;

pub trait Family {
    type Member;
}

#[derive(Debug, PartialEq, Validate, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Job {
    #[desk(max_bytes = 3)]
    name: String,
}

#[derive(Debug, PartialEq, Validate, Deserialize)]
pub enum Jobs {
    X,
}

impl Family for Jobs {
    type Member = Job;
}

#[derive(Debug, PartialEq, Validate, Deserialize)]
#[serde(deny_unknown_fields, bound = "T::Member: Deserialize<'de>")]
pub struct Bag<T: Family>
where
    T::Member: std::fmt::Debug + PartialEq,
{
    #[desk(nested)]
    items: Vec<T::Member>,
}

#[derive(Default)]
pub struct Limits;

#[derive(Debug, PartialEq, Validate, Deserialize)]
#[desk(context = Limits)]
#[serde(
    deny_unknown_fields,
    bound = "T: DeserializeOwned, T::Member: DeserializeOwned"
)]
pub struct Holder<T: Family>
where
    T::Member: std::fmt::Debug
        + PartialEq
        + ValidateIn<Limits>
        + DeserializeOwned
        + desk_schema::schemars::JsonSchema,
{
    #[desk(nested)]
    bag: Bag<T>,
}

#[derive(Debug, PartialEq, Validate, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Keyed<K: Ord, V> {
    #[desk(nested)]
    entries: BTreeMap<K, V>,
}

#[derive(Debug, PartialEq, Validate, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Outer<K: Ord + KeyParam> {
    #[desk(nested)]
    keyed: Keyed<K, u8>,
}

#[derive(Debug, PartialEq, Validate, Deserialize)]
#[desk(context = Limits)]
pub struct Lists {
    #[desk(nested, unique)]
    holders: Vec<Holder<Jobs>>,
    #[desk(nested, unique)]
    outers: Vec<Outer<String>>,
}

fn main() {
    let text = r#"{"holders":[{"bag":{"items":[{"name":"a"}]}},{"bag":{"items":[{"name":"a"}]}}],"outers":[{"keyed":{"entries":{"a":1}}},{"keyed":{"entries":{"a":1}}}]}"#;
    let paths = |r: desk_schema::Report| r.iter().map(|v| v.path().to_owned()).collect::<Vec<_>>();
    let expected = ["/holders/1", "/outers/1"];
    assert_eq!(
        paths(desk_schema::from_json_str::<Lists>(text).unwrap_err()),
        expected
    );
    let value: serde_json::Value = serde_json::from_str(text).unwrap();
    assert_eq!(
        paths(desk_schema::validate_value::<Lists>(&value).unwrap_err()),
        expected
    );
    let typed: Lists = serde_json::from_str(text).unwrap();
    assert_eq!(paths(typed.validate().unwrap_err()), expected);
}
