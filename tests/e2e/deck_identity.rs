//! A deck's history belongs to that deck: logs keyed by the identity in the deck file, a card
//! that holds another deck, a damaged log on the card, a folder that is not a card, clocks
//! that are wrong, names that do not fit, temporaries of killed writers.

use std::path::{Path, PathBuf};

use carnet_engine::deck::Deck;
use carnet_engine::review_log::{LogEntry, LogReader, Review};
use carnet_engine::Rating;

use crate::support::*;

fn corpus_doc(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../cards/tests/data")
        .join(name)
}

/// Two decks named alike (`A/cours.deck` and `B/cours.deck`, from different documents) have
/// two histories: studying one leaves the other untouched, and both can be open at once.
#[test]
fn two_decks_of_the_same_name_never_share_a_history() {
    let home = TempDir::new("same-name");
    for (dir, doc) in [("A", "page_ocr.txt"), ("B", "tour_eiffel.md")] {
        std::fs::create_dir_all(home.join(dir)).unwrap();
        std::fs::copy(corpus_doc(doc), home.join(dir).join("notes.txt")).unwrap();
        carnet(&home)
            .args(["generate"])
            .args([home.join(dir).join("notes.txt")])
            .args(["-o"])
            .args([home.join(dir).join("cours.deck")])
            .run()
            .ok();
    }
    let a = home.join("A/cours.deck");
    let b = home.join("B/cours.deck");
    let id = |p: &Path| {
        Deck::from_bytes(&std::fs::read(p).unwrap())
            .unwrap()
            .deck_id()
    };
    assert_ne!(id(&a), id(&b));
    carnet(&home)
        .args(["--deck"])
        .args([&a])
        .stdin("3\n3\nq\n")
        .run()
        .ok();
    assert_eq!(reviews_in_store(&home, &a), 2);
    assert_eq!(reviews_in_store(&home, &b), 0);
    let stats: serde_json::Value = serde_json::from_str(
        &carnet(&home)
            .args(["stats", "--json", "--deck"])
            .args([&b])
            .run()
            .ok(),
    )
    .unwrap();
    assert_eq!(stats["total_reviews"], 0, "{stats}");

    // Regenerating A in place keeps its identity, and so its history.
    let before = id(&a);
    carnet(&home)
        .args(["generate"])
        .args([home.join("A/notes.txt")])
        .args(["-o"])
        .args([&a])
        .run()
        .ok();
    assert_eq!(id(&a), before);
    assert_eq!(reviews_in_store(&home, &a), 2);
}

/// carnet 0.1 kept logs by deck name: a deck opened for the first time takes its own cards'
/// records from the old log (here shared by two decks of one name), and nothing is lost.
#[test]
fn a_name_keyed_log_migrates_to_the_deck_that_owns_its_cards() {
    let home = TempDir::new("migrate");
    let deck = write_deck(&home, "t.deck", "Test", 10);
    let bytes = std::fs::read(&deck).unwrap();
    let mut old = good_reviews(&bytes, 3, 1_711_699_200_000, 60_000);
    let stranger = LogEntry::Review(Review {
        card: carnet_engine::CardId(42),
        time_ms: 1_711_699_100_000,
        rating: Rating::Hard,
        duration_ms: 1,
    });
    old.push(stranger);
    std::fs::create_dir_all(home.join("data")).unwrap();
    let legacy = home.join("data/test.revlog");
    std::fs::write(&legacy, frames(&old)).unwrap();
    let out = carnet(&home)
        .args(["stats", "--json", "--deck"])
        .args([&deck])
        .run();
    let stats: serde_json::Value = serde_json::from_str(&out.ok()).unwrap();
    assert_eq!(stats["total_reviews"], 3);
    assert!(
        out.stderr().contains("3 records of Test moved"),
        "{}",
        out.stderr()
    );
    assert_eq!(std::fs::read(&legacy).unwrap(), frames(&old), "kept whole");
    assert_eq!(
        std::fs::read(log_of(&home, "Test")).unwrap(),
        frames(&old[..3])
    );
}

