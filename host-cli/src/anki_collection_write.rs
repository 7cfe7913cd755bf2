//! `carnet export --into COLLECTION.anki2`: carnet's reviews and the cards' scheduling
//! written straight into the learner's Anki collection (Anki closed), as a companion tool
//! does, since Anki's package importer adds no review to a card the collection already holds.
//!
//! Only the cards the collection holds are written: a card of a deck imported from Anki is
//! found by its Anki card id (its origin, [`crate::anki_origin`]) and its note's GUID is
//! checked, so another collection is refused, or its strange cards left out and counted. For
//! each card, the reviews whose revlog id (the review time in milliseconds) the card lacks
//! are inserted as Anki's FSRS writes them ([`crate::anki_card_schedule`]), with `usn = -1`
//! so that Anki's next sync uploads them; the card's type, queue, due, interval, reps,
//! lapses, remaining steps and FSRS memory state (`cards.data`) follow, and `col.mod`. Notes
//! are left alone. A card that Anki changed since carnet's import (the reviews Anki's FSRS
//! counts for it, [`crate::anki_revlog::kept`], are not those carnet knows: reviewed or reset
//! there) is left as it is and counted.
//!
//! One SQLite transaction, taken exclusively before anything is read: all or nothing, and a
//! collection open in Anki (which holds it locked) is refused with nothing changed. A second
//! run finds every review there and writes nothing.

use std::collections::HashSet;
use std::path::Path;

use carnet_engine::deck::Deck;
use carnet_engine::DayClock;
use rusqlite::{params, Connection, ErrorCode, OpenFlags, OptionalExtension};

use crate::anki_card_schedule::{schedule, AnkiDays};
use crate::anki_export::Scheduling;
use crate::anki_origin::Origin;
use crate::anki_package::SCHEMAS;
use crate::anki_revlog::{kept, ReviewKind, RevlogEntry};
use crate::error::{CliError, Result};
use crate::history::History;

/// What `export --into` wrote, or found.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Written {
    /// Revlog rows inserted.
    pub reviews_added: usize,
    /// Cards whose scheduling was updated (those that got reviews).
    pub cards_updated: usize,
    /// Cards of the deck the collection holds, already up to date.
    pub cards_up_to_date: usize,
    /// Cards of the deck the collection does not hold (made by carnet, or deleted in Anki).
    pub not_in_collection: usize,
    /// Cards whose id the collection holds with a note of another GUID (another collection).
    pub other_note: usize,
    /// Cards reviewed or reset in Anki since carnet's import: left as they are.
    pub changed_in_anki: usize,
}

/// A collection's row of a card of the deck.
struct HeldCard {
    guid: String,
    reps: i64,
    lapses: i64,
    data: String,
    modified_secs: i64,
    /// `cards.type` and `cards.ivl`: a card in review gives the first new row its last
    /// interval, as Anki's own answer does.
    review_ivl: Option<i64>,
}

/// Why writing failed, before it is worded with the file's name.
enum WriteError {
    Sql(rusqlite::Error),
    Refused(CliError),
}

impl From<rusqlite::Error> for WriteError {
    fn from(e: rusqlite::Error) -> WriteError {
        WriteError::Sql(e)
    }
}

/// Whether SQLite's error says another connection holds the file.
fn in_use(e: &rusqlite::Error) -> bool {
    matches!(e, rusqlite::Error::SqliteFailure(f, _)
        if matches!(f.code, ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked))
}

/// Writes carnet's reviews of `deck` (its `history`) and the cards' scheduling into the Anki
/// collection at `path`. Nothing is written when there is nothing to add.
pub fn write_into(
    path: &Path,
    deck: &Deck<'_>,
    history: &History,
    s: &Scheduling<'_>,
    origin: &Origin,
) -> Result<Written> {
    let m = crate::messages::text();
    let label = path.display().to_string();
    // A missing file is not created: it is an error naming the file.
    std::fs::metadata(path).map_err(|e| CliError::io("cannot read", path, &e))?;
    let word = |e: WriteError| match e {
        WriteError::Refused(e) => e,
        WriteError::Sql(e) if in_use(&e) => {
            CliError::input(crate::messages::fill(m.into_in_use, &[&label]))
        }
        WriteError::Sql(rusqlite::Error::SqliteFailure(f, reason))
            if matches!(f.code, ErrorCode::NotADatabase | ErrorCode::DatabaseCorrupt) =>
        {
            let reason = reason.unwrap_or_else(|| f.to_string());
            CliError::input(crate::messages::fill(
                m.into_not_collection,
                &[&label, &reason],
            ))
        }
        // A folder, a file it may not write: the learner's to fix.
        WriteError::Sql(e @ rusqlite::Error::SqliteFailure(f, _))
            if matches!(f.code, ErrorCode::CannotOpen | ErrorCode::ReadOnly) =>
        {
            CliError::input(crate::messages::fill(m.into_cannot_write, &[&label, &e]))
        }
        WriteError::Sql(e) => {
            CliError::failure(crate::messages::fill(m.into_cannot_write, &[&label, &e]))
        }
    };
    let db = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(|e| word(e.into()))?;
    write(&db, &label, deck, history, s, origin).map_err(word)
}

