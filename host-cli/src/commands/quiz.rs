//! `carnet quiz`: N questions, multiple choice (keys 1–4) or typed, then the score and the
//! questions missed. With `--record`, each answer becomes a review (right: Good, close:
//! Hard, wrong: Again) in the deck's log.

use std::io::{BufRead, Write};

use carnet_engine::quiz::multiple_choice;
use carnet_engine::review_log::{LogEntry, Review};
use carnet_engine::{check_answer, AnswerMatch, Card, Rating, SeededFuzz};
use rand_core::Rng;

use crate::args::{CommonArgs, QuizArgs};
use crate::config::Settings;
use crate::deck_file::DeckFile;
use crate::deck_log::log_path;
use crate::error::{CliError, Result};
use crate::history::History;
use crate::messages::{fill, text};
use crate::store::{read_log, ReviewStore};
use crate::terminal;

/// A question missed.
#[derive(Debug, Clone)]
struct Missed {
    prompt: String,
    given: String,
    answer: String,
}

/// Runs the quiz on stdin/stdout.
pub fn execute(common: &CommonArgs, args: &QuizArgs) -> Result<()> {
    let mut settings = Settings::resolve(common)?;
    let file = DeckFile::load(&settings.deck)?;
    let deck = file.deck()?;
    crate::deck_parameters::apply(&mut settings, deck.deck_id())?;
    let path = log_path(&settings.data_dir, &deck)?;
    let (mut store, scan) = if args.record {
        let (store, scan) = ReviewStore::open(&path)?;
        (Some(store), scan)
    } else {
        let scan = read_log(&path)?;
        scan.warn(&path, false);
        (None, scan)
    };
    let history = History::from_entries(&scan.schedulable(&path, settings.clock.now_ms()));
    let cards: Vec<Card<'_>> = deck.cards().collect();
    let candidates: Vec<usize> = (0..cards.len())
        .filter(|&i| !history.card(cards[i].id).is_some_and(|h| h.suspended))
        .collect();
    if candidates.is_empty() {
        return Err(CliError::input(fill(text().quiz_no_card, &[&file.label()])));
    }
    let seed = args.seed.unwrap_or(settings.clock.now_ms() as u64);
    let mut rng = SeededFuzz::from_seed(seed);
    let n = (args.questions as usize).min(candidates.len());
    let picked = sample(&candidates, n, &mut rng);

    let interactive = terminal::interactive();
    let color = terminal::color_stdout();
    let stdin = std::io::stdin();
    let mut input = stdin.lock();
    let mut out = std::io::stdout().lock();
    let io = CliError::stdout;
    let m = text();
    let mode = m.quiz_modes[usize::from(!args.typed)];
    writeln!(
        out,
        "{}",
        m.count(n as u64, m.quiz_heading, &[&mode, &deck.name(), &seed])
    )
    .map_err(io)?;
    let mut right = 0usize;
    let mut asked = 0usize;
    let mut missed = Vec::new();
    for (k, &i) in picked.iter().enumerate() {
        let card = cards[i];
        if !card.situation.is_empty() {
            writeln!(out, "({})", card.situation).map_err(io)?;
        }
        writeln!(
            out,
            "{}",
            fill(m.quiz_question, &[&(k + 1), &n, &card.prompt])
        )
        .map_err(io)?;
        let (verdict, given) = if args.typed {
            writeln!(out, "{}", m.quiz_answer_prompt).map_err(io)?;
            out.flush().map_err(io)?;
            let Some(line) = read_line(&mut input)? else {
                break;
            };
            if line == "q" {
                break;
            }
            (check_answer(card.answer, &line), line)
        } else {
            let q = multiple_choice(&card, cards.iter().copied(), &mut rng);
            for (c, choice) in q.choices().iter().enumerate() {
                writeln!(out, "  {}) {choice}", c + 1).map_err(io)?;
            }
            let keys = format!("1-{}", q.choices().len());
            writeln!(out, "{}", fill(m.quiz_choice_prompt, &[&keys])).map_err(io)?;
            out.flush().map_err(io)?;
            let picked = loop {
                let key = if interactive {
                    read_key()?
                } else {
                    read_line(&mut input)?
                };
                let Some(key) = key else { break None };
                if key == "q" {
                    break None;
                }
                match key.parse::<usize>() {
                    Ok(c) if (1..=q.choices().len()).contains(&c) => {
                        if interactive {
                            // Raw mode does not echo the key: show the choice made.
                            writeln!(out, "> {c}) {}", q.choices()[c - 1]).map_err(io)?;
                        }
                        break Some(c - 1);
                    }
                    _ => writeln!(out, "{}", fill(m.quiz_bad_key, &[&keys])).map_err(io)?,
                }
                out.flush().map_err(io)?;
            };
            let Some(c) = picked else { break };
            let verdict = if q.is_correct(c) {
                AnswerMatch::Correct
            } else {
                AnswerMatch::Wrong
            };
            (verdict, q.choices()[c].to_string())
        };
        asked += 1;
        let rating = match verdict {
            AnswerMatch::Correct => {
                right += 1;
                writeln!(out, "{}", terminal::paint(m.quiz_right, "32", color)).map_err(io)?;
                Rating::Good
            }
            AnswerMatch::Close => {
                right += 1;
                writeln!(
                    out,
                    "{}",
                    fill(
                        m.quiz_the_answer_is,
                        &[&terminal::paint(m.quiz_close, "33", color), &card.answer]
                    )
                )
                .map_err(io)?;
                Rating::Hard
            }
            AnswerMatch::Wrong => {
                writeln!(
                    out,
                    "{}",
                    fill(
                        m.quiz_the_answer_is,
                        &[&terminal::paint(m.quiz_wrong, "31", color), &card.answer]
                    )
                )
                .map_err(io)?;
                missed.push(Missed {
                    prompt: card.prompt.to_string(),
                    given,
                    answer: card.answer.to_string(),
                });
                Rating::Again
            }
        };
        if let Some(store) = store.as_mut() {
            let now = settings.clock.now_ms();
            let review = Review {
                card: card.id,
                time_ms: store.next_time_ms(now),
                rating,
                duration_ms: 0,
            };
            store.append(&LogEntry::Review(review))?;
            writeln!(
                out,
                "recorded {:016x} {} {}",
                card.id.0,
                rating.as_u8(),
                review.time_ms
            )
            .map_err(io)?;
        }
    }
    let percent = (right * 100).checked_div(asked).unwrap_or(0);
    writeln!(out, "{}", fill(m.quiz_score, &[&right, &asked, &percent])).map_err(io)?;
    for miss in &missed {
        writeln!(
            out,
            "{}",
            fill(m.quiz_missed, &[&miss.prompt, &miss.given, &miss.answer])
        )
        .map_err(io)?;
    }
    Ok(())
}

