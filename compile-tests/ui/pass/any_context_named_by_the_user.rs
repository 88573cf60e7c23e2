// A type of the user's named `AnyContext`, the name the generated code
// gives the context of a type without one: the derive keeps its own name
// for it then, and the user's type is the one the fields name.
// Blanket traits whose methods share the names of the generated calls.
include!("../blanket_traits.in");

use desk_schema::Validate;
use serde::Deserialize;

#[derive(Deserialize, Validate, Debug, PartialEq)]
pub struct AnyContext {
    #[desk(max_bytes = 3)]
    pub a: String,
}

#[derive(Deserialize, Validate, Debug, PartialEq)]
pub struct Holder {
    #[desk(nested)]
    pub inner: AnyContext,
    #[desk(nested)]
    pub more: Vec<AnyContext>,
}

fn main() {
    let report = desk_schema::from_json_str::<Holder>(r#"{"inner":{"a":"abcd"},"more":[{"a":"x"}]}"#)
        .unwrap_err();
    assert_eq!(report.violations()[0].path(), "/inner/a");
    let holder = Holder {
        inner: AnyContext { a: String::from("ok") },
        more: vec![],
    };
    assert!(holder.validate().is_ok());
}
