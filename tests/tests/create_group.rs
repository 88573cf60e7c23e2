//! The `create_group` API: samples from the page, every documented limit at N
//! and N+1 bytes with multi-byte text, every cross-field rule.

use desk_schema::create_group::{
    ActionStatus, CreateGroupRequest, CreateGroupResponse, DeskContext, ErrorCode, GroupType,
    Member, RequestParams, Retry, UserSig,
};
use desk_schema::text::truncate_to_bytes;
use desk_schema::{Validate, from_json_str, from_json_str_with};
use serde_json::{Value, json};

const SAMPLE_REQUEST: &str = include_str!("../../desk-schema/examples/create_group.request.json");
const SAMPLE_RESPONSE: &str = include_str!("../../desk-schema/examples/create_group.response.json");
const SAMPLE_URL: &str = include_str!("../../desk-schema/examples/create_group.url.txt");

fn base() -> CreateGroupRequest {
    CreateGroupRequest::new(GroupType::Private, "g1", "name")
        .member(Member::new("user2"))
        .member(Member::customer_service())
}

fn problems(request: &CreateGroupRequest) -> Vec<(String, &'static str)> {
    let typed: Vec<_> = request
        .validate()
        .err()
        .map(|r| r.iter().map(|v| (v.path().to_owned(), v.code())).collect())
        .unwrap_or_default();
    // The same request as JSON text must give the same report.
    let text = serde_json::to_string(request).unwrap();
    let raw: Vec<_> = from_json_str::<CreateGroupRequest>(&text)
        .err()
        .map(|r| r.iter().map(|v| (v.path().to_owned(), v.code())).collect())
        .unwrap_or_default();
    assert_eq!(typed, raw);
    typed
}

fn one(path: &str, code: &'static str) -> Vec<(String, &'static str)> {
    vec![(path.to_owned(), code)]
}

#[test]
fn the_page_sample_request_is_valid() {
    let request: CreateGroupRequest = from_json_str(SAMPLE_REQUEST).unwrap();
    assert_eq!(request.group_id, "MyFirstGroup");
    assert_eq!(request.member_list.len(), 2);
    assert_eq!(request.max_member_count, Some(500));
}

#[test]
fn the_page_sample_response_parses_and_gives_the_group_id() {
    let response: CreateGroupResponse = serde_json::from_str(SAMPLE_RESPONSE).unwrap();
    assert_eq!(response.action_status, ActionStatus::Ok);
    assert_eq!(response.error_code, ErrorCode::OK);
    assert_eq!(response.into_result().unwrap(), "MyFirstGroup");
}

#[test]
fn the_page_sample_url_is_reproduced() {
    let params = RequestParams::new(88_888_888, "admin", UserSig::new("xxx"), 99_999_999);
    assert_eq!(params.url(), SAMPLE_URL.trim());
    assert!(params.validate().is_ok());
}

#[test]
fn url_parameters_are_percent_encoded() {
    let params = RequestParams::new(1, "a b@c", UserSig::new("x+y/z="), u32::MAX);
    assert!(
        params.url().ends_with(
            "identifier=a%20b%40c&usersig=x%2By%2Fz%3D&random=4294967295&contenttype=json"
        )
    );
}

#[test]
fn usersig_never_appears_in_debug_display_or_errors() {
    let secret = "eJw1jcEKgjAYhV-SECRET";
    let params = RequestParams::new(1, "admin\t", UserSig::new(secret), 7);
    assert!(!format!("{params:?}").contains(secret));
    assert!(!format!("{}", params.usersig).contains(secret));
    assert!(!params.to_string().contains(secret));
    let report = params.validate().unwrap_err();
    assert!(!format!("{report} {report:?}").contains(secret));
    let json = json!({"sdkappid": 0, "identifier": "", "usersig": secret, "random": -1});
    let report = desk_schema::validate_value::<RequestParams>(&json).unwrap_err();
    let all = format!(
        "{report} {report:?} {}",
        serde_json::to_string(&report).unwrap()
    );
    assert!(!all.contains(secret), "{all}");
}

