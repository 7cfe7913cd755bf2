//! Words, numbers and punctuation of a sentence, with their byte offsets.

use crate::typography::is_letter;

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters, with inner hyphens (`Antonov-Ovséenko`); an elided article keeps its
    /// apostrophe (`l'`, `d'`, `qu'`).
    Word,
    /// Digits, with thin-space thousands (`1 500`), a time (`22h45`) or an ordinal
    /// suffix (`1er`, `176e`).
    Number,
    /// Any other character.
    Punct,
}

/// One token of a sentence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token<'a> {
    /// The token's text.
    pub text: &'a str,
    /// Byte offset in the sentence.
    pub start: usize,
    /// Byte offset after the token.
    pub end: usize,
    /// What it is.
    pub kind: TokenKind,
    /// The text in lower case (borrowed when it has no capital), computed once.
    lower: std::borrow::Cow<'a, str>,
}

impl Token<'_> {
    /// True for a word starting with a capital letter.
    pub fn is_capitalised(&self) -> bool {
        self.kind == TokenKind::Word && self.text.starts_with(char::is_uppercase)
    }

    /// True for an acronym: two to six capitals, nothing else (`CMR`, `VTsIK` allowed with
    /// lower-case inside when it ends in a capital).
    pub fn is_acronym(&self) -> bool {
        let t = self.text;
        // The cheap tests first: most words are not capitalised.
        self.kind == TokenKind::Word
            && (2..=12).contains(&t.len())
            && t.starts_with(char::is_uppercase)
            && t.ends_with(char::is_uppercase)
            && (2..=6).contains(&t.chars().count())
            && t.chars().filter(|c| c.is_uppercase()).count() >= 2
    }

    /// True for a number with an ordinal suffix (`1er`, `2e`, `176e`).
    pub fn is_ordinal(&self) -> bool {
        self.kind == TokenKind::Number
            && self.text.ends_with(|c: char| c.is_alphabetic())
            && !self.text.contains('h')
    }

    /// The value of a cardinal number (`1 500` → 1500), if it is one.
    pub fn value(&self) -> Option<u64> {
        if self.kind != TokenKind::Number || self.is_ordinal() || self.text.contains('h') {
            return None;
        }
        // A decimal number counts by its whole part (`21,64` → 21).
        let whole = self.text.split(',').next().unwrap_or(self.text);
        let digits: String = whole.chars().filter(char::is_ascii_digit).collect();
        digits.parse().ok()
    }

    /// The text in lower case.
    pub fn lower(&self) -> &str {
        &self.lower
    }
}

/// Elided words that end with an apostrophe and stand as their own token.
const ELISIONS: &[&str] = &[
    "l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu",
];

fn is_elision(word: &str) -> bool {
    ELISIONS.iter().any(|e| e.eq_ignore_ascii_case(word))
}

/// Splits a sentence into tokens.
pub fn tokenize(s: &str) -> Vec<Token<'_>> {
    let mut out = Vec::with_capacity(s.len() / 5);
    tokenize_into(s, &mut out);
    out
}

/// [`tokenize`] into a buffer the caller reuses (cleared first).
pub fn tokenize_into<'a>(s: &'a str, out: &mut Vec<Token<'a>>) {
    out.clear();
    let b = s.as_bytes();
    let mut i = 0;
    while i < s.len() {
        // ASCII bytes are read as they are; other characters are decoded.
        let c = if b[i] < 0x80 {
            b[i] as char
        } else {
            s[i..].chars().next().unwrap_or(' ')
        };
        if c == ' ' {
            i += 1;
            continue;
        }
        let start = i;
        if c.is_ascii_digit() {
            i = number_end(s, i);
            out.push(token(s, start, i, TokenKind::Number));
            continue;
        }
        if is_letter(c) {
            let mut j = i;
            while j < s.len() {
                if b[j].is_ascii_alphabetic() {
                    j += 1;
                    continue;
                }
                let d = s[j..].chars().next().unwrap_or(' ');
                if is_letter(d) {
                    j += d.len_utf8();
                } else if (d == '-' || d == '\'')
                    && s[j + 1..].chars().next().is_some_and(is_letter)
                {
                    if d == '\'' && j - i <= 7 && is_elision(&s[i..j]) {
                        j += 1;
                        break;
                    }
                    j += 1;
                } else {
                    break;
                }
            }
            out.push(token(s, start, j, TokenKind::Word));
            i = j;
            continue;
        }
        let len = c.len_utf8();
        out.push(token(s, start, i + len, TokenKind::Punct));
        i += len;
    }
}

