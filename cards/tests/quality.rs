//! Quality gates on the bundled corpus and on our own small documents in the same four
//! formats (the generator must not be tuned to the corpus).

use carnet_cards::{CardKind, GeneratedCard, GeneratedDeck};
use std::path::{Path, PathBuf};

fn files(dir: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
    let mut v: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| !p.file_name().unwrap().to_string_lossy().starts_with('.'))
        .collect();
    v.sort();
    v
}

fn corpus() -> GeneratedDeck {
    carnet_cards::generate(&files("corpus"), &mut |_| {}).unwrap()
}

fn own() -> GeneratedDeck {
    carnet_cards::generate(&files("tests/data"), &mut |_| {}).unwrap()
}

fn texts(c: &GeneratedCard) -> Vec<&str> {
    let mut v = vec![c.prompt.as_str(), c.answer.as_str(), c.context.as_str()];
    v.extend(c.distractors.iter().map(String::as_str));
    v
}

/// Markup, OCR and diff debris that must never reach a card.
const DEBRIS: &[&str] = &[
    "[[",
    "]]",
    "''",
    "&nbsp;",
    "&amp;",
    "<ref",
    "</",
    "<sup",
    "<blockquote",
    "^[",
    "](#)",
    "](",
    "\u{2212}",
    "Ligne ",
    "Aller à la navigation",
    "Menu de navigation",
    "Leave a Reply",
    "Partager",
    "aucun résumé",
    "Modifications",
    "{{",
    "}}",
    "\u{a0}",
    "\u{202f}",
    "’",
    " i l ",
    "==",
    "Fonds A.R.A.M",
    "**",
    "Outils personnels",
    "Publié le",
];

fn check_debris(deck: &GeneratedDeck) {
    for c in &deck.cards {
        for t in texts(c) {
            for d in DEBRIS {
                assert!(!t.contains(d), "debris {d:?} in card {c:#?}");
            }
            // A word broken by a hyphen or a dash across a line: `commu– nications`.
            let chars: Vec<char> = t.chars().collect();
            for w in chars.windows(3) {
                assert!(
                    !(w[0].is_alphabetic() && matches!(w[1], '–' | '-' | '¬') && w[2] == ' '),
                    "broken word in {t:?}"
                );
                assert!(
                    !(w[0].is_alphabetic() && w[1] == '–' && w[2].is_lowercase()),
                    "dash inside a word in {t:?}"
                );
            }
            // A footnote number glued to a word (`Daghestan32`, `Daghestan(32)`).
            for w in chars.windows(2) {
                assert!(
                    !(w[0].is_lowercase() && w[1].is_ascii_digit()),
                    "number glued to a word in {t:?}"
                );
            }
            assert!(
                !t.contains("(32)") && !t.contains("(4)"),
                "footnote call in {t:?}"
            );
            assert!(!t.contains("  "), "double space in {t:?}");
        }
    }
}

fn check_shape(deck: &GeneratedDeck) {
    let mut ids = std::collections::HashSet::new();
    let mut prompts = std::collections::HashSet::new();
    for c in &deck.cards {
        assert!(ids.insert(c.key()), "duplicate card key {c:#?}");
        assert!(prompts.insert(c.prompt.clone()), "duplicate prompt {c:#?}");
        assert!(
            c.context.contains(&c.answer),
            "answer not in its sentence: {c:#?}"
        );
        assert!(!c.answer.trim().is_empty());
        match c.kind {
            CardKind::Cloze => {
                assert_eq!(c.prompt.matches("[...]").count(), 1, "{c:#?}");
                assert!(
                    !c.prompt.contains(&c.answer),
                    "cloze gives its answer away: {c:#?}"
                );
            }
            CardKind::QuestionAnswer | CardKind::MultipleChoice => {
                assert!(c.prompt.ends_with(" ?"), "question without '?': {c:#?}");
                assert!(c.prompt.starts_with(char::is_uppercase), "{c:#?}");
            }
        }
        if c.kind == CardKind::MultipleChoice {
            assert_eq!(c.distractors.len(), 3, "{c:#?}");
        }
        if !c.distractors.is_empty() {
            assert_eq!(c.distractors.len(), 3);
            let mut all: Vec<&str> = c.distractors.iter().map(String::as_str).collect();
            all.push(&c.answer);
            all.sort_unstable();
            all.dedup();
            assert_eq!(all.len(), 4, "distractors repeat the answer: {c:#?}");
        }
        assert!((c.document as usize) < deck.documents.len());
        assert!(c.line >= 1);
    }
}

/// The line of every card's source holds the beginning of its sentence.
fn check_sources(deck: &GeneratedDeck, paths: &[PathBuf]) {
    for c in &deck.cards {
        let text = std::fs::read_to_string(&paths[c.document as usize]).unwrap();
        let line = text
            .lines()
            .nth(c.line as usize - 1)
            .unwrap_or_else(|| panic!("no line {} for {c:#?}", c.line));
        let line = carnet_cards::typography::fold(&carnet_cards::typography::normalize(line));
        let first_word: String = c
            .context
            .split(|ch: char| !ch.is_alphanumeric())
            .find(|w| w.chars().count() >= 2)
            .unwrap()
            .to_string();
        assert!(
            line.contains(&carnet_cards::typography::fold(&first_word)),
            "line {} of document {} does not hold {first_word:?}: {c:#?}",
            c.line,
            c.document
        );
    }
}

#[test]
fn corpus_cards_are_clean() {
    let deck = corpus();
    assert!(deck.cards.len() >= 30, "only {} cards", deck.cards.len());
    check_debris(&deck);
    check_shape(&deck);
    check_sources(&deck, &files("corpus"));
}

