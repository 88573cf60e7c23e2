//! The traits the derive implements, and their implementations for the
//! standard types a field can have.

use serde_json::Value;

use crate::{JsonType, Kind, Path, Report};

/// A type whose values can be checked against its rules.
///
/// Derive it with `#[derive(Validate)]`. `validate()` checks with the default
/// context; `validate_with(&ctx)` with a given one, which also reaches nested
/// types.
///
/// ```
/// use desk_schema::Validate;
///
/// #[derive(Validate, serde::Deserialize)]
/// struct Greeting {
///     /// At most 12 bytes of UTF-8.
///     #[desk(max_bytes = 12)]
///     text: String,
/// }
///
/// assert!(Greeting { text: "你好世界".into() }.validate().is_ok()); // 12 bytes
/// let report = Greeting { text: "你好，世界".into() }.validate().unwrap_err();
/// assert_eq!(report.to_string(), "/text: 15 bytes in UTF-8 (5 characters); at most 12 bytes");
/// ```
pub trait Validate {
    /// Configuration that rules may read (`()` when none is declared).
    type Context: Default;

    /// Checks every rule with the default context. Passing allocates nothing.
    fn validate(&self) -> Result<(), Report> {
        self.validate_with(&Self::Context::default())
    }

    /// Checks every rule with `ctx`.
    fn validate_with(&self, ctx: &Self::Context) -> Result<(), Report>;
}

/// The walk behind [`Validate`], for a value inside a larger document and for
/// its raw JSON form.
///
/// `C` is the context of the outermost type. The derive implements this for
/// every `C` when a type declares no context of its own, so a type without
/// configuration nests inside any other.
pub trait ValidateIn<C: ?Sized> {
    /// What a raw JSON value is read as once its shape is right: borrowed
    /// text for strings, the number for integers, the items for lists.
    type View<'v>;

    /// Checks the rules of `self` and of every nested value, recording
    /// violations at paths below `path`.
    fn validate_in(&self, ctx: &C, path: &Path<'_>, report: &mut Report);

    /// Checks a raw JSON value as if it were deserialized into `Self`: its
    /// JSON types, required and unknown properties, and every rule. Returns
    /// the view of the value when its own JSON type is right.
    fn check_value<'v>(
        value: &'v Value,
        ctx: &C,
        path: &Path<'_>,
        report: &mut Report,
    ) -> Option<Self::View<'v>>;
}

/// A type with no rules of its own: a field of it needs no `nested`.
///
/// Types that derive `Validate` are not `Leaf`, which is how a missing
/// `#[desk(nested)]` becomes a compile error.
#[diagnostic::on_unimplemented(
    message = "`{Self}` has rules of its own: mark the field `#[desk(nested)]` (or `#[desk(skip)]`)",
    label = "this field's type derives `Validate`"
)]
pub trait Leaf {}

pub(crate) fn type_error(
    path: &Path<'_>,
    report: &mut Report,
    expected: &'static str,
    value: &Value,
) {
    report.push(
        path,
        Kind::Type {
            expected,
            found: JsonType::of(value),
        },
    );
}

