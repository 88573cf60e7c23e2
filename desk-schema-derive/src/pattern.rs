//! The regular expressions `pattern = "..."` takes: the subset that means
//! the same in ECMAScript with the `u` flag (what Ajv compiles a schema's
//! `pattern` with) and in Rust's `regex` crate. This module is the one
//! definition of that subset: it refuses, with what to write instead, every
//! construct outside it, and gives the pattern in Rust's spelling (the one
//! difference it bridges: ECMAScript's `.` excludes four line terminators,
//! Rust's only `\n`).

use std::fmt::Write as _;

/// ECMAScript's `.`: any character but a line terminator.
const DOT: &str = r"[^\n\r\u{2028}\u{2029}]";

/// The most a counted repetition may say: larger counts make automata that
/// Rust's `regex` refuses to build.
const MAX_COUNT: u32 = 1000;

/// Unicode properties that both engines name alike: the general categories
/// by their short names, and the scripts below by their exact names (Rust's
/// `regex` also takes loose spellings, `Script=latin`, which JavaScript
/// refuses).
const CATEGORIES: &[&str] = &[
    "L", "Lu", "Ll", "Lt", "Lm", "Lo", "M", "Mn", "Mc", "Me", "N", "Nd", "Nl", "No", "P", "Pc",
    "Pd", "Ps", "Pe", "Pi", "Pf", "Po", "S", "Sm", "Sc", "Sk", "So", "Z", "Zs", "Zl", "Zp", "C",
    "Cc", "Cf", "Co", "Cn",
];

/// Scripts, as Unicode's `Scripts.txt` names them, for `\p{Script=Name}`.
const SCRIPTS: &[&str] = &[
    "Latin",
    "Greek",
    "Cyrillic",
    "Armenian",
    "Hebrew",
    "Arabic",
    "Syriac",
    "Thaana",
    "Devanagari",
    "Bengali",
    "Gurmukhi",
    "Gujarati",
    "Oriya",
    "Tamil",
    "Telugu",
    "Kannada",
    "Malayalam",
    "Sinhala",
    "Thai",
    "Lao",
    "Tibetan",
    "Myanmar",
    "Georgian",
    "Hangul",
    "Ethiopic",
    "Cherokee",
    "Khmer",
    "Mongolian",
    "Hiragana",
    "Katakana",
    "Bopomofo",
    "Han",
    "Yi",
    "Common",
    "Inherited",
];

/// The pattern in the spelling every engine reads alike, or why it is
/// outside the shared subset.
pub(crate) fn portable(pattern: &str) -> Result<String, String> {
    let chars: Vec<char> = pattern.chars().collect();
    let mut out = String::with_capacity(pattern.len());
    let mut i = 0;
    let mut depth = 0usize;
    // Whether the last item can take a quantifier.
    let mut quantifiable = false;
    while i < chars.len() {
        let c = chars[i];
        match c {
            '\\' => {
                i = escape(&chars, i, false, &mut out)?;
                quantifiable = true;
                continue;
            }
            '[' => {
                i = class(&chars, i, &mut out)?;
                quantifiable = true;
                continue;
            }
            '(' => {
                i = group(&chars, i, &mut out)?;
                depth += 1;
                quantifiable = false;
                continue;
            }
            ')' => {
                depth = depth
                    .checked_sub(1)
                    .ok_or("a `)` without its `(`: escape it as `\\)`")?;
                quantifiable = true;
            }
            '|' | '^' | '$' => quantifiable = false,
            '*' | '+' | '?' => {
                if !quantifiable {
                    return Err(format!("`{c}` repeats nothing: escape it as `\\{c}`"));
                }
                out.push(c);
                // A lazy quantifier (`*?`) reads alike; a possessive one
                // (`*+`) is refused by both.
                i = lazy(&chars, i + 1, &mut out);
                quantifiable = false;
                continue;
            }
            '{' => {
                if !quantifiable {
                    return Err("a `{` that repeats nothing: escape it as `\\{`".into());
                }
                // Lazy, as after `*`: `a{2,3}?`.
                i = lazy(&chars, count(&chars, i, &mut out)?, &mut out);
                quantifiable = false;
                continue;
            }
            '}' | ']' => {
                return Err(format!(
                    "a `{c}` that closes nothing: escape it as `\\{c}` (JavaScript's `u` flag refuses it bare)"
                ));
            }
            '.' => {
                out.push_str(DOT);
                quantifiable = true;
                i += 1;
                continue;
            }
            _ => quantifiable = true,
        }
        out.push(c);
        i += 1;
    }
    if depth > 0 {
        return Err("a `(` without its `)`".into());
    }
    Ok(out)
}

