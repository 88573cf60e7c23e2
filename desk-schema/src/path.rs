//! JSON Pointers (RFC 6901) built lazily on the stack.
//!
//! A validator walks nested data; building a `String` path at every step would
//! allocate on the happy path. Instead each level borrows its parent, and the
//! pointer text is written only when a violation is recorded.

use core::fmt;

/// A location inside a JSON document, as a chain of borrowed segments.
///
/// ```
/// use desk_schema::Path;
/// let root = Path::Root;
/// let list = root.key("MemberList");
/// let item = list.index(3);
/// let field = item.key("Member_Account");
/// assert_eq!(field.to_pointer(), "/MemberList/3/Member_Account");
/// assert_eq!(root.key("a/b~c").to_pointer(), "/a~1b~0c");
/// ```
#[derive(Clone, Copy, Debug)]
pub enum Path<'a> {
    /// The document itself: the empty pointer `""`.
    Root,
    /// A property of an object.
    Key(&'a Path<'a>, &'a str),
    /// An item of an array.
    Index(&'a Path<'a>, usize),
}

/// One step below a path, for rules that report at a place relative to the
/// value they check (`Seg::Index(3)`, then `Seg::Key("Member_Account")`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Seg<'s> {
    /// A property name.
    Key(&'s str),
    /// An array index.
    Index(usize),
}

impl<'s> From<&'s str> for Seg<'s> {
    fn from(key: &'s str) -> Self {
        Seg::Key(key)
    }
}

impl From<usize> for Seg<'_> {
    fn from(index: usize) -> Self {
        Seg::Index(index)
    }
}

impl<'a> Path<'a> {
    /// The path of property `key` below this one.
    #[must_use]
    pub fn key(&'a self, key: &'a str) -> Path<'a> {
        Path::Key(self, key)
    }

    /// The path of item `index` below this one.
    #[must_use]
    pub fn index(&'a self, index: usize) -> Path<'a> {
        Path::Index(self, index)
    }

    /// The RFC 6901 text of this path, with `~` and `/` escaped.
    #[must_use]
    pub fn to_pointer(&self) -> String {
        let mut out = String::with_capacity(self.len_hint());
        self.write_to(&mut out);
        out
    }

    /// The pointer of this path followed by `rest`.
    #[must_use]
    pub fn to_pointer_with(&self, rest: &[Seg<'_>]) -> String {
        let mut out = String::with_capacity(self.len_hint() + 16 * rest.len());
        self.write_to(&mut out);
        for seg in rest {
            push_seg(&mut out, *seg);
        }
        out
    }

    /// The pointer's length when nothing needs escaping (indices counted as
    /// up to four digits): one allocation of the right size, most times.
    fn len_hint(&self) -> usize {
        match *self {
            Path::Root => 0,
            Path::Key(parent, key) => parent.len_hint() + 1 + key.len(),
            Path::Index(parent, _) => parent.len_hint() + 5,
        }
    }

    fn write_to(&self, out: &mut String) {
        match *self {
            Path::Root => {}
            Path::Key(parent, key) => {
                parent.write_to(out);
                push_seg(out, Seg::Key(key));
            }
            Path::Index(parent, index) => {
                parent.write_to(out);
                push_seg(out, Seg::Index(index));
            }
        }
    }
}

fn push_seg(out: &mut String, seg: Seg<'_>) {
    match seg {
        Seg::Key(key) => {
            out.push('/');
            escape_into(out, key);
        }
        Seg::Index(index) => push_index(out, index),
    }
}

/// Appends `/` and a decimal index without going through `fmt`.
fn push_index(out: &mut String, index: usize) {
    let mut digits = [0u8; 21];
    let mut at = digits.len();
    let mut n = index;
    loop {
        at -= 1;
        // A digit, 0 to 9: it fits.
        digits[at] = b'0' + u8::try_from(n % 10).unwrap_or(0);
        n /= 10;
        if n == 0 {
            break;
        }
    }
    at -= 1;
    digits[at] = b'/';
    out.extend(digits[at..].iter().map(|&d| char::from(d)));
}

/// Appends `token` to `out` with RFC 6901 escaping (`~` as `~0`, `/` as `~1`).
pub(crate) fn escape_into(out: &mut String, token: &str) {
    // Most names need no escaping: copied whole.
    if !needs_escape(token.as_bytes()) {
        out.push_str(token);
        return;
    }
    for ch in token.chars() {
        match ch {
            '~' => out.push_str("~0"),
            '/' => out.push_str("~1"),
            other => out.push(other),
        }
    }
}

/// Whether `bytes` hold a `~` or a `/`, read eight at a time (the last
/// eight overlap the others); shorter text byte by byte.
fn needs_escape(bytes: &[u8]) -> bool {
    const ONES: u64 = u64::from_le_bytes([1; 8]);
    const HIGHS: u64 = u64::from_le_bytes([0x80; 8]);
    let has = |w: u64, b: u8| {
        let x = w ^ (ONES * u64::from(b));
        x.wrapping_sub(ONES) & !x & HIGHS != 0
    };
    let word = |at: usize| u64::from_le_bytes(bytes[at..at + 8].try_into().unwrap_or_default());
    if bytes.len() < 8 {
        return bytes.iter().any(|&b| b == b'~' || b == b'/');
    }
    (0..bytes.len() / 8)
        .map(|i| word(i * 8))
        .chain(core::iter::once(word(bytes.len() - 8)))
        .any(|w| has(w, b'~') || has(w, b'/'))
}

impl fmt::Display for Path<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_pointer())
    }
}

#[cfg(test)]
mod tests {
    use super::{Path, Seg};

    /// A name's `~` and `/` are escaped wherever they are (the test reads
    /// eight bytes at a time, the last eight overlapping), and nothing else
    /// is: the bytes on either side of them included.
    #[test]
    fn a_name_is_escaped_wherever_its_tilde_or_slash_is() {
        for len in 1..=24 {
            for at in 0..len {
                for c in ['~', '/', '.', '0', '}', '\u{7f}', 'é'] {
                    let name: String = (0..len).map(|i| if i == at { c } else { 'a' }).collect();
                    let expected = name.replace('~', "~0").replace('/', "~1");
                    let root = Path::Root;
                    assert_eq!(
                        root.key(&name).to_pointer(),
                        format!("/{expected}"),
                        "{name:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn indexes_are_written_in_decimal() {
        let root = Path::Root;
        for index in [0, 7, 10, 99, 100, 12_345, usize::MAX] {
            assert_eq!(root.index(index).to_pointer(), format!("/{index}"));
            assert_eq!(
                root.to_pointer_with(&[Seg::Index(index), Seg::Key("a/b")]),
                format!("/{index}/a~1b")
            );
        }
    }
}
