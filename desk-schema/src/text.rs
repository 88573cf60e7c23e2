//! Helpers for callers who would rather shorten text than have it rejected.

use unicode_segmentation::UnicodeSegmentation;

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
