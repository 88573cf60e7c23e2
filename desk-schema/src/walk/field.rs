//! The derive's walk of an object's fields: a slot per property, what an
//! absent property holds, and the shape violations of an object
//! (re-exported in `__private`).

use serde::de::{Deserialize, DeserializeOwned, Deserializer, MapAccess, Visitor};
use serde_json::Value;

use super::{Scalar, Seed, Walk, buffer};
use crate::{Kind, Path, Report};

/// Whether the value serde gives an absent field breaks the field's rules:
/// `check` runs them on it. Such a field is then required on every path.
pub fn default_breaks(check: impl FnOnce(&mut Report)) -> bool {
    let mut report = Report::new();
    check(&mut report);
    !report.is_empty()
}

/// The text of a unit enum's JSON value, or a `type` violation.
pub fn enum_str<'a>(value: &'a Scalar<'_>, path: &Path<'_>, walk: &mut Walk) -> Option<&'a str> {
    if let Scalar::Str(s) = value {
        Some(s)
    } else {
        walk.type_error(path, "string", value.json_type());
        None
    }
}

/// An `enum` violation: the string is none of the variants.
pub fn not_allowed(path: &Path<'_>, walk: &mut Walk, names: &'static [&'static str]) {
    walk.report.push(
        path,
        Kind::Enum {
            allowed: names.into(),
        },
    );
}

/// A struct rule's scope at `path`, recording into `report`.
pub fn scope<'r, 'p>(path: &'r Path<'p>, report: &'r mut Report) -> crate::Scope<'r, 'p> {
    crate::Scope::new(path, report)
}

/// How many violations of the input's shape (type, required, ...) `report`
/// holds: struct rules without a raw form run only when there are none new.
#[must_use]
pub fn shape_count(report: &Report) -> usize {
    report.shape_count()
}

/// How many numbers `report` holds that no value of their type is (a typed
/// float's infinity or NaN, a `u128` past 64 bits): a typed value's custom
/// rules, and its struct's without a raw form, run only when there are none
/// new, as the walk runs them only on a value it could read.
#[must_use]
pub fn unreadable_count(report: &Report) -> usize {
    report.unreadable_count()
}

/// True when serde accepts `T` with its property absent (as for `Option`).
#[must_use]
pub fn may_be_absent<T: Deserialize<'static>>() -> bool {
    T::deserialize(Missing).is_ok()
}

/// `T` deserialized from `value`, or `None`.
fn from_value<T: DeserializeOwned>(value: &Value) -> Option<T> {
    T::deserialize(value).ok()
}

/// `T` as serde builds it when the property is absent, or `None`.
#[must_use]
pub fn absent<T: Deserialize<'static>>() -> Option<T> {
    T::deserialize(Missing).ok()
}

/// [`may_be_absent`] and [`absent`] asked by autoref, for a nested field's
/// type that names no parameter of the deriving type:
/// `(&&&Absence::<T>::NEW).__desk_reads_absence()` is serde's answer when `T` is
/// `Deserialize` ([`ReadsAbsence`]); for an `Option` of a type without
/// `Deserialize`, what serde's `Option` reads for any item type: `None`
/// ([`OptionAbsence`]); for anything else without it, that absence is no
/// value ([`NoAbsence`]), as for serde's derived structs and enums (the
/// methods' names are the derive's own, so that no method of a trait of
/// the user's in scope takes the call). A nested
/// type without `Deserialize` is then serde's error alone, at the derive
/// that reads it, rather than one more of ours for each place the walk and
/// the schema ask; and a type checked without serde (`validate_value` on a
/// type that does not derive `Deserialize`) reads an absent `Option` as
/// `None` and any other absent value as required.
pub struct Absence<T>(core::marker::PhantomData<fn() -> T>);

impl<T> Absence<T> {
    /// The probe for `T`.
    pub const NEW: Self = Self(core::marker::PhantomData);
}

/// The answer for a `Deserialize` type: serde's.
pub trait ReadsAbsence<T> {
    /// Whether serde reads an absent property as a value of `T`.
    fn __desk_reads_absence(&self) -> bool;
    /// `T` as serde builds it when the property is absent, or `None`.
    fn __desk_absent_value(&self) -> Option<T>;
}

impl<T: Deserialize<'static>> ReadsAbsence<T> for &&Absence<T> {
    #[inline]
    fn __desk_reads_absence(&self) -> bool {
        may_be_absent::<T>()
    }

    #[inline]
    fn __desk_absent_value(&self) -> Option<T> {
        absent::<T>()
    }
}

/// The answer for an `Option` of a type without `Deserialize`: `None`, as
/// serde's `Option` reads an absent property whatever its item.
pub trait OptionAbsence<T> {
    /// `true`.
    fn __desk_reads_absence(&self) -> bool;
    /// `Some(None)`.
    fn __desk_absent_value(&self) -> Option<Option<T>>;
}

impl<T> OptionAbsence<T> for &Absence<Option<T>> {
    #[inline]
    fn __desk_reads_absence(&self) -> bool {
        true
    }

    #[inline]
    fn __desk_absent_value(&self) -> Option<Option<T>> {
        Some(None)
    }
}

/// The answer for any other type without `Deserialize`: absence is no
/// value.
pub trait NoAbsence<T> {
    /// `false`.
    fn __desk_reads_absence(&self) -> bool;
    /// `None`.
    fn __desk_absent_value(&self) -> Option<T>;
}

impl<T> NoAbsence<T> for Absence<T> {
    #[inline]
    fn __desk_reads_absence(&self) -> bool {
        false
    }

    #[inline]
    fn __desk_absent_value(&self) -> Option<T> {
        None
    }
}

