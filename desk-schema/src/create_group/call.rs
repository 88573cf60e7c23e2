//! The `create_group` call without I/O (feature `http`): the `http::Request`
//! to send, and the typed [`Outcome`] of the status and body that come
//! back. Any HTTP client can send the one and read the other.
//!
//! ```
//! use desk_schema::Validate;
//! use desk_schema::create_group::call::{self, Outcome};
//! use desk_schema::create_group::{CreateGroupRequest, GroupType, Member, RequestParams, UserSig};
//!
//! let request = CreateGroupRequest::new(GroupType::Public, "team-a", "Support")
//!     .member(Member::new("user2"))
//!     .member(Member::customer_service())
//!     .validate_into()
//!     .unwrap();
//! let params = RequestParams::new(1_400_000_000, "administrator", UserSig::new("eJw..."), 0);
//! let http = call::http_request(&params, &request).unwrap();
//! assert_eq!(http.method(), "POST");
//! assert!(http.uri().to_string().contains("&contenttype=json"));
//!
//! let body = br#"{"ActionStatus":"OK","ErrorCode":0,"ErrorInfo":"","GroupId":"team-a"}"#;
//! assert_eq!(call::outcome(200, body), Outcome::Created { group_id: "team-a".into() });
//! ```

use core::fmt;
use std::hash::{BuildHasher, Hasher};

pub use super::InvalidHost;
use super::params::authority_host;
use super::response::{Reading, UNREADABLE_INFO};
use super::{
    ApiError, CreateGroupRequest, CreateGroupResponse, DEFAULT_HOST, ErrorCode, RequestParams,
};
use crate::i18n::InLocale;
use crate::{Locale, Report, Valid};

/// What a `create_group` call came to.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Outcome {
    /// The group exists, with this ID.
    Created {
        /// The group's ID: the one the request asked for (this API requires it).
        group_id: String,
    },
    /// The server refused: its `ErrorCode` (with its meaning and retry
    /// advice, [`super::ErrorCode::retry`]) and `ErrorInfo`.
    Api(ApiError),
    /// A status other than 200: the page says only network errors, such as
    /// 502, leave 200. A 5xx is worth a retry, and so are a 408 (a proxy's
    /// time-out before the request reached the server) and a 429 (a rate
    /// limit on the way), which HTTP says may be retried; another 3xx or 4xx
    /// means a wrong host or URL.
    Http {
        /// The HTTP status.
        status: u16,
    },
    /// A body that is not a valid `create_group` response: every problem with
    /// it (the body itself is not kept). One that says `FAIL` with a code
    /// is [`Outcome::Api`] all the same ([`outcome`]).
    InvalidResponse(Report),
    /// 10025 ("the group ID is already used by you") after an earlier attempt
    /// whose outcome was unknown (a time-out, a lost connection, a 5xx, or
    /// the server's own failure or time-out: 10002, 141002, 60008, 70169,
    /// 70500), where the request's `Owner_Account` is the identifier or
    /// absent: the group exists and is yours, most likely created by that
    /// attempt (a group with the same ID made earlier by you gives the same
    /// answer). Only a client that retries gives it ([`super::client`]).
    CreatedEarlier {
        /// The group's ID, as the request gave it.
        group_id: String,
    },
    /// No answer: the connection could not be made, broke, or timed out.
    /// Only a client gives it ([`super::client`]).
    Transport(TransportError),
}

impl Outcome {
    /// The group's ID when the group exists: [`Outcome::Created`] or
    /// [`Outcome::CreatedEarlier`].
    #[must_use]
    pub fn group_id(&self) -> Option<&str> {
        match self {
            Outcome::Created { group_id } | Outcome::CreatedEarlier { group_id } => Some(group_id),
            _ => None,
        }
    }

    /// Whether the server may have acted on the request (made the group)
    /// though this outcome does not say so: no answer in time, a lost
    /// connection, an HTTP 5xx, or an API error that is the server's own
    /// failure or time-out (10002, 141002, 60008, 70169, 70500: the group
    /// may have been made before it): the outcomes after which the client
    /// reads a 10025 as [`Outcome::CreatedEarlier`]. False for a creation,
    /// which says so, for an answer that refuses the request, a request
    /// never sent (no connection, a TLS handshake refused), and also for an
    /// HTTP 4xx and an answer this client cannot read
    /// ([`Outcome::InvalidResponse`]), which end the call with no retry:
    /// neither tells whether the group was made.
    ///
    /// ```
    /// use desk_schema::create_group::call::Outcome;
    /// assert!(Outcome::Http { status: 502 }.may_have_acted());
    /// assert!(!Outcome::Http { status: 404 }.may_have_acted());
    /// ```
    #[must_use]
    pub fn may_have_acted(&self) -> bool {
        match self {
            Outcome::Http { status } => *status >= 500,
            Outcome::Transport(e) => matches!(
                e.kind,
                TransportErrorKind::Timeout | TransportErrorKind::Other
            ),
            Outcome::Api(e) => matches!(
                e.code,
                ErrorCode::SERVER_INTERNAL
                    | ErrorCode::DESK_INTERNAL
                    | ErrorCode::SERVICE_TIMEOUT
                    | ErrorCode::INTERNAL_TIMEOUT
                    | ErrorCode::INTERNAL_ERROR
            ),
            _ => false,
        }
    }

