//! Typography normalisation: one form for apostrophes, spaces, quotes and ellipses.
//!
//! Cards are compared, de-duplicated and searched as text, so `l’Ispolkom` and `l'Ispolkom`
//! must be the same string. Nothing is invented here: characters are only unified, and
//! spaces collapsed.

/// Normalises one piece of text (a line or a paragraph).
///
/// - `’ ‘ ‛ ʼ ′` become `'`; `“ ” „ ″` become `"`; guillemets are kept;
/// - every kind of space (no-break, narrow, thin, tab) becomes one plain space, runs of
///   spaces collapse, and the ends are trimmed;
/// - `…` becomes `...`; soft hyphens and zero-width characters disappear;
/// - a space is removed before `,` and `.`, and ensured inside guillemets (`«x»` → `« x »`).
pub fn normalize(text: &str) -> String {
    if is_normal(text) {
        return text.to_string();
    }
    normalized(text)
}

/// [`normalize`] of a text the caller owns: given back as it is when it is normal already.
pub fn normalize_owned(text: String) -> String {
    if is_normal(&text) {
        return text;
    }
    normalized(&text)
}

/// [`normalize`] of a text that is not normal.
fn normalized(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_space = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let c = match c {
            '\u{2019}' | '\u{2018}' | '\u{201B}' | '\u{02BC}' | '\u{2032}' | '`' | '\u{00B4}' => {
                '\''
            }
            '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{2033}' => '"',
            '\u{00AD}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' => continue,
            '\u{2026}' => {
                flush_space(&mut out, &mut pending_space);
                out.push_str("...");
                continue;
            }
            c if is_space(c) => {
                pending_space = !out.is_empty();
                continue;
            }
            c => c,
        };
        match c {
            ',' | '.' => {
                pending_space = false;
                out.push(c);
            }
            '\u{00AB}' => {
                flush_space(&mut out, &mut pending_space);
                out.push(c);
                if chars.peek().is_some_and(|n| !is_space(*n)) {
                    out.push(' ');
                }
            }
            '\u{00BB}' => {
                if !out.is_empty() && !out.ends_with(' ') {
                    out.push(' ');
                }
                pending_space = false;
                out.push(c);
            }
            c => {
                flush_space(&mut out, &mut pending_space);
                out.push(c);
            }
        }
    }
    out
}

/// True when [`normalize`] would change nothing: no special space, quote, ellipsis or
/// invisible character (their UTF-8 encodings start with the bytes below), no tab, no
/// doubled space, no space before `,` or `.` and none at the ends.
fn is_normal(text: &str) -> bool {
    let b = text.as_bytes();
    if b.first() == Some(&b' ') || b.last() == Some(&b' ') {
        return false;
    }
    let mut prev = 0u8;
    for &c in b {
        match c {
            b'\t' | 0x0b | 0x0c | b'`' | 0xc2 | 0xca | 0xe2 | 0xe3 | 0xef => return false,
            b' ' | b',' | b'.' if prev == b' ' => return false,
            _ => {}
        }
        prev = c;
    }
    true
}

fn flush_space(out: &mut String, pending: &mut bool) {
    if *pending && !out.is_empty() && !out.ends_with(' ') {
        out.push(' ');
    }
    *pending = false;
}

/// `char::is_alphabetic` with the Latin letters of French answered without a table look-up.
#[inline]
pub fn is_letter(c: char) -> bool {
    match c {
        'a'..='z' | 'A'..='Z' => true,
        '\u{c0}'..='\u{17f}' => c != '\u{d7}' && c != '\u{f7}',
        c if c.is_ascii() => false,
        c => c.is_alphabetic(),
    }
}

/// A fast hasher for the short words the lexicon keys on: eight bytes at a time, as rustc's
/// Fx hash does; no untrusted keys reach it that could flood a table. The maps keyed with it
/// are looked up, never walked in their order.
#[derive(Clone, Copy, Debug, Default)]
pub struct WordHasher(u64);

impl WordHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
}

impl std::hash::Hasher for WordHasher {
    fn finish(&self) -> u64 {
        // The product's high bits are its best mixed: brought down to the table's index.
        self.0.rotate_left(26)
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut word = [0u8; 8];
            word[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(word));
        }
    }

    fn write_u8(&mut self, byte: u8) {
        self.add(u64::from(byte));
    }
}

