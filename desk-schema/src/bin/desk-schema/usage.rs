//! clap's usage errors in Simplified Chinese, for a command line that asks
//! for `--lang zh-CN`: clap could not parse it, so the language is read
//! from the raw arguments ([`asks_chinese`]), and the message is written
//! from the error's kind and context ([`in_chinese`]), as clap writes its
//! English one. The caller shows each quoted argument safely, as it does
//! clap's own text.

use std::error::Error as _;
use std::ffi::OsString;
use std::fmt::Write as _;

use clap::error::{ContextKind, ContextValue, ErrorKind};

/// A count that must be 1 or more was 0 (`at_least_one`).
#[derive(Debug)]
pub(crate) struct Zero;

impl std::fmt::Display for Zero {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("must be at least 1")
    }
}

impl std::error::Error for Zero {}

/// A number above the most an option takes (`--expire`), with why.
#[derive(Debug)]
pub(crate) struct AtMost {
    /// The most.
    pub(crate) max: u64,
    /// Why, in English and in Chinese.
    pub(crate) why: [&'static str; 2],
}

impl std::fmt::Display for AtMost {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "must be at most {}: {}", self.max, self.why[0])
    }
}

impl std::error::Error for AtMost {}

/// The commands with a `--lang` of their own, as `main`'s `command()`
/// declares them (a test holds the two to one list). `schema` has none (its
/// output has no language): the overview's, given before it, stands for
/// its help and errors, as [`LANG_ENV`] does for every command.
#[cfg(feature = "client")]
pub(crate) const LANG_COMMANDS: &[&str] = &["validate", "send", "usersig"];

/// [`LANG_COMMANDS`] in a build without the client, whose `send` only says
/// how to get it.
#[cfg(not(feature = "client"))]
pub(crate) const LANG_COMMANDS: &[&str] = &["validate", "usersig"];

/// Whether `arg` names one of [`LANG_COMMANDS`].
fn takes_lang(arg: &OsString) -> bool {
    LANG_COMMANDS.iter().any(|c| arg == c)
}

/// The environment variable `--lang` falls back to.
pub(crate) const LANG_ENV: &str = "DESK_SCHEMA_LANG";

/// The value of [`LANG_ENV`], if it is set.
pub(crate) fn lang_env() -> Option<OsString> {
    std::env::var_os(LANG_ENV)
}

/// The language [`LANG_ENV`] names: none when it is unset or empty (as
/// a shell's `DESK_SCHEMA_LANG=` unsets it), or its value when it names
/// none `--lang` takes.
pub(crate) fn env_locale() -> Result<Option<desk_schema::Locale>, Option<String>> {
    match lang_env() {
        None => Ok(None),
        Some(value) if value.is_empty() => Ok(None),
        // Not UTF-8: no value to show (as clap says of `--lang`).
        Some(value) => match value.into_string() {
            Ok(text) => text.parse().map(Some).map_err(|_| Some(text)),
            Err(_) => Err(None),
        },
    }
}

/// The variables of the POSIX locale that choose the language of messages,
/// the first set and not empty standing: `LC_ALL` over `LC_MESSAGES` over
/// `LANG`, as for every program that reads its messages from the locale.
const LOCALE_VARS: [&str; 3] = ["LC_ALL", "LC_MESSAGES", "LANG"];

/// The language of the system's locale, where neither `--lang` nor
/// [`LANG_ENV`] says one ([`locale_of_system`] of this process's
/// environment; a value that is not UTF-8 read as one that names no
/// language, not as unset, as `setlocale` fails on it).
pub(crate) fn system_locale() -> desk_schema::Locale {
    locale_of_system(|name| std::env::var_os(name).map(|v| v.to_string_lossy().into_owned()))
}

/// The language of messages a POSIX locale asks for, as gettext picks a
/// catalog (its variables read by `var`): the `C` or `POSIX` locale, or
/// none set, is English; else the first entry of `LANGUAGE` (a list such
/// as `fr:zh_CN:en`) that names a language there are messages in (any
/// `en_*` is English, the messages as written), else the locale's own
/// (`zh_CN.UTF-8`: Simplified Chinese, read as `--lang` reads a tag once
/// the codeset and modifier are left out). Any other locale (`C.UTF-8`,
/// `en_US.UTF-8`, `fr_FR`, Traditional Chinese's `zh_TW`) is English:
/// never an error, as `DESK_SCHEMA_LANG` holding such a value is. So is
/// a terminal whose character set (`LC_ALL`, else `LC_CTYPE`, else `LANG`)
/// is not UTF-8 (`zh_CN.GB18030`, or `zh_CN`, whose set is GB2312): the
/// messages are written in UTF-8, and would not read there. (`LC_CTYPE`
/// may name the set alone, `UTF-8`, as macOS sets it.)
pub(crate) fn locale_of_system(var: impl Fn(&str) -> Option<String>) -> desk_schema::Locale {
    use desk_schema::Locale;
    let set = |names: &[&str]| {
        names
            .iter()
            .find_map(|name| var(name).filter(|v| !v.is_empty()))
    };
    let Some(locale) = set(&LOCALE_VARS) else {
        return Locale::En;
    };
    let utf8 = set(&["LC_ALL", "LC_CTYPE", "LANG"]).is_some_and(|ctype| {
        let ctype = ctype.split('@').next().unwrap_or_default();
        let codeset = ctype.split_once('.').map_or(ctype, |(_, codeset)| codeset);
        codeset.eq_ignore_ascii_case("UTF-8") || codeset.eq_ignore_ascii_case("utf8")
    });
    // gettext reads no `LANGUAGE` for the C locale (named so exactly:
    // `C.UTF-8` is a locale of its own, and reads it).
    if matches!(locale.as_str(), "C" | "POSIX") || !utf8 {
        return Locale::En;
    }
    // A language, from a locale name or an entry of `LANGUAGE`: `None`
    // for one there are no messages in.
    let language = |value: &str| -> Option<Locale> {
        let name = value.split(['.', '@']).next().unwrap_or_default();
        if name == "en" || name.starts_with("en_") || name.starts_with("en-") {
            return Some(Locale::En);
        }
        name.parse().ok()
    };
    if let Some(list) = set(&["LANGUAGE"]) {
        // A list with no language there are messages in: the messages as
        // written, English.
        return list.split(':').find_map(language).unwrap_or_default();
    }
    language(&locale).unwrap_or_default()
}