    /// Whether this outcome says, by itself, that the attempt made no
    /// group: an answer that refuses the request with a code Tencent's
    /// table knows (other than the server's own failure), HTTP 408 or 429
    /// (the request was not taken: too late, too often), or a request never
    /// sent (no connection, a TLS handshake refused). False for a creation,
    /// and for an outcome that says nothing either way: no answer, another
    /// HTTP status than 200 (a 4xx may come from a proxy, or from the server
    /// after it acted), a body that is not a response, the server's own
    /// failure, a code the table does not know, and the Desk codes after
    /// which the page does not say whether the group was made (141001 and
    /// 141011, no agent online; 141003, cannot transfer). An attempt before
    /// may still have made the group ([`crate::create_group::client::Sent::creation`]
    /// weighs that too).
    ///
    /// ```
    /// use desk_schema::create_group::call::Outcome;
    /// use desk_schema::create_group::{ApiError, ErrorCode};
    ///
    /// let refused = |code| Outcome::Api(ApiError { code, info: String::new() });
    /// assert!(refused(ErrorCode::GROUP_ID_TAKEN).made_no_group());
    /// assert!(!refused(ErrorCode::NO_AGENT_ONLINE).made_no_group());
    /// assert!(!refused(ErrorCode(99_999)).made_no_group());
    /// assert!(Outcome::Http { status: 429 }.made_no_group());
    /// assert!(!Outcome::Http { status: 404 }.made_no_group());
    /// ```
    #[must_use]
    pub fn made_no_group(&self) -> bool {
        match self {
            Outcome::Api(e) => {
                !self.may_have_acted()
                    && e.code.info().is_some()
                    && !matches!(
                        e.code,
                        ErrorCode::NO_AGENT_ONLINE
                            | ErrorCode::AGENT_OFFLINE
                            | ErrorCode::CANNOT_TRANSFER
                    )
            }
            Outcome::Http { status } => matches!(status, 408 | 429),
            Outcome::Transport(e) => {
                matches!(
                    e.kind,
                    TransportErrorKind::Connect | TransportErrorKind::Tls
                )
            }
            _ => false,
        }
    }
}

/// How an attempt failed to get an answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum TransportErrorKind {
    /// No connection could be made: the request was not sent.
    Connect,
    /// The TLS handshake was refused: the server's certificate is not
    /// trusted (an unknown issuer, expired, for another name), the server
    /// does not speak TLS on that port, or it has no protocol version or
    /// cipher in common (found by rustls, or said by the server's
    /// `handshake_failure`, `protocol_version` or `insufficient_security`
    /// alert), or the server refuses this client (it requires a client
    /// certificate, does not serve the name, or denies access). The request
    /// was not sent, and a retry would be refused the same way, so the
    /// client does not retry it. (Any other alert the server sends during
    /// the handshake, which may pass, is [`TransportErrorKind::Connect`].)
    Tls,
    /// No whole answer within the attempt's time-out: the server may have
    /// acted on the request.
    Timeout,
    /// The connection broke, or the answer could not be read: the server may
    /// have acted on the request.
    Other,
}

/// An attempt that got no answer. Its message never holds the URL (and so
/// never the UserSig) or the body.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TransportError {
    /// What went wrong.
    pub kind: TransportErrorKind,
    /// The HTTP client's description, without the URL.
    pub message: String,
}

/// How the client's time-out message begins (`no complete response within
/// 2000 ms`): written there, read by the Chinese form here.
pub(crate) const NO_WHOLE_ANSWER: &str = "no complete response within ";

/// The client's words for a connection not made by the attempt's deadline:
/// written there, read by the Chinese form here.
pub(crate) const NOT_CONNECTED_IN_TIME: &str =
    "no connection within four fifths of the attempt's time";