#[test]
fn error_codes_name_every_documented_code_and_keep_unknown_ones() {
    for code in [
        10_002, 10_003, 10_004, 10_005, 10_006, 10_007, 10_008, 10_016, 10_021, 10_025, 10_036,
        10_037, 10_038, 10_058, 141_001, 141_002, 141_004,
    ] {
        assert!(ErrorCode(code).info().is_some(), "{code}");
    }
    assert_eq!(ErrorCode(10002).retry(), Retry::Now);
    assert_eq!(ErrorCode(10006).retry(), Retry::Slower);
    assert_eq!(ErrorCode(70001).retry(), Retry::RegenerateUserSig);
    assert_eq!(ErrorCode(10021).retry(), Retry::Never);
    // "Check and retry" (141004) is no retry as the request stands; where
    // the page gives no advice (no agent online), none is claimed.
    assert_eq!(ErrorCode(141_004).retry(), Retry::Never);
    assert_eq!(Retry::Never.to_string(), "do not retry as it is");
    for code in [10_003, 141_000, 141_001, 141_003, 141_011] {
        assert_eq!(ErrorCode(code).retry(), Retry::Unknown, "{code}");
    }
    let table = ErrorCode::all();
    assert!(
        table.windows(2).all(|w| w[0].code < w[1].code),
        "sorted for binary search"
    );
    // Names say what a code means: no numbered repeats, each name once, and
    // every common code carries its name in Tencent's SDK.
    let mut names = std::collections::BTreeSet::new();
    for info in table {
        assert!(names.insert(info.name), "{} named twice", info.name);
        assert!(
            !info.name.ends_with(|c: char| c.is_ascii_digit()),
            "{}: a numbered name",
            info.name
        );
        assert_eq!(
            info.sdk_name.is_some(),
            (60000..=79999).contains(&info.code),
            "{}",
            info.code
        );
    }
    assert_eq!(ErrorCode(70014), ErrorCode::USERSIG_SDKAPPID_MISMATCH);
    assert_eq!(
        ErrorCode(70016).info().unwrap().sdk_name,
        Some("ERR_SVR_ACCOUNT_USERSIG_PUBLICKEY_NOT_FOUND")
    );
    let failed =
        json!({"ActionStatus": "FAIL", "ErrorInfo": "x", "ErrorCode": 99999, "GroupId": ""});
    let response: CreateGroupResponse = serde_json::from_value(failed.clone()).unwrap();
    assert_eq!(serde_json::to_value(&response).unwrap(), failed);
    let err = response.into_result().unwrap_err();
    assert_eq!(err.code, ErrorCode(99999));
    assert_eq!(err.code.retry(), Retry::Unknown);
}

/// Text of exactly `bytes` bytes, made of 3-byte characters plus ASCII padding.
fn cjk(bytes: usize) -> String {
    let mut s = "群".repeat(bytes / 3);
    s.push_str(&"a".repeat(bytes % 3));
    assert_eq!(s.len(), bytes);
    s
}

/// Text of exactly `bytes` bytes of 4-byte emoji plus ASCII padding.
fn emoji(bytes: usize) -> String {
    let mut s = "😀".repeat(bytes / 4);
    s.push_str(&"a".repeat(bytes % 4));
    s
}

#[test]
fn name_is_1_to_100_bytes() {
    for make in [cjk, emoji] {
        let mut r = base();
        r.name = make(100);
        assert_eq!(problems(&r), vec![]);
        r.name = make(101);
        assert_eq!(problems(&r), one("/Name", "max_bytes"));
    }
    let mut r = base();
    r.name = String::new();
    assert_eq!(problems(&r), one("/Name", "min_bytes"));
}

#[test]
fn introduction_and_notification_are_at_most_400_bytes() {
    for make in [cjk, emoji] {
        let mut r = base().introduction(make(400)).notification(make(400));
        assert_eq!(problems(&r), vec![]);
        r.introduction = Some(make(401));
        r.notification = Some(make(401));
        assert_eq!(
            problems(&r),
            vec![
                ("/Introduction".into(), "max_bytes"),
                ("/Notification".into(), "max_bytes")
            ]
        );
    }
}

#[test]
fn face_url_is_at_most_500_bytes() {
    let mut r = base().face_url(cjk(500));
    assert_eq!(problems(&r), vec![]);
    r.face_url = Some(cjk(501));
    assert_eq!(problems(&r), one("/FaceUrl", "max_bytes"));
}

