//! Benchmark data: the largest valid `create_group` request the API allows, and
//! a request with well over 100 violations.

use desk_schema::create_group::{CreateGroupRequest, GroupType, Member};

/// Text of exactly `bytes` bytes of UTF-8, mostly 3-byte characters.
#[must_use]
pub fn cjk(bytes: usize) -> String {
    let mut s = "群".repeat(bytes / 3);
    s.push_str(&"a".repeat(bytes % 3));
    s
}

/// Text of exactly `bytes` bytes of UTF-8, mostly 4-byte emoji.
#[must_use]
pub fn emoji(bytes: usize) -> String {
    let mut s = "😀".repeat(bytes / 4);
    s.push_str(&"a".repeat(bytes % 4));
    s
}

/// 100 members, every string at its byte limit, in multi-byte text where the
/// field allows it (IDs are printable ASCII by rule).
#[must_use]
pub fn max_valid() -> CreateGroupRequest {
    let mut request = CreateGroupRequest::new(GroupType::Public, "G".repeat(48), cjk(100))
        .owner_account("o".repeat(32))
        .introduction(cjk(400))
        .notification(emoji(400))
        .face_url(cjk(500))
        .max_member_count(101);
    for i in 0..8 {
        request = request.app_defined_data(format!("{i}{}", cjk(15)), cjk(512));
    }
    for i in 0..99 {
        let member = Member::new(format!("{i:0>32}")).app_member_defined_data(cjk(16), cjk(100));
        request = request.member(if i % 2 == 0 { member.admin() } else { member });
    }
    request.member(Member::customer_service())
}

/// [`max_valid`] as the issue "One rule, one definition" measures it: member
/// custom data on every third member only, and `Admin` on every tenth.
#[must_use]
pub fn max_valid_sparse() -> CreateGroupRequest {
    let mut request = max_valid();
    for (i, member) in request.member_list.iter_mut().enumerate() {
        if i % 3 != 0 {
            member.app_member_defined_data = None;
        }
        if member.role.is_some() && i % 10 != 0 {
            member.role = None;
        }
    }
    request
}

/// The valid request broken in over 100 places: every account too long,
/// every custom key too long and repeated, the scalars over their limits.
#[must_use]
pub fn many_violations() -> CreateGroupRequest {
    let mut request = max_valid();
    break_in_many_places(&mut request);
    request
}

/// [`max_valid_sparse`] broken in 150 places, the invalid text of the issue
/// "One rule, one definition": [`many_violations`]' 129, and the member
/// custom data key one byte over its limit on the first 21 of the 33
/// members that carry one.
#[must_use]
pub fn many_violations_sparse() -> CreateGroupRequest {
    let mut request = max_valid_sparse();
    break_in_many_places(&mut request);
    let values = request
        .member_list
        .iter_mut()
        .filter_map(|member| member.app_member_defined_data.as_mut())
        .flatten();
    for data in values.take(21) {
        data.key.push('!');
    }
    request
}

/// Every account too long, every group custom key too long and repeated,
/// every group custom value one byte over, the scalars over their limits:
/// 129 violations.
fn break_in_many_places(request: &mut CreateGroupRequest) {
    request.name.push('!');
    request.group_id = format!("@TGS#{}", "g".repeat(44));
    request.introduction = Some(cjk(401));
    request.face_url = Some(emoji(504));
    request.max_member_count = Some(50);
    for data in request.app_defined_data.iter_mut().flatten() {
        data.key = cjk(17);
        data.value.push('!');
    }
    for member in &mut request.member_list {
        member.account.push('x');
    }
}

/// The JSON text of a request.
///
/// # Panics
///
/// Never: a request always serializes.
#[must_use]
pub fn text(request: &CreateGroupRequest) -> String {
    serde_json::to_string(request).expect("serializable")
}

/// The text of [`many_violations`] with its shape broken too: a wrong enum
/// string, a number given as a string, and a misspelt property, so the typed
/// parse fails and the full raw walk runs.
///
/// # Panics
///
/// Never: a request always serializes.
#[must_use]
pub fn many_violations_broken_shape() -> String {
    let mut value = serde_json::to_value(many_violations()).expect("serializable");
    value["Type"] = "Work".into();
    value["MaxMemberCount"] = "50".into();
    value["Notifcation"] = "x".into();
    value.to_string()
}
