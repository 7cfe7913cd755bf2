//! The scheduler: FSRS-6 memory model plus learning steps, retention and fuzz.

use rand_core::Rng;

use crate::card::CardId;
use crate::card_state::{CardState, Phase, DELAY_MAX};
use crate::error::Error;
use crate::fuzz::{fuzzed_interval, unit_from_bits, SeededFuzz};
use crate::memory::{MemoryModel, MemoryState};
use crate::parameters::Parameters;
use crate::rating::Rating;

/// At most this many learning (or relearning) steps.
pub const MAX_STEPS: usize = 16;

/// Learning or relearning steps: short same-day delays, in seconds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Steps {
    secs: [u32; MAX_STEPS],
    len: u8,
}

impl Steps {
    /// Steps from delays in seconds: at most 16, each from 1 s to 194 days.
    pub fn new(secs: &[u32]) -> Result<Steps, Error> {
        if secs.len() > MAX_STEPS || secs.iter().any(|&s| s == 0 || s > DELAY_MAX) {
            return Err(Error::Steps);
        }
        let mut steps = Steps {
            secs: [0; MAX_STEPS],
            len: secs.len() as u8,
        };
        steps.secs[..secs.len()].copy_from_slice(secs);
        Ok(steps)
    }

    /// The delays in seconds.
    pub fn as_slice(&self) -> &[u32] {
        &self.secs[..self.len as usize]
    }
}

/// Everything that decides how cards are scheduled.
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct SchedulerConfig {
    /// FSRS-6 parameters.
    pub parameters: Parameters,
    /// The probability of recall at which reviews are scheduled (default 0.90).
    pub desired_retention: f32,
    /// The longest interval in days (default 36,500).
    pub maximum_interval: u32,
    /// Whether intervals of review cards are fuzzed (default on).
    pub fuzz: bool,
    /// Delays after a new card's reviews (default 1 min, 10 min).
    pub learning_steps: Steps,
    /// Delays after a lapse (default 10 min).
    pub relearning_steps: Steps,
}

impl Default for SchedulerConfig {
    fn default() -> Self {
        SchedulerConfig {
            parameters: Parameters::default(),
            desired_retention: 0.9,
            maximum_interval: 36_500,
            fuzz: true,
            learning_steps: Steps {
                secs: {
                    let mut s = [0; MAX_STEPS];
                    s[0] = 60;
                    s[1] = 600;
                    s
                },
                len: 2,
            },
            relearning_steps: Steps {
                secs: {
                    let mut s = [0; MAX_STEPS];
                    s[0] = 600;
                    s
                },
                len: 1,
            },
        }
    }
}

/// Memory state and interval (whole days) for one rating, as fsrs-rs's `ItemState`.
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct ItemState {
    /// The memory state after the review.
    pub memory: MemoryState,
    /// The interval FSRS would give, in days (rounded, at least 1, at most the maximum).
    pub interval_days: u32,
}

/// The outcome of each rating, as fsrs-rs's `NextStates`.
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct NextStates {
    /// After `Again`.
    pub again: ItemState,
    /// After `Hard`.
    pub hard: ItemState,
    /// After `Good`.
    pub good: ItemState,
    /// After `Easy`.
    pub easy: ItemState,
}

/// A card's state after each of the four ratings: what a UI shows on its buttons.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Outcomes {
    states: [CardState; 4],
    now: i64,
}

impl Outcomes {
    /// The state the card takes if rated `rating`.
    pub fn get(&self, rating: Rating) -> CardState {
        self.states[rating.index()]
    }

    /// Seconds from now until the card is due again if rated `rating`.
    pub fn wait_secs(&self, rating: Rating) -> i64 {
        self.get(rating).due().map_or(0, |due| due - self.now)
    }
}

/// The FSRS-6 scheduler.
#[derive(Debug, Clone, Copy)]
pub struct Scheduler {
    model: MemoryModel,
    config: SchedulerConfig,
    /// Interval / stability at the desired retention.
    interval_multiplier: f32,
}

impl Default for Scheduler {
    fn default() -> Self {
        let model = MemoryModel::new(&Parameters::default());
        Scheduler {
            interval_multiplier: model.interval_multiplier(0.9),
            model,
            config: SchedulerConfig::default(),
        }
    }
}

