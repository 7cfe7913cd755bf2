//! Cleaning a MediaWiki diff page copied as text: only the new version, once.
//!
//! The diff is a two-column table flattened into lines. Each row gives a marker cell and a
//! content cell per side: a changed paragraph appears as `−` + old text, then `+` + new
//! text; an unchanged one appears twice, left and right, separated by a blank marker cell.
//! A marker cell is sometimes glued to the end of the previous line, so a line's side is
//! read from the last marker seen and then checked against its neighbours: context comes in
//! identical pairs, and an unpaired "context" line followed by a similar new line is in
//! fact the old version whose marker was lost.

use super::detect::is_hunk_header;
use crate::document::{Block, CleanDocument, Format};
use crate::typography::{fold, is_space};
use std::collections::HashSet;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Side {
    Old,
    New,
    Context,
}

/// Lines that end the diff: the site's navigation follows them.
const NAVIGATION_END: &[&str] = &[
    "menu de navigation",
    "navigation menu",
    "outils personnels",
    "espaces de noms",
    "personal tools",
];

/// Cleans a wiki diff page into the new version's paragraphs.
pub fn clean(text: &str) -> CleanDocument {
    let lines: Vec<&str> = text.lines().collect();
    let start = lines.iter().position(|l| is_hunk_header(l)).unwrap_or(0);
    let mut items: Vec<(u32, Side, &str)> = Vec::new();
    let mut side = Side::Context;
    let mut seen_marker = start > 0;
    for (idx, raw) in lines.iter().enumerate().skip(start) {
        let no = idx as u32 + 1;
        let t = raw.trim_matches(|c: char| is_space(c) || c == '\r');
        if is_hunk_header(t) {
            side = Side::Context;
            seen_marker = true;
            continue;
        }
        if is_navigation_end(t) {
            break;
        }
        // A marker on the same line as its text (`− Ancien texte`, `+ Nouveau texte`).
        if let Some((marker, rest)) = inline_marker(t) {
            seen_marker = true;
            side = marker;
            items.push((no, marker, rest));
            continue;
        }
        match t {
            "\u{2212}" | "-" if raw.len() > t.len() || t == "\u{2212}" => {
                side = Side::Old;
                seen_marker = true;
            }
            "+" => {
                side = Side::New;
                seen_marker = true;
            }
            "" => side = Side::Context,
            _ if !seen_marker && !looks_like_prose(t) => {}
            _ => items.push((no, side, t)),
        }
    }

    let mut blocks = Vec::new();
    let mut emitted: HashSet<String> = HashSet::new();
    let mut emit = |no: u32, raw: &str, blocks: &mut Vec<Block>| {
        if let Some((kind, text)) = super::wikitext::line(raw) {
            if emitted.insert(text.clone()) {
                blocks.push(Block::new(kind, text, no));
            }
        }
    };
    let mut i = 0;
    while i < items.len() {
        let (no, side, raw) = items[i];
        match side {
            Side::Old => {}
            Side::New => emit(no, raw, &mut blocks),
            Side::Context => {
                if let Some(&(no2, Side::Context, raw2)) = items.get(i + 1) {
                    if raw2 == raw {
                        emit(no2, raw2, &mut blocks);
                        i += 2;
                        continue;
                    }
                }
                let next_new = items[i + 1..].iter().find(|it| it.1 != Side::Old);
                let replaced = next_new.is_some_and(|n| n.1 == Side::New && similar(raw, n.2));
                if !replaced {
                    emit(no, raw, &mut blocks);
                }
            }
        }
        i += 1;
    }
    if let Some((no, title)) = page_title(&lines[..start]) {
        blocks.insert(0, Block::new(crate::document::BlockKind::Title, title, no));
    }
    CleanDocument {
        format: Format::WikiDiff,
        blocks,
    }
}

/// The page's title, from the line a diff page opens with: `Jeanne d'Arc — Différence
/// entre les versions` (the wiki's French and English wordings).
fn page_title(head: &[&str]) -> Option<(u32, String)> {
    const SUFFIXES: &[&str] = &[
        "difference entre les versions",
        "difference entre versions",
        "difference between revisions",
    ];
    head.iter().enumerate().find_map(|(i, line)| {
        let (title, rest) = line
            .split_once(" — ")
            .or_else(|| line.split_once(" : "))
            .or_else(|| line.split_once(" - "))?;
        let title = title.trim();
        (SUFFIXES.contains(&fold(rest.trim()).as_str()) && !title.is_empty())
            .then(|| (i as u32 + 1, title.to_string()))
    })
}

