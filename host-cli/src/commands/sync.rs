//! `carnet sync`: one history on the terminal and the handheld.
//!
//! 1. The card's review log is read; every record the host store does not already hold is
//!    appended to it (records are their own identity, so running sync twice adds nothing).
//! 2. The deck and the whole merged history, in time order, are written to the card, so the
//!    handheld's schedule (replayed from its log at boot) includes the reviews made here. The
//!    card gets the history compacted: undone reviews and their undo records are left out, so
//!    the handheld folds its log in one pass. Every record written is one the host holds, so
//!    the next sync still finds nothing new in it.

use std::collections::HashSet;

use carnet_engine::review_log::{encode_frame, LogEntry, LogReader, MAX_FRAME_LEN};

use crate::args::{CommonArgs, SyncArgs};
use crate::config::Settings;
use crate::deck_file::{log_path, DeckFile};
use crate::error::{CliError, Result};
use crate::sd_card::{SdCard, DECK_FILE, LOG_FILE};
use crate::store::{entry_time_ms, ReviewStore};

/// Merges the card's reviews into the store, then writes the deck and the history to the card.
pub fn execute(common: &CommonArgs, args: &SyncArgs) -> Result<()> {
    let settings = Settings::resolve(common)?;
    let file = DeckFile::load(&settings.deck)?;
    let deck = file.deck()?;
    let card = SdCard::open(&args.target)?;
    let target = args.target.display();

    let card_entries = match card.read(LOG_FILE)? {
        None => Vec::new(),
        Some(bytes) => read_card_log(&bytes, &format!("{target}: {LOG_FILE}"))?,
    };

    let path = log_path(&settings.data_dir, deck.name());
    let (mut store, scan) = ReviewStore::open(&path)?;
    let known: HashSet<LogEntry> = scan.entries.iter().copied().collect();
    let mut seen = HashSet::new();
    let new: Vec<LogEntry> = card_entries
        .iter()
        .copied()
        .filter(|e| !known.contains(e) && seen.insert(*e))
        .collect();
    let already = card_entries.len() - new.len();

    let mut merged = compact(scan.entries.iter().chain(&new).copied());
    merged.sort_by_key(entry_time_ms);
    let mut log = Vec::with_capacity(merged.len() * 24);
    let mut frame = [0u8; MAX_FRAME_LEN];
    for e in &merged {
        let n = encode_frame(e, &mut frame);
        log.extend_from_slice(&frame[..n]);
    }

    if args.dry_run {
        println!(
            "would merge {} new record(s) from {target} ({already} already known) into {}, \
             then write {DECK_FILE} ({} cards) and {LOG_FILE} ({} records) to the card",
            new.len(),
            path.display(),
            deck.len(),
            merged.len()
        );
        return Ok(());
    }
    if !new.is_empty() {
        store.append_all(&new)?;
    }
    card.write(&[(DECK_FILE, file.bytes()), (LOG_FILE, &log)])?;
    let reviews = new
        .iter()
        .filter(|e| matches!(e, LogEntry::Review(_)))
        .count();
    println!(
        "merged {} new record(s) from {target} ({reviews} review(s); {already} already known) into {}",
        new.len(),
        path.display()
    );
    println!(
        "wrote {DECK_FILE} ({} cards, \"{}\") and {LOG_FILE} ({} records) to {target}",
        deck.len(),
        deck.name(),
        merged.len()
    );
    Ok(())
}

/// The records with every undone review and its undo record removed (in log order, an undo
/// cancels the latest earlier review of its card at the time it names).
fn compact(entries: impl Iterator<Item = LogEntry>) -> Vec<LogEntry> {
    let mut out: Vec<LogEntry> = Vec::new();
    for e in entries {
        if let LogEntry::Undo {
            card,
            review_time_ms,
        } = e
        {
            let undone = out.iter().rposition(|x| {
                matches!(x, LogEntry::Review(r) if r.card == card && r.time_ms == review_time_ms)
            });
            if let Some(at) = undone {
                out.remove(at);
            }
        } else {
            out.push(e);
        }
    }
    out
}

/// The card's records. A torn last record (the handheld lost power while writing) is dropped
/// with a warning; damaged records are reported and skipped; a newer format is refused.
fn read_card_log(bytes: &[u8], label: &str) -> Result<Vec<LogEntry>> {
    let mut entries = Vec::new();
    for item in LogReader::new(bytes) {
        match item {
            Ok((_, e)) => entries.push(e),
            Err(f) if f.torn => crate::terminal::warn(&format!(
                "{label}: the last record (byte offset {}) is unfinished, from an interrupted \
                 write; it is dropped",
                f.offset
            )),
            Err(f) => {
                if let carnet_engine::Error::UnsupportedVersion { found } = f.error {
                    return Err(CliError::input(format!(
                        "{label}: the record at byte offset {} was written by a newer carnet \
                         (log format version {found}); upgrade carnet",
                        f.offset
                    )));
                }
                crate::terminal::warn(&format!(
                    "{label}: the record at byte offset {} ({} bytes) is damaged ({}); it is \
                     skipped",
                    f.offset, f.len, f.error
                ));
            }
        }
    }
    Ok(entries)
}

#[cfg(test)]
mod tests {
    use super::*;
    use carnet_engine::review_log::Review;
    use carnet_engine::{CardId, Rating};

    #[test]
    fn compaction_drops_undone_reviews_and_their_undos() {
        let review = |card, t| {
            LogEntry::Review(Review {
                card: CardId(card),
                time_ms: t,
                rating: Rating::Good,
                duration_ms: 1,
            })
        };
        let undo = |card, t| LogEntry::Undo {
            card: CardId(card),
            review_time_ms: t,
        };
        let suspend = LogEntry::Suspend {
            card: CardId(2),
            time_ms: 50,
        };
        let log = [
            review(1, 10),
            review(2, 20),
            undo(1, 10),
            suspend,
            review(1, 60),
            undo(3, 5),
        ];
        assert_eq!(
            compact(log.into_iter()),
            vec![review(2, 20), suspend, review(1, 60)]
        );
    }
}
