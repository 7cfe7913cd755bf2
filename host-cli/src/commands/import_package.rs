//! `carnet import FILE.apkg|FILE.colpkg -o DECK`: a deck from an Anki package, and the
//! package's review history into that deck's review log.
//!
//! Everything is read and converted first; only then is the log appended to (the records it
//! lacks: a second import of a newer export of the same collection adds only the new reviews)
//! and the deck written (through a temporary file). A package that cannot be read changes
//! nothing.

use std::collections::HashSet;
use std::path::Path;

use carnet_engine::deck::{encode, Deck};
use carnet_engine::review_log::{LogEntry, Review};
use carnet_engine::{AnswerKind, Card, Source};

use crate::anki_import::{self, rating, Imported};
use crate::args::{CommonArgs, ImportArgs};
use crate::config::Settings;
use crate::deck_log::log_path;
use crate::error::{CliError, Result};
use crate::history::History;
use crate::store::ReviewStore;

/// Whether `path` names an Anki package: by its extension, else by a zip's first bytes.
pub fn is_package(path: &Path) -> bool {
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase());
    if matches!(ext.as_deref(), Some("apkg" | "colpkg")) {
        return true;
    }
    let mut head = [0u8; 4];
    std::fs::File::open(path)
        .and_then(|mut f| std::io::Read::read_exact(&mut f, &mut head))
        .is_ok_and(|()| head == *b"PK\x03\x04")
}

/// Imports the package.
pub fn execute(common: &CommonArgs, args: &ImportArgs) -> Result<()> {
    let mut settings = Settings::resolve(common)?;
    let label = args.file.display().to_string();
    let m = crate::messages::text();
    // A bar for collections worth one (on a terminal only): from 20,000 rows.
    let mut collection = crate::anki_package::read_with_progress(&args.file, &mut |rows| {
        crate::progress::Bar::on_terminal(rows, rows >= 20_000)
    })?;
    let mut bar = std::mem::take(&mut collection.progress);
    let imported = anki_import::convert_with_progress(&collection, &label, &mut bar)?;
    if imported.cards.is_empty() {
        return Err(CliError::input(crate::messages::fill(
            m.apkg_no_cards,
            &[
                &label,
                &collection.notes.len(),
                &collection.cards.len(),
                &if imported.empty > 0 {
                    crate::messages::fill(m.apkg_of_them_empty, &[&imported.empty])
                } else {
                    String::new()
                },
            ],
        )));
    }
    let stem = args
        .file
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let name = args
        .name
        .clone()
        .or(imported.deck_name.clone())
        .unwrap_or(stem);
    carnet_cards::output::check_name(&name).map_err(|e| {
        CliError::input(crate::messages::fill(
            m.apkg_bad_name,
            &[&label, &format!("{name:?}"), &e],
        ))
    })?;
    let id = crate::deck_file::identity_for(&args.output, args.identity_of.as_deref())?;
    let bytes = deck_bytes(&imported, id, &name, &label)?;
    let deck = Deck::from_bytes(&bytes).map_err(|e| {
        CliError::failure(crate::messages::fill(m.apkg_deck_unreadable, &[&label, &e]))
    })?;

    // The deck is written beside its destination first: a folder that cannot take it fails
    // here, before the log changes; it is renamed into place once the log has its records.
    let staged = crate::atomic_file::stage(&args.output, &bytes)?;
    let log = log_path(&settings.data_dir, &deck)?;
    let (mut store, scan) = ReviewStore::open(&log)?;
    let history = History::from_entries(&scan.entries);
    let now = store.next_time_ms(settings.clock.now_ms());
    let (entries, counts) = new_records(&imported, &history, now);
    bar.stage(m.apkg_progress[3]);
    store.append_all(&entries)?;
    // Where each card came from, for `export --apkg` to give Anki its own notes back.
    let origin = crate::anki_origin::Origin::of(&collection, &imported);
    crate::atomic_file::write_atomically(
        &crate::anki_origin::path_beside(&log),
        &origin.to_bytes(),
    )?;
    staged.commit()?;
    // The start-up snapshot of the log (every card's state), as the first session would
    // write it: the first session after a large import then starts as fast as the next
    // ones. A cache: when it cannot be made, that session replays the log and makes it.
    drop(store);
    bar.stage(m.apkg_progress[4]);
    if crate::deck_parameters::apply(&mut settings, deck.deck_id()).is_ok() {
        let _ = crate::snapshot::open_history(
            &log,
            &settings.scheduler,
            &settings.day_clock(),
            settings.clock.now_ms(),
        );
    }
    bar.finish();

    crate::say!(
        "{}{}",
        m.count(imported.cards.len() as u64, m.apkg_imported_cards, &[]),
        crate::messages::fill(
            m.apkg_imported,
            &[
                &args.output.display(),
                &name,
                &collection.notes.len(),
                &imported.documents.len(),
                &counts.added,
                &counts.present,
            ]
        )
    );
    let notices = notices(&imported, &collection, &counts);
    for n in notices {
        crate::terminal::warn(&n);
    }
    Ok(())
}

