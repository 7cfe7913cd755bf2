//! Cleaning an OCR'd page of print.
//!
//! Print is hard-wrapped: lines break mid-sentence and words are hyphenated across lines
//! (`commu–` / `nications`). OCR adds its own debris: split words (`i l`), glued words
//! (`BakinskiRabotchii`), superscripts on their own line (`1` / `er`), stray quote marks on
//! their own line, and the page furniture (page number, running header or footer, footnotes
//! at the bottom). This module rebuilds paragraphs, headings and footnotes from that.

use crate::document::{Block, BlockKind, CleanDocument, Format};
use crate::typography::{fold, is_blank, normalize};
use std::collections::HashSet;

/// Cleans an OCR'd page.
pub fn clean(text: &str) -> CleanDocument {
    let lines: Vec<(u32, String)> = text
        .lines()
        .enumerate()
        .map(|(i, l)| (i as u32 + 1, normalize(l)))
        .collect();
    let furniture = page_furniture(&lines);
    let footnote_numbers: HashSet<String> = lines
        .iter()
        .filter_map(|(_, l)| footnote_call_alone(l))
        .collect();
    let width = typical_width(&lines);
    let vocabulary = Vocabulary::new(text);

    let mut blocks: Vec<Block> = Vec::new();
    let mut current: Option<Block> = None;
    let mut in_footnote = false;
    let mut prev: Option<&str> = None;
    for (idx, (no, line)) in lines.iter().enumerate() {
        if furniture[idx] {
            in_footnote = false;
            flush(&mut blocks, &mut current);
            prev = None;
            continue;
        }
        if is_blank(line) {
            flush(&mut blocks, &mut current);
            prev = None;
            continue;
        }
        // A rule (« ____ », « ----- ») sets the footnotes off from the text.
        if is_footnote_rule(line) {
            flush(&mut blocks, &mut current);
            in_footnote = true;
            prev = None;
            continue;
        }
        // Below the rule, « 1. Louis Daguerre, né en 1787 … »: a note of its own, its
        // number left out.
        let numbered_note = in_footnote.then(|| footnote_number(line)).flatten();
        let line: &str = match numbered_note {
            Some(rest) => {
                start_footnote(&mut blocks, &mut current);
                prev = None;
                rest
            }
            None => line.as_str(),
        };
        if footnote_call_alone(line).is_some() {
            start_footnote(&mut blocks, &mut current);
            in_footnote = true;
            prev = None;
            continue;
        }
        let next = lines[idx + 1..]
            .iter()
            .zip(&furniture[idx + 1..])
            .find(|((_, l), f)| !**f && !is_blank(l))
            .map(|((_, l), _)| l.as_str());
        if !in_footnote && is_heading(prev, line, next, width) {
            flush(&mut blocks, &mut current);
            blocks.push(Block::new(BlockKind::Heading, line.to_string(), *no));
            prev = Some(".");
            continue;
        }
        let starts_paragraph = match prev {
            None => true,
            Some(p) => {
                !in_footnote
                    && ends_sentence(p)
                    && p.chars().count() * 4 < width * 3
                    && starts_upper(line)
            }
        };
        if starts_paragraph && current.as_ref().is_some_and(|b| !b.text.is_empty()) {
            flush(&mut blocks, &mut current);
        }
        let block = current.get_or_insert_with(|| Block {
            kind: if in_footnote {
                BlockKind::Footnote
            } else {
                BlockKind::Paragraph
            },
            text: String::new(),
            lines: vec![],
        });
        append_line(block, line, *no, &vocabulary);
        prev = Some(line);
    }
    flush(&mut blocks, &mut current);

    for block in &mut blocks {
        repair_words(block, &footnote_numbers);
    }
    blocks.retain(|b| b.text.chars().any(char::is_alphabetic));
    // The running title of the page's head (« 142    LA GRANDE PESTE DE 1720 ») names what
    // the page is about: the document's title, in the case the page writes its words.
    if let Some((no, title)) = lines
        .iter()
        .zip(&furniture)
        .take(3)
        .find(|((_, l), f)| **f && numbered_running_title(l))
        .map(|((no, l), _)| (*no, running_title_text(l, &blocks)))
    {
        blocks.insert(0, Block::new(BlockKind::Title, title, no));
    }
    CleanDocument {
        format: Format::Ocr,
        blocks,
    }
}