/// Copies the group that opens at `at` (`(` or `(?:`) and returns where
/// its content starts; any other `(?` is refused.
fn group(chars: &[char], at: usize, out: &mut String) -> Result<usize, String> {
    if chars.get(at + 1) != Some(&'?') {
        out.push('(');
        return Ok(at + 1);
    }
    if chars.get(at + 2) != Some(&':') {
        return Err(
            "`(?` other than `(?:`: lookaround, named groups and inline flags \
             are read differently (or not at all) by Rust's `regex` and \
             JavaScript; use a plain group `(...)` or `(?:...)`"
                .into(),
        );
    }
    out.push_str("(?:");
    Ok(at + 3)
}

/// Copies the `?` that makes the quantifier before `at` lazy, if there is
/// one, and returns where the pattern goes on.
fn lazy(chars: &[char], at: usize, out: &mut String) -> usize {
    if chars.get(at) == Some(&'?') {
        out.push('?');
        at + 1
    } else {
        at
    }
}

/// The index of the first `}` from `from`, or `missing`.
fn closing(chars: &[char], from: usize, missing: &str) -> Result<usize, String> {
    chars[from..]
        .iter()
        .position(|&c| c == '}')
        .map(|p| from + p)
        .ok_or_else(|| missing.to_owned())
}

/// `{n}`, `{n,}` or `{n,m}` at `start`; the index after it.
fn count(chars: &[char], start: usize, out: &mut String) -> Result<usize, String> {
    let end = closing(chars, start, "a `{` without its `}`: escape it as `\\{`")?;
    let body: String = chars[start + 1..end].iter().collect();
    let parts: Vec<&str> = body.split(',').collect();
    let number = |s: &str| -> Result<u32, String> {
        // Digits only: `u32`'s parse also takes a sign (`{+2}`), which
        // JavaScript refuses.
        let n: u32 = Some(s)
            .filter(|s| s.bytes().all(|b| b.is_ascii_digit()))
            .and_then(|s| s.parse().ok())
            .ok_or_else(|| {
                format!("`{{{body}}}` is not a count: write `{{n}}`, `{{n,}}` or `{{n,m}}`")
            })?;
        if n > MAX_COUNT {
            return Err(format!("a count above {MAX_COUNT} (`{{{body}}}`)"));
        }
        Ok(n)
    };
    match parts.as_slice() {
        [n] | [n, ""] => {
            number(n)?;
        }
        [n, m] => {
            if number(n)? > number(m)? {
                return Err(format!("`{{{body}}}`: the minimum is above the maximum"));
            }
        }
        _ => {
            return Err(format!(
                "`{{{body}}}` is not a count: write `{{n}}`, `{{n,}}` or `{{n,m}}`"
            ));
        }
    }
    out.push('{');
    out.push_str(&body);
    out.push('}');
    Ok(end + 1)
}

