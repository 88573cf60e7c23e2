//! Messages in the reader's language: [`Locale`], and the Simplified
//! Chinese message of every code. The English messages are `Kind`'s
//! `Display`; the npm package's catalogs (`MESSAGES` and `MESSAGES_ZH_CN` in
//! `npm/desk-schema/src/violations.js`) are held equal to both on every case
//! of the corpora.
//!
//! The Chinese is written for the people who fill the forms (Desk's
//! operators, most of whom read Chinese), not translated word by word: a
//! byte limit says what a byte is, and positions count from 1, as people
//! count, while paths stay 0-based JSON Pointers.

use core::fmt;

use serde::ser::{Serialize, SerializeSeq, Serializer};

use crate::report::CodePoint;
use crate::{Kind, Report, Violation};

/// The language of the messages.
///
/// ```
/// use desk_schema::{Kind, Locale, Violation};
///
/// let v = Violation::new("/Name", Kind::MaxBytes { limit: 100, bytes: 102, chars: 34 });
/// assert_eq!(v.message_in(Locale::En), "102 bytes in UTF-8 (34 characters); at most 100 bytes");
/// assert_eq!(
///     v.message_in(Locale::ZhCn),
///     "最多 100 字节（UTF-8 编码，一个汉字占 3 字节，表情大多占 4 字节），当前 102 字节（34 个字符）"
/// );
/// assert_eq!("zh-CN".parse::<Locale>(), Ok(Locale::ZhCn));
///
/// // Text of one byte per character (ASCII) has no CJK to explain.
/// let ascii = Violation::new("/GroupId", Kind::MaxBytes { limit: 48, bytes: 49, chars: 49 });
/// assert_eq!(ascii.message_in(Locale::ZhCn), "最多 48 字节（UTF-8 编码），当前 49 字节（49 个字符）");
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Locale {
    /// English (the default): the messages of `Display`.
    #[default]
    En,
    /// Simplified Chinese (`zh-CN`).
    ZhCn,
}

impl Locale {
    /// Every locale, in the order the JSON's `messages` lists them.
    pub const ALL: [Locale; 2] = [Locale::En, Locale::ZhCn];

    /// The BCP 47 tag: `"en"` or `"zh-CN"`.
    #[must_use]
    pub const fn tag(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::ZhCn => "zh-CN",
        }
    }
}

impl fmt::Display for Locale {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.tag())
    }
}

/// A language tag that names no [`Locale`]. It says so in the npm
/// package's words (the tag quoted as Rust quotes a string, which writes a
/// control or invisible character as an escape):
///
/// ```
/// use desk_schema::Locale;
/// assert_eq!(
///     "zh-TW".parse::<Locale>().unwrap_err().to_string(),
///     r#"unknown locale "zh-TW"; expected "en" or "zh-CN" (Simplified Chinese: zh, zh-Hans, zh-SG; there are no Traditional Chinese messages)"#
/// );
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownLocale(String);

impl fmt::Display for UnknownLocale {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // The npm package's words for its own refusal.
        write!(
            f,
            "unknown locale {:?}; expected \"en\" or \"zh-CN\" (Simplified Chinese: zh, zh-Hans, \
             zh-SG; there are no Traditional Chinese messages)",
            self.0
        )
    }
}

impl std::error::Error for UnknownLocale {}

impl core::str::FromStr for Locale {
    type Err = UnknownLocale;

    /// `en` and `zh-CN`, in any case, with `_` for `-` (`zh_cn`), and
    /// `zh-Hans`, `zh-Hans-CN` and `zh` for Simplified Chinese, and the
    /// other regions that write it (`zh-SG`, `zh-MY`, with or without
    /// `Hans`). Traditional Chinese (`zh-TW`, `zh-HK`, `zh-Hant`) has no
    /// messages here: refused, not shown in the other script.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let tag = s.replace('_', "-").to_ascii_lowercase();
        match tag.as_str() {
            "en" | "en-us" | "en-gb" => Ok(Locale::En),
            "zh" | "zh-cn" | "zh-hans" | "zh-hans-cn" | "zh-sg" | "zh-hans-sg" | "zh-my"
            | "zh-hans-my" => Ok(Locale::ZhCn),
            _ => Err(UnknownLocale(s.to_owned())),
        }
    }
}

