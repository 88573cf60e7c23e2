use core::fmt;
use std::fmt::Write as _;

use serde::{Deserialize, Deserializer, Serialize};

use crate::Locale;
use crate::i18n::InLocale;

/// The REST API's host in the Chinese mainland region, as the API page's
/// sample request gives it. Other regions have their own (Singapore's is
/// `adminapisgp.im.qcloud.com`): Tencent lists them in the Chat [RESTful
/// API Overview](https://www.tencentcloud.com/document/product/1047/34620).
pub const DEFAULT_HOST: &str = "console.tim.qq.com";

/// A UserSig: the administrator's signature, a credential.
///
/// `Debug` and `Display` print a redaction; the value is reachable only
/// through [`UserSig::expose`], and is never part of a validation report.
///
/// ```
/// use desk_schema::create_group::UserSig;
/// let sig = UserSig::new("eJwtzM0KgkAU");
/// assert_eq!(format!("{sig:?} {sig}"), "UserSig(<redacted>) <redacted>");
/// assert_eq!(sig.expose(), "eJwtzM0KgkAU");
/// ```
#[derive(Clone, PartialEq, Eq)]
pub struct UserSig(String);

impl UserSig {
    /// Wraps a signature.
    pub fn new(sig: impl Into<String>) -> Self {
        UserSig(sig.into())
    }

    /// The signature itself, for building the request URL.
    #[must_use]
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for UserSig {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("UserSig(<redacted>)")
    }
}

impl fmt::Display for UserSig {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("<redacted>")
    }
}

impl<'de> Deserialize<'de> for UserSig {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        String::deserialize(deserializer).map(UserSig)
    }
}

impl schemars::JsonSchema for UserSig {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "UserSig".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({ "type": "string", "writeOnly": true })
    }
}

/// The request format: always `json`.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, desk_schema_derive::Validate,
)]
pub enum ContentType {
    /// JSON, the only format.
    #[default]
    #[serde(rename = "json")]
    Json,
}

/// The query parameters of the request URL.
///
/// ```
/// use desk_schema::create_group::{RequestParams, UserSig};
/// let params = RequestParams::new(88888888, "admin", UserSig::new("xxx"), 99999999);
/// assert_eq!(
///     params.url(),
///     "https://console.tim.qq.com/v4/desk_http_svc/create_group?sdkappid=88888888&identifier=admin&usersig=xxx&random=99999999&contenttype=json"
/// );
/// assert!(!format!("{params:?}").contains("xxx"));
/// // Display is the query string for logs, with the UserSig redacted.
/// assert_eq!(
///     params.to_string(),
///     "sdkappid=88888888&identifier=admin&usersig=<redacted>&random=99999999&contenttype=json"
/// );
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Deserialize, desk_schema_derive::Validate)]
#[serde(deny_unknown_fields)]
pub struct RequestParams {
    /// The app's SDKAppID from the Chat console (the page). At least 1 is desk-schema's rule: no app has SDKAppID 0.
    #[desk(range(min = 1))]
    pub sdkappid: u64,
    /// An App administrator's UserID (the page): 1 to 32 bytes of printable ASCII, a Chat UserID's limits (not on the page: Tencent Chat's UserID rules, trtc.io document 34348, error 7003).
    #[desk(min_bytes = 1, max_bytes = 32, printable_ascii)]
    pub identifier: String,
    /// The administrator's UserSig (the page; a credential: never printed).
    #[desk(skip)]
    pub usersig: UserSig,
    /// A random 32-bit unsigned integer, 0 to 4294967295 (the page).
    #[desk(skip)]
    pub random: u32,
    /// The request format: always `json` (the page).
    #[serde(default)]
    #[desk(nested)]
    pub contenttype: ContentType,
}

