//! `carnet study` (the default): a session on today's cards.

use std::path::Path;

use carnet_engine::deck::{Deck, DeckHeader};

use crate::args::{CommonArgs, StudyArgs};
use crate::config::Settings;
use crate::deck_file::DeckFile;
use crate::deck_log::{log_path, log_path_of};
use crate::error::Result;
use crate::history::History;
use crate::session::{Session, SessionRules};
use crate::snapshot::open_history;
use crate::store::ReviewStore;
use crate::{line_mode, terminal, tui};

/// Opens the deck and its log, then runs the full-screen UI on a terminal, line mode otherwise.
pub fn execute(common: &CommonArgs, args: &StudyArgs) -> Result<()> {
    let mut settings = Settings::resolve(common)?;
    let file = DeckFile::load(&settings.deck)?;
    // The deck's own trained parameters, if it has some: its identity is in its header (a
    // version-1 deck's is derived from its checked content).
    let id = match DeckHeader::parse(file.bytes()).ok().and_then(|h| h.deck_id) {
        Some(id) => id,
        None => file.deck()?.deck_id(),
    };
    crate::deck_parameters::apply(&mut settings, id)?;
    let rules = SessionRules {
        scheduler: settings.scheduler,
        day_clock: settings.day_clock(),
        limits: settings.limits,
        clock: settings.clock,
    };
    let (deck, store, history) = open(&file, &settings.data_dir, &rules)?;
    let mut session = Session::with_history(&deck, store, history, rules);
    if !args.plain && terminal::interactive() {
        tui::run(&mut session, args.typed)
    } else {
        let stdin = std::io::stdin();
        line_mode::run(
            &mut session,
            args.typed,
            stdin.lock(),
            &mut std::io::stdout().lock(),
        )
    }
}

/// The checked deck, its locked log and the log's history. When the deck's header names its
/// identity and that deck's log exists (no older log to migrate first), the log is read on a
/// second thread while the deck is checked: with 100,000 cards and a million reviews each
/// takes tens of milliseconds.
pub fn open<'f>(
    file: &'f DeckFile,
    data_dir: &Path,
    rules: &SessionRules,
) -> Result<(Deck<'f>, ReviewStore, History)> {
    let read_log = |log: &Path| {
        open_history(
            log,
            &rules.scheduler,
            &rules.day_clock,
            rules.clock.now_ms(),
        )
    };
    let known_log = DeckHeader::parse(file.bytes())
        .ok()
        .and_then(|h| h.deck_id)
        .map(|id| log_path_of(data_dir, id))
        .filter(|log| log.exists());
    if let Some(log) = known_log {
        let (deck, opened) = std::thread::scope(|s| {
            let opening = s.spawn(|| read_log(&log));
            let deck = file.deck();
            let opened = opening
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
            (deck, opened)
        });
        let deck = deck?;
        let opened = opened?;
        return Ok((deck, opened.store, opened.history));
    }
    let deck = file.deck()?;
    let opened = read_log(&log_path(data_dir, &deck)?)?;
    Ok((deck, opened.store, opened.history))
}
