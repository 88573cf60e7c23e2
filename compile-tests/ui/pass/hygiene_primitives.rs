// Generated code compiles in a module that shadows the names of the
// primitive types (helper-178: a `type bool = u8;` beside a derived type broke
// `const SERDE_SAME: bool`). serde's own derive names `str`, `u8` and `u64`
// (its visitors' `visit_str`, `visit_bytes`, `visit_u64`), so those three
// stay unshadowed here: a module that shadows them cannot derive
// `Deserialize` at all.
#![allow(dead_code, non_camel_case_types)]
mod prims {
    struct bool;
    struct char;
    struct u16;
    struct u32;
    struct u128;
    struct usize;
    struct i8;
    struct i16;
    struct i32;
    struct i64;
    struct i128;
    struct isize;
    struct f32;
    struct f64;

    fn check(_: &std::string::String) -> core::result::Result<(), desk_schema::Kind> {
        core::result::Result::Ok(())
    }

    #[derive(desk_schema::Validate, serde::Deserialize, PartialEq, Eq, Hash)]
    #[serde(deny_unknown_fields)]
    pub struct Item {
        #[desk(max_bytes = 3, printable_ascii, one_of("a", "b"))]
        id: std::string::String,
        #[desk(range(min = 1, max = 9))]
        n: core::primitive::u8,
    }

    #[derive(desk_schema::Validate, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct T {
        #[desk(min_bytes = 1, max_chars = 3, max_utf16 = 3, ascii, prefix = "a", custom(check = check, description = "checked"))]
        name: std::string::String,
        #[desk(nested, max_items = 2, unique(by = id))]
        items: std::vec::Vec<Item>,
        #[desk(nested, unique)]
        set: std::vec::Vec<Item>,
        #[desk(range(min = 1, max = 9))]
        f: core::primitive::f64,
        #[desk(range(max = 9))]
        w: core::primitive::u128,
        #[desk(range(min = -3))]
        i: core::option::Option<core::primitive::i64>,
        #[desk(skip)]
        b: core::primitive::bool,
        #[desk(skip)]
        c: core::primitive::char,
        #[desk(nested)]
        e: E,
        #[desk(nested)]
        a: A,
        #[desk(nested)]
        u: U,
        #[desk(max_items = 3)]
        m: std::collections::BTreeMap<std::string::String, std::string::String>,
    }

    #[derive(desk_schema::Validate, serde::Deserialize)]
    #[serde(tag = "t")]
    pub enum E {
        A {
            #[desk(range(max = 3))]
            n: core::primitive::u16,
        },
        B,
        #[serde(other)]
        C,
    }

    #[derive(desk_schema::Validate, serde::Deserialize, PartialEq, Eq, Hash)]
    #[serde(tag = "t", content = "c", deny_unknown_fields)]
    pub enum A {
        X(#[desk(range(max = 3))] core::primitive::i32),
        Y {
            #[desk(max_bytes = 3)]
            s: std::string::String,
        },
    }

    #[derive(desk_schema::Validate, serde::Deserialize)]
    #[serde(untagged)]
    pub enum U {
        N(#[desk(range(max = 3))] core::primitive::u32),
        S(#[desk(max_bytes = 3)] std::string::String),
    }

    #[derive(desk_schema::Validate, serde::Deserialize)]
    pub enum Plain {
        One,
        Two,
    }

    #[derive(desk_schema::Validate, serde::Deserialize)]
    pub struct New(#[desk(max_bytes = 3)] std::string::String);


    #[derive(Default)]
    pub struct Ctx {
        pub limit: core::primitive::usize,
    }

    fn whole(_: &Many, _: &Ctx, _: &mut desk_schema::Scope) {}
    fn per(_: &std::string::String, _: &Ctx) -> core::result::Result<(), desk_schema::Kind> {
        core::result::Result::Ok(())
    }

    #[derive(desk_schema::Validate, serde::Deserialize)]
    #[desk(context = Ctx, custom(check = whole, description = "whole"))]
    #[serde(rename_all = "PascalCase")]
    pub struct Many {
        #[desk(suffix = "z", contains = "b", not_prefix = "x", custom(check = per, description = "per"))]
        #[desk(message(en = "bad", zh_cn = "坏"))]
        a: std::string::String,
        #[desk(one_of(1, 2, 255))]
        n: core::primitive::u16,
        #[desk(one_of(1, 2))]
        f: core::primitive::f64,
        #[desk(keys(max_bytes = 3), values(range(max = 3)), max_items = 2)]
        m: std::collections::HashMap<std::string::String, core::primitive::i8>,
        #[desk(items(range(max = 9)))]
        s: std::collections::BTreeSet<core::primitive::u32>,
        #[desk(items(max_bytes = 3), unique)]
        h: std::boxed::Box<[std::string::String]>,
        #[desk(nested, unique)]
        adj: std::vec::Vec<A>,
        #[desk(range(min = -1, max = 1))]
        small: core::primitive::isize,
        #[desk(range(max = 7))]
        big: core::primitive::i128,
        #[desk(nested)]
        inner: Flat,
        #[desk(nested)]
        tree: core::option::Option<std::boxed::Box<Many>>,
        #[desk(skip)]
        #[serde(skip)]
        cache: core::primitive::usize,
    }

    #[derive(desk_schema::Validate, serde::Deserialize)]
    pub struct Flat {
        #[desk(max_utf16 = 4, min_utf16 = 1)]
        g: std::string::String,
        #[desk(skip)]
        yes: core::primitive::bool,
    }

    #[derive(desk_schema::Validate, serde::Deserialize)]
    #[serde(transparent)]
    pub struct Wrapper<T> {
        #[desk(nested)]
        inner: T,
    }

    #[derive(desk_schema::Validate, serde::Deserialize)]
    pub enum Ext<T> {
        A(#[desk(nested)] T),
        B {
            #[desk(range(max = 3))]
            n: core::primitive::u64,
        },
    }
}

fn main() {
    let _ = desk_schema::schema_for::<prims::T>();
    let _ = desk_schema::schema_for::<prims::Many>();
    let _ = desk_schema::from_json_str::<prims::Ext<prims::Wrapper<prims::New>>>("{}");
    let _ = desk_schema::from_json_str::<prims::T>("{}");
}