impl RequestParams {
    /// Parameters for a request.
    pub fn new(
        sdkappid: u64,
        identifier: impl Into<String>,
        usersig: UserSig,
        random: u32,
    ) -> Self {
        RequestParams {
            sdkappid,
            identifier: identifier.into(),
            usersig,
            random,
            contenttype: ContentType::Json,
        }
    }

    /// The request URL on [`DEFAULT_HOST`]. It contains the UserSig: send it, do not log it.
    #[must_use]
    pub fn url(&self) -> String {
        self.url_at(&format!("https://{DEFAULT_HOST}"))
    }

    /// The request URL on `host` (another region's REST API host, with an
    /// optional port), over `https`. It contains the UserSig: send it, do
    /// not log it.
    ///
    /// ```
    /// use desk_schema::create_group::{RequestParams, UserSig};
    /// let params = RequestParams::new(88888888, "admin", UserSig::new("xxx"), 99999999);
    /// let url = params.url_on("adminapisgp.im.qcloud.com").unwrap();
    /// assert!(url.starts_with("https://adminapisgp.im.qcloud.com/v4/desk_http_svc/create_group?"));
    /// // Text that would send the UserSig to another host is refused.
    /// assert!(params.url_on("console.tim.qq.com@evil.example").is_err());
    /// assert!(params.url_on("evil.example/x?a=").is_err());
    /// ```
    ///
    /// # Errors
    ///
    /// [`InvalidHost`] when `host` is not a DNS name, a dotted-quad IPv4
    /// address or a bracketed IPv6 address with an optional port (a
    /// scheme, a space, or a `/`, `?`, `#` or `@` that would change the
    /// URL around the UserSig).
    pub fn url_on(&self, host: &str) -> Result<String, InvalidHost> {
        if authority_host(host).is_none() {
            return Err(InvalidHost(host.to_owned()));
        }
        Ok(self.url_at(&format!("https://{host}")))
    }

    /// The request URL under `base`, a scheme and an authority.
    pub(crate) fn url_at(&self, base: &str) -> String {
        let mut url = format!(
            "{base}/v4/desk_http_svc/create_group?sdkappid={}",
            self.sdkappid
        );
        url.push_str("&identifier=");
        percent_encode(&mut url, &self.identifier);
        url.push_str("&usersig=");
        percent_encode(&mut url, self.usersig.expose());
        let _ = write!(url, "&random={}&contenttype=json", self.random);
        url
    }
}

/// The query string, with the UserSig redacted: what a log may show.
impl fmt::Display for RequestParams {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut identifier = String::new();
        percent_encode(&mut identifier, &self.identifier);
        write!(
            f,
            "sdkappid={}&identifier={identifier}&usersig={}&random={}&contenttype=json",
            self.sdkappid, self.usersig, self.random
        )
    }
}

/// A host or endpoint that does not make a valid request URL (or plain
/// `http` to another machine). Its `Display` and `Debug` quote the text
/// without a URL's userinfo ([`crate::text::without_userinfo`]), which may
/// hold a password, and without its query or fragment
/// ([`crate::text::without_query`]): a request URL pasted as the endpoint
/// holds the UserSig there.
#[derive(Clone, PartialEq, Eq)]
pub struct InvalidHost(pub String);

impl fmt::Display for InvalidHost {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.fmt_in(f, Locale::En)
    }
}

impl InvalidHost {
    /// Why, in `locale`'s words (the text quoted without its userinfo).
    #[must_use]
    pub fn localized(&self, locale: Locale) -> impl fmt::Display + '_ {
        InLocale(move |f: &mut fmt::Formatter<'_>| self.fmt_in(f, locale))
    }

