//! One module a command, each with an `execute` over checked settings.

use clap::CommandFactory;

use crate::args::{Args, Command, CompletionsArgs};
use crate::error::Result;

pub mod config_show;
pub mod log;
pub mod study;

/// Dispatches to the command; `study` when none is named.
pub fn execute(args: Args) -> Result<()> {
    let common = &args.common;
    match args.command {
        None => study::execute(common, &args.study),
        Some(Command::Study(a)) => study::execute(common, &a),
        Some(Command::Log(a)) => log::execute(common, &a),
        Some(Command::Config) => config_show::execute(common),
        Some(Command::Completions(a)) => completions(&a),
        Some(_) => Err(crate::CliError::failure("not built yet")),
    }
}

fn completions(args: &CompletionsArgs) -> Result<()> {
    let mut command = Args::command();
    clap_complete::generate(args.shell, &mut command, "carnet", &mut std::io::stdout());
    Ok(())
}