/// What `--lang` (and [`LANG_ENV`]) take, as its refusal says it.
pub(crate) const LANG_EXPECTED: &str = "expected en or zh-CN (zh, zh_CN, zh-Hans, zh-SG and zh-MY \
     read as zh-CN; there are no Traditional Chinese messages)";

/// [`LANG_EXPECTED`] in Chinese.
const LANG_EXPECTED_ZH: &str =
    "应为 en 或 zh-CN（zh、zh_CN、zh-Hans、zh-SG 和 zh-MY 都读作 zh-CN；没有繁体中文消息）";

/// The usage error for [`LANG_ENV`] holding a value `--lang` would refuse,
/// `shown` as the caller shows it (`None`: not UTF-8; quoted, but a word
/// shaped like a key not shown, a control character escaped, a URL's
/// userinfo redacted),
/// in the words of `--lang`'s own refusal, naming the variable; with
/// `chinese` (the value [`names_chinese`]), a line in Chinese after it.
pub(crate) fn bad_env_lang(
    cmd: &mut clap::Command,
    shown: Option<&str>,
    chinese: bool,
) -> clap::Error {
    let mut message = match shown {
        Some(value) => format!("invalid value {value} for '{LANG_ENV}': {LANG_EXPECTED}\n"),
        None => format!("invalid UTF-8 in '{LANG_ENV}': {LANG_EXPECTED}\n"),
    };
    // A value that names Chinese (`zh-TW`, read as given, not as shown):
    // a line in Chinese too.
    if chinese {
        message.push_str(NO_TRADITIONAL_ZH[1]);
    }
    clap::Error::raw(ErrorKind::ValueValidation, message).with_cmd(cmd)
}

/// Whether a language tag `--lang` refuses names Chinese all the same
/// (`zh-TW`, `zh-Hant`, `ZH_HK`): its reader is told in Chinese too.
pub(crate) fn names_chinese(tag: &str) -> bool {
    let tag = tag.to_ascii_lowercase();
    tag == "zh" || tag.starts_with("zh-") || tag.starts_with("zh_")
}

/// The Chinese line beside the refusal of a tag that [`names_chinese`]:
/// for `--lang`, and for [`LANG_ENV`].
pub(crate) const NO_TRADITIONAL_ZH: [&str; 2] = [
    "没有繁体中文消息：请用 --lang zh-CN（简体中文）或 --lang en\n",
    "没有繁体中文消息：请把 DESK_SCHEMA_LANG 设为 zh-CN（简体中文）或 en\n",
];

/// Whether this process's command line and environment ask for Chinese
/// ([`asks_chinese`], of the command line as given: [`args`] may have
/// taken a `--lang` out of a request for help).
pub(crate) fn chinese_asked() -> bool {
    asks_chinese(std::env::args_os(), lang_env().as_deref(), system_locale())
}

/// This process's arguments, with clap's `help` given a `--lang`
/// ([`help_with_lang`]) read as `--lang VALUE help ...`, and `schema`'s
/// `--lang` read before the command ([`schema_lang_before`]).
pub(crate) fn args() -> Vec<OsString> {
    let args: Vec<OsString> = std::env::args_os().collect();
    let args = help_with_lang(&args).unwrap_or(args);
    schema_lang_before(&args).unwrap_or(args)
}

/// The `--lang`s of some arguments, as clap reads them, and the other
/// arguments in their order: a `--lang` takes the next argument as its
/// value unless that is an option (`-` alone is a value) or a `--`, or
/// there is none (clap then says a value is required); nothing from a `--`
/// on is a `--lang`. The one reading of `--lang` every rewrite here and
/// [`asks_chinese`] make.
#[derive(Default)]
struct Langs {
    /// Each `--lang` with its value, as given (`--lang VALUE`,
    /// `--lang=VALUE`), in order.
    given: Vec<OsString>,
    /// Their values, in order.
    values: Vec<OsString>,
    /// Whether a `--lang` has no value.
    no_value: bool,
    /// The other arguments, in order (a `--lang` without a value among
    /// them), and everything from a `--` on.
    rest: Vec<OsString>,
}

