//! What the CLI shows of an argument that may be a credential pasted in
//! the wrong place: a secret key given as `--sdkappid`'s value, as a file
//! name or as a subcommand, a UserSig given as `--identifier`. The CLI
//! reads its secret only from `--key-file` or `DESK_SCHEMA_SECRET_KEY`,
//! so a credential on the command line is a mistake, and the message
//! about it must not repeat it: a terminal's scrollback, a CI log and a
//! shared screen keep what is printed.

use std::borrow::Cow;
use std::collections::HashSet;
use std::sync::OnceLock;

use desk_schema::Locale;

/// What is printed in place of an argument that may be a credential.
pub(crate) const NOT_SHOWN: [&str; 2] =
    ["<not shown: it may be a secret>", "<不予显示：可能是密钥>"];

/// [`NOT_SHOWN`] in `locale`'s language.
pub(crate) fn not_shown(locale: Locale) -> &'static str {
    NOT_SHOWN[usize::from(matches!(locale, Locale::ZhCn))]
}

/// The shortest run of hexadecimal digits read as a secret key: Tencent's
/// console gives the key as 64 of them; half is still no word or number
/// anyone types. The run goes on across one `,` or `=` (a key split into a
/// list or an assignment), not across `-`, `.` or white space (a UUID's
/// groups, 32 digits in all; names of numbers, `apps 1400000001 1400000002`).
const HEX_RUN: usize = 32;

/// The shortest run of a UserSig's characters read as one: a UserSig is
/// base64 in its URL form (`*`, `-`, `_` for `+`, `/`, `=`) of a compressed
/// document, hundreds of characters, with capitals, small letters and
/// digits mixed throughout, which a file or account name that long rarely
/// is (a path's `/` and a name's `.` end a run).
const USERSIG_RUN: usize = 48;

/// The shortest secret key found by its own value, and the shortest piece
/// of one found: a shorter one would be found in too many unrelated words
/// (a window of eight hexadecimal digits matches one of a 64-digit key's
/// 57 with a chance of about one in 75 million).
const KEY_MIN: usize = 8;

/// Whether `text` may hold a credential: a piece of a secret key the CLI
/// was given (`DESK_SCHEMA_SECRET_KEY`'s, or `--key-file`'s: [`of_the_key`]),
/// or the shape of one (a run of [`HEX_RUN`] hexadecimal digits), or a
/// UserSig ([`may_be_usersig`]). A guess, made on the side of not showing:
/// the tool cannot know a key it has not been given.
pub(crate) fn may_be_credential(text: &str) -> bool {
    of_the_key(text) || shaped(text, true)
}

/// Whether `text` may hold a UserSig: a URL's `usersig` parameter, whatever
/// its value (not a guess), or the shape of one (a run of [`USERSIG_RUN`]
/// characters of its alphabet mixing capitals, small letters and digits).
/// Asked of a request's own text the CLI prints (a property's name), which
/// a key's shape (hexadecimal digits, as in a hash) is not asked of.
pub(crate) fn may_be_usersig(text: &str) -> bool {
    shaped(text, false)
}

/// [`may_be_usersig`], and with `hex` a run of [`HEX_RUN`] hexadecimal
/// digits too.
fn shaped(text: &str, hex_too: bool) -> bool {
    // A request URL's `usersig` parameter (pasted as `--endpoint`, say)
    // holds one, whatever its shape.
    if usersig_parameter(text) {
        return true;
    }
    let text = &plain(text);
    let bytes = text.as_bytes();
    let mut hex = 0;
    let (mut run, mut upper, mut lower, mut digit) = (0, false, false, false);
    for (i, &b) in bytes.iter().enumerate() {
        let joins = matches!(b, b',' | b'=')
            && i > 0
            && bytes[i - 1].is_ascii_hexdigit()
            && bytes.get(i + 1).is_some_and(u8::is_ascii_hexdigit);
        if b.is_ascii_hexdigit() {
            hex += 1;
        } else if !joins {
            hex = 0;
        }
        if b.is_ascii_alphanumeric() || b"*-_".contains(&b) {
            run += 1;
            upper |= b.is_ascii_uppercase();
            lower |= b.is_ascii_lowercase();
            digit |= b.is_ascii_digit();
        } else {
            (run, upper, lower, digit) = (0, false, false, false);
        }
        if (hex_too && hex >= HEX_RUN) || (run >= USERSIG_RUN && upper && lower && digit) {
            return true;
        }
    }
    false
}

