//! Which review log belongs to a deck: `<data dir>/<deck id>.revlog`, keyed by the identity
//! written in the deck file ([`carnet_engine::deck::DeckId`]), never by the deck's name or
//! path, so that two decks of the same name never share (or lock each other's) history, and
//! a deck that is moved, renamed or regenerated keeps its own.
//!
//! ## Migration of name-keyed logs
//!
//! carnet 0.1 kept a deck's log at `<data dir>/<deck name as a file name>.revlog`. The first
//! time a deck is opened and no log exists for its identity, the name-keyed log of its name
//! (if any) is read, and the records of *this deck's cards* (card ids are hashes of the
//! cards' content, so another deck's records do not match) are copied into the new log
//! (written whole through a temporary file, then renamed). The old log is renamed
//! `<name>.revlog.migrated` when every one of its records moved; when some did not (it mixed
//! two decks of the same name), it stays where it is for the other deck, which takes its own
//! records the same way. A message on stderr says what moved.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use carnet_engine::deck::Deck;
use carnet_engine::review_log::{encode_frame, LogEntry, MAX_FRAME_LEN};

use crate::atomic_file::write_atomically;
use crate::error::{CliError, Result};
use crate::messages::{fill, text};
use crate::store::LogScan;

/// The path of `deck`'s review log, migrating a name-keyed log first (see the module
/// documentation). The log itself may not exist yet.
pub fn log_path(data_dir: &Path, deck: &Deck<'_>) -> Result<PathBuf> {
    let path = id_log_path(data_dir, deck);
    if !path.exists() {
        migrate_legacy(data_dir, deck, &path)?;
    }
    Ok(path)
}

/// `<data dir>/<deck id in hex>.revlog`, with no migration.
pub fn id_log_path(data_dir: &Path, deck: &Deck<'_>) -> PathBuf {
    log_path_of(data_dir, deck.deck_id())
}

/// The log of the deck whose identity is `id`: `<data dir>/<id in hex>.revlog`.
pub fn log_path_of(data_dir: &Path, id: carnet_engine::deck::DeckId) -> PathBuf {
    data_dir.join(format!("{id}.revlog"))
}

/// Where carnet 0.1 kept the log of a deck named `name`.
pub fn legacy_log_path(data_dir: &Path, name: &str) -> PathBuf {
    data_dir.join(format!("{}.revlog", file_stem(name)))
}

fn migrate_legacy(data_dir: &Path, deck: &Deck<'_>, path: &Path) -> Result<()> {
    let legacy = legacy_log_path(data_dir, deck.name());
    if !data_dir.is_dir() {
        return Ok(());
    }
    let bytes = match std::fs::read(&legacy) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(CliError::io("cannot read the review log", &legacy, &e)),
    };
    let scan = LogScan::read(&legacy, &bytes)?;
    let ids: HashSet<_> = (0..deck.len()).filter_map(|i| deck.id(i)).collect();
    let (mine, others): (Vec<&LogEntry>, Vec<&LogEntry>) =
        scan.entries.iter().partition(|e| ids.contains(&e.card()));
    if mine.is_empty() {
        return Ok(());
    }
    let mut out = Vec::with_capacity(mine.len() * 24);
    let mut frame = [0u8; MAX_FRAME_LEN];
    for e in &mine {
        let n = encode_frame(e, &mut frame);
        out.extend_from_slice(&frame[..n]);
    }
    write_atomically(path, &out)?;
    let whole = others.is_empty() && scan.corrupt.is_empty() && scan.torn.is_none();
    let fate = if whole {
        let done = legacy.with_extension("revlog.migrated");
        std::fs::rename(&legacy, &done)
            .map_err(|e| CliError::io("cannot rename the old review log", &legacy, &e))?;
        fill(text().w_migrated_kept, &[&done.display()])
    } else {
        let m = text();
        let others = others.len() + scan.corrupt.len();
        m.count(others as u64, m.w_migrated_others, &[])
    };
    let m = text();
    crate::terminal::warn(&m.count(
        mine.len() as u64,
        m.w_migrated,
        &[&deck.name(), &legacy.display(), &path.display(), &fate],
    ));
    Ok(())
}