#[test]
fn group_id_is_1_to_48_bytes_of_printable_ascii_without_the_reserved_prefix() {
    let mut r = base();
    r.group_id = "g".repeat(48);
    assert_eq!(problems(&r), vec![]);
    r.group_id = "g".repeat(49);
    assert_eq!(problems(&r), one("/GroupId", "max_bytes"));
    r.group_id = String::new();
    assert_eq!(problems(&r), one("/GroupId", "min_bytes"));
    r.group_id = "群".into();
    assert_eq!(problems(&r), one("/GroupId", "charset"));
    r.group_id = "@TGS#abc".into();
    assert_eq!(problems(&r), one("/GroupId", "reserved_prefix"));
}

#[test]
fn accounts_are_1_to_32_bytes_of_printable_ascii() {
    let mut r = base().owner_account("o".repeat(32));
    r.member_list[0].account = "m".repeat(32);
    assert_eq!(problems(&r), vec![]);
    r.owner_account = Some("o".repeat(33));
    r.member_list[0].account = "m".repeat(33);
    assert_eq!(
        problems(&r),
        vec![
            ("/MemberList/0/Member_Account".into(), "max_bytes"),
            ("/Owner_Account".into(), "max_bytes")
        ]
    );
    r.owner_account = Some("用户".into());
    r.member_list[0].account = String::new();
    assert_eq!(
        problems(&r),
        vec![
            ("/MemberList/0/Member_Account".into(), "min_bytes"),
            ("/Owner_Account".into(), "charset")
        ]
    );
}

#[test]
fn custom_data_keys_are_1_to_16_bytes_and_group_values_at_most_512() {
    let mut r = base().app_defined_data(cjk(15) + "a", cjk(512));
    assert_eq!(problems(&r), vec![]);
    r = base().app_defined_data(cjk(17), cjk(513));
    assert_eq!(
        problems(&r),
        vec![
            ("/AppDefinedData/0/Key".into(), "max_bytes"),
            ("/AppDefinedData/0/Value".into(), "max_bytes")
        ]
    );
    // Member-level values have no documented limit.
    r = base();
    r.member_list[0] = Member::new("user2").app_member_defined_data("k", cjk(2000));
    assert_eq!(problems(&r), vec![]);
    r.member_list[0] = Member::new("user2").app_member_defined_data("", "v");
    assert_eq!(
        problems(&r),
        one("/MemberList/0/AppMemberDefinedData/0/Key", "min_bytes")
    );
}

#[test]
fn custom_data_keys_are_unique_in_each_list() {
    let r = base().app_defined_data("k", "1").app_defined_data("k", "2");
    assert_eq!(problems(&r), one("/AppDefinedData/1/Key", "duplicate"));
}

#[test]
fn max_member_count_is_at_least_1_and_the_initial_count() {
    let r = base().max_member_count(0);
    assert_eq!(problems(&r), one("/MaxMemberCount", "range"));
    assert_eq!(problems(&base().max_member_count(2)), vec![]);
    // The owner is added when not in the list: three initial members.
    let r = base().owner_account("boss").max_member_count(2);
    assert_eq!(problems(&r), one("/MaxMemberCount", "max_member_count"));
    // The message says so: the list shows two.
    let report = r.validate().unwrap_err();
    assert_eq!(
        report.to_string(),
        "/MaxMemberCount: 2 is below the 3 initial members (Owner_Account included: the server \
         adds the owner); must be at least 3"
    );
    assert_eq!(
        report.localized(desk_schema::Locale::ZhCn).to_string(),
        "/MaxMemberCount: 2 小于初始成员数 3（含群主：服务端会把群主加入群成员）；应不小于 3"
    );
    let listed = base().max_member_count(1).validate().unwrap_err();
    assert_eq!(
        listed.to_string(),
        "/MaxMemberCount: 1 is below the 2 initial members; must be at least 2"
    );
    assert_eq!(
        problems(&base().owner_account("user2").max_member_count(2)),
        vec![]
    );
}

#[test]
fn member_list_is_1_to_100_without_repeats() {
    let mut r = base();
    r.member_list = (0..99).map(|i| Member::new(format!("u{i}"))).collect();
    r.member_list.push(Member::customer_service());
    assert_eq!(problems(&r), vec![]);
    r.member_list.push(Member::new("u100"));
    assert_eq!(problems(&r), one("/MemberList", "max_items"));
    r.member_list.clear();
    assert_eq!(problems(&r), one("/MemberList", "min_items"));
    let r = base().member(Member::new("user2"));
    assert_eq!(
        problems(&r),
        one("/MemberList/2/Member_Account", "duplicate")
    );
}

