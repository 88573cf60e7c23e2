//! [`Valid<T>`]: a value proven to pass its rules.

use core::fmt;
use core::ops::Deref;

use crate::{Report, Validate, ValidateJson};

/// A value that passed its rules when it was checked, in the spirit of
/// garde's `Valid<T>`. A function that sends a request can demand one, so
/// an unchecked value cannot reach it:
///
/// ```
/// use desk_schema::{Valid, Validate};
///
/// #[derive(Debug, Validate, serde::Deserialize)]
/// struct Note {
///     #[desk(max_bytes = 6)]
///     text: String,
/// }
///
/// fn send(note: &Valid<Note>) -> usize {
///     note.text.len() // derefs to `Note`
/// }
///
/// let note = Note { text: "你好".into() }.validate_into().unwrap();
/// assert_eq!(send(&note), 6);
///
/// let rejected = Note { text: "你好吗".into() }.validate_into().unwrap_err();
/// assert_eq!(rejected.report.to_string(), "/text: 9 bytes in UTF-8 (3 characters); at most 6 bytes");
/// assert_eq!(rejected.value.text, "你好吗"); // nothing is lost
///
/// let parsed: Valid<Note> = Valid::from_json_str(r#"{"text": "hi"}"#).unwrap();
/// assert_eq!(parsed.into_inner().text, "hi");
/// ```
///
/// It is obtained only by checking: [`Validate::validate_into`],
/// [`Validate::validate_into_with`], [`Valid::from_json_str`],
/// [`Valid::from_json_str_with`], or deserializing one. It gives
/// the value back with [`Valid::into_inner`]; there is no `DerefMut`, since
/// a change could break a rule.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Valid<T>(T);

impl<T> Valid<T> {
    /// The value, to change or to move out.
    pub fn into_inner(self) -> T {
        self.0
    }
}

impl<T> Deref for Valid<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T> AsRef<T> for Valid<T> {
    fn as_ref(&self) -> &T {
        &self.0
    }
}

impl<'de, T> Valid<T>
where
    T: ValidateJson + serde::Deserialize<'de>,
{
    /// [`crate::from_json_str`], proven: the typed value of `text`, or every
    /// problem with it.
    ///
    /// # Errors
    ///
    /// A [`Report`] of every problem, as [`crate::from_json_str`].
    pub fn from_json_str(text: &'de str) -> Result<Self, Report> {
        crate::from_json_str(text).map(Valid)
    }

    /// [`crate::from_json_str_with`], proven: [`Valid::from_json_str`] with
    /// a given context (your own customer service accounts, say).
    ///
    /// # Errors
    ///
    /// A [`Report`] of every problem, as [`crate::from_json_str`].
    pub fn from_json_str_with(text: &'de str, ctx: &T::Context) -> Result<Self, Report> {
        crate::from_json_str_with(text, ctx).map(Valid)
    }
}

/// Serialized as the value itself: `serde_json::to_string(&valid)` writes
/// the request.
impl<T: serde::Serialize> serde::Serialize for Valid<T> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(serializer)
    }
}

/// Read as a JSON value, checked by the walk of raw JSON with the default
/// context, then built from that value and its typed rules checked: an
/// error's message is the report, which names the paths and rules and never
/// a value (serde's own messages quote them). A repeated key is merged by
/// the deserializer before the walk sees it, and an `f32` is built from the
/// double the value holds (as serde builds one from a `serde_json::Value`),
/// which can be one unit in the last place from what serde's parse of the
/// text gives (`0.50000002980232239`); for a text, with every problem
/// (`duplicate_key` included) and serde's own value, use
/// [`Valid::from_json_str`].
impl<'de, T> serde::Deserialize<'de> for Valid<T>
where
    T: ValidateJson + serde::de::DeserializeOwned,
{
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let json = serde_json::Value::deserialize(deserializer)?;
        crate::validate_value::<T>(&json).map_err(serde::de::Error::custom)?;
        let value = T::deserialize(json).map_err(|_| {
            serde::de::Error::custom("the value passed its rules but does not convert to the type")
        })?;
        check(value, &T::Context::default())
            .map_err(|rejected| serde::de::Error::custom(rejected.report))
    }
}

/// A value that broke its rules, given back with the report: nothing is lost.
///
/// Its `Debug`, like its `Display`, shows the report and not the value,
/// which may hold personal data or credentials: `?` in a `main` that
/// returns `Box<dyn Error>` prints no part of the request.
#[derive(Clone)]
pub struct Rejected<T> {
    /// The value as it was.
    pub value: T,
    /// Every violation.
    pub report: Report,
}

impl<T> fmt::Display for Rejected<T> {
    /// The report only: it never shows the value.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.report, f)
    }
}

impl<T> fmt::Debug for Rejected<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Rejected")
            .field("report", &self.report)
            .finish_non_exhaustive()
    }
}

impl<T> std::error::Error for Rejected<T> {}

/// Checks `value` with `ctx` into a [`Valid`], or gives it back with the report.
pub(crate) fn check<T: Validate>(value: T, ctx: &T::Context) -> Result<Valid<T>, Rejected<T>> {
    match value.validate_with(ctx) {
        Ok(()) => Ok(Valid(value)),
        Err(report) => Err(Rejected { value, report }),
    }
}
