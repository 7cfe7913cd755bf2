//! Ranking: the best cards first.
//!
//! The score rewards the facts that make the best cards (roles, other names, dates asked
//! as questions) and takes points for what makes a card harder to use: a prompt that runs
//! over many screen lines, words that point outside the card (`le lendemain`, `la ville`,
//! a pronoun), a quotation, no proper name to anchor it, a date without its year.

use crate::cards::{CardKind, GeneratedCard};
use crate::document::BlockKind;
use crate::facts::{FactType, Kind};
use crate::typography::fold;

/// Cards scoring below this are dropped.
pub const MIN_SCORE: i32 = 15;

/// Words in a prompt that point outside the card.
const VAGUE: &[&str] = &[
    "le lendemain",
    "la veille",
    "ce jour-la",
    "cette nuit-la",
    "ce soir-la",
    "la ville",
    "celui-ci",
    "celle-ci",
    "ce dernier",
    "cette derniere",
    "le premier",
    "le second",
    "ces derniers",
    "la-bas",
    "ici",
    "cette question",
    "cette mesure",
    "cette motion",
];

/// Scores one card written from a block of the given kind.
pub fn score(card: &GeneratedCard, block: BlockKind) -> i32 {
    let mut s = match card.fact_type {
        FactType::Role => 50,
        FactType::Alias => 45,
        FactType::Date if card.kind != CardKind::Cloze => 45,
        FactType::Apposition => 35,
        FactType::Date => 35,
        FactType::Quantity => 30,
        FactType::Place => 25,
        FactType::Organisation => 20,
        FactType::Person => 20,
    };
    let lines = crate::screen::lines(&card.prompt) as i32;
    if lines > 5 {
        s -= 3 * (lines - 5);
    }
    let prompt = format!(" {} ", fold(&card.prompt));
    for v in VAGUE {
        if prompt.contains(v) {
            s -= 12;
        }
    }
    for pronoun in [" il ", " elle ", " ils ", " elles ", " lui ", " eux "] {
        if prompt.contains(pronoun) {
            s -= 6;
        }
    }
    if block == BlockKind::Quote || card.context.starts_with('«') {
        s -= 12;
    }
    // A proper name (after the first word) anchors the card in the world.
    let anchored = card
        .prompt
        .split(' ')
        .skip(1)
        .map(|w| {
            w.trim_start_matches(|c: char| c.is_lowercase() && c != '\'')
                .trim_start_matches('\'')
        })
        .any(|w| w.starts_with(char::is_uppercase) && w.chars().count() > 1);
    if !anchored {
        s -= if card.kind == CardKind::Cloze { 12 } else { 40 };
    }
    for demonstrative in [" cette ", " ce ", " ces ", " cet "] {
        if prompt.contains(demonstrative) {
            s -= 8;
        }
    }
    if card.answer_kind == Kind::Date
        && !card
            .answer
            .chars()
            .any(|c| c.is_ascii_digit() && card.answer.len() >= 4)
    {
        s -= 5;
    }
    if card.answer_kind == Kind::Date && !has_year(&card.answer) {
        s -= 4;
    }
    let answer_chars = card.answer.chars().count();
    if answer_chars > 40 {
        s -= 10;
    }
    s
}

fn has_year(text: &str) -> bool {
    text.split(|c: char| !c.is_ascii_digit())
        .any(|d| d.len() == 4)
}

/// Sorts the cards, best first; ties keep the reading order.
pub fn sort(cards: &mut [GeneratedCard]) {
    sort_by(cards, |c| c);
}

/// [`sort`] for items that hold a card.
pub fn sort_by<T>(items: &mut [T], card: impl Fn(&T) -> &GeneratedCard) {
    items.sort_by(|a, b| {
        let (a, b) = (card(a), card(b));
        b.score
            .cmp(&a.score)
            .then(a.document.cmp(&b.document))
            .then(a.line.cmp(&b.line))
            .then(a.prompt.cmp(&b.prompt))
    });
}
