//! Times one generation on the corpus repeated to `N` megabytes (default 10) and prints
//! MB/s; `cargo run --release --example throughput -- 20` for the memory check.

fn main() {
    let mb: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(10);
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.retain(|p| p.extension().is_some_and(|e| e == "txt"));
    files.sort();
    let texts: Vec<String> = files
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect();
    let mut docs = Vec::new();
    let mut bytes = 0;
    let mut copy = 0;
    while bytes < mb * 1024 * 1024 {
        for t in &texts {
            docs.push((format!("{copy}-{}", docs.len()), t.clone()));
            bytes += t.len();
        }
        copy += 1;
    }
    let start = std::time::Instant::now();
    let deck = carnet_cards::generate_from_texts(&docs).unwrap();
    let secs = start.elapsed().as_secs_f64();
    println!(
        "{} bytes, {} documents, {} cards, {:.2} s, {:.1} MB/s",
        bytes,
        docs.len(),
        deck.cards.len(),
        secs,
        bytes as f64 / secs / 1e6
    );
}
