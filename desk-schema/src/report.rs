//! The validation report: every violation, where it is, which rule, and the
//! figures, but never the offending value itself.

use core::fmt;
use std::borrow::Cow;

use serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};

use crate::path::{Path, PointerText, Seg};

/// The JSON type of a value, as JSON Schema names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum JsonType {
    /// `null`
    Null,
    /// `true` or `false`
    Boolean,
    /// A number with no fraction or exponent that fits the target.
    Integer,
    /// Any other number.
    Number,
    /// A string.
    String,
    /// An array.
    Array,
    /// An object.
    Object,
}

impl JsonType {
    /// The type of `value`.
    #[must_use]
    pub fn of(value: &serde_json::Value) -> Self {
        use serde_json::Value;
        match value {
            Value::Null => JsonType::Null,
            Value::Bool(_) => JsonType::Boolean,
            Value::Number(n) if n.is_i64() || n.is_u64() => JsonType::Integer,
            Value::Number(_) => JsonType::Number,
            Value::String(_) => JsonType::String,
            Value::Array(_) => JsonType::Array,
            Value::Object(_) => JsonType::Object,
        }
    }

    /// The JSON Schema name (`"string"`, `"integer"`, ...).
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            JsonType::Null => "null",
            JsonType::Boolean => "boolean",
            JsonType::Integer => "integer",
            JsonType::Number => "number",
            JsonType::String => "string",
            JsonType::Array => "array",
            JsonType::Object => "object",
        }
    }
}

impl fmt::Display for JsonType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The values a [`Kind::Enum`] violation allows: texts (for a string) or
/// integers (for a number). In JSON, an array of them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Allowed {
    /// Strings: `one_of("a", "b")`, a unit enum's names, a tag's.
    Texts(&'static [&'static str]),
    /// Integers: `one_of(1, 2)`.
    Integers(&'static [i128]),
}

impl From<&'static [&'static str]> for Allowed {
    fn from(texts: &'static [&'static str]) -> Self {
        Allowed::Texts(texts)
    }
}

impl From<&'static [i128]> for Allowed {
    fn from(integers: &'static [i128]) -> Self {
        Allowed::Integers(integers)
    }
}

impl Allowed {
    /// Each value as a message lists it: a text quoted as JSON writes it
    /// (with [`crate::text::escaped`]'s escapes), an integer in full.
    pub(crate) fn each(self) -> impl Iterator<Item = String> {
        let (texts, integers) = match self {
            Allowed::Texts(t) => (t, &[][..]),
            Allowed::Integers(n) => (&[][..], n),
        };
        texts
            .iter()
            .map(|t| Quoted(t).to_string())
            .chain(integers.iter().map(ToString::to_string))
    }
}

impl Serialize for Allowed {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Allowed::Texts(texts) => texts.serialize(serializer),
            Allowed::Integers(integers) => integers.serialize(serializer),
        }
    }
}

/// The number a [`Kind::Range`] violation was given: an integer, exactly, or
/// the value of a float field.
#[derive(Clone, Copy, Debug)]
pub enum Actual {
    /// An integer.
    Integer(i128),
    /// A float.
    Float(f64),
}

impl Actual {
    /// An infinity or NaN: a typed float's value no JSON number is.
    pub(crate) fn is_not_finite(self) -> bool {
        matches!(self, Actual::Float(v) if !v.is_finite())
    }
}

impl PartialEq for Actual {
    /// Floats compare by their bits, so that a report equals itself.
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (Actual::Integer(a), Actual::Integer(b)) => a == b,
            (Actual::Float(a), Actual::Float(b)) => a.to_bits() == b.to_bits(),
            _ => false,
        }
    }
}

impl Eq for Actual {}

impl fmt::Display for Actual {
    /// An integer in full; a float as `serde_json` writes it (`9.5`, `1e+20`), and
    /// an infinity (which JSON cannot hold) as Rust writes it (`inf`).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Actual::Integer(n) => write!(f, "{n}"),
            Actual::Float(v) => match serde_json::Number::from_f64(v) {
                Some(n) => write!(f, "{n}"),
                None => write!(f, "{v}"),
            },
        }
    }
}

impl Serialize for Actual {
    /// A number; an infinity or NaN, which no JSON number is, as the text
    /// `Display` writes (`"inf"`, `"-inf"`, `"NaN"`), where `serde_json`
    /// would write `null`, the figure of a number it could not read.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match *self {
            Actual::Integer(n) => Int(n).serialize(serializer),
            Actual::Float(v) if v.is_finite() => serializer.serialize_f64(v),
            Actual::Float(v) => serializer.collect_str(&v),
        }
    }
}

/// What went wrong, with the rule's limit and the measured figure.
///
/// The variants carry numbers and names from the rule, never the checked
/// value: values can be personal data or credentials.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Kind {
    /// A string longer than `limit` bytes of UTF-8.
    MaxBytes {
        /// The most bytes allowed.
        limit: usize,
        /// The string's length in bytes.
        bytes: usize,
        /// The string's length in characters (Unicode scalar values).
        chars: usize,
    },
    /// A string shorter than `limit` bytes of UTF-8.
    MinBytes {
        /// The fewest bytes allowed.
        limit: usize,
        /// The string's length in bytes.
        bytes: usize,
    },
    /// A string with more than `limit` characters (Unicode scalar values).
    MaxChars {
        /// The most characters allowed.
        limit: usize,
        /// The string's length in characters.
        chars: usize,
    },
    /// A string with fewer than `limit` characters.
    MinChars {
        /// The fewest characters allowed.
        limit: usize,
        /// The string's length in characters.
        chars: usize,
    },
    /// A string with more than `limit` grapheme clusters.
    MaxGraphemes {
        /// The most grapheme clusters allowed.
        limit: usize,
        /// The string's length in extended grapheme clusters.
        graphemes: usize,
    },
    /// A string with fewer than `limit` grapheme clusters.
    MinGraphemes {
        /// The fewest grapheme clusters allowed.
        limit: usize,
        /// The string's length in extended grapheme clusters.
        graphemes: usize,
    },
    /// A string with more than `limit` UTF-16 code units (JavaScript's `.length`).
    MaxUtf16 {
        /// The most UTF-16 code units allowed.
        limit: usize,
        /// The string's length in UTF-16 code units.
        units: usize,
    },
    /// A string with fewer than `limit` UTF-16 code units.
    MinUtf16 {
        /// The fewest UTF-16 code units allowed.
        limit: usize,
        /// The string's length in UTF-16 code units.
        units: usize,
    },
    /// A value that is not one of the allowed values (`one_of`, a unit
    /// variant's name, a tag).
    Enum {
        /// The allowed values.
        allowed: Allowed,
    },
    /// A string with a byte outside printable ASCII (0x20..=0x7E).
    Charset {
        /// Offset of the first byte outside the set.
        offset: usize,
        /// The character that starts there, said as its code point
        /// (`U+00E9`; the report does not quote the payload).
        code_point: char,
    },
    /// A string with a byte outside ASCII (a character from U+0080 on).
    Ascii {
        /// Offset of the first byte outside ASCII.
        offset: usize,
        /// The character that starts there, said as its code point.
        code_point: char,
    },
    /// A string that starts with a reserved prefix.
    ReservedPrefix {
        /// The prefix.
        prefix: &'static str,
    },
    /// A string that does not start with the required prefix.
    Prefix {
        /// The prefix.
        prefix: &'static str,
    },
    /// A string that does not end with the required suffix.
    Suffix {
        /// The suffix.
        suffix: &'static str,
    },
    /// A string that does not contain the required text.
    Contains {
        /// The text that must appear.
        substring: &'static str,
    },
    /// A string not in the rule's format.
    Format {
        /// JSON Schema's name of the format (`"date-time"`).
        format: &'static str,
    },
    /// A string that does not match the rule's regular expression.
    Pattern {
        /// The pattern as the schema writes it: the attribute's, with
        /// ECMAScript's `.` spelled out as `[^\n\r\u{2028}\u{2029}]`
        /// (see `rules::pattern`).
        pattern: &'static str,
    },
    /// A number outside its range: a `range` rule's, or its type's. With
    /// neither bound, the number is past what the type holds at all: with
    /// `actual`, an `f32` given a number that rounds to infinity (at or past
    /// 2^128 - 2^103, about ±3.4e38, in the double JSON gives), or a typed
    /// float that is infinite or NaN (`actual` is that value), which no
    /// JSON number is; without it, a number past any double (`1e400`).
    Range {
        /// The smallest allowed value, if bounded below.
        min: Option<i128>,
        /// The largest allowed value, if bounded above.
        max: Option<i128>,
        /// The number given (in JSON a number, or for an infinity or NaN the
        /// text `Display` writes: `"inf"`); absent when it cannot be said exactly (an
        /// integer literal past 64 bits, which `serde_json` reads as a float,
        /// and so a typed `u128` or `i128` past 64 bits too, or a number past
        /// any double).
        actual: Option<Actual>,
    },
    /// A list with more than `limit` items.
    MaxItems {
        /// The most items allowed.
        limit: usize,
        /// The list's length.
        items: usize,
    },
    /// A list with fewer than `limit` items.
    MinItems {
        /// The fewest items allowed.
        limit: usize,
        /// The list's length.
        items: usize,
    },
    /// A list item whose key (or whole value) repeats an earlier item's.
    Duplicate {
        /// The JSON name of the key field, or `None` when whole items are compared.
        key: Option<&'static str>,
        /// The index of the earlier item with the same value.
        first: usize,
    },
    /// An object that names the same property twice.
    DuplicateKey {
        /// The repeated property.
        property: String,
    },
    /// Text that is not JSON.
    Syntax {
        /// 1-based line of the error.
        line: usize,
        /// 1-based column of the error, in characters (as an editor counts
        /// them, not bytes).
        column: usize,
        /// What the parser expected, without quoting the input.
        reason: Cow<'static, str>,
    },
    /// A string (or property name) whose `\u` escapes leave a UTF-16
    /// surrogate unpaired (`"A\ud800B"`): it has no UTF-8 form, so the API,
    /// which counts UTF-8 bytes, cannot receive it. JSON's grammar allows
    /// it (RFC 8259, section 8.2); `serde_json` and the walk refuse it.
    UnpairedSurrogate {
        /// The surrogate, as 4 upper-case hex digits (`"D800"`).
        unit: String,
    },
    /// A value of the wrong JSON type.
    Type {
        /// The expected type, as JSON Schema names it.
        expected: &'static str,
        /// The type found.
        found: JsonType,
    },
    /// A required property is missing (reported at its parent object).
    Required {
        /// The missing property.
        property: &'static str,
    },
    /// A property that the type does not have (reported at its parent object).
    UnknownField {
        /// The unknown property's name.
        property: String,
        /// A known property it is likely a misspelling of.
        suggestion: Option<&'static str>,
    },
    /// A violation of a custom rule.
    Custom {
        /// A stable `snake_case` code.
        code: &'static str,
        /// An English sentence with the figures.
        message: Cow<'static, str>,
        /// The same sentence in Simplified Chinese, if the rule gives one
        /// (otherwise the English one is shown in every language).
        zh_cn: Option<Cow<'static, str>>,
    },
}