/// What a `#[desk(skip)]` field's type must be for the walk of raw JSON:
/// read by serde from a buffered copy of its value, so `Deserialize` for
/// every lifetime (`DeserializeOwned`, for which it is implemented). Named in
/// the derive's compile error for a type that is not: one error, however
/// many places read the field (each asks for the one constant `READ`, and
/// rustc shows identical errors once), beside serde's own.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not `Deserialize`, and a `#[desk(skip)]` field is read as serde reads it",
    label = "serde cannot read `{Self}`",
    note = "implement or derive `serde::Deserialize` for the field's type, or for the type of yours it holds; a field serde does not read either is `#[serde(skip)]`, and needs no `#[desk(skip)]`"
)]
pub trait SerdeReads: Sized {
    /// How the walk reads `Self`.
    #[doc(hidden)]
    const READ: Skip<Self>;
}

#[diagnostic::do_not_recommend]
impl<T: DeserializeOwned> SerdeReads for T {
    const READ: Skip<Self> = Skip {
        // Held to the walk's reading, as the typed parse is: an `f32` past
        // its type, a struct written as an array, refused (the schema
        // refuses them).
        strict: |value| T::deserialize(crate::strict::Strict(value)).is_ok(),
        value: from_value::<T>,
        absent: absent::<T>,
        reads_absence: may_be_absent::<T>,
    };
}

/// How the walk reads a `#[desk(skip)]` field's type: whole, by serde
/// ([`SerdeReads::READ`]).
pub struct Skip<T> {
    strict: fn(&Value) -> bool,
    value: fn(&Value) -> Option<T>,
    absent: fn() -> Option<T>,
    reads_absence: fn() -> bool,
}

impl<T> Clone for Skip<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for Skip<T> {}

impl<T> Skip<T> {
    /// Checks the shape of the field's value: it must deserialize. The
    /// serde error is not repeated: it may quote the value.
    pub fn check(self, value: &Value, path: &Path<'_>, report: &mut Report) {
        if !(self.strict)(value) {
            report.push(path, not_its_type());
        }
    }

    /// The field of the typed value: deserialized when present, `absent()`
    /// otherwise.
    pub fn field(self, value: Option<&Value>, absent: impl FnOnce() -> Option<T>) -> Option<T> {
        match value {
            Some(v) => (self.value)(v),
            None => absent(),
        }
    }

    /// [`Skip::field`] for a field without a default: serde's value for an
    /// absent property (`None` for an `Option`).
    pub fn required_field(self, value: Option<&Value>) -> Option<T> {
        self.field(value, self.absent)
    }

    /// Whether serde reads the property's absence as a value of `T`.
    #[must_use]
    pub fn reads_absence(self) -> bool {
        (self.reads_absence)()
    }
}

/// A value that does not read as its field's type, said without the
/// value: a `type` violation with no figures.
pub(crate) fn not_its_type() -> Kind {
    Kind::custom_in(
        "type",
        "does not match the field's type",
        "与字段的类型不符",
    )
}

/// The read of an object's properties, one at a time in document order,
/// each into its field's slot: the violations of the reads go to `own`,
/// unknown properties to `unknown`, so that the fields' rules can be
/// reported between them ([`Properties::finish`]).
///
/// An error of the input (text that cannot be read) is kept: the reads stop
/// there ([`Properties::next_key`] gives `None`) and `finish` returns it. So
/// the derive writes one `?`, at the end, rather than one per property.
pub struct Properties<'r, 'p, 'de, A: MapAccess<'de>, C: ?Sized> {
    map: A,
    ctx: &'r C,
    path: &'r Path<'p>,
    own: Walk,
    unknown: Walk,
    walk: &'r mut Walk,
    error: Option<A::Error>,
}

