//! Cleaning Markdown (and plain text with blank-line paragraphs).
//!
//! Links keep their text, footnote marks (`^[1]`, `[^1]`) go, footnote bodies (`[1] …`)
//! become their own paragraphs, emphasis and superscripts (`176^e`) lose their markers.
//! Text converted from print often keeps page breaks as blank lines in the middle of a
//! sentence; a paragraph that starts in lower case continues the last unfinished one.

use crate::document::{Block, BlockKind, CleanDocument, Format};
use crate::typography::{is_blank, normalize_owned};

/// Cleans a Markdown document.
pub fn clean(text: &str) -> CleanDocument {
    let raw = raw_blocks(text);
    let mut blocks: Vec<Block> = Vec::with_capacity(raw.len());
    // Blocks whose last sentence is unfinished, waiting for their continuation.
    let mut open: Vec<usize> = Vec::new();
    for mut block in raw {
        if !block.text.chars().any(char::is_alphanumeric) {
            continue;
        }
        if block.kind == BlockKind::Paragraph && block.text.starts_with(char::is_lowercase) {
            // Main text first: a page break interrupts the prose before its footnotes.
            let target = open
                .iter()
                .rposition(|&i| blocks[i].kind == BlockKind::Paragraph)
                .or_else(|| (!open.is_empty()).then(|| open.len() - 1));
            if let Some(pos) = target {
                let i = open[pos];
                blocks[i].join(" ", &block);
                if is_finished(&blocks[i].text) {
                    open.remove(pos);
                }
                continue;
            }
        }
        if block.kind == BlockKind::Paragraph {
            block.kind = paragraph_kind(&block.text);
        }
        if matches!(block.kind, BlockKind::Paragraph | BlockKind::Footnote)
            && !is_finished(&block.text)
            && block.text.split(' ').count() >= 8
        {
            open.push(blocks.len());
        }
        blocks.push(block);
    }
    mark_front_matter(&mut blocks);
    CleanDocument {
        format: Format::Markdown,
        blocks,
    }
}

/// True when the text ends a sentence.
pub(crate) fn is_finished(text: &str) -> bool {
    let t = text.trim_end_matches(['»', '"', ')', ' ', '*', '_']);
    t.ends_with(['.', '?', '!', '…']) || t.ends_with(".)")
}

/// Dialogue, quotation or prose, by the paragraph's first characters.
pub(crate) fn paragraph_kind(text: &str) -> BlockKind {
    if text.starts_with(['—', '–']) || text.starts_with("- ") {
        BlockKind::Dialogue
    } else if text.starts_with('«') && text.trim_end_matches(['.', ' ']).ends_with('»') {
        BlockKind::Quote
    } else {
        BlockKind::Paragraph
    }
}

/// The title (first short line), then a byline and `Source:` notes as metadata.
fn mark_front_matter(blocks: &mut [Block]) {
    let mut seen_prose = false;
    for (i, b) in blocks.iter_mut().enumerate() {
        let short = b.text.chars().count() <= 120 && !is_finished(&b.text);
        if i == 0 && (b.kind == BlockKind::Heading || (b.kind == BlockKind::Paragraph && short)) {
            b.kind = BlockKind::Title;
            continue;
        }
        // The marks looked for are short: only the block's start is folded (folding maps
        // each character on its own).
        let head = b
            .text
            .char_indices()
            .nth(16)
            .map_or(&b.text[..], |(at, _)| &b.text[..at]);
        let lower = crate::typography::fold(head);
        if [
            "source:",
            "source :",
            "traduction",
            "credit",
            "copyright",
            "licence",
        ]
        .iter()
        .any(|p| lower.starts_with(p))
        {
            b.kind = BlockKind::Metadata;
            continue;
        }
        if !seen_prose && b.kind == BlockKind::Paragraph && short && b.text.split(' ').count() <= 6
        {
            b.kind = BlockKind::Metadata;
            continue;
        }
        if b.kind == BlockKind::Paragraph {
            seen_prose = true;
        }
    }
}

