//! What of a server's `ErrorInfo` is shown: without any UserSig sent (or a
//! trace of one), nor the request's own text, however escaped. The client
//! ([`super::client`]) and [`super::call::outcome_for`] read an answer so.

use super::call::Outcome;
use super::response::{REDACTED, WITHHELD};
use super::{CreateGroupRequest, UserSig};
use crate::Report;

/// `outcome`, the answer to `request`, as it may be shown: an `ErrorInfo`
/// without any of `sigs` (the UserSigs sent) nor the request's own text
/// (`payload`, [`payload_texts`]), none of it when it still quotes a trace
/// of one of `sigs` or of `inner` (their signatures); and a `GroupId` other
/// than the request's (a UserSig echoed there, say) a contradiction, not
/// shown.
pub(super) fn screened(
    outcome: Outcome,
    sigs: &[UserSig],
    inner: &[String],
    payload: &[String],
    request: &CreateGroupRequest,
) -> Outcome {
    match outcome {
        Outcome::Api(mut e) => {
            e.info = redact_all(&e.info, sigs, inner, payload);
            Outcome::Api(e)
        }
        Outcome::Created { group_id } if group_id != request.group_id => {
            let mut report = Report::new();
            report.push(
                &crate::Path::Root.key("GroupId"),
                super::response::Contradiction::OtherGroupId.kind(),
            );
            Outcome::InvalidResponse(report)
        }
        other => other,
    }
}

/// The shortest piece of a UserSig cut out of an echo (the whole UserSig,
/// when shorter): a server may echo it cut short.
const SIG_PIECE: usize = 16;

/// The fewest bytes of one of the request's own texts that an `ErrorInfo`
/// is cut for: a Chinese character, or three ASCII characters (shorter
/// text would be cut out of words it is no part of).
pub(super) const PAYLOAD_PIECE: usize = 3;

/// The fewest bytes in a row of a longer text of the request that an
/// `ErrorInfo` is cut for: a server may quote the start of a long text, or
/// a piece of it.
const PAYLOAD_WINDOW: usize = 16;

/// The request's own text (its IDs, names, texts, accounts and custom
/// data) of at least [`PAYLOAD_PIECE`] bytes, [`folded`]: what
/// [`redact_all`] cuts out of an answer that quotes the request
/// ([`payload_cut`]), since nothing the client shows holds the payload.
pub(super) fn payload_texts(request: &CreateGroupRequest) -> Vec<String> {
    let mut all: Vec<&str> = vec![request.group_id.as_str(), request.name.as_str()];
    let optional = [
        &request.owner_account,
        &request.introduction,
        &request.notification,
        &request.face_url,
    ];
    all.extend(optional.into_iter().filter_map(Option::as_deref));
    let members = request.member_list.iter();
    all.extend(members.clone().map(|m| m.account.as_str()));
    let lists = [&request.app_defined_data, &request.app_member_defined_data];
    let data = lists
        .into_iter()
        .chain(members.map(|m| &m.app_member_defined_data))
        .flatten()
        .flatten();
    all.extend(data.flat_map(|d| [d.key.as_str(), d.value.as_str()]));
    // What shows of each text, then its length: `a` and a zero-width space
    // is one byte, which would be cut out of every word.
    all.into_iter()
        .map(|t| {
            let seen: String = t.chars().filter(|&c| !invisible(c)).collect();
            String::from_utf8(folded(seen.as_bytes()).0).unwrap_or_default()
        })
        .filter(|t| t.len() >= PAYLOAD_PIECE)
        .collect()
}

