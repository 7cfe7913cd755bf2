//! Recall of the key facts that people listed for each document (`cards/eval/`), written
//! before the generator was tuned on them: the bundled corpus, the development documents of
//! other topics, and the held-out documents (kept out of the development loop). Prints the
//! figures per document; fails below the floors, which only ever go up.

use std::path::{Path, PathBuf};

use carnet_cards::recall::{measure, parse_facts, render, total, DocumentRecall, KeyFact};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Every document of `docs` with its fact list from `facts`.
fn set(docs: &Path, facts: &Path) -> (Vec<PathBuf>, Vec<(String, Vec<KeyFact>)>) {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(docs)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file() && !p.file_name().unwrap().to_string_lossy().starts_with('.'))
        .collect();
    paths.sort();
    let lists = paths
        .iter()
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            let tsv = facts.join(format!("{name}.tsv"));
            let text =
                std::fs::read_to_string(&tsv).unwrap_or_else(|e| panic!("{}: {e}", tsv.display()));
            let facts = parse_facts(&text).unwrap_or_else(|e| panic!("{}: {e}", tsv.display()));
            (name, facts)
        })
        .collect();
    (paths, lists)
}

fn recall_of(docs: &Path, facts: &Path, what: &str) -> (Vec<DocumentRecall>, f64) {
    let (paths, lists) = set(docs, facts);
    let deck = carnet_cards::generate(&paths, &mut |_| {}).unwrap();
    let recall = measure(&lists, &deck);
    let (n, covered) = total(&recall);
    println!(
        "{what}: {} cards, recall {covered}/{n}\n{}",
        deck.cards.len(),
        render(&recall)
    );
    (recall, covered as f64 / n as f64)
}

/// The floors: today's figures (2026-12-01, before the generator's rebuild), raised as it
/// improves. The goals are 90 % on the corpus and 70 % on unseen texts. The corpus
/// floor went down once, from 0.26 to 0.24 (2026-12-02): the verdicts removed the cards
/// that covered three facts, each judged bad by the blind review (« l'Ispolkom », which
/// nothing explains; « à [...] » for Smolny, where Petrograd fits too). Raised the same day
/// to what the generator then reached (28 of 106, 75 of 228, 19 of 110), and again that
/// evening (30 of 106, 92 of 228, 20 of 110), and again on 2026-12-02 late (31 of 106,
/// 101 of 228, 20 of 110); the corpus's went back to 0.28 at once (30 of 106): the three
/// cards of « le Sovnarkom était responsable devant la CEC / VTsIK », which two blind
/// reviewers failed (neither acronym is spelled out anywhere), are refused; and the held-out
/// one to 0.17 (19 of 110): « y » pointing back is refused, and the one held-out card that
/// covered a fact with it (« Quand le tableau y est-il volé ? », failed by its reviewers)
/// went with it.
/// Raised on 2026-12-03 to 0.30 (33 of 106 measured).
const CORPUS_FLOOR: f64 = 0.30;
/// The development floor went from 0.44 to 0.37 on 2026-12-02 when four documents written
/// that day by a helper joined the eight (121 of 316; the four new ones alone: 12 of 88),
/// then 120 when « C'est lui qui, le [...], consacra … », which pointed back, was refused.
/// Raised on 2026-12-03 to 0.39 (129 of 316 measured). Set to 0.35 the same day when the
/// four documents of the first unseen set (written 2026-12-02, measured at 14 of 88 while
/// unseen) joined the development documents: 142 of 404; then 0.34 (139 of 404) when the
/// cards their blind review failed went (a possessive that points back, a gap in a list of
/// examples, a clause with its verb cut off), three of which covered a fact. Set to 0.30 on
/// 2026-12-03 (second session) when the four novel documents (15 of 96 while never read)
/// joined them: 155 of 500. Left at 0.30 on 2026-12-03 (third session) when the four unread
/// documents (12 of 96 while never read) joined them in turn: 181 of 596.
const DEVELOPMENT_FLOOR: f64 = 0.30;
/// Raised on 2026-12-03 to 0.20 (23 of 110 measured).
const HELD_OUT_FLOOR: f64 = 0.20;
/// The untouched documents (`eval/untouched`), written on 2026-12-03 by a helper that never
/// saw the generator, after the unread set joined the development documents: measured, never
/// read, never tuned on. First measured on 2026-12-03 with the generator of that session's
/// start: 29 of 96 (30 %); the floor guards against a collapse.
const UNTOUCHED_FLOOR: f64 = 0.25;

/// The fresh documents (`eval/fresh`), written on 2026-12-03 by a helper that never saw the
/// generator, and measured once at the end of that session's work (never read, never tuned
/// on): 25 of 96 (26 %) on 2026-12-03; the floor guards against a collapse.
const FRESH_FLOOR: f64 = 0.24;

#[test]
fn recall_on_the_bundled_corpus() {
    let (_, ratio) = recall_of(&root().join("corpus"), &root().join("eval/facts"), "corpus");
    assert!(
        ratio >= CORPUS_FLOOR,
        "corpus recall {ratio:.3} < {CORPUS_FLOOR}"
    );
}

#[test]
fn recall_on_documents_of_other_topics() {
    let (_, ratio) = recall_of(
        &root().join("eval/documents"),
        &root().join("eval/facts"),
        "development documents",
    );
    assert!(
        ratio >= DEVELOPMENT_FLOOR,
        "development recall {ratio:.3} < {DEVELOPMENT_FLOOR}"
    );
}

/// The held-out documents: measured, never tuned on; the figure is reported, with a floor
/// below today's figure (21 %) that guards against a collapse.
#[test]
fn recall_on_held_out_documents() {
    let (_, ratio) = recall_of(
        &root().join("eval/heldout/documents"),
        &root().join("eval/heldout/facts"),
        "held-out documents",
    );
    assert!(
        ratio >= HELD_OUT_FLOOR,
        "held-out recall {ratio:.3} < {HELD_OUT_FLOOR}"
    );
}

/// The untouched documents (`eval/untouched`, written by a helper that never saw the
/// generator): measured, never tuned on, as the held-out ones.
#[test]
fn recall_on_untouched_documents() {
    let (_, ratio) = recall_of(
        &root().join("eval/untouched/documents"),
        &root().join("eval/untouched/facts"),
        "untouched documents",
    );
    assert!(
        ratio >= UNTOUCHED_FLOOR,
        "untouched recall {ratio:.3} < {UNTOUCHED_FLOOR}"
    );
}

/// Lists the facts without a card (`cargo test -p carnet-cards --test recall missed -- --ignored --nocapture`).
#[test]
#[ignore = "a listing for developers, not a check"]
fn missed_facts() {
    for (docs, facts) in [
        (root().join("corpus"), root().join("eval/facts")),
        (root().join("eval/documents"), root().join("eval/facts")),
    ] {
        let (recall, _) = recall_of(&docs, &facts, &docs.display().to_string());
        for r in recall {
            println!("{}: {}", r.document, r.missed.join(", "));
        }
    }
}

/// The fresh documents (`eval/fresh`): measured, never tuned on, as the held-out ones.
#[test]
fn recall_on_fresh_documents() {
    let (_, ratio) = recall_of(
        &root().join("eval/fresh/documents"),
        &root().join("eval/fresh/facts"),
        "fresh documents",
    );
    assert!(
        ratio >= FRESH_FLOOR,
        "fresh recall {ratio:.3} < {FRESH_FLOOR}"
    );
}
