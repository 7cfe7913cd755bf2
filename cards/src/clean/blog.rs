//! Cleaning a web article copied from a blog or news site.
//!
//! One paragraph a line; around the article, the site's furniture: menus, share buttons,
//! the comment form (`Leave a Reply`), related posts. The furniture is recognised by its
//! usual wording (French and English) and by its shape: short lines without a sentence.
//! Everything after the comment form or the related-posts list is the site, not the article.

use crate::document::{Block, BlockKind, CleanDocument, Format};
use crate::typography::{fold, is_blank, normalize};

/// Lines after which only the site follows (comments, related posts, sharing).
const END_OF_ARTICLE: &[&str] = &[
    "leave a reply",
    "leave a comment",
    "laisser un commentaire",
    "laisser une reponse",
    "poster un commentaire",
    "ajouter un commentaire",
    "commentaires",
    "comments",
    "reponses",
    "articles similaires",
    "articles lies",
    "related posts",
    "related",
    "a lire aussi",
    "lire aussi",
    "vous aimerez aussi",
    "sur le meme sujet",
    "partager :",
    "partager",
    "partager cet article",
    "share this:",
    "share this",
    "j'aime ceci :",
    "like this:",
    "navigation des articles",
    "post navigation",
];

/// Words that start a furniture line (author, date, categories, legal notes).
const FURNITURE_PREFIXES: &[&str] = &[
    "publie par",
    "publie le",
    "vous etes ici",
    "temps de lecture",
    "posted by",
    "posted on",
    "posted in",
    "written by",
    "par admin",
    "categorie",
    "categories",
    "classe dans",
    "tags",
    "etiquettes",
    "mots-cles",
    "tous droits reserves",
    "all rights reserved",
    "©",
    "propulse par",
    "powered by",
    "theme par",
    "abonnez-vous",
    "subscribe",
    "inscrivez-vous",
    "newsletter",
    "ce site utilise",
    "this site uses",
    "cookies",
    "aller au contenu",
    "skip to content",
    "menu",
    "rechercher",
    "search",
    "accueil",
    "home",
    "lire la suite",
    "read more",
    "source :",
    "source:",
    "image :",
    "photo :",
    "credit",
];

/// Cleans a blog article.
pub fn clean(text: &str) -> CleanDocument {
    let mut blocks: Vec<Block> = Vec::new();
    let mut title_seen = false;
    for (idx, raw) in text.lines().enumerate() {
        let no = idx as u32 + 1;
        if is_blank(raw) {
            continue;
        }
        let line = normalize(&super::markdown::inline(raw));
        let folded = fold(&line);
        let bare = folded.trim_end_matches([' ', ':', '.']);
        if END_OF_ARTICLE
            .iter()
            .any(|m| bare == m.trim_end_matches([' ', ':']))
            || is_comment_count(bare)
        {
            break;
        }
        // The byline follows the article's title: a short line before it is the title, and
        // the lines before it are the site's name and motto (« LE BRAQUET — Histoires de
        // vélo »).
        // (« Par Sandrine Kervella | Publié le 14 mars 2025 | 7 min de lecture »: an author
        // first, then the date, set apart by bars or dots)
        let byline = starts_with_word(&folded, "publie le")
            || starts_with_word(&folded, "publie par")
            || folded.contains(" · par ")
            || folded.contains(" | par ")
            || (starts_with_word(&folded, "par")
                && (folded.contains(" | publie") || folded.contains(" · publie")));
        if byline {
            if let Some(last) = blocks.last_mut() {
                let short =
                    last.text.chars().count() <= 120 && !super::markdown::is_finished(&last.text);
                if last.kind != BlockKind::Title && short {
                    last.kind = BlockKind::Title;
                    // (what came before the title is the site's: its name, its motto)
                    let at = blocks.len() - 1;
                    blocks.drain(..at);
                }
            }
        }
        if byline
            || FURNITURE_PREFIXES
                .iter()
                .any(|p| starts_with_word(&folded, p))
            || !line.chars().any(char::is_alphabetic)
        {
            continue;
        }
        let words = line.split(' ').count();
        let sentence_like = words >= 5 || super::markdown::is_finished(&line);
        if !title_seen {
            title_seen = true;
            if line.chars().count() <= 120 && !super::markdown::is_finished(&line) {
                blocks.push(Block::new(BlockKind::Title, line, no));
                continue;
            }
        }
        if !sentence_like {
            // Menus, buttons, dates: a few words and no sentence.
            continue;
        }
        // (« Au commencement était un rapport »: a subheading, a short line that ends on no
        // stop, between paragraphs)
        let kind = if words <= 8 && !super::markdown::is_finished(&line) && !line.ends_with(',') {
            BlockKind::Heading
        } else {
            super::markdown::paragraph_kind(&line)
        };
        blocks.push(Block::new(kind, line, no));
    }
    CleanDocument {
        format: Format::Blog,
        blocks,
    }
}

