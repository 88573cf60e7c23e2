//! `desk-schema`: check a create_group request, or print the JSON Schemas.
//!
//! Exit status: 0 valid, 1 invalid (malformed JSON included), 2 usage or I/O error.
#![forbid(unsafe_code)]

use std::io::{self, Read, Write};
use std::process::ExitCode;

use desk_schema::create_group::{self, CreateGroupRequest, DeskContext};
use desk_schema::{Report, from_json_str_with, to_pretty_json};

const USAGE: &str = "\
Check Tencent Cloud Desk create_group requests, exactly as the API counts (UTF-8 bytes).

Usage:
  desk-schema validate [FILE|-] [--format text|json] [--customer-service-account ID]... [--max-input-bytes N]
  desk-schema schema [request|response]
  desk-schema help [validate|schema]
  desk-schema --version

Run `desk-schema help validate` or `desk-schema help schema` for details.
";

const VALIDATE_HELP: &str = "\
Check a create_group request body (JSON) against every documented rule.

Usage:
  desk-schema validate [FILE|-] [OPTIONS]

Arguments:
  FILE    the request body; `-` or nothing reads standard input

Options:
  --format text|json               text: a line per violation (default);
                                   json: {\"valid\": bool, \"errors\": [...],
                                   \"format_version\": 1}
  --customer-service-account ID    an account that counts as the customer service
                                   account (repeat for several; default
                                   @customer_service_account)
  --max-input-bytes N              refuse input larger than N bytes (default 1048576)
  -h, --help                       this help
  --                               the next argument is FILE, even if it starts with `-`

Options also take their value after `=`: --format=json.

Exit status: 0 valid, 1 invalid (malformed JSON included), 2 usage or I/O error.
";

const SCHEMA_HELP: &str = "\
Print a JSON Schema (draft 2020-12), the same bytes as the committed file.

Usage:
  desk-schema schema [request|response]

  request   desk-schema/schemas/create_group.request.schema.json (default)
  response  desk-schema/schemas/create_group.response.schema.json

Register the keywords x-maxBytes and x-minBytes in your validator: they are
the exact UTF-8 byte limits; maxLength and minLength are only sound bounds.
";

const DEFAULT_MAX_INPUT: u64 = 1 << 20;

enum Format {
    Text,
    Json,
}

/// Why a command stopped: a mistake in the arguments (the usage follows the
/// message) or a failure to read or write (one line).
enum Stop {
    Usage(String),
    Io(String),
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut stdout = io::stdout().lock();
    let result = match args.first().map(String::as_str) {
        Some("validate") => validate(&args[1..], &mut stdout),
        Some("schema") => schema(&args[1..], &mut stdout),
        Some("help" | "-h" | "--help") => match args.get(1).map(String::as_str) {
            None => write_out(&mut stdout, USAGE).map(|()| 0),
            Some("validate") => write_out(&mut stdout, VALIDATE_HELP).map(|()| 0),
            Some("schema") => write_out(&mut stdout, SCHEMA_HELP).map(|()| 0),
            Some(other) => Err(Stop::Usage(format!(
                "no help on `{other}`: try `validate` or `schema`"
            ))),
        },
        Some("-V" | "--version") => write_out(
            &mut stdout,
            concat!("desk-schema ", env!("CARGO_PKG_VERSION"), "\n"),
        )
        .map(|()| 0),
        Some(other) => Err(Stop::Usage(format!("unknown command `{other}`"))),
        None => Err(Stop::Usage("a command is needed".into())),
    };
    match result {
        Ok(code) => ExitCode::from(code),
        Err(Stop::Usage(message)) => {
            let _ = writeln!(io::stderr(), "desk-schema: {message}\n\n{USAGE}");
            ExitCode::from(2)
        }
        Err(Stop::Io(message)) => {
            let _ = writeln!(io::stderr(), "desk-schema: {message}");
            ExitCode::from(2)
        }
    }
}

fn write_out(out: &mut impl Write, text: &str) -> Result<(), Stop> {
    out.write_all(text.as_bytes())
        .map_err(|e| Stop::Io(format!("cannot write output: {e}")))
}

fn schema(args: &[String], out: &mut impl Write) -> Result<u8, Stop> {
    let schema = match args {
        [] => create_group::request_schema(),
        [flag] if flag == "-h" || flag == "--help" => {
            return write_out(out, SCHEMA_HELP).map(|()| 0);
        }
        [which] if which == "request" => create_group::request_schema(),
        [which] if which == "response" => create_group::response_schema(),
        _ => {
            return Err(Stop::Usage(format!(
                "`schema` takes `request` or `response`, not `{}`",
                args.join(" ")
            )));
        }
    };
    write_out(out, &to_pretty_json(&schema)).map(|()| 0)
}

fn validate(args: &[String], out: &mut impl Write) -> Result<u8, Stop> {
    let mut format = Format::Text;
    let mut accounts: Vec<String> = Vec::new();
    let mut max_input = DEFAULT_MAX_INPUT;
    // `--name=value` is `--name value`; after `--`, the next argument is FILE.
    let mut split: Vec<String> = Vec::new();
    let mut rest = false;
    for arg in args {
        match arg.split_once('=') {
            Some((name, v)) if !rest && name.starts_with("--") => {
                split.push(name.to_owned());
                split.push(v.to_owned());
            }
            _ => {
                rest |= arg == "--";
                split.push(arg.clone());
            }
        }
    }
    let mut files: Vec<String> = Vec::new();
    let mut it = split.iter();
    let mut only_files = false;
    while let Some(arg) = it.next() {
        if only_files {
            files.push(arg.clone());
            continue;
        }
        let mut value = |name: &str| {
            it.next()
                .map(String::as_str)
                .ok_or_else(|| Stop::Usage(format!("`{name}` needs a value")))
        };
        match arg.as_str() {
            "-h" | "--help" => return write_out(out, VALIDATE_HELP).map(|()| 0),
            "--" => only_files = true,
            "--format" => {
                format = match value("--format")? {
                    "text" => Format::Text,
                    "json" => Format::Json,
                    other => {
                        return Err(Stop::Usage(format!(
                            "`--format` is `text` or `json`, not `{other}`"
                        )));
                    }
                }
            }
            "--customer-service-account" => {
                accounts.push(value("--customer-service-account")?.to_owned())
            }
            "--max-input-bytes" => {
                let v = value("--max-input-bytes")?;
                max_input = v.parse().map_err(|_| {
                    Stop::Usage(format!(
                        "`--max-input-bytes` takes a whole number, not `{v}`"
                    ))
                })?;
            }
            flag if flag.starts_with('-') && flag != "-" => {
                return Err(Stop::Usage(format!(
                    "unknown option `{flag}` (a file whose name starts with `-` goes after `--`)"
                )));
            }
            path => files.push(path.to_owned()),
        }
    }
    if files.len() > 1 {
        return Err(Stop::Usage(format!(
            "unexpected argument `{}`: one FILE at most",
            files[1]
        )));
    }
    let file = files.first().map(String::as_str);
    let ctx = if accounts.is_empty() {
        DeskContext::default()
    } else {
        DeskContext::with_accounts(accounts)
    };
    let text = read_input(file.unwrap_or("-"), max_input)?;
    let report = match std::str::from_utf8(&text) {
        Ok(text) => from_json_str_with::<CreateGroupRequest>(text, &ctx).err(),
        Err(e) => Some(not_utf8(&e)),
    };
    let rendered = match (&format, &report) {
        (Format::Json, report) => {
            // `valid` first, then `errors`: a stable, documented order.
            #[derive(serde::Serialize)]
            struct Output<'a> {
                valid: bool,
                errors: &'a [desk_schema::Violation],
                /// Raised when a key is renamed or removed; new keys may
                /// appear without it.
                format_version: u32,
            }
            let body = Output {
                valid: report.is_none(),
                errors: report.as_ref().map_or(&[], |r| r.violations()),
                format_version: 1,
            };
            let text = serde_json::to_string(&body)
                .map_err(|e| Stop::Io(format!("cannot write output: {e}")))?;
            format!("{text}\n")
        }
        (Format::Text, None) => "valid\n".to_owned(),
        (Format::Text, Some(report)) => {
            let n = report.len();
            format!(
                "{report}\ninvalid: {n} {}\n",
                if n == 1 { "problem" } else { "problems" }
            )
        }
    };
    write_out(out, &rendered)?;
    Ok(if report.is_none() { 0 } else { 1 })
}

