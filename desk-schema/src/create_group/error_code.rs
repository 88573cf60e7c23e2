use core::fmt;
use core::time::Duration;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::Locale;
use crate::i18n::InLocale;

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
    /// Do not retry as it is: the request, the account or the app must
    /// change first (141004's "check and retry").
    Never,
    /// None given: a code the table does not know, or one Tencent gives no
    /// advice for (10003, an illegal command word; 141000, 141003; 141001,
    /// 141011: no agent online).
    Unknown,
}

/// The advice in words: `retry now`, `retry more slowly`, `retry after 5 minutes`,
/// `generate a new UserSig, then retry`, `do not retry as it is`, `none given`.
impl fmt::Display for Retry {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.localized(Locale::En).fmt(f)
    }
}

impl Retry {
    /// The advice in words in `locale` (`立即重试`, `降低频率后重试`,
    /// `5 分钟后重试`, `重新生成 UserSig 后重试`, `请勿原样重试`, `未给出`; a
    /// wait of whole minutes in minutes, any other in seconds).
    ///
    /// ```
    /// use desk_schema::Locale;
    /// use desk_schema::create_group::ErrorCode;
    /// assert_eq!(ErrorCode::PACKAGE_INACTIVE.retry().localized(Locale::ZhCn).to_string(), "5 分钟后重试");
    /// ```
    #[must_use]
    pub fn localized(self, locale: Locale) -> impl fmt::Display {
        InLocale(move |f: &mut fmt::Formatter<'_>| match (self, locale) {
            (Retry::Now, Locale::ZhCn) => f.write_str("立即重试"),
            (Retry::Slower, Locale::ZhCn) => f.write_str("降低频率后重试"),
            (Retry::After(wait), Locale::ZhCn) => match minutes_of(wait) {
                Some(minutes) => write!(f, "{minutes} 分钟后重试"),
                None => write!(f, "{} 秒后重试", wait.as_secs()),
            },
            (Retry::RegenerateUserSig, Locale::ZhCn) => f.write_str("重新生成 UserSig 后重试"),
            (Retry::Never, Locale::ZhCn) => f.write_str("请勿原样重试"),
            (Retry::Unknown, Locale::ZhCn) => f.write_str("未给出"),
            (Retry::Now, _) => f.write_str("retry now"),
            (Retry::Slower, _) => f.write_str("retry more slowly"),
            (Retry::After(wait), _) => match minutes_of(wait) {
                Some(1) => f.write_str("retry after 1 minute"),
                Some(minutes) => write!(f, "retry after {minutes} minutes"),
                None => write!(f, "retry after {} s", wait.as_secs()),
            },
            (Retry::RegenerateUserSig, _) => f.write_str("generate a new UserSig, then retry"),
            (Retry::Never, _) => f.write_str("do not retry as it is"),
            (Retry::Unknown, _) => f.write_str("none given"),
        })
    }
}