impl Langs {
    fn of(args: &[OsString]) -> Self {
        let mut langs = Langs::default();
        let mut args = args.iter();
        while let Some(arg) = args.next() {
            if arg == "--" {
                langs.rest.push(arg.clone());
                langs.rest.extend(args.by_ref().cloned());
            } else if arg == "--lang" {
                match args.clone().next() {
                    Some(value) if value == "-" || !value.as_encoded_bytes().starts_with(b"-") => {
                        args.next();
                        langs.given.extend([arg.clone(), value.clone()]);
                        langs.values.push(value.clone());
                    }
                    _ => {
                        langs.no_value = true;
                        langs.rest.push(arg.clone());
                    }
                }
            } else if let Some(value) = arg.as_encoded_bytes().strip_prefix(b"--lang=") {
                langs.given.push(arg.clone());
                // As given, bytes that are not UTF-8 too (clap then says so).
                #[cfg(unix)]
                let value = <std::ffi::OsStr as std::os::unix::ffi::OsStrExt>::from_bytes(value)
                    .to_os_string();
                #[cfg(not(unix))]
                let value = OsString::from(String::from_utf8_lossy(value).into_owned());
                langs.values.push(value);
            } else {
                langs.rest.push(arg.clone());
            }
        }
        langs
    }

    /// The language the line names: its last `--lang` value (one `--lang`
    /// refuses, empty too, names none: the line is then refused).
    fn last(&self) -> Option<&OsString> {
        self.values.last()
    }
}

/// Where the command is in `args` (the program left out): the first
/// argument that is no option, nor the value of a `--lang` before it (the
/// only option before a command that takes a value). `None` when there is
/// none before a `--`.
pub(crate) fn command_at(args: &[OsString]) -> Option<usize> {
    let mut at = 0;
    loop {
        match args.get(at)?.as_encoded_bytes() {
            b"--" => return None,
            b"--lang" => at += 2,
            [b'-', ..] => at += 1,
            _ => return Some(at),
        }
    }
}

/// Whether `args` (as [`args`] reads them) ask clap's `help` for its own
/// help, `help help`, and nothing more: clap's words, which
/// `help_zh::help_of_help` writes in Chinese.
pub(crate) fn asks_help_of_help(args: &[OsString]) -> bool {
    let Some((_, args)) = args.split_first() else {
        return false;
    };
    command_at(args).is_some_and(|at| args[at..] == ["help", "help"])
}

/// `schema ... --lang VALUE ...` as `--lang VALUE schema ...`: `schema`
/// has no `--lang` of its own (its output has no language), and the one
/// given before the command is its help's and its errors' (clap would
/// call it an unknown argument, and tip `-- --lang`, a value `schema`
/// refuses). Anything from a `--` on stays where it is; a `--lang` with no
/// value is `--lang` alone, whose error clap says. `None` for any other
/// line.
fn schema_lang_before(args: &[OsString]) -> Option<Vec<OsString>> {
    let (program, args) = args.split_first()?;
    let at = command_at(args)?;
    if args[at] != "schema" {
        return None;
    }
    let langs = Langs::of(&args[at + 1..]);
    let before = args[..at].iter().cloned();
    if langs.no_value {
        // clap's own error for a `--lang` with no value, as before the
        // command (after it, clap would call it unknown and tip `--
        // --lang`, a value `schema` refuses).
        let line = [program.clone()].into_iter().chain(before);
        return Some(line.chain(["--lang".into()]).collect());
    }
    if langs.given.is_empty() {
        return None;
    }
    let line = [program.clone()]
        .into_iter()
        .chain(before)
        .chain(langs.given);
    Some(line.chain([args[at].clone()]).chain(langs.rest).collect())
}

/// For a line that gives a `--lang` value `--lang` refuses (the first such,
/// before a `--`), the line clap refuses it in: `--lang=VALUE` (so that a
/// value starting with `-` is one), after the command when it has a
/// `--lang` of its own (clap then shows its usage). Refused before anything
/// else on the line is read, so that the line is refused whatever it asks
/// (help too) and wherever the value is: clap would show a command's help
/// before it reads a `--lang VALUE` given ahead of the command, and reads
/// none after `--help`.
pub(crate) fn refusal_line(args: &[OsString]) -> Option<Vec<OsString>> {
    let (program, rest) = args.split_first()?;
    let langs = Langs::of(rest);
    let value = langs
        .values
        .into_iter()
        .find(|value| !reads_a_locale(value))?;
    let mut lang = OsString::from("--lang=");
    lang.push(value);
    let command = command_at(rest)
        .map(|at| &rest[at])
        .filter(|c| takes_lang(c));
    Some(
        [program]
            .into_iter()
            .chain(command)
            .cloned()
            .chain([lang])
            .collect(),
    )
}

/// A request for help that gives a `--lang`, as clap reads it: clap's
/// `help` takes command names only, and would call `--lang` an unknown
/// command. `help ... --lang VALUE ...` is read as `--lang VALUE help
/// ...`, the line's `--lang` before the command, the rest as given: clap
/// then answers as it answers the line without the `--lang` (help, or the
/// same error), in that language. A `--lang` with no value is `--lang`,
/// whose error clap says; `--lang VALUE` alone is nothing: the overview,
/// as `desk-schema` alone shows it. Nothing from a `--` on is read. `None`
/// for any other command line.
pub(crate) fn help_with_lang(args: &[OsString]) -> Option<Vec<OsString>> {
    if let Some(overview) = overview_with_lang(args) {
        return Some(overview);
    }
    let (program, args) = args.split_first()?;
    let at = command_at(args)?;
    if args[at] != "help" {
        return None;
    }
    let langs = Langs::of(&args[at + 1..]);
    let mut out: Vec<OsString> = [program].into_iter().chain(&args[..at]).cloned().collect();
    if langs.no_value {
        out.push("--lang".into());
        return Some(out);
    }
    if langs.given.is_empty() {
        return None;
    }
    out.extend(langs.given);
    out.push(args[at].clone());
    out.extend(langs.rest);
    Some(out)
}

