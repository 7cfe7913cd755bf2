//! Text without an allocator: [`TextBuf`] for formatting, [`wrap`] for cutting text into lines
//! on word boundaries (monospace fonts: a line is a number of characters), and the short
//! interval labels of the grade buttons ([`interval_label`]).

use core::fmt;

use crate::latin1::latin1_chars;
use crate::words::Words;

/// A fixed-capacity string for `write!` (text past `N` bytes is cut at a character boundary).
#[derive(Clone, Copy)]
pub struct TextBuf<const N: usize> {
    buf: [u8; N],
    len: usize,
}

impl<const N: usize> Default for TextBuf<N> {
    fn default() -> Self {
        TextBuf {
            buf: [0; N],
            len: 0,
        }
    }
}

impl<const N: usize> TextBuf<N> {
    /// An empty buffer.
    pub fn new() -> Self {
        Self::default()
    }

    /// The text written so far.
    pub fn as_str(&self) -> &str {
        core::str::from_utf8(&self.buf[..self.len]).unwrap_or("")
    }

    /// Empties the buffer.
    pub fn clear(&mut self) {
        self.len = 0;
    }

    /// Appends `c`; returns `false` (appending nothing) when it does not fit.
    pub fn push(&mut self, c: char) -> bool {
        let mut tmp = [0u8; 4];
        let bytes = c.encode_utf8(&mut tmp).as_bytes();
        let end = self.len + bytes.len();
        match self.buf.get_mut(self.len..end) {
            Some(dest) => {
                dest.copy_from_slice(bytes);
                self.len = end;
                true
            }
            None => false,
        }
    }
}

impl<const N: usize> fmt::Write for TextBuf<N> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        for c in s.chars() {
            if !self.push(c) {
                return Err(fmt::Error);
            }
        }
        Ok(())
    }
}

impl<const N: usize> fmt::Debug for TextBuf<N> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

/// The widest line [`wrap`] produces, in characters.
pub const MAX_COLUMNS: usize = 32;

/// One line of wrapped text: at most [`MAX_COLUMNS`] Latin-1 characters.
pub type Line = TextBuf<{ MAX_COLUMNS * 2 }>;

/// Lines of at most `columns` characters (capped at [`MAX_COLUMNS`]), cut at spaces; a word
/// longer than a line is cut where the line ends. Characters beyond Latin-1 are mapped first
/// ([`crate::latin1`]); `\n` starts a new line. Needs no buffer beyond the line it yields and
/// one word carried over.
pub fn wrap(text: &str, columns: usize) -> Wrap<impl Iterator<Item = char> + '_> {
    Wrap {
        chars: latin1_chars(text).peekable(),
        columns: columns.clamp(1, MAX_COLUMNS),
        carry: Line::new(),
        carry_count: 0,
    }
}

/// The iterator of [`wrap`].
pub struct Wrap<I: Iterator<Item = char>> {
    chars: core::iter::Peekable<I>,
    columns: usize,
    /// A word that did not fit on the last line: it starts the next one.
    carry: Line,
    carry_count: usize,
}

impl<I: Iterator<Item = char>> Wrap<I> {
    /// The next word, at most a line long (a longer word is cut there).
    fn word(&mut self) -> (Line, usize) {
        let mut word = Line::new();
        let mut count = 0usize;
        while count < self.columns {
            match self.chars.next_if(|&c| c != ' ' && c != '\n') {
                Some(c) => {
                    word.push(c);
                    count += 1;
                }
                None => break,
            }
        }
        (word, count)
    }
}

impl<I: Iterator<Item = char>> Iterator for Wrap<I> {
    type Item = Line;

    fn next(&mut self) -> Option<Line> {
        let mut line = Line::new();
        let mut count = 0usize;
        if self.carry_count > 0 {
            line = self.carry;
            count = self.carry_count;
            self.carry_count = 0;
        }
        loop {
            // Spaces between words are the breaks: one is put back when a word follows.
            while self.chars.next_if(|&c| c == ' ').is_some() {}
            match self.chars.peek() {
                None => return (count > 0).then_some(line),
                Some('\n') => {
                    self.chars.next();
                    return Some(line);
                }
                Some(_) => {}
            }
            let (word, word_count) = self.word();
            if count == 0 {
                line = word;
                count = word_count;
            } else if count + 1 + word_count <= self.columns {
                line.push(' ');
                for c in word.as_str().chars() {
                    line.push(c);
                }
                count += 1 + word_count;
            } else {
                self.carry = word;
                self.carry_count = word_count;
                return Some(line);
            }
        }
    }
}

