//! Small decks for the unit tests (compiled only for tests).

use carnet_engine::deck::{encode, DeckId};
use carnet_engine::{AnswerKind, Card, CardId, CardKind, Source};

/// A deck `name` of identity `id` with one question card a `(prompt, answer, line)`; a
/// card's id is its prompt's, all come from document `doc.txt`, and cards of one line are
/// siblings.
pub(crate) fn deck_of(id: u128, name: &str, cards: &[(&str, &str, u32)]) -> Vec<u8> {
    let cards: Vec<Card<'_>> = cards
        .iter()
        .map(|&(prompt, answer, line)| Card {
            id: CardId::from_key(prompt),
            kind: CardKind::QuestionAnswer,
            answer_kind: AnswerKind::Other,
            prompt,
            answer,
            distractors: [""; 3],
            context: "Une phrase.",
            source: Source { document: 0, line },
            situation: "",
        })
        .collect();
    encode(DeckId(id), name, &["doc.txt"], &cards).expect("a test deck encodes")
}
