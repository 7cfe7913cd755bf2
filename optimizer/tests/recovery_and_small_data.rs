//! Training recovers the parameters behind simulated histories; small inputs fall back as
//! documented and never give NaN.

mod support;

use carnet_engine::{Parameters, Rating, DEFAULT_PARAMETERS};
use carnet_optimizer::{evaluate, optimize, Dataset, Fit, Review, TrainingConfig};

/// Mean |R_trained − R_true| over every prediction of `dataset`, and the same for the defaults.
fn mean_gap(dataset: &Dataset, truth: &[f32; 21], trained: &[f32; 21]) -> f64 {
    let predict = |w: &[f32; 21]| {
        let model = carnet_engine::MemoryModel::new(&Parameters::new(w).unwrap());
        let mut out = Vec::new();
        for (_, reviews) in dataset.cards() {
            let mut state = model.initial(reviews[0].rating);
            for r in &reviews[1..] {
                if r.delta_t > 0 {
                    out.push(f64::from(
                        model.retrievability(r.delta_t as f32, state.stability),
                    ));
                }
                state = model.next(state, r.delta_t, r.rating);
            }
        }
        out
    };
    let (a, b) = (predict(truth), predict(trained));
    a.iter().zip(&b).map(|(x, y)| (x - y).abs()).sum::<f64>() / a.len() as f64
}

#[test]
fn trained_parameters_predict_like_the_generating_ones() {
    let sets: [[f32; 21]; 3] = [
        [
            0.5, 1.8, 4.0, 12.0, 6.0, 0.6, 2.0, 0.01, 1.6, 0.15, 1.1, 1.7, 0.08, 0.3, 1.9, 0.45,
            2.3, 0.6, 0.15, 0.1, 0.2,
        ],
        [
            1.2, 3.0, 6.5, 20.0, 5.0, 1.0, 1.2, 0.05, 1.3, 0.3, 1.3, 1.2, 0.12, 0.4, 1.2, 0.7, 1.8,
            0.3, 0.3, 0.2, 0.35,
        ],
        DEFAULT_PARAMETERS,
    ];
    for (k, truth) in sets.iter().enumerate() {
        let dataset = support::simulate(truth, 25_000, 100 + k as u64);
        assert!(dataset.review_count() >= 25_000);
        let trained = optimize(&dataset, &TrainingConfig::default());
        assert_eq!(trained.fit, Fit::Trained);
        let gap = mean_gap(&dataset, truth, &trained.parameters);
        // Some other set's predictions, for scale.
        let other = &sets[(k + 1) % 3];
        let baseline = mean_gap(&dataset, truth, other);
        let p = |w: &[f32; 21]| Parameters::new(w).unwrap();
        let loss_truth = evaluate(&dataset, &p(truth)).unwrap().log_loss;
        let loss_trained = evaluate(&dataset, &p(&trained.parameters))
            .unwrap()
            .log_loss;
        eprintln!(
            "set {k}: {} reviews; mean |ΔR| trained {gap:.4} (another set {baseline:.4}); \
             log loss trained {loss_trained:.4} true {loss_truth:.4}\n  {:?}",
            dataset.review_count(),
            trained.parameters
        );
        assert!(gap < 0.02, "set {k}: mean |ΔR| {gap}");
        assert!(gap < baseline / 2.5, "set {k}: {gap} vs {baseline}");
        // The fit is as good as the truth on its own data (within noise).
        assert!(loss_trained < loss_truth + 0.002);
    }
}

fn review(delta_t: u32, rating: Rating) -> Review {
    Review {
        time: 0,
        delta_t,
        rating,
    }
}

fn assert_sane(w: &[f32; 21]) {
    assert!(w.iter().all(|x| x.is_finite()), "{w:?}");
    assert!(Parameters::new(w).is_ok(), "{w:?}");
}

#[test]
fn empty_input_gives_the_defaults() {
    let r = optimize(&Dataset::new(), &TrainingConfig::default());
    assert_eq!(r.fit, Fit::Defaults);
    assert_eq!(r.parameters, DEFAULT_PARAMETERS);
    assert_eq!(r.predictions, 0);
    assert!(evaluate(&Dataset::new(), &Parameters::default()).is_none());
    assert!(
        carnet_optimizer::evaluate_time_series(&Dataset::new(), &TrainingConfig::default(), 5)
            .is_none()
    );
}

