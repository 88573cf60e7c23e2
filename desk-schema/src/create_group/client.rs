//! An async client for the `create_group` call (feature `client`): it signs,
//! sends, retries as Tencent's error table advises, and reads the answer.
//!
//! Built on `reqwest` with rustls (no OpenSSL) and Tokio's timers; run it on
//! a Tokio runtime. Every request it sends is [`call::http_request_to`], and
//! every answer goes through [`call::outcome`], so what the client does is
//! what any other HTTP client would do with those two functions, plus:
//!
//! - **Signing.** A UserSig is generated from the secret key, kept, and
//!   renewed when less than a tenth of its lifetime is left, and once more
//!   when the server answers 70001 (expired) or 70052 (invalid), and once
//!   when it answers 10008 (below), unless the one refused was made this
//!   very second (a new one would be the same bytes).
//! - **Retries.** What the table says to retry ([`Retry::Now`]: the
//!   server's failures 10002, 60008, 70169, 70500 and 141002, and 10008, an
//!   illegal request the table says to try again, whose signature may have
//!   failed verification: the first time at once with a new UserSig, when
//!   one made now differs, else after the back-off), a 5xx status, a
//!   connection that fails (a name that does not resolve too: a resolver's
//!   failure can pass; but not a TLS handshake that rustls refused, for a
//!   certificate it does not trust, a server that does not speak TLS, one
//!   with no version or cipher in common or one that refuses this client,
//!   which a retry would meet again) and an attempt that times out are
//!   retried with exponential back-off and jitter. Rate limits
//!   ([`Retry::Slower`]: 10006,
//!   60007, 60011, 60018, 60019) back off four times longer, and
//!   [`Retry::After`] waits as long as the table says (60020: 5 minutes,
//!   70050: 1 minute), when the time budget leaves room for it: the default
//!   30 s does not. Anything else, a request error above all, is never
//!   retried.
//! - **10025 after an unknown outcome.** When an attempt timed out, lost its
//!   connection, got a 5xx or the server's own failure or time-out (10002,
//!   141002, 60008, 70169, 70500), the server may have created the group;
//!   a retry then gets 10025 ("used by yourself"). That is
//!   [`Outcome::CreatedEarlier`], not an error, unless `Owner_Account` is
//!   an account other than the identifier: Tencent says 10025 to the
//!   group's owner, so that group is not the one the attempt made (which
//!   would be 10021, "used by others"), and the 10025 stays an
//!   [`Outcome::Api`] with [`Sent::earlier_unknown`] set.
//! - **Time.** Each attempt has a time-out (10 s by default), and the whole
//!   call a budget (30 s): each attempt gets the smaller of its time-out
//!   and what is left, and a connection not made within four fifths of
//!   that is [`TransportErrorKind::Connect`] (nothing was sent); a retry
//!   starts only when its wait leaves at least a second (the time-out, if
//!   shorter), and at most [`ClientBuilder::max_attempts`] are made.
//! - **Secrets.** No redirect is followed (it would carry the UserSig
//!   elsewhere), plain `http` goes to this machine only and never through a
//!   proxy, and every UserSig the call sent is cut out of the server's
//!   `ErrorInfo`, which is not shown at all when it still quotes one
//!   reformatted or escaped; so is the request's own text of three bytes
//!   or more, however escaped (JSON, C, percent and HTML escapes, escaped
//!   again), whole or in pieces of 16 bytes (an answer may quote
//!   the request). A `GroupId` other than the request's is an
//!   [`Outcome::InvalidResponse`] (`inconsistent_response` at `/GroupId`),
//!   without it.
//!
//! ```no_run
//! use desk_schema::Validate;
//! use desk_schema::create_group::client::{Client, Creation};
//! use desk_schema::create_group::{CreateGroupRequest, GroupType, Member};
//! use desk_schema::usersig::SecretKey;
//!
//! # async fn run() -> Result<(), Box<dyn std::error::Error>> {
//! let key = SecretKey::new(std::env::var("DESK_SCHEMA_SECRET_KEY")?);
//! let client = Client::builder(1_400_000_000, "administrator", key).build()?;
//! let request = CreateGroupRequest::new(GroupType::Public, "team-a", "Support")
//!     .member(Member::new("user2"))
//!     .member(Member::customer_service())
//!     .validate_into()?;
//! let sent = client.create_group(&request).await;
//! match (sent.creation(), sent.outcome.group_id()) {
//!     (Creation::Created, Some(id)) => println!("created {id} in {} attempts", sent.attempts),
//!     // Fix the request, or wait as the error code's advice says.
//!     (Creation::NotCreated, _) => eprintln!("not created: {}", sent.outcome),
//!     // The group may exist: sent again, the request would be refused
//!     // (10025) whether or not this call made it.
//!     _ => eprintln!("not confirmed: {}; look the group up first", sent.outcome),
//! }
//! # Ok(())
//! # }
//! ```

use core::fmt;
use core::time::Duration;
use std::sync::Mutex;
use std::time::Instant;

use super::call::{self, Endpoint, Outcome, TransportError, TransportErrorKind};
use super::redact::{payload_texts, screened};
use super::{CreateGroupRequest, ErrorCode, RequestParams, Retry, UserSig};
use crate::i18n::InLocale;
use crate::usersig::{self, SecretKey};
use crate::{Locale, Report, Valid, Validate};

/// The most of an answer that is read: a `create_group` answer is a few
/// hundred bytes.
const MAX_ANSWER: usize = 64 * 1024;

/// A `create_group` client: one per app and administrator, shared by every
/// call (it keeps its connections and its UserSig).
pub struct Client {
    http: reqwest::Client,
    params: RequestParams,
    key: SecretKey,
    settings: Settings,
    /// The UserSig in use, when it was made and when it expires (Unix
    /// seconds).
    usersig: Mutex<Option<Kept>>,
}

impl fmt::Debug for Client {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Client")
            .field("sdkappid", &self.params.sdkappid)
            .field("identifier", &self.params.identifier)
            .field("settings", &self.settings)
            .finish_non_exhaustive()
    }
}

/// Settings for a [`Client`], from [`Client::builder`].
#[derive(Debug)]
#[must_use = "a builder does nothing until `build`"]
pub struct ClientBuilder {
    sdkappid: u64,
    identifier: String,
    key: SecretKey,
    settings: Settings,
}

