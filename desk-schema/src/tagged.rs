//! The raw walk of an enum with data, in serde's three tagged forms and the
//! untagged one.
//!
//! - External: `"Unit"`, or an object with one property, the variant's name,
//!   whose value is the content. The content is walked as it is read.
//! - Internal (`tag`): one object holding the tag and the variant's fields.
//!   The tag may come after the fields, so the object is read first; the
//!   fields are then walked from what was read.
//! - Adjacent (`tag` + `content`): an object with the tag and the content;
//!   the content is read first for the same reason.
//! - Untagged: the content alone, streamed to the one variant that reads the
//!   value's JSON type (the derive refuses an enum where two variants read
//!   the same type, so this is the variant serde's trial in order keeps).
//!
//! An unknown tag is an `enum` violation at the tag's path (for external
//! enums, the object's path), a missing tag is `required`, and the content's
//! violations are at their own paths. A property given twice is reported as
//! in a struct, and the later value is the one kept. The schema
//! (`crate::schema::data_enum_schema`) says the same, rule for rule.

use core::fmt;

use serde::de::value::{BorrowedStrDeserializer, StrDeserializer};
use serde::de::{
    DeserializeSeed, Deserializer, IgnoredAny, IntoDeserializer, MapAccess, SeqAccess, Visitor,
};
use serde_json::{Map, Value};

use crate::walk::{Buffered, KeySeed, Walk};
use crate::{JsonType, Kind, Path};

/// How an enum's variant is written (serde's `tag` and `content`).
#[derive(Clone, Copy, Debug)]
pub enum Repr {
    /// `"Unit"` or `{"Variant": content}`.
    External,
    /// `{"<tag>": "Variant", ...fields}`.
    Internal(&'static str),
    /// `{"<tag>": "Variant", "<content>": content}`.
    Adjacent(&'static str, &'static str),
    /// The content alone: the variant is the one whose content reads the
    /// value's JSON type (the derive makes sure only one does).
    Untagged,
}

/// The variants of one enum (implemented by the derive).
pub trait EnumWalker<'de> {
    /// The enum's view.
    type Out;
    /// Every variant's name (not its aliases), for `enum` violations.
    const NAMES: &'static [&'static str];
    /// Every name a tag may take, aliases included.
    const TAGS: &'static [&'static str];
    /// The JSON types the walk reads each variant's content from (bits of
    /// `__private::types`; a unit variant reads `null`), for untagged enums.
    const TYPES: &'static [u8];
    /// The JSON types an untagged enum reads, named for a `type`
    /// violation.
    fn expected() -> &'static str;
    /// The variant a tag names (aliases and a `#[serde(other)]` variant
    /// included).
    fn variant(tag: &str) -> Option<usize>;
    /// The view of variant `index` when it is a unit variant.
    fn unit(index: usize) -> Option<Self::Out>;
    /// True when variant `index` is a newtype whose content serde reads
    /// when it is absent (an `Option`: `None`), as an adjacently tagged enum
    /// without its content property does.
    #[must_use]
    fn content_may_be_absent(index: usize) -> bool {
        let _ = index;
        false
    }
    /// Reads the content of data variant `index` at `path`.
    ///
    /// # Errors
    ///
    /// The deserializer's, when the text cannot be read.
    fn content<D: Deserializer<'de>>(
        &self,
        index: usize,
        deserializer: D,
        path: &Path<'_>,
        walk: &mut Walk,
    ) -> Result<Option<Self::Out>, D::Error>;
}

/// Whether the enum has a unit variant (the `#[serde(other)]` one, which
/// comes after the named ones, included).
fn has_unit<'de, W: EnumWalker<'de>>() -> bool {
    (0..=W::NAMES.len()).any(|i| W::unit(i).is_some())
}

/// Reads an enum with data in its form `repr`.
///
/// # Errors
///
/// The deserializer's, when the text cannot be read; violations go to
/// `walk`.
pub fn data_enum<'de, D, W>(
    deserializer: D,
    repr: Repr,
    deny_unknown_fields: bool,
    path: &Path<'_>,
    walk: &mut Walk,
    walker: W,
) -> Result<Option<W::Out>, D::Error>
where
    D: Deserializer<'de>,
    W: EnumWalker<'de>,
{
    deserializer.deserialize_any(EnumVisitor {
        walker,
        repr,
        deny_unknown_fields,
        path,
        walk,
    })
}

