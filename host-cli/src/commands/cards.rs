//! `carnet cards`: list, search and show the cards of a deck.

use std::io::Write;

use carnet_engine::deck::Deck;
use carnet_engine::{Card, Phase};

use crate::args::{CardsArgs, CommonArgs};
use crate::clock::iso_utc;
use crate::config::Settings;
use crate::deck_file::DeckFile;
use crate::deck_log::log_path;
use crate::error::{CliError, Result};
use crate::history::History;
use crate::kind_names::{answer_kind, card_kind, fold};
use crate::store::read_log;

/// Lists the cards (all, or those matching `--search`), or shows one (`--show`).
pub fn execute(common: &CommonArgs, args: &CardsArgs) -> Result<()> {
    let settings = Settings::resolve(common)?;
    let file = DeckFile::load(&settings.deck)?;
    let deck = file.deck()?;
    let io = CliError::stdout;
    let mut out = std::io::stdout().lock();
    if let Some(prefix) = &args.show {
        let wanted = prefix.trim().to_ascii_lowercase();
        let matches: Vec<Card<'_>> = deck
            .cards()
            .filter(|c| format!("{:016x}", c.id.0).starts_with(&wanted))
            .collect();
        let card = match matches.as_slice() {
            [one] => *one,
            [] => {
                return Err(CliError::input(format!(
                    "no card of {} has an id starting with {prefix:?}",
                    file.label()
                )))
            }
            _ => {
                return Err(CliError::input(format!(
                    "{} cards of {} have an id starting with {prefix:?}; give more digits",
                    matches.len(),
                    file.label()
                )))
            }
        };
        if args.json {
            writeln!(out, "{}", card_json(&deck, &card)).map_err(io)?;
            return Ok(());
        }
        let path = log_path(&settings.data_dir, &deck)?;
        let scan = read_log(&path)?;
        let history = History::from_entries(&scan.schedulable(&path, settings.clock.now_ms()));
        let state = history.state(card.id, &settings.scheduler, &settings.day_clock());
        let doc = deck.document(card.source.document).unwrap_or("?");
        let mut text = format!(
            "id:       {:016x}\nkind:     {} ({})\nquestion: {}\nanswer:   {}\n",
            card.id.0,
            card_kind(card.kind),
            answer_kind(card.answer_kind),
            card.prompt,
            card.answer
        );
        if !card.situation.is_empty() {
            text.push_str(&format!("context:  {}\n", card.situation));
        }
        let choices: Vec<&str> = card.distractors().collect();
        if !choices.is_empty() {
            text.push_str(&format!("wrong:    {}\n", choices.join(" · ")));
        }
        text.push_str(&format!(
            "source:   {} ({doc}:{})\n",
            card.context, card.source.line
        ));
        let reviews = history.card(card.id).map_or(0, |h| h.reviews.len());
        let phase = match state.phase() {
            Phase::New => "new",
            Phase::Learning => "learning",
            Phase::Review => "review",
            Phase::Relearning => "relearning",
        };
        let suspended = if state.is_suspended() {
            ", suspended"
        } else {
            ""
        };
        text.push_str(&format!("state:    {phase}{suspended}, {reviews} reviews"));
        if let (Some(m), Some(due)) = (state.memory(), state.due()) {
            text.push_str(&format!(
                ", stability {:.2} d, difficulty {:.2}, due {}",
                m.stability,
                m.difficulty,
                iso_utc(due)
            ));
        }
        writeln!(out, "{text}").map_err(io)?;
        return Ok(());
    }
    let needle = args.search.as_deref().map(fold);
    let mut shown = 0usize;
    for card in deck.cards() {
        if let Some(n) = &needle {
            let hay = fold(&format!(
                "{}\n{}\n{}",
                card.prompt, card.answer, card.context
            ));
            if !hay.contains(n.as_str()) {
                continue;
            }
        }
        shown += 1;
        if args.json {
            writeln!(out, "{}", card_json(&deck, &card)).map_err(io)?;
        } else {
            writeln!(
                out,
                "{:016x}  {:<8}  {}  →  {}",
                card.id.0,
                card_kind(card.kind),
                card.prompt,
                card.answer
            )
            .map_err(io)?;
        }
    }
    if !args.json {
        let of = if needle.is_some() {
            format!(" matching of {}", deck.len())
        } else {
            String::new()
        };
        writeln!(out, "{shown} cards{of} in {}", deck.name()).map_err(io)?;
    }
    Ok(())
}

/// A card as one JSON object.
pub fn card_json(deck: &Deck<'_>, card: &Card<'_>) -> serde_json::Value {
    let mut choices: Vec<&str> = Vec::new();
    if card.distractors().next().is_some() {
        choices.push(card.answer);
        choices.extend(card.distractors());
    }
    serde_json::json!({
        "id": format!("{:016x}", card.id.0),
        "kind": card_kind(card.kind),
        "answer_kind": answer_kind(card.answer_kind),
        "question": card.prompt,
        "answer": card.answer,
        "choices": choices,
        "source": {
            "document": deck.document(card.source.document).unwrap_or(""),
            "line": card.source.line,
            "sentence": card.context,
        },
        "situation": card.situation,
    })
}
