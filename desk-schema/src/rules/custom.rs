//! `custom(check = path, description = "...")`: a rule written as a function.
//!
//! On a field the function has the signature
//! `fn(&FieldType, &Context) -> Result<(), Kind>`; on a struct it is
//! `fn(&Self, &Context, &mut Scope<'_, '_>)`, and reports any number of
//! violations at paths relative to the struct. JSON Schema cannot express
//! such rules: their `description` is appended to the schema's.

use crate::{Kind, Path, Report, Seg};

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

/// Records the result of a field-level custom rule.
#[inline]
pub fn record(result: Result<(), Kind>, path: &Path<'_>, report: &mut Report) {
    if let Err(kind) = result {
        report.push(path, kind);
    }
}
