//! How a card's carnet history reads in Anki: one revlog row a review, filled as Anki's own
//! FSRS scheduler fills them (grade, type, new and last interval, the difficulty as the
//! ease factor, the answer time capped at 60 s), and the card's scheduling columns after the
//! last one (type, queue, due in Anki's units, interval, reps, lapses, remaining steps, and
//! the FSRS memory state of `cards.data`).
//!
//! Both ways to Anki use it: the package of `carnet export --apkg`
//! ([`crate::anki_export`]) and the rows written straight into a collection by `carnet export
//! --into` ([`crate::anki_collection_write`]).

use carnet_engine::review_log::Review;
use carnet_engine::{CardId, CardState, DayClock, Phase, Rating, Scheduler};
use serde_json::json;

use crate::history::walk;

/// One revlog row of a review.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RevlogRow {
    /// The review's time in milliseconds, Anki's revlog id.
    pub id: i64,
    /// The grade (1 Again … 4 Easy).
    pub ease: u8,
    /// The interval after it: days in review, negative seconds in (re)learning.
    pub ivl: i64,
    /// The interval of the row before it (0 for the first).
    pub last_ivl: i64,
    /// The ease factor Anki's FSRS writes: the difficulty after the review, from 100 (1) to
    /// 1,100 (10).
    pub factor: i64,
    /// The answer time, milliseconds, at most 60 s (Anki's cap).
    pub taken_ms: u32,
    /// `revlog.type`: 0 learning, 1 review, 2 relearning.
    pub kind: u8,
    /// Whether it is a lapse (Again on a card in review).
    pub lapse: bool,
}

/// A card's scheduling columns in Anki after its reviews.
#[derive(Debug, Clone, PartialEq)]
pub struct CardSchedule {
    /// `cards.type`: 0 new, 1 learning, 2 review, 3 relearning.
    pub kind: i64,
    /// `cards.queue`: −1 suspended, 0 new, 1 learning within the day, 2 review, 3 learning
    /// across days.
    pub queue: i64,
    /// `cards.due`: the new card's position, a time in seconds (queue 1), else a day number
    /// counted from the collection's creation day.
    pub due: i64,
    /// `cards.ivl`: the interval in days (0 while learning).
    pub ivl: i64,
    /// `cards.reps`: the reviews.
    pub reps: i64,
    /// `cards.lapses`.
    pub lapses: i64,
    /// `cards.left`: the learning steps left (0 outside learning).
    pub left: i64,
    /// The FSRS memory state as `cards.data` holds it (`s`, `d`, `dr`, `decay`, `lrt`), or
    /// `None` for a new card.
    pub memory: Option<serde_json::Map<String, serde_json::Value>>,
}

/// How the card is scheduled: by whom, and how Anki counts its days.
pub struct AnkiDays<'a> {
    /// The scheduler (its parameters, retention and steps).
    pub scheduler: &'a Scheduler,
    /// carnet's day clock, by which the reviews' elapsed days are counted.
    pub clock: DayClock,
    /// The collection's day clock (its rollover hour), by which due days are numbered.
    pub anki_clock: DayClock,
    /// The calendar date (days since the Unix epoch, in the learner's time zone) of the
    /// collection's creation, from which Anki numbers due days.
    pub creation_day: i64,
}

/// Rounds to `places` decimals, as Anki stores memory states.
fn rounded(x: f32, places: i32) -> f64 {
    let scale = 10f64.powi(places);
    (x as f64 * scale).round() / scale
}

/// The ease factor Anki's FSRS writes in a revlog row: the difficulty after the review
/// (1 to 10) as 100 to 1,100 per mille (measured on Anki's own answers, tested).
pub fn ease_factor(difficulty: f32) -> i64 {
    ((difficulty as f64 - 1.0) / 9.0 * 1000.0).round() as i64 + 100
}

/// Anki's interval of a state: days in review, negative seconds in (re)learning.
fn anki_interval(state: &CardState) -> i64 {
    match state.phase() {
        Phase::Review => state.interval_days() as i64,
        _ => -state.scheduled_secs(),
    }
}

