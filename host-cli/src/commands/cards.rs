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
use crate::messages::{fill, text, Messages};
use crate::store::read_log;

/// Lists the cards (all, or those matching `--search`), or shows one (`--show`).
pub fn execute(common: &CommonArgs, args: &CardsArgs) -> Result<()> {
    let mut settings = Settings::resolve(common)?;
    let file = DeckFile::load(&settings.deck)?;
    let deck = file.deck()?;
    crate::deck_parameters::apply(&mut settings, deck.deck_id())?;
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
                return Err(CliError::input(fill(
                    text().e_no_such_card,
                    &[&file.label(), &format!("{prefix:?}")],
                )))
            }
            _ => {
                return Err(CliError::input(fill(
                    text().e_ambiguous_card,
                    &[&matches.len(), &file.label(), &format!("{prefix:?}")],
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
        let m = text();
        let l = m.card_labels;
        let mut text = format!(
            "{}{:016x}\n{}{} ({})\n{}{}\n{}{}\n",
            l[0],
            card.id.0,
            l[1],
            kind_name(m, card.kind),
            answer_kind_name(m, card.answer_kind),
            l[2],
            card.prompt,
            l[3],
            card.answer
        );
        if !card.situation.is_empty() {
            text.push_str(&format!("{}{}\n", l[4], card.situation));
        }
        let choices: Vec<&str> = card.distractors().collect();
        if !choices.is_empty() {
            text.push_str(&format!("{}{}\n", l[5], choices.join(" · ")));
        }
        text.push_str(&format!(
            "{}{} ({doc}:{})\n",
            l[6], card.context, card.source.line
        ));
        let reviews = history.card(card.id).map_or(0, |h| h.reviews.len());
        let phase = phase_text(m, state.phase());
        let suspended = if state.is_suspended() {
            m.card_suspended
        } else {
            ""
        };
        let reviews = m.count(reviews as u64, m.reviews, &[]);
        text.push_str(&format!("{}{phase}{suspended}, {reviews}", l[7]));
        if let (Some(mem), Some(due)) = (state.memory(), state.due()) {
            text.push_str(&fill(
                m.card_memory,
                &[
                    &decimal(m, format!("{:.2}", mem.stability)),
                    &decimal(m, format!("{:.2}", mem.difficulty)),
                    &iso_utc(due),
                ],
            ));
        }
        writeln!(out, "{text}").map_err(io)?;
        return Ok(());
    }
    if args.browse || args.suspended || args.state.is_some() || args.sort.is_some() {
        return browse(&settings, &deck, args);
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
                kind_name(text(), card.kind),
                card.prompt,
                card.answer
            )
            .map_err(io)?;
        }
    }
    if !args.json {
        let m = text();
        let line = if needle.is_some() {
            m.count(shown as u64, m.cards_matching, &[&deck.len(), &deck.name()])
        } else {
            m.count(shown as u64, m.cards_in, &[&deck.name()])
        };
        writeln!(out, "{line}").map_err(io)?;
    }
    Ok(())
}

