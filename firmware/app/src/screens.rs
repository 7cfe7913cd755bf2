//! Drawing each screen of [`App`]: 128×64, Gray4, on any embedded-graphics target.

use core::fmt::Write as _;

use embedded_graphics::pixelcolor::Gray4;
use embedded_graphics::prelude::*;

use carnet_engine::quiz::multiple_choice;
use carnet_engine::{CardKind, Phase, Rating, SeededFuzz};

use crate::app::{App, Fatal, Notice, QuizStep, Screen};
use crate::deck::DeckError;
use crate::draw::{
    fill, hints, icon, scroll_bar, text, text_cut, text_right, title, Hint, Icon, BODY,
    BODY_COLUMNS, BRIGHT, DIM, FAINT, SMALL, SMALL_COLUMNS, STATUS_Y, TEXT_ROWS, WIDTH,
};
use crate::settings_file::SettingsProblem;
use crate::storage::{Storage, StorageError};
use crate::text::{interval_label, wrap, TextBuf};
use crate::words::{Language, Words};

/// Columns of body text when a scroll bar may take the right edge.
const TEXT_COLUMNS: usize = BODY_COLUMNS;

/// The grade buttons, in the order of the hint grid (top left, top right, bottom left,
/// bottom right): each mark sits on the side of its button, ▲ on the top row, ▼ on the bottom
/// one, ◀ on the left, ▶ on the right. Their names are in [`Words::grades`].
const GRADES: [(Icon, Rating); 4] = [
    (Icon::Left, Rating::Again),
    (Icon::Up, Rating::Good),
    (Icon::Down, Rating::Hard),
    (Icon::Right, Rating::Easy),
];

/// Text segments drawn one after the other, each starting on a new line.
fn count_lines(segments: &[(&str, Gray4)]) -> usize {
    segments
        .iter()
        .filter(|(s, _)| !s.is_empty())
        .map(|(s, _)| wrap(s, TEXT_COLUMNS).count())
        .sum()
}

fn draw_lines<D: DrawTarget<Color = Gray4>>(
    d: &mut D,
    segments: &[(&str, Gray4)],
    first: usize,
    rows: usize,
    top: i32,
) -> Result<(), D::Error> {
    let mut k = 0usize;
    for (s, color) in segments.iter().filter(|(s, _)| !s.is_empty()) {
        for line in wrap(s, TEXT_COLUMNS) {
            if k >= first && k < first + rows {
                text(
                    d,
                    line.as_str(),
                    0,
                    top + 10 * (k - first) as i32,
                    BODY,
                    *color,
                )?;
            }
            k += 1;
        }
    }
    Ok(())
}

