// A rule on a `Box`, `Arc` or `Rc` around anything but `str` (or a slice in
// a `Box`): one error at the rule, naming the type to write instead.
#[derive(desk_schema::Validate, serde::Deserialize)]
struct Boxed {
    #[desk(max_bytes = 3)]
    text: Box<String>,
    #[desk(max_bytes = 3, printable_ascii)]
    maybe: Box<Option<String>>,
    #[desk(range(max = 3))]
    count: Option<Box<u32>>,
    #[desk(max_items = 2)]
    list: Box<Vec<String>>,
    #[desk(items(max_bytes = 3))]
    items: Vec<Box<String>>,
}

// The same through a macro's `$t:ty` (an invisible group around the type)
// and parentheses.
macro_rules! holder {
    ($name:ident, $t:ty) => {
        #[derive(desk_schema::Validate, serde::Deserialize)]
        struct $name {
            #[desk(max_bytes = 3)]
            text: $t,
            #[desk(items(max_bytes = 3))]
            items: Vec<$t>,
        }
    };
}
holder!(FromMacro, Box<String>);

#[derive(desk_schema::Validate, serde::Deserialize)]
struct Parenthesised {
    #[desk(max_bytes = 3)]
    text: (Box<String>),
}

// A rule that fits neither the pointer nor the type inside: that is the
// one error.
#[derive(desk_schema::Validate, serde::Deserialize)]
struct Unfit {
    #[desk(range(max = 3))]
    text: Box<String>,
}

// A type inside that no rule reads: the type itself (recursion), or one the
// derive cannot read (the user's own, an alias), says what each would need.
#[derive(serde::Deserialize)]
pub struct Mine(String);

#[derive(desk_schema::Validate, serde::Deserialize)]
struct Recursive {
    #[desk(max_bytes = 3)]
    next: Option<Box<Self>>,
    #[desk(max_bytes = 3)]
    mine: Box<Mine>,
    #[desk(max_bytes = 3)]
    named: Option<Box<Recursive>>,
}

// Inside `items(...)` on a boxed slice, `values(...)` and `keys(...)`.
#[derive(desk_schema::Validate, serde::Deserialize)]
struct Inside {
    #[desk(items(max_bytes = 3))]
    list: Box<[Box<String>]>,
    #[desk(values(max_bytes = 3))]
    values: std::collections::HashMap<String, Box<String>>,
    #[desk(keys(max_bytes = 3))]
    keys: std::collections::BTreeMap<Box<String>, u8>,
}

// What rules do read: `Box<str>`, `Box<[T]>`, and an `Option` of one.
#[derive(desk_schema::Validate, serde::Deserialize)]
struct Read {
    #[desk(max_bytes = 3)]
    text: Box<str>,
    #[desk(max_bytes = 3)]
    maybe: Option<Box<str>>,
    #[desk(max_items = 2, items(max_bytes = 3))]
    list: Box<[String]>,
}

fn main() {}