/// The code of every kind but `Custom`, from one list, which also gives
/// [`Kind::CODES`]: a kind without a code does not compile.
macro_rules! codes {
    ($($variant:ident => $code:literal,)*) => {
        impl Kind {
            /// Every code a [`Kind`] of this crate can carry (a custom rule's
            /// code is its own). Codes are a stable API: one is added with a
            /// new rule, and none is renamed or removed without raising the
            /// CLI's `format_version`.
            pub const CODES: &'static [&'static str] = &[$($code),*];
        }

        fn kind_code(kind: &Kind) -> &'static str {
            match kind {
                $(Kind::$variant { .. } => $code,)*
                Kind::Custom { code, .. } => code,
            }
        }

        /// The place of a kind's code in [`Kind::CODES`], found when this
        /// crate compiles; a custom code's, by its code at run time.
        fn kind_rank(kind: &Kind) -> usize {
            match kind {
                $(Kind::$variant { .. } => const { position($code) },)*
                Kind::Custom { code, .. } => position(code),
            }
        }
    };
}

/// The place of `code` in [`Kind::CODES`], or its length: a `const fn`, so
/// that each kind's rank is found when the crate compiles.
const fn position(code: &str) -> usize {
    let mut i = 0;
    while i < Kind::CODES.len() {
        if same(Kind::CODES[i].as_bytes(), code.as_bytes()) {
            return i;
        }
        i += 1;
    }
    Kind::CODES.len()
}

const fn same(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

codes! {
    MaxBytes => "max_bytes",
    MinBytes => "min_bytes",
    MaxChars => "max_chars",
    MinChars => "min_chars",
    MaxGraphemes => "max_graphemes",
    MinGraphemes => "min_graphemes",
    MaxUtf16 => "max_utf16",
    MinUtf16 => "min_utf16",
    Enum => "enum",
    Charset => "charset",
    Ascii => "ascii",
    ReservedPrefix => "reserved_prefix",
    Prefix => "prefix",
    Suffix => "suffix",
    Contains => "contains",
    Format => "format",
    Pattern => "pattern",
    Range => "range",
    MaxItems => "max_items",
    MinItems => "min_items",
    Duplicate => "duplicate",
    DuplicateKey => "duplicate_key",
    Syntax => "syntax",
    UnpairedSurrogate => "unpaired_surrogate",
    Type => "type",
    Required => "required",
    UnknownField => "unknown_field",
}

impl Kind {
    /// A custom violation with a stable `code` and a `message`, which is
    /// its message in every language: the Chinese one too, and so under
    /// `zh-CN` in a report's JSON. [`Kind::custom_in`] gives it its Chinese
    /// words.
    ///
    /// ```
    /// use desk_schema::{Kind, Locale};
    /// let kind = Kind::custom("too_late", "the deadline has passed");
    /// assert_eq!(kind.code(), "too_late");
    /// assert_eq!(kind.message_in(Locale::ZhCn), "the deadline has passed");
    /// ```
    pub fn custom(code: &'static str, message: impl Into<Cow<'static, str>>) -> Self {
        Kind::Custom {
            code,
            message: message.into(),
            zh_cn: None,
        }
    }

    /// A custom violation with its message in English and in Simplified
    /// Chinese ([`Locale::ZhCn`](crate::Locale::ZhCn)).
    ///
    /// ```
    /// use desk_schema::{Kind, Locale};
    /// let kind = Kind::custom_in("too_late", "the deadline has passed", "已过截止时间");
    /// assert_eq!(kind.message_in(Locale::ZhCn), "已过截止时间");
    /// assert_eq!(kind.to_string(), "the deadline has passed");
    /// ```
    pub fn custom_in(
        code: &'static str,
        en: impl Into<Cow<'static, str>>,
        zh_cn: impl Into<Cow<'static, str>>,
    ) -> Self {
        Kind::Custom {
            code,
            message: en.into(),
            zh_cn: Some(zh_cn.into()),
        }
    }

    /// The stable `snake_case` code of this kind.
    #[must_use]
    pub fn code(&self) -> &'static str {
        kind_code(self)
    }

    /// True for violations of the document's shape (syntax, types, missing or
    /// unknown properties), as opposed to a value's rules.
    #[must_use]
    pub fn is_shape(&self) -> bool {
        matches!(
            self,
            Kind::Syntax { .. }
                | Kind::UnpairedSurrogate { .. }
                | Kind::Type { .. }
                | Kind::Required { .. }
                | Kind::UnknownField { .. }
                | Kind::DuplicateKey { .. }
        )
    }
}

/// A character as its Unicode code point, `U+00E9`: what a message says
/// of a character of the payload, which it does not quote.
pub(crate) struct CodePoint(pub(crate) char);

impl fmt::Display for CodePoint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "U+{:04X}", u32::from(self.0))
    }
}

/// A 1-based position as English writes it: `1st`, `2nd`, `3rd`, `11th`.
/// Messages count as people do; paths and figures stay 0-based.
struct Ordinal(usize);

impl fmt::Display for Ordinal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n = self.0;
        let suffix = match (n % 10, n % 100) {
            (_, 11..=13) => "th",
            (1, _) => "st",
            (2, _) => "nd",
            (3, _) => "rd",
            _ => "th",
        };
        write!(f, "{n}{suffix}")
    }
}

fn plural(n: usize, one: &'static str, many: &'static str) -> &'static str {
    if n == 1 { one } else { many }
}

/// `text` quoted as a JSON string, as JavaScript's `JSON.stringify` (which
/// the npm package's messages use) writes it, and with every character that
/// could change how the message shows, or not show at all, escaped too
/// (`\u202e`, `\u200b`; past U+FFFF as its two UTF-16 halves, as JSON
/// writes them): control characters (C0, DEL, C1) and
/// [`hides_or_reorders`]'s. A property name is the payload's text, and the
/// CLI prints it.
pub(crate) struct Quoted<'a>(pub(crate) &'a str);

impl fmt::Display for Quoted<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("\"")?;
        write_escaped(f, self.0, true)?;
        f.write_str("\"")
    }
}

/// A violation's path as a report's text shows it: `(root)` (or
/// `（根节点）`) for the document, otherwise the JSON Pointer with a map
/// key's characters that could change how the line shows escaped as a
/// quoted name's are ([`Quoted`]), and `\` as `\\`, so that a key cannot
/// break the line or pass for another. The pointer itself
/// ([`Violation::path`]) is left as it is.
pub(crate) struct ShownPath<'a>(pub(crate) &'a str, pub(crate) crate::Locale);

impl fmt::Display for ShownPath<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.0.is_empty(), self.1) {
            (false, _) => Escaped(self.0).fmt(f),
            (true, crate::Locale::ZhCn) => f.write_str("（根节点）"),
            (true, _) => f.write_str("(root)"),
        }
    }
}

/// Text from a payload or a server, escaped as a path is
/// ([`crate::text::escaped`]).
pub(crate) struct Escaped<'a>(pub(crate) &'a str);

impl fmt::Display for Escaped<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_escaped(f, self.0, false)
    }
}

