//! The `carnet` executable: parse, run, map the error to an exit code.
#![forbid(unsafe_code)]

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let args = carnet::args::Args::parse();
    match carnet::run(args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("carnet: error: {error}");
            ExitCode::from(error.exit_code())
        }
    }
}