impl Scheduler {
    /// A scheduler for a checked configuration.
    pub fn new(config: SchedulerConfig) -> Result<Scheduler, Error> {
        if !(config.desired_retention > 0.0 && config.desired_retention < 1.0) {
            return Err(Error::DesiredRetention);
        }
        if config.maximum_interval == 0 || config.maximum_interval > 36_500 {
            return Err(Error::MaximumInterval);
        }
        let model = MemoryModel::new(&config.parameters);
        Ok(Scheduler {
            interval_multiplier: model.interval_multiplier(config.desired_retention),
            model,
            config,
        })
    }

    /// The configuration.
    pub fn config(&self) -> &SchedulerConfig {
        &self.config
    }

    /// The memory model.
    pub fn model(&self) -> &MemoryModel {
        &self.model
    }

    /// The interval in whole days for a stability: rounded, at least 1, at most the maximum.
    #[inline]
    pub fn next_interval(&self, stability: f32) -> u32 {
        // The interval is proportional to stability: one multiplication, worked out at
        // construction. Intervals are positive, so adding 0.5 and truncating rounds half away
        // from zero as `f32::round` does, without the libm call baseline x86-64 makes for it.
        // The cast saturates (NaN gives 0, hence the clamp to at least 1).
        let days = (stability * self.interval_multiplier + 0.5) as u32;
        days.clamp(1, self.config.maximum_interval)
    }

    /// Probability of recall of `card` after `elapsed_days`; `None` for a new card.
    pub fn retrievability(&self, card: &CardState, elapsed_days: f32) -> Option<f32> {
        card.memory().map(|m| {
            self.model
                .retrievability(elapsed_days.max(0.0), m.stability)
        })
    }

    /// The memory state and interval for every rating, without learning steps or fuzz
    /// (fsrs-rs's `next_states`). `None` is a new card.
    #[inline]
    pub fn next_states(&self, memory: Option<MemoryState>, elapsed_days: u32) -> NextStates {
        let [again, hard, good, easy] =
            self.model
                .next_all(memory, elapsed_days)
                .map(|m| ItemState {
                    memory: m,
                    interval_days: self.next_interval(m.stability),
                });
        NextStates {
            again,
            hard,
            good,
            easy,
        }
    }

    /// The card's state after each rating, reviewed at `now` (seconds since the Unix epoch),
    /// `elapsed_days` after its last review (see [`crate::DayClock`]).
    ///
    /// Learning steps follow py-fsrs 6 (and Anki): `Again` restarts the steps, `Hard` repeats
    /// the step (the first time: the mean of the first two), `Good` moves on and graduates after
    /// the last step, `Easy` graduates at once. One random draw fuzzes every review interval.
    pub fn outcomes<R: Rng + ?Sized>(
        &self,
        card: &CardState,
        now: i64,
        elapsed_days: u32,
        rng: &mut R,
    ) -> Outcomes {
        let memories = self.model.next_all(card.memory(), elapsed_days);
        let unit = if self.config.fuzz {
            unit_from_bits(rng.next_u32())
        } else {
            0.0
        };
        let mut states = [CardState::NEW; 4];
        for rating in Rating::ALL {
            states[rating.index()] =
                self.transition(card, memories[rating.index()], rating, now, unit);
        }
        Outcomes { states, now }
    }

    /// The card's state after one review (see [`Scheduler::outcomes`]).
    pub fn review<R: Rng + ?Sized>(
        &self,
        card: &CardState,
        rating: Rating,
        now: i64,
        elapsed_days: u32,
        rng: &mut R,
    ) -> CardState {
        let memory = match card.memory() {
            None => self.model.initial(rating),
            Some(m) => self.model.next(m, elapsed_days, rating),
        };
        let unit = if self.config.fuzz {
            unit_from_bits(rng.next_u32())
        } else {
            0.0
        };
        self.transition(card, memory, rating, now, unit)
    }

    /// Folds a card's reviews, in time order, into its state. Fuzz is drawn from
    /// [`SeededFuzz::for_review`], so the same log always gives the same schedule.
    /// `elapsed_days(last, now)` says how whole days are counted.
    pub fn replay<I, F>(&self, card: CardId, reviews: I, elapsed_days: F) -> CardState
    where
        I: IntoIterator<Item = (i64, Rating)>,
        F: Fn(i64, i64) -> u32,
    {
        let mut state = CardState::NEW;
        for (time, rating) in reviews {
            let elapsed = state
                .last_review()
                .map_or(0, |last| elapsed_days(last, time));
            state = self.replay_step(&state, card, time, rating, elapsed);
        }
        state
    }