impl fmt::Display for TransportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.fmt_in(f, Locale::En)
    }
}

impl TransportError {
    /// What failed in `locale`'s words. The HTTP client's own reason comes
    /// after them in its words (English); in Chinese, its commonest
    /// reasons (a refused connection, a name that does not resolve, a
    /// certificate or TLS handshake that fails, a connection reset or
    /// closed before the answer) are said in Chinese first:
    /// `无法连接：连接被拒绝，该地址和端口上可能没有服务（tcp connect error: ...）`.
    #[must_use]
    pub fn localized(&self, locale: Locale) -> impl fmt::Display + '_ {
        InLocale(move |f: &mut fmt::Formatter<'_>| self.fmt_in(f, locale))
    }

    fn fmt_in(&self, f: &mut fmt::Formatter<'_>, locale: Locale) -> fmt::Result {
        let (what, colon) = match (self.kind, locale) {
            (TransportErrorKind::Connect, Locale::ZhCn) => ("无法连接", "："),
            (TransportErrorKind::Tls, Locale::ZhCn) => ("TLS 握手失败", "："),
            (TransportErrorKind::Timeout, Locale::ZhCn) => ("超时", "："),
            (TransportErrorKind::Other, Locale::ZhCn) => ("连接失败", "："),
            (TransportErrorKind::Connect, _) => ("cannot connect", ": "),
            (TransportErrorKind::Tls, _) => ("the TLS handshake failed", ": "),
            (TransportErrorKind::Timeout, _) => ("timed out", ": "),
            (TransportErrorKind::Other, _) => ("the connection failed", ": "),
        };
        // The client's own words for a time-out, said in Chinese too; the
        // HTTP client's commonest reasons said in Chinese before its own
        // words, which stay for whoever looks further.
        let message = match (locale, self.message.strip_prefix(NO_WHOLE_ANSWER)) {
            (Locale::ZhCn, Some(ms)) => std::borrow::Cow::Owned(format!(
                "{} 毫秒内没有收到完整应答",
                ms.trim_end_matches(" ms")
            )),
            (Locale::ZhCn, None) if self.message == NOT_CONNECTED_IN_TIME => {
                std::borrow::Cow::Borrowed("未能在本次尝试时间的五分之四内建立连接")
            }
            (Locale::ZhCn, None) => match reason_zh(&self.message) {
                Some(zh) => std::borrow::Cow::Owned(format!("{zh}（{}）", self.message)),
                None => std::borrow::Cow::Borrowed(self.message.as_str()),
            },
            _ => std::borrow::Cow::Borrowed(self.message.as_str()),
        };
        if message.is_empty() {
            f.write_str(what)
        } else {
            write!(f, "{what}{colon}{message}")
        }
    }
}

/// The commonest reasons the HTTP client (reqwest, hyper, the operating
/// system, rustls) gives for a failed exchange, in Chinese, by the words
/// they are said in; `None` for any other.
fn reason_zh(message: &str) -> Option<&'static str> {
    // The first that the message holds: a name that does not resolve
    // before anything a resolver's own message may say.
    const REASONS: [(&str, &str); 16] = [
        ("dns error", "无法解析主机名"),
        ("failed to lookup address", "无法解析主机名"),
        (
            "Connection refused",
            "连接被拒绝，该地址和端口上可能没有服务",
        ),
        ("certificate", "服务器的 TLS 证书无法验证"),
        ("received fatal alert", "服务器在 TLS 握手时发来警报"),
        ("tls handshake eof", "TLS 握手时连接被关闭"),
        ("tls handshake", "TLS 握手失败"),
        ("Connection reset", "连接被对方重置"),
        (
            "connection closed before message completed",
            "应答完成前连接已被关闭",
        ),
        ("timed out", "连接超时"),
        ("Network is unreachable", "网络不可达"),
        ("No route to host", "没有通往该主机的路由"),
        // An `https://` endpoint where a plain HTTP server answers.
        (
            "received corrupt message",
            "服务器的 TLS 应答无法读取，该地址和端口上可能不是 HTTPS 服务",
        ),
        (
            "invalid HTTP version parsed",
            "服务器的应答不是 HTTP，该地址和端口上可能不是 HTTP 服务",
        ),
        (
            "invalid content-length parsed",
            "服务器应答的 Content-Length 无效",
        ),
        // Last: a reason above may be inside it.
        (
            "error decoding response body",
            "服务器应答的正文不完整或无法读取",
        ),
    ];
    REASONS
        .iter()
        .find(|(en, _)| message.contains(en))
        .map(|&(_, zh)| zh)
}

