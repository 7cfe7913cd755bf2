//! Anki packages read: a `.apkg` (a deck) or `.colpkg` (a whole collection) is a zip holding
//! the collection as SQLite — `collection.anki21b` (zstd-compressed, schema 18, what Anki
//! 2.1.50 and later write), else `collection.anki21` or `collection.anki2` (schema 11, its
//! note types and decks as JSON in the `col` row) — and the media files.
//!
//! The collection is unpacked into a temporary file (SQLite reads files), removed when the
//! [`Collection`] is built. Every failure names the package and what is wrong with it.

use crate::progress::Bar;
use std::collections::HashMap;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags};

use crate::anki_revlog::{ReviewKind, RevlogEntry};
use crate::error::{CliError, Result};

/// The largest collection unpacked (a zip bomb stops here): 4 GiB.
const MAX_COLLECTION_BYTES: u64 = 4 << 30;

/// The schema versions read: 11 (legacy JSON note types) to 18.
pub const SCHEMAS: std::ops::RangeInclusive<i64> = 11..=18;

/// A note type.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoteType {
    /// Its name.
    pub name: String,
    /// Whether it is a cloze note type (one card a cloze number, one template).
    pub cloze: bool,
    /// Its field names, in order.
    pub fields: Vec<String>,
    /// Its card templates by ordinal.
    pub templates: Vec<Template>,
}

/// A card template.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Template {
    /// Its name ("Card 1").
    pub name: String,
    /// The question side.
    pub question: String,
    /// The answer side.
    pub answer: String,
}

/// A note.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    /// Its GUID (what Anki's importer matches notes by).
    pub guid: String,
    /// When it was last modified, seconds since the Unix epoch.
    pub modified_secs: i64,
    /// Its note type's id.
    pub notetype: i64,
    /// Its fields, in the note type's order.
    pub fields: Vec<String>,
    /// Its tags.
    pub tags: Vec<String>,
}

/// A card.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Card {
    /// Its id (its creation time in milliseconds, unique in the collection).
    pub id: i64,
    /// Its note's id.
    pub note: i64,
    /// Its deck's id.
    pub deck: i64,
    /// Its template's ordinal (cloze number − 1 for cloze notes).
    pub ord: u32,
    /// `cards.queue`: −1 suspended, −2 and −3 buried, 0 new, 1 and 3 learning, 2 review.
    pub queue: i64,
    /// Last modification, seconds since the Unix epoch.
    pub modified_secs: i64,
}

/// What carnet reads of a collection.
#[derive(Debug, Default)]
pub struct Collection {
    /// `col.ver`.
    pub schema: i64,
    /// Note types by id.
    pub notetypes: HashMap<i64, NoteType>,
    /// Deck names by id (`Parent::Child`).
    pub decks: HashMap<i64, String>,
    /// Notes by id.
    pub notes: HashMap<i64, Note>,
    /// Cards, by deck name then note then ordinal.
    pub cards: Vec<Card>,
    /// Review log entries by card id, each card's in time order.
    pub revlog: HashMap<i64, Vec<RevlogEntry>>,
    /// Revlog rows of a type or grade Anki does not write (skipped).
    pub odd_revlog_rows: usize,
    /// Media files in the package.
    pub media_files: usize,
    /// The import's progress bar (off unless asked for).
    pub progress: Bar,
}

/// Reads a package.
pub fn read(path: &Path) -> Result<Collection> {
    read_with_progress(path, &mut |_| Bar::off())
}

