//! `desk-schema send` in a binary built without the `client` feature: the
//! command is listed, and says how to get it.

use std::io::Write;

use clap::{Arg, ArgMatches, Command};

use crate::IoStop;

/// The `send` subcommand, taking any arguments.
pub(crate) fn command() -> Command {
    Command::new("send")
        .about("Check, sign and send a create_group request (needs the `client` feature)")
        .arg(
            Arg::new("args")
                .value_name("ARGS")
                .help("Not read: this build cannot send")
                .num_args(0..)
                .trailing_var_arg(true)
                .allow_hyphen_values(true),
        )
}

/// Says how to build a binary that sends, in Chinese under `--lang zh-CN`
/// (read from the raw arguments: this command takes any).
pub(crate) fn run(_: &ArgMatches, _: &mut impl Write) -> Result<u8, IoStop> {
    let message = if crate::usage::chinese_asked() {
        "此 desk-schema 构建时未带发送功能：请用 --features cli,client 安装"
    } else {
        "this desk-schema was built without sending: install it with --features cli,client"
    };
    Err(IoStop::Input(message.to_owned()))
}
