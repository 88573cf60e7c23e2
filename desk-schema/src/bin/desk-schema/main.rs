//! `desk-schema`: check `create_group` requests, or print the JSON Schemas.
//!
//! Exit status: 0 valid, 1 invalid (malformed JSON included), 2 usage or I/O
//! error; `send` has its own (`desk-schema send --help`).
#![forbid(unsafe_code)]

use std::ffi::OsString;
use std::fmt::Write as _;
use std::io::{self, BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Arg, ArgAction, ArgMatches, Command, value_parser};
use desk_schema::create_group::{self, CreateGroupRequest, CreateGroupResponse, DeskContext};
use desk_schema::text::{escaped, quoted, without_userinfo};
use desk_schema::{Locale, Report, from_json_str, from_json_str_with, to_pretty_json};

mod help_zh;
mod secret;
#[cfg(feature = "client")]
mod send;
#[cfg(not(feature = "client"))]
#[path = "send_unavailable.rs"]
mod send;
mod usage;

const DEFAULT_MAX_INPUT: &str = "1048576";

const EXIT_STATUS: &str = "\
Exit status: 0 valid, 1 invalid (malformed JSON included), 2 usage or I/O error;
`send` exits 0 created, 1 not created (invalid, or refused), 2 usage, I/O or no
connection, 3 not confirmed (the group may exist: look it up before sending again).

Messages and help in Simplified Chinese: --lang zh-CN, DESK_SCHEMA_LANG=zh-CN, or a
Chinese locale (LANG=zh_CN.UTF-8) where neither is given.";

