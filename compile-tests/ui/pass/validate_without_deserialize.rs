// Types that derive `Validate` and not `Deserialize`: the typed check, the
// walk of raw JSON and the schema read an absent `Option` as serde's
// `Option` would (`None`), and any other absent field as required.
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
        maybe: Some(Inner { a: "too long".into() }),
        many: Vec::new(),
    };
    let report = typed.validate().unwrap_err();
    assert_eq!(report.len(), 1);
    assert_eq!(report.iter().next().unwrap().path(), "/maybe/a");

    let raw = serde_json::json!({ "many": [{ "a": "12345" }] });
    let report = desk_schema::validate_value::<Outer>(&raw).unwrap_err();
    let paths: Vec<&str> = report.iter().map(|v| v.path()).collect();
    assert_eq!(paths, ["/many/0/a"]);

    let report = desk_schema::validate_value::<Outer>(&serde_json::json!({})).unwrap_err();
    let paths: Vec<&str> = report.iter().map(|v| v.path()).collect();
    assert_eq!(paths, [""]);
    assert!(report.to_string().contains("\"many\""));

    let schema = serde_json::to_value(desk_schema::schema_for::<Outer>()).unwrap();
    assert_eq!(schema["required"], serde_json::json!(["many"]));
}