/// Ends the block being read and opens an empty footnote.
fn start_footnote(blocks: &mut Vec<Block>, current: &mut Option<Block>) {
    flush(blocks, current);
    *current = Some(Block {
        kind: BlockKind::Footnote,
        text: String::new(),
        lines: vec![],
    });
}

fn flush(blocks: &mut Vec<Block>, current: &mut Option<Block>) {
    if let Some(b) = current.take() {
        if !b.text.is_empty() {
            blocks.push(b);
        }
    }
}

/// Joins one printed line onto the block: across a hyphen, a superscript, an opening
/// bracket or a plain line break.
fn append_line(block: &mut Block, line: &str, no: u32, vocabulary: &Vocabulary) {
    if block.text.is_empty() {
        block.append("", line, no);
        return;
    }
    let text = &block.text;
    let superscript = matches!(line, "er" | "re" | "e" | "ème" | "eme" | "o" | "os" | "es")
        && (text.ends_with(|c: char| c.is_ascii_digit()) || ends_with_roman_numeral(text));
    if superscript || text.ends_with(['(', '[']) {
        block.append("", line, no);
        return;
    }
    if let Some(stem) = hyphenated_stem(text) {
        let dash = text[stem..].chars().next().unwrap_or('-');
        let head_start = text[..stem]
            .rfind(|c: char| !(c.is_alphabetic() || c == '-'))
            .map_or(0, |i| {
                i + text[i..].chars().next().map_or(1, char::len_utf8)
            });
        let head = &text[head_start..stem];
        let tail: String = line.chars().take_while(|c| c.is_alphabetic()).collect();
        if line.starts_with(char::is_lowercase) {
            let keep = dash == '-'
                && (vocabulary.keeps_hyphen(head, &tail)
                    || links_a_compound_name(head, line, &tail));
            block.text.truncate(stem);
            block.append(if keep { "-" } else { "" }, line, no);
            // `append` put the separator before the text: the hyphen or nothing.
            return;
        }
        if line.starts_with(char::is_uppercase) && dash == '-' {
            // A compound name broken at its own hyphen (`Jean-` / `Pierre`).
            block.text.truncate(stem);
            block.append("-", line, no);
            return;
        }
    }
    block.append(" ", line, no);
}

/// The small words that join the parts of a compound place name (« Cormeilles-en-Parisis »,
/// « Châlons-sur-Marne », « Bourg-la-Reine »).
const NAME_LINKS: &[&str] = &[
    "en", "sur", "sous", "lès", "lez", "le", "la", "les", "de", "du", "des", "aux", "et",
];

/// True when a capitalised word broken at its hyphen goes on with a linking word that is
/// itself followed by a hyphen (`Cormeilles-` / `en-Parisis`): the hyphen is the name's own.
fn links_a_compound_name(head: &str, line: &str, tail: &str) -> bool {
    head.starts_with(char::is_uppercase)
        && NAME_LINKS.contains(&tail)
        && line[tail.len()..].starts_with('-')
}

/// True when the text's last word is a Roman numeral (`le XVII` before a superscript `e`).
fn ends_with_roman_numeral(text: &str) -> bool {
    let word = text
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    !word.is_empty()
        && word
            .chars()
            .all(|c| matches!(c, 'I' | 'V' | 'X' | 'L' | 'C' | 'M'))
}

/// If the text ends with a word broken by a hyphen or dash, the byte offset of that dash.
fn hyphenated_stem(text: &str) -> Option<usize> {
    let (at, dash) = text.char_indices().next_back()?;
    if !matches!(dash, '-' | '–' | '¬' | '\u{2010}' | '\u{2011}') {
        return None;
    }
    let before = text[..at].chars().next_back()?;
    before.is_alphabetic().then_some(at)
}

/// Knows which hyphenated forms the document itself writes with a hyphen.
struct Vocabulary {
    hyphenated: HashSet<String>,
}

const COMPOUND_PREFIXES: &[&str] = &[
    "anti", "arrière", "avant", "contre", "demi", "ex", "extra", "grand", "mi", "néo", "non",
    "porte", "post", "pro", "semi", "sous", "super", "vice", "social", "sud", "nord", "franco",
    "russo", "germano", "anglo", "austro",
];

