//! The `create_group` client against a real HTTP server on the loopback
//! address (`support`): each scenario asserts the outcome and the number of
//! attempts, which the server counts too.

mod support;

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use desk_schema::create_group::ErrorCode;
use desk_schema::create_group::call::{Endpoint, Outcome, TransportErrorKind};
use desk_schema::create_group::client::{Client, ClientBuilder, Creation, Sent};
use desk_schema::usersig::SecretKey;
use support::{ADMIN, Answer, CREATED, KEY, SDKAPPID, Server, api_error, request, serve};

/// A client with short waits, so that the scenarios take milliseconds.
fn client(endpoint: Endpoint) -> ClientBuilder {
    Client::builder(SDKAPPID, ADMIN, SecretKey::new(KEY))
        .endpoint(endpoint)
        .attempt_timeout(Duration::from_millis(300))
        .time_budget(Duration::from_secs(20))
        .max_attempts(3)
        .backoff(Duration::from_millis(10), Duration::from_millis(40))
}

/// Runs `script` and returns what the client said, after checking that the
/// server saw as many valid requests as the client counted attempts.
async fn run(script: Vec<Answer>) -> (Sent, Arc<Server>) {
    run_with(script, |c| c).await
}

/// [`run`] with the test client's settings changed by `settings`.
async fn run_with(
    script: Vec<Answer>,
    settings: impl FnOnce(ClientBuilder) -> ClientBuilder,
) -> (Sent, Arc<Server>) {
    let (endpoint, server) = serve(script).await;
    let sent = settings(client(endpoint))
        .build()
        .unwrap()
        .create_group(&request())
        .await;
    assert_eq!(server.requests(), sent.attempts as usize, "{sent:?}");
    (sent, server)
}

fn api_code(outcome: &Outcome) -> Option<ErrorCode> {
    match outcome {
        Outcome::Api(e) => Some(e.code),
        _ => None,
    }
}

#[tokio::test]
async fn created_at_the_first_attempt() {
    let (sent, _) = run(vec![CREATED]).await;
    assert_eq!(
        sent.outcome,
        Outcome::Created {
            group_id: "team-a".into()
        }
    );
    assert_eq!(sent.attempts, 1);
}

#[tokio::test]
async fn a_server_error_10002_is_retried() {
    let (sent, _) = run(vec![api_error(10_002), CREATED]).await;
    assert_eq!(sent.outcome.group_id(), Some("team-a"));
    assert!(matches!(sent.outcome, Outcome::Created { .. }));
    assert_eq!(sent.attempts, 2);
}

