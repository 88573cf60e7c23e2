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

/// The advice in words: `retry now`, `retry more slowly`, `retry after 300 s`,
/// `generate a new UserSig, then retry`, `do not retry`, `no advice`.
impl fmt::Display for Retry {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Retry::Now => f.write_str("retry now"),
            Retry::Slower => f.write_str("retry more slowly"),
            Retry::After(wait) => write!(f, "retry after {} s", wait.as_secs()),
            Retry::RegenerateUserSig => f.write_str("generate a new UserSig, then retry"),
            Retry::Never => f.write_str("do not retry"),
            Retry::Unknown => f.write_str("no advice"),
        }
    }
}

/// The name, meaning and retry advice of a known error code.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ErrorCodeInfo {
    /// The code.
    pub code: i64,
    /// A stable name, as the associated constant on [`ErrorCode`].
    pub name: &'static str,
    /// The name in Tencent's Chat SDK (`TIMErrorCode.h`), for the common
    /// codes (60000..=79999); the API page's own codes have none there.
    pub sdk_name: Option<&'static str>,
    /// What it means, from Tencent's documentation.
    pub meaning: &'static str,
    /// Tencent's retry advice.
    pub retry: Retry,
}

/// An `ErrorCode` from a response. Every code on the API page and in the
/// common table (60000..=79999) has a name; any other code is kept as it is,
/// so parsing and serializing a response never changes it.
///
/// Names say what the code means, after the names in Tencent's Chat SDK
/// (`TIMErrorCode.h`, given in [`ErrorCodeInfo::sdk_name`]): where Tencent
/// gives two codes one meaning, the second ends in `_EX` there and here
/// (`TOO_FREQUENT` 60018, `TOO_FREQUENT_EX` 60019). Match on them as on any
/// constant, or use [`ErrorCode::retry`] for what to do next.
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
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, desk_schema_derive::Validate)]
#[desk(schema_with = error_code_schema)]
pub struct ErrorCode(#[desk(nested)] pub i64);

/// The schema's description of an error code (the type's own doc comment
/// is for Rust readers).
fn error_code_schema(schema: &mut schemars::Schema, _: &mut schemars::SchemaGenerator) {
    schema.insert(
        "description".into(),
        "0 on success; otherwise an API code (10002..=10058, 141000..=141011) or a common code (60000..=79999)."
            .into(),
    );
}

macro_rules! codes {
    ($( $name:ident = $code:literal, $retry:expr, $sdk:expr, $meaning:literal; )*) => {
        impl ErrorCode {
            $(
                #[doc = concat!("`", stringify!($code), "`: ", $meaning)]
                pub const $name: ErrorCode = ErrorCode($code);
            )*
        }

        /// Every named code, in ascending order.
        const TABLE: &[ErrorCodeInfo] = &[
            $( ErrorCodeInfo { code: $code, name: stringify!($name), sdk_name: $sdk, meaning: $meaning, retry: $retry }, )*
        ];
    };
}

const fn minutes(n: u64) -> Retry {
    Retry::After(Duration::from_secs(n * 60))
}

codes! {
    OK = 0, Retry::Never, None, "Success.";
    SERVER_INTERNAL = 10002, Retry::Now, None, "Server internal error; retry.";
    ILLEGAL_COMMAND = 10003, Retry::Never, None, "Illegal request command word.";
    INVALID_PARAMETER = 10004, Retry::Never, None, "Invalid parameter; check the request against the error description.";
    TOO_MANY_MEMBERS = 10005, Retry::Never, None, "More than 100 members in MemberList.";
    FREQUENCY_LIMIT = 10006, Retry::Slower, None, "Operation frequency limit; reduce the call frequency.";
    NO_PERMISSION = 10007, Retry::Never, None, "Insufficient operation permissions (for example, MemberList given for a group type that does not allow invitations).";
    ILLEGAL_REQUEST = 10008, Retry::Now, None, "Illegal request; the signature may have failed verification. Try again or contact support.";
    CALLBACK_DENIED = 10016, Retry::Never, None, "The app backend denied the operation in the \"before creating a group\" callback.";
    GROUP_ID_TAKEN = 10021, Retry::Never, None, "The group ID is used by someone else; choose another.";
    GROUP_ID_USED_BY_YOU = 10025, Retry::Never, None, "The group ID is already used by you; dissolve that group or choose another ID.";
    AV_GROUP_LIMIT = 10036, Retry::Never, None, "Too many audio-video chat groups.";
    OWNER_GROUP_LIMIT = 10037, Retry::Never, None, "The owner has reached the limit of groups created and joined.";
    MEMBER_LIMIT = 10038, Retry::Never, None, "More members than the plan allows.";
    TRIAL_GROUP_LIMIT = 10058, Retry::Never, None, "The trial plan's limit of 100 groups is reached.";
    URL_PARSE = 60002, Retry::Never, Some("ERR_SVR_COMM_INVALID_HTTP_URL"), "The request URL could not be parsed; check its format.";
    JSON_PARSE = 60003, Retry::Never, Some("ERR_SVR_COMM_REQ_JSON_PARSE_FAILED"), "The JSON body could not be parsed; check its format.";
    IDENTIFIER_OR_USERSIG_WRONG = 60004, Retry::Never, Some("ERR_SVR_COMM_INVALID_ACCOUNT"), "The identifier or UserSig in the URL or the body is wrong.";
    IDENTIFIER_OR_USERSIG_WRONG_EX = 60005, Retry::Never, Some("ERR_SVR_COMM_INVALID_ACCOUNT_EX"), "The identifier or UserSig in the URL or the body is wrong (the same meaning as 60004).";
    SDKAPPID_INVALID = 60006, Retry::Never, Some("ERR_SVR_COMM_INVALID_SDKAPPID"), "The SDKAppID is invalid.";
    REST_RATE_LIMIT = 60007, Retry::Slower, Some("ERR_SVR_COMM_REST_FREQ_LIMIT"), "REST API call rate exceeded; call less often.";
    SERVICE_TIMEOUT = 60008, Retry::Now, Some("ERR_SVR_COMM_REQUEST_TIMEOUT"), "Service timeout or bad HTTP format; check and retry.";
    URL_RESOURCE = 60009, Retry::Never, Some("ERR_SVR_COMM_INVALID_RES"), "Resource error in the URL; check the URL.";
    NOT_ADMIN = 60010, Retry::Never, Some("ERR_SVR_COMM_ID_NOT_ADMIN"), "The identifier is not an App administrator.";
    SDKAPPID_RATE_LIMIT = 60011, Retry::Slower, Some("ERR_SVR_COMM_SDKAPPID_FREQ_LIMIT"), "SDKAppID request rate exceeded; call less often.";
    SDKAPPID_MISSING = 60012, Retry::Never, Some("ERR_SVR_COMM_SDKAPPID_MISS"), "The SDKAppID is missing from the URL.";
    IDENTIFIER_TYPE = 60015, Retry::Never, Some("ERR_SVR_COMM_INVALID_ID_FORMAT"), "The identifier's type is wrong: it must be a string.";
    SDKAPPID_DISABLED = 60016, Retry::Never, Some("ERR_SVR_COMM_SDKAPPID_FORBIDDEN"), "The SDKAppID is disabled.";
    REQUEST_DISABLED = 60017, Retry::Never, Some("ERR_SVR_COMM_REQ_FORBIDDEN"), "The request is disabled.";
    TOO_FREQUENT = 60018, Retry::Slower, Some("ERR_SVR_COMM_REQ_FREQ_LIMIT"), "Too many requests; retry later.";
    TOO_FREQUENT_EX = 60019, Retry::Slower, Some("ERR_SVR_COMM_REQ_FREQ_LIMIT_EX"), "Too many requests; retry later (the same meaning as 60018).";
    PACKAGE_INACTIVE = 60020, minutes(5), Some("ERR_SVR_COMM_INVALID_SERVICE"), "The package is not bought or not active yet; retry in 5 minutes.";
    USERSIG_EXPIRED = 70001, Retry::RegenerateUserSig, Some("ERR_SVR_ACCOUNT_USERSIG_EXPIRED"), "The UserSig has expired; generate a new one.";
    USERSIG_EMPTY = 70002, Retry::Never, Some("ERR_SVR_ACCOUNT_USERSIG_EMPTY"), "The UserSig is empty (0 bytes).";
    USERSIG_CHECK_FAILED = 70003, Retry::Never, Some("ERR_SVR_ACCOUNT_USERSIG_CHECK_FAILED"), "The UserSig failed verification; it may have been cut short.";
    USERSIG_CHECK_FAILED_EX = 70005, Retry::Never, Some("ERR_SVR_ACCOUNT_USERSIG_CHECK_FAILED_EX"), "The UserSig failed verification; check how it was generated.";
    USERSIG_PUBLIC_KEY_MISMATCH = 70009, Retry::Never, Some("ERR_SVR_ACCOUNT_USERSIG_MISMATCH_PUBLICKEY"), "The UserSig does not verify with the public key: the private key used does not belong to this SDKAppID.";
    USERSIG_IDENTIFIER_MISMATCH = 70013, Retry::Never, Some("ERR_SVR_ACCOUNT_USERSIG_MISMATCH_ID"), "The identifier in the request is not the one the UserSig was generated for.";
    USERSIG_SDKAPPID_MISMATCH = 70014, Retry::Never, Some("ERR_SVR_ACCOUNT_USERSIG_MISMATCH_SDKAPPID"), "The SDKAppID in the request is not the one the UserSig was generated for.";
    USERSIG_PUBLIC_KEY_NOT_FOUND = 70016, Retry::Never, Some("ERR_SVR_ACCOUNT_USERSIG_PUBLICKEY_NOT_FOUND"), "No public key to verify the UserSig: download the signing key in the console first.";
    SDKAPPID_NOT_FOUND = 70020, Retry::Never, Some("ERR_SVR_ACCOUNT_SDKAPPID_NOT_FOUND"), "The SDKAppID was not found.";
    TOO_MANY_RETRIES = 70050, minutes(1), Some("ERR_SVR_ACCOUNT_FREQ_LIMIT"), "The account is locked after too many failed attempts; check the UserSig and wait 1 minute.";
    ACCOUNT_BLACKLISTED = 70051, Retry::Never, Some("ERR_SVR_ACCOUNT_BLACKLIST"), "The account is blacklisted.";
    USERSIG_INVALID_REGENERATE = 70052, Retry::RegenerateUserSig, Some("ERR_SVR_ACCOUNT_INVALID_USERSIG"), "The UserSig is invalid; generate a new one.";
    ACCOUNT_NOT_FOUND = 70107, Retry::Never, Some("ERR_SVR_ACCOUNT_NOT_FOUND"), "The account does not exist.";
    SECURITY_RESTRICTION = 70114, Retry::Never, Some("ERR_SVR_ACCOUNT_SEC_RSTR"), "Security restriction.";
    INTERNAL_TIMEOUT = 70169, Retry::Now, Some("ERR_SVR_ACCOUNT_INTERNAL_TIMEOUT"), "Internal timeout; retry.";
    INVALID_BATCH_COUNT = 70206, Retry::Never, Some("ERR_SVR_ACCOUNT_INVALID_COUNT"), "Invalid batch count.";
    ACCOUNT_COUNT_LIMIT = 70398, Retry::Never, Some("ERR_SVR_ACCOUNT_COUNT_LIMIT"), "Account count limit reached (the free trial's).";
    INVALID_PARAMETERS = 70402, Retry::Never, Some("ERR_SVR_ACCOUNT_INVALID_PARAMETERS"), "Invalid parameters.";
    ADMIN_REQUIRED = 70403, Retry::Never, Some("ERR_SVR_ACCOUNT_ADMIN_REQUIRED"), "The operation needs an App administrator.";
    INTERNAL_ERROR = 70500, Retry::Now, Some("ERR_SVR_ACCOUNT_INTERNAL_ERROR"), "Internal error; retry.";
    NOT_DESK_APP = 141_000, Retry::Never, None, "The app is not a Desk app.";
    NO_AGENT_ONLINE = 141_001, Retry::Never, None, "Failed to assign a human agent: no agent is online (Tencent gives no retry advice; a retry helps only once an agent is online).";
    DESK_INTERNAL = 141_002, Retry::Now, None, "Desk internal system error; retry.";
    CANNOT_TRANSFER = 141_003, Retry::Never, None, "The conversation cannot be transferred.";
    DESK_ILLEGAL_PARAMETERS = 141_004, Retry::Never, None, "Illegal request parameters; check and retry.";
    AGENT_OFFLINE = 141_011, Retry::Never, None, "The agent is offline (Tencent gives no retry advice; a retry helps only once the agent is online).";
}

impl ErrorCode {
    /// The name, meaning and advice of a known code.
    #[must_use]
    pub fn info(self) -> Option<&'static ErrorCodeInfo> {
        TABLE
            .binary_search_by_key(&self.0, |i| i.code)
            .ok()
            .map(|i| &TABLE[i])
    }

    /// Every known code.
    #[must_use]
    pub fn all() -> &'static [ErrorCodeInfo] {
        TABLE
    }

    /// True for 0.
    #[must_use]
    pub fn is_ok(self) -> bool {
        self.0 == 0
    }

    /// Tencent's retry advice ([`Retry::Unknown`] for an unknown code).
    #[must_use]
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