impl Vocabulary {
    fn new(text: &str) -> Vocabulary {
        let mut hyphenated = HashSet::new();
        for word in text.split(|c: char| !(c.is_alphabetic() || c == '-')) {
            let w = word.trim_matches('-');
            if w.contains('-') {
                hyphenated.insert(fold(w));
            }
        }
        Vocabulary { hyphenated }
    }

    /// True when `head-tail` is a real compound, written so elsewhere or built on a prefix
    /// that French always joins with a hyphen.
    /// A prefix's hyphen goes when the lexicon knows the word whole (« mi- / nistre » is
    /// « ministre », « mi- / temps » stays « mi-temps »).
    fn keeps_hyphen(&self, head: &str, tail: &str) -> bool {
        let last = head.rsplit('-').next().unwrap_or(head);
        let joined = fold(&format!("{last}-{tail}"));
        let whole = format!("{last}{tail}").to_lowercase();
        self.hyphenated.iter().any(|h| h.ends_with(&joined))
            || COMPOUND_PREFIXES.contains(&fold(last).as_str())
                && !crate::lexicon::is_common_word(
                    whole.trim_end_matches(|c: char| !c.is_alphabetic()),
                )
    }
}

/// Page numbers and the running header or footer next to them.
fn page_furniture(lines: &[(u32, String)]) -> Vec<bool> {
    let mut out = vec![false; lines.len()];
    let content: Vec<usize> = (0..lines.len())
        .filter(|&i| !is_blank(&lines[i].1))
        .collect();
    for (pos, &i) in content.iter().enumerate() {
        if numbered_running_title(&lines[i].1) {
            out[i] = true;
            continue;
        }
        if is_page_number(&lines[i].1) {
            out[i] = true;
            // A footer after the page number at the end of the page, or a header before
            // one at the top: short, no sentence punctuation.
            for &j in content.iter().skip(pos + 1).take(2) {
                if is_running_title(&lines[j].1)
                    && content.len() - content.iter().position(|&k| k == j).unwrap_or(0) <= 2
                {
                    out[j] = true;
                }
            }
            if pos < 2 {
                for &j in content.iter().take(pos) {
                    if is_running_title(&lines[j].1) {
                        out[j] = true;
                    }
                }
            }
        }
    }
    // A short line printed on every page is a running title.
    let mut seen: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for &i in &content {
        if is_running_title(&lines[i].1) {
            *seen.entry(lines[i].1.as_str()).or_default() += 1;
        }
    }
    for &i in &content {
        if seen.get(lines[i].1.as_str()).is_some_and(|&n| n >= 2) && lines[i].1.chars().count() > 3
        {
            out[i] = true;
        }
    }
    out
}

fn is_page_number(line: &str) -> bool {
    let t = line.trim_matches(|c: char| c == '-' || c == '–' || c == '—' || c == ' ' || c == '.');
    let t = t
        .strip_prefix("Page ")
        .or_else(|| t.strip_prefix("p. "))
        .unwrap_or(t);
    !t.is_empty() && t.len() <= 4 && t.bytes().all(|b| b.is_ascii_digit())
}

/// `212    LA FRANCE DE LOUIS XIV` or `HISTOIRE DE LA MÉDECINE    143`: the page number and
/// the running title in capitals on one line.
fn numbered_running_title(line: &str) -> bool {
    let t = line.trim();
    let (first, rest) = t.split_once(' ').unwrap_or((t, ""));
    let (rest_l, last) = t.rsplit_once(' ').unwrap_or(("", t));
    let title = if is_page_number(first) {
        rest.trim()
    } else if is_page_number(last) {
        rest_l.trim()
    } else {
        return false;
    };
    let letters = title.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 4
        && title
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase)
        && is_running_title(title)
}