/// Sync onto a card that holds another deck: the card's reviews go to *that* deck's history;
/// the card changes only with `--replace`.
#[test]
fn a_card_of_another_deck_is_recognised_and_replaced_only_when_asked() {
    let home = TempDir::new("other-deck");
    let bastille = write_deck(&home, "bastille.deck", "Bastille", 8);
    let curie = write_deck(&home, "curie.deck", "Curie", 8);
    let card = home.join("card");
    std::fs::create_dir_all(&card).unwrap();
    sync_card(&home, &card, &bastille, &[]).ok();
    let manifest = std::fs::read_to_string(card.join("CARD.TXT")).unwrap();
    assert!(manifest.contains("state=complete"), "{manifest}");
    assert!(
        manifest.contains(&format!("deck_id={}", fixture_deck_id("Bastille"))),
        "{manifest}"
    );
    // Four reviews on the handheld.
    let bastille_bytes = std::fs::read(&bastille).unwrap();
    let mut log = std::fs::read(card.join("REVIEWS.LOG")).unwrap();
    log.extend(frames(&good_reviews(
        &bastille_bytes,
        4,
        1_711_700_000_000,
        60_000,
    )));
    std::fs::write(card.join("REVIEWS.LOG"), &log).unwrap();
    let snapshot = |dir: &Path| {
        let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap())
            .map(|e| {
                (
                    e.file_name().to_string_lossy().into_owned(),
                    std::fs::read(e.path()).unwrap(),
                )
            })
            .collect();
        files.sort();
        files
    };
    let before = snapshot(&card);

    let refused = sync_card(&home, &card, &curie, &[]).input_error();
    assert!(
        refused.contains("holds another deck, \"Bastille\"") && refused.contains("--replace"),
        "{refused}"
    );
    assert_eq!(snapshot(&card), before, "the card is left as it was");
    assert_eq!(
        reviews_in_store(&home, &bastille),
        4,
        "merged into Bastille"
    );
    assert_eq!(reviews_in_store(&home, &curie), 0);

    let replaced = sync_card(&home, &card, &curie, &["--replace"]).ok();
    assert!(replaced.contains("replaced \"Bastille\""), "{replaced}");
    let on_card = std::fs::read(card.join("DECK.BIN")).unwrap();
    assert_eq!(on_card, std::fs::read(&curie).unwrap());
    assert_eq!(reviews_in_store(&home, &bastille), 4);
    assert_eq!(reviews_in_store(&home, &curie), 0);
    assert!(
        LogReader::new(&std::fs::read(card.join("REVIEWS.LOG")).unwrap())
            .next()
            .is_none()
    );
}

/// A damaged log on the card: every intact record is kept, the card is left alone (exit 2)
/// unless `--salvage`, which keeps the damaged file beside the new one.
#[test]
fn a_damaged_card_log_loses_no_intact_record() {
    let deck_bytes = fixture_deck("Test", 12);
    let good = good_reviews(&deck_bytes, 6, 1_711_700_000_000, 60_000);
    let clean = frames(&good);
    let frame_len = clean.len() / 6;
    let mut middle = clean.clone();
    middle[frame_len * 2 + 3] ^= 0x55; // the third record
    let mut tail = clean.clone();
    tail.extend((0..300u32).map(|i| (i % 251 + 1) as u8)); // no zero: not one torn frame
    let garbage: Vec<u8> = (0..600u32).map(|i| (i * 7 % 256) as u8).collect();
    for (what, bytes, intact) in [
        ("middle", middle, 5),
        ("end", tail, 6),
        ("garbage", garbage, 0),
    ] {
        let home = TempDir::new(&format!("damaged-{what}"));
        let deck = write_deck(&home, "t.deck", "Test", 12);
        let card = home.join("card");
        std::fs::create_dir_all(&card).unwrap();
        std::fs::write(card.join("DECK.BIN"), &deck_bytes).unwrap();
        std::fs::write(card.join("REVIEWS.LOG"), &bytes).unwrap();
        let err = sync_card(&home, &card, &deck, &[]).input_error();
        assert!(
            err.contains("REVIEWS.LOG is damaged") && err.contains("--salvage"),
            "{what}: {err}"
        );
        assert_eq!(
            std::fs::read(card.join("REVIEWS.LOG")).unwrap(),
            bytes,
            "{what}"
        );
        assert_eq!(reviews_in_store(&home, &deck), intact, "{what}");
        let out = sync_card(&home, &card, &deck, &["--salvage"]);
        out.ok();
        assert_eq!(
            std::fs::read(card.join("REVIEWS.BAD")).unwrap(),
            bytes,
            "{what}"
        );
        let rewritten = std::fs::read(card.join("REVIEWS.LOG")).unwrap();
        assert_eq!(
            LogReader::new(&rewritten).filter(|r| r.is_ok()).count(),
            intact,
            "{what}"
        );
        assert_eq!(reviews_in_store(&home, &deck), intact, "{what}");
    }
}

#[test]
fn a_folder_that_is_not_a_card_is_refused() {
    let home = TempDir::new("not-a-card");
    let deck = write_deck(&home, "t.deck", "Test", 5);
    let dir = home.join("documents");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("thesis.odt"), b"my work").unwrap();
    let err = sync_card(&home, &dir, &deck, &[]).input_error();
    assert!(
        err.contains("not a carnet SD card") && err.contains("thesis.odt"),
        "{err}"
    );
    assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 1);
}