#[test]
fn own_documents_cards_are_clean() {
    let deck = own();
    assert!(deck.cards.len() >= 15, "only {} cards", deck.cards.len());
    check_debris(&deck);
    check_shape(&deck);
    check_sources(&deck, &files("tests/data"));
}

#[test]
fn every_document_gives_cards() {
    for deck in [corpus(), own()] {
        for i in 0..deck.documents.len() {
            let n = deck
                .cards
                .iter()
                .filter(|c| c.document as usize == i)
                .count();
            assert!(
                n >= 3,
                "document {} gives {n} cards",
                deck.documents[i].name
            );
        }
    }
}

#[test]
fn old_versions_of_the_diff_never_show() {
    // Text that only the old (−) side of the corpus diff holds.
    let old_only = [
        "socialistes conciliateurs",
        "points tratégiques de Petrograd",
        "conduite par Kamenev",
        "dirigé par les mencheviks",
        "Certains SR de gauche entreront",
        "[qui préside] lut la liste des Commissaires du Peuple des applaudissements éclatèrent coup sur coup, après chaque nom, et particulièrement après ceux de Lenine et de Trotsky » . Soukhanov",
    ];
    let deck = corpus();
    for c in &deck.cards {
        for t in texts(c) {
            for o in old_only {
                assert!(!t.contains(o), "old diff text {o:?} in {c:#?}");
            }
        }
    }
    let own = own();
    for c in &own.cards {
        for t in texts(c) {
            assert!(
                !t.contains("Paul Martin")
                    && !t.contains("Musée des Confluences")
                    && !t.contains("mal connus"),
                "{c:#?}"
            );
        }
    }
}

#[test]
fn the_same_fact_twice_is_one_card() {
    // The diff shows unchanged paragraphs twice; two documents name the Sovnarkom.
    let deck = corpus();
    let sovnarkom_alias = deck
        .cards
        .iter()
        .filter(|c| c.answer == "Sovnarkom" && c.fact_type == carnet_cards::facts::FactType::Alias)
        .count();
    assert!(sovnarkom_alias <= 1);
    let mut contexts: Vec<(&str, &str)> = deck
        .cards
        .iter()
        .map(|c| (c.context.as_str(), c.answer.as_str()))
        .collect();
    let n = contexts.len();
    contexts.sort_unstable();
    contexts.dedup();
    assert_eq!(
        contexts.len(),
        n,
        "the same answer asked twice from one sentence"
    );
}

#[test]
fn expected_cards_on_our_documents() {
    let deck = own();
    let has = |prompt_part: &str, answer: &str| {
        deck.cards
            .iter()
            .any(|c| c.prompt.contains(prompt_part) && c.answer == answer)
    };
    assert!(has(
        "Qui présidait le Comité central de la Garde nationale",
        "Édouard Moreau"
    ));
    assert!(has("Qui a fondé le club cycliste de Lyon", "Jean Perrin"));
    assert!(has(
        "Quand la Fédération française de cyclisme fut-elle créée",
        "12 février 1881"
    ));
    assert!(has(
        "Qui était Jean Perrin",
        "un horloger de la Croix-Rousse"
    ));
    assert!(has("Qui dirigeait l'Auto", "Henri Desgrange"));
    assert!(has("spectateurs", "20 000"));
    assert!(has("Quand Jules Verne est-il né", "8 février 1828"));
    assert!(has("Où Jules Verne est-il mort", "Amiens"));
    assert!(has("Qui est Jules Verne", "un écrivain français"));
    assert!(has(
        "Qui a inauguré le pont Jacques-Chaban-Delmas",
        "François Hollande"
    ));
    assert!(has("Qui était le maire de Bordeaux", "Alain Juppé"));
    assert!(has("Qui commandait le Nautilus", "Nemo"));
}

#[test]
fn expected_cards_on_the_corpus() {
    let deck = corpus();
    let has = |prompt_part: &str, answer: &str| {
        deck.cards
            .iter()
            .any(|c| c.prompt.contains(prompt_part) && c.answer == answer)
    };
    assert!(has(
        "Qui présidait le Comité militaro-révolutionnaire",
        "Pavel Lazimir"
    ));
    assert!(has("Qui commandait les troupes de Poulkovo", "Walden"));
    assert!(has("Qui était Ouliantzev", "un matelot de Cronstadt"));
    assert!(has(
        "connaît-on le Comité Révolutionnaire militaire",
        "Milrevcom"
    ));
    assert!(has("[...]", "649"));
    assert!(has(
        "Qui était chargé de la Justice dans le Sovnarkom",
        "N. Narimanov"
    ));
    assert!(has(
        "Quand le CMR fut-il officiellement dissous",
        "5 (18) décembre 1917"
    ));
}

#[test]
fn cards_fit_the_handheld() {
    for deck in [corpus(), own()] {
        let lines: Vec<usize> = deck.cards.iter().map(GeneratedCard::total_lines).collect();
        let long = lines.iter().filter(|&&l| l > 10).count();
        assert!(
            long * 10 <= lines.len(),
            "{long} of {} cards need more than 10 lines",
            lines.len()
        );
        assert!(
            lines.iter().all(|&l| l <= 20),
            "a card needs {} lines",
            lines.iter().max().unwrap()
        );
    }
}

#[test]
fn report_has_figures_and_a_sample() {
    let deck = corpus();
    let text = carnet_cards::report::render(&deck, 20, 7);
    assert!(text.contains("## Per document"));
    assert!(text.contains("## Per fact type"));
    assert!(text.contains("## 20 random cards"));
    assert_eq!(
        text,
        carnet_cards::report::render(&deck, 20, 7),
        "the sample is deterministic"
    );
}

#[test]
fn generation_is_deterministic() {
    assert_eq!(corpus(), corpus());
}
