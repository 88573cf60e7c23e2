use core::fmt;
use core::time::Duration;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// What Tencent advises after an error.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Retry {
    /// Retry the same request.
    Now,
    /// Retry, more slowly (a rate or frequency limit).
    Slower,
    /// Retry after this long.
    After(Duration),
    /// Generate a new UserSig, then retry.
    RegenerateUserSig,
    /// Do not retry: the request or the account must change.
    Never,
    /// An unknown code: no advice.
    Unknown,
}

/// The name, meaning and retry advice of a known error code.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ErrorCodeInfo {
    /// The code.
    pub code: i64,
    /// A stable name, as the associated constant on [`ErrorCode`].
    pub name: &'static str,
    /// What it means, from Tencent's documentation.
    pub meaning: &'static str,
    /// Tencent's retry advice.
    pub retry: Retry,
}

/// An `ErrorCode` from a response. Every code on the API page and in the
/// common table (60000..=79999) has a name; any other code is kept as it is,
/// so parsing and serializing a response never changes it.
///
/// ```
/// use desk_schema::create_group::{ErrorCode, Retry};
/// let code: ErrorCode = serde_json::from_str("70001").unwrap();
/// assert_eq!(code, ErrorCode::USERSIG_EXPIRED);
/// assert_eq!(code.retry(), Retry::RegenerateUserSig);
/// let odd: ErrorCode = serde_json::from_str("123456").unwrap();
/// assert_eq!(serde_json::to_string(&odd).unwrap(), "123456");
/// assert_eq!(odd.retry(), Retry::Unknown);
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ErrorCode(pub i64);

macro_rules! codes {
    ($( $name:ident = $code:literal, $retry:expr, $meaning:literal; )*) => {
        impl ErrorCode {
            $(
                #[doc = $meaning]
                pub const $name: ErrorCode = ErrorCode($code);
            )*
        }

        /// Every named code, in ascending order.
        const TABLE: &[ErrorCodeInfo] = &[
            $( ErrorCodeInfo { code: $code, name: stringify!($name), meaning: $meaning, retry: $retry }, )*
        ];
    };
}

const fn minutes(n: u64) -> Retry {
    Retry::After(Duration::from_secs(n * 60))
}

