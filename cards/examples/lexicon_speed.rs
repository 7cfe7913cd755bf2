//! Measures the embedded lexicon: the table's size, the time to check it at first use, and
//! lookups per second on the corpus words (split on non-letters), repeated to `N` million
//! lookups (default 5): `cargo run -p carnet-cards --release --example lexicon_speed -- 5`.

use carnet_cards::lexicon::Lexicon;
use std::time::Instant;

fn main() {
    let millions: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(5);

    let start = Instant::now();
    let lexicon = Lexicon::try_get().expect("the embedded lexicon checks");
    let check = start.elapsed();
    println!(
        "table: {} bytes, {} forms, {} analyses, {} lemmas; checked at first use in {:.2} ms",
        lexicon.table_len(),
        lexicon.len(),
        lexicon.analysis_count(),
        lexicon.lemma_count(),
        check.as_secs_f64() * 1e3
    );
    // A second check, of a fresh copy, for a figure without first-touch page faults.
    let start = Instant::now();
    let again = Lexicon::parse(Lexicon::embedded_table()).expect("checks");
    println!("check again: {:.2} ms", start.elapsed().as_secs_f64() * 1e3);
    drop(again);

    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    let text: String = files
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect::<Vec<_>>()
        .join("\n");
    let words: Vec<&str> = text
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .collect();
    let word_bytes: usize = words.iter().map(|w| w.len() + 1).sum();
    let n = millions * 1_000_000;

    for (label, f) in [
        ("lookup + all analyses", 0),
        ("is_common_word", 1),
        ("pos_set", 2),
    ] {
        let start = Instant::now();
        let mut hits = 0usize;
        for w in words.iter().cycle().take(n) {
            hits += match f {
                0 => lexicon.lookup(w).map(|a| a.lemma.len()).sum::<usize>(),
                1 => usize::from(lexicon.contains(w)),
                _ => lexicon.pos_set(w).len(),
            };
        }
        let secs = start.elapsed().as_secs_f64();
        println!(
            "{label}: {n} lookups in {secs:.3} s = {:.2} M lookups/s ({:.0} MB/s of corpus text), checksum {hits}",
            n as f64 / secs / 1e6,
            n as f64 / words.len() as f64 * word_bytes as f64 / secs / 1e6,
        );
    }
    let found = words.iter().filter(|w| lexicon.contains(w)).count();
    println!(
        "{} corpus words, {} found ({:.1} %)",
        words.len(),
        found,
        100.0 * found as f64 / words.len() as f64
    );
}
