// Rules, keys and fields that reach `#[desk(...)]` through `macro_rules!`
// fragments: the generated code written at them still resolves as the
// derive's (its locals are not hidden by the macro's hygiene).
// Blanket traits whose methods share the names of the generated calls.
include!("../blanket_traits.in");

#[derive(desk_schema::Validate, serde::Deserialize, PartialEq, Eq, Hash)]
#[serde(deny_unknown_fields)]
enum Color {
    Red,
    Blue,
}

macro_rules! whole_list {
    ($name:ident, $mode:ident, $rule:ident) => {
        #[derive(desk_schema::Validate, serde::Deserialize)]
        struct $name {
            #[desk($mode, $rule)]
            list: Vec<Color>,
        }
    };
}
whole_list!(Colors, nested, unique);

macro_rules! keyed_list {
    ($limit:ident = $n:literal, $key:ident, $field:ident: $ty:ty) => {
        #[derive(desk_schema::Validate, serde::Deserialize)]
        struct Group {
            #[desk($limit = $n)]
            $field: $ty,
            #[desk(nested, unique(by = $key), custom(check = none_empty, description = "no empty key"))]
            members: Vec<Member>,
        }
        #[derive(desk_schema::Validate, serde::Deserialize)]
        struct Member {
            #[desk(max_bytes = 3)]
            $key: String,
        }
        fn none_empty(members: &Vec<Member>) -> Result<(), desk_schema::Kind> {
            if <[Member]>::iter(members).any(|m| m.$key.is_empty()) {
                return Err(desk_schema::Kind::custom("empty_key", "an empty key"));
            }
            Ok(())
        }
    };
}
keyed_list!(max_bytes = 3, id, name: String);

// Every kind of rule place through a `tt` fragment: a struct's field, a
// variant's field, beside `items`/`keys`/`values`, `skip`, a message, a
// context and a struct-level custom rule.
pub struct Ctx {
    pub banned: Vec<String>,
}

impl Default for Ctx {
    fn default() -> Self {
        Ctx { banned: vec![String::from("x")] }
    }
}

