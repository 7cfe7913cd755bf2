//! The figures of `carnet stats`, computed from the deck and its history.

use carnet_engine::{Card, CardState, DayClock, Phase, Scheduler};
use serde::Serialize;

use crate::clock::local_date;
use crate::history::{secs, walk, History};

/// Days covered by the review history chart and by the forecast.
pub const DAYS: i64 = 30;

/// Cards by state.
#[derive(Debug, Clone, Copy, Default, Serialize, PartialEq, Eq)]
pub struct StateCounts {
    /// Never reviewed.
    pub new: u32,
    /// In the learning steps.
    pub learning: u32,
    /// Graduated.
    pub review: u32,
    /// Forgotten, relearning.
    pub relearning: u32,
    /// Suspended (whatever their phase).
    pub suspended: u32,
}

/// A count on one day.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct DayCount {
    /// The local date, `2024-03-29`.
    pub date: String,
    /// The count.
    pub count: u32,
}

/// Share of reviews of graduated cards that were recalled (Anki's "true retention").
#[derive(Debug, Clone, Copy, Default, Serialize, PartialEq)]
pub struct Retention {
    /// Recalled (grade 2–4) in the last 30 days.
    pub passed_30_days: u32,
    /// Forgotten (grade 1) in the last 30 days.
    pub failed_30_days: u32,
    /// Recalled, all time.
    pub passed: u32,
    /// Forgotten, all time.
    pub failed: u32,
}

impl Retention {
    /// Over the last 30 days, if any review counts.
    pub fn last_30_days(&self) -> Option<f64> {
        ratio(self.passed_30_days, self.failed_30_days)
    }

    /// All time, if any review counts.
    pub fn all_time(&self) -> Option<f64> {
        ratio(self.passed, self.failed)
    }
}

fn ratio(passed: u32, failed: u32) -> Option<f64> {
    let n = passed + failed;
    (n > 0).then(|| passed as f64 / n as f64)
}

/// Cards in a stability range.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Bucket {
    /// The range, `7–14 j`.
    pub label: String,
    /// Cards whose stability falls in it.
    pub cards: u32,
}

/// Everything `stats` shows.
#[derive(Debug, Clone, Serialize)]
pub struct Stats {
    /// The deck's name.
    pub deck: String,
    /// Cards in the deck.
    pub cards: usize,
    /// Surviving reviews in the log (all cards, also those no longer in the deck).
    pub total_reviews: usize,
    /// Cards by state.
    pub states: StateCounts,
    /// Reviews on each of the last 30 days, oldest first.
    pub reviews_per_day: Vec<DayCount>,
    /// True retention.
    pub retention: Retention,
    /// Reviews due on each of the next 30 days, today first (overdue cards count today).
    pub forecast: Vec<DayCount>,
    /// Stability of the graduated cards.
    pub stability: Vec<Bucket>,
}

/// Upper bounds (days) of the stability buckets; their labels, in the interface's language,
/// are [`crate::messages::Messages::stats_buckets`].
const STABILITY_BOUNDS: [f32; 8] = [1.0, 3.0, 7.0, 14.0, 30.0, 90.0, 365.0, f32::INFINITY];

/// Computes the figures at `now` (seconds).
pub fn compute(
    deck_name: &str,
    cards: &[Card<'_>],
    history: &History,
    scheduler: &Scheduler,
    clock: &DayClock,
    now: i64,
) -> Stats {
    let today = clock.day(now);
    let states: Vec<CardState> = history.states(cards.iter().map(|c| c.id), scheduler, clock);
    let mut counts = StateCounts::default();
    let mut forecast = vec![0u32; DAYS as usize];
    let mut stability = vec![0u32; STABILITY_BOUNDS.len()];
    for s in &states {
        if s.is_suspended() {
            counts.suspended += 1;
            continue;
        }
        match s.phase() {
            Phase::New => counts.new += 1,
            Phase::Learning => counts.learning += 1,
            Phase::Review => counts.review += 1,
            Phase::Relearning => counts.relearning += 1,
        }
        if let Some(due) = s.due() {
            let d = (clock.day(due) - today).max(0);
            if d < DAYS {
                forecast[d as usize] += 1;
            }
        }
        if let (Phase::Review, Some(m)) = (s.phase(), s.memory()) {
            let b = STABILITY_BOUNDS
                .iter()
                .position(|hi| m.stability < *hi)
                .unwrap_or(7);
            stability[b] += 1;
        }
    }
    let mut per_day = vec![0u32; DAYS as usize];
    let mut retention = Retention::default();
    for (id, h) in history.cards() {
        walk(
            scheduler,
            id,
            &h.reviews,
            |l, n| clock.elapsed_days(l, n),
            |before, review, _, _| {
                let day = clock.day(secs(review.time_ms));
                let ago = today - day;
                if (0..DAYS).contains(&ago) {
                    per_day[(DAYS - 1 - ago) as usize] += 1;
                }
                if before.phase() == Phase::Review {
                    let recent = (0..DAYS).contains(&ago);
                    if review.rating.is_recall() {
                        retention.passed += 1;
                        retention.passed_30_days += recent as u32;
                    } else {
                        retention.failed += 1;
                        retention.failed_30_days += recent as u32;
                    }
                }
            },
        );
    }
    let date = |day: i64| local_date(clock.day_start(day));
    Stats {
        deck: deck_name.to_string(),
        cards: cards.len(),
        total_reviews: history.review_count(),
        states: counts,
        reviews_per_day: per_day
            .iter()
            .enumerate()
            .map(|(i, &count)| DayCount {
                date: date(today - (DAYS - 1) + i as i64),
                count,
            })
            .collect(),
        retention,
        forecast: forecast
            .iter()
            .enumerate()
            .map(|(i, &count)| DayCount {
                date: date(today + i as i64),
                count,
            })
            .collect(),
        stability: crate::messages::text()
            .stats_buckets
            .iter()
            .zip(stability)
            .map(|(label, cards)| Bucket {
                label: label.to_string(),
                cards,
            })
            .collect(),
    }
}
