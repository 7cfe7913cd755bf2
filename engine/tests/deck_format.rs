//! The deck file: round trips, and no panic on any input (arbitrary bytes, every truncation,
//! every single-byte corruption of a real deck).

use carnet_engine::deck::{self, decode_card, Deck, DeckChecksum, DeckHeader, DeckId, HEADER_LEN};
use carnet_engine::{AnswerKind, Card, CardId, CardKind, Error, Source};
use proptest::prelude::*;

fn sample_cards(texts: &[String]) -> Vec<Card<'_>> {
    texts
        .iter()
        .enumerate()
        .map(|(i, t)| Card {
            id: CardId::from_key(t),
            kind: [
                CardKind::QuestionAnswer,
                CardKind::Cloze,
                CardKind::MultipleChoice,
            ][i % 3],
            answer_kind: AnswerKind::Person,
            prompt: t,
            answer: "Chahoumian",
            distractors: if i % 3 == 2 {
                ["Lénine", "Trotsky", "Kérenski"]
            } else {
                [""; 3]
            },
            context: "Le Sovnarkom, présidé par Chahoumian, …",
            source: Source {
                document: (i % 2) as u16,
                line: i as u32 + 1,
            },
            situation: "",
        })
        .collect()
}

fn sample_deck() -> Vec<u8> {
    let texts: Vec<String> = (0..12)
        .map(|i| format!("Qui présidait le Sovnarkom de Bakou ({i}) ?"))
        .collect();
    deck::encode(
        DeckId(17),
        "Russie 1917",
        &["000.txt", "003.txt"],
        &sample_cards(&texts),
    )
    .unwrap()
}

#[test]
fn round_trips() {
    let texts: Vec<String> = (0..12)
        .map(|i| format!("Qui présidait le Sovnarkom de Bakou ({i}) ?"))
        .collect();
    let cards = sample_cards(&texts);
    let bytes = deck::encode(DeckId(17), "Russie 1917", &["000.txt", "003.txt"], &cards).unwrap();
    let deck = Deck::from_bytes(&bytes).unwrap();
    assert_eq!(deck.name(), "Russie 1917");
    assert_eq!(deck.documents().collect::<Vec<_>>(), ["000.txt", "003.txt"]);
    assert_eq!(deck.document(1), Some("003.txt"));
    assert_eq!(deck.cards().collect::<Vec<_>>(), cards);
    assert_eq!(deck.card(12), None);
    assert_eq!(
        (0..12).map(|i| deck.id(i).unwrap()).collect::<Vec<_>>(),
        cards.iter().map(|c| c.id).collect::<Vec<_>>()
    );
    assert_eq!(deck.id(12), None);
}

#[test]
fn a_device_can_read_one_card_at_a_time() {
    let bytes = sample_deck();
    let header = DeckHeader::parse(&bytes[..HEADER_LEN]).unwrap();
    let mut sum = DeckChecksum::default();
    for chunk in bytes[..bytes.len() - 4].chunks(512) {
        sum.update(chunk);
    }
    assert!(sum.matches(bytes[bytes.len() - 4..].try_into().unwrap()));
    let at =
        |p: u32| u32::from_le_bytes(bytes[p as usize..p as usize + 4].try_into().unwrap()) as usize;
    let start = at(header.index_entry_position(5));
    let end = at(header.index_entry_position(6));
    let card = decode_card(&bytes[start..end]).unwrap();
    assert_eq!(card.source.line, 6);
    let id_at = header.id_position(5) as usize;
    assert_eq!(
        u64::from_le_bytes(bytes[id_at..id_at + 8].try_into().unwrap()),
        card.id.0
    );
}

#[test]
fn typed_errors_for_bad_files() {
    let bytes = sample_deck();
    assert_eq!(Deck::from_bytes(b"").unwrap_err(), Error::Truncated);
    assert_eq!(
        Deck::from_bytes(b"PK\x03\x04 a zip file, not a deck").unwrap_err(),
        Error::BadMagic
    );
    assert_eq!(
        Deck::from_bytes(&bytes[..bytes.len() - 1]).unwrap_err(),
        Error::Truncated
    );
    let mut newer = bytes.clone();
    newer[8] = 3;
    assert_eq!(
        Deck::from_bytes(&newer).unwrap_err(),
        Error::UnsupportedVersion { found: 3 }
    );
    let mut corrupt = bytes.clone();
    let mid = corrupt.len() / 2;
    corrupt[mid] ^= 1;
    assert_eq!(Deck::from_bytes(&corrupt).unwrap_err(), Error::Checksum);
    let mut longer = bytes.clone();
    longer.push(0);
    assert_eq!(Deck::from_bytes(&longer).unwrap_err(), Error::Malformed);
}

