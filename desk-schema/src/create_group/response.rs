use core::fmt;

use schemars::{Schema, SchemaGenerator};
use serde::{Deserialize, Serialize};
use serde_json::json;

use super::error_code::ErrorCode;
use crate::{JsonView, Kind, Scope};

/// The body of a `create_group` response.
///
/// ```
/// use desk_schema::create_group::CreateGroupResponse;
/// let response: CreateGroupResponse = serde_json::from_str(
///     r#"{"ActionStatus": "OK", "ErrorInfo": "", "ErrorCode": 0, "GroupId": "MyFirstGroup"}"#,
/// ).unwrap();
/// assert_eq!(response.into_result().unwrap(), "MyFirstGroup");
/// ```
///
/// A response whose fields contradict each other is an
/// `inconsistent_response` violation, at the root.
///
/// ```
/// use desk_schema::{Validate, create_group::CreateGroupResponse};
/// let response: CreateGroupResponse = serde_json::from_str(
///     r#"{"ActionStatus": "OK", "ErrorCode": 10025, "ErrorInfo": "group id has been used"}"#,
/// ).unwrap();
/// let report = response.validate().unwrap_err();
/// assert_eq!(report.violations()[0].code(), "inconsistent_response");
/// assert_eq!(report.to_string(), "(root): ActionStatus OK with a non-zero ErrorCode");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, desk_schema_derive::Validate)]
#[serde(rename_all = "PascalCase")]
#[desk(
    custom(
        check = check_response,
        check_value = check_response_value,
        description = "ActionStatus, ErrorCode and GroupId must agree: OK with ErrorCode 0 and a GroupId that is not empty, or FAIL with an ErrorCode that is not 0."
    ),
    schema_with = consistency_schema
)]
pub struct CreateGroupResponse {
    /// `OK` on success, `FAIL` on failure.
    #[desk(nested)]
    pub action_status: ActionStatus,
    /// Error message (empty on success). Absent or `null` is `None`, as
    /// for every optional field: the page calls it the error message
    /// alone, and a server that writes `null` for it has still answered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[desk(nested)]
    pub error_info: Option<String>,
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

/// What the client writes in place of a UserSig it cuts out of an
/// `ErrorInfo` (`client`).
pub(crate) const REDACTED: &str = "<redacted>";

/// What the client shows of an `ErrorInfo` that quotes a UserSig in a form
/// it cannot cut out: none of it.
pub(crate) const WITHHELD: &str = "<not shown: it quotes the UserSig>";

/// What `call::outcome` keeps of a failure's `ErrorInfo` that does not read
/// as text (a lone surrogate, a number): the failure's code is kept.
pub(crate) const UNREADABLE_INFO: &str = "<ErrorInfo could not be read>";

/// The code and its meaning, then `ErrorInfo` as
/// [`text::escaped`](crate::text::escaped) writes it (`\n`, `\u001b`,
/// `\u202e`, `\u200b`, `\\`): the server's text cannot rewrite a terminal,
/// reorder what it shows, hide part of it or pass for other text.
impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.fmt_in(f, crate::Locale::En)
    }
}

impl ApiError {
    /// The error in `locale`'s words (`ErrorInfo`, the server's text, as it
    /// is, escaped): `create_group 失败，错误码 10021（…）：…`.
    #[must_use]
    pub fn localized(&self, locale: crate::Locale) -> impl fmt::Display + '_ {
        crate::i18n::InLocale(move |f: &mut fmt::Formatter<'_>| self.fmt_in(f, locale))
    }

    fn fmt_in(&self, f: &mut fmt::Formatter<'_>, locale: crate::Locale) -> fmt::Result {
        let code = self.code.localized(locale);
        let (head, colon) = match locale {
            crate::Locale::ZhCn => ("create_group 失败，错误码 ", "："),
            _ => ("create_group failed with error ", ": "),
        };
        write!(f, "{head}{code}")?;
        if self.info.is_empty() {
            return Ok(());
        }
        // The client's marks in the server's text, in the reader's words.
        let info = match locale {
            crate::Locale::ZhCn if self.info == WITHHELD => "<不予显示：其中引用了 UserSig>".into(),
            crate::Locale::ZhCn if self.info == UNREADABLE_INFO => "<ErrorInfo 无法读取>".into(),
            crate::Locale::ZhCn => self.info.replace(REDACTED, "<已隐去>").into(),
            _ => std::borrow::Cow::Borrowed(self.info.as_str()),
        };
        write!(f, "{colon}{}", crate::text::escaped(&info))
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
        let contradiction = Contradiction::of(
            self.action_status,
            self.error_code,
            self.group_id.as_deref(),
        );
        let error = ApiError {
            code: self.error_code,
            info: self.error_info.unwrap_or_default(),
        };
        match (contradiction, self.action_status, self.group_id) {
            (Some(contradiction), ..) => Reading::Contradiction(contradiction, error),
            (None, ActionStatus::Ok, Some(id)) => Reading::Created(id),
            (None, ..) => Reading::Refused(error),
        }
    }
}

