// What the refusals of a skipped newtype field advise
// (`newtype_serde_skip.rs`): the field named, in a struct and in a variant.
#[derive(desk_schema::Validate, serde::Deserialize)]
struct Level {
    #[serde(skip)]
    value: u8,
}

#[derive(desk_schema::Validate, serde::Deserialize)]
enum External {
    A {
        #[serde(skip)]
        value: u8,
    },
    B {
        #[desk(max_bytes = 2)]
        s: String,
    },
}

fn main() {
    let level: Level = desk_schema::from_json_str("{}").unwrap();
    assert_eq!(level.value, 0);
    assert!(desk_schema::from_json_str::<Level>("7").is_err());
    let a: External = desk_schema::from_json_str(r#"{"A":{}}"#).unwrap();
    assert!(matches!(a, External::A { value: 0 }));
    assert!(desk_schema::from_json_str::<External>(r#"{"B":{"s":"abc"}}"#).is_err());
}