impl fmt::Display for Outcome {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.fmt_in(f, Locale::En)
    }
}

impl Outcome {
    /// The outcome in `locale`'s words: `已创建群组 team-a`, or what went
    /// wrong (a report's messages in that language too).
    ///
    /// ```
    /// use desk_schema::Locale;
    /// use desk_schema::create_group::call::Outcome;
    /// let created = Outcome::Created { group_id: "team-a".into() };
    /// assert_eq!(created.localized(Locale::ZhCn).to_string(), "已创建群组 team-a");
    /// ```
    #[must_use]
    pub fn localized(&self, locale: Locale) -> impl fmt::Display + '_ {
        InLocale(move |f: &mut fmt::Formatter<'_>| self.fmt_in(f, locale))
    }

    fn fmt_in(&self, f: &mut fmt::Formatter<'_>, locale: Locale) -> fmt::Result {
        let zh = locale == Locale::ZhCn;
        match self {
            // The server's text, escaped as `ErrorInfo` is.
            Outcome::Created { group_id } if zh => {
                write!(f, "已创建群组 {}", crate::text::escaped(group_id))
            }
            Outcome::Created { group_id } => {
                write!(f, "created group {}", crate::text::escaped(group_id))
            }
            Outcome::Api(e) => write!(f, "{}", e.localized(locale)),
            Outcome::Http { status } if zh => write!(f, "HTTP 状态码 {status}"),
            Outcome::Http { status } => write!(f, "HTTP status {status}"),
            Outcome::InvalidResponse(report) if zh => {
                write!(
                    f,
                    "不是 create_group 的应答：\n{}",
                    report.localized(locale)
                )
            }
            Outcome::InvalidResponse(report) => write!(f, "not a create_group response:\n{report}"),
            Outcome::CreatedEarlier { group_id } if zh => write!(
                f,
                "群组 {} 已存在且属于您（此前一次尝试结果未知，重试返回 10025，很可能正是那次尝试创建了它）",
                crate::text::escaped(group_id)
            ),
            Outcome::CreatedEarlier { group_id } => write!(
                f,
                "group {} exists and is yours (a retry got 10025 after an attempt whose outcome was unknown, which most likely created it)",
                crate::text::escaped(group_id)
            ),
            Outcome::Transport(e) => write!(f, "{}", e.localized(locale)),
        }
    }
}

/// A fresh `random` for the query string: a 32-bit number from the
/// operating system's randomness (as `std`'s `HashMap` seeds itself).
#[must_use]
pub fn fresh_random() -> u32 {
    let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
    hasher.write_u128(
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos()),
    );
    let bits = hasher.finish();
    u32::try_from(bits >> 32).unwrap_or(0) ^ u32::try_from(bits & 0xFFFF_FFFF).unwrap_or(0)
}

/// The request to send: an `http::Request` whose URL holds the UserSig.
/// Its `Debug` shows the method and the URL with the UserSig redacted, so
/// that logging it is safe; [`SignedRequest::into_inner`] gives the request
/// to hand to an HTTP client (whose own `Debug` prints the whole URL: send
/// it, do not log it).
pub struct SignedRequest(http::Request<Vec<u8>>);

impl SignedRequest {
    /// The request, for the client that sends it.
    #[must_use]
    pub fn into_inner(self) -> http::Request<Vec<u8>> {
        self.0
    }

    /// The method (`POST`).
    #[must_use]
    pub fn method(&self) -> &http::Method {
        self.0.method()
    }

    /// The URL, UserSig included.
    #[must_use]
    pub fn uri(&self) -> &http::Uri {
        self.0.uri()
    }

    /// The headers.
    #[must_use]
    pub fn headers(&self) -> &http::HeaderMap {
        self.0.headers()
    }

    /// The JSON body.
    #[must_use]
    pub fn body(&self) -> &[u8] {
        self.0.body()
    }
}

impl fmt::Debug for SignedRequest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let uri = self.0.uri();
        let query: Vec<String> = uri
            .query()
            .unwrap_or("")
            .split('&')
            .map(|kv| match kv.split_once('=') {
                Some(("usersig", _)) => "usersig=<redacted>".to_owned(),
                _ => kv.to_owned(),
            })
            .collect();
        f.debug_struct("SignedRequest")
            .field("method", self.0.method())
            .field(
                "uri",
                &format_args!(
                    "{}://{}{}?{}",
                    uri.scheme_str().unwrap_or(""),
                    uri.authority().map_or("", http::uri::Authority::as_str),
                    uri.path(),
                    query.join("&")
                ),
            )
            .field("body_bytes", &self.0.body().len())
            .finish_non_exhaustive()
    }
}