/// The title of a numbered running title (« 142    LA GRANDE PESTE DE 1720 »), its page
/// number left out, each word written as the page's text writes it (« Verdun », « XIV »),
/// or in lower case, the first capitalised: « La grande peste de 1720 ».
fn running_title_text(line: &str, blocks: &[Block]) -> String {
    let mut words: Vec<&str> = line.split_whitespace().collect();
    // (the page number, at one end: « … DE 1720 » keeps its year)
    if words.first().is_some_and(|w| is_page_number(w)) {
        words.remove(0);
    } else if words.last().is_some_and(|w| is_page_number(w)) {
        words.pop();
    }
    let as_written = |word: &str| -> Option<String> {
        let lower = word.to_lowercase();
        blocks.iter().find_map(|b| {
            b.text
                .split(|c: char| !(c.is_alphanumeric() || c == '-'))
                .find(|w| w.to_lowercase() == lower && w.starts_with(char::is_uppercase))
                .map(str::to_string)
        })
    };
    let mut out: Vec<String> = Vec::with_capacity(words.len());
    for (i, w) in words.iter().enumerate() {
        let lower = w.to_lowercase();
        let written = match as_written(w) {
            // (an article or a preposition the text capitalises at a sentence's start
            // stays in lower case inside the title)
            Some(form) if lower.chars().count() > 3 || form.chars().all(char::is_uppercase) => form,
            _ => lower,
        };
        out.push(if i == 0 {
            crate::typography::capitalise(&written)
        } else {
            written
        });
    }
    out.join(" ")
}

fn is_running_title(line: &str) -> bool {
    let words = line.split(' ').count();
    words <= 6 && line.chars().count() <= 40 && !ends_sentence(line) && !line.ends_with(',')
}

/// A line of five or more underscores, dashes or asterisks and nothing else.
fn is_footnote_rule(line: &str) -> bool {
    let t = line.trim();
    t.chars().count() >= 5 && t.chars().all(|c| matches!(c, '_' | '-' | '—' | '–' | '*'))
}

/// The text of a note that opens on its number (`1. texte`, `(2) texte`, `¹ texte`).
fn footnote_number(line: &str) -> Option<&str> {
    let t = line.trim_start();
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    let rest = if (1..=3).contains(&digits) {
        t[digits..].strip_prefix(['.', ')'])?
    } else if let Some(inner) = t.strip_prefix('(') {
        let n = inner.bytes().take_while(u8::is_ascii_digit).count();
        inner
            .get(n..)
            .filter(|_| (1..=3).contains(&n))?
            .strip_prefix(')')?
    } else {
        let sup = t.chars().take_while(|c| "¹²³⁴⁵⁶⁷⁸⁹⁰".contains(*c)).count();
        if sup == 0 {
            return None;
        }
        t.char_indices().nth(sup).map_or("", |(i, _)| &t[i..])
    };
    let rest = rest.trim_start();
    rest.starts_with(char::is_uppercase).then_some(rest)
}

/// `(32)` alone on a line: the call of the footnote printed below it.
fn footnote_call_alone(line: &str) -> Option<String> {
    let inner = line.strip_prefix('(')?.strip_suffix(')')?;
    (!inner.is_empty() && inner.len() <= 3 && inner.bytes().all(|b| b.is_ascii_digit()))
        .then(|| inner.to_string())
}

fn ends_sentence(line: &str) -> bool {
    let t = line.trim_end_matches(['»', '"', ')', ' ']);
    t.ends_with(['.', '?', '!', ':']) || (line.ends_with('»') && t.ends_with(['.', '?', '!']))
}

fn starts_upper(line: &str) -> bool {
    line.trim_start_matches(['«', '"', ' ', '—', '–'])
        .starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
}

const FUNCTION_WORDS: &[&str] = &[
    "le", "la", "les", "l'", "de", "du", "des", "d'", "un", "une", "et", "ou", "à", "au", "aux",
    "en", "par", "pour", "sur", "dans", "avec", "que", "qui", "ce", "se", "sa", "son", "ses", "ne",
    "il", "elle", "ils", "a", "est",
];

/// A short line standing alone between sentences, starting with a capital and not ending
/// on a word that needs a continuation.
fn is_heading(prev: Option<&str>, line: &str, next: Option<&str>, width: usize) -> bool {
    let prev_closed = prev.is_none_or(ends_sentence);
    let words: Vec<&str> = line.split(' ').collect();
    let last = words.last().map(|w| fold(w)).unwrap_or_default();
    prev_closed
        && prev.is_some()
        && next.is_some_and(starts_upper)
        && line.starts_with(char::is_uppercase)
        && !ends_sentence(line)
        && !line.ends_with([',', ';', '-', '–'])
        && words.len() <= 10
        && line.chars().count() * 3 < width * 2
        && !FUNCTION_WORDS.contains(&last.as_str())
        && !last.ends_with('\'')
}

