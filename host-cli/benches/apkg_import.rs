//! Importing a large Anki package: `carnet import big.apkg -o big.deck` on a synthetic
//! collection of 50,000 cards (Basic notes, HTML fields) and 1,000,000 revlog rows (20 a
//! card: three learning steps, then reviews), schema 11 (`collection.anki21`, deflated).
//!
//! - `apkg_import/first`: into an empty store (every review appended).
//! - `apkg_import/again`: the same package a second time (every review already there).
//! - `after_import/whole_program`: the real executable started on the imported deck and its
//!   log (1,000,000 records), in line mode, until it exits after the first card (`q`):
//!   process start included. The target is under 100 ms.
//!
//! `CARNET_BENCH_DIR` keeps the package (to time `carnet import` by hand).
#![allow(missing_docs)]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use carnet::args::{CommonArgs, ImportArgs};
use criterion::{criterion_group, criterion_main, Criterion};

const CARDS: i64 = 50_000;
const REVIEWS_PER_CARD: i64 = 20;
/// 2024-01-01 09:00 UTC.
const START_MS: i64 = 1_704_099_600_000;
const DAY_MS: i64 = 86_400_000;
/// The session's clock after the import: 2025-03-01 12:00 UTC, after the last review.
const AFTER_SECS: i64 = 1_740_830_400;

fn bench_dir() -> (PathBuf, bool) {
    match std::env::var_os("CARNET_BENCH_DIR") {
        Some(d) => (PathBuf::from(d), true),
        None => (
            std::env::temp_dir().join(format!("carnet-apkg-bench-{}", std::process::id())),
            false,
        ),
    }
}

/// Writes the synthetic package at `path` (once: an existing one is kept).
fn make_package(dir: &Path, path: &Path) {
    if path.exists() {
        return;
    }
    let db_path = dir.join("big.anki21");
    let _ = std::fs::remove_file(&db_path);
    let db = rusqlite::Connection::open(&db_path).unwrap();
    db.execute_batch("pragma journal_mode = off; pragma synchronous = off;")
        .unwrap();
    db.execute_batch(include_str!("../../tests/anki/schema11.sql"))
        .unwrap();
    let models = serde_json::json!({"1700000000000": {
        "name": "Basic", "type": 0, "flds": [{"name": "Front"}, {"name": "Back"}],
        "tmpls": [{"name": "Card 1", "qfmt": "{{Front}}",
                   "afmt": "{{FrontSide}}\n\n<hr id=answer>\n\n{{Back}}"}]}});
    let decks =
        serde_json::json!({"1": {"name": "Default"}, "1700000000001": {"name": "Big::Sub"}});
    db.execute(
        "insert into col values (1, 0, 0, 0, 11, 0, 0, 0, '{}', ?1, ?2, '{}', '{}')",
        rusqlite::params![models.to_string(), decks.to_string()],
    )
    .unwrap();
    let tx = db.unchecked_transaction().unwrap();
    {
        let mut note = tx
            .prepare("insert into notes values (?1, ?2, 1700000000000, 0, 0, '', ?3, '', 0, 0, '')")
            .unwrap();
        let mut card = tx
            .prepare(
                "insert into cards values (?1, ?2, 1700000000001, 0, 0, 0, 2, 2, 0, 1, 2500, 0, \
                 0, 0, 0, 0, 0, '')",
            )
            .unwrap();
        let mut rev = tx
            .prepare("insert into revlog values (?1, ?2, 0, ?3, 1, 0, 2500, 5000, ?4)")
            .unwrap();
        for i in 0..CARDS {
            let nid = 1_600_000_000_000 + i;
            note.execute(rusqlite::params![
                nid,
                format!("g{i}"),
                format!(
                    "Question <b>{i}</b>&nbsp;: quelle est la capitale n° {i}&nbsp;?\x1fRéponse \
                     <i>{i}</i><br>(détail {i})"
                )
            ])
            .unwrap();
            let cid = 1_650_000_000_000 + i;
            card.execute(rusqlite::params![cid, nid]).unwrap();
            // The card's own millisecond offset (i < 600,000) keeps revlog ids unique: every
            // step below is a multiple of 10 minutes.
            let mut t = START_MS + (i % 30) * DAY_MS + i;
            let mut ivl = 1;
            for k in 0..REVIEWS_PER_CARD {
                let (ease, kind) = match k {
                    0..=2 => (3, 0),
                    k if k % 7 == 0 => (1, 1),
                    _ => (3, 1),
                };
                rev.execute(rusqlite::params![t, cid, ease, kind]).unwrap();
                t += if k < 2 {
                    600_000
                } else {
                    ivl = if ease == 1 { 1 } else { (ivl * 2).min(30) };
                    ivl * DAY_MS
                };
            }
        }
    }
    tx.commit().unwrap();
    drop(db);
    let bytes = std::fs::read(&db_path).unwrap();
    let mut zip = zip::ZipWriter::new(std::fs::File::create(path).unwrap());
    zip.start_file(
        "collection.anki21",
        zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated),
    )
    .unwrap();
    zip.write_all(&bytes).unwrap();
    zip.finish().unwrap();
    let _ = std::fs::remove_file(&db_path);
}

fn import(package: &Path, deck: &Path, data: &Path) {
    let common = CommonArgs {
        data_dir: Some(data.to_path_buf()),
        ..CommonArgs::default()
    };
    let args = ImportArgs {
        file: package.to_path_buf(),
        output: deck.to_path_buf(),
        name: None,
        identity_of: None,
    };
    carnet::commands::import::execute(&common, &args).unwrap();
}

fn bench(c: &mut Criterion) {
    let (dir, keep) = bench_dir();
    std::fs::create_dir_all(&dir).unwrap();
    let package = dir.join("big.apkg");
    make_package(&dir, &package);
    let mut group = c.benchmark_group("apkg_import");
    group.sample_size(10);
    let mut round = 0u32;
    group.bench_function("first", |b| {
        b.iter_batched(
            || {
                let _ = std::fs::remove_dir_all(dir.join(format!("data-{round}")));
                let _ = std::fs::remove_file(dir.join(format!("big-{round}.deck")));
                round += 1;
                let data = dir.join(format!("data-{round}"));
                let _ = std::fs::remove_dir_all(&data);
                (dir.join(format!("big-{round}.deck")), data)
            },
            |(deck, data)| import(&package, &deck, &data),
            criterion::BatchSize::PerIteration,
        )
    });
    let deck = dir.join("again.deck");
    let data = dir.join("data-again");
    let _ = std::fs::remove_dir_all(&data);
    import(&package, &deck, &data);
    group.bench_function("again", |b| b.iter(|| import(&package, &deck, &data)));
    group.finish();

    // The session on the imported deck (the import wrote the snapshot of the card states
    // beside the log, so the first session is as fast as the next ones); once to check it
    // runs, then measured.
    let study = || {
        let mut child = Command::new(env!("CARGO_BIN_EXE_carnet"))
            .args(["study", "--plain", "--deck"])
            .arg(&deck)
            .env("CARNET_DATA_DIR", &data)
            .env("CARNET_NOW", AFTER_SECS.to_string())
            .env("XDG_CONFIG_HOME", dir.join("config"))
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .spawn()
            .unwrap();
        child.stdin.take().unwrap().write_all(b"q\n").unwrap();
        assert!(child.wait().unwrap().success());
    };
    study();
    let mut after = c.benchmark_group("after_import");
    after.sample_size(20);
    after.bench_function("whole_program", |b| b.iter(study));
    after.finish();
    if !keep {
        let _ = std::fs::remove_dir_all(&dir);
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