const VALIDATE_AFTER: &str = "\
Output:
  text  one input: a line per violation, then `invalid: N problems` (or `valid`);
        several inputs or --jsonl: `SOURCE: PATH: message` per violation and
        `SOURCE: valid` per valid request, where SOURCE is the file, or
        FILE:LINE with --jsonl; then `N checked: ...`. With --lang zh-CN all
        of it is in Chinese (`有效`, `无效：N 个问题`, `共检查 N 个：...`)
  json  one input: {\"valid\", \"errors\", \"format_version\": 1} on one line;
        several inputs or --jsonl: one such object per request (JSON Lines),
        with \"file\" (and \"line\" for --jsonl) after \"errors\"; an input that
        cannot be read is {\"file\", \"error\", \"format_version\": 1}, and a
        --jsonl line over --max-input-bytes {\"file\", \"line\", \"error\", ...}
        in its place

Each error is {\"path\", \"code\", \"message\", ...figures}, path a JSON Pointer;
one whose message is its own words (a create_group rule's, or a value that
does not read as its type) also has
\"messages\": {\"en\", \"zh-CN\"}, the message in each language.
format_version is raised when a key is renamed or removed; new keys may appear
without it.

Exit status: 0 every request valid, 1 any invalid (malformed JSON included),
2 usage or I/O error (the other inputs are still checked).";

const SCHEMA_AFTER: &str = "\
Without --customer-service-account, the output is the committed file
(desk-schema/schemas/create_group.{request,response}.schema.json), byte for byte.

Register x-maxBytes, x-minBytes and the other x- keywords in your validator
(the npm package's addDeskKeywords does): they are the exact rules; maxLength
and minLength are only sound bounds.";

fn accounts_arg() -> Arg {
    Arg::new("account")
        .long("customer-service-account")
        .value_name("ID")
        .action(ArgAction::Append)
        .help("An account that counts as the customer service account; repeat for several (they replace the default: give it too to keep it); one starting with '-' as --customer-service-account=-ID [default: @customer_service_account]")
}

fn format_arg() -> Arg {
    Arg::new("format")
        .long("format")
        .value_name("FORMAT")
        .value_parser(["text", "json"])
        .default_value("text")
        .help("Report as text or JSON")
}

pub(crate) fn lang_arg() -> Arg {
    Arg::new("lang")
        .long("lang")
        .value_name("LANG")
        // `Locale`'s own reading (`zh`, `zh_CN`, `zh-Hans`, ...), as the
        // crate and the npm package read a tag.
        .value_parser(|tag: &str| {
            tag.parse::<Locale>()
                .map(|l| l.tag().to_owned())
                .map_err(|_| usage::LANG_EXPECTED.to_owned())
        })
        .default_value("en")
        // The help says what stands without it: the variable, the locale,
        // then `en`.
        .hide_default_value(true)
        // Given twice, the last stands (as `usage::asks_chinese` reads
        // the line, and the command's own stands over the one before it).
        .overrides_with("lang")
        .help(
            "The language of the messages: en or zh-CN (Simplified Chinese); \
             without it, DESK_SCHEMA_LANG's value when set, else the locale's \
             (LC_ALL, LC_MESSAGES or LANG: zh_CN.UTF-8 is zh-CN), else en",
        )
}

/// `--lang` before the command (`desk-schema --lang zh-CN validate`): the
/// language of the help and of a command without a `--lang` of its own
/// after it. Set once the line is parsed.
static LANG_BEFORE_THE_COMMAND: std::sync::OnceLock<Option<String>> = std::sync::OnceLock::new();

/// `--lang` as given (the command's, else the one before the command),
/// else `DESK_SCHEMA_LANG` (which `main` has found readable, or unset or
/// empty), else the system's locale (`usage::system_locale`).
pub(crate) fn locale_of(args: &ArgMatches) -> Locale {
    match lang_given(args) {
        Some(tag) => tag.parse().unwrap_or_default(),
        // A value `--lang` would refuse names no language: English, as
        // the help and clap's errors are then (`usage::asks_chinese`), not
        // the system's (a command with `--lang` refuses it before this).
        None => match usage::env_locale() {
            Ok(Some(locale)) => locale,
            Ok(None) => usage::system_locale(),
            Err(_) => Locale::En,
        },
    }
}

/// The `--lang` given on the command line: the command's own, if it has
/// one and it was given (it comes later on the line), else the one given
/// before the command.
fn lang_given(args: &ArgMatches) -> Option<&str> {
    own_lang(args).or_else(|| LANG_BEFORE_THE_COMMAND.get()?.as_deref())
}

/// Whether the command `args` were parsed for has a `--lang`: its default
/// puts it among the ids of every match. (Not `try_contains_id`, which
/// says so of any id in a release build: clap checks the id in a debug
/// build only.)
fn has_lang(args: &ArgMatches) -> bool {
    args.ids().any(|id| id.as_str() == "lang")
}

/// The `--lang` of `args` (a command's, or the line's before the command),
/// if it has one and it was given.
fn own_lang(args: &ArgMatches) -> Option<&str> {
    // `value_source` panics (in a debug build) for a command without
    // `--lang`.
    if !has_lang(args) {
        return None;
    }
    (args.value_source("lang") == Some(clap::parser::ValueSource::CommandLine))
        .then(|| args.get_one::<String>("lang").map(String::as_str))
        .flatten()
}

fn sdkappid_arg() -> Arg {
    Arg::new("sdkappid")
        .long("sdkappid")
        .value_name("N")
        // `RequestParams`'s own rule: at least 1 (as for `send`, whose
        // request would refuse 0).
        .value_parser(at_least_one)
        .allow_negative_numbers(true)
        .required(true)
        .help("The app's SDKAppID")
}

fn identifier_arg() -> Arg {
    Arg::new("identifier")
        .long("identifier")
        .value_name("ID")
        .help("The UserID to sign for (an App administrator for REST calls): 1 to 32 bytes of printable ASCII; one starting with '-' as --identifier=-ID")
}

/// A count of 1 or more (clap's own range says `1..18446744073709551615`,
/// which reads as if the largest value were refused).
fn at_least_one(text: &str) -> Result<u64, Box<dyn std::error::Error + Send + Sync>> {
    match text.parse::<u64>() {
        Ok(0) => Err(usage::Zero.into()),
        Ok(n) => Ok(n),
        // A negative number (`-5`, taken as the value): below 1.
        Err(_)
            if text
                .strip_prefix('-')
                .is_some_and(|n| n.parse::<u64>().is_ok()) =>
        {
            Err(usage::Zero.into())
        }
        Err(e) => Err(e.into()),
    }
}

/// The most seconds `--expire` takes: 2^31 - 1 (68 years), the longest
/// Tencent's own libraries read ([`desk_schema::usersig::MAX_EXPIRE`]).
const MAX_EXPIRE: u64 = desk_schema::usersig::MAX_EXPIRE.as_secs();

/// `--expire`: 1 to [`MAX_EXPIRE`] seconds.
fn expire_seconds(text: &str) -> Result<u64, Box<dyn std::error::Error + Send + Sync>> {
    match at_least_one(text)? {
        n if n > MAX_EXPIRE => Err(usage::AtMost {
            max: MAX_EXPIRE,
            why: [
                "68 years, the most Tencent's C++ library reads (a 32-bit int)",
                "约 68 年，腾讯 C++ 库能读的最大值，即 32 位 int 的上限",
            ],
        }
        .into()),
        n => Ok(n),
    }
}

/// The UserIDs given to `--{flag}` (clap's id `id`), each held to the rules
/// of `Member_Account` (1 to 32 bytes of printable ASCII: Chat's UserID
/// rules). One that is not is a usage error, with the rules it breaks, in
/// `--lang`'s language where the command has it; it is quoted as a report
/// quotes a name, so that it cannot rewrite the terminal (checked here
/// rather than by clap, which would print it as it is).
pub(crate) fn user_ids<'a>(
    args: &'a ArgMatches,
    id: &str,
    flag: &str,
) -> Result<Vec<&'a str>, IoStop> {
    use desk_schema::Validate as _;
    let locale = locale_of(args);
    let ids: Vec<&str> = args
        .get_many::<String>(id)
        .map(|ids| ids.map(String::as_str).collect())
        .unwrap_or_default();
    for user_id in &ids {
        // A piece of the secret key pasted here would go out in the URL,
        // or into a UserSig (which `usersig --verify` prints).
        if secret::of_the_key(user_id) {
            let mark = secret::not_shown(locale);
            return Err(IoStop::Input(match locale {
                Locale::ZhCn => format!("--{flag} {mark}：其中含有密钥的一部分；请写 UserID"),
                _ => format!("--{flag} {mark}: it holds a piece of the secret key; give a UserID"),
            }));
        }
        if let Err(report) = create_group::Member::new(*user_id).validate() {
            let why: Vec<String> = report.iter().map(|v| v.message_in(locale)).collect();
            let (not, colon, and) = match locale {
                Locale::ZhCn => ("不是有效的 UserID", "：", "；"),
                _ => ("not a UserID", ": ", "; "),
            };
            let shown = if secret::may_be_credential(user_id) {
                secret::not_shown(locale).to_owned()
            } else {
                quoted(&without_userinfo(user_id)).to_string()
            };
            return Err(IoStop::Input(format!(
                "--{flag} {shown}{colon}{not}{colon}{}",
                why.join(and)
            )));
        }
    }
    Ok(ids)
}

fn key_file_arg() -> Arg {
    Arg::new("key-file")
        .long("key-file")
        .value_name("FILE")
        .value_parser(value_parser!(PathBuf))
        .help("Read the secret key from FILE (else DESK_SCHEMA_SECRET_KEY)")
}

fn max_input_arg() -> Arg {
    Arg::new("max-input-bytes")
        .long("max-input-bytes")
        .value_name("N")
        .value_parser(at_least_one)
        .allow_negative_numbers(true)
        .default_value(DEFAULT_MAX_INPUT)
        .help("Refuse an input (with --jsonl, a line) larger than N bytes")
}

fn command() -> Command {
    Command::new("desk-schema")
        .version(env!("CARGO_PKG_VERSION"))
        .about("Check Tencent Cloud Desk create_group requests, exactly as the API counts (UTF-8 bytes).")
        .after_help(EXIT_STATUS)
        .subcommand_required(true)
        .arg_required_else_help(true)
        .arg(lang_arg().help(
            "The language of the messages and the help: en or zh-CN (Simplified Chinese), \
             for the command after it too unless it is given its own; without it, \
             DESK_SCHEMA_LANG's value when set, else the locale's (LC_ALL, LC_MESSAGES or \
             LANG: zh_CN.UTF-8 is zh-CN), else en",
        ))
        .subcommand(
            Command::new("validate")
                .about("Check create_group request bodies (JSON) against every documented rule, and desk-schema's own")
                .arg(
                    Arg::new("file")
                        .value_name("FILE")
                        .num_args(0..)
                        .value_parser(value_parser!(PathBuf))
                        .help("Request bodies to check; `-` or none reads standard input"),
                )
                .arg(format_arg())
                .arg(lang_arg())
                .arg(
                    Arg::new("response")
                        .long("response")
                        .action(ArgAction::SetTrue)
                        .conflicts_with("account")
                        .help("Check create_group response bodies instead of requests"),
                )
                .arg(
                    Arg::new("jsonl")
                        .long("jsonl")
                        .action(ArgAction::SetTrue)
                        .help("Each input holds one request per line (JSON Lines), read as a stream; blank lines are skipped"),
                )
                .arg(accounts_arg())
                .arg(max_input_arg())
                .after_help(VALIDATE_AFTER),
        )
        .subcommand(
            Command::new("schema")
                .about("Print a JSON Schema (draft 2020-12)")
                .arg(
                    Arg::new("which")
                        .value_name("WHICH")
                        .value_parser(["request", "response"])
                        .default_value("request")
                        .help("The request body or the response body"),
                )
                .arg(accounts_arg())
                .after_help(SCHEMA_AFTER),
        )
        .subcommand(usersig_command())
        .subcommand(send::command())
}

/// `desk-schema usersig`.
fn usersig_command() -> Command {
    Command::new("usersig")
                .about("Print a UserSig (TLSSigAPIv2) for an App administrator, or check one")
                .arg(sdkappid_arg())
                .arg(identifier_arg().required_unless_present("verify"))
                .arg(
                    Arg::new("expire")
                        .long("expire")
                        .value_name("SECONDS")
                        .value_parser(expire_seconds)
                        .allow_negative_numbers(true)
                        .default_value("15552000")
                        // A UserSig checked says its own lifetime.
                        .conflicts_with("verify")
                        .help("How long the UserSig lasts, in seconds: 1 to 2147483647, the most Tencent's C++ library reads (180 days by default)"),
                )
                .arg(key_file_arg())
                .arg(lang_arg())
                .arg(
                    Arg::new("verify")
                        .long("verify")
                        .action(ArgAction::SetTrue)
                        .help("Check the UserSig on standard input (against --identifier too, if given): print its claims as JSON, exit 1 if refused"),
                )
                .after_help(USERSIG_AFTER)
}

const USERSIG_AFTER: &str = "\
The secret key is read from --key-file or the environment variable
DESK_SCHEMA_SECRET_KEY, never from an argument (other users of the machine
can see arguments); it is never printed.";

/// The secret key, from `--key-file` or `DESK_SCHEMA_SECRET_KEY`, without
/// the white space around it (a file's last newline, say).
fn secret_key(args: &ArgMatches) -> Result<desk_schema::usersig::SecretKey, IoStop> {
    let say = Say(locale_of(args));
    // The key, and where it came from (named where it is refused).
    let (key, from) = match args.get_one::<PathBuf>("key-file") {
        // Not the path in the message: a key given by mistake as the path
        // would be printed. A key is short: 64 KiB is refused unread.
        Some(path) => {
            let cannot = |why: String| {
                IoStop::Input(say.pick(
                    format!("cannot read the --key-file: {why}"),
                    format!("无法读取 --key-file：{why}"),
                ))
            };
            // Read once: as the arguments were parsed, or now.
            let kept = KEY_FILE
                .lock()
                .ok()
                .and_then(|mut kept| kept.take())
                .filter(|(kept_path, _)| kept_path == path);
            let bytes = match kept {
                Some((_, read)) => read,
                None => read_key_file(path),
            }
            .map_err(|e| cannot(say.io(&e)))?;
            let key = key_text(&bytes).map_err(|[en, zh]| cannot(say.pick(en, zh)))?;
            (key.to_owned(), "--key-file")
        }
        None => match std::env::var("DESK_SCHEMA_SECRET_KEY") {
            Ok(key) => (key, "DESK_SCHEMA_SECRET_KEY"),
            Err(std::env::VarError::NotUnicode(_)) => {
                return Err(IoStop::Input(say.pick(
                    "DESK_SCHEMA_SECRET_KEY is not UTF-8",
                    "DESK_SCHEMA_SECRET_KEY 不是 UTF-8 文本",
                )));
            }
            Err(std::env::VarError::NotPresent) => {
                return Err(IoStop::Input(say.pick(
                    "no secret key: give --key-file FILE or set DESK_SCHEMA_SECRET_KEY",
                    "没有密钥：请用 --key-file FILE 给出，或设置 DESK_SCHEMA_SECRET_KEY",
                )));
            }
        },
    };
    let key = without_marks(&key);
    if key.is_empty() {
        return Err(IoStop::Input(
            say.pick("the secret key is empty", "密钥为空"),
        ));
    }
    // From here, nothing the CLI prints shows a piece of it (a request's
    // property named by it, an `--identifier`).
    secret::remember_key(key);
    // Tencent's console gives the key as 64 hexadecimal digits: one that
    // holds anything but ASCII letters, digits and marks (a second line, a
    // space, a NUL, a zero-width space) signs UserSigs Tencent refuses
    // (70003), so it is refused here, by kind, the key not shown.
    if let Some(c) = key.chars().find(|c| !c.is_ascii_graphic()) {
        let (en, zh) = match c {
            '\n' | '\r' => ("a line break", "换行"),
            c if c.is_whitespace() => ("white space", "空白字符"),
            c if c.is_control() => ("a control character", "控制字符"),
            _ => ("a character that is not ASCII", "非 ASCII 字符"),
        };
        return Err(IoStop::Input(say.pick(
            format!("the secret key in {from} holds {en} inside it: Tencent's console gives it as 64 hexadecimal digits"),
            format!("{from} 中的密钥内部含有{zh}：腾讯云控制台给出的密钥由 64 个十六进制字符组成"),
        )));
    }
    // `send --endpoint` with the key in it (pasted there by mistake): the
    // host would be looked up, which sends it to a name server.
    #[cfg(feature = "client")]
    if let Ok(Some(endpoint)) =
        args.try_get_one::<desk_schema::create_group::call::Endpoint>("endpoint")
        && secret::holds(&endpoint.to_string(), key)
    {
        let mark = secret::not_shown(say.0);
        return Err(IoStop::Input(say.pick(
            format!("--endpoint {mark}: it holds the secret key; give the REST API host"),
            format!("--endpoint {mark}：其中含有密钥；请写 REST API 主机"),
        )));
    }
    Ok(desk_schema::usersig::SecretKey::new(key))
}

/// A line of the CLI's own in `--lang`'s language (English for a command
/// without `--lang`).
#[derive(Clone, Copy)]
pub(crate) struct Say(pub(crate) Locale);

impl Say {
    /// `en`, or `zh_cn` in Chinese.
    pub(crate) fn pick(self, en: impl Into<String>, zh_cn: impl Into<String>) -> String {
        match self.0 {
            Locale::ZhCn => zh_cn.into(),
            _ => en.into(),
        }
    }

    /// An I/O error as `Words` says it.
    fn io(self, e: &io::Error) -> String {
        match self.0 {
            Locale::ZhCn => Words::io_zh(e),
            _ => e.to_string(),
        }
    }
}

/// `value` as one line of JSON, each character that would hide or reorder
/// the text around it in a terminal (a bidirectional override, a
/// zero-width space; [`escaped`]'s) written as a `\uXXXX` escape, as JSON
/// already writes control characters: the same JSON once parsed, shown as
/// it is where a person reads it (a server's `ErrorInfo`, a property's
/// name in a path). A run of text that holds a piece of the secret key
/// ([`secret::of_the_key`]) is written as the mark that stands for it.
pub(crate) fn json_line(value: &impl serde::Serialize, locale: Locale) -> Result<String, IoStop> {
    json_line_of(value, locale, false)
}

/// [`json_line`] of what `validate` prints of a request or a response, in
/// which a string that may hold a UserSig ([`secret::may_be_usersig`]: a
/// property's name) is written as the not-shown mark too: no UserSig
/// belongs there.
pub(crate) fn report_json_line(
    value: &impl serde::Serialize,
    locale: Locale,
) -> Result<String, IoStop> {
    json_line_of(value, locale, true)
}

/// [`json_line`], with `usersig_too` as [`report_json_line`] has it.
fn json_line_of(
    value: &impl serde::Serialize,
    locale: Locale,
    usersig_too: bool,
) -> Result<String, IoStop> {
    /// `serde_json`'s compact layout, with [`escaped`] on each run of text
    /// between its own escapes (which holds no `"`, `\\` or control
    /// character). Each string is held until it ends: one that holds a
    /// piece of a secret key the CLI was given is written as the not-shown
    /// mark, however its escapes split it (`6878\"84a7`).
    struct Shown {
        /// The string so far, as it will be written.
        written: Vec<u8>,
        /// The string so far, as its text reads.
        text: String,
        /// The not-shown mark, in the line's language.
        mark: &'static str,
        /// Whether a string that may hold a UserSig is not shown either
        /// (not the value of a `file` key: the name of the file read).
        usersig_too: bool,
        /// Whether the string being written is an object's key.
        in_key: bool,
        /// Whether the last object key written is `file`.
        in_file: bool,
    }
    impl serde_json::ser::Formatter for Shown {
        fn begin_string<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
            self.written.clear();
            self.text.clear();
            writer.write_all(b"\"")
        }

        fn write_string_fragment<W: ?Sized + Write>(
            &mut self,
            _: &mut W,
            fragment: &str,
        ) -> io::Result<()> {
            self.text.push_str(fragment);
            write!(self.written, "{}", escaped(fragment))
        }

        fn write_char_escape<W: ?Sized + Write>(
            &mut self,
            _: &mut W,
            escape: serde_json::ser::CharEscape,
        ) -> io::Result<()> {
            use serde_json::ser::CharEscape;
            self.text.push(match escape {
                CharEscape::Quote => '"',
                CharEscape::ReverseSolidus => '\\',
                CharEscape::Solidus => '/',
                CharEscape::Backspace => '\u{8}',
                CharEscape::FormFeed => '\u{c}',
                CharEscape::LineFeed => '\n',
                CharEscape::CarriageReturn => '\r',
                CharEscape::Tab => '\t',
                CharEscape::AsciiControl(byte) => char::from(byte),
            });
            serde_json::ser::CompactFormatter.write_char_escape(&mut self.written, escape)
        }

        fn begin_object_key<W: ?Sized + Write>(
            &mut self,
            writer: &mut W,
            first: bool,
        ) -> io::Result<()> {
            self.in_key = true;
            serde_json::ser::CompactFormatter.begin_object_key(writer, first)
        }

        fn end_object_key<W: ?Sized + Write>(&mut self, _: &mut W) -> io::Result<()> {
            self.in_key = false;
            Ok(())
        }

        fn end_string<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
            if self.in_key {
                self.in_file = self.text == "file";
            }
            // A request's text holding a piece of the secret key is not
            // shown ([`secret::of_the_key`]), nor one that may hold a
            // UserSig where that is asked (not a key, nor a file's name).
            // The whole string is the mark (helper-185: marking only its
            // words showed a UserSig after `usersig= `, and left a message
            // the npm package's `localize` cannot read); the violation's
            // `code` still says what it is.
            let usersig = self.usersig_too
                && !self.in_key
                && !self.in_file
                && secret::may_be_usersig(&self.text);
            if secret::of_the_key(&self.text) || usersig {
                writer.write_all(self.mark.as_bytes())?;
            } else {
                writer.write_all(&self.written)?;
            }
            writer.write_all(b"\"")
        }
    }
    let mut out = Vec::new();
    let shown = Shown {
        written: Vec::new(),
        text: String::new(),
        mark: secret::not_shown(locale),
        usersig_too,
        in_key: false,
        in_file: false,
    };
    let mut serializer = serde_json::Serializer::with_formatter(&mut out, shown);
    value
        .serialize(&mut serializer)
        .map_err(|e| IoStop::Output(io::Error::other(e)))?;
    out.push(b'\n');
    String::from_utf8(out).map_err(|e| IoStop::Output(io::Error::other(e)))
}

/// `text` without the white space and byte order marks around it: a key or
/// a UserSig saved by an editor that writes a BOM (Notepad's UTF-8), or
/// pasted with one, is the same key or UserSig.
fn without_marks(text: &str) -> &str {
    text.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}')
}

