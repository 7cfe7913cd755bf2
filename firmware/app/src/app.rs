//! [`App`]: the handheld's state machine. It takes button events ([`App::on_event`]), reads
//! the deck and appends to the review log through a [`Storage`], and draws the current screen
//! on any `DrawTarget<Color = Gray4>` ([`App::draw`], in `screens.rs`).

use carnet_engine::quiz::multiple_choice;
use carnet_engine::review_log::{encode_frame, LogEntry, Review, MAX_FRAME_LEN};
use carnet_engine::{
    check_answer, AnswerMatch, Card, CardId, CardState, DayClock, Outcomes, Phase, Queue,
    QueueCounts, QueueLimits, Rating, Scheduler, SeededFuzz,
};
use rand_core::Rng as _;

use crate::card_manifest::{self, Manifest};
use crate::deck::{self, read_card, read_fingerprints, DeckError, DeckInfo, CARD_BYTES};
use crate::history::{secs, LogSummary, Replay};
use crate::input::{Action, Input};
use crate::settings_file::{SettingsOrigin, SettingsParser, SettingsProblem, MAX_SETTINGS_BYTES};
use crate::storage::{Storage, StorageError};
use crate::text::TextBuf;
use crate::words::Language;

/// Questions in a quiz at most.
pub const MAX_QUIZ: usize = 10;
/// Random cards looked at to find distractors for a card that has fewer than three.
const POOL_TRIES: u32 = 24;

/// The RAM the application works in, lent by the board (statics there). Nothing in the
/// application grows with the deck except these.
pub struct Memory<'m> {
    /// One state per card: its length is the device's card capacity (16 bytes a card).
    pub states: &'m mut [CardState],
    /// One 2-byte id fingerprint per card (at least as long as `states`).
    pub fingerprints: &'m mut [u16],
    /// Today's queue: room for the learning cards due plus the daily limits (4 bytes each).
    pub queue: &'m mut [u32],
}

/// How the device schedules. The board gives its own ([`Settings::default`] on the
/// LM3S6965); at boot the card's `SETTINGS.TXT` ([`crate::settings_file`]) replaces what it
/// sets, so the device schedules as the terminal that wrote it.
#[derive(Clone, Copy, Debug)]
pub struct Settings {
    /// The scheduler (FSRS-6 parameters, retention, steps, fuzz).
    pub scheduler: Scheduler,
    /// How days are counted (the host's sync should use the same).
    pub day_clock: DayClock,
    /// Daily limits.
    pub limits: QueueLimits,
    /// Questions in a quiz (at most [`MAX_QUIZ`]).
    pub quiz_questions: u8,
    /// The language of the screens.
    pub language: Language,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            scheduler: Scheduler::default(),
            day_clock: DayClock::default(),
            limits: QueueLimits::default(),
            quiz_questions: MAX_QUIZ as u8,
            language: Language::default(),
        }
    }
}

/// Where the deck shown comes from, as the board found it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DeckSource {
    /// The deck file on the card.
    Card,
    /// The deck built into the firmware, because of `why`.
    BuiltIn(BuiltInReason),
}

/// Why the built-in deck is used.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BuiltInReason {
    /// There is no card (reviews are then not saved).
    NoCard,
    /// The card has no deck file.
    NoDeckFile,
    /// The card's deck file is unusable.
    BadDeck(DeckError),
}

/// A notice shown before the home screen, or instead of a session.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Notice {
    NoCard,
    BadDeck(DeckError),
    NothingToStudy,
    NothingToQuiz,
    /// The card's settings file was ignored: the board's settings are used.
    Settings(SettingsProblem),
}

/// A problem that stops the application.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fatal {
    /// The deck has more cards than the device has room for.
    TooManyCards {
        /// Cards in the deck.
        cards: u32,
        /// Cards the device can hold.
        capacity: u32,
    },
    /// The deck or the log could not be read.
    Deck(DeckError),
    /// The card's files are not a set `carnet sync` finished writing (see
    /// [`crate::card_manifest`]): the handheld neither studies nor writes until the next sync.
    CardIncomplete,
    /// The card's files do not match what `carnet sync` wrote (changed one by one since).
    CardMismatch,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum QuizStep {
    Prompt { scroll: u16 },
    Choose { cursor: u8 },
    Answered { chosen: u8 },
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Screen {
    Home {
        cursor: u8,
    },
    Front {
        scroll: u16,
    },
    Back {
        page: u16,
        reveal_ms: i64,
        outcomes: Outcomes,
    },
    WriteFailed {
        rating: Rating,
        error: StorageError,
        reveal_ms: i64,
        outcomes: Outcomes,
    },
    Summary,
    Quiz {
        step: QuizStep,
    },
    QuizSummary,
    Stats,
    Notice(Notice),
    Fatal(Fatal),
}

/// Items of the home menu: study, quiz, statistics, power off ([`crate::words::Words::menu`]).
pub(crate) const MENU_ITEMS: u8 = 4;

/// A study session's tally.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Session {
    pub started_ms: i64,
    pub ended_ms: i64,
    pub front_ms: i64,
    pub ratings: [u16; 4],
}

