// A derived generic type nested with an argument that does not derive
// `Validate`, where a checked field of the generic type holds it: one
// error, naming the argument, whatever holds the generic type (a field,
// a list, an `Option`, itself, a map, an enum's variant), and whatever
// bounds the generic type puts on its parameters, and with `'static` for
// its lifetime. An enum whose variants nest two types (`Tagged`) says it at
// `#[derive(Validate)]` too (its walk names both).
use std::collections::BTreeMap;

use desk_schema::Validate;
use serde::Deserialize;

#[derive(Deserialize, Clone)]
pub struct NotDerived {
    pub n: u8,
}

#[derive(Validate, Deserialize)]
pub struct Wrapper<T> {
    #[desk(nested)]
    pub inner: T,
}

#[derive(Validate, Deserialize)]
pub struct Bounded<T: Clone + 'static>
where
    T: Send,
{
    #[desk(nested)]
    pub inner: T,
}

#[derive(Validate, Deserialize)]
pub struct Boxed<T: ?Sized> {
    #[desk(nested)]
    pub inner: Box<T>,
}

#[derive(Validate, Deserialize)]
pub struct Named<'a, T> {
    #[desk(max_bytes = 5)]
    #[serde(borrow)]
    pub name: std::borrow::Cow<'a, str>,
    #[desk(nested)]
    pub inner: T,
}

#[derive(Validate, Deserialize)]
pub struct Plain {
    #[desk(nested)]
    pub w: Wrapper<NotDerived>,
}

#[derive(Validate, Deserialize)]
pub struct WithBounds {
    #[desk(nested)]
    pub b: Bounded<NotDerived>,
}

#[derive(Validate, Deserialize)]
pub struct WithUnsized {
    #[desk(nested)]
    pub b: Boxed<NotDerived>,
}

#[derive(Validate, Deserialize)]
pub struct WithStatic {
    #[desk(nested)]
    #[serde(borrow)]
    pub n: Named<'static, NotDerived>,
}

#[derive(Validate, Deserialize)]
pub struct Listed {
    #[desk(nested, max_items = 3)]
    pub w: Vec<Wrapper<NotDerived>>,
}

#[derive(Validate, Deserialize)]
pub struct Twice {
    #[serde(default)]
    #[desk(nested)]
    pub w: Option<Wrapper<Wrapper<NotDerived>>>,
}

#[derive(Validate, Deserialize)]
pub struct Mapped {
    #[desk(nested)]
    pub w: BTreeMap<String, Wrapper<NotDerived>>,
}

#[derive(Validate, Deserialize)]
#[serde(tag = "type")]
pub enum Tagged {
    One {
        #[desk(nested)]
        w: Wrapper<NotDerived>,
    },
    Two {
        #[desk(nested)]
        w: Wrapper<u8>,
    },
}

fn main() {}
