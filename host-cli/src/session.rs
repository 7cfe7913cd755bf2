//! A study session, independent of how it is shown: the queue, the grades, undo, suspend.
//!
//! Every change is a record appended to the review log and synced before the method returns,
//! so the full-screen UI and the line mode both show the next card only once the last grade
//! is safe on disk.

use carnet_engine::deck::Deck;
use carnet_engine::quiz::multiple_choice;
use carnet_engine::review_log::{LogEntry, Review};
use carnet_engine::{
    Card, CardId, CardKind, CardState, DayClock, Outcomes, Phase, Queue, QueueCounts, QueueLimits,
    Rating, Scheduler, SeededFuzz, StudiedToday,
};

use crate::clock::Clock;
use crate::error::Result;
use crate::history::{secs, History};
use crate::snapshot;
use crate::store::{LogScan, ReviewStore};
use std::path::Path;

/// `Deck::from_bytes` checked every card and id: reading one back cannot fail.
const CHECKED: &str = "a card of a checked deck";

/// The card on screen, with the outcome of each grade worked out once when it was shown.
#[derive(Debug, Clone, Copy)]
pub struct Shown {
    /// Position of the card in the deck.
    pub index: usize,
    /// When it was shown (ms): the time its review will carry, so that replaying the log
    /// draws the same fuzz and gives the intervals the buttons showed.
    pub time_ms: i64,
    /// The state after each grade.
    pub outcomes: Outcomes,
    /// The state before.
    pub before: CardState,
}

/// A grade written to the log.
#[derive(Debug, Clone, Copy)]
pub struct Graded {
    /// The review record.
    pub review: Review,
    /// Seconds until the card is due again.
    pub wait_secs: i64,
}

/// What `undo` took back.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Undone {
    /// A grade (the card is shown again).
    Grade {
        /// The card.
        card: CardId,
        /// The time of the review undone.
        review_time_ms: i64,
    },
    /// A suspension.
    Suspend {
        /// The card.
        card: CardId,
    },
}

#[derive(Debug, Clone, Copy)]
enum UndoStep {
    Grade {
        index: usize,
        before: CardState,
        review: Review,
        studied: StudiedToday,
    },
    Suspend {
        index: usize,
        before: CardState,
    },
}

/// Counts for the end-of-session summary.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Summary {
    /// Grades given (undone ones taken off).
    pub reviewed: u32,
    /// Grades given, by grade.
    pub by_rating: [u32; 4],
    /// New cards seen for the first time.
    pub new_cards: u32,
    /// Cards suspended.
    pub suspended: u32,
    /// Time spent answering, in ms.
    pub answer_ms: u64,
}

/// The choices a multiple-choice card shows while studied (its answer among its own wrong
/// answers, in an order fixed by the card), or nothing for other cards.
pub fn study_choices<'a>(card: &Card<'a>) -> Vec<&'a str> {
    if card.kind != CardKind::MultipleChoice || card.distractors().next().is_none() {
        return Vec::new();
    }
    let mut rng = SeededFuzz::from_seed(card.id.0);
    multiple_choice(card, std::iter::empty(), &mut rng)
        .choices()
        .to_vec()
}

/// A study session over a deck and its locked review log.
#[derive(Debug)]
pub struct Session<'a> {
    deck_name: &'a str,
    deck: Deck<'a>,
    ids: Vec<CardId>,
    documents: Vec<&'a str>,
    states: Vec<CardState>,
    history: History,
    store: ReviewStore,
    scheduler: Scheduler,
    day_clock: DayClock,
    limits: QueueLimits,
    clock: Clock,
    studied: StudiedToday,
    studied_day: i64,
    counts: QueueCounts,
    current: Option<Shown>,
    forced_next: Option<usize>,
    undo: Vec<UndoStep>,
    summary: Summary,
    /// Cards whose sibling (a card of the same source sentence) was studied today: not shown
    /// before tomorrow, as Anki buries siblings (each card's sentence gives its siblings'
    /// answers away). Built from the log at start and after each grade or undo.
    buried: Vec<bool>,
    /// The deck's cards grouped by source sentence, made the first time it is needed.
    siblings: Option<Siblings>,
}

/// The cards of each source sentence (document and line).
#[derive(Debug)]
struct Siblings {
    of: Vec<(u16, u32)>,
    groups: std::collections::HashMap<(u16, u32), Vec<u32>>,
}