/// Writes `text` with JSON's escapes for `\\`, control characters and
/// [`hides_or_reorders`]'s, and for `"` when `quote`.
fn write_escaped(f: &mut fmt::Formatter<'_>, text: &str, quote: bool) -> fmt::Result {
    // Most text needs no escape: written whole.
    if !text
        .chars()
        .any(|c| c == '"' || c == '\\' || c.is_control() || hides_or_reorders(c))
    {
        return f.write_str(text);
    }
    for c in text.chars() {
        match c {
            '"' if quote => f.write_str("\\\"")?,
            '\\' => f.write_str("\\\\")?,
            '\n' => f.write_str("\\n")?,
            '\r' => f.write_str("\\r")?,
            '\t' => f.write_str("\\t")?,
            '\u{8}' => f.write_str("\\b")?,
            '\u{c}' => f.write_str("\\f")?,
            c if c.is_control() || hides_or_reorders(c) => {
                for unit in c.encode_utf16(&mut [0; 2]) {
                    write!(f, "\\u{unit:04x}")?;
                }
            }
            c => fmt::Write::write_char(f, c)?,
        }
    }
    Ok(())
}

/// Characters that are not control characters yet change how the text
/// around them is shown, or are not shown at all: Unicode's bidirectional
/// controls (marks, embeddings, overrides, isolates), its line and paragraph
/// separators, its other default-ignorable code points (zero-width spaces
/// and joiners, the soft hyphen, word joiners, variation selectors, the
/// Hangul fillers, tags), and the other format characters (general category
/// Cf: the Arabic number signs, the interlinear annotation marks, which may
/// hide the text between them, the Egyptian hieroglyph format controls):
/// `"Na\u{200b}me"` reads as `"Name"`.
pub(crate) fn hides_or_reorders(c: char) -> bool {
    matches!(
        u32::from(c),
        0x00AD
            | 0x034F
            | 0x0600..=0x0605
            | 0x061C
            | 0x06DD
            | 0x070F
            | 0x0890..=0x0891
            | 0x08E2
            | 0x115F..=0x1160
            | 0x17B4..=0x17B5
            | 0x180B..=0x180F
            | 0x200B..=0x200F
            | 0x2028..=0x202E
            | 0x2060..=0x206F
            | 0x3164
            | 0xFE00..=0xFE0F
            | 0xFEFF
            | 0xFFA0
            | 0xFFF0..=0xFFFB
            | 0x1_10BD
            | 0x1_10CD
            | 0x1_3430..=0x1_343F
            | 0x1_BCA0..=0x1_BCA3
            | 0x1_D173..=0x1_D17A
            | 0xE_0000..=0xE_0FFF
    )
}

fn write_list(f: &mut fmt::Formatter<'_>, allowed: Allowed) -> fmt::Result {
    for (i, item) in allowed.each().enumerate() {
        if i > 0 {
            f.write_str(", ")?;
        }
        f.write_str(&item)?;
    }
    Ok(())
}

impl fmt::Display for Kind {
    #[allow(
        clippy::too_many_lines,
        reason = "one arm per code: the English messages read best as one table"
    )]
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Kind::MaxBytes {
                limit,
                bytes,
                chars,
            } => write!(
                f,
                "{bytes} bytes in UTF-8 ({chars} {}); at most {limit} {}",
                plural(*chars, "character", "characters"),
                plural(*limit, "byte", "bytes")
            ),
            Kind::MinBytes { limit, bytes } => write!(
                f,
                "{bytes} {} in UTF-8; at least {limit} {}",
                plural(*bytes, "byte", "bytes"),
                plural(*limit, "byte", "bytes")
            ),
            // A limit of 0 is met by 1: every count has its own plural.
            Kind::MaxChars { limit, chars } => write!(
                f,
                "{chars} {}; at most {limit} {}",
                plural(*chars, "character", "characters"),
                plural(*limit, "character", "characters")
            ),
            Kind::MinChars { limit, chars } => write!(
                f,
                "{chars} {}; at least {limit} {}",
                plural(*chars, "character", "characters"),
                plural(*limit, "character", "characters")
            ),
            Kind::MaxGraphemes { limit, graphemes } => write!(
                f,
                "{graphemes} grapheme {} (characters as a reader sees them); at most {limit}",
                plural(*graphemes, "cluster", "clusters")
            ),
            Kind::MinGraphemes { limit, graphemes } => write!(
                f,
                "{graphemes} grapheme {} (characters as a reader sees them); at least {limit}",
                plural(*graphemes, "cluster", "clusters")
            ),
            Kind::MaxUtf16 { limit, units } => write!(
                f,
                "{units} UTF-16 code {} (JavaScript's length); at most {limit}",
                plural(*units, "unit", "units")
            ),
            Kind::MinUtf16 { limit, units } => write!(
                f,
                "{units} UTF-16 code {} (JavaScript's length); at least {limit}",
                plural(*units, "unit", "units")
            ),
            Kind::Enum { allowed } => {
                f.write_str("not an allowed value; expected one of ")?;
                write_list(f, *allowed)
            }
            Kind::Charset { offset, code_point } => write!(
                f,
                "{} (at the {} byte) is not printable ASCII; only 0x20 to 0x7E (English letters, digits, punctuation and space) is allowed",
                CodePoint(*code_point),
                Ordinal(offset.saturating_add(1))
            ),
            Kind::Ascii { offset, code_point } => write!(
                f,
                "{} (at the {} byte) is not ASCII; only characters U+0000 to U+007F are allowed",
                CodePoint(*code_point),
                Ordinal(offset.saturating_add(1))
            ),
            Kind::ReservedPrefix { prefix } => {
                write!(f, "starts with {}, a reserved prefix", Quoted(prefix))
            }
            Kind::Prefix { prefix } => write!(f, "does not start with {}", Quoted(prefix)),
            Kind::Suffix { suffix } => write!(f, "does not end with {}", Quoted(suffix)),
            Kind::Contains { substring } => write!(f, "does not contain {}", Quoted(substring)),
            Kind::Format { format } => match crate::rules::format::Format::from_name(format) {
                Some(known) => write!(f, "not {}", known.noun()),
                None => write!(f, "not in the format {}", Quoted(format)),
            },
            Kind::Pattern { pattern } => write!(f, "does not match the pattern {pattern}"),
            Kind::Range { min, max, actual } => {
                match actual {
                    Some(n) => write!(f, "{n} is out of range; ")?,
                    None => f.write_str("the number is out of range; ")?,
                }
                match (min, max) {
                    (Some(lo), Some(hi)) => write!(f, "must be from {lo} to {hi}"),
                    (Some(lo), None) => write!(f, "must be at least {lo}"),
                    (None, Some(hi)) => write!(f, "must be at most {hi}"),
                    // A typed infinity or NaN, which no JSON number is.
                    (None, None) if actual.is_some_and(Actual::is_not_finite) => {
                        f.write_str("must be a finite number (JSON has no infinity or NaN)")
                    }
                    // An `f32` given a number past it (`1e39`).
                    (None, None) if actual.is_some() => {
                        f.write_str("must be within what a 32-bit float holds (about ±3.4e38)")
                    }
                    // A number past any double (`1e400`): `serde_json` cannot read it.
                    (None, None) => {
                        f.write_str("must be within what a 64-bit float holds (about ±1.8e308)")
                    }
                }
            }
            Kind::MaxItems { limit, items } => write!(
                f,
                "{items} {}; at most {limit} {}",
                plural(*items, "item", "items"),
                plural(*limit, "item", "items")
            ),
            Kind::MinItems { limit, items } => write!(
                f,
                "{items} {}; at least {limit} {}",
                plural(*items, "item", "items"),
                plural(*limit, "item", "items")
            ),
            Kind::Duplicate {
                key: Some(key),
                first,
            } => write!(
                f,
                "same {key} as the {} item (index {first}); each must be unique",
                Ordinal(first.saturating_add(1))
            ),
            Kind::Duplicate { key: None, first } => write!(
                f,
                "same value as the {} item (index {first}); items must be unique",
                Ordinal(first.saturating_add(1))
            ),
            Kind::DuplicateKey { property } => write!(
                f,
                "property {} appears more than once; only one may be given",
                Quoted(property)
            ),
            Kind::Syntax {
                line,
                column,
                reason,
            } => write!(
                f,
                "not valid JSON at line {line}, column {column}: {reason}"
            ),
            Kind::UnpairedSurrogate { unit } => write!(
                f,
                "holds an unpaired UTF-16 surrogate (\\u{unit}), which has no UTF-8 form; \
                 write the whole character, or remove it"
            ),
            // A number where an integer goes: one written with a fraction,
            // an exponent or `-0` (`500.0`, `1e3`), which serde refuses.
            Kind::Type { expected, found }
                if *expected == "integer" && found.as_str() == "number" =>
            {
                f.write_str(
                    "expected integer, found a number written with a fraction, an exponent or as -0 (write an integer such as 500 or -5)",
                )
            }
            Kind::Type { expected, found } => write!(f, "expected {expected}, found {found}"),
            Kind::Required { property } => {
                write!(f, "missing required property {}", Quoted(property))
            }
            Kind::UnknownField {
                property,
                suggestion,
            } => {
                write!(f, "unknown property {}", Quoted(property))?;
                match suggestion {
                    Some(s) => write!(f, "; did you mean {}?", Quoted(s)),
                    None => Ok(()),
                }
            }
            Kind::Custom { message, .. } => f.write_str(message),
        }
    }
}

/// One broken rule at one place.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Violation {
    path: PointerText,
    kind: Kind,
    /// The field's own messages (`#[desk(message(...))]`), if it has them.
    messages: Option<&'static crate::Messages>,
}

impl Violation {
    /// A violation at `path`, a JSON Pointer.
    pub fn new(path: impl Into<String>, kind: Kind) -> Self {
        Violation::at(PointerText::from(path.into()), kind)
    }

