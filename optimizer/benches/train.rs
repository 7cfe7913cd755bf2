//! Training on the josh log (carnet against fsrs-rs on the same items) and on 1 M synthetic
//! reviews.

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

criterion_group!(benches, josh, synthetic);
criterion_main!(benches);