#[test]
fn one_card_gives_the_defaults() {
    let mut d = Dataset::new();
    let reviews: Vec<Review> = (0..30)
        .map(|i| review(if i == 0 { 0 } else { 3 }, Rating::Good))
        .collect();
    d.push_card(1, &reviews).unwrap();
    let r = optimize(&d, &TrainingConfig::default());
    // 29 predictions but only one first interval: the outlier filter removes that card's
    // group (fewer than 20 cards), leaving nothing to train on.
    assert_eq!(r.fit, Fit::Defaults);
    assert_eq!(r.parameters, DEFAULT_PARAMETERS);
}

#[test]
fn only_first_reviews_give_the_defaults() {
    let mut d = Dataset::new();
    for c in 0..500 {
        d.push_card(c, &[review(0, Rating::ALL[(c % 4) as usize])])
            .unwrap();
    }
    let r = optimize(&d, &TrainingConfig::default());
    assert_eq!(r.fit, Fit::Defaults);
    assert_eq!(r.parameters, DEFAULT_PARAMETERS);
}

#[test]
fn only_first_intervals_fit_only_the_initial_stabilities() {
    // 400 cards reviewed twice: every prediction is a first interval.
    let mut d = Dataset::new();
    let mut rng = support::Lcg(5);
    for c in 0..400u64 {
        let first = Rating::ALL[(c % 4) as usize];
        let delta_t = 1 + (c % 3) as u32;
        let recalled = rng.next_f64() < 0.85;
        let second = if recalled {
            Rating::Good
        } else {
            Rating::Again
        };
        d.push_card(c, &[review(0, first), review(delta_t, second)])
            .unwrap();
    }
    let r = optimize(&d, &TrainingConfig::default());
    assert_eq!(r.fit, Fit::InitialStability);
    assert_sane(&r.parameters);
    assert_eq!(&r.parameters[4..], &DEFAULT_PARAMETERS[4..]);
    assert_ne!(&r.parameters[..4], &DEFAULT_PARAMETERS[..4]);
    assert!(r.parameters[..4].windows(2).all(|p| p[0] <= p[1]));
}

#[test]
fn few_predictions_fit_only_the_initial_stabilities() {
    // 30 cards with three reviews: 60 predictions (< 64) → w0–w3 only.
    let mut d = Dataset::new();
    for c in 0..30u64 {
        d.push_card(
            c,
            &[
                review(0, Rating::Good),
                review(2, Rating::Good),
                review(5, Rating::Again),
            ],
        )
        .unwrap();
    }
    let r = optimize(&d, &TrainingConfig::default());
    assert_eq!(r.fit, Fit::InitialStability);
    assert_sane(&r.parameters);
    assert_eq!(&r.parameters[4..], &DEFAULT_PARAMETERS[4..]);
}

#[test]
fn threads_do_not_change_the_result() {
    let dataset = support::simulate(&DEFAULT_PARAMETERS, 20_000, 9);
    let run = |threads| {
        optimize(
            &dataset,
            &TrainingConfig {
                threads,
                ..Default::default()
            },
        )
        .parameters
    };
    let (one, two) = (run(1), run(2));
    for (a, b) in one.iter().zip(&two) {
        assert!(
            (a - b).abs() <= 1e-4 * a.abs().max(0.01),
            "{one:?} vs {two:?}"
        );
    }
    assert_ne!(one, DEFAULT_PARAMETERS);
}

#[test]
fn progress_counts_every_step_and_changes_nothing() {
    static PROGRESS: carnet_optimizer::Progress = carnet_optimizer::Progress::new();
    let dataset = support::simulate(&DEFAULT_PARAMETERS, 5_000, 4);
    let plain = optimize(&dataset, &TrainingConfig::default());
    let counted = optimize(
        &dataset,
        &TrainingConfig {
            progress: Some(&PROGRESS),
            ..Default::default()
        },
    );
    assert_eq!(plain.parameters, counted.parameters);
    let (done, total) = PROGRESS.get();
    assert!(total > 0, "no steps announced");
    assert_eq!(done, total, "every announced step is taken");
    // The time-series split adds its folds' steps to the same counter.
    PROGRESS.reset();
    let config = TrainingConfig {
        progress: Some(&PROGRESS),
        ..Default::default()
    };
    carnet_optimizer::evaluate_time_series(&dataset, &config, carnet_optimizer::SPLITS);
    let (done, total) = PROGRESS.get();
    assert!(total > 0 && done == total, "{done} of {total}");
}
