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
    out.push('/');
    match seg {
        Seg::Key(key) => escape_into(out, key),
        Seg::Index(index) => push_index(out, index),
    }
}

/// Appends a decimal index without going through `fmt`.
fn push_index(out: &mut String, index: usize) {
    let mut digits = [0u8; 20];
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
    for &d in &digits[at..] {
        out.push(char::from(d));
    }
}

/// Appends `token` to `out` with RFC 6901 escaping (`~` as `~0`, `/` as `~1`).
pub(crate) fn escape_into(out: &mut String, token: &str) {
    // Most names need no escaping: copy them whole.
    if !token.bytes().any(|b| b == b'~' || b == b'/') {
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

impl fmt::Display for Path<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_pointer())
    }
}