/// Whether `c` shows nothing: Unicode's `Default_Ignorable_Code_Point`s
/// (zero-width spaces and joiners, direction marks and isolates, the soft
/// hyphen, variation selectors, the byte order mark, tags, the Hangul
/// fillers; `DerivedCoreProperties.txt`). [`decoded`] drops them, and so
/// does [`payload_texts`], so that a quote with one between each character
/// reads as the text.
fn invisible(c: char) -> bool {
    matches!(
        c,
        '\u{ad}'
            | '\u{34f}'
            | '\u{61c}'
            | '\u{115f}'..='\u{1160}'
            | '\u{17b4}'..='\u{17b5}'
            | '\u{180b}'..='\u{180f}'
            | '\u{200b}'..='\u{200f}'
            | '\u{202a}'..='\u{202e}'
            | '\u{2060}'..='\u{206f}'
            | '\u{3164}'
            | '\u{fe00}'..='\u{fe0f}'
            | '\u{feff}'
            | '\u{ffa0}'
            | '\u{fff0}'..='\u{fff8}'
            | '\u{1bca0}'..='\u{1bca3}'
            | '\u{1d173}'..='\u{1d17a}'
            | '\u{e0000}'..='\u{e0fff}'
    )
}

/// How many times [`readings`] decodes a text at most: three times escaped
/// (a JSON text quoted in JSON, `\\u5ba2`; a percent escape escaped again,
/// `%25E5`; and once more) and once more, for the bytes of a character
/// that shows nothing, which are dropped one decoding after they appear.
const DEPTH: usize = 4;

/// A reading of a text ([`readings`], [`alphabet_only`]): its bytes, each
/// with the span of the text it comes from.
type Reading = (Vec<u8>, Vec<(usize, usize)>);

/// `info` as written (a text of the request that holds what reads as an
/// escape, `%E5` in a URL, quoted as it is), then as [`decoded`] reads it,
/// then that reading decoded again while it changes, up to [`DEPTH`]
/// decodings: each one's bytes, in their own case (`\\U0001F389` decodes
/// to `\U0001F389`, not `\u0001f389`), with the span of `info` each byte
/// comes from. The request's text is looked for in them in lower case
/// ([`folded`]), a UserSig as its alphabet ([`in_alphabet`]).
fn readings(info: &str) -> Vec<Reading> {
    let written = info.as_bytes().to_vec();
    let spans = (0..info.len()).map(|i| (i, i + 1)).collect();
    let mut all = vec![(written, spans), decoded(info.as_bytes())];
    while all.len() <= DEPTH {
        let (prev, prev_spans) = &all[all.len() - 1];
        let (next, spans) = decoded(prev);
        if next == *prev {
            break;
        }
        let spans = spans
            .into_iter()
            .map(|(start, end)| (prev_spans[start].0, prev_spans[end - 1].1))
            .collect();
        all.push((next, spans));
    }
    all
}

/// `bytes` read as the text they spell, each byte with the span of `bytes`
/// it comes from: code points escaped ([`code_point_at`]: `\u5ba2`,
/// `\U0001F389`, `\u{5ba2}`, `%u5BA2`), HTML's numeric references
/// (`&#23458;`, `&#x5BA2;`, without their `;` too), bytes and ASCII
/// characters escaped ([`byte_escape_at`]: `\xe5`, `\345`, `\'`, `\n`,
/// `%E5`, `&amp;`) decoded, and what shows nothing ([`invisible`]) dropped.
fn decoded(bytes: &[u8]) -> Reading {
    let (mut out, mut spans) = (
        Vec::with_capacity(bytes.len()),
        Vec::with_capacity(bytes.len()),
    );
    let mut i = 0;
    while i < bytes.len() {
        let (text, width) = escape_at(bytes, i);
        for b in text {
            out.push(b);
            spans.push((i, i + width));
        }
        i += width;
    }
    (out, spans)
}

/// The byte a percent escape at `bytes[i..]` (`%E5`) stands for.
fn percent_at(bytes: &[u8], i: usize) -> Option<u8> {
    if bytes.get(i) != Some(&b'%') {
        return None;
    }
    u8::try_from(hex_at(bytes, i + 1, 2)?).ok()
}

