//! What the program knows about the terminal it writes to: colour, and warnings.

use std::io::IsTerminal;

/// Whether colour may be used on stdout: it is a terminal and `NO_COLOR` is unset or empty
/// (<https://no-color.org>).
pub fn color_stdout() -> bool {
    no_color_unset() && std::io::stdout().is_terminal()
}

/// Whether `NO_COLOR` is unset or empty.
pub fn no_color_unset() -> bool {
    std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

/// Whether stdin and stdout are both terminals (the full-screen UI can run).
pub fn interactive() -> bool {
    std::io::stdin().is_terminal() && std::io::stdout().is_terminal()
}

/// Prints a warning on stderr.
pub fn warn(message: &str) {
    eprintln!("carnet: warning: {message}");
}

/// Wraps `text` in an ANSI SGR sequence when `on`.
pub fn paint(text: &str, sgr: &str, on: bool) -> String {
    if on {
        format!("\x1b[{sgr}m{text}\x1b[0m")
    } else {
        text.to_string()
    }
}
