//! Payload types modelled on the Tencent IM and Desk endpoints that come after
//! `create_group` (import accounts, modify a group, add and delete members,
//! group attributes, paging, message bodies, notices). Together they use
//! every shape the derive accepts: objects, newtypes, `transparent`, unit
//! enums with `rename`, `alias` and `other`, enums with data in the three
//! tagged forms and untagged (each variant of its own JSON type), maps with
//! key and value rules, sets, generic types and a lifetime, the remaining
//! scalars, rules on list items, serde defaults (field and struct, kept and
//! broken), skipped fields, and limits in two units on one field.
//! `tests/tests/zoo.rs` runs each through the typed checks, the raw
//! walk and the `jsonschema` crate.
#![allow(non_snake_case)]
#![allow(
    missing_docs,
    reason = "test payloads, named as the API names them; a doc comment would also become a description in corpus/zoo.json"
)]

use desk_schema::Validate;
use serde::Deserialize;

/// An IM account: 1 to 32 bytes of printable ASCII. A newtype reused in
/// every request.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize, Validate)]
pub struct UserId(#[desk(min_bytes = 1, max_bytes = 32, printable_ascii)] pub String);

/// A group ID, as a `transparent` struct: printable ASCII, at most 48 bytes,
/// not starting with the prefix the server reserves.
#[derive(Debug, Clone, PartialEq, Deserialize, Validate)]
#[serde(transparent)]
pub struct GroupId {
    /// The ID.
    #[desk(min_bytes = 1, max_bytes = 48, printable_ascii, not_prefix = "@TGS#")]
    pub id: String,
}

/// A nickname: at most 10 user-perceived characters and 64 bytes.
#[derive(Debug, Clone, PartialEq, Deserialize, Validate)]
pub struct Nick(#[desk(max_graphemes = 10, max_bytes = 64)] pub String);

/// A short code with limits in characters and in bytes (the tighter sound
/// `maxLength` must win in the schema, whatever the order).
#[derive(Debug, Clone, PartialEq, Deserialize, Validate)]
pub struct ShortCode(
    #[desk(max_chars = 5, max_bytes = 12, min_chars = 2, min_bytes = 3)] pub String,
);

/// The same limits written in the other order.
#[derive(Debug, Clone, PartialEq, Deserialize, Validate)]
pub struct ShortCodeReversed(
    #[desk(min_bytes = 3, min_chars = 2, max_bytes = 12, max_chars = 5)] pub String,
);

/// A count as a newtype over an integer.
#[derive(Debug, Clone, Copy, PartialEq, Deserialize, Validate)]
pub struct MemberCount(#[desk(range(min = 1, max = 6000))] pub u32);

/// How requests to join are handled. `Free` is an alias older clients send.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, Validate)]
pub enum ApplyJoinOption {
    /// Anyone may join.
    #[serde(alias = "Free")]
    FreeAccess,
    /// An admin must approve.
    NeedPermission,
    /// Nobody may ask.
    DisableApply,
}

/// Message priority, in upper case on the wire.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, Validate)]
#[serde(rename_all = "UPPERCASE")]
pub enum Priority {
    High,
    Normal,
    Low,
    #[serde(skip)]
    Internal,
}

/// A platform name, where any name this version does not know is kept as
/// `Other` (`#[serde(other)]`).
#[derive(Debug, Clone, Copy, PartialEq, Deserialize, Validate)]
pub enum Platform {
    Android,
    #[serde(rename = "iOS")]
    Ios,
    Web,
    #[serde(other)]
    Other,
}

/// `v4/im_open_login_svc/account_import`.
#[derive(Debug, Clone, PartialEq, Deserialize, Validate)]
#[serde(deny_unknown_fields)]
pub struct AccountImport {
    #[desk(nested)]
    pub UserID: UserId,
    #[desk(nested)]
    pub Nick: Option<Nick>,
    /// Avatar URL.
    #[desk(max_bytes = 500)]
    pub FaceUrl: Option<String>,
}

/// `v4/im_open_login_svc/multiaccount_import`: a list of plain accounts,
/// each checked as an item.
#[derive(Debug, Clone, PartialEq, Deserialize, Validate)]
#[serde(deny_unknown_fields)]
pub struct MultiAccountImport {
    #[desk(
        min_items = 1,
        max_items = 100,
        unique,
        items(min_bytes = 1, max_bytes = 32, printable_ascii)
    )]
    pub Accounts: Vec<String>,
}

/// One account to check.
#[derive(Debug, Clone, PartialEq, Deserialize, Validate)]
#[serde(deny_unknown_fields)]
pub struct CheckItem {
    #[desk(nested)]
    pub UserID: UserId,
}

/// `v4/im_open_login_svc/account_check`.
#[derive(Debug, Clone, PartialEq, Deserialize, Validate)]
#[serde(deny_unknown_fields)]
pub struct AccountCheck {
    #[desk(nested, min_items = 1, max_items = 100)]
    pub CheckItem: Vec<CheckItem>,
}

/// One member to add.
#[derive(Debug, Clone, PartialEq, Deserialize, Validate)]
#[serde(deny_unknown_fields)]
pub struct NewMember {
    #[desk(nested)]
    pub Member_Account: UserId,
}

/// `v4/group_open_http_svc/add_group_member`.
#[derive(Debug, Clone, PartialEq, Deserialize, Validate)]
#[serde(deny_unknown_fields)]
pub struct AddGroupMember {
    #[desk(nested)]
    pub GroupId: GroupId,
    #[desk(nested, min_items = 1, max_items = 300)]
    pub MemberList: Vec<NewMember>,
    /// 1: add silently.
    #[desk(range(min = 0, max = 1))]
    pub Silence: Option<u8>,
}

/// `v4/group_open_http_svc/delete_group_member`: accounts as strings with
/// rules on each item, and a list of newtypes.
#[derive(Debug, Clone, PartialEq, Deserialize, Validate)]
#[serde(deny_unknown_fields)]
pub struct DeleteGroupMember {
    #[desk(nested)]
    pub GroupId: GroupId,
    #[desk(min_items = 1, max_items = 100, items(max_bytes = 32, printable_ascii))]
    pub MemberToDel_Account: Vec<String>,
    #[desk(nested, max_items = 10)]
    pub Cc: Option<Vec<UserId>>,
    #[desk(max_bytes = 64)]
    pub Reason: Option<String>,
}

/// `v4/group_open_http_svc/modify_group_base_info`.
#[derive(Debug, Clone, PartialEq, Deserialize, Validate)]
#[serde(deny_unknown_fields)]
pub struct ModifyGroupBaseInfo {
    #[desk(nested)]
    pub GroupId: GroupId,
    #[desk(min_bytes = 1, max_bytes = 100)]
    pub Name: Option<String>,
    #[desk(max_bytes = 400)]
    pub Introduction: Option<String>,
    #[desk(nested)]
    pub MaxMemberNum: Option<MemberCount>,
    #[desk(nested)]
    pub ApplyJoinOption: Option<ApplyJoinOption>,
    #[desk(one_of("On", "Off"))]
    pub MuteAllMember: Option<String>,
}

/// `v4/group_open_http_svc/send_group_msg`, without the message body.
#[derive(Debug, Clone, PartialEq, Deserialize, Validate)]
#[serde(deny_unknown_fields)]
pub struct SendGroupMsgHeader {
    #[desk(nested)]
    pub GroupId: GroupId,
    #[desk(range(min = 0, max = 4_294_967_295_i64))]
    pub Random: u32,
    #[desk(nested)]
    pub MsgPriority: Option<Priority>,
    #[desk(nested)]
    pub From_Account: Option<UserId>,
    #[desk(nested)]
    pub Platform: Option<Platform>,
    /// Tags, each one of three words.
    #[desk(max_items = 3, items(one_of("a", "b", "c")))]
    pub Tags: Option<Vec<String>>,
}

/// A key-value group attribute.
#[derive(Debug, Clone, PartialEq, Deserialize, Validate)]
#[serde(deny_unknown_fields)]
pub struct GroupAttr {
    #[serde(rename = "key")]
    #[desk(min_bytes = 1, max_bytes = 32, printable_ascii)]
    pub key: String,
    #[serde(rename = "value")]
    #[desk(max_bytes = 4000)]
    pub value: String,
}

/// `v4/group_open_attr_http_svc/modify_group_attr`.
#[derive(Debug, Clone, PartialEq, Deserialize, Validate)]
#[serde(deny_unknown_fields)]
pub struct ModifyGroupAttr {
    #[desk(nested)]
    pub GroupId: GroupId,
    #[desk(nested, min_items = 1, max_items = 16, unique(by = key))]
    pub GroupAttr: Vec<GroupAttr>,
}

fn ten() -> u32 {
    10
}

/// Paging with field defaults: `Limit` defaults to 10, which passes its
/// rules; `Offset` to 0. `Cursor` is never read (serde `skip`).
#[derive(Debug, Clone, PartialEq, Deserialize, Validate)]
#[serde(deny_unknown_fields)]
pub struct Pager {
    #[serde(default = "ten")]
    #[desk(range(min = 1, max = 100))]
    pub Limit: u32,
    #[serde(default)]
    #[desk(range(max = 100_000))]
    pub Offset: u32,
    #[serde(skip)]
    pub Cursor: Option<String>,
}

/// A default that breaks its own rule: `Level` defaults to 0, below the
/// minimum of 1. An absent `Level` is `required` on every path.
#[derive(Debug, Clone, PartialEq, Deserialize, Validate)]
#[serde(deny_unknown_fields)]
pub struct GetGroupList {
    #[serde(default)]
    #[desk(range(min = 1, max = 3))]
    pub Level: u8,
    #[serde(default)]
    #[desk(max_items = 50, items(max_bytes = 32))]
    pub GroupType: Vec<String>,
}

/// A struct-level default: absent fields take `Self::default()`'s values.
/// `Lang`'s default ("zh-Hans-CN", 10 bytes) breaks its 8-byte limit, so it
/// is required; `Region`'s passes.
#[derive(Debug, Clone, PartialEq, Deserialize, Validate)]
#[serde(default, rename_all = "PascalCase")]
pub struct Locale {
    #[desk(max_bytes = 8)]
    pub lang: String,
    #[desk(min_bytes = 2, max_bytes = 2)]
    pub region: String,
}

impl Default for Locale {
    fn default() -> Self {
        Locale {
            lang: "zh-Hans-CN".into(),
            region: "CN".into(),
        }
    }
}

/// Serde's defaults on nested fields, of their types as written, checked
/// by their own rules on every path: a struct-level default (`Locale`'s,
/// which breaks its byte limit, so `Home` is required) and a default
/// function (`Pager`'s, which passes).
#[derive(Debug, Clone, PartialEq, Deserialize, Validate)]
#[serde(default, rename_all = "PascalCase")]
pub struct Preferences {
    #[desk(nested)]
    pub home: Locale,
    #[desk(nested)]
    #[serde(default = "first_page")]
    pub pager: Pager,
}

impl Default for Preferences {
    fn default() -> Self {
        Preferences {
            home: Locale::default(),
            pager: Pager {
                Limit: 0,
                Offset: 0,
                Cursor: None,
            },
        }
    }
}

fn first_page() -> Pager {
    Pager {
        Limit: 20,
        Offset: 0,
        Cursor: None,
    }
}

/// `v4/desk_http_svc/set_customer_profile`: nested newtypes, a struct
/// default and a `skip`ped free-form field.
#[derive(Debug, Clone, PartialEq, Deserialize, Validate)]
#[serde(rename_all = "PascalCase")]
pub struct CustomerProfile {
    #[desk(nested)]
    pub user_id: UserId,
    #[desk(nested)]
    pub locale: Option<Locale>,
    #[desk(skip)]
    pub extra: Option<serde_json::Value>,
}

/// A message element, adjacently tagged as the IM API writes it
/// (`MsgType` + `MsgContent`), as in `send_group_msg`'s `MsgBody`.
#[derive(Debug, Clone, PartialEq, Deserialize, Validate)]
#[serde(tag = "MsgType", content = "MsgContent", deny_unknown_fields)]
pub enum MsgElem {
    /// A text message.
    #[serde(rename = "TIMTextElem")]
    Text {
        /// The text: at most 12,000 bytes of UTF-8 (the IM message limit).
        #[desk(min_bytes = 1, max_bytes = 12000)]
        Text: String,
    },
    /// A face (sticker).
    #[serde(rename = "TIMFaceElem")]
    Face {
        /// The sticker's index.
        #[desk(range(min = 0, max = 1000))]
        Index: u32,
        /// Extra data for the client.
        #[desk(max_bytes = 64)]
        #[serde(default)]
        Data: Option<String>,
    },
    /// A custom element: its data as one string.
    #[serde(rename = "TIMCustomElem")]
    Custom(#[desk(max_bytes = 256)] String),
    /// A location has no content in this model.
    #[serde(rename = "TIMLocationElem")]
    Location,
}

/// `send_group_msg`: a body of 1 to 8 elements.
#[derive(Debug, Clone, PartialEq, Deserialize, Validate)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct SendGroupMsg {
    /// The group.
    #[desk(nested)]
    pub group_id: GroupId,
    /// The elements, each checked by its type.
    #[desk(nested, min_items = 1, max_items = 8)]
    pub msg_body: Vec<MsgElem>,
}

/// A system notification, internally tagged by `Type`.
#[derive(Debug, Clone, PartialEq, Deserialize, Validate)]
#[serde(tag = "Type")]
pub enum Notice {
    /// A member joined.
    Join {
        /// Who joined.
        #[desk(nested)]
        Member_Account: UserId,
    },
    /// The group was renamed.
    Rename {
        /// The new name.
        #[desk(min_bytes = 1, max_bytes = 30)]
        Name: String,
        /// Who renamed it.
        #[desk(nested)]
        #[serde(default)]
        Operator: Option<UserId>,
    },
    /// The group was dismissed.
    Dismiss,
    /// Any other type, kept for forward compatibility.
    #[serde(other)]
    Unknown,
}

/// An externally tagged action, as a Rust client writes its own payloads:
/// `"Mute"` or `{"Kick": {...}}`.
#[derive(Debug, Clone, PartialEq, Deserialize, Validate)]
#[serde(rename_all = "PascalCase")]
pub enum Action {
    /// Mute everyone.
    Mute,
    /// Remove members.
    Kick {
        /// The accounts, each 1 to 32 bytes of printable ASCII.
        #[desk(
            min_items = 1,
            max_items = 100,
            unique,
            items(min_bytes = 1, max_bytes = 32, printable_ascii)
        )]
        Accounts: Vec<String>,
        /// Why, shown to them.
        #[desk(max_chars = 50)]
        #[serde(default)]
        Reason: String,
    },
    /// Set the announcement.
    #[serde(alias = "Notify")]
    Announce(#[desk(max_bytes = 300)] String),
}