/// How a client sends, retries and signs: set on the builder, kept by the
/// client.
#[derive(Clone, Debug)]
struct Settings {
    endpoint: Endpoint,
    usersig_lifetime: Duration,
    attempt_timeout: Duration,
    time_budget: Duration,
    max_attempts: u32,
    /// The first wait before a retry, and the longest.
    backoff: (Duration, Duration),
}

/// Why a [`Client`] could not be built.
#[derive(Debug)]
#[non_exhaustive]
pub enum ClientError {
    /// The SDKAppID or the identifier break the query's rules (the report
    /// says which).
    Params(Report),
    /// The HTTP client could not start (its TLS set-up failed).
    Http(String),
}

impl fmt::Display for ClientError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.fmt_in(f, Locale::En)
    }
}

impl ClientError {
    /// The error in `locale`'s words: the report's messages in that
    /// language; the HTTP client's own reason after them in its words (in
    /// Chinese, a missing set of CA certificates said first).
    ///
    /// ```
    /// use desk_schema::Locale;
    /// use desk_schema::create_group::client::ClientError;
    /// let error = ClientError::Http("builder error".into());
    /// assert_eq!(error.localized(Locale::ZhCn).to_string(), "无法启动 HTTP 客户端：builder error");
    /// ```
    #[must_use]
    pub fn localized(&self, locale: Locale) -> impl fmt::Display + '_ {
        InLocale(move |f: &mut fmt::Formatter<'_>| self.fmt_in(f, locale))
    }

    fn fmt_in(&self, f: &mut fmt::Formatter<'_>, locale: Locale) -> fmt::Result {
        match (self, locale) {
            (ClientError::Params(report), Locale::ZhCn) => {
                write!(f, "查询参数无效：\n{}", report.localized(locale))
            }
            (ClientError::Params(report), _) => write!(f, "invalid query parameters:\n{report}"),
            (ClientError::Http(why), Locale::ZhCn) if why.contains(NO_CA_CERTIFICATES) => {
                write!(f, "无法启动 HTTP 客户端：系统中找不到 CA 证书（{why}）")
            }
            (ClientError::Http(why), Locale::ZhCn) => write!(f, "无法启动 HTTP 客户端：{why}"),
            (ClientError::Http(why), _) => write!(f, "cannot start the HTTP client: {why}"),
        }
    }
}

/// What rustls's platform verifier says when the system holds no CA
/// certificate to verify a server with.
const NO_CA_CERTIFICATES: &str = "No CA certificates were loaded";

impl std::error::Error for ClientError {}

impl Client {
    /// Settings for a client of app `sdkappid` that signs as `identifier` (an
    /// App administrator) with `key`, on [`Endpoint::default`].
    pub fn builder(sdkappid: u64, identifier: impl Into<String>, key: SecretKey) -> ClientBuilder {
        ClientBuilder {
            sdkappid,
            identifier: identifier.into(),
            key,
            settings: Settings {
                endpoint: Endpoint::default(),
                usersig_lifetime: usersig::DEFAULT_EXPIRE,
                attempt_timeout: Duration::from_secs(10),
                time_budget: Duration::from_secs(30),
                max_attempts: 5,
                backoff: (Duration::from_millis(200), Duration::from_secs(5)),
            },
        }
    }
}

impl ClientBuilder {
    /// Where to send ([`Endpoint::default`]: the Chinese mainland host).
    pub fn endpoint(mut self, endpoint: Endpoint) -> Self {
        self.settings.endpoint = endpoint;
        self
    }

    /// How long each UserSig lasts (180 days by default, as Tencent's; from
    /// 1 s to 2^31 - 1 s, 68 years, which is as long as Tencent's own code
    /// reads one: see [`usersig::generate`]). Whole seconds: a fraction is
    /// left out.
    pub fn usersig_lifetime(mut self, lifetime: Duration) -> Self {
        self.settings.usersig_lifetime =
            Duration::from_secs(lifetime.as_secs().clamp(1, usersig::MAX_EXPIRE.as_secs()));
        self
    }

    /// The longest one attempt may take, answer read in full (10 s; at
    /// least 1 ms), or what is left of the time budget if that is less. A
    /// connection not made within four fifths of the attempt's time (the
    /// TCP connection, a proxy's tunnel, the TLS handshake) fails as
    /// [`TransportErrorKind::Connect`]: nothing was sent, where the
    /// attempt's own time-out ([`TransportErrorKind::Timeout`]) may have
    /// come after the request went.
    pub fn attempt_timeout(mut self, timeout: Duration) -> Self {
        self.settings.attempt_timeout = timeout.max(Duration::from_millis(1));
        self
    }

    /// The longest a whole call may take, retries and waits included (30 s;
    /// at least 1 ms). Each attempt gets the smaller of the attempt time-out
    /// and the time left; a retry starts only when its wait leaves at least
    /// a second (the attempt time-out, when that is shorter).
    pub fn time_budget(mut self, budget: Duration) -> Self {
        self.settings.time_budget = budget.max(Duration::from_millis(1));
        self
    }

    /// The most attempts one call makes (5; at least 1).
    pub fn max_attempts(mut self, attempts: u32) -> Self {
        self.settings.max_attempts = attempts.max(1);
        self
    }

    /// The first wait before a retry (200 ms), doubled after each retry up
    /// to `max` (5 s); each wait is drawn between half and all of it. After
    /// a rate limit the wait is four times as long (so up to 4 × `max`).
    pub fn backoff(mut self, initial: Duration, max: Duration) -> Self {
        self.settings.backoff = (initial, max.max(initial));
        self
    }

