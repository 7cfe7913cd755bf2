//! Any bytes given to the deck decoders: an error or a deck whose every card reads back.
#![no_main]

use carnet_engine::deck::{decode_card, decode_card_version, Deck, DeckHeader};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = DeckHeader::parse(data);
    let _ = decode_card(data);
    let _ = decode_card_version(1, data);
    if let Ok(deck) = Deck::from_bytes(data) {
        assert_eq!(deck.cards().count(), deck.len());
        for (i, card) in deck.cards().enumerate() {
            assert_eq!(deck.id(i), Some(card.id));
            assert!(deck.document(card.source.document).is_some());
        }
        let _ = deck.documents().count();
    }
});
