//! The `v4/desk_http_svc/create_group` API: request, members, custom data,
//! query parameters, response and error codes, with every documented limit.
//!
//! Limits come from the API page, [Create Group](https://www.tencentcloud.com/document/product/1229/68815)
//! in the Desk API reference, and, where the page gives none, from
//! Tencent's Chat documentation: each item's docs (and so its schema's
//! `description`) say which. The page's: the group type, the 100, 400, 400
//! and 500 bytes of `Name`, `Introduction`, `Notification` and `FaceUrl`,
//! the join options, 1 to 100 members, `Role`, and the customer service
//! account rules. Chat's: a UserID's 1 to 32 bytes of printable ASCII (its
//! UserID rules, trtc.io document 34348, error 7003), a group ID's 1 to 48
//! bytes of printable ASCII without `@TGS#` (its SDK headers,
//! `V2TIMManager+Group.h`, error 8501, and its Flutter `V2TimGroupInfo`
//! docs), a custom field's `Key` of 1 to 16 bytes and group-level `Value`
//! of 512 (its SDK headers and its HarmonyOS `V2TIMSetGroupInfoParam` docs),
//! and `MaxMemberCount` not below the initial members (its group limits,
//! trtc.io document 33529). Byte limits are UTF-8 bytes: a Chinese
//! character is 3 bytes, most emoji 4.
//!
//! ```
//! use desk_schema::create_group::{CreateGroupRequest, GroupType, Member};
//! use desk_schema::Validate;
//!
//! let request = CreateGroupRequest::new(GroupType::Public, "MyFirstGroup", "TestGroup")
//!     .owner_account("user3")
//!     .member(Member::new("user2"))
//!     .member(Member::customer_service());
//! assert!(request.validate().is_ok());
//! ```

#[cfg(feature = "http")]
pub mod call;
#[cfg(feature = "client")]
pub mod client;
mod context;
mod error_code;
mod params;
#[cfg(feature = "http")]
mod redact;
mod request;
mod response;

pub use context::{DEFAULT_CUSTOMER_SERVICE_ACCOUNT, DeskContext};
pub use error_code::{ErrorCode, ErrorCodeInfo, Retry};
pub use params::{ContentType, DEFAULT_HOST, InvalidHost, RequestParams, UserSig};
pub use request::{
    ApplyJoinOption, CreateGroupRequest, CustomData, GROUP_DATA_VALUE_MAX_BYTES, GroupType,
    InviteJoinOption, Member, MemberRole,
};
pub use response::{ActionStatus, ApiError, CreateGroupResponse};

use schemars::Schema;

use crate::schema_for;

/// The request's JSON Schema (draft 2020-12), as committed in
/// `desk-schema/schemas/create_group.request.schema.json`.
#[must_use]
pub fn request_schema() -> Schema {
    titled(
        schema_for::<CreateGroupRequest>(),
        "Desk create_group request",
    )
}

/// The response's JSON Schema (draft 2020-12), as committed in
/// `desk-schema/schemas/create_group.response.schema.json`.
#[must_use]
pub fn response_schema() -> Schema {
    titled(
        schema_for::<CreateGroupResponse>(),
        "Desk create_group response",
    )
}

/// The request's JSON Schema for a given [`DeskContext`]: the same as
/// [`request_schema`] but with `ctx`'s customer service accounts in the
/// member-list rule (`contains`) and in the owner's part of it
/// (`dependentSchemas/Owner_Account`, one `if`/`then` per account). The
/// default context gives the committed schema.
///
/// ```
/// use desk_schema::create_group::{DeskContext, request_schema, request_schema_for};
///
/// assert_eq!(request_schema_for(&DeskContext::default()), request_schema());
/// let team = request_schema_for(&DeskContext::with_accounts(["@cs_team_a"]));
/// let rule = team.pointer("/properties/MemberList/allOf/0/contains").unwrap();
/// assert_eq!(rule["properties"]["Member_Account"]["enum"], serde_json::json!(["@cs_team_a"]));
/// ```
#[must_use]
pub fn request_schema_for(ctx: &DeskContext) -> Schema {
    let mut schema = request_schema();
    request::set_customer_service_accounts(&mut schema, ctx);
    schema
}

fn titled(mut schema: Schema, title: &str) -> Schema {
    schema.insert("title".into(), title.into());
    schema
}
