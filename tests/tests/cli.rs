//! The `desk-schema` binary, and the README's CLI examples as written.

mod support;

use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

use desk_schema_tests::workspace::{cargo_build, root};

use support::Answer;

/// Builds (once) and returns the binary; or the one `DESK_SCHEMA_CLI`
/// names, so that `.ci/run` runs these tests on the release build `cargo
/// install` makes too (clap checks some things only in a debug build: a
/// command's `--lang` was found by one of them, and `schema` refused a
/// `DESK_SCHEMA_LANG` in release alone).
fn binary() -> PathBuf {
    static BUILT: std::sync::OnceLock<PathBuf> = std::sync::OnceLock::new();
    BUILT
        .get_or_init(|| {
            std::env::var_os("DESK_SCHEMA_CLI").map_or_else(
                || {
                    cargo_build(
                        &["-p", "desk-schema", "--features", "cli,client"],
                        "desk-schema",
                    )
                },
                PathBuf::from,
            )
        })
        .clone()
}

/// The variables that choose the CLI's language where `--lang` is not
/// given: `DESK_SCHEMA_LANG`, then the POSIX locale's.
const LANGUAGE_VARS: [&str; 5] = [
    "DESK_SCHEMA_LANG",
    "LC_ALL",
    "LC_MESSAGES",
    "LANG",
    "LANGUAGE",
];

/// The binary as a command, with none of the caller's [`LANGUAGE_VARS`]
/// (the tests that read them set them).
fn cli() -> Command {
    let mut command = Command::new(binary());
    for var in LANGUAGE_VARS {
        command.env_remove(var);
    }
    command
}

fn run(args: &[&str], stdin: Option<&[u8]>) -> Output {
    run_in(cli(), args, stdin)
}

/// `command ARGS`, from the workspace's root, with `stdin`.
fn run_in(mut command: Command, args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = command
        .args(args)
        .current_dir(root())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    {
        use std::io::Write;
        let mut input = child.stdin.take().unwrap();
        if let Some(bytes) = stdin {
            // The CLI may refuse input before reading it all (the size cap).
            if let Err(e) = input.write_all(bytes) {
                assert_eq!(e.kind(), std::io::ErrorKind::BrokenPipe, "{e}");
            }
        }
    }
    child.wait_with_output().unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).unwrap()
}

/// Standard output read as JSON Lines, one report per line.
fn json_lines(out: &Output) -> Vec<serde_json::Value> {
    text(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[test]
fn readme_examples_run_as_written() {
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    // Every ```console block: `$ desk-schema ...` then the expected output.
    let mut checked = 0;
    for block in readme.split("```console\n").skip(1) {
        let block = &block[..block.find("```").unwrap()];
        let mut lines = block.lines();
        let command = lines
            .next()
            .unwrap()
            .strip_prefix("$ desk-schema ")
            .unwrap();
        let expected: String = lines.flat_map(|l| [l, "\n"]).collect();
        let args: Vec<&str> = command.split_whitespace().collect();
        let out = run(&args, None);
        assert_eq!(text(&out.stdout), expected, "README example `{command}`");
        checked += 1;
    }
    assert!(checked >= 1);
    // The set-up command's file is valid.
    let out = run(
        &["validate", "desk-schema/examples/create_group.request.json"],
        None,
    );
    assert_eq!(
        (out.status.code(), text(&out.stdout)),
        (Some(0), "valid\n".into())
    );
}

#[test]
fn exit_codes_are_0_valid_1_invalid_2_usage() {
    assert_eq!(
        run(
            &["validate", "desk-schema/examples/create_group.request.json"],
            None
        )
        .status
        .code(),
        Some(0)
    );
    assert_eq!(
        run(
            &["validate", "desk-schema/examples/invalid.request.json"],
            None
        )
        .status
        .code(),
        Some(1)
    );
    assert_eq!(
        run(&["validate", "-"], Some(b"{not json")).status.code(),
        Some(1)
    );
    assert_eq!(
        run(&["validate", "no/such/file.json"], None).status.code(),
        Some(2)
    );
    assert_eq!(
        run(&["validate", "--format", "yaml"], None).status.code(),
        Some(2)
    );
    assert_eq!(run(&["frobnicate"], None).status.code(), Some(2));
}

#[test]
fn json_format_prints_exactly_one_object() {
    let out = run(
        &[
            "validate",
            "desk-schema/examples/invalid.request.json",
            "--format",
            "json",
        ],
        None,
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["valid"], false);
    let errors = v["errors"].as_array().unwrap();
    assert_eq!(errors.len(), 8);
    // In the order of `Report::sort`: by path, so `/Name` after the
    // `/MemberList` ones and before `/Type`.
    assert_eq!(errors[6]["path"], "/Name");
    assert_eq!(errors[6]["code"], "max_bytes");
    assert_eq!(errors[6]["limit"], 100);
    let ok = run(
        &["validate", "-", "--format", "json"],
        Some(include_bytes!(
            "../../desk-schema/examples/create_group.request.json"
        )),
    );
    assert_eq!(
        text(&ok.stdout),
        "{\"valid\":true,\"errors\":[],\"format_version\":1}\n"
    );
}

#[test]
fn malformed_json_is_one_syntax_violation_with_line_and_column() {
    let out = run(&["validate", "--format", "json"], Some(b"{\n \"Name\": }"));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["errors"][0]["code"], "syntax");
    assert_eq!(
        (
            v["errors"][0]["line"].clone(),
            v["errors"][0]["column"].clone()
        ),
        (2.into(), 10.into())
    );
    // The column counts characters, as an editor does: the full-width
    // comma after four Chinese characters is the 15th of its line (its
    // 23rd byte), and a line's own characters only count.
    for (text, line, column) in [
        ("{\"Name\":\"客服客服\"，\"Type\":1}", 1, 15),
        ("{\"客服\":\n \"é\", x}", 2, 7),
        ("[\"😀\" 1]", 1, 6),
    ] {
        let out = run(&["validate", "--format", "json"], Some(text.as_bytes()));
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let error = &v["errors"][0];
        assert_eq!(
            (error["line"].clone(), error["column"].clone()),
            (line.into(), column.into()),
            "{text}"
        );
    }
}

/// `desk-schema ARGS` with `DESK_SCHEMA_LANG` set to `lang`.
fn with_lang_env(lang: &str, args: &[&str], stdin: &[u8]) -> Output {
    let mut command = cli();
    command
        .env("DESK_SCHEMA_LANG", lang)
        .env_remove("DESK_SCHEMA_SECRET_KEY");
    run_in(command, args, Some(stdin))
}

#[test]
fn the_help_command_tells_of_itself_in_the_language_asked() {
    // `help help`: clap's own help command, laid out as clap lays it out,
    // in the language of the line or of `DESK_SCHEMA_LANG`.
    let chinese = "显示本帮助，或给定子命令的帮助\n\n用法：desk-schema help [COMMAND]...\n\n\
                   参数：\n  [COMMAND]...  显示给定子命令的帮助\n";
    let english = "Print this message or the help of the given subcommand(s)\n\n\
                   Usage: desk-schema help [COMMAND]...\n\n\
                   Arguments:\n  [COMMAND]...  Print help for the subcommand(s)\n";
    for (lang, args, expected) in [
        ("", &["--lang", "zh-CN", "help", "help"][..], chinese),
        ("", &["help", "help", "--lang=zh-CN"], chinese),
        ("zh-CN", &["help", "help"], chinese),
        ("zh-CN", &["--lang", "en", "help", "help"], english),
        ("", &["help", "help"], english),
    ] {
        let out = with_lang_env(lang, args, b"");
        assert_eq!(out.status.code(), Some(0), "{args:?}");
        assert_eq!(text(&out.stdout), expected, "{lang} {args:?}");
        assert!(out.stderr.is_empty(), "{args:?}");
    }
    // Anything after it is clap's usage error, as in English.
    let out = with_lang_env("zh-CN", &["help", "help", "help"], b"");
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).starts_with("错误：未知子命令 'help'"));
}

#[test]
fn desk_schema_lang_stands_where_no_lang_is_given() {
    let bad = br#"{"Type": "Public"}"#;
    // Every message, the usage errors and the help in Chinese.
    let out = with_lang_env("zh-CN", &["validate"], bad);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stdout).ends_with("无效：3 个问题\n"),
        "{}",
        text(&out.stdout)
    );
    let out = with_lang_env("zh_CN", &["validate", "--formt", "json"], b"");
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).starts_with("错误：未知参数 '--formt'"),
        "{}",
        text(&out.stderr)
    );
    for help in [&["validate", "--help"][..], &["help", "validate"]] {
        let out = with_lang_env("zh-CN", help, b"");
        assert!(
            text(&out.stdout).contains("未给出时取环境变量 DESK_SCHEMA_LANG"),
            "{help:?}"
        );
    }
    let out = with_lang_env(
        "zh-CN",
        &["usersig", "--sdkappid", "1", "--identifier", "a"],
        b"",
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("没有密钥"),
        "{}",
        text(&out.stderr)
    );
    // `--lang` wins over it; empty, it is unset.
    let out = with_lang_env("zh-CN", &["validate", "--lang", "en"], bad);
    assert!(text(&out.stdout).ends_with("invalid: 3 problems\n"));
    let out = with_lang_env("", &["validate"], bad);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stdout).ends_with("invalid: 3 problems\n"));
    // A value `--lang` would refuse is a usage error that names the
    // variable (not `--lang`), unless `--lang` is given; a command
    // without `--lang` does not read it.
    let out = with_lang_env("fr", &["validate"], bad);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        text(&out.stderr),
        "error: invalid value 'fr' for 'DESK_SCHEMA_LANG': expected en or zh-CN (zh, zh_CN, \
         zh-Hans, zh-SG and zh-MY read as zh-CN; there are no Traditional Chinese messages)\n"
    );
    // `--lang fr` is refused in the same words.
    let out = run(&["validate", "--lang", "fr"], None);
    assert!(
        text(&out.stderr).contains("expected en or zh-CN (zh, zh_CN, zh-Hans, zh-SG and zh-MY"),
        "{}",
        text(&out.stderr)
    );
    assert!(out.stdout.is_empty());
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt as _;
        let mut command = cli();
        command.env("DESK_SCHEMA_LANG", std::ffi::OsStr::from_bytes(b"\xff"));
        let out = run_in(command, &["validate"], Some(bad));
        assert_eq!(out.status.code(), Some(2));
        assert!(
            text(&out.stderr).starts_with("error: invalid UTF-8 in 'DESK_SCHEMA_LANG'"),
            "{}",
            text(&out.stderr)
        );
    }
    let out = with_lang_env("fr", &["validate", "--lang=zh-CN"], bad);
    assert_eq!(out.status.code(), Some(1));
    let out = with_lang_env("fr", &["schema"], b"");
    assert_eq!(out.status.code(), Some(0));
    // A key pasted there by mistake is not repeated.
    let key = "0123456789abcdef0123456789abcdef";
    let out = with_lang_env(key, &["validate"], bad);
    assert_eq!(out.status.code(), Some(2));
    assert!(!text(&out.stderr).contains(key), "{}", text(&out.stderr));
}

#[test]
fn a_chinese_locale_stands_where_neither_lang_nor_the_variable_is_given() {
    let bad = br#"{"Type": "Public"}"#;
    let with = |vars: &[(&str, &str)], args: &[&str]| {
        let mut command = cli();
        command.envs(vars.iter().copied());
        run_in(command, args, Some(bad))
    };
    let chinese = "无效：3 个问题\n";
    let english = "invalid: 3 problems\n";
    for (vars, expected) in [
        (&[("LANG", "zh_CN.UTF-8")][..], chinese),
        (&[("LANG", "zh_CN.utf8")], chinese),
        // Written in UTF-8: not for a terminal of another set.
        (&[("LANG", "zh_CN.GB18030")], english),
        (&[("LANG", "zh_CN")], english),
        (
            &[("LC_MESSAGES", "zh_CN.UTF-8"), ("LC_CTYPE", "zh_CN.GBK")],
            english,
        ),
        (
            &[("LC_MESSAGES", "zh_SG.UTF-8"), ("LANG", "en_US.UTF-8")],
            chinese,
        ),
        // LC_ALL stands over the others, and C is English.
        (&[("LC_ALL", "C.UTF-8"), ("LANG", "zh_CN.UTF-8")], english),
        (
            &[("LC_ALL", "zh_CN.UTF-8"), ("LC_MESSAGES", "en_US.UTF-8")],
            chinese,
        ),
        // Empty is unset.
        (&[("LC_ALL", ""), ("LANG", "zh_CN.UTF-8")], chinese),
        // gettext's list of languages, over the locale's own (not in C).
        (
            &[("LANG", "en_US.UTF-8"), ("LANGUAGE", "fr:zh_CN:en")],
            chinese,
        ),
        (&[("LANG", "zh_CN.UTF-8"), ("LANGUAGE", "en")], english),
        (&[("LANG", "C"), ("LANGUAGE", "zh_CN")], english),
        (&[("LC_ALL", "POSIX"), ("LANGUAGE", "zh_CN")], english),
        // `C.UTF-8` is a locale of its own: gettext reads `LANGUAGE` there.
        (&[("LANG", "C.UTF-8"), ("LANGUAGE", "zh_CN")], chinese),
        (&[("LANG", "C.UTF-8")], english),
        // Any English in the list is the messages as written.
        (
            &[("LANG", "zh_CN.UTF-8"), ("LANGUAGE", "en_CA:zh_CN")],
            english,
        ),
        (
            &[("LANG", "zh_CN.UTF-8"), ("LANGUAGE", ":fr:zh_SG")],
            chinese,
        ),
        // macOS names the character set alone.
        (&[("LC_CTYPE", "UTF-8"), ("LANG", "zh_CN.UTF-8")], chinese),
        // No messages in the language: English, and no error.
        (&[("LANG", "fr_FR.UTF-8")], english),
        (&[("LANG", "zh_TW.UTF-8")], english),
        (&[], english),
    ] {
        let out = with(vars, &["validate"]);
        assert_eq!(out.status.code(), Some(1), "{vars:?}");
        assert!(
            text(&out.stdout).ends_with(expected),
            "{vars:?}: {}",
            text(&out.stdout)
        );
        assert!(out.stderr.is_empty(), "{vars:?}: {}", text(&out.stderr));
    }
    // The help and clap's errors follow it too.
    let out = with(&[("LANG", "zh_CN.UTF-8")], &["validate", "--help"]);
    assert!(
        text(&out.stdout).contains("否则取系统的区域设置"),
        "{}",
        text(&out.stdout)
    );
    let out = with(&[("LANG", "zh_CN.UTF-8")], &["validate", "--formt"]);
    assert!(
        text(&out.stderr).starts_with("错误：未知参数 '--formt'"),
        "{}",
        text(&out.stderr)
    );
    // `--lang` and the variable stand over the locale.
    let out = with(&[("LANG", "zh_CN.UTF-8")], &["validate", "--lang", "en"]);
    assert!(text(&out.stdout).ends_with(english));
    let out = with(
        &[("LANG", "zh_CN.UTF-8"), ("DESK_SCHEMA_LANG", "en")],
        &["validate"],
    );
    assert!(text(&out.stdout).ends_with(english));
    let out = with(
        &[("LANG", "en_US.UTF-8"), ("DESK_SCHEMA_LANG", "zh-CN")],
        &["validate"],
    );
    assert!(text(&out.stdout).ends_with(chinese));
}