/// The request on [`DEFAULT_HOST`]: `POST` to the URL with `params` (and a
/// fresh `random`), `Content-Type: application/json`, and the checked
/// request as its body.
///
/// # Errors
///
/// [`RequestError::UrlTooLong`] when the URL would be longer than the
/// `http` crate takes (an identifier or a UserSig thousands of times
/// longer than Tencent's).
pub fn http_request(
    params: &RequestParams,
    request: &Valid<CreateGroupRequest>,
) -> Result<SignedRequest, RequestError> {
    http_request_to(&Endpoint::default(), params, request)
}

/// Why [`http_request`], [`http_request_on`] or [`http_request_to`] wrote
/// no request. Neither form quotes the UserSig.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum RequestError {
    /// The host given to [`http_request_on`] is not one.
    InvalidHost(InvalidHost),
    /// The URL would be `bytes` long, past the 65,534 bytes the `http`
    /// crate takes for a URI: the identifier or the UserSig is far longer
    /// than Tencent's (32 bytes at most; a few hundred).
    UrlTooLong {
        /// The URL's length in bytes.
        bytes: usize,
    },
}

impl RequestError {
    /// Why, in `locale`'s words.
    #[must_use]
    pub fn localized(&self, locale: Locale) -> impl fmt::Display + '_ {
        InLocale(move |f: &mut fmt::Formatter<'_>| match (self, locale) {
            (RequestError::InvalidHost(e), _) => write!(f, "{}", e.localized(locale)),
            (RequestError::UrlTooLong { bytes }, Locale::ZhCn) => write!(
                f,
                "请求 URL 将有 {bytes} 字节，超过 HTTP 库可接受的 65534 字节：identifier 或 UserSig 远长于腾讯给出的"
            ),
            (RequestError::UrlTooLong { bytes }, _) => write!(
                f,
                "the request URL would be {bytes} bytes, past the 65534 the HTTP library takes: the identifier or the UserSig is far longer than Tencent's"
            ),
        })
    }
}

impl fmt::Display for RequestError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.localized(Locale::En).fmt(f)
    }
}

impl std::error::Error for RequestError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            RequestError::InvalidHost(e) => Some(e),
            RequestError::UrlTooLong { .. } => None,
        }
    }
}

impl From<InvalidHost> for RequestError {
    fn from(e: InvalidHost) -> Self {
        RequestError::InvalidHost(e)
    }
}

/// Where requests go: a scheme (`https`, or `http` for a test server on
/// this machine) and a host with an optional port. Parsed from a bare host
/// (`adminapisgp.im.qcloud.com`, taken as `https`) or a URL with nothing
/// after the authority but an optional `/` (`http://127.0.0.1:8080`). The
/// host is a DNS name, a dotted-quad IPv4 address or a bracketed IPv6
/// address, exactly as given; `http` only to a loopback address or
/// `localhost`, since it would carry the UserSig in clear text.
///
/// ```
/// use desk_schema::create_group::call::Endpoint;
/// let sg: Endpoint = "adminapisgp.im.qcloud.com".parse().unwrap();
/// assert_eq!(sg.to_string(), "https://adminapisgp.im.qcloud.com");
/// let test: Endpoint = "http://127.0.0.1:8080/".parse().unwrap();
/// assert_eq!(test.to_string(), "http://127.0.0.1:8080");
/// assert!("https://host/path".parse::<Endpoint>().is_err());
/// assert!("http://console.tim.qq.com".parse::<Endpoint>().is_err());
/// assert!("h:99999".parse::<Endpoint>().is_err());
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Endpoint {
    base: String,
}

impl Default for Endpoint {
    /// [`DEFAULT_HOST`], over `https`.
    fn default() -> Self {
        Endpoint {
            base: format!("https://{DEFAULT_HOST}"),
        }
    }
}

impl core::str::FromStr for Endpoint {
    type Err = InvalidHost;

    fn from_str(text: &str) -> Result<Self, InvalidHost> {
        let invalid = || InvalidHost(text.to_owned());
        let (scheme, rest) = match text.split_once("://") {
            Some((scheme, rest)) if scheme.eq_ignore_ascii_case("https") => ("https", rest),
            Some((scheme, rest)) if scheme.eq_ignore_ascii_case("http") => ("http", rest),
            Some(_) => return Err(invalid()),
            None => ("https", text),
        };
        let authority = rest.strip_suffix('/').unwrap_or(rest);
        let host = authority_host(authority).ok_or_else(invalid)?;
        // Plain HTTP would carry the UserSig in clear text: only to this
        // machine (a test server).
        if scheme == "http" && !is_loopback(host) {
            return Err(invalid());
        }
        Ok(Endpoint {
            base: format!("{scheme}://{authority}"),
        })
    }
}