/// A bracketed class at `start`; the index after it.
fn class(chars: &[char], start: usize, out: &mut String) -> Result<usize, String> {
    let mut i = start + 1;
    out.push('[');
    if chars.get(i) == Some(&'^') {
        out.push('^');
        i += 1;
    }
    if chars.get(i) == Some(&']') {
        return Err(
            "an empty class `[]` (or `[^]`): JavaScript reads it, Rust's `regex` refuses it".into(),
        );
    }
    while i < chars.len() {
        let c = chars[i];
        match c {
            ']' => {
                out.push(']');
                return Ok(i + 1);
            }
            '\\' => {
                i = escape(chars, i, true, out)?;
                continue;
            }
            '[' => {
                return Err(
                    "a `[` inside a class: Rust's `regex` reads a nested class, JavaScript a \
                     character; escape it as `\\[`"
                        .into(),
                );
            }
            '&' | '-' | '~' if chars.get(i + 1) == Some(&c) => {
                return Err(format!(
                    "`{c}{c}` inside a class: Rust's `regex` reads a set operation, JavaScript \
                     two characters; escape one as `\\{c}`"
                ));
            }
            _ => out.push(c),
        }
        i += 1;
    }
    Err("a `[` without its `]`".into())
}

/// An escape at `start` (a backslash); the index after it.
fn escape(chars: &[char], start: usize, in_class: bool, out: &mut String) -> Result<usize, String> {
    let Some(&c) = chars.get(start + 1) else {
        return Err("a `\\` at the end".into());
    };
    let next = start + 2;
    match c {
        'd' | 'D' | 'w' | 'W' | 's' | 'S' => Err(format!(
            "`\\{c}`: Rust's `regex` reads it as Unicode, JavaScript as ASCII; write the set \
             out, such as `[0-9]` for `\\d`, `[A-Za-z0-9_]` for `\\w`, `[ \\t\\n\\r]` for `\\s`"
        )),
        'b' | 'B' => Err(format!(
            "`\\{c}`: word boundaries follow each engine's `\\w`, which differ; match the \
             characters around the word instead"
        )),
        '1'..='9' | 'k' => Err("a backreference: Rust's `regex` has none".into()),
        '0' | 'c' => Err(format!(
            "`\\{c}`: write the character as `\\x..` or `\\u....`"
        )),
        'x' => hex(chars, next, 2, 'x', out),
        'u' if chars.get(next) == Some(&'{') => {
            let end = closing(chars, next, "`\\u{` without its `}`")?;
            let digits: String = chars[next + 1..end].iter().collect();
            if digits.is_empty()
                || digits.len() > 6
                || !digits.chars().all(|d| d.is_ascii_hexdigit())
                || u32::from_str_radix(&digits, 16)
                    .ok()
                    .and_then(char::from_u32)
                    .is_none()
            {
                return Err(format!("`\\u{{{digits}}}` is not a character"));
            }
            let _ = write!(out, "\\u{{{digits}}}");
            Ok(end + 1)
        }
        'u' => hex(chars, next, 4, 'u', out),
        'p' | 'P' => property(chars, start, c, out),
        '-' if in_class => {
            out.push_str("\\-");
            Ok(next)
        }
        'n' | 't' | 'r' | 'f' | 'v' | '^' | '$' | '\\' | '.' | '*' | '+' | '?' | '(' | ')'
        | '[' | ']' | '{' | '}' | '|' => {
            out.push('\\');
            out.push(c);
            Ok(next)
        }
        // `\/` is what JavaScript writes in a regex literal; Rust reads `/`.
        '/' => {
            out.push('/');
            Ok(next)
        }
        _ => Err(format!(
            "`\\{c}` is not an escape both engines read; escape only `^$\\.*+?()[]{{}}|/`{}",
            if in_class { " and `-`" } else { "" }
        )),
    }
}

