use schemars::{Schema, SchemaGenerator};
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

use super::context::{DEFAULT_CUSTOMER_SERVICE_ACCOUNT, DeskContext};
use crate::rules::unique;
use crate::{JsonView, Kind, Scope, Seg};

/// The most bytes of a group-level custom data `Value` (`AppDefinedData`).
/// Member-level values have no documented limit, so none is enforced.
/// Source: not the page, which gives none; Tencent Chat's SDK headers and
/// its HarmonyOS `V2TIMSetGroupInfoParam` docs.
pub const GROUP_DATA_VALUE_MAX_BYTES: usize = 512;

/// The body of a `v4/desk_http_svc/create_group` request.
///
/// Rules across fields: the member list holds exactly one customer service
/// account and at least one member that is not one (the page: "Currently
/// only support creating a group with one customer service account ...
/// at least one non-customer service account member"), and an owner that is a
/// customer service account is the list's (the page: the owner "will be
/// automatically added to the group members", so another would be a
/// second: desk-schema's reading); no `Member_Account` or
/// custom-data `Key` appears twice in one list; `MaxMemberCount`, when given,
/// is not below the initial member count; group-level custom data values are
/// at most 512 bytes.
///
/// ```
/// use desk_schema::Validate;
/// use desk_schema::create_group::{CreateGroupRequest, GroupType, Member};
///
/// let request = CreateGroupRequest::new(GroupType::Public, "MyFirstGroup", "客服群")
///     .owner_account("leckie")
///     .member(Member::new("peter").admin())
///     .member(Member::customer_service())
///     .max_member_count(50);
/// assert!(request.validate().is_ok());
/// let body = serde_json::to_string(&request).unwrap();
/// assert!(body.starts_with(r#"{"Owner_Account":"leckie","Type":"Public""#));
///
/// // Every problem at once, each at its JSON path.
/// let broken = CreateGroupRequest::new(GroupType::Public, "@TGS#1", "客服群".repeat(12))
///     .member(Member::new("peter"));
/// assert_eq!(broken.validate().unwrap_err().to_string(), "\
/// /GroupId: starts with \"@TGS#\", a reserved prefix
/// /MemberList: no customer service account; exactly one is required (an owner that is one must be listed too)
/// /Name: 108 bytes in UTF-8 (36 characters); at most 100 bytes");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, desk_schema_derive::Validate)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
#[desk(
    context = DeskContext,
    custom(
        check = check_request,
        check_value = check_request_value,
        description = "MaxMemberCount, when given, must not be below the initial member count (MemberList, plus Owner_Account when it is not in the list)."
    ),
    schema_with = member_list_schema
)]
pub struct CreateGroupRequest {
    /// Group owner's UserID (optional; the page: an imported account): 1 to 32 bytes of printable ASCII, a Chat UserID's limits (not on the page: Tencent Chat's UserID rules, trtc.io document 34348, error 7003). Added to the members automatically; without it (the page's "left empty") the group has no owner, while `""` is no UserID and is refused.
    #[serde(
        rename = "Owner_Account",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    #[desk(min_bytes = 1, max_bytes = 32, printable_ascii)]
    pub owner_account: Option<String>,

    /// Group type (required): `Public` or `Private`; no other type is allowed on this API (the page).
    #[serde(rename = "Type")]
    #[desk(nested)]
    pub group_type: GroupType,

    /// Custom group ID (required, the page): 1 to 48 bytes of printable ASCII, not starting with `@TGS#` (reserved for IDs the server assigns). The page gives no limits; these are Tencent Chat's (its SDK headers, `V2TIMManager+Group.h`, error 8501, and its Flutter `V2TimGroupInfo` docs).
    #[desk(min_bytes = 1, max_bytes = 48, printable_ascii, not_prefix = "@TGS#")]
    pub group_id: String,

