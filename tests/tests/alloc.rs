//! Passing validation allocates nothing on the heap; valid JSON costs no
//! allocation beyond the typed parse's own; the walk of invalid JSON builds
//! no tree.

use desk_schema::create_group::{CreateGroupRequest, GroupType, Member};
use desk_schema::{Validate, from_json_str};
use desk_schema_tests::every_rule::EveryRule;

fn max_request() -> CreateGroupRequest {
    let mut request = CreateGroupRequest::new(GroupType::Public, "g".repeat(48), "群".repeat(33))
        .owner_account("o".repeat(32))
        .introduction("介".repeat(133))
        .notification("😀".repeat(100))
        .face_url("f".repeat(500))
        .max_member_count(200)
        .app_defined_data("k", "v".repeat(512));
    for i in 0..99 {
        request = request.member(
            Member::new(format!("{i:0>32}"))
                .admin()
                .app_member_defined_data("k", "v"),
        );
    }
    request.member(Member::customer_service())
}

#[test]
fn passing_typed_validation_allocates_nothing() {
    let request = max_request();
    let every = EveryRule::valid();
    let info = allocation_counter::measure(|| {
        assert!(request.validate().is_ok());
        assert!(every.validate().is_ok());
    });
    assert_eq!(info.count_total, 0);
}

#[test]
fn failing_validation_allocates() {
    // The counter works: a violation builds its path and the report grows.
    let mut request = max_request();
    request.name.push_str("xx"); // 101 bytes
    let info = allocation_counter::measure(|| {
        assert!(request.validate().is_err());
    });
    assert!(info.count_total > 0);
}

#[test]
fn from_json_str_on_valid_input_allocates_what_serde_allocates() {
    // Valid text takes serde's typed parse (held to the walk's reading of
    // JSON) and the typed rules, which allocate nothing when they pass: the
    // same allocations as serde_json alone, and none for the walk's views.
    let text = serde_json::to_string(&max_request()).unwrap();
    let parse = allocation_counter::measure(|| {
        let _: CreateGroupRequest = serde_json::from_str(&text).unwrap();
    });
    let checked = allocation_counter::measure(|| {
        let _: CreateGroupRequest = from_json_str(&text).unwrap();
    });
    assert_eq!(checked.count_total, parse.count_total);
    assert_eq!(checked.bytes_total, parse.bytes_total);
}

#[test]
fn the_walk_of_invalid_text_builds_no_tree() {
    // Text of the wrong shape from its first property (`AppDefinedData`:
    // serde_json's `Value` sorts keys), so the walk reads it all, with a
    // violation in every member: the walk keeps the views its rules read and
    // the report, never a `serde_json::Value` of the document.
    let mut value = serde_json::to_value(max_request()).unwrap();
    value["AppDefinedData"] = serde_json::json!(7);
    for member in value["MemberList"].as_array_mut().unwrap() {
        member["Member_Account"] = serde_json::json!("a b");
    }
    let text = value.to_string();
    let walk = allocation_counter::measure(|| {
        let report = from_json_str::<CreateGroupRequest>(&text).unwrap_err();
        assert!(report.len() > 100, "{}", report.len());
    });
    let tree = allocation_counter::measure(|| {
        let _: serde_json::Value = serde_json::from_str(&text).unwrap();
    });
    println!(
        "walk: {} allocations, {} bytes; Value: {} allocations, {} bytes",
        walk.count_total, walk.bytes_total, tree.count_total, tree.bytes_total
    );
    assert!(walk.count_total * 2 < tree.count_total);
    assert!(walk.bytes_total < tree.bytes_total);
}

#[test]
fn the_walk_of_a_valid_object_allocates_nothing() {
    // `validate_value` reads each property through a view that borrows the
    // value: an object of required properties, present or absent ones
    // that serde reads as `None`, allocates nothing. (Asking serde whether
    // a required property may be absent, which the walk did for each one
    // present, had built an error message each time: three allocations
    // here, 66 K instructions on the max request's `raw_value_valid`.)
    use desk_schema::create_group::CustomData;
    let data = serde_json::json!({"Key": "k", "Value": "v"});
    let member = serde_json::json!({"Member_Account": "peter", "Role": "Admin"});
    let info = allocation_counter::measure(|| {
        assert!(desk_schema::validate_value::<CustomData>(&data).is_ok());
        assert!(desk_schema::validate_value::<Member>(&member).is_ok());
    });
    assert_eq!(info.count_total, 0);
}

#[test]
fn a_report_allocates_for_its_list_not_for_each_violation() {
    // Every account one byte too long, in 70 members and in 98: a report of
    // 70 violations and one of 98, each path (`/MemberList/97/Member_Account`)
    // held in the violation itself. Both lists grow to the same capacity,
    // and the sort finds both in order, so both reports allocate alike (75
    // and 103 times when each pointer was a `String` of its own).
    let broken = |members: usize| {
        let mut request = max_request();
        for member in request.member_list.iter_mut().take(members) {
            member.account.push('x');
        }
        let mut report = None;
        let info = allocation_counter::measure(|| report = request.validate().err());
        let report = report.expect("a report");
        assert_eq!(report.len(), members);
        assert_eq!(
            report.violations()[members - 1].path(),
            format!("/MemberList/{}/Member_Account", members - 1)
        );
        info.count_total
    };
    let (seventy, ninety_eight) = (broken(70), broken(98));
    assert_eq!(seventy, ninety_eight);
    assert!(seventy <= 8, "{seventy} allocations");
}
