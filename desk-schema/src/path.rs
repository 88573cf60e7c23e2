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
        self.to_pointer_with(&[])
    }

    /// The pointer of this path followed by `rest`.
    #[must_use]
    pub fn to_pointer_with(&self, rest: &[Seg<'_>]) -> String {
        match self.pointer_text(rest) {
            PointerText::Heap(text) => text,
            inline @ PointerText::Inline { .. } => inline.as_str().to_owned(),
        }
    }

    /// The pointer of this path followed by `rest`, as a violation keeps it.
    ///
    /// The segments are gathered from the leaf up (a path links each level
    /// to its parent) and written root first.
    pub(crate) fn pointer_text(&self, rest: &[Seg<'_>]) -> PointerText {
        let mut above = [Seg::Index(0); DEPTH];
        let mut depth = 0;
        let mut node = self;
        while let Some((parent, seg)) = node.last_step() {
            let Some(slot) = above.get_mut(depth) else {
                return PointerText::Heap(self.deep_pointer(rest));
            };
            *slot = seg;
            depth += 1;
            node = parent;
        }
        PointerText::of(above[..depth].iter().rev().chain(rest))
    }

    /// The path above this one and the step from it; `None` at the root.
    fn last_step(&self) -> Option<(&'a Path<'a>, Seg<'a>)> {
        match *self {
            Path::Root => None,
            Path::Key(parent, key) => Some((parent, Seg::Key(key))),
            Path::Index(parent, index) => Some((parent, Seg::Index(index))),
        }
    }

    /// The pointer of a path more than [`DEPTH`] levels deep, followed by
    /// `rest`, written parent first through the call stack.
    #[cold]
    fn deep_pointer(&self, rest: &[Seg<'_>]) -> String {
        fn write_to(path: &Path<'_>, out: &mut String) {
            if let Some((parent, seg)) = path.last_step() {
                write_to(parent, out);
                push_seg(out, seg);
            }
        }
        let mut out = String::new();
        write_to(self, &mut out);
        for &seg in rest {
            push_seg(&mut out, seg);
        }
        out
    }
}

/// How many levels [`Path::pointer_text`] gathers on the stack.
const DEPTH: usize = 8;

/// The longest pointer [`PointerText`] holds in place.
const INLINE: usize = 54;

/// A pointer's text as a [`crate::Violation`] keeps it: in place up to
/// [`INLINE`] bytes (every path of a create-group request), so that
/// recording a violation does not allocate; on the heap past that.
///
/// Held in place, the text is bytes that were written whole from `&str`s and
/// ASCII, and read back through `str::from_utf8` (this crate writes no
/// `unsafe`): the check that they are UTF-8 cannot fail.
#[derive(Clone)]
pub(crate) enum PointerText {
    /// Up to [`INLINE`] bytes: `bytes[..len]`.
    Inline { len: u8, bytes: [u8; INLINE] },
    /// A longer pointer.
    Heap(String),
}

impl PointerText {
    /// The pointer of `segs`, written in place when it fits, in one pass:
    /// each name is copied whole, as most need no escape. A pointer longer
    /// than [`INLINE`], or one with a name to escape (a `~` or a `/` in it),
    /// is written again through a `String`.
    fn of<'s>(segs: impl Iterator<Item = &'s Seg<'s>> + Clone) -> Self {
        let mut bytes = [0u8; INLINE];
        let mut at = 0;
        for &seg in segs.clone() {
            let mut digits = itoa::Buffer::new();
            let text = match seg {
                Seg::Key(key) => key.as_bytes(),
                Seg::Index(index) => digits.format(index).as_bytes(),
            };
            let end = at + 1 + text.len();
            if end > INLINE || matches!(seg, Seg::Key(_)) && needs_escape(text) {
                return PointerText::from(write_string(segs));
            }
            bytes[at] = b'/';
            bytes[at + 1..end].copy_from_slice(text);
            at = end;
        }
        #[allow(
            clippy::cast_possible_truncation,
            reason = "at most INLINE, which is below 256"
        )]
        PointerText::Inline {
            len: at as u8,
            bytes,
        }
    }

    /// The pointer.
    pub(crate) fn as_str(&self) -> &str {
        match self {
            PointerText::Inline { len, bytes } => {
                core::str::from_utf8(&bytes[..usize::from(*len)]).unwrap_or_default()
            }
            PointerText::Heap(text) => text,
        }
    }

    /// The pointer's bytes, without reading them as UTF-8 again.
    pub(crate) fn as_bytes(&self) -> &[u8] {
        match self {
            PointerText::Inline { len, bytes } => &bytes[..usize::from(*len)],
            PointerText::Heap(text) => text.as_bytes(),
        }
    }

    /// The pointer's length in bytes.
    pub(crate) fn len(&self) -> usize {
        self.as_bytes().len()
    }
}

