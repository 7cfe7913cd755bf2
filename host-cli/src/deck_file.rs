//! Finding, reading and checking a deck file (its review log: [`crate::deck_log`]).

use std::borrow::Cow;
use std::path::PathBuf;

use carnet_engine::deck::{Deck, VERSION};
use carnet_engine::Error as EngineError;

use crate::error::{CliError, Result};
use crate::messages::{fill, text};

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
    /// Set by the first [`DeckFile::deck`]: the deck re-encoded without unsafe characters
    /// (see [`sanitized`]), or `None` when it has none.
    clean: std::sync::OnceLock<Option<Vec<u8>>>,
}

impl DeckFile {
    /// Reads the deck's bytes.
    pub fn load(source: &DeckSource) -> Result<DeckFile> {
        let bytes = match source {
            DeckSource::Bundled => {
                Cow::Borrowed(BUNDLED.ok_or_else(|| CliError::input(text().e_no_bundled))?)
            }
            DeckSource::File(path) => Cow::Owned(
                std::fs::read(path).map_err(|e| CliError::io("cannot read deck", path, &e))?,
            ),
        };
        Ok(DeckFile::from_cow(source.clone(), bytes))
    }

    fn from_cow(source: DeckSource, bytes: Cow<'static, [u8]>) -> DeckFile {
        DeckFile {
            source,
            bytes,
            clean: std::sync::OnceLock::new(),
        }
    }

    /// A deck from bytes in memory (for tests and benchmarks).
    pub fn from_bytes(source: DeckSource, bytes: Vec<u8>) -> DeckFile {
        DeckFile::from_cow(source, Cow::Owned(bytes))
    }

    /// How to name the deck in messages: `deck PATH`, or `the bundled deck`.
    pub fn label(&self) -> String {
        match &self.source {
            DeckSource::Bundled => text().deck_labels[0].to_string(),
            DeckSource::File(p) => fill(text().deck_labels[1], &[&p.display()]),
        }
    }

    /// The file's bytes, as read.
    pub fn bytes(&self) -> &[u8] {
        &self.bytes
    }