    /// Group name (required): at most 100 bytes of UTF-8 (a Chinese character is 3 bytes), as the page says, and not empty (at least 1 byte: the page requires a name, and gives no lower limit).
    #[desk(min_bytes = 1, max_bytes = 100)]
    pub name: String,

    /// Group introduction (optional): at most 400 bytes of UTF-8, as the page says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[desk(max_bytes = 400)]
    pub introduction: Option<String>,

    /// Group notice (optional): at most 400 bytes of UTF-8, as the page says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[desk(max_bytes = 400)]
    pub notification: Option<String>,

    /// Group avatar URL (optional): at most 500 bytes, as the page says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[desk(max_bytes = 500)]
    pub face_url: Option<String>,

    /// Maximum number of members (optional): at least 1 and not below the initial member count (not on the page: Tencent Chat's group limits, trtc.io document 33529). The page: it defaults to the plan's limit (20 on the trial edition). After upgrading the plan, raise it by modifying the group's basic information. The page sets no upper bound; `u32` is the type's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[desk(range(min = 1))]
    pub max_member_count: Option<u32>,

    /// How requests to join are handled (optional): `FreeAccess`, `NeedPermission` or `DisableApply`. The page: it takes effect only for a group that supports requests to join; for the default when it is left out, the page refers to "Differences in group joining methods".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[desk(nested)]
    pub apply_join_option: Option<ApplyJoinOption>,

    /// How invitations to join are handled (optional): `FreeAccess`, `NeedPermission` or `DisableInvite` (the page).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[desk(nested)]
    pub invite_join_option: Option<InviteJoinOption>,

    /// Group-level custom fields (optional): `Key` 1 to 16 bytes, unique in the list; `Value` at most 512 bytes (not on the page: Tencent Chat's SDK headers and its HarmonyOS `V2TIMSetGroupInfoParam` docs). Must be configured in the Chat console first. A unique `Key` is desk-schema's rule, not the page's: the page gives a repeated key no meaning (which value the server keeps is not documented).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[desk(nested, unique(by = key))]
    pub app_defined_data: Option<Vec<CustomData>>,

    /// Initial members (required, as the page's table says; its sample's comment says optional): 1 to 100 (the page), no account twice, exactly one customer service account and at least one other member. No account twice is desk-schema's rule, not the page's: the page gives a repeated member no meaning.
    #[desk(nested, min_items = 1, max_items = 100, unique(by = account))]
    pub member_list: Vec<Member>,

    /// Member-level custom fields (optional): `Key` 1 to 16 bytes (not on the page: Tencent Chat's SDK headers and its HarmonyOS `V2TIMSetGroupInfoParam` docs), unique in the list; no documented limit on `Value`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[desk(nested, unique(by = key))]
    pub app_member_defined_data: Option<Vec<CustomData>>,
}

/// A group member in `MemberList`.
///
/// ```
/// use desk_schema::create_group::Member;
///
/// let member = Member::new("peter").admin().app_member_defined_data("Level", "3");
/// assert_eq!(
///     serde_json::to_value(&member).unwrap(),
///     serde_json::json!({
///         "Member_Account": "peter",
///         "Role": "Admin",
///         "AppMemberDefinedData": [{"Key": "Level", "Value": "3"}]
///     })
/// );
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, desk_schema_derive::Validate)]
#[serde(deny_unknown_fields)]
pub struct Member {
    /// The member's UserID (required): 1 to 32 bytes of printable ASCII, a Chat UserID's limits (not on the page: Tencent Chat's UserID rules, trtc.io document 34348, error 7003).
    #[serde(rename = "Member_Account")]
    #[desk(min_bytes = 1, max_bytes = 32, printable_ascii)]
    pub account: String,

    /// The member's role (optional): only `Admin` (the page's sample request).
    #[serde(rename = "Role", default, skip_serializing_if = "Option::is_none")]
    #[desk(nested)]
    pub role: Option<MemberRole>,

