//! "Did you mean" for misspelt property names.

/// The closest of `known` to `word` when it is close enough to be a typo:
/// at most a third of its letters differ (case counts as half a difference).
pub(crate) fn closest(word: &str, known: &[&'static str]) -> Option<&'static str> {
    known
        .iter()
        .map(|k| (distance(word, k), *k))
        .filter(|(d, k)| *d > 0 && *d <= (k.len() * 2 / 3).max(4))
        .min_by_key(|(d, _)| *d)
        .map(|(_, k)| k)
}

/// Levenshtein distance in half-units: a change of case alone costs 1, any
/// other edit 2. Bounded input: property names are short, and a name longer
/// than 64 bytes is not compared.
fn distance(a: &str, b: &str) -> usize {
    const LIMIT: usize = 64;
    if a.len() > LIMIT || b.len() > LIMIT {
        return usize::MAX;
    }
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let mut row: Vec<usize> = (0..=b.len()).map(|j| 2 * j).collect();
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
    }
    row[b.len()]
}
