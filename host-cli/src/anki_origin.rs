//! Where the cards of a deck imported from Anki came from: each card's Anki card id, note and
//! ordinal, each note's GUID, note type, fields, tags and modification time, and each note
//! type's fields and templates. `carnet import` writes it beside the deck's review log
//! (`<data dir>/<deck id>.anki.json`); `carnet export --apkg` writes those notes and cards
//! back as they were, so Anki's importer recognises them (by GUID and note type id) in the
//! collection they came from instead of adding copies. A deck without the file (made by
//! `generate`, or imported by an older carnet) is exported with carnet's own note types.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use carnet_engine::CardId;
use serde::{Deserialize, Serialize};

use crate::anki_import::Imported;
use crate::anki_package::Collection;

/// A note type as the export writes it back.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NoteType {
    /// Its name.
    pub name: String,
    /// Whether it is a cloze note type.
    pub cloze: bool,
    /// Its field names, in order.
    pub fields: Vec<String>,
    /// Its templates: name, question side, answer side.
    pub templates: Vec<(String, String, String)>,
}

/// A note as Anki held it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Note {
    /// Its GUID.
    pub guid: String,
    /// Its note type's id.
    pub notetype: i64,
    /// Its fields (HTML, as Anki stores them).
    pub fields: Vec<String>,
    /// Its tags.
    pub tags: Vec<String>,
    /// Its modification time, seconds since the Unix epoch.
    pub modified_secs: i64,
}

/// A card's place in Anki.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Card {
    /// Its Anki card id.
    pub id: i64,
    /// Its note's id.
    pub note: i64,
    /// Its ordinal (template, or cloze number less one).
    pub ord: u32,
}

/// The Anki origin of a deck's cards.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Origin {
    /// Note types by id.
    pub notetypes: BTreeMap<i64, NoteType>,
    /// Notes by id.
    pub notes: BTreeMap<i64, Note>,
    /// Cards by carnet card id (as a number).
    pub cards: BTreeMap<u64, Card>,
}

impl Origin {
    /// The origin of the imported cards.
    pub fn of(col: &Collection, imported: &Imported) -> Origin {
        let mut origin = Origin::default();
        let by_id: std::collections::HashMap<i64, &crate::anki_package::Card> =
            col.cards.iter().map(|c| (c.id, c)).collect();
        for card in &imported.cards {
            let Some(&anki) = by_id.get(&card.anki_id) else {
                continue;
            };
            let Some(note) = col.notes.get(&anki.note) else {
                continue;
            };
            let Some(notetype) = col.notetypes.get(&note.notetype) else {
                continue;
            };
            origin.cards.insert(
                card.id.0,
                Card {
                    id: anki.id,
                    note: anki.note,
                    ord: anki.ord,
                },
            );
            origin.notes.entry(anki.note).or_insert_with(|| Note {
                guid: note.guid.clone(),
                notetype: note.notetype,
                fields: note.fields.clone(),
                tags: note.tags.clone(),
                modified_secs: note.modified_secs,
            });
            origin
                .notetypes
                .entry(note.notetype)
                .or_insert_with(|| NoteType {
                    name: notetype.name.clone(),
                    cloze: notetype.cloze,
                    fields: notetype.fields.clone(),
                    templates: notetype
                        .templates
                        .iter()
                        .map(|t| (t.name.clone(), t.question.clone(), t.answer.clone()))
                        .collect(),
                });
        }
        origin
    }

    /// The origin of card `id`, its note and its note type, when all three are known.
    pub fn card(&self, id: CardId) -> Option<(&Card, &Note, &NoteType)> {
        let card = self.cards.get(&id.0)?;
        let note = self.notes.get(&card.note)?;
        let notetype = self.notetypes.get(&note.notetype)?;
        Some((card, note, notetype))
    }

    /// The file's bytes.
    pub fn to_bytes(&self) -> Vec<u8> {
        serde_json::to_vec(self).unwrap_or_default()
    }

    /// The origin in `path`; `None` when there is no such file or it cannot be read (the
    /// deck is then exported with carnet's own note types).
    pub fn load(path: &Path) -> Option<Origin> {
        let bytes = std::fs::read(path).ok()?;
        serde_json::from_slice(&bytes).ok()
    }
}

/// Where the origin of the deck whose log is `log` is kept: beside the log.
pub fn path_beside(log: &Path) -> PathBuf {
    log.with_extension("anki.json")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_deck_without_the_file_or_with_a_damaged_one_has_no_origin() {
        let dir = std::env::temp_dir().join(format!("carnet-origin-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let log = dir.join("0123.revlog");
        let path = path_beside(&log);
        assert_eq!(path, dir.join("0123.anki.json"));
        assert_eq!(Origin::load(&path), None);
        std::fs::write(&path, b"{not json").unwrap();
        assert_eq!(Origin::load(&path), None);
        let mut origin = Origin::default();
        origin.cards.insert(
            7,
            Card {
                id: 1,
                note: 2,
                ord: 1,
            },
        );
        std::fs::write(&path, origin.to_bytes()).unwrap();
        assert_eq!(Origin::load(&path), Some(origin.clone()));
        // A card whose note is missing has no usable origin.
        assert!(origin.card(CardId(7)).is_none());
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