/// The value of the `n` hexadecimal digits of `bytes` at `at`, if they are.
fn hex_at(bytes: &[u8], at: usize, n: usize) -> Option<u32> {
    let digits = bytes.get(at..at + n)?;
    if !digits.iter().all(u8::is_ascii_hexdigit) {
        return None;
    }
    u32::from_str_radix(std::str::from_utf8(digits).ok()?, 16).ok()
}

/// What the text at `bytes[i..]` spells, as [`decoded`] reads it, and how
/// many bytes of it that takes (at least one).
fn escape_at(bytes: &[u8], i: usize) -> (Vec<u8>, usize) {
    let rest = &bytes[i..];
    let char_bytes = |c: char| {
        if invisible(c) {
            Vec::new()
        } else {
            c.to_string().into_bytes()
        }
    };
    if let Some((code, width)) = code_point_at(bytes, i) {
        return match char::from_u32(code) {
            Some(c) => (char_bytes(c), width),
            None => (vec![rest[0]], 1),
        };
    }
    if let Some((c, width)) = numeric_reference(rest) {
        return (char_bytes(c), width);
    }
    if let Some(c) = char_at(rest)
        && invisible(c)
    {
        return (Vec::new(), c.len_utf8());
    }
    byte_escape_at(bytes, i).unwrap_or_else(|| (vec![rest[0]], 1))
}

/// The character whose UTF-8 starts `rest`, when it is not ASCII.
fn char_at(rest: &[u8]) -> Option<char> {
    let len = match rest.first()? {
        0xc0..=0xdf => 2,
        0xe0..=0xef => 3,
        0xf0..=0xf7 => 4,
        _ => return None,
    };
    std::str::from_utf8(rest.get(..len)?).ok()?.chars().next()
}

/// A code point written as an escape at `bytes[i..]`, and the escape's
/// length: whole (`\U0001F389` as Go and Python write it, `\u{5ba2}` as
/// Rust, JavaScript and Swift do) or as UTF-16 (`\u5ba2`, JavaScript's
/// `escape()`'s `%u5BA2`, a surrogate pair of either).
fn code_point_at(bytes: &[u8], i: usize) -> Option<(u32, usize)> {
    let rest = &bytes[i..];
    if rest.starts_with(b"\\U") {
        return hex_at(bytes, i + 2, 8).map(|code| (code, 10));
    }
    if rest.starts_with(b"\\u{") {
        let len = rest[3..]
            .iter()
            .take_while(|b| b.is_ascii_hexdigit())
            .count();
        return (rest.get(3 + len) == Some(&b'}') && (1..=6).contains(&len))
            .then(|| hex_at(bytes, i + 3, len))
            .flatten()
            .map(|code| (code, len + 4));
    }
    let unit = |at: usize| {
        matches!(bytes.get(at..at + 2), Some(b"\\u" | b"%u" | b"%U"))
            .then(|| hex_at(bytes, at + 2, 4))
            .flatten()
    };
    let high = unit(i)?;
    let low = unit(i + 6).filter(|low| (0xDC00..0xE000).contains(low));
    Some(match low {
        Some(low) if (0xD800..0xDC00).contains(&high) => {
            (0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00), 12)
        }
        _ => (high, 6),
    })
}

