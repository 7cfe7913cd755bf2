//! # carnet-cards
//!
//! Turns a corpus of real, messy French documents into a carnet deck.
//!
//! ```text
//! files ─► input (checks) ─► clean (per format) ─► sentences ─► facts ─► cards
//!       ─► rank ─► dedup ─► distractors ─► output (engine deck + listing)
//! ```
//!
//! - [`clean`] recognises each document's format by its content (an OCR'd page, Markdown,
//!   a blog article, a MediaWiki diff) and rebuilds clean French prose in blocks (title,
//!   headings, paragraphs, footnotes, quotes, list items), each mapped back to its lines.
//! - [`sentences`] splits French prose; [`facts`] finds dates, quantities, people and their
//!   roles, places, organisations and their other names; [`cards`] writes question, cloze and
//!   multiple-choice cards from them; [`rank`] and [`dedup`] keep the best, once.
//! - [`output`] encodes the deck in the engine's format and writes a listing.
//!
//! The entry point is [`generate()`]:
//!
//! ```no_run
//! let paths = vec![std::path::PathBuf::from("cards/corpus/000_9e3f0fc30052ff3d.txt")];
//! let deck = carnet_cards::generate(&paths, &mut |_progress| {})?;
//! // Writing over an existing deck keeps its identity (and so its learners' history).
//! let id = carnet_cards::output::deck_id_for("deck.bin".as_ref());
//! let bytes = carnet_cards::output::encode(&deck, id, "carnet")?;
//! carnet_cards::output::write_atomically("deck.bin".as_ref(), &bytes)?;
//! # Ok::<(), carnet_cards::Error>(())
//! ```
//!
//! The bundled deck (`cards/decks/bundled.deck`, its listing `bundled.tsv` and the quality
//! report `report.md`) is made by one command, and a test fails when it is stale:
//!
//! ```text
//! cargo run -p carnet-cards --release -- cards/corpus -o cards/decks/bundled.deck \
//!     --name "Révolution russe" --report cards/decks/report.md \
//!     --facts cards/eval/facts --review cards/decks/review.md
//! ```
//!
//! Bad input (an empty, binary or non-UTF-8 file, an absurdly long line, a directory, a
//! missing path) stops generation with an [`Error`] naming the file; outputs are written
//! through a temporary file and a rename, so a failure never leaves a partial deck.
#![forbid(unsafe_code)]
#![deny(missing_docs)]

pub mod abbreviations;
pub mod cards;
pub mod clauses;
pub mod clean;
pub mod context;
pub mod dedup;
pub mod distractors;
pub mod document;
pub mod error;
pub mod facts;
pub mod first_names;
pub mod generate;
pub mod input;
pub mod lexicon;
pub mod naming;
pub mod output;
pub mod rank;
pub mod recall;
pub mod report;
pub mod screen;
pub mod sentences;
pub mod setting;
pub mod typography;
pub mod verdicts;

pub use cards::{CardKind, GeneratedCard};
pub use error::Error;
pub use generate::{generate, generate_from_texts, GeneratedDeck, Progress};