struct EnumVisitor<'a, 'p, W> {
    walker: W,
    repr: Repr,
    deny_unknown_fields: bool,
    path: &'a Path<'p>,
    walk: &'a mut Walk,
}

/// A property of an external enum's object that names a variant: its
/// content's findings, kept apart, and its view.
struct Named<'de, O> {
    key: std::borrow::Cow<'de, str>,
    own: Walk,
    out: Option<O>,
    /// The variant is a unit variant (a name written as a property).
    unit: bool,
}

impl<'de, W: EnumWalker<'de>> EnumVisitor<'_, '_, W> {
    /// An untagged enum's value of JSON type `found`, read by the one variant
    /// that reads that type from `deserializer`.
    fn untagged<D: Deserializer<'de>>(
        self,
        found: JsonType,
        deserializer: D,
    ) -> Result<Option<W::Out>, D::Error> {
        let Some(index) = crate::types::variant_for(W::TYPES, found) else {
            // An array's or an object's content is read past, so that the
            // rest of the document is still read and reported.
            <IgnoredAny as serde::Deserialize>::deserialize(deserializer)?;
            self.walk.type_error(self.path, W::expected(), found);
            return Ok(None);
        };
        if let Some(view) = W::unit(index) {
            return Ok(Some(view));
        }
        let deserializer = AsJson {
            null: found == JsonType::Null,
            inner: deserializer,
        };
        self.walker
            .content(index, deserializer, self.path, self.walk)
    }

    /// An object given to an untagged enum: serde reads it whole before it
    /// tries a variant, so the walk reads every value in it too (a number
    /// past any double, or a lone surrogate, in a property the variant does
    /// not have, at any depth, is refused where it is, as serde refuses
    /// it), then walks the variant that reads objects over what it read.
    fn untagged_object<A: MapAccess<'de>>(mut self, map: A) -> Result<Option<W::Out>, A::Error> {
        let object = self.read_object(map)?;
        self.untagged_whole(JsonType::Object, Value::Object(object))
    }

    /// An array given to an untagged enum: read whole, as an object is.
    fn untagged_array<A: SeqAccess<'de>>(self, seq: A) -> Result<Option<W::Out>, A::Error> {
        let array = Visitor::visit_seq(
            Buffered {
                path: self.path,
                walk: &mut *self.walk,
            },
            seq,
        )?;
        self.untagged_whole(JsonType::Array, array)
    }

    /// The variant that reads `found`, walked over `value`, read whole:
    /// [`EnumVisitor::untagged`] with the value as its deserializer.
    fn untagged_whole<E: serde::de::Error>(
        self,
        found: JsonType,
        value: Value,
    ) -> Result<Option<W::Out>, E> {
        self.untagged(found, value).map_err(E::custom)
    }

    /// Any value an enum of this form cannot be.
    fn other(self, found: JsonType) -> Option<W::Out> {
        let has_unit = has_unit::<W>();
        if matches!(self.repr, Repr::External) && has_unit && found == JsonType::String {
            self.walk.report.push(
                self.path,
                Kind::Enum {
                    allowed: W::NAMES.into(),
                },
            );
        } else {
            let expected = if matches!(self.repr, Repr::External) && has_unit {
                "string or object"
            } else {
                "object"
            };
            self.walk.type_error(self.path, expected, found);
        }
        None
    }

    /// A tag's variant, or an `enum` violation at `at`.
    fn tag(&mut self, tag: &str, at: &Path<'_>) -> Option<usize> {
        let found = W::variant(tag);
        if found.is_none() {
            self.walk.report.push(
                at,
                Kind::Enum {
                    allowed: W::NAMES.into(),
                },
            );
        }
        found
    }

    /// The content of variant `index`, read from a buffered value.
    fn buffered<E: serde::de::Error>(
        &mut self,
        index: usize,
        content: Value,
        at: &Path<'_>,
    ) -> Result<Option<W::Out>, E> {
        self.walker
            .content(index, content, at, self.walk)
            .map_err(E::custom)
    }

    fn unknown(&mut self, key: &str, known: &[&'static str]) {
        if self.deny_unknown_fields {
            crate::walk::field::unknown(self.path, &mut self.walk.report, key, known);
        }
    }

    fn external<A: MapAccess<'de>>(mut self, mut map: A) -> Result<Option<W::Out>, A::Error> {
        // Each property that names a variant is read as that variant's
        // content, and to it every other property is unknown (serde takes
        // exactly one), so that the answer does not depend on the order of
        // the properties (a `serde_json::Value` sorts them). With none that
        // names a variant, the object is not one of the names (`enum`).
        // Each content's findings are kept apart: if its property is given
        // again, the later value is the one kept (as serde_json keeps it).
        let mut named: Vec<Named<'de, W::Out>> = Vec::new();
        let mut others: Vec<std::borrow::Cow<'de, str>> = Vec::new();
        // Every property seen, for repeats: a set, as an object may have
        // any number of properties.
        let mut seen: std::collections::HashSet<std::borrow::Cow<'de, str>> =
            std::collections::HashSet::new();
        while let Some(key) = map.next_key_seed(KeySeed)? {
            let key = key.0;
            let at = named.iter().position(|n| n.key == key);
            let first = seen.insert(key.clone());
            if !first {
                crate::walk::field::duplicate(self.walk, self.path, &key);
            }
            if let Some(index) = W::variant(&key) {
                let mut own = Walk::new();
                let out = self.external_content(&mut map, index, &self.path.key(&key), &mut own)?;
                let read = Named {
                    key,
                    own,
                    out,
                    unit: W::unit(index).is_some(),
                };
                match at {
                    Some(i) => named[i] = read,
                    None => named.push(read),
                }
            } else {
                map.next_value::<IgnoredAny>()?;
                if first {
                    others.push(key);
                }
            }
        }
        if named.is_empty() {
            self.walk.report.push(
                self.path,
                Kind::Enum {
                    allowed: W::NAMES.into(),
                },
            );
            return Ok(None);
        }
        if named.iter().any(|n| n.unit) {
            // A unit variant's name as a property: the unit variant is a
            // string, which says all there is to say about the object.
            self.walk.type_error(self.path, "string", JsonType::Object);
        } else {
            // To each variant read, every other property is unknown, with
            // its name as the suggestion (the schema's variant has that one
            // property); the same violation from two variants is one.
            let mut said = std::collections::HashSet::new();
            for n in &named {
                let known: Vec<&'static str> =
                    W::TAGS.iter().copied().filter(|t| *t == n.key).collect();
                let keys = others.iter().chain(named.iter().map(|m| &m.key));
                for key in keys.filter(|k| **k != n.key) {
                    let suggestion = crate::suggest::closest(key, &known);
                    if said.insert((key, suggestion)) {
                        self.walk.report.push(
                            self.path,
                            Kind::UnknownField {
                                property: key.to_string(),
                                suggestion,
                            },
                        );
                    }
                }
            }
        }
        let one = named.len() == 1;
        let mut out = None;
        for mut n in named {
            self.walk.append(&mut n.own);
            out = n.out;
        }
        Ok(if one { out } else { None })
    }

    /// The value of an external enum's property that names variant
    /// `index`: its content, walked into `own`.
    fn external_content<A: MapAccess<'de>>(
        &mut self,
        map: &mut A,
        index: usize,
        at: &Path<'_>,
        own: &mut Walk,
    ) -> Result<Option<W::Out>, A::Error> {
        if W::unit(index).is_some() {
            map.next_value::<IgnoredAny>()?;
            return Ok(None);
        }
        let result = map.next_value_seed(ContentSeed {
            walker: &self.walker,
            index,
            path: at,
            walk: own,
        });
        if result.is_err() {
            self.walk.adopt_error(own);
        }
        result
    }

    /// Reads an object's properties into a map, reporting repeated ones, at
    /// every depth: the buffered content must not lose what the text said.
    fn read_object<A: MapAccess<'de>>(&mut self, map: A) -> Result<Map<String, Value>, A::Error> {
        Buffered {
            path: self.path,
            walk: self.walk,
        }
        .object(map)
    }

    /// The variant named by the string at `at`, or a `type`/`enum` violation.
    fn tag_value(&mut self, value: &Value, at: &Path<'_>) -> Option<usize> {
        match value {
            Value::String(s) => self.tag(s, at),
            other => {
                self.walk.type_error(at, "string", JsonType::of(other));
                None
            }
        }
    }

    fn internal<A: MapAccess<'de>>(
        mut self,
        map: A,
        tag: &'static str,
    ) -> Result<Option<W::Out>, A::Error> {
        let mut object = self.read_object(map)?;
        let Some(tag_value) = object.remove(tag) else {
            crate::walk::field::required(self.path, &mut self.walk.report, tag);
            return Ok(None);
        };
        let Some(index) = self.tag_value(&tag_value, &self.path.key(tag)) else {
            return Ok(None);
        };
        match W::unit(index) {
            // serde reads a unit variant from the tag alone: the other
            // properties are not looked at, `deny_unknown_fields` or not.
            Some(view) => Ok(Some(view)),
            None => self.buffered(index, Value::Object(object), self.path),
        }
    }

    fn adjacent<A: MapAccess<'de>>(
        mut self,
        map: A,
        tag: &'static str,
        content: &'static str,
    ) -> Result<Option<W::Out>, A::Error> {
        // serde reads the tag and the content, and drops any other
        // property's value unread (a number past any double in it too).
        let mut object = Buffered {
            path: self.path,
            walk: self.walk,
        }
        .object_reading(map, |key| key == tag || key == content)?;
        let (tag_value, content_value) = (object.remove(tag), object.remove(content));
        for key in object.keys() {
            self.unknown(key, &[tag, content]);
        }
        let Some(tag_value) = tag_value else {
            crate::walk::field::required(self.path, &mut self.walk.report, tag);
            return Ok(None);
        };
        let Some(index) = self.tag_value(&tag_value, &self.path.key(tag)) else {
            return Ok(None);
        };
        let at = self.path.key(content);
        match (W::unit(index), content_value) {
            (Some(view), None | Some(Value::Null)) => Ok(Some(view)),
            (Some(_), Some(other)) => {
                self.walk.type_error(&at, "null", JsonType::of(&other));
                Ok(None)
            }
            (None, None) if W::content_may_be_absent(index) => {
                // serde reads the absent content as its type reads absence:
                // an `Option`'s as what `null` reads, checked as `null`; a
                // type whose own `Deserialize` (one written by hand) reads
                // absence while its walk reads no `null` is taken as serde
                // takes it, with nothing to check.
                let mut own = Walk::new();
                let read = self
                    .walker
                    .content(index, Value::Null, &at, &mut own)
                    .map_err(<A::Error as serde::de::Error>::custom)?;
                if read.is_some() {
                    self.walk.append(&mut own);
                }
                Ok(read)
            }
            (None, None) => {
                crate::walk::field::required(self.path, &mut self.walk.report, content);
                Ok(None)
            }
            (None, Some(value)) => self.buffered(index, value, &at),
        }
    }
}