fn token(s: &str, start: usize, end: usize, kind: TokenKind) -> Token<'_> {
    let text = &s[start..end];
    let ascii = text.is_ascii();
    let lower = if ascii && text.bytes().any(|b| b.is_ascii_uppercase()) {
        std::borrow::Cow::Owned(text.to_ascii_lowercase())
    } else if !ascii && text.chars().any(char::is_uppercase) {
        std::borrow::Cow::Owned(text.to_lowercase())
    } else {
        std::borrow::Cow::Borrowed(text)
    };
    Token {
        text,
        start,
        end,
        kind,
        lower,
    }
}

fn number_end(s: &str, start: usize) -> usize {
    let b = s.as_bytes();
    let mut i = start;
    while i < b.len() && b[i].is_ascii_digit() {
        i += 1;
    }
    // Thousands separated by a space: `1 500`, `12 000` (a group of exactly three digits).
    if i - start <= 3 {
        loop {
            if i + 4 <= b.len()
                && b[i] == b' '
                && b[i + 1..i + 4].iter().all(u8::is_ascii_digit)
                && (i + 4 == b.len() || !b[i + 4].is_ascii_digit())
            {
                i += 4;
            } else {
                break;
            }
        }
    }
    // A decimal comma: `21,64 mètres`, `11,6 km` (a comma between digits, no space).
    if i + 1 < b.len() && b[i] == b',' && b[i + 1].is_ascii_digit() {
        i += 1;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        return i;
    }
    // `22h45`, `1er`, `176e`, `2e`, `IIe` is a word.
    let rest = &s[i..];
    for suffix in ["h", "er", "re", "ère", "ème", "eme", "e", "es", "ers"] {
        if let Some(after) = rest.strip_prefix(suffix) {
            if !after.starts_with(|c: char| c.is_alphabetic()) {
                let mut j = i + suffix.len();
                if suffix == "h" {
                    while j < b.len() && b[j].is_ascii_digit() {
                        j += 1;
                    }
                }
                return j;
            }
        }
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> Vec<&str> {
        tokenize(s).iter().map(|t| t.text).collect()
    }

    #[test]
    fn words_numbers_elisions() {
        assert_eq!(
            texts("l'Ispolkom a 1 500 hommes à 22h45, le 1er mai."),
            vec![
                "l'", "Ispolkom", "a", "1 500", "hommes", "à", "22h45", ",", "le", "1er", "mai",
                "."
            ]
        );
        assert_eq!(
            texts("Antonov-Ovséenko aujourd'hui qu'il"),
            vec!["Antonov-Ovséenko", "aujourd'hui", "qu'", "il"]
        );
        assert_eq!(
            texts("le 176e régiment, du 3 au 24 juin 1917"),
            vec![
                "le",
                "176e",
                "régiment",
                ",",
                "du",
                "3",
                "au",
                "24",
                "juin",
                "1917"
            ]
        );
    }

    #[test]
    fn kinds() {
        let t = tokenize("CMR VTsIK Sovnarkom 1er 1 500");
        assert!(t[0].is_acronym() && t[1].is_acronym() && !t[2].is_acronym());
        assert!(t[3].is_ordinal());
        assert_eq!(t[4].value(), Some(1500));
    }

    #[test]
    fn decimal_numbers_are_one_token() {
        assert_eq!(
            texts("à 21,64 mètres et 1 500,5 kg ; 12, 13"),
            vec!["à", "21,64", "mètres", "et", "1 500,5", "kg", ";", "12", ",", "13"]
        );
        assert_eq!(tokenize("21,64")[0].value(), Some(21));
    }
}
