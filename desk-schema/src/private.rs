//! Support for the code `#[derive(Validate)]` generates. Not public API: it
//! may change in any release, which is why the derive crate is pinned to this
//! crate's exact version.
//!
//! Re-exports only: each item lives with what it serves (the walk of raw
//! JSON in `walk`, the schema builders in `schema`, the JSON type bits beside
//! `JsonView`), and imports nothing from here.

pub use core::marker::{PhantomData, Sized};
pub use core::option::Option::{self, None, Some};
pub use core::result::Result::{self, Ok};
pub use std::sync::OnceLock;
pub use {schemars, serde, serde_json};

/// The typed checks' helpers: the item and value types a rule names, a
/// field's path, a custom rule's result, `Validate::validate_with`, and how
/// a `JsonEq` impl compares a field.
pub mod typed {
    pub use crate::json_eq::field;
    pub use crate::validate::{ItemOf, ValueOf, field_at, key_unequal, record, validate_with};
}

/// The JSON types a type is read from, as bits.
pub mod types {
    pub use crate::types::*;
}

/// The walk of raw JSON: an object's fields, an enum's variants, and the
/// shape violations.
pub mod walk {
    pub use crate::rules::unique::key::{HoldsFloat, Items, Key, TypedKey};

    pub use crate::walk::field::skipped::{
        Holding, KeyOf, Probe, Silence, Under, fits_tagged, fits_untagged, key_as_text,
        read_as_schema,
    };

    /// The traits a `#[desk(skip)]` field's types are asked by autoref:
    /// whether the schema of one is not what serde reads, and in tagged or
    /// untagged content whether one is a 128-bit integer; as [`by_key`]'s.
    pub mod skipped {
        pub use crate::walk::field::skipped::{
            AnySchema as _, AnyWidth as _, DerivedWidth as _, HoldsSchema as _, KeyedSchema as _,
            LooseSchema as _, ParsedKeyType as _, StdMapType as _, WideInteger as _,
        };
    }

    /// The traits typed whole-item `unique` resolves by autoref, as
    /// [`by_key`]'s.
    pub mod items {
        pub use crate::rules::unique::key::{FloatItems as _, PlainItems as _};
    }

    /// The traits `unique`'s code resolves by autoref, for a glob import
    /// (`use __desk::whole::*`: unnamed, they take no name).
    pub mod whole {
        pub use crate::rules::unique::raw::{Uncompared as _, ValueUnique as _, ViewUnique as _};
    }

    /// The traits `unique(by = key)`'s code resolves by autoref, as
    /// [`whole`]'s.
    pub mod by_key {
        pub use crate::rules::unique::key::{
            AnyKey as _, FloatKey as _, OptionalKey as _, PlainKey as _,
        };
        pub use crate::rules::unique::raw::{
            UncomparedBy as _, ValueKeyUnique as _, ViewKeyUnique as _,
        };
    }
    pub use crate::rules::unique::raw::{
        NotRead, RawBy, RawItems, WholeView, check_raw, key_type, view_of,
    };
    pub use crate::tagged::{EnumWalker, Repr, data_enum};
    pub use crate::walk::field::{
        Absence, FieldView, Found, Properties, SerdeReads, Slot, Whole, absent, default_breaks,
        enum_str, field, field_as, may_be_absent, not_allowed, range_bounds, required,
        required_field, required_unless, scope, shape_count, unreadable_count,
    };
    pub use crate::walk::{ObjectWalker, Walk, object, scalar};
    pub use serde::de::MapAccess;
}

/// The builders of the derived schemas.
pub mod schema {
    pub use crate::schema::{
        OwnSchema, Properties, SkippedSchema, data_enum_schema, derived_id, derived_name,
        field_description, field_messages, field_subschema, generic_id, generic_name,
        object_schema, read_whole, schema_with, shape_before_rules, shape_only, skipped,
        unit_enum_schema, variant_schema, with_sub,
    };
}

/// What the generated code names, all through one import (`use
/// ::desk_schema::__private::prelude as __desk;`): the one path naming the
/// crate (or the path `#[desk(crate = "...")]` gives), so that a crate that
/// cannot reach it gets one error (an unresolved import), not one at each
/// name; and names no module of the user's shadows.
///
/// Flat, in one level (`__desk::Some`, `__desk::max_bytes::Rule`,
/// `__desk::Slot`): the walk's helpers, the rules, the public traits and
/// types, and the standard names, so that each path the generated code
/// writes is as short as a name of its own (each extra `::` segment is
/// tokens for the derive to write and rustc to resolve, thousands of times
/// in a crate of many types: `bench/probe`).
pub mod prelude {
    pub use super::walk::*;
    pub use super::{
        None, Ok, OnceLock, Option, PhantomData, Result, Sized, Some, schema, schemars, serde,
        serde_json, typed, types,
    };
    pub use crate::rules::*;
    pub use crate::{
        Gate, GateArgs, InContext, JsonEq, JsonView, KeyParam, Leaf, MapKey, Messages, Nested,
        Path, Report, SerdeBounds, SetItem, Validate, ValidateIn,
    };
    /// The primitive types the generated code names (a `struct bool` of the
    /// user's would be taken for `bool`).
    pub use core::primitive::{bool, str, u8, u16, usize};
    /// The standard crates, by paths that resolve wherever the generated
    /// code sits: `::core` is the crate root in edition 2015 (at a span of
    /// the user's), and `::std` is absent from a `no_std` crate.
    pub use {core, std};

    /// The traits `walk::Absence` resolves by autoref (unnamed, they take no
    /// name), for a glob import where it is asked.
    pub mod absence {
        pub use crate::walk::field::{NoAbsence as _, OptionAbsence as _, ReadsAbsence as _};
    }
}