impl Siblings {
    fn of_deck(deck: &Deck<'_>) -> Siblings {
        let of: Vec<(u16, u32)> = deck
            .cards()
            .map(|c| (c.source.document, c.source.line))
            .collect();
        let mut groups: std::collections::HashMap<(u16, u32), Vec<u32>> =
            std::collections::HashMap::new();
        for (i, key) in of.iter().enumerate() {
            groups.entry(*key).or_default().push(i as u32);
        }
        Siblings { of, groups }
    }

    /// The other cards of card `i`'s sentence.
    fn of_card(&self, i: usize) -> impl Iterator<Item = usize> + '_ {
        self.groups
            .get(&self.of[i])
            .into_iter()
            .flatten()
            .map(|&j| j as usize)
            .filter(move |&j| j != i)
    }
}

/// What a session is scheduled with.
#[derive(Debug, Clone, Copy)]
pub struct SessionRules {
    /// The scheduler.
    pub scheduler: Scheduler,
    /// How days are counted.
    pub day_clock: DayClock,
    /// Daily limits.
    pub limits: QueueLimits,
    /// Now.
    pub clock: Clock,
}

impl<'a> Session<'a> {
    /// Opens and locks the deck's log at `log` and starts a session, from the log's
    /// start-up snapshot when it is good ([`snapshot::open_history`]).
    pub fn start(deck: &Deck<'a>, log: &Path, rules: SessionRules) -> Result<Session<'a>> {
        let opened = snapshot::open_history(
            log,
            &rules.scheduler,
            &rules.day_clock,
            rules.clock.now_ms(),
        )?;
        Ok(Session::with_history(
            deck,
            opened.store,
            opened.history,
            rules,
        ))
    }

    /// Starts a session: derives every card's state from the log read when the store opened.
    pub fn new(
        deck: &Deck<'a>,
        store: ReviewStore,
        scan: &LogScan,
        rules: SessionRules,
    ) -> Session<'a> {
        let history = History::from_entries(&scan.schedulable(store.path(), rules.clock.now_ms()));
        Session::with_history(deck, store, history, rules)
    }