impl From<String> for PointerText {
    fn from(text: String) -> Self {
        match u8::try_from(text.len()) {
            Ok(len) if text.len() <= INLINE => {
                let mut bytes = [0u8; INLINE];
                bytes[..text.len()].copy_from_slice(text.as_bytes());
                PointerText::Inline { len, bytes }
            }
            _ => PointerText::Heap(text),
        }
    }
}

impl PartialEq for PointerText {
    fn eq(&self, other: &Self) -> bool {
        self.as_bytes() == other.as_bytes()
    }
}

impl Eq for PointerText {}

impl fmt::Debug for PointerText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

/// The pointer of `segs` as a `String`, allocated once for the pointer
/// without escapes (a `~` or `/` in a name grows it).
fn write_string<'s>(segs: impl Iterator<Item = &'s Seg<'s>> + Clone) -> String {
    let unescaped: usize = segs
        .clone()
        .map(|&seg| match seg {
            Seg::Key(key) => 1 + key.len(),
            Seg::Index(index) => 1 + itoa::Buffer::new().format(index).len(),
        })
        .sum();
    let mut out = String::with_capacity(unescaped);
    for &seg in segs {
        push_seg(&mut out, seg);
    }
    out
}

fn push_seg(out: &mut String, seg: Seg<'_>) {
    out.push('/');
    match seg {
        Seg::Key(key) => escape_into(out, key),
        Seg::Index(index) => out.push_str(itoa::Buffer::new().format(index)),
    }
}

/// Appends `token` to `out` with RFC 6901 escaping (`~` as `~0`, `/` as `~1`).
fn escape_into(out: &mut String, token: &str) {
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

    /// A path of any depth (gathered on the stack, or deeper than that)
    /// is its segments in order from the root, each escaped, with `rest`
    /// after them.
    #[test]
    fn a_path_of_any_depth_is_written_root_first() {
        fn build<'a>(path: &Path<'a>, names: &'a [String], depth: usize, expected: &str) {
            let rest = [Seg::Key("a/~b"), Seg::Index(10)];
            assert_eq!(path.to_pointer(), expected, "depth {depth}");
            assert_eq!(path.to_pointer_with(&rest), format!("{expected}/a~1~0b/10"));
            if depth == names.len() {
                return;
            }
            let expected_key = format!(
                "{expected}/{}",
                names[depth].replace('~', "~0").replace('/', "~1")
            );
            build(&path.key(&names[depth]), names, depth + 1, &expected_key);
            if depth.is_multiple_of(3) {
                build(
                    &path.index(depth * 7),
                    names,
                    depth + 1,
                    &format!("{expected}/{}", depth * 7),
                );
            }
        }
        let names: Vec<String> = (0..40)
            .map(|i| match i % 4 {
                0 => format!("k{i}"),
                1 => "é/~".to_owned(),
                2 => String::new(),
                _ => "x".repeat(i),
            })
            .collect();
        build(&Path::Root, &names, 0, "");
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