/// The `--key-file` as [`remember_the_key_file`] read it, before clap
/// parsed the arguments: its path and what reading it gave, for
/// [`secret_key`] to take once (the file may be a pipe, `--key-file
/// <(vault read ...)` or `/dev/stdin`, which reads once).
static KEY_FILE: std::sync::Mutex<Option<(PathBuf, io::Result<Vec<u8>>)>> =
    std::sync::Mutex::new(None);

/// The text of a key file's bytes, or why it is none, in English and in
/// Chinese: longer than 64 KiB, or not UTF-8.
fn key_text(bytes: &[u8]) -> Result<&str, [&'static str; 2]> {
    if bytes.len() > 64 * 1024 {
        return Err([
            "longer than 64 KiB: not a secret key",
            "超过 64 KiB，不是密钥",
        ]);
    }
    std::str::from_utf8(bytes).map_err(|_| ["not UTF-8", "不是 UTF-8 文本"])
}

/// The bytes of the key file at `path`, up to one past 64 KiB (a key is
/// short: [`secret_key`] refuses more unread).
fn read_key_file(path: &Path) -> io::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .and_then(|f| f.take(64 * 1024 + 1).read_to_end(&mut bytes))
        .map(|_| bytes)
}

/// Reads the keys the arguments name with `--key-file` before clap parses
/// them, so that a usage error, which quotes arguments, shows no piece of
/// any (every one named, before any `--`: clap may stop at another
/// argument before it refuses a second); [`secret_key`] takes what was read
/// of the first (nothing is said here of a file that cannot be read: it
/// says it, where it is asked). A file that is not a regular one (a pipe,
/// which reads once, or may wait for a writer) is read only for `usersig`
/// and `send`, and not beside a request for help or the version.
fn remember_the_key_file(args: &[OsString]) {
    let args = match args.iter().position(|a| a == "--") {
        Some(end) => &args[..end],
        None => args,
    };
    let text = |a: &OsString| a.to_string_lossy().into_owned();
    // After the `--lang VALUE` the line may give before it (helper-143:
    // `--lang en usersig` read `en` as the command, and left a key file on
    // a pipe unread when clap's error quoted a piece of it).
    let command =
        usage::command_at(args.get(1..).unwrap_or_default()).map(|at| text(&args[at + 1]));
    // `-h`, `--help`, `-V`, `--version`, and short flags run together (`-hV`).
    let help = args.iter().map(text).any(|a| {
        a == "--help"
            || a == "--version"
            || (a.starts_with('-') && !a.starts_with("--") && a.contains(['h', 'V']))
    });
    let may_wait = help || !command.is_some_and(|c| c == "usersig" || c == "send");
    let mut named: Vec<PathBuf> = args
        .windows(2)
        .filter(|w| w[0] == "--key-file")
        .map(|w| PathBuf::from(&w[1]))
        .collect();
    named.extend(
        args.iter()
            .filter_map(|a| a.to_str()?.strip_prefix("--key-file=").map(PathBuf::from)),
    );
    let mut keys = Vec::new();
    for path in named {
        if may_wait && !std::fs::metadata(&path).is_ok_and(|m| m.is_file()) {
            continue;
        }
        let read = read_key_file(&path);
        if let Ok(bytes) = &read
            && let Ok(key) = key_text(bytes)
            && !without_marks(key).is_empty()
        {
            keys.push(without_marks(key).to_owned());
        }
        if let Ok(mut kept) = KEY_FILE.lock()
            && kept.is_none()
        {
            *kept = Some((path, read));
        }
    }
    secret::remember_keys(&keys);
}