/// The deck file of the converted cards.
fn deck_bytes(
    imported: &Imported,
    id: carnet_engine::deck::DeckId,
    name: &str,
    label: &str,
) -> Result<Vec<u8>> {
    let cards: Vec<Card<'_>> = imported
        .cards
        .iter()
        .map(|c| Card {
            id: c.id,
            kind: c.kind,
            answer_kind: AnswerKind::Other,
            prompt: &c.prompt,
            answer: &c.answer,
            distractors: [""; 3],
            context: &c.context,
            source: Source {
                document: c.document,
                line: c.line,
            },
            situation: "",
        })
        .collect();
    let docs: Vec<&str> = imported.documents.iter().map(String::as_str).collect();
    encode(id, name, &docs, &cards).map_err(|e| {
        CliError::input(crate::messages::fill(
            crate::messages::text().apkg_cannot_make_deck,
            &[&label, &e],
        ))
    })
}

/// What the import adds to the log.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
struct Counts {
    added: usize,
    present: usize,
    undone: usize,
    suspended: usize,
    unsuspended: usize,
}

/// The records the log lacks: the reviews it does not hold yet; an undo of each review it
/// holds from before the span of history Anki counts (the card was reset in Anki since the
/// last import); a suspension record where Anki's state differs from the log's.
fn new_records(imported: &Imported, history: &History, now_ms: i64) -> (Vec<LogEntry>, Counts) {
    let mut entries = Vec::new();
    let mut counts = Counts::default();
    let mut suspension_ms = now_ms;
    for card in &imported.cards {
        let known = history.card(card.id);
        let times: HashSet<i64> = known
            .map(|h| h.reviews.iter().map(|r| r.time_ms).collect())
            .unwrap_or_default();
        let kept_times: HashSet<i64> = card.history.reviews.iter().map(|r| r.id).collect();
        // Reviews of the log dated before Anki's counted span: undone.
        let cut = match (card.history.starts_ms, card.has_revlog) {
            (Some(t), _) => Some(t),
            (None, true) => Some(i64::MAX),
            (None, false) => None,
        };
        if let (Some(cut), Some(h)) = (cut, known) {
            for r in &h.reviews {
                if r.time_ms < cut && !kept_times.contains(&r.time_ms) {
                    entries.push(LogEntry::Undo {
                        card: card.id,
                        review_time_ms: r.time_ms,
                    });
                    counts.undone += 1;
                }
            }
        }
        for e in &card.history.reviews {
            if times.contains(&e.id) {
                counts.present += 1;
                continue;
            }
            let Some(rating) = rating(e.ease) else {
                continue;
            };
            entries.push(LogEntry::Review(Review {
                card: card.id,
                time_ms: e.id,
                rating,
                duration_ms: e.taken_ms,
            }));
            counts.added += 1;
        }
        let suspended = known.is_some_and(|h| h.suspended);
        if suspended != card.suspended {
            entries.push(if card.suspended {
                counts.suspended += 1;
                LogEntry::Suspend {
                    card: card.id,
                    time_ms: suspension_ms,
                }
            } else {
                counts.unsuspended += 1;
                LogEntry::Unsuspend {
                    card: card.id,
                    time_ms: suspension_ms,
                }
            });
            suspension_ms += 1;
        }
    }
    (entries, counts)
}

/// The messages on what the package held that carnet leaves out or changes.
fn notices(
    imported: &Imported,
    collection: &crate::anki_package::Collection,
    counts: &Counts,
) -> Vec<String> {
    let m = crate::messages::text();
    let fill = crate::messages::fill;
    let mut out = Vec::new();
    let mut count = |n: usize, forms| {
        if n > 0 {
            out.push(m.count(n as u64, forms, &[]));
        }
    };
    count(imported.sounds, m.apkg_sounds);
    count(imported.latex, m.apkg_latex);
    count(imported.empty, m.apkg_empty);
    count(imported.entries_left_out, m.apkg_left_out);
    count(imported.incomplete, m.apkg_incomplete);
    count(
        imported.cards.iter().filter(|c| c.buried).count(),
        m.apkg_buried,
    );
    count(collection.odd_revlog_rows, m.apkg_odd_rows);
    count(counts.undone, m.apkg_undone);
    if imported.images > 0 || collection.media_files > 0 {
        out.insert(
            0,
            fill(m.apkg_media, &[&imported.images, &collection.media_files]),
        );
    }
    if counts.suspended + counts.unsuspended > 0 {
        out.push(fill(
            m.apkg_suspended,
            &[&counts.suspended, &counts.unsuspended],
        ));
    }
    out
}
