//! `nested` over the shapes the gate rewrites, compiled with the user's
//! strictest lints: `Self` in a field, lifetimes (the type's and
//! `'static`), a hasher, a generic type with arguments, a `Box`.
#![deny(warnings, unreachable_pub, missing_docs, unused_qualifications)]
// Blanket traits whose methods share the names of the generated calls.
include!("../blanket_traits.in");


use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::hash::RandomState;

use desk_schema::Validate;
use serde::Deserialize;

/// An item.
#[derive(Debug, Default, Deserialize, Validate, PartialEq, Eq, Hash)]
#[serde(deny_unknown_fields)]
pub struct Item {
    /// Its name.
    #[desk(max_bytes = 3)]
    pub name: String,
}

/// A tree that names itself as `Self`.
#[derive(Debug, Deserialize, Validate)]
pub struct Tree {
    /// Its children.
    #[desk(nested, max_items = 2)]
    pub kids: Vec<Self>,
    /// The next one.
    #[desk(nested)]
    pub next: Option<Box<Self>>,
}

/// A type that borrows.
#[derive(Debug, Deserialize, Validate)]
pub struct Borrowed<'a> {
    /// Borrowed text.
    #[serde(borrow)]
    #[desk(max_bytes = 5)]
    pub text: Cow<'a, str>,
    /// Items.
    #[desk(nested)]
    pub items: Vec<Item>,
}

/// A type that holds one that borrows, and static text.
#[derive(Debug, Deserialize, Validate)]
pub struct Holder<'a> {
    /// What it holds.
    #[serde(borrow)]
    #[desk(nested)]
    pub borrowed: Borrowed<'a>,
    /// Static text.
    #[desk(nested)]
    pub fixed: Cow<'static, str>,
    /// A boxed item.
    #[desk(nested)]
    pub boxed: Box<Item>,
}

/// One type that borrows, twice, with two lifetimes.
#[derive(Debug, Deserialize, Validate)]
pub struct TwoLifetimes<'a, 'b> {
    /// The first.
    #[serde(borrow)]
    #[desk(nested)]
    pub first: Borrowed<'a>,
    /// The second.
    #[serde(borrow)]
    #[desk(nested)]
    pub second: Borrowed<'b>,
}

/// A generic tree whose children have a serde default (serde's impl then
/// asks `T: Default`).
#[derive(Debug, Deserialize, Validate)]
pub struct GenericTree<T> {
    /// Its value.
    #[desk(nested)]
    pub value: T,
    /// Its children.
    #[serde(default)]
    #[desk(nested)]
    pub kids: Vec<Self>,
}

/// A map and a set with their hasher named.
#[derive(Debug, Deserialize, Validate)]
pub struct Hashed {
    /// By name.
    #[desk(nested)]
    pub by_name: HashMap<String, Item, RandomState>,
    /// A set.
    #[desk(nested)]
    pub set: HashSet<Item, RandomState>,
}

/// A generic type.
#[derive(Debug, Deserialize, Validate)]
pub struct Pair<T> {
    /// Its value.
    #[desk(nested)]
    pub value: T,
}

/// A generic type whose nested fields name its parameter.
#[derive(Debug, Deserialize, Validate)]
pub struct Page<T> {
    /// Pairs of `T`.
    #[desk(nested, max_items = 2)]
    pub pairs: Vec<Pair<T>>,
    /// Maybe a `T`.
    #[desk(nested)]
    pub one: Option<T>,
}

/// A generic type with arguments, in a field.
#[derive(Debug, Deserialize, Validate)]
pub struct Pairs {
    /// Pairs of items.
    #[desk(nested, max_items = 3)]
    pub pairs: Vec<Pair<Item>>,
}

/// A recursive item type compared whole: exact at every depth, so `unique`
/// on a list of it compiles, and repeats are found.
#[derive(desk_schema::Validate, serde::Deserialize, PartialEq, Eq, Hash)]
#[serde(deny_unknown_fields)]
pub struct Exact {
    #[desk(max_bytes = 3)]
    name: String,
    #[desk(nested, unique)]
    kids: Vec<Exact>,
}

/// A list of [`Exact`] trees, none repeated.
#[derive(desk_schema::Validate, serde::Deserialize)]
pub struct Forest {
    #[desk(nested, unique)]
    trees: Vec<Exact>,
}

fn main() {
    let forest = r#"{"trees":[{"name":"a","kids":[]},{"name":"a","kids":[]}]}"#;
    let Err(report) = desk_schema::from_json_str::<Forest>(forest) else {
        panic!("the repeated tree is found");
    };
    assert_eq!(report.violations()[0].path(), "/trees/1");
    let tree: Tree = desk_schema::from_json_str(r#"{"kids":[{"kids":[],"next":null}],"next":null}"#).unwrap();
    assert!(tree.validate().is_ok());
    let report = desk_schema::from_json_str::<Tree>(r#"{"kids":[{"kids":[],"next":null},{"kids":[],"next":null},{"kids":[],"next":null}],"next":null}"#).unwrap_err();
    assert_eq!(report.violations()[0].path(), "/kids");
    let pairs: Pairs = desk_schema::from_json_str(r#"{"pairs":[{"value":{"name":"abc"}}]}"#).unwrap();
    assert!(pairs.validate().is_ok());
    let report = desk_schema::from_json_str::<Pairs>(r#"{"pairs":[{"value":{"name":"abcd"}}]}"#).unwrap_err();
    assert_eq!(report.violations()[0].path(), "/pairs/0/value/name");
    let report = desk_schema::from_json_str::<Page<Item>>(
        r#"{"pairs":[{"value":{"name":"a"}},{"value":{"name":"b"}},{"value":{"name":"toolong"}}],"one":null}"#,
    )
    .unwrap_err();
    let paths: Vec<&str> = Iterator::map(report.violations().iter(), |v| v.path()).collect();
    assert_eq!(paths, ["/pairs", "/pairs/2/value/name"]);
    let report = desk_schema::from_json_str::<GenericTree<Item>>(
        r#"{"value":{"name":"a"},"kids":[{"value":{"name":"long"}}]}"#,
    )
    .unwrap_err();
    assert_eq!(report.violations()[0].path(), "/kids/0/value/name");
    let schema = desk_schema::schema_for::<GenericTree<Item>>();
    assert!(serde_json::to_string(schema.as_value()).unwrap().contains("kids"));
}