fn usersig(args: &ArgMatches, out: &mut impl Write) -> Result<u8, IoStop> {
    use desk_schema::usersig;
    let say = Say(locale_of(args));
    // The key is read first, so that the identifier is screened for it too;
    // a key that cannot be read is said after the identifier's error.
    let key = secret_key(args);
    user_ids(args, "identifier", "identifier")?;
    let key = key?;
    let sdkappid = *args.get_one::<u64>("sdkappid").expect("required");
    if args.get_flag("verify") {
        // A UserSig is a few hundred bytes: a larger input is refused unread.
        Words(say.0).notice_terminal("UserSig", " UserSig");
        let mut bytes = Vec::new();
        io::stdin()
            .take(64 * 1024 + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| {
                let why = say.io(&e);
                IoStop::Input(say.pick(
                    format!("cannot read standard input: {why}"),
                    format!("无法读取标准输入：{why}"),
                ))
            })?;
        let refuse = |why: String| {
            // The UserSig's identifier is quoted: no piece of the key.
            let why = secret::without_the_key(&why, secret::not_shown(say.0));
            let _ = writeln!(io::stderr(), "desk-schema: {why}");
            Ok(1)
        };
        if bytes.len() > 64 * 1024 {
            return refuse(say.pick(
                "not a UserSig: longer than 64 KiB",
                "不是 UserSig：超过 64 KiB",
            ));
        }
        let Ok(text) = std::str::from_utf8(&bytes) else {
            return refuse(say.pick("not a UserSig: not UTF-8", "不是 UserSig：不是 UTF-8 文本"));
        };
        let sig = create_group::UserSig::new(without_marks(text));
        let claims = match usersig::verify(&sig, &key, usersig::now()) {
            Ok(claims) => claims,
            Err(e) => return refuse(e.localized(say.0).to_string()),
        };
        if claims.sdkappid != sdkappid {
            return refuse(say.pick(
                format!(
                    "the UserSig is for SDKAppID {}, not {sdkappid}",
                    claims.sdkappid
                ),
                format!(
                    "该 UserSig 属于 SDKAppID {}，不是 {sdkappid}",
                    claims.sdkappid
                ),
            ));
        }
        if let Some(id) = args.get_one::<String>("identifier")
            && *id != claims.identifier
        {
            // The token's text and the user's, quoted as a report quotes a
            // name: neither can hide a character or rewrite the terminal.
            let (theirs, ours) = (quoted(&claims.identifier), quoted(id));
            return refuse(say.pick(
                format!("the UserSig is for identifier {theirs}, not {ours}"),
                format!("该 UserSig 属于 identifier {theirs}，不是 {ours}"),
            ));
        }
        let json = serde_json::json!({
            "identifier": claims.identifier,
            "sdkappid": claims.sdkappid,
            "time": claims.time,
            "expire": claims.expire,
        });
        // An identifier is the token's own text: shown as every JSON line is.
        return write_out(out, &json_line(&json, say.0)?).map(|()| 0);
    }
    let identifier = args.get_one::<String>("identifier").expect("required");
    // At most `MAX_EXPIRE`, so that now plus it is far within `u64`.
    let expire = *args.get_one::<u64>("expire").expect("has a default");
    let sig = usersig::generate(
        sdkappid,
        identifier,
        &key,
        std::time::Duration::from_secs(expire),
    );
    write_out(out, &format!("{}\n", sig.expose())).map(|()| 0)
}

/// A failure to read or write: one line on stderr, exit 2.
enum IoStop {
    /// An input could not be read: reported, and the other inputs are still
    /// checked.
    Input(String),
    /// The output could not be written: nothing more can be said, so
    /// checking stops. A closed pipe (`| head`) ends it without a message.
    Output(io::Error),
    /// The output could not be written after a request was sent: what it
    /// would have said is on stderr, and the process exits with the
    /// outcome's status, as though it had been written (`send`).
    #[cfg(feature = "client")]
    Said(u8),
}

