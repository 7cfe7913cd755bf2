//! The full-screen study UI (ratatui + crossterm) over a [`Session`].
//!
//! Space reveals the answer and its source sentence; 1–4 grade, each labelled with the
//! interval it gives; `u` undoes, `s` suspends, `q` quits. With `--type`, the answer is typed
//! and checked; Enter then accepts the suggested grade, Esc quits, Ctrl-Z undoes and Ctrl-S
//! suspends while typing. Every grade is on disk before the next card is drawn.
//!
//! The screen stays usable down to 40×12: below 60 columns or 20 rows the frames go, the
//! header takes one line, the grades take two rows (shorter names when even that is too
//! wide), and a card longer than the screen scrolls (↑ ↓, marked ▲ ▼), the revealed answer
//! scrolled into view.

use std::cell::Cell;

use std::io::Write;

use carnet_engine::{check_answer, AnswerMatch, Rating};
use ratatui::crossterm::event::{self, Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};
use ratatui::{DefaultTerminal, Frame};

use crate::clock;
use crate::error::{CliError, Result};
use crate::grade_label::{grade_name, interval_text, short_grade_name};
use crate::messages::{fill, text};
use crate::session::{study_choices, Session, Shown, Summary, Undone};

/// What the screen is showing of the current card.
#[derive(Debug, Default)]
struct View {
    revealed: bool,
    typed: bool,
    input: String,
    verdict: Option<AnswerMatch>,
    message: String,
    color: bool,
    /// Lines of the card scrolled off the top (set by the last draw).
    scroll: Cell<u16>,
    /// The most `scroll` can be for the card on screen (set by the last draw).
    max_scroll: Cell<u16>,
    /// Scroll the answer into view at the next draw (just revealed).
    show_answer: Cell<bool>,
}

/// Runs the full-screen session, then prints the summary on the normal screen.
pub fn run(session: &mut Session<'_>, typed: bool) -> Result<()> {
    let mut terminal = ratatui::try_init()
        .map_err(|e| CliError::failure(fill(text().cannot_set_up_terminal, &[&e])))?;
    let mut view = View {
        typed,
        color: crate::terminal::no_color_unset(),
        ..View::default()
    };
    let result = event_loop(&mut terminal, session, &mut view);
    ratatui::restore();
    result?;
    let mut out = std::io::stdout().lock();
    let _ = writeln!(
        out,
        "{}",
        fill(
            text().session_saved,
            &[&session.deck_name(), &session.log_path().display()]
        )
    );
    let _ = writeln!(out, "{}", summary_line(&session.summary()));
    Ok(())
}

/// The session's summary for the learner, after the full screen is gone: `summary: 2 cards
/// graded (1 new) · Again 0 · Hard 1 · Good 1 · Easy 0 · 1:05` (line mode prints the
/// `summary: k=v` record for scripts instead).
fn summary_line(s: &Summary) -> String {
    let m = text();
    let mut parts = vec![
        m.count(s.reviewed as u64, m.session_graded, &[])
            + &m.count(s.new_cards as u64, m.tui_of_which_new, &[]),
    ];
    parts.extend(
        Rating::ALL
            .iter()
            .map(|r| format!("{} {}", grade_name(*r), s.by_rating[r.index()])),
    );
    if s.suspended > 0 {
        parts.push(m.count(s.suspended as u64, m.session_suspended, &[]));
    }
    let secs = s.answer_ms / 1000;
    parts.push(format!("{}:{:02}", secs / 60, secs % 60));
    format!("{}{}", m.session_summary, parts.join(" · "))
}