impl<'r, 'p, 'de, A: MapAccess<'de>, C: ?Sized> Properties<'r, 'p, 'de, A, C> {
    /// A read of `map`, the object at `path`; `walk` keeps the place of an
    /// error of the input.
    pub fn new(map: A, ctx: &'r C, path: &'r Path<'p>, walk: &'r mut Walk) -> Self {
        Properties {
            map,
            ctx,
            path,
            own: Walk::new(),
            unknown: Walk::new(),
            walk,
            error: None,
        }
    }

    /// The next property's name; `None` at the end of the object, or once
    /// the text could not be read.
    #[inline]
    pub fn next_key(&mut self) -> Option<super::Key<'de>> {
        if self.error.is_some() {
            return None;
        }
        let key = self.map.next_key_seed(super::KeySeed);
        self.keep(key).flatten()
    }

    /// `result`'s value; its error is kept for [`Properties::finish`].
    #[inline]
    fn keep<T>(&mut self, result: Result<T, A::Error>) -> Option<T> {
        match result {
            Ok(value) => Some(value),
            Err(e) => {
                self.error = Some(e);
                None
            }
        }
    }

    /// Reads the slot's property into `slot`.
    #[inline]
    #[expect(
        clippy::multiple_bound_locations,
        reason = "rustc quotes the line of the bound a field's type misses (`ValidateIn<C>`): it names no view"
    )]
    pub fn slot<T: crate::ValidateIn<C>, V>(&mut self, slot: &mut Slot<'de, T, V>)
    where
        T: crate::JsonView<View<'de> = V>,
    {
        let read = slot.read(&mut self.map, self.ctx, self.path, &mut self.own, self.walk);
        self.keep(read);
    }

    /// Reads the property `name`, kept whole, into `slot`.
    #[inline]
    pub fn whole(&mut self, slot: &mut Whole, name: &'static str) {
        let read = slot.read(&mut self.map, (self.path, name), &mut self.own, self.walk);
        self.keep(read);
    }

    /// Skips the value of a property no field reads; with `known` (under
    /// `deny_unknown_fields`), records it as unknown.
    pub fn other(&mut self, name: &str, known: Option<&[&'static str]>) {
        let skipped = super::ignore(&mut self.map);
        if self.keep(skipped).is_some()
            && let Some(known) = known
        {
            unknown(self.path, &mut self.unknown.report, name, known);
        }
    }

    /// The violations of the reads, and the unknown properties, moved out
    /// (taking `&mut self`, so that the generated code calls every method
    /// of this type on the `&mut` it holds, which a user's blanket trait in
    /// scope cannot take from it).
    ///
    /// # Errors
    ///
    /// The map's, when the text could not be read.
    pub fn finish(&mut self) -> Result<(Walk, Walk), A::Error> {
        match self.error.take() {
            Some(e) => Err(e),
            None => Ok((
                core::mem::take(&mut self.own),
                core::mem::take(&mut self.unknown),
            )),
        }
    }

    /// [`Properties::finish`], with the violations of the reads moved to
    /// the walk at once.
    ///
    /// # Errors
    ///
    /// The map's, when the text could not be read.
    pub fn finish_into_walk(&mut self) -> Result<Walk, A::Error> {
        if let Some(e) = self.error.take() {
            return Err(e);
        }
        self.walk.append(&mut self.own);
        Ok(core::mem::take(&mut self.unknown))
    }
}

/// Records a missing required property at its parent.
pub fn required(path: &Path<'_>, report: &mut Report, property: &'static str) {
    report.push(path, Kind::Required { property });
}

/// Records an unknown property at its parent, with the known property it
/// most likely misspells.
pub(crate) fn unknown(
    path: &Path<'_>,
    report: &mut Report,
    property: &str,
    known: &[&'static str],
) {
    report.push(
        path,
        Kind::UnknownField {
            property: property.to_owned(),
            suggestion: crate::suggest::closest(property, known),
        },
    );
}

/// A deserializer for an absent property: `Option` becomes `None`, anything
/// else fails, as serde's own missing-field handling does.
struct Missing;

/// [`Missing`]'s refusal. It keeps no message: only whether serde read a
/// value is asked, on every required property a walk finds, so a refusal
/// must not allocate.
#[derive(Debug)]
struct Refused;

impl core::fmt::Display for Refused {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str("the property is absent")
    }
}

impl std::error::Error for Refused {}

impl serde::de::Error for Refused {
    fn custom<M: core::fmt::Display>(_: M) -> Self {
        Refused
    }
}

impl<'de> Deserializer<'de> for Missing {
    type Error = Refused;

    fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Self::Error> {
        Err(Refused)
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Self::Error> {
        visitor.visit_none()
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf unit unit_struct newtype_struct seq tuple
        tuple_struct map struct enum identifier ignored_any
    }
}

/// Records a property given twice in one object, at that object.
pub(crate) fn duplicate(walk: &mut Walk, path: &Path<'_>, property: &str) {
    walk.report.push(
        path,
        Kind::DuplicateKey {
            property: property.to_owned(),
        },
    );
}

/// One property of an object being walked: its name, its view once read,
/// its own findings (kept apart, so that a repeat can drop them), and
/// whether it was seen at all.
///
/// `V` is `T`'s view ([`crate::JsonView::View`]); the struct and its
/// constructor ask nothing of `T`, and each method asks `T` for what it
/// uses, so that a field's type whose impls are missing a bound is reported
/// once, as the bound it misses, where the derive gates it.
pub struct Slot<'de, T, V> {
    /// The view read (`None` when absent or of the wrong shape).
    pub view: Option<V>,
    name: &'static str,
    walk: Walk,
    seen: bool,
    of: core::marker::PhantomData<fn(&'de ()) -> T>,
}

/// A field of a derived object's view: the view of its value, `None` when
/// absent or of the wrong shape.
pub type FieldView<'de, T> = Option<<T as crate::JsonView>::View<'de>>;

/// A slot's view once read (none when absent or of the wrong shape), at
/// its property's path under the object's, into the walk's report:
/// [`crate::rules::check`] in the walk.
impl<'de, T: crate::JsonView + Deserialize<'static>> crate::rules::Checked
    for (&mut Slot<'de, T, T::View<'de>>, &mut Walk, &Path<'_>)
{
    type Value = T::View<'de>;
    #[inline]
    fn check<R: crate::rules::Check<T::View<'de>>>(self, rules: &R) {
        let (slot, walk, path) = self;
        if let Some((min, max)) = rules.range() {
            slot.range_bounds(min, max);
        }
        if let Some((view, path, report)) = slot.finish_at(walk, path) {
            rules.check(view, &path, report);
        }
    }
}

/// What a walked object held for one property.
pub enum Found<'v, V> {
    /// The view of its value.
    Present(&'v V),
    /// Not given.
    Absent,
    /// Given, of the wrong shape (already reported).
    Broken,
}

impl<'de, T, V> Slot<'de, T, V> {
    /// The slot of the property `name`, not yet read.
    #[must_use]
    pub fn new(name: &'static str) -> Self {
        Slot {
            view: None,
            name,
            walk: Walk::new(),
            seen: false,
            of: core::marker::PhantomData,
        }
    }

    /// Reads the value of the property of the object at `path`. A repeat
    /// is reported in `own` and replaces the earlier value and findings (as
    /// `serde_json` and `JSON.parse` keep the later one); on an error of the
    /// input, `walk` learns where it happened.
    ///
    /// # Errors
    ///
    /// The map's, when the text cannot be read.
    pub fn read<C: ?Sized, A: MapAccess<'de>>(
        &mut self,
        map: &mut A,
        ctx: &C,
        path: &Path<'_>,
        own: &mut Walk,
        walk: &mut Walk,
    ) -> Result<(), A::Error>
    where
        T: crate::ValidateIn<C> + crate::JsonView<View<'de> = V>,
    {
        let name = self.name;
        if self.seen {
            duplicate(own, path, name);
            self.walk = Walk::new();
        }
        self.seen = true;
        let here = path.key(name);
        match map.next_value_seed(Seed::<T, C>::new(ctx, &here, &mut self.walk)) {
            Ok(view) => {
                self.view = view;
                Ok(())
            }
            Err(e) => {
                walk.adopt_error(&self.walk);
                Err(e)
            }
        }
    }

    /// [`Slot::finish`] for a field with no default: the view when
    /// present; when absent, `required` at `path` unless the type reads
    /// absence as a value (an `Option`).
    pub fn finish_required(&mut self, walk: &mut Walk, path: &Path<'_>) -> Option<&V>
    where
        T: Deserialize<'static>,
    {
        self.finish_or_absent(walk, path, may_be_absent::<T>())
    }

    /// [`Slot::finish_required`] told whether serde reads the property's
    /// absence as a value ([`Absence`]).
    pub fn finish_or_absent(
        &mut self,
        walk: &mut Walk,
        path: &Path<'_>,
        reads_absence: bool,
    ) -> Option<&V> {
        let property = self.name;
        match self.finish(walk) {
            Found::Present(view) => Some(view),
            Found::Absent => {
                required_unless(reads_absence, path, &mut walk.report, property);
                None
            }
            Found::Broken => None,
        }
    }

    /// [`Slot::finish_required`], with what the field's checks need when
    /// the view is there: the property's path and the walk's report.
    #[inline]
    pub fn finish_at<'s, 'w, 'p>(
        &'s mut self,
        walk: &'w mut Walk,
        path: &'p Path<'p>,
    ) -> Option<(&'s V, Path<'p>, &'w mut Report)>
    where
        T: Deserialize<'static>,
    {
        self.finish_at_or_absent(walk, path, may_be_absent::<T>())
    }

    /// [`Slot::finish_at`] told whether serde reads the property's absence
    /// as a value ([`Absence`]).
    #[inline]
    pub fn finish_at_or_absent<'s, 'w, 'p>(
        &'s mut self,
        walk: &'w mut Walk,
        path: &'p Path<'p>,
        reads_absence: bool,
    ) -> Option<(&'s V, Path<'p>, &'w mut Report)> {
        let property = self.name;
        let view = self.finish_or_absent(walk, path, reads_absence)?;
        Some((view, path.key(property), &mut walk.report))
    }

    /// The field's `range` rule, `min` to `max`: a number its read found
    /// outside its type is reported with the bounds it must lie within
    /// (see [`range_bounds`]).
    #[inline]
    pub fn range_bounds(&mut self, min: Option<i128>, max: Option<i128>) {
        crate::rules::range::narrow_outside(&mut self.walk.report, 0, min, max);
    }

    /// The field's own messages (`message(...)`) on what its read found
    /// from `start` on (a number past its type), as
    /// [`Report::set_messages`] gives them to its rules' violations.
    #[inline]
    pub fn set_messages(&mut self, start: usize, messages: &'static crate::Messages) {
        self.walk.report.set_messages(start, messages);
    }

    /// [`Slot::set_messages`] for a field with a rule's own messages
    /// ([`Report::set_messages_by_code`]).
    #[inline]
    pub fn set_messages_by_code(
        &mut self,
        start: usize,
        by_code: &'static [(&'static str, crate::Messages)],
        rest: Option<&'static crate::Messages>,
    ) {
        self.walk.report.set_messages_by_code(start, by_code, rest);
    }

    /// Moves the findings to `walk`, and says what was read.
    pub fn finish(&mut self, walk: &mut Walk) -> Found<'_, V> {
        walk.append(&mut self.walk);
        match (&self.view, self.seen) {
            (Some(view), _) => Found::Present(view),
            (None, false) => Found::Absent,
            (None, true) => Found::Broken,
        }
    }
}