#[test]
fn every_truncation_and_byte_flip_is_an_error_never_a_panic() {
    let bytes = sample_deck();
    for len in 0..bytes.len() {
        assert!(
            Deck::from_bytes(&bytes[..len]).is_err(),
            "truncated to {len}"
        );
    }
    for i in 0..bytes.len() {
        for bit in [0x01u8, 0x80, 0xff] {
            let mut b = bytes.clone();
            b[i] ^= bit;
            assert!(Deck::from_bytes(&b).is_err(), "byte {i} ^ {bit:#x}");
        }
    }
}

/// Rewrites the checksum so corruption inside the body reaches the structural checks.
fn reseal(mut bytes: Vec<u8>) -> Vec<u8> {
    let n = bytes.len();
    if n >= 4 {
        let crc = crc_of(&bytes[..n - 4]);
        bytes[n - 4..].copy_from_slice(&crc.to_le_bytes());
    }
    bytes
}

fn crc_of(bytes: &[u8]) -> u32 {
    crc::Crc::<u32>::new(&crc::CRC_32_ISO_HDLC).checksum(bytes)
}

proptest! {
    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
        let _ = Deck::from_bytes(&bytes);
        let _ = DeckHeader::parse(&bytes);
        let _ = decode_card(&bytes);
    }

    #[test]
    fn resealed_corruptions_never_panic(edits in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..6)) {
        let mut bytes = sample_deck();
        for (at, value) in edits {
            let i = at.index(bytes.len() - 4);
            bytes[i] = value;
        }
        let bytes = reseal(bytes);
        if let Ok(deck) = Deck::from_bytes(&bytes) {
            // Whatever decodes must be fully readable.
            prop_assert_eq!(deck.cards().count(), deck.len());
            for c in deck.cards() {
                prop_assert!(deck.document(c.source.document).is_some());
            }
        }
    }

    #[test]
    fn generated_decks_round_trip(texts in proptest::collection::vec(".{0,80}", 0..40), name in ".{0,30}") {
        let cards = sample_cards(&texts);
        let bytes = deck::encode(DeckId(3), &name, &["a", "b"], &cards).unwrap();
        let deck = Deck::from_bytes(&bytes).unwrap();
        prop_assert_eq!(deck.name(), name.as_str());
        prop_assert_eq!(deck.cards().collect::<Vec<_>>(), cards);
    }
}

/// A version-1 deck (the bundled deck as carnet 0.1 shipped it) still opens: its cards read
/// with an empty situation line, its identity is derived from its name and documents, and
/// every truncation of it is an error.
#[test]
fn version_1_decks_still_read() {
    let bytes = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/deck-v1.deck"
    ))
    .unwrap();
    let deck = Deck::from_bytes(&bytes).unwrap();
    assert_eq!(deck.header().version, 1);
    assert_eq!(deck.header().deck_id, None);
    assert_eq!(deck.name(), "Révolution russe");
    assert_eq!(deck.len(), 46);
    assert!(deck
        .cards()
        .all(|c| c.situation.is_empty() && !c.prompt.is_empty()));
    assert_eq!(
        deck.deck_id(),
        DeckId::legacy("Révolution russe", deck.documents())
    );
    assert_ne!(
        deck.deck_id(),
        DeckId::legacy("Révolution russe", ["other.txt"].into_iter())
    );
    let header = DeckHeader::parse(&bytes[..deck::V1_HEADER_LEN]).unwrap();
    assert_eq!(header.card_count, 46);
    for len in 0..bytes.len() {
        assert!(
            Deck::from_bytes(&bytes[..len]).is_err(),
            "truncated to {len}"
        );
    }
}

#[test]
fn deck_ids_print_and_parse_as_32_hex_digits() {
    let id = DeckId(0x0123_4567_89ab_cdef_fedc_ba98_7654_3210);
    let text = id.to_string();
    assert_eq!(text, "0123456789abcdeffedcba9876543210");
    assert_eq!(DeckId::from_hex(&text), Some(id));
    assert_eq!(DeckId::from_hex("0123"), None);
    assert_eq!(DeckId::from_hex(&text.replace('0', "g")), None);
}

/// The situation line is stored and read back in version 2.
#[test]
fn situation_lines_round_trip() {
    let texts = vec!["Qui présidait le Sovnarkom ?".to_string()];
    let mut cards = sample_cards(&texts);
    cards[0].situation = "Bakou, 1918";
    let bytes = deck::encode(DeckId(5), "d", &["000.txt", "003.txt"], &cards).unwrap();
    let deck = Deck::from_bytes(&bytes).unwrap();
    assert_eq!(deck.card(0).unwrap().situation, "Bakou, 1918");
    assert_eq!(deck.deck_id(), DeckId(5));
}