#[test]
fn exactly_one_customer_service_account() {
    let r = CreateGroupRequest::new(GroupType::Public, "g", "n").member(Member::new("a"));
    assert_eq!(problems(&r), one("/MemberList", "customer_service_account"));
    let r = base().member(Member::new("@customer_service_account"));
    // Two of them: also a duplicate account.
    assert_eq!(
        problems(&r),
        vec![
            ("/MemberList".into(), "customer_service_account"),
            ("/MemberList/2/Member_Account".into(), "duplicate"),
        ]
    );
}

#[test]
fn at_least_one_member_besides_customer_service() {
    let r = CreateGroupRequest::new(GroupType::Public, "g", "n").member(Member::customer_service());
    assert_eq!(problems(&r), one("/MemberList", "ordinary_member"));
}

#[test]
fn customer_service_accounts_are_configuration() {
    let ctx = DeskContext::with_accounts(["@desk_a", "@desk_b"]);
    let r = CreateGroupRequest::new(GroupType::Public, "g", "n")
        .member(Member::new("user"))
        .member(Member::new("@desk_b"));
    assert!(r.validate_with(&ctx).is_ok());
    assert!(r.validate().is_err());
    let text = serde_json::to_string(&r).unwrap();
    assert!(from_json_str_with::<CreateGroupRequest>(&text, &ctx).is_ok());
}

/// The request's violations with `ctx` on every path: typed, the walk
/// (from the text and from a `Value`), and the `jsonschema` crate on
/// `request_schema_for(ctx)` (paths only: it has no codes).
fn problems_with(request: &Value, ctx: &DeskContext) -> Vec<(String, &'static str)> {
    let of = |r: desk_schema::Report| -> Vec<_> {
        r.iter().map(|v| (v.path().to_owned(), v.code())).collect()
    };
    let text = request.to_string();
    let typed = serde_json::from_str::<CreateGroupRequest>(&text)
        .unwrap()
        .validate_with(ctx)
        .err()
        .map(of)
        .unwrap_or_default();
    let raw = from_json_str_with::<CreateGroupRequest>(&text, ctx)
        .err()
        .map(of)
        .unwrap_or_default();
    let value = desk_schema::validate_value_with::<CreateGroupRequest>(request, ctx)
        .err()
        .map(of)
        .unwrap_or_default();
    assert_eq!(typed, raw, "{text}");
    assert_eq!(typed, value, "{text}");
    let schema = desk_schema::create_group::request_schema_for(ctx).to_value();
    let validator = desk_schema_tests::parity::validator_for(&schema);
    let mut schema_paths: Vec<String> = validator
        .iter_errors(request)
        .map(|e| e.instance_path().as_str().to_owned())
        .collect();
    schema_paths.sort();
    schema_paths.dedup();
    let mut paths: Vec<String> = typed.iter().map(|(p, _)| p.clone()).collect();
    paths.dedup();
    assert_eq!(schema_paths, paths, "{text}");
    typed
}