/// clap's usage error, with each argument it quotes shown as the tool's
/// own text shows what came from outside: clap quotes an unknown argument
/// or a refused value as given, so an escape (`--\x1b[2J`), a line break
/// or a URL's password (`--endpoint https://u:pw@host`) would reach the
/// terminal. Each such argument is shown [`escaped`] (a control or
/// invisible character in it; a backslash alone is left as it is), with
/// its userinfo `<redacted>`; any other character clap's text still holds
/// that [`escaped`] would change is escaped line by line. An unexpected
/// argument that is no option (`usersig ... KEY`: a secret key pasted
/// where none is taken), but for one of the tool's own commands (`--
/// validate`), and any argument clap quotes that may be a credential
/// ([`secret::may_be_credential`]: a key given as `--sdkappid`'s value or
/// as a subcommand), is not shown at all.
fn usage_error(error: &clap::Error) -> ! {
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    let help = matches!(
        error.kind(),
        ErrorKind::DisplayHelp | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
    );
    let raw: Vec<_> = std::env::args_os().collect();
    // Help asked for beside a `DESK_SCHEMA_LANG` a command would refuse:
    // the help, in English, and a note that says why (not silently).
    if help && let Err(value) = usage::env_lang_beside_help(&raw) {
        if let Err(e) = error.print() {
            std::process::exit(cannot_write(&e).into());
        }
        let chinese = value.as_deref().is_some_and(usage::names_chinese);
        let value = shown_env_value(value.as_deref());
        let mut stderr = io::stderr().lock();
        let _ = writeln!(
            stderr,
            "note: {} holds {value}, which '--lang' would refuse ({}): this help is in English, and a command with '--lang' refuses it",
            usage::LANG_ENV,
            usage::LANG_EXPECTED,
        );
        if chinese {
            let _ = write!(stderr, "{}", usage::NO_TRADITIONAL_ZH[1]);
        }
        std::process::exit(error.exit_code());
    }
    // Under `--lang zh-CN`, clap's words in Chinese (`usage::in_chinese`).
    let chinese = usage::chinese_asked()
        .then(|| usage::in_chinese(error))
        .flatten();
    let is_chinese = chinese.is_some();
    let text = chinese.unwrap_or_else(|| error.to_string());
    let mut shown = text.clone();
    // Whether the error is about the value of `option` (`--endpoint <URL>`).
    let of_option = |option: &str| {
        matches!(
            error.get(ContextKind::InvalidArg),
            Some(ContextValue::String(arg)) if arg.starts_with(option)
        )
    };
    let endpoint = of_option("--endpoint");
    for (kind, value) in error.context() {
        let raws: &[String] = match value {
            ContextValue::String(raw) => std::slice::from_ref(raw),
            ContextValue::Strings(raws) => raws,
            _ => &[],
        };
        let unexpected =
            error.kind() == ErrorKind::UnknownArgument && kind == ContextKind::InvalidArg;
        let given = matches!(
            kind,
            ContextKind::InvalidArg | ContextKind::InvalidValue | ContextKind::InvalidSubcommand
        );
        for raw in raws {
            let credential = given && secret::may_be_credential(raw);
            // One of the tool's own commands (`-- validate`) is no secret
            // (asked only of an unexpected argument that is no option).
            let ours = || raw == "help" || command().find_subcommand(raw).is_some();
            let safe = if credential || (unexpected && !raw.starts_with('-') && !ours()) {
                secret::NOT_SHOWN[usize::from(is_chinese)].to_owned()
            } else if endpoint && kind == ContextKind::InvalidValue {
                // As the endpoint's own refusal shows it: whatever comes
                // before an `@` there is userinfo (`hunter2@host`).
                desk_schema::create_group::InvalidHost(raw.clone()).shown()
            } else {
                shown_argument(raw)
            };
            if credential {
                // Wherever the text holds it, as given or as Rust's `{:?}`
                // or `quoted` writes it (a value parser's reason may quote
                // it so): a run that long is none of clap's own words.
                let debug = format!("{raw:?}");
                let json = quoted(raw).to_string();
                shown = shown
                    .replace(raw.as_str(), &safe)
                    .replace(&debug[1..debug.len() - 1], &safe)
                    .replace(&json[1..json.len() - 1], &safe);
            }
            // Where clap quotes it (`'ARG'`, and its tip's `'-- ARG'`), so
            // that clap's own words are left alone (`--format $'\n'`).
            if safe != *raw {
                for (from, to) in [("'", "'"), ("'-- ", "'-- ")] {
                    shown = shown.replace(&format!("{from}{raw}'"), &format!("{to}{safe}'"));
                }
            }
        }
    }
    // Whatever form a message put a credential in, no word of it is left.
    shown = secret::without_credentials(&shown, secret::NOT_SHOWN[usize::from(is_chinese)]);
    if shown.split('\n').any(hostile) {
        shown = shown
            .split('\n')
            .map(|line| escaped(line).to_string())
            .collect::<Vec<_>>()
            .join("\n");
    }
    // A `--lang` refused that names Chinese (`zh-TW`): a line in Chinese
    // too, for whoever asked for it (helper-184).
    if !is_chinese
        && of_option("--lang")
        && let Some(ContextValue::String(value)) = error.get(ContextKind::InvalidValue)
        && usage::names_chinese(value)
    {
        let after_first = shown.find('\n').map_or(shown.len(), |at| at + 1);
        shown.insert_str(after_first, usage::NO_TRADITIONAL_ZH[0]);
    }
    if shown == text && !is_chinese {
        // clap's own print, but an output the help or the version could not
        // be written to is said, not exit 0 (clap's `exit` ignores it).
        if let Err(e) = error.print() {
            std::process::exit(cannot_write(&e).into());
        }
        std::process::exit(error.exit_code());
    }
    let _ = write!(io::stderr().lock(), "{shown}");
    std::process::exit(error.exit_code());
}

/// `DESK_SCHEMA_LANG`'s value as its messages show it: the not-shown mark
/// for one shaped like a key, otherwise quoted as an argument is shown
/// (escaped, a URL's userinfo `<redacted>`); `None`, a value that is not
/// UTF-8. (The messages are in English: the variable names no language.)
fn shown_env_value(value: Option<&str>) -> String {
    match value {
        None => "a value that is not UTF-8".to_owned(),
        Some(value) if secret::may_be_credential(value) => secret::NOT_SHOWN[0].to_owned(),
        Some(value) => format!("'{}'", shown_argument(value)),
    }
}

/// Whether [`escaped`] would change `text` other than by doubling a
/// backslash: it holds a control or invisible character.
fn hostile(text: &str) -> bool {
    escaped(text).to_string() != text.replace('\\', "\\\\")
}

/// An argument as a usage error shows it: [`escaped`] when it holds a
/// character that would change the terminal or hide (not for a backslash
/// alone), and a URL's userinfo `<redacted>` ([`without_userinfo`]).
fn shown_argument(raw: &str) -> String {
    if hostile(raw) {
        without_userinfo(&escaped(raw).to_string()).into_owned()
    } else {
        without_userinfo(raw).into_owned()
    }
}

fn main() -> ExitCode {
    // Under `--lang zh-CN`, `--help` in Chinese too.
    let command = if usage::chinese_asked() {
        help_zh::in_chinese(command())
    } else {
        command()
    };
    let args = usage::args();
    if usage::chinese_asked() && usage::asks_help_of_help(&args) {
        let mut out = io::stdout().lock();
        return match out
            .write_all(help_zh::help_of_help().as_bytes())
            .and_then(|()| out.flush())
        {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => cannot_write(&e).into(),
        };
    }
    // First: a piece of the key that an error would quote is then known.
    remember_the_key_file(&args);
    // A `--lang` value it refuses, wherever it is on the line: refused
    // first, in clap's words, whatever else the line asks.
    let raw: Vec<std::ffi::OsString> = std::env::args_os().collect();
    if let Some(line) = usage::refusal_line(&raw)
        && let Err(e) = command.clone().try_get_matches_from(line)
    {
        usage_error(&e);
    }
    let matches = command
        .clone()
        .try_get_matches_from(&args)
        .unwrap_or_else(|e| usage_error(&usage::value_after_option(e, &command, &args)));
    let _ = LANG_BEFORE_THE_COMMAND.set(own_lang(&matches).map(str::to_owned));
    // `DESK_SCHEMA_LANG`, where a command with `--lang` was given none.
    if let Some((name, args)) = matches.subcommand()
        && has_lang(args)
        && lang_given(args).is_none()
        && let Err(value) = usage::env_locale()
    {
        let mut sub = command.find_subcommand(name).cloned().unwrap_or(command);
        let chinese = value.as_deref().is_some_and(usage::names_chinese);
        let shown = value.is_some().then(|| shown_env_value(value.as_deref()));
        usage_error(&usage::bad_env_lang(&mut sub, shown.as_deref(), chinese));
    }
    let stdout = io::stdout().lock();
    let mut out = io::BufWriter::new(stdout);
    let result = match matches.subcommand() {
        Some(("validate", args)) => validate(args, &mut out),
        Some(("schema", args)) => schema(args, &mut out),
        Some(("usersig", args)) => usersig(args, &mut out),
        Some(("send", args)) => send::run(args, &mut out),
        _ => unreachable!("clap requires a subcommand"),
    };
    let result = result.and_then(|code| {
        out.flush().map_err(IoStop::Output)?;
        Ok(code)
    });
    match result {
        Ok(code) => ExitCode::from(code),
        // What stdout would not take is on stderr: not written again as the
        // buffer drops.
        #[cfg(feature = "client")]
        Err(IoStop::Said(code)) => {
            let _ = out.into_parts();
            ExitCode::from(code)
        }
        Err(IoStop::Output(e)) => ExitCode::from(cannot_write(&e)),
        Err(IoStop::Input(message)) => {
            let _ = writeln!(io::stderr(), "desk-schema: {message}");
            ExitCode::from(2)
        }
    }
}

/// Says on stderr that standard output would not take the output (but
/// for a closed pipe, which a reader closed on purpose: `| head`), in the
/// language asked; the exit status, 2.
fn cannot_write(e: &io::Error) -> u8 {
    if e.kind() != io::ErrorKind::BrokenPipe {
        let message = if usage::chinese_asked() {
            format!("无法写出输出：{}", Words::write_zh(e))
        } else {
            format!("cannot write output: {e}")
        };
        let _ = writeln!(io::stderr(), "desk-schema: {message}");
    }
    2
}

fn write_out(out: &mut impl Write, text: &str) -> Result<(), IoStop> {
    out.write_all(text.as_bytes()).map_err(IoStop::Output)
}

/// `--customer-service-account`: `None` when not given.
pub(crate) fn context(args: &ArgMatches) -> Result<Option<DeskContext>, IoStop> {
    let accounts = user_ids(args, "account", "customer-service-account")?;
    Ok((!accounts.is_empty())
        .then(|| DeskContext::with_accounts(accounts.into_iter().map(str::to_owned))))
}

