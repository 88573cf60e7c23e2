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

/// Says how to build a binary that sends.
pub(crate) fn run(_: &ArgMatches, _: &mut impl Write) -> Result<u8, IoStop> {
    Err(IoStop::Input(
        "this desk-schema was built without sending: install it with --features cli,client"
            .to_owned(),
    ))
}