    /// The text as its messages show it: without userinfo, query or
    /// fragment. Given as a host, everything before an `@` is userinfo,
    /// with or without a scheme or a `:` (`hunter2@host`, which
    /// [`crate::text::without_userinfo`] keeps, as a UserID may read so).
    ///
    /// ```
    /// use desk_schema::create_group::InvalidHost;
    /// let shown = |text: &str| InvalidHost(text.to_owned()).shown();
    /// assert_eq!(shown("hunter2@console.tim.qq.com"), "<redacted>@console.tim.qq.com");
    /// assert_eq!(shown("https://u:p@host/x?usersig=eJw"), "https://<redacted>@host/x?<redacted>");
    /// assert_eq!(shown("exa mple.com"), "exa mple.com");
    /// assert_eq!(shown("<redacted>@x hunter2@host"), "<redacted>@host");
    /// ```
    #[must_use]
    pub fn shown(&self) -> String {
        let text = crate::text::without_userinfo(&self.0);
        // Everything between the scheme (if any) and the last `@` (already
        // `<redacted>` when `without_userinfo` took it: the same again).
        let text = match text.rfind('@') {
            Some(at) => {
                let start = text.find("://").map_or(0, |scheme| scheme + 3);
                if start <= at {
                    format!("{}<redacted>{}", &text[..start], &text[at..]).into()
                } else {
                    text
                }
            }
            None => text,
        };
        crate::text::without_query(&text).into_owned()
    }

    fn fmt_in(&self, f: &mut fmt::Formatter<'_>, locale: Locale) -> fmt::Result {
        let host = crate::text::quoted(&self.shown()).to_string();
        match locale {
            Locale::ZhCn => write!(
                f,
                "不是有效的地址：{host}（请写 HOST[:PORT] 或 https://HOST[:PORT]；http:// 只能指向本机）"
            ),
            _ => write!(
                f,
                "not an endpoint: {host} (give HOST[:PORT] or https://HOST[:PORT]; plain http:// only to this machine)"
            ),
        }
    }
}

impl fmt::Debug for InvalidHost {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("InvalidHost").field(&self.shown()).finish()
    }
}

impl std::error::Error for InvalidHost {}

/// The host of `authority` (`host`, `host:port`, `[v6]` or `[v6]:port`) when
/// it is a DNS name, a dotted-quad IPv4 address or a bracketed IPv6 address,
/// with a port from 1 to 65535 if any.
pub(crate) fn authority_host(authority: &str) -> Option<&str> {
    let (host, port) = if let Some(rest) = authority.strip_prefix('[') {
        let (v6, after) = rest.split_once(']')?;
        v6.parse::<std::net::Ipv6Addr>().ok()?;
        let port = match after {
            "" => None,
            _ => Some(after.strip_prefix(':')?),
        };
        (&authority[..v6.len() + 2], port)
    } else {
        let (host, port) = match authority.split_once(':') {
            Some((host, port)) => (host, Some(port)),
            None => (authority, None),
        };
        dns_name_or_ipv4(host).then_some(())?;
        (host, port)
    };
    if let Some(port) = port
        && !(port.bytes().all(|b| b.is_ascii_digit()) && port.parse::<u16>().is_ok_and(|p| p > 0))
    {
        return None;
    }
    Some(host)
}

/// A dotted-quad IPv4 address, or a DNS name whose last label is not a
/// number (`127.1` and `0x7f.1` are refused: resolvers read them as
/// addresses other than what they show).
fn dns_name_or_ipv4(host: &str) -> bool {
    if host.parse::<std::net::Ipv4Addr>().is_ok() {
        return true;
    }
    let labels: Vec<&str> = host.split('.').collect();
    let label_ok = |l: &&str| {
        !l.is_empty()
            && l.len() <= 63
            && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
            && !l.starts_with('-')
            && !l.ends_with('-')
    };
    let last = labels.last().copied().unwrap_or("");
    let numeric = last.bytes().all(|b| b.is_ascii_digit())
        || last.get(..2).is_some_and(|p| p.eq_ignore_ascii_case("0x"));
    host.len() <= 253 && labels.iter().all(label_ok) && !numeric
}

/// Percent-encodes everything but RFC 3986's unreserved characters.
pub(crate) fn percent_encode(out: &mut String, text: &str) {
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(b));
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
}
