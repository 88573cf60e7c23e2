//! UserSig, the signature a `usersig` query parameter carries: Tencent's
//! TLSSigAPIv2, as its Node.js package `tls-sig-api-v2` writes it (feature
//! `usersig`).
//!
//! A UserSig is a JSON document (`TLS.ver`, `TLS.identifier`,
//! `TLS.sdkappid`, `TLS.time`, `TLS.expire`, `TLS.sig`) compressed with zlib
//! and written in base64 with `+`, `/` and `=` replaced by `*`, `-` and `_`.
//! `TLS.sig` is the base64 HMAC-SHA256, keyed with the app's secret key, of
//! the lines `TLS.identifier:ID`, `TLS.sdkappid:N`, `TLS.time:T` and
//! `TLS.expire:E`, each ending in `\n`. A signature made here verifies with
//! Tencent's package, and one made by it verifies here (the conformance
//! suite runs both directions).
//!
//! ```
//! use desk_schema::usersig::{self, SecretKey};
//! let key = SecretKey::new("5bd2850fff3ecb11d7c805251c51ee463a25727bddc2385f3fa8bfee1bb93b5e");
//! let sig = usersig::generate_at(1_400_000_000, "administrator", &key, 86_400, 1_700_000_000);
//! let claims = usersig::verify(&sig, &key, 1_700_000_100).unwrap();
//! assert_eq!((claims.sdkappid, claims.identifier.as_str()), (1_400_000_000, "administrator"));
//! assert!(usersig::verify(&sig, &key, 1_700_086_401).is_err()); // expired
//! ```

use core::fmt;
use std::io::{Read, Write};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use hmac::{Hmac, Mac};
use serde::{Deserialize, Serialize};
use sha2::Sha256;

use crate::create_group::UserSig;

/// How long a UserSig lasts unless told otherwise: 180 days, as Tencent's
/// own libraries default to.
pub const DEFAULT_EXPIRE: Duration = Duration::from_secs(180 * 24 * 60 * 60);

/// The longest a UserSig lasts that every one of Tencent's libraries reads
/// as made: 2^31 - 1 seconds (68 years). See [`generate`].
pub const MAX_EXPIRE: Duration = Duration::from_secs(i32::MAX as u64);

/// The app's secret key (from the Chat console): a credential. `Debug`
/// shows no part of it and it has no `Display`.
#[derive(Clone)]
pub struct SecretKey(String);

impl SecretKey {
    /// The key as the console shows it (64 hexadecimal digits). It signs
    /// byte for byte, as Tencent's libraries do: trim what a
    /// file adds (`std::fs::read_to_string(path)?.trim()`), or the line
    /// break signs UserSigs that Tencent refuses (70003). The CLI refuses a
    /// key with a line break, a space, a control or a non-ASCII character
    /// inside it.
    #[must_use]
    pub fn new(key: impl Into<String>) -> Self {
        SecretKey(key.into())
    }
}

impl fmt::Debug for SecretKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("SecretKey(<redacted>)")
    }
}

/// What a UserSig says, once its signature is checked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Claims {
    /// The account it signs for (an App administrator for REST calls).
    pub identifier: String,
    /// The app.
    pub sdkappid: u64,
    /// When it was made, in seconds since the Unix epoch.
    pub time: u64,
    /// How long it lasts, in seconds.
    pub expire: u64,
    /// `TLS.userbuf` (base64), signed too, in Tencent's PrivateMapKey form;
    /// `None` in a plain UserSig.
    pub userbuf: Option<String>,
}

impl Claims {
    /// The last second it is valid, in seconds since the Unix epoch
    /// (`TLS.time + TLS.expire`): Tencent's verifiers refuse it only after
    /// that second (`now > time + expire`, in tls-sig-api-v2), and so does
    /// [`verify`].
    #[must_use]
    pub fn expires_at(&self) -> u64 {
        self.time.saturating_add(self.expire)
    }
}

/// Why a UserSig is refused. No variant carries the signature or the key.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum UserSigError {
    /// Not base64 in Tencent's alphabet, not zlib, or not the JSON document.
    Malformed(&'static str),
    /// A version other than `2.0`.
    Version,
    /// The signature does not match the key.
    Signature,
    /// It expired: valid until this second (seconds since the Unix epoch),
    /// and checked after it.
    Expired {
        /// The last second it was valid ([`Claims::expires_at`]).
        at: u64,
    },
}