fn schema(args: &ArgMatches, out: &mut impl Write) -> Result<u8, IoStop> {
    let which = args.get_one::<String>("which").map(String::as_str);
    let ctx = context(args)?;
    let schema = match (which, ctx) {
        (Some("response"), None) => create_group::response_schema(),
        (Some("response"), Some(_)) => {
            let said = Say(locale_of(args)).pick(
                "--customer-service-account changes only the request schema",
                "--customer-service-account 只改变请求体的 Schema",
            );
            let _ = writeln!(io::stderr(), "desk-schema: {said}");
            return Ok(2);
        }
        (_, None) => create_group::request_schema(),
        (_, Some(ctx)) => create_group::request_schema_for(&ctx),
    };
    write_out(out, &to_pretty_json(&schema)).map(|()| 0)
}

enum Format {
    Text,
    Json,
}

impl Format {
    /// `--format`.
    fn of(args: &ArgMatches) -> Format {
        match args.get_one::<String>("format").map(String::as_str) {
            Some("json") => Format::Json,
            _ => Format::Text,
        }
    }
}

/// What `validate` was asked to do, shared by every input.
struct Job<'a, W> {
    format: Format,
    locale: Locale,
    ctx: DeskContext,
    max_input: u64,
    /// True when each report names its input (several inputs, or JSON Lines).
    named: bool,
    /// Response bodies (`--response`), not requests.
    response: bool,
    out: &'a mut W,
    /// The worst exit status so far.
    status: u8,
    checked: u64,
    invalid: u64,
    /// Inputs not checked: unreadable, or over `--max-input-bytes`.
    unreadable: u64,
}

/// `report` of the JSON text on line `first` of its file, with a syntax
/// error's line counted in the file (a JSON Lines line holds no newline, so
/// `serde_json` says line 1).
fn in_file_lines(report: &Report, first: u64) -> Report {
    let mut moved = Report::new();
    for v in report.violations() {
        moved.push_violation(match v.kind() {
            desk_schema::Kind::Syntax {
                line,
                column,
                reason,
            } => desk_schema::Violation::new(
                v.path(),
                desk_schema::Kind::Syntax {
                    line: usize::try_from(first).map_or(usize::MAX, |first| {
                        line.saturating_add(first.saturating_sub(1))
                    }),
                    column: *column,
                    reason: reason.clone(),
                },
            ),
            _ => v.clone(),
        });
    }
    moved
}

/// Whether `file` reads standard input's own offset: `-`, and (but on Linux,
/// where opening it opens the file afresh) `/dev/stdin` and `/dev/fd/0`.
pub(crate) fn stdin_by_name(file: &Path) -> bool {
    file == Path::new("-")
        || (!cfg!(any(target_os = "linux", target_os = "android"))
            && ["/dev/stdin", "/dev/fd/0"]
                .iter()
                .any(|name| file == Path::new(name)))
}

/// `file` as a message quotes it: escaped where it holds a control
/// character, as a usage error shows an argument.
fn shown_path(file: &Path) -> String {
    shown_argument(&file.to_string_lossy())
}

/// Two of `files` (the first and the one that repeats it) that name one
/// stream read once under two names: a pipe (a link to `/dev/stdin` beside
/// `-` when standard input is one, a `<(...)` given twice), or standard
/// input's own socket or terminal. Found by device and inode; a regular
/// file, and a device such as `/dev/null`, may be read twice (each name
/// opens it afresh), and a name that cannot be looked at is left to its
/// read to report.
#[cfg(unix)]
pub(crate) fn one_stream_twice(files: &[PathBuf]) -> Option<(&Path, &Path)> {
    use std::io::IsTerminal as _;
    use std::os::fd::AsFd as _;
    use std::os::unix::fs::{FileTypeExt as _, MetadataExt as _};
    // One name (the usual run) repeats nothing: no look at standard input.
    if files.len() < 2 {
        return None;
    }
    let id = |meta: &std::fs::Metadata| (meta.dev(), meta.ino());
    let stdin = io::stdin()
        .as_fd()
        .try_clone_to_owned()
        .ok()
        .and_then(|fd| std::fs::File::from(fd).metadata().ok());
    // Standard input's device when it is read once though not a pipe.
    let stdin_stream = stdin.as_ref().and_then(|meta| {
        let kind = meta.file_type();
        (kind.is_socket() || (kind.is_char_device() && io::stdin().is_terminal())).then(|| id(meta))
    });
    let stream = |file: &Path| {
        let meta = if file == Path::new("-") {
            stdin.clone()?
        } else {
            std::fs::metadata(file).ok()?
        };
        (meta.file_type().is_fifo() || stdin_stream == Some(id(&meta))).then(|| id(&meta))
    };
    let mut seen: Vec<((u64, u64), &Path)> = Vec::new();
    for file in files {
        if let Some(id) = stream(file) {
            if let Some((_, first)) = seen.iter().find(|(seen, _)| *seen == id) {
                return Some((first, file));
            }
            seen.push((id, file));
        }
    }
    None
}

/// Elsewhere, standard input by its names alone.
#[cfg(not(unix))]
pub(crate) fn one_stream_twice(_files: &[PathBuf]) -> Option<(&Path, &Path)> {
    None
}

fn validate(args: &ArgMatches, out: &mut impl Write) -> Result<u8, IoStop> {
    let files: Vec<PathBuf> = args
        .get_many::<PathBuf>("file")
        .map_or_else(|| vec![PathBuf::from("-")], |f| f.cloned().collect());
    // Standard input read twice would be empty the second time, and checked
    // as an empty request: `-` given twice. On Linux a name of it
    // (`/dev/stdin`) opens it afresh: the same stream only when it is one
    // (below); elsewhere such a name shares its offset, so it counts here.
    let stdin = files.iter().filter(|f| stdin_by_name(f)).count();
    if stdin > 1 {
        return Err(IoStop::Input(Say(locale_of(args)).pick(
            format!("`-` (standard input) is given {stdin} times; it can be read once"),
            format!("`-`（标准输入）给了 {stdin} 次；只能读取一次"),
        )));
    }
    // So would any other stream given twice, under another name.
    if let Some((first, second)) = one_stream_twice(&files) {
        let (first, second) = (shown_path(first), shown_path(second));
        let say = Say(locale_of(args));
        return Err(IoStop::Input(if first == second {
            say.pick(
                format!("`{first}` is given twice, and is a stream (standard input, a pipe or a terminal); it can be read once"),
                format!("`{first}` 给了两次，而它是一个流（标准输入、管道或终端）；只能读取一次"),
            )
        } else {
            say.pick(
                format!("`{second}` is the same stream as `{first}` (standard input, a pipe or a terminal); it can be read once"),
                format!("`{second}` 与 `{first}` 是同一个流（标准输入、管道或终端）；只能读取一次"),
            )
        }));
    }
    let jsonl = args.get_flag("jsonl");
    let mut job = Job {
        format: Format::of(args),
        locale: locale_of(args),
        ctx: context(args)?.unwrap_or_default(),
        max_input: *args
            .get_one::<u64>("max-input-bytes")
            .expect("clap gives its default"),
        named: jsonl || files.len() > 1,
        response: args.get_flag("response"),
        out,
        status: 0,
        checked: 0,
        invalid: 0,
        unreadable: 0,
    };
    for file in &files {
        let name = Name::of(file, job.locale);
        let read = if jsonl {
            job.lines(file, &name)
        } else {
            read_input(file, &name, job.max_input, Words(job.locale))
                .and_then(|text| job.check(&text, &name, None))
        };
        match read {
            Ok(()) => {}
            Err(IoStop::Input(message)) => {
                job.unreadable += 1;
                // A program reading the JSON Lines sees the input it lost.
                if matches!(job.format, Format::Json) {
                    job.unreadable_line(&name, None, &message)?;
                }
                job.out.flush().map_err(IoStop::Output)?;
                let _ = writeln!(io::stderr(), "desk-schema: {message}");
                job.status = 2;
            }
            Err(stop) => return Err(stop),
        }
    }
    if job.named && matches!(job.format, Format::Text) {
        let (checked, valid, invalid) = (job.checked, job.checked - job.invalid, job.invalid);
        let mut summary = match job.locale {
            Locale::ZhCn => format!("共检查 {checked} 个：{valid} 个有效，{invalid} 个无效"),
            _ => format!("{checked} checked: {valid} valid, {invalid} invalid"),
        };
        // Inputs that could not be read and lines over the size limit: each
        // says why on its own line; here they are the inputs not checked.
        if job.unreadable > 0 {
            let _ = match job.locale {
                Locale::ZhCn => write!(summary, "，{} 个未检查", job.unreadable),
                _ => write!(summary, ", {} not checked", job.unreadable),
            };
        }
        summary.push('\n');
        write_out(job.out, &summary)?;
    }
    Ok(job.status)
}