fn not_utf8(e: &std::str::Utf8Error) -> Report {
    let mut report = Report::new();
    report.push(
        &desk_schema::Path::Root,
        desk_schema::Kind::custom(
            "syntax",
            format!(
                "not UTF-8: invalid byte sequence at byte {}",
                e.valid_up_to()
            ),
        ),
    );
    report
}

/// Reads at most `max` bytes; a larger input is refused before it is read whole.
fn read_input(path: &str, max: u64) -> Result<Vec<u8>, Stop> {
    let mut buf = Vec::new();
    if path == "-" && io::IsTerminal::is_terminal(&io::stdin()) {
        let _ = writeln!(
            io::stderr(),
            "desk-schema: reading the request from the terminal; end it with Ctrl-D"
        );
    }
    let (name, read) = if path == "-" {
        (
            "standard input".to_owned(),
            io::stdin()
                .lock()
                .take(max.saturating_add(1))
                .read_to_end(&mut buf),
        )
    } else {
        let file =
            std::fs::File::open(path).map_err(|e| Stop::Io(format!("cannot read {path}: {e}")))?;
        (
            path.to_owned(),
            file.take(max.saturating_add(1)).read_to_end(&mut buf),
        )
    };
    read.map_err(|e| Stop::Io(format!("cannot read {name}: {e}")))?;
    if buf.len() as u64 > max {
        return Err(Stop::Io(format!(
            "{name} is larger than {max} bytes; raise --max-input-bytes to check it"
        )));
    }
    Ok(buf)
}
