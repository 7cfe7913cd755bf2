//! Choosing the desired retention: a learner's cards simulated day by day with their
//! parameters, for each retention from 0.70 to 0.97, counting the reviews it costs and the
//! knowledge it keeps (Anki's "help me decide", on the engine's own memory model).
//!
//! Each day the cards due are reviewed: recalled with the probability the model gives at that
//! day (then graded Hard, Good or Easy), else forgotten (Again); the next interval is the one
//! the retention asks for. Then new cards start (up to `new_per_day`, first grade drawn too)
//! while the day's time budget lasts; due cards beyond it wait for the next day. Work is
//! counted in seconds, each grade at its cost, a lapse with its relearning step. As in
//! fsrs-rs's simulator (whose grade probabilities, costs, 1,800 s budget and 10,000-card deck
//! are the defaults here), the best retention is the one with the least study time per card
//! known at the end: a high retention spends the budget on reviews, a low one on relearning.
//! Same-day learning steps are in the costs rather than simulated one by one, so the figures
//! compare retentions rather than predict a day's exact work.

use carnet_engine::{MemoryModel, MemoryState, Parameters, Rating};

/// Probability of each first grade (Again, Hard, Good, Easy): fsrs-rs's simulator defaults.
const FIRST_RATING: [f64; 4] = [0.24, 0.094, 0.495, 0.171];
/// Probability of Hard, Good, Easy when a card is recalled: fsrs-rs's simulator defaults.
const RECALLED_RATING: [f64; 3] = [0.224, 0.631, 0.145];
/// Seconds a first review takes, by grade (Again, Hard, Good, Easy): fsrs-rs's defaults.
const LEARN_COST: [f64; 4] = [19.58, 18.79, 13.78, 10.71];
/// Seconds a review takes, by grade: fsrs-rs's defaults.
const REVIEW_COST: [f64; 4] = [19.38, 17.59, 12.38, 8.94];
/// Seconds of the relearning step after a lapse (graded Good): fsrs-rs's defaults.
const RELEARN_COST: f64 = 12.32;

/// What the simulation runs over.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SimulationConfig {
    /// New cards waiting to be studied.
    pub new_cards: usize,
    /// New cards started a day.
    pub new_per_day: usize,
    /// Days simulated (one year by default).
    pub horizon_days: u32,
    /// The longest interval in days.
    pub maximum_interval: u32,
    /// Seconds of study a day at most.
    pub seconds_per_day: f64,
    /// Seed of the draws (each retention uses the same draws).
    pub seed: u64,
}

impl Default for SimulationConfig {
    fn default() -> Self {
        SimulationConfig {
            new_cards: 10_000,
            new_per_day: usize::MAX,
            horizon_days: 365,
            maximum_interval: 36_500,
            seconds_per_day: 1800.0,
            seed: 42,
        }
    }
}

/// A card already studied: its memory and the day of its last review (0 is the first day
/// simulated, so the past is negative).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct StudiedCard {
    /// Stability and difficulty.
    pub memory: MemoryState,
    /// Day of the last review, relative to the first day simulated (≤ 0).
    pub last_day: i32,
}

/// What one retention gives over the horizon.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Outcome {
    /// The desired retention simulated.
    pub desired_retention: f32,
    /// Reviews in all (first reviews included).
    pub reviews: u64,
    /// Reviews a day on average.
    pub reviews_per_day: f64,
    /// Minutes of study a day on average (each grade at its cost).
    pub minutes_per_day: f64,
    /// Cards the learner is expected to recall at the end: the sum of their probabilities of
    /// recall on the last day.
    pub memorized: f64,
    /// Seconds of study per card memorized: the work each kept card cost.
    pub work_per_memorized: f64,
}

/// The retentions [`sweep`] simulates: 0.70, 0.71, …, 0.97.
pub fn retentions() -> impl Iterator<Item = f32> {
    (70..=97).map(|r| r as f32 / 100.0)
}

