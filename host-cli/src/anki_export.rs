//! A deck and its review history as an Anki package (`.apkg`) that Anki imports with its
//! scheduling: a schema-11 collection (`collection.anki21`, the format every Anki since 2.1
//! reads) holding the notes and cards, the review log as revlog rows, and each card's FSRS
//! memory state and due date.
//!
//! A card imported from Anki (its origin kept beside the log, [`crate::anki_origin`]) goes
//! back as Anki held it: its note's id, GUID, note type (id, name, fields, templates; written
//! with a modification time of 0, so Anki keeps its own copy), fields, tags and modification
//! time, and its own card id and ordinal. Imported into the collection it came from, Anki
//! recognises the notes and cards and adds no copy. Other cards get one note each, of one of
//! two note types of carnet's own (`carnet Basic`, `carnet Cloze`, with the card's source
//! sentence, situation and origin in fields of their own), with ids derived from carnet's.
//!
//! Revlog ids are review times, so the package of a later export holds the same revlog ids.
//! Anki's package importer adds revlog rows only for the cards it adds: a card the target
//! collection already holds keeps its log (whatever the import options), so reviews made in
//! carnet reach a collection that lacks the cards (a new one); the one they came from gets
//! them from `carnet export --into` ([`crate::anki_collection_write`]).

use std::collections::HashSet;
use std::io::Write;
use std::path::Path;

use carnet_engine::deck::Deck;
use carnet_engine::{Card, CardKind, DayClock, Scheduler, CLOZE_GAP};
use rusqlite::{params, Connection};
use serde_json::json;

use crate::anki_card_schedule::{schedule, AnkiDays, RevlogRow};
use crate::anki_origin::Origin;
use crate::error::{CliError, Result};
use crate::history::History;
use crate::kind_names::card_kind;

/// The id of the `carnet Basic` note type.
pub const BASIC_ID: i64 = 1_700_000_000_101;
/// The id of the `carnet Cloze` note type.
pub const CLOZE_ID: i64 = 1_700_000_000_102;
/// The fields of both note types after the first two.
const EXTRA_FIELDS: [&str; 4] = ["Context", "Situation", "Source", "Wrong"];

/// What an export holds.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Summary {
    /// Notes (one a card).
    pub notes: usize,
    /// Of which cloze notes.
    pub cloze: usize,
    /// Revlog rows.
    pub reviews: usize,
}

/// The scheduling the package is written with.
pub struct Scheduling<'a> {
    /// The scheduler (its parameters and retention go into the deck options).
    pub scheduler: &'a Scheduler,
    /// How days are counted.
    pub clock: DayClock,
    /// Now, seconds since the Unix epoch.
    pub now_secs: i64,
}

/// The package bytes of `deck` with `history`.
pub fn package(
    deck: &Deck<'_>,
    history: &History,
    s: &Scheduling<'_>,
    origin: Option<&Origin>,
) -> Result<(Vec<u8>, Summary)> {
    let temp = crate::anki_package::TempFile::new();
    let summary = write_collection(&temp.0, deck, history, s, origin).map_err(|e| {
        CliError::failure(crate::messages::fill(
            crate::messages::text().apkg_cannot_write[0],
            &[&e],
        ))
    })?;
    let collection = std::fs::read(&temp.0)
        .map_err(|e| CliError::io("cannot read the temporary collection", &temp.0, &e))?;
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    let zipped = (|| -> zip::result::ZipResult<Vec<u8>> {
        zip.start_file("collection.anki21", options)?;
        zip.write_all(&collection)?;
        // The legacy media map: no media.
        zip.start_file("media", options)?;
        zip.write_all(b"{}")?;
        Ok(zip.finish()?.into_inner())
    })()
    .map_err(|e| {
        CliError::failure(crate::messages::fill(
            crate::messages::text().apkg_cannot_write[1],
            &[&e],
        ))
    })?;
    Ok((zipped, summary))
}

