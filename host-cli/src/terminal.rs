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
    eprintln!(
        "{}{}",
        crate::messages::text().warning_prefix,
        clean_message(message)
    );
}

/// Whether `c` must not reach a terminal from untrusted text: C0 and C1 control characters
/// (ESC starts the sequences that retitle, clear or reprogram a terminal), DEL, and the
/// bidirectional overrides and isolates that make text display in another order than it reads.
pub fn is_unsafe(c: char) -> bool {
    c.is_control() || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Whether `text` holds a character [`is_unsafe`] rejects, read from its UTF-8 bytes
/// directly (several times faster than decoding characters; a deck is scanned at every
/// start): C0 and DEL are single bytes, C1 is `C2 80`–`C2 9F`, the overrides are
/// `E2 80 AA`–`E2 80 AE` and `E2 81 A6`–`E2 81 A9`.
pub fn has_unsafe(text: &str) -> bool {
    let b = text.as_bytes();
    // 32 bytes at a time, without branches (the compiler makes vector code of it): most
    // chunks hold none of the bytes that can start an unsafe character and are skipped whole.
    let mut chunks = b.chunks_exact(32);
    let mut at = 0;
    for chunk in &mut chunks {
        let suspect = chunk.iter().fold(false, |any, &x| {
            any | (x < 0x20) | (x == 0x7f) | (x == 0xc2) | (x == 0xe2)
        });
        if suspect && (at..at + 32).any(|j| unsafe_at(b, j)) {
            return true;
        }
        at += 32;
    }
    (at..b.len()).any(|j| unsafe_at(b, j))
}

/// Whether an unsafe character starts at byte `i` of `b`.
fn unsafe_at(b: &[u8], i: usize) -> bool {
    match b.get(i) {
        Some(0x00..=0x1f | 0x7f) => true,
        Some(0xc2) => matches!(b.get(i + 1), Some(0x80..=0x9f)),
        Some(0xe2) => matches!(
            (b.get(i + 1), b.get(i + 2)),
            (Some(0x80), Some(0xaa..=0xae)) | (Some(0x81), Some(0xa6..=0xa9))
        ),
        _ => false,
    }
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

    /// The byte scan agrees with the character test on every kind of character around the
    /// unsafe ranges.
    #[test]
    fn the_byte_scan_agrees_with_the_character_test() {
        let pool: Vec<char> = (0u32..0x300)
            .chain(0x2000..0x2100)
            .chain([0x1F600, 0xFEFF, 0xFFFD])
            .filter_map(char::from_u32)
            .collect();
        let mut x = 0x2545_F491_4F6C_DD1Du64;
        for _ in 0..20_000 {
            // Long enough for the eight-byte path, mostly letters (é, ’ and « share
            // their first byte with unsafe characters) with a rare other character.
            let len = (x % 80) as usize;
            let text: String = (0..len)
                .map(|_| {
                    x ^= x << 13;
                    x ^= x >> 7;
                    x ^= x << 17;
                    match x % 16 {
                        0 => pool[((x >> 8) % pool.len() as u64) as usize],
                        k => ['a', 'é', '’', '«', ' ', 'Z', '»', 'b'][(k % 8) as usize],
                    }
                })
                .collect();
            assert_eq!(has_unsafe(&text), text.chars().any(is_unsafe), "{text:?}");
        }
    }

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