    /// A violation at `path`, written by [`Path`].
    fn at(path: PointerText, kind: Kind) -> Self {
        Violation {
            path,
            kind,
            messages: None,
        }
    }

    /// Where: a JSON Pointer (RFC 6901), `""` for the whole document.
    #[must_use]
    pub fn path(&self) -> &str {
        self.path.as_str()
    }

    /// Which rule: a stable `snake_case` code such as `max_bytes`.
    #[must_use]
    pub fn code(&self) -> &'static str {
        self.kind.code()
    }

    /// The rule's limit and the measured figures.
    #[must_use]
    pub fn kind(&self) -> &Kind {
        &self.kind
    }

    /// The English message, without the path (`Display` on the violation adds it).
    #[must_use]
    pub fn message(&self) -> String {
        self.message_in(crate::Locale::En)
    }

    /// The field's own messages, if its rules carry them.
    #[must_use]
    pub fn messages(&self) -> Option<&'static crate::Messages> {
        self.messages
    }

    /// Whether the message is its own words rather than its code's written
    /// from the figures: a field's own message, or a custom rule's. The
    /// JSON then carries it in every locale (`messages`).
    fn own_words(&self) -> bool {
        self.messages.is_some() || matches!(self.kind, Kind::Custom { .. })
    }
}

impl fmt::Display for Violation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let path = ShownPath(self.path.as_str(), crate::Locale::En);
        match self.messages.and_then(|m| m.template(crate::Locale::En)) {
            Some(_) => write!(f, "{path}: {}", self.message()),
            None => write!(f, "{path}: {}", self.kind),
        }
    }
}

/// Serialized as `{"path", "code", "message", ...typed parameters}`, and
/// `"messages": {"en", "zh-CN"}` (the message in each language) where the
/// message is its own words, not its code's written from the figures: a
/// field's own (`#[desk(message(...))]`) or a [`Kind::Custom`]'s (a custom
/// rule's, and a `type` without figures for a value that does not read as
/// its type).
impl Serialize for Violation {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.in_locale(crate::Locale::En).serialize(serializer)
    }
}

impl Violation {
    /// The violation serialized with its message in `locale`.
    pub(crate) fn in_locale(&self, locale: crate::Locale) -> InLocale<'_> {
        InLocale {
            violation: self,
            locale,
        }
    }
}

/// A violation serialized with its message in one locale.
pub(crate) struct InLocale<'a> {
    violation: &'a Violation,
    locale: crate::Locale,
}

impl Serialize for InLocale<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let v = self.violation;
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("path", v.path.as_str())?;
        map.serialize_entry("code", v.code())?;
        map.serialize_entry("message", &v.message_in(self.locale))?;
        serialize_figures(&v.kind, &mut map)?;
        if v.own_words() {
            map.serialize_entry("messages", &EveryLocale(v))?;
        }
        map.end()
    }
}

/// A violation's message in every locale, as a map by tag: what the JSON
/// carries where the message is not written from the code and figures
/// alone (a field's own, a custom rule's), so that a reader in another
/// language (the npm package's `localize`) has it.
struct EveryLocale<'a>(&'a Violation);

impl Serialize for EveryLocale<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(crate::Locale::ALL.len()))?;
        for locale in crate::Locale::ALL {
            map.serialize_entry(locale.tag(), &self.0.message_in(locale))?;
        }
        map.end()
    }
}

/// A kind's figures alone, as a map: what a field's own message reads its
/// placeholders from.
pub(crate) struct Figures<'a>(pub(crate) &'a Kind);

impl Serialize for Figures<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        serialize_figures(self.0, &mut map)?;
        map.end()
    }
}

#[allow(
    clippy::too_many_lines,
    reason = "one arm per code: the figures read best as one table"
)]
fn serialize_figures<M: SerializeMap>(kind: &Kind, map: &mut M) -> Result<(), M::Error> {
    {
        match kind {
            Kind::MaxBytes {
                limit,
                bytes,
                chars,
            } => {
                map.serialize_entry("limit", limit)?;
                map.serialize_entry("bytes", bytes)?;
                map.serialize_entry("chars", chars)?;
            }
            Kind::MinBytes { limit, bytes } => {
                map.serialize_entry("limit", limit)?;
                map.serialize_entry("bytes", bytes)?;
            }
            Kind::MaxChars { limit, chars } | Kind::MinChars { limit, chars } => {
                map.serialize_entry("limit", limit)?;
                map.serialize_entry("chars", chars)?;
            }
            Kind::MaxGraphemes { limit, graphemes } | Kind::MinGraphemes { limit, graphemes } => {
                map.serialize_entry("limit", limit)?;
                map.serialize_entry("graphemes", graphemes)?;
            }
            Kind::MaxUtf16 { limit, units } | Kind::MinUtf16 { limit, units } => {
                map.serialize_entry("limit", limit)?;
                map.serialize_entry("units", units)?;
            }
            Kind::Enum { allowed } => map.serialize_entry("allowed", allowed)?,
            Kind::Charset { offset, code_point } | Kind::Ascii { offset, code_point } => {
                map.serialize_entry("offset", offset)?;
                map.serialize_entry("code_point", &CodePoint(*code_point).to_string())?;
            }
            Kind::ReservedPrefix { prefix } | Kind::Prefix { prefix } => {
                map.serialize_entry("prefix", prefix)?;
            }
            Kind::Suffix { suffix } => map.serialize_entry("suffix", suffix)?,
            Kind::Contains { substring } => map.serialize_entry("substring", substring)?,
            Kind::Format { format } => map.serialize_entry("format", format)?,
            Kind::Pattern { pattern } => map.serialize_entry("pattern", pattern)?,
            Kind::Range { min, max, actual } => {
                // i128 would not fit every JSON reader; the bounds here always fit i64/u64.
                map.serialize_entry("min", &min.map(Int))?;
                map.serialize_entry("max", &max.map(Int))?;
                map.serialize_entry("actual", actual)?;
            }
            Kind::MaxItems { limit, items } | Kind::MinItems { limit, items } => {
                map.serialize_entry("limit", limit)?;
                map.serialize_entry("items", items)?;
            }
            Kind::Duplicate { key, first } => {
                map.serialize_entry("key", key)?;
                map.serialize_entry("first", first)?;
            }
            Kind::Syntax { line, column, .. } => {
                map.serialize_entry("line", line)?;
                map.serialize_entry("column", column)?;
            }
            Kind::UnpairedSurrogate { unit } => map.serialize_entry("unit", unit)?,
            Kind::Type { expected, found } => {
                map.serialize_entry("expected", expected)?;
                map.serialize_entry("found", found.as_str())?;
            }
            Kind::Required { property } => map.serialize_entry("property", property)?,
            Kind::UnknownField {
                property,
                suggestion,
            } => {
                map.serialize_entry("property", property)?;
                map.serialize_entry("suggestion", suggestion)?;
            }
            Kind::DuplicateKey { property } => map.serialize_entry("property", property)?,
            Kind::Custom { .. } => {}
        }
        Ok(())
    }
}

/// An i128 written as the narrowest JSON integer that holds it.
struct Int(i128);

impl Serialize for Int {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if let Ok(v) = i64::try_from(self.0) {
            serializer.serialize_i64(v)
        } else if let Ok(v) = u64::try_from(self.0) {
            serializer.serialize_u64(v)
        } else {
            serializer.serialize_str(&self.0.to_string())
        }
    }
}

/// Every violation found, in the order the rules were checked.
///
/// `Display` writes a line per violation; `Serialize` writes an array of
/// violation objects.
///
/// ```
/// use desk_schema::{Kind, Path, Report};
/// let mut report = Report::new();
/// report.push(&Path::Root.key("Name"), Kind::MaxBytes { limit: 100, bytes: 102, chars: 34 });
/// assert_eq!(report.to_string(), "/Name: 102 bytes in UTF-8 (34 characters); at most 100 bytes");
/// ```
#[derive(Clone, Default)]
pub struct Report {
    violations: Vec<Violation>,
    shape: usize,
    /// How many numbers no value of their type is (see `unreadable_count`).
    unreadable: usize,
}

/// Equal when the violations are, in the same order (the counts kept
/// beside them are the walk's and the typed checks' own).
impl PartialEq for Report {
    fn eq(&self, other: &Self) -> bool {
        self.violations == other.violations
    }
}

impl Eq for Report {}

/// The violations, and nothing internal.
impl fmt::Debug for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Report")
            .field("violations", &self.violations)
            .finish_non_exhaustive()
    }
}

impl Report {
    /// An empty report. Does not allocate.
    #[must_use]
    pub const fn new() -> Self {
        Report {
            violations: Vec::new(),
            shape: 0,
            unreadable: 0,
        }
    }

    /// The kinds of the violations from `start` on, to change in place.
    pub(crate) fn kinds_from(&mut self, start: usize) -> impl Iterator<Item = &mut Kind> {
        self.violations.iter_mut().skip(start).map(|v| &mut v.kind)
    }

    /// The report of a text that is not UTF-8: one `syntax` violation at
    /// the root that says at which byte (never the bytes).
    #[must_use]
    pub fn not_utf8(error: &core::str::Utf8Error) -> Report {
        let mut report = Report::new();
        report.push(
            &Path::Root,
            Kind::custom_in(
                "syntax",
                // Counted from 1, as every message counts.
                format!(
                    "not UTF-8: invalid byte sequence at the {} byte",
                    Ordinal(error.valid_up_to().saturating_add(1))
                ),
                format!(
                    "不是 UTF-8 文本：第 {} 个字节起的字节序列无效",
                    error.valid_up_to().saturating_add(1)
                ),
            ),
        );
        report
    }

