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

/// The lemmas of the verbs of a prompt (« meurt », « morte » → « mourir »).
fn verb_lemmas(prompt: &str) -> HashSet<String> {
    let lexicon = crate::lexicon::Lexicon::get();
    prompt
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() > 2 && w.starts_with(char::is_lowercase))
        .flat_map(|w| {
            lexicon
                .lookup(w)
                .filter(|a| {
                    a.pos == crate::lexicon::Pos::Verb && !matches!(a.lemma, "être" | "avoir")
                })
                .map(|a| a.lemma.to_string())
                .collect::<Vec<_>>()
        })
        .collect()
}

/// Whether two date cards of one document ask one event: one answer is the year of the
/// other (« 1934 », « 4 juillet 1934 ») and their prompts share a verb (« meurt en [...] »,
/// « morte le [...] »).
fn same_event(a: &GeneratedCard, b: &GeneratedCard) -> bool {
    use crate::facts::Kind;
    if a.document != b.document || a.answer_kind != Kind::Date || b.answer_kind != Kind::Date {
        return false;
    }
    let year_of = |short: &str, long: &str| {
        short.len() == 4
            && short.chars().all(|c| c.is_ascii_digit())
            && long != short
            && long.ends_with(short)
    };
    (year_of(&a.answer, &b.answer) || year_of(&b.answer, &a.answer))
        && !verb_lemmas(&a.prompt).is_disjoint(&verb_lemmas(&b.prompt))
}

/// Removes duplicates from cards sorted best first, keeping the first of each group.
pub fn dedup(cards: Vec<GeneratedCard>) -> Vec<GeneratedCard> {
    let mut kept: Vec<GeneratedCard> = Vec::with_capacity(cards.len());
    let mut kept_words: Vec<HashSet<String>> = Vec::new();
    // Cards grouped by folded answer: only those can be duplicates.
    let mut by_answer: HashMap<String, Vec<usize>> = HashMap::new();
    let mut by_context: HashMap<String, Vec<usize>> = HashMap::new();
    let mut exact: HashSet<(String, String)> = HashSet::new();
    let mut dates_by_document: HashMap<u16, Vec<usize>> = HashMap::new();
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
        let duplicate = duplicate
            || (card.answer_kind == crate::facts::Kind::Date
                && dates_by_document
                    .get(&card.document)
                    .is_some_and(|idx| idx.iter().any(|&k| same_event(&kept[k], &card))));
        if duplicate {
            continue;
        }
        if card.answer_kind == crate::facts::Kind::Date {
            dates_by_document
                .entry(card.document)
                .or_default()
                .push(kept.len());
        }
        by_answer.entry(answer).or_default().push(kept.len());
        by_context.entry(context).or_default().push(kept.len());
        kept_words.push(w);
        kept.push(card);
    }
    kept
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::facts::Kind;

    #[test]
    fn a_year_and_a_day_of_one_event_are_one_fact() {
        let day = GeneratedCard::sample_cloze(
            "Marie Curie est morte le [...] à Passy.",
            "4 juillet 1934",
            Kind::Date,
        );
        let year = GeneratedCard::sample_cloze(
            "Marie Curie meurt en [...] d'une anémie aplasique.",
            "1934",
            Kind::Date,
        );
        let other = GeneratedCard::sample_cloze(
            "Marie Curie reçoit en [...] le prix Nobel de chimie.",
            "1934",
            Kind::Date,
        );
        assert!(same_event(&day, &year));
        assert!(!same_event(&day, &other));
        let cards: Vec<GeneratedCard> = [day, year, other]
            .into_iter()
            .enumerate()
            .map(|(i, mut c)| {
                c.context = format!("Phrase {i}.");
                c
            })
            .collect();
        let kept = dedup(cards);
        assert_eq!(kept.len(), 2);
        assert_eq!(
            kept[1].prompt,
            "Marie Curie reçoit en [...] le prix Nobel de chimie."
        );
    }
}
