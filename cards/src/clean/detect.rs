//! Recognising a document's format from its content, never from its file name.

use crate::document::Format;
use crate::typography::is_blank;

/// Counts of the tell-tale signs of each format.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Signs {
    /// Non-blank lines.
    pub lines: usize,
    /// Lines holding only a diff marker (`−`, `+`) and spaces.
    pub diff_markers: usize,
    /// `Ligne 12 :` hunk headers of a MediaWiki diff.
    pub hunk_headers: usize,
    /// Wiki markup: `[[`, `''`, `<ref`, `{{`, `== heading ==`.
    pub wiki_markup: usize,
    /// Markdown: `](`, `^[`, `[^`, `# ` headings, `**`.
    pub markdown_markup: usize,
    /// Non-blank lines followed by a blank line.
    pub paragraph_breaks: usize,
    /// Median length of non-blank lines, in characters.
    pub median_line_chars: usize,
    /// Lines whose sentence goes on at the start of the next line (it starts in lower
    /// case): hard-wrapped print.
    pub continued_lines: usize,
    /// Lines of a web page's furniture: a menu (`Accueil | …`), a breadcrumb (`Vous êtes
    /// ici`), a byline (`Publié le`), share buttons, comments, the legal footer.
    pub web_chrome: usize,
}

/// How lines of a web page's furniture start (or what they hold, for the menu).
const CHROME_STARTS: &[&str] = &[
    "Vous êtes ici",
    "Publié le",
    "Partager",
    "Laisser un commentaire",
    "Leave a Reply",
    "Articles similaires",
    "Article précédent",
    "← Article précédent",
    "Tags :",
    "©",
    "Mentions légales",
    "Newsletter",
];

/// Whether `line` is a web page's furniture (see [`Signs::web_chrome`]).
fn is_web_chrome(line: &str) -> bool {
    CHROME_STARTS.iter().any(|s| line.starts_with(s))
        || (line.contains("Accueil") && (line.contains(" | ") || line.contains(" › ")))
        || line.ends_with(" commentaires")
        || line.contains("Mentions légales")
}

/// Measures the signs of each format in `text`.
pub fn signs(text: &str) -> Signs {
    let mut s = Signs::default();
    let mut lengths = Vec::new();
    let mut prev_nonblank = false;
    let mut prev_open = false;
    for line in text.lines() {
        if is_blank(line) {
            prev_open = false;
            if prev_nonblank {
                s.paragraph_breaks += 1;
            }
            prev_nonblank = false;
            continue;
        }
        prev_nonblank = true;
        let trimmed = line.trim_matches(|c: char| crate::typography::is_space(c) || c == '\r');
        if matches!(trimmed, "\u{2212}" | "+") {
            s.diff_markers += 1;
            continue;
        }
        if trimmed.starts_with("\u{2212} ") || trimmed.starts_with("\u{2212}\t") {
            s.diff_markers += 1;
        }
        s.lines += 1;
        lengths.push(trimmed.chars().count());
        if prev_open && trimmed.starts_with(char::is_lowercase) {
            s.continued_lines += 1;
        }
        prev_open = !trimmed.ends_with(['.', '!', '?', ':']);
        if is_hunk_header(trimmed) {
            s.hunk_headers += 1;
        }
        if is_web_chrome(trimmed) {
            s.web_chrome += 1;
        }
        if !trimmed.bytes().any(|b| {
            matches!(
                b,
                b'[' | b'\'' | b'<' | b'{' | b'=' | b']' | b'^' | b'*' | b'#'
            )
        }) {
            continue;
        }
        let [links, quotes, refs, templates, md_links, notes, md_notes, bold] =
            count_marks(trimmed);
        s.wiki_markup += links
            + quotes
            + refs
            + templates
            + usize::from(trimmed.starts_with("==") && trimmed.ends_with("=="));
        s.markdown_markup += md_links
            + notes
            + md_notes
            + bold / 2
            + usize::from(trimmed.starts_with("# ") || trimmed.starts_with("## "));
    }
    lengths.sort_unstable();
    s.median_line_chars = lengths.get(lengths.len() / 2).copied().unwrap_or(0);
    s
}

/// The markup counted in a line, in this order.
const MARKS: [&str; 8] = ["[[", "''", "<ref", "{{", "](", "^[", "[^", "**"];

