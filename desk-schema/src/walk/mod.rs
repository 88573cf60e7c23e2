//! The raw-JSON walk: checks JSON text (or a `serde_json::Value`) against a
//! type's shape and rules while it is read, through serde's `Deserializer`,
//! without building a tree. Strings are borrowed from the input where they
//! have no escapes; only what rules need (the views) is kept.
//!
//! Violations are recorded as an object is read, in document order; then
//! each field's rules, in the order of the fields' names (the typed check's
//! order, and the report's); then the unknown properties. The report is
//! sorted at the end.

pub(crate) mod field;

use core::fmt;
use core::marker::PhantomData;
use std::borrow::Cow;

use serde::de::{DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Value};

use crate::{JsonType, JsonView, Kind, Path, Report, ValidateIn};

/// The state of one walk: the report, and where the input stopped being
/// readable, if it did.
#[derive(Debug, Default)]
pub struct Walk {
    /// The violations found so far.
    pub report: Report,
    error_at: Option<String>,
}

impl Walk {
    /// An empty walk. Does not allocate.
    #[must_use]
    pub const fn new() -> Self {
        Walk {
            report: Report::new(),
            error_at: None,
        }
    }

    /// Moves another walk's findings (a field's, gathered apart) to the end
    /// of this one, leaving it empty.
    #[inline]
    pub fn append(&mut self, other: &mut Walk) {
        if self.error_at.is_none() && other.error_at.is_some() {
            self.error_at = other.error_at.take();
        }
        // Most fields have nothing to add: nothing is moved then.
        if !other.report.is_empty() {
            self.append_report(core::mem::take(&mut other.report));
        }
    }

    fn append_report(&mut self, report: Report) {
        if self.report.is_empty() {
            self.report = report;
        } else {
            for v in report.into_violations() {
                self.report.push_violation(v);
            }
        }
    }

    /// Where the input stopped being readable (the JSON Pointer of the value
    /// being read), if it did.
    #[must_use]
    pub fn error_at(&self) -> Option<&str> {
        self.error_at.as_deref()
    }

    /// Notes that the input stopped being readable while reading the value at
    /// `path` (kept only for the first, innermost place).
    pub fn note_error(&mut self, path: &Path<'_>) {
        if self.error_at.is_none() {
            self.error_at = Some(path.to_pointer());
        }
    }

    /// Takes over where another walk (a field's, read apart) stopped reading.
    pub fn adopt_error(&mut self, other: &Walk) {
        if self.error_at.is_none() {
            self.error_at.clone_from(&other.error_at);
        }
    }

    /// Records a wrong JSON type.
    pub fn type_error(&mut self, path: &Path<'_>, expected: &'static str, found: JsonType) {
        self.report.push(path, Kind::Type { expected, found });
    }
}

/// A seed that checks one value of type `T` under context `C`.
pub(crate) struct Seed<'a, 'p, T: ?Sized, C: ?Sized> {
    ctx: &'a C,
    path: &'a Path<'p>,
    walk: &'a mut Walk,
    marker: PhantomData<fn() -> Box<T>>,
}

impl<'a, 'p, T: ?Sized, C: ?Sized> Seed<'a, 'p, T, C> {
    /// A seed for the value at `path`.
    pub(crate) fn new(ctx: &'a C, path: &'a Path<'p>, walk: &'a mut Walk) -> Self {
        Seed {
            ctx,
            path,
            walk,
            marker: PhantomData,
        }
    }
}

impl<'de, T: ValidateIn<C>, C: ?Sized> DeserializeSeed<'de> for Seed<'_, '_, T, C> {
    type Value = Option<T::View<'de>>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        let Seed {
            ctx, path, walk, ..
        } = self;
        let result = T::check_de(deserializer, ctx, path, &mut *walk);
        if result.is_err() {
            walk.note_error(path);
        }
        result
    }
}

/// A property name, borrowed from the input when it has no escapes.
pub struct Key<'de>(pub Cow<'de, str>);

/// Reads a property name.
pub(crate) struct KeySeed;

impl<'de> DeserializeSeed<'de> for KeySeed {
    type Value = Key<'de>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Key<'de>, D::Error> {
        deserializer.deserialize_str(KeyVisitor)
    }
}

struct KeyVisitor;