/// `modify_group_attr` written as a map: 1 to 16 attributes, each key 1 to
/// 32 bytes of printable ASCII, each value at most 4,000 bytes.
#[derive(Debug, Clone, PartialEq, Deserialize, Validate)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct SetGroupAttr {
    /// The group.
    #[desk(nested)]
    pub group_id: GroupId,
    /// The attributes by key.
    #[desk(
        min_items = 1,
        max_items = 16,
        keys(min_bytes = 1, max_bytes = 32, printable_ascii),
        values(max_bytes = 4000)
    )]
    pub group_attr: std::collections::BTreeMap<String, String>,
}

/// Unread counts by account (a `HashMap` of numbers), and an optional map
/// of nested accounts.
#[derive(Debug, Clone, PartialEq, Deserialize, Validate)]
#[serde(rename_all = "PascalCase")]
pub struct UnreadReport {
    /// Counts by account: keys are accounts, values at most 999.
    #[desk(max_items = 50, keys(max_bytes = 32), values(range(max = 999)))]
    pub counts: std::collections::HashMap<String, u32>,
    /// Who forwarded to whom.
    #[desk(nested, max_items = 4)]
    #[serde(default)]
    pub forwarded: Option<std::collections::BTreeMap<String, UserId>>,
}

/// A message's statistics: the remaining scalars and shared text types.
#[derive(Debug, Clone, PartialEq, Deserialize, Validate)]
#[serde(rename_all = "PascalCase")]
pub struct MsgStats {
    /// A 128-bit sequence number (held within the 64-bit JSON range).
    #[desk(range(min = 1))]
    pub msg_seq: u128,
    /// A signed 128-bit offset.
    #[desk(skip)]
    pub offset: i128,
    /// The share delivered, as a float from 0 to 1.
    #[desk(range(min = 0, max = 1))]
    pub ratio: f32,
    /// A one-character flag.
    #[desk(skip)]
    pub flag: char,
    /// A shared account.
    #[desk(max_bytes = 32, printable_ascii)]
    pub account: std::sync::Arc<str>,
    /// A label, owned or static.
    #[desk(max_chars = 8)]
    #[serde(default)]
    pub label: Option<std::borrow::Cow<'static, str>>,
}