/// A property read whole (a `skip` field): its JSON value, deserialized
/// into the field's type once the object is read.
pub struct Whole {
    /// The value read.
    pub value: Option<Value>,
    seen: bool,
}

impl Default for Whole {
    fn default() -> Self {
        Self::new()
    }
}

impl Whole {
    /// A property not yet read (inherent, where the generated code calls it,
    /// so that no trait of the user's in scope is asked for `default`).
    #[must_use]
    pub const fn new() -> Self {
        Whole {
            value: None,
            seen: false,
        }
    }

    /// Reads the value of property `name` of the object at `path` (a repeat
    /// is reported in `own`, and the later value kept).
    ///
    /// # Errors
    ///
    /// The map's, when the text cannot be read.
    pub fn read<'de, A: MapAccess<'de>>(
        &mut self,
        map: &mut A,
        at: (&Path<'_>, &'static str),
        own: &mut Walk,
        walk: &mut Walk,
    ) -> Result<(), A::Error> {
        let (path, name) = at;
        if self.seen {
            duplicate(own, path, name);
        }
        self.seen = true;
        // A key repeated anywhere inside is `duplicate_key`, as everywhere
        // else the walk reads (the buffer would keep the last silently).
        match buffer(map, &path.key(name), walk) {
            Ok(v) => {
                self.value = Some(v);
                Ok(())
            }
            Err(e) => {
                walk.note_error(&path.key(name));
                Err(e)
            }
        }
    }

    /// What was read.
    #[must_use]
    pub fn finish(&self) -> Found<'_, Value> {
        match (&self.value, self.seen) {
            (Some(v), _) => Found::Present(v),
            (None, false) => Found::Absent,
            (None, true) => Found::Broken,
        }
    }
}

/// A required property that is absent: `required`, unless serde reads the
/// field's absence as a value (`reads_absence`: an `Option`).
pub fn required_unless(
    reads_absence: bool,
    path: &Path<'_>,
    report: &mut Report,
    property: &'static str,
) {
    if !reads_absence {
        required(path, report, property);
    }
}