impl<W: Write> Job<'_, W> {
    /// Checks one request and writes its report.
    fn check(&mut self, text: &[u8], file: &Name, line: Option<u64>) -> Result<(), IoStop> {
        let report = match std::str::from_utf8(text) {
            Ok(text) if self.response => from_json_str::<CreateGroupResponse>(text).err(),
            Ok(text) => from_json_str_with::<CreateGroupRequest>(text, &self.ctx).err(),
            Err(e) => Some(Report::not_utf8(&e)),
        };
        // A JSON Lines line is one line of its file: a syntax error's line is
        // the file's, as the `FILE:LINE` before it.
        let report = match (report, line) {
            (Some(report), Some(n)) => Some(in_file_lines(&report, n)),
            (report, _) => report,
        };
        self.checked += 1;
        if report.is_some() {
            self.invalid += 1;
            self.status = self.status.max(1);
        }
        let rendered = match &self.format {
            Format::Json => {
                // `valid` first, then `errors`: a stable, documented order.
                #[derive(serde::Serialize)]
                struct Output<'a> {
                    valid: bool,
                    errors: desk_schema::Localized<'a>,
                    #[serde(skip_serializing_if = "Option::is_none")]
                    file: Option<&'a str>,
                    #[serde(skip_serializing_if = "Option::is_none")]
                    line: Option<u64>,
                    /// Raised when a key is renamed or removed; new keys may
                    /// appear without it.
                    format_version: u32,
                }
                let empty = Report::new();
                let body = Output {
                    valid: report.is_none(),
                    errors: report.as_ref().unwrap_or(&empty).localized(self.locale),
                    file: self.named.then_some(&file.json),
                    line,
                    format_version: 1,
                };
                report_json_line(&body, self.locale)?
            }
            Format::Text if self.named => {
                let source = match line {
                    Some(n) => format!("{}:{n}", file.text),
                    None => file.text.clone(),
                };
                match &report {
                    None => format!("{source}: {}\n", valid_word(self.locale)),
                    Some(report) => {
                        let mut out = String::new();
                        let shown = report.localized(self.locale).to_string();
                        let shown =
                            secret::without_usersigs(&shown, secret::not_shown(self.locale));
                        for line in shown.lines() {
                            let _ = writeln!(out, "{source}: {line}");
                        }
                        out
                    }
                }
            }
            Format::Text => match &report {
                None => format!("{}\n", valid_word(self.locale)),
                Some(report) => {
                    let n = report.len();
                    let shown = report.localized(self.locale).to_string();
                    let shown = secret::without_usersigs(&shown, secret::not_shown(self.locale));
                    match self.locale {
                        Locale::ZhCn => format!("{shown}\n无效：{n} 个问题\n"),
                        _ => format!(
                            "{shown}\ninvalid: {n} {}\n",
                            if n == 1 { "problem" } else { "problems" }
                        ),
                    }
                }
            },
        };
        // The request's text in a message (a property's name) that holds a
        // piece of the secret key is not shown, nor one that may hold a
        // UserSig (above: not the file's name); JSON lines see to it in
        // `report_json_line`.
        let rendered = match self.format {
            Format::Json => rendered.into(),
            Format::Text => secret::without_the_key(&rendered, secret::not_shown(self.locale)),
        };
        write_out(self.out, &rendered)
    }

    /// Checks every line of a JSON Lines input as a stream: one line in
    /// memory at a time, a line longer than the limit skipped unread. The
    /// lines left unchecked are said (and counted) whether the file is read
    /// to its end or a read fails after them.
    fn lines(&mut self, path: &Path, name: &Name) -> Result<(), IoStop> {
        let mut too_long = TooLong::default();
        let read = self.read_lines(path, name, &mut too_long);
        if too_long.count > 0 {
            // Each line left unchecked is an input the summary counts
            // unreadable; the operator reads one line for them all.
            self.unreadable += too_long.count;
            self.status = 2;
            let message = Words(self.locale).lines_too_large(name, &too_long, self.max_input);
            self.out.flush().map_err(IoStop::Output)?;
            let _ = writeln!(io::stderr(), "desk-schema: {message}");
        }
        read
    }

    /// [`Job::lines`]' reading and checking; `too_long` counts the lines
    /// over the limit and keeps the first ones' numbers.
    fn read_lines(
        &mut self,
        path: &Path,
        name: &Name,
        too_long: &mut TooLong,
    ) -> Result<(), IoStop> {
        let words = Words(self.locale);
        let cannot = |e: io::Error| IoStop::Input(words.cannot_read(name, &e));
        let mut input = BufReader::with_capacity(1 << 16, open(path, name, words)?);
        let mut buf = Vec::new();
        let mut number = 0u64;
        // The limit is on the line without its end (`\n` or `\r\n`).
        let limit = self.max_input.saturating_add(2);
        loop {
            buf.clear();
            number += 1;
            let n = (&mut input)
                .take(limit)
                .read_until(b'\n', &mut buf)
                .map_err(cannot)?;
            if n == 0 {
                break;
            }
            let cut = buf.last() != Some(&b'\n') && n as u64 >= limit;
            let line = buf.strip_suffix(b"\n").unwrap_or(&buf);
            let line = line.strip_suffix(b"\r").unwrap_or(line);
            // Blank: JSON's white space only (a form feed is not), however long.
            let mut blank = line.iter().all(|&b| is_json_space(b));
            if cut {
                blank &= skip_line(&mut input).map_err(cannot)?;
            }
            if blank {
                continue;
            }
            if cut || line.len() as u64 > self.max_input {
                too_long.add(number);
                // A program reading the JSON Lines sees each line it lost,
                // in its place among the reports.
                if matches!(self.format, Format::Json) {
                    let error = words.line_too_large(name, number, self.max_input);
                    self.unreadable_line(name, Some(number), &error)?;
                }
                continue;
            }
            self.check(line, name, Some(number))?;
        }
        Ok(())
    }

    /// The JSON line of an input (or, with `line`, a JSON Lines line) that
    /// could not be read: `{"file", "line", "error", "format_version"}`.
    fn unreadable_line(
        &mut self,
        name: &Name,
        line: Option<u64>,
        error: &str,
    ) -> Result<(), IoStop> {
        #[derive(serde::Serialize)]
        struct Unreadable<'a> {
            file: &'a str,
            #[serde(skip_serializing_if = "Option::is_none")]
            line: Option<u64>,
            error: &'a str,
            format_version: u32,
        }
        let text = json_line(
            &Unreadable {
                file: &name.json,
                line,
                error,
                format_version: 1,
            },
            self.locale,
        )?;
        write_out(self.out, &text)
    }
}

/// What the text output says of a valid input, in `locale`.
fn valid_word(locale: Locale) -> &'static str {
    match locale {
        Locale::ZhCn => "有效",
        _ => "valid",
    }
}

/// JSON's white space (RFC 8259): space, tab, line feed, carriage return.
fn is_json_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r')
}

/// Reads past the rest of a line without keeping it: whether it was JSON
/// white space only.
fn skip_line(input: &mut impl BufRead) -> io::Result<bool> {
    let mut blank = true;
    loop {
        let chunk = input.fill_buf()?;
        if chunk.is_empty() {
            return Ok(blank);
        }
        if let Some(i) = chunk.iter().position(|&b| b == b'\n') {
            blank &= chunk[..i].iter().all(|&b| is_json_space(b));
            input.consume(i + 1);
            return Ok(blank);
        }
        blank &= chunk.iter().all(|&b| is_json_space(b));
        let n = chunk.len();
        input.consume(n);
    }
}

/// Standard input for `-`, else the file.
fn open(path: &Path, name: &Name, words: Words) -> Result<Box<dyn Read>, IoStop> {
    if path.as_os_str() == "-" {
        words.notice_terminal("request", "请求");
        Ok(Box::new(io::stdin().lock()))
    } else {
        let file =
            std::fs::File::open(path).map_err(|e| IoStop::Input(words.cannot_read(name, &e)))?;
        Ok(Box::new(file))
    }
}

/// Reads at most `max` bytes; a larger input is refused before it is read whole.
fn read_input(path: &Path, name: &Name, max: u64, words: Words) -> Result<Vec<u8>, IoStop> {
    let mut buf = Vec::new();
    open(path, name, words)?
        .take(max.saturating_add(1))
        .read_to_end(&mut buf)
        .map_err(|e| IoStop::Input(words.cannot_read(name, &e)))?;
    if buf.len() as u64 > max {
        return Err(IoStop::Input(words.too_large(name, max)));
    }
    Ok(buf)
}