    /// Member-level custom fields (optional): `Key` 1 to 16 bytes (not on the page: Tencent Chat's SDK headers and its HarmonyOS `V2TIMSetGroupInfoParam` docs), unique in the list; no documented limit on `Value`.
    #[serde(
        rename = "AppMemberDefinedData",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    #[desk(nested, unique(by = key))]
    pub app_member_defined_data: Option<Vec<CustomData>>,
}

/// A custom field: `{"Key": ..., "Value": ...}`, in `AppDefinedData` and `AppMemberDefinedData`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, desk_schema_derive::Validate)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct CustomData {
    /// The field's key (required): 1 to 16 bytes of UTF-8 (not on the page: Tencent Chat's SDK headers and its HarmonyOS `V2TIMSetGroupInfoParam` docs).
    #[desk(min_bytes = 1, max_bytes = 16)]
    pub key: String,
    /// The field's value (required): at most 512 bytes in `AppDefinedData` (not on the page: Tencent Chat's SDK headers and its HarmonyOS `V2TIMSetGroupInfoParam` docs); no documented limit for members.
    // No rule of its own (the group-level limit is the request's rule): it is
    // walked as a string, which borrows it from the input instead of copying.
    #[desk(nested)]
    pub value: String,
}

/// The group type: this API creates `Public` and `Private` groups only.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, desk_schema_derive::Validate,
)]
pub enum GroupType {
    /// A stranger social group.
    Public,
    /// A work group (`Work` in newer Chat APIs).
    Private,
}

/// How requests to join the group are handled.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, desk_schema_derive::Validate,
)]
pub enum ApplyJoinOption {
    /// Anyone may join.
    FreeAccess,
    /// An admin or the owner must approve.
    NeedPermission,
    /// Nobody may ask to join.
    DisableApply,
}

/// How invitations to join the group are handled.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, desk_schema_derive::Validate,
)]
pub enum InviteJoinOption {
    /// Invitees join without approval.
    FreeAccess,
    /// An admin or the owner must approve.
    NeedPermission,
    /// Invitations from the SDK are not allowed.
    DisableInvite,
}

/// The role of an initial member: the API accepts only `Admin`.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, desk_schema_derive::Validate,
)]
pub enum MemberRole {
    /// A group admin.
    Admin,
}

impl CreateGroupRequest {
    /// A request with the three required scalar fields and no members yet.
    pub fn new(
        group_type: GroupType,
        group_id: impl Into<String>,
        name: impl Into<String>,
    ) -> Self {
        CreateGroupRequest {
            owner_account: None,
            group_type,
            group_id: group_id.into(),
            name: name.into(),
            introduction: None,
            notification: None,
            face_url: None,
            max_member_count: None,
            apply_join_option: None,
            invite_join_option: None,
            app_defined_data: None,
            member_list: Vec::new(),
            app_member_defined_data: None,
        }
    }

    /// Sets `Owner_Account`.
    #[must_use]
    pub fn owner_account(mut self, account: impl Into<String>) -> Self {
        self.owner_account = Some(account.into());
        self
    }

    /// Adds a member to `MemberList`.
    #[must_use]
    pub fn member(mut self, member: Member) -> Self {
        self.member_list.push(member);
        self
    }

    /// Sets `Introduction`.
    #[must_use]
    pub fn introduction(mut self, text: impl Into<String>) -> Self {
        self.introduction = Some(text.into());
        self
    }

    /// Sets `Notification`.
    #[must_use]
    pub fn notification(mut self, text: impl Into<String>) -> Self {
        self.notification = Some(text.into());
        self
    }

    /// Sets `FaceUrl`.
    #[must_use]
    pub fn face_url(mut self, url: impl Into<String>) -> Self {
        self.face_url = Some(url.into());
        self
    }

    /// Sets `MaxMemberCount`.
    #[must_use]
    pub fn max_member_count(mut self, count: u32) -> Self {
        self.max_member_count = Some(count);
        self
    }

    /// Sets `ApplyJoinOption`.
    #[must_use]
    pub fn apply_join_option(mut self, option: ApplyJoinOption) -> Self {
        self.apply_join_option = Some(option);
        self
    }