/// A field's own messages, in one or both languages, written on the field
/// as `#[desk(max_bytes = 100, message(en = "...", zh_cn = "..."))]`. They
/// replace the message of every violation of the field's rules (not of its
/// shape: a wrong type or a missing field keeps its own), in the Rust
/// report, the CLI, the schema (`x-message`) and the npm package. A
/// placeholder names a figure of the violation: `{limit}`, `{bytes}`,
/// `{chars}`, `{items}`, ...; a language without a message of its own keeps
/// the default one. The derive refuses a `{name}` (letters, digits, `_`)
/// that some rule of the field does not fill, since it would be shown as
/// written; braces around anything else are text.
///
/// ```
/// #[derive(Debug, desk_schema::Validate, serde::Deserialize)]
/// struct Ticket {
///     #[desk(max_bytes = 6, message(en = "keep the title to {limit} bytes", zh_cn = "标题最多 {limit} 字节，现在 {bytes} 字节"))]
///     title: String,
/// }
/// let report = desk_schema::from_json_str::<Ticket>(r#"{"title": "工单标题"}"#).unwrap_err();
/// assert_eq!(report.to_string(), "/title: keep the title to 6 bytes");
/// assert_eq!(
///     report.localized(desk_schema::Locale::ZhCn).to_string(),
///     "/title: 标题最多 6 字节，现在 12 字节"
/// );
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Messages {
    /// The English message, if the field gives one.
    pub en: Option<&'static str>,
    /// The Simplified Chinese message, if the field gives one.
    pub zh_cn: Option<&'static str>,
}

impl Messages {
    /// The field's template in `locale`, if it has one.
    #[must_use]
    pub fn template(&self, locale: Locale) -> Option<&'static str> {
        match locale {
            Locale::En => self.en,
            Locale::ZhCn => self.zh_cn,
        }
    }
}

/// `template` with each `{figure}` replaced by the figure (a string as it
/// is, a list joined by ", ", a number as JSON writes it); an unknown name
/// stays as written.
fn render(template: &str, kind: &Kind) -> String {
    let figures = serde_json::to_value(crate::report::Figures(kind)).unwrap_or_default();
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let Some(close) = rest[open..].find('}').map(|len| open + len) else {
            break;
        };
        // The name runs from the last `{` before the `}`: the braces before
        // it are text (and looking from each of them again would take time
        // quadratic in their number).
        let start = rest[..close].rfind('{').unwrap_or(open);
        out.push_str(&rest[..start]);
        match figures.get(&rest[start + 1..close]) {
            Some(figure) => out.push_str(&figure_text(figure)),
            None => out.push_str(&rest[start..=close]),
        }
        rest = &rest[close + 1..];
    }
    out.push_str(rest);
    out
}

fn figure_text(value: &serde_json::Value) -> String {
    match value {
        serde_json::Value::String(s) => s.clone(),
        serde_json::Value::Null => String::new(),
        serde_json::Value::Array(items) => {
            items.iter().map(figure_text).collect::<Vec<_>>().join(", ")
        }
        other => other.to_string(),
    }
}

impl Kind {
    /// The message in `locale`, without the path.
    #[must_use]
    pub fn message_in(&self, locale: Locale) -> String {
        match locale {
            Locale::En => self.to_string(),
            Locale::ZhCn => ZhCn(self).to_string(),
        }
    }
}

impl Violation {
    /// The message in `locale`, without the path: the field's own (see
    /// [`Messages`]) if it has one in `locale`.
    #[must_use]
    pub fn message_in(&self, locale: Locale) -> String {
        match self.messages().and_then(|m| m.template(locale)) {
            Some(template) => render(template, self.kind()),
            None => self.kind().message_in(locale),
        }
    }
}

impl Report {
    /// The report with its messages in `locale`: `Display` gives one
    /// `path: message` line per violation, and `Serialize` the same
    /// `{path, code, message, ...figures}` objects as the report's own.
    ///
    /// ```
    /// #[derive(Debug, desk_schema::Validate, serde::Deserialize)]
    /// struct Group {
    ///     #[desk(max_bytes = 6)]
    ///     name: String,
    /// }
    /// let report = desk_schema::from_json_str::<Group>(r#"{"name": "客服小组"}"#).unwrap_err();
    /// let zh = report.localized(desk_schema::Locale::ZhCn);
    /// assert_eq!(zh.to_string(), "/name: 最多 6 字节（UTF-8 编码，一个汉字占 3 字节，表情大多占 4 字节），当前 12 字节（4 个字符）");
    /// let json = serde_json::to_value(&zh).unwrap();
    /// assert_eq!(json[0]["code"], "max_bytes");
    /// assert_eq!(json[0]["bytes"], 12);
    /// ```
    #[must_use]
    pub fn localized(&self, locale: Locale) -> Localized<'_> {
        Localized {
            report: self,
            locale,
        }
    }
}