    /// The client.
    ///
    /// # Errors
    ///
    /// [`ClientError::Params`] when the SDKAppID is 0 or the identifier is not
    /// 1 to 32 bytes of printable ASCII; [`ClientError::Http`] when the HTTP
    /// client cannot start.
    pub fn build(self) -> Result<Client, ClientError> {
        let params = RequestParams::new(self.sdkappid, self.identifier, UserSig::new(""), 0);
        params.validate().map_err(ClientError::Params)?;
        let mut http = reqwest::Client::builder()
            // A redirect would carry the UserSig to another URL.
            .redirect(reqwest::redirect::Policy::none())
            .connector_layer(ConnectBy);
        if self.settings.endpoint.is_plain_http() {
            // A proxy would read the URL, UserSig included, in clear text.
            http = http.no_proxy();
        }
        let http = http.build().map_err(|e| ClientError::Http(describe(&e)))?;
        Ok(Client {
            http,
            params,
            key: self.key,
            settings: self.settings,
            usersig: Mutex::new(None),
        })
    }
}

tokio::task_local! {
    /// When the connection of the attempt being made must be made by: four
    /// fifths of the attempt's time after its start.
    static CONNECT_BY: Option<tokio::time::Instant>;
}

/// The HTTP client's connector layer that fails a connection (the TCP
/// connection, a proxy's tunnel, the TLS handshake) not made by the
/// attempt's [`CONNECT_BY`] as one not made: nothing was sent. The
/// attempt's own time-out, which covers the exchange too, says the server
/// may have acted (helper-183: a proxy that never answered made every
/// attempt one that may have created the group). The deadline is the
/// attempt's own, which the time budget may make shorter than the attempt
/// time-out: reqwest's `connect_timeout` is one duration for every
/// attempt. The connector is called from the attempt's own task, so it
/// reads the deadline there.
#[derive(Clone, Copy)]
struct ConnectBy;

impl<S> tower_layer::Layer<S> for ConnectBy {
    type Service = ConnectByService<S>;

    fn layer(&self, inner: S) -> Self::Service {
        ConnectByService(inner)
    }
}

/// The connector under [`ConnectBy`].
#[derive(Clone)]
struct ConnectByService<S>(S);

/// An error of the HTTP client's layers, as its connector layers give one.
type BoxError = Box<dyn std::error::Error + Send + Sync>;

impl<S, R> tower_service::Service<R> for ConnectByService<S>
where
    S: tower_service::Service<R, Error = BoxError>,
    S::Future: Send + 'static,
{
    type Response = S::Response;
    type Error = BoxError;
    type Future = core::pin::Pin<
        Box<dyn core::future::Future<Output = Result<S::Response, BoxError>> + Send>,
    >;

    fn poll_ready(
        &mut self,
        cx: &mut core::task::Context<'_>,
    ) -> core::task::Poll<Result<(), BoxError>> {
        self.0.poll_ready(cx)
    }

    fn call(&mut self, request: R) -> Self::Future {
        let by = CONNECT_BY.try_with(|by| *by).ok().flatten();
        let connecting = self.0.call(request);
        Box::pin(async move {
            match by {
                Some(by) => tokio::time::timeout_at(by, connecting)
                    .await
                    .unwrap_or_else(|_| Err(Box::new(NotConnectedInTime))),
                // No deadline an `Instant` holds, or (none is made so) not
                // an attempt's: the attempt's time-out bounds it.
                None => connecting.await,
            }
        })
    }
}

/// A connection not made by the attempt's [`CONNECT_BY`].
#[derive(Debug)]
struct NotConnectedInTime;

impl fmt::Display for NotConnectedInTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(call::NOT_CONNECTED_IN_TIME)
    }
}

impl std::error::Error for NotConnectedInTime {}

/// What a call came to, and how many attempts it took.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Sent {
    /// The last attempt's outcome (or [`Outcome::CreatedEarlier`]).
    pub outcome: Outcome,
    /// How many requests were sent (or tried).
    pub attempts: u32,
    /// Whether an attempt before the last may have made the group though
    /// nothing said so: it got no answer in time, lost its connection, an
    /// HTTP 5xx, or the server's own failure or time-out (10002, 141002,
    /// 60008, 70169, 70500). Unless the last outcome is a creation, the
    /// group may then exist whatever the last answer says (a rate limit
    /// after a time-out; 10021, "used by others", which is what the
    /// administrator is told of a group an earlier attempt made with another
    /// `Owner_Account`); look it up before making it again.
    pub earlier_unknown: bool,
}

/// Whether a call made the group, as far as its answers tell
/// ([`Sent::creation`]): what a caller must know before sending the
/// request again. The group's ID is the caller's, so a second send does not
/// make a second group, but it is refused (10025, "used by yourself")
/// whether or not the first made it: only a look-up tells.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Creation {
    /// The group was made: [`Outcome::Created`] or
    /// [`Outcome::CreatedEarlier`].
    Created,
    /// The call made no group: the server refused the request
    /// ([`Outcome::made_no_group`]: an error code Tencent's table knows,
    /// other than its own failure; HTTP 408 or 429), or nothing reached it
    /// (no connection, a TLS handshake refused), and no attempt before the
    /// last may have made it.
    NotCreated,
    /// Nothing says whether the group was made: no answer, another HTTP
    /// status, a body that is not a response, the server's own failure
    /// (10002, 141002, 60008, 70169, 70500), a code the table does not know
    /// or one after which the page does not say (141001, 141003, 141011),
    /// or a refusal after an attempt whose outcome is unknown
    /// ([`Sent::earlier_unknown`]). The group may exist: look it up before
    /// sending the request again.
    Unconfirmed,
}

impl Sent {
    /// Whether the call made the group, as far as its answers tell: what
    /// the CLI's `send` prints first (`not created:`, `not confirmed:`) and
    /// its exit status follow (the module's example matches on it).
    #[must_use]
    pub fn creation(&self) -> Creation {
        if self.outcome.group_id().is_some() {
            Creation::Created
        } else if self.outcome.made_no_group() && !self.earlier_unknown {
            Creation::NotCreated
        } else {
            Creation::Unconfirmed
        }
    }
}

/// What to do after an attempt.
enum Next {
    /// Stop with this outcome.
    Stop,
    /// Retry after the back-off, times this factor.
    Backoff(u32),
    /// Retry after this long.
    After(Duration),
    /// Retry at once, with a new UserSig.
    Renew,
}

