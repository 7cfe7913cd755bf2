//! Test support shared by the engine's integration tests and benchmarks.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;

use carnet_engine::{CardId, MemoryModel, MemoryState, PredictionMetrics, Rating};

/// One row of a josh-format review log.
#[derive(Debug, Clone, Copy)]
pub struct JoshReview {
    pub card: u64,
    pub rating: Rating,
    pub time_ms: i64,
}

/// Days since 1970-01-01 of a civil date (Howard Hinnant's algorithm).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// Parses `2024-03-29T20:32:32.250000+00:00` (UTC) into milliseconds since the epoch.
pub fn parse_time_ms(s: &str) -> Option<i64> {
    let b = s.as_bytes();
    let num = |r: std::ops::Range<usize>| s.get(r)?.parse::<i64>().ok();
    if b.len() < 19 || b[4] != b'-' || b[10] != b'T' {
        return None;
    }
    let days = days_from_civil(num(0..4)?, num(5..7)?, num(8..10)?);
    let secs = days * 86_400 + num(11..13)? * 3600 + num(14..16)? * 60 + num(17..19)?;
    let mut ms = 0;
    if b.get(19) == Some(&b'.') {
        let frac: String = s[20..]
            .chars()
            .take_while(|c| c.is_ascii_digit())
            .take(3)
            .collect();
        ms = format!("{frac:0<3}").parse().ok()?;
    }
    if !(s.ends_with("+00:00") || s.ends_with('Z') || s.len() == 19) {
        return None;
    }
    Some(secs * 1000 + ms)
}

pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap()
        .to_path_buf()
}

pub fn josh_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/revlog-josh-2024.csv")
}

/// The josh log, sorted by time (stable: ties keep file order).
pub fn josh_reviews() -> Vec<JoshReview> {
    let text = std::fs::read_to_string(josh_path()).expect("josh log");
    let mut rows: Vec<JoshReview> = text
        .lines()
        .skip(1)
        .filter(|l| !l.is_empty())
        .map(|line| {
            let mut f = line.split(',');
            let card = f.next().unwrap().parse().unwrap();
            let rating = Rating::from_u8(f.next().unwrap().parse().unwrap()).unwrap();
            let time_ms = parse_time_ms(f.next().unwrap()).unwrap();
            JoshReview {
                card,
                rating,
                time_ms,
            }
        })
        .collect();
    rows.sort_by_key(|r| r.time_ms);
    rows
}

/// Replays reviews with the FSRS benchmark's protocol: predictions for reviews at least
/// 86,400 s after the previous one, t = whole elapsed days. Returns the metrics and each
/// card's final memory state.
pub fn replay_metrics(
    model: &MemoryModel,
    reviews: &[JoshReview],
) -> (
    PredictionMetrics,
    std::collections::HashMap<u64, MemoryState>,
) {
    let mut cards: std::collections::HashMap<u64, (MemoryState, i64)> = Default::default();
    let mut metrics = PredictionMetrics::default();
    for r in reviews {
        let next = match cards.get(&r.card) {
            None => model.initial(r.rating),
            Some(&(memory, last_ms)) => {
                // Whole days of the exact difference, as py-fsrs's `timedelta.days`.
                let elapsed = (r.time_ms - last_ms).div_euclid(86_400_000) as u32;
                if r.time_ms - last_ms >= 86_400_000 {
                    metrics.add(
                        model.retrievability(elapsed as f32, memory.stability),
                        r.rating.is_recall(),
                    );
                }
                model.next(memory, elapsed, r.rating)
            }
        };
        cards.insert(r.card, (next, r.time_ms));
    }
    let _ = CardId(0);
    (
        metrics,
        cards.into_iter().map(|(k, (m, _))| (k, m)).collect(),
    )
}

/// The Python interpreter with the reference packages: `CARNET_PYTHON`, else `.venv/bin/python`
/// at the repository root. `None` (and a message) when absent and not under CI; under CI
/// (`CI=true`) a missing interpreter fails the test.
pub fn reference_python(module: &str) -> Option<PathBuf> {
    let python = std::env::var_os("CARNET_PYTHON")
        .map(PathBuf::from)
        .unwrap_or_else(|| repo_root().join(".venv/bin/python"));
    let ok = Command::new(&python)
        .args(["-c", &format!("import {module}")])
        .output()
        .map(|o| o.status.success())
        .unwrap_or(false);
    if ok {
        return Some(python);
    }
    let ci = std::env::var("CI").map(|v| v == "true").unwrap_or(false);
    assert!(
        !ci,
        "CI=true but {} cannot import {module}: run scripts/setup-test-env first",
        python.display()
    );
    eprintln!(
        "SKIPPED: {} cannot import {module}; run scripts/setup-test-env to create .venv (this test must run under CI=true)",
        python.display()
    );
    None
}

/// Runs a Python script and parses its JSON output.
pub fn run_json(python: &Path, args: &[&str]) -> serde_json::Value {
    let out = Command::new(python)
        .args(args)
        .output()
        .expect("run python");
    assert!(
        out.status.success(),
        "{} {:?} failed:\n{}",
        python.display(),
        args,
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("JSON from the oracle")
}

#[test]
fn parses_iso_times() {
    assert_eq!(parse_time_ms("1970-01-01T00:00:00+00:00"), Some(0));
    assert_eq!(
        parse_time_ms("2024-03-29T20:32:32.250000+00:00"),
        Some(1_711_744_352_250)
    );
    assert_eq!(parse_time_ms("2024-03-29"), None);
}
