//! The engine against py-fsrs (PyPI `fsrs` 6.3.x), regenerated live at every run.
//!
//! Known, documented difference: fsrs-rs and Anki clamp stability to at most 36,500 days,
//! py-fsrs does not; stabilities beyond that are compared after clamping.

mod support;

use carnet_engine::{
    whole_days_between, CardState, Phase, Rating, Scheduler, SchedulerConfig, SeededFuzz,
};
use support::{josh_path, josh_reviews, reference_python, replay_metrics, run_json};

fn oracle_script() -> String {
    support::repo_root()
        .join("engine/tests/oracle/py_fsrs_oracle.py")
        .display()
        .to_string()
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-3 * b.abs().max(1e-3)
}

#[test]
fn random_histories_match_py_fsrs() {
    let Some(python) = reference_python("fsrs") else {
        return;
    };
    let scheduler = Scheduler::new(SchedulerConfig {
        fuzz: false,
        ..SchedulerConfig::default()
    })
    .unwrap();
    let mut compared = 0;
    let mut histories = 0;
    for seed in ["11", "12", "13", "14"] {
        let json = run_json(&python, &[&oracle_script(), "histories", seed, "60"]);
        for history in json["histories"].as_array().unwrap() {
            histories += 1;
            let mut card = CardState::NEW;
            for (i, r) in history.as_array().unwrap().iter().enumerate() {
                let time = r["time"].as_i64().unwrap();
                let rating = Rating::from_u8(r["rating"].as_u64().unwrap() as u8).unwrap();
                let elapsed = card
                    .last_review()
                    .map_or(0, |last| whole_days_between(last, time));
                card =
                    scheduler.review(&card, rating, time, elapsed, &mut SeededFuzz::from_seed(0));
                let m = card.memory().unwrap();
                let ctx =
                    format!("seed {seed} history {histories} review {i}: {r}\nengine: {card:?}");
                let py_s = r["stability"].as_f64().unwrap().min(36_500.0);
                assert!(close(m.stability as f64, py_s), "stability {ctx}");
                assert!(
                    close(m.difficulty as f64, r["difficulty"].as_f64().unwrap()),
                    "difficulty {ctx}"
                );
                let phase = match r["state"].as_u64().unwrap() {
                    1 => Phase::Learning,
                    2 => Phase::Review,
                    3 => Phase::Relearning,
                    other => panic!("unknown py-fsrs state {other}"),
                };
                assert_eq!(card.phase(), phase, "phase {ctx}");
                if let Some(step) = r["step"].as_u64() {
                    assert_eq!(card.step() as u64, step, "step {ctx}");
                }
                assert_eq!(card.due().unwrap(), r["due"].as_i64().unwrap(), "due {ctx}");
                compared += 1;
            }
        }
    }
    assert!(histories >= 200, "{histories} histories");
    eprintln!("matched py-fsrs on {histories} histories, {compared} reviews");
}

#[test]
fn josh_log_metrics_match_py_fsrs() {
    let reviews = josh_reviews();
    let scheduler = Scheduler::default();
    let (metrics, finals) = replay_metrics(scheduler.model(), &reviews);
    // Published by py-fsrs on exactly this protocol (shared/data/README.md, issue 2).
    assert_eq!(metrics.count(), 5_329);
    assert!(
        (metrics.log_loss() - 0.4587).abs() <= 0.001,
        "{}",
        metrics.log_loss()
    );
    assert!(
        (metrics.rmse_bins() - 0.0500).abs() <= 0.001,
        "{}",
        metrics.rmse_bins()
    );

    let Some(python) = reference_python("fsrs") else {
        return;
    };
    let json = run_json(
        &python,
        &[&oracle_script(), "josh", &josh_path().display().to_string()],
    );
    assert_eq!(metrics.count(), json["n"].as_u64().unwrap());
    let py_loss = json["log_loss"].as_f64().unwrap();
    let py_rmse = json["rmse_bins"].as_f64().unwrap();
    assert!(
        (metrics.log_loss() - py_loss).abs() <= 0.001,
        "{} vs {py_loss}",
        metrics.log_loss()
    );
    assert!(
        (metrics.rmse_bins() - py_rmse).abs() <= 0.001,
        "{} vs {py_rmse}",
        metrics.rmse_bins()
    );
    let cards = json["cards"].as_object().unwrap();
    assert_eq!(cards.len(), finals.len());
    let mut worst = 0.0f64;
    for (id, py) in cards {
        let m = finals[&id.parse::<u64>().unwrap()];
        let py_s = py["stability"].as_f64().unwrap().min(36_500.0);
        let py_d = py["difficulty"].as_f64().unwrap();
        worst = worst
            .max((m.stability as f64 - py_s).abs() / py_s)
            .max((m.difficulty as f64 - py_d).abs() / py_d);
        assert!(close(m.stability as f64, py_s), "card {id}: {m:?} vs {py}");
        assert!(close(m.difficulty as f64, py_d), "card {id}: {m:?} vs {py}");
    }
    eprintln!(
        "josh: n {} log loss {:.4} (py-fsrs {py_loss:.4}) RMSE {:.4} (py-fsrs {py_rmse:.4}); worst relative S/D gap {worst:.2e}",
        metrics.count(),
        metrics.log_loss(),
        metrics.rmse_bins()
    );
}
