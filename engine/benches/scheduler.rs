//! One review step of carnet against rs-fsrs and fsrs-rs on identical inputs, and log replay.
//!
//! Run with `cargo bench -p carnet-engine --bench scheduler`; the ratios are printed at the end
//! from criterion's own estimates of this run.

#[path = "../tests/support/mod.rs"]
mod support;

use std::hint::black_box;
use std::path::PathBuf;

use carnet_engine::{
    CardId, CardState, DayClock, MemoryState, Rating, Scheduler, SchedulerConfig, SeededFuzz,
};
use chrono::{Duration, TimeZone, Utc};
use criterion::{BenchmarkId, Criterion, Throughput};

const BATCH: usize = 1024;

/// Review-phase inputs: (stability, difficulty, elapsed days), deterministic.
fn inputs() -> Vec<(f32, f32, u32)> {
    let mut rng = SeededFuzz::from_seed(42);
    use rand_core::Rng;
    (0..BATCH)
        .map(|_| {
            let u = |rng: &mut SeededFuzz| (rng.next_u32() >> 8) as f32 / (1 << 24) as f32;
            let s = 0.5 + u(&mut rng) * 300.0;
            let d = 1.0 + u(&mut rng) * 9.0;
            let t = 1 + (u(&mut rng) * s * 1.5) as u32;
            (s, d, t)
        })
        .collect()
}

fn output_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../target/criterion")
}

fn review_step(c: &mut Criterion) {
    let inputs = inputs();
    let mut group = c.benchmark_group("review_step");
    group.throughput(Throughput::Elements(BATCH as u64));

    let carnet = Scheduler::default();
    group.bench_function("carnet", |b| {
        b.iter(|| {
            for &(s, d, t) in &inputs {
                black_box(carnet.next_states(
                    Some(MemoryState {
                        stability: s,
                        difficulty: d,
                    }),
                    black_box(t),
                ));
            }
        })
    });

    let fsrs_rs = fsrs::FSRS::new(&fsrs::DEFAULT_PARAMETERS).unwrap();
    group.bench_function("fsrs-rs", |b| {
        b.iter(|| {
            for &(s, d, t) in &inputs {
                let m = fsrs::MemoryState {
                    stability: s,
                    difficulty: d,
                };
                black_box(fsrs_rs.next_states(Some(m), 0.9, black_box(t)).unwrap());
            }
        })
    });

    let rs = rs_fsrs::FSRS::new(rs_fsrs::Parameters {
        enable_fuzz: false,
        ..Default::default()
    });
    let now = Utc.with_ymd_and_hms(2024, 6, 1, 12, 0, 0).unwrap();
    let cards: Vec<rs_fsrs::Card> = inputs
        .iter()
        .map(|&(s, d, t)| rs_fsrs::Card {
            stability: s as f64,
            difficulty: d as f64,
            state: rs_fsrs::State::Review,
            reps: 3,
            last_review: now - Duration::days(t as i64),
            due: now,
            scheduled_days: t as i64,
            elapsed_days: t as i64,
            ..rs_fsrs::Card::new()
        })
        .collect();
    group.bench_function("rs-fsrs", |b| {
        b.iter(|| {
            for card in &cards {
                black_box(rs.repeat(card.clone(), now));
            }
        })
    });
    group.finish();
}

fn replay(c: &mut Criterion) {
    let mut group = c.benchmark_group("replay");
    let scheduler = Scheduler::new(SchedulerConfig::default()).unwrap();
    let clock = DayClock::default();

    // The josh log: card ids mapped to dense indices once, as a program does at load.
    let josh = support::josh_reviews();
    let mut ids: Vec<u64> = josh.iter().map(|r| r.card).collect();
    ids.sort_unstable();
    ids.dedup();
    let events: Vec<(u32, i64, Rating)> = josh
        .iter()
        .map(|r| {
            (
                ids.binary_search(&r.card).unwrap() as u32,
                r.time_ms / 1000,
                r.rating,
            )
        })
        .collect();
    let fold = |events: &[(u32, i64, Rating)], n: usize| {
        let mut states = vec![CardState::NEW; n];
        for &(i, t, rating) in events {
            let s = &mut states[i as usize];
            let elapsed = s
                .last_review()
                .map_or(0, |last| clock.elapsed_days(last, t));
            *s = scheduler.replay_step(s, CardId(i as u64), t, rating, elapsed);
        }
        states
    };
    group.throughput(Throughput::Elements(events.len() as u64));
    group.bench_function(BenchmarkId::new("josh", events.len()), |b| {
        b.iter(|| black_box(fold(&events, ids.len())))
    });

    // One million synthetic reviews over 20,000 cards, one every ~30 s.
    let mut rng = SeededFuzz::from_seed(9);
    use rand_core::Rng;
    let synthetic: Vec<(u32, i64, Rating)> = (0..1_000_000u32)
        .map(|k| {
            let card = rng.next_u32() % 20_000;
            let rating = Rating::from_u8(1 + (rng.next_u32() % 4) as u8).unwrap();
            (card, 1_600_000_000 + k as i64 * 30, rating)
        })
        .collect();
    group.throughput(Throughput::Elements(synthetic.len() as u64));
    group.sample_size(20);
    group.bench_function(BenchmarkId::new("synthetic", synthetic.len()), |b| {
        b.iter(|| black_box(fold(&synthetic, 20_000)))
    });
    group.finish();
}

fn mean_ns(group: &str, id: &str) -> Option<f64> {
    let path = output_dir().join(group).join(id).join("new/estimates.json");
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).ok()?).ok()?;
    json["mean"]["point_estimate"].as_f64()
}

fn main() {
    let mut c = Criterion::default()
        .output_directory(&output_dir())
        .configure_from_args();
    review_step(&mut c);
    replay(&mut c);
    c.final_summary();

    let per = |id: &str| mean_ns("review_step", id).map(|ns| ns / BATCH as f64);
    if let (Some(ours), Some(fsrs_rs), Some(rs)) = (per("carnet"), per("fsrs-rs"), per("rs-fsrs")) {
        println!("\nOne review step, all four outcomes (mean of this run):");
        println!("  carnet   {ours:8.1} ns  ({:.1} M steps/s)", 1e3 / ours);
        println!(
            "  fsrs-rs  {fsrs_rs:8.1} ns  carnet is {:.1}x faster",
            fsrs_rs / ours
        );
        println!("  rs-fsrs  {rs:8.1} ns  carnet is {:.1}x faster", rs / ours);
    }
    for (id, label) in [
        ("josh/12580", "josh log (12,580 reviews)"),
        ("synthetic/1000000", "1 M synthetic reviews"),
    ] {
        if let Some(ns) = mean_ns("replay", id) {
            println!("  replay of the {label}: {:.2} ms", ns / 1e6);
        }
    }
}
