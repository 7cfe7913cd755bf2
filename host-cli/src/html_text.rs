//! The HTML of an Anki field as clean text: tags dropped, line breaks where the browser would
//! break lines (`<br>`, block elements), entities decoded, white space collapsed as HTML
//! collapses it. Images are counted (they are media references carnet does not carry).
//!
//! A small scanner rather than an HTML-to-text crate: a field is a fragment of a few lines,
//! the crates on offer render whole documents for a terminal width (wrapping lines, drawing
//! `**bold**` and link footnotes) and bring an HTML5 parser with them. The scanner never
//! fails: text that is not markup (a lone `<`, an unknown entity) is kept as it is.

/// A field's text and what it referred to that the text leaves out.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FieldText {
    /// The clean text.
    pub text: String,
    /// `<img>` elements (media carnet does not carry).
    pub images: usize,
}

/// Elements after which (and before which) a line breaks.
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "blockquote",
    "dd",
    "div",
    "dl",
    "dt",
    "figcaption",
    "figure",
    "footer",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "li",
    "ol",
    "p",
    "pre",
    "section",
    "table",
    "tr",
    "ul",
];

/// Elements whose content is not text.
const HIDDEN: &[&str] = &["script", "style", "head", "title"];

/// Converts a field's HTML to text.
pub fn to_text(html: &str) -> FieldText {
    let mut out = Builder::default();
    let mut images = 0usize;
    let mut rest = html;
    while let Some(c) = rest.chars().next() {
        match c {
            '<' => match parse_tag(rest) {
                Some((tag, len)) => {
                    rest = &rest[len..];
                    match tag {
                        Tag::Comment => {}
                        Tag::Element { name, closing } => {
                            if name == "br" {
                                out.hard_break();
                            } else if name == "img" && !closing {
                                images += 1;
                            } else if BLOCKS.contains(&name.as_str()) {
                                out.block_break();
                            } else if (name == "td" || name == "th") && !closing {
                                out.space();
                            } else if HIDDEN.contains(&name.as_str()) && !closing {
                                rest = skip_hidden(rest, &name);
                            }
                        }
                    }
                }
                None => {
                    out.push('<');
                    rest = &rest[1..];
                }
            },
            '&' => {
                let (decoded, len) = decode_entity(rest);
                match decoded {
                    Some(Decoded::Char(ch)) => out.push(ch),
                    Some(Decoded::Nothing) => {}
                    None => out.push('&'),
                }
                rest = &rest[len..];
            }
            c if c.is_whitespace() && c != '\u{a0}' => {
                out.space();
                rest = &rest[c.len_utf8()..];
            }
            c => {
                out.push(c);
                rest = &rest[c.len_utf8()..];
            }
        }
    }
    FieldText {
        text: out.finish(),
        images,
    }
}

/// Text as it is built: pending white space is written only before more text.
#[derive(Default)]
struct Builder {
    text: String,
    /// A space is due before the next character.
    space: bool,
    /// Line breaks due before the next character.
    breaks: usize,
}

impl Builder {
    fn push(&mut self, c: char) {
        let c = if c == '\u{a0}' { ' ' } else { c };
        if !self.text.is_empty() {
            if self.breaks > 0 {
                for _ in 0..self.breaks.min(2) {
                    self.text.push('\n');
                }
            } else if self.space && c != ' ' {
                self.text.push(' ');
            }
        }
        self.breaks = 0;
        self.space = false;
        if c == ' ' && (self.text.is_empty() || self.text.ends_with([' ', '\n'])) {
            return;
        }
        self.text.push(c);
    }

    fn space(&mut self) {
        self.space = true;
    }

    fn hard_break(&mut self) {
        self.breaks += 1;
        self.space = false;
    }

    fn block_break(&mut self) {
        self.breaks = self.breaks.max(1);
        self.space = false;
    }

    fn finish(self) -> String {
        self.text.trim_end().to_string()
    }
}

enum Tag {
    Comment,
    Element { name: String, closing: bool },
}

/// The tag at the start of `s` (which starts with `<`) and its length in bytes; `None` when
/// it is not one (a `<` in text).
fn parse_tag(s: &str) -> Option<(Tag, usize)> {
    if let Some(body) = s.strip_prefix("<!--") {
        let end = body.find("-->").map_or(s.len(), |i| 4 + i + 3);
        return Some((Tag::Comment, end));
    }
    let bytes = s.as_bytes();
    let mut i = 1;
    let closing = bytes.get(i) == Some(&b'/');
    if closing {
        i += 1;
    }
    if bytes.get(i) == Some(&b'!') || bytes.get(i) == Some(&b'?') {
        let end = s.find('>')? + 1;
        return Some((Tag::Comment, end));
    }
    let start = i;
    while bytes.get(i).is_some_and(|b| b.is_ascii_alphanumeric()) {
        i += 1;
    }
    if i == start || !bytes[start].is_ascii_alphabetic() {
        return None;
    }
    let name = s[start..i].to_ascii_lowercase();
    // The end of the tag: the first `>` outside a quoted attribute value.
    let mut quote: Option<u8> = None;
    while let Some(&b) = bytes.get(i) {
        match (quote, b) {
            (None, b'"' | b'\'') => quote = Some(b),
            (Some(q), b) if b == q => quote = None,
            (None, b'>') => return Some((Tag::Element { name, closing }, i + 1)),
            _ => {}
        }
        i += 1;
    }
    None
}

/// `s` after the end of the hidden element `name` (its content skipped).
fn skip_hidden<'a>(s: &'a str, name: &str) -> &'a str {
    let lower = s.to_ascii_lowercase();
    let close = format!("</{name}");
    match lower.find(&close) {
        Some(at) => match s[at..].find('>') {
            Some(gt) => &s[at + gt + 1..],
            None => "",
        },
        None => "",
    }
}