/// `--lang VALUE` (or `--lang=VALUE`) alone, each a value `--lang` takes,
/// as nothing: the overview, which clap shows for a line of no arguments
/// (with an option and no command, it would say a command is missing).
fn overview_with_lang(args: &[OsString]) -> Option<Vec<OsString>> {
    let (program, args) = args.split_first()?;
    let langs = Langs::of(args);
    let alone = langs.rest.is_empty() && !langs.values.is_empty();
    (alone && langs.values.iter().all(reads_a_locale)).then(|| vec![program.clone()])
}

/// Whether `value` is a language `--lang` takes.
fn reads_a_locale(value: &OsString) -> bool {
    value
        .to_str()
        .is_some_and(|v| v.parse::<desk_schema::Locale>().is_ok())
}

/// Whether the command line asks for Chinese: its last `--lang` with a
/// value, before a `--`, reads as `zh-CN` (`--lang zh-CN`, `--lang=zh_CN`,
/// as [`desk_schema::Locale`] reads a tag); with no such `--lang`, or when
/// that value is one `--lang` refuses (the line is refused), `env` (the
/// value of [`LANG_ENV`]) does. That is the language of the commands
/// (the command's own `--lang` is later on the line than the one before
/// it, which `main` reads as the command's when it has none), of the help
/// of every command and of the overview, and of clap's errors. The first
/// argument, the program, is not read.
pub(crate) fn asks_chinese(
    args: impl IntoIterator<Item = OsString>,
    env: Option<&std::ffi::OsStr>,
    system: desk_schema::Locale,
) -> bool {
    let reads_chinese = |value: &std::ffi::OsStr| {
        value.to_str().and_then(|v| v.parse().ok()) == Some(desk_schema::Locale::ZhCn)
    };
    // A value `--lang` refuses (the line's refusal) names no language:
    // the environment's then, as for a line without one; the system's
    // locale where the variable is unset or empty.
    match given_lang(args.into_iter().skip(1)).filter(reads_a_locale) {
        Some(value) => reads_chinese(&value),
        None => match env.filter(|v| !v.is_empty()) {
            Some(value) => reads_chinese(value),
            None => system == desk_schema::Locale::ZhCn,
        },
    }
}

/// The value of the last `--lang` given a value in `args` (a command
/// line's, the program left out), before a `--` ([`Langs`]). A `--lang`
/// without a value is clap's error, not a language.
fn given_lang(args: impl IntoIterator<Item = OsString>) -> Option<OsString> {
    let args: Vec<OsString> = args.into_iter().collect();
    Langs::of(&args).last().cloned()
}

/// For help shown for this command line: `Err(value)` when no `--lang` is
/// given and [`LANG_ENV`] holds a value `--lang` would refuse (`None`: not
/// UTF-8), which a command would refuse as a usage error: the help is in
/// English, and the caller says why beside it rather than silently.
pub(crate) fn env_lang_beside_help(args: &[OsString]) -> Result<(), Option<String>> {
    // Every help follows the variable, the overview's and `schema`'s too.
    if given_lang(args.iter().skip(1).cloned()).is_some() {
        return Ok(());
    }
    env_locale().map(|_| ())
}

