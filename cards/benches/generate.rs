//! Generation throughput on the bundled corpus repeated to more than 10 MB.
//!
//! Each copy is its own document (as a corpus of many files would be), so every stage runs
//! on the whole volume: cleaning, sentences, the lexicon, facts, cards, de-duplication.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::path::Path;

const TARGET_BYTES: usize = 10 * 1024 * 1024;

fn corpus_repeated() -> Vec<(String, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    let texts: Vec<(String, String)> = files
        .iter()
        .map(|p| {
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                std::fs::read_to_string(p).unwrap(),
            )
        })
        .collect();
    let mut out = Vec::new();
    let mut bytes = 0;
    let mut copy = 0;
    while bytes < TARGET_BYTES {
        for (name, text) in &texts {
            out.push((format!("{copy}-{name}"), text.clone()));
            bytes += text.len();
        }
        copy += 1;
    }
    out
}

fn generate(c: &mut Criterion) {
    let docs = corpus_repeated();
    let bytes: usize = docs.iter().map(|(_, t)| t.len()).sum();
    let mut group = c.benchmark_group("generate");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("corpus x10MB", |b| {
        b.iter(|| {
            carnet_cards::generate_from_texts(&docs)
                .unwrap()
                .cards
                .len()
        })
    });
    group.finish();
}

criterion_group!(benches, generate);
criterion_main!(benches);