/// The width of a full printed line: most lines run to it.
fn typical_width(lines: &[(u32, String)]) -> usize {
    let mut w: Vec<usize> = lines
        .iter()
        .map(|(_, l)| l.chars().count())
        .filter(|&n| n > 0)
        .collect();
    w.sort_unstable();
    w.get(w.len() * 3 / 4).copied().unwrap_or(60).max(20)
}

/// Word-level OCR repairs on a joined block: footnote calls, split and glued words.
fn repair_words(block: &mut Block, footnote_numbers: &HashSet<String>) {
    let text = letters_for_digits(&std::mem::take(&mut block.text));
    let mut out = String::with_capacity(text.len());
    // Work token by token to keep the line map valid: offsets only shrink or grow a little,
    // so record, for every original offset, the new one.
    let mut map: Vec<(u32, u32)> = Vec::with_capacity(block.lines.len());
    let mut line_idx = 0;
    let bytes = text.as_bytes();
    let mut i = 0;
    let mut merged = false;
    while i < text.len() {
        while line_idx < block.lines.len() && block.lines[line_idx].0 as usize <= i {
            map.push((out.len() as u32, block.lines[line_idx].1));
            line_idx += 1;
        }
        let rest = &text[i..];
        // Footnote call `(32)`: dropped when glued to the text, or when its note is printed.
        if let Some(after_paren) = rest.strip_prefix('(') {
            if let Some(close) = after_paren.find(')') {
                let inner = &after_paren[..close];
                let glued = i > 0 && !bytes[i - 1].is_ascii_whitespace();
                if !inner.is_empty()
                    && inner.len() <= 3
                    && inner.bytes().all(|b| b.is_ascii_digit())
                    && (glued || footnote_numbers.contains(inner))
                {
                    while out.ends_with(' ') {
                        out.pop();
                    }
                    i += close + 2;
                    continue;
                }
            }
        }
        // `1"` read for `1er` before a month.
        if rest.starts_with("1\" ")
            && (i == 0 || !bytes[i - 1].is_ascii_digit())
            && starts_with_month(&rest[3..])
        {
            out.push_str("1er ");
            i += 3;
            continue;
        }
        // A lone lower-case letter that is not a French word: the first letter of a split
        // word (`i l` → `il`).
        let at_word_start = !merged
            && (i == 0 || (bytes[i - 1] == b' ' && (i < 2 || !bytes[i - 2].is_ascii_digit())));
        merged = false;
        if at_word_start {
            let mut chars = rest.chars();
            if let (Some(c), Some(' '), Some(n)) = (chars.next(), chars.next(), chars.next()) {
                // A capital split off the same way (`I l se` → `Il se`): only before a
                // second lone letter, since a capital alone is an initial (`M. Weber`).
                let lone_next = chars
                    .next()
                    .is_none_or(|after| after == ' ' || after == '\'');
                let capital = c.is_uppercase()
                    && !matches!(c, 'A' | 'À' | 'Y' | 'Ô' | 'O')
                    && lone_next
                    && n.is_lowercase();
                if (capital || c.is_lowercase())
                    && !matches!(c, 'a' | 'à' | 'y' | 'ô' | 'o')
                    && n.is_lowercase()
                {
                    out.push(c);
                    i += c.len_utf8() + 1;
                    merged = true;
                    continue;
                }
            }
        }
        let c = rest.chars().next().unwrap_or(' ');
        // Glued words: `BakinskiRabotchii` → `Bakinski Rabotchii`.
        if c.is_uppercase()
            && out.chars().next_back().is_some_and(char::is_lowercase)
            && out.rsplit(' ').next().is_some_and(is_capitalised_word)
        {
            out.push(' ');
        }
        out.push(c);
        i += c.len_utf8();
    }
    if map.is_empty() {
        map.push((0, block.lines.first().map_or(1, |l| l.1)));
    }
    map[0].0 = 0;
    block.text = out;
    block.lines = map;
}