/// `secs` since the Unix epoch as a date and time in UTC, ISO 8601's order
/// (`2026-12-07 12:05:56 UTC`), which reads the same in English and in
/// Chinese; `None` past the year 9999 (a UserSig may claim any time).
/// httpdate does the calendar (its IMF-fixdate, `Mon, 07 Dec 2026 12:05:56
/// GMT`, read back here in that order).
fn date(secs: u64) -> Option<String> {
    /// 10000-01-01T00:00:00Z.
    const YEAR_10000: u64 = 253_402_300_800;
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    if secs >= YEAR_10000 {
        return None;
    }
    let imf = httpdate::fmt_http_date(UNIX_EPOCH + Duration::from_secs(secs));
    // `Www, DD Mmm YYYY hh:mm:ss GMT`
    let mut parts = imf.split(' ').skip(1);
    let (day, month, year, time) = (parts.next()?, parts.next()?, parts.next()?, parts.next()?);
    let month = MONTHS.iter().position(|m| *m == month)? + 1;
    Some(format!("{year}-{month:02}-{day} {time} UTC"))
}

impl fmt::Display for UserSigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.fmt_in(f, crate::Locale::En)
    }
}

impl UserSigError {
    /// Why, in `locale`'s words (`签名与密钥不符`).
    #[must_use]
    pub fn localized(&self, locale: crate::Locale) -> impl fmt::Display + '_ {
        crate::i18n::InLocale(move |f: &mut fmt::Formatter<'_>| self.fmt_in(f, locale))
    }

    fn fmt_in(&self, f: &mut fmt::Formatter<'_>, locale: crate::Locale) -> fmt::Result {
        if locale != crate::Locale::ZhCn {
            return match self {
                UserSigError::Malformed(why) if *why == EMPTY => {
                    f.write_str("the UserSig is empty")
                }
                UserSigError::Malformed(why) => write!(f, "not a UserSig: {why}"),
                UserSigError::Version => {
                    f.write_str("not a TLSSigAPIv2 UserSig (TLS.ver is not 2.0)")
                }
                UserSigError::Signature => {
                    f.write_str("the signature does not match the secret key")
                }
                UserSigError::Expired { at } => match date(*at) {
                    Some(date) => write!(f, "expired: valid until {date} (Unix time {at})"),
                    None => write!(f, "expired: valid until Unix time {at}"),
                },
            };
        }
        match self {
            UserSigError::Malformed(why) => {
                if *why == EMPTY {
                    return f.write_str("UserSig 为空");
                }
                let why = match *why {
                    LONG => "超过 64 KiB",
                    NOT_BASE64 => "不是 base64 文本",
                    NOT_ZLIB => "不是 zlib 压缩的数据",
                    NOT_DOCUMENT => "解压后不是 TLS 文档",
                    OVERFLOW => "TLS.time 加 TLS.expire 溢出",
                    LARGE_DOCUMENT => "解压后的文档超过 64 KiB",
                    other => other,
                };
                write!(f, "不是 UserSig：{why}")
            }
            UserSigError::Version => f.write_str("不是 TLSSigAPIv2 的 UserSig（TLS.ver 不是 2.0）"),
            UserSigError::Signature => f.write_str("签名与密钥不符"),
            UserSigError::Expired { at } => match date(*at) {
                Some(date) => write!(f, "已过期：有效期至 {date}（Unix 时间戳 {at}）"),
                None => write!(f, "已过期：有效期至 Unix 时间戳 {at}"),
            },
        }
    }
}

/// Why a text is not a UserSig, each said in English here and in Chinese
/// by [`UserSigError::localized`].
const EMPTY: &str = "empty";
const LONG: &str = "longer than 64 KiB";
const NOT_BASE64: &str = "not base64";
const NOT_ZLIB: &str = "not zlib";
const NOT_DOCUMENT: &str = "not the TLS document";
const OVERFLOW: &str = "TLS.time + TLS.expire overflows";
const LARGE_DOCUMENT: &str = "its document is larger than 64 KiB";

impl std::error::Error for UserSigError {}

/// The document inside a UserSig, in the order Tencent's package writes it.
#[derive(Serialize, Deserialize)]
struct Document {
    #[serde(rename = "TLS.ver")]
    ver: String,
    #[serde(rename = "TLS.identifier")]
    identifier: String,
    #[serde(rename = "TLS.sdkappid")]
    sdkappid: u64,
    #[serde(rename = "TLS.time")]
    time: u64,
    #[serde(rename = "TLS.expire")]
    expire: u64,
    #[serde(
        rename = "TLS.userbuf",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    userbuf: Option<String>,
    #[serde(rename = "TLS.sig")]
    sig: String,
}

