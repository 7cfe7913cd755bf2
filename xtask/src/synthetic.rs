//! Made-up decks and logs of any size, for the firmware's RAM and boot-time checks: the
//! device must hold a 2,000-card deck within its RAM budget.

use carnet_engine::deck::{encode, DeckId};
use carnet_engine::review_log::{encode_frame, LogEntry, Review, MAX_FRAME_LEN};
use carnet_engine::{AnswerKind, Card, CardId, CardKind, Rating, Source};

/// A deck of `n` cards with French text of realistic length (about 250 bytes a card: a
/// question, an answer, three distractors and a context sentence).
pub fn deck(n: usize) -> Vec<u8> {
    let texts: Vec<(String, String, [String; 3], String)> = (0..n)
        .map(|i| {
            let year = 1850 + (i * 7) % 170;
            (
                format!("Carte {i} : en quelle année le congrès n° {i} s'est-il réuni à Bakou ?"),
                format!("en {year}"),
                [
                    format!("en {}", year + 1),
                    format!("en {}", year + 3),
                    format!("en {}", year - 2),
                ],
                format!(
                    "Le congrès n° {i} s'est réuni à Bakou en {year}, d'après la chronique \
                     régionale de l'époque."
                ),
            )
        })
        .collect();
    let cards: Vec<Card<'_>> = texts
        .iter()
        .enumerate()
        .map(|(i, (prompt, answer, ds, context))| Card {
            id: CardId::from_key(&format!("synthetic:{i}")),
            kind: CardKind::QuestionAnswer,
            answer_kind: AnswerKind::Date,
            prompt,
            answer,
            distractors: [&ds[0], &ds[1], &ds[2]],
            context,
            source: Source {
                document: 0,
                line: i as u32 + 1,
            },
            situation: "",
        })
        .collect();
    encode(
        DeckId(0x5e_5e),
        &format!("Synthétique ({n} cartes)"),
        &["synthetique.txt"],
        &cards,
    )
    .expect("a synthetic deck encodes")
}

/// A log of `reviews` reviews of the synthetic deck's cards (spread over the deck, a day
/// apart per round, ending before `end_ms`).
pub fn log(deck_cards: usize, reviews: usize, end_ms: i64) -> Vec<u8> {
    let mut out = Vec::new();
    let mut frame = [0u8; MAX_FRAME_LEN];
    let start = end_ms - reviews as i64 * 60_000;
    for k in 0..reviews {
        let i = (k * 7919) % deck_cards.max(1);
        let entry = LogEntry::Review(Review {
            card: CardId::from_key(&format!("synthetic:{i}")),
            time_ms: start + k as i64 * 60_000,
            rating: Rating::ALL[k % 4],
            duration_ms: 3000,
        });
        let n = encode_frame(&entry, &mut frame);
        out.extend_from_slice(&frame[..n]);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use carnet_engine::deck::Deck;
    use carnet_engine::review_log::LogReader;

    #[test]
    fn synthetic_deck_and_log_decode() {
        let bytes = deck(30);
        let d = Deck::from_bytes(&bytes).expect("valid deck");
        assert_eq!(d.len(), 30);
        let log = log(30, 10, 1_700_000_000_000);
        assert_eq!(LogReader::new(&log).filter(|r| r.is_ok()).count(), 10);
    }
}
