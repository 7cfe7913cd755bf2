//! Start-up and grading costs of `carnet`.
//!
//! - `first_card/in_process`: from reading a 10,000-card deck file and its 100,000-review log
//!   (lock, read, replay every card) to the first card with its four outcomes;
//!   `first_card_100k/in_process`: the same with 100,000 cards and 1,000,000 reviews.
//! - `first_card/whole_program`: the real executable started on the same deck and log, in
//!   line mode, until it exits after the first card (`q`): process start included.
//! - `grade/append_fsync`: one review record written and `fsync`ed.
#![allow(missing_docs)]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use carnet::clock::Clock;
use carnet::deck_file::{DeckFile, DeckSource};
use carnet::session::{Session, SessionRules};
use carnet::store::ReviewStore;
use carnet_engine::deck::{encode, DeckId};
use carnet_engine::review_log::{encode_frame, LogEntry, Review, MAX_FRAME_LEN};
use carnet_engine::{
    AnswerKind, Card, CardId, CardKind, DayClock, QueueLimits, Rating, Scheduler, Source,
};
use criterion::{criterion_group, criterion_main, Criterion};

const CARDS: usize = 10_000;
/// The large collection of the start-up target (first card under 100 ms).
const LARGE_CARDS: usize = 100_000;
const REVIEWS_PER_CARD: usize = 10;
/// 2024-03-29 08:00 UTC.
const NOW_MS: i64 = 1_711_699_200_000;

/// The fixtures' folder: `CARNET_BENCH_DIR` (kept afterwards, to time the program by hand),
/// else a temporary one.
fn bench_dir() -> (PathBuf, bool) {
    let (dir, keep) = match std::env::var_os("CARNET_BENCH_DIR") {
        Some(d) => (PathBuf::from(d), true),
        None => (
            std::env::temp_dir().join(format!("carnet-bench-{}", std::process::id())),
            false,
        ),
    };
    std::fs::create_dir_all(&dir).unwrap();
    (dir, keep)
}

/// A deck of `cards` cards and a log of ten reviews a card over the year before `NOW_MS`,
/// the log where carnet keeps it for that deck (`DATA/<deck id>.revlog`).
fn fixtures(dir: &Path, cards_n: usize) -> (PathBuf, PathBuf) {
    let count = cards_n;
    let prompts: Vec<String> = (0..count)
        .map(|i| format!("Question numéro {i} sur la Commune de Bakou ?"))
        .collect();
    let answers: Vec<String> = (0..count).map(|i| format!("Réponse {i}")).collect();
    let context =
        "Une phrase source d'une longueur ordinaire, comme celles que le générateur garde.";
    let cards: Vec<Card<'_>> = (0..count)
        .map(|i| Card {
            id: CardId::from_key(&prompts[i]),
            kind: CardKind::QuestionAnswer,
            answer_kind: AnswerKind::Other,
            prompt: &prompts[i],
            answer: &answers[i],
            distractors: ["Autre 1", "Autre 2", ""],
            context,
            source: Source {
                document: 0,
                line: i as u32 + 1,
            },
            situation: "",
        })
        .collect();
    let deck_path = dir.join(format!("bench-{count}.deck"));
    std::fs::write(
        &deck_path,
        encode(
            DeckId(0xbe_4c + count as u128),
            "Bench",
            &["corpus.txt"],
            &cards,
        )
        .unwrap(),
    )
    .unwrap();
    let mut log = Vec::with_capacity(count * REVIEWS_PER_CARD * 24);
    let mut frame = [0u8; MAX_FRAME_LEN];
    let day = 86_400_000i64;
    for (i, card) in cards.iter().enumerate() {
        let mut t = NOW_MS - 365 * day + (i as i64 % 200) * day;
        for k in 0..REVIEWS_PER_CARD {
            let rating = if (i + k) % 7 == 0 {
                Rating::Again
            } else {
                Rating::Good
            };
            let n = encode_frame(
                &LogEntry::Review(Review {
                    card: card.id,
                    time_ms: t,
                    rating,
                    duration_ms: 4000,
                }),
                &mut frame,
            );
            log.extend_from_slice(&frame[..n]);
            t += [600_000, day, 3 * day, 7 * day, 15 * day][k % 5];
        }
    }
    let data = dir.join("data");
    std::fs::create_dir_all(&data).unwrap();
    let log_path = data.join(format!("{}.revlog", DeckId(0xbe_4c + count as u128)));
    std::fs::write(&log_path, &log).unwrap();
    (deck_path, log_path)
}