fn event_loop(
    terminal: &mut DefaultTerminal,
    session: &mut Session<'_>,
    view: &mut View,
) -> Result<()> {
    let draw_err = |e: std::io::Error| CliError::failure(fill(text().cannot_draw, &[&e]));
    loop {
        let shown = session.card_to_show();
        terminal
            .draw(|f| draw(f, session, shown, view))
            .map_err(draw_err)?;
        let key = loop {
            match event::read()
                .map_err(|e| CliError::failure(fill(text().cannot_read_keyboard, &[&e])))?
            {
                Event::Key(k) if k.kind == KeyEventKind::Press => break k,
                Event::Resize(..) => {
                    terminal
                        .draw(|f| draw(f, session, shown, view))
                        .map_err(draw_err)?;
                }
                _ => {}
            }
        };
        if shown.is_none() {
            return Ok(());
        }
        if !on_key(session, view, key)? {
            return Ok(());
        }
    }
}

/// Handles one key; `false` ends the session.
fn on_key(session: &mut Session<'_>, view: &mut View, key: KeyEvent) -> Result<bool> {
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    if ctrl && key.code == KeyCode::Char('c') {
        return Ok(false);
    }
    if view.typed && !view.revealed {
        match key.code {
            KeyCode::Esc => return Ok(false),
            KeyCode::Char('z') if ctrl => undo(session, view)?,
            KeyCode::Char('s') if ctrl => suspend(session, view)?,
            KeyCode::Enter => {
                if let Some(shown) = session.card_to_show() {
                    let card = session.card(shown.index);
                    view.verdict = Some(check_answer(card.answer, &view.input));
                    view.revealed = true;
                    view.show_answer.set(true);
                }
            }
            KeyCode::Backspace => {
                view.input.pop();
            }
            KeyCode::Char(c) if !ctrl => view.input.push(c),
            _ => {}
        }
        return Ok(true);
    }
    match key.code {
        KeyCode::Char('q') | KeyCode::Esc => return Ok(false),
        KeyCode::Char(' ') | KeyCode::Enter if !view.revealed => {
            view.revealed = true;
            view.show_answer.set(true);
            view.message.clear();
        }
        KeyCode::Up => scroll_by(view, -1),
        KeyCode::Down => scroll_by(view, 1),
        KeyCode::PageUp => scroll_by(view, -5),
        KeyCode::PageDown => scroll_by(view, 5),
        KeyCode::Enter => {
            if let Some(v) = view.verdict {
                grade(session, view, suggested(v))?;
            }
        }
        KeyCode::Char(c @ '1'..='4') => {
            if view.revealed {
                let rating = Rating::from_u8(c as u8 - b'0').unwrap_or(Rating::Good);
                grade(session, view, rating)?;
            } else {
                view.message = text().tui_reveal_first.to_string();
            }
        }
        KeyCode::Char('u') => undo(session, view)?,
        KeyCode::Char('s') => suspend(session, view)?,
        _ => {}
    }
    Ok(true)
}

fn suggested(verdict: AnswerMatch) -> Rating {
    match verdict {
        AnswerMatch::Correct => Rating::Good,
        AnswerMatch::Close => Rating::Hard,
        AnswerMatch::Wrong => Rating::Again,
    }
}

fn reset(view: &mut View) {
    view.revealed = false;
    view.input.clear();
    view.verdict = None;
    view.scroll.set(0);
    view.show_answer.set(false);
}

/// Scrolls the card by `rows` (up when negative), within what the last draw allowed.
fn scroll_by(view: &View, rows: i32) {
    let to = (view.scroll.get() as i32 + rows).clamp(0, view.max_scroll.get() as i32);
    view.scroll.set(to as u16);
}

fn grade(session: &mut Session<'_>, view: &mut View, rating: Rating) -> Result<()> {
    if let Some(g) = session.grade(rating)? {
        view.message = fill(
            text().tui_recorded,
            &[&grade_name(rating), &interval_text(g.wait_secs)],
        );
    }
    reset(view);
    Ok(())
}

fn undo(session: &mut Session<'_>, view: &mut View) -> Result<()> {
    view.message = match session.undo()? {
        Some(Undone::Grade { .. }) => text().tui_grade_undone.to_string(),
        Some(Undone::Suspend { .. }) => text().tui_suspend_undone.to_string(),
        None => text().tui_nothing_to_undo.to_string(),
    };
    reset(view);
    Ok(())
}

