//! # carnet
//!
//! The terminal program of carnet: study sessions (full screen, or a plain line mode for
//! scripts), quizzes, statistics, the `memory` replay of josh-format CSV logs, deck listing,
//! generation, and Anki plain-text exchange.
//!
//! Three layers, as in just and ripgrep: [`args`] holds the raw command line, [`config`]
//! turns it and the configuration file into checked [`config::Settings`], and each command's
//! `execute` in [`commands`] does the work. The review log of each deck lives in [`store`];
//! card states are always derived from it ([`history`]).
#![forbid(unsafe_code)]
#![deny(missing_docs)]

pub mod anki_card_schedule;
pub mod anki_collection_write;
pub mod anki_export;
pub mod anki_import;
pub mod anki_origin;
pub mod anki_package;
pub mod anki_revlog;
pub mod anki_template;
pub mod anki_text;
pub mod args;
pub mod atomic_file;
pub mod card_manifest;
pub mod charts;
pub mod clock;
pub mod commands;
pub mod config;
pub mod deck_file;
pub mod deck_log;
pub mod deck_parameters;
pub mod error;
pub mod grade_label;
pub mod history;
pub mod html_text;
pub mod josh_csv;
pub mod kind_names;
pub mod language;
pub mod line_mode;
pub mod messages;
pub mod progress;
pub mod sd_card;
pub mod session;
pub mod snapshot;
pub mod stats_data;
pub mod store;
pub mod svg_plot;
pub mod terminal;
#[cfg(test)]
mod test_decks;
pub mod tui;

pub use error::{CliError, Result};

/// Runs the command the arguments name (study when none is named).
pub fn run(args: args::Args) -> Result<()> {
    commands::execute(args)
}