/// A request envelope shared by every endpoint: the body is any type that
/// derives `Validate` (or a plain value), checked by its own rules.
#[derive(Debug, Clone, PartialEq, Deserialize, Validate)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct Envelope<T> {
    /// The caller's request ID.
    #[desk(min_bytes = 1, max_bytes = 64, printable_ascii)]
    pub request_id: String,
    /// The request body.
    #[desk(nested)]
    pub body: T,
    /// Earlier bodies, at most 3. (`default = "Vec::new"`: serde's plain
    /// `default` would bound `T: Default`.)
    #[desk(nested, max_items = 3)]
    #[serde(default = "Vec::new")]
    pub history: Vec<T>,
}

/// The envelope of an account import.
pub type ImportEnvelope = Envelope<AccountImport>;

/// A page of any item type, with a borrowed-or-owned cursor.
#[derive(Debug, Clone, PartialEq, Deserialize, Validate)]
#[serde(rename_all = "PascalCase")]
pub struct Page<'a, T> {
    /// The items.
    #[desk(nested, max_items = 20)]
    pub items: Vec<T>,
    /// Where the next page starts: at most 16 bytes.
    #[desk(max_bytes = 16, printable_ascii)]
    #[serde(default)]
    pub cursor: Option<std::borrow::Cow<'a, str>>,
}

/// A page of user IDs.
pub type UserPage = Page<'static, UserId>;

