//! One struct that uses every rule, so that checks and schema are tested together.

use desk_schema::{Kind, Scope, Seg, Validate};
use serde::Deserialize;

/// Configuration reaching nested types: a word that notes must not contain.
#[derive(Debug)]
pub struct Ctx {
    /// The forbidden word.
    pub banned: &'static str,
}

impl Default for Ctx {
    fn default() -> Self {
        Ctx { banned: "spam" }
    }
}

/// Every rule on one type.
#[derive(Debug, Clone, Deserialize, Validate)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[desk(
    context = Ctx,
    custom(check = low_not_above_high, description = "`low` must not exceed `high`.")
)]
pub struct EveryRule {
    /// Bytes.
    #[desk(min_bytes = 3, max_bytes = 12)]
    pub bytes: String,
    /// Characters.
    #[desk(min_chars = 2, max_chars = 4)]
    pub chars: String,
    /// Grapheme clusters.
    #[desk(min_graphemes = 1, max_graphemes = 2)]
    pub graphemes: String,
    /// One of.
    #[desk(one_of("red", "green"))]
    pub color: Option<String>,
    /// Printable ASCII with a reserved prefix.
    #[desk(printable_ascii, not_prefix = "@TGS#")]
    pub id: String,
    /// An integer range.
    #[desk(range(min = -5, max = 10))]
    pub low: i32,
    /// Another.
    #[desk(range(min = 0, max = 10))]
    pub high: u8,
    /// List size and unique by key.
    #[desk(nested, min_items = 1, max_items = 3, unique(by = name))]
    pub items: Vec<Item>,
    /// Whole-item uniqueness.
    #[desk(unique, max_items = 4)]
    pub tags: Option<Vec<String>>,
    /// A custom rule with the context.
    #[desk(custom(check = no_banned_word, description = "Must not contain the banned word."))]
    pub note: Option<String>,
    /// A nested enum.
    #[serde(default)]
    #[desk(nested)]
    pub level: Option<Level>,
    /// Not checked.
    #[desk(skip)]
    pub extra: Option<u64>,
    /// A renamed field with a `/` and `~` in its JSON name.
    #[serde(rename = "a/b~c")]
    #[desk(max_bytes = 1)]
    pub odd: Option<String>,
}

/// A list item.
#[derive(Debug, Clone, Deserialize, Validate)]
#[serde(deny_unknown_fields)]
pub struct Item {
    /// The key.
    #[serde(rename = "Name")]
    #[desk(min_bytes = 1, max_bytes = 8)]
    pub name: String,
}

/// A unit enum with a rename rule.
#[derive(Debug, Clone, Copy, Deserialize, Validate, PartialEq, Eq)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Level {
    /// Low.
    VeryLow,
    /// High.
    High,
}

fn low_not_above_high(v: &EveryRule, _: &Ctx, scope: &mut Scope<'_, '_>) {
    if i64::from(v.low) > i64::from(v.high) {
        scope.push(
            &[Seg::Key("low")],
            Kind::custom("order", "low is above high"),
        );
    }
}

#[allow(
    clippy::ref_option,
    reason = "a custom rule takes `&FieldType`, here `&Option<String>`"
)]
fn no_banned_word(note: &Option<String>, ctx: &Ctx) -> Result<(), Kind> {
    match note {
        Some(n) if n.contains(ctx.banned) => {
            Err(Kind::custom("banned", "contains the banned word"))
        }
        _ => Ok(()),
    }
}

impl EveryRule {
    /// A value that passes every rule.
    #[must_use]
    pub fn valid() -> Self {
        EveryRule {
            bytes: "abc".into(),
            chars: "ab".into(),
            graphemes: "a".into(),
            color: None,
            id: "group".into(),
            low: 0,
            high: 1,
            items: vec![Item { name: "x".into() }],
            tags: None,
            note: None,
            level: None,
            extra: None,
            odd: None,
        }
    }
}