/// The pieces of the key read from `--key-file`, once it is read
/// ([`remember_key`]).
static KEY_FILE_PIECES: OnceLock<Pieces> = OnceLock::new();

/// Whether `text` holds a piece of a secret key the CLI was given (one of
/// its [`Pieces`]): the one set in `DESK_SCHEMA_SECRET_KEY`, and the one
/// read from `--key-file` once it is read ([`remember_key`]). The whole key
/// however split, or a piece of a key split across several arguments, alone
/// or inside a longer word (`KEY=PIECE`, `nofile-PIECE`). Unlike the shapes
/// [`may_be_credential`] guesses at, this is never a guess: such a text is
/// not shown even where it names a file.
pub(crate) fn of_the_key(text: &str) -> bool {
    /// The key's pieces, read once: every line the CLI prints may ask.
    static PIECES: OnceLock<Pieces> = OnceLock::new();
    PIECES
        .get_or_init(|| pieces(&std::env::var("DESK_SCHEMA_SECRET_KEY").unwrap_or_default()))
        .found_in(text)
        || KEY_FILE_PIECES.get().is_some_and(|p| p.found_in(text))
}

/// Makes [`of_the_key`] find `key`'s pieces from now on: the key read from
/// `--key-file`, which the CLI reads before anything it prints may quote a
/// request or an argument (once a run: a later call is ignored).
pub(crate) fn remember_key(key: &str) {
    remember_keys(&[key]);
}

/// [`remember_key`] for every key of `keys` at once (each `--key-file` the
/// arguments name); nothing for none.
pub(crate) fn remember_keys(keys: &[impl AsRef<str>]) {
    if keys.is_empty() {
        return;
    }
    let mut all = HashSet::new();
    for key in keys {
        all.extend(pieces(key.as_ref()).0);
    }
    let _ = KEY_FILE_PIECES.set(Pieces(all));
}

/// Whether `text` holds a piece of `key` of [`KEY_MIN`] letters and digits
/// (the whole key, however split, holds every piece): their letters and
/// digits alone compared, as `text` reads ([`plain`]), in either case (a
/// key in hexadecimal may be written in capitals). A key of fewer letters
/// and digits is found in no text: it would be found in too many. (Asked
/// of `send`'s `--endpoint` with the key read.)
#[cfg(feature = "client")]
pub(crate) fn holds(text: &str, key: &str) -> bool {
    pieces(key).found_in(text)
}

/// Every run of [`KEY_MIN`] letters and digits of a key, in small letters.
struct Pieces(HashSet<[u8; KEY_MIN]>);

/// `key`'s [`Pieces`] (none for a key of fewer letters and digits).
fn pieces(key: &str) -> Pieces {
    let key = alphanumeric(key);
    Pieces(
        key.as_bytes()
            .windows(KEY_MIN)
            .filter_map(|w| <[u8; KEY_MIN]>::try_from(w).ok())
            .collect(),
    )
}

impl Pieces {
    /// Whether `text` holds one of them (in time linear in `text`).
    fn found_in(&self, text: &str) -> bool {
        !self.0.is_empty()
            && alphanumeric(text)
                .as_bytes()
                .windows(KEY_MIN)
                .any(|w| <[u8; KEY_MIN]>::try_from(w).is_ok_and(|w| self.0.contains(&w)))
    }
}

/// `text` with each space-separated word of a line that holds a piece of
/// a key the CLI was given ([`of_the_key`]) written `mark`:
/// what the CLI prints of a request (a property's name in a violation)
/// never shows the key, though the request is the user's own text.
pub(crate) fn without_the_key<'a>(text: &'a str, mark: &str) -> Cow<'a, str> {
    words_not_shown(text, mark, of_the_key)
}

/// `text` with each space-separated word of a line that may hold a UserSig
/// ([`may_be_usersig`]) written `mark`: what `validate` prints of a request
/// or a response (a property's name), where no UserSig belongs (not the
/// name of the file it read, which it shows).
pub(crate) fn without_usersigs<'a>(text: &'a str, mark: &str) -> Cow<'a, str> {
    words_not_shown(text, mark, may_be_usersig)
}