/// The text with each `1` that OCR read for an `l` put back (same length, so offsets
/// hold): inside a word, when that makes a French word the lexicon knows and the word as
/// read is none (`ma1` → `mal`, `i1` → `il`, `e11e` → `elle`); opening a word, only for an
/// article before a word of a consonant (`1e navire` → `le navire`, `1es` → `les`; `1er`,
/// `1re` and `1e arrondissement` stay).
fn letters_for_digits(text: &str) -> String {
    if !text.contains('1') {
        return text.to_string();
    }
    let lexicon = crate::lexicon::Lexicon::get();
    let known = |w: &str| lexicon.lookup(&w.to_lowercase()).next().is_some();
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find(|c: char| c.is_alphanumeric()) {
        out.push_str(&rest[..start]);
        rest = &rest[start..];
        let end = rest
            .find(|c: char| !c.is_alphanumeric())
            .unwrap_or(rest.len());
        let (word, after) = rest.split_at(end);
        let digits_are_ones = word.bytes().all(|b| !b.is_ascii_digit() || b == b'1');
        let letters = word.chars().any(char::is_alphabetic);
        let mended = word.replace('1', "l");
        let fix = word.contains('1')
            && digits_are_ones
            && letters
            && if word.starts_with('1') {
                let next = after.strip_prefix(' ').unwrap_or("");
                matches!(mended.as_str(), "le" | "la" | "les")
                    && next
                        .starts_with(|c: char| c.is_lowercase() && !"aeiouyhéèêàâîôû".contains(c))
            } else {
                word.starts_with(char::is_lowercase) && !known(word) && known(&mended)
            };
        out.push_str(if fix { &mended } else { word });
        rest = after;
    }
    out.push_str(rest);
    out
}

/// `Bakinski`: a capital, then at least two lower-case letters, nothing else.
fn is_capitalised_word(w: &str) -> bool {
    let mut chars = w.chars();
    chars.next().is_some_and(char::is_uppercase)
        && w.chars().count() >= 3
        && chars.all(char::is_lowercase)
}