#[test]
fn an_owner_that_is_a_customer_service_account_is_the_lists() {
    // The server adds the owner to the members: an owner that is a
    // customer service account the list does not hold, beside one it does,
    // makes two, which the page does not support.
    let ctx = DeskContext::with_accounts(["@desk_a", "@desk_b"]);
    let request = |owner: &str, members: &[&str]| {
        let list: Vec<Value> = members
            .iter()
            .map(|m| json!({ "Member_Account": m }))
            .collect();
        json!({ "Type": "Public", "GroupId": "g", "Name": "n", "Owner_Account": owner, "MemberList": list })
    };
    assert_eq!(
        problems_with(&request("@desk_b", &["user", "@desk_a"]), &ctx),
        one("/Owner_Account", "customer_service_account")
    );
    let second = from_json_str_with::<CreateGroupRequest>(
        &request("@desk_b", &["user", "@desk_a"]).to_string(),
        &ctx,
    )
    .unwrap_err();
    assert_eq!(
        second.to_string(),
        "/Owner_Account: the owner is a second customer service account (MemberList holds \
         one, and the server adds the owner to the members); only one is supported"
    );
    assert_eq!(
        second.localized(desk_schema::Locale::ZhCn).to_string(),
        "/Owner_Account: 群主是另一个客服账号（MemberList 中已有一个，服务端又会把群主加入群成员）；一个群组只能有一个客服账号"
    );
    // The list's own account, or an owner in the list: one account.
    assert!(problems_with(&request("@desk_a", &["user", "@desk_a"]), &ctx).is_empty());
    // Listed too: the list's two accounts are the one violation.
    assert_eq!(
        problems_with(&request("@desk_b", &["user", "@desk_a", "@desk_b"]), &ctx),
        one("/MemberList", "customer_service_account")
    );
    // Two in the list and the owner a third: both are reported.
    let three = DeskContext::with_accounts(["@desk_a", "@desk_b", "@desk_c"]);
    assert_eq!(
        problems_with(&request("@desk_c", &["user", "@desk_a", "@desk_b"]), &three),
        vec![
            ("/MemberList".to_owned(), "customer_service_account"),
            ("/Owner_Account".to_owned(), "customer_service_account"),
        ]
    );
    // No account in the list: that is the violation, not the owner.
    assert_eq!(
        problems_with(&request("@desk_b", &["user"]), &ctx),
        one("/MemberList", "customer_service_account")
    );
    // ... and its message says that such an owner is listed too.
    let unlisted =
        from_json_str_with::<CreateGroupRequest>(&request("@desk_b", &["user"]).to_string(), &ctx)
            .unwrap_err();
    assert_eq!(
        unlisted.to_string(),
        "/MemberList: no customer service account; exactly one is required (an owner that is \
         one must be listed too)"
    );
    assert_eq!(
        unlisted.localized(desk_schema::Locale::ZhCn).to_string(),
        "/MemberList: 没有客服账号；成员中必须恰好有一个客服账号（群主若是客服账号，也须列在 MemberList 中）"
    );
    // With the default account alone, the owner can only be the list's.
    let default = DeskContext::default();
    let cs = "@customer_service_account";
    assert!(problems_with(&request(cs, &["user", cs]), &default).is_empty());
    assert!(problems_with(&request("@desk_b", &["user", cs]), &default).is_empty());
    // No account at all: none can be listed, and the schema stays valid
    // (no empty `allOf`).
    let none = DeskContext::with_accounts(Vec::<String>::new());
    assert_eq!(
        problems_with(&request("user", &["user", cs]), &none),
        one("/MemberList", "customer_service_account")
    );
}

#[test]
fn the_owner_rule_grows_with_the_accounts_not_their_square() {
    // Each account adds the same few keywords: 100 more add as much as
    // the first 100 did.
    let size = |n: usize| {
        let accounts: Vec<String> = (0..n).map(|i| format!("@cs{i:04}")).collect();
        let schema =
            desk_schema::create_group::request_schema_for(&DeskContext::with_accounts(accounts));
        schema.to_value().to_string().len()
    };
    let (first, second) = (size(101) - size(1), size(201) - size(101));
    assert_eq!(
        first, second,
        "{first} bytes for the first 100 accounts, {second} for the next"
    );
}

#[test]
fn customer_service_accounts_of_any_length_are_found() {
    // The members' check sets aside accounts by length first; lengths of 63
    // bytes and over share one mark, and equal lengths still compare.
    let long = "c".repeat(70);
    let ctx = DeskContext::with_accounts([long.clone(), "s".repeat(63), "t".repeat(5)]);
    let r = CreateGroupRequest::new(GroupType::Public, "g", "n")
        .member(Member::new("x".repeat(64)))
        .member(Member::new("ttttu"))
        .member(Member::new(long));
    let expected = [
        ("/MemberList/0/Member_Account".to_string(), "max_bytes"),
        ("/MemberList/2/Member_Account".to_string(), "max_bytes"),
    ];
    let typed = r.validate_with(&ctx).unwrap_err();
    let typed: Vec<_> = typed
        .iter()
        .map(|v| (v.path().to_string(), v.code()))
        .collect();
    assert_eq!(typed, expected);
    let text = serde_json::to_string(&r).unwrap();
    let raw = from_json_str_with::<CreateGroupRequest>(&text, &ctx).unwrap_err();
    let raw: Vec<_> = raw
        .iter()
        .map(|v| (v.path().to_string(), v.code()))
        .collect();
    assert_eq!(raw, expected);
}