/// The browse view: each card with its state, due date, stability and reviews, filtered
/// and sorted as asked.
fn browse(settings: &Settings, deck: &Deck<'_>, args: &CardsArgs) -> Result<()> {
    let path = log_path(&settings.data_dir, deck)?;
    let scan = read_log(&path)?;
    scan.warn(&path, false);
    let history = History::from_entries(&scan.schedulable(&path, settings.clock.now_ms()));
    let day_clock = settings.day_clock();
    let ids: Vec<carnet_engine::CardId> = (0..deck.len()).filter_map(|i| deck.id(i)).collect();
    let states = history.states(ids.iter().copied(), &settings.scheduler, &day_clock);
    let needle = args.search.as_deref().map(fold);
    let phase_name = |p: Phase| match p {
        Phase::New => "new",
        Phase::Learning => "learning",
        Phase::Review => "review",
        Phase::Relearning => "relearning",
    };
    let mut rows: Vec<(usize, Card<'_>)> = deck
        .cards()
        .enumerate()
        .filter(|(i, _)| !args.suspended || states[*i].is_suspended())
        .filter(|(i, _)| {
            args.state
                .as_deref()
                .is_none_or(|s| s == phase_name(states[*i].phase()))
        })
        .filter(|(_, c)| {
            needle.as_ref().is_none_or(|n| {
                fold(&format!("{}\n{}\n{}", c.prompt, c.answer, c.context)).contains(n.as_str())
            })
        })
        .collect();
    let reviews = |id: carnet_engine::CardId| history.card(id).map_or(0, |h| h.reviews.len());
    match args.sort.as_deref() {
        Some("due") => rows.sort_by_key(|(i, _)| states[*i].due().unwrap_or(i64::MAX)),
        Some("stability") => rows.sort_by(|(a, _), (b, _)| {
            let s = |i: usize| states[i].memory().map_or(f32::MAX, |m| m.stability);
            s(*a).total_cmp(&s(*b))
        }),
        Some("difficulty") => rows.sort_by(|(a, _), (b, _)| {
            let d = |i: usize| states[i].memory().map_or(f32::MIN, |m| m.difficulty);
            d(*b).total_cmp(&d(*a))
        }),
        Some("reviews") => rows.sort_by_key(|(_, c)| std::cmp::Reverse(reviews(c.id))),
        _ => {}
    }
    let io = CliError::stdout;
    let mut out = std::io::stdout().lock();
    if args.json {
        for (i, c) in &rows {
            let mut v = card_json(deck, c);
            let st = states[*i];
            v["state"] = serde_json::json!({
                "phase": phase_name(st.phase()),
                "suspended": st.is_suspended(),
                "due": st.due().filter(|_| !st.is_new()).map(iso_utc),
                "stability": st.memory().map(|m| m.stability),
                "difficulty": st.memory().map(|m| m.difficulty),
                "reviews": reviews(c.id),
            });
            writeln!(out, "{v}").map_err(io)?;
        }
        return Ok(());
    }
    let m = text();
    let [id, state, due, stability, reviews_title, question] = m.browse_columns;
    writeln!(
        out,
        "{id:<16}  {state:<13}  {due:<10}  {stability:>9}  {reviews_title:>7}  {question}"
    )
    .map_err(io)?;
    for (i, c) in &rows {
        let st = states[*i];
        let state = format!(
            "{}{}",
            phase_text(m, st.phase()),
            if st.is_suspended() {
                m.browse_suspended
            } else {
                ""
            }
        );
        let due = st
            .due()
            .filter(|_| !st.is_new())
            .map_or("—".to_string(), crate::clock::local_date);
        let stability = st.memory().map_or("—".to_string(), |mem| {
            format!(
                "{} {}",
                decimal(m, format!("{:.1}", mem.stability)),
                m.day_unit
            )
        });
        writeln!(
            out,
            "{:016x}  {state:<13}  {due:<10}  {stability:>9}  {:>7}  {}  →  {}",
            c.id.0,
            reviews(c.id),
            c.prompt,
            c.answer
        )
        .map_err(io)?;
    }
    // « 1 of 6 cards »: the noun agrees with the deck's count.
    let of = m.browse_of;
    let template = m.language.plural(deck.len() as u64, of.one, of.many);
    writeln!(
        out,
        "{}",
        fill(template, &[&rows.len(), &deck.len(), &deck.name()])
    )
    .map_err(io)?;
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

/// A phase as the interface names it.
fn phase_text(m: &Messages, phase: Phase) -> &'static str {
    match phase {
        Phase::New => m.phases[0],
        Phase::Learning => m.phases[1],
        Phase::Review => m.phases[2],
        Phase::Relearning => m.phases[3],
    }
}

/// A card kind as the interface names it (JSON keeps [`card_kind`]).
fn kind_name(m: &Messages, kind: carnet_engine::CardKind) -> &'static str {
    use carnet_engine::CardKind::*;
    match kind {
        QuestionAnswer => m.card_kinds[0],
        Cloze => m.card_kinds[1],
        MultipleChoice => m.card_kinds[2],
    }
}

/// An answer kind as the interface names it (JSON keeps [`answer_kind`]).
fn answer_kind_name(m: &Messages, kind: carnet_engine::AnswerKind) -> &'static str {
    use carnet_engine::AnswerKind::*;
    match kind {
        Date => m.answer_kinds[0],
        Person => m.answer_kinds[1],
        Place => m.answer_kinds[2],
        Quantity => m.answer_kinds[3],
        Organisation => m.answer_kinds[4],
        Other => m.answer_kinds[5],
    }
}

/// A number printed by Rust (`1.25`) with the language's decimal separator.
fn decimal(m: &Messages, number: String) -> String {
    number.replace('.', &m.decimal_separator.to_string())
}