/// `error` in Chinese, with each argument quoted as given (the caller
/// shows them safely); `None` for a kind with no words here, whose
/// English then stands: the kinds the commands and the overview can give
/// have words (help and version are no errors).
pub(crate) fn in_chinese(error: &clap::Error) -> Option<String> {
    let one = |kind| match error.get(kind) {
        Some(ContextValue::String(text)) => Some(text.as_str()),
        _ => None,
    };
    let many = |kind| match error.get(kind) {
        Some(ContextValue::Strings(texts)) => texts.clone(),
        Some(ContextValue::String(text)) => vec![text.clone()],
        _ => Vec::new(),
    };
    let (arg, value) = (one(ContextKind::InvalidArg), one(ContextKind::InvalidValue));
    let mut text = String::from("错误：");
    match error.kind() {
        ErrorKind::UnknownArgument => write!(text, "未知参数 '{}'", arg?),
        ErrorKind::InvalidSubcommand => {
            write!(
                text,
                "未知子命令 '{}'",
                one(ContextKind::InvalidSubcommand)?
            )
        }
        ErrorKind::InvalidValue => {
            let (arg, value) = (arg?, value?);
            if value.is_empty() {
                write!(text, "'{arg}' 需要一个值，但没有给出")
            } else {
                write!(text, "'{value}' 不是 '{arg}' 的有效值")
            }
            .and_then(|()| list(&mut text, "可选值", &many(ContextKind::ValidValue)))
        }
        ErrorKind::ValueValidation => write!(text, "'{}' 不是 '{}' 的有效值", value?, arg?)
            .and_then(|()| match error.source() {
                Some(why) => write!(text, "：{}", reason(why)),
                None => Ok(()),
            }),
        ErrorKind::TooManyValues => {
            write!(text, "'{}' 不带值，却给了 '{}'", arg?, value?)
        }
        ErrorKind::InvalidUtf8 => write!(text, "参数中有无效的 UTF-8 文本"),
        ErrorKind::MissingSubcommand => write!(
            text,
            "'{}' 需要一个子命令，但没有给出",
            one(ContextKind::InvalidSubcommand)?
        )
        .and_then(|()| list(&mut text, "子命令", &many(ContextKind::ValidSubcommand))),
        ErrorKind::MissingRequiredArgument => {
            let missing = many(ContextKind::InvalidArg);
            if missing.is_empty() {
                return None;
            }
            write!(text, "缺少必需的参数：{}", missing.join("、"))
        }
        ErrorKind::ArgumentConflict => {
            let arg = arg?;
            match error.get(ContextKind::PriorArg) {
                Some(ContextValue::String(prior)) if prior == arg => {
                    write!(text, "参数 '{arg}' 只能给一次")
                }
                Some(ContextValue::String(prior)) => {
                    write!(text, "参数 '{arg}' 不能与 '{prior}' 一起使用")
                }
                _ => return None,
            }
        }
        _ => return None,
    }
    .ok()?;
    for (kind, what) in [
        (ContextKind::SuggestedSubcommand, "子命令"),
        (ContextKind::SuggestedArg, "参数"),
        (ContextKind::SuggestedValue, "值"),
    ] {
        let similar = many(kind);
        if !similar.is_empty() {
            let quoted: Vec<String> = similar.iter().map(|s| format!("'{s}'")).collect();
            let _ = write!(text, "\n\n  提示：有相近的{what}：{}", quoted.join("、"));
        }
    }
    if let Some(ContextValue::StyledStrs(tips)) = error.get(ContextKind::Suggested) {
        for tip in tips {
            let _ = write!(text, "\n\n  提示：{}", tip_in_chinese(&tip.to_string()));
        }
    }
    if let Some(ContextValue::StyledStr(usage)) = error.get(ContextKind::Usage) {
        let usage = usage.to_string();
        let usage = usage.strip_prefix("Usage: ").unwrap_or(&usage);
        let _ = write!(text, "\n\n用法：{usage}");
    }
    text.push_str("\n\n更多信息，请加上 '--help --lang zh-CN' 查看帮助。\n");
    Some(text)
}

/// A bracketed list after a message (`[可选值：text、json]`).
fn list(text: &mut String, name: &str, values: &[String]) -> std::fmt::Result {
    if values.is_empty() {
        return Ok(());
    }
    write!(text, "\n  [{name}：{}]", values.join("、"))
}