/// Builds [`WordHasher`]s.
pub type WordHash = std::hash::BuildHasherDefault<WordHasher>;

/// Whether `text` has more than `n` words (as `split_whitespace` counts them): one pass
/// over its characters that stops at word `n + 1`.
pub fn more_words_than(text: &str, n: usize) -> bool {
    let mut words = 0;
    let mut in_word = false;
    for c in text.chars() {
        let space = c.is_whitespace();
        if !space && !in_word {
            words += 1;
            if words > n {
                return true;
            }
        }
        in_word = !space;
    }
    false
}

/// True for every character that typesets as a space.
pub fn is_space(c: char) -> bool {
    matches!(
        c,
        ' ' | '\t' | '\u{00A0}' | '\u{2000}'
            ..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' | '\u{000B}' | '\u{000C}'
    )
}

/// True when the line holds nothing but spaces of any kind.
pub fn is_blank(line: &str) -> bool {
    line.chars().all(|c| is_space(c) || c == '\r' || c == '\n')
}

/// Folds a word for comparison: lower case, accents removed, apostrophes unified.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    fold_into(text, &mut out);
    out
}

/// [`fold`] into a buffer the caller reuses (cleared first).
pub fn fold_into(text: &str, out: &mut String) {
    out.clear();
    if text.bytes().all(|b| b.is_ascii_lowercase() || b == b'-') {
        out.push_str(text);
        return;
    }
    let mut rest = text;
    while !rest.is_empty() {
        // A run of ASCII is copied and lowered at once.
        let run = rest.bytes().position(|b| b >= 0x80).unwrap_or(rest.len());
        if run > 0 {
            let at = out.len();
            out.push_str(&rest[..run]);
            out[at..].make_ascii_lowercase();
            rest = &rest[run..];
            continue;
        }
        let Some(c) = rest.chars().next() else { break };
        rest = &rest[c.len_utf8()..];
        let base = match c {
            'à' | 'â' | 'ä' | 'á' | 'ã' | 'À' | 'Â' | 'Ä' | 'Á' => 'a',
            'é' | 'è' | 'ê' | 'ë' | 'É' | 'È' | 'Ê' | 'Ë' => 'e',
            'î' | 'ï' | 'í' | 'ì' | 'Î' | 'Ï' => 'i',
            'ô' | 'ö' | 'ó' | 'ò' | 'õ' | 'Ô' | 'Ö' => 'o',
            'ù' | 'û' | 'ü' | 'ú' | 'Ù' | 'Û' | 'Ü' => 'u',
            'ç' | 'Ç' => 'c',
            'ÿ' | 'ý' => 'y',
            'ñ' => 'n',
            '’' => '\'',
            _ => {
                out.extend(c.to_lowercase());
                continue;
            }
        };
        out.push(base);
    }
}

/// `text` with its first letter a capital.
pub(crate) fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}

/// `text` with its first letter in lower case (`Socialistes-révolutionnaires` →
/// `socialistes-révolutionnaires`).
pub(crate) fn lowercase_first(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map_or_else(String::new, |c| c.to_lowercase().chain(chars).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unifies_apostrophes_and_spaces() {
        assert_eq!(
            normalize("l\u{2019}Ispolkom\u{00A0}: oui"),
            "l'Ispolkom : oui"
        );
        assert_eq!(normalize("  a \t  b  "), "a b");
        assert_eq!(normalize("Ligne\u{00A0}5\u{202F}:"), "Ligne 5 :");
    }

    #[test]
    fn guillemets_get_inner_spaces() {
        assert_eq!(normalize("le «Cirque»"), "le « Cirque »");
        assert_eq!(normalize("« Cirque Moderne » je"), "« Cirque Moderne » je");
    }

    #[test]
    fn no_space_before_comma_or_period() {
        assert_eq!(
            normalize("Lénine , puis Trotsky ."),
            "Lénine, puis Trotsky."
        );
        assert_eq!(normalize("attendre\u{2026}"), "attendre...");
    }

    #[test]
    fn folds_accents() {
        assert_eq!(fold("Kérénski"), "kerenski");
        assert_eq!(fold("Pétrograd"), "petrograd");
    }
}
