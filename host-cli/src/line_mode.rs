//! The plain line mode of `study`: prompts on stdout, one command a line on stdin.
//!
//! Meant for scripts and tests, and for terminals where a full-screen UI is unwelcome. Each
//! card prints `card`, `question` lines; `show` prints `answer`, `source` and `grades`; a
//! grade prints `recorded <card> <grade> <time_ms> ...` only once the review is on disk.
//!
//! Commands: `show` (or an empty line), `1`–`4`, `u` (undo), `s` (suspend), `q` (quit);
//! in typed mode (`--type`) a line is the answer and commands start with `:` (`:q`, `:u`,
//! `:s`); after the answer, an empty line accepts the suggested grade.

use std::io::{BufRead, Write};

use carnet_engine::{check_answer, AnswerMatch, Rating};

use crate::clock;
use crate::error::{CliError, Result};
use crate::grade_label::{grade_bar, grade_name, interval_text};
use crate::session::{study_choices, Session, Summary, Undone};

/// Runs a session until the queue is empty, `q`, or the end of input.
pub fn run<R: BufRead, W: Write>(
    session: &mut Session<'_>,
    typed: bool,
    input: R,
    out: &mut W,
) -> Result<()> {
    let io = CliError::stdout;
    writeln!(
        out,
        "deck: {} ({} cards) · log: {}",
        session.deck_name(),
        session.card_count(),
        session.log_path().display()
    )
    .map_err(io)?;
    if typed {
        writeln!(
            out,
            "keys: type the answer · :u undo · :s suspend · :q quit"
        )
        .map_err(io)?;
    } else {
        writeln!(out, "keys: show · 1-4 grade · u undo · s suspend · q quit").map_err(io)?;
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
                writeln!(out, "situation: {}", card.situation).map_err(io)?;
            }
            writeln!(out, "question: {}", card.prompt).map_err(io)?;
            let choices = study_choices(&card);
            if !choices.is_empty() {
                writeln!(out, "choices: {}", choices.join(" · ")).map_err(io)?;
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
            let line = line.map_err(|e| CliError::failure(format!("cannot read stdin: {e}")))?;
            let raw = line.trim();
            let command = if typed && !revealed {
                match raw.strip_prefix(':') {
                    Some(c) => c.trim(),
                    None => {
                        let verdict = check_answer(card.answer, raw);
                        let (word, grade) = match verdict {
                            AnswerMatch::Correct => ("correct", Rating::Good),
                            AnswerMatch::Close => ("close", Rating::Hard),
                            AnswerMatch::Wrong => ("wrong", Rating::Again),
                        };
                        writeln!(out, "verdict: {word}").map_err(io)?;
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
                    None => writeln!(out, "? grade with 1-4").map_err(io)?,
                },
                "" | "show" | " " => {
                    let doc = session.document(card.source.document);
                    writeln!(out, "answer: {}", card.answer).map_err(io)?;
                    writeln!(out, "source: {} ({doc}:{})", card.context, card.source.line)
                        .map_err(io)?;
                    writeln!(out, "grades: {}", grade_bar(&shown.outcomes, true)).map_err(io)?;
                    if let Some(s) = suggested {
                        writeln!(out, "suggested: {} (empty line to accept)", s.as_u8())
                            .map_err(io)?;
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
                            writeln!(out, "? nothing to undo in this session").map_err(io)?;
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
                        ":u, :s, :q, or an answer"
                    } else {
                        "show, 1-4, u, s, q"
                    };
                    writeln!(out, "? unknown command {other:?}: {keys}").map_err(io)?;
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
            "recorded {:016x} {} {} {} · next in {}",
            g.review.card.0,
            rating.as_u8(),
            g.review.time_ms,
            grade_name(rating),
            interval_text(g.wait_secs)
        )
        .map_err(io)?;
        out.flush().map_err(io)?;
    }
    Ok(())
}

fn quit<W: Write>(session: &Session<'_>, out: &mut W) -> std::io::Result<()> {
    writeln!(out, "quit: everything is saved")?;
    write_summary(&session.summary(), out)
}

fn finish<W: Write>(session: &Session<'_>, out: &mut W) -> std::io::Result<()> {
    writeln!(out, "done: no more cards for now")?;
    if let Some(due) = session.next_learning_due() {
        writeln!(
            out,
            "later: cards in learning come back at {}",
            clock::local_time_of_day(due)
        )?;
    }
    writeln!(out, "tomorrow: {} reviews due", session.due_tomorrow())?;
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
