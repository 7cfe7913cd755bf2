//! Training on the josh log (carnet against fsrs-rs on the same items) and on 1 M synthetic
//! reviews; the retention simulation of 10,000 cards over a year (one retention, and the
//! sweep of 28 that `carnet optimize` shows).

use criterion::{criterion_group, criterion_main, BatchSize, Criterion};

use carnet_optimizer::{optimize, TrainingConfig};

#[path = "../tests/support/mod.rs"]
mod support;

fn josh(c: &mut Criterion) {
    let dataset = support::josh_dataset();
    let targets = dataset.targets();
    let (items, ids) = support::fsrs_items(&dataset, &targets);
    let config = TrainingConfig::default();
    let mut group = c.benchmark_group("josh");
    group.bench_function("carnet", |b| b.iter(|| optimize(&dataset, &config)));
    let fast = TrainingConfig::fast();
    group.bench_function("carnet, batches of 128", |b| {
        b.iter(|| optimize(&dataset, &fast))
    });
    let fast_alone = TrainingConfig {
        threads: 1,
        ..TrainingConfig::fast()
    };
    group.bench_function("carnet, batches of 128, one thread", |b| {
        b.iter(|| optimize(&dataset, &fast_alone))
    });
    group.bench_function("fsrs-rs", |b| {
        b.iter_batched(
            || (items.clone(), ids.clone()),
            |(items, ids)| support::fsrs_train(items, ids),
            BatchSize::LargeInput,
        )
    });
    group.finish();
}

fn synthetic(c: &mut Criterion) {
    let dataset = support::simulate(&carnet_engine::DEFAULT_PARAMETERS, 1_000_000, 7);
    let config = TrainingConfig::default();
    let mut group = c.benchmark_group("synthetic");
    group.sample_size(10);
    group.bench_function("carnet 1M reviews", |b| {
        b.iter(|| optimize(&dataset, &config))
    });
    group.finish();
}

fn retention(c: &mut Criterion) {
    use carnet_optimizer::{simulate, sweep, SimulationConfig};
    let parameters = carnet_engine::Parameters::default();
    let config = SimulationConfig {
        new_cards: 10_000,
        new_per_day: 30,
        ..SimulationConfig::default()
    };
    let mut group = c.benchmark_group("retention");
    group.sample_size(10);
    group.bench_function("10k cards, 1 year, one retention", |b| {
        b.iter(|| simulate(&parameters, 0.9, &config, &[]))
    });
    group.bench_function("10k cards, 1 year, 28 retentions", |b| {
        b.iter(|| sweep(&parameters, &config, &[]))
    });
    group.finish();
}

criterion_group!(benches, josh, synthetic, retention);
criterion_main!(benches);