    /// Starts a session on the history of the store's log (as
    /// [`snapshot::open_history`] gives them).
    pub fn with_history(
        deck: &Deck<'a>,
        store: ReviewStore,
        history: History,
        rules: SessionRules,
    ) -> Session<'a> {
        // Ids come from the deck's id table: no card is decoded until it is shown.
        let ids: Vec<CardId> = (0..deck.len())
            .map(|i| deck.id(i).expect(CHECKED))
            .collect();
        let states = history.states(ids.iter().copied(), &rules.scheduler, &rules.day_clock);
        let now = secs(rules.clock.now_ms());
        let studied = history.studied_today(now, &rules.scheduler, &rules.day_clock);
        Session {
            deck_name: deck.name(),
            documents: deck.documents().collect(),
            deck: *deck,
            ids,
            states,
            history,
            store,
            scheduler: rules.scheduler,
            day_clock: rules.day_clock,
            limits: rules.limits,
            clock: rules.clock,
            studied,
            studied_day: rules.day_clock.day(now),
            counts: QueueCounts::default(),
            current: None,
            forced_next: None,
            undo: Vec::new(),
            summary: Summary::default(),
            buried: Vec::new(),
            siblings: None,
        }
        .with_buried_siblings(now)
    }

    /// Recomputes which cards are buried today: the new and review siblings of every card
    /// reviewed on the day of `now`.
    fn with_buried_siblings(mut self, now: i64) -> Self {
        self.bury_siblings(now);
        self
    }

    fn bury_siblings(&mut self, now: i64) {
        let today = self.day_clock.day(now);
        self.buried = vec![false; self.ids.len()];
        // Nothing reviewed today (a session's usual start): no card to look up.
        let today_start_ms = self.day_clock.day_start(today) * 1000;
        if self
            .history
            .last_review_ms()
            .is_none_or(|t| t < today_start_ms)
        {
            return;
        }
        let studied: Vec<usize> = self
            .ids
            .iter()
            .enumerate()
            .filter(|(_, id)| {
                self.history.card(**id).is_some_and(|h| {
                    h.reviews
                        .iter()
                        .any(|r| self.day_clock.day(secs(r.time_ms)) == today)
                })
            })
            .map(|(i, _)| i)
            .collect();
        for i in studied {
            self.bury_siblings_of(i);
        }
    }

    /// Buries the new and review siblings of card `i`, just studied (after a grade only this
    /// card's siblings change: no pass over the deck).
    fn bury_siblings_of(&mut self, i: usize) {
        let deck = self.deck;
        let siblings = self
            .siblings
            .get_or_insert_with(|| Siblings::of_deck(&deck));
        for j in siblings.of_card(i) {
            if matches!(self.states[j].phase(), Phase::New | Phase::Review) {
                self.buried[j] = true;
            }
        }
    }

    /// The deck's name.
    pub fn deck_name(&self) -> &'a str {
        self.deck_name
    }

    /// Number of cards in the deck.
    pub fn card_count(&self) -> usize {
        self.ids.len()
    }

    /// The review log's path.
    pub fn log_path(&self) -> &std::path::Path {
        self.store.path()
    }

    /// Card `index` of the deck.
    pub fn card(&self, index: usize) -> Card<'a> {
        self.deck.card(index).expect(CHECKED)
    }

    /// The name of a source document.
    pub fn document(&self, index: u16) -> &'a str {
        self.documents.get(index as usize).copied().unwrap_or("?")
    }

    /// The card states, in deck order.
    pub fn states(&self) -> &[CardState] {
        &self.states
    }

    /// The summary so far.
    pub fn summary(&self) -> Summary {
        self.summary
    }

    /// Cards left today by kind (as of the last [`Session::card_to_show`]).
    pub fn counts(&self) -> QueueCounts {
        self.counts
    }

    /// The card to show now (the same one until it is graded, suspended or undone), or
    /// `None` when nothing is left for now.
    pub fn card_to_show(&mut self) -> Option<Shown> {
        if let Some(shown) = self.current {
            return Some(shown);
        }
        let time_ms = self.store.next_time_ms(self.clock.now_ms());
        let now = secs(time_ms);
        let today = self.day_clock.day(now);
        if today != self.studied_day {
            self.studied = self
                .history
                .studied_today(now, &self.scheduler, &self.day_clock);
            self.studied_day = today;
            self.bury_siblings(now);
        }
        // Buried siblings are left out as suspended cards are, for today only.
        let masked;
        let states = if self.buried.iter().any(|&b| b) {
            masked = self
                .states
                .iter()
                .zip(&self.buried)
                .map(|(s, &b)| {
                    let mut s = *s;
                    if b && matches!(s.phase(), Phase::New | Phase::Review) {
                        s.set_suspended(true);
                    }
                    s
                })
                .collect::<Vec<_>>();
            &masked[..]
        } else {
            &self.states[..]
        };
        // Only the head of the queue is needed after each grade: one pass, no sort.
        let (next, counts) = Queue::first(states, now, &self.day_clock, &self.limits, self.studied);
        self.counts = counts;
        let index = self.forced_next.take().or(next.map(|i| i as usize))?;
        let before = self.states[index];
        let elapsed = before
            .last_review()
            .map_or(0, |last| self.day_clock.elapsed_days(last, now));
        let mut rng = SeededFuzz::for_review(self.ids[index], now);
        let outcomes = self.scheduler.outcomes(&before, now, elapsed, &mut rng);
        let shown = Shown {
            index,
            time_ms,
            outcomes,
            before,
        };
        self.current = Some(shown);
        Some(shown)
    }

    /// Grades the card shown; the review is on disk when this returns.
    pub fn grade(&mut self, rating: Rating) -> Result<Option<Graded>> {
        let Some(shown) = self.current else {
            return Ok(None);
        };
        let answered = self.clock.now_ms();
        let review = Review {
            card: self.ids[shown.index],
            time_ms: shown.time_ms,
            rating,
            duration_ms: (answered - shown.time_ms).clamp(0, u32::MAX as i64) as u32,
        };
        self.store.append(&LogEntry::Review(review))?;
        self.history.apply(&LogEntry::Review(review));
        self.current = None;
        self.undo.push(UndoStep::Grade {
            index: shown.index,
            before: shown.before,
            review,
            studied: self.studied,
        });
        match shown.before.phase() {
            Phase::New => {
                self.studied.new += 1;
                self.summary.new_cards += 1;
            }
            Phase::Review => self.studied.reviews += 1,
            Phase::Learning | Phase::Relearning => {}
        }
        self.states[shown.index] = shown.outcomes.get(rating);
        self.bury_siblings_of(shown.index);
        self.summary.reviewed += 1;
        self.summary.by_rating[rating.index()] += 1;
        self.summary.answer_ms += review.duration_ms as u64;
        Ok(Some(Graded {
            review,
            wait_secs: shown.outcomes.wait_secs(rating),
        }))
    }

    /// Suspends the card shown; it will not be queued again until undone.
    pub fn suspend(&mut self) -> Result<Option<CardId>> {
        let Some(shown) = self.current else {
            return Ok(None);
        };
        let card = self.ids[shown.index];
        let time_ms = self.store.next_time_ms(self.clock.now_ms());
        let entry = LogEntry::Suspend { card, time_ms };
        self.store.append(&entry)?;
        self.history.apply(&entry);
        self.current = None;
        self.undo.push(UndoStep::Suspend {
            index: shown.index,
            before: self.states[shown.index],
        });
        self.states[shown.index].set_suspended(true);
        self.summary.suspended += 1;
        Ok(Some(card))
    }

    /// Takes back the last grade or suspension of this session (an `Undo` or `Unsuspend`
    /// record); the card concerned is shown next.
    pub fn undo(&mut self) -> Result<Option<Undone>> {
        let Some(step) = self.undo.last().copied() else {
            return Ok(None);
        };
        let undone = match step {
            UndoStep::Grade {
                index,
                before,
                review,
                studied,
            } => {
                let entry = LogEntry::Undo {
                    card: review.card,
                    review_time_ms: review.time_ms,
                };
                self.store.append(&entry)?;
                self.history.apply(&entry);
                self.states[index] = before;
                self.studied = studied;
                self.summary.reviewed -= 1;
                self.summary.by_rating[review.rating.index()] -= 1;
                self.summary.answer_ms = self
                    .summary
                    .answer_ms
                    .saturating_sub(review.duration_ms as u64);
                if before.is_new() {
                    self.summary.new_cards -= 1;
                }
                self.forced_next = Some(index);
                Undone::Grade {
                    card: review.card,
                    review_time_ms: review.time_ms,
                }
            }
            UndoStep::Suspend { index, before } => {
                let card = self.ids[index];
                let time_ms = self.store.next_time_ms(self.clock.now_ms());
                let entry = LogEntry::Unsuspend { card, time_ms };
                self.store.append(&entry)?;
                self.history.apply(&entry);
                self.states[index] = before;
                self.summary.suspended -= 1;
                self.forced_next = Some(index);
                Undone::Suspend { card }
            }
        };
        self.undo.pop();
        self.current = None;
        self.bury_siblings(self.clock.now_secs());
        Ok(Some(undone))
    }

    /// The earliest time (s) a (re)learning card of today becomes due, if any is waiting.
    pub fn next_learning_due(&self) -> Option<i64> {
        let now = self.clock.now_secs();
        let day_end = self.day_clock.day_start(self.day_clock.day(now) + 1);
        self.states
            .iter()
            .filter(|s| {
                !s.is_suspended() && matches!(s.phase(), Phase::Learning | Phase::Relearning)
            })
            .filter_map(|s| s.due())
            .filter(|&due| due < day_end)
            .min()
    }

    /// Review cards due tomorrow (by the day clock).
    pub fn due_tomorrow(&self) -> usize {
        let tomorrow = self.day_clock.day(self.clock.now_secs()) + 1;
        self.states
            .iter()
            .filter(|s| !s.is_suspended() && !s.is_new())
            .filter(|s| s.due().is_some_and(|d| self.day_clock.day(d) == tomorrow))
            .count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::read_log;
    use crate::test_decks::deck_of;

    fn test_deck(n: usize) -> Vec<u8> {
        let prompts: Vec<String> = (0..n).map(|i| format!("Question {i} ?")).collect();
        let answers: Vec<String> = (0..n).map(|i| format!("Réponse {i}")).collect();
        let cards: Vec<(&str, &str, u32)> = (0..n)
            .map(|i| (prompts[i].as_str(), answers[i].as_str(), i as u32 + 1))
            .collect();
        deck_of(0x7e_57, "Test", &cards)
    }

    fn rules(start_ms: i64) -> SessionRules {
        SessionRules {
            scheduler: Scheduler::default(),
            day_clock: DayClock::default(),
            limits: QueueLimits::default(),
            clock: Clock::starting_at(start_ms),
        }
    }

    const T0: i64 = 1_711_700_000_000;

    /// Cards of one source sentence: once one is studied, the others wait for tomorrow (each
    /// gives the others' answers away); they come back the next day, and are not lost.
    #[test]
    fn siblings_are_buried_until_the_next_day() {
        let dir = std::env::temp_dir().join(format!("carnet-siblings-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let path = dir.join("test.revlog");
        // Cards 0, 1, 2 come from line 7; card 3 from line 8.
        let bytes = deck_of(
            9,
            "Siblings",
            &[
                ("Q0 ?", "a", 7),
                ("Q1 ?", "a", 7),
                ("Q2 ?", "a", 7),
                ("Q3 ?", "a", 8),
            ],
        );
        let deck = Deck::from_bytes(&bytes).unwrap();
        let (store, scan) = ReviewStore::open(&path).unwrap();
        let mut s = Session::new(&deck, store, &scan, rules(T0));
        assert_eq!(s.card_to_show().map(|x| x.index), Some(0));
        s.grade(Rating::Easy).unwrap();
        assert_eq!(
            s.card_to_show().map(|x| x.index),
            Some(3),
            "1 and 2 are buried"
        );
        s.grade(Rating::Easy).unwrap();
        assert!(s.card_to_show().is_none(), "nothing else today");
        // A new session the same day reads the burial from the log.
        drop(s);
        let (store, scan) = ReviewStore::open(&path).unwrap();
        let mut s = Session::new(&deck, store, &scan, rules(T0 + 3_600_000));
        assert!(s.card_to_show().is_none());
        drop(s);
        // Tomorrow they come.
        let (store, scan) = ReviewStore::open(&path).unwrap();
        let mut s = Session::new(&deck, store, &scan, rules(T0 + 86_400_000));
        assert_eq!(s.card_to_show().map(|x| x.index), Some(1));
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn grades_undo_and_suspend_replay_to_the_same_states() {
        let dir = std::env::temp_dir().join(format!("carnet-session-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let path = dir.join("test.revlog");
        let bytes = test_deck(30);
        let deck = Deck::from_bytes(&bytes).unwrap();
        let (store, scan) = ReviewStore::open(&path).unwrap();
        let mut s = Session::new(&deck, store, &scan, rules(T0));
        assert_eq!(s.card_to_show().map(|x| x.index), Some(0));
        assert_eq!(s.counts().new, 20);
        let mut graded = Vec::new();
        for r in [3u8, 1, 3, 4, 2, 3, 3] {
            s.card_to_show().unwrap();
            graded.push(s.grade(Rating::from_u8(r).unwrap()).unwrap().unwrap());
        }
        let shown = s.card_to_show().unwrap();
        let undone = s.undo().unwrap().unwrap();
        let last = graded.last().unwrap().review;
        assert_eq!(
            undone,
            Undone::Grade {
                card: last.card,
                review_time_ms: last.time_ms
            }
        );
        let again = s.card_to_show().unwrap();
        assert_eq!(
            s.card(again.index).id,
            last.card,
            "the undone card comes back"
        );
        assert_ne!(shown.index, again.index);
        s.grade(Rating::Easy).unwrap();
        s.card_to_show().unwrap();
        let suspended = s.suspend().unwrap().unwrap();
        assert_eq!(s.summary().reviewed, 7);
        let states = s.states().to_vec();
        drop(s);

        // The log replays to exactly the states the session held.
        let scan = read_log(&path).unwrap();
        let history = History::from_entries(&scan.entries);
        let r = rules(T0);
        for (i, card) in deck.cards().enumerate() {
            assert_eq!(
                history.state(card.id, &r.scheduler, &r.day_clock),
                states[i],
                "card {i}"
            );
        }
        assert!(history.card(suspended).unwrap().suspended);

        // Resuming: the new cards already seen count against today's limit.
        let (store, scan) = ReviewStore::open(&path).unwrap();
        let mut s = Session::new(&deck, store, &scan, rules(T0 + 60_000));
        s.card_to_show().unwrap();
        assert_eq!(s.counts().new, 20 - 7);
        std::fs::remove_dir_all(dir).unwrap();
    }
}