/// One retention simulated.
pub fn simulate(
    parameters: &Parameters,
    desired_retention: f32,
    config: &SimulationConfig,
    studied: &[StudiedCard],
) -> Outcome {
    let model = MemoryModel::new(parameters);
    let horizon = config.horizon_days as i32;
    let total = studied.len() + config.new_cards;
    let mut memory: Vec<Option<MemoryState>> = Vec::with_capacity(total);
    let mut last: Vec<i32> = Vec::with_capacity(total);
    // The cards due each day, by index.
    let mut due: Vec<Vec<u32>> = vec![Vec::new(); config.horizon_days as usize];
    let interval = |m: MemoryState| -> i32 {
        let days = model.interval(m.stability, desired_retention).round();
        (days.max(1.0) as i64).min(config.maximum_interval.max(1) as i64) as i32
    };
    for (i, card) in studied.iter().enumerate() {
        memory.push(Some(card.memory));
        last.push(card.last_day);
        let day = (card.last_day + interval(card.memory)).max(0);
        if day < horizon {
            due[day as usize].push(i as u32);
        }
    }
    memory.resize(total, None);
    last.resize(total, 0);
    let mut rng = SplitMix(config.seed);
    let mut next_new = studied.len();
    let mut reviews = 0u64;
    let mut seconds = 0f64;
    for day in 0..horizon {
        let today = std::mem::take(&mut due[day as usize]);
        let mut spent = 0.0f64;
        let mut started = 0usize;
        let mut waiting = today.into_iter().map(|i| i as usize);
        loop {
            let i = match waiting.next() {
                Some(i) if spent < config.seconds_per_day => i,
                Some(i) => {
                    // Over the budget: the card waits for tomorrow.
                    if day + 1 < horizon {
                        due[day as usize + 1].push(i as u32);
                    }
                    continue;
                }
                None if spent < config.seconds_per_day
                    && next_new < total
                    && started < config.new_per_day =>
                {
                    started += 1;
                    next_new += 1;
                    next_new - 1
                }
                None => break,
            };
            let before = seconds;
            let state = match memory[i] {
                None => {
                    let rating = pick(&FIRST_RATING, rng.unit(), FIRST);
                    seconds += LEARN_COST[rating.index()];
                    model.initial(rating)
                }
                Some(m) => {
                    let elapsed = (day - last[i]).max(0) as u32;
                    let recall = model.retrievability(elapsed as f32, m.stability) as f64;
                    let rating = if rng.unit() < recall {
                        pick(&RECALLED_RATING, rng.unit(), RECALLED)
                    } else {
                        Rating::Again
                    };
                    seconds += REVIEW_COST[rating.index()];
                    if rating == Rating::Again {
                        seconds += RELEARN_COST;
                    }
                    model.next(m, elapsed, rating)
                }
            };
            spent += seconds - before;
            reviews += 1;
            memory[i] = Some(state);
            last[i] = day;
            let next = day + interval(state);
            if next < horizon {
                due[next as usize].push(i as u32);
            }
        }
    }
    let memorized: f64 = memory
        .iter()
        .zip(&last)
        .filter_map(|(m, &l)| {
            m.map(|m| model.retrievability((horizon - l).max(0) as f32, m.stability) as f64)
        })
        .sum();
    Outcome {
        desired_retention,
        reviews,
        reviews_per_day: reviews as f64 / config.horizon_days.max(1) as f64,
        minutes_per_day: seconds / 60.0 / config.horizon_days.max(1) as f64,
        memorized,
        work_per_memorized: if memorized > 0.0 {
            seconds / memorized
        } else {
            f64::INFINITY
        },
    }
}