fn suspend(session: &mut Session<'_>, view: &mut View) -> Result<()> {
    if session.suspend()?.is_some() {
        view.message = text().tui_suspended.to_string();
    }
    reset(view);
    Ok(())
}

fn style(view: &View, color: Color) -> Style {
    if view.color {
        Style::default().fg(color)
    } else {
        Style::default()
    }
}

/// Whether the screen is small enough for the compact layout (no frames, one-line header,
/// grades on two rows).
fn compact(area: Rect) -> bool {
    area.width < 60 || area.height < 20
}

/// The first of `candidates` no wider than `width` (the last one if none is).
fn fitting<'t>(candidates: &[&'t str], width: u16) -> &'t str {
    candidates
        .iter()
        .find(|c| Line::raw(**c).width() <= width as usize)
        .or(candidates.last())
        .copied()
        .unwrap_or("")
}

fn draw(f: &mut Frame<'_>, session: &Session<'_>, shown: Option<Shown>, view: &View) {
    let area = f.area();
    let small = compact(area);
    let footer_lines = match shown {
        None => 1,
        Some(_) => footer(shown, view, area.width, small).len() as u16,
    };
    let [header, body, footer_area] = Layout::vertical([
        Constraint::Length(if small { 1 } else { 3 }),
        Constraint::Min(3),
        Constraint::Length(footer_lines),
    ])
    .areas(area);
    let c = session.counts();
    let inner_width = if small {
        area.width
    } else {
        area.width.saturating_sub(2)
    };
    // The counters with their names in full if they fit, else cut short; on a small screen the
    // deck's name leads them while there is room for it.
    let separator = if small { " · " } else { "  ·  " };
    let counters_of = |names: [&str; 3], deck: bool| {
        let mut spans = Vec::new();
        if deck {
            spans.push(Span::styled(
                format!("{} · ", session.deck_name()),
                Style::default().add_modifier(Modifier::BOLD),
            ));
        }
        for (i, (name, n, color)) in [
            (names[0], c.new, Color::LightBlue),
            (names[1], c.learning, Color::LightRed),
            (names[2], c.review, Color::LightGreen),
        ]
        .into_iter()
        .enumerate()
        {
            if i > 0 {
                spans.push(Span::raw(separator));
            }
            spans.push(Span::styled(
                format!("{name} {n}"),
                style(view, color).add_modifier(Modifier::BOLD),
            ));
        }
        Line::from(spans)
    };
    let full = text().tui_counters;
    let short = text().tui_short_counters;
    let candidates = [(full, small), (short, small), (short, false)];
    let counters = candidates
        .iter()
        .map(|&(names, deck)| counters_of(names, deck))
        .find(|l| l.width() <= inner_width as usize)
        .unwrap_or_else(|| counters_of(short, false));
    let header_widget = Paragraph::new(counters);
    if small {
        f.render_widget(header_widget, header);
    } else {
        f.render_widget(
            header_widget.block(
                Block::default()
                    .borders(Borders::ALL)
                    .title(format!(" carnet · {} ", session.deck_name())),
            ),
            header,
        );
    }
    match shown {
        None => draw_finished(f, session, body, footer_area),
        Some(shown) => {
            draw_card(f, session, shown, view, body, small);
            f.render_widget(
                Paragraph::new(footer(Some(shown), view, area.width, small)),
                footer_area,
            );
        }
    }
}

