//! The plain line mode of `study`: prompts on stdout, one command a line on stdin.
//!
//! Meant for scripts and tests, and for terminals where a full-screen UI is unwelcome. Each
//! card prints `card`, `question` lines; `show` prints `answer`, `source` and `grades`; a
//! grade prints `recorded <card> <grade> <time_ms> ...` only once the review is on disk.
//!
//! Commands: `show` (or an empty line), `1`–`4`, `u` (undo), `s` (suspend), `q` (quit);
//! in typed mode (`--type`) a line is the answer and commands start with `:` (`:q`, `:u`,
//! `:s`); after the answer, an empty line accepts the suggested grade.
//!
//! The records for scripts (`card <id> new= learning= due=`, `recorded <id> <grade> <time>`,
//! `undone`, `suspended`, `unsuspended`, `summary: k=v …`) and the commands are the same in
//! every language; the rest — labels, grade names, intervals, messages — is in the
//! interface's language ([`crate::messages`]).

use std::io::{BufRead, Write};

use carnet_engine::{check_answer, AnswerMatch, Rating};

use crate::clock;
use crate::error::{CliError, Result};
use crate::grade_label::{grade_bar, grade_name, interval_text};
use crate::messages::{fill, text};
use crate::session::{study_choices, Session, Summary, Undone};

/// Runs a session until the queue is empty, `q`, or the end of input.
pub fn run<R: BufRead, W: Write>(
    session: &mut Session<'_>,
    typed: bool,
    input: R,
    out: &mut W,
) -> Result<()> {
    let io = CliError::stdout;
    let m = text();
    let cards = m.count(session.card_count() as u64, m.cards, &[]);
    writeln!(
        out,
        "{}",
        fill(
            m.line_deck,
            &[&session.deck_name(), &cards, &session.log_path().display()]
        )
    )
    .map_err(io)?;
    if typed {
        writeln!(out, "{}", m.line_typed_keys).map_err(io)?;
    } else {
        writeln!(out, "{}", m.line_keys).map_err(io)?;
    }
    let mut lines = input.lines();
    let mut announced: Option<i64> = None;
    'cards: loop {
        let Some(shown) = session.card_to_show() else {
            finish(session, out).map_err(io)?;
            return Ok(());
        };
        let card = session.card(shown.index);
        if announced != Some(shown.time_ms) {
            let c = session.counts();
            writeln!(
                out,
                "card {:016x} new={} learning={} due={}",
                card.id.0, c.new, c.learning, c.review
            )
            .map_err(io)?;
            if !card.situation.is_empty() {
                writeln!(out, "{}", fill(m.line_situation, &[&card.situation])).map_err(io)?;
            }
            writeln!(out, "{}", fill(m.line_question, &[&card.prompt])).map_err(io)?;
            let choices = study_choices(&card);
            if !choices.is_empty() {
                writeln!(out, "{}", fill(m.line_choices, &[&choices.join(" · ")])).map_err(io)?;
            }
            out.flush().map_err(io)?;
            announced = Some(shown.time_ms);
        }
        let mut revealed = false;
        let mut suggested: Option<Rating> = None;
        loop {
            let Some(line) = lines.next() else {
                quit(session, out).map_err(io)?;
                return Ok(());
            };
            let line = line.map_err(|e| CliError::failure(fill(m.cannot_read_stdin, &[&e])))?;
            let raw = line.trim();
            let command = if typed && !revealed {
                match raw.strip_prefix(':') {
                    Some(c) => c.trim(),
                    None => {
                        let verdict = check_answer(card.answer, raw);
                        let words = m.line_verdicts;
                        let (word, grade) = match verdict {
                            AnswerMatch::Correct => (words[0], Rating::Good),
                            AnswerMatch::Close => (words[1], Rating::Hard),
                            AnswerMatch::Wrong => (words[2], Rating::Again),
                        };
                        writeln!(out, "{}", fill(m.line_verdict, &[&word])).map_err(io)?;
                        suggested = Some(grade);
                        "show"
                    }
                }
            } else {
                raw
            };
            match command {
                "" if revealed => match suggested {
                    Some(rating) => {
                        grade(session, rating, out)?;
                        continue 'cards;
                    }
                    None => writeln!(out, "{}", m.line_grade_first).map_err(io)?,
                },
                "" | "show" | " " => {
                    let doc = session.document(card.source.document);
                    writeln!(out, "{}", fill(m.line_answer, &[&card.answer])).map_err(io)?;
                    writeln!(
                        out,
                        "{}",
                        fill(m.line_source, &[&card.context, &doc, &card.source.line])
                    )
                    .map_err(io)?;
                    writeln!(
                        out,
                        "{}",
                        fill(m.line_grades, &[&grade_bar(&shown.outcomes, true)])
                    )
                    .map_err(io)?;
                    if let Some(s) = suggested {
                        writeln!(out, "{}", fill(m.line_suggested, &[&s.as_u8()])).map_err(io)?;
                    }
                    out.flush().map_err(io)?;
                    revealed = true;
                }
                "1" | "2" | "3" | "4" => {
                    let rating =
                        Rating::from_u8(command.as_bytes()[0] - b'0').unwrap_or(Rating::Good);
                    grade(session, rating, out)?;
                    continue 'cards;
                }
                "u" | "undo" => {
                    match session.undo()? {
                        Some(Undone::Grade {
                            card,
                            review_time_ms,
                        }) => {
                            writeln!(out, "undone {:016x} {review_time_ms}", card.0).map_err(io)?
                        }
                        Some(Undone::Suspend { card }) => {
                            writeln!(out, "unsuspended {:016x}", card.0).map_err(io)?
                        }
                        None => {
                            writeln!(out, "{}", m.line_nothing_to_undo).map_err(io)?;
                            continue;
                        }
                    }
                    announced = None;
                    continue 'cards;
                }
                "s" | "suspend" => {
                    if let Some(id) = session.suspend()? {
                        writeln!(out, "suspended {:016x}", id.0).map_err(io)?;
                    }
                    continue 'cards;
                }
                "q" | "quit" => {
                    quit(session, out).map_err(io)?;
                    return Ok(());
                }
                other => {
                    let keys = if typed {
                        m.line_unknown_typed_keys
                    } else {
                        "show, 1-4, u, s, q"
                    };
                    let quoted = format!("{other:?}");
                    writeln!(out, "{}", fill(m.line_unknown, &[&quoted, &keys])).map_err(io)?;
                }
            }
            out.flush().map_err(io)?;
        }
    }
}