impl Session {
    pub fn reviewed(&self) -> u32 {
        self.ratings.iter().map(|&n| n as u32).sum()
    }
}

/// The quiz under way.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Quiz {
    pub cards: [u32; MAX_QUIZ],
    pub len: u8,
    pub at: u8,
    pub score: u8,
    /// Questions answered so far (the summary's denominator).
    pub answered: u8,
    /// Where each shown choice comes from: 0 the answer, 1–3 the card's own distractors,
    /// 4–6 answers of other cards ([`Quiz::pool`]).
    pub order: [u8; 4],
    pub choices: u8,
    pub correct: u8,
    pub pool: [TextBuf<48>; 3],
}

/// Figures for the statistics screen, computed when it opens.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Stats {
    pub cards: u32,
    pub new: u32,
    pub learning: u32,
    pub review: u32,
    pub suspended: u32,
    pub due_tomorrow: u32,
    /// Cards due on each of the next seven days (today first, overdue included).
    pub forecast: [u16; 7],
}

/// Cards held back until tomorrow because a card of the same source sentence (a sibling) was
/// studied today: each sentence gives its other cards' answers away (the terminal buries them
/// too). Kept for this power-on only: after a restart the day's earlier siblings are shown.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Siblings {
    /// Sources (document, line) of the cards studied today, the latest 32.
    studied: [(u16, u32); 32],
    studied_len: u8,
    studied_next: u8,
    /// Deck positions of the cards buried today (their RAM state marked suspended).
    buried: [u32; 64],
    buried_len: u8,
}

impl Default for Siblings {
    fn default() -> Self {
        Siblings {
            studied: [(0, 0); 32],
            studied_len: 0,
            studied_next: 0,
            buried: [0; 64],
            buried_len: 0,
        }
    }
}

impl Siblings {
    fn studied(&mut self, source: (u16, u32)) {
        if self.studied[..self.studied_len as usize].contains(&source) {
            return;
        }
        self.studied[self.studied_next as usize] = source;
        self.studied_next = (self.studied_next + 1) % self.studied.len() as u8;
        self.studied_len = (self.studied_len + 1).min(self.studied.len() as u8);
    }

    fn is_sibling(&self, source: (u16, u32)) -> bool {
        self.studied[..self.studied_len as usize].contains(&source)
    }

    /// Notes `i` as buried; `false` when the list is full (the card is then shown).
    fn bury(&mut self, i: u32) -> bool {
        if self.buried_len as usize == self.buried.len() {
            return false;
        }
        self.buried[self.buried_len as usize] = i;
        self.buried_len += 1;
        true
    }
}

/// The card on screen: its deck position and bytes.
pub(crate) struct LoadedCard {
    pub index: u32,
    /// The deck file's format version (how the bytes decode).
    pub version: u16,
    pub len: usize,
    pub bytes: [u8; CARD_BYTES],
}

/// The handheld application. See the crate documentation.
pub struct App<'m, S: Storage> {
    pub(crate) storage: S,
    pub(crate) states: &'m mut [CardState],
    /// Card id fingerprints: filled at start, used to match log records to cards.
    pub(crate) fingerprints: &'m mut [u16],
    pub(crate) queue: &'m mut [u32],
    pub(crate) deck: Option<DeckInfo>,
    pub(crate) source: DeckSource,
    pub(crate) settings: Settings,
    pub(crate) settings_origin: SettingsOrigin,
    pub(crate) log: LogSummary,
    pub(crate) counts: QueueCounts,
    /// The day (by the day clock) that `log.studied` and `log.reviews_today` count.
    pub(crate) counted_day: i64,
    pub(crate) card: LoadedCard,
    pub(crate) screen: Screen,
    pub(crate) session: Session,
    pub(crate) quiz: Quiz,
    pub(crate) stats: Stats,
    siblings: Siblings,
    rng: SeededFuzz,
}

impl<'m, S: Storage> App<'m, S> {
    /// Starts the application on a checked deck (see [`crate::deck::verify`]): reads the
    /// deck's ids into fingerprints, replays the review log into the card states, and opens
    /// on the home screen (or a notice, or an error screen — it never fails).
    /// [`App::new`] then [`App::start`], in one call.
    pub fn boot(
        storage: S,
        deck: Result<DeckInfo, DeckError>,
        source: DeckSource,
        memory: Memory<'m>,
        settings: Settings,
        now_ms: i64,
    ) -> Self {
        let mut app = App::new(storage, source, memory, settings, now_ms);
        app.start(deck, now_ms);
        app
    }

