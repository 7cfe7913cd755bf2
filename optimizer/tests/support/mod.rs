//! Test and bench support: the josh CSV log read into (card id, seconds, rating) rows.
#![allow(dead_code)]

use carnet_optimizer::{Dataset, DayRule, Row};

/// The josh log shipped with the engine's tests.
pub const JOSH: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../engine/tests/data/revlog-josh-2024.csv"
);

/// Seconds since the epoch of `2024-03-29T20:32:32.250000+00:00` (fraction dropped, offset applied).
pub fn parse_instant(s: &str) -> Option<i64> {
    let b = s.as_bytes();
    let num = |r: std::ops::Range<usize>| -> Option<i64> { s.get(r)?.parse().ok() };
    let (y, mo, d) = (num(0..4)?, num(5..7)?, num(8..10)?);
    let (h, mi, se) = (num(11..13)?, num(14..16)?, num(17..19)?);
    let mut i = 19;
    if b.get(i) == Some(&b'.') {
        i += 1;
        while b.get(i).is_some_and(u8::is_ascii_digit) {
            i += 1;
        }
    }
    let offset = match b.get(i) {
        None | Some(b'Z') => 0,
        Some(&c) if c == b'+' || c == b'-' => {
            let oh = num(i + 1..i + 3)?;
            let om = num(i + 4..i + 6)?;
            let sign = if c == b'-' { -1 } else { 1 };
            sign * (oh * 3600 + om * 60)
        }
        _ => return None,
    };
    // Days from civil (Howard Hinnant).
    let y = if mo <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (mo + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    let days = era * 146_097 + doe - 719_468;
    Some(days * 86_400 + h * 3600 + mi * 60 + se - offset)
}

/// The josh log's rows, in file order.
pub fn josh_rows() -> Vec<Row> {
    let text = std::fs::read_to_string(JOSH).expect("josh log");
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().unwrap().split(',').collect();
    let col = |n: &str| header.iter().position(|h| *h == n).unwrap();
    let (c, r, t) = (col("card_id"), col("review_rating"), col("review_time"));
    lines
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let f: Vec<&str> = l.split(',').collect();
            Row {
                card_id: f[c].parse().unwrap(),
                time_secs: parse_instant(f[t]).unwrap(),
                rating: f[r].parse().unwrap(),
            }
        })
        .collect()
}

/// The josh log as a dataset with Anki's day rule (day starts 04:00 UTC).
pub fn josh_dataset() -> Dataset {
    Dataset::from_rows(&josh_rows(), DayRule::default()).expect("valid rows")
}

/// fsrs-rs's items for `targets` (time order): each the card's reviews up to the target, with
/// the card ids `compute_parameters` groups them by.
pub fn fsrs_items(
    dataset: &Dataset,
    targets: &[carnet_optimizer::Target],
) -> (Vec<fsrs::FSRSItem>, Vec<i64>) {
    targets
        .iter()
        .map(|t| {
            let (id, reviews) = dataset.card(t.card as usize);
            let item = fsrs::FSRSItem {
                reviews: reviews[..=t.index as usize]
                    .iter()
                    .map(|r| fsrs::FSRSReview {
                        rating: u32::from(r.rating.as_u8()),
                        delta_t: r.delta_t,
                    })
                    .collect(),
            };
            (item, id as i64)
        })
        .unzip()
}

/// fsrs-rs's `compute_parameters` on the same items, grouped by card as Anki calls it.
pub fn fsrs_train(items: Vec<fsrs::FSRSItem>, card_ids: Vec<i64>) -> [f32; 21] {
    let input = fsrs::ComputeParametersInput {
        train_set: items,
        card_ids: Some(card_ids),
        ..Default::default()
    };
    fsrs::compute_parameters(input)
        .expect("fsrs-rs trains")
        .try_into()
        .expect("21 parameters")
}

/// A small deterministic generator.
pub struct Lcg(pub u64);