fn write(
    db: &Connection,
    label: &str,
    deck: &Deck<'_>,
    history: &History,
    s: &Scheduling<'_>,
    origin: &Origin,
) -> std::result::Result<Written, WriteError> {
    let m = crate::messages::text();
    let refuse = |template: &str, args: &[&dyn std::fmt::Display]| {
        let mut all: Vec<&dyn std::fmt::Display> = vec![&label];
        all.extend_from_slice(args);
        WriteError::Refused(CliError::input(crate::messages::fill(template, &all)))
    };
    // Never wait for Anki; hold the lock from the first read to the commit (no `-shm` file
    // beside a collection in WAL mode).
    db.busy_timeout(std::time::Duration::ZERO)?;
    db.pragma_update(None, "locking_mode", "exclusive")?;
    crate::anki_package::unicase(db)?;
    db.execute_batch("begin exclusive")?;
    let tables: HashSet<String> = db
        .prepare("select name from sqlite_master where type = 'table'")?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    if !["col", "cards", "notes", "revlog"]
        .iter()
        .all(|t| tables.contains(*t))
    {
        return Err(refuse(m.into_not_collection, &[&m.into_no_tables]));
    }
    let (schema, crt): (i64, i64) = db.query_row("select ver, crt from col", [], |r| {
        Ok((r.get(0)?, r.get(1)?))
    })?;
    if !SCHEMAS.contains(&schema) {
        let why = crate::messages::fill(m.apkg_schema, &[&schema, SCHEMAS.start(), SCHEMAS.end()]);
        return Err(refuse("{}: {}", &[&why]));
    }
    let anki_clock = DayClock {
        start_hour: rollover(db, schema).unwrap_or(s.clock.start_hour),
        ..s.clock
    };
    // Anki numbers a day from the calendar date of the collection's creation (not shifted
    // by the rollover) to the date of the day's start.
    let creation_date = DayClock {
        start_hour: 0,
        ..anki_clock
    }
    .day(crt);
    let days = AnkiDays {
        scheduler: s.scheduler,
        clock: s.clock,
        anki_clock,
        creation_day: creation_date,
    };
    let mut written = Written::default();
    let mut find = db.prepare(
        "select n.guid, c.reps, c.lapses, c.data, c.mod, c.type, c.ivl from cards c \
         join notes n on n.id = c.nid where c.id = ?1",
    )?;
    let mut rows_of =
        db.prepare("select id, ease, type, factor, time from revlog where cid = ?1 order by id")?;
    let mut owner = db.prepare("select cid from revlog where id = ?1")?;
    let mut insert =
        db.prepare("insert into revlog values (?1, ?2, -1, ?3, ?4, ?5, ?6, ?7, ?8)")?;
    let mut update = db.prepare(
        "update cards set type = ?2, queue = ?3, due = ?4, ivl = ?5, reps = ?6, lapses = ?7, \
         left = ?8, data = ?9, mod = ?10, usn = -1, \
         did = case when odid != 0 then odid else did end, odid = 0, odue = 0 where id = ?1",
    )?;
    for card in deck.cards() {
        let Some((oc, on, _)) = origin.card(card.id) else {
            written.not_in_collection += 1;
            continue;
        };
        let held = find
            .query_row(params![oc.id], |r| {
                Ok(HeldCard {
                    guid: r.get(0)?,
                    reps: r.get(1)?,
                    lapses: r.get(2)?,
                    data: r.get(3)?,
                    modified_secs: r.get(4)?,
                    review_ivl: (r.get::<_, i64>(5)? == 2).then_some(r.get(6)?),
                })
            })
            .optional()?;
        let Some(held) = held else {
            written.not_in_collection += 1;
            continue;
        };
        if held.guid != on.guid {
            written.other_note += 1;
            continue;
        }
        let reviews = history.card(card.id).map_or(&[][..], |h| &h.reviews[..]);
        let suspended = history.card(card.id).is_some_and(|h| h.suspended);
        let (rows, sched) = schedule(&days, card.id, reviews, suspended, 0);
        let entries: Vec<(i64, Option<RevlogEntry>)> = rows_of
            .query_map(params![oc.id], |r| {
                let (id, ease, kind): (i64, i64, i64) = (r.get(0)?, r.get(1)?, r.get(2)?);
                let entry = ReviewKind::from_type(kind).map(|kind| RevlogEntry {
                    id,
                    ease: ease.clamp(0, 255) as u8,
                    kind,
                    factor: r.get(3).unwrap_or(0),
                    taken_ms: r.get::<_, i64>(4).unwrap_or(0).clamp(0, u32::MAX as i64) as u32,
                });
                Ok((id, entry))
            })?
            .collect::<rusqlite::Result<_>>()?;
        let present: HashSet<i64> = entries.iter().map(|&(id, _)| id).collect();
        // Each review's row: its time, or the first free millisecond after it when another
        // card's row has that id (as the export does); a row of this card there is the review.
        let mut new_rows = Vec::new();
        let mut already = Vec::new();
        for row in &rows {
            let mut id = row.id;
            loop {
                if present.contains(&id) {
                    already.push(id);
                    break;
                }
                match owner
                    .query_row(params![id], |r| r.get::<_, i64>(0))
                    .optional()?
                {
                    Some(_) => id += 1,
                    None => {
                        new_rows.push((id, row));
                        break;
                    }
                }
            }
        }
        if new_rows.is_empty() {
            written.cards_up_to_date += 1;
            continue;
        }
        // The reviews Anki's FSRS counts for the card must be the ones carnet knows: one more
        // (reviewed in Anki since carnet's import) or fewer (reset there) and carnet's
        // schedule would undo that, so the card is left to the learner.
        let graded: Vec<RevlogEntry> = entries.iter().filter_map(|&(_, e)| e).collect();
        let counted: Vec<i64> = kept(&graded).reviews.iter().map(|e| e.id).collect();
        if counted != already {
            written.changed_in_anki += 1;
            continue;
        }
        for (k, (id, r)) in new_rows.iter().enumerate() {
            let last_ivl = match (k, held.review_ivl) {
                (0, Some(ivl)) => ivl,
                _ => r.last_ivl,
            };
            insert.execute(params![
                id, oc.id, r.ease, r.ivl, last_ivl, r.factor, r.taken_ms, r.kind
            ])?;
        }
        // The card's own `data` keys (original position, custom data) stay.
        let mut data = serde_json::from_str::<serde_json::Value>(&held.data)
            .ok()
            .and_then(|v| v.as_object().cloned())
            .unwrap_or_default();
        if let Some(memory) = sched.memory {
            data.extend(memory);
        }
        let added_lapses = new_rows.iter().filter(|(_, r)| r.lapse).count() as i64;
        update.execute(params![
            oc.id,
            sched.kind,
            sched.queue,
            sched.due,
            sched.ivl,
            held.reps + new_rows.len() as i64,
            held.lapses + added_lapses,
            sched.left,
            serde_json::Value::Object(data).to_string(),
            // Never older than the card's last change (sync keeps the newer side).
            s.now_secs.max(held.modified_secs),
        ])?;
        written.reviews_added += new_rows.len();
        written.cards_updated += 1;
    }
    let held = written.cards_updated + written.cards_up_to_date + written.changed_in_anki;
    if held == 0 && written.other_note > 0 {
        // Not one card of the deck: another collection.
        return Err(refuse(m.into_foreign, &[&deck.name(), &written.other_note]));
    }
    drop((find, rows_of, owner, insert, update));
    if written.reviews_added == 0 {
        db.execute_batch("rollback")?;
        return Ok(written);
    }
    // Later than the collection's last change, so that Anki sees it changed.
    db.execute(
        "update col set mod = max(mod + 1, ?1)",
        params![s.now_secs * 1000],
    )?;
    db.execute_batch("commit")?;
    Ok(written)
}

/// The collection's rollover hour (when its day starts), if it says.
fn rollover(db: &Connection, schema: i64) -> Option<u8> {
    let value: serde_json::Value = if schema >= 15 {
        let bytes: Vec<u8> = db
            .query_row("select val from config where key = 'rollover'", [], |r| {
                r.get(0)
            })
            .ok()?;
        serde_json::from_slice(&bytes).ok()?
    } else {
        let conf: String = db
            .query_row("select conf from col", [], |r| r.get(0))
            .ok()?;
        serde_json::from_str::<serde_json::Value>(&conf).ok()?["rollover"].clone()
    };
    value.as_u64().filter(|&h| h < 24).map(|h| h as u8)
}
