//! serde's typed parse, held to the walk's reading of JSON: the fast path of
//! `from_json_str`.
//!
//! A type's derived `Deserialize` reads a few shapes that the walk (and the
//! JSON Schema) refuse: a struct written as an array, and a unit variant
//! written as `{"Variant": null}`. [`Strict`] wraps a deserializer, and every
//! deserializer inside it, so that those read as errors too. For a type whose
//! [`ValidateIn::SERDE_SAME`](crate::ValidateIn::SERDE_SAME) is true, the typed
//! parse through it then accepts only what the walk accepts; anything it
//! refuses goes to the walk, which says why.
//!
//! Each layer only forwards, and is `#[inline(always)]` where it is on the
//! path of a passing parse: left to the compiler, the layers stay calls and
//! the parse of the sparse request costs 7,000 instructions more
//! (`valgrind --tool=callgrind target/release/examples/profile_parse`).

#![allow(
    clippy::inline_always,
    reason = "measured: see the module's documentation"
)]

use core::fmt;
use core::marker::PhantomData;

use serde::de::value::{BorrowedStrDeserializer, StrDeserializer};
use serde::de::{
    DeserializeSeed, Deserializer, EnumAccess, Error as _, MapAccess, SeqAccess, Unexpected,
    VariantAccess, Visitor,
};

/// A deserializer whose structs are objects only and whose enums are a
/// string (unit variant) or an object of one property (data variant).
pub(crate) struct Strict<D>(pub D);

macro_rules! forward {
    ($($method:ident($($arg:ident: $ty:ty),*);)*) => {$(
        #[inline(always)]
        fn $method<V: Visitor<'de>>(self, $($arg: $ty,)* visitor: V) -> Result<V::Value, D::Error> {
            self.0.$method($($arg,)* Wrap::<V, false> { inner: visitor })
        }
    )*};
}

macro_rules! pass {
    ($($method:ident($($arg:ident: $ty:ty),*);)*) => {$(
        #[inline(always)]
        fn $method<V: Visitor<'de>>(self, $($arg: $ty,)* visitor: V) -> Result<V::Value, D::Error> {
            self.0.$method($($arg,)* visitor)
        }
    )*};
}

impl<'de, D: Deserializer<'de>> Deserializer<'de> for Strict<D> {
    type Error = D::Error;

    forward! {
        deserialize_any();
        deserialize_bytes(); deserialize_byte_buf(); deserialize_option();
        deserialize_unit_struct(name: &'static str); deserialize_newtype_struct(name: &'static str);
        deserialize_seq(); deserialize_tuple(len: usize);
        deserialize_tuple_struct(name: &'static str, len: usize); deserialize_map();
    }

    // serde_json reads these from one token and calls only the visitor's
    // scalar methods, so the visitor needs no wrapping.
    pass! {
        deserialize_bool();
        deserialize_i8(); deserialize_i16(); deserialize_i32(); deserialize_i64();
        deserialize_u8(); deserialize_u16(); deserialize_u32(); deserialize_u64();
        deserialize_f64(); deserialize_char(); deserialize_str(); deserialize_string();
        deserialize_unit(); deserialize_identifier(); deserialize_ignored_any();
    }

    // serde_json (with `float_roundtrip`) refuses a number an `f32`
    // cannot hold; a `Value` gives the double, which serde converts to
    // infinity: refused here too, as the walk refuses it.
    fn deserialize_f32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, D::Error> {
        self.0.deserialize_f32(Float32 { inner: visitor })
    }

    // serde_json reads a 128-bit integer from its digits, `-0` included;
    // the walk reads what the other integers read (`-0` is a float).
    fn deserialize_i128<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, D::Error> {
        self.deserialize_any(visitor)
    }

    fn deserialize_u128<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, D::Error> {
        self.deserialize_any(visitor)
    }

    #[inline(always)]
    fn deserialize_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        self.0
            .deserialize_struct(name, fields, Wrap::<V, true> { inner: visitor })
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        self.0.deserialize_any(EnumForm(visitor))
    }

    fn is_human_readable(&self) -> bool {
        self.0.is_human_readable()
    }
}

/// A visitor whose nested values are read strictly; with `OBJECTS_ONLY`
/// (a struct's visitor), an array is refused.
///
/// A type parameter rather than a field: each visitor is then a type of its
/// own, with nothing to carry or test at run time. As a `bool` field it cost
/// `from_json_str` on the sparse request about 2% of its time (1.06 of
/// serde's parse, against 1.04 for serde's parse then `validate()`, which is
/// what it read with the field gone) and a few hundred instructions (how
/// many moves with the split into code generation units; `BENCHMARKS.md`,
/// fifty-second session).
struct Wrap<V, const OBJECTS_ONLY: bool> {
    inner: V,
}

