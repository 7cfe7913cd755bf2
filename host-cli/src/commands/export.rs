//! `carnet export --anki FILE`: the deck in Anki's plain-text import format.

use crate::anki_text;
use crate::args::{CommonArgs, ExportArgs};
use crate::atomic_file::write_atomically;
use crate::config::Settings;
use crate::deck_file::DeckFile;
use crate::error::Result;

/// Writes the export (through a temporary file).
pub fn execute(common: &CommonArgs, args: &ExportArgs) -> Result<()> {
    let settings = Settings::resolve(common)?;
    let file = DeckFile::load(&settings.deck)?;
    let deck = file.deck()?;
    write_atomically(&args.anki, anki_text::write(&deck).as_bytes())?;
    let m = crate::messages::text();
    crate::say!(
        "{}",
        crate::messages::fill(
            m.exported,
            &[
                &m.count(deck.len() as u64, m.cards, &[]),
                &deck.name(),
                &args.anki.display()
            ]
        )
    );
    Ok(())
}
