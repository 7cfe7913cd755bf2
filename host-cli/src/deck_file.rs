//! Finding, reading and checking a deck file (its review log: [`crate::deck_log`]).

use std::borrow::Cow;
use std::path::PathBuf;

use carnet_engine::deck::{Deck, VERSION};
use carnet_engine::Error as EngineError;

use crate::error::{CliError, Result};

/// The deck generated from `cards/corpus/`, embedded at build time when it exists.
#[cfg(carnet_bundled_deck)]
pub const BUNDLED: Option<&[u8]> = Some(include_bytes!("../../cards/decks/bundled.deck"));
/// The deck generated from `cards/corpus/` (absent from this build).
#[cfg(not(carnet_bundled_deck))]
pub const BUNDLED: Option<&[u8]> = None;

/// Which deck to use.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DeckSource {
    /// The deck built into the program.
    Bundled,
    /// A deck file.
    File(PathBuf),
}

/// A deck's bytes and where they came from; [`DeckFile::deck`] checks and reads them.
#[derive(Debug, Clone)]
pub struct DeckFile {
    source: DeckSource,
    bytes: Cow<'static, [u8]>,
}

impl DeckFile {
    /// Reads the deck's bytes.
    pub fn load(source: &DeckSource) -> Result<DeckFile> {
        let bytes = match source {
            DeckSource::Bundled => Cow::Borrowed(BUNDLED.ok_or_else(|| {
                CliError::input(
                    "this carnet was built without its bundled deck (cards/decks/bundled.deck \
                     was missing at build time): pass --deck FILE, or build a deck with \
                     `carnet generate cards/corpus -o my.deck`",
                )
            })?),
            DeckSource::File(path) => Cow::Owned(
                std::fs::read(path).map_err(|e| CliError::io("cannot read deck", path, &e))?,
            ),
        };
        Ok(DeckFile {
            source: source.clone(),
            bytes,
        })
    }

    /// A deck from bytes in memory (for tests and benchmarks).
    pub fn from_bytes(source: DeckSource, bytes: Vec<u8>) -> DeckFile {
        DeckFile {
            source,
            bytes: Cow::Owned(bytes),
        }
    }

    /// How to name the deck in messages: `deck PATH`, or `the bundled deck`.
    pub fn label(&self) -> String {
        match &self.source {
            DeckSource::Bundled => "the bundled deck".to_string(),
            DeckSource::File(p) => format!("deck {}", p.display()),
        }
    }

    /// The file's bytes, as read.
    pub fn bytes(&self) -> &[u8] {
        &self.bytes
    }

    /// Checks the whole file (header, checksum, every card) and gives the deck.
    pub fn deck(&self) -> Result<Deck<'_>> {
        Deck::from_bytes(&self.bytes).map_err(|e| deck_error(&self.label(), self.bytes.len(), e))
    }
}

/// The identity to write into a deck generated or imported to `output`: that of the deck
/// named by `--identity-of` (which must read), else [`carnet_cards::output::deck_id_for`].
pub fn identity_for(
    output: &std::path::Path,
    identity_of: Option<&std::path::Path>,
) -> Result<carnet_engine::deck::DeckId> {
    match identity_of {
        None => Ok(carnet_cards::output::deck_id_for(output)),
        Some(path) => {
            let file = DeckFile::load(&DeckSource::File(path.to_path_buf()))?;
            Ok(file.deck()?.deck_id())
        }
    }
}

/// Words a deck decoding error for the learner.
pub fn deck_error(label: &str, len: usize, error: EngineError) -> CliError {
    CliError::input(match error {
        EngineError::BadMagic => {
            format!("{label} is not a carnet deck (it does not start with `CARNETDK`)")
        }
        EngineError::UnsupportedVersion { found } => format!(
            "{label} uses deck format version {found}, newer than the version {VERSION} this \
             carnet reads; upgrade carnet"
        ),
        EngineError::Truncated => {
            format!("{label} is truncated: its {len} bytes end before the data it announces")
        }
        EngineError::Checksum => {
            format!("{label} is corrupt: its checksum does not match its content")
        }
        other => format!("{label} is malformed: {other}"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deck_errors_name_the_file_and_the_problem() {
        let d = DeckFile::from_bytes(DeckSource::File("x.deck".into()), b"hello world".to_vec());
        assert_eq!(d.label(), "deck x.deck");
        let e = d.deck().unwrap_err();
        assert!(
            e.message().starts_with("deck x.deck is not a carnet deck"),
            "{e}"
        );
        assert_eq!(e.exit_code(), 2);
    }
}
