//! The full-screen study UI (ratatui + crossterm) over a [`Session`].
//!
//! Space reveals the answer and its source sentence; 1–4 grade, each labelled with the
//! interval it gives; `u` undoes, `s` suspends, `q` quits. With `--type`, the answer is typed
//! and checked; Enter then accepts the suggested grade, Esc quits, Ctrl-Z undoes and Ctrl-S
//! suspends while typing. Every grade is on disk before the next card is drawn.

use std::io::Write;

use carnet_engine::{check_answer, AnswerMatch, Rating};
use ratatui::crossterm::event::{self, Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};
use ratatui::{DefaultTerminal, Frame};

use crate::clock;
use crate::error::{CliError, Result};
use crate::grade_label::{grade_name, interval_text};
use crate::line_mode::write_summary;
use crate::session::{study_choices, Session, Shown, Undone};

/// What the screen is showing of the current card.
#[derive(Debug, Default)]
struct View {
    revealed: bool,
    typed: bool,
    input: String,
    verdict: Option<AnswerMatch>,
    message: String,
    color: bool,
}

/// Runs the full-screen session, then prints the summary on the normal screen.
pub fn run(session: &mut Session<'_>, typed: bool) -> Result<()> {
    let mut terminal = ratatui::try_init()
        .map_err(|e| CliError::failure(format!("cannot set up the terminal: {e}")))?;
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
        "carnet: session on {} saved to {}",
        session.deck_name(),
        session.log_path().display()
    );
    let _ = write_summary(&session.summary(), &mut out);
    Ok(())
}