impl<'de> Visitor<'de> for KeyVisitor {
    type Value = Key<'de>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a property name")
    }

    fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Key<'de>, E> {
        Ok(Key(Cow::Borrowed(v)))
    }

    fn visit_str<E>(self, v: &str) -> Result<Key<'de>, E> {
        Ok(Key(Cow::Owned(v.to_owned())))
    }

    fn visit_string<E>(self, v: String) -> Result<Key<'de>, E> {
        Ok(Key(Cow::Owned(v)))
    }
}

/// A JSON value that is not an object or an array (those are read and
/// dropped, and only their type is kept).
#[derive(Debug)]
pub enum Scalar<'de> {
    /// `null`
    Null,
    /// `true` / `false`
    Bool(bool),
    /// A negative integer that fits i64.
    I64(i64),
    /// A non-negative integer that fits u64.
    U64(u64),
    /// Any other number.
    F64(f64),
    /// A string.
    Str(Cow<'de, str>),
    /// An array or object, read and dropped.
    Compound(JsonType),
}

impl Scalar<'_> {
    /// The JSON type of the value.
    #[must_use]
    pub fn json_type(&self) -> JsonType {
        match self {
            Scalar::Null => JsonType::Null,
            Scalar::Bool(_) => JsonType::Boolean,
            Scalar::I64(_) | Scalar::U64(_) => JsonType::Integer,
            Scalar::F64(_) => JsonType::Number,
            Scalar::Str(_) => JsonType::String,
            Scalar::Compound(t) => *t,
        }
    }
}

/// Reads any value as a `Scalar`.
///
/// # Errors
///
/// The deserializer's, when the text cannot be read.
pub fn scalar<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Scalar<'de>, D::Error> {
    deserializer.deserialize_any(ScalarVisitor)
}

/// Reads and drops the rest of an array or object.
fn drain_seq<'de, A: SeqAccess<'de>>(mut seq: A) -> Result<(), A::Error> {
    while seq.next_element::<IgnoredAny>()?.is_some() {}
    Ok(())
}

fn drain_map<'de, A: MapAccess<'de>>(mut map: A) -> Result<(), A::Error> {
    while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
    Ok(())
}

/// The `visit_*` methods for scalars, shared by every visitor here: `$on`
/// turns a `Scalar` into the visitor's value.
macro_rules! scalar_visits {
    ($on:ident) => {
        fn visit_bool<E>(self, v: bool) -> Result<Self::Value, E> {
            Ok(self.$on(Scalar::Bool(v)))
        }
        fn visit_i64<E>(self, v: i64) -> Result<Self::Value, E> {
            Ok(self.$on(match u64::try_from(v) {
                Ok(u) => Scalar::U64(u),
                Err(_) => Scalar::I64(v),
            }))
        }
        fn visit_u64<E>(self, v: u64) -> Result<Self::Value, E> {
            Ok(self.$on(Scalar::U64(v)))
        }
        fn visit_f64<E>(self, v: f64) -> Result<Self::Value, E> {
            Ok(self.$on(Scalar::F64(v)))
        }
        fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Self::Value, E> {
            Ok(self.$on(Scalar::Str(Cow::Borrowed(v))))
        }
        fn visit_str<E>(self, v: &str) -> Result<Self::Value, E> {
            Ok(self.$on(Scalar::Str(Cow::Owned(v.to_owned()))))
        }
        fn visit_string<E>(self, v: String) -> Result<Self::Value, E> {
            Ok(self.$on(Scalar::Str(Cow::Owned(v))))
        }
        fn visit_unit<E>(self) -> Result<Self::Value, E> {
            Ok(self.$on(Scalar::Null))
        }
        fn visit_none<E>(self) -> Result<Self::Value, E> {
            Ok(self.$on(Scalar::Null))
        }
    };
}

struct ScalarVisitor;

impl ScalarVisitor {
    #[allow(
        clippy::unused_self,
        reason = "called as `self.$on(..)` by `scalar_visits!`"
    )]
    fn take(self, s: Scalar<'_>) -> Scalar<'_> {
        s
    }
}

impl<'de> Visitor<'de> for ScalarVisitor {
    type Value = Scalar<'de>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    scalar_visits!(take);

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Scalar<'de>, A::Error> {
        drain_seq(seq)?;
        Ok(Scalar::Compound(JsonType::Array))
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Scalar<'de>, A::Error> {
        drain_map(map)?;
        Ok(Scalar::Compound(JsonType::Object))
    }
}

