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
    /// A path links each level to its parent, so the pointer is written
    /// from its end: `rest` last first, then each level from the leaf up,
    /// each ending where the one after it starts. A pointer that does not
    /// fit in place, or has a name to escape, is written again root first.
    #[inline(never)]
    pub(crate) fn pointer_text(&self, rest: &[Seg<'_>]) -> PointerText {
        let mut bytes = [0u8; INLINE];
        let mut start = INLINE;
        let mut node = self;
        let in_place = rest
            .iter()
            .rev()
            .all(|&seg| put_before(&mut bytes, &mut start, seg))
            && loop {
                let Some((parent, seg)) = node.last_step() else {
                    break true;
                };
                if !put_before(&mut bytes, &mut start, seg) {
                    break false;
                }
                node = parent;
            };
        if !in_place {
            return PointerText::Heap(self.pointer_string(rest));
        }
        #[allow(
            clippy::cast_possible_truncation,
            reason = "at most INLINE, which is below 256"
        )]
        PointerText::Inline {
            start: start as u8,
            bytes,
        }
    }

    /// The path above this one and the step from it; `None` at the root.
    fn last_step(&self) -> Option<(&'a Path<'a>, Seg<'a>)> {
        match *self {
            Path::Root => None,
            Path::Key(parent, key) => Some((parent, Seg::Key(key))),
            Path::Index(parent, index) => Some((parent, Seg::Index(index))),
        }
    }

    /// The pointer of this path followed by `rest`, written parent first
    /// through the call stack: one longer than [`INLINE`] bytes, or with a
    /// name to escape.
    #[cold]
    fn pointer_string(&self, rest: &[Seg<'_>]) -> String {
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

/// Writes `/` and `seg` (a name as it is, an index in decimal) so that
/// they end at `*start`, and moves `*start` to the `/`; false, with
/// `bytes` left part written, when they do not fit before `*start` or the
/// name is not plain (a `~` or a `/` to escape, or a byte below 2: see
/// [`plain_name`]).
#[inline(always)]
#[allow(
    clippy::inline_always,
    reason = "written once per segment in one loop: a call each costs more than the copy"
)]
fn put_before(bytes: &mut [u8; INLINE], start: &mut usize, seg: Seg<'_>) -> bool {
    match seg {
        Seg::Key(key) => {
            let key = key.as_bytes();
            let Some(at) = start.checked_sub(key.len() + 1) else {
                return false;
            };
            if !plain_name(key) {
                return false;
            }
            bytes[at] = b'/';
            bytes[at + 1..*start].copy_from_slice(key);
            *start = at;
        }
        Seg::Index(mut index) => {
            let mut at = *start;
            loop {
                let Some(digit_at) = at.checked_sub(1) else {
                    return false;
                };
                at = digit_at;
                #[allow(clippy::cast_possible_truncation, reason = "a digit, below 10")]
                let digit = (index % 10) as u8;
                bytes[at] = b'0' + digit;
                index /= 10;
                if index == 0 {
                    break;
                }
            }
            let Some(slash) = at.checked_sub(1) else {
                return false;
            };
            bytes[slash] = b'/';
            *start = slash;
        }
    }
    true
}

/// The longest pointer [`PointerText`] holds in place.
const INLINE: usize = 54;

/// A pointer's text as a [`crate::Violation`] keeps it: in place up to
/// [`INLINE`] bytes (every path of a create-group request), so that
/// recording a violation does not allocate; on the heap past that, or when
/// it is not [`is_plain`] (a name with a `~`, a `/` or a byte below 2 in
/// it): a pointer held in place is plain, which the report's sort reads
/// without looking at its bytes.
///
/// Held in place, the text is bytes that were written whole from `&str`s and
/// ASCII, and read back through `str::from_utf8` (this crate writes no
/// `unsafe`): the check that they are UTF-8 cannot fail.
#[derive(Clone)]
pub(crate) enum PointerText {
    /// Up to [`INLINE`] bytes, at the end of `bytes`: `bytes[start..]`.
    Inline { start: u8, bytes: [u8; INLINE] },
    /// A longer pointer.
    Heap(String),
}

impl PointerText {
    /// The pointer.
    pub(crate) fn as_str(&self) -> &str {
        match self {
            PointerText::Inline { start, bytes } => {
                core::str::from_utf8(&bytes[usize::from(*start)..]).unwrap_or_default()
            }
            PointerText::Heap(text) => text,
        }
    }

    /// The pointer's bytes, without reading them as UTF-8 again.
    pub(crate) fn as_bytes(&self) -> &[u8] {
        match self {
            PointerText::Inline { start, bytes } => &bytes[usize::from(*start)..],
            PointerText::Heap(text) => text.as_bytes(),
        }
    }

    /// Whether the pointer is [`is_plain`] and at most `max` bytes long
    /// (at least [`INLINE`]): held in place, it is.
    pub(crate) fn is_plain(&self, max: usize) -> bool {
        match self {
            PointerText::Inline { .. } => true,
            PointerText::Heap(text) => text.len() <= max && is_plain(text.as_bytes()),
        }
    }

