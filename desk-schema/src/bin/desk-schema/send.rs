//! `desk-schema send`: check a request, sign it, send it with the client's
//! retries, and print the outcome.

use std::io::Write;
use std::path::PathBuf;
use std::time::Duration;

use clap::{Arg, ArgMatches, Command, value_parser};
use desk_schema::create_group::CreateGroupRequest;
use desk_schema::create_group::call::{Endpoint, Outcome, TransportErrorKind};
use desk_schema::create_group::client::{Client, Creation, Sent};
use desk_schema::{Locale, Report, Valid};

use crate::{
    Format, IoStop, Name, Say, accounts_arg, context, format_arg, identifier_arg, key_file_arg,
    lang_arg, locale_of, max_input_arg, one_stream_twice, read_input, sdkappid_arg, secret_key,
    stdin_by_name, user_ids, write_out,
};

const SEND_AFTER: &str = "\
The request is checked first, as `validate` does; an invalid request is not
sent. The secret key is read from --key-file or DESK_SCHEMA_SECRET_KEY, never
from an argument, and neither it nor the UserSig is printed.

Retries follow Tencent's error table: server errors (10002, 141002, 60008,
70169, 70500), 10008 (an illegal request, which the table says to try
again; its signature may have failed verification, so the first retry goes
at once with a new UserSig when one made now differs), HTTP 5xx and 408,
refused connections and time-outs are retried with back-off (HTTP 429 too,
more slowly; a TLS handshake refused, for a certificate not trusted, a
server that does not speak TLS, no version or cipher in common or a refusal
of this client, is not: a retry would meet it again);
rate limits (10006, 60007, 60011, 60018, 60019) wait longer;
60020 and 70050 wait 5 minutes and 1 minute, so only a --time-budget longer
than that retries them; 70001 and 70052 renew the UserSig once, when one
made now differs (not within the second the last was made); anything
else is the answer.
Each attempt gets the attempt time-out or what is left of the time budget,
whichever is less, and a connection not made within four fifths of that is
a connect error (nothing was sent); a retry starts only if its wait leaves
at least a second (or the attempt time-out, if shorter), and at most
--max-attempts are made.
10025 after an attempt whose outcome is unknown (no response, HTTP 5xx, or the
server's own failure: 10002, 141002, 60008, 70169, 70500) means the group
exists and is yours, most likely made by that attempt (created_earlier),
where Owner_Account is the identifier or absent (Tencent says 10025 to the
group's owner: with another owner, it is an earlier group, not confirmed).

Output:
  text  `created group ID (N attempts)`, or `not created: ` or `not confirmed: `
        and what went wrong (a line that is not confirmed is followed by one
        saying the group may exist: look it up before making it again); an
        invalid request: its report, then `invalid: N problems; not sent`
  json  one line: {\"outcome\", ...details, \"creation\", \"attempts\",
        \"format_version\": 1}, creation one of created, not_created,
        unconfirmed, as the text's first words say (on every line but
        invalid_request's and input_error's),
        outcome one of created, created_earlier, invalid_request, api_error,
        http_error, invalid_response, transport_error (its kind: connect
        or tls, nothing was sent; timeout or other, the server may have
        acted),
        input_error (an input that cannot be read, no secret key: said on
        stderr too); \"earlier_unknown\": true when an attempt before the
        last got no response, an HTTP 5xx or the server's own failure, so
        the group may exist whatever the last outcome says (but a creation;
        10021 included: an earlier attempt's group whose owner is another
        account is \"used by others\" to the administrator)

Exit status: 0 created; 1 not created: an invalid request (not sent) or one
the server refused (an error code in Tencent's table, HTTP 408 or 429); 2
usage or I/O error, or no connection made (nothing sent); 3 not confirmed:
the group may exist (no response, another HTTP error, a response that is not
one, the server's own failure, a code the table does not know or 141001,
141003, 141011, or an earlier attempt's outcome unknown), so look it up
before sending the request again (which is refused, 10025, whether or not
the group was made). An outcome standard output cannot take (a closed pipe,
a full disk) is said on stderr, with the outcome's exit status.";

/// The `send` subcommand.
pub(crate) fn command() -> Command {
    Command::new("send")
        .about("Check a create_group request, sign it, send it (with retries) and print the outcome")
        .arg(
            Arg::new("file")
                .value_name("FILE")
                .required(true)
                .value_parser(value_parser!(PathBuf))
                .help("The request body (JSON); `-` reads standard input"),
        )
        .arg(sdkappid_arg())
        .arg(identifier_arg().required(true))
        .arg(
            Arg::new("endpoint")
                .long("endpoint")
                .value_name("URL")
                // One with the secret key in it is refused once the key is
                // read (`secret_key`), before any lookup.
                .value_parser(|s: &str| s.parse::<Endpoint>())
                .help("Another region's REST API host, or a test server such as http://127.0.0.1:8080 [default: console.tim.qq.com]"),
        )
        .arg(
            Arg::new("time-budget")
                .long("time-budget")
                .value_name("SECONDS")
                .value_parser(value_parser!(u32).range(1..=3600))
                .allow_negative_numbers(true)
                .default_value("30")
                .help("The longest the call may take, retries included (1 to 3600)"),
        )
        .arg(
            Arg::new("max-attempts")
                .long("max-attempts")
                .value_name("N")
                .value_parser(value_parser!(u32).range(1..=20))
                .allow_negative_numbers(true)
                .default_value("5")
                .help("The most attempts to make, the first included (1 to 20)"),
        )
        .arg(
            Arg::new("attempt-timeout")
                .long("attempt-timeout")
                .value_name("SECONDS")
                .value_parser(value_parser!(u32).range(1..=3600))
                .allow_negative_numbers(true)
                .default_value("10")
                .help("The longest one attempt may take, response included (1 to 3600)"),
        )
        .arg(key_file_arg())
        .arg(format_arg())
        .arg(lang_arg())
        .arg(accounts_arg())
        .arg(max_input_arg().help("Refuse an input larger than N bytes"))
        .after_help(SEND_AFTER)
}

/// Runs `send`. With `--format json`, a stop before any answer (an input
/// that cannot be read, no secret key) is a JSON line too,
/// `{"outcome": "input_error", "error", "attempts": 0, "format_version"}`,
/// beside the line on stderr, so that a script reading stdout always gets
/// one line.
pub(crate) fn run(args: &ArgMatches, out: &mut impl Write) -> Result<u8, IoStop> {
    match (send(args, out), Format::of(args)) {
        (Err(IoStop::Input(why)), Format::Json) => {
            let line = Line {
                outcome: "input_error",
                error: Some(why.clone()),
                format_version: 1,
                ..Line::default()
            };
            write_out(out, &line.render(locale_of(args))?)?;
            Err(IoStop::Input(why))
        }
        (result, _) => result,
    }
}

fn send(args: &ArgMatches, out: &mut impl Write) -> Result<u8, IoStop> {
    // The key is read first, so that nothing printed below (the request's
    // violations, an identifier) shows a piece of one from `--key-file`;
    // a key that cannot be read is said after the request is checked, so
    // that an invalid request is reported without one.
    let key = secret_key(args);
    let ctx = context(args)?.unwrap_or_default();
    user_ids(args, "identifier", "identifier")?;
    let file = args.get_one::<PathBuf>("file").expect("required");
    let locale = locale_of(args);
    let name = Name::of(file, locale);
    let max = *args
        .get_one::<u64>("max-input-bytes")
        .expect("clap gives its default");
    let format = Format::of(args);
    // The key read from the stream the request is read from: it took the
    // request, or the request what was left of it (helper-183: `send -
    // --key-file /dev/stdin` said the request was not JSON). The key
    // file's name is not quoted: it may be the key, given there by mistake.
    if let Some(key_file) = args.get_one::<PathBuf>("key-file") {
        let both = [file.clone(), key_file.clone()];
        if (stdin_by_name(file) && stdin_by_name(key_file)) || one_stream_twice(&both).is_some() {
            return Err(IoStop::Input(Say(locale).pick(
                "the request and --key-file are one stream (standard input, a pipe or a terminal), \
                 which can be read once: give the key in DESK_SCHEMA_SECRET_KEY or a file of its own",
                "请求与 --key-file 是同一个流（标准输入、管道或终端），只能读取一次：\
                 请用 DESK_SCHEMA_SECRET_KEY 或单独的文件给出密钥",
            )));
        }
    }
    let text = read_input(file, &name, max, crate::Words(locale))?;
    let checked = match std::str::from_utf8(&text) {
        Ok(text) => Valid::<CreateGroupRequest>::from_json_str_with(text, &ctx),
        Err(e) => Err(Report::not_utf8(&e)),
    };
    let request = match checked {
        Ok(request) => request,
        Err(report) => return invalid_request(&report, &format, locale, out).map(|()| 1),
    };
    let key = key?;
    let sdkappid = *args.get_one::<u64>("sdkappid").expect("required");
    let identifier = args.get_one::<String>("identifier").expect("required");
    // Read as `u32` (a range of `u32` says `-3 is not in 1..=3600`, where
    // one of `u64` says `invalid digit`).
    let seconds = |name| {
        Duration::from_secs(u64::from(
            *args.get_one::<u32>(name).expect("has a default"),
        ))
    };
    let mut builder = Client::builder(sdkappid, identifier.as_str(), key)
        .time_budget(seconds("time-budget"))
        .attempt_timeout(seconds("attempt-timeout"))
        .max_attempts(*args.get_one::<u32>("max-attempts").expect("has a default"));
    if let Some(endpoint) = args.get_one::<Endpoint>("endpoint") {
        builder = builder.endpoint(endpoint.clone());
    }
    let client = builder
        .build()
        .map_err(|e| IoStop::Input(e.localized(locale).to_string()))?;
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| {
            IoStop::Input(match locale {
                Locale::ZhCn => format!("无法启动异步运行时：{}", crate::Words::system_zh(&e)),
                _ => format!("cannot start the runtime: {e}"),
            })
        })?;
    let sent = runtime.block_on(client.create_group(&request));
    let status = match (sent.creation(), &sent.outcome) {
        (Creation::Created, _) => 0,
        (Creation::Unconfirmed, _) => 3,
        // Nothing was sent: no connection made.
        (Creation::NotCreated, Outcome::Transport(_)) => 2,
        (Creation::NotCreated, _) => 1,
    };
    let line = match format {
        Format::Json => json_line(&sent, locale)?,
        // As the JSON line is screened (`json_line`): no piece of the key,
        // whether the server's answer or the group ID holds it.
        Format::Text => crate::secret::without_the_key(
            &text_line(&sent, locale),
            crate::secret::not_shown(locale),
        )
        .into_owned(),
    };
    // The group may now exist: an outcome stdout cannot take (a closed pipe,
    // a full disk) is said on stderr, and the status stays the outcome's, so
    // that a script does not read "I/O error" and send the request again.
    match write_out(out, &line).and_then(|()| out.flush().map_err(IoStop::Output)) {
        Err(IoStop::Output(e)) => {
            let said = match locale {
                Locale::ZhCn => format!(
                    "desk-schema: 无法写出结果（{}）；结果：\n{line}",
                    crate::Words::write_zh(&e)
                ),
                _ => format!("desk-schema: cannot write output ({e}); the outcome:\n{line}"),
            };
            let _ = std::io::stderr().write_all(said.as_bytes());
            Err(IoStop::Said(status))
        }
        written => written.map(|()| status),
    }
}

fn invalid_request(
    report: &Report,
    format: &Format,
    locale: Locale,
    out: &mut impl Write,
) -> Result<(), IoStop> {
    // Screened as `validate` screens a request's report: no piece of the
    // key, and no string that may hold a UserSig (a property's name), in
    // JSON and in text (helper-185: `send` showed what `validate` hid).
    let text = match format {
        Format::Json => crate::report_json_line(
            &Line {
                outcome: "invalid_request",
                errors: Some(report.localized(locale)),
                format_version: 1,
                ..Line::default()
            },
            locale,
        )?,
        Format::Text => {
            let (n, shown) = (report.len(), report.localized(locale));
            let text = match locale {
                Locale::ZhCn => format!("{shown}\n无效：{n} 个问题；未发送\n"),
                _ => format!(
                    "{shown}\ninvalid: {n} {}; not sent\n",
                    if n == 1 { "problem" } else { "problems" }
                ),
            };
            let mark = crate::secret::not_shown(locale);
            let text = crate::secret::without_usersigs(&text, mark);
            crate::secret::without_the_key(&text, mark).into_owned()
        }
    };
    write_out(out, &text)
}

/// Whether an attempt before the last may have made the group
/// ([`Sent::earlier_unknown`]), where the last outcome leaves that open:
/// not after a creation. 10021 ("used by others") does not settle it
/// either: Tencent says 10025 ("used by yourself") where the caller is the
/// group's owner, and a group an earlier attempt made with another
/// `Owner_Account` is not the administrator's (helper-183).
fn earlier_unknown(sent: &Sent) -> bool {
    let settled = matches!(
        &sent.outcome,
        Outcome::Created { .. } | Outcome::CreatedEarlier { .. }
    );
    sent.earlier_unknown && !settled
}

fn text_line(sent: &Sent, locale: Locale) -> String {
    let zh = locale == Locale::ZhCn;
    let attempts = match (sent.attempts, zh) {
        (n, true) => format!("（尝试 {n} 次）"),
        (1, false) => " (1 attempt)".to_owned(),
        (n, false) => format!(" ({n} attempts)"),
    };
    let outcome = sent.outcome.localized(locale);
    let creation = sent.creation();
    let earlier_unknown = earlier_unknown(sent);
    // The last outcome alone says no group was made (a refusal, nothing
    // sent): when an earlier attempt's is unknown, the line says that one
    // is what to check, not this one.
    let refused = sent.outcome.made_no_group();
    let not_created = match (creation == Creation::NotCreated, zh) {
        (true, true) => "未创建：",
        (true, false) => "not created: ",
        (false, true) => "未确认是否创建：",
        (false, false) => "not confirmed: ",
    };
    // Whatever is not confirmed says what to do: an earlier attempt's
    // outcome, or this one's, is unknown.
    let earlier = match (refused, earlier_unknown, zh) {
        (true, false, _) => "",
        (true, true, true) => {
            "\n之前的一次尝试结果未知（无应答、HTTP 5xx 或服务端自身失败），群组可能已创建；请先查询该群组是否已存在，再决定是否重新创建"
        }
        (true, true, false) => {
            "\nan earlier attempt's outcome is unknown (no response, HTTP 5xx or the server's own \
             failure): the group may exist; look it up before making it again"
        }
        (false, _, true) => {
            "\n请求可能已送达服务端，群组可能已创建；请先查询该群组是否已存在，再决定是否重新创建"
        }
        (false, _, false) => {
            "\nthe request may have reached the server: the group may exist; look it up before \
             making it again"
        }
    };
    match &sent.outcome {
        Outcome::Created { .. } | Outcome::CreatedEarlier { .. } => {
            format!("{outcome}{attempts}\n")
        }
        Outcome::Api(e) => {
            let advice = match (e.code.info(), zh) {
                (Some(info), true) => {
                    format!("\n腾讯对该错误码的建议：{}", info.retry.localized(locale))
                }
                (Some(info), false) => format!("\nTencent's advice for this code: {}", info.retry),
                (None, _) => String::new(),
            };
            // What to check first, then Tencent's advice for the code.
            format!("{not_created}{outcome}{attempts}{earlier}{advice}\n")
        }
        _ => format!("{not_created}{outcome}{attempts}{earlier}\n"),
    }
}

/// One line of `--format json`, its keys in a fixed order.
#[derive(Default, serde::Serialize)]
struct Line<'a> {
    outcome: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    group_id: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    error_code: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    error_info: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    name: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    meaning: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    status: Option<u16>,
    #[serde(skip_serializing_if = "Option::is_none")]
    kind: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    errors: Option<desk_schema::Localized<'a>>,
    /// After a call: whether it made the group ([`Sent::creation`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    creation: Option<&'static str>,
    /// Only when true: an earlier attempt may have made the group.
    #[serde(skip_serializing_if = "core::ops::Not::not")]
    earlier_unknown: bool,
    attempts: u32,
    format_version: u32,
}

impl Line<'_> {
    fn render(&self, locale: Locale) -> Result<String, IoStop> {
        crate::json_line(self, locale)
    }
}

fn json_line(sent: &Sent, locale: Locale) -> Result<String, IoStop> {
    let line = match &sent.outcome {
        Outcome::Created { group_id } => Line {
            outcome: "created",
            group_id: Some(group_id),
            ..Line::default()
        },
        Outcome::CreatedEarlier { group_id } => Line {
            outcome: "created_earlier",
            group_id: Some(group_id),
            ..Line::default()
        },
        Outcome::Api(e) => Line {
            outcome: "api_error",
            error_code: Some(e.code.0),
            error_info: Some(&e.info),
            name: e.code.info().map(|i| i.name),
            meaning: e.code.info().map(|i| i.meaning_in(locale)),
            ..Line::default()
        },
        Outcome::Http { status } => Line {
            outcome: "http_error",
            status: Some(*status),
            ..Line::default()
        },
        Outcome::InvalidResponse(report) => Line {
            outcome: "invalid_response",
            errors: Some(report.localized(locale)),
            ..Line::default()
        },
        Outcome::Transport(e) => Line {
            outcome: "transport_error",
            kind: Some(match e.kind {
                TransportErrorKind::Connect => "connect",
                TransportErrorKind::Tls => "tls",
                TransportErrorKind::Timeout => "timeout",
                _ => "other",
            }),
            error: Some(e.localized(locale).to_string()),
            ..Line::default()
        },
        other => Line {
            outcome: "other",
            error: Some(other.localized(locale).to_string()),
            ..Line::default()
        },
    };
    Line {
        creation: Some(match sent.creation() {
            Creation::Created => "created",
            Creation::NotCreated => "not_created",
            Creation::Unconfirmed => "unconfirmed",
        }),
        earlier_unknown: earlier_unknown(sent),
        attempts: sent.attempts,
        format_version: 1,
        ..line
    }
    .render(locale)
}