    /// One step of [`Scheduler::replay`]: the review of `card` at `time` (seconds), with the
    /// fuzz that replaying the log will draw again. A program that reviews live and replays
    /// its log at the next start must use this (or [`Scheduler::outcomes`] with
    /// [`SeededFuzz::for_review`]) so both give the same due dates. Suspension is kept.
    #[inline]
    pub fn replay_step(
        &self,
        state: &CardState,
        card: CardId,
        time: i64,
        rating: Rating,
        elapsed_days: u32,
    ) -> CardState {
        self.review(
            state,
            rating,
            time,
            elapsed_days,
            &mut SeededFuzz::for_review(card, time),
        )
    }

    /// Where the learning steps lead after `rating`, given the new memory state.
    fn transition(
        &self,
        card: &CardState,
        memory: MemoryState,
        rating: Rating,
        now: i64,
        fuzz_unit: f32,
    ) -> CardState {
        let review = |memory: MemoryState| {
            let mut days = self.next_interval(memory.stability);
            if self.config.fuzz {
                days = fuzzed_interval(days, self.config.maximum_interval, fuzz_unit);
            }
            CardState::reviewed(memory, now, Phase::Review, 0, days)
        };
        let mut next = match card.phase() {
            Phase::New => self.step(memory, Phase::Learning, 0, rating, now, &review),
            Phase::Learning | Phase::Relearning => {
                self.step(memory, card.phase(), card.step(), rating, now, &review)
            }
            Phase::Review => {
                if rating == Rating::Again && !self.config.relearning_steps.as_slice().is_empty() {
                    let delay = self.config.relearning_steps.as_slice()[0];
                    CardState::reviewed(memory, now, Phase::Relearning, 0, delay)
                } else {
                    review(memory)
                }
            }
        };
        next.set_suspended(card.is_suspended());
        next
    }