/// One review made with a clock in 2030 does not stamp every later review 2030.
#[test]
fn a_future_dated_review_does_not_freeze_the_clock() {
    let home = TempDir::new("future");
    let deck = write_deck(&home, "t.deck", "Test", 10);
    carnet(&home)
        .env("CARNET_NOW", "2030-01-01T00:00:00Z")
        .args(["--deck"])
        .args([&deck])
        .stdin("3\nq\n")
        .run()
        .ok();
    let out = carnet(&home)
        .args(["--deck"])
        .args([&deck])
        .stdin("3\nq\n")
        .run();
    let text = out.ok();
    assert!(
        out.stderr().contains("dated more than a day after now"),
        "{}",
        out.stderr()
    );
    let recorded = lines_starting(&text, "recorded ");
    let time_ms: i64 = recorded[0].split(' ').nth(3).unwrap().parse().unwrap();
    assert!(
        (1_711_699_200_000..1_711_699_300_000).contains(&time_ms),
        "stamped now (2024-03-29), not after 2030: {}",
        recorded[0]
    );
    assert!(recorded[0].contains("next in 10 min"), "{}", recorded[0]);
}

#[test]
fn a_clock_past_2106_is_refused() {
    let home = TempDir::new("y2106");
    let err = carnet(&home)
        .env("CARNET_NOW", "2107-01-01T00:00:00Z")
        .args(["stats"])
        .run()
        .input_error();
    assert!(err.contains("2106-02-07"), "{err}");
    let csv = home.join("far.csv");
    std::fs::write(
        &csv,
        "card_id,review_rating,review_time,review_duration\n1,3,9999-01-01T00:00:00Z,1000\n",
    )
    .unwrap();
    let err = carnet(&home)
        .args(["memory"])
        .args([&csv])
        .run()
        .input_error();
    assert!(err.contains("far.csv") && err.contains("2106"), "{err}");
}

#[test]
fn a_deck_name_that_does_not_fit_is_refused_where_it_enters() {
    let home = TempDir::new("long-name");
    let long = "x".repeat(300);
    let err = carnet(&home)
        .args(["generate"])
        .args([corpus_doc("page_ocr.txt")])
        .args(["-o"])
        .args([home.join("d.deck")])
        .args(["--name", &long])
        .run()
        .input_error();
    assert!(err.contains("300 characters"), "{err}");
    assert!(!home.join("d.deck").exists());
}

/// A writer killed between its temporary file and the rename leaves `.NAME.tmp-PID`; the next
/// write in that folder removes it once that process is gone.
#[test]
fn temporaries_of_killed_writers_are_cleared() {
    let home = TempDir::new("stale");
    let out = home.join("out.deck");
    let stale = home.join(".out.deck.tmp-4999999");
    std::fs::write(&stale, vec![0u8; 4096]).unwrap();
    carnet(&home)
        .args(["generate"])
        .args([corpus_doc("page_ocr.txt")])
        .args(["-o"])
        .args([&out])
        .run()
        .ok();
    assert!(out.exists());
    assert!(!stale.exists());
}

/// A deck larger than the handheld can hold is refused before anything changes.
#[test]
fn a_deck_too_large_for_the_handheld_is_refused() {
    let home = TempDir::new("too-large");
    let deck = write_deck(
        &home,
        "big.deck",
        "Big",
        carnet::commands::sync::HANDHELD_MAX_CARDS + 1,
    );
    let card = home.join("card");
    std::fs::create_dir_all(&card).unwrap();
    let err = sync_card(&home, &card, &deck, &[]).input_error();
    assert!(
        err.contains("2001 cards") && err.contains("room for 2000"),
        "{err}"
    );
    assert_eq!(std::fs::read_dir(&card).unwrap().count(), 0);
}

/// A handheld whose clock is behind stamps reviews before the card's last sync: sync says so.
#[test]
fn a_device_clock_behind_is_reported() {
    let home = TempDir::new("behind");
    let deck = write_deck(&home, "t.deck", "Test", 6);
    let card = home.join("card");
    std::fs::create_dir_all(&card).unwrap();
    sync_card(&home, &card, &deck, &[]).ok();
    let bytes = std::fs::read(&deck).unwrap();
    let mut log = std::fs::read(card.join("REVIEWS.LOG")).unwrap();
    // 2020, while the card was synced in 2024.
    log.extend(frames(&good_reviews(&bytes, 2, 1_580_000_000_000, 60_000)));
    std::fs::write(card.join("REVIEWS.LOG"), &log).unwrap();
    let out = sync_card(&home, &card, &deck, &[]);
    out.ok();
    assert!(
        out.stderr()
            .contains("2 records from the card are dated more than a day before"),
        "{}",
        out.stderr()
    );
    assert_eq!(reviews_in_store(&home, &deck), 2, "kept");
}
