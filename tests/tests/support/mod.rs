//! A `create_group` server on the loopback address, for the client's and the
//! CLI's tests. It checks every request (its query parameters, a UserSig
//! that verifies with the key, `random`, `contenttype`, the body) and answers
//! from a script.
#![allow(
    dead_code,
    reason = "the client's and the CLI's tests each use part of it"
)]

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::body::Bytes;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use desk_schema::Validate;
use desk_schema::create_group::call::Endpoint;
use desk_schema::create_group::{CreateGroupRequest, GroupType, Member, UserSig};
use desk_schema::usersig::{self, SecretKey};

pub(crate) const SDKAPPID: u64 = 1_400_000_000;
pub(crate) const ADMIN: &str = "administrator";
pub(crate) const KEY: &str = "5bd2850fff3ecb11d7c805251c51ee463a25727bddc2385f3fa8bfee1bb93b5e";

/// One answer of the server's script.
#[derive(Clone)]
pub(crate) enum Answer {
    /// HTTP 200 with this JSON body.
    Json(&'static str),
    /// This status, empty body.
    Status(u16),
    /// HTTP 200 with this body as it is.
    Raw(&'static str),
    /// Wait this long, then answer.
    Slow(Duration, &'static Answer),
    /// This error code, with the request's query string as `ErrorInfo`.
    Echo(i64),
    /// This error code, with the request's body as `ErrorInfo`.
    EchoBody(i64),
    /// This error code, with `ErrorInfo` made of the UserSigs received so
    /// far (the latest last); for code 0, `OK` with that as `GroupId`.
    Quote(i64, fn(&[String]) -> String),
}

pub(crate) const CREATED: Answer =
    Answer::Json(r#"{"ActionStatus":"OK","ErrorCode":0,"ErrorInfo":"","GroupId":"team-a"}"#);

pub(crate) fn api_error(code: i64) -> Answer {
    let body =
        format!(r#"{{"ActionStatus":"FAIL","ErrorCode":{code},"ErrorInfo":"error {code}"}}"#);
    Answer::Json(Box::leak(body.into_boxed_str()))
}

pub(crate) struct Server {
    script: Vec<Answer>,
    expected_body: serde_json::Value,
    seen: Mutex<Vec<Seen>>,
}

/// What the server saw of one request.
struct Seen {
    /// Every check the request failed (none is expected).
    problems: Vec<String>,
    /// The UserSig's `TLS.time`.
    signed_at: u64,
    /// The UserSig as received.
    usersig: String,
}

async fn create_group(
    State(server): State<Arc<Server>>,
    uri: axum::http::Uri,
    Query(query): Query<HashMap<String, String>>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let (problems, signed_at) = check(&server, &query, &headers, &body);
    let attempt = {
        let mut seen = server.seen.lock().unwrap();
        seen.push(Seen {
            problems: problems.clone(),
            signed_at,
            usersig: query.get("usersig").cloned().unwrap_or_default(),
        });
        seen.len() - 1
    };
    let sigs: Vec<String> = (server.seen.lock().unwrap().iter())
        .map(|s| s.usersig.clone())
        .collect();
    if !problems.is_empty() {
        return (StatusCode::BAD_REQUEST, problems.join("; ")).into_response();
    }
    let mut answer = &server.script[attempt.min(server.script.len() - 1)];
    if let Answer::Slow(wait, then) = answer {
        tokio::time::sleep(*wait).await;
        answer = then;
    }
    match answer {
        Answer::Json(body) => ([("content-type", "application/json")], *body).into_response(),
        Answer::Raw(body) => (*body).into_response(),
        Answer::Status(status) => StatusCode::from_u16(*status).unwrap().into_response(),
        Answer::Echo(code) => {
            let body = serde_json::json!({
                "ActionStatus": "FAIL",
                "ErrorCode": code,
                "ErrorInfo": format!("bad request: {}", uri.query().unwrap_or("")),
            });
            ([("content-type", "application/json")], body.to_string()).into_response()
        }
        Answer::EchoBody(code) => {
            let body = serde_json::json!({
                "ActionStatus": "FAIL",
                "ErrorCode": code,
                "ErrorInfo": format!("bad request: {}", String::from_utf8_lossy(&body)),
            });
            ([("content-type", "application/json")], body.to_string()).into_response()
        }
        Answer::Quote(code, text) => {
            let body = if *code == 0 {
                serde_json::json!({"ActionStatus": "OK", "ErrorCode": 0, "ErrorInfo": "", "GroupId": text(&sigs)})
            } else {
                serde_json::json!({"ActionStatus": "FAIL", "ErrorCode": code, "ErrorInfo": text(&sigs)})
            };
            ([("content-type", "application/json")], body.to_string()).into_response()
        }
        Answer::Slow(..) => unreachable!("one wait per answer"),
    }
}

/// Every way the request differs from what the API expects.
fn check(
    server: &Server,
    query: &HashMap<String, String>,
    headers: &HeaderMap,
    body: &[u8],
) -> (Vec<String>, u64) {
    let mut problems = Vec::new();
    let mut expect = |ok: bool, what: &str| {
        if !ok {
            problems.push(what.to_owned());
        }
    };
    expect(
        query.get("sdkappid") == Some(&SDKAPPID.to_string()),
        "sdkappid",
    );
    expect(
        query.get("identifier").map(String::as_str) == Some(ADMIN),
        "identifier",
    );
    expect(
        query
            .get("random")
            .is_some_and(|r| r.parse::<u32>().is_ok()),
        "random is a 32-bit unsigned integer",
    );
    expect(
        query.get("contenttype").map(String::as_str) == Some("json"),
        "contenttype=json",
    );
    expect(query.len() == 5, "five query parameters");
    expect(
        headers
            .get("content-type")
            .is_some_and(|v| v == "application/json"),
        "Content-Type: application/json",
    );
    expect(
        serde_json::from_slice::<serde_json::Value>(body)
            .ok()
            .as_ref()
            == Some(&server.expected_body),
        "the body is the request",
    );
    let sig = UserSig::new(query.get("usersig").cloned().unwrap_or_default());
    let signed_at = match usersig::verify(&sig, &SecretKey::new(KEY), usersig::now()) {
        Ok(claims) => {
            expect(
                claims.identifier == ADMIN && claims.sdkappid == SDKAPPID,
                "the UserSig is for the administrator and the app",
            );
            claims.time
        }
        Err(e) => {
            expect(false, &format!("the UserSig verifies: {e}"));
            0
        }
    };
    (problems, signed_at)
}

pub(crate) fn request() -> desk_schema::Valid<CreateGroupRequest> {
    CreateGroupRequest::new(GroupType::Public, "team-a", "客服")
        .member(Member::new("user2"))
        .member(Member::customer_service())
        .validate_into()
        .unwrap()
}

/// A server on the loopback address answering from `script`.
pub(crate) async fn serve(script: Vec<Answer>) -> (Endpoint, Arc<Server>) {
    serve_expecting(script, &request()).await
}

/// [`serve`], for a request other than [`request`].
pub(crate) async fn serve_expecting(
    script: Vec<Answer>,
    expected: &CreateGroupRequest,
) -> (Endpoint, Arc<Server>) {
    let server = Arc::new(Server {
        script,
        expected_body: serde_json::to_value(expected).unwrap(),
        seen: Mutex::new(Vec::new()),
    });
    let app = axum::Router::new()
        .route(
            "/v4/desk_http_svc/create_group",
            axum::routing::post(create_group),
        )
        .with_state(Arc::clone(&server));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let endpoint = format!("http://{}", listener.local_addr().unwrap())
        .parse()
        .unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    (endpoint, server)
}

/// A server answering from `script` on a thread of its own, for tests
/// without a runtime; it stops with the test process.
pub(crate) fn serve_in_thread(script: Vec<Answer>) -> (Endpoint, Arc<Server>) {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        runtime.block_on(async move {
            tx.send(serve(script).await).unwrap();
            std::future::pending::<()>().await;
        });
    });
    rx.recv().unwrap()
}

impl Server {
    /// How many requests came, after checking that each passed every check.
    pub(crate) fn requests(&self) -> usize {
        let seen = self.seen.lock().unwrap();
        for (i, s) in seen.iter().enumerate() {
            assert!(s.problems.is_empty(), "request {i}: {:?}", s.problems);
        }
        seen.len()
    }

    /// Each request's UserSig, as received.
    pub(crate) fn usersigs(&self) -> Vec<String> {
        let seen = self.seen.lock().unwrap();
        seen.iter().map(|s| s.usersig.clone()).collect()
    }

    /// The `TLS.time` of each request's UserSig.
    pub(crate) fn signed_at(&self) -> Vec<u64> {
        self.seen
            .lock()
            .unwrap()
            .iter()
            .map(|s| s.signed_at)
            .collect()
    }
}

/// A UserSig's document, read apart from the crate under test: its base64
/// (Tencent's alphabet) decoded and inflated.
pub(crate) fn usersig_document(sig: &str) -> serde_json::Value {
    use std::io::Read;
    let b64: String = sig
        .chars()
        .map(|c| match c {
            '*' => '+',
            '-' => '/',
            '_' => '=',
            c => c,
        })
        .collect();
    let mut json = String::new();
    flate2::read::ZlibDecoder::new(&base64_decode(&b64)[..])
        .read_to_string(&mut json)
        .unwrap();
    serde_json::from_str(&json).unwrap()
}

/// Standard base64, padded or not: a small decoder, independent of the
/// crate under test.
pub(crate) fn base64_decode(text: &str) -> Vec<u8> {
    let alphabet = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut bits = 0u32;
    let mut n = 0;
    let mut out = Vec::new();
    for c in text.bytes().filter(|&c| c != b'=') {
        let v = u32::try_from(alphabet.iter().position(|&a| a == c).unwrap()).unwrap();
        bits = (bits << 6) | v;
        n += 6;
        if n >= 8 {
            n -= 8;
            out.push(u8::try_from((bits >> n) & 0xFF).unwrap());
        }
    }
    out
}