fn draw_card(
    f: &mut Frame<'_>,
    session: &Session<'_>,
    shown: Shown,
    view: &View,
    body: Rect,
    small: bool,
) {
    let card = session.card(shown.index);
    let mut lines: Vec<Line<'_>> = Vec::new();
    // Spacing lines go on a small screen, where every row counts.
    let gap = |lines: &mut Vec<Line<'_>>| {
        if !small {
            lines.push(Line::raw(""));
        }
    };
    if !card.situation.is_empty() {
        lines.push(Line::from(Span::styled(
            card.situation.to_string(),
            style(view, Color::DarkGray).add_modifier(Modifier::ITALIC),
        )));
    }
    lines.push(Line::from(Span::styled(
        card.prompt.to_string(),
        Style::default().add_modifier(Modifier::BOLD),
    )));
    let choices = study_choices(&card);
    if !choices.is_empty() {
        lines.push(Line::from(Span::styled(
            fill(text().tui_choices, &[&choices.join(" · ")]),
            style(view, Color::Cyan),
        )));
    }
    gap(&mut lines);
    if view.typed {
        lines.push(Line::from(vec![
            Span::raw(text().tui_your_answer),
            Span::styled(view.input.clone(), style(view, Color::Cyan)),
            Span::raw(if view.revealed { "" } else { "▏" }),
        ]));
        if let Some(v) = view.verdict {
            let words = text().tui_verdicts;
            let (word, color) = match v {
                AnswerMatch::Correct => (words[0], Color::Green),
                AnswerMatch::Close => (words[1], Color::Yellow),
                AnswerMatch::Wrong => (words[2], Color::Red),
            };
            lines.push(Line::from(Span::styled(
                format!("→ {word}"),
                style(view, color).add_modifier(Modifier::BOLD),
            )));
        }
        gap(&mut lines);
    }
    let mut answer_end = None;
    if view.revealed {
        lines.push(Line::from(Span::styled(
            card.answer.to_string(),
            style(view, Color::Yellow).add_modifier(Modifier::BOLD),
        )));
        answer_end = Some(lines.len());
        gap(&mut lines);
        lines.push(Line::from(Span::styled(
            format!("« {} »", card.context),
            Style::default().add_modifier(Modifier::ITALIC),
        )));
        lines.push(Line::from(Span::styled(
            fill(
                text().tui_source,
                &[&session.document(card.source.document), &card.source.line],
            ),
            style(view, Color::DarkGray),
        )));
    }
    let block = if small {
        Block::default()
    } else {
        Block::default()
            .borders(Borders::ALL)
            .title(text().tui_question_title)
    };
    let inner = block.inner(body);
    let rows = |lines: &[Line<'_>]| {
        Paragraph::new(lines.to_vec())
            .wrap(Wrap { trim: false })
            .line_count(inner.width) as u16
    };
    let total = rows(&lines);
    let max_scroll = total.saturating_sub(inner.height);
    view.max_scroll.set(max_scroll);
    if view.show_answer.replace(false) {
        // Just revealed: scroll as little as shows the answer whole.
        if let Some(end) = answer_end {
            view.scroll.set(
                rows(&lines[..end])
                    .saturating_sub(inner.height)
                    .min(max_scroll),
            );
        }
    }
    view.scroll.set(view.scroll.get().min(max_scroll));
    let scroll = view.scroll.get();
    f.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .scroll((scroll, 0))
            .block(block),
        body,
    );
    // Markers where the card goes on beyond the screen.
    let marker = |f: &mut Frame<'_>, text: &str, y: u16| {
        let w = text.chars().count() as u16;
        if inner.width > w {
            let at = Rect::new(inner.x + inner.width - w, y, w, 1);
            f.render_widget(Paragraph::new(text).style(style(view, Color::Cyan)), at);
        }
    };
    if scroll > 0 {
        marker(f, " ▲ ↑ ", inner.y);
    }
    if scroll < max_scroll && inner.height > 0 {
        marker(f, text().tui_more_below, inner.y + inner.height - 1);
    }
}

