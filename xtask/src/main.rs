//! `cargo xtask …`: parse, run, map the outcome to an exit status (2 for usage errors).

mod cli;

fn main() {
    let code = match cli::parse(std::env::args().skip(1)).and_then(cli::execute) {
        Ok(code) => code,
        Err(e) if e.is_usage() => {
            eprintln!("error: {e}\n\n{}", cli::USAGE);
            2
        }
        Err(e) => {
            eprintln!("error: {e}");
            1
        }
    };
    std::process::exit(code);
}