#[test]
fn several_violations_are_all_reported_at_their_own_paths() {
    let mut r = base().owner_account("o\n").introduction(cjk(401));
    r.name = cjk(102);
    r.group_id = "@TGS#x".into();
    r.member_list[0].account = "x".repeat(40);
    let got = problems(&r);
    assert_eq!(
        got,
        vec![
            ("/GroupId".into(), "reserved_prefix"),
            ("/Introduction".into(), "max_bytes"),
            ("/MemberList/0/Member_Account".into(), "max_bytes"),
            ("/Name".into(), "max_bytes"),
            ("/Owner_Account".into(), "charset"),
        ]
    );
}

#[test]
fn unknown_and_wrong_fields_in_raw_json() {
    let mut v: Value = serde_json::from_str(SAMPLE_REQUEST).unwrap();
    v["Type"] = json!("AVChatRoom");
    v["MaxMemberCount"] = json!("500");
    v["Notifcation"] = json!("x");
    v["MemberList"][0]["Role"] = json!("Owner");
    v.as_object_mut().unwrap().remove("Name");
    v["MemberList"][1]["Member_Account"] = json!("user9");
    let report = from_json_str::<CreateGroupRequest>(&v.to_string()).unwrap_err();
    let got: Vec<_> = report.iter().map(|x| (x.path(), x.code())).collect();
    // The cross-field rule is reported although the shape is wrong too.
    assert_eq!(
        got,
        [
            ("", "required"),
            ("", "unknown_field"),
            ("/MaxMemberCount", "type"),
            ("/MemberList", "customer_service_account"),
            ("/MemberList/0/Role", "enum"),
            ("/Type", "enum"),
        ]
    );
}

#[test]
fn truncation_never_splits_a_grapheme() {
    let name = format!("{}👨\u{200d}👩\u{200d}👧e\u{301}", cjk(90));
    let cut = truncate_to_bytes(&name, 100);
    assert_eq!(cut, cjk(90));
    let cut = truncate_to_bytes(&name, 108);
    assert_eq!(cut.len(), 108);
    assert!(truncate_to_bytes(&name, 110).ends_with('👧'));
    let mut r = base();
    r.name = truncate_to_bytes(&cjk(300), 100).to_owned();
    assert_eq!(r.name.len(), 99);
    assert!(r.validate().is_ok());
}

#[test]
fn building_a_request_is_one_expression() {
    let request = CreateGroupRequest::new(GroupType::Public, "MyFirstGroup", "TestGroup")
        .owner_account("user3")
        .introduction("This is group introduction")
        .notification("This is group notice")
        .face_url("http://this.is.face.url")
        .max_member_count(500)
        .apply_join_option(desk_schema::create_group::ApplyJoinOption::FreeAccess)
        .member(Member::new("user2").admin())
        .member(Member::customer_service());
    let sample: Value = serde_json::from_str(SAMPLE_REQUEST).unwrap();
    assert_eq!(serde_json::to_value(&request).unwrap(), sample);
}

#[test]
fn the_order_of_violations_does_not_depend_on_the_path_that_found_them() {
    // A charset at /MemberList/1 and a duplicate at /MemberList/2: the typed
    // fast path finds them; a type error elsewhere sends the text to the
    // walk, and `validate_value` walks a `Value`. One order everywhere.
    let mut v: Value = serde_json::from_str(SAMPLE_REQUEST).unwrap();
    v["MemberList"] = json!([
        {"Member_Account": "user1"},
        {"Member_Account": "bad\tname"},
        {"Member_Account": "user1"},
        {"Member_Account": "@customer_service_account"}
    ]);
    let typed = from_json_str::<CreateGroupRequest>(&v.to_string()).unwrap_err();
    let order = |r: &desk_schema::Report| -> Vec<(String, &'static str)> {
        r.iter()
            .filter(|x| x.path() != "/MaxMemberCount")
            .map(|x| (x.path().to_owned(), x.code()))
            .collect()
    };
    let expected = vec![
        ("/MemberList/1/Member_Account".to_owned(), "charset"),
        ("/MemberList/2/Member_Account".to_owned(), "duplicate"),
    ];
    assert_eq!(order(&typed), expected);
    assert_eq!(
        order(&desk_schema::validate_value::<CreateGroupRequest>(&v).unwrap_err()),
        expected
    );
    v["MaxMemberCount"] = json!("many");
    let walked = from_json_str::<CreateGroupRequest>(&v.to_string()).unwrap_err();
    assert_eq!(walked.violations()[0].path(), "/MaxMemberCount");
    assert_eq!(order(&walked), expected);
}