    /// Sets `InviteJoinOption`.
    #[must_use]
    pub fn invite_join_option(mut self, option: InviteJoinOption) -> Self {
        self.invite_join_option = Some(option);
        self
    }

    /// Adds a group-level custom field to `AppDefinedData`.
    #[must_use]
    pub fn app_defined_data(mut self, key: impl Into<String>, value: impl Into<String>) -> Self {
        push_data(&mut self.app_defined_data, key, value);
        self
    }

    /// Adds a member-level custom field to the group's
    /// `AppMemberDefinedData` ("custom fields at the group member
    /// dimension", as the page says).
    #[must_use]
    pub fn app_member_defined_data(
        mut self,
        key: impl Into<String>,
        value: impl Into<String>,
    ) -> Self {
        push_data(&mut self.app_member_defined_data, key, value);
        self
    }

    /// How many members the group starts with: each account in the list
    /// once (a repeat, which `validate()` refuses, is one member), plus the
    /// owner when the owner is not in it (the server adds the owner).
    #[must_use]
    pub fn initial_member_count(&self) -> usize {
        let listed = listed_members(
            &self.member_list,
            member_account,
            self.owner_account.as_deref(),
        );
        initial_members(&self.member_list, member_account, listed)
    }
}

impl Member {
    /// A member with no role and no custom data.
    pub fn new(account: impl Into<String>) -> Self {
        Member {
            account: account.into(),
            role: None,
            app_member_defined_data: None,
        }
    }

    /// The default customer service account, [`DEFAULT_CUSTOMER_SERVICE_ACCOUNT`].
    #[must_use]
    pub fn customer_service() -> Self {
        Member::new(DEFAULT_CUSTOMER_SERVICE_ACCOUNT)
    }

    /// Makes the member an `Admin`.
    #[must_use]
    pub fn admin(mut self) -> Self {
        self.role = Some(MemberRole::Admin);
        self
    }

    /// Adds a member-level custom field to the member's `AppMemberDefinedData`.
    #[must_use]
    pub fn app_member_defined_data(
        mut self,
        key: impl Into<String>,
        value: impl Into<String>,
    ) -> Self {
        push_data(&mut self.app_member_defined_data, key, value);
        self
    }
}

/// Adds a custom field to an optional list of them, making the list if absent.
fn push_data(list: &mut Option<Vec<CustomData>>, key: impl Into<String>, value: impl Into<String>) {
    list.get_or_insert_with(Vec::new)
        .push(CustomData::new(key, value));
}

impl CustomData {
    /// A custom field.
    pub fn new(key: impl Into<String>, value: impl Into<String>) -> Self {
        CustomData {
            key: key.into(),
            value: value.into(),
        }
    }
}

/// The rules across fields of the request, on the typed value.
fn check_request(request: &CreateGroupRequest, ctx: &DeskContext, scope: &mut Scope<'_, '_>) {
    let accounts = request.member_list.iter().map(member_account);
    check_members(accounts, request.owner_account.as_deref(), ctx, scope);
    if let Some(max) = request.max_member_count {
        check_max_member_count(
            u64::from(max),
            &request.member_list,
            member_account,
            request.owner_account.as_deref(),
            scope,
        );
    }
    let values = request
        .app_defined_data
        .iter()
        .flatten()
        .map(|d| Some(d.value.as_str()));
    check_group_values(values, scope);
}

