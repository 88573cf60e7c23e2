//! "Did you mean" for misspelt property names.

/// The closest of `known` to `word` when it is close enough to be a typo:
/// at most a third of its letters differ (case counts as half a
/// difference), or two edits for a name of three bytes or more (a
/// transposition, `Nmae`), one for a shorter one; and not every byte (`zz`
/// is no typo of `b`). Of two as close, the first by code point, whatever
/// order `known` is in (the npm package sees the schema's order, not the
/// declaration's). `corpus/suggestions.json` holds the cases both sides
/// are tested on.
pub(crate) fn closest(word: &str, known: &[&'static str]) -> Option<&'static str> {
    known
        .iter()
        .filter_map(|k| {
            let limit = (k.len() * 2 / 3).max(if k.len() >= 3 { 4 } else { 2 });
            // Each byte of length difference costs a full edit (2).
            (word.len().abs_diff(k.len()) * 2 <= limit)
                .then(|| (distance(word, k, limit), limit, *k))
        })
        .filter(|&(d, limit, k)| d > 0 && d <= limit && d < 2 * word.len().max(k.len()))
        .min_by(|(d, _, k), (e, _, l)| d.cmp(e).then_with(|| k.cmp(l)))
        .map(|(_, _, k)| k)
}

/// Levenshtein distance in half-units: a change of case alone costs 1, any
/// other edit 2. Bounded input: property names are short, and a name longer
/// than 64 bytes is not compared (the row lives on the stack). Stops early,
/// returning `usize::MAX`, once every cell of a row is above `limit`.
fn distance(a: &str, b: &str, limit: usize) -> usize {
    const LIMIT: usize = 64;
    if a.len() > LIMIT || b.len() > LIMIT {
        return usize::MAX;
    }
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let mut row = [0usize; LIMIT + 1];
    for (j, cell) in row.iter_mut().enumerate().take(b.len() + 1) {
        *cell = 2 * j;
    }
    for (i, ca) in a.iter().enumerate() {
        let mut prev = row[0];
        row[0] = 2 * (i + 1);
        for (j, cb) in b.iter().enumerate() {
            let cost = if ca == cb {
                0
            } else if ca.eq_ignore_ascii_case(cb) {
                1
            } else {
                2
            };
            let cur = row[j + 1];
            row[j + 1] = (prev + cost).min(cur + 2).min(row[j] + 2);
            prev = cur;
        }
        if row[..=b.len()].iter().all(|&d| d > limit) {
            return usize::MAX;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    /// The cases in `corpus/suggestions.json`, which the npm package's
    /// `closest` is tested on too.
    #[test]
    fn the_shared_cases() {
        let text = include_str!("../../corpus/suggestions.json");
        let cases: Vec<(String, Vec<String>, Option<String>)> =
            serde_json::from_str(text).expect("corpus/suggestions.json");
        assert!(cases.len() > 10);
        for (word, known, expected) in cases {
            let known: Vec<&'static str> = known
                .into_iter()
                .map(|k| &*Box::leak(k.into_boxed_str()))
                .collect();
            assert_eq!(
                super::closest(&word, &known),
                expected.as_deref(),
                "{word:?} among {known:?}"
            );
        }
    }
}
