//! serde's `rename_all` rules, applied exactly as serde applies them, so the
//! names in paths and schemas are the names on the wire.

use syn::LitStr;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RenameRule {
    Lower,
    Upper,
    Pascal,
    Camel,
    Snake,
    ScreamingSnake,
    Kebab,
    ScreamingKebab,
}

const RULES: &[(&str, RenameRule)] = &[
    ("lowercase", RenameRule::Lower),
    ("UPPERCASE", RenameRule::Upper),
    ("PascalCase", RenameRule::Pascal),
    ("camelCase", RenameRule::Camel),
    ("snake_case", RenameRule::Snake),
    ("SCREAMING_SNAKE_CASE", RenameRule::ScreamingSnake),
    ("kebab-case", RenameRule::Kebab),
    ("SCREAMING-KEBAB-CASE", RenameRule::ScreamingKebab),
];

impl RenameRule {
    pub fn from_lit(lit: &LitStr) -> syn::Result<Self> {
        let name = lit.value();
        RULES
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, r)| *r)
            .ok_or_else(|| {
                let all: Vec<_> = RULES.iter().map(|(n, _)| format!("\"{n}\"")).collect();
                syn::Error::new(
                    lit.span(),
                    format!("unknown rename rule `{name}`; serde has {}", all.join(", ")),
                )
            })
    }

    /// A snake_case field name under this rule.
    pub fn apply_to_field(self, field: &str) -> String {
        match self {
            RenameRule::Lower | RenameRule::Snake => field.to_owned(),
            RenameRule::Upper | RenameRule::ScreamingSnake => field.to_ascii_uppercase(),
            RenameRule::Pascal => {
                let mut pascal = String::new();
                let mut capitalize = true;
                for ch in field.chars() {
                    if ch == '_' {
                        capitalize = true;
                    } else if capitalize {
                        pascal.push(ch.to_ascii_uppercase());
                        capitalize = false;
                    } else {
                        pascal.push(ch);
                    }
                }
                pascal
            }
            RenameRule::Camel => {
                let pascal = RenameRule::Pascal.apply_to_field(field);
                let mut chars = pascal.chars();
                chars
                    .next()
                    .map(|c| c.to_ascii_lowercase().to_string() + chars.as_str())
                    .unwrap_or_default()
            }
            RenameRule::Kebab => field.replace('_', "-"),
            RenameRule::ScreamingKebab => field.to_ascii_uppercase().replace('_', "-"),
        }
    }

    /// A PascalCase variant name under this rule.
    pub fn apply_to_variant(self, variant: &str) -> String {
        match self {
            RenameRule::Pascal => variant.to_owned(),
            RenameRule::Lower => variant.to_ascii_lowercase(),
            RenameRule::Upper => variant.to_ascii_uppercase(),
            RenameRule::Camel => {
                let mut chars = variant.chars();
                chars
                    .next()
                    .map(|c| c.to_ascii_lowercase().to_string() + chars.as_str())
                    .unwrap_or_default()
            }
            RenameRule::Snake => {
                let mut snake = String::new();
                for (i, ch) in variant.char_indices() {
                    if i > 0 && ch.is_uppercase() {
                        snake.push('_');
                    }
                    snake.push(ch.to_ascii_lowercase());
                }
                snake
            }
            RenameRule::ScreamingSnake => RenameRule::Snake
                .apply_to_variant(variant)
                .to_ascii_uppercase(),
            RenameRule::Kebab => RenameRule::Snake
                .apply_to_variant(variant)
                .replace('_', "-"),
            RenameRule::ScreamingKebab => RenameRule::ScreamingSnake
                .apply_to_variant(variant)
                .replace('_', "-"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::RenameRule::*;

    #[test]
    fn fields_follow_serde() {
        let cases = [
            (Lower, "max_member_count"),
            (Upper, "MAX_MEMBER_COUNT"),
            (Pascal, "MaxMemberCount"),
            (Camel, "maxMemberCount"),
            (Snake, "max_member_count"),
            (ScreamingSnake, "MAX_MEMBER_COUNT"),
            (Kebab, "max-member-count"),
            (ScreamingKebab, "MAX-MEMBER-COUNT"),
        ];
        for (rule, expected) in cases {
            assert_eq!(
                rule.apply_to_field("max_member_count"),
                expected,
                "{rule:?}"
            );
        }
    }

    #[test]
    fn variants_follow_serde() {
        let cases = [
            (Lower, "needpermission"),
            (Upper, "NEEDPERMISSION"),
            (Pascal, "NeedPermission"),
            (Camel, "needPermission"),
            (Snake, "need_permission"),
            (ScreamingSnake, "NEED_PERMISSION"),
            (Kebab, "need-permission"),
            (ScreamingKebab, "NEED-PERMISSION"),
        ];
        for (rule, expected) in cases {
            assert_eq!(
                rule.apply_to_variant("NeedPermission"),
                expected,
                "{rule:?}"
            );
        }
    }
}