impl Endpoint {
    /// True for plain `http` (a server on this machine).
    #[must_use]
    pub fn is_plain_http(&self) -> bool {
        self.base.starts_with("http://")
    }
}

fn is_loopback(host: &str) -> bool {
    host.eq_ignore_ascii_case("localhost")
        || host
            .parse::<std::net::Ipv4Addr>()
            .is_ok_and(|ip| ip.is_loopback())
        || host
            .strip_prefix('[')
            .and_then(|h| h.strip_suffix(']'))
            .and_then(|h| h.parse::<std::net::Ipv6Addr>().ok())
            .is_some_and(|ip| ip.is_loopback())
}

impl fmt::Display for Endpoint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.base)
    }
}

/// [`http_request`] on `host` (another region's REST API host, or a test
/// server such as `127.0.0.1:8080`).
///
/// # Errors
///
/// [`RequestError::InvalidHost`] when `host` is not a host name with an
/// optional port (a scheme, a space, or a `/`, `?`, `#` or `@` that would
/// change the URL around the UserSig); [`RequestError::UrlTooLong`] as
/// [`http_request`].
pub fn http_request_on(
    host: &str,
    params: &RequestParams,
    request: &Valid<CreateGroupRequest>,
) -> Result<SignedRequest, RequestError> {
    if authority_host(host).is_none() {
        return Err(InvalidHost(host.to_owned()).into());
    }
    http_request_to(&host.parse()?, params, request)
}

/// [`http_request`] to `endpoint` (a scheme and a host, [`Endpoint`]).
///
/// # Errors
///
/// As [`http_request`]: an [`Endpoint`] is a valid scheme and authority,
/// and the identifier and the UserSig are percent-encoded into the URL,
/// which only its length can then break.
///
/// # Panics
///
/// Never: a checked request serializes.
pub fn http_request_to(
    endpoint: &Endpoint,
    params: &RequestParams,
    request: &Valid<CreateGroupRequest>,
) -> Result<SignedRequest, RequestError> {
    let mut params = params.clone();
    params.random = fresh_random();
    let body = serde_json::to_vec(&**request).expect("a checked request serializes");
    let url = params.url_at(&endpoint.base);
    let bytes = url.len();
    http::Request::post(url)
        .header(http::header::CONTENT_TYPE, "application/json")
        .body(body)
        .map(SignedRequest)
        // The only way left for the URL to be refused (no `http::Error`
        // is kept: it may quote the URL, and with it the UserSig).
        .map_err(|_| RequestError::UrlTooLong { bytes })
}

/// The outcome of an answer with HTTP `status` and `body`, read from the
/// answer alone: an [`Outcome::Created`] whose `group_id` is not the
/// request's is the server's contradiction, and `ErrorInfo` may quote the
/// UserSig or the request: [`outcome_for`] reads an answer as the
/// [`client`](super::client) does, without either.
///
/// A body that says `FAIL` with an `ErrorCode` other than 0 is that
/// [`Outcome::Api`] even where the rest of it is not a valid response (an
/// `ErrorInfo` that is not UTF-8, holds a control character or a lone
/// surrogate, or is not a string; another field of the wrong type), so
/// that its code's retry advice is followed: its `ErrorInfo` is read as
/// far as it can be (U+FFFD for bytes that are not UTF-8, a space for a
/// control character), or is `<ErrorInfo could not be read>`.
#[must_use]
pub fn outcome(status: u16, body: &[u8]) -> Outcome {
    if status != 200 {
        return Outcome::Http { status };
    }
    let text = match std::str::from_utf8(body) {
        Ok(text) => text,
        Err(e) => {
            return failure(body).unwrap_or_else(|| Outcome::InvalidResponse(Report::not_utf8(&e)));
        }
    };
    let response = match crate::from_json_str::<CreateGroupResponse>(text) {
        Ok(response) => response,
        Err(report) => return failure(body).unwrap_or(Outcome::InvalidResponse(report)),
    };
    match response.read() {
        Reading::Created(group_id) => Outcome::Created { group_id },
        Reading::Refused(error) => Outcome::Api(error),
        Reading::Contradiction(contradiction, _) => {
            // Not reached: `from_json_str` has refused such a response (the
            // type's own rule). The arm keeps the match total without a panic.
            let mut report = Report::new();
            report.push(&crate::Path::Root, contradiction.kind());
            Outcome::InvalidResponse(report)
        }
    }
}