/// A byte or an ASCII character written as an escape at `bytes[i..]`, and
/// the escape's length: C's and Python's `\xe5`, protobuf's octal `\345`,
/// JSON's and C's `\n`, `\"`, `\'` and the like, a percent escape, or one
/// of HTML's entities for `&`, `<`, `>`, `"` and `'`.
fn byte_escape_at(bytes: &[u8], i: usize) -> Option<(Vec<u8>, usize)> {
    let rest = &bytes[i..];
    if rest.first() == Some(&b'\\') && rest.len() > 1 {
        if matches!(rest[1], b'x' | b'X') {
            let byte = hex_at(bytes, i + 2, 2)?;
            return Some((vec![u8::try_from(byte).ok()?], 4));
        }
        if rest.len() > 3
            && (b'0'..=b'3').contains(&rest[1])
            && rest[2..4].iter().all(|b| (b'0'..=b'7').contains(b))
        {
            let value = rest[1..4].iter().fold(0, |v, d| v * 8 + (d - b'0'));
            return Some((vec![value], 4));
        }
        let c = match rest[1] {
            b'b' => 8,
            b'f' => 12,
            b'n' => b'\n',
            b'r' => b'\r',
            b't' => b'\t',
            other if b"/\"\\'".contains(&other) => other,
            _ => return None,
        };
        return Some((vec![c], 2));
    }
    if let Some(byte) = percent_at(bytes, i) {
        return Some((vec![byte], 3));
    }
    named_entity(rest)
}

/// `bytes` as [`payload_cut`] and [`payload_texts`] compare text, in either
/// case (Unicode's, not ASCII's alone): each character in lower case, of
/// its upper case, of its lower case, so that every spelling of a letter
/// in either case reads as one (`ÉCOLE` as `école`, `ΣΟΦΙΑΣ` and `σοφιας`
/// as `σοφιασ`, `STRASSE` and `Straße` as `strasse`, `ẞ` as `ss`, the micro
/// sign `µ` and `Μ` as `μ`, `ſ` as `s`, `ﬀ` as `ff`), and `+` as a space
/// (as form encoding writes one); bytes that are not UTF-8 as they are.
/// Each byte it gives comes with the span of `bytes` it comes from (the
/// whole character).
fn folded(bytes: &[u8]) -> Reading {
    let mut out = Vec::with_capacity(bytes.len());
    let mut from = Vec::with_capacity(bytes.len());
    let mut at = 0;
    let mut one = [0u8; 4];
    for chunk in bytes.utf8_chunks() {
        for (i, c) in chunk.valid().char_indices() {
            let span = (at + i, at + i + c.len_utf8());
            let mut push = |c: char| {
                for &b in c.encode_utf8(&mut one).as_bytes() {
                    out.push(b);
                    from.push(span);
                }
            };
            if c == '+' {
                push(' ');
                continue;
            }
            for lower in c.to_lowercase() {
                for upper in lower.to_uppercase() {
                    upper.to_lowercase().for_each(&mut push);
                }
            }
        }
        at += chunk.valid().len();
        for &b in chunk.invalid() {
            out.push(b);
            from.push((at, at + 1));
            at += 1;
        }
    }
    (out, from)
}

/// One of HTML's named references at the start of `rest`, in either case
/// and with or without its `;` where HTML reads one so (`&amp;`, `&AMP;`,
/// `&amp`): `&`, `<`, `>`, `"`, `'`, a space for `&nbsp;`, and nothing for
/// the references to what shows nothing (`&shy;`, `&zwj;`, `&zwnj;`,
/// `&lrm;`, `&rlm;`). Other named references are left as written.
fn named_entity(rest: &[u8]) -> Option<(Vec<u8>, usize)> {
    const NAMED: [(&str, &[u8], bool); 11] = [
        ("amp", b"&", true),
        ("lt", b"<", true),
        ("gt", b">", true),
        ("quot", b"\"", true),
        ("apos", b"'", false),
        ("nbsp", b" ", true),
        ("shy", b"", true),
        ("zwj", b"", false),
        ("zwnj", b"", false),
        ("lrm", b"", false),
        ("rlm", b"", false),
    ];
    let body = rest.strip_prefix(b"&")?;
    NAMED.iter().find_map(|&(name, text, legacy)| {
        let name = name.as_bytes();
        let given = body.get(..name.len())?;
        if !given.eq_ignore_ascii_case(name) {
            return None;
        }
        match body.get(name.len()) {
            Some(b';') => Some((text.to_vec(), name.len() + 2)),
            _ if legacy => Some((text.to_vec(), name.len() + 1)),
            _ => None,
        }
    })
}

