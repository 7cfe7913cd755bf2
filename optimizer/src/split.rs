//! Time-series split: train on the past, score the future, as fsrs-rs's
//! `evaluate_with_time_series_splits` and the srs-benchmark do.
//!
//! The predictions, in time order, are cut into `splits + 1` equal segments (the last takes
//! the remainder); fold i trains on segments 0..=i and scores segment i + 1 with unit weights.
//! All folds' predictions are scored together. Folds run on separate threads.

use carnet_engine::Parameters;

use crate::dataset::Dataset;
use crate::metrics::{card_offsets, predict_all, Evaluation, Scores};
use crate::train::{optimize_targets, Optimized, TrainingConfig};

/// The folds fsrs-rs uses.
pub const SPLITS: usize = 5;

/// The outcome of a time-series split.
#[derive(Debug, Clone, PartialEq)]
pub struct SplitEvaluation {
    /// All folds' test predictions scored together.
    pub evaluation: Evaluation,
    /// Each fold's training result, oldest first.
    pub folds: Vec<Optimized>,
}

/// Trains on the past and scores the future over `splits` folds (fsrs-rs uses [`SPLITS`]).
/// `None` when there are fewer predictions than `splits + 1`.
pub fn evaluate_time_series(
    dataset: &Dataset,
    config: &TrainingConfig,
    splits: usize,
) -> Option<SplitEvaluation> {
    let targets = dataset.targets();
    let n = targets.len();
    let segment = n / (splits + 1);
    if splits == 0 || segment == 0 {
        return None;
    }
    let bounds = |i: usize| {
        let test_start = (i + 1) * segment;
        let test_end = if i == splits - 1 {
            n
        } else {
            (i + 2) * segment
        };
        (test_start, test_end)
    };
    let cores = std::thread::available_parallelism().map_or(1, |c| c.get());
    let fold_config = TrainingConfig {
        threads: 1,
        ..*config
    };
    // Folds grow with i; hand them out largest first.
    let next = std::sync::atomic::AtomicUsize::new(0);
    let results = std::sync::Mutex::new(vec![None; splits]);
    std::thread::scope(|scope| {
        for _ in 0..cores.min(splits) {
            scope.spawn(|| loop {
                let k = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                if k >= splits {
                    return;
                }
                let i = splits - 1 - k;
                let (test_start, _) = bounds(i);
                let fold = optimize_targets(dataset, &targets[..test_start], &fold_config);
                results.lock().unwrap_or_else(|e| e.into_inner())[i] = Some(fold);
            });
        }
    });
    let folds: Vec<Optimized> = results
        .into_inner()
        .unwrap_or_else(|e| e.into_inner())
        .into_iter()
        .map(|f| f.expect("every fold ran"))
        .collect();
    let offsets = card_offsets(dataset);
    let mut scores = Scores::default();
    for (i, fold) in folds.iter().enumerate() {
        let parameters = Parameters::new(&fold.parameters).expect("trained sets are in range");
        let predictions = predict_all(dataset, &parameters);
        let (test_start, test_end) = bounds(i);
        for t in &targets[test_start..test_end] {
            let (_, reviews) = dataset.card(t.card as usize);
            let p = predictions[offsets[t.card as usize] + t.index as usize];
            scores.add(&reviews[..=t.index as usize], p, 1.0);
        }
    }
    Some(SplitEvaluation {
        evaluation: scores.evaluation(),
        folds,
    })
}
