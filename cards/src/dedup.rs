//! De-duplication: the same fact told twice (in the two columns of a diff, or by two
//! documents) becomes one card.
//!
//! Two cards are the same when their answers are the same name (spelling variants meet)
//! and their prompts share most of their words, when they ask about the same answer in
//! the same sentence, or when one document gives the same day as the answer of both. The
//! better-ranked card stays.

use crate::cards::GeneratedCard;
use crate::typography::fold;
use std::collections::{HashMap, HashSet};

fn words(text: &str) -> HashSet<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() > 2)
        .map(fold)
        .collect()
}

fn overlap(a: &HashSet<String>, b: &HashSet<String>) -> f32 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let common = a.intersection(b).count() as f32;
    common / a.len().min(b.len()) as f32
}

/// Whether a card's answer is a day (« 2 mars 1969 »): one document tells one event of a
/// day, so two of its cards with that answer ask the same fact.
fn is_a_day(card: &GeneratedCard) -> bool {
    card.answer_kind == crate::facts::Kind::Date
        && card
            .answer
            .split_whitespace()
            .any(crate::facts::dates::is_month)
        && card
            .answer
            .split_whitespace()
            .next()
            .is_some_and(|w| w.starts_with(|c: char| c.is_ascii_digit()))
}

/// Removes duplicates from cards sorted best first, keeping the first of each group.
pub fn dedup(cards: Vec<GeneratedCard>) -> Vec<GeneratedCard> {
    let mut kept: Vec<GeneratedCard> = Vec::with_capacity(cards.len());
    let mut kept_words: Vec<HashSet<String>> = Vec::new();
    // Cards grouped by folded answer: only those can be duplicates.
    let mut by_answer: HashMap<String, Vec<usize>> = HashMap::new();
    let mut by_context: HashMap<String, Vec<usize>> = HashMap::new();
    let mut exact: HashSet<(String, String)> = HashSet::new();
    for card in cards {
        let answer = crate::facts::names::key(&card.answer);
        if !exact.insert((fold(&card.prompt), answer.clone())) {
            continue;
        }
        let w = words(&card.prompt);
        let context = fold(&card.context);
        let duplicate = by_answer.get(&answer).is_some_and(|idx| {
            idx.iter().any(|&k| {
                fold(&kept[k].context) == context
                    || overlap(&kept_words[k], &w) >= 0.6
                    || (kept[k].document == card.document && is_a_day(&card))
            })
        }) || by_context.get(&context).is_some_and(|idx| {
            // The same sentence's same fact asked two ways (a cloze and a question).
            idx.iter().any(|&k| {
                crate::facts::names::same_name(&kept[k].answer, &card.answer)
                    || fold(&kept[k].answer).contains(&fold(&card.answer))
                    || fold(&card.answer).contains(&fold(&kept[k].answer))
            })
        });
        if duplicate {
            continue;
        }
        by_answer.entry(answer).or_default().push(kept.len());
        by_context.entry(context).or_default().push(kept.len());
        kept_words.push(w);
        kept.push(card);
    }
    kept
}
