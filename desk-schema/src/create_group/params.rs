use core::fmt;
use std::fmt::Write as _;

use serde::{Deserialize, Deserializer, Serialize};

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
        self.url_on(DEFAULT_HOST)
    }

    /// The request URL on `host` (another region's REST API host).
    #[must_use]
    pub fn url_on(&self, host: &str) -> String {
        self.url_at(&format!("https://{host}"))
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