/// A 10002 whose `ErrorInfo` does not read (a lone surrogate, a control
/// character) is still a 10002, and retried (helper-159).
#[tokio::test]
async fn a_server_error_10002_with_an_unreadable_error_info_is_retried() {
    let (sent, _) = run(vec![
        Answer::Raw(r#"{"ActionStatus":"FAIL","ErrorCode":10002,"ErrorInfo":"x\ud800"}"#),
        Answer::Raw("{\"ActionStatus\":\"FAIL\",\"ErrorCode\":10002,\"ErrorInfo\":\"a\u{1}\"}"),
        CREATED,
    ])
    .await;
    assert!(matches!(sent.outcome, Outcome::Created { .. }), "{sent:?}");
    assert_eq!(sent.attempts, 3);
}

#[tokio::test]
async fn a_retryable_error_is_retried_at_most_max_attempts_times() {
    let (sent, _) = run(vec![api_error(141_002)]).await;
    assert_eq!(api_code(&sent.outcome), Some(ErrorCode::DESK_INTERNAL));
    assert_eq!(sent.attempts, 3);
}

#[tokio::test]
async fn a_group_id_taken_by_someone_else_is_not_retried() {
    let (sent, _) = run(vec![api_error(10_021), CREATED]).await;
    assert_eq!(api_code(&sent.outcome), Some(ErrorCode::GROUP_ID_TAKEN));
    assert_eq!(sent.attempts, 1);
}

#[tokio::test]
async fn ten_thousand_and_twenty_five_after_a_time_out_means_created() {
    let slow_created = Answer::Slow(Duration::from_secs(2), &CREATED);
    let (sent, _) = run(vec![slow_created, api_error(10_025)]).await;
    assert_eq!(
        sent.outcome,
        Outcome::CreatedEarlier {
            group_id: "team-a".into()
        }
    );
    assert!(
        sent.outcome.to_string().contains("10025"),
        "{}",
        sent.outcome
    );
    assert_eq!(sent.attempts, 2);
}

#[tokio::test]
async fn ten_thousand_and_twenty_five_after_a_502_means_created() {
    let (sent, _) = run(vec![Answer::Status(502), api_error(10_025)]).await;
    assert_eq!(sent.outcome.group_id(), Some("team-a"));
    assert!(matches!(sent.outcome, Outcome::CreatedEarlier { .. }));
    assert_eq!(sent.attempts, 2);
}

#[tokio::test]
async fn ten_thousand_and_twenty_five_after_the_servers_own_failure_means_created() {
    // Each of these says the server failed or timed out while it worked:
    // the group may have been made before it answered.
    for code in [10_002, 141_002, 60_008, 70_169, 70_500] {
        let (sent, _) = run(vec![api_error(code), api_error(10_025)]).await;
        assert!(
            matches!(sent.outcome, Outcome::CreatedEarlier { .. }),
            "{code}: {:?}",
            sent.outcome
        );
        assert_eq!(sent.attempts, 2);
    }
}

#[tokio::test]
async fn ten_thousand_and_twenty_five_after_a_refused_request_is_an_error() {
    // 10008 refuses the request before the server acts on it.
    let (sent, _) = run(vec![api_error(10_008), api_error(10_025)]).await;
    assert_eq!(
        api_code(&sent.outcome),
        Some(ErrorCode::GROUP_ID_USED_BY_YOU)
    );
    assert_eq!(sent.attempts, 2);
}

/// An attempt that may have made the group, then a refusal: the last
/// answer does not say the group is absent (helper-125: the CLI said
/// "not created" after a time-out, and "not confirmed" after refused
/// connections alone).
#[tokio::test]
async fn a_refusal_after_an_unknown_outcome_leaves_the_group_unknown() {
    let (sent, _) = run(vec![Answer::Status(502), api_error(10_021)]).await;
    assert_eq!(api_code(&sent.outcome), Some(ErrorCode::GROUP_ID_TAKEN));
    assert!(sent.earlier_unknown, "{sent:?}");
    // The server's own failure is unknown too; a refusal before it is not.
    let (sent, _) = run(vec![
        api_error(10_008),
        api_error(10_002),
        api_error(10_021),
    ])
    .await;
    assert_eq!(sent.attempts, 3);
    assert!(sent.earlier_unknown, "{sent:?}");
    for script in [
        vec![api_error(10_021)],
        vec![api_error(10_008), api_error(10_021)],
    ] {
        let (sent, _) = run(script).await;
        assert!(!sent.earlier_unknown, "{sent:?}");
    }
    // The last attempt's own outcome is not an earlier one.
    let (sent, _) = run(vec![
        api_error(10_008),
        Answer::Status(502),
        api_error(10_025),
    ])
    .await;
    assert!(
        matches!(sent.outcome, Outcome::CreatedEarlier { .. }),
        "{sent:?}"
    );
    let (sent, _) = run(vec![
        api_error(10_008),
        api_error(10_008),
        Answer::Status(502),
    ])
    .await;
    assert_eq!(sent.outcome, Outcome::Http { status: 502 });
    assert!(!sent.earlier_unknown, "{sent:?}");
}

#[tokio::test]
async fn ten_thousand_and_twenty_five_at_once_is_an_error() {
    let (sent, _) = run(vec![api_error(10_025), CREATED]).await;
    assert_eq!(
        api_code(&sent.outcome),
        Some(ErrorCode::GROUP_ID_USED_BY_YOU)
    );
    assert_eq!(sent.attempts, 1);
}

#[tokio::test]
async fn no_agent_online_is_not_retried() {
    let (sent, _) = run(vec![api_error(141_001), CREATED]).await;
    assert_eq!(api_code(&sent.outcome), Some(ErrorCode::NO_AGENT_ONLINE));
    assert_eq!(sent.attempts, 1);
}

#[tokio::test]
async fn a_502_is_retried() {
    let (sent, _) = run(vec![Answer::Status(502), CREATED]).await;
    assert!(matches!(sent.outcome, Outcome::Created { .. }));
    assert_eq!(sent.attempts, 2);
}

/// HTTP's own statuses to retry (RFC 9110: 408; RFC 6585: 429), as a
/// gateway in front of the API may answer (helper-108: they were final).
#[tokio::test]
async fn a_408_and_a_429_are_retried() {
    for status in [408, 429] {
        let (sent, _) = run(vec![Answer::Status(status), CREATED]).await;
        assert!(matches!(sent.outcome, Outcome::Created { .. }), "{status}");
        assert_eq!(sent.attempts, 2, "{status}");
    }
}

#[tokio::test]
async fn a_404_is_not_retried() {
    let (sent, _) = run(vec![Answer::Status(404), CREATED]).await;
    assert_eq!(sent.outcome, Outcome::Http { status: 404 });
    assert_eq!(sent.attempts, 1);
}

#[tokio::test]
async fn an_answer_slower_than_the_time_out_is_retried_then_given_up() {
    let slow = Answer::Slow(Duration::from_secs(5), &CREATED);
    let (sent, _) = run(vec![slow]).await;
    match &sent.outcome {
        Outcome::Transport(e) => assert_eq!(e.kind, TransportErrorKind::Timeout),
        other => panic!("{other:?}"),
    }
    assert_eq!(sent.attempts, 3);
}

#[tokio::test]
async fn a_body_that_is_not_json_is_an_invalid_response() {
    let (sent, _) = run(vec![Answer::Raw("<html>502 Bad Gateway</html>"), CREATED]).await;
    match &sent.outcome {
        Outcome::InvalidResponse(report) => {
            assert_eq!(report.violations()[0].code(), "syntax");
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(sent.attempts, 1);
}

#[tokio::test]
async fn http_200_with_action_status_fail_is_an_api_error() {
    let (sent, _) = run(vec![api_error(10_004), CREATED]).await;
    assert_eq!(api_code(&sent.outcome), Some(ErrorCode::INVALID_PARAMETER));
    assert_eq!(sent.attempts, 1);
    // FAIL with ErrorCode 0 says two things at once.
    let (sent, _) = run(vec![Answer::Json(
        r#"{"ActionStatus":"FAIL","ErrorCode":0,"ErrorInfo":""}"#,
    )])
    .await;
    match &sent.outcome {
        Outcome::InvalidResponse(report) => {
            assert_eq!(report.violations()[0].code(), "inconsistent_response");
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(sent.attempts, 1);
}

/// Runs `script` with a client whose attempts may take 3 s.
async fn run_patiently(script: Vec<Answer>) -> (Sent, Arc<Server>) {
    run_with(script, |c| c.attempt_timeout(Duration::from_secs(3))).await
}

/// `code` a second after signing, then success: the retry carries a new
/// UserSig (a later TLS.time). Returns the late answer, to send again.
async fn renewed_after_a_late(code: i64) -> Answer {
    let late = Answer::Slow(
        Duration::from_millis(1100),
        Box::leak(Box::new(api_error(code))),
    );
    let (sent, server) = run_patiently(vec![late.clone(), CREATED]).await;
    assert!(matches!(sent.outcome, Outcome::Created { .. }), "{code}");
    assert_eq!(sent.attempts, 2);
    let signed_at = server.signed_at();
    assert!(
        signed_at[1] > signed_at[0] && signed_at[0] > 0,
        "{code}: {signed_at:?}"
    );
    late
}

#[tokio::test]
async fn an_expired_usersig_is_renewed_once() {
    let late_70001 = renewed_after_a_late(70_001).await;
    // A second 70001 is the answer.
    let (sent, _) = run_patiently(vec![late_70001]).await;
    assert_eq!(api_code(&sent.outcome), Some(ErrorCode::USERSIG_EXPIRED));
    assert_eq!(sent.attempts, 2);
    // 70001 for a UserSig made this second: a new one would be the same
    // bytes, so none is sent (unless the second ended meanwhile, when the
    // new one differs).
    let (sent, server) = run(vec![api_error(70_001), api_error(70_001)]).await;
    assert_eq!(api_code(&sent.outcome), Some(ErrorCode::USERSIG_EXPIRED));
    let signed_at = server.signed_at();
    assert!(signed_at.windows(2).all(|w| w[0] < w[1]), "{signed_at:?}");
}

/// 10025 ("used by yourself") after an attempt whose outcome is unknown is
/// the group that attempt made only where the caller may own it: Tencent
/// says 10025 to the owner, so with another `Owner_Account` the group that
/// attempt made would be 10021, and a 10025 is an older group (helper-185).
#[tokio::test]
async fn a_10025_after_an_unknown_outcome_is_ours_only_where_we_may_own_it() {
    for (owner, ours) in [(None, true), (Some(ADMIN), true), (Some("user3"), false)] {
        let mut request = desk_schema::create_group::CreateGroupRequest::clone(&request());
        request.owner_account = owner.map(str::to_owned);
        let request = desk_schema::Validate::validate_into(request).unwrap();
        let script = vec![Answer::Status(502), api_error(10_025)];
        let (endpoint, server) = support::serve_expecting(script, &request).await;
        let sent = client(endpoint)
            .build()
            .unwrap()
            .create_group(&request)
            .await;
        assert_eq!(server.requests(), 2, "{owner:?}: {sent:?}");
        if ours {
            assert_eq!(sent.outcome.group_id(), Some("team-a"), "{owner:?}");
            assert!(matches!(sent.outcome, Outcome::CreatedEarlier { .. }));
            assert_eq!(sent.creation(), Creation::Created);
        } else {
            assert_eq!(
                api_code(&sent.outcome),
                Some(ErrorCode::GROUP_ID_USED_BY_YOU)
            );
            assert!(sent.earlier_unknown, "{owner:?}");
            // A refusal, after an attempt that may have made the group.
            assert!(sent.outcome.made_no_group());
            assert_eq!(sent.creation(), Creation::Unconfirmed);
        }
    }
}

/// `Sent::creation`: created, not created (a refusal, nothing sent), or
/// unconfirmed (nothing tells), by the last outcome and the ones before.
#[tokio::test]
async fn a_call_says_whether_it_made_the_group() {
    let slow = || Answer::Slow(Duration::from_secs(30), &CREATED);
    for (script, creation) in [
        (vec![CREATED], Creation::Created),
        (vec![api_error(10_021)], Creation::NotCreated),
        (vec![api_error(10_004)], Creation::NotCreated),
        (
            vec![Answer::Status(408), api_error(10_025)],
            Creation::NotCreated,
        ),
        (vec![api_error(99_999)], Creation::Unconfirmed),
        (vec![api_error(141_011)], Creation::Unconfirmed),
        (vec![Answer::Status(404)], Creation::Unconfirmed),
        (vec![Answer::Json("{}")], Creation::Unconfirmed),
        (
            vec![Answer::Status(502), api_error(10_021)],
            Creation::Unconfirmed,
        ),
        (vec![slow(), api_error(10_025)], Creation::Created),
        (vec![slow(), api_error(10_006)], Creation::Unconfirmed),
    ] {
        let (sent, _) = run_with(script, |c| {
            c.attempt_timeout(Duration::from_secs(1)).max_attempts(2)
        })
        .await;
        assert_eq!(sent.creation(), creation, "{sent:?}");
    }
    // Nothing reached the server.
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let endpoint = format!("http://{}", listener.local_addr().unwrap());
    drop(listener);
    let sent = client(endpoint.parse().unwrap())
        .max_attempts(1)
        .build()
        .unwrap()
        .create_group(&request())
        .await;
    assert!(
        matches!(&sent.outcome, Outcome::Transport(e) if e.kind == TransportErrorKind::Connect),
        "{sent:?}"
    );
    assert_eq!(sent.creation(), Creation::NotCreated);
}

/// A UserSig lasts from 1 s to 2^31 - 1 s, as long as Tencent's own code
/// reads one (helper-183: the builder took any, where `--expire` and
/// `usersig::generate`'s docs stop at 2^31 - 1).
#[tokio::test]
async fn a_usersig_lifetime_is_held_to_what_tencent_reads() {
    for (asked, expire) in [
        (Duration::from_secs(u64::MAX), 2_147_483_647),
        (Duration::from_secs(2_147_483_648), 2_147_483_647),
        (Duration::from_secs(601), 601),
        (Duration::from_millis(1500), 1),
        (Duration::ZERO, 1),
    ] {
        let (sent, server) = run_with(vec![CREATED], |c| c.usersig_lifetime(asked)).await;
        assert!(matches!(sent.outcome, Outcome::Created { .. }), "{asked:?}");
        let document = support::usersig_document(&server.usersigs()[0]);
        assert_eq!(document["TLS.expire"], expire, "{asked:?}");
    }
}

#[tokio::test]
async fn an_illegal_request_is_retried_with_a_new_usersig_when_one_differs() {
    // 10008 a second after signing: the signature may have failed
    // verification, so the retry carries a new UserSig.
    renewed_after_a_late(10_008).await;
    // 10008 for a UserSig made this second: a new one would be the same
    // bytes; the table still says to try again, after the back-off.
    let (sent, _) = run(vec![api_error(10_008), CREATED]).await;
    assert!(matches!(sent.outcome, Outcome::Created { .. }));
    assert_eq!(sent.attempts, 2);
    // Its renewal is its own: 70001 or 70052 after it (or it after them)
    // still gets a new UserSig.
    for codes in [[10_008, 70_001], [70_052, 10_008]] {
        let late = |code| {
            Answer::Slow(
                Duration::from_millis(1100),
                Box::leak(Box::new(api_error(code))),
            )
        };
        let script = vec![late(codes[0]), late(codes[1]), CREATED];
        let (sent, server) = run_with(script, |c| {
            c.attempt_timeout(Duration::from_secs(3))
                .time_budget(Duration::from_secs(20))
        })
        .await;
        assert!(matches!(sent.outcome, Outcome::Created { .. }), "{codes:?}");
        assert_eq!(sent.attempts, 3);
        let signed_at = server.signed_at();
        assert!(
            signed_at.windows(2).all(|w| w[0] < w[1]),
            "{codes:?}: {signed_at:?}"
        );
    }
}

#[tokio::test]
async fn an_error_info_that_echoes_the_usersig_is_redacted() {
    let (sent, _) = run(vec![Answer::Echo(10_004)]).await;
    match &sent.outcome {
        Outcome::Api(e) => {
            assert_eq!(e.code, ErrorCode::INVALID_PARAMETER);
            assert!(e.info.contains("usersig=<redacted>"), "{}", e.info);
            assert!(!e.info.contains("eJ"), "{}", e.info);
            // In Chinese, the mark in the reader's words.
            let zh = e.localized(desk_schema::Locale::ZhCn).to_string();
            assert!(zh.contains("usersig=<已隐去>"), "{zh}");
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(sent.attempts, 1);
}

/// An answer that quotes the request's body shows none of its text: the
/// payload never reaches what the client shows.
#[tokio::test]
async fn an_error_info_that_echoes_the_request_shows_none_of_its_text() {
    let (sent, _) = run(vec![Answer::EchoBody(10_004)]).await;
    let Outcome::Api(e) = &sent.outcome else {
        panic!("{:?}", sent.outcome);
    };
    for text in ["team-a", "客服", "user2", "@customer_service_account"] {
        assert!(!e.info.contains(text), "{text}: {}", e.info);
    }
    assert!(e.info.starts_with("bad request: {"), "{}", e.info);
    assert!(e.info.contains(r#""GroupId":"<redacted>""#), "{}", e.info);
    for shown in [sent.outcome.to_string(), format!("{:?}", sent.outcome)] {
        assert!(
            !shown.contains("team-a") && !shown.contains("user2"),
            "{shown}"
        );
    }
}

/// The UserSig, or any piece of it, is never shown, however the server
/// quotes it: in `GroupId`, an earlier one after a renewal, cut into short
/// pieces, with invisible characters between them, or in standard base64.
#[tokio::test]
async fn a_usersig_the_server_quotes_in_any_form_is_never_shown() {
    let shown = |outcome: &Outcome| format!("{outcome} {outcome:?}");
    // As the group's ID: not the group asked for, and not shown.
    let (sent, server) = run(vec![Answer::Quote(0, |sigs| sigs[0].clone())]).await;
    let sig = server.usersigs()[0].clone();
    match &sent.outcome {
        Outcome::InvalidResponse(report) => {
            let v = &report.violations()[0];
            assert_eq!((v.path(), v.code()), ("/GroupId", "inconsistent_response"));
        }
        other => panic!("{other:?}"),
    }
    assert!(!shown(&sent.outcome).contains(&sig[..16]));
    // The first UserSig, quoted after a renewal (70001): cut out too.
    let renewal = Answer::Slow(Duration::from_millis(1100), &RENEW);
    let (sent, server) = run_patiently(vec![
        renewal,
        Answer::Quote(70_003, |sigs| format!("earlier {}", sigs[0])),
    ])
    .await;
    let sigs = server.usersigs();
    assert_eq!(sent.attempts, 2);
    assert_ne!(sigs[0], sigs[1]);
    match &sent.outcome {
        Outcome::Api(e) => assert_eq!(e.info, "earlier <redacted>"),
        other => panic!("{other:?}"),
    }
    // Reformatted, or decoded (its document, whose TLS.sig makes it again
    // with the claims; or that HMAC in hex): none of the ErrorInfo is shown.
    for quote in [
        (|sigs: &[String]| {
            format!(
                "usersig decoded: {}",
                support::usersig_document(sigs.last().unwrap())
            )
        }) as fn(&[String]) -> String,
        |sigs| {
            let document = support::usersig_document(sigs.last().unwrap());
            let mac = support::base64_decode(document["TLS.sig"].as_str().unwrap());
            mac.iter().fold("hmac ".to_owned(), |mut text, b| {
                use std::fmt::Write as _;
                let _ = write!(text, "{b:02X}");
                text
            })
        },
        (|sigs: &[String]| {
            let sig = sigs.last().unwrap().as_bytes();
            let pieces: Vec<&str> = sig
                .chunks(10)
                .map(|c| std::str::from_utf8(c).unwrap())
                .collect();
            format!("bad {}", pieces.join(" "))
        }) as fn(&[String]) -> String,
        |sigs| {
            let sig = sigs.last().unwrap();
            let chars: Vec<String> = sig.chars().map(|c| format!("{c}\u{200b}")).collect();
            chars.concat()
        },
        |sigs| {
            let sig = sigs.last().unwrap();
            sig.replace('*', "+").replace('-', "/").replace('_', "=")
        },
    ] {
        let (sent, server) = run(vec![Answer::Quote(10_004, quote)]).await;
        let sig = server.usersigs()[0].clone();
        match &sent.outcome {
            Outcome::Api(e) => {
                assert_eq!(e.info, "<not shown: it quotes the UserSig>");
                let zh = e.localized(desk_schema::Locale::ZhCn).to_string();
                assert!(zh.ends_with("：<不予显示：其中引用了 UserSig>"), "{zh}");
            }
            other => panic!("{other:?}"),
        }
        assert!(!shown(&sent.outcome).contains(&sig[..10]));
    }
}

/// A 70001 answer, for a renewal.
static RENEW: Answer =
    Answer::Json(r#"{"ActionStatus":"FAIL","ErrorCode":70001,"ErrorInfo":"usersig expired"}"#);

#[tokio::test]
async fn a_rate_limit_backs_off_longer() {
    let start = Instant::now();
    let (sent, _) = run(vec![api_error(60_018), CREATED]).await;
    assert!(matches!(sent.outcome, Outcome::Created { .. }));
    assert_eq!(sent.attempts, 2);
    // Four times the 10 ms back-off, of which at least half is waited.
    assert!(start.elapsed() >= Duration::from_millis(20));
}

#[tokio::test]
async fn a_retry_that_would_not_fit_in_the_budget_is_not_started() {
    // A 300 ms attempt after a 10 ms wait does not fit in 200 ms.
    let (sent, _) = run_with(vec![api_error(10_002), CREATED], |c| {
        c.time_budget(Duration::from_millis(200))
    })
    .await;
    assert_eq!(api_code(&sent.outcome), Some(ErrorCode::SERVER_INTERNAL));
    assert_eq!(sent.attempts, 1);
}

#[tokio::test]
async fn a_budget_no_longer_than_an_attempt_still_retries() {
    // Each attempt may take 5 s and the whole call 3 s: a 10002 answered at
    // once leaves time for a second attempt, cut to what is left.
    let (sent, _) = run_with(vec![api_error(10_002), CREATED], |c| {
        c.attempt_timeout(Duration::from_secs(5))
            .time_budget(Duration::from_secs(3))
    })
    .await;
    assert!(matches!(sent.outcome, Outcome::Created { .. }));
    assert_eq!(sent.attempts, 2);
}

#[tokio::test]
async fn a_retry_with_less_than_a_second_left_is_not_started() {
    // Attempts of 5 s in a call of 900 ms: no retry can have a second.
    let (sent, _) = run_with(vec![api_error(10_002), CREATED], |c| {
        c.attempt_timeout(Duration::from_secs(5))
            .time_budget(Duration::from_millis(900))
    })
    .await;
    assert_eq!(api_code(&sent.outcome), Some(ErrorCode::SERVER_INTERNAL));
    assert_eq!(sent.attempts, 1);
}

#[tokio::test]
async fn a_wait_past_the_budget_is_not_started() {
    // 60020 says retry in 5 minutes: past the 20-second budget.
    let (sent, _) = run(vec![api_error(60_020), CREATED]).await;
    assert_eq!(api_code(&sent.outcome), Some(ErrorCode::PACKAGE_INACTIVE));
    assert_eq!(sent.attempts, 1);
}

/// What the client says of a loopback port that `serve` is given (to
/// close, or to serve from another thread): the transport error's kind,
/// its text in English and in Chinese, and the attempts.
async fn unanswered(
    serve: impl FnOnce(std::net::TcpListener),
) -> (TransportErrorKind, String, String, u32) {
    unanswered_over("http", serve).await
}

/// [`unanswered`], with the endpoint's scheme `scheme`.
async fn unanswered_over(
    scheme: &str,
    serve: impl FnOnce(std::net::TcpListener),
) -> (TransportErrorKind, String, String, u32) {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let endpoint: Endpoint = format!("{scheme}://{}", listener.local_addr().unwrap())
        .parse()
        .unwrap();
    serve(listener);
    let sent = client(endpoint)
        .build()
        .unwrap()
        .create_group(&request())
        .await;
    match &sent.outcome {
        Outcome::Transport(e) => (
            e.kind,
            e.to_string(),
            e.localized(desk_schema::Locale::ZhCn).to_string(),
            sent.attempts,
        ),
        other => panic!("{other:?}"),
    }
}

#[tokio::test]
async fn a_refused_connection_is_retried_and_named() {
    // A port that was just free: nothing listens on it.
    let (kind, text, zh, attempts) = unanswered(drop).await;
    // Said in Chinese, with the system's own words after it.
    assert!(
        zh.starts_with("无法连接：连接被拒绝，该地址和端口上可能没有服务（tcp connect error: "),
        "{zh}"
    );
    assert_eq!(kind, TransportErrorKind::Connect, "{text}");
    assert!(!text.contains("usersig") && !text.contains("eJ"), "{text}");
    // The cause, not the HTTP client's layers saying "connect" again
    // (`error sending request: client error (Connect): ...`).
    assert!(
        text.starts_with("cannot connect: tcp connect error: "),
        "{text}"
    );
    assert!(
        !text.contains("sending") && !text.contains("client error"),
        "{text}"
    );
    assert_eq!(attempts, 3);
    // Nothing was sent, so a later 10025 would not count as created.
}

/// A TLS handshake the server never answers fails as a connection not
/// made (four fifths of the attempt's time), not as the attempt's time-out,
/// which says the server may have acted (helper-183: a proxy or a server
/// that never answered made every attempt one that may have made the group).
#[tokio::test]
async fn a_handshake_never_answered_is_a_connection_not_made() {
    let mut seen = None;
    let (kind, text, _, attempts) = unanswered_over("https", |listener| {
        seen = Some(counted(listener, |stream| async move {
            // Reads nothing, says nothing; holds the connection open.
            tokio::time::sleep(Duration::from_secs(30)).await;
            drop(stream);
        }));
    })
    .await;
    assert_eq!(kind, TransportErrorKind::Connect, "{text}");
    assert!(text.starts_with("cannot connect: "), "{text}");
    // Retried as a refused connection is.
    assert_eq!(attempts, 3);
    assert_eq!(seen.unwrap().load(Ordering::SeqCst), 3);
}

/// As above when the time budget, not the attempt time-out, bounds the
/// attempt: the connection waits four fifths of what the attempt has, not
/// of the attempt time-out, which the budget's end would come before
/// (helper-193: at 100 ms the first fix still said `Timeout`, and took
/// longer than the budget).
#[tokio::test]
async fn a_handshake_never_answered_within_a_short_budget_is_a_connection_not_made() {
    for budget in [100, 600] {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let endpoint: Endpoint = format!("https://{}", listener.local_addr().unwrap())
            .parse()
            .unwrap();
        let seen = counted(listener, |stream| async move {
            tokio::time::sleep(Duration::from_secs(30)).await;
            drop(stream);
        });
        let sent = client(endpoint)
            .attempt_timeout(Duration::from_secs(10))
            .time_budget(Duration::from_millis(budget))
            .build()
            .unwrap()
            .create_group(&request())
            .await;
        let Outcome::Transport(e) = &sent.outcome else {
            panic!("{:?}", sent.outcome);
        };
        assert_eq!(e.kind, TransportErrorKind::Connect, "{budget} ms: {e}");
        assert_eq!(
            e.to_string(),
            "cannot connect: no connection within four fifths of the attempt's time"
        );
        assert_eq!(
            e.localized(desk_schema::Locale::ZhCn).to_string(),
            "无法连接：未能在本次尝试时间的五分之四内建立连接"
        );
        assert_eq!(sent.creation(), Creation::NotCreated);
        // One attempt: what the budget leaves after it is too short for
        // another.
        assert_eq!(sent.attempts, 1);
        assert_eq!(seen.load(Ordering::SeqCst), 1);
    }
}

/// `Duration::MAX`, "no limit", for every time setting: a call, not a
/// panic (helper-194: four fifths of the attempt's time overflowed).
#[tokio::test]
async fn durations_without_limit_are_taken() {
    let (endpoint, _server) = serve(vec![api_error(10002), CREATED]).await;
    let sent = client(endpoint)
        .attempt_timeout(Duration::MAX)
        .time_budget(Duration::MAX)
        .backoff(Duration::from_millis(1), Duration::MAX)
        .build()
        .unwrap()
        .create_group(&request())
        .await;
    assert_eq!(sent.creation(), Creation::Created, "{:?}", sent.outcome);
    assert_eq!(sent.attempts, 2);
}

/// One client keeps its connection from call to call, whatever its time
/// budget (helper-193: a budget at or below the attempt time-out made a new
/// HTTP client, and a new connection, for every call).
#[tokio::test]
async fn a_client_keeps_its_connection_from_call_to_call() {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let endpoint: Endpoint = format!("http://{}", listener.local_addr().unwrap())
        .parse()
        .unwrap();
    // Answers every request on a connection with a creation, and keeps it.
    let seen = counted(listener, |mut stream| async move {
        use tokio::io::{AsyncReadExt, AsyncWriteExt};
        let body = r#"{"ActionStatus":"OK","ErrorCode":0,"ErrorInfo":"","GroupId":"team-a"}"#;
        let answer = format!(
            "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {}\r\n\r\n{body}",
            body.len()
        );
        let mut read = Vec::new();
        let mut buf = [0; 4096];
        while let Ok(n @ 1..) = stream.read(&mut buf).await {
            read.extend_from_slice(&buf[..n]);
            // A request is whole once its body (content-length) is in.
            while let Some(head) = read.windows(4).position(|w| w == b"\r\n\r\n") {
                let head_text = String::from_utf8_lossy(&read[..head]).to_ascii_lowercase();
                let length: usize = head_text
                    .lines()
                    .find_map(|line| line.strip_prefix("content-length:"))
                    .map_or(0, |n| n.trim().parse().unwrap());
                if read.len() < head + 4 + length {
                    break;
                }
                read.drain(..head + 4 + length);
                if stream.write_all(answer.as_bytes()).await.is_err() {
                    return;
                }
            }
        }
    });
    for (attempt, budget) in [(10, 10), (10, 3), (3, 10)] {
        let client = client(endpoint.clone())
            .attempt_timeout(Duration::from_secs(attempt))
            .time_budget(Duration::from_secs(budget))
            .build()
            .unwrap();
        let before = seen.load(Ordering::SeqCst);
        for _ in 0..3 {
            let sent = client.create_group(&request()).await;
            assert_eq!(sent.creation(), Creation::Created, "{:?}", sent.outcome);
        }
        assert_eq!(
            seen.load(Ordering::SeqCst) - before,
            1,
            "attempt {attempt} s, budget {budget} s"
        );
    }
}

#[tokio::test]
async fn a_connection_closed_without_an_answer_says_so_without_the_clients_layers() {
    // A server that reads the whole request (until the client has been
    // silent for 100 ms: nothing left unread, which would reset the
    // connection instead), then closes without a word.
    let (kind, text, zh, _) = unanswered(|listener| {
        std::thread::spawn(move || {
            use std::io::Read;
            for mut stream in listener.incoming().flatten() {
                let _ = stream.set_read_timeout(Some(Duration::from_millis(100)));
                let mut buf = [0; 4096];
                while matches!(stream.read(&mut buf), Ok(n) if n > 0) {}
            }
        });
    })
    .await;
    assert_eq!(kind, TransportErrorKind::Other, "{text}");
    // Not `client error (SendRequest): ...` or `operation was canceled:
    // ...`, hyper's layers.
    assert!(text.starts_with("the connection failed: "), "{text}");
    assert_eq!(
        zh,
        "连接失败：应答完成前连接已被关闭（connection closed before message completed）"
    );
    assert!(
        !text.contains("client error") && !text.contains("canceled"),
        "{text}"
    );
}

/// Counts the connections `listener` accepts, each given to `answer` on a
/// task of its own.
fn counted<F>(
    listener: std::net::TcpListener,
    answer: impl Fn(tokio::net::TcpStream) -> F + Send + 'static,
) -> Arc<AtomicUsize>
where
    F: Future<Output = ()> + Send + 'static,
{
    let seen = Arc::new(AtomicUsize::new(0));
    let count = Arc::clone(&seen);
    listener.set_nonblocking(true).unwrap();
    let listener = tokio::net::TcpListener::from_std(listener).unwrap();
    tokio::spawn(async move {
        while let Ok((stream, _)) = listener.accept().await {
            count.fetch_add(1, Ordering::SeqCst);
            tokio::spawn(answer(stream));
        }
    });
    seen
}

#[tokio::test]
async fn a_certificate_the_client_does_not_trust_is_refused_once() {
    use tokio_rustls::rustls::pki_types::pem::PemObject;
    use tokio_rustls::rustls::pki_types::{CertificateDer, PrivateKeyDer};
    // A server on this machine with a self-signed certificate for
    // 127.0.0.1: no system trusts it, and no retry would change that.
    let cert = CertificateDer::from_pem_slice(include_bytes!("support/tls/cert.pem")).unwrap();
    let key = PrivateKeyDer::from_pem_slice(include_bytes!("support/tls/key.pem")).unwrap();
    let config = tokio_rustls::rustls::ServerConfig::builder_with_provider(Arc::new(
        tokio_rustls::rustls::crypto::aws_lc_rs::default_provider(),
    ))
    .with_safe_default_protocol_versions()
    .unwrap()
    .with_no_client_auth()
    .with_single_cert(vec![cert], key)
    .unwrap();
    let acceptor = tokio_rustls::TlsAcceptor::from(Arc::new(config));
    let mut seen = None;
    let (kind, text, zh, attempts) = unanswered_over("https", |listener| {
        seen = Some(counted(listener, move |stream| {
            let acceptor = acceptor.clone();
            async move {
                // The client refuses the certificate: the handshake fails.
                let _ = acceptor.accept(stream).await;
            }
        }));
    })
    .await;
    assert_eq!(kind, TransportErrorKind::Tls, "{text}");
    assert_eq!(attempts, 1);
    assert_eq!(seen.unwrap().load(Ordering::SeqCst), 1);
    assert!(
        text.starts_with("the TLS handshake failed: ") && text.contains("certificate"),
        "{text}"
    );
    assert!(
        zh.starts_with("TLS 握手失败：服务器的 TLS 证书无法验证（"),
        "{zh}"
    );
    assert!(!text.contains("usersig") && !text.contains("eJ"), "{text}");
}

#[tokio::test]
async fn a_server_that_does_not_speak_tls_is_refused_once() {
    // Plain HTTP where the endpoint says `https`: rustls reads a record
    // that is not TLS.
    let mut seen = None;
    let (kind, text, _, attempts) = unanswered_over("https", |listener| {
        seen = Some(counted(listener, |mut stream| async move {
            use tokio::io::AsyncWriteExt;
            let _ = stream
                .write_all(b"HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n")
                .await;
        }));
    })
    .await;
    assert_eq!(kind, TransportErrorKind::Tls, "{text}");
    assert_eq!(attempts, 1);
    assert_eq!(seen.unwrap().load(Ordering::SeqCst), 1);
    assert!(text.starts_with("the TLS handshake failed: "), "{text}");
}

/// What the client says of `https` to a server that answers its
/// `ClientHello` with the fatal alert `description`, and the connections the
/// server took.
async fn alerted(description: u8) -> (TransportErrorKind, String, String, u32, usize) {
    let mut seen = None;
    let (kind, text, zh, attempts) = unanswered_over("https", |listener| {
        seen = Some(counted(listener, move |mut stream| async move {
            use tokio::io::{AsyncReadExt, AsyncWriteExt};
            let mut hello = [0; 512];
            let _ = stream.read(&mut hello).await;
            let _ = stream.write_all(&[0x15, 3, 3, 0, 2, 2, description]).await;
        }));
    })
    .await;
    let connections = seen.unwrap().load(Ordering::SeqCst);
    (kind, text, zh, attempts, connections)
}

#[tokio::test]
async fn a_tls_alert_the_server_sends_is_retried() {
    // `internal_error` in answer to the ClientHello (an overloaded TLS
    // front end may send one): it may pass, so it is a failed connection,
    // retried, not a refused handshake (helper-111).
    let (kind, text, zh, attempts, connections) = alerted(80).await;
    assert_eq!(kind, TransportErrorKind::Connect, "{text}");
    assert!(text.contains("alert"), "{text}");
    assert!(
        zh.starts_with("无法连接：服务器在 TLS 握手时发来警报（"),
        "{zh}"
    );
    assert_eq!((attempts, connections), (3, 3));
}

#[tokio::test]
async fn a_handshake_failure_alert_is_refused_once() {
    // `handshake_failure` (no cipher in common), `unrecognized_name` and
    // `certificate_required` (a client certificate the server requires):
    // a retry would meet each again (helper-112, helper-113: they were
    // retried).
    for alert in [40, 112, 116] {
        let (kind, text, _, attempts, connections) = alerted(alert).await;
        assert_eq!(kind, TransportErrorKind::Tls, "{alert}: {text}");
        assert_eq!((attempts, connections), (1, 1), "{alert}");
    }
}

#[test]
fn the_client_refuses_bad_parameters_and_prints_no_key() {
    let key = SecretKey::new(KEY);
    let error = Client::builder(0, "", key).build().unwrap_err().to_string();
    assert!(
        error.contains("/sdkappid") && error.contains("/identifier"),
        "{error}"
    );
    let client = Client::builder(SDKAPPID, ADMIN, SecretKey::new(KEY))
        .build()
        .unwrap();
    let debug = format!("{client:?}");
    assert!(
        !debug.contains(KEY) && debug.contains("console.tim.qq.com"),
        "{debug}"
    );
}