/// A notice with a typed payload, adjacently tagged.
#[derive(Debug, Clone, PartialEq, Deserialize, Validate)]
#[serde(tag = "Kind", content = "Data")]
pub enum Event<T> {
    /// A payload.
    Payload(#[desk(nested)] T),
    /// Nothing happened.
    Idle,
}

/// An event with a message element.
pub type MsgEvent = Event<MsgElem>;

/// A JSON document, untagged and recursive through a list and a map of
/// itself, with a rule on the map's keys: a key's violation is at the
/// entry, where the schema's `propertyNames` says it (helper-131's type).
#[derive(Debug, PartialEq, Deserialize, Validate)]
#[serde(untagged)]
pub enum Document {
    Null,
    Num(#[desk(range(min = -1, max = 1))] f64),
    Text(#[desk(max_chars = 3)] Box<str>),
    List(#[desk(nested, max_items = 3)] Vec<Document>),
    Obj(
        #[desk(nested, max_items = 2, keys(max_bytes = 3))]
        std::collections::BTreeMap<String, Document>,
    ),
}

/// An event whose payload is a unit enum: serde reads `{"HIGH": {}}` for
/// `High` where it buffers the content (written before the tag), and the
/// paths refuse it as they refuse `{"HIGH": null}` (derive.md, "Stricter
/// than serde").
pub type PriorityEvent = Event<Priority>;

/// Accounts to block, as sets: a repeat is a `duplicate`, never dropped.
#[derive(Debug, Clone, PartialEq, Deserialize, Validate)]
#[serde(rename_all = "PascalCase")]
pub struct BlockAccounts {
    /// 1 to 5 accounts, each 1 to 32 bytes of printable ASCII.
    #[desk(
        min_items = 1,
        max_items = 5,
        items(min_bytes = 1, max_bytes = 32, printable_ascii)
    )]
    pub to_account: std::collections::BTreeSet<String>,
    /// Who asked, as account newtypes.
    #[desk(nested, max_items = 3)]
    #[serde(default)]
    pub requested_by: Option<std::collections::HashSet<UserId>>,
}

/// Who a message goes to, untagged as the batch endpoints take it: one
/// account as a string, or a list of them. Each variant reads its own JSON
/// type, so the variant serde picks is the only one that can fit.
#[derive(Debug, Clone, PartialEq, Deserialize, Validate)]
#[serde(untagged)]
pub enum Recipients {
    /// One account.
    One(#[desk(nested)] UserId),
    /// 1 to 500 accounts, each checked at its index.
    Many(
        #[desk(
            min_items = 1,
            max_items = 500,
            items(min_bytes = 1, max_bytes = 32, printable_ascii)
        )]
        Vec<String>,
    ),
}

/// A group attribute's value, untagged: unset (`null`), a count, a text, or
/// a small profile object.
#[derive(Debug, Clone, PartialEq, Deserialize, Validate)]
#[serde(untagged, deny_unknown_fields)]
pub enum AttrValue {
    /// No value.
    Unset,
    /// A count up to 1000.
    Count(#[desk(range(max = 1000))] u16),
    /// A text of at most 40 bytes.
    Text(#[desk(max_bytes = 40)] String),
    /// A profile.
    Profile {
        /// The profile's tag: 1 to 8 bytes.
        #[desk(min_bytes = 1, max_bytes = 8)]
        Tag: String,
        /// Its weight.
        #[desk(range(min = 1, max = 9))]
        #[serde(default = "one")]
        Weight: u8,
    },
}

fn one() -> u8 {
    1
}

/// A scalar profile value, untagged: a text or a count.
#[derive(Debug, Clone, PartialEq, Deserialize, Validate)]
#[serde(untagged)]
pub enum ProfileScalar {
    /// At most 8 bytes of text.
    Text(#[desk(min_bytes = 1, max_bytes = 8)] String),
    /// A count from 1 to 99.
    Count(#[desk(range(min = 1, max = 99))] u32),
}

/// A profile item's value: an untagged enum inside another (a scalar, a
/// list of tags, or nothing).
#[derive(Debug, Clone, PartialEq, Deserialize, Validate)]
#[serde(untagged)]
pub enum ProfileValue {
    /// Nothing.
    Unset,
    /// A text or a count.
    Scalar(#[desk(nested)] ProfileScalar),
    /// Up to 3 tags of at most 4 bytes.
    Tags(#[desk(max_items = 3, items(max_bytes = 4))] Vec<String>),
}

/// Profile items by tag: untagged values in a map.
#[derive(Debug, Clone, PartialEq, Deserialize, Validate)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct SetProfile {
    /// Whose profile.
    #[desk(nested)]
    pub from_account: UserId,
    /// At most 4 items, each tag 1 to 16 bytes.
    #[desk(nested, max_items = 4, keys(min_bytes = 1, max_bytes = 16))]
    pub items: std::collections::BTreeMap<String, ProfileValue>,
}

/// A batch message with untagged parts: the recipients and attribute values.
#[derive(Debug, Clone, PartialEq, Deserialize, Validate)]
#[serde(deny_unknown_fields)]
pub struct BatchSend {
    /// Who sends it, if not the admin.
    #[desk(nested)]
    #[serde(default)]
    pub From_Account: Option<UserId>,
    /// Who receives it.
    #[desk(nested)]
    pub To_Account: Recipients,
    /// Attribute values, at most 4.
    #[desk(nested, max_items = 4)]
    #[serde(default)]
    pub Attrs: Vec<AttrValue>,
}

/// A form as a browser fills it: limits in UTF-16 code units (what an HTML
/// `maxlength` counts), and text rules that a key or an address must meet.
#[derive(Debug, Clone, PartialEq, Deserialize, Validate)]
#[serde(deny_unknown_fields)]
pub struct FormFields {
    /// A label: 2 to 6 UTF-16 code units (an emoji is 2).
    #[desk(min_utf16 = 2, max_utf16 = 6)]
    pub Label: String,
    /// An attribute key: ASCII, `custom_` first and `_v1` last.
    #[desk(ascii, prefix = "custom_", suffix = "_v1", max_bytes = 16)]
    pub Key: String,
    /// A contact address: printable ASCII with an `@` somewhere.
    #[desk(contains = "@", printable_ascii, ascii, max_utf16 = 20)]
    #[serde(default)]
    pub Contact: Option<String>,
    /// Hashtags: each starts with `#` (a sign regular expressions use) and
    /// has at most 8 UTF-16 code units.
    #[desk(max_items = 3, items(prefix = "#", max_utf16 = 8, min_bytes = 2))]
    #[serde(default)]
    pub Tags: Vec<String>,
    /// Settings by name: names end with `.cfg` and are ASCII; values contain
    /// `=` (a character with no meaning in a pattern) and are 1 to 10 UTF-16
    /// code units.
    #[desk(
        keys(suffix = ".cfg", ascii),
        values(contains = "=", min_utf16 = 1, max_utf16 = 10)
    )]
    #[serde(default)]
    pub Settings: std::collections::BTreeMap<String, String>,
}

/// A public profile: regular expressions (`pattern`), and a character limit
/// beside a UTF-16 one.
#[derive(Debug, Clone, PartialEq, Deserialize, Validate)]
#[serde(deny_unknown_fields)]
pub struct PublicProfile {
    /// A handle: a lower-case letter, then 1 to 7 of letters, digits, `_`,
    /// `.` or `-`.
    #[desk(pattern = "^[a-z][a-z0-9_.-]{1,7}$")]
    #[serde(default)]
    pub Handle: Option<String>,
    /// A note of at most 6 characters (ECMAScript's `.`: one character,
    /// an emoji included, but no line break).
    #[desk(pattern = "^.{0,6}$")]
    #[serde(default)]
    pub Note: Option<String>,
    /// Region codes: two capitals, `-`, then digits (`\p{Nd}`).
    #[desk(max_items = 3, items(pattern = "^[A-Z]{2}-\\p{Nd}+$"))]
    #[serde(default)]
    pub Regions: Vec<String>,
    /// A title: at most 5 characters and 6 UTF-16 code units.
    #[desk(max_chars = 5, max_utf16 = 6)]
    #[serde(default)]
    pub Title: Option<String>,
}

/// A contact card in JSON Schema's formats (ajv-formats' "full" definitions).
#[derive(Debug, Clone, PartialEq, Deserialize, Validate)]
pub struct ContactCard {
    /// An address.
    #[desk(email, max_bytes = 64)]
    pub Email: String,
    /// A home page.
    #[desk(uri)]
    #[serde(default)]
    pub Site: Option<String>,
    /// The card's ID.
    #[desk(uuid)]
    pub Id: String,
    /// When it changed.
    #[desk(date_time)]
    pub Updated: String,
    /// A birthday.
    #[desk(date)]
    #[serde(default)]
    pub Birthday: Option<String>,
    /// Addresses it was seen from.
    #[desk(max_items = 3, items(ipv4))]
    #[serde(default)]
    pub SeenFrom: Vec<String>,
    /// An IPv6 address.
    #[desk(ipv6)]
    #[serde(default)]
    pub Ip6: Option<String>,
}

/// An untagged enum with a newtype variant over an `Option`: `null` and a
/// number are the level, as serde reads them.
#[derive(Debug, PartialEq, Deserialize, Validate)]
#[serde(untagged)]
pub enum Badge {
    Level(#[desk(range(min = 1, max = 5))] Option<u8>),
    Label(#[desk(max_bytes = 6)] String),
}

/// A caption: a transparent struct over an optional text.
#[derive(Debug, PartialEq, Deserialize, Validate)]
#[serde(transparent)]
pub struct Caption {
    #[desk(max_bytes = 6)]
    pub text: Option<String>,
}

/// An untagged enum with a variant over a transparent `Option`.
#[derive(Debug, PartialEq, Deserialize, Validate)]
#[serde(untagged)]
pub enum Sticker {
    Text(#[desk(nested)] Caption),
    Count(#[desk(range(max = 9))] u8),
}

/// Both, in one object.
#[derive(Debug, PartialEq, Deserialize, Validate)]
pub struct Decor {
    #[desk(nested)]
    pub Badge: Badge,
    #[desk(nested)]
    pub Sticker: Sticker,
}

/// Numbers near the edges of their types, with ranges on floats.
#[derive(Debug, PartialEq, Deserialize, Validate)]
pub struct Reading {
    #[desk(range(min = 0, max = 1))]
    pub Ratio: f32,
    #[desk(range(min = -9007199254740991, max = 9007199254740991))]
    #[serde(default)]
    pub Exact: Option<f64>,
    #[desk(range(min = 1))]
    #[serde(default)]
    pub Seq: Option<u64>,
    #[desk(range(min = -5))]
    #[serde(default)]
    pub Wide: Option<i128>,
}

/// A member's rank: the level is optional.
#[derive(Debug, PartialEq, Deserialize, Validate)]
pub struct Rank {
    #[desk(min_bytes = 1, max_bytes = 4)]
    pub Id: String,
    #[desk(range(min = 1, max = 3))]
    #[serde(default)]
    pub Level: Option<u8>,
}

/// Ranks unique by an optional key: an item without a `Level` (absent or
/// null) has no key, and is never a repeat. The map makes `from_json_str`
/// take the walk.
#[derive(Debug, PartialEq, Deserialize, Validate)]
pub struct Ranking {
    #[desk(nested, max_items = 4, unique(by = Level))]
    pub Ranks: Vec<Rank>,
    #[desk(max_items = 2, values(max_bytes = 5))]
    #[serde(default)]
    pub Notes: std::collections::BTreeMap<String, String>,
}

/// A pin whose tier sits behind a box: `Box<Option<String>>` reads as
/// `Option<String>` does, so an absent or null `Tier` is no tier.
#[derive(Debug, PartialEq, Deserialize, Validate)]
pub struct Pin {
    #[desk(min_bytes = 1, max_bytes = 4)]
    pub Id: String,
    #[desk(nested)]
    #[serde(default)]
    pub Tier: Box<Option<String>>,
}

/// Pins unique by a boxed optional key: a pin without a tier has no
/// key, as with `Option`. The map makes `from_json_str` take the walk.
#[derive(Debug, PartialEq, Deserialize, Validate)]
pub struct Board {
    #[desk(nested, max_items = 4, unique(by = Tier))]
    pub Pins: Vec<Pin>,
    #[desk(max_items = 2, values(max_bytes = 5))]
    #[serde(default)]
    pub Notes: std::collections::BTreeMap<String, String>,
}

/// Where a guest sits: a data enum, compared as a whole.
#[derive(Debug, PartialEq, Eq, Hash, Deserialize, Validate)]
#[serde(deny_unknown_fields)]
pub enum Spot {
    Row(#[desk(range(min = 1, max = 9))] u8),
    Booth {
        #[desk(min_bytes = 1, max_bytes = 3)]
        Name: String,
    },
}

/// A guest with an optional seat.
#[derive(Debug, PartialEq, Deserialize, Validate)]
pub struct Guest {
    #[desk(min_bytes = 1, max_bytes = 4)]
    pub Id: String,
    #[desk(nested)]
    #[serde(default)]
    pub Seat: Option<Spot>,
}

/// Guests unique by a key that is a data enum: the walk builds each key
/// and compares it as the typed check does; a guest without a seat has no
/// key. The map makes `from_json_str` take the walk.
#[derive(Debug, PartialEq, Deserialize, Validate)]
pub struct Seating {
    #[desk(nested, max_items = 4, unique(by = Seat))]
    pub Guests: Vec<Guest>,
    #[desk(max_items = 2, values(max_bytes = 5))]
    #[serde(default)]
    pub Notes: std::collections::BTreeMap<String, String>,
}

/// A generic tree through a second generic type: a `Branch<T>` holds
/// `Twig<T>`s, which hold a `Branch<T>` (mutual recursion over a parameter).
#[derive(Debug, PartialEq, Deserialize, Validate)]
pub struct Branch<T> {
    #[desk(nested)]
    pub Value: T,
    #[desk(nested, max_items = 2)]
    pub Twigs: Vec<Twig<T>>,
}

/// See [`Branch`].
#[derive(Debug, PartialEq, Deserialize, Validate)]
pub struct Twig<T> {
    #[desk(nested)]
    pub Next: Option<Box<Branch<T>>>,
}

/// A generic adjacently tagged enum that reaches itself through a generic
/// struct.
#[derive(Debug, PartialEq, Deserialize, Validate)]
#[serde(tag = "t", content = "c", deny_unknown_fields)]
pub enum Sprout<T> {
    Seed(#[desk(nested)] T),
    Stem(#[desk(nested)] Stalk<T>),
}

/// See [`Sprout`].
#[derive(Debug, PartialEq, Deserialize, Validate)]
pub struct Stalk<T> {
    #[desk(nested, max_items = 2)]
    pub Leaves: Vec<Sprout<T>>,
}

/// Two generic types that hold each other, used with concrete arguments.
#[derive(Debug, PartialEq, Deserialize, Validate)]
pub struct Orchard {
    #[desk(nested)]
    pub Tree: Branch<Nick>,
    #[desk(nested)]
    pub Shoot: Option<Sprout<Nick>>,
}

/// Properties named as `Object.prototype`'s (`constructor`, `toString`,
/// `hasOwnProperty`, `__defineGetter__`), which a JavaScript validator must
/// look up as the object's own (Ajv's `ownProperties`).
#[derive(Debug, PartialEq, Deserialize, Validate)]
#[serde(deny_unknown_fields)]
pub struct Prototype {
    #[desk(min_bytes = 1, max_bytes = 4)]
    pub constructor: String,
    #[desk(max_bytes = 4)]
    #[serde(rename = "toString", default)]
    pub to_string: Option<String>,
    #[desk(max_items = 2, keys(max_bytes = 8), values(max_bytes = 3))]
    #[serde(rename = "hasOwnProperty", default)]
    pub has_own_property: std::collections::BTreeMap<String, String>,
    /// A legacy member of `Object.prototype`, which TypeScript's `Object`
    /// does not declare.
    #[desk(max_bytes = 2)]
    #[serde(rename = "__defineGetter__", default)]
    pub define_getter: Option<String>,
}

/// The empty JSON name where it is accepted: a field's (its `required` is
/// reported, not tested inside an `if`) and an adjacently tagged enum's
/// content. Where it would pick a variant, the derive refuses it (ui
/// `empty_name_picks_variant`).
#[derive(Debug, PartialEq, Deserialize, Validate)]
#[serde(deny_unknown_fields)]
pub struct Blank {
    #[serde(rename = "")]
    #[desk(max_bytes = 3)]
    pub empty: String,
    #[desk(nested)]
    #[serde(default)]
    pub Part: Option<BlankPart>,
}

/// See [`Blank`].
#[derive(Debug, PartialEq, Deserialize, Validate)]
#[serde(tag = "t", content = "")]
pub enum BlankPart {
    Text(#[desk(max_bytes = 2)] String),
    Count(#[desk(range(max = 9))] u8),
}

/// A field's own messages (`message(...)`): in both languages, in one, and
/// on a list whose items have rules.
#[derive(Debug, PartialEq, Deserialize, Validate)]
#[serde(deny_unknown_fields)]
pub struct Ticket {
    #[desk(
        min_bytes = 1,
        max_bytes = 6,
        message(
            en = "a title of at most {limit} bytes, not {bytes}",
            zh_cn = "标题最多 {limit} 字节，现在 {bytes} 字节"
        )
    )]
    pub Title: String,
    #[desk(
        max_items = 2,
        items(min_bytes = 1, max_bytes = 3),
        message(en = "check the tags ({limit}; {no figure} stays)")
    )]
    #[serde(default)]
    pub Tags: Vec<String>,
    #[desk(
        range(min = 1, max = 5),
        message(zh_cn = "优先级应在 {min} 到 {max} 之间")
    )]
    #[serde(default)]
    pub Priority: Option<u8>,
}

/// A rule's own messages (`message(rule, ...)`), beside the field's for
/// its other rules (`message(en = ...)`): what a form shows for each
/// mistake. A rule with neither keeps its own (`unique`).
#[derive(Debug, PartialEq, Deserialize, Validate)]
#[serde(deny_unknown_fields)]
pub struct SignUp {
    #[desk(
        min_bytes = 1,
        max_bytes = 12,
        printable_ascii,
        message(min_bytes, en = "a user ID is required", zh_cn = "请填写用户 ID"),
        message(
            max_bytes,
            en = "a user ID of at most {limit} bytes, not {bytes}",
            zh_cn = "用户 ID 最多 {limit} 字节，现在 {bytes} 字节"
        ),
        message(
            en = "letters, digits and ASCII punctuation only",
            zh_cn = "只能用字母、数字和 ASCII 标点"
        )
    )]
    pub UserID: String,
    #[desk(
        max_items = 3,
        items(one_of("admin", "member")),
        unique,
        message(max_items, en = "at most {limit} roles"),
        message(one_of, zh_cn = "角色只能是 {allowed}")
    )]
    #[serde(default)]
    pub Roles: Vec<String>,
    #[desk(
        range(min = 1, max = 120),
        message(range, en = "an age from {min} to {max}, not {actual}")
    )]
    #[serde(default)]
    pub Age: Option<u8>,
}

/// A digit, with its own message: a newtype's rules.
#[derive(Debug, PartialEq, Deserialize, Validate)]
pub struct Digit(
    #[desk(
        range(min = 1, max = 9),
        message(en = "one digit, not {actual}", zh_cn = "只能是一位数，不是 {actual}")
    )]
    pub i32,
);

