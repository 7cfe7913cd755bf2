//! Output: the deck in the engine's format, the human-readable listing, and writing both
//! through a temporary file and a rename so a failure never leaves a partial file.

use crate::cards::{CardKind, GeneratedCard};
use crate::error::Error;
use crate::facts::Kind;
use crate::generate::GeneratedDeck;
use carnet_engine::deck::DeckId;
use std::io::Write;
use std::path::Path;

fn engine_kind(kind: CardKind) -> carnet_engine::CardKind {
    match kind {
        CardKind::QuestionAnswer => carnet_engine::CardKind::QuestionAnswer,
        CardKind::Cloze => carnet_engine::CardKind::Cloze,
        CardKind::MultipleChoice => carnet_engine::CardKind::MultipleChoice,
    }
}

fn engine_answer_kind(kind: Kind) -> carnet_engine::AnswerKind {
    match kind {
        Kind::Date => carnet_engine::AnswerKind::Date,
        Kind::Person => carnet_engine::AnswerKind::Person,
        Kind::Place => carnet_engine::AnswerKind::Place,
        Kind::Quantity => carnet_engine::AnswerKind::Quantity,
        Kind::Organisation => carnet_engine::AnswerKind::Organisation,
        Kind::Other => carnet_engine::AnswerKind::Other,
    }
}

/// The card as the engine sees it, borrowing the generated card's text.
pub fn to_engine(card: &GeneratedCard) -> carnet_engine::Card<'_> {
    let d = |i: usize| card.distractors.get(i).map_or("", String::as_str);
    carnet_engine::Card {
        id: carnet_engine::CardId::from_key(&card.key()),
        kind: engine_kind(card.kind),
        answer_kind: engine_answer_kind(card.answer_kind),
        prompt: &card.prompt,
        answer: &card.answer,
        distractors: [d(0), d(1), d(2)],
        context: &card.context,
        source: carnet_engine::Source {
            document: card.document,
            line: card.line,
        },
        situation: &card.situation,
    }
}

/// Encodes the deck in the engine's file format, with its identity `id` (see [`deck_id_for`]).
pub fn encode(deck: &GeneratedDeck, id: DeckId, name: &str) -> Result<Vec<u8>, Error> {
    check_name(name).map_err(|message| Error::Encode { message })?;
    let documents: Vec<&str> = deck.documents.iter().map(|d| d.name.as_str()).collect();
    let cards: Vec<carnet_engine::Card<'_>> = deck.cards.iter().map(to_engine).collect();
    carnet_engine::deck::encode(id, name, &documents, &cards).map_err(|e| Error::Encode {
        message: e.to_string(),
    })
}

/// The longest deck name accepted, in characters (it is shown on a 21-column screen and in
/// every message).
pub const MAX_NAME_CHARS: usize = 80;

/// Checks a deck name where it enters: not empty, at most [`MAX_NAME_CHARS`] characters, no
/// control characters. The message says what is wrong.
pub fn check_name(name: &str) -> Result<(), String> {
    let chars = name.chars().count();
    if name.trim().is_empty() {
        return Err("the deck name is empty".to_string());
    }
    if chars > MAX_NAME_CHARS {
        return Err(format!(
            "the deck name is {chars} characters long; at most {MAX_NAME_CHARS} are allowed"
        ));
    }
    if let Some(c) = name.chars().find(|c| c.is_control()) {
        return Err(format!(
            "the deck name holds the control character U+{:04X}; names are plain text",
            c as u32
        ));
    }
    Ok(())
}

/// The identity to give a deck written to `output`: the one of the deck already there when
/// it is a readable deck (regenerating keeps the deck and so its history), otherwise a new
/// random one (two different decks never share a history, whatever their names).
pub fn deck_id_for(output: &Path) -> DeckId {
    std::fs::read(output)
        .ok()
        .and_then(|bytes| {
            carnet_engine::deck::Deck::from_bytes(&bytes)
                .ok()
                .map(|d| d.deck_id())
        })
        .unwrap_or_else(new_deck_id)
}

/// A new random deck identity, from the operating system's randomness (the keys std draws
/// for its hash maps), the time and the process id.
pub fn new_deck_id() -> DeckId {
    use std::hash::{BuildHasher, Hasher};
    let half = |salt: u64| {
        let mut h = std::collections::hash_map::RandomState::new().build_hasher();
        h.write_u64(salt);
        h.write_u128(
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_nanos()),
        );
        h.write_u32(std::process::id());
        h.finish()
    };
    DeckId(((half(1) as u128) << 64) | half(2) as u128)
}

/// One field of the listing: tabs and line breaks would break the columns.
fn field(text: &str) -> String {
    text.replace(['\t', '\n', '\r'], " ")
}

/// The listing, one card a line, tab-separated: rank, kind, fact, answer kind, prompt,
/// answer, distractors, source (`document:line`), screen lines of the front and the whole,
/// and the situation line.
pub fn listing(deck: &GeneratedDeck) -> String {
    let mut out = String::from(
        "rank\tkind\tfact\tanswer_kind\tprompt\tanswer\tdistractors\tsource\tfront_lines\tlines\tsituation\n",
    );
    for (i, c) in deck.cards.iter().enumerate() {
        let source = deck
            .documents
            .get(c.document as usize)
            .map_or("?", |d| d.name.as_str());
        out.push_str(&format!(
            "{}\t{}\t{}\t{:?}\t{}\t{}\t{}\t{}:{}\t{}\t{}\t{}\n",
            i + 1,
            c.kind.name(),
            c.fact_type.name(),
            c.answer_kind,
            field(&c.prompt),
            field(&c.answer),
            field(&c.distractors.join(" | ")),
            source,
            c.line,
            c.front_lines(),
            c.total_lines(),
            field(&c.situation),
        ));
    }
    out
}

/// Writes `bytes` to `path` through a temporary file in the same directory and a rename:
/// readers see the old file or the new one, never a part.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), Error> {
    let werr = |source| Error::Write {
        path: path.to_path_buf(),
        source,
    };
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path.file_name().ok_or_else(|| {
        werr(std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            "not a file path",
        ))
    })?;
    let tmp = dir.join(format!(
        ".{}.tmp-{}",
        name.to_string_lossy(),
        std::process::id()
    ));
    let result = (|| {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if let Err(e) = result {
        let _ = std::fs::remove_file(&tmp);
        return Err(werr(e));
    }
    Ok(())
}