/// Walks the properties of an object: implemented by the derive on the
/// object's view, in context `C`.
pub trait ObjectWalker<'de, C: ?Sized>: Sized {
    /// Reads every property of the object at `path`, recording into `walk`.
    ///
    /// # Errors
    ///
    /// The map's, when the text cannot be read; violations go to `walk`.
    fn walk<A: MapAccess<'de>>(
        map: A,
        ctx: &C,
        path: &Path<'_>,
        walk: &mut Walk,
    ) -> Result<Self, A::Error>;
}

/// Reads an object at `path` into the view `W`; any other type is a
/// `type` violation.
///
/// # Errors
///
/// The deserializer's, when the text cannot be read; violations go to
/// `walk`.
pub fn object<'de, D, C, W>(
    deserializer: D,
    ctx: &C,
    path: &Path<'_>,
    walk: &mut Walk,
) -> Result<Option<W>, D::Error>
where
    D: Deserializer<'de>,
    C: ?Sized,
    W: ObjectWalker<'de, C>,
{
    deserializer.deserialize_any(ObjectVisitor {
        ctx,
        path,
        walk,
        view: PhantomData,
    })
}

struct ObjectVisitor<'a, 'p, C: ?Sized, W> {
    ctx: &'a C,
    path: &'a Path<'p>,
    walk: &'a mut Walk,
    view: PhantomData<fn() -> W>,
}

impl<C: ?Sized, W> ObjectVisitor<'_, '_, C, W> {
    #[allow(
        clippy::needless_pass_by_value,
        reason = "the signature `scalar_visits!` calls, as other visitors' consuming ones"
    )]
    fn other<T>(self, s: Scalar<'_>) -> Option<T> {
        self.walk.type_error(self.path, "object", s.json_type());
        None
    }
}

impl<'de, C: ?Sized, W: ObjectWalker<'de, C>> Visitor<'de> for ObjectVisitor<'_, '_, C, W> {
    type Value = Option<W>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an object")
    }

    scalar_visits!(other);

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
        drain_seq(seq)?;
        Ok(self.other(Scalar::Compound(JsonType::Array)))
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
        W::walk(map, self.ctx, self.path, self.walk).map(Some)
    }
}

/// The view of a list: each item's view, `None` for an item of the wrong shape.
pub(crate) type ItemViews<'de, T> = Vec<Option<<T as JsonView>::View<'de>>>;

/// Reads an array, checking each item as a `T`; any other type is a `type`
/// violation. The view holds each item's view (`None` for an item of the
/// wrong shape).
pub(crate) fn array<'de, D, T, C>(
    deserializer: D,
    ctx: &C,
    path: &Path<'_>,
    walk: &mut Walk,
) -> Result<Option<ItemViews<'de, T>>, D::Error>
where
    D: Deserializer<'de>,
    T: ValidateIn<C>,
    C: ?Sized,
{
    deserializer.deserialize_any(ArrayVisitor(Reading::<T, C>::new(ctx, path, walk)))
}

/// What a visitor of a list or a map needs: the items' context, the path of
/// the whole, and the walk.
struct Reading<'a, 'p, T, C: ?Sized> {
    ctx: &'a C,
    path: &'a Path<'p>,
    walk: &'a mut Walk,
    marker: PhantomData<fn() -> T>,
}

impl<'a, 'p, T, C: ?Sized> Reading<'a, 'p, T, C> {
    fn new(ctx: &'a C, path: &'a Path<'p>, walk: &'a mut Walk) -> Self {
        Reading {
            ctx,
            path,
            walk,
            marker: PhantomData,
        }
    }

    /// A value of another JSON type than `expected`.
    #[allow(
        clippy::needless_pass_by_value,
        reason = "the signature `scalar_visits!` calls, as other visitors' consuming ones"
    )]
    fn mismatch<V>(self, expected: &'static str, s: Scalar<'_>) -> Option<V> {
        self.walk.type_error(self.path, expected, s.json_type());
        None
    }
}

struct ArrayVisitor<'a, 'p, T, C: ?Sized>(Reading<'a, 'p, T, C>);

impl<T, C: ?Sized> ArrayVisitor<'_, '_, T, C> {
    fn other<V>(self, s: Scalar<'_>) -> Option<V> {
        self.0.mismatch("array", s)
    }
}