impl<'de, W: EnumWalker<'de>> Visitor<'de> for EnumVisitor<'_, '_, W> {
    type Value = Option<W::Out>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an enum")
    }

    fn visit_str<E: serde::de::Error>(mut self, v: &str) -> Result<Self::Value, E> {
        let has_unit = has_unit::<W>();
        match self.repr {
            // A string is a unit variant's name: with none, it is a `type`
            // violation, as any value but an object is.
            Repr::External if has_unit => {}
            Repr::Untagged => return self.untagged(JsonType::String, StrDeserializer::new(v)),
            Repr::External | Repr::Internal(_) | Repr::Adjacent(..) => {
                return Ok(self.other(JsonType::String));
            }
        }
        let path = self.path;
        Ok(match self.tag(v, path) {
            Some(index) => {
                if let Some(view) = W::unit(index) {
                    Some(view)
                } else {
                    self.walk.type_error(path, "object", JsonType::String);
                    None
                }
            }
            None => None,
        })
    }

    fn visit_borrowed_str<E: serde::de::Error>(self, v: &'de str) -> Result<Self::Value, E> {
        if matches!(self.repr, Repr::Untagged) {
            return self.untagged(JsonType::String, BorrowedStrDeserializer::new(v));
        }
        self.visit_str(v)
    }

    fn visit_string<E: serde::de::Error>(self, v: String) -> Result<Self::Value, E> {
        self.visit_str(&v)
    }

    fn visit_bool<E: serde::de::Error>(self, v: bool) -> Result<Self::Value, E> {
        if matches!(self.repr, Repr::Untagged) {
            return self.untagged(JsonType::Boolean, v.into_deserializer());
        }
        Ok(self.other(JsonType::Boolean))
    }

    fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Self::Value, E> {
        if matches!(self.repr, Repr::Untagged) {
            return self.untagged(JsonType::Integer, v.into_deserializer());
        }
        Ok(self.other(JsonType::Integer))
    }

    fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Self::Value, E> {
        if matches!(self.repr, Repr::Untagged) {
            return self.untagged(JsonType::Integer, v.into_deserializer());
        }
        Ok(self.other(JsonType::Integer))
    }

    fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<Self::Value, E> {
        if matches!(self.repr, Repr::Untagged) {
            // A whole number past 64 bits (`1e30`) is an integer to JSON
            // Schema, and out of range for an integer field: a variant that
            // reads fractions reads it (an `f64`'s); with none, a variant
            // that reads integers, which reports it out of range; with
            // neither, it is a number no variant reads.
            let found = if crate::validate::past_64_bits(v)
                && crate::types::variant_for(W::TYPES, JsonType::Number).is_none()
                && crate::types::variant_for(W::TYPES, JsonType::Integer).is_some()
            {
                JsonType::Integer
            } else {
                JsonType::Number
            };
            return self.untagged(found, v.into_deserializer());
        }
        Ok(self.other(JsonType::Number))
    }

    fn visit_unit<E: serde::de::Error>(self) -> Result<Self::Value, E> {
        if matches!(self.repr, Repr::Untagged) {
            return self.untagged(JsonType::Null, ().into_deserializer());
        }
        Ok(self.other(JsonType::Null))
    }

    fn visit_none<E: serde::de::Error>(self) -> Result<Self::Value, E> {
        self.visit_unit()
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        if matches!(self.repr, Repr::Untagged) {
            return self.untagged_array(seq);
        }
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(self.other(JsonType::Array))
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
        match self.repr {
            Repr::External => self.external(map),
            Repr::Internal(tag) => self.internal(map, tag),
            Repr::Adjacent(tag, content) => self.adjacent(map, tag, content),
            Repr::Untagged => self.untagged_object(map),
        }
    }
}

