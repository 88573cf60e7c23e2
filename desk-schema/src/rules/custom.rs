//! `custom(check = path, description = "...")`: a rule written as a function.
//!
//! On a field the function has the signature
//! `fn(&FieldType, &Context) -> Result<(), Kind>`; on a struct it is
//! `fn(&Self, &Context, &mut Scope<'_, '_>)`, and reports any number of
//! violations at paths relative to the struct. JSON Schema cannot express
//! such rules: their `description` is appended to the schema's.

use schemars::Schema;
use serde_json::Value;

use crate::{Kind, Path, Report, Seg};

/// What a field-level custom rule returns: `Result<(), Kind>`.
#[diagnostic::on_unimplemented(
    message = "a field's custom rule returns `Result<(), Kind>`, and this one returns `{Self}`",
    label = "returns `{Self}`",
    note = "write `fn check(value: &T) -> Result<(), desk_schema::Kind>` (`fn(&T, &Ctx)` with a context); `Kind::custom(\"code\", \"message\")` is the error"
)]
pub trait RuleResult {
    /// The violation, if any.
    fn violation(self) -> Option<Kind>;
}

impl RuleResult for Result<(), Kind> {
    #[inline]
    fn violation(self) -> Option<Kind> {
        self.err()
    }
}

/// What a struct-level custom rule returns: nothing. It records each
/// problem through its [`Scope`]; a `bool` or a `Result` returned would be
/// dropped unread, and the rule never fail.
#[diagnostic::on_unimplemented(
    message = "a struct's custom rule records its violations through its `Scope` and returns nothing, and this one returns `{Self}`",
    label = "returns `{Self}`",
    note = "write `fn check(value: &T, scope: &mut Scope<'_, '_>)` (`value, ctx: &Ctx, scope` with a context; `check_value` takes the view first), and record each problem with `scope.push(&[], Kind::custom(\"code\", \"message\"))`"
)]
pub trait StructRuleResult {
    /// Nothing is left to do: the rule has recorded what it found.
    fn done(self);
}

impl StructRuleResult for () {
    #[inline]
    fn done(self) {}
}

/// What a struct's `check_value` function takes: the object as read from raw
/// JSON, `&<T as JsonView>::View<'_>` (see [`JsonView`](crate::JsonView)).
///
/// The derive implements it for the view of each struct with a
/// `check_value`, so that a function written for another argument (`&T`,
/// what `check` takes) is one error that says what to write.
#[diagnostic::on_unimplemented(
    message = "a `check_value` function takes the object as read from raw JSON, `&<{T} as JsonView>::View<'_>`, and this one takes `&{Self}`",
    label = "takes `&{Self}`",
    note = "write `fn check_value(view: &<{T} as JsonView>::View<'_>, scope: &mut Scope<'_, '_>)` (`view, ctx: &Ctx, scope` with a context); `check` is the rule's form that takes `&{T}`"
)]
pub trait ObjectView<'de, T: crate::JsonView + ?Sized> {
    /// The view, as the function's argument.
    fn cast<'a>(view: &'a T::View<'de>) -> &'a Self;
}

/// Where a struct-level rule reports: paths are relative to the struct.
pub struct Scope<'r, 'p> {
    path: &'r Path<'p>,
    report: &'r mut Report,
}

impl<'r, 'p> Scope<'r, 'p> {
    /// A scope at `path` that records into `report`.
    pub(crate) fn new(path: &'r Path<'p>, report: &'r mut Report) -> Self {
        Scope { path, report }
    }

    /// Records `kind` at the struct's own path followed by `rest`
    /// (`&[Seg::Key("MemberList"), Seg::Index(3)]`; empty for the struct itself).
    pub fn push(&mut self, rest: &[Seg<'_>], kind: Kind) {
        self.report.push_at(self.path, rest, kind);
    }
}

/// Appends `description` (a sentence that states the rule) to the schema's
/// `description`: JSON Schema cannot express a rule written as a function.
pub fn schema(schema: &mut Schema, description: &str) {
    // A `skip` field's schema states what serde reads, not the rules.
    if crate::schema::unchecked::unchecked() {
        return;
    }
    let obj = super::keywords(schema);
    let text = match obj.get("description").and_then(Value::as_str) {
        Some(old) if !old.is_empty() => format!("{old}\n\n{description}"),
        _ => description.to_owned(),
    };
    obj.insert("description".into(), Value::String(text));
}