    /// The application before its deck is loaded: no I/O. A board with little RAM places
    /// it where it will live (a static) and then calls [`App::start`] on it there, so the
    /// object is not on the stack while the deck and the log are read. `settings` are the
    /// board's: [`App::start`] reads the card's settings file over them.
    pub fn new(
        storage: S,
        source: DeckSource,
        memory: Memory<'m>,
        settings: Settings,
        now_ms: i64,
    ) -> Self {
        let Memory {
            states,
            fingerprints,
            queue,
        } = memory;
        App {
            storage,
            states,
            fingerprints,
            queue,
            deck: None,
            source,
            settings,
            settings_origin: SettingsOrigin::Board,
            log: LogSummary::default(),
            counts: QueueCounts::default(),
            counted_day: settings.day_clock.day(secs(now_ms)),
            card: LoadedCard {
                index: 0,
                version: carnet_engine::deck::VERSION,
                len: 0,
                bytes: [0; CARD_BYTES],
            },
            screen: Screen::Home { cursor: 0 },
            session: Session::default(),
            quiz: Quiz::default(),
            stats: Stats::default(),
            siblings: Siblings::default(),
            rng: SeededFuzz::from_seed(now_ms as u64),
        }
    }

    /// Reads the settings file ([`Storage::read_settings`]), then loads a checked deck:
    /// fingerprints, log replay with those settings, today's counts; then the first screen
    /// (home, a notice, or an error screen).
    pub fn start(&mut self, deck: Result<DeckInfo, DeckError>, now_ms: i64) {
        if let Err(fatal) = check_card_set(&mut self.storage, deck.as_ref().ok()) {
            self.screen = Screen::Fatal(fatal);
            return;
        }
        self.load_settings();
        self.counted_day = self.settings.day_clock.day(secs(now_ms));
        match self.load(deck, now_ms) {
            Ok(()) => {
                self.refresh_counts(now_ms);
                self.screen = match self.source {
                    DeckSource::BuiltIn(BuiltInReason::NoCard) => Screen::Notice(Notice::NoCard),
                    DeckSource::BuiltIn(BuiltInReason::BadDeck(e)) => {
                        Screen::Notice(Notice::BadDeck(e))
                    }
                    _ => self.settings_notice_or_home(),
                };
            }
            Err(fatal) => self.screen = Screen::Fatal(fatal),
        }
    }

    /// The notice about an ignored settings file, else the home screen.
    fn settings_notice_or_home(&self) -> Screen {
        match self.settings_origin {
            SettingsOrigin::Ignored(problem) => Screen::Notice(Notice::Settings(problem)),
            _ => Screen::Home { cursor: 0 },
        }
    }

    /// Streams the settings file through [`SettingsParser`] over the board's settings. The
    /// parser is on the stack only while this runs; the reads and the building of the
    /// scheduler happen in frames of their own, one after the other, so that the deepest
    /// stack (a file opened on the card) does not carry the scheduler being built.
    #[inline(never)]
    fn load_settings(&mut self) {
        let mut parser = SettingsParser::new(&self.settings);
        feed_settings(&mut self.storage, &mut parser);
        self.settings_origin = apply_settings(&mut parser, &mut self.settings);
    }

    fn load(&mut self, deck: Result<DeckInfo, DeckError>, now_ms: i64) -> Result<(), Fatal> {
        let deck = deck.map_err(Fatal::Deck)?;
        let cards = deck.card_count();
        let capacity = self.states.len().min(self.fingerprints.len()) as u32;
        if cards > capacity {
            return Err(Fatal::TooManyCards { cards, capacity });
        }
        self.deck = Some(deck);
        let n = cards as usize;
        self.states[..n].fill(CardState::NEW);
        read_fingerprints(&mut self.storage, &deck.header, &mut self.fingerprints[..n])
            .map_err(Fatal::Deck)?;
        self.log = Replay {
            header: &deck.header,
            fingerprints: &self.fingerprints[..n],
            states: &mut self.states[..n],
            scheduler: &self.settings.scheduler,
            clock: &self.settings.day_clock,
            now_ms,
        }
        .run(&mut self.storage)
        .map_err(Fatal::Deck)?;
        Ok(())
    }

    /// Where the deck comes from.
    pub fn deck_source(&self) -> DeckSource {
        self.source
    }

    /// The settings in force (after [`App::start`]: the card's settings file over the
    /// board's).
    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// Where the settings in force come from.
    pub fn settings_origin(&self) -> SettingsOrigin {
        self.settings_origin
    }

    /// What reading the log at boot found.
    pub fn log_summary(&self) -> &LogSummary {
        &self.log
    }

    /// The deck's name, once loaded.
    pub fn deck_name(&self) -> Option<&str> {
        self.deck.as_ref().map(DeckInfo::name)
    }