/// How many times each of [`MARKS`] occurs in `line`, without overlaps (as
/// `line.matches(mark).count()` counts), in one pass.
fn count_marks(line: &str) -> [usize; 8] {
    let b = line.as_bytes();
    let mut counts = [0; 8];
    // Where each mark may next start (after its last match).
    let mut free = [0; 8];
    for i in 0..b.len() {
        if !matches!(b[i], b'[' | b'\'' | b'<' | b'{' | b']' | b'^' | b'*') {
            continue;
        }
        for (k, m) in MARKS.iter().enumerate() {
            if i >= free[k] && b[i..].starts_with(m.as_bytes()) {
                counts[k] += 1;
                free[k] = i + m.len();
            }
        }
    }
    counts
}

/// True for a MediaWiki diff hunk header: `Ligne 5 : Ligne 5 :` (or `Line 5:`).
pub fn is_hunk_header(line: &str) -> bool {
    let start = line.trim_start_matches(|c: char| crate::typography::is_space(c));
    if !(start.starts_with("Ligne") || start.starts_with("Line")) {
        return false;
    }
    let norm = crate::typography::normalize(line);
    let Some(rest) = norm
        .strip_prefix("Ligne ")
        .or_else(|| norm.strip_prefix("Line "))
    else {
        return false;
    };
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    digits > 0 && rest[digits..].trim_start().starts_with(':')
}

/// Chooses the format from the signs.
pub fn detect(text: &str) -> Format {
    from_signs(&signs(text))
}

/// The decision, separated from the measuring so it can be tested on numbers.
pub fn from_signs(s: &Signs) -> Format {
    if s.hunk_headers >= 2
        || (s.diff_markers >= 2 && (s.hunk_headers >= 1 || s.wiki_markup >= 2))
        || s.wiki_markup >= 5.max(s.lines / 2)
    {
        return Format::WikiDiff;
    }
    if s.markdown_markup >= 3 {
        return Format::Markdown;
    }
    // A saved web page, whatever its line breaks: its menus, bylines and buttons.
    if s.web_chrome >= 3 {
        return Format::Blog;
    }
    // Blank-line paragraphs: Markdown (or plain text, which the same cleaner handles).
    if s.lines > 0 && s.paragraph_breaks * 10 >= s.lines * 3 {
        return Format::Markdown;
    }
    // Hard-wrapped short lines without blank lines: a printed page.
    if s.lines >= 5 && s.median_line_chars < 100 && s.continued_lines * 4 >= s.lines {
        return Format::Ocr;
    }
    Format::Blog
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_are_counted_like_matches() {
        for line in [
            "[[[A|a]]] ''' ''x'' <ref>{{{c}}}</ref>",
            "un [lien](#) et^[1] [^2] ****gras** ](( ",
            "rien",
            "''''",
        ] {
            let counts = count_marks(line);
            for (k, m) in MARKS.iter().enumerate() {
                assert_eq!(counts[k], line.matches(m).count(), "{m:?} in {line:?}");
            }
        }
    }

    #[test]
    fn hunk_headers() {
        assert!(is_hunk_header(
            "Ligne\u{a0}5\u{202f}: Ligne\u{a0}5\u{202f}:\u{a0}"
        ));
        assert!(is_hunk_header("Line 12: Line 12:"));
        assert!(!is_hunk_header("Ligne de front : la ville"));
    }

    #[test]
    fn chooses_by_content() {
        let ocr = "les troupes de la ville, i l arrive\nà se rapprocher de la\nstation, libérant les commu–\nnications par la voie\nde terre et de mer.\n12\n";
        let short_blog = "Menu\nLe club\nLe club fut fondé en 1899 par Jean Perrin.\nIl compte 45 membres.\nPartager :\nLeave a Reply\n";
        assert_eq!(detect(short_blog), Format::Blog);
        assert_eq!(detect(ocr), Format::Ocr);
        let md = "Titre\n\nUn [lien](#) et une note^[1].\n\n[1] La note.\n\nEncore [un](#).\n";
        assert_eq!(detect(md), Format::Markdown);
        let long = "x".repeat(300);
        let blog = format!("Titre\n{long}\n{long}\n{long}\nLeave a Reply\n");
        assert_eq!(detect(&blog), Format::Blog);
        let spaced_blog = "Accueil | Histoire | Contact\n\nVous êtes ici : Accueil › Histoire\n\n\
                           Le club\n\nLe club fut fondé en 1899.\n\nIl compte 45 membres.\n\n\
                           12 commentaires\n\nPartager : Facebook | X\n\n© 2023 Le Club\n";
        assert_eq!(detect(spaced_blog), Format::Blog);
        let diff = "Ligne 3 : Ligne 3 :\nTexte [[A|a]].\n\u{a0}\nTexte [[A|a]].\n \u{2212}\nVieux.\n+\nNeuf [[B]].\n";
        assert_eq!(detect(diff), Format::WikiDiff);
    }
}