/// An HTML numeric character reference at the start of `rest` (`&#23458;`,
/// `&#x5BA2;`, or without its `;`, as HTML reads one): the character, and
/// the reference's length.
fn numeric_reference(rest: &[u8]) -> Option<(char, usize)> {
    let (code, width) = numeric_code(rest)?;
    // A surrogate pair, as a UTF-16 writer spells a character past U+FFFF
    // (`&#55356;&#57225;`).
    if (0xD800..0xDC00).contains(&code)
        && let Some((low, more)) = numeric_code(&rest[width..])
        && (0xDC00..0xE000).contains(&low)
    {
        let joined = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
        return Some((char::from_u32(joined)?, width + more));
    }
    Some((char::from_u32(code)?, width))
}

/// The code an HTML numeric reference at the start of `rest` gives, and
/// the reference's length.
fn numeric_code(rest: &[u8]) -> Option<(u32, usize)> {
    let body = rest.strip_prefix(b"&#")?;
    let (digits, radix, skip) = match body.first() {
        Some(b'x' | b'X') => (&body[1..], 16, 3),
        _ => (body, 10, 2),
    };
    let len = digits
        .iter()
        .take_while(|b| {
            if radix == 16 {
                b.is_ascii_hexdigit()
            } else {
                b.is_ascii_digit()
            }
        })
        .count();
    if len == 0 {
        return None;
    }
    // Without its `;` too, as HTML reads one.
    let end = usize::from(digits.get(len) == Some(&b';'));
    // Leading zeros are allowed, any number of them (`&#0000000065;`).
    let significant = std::str::from_utf8(&digits[..len])
        .ok()?
        .trim_start_matches('0');
    let code = match significant {
        "" => 0,
        text if text.len() <= 8 => u32::from_str_radix(text, radix).ok()?,
        _ => return None,
    };
    Some((code, skip + len + end))
}

/// The bytes of `info` that quote one of `payload` ([`payload_texts`]) in
/// any of its `readings` (as written, or however escaped) and in either
/// case: a text whole, or any [`PAYLOAD_WINDOW`] bytes of a longer one;
/// each run widened to whole characters of `info`.
fn payload_cut(info: &str, readings: &[Reading], payload: &[String]) -> Vec<bool> {
    let mut cut = vec![false; info.len()];
    if payload.is_empty() {
        return cut;
    }
    // Each reading as the payload is compared, once.
    let plains: Vec<Reading> = readings.iter().map(|(bytes, _)| folded(bytes)).collect();
    for text in payload.iter().map(String::as_bytes) {
        let piece = text.len().min(PAYLOAD_WINDOW);
        if piece == 0 {
            continue;
        }
        let pieces: std::collections::HashSet<&[u8]> = text.windows(piece).collect();
        for ((plain, from), (_, spans)) in plains.iter().zip(readings) {
            for (at, window) in plain.windows(piece).enumerate() {
                if pieces.contains(window) {
                    // The reading's bytes the window folds, then the
                    // answer's text they come from.
                    let (first, last) = (from[at].0, from[at + piece - 1].1 - 1);
                    let (start, end) = (spans[first].0, spans[last].1);
                    cut[start..end].fill(true);
                }
            }
        }
    }
    // A run that starts or ends inside a character takes all of it.
    let mut k = 0;
    while k < cut.len() {
        if cut[k] && !info.is_char_boundary(k) {
            let start = (0..k)
                .rev()
                .find(|&j| info.is_char_boundary(j))
                .unwrap_or(0);
            cut[start..k].fill(true);
        }
        if cut[k] && !info.is_char_boundary(k + 1) {
            let end = (k + 1..=info.len())
                .find(|&j| info.is_char_boundary(j))
                .unwrap_or(info.len());
            cut[k..end].fill(true);
        }
        k += 1;
    }
    cut
}