impl Lcg {
    /// Uniform in [0, 1).
    pub fn next_f64(&mut self) -> f64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// Histories of about `reviews` reviews simulated with the engine's memory model under `w`:
/// each card starts on a random day of a year, is reviewed at its interval for a retention
/// drawn per card in 0.70–0.95 (jittered ±20 %), recalled with probability R, graded
/// Hard/Good/Easy on a recall; a lapse and a third of first reviews get a same-day review.
pub fn simulate(w: &[f32; 21], reviews: usize, seed: u64) -> Dataset {
    use carnet_engine::{MemoryModel, Parameters, Rating};
    use carnet_optimizer::Review;
    let model = MemoryModel::new(&Parameters::new(w).expect("valid parameters"));
    let mut rng = Lcg(seed);
    let mut dataset = Dataset::new();
    let mut total = 0;
    let mut card = 0u64;
    let mut history = Vec::new();
    let pick = |rng: &mut Lcg, p: [f64; 4]| -> Rating {
        let x = rng.next_f64();
        let mut acc = 0.0;
        for (i, q) in p.iter().enumerate() {
            acc += q;
            if x < acc {
                return Rating::ALL[i];
            }
        }
        Rating::Easy
    };
    while total < reviews {
        history.clear();
        let retention = 0.70 + 0.25 * rng.next_f64();
        let mut day = (rng.next_f64() * 365.0) as i64;
        let mut time = day * 86_400 + (rng.next_f64() * 40_000.0) as i64;
        let first = pick(&mut rng, [0.25, 0.15, 0.45, 0.15]);
        history.push(Review {
            time,
            delta_t: 0,
            rating: first,
        });
        let mut state = model.initial(first);
        let max_reviews = 4 + (rng.next_f64() * 16.0) as usize;
        let mut same_day = first != Rating::Easy && rng.next_f64() < 0.33;
        while history.len() < max_reviews && day < 2 * 365 {
            let delta_t = if same_day {
                0
            } else {
                let ivl = model.interval(state.stability, retention as f32) as f64;
                (ivl * (0.8 + 0.4 * rng.next_f64())).round().max(1.0) as u32
            };
            day += i64::from(delta_t);
            time = if same_day {
                time + 600
            } else {
                day * 86_400 + (rng.next_f64() * 40_000.0) as i64
            };
            let r = if delta_t == 0 {
                1.0
            } else {
                model.retrievability(delta_t as f32, state.stability)
            };
            let rating = if same_day {
                pick(&mut rng, [0.1, 0.1, 0.7, 0.1])
            } else if rng.next_f64() < f64::from(r) {
                pick(&mut rng, [0.0, 0.15, 0.7, 0.15])
            } else {
                Rating::Again
            };
            state = model.next(state, delta_t, rating);
            history.push(Review {
                time,
                delta_t,
                rating,
            });
            same_day = !same_day && rating == Rating::Again;
        }
        total += history.len();
        dataset.push_card(card, &history).expect("valid history");
        card += 1;
    }
    dataset
}

/// The parameter sets on which carnet's recommended retention is compared with fsrs-rs's
/// (`tests/retention_against_fsrs.rs`, `examples/retention_vs_fsrs.rs`).
pub const RETENTION_SETS: [(&str, [f32; 21]); 3] = [
    ("defaults", carnet_engine::DEFAULT_PARAMETERS),
    (
        // Trained by `carnet optimize` on the josh log.
        "josh",
        [
            0.2129, 1.1144, 3.5201, 9.3769, 7.2816, 0.0912, 2.8556, 0.0122, 1.3246, 0.0487, 0.9929,
            1.7870, 0.0360, 0.3592, 2.6618, 0.6424, 1.8729, 0.6768, 0.0187, 0.2198, 0.6754,
        ],
    ),
    (
        "slow forgetting",
        [
            2.0, 5.0, 10.0, 30.0, 6.0, 0.5, 1.5, 0.01, 1.8, 0.1, 1.2, 1.5, 0.05, 0.3, 1.5, 0.3,
            2.5, 0.5, 0.3, 0.15, 0.2,
        ],
    ),
];
