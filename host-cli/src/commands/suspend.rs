//! `carnet suspend ID…` and `carnet unsuspend ID…`: take cards out of the queue, or bring
//! them back, with a record in the review log (so the handheld and every later replay agree).

use carnet_engine::deck::Deck;
use carnet_engine::review_log::LogEntry;
use carnet_engine::CardId;

use crate::args::{CommonArgs, SuspendArgs};
use crate::config::Settings;
use crate::deck_file::DeckFile;
use crate::deck_log::log_path;
use crate::error::{CliError, Result};
use crate::history::History;
use crate::messages::{fill, text};
use crate::store::ReviewStore;

/// Suspends (`suspend = true`) or unsuspends the cards named, all or none: an id that names
/// no card, or several, is an error before anything is written.
pub fn execute(common: &CommonArgs, args: &SuspendArgs, suspend: bool) -> Result<()> {
    let settings = Settings::resolve(common)?;
    let file = DeckFile::load(&settings.deck)?;
    let deck = file.deck()?;
    let ids = args
        .ids
        .iter()
        .map(|prefix| find(&deck, prefix, &file.label()))
        .collect::<Result<Vec<CardId>>>()?;
    let (mut store, scan) = ReviewStore::open(&log_path(&settings.data_dir, &deck)?)?;
    let history = History::from_entries(&scan.entries);
    let mut entries = Vec::new();
    let mut unchanged = 0usize;
    for id in ids {
        let now_suspended = history.card(id).is_some_and(|h| h.suspended);
        if now_suspended == suspend || entries.iter().any(|e: &LogEntry| e.card() == id) {
            unchanged += 1;
            continue;
        }
        let time_ms = store.next_time_ms(settings.clock.now_ms()) + entries.len() as i64;
        entries.push(if suspend {
            LogEntry::Suspend { card: id, time_ms }
        } else {
            LogEntry::Unsuspend { card: id, time_ms }
        });
    }
    store.append_all(&entries)?;
    let verb = if suspend { "suspended" } else { "unsuspended" };
    for e in &entries {
        crate::say!("{verb} {:016x}", e.card().0);
    }
    if unchanged > 0 {
        let m = crate::messages::text();
        let forms = if suspend {
            m.already_suspended
        } else {
            m.not_suspended
        };
        crate::say!("{}", m.count(unchanged as u64, forms, &[]));
    }
    Ok(())
}

/// The card whose id starts with `prefix` (hex, case ignored).
fn find(deck: &Deck<'_>, prefix: &str, label: &str) -> Result<CardId> {
    let wanted = prefix.trim().to_ascii_lowercase();
    if wanted.is_empty() || !wanted.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(CliError::input(fill(
            text().e_not_an_id,
            &[&format!("{prefix:?}")],
        )));
    }
    let matches: Vec<CardId> = (0..deck.len())
        .filter_map(|i| deck.id(i))
        .filter(|id| format!("{:016x}", id.0).starts_with(&wanted))
        .collect();
    match matches.as_slice() {
        [one] => Ok(*one),
        [] => Err(CliError::input(fill(
            text().e_no_such_card,
            &[&label, &format!("{prefix:?}")],
        ))),
        many => Err(CliError::input(fill(
            text().e_ambiguous_card,
            &[&many.len(), &label, &format!("{prefix:?}")],
        ))),
    }
}