/// The same rules on the request as read from raw JSON (its view: each
/// field `None` when absent or of the wrong shape), so they are reported even
/// when another part of the request has the wrong shape, as a JSON Schema
/// validator reports them. Values of the wrong type count neither way.
fn check_request_value<'v, 'd>(
    request: &'v <CreateGroupRequest as JsonView>::View<'d>,
    ctx: &DeskContext,
    scope: &mut Scope<'_, '_>,
) {
    let owner = request.owner_account.as_ref().and_then(Option::as_deref);
    if let Some(members) = request.member_list.as_ref() {
        let account = |m: &'v Option<<Member as JsonView>::View<'d>>| {
            m.as_ref().and_then(|m| m.account.as_deref())
        };
        check_members(members.iter().map(account), owner, ctx, scope);
        if let Some(max) = request.max_member_count.and_then(|max| max) {
            check_max_member_count(u64::from(max), members, account, owner, scope);
        }
    }
    if let Some(data) = request.app_defined_data.as_ref().and_then(Option::as_ref) {
        let values = data
            .iter()
            .map(|d| d.as_ref().and_then(|d| d.value.as_deref()));
        check_group_values(values, scope);
    }
}

/// Exactly one customer service account, and at least one other member;
/// and an owner that is a customer service account is the list's one (the
/// server adds the owner to the members: another would be a second).
fn check_members<'a, I>(
    accounts: I,
    owner: Option<&str>,
    ctx: &DeskContext,
    scope: &mut Scope<'_, '_>,
) where
    I: Iterator<Item = Option<&'a str>>,
{
    // One pass: customer service accounts, whether any other member
    // exists, and whether the owner, when it is a service account, is in
    // the list (only a service account in the list can be it: the others
    // are spared the comparison).
    let (mut members, mut service, mut ordinary) = (0usize, 0usize, false);
    let owner = owner.filter(|o| ctx.is_customer_service(o));
    let mut owner_listed = false;
    // The lengths of the service accounts, one bit each (63 and longer
    // share the last): an account of another length is not one of them,
    // which spares most members the comparisons.
    let lengths = ctx.accounts().fold(0u64, |m, a| m | 1 << a.len().min(63));
    for account in accounts {
        members += 1;
        match account {
            Some(a) if lengths >> a.len().min(63) & 1 == 1 && ctx.is_customer_service(a) => {
                service += 1;
                owner_listed |= owner == Some(a);
            }
            Some(_) => ordinary = true,
            None => {}
        }
    }
    // An empty list already fails `min_items`; counting in it adds only noise.
    if members == 0 {
        return;
    }
    if service != 1 {
        let (en, zh_cn) = if service == 0 {
            (
                "no customer service account; exactly one is required (an owner that is one \
                 must be listed too)"
                    .into(),
                "没有客服账号；成员中必须恰好有一个客服账号（群主若是客服账号，也须列在 MemberList 中）"
                    .into(),
            )
        } else {
            (
                format!("{service} customer service accounts; exactly one is supported"),
                format!("有 {service} 个客服账号；只能有一个"),
            )
        };
        scope.push(
            &[Seg::Key("MemberList")],
            Kind::custom_in("customer_service_account", en, zh_cn),
        );
    }
    if service > 0 && !owner_listed && owner.is_some() {
        scope.push(
            &[Seg::Key("Owner_Account")],
            Kind::custom_in(
                "customer_service_account",
                "the owner is a second customer service account (MemberList holds one, and the \
                 server adds the owner to the members); only one is supported",
                "群主是另一个客服账号（MemberList 中已有一个，服务端又会把群主加入群成员）；一个群组只能有一个客服账号",
            ),
        );
    }
    if !ordinary {
        scope.push(
            &[Seg::Key("MemberList")],
            Kind::custom_in(
                "ordinary_member",
                "no member other than a customer service account; at least one is required",
                "没有客服账号以外的成员；至少需要一个",
            ),
        );
    }
}

/// A member's account, as the member rules read an item.
#[allow(
    clippy::unnecessary_wraps,
    reason = "the rules read the raw list's items too, whose account may be missing"
)]
fn member_account(member: &Member) -> Option<&str> {
    Some(member.account.as_str())
}

