//! Helpers for text: shortening it rather than having it rejected, and
//! showing text that came from elsewhere as a report shows it.

use core::fmt;

use unicode_segmentation::UnicodeSegmentation;

/// How many characters (Unicode scalar values) `text` has: its length when
/// it is ASCII (an account, a key, most IDs), which eight bytes at a time
/// tell faster than the characters are counted; counted otherwise, from
/// the first byte that is not ASCII. Only ever on the way to a violation or
/// past a length test, so kept out of line.
#[inline(never)]
pub(crate) fn chars(text: &str) -> usize {
    const HIGHS: u64 = u64::from_le_bytes([0x80; 8]);
    let bytes = text.as_bytes();
    let mut words = bytes.chunks_exact(8);
    let mut ascii = 0;
    for word in words.by_ref() {
        if u64::from_le_bytes(word.try_into().unwrap_or_default()) & HIGHS != 0 {
            return ascii + text[ascii..].chars().count();
        }
        ascii += 8;
    }
    ascii + text[ascii..].chars().count()
}

/// `text` as desk-schema's own text shows what came from a payload or a
/// server (a path's map key, a server's `ErrorInfo`): control characters,
/// bidirectional controls, line separators and other characters that change
/// how text shows or do not show at all written as JSON escapes (`\n`,
/// `\u001b`, `\u202e`, `\u200b`; past U+FFFF as two `\uXXXX` halves), and
/// `\` as `\\`, so that the text cannot break a line, rewrite a terminal
/// or pass for other text. Anything else is written as it is; text with
/// nothing to escape is written whole.
///
/// ```
/// use desk_schema::text::escaped;
/// assert_eq!(escaped("team-a").to_string(), "team-a");
/// assert_eq!(escaped("a\nb\u{202e}c\\d").to_string(), r"a\nb\u202ec\\d");
/// ```
#[must_use]
pub fn escaped(text: &str) -> impl fmt::Display + '_ {
    crate::report::Escaped(text)
}

/// `text` as a message quotes a name (an unknown property's, say): a JSON
/// string, with [`escaped`]'s escapes and `"` as `\"`.
///
/// ```
/// use desk_schema::text::quoted;
/// assert_eq!(quoted("ad\u{3164}min").to_string(), r#""ad\u3164min""#);
/// assert_eq!(quoted("say \"hi\"").to_string(), r#""say \"hi\"""#);
/// ```
#[must_use]
pub fn quoted(text: &str) -> impl fmt::Display + '_ {
    crate::report::Quoted(text)
}

/// `text` with the userinfo of a URL it holds (`user:password@`, before the
/// host) written `<redacted>`: a URL's password is a credential, and an
/// error that quotes a URL given to it (an endpoint) must not show it.
/// Everything before the last `@` goes: after the `//` that starts an
/// authority (at the start, or after a scheme: a password may hold `#`,
/// `/`, `?` or `@`), or all of it when it holds a `:` or a `//` elsewhere (a
/// bare `user:password@host`, `https:/u:p@h` mistyped, `u:p//w@h`).
/// Other text (a UserID such as `@desk`) is left as it is; a path that holds
/// an `@` is cut too, which an error can afford.
///
/// ```
/// use desk_schema::text::without_userinfo;
/// assert_eq!(without_userinfo("https://u:pw@host:8080/x"), "https://<redacted>@host:8080/x");
/// assert_eq!(without_userinfo("https://u:p#s/s@host"), "https://<redacted>@host");
/// assert_eq!(without_userinfo("//u:pw@host"), "//<redacted>@host");
/// assert_eq!(without_userinfo("https:/u:pw@host"), "<redacted>@host");
/// assert_eq!(without_userinfo("u:pw@host"), "<redacted>@host");
/// assert_eq!(without_userinfo("admin:s3cr//et@host"), "<redacted>@host");
/// assert_eq!(without_userinfo("https://u:a//b@host"), "https://<redacted>@host");
/// assert_eq!(without_userinfo("@desk"), "@desk");
/// assert_eq!(without_userinfo("https://host"), "https://host");
/// ```
#[must_use]
pub fn without_userinfo(text: &str) -> std::borrow::Cow<'_, str> {
    let Some(at) = text.rfind('@') else {
        return text.into();
    };
    let (before, host) = text.split_at(at);
    // An authority starts at a `//` at the start, or right after a scheme
    // (`https:`); a `//` elsewhere is inside the userinfo.
    let authority = before.find("//").filter(|&slashes| {
        let scheme = &before[..slashes];
        scheme.is_empty()
            || scheme.strip_suffix(':').is_some_and(|name| {
                name.starts_with(|c: char| c.is_ascii_alphabetic())
                    && name
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
            })
    });
    match authority {
        Some(slashes) => format!("{}<redacted>{host}", &before[..slashes + 2]).into(),
        None if before.contains(':') || before.contains("//") => format!("<redacted>{host}").into(),
        None => text.into(),
    }
}

