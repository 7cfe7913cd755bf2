//! `carnet optimize`: training on a CSV and on the deck's own log, saving the parameters for
//! the deck, the deck then scheduled with them (and the handheld given them by sync), and the
//! clear refusals.

use std::path::Path;

use carnet_engine::review_log::{LogEntry, Review};
use carnet_engine::{Rating, DEFAULT_PARAMETERS};

use crate::support::*;

fn josh() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../engine/tests/data/revlog-josh-2024.csv")
}

fn json(out: &str) -> serde_json::Value {
    serde_json::from_str(out.trim()).unwrap_or_else(|e| panic!("{e}: {out}"))
}

#[test]
fn trains_on_a_csv_and_beats_the_defaults() {
    let home = TempDir::new("optimize-csv");
    let out = carnet(&home)
        .args(["optimize", "--json"])
        .args([josh()])
        .run()
        .ok();
    let v = json(&out);
    assert_eq!(v["reviews"], 12580);
    assert_eq!(v["fit"], "trained");
    let parameters: Vec<f64> = v["parameters"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p.as_f64().unwrap())
        .collect();
    assert_eq!(parameters.len(), 21);
    assert!(parameters.iter().all(|p| p.is_finite()));
    let loss = |k: &str| v[k]["log_loss"].as_f64().unwrap();
    assert!(loss("trained") < loss("default") - 0.005, "{v}");
    assert!(loss("split") < loss("default"), "{v}");
    assert!(v["trained"]["auc"].as_f64().unwrap() > 0.6, "{v}");
    assert!(v["saved"].is_null(), "a CSV is not saved without --yes");
    // The retention to choose: 28 simulated, the recommended one the least work per card kept.
    let outcomes = v["retention"]["outcomes"].as_array().unwrap();
    assert_eq!(outcomes.len(), 28);
    let recommended = v["retention"]["recommended"].as_f64().unwrap();
    let least = outcomes
        .iter()
        .min_by(|a, b| {
            let w = |o: &serde_json::Value| o["seconds_per_memorized"].as_f64().unwrap();
            w(a).total_cmp(&w(b))
        })
        .unwrap();
    assert_eq!(least["desired_retention"].as_f64(), Some(recommended));
    let plots = home.join("plots");
    carnet(&home)
        .args(["optimize", "--json", "--plot"])
        .args([&plots])
        .args([josh()])
        .run()
        .ok();
    for file in ["retention-reviews-per-day.svg", "retention-cards-kept.svg"] {
        let svg = std::fs::read_to_string(plots.join(file)).unwrap();
        assert!(svg.starts_with("<svg") && svg.contains("0.97"), "{file}");
    }
    // The text report says the same.
    let text = carnet(&home).args(["optimize"]).args([josh()]).run().ok();
    assert!(
        text.contains("trained in ") && text.contains("all 21 parameters"),
        "{text}"
    );
    assert!(text.contains("not saved (run with --yes"), "{text}");
    assert!(text.contains("recommended retention: 0."), "{text}");
}

/// A year of reviews of 300 cards, with lapses: enough to train all 21 parameters (the
/// pretraining of the initial stabilities needs many cards of each first grade).
fn history(deck: &[u8]) -> Vec<LogEntry> {
    let deck = carnet_engine::deck::Deck::from_bytes(deck).unwrap();
    let t0 = 1_711_699_200_000i64 - 365 * 86_400_000;
    let mut x = 0x2545_F491_4F6C_DD1Du64;
    let mut out = Vec::new();
    for i in 0..300 {
        let mut t = t0 + i as i64 * 60_000;
        let mut interval = 86_400_000i64;
        for _ in 0..14 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let rating = match x % 10 {
                0 | 1 => Rating::Again,
                2 => Rating::Hard,
                9 => Rating::Easy,
                _ => Rating::Good,
            };
            out.push(LogEntry::Review(Review {
                card: deck.id(i).unwrap(),
                time_ms: t,
                rating,
                duration_ms: 3000,
            }));
            interval = if rating == Rating::Again {
                86_400_000
            } else {
                (interval * 2).min(25 * 86_400_000)
            };
            t += interval;
            if t > t0 + 360 * 86_400_000 {
                break;
            }
        }
    }
    out.sort_by_key(|e| match e {
        LogEntry::Review(r) => r.time_ms,
        _ => 0,
    });
    out
}