macro_rules! shapes {
    ($($rules:tt)*) => {
        #[derive(desk_schema::Validate, serde::Deserialize)]
        #[desk(context = Ctx, custom(check = whole, description = "no banned name"))]
        #[serde(deny_unknown_fields)]
        pub struct Form {
            #[desk($($rules)*)]
            pub name: String,
            #[desk(items(max_bytes = 2), max_items = 2)]
            pub tags: Vec<String>,
            #[desk(keys(max_bytes = 2), values(range(max = 5)))]
            pub scores: std::collections::BTreeMap<String, u8>,
            #[desk(nested)]
            pub choice: Choice,
            #[desk(skip)]
            #[serde(default)]
            pub extra: Option<u32>,
            #[desk(max_bytes = 4, message(en = "too long", zh_cn = "太长"))]
            pub note: String,
        }

        #[derive(desk_schema::Validate, serde::Deserialize)]
        #[serde(tag = "t", content = "c", deny_unknown_fields)]
        #[desk(context = Ctx)]
        pub enum Choice {
            A {
                #[desk($($rules)*)]
                s: String,
            },
            B(#[desk(range(max = 3))] u8),
        }

        fn whole(form: &Form, ctx: &Ctx, scope: &mut desk_schema::Scope<'_, '_>) {
            if ctx.banned.contains(&form.name) {
                scope.push(
                    &[desk_schema::Seg::Key("name")],
                    desk_schema::Kind::custom("banned", "a banned name"),
                );
            }
        }
    };
}
shapes!(max_bytes = 3, printable_ascii);

// A struct-level rule's functions (typed and raw) and a serde default
// function given as fragments: the call written at the function's name
// still finds `self` and the derive's locals (helper-163: the span taken
// whole looked them up in the macro).
macro_rules! ruled {
    ($check:path, $check_value:path, $default:literal, $n:literal) => {
        #[derive(desk_schema::Validate, serde::Deserialize)]
        #[desk(custom(check = $check, description = "a and b differ"))]
        pub struct Pair {
            #[desk(max_bytes = $n)]
            pub a: String,
            #[desk(max_bytes = $n)]
            #[serde(default = $default)]
            pub b: String,
        }

        #[derive(desk_schema::Validate, serde::Deserialize)]
        #[desk(custom(check = $check, check_value = $check_value, description = "a and b differ"))]
        pub struct RawPair {
            #[desk(max_bytes = $n)]
            pub a: String,
            #[desk(max_bytes = $n)]
            #[serde(default = $default)]
            pub b: String,
        }
    };
}

fn b_default() -> String {
    String::from("d")
}

fn differ<T: AsPair>(value: &T, scope: &mut desk_schema::Scope<'_, '_>) {
    let (a, b) = value.pair();
    if a != b {
        scope.push(&[], desk_schema::Kind::custom("differ", "a and b differ"));
    }
}

fn differ_raw(
    view: &<RawPair as desk_schema::JsonView>::View<'_>,
    scope: &mut desk_schema::Scope<'_, '_>,
) {
    if let (Some(a), Some(b)) = (&view.a, &view.b) {
        if a != b {
            scope.push(&[], desk_schema::Kind::custom("differ", "a and b differ"));
        }
    }
}

trait AsPair {
    fn pair(&self) -> (&str, &str);
}

impl AsPair for Pair {
    fn pair(&self) -> (&str, &str) {
        (&self.a, &self.b)
    }
}

impl AsPair for RawPair {
    fn pair(&self) -> (&str, &str) {
        (&self.a, &self.b)
    }
}

ruled!(differ, differ_raw, "b_default", 2);

// A field type written as a macro in a type with a lifetime: the macro
// may name the lifetime, which its tokens do not show, so the derive's
// compile-time assertions outside the impls leave it to them.
macro_rules! cow {
    () => { std::borrow::Cow<'a, str> };
}

#[derive(desk_schema::Validate, serde::Deserialize)]
struct Borrowing<'a> {
    #[desk(max_bytes = 8)]
    name: cow!(),
}

// A field type written as a macro called with braces (`m!{I}`): the
// derive's compile-time assertions quote the type in their messages, which
// must not be read as format strings (helper-181: "invalid format string").
macro_rules! braced {
    ($t:ty) => { $t };
}

#[derive(desk_schema::Validate, serde::Deserialize)]
struct Wrapper<X> {
    #[desk(nested)]
    x: X,
}

#[derive(desk_schema::Validate, serde::Deserialize)]
struct Inner {
    #[desk(max_bytes = 3)]
    s: String,
}

#[derive(desk_schema::Validate, serde::Deserialize)]
struct Braced {
    #[desk(nested)]
    a: Wrapper<braced! {Inner}>,
    #[desk(nested)]
    b: Wrapper<braced! { Wrapper<Inner> }>,
}

fn main() {
    assert!(desk_schema::from_json_str::<Borrowing<'_>>(r#"{"name":"ok"}"#).is_ok());
    let braced = r#"{"a":{"x":{"s":"abcd"}},"b":{"x":{"x":{"s":"ab"}}}}"#;
    let Err(report) = desk_schema::from_json_str::<Braced>(braced) else {
        panic!("a byte limit")
    };
    assert_eq!(
        format!("{report}"),
        "/a/x/s: 4 bytes in UTF-8 (4 characters); at most 3 bytes"
    );
    use desk_schema::Validate as _;
    let colors = Colors { list: vec![Color::Red, Color::Blue, Color::Red] };
    assert_eq!(
        format!("{}", colors.validate().unwrap_err()),
        "/list/2: same value as the 1st item (index 0); items must be unique"
    );
    let text = r#"{"list":["Red","Blue","Red"]}"#;
    let Err(report) = desk_schema::from_json_str::<Colors>(text) else {
        panic!("a repeat")
    };
    assert_eq!(report, colors.validate().unwrap_err());

    let member = |id: &str| Member { id: String::from(id) };
    let typed = Group {
        name: String::from("abcd"),
        members: vec![member("a"), member("a"), member("")],
    };
    let text = r#"{"name":"abcd","members":[{"id":"a"},{"id":"a"},{"id":""}]}"#;
    let Err(report) = desk_schema::from_json_str::<Group>(text) else {
        panic!("three violations")
    };
    assert_eq!(report, typed.validate().unwrap_err());
    let codes: Vec<&str> = Iterator::map(report.violations().iter(), |v| v.code()).collect();
    assert_eq!(codes, ["empty_key", "duplicate", "max_bytes"], "{report}");

    for text in [r#"{"a":"x"}"#, r#"{"a":"xyz","b":"x"}"#] {
        let typed: Pair = serde_json::from_str(text).unwrap();
        let Err(report) = desk_schema::from_json_str::<Pair>(text) else {
            panic!("a and b differ: {text}")
        };
        assert_eq!(report, typed.validate().unwrap_err());
        let raw: RawPair = serde_json::from_str(text).unwrap();
        let Err(raw_report) = desk_schema::from_json_str::<RawPair>(text) else {
            panic!("a and b differ: {text}")
        };
        assert_eq!(raw_report, raw.validate().unwrap_err());
        assert!(report.violations().iter().any(|v| v.code() == "differ"), "{report}");
    }
    assert!(desk_schema::from_json_str::<RawPair>(r#"{"a":"d"}"#).is_ok());

    let text = r#"{"name":"x","tags":["abc"],"scores":{"abc":9},"choice":{"t":"A","c":{"s":"abcd"}},"note":"abcde"}"#;
    let form = Form {
        name: String::from("x"),
        tags: vec![String::from("abc")],
        scores: IntoIterator::into_iter([(String::from("abc"), 9)]).collect(),
        choice: Choice::A { s: String::from("abcd") },
        extra: None,
        note: String::from("abcde"),
    };
    let Err(report) = desk_schema::from_json_str::<Form>(text) else {
        panic!("six violations")
    };
    assert_eq!(report, form.validate().unwrap_err());
    let found: Vec<(&str, &str)> =
        Iterator::map(report.violations().iter(), |v| (v.path(), v.code())).collect();
    assert_eq!(
        found,
        [
            ("/choice/c/s", "max_bytes"),
            ("/name", "banned"),
            ("/note", "max_bytes"),
            ("/scores/abc", "max_bytes"),
            ("/scores/abc", "range"),
            ("/tags/0", "max_bytes"),
        ],
        "{report}"
    );
}