impl ErrorCodeInfo {
    /// [`meaning`](Self::meaning) in `locale`.
    #[must_use]
    pub fn meaning_in(&self, locale: Locale) -> &'static str {
        match locale {
            Locale::ZhCn => self.meaning_zh_cn,
            _ => self.meaning,
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
    /// The same in Simplified Chinese, after Tencent's Chinese documentation.
    pub meaning_zh_cn: &'static str,
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
    ($( $name:ident = $code:literal, $retry:expr, $sdk:expr, $meaning:literal $meaning_zh_cn:literal; )*) => {
        impl ErrorCode {
            $(
                #[doc = concat!("`", stringify!($code), "`: ", $meaning)]
                pub const $name: ErrorCode = ErrorCode($code);
            )*
        }

        /// Every named code, in ascending order.
        const TABLE: &[ErrorCodeInfo] = &[
            $( ErrorCodeInfo { code: $code, name: stringify!($name), sdk_name: $sdk, meaning: $meaning, meaning_zh_cn: $meaning_zh_cn, retry: $retry }, )*
        ];
    };
}

/// A wait of whole minutes (at least one) in minutes, as Tencent words
/// it ("retry in 5 minutes"); `None` for any other.
fn minutes_of(wait: Duration) -> Option<u64> {
    let secs = wait.as_secs();
    (secs >= 60 && secs.is_multiple_of(60) && wait.subsec_nanos() == 0).then_some(secs / 60)
}

const fn minutes(n: u64) -> Retry {
    Retry::After(Duration::from_secs(n * 60))
}

codes! {
    OK = 0, Retry::Never, None, "Success." "成功。";
    SERVER_INTERNAL = 10002, Retry::Now, None, "Server internal error; retry." "服务器内部错误，请重试。";
    ILLEGAL_COMMAND = 10003, Retry::Unknown, None, "Illegal request command word." "非法请求命令字。";
    INVALID_PARAMETER = 10004, Retry::Never, None, "Invalid parameter; check the request against the error description." "参数非法，请根据错误描述检查请求是否正确。";
    TOO_MANY_MEMBERS = 10005, Retry::Never, None, "More than 100 members in MemberList." "MemberList 中的成员超过 100 个。";
    FREQUENCY_LIMIT = 10006, Retry::Slower, None, "Operation frequency limit; reduce the call frequency. It often comes from too large a net increase in groups in one day, or all of the app's groups fetched too often." "操作频率限制，请降低调用频率。常见于单日净增群组过多，或拉取 App 全部群组过于频繁。";
    NO_PERMISSION = 10007, Retry::Never, None, "Insufficient operation permissions (for example, MemberList given for a group type that does not allow invitations)." "操作权限不足（例如，该群组类型不允许邀请加群，请求中却填写了 MemberList）。";
    ILLEGAL_REQUEST = 10008, Retry::Now, None, "Illegal request; the signature may have failed verification. Try again or contact support." "非法请求，可能是签名信息未通过验证。请重试或提交工单联系技术支持。";
    CALLBACK_DENIED = 10016, Retry::Never, None, "The app backend denied the operation in the \"before creating a group\" callback; check what that callback returns." "App 后台通过“创建群组之前回调”拒绝了本次操作，请检查该回调服务的返回值。";
    GROUP_ID_TAKEN = 10021, Retry::Never, None, "The group ID is used by someone else; choose another." "群组 ID 已被他人使用，请选择其他群组 ID。";
    GROUP_ID_USED_BY_YOU = 10025, Retry::Never, None, "You already use this group ID; dissolve that group or choose another ID." "您已在使用该群组 ID，请解散该群组或选择其他群组 ID。";
    AV_GROUP_LIMIT = 10036, Retry::Never, None, "Too many audio-video chat groups; dissolve some, or buy an upgrade (see Pricing)." "音视频聊天室的数量超过限制，请先解散部分音视频聊天室，或参考“价格说明”购买升级。";
    OWNER_GROUP_LIMIT = 10037, Retry::Never, None, "The owner (Owner_Account) has reached the limit of groups created and joined; ask the owner to leave some groups, or buy an upgrade (see Pricing)." "群主（Owner_Account）创建和加入的群组数量已达上限，请群主退出部分群组，或参考“价格说明”购买升级。";
    MEMBER_LIMIT = 10038, Retry::Never, None, "More members than the plan allows; import fewer in MemberList, or buy an upgrade (see Pricing)." "成员数超过套餐允许的上限，请减少 MemberList 中导入的成员，或参考“价格说明”购买升级。";
    TRIAL_GROUP_LIMIT = 10058, Retry::Never, None, "The trial edition's limit of 100 groups is reached; buy a package to raise it." "体验版已达 100 个群组的上限，请购买套餐以提高创建群组的上限。";
    URL_PARSE = 60002, Retry::Never, Some("ERR_SVR_COMM_INVALID_HTTP_URL"), "The request URL could not be parsed; check its format." "无法解析请求 URL，请检查其格式。";
    JSON_PARSE = 60003, Retry::Never, Some("ERR_SVR_COMM_REQ_JSON_PARSE_FAILED"), "The JSON body could not be parsed; check its format." "无法解析 JSON 请求包体，请检查其格式。";
    IDENTIFIER_OR_USERSIG_WRONG = 60004, Retry::Never, Some("ERR_SVR_COMM_INVALID_ACCOUNT"), "The identifier or UserSig in the URL or the body is wrong." "URL 或包体中的 identifier 或 UserSig 有误。";
    IDENTIFIER_OR_USERSIG_WRONG_EX = 60005, Retry::Never, Some("ERR_SVR_COMM_INVALID_ACCOUNT_EX"), "The identifier or UserSig in the URL or the body is wrong (the same meaning as 60004)." "URL 或包体中的 identifier 或 UserSig 有误（与 60004 含义相同）。";
    SDKAPPID_INVALID = 60006, Retry::Never, Some("ERR_SVR_COMM_INVALID_SDKAPPID"), "The SDKAppID is invalid." "SDKAppID 无效。";
    REST_RATE_LIMIT = 60007, Retry::Slower, Some("ERR_SVR_COMM_REST_FREQ_LIMIT"), "REST API call rate exceeded; call less often." "REST 接口调用频率超过限制，请降低调用频率。";
    SERVICE_TIMEOUT = 60008, Retry::Now, Some("ERR_SVR_COMM_REQUEST_TIMEOUT"), "Service timeout or bad HTTP format; check and retry." "服务请求超时或 HTTP 请求格式错误，请检查后重试。";
    URL_RESOURCE = 60009, Retry::Never, Some("ERR_SVR_COMM_INVALID_RES"), "Resource error in the URL; check the URL." "请求 URL 中的资源有误，请检查 URL。";
    NOT_ADMIN = 60010, Retry::Never, Some("ERR_SVR_COMM_ID_NOT_ADMIN"), "The identifier is not an App administrator." "identifier 不是 App 管理员。";
    SDKAPPID_RATE_LIMIT = 60011, Retry::Slower, Some("ERR_SVR_COMM_SDKAPPID_FREQ_LIMIT"), "SDKAppID request rate exceeded; call less often." "SDKAppID 请求频率超过限制，请降低调用频率。";
    SDKAPPID_MISSING = 60012, Retry::Never, Some("ERR_SVR_COMM_SDKAPPID_MISS"), "The SDKAppID is missing from the URL." "URL 中缺少 SDKAppID。";
    IDENTIFIER_TYPE = 60015, Retry::Never, Some("ERR_SVR_COMM_INVALID_ID_FORMAT"), "The identifier's type is wrong: it must be a string." "identifier 类型错误：必须是字符串。";
    SDKAPPID_DISABLED = 60016, Retry::Never, Some("ERR_SVR_COMM_SDKAPPID_FORBIDDEN"), "The SDKAppID is disabled." "SDKAppID 已被禁用。";
    REQUEST_DISABLED = 60017, Retry::Never, Some("ERR_SVR_COMM_REQ_FORBIDDEN"), "The request is disabled." "请求已被禁用。";
    TOO_FREQUENT = 60018, Retry::Slower, Some("ERR_SVR_COMM_REQ_FREQ_LIMIT"), "Too many requests; retry later." "请求过于频繁，请稍后重试。";
    TOO_FREQUENT_EX = 60019, Retry::Slower, Some("ERR_SVR_COMM_REQ_FREQ_LIMIT_EX"), "Too many requests; retry later (the same meaning as 60018)." "请求过于频繁，请稍后重试（与 60018 含义相同）。";
    PACKAGE_INACTIVE = 60020, minutes(5), Some("ERR_SVR_COMM_INVALID_SERVICE"), "The package has not been purchased or is not active yet; retry in 5 minutes." "套餐包未购买或尚未生效，请 5 分钟后重试。";
    USERSIG_EXPIRED = 70001, Retry::RegenerateUserSig, Some("ERR_SVR_ACCOUNT_USERSIG_EXPIRED"), "The UserSig has expired; generate a new one." "UserSig 已过期，请重新生成。";
    USERSIG_EMPTY = 70002, Retry::Never, Some("ERR_SVR_ACCOUNT_USERSIG_EMPTY"), "The UserSig is empty (0 bytes)." "UserSig 为空（0 字节）。";
    USERSIG_CHECK_FAILED = 70003, Retry::Never, Some("ERR_SVR_ACCOUNT_USERSIG_CHECK_FAILED"), "The UserSig failed verification; it may have been cut short." "UserSig 校验失败，可能被截断。";
    USERSIG_CHECK_FAILED_EX = 70005, Retry::Never, Some("ERR_SVR_ACCOUNT_USERSIG_CHECK_FAILED_EX"), "The UserSig failed verification; check how it was generated." "UserSig 校验失败，请检查其生成方式。";
    USERSIG_PUBLIC_KEY_MISMATCH = 70009, Retry::Never, Some("ERR_SVR_ACCOUNT_USERSIG_MISMATCH_PUBLICKEY"), "The UserSig does not verify with the public key: the private key used does not belong to this SDKAppID." "UserSig 无法用公钥验证：所用私钥不属于该 SDKAppID。";
    USERSIG_IDENTIFIER_MISMATCH = 70013, Retry::Never, Some("ERR_SVR_ACCOUNT_USERSIG_MISMATCH_ID"), "The identifier in the request is not the one the UserSig was generated for." "请求中的 identifier 不是生成 UserSig 时所用的。";
    USERSIG_SDKAPPID_MISMATCH = 70014, Retry::Never, Some("ERR_SVR_ACCOUNT_USERSIG_MISMATCH_SDKAPPID"), "The SDKAppID in the request is not the one the UserSig was generated for." "请求中的 SDKAppID 不是生成 UserSig 时所用的。";
    USERSIG_PUBLIC_KEY_NOT_FOUND = 70016, Retry::Never, Some("ERR_SVR_ACCOUNT_USERSIG_PUBLICKEY_NOT_FOUND"), "No public key to verify the UserSig: download the signing key in the console first." "没有验证 UserSig 的公钥：请先在控制台下载签名密钥。";
    SDKAPPID_NOT_FOUND = 70020, Retry::Never, Some("ERR_SVR_ACCOUNT_SDKAPPID_NOT_FOUND"), "The SDKAppID was not found." "未找到该 SDKAppID。";
    TOO_MANY_RETRIES = 70050, minutes(1), Some("ERR_SVR_ACCOUNT_FREQ_LIMIT"), "Too many failed attempts: calls are limited for a while; check the UserSig and wait 1 minute." "失败次数过多，调用已被暂时限制；请检查 UserSig，1 分钟后再试。";
    ACCOUNT_BLACKLISTED = 70051, Retry::Never, Some("ERR_SVR_ACCOUNT_BLACKLIST"), "The account is blacklisted." "账号已被拉入黑名单。";
    USERSIG_INVALID_REGENERATE = 70052, Retry::RegenerateUserSig, Some("ERR_SVR_ACCOUNT_INVALID_USERSIG"), "The UserSig is invalid; generate a new one." "UserSig 无效，请重新生成。";
    ACCOUNT_NOT_FOUND = 70107, Retry::Never, Some("ERR_SVR_ACCOUNT_NOT_FOUND"), "The account does not exist." "账号不存在。";
    SECURITY_RESTRICTION = 70114, Retry::Never, Some("ERR_SVR_ACCOUNT_SEC_RSTR"), "Security restriction." "因安全原因受限。";
    INTERNAL_TIMEOUT = 70169, Retry::Now, Some("ERR_SVR_ACCOUNT_INTERNAL_TIMEOUT"), "Internal timeout; retry." "内部超时，请重试。";
    INVALID_BATCH_COUNT = 70206, Retry::Never, Some("ERR_SVR_ACCOUNT_INVALID_COUNT"), "Invalid batch count." "批量数量不合法。";
    ACCOUNT_COUNT_LIMIT = 70398, Retry::Never, Some("ERR_SVR_ACCOUNT_COUNT_LIMIT"), "Account limit reached (trial edition)." "账号数量已达上限（免费体验版）。";
    INVALID_PARAMETERS = 70402, Retry::Never, Some("ERR_SVR_ACCOUNT_INVALID_PARAMETERS"), "Invalid parameters." "参数非法。";
    ADMIN_REQUIRED = 70403, Retry::Never, Some("ERR_SVR_ACCOUNT_ADMIN_REQUIRED"), "The operation needs an App administrator." "该操作需要 App 管理员。";
    INTERNAL_ERROR = 70500, Retry::Now, Some("ERR_SVR_ACCOUNT_INTERNAL_ERROR"), "Internal error; retry." "内部错误，请重试。";
    NOT_DESK_APP = 141_000, Retry::Unknown, None, "The app is not a Desk app." "该应用不是智能客服（Desk）应用。";
    NO_AGENT_ONLINE = 141_001, Retry::Unknown, None, "Failed to assign a human agent: no agent is online." "分配人工客服失败：没有人工客服在线。";
    DESK_INTERNAL = 141_002, Retry::Now, None, "Desk internal system error; retry." "智能客服内部系统错误，请重试。";
    CANNOT_TRANSFER = 141_003, Retry::Unknown, None, "The conversation cannot be transferred." "会话无法转接。";
    DESK_ILLEGAL_PARAMETERS = 141_004, Retry::Never, None, "Illegal request parameters; check and retry." "请求参数非法，请检查后重试。";
    AGENT_OFFLINE = 141_011, Retry::Unknown, None, "The agent is offline." "人工客服已离线。";
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
        self.localized(Locale::En).fmt(f)
    }
}

impl ErrorCode {
    /// The code and its meaning in `locale`, without the meaning's full
    /// stop: `10021 (The group ID is used by someone else; choose
    /// another)`, `10021（群组 ID 已被他人使用，请选择其他群组 ID）`.
    #[must_use]
    pub fn localized(self, locale: Locale) -> impl fmt::Display {
        InLocale(
            move |f: &mut fmt::Formatter<'_>| match (self.info(), locale) {
                (Some(i), Locale::ZhCn) => {
                    write!(
                        f,
                        "{}（{}）",
                        self.0,
                        i.meaning_zh_cn.trim_end_matches('。')
                    )
                }
                (None, Locale::ZhCn) => write!(f, "{}（未知错误码）", self.0),
                (Some(i), _) => write!(f, "{} ({})", self.0, i.meaning.trim_end_matches('.')),
                (None, _) => write!(f, "{} (unknown code)", self.0),
            },
        )
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