/// The ASCII letters and digits of `text` as it reads ([`plain`]), in
/// small letters.
fn alphanumeric(text: &str) -> String {
    plain(text)
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// `text` as it reads: characters that show nothing (zero-width ones, the
/// soft hyphen, a no-break space) left out, also written as the escapes
/// the tool's own messages write them as (`\u200b`), and full-width letters
/// and digits (`ｄ５`) as the ASCII ones they look like, so that a key
/// copied with them is still one; and a UserSig's `*`, `-` and `_`
/// percent-encoded (`%2A`, as a URL writes them) read back.
fn plain(text: &str) -> String {
    /// Whether `c` shows nothing.
    fn invisible(c: char) -> bool {
        matches!(
            c,
            '\u{a0}' | '\u{ad}' | '\u{200b}'..='\u{200f}' | '\u{2060}' | '\u{feff}'
        )
    }
    let mut decoded = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find(['%', '\\']) {
        decoded.push_str(&rest[..at]);
        let (skip, read) = if rest[at..].starts_with('%') {
            // A UserSig in a URL has its `*` percent-encoded (`%2A`), which
            // would end the run of its characters (helper-159): read back,
            // with `-` and `_` should an encoder have written them so.
            let escape = rest.get(at..at + 3).map(str::to_ascii_uppercase);
            match escape.as_deref() {
                Some("%2A") => (3, Some('*')),
                Some("%2D") => (3, Some('-')),
                Some("%5F") => (3, Some('_')),
                _ => (1, Some('%')),
            }
        } else {
            // A character that shows nothing, as a message escapes it
            // (`\u200b`): left out, as it is where it is not escaped
            // (helper-160: it ended the run in a message, not in a figure).
            let code = rest
                .get(at + 2..at + 6)
                .filter(|_| rest[at + 1..].starts_with('u'))
                .and_then(|hex| u32::from_str_radix(hex, 16).ok())
                .and_then(char::from_u32);
            match code {
                Some(c) if invisible(c) => (6, None),
                _ => (1, Some('\\')),
            }
        };
        decoded.extend(read);
        rest = &rest[at + skip..];
    }
    decoded.push_str(rest);
    decoded
        .chars()
        .filter(|&c| !invisible(c))
        .map(|c| match c {
            '\u{ff01}'..='\u{ff5e}' => char::from_u32(u32::from(c) - 0xfee0).unwrap_or(c),
            c => c,
        })
        .collect()
}

/// `text` with each space-separated word of a line that
/// [`may_be_credential`] flags written `mark`: the last guard of a message
/// that quotes what was given in a form its maker chose (escaped, quoted).
pub(crate) fn without_credentials(text: &str, mark: &str) -> String {
    words_not_shown(text, mark, may_be_credential).into_owned()
}

/// `text` with each space-separated word that `hides` of a line that
/// `hides` written `mark` (the line is asked first: most lines hold
/// nothing, and are returned as they are).
/// Whether `text` holds a request URL's `usersig` parameter (`usersig=`,
/// or percent-encoded `usersig%3D`, in any case): a UserSig follows,
/// whatever its shape.
fn usersig_parameter(text: &str) -> bool {
    let lower = text.to_ascii_lowercase();
    lower.contains("usersig=") || lower.contains("usersig%3d")
}

fn words_not_shown<'a>(text: &'a str, mark: &str, hides: fn(&str) -> bool) -> Cow<'a, str> {
    if !text.split('\n').any(hides) {
        return Cow::Borrowed(text);
    }
    let lines: Vec<String> = text
        .split('\n')
        .map(|line| {
            if !hides(line) {
                return line.to_owned();
            }
            // A `usersig` parameter: what follows it is the UserSig,
            // whatever its shape, in that word or the next (helper-185:
            // `usersig= eJy...` showed it after the space).
            if usersig_parameter(line) {
                return mark.to_owned();
            }
            let words = line
                .split(' ')
                .map(|word| if hides(word) { mark } else { word })
                .collect::<Vec<_>>()
                .join(" ");
            // A piece split across words (`"6878 84a7"`): the line goes.
            if hides(&words) {
                mark.to_owned()
            } else {
                words
            }
        })
        .collect();
    Cow::Owned(lines.join("\n"))
}