/// A positive id of 52 bits (Anki's ids are JavaScript-safe integers) from a 64-bit hash.
fn id52(hash: u64) -> i64 {
    (hash >> 12) as i64 | 1 << 40
}

/// The deck id of the Anki deck `name`.
fn deck_id(name: &str) -> i64 {
    id52(carnet_engine::CardId::from_key(&format!("carnet:deck:{name}")).0)
}

/// The Anki deck of a card: the document's subdeck when the document is named as a deck
/// under `deck` (cards imported from Anki), else `deck`.
fn anki_deck(deck: &str, document: &str) -> String {
    if document == deck || document.starts_with(&format!("{deck}::")) {
        document.to_string()
    } else {
        deck.to_string()
    }
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

const SCHEMA: &str = "
create table col (id integer primary key, crt integer not null, mod integer not null,
  scm integer not null, ver integer not null, dty integer not null, usn integer not null,
  ls integer not null, conf text not null, models text not null, decks text not null,
  dconf text not null, tags text not null);
create table notes (id integer primary key, guid text not null, mid integer not null,
  mod integer not null, usn integer not null, tags text not null, flds text not null,
  sfld integer not null, csum integer not null, flags integer not null, data text not null);
create table cards (id integer primary key, nid integer not null, did integer not null,
  ord integer not null, mod integer not null, usn integer not null, type integer not null,
  queue integer not null, due integer not null, ivl integer not null, factor integer not null,
  reps integer not null, lapses integer not null, left integer not null, odue integer not null,
  odid integer not null, flags integer not null, data text not null);
create table revlog (id integer primary key, cid integer not null, usn integer not null,
  ease integer not null, ivl integer not null, lastIvl integer not null,
  factor integer not null, time integer not null, type integer not null);
create table graves (usn integer not null, oid integer not null, type integer not null);
create index ix_notes_usn on notes (usn);
create index ix_cards_usn on cards (usn);
create index ix_revlog_usn on revlog (usn);
create index ix_cards_nid on cards (nid);
create index ix_cards_sched on cards (did, queue, due);
create index ix_revlog_cid on revlog (cid);
create index ix_notes_csum on notes (csum);
";

fn note_type(id: i64, name: &str, cloze: bool, now: i64) -> serde_json::Value {
    let first = if cloze {
        ["Text", "Back Extra"]
    } else {
        ["Front", "Back"]
    };
    let fields: Vec<&str> = first.iter().chain(EXTRA_FIELDS.iter()).copied().collect();
    let situation = "{{#Situation}}<div class=situation>{{Situation}}</div>{{/Situation}}";
    let context = "{{#Context}}<div class=context>{{Context}}</div>{{/Context}}";
    let (qfmt, afmt) = if cloze {
        (
            format!("{situation}{{{{cloze:Text}}}}"),
            format!("{situation}{{{{cloze:Text}}}}<br>{{{{Back Extra}}}}{context}"),
        )
    } else {
        (
            format!("{situation}{{{{Front}}}}"),
            format!("{{{{FrontSide}}}}\n\n<hr id=answer>\n\n{{{{Back}}}}{context}"),
        )
    };
    let template = (if cloze { "Cloze" } else { "Card 1" }).to_string();
    notetype_json(
        id,
        name,
        cloze,
        &fields,
        &[(template, qfmt, afmt)],
        ".card { font-family: arial; font-size: 20px; text-align: center; }\n\
         .situation, .context { font-size: 16px; color: #555; }",
        now,
    )
}

/// A note type in schema 11's JSON.
fn notetype_json(
    id: i64,
    name: &str,
    cloze: bool,
    fields: &[&str],
    templates: &[(String, String, String)],
    css: &str,
    modified: i64,
) -> serde_json::Value {
    let fields: Vec<serde_json::Value> = fields
        .iter()
        .enumerate()
        .map(|(ord, name)| {
            json!({"name": name, "ord": ord, "sticky": false, "rtl": false, "font": "Arial",
                   "size": 20, "media": []})
        })
        .collect();
    let tmpls: Vec<serde_json::Value> = templates
        .iter()
        .enumerate()
        .map(|(ord, (name, qfmt, afmt))| {
            json!({"name": name, "ord": ord, "qfmt": qfmt, "afmt": afmt, "bqfmt": "",
                   "bafmt": "", "did": null, "bfont": "", "bsize": 0})
        })
        .collect();
    json!({
        "id": id, "name": name, "type": if cloze { 1 } else { 0 }, "mod": modified, "usn": 0,
        "sortf": 0, "did": null, "tags": [], "vers": [],
        "tmpls": tmpls,
        "flds": fields,
        "css": css,
        "latexPre": "", "latexPost": "", "latexsvg": false,
        "req": [[0, "any", [0]]],
    })
}

/// An Anki note type a deck's cards came from, as the export writes it back: its id, name,
/// fields and templates as they were, and a modification time of 0 so that Anki's importer
/// never prefers it to the collection's own copy (styling included).
fn original_note_type(id: i64, nt: &crate::anki_origin::NoteType) -> serde_json::Value {
    let fields: Vec<&str> = nt.fields.iter().map(String::as_str).collect();
    notetype_json(
        id,
        &nt.name,
        nt.cloze,
        &fields,
        &nt.templates,
        ".card { font-family: arial; font-size: 20px; text-align: center; }",
        0,
    )
}

fn deck_json(id: i64, name: &str, now: i64) -> serde_json::Value {
    json!({
        "id": id, "name": name, "mod": now, "usn": 0, "lrnToday": [0, 0], "revToday": [0, 0],
        "newToday": [0, 0], "timeToday": [0, 0], "collapsed": false, "browserCollapsed": false,
        "desc": "", "dyn": 0, "conf": 1, "extendNew": 0, "extendRev": 0,
    })
}

fn deck_config(s: &Scheduling<'_>, now: i64) -> serde_json::Value {
    let config = s.scheduler.config();
    let steps = |st: &carnet_engine::Steps| -> Vec<f64> {
        st.as_slice().iter().map(|&x| x as f64 / 60.0).collect()
    };
    json!({"1": {
        "id": 1, "name": "Default", "mod": now, "usn": 0, "maxTaken": 60, "timer": 0,
        "autoplay": true, "replayq": true, "dyn": false, "newMix": 0, "newPerDayMinimum": 0,
        "interdayLearningMix": 0, "reviewOrder": 0, "newSortOrder": 0, "newGatherPriority": 0,
        "buryInterdayLearning": false, "ignoreRevlogsBeforeDate": "",
        "easyDaysPercentages": [1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0],
        "stopTimerOnAnswer": false, "secondsToShowQuestion": 0.0, "secondsToShowAnswer": 0.0,
        "questionAction": 0, "answerAction": 0, "waitForAudio": true, "sm2Retention": 0.9,
        "weightSearch": "",
        "new": {"delays": steps(&config.learning_steps), "ints": [1, 4, 0],
                "initialFactor": 2500, "order": 1, "perDay": 20, "bury": false},
        "lapse": {"delays": steps(&config.relearning_steps), "mult": 0.0, "minInt": 1,
                  "leechFails": 8, "leechAction": 1},
        "rev": {"perDay": 200, "ease4": 1.3, "ivlFct": 1.0, "maxIvl": config.maximum_interval,
                "hardFactor": 1.2, "bury": false},
        "fsrsParams6": config.parameters.as_array().to_vec(),
        "desiredRetention": config.desired_retention,
    }})
}

/// The fields of a card's note and whether it is a cloze note.
fn note_fields(deck: &Deck<'_>, card: &Card<'_>) -> (bool, Vec<String>) {
    let source = format!(
        "{}:{}",
        deck.document(card.source.document).unwrap_or(""),
        card.source.line
    );
    let wrong: Vec<&str> = card.distractors().collect();
    let rest = [
        escape(card.context),
        escape(card.situation),
        escape(&source),
        escape(&wrong.join(" | ")),
    ];
    let cloze = card.kind == CardKind::Cloze && card.prompt.contains(CLOZE_GAP);
    let first = if cloze {
        let text = escape(card.prompt).replacen(
            &escape(CLOZE_GAP),
            &format!("{{{{c1::{}}}}}", escape(card.answer)),
            1,
        );
        [text, String::new()]
    } else {
        [escape(card.prompt), escape(card.answer)]
    };
    (cloze, first.into_iter().chain(rest).collect())
}

fn write_collection(
    path: &Path,
    deck: &Deck<'_>,
    history: &History,
    s: &Scheduling<'_>,
    origin: Option<&Origin>,
) -> rusqlite::Result<Summary> {
    let db = Connection::open(path)?;
    db.execute_batch("pragma journal_mode = off; pragma synchronous = off;")?;
    db.execute_batch(SCHEMA)?;
    let now = s.now_secs;
    let earliest = history
        .cards()
        .filter_map(|(_, h)| h.reviews.first().map(|r| r.time_ms.div_euclid(1000)))
        .min()
        .unwrap_or(now)
        .min(now);
    let crt_day = s.clock.day(earliest);
    let crt = s.clock.day_start(crt_day);
    let days = AnkiDays {
        scheduler: s.scheduler,
        clock: s.clock,
        anki_clock: s.clock,
        creation_day: crt_day,
    };
    let mut summary = Summary::default();
    let mut deck_names: Vec<String> = Vec::new();
    let mut revlog_ids: HashSet<i64> = HashSet::new();
    let mut rows_of: Vec<(i64, RevlogRow)> = Vec::new();
    let mut original_notes: HashSet<i64> = HashSet::new();
    let mut original_types: std::collections::BTreeSet<i64> = std::collections::BTreeSet::new();
    let tx = db.unchecked_transaction()?;
    {
        let mut insert_note =
            tx.prepare("insert into notes values (?1, ?2, ?3, ?4, 0, ?5, ?6, ?7, 0, 0, '')")?;
        let mut insert_card = tx.prepare(
            "insert into cards values (?1, ?2, ?3, ?13, ?4, 0, ?5, ?6, ?7, ?8, 2500, ?9, ?10, ?11, \
             0, 0, 0, ?12)",
        )?;
        for (position, card) in deck.cards().enumerate() {
            let name = anki_deck(
                deck.name(),
                deck.document(card.source.document).unwrap_or(""),
            );
            if !deck_names.contains(&name) {
                deck_names.push(name.clone());
            }
            let (note_id, card_id, ord, cloze) = match origin.and_then(|o| o.card(card.id)) {
                // A card from Anki: its own note (GUID, note type, fields) and card id.
                Some((oc, on, _)) => {
                    if original_notes.insert(oc.note) {
                        original_types.insert(on.notetype);
                        let tags = if on.tags.is_empty() {
                            String::new()
                        } else {
                            format!(" {} ", on.tags.join(" "))
                        };
                        insert_note.execute(params![
                            oc.note,
                            on.guid,
                            on.notetype,
                            on.modified_secs,
                            tags,
                            on.fields.join("\x1f"),
                            on.fields.first().map_or("", String::as_str),
                        ])?;
                    }
                    (oc.note, oc.id, oc.ord, card.kind == CardKind::Cloze)
                }
                None => {
                    let note_id = id52(card.id.0);
                    let (cloze, fields) = note_fields(deck, &card);
                    let tags = format!(" carnet carnet::kind::{} ", card_kind(card.kind));
                    insert_note.execute(params![
                        note_id,
                        crate::anki_text::guid(card.id),
                        if cloze { CLOZE_ID } else { BASIC_ID },
                        now,
                        tags,
                        fields.join("\x1f"),
                        fields[0],
                    ])?;
                    (note_id, note_id + 1, 0, cloze)
                }
            };
            summary.notes += 1;
            summary.cloze += usize::from(cloze);
            let reviews = history.card(card.id).map_or(&[][..], |h| &h.reviews[..]);
            let suspended = history.card(card.id).is_some_and(|h| h.suspended);
            let (rows, sched) = schedule(&days, card.id, reviews, suspended, position as i64 + 1);
            rows_of.extend(rows.into_iter().map(|r| (card_id, r)));
            let data = sched.memory.map_or_else(
                || "{}".to_string(),
                |m| serde_json::Value::Object(m).to_string(),
            );
            insert_card.execute(params![
                card_id,
                note_id,
                deck_id(&name),
                now,
                sched.kind,
                sched.queue,
                sched.due,
                sched.ivl,
                sched.reps,
                sched.lapses,
                sched.left,
                data,
                ord,
            ])?;
        }
        rows_of.sort_by_key(|(cid, r)| (r.id, *cid));
        let mut insert_rev =
            tx.prepare("insert into revlog values (?1, ?2, 0, ?3, ?4, ?5, ?6, ?7, ?8)")?;
        for (cid, r) in &rows_of {
            // Two reviews in one millisecond: the later one moves on (ids are unique).
            let mut id = r.id;
            while !revlog_ids.insert(id) {
                id += 1;
            }
            insert_rev.execute(params![
                id, cid, r.ease, r.ivl, r.last_ivl, r.factor, r.taken_ms, r.kind
            ])?;
            summary.reviews += 1;
        }
    }
    let mut models = serde_json::Map::new();
    models.insert(
        BASIC_ID.to_string(),
        note_type(BASIC_ID, "carnet Basic", false, now),
    );
    models.insert(
        CLOZE_ID.to_string(),
        note_type(CLOZE_ID, "carnet Cloze", true, now),
    );
    for id in &original_types {
        if let Some(nt) = origin.and_then(|o| o.notetypes.get(id)) {
            models.insert(id.to_string(), original_note_type(*id, nt));
        }
    }
    let mut decks = serde_json::Map::new();
    decks.insert("1".into(), deck_json(1, "Default", now));
    // Parents first: a subdeck's parent exists in Anki before it.
    let mut all: Vec<String> = Vec::new();
    for name in &deck_names {
        let parts: Vec<&str> = name.split("::").collect();
        for k in 1..=parts.len() {
            let n = parts[..k].join("::");
            if !all.contains(&n) {
                all.push(n);
            }
        }
    }
    for name in &all {
        let id = deck_id(name);
        decks.insert(id.to_string(), deck_json(id, name, now));
    }
    let conf = json!({
        "nextPos": deck.len() + 1, "curDeck": deck_id(deck.name()), "schedVer": 2,
        "sched2021": true, "rollover": s.clock.start_hour, "fsrs": true,
        "curModel": BASIC_ID, "activeDecks": [1],
    });
    tx.execute(
        "insert into col values (1, ?1, ?2, ?2, 11, 0, 0, 0, ?3, ?4, ?5, ?6, '{}')",
        params![
            crt,
            now * 1000,
            conf.to_string(),
            serde_json::Value::Object(models).to_string(),
            serde_json::Value::Object(decks).to_string(),
            deck_config(s, now).to_string(),
        ],
    )?;
    tx.commit()?;
    drop(db);
    Ok(summary)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_positive_and_javascript_safe() {
        for h in [0u64, 1, u64::MAX, 0x8000_0000_0000_0000] {
            let id = id52(h);
            assert!(id > 0 && id < 1 << 53, "{id}");
        }
    }

    #[test]
    fn subdecks_come_from_documents_named_as_decks() {
        assert_eq!(
            anki_deck("Histoire", "Histoire::Caucase"),
            "Histoire::Caucase"
        );
        assert_eq!(anki_deck("Histoire", "Histoire"), "Histoire");
        assert_eq!(anki_deck("Histoire", "bakou.txt"), "Histoire");
        assert_eq!(escape("<a & b>"), "&lt;a &amp; b&gt;");
    }
}