codes! {
    OK = 0, Retry::Never, "Success.";
    SERVER_INTERNAL = 10002, Retry::Now, "Server internal error; retry.";
    ILLEGAL_COMMAND = 10003, Retry::Never, "Illegal request command word.";
    INVALID_PARAMETER = 10004, Retry::Never, "Invalid parameter; check the request against the error description.";
    TOO_MANY_MEMBERS = 10005, Retry::Never, "More than 100 members in MemberList.";
    FREQUENCY_LIMIT = 10006, Retry::Slower, "Operation frequency limit; reduce the call frequency.";
    NO_PERMISSION = 10007, Retry::Never, "Insufficient operation permissions (for example, MemberList given for a group type that does not allow invitations).";
    ILLEGAL_REQUEST = 10008, Retry::Now, "Illegal request; the signature may have failed verification. Try again or contact support.";
    CALLBACK_DENIED = 10016, Retry::Never, "The app backend denied the operation in the \"before creating a group\" callback.";
    GROUP_ID_TAKEN = 10021, Retry::Never, "The group ID is used by someone else; choose another.";
    GROUP_ID_USED_BY_YOU = 10025, Retry::Never, "The group ID is already used by you; dissolve that group or choose another ID.";
    AV_GROUP_LIMIT = 10036, Retry::Never, "Too many audio-video chat groups.";
    OWNER_GROUP_LIMIT = 10037, Retry::Never, "The owner has reached the limit of groups created and joined.";
    MEMBER_LIMIT = 10038, Retry::Never, "More members than the plan allows.";
    TRIAL_GROUP_LIMIT = 10058, Retry::Never, "The trial plan's limit of 100 groups is reached.";
    URL_PARSE = 60002, Retry::Never, "The URL could not be parsed.";
    JSON_PARSE = 60003, Retry::Never, "The JSON body could not be parsed.";
    IDENTIFIER_OR_USERSIG_WRONG = 60004, Retry::Never, "The identifier or UserSig is wrong.";
    IDENTIFIER_OR_USERSIG_INVALID = 60005, Retry::Never, "The identifier or UserSig is invalid.";
    SDKAPPID_INVALID = 60006, Retry::Never, "The SDKAppID is invalid.";
    REST_RATE_LIMIT = 60007, Retry::Slower, "REST API call rate exceeded.";
    SERVICE_TIMEOUT = 60008, Retry::Now, "Service timeout or bad HTTP format.";
    URL_RESOURCE = 60009, Retry::Never, "Resource error in the URL.";
    NOT_ADMIN = 60010, Retry::Never, "The identifier is not an App administrator.";
    SDKAPPID_RATE_LIMIT = 60011, Retry::Slower, "SDKAppID request rate exceeded.";
    SDKAPPID_MISSING = 60012, Retry::Never, "The SDKAppID is missing.";
    IDENTIFIER_TYPE = 60015, Retry::Never, "The identifier's type is wrong.";
    SDKAPPID_DISABLED = 60016, Retry::Never, "The SDKAppID is disabled.";
    REQUEST_DISABLED = 60017, Retry::Never, "The request is disabled.";
    TOO_FREQUENT = 60018, Retry::Slower, "Too many requests; retry later.";
    TOO_FREQUENT_2 = 60019, Retry::Slower, "Too many requests; retry later.";
    PACKAGE_INACTIVE = 60020, minutes(5), "The package is not bought or not active yet; retry in 5 minutes.";
    USERSIG_EXPIRED = 70001, Retry::RegenerateUserSig, "The UserSig has expired.";
    USERSIG_EMPTY = 70002, Retry::Never, "The UserSig is empty.";
    USERSIG_INVALID = 70003, Retry::Never, "The UserSig is invalid.";
    USERSIG_INVALID_2 = 70005, Retry::Never, "The UserSig is invalid.";
    USERSIG_MISMATCH = 70009, Retry::Never, "The UserSig does not match.";
    USERSIG_MISMATCH_2 = 70013, Retry::Never, "The UserSig does not match the identifier.";
    USERSIG_MISMATCH_3 = 70014, Retry::Never, "The UserSig does not match the SDKAppID.";
    USERSIG_INVALID_3 = 70016, Retry::Never, "The UserSig is invalid.";
    SDKAPPID_NOT_FOUND = 70020, Retry::Never, "The SDKAppID was not found.";
    TOO_MANY_RETRIES = 70050, minutes(1), "Too many failed retries; wait 1 minute.";
    ACCOUNT_BLACKLISTED = 70051, Retry::Never, "The account is blacklisted.";
    USERSIG_INVALID_REGENERATE = 70052, Retry::RegenerateUserSig, "The UserSig is invalid; generate a new one.";
    ACCOUNT_NOT_FOUND = 70107, Retry::Never, "The account does not exist.";
    SECURITY_RESTRICTION = 70114, Retry::Never, "Security restriction.";
    INTERNAL_TIMEOUT = 70169, Retry::Now, "Internal timeout; retry.";
    INVALID_BATCH_COUNT = 70206, Retry::Never, "Invalid batch count.";
    ACCOUNT_COUNT_LIMIT = 70398, Retry::Never, "Account count limit reached.";
    INVALID_PARAMETERS = 70402, Retry::Never, "Invalid parameters.";
    ADMIN_REQUIRED = 70403, Retry::Never, "The operation needs an App administrator.";
    INTERNAL_ERROR = 70500, Retry::Now, "Internal error; retry.";
    NOT_DESK_APP = 141000, Retry::Never, "The app is not a Desk app.";
    NO_AGENT_ONLINE = 141001, Retry::Slower, "Failed to assign a human agent: no agent is online.";
    DESK_INTERNAL = 141002, Retry::Now, "Desk internal system error; retry.";
    CANNOT_TRANSFER = 141003, Retry::Never, "The conversation cannot be transferred.";
    DESK_ILLEGAL_PARAMETERS = 141004, Retry::Never, "Illegal request parameters; check and retry.";
    AGENT_OFFLINE = 141011, Retry::Slower, "The agent is offline.";
}

impl ErrorCode {
    /// The name, meaning and advice of a known code.
    pub fn info(self) -> Option<&'static ErrorCodeInfo> {
        TABLE
            .binary_search_by_key(&self.0, |i| i.code)
            .ok()
            .map(|i| &TABLE[i])
    }

    /// Every known code.
    pub fn all() -> &'static [ErrorCodeInfo] {
        TABLE
    }

    /// True for 0.
    pub fn is_ok(self) -> bool {
        self.0 == 0
    }

    /// Tencent's retry advice ([`Retry::Unknown`] for an unknown code).
    pub fn retry(self) -> Retry {
        self.info().map_or(Retry::Unknown, |i| i.retry)
    }
}

impl fmt::Debug for ErrorCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.info() {
            Some(i) => write!(f, "ErrorCode::{}({})", i.name, self.0),
            None => write!(f, "ErrorCode({})", self.0),
        }
    }
}

impl fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.info() {
            Some(i) => write!(f, "{} ({})", self.0, i.meaning),
            None => write!(f, "{} (unknown code)", self.0),
        }
    }
}

impl Serialize for ErrorCode {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_i64(self.0)
    }
}

impl<'de> Deserialize<'de> for ErrorCode {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        i64::deserialize(deserializer).map(ErrorCode)
    }
}

impl schemars::JsonSchema for ErrorCode {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "ErrorCode".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "integer",
            "description": "0 on success; otherwise an API code (10002..=10058, 141000..=141011) or a common code (60000..=79999)."
        })
    }
}