    /// Records `kind` at `path`.
    pub fn push(&mut self, path: &Path<'_>, kind: Kind) {
        self.push_violation(Violation::at(path.pointer_text(&[]), kind));
    }

    /// Records `kind` at `path` followed by `rest`.
    pub(crate) fn push_at(&mut self, path: &Path<'_>, rest: &[Seg<'_>], kind: Kind) {
        self.push_violation(Violation::at(path.pointer_text(rest), kind));
    }

    /// Records a violation built elsewhere.
    pub fn push_violation(&mut self, violation: Violation) {
        if self.violations.len() == self.violations.capacity() {
            // A report that has one violation usually gets more, and one
            // that has many, many more: room for 16 first, then four times
            // as many each time it is full (not twice: each growth copies
            // every violation so far).
            self.violations.reserve(16.max(3 * self.violations.len()));
        }
        // A repeated key keeps nothing from converting: the walk keeps the
        // later value, as serde_json's `Value` and `JSON.parse` do.
        if violation.kind.is_shape() && !matches!(violation.kind, Kind::DuplicateKey { .. }) {
            self.shape += 1;
        }
        self.violations.push(violation);
    }

    /// How many shape violations (types, missing or unknown properties; not
    /// a repeated key) have been recorded: a walk compares it before and
    /// after a subtree to know whether the subtree could be deserialized.
    pub(crate) fn shape_count(&self) -> usize {
        self.shape
    }

    /// How many typed numbers have been recorded that no value of their
    /// type read from JSON is (`push_unreadable`: a float's infinity or NaN,
    /// a `u128` past 64 bits): the walk cannot read such a value, so it
    /// runs no typed custom rule on it nor on what holds it (a struct rule's
    /// raw form runs all the same), and the typed checks compare this count
    /// before and after a value to do the same.
    pub(crate) fn unreadable_count(&self) -> usize {
        self.unreadable
    }

    /// Records `kind` at `path`: a typed number no value of its type is
    /// (`unreadable_count`), as only a type's own check says (not a rule,
    /// nor a custom rule's `Kind`, which leave the count as it is).
    pub(crate) fn push_unreadable(&mut self, path: &Path<'_>, kind: Kind) {
        self.unreadable += 1;
        self.push(path, kind);
    }

    /// True when nothing was recorded.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.violations.is_empty()
    }

    /// How many violations were recorded.
    #[must_use]
    pub fn len(&self) -> usize {
        self.violations.len()
    }

    /// The violations, in order.
    #[must_use]
    pub fn violations(&self) -> &[Violation] {
        &self.violations
    }

    /// An iterator over the violations.
    pub fn iter(&self) -> core::slice::Iter<'_, Violation> {
        self.violations.iter()
    }

    /// The violations, by value.
    #[must_use]
    pub fn into_violations(self) -> Vec<Violation> {
        self.violations
    }

    /// `Ok(())` when empty, the report otherwise.
    ///
    /// # Errors
    ///
    /// The report itself, when it holds a violation.
    ///
    /// The violations come in one order, whichever path found them (the
    /// typed check, the walk of the text, or of a `serde_json::Value`): see
    /// [`Report::sort`].
    pub fn into_result(mut self) -> Result<(), Report> {
        if self.is_empty() {
            Ok(())
        } else {
            self.sort();
            Err(self)
        }
    }

    /// Gives the violations from `start` on that are not about the
    /// document's shape the field's own messages: the derive calls it after
    /// a field with `#[desk(message(...))]` is checked, and after its value
    /// is read (a number past its type is the rule's violation too). A
    /// `range` violation of a number the npm package cannot show as it is
    /// (an integer past ±(2^53 - 1), which JavaScript rounds; an infinity
    /// or NaN, which no JSON number is; one past 64 bits, held as no
    /// number) keeps the default words, which need not show it, on every
    /// path alike.
    #[doc(hidden)]
    pub fn set_messages(&mut self, start: usize, messages: &'static crate::Messages) {
        self.set_messages_by_code(start, &[], Some(messages));
    }

    /// [`Report::set_messages`] for a field with a rule's own messages
    /// (`message(max_bytes, en = "...")`): a violation with one of the codes
    /// of `by_code` takes that code's, any other `rest` (the field's
    /// `message(en = "...")`), if the field has one.
    #[doc(hidden)]
    pub fn set_messages_by_code(
        &mut self,
        start: usize,
        by_code: &'static [(&'static str, crate::Messages)],
        rest: Option<&'static crate::Messages>,
    ) {
        /// The largest integer a double holds with its neighbours apart.
        const SAFE: u128 = (1 << 53) - 1;
        for v in self.violations.iter_mut().skip(start) {
            let shown = match &v.kind {
                Kind::Range { actual, .. } => match actual {
                    Some(Actual::Integer(i)) => i.unsigned_abs() <= SAFE,
                    Some(Actual::Float(f)) => f.is_finite(),
                    None => false,
                },
                _ => true,
            };
            if v.kind.is_shape() || !shown {
                continue;
            }
            let code = v.kind.code();
            let own = by_code.iter().find(|(c, _)| *c == code).map(|(_, m)| m);
            if let Some(messages) = own.or(rest) {
                v.messages = Some(messages);
            }
        }
    }

    /// Puts the violations in the order every layer gives them (the CLI,
    /// `validate()`, `from_json_str`, and the npm package): by path, a
    /// parent before what is inside it, segment by segment: at one place
    /// an array index (digits, no leading zero; a map key such as `"10"`
    /// too) before a name, indexes by number and names by Unicode code
    /// point (unescaped); at one path, by code, in the order of
    /// [`Kind::CODES`] (other codes after them, by name); then by the
    /// property a violation names (`required`, `unknown_field`); then by the
    /// English message, the figures (name by name: numbers by value, text by
    /// code point), the Chinese message and, last, all a violation holds. A
    /// total order, whatever the paths. A report of one
    /// violation (or none) is left as it is, and so is one in order
    /// already. When every path is a short pointer with nothing escaped in
    /// it, and the report comes as runs in order, at most half as many as
    /// its violations (one list's items, say: the usual report), two
    /// violations are compared where their paths first differ and the runs
    /// are merged. Otherwise the report
    /// writes one buffer of sort keys and a list of where each key is, and
    /// sorts that. Either way it allocates (only ever on the way to an
    /// error: a passing check has no report) and is then reordered in
    /// place.
    pub fn sort(&mut self) {
        if self.violations.len() < 2 {
            return;
        }
        let violations = &self.violations;
        // Whether the report is known to be out of order already.
        let mut out_of_order = false;
        // Comparing two paths costs up to their length, where a key is
        // written once: only short paths are compared so.
        if violations.iter().all(|v| v.path.is_plain(PLAIN_MAX)) {
            let order = |&i: &usize, &j: &usize| {
                let (a, b) = (&violations[i], &violations[j]);
                plain_path_order(a.path.as_bytes(), b.path.as_bytes())
                    .then_with(|| tail_order(a, b))
                    .then_with(|| tie_break(a, b))
            };
            match merge_runs(violations.len(), order) {
                Runs::InOrder => return,
                Runs::Merged(mut places) => {
                    reorder(&mut self.violations, &mut places, |i| i);
                    return;
                }
                // Out of order throughout: the keys sort it faster.
                Runs::Many => out_of_order = true,
            }
        }
        // Each violation's key, written once into one buffer so that
        // comparing two violations is comparing two byte strings.
        let mut buf = Vec::with_capacity(violations.iter().map(|v| v.path.len() + 32).sum());
        let mut keys: Vec<(usize, usize, usize)> = Vec::with_capacity(violations.len());
        for (i, v) in violations.iter().enumerate() {
            let start = buf.len();
            sort_key(v, &mut buf);
            keys.push((start, buf.len(), i));
        }
        let order = |&(a, a_end, i): &(usize, usize, usize),
                     &(b, b_end, j): &(usize, usize, usize)| {
            buf[a..a_end]
                .cmp(&buf[b..b_end])
                // Rare: one code twice at one path (a map key's limit and
                // its value's): by the English message, then the figures,
                // then the Chinese message.
                .then_with(|| tie_break(&violations[i], &violations[j]))
        };
        if !out_of_order && keys.is_sorted_by(|a, b| order(a, b).is_le()) {
            return;
        }
        keys.sort_unstable_by(order);
        reorder(&mut self.violations, &mut keys, |key| &mut key.2);
    }
}

/// The longest path [`Report::sort`] compares without writing its key.
const PLAIN_MAX: usize = 256;

/// What [`merge_runs`] found.
enum Runs {
    /// In order already.
    InOrder,
    /// The new order: the place each violation comes from.
    Merged(Vec<usize>),
    /// More runs than half the violations: not merged.
    Many,
}