/// Splits the text into blocks by blank lines, headings, list items, quotes and footnote
/// bodies; the text is still raw Markdown.
fn raw_blocks(text: &str) -> Vec<Block> {
    let mut out: Vec<Block> = Vec::new();
    let mut current: Option<Block> = None;
    let mut in_fence = false;
    let lines: Vec<&str> = text.lines().collect();
    for (idx, raw) in lines.iter().enumerate() {
        let no = idx as u32 + 1;
        let line = raw.trim_end_matches('\r');
        let trimmed = line.trim();
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            in_fence = !in_fence;
            flush(&mut out, &mut current);
            continue;
        }
        if in_fence {
            continue;
        }
        if is_blank(line) {
            flush(&mut out, &mut current);
            continue;
        }
        if trimmed.starts_with('|') || is_rule(trimmed) || is_link_definition(trimmed) {
            // A setext underline turns the paragraph above into a heading.
            if is_rule(trimmed) && trimmed.starts_with(['=', '-']) {
                if let Some(b) = current.as_mut() {
                    b.kind = BlockKind::Heading;
                }
            }
            flush(&mut out, &mut current);
            continue;
        }
        if let Some(h) = heading_text(trimmed) {
            flush(&mut out, &mut current);
            out.push(Block::new(BlockKind::Heading, clean_line(h), no));
            continue;
        }
        if let Some(body) = footnote_body(trimmed) {
            flush(&mut out, &mut current);
            current = Some(Block::new(BlockKind::Footnote, clean_line(body), no));
            continue;
        }
        if let Some(item) = list_item(trimmed) {
            flush(&mut out, &mut current);
            current = Some(Block::new(BlockKind::ListItem, clean_line(item), no));
            continue;
        }
        if let Some(q) = trimmed.strip_prefix('>') {
            let q = q.trim_start_matches('>').trim();
            match current.as_mut() {
                Some(b) if b.kind == BlockKind::Quote => b.append(" ", &clean_line(q), no),
                _ => {
                    flush(&mut out, &mut current);
                    current = Some(Block::new(BlockKind::Quote, clean_line(q), no));
                }
            }
            continue;
        }
        match current.as_mut() {
            Some(b) => b.append(" ", &clean_line(trimmed), no),
            None => current = Some(Block::new(BlockKind::Paragraph, clean_line(trimmed), no)),
        }
    }
    flush(&mut out, &mut current);
    out
}

fn flush(out: &mut Vec<Block>, current: &mut Option<Block>) {
    if let Some(b) = current.take() {
        out.push(b);
    }
}

/// One source line without its markup, typography normalised.
fn clean_line(line: &str) -> String {
    normalize_owned(inline(line))
}

fn is_rule(t: &str) -> bool {
    t.len() >= 3
        && (t.chars().all(|c| c == '-' || c == ' ')
            || t.chars().all(|c| c == '*' || c == ' ')
            || t.chars().all(|c| c == '_' || c == ' ')
            || t.chars().all(|c| c == '='))
}

fn is_link_definition(t: &str) -> bool {
    t.starts_with('[')
        && t.find("]:").is_some_and(|i| {
            let rest = t[i + 2..].trim_start();
            rest.starts_with("http") || rest.starts_with('/') || rest.starts_with('#')
        })
}

fn heading_text(t: &str) -> Option<&str> {
    let level = t.bytes().take_while(|&b| b == b'#').count();
    if level == 0 || level > 6 || !t[level..].starts_with(' ') {
        return None;
    }
    Some(t[level..].trim().trim_end_matches('#').trim())
}

/// `[1] text`, `[^1]: text`, `[1]: text`, `1. ` is a list, not a note.
fn footnote_body(t: &str) -> Option<&str> {
    let rest = t.strip_prefix('[')?;
    let rest = rest.strip_prefix('^').unwrap_or(rest);
    let close = rest.find(']')?;
    let label = &rest[..close];
    if label.is_empty() || label.len() > 4 || !label.bytes().all(|b| b.is_ascii_alphanumeric()) {
        return None;
    }
    let body = rest[close + 1..]
        .strip_prefix(':')
        .unwrap_or(&rest[close + 1..]);
    let body = body.trim_start();
    (!body.is_empty() && !body.starts_with('(')).then_some(body)
}

fn list_item(t: &str) -> Option<&str> {
    for marker in ["- ", "* ", "+ "] {
        if let Some(rest) = t.strip_prefix(marker) {
            return Some(rest.trim_start());
        }
    }
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 0 && digits <= 3 {
        if let Some(rest) = t[digits..]
            .strip_prefix(". ")
            .or_else(|| t[digits..].strip_prefix(") "))
        {
            return Some(rest.trim_start());
        }
    }
    None
}

/// Removes inline Markdown: links, images, footnote marks, emphasis, superscripts, code,
/// escapes, HTML tags and entities.
pub fn inline(text: &str) -> String {
    // Most lines are plain prose: nothing to strip, decode or unmark.
    if !text.contains(['<', '&', '\\', '!', '^', '[', '*', '_', '`']) {
        return text.to_string();
    }
    let text = super::html::decode_entities(&super::html::strip_tags(text));
    let mut out = String::with_capacity(text.len());
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        match c {
            '\\' if i + 1 < chars.len() && chars[i + 1].is_ascii_punctuation() => {
                out.push(chars[i + 1]);
                i += 2;
            }
            '!' if chars.get(i + 1) == Some(&'[') => match bracket(&chars, i + 1) {
                Some((_, end)) => i = skip_target(&chars, end + 1).unwrap_or(end + 1),
                None => {
                    out.push(c);
                    i += 1;
                }
            },
            '^' if chars.get(i + 1) == Some(&'[') => match bracket(&chars, i + 1) {
                // `^[1]` a footnote mark; `^[text]` an inline note, not prose either.
                Some((_, end)) => {
                    trim_space(&mut out);
                    i = end + 1;
                }
                None => i += 1,
            },
            '^' => {
                // `176^e` or `176^e^`: a superscript, kept as plain letters.
                i += 1;
                while i < chars.len() && chars[i].is_alphanumeric() {
                    out.push(chars[i]);
                    i += 1;
                }
                if chars.get(i) == Some(&'^') {
                    i += 1;
                }
            }
            '[' => match bracket(&chars, i) {
                Some((inner, end)) => {
                    let label: String = chars[i + 1..end].iter().collect();
                    let target_end = skip_target(&chars, end + 1);
                    if label.starts_with('^') || (target_end.is_none() && is_note_number(&label)) {
                        trim_space(&mut out);
                        i = end + 1;
                    } else if let Some(after) = target_end {
                        out.push_str(&inline(&inner));
                        i = after;
                    } else {
                        out.push('[');
                        i += 1;
                    }
                }
                None => {
                    out.push('[');
                    i += 1;
                }
            },
            '*' | '_' | '`' => {
                let prev = if i > 0 { chars[i - 1] } else { ' ' };
                let next = chars.get(i + 1).copied().unwrap_or(' ');
                // `_` inside a word (`snake_case`) is text; `*` between spaces is a sign.
                let inside_word = prev.is_alphanumeric() && next.is_alphanumeric();
                if (c == '_' && inside_word) || (prev == ' ' && next == ' ') {
                    out.push(c);
                }
                i += 1;
            }
            _ => {
                out.push(c);
                i += 1;
            }
        }
    }
    out
}

