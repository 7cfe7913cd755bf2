//! Generation throughput and how it grows with the corpus.
//!
//! - `generate/corpus x10MB`: the bundled corpus repeated to more than 10 MB, each copy its
//!   own document (as a corpus of many files would be), so every stage runs on the whole
//!   volume: cleaning, sentences, the lexicon, facts, cards, de-duplication.
//! - `scaling/N documents`: 100, 200 and 400 documents taken in turn from the corpus and the
//!   development documents of `cards/eval/documents/` (four raw formats, several topics): the
//!   time must grow linearly (400 documents in at most 4× the time of 100).

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::path::Path;

const TARGET_BYTES: usize = 10 * 1024 * 1024;

fn texts_in(dir: &Path, only_txt: bool) -> Vec<(String, String)> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| !only_txt || p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    files
        .iter()
        .map(|p| {
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                std::fs::read_to_string(p).unwrap(),
            )
        })
        .collect()
}

/// Copies of `texts` in turn, renamed, until `enough(count, bytes)`.
fn repeated(
    texts: &[(String, String)],
    enough: impl Fn(usize, usize) -> bool,
) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut bytes = 0;
    for copy in 0.. {
        for (name, text) in texts {
            if enough(out.len(), bytes) {
                return out;
            }
            out.push((format!("{copy}-{name}"), text.clone()));
            bytes += text.len();
        }
    }
    out
}

fn generate(c: &mut Criterion) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let corpus = texts_in(&root.join("corpus"), true);
    let docs = repeated(&corpus, |_, bytes| bytes >= TARGET_BYTES);
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

    let mut mixed = corpus;
    mixed.extend(texts_in(&root.join("eval/documents"), false));
    let mut scaling = c.benchmark_group("scaling");
    scaling.sample_size(10);
    for n in [100usize, 200, 400] {
        let docs = repeated(&mixed, |count, _| count >= n);
        let bytes: usize = docs.iter().map(|(_, t)| t.len()).sum();
        scaling.throughput(Throughput::Bytes(bytes as u64));
        scaling.bench_function(format!("{n} documents"), |b| {
            b.iter(|| {
                carnet_cards::generate_from_texts(&docs)
                    .unwrap()
                    .cards
                    .len()
            })
        });
    }
    scaling.finish();
}

criterion_group!(benches, generate);
criterion_main!(benches);
