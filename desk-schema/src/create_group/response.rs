use core::fmt;

use serde::{Deserialize, Serialize};

use super::error_code::ErrorCode;

/// The body of a `create_group` response.
///
/// ```
/// use desk_schema::create_group::CreateGroupResponse;
/// let response: CreateGroupResponse = serde_json::from_str(
///     r#"{"ActionStatus": "OK", "ErrorInfo": "", "ErrorCode": 0, "GroupId": "MyFirstGroup"}"#,
/// ).unwrap();
/// assert_eq!(response.into_result().unwrap(), "MyFirstGroup");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, desk_schema_derive::Validate)]
#[serde(rename_all = "PascalCase")]
pub struct CreateGroupResponse {
    /// `OK` on success, `FAIL` on failure.
    #[desk(nested)]
    pub action_status: ActionStatus,
    /// Error message (empty on success).
    #[serde(default)]
    #[desk(nested)]
    pub error_info: String,
    /// 0 on success, an error code otherwise.
    #[desk(nested)]
    pub error_code: ErrorCode,
    /// The ID of the created group (on success).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[desk(nested)]
    pub group_id: Option<String>,
}

/// The request's outcome.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, desk_schema_derive::Validate,
)]
pub enum ActionStatus {
    /// Processed successfully.
    #[serde(rename = "OK")]
    Ok,
    /// Failed: see `ErrorCode`.
    #[serde(rename = "FAIL")]
    Fail,
}

/// A failed `create_group` call.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ApiError {
    /// The error code, with its meaning and retry advice.
    pub code: ErrorCode,
    /// The server's `ErrorInfo`.
    pub info: String,
}

/// The code and its meaning, then `ErrorInfo` as
/// [`text::escaped`](crate::text::escaped) writes it (`\n`, `\u001b`,
/// `\u202e`, `\u200b`, `\\`): the server's text cannot rewrite a terminal,
/// reorder what it shows, hide part of it or pass for other text.
impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "create_group failed with error {}", self.code)?;
        if !self.info.is_empty() {
            write!(f, ": {}", crate::text::escaped(&self.info))?;
        }
        Ok(())
    }
}

impl std::error::Error for ApiError {}

impl CreateGroupResponse {
    /// The new group's ID, or the error. A response that says `OK` with a
    /// non-zero code, or `OK` without a `GroupId` (or with an empty one), is
    /// an error too: the same reading as `call::outcome` (feature `http`), which
    /// calls those `inconsistent_response`.
    ///
    /// # Errors
    ///
    /// [`ApiError`] when the server refused the request: `ActionStatus` other
    /// than `OK`, a non-zero `ErrorCode`, or no `GroupId`.
    pub fn into_result(self) -> Result<String, ApiError> {
        match self.read() {
            Reading::Created(id) => Ok(id),
            Reading::Refused(error) | Reading::Contradiction(_, error) => Err(error),
        }
    }

    /// What the response says, read in one place for [`into_result`] and
    /// `call::outcome`.
    ///
    /// [`into_result`]: CreateGroupResponse::into_result
    pub(crate) fn read(self) -> Reading {
        let error = ApiError {
            code: self.error_code,
            info: self.error_info,
        };
        match (self.action_status, error.code.is_ok()) {
            (ActionStatus::Ok, true) => match self.group_id {
                Some(id) if !id.is_empty() => Reading::Created(id),
                _ => {
                    Reading::Contradiction("ActionStatus OK and ErrorCode 0, but no GroupId", error)
                }
            },
            (ActionStatus::Ok, false) => {
                Reading::Contradiction("ActionStatus OK with a non-zero ErrorCode", error)
            }
            (ActionStatus::Fail, true) => {
                Reading::Contradiction("ActionStatus FAIL with ErrorCode 0", error)
            }
            (ActionStatus::Fail, false) => Reading::Refused(error),
        }
    }
}

/// A response, read (see [`CreateGroupResponse::read`]).
pub(crate) enum Reading {
    /// Created: the new group's ID.
    Created(String),
    /// The server refused the request.
    Refused(ApiError),
    /// The fields contradict each other: how (what `call::outcome` reports),
    /// and the error they give.
    Contradiction(
        #[cfg_attr(
            not(feature = "http"),
            allow(dead_code, reason = "read by call::outcome")
        )]
        &'static str,
        ApiError,
    ),
}