/// How `ActionStatus`, `ErrorCode` and `GroupId` contradict each other: the
/// one definition of the `inconsistent_response` rule, which the typed check,
/// the walk's check, [`CreateGroupResponse::read`] and the schema's
/// ([`consistency_schema`]) follow.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Contradiction {
    /// `OK` and code 0, but no `GroupId`, or an empty one.
    NoGroupId,
    /// `OK` with a code that is not 0.
    OkWithError,
    /// `FAIL` with code 0.
    FailWithoutError,
    /// A `GroupId` other than the request's: only a client, which knows
    /// the request, finds it (`client`); never from a response alone.
    #[cfg_attr(not(feature = "client"), allow(dead_code))]
    OtherGroupId,
}

impl Contradiction {
    /// The contradiction of a response with these fields, if any. A
    /// `group_id` of `None` is absent, `null` or (read from raw JSON) not text.
    pub(crate) fn of(
        status: ActionStatus,
        code: ErrorCode,
        group_id: Option<&str>,
    ) -> Option<Self> {
        match (status, code.is_ok()) {
            (ActionStatus::Ok, true) => group_id
                .is_none_or(str::is_empty)
                .then_some(Contradiction::NoGroupId),
            (ActionStatus::Ok, false) => Some(Contradiction::OkWithError),
            (ActionStatus::Fail, true) => Some(Contradiction::FailWithoutError),
            (ActionStatus::Fail, false) => None,
        }
    }

    /// The violation, in English and Chinese.
    pub(crate) fn kind(self) -> Kind {
        let (en, zh_cn) = match self {
            Contradiction::NoGroupId => (
                "ActionStatus OK and ErrorCode 0, but GroupId is missing or empty",
                "ActionStatus 为 OK、ErrorCode 为 0，GroupId 却缺失或为空",
            ),
            Contradiction::OkWithError => (
                "ActionStatus OK with a non-zero ErrorCode",
                "ActionStatus 为 OK，ErrorCode 却不是 0",
            ),
            Contradiction::FailWithoutError => (
                "ActionStatus FAIL with ErrorCode 0",
                "ActionStatus 为 FAIL，ErrorCode 却是 0",
            ),
            Contradiction::OtherGroupId => (
                "a GroupId other than the request's (not shown)",
                "GroupId 与请求中的不同（不予显示）",
            ),
        };
        Kind::custom_in("inconsistent_response", en, zh_cn)
    }
}

/// `inconsistent_response` on the typed response.
fn check_response(response: &CreateGroupResponse, scope: &mut Scope<'_, '_>) {
    let group_id = response.group_id.as_deref();
    report(response.action_status, response.error_code, group_id, scope);
}

/// `inconsistent_response` on the response as read from raw JSON: nothing
/// when `ActionStatus` or `ErrorCode` is absent or not one of its values
/// (their own violations say so); a `GroupId` that is not text counts as
/// none, as the schema reads it.
fn check_response_value(
    response: &<CreateGroupResponse as JsonView>::View<'_>,
    scope: &mut Scope<'_, '_>,
) {
    let (Some(status), Some(code)) = (response.action_status, response.error_code) else {
        return;
    };
    let group_id = response.group_id.as_ref().and_then(Option::as_deref);
    report(status, ErrorCode(code), group_id, scope);
}

/// The contradiction of these fields, if any, at the response.
fn report(
    status: ActionStatus,
    code: ErrorCode,
    group_id: Option<&str>,
    scope: &mut Scope<'_, '_>,
) {
    if let Some(contradiction) = Contradiction::of(status, code, group_id) {
        scope.push(&[], contradiction.kind());
    }
}

/// The rule in the schema: a `not` of every contradictory response (an
/// object whose `ActionStatus` and `ErrorCode` are valid and disagree, or
/// agree on success without a `GroupId` that is non-empty text), so that
/// any JSON Schema validator refuses it; `x-inconsistentResponse` (an
/// annotation) names the rule for the npm package's messages.
fn consistency_schema(schema: &mut Schema, generator: &mut SchemaGenerator) {
    // References as the generator writes them: another type of the same
    // name, or a draft's `definitions`, would leave a hand-written one wrong.
    let status = generator.subschema_for::<ActionStatus>();
    let code = generator.subschema_for::<ErrorCode>();
    let group_id = json!({
        "required": ["GroupId"],
        "properties": { "GroupId": { "type": "string", "minLength": 1 } }
    });
    schema.insert(
        "not".into(),
        json!({
            "type": "object",
            "required": ["ActionStatus", "ErrorCode"],
            "properties": {
                "ActionStatus": status,
                "ErrorCode": code
            },
            "anyOf": [
                {
                    "properties": { "ActionStatus": { "const": "OK" }, "ErrorCode": { "const": 0 } },
                    "not": group_id
                },
                {
                    "properties": { "ActionStatus": { "const": "OK" }, "ErrorCode": { "not": { "const": 0 } } }
                },
                {
                    "properties": { "ActionStatus": { "const": "FAIL" }, "ErrorCode": { "const": 0 } }
                }
            ]
        }),
    );
    schema.insert("x-inconsistentResponse".into(), true.into());
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
        Contradiction,
        ApiError,
    ),
}
