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

/// Prints a warning on stderr (control characters made visible, see [`clean`]).
pub fn warn(message: &str) {
    eprintln!("carnet: warning: {}", clean_message(message));
}

/// Whether `c` must not reach a terminal from untrusted text: C0 and C1 control characters
/// (ESC starts the sequences that retitle, clear or reprogram a terminal), DEL, and the
/// bidirectional overrides and isolates that make text display in another order than it reads.
pub fn is_unsafe(c: char) -> bool {
    c.is_control() || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// `text` safe to print: tabs and line breaks become spaces, every other unsafe character
/// ([`is_unsafe`]) becomes U+FFFD. Borrowed when there is nothing to change.
pub fn clean(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.chars().any(is_unsafe) {
        return std::borrow::Cow::Borrowed(text);
    }
    text.chars()
        .map(|c| match c {
            '\t' | '\n' | '\r' => ' ',
            c if is_unsafe(c) => '\u{FFFD}',
            c => c,
        })
        .collect()
}

/// A message for stderr: line breaks kept (messages may have several lines), every other
/// unsafe character replaced as by [`clean`].
pub fn clean_message(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.chars().any(|c| c != '\n' && is_unsafe(c)) {
        return std::borrow::Cow::Borrowed(text);
    }
    text.chars()
        .map(|c| match c {
            '\n' => '\n',
            '\t' | '\r' => ' ',
            c if is_unsafe(c) => '\u{FFFD}',
            c => c,
        })
        .collect()
}

/// Wraps `text` in an ANSI SGR sequence when `on`.
pub fn paint(text: &str, sgr: &str, on: bool) -> String {
    if on {
        format!("\x1b[{sgr}m{text}\x1b[0m")
    } else {
        text.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_and_overrides_are_neutralised() {
        assert_eq!(clean("Bakou, 1918"), "Bakou, 1918");
        assert!(matches!(clean("plain"), std::borrow::Cow::Borrowed(_)));
        assert_eq!(
            clean("\u{1b}]0;owned\u{7}\u{1b}[2Jx"),
            "\u{FFFD}]0;owned\u{FFFD}\u{FFFD}[2Jx"
        );
        assert_eq!(clean("a\tb\nc"), "a b c");
        assert_eq!(clean("\u{9b}31m \u{202E}txt"), "\u{FFFD}31m \u{FFFD}txt");
        assert_eq!(clean_message("one\ntwo\u{1b}[2J"), "one\ntwo\u{FFFD}[2J");
    }
}
