//! "Did you mean" for misspelt keys, by edit distance (strsim's
//! Levenshtein). The runtime's suggestion for a misspelt JSON property is
//! another rule (a change of case costs half), the one the npm package
//! mirrors: see `desk_schema`'s `suggest.rs`.

/// The closest of `candidates` to `word`, if it is close enough to be a typo;
/// of two as close, the one that starts with more of `word` (`uniq` is
/// `unique`'s start, two edits from `uri` too).
pub(crate) fn closest<'a>(word: &str, candidates: &[&'a str]) -> Option<&'a str> {
    let shared = |c: &str| {
        word.chars()
            .zip(c.chars())
            .take_while(|(a, b)| a == b)
            .count()
    };
    candidates
        .iter()
        .map(|c| (strsim::levenshtein(word, c), *c))
        .filter(|(d, c)| *d <= 2.max(c.len() / 3))
        .min_by_key(|(d, c)| (*d, core::cmp::Reverse(shared(c))))
        .map(|(_, c)| c)
}

/// `; did you mean `x`?` or nothing.
pub(crate) fn hint(word: &str, candidates: &[&str]) -> String {
    closest(word, candidates)
        .map(|c| format!("; did you mean `{c}`?"))
        .unwrap_or_default()
}