#[cfg(test)]
mod tests {
    use super::may_be_credential;

    #[test]
    fn the_shapes_of_a_key_and_a_usersig() {
        let key = "0123456789abcdef".repeat(4);
        assert!(may_be_credential(&key));
        assert!(may_be_credential(&format!("a,{key}")));
        assert!(may_be_credential(&format!("--{key}")));
        assert!(may_be_credential(&key[..32]));
        assert!(!may_be_credential(&key[..31]));
        // Split into a list or an assignment, in pieces under 32 digits.
        assert!(may_be_credential(&format!(
            "{},{},{}",
            &key[..21],
            &key[21..42],
            &key[42..]
        )));
        assert!(may_be_credential(&format!("{}={}", &key[..20], &key[20..])));
        // Not across white space: names made of numbers.
        assert!(!may_be_credential(
            "apps 1400000001 1400000002 1400000003 1400000004.json"
        ));
        // With characters that show nothing, or in full-width letters.
        assert!(may_be_credential(
            &key.chars()
                .flat_map(|c| [c, '\u{200b}'])
                .collect::<String>()
        ));
        let wide: String = key
            .chars()
            .map(|c| char::from_u32(u32::from(c) + 0xfee0).unwrap())
            .collect();
        assert!(may_be_credential(&wide));
        // A UserSig's URL-safe base64, and a piece of it.
        let sig = "eJyrVgrxCdYrSy1SslIyVNIBSxWnZicWZeanQKSqUoqLcxBSJQmZKalAkTIjAwMTAyMjU*j-IKsvPTVYCAB2LQ__";
        assert!(may_be_credential(sig));
        assert!(may_be_credential(&sig[..48]));
        assert!(may_be_credential(&format!("{}/{}", &sig[..48], &sig[48..])));
        // Percent-encoded, as a URL writes it: its `*` every few characters
        // (a real one, signed with the page's sample key; helper-159).
        let encoded = "eJw9zFELgjAUBeD-cp9DnDkmQq8SFcEyAh%2AHu8lFNsYcsoj%2Ae0ul%2A3a%2Ac7hvuF-abEYPNRRZDrslk0Yb6EkLK23IbsWkR%2AUcaahZmW%2A3NoEMJhUJuGB7sSpGR-7nnPPiv51oSH-bUIU%2A8EY%2AjkPjmY%2AyO3UWK%2AzjWSrP5qsiheZmXuUBPl8iwTI5";
        assert!(may_be_credential(encoded));
        // A request URL's `usersig`, whatever its value.
        for url in [
            "https://console.tim.qq.com/v4/desk_http_svc/create_group?sdkappid=1&identifier=a&usersig=abc&random=1",
            "console.tim.qq.com/x%3FUserSig%3Dabc",
        ] {
            assert!(may_be_credential(url), "{url}");
        }
        // What people name files, accounts and hosts.
        for shown in [
            "create_group_request_for_the_support_team_2026.json",
            "requests/2026-12-03/customer-service-escalations-beijing.json",
            "/home/Alice/Projects2026/desk/requests/create.json",
            "requests/Q3-2026/BeijingEscalations/create-group.json",
            "3F2504E0-4F89-11D3-9A0C-0305E82C3301-request.json",
            "https://desk.tencentcloudapi.com",
            "https://console.tim.qq.com/v4/desk_http_svc/create_group?sdkappid=1",
            "report-100%-done-2026-12-03-customer-service-escalations.json",
            "usersig",
            "1400000000",
            "admin",
            "@TGS#2C5SZEAEF",
            "xml",
            "zh-TW",
        ] {
            assert!(!may_be_credential(shown), "{shown}");
        }
    }

    #[test]
    fn the_last_guard_takes_out_a_word_in_any_form() {
        let key = "0123456789abcdef".repeat(4);
        let text = format!("error: not an endpoint: \"\\u001b{key}\" (give HOST)\nUsage: x");
        let shown = super::without_credentials(&text, "<m>");
        assert_eq!(shown, "error: not an endpoint: <m> (give HOST)\nUsage: x");
    }
}
