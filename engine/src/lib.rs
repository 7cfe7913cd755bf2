//! # carnet-engine
//!
//! The heart of carnet, shared by the terminal program and the handheld's firmware:
//!
//! - [`Scheduler`]: FSRS-6 (21 parameters; 17/19-value sets upgraded as fsrs-rs does), in
//!   `f32`, giving the outcome of all four [`Rating`]s in one call, with learning steps,
//!   desired retention, maximum interval and fuzz drawn from a caller's RNG.
//! - [`CardState`]: a card's schedule in 16 bytes, always derived from the review log
//!   ([`Scheduler::replay`]).
//! - [`Queue`]: today's cards over borrowed slices, within daily limits, no allocation.
//! - [`quiz`]: multiple-choice questions and [`check_answer`] for typed answers.
//! - [`deck`]: the deck file (checked, versioned, zero-copy) and [`review_log`]: the
//!   append-only log whose torn last record is detected and dropped.
//!
//! `no_std` and allocation-free; the `std` feature (default) uses std's faster float functions
//! and adds the deck writer. Decoders never panic on any input.
//!
//! ```
//! use carnet_engine::{CardState, Rating, Scheduler, SeededFuzz};
//!
//! let scheduler = Scheduler::default();
//! let now = 1_700_000_000;
//! let outcomes = scheduler.outcomes(&CardState::NEW, now, 0, &mut SeededFuzz::from_seed(1));
//! assert_eq!(outcomes.wait_secs(Rating::Again), 60); // first learning step
//! let card = outcomes.get(Rating::Easy);
//! assert_eq!(card.interval_days(), 8);
//! ```
#![no_std]
#![deny(missing_docs)]
#![forbid(unsafe_code)]

#[cfg(any(feature = "std", test))]
extern crate std;

mod answer;
mod card;
mod card_state;
mod cobs;
mod crc32;
mod day_clock;
pub mod deck;
mod error;
mod fuzz;
mod math;
mod memory;
pub mod metrics;
mod parameters;
pub mod queue;
pub mod quiz;
mod rating;
pub mod review_log;
mod scheduler;

pub use answer::{check_answer, AnswerMatch};
pub use card::{AnswerKind, Card, CardId, CardKind, Source, CLOZE_GAP};
pub use card_state::{CardState, Phase};
pub use crc32::checksum as crc32;
pub use day_clock::{whole_days_between, DayClock};
pub use error::Error;
pub use fuzz::{fuzz_range, fuzzed_interval, SeededFuzz};
pub use memory::{MemoryModel, MemoryState};
pub use metrics::PredictionMetrics;
pub use parameters::{Parameters, DEFAULT_PARAMETERS, PARAMETER_COUNT};
pub use queue::{Queue, QueueCounts, QueueLimits, StudiedToday};
pub use rating::Rating;
pub use scheduler::{
    ItemState, NextStates, Outcomes, Scheduler, SchedulerConfig, Steps, MAX_STEPS,
};
