// A custom rule's function named through `Self` (an associated function or
// a method, typed or raw, on a generic type): the walk calls the derived
// type's, not that of the view it runs in (helper-165: `Self::f` was looked
// up on a generated type).
use desk_schema::rules::custom::Scope;
use desk_schema::{JsonView, Kind, Validate};

#[derive(desk_schema::Validate, serde::Deserialize)]
#[desk(custom(check = Self::whole, description = "a is not x"))]
pub struct Tagged<T> {
    #[desk(custom(check = Self::field, description = "a is not y"))]
    pub a: String,
    #[desk(nested)]
    pub t: T,
}

impl<T> Tagged<T> {
    fn whole(&self, scope: &mut Scope<'_, '_>) {
        if self.a == "x" {
            scope.push(&[], Kind::custom("whole", "a is x"));
        }
    }

    fn field(a: &String) -> Result<(), Kind> {
        if a == "y" {
            return Err(Kind::custom("field", "a is y"));
        }
        Ok(())
    }
}

#[derive(desk_schema::Validate, serde::Deserialize)]
#[desk(custom(check = Self::whole, check_value = Self::whole_raw, description = "a is not x"))]
pub struct Plain {
    #[desk(max_bytes = 3)]
    pub a: String,
}

impl Plain {
    fn whole(&self, scope: &mut Scope<'_, '_>) {
        if self.a == "x" {
            scope.push(&[], Kind::custom("whole", "a is x"));
        }
    }

    fn whole_raw(view: &<Self as JsonView>::View<'_>, scope: &mut Scope<'_, '_>) {
        if view.a.as_deref() == Some("x") {
            scope.push(&[], Kind::custom("whole", "a is x"));
        }
    }
}

fn main() {
    let text = r#"{"a":"x"}"#;
    let typed: Plain = serde_json::from_str(text).unwrap();
    let Err(report) = desk_schema::from_json_str::<Plain>(text) else {
        panic!("{text}")
    };
    assert_eq!(report, typed.validate().unwrap_err());
    assert_eq!(report.violations().len(), 1, "{report}");

    for (text, codes) in [
        (r#"{"a":"x","t":1}"#, ["whole"].as_slice()),
        (r#"{"a":"y","t":1}"#, ["field"].as_slice()),
    ] {
        let typed: Tagged<u8> = serde_json::from_str(text).unwrap();
        let Err(report) = desk_schema::from_json_str::<Tagged<u8>>(text) else {
            panic!("{text}")
        };
        assert_eq!(report, typed.validate().unwrap_err(), "{text}");
        let found: Vec<&str> = report.violations().iter().map(|v| v.code()).collect();
        assert_eq!(found, codes, "{text}");
    }
    assert!(desk_schema::from_json_str::<Tagged<u8>>(r#"{"a":"z","t":1}"#).is_ok());
}
