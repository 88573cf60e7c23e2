//! `--help` in Simplified Chinese, for a command line that asks for
//! `--lang zh-CN` (or whose `DESK_SCHEMA_LANG` does; read from the raw
//! arguments by `usage::asks_chinese`, since clap prints the help while it
//! parses): the overview's and every command's. Each option's text, the
//! command's description and its notes after the options are written here,
//! by the option's id; clap's headings through a template. A unit test
//! holds every option of every command to a text here.

use std::fmt::Write as _;

use clap::{Arg, ArgAction, Command};

/// The help's layout: clap's own, with its headings in Chinese and their
/// colons full-width, as `用法：` has (clap writes a heading's colon itself,
/// in ASCII: the headings are in the template, not on the arguments).
const TEMPLATE: &str =
    "{about-with-newline}\n用法：{usage}\n\n参数：\n{positionals}\n\n选项：\n{options}{after-help}";

/// [`TEMPLATE`] for a command without options (clap's `help`).
const TEMPLATE_ARGUMENTS: &str = "{about-with-newline}\n用法：{usage}\n\n参数：\n{positionals}\n";

/// [`TEMPLATE`] for a command without positional arguments.
const TEMPLATE_OPTIONS: &str =
    "{about-with-newline}\n用法：{usage}\n\n选项：\n{options}{after-help}";

/// A command's words: its description, each option's text by its id, and
/// the notes after the options.
struct Words {
    about: &'static str,
    args: &'static [(&'static str, &'static str)],
    after: &'static str,
}

/// The options several commands share.
const FORMAT: (&str, &str) = ("format", "以文本（text）或 JSON（json）报告 [默认：text]");
const LANG: (&str, &str) = (
    "lang",
    "消息的语言：en 或 zh-CN（简体中文）；未给出时取环境变量 DESK_SCHEMA_LANG \
     的值（若已设置），否则取系统的区域设置（LC_ALL、LC_MESSAGES 或 LANG：zh_CN.UTF-8 即 zh-CN），\
     再否则为 en",
);
const ACCOUNT: (&str, &str) = (
    "account",
    "视为客服账号的账号；可重复给出多个（给出后取代默认账号；要保留默认账号须一并给出）；\
     以 '-' 开头的账号写作 --customer-service-account=-ID [默认：@customer_service_account]",
);
const SDKAPPID: (&str, &str) = ("sdkappid", "应用的 SDKAppID");
const IDENTIFIER: (&str, &str) = (
    "identifier",
    "签名所用的 UserID（REST 调用须为 App 管理员）：1 到 32 字节的可打印 ASCII；\
     以 '-' 开头的写作 --identifier=-ID",
);
const KEY_FILE: (&str, &str) = (
    "key-file",
    "从 FILE 读取密钥（否则读取环境变量 DESK_SCHEMA_SECRET_KEY）",
);