/// Why a value was refused, in Chinese where the reason is known: an
/// integer that does not parse, and [`Zero`]; another reason (an
/// endpoint's) in its own words.
fn reason(why: &(dyn std::error::Error + 'static)) -> String {
    use std::num::IntErrorKind;
    if why.downcast_ref::<Zero>().is_some() {
        return "至少为 1".to_owned();
    }
    if let Some(most) = why.downcast_ref::<AtMost>() {
        return format!("不能超过 {}（{}）", most.max, most.why[1]);
    }
    match why
        .downcast_ref::<std::num::ParseIntError>()
        .map(std::num::ParseIntError::kind)
    {
        Some(IntErrorKind::Empty) => "不能为空".to_owned(),
        Some(IntErrorKind::InvalidDigit) => "不是非负整数".to_owned(),
        Some(IntErrorKind::PosOverflow) => "太大".to_owned(),
        _ => {
            // `--endpoint`'s refusal, in the library's own Chinese.
            #[cfg(feature = "client")]
            if let Some(host) = why.downcast_ref::<desk_schema::create_group::call::InvalidHost>() {
                return host.localized(desk_schema::Locale::ZhCn).to_string();
            }
            // clap's range (`0 is not in 1..=3600`).
            let why = why.to_string();
            if why == LANG_EXPECTED {
                return LANG_EXPECTED_ZH.to_owned();
            }
            match why
                .split_once(" is not in ")
                .and_then(|(value, range)| Some((value, range.split_once("..=")?)))
            {
                Some((value, (low, high))) => format!("{value} 不在 {low} 到 {high} 之间"),
                None => why,
            }
        }
    }
}

/// `error`, or, for an argument that starts with `-` right after an option
/// that takes a value (`--identifier -abc`, which clap reads as options),
/// `error` with a tip of ours in place of clap's own (`-- -abc`, which would
/// make it a file): the one that gives it as that value (`--identifier=-abc`)
/// where the option takes free text, else the option's own form (`--lang
/// <LANG>`). Written in Chinese under `--lang zh-CN`.
pub(crate) fn value_after_option(
    mut error: clap::Error,
    command: &clap::Command,
    args: &[OsString],
) -> clap::Error {
    // Not for `--word` (a mistyped option, which clap may name: `--verfy`),
    // nor where clap suggests an option of its own.
    if error.kind() != ErrorKind::UnknownArgument || error.get(ContextKind::SuggestedArg).is_some()
    {
        return error;
    }
    let Some(ContextValue::String(unknown)) = error.get(ContextKind::InvalidArg) else {
        return error;
    };
    if unknown.starts_with("--") {
        return error;
    }
    let args: Vec<std::borrow::Cow<'_, str>> = args.iter().map(|a| a.to_string_lossy()).collect();
    // The options of the subcommand given (the first argument that names one).
    let sub = args
        .iter()
        .find_map(|a| command.find_subcommand(a.as_ref()))
        .unwrap_or(command);
    // The option `option` names, when it takes a value.
    let taking = |option: &str| {
        sub.get_arguments().find(|arg| {
            !arg.is_positional()
                && arg.get_action().takes_values()
                && (arg
                    .get_long()
                    .is_some_and(|l| option.strip_prefix("--") == Some(l))
                    || arg.get_short().is_some_and(|c| {
                        option.strip_prefix('-') == Some(c.encode_utf8(&mut [0; 4]))
                    }))
        })
    };
    // Only an option whose value is free text (an ID, a file, a URL): a
    // number, a language or a format takes none that starts with `-`.
    let free_text = |arg: &clap::Arg| {
        arg.get_value_names().is_some_and(|names| {
            names
                .iter()
                .all(|n| ["ID", "FILE", "URL"].contains(&n.as_str()))
        })
    };
    // The argument clap refused: the first that starts with what it quotes
    // (`-a` of `-abc`); the tip only where it follows such an option, and
    // is text as typed (a name not in UTF-8 would be shown otherwise).
    let Some(at) = args
        .iter()
        .skip(1)
        .position(|a| a.starts_with('-') && a.starts_with(unknown.as_str()))
        .map(|i| i + 1)
    else {
        return error;
    };
    let (option, value) = (&args[at - 1], &args[at]);
    let Some(arg) = taking(option) else {
        return error;
    };
    // After an option that takes a value, clap's `-- -x` would make it a
    // file: said only where `--option=-x` is a value the option may take.
    let chinese = chinese_asked();
    let tip = if free_text(arg) && matches!(value, std::borrow::Cow::Borrowed(_)) {
        if chinese {
            format!("若要把 '{value}' 当作 '{option}' 的值，请写 '{option}={value}'")
        } else {
            format!("to pass '{value}' as the value of '{option}', use '{option}={value}'")
        }
    } else {
        let names = arg.get_value_names().unwrap_or_default();
        let name = names.first().map_or("VALUE", |n| n.as_str());
        if chinese {
            format!("'{option}' 需要一个值：'{option} <{name}>'")
        } else {
            format!("'{option}' takes a value: '{option} <{name}>'")
        }
    };
    let tips = vec![tip.into()];
    error.insert(ContextKind::Suggested, ContextValue::StyledStrs(tips));
    error
}

/// clap's tips in Chinese, where their form is known; another stays as
/// clap wrote it. (The tips [`value_after_option`] writes are written in
/// the language asked.)
fn tip_in_chinese(tip: &str) -> String {
    if let Some(rest) = tip.strip_prefix("to pass '")
        && let Some((value, rest)) = rest.split_once("' as a value, use '")
        && let Some(instead) = rest.strip_suffix('\'')
    {
        return format!("若要把 '{value}' 当作值，请写 '{instead}'");
    }
    // A command after `--` (`-- validate`).
    if let Some(rest) = tip.strip_prefix("subcommand '")
        && let Some(command) = rest.strip_suffix("' exists; to use it, remove the '--' before it")
    {
        return format!("子命令 '{command}' 存在；要使用它，请去掉它前面的 '--'");
    }
    // An option of a subcommand given before it (`--format json validate`).
    if let Some(rest) = tip.strip_prefix('\'')
        && let Some(there) = rest.strip_suffix("' exists")
    {
        return format!("请写 '{there}'（该选项属于子命令，写在子命令之后）");
    }
    tip.to_owned()
}

#[cfg(test)]
mod tests {
    use std::ffi::OsString;

    fn asks(list: &[&str], env: Option<&str>) -> bool {
        super::asks_chinese(
            list.iter().map(OsString::from).collect::<Vec<_>>(),
            env.map(std::ffi::OsStr::new),
            desk_schema::Locale::En,
        )
    }

    /// The one list of the commands with `--lang` is the commands clap is
    /// given a `--lang` for (helper-136: it was written out three times).
    #[test]
    fn lang_commands_are_the_commands_with_lang() {
        let command = crate::command();
        let mut with_lang: Vec<&str> = command
            .get_subcommands()
            .filter(|c| c.get_arguments().any(|a| a.get_id() == "lang"))
            .map(clap::Command::get_name)
            .collect();
        with_lang.sort_unstable();
        // Without the `client` feature, `send` only says how to get it: the
        // list has it not (helper-142: `help send --lang zh-CN` ran it).
        let mut listed = super::LANG_COMMANDS.to_vec();
        listed.sort_unstable();
        assert_eq!(with_lang, listed);
    }

    /// What `rewrite` makes of the command line `list`, as text.
    fn rewritten(
        rewrite: fn(&[OsString]) -> Option<Vec<OsString>>,
        list: &[&str],
    ) -> Option<Vec<String>> {
        let args: Vec<OsString> = list.iter().map(OsString::from).collect();
        rewrite(&args).map(|out| {
            out.iter()
                .map(|a| a.to_string_lossy().into_owned())
                .collect()
        })
    }

    /// `help COMMAND` with a `--lang` is that command's `--help` in that
    /// language; `help` of the overview, of `schema` or of anything else
    /// with a `--lang` reads it before the command; `--lang` alone is the
    /// overview; any other line is left to clap.
    #[test]
    fn help_with_a_lang_is_the_commands_help() {
        let rewrite = |list: &[&str]| rewritten(super::help_with_lang, list);
        // `help ... --lang VALUE ...` as `--lang VALUE help ...`: clap
        // answers as it answers the line without the `--lang`, the rest
        // kept as given (helper-143: dropping it made an error help).
        for (line, read) in [
            (
                &["d", "help", "validate", "--lang", "zh-CN"][..],
                &["d", "--lang", "zh-CN", "help", "validate"][..],
            ),
            (
                &["d", "help", "--lang", "zh-CN", "validate"],
                &["d", "--lang", "zh-CN", "help", "validate"],
            ),
            (
                &["d", "help", "usersig", "--lang=zh"],
                &["d", "--lang=zh", "help", "usersig"],
            ),
            (
                &[
                    "d", "help", "validate", "--lang", "zh-CN", "extra", "--format", "json",
                ],
                &[
                    "d", "--lang", "zh-CN", "help", "validate", "extra", "--format", "json",
                ],
            ),
            (
                &["d", "help", "--lang", "zh-CN"],
                &["d", "--lang", "zh-CN", "help"],
            ),
            (
                &["d", "help", "--lang=zh", "--lang", "en"],
                &["d", "--lang=zh", "--lang", "en", "help"],
            ),
            (
                &["d", "help", "-h", "--lang", "zh-CN"],
                &["d", "--lang", "zh-CN", "help", "-h"],
            ),
            (
                &["d", "help", "schema", "--lang", "zh-CN"],
                &["d", "--lang", "zh-CN", "help", "schema"],
            ),
            (
                &["d", "help", "nosuch", "--lang", "zh-CN"],
                &["d", "--lang", "zh-CN", "help", "nosuch"],
            ),
            // A `--lang` before `help` stays where it is (helper-142).
            (
                &["d", "--lang", "zh-CN", "help", "validate", "--lang", "en"],
                &["d", "--lang", "zh-CN", "--lang", "en", "help", "validate"],
            ),
            // A `--lang` with no value (or an option after it): clap's own
            // error, as before the command.
            (&["d", "help", "usersig", "--lang"], &["d", "--lang"]),
            (&["d", "help", "usersig", "--lang", "--"], &["d", "--lang"]),
            (
                &["d", "help", "--lang", "-x", "--lang", "zh"],
                &["d", "--lang"],
            ),
            // `-` is a value, as clap reads it.
            (&["d", "help", "--lang", "-"], &["d", "--lang", "-", "help"]),
            // `--lang` alone: the overview, as a line of nothing shows it.
            (&["d", "--lang", "zh-CN"], &["d"]),
            (&["d", "--lang=zh_CN", "--lang", "en"], &["d"]),
        ] {
            let read: Vec<String> = read.iter().map(|a| (*a).to_owned()).collect();
            assert_eq!(rewrite(line).as_deref(), Some(&read[..]), "{line:?}");
        }
        for left in [
            &["d", "help", "validate"][..],
            &["d", "validate", "--lang", "zh-CN"],
            // Nothing from a `--` on is read.
            &["d", "help", "validate", "--", "--lang", "zh-CN"],
            // Clap reads these: `--lang` before the command is the line's.
            &["d", "--lang", "zh-CN", "--help"],
            &["d", "--lang", "zh-CN", "validate"],
            &["d", "-V", "--lang", "zh-CN"],
            // A value `--lang` refuses alone: clap's refusal.
            &["d", "--lang", "fr"],
            &["d", "--lang"],
            &["d"],
        ] {
            assert_eq!(rewrite(left), None, "{left:?}");
        }
        // Read in Chinese, as the line as given asks.
        assert!(super::asks_chinese(
            ["d", "help", "validate", "--lang", "zh-CN"].map(OsString::from),
            None,
            desk_schema::Locale::En,
        ));
    }

    /// `schema`'s `--lang`, which it has not, read before the command.
    #[test]
    fn schemas_lang_is_read_before_the_command() {
        let before = |list: &[&str]| rewritten(super::schema_lang_before, list);
        assert_eq!(
            before(&["d", "schema", "response", "--lang", "zh-CN", "--help"]).as_deref(),
            Some(&["d", "--lang", "zh-CN", "schema", "response", "--help"].map(String::from)[..])
        );
        assert_eq!(
            before(&[
                "d",
                "--lang",
                "en",
                "schema",
                "--lang=zh",
                "--",
                "--lang",
                "x"
            ])
            .as_deref(),
            Some(
                &[
                    "d",
                    "--lang",
                    "en",
                    "--lang=zh",
                    "schema",
                    "--",
                    "--lang",
                    "x"
                ]
                .map(String::from)[..]
            )
        );
        // A `--lang` with no value (its next argument `--`, helper-142):
        // clap's own error, as before the command (helper-143: after it,
        // clap tipped `-- --lang`).
        for line in [
            &["d", "schema", "--lang"][..],
            &["d", "schema", "--lang", "--", "--lang", "zh-CN"],
            &["d", "schema", "--lang", "-x"],
        ] {
            assert_eq!(
                before(line).as_deref(),
                Some(&["d", "--lang"].map(String::from)[..])
            );
        }
        for left in [
            &["d", "--", "schema", "--lang", "zh-CN"][..],
            &["d", "schema", "--", "--lang", "zh-CN"],
            &["d", "validate", "--lang", "zh-CN"],
            &["d", "schema"],
        ] {
            assert_eq!(before(left), None, "{left:?}");
        }
    }

    /// A value `--lang` refuses, wherever it is on the line before a `--`,
    /// the first of them, refused as `--lang=VALUE` (a value starting with
    /// `-` is one) after the command when it has a `--lang` of its own; a
    /// `--lang` with no value is not one.
    #[test]
    fn a_refused_lang_is_found_wherever_it_is() {
        let refusal = |list: &[&str]| rewritten(super::refusal_line, list);
        for (line, refused) in [
            (
                &["d", "--lang", "fr", "validate", "--help"][..],
                &["d", "validate", "--lang=fr"][..],
            ),
            (
                &["d", "validate", "--help", "--lang=zh-TW"],
                &["d", "validate", "--lang=zh-TW"],
            ),
            (
                &["d", "validate", "--lang=", "x"],
                &["d", "validate", "--lang="],
            ),
            (
                &["d", "validate", "--lang=-fr"],
                &["d", "validate", "--lang=-fr"],
            ),
            (&["d", "--lang", "-", "help"], &["d", "--lang=-"]),
            (&["d", "schema", "--lang", "fr"], &["d", "--lang=fr"]),
            (
                &["d", "--lang", "en", "x", "--lang", "xx", "--lang", "yy"],
                &["d", "--lang=xx"],
            ),
        ] {
            let refused: Vec<String> = refused.iter().map(|a| (*a).to_owned()).collect();
            assert_eq!(refusal(line).as_deref(), Some(&refused[..]), "{line:?}");
        }
        for fine in [
            &["d", "validate", "--", "--lang", "fr"][..],
            &["d", "validate", "--lang", "--", "fr"],
            &["d", "validate", "--lang", "-x"],
            &["d", "--lang", "zh_CN", "validate", "--lang=en"],
        ] {
            assert_eq!(refusal(fine), None, "{fine:?}");
        }
    }

    #[test]
    fn the_last_lang_before_a_double_dash_decides() {
        let asks = |list: &[&str]| asks(list, None);
        // A `--lang` before a `--` has no value: the `--` ends the options.
        assert!(!asks(&[
            "d", "validate", "--lang", "--", "--lang", "zh-CN", "x"
        ]));
        assert!(asks(&["d", "validate", "--lang", "zh-CN"]));
        assert!(asks(&["d", "validate", "--lang=zh-CN", "x"]));
        assert!(!asks(&["d", "validate", "--lang", "zh-CN", "--lang", "en"]));
        assert!(!asks(&["d", "validate", "--", "--lang", "zh-CN"]));
        // The program is not read.
        assert!(!asks(&["--lang=zh-CN", "validate"]));
        assert!(!asks(&["d", "validate", "--lang"]));
        // A `--lang` with no value leaves the language given before it; an
        // empty one is a value, refused, and names no language (helper-143:
        // the refusal of `--lang zh --lang=` was Chinese, of `--lang zh
        // --lang fr` English).
        assert!(asks(&["d", "validate", "--lang", "zh-CN", "--lang"]));
        assert!(!asks(&["d", "validate", "--lang", "zh-CN", "--lang="]));
        assert!(!asks(&["d", "validate", "--lang", "zh-CN", "--lang", "-"]));
        assert!(!asks(&["d", "validate", "--lang", "zh-CN", "--lang", "fr"]));
        assert!(asks(&[
            "d",
            "validate",
            "--lang=zh-CN",
            "--lang",
            "--jsonl"
        ]));
        // `validate`, `send` and `usersig` have `--lang`, which reads a tag as
        // `Locale` does; where clap refuses one (`schema` has none, nor has
        // the overview), it says so in that language.
        assert!(asks(&["d", "send", "--lang", "zh_CN"]));
        assert!(asks(&["d", "schema", "--lang", "zh-CN"]));
        assert!(asks(&["d", "--lang", "zh-CN", "validate"]));
        assert!(!asks(&["d", "--lang", "zh-CN", "validate", "--lang", "en"]));
    }

    /// `DESK_SCHEMA_LANG` stands where no `--lang` is given, as clap reads it.
    #[test]
    fn the_environment_decides_where_no_lang_is_given() {
        assert!(asks(&["d", "validate", "x.json"], Some("zh-CN")));
        assert!(asks(&["d", "usersig", "--verify"], Some("zh_CN")));
        assert!(!asks(&["d", "validate"], Some("en")));
        assert!(!asks(&["d", "validate"], Some("fr")));
        assert!(!asks(&["d", "validate"], Some("")));
        assert!(!asks(&["d", "validate", "--lang", "en"], Some("zh-CN")));
        assert!(asks(&["d", "validate", "--lang", "zh-CN"], Some("en")));
        // A refused `--lang` names none: the environment's, as without one.
        assert!(asks(&["d", "validate", "--lang=fr"], Some("zh-CN")));
        assert!(asks(
            &["d", "validate", "--lang", "en", "--lang="],
            Some("zh-CN")
        ));
        // A `--lang` without a value is clap's error, in the language of
        // the environment.
        assert!(asks(&["d", "validate", "--lang"], Some("zh-CN")));
        // Every help and every command's errors: `schema`'s, the
        // overview's, clap's `help` subcommand's (which takes no `--lang`).
        assert!(asks(&["d", "schema"], Some("zh-CN")));
        assert!(asks(&["d", "help", "validate"], Some("zh-CN")));
        assert!(!asks(&["d", "help", "validate"], None));
        assert!(asks(&["d", "help", "schema"], Some("zh-CN")));
        assert!(asks(&["d", "help"], Some("zh-CN")));
        assert!(asks(&["d"], Some("zh-CN")));
        assert!(asks(&["d", "--help"], Some("zh-CN")));
        assert!(!asks(&["d", "--help"], None));
        assert!(!asks(&["d", "--help", "--lang", "en"], Some("zh-CN")));
    }
}
