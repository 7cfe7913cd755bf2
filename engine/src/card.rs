//! Cards: what a learner sees, borrowed straight from the deck bytes.

use serde::{Deserialize, Serialize};

/// A card's stable identity: a 64-bit FNV-1a hash of its content key.
///
/// The key is chosen by the deck generator from the card's content, never its position
/// (`carnet-cards` uses the fact type, the answer and the source sentence, so rewording a
/// prompt keeps the learner's history), so a deck regenerated after the generator improves
/// keeps the progress of the cards that did not change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct CardId(pub u64);

impl CardId {
    /// The id of a content key.
    pub const fn from_key(key: &str) -> CardId {
        const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
        const PRIME: u64 = 0x0000_0100_0000_01b3;
        let bytes = key.as_bytes();
        let mut hash = OFFSET;
        let mut i = 0;
        while i < bytes.len() {
            hash ^= bytes[i] as u64;
            hash = hash.wrapping_mul(PRIME);
            i += 1;
        }
        CardId(hash)
    }
}

/// How a card asks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
#[repr(u8)]
pub enum CardKind {
    /// A question with one answer.
    QuestionAnswer = 0,
    /// A sentence with a gap written `[...]`.
    Cloze = 1,
    /// A question with the answer among distractors.
    MultipleChoice = 2,
}

/// What kind of thing the answer is, so that quiz distractors are of the same kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
#[repr(u8)]
pub enum AnswerKind {
    /// A date or period.
    Date = 0,
    /// A person.
    Person = 1,
    /// A place.
    Place = 2,
    /// A number with its unit.
    Quantity = 3,
    /// An organisation, party or institution.
    Organisation = 4,
    /// Anything else.
    Other = 5,
}

/// Where a card's fact comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct Source {
    /// Index into the deck's document list.
    pub document: u16,
    /// Line in the document, counted from 1.
    pub line: u32,
}

/// The marker of a cloze card's gap.
pub const CLOZE_GAP: &str = "[...]";

/// One card. The text borrows from the deck's bytes: no copy, no allocation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Card<'a> {
    /// Stable identity.
    pub id: CardId,
    /// How it asks.
    pub kind: CardKind,
    /// What kind of thing the answer is.
    pub answer_kind: AnswerKind,
    /// The question, or the cloze sentence with its gap.
    #[serde(borrow)]
    pub prompt: &'a str,
    /// The answer.
    #[serde(borrow)]
    pub answer: &'a str,
    /// Three wrong answers of the same kind for multiple choice; `""` where absent.
    #[serde(borrow)]
    pub distractors: [&'a str; 3],
    /// The source sentence, shown with the answer.
    #[serde(borrow)]
    pub context: &'a str,
    /// Document and line.
    pub source: Source,
    /// The situation line shown with the question when the fact needs it to be understood
    /// without its document (« Bakou, 1918 »; « Petrograd, octobre 1917 »); `""` where the
    /// question says enough. Absent from version-1 deck files (read as `""`).
    #[serde(borrow)]
    pub situation: &'a str,
}

/// A card as version 1 of the deck format stored it (no situation line).
#[derive(Deserialize)]
pub(crate) struct CardV1<'a> {
    id: CardId,
    kind: CardKind,
    answer_kind: AnswerKind,
    #[serde(borrow)]
    prompt: &'a str,
    #[serde(borrow)]
    answer: &'a str,
    #[serde(borrow)]
    distractors: [&'a str; 3],
    #[serde(borrow)]
    context: &'a str,
    source: Source,
}

impl<'a> From<CardV1<'a>> for Card<'a> {
    fn from(c: CardV1<'a>) -> Card<'a> {
        Card {
            id: c.id,
            kind: c.kind,
            answer_kind: c.answer_kind,
            prompt: c.prompt,
            answer: c.answer,
            distractors: c.distractors,
            context: c.context,
            source: c.source,
            situation: "",
        }
    }
}

impl<'a> Card<'a> {
    /// The distractors that are present.
    pub fn distractors(&self) -> impl Iterator<Item = &'a str> + '_ {
        self.distractors.iter().copied().filter(|d| !d.is_empty())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_fnv1a_and_stable() {
        // FNV-1a 64 reference values.
        assert_eq!(CardId::from_key(""), CardId(0xcbf2_9ce4_8422_2325));
        assert_eq!(CardId::from_key("a"), CardId(0xaf63_dc4c_8601_ec8c));
        assert_ne!(CardId::from_key("ab"), CardId::from_key("ba"));
    }
}
