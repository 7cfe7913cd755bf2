//! Scans training settings (epochs, batch size, threads): time (best of five), in-sample log
//! loss scored by fsrs-rs, and carnet's time-series split, on the josh log and synthetic
//! histories, beside fsrs-rs's own (timed once: the benchmark `train` times both fairly).
//! It is how [`carnet_optimizer::TrainingConfig::fast`] was chosen.
//!
//! ```text
//! cargo run --release -p carnet-optimizer --example epochs_scan
//! ```
#[path = "../tests/support/mod.rs"]
mod support;
use carnet_optimizer::{evaluate_time_series, optimize, Dataset, TrainingConfig, SPLITS};
fn report(name: &str, dataset: &Dataset) {
    let targets = dataset.targets();
    let (items, ids) = support::fsrs_items(dataset, &targets);
    let score = |w: &[f32; 21]| {
        fsrs::FSRS::new(w)
            .unwrap()
            .evaluate(items.clone(), |_| true)
            .unwrap()
            .log_loss
    };
    let t = std::time::Instant::now();
    let theirs = support::fsrs_train(items.clone(), ids.clone());
    println!(
        "{name} fsrs-rs: {:.1} ms, in-sample {:.4}",
        t.elapsed().as_secs_f64() * 1e3,
        score(&theirs)
    );
    for (epochs, batch, threads) in [
        (5, 512, 0),
        (5, 128, 0),
        (5, 128, 1),
        (5, 128, 2),
        (4, 128, 1),
    ] {
        let config = TrainingConfig {
            epochs,
            batch_size: batch,
            threads,
            ..Default::default()
        };
        let mut best = f64::MAX;
        let mut w = [0.0; 21];
        for _ in 0..5 {
            let t = std::time::Instant::now();
            w = optimize(dataset, &config).parameters;
            best = best.min(t.elapsed().as_secs_f64() * 1000.0);
        }
        let split = evaluate_time_series(dataset, &config, SPLITS)
            .unwrap()
            .evaluation
            .log_loss;
        println!("{name} epochs {epochs} batch {batch} threads {threads}: {best:.2} ms, in-sample {:.4}, split (carnet-scored) {split:.4}", score(&w));
    }
}
fn main() {
    report("josh", &support::josh_dataset());
    let w = [
        0.5, 1.8, 4.0, 12.0, 6.0, 0.6, 2.0, 0.01, 1.6, 0.15, 1.1, 1.7, 0.08, 0.3, 1.9, 0.45, 2.3,
        0.6, 0.15, 0.1, 0.2,
    ];
    report("synthetic 20k", &support::simulate(&w, 20_000, 11));
    report(
        "synthetic defaults 50k",
        &support::simulate(&carnet_engine::DEFAULT_PARAMETERS, 50_000, 3),
    );
}