fn phase_label(w: &'static Words, phase: Phase) -> &'static str {
    match phase {
        Phase::New => w.phases[0],
        Phase::Learning => w.phases[1],
        Phase::Review => w.phases[2],
        Phase::Relearning => w.phases[3],
    }
}

impl<S: Storage> App<'_, S> {
    /// The language of the screens (the settings file's).
    fn language(&self) -> Language {
        self.settings.language
    }

    /// The screens' words.
    fn words(&self) -> &'static Words {
        self.settings.language.words()
    }

    /// Lines of the text on a card's front (or a quiz question), its choices included.
    pub(crate) fn front_lines(&self) -> usize {
        let choices = self.front_choices();
        self.current_card().map_or(0, |c| {
            count_lines(&[(c.prompt, BRIGHT), (choices.as_str(), DIM)])
        })
    }

    /// A multiple-choice card's choices, as its front shows them (`a · b · c · d`, in the
    /// order the terminal shows them: fixed by the card); empty for other cards.
    fn front_choices(&self) -> TextBuf<192> {
        let mut out = TextBuf::new();
        let Some(card) = self.current_card() else {
            return out;
        };
        if card.kind != CardKind::MultipleChoice || card.distractors().next().is_none() {
            return out;
        }
        let mut rng = SeededFuzz::from_seed(card.id.0);
        let question = multiple_choice(&card, core::iter::empty(), &mut rng);
        for (k, choice) in question.choices().iter().enumerate() {
            if k > 0 {
                let _ = out.write_str(" · ");
            }
            // No-break spaces inside a choice: lines break between choices, not inside one.
            for c in choice.chars() {
                let _ = out.write_char(if c == ' ' { '\u{a0}' } else { c });
            }
        }
        out
    }

    fn back_segments(&self) -> [(&str, Gray4); 2] {
        match self.current_card() {
            Some(c) => {
                // The context repeats a cloze's answer in its sentence; a question's context is
                // the source sentence. Both are worth reading after the answer.
                let context = if c.context == c.answer { "" } else { c.context };
                [(c.answer, BRIGHT), (context, DIM)]
            }
            None => [("", BRIGHT), ("", DIM)],
        }
    }

    /// Pages of the card's back.
    pub(crate) fn back_pages(&self) -> usize {
        count_lines(&self.back_segments())
            .div_ceil(TEXT_ROWS)
            .max(1)
    }

    /// Draws the current screen (clearing it first).
    pub fn draw<D: DrawTarget<Color = Gray4>>(&self, d: &mut D) -> Result<(), D::Error> {
        d.clear(Gray4::BLACK)?;
        let w = self.words();
        let language = self.language();
        match self.screen {
            Screen::Home { cursor } => self.draw_home(d, cursor),
            Screen::Front { scroll } => self.draw_front(d, scroll as usize),
            Screen::Back { page, outcomes, .. } => {
                let segments = self.back_segments();
                let total = count_lines(&segments);
                let pages = total.div_ceil(TEXT_ROWS).max(1);
                let first = page as usize * TEXT_ROWS;
                draw_lines(d, &segments, first, TEXT_ROWS, 0)?;
                if pages > 1 {
                    let mut s = TextBuf::<16>::new();
                    let _ = write!(s, "{}{}/{}", w.page, page as usize + 1, pages);
                    text_right(d, s.as_str(), WIDTH, STATUS_Y, SMALL, DIM)?;
                    icon(d, Icon::Select, WIDTH - 5 * 9 - 7, STATUS_Y + 1, BRIGHT)?;
                }
                let labels = GRADES.map(|(_, r)| interval_label(w, outcomes.wait_secs(r)));
                let mut grid = [Hint::new(Icon::Select, ""); 4];
                for (k, (icon, rating)) in GRADES.iter().enumerate() {
                    grid[k] = Hint {
                        icon: *icon,
                        label: w.grades[rating.index()],
                        value: labels[k].as_str(),
                    };
                }
                hints(d, &grid)
            }
            Screen::WriteFailed { error, .. } => {
                title(d, w.write_failed[0])?;
                let why = match error {
                    StorageError::NoCard => w.write_failed[1],
                    StorageError::Full => w.write_failed[2],
                    _ => w.write_failed[3],
                };
                draw_lines(d, &[(why, BRIGHT), (w.write_failed[4], DIM)], 0, 3, 12)?;
                hints(
                    d,
                    &[
                        Hint::new(Icon::Select, w.hint_retry),
                        Hint::new(Icon::Left, w.hint_back),
                    ],
                )
            }
            Screen::Summary => self.draw_summary(d),
            Screen::Quiz { step } => self.draw_quiz(d, step),
            Screen::QuizSummary => {
                title(d, w.quiz_over)?;
                let mut s = TextBuf::<32>::new();
                let score = self.quiz.score as u32;
                let _ = write!(
                    s,
                    "{} / {}{}",
                    score,
                    self.quiz.answered,
                    language.plural(score, w.right)
                );
                text(d, s.as_str(), 0, 14, BODY, BRIGHT)?;
                text(d, w.quiz_no_effect[0], 0, 28, SMALL, DIM)?;
                text(d, w.quiz_no_effect[1], 0, 36, SMALL, DIM)?;
                hints(d, &[Hint::new(Icon::Select, w.hint_menu)])
            }
            Screen::Stats => self.draw_stats(d),
            Screen::Notice(notice) => self.draw_notice(d, notice),
            Screen::Fatal(fatal) => draw_fatal(d, w, fatal),
        }
    }

    fn draw_home<D: DrawTarget<Color = Gray4>>(
        &self,
        d: &mut D,
        cursor: u8,
    ) -> Result<(), D::Error> {
        title(d, self.deck_name().unwrap_or("carnet"))?;
        let w = self.words();
        let c = self.counts;
        let columns = [
            (w.counters[0], c.new),
            (w.counters[1], c.learning),
            (w.counters[2], c.review),
        ];
        for (k, (label, n)) in columns.iter().enumerate() {
            let x = 44 * k as i32;
            let end = text(d, label, x, 11, SMALL, DIM)?;
            let mut s = TextBuf::<12>::new();
            let _ = write!(s, "{n}");
            text(d, s.as_str(), end + 3, 11, SMALL, BRIGHT)?;
        }
        for (k, item) in w.menu.iter().enumerate() {
            let y = 20 + 11 * k as i32;
            if k as u8 == cursor {
                fill(d, 0, y, 116, 11, BRIGHT)?;
                text(d, item, 4, y + 1, BODY, Gray4::BLACK)?;
                icon(d, Icon::Select, 108, y + 3, Gray4::BLACK)?;
            } else {
                text(d, item, 4, y + 1, BODY, DIM)?;
            }
        }
        // Up and down move the bar: shown by the arrows on the right edge.
        icon(d, Icon::Up, 121, 22, FAINT)?;
        icon(d, Icon::Down, 121, 57, FAINT)?;
        if !self.storage.log_writable() {
            // Nothing would be kept: say so where the counts are read.
            text_right(d, w.no_sd, WIDTH, 11, SMALL, FAINT)?;
        }
        Ok(())
    }

    fn draw_front<D: DrawTarget<Color = Gray4>>(
        &self,
        d: &mut D,
        scroll: usize,
    ) -> Result<(), D::Error> {
        let Some(card) = self.current_card() else {
            return Ok(());
        };
        let w = self.words();
        let choices = self.front_choices();
        let segments = [(card.prompt, BRIGHT), (choices.as_str(), DIM)];
        let total = count_lines(&segments);
        draw_lines(d, &segments, scroll, TEXT_ROWS, 0)?;
        scroll_bar(d, scroll, TEXT_ROWS, total)?;
        let state = self.states[self.card.index as usize];
        let label = match (state.phase(), card.kind) {
            (Phase::New, CardKind::Cloze) => w.new_cloze,
            (phase, _) => phase_label(w, phase),
        };
        text(d, label, 0, STATUS_Y, SMALL, DIM)?;
        let c = self.counts;
        let mut s = TextBuf::<16>::new();
        // Cards in learning come back today: shown apart (« reste 19+1 »), so that a grade
        // visibly moves a new card out of the count.
        let _ = write!(s, "{}{}", w.left, c.new + c.review);
        if c.learning > 0 {
            let _ = write!(s, "+{}", c.learning);
        }
        text_right(d, s.as_str(), WIDTH, STATUS_Y, SMALL, DIM)?;
        let grid = [
            Hint::new(Icon::Select, w.hint_answer),
            Hint::new(Icon::Left, w.hint_end),
            Hint::new(Icon::UpDown, w.hint_scroll),
        ];
        // Scrolling is offered only when there is more to read.
        hints(d, &grid[..if total > TEXT_ROWS { 3 } else { 2 }])
    }

    fn draw_summary<D: DrawTarget<Color = Gray4>>(&self, d: &mut D) -> Result<(), D::Error> {
        let w = self.words();
        title(d, w.summary_title)?;
        let n = self.session.reviewed();
        let mut s = TextBuf::<40>::new();
        let _ = write!(s, "{n}{}", self.language().plural(n, w.cards_reviewed));
        text(d, s.as_str(), 0, 11, BODY, BRIGHT)?;
        for (k, (ic, rating)) in GRADES.iter().enumerate() {
            let x = (k as i32 % 2) * 66;
            let y = 22 + (k as i32 / 2) * 8;
            icon(d, *ic, x, y + 1, DIM)?;
            let end = text(d, w.grades[rating.index()], x + 7, y, SMALL, DIM)?;
            s.clear();
            let _ = write!(s, "{}", self.session.ratings[rating.index()]);
            text(d, s.as_str(), end + 5, y, SMALL, BRIGHT)?;
        }
        let minutes = ((self.session.ended_ms - self.session.started_ms).max(0) + 30_000) / 60_000;
        let c = self.counts;
        s.clear();
        let _ = write!(
            s,
            "{minutes} min · {}{}",
            w.left,
            c.new + c.learning + c.review
        );
        text(d, s.as_str(), 0, STATUS_Y - 1, SMALL, DIM)?;
        hints(d, &[Hint::new(Icon::Select, w.hint_menu)])
    }

    fn draw_quiz<D: DrawTarget<Color = Gray4>>(
        &self,
        d: &mut D,
        step: QuizStep,
    ) -> Result<(), D::Error> {
        let Some(card) = self.current_card() else {
            return Ok(());
        };
        let w = self.words();
        let mut head = TextBuf::<32>::new();
        let _ = write!(
            head,
            "Quiz {}/{} · {}{}",
            self.quiz.at + 1,
            self.quiz.len,
            self.quiz.score,
            self.language().plural(self.quiz.score as u32, w.right)
        );
        match step {
            QuizStep::Prompt { scroll } => {
                let segments = [(card.prompt, BRIGHT)];
                let total = count_lines(&segments);
                draw_lines(d, &segments, scroll as usize, TEXT_ROWS, 0)?;
                scroll_bar(d, scroll as usize, TEXT_ROWS, total)?;
                text(d, head.as_str(), 0, STATUS_Y, SMALL, DIM)?;
                let grid = [
                    Hint::new(Icon::Select, w.quiz_hints[0]),
                    Hint::new(Icon::Left, w.hint_end),
                    Hint::new(Icon::UpDown, w.hint_scroll),
                ];
                hints(d, &grid[..if total > TEXT_ROWS { 3 } else { 2 }])
            }
            QuizStep::Choose { cursor } | QuizStep::Answered { chosen: cursor } => {
                let answered = matches!(step, QuizStep::Answered { .. });
                if answered {
                    let right = cursor == self.quiz.correct;
                    text(d, w.quiz_verdicts[usize::from(!right)], 0, 0, SMALL, BRIGHT)?;
                    let mut score = TextBuf::<16>::new();
                    let _ = write!(score, "score {}/{}", self.quiz.score, self.quiz.answered);
                    text_right(d, score.as_str(), WIDTH, 0, SMALL, DIM)?;
                } else {
                    text_cut(d, card.prompt, 0, 0, SMALL, DIM, SMALL_COLUMNS)?;
                }
                for k in 0..self.quiz.choices {
                    let y = 8 + 10 * k as i32;
                    let choice = self.choice_text(k as usize);
                    let highlight = if answered {
                        k == self.quiz.correct
                    } else {
                        k == cursor
                    };
                    if highlight {
                        fill(d, 0, y, WIDTH as u32, 10, BRIGHT)?;
                        text_cut(d, choice, 7, y, BODY, Gray4::BLACK, BODY_COLUMNS - 1)?;
                    } else {
                        text_cut(d, choice, 7, y, BODY, DIM, BODY_COLUMNS - 1)?;
                    }
                    if answered && k == cursor && k != self.quiz.correct {
                        text(d, "\u{D7}", 0, y, BODY, BRIGHT)?;
                    }
                    if !answered && k == cursor {
                        icon(d, Icon::Right, 0, y + 2, Gray4::BLACK)?;
                    }
                }
                if answered {
                    let last = self.quiz.at + 1 >= self.quiz.len;
                    hints(
                        d,
                        &[
                            Hint::new(
                                Icon::Select,
                                if last {
                                    w.quiz_hints[1]
                                } else {
                                    w.quiz_hints[2]
                                },
                            ),
                            Hint::new(Icon::Left, w.hint_end),
                        ],
                    )
                } else {
                    hints(
                        d,
                        &[
                            Hint::new(Icon::Select, w.quiz_hints[3]),
                            Hint::new(Icon::Left, w.quiz_hints[4]),
                            Hint::new(Icon::UpDown, w.quiz_hints[5]),
                        ],
                    )
                }
            }
        }
    }

    fn draw_stats<D: DrawTarget<Color = Gray4>>(&self, d: &mut D) -> Result<(), D::Error> {
        let w = self.words();
        let language = self.language();
        title(d, w.stats_title)?;
        let st = &self.stats;
        let c = self.counts;
        let mut s = TextBuf::<40>::new();
        // What a learner wants at a glance: done today, left today, tomorrow, how well.
        let done = self.log.reviews_today;
        let _ = write!(s, "{done}{}", language.plural(done, w.done_today));
        text(d, s.as_str(), 0, 11, SMALL, BRIGHT)?;
        s.clear();
        let left = c.new + c.learning + c.review;
        let _ = write!(s, "{}{left}", w.left_today);
        if c.new > 0 {
            let _ = write!(s, " ({}{}", c.new, language.plural(c.new, w.new_cards));
        }
        text(d, s.as_str(), 0, 19, SMALL, DIM)?;
        s.clear();
        let _ = write!(s, "{}{}{}", w.tomorrow[0], st.due_tomorrow, w.tomorrow[1]);
        text(d, s.as_str(), 0, 27, SMALL, DIM)?;
        s.clear();
        let (n, ok) = (self.log.recent_reviews, self.log.recent_recalled);
        match (ok * 100 + n / 2).checked_div(n) {
            Some(percent) => {
                let _ = write!(s, "{}{percent} %", w.recall);
            }
            None => {
                let _ = write!(s, "{}-", w.recall);
            }
        }
        text(d, s.as_str(), 0, 35, SMALL, DIM)?;
        // Cards due on each of the next seven days (today first, overdue included), 19 px.
        let peak = st.forecast.iter().copied().max().unwrap_or(0).max(1) as i32;
        for (k, &n) in st.forecast.iter().enumerate() {
            let x = 11 * k as i32;
            fill(d, x, 63, 9, 1, FAINT)?;
            let h = (n as i32 * 19 + peak - 1) / peak;
            if h > 0 {
                fill(d, x, 63 - h, 9, h as u32, if k == 0 { BRIGHT } else { DIM })?;
            }
        }
        s.clear();
        let _ = write!(s, "{}{}", st.cards, language.plural(st.cards, w.cards));
        text(d, s.as_str(), 80, 44, SMALL, FAINT)?;
        icon(d, Icon::Select, 80, 57, BRIGHT)?;
        text(d, w.hint_menu, 87, 56, SMALL, DIM)?;
        Ok(())
    }

    fn draw_notice<D: DrawTarget<Color = Gray4>>(
        &self,
        d: &mut D,
        notice: Notice,
    ) -> Result<(), D::Error> {
        let w = self.words();
        let mut why = TextBuf::<48>::new();
        let (head, body, detail): (&str, &str, &str) = match notice {
            Notice::NoCard => (w.notices[0][0], w.notices[0][1], ""),
            Notice::BadDeck(e) => (w.notices[1][0], w.notices[1][1], deck_error_text(w, e)),
            Notice::NothingToStudy => (w.notices[2][0], w.notices[2][1], ""),
            Notice::NothingToQuiz => (w.notices[3][0], w.notices[3][1], ""),
            Notice::Settings(problem) => {
                let p = w.settings_problems;
                let _ = match problem {
                    SettingsProblem::Unreadable => why.write_str(p[0]),
                    SettingsProblem::TooLarge => why.write_str(p[1]),
                    SettingsProblem::NotSettings => why.write_str(p[2]),
                    SettingsProblem::NewerVersion { major } => {
                        write!(why, "{}{major}{}", w.newer_format[0], w.newer_format[1])
                    }
                    SettingsProblem::BadValue(key) => write!(why, "{}{}", p[3], key.name()),
                };
                (w.settings_ignored[0], w.settings_ignored[1], why.as_str())
            }
        };
        title(d, head)?;
        draw_lines(d, &[(body, BRIGHT), (detail, DIM)], 0, 3, 12)?;
        hints(d, &[Hint::new(Icon::Select, w.hint_menu)])
    }
}