/// The list's `items` (`account` gives each one's, `None` for one whose
/// account is missing or not text), plus the owner when no item is the
/// owner (the server adds the owner): at least [`initial_members`], and as
/// many when no account is listed twice.
fn listed_members<'a, T>(
    items: &'a [T],
    account: impl Fn(&'a T) -> Option<&'a str>,
    owner: Option<&str>,
) -> usize {
    let owner_extra = owner.is_some_and(|o| !items.iter().any(|m| account(m) == Some(o)));
    items.len() + usize::from(owner_extra)
}

/// The members a group starts with: [`listed_members`] less the items
/// whose account repeats an earlier one's (a repeat is one member, and
/// already a `duplicate`). Counted without allocating.
fn initial_members<'a, T>(
    items: &'a [T],
    account: impl Fn(&'a T) -> Option<&'a str> + Copy,
    listed: usize,
) -> usize {
    listed - unique::repeats(items, account)
}

/// `MaxMemberCount` not below the initial member count (0 already fails
/// `range`), for the list's `items` and the `account` of each. The
/// accounts are told apart only when the list is long enough for the count
/// to be short of `max`.
fn check_max_member_count<'a, T>(
    max: u64,
    items: &'a [T],
    account: impl Fn(&'a T) -> Option<&'a str> + Copy,
    owner: Option<&str>,
    scope: &mut Scope<'_, '_>,
) {
    // The owner adds at most one member: past the list's length no count
    // can be short of `max`.
    if max == 0 || max > items.len() as u64 {
        return;
    }
    let listed = listed_members(items, account, owner);
    if max >= listed as u64 {
        return;
    }
    let initial = initial_members(items, account, listed);
    if max < initial as u64 {
        // The owner, when not listed, is a member the list does not show.
        let (en, zh_cn) = if listed > items.len() {
            (
                " (Owner_Account included: the server adds the owner)",
                "（含群主：服务端会把群主加入群成员）",
            )
        } else {
            ("", "")
        };
        scope.push(
            &[Seg::Key("MaxMemberCount")],
            Kind::custom_in(
                "max_member_count",
                format!(
                    "{max} is below the {initial} initial members{en}; must be at least {initial}"
                ),
                format!("{max} 小于初始成员数 {initial}{zh_cn}；应不小于 {initial}"),
            ),
        );
    }
}

/// Group-level custom data values of at most 512 bytes.
fn check_group_values<'a>(
    values: impl Iterator<Item = Option<&'a str>>,
    scope: &mut Scope<'_, '_>,
) {
    for (i, value) in values.enumerate() {
        if let Some(v) = value.filter(|v| v.len() > GROUP_DATA_VALUE_MAX_BYTES) {
            scope.push(
                &[Seg::Key("AppDefinedData"), Seg::Index(i), Seg::Key("Value")],
                Kind::MaxBytes {
                    limit: GROUP_DATA_VALUE_MAX_BYTES,
                    bytes: v.len(),
                    chars: crate::text::chars(v),
                },
            );
        }
    }
}

/// Puts `ctx`'s accounts in the member-list rule that [`member_list_schema`]
/// wrote with the default one.
pub(super) fn set_customer_service_accounts(schema: &mut Schema, ctx: &DeskContext) {
    let accounts: Vec<Value> = ctx.accounts().map(Value::from).collect();
    for at in [
        "/properties/MemberList/allOf/0/contains/properties/Member_Account/enum",
        "/properties/MemberList/allOf/1/contains/properties/Member_Account/not/enum",
    ] {
        let list = schema
            .pointer_mut(at)
            .expect("member_list_schema writes the customer service account rule");
        *list = Value::Array(accounts.clone());
    }
    let owner = schema
        .pointer_mut("/dependentSchemas/Owner_Account")
        .expect("member_list_schema writes the owner's rule");
    *owner = owner_rule(&accounts);
}