/// The order of `0..len` under `order`. A report comes as runs in order
/// (one field's violations, one list's items, in the order a check found
/// them), so the runs are found first and then merged, the two shortest
/// first: a long run in order is read about twice, whatever the short runs
/// around it. Every run is a range of one buffer, which starts as `0..len`
/// and gets each merge appended to it, up to three times `len` places: a
/// merge that would go past that first moves the runs still to merge to the
/// front. Three allocations in all, whatever the number of runs (four when
/// the runs are moved).
fn merge_runs(len: usize, order: impl Fn(&usize, &usize) -> core::cmp::Ordering) -> Runs {
    use core::cmp::Reverse;
    use std::collections::BinaryHeap;
    // Each run as (start, length) in `places`.
    let mut runs: Vec<(usize, usize)> = Vec::new();
    let mut start = 0;
    for i in 1..len {
        if order(&(i - 1), &i).is_gt() {
            // Merging k runs costs about len × log2(k) comparisons of
            // two paths; a report of runs of two or so (a map's entries
            // found in its own order, say) still merges for less than its
            // keys sort.
            if runs.len() + 1 >= len / 2 {
                return Runs::Many;
            }
            runs.push((start, i - start));
            start = i;
        }
    }
    if runs.is_empty() {
        return Runs::InOrder;
    }
    runs.push((start, len - start));
    let room = 3 * len;
    let mut places: Vec<usize> = Vec::with_capacity(room);
    places.extend(0..len);
    let mut shortest: BinaryHeap<Reverse<(usize, usize)>> = runs
        .iter()
        .enumerate()
        .map(|(i, &(_, run))| Reverse((run, i)))
        .collect();
    while let (Some(Reverse((_, a))), Some(Reverse((_, b)))) = (shortest.pop(), shortest.pop()) {
        if places.len() + runs[a].1 + runs[b].1 > room {
            // The runs still to merge (`a`, `b` and those in `shortest`)
            // hold `len` places in all: moved to the front, in the order
            // they lie, each moves left of where it was.
            let mut live: Vec<usize> = shortest.iter().map(|&Reverse((_, i))| i).collect();
            live.extend([a, b]);
            live.sort_unstable_by_key(|&i| runs[i].0);
            let mut to = 0;
            for i in live {
                let (from, run) = runs[i];
                places.copy_within(from..from + run, to);
                runs[i].0 = to;
                to += run;
            }
            places.truncate(to);
        }
        let ((x, x_len), (y, y_len)) = (runs[a], runs[b]);
        let (x_end, y_end) = (x + x_len, y + y_len);
        let merged = places.len();
        let (mut i, mut j) = (x, y);
        while i < x_end && j < y_end {
            if order(&places[j], &places[i]).is_lt() {
                places.push(places[j]);
                j += 1;
            } else {
                places.push(places[i]);
                i += 1;
            }
        }
        places.extend_from_within(i..x_end);
        places.extend_from_within(j..y_end);
        shortest.push(Reverse((x_len + y_len, runs.len())));
        runs.push((merged, x_len + y_len));
    }
    // The last merge holds every place.
    let (merged, _) = runs[runs.len() - 1];
    places.drain(..merged);
    Runs::Merged(places)
}

/// Puts the violation at place `place(&order[i])` at place `i`, in place,
/// a cycle at a time (as the standard library's `sort_by_cached_key` applies
/// its permutation): when that place has been filled already, the violation
/// is where it was swapped to.
fn reorder<T>(violations: &mut [Violation], order: &mut [T], place: impl Fn(&mut T) -> &mut usize) {
    for i in 0..order.len() {
        let mut at = *place(&mut order[i]);
        while at < i {
            at = *place(&mut order[at]);
        }
        *place(&mut order[i]) = at;
        if at > i {
            // Field by field: each part is small enough to be swapped in
            // registers, where the whole violation went through `memcpy`.
            let (left, right) = violations.split_at_mut(at);
            let (a, b) = (&mut left[i], &mut right[0]);
            core::mem::swap(&mut a.path, &mut b.path);
            core::mem::swap(&mut a.kind, &mut b.kind);
            core::mem::swap(&mut a.messages, &mut b.messages);
        }
    }
}

/// The order of two violations at one path with one code and property
/// (see [`Report::sort`]): by the English message; then by the figures,
/// name by name (in the order of their names, each as [`FigureKey`]
/// orders it); then by the Chinese message; then by all they hold (their
/// `Debug` form), for two that read the same in either language yet are not
/// equal.
fn tie_break(a: &Violation, b: &Violation) -> core::cmp::Ordering {
    a.message()
        .cmp(&b.message())
        .then_with(|| figures_key(&a.kind).cmp(&figures_key(&b.kind)))
        .then_with(|| {
            a.message_in(crate::Locale::ZhCn)
                .cmp(&b.message_in(crate::Locale::ZhCn))
        })
        // Alike in every language, yet not equal (a custom kind with and
        // without its own Chinese text): by all they hold, so that a
        // report's order does not depend on the order it was found in.
        .then_with(|| format!("{a:?}").cmp(&format!("{b:?}")))
}

/// A kind's figures as (name, value) pairs, by name.
fn figures_key(kind: &Kind) -> Vec<(String, FigureKey)> {
    let Ok(serde_json::Value::Object(figures)) = serde_json::to_value(Figures(kind)) else {
        return Vec::new();
    };
    let mut key: Vec<(String, FigureKey)> = figures
        .into_iter()
        .map(|(name, value)| (name, FigureKey::of(value)))
        .collect();
    key.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    key
}

/// A figure, ordered as the npm package's `compareFigure` orders it: null,
/// then booleans, numbers (by value, as JavaScript's doubles compare:
/// `1e16` and `10000000000000000`, `-0.0` and `0` are one), strings (by
/// code point), then anything else by its JSON text.
#[derive(Debug)]
enum FigureKey {
    Null,
    Bool(bool),
    Number(f64),
    Text(String),
    Json(String),
}

impl FigureKey {
    fn of(value: serde_json::Value) -> Self {
        use serde_json::Value;
        match value {
            Value::Null => FigureKey::Null,
            Value::Bool(b) => FigureKey::Bool(b),
            Value::Number(n) => FigureKey::Number(n.as_f64().unwrap_or(0.0)),
            Value::String(s) => FigureKey::Text(s),
            other => FigureKey::Json(other.to_string()),
        }
    }

    fn rank(&self) -> u8 {
        match self {
            FigureKey::Null => 0,
            FigureKey::Bool(_) => 1,
            FigureKey::Number(_) => 2,
            FigureKey::Text(_) => 3,
            FigureKey::Json(_) => 4,
        }
    }
}

impl Ord for FigureKey {
    fn cmp(&self, other: &Self) -> core::cmp::Ordering {
        use core::cmp::Ordering;
        match (self, other) {
            (FigureKey::Bool(a), FigureKey::Bool(b)) => a.cmp(b),
            // No NaN in JSON: every pair compares.
            (FigureKey::Number(a), FigureKey::Number(b)) => {
                a.partial_cmp(b).unwrap_or(Ordering::Equal)
            }
            (FigureKey::Text(a), FigureKey::Text(b)) | (FigureKey::Json(a), FigureKey::Json(b)) => {
                a.cmp(b)
            }
            _ => self.rank().cmp(&other.rank()),
        }
    }
}

impl PartialOrd for FigureKey {
    fn partial_cmp(&self, other: &Self) -> Option<core::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl PartialEq for FigureKey {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other).is_eq()
    }
}

impl Eq for FigureKey {}

/// The order of two [`is_plain`](crate::path::is_plain) paths that
/// [`sort_key`] gives, found where the paths first differ without writing a
/// key: at the segment both are in there, an index comes before a name,
/// indexes compare by number and names by their bytes, and a path ends
/// before what is inside it.
fn plain_path_order(a: &[u8], b: &[u8]) -> core::cmp::Ordering {
    use core::cmp::Ordering;
    let common = common_prefix(a, b);
    if common == a.len() || common == b.len() {
        // One is the other, or the other's parent (the root is everyone's),
        // or its segment is a prefix of the other's: `1` and `10` as
        // numbers, `a` and `ab` as names, `0` and `01` as an index and a
        // name. Only the root's child `/0` comes before `/`, whose segment
        // is the empty name.
        return match (&a[common..], &b[common..]) {
            ([], []) => Ordering::Equal,
            ([], rest) if !(a.ends_with(b"/") && starts_index(rest)) => Ordering::Less,
            (rest, []) if !(b.ends_with(b"/") && starts_index(rest)) => Ordering::Greater,
            ([], _) => Ordering::Greater,
            _ => Ordering::Less,
        };
    }
    // Both paths go on at `common`, with different bytes: the segments
    // differ there, or one ends there (`/`) and the other goes on.
    let (x, y) = (a[common], b[common]);
    if !(x.is_ascii_digit() || y.is_ascii_digit() || x == b'/' || y == b'/') {
        // Two names, whatever they share: a segment that holds a byte other
        // than a digit is not an index.
        return x.cmp(&y);
    }
    let by_name = || match (x, y) {
        (b'/', _) => Ordering::Less,
        (_, b'/') => Ordering::Greater,
        _ => x.cmp(&y),
    };
    // The digits both share just before `common`: the segment is an index
    // only if they are all it shares, after the `/` that starts it (both
    // paths start with `/`, plain and not the root, so there is one).
    let mut start = common;
    while a[start - 1].is_ascii_digit() {
        start -= 1;
    }
    if a[start - 1] != b'/' {
        return by_name();
    }
    // Where each segment ends, and whether it is an index: digits, not
    // empty, no leading zero.
    let index_end = |path: &[u8]| {
        let mut end = common;
        while end < path.len() && path[end].is_ascii_digit() {
            end += 1;
        }
        (path.get(end).is_none_or(|&c| c == b'/') && is_index(&path[start..end])).then_some(end)
    };
    match (index_end(a), index_end(b)) {
        // Two indexes: the shorter, or the first to differ, is less.
        (Some(a_end), Some(b_end)) => a_end.cmp(&b_end).then(x.cmp(&y)),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => by_name(),
    }
}