    /// Today's remaining counts (as on the home screen).
    pub fn counts(&self) -> QueueCounts {
        self.counts
    }

    /// Card `i`'s state.
    pub fn state(&self, i: usize) -> Option<&CardState> {
        self.states.get(..self.card_count()).and_then(|s| s.get(i))
    }

    /// Number of cards in the deck (0 before it loaded).
    pub fn card_count(&self) -> usize {
        self.deck.map_or(0, |d| d.card_count() as usize)
    }

    /// The id of the card on screen, when one is (card front or back).
    pub fn current_card_id(&self) -> Option<CardId> {
        match self.screen {
            Screen::Front { .. } | Screen::Back { .. } | Screen::WriteFailed { .. } => {
                self.current_card().map(|c| c.id)
            }
            _ => None,
        }
    }

    /// A short name of the screen shown, for logs and tests: `home`, `front`, `back`,
    /// `write-failed`, `summary`, `quiz-prompt`, `quiz-choose`, `quiz-answered`,
    /// `quiz-summary`, `stats`, `notice`, `fatal`.
    pub fn screen_name(&self) -> &'static str {
        match self.screen {
            Screen::Home { .. } => "home",
            Screen::Front { .. } => "front",
            Screen::Back { .. } => "back",
            Screen::WriteFailed { .. } => "write-failed",
            Screen::Summary => "summary",
            Screen::Quiz {
                step: QuizStep::Prompt { .. },
            } => "quiz-prompt",
            Screen::Quiz {
                step: QuizStep::Choose { .. },
            } => "quiz-choose",
            Screen::Quiz {
                step: QuizStep::Answered { .. },
            } => "quiz-answered",
            Screen::QuizSummary => "quiz-summary",
            Screen::Stats => "stats",
            Screen::Notice(_) => "notice",
            Screen::Fatal(_) => "fatal",
        }
    }

    /// The choices of the quiz question on screen, in the order shown, and which is right.
    pub fn quiz_choices(&self) -> Option<([&str; 4], usize, usize)> {
        if !matches!(self.screen, Screen::Quiz { .. }) {
            return None;
        }
        let mut out = [""; 4];
        for (k, slot) in out.iter_mut().enumerate().take(self.quiz.choices as usize) {
            *slot = self.choice_text(k);
        }
        Some((out, self.quiz.choices as usize, self.quiz.correct as usize))
    }

    /// The storage, e.g. to inspect it in tests.
    pub fn storage(&self) -> &S {
        &self.storage
    }

    pub(crate) fn current_card(&self) -> Option<Card<'_>> {
        deck::card(self.card.version, &self.card.bytes[..self.card.len])
    }

    fn refresh_counts(&mut self, now_ms: i64) -> Option<u32> {
        // A device left on past the start of a new day: today's tallies start again.
        let today = self.settings.day_clock.day(secs(now_ms));
        if today != self.counted_day {
            self.counted_day = today;
            self.log.studied = Default::default();
            self.log.reviews_today = 0;
            // Yesterday's buried siblings come back.
            let siblings = core::mem::take(&mut self.siblings);
            for &i in &siblings.buried[..siblings.buried_len as usize] {
                if let Some(state) = self.states.get_mut(i as usize) {
                    state.set_suspended(false);
                }
            }
        }
        let n = self.card_count();
        let queue = Queue::build(
            &self.states[..n],
            secs(now_ms),
            &self.settings.day_clock,
            &self.settings.limits,
            self.log.studied,
            self.queue,
        );
        self.counts = queue.counts();
        queue.next()
    }

    fn load_card(&mut self, i: u32) -> Result<(), DeckError> {
        let deck = self
            .deck
            .ok_or(DeckError::Format(carnet_engine::Error::Malformed))?;
        self.card.len = read_card(&mut self.storage, &deck.header, i, &mut self.card.bytes)?;
        self.card.index = i;
        self.card.version = deck.header.version;
        Ok(())
    }

    /// Handles a button press at `now_ms` (milliseconds since 1970, UTC). Returns what the
    /// board must do, or `None` if nothing changed.
    pub fn on_event(&mut self, input: Input, now_ms: i64) -> Option<Action> {
        match self.screen {
            Screen::Home { cursor } => self.on_home(input, cursor, now_ms),
            Screen::Front { scroll } => self.on_front(input, scroll, now_ms),
            Screen::Back {
                page,
                reveal_ms,
                outcomes,
            } => match input {
                Input::Left => self.grade(Rating::Again, reveal_ms, outcomes, now_ms),
                Input::Down => self.grade(Rating::Hard, reveal_ms, outcomes, now_ms),
                Input::Up => self.grade(Rating::Good, reveal_ms, outcomes, now_ms),
                Input::Right => self.grade(Rating::Easy, reveal_ms, outcomes, now_ms),
                Input::Select => {
                    let pages = self.back_pages() as u16;
                    if pages <= 1 {
                        return None;
                    }
                    self.screen = Screen::Back {
                        page: (page + 1) % pages,
                        reveal_ms,
                        outcomes,
                    };
                    Some(Action::Redraw)
                }
            },
            Screen::WriteFailed {
                rating,
                reveal_ms,
                outcomes,
                ..
            } => match input {
                Input::Select => self.grade(rating, reveal_ms, outcomes, now_ms),
                Input::Left => {
                    self.screen = Screen::Back {
                        page: 0,
                        reveal_ms,
                        outcomes,
                    };
                    Some(Action::Redraw)
                }
                _ => None,
            },
            Screen::Notice(Notice::NoCard | Notice::BadDeck(_))
                if matches!(input, Input::Select | Input::Left) =>
            {
                // A deck notice first, then the settings one if there is one.
                self.refresh_counts(now_ms);
                self.screen = self.settings_notice_or_home();
                Some(Action::Redraw)
            }
            Screen::Summary | Screen::QuizSummary | Screen::Stats | Screen::Notice(_) => {
                match input {
                    Input::Select | Input::Left => self.go_home(now_ms),
                    _ => None,
                }
            }
            Screen::Quiz { step } => self.on_quiz(input, step, now_ms),
            Screen::Fatal(_) => (input == Input::Select).then_some(Action::PowerOff),
        }
    }

    fn go_home(&mut self, now_ms: i64) -> Option<Action> {
        self.refresh_counts(now_ms);
        self.screen = Screen::Home { cursor: 0 };
        Some(Action::Redraw)
    }

    fn on_home(&mut self, input: Input, cursor: u8, now_ms: i64) -> Option<Action> {
        // The counts shown follow the clock (a device left on the home screen overnight).
        self.refresh_counts(now_ms);
        let n = MENU_ITEMS;
        match input {
            Input::Up => {
                self.screen = Screen::Home {
                    cursor: (cursor + n - 1) % n,
                }
            }
            Input::Down => {
                self.screen = Screen::Home {
                    cursor: (cursor + 1) % n,
                }
            }
            Input::Select => match cursor {
                0 => self.start_study(now_ms),
                1 => self.start_quiz(now_ms),
                2 => {
                    self.compute_stats(now_ms);
                    self.screen = Screen::Stats;
                }
                _ => return Some(Action::PowerOff),
            },
            Input::Left | Input::Right => return None,
        }
        Some(Action::Redraw)
    }

    fn start_study(&mut self, now_ms: i64) {
        self.session = Session {
            started_ms: now_ms,
            ended_ms: now_ms,
            front_ms: now_ms,
            ratings: [0; 4],
        };
        self.show_next_card(now_ms, Notice::NothingToStudy);
    }

    /// Shows the next card of the queue, or the session's end (`empty` if nothing was studied).
    fn show_next_card(&mut self, now_ms: i64, empty: Notice) {
        // Each pass buries at most one more sibling, and the list is bounded: this ends.
        loop {
            match self.refresh_counts(now_ms) {
                Some(i) => match self.load_card(i) {
                    Ok(()) if self.bury_if_sibling(i) => continue,
                    Ok(()) => {
                        self.session.front_ms = now_ms;
                        self.screen = Screen::Front { scroll: 0 };
                    }
                    Err(e) => self.screen = Screen::Fatal(Fatal::Deck(e)),
                },
                None => {
                    self.session.ended_ms = now_ms;
                    self.screen = if self.session.reviewed() == 0 {
                        Screen::Notice(empty)
                    } else {
                        Screen::Summary
                    };
                }
            }
            return;
        }
    }

    /// Buries card `i` (just loaded) when it is new or in review and a sibling of it was
    /// studied today; `true` if it was.
    fn bury_if_sibling(&mut self, i: u32) -> bool {
        let Some(state) = self.states.get(i as usize).copied() else {
            return false;
        };
        if !matches!(state.phase(), Phase::New | Phase::Review) {
            return false;
        }
        let Some(source) = self
            .current_card()
            .map(|c| (c.source.document, c.source.line))
        else {
            return false;
        };
        if !self.siblings.is_sibling(source) || !self.siblings.bury(i) {
            return false;
        }
        self.states[i as usize].set_suspended(true);
        true
    }

    fn on_front(&mut self, input: Input, scroll: u16, now_ms: i64) -> Option<Action> {
        match input {
            Input::Select => {
                let i = self.card.index as usize;
                let id = self.current_card()?.id;
                let state = self.states[i];
                let t = secs(now_ms);
                let elapsed = state
                    .last_review()
                    .map_or(0, |last| self.settings.day_clock.elapsed_days(last, t));
                // Exactly the draw `Scheduler::replay_step` makes for a review at this second:
                // the intervals shown are the ones the log will replay to.
                let outcomes = self.settings.scheduler.outcomes(
                    &state,
                    t,
                    elapsed,
                    &mut SeededFuzz::for_review(id, t),
                );
                self.screen = Screen::Back {
                    page: 0,
                    reveal_ms: now_ms,
                    outcomes,
                };
            }
            Input::Up if scroll > 0 => self.screen = Screen::Front { scroll: scroll - 1 },
            Input::Down if (scroll as usize) + crate::draw::TEXT_ROWS < self.front_lines() => {
                self.screen = Screen::Front { scroll: scroll + 1 }
            }
            Input::Left => {
                self.session.ended_ms = now_ms;
                self.screen = if self.session.reviewed() == 0 {
                    self.refresh_counts(now_ms);
                    Screen::Home { cursor: 0 }
                } else {
                    Screen::Summary
                };
            }
            _ => return None,
        }
        Some(Action::Redraw)
    }

    /// Records the review (appended to the log and synced first), then shows the next card.
    fn grade(
        &mut self,
        rating: Rating,
        reveal_ms: i64,
        outcomes: Outcomes,
        now_ms: i64,
    ) -> Option<Action> {
        let i = self.card.index as usize;
        let id = self.current_card()?.id;
        // Timed when the answer was shown: the intervals on the buttons were drawn for that
        // second, and replaying the log draws them again from it.
        let review = Review {
            card: id,
            time_ms: reveal_ms,
            rating,
            duration_ms: (reveal_ms - self.session.front_ms).clamp(0, u32::MAX as i64) as u32,
        };
        let saved = if self.storage.log_writable() {
            // After a torn tail (an interrupted write before this boot), the first frame
            // written starts with a delimiter, so that the torn bytes stay a frame of their
            // own instead of swallowing this one.
            let mut frame = [0u8; MAX_FRAME_LEN + 1];
            let lead = usize::from(self.log.torn);
            let mut encoded = [0u8; MAX_FRAME_LEN];
            let n = encode_frame(&LogEntry::Review(review), &mut encoded);
            frame[lead..lead + n].copy_from_slice(&encoded[..n]);
            if let Err(error) = self.storage.append_log(&frame[..lead + n]) {
                self.screen = Screen::WriteFailed {
                    rating,
                    error,
                    reveal_ms,
                    outcomes,
                };
                return Some(Action::Redraw);
            }
            self.log.torn = false;
            true
        } else {
            false
        };
        let before = self.states[i];
        let today = self.settings.day_clock.day(secs(now_ms));
        if before.phase() == Phase::Review {
            self.log.recent_reviews += 1;
            self.log.recent_recalled += u32::from(rating != Rating::Again);
        }
        if self.settings.day_clock.day(secs(reveal_ms)) == today {
            self.log.reviews_today += 1;
            match before.phase() {
                Phase::New => self.log.studied.new += 1,
                Phase::Review => self.log.studied.reviews += 1,
                Phase::Learning | Phase::Relearning => {}
            }
        }
        self.states[i] = outcomes.get(rating);
        self.log.records += 1;
        self.log.latest_ms = self.log.latest_ms.max(reveal_ms);
        self.session.ratings[rating.index()] += 1;
        if let Some(c) = self.current_card() {
            let source = (c.source.document, c.source.line);
            self.siblings.studied(source);
        }
        self.show_next_card(now_ms, Notice::NothingToStudy);
        Some(if saved {
            Action::ReviewSaved(review)
        } else {
            Action::Redraw
        })
    }

    fn start_quiz(&mut self, now_ms: i64) {
        let n = self.card_count() as u32;
        let eligible = self.states[..n as usize]
            .iter()
            .filter(|s| !s.is_suspended())
            .count() as u32;
        let want = (self.settings.quiz_questions as u32)
            .min(MAX_QUIZ as u32)
            .min(eligible);
        let mut quiz = Quiz::default();
        let mut tries = 0u32;
        while (quiz.len as u32) < want && tries < 64 * MAX_QUIZ as u32 {
            tries += 1;
            let i = below(&mut self.rng, n);
            if self.states[i as usize].is_suspended()
                || quiz.cards[..quiz.len as usize].contains(&i)
            {
                continue;
            }
            quiz.cards[quiz.len as usize] = i;
            quiz.len += 1;
        }
        self.quiz = quiz;
        if self.quiz.len == 0 {
            self.screen = Screen::Notice(Notice::NothingToQuiz);
            return;
        }
        self.session.started_ms = now_ms;
        self.ask(0);
    }

    /// Loads question `k`: its card, distractors (the card's own, else answers of the same
    /// kind from a few random cards), and the shuffled choices.
    fn ask(&mut self, k: u8) {
        self.quiz.at = k;
        let i = self.quiz.cards[k as usize];
        if let Err(e) = self.load_card(i) {
            self.screen = Screen::Fatal(Fatal::Deck(e));
            return;
        }
        let Some(card) = self.current_card() else {
            return;
        };
        let own = card.distractors().count();
        let kind = card.answer_kind;
        let mut answer = TextBuf::<96>::new();
        for c in card.answer.chars() {
            answer.push(c);
        }
        let mut pool: [TextBuf<48>; 3] = Default::default();
        let mut pooled = 0usize;
        if own < 3 {
            let n = self.card_count() as u32;
            for _ in 0..POOL_TRIES {
                if own + pooled == 3 || n < 2 {
                    break;
                }
                let j = below(&mut self.rng, n);
                if j == i || self.load_card(j).is_err() {
                    continue;
                }
                let Some(other) = self.current_card() else {
                    continue;
                };
                let candidate = other.answer;
                let fits = candidate.len() <= 48;
                let fresh = check_answer(answer.as_str(), candidate) != AnswerMatch::Correct
                    && pool[..pooled]
                        .iter()
                        .all(|p| check_answer(p.as_str(), candidate) != AnswerMatch::Correct);
                if other.answer_kind == kind && fits && fresh && !candidate.is_empty() {
                    for c in candidate.chars() {
                        pool[pooled].push(c);
                    }
                    pooled += 1;
                }
            }
            if self.load_card(i).is_err() {
                return;
            }
        }
        self.quiz.pool = pool;
        // Decoded from the field itself (not `current_card`), so that `self.rng` can be
        // borrowed mutably while the card's strings are.
        let Some(card) = deck::card(self.card.version, &self.card.bytes[..self.card.len]) else {
            return;
        };
        let mut with_pool = card;
        let mut slot = 0usize;
        let own_ds: [&str; 3] = card.distractors;
        let mut ds = [""; 3];
        for d in own_ds.iter().filter(|d| !d.is_empty()) {
            ds[slot] = d;
            slot += 1;
        }
        for p in self.quiz.pool[..pooled].iter() {
            if slot < 3 {
                ds[slot] = p.as_str();
                slot += 1;
            }
        }
        with_pool.distractors = ds;
        let q = multiple_choice(&with_pool, core::iter::empty(), &mut self.rng);
        // Which source each shown choice is: compare by address (the strings are borrowed).
        let sources: [&str; 7] = [
            card.answer,
            card.distractors[0],
            card.distractors[1],
            card.distractors[2],
            self.quiz.pool[0].as_str(),
            self.quiz.pool[1].as_str(),
            self.quiz.pool[2].as_str(),
        ];
        let mut order = [0u8; 4];
        for (k, choice) in q.choices().iter().enumerate() {
            order[k] = sources
                .iter()
                .position(|s| !s.is_empty() && core::ptr::eq(s.as_ptr(), choice.as_ptr()))
                .unwrap_or(0) as u8;
        }
        self.quiz.order = order;
        self.quiz.choices = q.choices().len() as u8;
        self.quiz.correct = q.correct() as u8;
        self.screen = Screen::Quiz {
            step: QuizStep::Prompt { scroll: 0 },
        };
    }

    /// Text of shown choice `k` of the current question.
    pub(crate) fn choice_text(&self, k: usize) -> &str {
        let Some(card) = self.current_card() else {
            return "";
        };
        match self.quiz.order.get(k).copied().unwrap_or(0) {
            0 => card.answer,
            s @ 1..=3 => card.distractors[s as usize - 1],
            s => self.quiz.pool[(s as usize - 4).min(2)].as_str(),
        }
    }

    fn on_quiz(&mut self, input: Input, step: QuizStep, now_ms: i64) -> Option<Action> {
        let next = match (step, input) {
            (QuizStep::Prompt { scroll }, Input::Up) if scroll > 0 => {
                QuizStep::Prompt { scroll: scroll - 1 }
            }
            (QuizStep::Prompt { scroll }, Input::Down)
                if (scroll as usize) + crate::draw::TEXT_ROWS < self.front_lines() =>
            {
                QuizStep::Prompt { scroll: scroll + 1 }
            }
            (QuizStep::Prompt { .. }, Input::Select) => QuizStep::Choose { cursor: 0 },
            (QuizStep::Choose { cursor }, Input::Up) => QuizStep::Choose {
                cursor: (cursor + self.quiz.choices - 1) % self.quiz.choices,
            },
            (QuizStep::Choose { cursor }, Input::Down) => QuizStep::Choose {
                cursor: (cursor + 1) % self.quiz.choices,
            },
            (QuizStep::Choose { .. }, Input::Left) => QuizStep::Prompt { scroll: 0 },
            (QuizStep::Choose { cursor }, Input::Select) => {
                if cursor == self.quiz.correct {
                    self.quiz.score += 1;
                }
                self.quiz.answered += 1;
                QuizStep::Answered { chosen: cursor }
            }
            (QuizStep::Answered { .. }, Input::Select) => {
                if self.quiz.at + 1 < self.quiz.len {
                    self.ask(self.quiz.at + 1);
                } else {
                    self.session.ended_ms = now_ms;
                    self.screen = Screen::QuizSummary;
                }
                return Some(Action::Redraw);
            }
            (QuizStep::Prompt { .. } | QuizStep::Answered { .. }, Input::Left) => {
                self.session.ended_ms = now_ms;
                self.screen = Screen::QuizSummary;
                return Some(Action::Redraw);
            }
            _ => return None,
        };
        self.screen = Screen::Quiz { step: next };
        Some(Action::Redraw)
    }

    fn compute_stats(&mut self, now_ms: i64) {
        let clock = self.settings.day_clock;
        let today = clock.day(secs(now_ms));
        let mut stats = Stats {
            cards: self.card_count() as u32,
            ..Stats::default()
        };
        for s in &self.states[..self.card_count()] {
            if s.is_suspended() {
                stats.suspended += 1;
                continue;
            }
            match s.phase() {
                Phase::New => stats.new += 1,
                Phase::Learning | Phase::Relearning => stats.learning += 1,
                Phase::Review => stats.review += 1,
            }
            if let Some(due) = s.due() {
                let day = (clock.day(due) - today).max(0);
                if let Some(slot) = stats.forecast.get_mut(day as usize) {
                    *slot = slot.saturating_add(1);
                }
                if day == 1 {
                    stats.due_tomorrow += 1;
                }
            }
        }
        self.stats = stats;
    }
}