/// A field of the typed value from its view: converted when present,
/// `absent()` otherwise (serde's default, or `None` when it is required).
pub fn field<T: crate::JsonView>(
    view: Option<&T::View<'_>>,
    absent: impl FnOnce() -> Option<T>,
) -> Option<T> {
    match view {
        Some(v) => T::from_view(v),
        None => absent(),
    }
}

/// [`field`] for a gated field with a default: its view read as `T` (the
/// gated type) and given back as `W` (the type as written) through
/// `written`, or, absent, serde's default, which is of the type as written.
/// Asked of a type that fails its gate, it asks nothing more of it than
/// the gate does.
pub fn field_as<T: crate::JsonView, W>(
    view: Option<&T::View<'_>>,
    written: impl FnOnce(T) -> W,
    absent: impl FnOnce() -> W,
) -> Option<W> {
    match view {
        Some(v) => T::from_view(v).map(written),
        None => Some(absent()),
    }
}

/// [`field`] for a field without a default: serde's value for an absent
/// property (`None` for an `Option`) when it is absent.
/// Takes the view's `Option` by reference, and `T` from the caller's use
/// of the result (less for the derive to write).
pub fn required_field<T: crate::JsonView + Deserialize<'static>>(
    view: &Option<T::View<'_>>,
) -> Option<T> {
    field::<T>(view.as_ref(), absent::<T>)
}

/// The violations `report` holds from `start` on, found reading a value
/// under a `range` rule of bounds `min` to `max` (a newtype's), or by a
/// typed field's own check (a `u128` past 64 bits): a number outside its
/// type is reported with the bounds it must lie within, the type's narrowed
/// by the rule's.
#[inline]
pub fn range_bounds(report: &mut Report, start: usize, min: Option<i128>, max: Option<i128>) {
    crate::rules::range::narrow_outside(report, start, min, max);
}

/// The types written in a `#[desk(skip)]` field, asked by autoref:
/// - whether serde reads one otherwise than its JSON Schema (schemars')
///   states: `read_as_schema::<T, _>(&answer)` compiles only for an answer
///   that lets it be (`LooseSchema` and what follows it), and a map key
///   written in a standard map, `key_as_text`, only for one serde reads as
///   the text it is (`ParsedKeyType`); the answers combine (`Holding`,
///   `Under`) so that one mistake is one error, at the innermost type
///   written that answers for it;
/// - in a tagged or untagged enum's content, whether one is a `u128` or
///   `i128`, or a type that derives `Validate` (which may hold one):
///   `fits_tagged::<T, _>(&(&&Probe::<T>::NEW).__desk_width())` resolves
///   [`WideInteger`](skipped::WideInteger) for the first and
///   [`DerivedWidth`](skipped::DerivedWidth) for the second, whose answers
///   fit no such content, and [`AnyWidth`](skipped::AnyWidth) for any
///   other type; a type inside one refused answers
///   [`Said`](skipped::Said) ([`Under`](skipped::Under)).
pub(crate) mod skipped {
    use core::marker::PhantomData;

    /// A type written in a skipped field's type.
    pub struct Probe<T: ?Sized>(PhantomData<fn() -> Box<T>>);

    impl<T: ?Sized> Probe<T> {
        /// The probe of `T`.
        pub const NEW: Self = Probe(PhantomData);
    }

    /// The answer for a `u128` or `i128`, which serde cannot read from the
    /// buffer it reads tagged and untagged content into.
    pub struct Wide;

    /// The answer for any other type.
    pub struct Narrow;

    /// `u128` and `i128`, and their `NonZero`s.
    pub trait WideInteger {
        /// `Wide`.
        fn __desk_width(&self) -> Wide {
            Wide
        }
    }

    impl WideInteger for &&Probe<u128> {}
    impl WideInteger for &&Probe<i128> {}
    // `NonZeroU128` and `NonZeroI128`, which serde reads as the integer.
    impl WideInteger for &&Probe<core::num::NonZero<u128>> {}
    impl WideInteger for &&Probe<core::num::NonZero<i128>> {}

    /// The answer for a type that derives `Validate`, which may hold a
    /// 128-bit integer (only a checked field's facts tell): it fits no
    /// tagged or untagged content, where a `skip` field is read through
    /// serde's buffer.
    pub struct Derived;

    /// A type that derives `Validate`.
    pub trait DerivedWidth {
        /// `Derived`.
        fn __desk_width(&self) -> Derived {
            Derived
        }
    }

    impl<T: ?Sized + crate::Validate> DerivedWidth for &Probe<T> {}

    /// The answer for a type inside one already refused (`Short` in
    /// `Wrapper<Short>`): one error is enough.
    pub struct Said;

    #[diagnostic::do_not_recommend]
    impl<T: ?Sized> crate::types::FitsTagged<T> for Said {}

    #[diagnostic::do_not_recommend]
    impl<T: ?Sized> crate::types::FitsUntagged<T> for Said {}

    /// The answer for a type written inside another (`D` in `W<D>`), from
    /// the outer type's answer: `Said` under a refused one, its own
    /// otherwise.
    pub trait Under<A> {
        /// The inner type's answer.
        type Out;
        /// The inner type's answer, `inner` being its own.
        fn under(&self, inner: A) -> Self::Out;
    }

    /// `$trait` for answers: `said` ones answer `Said` whatever is inside,
    /// `own` ones pass the inner answer on.
    macro_rules! pass_on {
        ($trait:ident::$method:ident: $($outer:ident => said;)*) => {$(
            impl<A> $trait<A> for $outer {
                type Out = Said;
                fn $method(&self, _: A) -> Said {
                    Said
                }
            }
        )*};
        ($trait:ident::$method:ident: $($outer:ident => own;)*) => {$(
            impl<A> $trait<A> for $outer {
                type Out = A;
                fn $method(&self, inner: A) -> A {
                    inner
                }
            }
        )*};
    }