impl<'de, T: ValidateIn<C>, C: ?Sized> Visitor<'de> for ArrayVisitor<'_, '_, T, C> {
    type Value = Option<ItemViews<'de, T>>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an array")
    }

    scalar_visits!(other);

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let Reading {
            ctx, path, walk, ..
        } = self.0;
        let mut items = Vec::new();
        loop {
            let at = path.index(items.len());
            match seq.next_element_seed(Seed::<T, C>::new(ctx, &at, walk))? {
                Some(item) => items.push(item),
                None => return Ok(Some(items)),
            }
        }
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
        drain_map(map)?;
        Ok(self.other(Scalar::Compound(JsonType::Object)))
    }
}

/// Reads `null` as `Some(None)` and anything else as a `T`.
#[allow(
    clippy::option_option,
    reason = "absent (`None`), present and unreadable (`Some(None)`), or read (`Some(Some)`)"
)]
pub(crate) fn option<'de, D, T, C>(
    deserializer: D,
    ctx: &C,
    path: &Path<'_>,
    walk: &mut Walk,
) -> Result<Option<Option<T::View<'de>>>, D::Error>
where
    D: Deserializer<'de>,
    T: ValidateIn<C>,
    C: ?Sized,
{
    deserializer.deserialize_option(OptionVisitor::<T, C> {
        ctx,
        path,
        walk,
        marker: PhantomData,
    })
}

struct OptionVisitor<'a, 'p, T, C: ?Sized> {
    ctx: &'a C,
    path: &'a Path<'p>,
    walk: &'a mut Walk,
    marker: PhantomData<fn() -> T>,
}

impl<'de, T: ValidateIn<C>, C: ?Sized> Visitor<'de> for OptionVisitor<'_, '_, T, C> {
    type Value = Option<Option<T::View<'de>>>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a value or null")
    }

    fn visit_none<E>(self) -> Result<Self::Value, E> {
        Ok(Some(None))
    }

    fn visit_unit<E>(self) -> Result<Self::Value, E> {
        Ok(Some(None))
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        Ok(T::check_de(deserializer, self.ctx, self.path, self.walk)?.map(Some))
    }
}

/// Reads a property's value whole, for fields checked by deserializing them
/// (`skip`, or only `custom` rules): a small `serde_json::Value`.
pub(crate) fn buffer<'de, A: MapAccess<'de>>(
    map: &mut A,
    path: &Path<'_>,
    walk: &mut Walk,
) -> Result<serde_json::Value, A::Error> {
    map.next_value_seed(Buffered { path, walk })
}

/// A JSON value read whole into a `Value`, with each repeated key of an
/// object inside it reported as `duplicate_key` at that object's path (serde
/// refuses a repeated field of a struct; a buffered `Value` would keep only
/// the last silently).
pub(crate) struct Buffered<'a, 'p> {
    pub(crate) path: &'a Path<'p>,
    pub(crate) walk: &'a mut Walk,
}

impl<'de> DeserializeSeed<'de> for Buffered<'_, '_> {
    type Value = Value;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        let Buffered { path, walk } = self;
        // Text that cannot be read (a number past any double, a lone
        // surrogate) is said at the innermost value that holds it: the
        // first place noted is kept.
        deserializer
            .deserialize_any(Buffered {
                path,
                walk: &mut *walk,
            })
            .inspect_err(|_| walk.note_error(path))
    }
}

impl<'de> Visitor<'de> for Buffered<'_, '_> {
    type Value = Value;

    fn expecting(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_bool<E: serde::de::Error>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }

    fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Value, E> {
        Ok(Value::from(v))
    }

    fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Value, E> {
        Ok(Value::from(v))
    }

    fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<Value, E> {
        Ok(serde_json::Number::from_f64(v).map_or(Value::Null, Value::Number))
    }

    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_owned()))
    }

    fn visit_string<E: serde::de::Error>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }

    fn visit_none<E: serde::de::Error>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_unit<E: serde::de::Error>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        deserializer.deserialize_any(self)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::new();
        loop {
            let at = self.path.index(items.len());
            let seed = Buffered {
                path: &at,
                walk: &mut *self.walk,
            };
            match seq.next_element_seed(seed)? {
                Some(item) => items.push(item),
                None => return Ok(Value::Array(items)),
            }
        }
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Value, A::Error> {
        self.object(map).map(Value::Object)
    }
}