/// `\xHH` or `\uHHHH`: exactly `n` hex digits after `\letter`.
fn hex(
    chars: &[char],
    from: usize,
    n: usize,
    letter: char,
    out: &mut String,
) -> Result<usize, String> {
    let digits: String = chars.iter().skip(from).take(n).collect();
    if digits.chars().count() != n || !digits.chars().all(|d| d.is_ascii_hexdigit()) {
        return Err(format!("`\\{letter}` takes exactly {n} hex digits"));
    }
    if letter == 'u' {
        let code = u32::from_str_radix(&digits, 16).unwrap_or(0);
        if (0xD800..=0xDFFF).contains(&code) {
            return Err(format!(
                "`\\u{digits}` is half a surrogate pair: write the character as `\\u{{...}}`"
            ));
        }
    }
    out.push('\\');
    out.push(letter);
    out.push_str(&digits);
    Ok(from + n)
}

/// `\p{Name}` or `\P{Name}`, for the names both engines know.
fn property(chars: &[char], start: usize, c: char, out: &mut String) -> Result<usize, String> {
    let open = start + 2;
    if chars.get(open) != Some(&'{') {
        return Err(format!("`\\{c}` takes a name in braces: `\\{c}{{L}}`"));
    }
    let end = closing(chars, open, &format!("`\\{c}{{` without its `}}`"))?;
    let name: String = chars[open + 1..end].iter().collect();
    let script = name
        .strip_prefix("Script=")
        .is_some_and(|s| SCRIPTS.contains(&s));
    if !(CATEGORIES.contains(&name.as_str()) || script) {
        return Err(format!(
            "`\\{c}{{{name}}}`: use a general category (`L`, `Lu`, `N`, `Nd`, `P`, ...) or \
             `Script=Name` with a script's exact name (`Script=Han`, `Script=Latin`, ...), \
             which both engines read alike"
        ));
    }
    let _ = write!(out, "\\{c}{{{name}}}");
    Ok(end + 1)
}

#[cfg(test)]
mod tests {
    use super::portable as to_rust;

    #[test]
    fn the_shared_subset_reads_in_rust_spelling() {
        assert_eq!(
            to_rust("^[a-z][a-z0-9_-]{2,15}$").unwrap(),
            "^[a-z][a-z0-9_-]{2,15}$"
        );
        assert_eq!(to_rust("a.b").unwrap(), r"a[^\n\r\u{2028}\u{2029}]b");
        assert_eq!(to_rust(r"[.]\.").unwrap(), r"[.]\.");
        assert_eq!(to_rust(r"a\/b").unwrap(), "a/b");
        assert_eq!(
            to_rust(r"\p{Script=Han}+\u{1F600}\u00e9\x41").unwrap(),
            r"\p{Script=Han}+\u{1F600}\u00e9\x41"
        );
        assert_eq!(to_rust("(?:ab)*?c").unwrap(), "(?:ab)*?c");
        // Lazy counts read alike too; a count after a count repeats nothing.
        for lazy in ["a{2}?", "a{1,3}?b", "a{2,}?"] {
            assert_eq!(to_rust(lazy).unwrap(), lazy);
        }
        assert!(to_rust("a{2}??").is_err());
        assert!(to_rust("a{2}+").is_err());
        assert!(to_rust("a{2}{3}").is_err());
    }

    #[test]
    fn what_the_engines_read_differently_is_refused() {
        for bad in [
            r"\d",
            r"[\w]",
            r"\s",
            r"\bword",
            r"(?=a)",
            r"(?<n>a)",
            r"(?i)a",
            r"(a)\1",
            r"[]",
            r"[^]",
            r"[a[b]]",
            r"[a&&b]",
            r"a{,3}",
            r"a{3,2}",
            "a{1001}",
            "a{+2}",
            "a{2,+3}",
            "*a",
            "a)",
            "(a",
            "a]",
            "a}",
            r"\0",
            r"\-",
            r"\q",
            r"\p{Greek}",
            r"\p{Script=latin}",
            r"\P{Script=Ol_d_Italic}",
            r"\ud83d",
            "[a",
        ] {
            assert!(to_rust(bad).is_err(), "{bad} should be refused");
        }
    }
}