/// A [`Report`] with its messages in one [`Locale`]: see
/// [`Report::localized`].
#[derive(Clone, Copy, Debug)]
pub struct Localized<'a> {
    report: &'a Report,
    locale: Locale,
}

impl Localized<'_> {
    /// The language of the messages.
    #[must_use]
    pub fn locale(&self) -> Locale {
        self.locale
    }
}

impl fmt::Display for Localized<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, v) in self.report.iter().enumerate() {
            if i > 0 {
                f.write_str("\n")?;
            }
            let path = crate::report::ShownPath(v.path(), self.locale);
            // After `（根节点）`, a Chinese label, Chinese's own colon.
            let colon = if v.path().is_empty() && self.locale == Locale::ZhCn {
                "："
            } else {
                ": "
            };
            write!(f, "{path}{colon}{}", v.message_in(self.locale))?;
        }
        Ok(())
    }
}

impl Serialize for Localized<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut seq = serializer.serialize_seq(Some(self.report.len()))?;
        for v in self.report {
            seq.serialize_element(&v.in_locale(self.locale))?;
        }
        seq.end()
    }
}

/// `text` quoted as the English messages quote it ([`Quoted`]).
///
/// [`Quoted`]: crate::report::Quoted
fn quoted(text: &str) -> String {
    crate::report::Quoted(text).to_string()
}

/// The JSON type names of `expected` and `found`, in Chinese.
fn json_type(name: &str) -> &str {
    match name {
        "string" => "字符串",
        "integer" => "整数",
        "number" => "数字",
        "boolean" => "布尔值",
        "array" => "数组",
        "object" => "对象",
        "null" => "null",
        other => other,
    }
}

/// `text` after a Chinese character: a space first where it starts with a
/// Latin letter or a digit (`应为 null`), as every message writes a figure
/// (`当前 102 字节`).
fn after_han(text: &str) -> String {
    if text.starts_with(|c: char| c.is_ascii_alphanumeric()) {
        format!(" {text}")
    } else {
        text.to_owned()
    }
}

/// A list of JSON types as `types::names` writes it (`"string or array"`,
/// `"null, integer, string or object"`), in Chinese: "null、整数、字符串或对象".
fn json_types(names: &str) -> String {
    match names.rsplit_once(" or ") {
        Some((rest, last)) => {
            let rest: Vec<&str> = rest.split(", ").map(json_type).collect();
            format!("{}或{}", rest.join("、"), after_han(json_type(last)))
        }
        None => json_type(names).to_owned(),
    }
}

/// Each format's noun, in Chinese.
fn format_noun(format: &str) -> Option<&'static str> {
    Some(match format {
        "date" => "日期（RFC 3339 完整日期，如 2026-11-30）",
        "date-time" => "日期时间（RFC 3339，如 2026-11-30T08:00:00Z，须带时区）",
        "email" => "电子邮件地址",
        "ipv4" => "IPv4 地址",
        "ipv6" => "IPv6 地址",
        "uri" => "URI（RFC 3986，须带协议名，如 https:）",
        "uuid" => "UUID",
        _ => return None,
    })
}

/// The Simplified Chinese message of a kind.
struct ZhCn<'a>(&'a Kind);