    /// A type's width answer given its schema answer (`Loose`...): a type
    /// the schema check refuses, or one inside it, is not refused again for
    /// its width (`HashMap<u128, u8>` in tagged content is one error, at
    /// the key).
    pub trait Silence<A> {
        /// The width answer.
        type Out;
        /// The width answer, `inner` being its own.
        fn silence(&self, inner: A) -> Self::Out;
    }

    // A refused answer: nothing inside it is refused again.
    pass_on! {
        Under::under:
        Derived => said;
        Wide => said;
        Said => said;
    }

    pass_on! {
        Under::under:
        Narrow => own;
    }

    /// Any other type.
    pub trait AnyWidth {
        /// `Narrow`.
        fn __desk_width(&self) -> Narrow {
            Narrow
        }
    }

    impl<T: ?Sized> AnyWidth for Probe<T> {}

    #[diagnostic::do_not_recommend]
    impl<T: ?Sized> crate::types::FitsTagged<T> for Narrow {}

    #[diagnostic::do_not_recommend]
    impl<T: ?Sized> crate::types::FitsUntagged<T> for Narrow {}

    /// Compiles only for an answer that lets `T` be read inside an
    /// internally or adjacently tagged enum's content.
    #[inline]
    pub fn fits_tagged<T: ?Sized, A: crate::types::FitsTagged<T>>(_: &A) {}

    /// Compiles only for an answer that lets `T` be read inside an untagged
    /// enum's content.
    #[inline]
    pub fn fits_untagged<T: ?Sized, A: crate::types::FitsUntagged<T>>(_: &A) {}

    /// The answer for a standard type whose JSON Schema (schemars') is not
    /// what serde reads ([`crate::types::ReadAsSchema`]): refused, and
    /// nothing inside it is asked again.
    pub struct Loose;

    /// The answer for a type that holds a `Loose` one (a standard
    /// container or wrapper of one): refused unless a type written in it
    /// answers for what it holds (`Vec<Duration>`: the error is at
    /// `Duration`; `Spans`, an alias of it, is refused itself).
    pub struct Holds;

    /// The answer for a standard map keyed by a type serde parses from the
    /// JSON string: refused unless its key is written in it, where the key
    /// is refused (`Parsed`); what it holds is asked as usual.
    pub struct KeyedLoose;

    /// The answer for a map key type serde parses from the JSON string
    /// ([`crate::types::KeyAsText`]).
    pub struct Parsed;

    /// The answer for any other type: its schema is what serde reads, as
    /// far as the derive answers for it (a type of your own with its own
    /// `JsonSchema` answers for its schema).
    pub struct Exact;

    /// The answer for a type whose fault a type written in it answers for.
    pub struct Inside;

    /// A type whose schema is not what serde reads, asked
    /// `(&&&&Probe::<T>::NEW).__desk_schema()` (its method's name is no
    /// user's), by autoref in this order: `LooseType` (`Loose`), a map
    /// keyed by a `ParsedKey` (`KeyedLoose`), a map whose values are
    /// `LooseWithin` (`Holds`), any other `LooseWithin` (`Holds`), and
    /// any type (`AnySchema`, `Exact`).
    pub trait LooseSchema {
        /// `Loose`.
        fn __desk_schema(&self) -> Loose {
            Loose
        }
    }

    impl<T: ?Sized + LooseType> LooseSchema for &&&Probe<T> {}

    /// A map keyed by a `ParsedKey` (`KeyedLoose`).
    pub trait KeyedSchema {
        /// `KeyedLoose`.
        fn __desk_schema(&self) -> KeyedLoose {
            KeyedLoose
        }
    }

    impl<K: ParsedKey, V, S> KeyedSchema for &&&&Probe<std::collections::HashMap<K, V, S>> {}
    impl<K: ParsedKey, V> KeyedSchema for &&&&Probe<std::collections::BTreeMap<K, V>> {}

    /// What holds a `Loose` type (`Holds`): a map by its values (`type
    /// Peers = HashMap<String, SocketAddr>`), then any `LooseWithin`.
    pub trait HoldsSchema {
        /// `Holds`.
        fn __desk_schema(&self) -> Holds {
            Holds
        }
    }

    impl<K, V: LooseWithin, S> HoldsSchema for &&Probe<std::collections::HashMap<K, V, S>> {}
    impl<K, V: LooseWithin> HoldsSchema for &&Probe<std::collections::BTreeMap<K, V>> {}
    impl<T: ?Sized + LooseWithin> HoldsSchema for &Probe<T> {}

    /// A map key type serde parses from the JSON string, asked
    /// `(&&Probe::<K>::NEW).__desk_key()` of each key type written in a map.
    pub trait ParsedKeyType {
        /// `Parsed`.
        fn __desk_key(&self) -> Parsed {
            Parsed
        }
    }

    impl<K: ?Sized + ParsedKey> ParsedKeyType for &&Probe<K> {}

    /// The answer for a standard map (`HashMap`, `BTreeMap`), whose key
    /// written in it is asked (`KeyOf`).
    pub struct StdMap;

    /// The answer for a type named like a map that is no standard one (a
    /// type of the user's named `HashMap`): its first argument is no key.
    pub struct NotMap;

    /// A standard map keyed by `K`, asked `(&&Probe::<(M, K)>::NEW).__desk_map()`
    /// of a type named `HashMap` or `BTreeMap` and its first argument
    /// written (an alias of that name may take other arguments: `type
    /// HashMap<V> = std::collections::HashMap<String, V>`).
    pub trait StdMapType {
        /// `StdMap`.
        fn __desk_map(&self) -> StdMap {
            StdMap
        }
    }

    impl<K, V, S> StdMapType for &&Probe<(std::collections::HashMap<K, V, S>, K)> {}
    impl<K, V> StdMapType for &&Probe<(std::collections::BTreeMap<K, V>, K)> {}