fn read_line<R: BufRead>(input: &mut R) -> Result<Option<String>> {
    let mut line = String::new();
    match input.read_line(&mut line) {
        Ok(0) => Ok(None),
        Ok(_) => Ok(Some(line.trim().to_string())),
        Err(e) => Err(CliError::failure(fill(text().cannot_read_stdin, &[&e]))),
    }
}

/// One key press on a terminal, without Enter.
fn read_key() -> Result<Option<String>> {
    use ratatui::crossterm::event::{read, Event, KeyCode, KeyEventKind, KeyModifiers};
    use ratatui::crossterm::terminal::{disable_raw_mode, enable_raw_mode};
    let fail = |e: std::io::Error| CliError::failure(fill(text().cannot_read_keyboard, &[&e]));
    enable_raw_mode().map_err(fail)?;
    let key = loop {
        match read() {
            Ok(Event::Key(k)) if k.kind == KeyEventKind::Press => {
                if k.modifiers.contains(KeyModifiers::CONTROL) && k.code == KeyCode::Char('c') {
                    break Ok(None);
                }
                match k.code {
                    KeyCode::Char(c) => break Ok(Some(c.to_string())),
                    KeyCode::Esc => break Ok(Some("q".to_string())),
                    _ => {}
                }
            }
            Ok(_) => {}
            Err(e) => break Err(fail(e)),
        }
    };
    disable_raw_mode().map_err(fail)?;
    key
}

/// `n` distinct items of `from`, in random order (partial Fisher–Yates).
fn sample(from: &[usize], n: usize, rng: &mut SeededFuzz) -> Vec<usize> {
    let mut pool = from.to_vec();
    for i in 0..n {
        let j = i + below(rng, pool.len() - i);
        pool.swap(i, j);
    }
    pool.truncate(n);
    pool
}

/// An index in `0..n` (n > 0), by multiply-shift.
fn below(rng: &mut SeededFuzz, n: usize) -> usize {
    ((rng.next_u32() as u64 * n as u64) >> 32) as usize
}
