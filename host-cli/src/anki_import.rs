//! An Anki collection ([`crate::anki_package::Collection`]) as carnet cards and review
//! records: each Anki card one carnet card (its front and back rendered from its template as
//! plain text, its id derived from Anki's card id), its deck one source document, its review
//! log the reviews that Anki's FSRS counts ([`crate::anki_revlog::kept`]).

use std::collections::HashMap;

use carnet_engine::{CardId, CardKind, Rating};

use crate::anki_package::{Card, Collection, NoteType};
use crate::anki_revlog::{kept, KeptHistory};
use crate::anki_template::{self, Context};
use crate::error::{CliError, Result};
use crate::html_text::to_text;

/// The carnet id of the Anki card `anki_id`: the same in every import of that card.
pub fn card_id(anki_id: i64) -> CardId {
    CardId::from_key(&format!("anki:card:{anki_id}"))
}

/// A field's text on one line, as carnet's cards are: its line breaks become ` / `.
pub fn one_line(text: &str) -> String {
    let lines: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    lines.join(" / ")
}

/// The text of some HTML, on one line.
fn text_of(html: &str) -> String {
    one_line(&to_text(html).text)
}

/// The grade of an Anki button (1–4).
pub fn rating(ease: u8) -> Option<Rating> {
    Some(match ease {
        1 => Rating::Again,
        2 => Rating::Hard,
        3 => Rating::Good,
        4 => Rating::Easy,
        _ => return None,
    })
}

/// One card, converted.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportedCard {
    /// Its carnet id.
    pub id: CardId,
    /// Its Anki id.
    pub anki_id: i64,
    /// Question and answer, or cloze.
    pub kind: CardKind,
    /// The question side as text (a cloze card's gaps as `[...]`).
    pub prompt: String,
    /// The answer (a cloze card's hidden texts).
    pub answer: String,
    /// What the answer side shows beyond the answer (a cloze note's Back Extra).
    pub context: String,
    /// Its deck's index in [`Imported::documents`].
    pub document: u16,
    /// Its position in its deck, from 1.
    pub line: u32,
    /// Suspended in Anki.
    pub suspended: bool,
    /// Buried in Anki (carnet buries for the day only: not carried).
    pub buried: bool,
    /// The reviews that count for its memory state.
    pub history: KeptHistory,
    /// Whether Anki's log holds entries for it at all.
    pub has_revlog: bool,
}

/// What a collection gives carnet, and what it held that carnet leaves out.
#[derive(Debug, Clone, Default)]
pub struct Imported {
    /// The name of the one top-level deck all cards are in, if they are in one.
    pub deck_name: Option<String>,
    /// The decks' full names (`Parent::Child`), the cards' documents.
    pub documents: Vec<String>,
    /// The cards, deck by deck.
    pub cards: Vec<ImportedCard>,
    /// Images referred to by the notes' fields (not imported).
    pub images: usize,
    /// `[sound:…]` tags, left in the text.
    pub sounds: usize,
    /// LaTeX (`[latex]`, `[$]`, `[$$]`), left in the text as its source.
    pub latex: usize,
    /// Cards whose question renders empty (Anki would not show them): skipped.
    pub empty: usize,
    /// Review log entries left out by Anki's rules (no grade, set due date, reschedules,
    /// cram reviews, history before a reset).
    pub entries_left_out: usize,
    /// Cards with reviews but no learning step starting their history (Anki starts them
    /// from their SM-2 state).
    pub incomplete: usize,
}

/// Converts a collection; `label` names the package in messages.
pub fn convert(col: &Collection, label: &str) -> Result<Imported> {
    convert_with_progress(col, label, &mut crate::progress::Bar::off())
}

/// [`convert`], a card a step of `bar`.
pub fn convert_with_progress(
    col: &Collection,
    label: &str,
    bar: &mut crate::progress::Bar,
) -> Result<Imported> {
    bar.stage(crate::messages::text().apkg_progress[2]);
    let mut out = Imported::default();
    let mut document_of: HashMap<i64, u16> = HashMap::new();
    let mut lines: Vec<u32> = Vec::new();
    let mut counted_notes = std::collections::HashSet::new();
    let mut top_levels = std::collections::BTreeSet::new();
    for card in &col.cards {
        bar.add(1);
        let note = col.notes.get(&card.note).ok_or_else(|| {
            CliError::input(crate::messages::fill(
                crate::messages::text().apkg_missing_note,
                &[&label, &card.id, &card.note],
            ))
        })?;
        let notetype = col.notetypes.get(&note.notetype).ok_or_else(|| {
            CliError::input(crate::messages::fill(
                crate::messages::text().apkg_missing_notetype,
                &[&label, &card.note, &note.notetype],
            ))
        })?;
        let fields: HashMap<String, String> = notetype
            .fields
            .iter()
            .cloned()
            .zip(note.fields.iter().cloned())
            .collect();
        if counted_notes.insert(card.note) {
            for f in &note.fields {
                out.images += to_text(f).images;
                out.sounds += f.matches("[sound:").count();
                out.latex += f.matches("[latex]").count()
                    + f.matches("[$]").count()
                    + f.matches("[$$]").count();
            }
        }
        let Some((kind, prompt, answer, context)) = render(card, notetype, &fields, label)? else {
            out.empty += 1;
            continue;
        };
        let deck = col
            .decks
            .get(&card.deck)
            .cloned()
            .unwrap_or_else(|| format!("deck {}", card.deck));
        top_levels.insert(deck.split("::").next().unwrap_or("").to_string());
        let document = match document_of.get(&card.deck) {
            Some(&d) => d,
            None => {
                let d = u16::try_from(out.documents.len()).map_err(|_| {
                    CliError::input(crate::messages::fill(
                        crate::messages::text().apkg_too_many_decks,
                        &[&label],
                    ))
                })?;
                out.documents.push(deck);
                lines.push(0);
                document_of.insert(card.deck, d);
                d
            }
        };
        lines[document as usize] += 1;
        let entries = col.revlog.get(&card.id).map_or(&[][..], Vec::as_slice);
        let history = kept(entries);
        out.entries_left_out += entries.len() - history.reviews.len();
        if !history.reviews.is_empty() && !history.complete {
            out.incomplete += 1;
        }
        out.cards.push(ImportedCard {
            id: card_id(card.id),
            anki_id: card.id,
            kind,
            prompt,
            answer,
            context,
            document,
            line: lines[document as usize],
            suspended: card.queue == -1,
            buried: matches!(card.queue, -2 | -3),
            history,
            has_revlog: !entries.is_empty(),
        });
    }
    if top_levels.len() == 1 {
        out.deck_name = top_levels.pop_first();
    }
    Ok(out)
}