/// Grades, then acknowledges on stdout (after the record is synced).
fn grade<W: Write>(session: &mut Session<'_>, rating: Rating, out: &mut W) -> Result<()> {
    let io = CliError::stdout;
    if let Some(g) = session.grade(rating)? {
        writeln!(
            out,
            "recorded {:016x} {} {} {} · {}",
            g.review.card.0,
            rating.as_u8(),
            g.review.time_ms,
            grade_name(rating),
            fill(text().line_next_in, &[&interval_text(g.wait_secs)])
        )
        .map_err(io)?;
        out.flush().map_err(io)?;
    }
    Ok(())
}

fn quit<W: Write>(session: &Session<'_>, out: &mut W) -> std::io::Result<()> {
    writeln!(out, "{}", text().line_quit)?;
    write_summary(&session.summary(), out)
}

fn finish<W: Write>(session: &Session<'_>, out: &mut W) -> std::io::Result<()> {
    let m = text();
    writeln!(out, "{}", m.line_done)?;
    if let Some(due) = session.next_learning_due() {
        writeln!(
            out,
            "{}",
            fill(m.line_later, &[&clock::local_time_of_day(due)])
        )?;
    }
    let tomorrow = m.count(session.due_tomorrow() as u64, m.line_tomorrow, &[]);
    writeln!(out, "{tomorrow}")?;
    write_summary(&session.summary(), out)
}

/// `summary: reviewed=7 again=1 hard=1 good=4 easy=1 new=6 suspended=0 time=1:05`.
pub fn write_summary<W: Write>(s: &Summary, out: &mut W) -> std::io::Result<()> {
    let secs = s.answer_ms / 1000;
    writeln!(
        out,
        "summary: reviewed={} again={} hard={} good={} easy={} new={} suspended={} time={}:{:02}",
        s.reviewed,
        s.by_rating[0],
        s.by_rating[1],
        s.by_rating[2],
        s.by_rating[3],
        s.new_cards,
        s.suspended,
        secs / 60,
        secs % 60
    )?;
    out.flush()
}