macro_rules! visit {
    ($($method:ident($ty:ty);)*) => {$(
        fn $method<E: serde::de::Error>(self, v: $ty) -> Result<V::Value, E> {
            self.inner.$method(v)
        }
    )*};
}

impl<'de, V: Visitor<'de>, const OBJECTS_ONLY: bool> Visitor<'de> for Wrap<V, OBJECTS_ONLY> {
    type Value = V::Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.inner.expecting(f)
    }

    visit! {
        visit_bool(bool); visit_i8(i8); visit_i16(i16); visit_i32(i32); visit_i64(i64);
        visit_i128(i128); visit_u8(u8); visit_u16(u16); visit_u32(u32); visit_u64(u64);
        visit_u128(u128); visit_f32(f32); visit_f64(f64); visit_char(char); visit_str(&str);
        visit_borrowed_str(&'de str); visit_string(String); visit_bytes(&[u8]);
        visit_borrowed_bytes(&'de [u8]); visit_byte_buf(Vec<u8>);
    }

    fn visit_none<E: serde::de::Error>(self) -> Result<V::Value, E> {
        self.inner.visit_none()
    }

    fn visit_unit<E: serde::de::Error>(self) -> Result<V::Value, E> {
        self.inner.visit_unit()
    }

    #[inline(always)]
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<V::Value, D::Error> {
        self.inner.visit_some(Strict(d))
    }

    fn visit_newtype_struct<D: Deserializer<'de>>(self, d: D) -> Result<V::Value, D::Error> {
        self.inner.visit_newtype_struct(Strict(d))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<V::Value, A::Error> {
        if OBJECTS_ONLY {
            return Err(A::Error::invalid_type(Unexpected::Seq, &self));
        }
        self.inner.visit_seq(SeqW(seq))
    }

    #[inline(always)]
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<V::Value, A::Error> {
        self.inner.visit_map(MapW(map))
    }

    fn visit_enum<A: EnumAccess<'de>>(self, data: A) -> Result<V::Value, A::Error> {
        // serde_json calls this only from `deserialize_enum`, which `Strict`
        // reads as `deserialize_any`.
        self.inner.visit_enum(data)
    }
}

/// An `f32`'s visitor, given a double only if it is one the type holds.
struct Float32<V> {
    inner: V,
}

impl<'de, V: Visitor<'de>> Visitor<'de> for Float32<V> {
    type Value = V::Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.inner.expecting(f)
    }

    // serde_json and `Value` give a number only.
    visit! {
        visit_i64(i64); visit_u64(u64); visit_i128(i128); visit_u128(u128); visit_f32(f32);
    }

    #[allow(
        clippy::cast_possible_truncation,
        reason = "the conversion serde makes, tested for infinity"
    )]
    fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<V::Value, E> {
        if (v as f32).is_infinite() && v.is_finite() {
            return Err(E::custom("number out of range"));
        }
        self.inner.visit_f64(v)
    }
}

struct SeqW<A>(A);

impl<'de, A: SeqAccess<'de>> SeqAccess<'de> for SeqW<A> {
    type Error = A::Error;

    #[inline(always)]
    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, A::Error> {
        self.0.next_element_seed(SeedW(seed))
    }

    fn size_hint(&self) -> Option<usize> {
        self.0.size_hint()
    }
}

struct MapW<A>(A);

impl<'de, A: MapAccess<'de>> MapAccess<'de> for MapW<A> {
    type Error = A::Error;

    #[inline(always)]
    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, A::Error> {
        self.0.next_key_seed(SeedW(seed))
    }

    #[inline(always)]
    fn next_value_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<T::Value, A::Error> {
        self.0.next_value_seed(SeedW(seed))
    }

    fn size_hint(&self) -> Option<usize> {
        self.0.size_hint()
    }
}

struct SeedW<S>(S);

impl<'de, S: DeserializeSeed<'de>> DeserializeSeed<'de> for SeedW<S> {
    type Value = S::Value;

    #[inline(always)]
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<S::Value, D::Error> {
        self.0.deserialize(Strict(d))
    }
}

/// An enum as the walk reads it: a string names a unit variant, an object
/// of exactly one property a data variant.
struct EnumForm<V>(V);

impl<V> EnumForm<V> {
    #[allow(
        clippy::unused_self,
        reason = "called as `self.$on(..)` by `scalar_visits!`"
    )]
    fn refuse<E: serde::de::Error>(&self, found: Unexpected<'_>) -> E {
        E::invalid_type(found, &"a string or an object of one property")
    }
}

