//! How well a parameter set predicts a dataset: log loss, the FSRS benchmark's binned RMSE, and
//! AUC, computed as fsrs-rs's `FSRS::evaluate` does.
//!
//! Predictions come from the engine's own [`MemoryModel`], so they are exactly what the
//! scheduler believes.

use std::collections::HashMap;

use carnet_engine::{MemoryModel, MemoryState, Parameters, Rating};

use crate::dataset::{Dataset, Review, Target};

/// Scores of a parameter set on a set of predictions.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Evaluation {
    /// Weighted mean binary cross-entropy of the recall predictions (lower is better).
    pub log_loss: f64,
    /// RMSE between mean predicted and mean actual recall over the FSRS benchmark's bins (by
    /// interval, review count and lapse count), weighted (lower is better).
    pub rmse_bins: f64,
    /// Area under the ROC curve of the predictions for recall (higher is better; 0.5 is chance).
    pub auc: f64,
    /// Number of predictions scored.
    pub predictions: usize,
}

/// The recall predicted before every review of every card (0 for first reviews), indexed like
/// the dataset's reviews.
pub(crate) fn predict_all(dataset: &Dataset, parameters: &Parameters) -> Vec<f32> {
    let model = MemoryModel::new(parameters);
    let mut out = Vec::with_capacity(dataset.review_count());
    for (_, reviews) in dataset.cards() {
        let mut state: Option<MemoryState> = None;
        for r in reviews {
            match state {
                None => {
                    out.push(0.0);
                    state = Some(model.initial(r.rating));
                }
                Some(s) => {
                    out.push(model.retrievability(r.delta_t as f32, s.stability));
                    state = Some(model.next(s, r.delta_t, r.rating));
                }
            }
        }
    }
    out
}

/// Where each card starts among the dataset's reviews.
pub(crate) fn card_offsets(dataset: &Dataset) -> Vec<usize> {
    let mut offsets = Vec::with_capacity(dataset.card_count());
    let mut at = 0;
    for (_, reviews) in dataset.cards() {
        offsets.push(at);
        at += reviews.len();
    }
    offsets
}

/// The benchmark's bin of a prediction: (interval bin, review count bin, lapse count bin), as
/// fsrs-rs's `FSRSItem::r_matrix_index`.
fn bin(reviews: &[Review]) -> (u32, u32, u32) {
    let current = reviews[reviews.len() - 1];
    let delta_t = f64::from(current.delta_t);
    let delta_t_bin = (2.48 * 3.62f64.powf(delta_t.log(3.62).floor()) * 100.0).round() as u32;
    let long_term = reviews.iter().filter(|r| r.delta_t > 0).count();
    let length = long_term as f64 + 1.0;
    let length_bin = (1.99 * 1.89f64.powf(length.log(1.89).floor())).round() as u32;
    let lapses = reviews[..reviews.len() - 1]
        .iter()
        .filter(|r| r.rating == Rating::Again && r.delta_t > 0)
        .count();
    if lapses == 0 {
        return (delta_t_bin, length_bin, 0);
    }
    let lapse_bin = (1.65 * 1.73f64.powf((lapses as f64).log(1.73).floor())).round() as u32;
    (delta_t_bin, length_bin, lapse_bin)
}

/// A bin's (Σ predicted, Σ actual, count, Σ weight).
type BinSums = (f64, f64, f64, f64);

/// Accumulates weighted predictions and their outcomes.
#[derive(Debug, Default)]
pub(crate) struct Scores {
    /// (prediction, recalled, weight)
    points: Vec<(f32, bool, f32)>,
    bins: HashMap<(u32, u32, u32), BinSums>,
}

impl Scores {
    pub(crate) fn add(&mut self, reviews: &[Review], p: f32, weight: f32) {
        let recalled = reviews[reviews.len() - 1].rating != Rating::Again;
        let b = self.bins.entry(bin(reviews)).or_default();
        b.0 += f64::from(p);
        b.1 += if recalled { 1.0 } else { 0.0 };
        b.2 += 1.0;
        b.3 += f64::from(weight);
        self.points.push((p, recalled, weight));
    }