/// `info` without any of `sigs` (the bytes [`cut_mask`] marks for each),
/// nor any of `payload` (the request's own text, [`payload_texts`]). When
/// what is left still quotes a sig, however reformatted (cut into short
/// pieces, with spaces or invisible characters between them, in standard
/// base64's alphabet), or quotes one of `inner` (the signatures inside
/// them, [`usersig::inner_signatures`](crate::usersig::inner_signatures):
/// a server that decoded the UserSig), none of it is shown: [`WITHHELD`].
pub(super) fn redact_all(
    info: &str,
    sigs: &[UserSig],
    inner: &[String],
    payload: &[String],
) -> String {
    // The bytes of `info` each sig's cut takes, all read in `info` as
    // given: a trace is judged against the text the server wrote, so a cut
    // cannot break a reformatted quote into pieces too short to see.
    let mut cut = vec![false; info.len()];
    for sig in sigs {
        for (all, this) in cut.iter_mut().zip(cut_mask(info, sig.expose())) {
            *all |= this;
        }
    }
    let read = readings(info);
    for (all, this) in cut.iter_mut().zip(payload_cut(info, &read, payload)) {
        *all |= this;
    }
    // `info` in a UserSig's alphabet, once for every secret: as the
    // server wrote it, and each reading in lower case (an escape may have
    // been written in either).
    let exact = alphabet_only(info);
    let lowered: Vec<Reading> = (read.iter())
        .map(|(bytes, spans)| {
            (bytes.iter().zip(spans))
                .filter_map(|(&b, &span)| in_alphabet(b.to_ascii_lowercase()).map(|b| (b, span)))
                .unzip()
        })
        .collect();
    let secrets = sigs
        .iter()
        .map(UserSig::expose)
        .chain(inner.iter().map(String::as_str));
    if secrets
        .into_iter()
        .any(|secret| quotes(&exact, &lowered, secret, &cut))
    {
        return WITHHELD.to_owned();
    }
    cut_out(info, &cut)
}

/// The fewest bytes of a secret in a row, once reformatting is undone,
/// that [`redact_all`] withholds an answer for: eight base64 characters
/// (48 bits) of a UserSig of a few hundred appear in other text by chance
/// about once in 2^40 places (in lower case, as an escaped quote is read,
/// about 42 bits: once in 2^34), eight hex digits (32 bits) of its HMAC's
/// 64 about once in 2^26 (a 64-digit trace ID in an answer: about one
/// answer in a million withheld for nothing).
const SIG_TRACE: usize = 8;

/// Whether a text, read as a UserSig's alphabet only (`exact`,
/// [`alphabet_only`]: percent escapes decoded, standard base64's `+`, `/`
/// and `=` as the UserSig's `*`, `-` and `_`, anything else dropped), holds
/// [`SIG_TRACE`] bytes of `sig` in a row that are not all in what the cut
/// takes (`cut`, a flag for each byte of the text): a quote as sent is cut
/// out, one reformatted is a trace. So too in lower case in each of
/// `lowered` (its [`readings`] in the alphabet: the text escaped otherwise,
/// HTML's references, JSON's or C's escapes, escaped twice).
fn quotes(exact: &Reading, lowered: &[Reading], sig: &str, cut: &[bool]) -> bool {
    let (secret, _) = alphabet_only(sig);
    let piece = SIG_TRACE.min(secret.len());
    if piece == 0 || !sig.is_ascii() {
        return false;
    }
    let traced = |secret: &[u8], plain: &[u8], from: &[(usize, usize)]| {
        let pieces: std::collections::HashSet<&[u8]> = secret.windows(piece).collect();
        plain.windows(piece).enumerate().any(|(j, w)| {
            pieces.contains(w)
                && from[j..j + piece]
                    .iter()
                    .any(|&(start, end)| !cut[start..end].iter().all(|&c| c))
        })
    };
    if traced(&secret, &exact.0, &exact.1) {
        return true;
    }
    let secret = secret.to_ascii_lowercase();
    (lowered.iter()).any(|(plain, from)| traced(&secret, plain, from))
}