/// The owner's part of the rule: when `MemberList` has a customer service
/// account, one `if`/`then` per account `a`: when the list does not hold
/// `a`, `Owner_Account` is not `a` (the server adds the owner to the
/// members). The `not` is marked `x-ownerCustomerServiceAccount`, which the
/// npm package reads as the `customer_service_account` violation at
/// `/Owner_Account`. It sits in `dependentSchemas` (it applies when there
/// is an owner), which type generators pass over, where a root `allOf`
/// would make them write an intersection with an open object.
///
/// With no account at all, `true`: `allOf` must not be empty.
fn owner_rule(accounts: &[Value]) -> Value {
    if accounts.is_empty() {
        return Value::Bool(true);
    }
    // Whether the list holds a customer service account is asked once;
    // then, for each account, only `const`s: the schema grows with the
    // accounts, not with their square.
    let rules: Vec<Value> = accounts
        .iter()
        .map(|a| {
            json!({
                "if": {
                    "type": "object",
                    "properties": {
                        "Owner_Account": { "const": a },
                        "MemberList": { "not": { "type": "array", "contains": member_item(&json!({ "const": a })) } }
                    }
                },
                "then": {
                    "properties": {
                        "Owner_Account": { "not": { "const": a }, "x-ownerCustomerServiceAccount": true }
                    }
                }
            })
        })
        .collect();
    json!({
        "if": {
            "type": "object",
            "properties": {
                "MemberList": { "type": "array", "contains": member_item(&json!({ "enum": accounts })) }
            },
            "required": ["MemberList"]
        },
        "then": { "allOf": rules }
    })
}

/// A `MemberList` item whose `Member_Account` is as `account` says: what
/// the member-list rule's `contains` and the owner's rule look for.
fn member_item(account: &Value) -> Value {
    json!({
        "type": "object",
        "properties": { "Member_Account": account },
        "required": ["Member_Account"]
    })
}

/// The cross-field rules in the schema: exactly one customer service account
/// (`contains` with `minContains`/`maxContains`), and an owner that is one
/// only if it is the list's ([`owner_rule`]), at least one other member (a
/// second `contains`), the group-level custom data value limit, and
/// `x-maxMemberCount`: `MaxMemberCount` (`max`) not below the members in
/// `MemberList` (`members`, each `Member_Account` (`account`) once), plus
/// `Owner_Account` (`owner`) when no member's `Member_Account` is the owner.
fn member_list_schema(schema: &mut Schema, _: &mut SchemaGenerator) {
    let accounts = [DEFAULT_CUSTOMER_SERVICE_ACCOUNT];
    schema.insert(
        "dependentSchemas".into(),
        json!({ "Owner_Account": owner_rule(&[Value::from(accounts[0])]) }),
    );
    let service = member_item(&json!({ "enum": accounts }));
    let other = member_item(&json!({ "type": "string", "not": { "enum": accounts } }));
    if let Some(list) = schema
        .pointer_mut("/properties/MemberList")
        .and_then(Value::as_object_mut)
    {
        // `type` in each part keeps code generators (json-schema-to-typescript)
        // from reading the parts as objects.
        list.insert(
            "allOf".into(),
            json!([
                { "type": "array", "contains": service, "minContains": 1, "maxContains": 1 },
                { "type": "array", "contains": other }
            ]),
        );
    }
    // No standard keyword compares a number with a list's length: the npm
    // package (and any validator) registers this one.
    schema.insert(
        "x-maxMemberCount".into(),
        json!({
            "max": "MaxMemberCount",
            "members": "MemberList",
            "account": "Member_Account",
            "owner": "Owner_Account"
        }),
    );
    if let Some(items) = schema
        .pointer_mut("/properties/AppDefinedData/items")
        .and_then(Value::as_object_mut)
    {
        let mut value = schemars::json_schema!({ "type": "string" });
        crate::rules::max_bytes::schema(&mut value, GROUP_DATA_VALUE_MAX_BYTES);
        // The group-level limit goes beside the shared item type with
        // `allOf`, not as `properties` next to the `$ref` (which generators
        // read as replacing the referenced type).
        let shared = Value::Object(std::mem::take(items));
        items.insert(
            "allOf".into(),
            json!([shared, { "type": "object", "properties": { "Value": value } }]),
        );
    }
}
