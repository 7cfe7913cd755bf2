//! `carnet export --anki FILE`: the deck in Anki's plain-text import format; `carnet export
//! --apkg FILE.apkg`: the deck and its review history as an Anki package; `carnet export --into
//! COLLECTION.anki2`: the reviews and the cards' scheduling written into the Anki collection
//! the deck came from.

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
    if args.apkg.is_some() || args.into.is_some() {
        crate::deck_parameters::apply(&mut settings, deck.deck_id())?;
        let log = log_path(&settings.data_dir, &deck)?;
        let scan = read_log(&log)?;
        scan.warn(&log, false);
        let history = History::from_entries(&scan.schedulable(&log, settings.clock.now_ms()));
        // A deck imported from Anki: its notes go back as Anki held them.
        let origin = crate::anki_origin::Origin::load(&crate::anki_origin::path_beside(&log));
        let scheduling = crate::anki_export::Scheduling {
            scheduler: &settings.scheduler,
            clock: settings.day_clock(),
            now_secs: settings.clock.now_secs(),
        };
        if let Some(collection) = &args.into {
            return into(collection, &deck, &history, &scheduling, origin.as_ref());
        }
        let Some(path) = &args.apkg else {
            return Ok(());
        };
        let (bytes, summary) =
            crate::anki_export::package(&deck, &history, &scheduling, origin.as_ref())?;
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

/// `export --into COLLECTION`: the reviews the collection lacks, and the summary.
fn into(
    collection: &std::path::Path,
    deck: &carnet_engine::deck::Deck<'_>,
    history: &History,
    scheduling: &crate::anki_export::Scheduling<'_>,
    origin: Option<&crate::anki_origin::Origin>,
) -> Result<()> {
    let m = crate::messages::text();
    let Some(origin) = origin else {
        return Err(crate::error::CliError::input(crate::messages::fill(
            m.into_no_origin,
            &[&deck.name()],
        )));
    };
    let w =
        crate::anki_collection_write::write_into(collection, deck, history, scheduling, origin)?;
    let file = collection.display();
    if w.other_note > 0 {
        crate::terminal::warn(&m.count(w.other_note as u64, m.into_other_notes, &[&file]));
    }
    if w.changed_in_anki > 0 {
        crate::terminal::warn(&m.count(w.changed_in_anki as u64, m.into_changed_in_anki, &[]));
    }
    if w.not_in_collection > 0 {
        crate::terminal::warn(&m.count(w.not_in_collection as u64, m.into_not_held, &[&file]));
    }
    if w.reviews_added == 0 {
        crate::say!(
            "{}",
            crate::messages::fill(m.into_nothing, &[&file, &deck.name(), &w.not_in_collection])
        );
    } else {
        crate::say!(
            "{}",
            crate::messages::fill(
                m.into_done,
                &[
                    &deck.name(),
                    &file,
                    &w.reviews_added,
                    &w.cards_updated,
                    &w.not_in_collection
                ]
            )
        );
    }
    Ok(())
}