/// True when `text` starts with the words `prefix`, not merely its letters.
fn starts_with_word(text: &str, prefix: &str) -> bool {
    text.strip_prefix(prefix)
        .is_some_and(|rest| !rest.starts_with(|c: char| c.is_alphanumeric()))
}

/// `12 commentaires`, `3 Comments`, `Une réponse`.
fn is_comment_count(line: &str) -> bool {
    let mut parts = line.split(' ');
    let (Some(n), Some(w), None) = (parts.next(), parts.next(), parts.next()) else {
        return false;
    };
    (n.bytes().all(|b| b.is_ascii_digit()) || n == "une" || n == "one")
        && matches!(
            w,
            "commentaire"
                | "commentaires"
                | "comment"
                | "comments"
                | "reponse"
                | "reponses"
                | "replies"
                | "reply"
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each block's kind and text.
    fn kinds_and_texts(doc: &CleanDocument) -> Vec<(BlockKind, &str)> {
        doc.blocks
            .iter()
            .map(|b| (b.kind, b.text.as_str()))
            .collect()
    }

    #[test]
    fn a_byline_that_opens_on_the_author_and_a_subheading() {
        let page = "RÉTRO & OCTETS\nLe blog des technologies qu'on a aimées\n\n3615 Souvenirs : la drôle d'histoire du Minitel\n\nPar Sandrine Kervella | Publié le 14 mars 2025 | 7 min de lecture\n\nPour des millions de Français, le Minitel a été la première fenêtre sur un réseau.\n\nAu commencement était un rapport\n\nEn 1978, deux hauts fonctionnaires remettent un rapport au président.\n";
        let doc = clean(page);
        assert_eq!(
            kinds_and_texts(&doc),
            vec![
                (BlockKind::Title, "3615 Souvenirs : la drôle d'histoire du Minitel"),
                (BlockKind::Paragraph, "Pour des millions de Français, le Minitel a été la première fenêtre sur un réseau."),
                (BlockKind::Heading, "Au commencement était un rapport"),
                (BlockKind::Paragraph, "En 1978, deux hauts fonctionnaires remettent un rapport au président."),
            ]
        );
    }

    #[test]
    fn keeps_the_article_drops_the_site() {
        let page = "Menu\nLe Comité de Lyon\nPublié le 3 mars 2020 par admin\nLe comité fut fondé le 3 mai 1920 par Paul Martin.\nIl réunit 45 délégués à Lyon, dont 12 femmes.\nPartager :\nFacebook\nLeave a Reply\nUn commentaire très long qui ne fait pas partie de l'article lui-même.\n";
        let doc = clean(page);
        let texts = kinds_and_texts(&doc);
        assert_eq!(
            texts,
            vec![
                (BlockKind::Title, "Le Comité de Lyon"),
                (
                    BlockKind::Paragraph,
                    "Le comité fut fondé le 3 mai 1920 par Paul Martin."
                ),
                (
                    BlockKind::Paragraph,
                    "Il réunit 45 délégués à Lyon, dont 12 femmes."
                ),
            ]
        );
        assert_eq!(doc.blocks[1].first_line(), 4);
    }

    #[test]
    fn the_line_before_the_byline_is_the_title_and_the_site_name_goes() {
        let page = "LE BRAQUET — Histoires de vélo\nAccueil | Histoire | Contact\n\n\
                    Vous êtes ici : Accueil › Histoire\n\n1903 : la naissance du Tour\n\n\
                    Publié le 14 juin 2023 par Bernard Lacoste\n\n\
                    Le 1er juillet 1903, soixante coureurs s'élancent de Montgeron.\n\n\
                    12 commentaires\n\nUn commentaire qui ne fait pas partie de l'article.\n";
        let doc = clean(page);
        let texts = kinds_and_texts(&doc);
        assert_eq!(
            texts,
            vec![
                (BlockKind::Title, "1903 : la naissance du Tour"),
                (
                    BlockKind::Paragraph,
                    "Le 1er juillet 1903, soixante coureurs s'élancent de Montgeron."
                ),
            ]
        );
        // A byline set off by middle dots is no paragraph either.
        let page = "Aéro Passion\nIl y a 50 ans, Concorde prenait son envol\n\
                    2 mars 2019 · Par Thierry M. · 12 commentaires\n\
                    Le 2 mars 1969, le prototype Concorde 001 effectue son premier vol.\n";
        let doc = clean(page);
        assert_eq!(doc.blocks[0].kind, BlockKind::Title);
        assert_eq!(
            doc.blocks[0].text,
            "Il y a 50 ans, Concorde prenait son envol"
        );
        assert_eq!(doc.blocks.len(), 2);
    }
}