impl Client {
    /// Sends `request`, retrying as the module's documentation says, and
    /// returns the outcome and the number of attempts.
    pub async fn create_group(&self, request: &Valid<CreateGroupRequest>) -> Sent {
        let start = Instant::now();
        let mut attempts = 0;
        let mut unknown_before = false;
        let mut renewed = Renewals::default();
        let mut renew = false;
        let mut delay = self.settings.backoff.0;
        // Every UserSig this call sent: an answer may echo an earlier one
        // (after a renewal), which may still be valid; and the signature
        // inside each, which makes it again with the claims.
        let mut sent_sigs: Vec<UserSig> = Vec::new();
        let mut inner: Vec<String> = Vec::new();
        // The request's own text, which an answer may quote too.
        let payload = payload_texts(request);
        loop {
            attempts += 1;
            let mut params = self.params.clone();
            let (sig, made) = self.usersig(core::mem::take(&mut renew));
            if !sent_sigs.contains(&sig) {
                inner.extend(usersig::inner_signatures(&sig));
                sent_sigs.push(sig.clone());
            }
            params.usersig = sig;
            let signed = match call::http_request_to(&self.settings.endpoint, &params, request) {
                Ok(signed) => signed,
                // Not with an identifier of at most 32 bytes (the builder's
                // check) and a UserSig made here (a few hundred bytes):
                // nothing sent, said as a transport error that sent nothing.
                Err(e) => {
                    return Sent {
                        outcome: Outcome::Transport(call::TransportError {
                            kind: call::TransportErrorKind::Connect,
                            message: e.to_string(),
                        }),
                        attempts,
                        earlier_unknown: unknown_before,
                    };
                }
            };
            let left = self.settings.time_budget.saturating_sub(start.elapsed());
            let answer = self
                .attempt(signed, self.settings.attempt_timeout.min(left))
                .await;
            let outcome = match screened(answer, &sent_sigs, &inner, &payload, request) {
                Outcome::Api(e)
                    if e.code == ErrorCode::GROUP_ID_USED_BY_YOU
                        && unknown_before
                        && self.may_be_ours(request) =>
                {
                    Outcome::CreatedEarlier {
                        group_id: request.group_id.clone(),
                    }
                }
                other => other,
            };
            let earlier_unknown = unknown_before;
            unknown_before |= outcome.may_have_acted();
            // A UserSig made this second would be made again byte for byte.
            let same_again = made == usersig::now();
            let wait = match next(&outcome, renewed, same_again) {
                Next::Stop => {
                    return Sent {
                        outcome,
                        attempts,
                        earlier_unknown,
                    };
                }
                Next::Renew => {
                    // Only an API error asks for a renewal.
                    if let Outcome::Api(e) = &outcome {
                        renewed.mark(e.code);
                    }
                    renew = true;
                    Duration::ZERO
                }
                Next::Backoff(factor) => {
                    let wait = jitter(delay.saturating_mul(factor));
                    delay = delay.saturating_mul(2).min(self.settings.backoff.1);
                    wait
                }
                Next::After(wait) => wait,
            };
            // A retry starts only when its wait leaves time for an attempt
            // that can be answered: the attempt time-out, up to a second.
            // The attempt then gets what is left, as the first one does.
            let shortest = self.settings.attempt_timeout.min(SHORTEST_RETRY);
            let left = (self.settings.time_budget)
                .checked_sub(start.elapsed().saturating_add(wait))
                .unwrap_or_default();
            if attempts >= self.settings.max_attempts || left < shortest {
                return Sent {
                    outcome,
                    attempts,
                    earlier_unknown,
                };
            }
            tokio::time::sleep(wait).await;
        }
    }

    /// Whether a 10025 ("used by yourself") may answer for a group `request`
    /// made: Tencent says it where the caller (the administrator signing)
    /// owns the group, so not where `Owner_Account` is another account,
    /// whose group the administrator is told is "used by others" (10021),
    /// and a 10025 is then a group of the administrator's own from before
    /// (helper-185). Without `Owner_Account` the group has no owner, and
    /// which of the two the server says is not documented: taken as ours.
    fn may_be_ours(&self, request: &CreateGroupRequest) -> bool {
        request
            .owner_account
            .as_deref()
            .is_none_or(|owner| owner == self.params.identifier)
    }

    /// One attempt: send, and read the whole answer, within `timeout`.
    async fn attempt(&self, signed: call::SignedRequest, timeout: Duration) -> Outcome {
        let request = match reqwest::Request::try_from(signed.into_inner()) {
            Ok(request) => request,
            Err(e) => return transport(e),
        };
        let exchange = async {
            let mut response = self.http.execute(request).await?;
            let status = response.status().as_u16();
            let mut body = Vec::new();
            while let Some(chunk) = response.chunk().await? {
                if body.len() + chunk.len() > MAX_ANSWER {
                    return Ok(Err(status));
                }
                body.extend_from_slice(&chunk);
            }
            Ok(Ok((status, body)))
        };
        // None past what an `Instant` holds (`Duration::MAX`, "no limit").
        let connect_by = tokio::time::Instant::now().checked_add(timeout / 5 * 4);
        match tokio::time::timeout(timeout, CONNECT_BY.scope(connect_by, exchange)).await {
            Err(_) => Outcome::Transport(TransportError {
                kind: TransportErrorKind::Timeout,
                message: format!("{}{} ms", call::NO_WHOLE_ANSWER, timeout.as_millis()),
            }),
            Ok(Err(e)) => transport(e),
            Ok(Ok(Ok((status, body)))) => call::outcome(status, &body),
            Ok(Ok(Err(status))) if status != 200 => Outcome::Http { status },
            Ok(Ok(Err(_))) => {
                let mut report = Report::new();
                report.push(
                    &crate::Path::Root,
                    crate::Kind::custom_in(
                        "response_too_large",
                        "the response is longer than 64 KiB; a create_group response is a few hundred bytes",
                        "应答超过 64 KiB；create_group 的应答通常只有几百字节",
                    ),
                );
                Outcome::InvalidResponse(report)
            }
        }
    }

