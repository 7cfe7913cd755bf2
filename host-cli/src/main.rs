//! The `carnet` executable: parse, run, map the error to an exit code.
#![forbid(unsafe_code)]

use std::process::ExitCode;

fn main() -> ExitCode {
    let args = carnet::args::Args::from_command_line();
    match carnet::run(args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(carnet::CliError::ClosedPipe) => ExitCode::SUCCESS,
        Err(error) => {
            let message = error.to_string();
            eprintln!(
                "{}{}",
                carnet::messages::text().error_prefix,
                carnet::terminal::clean_message(&message)
            );
            ExitCode::from(error.exit_code())
        }
    }
}
