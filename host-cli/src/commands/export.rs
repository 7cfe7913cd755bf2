//! `carnet export --anki FILE`: the deck in Anki's plain-text import format; `carnet export
//! --apkg FILE.apkg`: the deck and its review history as an Anki package.

use crate::anki_text;
use crate::args::{CommonArgs, ExportArgs};
use crate::atomic_file::write_atomically;
use crate::config::Settings;
use crate::deck_file::DeckFile;
use crate::deck_log::log_path;
use crate::error::Result;
use crate::history::History;
use crate::store::read_log;

/// Writes the export (through a temporary file).
pub fn execute(common: &CommonArgs, args: &ExportArgs) -> Result<()> {
    let mut settings = Settings::resolve(common)?;
    let file = DeckFile::load(&settings.deck)?;
    let deck = file.deck()?;
    let m = crate::messages::text();
    if let Some(path) = &args.apkg {
        crate::deck_parameters::apply(&mut settings, deck.deck_id())?;
        let log = log_path(&settings.data_dir, &deck)?;
        let scan = read_log(&log)?;
        scan.warn(&log, false);
        let history = History::from_entries(&scan.schedulable(&log, settings.clock.now_ms()));
        // A deck imported from Anki: its notes go back as Anki held them.
        let origin = crate::anki_origin::Origin::load(&crate::anki_origin::path_beside(&log));
        let (bytes, summary) = crate::anki_export::package(
            &deck,
            &history,
            &crate::anki_export::Scheduling {
                scheduler: &settings.scheduler,
                clock: settings.day_clock(),
                now_secs: settings.clock.now_secs(),
            },
            origin.as_ref(),
        )?;
        write_atomically(path, &bytes)?;
        crate::say!(
            "{}{}",
            m.count(
                summary.notes as u64,
                m.exported_apkg,
                &[&deck.name(), &path.display()]
            ),
            crate::messages::fill(
                m.exported_apkg_rest,
                &[
                    &summary.cloze,
                    &m.count(summary.reviews as u64, m.reviews, &[]),
                ]
            )
        );
        return Ok(());
    }
    let Some(anki) = &args.anki else {
        return Ok(());
    };
    write_atomically(anki, anki_text::write(&deck).as_bytes())?;
    crate::say!(
        "{}",
        crate::messages::fill(
            m.exported,
            &[
                &m.count(deck.len() as u64, m.cards, &[]),
                &deck.name(),
                &anki.display()
            ]
        )
    );
    Ok(())
}
