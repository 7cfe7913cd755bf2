//! Text for the ISO-8859-1 fonts: embedded-graphics' `iso_8859_1` mono fonts draw every
//! character up to U+00FF (é, è, à, ç, ô, « », …) but nothing beyond. French typography uses a
//! few characters outside Latin-1; they are mapped to their nearest Latin-1 spelling before
//! they reach the display, anything else unknown becomes `?`. This is the one place that
//! mapping lives: the screens draw through [`latin1_chars`], the board's self-test through
//! [`to_latin1`].

/// The Latin-1 replacement of `c` when `c` is beyond U+00FF: up to three characters.
pub fn latin1_equivalent(c: char) -> &'static str {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{2032}' => "'",
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{2033}' => "\"",
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2015}'
        | '\u{2212}' => "-",
        '\u{2026}' => "...",
        '\u{2039}' => "<",
        '\u{203A}' => ">",
        '\u{2022}' => "\u{B7}",
        '\u{0152}' => "OE",
        '\u{0153}' => "oe",
        '\u{0178}' => "Y",
        '\u{20AC}' => "EUR",
        // Narrow no-break space (before « ; : ! ?), thin and other spaces.
        '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' => " ",
        _ => "?",
    }
}

/// `text`'s characters with every one beyond Latin-1 replaced (see [`latin1_equivalent`]).
pub fn latin1_chars(text: &str) -> impl Iterator<Item = char> + '_ {
    text.chars().flat_map(|c| {
        let (own, mapped) = if (c as u32) <= 0xFF {
            (Some(c), "")
        } else {
            (None, latin1_equivalent(c))
        };
        own.into_iter().chain(mapped.chars())
    })
}

/// Writes `text` into `buf` with every character mapped to Latin-1 (see
/// [`latin1_equivalent`]) and returns the result as a `&str` borrowed from `buf`. Text that
/// does not fit is cut at a character boundary.
pub fn to_latin1<'a>(text: &str, buf: &'a mut [u8]) -> &'a str {
    let mut len = 0;
    for c in latin1_chars(text) {
        let mut tmp = [0u8; 4];
        let s = c.encode_utf8(&mut tmp);
        let end = len + s.len();
        match buf.get_mut(len..end) {
            Some(dest) => {
                dest.copy_from_slice(s.as_bytes());
                len = end;
            }
            None => break,
        }
    }
    // Only whole UTF-8 sequences were copied, so this cannot fail; fall back to "" anyway.
    core::str::from_utf8(&buf[..len]).unwrap_or("")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_french_typography_and_keeps_latin1() {
        let mut buf = [0u8; 64];
        assert_eq!(
            to_latin1("l’été — « œuvre »…", &mut buf),
            "l'été - « oeuvre »..."
        );
        assert_eq!(to_latin1("日", &mut buf), "?");
        let mut small = [0u8; 3];
        assert_eq!(to_latin1("aéb", &mut small), "aé");
    }
}
