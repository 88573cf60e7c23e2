//! The `create_group` call without I/O: the request to send and the outcome
//! of what comes back.

use desk_schema::Validate;
use desk_schema::create_group::call::{self, Outcome};
use desk_schema::create_group::{
    CreateGroupRequest, CreateGroupResponse, ErrorCode, GroupType, Member, RequestParams, Retry,
    UserSig,
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
    // A URL past what the `http` crate takes (a UserSig of 70,000 bytes):
    // an error that does not quote it, not a panic.
    let huge = "eJw".repeat(23_334);
    let long = RequestParams::new(
        1_400_000_000,
        "administrator",
        UserSig::new(huge.clone()),
        7,
    );
    for made in [
        call::http_request(&long, &request),
        call::http_request_on("example.test", &long, &request),
    ] {
        let e = made.unwrap_err();
        assert!(
            matches!(e, call::RequestError::UrlTooLong { bytes } if bytes > 70_000),
            "{e:?}"
        );
        for shown in [
            e.to_string(),
            format!("{e:?}"),
            e.localized(desk_schema::Locale::ZhCn).to_string(),
        ] {
            assert!(!shown.contains(&huge[..30]), "{shown}");
        }
    }
    // `url_on` refuses what `http_request_on` refuses: no URL that sends
    // the UserSig to another host.
    for bad in [
        "console.tim.qq.com@evil.example",
        "evil.example/x?a=",
        "evil.example#",
        "a b",
    ] {
        assert!(params.url_on(bad).is_err(), "{bad:?}");
    }
    assert!(params.url_on("adminapisgp.im.qcloud.com:443").is_ok());
    assert_eq!(http.into_inner().method(), http::Method::POST);
    // A fresh `random` each time (two equal in a row: one chance in 2^32).
    let randoms: std::collections::BTreeSet<String> = (0..8)
        .map(|_| {
            let r = call::http_request(&params, &request).unwrap();
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
    // `ErrorInfo` absent or `null`, as any optional field: the answer stands
    // (helper-108: a created group was "not confirmed", and 10002 was not
    // retried).
    for created in [
        &br#"{"ActionStatus":"OK","ErrorCode":0,"ErrorInfo":null,"GroupId":"team-a"}"#[..],
        br#"{"ActionStatus":"OK","ErrorCode":0,"GroupId":"team-a"}"#,
    ] {
        assert_eq!(
            call::outcome(200, created),
            Outcome::Created {
                group_id: "team-a".into()
            }
        );
    }
    let busy = br#"{"ActionStatus":"FAIL","ErrorCode":10002,"ErrorInfo":null}"#;
    assert!(
        matches!(call::outcome(200, busy), Outcome::Api(e) if e.code.retry() == Retry::Now && e.info.is_empty())
    );
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

/// A failure whose `ErrorInfo` does not read keeps its code and its retry
/// advice (helper-159: a 10002 with a character cut short in its
/// `ErrorInfo` was an invalid response, and not retried): the text as far
/// as it reads, or a mark. A body that says anything else stays invalid.
#[test]
fn a_failure_with_an_unreadable_error_info_keeps_its_code() {
    for (body, info) in [
        // A character cut short: U+FFFD in its place.
        (
            &b"{\"ActionStatus\":\"FAIL\",\"ErrorCode\":10002,\"ErrorInfo\":\"busy \xe5\xae\"}"[..],
            "busy \u{fffd}",
        ),
        // A control character JSON refuses in a string: a space (after an
        // escaped quote and backslash too).
        (
            b"{\"ActionStatus\":\"FAIL\",\"ErrorCode\":10002,\"ErrorInfo\":\"a\x01b\tc\"}",
            "a b c",
        ),
        (
            b"{\"ActionStatus\":\"FAIL\",\"ErrorCode\":10002,\"ErrorInfo\":\"\\\"a\\\\\x01\"}",
            "\"a\\ ",
        ),
        // A lone surrogate, a number, an object: no text.
        (
            br#"{"ActionStatus":"FAIL","ErrorCode":10002,"ErrorInfo":"x\ud800"}"#,
            "<ErrorInfo could not be read>",
        ),
        (
            br#"{"ActionStatus":"FAIL","ErrorCode":10002,"ErrorInfo":5}"#,
            "<ErrorInfo could not be read>",
        ),
        (
            br#"{"ActionStatus":"FAIL","ErrorCode":10002,"ErrorInfo":{"a":[1]}}"#,
            "<ErrorInfo could not be read>",
        ),
        // Another field wrong: the failure's code stands.
        (
            br#"{"ActionStatus":"FAIL","ErrorCode":10002,"ErrorInfo":"busy","GroupId":7}"#,
            "busy",
        ),
    ] {
        let shown = String::from_utf8_lossy(body);
        let Outcome::Api(e) = call::outcome(200, body) else {
            panic!("an API error: {shown}")
        };
        assert_eq!(e.code, ErrorCode(10002), "{shown}");
        assert_eq!(e.code.retry(), Retry::Now, "{shown}");
        assert_eq!(e.info, info, "{shown}");
    }
    let Outcome::Api(e) = call::outcome(
        200,
        br#"{"ActionStatus":"FAIL","ErrorCode":10002,"ErrorInfo":7}"#,
    ) else {
        panic!("an API error")
    };
    assert_eq!(
        e.localized(desk_schema::Locale::ZhCn).to_string(),
        format!(
            "create_group 失败，错误码 {}：<ErrorInfo 无法读取>",
            e.code.localized(desk_schema::Locale::ZhCn)
        )
    );
    // Nothing else is read from a body that is not a response: a success,
    // a code of 0, a code or a status given twice or not a number.
    for body in [
        &b"{\"ActionStatus\":\"OK\",\"ErrorCode\":0,\"ErrorInfo\":\"\xe5\",\"GroupId\":\"g\"}"[..],
        b"{\"ActionStatus\":\"FAIL\",\"ErrorCode\":0,\"ErrorInfo\":\"\xe5\"}",
        br#"{"ActionStatus":"FAIL","ErrorCode":10002,"ErrorCode":10021,"ErrorInfo":5}"#,
        br#"{"ActionStatus":"FAIL","ActionStatus":"OK","ErrorCode":10002,"ErrorInfo":5}"#,
        br#"{"ActionStatus":"FAIL","ErrorCode":"10002","ErrorInfo":5}"#,
        br#"{"ActionStatus":"FAIL","ErrorInfo":5}"#,
        // Not an object: no field named (helper-160: serde's derive reads a
        // struct from an array, and a 10025 there would have been taken
        // for a group made earlier).
        br#"["FAIL",10002]"#,
        br#"["FAIL",10025,"busy"]"#,
        // Not JSON outside its strings.
        b"\0\0{\"ActionStatus\":\"FAIL\",\"ErrorCode\":10002,\"ErrorInfo\":\"x\"}",
        b"{\"ActionStatus\":\"FAIL\",\"ErrorCode\":10002,\"ErrorInfo\":\"x\"}\x1a",
        b"{\"ActionStatus\":\"FAIL\",\x01\"ErrorCode\":10002,\"ErrorInfo\":\"\xe5\"}",
    ] {
        assert!(
            matches!(call::outcome(200, body), Outcome::InvalidResponse(_)),
            "{}",
            String::from_utf8_lossy(body)
        );
    }
}

#[test]
fn an_endpoint_is_a_scheme_and_an_authority_exactly_as_given() {
    use call::Endpoint;
    let good = [
        ("console.tim.qq.com", "https://console.tim.qq.com"),
        (
            "adminapisgp.im.qcloud.com:443/",
            "https://adminapisgp.im.qcloud.com:443",
        ),
        ("HTTPS://a-b.example", "https://a-b.example"),
        ("http://127.0.0.1:8080", "http://127.0.0.1:8080"),
        ("http://localhost:1", "http://localhost:1"),
        ("http://[::1]:8080", "http://[::1]:8080"),
        ("[2001:db8::1]", "https://[2001:db8::1]"),
        ("10.0.0.1", "https://10.0.0.1"),
    ];
    for (text, base) in good {
        let endpoint: Endpoint = text.parse().unwrap_or_else(|e| panic!("{text}: {e}"));
        assert_eq!(endpoint.to_string(), base);
    }
    let bad = [
        // Ports outside 1..=65535, or not digits.
        "h:99999",
        "h:0",
        "h:",
        "http://127.0.0.1:+80",
        ":80",
        // Hosts that are not a name or an address, or read as another address.
        "127.1",
        "0x7f.1",
        "1.2.3.4.5",
        "a..b",
        ".",
        "-a",
        "a-",
        "h;x",
        "h&x",
        "h*x",
        "[h]",
        "[::1]x",
        "h[x]",
        "",
        "https://",
        "名字.com",
        // Anything that would change the URL around the UserSig.
        "a@b",
        "h/x",
        "h?x",
        "h#x",
        "h\\x",
        "h%41",
        "h x",
        "h\tx",
        "h\n",
        "https://h/path",
        "ftp://h",
        "//h",
        // Clear text to another machine.
        "http://console.tim.qq.com",
        "http://10.0.0.1:8080",
    ];
    for text in bad {
        assert!(text.parse::<Endpoint>().is_err(), "{text:?} was accepted");
    }
}

/// A request URL pasted as the endpoint (copied from a log) holds the
/// UserSig in its query: the error says the endpoint is wrong without it
/// (helper-108: `InvalidHost` quoted it whole, and the `send` example's
/// `?` printed it).
#[test]
fn an_invalid_endpoint_never_shows_its_query() {
    let sig = "eJw9jNEKgjAYSecretSig";
    let text = format!(
        "https://console.tim.qq.com/v4/desk_http_svc/create_group?sdkappid=1400000000&identifier=admin&usersig={sig}&random=1#{sig}"
    );
    let error = text.parse::<call::Endpoint>().unwrap_err();
    let params = RequestParams::new(1_400_000_000, "administrator", UserSig::new(sig), 7);
    let from_call = call::http_request_on(&text, &params, &request()).unwrap_err();
    for shown in [
        error.to_string(),
        format!("{error:?}"),
        error.localized(desk_schema::Locale::ZhCn).to_string(),
        from_call.to_string(),
    ] {
        assert!(!shown.contains(sig), "{shown}");
        assert!(
            shown.contains("desk_http_svc/create_group?<redacted>"),
            "{shown}"
        );
    }
}

/// `outcome_for`, for any HTTP client, reads an answer as the client does
/// (helper-108: `outcome` showed an echoed UserSig, and only the client
/// could cut it out).
#[test]
fn outcome_for_shows_neither_the_usersig_nor_the_request() {
    let sig = "eJw1jMEKgjAYx8-9ZYSecretSig";
    let params = RequestParams::new(1_400_000_000, "administrator", UserSig::new(sig), 7);
    let request = request();
    let echo = format!(
        r#"{{"ActionStatus":"FAIL","ErrorCode":70003,"ErrorInfo":"usersig {} invalid for group team-a (&#x5BA2;&#x670D;)"}}"#,
        sig.replace('*', "%2A")
    );
    let Outcome::Api(error) = call::outcome_for(200, echo.as_bytes(), &params, &request) else {
        panic!("an API error")
    };
    assert_eq!(
        error.info,
        "usersig <redacted> invalid for group <redacted> (<redacted>)"
    );
    // `outcome` alone reads the answer, and shows what it says.
    let Outcome::Api(raw) = call::outcome(200, echo.as_bytes()) else {
        panic!("an API error")
    };
    assert!(raw.info.contains(sig.split('*').next().unwrap()));
    // Another group than the one asked for is no success.
    let other = br#"{"ActionStatus":"OK","ErrorCode":0,"GroupId":"team-b"}"#;
    assert!(matches!(
        call::outcome_for(200, other, &params, &request),
        Outcome::InvalidResponse(report) if report.violations()[0].path() == "/GroupId"
    ));
    let created = br#"{"ActionStatus":"OK","ErrorCode":0,"GroupId":"team-a"}"#;
    assert_eq!(
        call::outcome_for(200, created, &params, &request),
        Outcome::Created {
            group_id: "team-a".into()
        }
    );
}

/// The request's text is cut out of an `ErrorInfo` that quotes it in
/// either case, Unicode's as well as ASCII's (helper-159: `école` and
/// `σοφια` were shown for `ÉCOLE ΣΟΦΙΑ`): `ß` as `ss`, a final `ς` as `σ`,
/// also escaped.
#[test]
fn outcome_for_cuts_the_request_out_in_any_case() {
    let params = RequestParams::new(
        1_400_000_000,
        "administrator",
        UserSig::new("eJw1jMEKgjAYx8"),
        7,
    );
    let mut request = (*request()).clone();
    request.name = "ÉCOLE ΣΟΦΙΑ".to_owned();
    request.introduction = Some("Straße Ω".to_owned());
    request.notification = Some("5µg Maſſe ﬀoo ϐeta".to_owned());
    let request = request.validate_into().unwrap();
    for quoted in [
        "name école σοφια bad",
        "name ÉCOLE ΣΟΦΙΑ bad",
        "name École ΣοφιΑ bad",
        "name école σοφιας bad",
        "intro STRASSE ω bad",
        "intro strasse Ω bad",
        "name \\u00e9cole \\u03c3\\u03bf\\u03c6\\u03b9\\u03b1 bad",
        // Letters whose lower case is not their fold (helper-160): the
        // micro sign, the long s, a ligature, a symbol form.
        "note 5ΜG MASSE FFOO ΒETA bad",
        "note 5μg masse ffoo βeta bad",
    ] {
        let body = format!(r#"{{"ActionStatus":"FAIL","ErrorCode":10004,"ErrorInfo":"{quoted}"}}"#);
        let Outcome::Api(error) = call::outcome_for(200, body.as_bytes(), &params, &request) else {
            panic!("an API error: {quoted}")
        };
        assert!(
            error.info.contains("<redacted>"),
            "{quoted}: {}",
            error.info
        );
        for word in [
            "cole", "COLE", "σοφ", "ΣΟΦ", "Σοφ", "STRASSE", "strasse", "ω", "Ω", "u00e9", "MASSE",
            "masse", "FFOO", "ffoo", "ETA", "eta",
        ] {
            assert!(!error.info.contains(word), "{quoted}: {}", error.info);
        }
        assert!(error.info.ends_with(" bad"), "{quoted}: {}", error.info);
    }
}

#[test]
fn an_api_error_prints_control_characters_escaped() {
    let error = desk_schema::create_group::ApiError {
        code: ErrorCode::INVALID_PARAMETER,
        info: "\u{1b}[2K\rcreated group g1\n".to_owned(),
    };
    let text = error.to_string();
    assert!(!text.chars().any(char::is_control), "{text:?}");
    assert!(text.ends_with(r"\u001b[2K\rcreated group g1\n"), "{text}");
    // Nor can it reorder the line: bidirectional controls and separators
    // are escaped too; other text stays as it is.
    let error = desk_schema::create_group::ApiError {
        code: ErrorCode::INVALID_PARAMETER,
        info: "a\u{202e}b\u{2066}c\u{2028}d 群".to_owned(),
    };
    assert!(
        error.to_string().ends_with(r"a\u202eb\u2066c\u2028d 群"),
        "{error}"
    );
    // A backslash is escaped too, so that text cannot pass for an escape:
    // `a\nb` as written and `a`, a newline, `b` show differently.
    let shown = |info: &str| {
        desk_schema::create_group::ApiError {
            code: ErrorCode::INVALID_PARAMETER,
            info: info.to_owned(),
        }
        .to_string()
    };
    assert!(shown(r"a\nb").ends_with(r": a\\nb"), "{}", shown(r"a\nb"));
    assert_ne!(shown(r"a\nb"), shown("a\nb"));
    // The group ID a server sends back is shown so too.
    let created = call::outcome(
        200,
        br#"{"ActionStatus":"OK","ErrorCode":0,"ErrorInfo":"","GroupId":"g\n\u202eevil\u001b[2J"}"#,
    );
    assert_eq!(created.to_string(), r"created group g\n\u202eevil\u001b[2J");
    assert_eq!(
        Retry::After(std::time::Duration::from_mins(5)).to_string(),
        "retry after 5 minutes"
    );
    assert_eq!(
        Retry::After(std::time::Duration::from_mins(1)).to_string(),
        "retry after 1 minute"
    );
    assert_eq!(
        Retry::After(std::time::Duration::from_secs(90)).to_string(),
        "retry after 90 s"
    );
}

#[test]
fn into_result_reads_a_body_as_the_outcome_does() {
    // An empty `GroupId` with `OK` was a success for `into_result` only.
    for body in [
        &br#"{"ActionStatus":"OK","ErrorInfo":"","ErrorCode":0,"GroupId":"g"}"#[..],
        br#"{"ActionStatus":"OK","ErrorInfo":"","ErrorCode":0,"GroupId":""}"#,
        br#"{"ActionStatus":"OK","ErrorInfo":"","ErrorCode":0}"#,
        br#"{"ActionStatus":"OK","ErrorInfo":"","ErrorCode":10021,"GroupId":"g"}"#,
        br#"{"ActionStatus":"FAIL","ErrorInfo":"","ErrorCode":0}"#,
        br#"{"ActionStatus":"FAIL","ErrorInfo":"taken","ErrorCode":10021,"GroupId":""}"#,
        br#"{"ActionStatus":"FAIL","ErrorInfo":"busy","ErrorCode":10002}"#,
    ] {
        let response: CreateGroupResponse = serde_json::from_slice(body).unwrap();
        let shown = String::from_utf8_lossy(body);
        match (response.into_result(), call::outcome(200, body)) {
            (Ok(id), Outcome::Created { group_id }) => assert_eq!(id, group_id, "{shown}"),
            (Err(error), Outcome::Api(api)) => assert_eq!(error, api, "{shown}"),
            (Err(_), Outcome::InvalidResponse(report)) => {
                assert_eq!(
                    report.iter().next().unwrap().code(),
                    "inconsistent_response"
                );
            }
            (result, outcome) => panic!("{shown}: {result:?} against {outcome:?}"),
        }
    }
}

/// Every code of the table has its meaning in Chinese too: a sentence with
/// full-width punctuation, as `send --lang zh-CN` prints it.
#[test]
fn every_error_code_has_its_meaning_in_chinese() {
    use desk_schema::Locale;
    use desk_schema::create_group::ErrorCode;
    for info in ErrorCode::all() {
        let zh = info.meaning_in(Locale::ZhCn);
        assert_eq!(info.meaning_in(Locale::En), info.meaning);
        assert!(zh.ends_with('。'), "{}: {zh}", info.code);
        assert!(!zh.contains([';', ',', ':', '(']), "{}: {zh}", info.code);
        assert!(zh.chars().any(|c| c > '\u{2e80}'), "{}: {zh}", info.code);
    }
    assert_eq!(
        ErrorCode(123_456).localized(Locale::ZhCn).to_string(),
        "123456（未知错误码）"
    );
}
