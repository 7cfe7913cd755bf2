//! Text for the ISO-8859-1 fonts: embedded-graphics' `iso_8859_1` mono fonts draw every
//! character up to U+00FF (é, è, à, ç, ô, « », …) but nothing beyond. French typography uses a
//! few characters outside Latin-1; they are mapped to their nearest Latin-1 spelling before
//! they reach the display, anything else unknown becomes `?`.

/// The Latin-1 replacement of `c`: itself if it is Latin-1, else up to three characters.
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

/// Writes `text` into `buf` with every character mapped to Latin-1 (see
/// [`latin1_equivalent`]) and returns the result as a `&str` borrowed from `buf`. Text that
/// does not fit is cut at a character boundary.
pub fn to_latin1<'a>(text: &str, buf: &'a mut [u8]) -> &'a str {
    let mut len = 0;
    let mut push = |s: &str, len: &mut usize| -> bool {
        let end = *len + s.len();
        match buf.get_mut(*len..end) {
            Some(dest) => {
                dest.copy_from_slice(s.as_bytes());
                *len = end;
                true
            }
            None => false,
        }
    };
    let mut tmp = [0u8; 4];
    for c in text.chars() {
        let s = if (c as u32) <= 0xFF {
            c.encode_utf8(&mut tmp)
        } else {
            latin1_equivalent(c)
        };
        if !push(s, &mut len) {
            break;
        }
    }
    // Only whole UTF-8 sequences were copied, so this cannot fail; fall back to "" anyway.
    core::str::from_utf8(&buf[..len]).unwrap_or("")
}