/// `− text` or `+ text`: a marker and its content on one line, with or without a space
/// between them (`−Louis jure…`). A `+` glued to a digit is a number (`+3 %`), not a marker;
/// the minus sign U+2212 never starts prose on a diff page.
fn inline_marker(t: &str) -> Option<(Side, &str)> {
    let (side, rest) = if let Some(r) = t.strip_prefix('\u{2212}') {
        (Side::Old, r)
    } else if let Some(r) = t.strip_prefix('+') {
        (Side::New, r)
    } else {
        return None;
    };
    let spaced = rest.starts_with(|c: char| is_space(c));
    let rest = rest.trim_start_matches(|c: char| is_space(c));
    let glued_number =
        !spaced && side == Side::New && rest.starts_with(|c: char| c.is_ascii_digit());
    (!rest.is_empty() && !glued_number).then_some((side, rest))
}

/// Whether the line is one of [`NAVIGATION_END`]. A line longer than them all is not folded
/// (folding never shortens a text in characters).
fn is_navigation_end(line: &str) -> bool {
    let longest = NAVIGATION_END
        .iter()
        .map(|n| n.chars().count())
        .max()
        .unwrap_or(0);
    line.chars().nth(longest).is_none() && NAVIGATION_END.contains(&fold(line).as_str())
}

/// Before the first marker, the page's header: keep only what reads like a paragraph.
fn looks_like_prose(t: &str) -> bool {
    t.split(' ').count() >= 8 || t.starts_with("==")
}

/// Two versions of one paragraph share most of their words.
fn similar(a: &str, b: &str) -> bool {
    let words = |s: &str| -> HashSet<String> {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| w.len() > 2)
            .map(fold)
            .collect()
    };
    let (wa, wb) = (words(a), words(b));
    if wa.is_empty() || wb.is_empty() {
        return false;
    }
    let common = wa.intersection(&wb).count();
    common * 2 >= wa.len().min(wb.len())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::BlockKind;

    const DIFF: &str = "Modifications\n\nAller à la navigation Aller à la recherche\n\
Ligne\u{a0}3\u{202f}: Ligne\u{a0}3\u{202f}:\u{a0}\n\
=== Fondation ===\n\u{a0}\n=== Fondation ===\n\
\u{a0}\u{a0} \u{2212}\n\
Le club fut fondé en 1901 par [[Jean_Dupont|Jean Dupont]], un instituteur.\n\
+\n\
Le club fut fondé en 1902 par [[Jean_Dupont|Jean Dupont]], un instituteur de [[Lyon]].\n\
\u{a0}\n\
Il compte 40 membres.<ref>Annuaire, p. 3.</ref>\u{a0}\n\
\u{a0}\n\
Il compte 40 membres.<ref>Annuaire, p. 3.</ref>\u{a0}\n\
Son premier président est ''Paul'' Martin.\n\
+\n\
Son premier président est [[Paul_Martin|Paul Martin]], élu le 3&nbsp;mai.\n\
\u{a0}+\n\
*[[Marie_Curie|Marie Curie]]&nbsp;: membre d'honneur&nbsp;;\n\
\u{a0}\u{a0} \u{a0}\n\nMenu de navigation\nAccueil\n";

    #[test]
    fn markers_on_the_text_line() {
        let diff = "Ligne 3 : Ligne 3 :\n\u{2212} Le club fut fondé en 1901.\n+ Le club fut fondé en 1902 par [[Jean Dupont]].\n";
        let doc = clean(diff);
        let texts: Vec<&str> = doc.blocks.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(texts, vec!["Le club fut fondé en 1902 par Jean Dupont."]);
    }

    #[test]
    fn markers_glued_to_the_text() {
        let diff = "Ligne 3 : Ligne 3 :\n\u{2212}Le traité est signé en 842.\n+Le traité est signé en 843.\n+3 % de hausse en un an, selon les chiffres publiés.\n";
        let doc = clean(diff);
        let texts: Vec<&str> = doc.blocks.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(
            texts,
            vec![
                "Le traité est signé en 843.",
                "+3 % de hausse en un an, selon les chiffres publiés."
            ]
        );
    }

    #[test]
    fn keeps_only_the_new_version_once() {
        let doc = clean(DIFF);
        let texts: Vec<(BlockKind, &str, u32)> = doc
            .blocks
            .iter()
            .map(|b| (b.kind, b.text.as_str(), b.first_line()))
            .collect();
        assert_eq!(
            texts,
            vec![
                (BlockKind::Heading, "Fondation", 7),
                (
                    BlockKind::Paragraph,
                    "Le club fut fondé en 1902 par Jean Dupont, un instituteur de Lyon.",
                    11
                ),
                (BlockKind::Paragraph, "Il compte 40 membres.", 15),
                (
                    BlockKind::Paragraph,
                    "Son premier président est Paul Martin, élu le 3 mai.",
                    18
                ),
                (BlockKind::ListItem, "Marie Curie : membre d'honneur", 20),
            ]
        );
    }
}
