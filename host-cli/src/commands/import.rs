//! `carnet import FILE -o DECK`: a deck from a file in Anki's plain-text format, or from an
//! Anki package with its review history ([`super::import_package`]).

use std::collections::HashSet;

use carnet_engine::deck::encode;
use carnet_engine::{Card, Source};

use crate::anki_text::{self, Note};
use crate::args::{CommonArgs, ImportArgs};
use crate::atomic_file::write_atomically;
use crate::error::{CliError, Result};

/// Reads the notes and writes the deck (through a temporary file); an Anki package (by its
/// extension, or a zip by its first bytes) goes to [`super::import_package`].
pub fn execute(common: &CommonArgs, args: &ImportArgs) -> Result<()> {
    if super::import_package::is_package(&args.file) {
        return super::import_package::execute(common, args);
    }
    let bytes =
        std::fs::read(&args.file).map_err(|e| CliError::io("cannot read", &args.file, &e))?;
    let text = String::from_utf8(bytes).map_err(|e| {
        CliError::input(crate::messages::fill(
            crate::messages::text().e_not_utf8,
            &[&args.file.display(), &e.utf8_error().valid_up_to()],
        ))
    })?;
    let file = anki_text::parse(&args.file, &text)?;
    let stem = args
        .file
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let name = args.name.clone().or(file.deck.clone()).unwrap_or(stem);
    carnet_cards::output::check_name(&name).map_err(|e| {
        CliError::input(format!(
            "{}: {}",
            args.file.display(),
            crate::messages::fill(
                crate::messages::text().e_deck_name,
                &[&format!("{name:?}"), &e]
            )
        ))
    })?;
    let file_name = args
        .file
        .file_name()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();

    // Documents: those named by the Origin column, else the imported file itself.
    let mut documents: Vec<String> = Vec::new();
    let mut sources = Vec::with_capacity(file.notes.len());
    for note in &file.notes {
        let (doc, line) = origin(note).unwrap_or((file_name.clone(), note.line as u32));
        let index = match documents.iter().position(|d| *d == doc) {
            Some(i) => i,
            None => {
                documents.push(doc);
                documents.len() - 1
            }
        };
        let document = u16::try_from(index).map_err(|_| {
            CliError::input(crate::messages::fill(
                crate::messages::text().e_too_many_documents,
                &[&args.file.display()],
            ))
        })?;
        sources.push(Source { document, line });
    }
    let mut seen = HashSet::new();
    let mut cards = Vec::with_capacity(file.notes.len());
    let mut duplicates = 0usize;
    for (note, source) in file.notes.iter().zip(&sources) {
        let id = note.card_id();
        if !seen.insert(id) {
            duplicates += 1;
            continue;
        }
        let wrong: Vec<&str> = note.wrong.iter().map(String::as_str).take(3).collect();
        let mut distractors = [""; 3];
        distractors[..wrong.len()].copy_from_slice(&wrong);
        cards.push(Card {
            id,
            kind: note.card_kind(),
            answer_kind: note.answer_kind(),
            prompt: &note.front,
            answer: &note.back,
            distractors,
            context: note.source.as_deref().unwrap_or(""),
            source: *source,
            situation: note.situation.as_deref().unwrap_or(""),
        });
    }
    let docs: Vec<&str> = documents.iter().map(String::as_str).collect();
    let id = crate::deck_file::identity_for(&args.output, args.identity_of.as_deref())?;
    let bytes = encode(id, &name, &docs, &cards).map_err(|e| {
        CliError::input(crate::messages::fill(
            crate::messages::text().e_cannot_make_deck,
            &[&args.file.display(), &e],
        ))
    })?;
    write_atomically(&args.output, &bytes)?;
    let m = crate::messages::text();
    let dup = if duplicates > 0 {
        m.count(duplicates as u64, m.duplicates, &[])
    } else {
        String::new()
    };
    crate::say!(
        "{}",
        crate::messages::fill(
            m.imported,
            &[
                &m.count(cards.len() as u64, m.cards, &[]),
                &args.output.display(),
                &name,
                &dup
            ]
        )
    );
    Ok(())
}

/// `document:line` from the Origin column.
fn origin(note: &Note) -> Option<(String, u32)> {
    let o = note.origin.as_deref()?;
    let (doc, line) = o.rsplit_once(':')?;
    Some((doc.to_string(), line.parse().ok()?))
}