enum Decoded {
    Char(char),
    /// An entity that stands for nothing visible (a soft hyphen).
    Nothing,
}

/// The entity at the start of `s` (which starts with `&`): what it stands for and its length,
/// or `None` and 1 when it is not one.
fn decode_entity(s: &str) -> (Option<Decoded>, usize) {
    let body = &s[1..];
    let end = match body.find(';') {
        Some(e) if e <= 32 => e,
        _ => return (None, 1),
    };
    let name = &body[..end];
    let len = end + 2;
    let numeric = |digits: &str, radix: u32| {
        u32::from_str_radix(digits, radix)
            .ok()
            .and_then(char::from_u32)
            .filter(|c| *c != '\0')
    };
    let c = if let Some(hex) = name.strip_prefix("#x").or_else(|| name.strip_prefix("#X")) {
        numeric(hex, 16)
    } else if let Some(dec) = name.strip_prefix('#') {
        numeric(dec, 10)
    } else {
        if name == "shy" {
            return (Some(Decoded::Nothing), len);
        }
        named(name)
    };
    match c {
        Some(c) => (Some(Decoded::Char(c)), len),
        None => (None, 1),
    }
}

/// The named entities that fields hold in practice (HTML's markup characters, spaces,
/// punctuation, and the accented letters of Latin scripts).
fn named(name: &str) -> Option<char> {
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => '\u{a0}',
        "ensp" | "emsp" | "thinsp" => ' ',
        "ndash" => '–',
        "mdash" => '—',
        "hellip" => '…',
        "laquo" => '«',
        "raquo" => '»',
        "lsquo" => '‘',
        "rsquo" => '’',
        "ldquo" => '“',
        "rdquo" => '”',
        "bull" => '•',
        "middot" => '·',
        "deg" => '°',
        "times" => '×',
        "divide" => '÷',
        "plusmn" => '±',
        "copy" => '©',
        "reg" => '®',
        "euro" => '€',
        "pound" => '£',
        "sect" => '§',
        "para" => '¶',
        "rarr" => '→',
        "larr" => '←',
        "agrave" => 'à',
        "aacute" => 'á',
        "acirc" => 'â',
        "auml" => 'ä',
        "ccedil" => 'ç',
        "egrave" => 'è',
        "eacute" => 'é',
        "ecirc" => 'ê',
        "euml" => 'ë',
        "icirc" => 'î',
        "iuml" => 'ï',
        "ocirc" => 'ô',
        "ouml" => 'ö',
        "ugrave" => 'ù',
        "uacute" => 'ú',
        "ucirc" => 'û',
        "uuml" => 'ü',
        "ntilde" => 'ñ',
        "szlig" => 'ß',
        "oelig" => 'œ',
        "aelig" => 'æ',
        "Agrave" => 'À',
        "Eacute" => 'É',
        "Egrave" => 'È',
        "Ecirc" => 'Ê',
        "Ccedil" => 'Ç',
        "OElig" => 'Œ',
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(html: &str) -> String {
        to_text(html).text
    }

    #[test]
    fn tags_are_dropped_and_entities_decoded() {
        assert_eq!(
            t("Capitale de la <b>Géorgie</b> en 1918&nbsp;?"),
            "Capitale de la Géorgie en 1918 ?"
        );
        assert_eq!(t("&lt;Soviet&gt; &amp; co"), "<Soviet> & co");
        assert_eq!(t("&#233;t&#xE9; &eacute;"), "été é");
        assert_eq!(t("a&shy;b"), "ab");
    }

    #[test]
    fn breaks_and_blocks_make_lines() {
        assert_eq!(
            t("1922<br>(en Extrême-Orient)"),
            "1922\n(en Extrême-Orient)"
        );
        assert_eq!(t("<div>un</div><div>deux</div>"), "un\ndeux");
        assert_eq!(t("a<br><br><br><br>b"), "a\n\nb");
        assert_eq!(t("<div>Qui&nbsp;?</div>"), "Qui ?");
    }

    #[test]
    fn white_space_collapses_as_in_html() {
        assert_eq!(t("  un \n  deux\t trois  "), "un deux trois");
        assert_eq!(t("<b>un</b> <i>deux</i>"), "un deux");
    }

    #[test]
    fn images_are_counted_and_hidden_content_skipped() {
        let f = to_text("Brest <img src=\"a>b.png\"> <style>.x{}</style>fin<script>x<y</script>");
        assert_eq!(f.text, "Brest fin");
        assert_eq!(f.images, 1);
        assert_eq!(t("a <!-- note --> b"), "a b");
    }

    #[test]
    fn what_is_not_markup_is_kept() {
        assert_eq!(t("1 < 2 et 3 > 2"), "1 < 2 et 3 > 2");
        assert_eq!(t("R&D &unknown; &"), "R&D &unknown; &");
        assert_eq!(t("<"), "<");
        assert_eq!(t("a <b"), "a <b");
        assert_eq!(t("&#0; &#xFFFFFFFF;"), "&#0; &#xFFFFFFFF;");
    }

    #[test]
    fn arbitrary_bytes_never_panic() {
        let samples = [
            "<",
            "&",
            "&#",
            "&#x;",
            "<!--",
            "<a href='",
            "<style>",
            "é<é>é",
            "&\u{300};",
            "<\u{300}",
            "</",
            "<!",
            "<br/",
            "<img",
        ];
        for a in samples {
            for b in samples {
                let _ = to_text(&format!("{a}{b}{a}"));
            }
        }
    }
}
