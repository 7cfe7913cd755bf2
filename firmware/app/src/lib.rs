//! # carnet-handheld: the handheld's brain
//!
//! Screens and state machine of the carnet handheld, independent of any board: the board
//! turns buttons into [`Input`] events, lends RAM ([`Memory`]), gives access to the deck and
//! the review log through [`Storage`], and flushes whatever [`App::draw`] drew on its
//! 128×64 `Gray4` display.
//!
//! ```text
//! board ──Input, now──► App::on_event ──► Option<Action> (Redraw, ReviewSaved, PowerOff)
//!          ▲                 │
//!          │                 ▼ Storage: read_deck / read_log / append_log (synced)
//!          └──── App::draw(&mut DrawTarget<Color = Gray4>) ◄── flush
//! ```
//!
//! - Boot: the board checks the deck with [`deck::verify`] (one streaming CRC pass) and calls
//!   [`App::boot`], which reads the terminal's settings file ([`settings_file`]: retention,
//!   steps, daily limits, day start and UTC offset, as `carnet sync` wrote them), reads the
//!   card ids into 2-byte fingerprints and replays the review log ([`history`]) into the
//!   16-byte card states with those settings: the log is the truth, and the handheld
//!   schedules as the terminal does.
//! - Screens: home (deck name, new / learning / due counts, menu: Étudier, Quiz,
//!   Statistiques, Éteindre — or Study, Quiz, Statistics, Power off: the screens speak the
//!   `language` of the settings file, [`words`]), card front, card back with the four grades and the interval each
//!   would give, multiple-choice quiz, end-of-session summary, statistics, notices. Every
//!   screen shows what the buttons do.
//! - A grade is appended to the log ([`Storage::append_log`], durable when it returns) before
//!   the next card is shown; its time is the second the answer was shown, and the intervals
//!   on the buttons were drawn with [`carnet_engine::SeededFuzz::for_review`] for that
//!   second, so replaying the log gives exactly the due dates the learner saw.
//! - Text: wrapped on word boundaries ([`text::wrap`]), characters beyond Latin-1 mapped
//!   ([`latin1`]) for the ISO-8859-1 fonts.
//!
//! `no_std`, no allocator, no `unsafe`; builds for `thumbv6m-none-eabi` (no FPU, no atomics)
//! as well as the LM3S6965's `thumbv7m-none-eabi`.

#![no_std]
#![deny(missing_docs)]
#![forbid(unsafe_code)]

mod app;
pub mod card_manifest;
pub mod deck;
pub mod draw;
pub mod history;
mod input;
pub mod latin1;
mod screens;
pub mod settings_file;
mod storage;
pub mod text;
pub mod words;

/// How many cards the LM3S6965 handheld has room for (its card states and id fingerprints
/// are static arrays of this size in its 64 KiB of RAM). `carnet sync` refuses a larger deck.
pub const BOARD_MAX_CARDS: usize = 2000;

pub use app::{App, BuiltInReason, DeckSource, Fatal, Memory, Settings, MAX_QUIZ};
pub use deck::{DeckError, DeckInfo, CARD_BYTES};
pub use input::{Action, Input};
pub use settings_file::{SettingsOrigin, SettingsProblem};
pub use storage::{Storage, StorageError};
pub use words::Language;