    pub(crate) fn evaluation(&self) -> Evaluation {
        let (mut loss, mut weights) = (0.0, 0.0);
        for &(p, y, w) in &self.points {
            let p = f64::from(p).clamp(1e-7, 1.0 - 1e-7);
            let w = f64::from(w);
            loss -= w * if y { p.ln() } else { (1.0 - p).ln() };
            weights += w;
        }
        let (mut sq, mut bin_weights) = (0.0, 0.0);
        for &(predicted, actual, count, weight) in self.bins.values() {
            let gap = predicted / count - actual / count;
            sq += gap * gap * weight;
            bin_weights += weight;
        }
        let ratio = |a: f64, b: f64| if b > 0.0 { a / b } else { 0.0 };
        Evaluation {
            log_loss: ratio(loss, weights),
            rmse_bins: ratio(sq, bin_weights).sqrt(),
            auc: auc(&self.points),
            predictions: self.points.len(),
        }
    }
}

/// AUC by the rank-sum (Mann–Whitney) statistic, ties counted half; 0.5 without both classes.
fn auc(points: &[(f32, bool, f32)]) -> f64 {
    let mut sorted: Vec<(f32, bool)> = points.iter().map(|&(p, y, _)| (p, y)).collect();
    sorted.sort_by(|a, b| a.0.total_cmp(&b.0));
    let positives = sorted.iter().filter(|x| x.1).count() as f64;
    let negatives = sorted.len() as f64 - positives;
    if positives == 0.0 || negatives == 0.0 {
        return 0.5;
    }
    let mut rank_sum = 0.0;
    let mut i = 0;
    while i < sorted.len() {
        let mut j = i;
        while j < sorted.len() && sorted[j].0 == sorted[i].0 {
            j += 1;
        }
        // Ranks i+1..=j share their mean.
        let mean_rank = (i + 1 + j) as f64 / 2.0;
        rank_sum += mean_rank * sorted[i..j].iter().filter(|x| x.1).count() as f64;
        i = j;
    }
    (rank_sum - positives * (positives + 1.0) / 2.0) / (positives * negatives)
}

/// The recency weight fsrs-rs gives prediction `i` of `n` (in time order).
pub(crate) fn recency_weight(i: usize, n: usize) -> f32 {
    let denominator = (n as f32 - 1.0).max(1.0);
    0.25 + 0.75 * (i as f32 / denominator).powi(3)
}

/// Scores `parameters` on every prediction of `dataset`, recency-weighted as fsrs-rs's
/// `FSRS::evaluate` weighs them. `None` when there is no prediction.
pub fn evaluate(dataset: &Dataset, parameters: &Parameters) -> Option<Evaluation> {
    let targets = dataset.targets();
    if targets.is_empty() {
        return None;
    }
    let n = targets.len();
    Some(score(dataset, parameters, &targets, |i| {
        recency_weight(i, n)
    }))
}

/// Scores `parameters` on `targets` with weight `weight(i)` for the i-th.
pub(crate) fn score(
    dataset: &Dataset,
    parameters: &Parameters,
    targets: &[Target],
    weight: impl Fn(usize) -> f32,
) -> Evaluation {
    let predictions = predict_all(dataset, parameters);
    let offsets = card_offsets(dataset);
    let mut scores = Scores::default();
    for (i, t) in targets.iter().enumerate() {
        let (_, reviews) = dataset.card(t.card as usize);
        let p = predictions[offsets[t.card as usize] + t.index as usize];
        scores.add(&reviews[..=t.index as usize], p, weight(i));
    }
    scores.evaluation()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn auc_by_hand() {
        let pts = [
            (0.1, false, 1.0),
            (0.4, true, 1.0),
            (0.35, false, 1.0),
            (0.8, true, 1.0),
        ];
        assert!((auc(&pts) - 1.0).abs() < 1e-12);
        let pts = [(0.5, false, 1.0), (0.5, true, 1.0)];
        assert!((auc(&pts) - 0.5).abs() < 1e-12);
        let pts = [(0.9, false, 1.0), (0.2, true, 1.0), (0.6, true, 1.0)];
        assert!((auc(&pts) - 0.0).abs() < 1e-12);
        assert_eq!(auc(&[(0.3, true, 1.0)]), 0.5);
    }
}