/// Checks the card's files against its manifest (see [`crate::card_manifest`]).
#[inline(never)]
fn check_card_set<S: Storage>(storage: &mut S, deck: Option<&DeckInfo>) -> Result<(), Fatal> {
    let mut bytes = [0u8; card_manifest::MAX_MANIFEST_BYTES];
    let mut len = 0usize;
    loop {
        match storage.read_manifest(len as u32, &mut bytes[len..]) {
            Ok(0) => break,
            Ok(n) => {
                len += n;
                if len == bytes.len() {
                    return Err(Fatal::CardIncomplete);
                }
            }
            Err(_) => return Err(Fatal::CardIncomplete),
        }
    }
    let (deck_sum, log, settings) = match card_manifest::parse(&bytes[..len]) {
        Manifest::Absent => return Ok(()),
        Manifest::Incomplete => return Err(Fatal::CardIncomplete),
        Manifest::Complete {
            deck,
            log,
            settings,
        } => (deck, log, settings),
    };
    let deck_ok = deck.is_some_and(|d| d.header.file_len == deck_sum.len)
        && deck_checksum(storage).is_some_and(|crc| crc == deck_sum.crc);
    let settings_ok =
        card_manifest::crc_of_prefix(settings.len, |at, buf| storage.read_settings(at, buf).ok())
            == Some(settings.crc)
            && storage.read_settings(settings.len, &mut [0u8; 1]).ok() == Some(0);
    let log_ok = card_manifest::crc_of_prefix(log.len, |at, buf| storage.read_log(at, buf).ok())
        == Some(log.crc);
    if deck_ok && settings_ok && log_ok {
        Ok(())
    } else {
        Err(Fatal::CardMismatch)
    }
}