/// Reads a package, with the progress bar that `bar` makes of the collection's size (its
/// notes, cards and review rows), which [`crate::anki_import::convert`] goes on with.
pub fn read_with_progress(path: &Path, bar: &mut dyn FnMut(u64) -> Bar) -> Result<Collection> {
    let label = path.display().to_string();
    let m = crate::messages::text();
    let bad = |template: &str, args: &[&dyn std::fmt::Display]| {
        let mut all: Vec<&dyn std::fmt::Display> = vec![&label];
        all.extend_from_slice(args);
        CliError::input(crate::messages::fill(template, &all))
    };
    let file = std::fs::File::open(path).map_err(|e| CliError::io("cannot read", path, &e))?;
    let mut zip = zip::ZipArchive::new(std::io::BufReader::new(file))
        .map_err(|e| bad(m.apkg_not_zip, &[&e]))?;
    let names: Vec<String> = zip
        .file_names()
        .filter_map(|n| n.ok().map(|n| n.into_owned()))
        .collect();
    let media_files = names
        .iter()
        .filter(|n| n.bytes().all(|b| b.is_ascii_digit()))
        .count();
    let (name, compressed) = [
        "collection.anki21b",
        "collection.anki21",
        "collection.anki2",
    ]
    .iter()
    .find(|n| names.iter().any(|m| m == *n))
    .map(|n| (*n, n.ends_with('b')))
    .ok_or_else(|| {
        bad(
            m.apkg_no_collection,
            &[&if names.is_empty() {
                m.apkg_nothing.to_string()
            } else {
                names
                    .iter()
                    .take(5)
                    .map(String::as_str)
                    .collect::<Vec<_>>()
                    .join(", ")
            }],
        )
    })?;
    let temp = TempFile::new();
    {
        let entry = zip
            .by_name(name)
            .map_err(|e| bad(m.apkg_entry, &[&name, &e]))?;
        let mut out = std::fs::File::create(&temp.0)
            .map_err(|e| CliError::io("cannot create a temporary file", &temp.0, &e))?;
        let mut limited = entry.take(MAX_COLLECTION_BYTES + 1);
        let copied = if compressed {
            let mut decoder = zstd::stream::read::Decoder::new(&mut limited)
                .map_err(|e| bad(m.apkg_damaged, &[&name, &e]))?;
            copy_limited(&mut decoder, &mut out)
        } else {
            copy_limited(&mut limited, &mut out)
        };
        let n = copied.map_err(|e| bad(m.apkg_damaged, &[&name, &e]))?;
        if n > MAX_COLLECTION_BYTES {
            return Err(bad(
                m.apkg_too_large,
                &[&name, &(MAX_COLLECTION_BYTES >> 30)],
            ));
        }
        out.flush()
            .map_err(|e| CliError::io("cannot write a temporary file", &temp.0, &e))?;
    }
    let mut col = read_sqlite(&temp.0, bar).map_err(|e| match e {
        ReadError::Sql(e) => bad(m.apkg_unreadable, &[&name, &sql_message(&e)]),
        ReadError::Bad(what) => bad("{}: {}: {}", &[&name, &what]),
    })?;
    col.media_files = media_files;
    Ok(col)
}

/// Copies `from` into `to` up to [`MAX_COLLECTION_BYTES`] + 1 bytes.
fn copy_limited(from: &mut impl Read, to: &mut impl Write) -> std::io::Result<u64> {
    std::io::copy(&mut from.take(MAX_COLLECTION_BYTES + 1), to)
}

fn sql_message(e: &rusqlite::Error) -> String {
    match e {
        rusqlite::Error::SqliteFailure(f, Some(m))
            if f.code == rusqlite::ErrorCode::NotADatabase =>
        {
            crate::messages::fill(crate::messages::text().apkg_not_sqlite, &[m])
        }
        rusqlite::Error::SqliteFailure(f, _) if f.code == rusqlite::ErrorCode::DatabaseCorrupt => {
            crate::messages::text().apkg_corrupt_sqlite.to_string()
        }
        e => e.to_string(),
    }
}

/// A temporary file (not created), removed when dropped.
pub(crate) struct TempFile(pub(crate) PathBuf);

impl TempFile {
    /// A new name in the system's temporary folder.
    pub(crate) fn new() -> TempFile {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.subsec_nanos());
        let path =
            std::env::temp_dir().join(format!("carnet-anki-{}-{nanos}.sqlite", std::process::id()));
        TempFile(path)
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
        for suffix in ["-journal", "-wal", "-shm"] {
            let mut p = self.0.clone().into_os_string();
            p.push(suffix);
            let _ = std::fs::remove_file(p);
        }
    }
}

enum ReadError {
    Sql(rusqlite::Error),
    Bad(String),
}

impl From<rusqlite::Error> for ReadError {
    fn from(e: rusqlite::Error) -> ReadError {
        ReadError::Sql(e)
    }
}

/// Gives `db` the `unicase` collation: Anki's schema 18 declares its name columns `COLLATE
/// unicase`, and SQLite refuses queries on those tables until a collation of that name exists.
pub(crate) fn unicase(db: &Connection) -> rusqlite::Result<()> {
    db.create_collation("unicase", |a, b| {
        a.chars()
            .flat_map(char::to_lowercase)
            .cmp(b.chars().flat_map(char::to_lowercase))
    })
}