/// How long until a card comes back, in at most four characters, in the units of `w`:
/// `1mn`, `10mn`, `5h`, `12j`, `1,5a` in French (minutes, heures, jours, années); `1m`,
/// `5h`, `12d`, `1.5y` in English.
pub fn interval_label(w: &Words, secs: i64) -> TextBuf<8> {
    use fmt::Write as _;
    let mut out = TextBuf::new();
    let secs = secs.max(0);
    let [minutes, hours, days_unit, years] = w.units;
    const MINUTE: i64 = 60;
    const HOUR: i64 = 3600;
    const DAY: i64 = 86_400;
    let _ = if secs < HOUR {
        write!(out, "{}{minutes}", ((secs + MINUTE / 2) / MINUTE).max(1))
    } else if secs < DAY {
        write!(out, "{}{hours}", (secs + HOUR / 2) / HOUR)
    } else {
        let days = (secs + DAY / 2) / DAY;
        if days < 1000 {
            write!(out, "{days}{days_unit}")
        } else {
            // Tenths of a year, rounded; whole years from 10 on.
            let tenths = (days * 10 + 182) / 365;
            if tenths < 100 {
                write!(out, "{}{}{}{years}", tenths / 10, w.decimal, tenths % 10)
            } else {
                write!(out, "{}{years}", (tenths + 5) / 10)
            }
        }
    };
    out
}

#[cfg(test)]
mod tests {
    extern crate std;
    use super::*;
    use std::string::String;
    use std::vec::Vec;

    fn lines(text: &str, columns: usize) -> Vec<String> {
        wrap(text, columns).map(|l| l.as_str().into()).collect()
    }

    #[test]
    fn wraps_on_word_boundaries() {
        assert_eq!(
            lines("Qui présidait le Sovnarkom de Bakou ?", 12),
            ["Qui", "présidait le", "Sovnarkom de", "Bakou ?"]
                .map(String::from)
                .to_vec()
        );
        assert_eq!(lines("", 10), Vec::<String>::new());
        assert_eq!(lines("   ", 10), Vec::<String>::new());
        assert_eq!(
            lines("a\n\nb", 10),
            ["a", "", "b"].map(String::from).to_vec()
        );
        assert_eq!(
            lines("un  deux ", 20),
            ["un deux"].map(String::from).to_vec()
        );
    }

    #[test]
    fn cuts_words_longer_than_a_line_and_maps_to_latin1() {
        assert_eq!(
            lines("anticonstitutionnellement oui", 10),
            ["anticonsti", "tutionnell", "ement oui"]
                .map(String::from)
                .to_vec()
        );
        assert_eq!(
            lines("l’œuvre…", 21),
            ["l'oeuvre..."].map(String::from).to_vec()
        );
        for l in wrap("é".repeat(100).as_str(), 21) {
            assert!(l.as_str().chars().count() <= 21);
        }
    }

    #[test]
    fn interval_labels_fit_four_characters() {
        let cases = [
            (0, "1mn"),
            (60, "1mn"),
            (330, "6mn"),
            (600, "10mn"),
            (3600 * 5, "5h"),
            (86_400 * 8, "8j"),
            (86_400 * 999, "999j"),
            (86_400 * 1000, "2,7a"),
            (86_400 * 36_500, "100a"),
        ];
        for (secs, want) in cases {
            let got = interval_label(&crate::words::FRENCH, secs);
            assert_eq!(got.as_str(), want, "{secs}");
            assert!(got.as_str().chars().count() <= 4);
        }
        let english = [
            (60, "1m"),
            (600, "10m"),
            (3600 * 5, "5h"),
            (86_400 * 8, "8d"),
            (86_400 * 1000, "2.7y"),
            (86_400 * 36_500, "100y"),
        ];
        for (secs, want) in english {
            let got = interval_label(&crate::words::ENGLISH, secs);
            assert_eq!(got.as_str(), want, "{secs}");
        }
    }
}