fn deck_error_text(w: &'static Words, e: DeckError) -> &'static str {
    match e {
        DeckError::Checksum => w.deck_errors[0],
        DeckError::Storage(_) => w.deck_errors[1],
        DeckError::CardTooLarge => w.deck_errors[2],
        DeckError::Format(carnet_engine::Error::UnsupportedVersion { .. }) => w.deck_errors[3],
        DeckError::Format(_) => w.deck_errors[4],
    }
}

fn draw_fatal<D: DrawTarget<Color = Gray4>>(
    d: &mut D,
    w: &'static Words,
    fatal: Fatal,
) -> Result<(), D::Error> {
    title(d, w.error_title)?;
    let mut s = TextBuf::<64>::new();
    let body: &str = match fatal {
        Fatal::TooManyCards { cards, capacity } => {
            let t = w.too_many_cards;
            let _ = write!(s, "{}{cards}{}{capacity}{}", t[0], t[1], t[2]);
            s.as_str()
        }
        Fatal::Deck(e) => deck_error_text(w, e),
        Fatal::CardIncomplete => w.card_files[0],
        Fatal::CardMismatch => w.card_files[1],
    };
    draw_lines(d, &[(body, BRIGHT)], 0, 3, 12)?;
    hints(d, &[Hint::new(Icon::Select, w.menu[3])])
}
