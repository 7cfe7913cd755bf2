//! One module a command, each with an `execute` over checked settings.

use crate::args::{Args, Command, CompletionsArgs};
use crate::error::Result;

pub mod cards;
pub mod config_show;
pub mod export;
pub mod generate;
pub mod import;
pub mod import_package;
pub mod log;
pub mod memory;
pub mod optimize;
pub mod quiz;
pub mod stats;
pub mod study;
pub mod suspend;
pub mod sync;

/// Dispatches to the command; `study` when none is named.
pub fn execute(args: Args) -> Result<()> {
    let common = &args.common;
    crate::language::choose(common.lang, crate::config::configured_language(common));
    match args.command {
        None => study::execute(common, &args.study),
        Some(Command::Study(a)) => study::execute(common, &a),
        Some(Command::Quiz(a)) => quiz::execute(common, &a),
        Some(Command::Stats(a)) => stats::execute(common, &a),
        Some(Command::Memory(a)) => memory::execute(common, &a),
        Some(Command::Optimize(a)) => optimize::execute(common, &a),
        Some(Command::Cards(a)) => cards::execute(common, &a),
        Some(Command::Generate(a)) => generate::execute(&a),
        Some(Command::Export(a)) => export::execute(common, &a),
        Some(Command::Import(a)) => import::execute(common, &a),
        Some(Command::Log(a)) => log::execute(common, &a),
        Some(Command::Suspend(a)) => suspend::execute(common, &a, true),
        Some(Command::Unsuspend(a)) => suspend::execute(common, &a, false),
        Some(Command::Sync(a)) => sync::execute(common, &a),
        Some(Command::Config(a)) => config_show::execute(common, &a),
        Some(Command::Completions(a)) => completions(&a),
    }
}

fn completions(args: &CompletionsArgs) -> Result<()> {
    let mut command = Args::definition();
    // Generated into memory first: clap_complete panics when its writer fails.
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut command, "carnet", &mut script);
    std::io::Write::write_all(&mut std::io::stdout(), &script)
        .and_then(|()| std::io::Write::flush(&mut std::io::stdout()))
        .map_err(crate::error::CliError::stdout)
}