const VALIDATE: Words = Words {
    about: "按文档中的每条规则及 desk-schema 自己的规则检查 create_group 请求体（JSON）",
    args: &[
        ("file", "要检查的请求体；`-` 或不给出时读取标准输入"),
        ("response", "改为检查 create_group 的应答体"),
        (
            "jsonl",
            "每个输入每行一个请求（JSON Lines），按流读取；跳过空行",
        ),
        FORMAT,
        LANG,
        ACCOUNT,
        (
            "max-input-bytes",
            "拒绝超过 N 字节的输入（--jsonl 时为一行）[默认：1048576]",
        ),
    ],
    after: "\
输出：
  text  单个输入：每个问题一行，最后是 `无效：N 个问题`（或 `有效`）；
        多个输入或 --jsonl：每个问题一行 `来源: 路径: 消息`，每个有效请求一行
        `来源: 有效`，来源为文件名（--jsonl 时为文件:行号）；最后是
        `共检查 N 个：...`
  json  单个输入：一行 {\"valid\", \"errors\", \"format_version\": 1}；
        多个输入或 --jsonl：每个请求一个这样的对象（JSON Lines），\"errors\"
        之后有 \"file\"（--jsonl 时还有 \"line\"）；无法读取的输入为
        {\"file\", \"error\", \"format_version\": 1}；--jsonl 中超过
        --max-input-bytes 的行在其位置上为 {\"file\", \"line\", \"error\", ...}

每个问题为 {\"path\", \"code\", \"message\", ...数值}，path 为 JSON Pointer；
消息为规则自身措辞的问题（create_group 的规则，或值无法按类型读取）另有
\"messages\": {\"en\", \"zh-CN\"}，即各语言的消息。
有键改名或删除时 format_version 会升高；新增的键不会改变它。

退出状态：0 全部有效，1 有无效请求（含格式错误的 JSON），2 用法或读写错误
（其余输入仍会检查）。",
};

#[cfg(not(feature = "client"))]
const SEND: Words = Words {
    about: "检查、签名并发送 create_group 请求（需要 `client` 特性）",
    args: &[("args", "不读取：此构建无法发送")],
    after: "用 --features cli,client 安装的 desk-schema 才能发送。",
};

#[cfg(feature = "client")]
const SEND: Words = Words {
    about: "检查 create_group 请求，签名、发送（含重试）并输出结果",
    args: &[
        ("file", "请求体（JSON）；`-` 读取标准输入"),
        SDKAPPID,
        IDENTIFIER,
        (
            "endpoint",
            "其他地域的 REST API 主机，或测试服务器，如 http://127.0.0.1:8080 \
             [默认：console.tim.qq.com]",
        ),
        (
            "time-budget",
            "整个调用（含重试）最长用时，单位秒，1 到 3600 [默认：30]",
        ),
        (
            "max-attempts",
            "最多尝试次数（含第一次），1 到 20 [默认：5]",
        ),
        (
            "attempt-timeout",
            "单次尝试（含应答）最长用时，单位秒，1 到 3600 [默认：10]",
        ),
        KEY_FILE,
        FORMAT,
        LANG,
        ACCOUNT,
        ("max-input-bytes", "拒绝超过 N 字节的输入 [默认：1048576]"),
    ],
    after: "\
先像 `validate` 一样检查请求；无效的请求不会发送。密钥从 --key-file 或
DESK_SCHEMA_SECRET_KEY 读取，从不取自参数；密钥和 UserSig 都不会输出。

重试依照腾讯的错误码表：服务端错误（10002、141002、60008、70169、70500）、
10008（非法请求，错误码表说可以重试；签名可能未通过验证，故第一次重试在新的
UserSig 与原来不同时立即换用新的）、HTTP 5xx 和 408、连接被拒和超时，退避后重试
（HTTP 429 也重试，退避更久；TLS 握手被拒，即证书不受信任、服务器不使用 TLS、双方没有共同的协议版本或加密套件，
或服务器拒绝此客户端，则不重试：重试也会同样失败）；
频率限制（10006、60007、60011、60018、60019）等待更久；60020 和 70050 分别
等待 5 分钟和 1 分钟，只有 --time-budget 比这更长时才会重试；70001 和 70052
会重新生成一次 UserSig（新的须与原来不同：与上一个同一秒生成的不算）；其他错误码
不重试，直接作为结果。
每次尝试的时限取单次时限与剩余总时限中较小的一个，在其五分之四内未能建立连接即为连接错误
（请求未发出）；只有等待之后仍剩至少 1 秒
（或单次时限，若更短）才会重试，且最多尝试 --max-attempts 次。若某次尝试结果未知（无应答、HTTP 5xx，或服务端
自身失败：10002、141002、60008、70169、70500），之后收到 10025，表示群组已存在
且属于您，很可能就是那次尝试创建的（created_earlier）；但 Owner_Account 为
identifier 以外的账号时不算（腾讯只对群主返回 10025：那是您此前的群组，结果未确认）。

输出：
  text  `已创建群组 ID`（及尝试次数），或以“未创建：”“未确认是否创建：”开头说明出了什么问题
        （未确认是否创建时，下一行说明群组可能已创建，请先查询该群组是否已存在，
        再决定是否重新创建）；请求无效时：问题列表，然后是“无效：N 个问题；未发送”
  json  一行：{\"outcome\", ...详情, \"creation\", \"attempts\", \"format_version\": 1}，
        creation 为 created、not_created、unconfirmed 之一，与文本开头一致
        （invalid_request 和 input_error 的行没有该字段），
        outcome 为 created、created_earlier、invalid_request、api_error、
        http_error、invalid_response、transport_error、input_error 之一
        （transport_error 的 kind：connect 或 tls 表示未发出；timeout 或 other 表示
        服务端可能已处理；input_error：无法读取输入、没有密钥，同时写到 stderr）；
        \"earlier_unknown\": true 表示之前的一次尝试无应答、HTTP 5xx 或服务端
        自身失败，无论最后的结果如何，群组都可能已创建（已创建时除外；
        10021 也不例外：之前的尝试以另一个 Owner_Account 创建的群组，
        对管理员而言也是“已被他人使用”）

退出状态：0 已创建；1 未创建：请求无效（未发送）或被服务端拒绝（腾讯错误码表中的错误码、
HTTP 408 或 429）；2 用法或读写错误，或无法连接（未发送）；3 未确认是否创建：群组可能已创建
（无应答、其他 HTTP 错误、无法解析的应答、服务端自身失败、错误码表中没有的错误码或 141001、
141003、141011，或之前某次尝试结果未知），请先查询该群组是否已存在，再决定是否重新发送
（无论群组是否已创建，重新发送都会被拒绝，错误码 10025）。标准输出无法写入（管道已关闭、
磁盘已满）时，结果写到 stderr，退出状态仍按结果给出。",
};

const USERSIG: Words = Words {
    about: "为 App 管理员生成 UserSig（TLSSigAPIv2），或检查一个 UserSig",
    args: &[
        SDKAPPID,
        IDENTIFIER,
        (
            "expire",
            "UserSig 的有效期，单位秒：1 到 2147483647，腾讯 C++ 库能读的最大值（默认 180 天）[默认：15552000]",
        ),
        KEY_FILE,
        LANG,
        (
            "verify",
            "检查标准输入中的 UserSig（给出 --identifier 时也核对它）：以 JSON \
             输出其声明，被拒绝时退出码为 1",
        ),
    ],
    after: "\
密钥从 --key-file 或环境变量 DESK_SCHEMA_SECRET_KEY 读取，从不取自参数（本机
其他用户能看到参数）；密钥从不输出。",
};

const SCHEMA: Words = Words {
    about: "输出 JSON Schema（draft 2020-12）",
    args: &[
        (
            "which",
            "请求体（request）或应答体（response）的 Schema [默认：request]",
        ),
        ACCOUNT,
    ],
    after: "\
不给出 --customer-service-account 时，输出的就是仓库中的文件
（desk-schema/schemas/create_group.{request,response}.schema.json），逐字节相同。

请在您的校验器中注册 x-maxBytes、x-minBytes 及其他 x- 关键字（npm 包的
addDeskKeywords 会注册）：它们才是确切的规则；maxLength 和 minLength 只是可靠的上下界。",
};

/// Every command, and its words.
const COMMANDS: [(&str, &Words); 4] = [
    ("validate", &VALIDATE),
    ("schema", &SCHEMA),
    ("usersig", &USERSIG),
    ("send", &SEND),
];

/// The overview's `--lang`, which the command after it takes too.
const ROOT_LANG: &str = "消息与帮助的语言：en 或 zh-CN（简体中文），也用于其后的子命令（子命令\
    自己给出 --lang 时除外）；未给出时取环境变量 DESK_SCHEMA_LANG 的值（若已设置），否则取系统的\
    区域设置（LC_ALL、LC_MESSAGES 或 LANG：zh_CN.UTF-8 即 zh-CN），再否则为 en";

/// The overview's description.
const ABOUT: &str = "检查腾讯云 Desk 的 create_group 请求，长度与 API 一样按 UTF-8 字节计。";

/// What `help` does, in the overview's list of commands (clap writes
/// that command itself, with its words in English).
const HELP_ABOUT: &str = "显示本帮助，或给定子命令的帮助";

/// The notes after the overview's options.
const EXIT_STATUS: &str = "\
退出状态：0 有效，1 无效（含格式错误的 JSON），2 用法或读写错误；
`send` 的退出状态：0 已创建，1 未创建（请求无效或被拒绝），2 用法、读写错误或无法连接，
3 未确认是否创建（群组可能已创建：请先查询，再决定是否重新发送）。

英文的消息与帮助：--lang en，或 DESK_SCHEMA_LANG=en（优先于系统的区域设置）。";

/// `cmd` with every help in Chinese: the overview's and each command's.
pub(crate) fn in_chinese(cmd: Command) -> Command {
    let cmd = COMMANDS.iter().fold(cmd, |cmd, (name, words)| {
        cmd.mut_subcommand(*name, |sub| localized(sub, words))
    });
    let template = format!(
        "{{about-with-newline}}\n用法：{{usage}}\n\n命令：\n{}\n选项：\n{{options}}{{after-help}}",
        command_list(&cmd)
    );
    cmd.about(ABOUT)
        .after_help(EXIT_STATUS)
        .mut_arg("lang", |arg| in_words(arg, ROOT_LANG))
        .help_template(template)
        .disable_help_flag(true)
        .disable_version_flag(true)
        .arg(help_arg())
        .arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help("显示版本"),
        )
}

/// What clap's `help` says of itself (`help help`), in Chinese, laid out as
/// clap lays it out: clap writes its `help` command as it parses the line,
/// after [`in_chinese`] has put the others in Chinese, so this one is
/// written here, with the argument clap gives it.
pub(crate) fn help_of_help() -> String {
    Command::new("help")
        .bin_name("desk-schema help")
        .about(HELP_ABOUT)
        .help_template(TEMPLATE_ARGUMENTS)
        .disable_help_flag(true)
        .disable_version_flag(true)
        .arg(
            Arg::new("subcommand")
                .value_name("COMMAND")
                .num_args(..)
                .action(ArgAction::Append)
                .help("显示给定子命令的帮助"),
        )
        .render_help()
        .to_string()
}

/// The overview's list of commands, as clap lays it out (each name padded
/// to the longest), with `help` last: each command's description, and
/// [`HELP_ABOUT`].
fn command_list(cmd: &Command) -> String {
    let commands: Vec<(&str, String)> = cmd
        .get_subcommands()
        .filter(|sub| !sub.is_hide_set())
        .map(|sub| {
            let about = sub.get_about().map(ToString::to_string).unwrap_or_default();
            (sub.get_name(), about)
        })
        .chain([("help", HELP_ABOUT.to_owned())])
        .collect();
    let width = commands
        .iter()
        .map(|(name, _)| name.len())
        .max()
        .unwrap_or(0);
    commands
        .iter()
        .fold(String::new(), |mut list, (name, about)| {
            let _ = writeln!(list, "  {name:width$}  {about}");
            list
        })
}

/// `-h`, `--help` in Chinese (clap's own is in English).
fn help_arg() -> Arg {
    Arg::new("help")
        .short('h')
        .long("help")
        .action(ArgAction::Help)
        .help("显示帮助")
}

fn localized(sub: Command, words: &Words) -> Command {
    let template = if sub.get_positionals().next().is_some() {
        TEMPLATE
    } else {
        TEMPLATE_OPTIONS
    };
    let mut sub = sub
        .about(words.about)
        .after_help(words.after)
        .help_template(template)
        .disable_help_flag(true)
        .arg(help_arg());
    for (id, text) in words.args {
        // A build without the client has a `send` of fewer options.
        if sub.get_arguments().any(|a| a.get_id() == *id) {
            sub = sub.mut_arg(*id, |arg| in_words(arg, text));
        }
    }
    sub
}

/// `arg` with its help `text`, which says its default and values in
/// Chinese (clap's own, hidden).
fn in_words(arg: Arg, text: &'static str) -> Arg {
    let values = arg.get_action().takes_values();
    arg.help(text)
        .hide_default_value(values)
        .hide_possible_values(values)
}

#[cfg(test)]
mod tests {
    use super::COMMANDS;

    /// The command in Chinese is one clap accepts (its debug checks).
    #[test]
    fn the_command_in_chinese_is_sound() {
        super::in_chinese(crate::command()).debug_assert();
    }

    /// Every option of every command has its Chinese text here, so that a
    /// new one cannot stay English under `--lang zh-CN --help`; and every
    /// command has its words.
    #[test]
    fn every_option_has_its_chinese_text() {
        let cmd = crate::command();
        let mut names: Vec<&str> = cmd.get_subcommands().map(clap::Command::get_name).collect();
        let mut with_words: Vec<&str> = COMMANDS.iter().map(|(name, _)| *name).collect();
        names.sort_unstable();
        with_words.sort_unstable();
        assert_eq!(names, with_words);
        for (name, words) in COMMANDS {
            let sub = cmd.find_subcommand(name).expect("a command");
            for arg in sub.get_arguments() {
                let id = arg.get_id().as_str();
                let text = words.args.iter().find(|(known, _)| *known == id);
                let Some((_, text)) = text else {
                    panic!("`{name} --{id}` has no Chinese help");
                };
                // Its default, as clap would show it; one clap hides (the
                // help says what stands before it, `--lang`'s) ends the text.
                for value in arg.get_default_values() {
                    let value = value.to_string_lossy();
                    let shown = if arg.is_hide_default_value_set() {
                        format!("再否则为 {value}")
                    } else {
                        format!("[默认：{value}]")
                    };
                    assert!(text.ends_with(&shown), "`{name} --{id}`: {text}");
                }
            }
        }
    }
}