    /// A key's answer given its map's: its key answer in a standard map
    /// keyed by it, and its schema answer otherwise (in a type that only
    /// goes by a map's name, an alias that takes other arguments, the type
    /// written first is asked as any other).
    pub trait KeyOf<K, S> {
        /// The answer.
        type Out;
        /// The answer, `key` and `schema` being what the type was asked.
        fn key_of(&self, key: K, schema: S) -> Self::Out;
    }

    impl<K, S> KeyOf<K, S> for StdMap {
        type Out = K;
        fn key_of(&self, key: K, _: S) -> K {
            key
        }
    }

    impl<K, S> KeyOf<K, S> for NotMap {
        type Out = S;
        fn key_of(&self, _: K, schema: S) -> S {
            schema
        }
    }

    /// The standard types whose schema is not what serde reads.
    pub trait LooseType {}

    /// `LooseType`, and what holds one where the derive cannot see it
    /// (through an alias): a standard container or wrapper of one, and a
    /// map keyed by a `ParsedKey`. (A tuple, and a map by its values
    /// inside another type, are not followed: a trait cannot say "this one
    /// or that one".)
    pub trait LooseWithin {}

    macro_rules! loose {
        ($(impl<$($p:ident),*> for $t:ty;)*) => {
            $(
                impl<$($p),*> LooseType for $t {}
                impl<$($p),*> LooseWithin for $t {}
            )*
        };
    }

    loose! {
        // Serde refuses an unknown property or an overflow of the seconds;
        // the schema states neither.
        impl<> for core::time::Duration;
        impl<> for std::time::SystemTime;
        // Serde refuses an unknown property; the schema does not.
        impl<T> for core::ops::Range<T>;
        impl<T> for core::ops::RangeInclusive<T>;
        // Serde refuses a second property beside the variant's; the
        // schema's `oneOf` of objects does not.
        impl<T, E> for Result<T, E>;
        impl<T> for core::ops::Bound<T>;
        // Serde refuses a NUL; the schema does not (nor in a string). A
        // `Box<CStr>` is read as a `CString`, and its schema is one's.
        impl<> for std::ffi::CString;
        impl<> for std::ffi::CStr;
        // Serde reads one platform's form (`Unix` here), the schema either.
        impl<> for std::ffi::OsString;
        impl<> for std::ffi::OsStr;
        // Serde parses the text; the schema takes any.
        impl<> for std::net::SocketAddr;
        impl<> for std::net::SocketAddrV4;
        impl<> for std::net::SocketAddrV6;
        // Serde reads `null` (and any value of `T`) as an empty `Weak`; the
        // schema is `T`'s, which may refuse `null`.
        impl<T> for std::rc::Weak<T>;
        impl<T> for std::sync::Weak<T>;
    }

    // Keyed by a type serde parses from the JSON string, by rules the map's
    // schema cannot state: schemars writes any digits for a number (`256`
    // and `01` for a `u8`), or any text (`type ByNumber = HashMap<u8,
    // String>`, `type Id = u64`).
    impl<K: ParsedKey, V, S> LooseWithin for std::collections::HashMap<K, V, S> {}
    impl<K: ParsedKey, V> LooseWithin for std::collections::BTreeMap<K, V> {}

    macro_rules! loose_within {
        ($(impl<$($p:ident),*> for $t:ty;)*) => {
            $(impl<$($p),*> LooseWithin for $t where T: LooseWithin {})*
        };
    }

    loose_within! {
        impl<T> for Option<T>;
        impl<T> for Vec<T>;
        impl<T> for std::collections::VecDeque<T>;
        impl<T> for std::collections::LinkedList<T>;
        impl<T> for std::collections::BinaryHeap<T>;
        impl<T> for std::collections::BTreeSet<T>;
        impl<T, S> for std::collections::HashSet<T, S>;
        impl<T> for core::cell::Cell<T>;
        impl<T> for core::cell::RefCell<T>;
        impl<T> for std::sync::Mutex<T>;
        impl<T> for std::sync::RwLock<T>;
        impl<T> for core::num::Wrapping<T>;
        impl<T> for core::num::Saturating<T>;
        impl<T> for core::cmp::Reverse<T>;
        impl<T> for [T];
    }
    impl<T: LooseWithin, const N: usize> LooseWithin for [T; N] {}
    impl<T: ?Sized + LooseWithin> LooseWithin for Box<T> {}
    impl<T: ?Sized + LooseWithin> LooseWithin for std::rc::Rc<T> {}
    impl<T: ?Sized + LooseWithin> LooseWithin for std::sync::Arc<T> {}
    impl<T: ?Sized + ToOwned + LooseWithin> LooseWithin for std::borrow::Cow<'_, T> {}

    /// A map key type serde parses from the JSON string, or refuses as a
    /// key ("key must be a string"): every standard type but the strings,
    /// a wrapper as what it holds (`Option<String>` and `Box<str>` are
    /// string keys).
    pub trait ParsedKey {}

    macro_rules! parsed_keys {
        ($($t:ty),* $(,)?) => { $(impl ParsedKey for $t {})* };
    }

