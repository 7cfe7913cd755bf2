//! `carnet memory` on the real josh review log checked in by the engine.

use std::path::PathBuf;

use crate::support::*;

fn josh() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../engine/tests/data/revlog-josh-2024.csv")
}

#[test]
fn replays_the_josh_log_with_the_reference_metrics() {
    let home = TempDir::new("memory");
    let out = carnet(&home)
        .args(["memory"])
        .args([josh()])
        .env("CARNET_NOW", "2024-10-07T00:00:00Z")
        .run()
        .ok();
    assert!(out.contains("12580 reviews of 1205 cards"), "{out}");
    // py-fsrs's figures on this log (engine/tests/py_fsrs.rs): log loss 0.4587, RMSE 0.0500.
    assert!(
        out.contains("predictions: 5329 · log loss 0.4587 · RMSE (20 bins) 0.0500"),
        "{out}"
    );

    let run = carnet(&home)
        .args(["memory", "--json"])
        .args([josh()])
        .env("CARNET_NOW", "2024-10-07T00:00:00Z")
        .run();
    let json = run.ok();
    assert_eq!(json.lines().count(), 1205);
    for line in json.lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        let s = v["stability"].as_f64().unwrap();
        let d = v["difficulty"].as_f64().unwrap();
        let r = v["retrievability"].as_f64().unwrap();
        assert!(v["card_id"].as_u64().is_some());
        assert!(
            s > 0.0 && (1.0..=10.0).contains(&d) && (0.0..=1.0).contains(&r),
            "{line}"
        );
        assert!(
            v["due"].as_str().unwrap().starts_with("2024-")
                || v["due"].as_str().unwrap().starts_with("2025-"),
            "{line}"
        );
    }
    assert!(run.stderr().contains("log loss 0.4587"));
}

/// A log where no card is reviewed twice has no prediction to score: it says so, and prints
/// no made-up zeros.
#[test]
fn no_predictions_are_not_scored_as_zero() {
    let home = TempDir::new("memory-none");
    let csv = home.join("once.csv");
    std::fs::write(
        &csv,
        "card_id,review_rating,review_time,review_duration\n\
         1,3,2024-03-29T08:00:00Z,1000\n2,1,2024-03-29T08:01:00Z,1000\n",
    )
    .unwrap();
    let out = carnet(&home).args(["memory"]).args([&csv]).run().ok();
    assert!(out.contains("predictions: none"), "{out}");
    assert!(!out.contains("log loss 0.0000"), "{out}");
}