/// A byte of a UserSig's alphabet as [`quotes`] compares them: standard
/// base64's `+`, `/` and `=` as the UserSig's `*`, `-` and `_`; `None` for
/// a byte of neither alphabet.
fn in_alphabet(b: u8) -> Option<u8> {
    let b = match b {
        b'+' => b'*',
        b'/' => b'-',
        b'=' => b'_',
        other => other,
    };
    (b.is_ascii_alphanumeric() || matches!(b, b'*' | b'-' | b'_')).then_some(b)
}

/// `text` as [`quotes`] reads it, and reads the secret: percent escapes
/// decoded, standard base64's `+`, `/` and `=` as the UserSig's `*`, `-` and
/// `_`, anything else dropped; with the span of `text` each byte came from.
fn alphabet_only(text: &str) -> Reading {
    let bytes = text.as_bytes();
    let mut plain = Vec::with_capacity(bytes.len());
    let mut from = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let start = i;
        let mut b = bytes[i];
        if let Some(byte) = percent_at(bytes, i) {
            b = byte;
            i += 2;
        }
        i += 1;
        if let Some(b) = in_alphabet(b) {
            plain.push(b);
            from.push((start, i));
        }
    }
    (plain, from)
}

/// `info` without `sig`: a server may echo the request line, the UserSig
/// as sent or percent-encoded (in either case), whole or cut short. Every
/// run of `info` that reads, once percent-decoded, as a piece of `sig` of
/// [`SIG_PIECE`] bytes or more becomes `<redacted>`.
#[cfg(all(test, feature = "client"))]
pub(super) fn redact(info: &str, sig: &str) -> String {
    cut_out(info, &cut_mask(info, sig))
}

/// The bytes of `info` to cut out for `sig`: a flag for each.
fn cut_mask(info: &str, sig: &str) -> Vec<bool> {
    let mut cut = vec![false; info.len()];
    if sig.is_empty() {
        return cut;
    }
    if !sig.is_ascii() {
        // Never so (a UserSig is base64 text), but pieces of it could
        // then end inside a character of `info`: the whole of it only.
        for (at, _) in info.match_indices(sig) {
            cut[at..at + sig.len()].fill(true);
        }
        return cut;
    }
    // `info` percent-decoded, with the span of `info` each byte came from.
    let bytes = info.as_bytes();
    let (mut plain, mut spans) = (Vec::with_capacity(bytes.len()), Vec::new());
    let mut i = 0;
    while i < bytes.len() {
        let escaped = percent_at(bytes, i);
        let width = if escaped.is_some() { 3 } else { 1 };
        plain.push(escaped.unwrap_or(bytes[i]));
        spans.push((i, i + width));
        i += width;
    }
    let piece = SIG_PIECE.min(sig.len());
    let pieces: std::collections::HashSet<&[u8]> = sig.as_bytes().windows(piece).collect();
    for (j, window) in plain.windows(piece).enumerate() {
        if pieces.contains(window) {
            // The sig is ASCII, so a covered run starts and ends between
            // characters of `info`.
            cut[spans[j].0..spans[j + piece - 1].1].fill(true);
        }
    }
    cut
}

/// `info` with each run of bytes `cut` flags written `<redacted>`.
fn cut_out(info: &str, cut: &[bool]) -> String {
    let mut out = String::with_capacity(info.len());
    let (mut copied, mut k) = (0, 0);
    while k < cut.len() {
        if !cut[k] {
            k += 1;
            continue;
        }
        let first = k;
        while k < cut.len() && cut[k] {
            k += 1;
        }
        out.push_str(&info[copied..first]);
        out.push_str(REDACTED);
        copied = k;
    }
    out.push_str(&info[copied..]);
    out
}