    parsed_keys!(
        u8,
        u16,
        u32,
        u64,
        u128,
        usize,
        i8,
        i16,
        i32,
        i64,
        i128,
        isize,
        f32,
        f64,
        bool,
        char,
        (),
        core::num::NonZeroU8,
        core::num::NonZeroU16,
        core::num::NonZeroU32,
        core::num::NonZeroU64,
        core::num::NonZeroU128,
        core::num::NonZeroUsize,
        core::num::NonZeroI8,
        core::num::NonZeroI16,
        core::num::NonZeroI32,
        core::num::NonZeroI64,
        core::num::NonZeroI128,
        core::num::NonZeroIsize,
        std::net::IpAddr,
        std::net::Ipv4Addr,
        std::net::Ipv6Addr,
        std::net::SocketAddr,
        std::net::SocketAddrV4,
        std::net::SocketAddrV6,
        core::time::Duration,
        std::time::SystemTime,
        std::ffi::CString,
        std::ffi::OsString,
        std::ffi::CStr,
        std::ffi::OsStr,
    );
    impl<T> ParsedKey for Vec<T> {}
    impl<T> ParsedKey for std::collections::VecDeque<T> {}
    impl<T> ParsedKey for std::collections::LinkedList<T> {}
    impl<T> ParsedKey for std::collections::BTreeSet<T> {}
    impl<T> ParsedKey for core::ops::Range<T> {}
    impl<T> ParsedKey for core::ops::RangeInclusive<T> {}
    impl<T> ParsedKey for core::ops::Bound<T> {}
    impl<T, E> ParsedKey for Result<T, E> {}
    impl<T: ?Sized> ParsedKey for core::marker::PhantomData<T> {}
    impl<T> ParsedKey for [T] {}
    impl<T, const N: usize> ParsedKey for [T; N] {}
    impl<A> ParsedKey for (A,) {}
    impl<A, B> ParsedKey for (A, B) {}
    impl<A, B, C> ParsedKey for (A, B, C) {}
    impl<A, B, C, D> ParsedKey for (A, B, C, D) {}
    // A wrapper is read as what it holds.
    impl<T: ParsedKey> ParsedKey for Option<T> {}
    impl<T: ?Sized + ParsedKey> ParsedKey for Box<T> {}
    impl<T: ?Sized + ParsedKey> ParsedKey for std::rc::Rc<T> {}
    impl<T: ?Sized + ParsedKey> ParsedKey for std::sync::Arc<T> {}
    impl<T: ?Sized + ToOwned + ParsedKey> ParsedKey for std::borrow::Cow<'_, T> {}
    impl<T: ParsedKey> ParsedKey for core::cell::Cell<T> {}
    impl<T: ParsedKey> ParsedKey for core::cell::RefCell<T> {}
    impl<T: ParsedKey> ParsedKey for core::num::Wrapping<T> {}
    impl<T: ParsedKey> ParsedKey for core::num::Saturating<T> {}
    impl<T: ParsedKey> ParsedKey for core::cmp::Reverse<T> {}

    /// Any other type.
    pub trait AnySchema {
        /// `Exact`.
        fn __desk_schema(&self) -> Exact {
            Exact
        }

        /// `Exact`.
        fn __desk_key(&self) -> Exact {
            Exact
        }

        /// `NotMap`.
        fn __desk_map(&self) -> NotMap {
            NotMap
        }
    }

    impl<T: ?Sized> AnySchema for Probe<T> {}

    /// A type's answer given one of the types written in it (its own
    /// answer, before `Under`): a container whose fault a type written in
    /// it answers for is not refused itself (`Duration` in
    /// `Vec<Duration>`), nor a standard map whose parsed key is written in
    /// it (the error is at the key); a type refused in itself is.
    pub trait Holding<C> {
        /// The answer.
        type Out;
        /// The answer, `inner` being the own answer of a type written in it.
        fn holding(&self, inner: &C) -> Self::Out;
    }

    macro_rules! holding {
        ($($outer:ident, $inner:ident => $out:ident;)*) => {$(
            impl Holding<$inner> for $outer {
                type Out = $out;
                fn holding(&self, _: &$inner) -> $out {
                    $out
                }
            }
        )*};
        ($($outer:ident => $out:ident;)*) => {$(
            impl<C> Holding<C> for $outer {
                type Out = $out;
                fn holding(&self, _: &C) -> $out {
                    $out
                }
            }
        )*};
    }

    holding! {
        Exact => Exact;
        Loose => Loose;
        Parsed => Parsed;
        Inside => Inside;
    }

    holding! {
        Holds, Exact => Holds;
        Holds, Loose => Inside;
        Holds, Holds => Inside;
        Holds, KeyedLoose => Inside;
        Holds, Parsed => Inside;
        KeyedLoose, Exact => KeyedLoose;
        KeyedLoose, Loose => KeyedLoose;
        KeyedLoose, Holds => KeyedLoose;
        KeyedLoose, KeyedLoose => KeyedLoose;
        KeyedLoose, Parsed => Inside;
    }

    // Nothing inside a type refused in itself is refused again.
    pass_on! {
        Under::under:
        Loose => said;
        Parsed => said;
    }

    // A container refused for what it holds (an alias), a map for its
    // hidden key: what is written in it is asked as usual.
    pass_on! {
        Under::under:
        Holds => own;
        KeyedLoose => own;
        Exact => own;
        Inside => own;
    }

    pass_on! {
        Silence::silence:
        Loose => said;
        Holds => said;
        KeyedLoose => said;
        Parsed => said;
        Said => said;
    }

    pass_on! {
        Silence::silence:
        Exact => own;
        Inside => own;
    }

    macro_rules! let_be {
        ($check:ident: $($answer:ident),*) => {$(
            #[diagnostic::do_not_recommend]
            impl<T: ?Sized> crate::types::$check<T> for $answer {}
        )*};
    }

    // A type written as a key is held to both (it may be asked either way,
    // `KeyOf`), so each answer fails one check at most.
    let_be!(ReadAsSchema: Exact, Inside, Said, Parsed);
    let_be!(KeyAsText: Exact, Inside, Said, Loose, Holds, KeyedLoose);

    /// Compiles only for an answer that lets `T`'s schema stand for what
    /// serde reads in a `#[desk(skip)]` field.
    #[inline]
    pub fn read_as_schema<T: ?Sized, A: crate::types::ReadAsSchema<T>>(_: &A) {}

    /// Compiles only for an answer that lets a map keyed by `K` be stated
    /// by a schema: a key serde reads as the text it is.
    #[inline]
    pub fn key_as_text<K: ?Sized, A: crate::types::KeyAsText<K>>(_: &A) {}
}