    /// The UserSig to send: the one kept, or a new one when `renew` is set,
    /// none is kept, or less than a tenth of its lifetime is left; and when
    /// it was made (Unix seconds).
    fn usersig(&self, renew: bool) -> (UserSig, u64) {
        let now = usersig::now();
        let mut kept = self
            .usersig
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Some(k) = &*kept
            && !renew
            && !renewal_due(now, k.expires, self.settings.usersig_lifetime)
        {
            return (k.sig.clone(), k.made);
        }
        let sig = usersig::generate_at(
            self.params.sdkappid,
            &self.params.identifier,
            &self.key,
            self.settings.usersig_lifetime.as_secs(),
            now,
        );
        *kept = Some(Kept {
            sig: sig.clone(),
            made: now,
            expires: now.saturating_add(self.settings.usersig_lifetime.as_secs()),
        });
        (sig, now)
    }
}

/// A UserSig kept for the next calls.
struct Kept {
    sig: UserSig,
    /// When it was made (Unix seconds).
    made: u64,
    /// When it expires (Unix seconds).
    expires: u64,
}

/// True when a UserSig that expires at `expires` (Unix seconds) and lasts
/// `lifetime` should be replaced at `now`: less than a tenth of its
/// lifetime is left.
fn renewal_due(now: u64, expires: u64, lifetime: Duration) -> bool {
    expires.saturating_sub(now) < lifetime.as_secs() / 10 + 1
}

/// The renewals of the UserSig one call has made, each at most once: for a
/// UserSig refused (70001, 70052), and for an illegal request (10008),
/// whose signature may have failed verification.
#[derive(Clone, Copy, Default)]
struct Renewals([bool; 2]);

impl Renewals {
    /// Which of the two renewals `code` asks for.
    fn slot(code: ErrorCode) -> usize {
        usize::from(code == ErrorCode::ILLEGAL_REQUEST)
    }

    /// Whether the renewal `code` asks for was made.
    fn made_for(self, code: ErrorCode) -> bool {
        self.0[Self::slot(code)]
    }

    /// Notes the renewal `code` asked for.
    fn mark(&mut self, code: ErrorCode) {
        self.0[Self::slot(code)] = true;
    }
}

/// What the table says to do after `outcome`, given the renewals made and
/// whether the UserSig sent was made this second (a new one would be the
/// same bytes).
fn next(outcome: &Outcome, renewed: Renewals, same_again: bool) -> Next {
    let can_renew = |code| !same_again && !renewed.made_for(code);
    match outcome {
        Outcome::Api(e) => match e.code.retry() {
            // 10008 says the signature may have failed verification: a new
            // one, when one can differ, for the retry the table asks for.
            Retry::Now if e.code == ErrorCode::ILLEGAL_REQUEST && can_renew(e.code) => Next::Renew,
            Retry::Now => Next::Backoff(1),
            Retry::Slower => Next::Backoff(4),
            Retry::After(wait) => Next::After(wait),
            Retry::RegenerateUserSig if can_renew(e.code) => Next::Renew,
            _ => Next::Stop,
        },
        Outcome::Http { status } if *status >= 500 || *status == 408 => Next::Backoff(1),
        // A rate limit on the way (a gateway's 429): retried, more slowly.
        Outcome::Http { status: 429 } => Next::Backoff(4),
        Outcome::Transport(e) if e.kind == TransportErrorKind::Tls => Next::Stop,
        Outcome::Transport(_) => Next::Backoff(1),
        _ => Next::Stop,
    }
}

/// The least time a retry is started with (or the attempt time-out, when
/// shorter): an HTTPS request to Tencent's endpoints is answered in well
/// under a second, and an attempt given less is more likely to be cut off
/// while the server acts than to be answered.
const SHORTEST_RETRY: Duration = Duration::from_secs(1);

/// A wait drawn between half of `delay` and all of it.
fn jitter(delay: Duration) -> Duration {
    let half = delay / 2;
    let spread = u64::try_from(half.as_micros()).unwrap_or(u64::MAX);
    let extra = if spread == 0 {
        0
    } else {
        u64::from(call::fresh_random()) % spread
    };
    half + Duration::from_micros(extra)
}

fn transport(e: reqwest::Error) -> Outcome {
    let e = e.without_url();
    // A connection not made, in time or at all, sent nothing: told apart
    // before a time-out, which may have come after the request went.
    let kind = if e.is_connect() && refused_by_rustls(&e) {
        TransportErrorKind::Tls
    } else if e.is_connect() {
        TransportErrorKind::Connect
    } else if e.is_timeout() {
        TransportErrorKind::Timeout
    } else {
        TransportErrorKind::Other
    };
    Outcome::Transport(TransportError {
        kind,
        message: describe(&e),
    })
}