impl Buffered<'_, '_> {
    /// An object's properties, each read whole, a repeated one reported at
    /// the object's path (the later value is kept, as `serde_json` keeps it).
    pub(crate) fn object<'de, A: MapAccess<'de>>(
        self,
        map: A,
    ) -> Result<Map<String, Value>, A::Error> {
        self.object_reading(map, |_| true)
    }

    /// [`Buffered::object`], reading only the values of the properties
    /// `read` names: any other's value is dropped unread (`null` stands for
    /// it), as serde drops a property the type does not have.
    pub(crate) fn object_reading<'de, A: MapAccess<'de>>(
        self,
        mut map: A,
        read: impl Fn(&str) -> bool,
    ) -> Result<Map<String, Value>, A::Error> {
        let mut out = Map::new();
        while let Some(key) = map.next_key_seed(KeySeed)? {
            let at = self.path.key(&key.0);
            let value = if read(&key.0) {
                map.next_value_seed(Buffered {
                    path: &at,
                    walk: &mut *self.walk,
                })?
            } else {
                map.next_value::<IgnoredAny>()?;
                Value::Null
            };
            if out.insert(key.0.clone().into_owned(), value).is_some() {
                crate::walk::field::duplicate(self.walk, self.path, &key.0);
            }
        }
        Ok(out)
    }
}

/// Reads and drops a property's value.
///
/// # Errors
///
/// The map's, when the text cannot be read.
pub(crate) fn ignore<'de, A: MapAccess<'de>>(map: &mut A) -> Result<(), A::Error> {
    map.next_value::<IgnoredAny>().map(|_| ())
}

/// The view of a map: each entry's key and value view (`None` for a value of
/// the wrong shape), in document order, one entry per key. (`unique` over a
/// list of maps builds the maps and compares them, not these views: see
/// `rules::unique::raw::WholeView`.)
pub(crate) type EntryViews<'de, V> = Vec<(Cow<'de, str>, Option<<V as JsonView>::View<'de>>)>;

/// Reads an object as a map, checking each value as a `V` at its key's path;
/// any other type is a `type` violation. A key given twice is reported at
/// the map, and its later value is the one kept (as `serde_json` keeps it).
pub(crate) fn map<'de, D, V, C>(
    deserializer: D,
    ctx: &C,
    path: &Path<'_>,
    walk: &mut Walk,
) -> Result<Option<EntryViews<'de, V>>, D::Error>
where
    D: Deserializer<'de>,
    V: ValidateIn<C>,
    C: ?Sized,
{
    deserializer.deserialize_any(MapVisitor(Reading::<V, C>::new(ctx, path, walk)))
}

struct MapVisitor<'a, 'p, V, C: ?Sized>(Reading<'a, 'p, V, C>);

impl<V, C: ?Sized> MapVisitor<'_, '_, V, C> {
    fn other<T>(self, s: Scalar<'_>) -> Option<T> {
        self.0.mismatch("object", s)
    }
}

impl<'de, V: ValidateIn<C>, C: ?Sized> Visitor<'de> for MapVisitor<'_, '_, V, C> {
    type Value = Option<EntryViews<'de, V>>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an object")
    }

    scalar_visits!(other);

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
        drain_seq(seq)?;
        Ok(self.other(Scalar::Compound(JsonType::Array)))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let Reading {
            ctx, path, walk, ..
        } = self.0;
        let mut entries: EntryViews<'de, V> = Vec::new();
        // Each value's findings are kept apart until the end, so that a
        // repeated key's earlier value can be dropped with them.
        let mut walks: Vec<Walk> = Vec::new();
        let mut index: std::collections::BTreeMap<Cow<'de, str>, usize> =
            std::collections::BTreeMap::new();
        while let Some(Key(key)) = map.next_key_seed(KeySeed)? {
            let at = path.key(&key);
            let mut own = Walk::new();
            let value = match map.next_value_seed(Seed::<V, C>::new(ctx, &at, &mut own)) {
                Ok(v) => v,
                Err(e) => {
                    walk.adopt_error(&own);
                    return Err(e);
                }
            };
            if let Some(&i) = index.get(&key) {
                crate::walk::field::duplicate(walk, path, &key);
                entries[i].1 = value;
                walks[i] = own;
            } else {
                index.insert(key.clone(), entries.len());
                entries.push((key, value));
                walks.push(own);
            }
        }
        for mut w in walks {
            walk.append(&mut w);
        }
        Ok(Some(entries))
    }
}
