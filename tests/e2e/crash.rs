//! SIGKILL at random moments of scripted sessions: after each kill the store opens and every
//! review the program had acknowledged on stdout is in the log.

use std::collections::HashSet;
use std::io::{BufRead, BufReader, Write};
use std::process::Stdio;
use std::time::{Duration, Instant};

use crate::support::*;

/// A small deterministic generator, so a failure can be replayed from its seed.
struct SplitMix(u64);

impl SplitMix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

const KILLS: u64 = 120;

#[test]
fn acknowledged_reviews_survive_sigkill() {
    let home = TempDir::new("crash");
    let deck = write_deck(&home, "t.deck", "Crash", 400);
    let seed = std::env::var("CARNET_CRASH_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0x5eed_u64);
    let mut rng = SplitMix(seed);
    let mut acked_reviews: HashSet<(String, i64)> = HashSet::new();
    let mut acked_undos: HashSet<(String, i64)> = HashSet::new();
    let mut torn_seen = 0;
    let started = Instant::now();
    for round in 0..KILLS {
        // Each round starts an hour later, so learning cards come due again.
        let now = 1_711_699_200 + round as i64 * 3600;
        let mut child = carnet(&home)
            .args(["--new-per-day", "10000", "--deck"])
            .args([&deck])
            .env("CARNET_NOW", now.to_string())
            .into_command()
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut stdin = child.stdin.take().unwrap();
        let script_seed = rng.next();
        let writer = std::thread::spawn(move || {
            let mut r = SplitMix(script_seed);
            loop {
                let command = match r.below(12) {
                    0 => "u\n".to_string(),
                    1 => "show\n".to_string(),
                    n => format!("{}\n", 1 + n % 4),
                };
                if stdin.write_all(command.as_bytes()).is_err() {
                    return;
                }
                if r.below(4) == 0 {
                    std::thread::sleep(Duration::from_micros(r.below(2000)));
                }
            }
        });
        let stdout = child.stdout.take().unwrap();
        let reader = std::thread::spawn(move || {
            let mut lines = Vec::new();
            for line in BufReader::new(stdout).lines() {
                match line {
                    Ok(l) => lines.push(l),
                    Err(_) => break,
                }
            }
            lines
        });
        std::thread::sleep(Duration::from_micros(2_000 + rng.below(40_000)));
        let _ = child.kill(); // SIGKILL
        let _ = child.wait();
        writer.join().unwrap();
        for line in reader.join().unwrap() {
            let f: Vec<&str> = line.split(' ').collect();
            match f[0] {
                "recorded" => {
                    acked_reviews.insert((f[1].to_string(), f[3].parse().unwrap()));
                }
                "undone" => {
                    acked_undos.insert((f[1].to_string(), f[2].parse().unwrap()));
                }
                _ => {}
            }
        }
        // The store opens (read-only here) and holds everything acknowledged so far.
        let log = carnet(&home)
            .args(["log", "--json", "--deck"])
            .args([&deck])
            .run();
        let text = log.ok();
        if log.stderr().contains("cut short") {
            torn_seen += 1;
        }
        let mut reviews = HashSet::new();
        let mut undos = HashSet::new();
        for l in text.lines() {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            let key = (
                v["card"].as_str().unwrap().to_string(),
                v["time_ms"].as_i64().unwrap(),
            );
            match v["kind"].as_str().unwrap() {
                "review" => reviews.insert(key),
                "undo" => undos.insert(key),
                _ => false,
            };
        }
        let missing: Vec<_> = acked_reviews.difference(&reviews).collect();
        assert!(
            missing.is_empty(),
            "round {round} (seed {seed}): acknowledged reviews missing: {missing:?}"
        );
        let missing: Vec<_> = acked_undos.difference(&undos).collect();
        assert!(
            missing.is_empty(),
            "round {round} (seed {seed}): acknowledged undos missing: {missing:?}"
        );
    }
    assert!(
        acked_reviews.len() > 100,
        "too few reviews acknowledged to mean anything: {}",
        acked_reviews.len()
    );
    // A writing session opens the log after all this: a torn tail is cut, the rest replays.
    let last = carnet(&home)
        .args(["--deck"])
        .args([&deck])
        .env("CARNET_NOW", "1712000000")
        .stdin("q\n")
        .run();
    last.ok();
    eprintln!(
        "{KILLS} kills in {:.1} s: {} reviews and {} undos acknowledged, torn tail seen {torn_seen} times",
        started.elapsed().as_secs_f64(),
        acked_reviews.len(),
        acked_undos.len()
    );
}