/// What `carnet study` does up to its first card: read the deck, check it while its log is
/// read (from the log's snapshot once the first start has written one), build the session.
fn first_card(deck_path: &Path, log_path: &Path) -> usize {
    let file = DeckFile::load(&DeckSource::File(deck_path.to_path_buf())).unwrap();
    let rules = SessionRules {
        scheduler: Scheduler::default(),
        day_clock: DayClock::default(),
        limits: QueueLimits::default(),
        clock: Clock::starting_at(NOW_MS),
    };
    let data_dir = log_path.parent().unwrap();
    let (deck, store, history) = carnet::commands::study::open(&file, data_dir, &rules).unwrap();
    let mut session = Session::with_history(&deck, store, history, rules);
    session.card_to_show().map(|s| s.index).unwrap()
}

fn benches(c: &mut Criterion) {
    let (dir, keep) = bench_dir();
    let (deck_path, log_path) = fixtures(&dir, CARDS);
    let mut group = c.benchmark_group("first_card");
    group.sample_size(30);
    group.bench_function("in_process", |b| {
        b.iter(|| first_card(&deck_path, &log_path))
    });
    group.bench_function("whole_program", |b| {
        b.iter(|| {
            let mut child = Command::new(env!("CARGO_BIN_EXE_carnet"))
                .args(["study", "--plain", "--deck"])
                .arg(&deck_path)
                .env("CARNET_DATA_DIR", dir.join("data"))
                .env("CARNET_NOW", (NOW_MS / 1000).to_string())
                .env("XDG_CONFIG_HOME", dir.join("config"))
                .stdin(Stdio::piped())
                .stdout(Stdio::null())
                .spawn()
                .unwrap();
            child.stdin.take().unwrap().write_all(b"q\n").unwrap();
            assert!(child.wait().unwrap().success());
        })
    });
    group.finish();

    // 100,000 cards and 1,000,000 reviews: the target is a first card under 100 ms.
    let (large_deck, large_log) = fixtures(&dir, LARGE_CARDS);
    let mut large = c.benchmark_group("first_card_100k");
    large.sample_size(10);
    large.bench_function("in_process", |b| {
        b.iter(|| first_card(&large_deck, &large_log))
    });
    large.finish();

    let grade_log = dir.join("grade.revlog");
    let (mut store, _) = ReviewStore::open(&grade_log).unwrap();
    let mut t = NOW_MS;
    c.bench_function("grade/append_fsync", |b| {
        b.iter(|| {
            t += 1000;
            store
                .append(&LogEntry::Review(Review {
                    card: CardId(42),
                    time_ms: t,
                    rating: Rating::Good,
                    duration_ms: 3000,
                }))
                .unwrap();
        })
    });
    drop(store);
    let _ = std::fs::remove_file(&grade_log);

    // Start-up's count of what was studied today, for one card reviewed many times today and
    // for syncing's compaction of a log full of undos: both must grow linearly.
    let mut growth = c.benchmark_group("growth");
    growth.sample_size(10);
    for n in [10_000usize, 20_000] {
        let entries: Vec<LogEntry> = (0..n)
            .map(|i| {
                LogEntry::Review(Review {
                    card: CardId(7),
                    time_ms: NOW_MS - 3_600_000 + i as i64 * 100,
                    rating: Rating::Good,
                    duration_ms: 1000,
                })
            })
            .collect();
        let history = carnet::history::History::from_entries(&entries);
        let scheduler = Scheduler::default();
        let clock = DayClock::default();
        growth.bench_function(format!("studied_today/{n}_same_day_reviews"), |b| {
            b.iter(|| history.studied_today(NOW_MS / 1000, &scheduler, &clock))
        });
    }
    // Sync's compaction of a history with as many undos as reviews.
    for n in [5_000usize, 10_000] {
        let mut entries = Vec::with_capacity(2 * n);
        for i in 0..n {
            let review = Review {
                card: CardId(i as u64 % 50),
                time_ms: NOW_MS - 3_600_000 + i as i64 * 100,
                rating: Rating::Good,
                duration_ms: 1000,
            };
            entries.push(LogEntry::Review(review));
            entries.push(LogEntry::Undo {
                card: review.card,
                review_time_ms: review.time_ms,
            });
        }
        growth.bench_function(format!("sync_compact/{n}_undos"), |b| {
            b.iter(|| carnet::commands::sync::compact(entries.iter().copied()).len())
        });
    }
    growth.finish();
    if !keep {
        let _ = std::fs::remove_dir_all(&dir);
    }
}

criterion_group!(startup, benches);
criterion_main!(startup);