/// The revlog rows of card `id`'s `reviews` (in time order) and its scheduling after them;
/// `position` is its `due` while it is new, `suspended` whether carnet suspended it.
pub fn schedule(
    days: &AnkiDays<'_>,
    id: CardId,
    reviews: &[Review],
    suspended: bool,
    position: i64,
) -> (Vec<RevlogRow>, CardSchedule) {
    let s = days.scheduler;
    let mut rows = Vec::with_capacity(reviews.len());
    let mut last_ivl = 0i64;
    let state = walk(
        s,
        id,
        reviews,
        |last, now| days.clock.elapsed_days(last, now),
        |before, review, _, after| {
            let kind = match before.phase() {
                Phase::New | Phase::Learning => 0,
                Phase::Review => 1,
                Phase::Relearning => 2,
            };
            let ivl = anki_interval(after);
            let difficulty = after.memory().map_or(5.0, |m| m.difficulty);
            rows.push(RevlogRow {
                id: review.time_ms,
                ease: review.rating as u8,
                ivl,
                last_ivl,
                factor: ease_factor(difficulty),
                taken_ms: review.duration_ms.min(60_000),
                kind,
                lapse: before.phase() == Phase::Review && review.rating == Rating::Again,
            });
            last_ivl = ivl;
        },
    );
    let day = |secs: i64| days.anki_clock.day(secs) - days.creation_day;
    let (kind, queue, due, ivl) = match (state.phase(), state.due()) {
        (Phase::New, _) | (_, None) => (0, 0, position, 0),
        (Phase::Review, Some(due)) => (2, 2, day(due), state.interval_days() as i64),
        (phase, Some(due)) => {
            let kind = if phase == Phase::Learning { 1 } else { 3 };
            let last = state.last_review().unwrap_or(due);
            if days.anki_clock.day(due) > days.anki_clock.day(last) {
                (kind, 3, day(due), 0)
            } else {
                (kind, 1, due, 0)
            }
        }
    };
    let config = s.config();
    let steps = match state.phase() {
        Phase::Learning => config.learning_steps.as_slice().len(),
        Phase::Relearning => config.relearning_steps.as_slice().len(),
        _ => 0,
    };
    let left = (steps as i64 - state.step() as i64).max(i64::from(steps > 0));
    let memory = match (state.memory(), state.last_review()) {
        (Some(m), Some(last)) => {
            let mut data = json!({
                "s": rounded(m.stability, 4),
                "d": rounded(m.difficulty, 3),
                "dr": rounded(config.desired_retention, 3),
                "decay": rounded(config.parameters.as_array()[20], 3),
                "lrt": last,
            });
            Some(data.as_object_mut().map(std::mem::take).unwrap_or_default())
        }
        _ => None,
    };
    let schedule = CardSchedule {
        kind,
        queue: if suspended { -1 } else { queue },
        due,
        ivl,
        reps: rows.len() as i64,
        lapses: rows.iter().filter(|r| r.lapse).count() as i64,
        left,
        memory,
    };
    (rows, schedule)
}

#[cfg(test)]
mod tests {
    use super::*;
    use carnet_engine::SchedulerConfig;

    fn review(time_ms: i64, rating: Rating) -> Review {
        Review {
            card: CardId(7),
            time_ms,
            rating,
            duration_ms: 90_000,
        }
    }

    #[test]
    fn rows_follow_the_card_through_learning_review_and_a_lapse() {
        let scheduler = Scheduler::new(SchedulerConfig::default()).unwrap();
        let clock = DayClock::default();
        let days = AnkiDays {
            scheduler: &scheduler,
            clock,
            anki_clock: clock,
            creation_day: clock.day(1_700_000_000),
        };
        let t0 = 1_700_100_000_000;
        let day = 86_400_000;
        let reviews = [
            review(t0, Rating::Good),
            review(t0 + 600_000, Rating::Good),
            review(t0 + 5 * day, Rating::Again),
            review(t0 + 5 * day + 600_000, Rating::Good),
        ];
        let (rows, card) = schedule(&days, CardId(7), &reviews, false, 3);
        let kinds: Vec<u8> = rows.iter().map(|r| r.kind).collect();
        assert_eq!(kinds, [0, 0, 1, 2]);
        assert!(rows[0].ivl < 0 && rows[1].ivl > 0, "{rows:?}");
        assert_eq!(rows[2].last_ivl, rows[1].ivl);
        assert!(rows.iter().all(|r| r.taken_ms == 60_000));
        assert!(rows.iter().all(|r| (100..=1100).contains(&r.factor)));
        assert_eq!(rows.iter().filter(|r| r.lapse).count(), 1);
        assert_eq!((card.reps, card.lapses), (4, 1));
        assert_eq!((card.kind, card.queue), (2, 2));
        let memory = card.memory.unwrap();
        assert_eq!(memory["lrt"], (t0 + 5 * day + 600_000) / 1000);
        // Suspended, the same schedule in queue −1; new, its position.
        let (_, suspended) = schedule(&days, CardId(7), &reviews, true, 3);
        assert_eq!(suspended.queue, -1);
        let (none, new) = schedule(&days, CardId(7), &[], false, 3);
        assert!(none.is_empty());
        assert_eq!((new.kind, new.queue, new.due, new.memory), (0, 0, 3, None));
    }
}