#[test]
fn a_locale_or_a_variable_that_names_no_language_is_english_throughout() {
    let bad = br#"{"Type": "Public"}"#;
    let english = "invalid: 3 problems\n";
    // A variable set to bytes that are not UTF-8 names no language, as
    // `setlocale` refuses it: it is not skipped for the next.
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt as _;
        let mut command = cli();
        command
            .env("LC_ALL", std::ffi::OsStr::from_bytes(b"zh_CN.UTF-8\xff"))
            .env("LANG", "zh_CN.UTF-8");
        let out = run_in(command, &["validate"], Some(bad));
        assert!(
            text(&out.stdout).ends_with(english),
            "{}",
            text(&out.stdout)
        );
    }
    // A `DESK_SCHEMA_LANG` `--lang` would refuse: English throughout, the
    // command's own words as well as clap's, whatever the locale (`schema`,
    // which has no `--lang`, does not refuse it).
    let schema = |args: &[&str]| {
        let mut command = cli();
        command
            .env("LANG", "zh_CN.UTF-8")
            .env("DESK_SCHEMA_LANG", "fr");
        run_in(command, args, None)
    };
    let out = schema(&["schema", "response", "--customer-service-account", "x"]);
    assert!(
        text(&out.stderr).contains("--customer-service-account"),
        "{}",
        text(&out.stderr)
    );
    assert!(
        !text(&out.stderr).chars().any(|c| c > '\u{2000}'),
        "{}",
        text(&out.stderr)
    );
    let out = schema(&["schema"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
}

#[test]
fn help_beside_a_bad_desk_schema_lang_says_why_it_is_english() {
    // Every help, in English, exit 0, and a note on stderr naming the
    // variable, its value and what `--lang` takes (it fell back silently);
    // none where `--lang` is given, for the version, or when the value is
    // good. (The overview's and `schema`'s follow the variable too now;
    // helper-135 found the note there when they did not.)
    let note =
        "note: DESK_SCHEMA_LANG holds 'fr', which '--lang' would refuse (expected en or zh-CN";
    for args in [
        &["help", "validate"][..],
        &["validate", "--help"],
        &["send", "-h"],
        &["usersig", "--help"],
        &["--help"],
        &["help"],
        &["schema", "--help"],
        &["help", "schema"],
    ] {
        let out = with_lang_env("fr", args, b"");
        assert_eq!(out.status.code(), Some(0), "{args:?}");
        assert!(
            text(&out.stdout).contains("Usage:"),
            "{args:?}: {}",
            text(&out.stdout)
        );
        assert!(
            text(&out.stderr).starts_with(note),
            "{args:?}: {}",
            text(&out.stderr)
        );
        assert!(
            text(&out.stderr)
                .ends_with("this help is in English, and a command with '--lang' refuses it\n")
        );
    }
    for (lang, args) in [
        ("fr", &["validate", "--lang", "zh-CN", "--help"][..]),
        ("fr", &["validate", "--lang=en", "-h"]),
        ("fr", &["--version"]),
        ("fr", &["--help", "--lang", "en"]),
        ("fr", &["help", "schema", "--lang=zh-CN"]),
        ("zh-CN", &["--help"]),
        ("", &["validate", "--help"]),
    ] {
        let out = with_lang_env(lang, args, b"");
        assert_eq!(out.status.code(), Some(0), "{args:?}");
        assert!(
            out.stderr.is_empty(),
            "{lang} {args:?}: {}",
            text(&out.stderr)
        );
    }
    // A key pasted there is not repeated in the note; nor is a URL's
    // password, in the note or in the usage error.
    let key = "0123456789abcdef0123456789abcdef";
    let out = with_lang_env(key, &["validate", "--help"], b"");
    assert!(!text(&out.stderr).contains(key), "{}", text(&out.stderr));
    assert!(
        text(&out.stderr)
            .starts_with("note: DESK_SCHEMA_LANG holds <not shown: it may be a secret>,"),
        "{}",
        text(&out.stderr)
    );
    let url = "https://bob:hunter2@example.com/";
    for args in [&["validate", "--help"][..], &["validate"]] {
        let out = with_lang_env(url, args, b"");
        assert!(
            !text(&out.stderr).contains("hunter2"),
            "{}",
            text(&out.stderr)
        );
        assert!(
            text(&out.stderr).contains("'https://<redacted>@example.com/'"),
            "{}",
            text(&out.stderr)
        );
    }
}

#[test]
fn usage_errors_speak_the_language_of_lang() {
    // clap's own usage errors, in Chinese under `--lang zh-CN` (written
    // anywhere on the line, before a `--`), with clap's tips, usage and
    // exit status 2; in English otherwise.
    let cases: [(&[&str], &str); 7] = [
        (
            &["validate", "--lang", "zh-CN", "--formt", "json"],
            "错误：未知参数 '--formt'\n\n  提示：有相近的参数：'--format'\n\n\
             用法：desk-schema validate --lang <LANG> --format <FORMAT> [FILE]...\n\n\
             更多信息，请加上 '--help --lang zh-CN' 查看帮助。\n",
        ),
        (
            &["validate", "--lang=zh-CN", "--format", "xml"],
            "错误：'xml' 不是 '--format <FORMAT>' 的有效值\n  [可选值：text、json]\n\n\
             更多信息，请加上 '--help --lang zh-CN' 查看帮助。\n",
        ),
        (
            &["validate", "--lang", "zh-CN", "--max-input-bytes", "0"],
            "错误：'0' 不是 '--max-input-bytes <N>' 的有效值：至少为 1\n\n\
             更多信息，请加上 '--help --lang zh-CN' 查看帮助。\n",
        ),
        (
            &["validate", "--lang", "zh-CN", "--max-input-bytes", "1e3"],
            "错误：'1e3' 不是 '--max-input-bytes <N>' 的有效值：不是非负整数\n\n\
             更多信息，请加上 '--help --lang zh-CN' 查看帮助。\n",
        ),
        (
            &["validate", "--lang", "zh-CN", "--response=yes"],
            "错误：'--response' 不带值，却给了 'yes'\n\n\
             用法：desk-schema validate --response [FILE]...\n\n更多信息，请加上 '--help --lang zh-CN' 查看帮助。\n",
        ),
        (
            &["validate", "--lang", "zh-CN", "--jsonl", "--jsonl"],
            "错误：参数 '--jsonl' 只能给一次\n\n\
             用法：desk-schema validate [OPTIONS] [FILE]...\n\n更多信息，请加上 '--help --lang zh-CN' 查看帮助。\n",
        ),
        (
            &[
                "validate",
                "--lang",
                "zh-CN",
                "--customer-service-account",
                "a",
                "--response",
            ],
            "错误：参数 '--customer-service-account <ID>' 不能与 '--response' 一起使用\n\n\
             用法：desk-schema validate --lang <LANG> --customer-service-account <ID> [FILE]...\n\n\
             更多信息，请加上 '--help --lang zh-CN' 查看帮助。\n",
        ),
    ];
    for (args, zh) in cases {
        let out = run(args, Some(b"{}"));
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert_eq!(text(&out.stderr), zh, "{args:?}");
        assert!(out.stdout.is_empty());
        // The same line asking for English, or not asking: clap's words.
        let english: Vec<&str> = args
            .iter()
            .map(|a| match *a {
                "zh-CN" => "en",
                "--lang=zh-CN" => "--lang=en",
                a => a,
            })
            .collect();
        let out = run(&english, Some(b"{}"));
        assert_eq!(out.status.code(), Some(2), "{english:?}");
        assert!(text(&out.stderr).starts_with("error: "), "{english:?}");
    }
    // A `--lang` with no value leaves the language given before it.
    let out = run(&["validate", "--lang", "zh-CN", "--lang"], None);
    assert!(
        text(&out.stderr).starts_with("错误：'--lang <LANG>' 需要一个值，但没有给出"),
        "{}",
        text(&out.stderr)
    );
    // The tip about `--`.
    let out = run(&["validate", "--lang", "zh-CN", "-x"], None);
    assert!(
        text(&out.stderr).contains("提示：若要把 '-x' 当作值，请写 '-- -x'"),
        "{}",
        text(&out.stderr)
    );
    // An argument after `--` is a file, not a language; an escape in an
    // argument is shown escaped in Chinese too.
    let out = run(&["validate", "--", "--lang", "zh-CN"], None);
    assert!(!text(&out.stderr).contains("错误"), "{}", text(&out.stderr));
    let out = run(&["validate", "--lang", "zh-CN", "--\u{1b}[31mred"], None);
    let err = text(&out.stderr);
    assert!(
        err.starts_with("错误：未知参数 '--\\u001b[31mred'"),
        "{err:?}"
    );
    assert!(!err.contains('\u{1b}'), "{err:?}");
}

/// `--lang` before the command is the line's (the help's, and the
/// command's unless it is given its own, later on the line); `schema`,
/// which has none of its own, reads one given after it so; given twice,
/// the last stands; an unknown command is refused in the language asked.
#[test]
fn a_lang_anywhere_on_the_line_is_the_lines() {
    let bad = br#"{"Type": "Public"}"#;
    for (args, code, starts) in [
        (
            &["--lang=zh-CN", "validate"][..],
            1,
            "（根节点）：缺少必填字段",
        ),
        (
            &["--lang", "zh-CN", "validate", "--lang", "en"],
            1,
            "(root): missing required",
        ),
        (
            &["validate", "--lang", "zh-CN", "--lang", "en"],
            1,
            "(root): missing required",
        ),
        (
            &["--lang", "en", "validate", "--lang", "zh"],
            1,
            "（根节点）：缺少必填字段",
        ),
    ] {
        let out = run(args, Some(bad));
        assert_eq!(out.status.code(), Some(code), "{args:?}");
        assert!(
            text(&out.stdout).starts_with(starts),
            "{args:?}: {}",
            text(&out.stdout)
        );
    }
    for (args, zh) in [
        (
            &["valdate", "--lang", "zh-CN"][..],
            "错误：未知子命令 'valdate'\n\n  提示：有相近的子命令：'validate'",
        ),
        (
            &["schema", "bogus", "--lang", "zh-CN"],
            "错误：'bogus' 不是 '[WHICH]' 的有效值",
        ),
        (
            &["--lang", "zh-CN", "-x", "validate"],
            "错误：未知参数 '-x'",
        ),
        (
            &["--lang=zh", "--"],
            "错误：'desk-schema' 需要一个子命令，但没有给出\n  [子命令：validate、schema、usersig、send、help]",
        ),
    ] {
        let out = run(args, None);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(
            text(&out.stderr).starts_with(zh),
            "{args:?}: {}",
            text(&out.stderr)
        );
    }
    // `schema`'s output has no language: the same bytes.
    let plain = run(&["schema"], None);
    for args in [&["--lang", "zh-CN", "schema"][..], &["schema", "--lang=zh"]] {
        let out = run(args, None);
        assert_eq!(out.status.code(), Some(0), "{args:?}");
        assert_eq!(out.stdout, plain.stdout, "{args:?}");
    }
    // A value `--lang` refuses, wherever it is given.
    for args in [
        &["--lang", "fr", "validate"][..],
        &["schema", "--lang", "fr"],
        &["help", "--lang", "fr"],
    ] {
        let out = run(args, None);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(
            text(&out.stderr).starts_with("error: invalid value 'fr' for '--lang <LANG>'"),
            "{args:?}: {}",
            text(&out.stderr)
        );
    }
}

#[test]
fn a_usage_error_prints_an_arguments_control_characters_escaped() {
    // clap quotes an unknown argument as given; an escape in it must not
    // reach the terminal (a UserID starting with `-`, given apart).
    for args in [
        &["validate", "--customer-service-account", "--\u{1b}[31mred"][..],
        &["\u{1b}]0;title\u{7}"][..],
    ] {
        let out = run(args, Some(b"{}"));
        let err = text(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{err}");
        assert!(!err.contains('\u{1b}') && !err.contains('\u{7}'), "{err:?}");
        assert!(err.contains("\\u001b"), "{err}");
    }
    // A line break or carriage return in the argument cannot forge a line;
    // a backslash alone is shown as given.
    let out = run(&["validate", "--x\r\nvalid: 0 problems"], None);
    let err = text(&out.stderr);
    assert!(err.contains("'--x\\r\\nvalid: 0 problems'"), "{err:?}");
    assert!(
        !err.contains('\r') && !err.lines().any(|l| l.starts_with("valid")),
        "{err:?}"
    );
    let out = run(&["validate", "--a\\b"], None);
    assert!(
        text(&out.stderr).contains("'--a\\b'"),
        "{:?}",
        text(&out.stderr)
    );
    // clap's own line breaks stay where the argument is one.
    let out = run(&["validate", "--format", "\n"], None);
    let err = text(&out.stderr);
    assert!(
        err.starts_with("error: invalid value '\\n' for '--format <FORMAT>'\n"),
        "{err:?}"
    );
    // A URL's password, in clap's words and in the endpoint's refusal, also
    // one that holds `#` or `@`.
    for endpoint in [
        "https://user:hunter2@h:99999",
        "https://u:hunter2#x@y@h:99999",
    ] {
        let out = keyed("send", &["--endpoint", endpoint, "x.json"], None, b"");
        let err = text(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{err}");
        assert!(
            !err.contains("hunter2") && err.contains("https://<redacted>@h:99999"),
            "{err}"
        );
    }
    // Userinfo without a scheme or a `:` is userinfo too, as an endpoint
    // (helper-183: `hunter2@host` was shown whole, where an account
    // argument such as `@desk` is shown as it is).
    for lang in ["en", "zh-CN"] {
        let out = keyed(
            "send",
            &[
                "--endpoint",
                "hunter2@console.tim.qq.com",
                "--lang",
                lang,
                "x.json",
            ],
            None,
            b"",
        );
        let err = text(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{err}");
        assert!(
            !err.contains("hunter2") && err.contains("'<redacted>@console.tim.qq.com'"),
            "{err}"
        );
    }
}

/// A UserSig is not shown where an argument holds it: in a request URL
/// pasted as the endpoint, or percent-encoded where a file or an account
/// goes (helper-159).
#[test]
fn a_usersig_in_an_argument_is_not_shown_in_any_form() {
    // A request URL pasted as the endpoint: clap quoted its query, UserSig
    // and all, beside the endpoint's own refusal that cut it out; and the
    // same UserSig percent-encoded, as a URL writes it, given where a file
    // or an account goes (helper-159: its `%2A`s broke the run the guess
    // looks for). A real one, signed with the page's sample key.
    let encoded = "eJw9zFELgjAUBeD-cp9DnDkmQq8SFcEyAh%2AHu8lFNsYcsoj%2Ae0ul%2A3a%2Ac7hvuF-abEYPNRRZDrslk0Yb6EkLK23IbsWkR%2AUcaahZmW%2A3NoEMJhUJuGB7sSpGR-7nnPPiv51oSH-bUIU%2A8EY%2AjkPjmY%2AyO3UWK%2AzjWSrP5qsiheZmXuUBPl8iwTI5";
    let url = format!(
        "https://console.tim.qq.com/v4/desk_http_svc/create_group?sdkappid=1400000000&identifier=admin&usersig={encoded}&random=1&contenttype=json"
    );
    for (subcommand, args) in [
        (
            "send",
            vec![
                "x.json",
                "--sdkappid",
                "1",
                "--identifier",
                "a",
                "--endpoint",
                &url,
            ],
        ),
        ("validate", vec![encoded]),
        ("usersig", vec!["--sdkappid", "1", "--identifier", encoded]),
        ("validate", vec!["--customer-service-account", encoded, "-"]),
    ] {
        let out = keyed(subcommand, &args, None, b"{}");
        let shown = format!("{}{}", text(&out.stdout), text(&out.stderr));
        assert_eq!(out.status.code(), Some(2), "{subcommand} {args:?}: {shown}");
        for piece in encoded.split("%2A").filter(|p| p.len() >= 8) {
            assert!(!shown.contains(piece), "{subcommand} {args:?}: {shown}");
        }
    }
}

/// A request that holds a UserSig as a property's name: `validate` names
/// the property in its violation, in text and in JSON, without the UserSig
/// (helper-159: it printed all 188 characters), as it does for a piece of
/// the secret key.
#[test]
fn validate_does_not_show_a_usersig_named_as_a_property() {
    let sig =
        "eJyrVgrxCdYrSy1SslIyVNIBSxWnZicWZeanQKSqUoqLcxBSJQmZKalAkTIjAwMTAyMjU*j-IKsvPTVYCAB2LQ__";
    // Also with a zero-width space every 30 characters, which the message
    // writes as `\u200b` (helper-160: the figure was hidden, the message
    // not).
    let split: String = sig
        .chars()
        .enumerate()
        .flat_map(|(i, c)| (i % 30 == 29).then_some('\u{200b}').into_iter().chain([c]))
        .collect();
    let body = serde_json::to_vec(&*support::request()).unwrap();
    let dir = std::env::temp_dir().join(format!("desk-schema-sig-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for name in [sig, &split[..]] {
        let mut request: serde_json::Value = serde_json::from_slice(&body).unwrap();
        request[name] = 1.into();
        let input = serde_json::to_vec(&request).unwrap();
        for format in ["text", "json"] {
            let out = run(&["validate", "--format", format, "-"], Some(&input));
            // `send` refuses the request unsent, and shows it as `validate`
            // does (helper-185: it showed the name whole).
            let sent = keyed(
                "send",
                &[
                    "-",
                    "--sdkappid",
                    "1",
                    "--identifier",
                    "a",
                    "--format",
                    format,
                ],
                Some(&"ab".repeat(32)),
                &input,
            );
            for out in [out, sent] {
                let shown = format!("{}{}", text(&out.stdout), text(&out.stderr));
                assert_eq!(out.status.code(), Some(1), "{shown}");
                assert!(
                    shown.contains("<not shown: it may be a secret>"),
                    "{format}: {shown}"
                );
                assert!(
                    !shown.contains(&sig[..16]) && !shown.contains(&sig[40..56]),
                    "{format}: {shown}"
                );
            }
        }
        // The name of a file it read is shown, whatever its shape
        // (helper-160: a long name mixing capitals, small letters and
        // digits was hidden, and with several files none could be told).
        let file = dir.join("Create_Group_Request_For_The_Support_Team_2026_v3.json");
        std::fs::write(&file, &input).unwrap();
        let file = file.to_str().unwrap();
        for format in ["text", "json"] {
            let out = run(&["validate", "--format", format, file, file], None);
            let shown = text(&out.stdout);
            assert_eq!(out.status.code(), Some(1), "{shown}");
            assert!(
                shown.contains("Create_Group_Request_For_The_Support_Team_2026_v3.json")
                    && !shown.contains(&sig[..16]),
                "{format}: {shown}"
            );
        }
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_flag_after_a_valueless_user_id_option_is_not_its_value() {
    // `--format` is not swallowed as an account (or `--sdkappid` as an
    // identifier): clap's usage error, as for any option.
    let out = run(
        &["validate", "--customer-service-account", "--format", "json"],
        Some(b"{}"),
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("a value is required for '--customer-service-account <ID>'"),
        "{}",
        text(&out.stderr)
    );
    let out = usersig(&["--identifier", "--sdkappid", "1"], None, b"");
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("a value is required for '--identifier <ID>'"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn customer_service_account_option_changes_the_rule() {
    let body = br#"{"Type":"Public","GroupId":"g","Name":"n","MemberList":[{"Member_Account":"u"},{"Member_Account":"@desk"}]}"#;
    assert_eq!(run(&["validate"], Some(body)).status.code(), Some(1));
    let out = run(
        &["validate", "--customer-service-account", "@desk"],
        Some(body),
    );
    assert_eq!(
        (out.status.code(), text(&out.stdout)),
        (Some(0), "valid\n".into())
    );
    // An account that is no UserID could never match a valid member: a
    // usage error, with the rule `Member_Account` breaks, the account quoted
    // (an escape cannot reach the terminal), in `--lang`'s language.
    let out = run(
        &["schema", "--customer-service-account", "\u{1b}[31mred\nx"],
        None,
    );
    let err = text(&out.stderr);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        err,
        "desk-schema: --customer-service-account \"\\u001b[31mred\\nx\": not a UserID: \
         U+001B (at the 1st byte) is not printable ASCII; only 0x20 to 0x7E (English letters, digits, punctuation and space) is allowed\n"
    );
    let out = run(
        &[
            "validate",
            "--lang",
            "zh-CN",
            "--customer-service-account",
            "",
        ],
        Some(body),
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("\"\"：不是有效的 UserID：至少 1 字节"),
        "{}",
        text(&out.stderr)
    );
    // A UserID may start with `-` (written `--opt=-x`, clap's habit); a
    // repeated one counts once.
    let out = run(
        &[
            "validate",
            "--customer-service-account=-desk",
            "--customer-service-account=-desk",
        ],
        Some(
            String::from_utf8_lossy(body)
                .replace("@desk", "-desk")
                .as_bytes(),
        ),
    );
    assert_eq!(
        (out.status.code(), text(&out.stdout)),
        (Some(0), "valid\n".into())
    );
    let out = run(
        &[
            "schema",
            "--customer-service-account",
            "a",
            "--customer-service-account",
            "a",
        ],
        None,
    );
    let schema: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        schema["properties"]["MemberList"]["allOf"][0]["contains"]["properties"]["Member_Account"]
            ["enum"],
        serde_json::json!(["a"])
    );
    let long = "a".repeat(33);
    for (account, why) in [
        ("", "0 bytes in UTF-8; at least 1 byte"),
        (
            long.as_str(),
            "33 bytes in UTF-8 (33 characters); at most 32 bytes",
        ),
    ] {
        for command in ["validate", "schema"] {
            let out = run(
                &[command, "--customer-service-account", account],
                Some(body),
            );
            assert_eq!(out.status.code(), Some(2), "{command} {account:?}");
            assert!(out.stdout.is_empty());
            assert!(
                text(&out.stderr).contains(&format!("not a UserID: {why}")),
                "{}",
                text(&out.stderr)
            );
        }
    }
}

#[test]
fn schema_prints_the_committed_bytes() {
    for (which, file) in [
        ("request", "create_group.request.schema.json"),
        ("response", "create_group.response.schema.json"),
    ] {
        let out = run(&["schema", which], None);
        let committed = std::fs::read(root().join("desk-schema/schemas").join(file)).unwrap();
        assert_eq!(out.stdout, committed, "{which}");
    }
}

#[test]
fn every_subcommand_has_help() {
    for args in [
        &["--help"][..],
        &["validate", "--help"],
        &["schema", "--help"],
        &["usersig", "--help"],
        &["send", "--help"],
    ] {
        let out = run(args, None);
        assert_eq!(out.status.code(), Some(0));
        assert!(text(&out.stdout).contains("Usage:"), "{args:?}");
    }
}

/// A value that starts with `-` right after an option that takes one is
/// read by clap as options: the tip says to write `--option=-value`, not
/// clap's `-- -value` (which would make it a file), in both languages; a
/// negative number is the value, refused by the option's own rule.
#[test]
fn a_value_starting_with_a_hyphen_gets_the_equals_tip() {
    for (lang, tip) in [
        (
            "en",
            "tip: to pass '-abc' as the value of '--identifier', use '--identifier=-abc'",
        ),
        (
            "zh-CN",
            "提示：若要把 '-abc' 当作 '--identifier' 的值，请写 '--identifier=-abc'",
        ),
    ] {
        let out = run(
            &[
                "usersig",
                "--lang",
                lang,
                "--sdkappid",
                "1",
                "--identifier",
                "-abc",
            ],
            None,
        );
        assert_eq!(out.status.code(), Some(2));
        let err = text(&out.stderr);
        assert!(err.contains(tip), "{err}");
        assert!(!err.contains("'-- "), "{err}");
    }
    let out = run(
        &["validate", "--customer-service-account", "-cs", "a.json"],
        None,
    );
    assert!(
        text(&out.stderr).contains("use '--customer-service-account=-cs'"),
        "{}",
        text(&out.stderr)
    );
    // Not where no value starting with `-` can be right (`--format` takes
    // `text` or `json`), nor for a mistyped option (`--verfy`), which clap
    // names (helper-132).
    for args in [
        &["validate", "--format", "-x", "a.json"][..],
        &["usersig", "--identifier", "--verfy", "--sdkappid", "1"],
    ] {
        let err = text(&run(args, None).stderr);
        assert!(!err.contains("as the value of"), "{args:?}: {err}");
    }
    // There, nor clap's `-- -x`: the option's own form (helper-133).
    for (args, tip) in [
        (
            &["validate", "--lang", "-x"][..],
            "'--lang' takes a value: '--lang <LANG>'",
        ),
        (
            &["usersig", "--sdkappid", "-abc"],
            "'--sdkappid' takes a value: '--sdkappid <N>'",
        ),
    ] {
        let err = text(&run(args, None).stderr);
        assert!(
            err.contains(tip) && !err.contains("'-- -"),
            "{args:?}: {err}"
        );
    }
    // Not after an option: clap's tip stands (`--` before a file named `-x`).
    let out = run(&["validate", "-x"], None);
    assert!(
        text(&out.stderr).contains("use '-- -x'"),
        "{}",
        text(&out.stderr)
    );
    // Nor where a later option's value starts as the refused one does.
    let out = run(
        &[
            "validate",
            "x.json",
            "-abc",
            "--customer-service-account",
            "-axe",
        ],
        None,
    );
    let err = text(&out.stderr);
    assert!(
        err.contains("use '-- -a'") && !err.contains("-axe"),
        "{err}"
    );
}

/// Numbers say their rule alike: `send`'s seconds and attempts their
/// range, the counts that must be 1 or more so.
#[test]
fn negative_numbers_are_values_their_rules_refuse() {
    // `send`'s seconds and attempts say their range alike.
    for (option, range) in [
        ("--time-budget", "1..=3600"),
        ("--attempt-timeout", "1..=3600"),
        ("--max-attempts", "1..=20"),
    ] {
        let args = [
            "send",
            "x.json",
            "--sdkappid",
            "1",
            "--identifier",
            "a",
            option,
            "-3",
        ];
        let err = text(&run(&args, None).stderr);
        assert!(
            err.contains(&format!("-3 is not in {range}")),
            "{option}: {err}"
        );
    }
    for args in [
        &["validate", "--max-input-bytes", "-5", "a.json"][..],
        &["usersig", "--sdkappid", "-3", "--identifier", "a"],
    ] {
        let out = run(args, None);
        assert_eq!(out.status.code(), Some(2));
        let err = text(&out.stderr);
        assert!(err.contains("must be at least 1"), "{args:?}: {err}");
    }
}

#[test]
fn oversized_input_is_refused_before_parsing() {
    let big = vec![b' '; 2048];
    let out = run(&["validate", "--max-input-bytes", "1024"], Some(&big));
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("larger than 1024 bytes"));
}

#[test]
fn invalid_utf8_is_reported_not_a_crash() {
    let out = run(&["validate"], Some(b"{\"Name\": \"\xff\"}"));
    assert_eq!(out.status.code(), Some(1));
    // The byte counted from 1 in both languages (0xFF is the 11th).
    assert!(
        text(&out.stdout).contains("not UTF-8: invalid byte sequence at the 11th byte"),
        "{}",
        text(&out.stdout)
    );
    let out = run(
        &["validate", "--lang", "zh-CN"],
        Some(b"{\"Name\": \"\xff\"}"),
    );
    assert!(
        text(&out.stdout).contains("第 11 个字节"),
        "{}",
        text(&out.stdout)
    );
}

#[test]
fn deep_nesting_is_reported_by_the_cli() {
    let deep = "[".repeat(100_000);
    let out = run(&["validate"], Some(deep.as_bytes()));
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stdout).contains("not valid JSON"));
    let closed = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let out = run(&["validate"], Some(closed.as_bytes()));
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        text(&out.stdout),
        "(root): expected object, found array\ninvalid: 1 problem\n"
    );
}

#[test]
fn a_ten_megabyte_name_is_refused_by_default_and_measured_when_allowed() {
    let body = format!(
        r#"{{"Type":"Public","GroupId":"g","Name":"{}","MemberList":[{{"Member_Account":"u"}},{{"Member_Account":"@customer_service_account"}}]}}"#,
        "名".repeat(3_500_000)
    );
    let out = run(&["validate"], Some(body.as_bytes()));
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("larger than 1048576 bytes"));
    let out = run(
        &["validate", "--max-input-bytes", "20000000"],
        Some(body.as_bytes()),
    );
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        text(&out.stdout),
        "/Name: 10500000 bytes in UTF-8 (3500000 characters); at most 100 bytes\ninvalid: 1 problem\n"
    );
}

#[test]
fn the_cli_keeps_common_habits() {
    // --version and -V.
    for flag in ["--version", "-V"] {
        let out = run(&[flag], None);
        assert_eq!(out.status.code(), Some(0));
        assert_eq!(
            text(&out.stdout),
            format!("desk-schema {}\n", env!("CARGO_PKG_VERSION"))
        );
    }
    // help on a topic.
    let out = run(&["help", "validate"], None);
    assert!(text(&out.stdout).contains("--customer-service-account <ID>"));
    let out = run(&["help", "schema"], None);
    assert!(text(&out.stdout).contains("x-maxBytes"));
    // `help COMMAND --lang zh-CN` is `COMMAND --lang zh-CN --help`, not
    // an unknown command `--lang`.
    for command in ["validate", "send", "usersig"] {
        let out = run(&["help", command, "--lang", "zh-CN"], None);
        assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
        let help = run(&[command, "--lang", "zh-CN", "--help"], None);
        assert!(text(&out.stdout).contains("用法："), "{command}");
        assert_eq!(text(&out.stdout), text(&help.stdout), "{command}");
    }
    // --format=json, and `valid` before `errors`.
    let out = run(&["validate", "--format=json"], Some(b"{}"));
    assert_eq!(out.status.code(), Some(1));
    let json = text(&out.stdout);
    assert!(json.starts_with(r#"{"valid":false,"errors":["#), "{json}");
    // An unknown short option is an option, not a file; `--` ends options.
    let out = run(&["validate", "-x"], Some(b"{}"));
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("unexpected argument '-x'"));
    // A misspelt option gets a suggestion.
    let out = run(&["validate", "--fromat", "json"], Some(b"{}"));
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("'--format'"),
        "{}",
        text(&out.stderr)
    );
    let out = run(&["validate", "--", "-x"], None);
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    // An I/O error is one line: no usage after it.
    assert!(err.starts_with("desk-schema: cannot read -x:"), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
    // Columns are 1-based, also for empty input.
    let out = run(&["validate", "--format", "json"], Some(b""));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["errors"][0]["column"], 1, "{json}");
}

/// A request body from the corpus, by name.
/// A file's name is the user's text: the text format shows it escaped as a
/// report shows a key, so that a name cannot add a line that passes for a
/// violation; the JSON format keeps it as it is.
#[test]
fn a_file_name_cannot_break_a_line() {
    let dir = std::env::temp_dir().join(format!("desk-schema-names-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let name = dir.join("a\n(root): fake\u{202e}.json");
    std::fs::copy(
        root().join("desk-schema/examples/create_group.request.json"),
        &name,
    )
    .unwrap();
    let valid = "desk-schema/examples/create_group.request.json";
    let path = name.to_str().unwrap();
    let shown = path.replace('\n', r"\n").replace('\u{202e}', r"\u202e");
    let out = run(&["validate", path, valid], None);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        text(&out.stdout),
        format!("{shown}: valid\n{valid}: valid\n2 checked: 2 valid, 0 invalid\n")
    );
    let out = run(&["validate", path, valid, "--format", "json"], None);
    assert_eq!(json_lines(&out)[0]["file"], path);
    // A name that cannot be read: one line on stderr.
    let missing = dir.join("no\nsuch.json");
    let out = run(&["validate", missing.to_str().unwrap()], None);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        text(&out.stderr).lines().count(),
        1,
        "{}",
        text(&out.stderr)
    );
    // Names that are not UTF-8: each such byte as `\xNN`, so that two names
    // never show alike, nor like one that holds U+FFFD.
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        let names = [
            &b"b\xffx.json"[..],
            b"b\xfex.json",
            "b\u{fffd}x.json".as_bytes(),
        ];
        let paths: Vec<PathBuf> = names
            .iter()
            .map(|n| dir.join(std::ffi::OsStr::from_bytes(n)))
            .collect();
        for path in &paths {
            std::fs::copy(root().join(valid), path).unwrap();
        }
        let out = cli().arg("validate").args(&paths).output().unwrap();
        let dir = dir.to_str().unwrap();
        assert_eq!(
            text(&out.stdout),
            format!(
                "{dir}/b\\xffx.json: valid\n{dir}/b\\xfex.json: valid\n{dir}/b\u{fffd}x.json: valid\n3 checked: 3 valid, 0 invalid\n"
            )
        );
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

fn corpus_request(name: &str) -> String {
    let corpus =
        std::fs::read_to_string(root().join("corpus/create_group.requests.jsonl")).unwrap();
    corpus
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
        .find(|c| c["name"] == name)
        .map_or_else(
            || panic!("no corpus case {name:?}"),
            |c| c["request"].to_string(),
        )
}

#[test]
fn several_files_give_a_report_each_and_the_worst_status() {
    let valid = "desk-schema/examples/create_group.request.json";
    let invalid = "desk-schema/examples/invalid.request.json";
    let out = run(&["validate", valid, invalid, "--format", "json"], None);
    assert_eq!(out.status.code(), Some(1));
    let lines = json_lines(&out);
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["valid"], true);
    assert_eq!(lines[0]["file"], valid);
    assert_eq!(lines[1]["valid"], false);
    assert_eq!(lines[1]["errors"].as_array().unwrap().len(), 8);
    // Keys in the documented order.
    assert!(
        text(&out.stdout)
            .lines()
            .next()
            .unwrap()
            .starts_with(&format!(
                r#"{{"valid":true,"errors":[],"file":"{valid}","format_version":1}}"#
            ))
    );
    // Text: one line per violation, prefixed with the file, and a summary.
    let out = run(&["validate", valid, invalid], None);
    let report = text(&out.stdout);
    assert!(
        report.starts_with(&format!(
            "{valid}: valid\n{invalid}: (root): unknown property"
        )),
        "{report}"
    );
    assert!(
        report.ends_with("2 checked: 1 valid, 1 invalid\n"),
        "{report}"
    );
    // A file that cannot be read: one line on stderr, exit 2, the others still checked.
    let out = run(
        &["validate", "no-such.json", valid, "--format", "json"],
        None,
    );
    assert_eq!(out.status.code(), Some(2));
    // A JSON line for the file that could not be read, then the report.
    let lines = json_lines(&out);
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["file"], "no-such.json");
    assert_eq!(lines[1]["valid"], true);
    assert!(text(&out.stderr).starts_with("desk-schema: cannot read no-such.json:"));
}