/// How many bytes `a` and `b` start with alike, compared a word at a time.
fn common_prefix(a: &[u8], b: &[u8]) -> usize {
    let word = |bytes: &[u8]| u64::from_le_bytes(bytes.try_into().unwrap_or_default());
    let mut at = 0;
    for (x, y) in a.chunks_exact(8).zip(b.chunks_exact(8)) {
        let diff = word(x) ^ word(y);
        if diff != 0 {
            // Little-endian: the first byte that differs holds the lowest
            // set bit.
            return at + (diff.trailing_zeros() / 8) as usize;
        }
        at += 8;
    }
    at + a[at..]
        .iter()
        .zip(&b[at..])
        .take_while(|(x, y)| x == y)
        .count()
}

/// True when `rest`, what follows a path's last `/`, starts with a segment
/// that is an index: it then comes before the empty name.
fn starts_index(rest: &[u8]) -> bool {
    index_segment(first_segment(rest))
}

/// The bytes of `rest` up to its first `/`.
fn first_segment(rest: &[u8]) -> &[u8] {
    &rest[..rest.iter().position(|&c| c == b'/').unwrap_or(rest.len())]
}

/// An array index segment: digits, not empty, no leading zero.
fn index_segment(segment: &[u8]) -> bool {
    segment.iter().all(u8::is_ascii_digit) && is_index(segment)
}

/// The part of [`sort_key`] after the path: the code's rank, the code, and
/// the property, none first.
fn tail_order(a: &Violation, b: &Violation) -> core::cmp::Ordering {
    kind_rank(&a.kind)
        .cmp(&kind_rank(&b.kind))
        .then_with(|| a.code().cmp(b.code()))
        .then_with(|| property(&a.kind).cmp(&property(&b.kind)))
}

/// Writes the key of `v` for [`Report::sort`]: bytes whose order is the
/// violations' order up to the message. Each path segment is `1`, the
/// length as four bytes and the digits for an index (by number), or `2` and
/// the name's unescaped bytes, closed by `0` (see [`push_text`]); then `0`,
/// which puts a parent before what is inside it; then the code's rank, the
/// code, and the property, if any.
fn sort_key(v: &Violation, buf: &mut Vec<u8>) {
    let path = v.path.as_bytes();
    // A JSON Pointer's first segment starts after its `/`; a path given
    // without one (`Violation::new` takes any text) starts at once; the
    // root has none.
    let mut rest = match path {
        [] => None,
        [b'/', rest @ ..] => Some(rest),
        _ => Some(path),
    };
    while let Some(list) = rest {
        // One pass over the segment: where it ends, and what it holds.
        let (mut end, mut digits, mut plain) = (0, true, true);
        for &b in list {
            if b == b'/' {
                break;
            }
            digits &= b.is_ascii_digit();
            plain &= b > 1 && b != b'~';
            end += 1;
        }
        let segment = &list[..end];
        if digits && is_index(segment) {
            buf.push(1);
            let len = u32::try_from(segment.len()).unwrap_or(u32::MAX);
            buf.extend_from_slice(&len.to_be_bytes());
            buf.extend_from_slice(segment);
        } else {
            buf.push(2);
            if plain {
                push_plain(segment, buf);
            } else {
                push_text(unescaped(segment), buf);
            }
        }
        rest = list.get(end + 1..);
    }
    buf.push(0);
    let rank = u16::try_from(kind_rank(&v.kind)).unwrap_or(u16::MAX);
    buf.extend_from_slice(&rank.to_be_bytes());
    push_bytes(v.code().as_bytes(), buf);
    match property(&v.kind) {
        Some(p) => {
            buf.push(1);
            push_bytes(p.as_bytes(), buf);
        }
        None => buf.push(0),
    }
}

/// Writes text so that the written bytes compare as the text does, a prefix
/// first: each byte as itself, but `0` and `1` as `1` and the byte, and `0`
/// at the end.
fn push_text(text: impl Iterator<Item = u8>, buf: &mut Vec<u8>) {
    for b in text {
        if b <= 1 {
            buf.push(1);
        }
        buf.push(b);
    }
    buf.push(0);
}

/// [`push_text`] of `bytes`, copied whole when no byte needs escaping (the
/// usual case: names and codes hold no control bytes).
fn push_bytes(bytes: &[u8], buf: &mut Vec<u8>) {
    if bytes.iter().all(|&b| b > 1) {
        push_plain(bytes, buf);
    } else {
        push_text(bytes.iter().copied(), buf);
    }
}

/// [`push_text`] of bytes known to hold no `0` or `1`: a copy, then `0`.
fn push_plain(bytes: &[u8], buf: &mut Vec<u8>) {
    buf.extend_from_slice(bytes);
    buf.push(0);
}

/// An array index segment, given that it is all digits: not empty, and no
/// leading zero.
fn is_index(digits: &[u8]) -> bool {
    matches!(digits, [b'0'] | [b'1'..=b'9', ..])
}

/// The bytes of a segment with `~1` read as `/` and `~0` as `~`.
fn unescaped(segment: &[u8]) -> impl Iterator<Item = u8> + '_ {
    let mut bytes = segment.iter().copied().peekable();
    core::iter::from_fn(move || {
        let c = bytes.next()?;
        if c == b'~' {
            match bytes.peek() {
                Some(b'1') => {
                    bytes.next();
                    return Some(b'/');
                }
                Some(b'0') => {
                    bytes.next();
                    return Some(b'~');
                }
                _ => {}
            }
        }
        Some(c)
    })
}

/// The property a violation names, if any.
fn property(kind: &Kind) -> Option<&str> {
    match kind {
        Kind::Required { property } => Some(property),
        Kind::UnknownField { property, .. } | Kind::DuplicateKey { property } => Some(property),
        _ => None,
    }
}