type Rendered = (CardKind, String, String, String);

/// A card's kind, question, answer and context as text; `None` when its question is empty.
fn render(
    card: &Card,
    notetype: &NoteType,
    fields: &HashMap<String, String>,
    label: &str,
) -> Result<Option<Rendered>> {
    let template_index = if notetype.cloze { 0 } else { card.ord as usize };
    let template = notetype.templates.get(template_index).ok_or_else(|| {
        CliError::input(crate::messages::fill(
            crate::messages::text().apkg_no_template,
            &[
                &label,
                &format!("{:?}", notetype.name),
                &(template_index + 1),
                &card.id,
            ],
        ))
    })?;
    let used = anki_template::referenced_fields(&template.question);
    if !used.iter().any(|f| notetype.fields.contains(f)) {
        return Err(CliError::input(crate::messages::fill(
            crate::messages::text().apkg_template_no_field,
            &[
                &label,
                &format!("{:?}", template.name),
                &format!("{:?}", notetype.name),
                &notetype.fields.join(", "),
            ],
        )));
    }
    let cloze = notetype.cloze.then_some(card.ord + 1);
    let question = anki_template::render(
        &template.question,
        &Context {
            fields,
            cloze,
            answer_side: false,
            front_side: "",
        },
    );
    let prompt = text_of(&question);
    if prompt.is_empty() {
        return Ok(None);
    }
    let answer_html = anki_template::render(
        &template.answer,
        &Context {
            fields,
            cloze,
            answer_side: true,
            front_side: &question,
        },
    );
    if let Some(number) = cloze {
        // The answer: the texts this card hides, from the fields the question shows.
        let answers: Vec<String> = used
            .iter()
            .filter_map(|f| fields.get(f))
            .flat_map(|v| anki_template::cloze_answers(v, number))
            .map(|a| text_of(&a))
            .collect();
        // The context: the fields only the answer side shows (Back Extra).
        let extra: Vec<String> = anki_template::referenced_fields(&template.answer)
            .iter()
            .filter(|f| !used.contains(f) && notetype.fields.contains(f))
            .filter_map(|f| fields.get(f))
            .map(|v| text_of(v))
            .filter(|t| !t.is_empty())
            .collect();
        return Ok(Some((
            CardKind::Cloze,
            prompt,
            answers.join(", "),
            extra.join(" / "),
        )));
    }
    let answer = text_of(after_answer_rule(&answer_html, &question));
    Ok(Some((
        CardKind::QuestionAnswer,
        prompt,
        answer,
        String::new(),
    )))
}

/// The part of a rendered answer side after the question: after `<hr id=answer>` where the
/// template has it, else after the question when it opens the answer side, else all of it.
fn after_answer_rule<'a>(answer: &'a str, question: &str) -> &'a str {
    let lower = answer.to_ascii_lowercase();
    for rule in ["<hr id=answer>", "<hr id=\"answer\">", "<hr id='answer'>"] {
        if let Some(at) = lower.find(rule) {
            return &answer[at + rule.len()..];
        }
    }
    answer.strip_prefix(question).unwrap_or(answer)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_answer_is_what_follows_the_rule() {
        assert_eq!(after_answer_rule("Q<hr id=answer>A", "Q"), "A");
        assert_eq!(after_answer_rule("Q<HR id=\"answer\">A", "Q"), "A");
        assert_eq!(after_answer_rule("Q A", "Q"), " A");
        assert_eq!(after_answer_rule("A", "Q"), "A");
    }

    #[test]
    fn line_breaks_become_slashes() {
        assert_eq!(
            text_of("1922<br>(en Extrême-Orient)"),
            "1922 / (en Extrême-Orient)"
        );
        assert_eq!(
            text_of("<div>un</div><div></div><div>deux</div>"),
            "un / deux"
        );
    }

    #[test]
    fn ids_are_stable_and_distinct() {
        assert_eq!(card_id(1), card_id(1));
        assert_ne!(card_id(1), card_id(2));
    }
}