/// The HMAC-SHA256 of the signed lines, keyed with `key` (with the
/// `TLS.userbuf` line when there is one, as Tencent's code signs it).
fn mac(
    key: &SecretKey,
    identifier: &str,
    sdkappid: u64,
    time: u64,
    expire: u64,
    userbuf: Option<&str>,
) -> Hmac<Sha256> {
    let mut content = format!(
        "TLS.identifier:{identifier}\nTLS.sdkappid:{sdkappid}\nTLS.time:{time}\nTLS.expire:{expire}\n"
    );
    if let Some(userbuf) = userbuf {
        content.push_str("TLS.userbuf:");
        content.push_str(userbuf);
        content.push('\n');
    }
    let mut mac =
        Hmac::<Sha256>::new_from_slice(key.0.as_bytes()).expect("HMAC takes a key of any length");
    mac.update(content.as_bytes());
    mac
}

/// A UserSig for `identifier` in app `sdkappid`, made now, lasting `expire`.
///
/// Keep `expire` at most 2^31 - 1 seconds (68 years; Tencent's default is
/// 180 days): Tencent's C++ library reads the expiry as an `int`, its Go one
/// adds it to the time in an `int64`, and JavaScript reads it as a double,
/// so a longer one is a UserSig some of Tencent's own code misreads (the
/// CLI's `--expire` refuses more).
#[must_use]
pub fn generate(sdkappid: u64, identifier: &str, key: &SecretKey, expire: Duration) -> UserSig {
    generate_at(sdkappid, identifier, key, expire.as_secs(), now())
}

/// [`generate`] at `time` (seconds since the Unix epoch), lasting
/// `expire_secs`: the same inputs give the same UserSig. Keep `time +
/// expire_secs` within `u64`: a UserSig that ends past it is one [`verify`]
/// refuses as malformed; and `expire_secs` within 2^31 - 1, as [`generate`]
/// says.
///
/// # Panics
///
/// Never: the document serializes, and compressing it writes to memory.
#[must_use]
pub fn generate_at(
    sdkappid: u64,
    identifier: &str,
    key: &SecretKey,
    expire_secs: u64,
    time: u64,
) -> UserSig {
    let document = Document {
        ver: "2.0".to_owned(),
        identifier: identifier.to_owned(),
        sdkappid,
        time,
        expire: expire_secs,
        userbuf: None,
        sig: STANDARD.encode(
            mac(key, identifier, sdkappid, time, expire_secs, None)
                .finalize()
                .into_bytes(),
        ),
    };
    let json = serde_json::to_vec(&document).expect("the document serializes");
    let mut zlib = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
    zlib.write_all(&json).expect("writing to memory");
    let compressed = zlib.finish().expect("writing to memory");
    let text: String = STANDARD
        .encode(compressed)
        .chars()
        .map(|c| match c {
            '+' => '*',
            '/' => '-',
            '=' => '_',
            other => other,
        })
        .collect();
    UserSig::new(text)
}

/// The signature inside `usersig` (its document's `TLS.sig`, the HMAC in
/// standard base64), and that HMAC in hexadecimal, lower and upper case:
/// with the claims, which are no secret, it makes the UserSig again, so an
/// answer that quotes it quotes the UserSig. None for text that is not a
/// UserSig.
#[cfg(feature = "http")]
pub(crate) fn inner_signatures(usersig: &UserSig) -> Vec<String> {
    let Ok(d) = decode(usersig.expose()) else {
        return Vec::new();
    };
    let mut forms = Vec::new();
    if let Ok(mac) = STANDARD.decode(&d.sig) {
        let hex = mac.iter().fold(String::new(), |mut hex, b| {
            use core::fmt::Write as _;
            let _ = write!(hex, "{b:02x}");
            hex
        });
        forms.push(hex.to_ascii_uppercase());
        forms.push(hex);
    }
    forms.push(d.sig);
    forms
}

/// The most a UserSig's document may hold once inflated; Tencent's are a
/// few hundred bytes.
const MAX_DOCUMENT: u64 = 64 * 1024;

/// The document in `usersig`, its signature not yet checked.
fn decode(usersig: &str) -> Result<Document, UserSigError> {
    // Base64 of a compressed document of at most `MAX_DOCUMENT` bytes is
    // shorter than that: anything longer is refused before it is decoded.
    if usersig.len() as u64 > MAX_DOCUMENT {
        return Err(UserSigError::Malformed(LONG));
    }
    let standard: String = usersig
        .chars()
        .map(|c| match c {
            '*' => '+',
            '-' => '/',
            '_' => '=',
            other => other,
        })
        .collect();
    // Tencent's own decoder pads as it needs.
    let bare = standard.trim_end_matches('=');
    // Empty text, or padding alone, is base64 of nothing, which zlib would
    // refuse: said as what it is.
    if bare.is_empty() {
        return Err(UserSigError::Malformed(EMPTY));
    }
    let padded = format!("{bare}{}", "=".repeat((4 - bare.len() % 4) % 4));
    let compressed = STANDARD
        .decode(padded)
        .map_err(|_| UserSigError::Malformed(NOT_BASE64))?;
    let mut json = Vec::new();
    flate2::read::ZlibDecoder::new(&compressed[..])
        .take(MAX_DOCUMENT + 1)
        .read_to_end(&mut json)
        .map_err(|_| UserSigError::Malformed(NOT_ZLIB))?;
    if json.len() as u64 > MAX_DOCUMENT {
        return Err(UserSigError::Malformed(LARGE_DOCUMENT));
    }
    // An object, as Tencent's code reads it: serde's derive alone would
    // also read the document from an array of its values (helper-160's
    // kind: `call::outcome` took `["FAIL", 10025]` for a failure).
    let mut de = serde_json::Deserializer::from_slice(&json);
    Document::deserialize(crate::strict::Strict(&mut de))
        .and_then(|document| de.end().map(|()| document))
        .map_err(|_| UserSigError::Malformed(NOT_DOCUMENT))
}

