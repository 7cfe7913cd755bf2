//! Decks come from documents and Anki packages of unknown origin: terminal escapes in their
//! text never reach the terminal raw (listings, line mode, quiz, messages).

use carnet_engine::deck::{encode, DeckId};
use carnet_engine::{AnswerKind, Card, CardId, CardKind, Source};

use crate::support::*;

const HOSTILE: &str = "\u{1b}]0;owned\u{7}\u{1b}[2J";

fn hostile_deck(home: &TempDir) -> std::path::PathBuf {
    let prompts: Vec<String> = (0..4)
        .map(|i| format!("Qui présidait {HOSTILE} le soviet n° {i} ?"))
        .collect();
    let cards: Vec<Card<'_>> = prompts
        .iter()
        .map(|p| Card {
            id: CardId::from_key(p),
            kind: CardKind::MultipleChoice,
            answer_kind: AnswerKind::Person,
            prompt: p,
            answer: "Chahoumian\u{1b}[31m",
            distractors: ["Lénine\u{9b}2J", "Trotsky", "Kérenski\u{202E}"],
            context: "Le soviet, présidé par Chahoumian \u{1b}[?1049h",
            source: Source {
                document: 0,
                line: 1,
            },
            situation: "Bakou, 1918\u{1b}[H",
        })
        .collect();
    let name = format!("Piège{HOSTILE}");
    let bytes = encode(
        DeckId(0xbad),
        &name,
        &[&format!("doc{HOSTILE}.txt")],
        &cards,
    )
    .unwrap();
    let path = home.join("hostile.deck");
    std::fs::write(&path, bytes).unwrap();
    path
}

fn assert_clean(what: &str, text: &str) {
    assert!(
        !text.chars().any(|c| c.is_control() && c != '\n'),
        "{what} printed a control character: {text:?}"
    );
    assert!(!text.contains('\u{202E}'), "{what}: {text:?}");
}

#[test]
fn terminal_escapes_in_deck_text_are_never_printed_raw() {
    let home = TempDir::new("hostile");
    let deck = hostile_deck(&home);
    let listing = carnet(&home).args(["cards", "--deck"]).args([&deck]).run();
    assert_clean("cards", &listing.ok());
    assert!(
        listing.stdout().contains("Qui présidait"),
        "{}",
        listing.stdout()
    );
    let study = carnet(&home)
        .args(["--deck"])
        .args([&deck])
        .stdin("show\n3\nq\n")
        .run();
    let out = study.ok();
    assert_clean("study", &out);
    assert_clean("study stderr", &study.stderr());
    assert!(out.contains("answer: Chahoumian"), "{out}");
    let quiz = carnet(&home)
        .args(["quiz", "-n", "2", "--seed", "1", "--deck"])
        .args([&deck])
        .stdin("1\n1\n")
        .run();
    assert_clean("quiz", &quiz.ok());
    let shown = carnet(&home)
        .args([
            "cards",
            "--show",
            &format!(
                "{:016x}",
                CardId::from_key(&format!("Qui présidait {HOSTILE} le soviet n° 0 ?")).0
            ),
            "--deck",
        ])
        .args([&deck])
        .run();
    assert_clean("cards --show", &shown.ok());
    let stats = carnet(&home).args(["stats", "--deck"]).args([&deck]).run();
    assert_clean("stats", &stats.ok());
}

#[test]
fn escapes_in_paths_are_not_printed_raw_in_errors() {
    let home = TempDir::new("hostile-path");
    let err = carnet(&home)
        .args(["--deck", &format!("/nonexistent/{HOSTILE}.deck")])
        .run()
        .input_error();
    assert_clean("error", &err);
}

/// A card's situation line (version-2 decks) is shown with its question in the line mode,
/// the quiz and the card listing.
#[test]
fn the_situation_line_is_shown_with_the_question() {
    let home = TempDir::new("situation");
    let prompt = "Marie Curie s'inscrit en physique le [...].";
    let cards = [Card {
        id: CardId::from_key(prompt),
        kind: CardKind::Cloze,
        answer_kind: AnswerKind::Date,
        prompt,
        answer: "3 novembre 1891",
        distractors: ["1er mai 1918", "25 avril 1918", "7 novembre 1917"],
        context: "Le 3 novembre 1891, elle s'inscrit en physique.",
        source: Source {
            document: 0,
            line: 3,
        },
        situation: "Marie Curie, Paris",
    }];
    let path = home.join("s.deck");
    std::fs::write(
        &path,
        encode(DeckId(77), "Curie", &["curie.md"], &cards).unwrap(),
    )
    .unwrap();
    let study = carnet(&home)
        .args(["--deck"])
        .args([&path])
        .stdin("q\n")
        .run()
        .ok();
    assert!(
        study.contains("situation: Marie Curie, Paris\nquestion: Marie Curie"),
        "{study}"
    );
    let quiz = carnet(&home)
        .args(["quiz", "-n", "1", "--seed", "1", "--deck"])
        .args([&path])
        .stdin("1\n")
        .run()
        .ok();
    assert!(quiz.contains("(Marie Curie, Paris)"), "{quiz}");
    let json = cards_json(&home, &path);
    assert_eq!(json[0]["situation"], "Marie Curie, Paris");
}
