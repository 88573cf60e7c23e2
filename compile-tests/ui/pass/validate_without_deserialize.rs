// Types that derive `Validate` and not `Deserialize`: the typed check, the
// walk of raw JSON and the schema read an absent `Option` as serde's
// `Option` would (`None`), and any other absent field as required.
// Blanket traits whose methods share the names of the generated calls.
include!("../blanket_traits.in");

use desk_schema::Validate;

#[derive(Validate)]
pub struct Inner {
    #[desk(max_bytes = 4)]
    pub a: String,
}

#[derive(Validate)]
pub struct Outer {
    #[desk(nested)]
    pub maybe: Option<Inner>,
    #[desk(nested, max_items = 2)]
    pub many: Vec<Inner>,
}

fn main() {
    let typed = Outer {
        maybe: Some(Inner { a: String::from("too long") }),
        many: Vec::new(),
    };
    let report = typed.validate().unwrap_err();
    assert_eq!(report.violations().len(), 1);
    assert_eq!(report.violations()[0].path(), "/maybe/a");

    let raw = serde_json::from_str::<serde_json::Value>(r#"{"many": [{"a": "12345"}]}"#).unwrap();
    let report = desk_schema::validate_value::<Outer>(&raw).unwrap_err();
    let paths: Vec<&str> = Iterator::map(report.violations().iter(), |v| v.path()).collect();
    assert_eq!(paths, ["/many/0/a"]);

    let report = desk_schema::validate_value::<Outer>(&serde_json::from_str::<serde_json::Value>("{}").unwrap()).unwrap_err();
    let paths: Vec<&str> = Iterator::map(report.violations().iter(), |v| v.path()).collect();
    assert_eq!(paths, [""]);
    assert!(format!("{report}").contains("\"many\""));

    let schema = serde_json::to_value(desk_schema::schema_for::<Outer>()).unwrap();
    assert_eq!(schema["required"], serde_json::Value::from(["many"]));
}
