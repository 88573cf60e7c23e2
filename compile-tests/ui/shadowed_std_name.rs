// A type that goes by a standard type's name: desk-schema reads the names
// of the standard library's types (`String`, `Box`, `f64`, ...) as those
// types, so another type of that name, an alias or a type parameter is
// refused, one error at the field (or the parameter). Renamed, the type of
// the user's that derives `Validate` still needs `nested`: a second mistake,
// said (as for any other name) once the first is mended.
mod own {
    #[derive(desk_schema::Validate, serde::Deserialize)]
    pub struct String {
        #[desk(max_bytes = 3)]
        pub s: std::string::String,
    }
}
use own::String;

#[derive(desk_schema::Validate, serde::Deserialize)]
struct T {
    #[desk(min_items = 1)]
    names: Vec<String>,
}

// A type of that name without the standard one's parameters.
mod geometry {
    #[derive(desk_schema::Validate, serde::Deserialize, PartialEq, Eq)]
    #[serde(deny_unknown_fields)]
    pub struct Arc {
        #[desk(range(max = 360))]
        pub deg: u16,
        #[desk(nested)]
        pub label: Option<u8>,
    }
}

#[derive(desk_schema::Validate, serde::Deserialize)]
struct Shape {
    #[desk(nested, unique)]
    arcs: Vec<geometry::Arc>,
    #[desk(nested)]
    arc: Arc,
}
use geometry::Arc;

// Aliases of other types, by the standard names.
mod units {
    #![allow(non_camel_case_types)]
    pub type f64 = u64;
    pub type Vec<T> = std::collections::BTreeSet<T>;
}

mod priced {
    use super::units::{Vec, f64};

    #[derive(desk_schema::Validate, serde::Deserialize)]
    pub struct Price {
        #[desk(range(max = 1000))]
        cents: f64,
        #[desk(max_items = 3)]
        tags: Vec<u8>,
        // Written by its path, the alias is asked as what it is: fine.
        #[desk(range(max = 1000))]
        other: super::units::f64,
    }
}

// A defaulted field written `Option<...>` is read as the standard
// library's `Option` (absent: `None`, which passes every rule), whatever its
// item, and written by a path too.
mod maybe {
    pub type Option<T> = Vec<T>;

    #[derive(desk_schema::Validate, serde::Deserialize, Default)]
    pub struct Page<X> {
        #[desk(range(min = 1))]
        pub n: u8,
        #[serde(skip)]
        pub item: std::marker::PhantomData<X>,
    }
}

#[derive(desk_schema::Validate, serde::Deserialize)]
struct Named {
    #[desk(nested)]
    #[serde(default)]
    pages: maybe::Option<maybe::Page<u8>>,
}

mod by_name {
    use super::maybe::Page as Option;

    #[derive(desk_schema::Validate, serde::Deserialize)]
    pub struct Paged<T> {
        #[desk(nested)]
        #[serde(default)]
        page: Box<Option<T>>,
        #[desk(nested)]
        t: T,
    }
}

// A type parameter of that name.
#[derive(desk_schema::Validate, serde::Deserialize)]
struct Holder<Box> {
    #[desk(nested)]
    held: Box,
}

fn main() {}