#[test]
fn saves_parameters_the_deck_is_then_scheduled_and_synced_with() {
    let home = TempDir::new("optimize-deck");
    let deck = write_deck(&home, "o.deck", "Opt", 320);
    let bytes = std::fs::read(&deck).unwrap();
    let log = log_of(&home, "Opt");
    std::fs::create_dir_all(log.parent().unwrap()).unwrap();
    std::fs::write(&log, frames(&history(&bytes))).unwrap();
    let stabilities = |home: &TempDir| -> Vec<f64> {
        carnet(home)
            .args(["cards", "--browse", "--json", "--deck"])
            .args([&deck])
            .run()
            .ok()
            .lines()
            .filter_map(|l| json(l)["state"]["stability"].as_f64())
            .collect()
    };
    let before = stabilities(&home);
    assert!(!before.is_empty());
    let out = carnet(&home)
        .args(["optimize", "--yes", "--deck"])
        .args([&deck])
        .run()
        .ok();
    assert!(out.contains("saved for Opt: "), "{out}");
    let saved = home
        .join("config/carnet/decks")
        .join(format!("{}.toml", fixture_deck_id("Opt")));
    let text = std::fs::read_to_string(&saved).unwrap();
    let line = text
        .lines()
        .find(|l| l.starts_with("parameters = ["))
        .unwrap();
    let parameters: Vec<f32> = line["parameters = [".len()..line.len() - 1]
        .split(", ")
        .map(|p| p.parse().unwrap())
        .collect();
    assert_eq!(parameters.len(), 21);
    assert_ne!(parameters, DEFAULT_PARAMETERS);
    // The deck is now replayed with them: other memory states.
    let after = stabilities(&home);
    assert_eq!(before.len(), after.len());
    assert_ne!(before, after);
    // And the handheld is given them.
    let card = home.join("card");
    std::fs::create_dir_all(&card).unwrap();
    sync_card(&home, &card, &deck, &[]).ok();
    let settings = std::fs::read_to_string(card.join("SETTINGS.TXT")).unwrap();
    let synced: Vec<f32> = settings
        .lines()
        .find_map(|l| l.strip_prefix("fsrs_parameters="))
        .unwrap()
        .split(',')
        .map(|p| p.parse().unwrap())
        .collect();
    assert_eq!(synced, parameters);
    let (device, _) = carnet_handheld::settings_file::parse(
        settings.as_bytes(),
        &carnet_handheld::Settings::default(),
    );
    assert_eq!(
        device.scheduler.config().parameters.as_array()[..],
        parameters[..]
    );
    // A damaged parameters file is named, exit 2, not ignored.
    std::fs::write(&saved, "parameters = [1, 2]\n").unwrap();
    let err = carnet(&home)
        .args(["cards", "--deck"])
        .args([&deck])
        .run()
        .input_error();
    assert!(
        err.contains("deck parameters") && err.contains(".toml"),
        "{err}"
    );
}

#[test]
fn nothing_to_train_on_is_a_clear_error() {
    let home = TempDir::new("optimize-empty");
    let deck = write_deck(&home, "e.deck", "Empty", 5);
    let err = carnet(&home)
        .args(["optimize", "--deck"])
        .args([&deck])
        .run()
        .input_error();
    assert!(err.contains("no reviews to train on"), "{err}");
    let bad = home.join("bad.csv");
    std::fs::write(
        &bad,
        "card_id,review_rating,review_time,review_duration\n1,9,x,0\n",
    )
    .unwrap();
    let err = carnet(&home)
        .args(["optimize"])
        .args([&bad])
        .run()
        .input_error();
    assert!(err.contains("bad.csv"), "{err}");
}

/// py-fsrs scores the parameters carnet trains on the josh log with py-fsrs's day rule (whole
/// 24-hour periods), by its own scheduler: at most 0.4387, the score of py-fsrs's own
/// optimizer there (the defaults score 0.4587; fsrs-rs's parameters, trained with Anki's day
/// rule, 0.4538). Measured 2026-12-02: 0.4382.
#[test]
fn py_fsrs_scores_the_trained_parameters_better_than_the_defaults() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let python = std::env::var_os("CARNET_PYTHON")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| root.join(".venv/bin/python"));
    let ok = std::process::Command::new(&python)
        .args(["-c", "import fsrs"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !tool_available(
        ok,
        &format!("{} cannot import fsrs", python.display()),
        "the py-fsrs check of carnet optimize did not run",
    ) {
        return;
    }
    let home = TempDir::new("optimize-py-fsrs");
    let v = json(
        &carnet(&home)
            .args(["optimize", "--whole-days", "--json"])
            .args([josh()])
            .run()
            .ok(),
    );
    let parameters: Vec<String> = v["parameters"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p.to_string())
        .collect();
    let out = std::process::Command::new(&python)
        .arg(root.join("engine/tests/oracle/py_fsrs_oracle.py"))
        .arg("josh")
        .arg(josh())
        .arg(parameters.join(","))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let py: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let loss = py["log_loss"].as_f64().unwrap();
    eprintln!("py-fsrs log loss with carnet's trained parameters: {loss:.4} (defaults 0.4587)");
    assert_eq!(py["n"], 5329);
    assert!(loss <= 0.4387, "py-fsrs log loss {loss:.4}");
}

/// `carnet memory` replays with given or freshly trained parameters.
#[test]
fn memory_replays_with_given_or_trained_parameters() {
    let home = TempDir::new("optimize-memory");
    let score = |extra: &[&str]| -> f64 {
        let out = carnet(&home)
            .args(["memory"])
            .args([josh()])
            .args(extra)
            .run()
            .ok();
        let line = out
            .lines()
            .find(|l| l.starts_with("predictions: "))
            .unwrap();
        line.split("log loss ").nth(1).unwrap()[..6]
            .parse()
            .unwrap()
    };
    let defaults = score(&[]);
    assert_eq!(defaults, 0.4587);
    let listed: Vec<String> = DEFAULT_PARAMETERS.iter().map(|w| w.to_string()).collect();
    assert_eq!(score(&["--parameters", &listed.join(",")]), defaults);
    // Trained on the file (py-fsrs's day rule): py-fsrs scores these 0.4382 too.
    let trained = score(&["--optimized"]);
    assert!(trained <= 0.4387, "{trained}");
    let err = carnet(&home)
        .args(["memory"])
        .args([josh()])
        .args(["--parameters", "1,2,3"])
        .run()
        .input_error();
    assert!(err.contains("--parameters"), "{err}");
}