macro_rules! string_like {
    ($($t:ty)*) => {$(
        impl Leaf for $t {}
        impl<C: ?Sized> ValidateIn<C> for $t {
            type View<'v> = &'v str;
            #[inline]
            fn validate_in(&self, _: &C, _: &Path<'_>, _: &mut Report) {}
            fn check_value<'v>(value: &'v Value, _: &C, path: &Path<'_>, report: &mut Report) -> Option<&'v str> {
                let s = value.as_str();
                if s.is_none() {
                    type_error(path, report, "string", value);
                }
                s
            }
        }
    )*};
}
string_like!(String Box<str>);

impl Leaf for bool {}
impl<C: ?Sized> ValidateIn<C> for bool {
    type View<'v> = bool;
    #[inline]
    fn validate_in(&self, _: &C, _: &Path<'_>, _: &mut Report) {}
    fn check_value(value: &Value, _: &C, path: &Path<'_>, report: &mut Report) -> Option<bool> {
        let b = value.as_bool();
        if b.is_none() {
            type_error(path, report, "boolean", value);
        }
        b
    }
}

impl Leaf for f64 {}
impl<C: ?Sized> ValidateIn<C> for f64 {
    type View<'v> = f64;
    #[inline]
    fn validate_in(&self, _: &C, _: &Path<'_>, _: &mut Report) {}
    fn check_value(value: &Value, _: &C, path: &Path<'_>, report: &mut Report) -> Option<f64> {
        let n = value.as_f64();
        if n.is_none() {
            type_error(path, report, "number", value);
        }
        n
    }
}

impl Leaf for Value {}
impl<C: ?Sized> ValidateIn<C> for Value {
    type View<'v> = &'v Value;
    #[inline]
    fn validate_in(&self, _: &C, _: &Path<'_>, _: &mut Report) {}
    fn check_value<'v>(value: &'v Value, _: &C, _: &Path<'_>, _: &mut Report) -> Option<&'v Value> {
        Some(value)
    }
}

/// Reads an integer of type `T`, reporting a non-integer as `type` and an
/// integer outside `T` as `range` with `T`'s bounds.
fn integer<T: TryFrom<i128>>(
    value: &Value,
    min: i128,
    max: i128,
    path: &Path<'_>,
    report: &mut Report,
) -> Option<T> {
    let Value::Number(n) = value else {
        type_error(path, report, "integer", value);
        return None;
    };
    let wide = n
        .as_i64()
        .map(i128::from)
        .or_else(|| n.as_u64().map(i128::from));
    let actual = match wide {
        Some(w) => Some(w),
        None => {
            // serde_json reads an integer literal as i64 or u64 whenever it
            // fits, so a float here was written with a fraction or exponent
            // (a `type` error, as serde says), unless it is an integer too
            // large for 64 bits (out of range for any field).
            let f = n.as_f64().unwrap_or(f64::NAN);
            let too_large =
                f.is_finite() && f.fract() == 0.0 && f.abs() >= 9.223_372_036_854_776e18;
            if !too_large {
                type_error(path, report, "integer", value);
                return None;
            }
            None
        }
    };
    if let Some(v) = actual.and_then(|w| T::try_from(w).ok()) {
        return Some(v);
    }
    report.push(
        path,
        Kind::Range {
            min: Some(min),
            max: Some(max),
            actual,
        },
    );
    None
}

macro_rules! integers {
    ($($t:ty)*) => {$(
        impl Leaf for $t {}
        impl<C: ?Sized> ValidateIn<C> for $t {
            type View<'v> = $t;
            #[inline]
            fn validate_in(&self, _: &C, _: &Path<'_>, _: &mut Report) {}
            fn check_value(value: &Value, _: &C, path: &Path<'_>, report: &mut Report) -> Option<$t> {
                #[allow(clippy::cast_lossless, clippy::cast_possible_wrap)]
                integer::<$t>(value, <$t>::MIN as i128, <$t>::MAX as i128, path, report)
            }
        }
    )*};
}
integers!(i8 i16 i32 i64 u8 u16 u32 u64 usize isize);

impl<T: Leaf> Leaf for Option<T> {}
impl<C: ?Sized, T: ValidateIn<C>> ValidateIn<C> for Option<T> {
    type View<'v> = Option<T::View<'v>>;
    #[inline]
    fn validate_in(&self, ctx: &C, path: &Path<'_>, report: &mut Report) {
        if let Some(inner) = self {
            inner.validate_in(ctx, path, report);
        }
    }
    fn check_value<'v>(
        value: &'v Value,
        ctx: &C,
        path: &Path<'_>,
        report: &mut Report,
    ) -> Option<Self::View<'v>> {
        if value.is_null() {
            Some(None)
        } else {
            T::check_value(value, ctx, path, report).map(Some)
        }
    }
}

impl<T: Leaf + ?Sized> Leaf for Box<T> {}
impl<C: ?Sized, T: ValidateIn<C>> ValidateIn<C> for Box<T> {
    type View<'v> = T::View<'v>;
    #[inline]
    fn validate_in(&self, ctx: &C, path: &Path<'_>, report: &mut Report) {
        (**self).validate_in(ctx, path, report);
    }
    fn check_value<'v>(
        value: &'v Value,
        ctx: &C,
        path: &Path<'_>,
        report: &mut Report,
    ) -> Option<Self::View<'v>> {
        T::check_value(value, ctx, path, report)
    }
}

fn check_items<'v, C: ?Sized, T: ValidateIn<C>>(
    value: &'v Value,
    ctx: &C,
    path: &Path<'_>,
    report: &mut Report,
) -> Option<&'v [Value]> {
    let Some(items) = value.as_array() else {
        type_error(path, report, "array", value);
        return None;
    };
    for (i, item) in items.iter().enumerate() {
        T::check_value(item, ctx, &path.index(i), report);
    }
    Some(items)
}

fn validate_items<C: ?Sized, T: ValidateIn<C>>(
    items: &[T],
    ctx: &C,
    path: &Path<'_>,
    report: &mut Report,
) {
    for (i, item) in items.iter().enumerate() {
        item.validate_in(ctx, &path.index(i), report);
    }
}

impl<T: Leaf> Leaf for Vec<T> {}
impl<C: ?Sized, T: ValidateIn<C>> ValidateIn<C> for Vec<T> {
    type View<'v> = &'v [Value];
    #[inline]
    fn validate_in(&self, ctx: &C, path: &Path<'_>, report: &mut Report) {
        validate_items(self, ctx, path, report);
    }
    fn check_value<'v>(
        value: &'v Value,
        ctx: &C,
        path: &Path<'_>,
        report: &mut Report,
    ) -> Option<&'v [Value]> {
        check_items::<C, T>(value, ctx, path, report)
    }
}

impl<T: Leaf> Leaf for [T] {}
impl<C: ?Sized, T: ValidateIn<C>> ValidateIn<C> for Box<[T]> {
    type View<'v> = &'v [Value];
    #[inline]
    fn validate_in(&self, ctx: &C, path: &Path<'_>, report: &mut Report) {
        validate_items(self, ctx, path, report);
    }
    fn check_value<'v>(
        value: &'v Value,
        ctx: &C,
        path: &Path<'_>,
        report: &mut Report,
    ) -> Option<&'v [Value]> {
        check_items::<C, T>(value, ctx, path, report)
    }
}