/// A field's own messages on what its read finds past the type (a number
/// no `i32` or `u8` holds), as on a number inside it: in a newtype, a
/// list's items, a map's values, a `u128` (whose own check finds a number
/// past 64 bits in a typed value).
#[derive(Debug, PartialEq, Deserialize, Validate)]
#[serde(deny_unknown_fields)]
pub struct Digits {
    #[desk(nested)]
    pub digit: Digit,
    #[desk(
        items(range(min = 1, max = 9)),
        message(
            en = "digits only ({min} to {max})",
            zh_cn = "只能是 {min} 到 {max} 的数字"
        )
    )]
    #[serde(default)]
    pub list: Vec<i32>,
    #[desk(
        values(range(min = 1, max = 9)),
        message(range, en = "a digit, not {actual}")
    )]
    #[serde(default)]
    pub map: std::collections::BTreeMap<String, u8>,
    #[desk(range(min = 1, max = 9), message(en = "from {min} to {max}"))]
    #[serde(default = "one_wide")]
    pub wide: u128,
}

fn one_wide() -> u128 {
    1
}

/// A department and the departments below it: a tree, through a `Vec`.
#[derive(Debug, PartialEq, Deserialize, Validate)]
pub struct Department {
    #[desk(min_bytes = 1, max_bytes = 12)]
    pub Name: String,
    #[desk(nested, max_items = 3)]
    #[serde(default)]
    pub Children: Vec<Department>,
}

/// A reply that quotes the one before it: a chain, through `Option<Box<_>>`.
#[derive(Debug, PartialEq, Deserialize, Validate)]
pub struct Reply {
    #[desk(max_bytes = 8)]
    pub Text: String,
    #[desk(nested)]
    pub Quote: Option<Box<Reply>>,
}

/// A member filter that holds filters: internally tagged, recursive through
/// `Box<Self>` and `Vec<Self>`.
#[derive(Debug, PartialEq, Deserialize, Validate)]
#[serde(tag = "Op")]
pub enum MemberFilter {
    Tag {
        #[desk(min_bytes = 1, max_bytes = 8)]
        Value: String,
    },
    Not {
        #[desk(nested)]
        Of: Box<MemberFilter>,
    },
    All {
        #[desk(nested, min_items = 1, max_items = 3)]
        Of: Vec<MemberFilter>,
    },
}