/// Reads a collection's SQLite file.
fn read_sqlite(
    path: &Path,
    bar: &mut dyn FnMut(u64) -> Bar,
) -> std::result::Result<Collection, ReadError> {
    let db = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    unicase(&db)?;
    let schema: i64 = db.query_row("select ver from col", [], |r| r.get(0))?;
    if !SCHEMAS.contains(&schema) {
        return Err(ReadError::Bad(crate::messages::fill(
            crate::messages::text().apkg_schema,
            &[&schema, SCHEMAS.start(), SCHEMAS.end()],
        )));
    }
    let rows_in = |table: &str| {
        db.query_row(&format!("select count(*) from {table}"), [], |r| {
            r.get::<_, i64>(0)
        })
        .map(|n| n.max(0) as u64)
    };
    let (notes, cards, reviews) = (rows_in("notes")?, rows_in("cards")?, rows_in("revlog")?);
    // Reading, then converting each card.
    let mut progress = bar(notes + 2 * cards + reviews);
    let stages = crate::messages::text().apkg_progress;
    progress.stage(stages[0]);
    let mut col = Collection {
        schema,
        progress,
        ..Collection::default()
    };
    if schema >= 15 {
        read_tables(&db, &mut col)?;
    } else {
        read_json(&db, &mut col)?;
    }
    let mut stmt = db.prepare("select id, mid, tags, flds, guid, mod from notes")?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        let id: i64 = r.get(0)?;
        let tags: String = r.get(2)?;
        let fields: String = r.get(3)?;
        col.progress.add(1);
        col.notes.insert(
            id,
            Note {
                guid: r.get::<_, Option<String>>(4)?.unwrap_or_default(),
                modified_secs: r.get::<_, Option<i64>>(5)?.unwrap_or(0),
                notetype: r.get(1)?,
                fields: fields.split('\x1f').map(str::to_string).collect(),
                tags: tags.split_whitespace().map(str::to_string).collect(),
            },
        );
    }
    let mut stmt = db.prepare("select id, nid, did, ord, queue, mod from cards order by id")?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        col.progress.add(1);
        col.cards.push(Card {
            id: r.get(0)?,
            note: r.get(1)?,
            deck: r.get(2)?,
            ord: r.get::<_, i64>(3)?.clamp(0, u32::MAX as i64) as u32,
            queue: r.get(4)?,
            modified_secs: r.get(5)?,
        });
    }
    let empty = String::new();
    col.cards.sort_by(|a, b| {
        let da = col.decks.get(&a.deck).unwrap_or(&empty);
        let db = col.decks.get(&b.deck).unwrap_or(&empty);
        (da, a.note, a.ord).cmp(&(db, b.note, b.ord))
    });
    let mut stmt =
        db.prepare("select id, cid, ease, type, factor, time from revlog order by id")?;
    let mut rows = stmt.query([])?;
    col.progress.stage(stages[1]);
    while let Some(r) = rows.next()? {
        col.progress.add(1);
        let ease: i64 = r.get(2)?;
        let kind = ReviewKind::from_type(r.get(3)?);
        let (Some(kind), 0..=4) = (kind, ease) else {
            col.odd_revlog_rows += 1;
            continue;
        };
        let cid: i64 = r.get(1)?;
        col.revlog.entry(cid).or_default().push(RevlogEntry {
            id: r.get(0)?,
            ease: ease as u8,
            kind,
            factor: r.get(4)?,
            taken_ms: r.get::<_, i64>(5)?.clamp(0, u32::MAX as i64) as u32,
        });
    }
    Ok(col)
}

/// Note types and decks of schema 15 and later: tables, configurations in protobuf.
fn read_tables(db: &Connection, col: &mut Collection) -> std::result::Result<(), ReadError> {
    let mut stmt = db.prepare("select id, name, config from notetypes")?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        let config: Vec<u8> = r.get(2)?;
        // Notetype.Config: field 1 is its kind (1 = cloze).
        let cloze = proto_varint(&config, 1) == Some(1);
        col.notetypes.insert(
            r.get(0)?,
            NoteType {
                name: r.get(1)?,
                cloze,
                fields: Vec::new(),
                templates: Vec::new(),
            },
        );
    }
    let mut stmt = db.prepare("select ntid, name from fields order by ntid, ord")?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        if let Some(nt) = col.notetypes.get_mut(&r.get(0)?) {
            nt.fields.push(r.get(1)?);
        }
    }
    let mut stmt = db.prepare("select ntid, name, config from templates order by ntid, ord")?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        if let Some(nt) = col.notetypes.get_mut(&r.get(0)?) {
            let config: Vec<u8> = r.get(2)?;
            // Template.Config: field 1 the question format, field 2 the answer format.
            nt.templates.push(Template {
                name: r.get(1)?,
                question: proto_string(&config, 1).unwrap_or_default(),
                answer: proto_string(&config, 2).unwrap_or_default(),
            });
        }
    }
    let mut stmt = db.prepare("select id, name from decks")?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        let name: String = r.get(1)?;
        col.decks.insert(r.get(0)?, name.replace('\x1f', "::"));
    }
    Ok(())
}