/// Every retention of [`retentions`] simulated, on both cores.
pub fn sweep(
    parameters: &Parameters,
    config: &SimulationConfig,
    studied: &[StudiedCard],
) -> Vec<Outcome> {
    let all: Vec<f32> = retentions().collect();
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get().min(all.len()));
    let chunk = all.len().div_ceil(threads);
    std::thread::scope(|s| {
        let handles: Vec<_> = all
            .chunks(chunk)
            .map(|part| {
                s.spawn(move || {
                    part.iter()
                        .map(|&r| simulate(parameters, r, config, studied))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_default())
            .collect()
    })
}

/// The retention with the least work per card memorized.
pub fn recommend(outcomes: &[Outcome]) -> Option<&Outcome> {
    outcomes
        .iter()
        .filter(|o| o.work_per_memorized.is_finite())
        .min_by(|a, b| a.work_per_memorized.total_cmp(&b.work_per_memorized))
}

const FIRST: [Rating; 4] = [Rating::Again, Rating::Hard, Rating::Good, Rating::Easy];
const RECALLED: [Rating; 3] = [Rating::Hard, Rating::Good, Rating::Easy];

/// The grade whose probability band holds `u` (in [0, 1)).
fn pick<const N: usize>(probabilities: &[f64; N], u: f64, ratings: [Rating; N]) -> Rating {
    let mut acc = 0.0;
    for (p, r) in probabilities.iter().zip(ratings) {
        acc += p;
        if u < acc {
            return r;
        }
    }
    ratings[N - 1]
}

/// SplitMix64: small, fast, and the same draws for every retention.
struct SplitMix(u64);

impl SplitMix {
    fn unit(&mut self) -> f64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^= z >> 31;
        (z >> 11) as f64 / (1u64 << 53) as f64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Without a time budget, a high retention costs far more reviews than a low one and keeps
    /// more cards (not at every step: at the low end fewer lapses can outweigh shorter
    /// intervals).
    #[test]
    fn more_retention_costs_more_and_keeps_more() {
        let parameters = Parameters::default();
        let unbounded = SimulationConfig {
            new_cards: 2000,
            new_per_day: 20,
            seconds_per_day: f64::INFINITY,
            ..SimulationConfig::default()
        };
        let outcomes = sweep(&parameters, &unbounded, &[]);
        assert_eq!(outcomes.len(), 28);
        let (first, last) = (outcomes[0], outcomes[27]);
        assert!(last.reviews > first.reviews * 2, "{first:?} {last:?}");
        assert!(last.memorized > first.memorized, "{first:?} {last:?}");
        for pair in outcomes.windows(2) {
            assert!(pair[1].desired_retention > pair[0].desired_retention);
        }
    }

    /// Within the daily budget, the highest retentions spend it on reviews and keep fewer
    /// cards for the time: the recommendation is the least time per card kept.
    #[test]
    fn the_budget_makes_high_retention_costly_and_the_least_cost_is_chosen() {
        let outcomes = sweep(&Parameters::default(), &SimulationConfig::default(), &[]);
        let at = |r: f32| {
            outcomes
                .iter()
                .find(|o| (o.desired_retention - r).abs() < 1e-6)
                .unwrap()
        };
        assert!(at(0.97).work_per_memorized > at(0.90).work_per_memorized);
        assert!(
            outcomes.iter().all(|o| o.minutes_per_day <= 30.0 + 1.0),
            "{outcomes:?}"
        );
        let best = recommend(&outcomes).unwrap();
        assert!(outcomes
            .iter()
            .all(|o| o.work_per_memorized >= best.work_per_memorized));
    }

    /// Cards already studied come due and are counted; with no new cards, none is added.
    #[test]
    fn studied_cards_are_reviewed_and_kept() {
        let parameters = Parameters::default();
        let studied: Vec<StudiedCard> = (0..500i32)
            .map(|i| StudiedCard {
                memory: MemoryState {
                    stability: 2.0 + (i % 50) as f32,
                    difficulty: 5.0,
                },
                last_day: -(i % 30),
            })
            .collect();
        let config = SimulationConfig {
            new_cards: 0,
            seconds_per_day: f64::INFINITY,
            ..SimulationConfig::default()
        };
        let o = simulate(&parameters, 0.9, &config, &studied);
        assert!(o.reviews >= 500, "{o:?}");
        assert!(o.memorized > 0.0 && o.memorized <= 500.0, "{o:?}");
        // The same draws every time.
        assert_eq!(o, simulate(&parameters, 0.9, &config, &studied));
    }
}