/// True when `e` or one of its causes is rustls refusing the handshake for
/// what a retry would meet again: a certificate it does not trust, a
/// record that is not TLS (a server that speaks plain HTTP there), no
/// protocol version or cipher in common (found by rustls, or said by the
/// server's `handshake_failure`, `protocol_version` or
/// `insufficient_security` alert), or the server's refusal of this client
/// (a client certificate it requires, or the alerts about one, a name it
/// does not serve, `access_denied`). Any other alert the server sends
/// (`internal_error` from an overloaded front end) may pass, and is retried
/// as a failed connection is. The TLS connector hands
/// rustls' error on inside `io::Error`s, nested, whose `source` skips the
/// error each holds: the one held is read instead.
fn refused_by_rustls(e: &(dyn std::error::Error + 'static)) -> bool {
    let mut link = Some(e);
    while let Some(error) = link {
        if let Some(refused) = error.downcast_ref::<rustls::Error>() {
            return matches!(
                refused,
                rustls::Error::InvalidCertificate(_)
                    | rustls::Error::InvalidMessage(_)
                    | rustls::Error::PeerIncompatible(_)
                    | rustls::Error::AlertReceived(
                        rustls::AlertDescription::HandshakeFailure
                            | rustls::AlertDescription::ProtocolVersion
                            | rustls::AlertDescription::InsufficientSecurity
                            | rustls::AlertDescription::NoCertificate
                            | rustls::AlertDescription::BadCertificate
                            | rustls::AlertDescription::UnsupportedCertificate
                            | rustls::AlertDescription::CertificateUnknown
                            | rustls::AlertDescription::UnknownCA
                            | rustls::AlertDescription::AccessDenied
                            | rustls::AlertDescription::UnrecognisedName
                            | rustls::AlertDescription::CertificateRequired
                    )
            );
        }
        link = match error
            .downcast_ref::<std::io::Error>()
            .and_then(std::io::Error::get_ref)
        {
            Some(held) => Some(held),
            None => error.source(),
        };
    }
    false
}

/// The error and its causes, joined by `: `, without the links that are
/// the HTTP client's own layers saying the kind again (reqwest's `error
/// sending request`, hyper's `client error (Connect)` and `operation was
/// canceled`), which [`TransportError`]'s words already say: `tcp connect
/// error: Connection refused (os error 111)`, `tls handshake eof`. The
/// last link is kept whatever it says. Given without the URL, which holds
/// the UserSig.
fn describe(e: &(dyn std::error::Error + 'static)) -> String {
    let mut chain = vec![e.to_string()];
    let mut source = e.source();
    while let Some(cause) = source {
        chain.push(cause.to_string());
        source = cause.source();
    }
    let last = chain.len() - 1;
    let layer = |text: &str| {
        text.starts_with("error sending request")
            || text == "operation was canceled"
            || (text.starts_with("client error (") && text.ends_with(')'))
    };
    chain
        .iter()
        .enumerate()
        .filter(|&(i, text)| i == last || !layer(text))
        .map(|(_, text)| text.as_str())
        .collect::<Vec<_>>()
        .join(": ")
}

#[cfg(test)]
mod tests {
    use super::super::redact::{PAYLOAD_PIECE, redact, redact_all};
    use super::super::response::WITHHELD;
    use super::*;

    /// An error with a cause, as the HTTP client's are chained.
    #[derive(Debug)]
    struct Link(&'static str, Option<Box<Link>>);

    impl fmt::Display for Link {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str(self.0)
        }
    }

    impl std::error::Error for Link {
        fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
            self.1.as_deref().map(|l| l as _)
        }
    }

    fn chain(texts: &[&'static str]) -> Link {
        texts
            .iter()
            .rev()
            .fold(None, |inner, text| Some(Link(text, inner.map(Box::new))))
            .expect("one link at least")
    }

    /// The layers that say the kind again are left out wherever they are;
    /// every other link, and the last whatever it says, is kept.
    #[test]
    fn a_transport_error_is_its_causes_without_the_clients_layers() {
        for (links, said) in [
            (
                &[
                    "error sending request",
                    "client error (Connect)",
                    "tcp connect error",
                    "Connection refused (os error 111)",
                ][..],
                "tcp connect error: Connection refused (os error 111)",
            ),
            (
                &[
                    "error sending request",
                    "client error (Connect)",
                    "tls handshake eof",
                ],
                "tls handshake eof",
            ),
            (
                &[
                    "error sending request",
                    "client error (SendRequest)",
                    "connection closed before message completed",
                ],
                "connection closed before message completed",
            ),
            (
                &[
                    "error sending request",
                    "operation was canceled",
                    "connection closed before message completed",
                ],
                "connection closed before message completed",
            ),
            (
                &[
                    "error decoding response body",
                    "expected value at line 1 column 1",
                ],
                "error decoding response body: expected value at line 1 column 1",
            ),
            (&["error sending request"], "error sending request"),
        ] {
            assert_eq!(describe(&chain(links)), said, "{links:?}");
        }
    }

    #[test]
    fn a_usersig_is_renewed_when_a_tenth_of_its_life_is_left() {
        let day = Duration::from_secs(86_400);
        assert!(!renewal_due(1_000, 1_000 + 86_400, day));
        assert!(!renewal_due(1_000, 1_000 + 8_641, day));
        assert!(renewal_due(1_000, 1_000 + 8_640, day));
        assert!(renewal_due(1_000, 900, day));
    }

    #[test]
    fn the_usersig_is_cut_out_of_an_echo() {
        let sig = "eJw*ab-c_d";
        assert_eq!(
            redact("bad request: usersig=eJw*ab-c_d&x and eJw%2Aab-c_d", sig),
            "bad request: usersig=<redacted>&x and <redacted>"
        );
        assert_eq!(redact("plain", ""), "plain");
    }

    #[test]
    fn an_echo_in_any_encoding_or_cut_short_is_cut_out() {
        let sig = "eJwtzE0LgjAYB_D7Pos*H-_Yi0qZ";
        // Lower-case percent-encoding, decoded, and the first 16 bytes.
        let info = "u=eJwtzE0LgjAYB_D7Pos%2aH-_Yi0qZ; v=eJwtzE0LgjAYB_D7 end";
        assert_eq!(redact(info, sig), "u=<redacted>; v=<redacted> end");
        // Fewer than 16 bytes of it, and other text, stay.
        let info = "near eJwtzE0LgjAYB_D %zz 100%";
        assert_eq!(redact(info, sig), info);
        // Non-ASCII text around an echo is kept whole.
        let info = "签名eJwtzE0LgjAYB_D7Pos*H-_Yi0qZ错误";
        assert_eq!(redact(info, sig), "签名<redacted>错误");
        // A sig that is not ASCII is cut out whole, never mid-character.
        assert_eq!(redact("a签名错误的签名b", "签名错误的签名"), "a<redacted>b");
        assert_eq!(redact("签名错误", "名错误的签名签名签名签名"), "签名错误");
    }

    #[test]
    fn an_answer_that_quotes_a_usersig_reformatted_is_withheld() {
        let sigs = [
            UserSig::new("eJwtzE0LgjAYB_D7Pos*H-_Yi0qZ"),
            UserSig::new("eJwtzE0LgjAYX9q7Pos*H-_Yzz1Q"),
        ];
        // As sent, either one: cut out, the rest shown.
        assert_eq!(
            redact_all(
                "a eJwtzE0LgjAYB_D7Pos*H-_Yi0qZ b eJwtzE0LgjAYX9q7Pos*H-_Yzz1Q",
                &sigs,
                &[],
                &[]
            ),
            "a <redacted> b <redacted>"
        );
        // Reformatted: in pieces, with invisible characters, in standard
        // base64, or a short piece left beside a cut: none shown.
        for quoted in [
            "bad eJwtzE0Lg jAYB_D7Po s*H-_Yi0qZ",
            "eJwt\u{200b}zE0L\u{200b}gjAY",
            "sig eJwtzE0LgjAYB/D7Pos+H/=Yi0qZ",
            "eJwtzE0LgjAYB_D7Pos*H-_Yi0qZ and then X9q7Pos*H",
        ] {
            assert_eq!(redact_all(quoted, &sigs, &[], &[]), WITHHELD, "{quoted}");
        }
        // Each character escaped, as the request's text may be (helper-110:
        // these were shown whole): HTML's references, JSON's and C's
        // escapes, and a JSON escape escaped again.
        let each = |write: fn(char) -> String| {
            let sig = sigs[0].expose().chars().map(write).collect::<String>();
            format!("bad sig {sig}")
        };
        // Split by HTML's no-break space (helper-113).
        let spaced: String = sigs[0]
            .expose()
            .as_bytes()
            .chunks(4)
            .map(|c| std::str::from_utf8(c).unwrap())
            .collect::<Vec<_>>()
            .join("&nbsp;");
        assert_eq!(redact_all(&spaced, &sigs, &[], &[]), WITHHELD);
        // In standard base64, then escaped (helper-112: its `+` was read
        // as a space and dropped).
        let plus = [UserSig::new("eJw+tzE0Lg+jAYB_D+7Pos*H")];
        let escaped = "eJw+tzE0Lg+jAYB/D+7Pos+H"
            .chars()
            .fold(String::new(), |mut text, c| {
                use std::fmt::Write as _;
                let _ = write!(text, "\\u{:04x}", u32::from(c));
                text
            });
        assert_eq!(redact_all(&escaped, &plus, &[], &[]), WITHHELD);
        for quoted in [
            each(|c| format!("&#{};", u32::from(c))),
            each(|c| format!("&#x{:X};", u32::from(c))),
            each(|c| format!("\\u{:04x}", u32::from(c))),
            each(|c| format!("\\\\u{:04x}", u32::from(c))),
            each(|c| format!("\\x{:02x}", u32::from(c))),
            each(|c| format!("%25{:02X}", u32::from(c))),
        ] {
            assert_eq!(redact_all(&quoted, &sigs, &[], &[]), WITHHELD, "{quoted}");
        }
        // In standard base64 where the cut of what reads as sent leaves
        // only pieces shorter than eight beside it (seen by chance in the
        // client test, with a real UserSig): withheld, judged on the text
        // as the server wrote it.
        let long = [UserSig::new("AAAAbbbbCCCCdddd1111*EEEEffffGGGGhhhh2222-x_")];
        assert_eq!(
            redact_all(
                "AAAAbbbbCCCCdddd1111+EEEEffffGGGGhhhh2222/x=",
                &long,
                &[],
                &[]
            ),
            WITHHELD
        );
        // A secret in standard base64 (a decoded UserSig's TLS.sig), quoted
        // in part across its `+`: withheld too.
        let inner = ["iQkZ1V+W4M/abcdefgh=".to_owned()];
        assert_eq!(
            redact_all("trunc sig iQkZ1V+W4M", &sigs, &inner, &[]),
            WITHHELD
        );
        // Ordinary text, and fewer than eight bytes of one in a row, stay.
        for plain in [
            "usersig check failed",
            "bad usersig eJwtzE0",
            "",
            "70001 expired",
        ] {
            assert_eq!(redact_all(plain, &sigs, &[], &[]), plain);
        }
    }

    #[test]
    fn an_answer_that_quotes_a_text_that_reads_as_escaped_cuts_it_out() {
        use super::super::{GroupType, Member};
        // Texts that hold what reads as an escape, quoted as they are
        // written, and texts quoted in escapes of other languages
        // (helper-111: each of these was shown).
        let request = CreateGroupRequest::new(GroupType::Public, "team-a", "O'Brien's 客服 🎉")
            .introduction("Tom &amp; Jerry D:\\2023 bin\\x64")
            .owner_account("Alice")
            .face_url("https://cdn.example.com/avatars/%E5%AE%A2%E6%9C%8D.png")
            .member(Member::new("user2"));
        let payload = payload_texts(&request);
        for info in [
            "invalid FaceUrl: https://cdn.example.com/avatars/%E5%AE%A2%E6%9C%8D.png",
            "bad intro Tom &amp; Jerry D:\\2023 bin\\x64",
            r#"name: "O\'Brien\'s \345\256\242\346\234\215 \360\237\216\211""#,
            r"name: 'O\'Brien\'s \xe5\xae\xa2\xe6\x9c\x8d \xf0\x9f\x8e\x89'",
            r"name: O'Brien's \u5ba2\u670d \U0001f389",
            r"name: O'Brien's \u{5ba2}\u{670d} \u{1f389}",
            "name: O&#39;Brien&#39;s &#23458&#26381 &#127881",
            // A surrogate pair in numeric references, and HTML's named
            // references: in capitals, without their `;`, a no-break space,
            // and references to what shows nothing (helper-113).
            "name: O&#39;Brien&#39;s &#23458;&#26381; &#55356;&#57225;",
            "name: O&APOS;Brien&#39;s&nbsp;&#23458;&shy;&#26381;&NBSP;&#127881;",
            "intro: Tom &AMP;amp; Jerry D:\\2023 bin\\x64",
            // What shows nothing between the characters (a direction mark),
            // and escaped three times.
            "owner: A\u{200e}l\u{200e}i\u{200f}c\u{2066}e missing",
            "name: O'Brien's %2525E5%2525AE%2525A2%2525E2%252580%25258B%2525E6%25259C%25258D 🎉",
        ] {
            let shown = redact_all(info, &[], &[], &payload);
            for text in [
                "%E5%AE%A2",
                "Jerry",
                "Brien",
                "客服",
                "5ba2",
                "345",
                "xe5",
                "23458",
            ] {
                assert!(!shown.contains(text), "{info} -> {shown}");
            }
            // Cut, not withheld: the server's own words before it stay.
            let words = info.split(' ').next().unwrap();
            assert!(shown.starts_with(words), "{info} -> {shown}");
            assert!(shown.contains("<redacted>"), "{info} -> {shown}");
        }
        // Escaped twice with a capital `\U` (helper-112: a reading in lower
        // case read it as `\u0001` and `f389`).
        let party = CreateGroupRequest::new(GroupType::Public, "team-a", "🎉🎉")
            .member(Member::new("user2"));
        let shown = redact_all(
            r"name \\U0001F389\\U0001F389 bad",
            &[],
            &[],
            &payload_texts(&party),
        );
        assert_eq!(shown, "name <redacted> bad");
        // A text that is one character once what shows nothing is taken
        // out: too short to cut (it would be cut out of every word).
        let short = CreateGroupRequest::new(GroupType::Public, "team-a", "Support")
            .introduction("a\u{200b}\u{200b}")
            .member(Member::new("user2"));
        let words = "parameter name is invalid, a value was expected";
        assert_eq!(redact_all(words, &[], &[], &payload_texts(&short)), words);
    }

    #[test]
    fn an_answer_that_quotes_the_request_has_its_text_cut_out() {
        use super::super::{GroupType, Member};
        let request = CreateGroupRequest::new(GroupType::Public, "team-a", "R&D <客服>\"组")
            .owner_account("Alice")
            .introduction("Secret plan: launch on Friday at dawn")
            .face_url("https://example.com/img/face.png")
            .member(Member::new("user2").app_member_defined_data("Tier", "gold"))
            .member(Member::customer_service());
        let payload = payload_texts(&request);
        let cut = |info: &str| redact_all(info, &[], &[], &payload);
        // As given, in any case, and however escaped: JSON (serde's, with
        // non-ASCII as \u escapes, Go's \u0026, \/), percent escapes, HTML.
        for info in [
            r#"{"GroupId":"team-a","Name":"R&D <客服>\"组"}"#,
            r#"{"Name":"R&D <\u5ba2\u670d>\"\u7ec4"}"#,
            r#"{"Name":"R\u0026D \u003c客服\u003e\"组"}"#,
            r#"{"FaceUrl":"https:\/\/example.com\/img\/face.png"}"#,
            "GROUP TEAM-A: OWNER ALICE",
            "name=R%26D%20%3C%E5%AE%A2%E6%9C%8D%3E%22%E7%BB%84",
            "R&amp;D &lt;客服&gt;&quot;组",
            // HTML's numeric references, decimal and hexadecimal, and form
            // encoding's `+` for a space (helper-108: these were shown).
            "R&#38;D &#60;&#23458;&#26381;&#62;&#34;&#32452;",
            "R&#x26;D &#X3C;&#x5BA2;&#x670d;&#x3E;&#x22;&#x7EC4;",
            "intro=Secret+plan:+launch+on+Friday",
            "Secret&#32;plan: launch",
            "&#0000000082;&#0038;D &lt;客服&gt;&quot;组",
            // The start of a long text, cut short.
            "Introduction too long: 'Secret plan: launch on Fri...'",
            // Escaped twice, as C, Python, protobuf's text format and
            // JavaScript's `escape()` write bytes, or with invisible
            // characters between (helper-110: these were shown).
            "name=R%2526D%2520%253C%25E5%25AE%25A2%25E6%259C%258D%253E%2522%25E7%25BB%2584",
            r#"{\"Name\":\"R&D <\\u5ba2\\u670d>\\\"\\u7ec4\"}"#,
            r#"Name: "R&D <\345\256\242\346\234\215>\"\347\273\204""#,
            r#"Name: "R&D <\xe5\xae\xa2\xe6\x9c\x8d>\"\xe7\xbb\x84""#,
            "Name: R%26D%20%3C%u5BA2%u670D%3E%22%u7EC4",
            "Intro: S\u{200b}e\u{200b}c\u{200b}r\u{200b}e\u{200b}t plan: launch on Friday",
            "custom data Tier=gold for user2",
        ] {
            let shown = cut(info);
            for text in [
                "team",
                "R&D",
                "客服",
                "alice",
                "Secret plan",
                "example.com",
                "gold",
                "user2",
            ] {
                assert!(
                    !shown.to_lowercase().contains(&text.to_lowercase()),
                    "{info} -> {shown}"
                );
            }
            assert!(shown.contains("<redacted>"), "{info} -> {shown}");
        }
        // Three bytes at least ("ab" would be cut out of any word); the
        // server's own words stay.
        assert!(!payload.contains(&"ab".to_owned()));
        assert_eq!(cut("group id has been used"), "group id has been used");
        assert_eq!(cut("签名错误"), "签名错误");
        // A piece of a long text that starts or ends inside a character
        // takes the whole character: never a cut through one.
        let long = vec!["ñ".repeat(30)];
        for info in [
            format!("a{}b", "ñ".repeat(9)),
            format!("é{}é", "ñ".repeat(12)),
            "ñ%C3%B1ñ".repeat(4),
        ] {
            let shown = redact_all(&info, &[], &[], &long);
            assert!(!shown.contains("ññññññññ"), "{info} -> {shown}");
        }
        // Any text, escapes half written among characters of every width,
        // against texts that share its pieces: cut without a panic.
        let alphabet = [
            "a", "A", "ñ", "客", "😀", "\\", "u", "5", "d", "8", "0", "%", "E", "&", "amp;",
            "#39;", "/", "\"",
        ];
        let mut seed = 0x2545_f491_u32;
        let mut next = |n: usize| {
            seed = seed.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
            (seed >> 8) as usize % n
        };
        for _ in 0..3000 {
            let (info_len, own_len) = (next(41), 3 + next(31));
            let mut pick = |len: usize| -> String {
                let picks: Vec<usize> = (0..len).map(|_| next(alphabet.len())).collect();
                picks.into_iter().map(|i| alphabet[i]).collect()
            };
            let info = pick(info_len);
            let own = pick(own_len);
            let half = info.get(..info.len() / 2).unwrap_or("").to_owned();
            let payload: Vec<String> = [own, half]
                .into_iter()
                .map(|t| t.to_ascii_lowercase())
                .filter(|t| t.len() >= PAYLOAD_PIECE)
                .collect();
            let _ = redact_all(&info, &[], &[], &payload);
        }
    }

    #[test]
    fn a_jittered_wait_is_between_half_and_all_of_the_delay() {
        for _ in 0..1000 {
            let wait = jitter(Duration::from_millis(200));
            assert!(wait >= Duration::from_millis(100) && wait < Duration::from_millis(200));
        }
        assert_eq!(jitter(Duration::ZERO), Duration::ZERO);
    }
}