impl fmt::Display for ZhCn<'_> {
    #[allow(
        clippy::too_many_lines,
        reason = "one arm per code: the messages read best as one table"
    )]
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Kind::MaxBytes {
                limit,
                bytes,
                chars,
            } => {
                // The aside on characters of several bytes (a Chinese one,
                // an emoji) helps only where the text has some: text of one
                // byte per character is plain ASCII.
                let aside = if bytes == chars {
                    ""
                } else {
                    "，一个汉字占 3 字节，表情大多占 4 字节"
                };
                write!(
                    f,
                    "最多 {limit} 字节（UTF-8 编码{aside}），当前 {bytes} 字节（{chars} 个字符）"
                )
            }
            Kind::MinBytes { limit, bytes } => {
                write!(f, "至少 {limit} 字节（UTF-8 编码），当前 {bytes} 字节")
            }
            Kind::MaxChars { limit, chars } => write!(f, "最多 {limit} 个字符，当前 {chars} 个"),
            Kind::MinChars { limit, chars } => write!(f, "至少 {limit} 个字符，当前 {chars} 个"),
            Kind::MaxGraphemes { limit, graphemes } => write!(
                f,
                "最多 {limit} 个字（按屏幕上看到的字计，一个表情算一个），当前 {graphemes} 个"
            ),
            Kind::MinGraphemes { limit, graphemes } => write!(
                f,
                "至少 {limit} 个字（按屏幕上看到的字计，一个表情算一个），当前 {graphemes} 个"
            ),
            Kind::MaxUtf16 { limit, units } => write!(
                f,
                "最多 {limit} 个 UTF-16 码元（即 JavaScript 的 length），当前 {units} 个"
            ),
            Kind::MinUtf16 { limit, units } => write!(
                f,
                "至少 {limit} 个 UTF-16 码元（即 JavaScript 的 length），当前 {units} 个"
            ),
            Kind::Enum { allowed } => {
                let list: Vec<String> = allowed.each().collect();
                write!(f, "不是允许的值；应为以下之一：{}", list.join("、"))
            }
            Kind::Charset { offset, code_point } => write!(
                f,
                "第 {} 个字节处的字符 {} 不是可打印 ASCII 字符；只允许英文字母、数字、英文标点和空格（0x20–0x7E）",
                offset.saturating_add(1),
                CodePoint(*code_point)
            ),
            Kind::Ascii { offset, code_point } => write!(
                f,
                "第 {} 个字节处的字符 {} 不是 ASCII 字符；只允许 U+0000–U+007F",
                offset.saturating_add(1),
                CodePoint(*code_point)
            ),
            Kind::ReservedPrefix { prefix } => {
                write!(f, "不能以 {} 开头：这是保留前缀", quoted(prefix))
            }
            Kind::Prefix { prefix } => write!(f, "应以 {} 开头", quoted(prefix)),
            Kind::Suffix { suffix } => write!(f, "应以 {} 结尾", quoted(suffix)),
            Kind::Contains { substring } => write!(f, "应包含 {}", quoted(substring)),
            Kind::Format { format } => match format_noun(format) {
                Some(noun) => write!(f, "不是有效的{}", after_han(noun)),
                None => write!(f, "不符合格式 {}", quoted(format)),
            },
            Kind::Pattern { pattern } => write!(f, "不符合要求的格式（正则表达式 {pattern}）"),
            Kind::Range { min, max, actual } => {
                match actual {
                    Some(n) => write!(f, "{n} 超出范围；")?,
                    None => f.write_str("数值超出范围；")?,
                }
                match (min, max) {
                    (Some(lo), Some(hi)) => write!(f, "应在 {lo} 到 {hi} 之间"),
                    (Some(lo), None) => write!(f, "应不小于 {lo}"),
                    (None, Some(hi)) => write!(f, "应不大于 {hi}"),
                    (None, None) if actual.is_some_and(crate::Actual::is_not_finite) => {
                        f.write_str("应为有限数值（JSON 不能表示无穷大或 NaN）")
                    }
                    (None, None) if actual.is_some() => {
                        f.write_str("应在 32 位浮点数能表示的范围内（约 ±3.4e38）")
                    }
                    (None, None) => f.write_str("应在 64 位浮点数能表示的范围内（约 ±1.8e308）"),
                }
            }
            Kind::MaxItems { limit, items } => write!(f, "最多 {limit} 项，当前 {items} 项"),
            Kind::MinItems { limit, items } => write!(f, "至少 {limit} 项，当前 {items} 项"),
            Kind::Duplicate {
                key: Some(key),
                first,
            } => write!(
                f,
                "{key} 与第 {} 项（下标 {first}）相同；{key} 不能重复",
                first.saturating_add(1)
            ),
            Kind::Duplicate { key: None, first } => write!(
                f,
                "与第 {} 项（下标 {first}）相同；各项不能重复",
                first.saturating_add(1)
            ),
            Kind::DuplicateKey { property } => {
                write!(f, "字段 {} 重复出现；只能出现一次", quoted(property))
            }
            Kind::Syntax {
                line,
                column,
                reason,
            } => write!(
                f,
                "不是有效的 JSON：第 {line} 行第 {column} 列，{}",
                syntax_reason_zh(reason)
            ),
            Kind::UnpairedSurrogate { unit } => write!(
                f,
                "含有不成对的 UTF-16 代理项（\\u{unit}），无法转为 UTF-8；请写出完整的字符，或删除它"
            ),
            // A number where an integer goes: one written with a fraction,
            // an exponent or `-0` (`500.0`, `1e3`), which serde refuses.
            Kind::Type { expected, found }
                if *expected == "integer" && found.as_str() == "number" =>
            {
                f.write_str("类型错误：应为整数，实际写成了小数、指数形式或 -0（请写作 500、-5 这样的整数）")
            }
            Kind::Type { expected, found } => write!(
                f,
                "类型错误：应为{}，实际为{}",
                after_han(&json_types(expected)),
                after_han(json_type(found.as_str()))
            ),
            Kind::Required { property } => write!(f, "缺少必填字段 {}", quoted(property)),
            Kind::UnknownField {
                property,
                suggestion,
            } => {
                write!(f, "未知字段 {}", quoted(property))?;
                match suggestion {
                    Some(s) => write!(f, "；是不是想写 {}？", quoted(s)),
                    None => Ok(()),
                }
            }
            Kind::Custom { message, zh_cn, .. } => f.write_str(zh_cn.as_deref().unwrap_or(message)),
        }
    }
}

