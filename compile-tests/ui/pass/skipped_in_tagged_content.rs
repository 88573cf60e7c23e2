// A `#[desk(skip)]` field that names a 128-bit integer where nothing reads
// one (a `PhantomData`, an array's length, a qualified path) is
// fine inside tagged content, directly or in a type the content holds; and
// an externally tagged enum reads a skipped `u128` without a buffer.
// Blanket traits whose methods share the names of the generated calls.
include!("../blanket_traits.in");

use std::marker::PhantomData;

trait Named {
    type Out;
}

impl Named for u128 {
    type Out = String;
}

trait Picks<T> {
    type Out;
}

impl Picks<u128> for u8 {
    type Out = String;
}

#[derive(desk_schema::Validate, serde::Deserialize)]
struct NamesWide {
    #[desk(skip)]
    #[serde(default)]
    marker: PhantomData<u128>,
    #[desk(skip)]
    bytes: [u8; core::mem::size_of::<u128>()],
    #[desk(skip)]
    named: <u128 as Named>::Out,
    #[desk(skip)]
    picked: <u8 as Picks<u128>>::Out,
    #[desk(max_bytes = 3)]
    s: String,
}

#[derive(desk_schema::Validate, serde::Deserialize)]
#[serde(tag = "t")]
enum Internal {
    A {
        #[desk(nested)]
        held: NamesWide,
        #[desk(skip)]
        #[serde(default)]
        marker: PhantomData<i128>,
        #[desk(skip)]
        named: <u128 as Named>::Out,
    },
}

#[derive(desk_schema::Validate, serde::Deserialize)]
enum External {
    A {
        #[desk(skip)]
        n: Box<[u128]>,
    },
}

fn main() {
    let bytes = format!("[{}]", vec!["0"; 16].join(","));
    let text = format!(
        r#"{{"t":"A","held":{{"bytes":{bytes},"named":"x","picked":"p","s":"abc"}},"named":"y"}}"#
    );
    assert!(desk_schema::from_json_str::<Internal>(&text).is_ok());
    let long = text.replace("abc", "abcd");
    assert!(desk_schema::from_json_str::<Internal>(&long).is_err());
    let external: External = desk_schema::from_json_str(r#"{"A":{"n":[1,2]}}"#).unwrap();
    let External::A { n } = external;
    assert_eq!(&*n, &[1, 2]);
}