    /// The pointer's length in bytes.
    pub(crate) fn len(&self) -> usize {
        self.as_bytes().len()
    }
}

impl From<String> for PointerText {
    fn from(text: String) -> Self {
        match INLINE.checked_sub(text.len()).map(u8::try_from) {
            Some(Ok(start)) if is_plain(text.as_bytes()) => {
                let mut bytes = [0u8; INLINE];
                bytes[usize::from(start)..].copy_from_slice(text.as_bytes());
                PointerText::Inline { start, bytes }
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
    if plain_name(token.as_bytes()) {
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

/// Whether `bytes`, a name, go into a pointer as they are and read back
/// as they are: no `~` or `/` to escape, and no byte below 2 (which
/// [`crate::report`]'s sort keys escape: such a pointer is not
/// [`is_plain`]). Read eight at a time (the last eight overlap the others);
/// shorter text byte by byte.
#[inline]
fn plain_name(bytes: &[u8]) -> bool {
    const ONES: u64 = u64::from_le_bytes([1; 8]);
    const HIGHS: u64 = u64::from_le_bytes([0x80; 8]);
    // Whether a byte of `w` is below `n` (exact for `n` up to 128).
    let below = |w: u64, n: u8| w.wrapping_sub(ONES * u64::from(n)) & !w & HIGHS != 0;
    let has = |w: u64, b: u8| below(w ^ (ONES * u64::from(b)), 1);
    let word = |at: usize| u64::from_le_bytes(bytes[at..at + 8].try_into().unwrap_or_default());
    let odd = |w: u64| has(w, b'~') || has(w, b'/') || below(w, 2);
    if bytes.len() < 8 {
        return !bytes.iter().any(|&b| b == b'~' || b == b'/' || b <= 1);
    }
    let mut at = 0;
    while at + 8 < bytes.len() {
        if odd(word(at)) {
            return false;
        }
        at += 8;
    }
    !odd(word(bytes.len() - 8))
}

/// True for a path that is the root or a pointer whose segments hold no
/// escape (`~`) and no byte below 2 (which the report's sort keys escape):
/// its segments are its bytes between slashes.
pub(crate) fn is_plain(path: &[u8]) -> bool {
    // Eight bytes at a time: a byte below 2 or a `~` in a word shows in
    // its high bits (the classic test for a zero byte, of the word and of
    // the word xor `~`s; a false alarm only falls back to the bytes).
    const ONES: u64 = u64::from_le_bytes([1; 8]);
    const HIGHS: u64 = u64::from_le_bytes([0x80; 8]);
    let suspect = |w: u64| {
        let tilde = w ^ (ONES * u64::from(b'~'));
        (w.wrapping_sub(ONES * 2) & !w | tilde.wrapping_sub(ONES) & !tilde) & HIGHS != 0
    };
    let mut words = path.chunks_exact(8);
    let plain = |bytes: &[u8]| !bytes.iter().any(|&b| b <= 1 || b == b'~');
    path.first().is_none_or(|&b| b == b'/')
        && words.all(|w| !suspect(u64::from_le_bytes(w.try_into().unwrap_or_default())) || plain(w))
        && plain(words.remainder())
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
                for c in [
                    '~', '/', '.', '0', '}', '\u{7f}', 'é', '\0', '\u{1}', '\u{2}',
                ] {
                    let name: String = (0..len).map(|i| if i == at { c } else { 'a' }).collect();
                    let expected = name.replace('~', "~0").replace('/', "~1");
                    let root = Path::Root;
                    assert_eq!(
                        root.key(&name).to_pointer(),
                        format!("/{expected}"),
                        "{name:?}"
                    );
                    // Held in place only when the sort may read it as it is.
                    let text = root.key(&name).pointer_text(&[]);
                    assert_eq!(
                        matches!(text, super::PointerText::Inline { .. }),
                        super::is_plain(text.as_bytes()),
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

    /// Around the longest pointer held in place (54 bytes), by a name or by
    /// an index's digits, with and without `rest`, and with a name to
    /// escape at either end: the same text as written root first.
    #[test]
    fn a_pointer_is_the_same_on_either_side_of_the_longest_kept_in_place() {
        for len in 0..=60 {
            let name = "n".repeat(len);
            let root = Path::Root;
            let key = root.key(&name);
            assert_eq!(key.to_pointer(), format!("/{name}"), "{len}");
            for index in [0, 9, 10, 99_999, usize::MAX] {
                let item = key.index(index);
                assert_eq!(item.to_pointer(), format!("/{name}/{index}"), "{len}");
                let rest = [Seg::Index(index), Seg::Key("k")];
                assert_eq!(
                    key.to_pointer_with(&rest),
                    format!("/{name}/{index}/k"),
                    "{len}"
                );
                assert_eq!(
                    item.key("~").to_pointer_with(&[Seg::Key("/")]),
                    format!("/{name}/{index}/~0/~1"),
                    "{len}"
                );
                let text = item.pointer_text(&[]);
                assert_eq!(
                    matches!(text, super::PointerText::Inline { .. }),
                    len + index.to_string().len() + 2 <= super::INLINE,
                    "{len} {index}"
                );
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