/// A value already read by its JSON type (serde's value deserializers), which
/// reads as an `Option` as JSON does: `null` is `None`, anything else
/// `Some`. serde's own value deserializers give an `Option` the bare value
/// (`5`, where `Some` is meant), which an untagged variant over an `Option`
/// would refuse; serde's untagged buffer reads it as `Some(5)`.
struct AsJson<D> {
    null: bool,
    inner: D,
}

impl<'de, D: Deserializer<'de>> Deserializer<'de> for AsJson<D> {
    type Error = D::Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, D::Error> {
        self.inner.deserialize_any(visitor)
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, D::Error> {
        if self.null {
            self.inner.deserialize_option(visitor)
        } else {
            // Still JSON's reading inside: `Option<Option<u8>>` is
            // `Some(Some(5))`.
            visitor.visit_some(self)
        }
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        name: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        self.inner.deserialize_enum(name, variants, visitor)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        self.inner.deserialize_newtype_struct(name, visitor)
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf unit unit_struct seq tuple tuple_struct map struct
        identifier ignored_any
    }
}

/// The content of an external enum's variant, walked as it is read.
struct ContentSeed<'a, 'p, 'w, W> {
    walker: &'a W,
    index: usize,
    path: &'a Path<'p>,
    walk: &'w mut Walk,
}

impl<'de, W: EnumWalker<'de>> DeserializeSeed<'de> for ContentSeed<'_, '_, '_, W> {
    type Value = Option<W::Out>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        let result = self
            .walker
            .content(self.index, deserializer, self.path, self.walk);
        if result.is_err() {
            self.walk.note_error(self.path);
        }
        result
    }
}