impl<'a> IntoIterator for &'a Report {
    type Item = &'a Violation;
    type IntoIter = core::slice::Iter<'a, Violation>;
    fn into_iter(self) -> Self::IntoIter {
        self.violations.iter()
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, v) in self.violations.iter().enumerate() {
            if i > 0 {
                f.write_str("\n")?;
            }
            write!(f, "{v}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Report {}

impl Serialize for Report {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut seq = serializer.serialize_seq(Some(self.violations.len()))?;
        for v in &self.violations {
            seq.serialize_element(v)?;
        }
        seq.end()
    }
}

#[cfg(test)]
mod tests {
    use super::{
        Kind, Report, Violation, is_index, kind_rank, plain_path_order, property, push_text,
        sort_key, tail_order, tie_break, unescaped,
    };
    use crate::path::is_plain;

    /// The key of `sort_key`, written the plain way, every byte through
    /// `push_text`:
    /// each segment `1`, its length in four bytes and its digits (an
    /// index), or `2` and its unescaped bytes with `0` and `1` escaped,
    /// closed by `0` (a name); `0` after the path; the rank, the code, the
    /// property.
    fn key(v: &Violation) -> Vec<u8> {
        let mut key = Vec::new();
        let path = v.path.as_bytes();
        let mut start = usize::from(path.first().is_none_or(|&b| b == b'/'));
        while start <= path.len() {
            let end = path[start..]
                .iter()
                .position(|&b| b == b'/')
                .map_or(path.len(), |at| start + at);
            let segment = &path[start..end];
            if segment.iter().all(u8::is_ascii_digit) && is_index(segment) {
                key.push(1);
                key.extend_from_slice(&u32::try_from(segment.len()).unwrap().to_be_bytes());
                key.extend_from_slice(segment);
            } else {
                key.push(2);
                push_text(unescaped(segment), &mut key);
            }
            start = end + 1;
        }
        key.push(0);
        key.extend_from_slice(&u16::try_from(kind_rank(&v.kind)).unwrap().to_be_bytes());
        push_text(v.code().bytes(), &mut key);
        match property(&v.kind) {
            Some(p) => {
                key.push(1);
                push_text(p.bytes(), &mut key);
            }
            None => key.push(0),
        }
        key
    }

    /// A small deterministic generator (xorshift), so the test needs no
    /// dependency and fails the same way every time.
    struct Rng(u64);

    impl Rng {
        fn below(&mut self, n: usize) -> usize {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            usize::try_from(self.0 % n as u64).unwrap()
        }
    }

    /// Paths built from the pieces where the order has its corners:
    /// indexes and digit names (`09`, `10a`), escapes (`~0`, `~1`, a lone
    /// `~`), control bytes, multi-byte text, empty segments, and a path
    /// without its leading `/`.
    fn path(rng: &mut Rng) -> String {
        const PIECES: &[&str] = &[
            "0", "1", "2", "9", "10", "09", "10a", "a", "ab", "a~1b", "a~0b", "a~", "a/b", "~",
            "~2", "\u{0}", "\u{1}", "\u{2}", "名", "😀", "",
        ];
        let mut path = String::new();
        if rng.below(8) == 0 {
            path.push_str(PIECES[rng.below(PIECES.len())]);
        }
        for _ in 0..rng.below(4) {
            path.push('/');
            for _ in 0..=rng.below(2) {
                path.push_str(PIECES[rng.below(PIECES.len())]);
            }
        }
        path
    }

    /// A path of the pieces where a plain pointer's order has its corners
    /// (the sort's route that builds no key): indexes against digit names
    /// and prefixes of each other, empty segments, `/`, the root, and
    /// bytes on either side of `/`.
    fn plain_path(rng: &mut Rng) -> String {
        const PIECES: &[&str] = &[
            "0", "1", "9", "10", "01", "1a", "a", "ab", "!", "\u{2}", "名", "",
        ];
        let mut path = String::new();
        for _ in 0..rng.below(4) {
            path.push('/');
            for _ in 0..=rng.below(2) {
                path.push_str(PIECES[rng.below(PIECES.len())]);
            }
        }
        path
    }

    fn kind(rng: &mut Rng) -> Kind {
        match rng.below(5) {
            0 => Kind::MaxBytes {
                limit: 1,
                bytes: 2 + rng.below(2),
                chars: 2,
            },
            1 => Kind::Required {
                property: ["a", "b", "a\u{0}"][rng.below(3)],
            },
            2 => Kind::custom(["zz", "max_bytes", "z"][rng.below(3)], "a"),
            3 => Kind::MinItems {
                limit: 2,
                items: rng.below(2),
            },
            _ => Kind::DuplicateKey {
                property: ["a", "b"][rng.below(2)].into(),
            },
        }
    }

    fn violation(rng: &mut Rng) -> Violation {
        Violation::new(path(rng), kind(rng))
    }

    fn plain_violation(rng: &mut Rng) -> Violation {
        Violation::new(plain_path(rng), kind(rng))
    }

    #[test]
    fn plain_paths_compare_as_their_keys() {
        let mut rng = Rng(0x6A09_E667_F3BC_C908);
        for _ in 0..50_000 {
            let (a, b) = (plain_violation(&mut rng), plain_violation(&mut rng));
            assert!(is_plain(a.path.as_bytes()), "{:?}", a.path);
            let fast = plain_path_order(a.path.as_bytes(), b.path.as_bytes())
                .then_with(|| tail_order(&a, &b));
            assert_eq!(
                fast,
                key(&a).cmp(&key(&b)),
                "{:?} against {:?}",
                a.path,
                b.path
            );
        }
    }

    /// A path longer than `PLAIN_MAX` sends the report to the keys (a
    /// comparison would read it whole each time): the order is the same.
    #[test]
    fn a_report_with_a_long_path_sorts_as_its_keys() {
        for long in [
            format!("/1{}", "0".repeat(300)),
            format!("/a{}", "x".repeat(300)),
        ] {
            let mut violations = vec![Violation::new(long, Kind::custom("a", "a"))];
            violations
                .extend((0..40).map(|i| Violation::new(format!("/{i}"), Kind::custom("a", "a"))));
            let mut expected = violations.clone();
            expected.sort_by_key(key);
            let mut report = Report::new();
            for v in violations {
                report.push_violation(v);
            }
            report.sort();
            assert_eq!(report.violations(), &expected[..]);
        }
    }

    #[test]
    fn only_a_pointer_with_nothing_escaped_is_plain() {
        for plain in ["", "/", "/a//0", "/名/😀/\u{2}"] {
            assert!(is_plain(plain.as_bytes()), "{plain:?}");
        }
        for other in ["a", "a/b", "/a~1b", "/~", "/\u{0}", "/a/\u{1}"] {
            assert!(!is_plain(other.as_bytes()), "{other:?}");
        }
        // Every place in a word and in the bytes after the last one, with
        // the bytes around those it looks for.
        for len in 1..=24 {
            for at in 1..len {
                for (c, plain) in [
                    ('~', false),
                    ('\0', false),
                    ('\u{1}', false),
                    ('\u{2}', true),
                ]
                .into_iter()
                .chain([('}', true), ('\u{7f}', true), ('/', true)])
                {
                    let mut path: Vec<char> = std::iter::once('/')
                        .chain(std::iter::repeat_n('a', len - 1))
                        .collect();
                    path[at] = c;
                    let path: String = path.into_iter().collect();
                    assert_eq!(is_plain(path.as_bytes()), plain, "{path:?}");
                }
            }
        }
        assert!(is_plain("/é名😀/é名😀/é名😀".as_bytes()));
    }

    #[test]
    fn a_quoted_name_shows_as_written() {
        let kind = Kind::UnknownField {
            property:
                "a\u{202e}b\u{7f}\u{85}\u{2028}\u{61c}\n\t\u{1b}\"\\é😀\u{200b}\u{e0041}❤\u{fe0f}\u{fff9}\u{600}\u{13430}"
                    .into(),
            suggestion: None,
        };
        let en = r#"unknown property "a\u202eb\u007f\u0085\u2028\u061c\n\t\u001b\"\\é😀\u200b\udb40\udc41❤\ufe0f\ufff9\u0600\ud80d\udc30""#;
        assert_eq!(kind.to_string(), en);
        let zh = r#"未知字段 "a\u202eb\u007f\u0085\u2028\u061c\n\t\u001b\"\\é😀\u200b\udb40\udc41❤\ufe0f\ufff9\u0600\ud80d\udc30""#;
        assert_eq!(kind.message_in(crate::Locale::ZhCn), zh);
    }

    /// A map key in a path is the payload's text: a report's lines show
    /// it escaped as a quoted name is, so that it cannot break the line or
    /// pass for another key; the pointer itself stays as it is.
    #[test]
    fn a_path_shows_a_key_escaped_and_keeps_it_raw() {
        let key = "a\nb\u{202e}c\\d\u{200b}e\u{e0041}\"f\u{7f}";
        let path = format!("/map/{key}");
        let mut report = Report::new();
        report.push_violation(Violation::new(path.clone(), Kind::custom("odd", "odd")));
        let shown = r#"/map/a\nb\u202ec\\d\u200be\udb40\udc41"f\u007f: odd"#;
        assert_eq!(report.to_string(), shown);
        assert_eq!(report.localized(crate::Locale::ZhCn).to_string(), shown);
        assert_eq!(report.to_string().lines().count(), 1);
        assert_eq!(report.violations()[0].path(), path);
        // A plain pointer, and the root, show as before.
        let mut plain = Report::new();
        plain.push_violation(Violation::new("", Kind::custom("odd", "odd")));
        plain.push_violation(Violation::new("/名/0/~1", Kind::custom("odd", "odd")));
        assert_eq!(plain.to_string(), "(root): odd\n/名/0/~1: odd");
        assert_eq!(
            plain.localized(crate::Locale::ZhCn).to_string(),
            "（根节点）：odd\n/名/0/~1: odd"
        );
    }

    #[test]
    fn the_sort_key_is_the_plain_one() {
        let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
        for _ in 0..20_000 {
            let v = violation(&mut rng);
            let mut buf = vec![7];
            sort_key(&v, &mut buf);
            assert_eq!(buf[1..], key(&v), "{:?}", v.path);
        }
    }

    /// Many short runs: their merges, appended to one buffer, outgrow it
    /// (three times the places) and the runs left are moved to its front,
    /// as often as it takes; the order found is the places sorted.
    #[test]
    fn many_runs_merge_to_the_order_whatever_their_number() {
        for (len, run) in [(300, 3), (999, 3), (64, 4), (994, 7)] {
            // Runs in order, the runs themselves in falling order.
            let value = |i: usize| (len - 1 - i) / run * run + i % run;
            match super::merge_runs(len, |&i, &j| value(i).cmp(&value(j))) {
                super::Runs::Merged(places) => {
                    let values: Vec<usize> = places.iter().map(|&i| value(i)).collect();
                    let mut expected: Vec<usize> = (0..len).map(value).collect();
                    expected.sort_unstable();
                    assert_eq!(values, expected, "{len} {run}");
                }
                _ => panic!("{len} places in runs of {run} were not merged"),
            }
        }
    }

    #[test]
    fn a_report_sorts_as_its_keys_and_messages_order_it() {
        let mut rng = Rng(0x2545_F491_4F6C_DD1D);
        for _ in 0..2_000 {
            let len = rng.below(40);
            // Half the reports take the route for plain paths only.
            let plain = rng.below(2) == 0;
            let mut violations: Vec<Violation> = (0..len)
                .map(|_| {
                    if plain {
                        plain_violation(&mut rng)
                    } else {
                        violation(&mut rng)
                    }
                })
                .collect();
            let mut expected = violations.clone();
            expected.sort_by(|a, b| key(a).cmp(&key(b)).then_with(|| tie_break(a, b)));
            match rng.below(3) {
                0 => {
                    // In order already, or nearly: the check that skips the
                    // sort.
                    violations.clone_from(&expected);
                    if len > 1 && rng.below(2) == 0 {
                        let at = rng.below(len - 1);
                        violations.swap(at, at + 1);
                    }
                }
                1 => {
                    // A few runs in order, as checks find them: the runs
                    // are merged.
                    violations.clear();
                    let mut rest = &expected[..];
                    let mut runs = Vec::new();
                    while !rest.is_empty() {
                        let (run, after) = rest.split_at(1 + rng.below(rest.len()));
                        runs.push(run);
                        rest = after;
                    }
                    for run in runs.iter().rev() {
                        violations.extend_from_slice(run);
                    }
                }
                _ => {}
            }
            let mut report = Report::new();
            for v in violations {
                report.push_violation(v);
            }
            report.sort();
            assert_eq!(report.violations(), &expected[..]);
        }
    }
}