/// The deck file's own checksum (its last four bytes), as the storage holds it.
fn deck_checksum<S: Storage>(storage: &mut S) -> Option<u32> {
    let len = storage.deck_len().ok()?;
    let mut b = [0u8; 4];
    let n = storage.read_deck(len.checked_sub(4)?, &mut b).ok()?;
    (n == 4).then(|| u32::from_le_bytes(b))
}

/// Reads the settings file into `parser`, a piece at a time.
#[inline(never)]
fn feed_settings<S: Storage>(storage: &mut S, parser: &mut SettingsParser) {
    let mut chunk = [0u8; 64];
    let mut offset = 0u32;
    while parser.problem().is_none() {
        match storage.read_settings(offset, &mut chunk) {
            Ok(0) => break,
            Ok(n) => {
                parser.feed(chunk.get(..n).unwrap_or(&chunk));
                offset = offset.saturating_add(n as u32);
                if offset > MAX_SETTINGS_BYTES {
                    parser.fail(SettingsProblem::TooLarge);
                }
            }
            Err(_) => parser.fail(SettingsProblem::Unreadable),
        }
    }
}

/// The parsed file over `settings` (see [`SettingsParser::apply`]).
#[inline(never)]
fn apply_settings(parser: &mut SettingsParser, settings: &mut Settings) -> SettingsOrigin {
    parser.apply(settings)
}

/// A random index in `0..n` (n > 0).
fn below(rng: &mut SeededFuzz, n: u32) -> u32 {
    ((rng.next_u32() as u64 * n.max(1) as u64) >> 32) as u32
}
