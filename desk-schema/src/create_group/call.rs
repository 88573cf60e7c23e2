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
//! let http = call::http_request(&params, &request);
//! assert_eq!(http.method(), "POST");
//! assert!(http.uri().to_string().contains("&contenttype=json"));
//!
//! let body = br#"{"ActionStatus":"OK","ErrorCode":0,"ErrorInfo":"","GroupId":"team-a"}"#;
//! assert_eq!(call::outcome(200, body), Outcome::Created { group_id: "team-a".into() });
//! ```

use core::fmt;
use std::hash::{BuildHasher, Hasher};

use super::{ApiError, CreateGroupRequest, CreateGroupResponse, DEFAULT_HOST, RequestParams};
use crate::{Report, Valid};

/// What a `create_group` call came to.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Outcome {
    /// The group exists, with this ID.
    Created {
        /// The group's ID (the one asked for, or the one the server chose).
        group_id: String,
    },
    /// The server refused: its `ErrorCode` (with its meaning and retry
    /// advice, [`super::ErrorCode::retry`]) and `ErrorInfo`.
    Api(ApiError),
    /// A status other than 200: the page says only network errors, such as
    /// 502, leave 200 (retry them).
    Http {
        /// The HTTP status.
        status: u16,
    },
    /// A body that is not a valid `create_group` response: every problem with
    /// it (the body itself is not kept).
    InvalidResponse(Report),
}

impl fmt::Display for Outcome {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Outcome::Created { group_id } => write!(f, "created group {group_id}"),
            Outcome::Api(e) => write!(f, "{e}"),
            Outcome::Http { status } => write!(f, "HTTP status {status}"),
            Outcome::InvalidResponse(report) => write!(f, "not a create_group response:\n{report}"),
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

/// The request on [`DEFAULT_HOST`]: `POST` to the URL with `params` (and a
/// fresh `random`), `Content-Type: application/json`, and the checked
/// request as its body. The URL holds the UserSig: send it, do not log it.
#[must_use]
pub fn http_request(
    params: &RequestParams,
    request: &Valid<CreateGroupRequest>,
) -> http::Request<Vec<u8>> {
    http_request_on(DEFAULT_HOST, params, request)
}

/// [`http_request`] on `host` (another region's REST API host, or a test
/// server).
///
/// # Panics
///
/// Never for a host name: the URL is built from numbers, a checked
/// identifier and a UserSig in base64's alphabet.
#[must_use]
pub fn http_request_on(
    host: &str,
    params: &RequestParams,
    request: &Valid<CreateGroupRequest>,
) -> http::Request<Vec<u8>> {
    let mut params = params.clone();
    params.random = fresh_random();
    let body = serde_json::to_vec(&**request).expect("a request serializes");
    http::Request::post(params.url_on(host))
        .header(http::header::CONTENT_TYPE, "application/json")
        .body(body)
        .expect("the URL and the header are valid")
}

/// The outcome of an answer with HTTP `status` and `body`.
#[must_use]
pub fn outcome(status: u16, body: &[u8]) -> Outcome {
    if status != 200 {
        return Outcome::Http { status };
    }
    let text = match std::str::from_utf8(body) {
        Ok(text) => text,
        Err(e) => return Outcome::InvalidResponse(Report::not_utf8(&e)),
    };
    match crate::from_json_str::<CreateGroupResponse>(text) {
        Ok(response) => match response.into_result() {
            Ok(group_id) => Outcome::Created { group_id },
            Err(e) => Outcome::Api(e),
        },
        Err(report) => Outcome::InvalidResponse(report),
    }
}