/// A message body that may forward another: adjacently tagged, recursive
/// through a newtype variant over `Box<Self>`.
#[derive(Debug, PartialEq, Deserialize, Validate)]
#[serde(tag = "Kind", content = "Body")]
pub enum ForwardBody {
    Text(#[desk(max_bytes = 10)] String),
    Forward(#[desk(nested)] Box<ForwardBody>),
}

/// A folder of files and folders: two types that hold each other, through
/// a map and an externally tagged enum.
#[derive(Debug, PartialEq, Deserialize, Validate)]
pub struct Folder {
    #[desk(nested, max_items = 3, keys(max_bytes = 6))]
    pub Entries: std::collections::BTreeMap<String, FolderEntry>,
}

/// An entry of a [`Folder`].
#[derive(Debug, PartialEq, Deserialize, Validate)]
pub enum FolderEntry {
    File(#[desk(range(max = 1024))] u32),
    Folder(#[desk(nested)] Folder),
}

/// A thread of posts, each with its replies as another thread: mutual
/// recursion through a newtype and a `Vec`.
#[derive(Debug, PartialEq, Deserialize, Validate)]
pub struct Thread(#[desk(nested, max_items = 3)] pub Vec<Post>);

/// A post of a [`Thread`].
#[derive(Debug, PartialEq, Deserialize, Validate)]
#[serde(deny_unknown_fields)]
pub struct Post {
    #[desk(min_bytes = 1, max_bytes = 6)]
    pub Body: String,
    #[desk(nested)]
    #[serde(default)]
    pub Replies: Option<Thread>,
}

/// Lists of lists: a newtype that holds itself, through a `Vec`.
#[derive(Debug, PartialEq, Deserialize, Validate)]
pub struct Nesting(#[desk(nested, max_items = 2)] pub Vec<Nesting>);

/// Two newtypes that hold each other through lists: rows of cells, each
/// cell a grid of rows.
#[derive(Debug, PartialEq, Deserialize, Validate)]
pub struct Grid(#[desk(nested, max_items = 2)] pub Vec<Cell>);

/// A cell of a [`Grid`].
#[derive(Debug, PartialEq, Deserialize, Validate)]
pub struct Cell(#[desk(nested, max_items = 2)] pub Vec<Grid>);

/// A generic tree: a value of any checked type at each node.
#[derive(Debug, PartialEq, Deserialize, Validate)]
pub struct Labelled<T> {
    #[desk(nested)]
    pub Label: T,
    #[desk(nested, max_items = 2)]
    pub Below: Vec<Labelled<T>>,
}

/// Labelled nicknames.
pub type NickTree = Labelled<Nick>;

/// A vote, externally tagged, with a `#[serde(other)]` variant: any other
/// name, as a string, reads as `Abstain`.
#[derive(Debug, Clone, PartialEq, Deserialize, Validate)]
pub enum Verdict {
    /// A score from 0 to 3.
    Pass(#[desk(range(max = 3))] u8),
    /// Held, with a note.
    Hold {
        /// At most 2 bytes.
        #[desk(max_bytes = 2)]
        note: String,
    },
    /// Skipped.
    Skip,
    /// Any other name.
    #[serde(other)]
    Abstain,
}

/// A ballot: a [`Verdict`], unique tags (each repeat reported), and two
/// fields declared out of alphabetical order (a misspelling as close to
/// both is told the first by code point, on every path).
#[derive(Debug, Clone, PartialEq, Deserialize, Validate)]
#[serde(deny_unknown_fields)]
pub struct Ballot {
    /// The vote.
    #[desk(nested)]
    pub verdict: Verdict,
    /// Tags, each at most 3 bytes, no two the same.
    #[desk(unique, items(max_bytes = 3))]
    #[serde(default)]
    pub tags: Vec<String>,
    /// A flag, 0 or 1.
    #[desk(range(max = 1))]
    pub b: u8,
    /// Another flag, 0 or 1.
    #[desk(range(max = 1))]
    pub a: u8,
    /// Score sheets, no two the same (a map is the same whatever the order
    /// of its properties).
    #[desk(unique)]
    #[serde(default)]
    pub scores: Vec<std::collections::BTreeMap<String, u8>>,
    /// Labels: keys and values of at most 2 bytes (a key's violation and its
    /// value's may read the same: both are reported).
    #[desk(keys(max_bytes = 2), values(max_bytes = 2))]
    #[serde(default)]
    pub labels: std::collections::BTreeMap<String, String>,
    /// A mark: one character.
    #[desk(nested)]
    #[serde(default)]
    pub mark: Option<char>,
    /// A share from 0 to 1, with its own message.
    #[desk(
        range(min = 0, max = 1),
        message(en = "{actual} is not a share", zh_cn = "{actual} 不是比例")
    )]
    #[serde(default)]
    pub share: Option<f64>,
    /// A weight, any `f32`: a number past what the type holds is `range`.
    #[desk(nested)]
    #[serde(default)]
    pub weight: Option<f32>,
    /// A gain from 0 to 1 as an `f32`, with its own message (a number past
    /// the type too, which is refused as it is read: one field, one rule's
    /// words).
    #[desk(
        range(min = 0, max = 1),
        message(en = "{actual} is not a gain", zh_cn = "{actual} 不是增益")
    )]
    #[serde(default)]
    pub gain: Option<f32>,
}

/// Levels as `f32`s under `range` in every place a number can sit: a list's
/// items, a map's values, a newtype. Each is judged as the `f32` holds it,
/// and the schema's bounds are the doubles that round within the rule's.
#[derive(Debug, Clone, PartialEq, Deserialize, Validate)]
#[serde(deny_unknown_fields)]
pub struct Gauges {
    /// Levels from 0 to 3.
    #[desk(items(range(min = 0, max = 3)))]
    pub levels: Vec<f32>,
    /// Peaks by name, each at most 8388607 (the greatest bound an `f32`
    /// takes).
    #[desk(values(range(max = 8388607)))]
    #[serde(default)]
    pub peaks: std::collections::BTreeMap<String, f32>,
    /// A trim from -1 to 1.
    #[desk(nested)]
    #[serde(default)]
    pub trim: Option<Trim>,
    /// Spare levels from 0 to 3, each may be `null`.
    #[desk(items(range(min = 0, max = 3)))]
    #[serde(default)]
    pub spare: Vec<Option<f32>>,
    /// Offsets by name, each from -2 to 2 or `null`, as `f64`s.
    #[desk(values(range(min = -2, max = 2)))]
    #[serde(default)]
    pub offsets: std::collections::BTreeMap<String, Option<f64>>,
    /// Levels from 1 to 3 in two `Option`s (serde reads `null` as the outer
    /// `None`).
    #[desk(items(range(min = 1, max = 3)))]
    #[serde(default)]
    pub deep: Vec<Option<Option<f32>>>,
    /// A bias from 1 to 3 in two `Option`s.
    #[desk(range(min = 1, max = 3))]
    #[serde(default)]
    pub bias: Option<Option<f32>>,
}

/// A trim from -1 to 1, as an `f32`.
#[derive(Debug, Clone, PartialEq, Deserialize, Validate)]
pub struct Trim(#[desk(range(min = -1, max = 1))] pub f32);

/// An internally tagged signal that denies unknown fields: serde reads a
/// unit variant from its tag alone, whatever else the object holds.
#[derive(Debug, Clone, PartialEq, Deserialize, Validate)]
#[serde(tag = "kind", deny_unknown_fields)]
pub enum Signal {
    /// A ping.
    Ping,
    /// A note of at most 4 bytes.
    Note {
        /// The note.
        #[desk(max_bytes = 4)]
        text: String,
    },
}

/// A key press: newtype variants over a `char` and a `bool`, which no rule
/// checks: `nested` checks each by its JSON type (a newtype's field cannot
/// be `skip`).
#[derive(Debug, Clone, PartialEq, Deserialize, Validate)]
pub enum Press {
    /// One character.
    Key(#[desk(nested)] char),
    /// A switch.
    Toggle(#[desk(nested)] bool),
}

/// A piece of media: data variants only, so serde reads it from an object
/// alone (a string naming a variant fails).
#[derive(Debug, Clone, PartialEq, Deserialize, Validate)]
pub enum Media {
    /// A picture's address, at most 16 bytes.
    Image(#[desk(max_bytes = 16)] String),
    /// A caption.
    Caption {
        /// At most 4 characters.
        #[desk(max_chars = 4)]
        text: String,
    },
}

/// An attachment, untagged: media (an object) or a link (a string). The
/// two read different JSON types, as `Media` has no unit variant.
#[derive(Debug, Clone, PartialEq, Deserialize, Validate)]
#[serde(untagged)]
pub enum Attachment {
    /// Media.
    Media(#[desk(nested)] Media),
    /// A link of at most 8 bytes.
    Link(#[desk(max_bytes = 8)] String),
}

/// An image's details, as `TIMImageElem` numbers them: integer enums
/// (`one_of` with whole numbers), on an integer, in a list, in an `Option`
/// and on a float.
#[derive(Debug, Clone, PartialEq, Deserialize, Validate)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct ImageInfo {
    /// 1 BMP, 2 JPG, 3 GIF, 4 PNG, 255 other.
    #[desk(one_of(1, 2, 3, 4, 255))]
    pub image_format: u8,
    /// 1 original, 2 large, 3 thumbnail.
    #[desk(items(one_of(1, 2, 3)), max_items = 3)]
    #[serde(default)]
    pub types: Vec<u8>,
    /// A turn: -1, 0 or 1.
    #[desk(one_of(-1, 0, 1))]
    #[serde(default)]
    pub turn: Option<i32>,
    /// A scale of 1 or 2, as a float.
    #[desk(one_of(1, 2))]
    #[serde(default)]
    pub scale: Option<f64>,
    /// A quality of 50, 75 or 100 (in 1 to 100): a number outside the
    /// `range` is `range` alone.
    #[desk(range(min = 1, max = 100), one_of(50, 75, 100))]
    #[serde(default)]
    pub quality: Option<u8>,
}

/// Values by key, through type parameters: the key `K` is read as the
/// property name's text, so the derive bounds it as a key (one of the
/// standard string types), wherever the type is used.
#[derive(Debug, Clone, PartialEq, Deserialize, Validate)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct Keyed<K: Ord, V> {
    /// The entries.
    #[desk(nested)]
    pub entries: std::collections::BTreeMap<K, V>,
}

/// Group attributes by name, through [`Keyed`] with a `Box<str>` key.
#[derive(Debug, Clone, PartialEq, Deserialize, Validate)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct AttrTable {
    /// The attributes.
    #[desk(nested)]
    pub attrs: Keyed<Box<str>, AttrValue>,
}

/// Values by key in a hashed map whose hasher is a type parameter: the
/// hasher is neither an item nor a key, so the derive bounds it as serde's
/// `Deserialize` of the map does (`BuildHasher + Default`, which serde is
/// told here in a `bound` and the type does not say) and leaves it out of
/// the schema's name.
#[derive(Debug, PartialEq, Deserialize, Validate)]
#[serde(
    rename_all = "PascalCase",
    deny_unknown_fields,
    bound(deserialize = "K: Deserialize<'de> + Eq + std::hash::Hash, \
                         V: Deserialize<'de>, S: std::hash::BuildHasher + Default")
)]
pub struct Hashed<K: Eq + std::hash::Hash, V: PartialEq, S: std::hash::BuildHasher> {
    /// The entries, at most 3, each key of at most 4 bytes (the key is a
    /// type parameter, and so one of the standard string types).
    #[desk(nested, max_items = 3, keys(max_bytes = 4))]
    pub entries: std::collections::HashMap<K, V, S>,
}

/// A counter's readings by name, through [`Hashed`] with a fixed hasher.
#[derive(Debug, PartialEq, Deserialize, Validate)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct Meters {
    /// The readings.
    #[desk(nested)]
    pub readings: Hashed<
        String,
        Reading,
        std::hash::BuildHasherDefault<std::collections::hash_map::DefaultHasher>,
    >,
}

/// A note relayed with its sender checked and its body passed on as it
/// came: the body is read by serde alone (`skip`), whatever type it is
/// given, so its schema states that type's shape and never its rules.
#[derive(Debug, PartialEq, Deserialize, Validate)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct Relay<B> {
    /// The sender, if named.
    #[desk(nested)]
    #[serde(default)]
    pub from: Option<Nick>,
    /// The body, unchecked.
    #[desk(skip)]
    pub body: B,
}

/// Message elements passed on as they came, as an alias the derive cannot
/// see into.
pub type Forwarded = Vec<MsgElem>;

/// Types that derive `Validate` given to [`Relay`] as its body, where Rust
/// reads them with serde alone: their rules hold nowhere there (a text over
/// its byte limit, a default under its minimum, so an absent field), on
/// every path.
#[derive(Debug, PartialEq, Deserialize, Validate)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct Relays {
    /// A nickname, a newtype with rules.
    #[desk(nested)]
    pub nick: Relay<Nick>,
    /// A page request whose default breaks its rule.
    #[desk(nested)]
    pub list: Relay<GetGroupList>,
}

/// Types that derive `Validate` held where Rust reads them with serde
/// alone, through a type argument and an alias, and a set: a set with a
/// repeat (which serde drops) and an element's text over its limits pass.
#[derive(Debug, PartialEq, Deserialize, Validate)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct Forwards {
    /// Accounts to block, as sets.
    #[desk(nested)]
    pub block: Relay<BlockAccounts>,
    /// Message elements, through an alias.
    #[desk(skip)]
    #[serde(default)]
    pub history: Forwarded,
    /// Tags, a set written as one.
    #[desk(skip)]
    #[serde(default)]
    pub tags: std::collections::BTreeSet<String>,
    /// Counts by how members join: keys of a unit enum with doc comments
    /// and an alias, whose names the schema lists as the keys.
    #[desk(skip)]
    #[serde(default)]
    pub joins: std::collections::HashMap<ApplyJoinOption, u32>,
    /// The relay's address, of either family.
    #[desk(skip)]
    #[serde(default)]
    pub peer: Option<std::net::IpAddr>,
}

/// A setting whose `Value` is a `skip` field in one variant and a checked
/// field in another: which one the tag picks decides where a fault inside
/// it is reported (at the skip field, as one `type`, or where it lies).
#[derive(Debug, PartialEq, Deserialize, Validate)]
#[serde(tag = "Kind", deny_unknown_fields)]
pub enum Setting {
    /// Bytes passed on unchecked.
    Raw {
        /// The bytes.
        #[serde(rename = "Value")]
        #[desk(skip)]
        value: Vec<u8>,
    },
    /// Short labels.
    Labels {
        /// At most two labels of at most 3 bytes.
        #[serde(rename = "Value")]
        #[desk(max_items = 2, items(max_bytes = 3))]
        value: Vec<String>,
    },
}

/// [`Setting`]'s variants adjacently tagged, content before or after the tag.
#[derive(Debug, PartialEq, Deserialize, Validate)]
#[serde(tag = "Kind", content = "Body")]
pub enum Payload {
    /// Bytes passed on unchecked.
    Raw {
        /// The bytes.
        #[serde(rename = "Value")]
        #[desk(skip)]
        value: Vec<u8>,
    },
    /// Short labels.
    Labels {
        /// At most two labels of at most 3 bytes.
        #[serde(rename = "Value")]
        #[desk(max_items = 2, items(max_bytes = 3))]
        value: Vec<String>,
    },
}

/// Sets and a `unique` list whose items may not be values of their type:
/// only values are compared, so a number outside `u8` or `u16`, or a point
/// missing its field or outside its type, repeats nothing (helper-151's
/// random types: the package said `duplicate` there too).
#[derive(Debug, PartialEq, Deserialize, Validate)]
#[serde(deny_unknown_fields)]
pub struct Scoreboard {
    /// At most four scores.
    #[desk(nested, max_items = 4)]
    pub scores: std::collections::BTreeSet<u8>,
    /// Counts, none twice.
    #[desk(nested, unique)]
    pub counts: Vec<u16>,
    /// Points, a set of structs.
    #[desk(nested)]
    pub points: std::collections::BTreeSet<Point>,
    /// Marks, a `unique` list of structs (absent: none).
    #[desk(nested, unique)]
    #[serde(default)]
    pub marks: Vec<Point>,
    /// Steps, a set of data enums (absent: none): an object that names no
    /// variant is no value, and repeats nothing (helper-152: the package
    /// said `duplicate` there).
    #[desk(nested)]
    #[serde(default)]
    pub steps: std::collections::BTreeSet<Step>,
    /// Priorities, none twice (absent: none): a unit enum without doc
    /// comments, whose schema is `enum` of its names. A name it does not have
    /// is no value and repeats nothing (the package said `duplicate` there
    /// until its `enum` was marked `x-unitEnum`).
    #[desk(nested, unique)]
    #[serde(default)]
    pub priorities: Vec<Priority>,
    /// Tags, each `a` or `b`, none twice (absent: none): a `one_of` rule's
    /// `enum` lists strings, each a value of the type, which repeat.
    #[desk(unique, items(one_of("a", "b")))]
    #[serde(default)]
    pub tags: Vec<String>,
    /// Points, none with another's `x` (absent: none): a key that is not a
    /// value of its type repeats nothing either (helper-153: the package
    /// said `duplicate` there).
    #[desk(nested, unique(by = x))]
    #[serde(default)]
    pub by_x: Vec<Point>,
    /// Markers, none at another's point (absent: none): a key that is a
    /// struct with a property its type refuses is no value, and repeats
    /// nothing (helper-158: the walk said `duplicate` there).
    #[desk(nested, unique(by = at))]
    #[serde(default)]
    pub markers: Vec<Marker>,
}

/// A marker of a [`Scoreboard`]: an item whose `unique` key is a struct.
#[derive(Debug, PartialEq, Deserialize, Validate)]
#[serde(deny_unknown_fields)]
pub struct Marker {
    /// Where.
    #[desk(nested)]
    pub at: Point,
    /// A digit.
    #[desk(range(max = 9))]
    pub n: u8,
}

/// A step of a [`Scoreboard`]: an externally tagged data enum as a set's
/// item.
#[derive(Debug, PartialEq, Eq, PartialOrd, Ord, Deserialize, Validate)]
#[serde(deny_unknown_fields)]
pub enum Step {
    /// Move ahead.
    Go {
        /// By this many.
        #[desk(range(max = 9))]
        by: u8,
    },
    /// Stay this many turns.
    Wait(#[desk(range(max = 9))] u8),
}

/// An externally tagged enum whose data variants serde never reads
/// (`skip`, `skip_deserializing`): a string names a unit variant only, and
/// the schema has no data variant's name to list (it wrote an empty
/// `enum`, which strict Ajv refuses; tests/random, seed 3).
#[derive(Debug, PartialEq, Deserialize, Validate)]
pub enum Switch {
    /// On.
    On,
    /// Off.
    Off,
    /// Never read.
    #[serde(skip)]
    Level(#[desk(nested)] u8),
    /// Never read either.
    #[serde(skip_deserializing)]
    Dim {
        /// How much.
        #[desk(nested)]
        by: u8,
    },
}

/// Any JSON value, as a newtype with a doc comment: its schema is
/// annotations alone, which the package's TypeScript must read as any
/// value, not as an object type (tests/random, seed 5).
#[derive(Debug, PartialEq, Deserialize, Validate)]
#[serde(transparent)]
pub struct Anything {
    /// The value.
    #[desk(nested)]
    pub value: serde_json::Value,
}

/// A point of a [`Scoreboard`]: a set's item that is a struct.
#[derive(Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Validate)]
#[serde(deny_unknown_fields)]
pub struct Point {
    /// A digit.
    #[desk(range(max = 9))]
    pub x: u8,
}

/// Moves, a `unique` list and a set of an adjacently tagged enum: with
/// `deny_unknown_fields` and no unit variant nor content that reads `null`,
/// each move has one text (up to the order of its properties), so `unique`
/// and a set compare as JSON does.
#[derive(Debug, PartialEq, Deserialize, Validate)]
#[serde(deny_unknown_fields)]
pub struct Moves {
    /// None twice.
    #[desk(nested, unique, max_items = 4)]
    pub list: Vec<Move>,
    /// A set (absent: none).
    #[desk(nested)]
    #[serde(default)]
    pub set: std::collections::BTreeSet<Move>,
}

/// A move of [`Moves`]: adjacently tagged, each variant with content.
#[derive(Debug, PartialEq, Eq, PartialOrd, Ord, Deserialize, Validate)]
#[serde(tag = "t", content = "c", deny_unknown_fields)]
pub enum Move {
    /// Ahead by a digit.
    Go(#[desk(range(max = 9))] u8),
    /// Say at most three bytes.
    Say(#[desk(max_bytes = 3)] String),
    /// Turn.
    Turn {
        /// Degrees.
        #[desk(range(max = 359))]
        deg: u16,
    },
}

/// Settings of both kinds, in a list and alone.
#[derive(Debug, PartialEq, Deserialize, Validate)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct Settings {
    /// Internally tagged settings.
    #[desk(nested)]
    #[serde(default)]
    pub list: Vec<Setting>,
    /// An adjacently tagged one.
    #[desk(nested)]
    pub payload: Option<Payload>,
}

/// A name, as an alias: the derive cannot see through it, and gates it.
pub type Label = String;
/// A level, as an alias.
pub type Level = u8;
/// Labels, as an alias of a list.
pub type Labels = Vec<Label>;
/// Notes by key, as an alias of a map.
pub type Notes = std::collections::BTreeMap<String, Label>;
/// Any list, as a generic alias.
pub type Many<T> = Vec<T>;

/// A type that names another: a field of `<Person as Named>::Name` is a
/// qualified path, which the derive cannot read as written either.
pub trait Named {
    /// The type of the name.
    type Name;
}

/// Whose names are [`Label`]s.
pub struct Person;

impl Named for Person {
    type Name = Label;
}

/// Rules on fields whose types are aliases of plain values (as written, no
/// type the derive knows), alone and inside the standard containers: each
/// rule checked as on the type the alias names.
#[derive(Debug, PartialEq, Deserialize, Validate)]
#[serde(deny_unknown_fields)]
pub struct Aliased {
    /// At most 4 bytes of printable ASCII.
    #[desk(max_bytes = 4, printable_ascii)]
    pub name: Label,
    /// From 1 to 9.
    #[desk(range(min = 1, max = 9))]
    pub level: Level,
    /// At most 2 labels, none empty.
    #[desk(max_items = 2, items(min_bytes = 1))]
    pub labels: Labels,
    /// Notes of at most 3 bytes each.
    #[desk(values(max_bytes = 3))]
    #[serde(default)]
    pub notes: Option<Notes>,
    /// Levels, unique, each at most 5.
    #[desk(unique, items(range(max = 5)))]
    #[serde(default)]
    pub steps: Vec<Level>,
    /// Tags of at most 2 bytes each, through a generic alias.
    #[desk(items(max_bytes = 2))]
    #[serde(default)]
    pub tags: Many<Label>,
    /// A nickname of at least 2 bytes, through a qualified path.
    #[desk(min_bytes = 2)]
    #[serde(default)]
    pub nickname: Option<<Person as Named>::Name>,
}

/// The trees under a [`Grove`], as an alias: the derive cannot see that it
/// names the newtype, and gives the newtype a view of its own all the same.
pub type Groves = Vec<Grove>;

/// A recursive newtype through an alias: at most 2 trees at each level.
#[derive(Debug, PartialEq, Deserialize, Validate)]
pub struct Grove(#[desk(nested, max_items = 2)] pub Groves);

/// The branches of a [`Bough`], as an alias of a map of it.
pub type Boughs = std::collections::BTreeMap<String, Bough>;

/// A `transparent` struct over an alias that reaches it: at most 1 branch at
/// each level.
#[derive(Debug, PartialEq, Deserialize, Validate)]
#[serde(transparent)]
pub struct Bough {
    /// The branches.
    #[desk(nested, max_items = 1)]
    pub branches: Boughs,
}

/// A queue's limits: the context its jobs are checked in (here, its
/// default).
#[derive(Debug, Default)]
pub struct QueueLimits {
    /// The most jobs a worker takes at once.
    pub per_worker: usize,
}

/// A job, checked in a queue's context.
#[derive(Debug, Clone, PartialEq, Deserialize, Validate)]
#[desk(context = QueueLimits)]
pub struct Job {
    /// 1 to 16 bytes of printable ASCII.
    #[desk(min_bytes = 1, max_bytes = 16, printable_ascii)]
    pub Name: String,
}

/// A type with a context that holds its jobs through generic types that
/// have none ([`Page`], [`Event`]): each passes the context on.
#[derive(Debug, PartialEq, Deserialize, Validate)]
#[desk(context = QueueLimits)]
pub struct Queue {
    /// A page of jobs.
    #[desk(nested)]
    pub Jobs: Page<'static, Job>,
    /// The job running now, if any.
    #[desk(nested)]
    pub Current: Event<Job>,
}

/// Every type of the zoo, by name: the tests loop over them.
#[macro_export]
macro_rules! for_each_zoo_type {
    ($m:ident) => {
        $m!(UserId);
        $m!(GroupId);
        $m!(Nick);
        $m!(ShortCode);
        $m!(ShortCodeReversed);
        $m!(MemberCount);
        $m!(ApplyJoinOption);
        $m!(Priority);
        $m!(Platform);
        $m!(AccountImport);
        $m!(MultiAccountImport);
        $m!(CheckItem);
        $m!(AccountCheck);
        $m!(NewMember);
        $m!(AddGroupMember);
        $m!(DeleteGroupMember);
        $m!(ModifyGroupBaseInfo);
        $m!(SendGroupMsgHeader);
        $m!(GroupAttr);
        $m!(ModifyGroupAttr);
        $m!(Pager);
        $m!(GetGroupList);
        $m!(Locale);
        $m!(Preferences);
        $m!(CustomerProfile);
        $m!(MsgElem);
        $m!(SendGroupMsg);
        $m!(Notice);
        $m!(Action);
        $m!(SetGroupAttr);
        $m!(UnreadReport);
        $m!(MsgStats);
        $m!(ImportEnvelope);
        $m!(UserPage);
        $m!(MsgEvent);
        $m!(PriorityEvent);
        $m!(Document);
        $m!(BlockAccounts);
        $m!(Recipients);
        $m!(AttrValue);
        $m!(BatchSend);
        $m!(ProfileValue);
        $m!(SetProfile);
        $m!(FormFields);
        $m!(ContactCard);
        $m!(PublicProfile);
        $m!(Reading);
        $m!(Decor);
        $m!(Ranking);
        $m!(Seating);
        $m!(Board);
        $m!(Orchard);
        $m!(Prototype);
        $m!(Blank);
        $m!(Ticket);
        $m!(Digits);
        $m!(Department);
        $m!(Reply);
        $m!(MemberFilter);
        $m!(ForwardBody);
        $m!(Folder);
        $m!(Thread);
        $m!(NickTree);
        $m!(Nesting);
        $m!(Grid);
        $m!(Ballot);
        $m!(Gauges);
        $m!(Signal);
        $m!(Press);
        $m!(Attachment);
        $m!(ImageInfo);
        $m!(AttrTable);
        $m!(Meters);
        $m!(Relays);
        $m!(Forwards);
        $m!(Settings);
        $m!(SignUp);
        $m!(Aliased);
        $m!(Grove);
        $m!(Bough);
        $m!(Queue);
        $m!(Scoreboard);
        $m!(Moves);
        $m!(Switch);
        $m!(Anything);
    };
}