/// Note types and decks of schema 11: JSON in the `col` row.
fn read_json(db: &Connection, col: &mut Collection) -> std::result::Result<(), ReadError> {
    let (models, decks): (String, String) =
        db.query_row("select models, decks from col", [], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })?;
    let words = crate::messages::text();
    let bad = |what: &str, e: serde_json::Error| {
        ReadError::Bad(crate::messages::fill(words.apkg_json, &[&what, &e]))
    };
    let models: HashMap<String, serde_json::Value> =
        serde_json::from_str(&models).map_err(|e| bad(words.apkg_json_what[0], e))?;
    for (id, m) in models {
        let Ok(id) = id.parse::<i64>() else { continue };
        let text = |v: &serde_json::Value, k: &str| v[k].as_str().unwrap_or("").to_string();
        let list = |k: &str| m[k].as_array().cloned().unwrap_or_default();
        col.notetypes.insert(
            id,
            NoteType {
                name: text(&m, "name"),
                cloze: m["type"].as_i64() == Some(1),
                fields: list("flds").iter().map(|f| text(f, "name")).collect(),
                templates: list("tmpls")
                    .iter()
                    .map(|t| Template {
                        name: text(t, "name"),
                        question: text(t, "qfmt"),
                        answer: text(t, "afmt"),
                    })
                    .collect(),
            },
        );
    }
    let decks: HashMap<String, serde_json::Value> =
        serde_json::from_str(&decks).map_err(|e| bad(words.apkg_json_what[1], e))?;
    for (id, d) in decks {
        if let (Ok(id), Some(name)) = (id.parse::<i64>(), d["name"].as_str()) {
            col.decks.insert(id, name.to_string());
        }
    }
    Ok(())
}

/// The fields of a protobuf message, as (number, value) pairs; stops at the first malformed
/// byte (what came before it is kept).
fn proto_fields(mut bytes: &[u8]) -> Vec<(u64, ProtoValue<'_>)> {
    let mut out = Vec::new();
    while !bytes.is_empty() {
        let Some((key, rest)) = varint(bytes) else {
            break;
        };
        bytes = rest;
        let value = match key & 7 {
            0 => match varint(bytes) {
                Some((v, rest)) => {
                    bytes = rest;
                    ProtoValue::Varint(v)
                }
                None => break,
            },
            1 if bytes.len() >= 8 => {
                bytes = &bytes[8..];
                ProtoValue::Other
            }
            2 => match varint(bytes) {
                Some((len, rest)) if (len as usize) <= rest.len() => {
                    let (v, rest) = rest.split_at(len as usize);
                    bytes = rest;
                    ProtoValue::Bytes(v)
                }
                _ => break,
            },
            5 if bytes.len() >= 4 => {
                bytes = &bytes[4..];
                ProtoValue::Other
            }
            _ => break,
        };
        out.push((key >> 3, value));
    }
    out
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ProtoValue<'a> {
    Varint(u64),
    Bytes(&'a [u8]),
    Other,
}

fn varint(bytes: &[u8]) -> Option<(u64, &[u8])> {
    let mut v = 0u64;
    for (i, &b) in bytes.iter().enumerate().take(10) {
        v |= u64::from(b & 0x7f) << (7 * i);
        if b & 0x80 == 0 {
            return Some((v, &bytes[i + 1..]));
        }
    }
    None
}

fn proto_varint(bytes: &[u8], field: u64) -> Option<u64> {
    proto_fields(bytes).into_iter().find_map(|(n, v)| match v {
        ProtoValue::Varint(v) if n == field => Some(v),
        _ => None,
    })
}

fn proto_string(bytes: &[u8], field: u64) -> Option<String> {
    proto_fields(bytes).into_iter().find_map(|(n, v)| match v {
        ProtoValue::Bytes(b) if n == field => Some(String::from_utf8_lossy(b).into_owned()),
        _ => None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn protobuf_fields_are_read_and_garbage_is_not_a_panic() {
        let template = b"\n\t{{Front}}\x12\x0d{{FrontSide}}@\xfe\x91\x9f\xdb\xf1\x86\xe8\xd47";
        assert_eq!(proto_string(template, 1).as_deref(), Some("{{Front}}"));
        assert_eq!(proto_string(template, 2).as_deref(), Some("{{FrontSide}}"));
        assert_eq!(proto_varint(b"\x08\x01\x1a\x00", 1), Some(1));
        assert_eq!(proto_varint(b"\x1a\x00", 1), None);
        for garbage in [
            &b"\xff"[..],
            b"\x0a\xff\xff",
            b"\x0a\x05ab",
            b"\x09abc",
            b"\x80\x80",
        ] {
            let _ = proto_fields(garbage);
        }
    }
}