/// The lines under the card: the grades with their intervals once the answer shows, the
/// keys, and the last message. Sized to the screen's width.
fn footer<'s>(shown: Option<Shown>, view: &View, width: u16, small: bool) -> Vec<Line<'s>> {
    let mut lines = Vec::new();
    match shown {
        Some(shown) if view.revealed => lines.extend(grade_rows(shown, view, width)),
        _ if view.typed => lines.push(Line::raw(fitting(&text().tui_typing_keys, width))),
        _ => lines.push(Line::raw(fitting(&text().tui_question_keys, width))),
    }
    if view.revealed {
        let keys = if view.verdict.is_some() {
            fitting(&text().tui_checked_keys, width)
        } else {
            fitting(&text().tui_answer_keys, width)
        };
        lines.push(Line::raw(keys));
    }
    if !small || !view.message.is_empty() {
        lines.push(Line::from(Span::styled(
            view.message.clone(),
            style(view, Color::DarkGray),
        )));
    }
    lines
}

/// The four grades, each a key and its name with the interval it gives: on one row when the
/// width allows, else with shorter names, else on two rows.
fn grade_rows<'s>(shown: Shown, view: &View, width: u16) -> Vec<Line<'s>> {
    let key_style = Style::default().add_modifier(Modifier::REVERSED | Modifier::BOLD);
    let item = |r: Rating, short: bool| {
        let name = if short {
            short_grade_name(r)
        } else {
            grade_name(r)
        };
        let marked = view.verdict.map(suggested) == Some(r);
        let label_style = if marked {
            Style::default().add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
        } else {
            Style::default()
        };
        [
            Span::styled(format!(" {} ", r.as_u8()), key_style),
            Span::styled(
                format!(" {name} {}", interval_text(shown.outcomes.wait_secs(r))),
                label_style,
            ),
        ]
    };
    let row = |ratings: &[Rating], short: bool| {
        let mut spans = Vec::new();
        for &r in ratings {
            if !spans.is_empty() {
                spans.push(Span::raw(" · "));
            }
            spans.extend(item(r, short));
        }
        Line::from(spans)
    };
    let fits = |lines: &[Line<'_>]| lines.iter().all(|l| l.width() <= width as usize);
    let layouts = [
        (vec![&Rating::ALL[..]], false),
        (vec![&Rating::ALL[..]], true),
        (vec![&Rating::ALL[..2], &Rating::ALL[2..]], false),
        (vec![&Rating::ALL[..2], &Rating::ALL[2..]], true),
    ];
    let mut chosen = Vec::new();
    for (rows, short) in layouts {
        chosen = rows.iter().map(|r| row(r, short)).collect::<Vec<_>>();
        if fits(&chosen) {
            break;
        }
    }
    chosen
}

fn draw_finished(f: &mut Frame<'_>, session: &Session<'_>, body: Rect, footer: Rect) {
    let s = session.summary();
    let m = text();
    let graded = m.count(s.reviewed as u64, m.tui_graded, &[])
        + &m.count(s.new_cards as u64, m.tui_of_which_new, &[]);
    let by_rating = Rating::ALL
        .iter()
        .map(|r| format!("{} {}", grade_name(*r), s.by_rating[r.index()]))
        .collect::<Vec<_>>()
        .join(" · ");
    let mut lines = vec![
        Line::from(Span::styled(
            m.tui_finished,
            Style::default().add_modifier(Modifier::BOLD),
        )),
        Line::raw(""),
        Line::raw(graded),
        Line::raw(by_rating),
        Line::raw(fill(
            m.tui_answer_time,
            &[
                &(s.answer_ms / 60_000),
                &format!("{:02}", s.answer_ms / 1000 % 60),
            ],
        )),
    ];
    if s.suspended > 0 {
        lines.push(Line::raw(fill(m.tui_suspended_count, &[&s.suspended])));
    }
    if let Some(due) = session.next_learning_due() {
        lines.push(Line::raw(fill(
            m.tui_learning_back,
            &[&clock::local_time_of_day(due)],
        )));
    }
    lines.push(Line::raw(m.count(
        session.due_tomorrow() as u64,
        m.tui_tomorrow,
        &[],
    )));
    f.render_widget(
        Paragraph::new(lines).block(
            Block::default()
                .borders(Borders::ALL)
                .title(m.tui_summary_title),
        ),
        body,
    );
    f.render_widget(Paragraph::new(m.tui_any_key), footer);
}