    /// One move through (re)learning steps, exactly as py-fsrs 6 does it.
    fn step(
        &self,
        memory: MemoryState,
        phase: Phase,
        step: u8,
        rating: Rating,
        now: i64,
        review: &dyn Fn(MemoryState) -> CardState,
    ) -> CardState {
        let steps = match phase {
            Phase::Relearning => self.config.relearning_steps,
            _ => self.config.learning_steps,
        };
        let steps = steps.as_slice();
        let step_idx = step as usize;
        if steps.is_empty() || (step_idx >= steps.len() && rating != Rating::Again) {
            return review(memory);
        }
        let at =
            |step: usize, delay: u32| CardState::reviewed(memory, now, phase, step as u8, delay);
        match rating {
            Rating::Again => at(0, steps[0]),
            Rating::Hard => {
                let delay = if step_idx == 0 && steps.len() == 1 {
                    steps[0] + steps[0] / 2
                } else if step_idx == 0 {
                    (steps[0] + steps[1]) / 2
                } else {
                    steps[step_idx.min(steps.len() - 1)]
                };
                at(step_idx, delay)
            }
            Rating::Good => {
                if step_idx + 1 >= steps.len() {
                    review(memory)
                } else {
                    at(step_idx + 1, steps[step_idx + 1])
                }
            }
            Rating::Easy => review(memory),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::day_clock::whole_days_between;

    fn no_fuzz() -> Scheduler {
        Scheduler::new(SchedulerConfig {
            fuzz: false,
            ..SchedulerConfig::default()
        })
        .unwrap()
    }

    /// fsrs-rs `test_memory_state` and py-fsrs: [Again, Good, Good, Good, Good, Good] on days
    /// [0, 0, 1, 3, 8, 21] give S = 53.62691, D = 6.3574867.
    #[test]
    fn published_memory_vector() {
        let s = no_fuzz();
        let ratings = [1u8, 3, 3, 3, 3, 3];
        let deltas = [0u32, 0, 1, 3, 8, 21];
        let mut memory: Option<MemoryState> = None;
        for (r, dt) in ratings.iter().zip(deltas) {
            let rating = Rating::from_u8(*r).unwrap();
            memory = Some(match memory {
                None => s.model().initial(rating),
                Some(m) => s.model().next(m, dt, rating),
            });
        }
        let m = memory.unwrap();
        assert!((m.stability - 53.62691).abs() < 1e-3, "{}", m.stability);
        assert!((m.difficulty - 6.3574867).abs() < 1e-4, "{}", m.difficulty);
    }

    /// fsrs-rs `test_next_interval`: stability 1 at retention 0.1 … 1.0.
    #[test]
    fn next_interval_table() {
        let m = MemoryModel::new(&Parameters::default());
        let got: [i64; 10] = core::array::from_fn(|i| {
            let r = (i + 1) as f32 / 10.0;
            (m.interval(1.0, r).round().max(1.0)) as i64
        });
        assert_eq!(got, [3116766, 34793, 2508, 387, 90, 27, 9, 3, 1, 1]);
    }

    /// py-fsrs `test_review_card`: reviewing at each due date.
    #[test]
    fn py_fsrs_review_card_sequence() {
        let s = no_fuzz();
        let ratings = [3u8, 3, 3, 3, 3, 3, 1, 1, 3, 3, 3, 3, 3];
        let mut card = CardState::NEW;
        let mut now = 1_700_000_000i64;
        let mut intervals = [0i64; 13];
        for (i, r) in ratings.iter().enumerate() {
            let elapsed = card
                .last_review()
                .map_or(0, |last| whole_days_between(last, now));
            card = s.review(
                &card,
                Rating::from_u8(*r).unwrap(),
                now,
                elapsed,
                &mut SeededFuzz::from_seed(0),
            );
            let due = card.due().unwrap();
            intervals[i] = (due - now).div_euclid(86_400);
            now = due;
        }
        assert_eq!(intervals, [0, 2, 11, 46, 163, 498, 0, 0, 2, 4, 7, 12, 21]);
    }

    #[test]
    fn outcomes_agree_with_review() {
        let s = Scheduler::default();
        let mut card = CardState::NEW;
        let mut now = 1_700_000_000i64;
        for (i, r) in [3u8, 3, 2, 4, 1, 3, 3].iter().enumerate() {
            let elapsed = card.last_review().map_or(0, |l| whole_days_between(l, now));
            let rating = Rating::from_u8(*r).unwrap();
            let seed = i as u64 * 31 + 5;
            let all = s.outcomes(&card, now, elapsed, &mut SeededFuzz::from_seed(seed));
            let one = s.review(
                &card,
                rating,
                now,
                elapsed,
                &mut SeededFuzz::from_seed(seed),
            );
            assert_eq!(all.get(rating), one);
            assert!(all.wait_secs(Rating::Again) <= all.wait_secs(Rating::Easy));
            card = one;
            now = card.due().unwrap() + 3600;
        }
    }

    #[test]
    fn hard_on_first_step_is_the_mean_of_the_first_two() {
        let s = no_fuzz();
        let out = s.outcomes(&CardState::NEW, 0, 0, &mut SeededFuzz::from_seed(1));
        assert_eq!(out.wait_secs(Rating::Again), 60);
        assert_eq!(out.wait_secs(Rating::Hard), 330);
        assert_eq!(out.wait_secs(Rating::Good), 600);
        assert_eq!(out.get(Rating::Easy).phase(), Phase::Review);
        assert_eq!(out.get(Rating::Easy).interval_days(), 8);
    }

    #[test]
    fn rejects_bad_configuration() {
        let bad = |f: fn(&mut SchedulerConfig)| {
            let mut c = SchedulerConfig::default();
            f(&mut c);
            Scheduler::new(c).err()
        };
        assert_eq!(
            bad(|c| c.desired_retention = 1.0),
            Some(Error::DesiredRetention)
        );
        assert_eq!(
            bad(|c| c.desired_retention = f32::NAN),
            Some(Error::DesiredRetention)
        );
        assert_eq!(
            bad(|c| c.maximum_interval = 0),
            Some(Error::MaximumInterval)
        );
        assert_eq!(Steps::new(&[0]), Err(Error::Steps));
        assert_eq!(Steps::new(&[60; 17]), Err(Error::Steps));
    }

    #[test]
    fn maximum_interval_caps_reviews() {
        let s = Scheduler::new(SchedulerConfig {
            maximum_interval: 30,
            fuzz: false,
            ..SchedulerConfig::default()
        })
        .unwrap();
        let mut card = CardState::NEW;
        let mut now = 0i64;
        for _ in 0..12 {
            let elapsed = card.last_review().map_or(0, |l| whole_days_between(l, now));
            card = s.review(
                &card,
                Rating::Easy,
                now,
                elapsed,
                &mut SeededFuzz::from_seed(now as u64),
            );
            assert!(card.interval_days() <= 30);
            now = card.due().unwrap();
        }
        assert_eq!(card.interval_days(), 30);
    }
}
