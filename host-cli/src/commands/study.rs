//! `carnet study` (the default): a session on today's cards.

use crate::args::{CommonArgs, StudyArgs};
use crate::config::Settings;
use crate::deck_file::DeckFile;
use crate::deck_log::log_path;
use crate::error::Result;
use crate::session::{Session, SessionRules};
use crate::store::ReviewStore;
use crate::{line_mode, terminal, tui};

/// Opens the deck and its log, then runs the full-screen UI on a terminal, line mode otherwise.
pub fn execute(common: &CommonArgs, args: &StudyArgs) -> Result<()> {
    let settings = Settings::resolve(common)?;
    let file = DeckFile::load(&settings.deck)?;
    let deck = file.deck()?;
    let (store, scan) = ReviewStore::open(&log_path(&settings.data_dir, &deck)?)?;
    let rules = SessionRules {
        scheduler: settings.scheduler,
        day_clock: settings.day_clock(),
        limits: settings.limits,
        clock: settings.clock,
    };
    let mut session = Session::new(&deck, store, &scan, rules);
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