impl<'de, V: Visitor<'de>> Visitor<'de> for EnumForm<V> {
    type Value = V::Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.expecting(f)
    }

    fn visit_borrowed_str<E: serde::de::Error>(self, v: &'de str) -> Result<V::Value, E> {
        self.0
            .visit_enum(UnitOnly(BorrowedStrDeserializer::<E>::new(v)))
    }

    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<V::Value, E> {
        self.0.visit_enum(UnitOnly(StrDeserializer::<E>::new(v)))
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<V::Value, A::Error> {
        self.0.visit_enum(OneProperty(map))
    }

    fn visit_bool<E: serde::de::Error>(self, v: bool) -> Result<V::Value, E> {
        Err(self.refuse(Unexpected::Bool(v)))
    }

    fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<V::Value, E> {
        Err(self.refuse(Unexpected::Signed(v)))
    }

    fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<V::Value, E> {
        Err(self.refuse(Unexpected::Unsigned(v)))
    }

    fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<V::Value, E> {
        Err(self.refuse(Unexpected::Float(v)))
    }

    fn visit_unit<E: serde::de::Error>(self) -> Result<V::Value, E> {
        Err(self.refuse(Unexpected::Unit))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, _: A) -> Result<V::Value, A::Error> {
        Err(self.refuse(Unexpected::Seq))
    }
}

/// A unit variant named by a string.
struct UnitOnly<D>(D);

impl<'de, D: Deserializer<'de>> EnumAccess<'de> for UnitOnly<D> {
    type Error = D::Error;
    type Variant = UnitVariant<D::Error>;

    fn variant_seed<S: DeserializeSeed<'de>>(
        self,
        seed: S,
    ) -> Result<(S::Value, Self::Variant), D::Error> {
        Ok((seed.deserialize(self.0)?, UnitVariant(PhantomData)))
    }
}

/// The variant a string names: only a unit variant can be one.
struct UnitVariant<E>(PhantomData<E>);

fn not_unit<E: serde::de::Error>() -> E {
    E::invalid_type(Unexpected::UnitVariant, &"an object of one property")
}

impl<'de, E: serde::de::Error> VariantAccess<'de> for UnitVariant<E> {
    type Error = E;

    fn unit_variant(self) -> Result<(), E> {
        Ok(())
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, _: T) -> Result<T::Value, E> {
        Err(not_unit())
    }

    fn tuple_variant<V: Visitor<'de>>(self, _: usize, _: V) -> Result<V::Value, E> {
        Err(not_unit())
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        _: &'static [&'static str],
        _: V,
    ) -> Result<V::Value, E> {
        Err(not_unit())
    }
}

/// A data variant: an object whose one property names it.
struct OneProperty<A>(A);

impl<'de, A: MapAccess<'de>> EnumAccess<'de> for OneProperty<A> {
    type Error = A::Error;
    type Variant = Self;

    fn variant_seed<S: DeserializeSeed<'de>>(
        mut self,
        seed: S,
    ) -> Result<(S::Value, Self), A::Error> {
        match self.0.next_key_seed(SeedW(seed))? {
            Some(tag) => Ok((tag, self)),
            None => Err(A::Error::invalid_length(0, &"an object of one property")),
        }
    }
}

impl<'de, A: MapAccess<'de>> OneProperty<A> {
    /// The object has no other property.
    fn end<T>(mut self, value: T) -> Result<T, A::Error> {
        match self.0.next_key::<serde::de::IgnoredAny>()? {
            None => Ok(value),
            Some(_) => Err(A::Error::invalid_length(2, &"an object of one property")),
        }
    }
}

impl<'de, A: MapAccess<'de>> VariantAccess<'de> for OneProperty<A> {
    type Error = A::Error;

    fn unit_variant(self) -> Result<(), A::Error> {
        Err(A::Error::invalid_type(Unexpected::Map, &"a string"))
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(
        mut self,
        seed: T,
    ) -> Result<T::Value, A::Error> {
        let value = self.0.next_value_seed(SeedW(seed))?;
        self.end(value)
    }

    fn tuple_variant<V: Visitor<'de>>(
        mut self,
        len: usize,
        visitor: V,
    ) -> Result<V::Value, A::Error> {
        let value = self.0.next_value_seed(Shaped::Tuple(len, visitor))?;
        self.end(value)
    }

    fn struct_variant<V: Visitor<'de>>(
        mut self,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, A::Error> {
        let value = self.0.next_value_seed(Shaped::Struct(fields, visitor))?;
        self.end(value)
    }
}

/// A variant's content read as a tuple or a struct, strictly.
enum Shaped<V> {
    Tuple(usize, V),
    Struct(&'static [&'static str], V),
}

impl<'de, V: Visitor<'de>> DeserializeSeed<'de> for Shaped<V> {
    type Value = V::Value;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<V::Value, D::Error> {
        match self {
            Shaped::Tuple(len, visitor) => Strict(d).deserialize_tuple(len, visitor),
            Shaped::Struct(fields, visitor) => Strict(d).deserialize_struct("", fields, visitor),
        }
    }
}