    /// Checks the whole file (header, checksum, every card) and gives the deck, its text
    /// made safe for a terminal when it needs it ([`sanitized`]).
    pub fn deck(&self) -> Result<Deck<'_>> {
        let label = || self.label();
        let clean = match self.clean.get() {
            // Scanned once per file: later calls find the answer (and the clean copy) here.
            Some(clean) => clean,
            None => {
                // The scan rides on the check's own pass over the cards.
                let mut dirty = false;
                let deck = Deck::from_bytes_with(&self.bytes, |card| {
                    dirty = dirty || card_is_dirty(card);
                })
                .map_err(|e| deck_error(&label(), &self.bytes, e))?;
                let dirty = dirty || header_is_dirty(&deck);
                let clean = self
                    .clean
                    .get_or_init(|| dirty.then(|| sanitized(&deck)).flatten());
                if clean.is_none() {
                    return Ok(deck);
                }
                clean
            }
        };
        match clean {
            Some(clean) => Deck::from_bytes(clean).map_err(|e| deck_error(&label(), clean, e)),
            None => Deck::from_bytes(&self.bytes).map_err(|e| deck_error(&label(), &self.bytes, e)),
        }
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

/// Whether the deck's name or a document name holds a character
/// [`crate::terminal::is_unsafe`] replaces.
fn header_is_dirty(deck: &Deck<'_>) -> bool {
    let dirty = crate::terminal::has_unsafe;
    dirty(deck.name()) || deck.documents().any(dirty)
}

/// Whether any text of a card holds a character [`crate::terminal::is_unsafe`] replaces
/// (a byte scan, [`crate::terminal::has_unsafe`]: fast on a deck of 100,000 cards).
fn card_is_dirty(c: &carnet_engine::Card<'_>) -> bool {
    let dirty = crate::terminal::has_unsafe;
    dirty(c.prompt)
        || dirty(c.answer)
        || dirty(c.context)
        || dirty(c.situation)
        || c.distractors.iter().any(|d| dirty(d))
}

/// A deck's text comes from documents and Anki packages of unknown origin and reaches the
/// terminal (study screens, listings, quiz, messages): when any of its strings holds a
/// control character or a bidirectional override ([`crate::terminal::is_unsafe`]), the deck
/// is re-encoded with those characters replaced ([`crate::terminal::clean`]), the same
/// identity and the same card ids. `None` if it cannot be re-encoded (it then reads as is).
fn sanitized(deck: &Deck<'_>) -> Option<Vec<u8>> {
    use crate::terminal::clean;
    let name = clean(deck.name()).into_owned();
    let documents: Vec<String> = deck.documents().map(|d| clean(d).into_owned()).collect();
    let texts: Vec<[String; 7]> = deck
        .cards()
        .map(|c| {
            [
                clean(c.prompt).into_owned(),
                clean(c.answer).into_owned(),
                clean(c.context).into_owned(),
                clean(c.situation).into_owned(),
                clean(c.distractors[0]).into_owned(),
                clean(c.distractors[1]).into_owned(),
                clean(c.distractors[2]).into_owned(),
            ]
        })
        .collect();
    let cards: Vec<carnet_engine::Card<'_>> = deck
        .cards()
        .zip(&texts)
        .map(|(c, t)| carnet_engine::Card {
            prompt: &t[0],
            answer: &t[1],
            context: &t[2],
            situation: &t[3],
            distractors: [&t[4], &t[5], &t[6]],
            ..c
        })
        .collect();
    let docs: Vec<&str> = documents.iter().map(String::as_str).collect();
    carnet_engine::deck::encode(deck.deck_id(), &name, &docs, &cards).ok()
}

/// Words a deck decoding error for the learner.
pub fn deck_error(label: &str, bytes: &[u8], error: EngineError) -> CliError {
    let len = bytes.len();
    CliError::input(match error {
        EngineError::BadMagic => fill(text().e_not_a_deck, &[&label]),
        EngineError::UnsupportedVersion { found } => {
            fill(text().e_newer_deck, &[&label, &found, &VERSION])
        }
        EngineError::Truncated => fill(text().e_truncated_deck, &[&label, &len]),
        EngineError::Checksum => fill(text().e_corrupt_deck, &[&label]),
        EngineError::Malformed => fill(text().e_malformed_deck, &[&label, &malformed_where(bytes)]),
        other => fill(text().e_malformed_deck, &[&label, &other]),
    })
}

/// Where a deck that passed its checksum fails to decode (header, names, index, or which
/// card at which byte offset), for the message.
fn malformed_where(bytes: &[u8]) -> String {
    use carnet_engine::deck::DeckHeader;
    let why = text().malformed_where;
    let header = match DeckHeader::parse(bytes) {
        Ok(h) => h,
        Err(_) => return why[0].to_string(),
    };
    if bytes.len() > header.file_len as usize {
        return fill(
            why[1],
            &[&(bytes.len() - header.file_len as usize), &header.file_len],
        );
    }
    let u32_at = |at: u32| -> Option<u32> {
        let b = bytes.get(at as usize..at as usize + 4)?;
        Some(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    };
    for i in 0..header.card_count {
        let (Some(start), Some(end)) = (
            u32_at(header.index_entry_position(i)),
            u32_at(header.index_entry_position(i + 1)),
        ) else {
            return why[2].to_string();
        };
        let card = bytes
            .get(start as usize..end as usize)
            .ok_or(carnet_engine::Error::Malformed)
            .and_then(|b| header.decode_card(b));
        if card.is_err() {
            return fill(why[3], &[&(i + 1), &header.card_count, &start, &end]);
        }
    }
    why[4].to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_malformed_deck_says_which_card() {
        use carnet_engine::deck::DeckHeader;
        let mut bytes = crate::test_decks::deck_of(
            1,
            "d",
            &[("Q1 ?", "a", 1), ("Q2 ?", "a", 1), ("Q3 ?", "a", 1)],
        );
        let header = DeckHeader::parse(&bytes).unwrap();
        let at = header.index_entry_position(1) as usize;
        let start = u32::from_le_bytes(bytes[at..at + 4].try_into().unwrap()) as usize;
        // The card's id is a varint of up to 10 bytes; its kind follows: make it invalid.
        let mut k = start;
        while bytes[k] & 0x80 != 0 {
            k += 1;
        }
        bytes[k + 1] = 9;
        let n = bytes.len();
        let crc = carnet_engine::crc32(&bytes[..n - 4]).to_le_bytes();
        bytes[n - 4..].copy_from_slice(&crc);
        let d = DeckFile::from_bytes(DeckSource::File("m.deck".into()), bytes);
        let e = d.deck().unwrap_err();
        assert!(
            e.message()
                .contains("m.deck is malformed: card 2 of 3 (bytes"),
            "{e}"
        );
    }

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