/// A deck name made safe as a file name (carnet 0.1's log names): lower-case letters and
/// digits, runs of anything else turned into one `-`.
pub fn file_stem(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') {
            out.push('-');
        }
    }
    let trimmed = out.trim_matches('-');
    if trimmed.is_empty() {
        "deck".to_string()
    } else {
        trimmed.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use carnet_engine::deck::DeckId;
    use carnet_engine::review_log::Review;
    use carnet_engine::{CardId, Rating};

    #[test]
    fn legacy_names_are_safe_file_names() {
        assert_eq!(
            file_stem("Révolution russe : Bakou 1918"),
            "révolution-russe-bakou-1918"
        );
        assert_eq!(file_stem("../../etc"), "etc");
        assert_eq!(file_stem("///"), "deck");
    }

    fn deck_bytes(id: u128, prompts: &[&str]) -> Vec<u8> {
        let cards: Vec<(&str, &str, u32)> = prompts.iter().map(|p| (*p, "a", 1)).collect();
        crate::test_decks::deck_of(id, "cours", &cards)
    }

    fn review(card: CardId, t: i64) -> LogEntry {
        LogEntry::Review(Review {
            card,
            time_ms: t,
            rating: Rating::Good,
            duration_ms: 1,
        })
    }

    fn frames(entries: &[LogEntry]) -> Vec<u8> {
        let mut out = Vec::new();
        let mut frame = [0u8; MAX_FRAME_LEN];
        for e in entries {
            let n = encode_frame(e, &mut frame);
            out.extend_from_slice(&frame[..n]);
        }
        out
    }

    /// A name-keyed log that two decks of the same name wrote into is split between them,
    /// each taking its own cards' records; the old file goes once nothing is left in it.
    #[test]
    fn a_shared_name_keyed_log_is_split_by_card() {
        let dir = std::env::temp_dir().join(format!("carnet-deck-log-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let a_bytes = deck_bytes(1, &["bastille 1", "bastille 2"]);
        let b_bytes = deck_bytes(2, &["curie 1"]);
        let a = Deck::from_bytes(&a_bytes).unwrap();
        let b = Deck::from_bytes(&b_bytes).unwrap();
        let legacy = legacy_log_path(&dir, "cours");
        let mixed = [
            review(CardId::from_key("bastille 1"), 10),
            review(CardId::from_key("curie 1"), 20),
            review(CardId::from_key("bastille 2"), 30),
        ];
        std::fs::write(&legacy, frames(&mixed)).unwrap();

        let pa = log_path(&dir, &a).unwrap();
        assert_eq!(pa, dir.join(format!("{}.revlog", DeckId(1))));
        assert_eq!(std::fs::read(&pa).unwrap(), frames(&[mixed[0], mixed[2]]));
        assert!(legacy.exists(), "the other deck's record is still there");
        let pb = log_path(&dir, &b).unwrap();
        assert_eq!(std::fs::read(&pb).unwrap(), frames(&[mixed[1]]));
        // It held two decks' records: left as it was (nothing in it is lost or rewritten).
        assert_eq!(std::fs::read(&legacy).unwrap(), frames(&mixed));
        // Once a deck has its own log, the old one is never read again for it.
        assert_eq!(log_path(&dir, &a).unwrap(), pa);
        assert_eq!(std::fs::read(&pa).unwrap(), frames(&[mixed[0], mixed[2]]));
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn a_log_of_one_deck_moves_whole_and_the_old_file_is_renamed() {
        let dir = std::env::temp_dir().join(format!("carnet-deck-log1-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let bytes = deck_bytes(9, &["q1", "q2"]);
        let deck = Deck::from_bytes(&bytes).unwrap();
        let legacy = legacy_log_path(&dir, "cours");
        let log = [
            review(CardId::from_key("q1"), 1),
            review(CardId::from_key("q2"), 2),
        ];
        std::fs::write(&legacy, frames(&log)).unwrap();
        let path = log_path(&dir, &deck).unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), frames(&log));
        assert!(!legacy.exists());
        assert_eq!(
            std::fs::read(dir.join("cours.revlog.migrated")).unwrap(),
            frames(&log)
        );
        std::fs::remove_dir_all(dir).unwrap();
    }
}
