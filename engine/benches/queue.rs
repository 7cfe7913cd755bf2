//! Building today's queue over a million cards.

use std::hint::black_box;

use carnet_engine::{
    CardState, DayClock, Queue, QueueLimits, Rating, Scheduler, SeededFuzz, StudiedToday,
};
use criterion::{criterion_group, criterion_main, Criterion};
use rand_core::Rng;

fn queue(c: &mut Criterion) {
    const NOW: i64 = 1_700_000_000;
    let scheduler = Scheduler::default();
    let mut rng = SeededFuzz::from_seed(3);
    // 30 % new, 10 % learning, 60 % in review with last reviews spread over a year.
    let states: Vec<CardState> = (0..1_000_000u32)
        .map(|_| match rng.next_u32() % 10 {
            0..=2 => CardState::NEW,
            3 => scheduler.review(&CardState::NEW, Rating::Good, NOW - 300, 0, &mut rng),
            _ => {
                let t = NOW - (rng.next_u32() % (365 * 86_400)) as i64;
                scheduler.review(&CardState::NEW, Rating::Easy, t, 0, &mut rng)
            }
        })
        .collect();
    let clock = DayClock::default();
    let limits = QueueLimits::default();
    let mut buf = vec![0u32; states.len()];
    c.bench_function("queue_build_1M_cards", |b| {
        b.iter(|| {
            let q = Queue::build(
                &states,
                NOW,
                &clock,
                &limits,
                StudiedToday::default(),
                &mut buf,
            );
            black_box(q.counts());
        })
    });

    // After each grade a session needs only the head of the queue. With every review due and
    // no daily limit in the way (73,375 and 146,750 cards due), `build` sorts them all;
    // `first` is one pass: both sizes show how each grows.
    let unlimited = QueueLimits {
        new_per_day: 20,
        reviews_per_day: u32::MAX,
        learn_ahead_secs: 1200,
    };
    let mut group = c.benchmark_group("queue_per_grade");
    for due in [73_375usize, 146_750] {
        let states: Vec<CardState> = (0..due)
            .map(|i| {
                let t = NOW - 400 * 86_400 + (i as i64 % 1000) * 60;
                let s = scheduler.review(&CardState::NEW, Rating::Good, t, 0, &mut rng);
                scheduler.review(&s, Rating::Easy, NOW - 300 * 86_400, 1, &mut rng)
            })
            .collect();
        let mut buf = vec![0u32; states.len()];
        group.bench_function(format!("build_and_sort/{due}_due"), |b| {
            b.iter(|| {
                let q = Queue::build(
                    &states,
                    NOW,
                    &clock,
                    &unlimited,
                    StudiedToday::default(),
                    &mut buf,
                );
                black_box(q.next());
            })
        });
        group.bench_function(format!("first/{due}_due"), |b| {
            b.iter(|| {
                black_box(Queue::first(
                    &states,
                    NOW,
                    &clock,
                    &unlimited,
                    StudiedToday::default(),
                ))
            })
        });
    }
    group.finish();
}

criterion_group!(benches, queue);
criterion_main!(benches);