/// Checks `usersig` against `key` at `now` (seconds since the Unix epoch):
/// its claims, or why it is refused.
///
/// # Errors
///
/// [`UserSigError`]: malformed, another version, a signature that does not
/// match the key, or expired.
pub fn verify(usersig: &UserSig, key: &SecretKey, now: u64) -> Result<Claims, UserSigError> {
    let d = decode(usersig.expose())?;
    if d.ver != "2.0" {
        return Err(UserSigError::Version);
    }
    let sig = STANDARD
        .decode(&d.sig)
        .map_err(|_| UserSigError::Signature)?;
    // In constant time, as a MAC is compared.
    mac(
        key,
        &d.identifier,
        d.sdkappid,
        d.time,
        d.expire,
        d.userbuf.as_deref(),
    )
    .verify_slice(&sig)
    .map_err(|_| UserSigError::Signature)?;
    let claims = Claims {
        identifier: d.identifier,
        sdkappid: d.sdkappid,
        time: d.time,
        expire: d.expire,
        userbuf: d.userbuf,
    };
    if claims.time.checked_add(claims.expire).is_none() {
        return Err(UserSigError::Malformed(OVERFLOW));
    }
    // Valid through its last second, as Tencent's verifiers read it.
    if now > claims.expires_at() {
        return Err(UserSigError::Expired {
            at: claims.expires_at(),
        });
    }
    Ok(claims)
}

/// Seconds since the Unix epoch.
#[must_use]
pub fn now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

#[cfg(test)]
mod tests {
    use super::{
        EMPTY, LARGE_DOCUMENT, LONG, NOT_BASE64, NOT_DOCUMENT, NOT_ZLIB, OVERFLOW, UserSigError,
    };

    /// A document written as an array of its values, signed right, is no
    /// UserSig: Tencent's code reads an object (serde's derive alone reads
    /// either).
    #[test]
    fn a_document_that_is_an_array_is_refused() {
        use super::{SecretKey, generate_at, verify};
        let key =
            SecretKey::new("5bd2850fff3ecb11d7c805251c51ee463a25727bddc2385f3fa8bfee1bb93b5e");
        let sig = generate_at(1_400_000_000, "admin", &key, 86_400, 1_700_000_000);
        assert!(verify(&sig, &key, 1_700_000_001).is_ok());
        let document = super::decode(sig.expose()).unwrap();
        let array = serde_json::json!([
            document.ver,
            document.identifier,
            document.sdkappid,
            document.time,
            document.expire,
            null,
            document.sig
        ]);
        let text = reencoded(&serde_json::to_vec(&array).unwrap());
        let refused = verify(&super::UserSig::new(text), &key, 1_700_000_001);
        assert!(
            matches!(refused, Err(UserSigError::Malformed(why)) if why == NOT_DOCUMENT),
            "{refused:?}"
        );
    }

    /// `json` compressed and written as a UserSig is.
    fn reencoded(json: &[u8]) -> String {
        use base64::Engine as _;
        use std::io::Write as _;
        let mut zlib = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
        zlib.write_all(json).unwrap();
        base64::engine::general_purpose::STANDARD
            .encode(zlib.finish().unwrap())
            .replace('+', "*")
            .replace('/', "-")
            .replace('=', "_")
    }

    /// Every reason a text is not a UserSig is said in Chinese, none left
    /// in English.
    #[test]
    fn every_reason_is_said_in_chinese() {
        for why in [
            EMPTY,
            LONG,
            NOT_BASE64,
            NOT_ZLIB,
            NOT_DOCUMENT,
            OVERFLOW,
            LARGE_DOCUMENT,
        ] {
            let zh = UserSigError::Malformed(why)
                .localized(crate::Locale::ZhCn)
                .to_string();
            assert!(
                (zh.starts_with("不是 UserSig：") || zh == "UserSig 为空") && !zh.contains(why),
                "{zh}"
            );
        }
    }
}
