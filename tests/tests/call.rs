//! The `create_group` call without I/O: the request to send and the outcome
//! of what comes back.

use desk_schema::Validate;
use desk_schema::create_group::call::{self, Outcome};
use desk_schema::create_group::{
    CreateGroupRequest, ErrorCode, GroupType, Member, RequestParams, Retry, UserSig,
};

fn request() -> desk_schema::Valid<CreateGroupRequest> {
    CreateGroupRequest::new(GroupType::Public, "team-a", "客服")
        .member(Member::new("user2"))
        .member(Member::customer_service())
        .validate_into()
        .unwrap()
}

#[test]
fn the_request_is_a_post_of_the_checked_body_with_the_query_parameters() {
    let params = RequestParams::new(1_400_000_000, "administrator", UserSig::new("eJw-sig_"), 7);
    let request = request();
    let http = call::http_request_on("example.test", &params, &request).unwrap();
    // Its Debug hides the UserSig.
    let debug = format!("{http:?}");
    assert!(
        !debug.contains("eJw-sig_") && debug.contains("usersig=<redacted>"),
        "{debug}"
    );
    assert_eq!(http.method(), http::Method::POST);
    assert_eq!(
        http.headers()[http::header::CONTENT_TYPE],
        "application/json"
    );
    let uri = http.uri();
    assert_eq!(uri.host(), Some("example.test"));
    assert_eq!(uri.path(), "/v4/desk_http_svc/create_group");
    let query: Vec<(&str, &str)> = uri
        .query()
        .unwrap()
        .split('&')
        .map(|kv| kv.split_once('=').unwrap())
        .collect();
    let names: Vec<&str> = query.iter().map(|(k, _)| *k).collect();
    assert_eq!(
        names,
        ["sdkappid", "identifier", "usersig", "random", "contenttype"]
    );
    assert_eq!(query[0].1, "1400000000");
    assert_eq!(query[2].1, "eJw-sig_");
    assert_eq!(query[4].1, "json");
    assert!(query[3].1.parse::<u32>().is_ok());
    assert_eq!(
        http.body(),
        &serde_json::to_vec(&*request).unwrap()[..],
        "the body is the request as serialized"
    );
    // Not a host: refused, not a panic, and no URL around the UserSig.
    for bad in ["exa mple.com", "evil.com/x?", "a@b", ""] {
        assert!(
            call::http_request_on(bad, &params, &request).is_err(),
            "{bad:?}"
        );
    }
    assert_eq!(http.into_inner().method(), http::Method::POST);
    // A fresh `random` each time (two equal in a row: one chance in 2^32).
    let randoms: std::collections::BTreeSet<String> = (0..8)
        .map(|_| {
            let r = call::http_request(&params, &request);
            r.uri().query().unwrap().to_owned()
        })
        .collect();
    assert!(randoms.len() > 1);
}

#[test]
fn each_answer_has_its_outcome() {
    let created =
        br#"{"ActionStatus":"OK","ErrorInfo":"","ErrorCode":0,"GroupId":"@TGS#2J4SZEAEL"}"#;
    assert_eq!(
        call::outcome(200, created),
        Outcome::Created {
            group_id: "@TGS#2J4SZEAEL".into()
        }
    );
    let taken =
        br#"{"ActionStatus":"FAIL","ErrorInfo":"group id has been used","ErrorCode":10021}"#;
    let Outcome::Api(e) = call::outcome(200, taken) else {
        panic!("an API error")
    };
    assert_eq!(e.code, ErrorCode(10021));
    assert_eq!(e.code.retry(), Retry::Never);
    assert_eq!(e.info, "group id has been used");
    let busy = br#"{"ActionStatus":"FAIL","ErrorInfo":"","ErrorCode":10002}"#;
    assert!(matches!(call::outcome(200, busy), Outcome::Api(e) if e.code.retry() == Retry::Now));
    assert_eq!(
        call::outcome(502, b"Bad Gateway"),
        Outcome::Http { status: 502 }
    );
    let Outcome::InvalidResponse(report) = call::outcome(200, b"<html>busy</html>") else {
        panic!("not JSON")
    };
    assert_eq!(report.violations()[0].code(), "syntax");
    let Outcome::InvalidResponse(report) = call::outcome(200, br#"{"ActionStatus":"MAYBE"}"#)
    else {
        panic!("not a response")
    };
    assert!(!report.is_empty());
    // Answers that contradict themselves are not a success nor an API error.
    for body in [
        &br#"{"ActionStatus":"OK","ErrorInfo":"","ErrorCode":0}"#[..],
        br#"{"ActionStatus":"OK","ErrorInfo":"","ErrorCode":0,"GroupId":""}"#,
        br#"{"ActionStatus":"FAIL","ErrorInfo":"","ErrorCode":0}"#,
        br#"{"ActionStatus":"OK","ErrorInfo":"","ErrorCode":10021,"GroupId":"g"}"#,
    ] {
        assert!(
            matches!(call::outcome(200, body), Outcome::InvalidResponse(_)),
            "{}",
            String::from_utf8_lossy(body)
        );
    }
    let Outcome::InvalidResponse(report) = call::outcome(200, b"\xff\xfe") else {
        panic!("not UTF-8")
    };
    assert!(report.to_string().contains("not UTF-8"), "{report}");
}
