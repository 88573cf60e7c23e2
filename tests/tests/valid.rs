//! `Valid<T>` and `Rejected<T>` as a service uses them: serialized as the
//! value, deserialized by checking, and never printing the value.

use desk_schema::create_group::{CreateGroupRequest, DeskContext, GroupType, Member};
use desk_schema::{Valid, Validate};

fn request(account: &str) -> CreateGroupRequest {
    CreateGroupRequest::new(GroupType::Public, "team-a", "客服")
        .member(Member::new(account))
        .member(Member::customer_service())
}

#[test]
fn a_valid_request_serializes_as_the_request() {
    let valid = request("user2").validate_into().unwrap();
    assert_eq!(
        serde_json::to_string(&valid).unwrap(),
        serde_json::to_string(&*valid).unwrap()
    );
}

#[test]
fn deserializing_a_valid_checks_it_and_the_error_names_no_value() {
    let good = serde_json::to_string(&request("user2")).unwrap();
    let valid: Valid<CreateGroupRequest> = serde_json::from_str(&good).unwrap();
    assert_eq!(valid.member_list.len(), 2);
    let secret = "x".repeat(40);
    let bad = serde_json::to_string(&request(&secret)).unwrap();
    let error = serde_json::from_str::<Valid<CreateGroupRequest>>(&bad).unwrap_err();
    let message = error.to_string();
    assert!(
        message.contains("/MemberList/0/Member_Account"),
        "{message}"
    );
    assert!(!message.contains(&secret), "{message}");
    // A value of the wrong type: serde would quote it; the report does not.
    let mut value: serde_json::Value = serde_json::from_str(&good).unwrap();
    value["MaxMemberCount"] = serde_json::json!("PII-phone-13800138000");
    value["Type"] = serde_json::json!("PII-name-Zhang");
    let error = serde_json::from_value::<Valid<CreateGroupRequest>>(value).unwrap_err();
    let message = error.to_string();
    assert!(message.contains("/MaxMemberCount"), "{message}");
    assert!(!message.contains("PII"), "{message}");
}

#[test]
fn from_json_str_with_takes_the_context() {
    let text = serde_json::to_string(
        &CreateGroupRequest::new(GroupType::Public, "team-a", "客服")
            .member(Member::new("user2"))
            .member(Member::new("@cs_team_a")),
    )
    .unwrap();
    let ctx = DeskContext::with_accounts(["@cs_team_a"]);
    assert!(Valid::<CreateGroupRequest>::from_json_str_with(&text, &ctx).is_ok());
    let report = Valid::<CreateGroupRequest>::from_json_str(&text).unwrap_err();
    assert_eq!(report.violations()[0].code(), "customer_service_account");
}

#[test]
fn rejected_and_report_debug_show_no_value_and_no_internals() {
    let secret = format!("{}-personal", "p".repeat(40));
    let rejected = request(&secret).validate_into().unwrap_err();
    let debug = format!("{rejected:?}");
    assert!(!debug.contains(&secret), "{debug}");
    assert!(
        debug.contains("max_bytes") || debug.contains("MaxBytes"),
        "{debug}"
    );
    let report = format!("{:?}", rejected.report);
    assert!(!report.contains("shape"), "{report}");
    // As a `main` returning `Box<dyn Error>` would print it.
    let boxed: Box<dyn std::error::Error> = Box::new(rejected);
    assert!(!format!("{boxed:?}").contains(&secret));
}