fn event_loop(
    terminal: &mut DefaultTerminal,
    session: &mut Session<'_>,
    view: &mut View,
) -> Result<()> {
    let draw_err =
        |e: std::io::Error| CliError::failure(format!("cannot draw on the terminal: {e}"));
    loop {
        let shown = session.card_to_show();
        terminal
            .draw(|f| draw(f, session, shown, view))
            .map_err(draw_err)?;
        let key = loop {
            match event::read()
                .map_err(|e| CliError::failure(format!("cannot read the keyboard: {e}")))?
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
            view.message.clear();
        }
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
                view.message = "Espace pour voir la réponse, puis 1–4.".to_string();
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
}

fn grade(session: &mut Session<'_>, view: &mut View, rating: Rating) -> Result<()> {
    if let Some(g) = session.grade(rating)? {
        view.message = format!(
            "Enregistré : {} · revient dans {}",
            grade_name(rating),
            interval_text(g.wait_secs)
        );
    }
    reset(view);
    Ok(())
}

fn undo(session: &mut Session<'_>, view: &mut View) -> Result<()> {
    view.message = match session.undo()? {
        Some(Undone::Grade { .. }) => "Dernière note annulée.".to_string(),
        Some(Undone::Suspend { .. }) => "Suspension annulée.".to_string(),
        None => "Rien à annuler dans cette séance.".to_string(),
    };
    reset(view);
    Ok(())
}

fn suspend(session: &mut Session<'_>, view: &mut View) -> Result<()> {
    if session.suspend()?.is_some() {
        view.message = "Carte suspendue (u pour annuler).".to_string();
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

fn draw(f: &mut Frame<'_>, session: &Session<'_>, shown: Option<Shown>, view: &View) {
    let [header, body, footer] = Layout::vertical([
        Constraint::Length(3),
        Constraint::Min(5),
        Constraint::Length(3),
    ])
    .areas(f.area());
    let c = session.counts();
    let counters = Line::from(vec![
        Span::styled(
            format!("Nouvelles {}", c.new),
            style(view, Color::LightBlue).add_modifier(Modifier::BOLD),
        ),
        Span::raw("  ·  "),
        Span::styled(
            format!("Apprentissage {}", c.learning),
            style(view, Color::LightRed).add_modifier(Modifier::BOLD),
        ),
        Span::raw("  ·  "),
        Span::styled(
            format!("À revoir {}", c.review),
            style(view, Color::LightGreen).add_modifier(Modifier::BOLD),
        ),
    ]);
    f.render_widget(
        Paragraph::new(counters).block(
            Block::default()
                .borders(Borders::ALL)
                .title(format!(" carnet · {} ", session.deck_name())),
        ),
        header,
    );
    match shown {
        None => draw_finished(f, session, body, footer),
        Some(shown) => draw_card(f, session, shown, view, body, footer),
    }
}

fn draw_card(
    f: &mut Frame<'_>,
    session: &Session<'_>,
    shown: Shown,
    view: &View,
    body: Rect,
    footer: Rect,
) {
    let card = session.card(shown.index);
    let mut text = Text::default();
    if !card.situation.is_empty() {
        text.lines.push(Line::from(Span::styled(
            card.situation.to_string(),
            style(view, Color::DarkGray).add_modifier(Modifier::ITALIC),
        )));
    }
    text.lines.push(Line::from(Span::styled(
        card.prompt.to_string(),
        Style::default().add_modifier(Modifier::BOLD),
    )));
    let choices = study_choices(&card);
    if !choices.is_empty() {
        text.lines.push(Line::from(Span::styled(
            format!("Choix : {}", choices.join(" · ")),
            style(view, Color::Cyan),
        )));
    }
    text.lines.push(Line::raw(""));
    if view.typed {
        text.lines.push(Line::from(vec![
            Span::raw("Votre réponse : "),
            Span::styled(view.input.clone(), style(view, Color::Cyan)),
            Span::raw(if view.revealed { "" } else { "▏" }),
        ]));
        if let Some(v) = view.verdict {
            let (word, color) = match v {
                AnswerMatch::Correct => ("juste", Color::Green),
                AnswerMatch::Close => ("presque (une faute de frappe)", Color::Yellow),
                AnswerMatch::Wrong => ("faux", Color::Red),
            };
            text.lines.push(Line::from(Span::styled(
                format!("→ {word}"),
                style(view, color).add_modifier(Modifier::BOLD),
            )));
        }
        text.lines.push(Line::raw(""));
    }
    if view.revealed {
        text.lines.push(Line::from(Span::styled(
            card.answer.to_string(),
            style(view, Color::Yellow).add_modifier(Modifier::BOLD),
        )));
        text.lines.push(Line::raw(""));
        text.lines.push(Line::from(Span::styled(
            format!("« {} »", card.context),
            Style::default().add_modifier(Modifier::ITALIC),
        )));
        text.lines.push(Line::from(Span::styled(
            format!(
                "— {}, ligne {}",
                session.document(card.source.document),
                card.source.line
            ),
            style(view, Color::DarkGray),
        )));
    }
    f.render_widget(
        Paragraph::new(text)
            .wrap(Wrap { trim: false })
            .block(Block::default().borders(Borders::ALL).title(" Question ")),
        body,
    );
    let mut lines = Vec::new();
    if view.revealed {
        let mut spans = Vec::new();
        for r in Rating::ALL {
            if !spans.is_empty() {
                spans.push(Span::raw(" · "));
            }
            let key_style = Style::default().add_modifier(Modifier::REVERSED | Modifier::BOLD);
            spans.push(Span::styled(format!(" {} ", r.as_u8()), key_style));
            let marked = view.verdict.map(suggested) == Some(r);
            let label = format!(
                " {} {}",
                grade_name(r),
                interval_text(shown.outcomes.wait_secs(r))
            );
            let label_style = if marked {
                Style::default().add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
            } else {
                Style::default()
            };
            spans.push(Span::styled(label, label_style));
        }
        lines.push(Line::from(spans));
    } else if view.typed {
        lines.push(Line::raw(
            "Entrée valider · Échap quitter · Ctrl-Z annuler · Ctrl-S suspendre",
        ));
    } else {
        lines.push(Line::raw(
            "espace réponse · u annuler · s suspendre · q quitter",
        ));
    }
    if view.revealed {
        let enter = if view.verdict.is_some() {
            " · Entrée note suggérée"
        } else {
            ""
        };
        lines.push(Line::raw(format!(
            "1–4 noter{enter} · u annuler · s suspendre · q quitter"
        )));
    }
    lines.push(Line::from(Span::styled(
        view.message.clone(),
        style(view, Color::DarkGray),
    )));
    f.render_widget(Paragraph::new(lines), footer);
}

fn draw_finished(f: &mut Frame<'_>, session: &Session<'_>, body: Rect, footer: Rect) {
    let s = session.summary();
    let mut lines = vec![
        Line::from(Span::styled(
            "Terminé pour l'instant !",
            Style::default().add_modifier(Modifier::BOLD),
        )),
        Line::raw(""),
        Line::raw(format!(
            "Cartes notées : {} (dont {} nouvelles)",
            s.reviewed, s.new_cards
        )),
        Line::raw(format!(
            "Encore {} · Difficile {} · Bien {} · Facile {}",
            s.by_rating[0], s.by_rating[1], s.by_rating[2], s.by_rating[3]
        )),
        Line::raw(format!(
            "Temps de réponse : {} min {:02} s",
            s.answer_ms / 60_000,
            s.answer_ms / 1000 % 60
        )),
    ];
    if s.suspended > 0 {
        lines.push(Line::raw(format!("Suspendues : {}", s.suspended)));
    }
    if let Some(due) = session.next_learning_due() {
        lines.push(Line::raw(format!(
            "Cartes en apprentissage : de retour à {}",
            clock::local_time_of_day(due)
        )));
    }
    lines.push(Line::raw(format!(
        "Demain : {} révisions",
        session.due_tomorrow()
    )));
    f.render_widget(
        Paragraph::new(lines).block(Block::default().borders(Borders::ALL).title(" Bilan ")),
        body,
    );
    f.render_widget(Paragraph::new("une touche pour quitter"), footer);
}