fn trim_space(out: &mut String) {
    while out.ends_with(' ') {
        out.pop();
    }
}

fn is_note_number(label: &str) -> bool {
    !label.is_empty() && label.len() <= 3 && label.bytes().all(|b| b.is_ascii_digit())
}

/// The text inside the brackets opening at `open`, and the index of the closing bracket.
fn bracket(chars: &[char], open: usize) -> Option<(String, usize)> {
    let mut depth = 0;
    let mut i = open;
    while i < chars.len() {
        match chars[i] {
            '\\' => i += 1,
            '[' => depth += 1,
            ']' => {
                depth -= 1;
                if depth == 0 {
                    return Some((chars[open + 1..i].iter().collect(), i));
                }
            }
            _ => {}
        }
        i += 1;
    }
    None
}

/// After a link's text: `(url)` or `[ref]`; returns the index after it.
fn skip_target(chars: &[char], at: usize) -> Option<usize> {
    let (open, close) = match chars.get(at) {
        Some('(') => ('(', ')'),
        Some('[') => ('[', ']'),
        _ => return None,
    };
    let mut depth = 0;
    for (k, &c) in chars.iter().enumerate().skip(at) {
        if c == open {
            depth += 1;
        } else if c == close {
            depth -= 1;
            if depth == 0 {
                return Some(k + 1);
            }
        } else if c == ' ' && open == '(' && depth == 1 && k > at + 1 && chars[k - 1] != '"' {
            // `(url "title")` is fine; prose in parentheses after brackets is not a link.
            let rest: String = chars[k..chars.len().min(k + 2)].iter().collect();
            if !rest.starts_with(" \"") {
                return None;
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inline_markup_goes() {
        assert_eq!(inline("[Kérenski](#) avait couru"), "Kérenski avait couru");
        assert_eq!(inline("des patrouilles.^[1]"), "des patrouilles.");
        assert_eq!(inline("Ilitch ^[2] que"), "Ilitch que");
        assert_eq!(inline("le 176^e régiment"), "le 176e régiment");
        assert_eq!(
            inline("un *mejraïonetz* et **gras**"),
            "un mejraïonetz et gras"
        );
        assert_eq!(
            inline("« [Comment \\(à propos\\)](#) »"),
            "« Comment (à propos) »"
        );
        assert_eq!(
            inline("Lorsque Kamenev [qui préside] lut"),
            "Lorsque Kamenev [qui préside] lut"
        );
        assert_eq!(inline("note[^3] ici ![img](a.png)"), "note ici ");
        assert_eq!(inline("snake_case et 2 * 3"), "snake_case et 2 * 3");
    }

    #[test]
    fn blocks_and_continuations() {
        let md = "Le Titre\n\nA. Auteur\n\nLe comité fut créé le 3 mai et en\n\n[1] Une note assez longue pour que la page la coupe et qui est\n\npremier lieu dirigé par Paul.\n\n— Bonjour !\n\nsuite de la note.\n\n# Partie\n";
        let doc = clean(md);
        let kinds: Vec<(BlockKind, &str)> = doc
            .blocks
            .iter()
            .map(|b| (b.kind, b.text.as_str()))
            .collect();
        assert_eq!(
            kinds,
            vec![
                (BlockKind::Title, "Le Titre"),
                (BlockKind::Metadata, "A. Auteur"),
                (
                    BlockKind::Paragraph,
                    "Le comité fut créé le 3 mai et en premier lieu dirigé par Paul."
                ),
                (
                    BlockKind::Footnote,
                    "Une note assez longue pour que la page la coupe et qui est suite de la note."
                ),
                (BlockKind::Dialogue, "— Bonjour !"),
                (BlockKind::Heading, "Partie"),
            ]
        );
        let p = &doc.blocks[2];
        assert_eq!(p.line_at(p.text.find("premier").unwrap()), 9);
    }
}