/// Arguments, standard input, the Chinese line, the English one's start.
type LangCase<'a> = (&'a [&'a str], Option<&'a [u8]>, String, String);

#[test]
fn input_errors_speak_the_language_of_lang() {
    // What stops an input, said in Chinese under `--lang zh-CN` (the
    // system's words for a missing file too), in English otherwise.
    let dir = std::env::temp_dir().join(format!("desk-schema-lang-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let lines = dir.join("two.jsonl");
    std::fs::write(&lines, "{}\n{\"Name\": \"a long line\"}\n").unwrap();
    let lines = lines.to_str().unwrap();
    // Seven lines over the limit among nine: the first five named, the rest
    // counted.
    let many = dir.join("many.jsonl");
    let long = "{\"Name\": \"a long line\"}\n";
    std::fs::write(
        &many,
        format!("{long}{{}}\n{long}{long}{{}}\n{}", long.repeat(4)),
    )
    .unwrap();
    let many = many.to_str().unwrap();
    let dir_name = dir.to_str().unwrap();
    let cases: [LangCase<'_>; 6] = [
        (
            &["no-such.json"],
            None,
            "desk-schema: 无法读取 no-such.json：没有这个文件\n".into(),
            "desk-schema: cannot read no-such.json: ".into(),
        ),
        (
            &[dir_name],
            None,
            format!("desk-schema: 无法读取 {dir_name}：这是一个目录\n"),
            format!("desk-schema: cannot read {dir_name}: "),
        ),
        (
            &["--max-input-bytes", "1"],
            Some(b"{}"),
            "desk-schema: 标准输入超过 1 字节；调高 --max-input-bytes 才能检查\n".into(),
            "desk-schema: standard input is larger than 1 bytes; raise --max-input-bytes to check it\n"
                .into(),
        ),
        (
            &["--jsonl", "--max-input-bytes", "5", lines],
            None,
            format!("desk-schema: {lines} 第 2 行超过 5 字节，未检查；调高 --max-input-bytes 才能检查\n"),
            format!("desk-schema: {lines}:2: 1 line larger than 5 bytes left unchecked; raise --max-input-bytes to check it\n"),
        ),
        (
            &["--jsonl", "--max-input-bytes", "5", many],
            None,
            format!("desk-schema: {many} 第 1、3、4、6、7 行等 7 行超过 5 字节，未检查；调高 --max-input-bytes 才能检查\n"),
            format!("desk-schema: {many}:1: 7 lines larger than 5 bytes left unchecked (lines 1, 3, 4, 6, 7 and 2 more); raise --max-input-bytes to check them\n"),
        ),
        (
            &["--jsonl", "--max-input-bytes", "5", "-"],
            Some(b"{}\n{\"Name\": \"a\"}\n{}\n{\"Name\": \"b\"}\n"),
            "desk-schema: 标准输入第 2、4 行超过 5 字节，未检查；调高 --max-input-bytes 才能检查\n".into(),
            "desk-schema: -:2: 2 lines larger than 5 bytes left unchecked (lines 2 and 4); raise --max-input-bytes to check them\n".into(),
        ),
    ];
    for (args, stdin, zh, en) in cases {
        let with = |lang: &str| {
            let mut all = vec!["validate", "--lang", lang];
            all.extend_from_slice(args);
            let out = run(&all, stdin);
            assert_eq!(out.status.code(), Some(2), "{args:?}");
            text(&out.stderr)
        };
        assert_eq!(with("zh-CN"), zh, "{args:?}");
        assert!(with("en").starts_with(&en), "{args:?}: {}", with("en"));
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn jsonl_gives_one_report_per_line() {
    let good = corpus_request("page sample");
    let long_name = corpus_request("Name 101 bytes of ascii");
    let input = format!("{good}\n\n{long_name}\r\n{{\"Type\": \n{good}");
    let out = run(
        &["validate", "--jsonl", "--format", "json"],
        Some(input.as_bytes()),
    );
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    let reports = json_lines(&out);
    // The blank line is skipped; lines keep their numbers in the file.
    let lines: Vec<u64> = reports
        .iter()
        .map(|r| r["line"].as_u64().unwrap())
        .collect();
    assert_eq!(lines, [1, 3, 4, 5]);
    let valid: Vec<bool> = reports
        .iter()
        .map(|r| r["valid"].as_bool().unwrap())
        .collect();
    assert_eq!(valid, [true, false, false, true]);
    assert_eq!(reports[1]["errors"][0]["path"], "/Name");
    assert_eq!(reports[1]["errors"][0]["code"], "max_bytes");
    // A broken line is a syntax violation of its own, with its column (the
    // line `{"Type": ` ends where its value should be, the 10th column),
    // and its line in the file (serde_json, given the line alone, says 1).
    assert_eq!(reports[2]["errors"][0]["code"], "syntax");
    assert_eq!(reports[2]["errors"][0]["line"], 4);
    assert_eq!(reports[2]["errors"][0]["column"], 10);
    assert_eq!(reports[0]["file"], "-");
    // Text output names FILE:LINE.
    let out = run(&["validate", "--jsonl"], Some(input.as_bytes()));
    let report = text(&out.stdout);
    assert!(report.contains("-:3: /Name: 101 bytes"), "{report}");
    assert!(
        report.ends_with("4 checked: 2 valid, 2 invalid\n"),
        "{report}"
    );
    // All valid: exit 0.
    let out = run(
        &["validate", "--jsonl"],
        Some(format!("{good}\n{good}\n").as_bytes()),
    );
    assert_eq!(out.status.code(), Some(0));
    // In Chinese, all of it: each line's verdict and the summary.
    let out = run(
        &["validate", "--jsonl", "--lang", "zh-CN"],
        Some(input.as_bytes()),
    );
    let report = text(&out.stdout);
    assert!(report.starts_with("-:1: 有效\n"), "{report}");
    assert!(
        report.ends_with("共检查 4 个：2 个有效，2 个无效\n"),
        "{report}"
    );
    assert!(
        !report.contains("valid") && !report.contains("checked"),
        "{report}"
    );
    // The broken line, its place and its reason too (serde_json's is English).
    assert!(
        report.contains(
            "-:4: （根节点）：不是有效的 JSON：第 4 行第 10 列，此处应有一个值，文本却结束了"
        ),
        "{report}"
    );
    let out = run(&["validate", "--lang", "zh-CN"], Some(good.as_bytes()));
    assert_eq!(text(&out.stdout), "有效\n");
}

#[test]
fn jsonl_skips_a_line_over_the_limit_and_checks_the_rest() {
    let good = corpus_request("page sample");
    let huge = format!("{{\"Name\": \"{}\"}}", "a".repeat(5000));
    let input = format!("{good}\n{huge}\n{good}\n");
    let out = run(
        &[
            "validate",
            "--jsonl",
            "--format",
            "json",
            "--max-input-bytes",
            "1000",
        ],
        Some(input.as_bytes()),
    );
    assert_eq!(out.status.code(), Some(2));
    let lines = json_lines(&out);
    // The line left unchecked is a JSON line of its own, in its place
    // between the two reports, with its number.
    assert_eq!(lines.len(), 3);
    assert_eq!(
        [&lines[0]["line"], &lines[1]["line"], &lines[2]["line"]],
        [1, 2, 3]
    );
    assert_eq!(lines[1]["file"], "-");
    assert_eq!(
        lines[1]["error"],
        "-:2: the line is larger than 1000 bytes, left unchecked; raise --max-input-bytes to check it"
    );
    assert_eq!(lines[1].as_object().unwrap().len(), 4, "{}", lines[1]);
    assert_eq!([&lines[0]["valid"], &lines[2]["valid"]], [true, true]);
    let err = text(&out.stderr);
    assert!(
        err.starts_with("desk-schema: -:2: 1 line larger than 1000 bytes left unchecked"),
        "{err}"
    );
}

/// Each JSON Lines line left unchecked counts in the summary, as each line
/// checked does.
#[test]
fn jsonl_counts_each_line_left_unchecked_as_unreadable() {
    let big = format!("{{\"x\":\"{}\"}}", "y".repeat(200));
    let input = format!("{big}\n{{\"a\":1}}\n{big}\n{big}\n");
    for (lang, summary) in [
        ("en", "1 checked: 0 valid, 1 invalid, 3 not checked\n"),
        ("zh-CN", "共检查 1 个：0 个有效，1 个无效，3 个未检查\n"),
    ] {
        let out = run(
            &[
                "validate",
                "--jsonl",
                "--max-input-bytes",
                "100",
                "--lang",
                lang,
                "-",
            ],
            Some(input.as_bytes()),
        );
        assert_eq!(out.status.code(), Some(2));
        assert!(
            text(&out.stdout).ends_with(summary),
            "{}",
            text(&out.stdout)
        );
    }
}

/// The limit is on a line without its end: `\n` and `\r\n` alike, at the
/// limit and one byte past it; and a line of a form feed, which JSON does
/// not count as white space, is checked (a `syntax` violation), not skipped.
#[test]
fn jsonl_limits_a_line_without_its_end_and_skips_only_json_blank_lines() {
    let jsonl = |max: &str, input: &str| {
        let args = [
            "validate",
            "--jsonl",
            "--format",
            "json",
            "--max-input-bytes",
            max,
        ];
        let out = run(&args, Some(input.as_bytes()));
        (out.status.code(), json_lines(&out))
    };
    let line = r#"{"Type":1}"#; // 10 bytes
    for end in ["\n", "\r\n"] {
        for (max, checked) in [("10", true), ("9", false)] {
            let (status, reports) = jsonl(max, &format!("{line}{end}{line}"));
            let lines = reports.iter().filter(|r| r["errors"].is_array()).count();
            let unchecked = reports.iter().filter(|r| r["error"].is_string()).count();
            assert_eq!(unchecked, if checked { 0 } else { 2 }, "{reports:?}");
            assert_eq!(
                lines,
                if checked { 2 } else { 0 },
                "{end:?} {max}: {reports:?}"
            );
            assert_eq!(status, Some(if checked { 1 } else { 2 }), "{end:?} {max}");
        }
    }
    // A form feed is not JSON's white space: its line is checked.
    let (_, reports) = jsonl("100", " \t\r\n\x0c\n");
    assert_eq!(reports.len(), 1, "{reports:?}");
    assert_eq!(reports[0]["line"], 2);
    assert_eq!(reports[0]["errors"][0]["code"], "syntax");
    // A blank line is skipped however long it is.
    let (_, reports) = jsonl("10", &format!("{}\r\n{line}\n", " ".repeat(30)));
    assert_eq!(reports.len(), 1, "{reports:?}");
    assert_eq!(reports[0]["line"], 2);
}

#[test]
fn schema_takes_the_customer_service_accounts() {
    let out = run(
        &[
            "schema",
            "request",
            "--customer-service-account",
            "@cs_team_a",
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(0));
    let schema: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let rule = &schema["properties"]["MemberList"]["allOf"];
    assert_eq!(
        rule[0]["contains"]["properties"]["Member_Account"]["enum"],
        serde_json::json!(["@cs_team_a"])
    );
    assert_eq!(
        rule[1]["contains"]["properties"]["Member_Account"]["not"]["enum"],
        serde_json::json!(["@cs_team_a"])
    );
    // Only the request has the rule.
    let out = run(
        &["schema", "response", "--customer-service-account", "x"],
        None,
    );
    assert_eq!(out.status.code(), Some(2));
}

/// A closed output (`| head`) stops the whole run at once, without a message:
/// nothing more could be said, so no other input is read.
#[test]
fn a_closed_output_stops_every_input_quietly() {
    let dir = std::env::temp_dir().join(format!("desk-schema-pipe-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let request =
        std::fs::read_to_string(root().join("desk-schema/examples/create_group.request.json"))
            .unwrap();
    let line = serde_json::to_string(&serde_json::from_str::<serde_json::Value>(&request).unwrap())
        .unwrap();
    let big = dir.join("many.jsonl");
    std::fs::write(&big, format!("{line}\n").repeat(20_000)).unwrap();
    let mut child = cli()
        .args(["validate", "--jsonl"])
        .arg(&big)
        .arg(&big)
        .current_dir(root())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    {
        use std::io::BufRead;
        let mut first = String::new();
        std::io::BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut first)
            .unwrap();
        assert!(first.ends_with(":1: valid\n"), "{first}");
        // The reader is dropped here: the pipe is closed.
    }
    let out = child.wait_with_output().unwrap();
    std::fs::remove_dir_all(&dir).unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(text(&out.stderr), "");
}

#[test]
fn response_bodies_are_checked_with_response() {
    let example = root().join("desk-schema/examples/create_group.response.json");
    let example = example.to_str().unwrap();
    let out = run(&["validate", "--response", example], None);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(text(&out.stdout), "valid\n");
    // The same file as a request breaks the request's rules.
    assert_eq!(run(&["validate", example], None).status.code(), Some(1));
    // A request given as a response: the response's shape is refused.
    let request = root().join("desk-schema/examples/create_group.request.json");
    let out = run(&["validate", "--response", request.to_str().unwrap()], None);
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn an_unreadable_input_is_a_json_line_of_its_own_and_counted_in_the_summary() {
    let example = root().join("desk-schema/examples/create_group.request.json");
    let example = example.to_str().unwrap();
    let missing = "/nonexistent/desk-schema-request.json";
    let out = run(&["validate", "--format", "json", example, missing], None);
    assert_eq!(out.status.code(), Some(2));
    let lines = json_lines(&out);
    assert_eq!(lines.len(), 2, "{}", text(&out.stdout));
    assert_eq!(lines[0]["valid"], true);
    assert_eq!(lines[1]["file"], missing);
    assert!(
        lines[1]["error"]
            .as_str()
            .unwrap()
            .starts_with("cannot read")
    );
    assert_eq!(lines[1]["format_version"], 1);

    let out = run(&["validate", example, missing], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stdout).ends_with("1 checked: 1 valid, 0 invalid, 1 not checked\n"),
        "{}",
        text(&out.stdout)
    );
}

#[test]
fn values_that_cannot_work_are_usage_errors() {
    let key = Some("a-test-secret-key-0123456789");
    // A limit of 0 bytes refuses every input; a UserSig that lasts 0 seconds
    // is expired when made.
    let out = run(&["validate", "--max-input-bytes", "0"], Some(b"{}"));
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert!(
        err.contains("--max-input-bytes") && err.contains("must be at least 1"),
        "{err}"
    );
    let out = usersig(
        &["--sdkappid", "1", "--identifier", "admin", "--expire", "0"],
        key,
        b"",
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    assert!(text(&out.stderr).contains("must be at least 1"));
    // No app has SDKAppID 0: `send` refuses it, and so does `usersig`.
    let out = usersig(&["--sdkappid", "0", "--identifier", "admin"], key, b"");
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let err = text(&out.stderr);
    assert!(
        err.contains("--sdkappid") && err.contains("must be at least 1"),
        "{err}"
    );
    // The identifier is a UserID: the rule's own words say what is wrong.
    for (id, words) in [
        ("", "at least 1 byte"),
        (&"a".repeat(33), "at most 32 bytes"),
        ("tab\there", "printable ASCII"),
    ] {
        let out = usersig(&["--sdkappid", "1", "--identifier", id], key, b"");
        assert_eq!(out.status.code(), Some(2), "{id:?}");
        assert!(out.stdout.is_empty(), "{id:?}");
        let err = text(&out.stderr);
        assert!(
            err.contains("not a UserID") && err.contains(words),
            "{id:?}: {err}"
        );
    }
}

/// A refused `usersig --verify`: arguments after `--verify`, the key, the
/// input, and what stderr says.
type VerifyCase<'a> = (&'a [&'a str], Option<&'a str>, &'a [u8], &'a str);

/// `desk-schema usersig ARGS` with `key` in `DESK_SCHEMA_SECRET_KEY` (or
/// none) and `stdin`.
fn usersig(args: &[&str], key: Option<&str>, stdin: &[u8]) -> Output {
    keyed("usersig", args, key, stdin)
}

/// `usersig --lang zh-CN` says why it refuses in Chinese: no key, a UserSig
/// that is not one, of another app, signed with another key.
#[test]
fn usersig_speaks_the_language_of_lang() {
    let app = ["--sdkappid", "1400000000", "--lang", "zh-CN"];
    let with = |extra: &[&'static str]| -> Vec<&'static str> {
        app.iter().chain(extra).copied().collect()
    };
    let out = usersig(&with(&["--identifier", "a"]), None, b"");
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        text(&out.stderr),
        "desk-schema: 没有密钥：请用 --key-file FILE 给出，或设置 DESK_SCHEMA_SECRET_KEY\n"
    );
    let sig = usersig(&with(&["--identifier", "a"]), Some("k"), b"").stdout;
    for (key, stdin, args, why) in [
        (
            "k",
            &b"x"[..],
            &["--verify"][..],
            "不是 UserSig：不是 base64 文本",
        ),
        ("k", &b""[..], &["--verify"][..], "UserSig 为空"),
        ("k", &b" \n"[..], &["--verify"][..], "UserSig 为空"),
        ("other", &sig[..], &["--verify"], "签名与密钥不符"),
    ] {
        let out = usersig(&with(args), Some(key), stdin);
        assert_eq!(out.status.code(), Some(1));
        assert_eq!(text(&out.stderr), format!("desk-schema: {why}\n"));
    }
    let other_app = ["--sdkappid", "1400000001", "--lang", "zh", "--verify"];
    let out = usersig(&other_app, Some("k"), &sig);
    assert_eq!(
        text(&out.stderr),
        "desk-schema: 该 UserSig 属于 SDKAppID 1400000000，不是 1400000001\n"
    );
}

/// A UserSig saved by an editor that starts the file with a byte order mark
/// and ends its lines with CR LF is the same UserSig.
#[test]
fn a_usersig_saved_by_an_editor_verifies() {
    let made = usersig(&["--sdkappid", "1", "--identifier", "a"], Some("k"), b"");
    assert_eq!(made.status.code(), Some(0), "{}", text(&made.stderr));
    let saved = [
        "\u{feff}".as_bytes(),
        text(&made.stdout).trim_end().as_bytes(),
        b"\r\n",
    ]
    .concat();
    let checked = usersig(&["--sdkappid", "1", "--verify"], Some("k"), &saved);
    assert_eq!(checked.status.code(), Some(0), "{}", text(&checked.stderr));
}

/// A key file saved by an editor that writes a byte order mark, or with
/// white space and a BOM in either order around the key, holds the same
/// key: a UserSig signed with it verifies with the key itself, and the
/// other way round (helper-125: the mark was signed as part of the key).
#[test]
fn a_key_file_saved_by_an_editor_holds_the_same_key() {
    let key = "5bd2850fff3ecb11d7c805251c51ee463a25727bddc2385f3fa8bfee1bb93b5e";
    let dir = std::env::temp_dir().join(format!("desk-schema-key-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for (i, saved) in [
        format!("\u{feff}{key}"),
        format!("\u{feff}{key}\r\n"),
        format!(" \u{feff}{key}\n"),
    ]
    .iter()
    .enumerate()
    {
        let file = dir.join(format!("key{i}"));
        std::fs::write(&file, saved).unwrap();
        let file = file.to_str().unwrap();
        let from_file = usersig(
            &["--sdkappid", "1", "--identifier", "a", "--key-file", file],
            None,
            b"",
        );
        assert_eq!(
            from_file.status.code(),
            Some(0),
            "{}",
            text(&from_file.stderr)
        );
        let checked = usersig(
            &["--sdkappid", "1", "--verify"],
            Some(key),
            &from_file.stdout,
        );
        assert_eq!(
            checked.status.code(),
            Some(0),
            "{saved:?}: {}",
            text(&checked.stderr)
        );
        let made = usersig(&["--sdkappid", "1", "--identifier", "a"], Some(key), b"");
        let checked = usersig(
            &["--sdkappid", "1", "--verify", "--key-file", file],
            None,
            &made.stdout,
        );
        assert_eq!(
            checked.status.code(),
            Some(0),
            "{saved:?}: {}",
            text(&checked.stderr)
        );
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

/// `desk-schema SUBCOMMAND ARGS` with `key` in `DESK_SCHEMA_SECRET_KEY` (or
/// none) and `stdin`.
fn keyed(subcommand: &str, args: &[&str], key: Option<&str>, stdin: &[u8]) -> Output {
    use std::io::Write;
    let mut command = cli();
    command
        .arg(subcommand)
        .args(args)
        .env_remove("DESK_SCHEMA_SECRET_KEY")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    if let Some(key) = key {
        command.env("DESK_SCHEMA_SECRET_KEY", key);
    }
    let mut child = command.spawn().unwrap();
    // The CLI may stop at its arguments before reading its input.
    if let Err(e) = child.stdin.take().unwrap().write_all(stdin) {
        assert_eq!(e.kind(), std::io::ErrorKind::BrokenPipe, "{e}");
    }
    child.wait_with_output().unwrap()
}

/// A secret key pasted as an argument where none is taken is a usage
/// error that does not repeat it; an unknown option is still named.
#[test]
fn an_unexpected_argument_that_may_be_a_key_is_not_repeated() {
    let key = "5bd2850fff3ecb11d7c805251c51ee463a25727bddc2385f3fa8bfee1bb93b5e";
    for args in [
        &["usersig", "--sdkappid", "1", "--identifier", "a", key][..],
        &[
            "send",
            "--sdkappid",
            "1",
            "--identifier",
            "a",
            "f.json",
            key,
        ],
        &["schema", "request", key],
    ] {
        let out = run(args, None);
        assert_eq!(out.status.code(), Some(2));
        let err = text(&out.stderr);
        assert!(
            err.contains("unexpected argument '<not shown: it may be a secret>'"),
            "{err}"
        );
        assert!(!err.contains(&key[..8]) && out.stdout.is_empty(), "{err}");
    }
    let zh = [
        "usersig",
        "--lang",
        "zh-CN",
        "--sdkappid",
        "1",
        "--identifier",
        "a",
        key,
    ];
    let zh = run(&zh, None);
    assert!(
        text(&zh.stderr).contains("未知参数 '<不予显示：可能是密钥>'"),
        "{}",
        text(&zh.stderr)
    );
    let out = run(
        &["usersig", "--sdkappid", "1", "--identifier", "a", "--bogus"],
        None,
    );
    assert!(text(&out.stderr).contains("unexpected argument '--bogus'"));
}

/// A secret key or a UserSig pasted where a value, a file or a command
/// goes is not repeated by the message that refuses it, in either
/// language, on stderr or in the JSON output: by its shape, or because it
/// is the key `DESK_SCHEMA_SECRET_KEY` holds. Values of other shapes are
/// still shown.
#[test]
fn a_credential_given_as_a_value_a_file_or_a_command_is_not_repeated() {
    let key = "5bd2850fff3ecb11d7c805251c51ee463a25727bddc2385f3fa8bfee1bb93b5e";
    let sig = text(
        &usersig(
            &["--sdkappid", "1400000000", "--identifier", "a"],
            Some("k"),
            b"",
        )
        .stdout,
    );
    let sig = sig.trim();
    let with_key = format!("a,{key}");
    // Escaped by the message that quotes it (`\u001b`), split in three.
    let escaped = format!("\u{1b}{key}");
    let split = format!("{},{},{}", &key[..21], &key[21..42], &key[42..]);
    // Zero-width spaces in a key.
    let zero_width: String = key.chars().flat_map(|c| [c, '\u{200b}']).collect();
    let cases: Vec<(Vec<&str>, &str)> = vec![
        (vec!["usersig", "--sdkappid", &zero_width], key),
        (vec!["send", "--endpoint", &escaped, "f.json"], key),
        (
            vec!["send", "--lang", "zh-CN", "--endpoint", &escaped, "f.json"],
            key,
        ),
        (vec!["validate", "--customer-service-account", &split], key),
        (vec!["usersig", "--sdkappid", key, "--identifier", "a"], key),
        (vec![key], key),
        (vec!["send", "--endpoint", key], key),
        (vec!["validate", "--format", key, "f.json"], key),
        (vec!["validate", "--lang", "zh-CN", "--format", key], key),
        (vec!["validate", key], key),
        (vec!["validate", "--format", "json", key], key),
        (vec!["validate", "--lang", "zh-CN", key], key),
        (
            vec!["validate", "--customer-service-account", &with_key, "-"],
            key,
        ),
        (vec!["usersig", "--sdkappid", "1", "--identifier", sig], sig),
        (
            vec![
                "send",
                "--sdkappid",
                "1",
                "--identifier",
                "a",
                "--format",
                "json",
                key,
            ],
            key,
        ),
    ];
    for (args, secret) in cases {
        let (subcommand, rest) = args.split_first().unwrap();
        let out = keyed(subcommand, rest, Some("k"), b"{}");
        let (stdout, stderr) = (text(&out.stdout), text(&out.stderr));
        assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
        for piece in [&secret[..20], &secret[22..40], &secret[44..]] {
            assert!(
                !stdout.contains(piece) && !stderr.contains(piece),
                "{args:?}: {stdout}{stderr}"
            );
        }
        let mark = if args.contains(&"zh-CN") {
            "<不予显示：可能是密钥>"
        } else {
            "<not shown: it may be a secret>"
        };
        assert!(stderr.contains(mark), "{args:?}: {stderr}");
    }
    // The key the environment holds, whatever its shape.
    let short = "Sekr1t-value";
    let out = keyed("validate", &["--format", short], Some(short), b"");
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("invalid value '<not shown: it may be a secret>' for '--format <FORMAT>'")
            && !stderr.contains(short),
        "{stderr}"
    );
}

/// `-` given twice (or `-` and `/dev/stdin`) is a usage error: standard input read twice would be
/// empty the second time (helper-125: checked as an empty request).
#[test]
fn standard_input_given_twice_is_refused() {
    for (args, said) in [
        (
            &["validate", "-", "-"][..],
            "`-` (standard input) is given 2 times; it can be read once",
        ),
        (
            &["validate", "--lang", "zh-CN", "-", "x.json", "-", "-"][..],
            "`-`（标准输入）给了 3 次；只能读取一次",
        ),
        // A name of it counts too (helper-127: `- /dev/stdin`), where
        // standard input is a pipe (as here): known by device and inode.
        #[cfg(unix)]
        (
            &["validate", "-", "/dev/stdin"][..],
            "`/dev/stdin` is the same stream as `-` (standard input, a pipe or a terminal); it can be read once",
        ),
        #[cfg(unix)]
        (
            &["validate", "/dev/stdin", "/dev/stdin"][..],
            "`/dev/stdin` is given twice, and is a stream (standard input, a pipe or a terminal); it can be read once",
        ),
    ] {
        let out = run(args, Some(b"{}"));
        assert_eq!(out.status.code(), Some(2));
        assert!(out.stdout.is_empty(), "{}", text(&out.stdout));
        assert!(text(&out.stderr).contains(said), "{}", text(&out.stderr));
    }
}

/// Standard input under a name of the user's (a link to `/dev/stdin`) is
/// the same stream as `-`: read once, found by device and inode (it was
/// read twice, the second time as an empty request). A regular file named
/// twice is read twice, as before.
#[cfg(unix)]
#[test]
fn one_stream_under_two_names_is_refused() {
    let dir = std::env::temp_dir().join(format!("desk-schema-stream-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let link = dir.join("input.json");
    let _ = std::fs::remove_file(&link);
    std::os::unix::fs::symlink("/dev/stdin", &link).unwrap();
    let link = link.to_str().unwrap();
    for (args, said) in [
        (
            vec!["validate", "-", link],
            format!(
                "`{link}` is the same stream as `-` (standard input, a pipe or a terminal); it can be read once"
            ),
        ),
        (
            vec!["validate", "--lang", "zh-CN", link, "/dev/stdin"],
            format!("`/dev/stdin` 与 `{link}` 是同一个流（标准输入、管道或终端）；只能读取一次"),
        ),
    ] {
        let out = run(&args, Some(b"{}"));
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(out.stdout.is_empty(), "{}", text(&out.stdout));
        assert!(text(&out.stderr).contains(&said), "{}", text(&out.stderr));
    }
    let example = "desk-schema/examples/create_group.request.json";
    let out = run(&["validate", "-", example, example], Some(b"{}"));
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout).ends_with("3 checked: 2 valid, 1 invalid\n"),
        "{}",
        text(&out.stdout)
    );
    // A device that each name opens afresh is no stream read once
    // (helper-135: `/dev/null` beside `-` was refused).
    let out = run(
        &["validate", "--jsonl", "-", "/dev/null", "/dev/null"],
        Some(b""),
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    // Standard input from a regular file: on Linux, `/dev/stdin` opens it
    // afresh (elsewhere it shares the offset, and is refused by name).
    #[cfg(target_os = "linux")]
    {
        let mut command = cli();
        command
            .args(["validate", "-", "/dev/stdin"])
            .current_dir(root())
            .stdin(std::fs::File::open(root().join(example)).unwrap());
        let out = command.output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
        assert!(
            text(&out.stdout).ends_with("2 checked: 2 valid, 0 invalid\n"),
            "{}",
            text(&out.stdout)
        );
    }
    // Standard input from a socket (helper-136: untested) is read once.
    let (ours, theirs) = std::os::unix::net::UnixStream::pair().unwrap();
    let mut command = cli();
    command
        .args(["validate", "-", "/dev/stdin"])
        .current_dir(root())
        .stdin(std::process::Stdio::from(std::os::fd::OwnedFd::from(
            theirs,
        )));
    let child = command
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(ours);
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
    assert!(
        text(&out.stderr).contains("`/dev/stdin` is the same stream as `-`"),
        "{}",
        text(&out.stderr)
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

/// `--format json` writes a character that would hide or reorder the text
/// around it (a bidirectional override, a zero-width space) as a `\uXXXX`
/// escape, as it writes a control character: the same JSON once parsed,
/// and nothing that rearranges a terminal's line (helper-125: a server's
/// `ErrorInfo` with U+202E was written raw; so were property names).
#[test]
fn json_output_escapes_what_would_hide_or_reorder_text() {
    let name = "x\u{202e}y\u{200b}z";
    let body = format!(
        r#"{{"Type":"Public","GroupId":"g","Name":"a","MemberList":[{{"Member_Account":"@customer_service_account"}},{{"Member_Account":"u"}}],"{name}":1}}"#
    );
    let out = run(
        &["validate", "--format", "json", "-"],
        Some(body.as_bytes()),
    );
    let printed = text(&out.stdout);
    assert!(
        !printed.contains('\u{202e}') && !printed.contains('\u{200b}'),
        "{printed}"
    );
    assert!(
        printed.contains(r#""property":"x\u202ey\u200bz""#),
        "{printed}"
    );
    let line: serde_json::Value = serde_json::from_str(&printed).unwrap();
    assert_eq!(line["errors"][0]["property"], name, "{printed}");
}

/// The key `DESK_SCHEMA_SECRET_KEY` holds, split across several arguments
/// (pieces of 8 letters and digits or more), is shown in none of them, and
/// neither is a file named by it, though the file exists (helper-125: each
/// piece was printed whole, in `cannot read PIECE`, and the file's name
/// beside `valid`).
#[test]
fn the_key_split_across_arguments_or_naming_a_file_is_not_shown() {
    let key = "5bd2850fff3ecb11d7c805251c51ee463a25727bddc2385f3fa8bfee1bb93b5e";
    let pieces = [&key[..20], &key[20..40], &key[40..52], &key[52..]];
    for format in ["text", "json"] {
        let mut args = vec!["--format", format];
        args.extend(pieces);
        let out = keyed("validate", &args, Some(key), b"");
        let shown = format!("{}{}", text(&out.stdout), text(&out.stderr));
        assert_eq!(out.status.code(), Some(2), "{shown}");
        for piece in pieces {
            assert!(!shown.contains(piece), "{piece}: {shown}");
        }
        // Once per piece on stderr.
        let lines = shown
            .lines()
            .filter(|l| l.starts_with("desk-schema: cannot read <not shown: it may be a secret>"));
        assert_eq!(lines.count(), pieces.len(), "{shown}");
    }
    let dir = std::env::temp_dir().join(format!("desk-schema-keyname-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let named = dir.join(key);
    std::fs::copy(
        root().join("desk-schema/examples/create_group.request.json"),
        &named,
    )
    .unwrap();
    let example = root().join("desk-schema/examples/create_group.request.json");
    for format in ["text", "json"] {
        // Two files: each is named beside its verdict.
        let files = [named.to_str().unwrap(), example.to_str().unwrap()];
        let out = keyed(
            "validate",
            &[&["--format", format][..], &files].concat(),
            Some(key),
            b"",
        );
        let shown = format!("{}{}", text(&out.stdout), text(&out.stderr));
        assert_eq!(out.status.code(), Some(0), "{shown}");
        assert!(
            !shown.contains(&key[..20]) && shown.contains("not shown"),
            "{shown}"
        );
        assert!(shown.contains("create_group.request.json"), "{shown}");
    }
    // Pieces of another key, and names shorter than 8, are shown.
    let out = keyed(
        "validate",
        &["5bd2850f", "abc"],
        Some("0123456789abcdef"),
        b"",
    );
    let shown = text(&out.stderr);
    assert!(
        shown.contains("cannot read 5bd2850f") && shown.contains("cannot read abc"),
        "{shown}"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

/// A piece of the key `DESK_SCHEMA_SECRET_KEY` holds inside a longer word,
/// or in capitals, is shown nowhere (helper-127), and a UserID that holds
/// one is refused (helper-128).
#[test]
fn a_piece_of_the_key_anywhere_in_an_argument_is_not_shown() {
    let key = "5bd2850fff3ecb11d7c805251c51ee463a25727bddc2385f3fa8bfee1bb93b5e";
    // A piece inside a longer word, or in capitals (helper-127).
    let upper = key[30..46].to_ascii_uppercase();
    for args in [
        vec!["validate", &format!("nofile-{}", &key[8..20])[..]],
        vec![
            "validate",
            "--format",
            "json",
            &format!("x{}.json", &key[50..62])[..],
            "y.json",
        ],
        vec!["send", "--sdkappid", &format!("KEY={}", &key[20..36])[..]],
        vec!["send", "--sdkappid", &upper],
        vec![
            "send",
            "-",
            "--sdkappid",
            "1",
            "--identifier",
            "a",
            "--endpoint",
            &format!("https://{}.invalid", &key[4..20])[..],
        ],
    ] {
        let (subcommand, rest) = args.split_first().unwrap();
        let body = serde_json::to_vec(&*support::request()).unwrap();
        let out = keyed(subcommand, rest, Some(key), &body);
        if args.iter().any(|a| a.starts_with("https://")) {
            // Refused before any lookup, by the piece it holds.
            assert!(
                text(&out.stderr).contains("--endpoint <not shown"),
                "{}",
                text(&out.stderr)
            );
        }
        let shown = format!("{}{}", text(&out.stdout), text(&out.stderr)).to_ascii_lowercase();
        assert_eq!(out.status.code(), Some(2), "{args:?}: {shown}");
        assert_no_piece(key, &shown, &args);
    }
    // A UserID holding a piece of the key is refused, not sent in the URL
    // nor signed into a UserSig (helper-128).
    let piece = &key[..32];
    for args in [
        vec![
            "send",
            "-",
            "--sdkappid",
            "1",
            "--identifier",
            piece,
            "--endpoint",
            "http://127.0.0.1:9",
        ],
        vec!["usersig", "--sdkappid", "1", "--identifier", piece],
        vec!["validate", "--customer-service-account", piece, "-"],
    ] {
        let (subcommand, rest) = args.split_first().unwrap();
        let body = serde_json::to_vec(&*support::request()).unwrap();
        let out = keyed(subcommand, rest, Some(key), &body);
        let shown = format!("{}{}", text(&out.stdout), text(&out.stderr));
        assert_eq!(out.status.code(), Some(2), "{args:?}: {shown}");
        assert!(
            shown.contains("it holds a piece of the secret key") && !shown.contains(&key[..8]),
            "{args:?}: {shown}"
        );
    }
}

/// That `shown` (what a run printed, for `args`) holds no 8 letters and
/// digits of `key`, in either case.
fn assert_no_piece(key: &str, shown: &str, args: &[&str]) {
    let shown = shown.to_ascii_lowercase();
    for piece in key.as_bytes().windows(8) {
        let piece = std::str::from_utf8(piece).unwrap();
        assert!(!shown.contains(piece), "{args:?}: {piece} in {shown}");
    }
}

/// A request whose text holds the key `DESK_SCHEMA_SECRET_KEY` holds (a
/// property named by it) does not show it in its violations, in text or in
/// JSON, from `validate` or from `send`, which refuses it unsent
/// (helper-128).
#[test]
fn a_request_holding_the_key_does_not_show_it() {
    let key = "5bd2850fff3ecb11d7c805251c51ee463a25727bddc2385f3fa8bfee1bb93b5e";
    let mut request = serde_json::to_value(&*support::request()).unwrap();
    request[key.to_ascii_uppercase()] = serde_json::json!(1);
    request["Name"] = serde_json::json!(format!("a{}", &key[10..30]));
    let body = serde_json::to_vec(&request).unwrap();
    for args in [
        &["validate", "-"][..],
        &["validate", "--format", "json", "-"],
        &["validate", "--lang", "zh-CN", "-"],
        &["send", "-", "--sdkappid", "1", "--identifier", "a"],
        &[
            "send",
            "-",
            "--sdkappid",
            "1",
            "--identifier",
            "a",
            "--format",
            "json",
        ],
    ] {
        let (subcommand, rest) = args.split_first().unwrap();
        let out = keyed(subcommand, rest, Some(key), &body);
        let shown = format!("{}{}", text(&out.stdout), text(&out.stderr));
        assert_eq!(out.status.code(), Some(1), "{args:?}: {shown}");
        assert!(
            shown.contains("unknown") || shown.contains("未知"),
            "{args:?}: {shown}"
        );
        assert_no_piece(key, &shown, args);
    }
    // In JSON, the mark is in the line's language, as its messages are.
    for (lang, mark, other) in [
        (
            "en",
            "<not shown: it may be a secret>",
            "<不予显示：可能是密钥>",
        ),
        (
            "zh-CN",
            "<不予显示：可能是密钥>",
            "<not shown: it may be a secret>",
        ),
    ] {
        let out = keyed(
            "validate",
            &["--format", "json", "--lang", lang, "-"],
            Some(key),
            &body,
        );
        let line = text(&out.stdout);
        assert!(
            line.contains(mark) && !line.contains(other),
            "{lang}: {line}"
        );
    }
}

/// The key `send` and `usersig` read from `--key-file` (none in the
/// environment) is kept out of what they print as that of
/// `DESK_SCHEMA_SECRET_KEY` is: a request's property named by it, a piece
/// of it in `--identifier`. An invalid request is still reported before a
/// key file that cannot be read.
#[test]
fn the_key_from_key_file_is_not_shown_either() {
    let key = "0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0";
    let dir = std::env::temp_dir().join(format!("desk-schema-keyfile-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("key");
    std::fs::write(&file, format!("{key}\n")).unwrap();
    let file = file.to_str().unwrap();
    let mut request = serde_json::to_value(&*support::request()).unwrap();
    request[&key[5..40]] = serde_json::json!(1);
    let body = serde_json::to_vec(&request).unwrap();
    let send = ["send", "-", "--sdkappid", "1", "--identifier", "a"];
    for format in ["text", "json"] {
        let mut args = send.to_vec();
        args.extend(["--key-file", file, "--format", format]);
        let out = keyed(args[0], &args[1..], None, &body);
        let shown = format!("{}{}", text(&out.stdout), text(&out.stderr));
        assert_eq!(out.status.code(), Some(1), "{args:?}: {shown}");
        // In JSON the whole message is the mark (a string holding a piece
        // goes whole); its code says what it was.
        assert!(
            shown.contains("unknown property") || shown.contains("\"unknown_field\""),
            "{args:?}: {shown}"
        );
        assert_no_piece(key, &shown, &args);
    }
    let piece = format!("a{}", &key[20..30]);
    for subcommand in ["send", "usersig"] {
        let mut args = vec!["--sdkappid", "1", "--identifier", piece.as_str()];
        args.extend(["--key-file", file]);
        if subcommand == "send" {
            args.insert(0, "-");
        }
        let out = keyed(
            subcommand,
            &args,
            None,
            &serde_json::to_vec(&*support::request()).unwrap(),
        );
        let shown = format!("{}{}", text(&out.stdout), text(&out.stderr));
        assert_eq!(out.status.code(), Some(2), "{subcommand}: {shown}");
        assert!(
            shown.contains("holds a piece of the secret key"),
            "{subcommand}: {shown}"
        );
        assert_no_piece(key, &shown, &args);
    }
    // Usage errors quote arguments: the key file is read before they are
    // parsed (helper-130), whichever form names it.
    let tail = &key[4..16];
    for (flag, args) in [
        ("--key-file", vec!["--sdkappid", "1", "--identifier"]),
        ("--key-file", vec!["--identifier", "u", "--sdkappid"]),
        ("--key-file=", vec!["--sdkappid", "1", "--identifier", "u"]),
    ] {
        let dashed = format!("-{tail}");
        let mut argv: Vec<String> = if flag == "--key-file" {
            vec![flag.to_owned(), file.to_owned()]
        } else {
            vec![format!("{flag}{file}")]
        };
        argv.extend(args.iter().map(|a| (*a).to_owned()));
        argv.push(if flag == "--key-file" {
            dashed
        } else {
            format!("--x{tail}")
        });
        let argv: Vec<&str> = argv.iter().map(String::as_str).collect();
        let out = keyed("usersig", &argv, None, b"");
        let shown = format!("{}{}", text(&out.stdout), text(&out.stderr));
        assert_eq!(out.status.code(), Some(2), "{argv:?}: {shown}");
        assert_no_piece(key, &shown, &argv);
    }
    // The key file is read once: a pipe (`--key-file /dev/stdin`, or
    // `<(vault read ...)`) gives its key to the usage-error guard and to
    // the signature alike (helper-130's fix read it twice, and the second
    // read was empty).
    let out = keyed(
        "usersig",
        &[
            "--key-file",
            "/dev/stdin",
            "--sdkappid",
            "1",
            "--identifier",
            "u",
        ],
        None,
        format!("{key}\n").as_bytes(),
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(text(&out.stdout).starts_with("eJ"), "{}", text(&out.stdout));
    // The request's violations first, then (had it been valid) the key.
    let mut args = send.to_vec();
    args.extend(["--key-file", "/nonexistent/key"]);
    let out = keyed("send", &args[1..], None, &body);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout).contains("not sent"),
        "{}",
        text(&out.stdout)
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

/// Every form that once printed a piece of a `--key-file` key (helper-133):
/// a usage error beside `--help` or `-V` (clap stops first), the key as the
/// subcommand's name, a second key file, and a request's property name
/// whose piece is split by an escape (JSON) or a space (text).
#[test]
fn no_form_prints_a_piece_of_the_key_file() {
    let key = "687884a7dc2bec9e41c6a0f1b2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1";
    let other = "5876ff7cf3d9aa01b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f6071829";
    let dir = std::env::temp_dir().join(format!("desk-schema-keyforms-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let (file, second) = (dir.join("key"), dir.join("other"));
    std::fs::write(&file, key).unwrap();
    std::fs::write(&second, other).unwrap();
    let (file, second) = (file.to_str().unwrap(), second.to_str().unwrap());
    let piece = &key[..12];
    let two = [
        vec!["usersig", "--sdkappid", piece, "-h", "--key-file", file],
        vec![
            "send",
            "r.json",
            "--sdkappid",
            piece,
            "--identifier",
            "a",
            "--key-file",
            file,
            "-V",
        ],
        vec![piece, "usersig", "--key-file", file, "--sdkappid", "1"],
        vec![
            "usersig",
            "--key-file",
            file,
            "--sdkappid",
            &other[..12],
            "--key-file",
            second,
        ],
    ];
    for args in &two {
        let out = keyed(args[0], &args[1..], None, b"");
        let shown = format!("{}{}", text(&out.stdout), text(&out.stderr));
        assert_eq!(out.status.code(), Some(2), "{args:?}: {shown}");
        assert_no_piece(key, &shown, args);
        assert_no_piece(other, &shown, args);
    }
    let mut request = serde_json::to_value(&*support::request()).unwrap();
    let quoted = format!("{}\"{}", &key[..4], &key[4..8]);
    let spaced = format!("{} {}", &key[..4], &key[4..8]);
    request[&quoted] = serde_json::json!(1);
    request[&spaced] = serde_json::json!(1);
    let body = serde_json::to_vec(&request).unwrap();
    for format in ["json", "text"] {
        let args = [
            "-",
            "--sdkappid",
            "1",
            "--identifier",
            "a",
            "--key-file",
            file,
            "--format",
            format,
        ];
        let out = keyed("send", &args, None, &body);
        let shown = format!("{}{}", text(&out.stdout), text(&out.stderr));
        assert_eq!(out.status.code(), Some(1), "{format}: {shown}");
        assert!(shown.contains("<not shown"), "{format}: {shown}");
        let plain: String = shown.chars().filter(char::is_ascii_alphanumeric).collect();
        assert!(!plain.contains(&key[..8]), "{format}: {shown}");
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

/// A key file that cannot hold a key is refused, saying why, without its
/// path (a key given by mistake as the path would be printed), in either
/// language; the first read (before the arguments are parsed) and the
/// refusal see the same bytes.
#[test]
fn a_key_file_that_holds_no_key_says_why() {
    let dir = std::env::temp_dir().join(format!("desk-schema-badkey-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let long = dir.join("long");
    std::fs::write(&long, vec![b'a'; 64 * 1024 + 1]).unwrap();
    let binary = dir.join("binary");
    std::fs::write(&binary, b"\xff\xfe key").unwrap();
    let blank = dir.join("blank");
    std::fs::write(&blank, "\u{feff} \n").unwrap();
    // A key with more in it than the key (helper-138: each was used, and
    // signed UserSigs Tencent refuses).
    let key = "5bd2850fff3ecb11d7c805251c51ee463a25727bddc2385f3fa8bfee1bb93b5e";
    let two_lines = dir.join("two-lines");
    std::fs::write(&two_lines, format!("{key}\nextra\n")).unwrap();
    let hidden = dir.join("hidden");
    std::fs::write(&hidden, format!("\u{200b}{key}")).unwrap();
    let nul = dir.join("nul");
    std::fs::write(&nul, format!("{key}\0")).unwrap();
    for (file, en, zh) in [
        (&two_lines, "holds a line break inside it", "内部含有换行"),
        (
            &hidden,
            "holds a character that is not ASCII",
            "内部含有非 ASCII 字符",
        ),
        (&nul, "holds a control character", "内部含有控制字符"),
        (
            &long,
            "longer than 64 KiB: not a secret key",
            "超过 64 KiB，不是密钥",
        ),
        (&binary, "not UTF-8", "不是 UTF-8 文本"),
        (&blank, "the secret key is empty", "密钥为空"),
        (&dir, "cannot read the --key-file", "无法读取 --key-file"),
    ] {
        for (lang, words) in [("en", en), ("zh-CN", zh)] {
            let path = file.to_str().unwrap();
            let args = [
                "--key-file",
                path,
                "--sdkappid",
                "1",
                "--identifier",
                "u",
                "--lang",
                lang,
            ];
            let out = keyed("usersig", &args, None, b"");
            let err = text(&out.stderr);
            assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
            assert!(err.contains(words), "{args:?}: {err}");
            assert!(!err.contains(path), "{args:?}: {err}");
        }
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

/// `--help` beside `--lang zh-CN` is in Chinese for each command with
/// `--lang`: its description, clap's headings, each option (no English
/// option text left), its notes; without it, English.
#[test]
fn help_speaks_the_language_of_lang() {
    for (command, chinese, english) in [
        (
            "validate",
            "按文档中的每条规则及 desk-schema 自己的规则检查",
            "Report as text or JSON",
        ),
        (
            "send",
            "签名、发送（含重试）",
            "The longest one attempt may take",
        ),
        (
            "usersig",
            "为 App 管理员生成 UserSig",
            "How long the UserSig lasts",
        ),
    ] {
        let out = run(&[command, "--lang", "zh-CN", "--help"], None);
        assert_eq!(out.status.code(), Some(0));
        let help = text(&out.stdout);
        assert!(help.contains(chinese) && help.contains("用法："), "{help}");
        // Every heading's colon full-width, as `用法：` has (helper-140:
        // clap's `选项:` beside it).
        assert!(
            help.contains("\n选项：\n") && help.contains("显示帮助") && !help.contains(":\n"),
            "{help}"
        );
        for english in [
            english,
            "Usage:",
            "Options:",
            "Print help",
            "[default:",
            "Exit status",
        ] {
            assert!(!help.contains(english), "{command}: {english}\n{help}");
        }
        let help = text(&run(&[command, "--help"], None).stdout);
        assert!(help.contains(english) && !help.contains(chinese), "{help}");
    }
}

/// The overview's help and `schema`'s, which have no `--lang` of their
/// own, follow the one given in a request for help (`help --lang zh-CN`,
/// `--lang zh-CN --help`) and `DESK_SCHEMA_LANG`, as every command's help
/// does: each command and option described in Chinese, every heading's
/// colon full-width, no word of clap's English left.
#[test]
fn the_overview_and_schema_speak_the_language_asked() {
    let overview = [
        "命令：",
        "显示本帮助，或给定子命令的帮助",
        "显示版本",
        "退出状态：",
    ];
    let schema = ["输出 JSON Schema", "参数：", "逐字节相同"];
    for (env, args, words, code) in [
        ("zh-CN", &["--help"][..], &overview[..], 0),
        ("zh-CN", &["help"], &overview, 0),
        // Nothing given: the overview, on stderr.
        ("zh-CN", &[], &overview, 2),
        ("", &["help", "--lang", "zh-CN"], &overview, 0),
        ("", &["--lang", "zh-CN", "--help"], &overview, 0),
        ("en", &["-h", "--lang=zh"], &overview, 0),
        ("zh-CN", &["schema", "--help"], &schema, 0),
        ("zh-CN", &["help", "schema"], &schema, 0),
        ("", &["help", "schema", "--lang", "zh-CN"], &schema, 0),
        ("", &["schema", "--help", "--lang", "zh-CN"], &schema, 0),
    ] {
        let out = with_lang_env(env, args, b"");
        assert_eq!(out.status.code(), Some(code), "{args:?}");
        let help = text(if code == 0 { &out.stdout } else { &out.stderr });
        for word in words.iter().chain(&["用法：", "\n选项：\n", "显示帮助"]) {
            assert!(help.contains(word), "{args:?}: {word}\n{help}");
        }
        for english in [
            "Usage:",
            "Commands:",
            "Options:",
            "Print",
            "The language",
            "Exit status",
            ":\n",
        ] {
            assert!(!help.contains(english), "{args:?}: {english}\n{help}");
        }
    }
    // Each command in the list, described as its own help describes it.
    let help = text(&with_lang_env("zh-CN", &["--help"], b"").stdout);
    for (command, about) in [
        (
            "validate",
            "按文档中的每条规则及 desk-schema 自己的规则检查 create_group 请求体（JSON）",
        ),
        ("schema", "输出 JSON Schema（draft 2020-12）"),
        ("usersig", "为 App 管理员生成 UserSig"),
        ("send", "检查 create_group 请求，签名、发送"),
    ] {
        assert!(
            help.contains(&format!("\n  {command:8}  {about}")),
            "{command}\n{help}"
        );
    }
    // In English otherwise, saying how to ask for Chinese.
    let out = with_lang_env("", &["--help"], b"");
    let help = text(&out.stdout);
    assert!(
        help.contains("Commands:") && !help.contains("命令"),
        "{help}"
    );
    assert!(
        help.contains(
            "Messages and help in Simplified Chinese: --lang zh-CN, DESK_SCHEMA_LANG=zh-CN, or a\n\
             Chinese locale (LANG=zh_CN.UTF-8) where neither is given."
        ),
        "{help}"
    );
}

/// What helper-141 found the tool saying beside its languages: a URL's
/// password shown where a UserID or a file goes; the refusal of `--lang`
/// in English inside a Chinese error; one of the tool's own commands after
/// `--` hidden as a secret, its tip in English; a `--lang` value refused
/// after `--help` ignored without a word; help, the version and an
/// unwritten output to a full disk in English, or not said at all.
#[test]
fn what_is_said_beside_the_languages_is_said_right() {
    let url = "https://admin:Sup3rS3cretPassw0rd1234@h.example/";
    for (args, shown) in [
        (
            &["usersig", "--sdkappid", "1", "--identifier", url][..],
            "--identifier \"https://<redacted>@h.example/\": not a UserID",
        ),
        (
            &["validate", url],
            "cannot read https://<redacted>@h.example/:",
        ),
    ] {
        let out = run(args, None);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = text(&out.stderr);
        assert!(
            err.contains(shown) && !err.contains("Sup3r"),
            "{args:?}: {err}"
        );
    }
    let out = run(&["validate", "--format", "json", url], None);
    assert!(
        !text(&out.stdout).contains("Sup3r"),
        "{}",
        text(&out.stdout)
    );
    assert!(text(&out.stdout).contains(r#""file":"https://<redacted>@h.example/""#));

    let out = with_lang_env("zh-CN", &["validate", "--lang=", "x.json"], b"");
    assert!(
        text(&out.stderr).starts_with(
            "错误：'' 不是 '--lang <LANG>' 的有效值：应为 en 或 zh-CN（zh、zh_CN、zh-Hans、zh-SG 和 zh-MY 都读作 zh-CN；没有繁体中文消息）"
        ),
        "{}",
        text(&out.stderr)
    );

    for (env, tip) in [
        (
            "",
            "tip: subcommand 'validate' exists; to use it, remove the '--' before it",
        ),
        (
            "zh-CN",
            "提示：子命令 'validate' 存在；要使用它，请去掉它前面的 '--'",
        ),
    ] {
        let out = with_lang_env(env, &["--", "validate"], b"");
        assert_eq!(out.status.code(), Some(2));
        assert!(text(&out.stderr).contains(tip), "{}", text(&out.stderr));
    }

    // A value `--lang` refuses is refused wherever it is, beside `--help`
    // too (clap shows a command's help before it reads a `--lang VALUE`
    // given ahead of the command, and leaves one after `--help` unread:
    // helper-141, helper-142).
    for args in [
        &["validate", "--help", "--lang", "fr"][..],
        &["--help", "--lang=zh-TW"],
        &["--lang", "fr", "validate", "--help"],
        &["--lang", "fr", "help", "validate"],
        &["schema", "--lang", "fr", "--help"],
        &["help", "schema", "--lang=fr"],
    ] {
        let out = run(args, None);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(out.stdout.is_empty(), "{args:?}");
        assert!(
            text(&out.stderr).starts_with("error: invalid value '"),
            "{args:?}: {}",
            text(&out.stderr)
        );
    }

    for (args, said) in [
        (&["--help"][..], "desk-schema: cannot write output: "),
        (&["-V"], "desk-schema: cannot write output: "),
        (&["help", "validate"], "desk-schema: cannot write output: "),
        (
            &["schema", "--lang", "zh-CN"],
            "desk-schema: 无法写出输出：磁盘已满",
        ),
        (
            &["--lang", "zh-CN", "--help"],
            "desk-schema: 无法写出输出：磁盘已满",
        ),
    ] {
        let out = cli()
            .args(args)
            .stdin(Stdio::null())
            .stdout(std::fs::File::create("/dev/full").unwrap())
            .stderr(Stdio::piped())
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(
            text(&out.stderr).starts_with(said),
            "{args:?}: {}",
            text(&out.stderr)
        );
    }
}

/// What helper-143 found after the `--lang` changes: a piece of the key read
/// from a pipe quoted by clap when `--lang VALUE` came before the command
/// (the key file was looked for after `en`), or given as the `--lang`
/// value itself (refused before the key was read); `--lang -` not refused
/// beside a help request; `help ... --lang` turning an error into help;
/// `schema`'s refusal of an account for the response schema in English.
#[test]
fn a_lang_anywhere_changes_only_the_language() {
    let key = support::KEY;
    let piece = &key[..20];
    let dir = std::env::temp_dir().join(format!("desk-schema-cli-143-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let key_file = dir.join("key.txt");
    std::fs::write(&key_file, format!("{key}\n")).unwrap();
    let key_file = key_file.to_str().unwrap();
    for (args, stdin) in [
        (
            vec![
                "--lang",
                "en",
                "usersig",
                "--key-file",
                "/dev/stdin",
                "--sdkappid",
                piece,
            ],
            Some(key),
        ),
        (
            vec![
                "usersig",
                "--key-file",
                key_file,
                "--sdkappid",
                "1",
                "--identifier",
                "a",
                "--lang",
                piece,
            ],
            None,
        ),
    ] {
        let mut command = cli();
        command.env_remove("DESK_SCHEMA_SECRET_KEY");
        let out = run_in(command, &args, stdin.map(str::as_bytes));
        let err = text(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert!(
            !err.contains(piece) && err.contains("<not shown"),
            "{args:?}: {err}"
        );
    }
    std::fs::remove_dir_all(&dir).unwrap();

    for args in [
        &["--lang", "-", "validate", "--help"][..],
        &["--lang", "-", "help"],
    ] {
        let out = run(args, None);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(text(&out.stderr).starts_with("error: invalid value '-' for '--lang <LANG>'"));
    }
    // The same answer with or without `--lang`: only its language.
    for line in [
        &["help", "validate", "x"][..],
        &["help", "-h"],
        &["help", "schema", "response"],
    ] {
        let plain = run(line, None);
        let mut with: Vec<&str> = line.to_vec();
        with.extend(["--lang", "zh-CN"]);
        let out = run(&with, None);
        assert_eq!(out.status.code(), plain.status.code(), "{with:?}");
        assert_eq!(out.stdout.is_empty(), plain.stdout.is_empty(), "{with:?}");
        let err = text(&out.stderr);
        assert!(
            out.stderr.is_empty() || err.starts_with("错误："),
            "{with:?}: {err}"
        );
    }
    let out = run(
        &[
            "schema",
            "response",
            "--customer-service-account",
            "@a",
            "--lang",
            "zh-CN",
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        text(&out.stderr),
        "desk-schema: --customer-service-account 只改变请求体的 Schema\n"
    );
}

/// `send --endpoint` with the secret key in it is refused once the key is
/// read, before any lookup (which would send the host to a name server),
/// without showing it; a host of a key's shape that is not the key is a
/// host (a load balancer's name holds 32 hexadecimal digits).
#[test]
fn an_endpoint_that_holds_the_key_is_not_looked_up() {
    let key = "5bd2850fff3ecb11d7c805251c51ee463a25727bddc2385f3fa8bfee1bb93b5e";
    let request = root().join("desk-schema/examples/create_group.request.json");
    let request = request.to_str().unwrap();
    let host = format!("https://{}.{}.invalid", &key[..32], &key[32..]);
    for (lang, words) in [("en", "it holds the secret key"), ("zh-CN", "其中含有密钥")] {
        let args = ["--sdkappid", "1", "--identifier", "a", "--lang", lang];
        let args: Vec<&str> = args
            .iter()
            .copied()
            .chain(["--endpoint", &host, request])
            .collect();
        let out = keyed("send", &args, Some(key), b"");
        let stderr = text(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{stderr}");
        assert!(
            stderr.contains(words) && !stderr.contains(&key[..32]),
            "{stderr}"
        );
    }
    // A host of a key's shape that is not the key is taken (the request,
    // `{}`, is then refused unsent: exit 1, not a usage error).
    for endpoint in [
        host.as_str(),
        "a1b2c3d4e5f60718293a4b5c6d7e8f90-1234567890.us-west-2.elb.amazonaws.com",
    ] {
        let args = [
            "--sdkappid",
            "1",
            "--identifier",
            "a",
            "--endpoint",
            endpoint,
            "-",
        ];
        let out = keyed("send", &args, Some("another-secret-key"), b"{}");
        assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    }
}

/// Values of other shapes than a credential's are still shown by the
/// message that refuses them, so that a typo can be seen.
#[test]
fn a_value_that_is_no_credential_is_shown() {
    for (args, shown) in [
        (&["validate", "--format", "xml"][..], "'xml'"),
        (
            &["validate", "no-such-request.json"],
            "no-such-request.json",
        ),
        (
            &[
                "validate",
                "/home/Alice/Projects2026/desk/requests/create.json",
            ],
            "/home/Alice/Projects2026/desk/requests/create.json",
        ),
        (
            &[
                "validate",
                "3F2504E0-4F89-11D3-9A0C-0305E82C3301-request.json",
            ],
            "3F2504E0-4F89-11D3-9A0C-0305E82C3301-request.json",
        ),
        (&["validat"], "'validat'"),
        (
            &[
                "usersig",
                "--sdkappid",
                "1",
                "--identifier",
                "an-identifier-longer-than-32-bytes",
            ],
            "\"an-identifier-longer-than-32-bytes\"",
        ),
    ] {
        let (subcommand, rest) = args.split_first().unwrap();
        let out = keyed(subcommand, rest, Some("k"), b"");
        assert!(text(&out.stderr).contains(shown), "{}", text(&out.stderr));
    }
}

/// `--expire` takes at most what Tencent's own libraries read.
#[test]
fn usersig_expires_within_what_tencents_libraries_read() {
    // Past 2^31 - 1 seconds (Tencent's C++ library reads the expiry as an
    // `int`; helper-138: a UserSig lasting 2^53 + 1 seconds was printed,
    // which Tencent's JavaScript misreads): refused; the most verifies.
    let key = support::KEY;
    let never = usersig(
        &[
            "--sdkappid",
            "1",
            "--identifier",
            "a",
            "--expire",
            &u64::MAX.to_string(),
        ],
        Some(key),
        b"",
    );
    assert_eq!(never.status.code(), Some(2), "{}", text(&never.stderr));
    assert!(
        text(&never.stderr).contains("--expire"),
        "{}",
        text(&never.stderr)
    );
    assert!(never.stdout.is_empty());
    for refused in ["2147483648", "9007199254740993"] {
        let out = usersig(
            &["--sdkappid", "1", "--identifier", "a", "--expire", refused],
            Some(key),
            b"",
        );
        assert_eq!(out.status.code(), Some(2), "{refused}");
        assert!(
            text(&out.stderr).contains("at most 2147483647"),
            "{}",
            text(&out.stderr)
        );
    }
    // In Chinese, the reason too (helper-139: it was English).
    let out = usersig(
        &[
            "--sdkappid",
            "1",
            "--identifier",
            "a",
            "--expire",
            "2147483648",
            "--lang",
            "zh-CN",
        ],
        Some(key),
        b"",
    );
    let err = text(&out.stderr);
    assert!(err.contains("不能超过 2147483647（约 68 年"), "{err}");
    assert!(!err.contains("must be"), "{err}");
    let made = usersig(
        &[
            "--sdkappid",
            "1",
            "--identifier",
            "a",
            "--expire",
            "2147483647",
        ],
        Some(key),
        b"",
    );
    assert_eq!(made.status.code(), Some(0), "{}", text(&made.stderr));
    let checked = usersig(&["--sdkappid", "1", "--verify"], Some(key), &made.stdout);
    assert_eq!(checked.status.code(), Some(0), "{}", text(&checked.stderr));
}

#[test]
fn usersig_makes_and_checks_a_usersig_and_never_prints_the_key() {
    let key = "a-test-secret-key-0123456789";
    let made = usersig(
        &["--sdkappid", "1400000000", "--identifier", "administrator"],
        Some(key),
        b"",
    );
    assert_eq!(made.status.code(), Some(0), "{}", text(&made.stderr));
    let sig = text(&made.stdout);
    assert!(!sig.contains(key));
    let app = ["--sdkappid", "1400000000", "--verify"];
    // With white space around the key, as a file or a shell may add it.
    let checked = usersig(&app, Some(&format!(" {key}\n")), sig.as_bytes());
    assert_eq!(checked.status.code(), Some(0), "{}", text(&checked.stderr));
    let claims: serde_json::Value = serde_json::from_slice(&checked.stdout).unwrap();
    assert_eq!(claims["identifier"], "administrator");
    assert_eq!(claims["expire"], 15_552_000);
    // A UserSig checked says its own lifetime: `--expire` beside `--verify`
    // is a usage error, not ignored.
    let args: Vec<&str> = app.iter().chain(&["--expire", "5"]).copied().collect();
    let out = usersig(&args, Some(key), sig.as_bytes());
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let err = text(&out.stderr);
    assert!(
        err.contains("--expire") && err.contains("--verify"),
        "{err}"
    );

    let cases: [VerifyCase<'_>; 5] = [
        (
            &["--identifier", "someone_else"],
            Some(key),
            sig.as_bytes(),
            "not \"someone_else\"",
        ),
        (&[], Some("another-key"), sig.as_bytes(), "does not match"),
        (&[], Some(key), b"\xff\xfe", "not UTF-8"),
        (&[], Some(key), b"garbage", "not a UserSig"),
        (&[], Some("   "), sig.as_bytes(), "the secret key is empty"),
    ];
    for (extra, key_given, input, said) in cases {
        let args: Vec<&str> = app.iter().chain(extra).copied().collect();
        let out = usersig(&args, key_given, input);
        let err = text(&out.stderr);
        assert!(err.contains(said), "{extra:?}: {err}");
        assert!(!err.contains(key) && !text(&out.stdout).contains(key));
        let expected = if said.contains("secret key is empty") {
            2
        } else {
            1
        };
        assert_eq!(out.status.code(), Some(expected), "{extra:?}: {err}");
    }
    // A token for an identifier that hides characters, checked against the
    // one it looks like: both are quoted as a report quotes a name, so the
    // refusal does not read "for \"admin\", not \"admin\"".
    let hidden = desk_schema::usersig::generate(
        1,
        "ad\u{3164}min\u{1b}[2J",
        &desk_schema::usersig::SecretKey::new(key),
        std::time::Duration::from_mins(1),
    );
    let out = usersig(
        &["--sdkappid", "1", "--verify", "--identifier", "admin"],
        Some(key),
        hidden.expose().as_bytes(),
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains(r#"identifier "ad\u3164min\u001b[2J", not "admin""#),
        "{}",
        text(&out.stderr)
    );

    // No key anywhere: a usage error that says where to put it.
    let out = usersig(&["--sdkappid", "1", "--identifier", "a"], None, b"");
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("DESK_SCHEMA_SECRET_KEY"));
}

/// `desk-schema send` of the support server's request to a server answering
/// `script`, with the key in the environment: the output, and how many
/// requests the server saw (each checked by the server).
fn send(script: Vec<Answer>, extra: &[&str], body: &[u8]) -> (Output, usize) {
    let (endpoint, server) = support::serve_in_thread(script);
    (
        send_to(&endpoint.to_string(), extra, body),
        server.requests(),
    )
}

/// [`send`] to `endpoint`.
fn send_to(endpoint: &str, extra: &[&str], body: &[u8]) -> Output {
    let sdkappid = support::SDKAPPID.to_string();
    let mut args = vec![
        "-",
        "--sdkappid",
        &sdkappid,
        "--identifier",
        support::ADMIN,
        "--endpoint",
        endpoint,
    ];
    args.extend_from_slice(extra);
    let out = keyed("send", &args, Some(support::KEY), body);
    let printed = format!("{}{}", text(&out.stdout), text(&out.stderr));
    assert!(!printed.contains(support::KEY), "{printed}");
    assert!(!printed.contains("eJ"), "a UserSig was printed: {printed}");
    assert!(
        !printed.contains("客"),
        "the payload was printed: {printed}"
    );
    out
}

#[test]
fn send_checks_signs_sends_and_prints_the_outcome() {
    let body = serde_json::to_vec(&*support::request()).unwrap();
    let (out, requests) = send(
        vec![support::api_error(10_002), support::CREATED],
        &[],
        &body,
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(text(&out.stdout), "created group team-a (2 attempts)\n");
    assert_eq!(requests, 2);

    // An API error: exit 1, and in JSON its code, meaning and attempts.
    let (out, requests) = send(
        vec![support::api_error(10_021)],
        &["--format", "json"],
        &body,
    );
    assert_eq!(out.status.code(), Some(1));
    let lines = json_lines(&out);
    assert_eq!(lines.len(), 1, "{lines:?}");
    assert_eq!(lines[0]["outcome"], "api_error");
    assert_eq!(lines[0]["error_code"], 10_021);
    assert_eq!(lines[0]["name"], "GROUP_ID_TAKEN");
    assert_eq!(lines[0]["attempts"], 1);
    assert_eq!(lines[0]["format_version"], 1);
    assert_eq!(requests, 1);

    // A server that echoes the request line in ErrorInfo: the UserSig is cut
    // out (`send` checks that nothing printed holds it).
    let (out, _) = send(vec![Answer::Echo(10_004)], &[], &body);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stdout).contains("usersig=<redacted>"),
        "{}",
        text(&out.stdout)
    );

    // `--max-attempts` caps the retries (helper-125: 5, said nowhere).
    let (out, requests) = send(
        vec![support::api_error(10_002)],
        &["--max-attempts", "2"],
        &body,
    );
    assert_eq!(out.status.code(), Some(3));
    // (The first 10002, the server's own failure, may have made the group.)
    let printed = text(&out.stdout);
    assert!(
        printed.starts_with("not confirmed: ") && printed.contains("(2 attempts)"),
        "{printed}"
    );
    assert_eq!(requests, 2);
    // So may the only one (helper-127: "not created" after one 10002).
    let (out, _) = send(
        vec![support::api_error(10_002)],
        &["--max-attempts", "1"],
        &body,
    );
    let printed = text(&out.stdout);
    assert!(
        printed.starts_with("not confirmed: ") && printed.contains("(1 attempt)"),
        "{printed}"
    );

    // A 502, then a rate limit (the last attempt allowed): the group may
    // exist, in text and in JSON.
    let limited = || vec![Answer::Status(502), support::api_error(10_006)];
    for (extra, said) in [
        (&["--max-attempts", "2"][..], "the group may exist"),
        (
            &["--max-attempts", "2", "--lang", "zh-CN"][..],
            "群组可能已创建",
        ),
    ] {
        let (out, _) = send(limited(), extra, &body);
        let printed = text(&out.stdout);
        assert_eq!(out.status.code(), Some(3));
        assert!(
            !printed.starts_with("not created") && !printed.starts_with("未创建"),
            "{printed}"
        );
        assert!(printed.contains(said), "{printed}");
    }
    let (out, _) = send(
        limited(),
        &["--max-attempts", "2", "--format", "json"],
        &body,
    );
    assert_eq!(json_lines(&out)[0]["earlier_unknown"], true);

    // A time-out, then 10025: created by the first attempt.
    let slow = Answer::Slow(std::time::Duration::from_secs(30), &support::CREATED);
    let (out, requests) = send(
        vec![slow, support::api_error(10_025)],
        &["--format", "json", "--attempt-timeout", "1"],
        &body,
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let lines = json_lines(&out);
    assert_eq!(lines[0]["outcome"], "created_earlier");
    assert_eq!(lines[0]["group_id"], "team-a");
    assert_eq!(requests, 2);
}

/// What `send` says of whether the group was made is one verdict
/// (`Sent::creation`): the text's first words, the JSON line's `creation`
/// and the exit status agree on every kind of outcome, in both languages.
#[test]
fn send_says_whether_the_group_was_made_one_way_in_text_json_and_status() {
    let body = serde_json::to_vec(&*support::request()).unwrap();
    let slow = || Answer::Slow(std::time::Duration::from_secs(30), &support::CREATED);
    let once = &["--max-attempts", "1"][..];
    let twice = &["--max-attempts", "2", "--attempt-timeout", "1"][..];
    let cases: Vec<(Vec<Answer>, &[&str], &str)> = vec![
        (vec![support::CREATED], once, "created"),
        (vec![slow(), support::api_error(10_025)], twice, "created"),
        // The server refused: nothing was made.
        (vec![support::api_error(10_021)], once, "not_created"),
        (vec![support::api_error(10_004)], once, "not_created"),
        (vec![Answer::Status(429)], once, "not_created"),
        // A code the table does not know, or one after which the page
        // does not say whether the group was made (cannot transfer).
        (vec![support::api_error(99_999)], once, "unconfirmed"),
        (vec![support::api_error(141_003)], once, "unconfirmed"),
        // Nothing tells: the server's own failure, no answer, a status
        // other than 200, a body that is not a response.
        (vec![support::api_error(10_002)], once, "unconfirmed"),
        (vec![Answer::Status(503)], once, "unconfirmed"),
        (vec![Answer::Status(404)], once, "unconfirmed"),
        (vec![Answer::Json("{}")], once, "unconfirmed"),
        (vec![slow()], once, "unconfirmed"),
        // A refusal after an attempt whose outcome is unknown.
        (
            vec![Answer::Status(502), support::api_error(10_021)],
            twice,
            "unconfirmed",
        ),
    ];
    for (script, extra, creation) in cases {
        let json = [extra, &["--format", "json"]].concat();
        let (out, _) = send(script.clone(), &json, &body);
        let line = json_lines(&out).remove(0);
        assert_eq!(line["creation"], creation, "{extra:?}: {line}");
        let status = match creation {
            "created" => 0,
            // (Not created, but something was sent: refused.)
            "not_created" => 1,
            _ => 3,
        };
        assert_eq!(out.status.code(), Some(status), "{line}");
        for (lang, first) in [
            ("en", ["created group", "not created: ", "not confirmed: "]),
            ("zh-CN", ["已创建群组", "未创建：", "未确认是否创建："]),
        ] {
            let args = [extra, &["--lang", lang]].concat();
            let (out, _) = send(script.clone(), &args, &body);
            let printed = text(&out.stdout);
            let said = match creation {
                // (Or the group an earlier attempt made, by its ID.)
                "created" if line["outcome"] == "created_earlier" => "",
                "created" => first[0],
                "not_created" => first[1],
                _ => first[2],
            };
            assert!(printed.starts_with(said), "{lang} {line}: {printed}");
            let others = first.iter().filter(|f| **f != said);
            assert!(
                others.clone().all(|f| !printed.contains(f)),
                "{lang} {line}: {printed}"
            );
            assert_eq!(out.status.code(), Some(status), "{printed}");
        }
    }
    // Nothing reached the server: not created, and the exit status of a
    // connection not made (2), as for any network error that sent nothing.
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let endpoint = format!("http://{}", listener.local_addr().unwrap());
    drop(listener);
    let json = ["--max-attempts", "1", "--format", "json"];
    let out = send_to(&endpoint, &json, &body);
    let line = json_lines(&out).remove(0);
    assert_eq!(
        (line["outcome"].as_str(), line["creation"].as_str()),
        (Some("transport_error"), Some("not_created")),
        "{line}"
    );
    assert_eq!(out.status.code(), Some(2), "{line}");
}

/// `send -` with `--key-file /dev/stdin`: one stream for the request and
/// the key, refused before either is used (helper-183: the key took the
/// request, which was then "not valid JSON").
#[cfg(target_os = "linux")]
#[test]
fn send_refuses_the_request_and_the_key_from_one_stream() {
    let body = serde_json::to_vec(&*support::request()).unwrap();
    let args = [
        "-",
        "--key-file",
        "/dev/stdin",
        "--sdkappid",
        "1",
        "--identifier",
        "a",
        "--endpoint",
        "http://127.0.0.1:9",
    ];
    let out = keyed("send", &args, None, &body);
    let err = text(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(
        err.contains("the request and --key-file are one stream"),
        "{err}"
    );
    assert!(text(&out.stdout).is_empty(), "{}", text(&out.stdout));
}

/// 10021 ("used by others") settles that no group was made only where no
/// earlier attempt may have made one.
#[test]
fn send_after_an_unknown_attempt_takes_10021_as_no_answer_on_the_group() {
    let body = serde_json::to_vec(&*support::request()).unwrap();
    // 10021 at once: the ID is someone else's, not created.
    let script = vec![support::api_error(10_021)];
    let (out, _) = send(script.clone(), &[], &body);
    let printed = text(&out.stdout);
    assert!(
        printed.starts_with("not created: ") && !printed.contains("may exist"),
        "{printed}"
    );
    let (out, _) = send(script, &["--format", "json"], &body);
    assert!(json_lines(&out)[0].get("earlier_unknown").is_none());
    // A 502, then 10021: the 502 may have made a group owned by the
    // request's Owner_Account, which the administrator is told is "used by
    // others" (10025 is for the owner): not confirmed (helper-183).
    let script = vec![Answer::Status(502), support::api_error(10_021)];
    let (out, _) = send(script.clone(), &[], &body);
    let printed = text(&out.stdout);
    assert!(
        printed.starts_with("not confirmed: ") && printed.contains("may"),
        "{printed}"
    );
    let (out, _) = send(script, &["--format", "json"], &body);
    assert_eq!(json_lines(&out)[0]["earlier_unknown"], true);
}

/// `--lang` reads a tag as `Locale` does: `zh_CN` and `zh-Hans` are
/// Chinese, for the messages and for clap's usage errors; `zh-TW` is
/// refused, saying what is read.
#[test]
fn lang_reads_a_tag_as_the_crate_does() {
    let bad = br#"{"GroupId": 5}"#;
    let chinese = run(&["validate", "--lang", "zh-CN"], Some(bad));
    for tag in ["zh_CN", "zh-Hans", "zh"] {
        let out = run(&["validate", "--lang", tag], Some(bad));
        assert_eq!(out.stdout, chinese.stdout, "{tag}");
        let usage = run(&["validate", &format!("--lang={tag}"), "--formt"], None);
        assert!(
            text(&usage.stderr).starts_with("错误："),
            "{tag}: {}",
            text(&usage.stderr)
        );
    }
    let out = run(&["validate", "--lang", "zh-TW"], Some(bad));
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("expected en or zh-CN"),
        "{}",
        text(&out.stderr)
    );
    // A tag that names Chinese is refused in Chinese too, on the line after
    // the refusal (helper-184); one that does not, in English alone. So is
    // DESK_SCHEMA_LANG's.
    let said = "\n没有繁体中文消息：请用 --lang zh-CN（简体中文）或 --lang en\n";
    for (tag, chinese) in [
        ("zh-TW", true),
        ("zh_hk", true),
        ("zh-Hant", true),
        ("fr", false),
    ] {
        let out = run(&["validate", "--lang", tag], Some(bad));
        let err = text(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{tag}: {err}");
        assert_eq!(err.contains(said), chinese, "{tag}: {err}");
        let out = with_lang_env(tag, &["validate"], bad);
        let err = text(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{tag}: {err}");
        assert_eq!(
            err.contains("没有繁体中文消息：请把 DESK_SCHEMA_LANG 设为 zh-CN（简体中文）或 en"),
            chinese,
            "{tag}: {err}"
        );
        // And beside the help it leaves in English.
        let out = with_lang_env(tag, &["validate", "--help"], b"");
        let err = text(&out.stderr);
        assert_eq!(out.status.code(), Some(0), "{tag}: {err}");
        assert!(
            err.starts_with("note: DESK_SCHEMA_LANG holds"),
            "{tag}: {err}"
        );
        assert_eq!(
            err.contains("\n没有繁体中文消息：请把 DESK_SCHEMA_LANG 设为 zh-CN（简体中文）或 en\n"),
            chinese,
            "{tag}: {err}"
        );
    }
}

/// The text line is screened as the JSON line is (helper-138: a key in the
/// server's `ErrorInfo`, or in the group ID, was shown in text alone);
/// every `not confirmed` line says what to do; an outcome stdout cannot
/// take is said on stderr with the outcome's status.
#[test]
fn send_screens_its_text_says_what_to_check_and_keeps_an_unwritten_outcome() {
    let body = serde_json::to_vec(&*support::request()).unwrap();
    let holding_the_key = || {
        let answer = format!(
            r#"{{"ActionStatus":"FAIL","ErrorCode":70003,"ErrorInfo":"key {}"}}"#,
            support::KEY
        );
        vec![Answer::Json(Box::leak(answer.into_boxed_str()))]
    };
    // (`send` asserts that nothing printed holds the key.)
    for extra in [&[][..], &["--lang", "zh-CN"], &["--format", "json"]] {
        let (out, requests) = send(holding_the_key(), extra, &body);
        assert_eq!(out.status.code(), Some(1), "{extra:?}");
        assert_eq!(requests, 1);
    }

    // No answer that says whether the group was made: the text says so,
    // and what to do, in both languages.
    for (extra, said) in [
        (
            &["--max-attempts", "1"][..],
            "the group may exist; look it up before making it again",
        ),
        (
            &["--max-attempts", "1", "--lang", "zh-CN"][..],
            "群组可能已创建；请先查询该群组是否已存在，再决定是否重新创建",
        ),
    ] {
        let (out, _) = send(vec![Answer::Status(503)], extra, &body);
        assert_eq!(out.status.code(), Some(3));
        let printed = text(&out.stdout);
        assert!(printed.contains(said), "{extra:?}: {printed}");
    }
    // The server's own failure (10002): what to check first, on the next
    // line, then Tencent's advice for the code (helper-139: the other way
    // round, "retry now" before "look it up").
    let (out, _) = send(
        vec![support::api_error(10_002)],
        &["--max-attempts", "1"],
        &body,
    );
    let printed = text(&out.stdout);
    let lines: Vec<&str> = printed.lines().collect();
    assert_eq!(lines.len(), 3, "{printed}");
    assert!(lines[0].starts_with("not confirmed: "), "{printed}");
    assert!(
        lines[1].starts_with("the request may have reached the server"),
        "{printed}"
    );
    assert!(
        lines[2].starts_with("Tencent's advice for this code: "),
        "{printed}"
    );
    // A refusal after nothing unknown: not created, no such advice.
    let (out, _) = send(vec![support::api_error(10_021)], &[], &body);
    assert!(
        !text(&out.stdout).contains("may exist"),
        "{}",
        text(&out.stdout)
    );

    // Created, with stdout a full disk: the outcome on stderr, exit 0 (it
    // was "cannot write output", exit 2, as though nothing was sent).
    let (endpoint, server) = support::serve_in_thread(vec![support::CREATED]);
    let endpoint = endpoint.to_string();
    let sdkappid = support::SDKAPPID.to_string();
    let mut child = cli()
        .args([
            "send",
            "-",
            "--sdkappid",
            &sdkappid,
            "--identifier",
            support::ADMIN,
        ])
        .args(["--endpoint", &endpoint])
        .env("DESK_SCHEMA_SECRET_KEY", support::KEY)
        .stdin(Stdio::piped())
        .stdout(std::fs::File::create("/dev/full").unwrap())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    std::io::Write::write_all(&mut child.stdin.take().unwrap(), &body).unwrap();
    let out = child.wait_with_output().unwrap();
    let err = text(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert!(err.contains("cannot write output"), "{err}");
    assert!(err.contains("created group team-a (1 attempt)"), "{err}");
    assert_eq!(server.requests(), 1);
}

/// `send --lang zh-CN` says every outcome in Chinese: the error table's
/// meaning and Tencent's advice, in text and in JSON (`meaning`), and an
/// invalid request's violations.
#[test]
fn send_speaks_the_language_of_lang() {
    let body = serde_json::to_vec(&*support::request()).unwrap();
    let (out, _) = send(vec![support::CREATED], &["--lang", "zh-CN"], &body);
    assert_eq!(text(&out.stdout), "已创建群组 team-a（尝试 1 次）\n");
    let (out, _) = send(vec![support::api_error(10_021)], &["--lang", "zh"], &body);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        text(&out.stdout),
        "未创建：create_group 失败，错误码 10021（群组 ID 已被他人使用，请选择其他群组 ID）：error 10021（尝试 1 次）\n\
         腾讯对该错误码的建议：请勿原样重试\n"
    );
    let (out, _) = send(
        vec![support::api_error(60_020)],
        &["--lang", "zh-CN", "--format", "json"],
        &body,
    );
    let lines = json_lines(&out);
    assert_eq!(
        lines[0]["meaning"],
        "套餐包未购买或尚未生效，请 5 分钟后重试。"
    );
    assert_eq!(lines[0]["name"], "PACKAGE_INACTIVE");
    // A time-out, in the client's own words.
    let slow = Answer::Slow(std::time::Duration::from_secs(3), &support::CREATED);
    let (out, _) = send(
        vec![slow],
        &[
            "--lang",
            "zh-CN",
            "--attempt-timeout",
            "1",
            "--time-budget",
            "1",
        ],
        &body,
    );
    // (what is left of the budget: about 1000 ms)
    let shown = text(&out.stdout);
    assert!(
        shown.starts_with("未确认是否创建：超时：")
            && shown.ends_with(
                " 毫秒内没有收到完整应答（尝试 1 次）\n请求可能已送达服务端，群组可能已创建；请先查询该群组是否已存在，再决定是否重新创建\n"
            ),
        "{shown}"
    );
    // Usage errors: a missing option, a number out of its range.
    let out = run(
        &["send", "f.json", "--sdkappid", "1", "--lang", "zh-CN"],
        None,
    );
    assert!(
        text(&out.stderr).starts_with("错误：缺少必需的参数：--identifier <ID>"),
        "{}",
        text(&out.stderr)
    );
    let out = run(
        &[
            "send",
            "f.json",
            "--sdkappid",
            "1",
            "--identifier",
            "a",
            "--lang",
            "zh-CN",
            "--time-budget",
            "0",
        ],
        None,
    );
    assert!(
        text(&out.stderr).contains("：0 不在 1 到 3600 之间"),
        "{}",
        text(&out.stderr)
    );
    // A refused --endpoint, in Chinese too.
    let args = [
        "send",
        "--lang",
        "zh-CN",
        "--sdkappid",
        "1",
        "--identifier",
        "a",
    ];
    let endpoint = ["--endpoint", "http://example.com", "f.json"];
    let out = run(&[&args[..], &endpoint[..]].concat(), None);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("不是有效的地址：\"http://example.com\"（请写 HOST[:PORT]"),
        "{}",
        text(&out.stderr)
    );
    let mut request = serde_json::to_value(&*support::request()).unwrap();
    request["Name"] = "客".repeat(34).into();
    let (out, requests) = send(
        vec![support::CREATED],
        &["--lang", "zh-CN"],
        &serde_json::to_vec(&request).unwrap(),
    );
    assert_eq!(requests, 0);
    assert_eq!(
        text(&out.stdout),
        "/Name: 最多 100 字节（UTF-8 编码，一个汉字占 3 字节，表情大多占 4 字节），当前 102 字节（34 个字符）\n无效：1 个问题；未发送\n"
    );
}

#[test]
fn send_refuses_an_invalid_request_unsent() {
    let mut request = serde_json::to_value(&*support::request()).unwrap();
    // 102 bytes, 34 characters: over the 100-byte limit.
    request["Name"] = "客".repeat(34).into();
    let body = serde_json::to_string(&request).unwrap();
    let (out, requests) = send(
        vec![support::CREATED],
        &["--format", "json"],
        body.as_bytes(),
    );
    assert_eq!(out.status.code(), Some(1));
    let lines = json_lines(&out);
    assert_eq!(lines[0]["outcome"], "invalid_request");
    assert_eq!(lines[0]["attempts"], 0);
    let codes: Vec<&str> = lines[0]["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["code"].as_str().unwrap())
        .collect();
    assert!(codes.contains(&"max_bytes"), "{codes:?}");
    assert_eq!(requests, 0);
}

#[test]
fn send_without_a_key_or_a_server_exits_2() {
    let body = serde_json::to_vec(&*support::request()).unwrap();
    let app = [
        "-",
        "--sdkappid",
        "1400000000",
        "--identifier",
        "administrator",
    ];
    let with = |extra: &[&str]| -> Vec<String> {
        app.iter().chain(extra).map(|a| (*a).to_owned()).collect()
    };
    let send = |args: Vec<String>, key| {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        keyed("send", &args, key, &body)
    };
    // No key: a usage error, nothing sent.
    let out = send(with(&[]), None);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("DESK_SCHEMA_SECRET_KEY"));
    assert!(out.stdout.is_empty());
    // With --format json, the stop is a JSON line on stdout too.
    let out = send(with(&["--format", "json"]), None);
    assert_eq!(out.status.code(), Some(2));
    let lines = json_lines(&out);
    assert_eq!(lines.len(), 1, "{lines:?}");
    assert_eq!(lines[0]["outcome"], "input_error");
    assert_eq!(lines[0]["attempts"], 0);
    assert!(
        lines[0]["error"]
            .as_str()
            .unwrap()
            .contains("DESK_SCHEMA_SECRET_KEY")
    );
    assert!(text(&out.stderr).contains("DESK_SCHEMA_SECRET_KEY"));
    // A host that is not a host.
    let out = send(with(&["--endpoint", "https://h/x"]), Some("k"));
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert!(err.contains("--endpoint"), "{err}");
    // What `send` prints, as JSON, of a network error at `endpoint`: exit
    // status 2 and a transport error's one line.
    let unanswered = |endpoint: &str| {
        let out = send(
            with(&["--endpoint", endpoint, "--format", "json"]),
            Some("k"),
        );
        assert_eq!(out.status.code(), Some(2));
        let line = json_lines(&out).remove(0);
        assert_eq!(line["outcome"], "transport_error", "{line}");
        line
    };
    // Nothing listens: a network error after the retries.
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let endpoint = format!("http://{}", listener.local_addr().unwrap());
    drop(listener);
    let line = unanswered(&endpoint);
    assert_eq!(line["kind"], "connect");
    assert_eq!(line["attempts"], 5);
    // Nothing was sent: not created (helper-125: "not confirmed").
    let out = send(
        with(&["--endpoint", &endpoint, "--max-attempts", "1"]),
        Some("k"),
    );
    assert!(
        text(&out.stdout).starts_with("not created: cannot connect"),
        "{}",
        text(&out.stdout)
    );
    // `https` to a server that answers in plain HTTP: a TLS handshake
    // refused, at once and once (a retry would be refused the same way).
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let endpoint = format!("https://{}", listener.local_addr().unwrap());
    // The connections it takes until 3 s after the first (the client's
    // first retry would come within a second), or 30 s without one.
    let accepted = std::thread::spawn(move || {
        use std::io::Write as _;
        use std::time::{Duration, Instant};
        listener.set_nonblocking(true).unwrap();
        let (start, mut first, mut count) = (Instant::now(), None, 0);
        while first.map_or(start.elapsed(), |t: Instant| t.elapsed()) < Duration::from_secs(3)
            || (first.is_none() && start.elapsed() < Duration::from_secs(30))
        {
            match listener.accept() {
                Ok((mut stream, _)) => {
                    count += 1;
                    first.get_or_insert_with(Instant::now);
                    let _ = stream.write_all(b"HTTP/1.1 400 Bad Request\r\n\r\n");
                }
                Err(_) => std::thread::sleep(Duration::from_millis(10)),
            }
        }
        count
    });
    let line = unanswered(&endpoint);
    assert_eq!(line["kind"], "tls", "{line}");
    assert_eq!(line["attempts"], 1);
    assert_eq!(accepted.join().unwrap(), 1);
}