/// A syntax error's reason in Chinese: `serde_json`'s own reasons and
/// ours, one by one (the npm package's `SYNTAX_REASONS_ZH_CN` is the same
/// table); any other is given as it is.
fn syntax_reason_zh(reason: &str) -> &str {
    match reason {
        "the text ends before the list is closed" => "数组尚未结束，文本就结束了",
        "the text ends before the object is closed" => "对象尚未结束，文本就结束了",
        "the text ends before the string is closed" => "字符串尚未结束，文本就结束了",
        "the text ends where a value should be" => "此处应有一个值，文本却结束了",
        "expected `:`" => "此处应为 `:`",
        "expected `,` or `]`" => "此处应为 `,` 或 `]`",
        "expected `,` or `}`" => "此处应为 `,` 或 `}`",
        "expected true, false or null" => "此处应为 true、false 或 null",
        "expected a value" => "此处应为一个值",
        "expected `\"`" => "此处应为 `\"`",
        "invalid escape" => "转义序列无效",
        "invalid number" => "数字无效",
        "number out of range" => "数字超出范围",
        "invalid unicode code point" => "Unicode 码位无效",
        "control character (\\u0000-\\u001F) found while parsing a string" => {
            "字符串中含有控制字符（\\u0000-\\u001F），须写成转义序列"
        }
        "key must be a string" => "字段名必须是字符串",
        "lone leading surrogate in hex escape" => "\\u 转义中有不成对的高位代理项",
        "trailing comma" => "末尾多了一个逗号",
        "trailing characters" => "JSON 值之后还有多余的字符",
        "unexpected end of hex escape" => "\\u 转义不完整",
        "recursion limit exceeded" => "嵌套层数超过上限",
        "the text starts with a byte order mark (U+FEFF); JSON text must not" => {
            "文本以字节顺序标记（U+FEFF）开头；JSON 文本不能以它开头"
        }
        other => other,
    }
}

/// Text written by a function: what the `localized` forms of the
/// create-group types (`ErrorCode`, `Retry`, `Outcome`, ...) and of
/// `UserSigError` return.
#[cfg(any(feature = "create-group", feature = "usersig"))]
pub(crate) struct InLocale<F>(pub(crate) F);

#[cfg(any(feature = "create-group", feature = "usersig"))]
impl<F: Fn(&mut fmt::Formatter<'_>) -> fmt::Result> fmt::Display for InLocale<F> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        (self.0)(f)
    }
}

#[cfg(test)]
mod tests {
    use super::render;
    use crate::Kind;

    /// A name runs from the last `{` before a `}`; everything else is text,
    /// as the npm package's `/\{([^{}]*)\}/g` reads it.
    #[test]
    fn braces_around_no_figure_are_text() {
        let kind = Kind::MaxBytes {
            limit: 6,
            bytes: 9,
            chars: 3,
        };
        for (template, rendered) in [
            ("at most {limit}, not {bytes}", "at most 6, not 9"),
            ("{{limit}}", "{6}"),
            ("{a{limit}", "{a6"),
            ("{limit", "{limit"),
            ("}{limit}{", "}6{"),
            ("{x} {limit} {}", "{x} 6 {}"),
            ("{ limit }", "{ limit }"),
            ("{{x}{chars}}", "{{x}3}"),
        ] {
            assert_eq!(render(template, &kind), rendered, "{template}");
        }
        let long = format!("{}{{limit}}", "{".repeat(200_000));
        assert_eq!(render(&long, &kind), format!("{}6", "{".repeat(200_000)));
    }
}