/// `text` without what follows a URL's first `?` or `#` (its query or
/// fragment), or either percent-encoded, or the word `usersig` (in any
/// case): a request URL's query holds the UserSig, however it was pasted.
/// Apply it after [`without_userinfo`], whose userinfo may hold a `#`.
///
/// ```
/// use desk_schema::text::without_query;
/// assert_eq!(
///     without_query("https://host/v4/x?sdkappid=1&usersig=eJw9"),
///     "https://host/v4/x?<redacted>"
/// );
/// assert_eq!(without_query("host#frag"), "host#<redacted>");
/// assert_eq!(without_query("host/x%3Fusersig=eJw9"), "host/x<redacted>");
/// assert_eq!(without_query("host&UserSig=eJw9"), "host&<redacted>");
/// assert_eq!(without_query("host:8080"), "host:8080");
/// ```
#[must_use]
pub fn without_query(text: &str) -> std::borrow::Cow<'_, str> {
    let lower = text.to_ascii_lowercase();
    let cut = [
        text.find(['?', '#']).map(|at| at + 1),
        lower.find("%3f"),
        lower.find("%23"),
        lower.find("usersig"),
    ]
    .into_iter()
    .flatten()
    .min();
    match cut {
        Some(at) => format!("{}<redacted>", &text[..at]).into(),
        None => text.into(),
    }
}

/// The longest prefix of `text` that fits in `max_bytes` bytes of UTF-8
/// without splitting a grapheme cluster: never half a character, never half
/// an emoji sequence or a letter without its accent.
///
/// ```
/// use desk_schema::text::truncate_to_bytes;
/// assert_eq!(truncate_to_bytes("汉字汉字", 7), "汉字"); // 6 bytes; a third 汉 would make 9
/// assert_eq!(truncate_to_bytes("ok👨‍👩‍👧", 10), "ok"); // the family is 18 bytes, kept whole or not at all
/// assert_eq!(truncate_to_bytes("short", 100), "short");
/// ```
#[must_use]
pub fn truncate_to_bytes(text: &str, max_bytes: usize) -> &str {
    if text.len() <= max_bytes {
        return text;
    }
    let mut end = 0;
    for (start, grapheme) in text.grapheme_indices(true) {
        let next = start + grapheme.len();
        if next > max_bytes {
            break;
        }
        end = next;
    }
    &text[..end]
}

#[cfg(test)]
mod tests {
    /// The count is the characters', whatever the length and wherever the
    /// first character past ASCII is (inside a word read eight bytes at a
    /// time, at its edge, or in the bytes after the last whole word).
    #[test]
    fn chars_counts_what_chars_count_counts() {
        for len in 0..40 {
            for at in 0..=len {
                for c in ['a', '\u{7f}', 'é', '汉', '😀'] {
                    let text: String = (0..len).map(|i| if i == at { c } else { 'x' }).collect();
                    assert_eq!(super::chars(&text), text.chars().count(), "{text:?}");
                }
            }
        }
    }
}