/// The [`Outcome::Api`] of a body that is not a valid response but says
/// `FAIL` with an error code other than 0, read from `ActionStatus` and
/// `ErrorCode` alone (each once: a repeated one is no answer): the code
/// and its retry advice are kept (helper-159: a 10002 whose `ErrorInfo`
/// was cut short in the middle of a character was not retried). Its
/// `ErrorInfo` is read as far as it can be: bytes that are not UTF-8 as
/// U+FFFD, control characters inside a string as spaces (JSON refuses them
/// there); one that still does not read as a string (a lone surrogate, a
/// number) is [`UNREADABLE_INFO`]. `None` for any other body (one that is
/// not an object, or not JSON outside its strings), which stays
/// [`Outcome::InvalidResponse`].
fn failure(body: &[u8]) -> Option<Outcome> {
    use serde::de::IgnoredAny;
    /// A failure's fields, `ErrorInfo` read as `I`.
    #[derive(serde::Deserialize)]
    struct Failure<I> {
        #[serde(rename = "ActionStatus")]
        status: super::ActionStatus,
        #[serde(rename = "ErrorCode")]
        code: super::ErrorCode,
        #[serde(rename = "ErrorInfo", default = "Option::default")]
        info: Option<I>,
    }
    /// An `ErrorInfo`: the text, or `None` for any other JSON value.
    struct Info(Option<String>);
    impl<'de> serde::Deserialize<'de> for Info {
        fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            struct Visit;
            impl<'de> serde::de::Visitor<'de> for Visit {
                type Value = Info;
                fn expecting(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                    f.write_str("any JSON value")
                }
                fn visit_str<E>(self, text: &str) -> Result<Info, E> {
                    Ok(Info(Some(text.to_owned())))
                }
                fn visit_bool<E>(self, _: bool) -> Result<Info, E> {
                    Ok(Info(None))
                }
                fn visit_i64<E>(self, _: i64) -> Result<Info, E> {
                    Ok(Info(None))
                }
                fn visit_u64<E>(self, _: u64) -> Result<Info, E> {
                    Ok(Info(None))
                }
                fn visit_f64<E>(self, _: f64) -> Result<Info, E> {
                    Ok(Info(None))
                }
                fn visit_seq<A: serde::de::SeqAccess<'de>>(
                    self,
                    mut a: A,
                ) -> Result<Info, A::Error> {
                    while a.next_element::<IgnoredAny>()?.is_some() {}
                    Ok(Info(None))
                }
                fn visit_map<A: serde::de::MapAccess<'de>>(
                    self,
                    mut a: A,
                ) -> Result<Info, A::Error> {
                    while a.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
                    Ok(Info(None))
                }
            }
            d.deserialize_any(Visit)
        }
    }
    // An object, and nothing else: serde's derive would fill `Failure` from
    // an array (`["FAIL", 10025]`) too, which names no field.
    if body.trim_ascii_start().first() != Some(&b'{') {
        return None;
    }
    // A control character inside a string, which JSON refuses there, as a
    // space; one outside a string stays, and is JSON's to refuse.
    let mut spaced = Vec::with_capacity(body.len());
    let (mut in_string, mut escaped) = (false, false);
    for &b in body {
        let inside = in_string;
        match b {
            _ if escaped => escaped = false,
            b'\\' if in_string => escaped = true,
            b'"' => in_string = !in_string,
            _ => {}
        }
        spaced.push(if inside && b < 0x20 { b' ' } else { b });
    }
    let text = String::from_utf8_lossy(&spaced);
    let (status, code, info) = if let Ok(read) = serde_json::from_str::<Failure<Info>>(&text) {
        (read.status, read.code, read.info.map(|i| i.0))
    } else {
        // The text does not read even so (a lone surrogate): the code may.
        let read = serde_json::from_str::<Failure<IgnoredAny>>(&text).ok()?;
        (read.status, read.code, read.info.map(|_| None))
    };
    (status == super::ActionStatus::Fail && code.0 != 0).then(|| {
        Outcome::Api(ApiError {
            code,
            info: match info {
                None => String::new(),
                Some(Some(text)) => text,
                Some(None) => UNREADABLE_INFO.to_owned(),
            },
        })
    })
}