/// The JSON Lines lines of one input left unchecked, over the size limit:
/// how many, and the first [`TooLong::NAMED`] by number, which the message
/// names so that the operator can find them.
#[derive(Default)]
struct TooLong {
    count: u64,
    named: Vec<u64>,
}

impl TooLong {
    /// How many lines the message names; the rest it counts.
    const NAMED: usize = 5;

    /// Line `number` is over the limit.
    fn add(&mut self, number: u64) {
        self.count += 1;
        if self.named.len() < Self::NAMED {
            self.named.push(number);
        }
    }
}

/// The CLI's words about reading its inputs, in `--lang`'s language (a
/// command without `--lang` speaks English). An I/O error's own text is the
/// system's, after the kinds an operator meets most, said in Chinese too.
#[derive(Clone, Copy)]
pub(crate) struct Words(pub(crate) Locale);

impl Words {
    /// How a message names the input: standard input for `-`, else its
    /// name as text shows it.
    fn input(self, name: &Name) -> &str {
        match (name.json == "-", self.0) {
            (true, Locale::ZhCn) => "标准输入",
            (true, _) => "standard input",
            (false, _) => &name.text,
        }
    }

    /// [`Words::input`] with a space on each side that meets Chinese
    /// text, as Chinese sets a Latin name (`无法读取 a.json：`), and none
    /// around `标准输入`.
    fn input_zh(name: &Name, before: bool, after: bool) -> String {
        if name.json == "-" {
            return "标准输入".to_owned();
        }
        let (b, a) = (if before { " " } else { "" }, if after { " " } else { "" });
        format!("{b}{}{a}", name.text)
    }

    fn cannot_read(self, name: &Name, e: &io::Error) -> String {
        let input = self.input(name);
        match self.0 {
            Locale::ZhCn => {
                let why = Self::io_zh(e);
                format!("无法读取{}：{why}", Self::input_zh(name, true, false))
            }
            _ => format!("cannot read {input}: {e}"),
        }
    }

    /// An I/O error in Chinese: the kinds an operator meets most, and the
    /// system's own words for any other, said to be so.
    fn io_zh(e: &io::Error) -> String {
        match e.kind() {
            io::ErrorKind::NotFound => "没有这个文件".to_owned(),
            io::ErrorKind::PermissionDenied => "没有读取权限".to_owned(),
            io::ErrorKind::IsADirectory => "这是一个目录".to_owned(),
            io::ErrorKind::NotADirectory => "路径中有一段不是目录".to_owned(),
            io::ErrorKind::InvalidFilename => "文件名过长或无效".to_owned(),
            io::ErrorKind::InvalidData => "内容无法读取".to_owned(),
            _ => Self::system_zh(e),
        }
    }

    /// Why an output could not be written, in Chinese: the kinds an
    /// operator meets, and the system's words for any other.
    pub(crate) fn write_zh(e: &io::Error) -> String {
        match e.kind() {
            io::ErrorKind::StorageFull => "磁盘已满".to_owned(),
            io::ErrorKind::PermissionDenied => "没有写入权限".to_owned(),
            // Rust's own words when a write took nothing (`failed to write
            // whole buffer`), not the system's.
            io::ErrorKind::WriteZero => "输出未能全部写出".to_owned(),
            _ => Self::system_zh(e),
        }
    }

    /// An I/O error of a kind without words of its own, in Chinese: the
    /// system's words, said to be so.
    pub(crate) fn system_zh(e: &io::Error) -> String {
        format!("系统错误：{e}")
    }

    fn too_large(self, name: &Name, max: u64) -> String {
        let input = self.input(name);
        match self.0 {
            Locale::ZhCn => {
                let input = Self::input_zh(name, false, true);
                format!("{input}超过 {max} 字节；调高 --max-input-bytes 才能检查")
            }
            _ => format!("{input} is larger than {max} bytes; raise --max-input-bytes to check it"),
        }
    }

    /// One JSON Lines line left unchecked, line `number` of `name`, for its
    /// JSON line (`--format json`).
    fn line_too_large(self, name: &Name, number: u64, max: u64) -> String {
        match self.0 {
            Locale::ZhCn => format!(
                "{}第 {number} 行超过 {max} 字节，未检查；调高 --max-input-bytes 才能检查",
                Self::input_zh(name, false, true)
            ),
            _ => format!(
                "{}:{number}: the line is larger than {max} bytes, left unchecked; raise --max-input-bytes to check it",
                name.text
            ),
        }
    }

    /// JSON Lines left unchecked: the lines of `too_long`, over `max` bytes,
    /// each named up to [`TooLong::NAMED`], then counted.
    fn lines_too_large(self, name: &Name, too_long: &TooLong, max: u64) -> String {
        let (count, named) = (too_long.count, &too_long.named);
        let more = count - named.len() as u64;
        let mut lines: Vec<String> = named.iter().map(u64::to_string).collect();
        if matches!(self.0, Locale::ZhCn) {
            let input = Self::input_zh(name, false, true);
            let lines = lines.join("、");
            let all = if more > 0 {
                format!("等 {count} 行")
            } else {
                String::new()
            };
            return format!(
                "{input}第 {lines} 行{all}超过 {max} 字节，未检查；调高 --max-input-bytes 才能检查"
            );
        }
        let (file, first) = (&name.text, named[0]);
        if count == 1 {
            return format!(
                "{file}:{first}: 1 line larger than {max} bytes left unchecked; raise --max-input-bytes to check it"
            );
        }
        let last = if more > 0 {
            format!("{more} more")
        } else {
            lines.pop().unwrap_or_default()
        };
        format!(
            "{file}:{first}: {count} lines larger than {max} bytes left unchecked (lines {} and {last}); raise --max-input-bytes to check them",
            lines.join(", "),
        )
    }

    /// Said on stderr when standard input is a terminal: what is read
    /// (`request`/`请求`, `UserSig`), and how to end it.
    fn reading_the_terminal(self, en: &str, zh: &str) -> String {
        match self.0 {
            Locale::ZhCn if cfg!(windows) => format!("正在从终端读取{zh}；按 Ctrl-Z 后回车结束"),
            Locale::ZhCn => format!("正在从终端读取{zh}；按 Ctrl-D 结束"),
            _ if cfg!(windows) => {
                format!("reading the {en} from the terminal; end it with Ctrl-Z, then Enter")
            }
            _ => format!("reading the {en} from the terminal; end it with Ctrl-D"),
        }
    }

    /// Says [`Words::reading_the_terminal`] when standard input is one.
    fn notice_terminal(self, en: &str, zh: &str) {
        if io::IsTerminal::is_terminal(&io::stdin()) {
            let _ = writeln!(
                io::stderr(),
                "desk-schema: {}",
                self.reading_the_terminal(en, zh)
            );
        }
    }
}

/// An input's name, `-` for standard input: as JSON gives it (a name that
/// is not UTF-8 with U+FFFD for each byte that is not), and as the text
/// output shows it: with the characters that could break or disguise a
/// line escaped, as a report's text shows a key
/// ([`desk_schema::text::escaped`]), and each byte that is not UTF-8 as
/// `\xNN`, so that two names never show alike.
pub(crate) struct Name {
    json: String,
    text: String,
}

impl Name {
    /// How the CLI names `path` in `locale`'s language: as given, but a
    /// name that may be a credential (a secret key pasted where a file
    /// goes, [`secret::may_be_credential`]) and names no file is not
    /// shown, nor one that holds the secret key itself or a piece of it
    /// ([`secret::of_the_key`]), file or not; and a URL given where a file
    /// goes, naming none, has its userinfo `<redacted>`, as a usage error
    /// shows an argument.
    pub(crate) fn of(path: &Path, locale: Locale) -> Self {
        let json = path.to_string_lossy().into_owned();
        let no_file = || std::fs::symlink_metadata(path).is_err();
        let hide = secret::of_the_key(&json) || (secret::may_be_credential(&json) && no_file());
        if hide {
            let hidden = secret::not_shown(locale).to_owned();
            return Name {
                json: hidden.clone(),
                text: hidden,
            };
        }
        if let std::borrow::Cow::Owned(redacted) = without_userinfo(&json)
            && no_file()
        {
            let text = escaped(&redacted).to_string();
            return Name {
                json: redacted,
                text,
            };
        }
        #[cfg(unix)]
        let text = {
            use std::os::unix::ffi::OsStrExt;
            let mut text = String::new();
            for chunk in path.as_os_str().as_bytes().utf8_chunks() {
                let _ = write!(text, "{}", escaped(chunk.valid()));
                for byte in chunk.invalid() {
                    let _ = write!(text, "\\x{byte:02x}");
                }
            }
            text
        };
        #[cfg(not(unix))]
        let text = escaped(&json).to_string();
        Name { json, text }
    }
}