fn starts_with_month(text: &str) -> bool {
    crate::facts::dates::MONTHS
        .iter()
        .any(|m| text.starts_with(m))
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_page_number_and_its_running_title_on_one_line_are_furniture() {
        use super::numbered_running_title;
        assert!(numbered_running_title(
            "212                    LA FRANCE DE LOUIS XIV"
        ));
        assert!(numbered_running_title("HISTOIRE DE LA MÉDECINE      143"));
        assert!(!numbered_running_title(
            "12 000 ouvriers travaillent au canal."
        ));
        assert!(!numbered_running_title("1917 La Révolution"));
    }

    #[test]
    fn the_running_title_of_the_page_s_head_is_the_title_in_the_text_s_case() {
        let page = "142                LA GRANDE PESTE DE 1720\n\n\nLe 25 mai 1720, le navire \
                    arrive devant Marseille.\nLa peste gagne la ville de Marseille.\n";
        let doc = clean(page);
        assert_eq!(doc.title(), Some("La grande peste de 1720"));
        let page = "LA FRANCE DE LOUIS XIV                 212\nL'édit, signé par Louis XIV, \
                    révoque celui de Nantes dans toute la France.\n";
        assert_eq!(clean(page).title(), Some("La France de Louis XIV"));
        // A page with no running title has none.
        assert_eq!(clean("Le navire arrive devant Marseille.\n").title(), None);
    }

    use super::*;

    fn text_of(doc: &CleanDocument) -> Vec<(BlockKind, String)> {
        doc.blocks
            .iter()
            .map(|b| (b.kind, b.text.clone()))
            .collect()
    }

    const PAGE: &str = "\
les soldats de la garnison, i l se dirige vers la ville.
Aidé par le colonel qui vient du Nord à la tête de 1 500
hommes, i l arrive à se rapprocher de la gare, libérant les commu–
nications par voie de terre avec le Nord (4).
«
Aucun » pouvoir ne tient : le Soviet affirme, dans une déclaration du 1
er
mai 1918, qu'il est solidaire du pouvoir central.
La conférence de Lyon
Les pourparlers reprennent le 11 mai 1918 à Lyon avec les contre-
révolutionnaires et les arméno-géor-
giennes.
(4)
JournalOuvrier,
du 1\" mai 1918.
53
Archives privées
";

    #[test]
    fn rebuilds_paragraphs_headings_and_footnotes() {
        let doc = clean(PAGE);
        let blocks = text_of(&doc);
        assert_eq!(blocks[0].0, BlockKind::Paragraph);
        assert!(blocks[0].1.contains("il se dirige"), "{}", blocks[0].1);
        assert!(
            blocks[0]
                .1
                .contains("communications par voie de terre avec le Nord."),
            "{}",
            blocks[0].1
        );
        assert!(blocks[0].1.contains("« Aucun » pouvoir"), "{}", blocks[0].1);
        assert!(blocks[0].1.contains("du 1er mai 1918"), "{}", blocks[0].1);
        assert!(
            blocks.contains(&(BlockKind::Heading, "La conférence de Lyon".into())),
            "{blocks:?}"
        );
        let last_par = &blocks
            .iter()
            .rfind(|b| b.0 == BlockKind::Paragraph)
            .unwrap()
            .1;
        assert!(
            last_par.contains("contre-révolutionnaires et les arméno-géorgiennes."),
            "{last_par}"
        );
        let note = blocks.iter().find(|b| b.0 == BlockKind::Footnote).unwrap();
        assert_eq!(note.1, "Journal Ouvrier, du 1er mai 1918.");
        assert!(!doc.to_text().contains("53"));
        assert!(!doc.to_text().contains("Archives"));
    }

    #[test]
    fn line_map_points_at_the_source_line() {
        let doc = clean(PAGE);
        let b = &doc.blocks[0];
        let at = b.text.find("communications").unwrap();
        assert_eq!(b.line_at(at), 3);
        let at = b.text.find("mai 1918").unwrap();
        assert!(matches!(b.line_at(at), 6..=8));
    }

    #[test]
    fn a_one_read_for_an_l_is_put_back() {
        assert_eq!(
            letters_for_digits("On envoya 1e navire ; le ma1 disparut, e11e aussi, i1 dit."),
            "On envoya le navire ; le mal disparut, elle aussi, il dit."
        );
        // Ordinals, counts and words the lexicon does not make stay.
        for kept in [
            "le 1er mai",
            "la 1re division",
            "le 1e arrondissement",
            "1es 12 hommes",
            "B-17 et A1",
            "x1y",
        ] {
            assert_eq!(letters_for_digits(kept), kept);
        }
    }

    #[test]
    fn a_prefix_s_hyphen_goes_when_the_word_is_whole() {
        let doc = clean(
            "En 1662, il adresse son projet au mi-\nnistre Colbert. Les joueurs rentrent à la mi-\ntemps du match de rugby.\n",
        );
        let text = doc.to_text();
        assert!(text.contains("au ministre Colbert"), "{text}");
        assert!(text.contains("à la mi-temps"), "{text}");
    }

    #[test]
    fn a_rule_sets_the_footnotes_off() {
        let doc = clean("Le musée, créé en 1972, rappelle le rôle de l'inventeur bourguignon.\n____________________\n  1. Louis Daguerre, né en 1787 à Cormeilles, avait ouvert son diorama.\n");
        assert_eq!(
            text_of(&doc),
            vec![
                (
                    BlockKind::Paragraph,
                    "Le musée, créé en 1972, rappelle le rôle de l'inventeur bourguignon."
                        .to_string()
                ),
                (
                    BlockKind::Footnote,
                    "Louis Daguerre, né en 1787 à Cormeilles, avait ouvert son diorama."
                        .to_string()
                ),
            ]
        );
    }

    #[test]
    fn a_compound_place_name_keeps_its_hyphens() {
        let doc = clean("Daguerre est né en 1787 à Cormeilles-\nen-Parisis, puis il ou-\nvre son diorama à Paris.\n");
        let texts = text_of(&doc);
        assert!(
            texts[0]
                .1
                .contains("à Cormeilles-en-Parisis, puis il ouvre"),
            "{texts:?}"
        );
    }

    #[test]
    fn a_superscript_after_a_roman_numeral_joins_it() {
        let doc = clean("Le canal relie Toulouse à la mer depuis\nle XVII\ne\nsiècle. Il est prolongé au XIX\ne\nsiècle par un autre canal.\n");
        let text = doc.to_text();
        assert!(text.contains("depuis le XVIIe siècle."), "{text}");
        assert!(text.contains("au XIXe siècle par"), "{text}");
    }
}