/// [`outcome`] of the answer to `request`, sent with `params`, read as the
/// [`client`](super::client) reads it, for any HTTP client: an `ErrorInfo`
/// without the UserSig, however escaped or cut short, nor the request's own
/// text (its IDs, names, texts, accounts and custom data of three bytes or
/// more, whole or any 16 bytes of a longer one, in either case (Unicode's) and however
/// escaped); none of it when it still quotes the UserSig reformatted (with
/// the `usersig` feature, its signature too); and a `GroupId` other than
/// the request's an [`Outcome::InvalidResponse`] (`inconsistent_response`
/// at `/GroupId`). What it returns can be shown or logged.
///
/// ```
/// use desk_schema::Validate;
/// use desk_schema::create_group::call::{self, Outcome};
/// use desk_schema::create_group::{CreateGroupRequest, GroupType, Member, RequestParams, UserSig};
///
/// let request = CreateGroupRequest::new(GroupType::Public, "team-a", "客服")
///     .member(Member::new("user2"))
///     .member(Member::customer_service())
///     .validate_into()
///     .unwrap();
/// let params = RequestParams::new(1_400_000_000, "administrator", UserSig::new("eJw1jMEKgjAYSecret"), 7);
/// let body = br#"{"ActionStatus":"FAIL","ErrorCode":70003,"ErrorInfo":"usersig eJw1jMEKgjAYSecret of team-a: invalid"}"#;
/// let Outcome::Api(error) = call::outcome_for(200, body, &params, &request) else {
///     panic!("an API error")
/// };
/// assert_eq!(error.info, "usersig <redacted> of <redacted>: invalid");
/// ```
#[must_use]
pub fn outcome_for(
    status: u16,
    body: &[u8],
    params: &RequestParams,
    request: &CreateGroupRequest,
) -> Outcome {
    #[cfg(feature = "usersig")]
    let inner = crate::usersig::inner_signatures(&params.usersig);
    #[cfg(not(feature = "usersig"))]
    let inner = Vec::new();
    super::redact::screened(
        outcome(status, body),
        core::slice::from_ref(&params.usersig),
        &inner,
        &super::redact::payload_texts(request),
        request,
    )
}

#[cfg(test)]
mod tests {
    use super::{TransportError, TransportErrorKind, reason_zh};
    use crate::Locale;

    /// The HTTP client's reasons as it words them, each said in Chinese by
    /// the entry meant for it (an earlier, looser one would say less).
    #[test]
    fn the_clients_commonest_reasons_are_said_in_chinese() {
        for (message, zh) in [
            (
                "tcp connect error: Connection refused (os error 111)",
                "连接被拒绝，该地址和端口上可能没有服务",
            ),
            (
                "dns error: failed to lookup address information: Name or service not known",
                "无法解析主机名",
            ),
            (
                "error resolving DNS: failed to lookup address information: Temporary failure in name resolution",
                "无法解析主机名",
            ),
            (
                "invalid peer certificate: UnknownIssuer",
                "服务器的 TLS 证书无法验证",
            ),
            ("tls handshake eof", "TLS 握手时连接被关闭"),
            (
                "received corrupt message of type InvalidContentType",
                "服务器的 TLS 应答无法读取，该地址和端口上可能不是 HTTPS 服务",
            ),
            (
                "invalid HTTP version parsed",
                "服务器的应答不是 HTTP，该地址和端口上可能不是 HTTP 服务",
            ),
            (
                "invalid content-length parsed",
                "服务器应答的 Content-Length 无效",
            ),
            (
                "error decoding response body: error reading a body from connection: end of file before message length reached",
                "服务器应答的正文不完整或无法读取",
            ),
            (
                "error decoding response body: error reading a body from connection: Connection reset by peer (os error 104)",
                "连接被对方重置",
            ),
            ("an answer no list here has", ""),
            ("Connection reset by peer (os error 104)", "连接被对方重置"),
            (
                "connection closed before message completed",
                "应答完成前连接已被关闭",
            ),
            (
                "tcp connect error: Connection timed out (os error 110)",
                "连接超时",
            ),
            (
                "tcp connect error: Network is unreachable (os error 101)",
                "网络不可达",
            ),
            (
                "tcp connect error: No route to host (os error 113)",
                "没有通往该主机的路由",
            ),
        ] {
            assert_eq!(reason_zh(message).unwrap_or(""), zh, "{message}");
            let error = TransportError {
                kind: TransportErrorKind::Other,
                message: message.to_owned(),
            };
            let said = error.localized(Locale::ZhCn).to_string();
            let expected = if zh.is_empty() {
                format!("连接失败：{message}")
            } else {
                format!("连接失败：{zh}（{message}）")
            };
            assert_eq!(said, expected);
        }
    }
}
