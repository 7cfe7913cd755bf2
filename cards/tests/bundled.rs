//! The checked-in bundled deck is what the generator makes from the checked-in corpus.
//!
//! Refresh it with:
//!
//! ```text
//! cargo run -p carnet-cards --release -- cards/corpus -o cards/decks/bundled.deck \
//!     --name "Révolution russe" --report cards/decks/report.md \
//!     --facts cards/eval/facts --review cards/decks/review.md
//! ```

use std::path::{Path, PathBuf};

const REFRESH: &str = "the checked-in deck is stale; refresh it with: cargo run -p carnet-cards --release -- cards/corpus -o cards/decks/bundled.deck --name \"Révolution russe\" --report cards/decks/report.md --facts cards/eval/facts --review cards/decks/review.md";

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn corpus() -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(root().join("corpus"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| !p.file_name().unwrap().to_string_lossy().starts_with('.'))
        .collect();
    v.sort();
    v
}

#[test]
fn bundled_deck_is_fresh() {
    let deck = carnet_cards::generate(&corpus(), &mut |_| {}).unwrap();
    let path = root().join("decks/bundled.deck");
    // Regenerating keeps the deck's identity (and so every learner's history of it).
    let id = carnet_cards::output::deck_id_for(&path);
    let bytes = carnet_cards::output::encode(&deck, id, "Révolution russe").unwrap();
    let stored = std::fs::read(&path).expect(REFRESH);
    assert!(stored == bytes, "{REFRESH}");
    let listing = std::fs::read_to_string(root().join("decks/bundled.tsv")).expect(REFRESH);
    assert!(listing == carnet_cards::output::listing(&deck), "{REFRESH}");
    let report = std::fs::read_to_string(root().join("decks/report.md")).expect(REFRESH);
    let evaluation = carnet_cards::report::Evaluation::load(
        &deck,
        Some(&root().join("eval/facts")),
        Some(&root().join("decks/review.md")),
    )
    .unwrap();
    assert!(
        report == carnet_cards::report::render_with(&deck, 20, 0, &evaluation),
        "{REFRESH}"
    );
}

#[test]
fn bundled_deck_reads_back_in_the_engine() {
    let stored = std::fs::read(root().join("decks/bundled.deck")).unwrap();
    let deck = carnet_engine::deck::Deck::from_bytes(&stored).unwrap();
    assert_eq!(deck.name(), "Révolution russe");
    assert_eq!(deck.header().version, carnet_engine::deck::VERSION);
    // The identity the version-1 bundled deck had (derived from its name and documents), so
    // that the logs of carnet 0.1's learners migrate to it.
    assert_eq!(
        deck.deck_id(),
        carnet_engine::deck::DeckId::legacy(deck.name(), deck.documents())
    );
    assert_eq!(deck.documents().count(), 4);
    assert!(deck.len() >= 30);
    let mut ids = std::collections::HashSet::new();
    for card in deck.cards() {
        assert!(ids.insert(card.id), "duplicate id");
        assert!(card.context.contains(card.answer));
        assert!(deck.document(card.source.document).is_some());
        match card.kind {
            carnet_engine::CardKind::Cloze => {
                assert!(card.prompt.contains(carnet_engine::CLOZE_GAP))
            }
            _ => assert!(card.prompt.ends_with('?')),
        }
        if card.kind == carnet_engine::CardKind::MultipleChoice {
            assert!(card.distractors.iter().all(|d| !d.is_empty()));
        }
    }
}
