//! Card states derived from the review log: the log is the truth, states are its fold.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use carnet_engine::review_log::{LogEntry, Review};
use carnet_engine::{CardId, CardState, DayClock, Phase, Scheduler, StudiedToday};

/// The surviving reviews of one card and whether it is suspended.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CardHistory {
    /// Reviews in time order (a merged log, e.g. after a sync with the handheld, may hold
    /// them out of order), undone ones removed.
    pub reviews: Vec<Review>,
    /// Whether the learner suspended the card.
    pub suspended: bool,
    /// Time of the suspension record in force: the latest one wins, whatever the log order.
    pub suspension_time_ms: Option<i64>,
    /// The state that the card's earlier reviews fold to, when a start-up snapshot
    /// ([`crate::snapshot`]) holds them instead of `reviews` (which then holds only the later
    /// ones); [`CardState::NEW`] otherwise. Never suspended: `suspended` says that.
    pub base: CardState,
    /// The time of the last review folded into `base`; `None` when none is.
    pub base_last_ms: Option<i64>,
}

impl CardHistory {
    /// The card's state: `base`, then its reviews, days counted by `clock`.
    fn state(&self, id: CardId, scheduler: &Scheduler, clock: &DayClock) -> CardState {
        let mut state = walk_from(
            self.base,
            scheduler,
            id,
            &self.reviews,
            |last, now| clock.elapsed_days(last, now),
            |_, _, _, _| {},
        );
        state.set_suspended(self.suspended);
        state
    }
}

/// Every card's history, grouped from the log. Cards that the current deck no longer holds
/// keep theirs: a regenerated deck finds its progress again through the stable [`CardId`].
#[derive(Debug, Clone, Default)]
pub struct History {
    cards: HashMap<CardId, CardHistory, BuildHasherDefault<CardIdHasher>>,
    /// The latest time of a review added (one undone may still count: an upper bound).
    last_review_ms: Option<i64>,
}

/// Hashes a [`CardId`] with one multiply: ids are already hashes (FNV-1a), and the start-up
/// replay looks one up for every record of the log.
#[derive(Debug, Default, Clone, Copy)]
pub struct CardIdHasher(u64);

impl Hasher for CardIdHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(8) ^ b as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = (n ^ (n >> 29))
            .wrapping_mul(0x9E37_79B9_7F4A_7C15)
            .rotate_left(26);
    }
}

/// Seconds of a record time in milliseconds, as the scheduler counts them.
pub fn secs(time_ms: i64) -> i64 {
    time_ms.div_euclid(1000)
}

impl History {
    /// An empty history with room for `cards` cards.
    pub fn with_capacity(cards: usize) -> History {
        History {
            cards: HashMap::with_capacity_and_hasher(cards, Default::default()),
            last_review_ms: None,
        }
    }

    /// Groups the records of a log.
    pub fn from_entries(entries: &[LogEntry]) -> History {
        let mut history = History::with_capacity(entries.len() / 8);
        for e in entries {
            history.apply(e);
        }
        history
    }

    /// Applies one record: a review is added, an undo removes the review it names, a
    /// suspension sets or clears the flag.
    pub fn apply(&mut self, entry: &LogEntry) {
        let applied = self.try_apply(entry);
        debug_assert!(
            applied,
            "a record reaching into a snapshot's folded reviews"
        );
    }

    /// [`History::apply`], or `false` (nothing changed) when the record cannot be applied
    /// over a snapshot: a review dated before the card's folded reviews, or an undo that may
    /// name one of them. The whole log must be replayed then.
    pub fn try_apply(&mut self, entry: &LogEntry) -> bool {
        let card = self.cards.entry(entry.card()).or_default();
        match *entry {
            LogEntry::Review(r) => {
                if card.base_last_ms.is_some_and(|b| r.time_ms < b) {
                    return false;
                }
                // Nearly always the end: a log is written in time order.
                let at = card.reviews.partition_point(|x| x.time_ms <= r.time_ms);
                card.reviews.insert(at, r);
                self.last_review_ms = self.last_review_ms.max(Some(r.time_ms));
            }
            LogEntry::Undo { review_time_ms, .. } => {
                match card
                    .reviews
                    .iter()
                    .rposition(|r| r.time_ms == review_time_ms)
                {
                    Some(at) => {
                        card.reviews.remove(at);
                    }
                    None if card.base_last_ms.is_some_and(|b| review_time_ms <= b) => {
                        return false;
                    }
                    None => {}
                }
            }
            LogEntry::Suspend { time_ms, .. } | LogEntry::Unsuspend { time_ms, .. } => {
                if card.suspension_time_ms.is_none_or(|t| time_ms >= t) {
                    card.suspended = matches!(entry, LogEntry::Suspend { .. });
                    card.suspension_time_ms = Some(time_ms);
                }
            }
        }
        true
    }

    /// A card's history as a snapshot gives it (its folded state and later reviews).
    pub fn insert(&mut self, id: CardId, card: CardHistory) {
        let last = card.reviews.last().map(|r| r.time_ms).or(card.base_last_ms);
        self.last_review_ms = self.last_review_ms.max(last);
        self.cards.insert(id, card);
    }

    /// The time of the latest review (perhaps one since undone), if any.
    pub fn last_review_ms(&self) -> Option<i64> {
        self.last_review_ms
    }

    /// This history with every review dated before `cut_ms` folded into its card's `base`
    /// (what a snapshot keeps): the states it gives are unchanged.
    pub fn folded_before(&self, cut_ms: i64, scheduler: &Scheduler, clock: &DayClock) -> History {
        let mut folded = History::with_capacity(self.cards.len());
        folded.last_review_ms = self.last_review_ms;
        for (&id, h) in &self.cards {
            let split = h.reviews.partition_point(|r| r.time_ms < cut_ms);
            let (old, recent) = h.reviews.split_at(split);
            let base = walk_from(
                h.base,
                scheduler,
                id,
                old,
                |last, now| clock.elapsed_days(last, now),
                |_, _, _, _| {},
            );
            folded.cards.insert(
                id,
                CardHistory {
                    reviews: recent.to_vec(),
                    suspended: h.suspended,
                    suspension_time_ms: h.suspension_time_ms,
                    base,
                    base_last_ms: old.last().map(|r| r.time_ms).or(h.base_last_ms),
                },
            );
        }
        folded
    }

    /// One card's history.
    pub fn card(&self, id: CardId) -> Option<&CardHistory> {
        self.cards.get(&id)
    }

    /// Every card with a history.
    pub fn cards(&self) -> impl Iterator<Item = (CardId, &CardHistory)> {
        self.cards.iter().map(|(&id, h)| (id, h))
    }

    /// Number of cards with a history.
    pub fn len(&self) -> usize {
        self.cards.len()
    }

    /// Whether no card has a history.
    pub fn is_empty(&self) -> bool {
        self.cards.is_empty()
    }

    /// Number of surviving reviews (of a history read from a whole log: a snapshot's
    /// folded reviews are not counted).
    pub fn review_count(&self) -> usize {
        self.cards.values().map(|c| c.reviews.len()).sum()
    }

    /// The card's state: its reviews folded by [`Scheduler::replay`], days counted by `clock`.
    pub fn state(&self, id: CardId, scheduler: &Scheduler, clock: &DayClock) -> CardState {
        match self.cards.get(&id) {
            None => CardState::NEW,
            Some(h) => h.state(id, scheduler, clock),
        }
    }

    /// The states of `cards`, in order; a large deck is replayed on several threads (cards
    /// are independent), which keeps the start-up of a 10,000-card deck fast.
    pub fn states(
        &self,
        cards: impl Iterator<Item = CardId>,
        scheduler: &Scheduler,
        clock: &DayClock,
    ) -> Vec<CardState> {
        let ids: Vec<CardId> = cards.collect();
        let threads = if ids.len() < 2000 {
            1
        } else {
            std::thread::available_parallelism().map_or(1, |n| n.get().min(4))
        };
        if threads == 1 {
            return ids
                .iter()
                .map(|&id| self.state(id, scheduler, clock))
                .collect();
        }
        let chunk = ids.len().div_ceil(threads);
        std::thread::scope(|s| {
            let handles: Vec<_> = ids
                .chunks(chunk)
                .map(|part| {
                    s.spawn(move || {
                        part.iter()
                            .map(|&id| self.state(id, scheduler, clock))
                            .collect::<Vec<_>>()
                    })
                })
                .collect();
            handles
                .into_iter()
                .flat_map(|h| h.join().unwrap_or_default())
                .collect()
        })
    }

    /// What was studied on the day of `now` (seconds): new cards first reviewed that day,
    /// and reviews of cards that were in the review phase. One fold of each card studied
    /// today (linear in its reviews, however many were made today).
    pub fn studied_today(&self, now: i64, scheduler: &Scheduler, clock: &DayClock) -> StudiedToday {
        let today = clock.day(now);
        let mut studied = StudiedToday::default();
        if self
            .last_review_ms
            .is_none_or(|t| t < clock.day_start(today) * 1000)
        {
            return studied;
        }
        for (&id, h) in &self.cards {
            let Some(last) = h.reviews.last() else {
                continue;
            };
            if clock.day(secs(last.time_ms)) != today {
                continue;
            }
            let mut first = h.base_last_ms.is_none();
            walk_from(
                h.base,
                scheduler,
                id,
                &h.reviews,
                |last, now| clock.elapsed_days(last, now),
                |before, r, _, _| {
                    if clock.day(secs(r.time_ms)) == today {
                        if first {
                            studied.new += 1;
                        } else if before.phase() == Phase::Review {
                            studied.reviews += 1;
                        }
                    }
                    first = false;
                },
            );
        }
        studied
    }
}

/// Folds reviews with [`Scheduler::replay`]: the fuzz of each review is seeded by the card and
/// the review's second, so replaying gives the due dates the learner was shown.
pub fn replay(
    scheduler: &Scheduler,
    clock: &DayClock,
    id: CardId,
    reviews: &[Review],
) -> CardState {
    scheduler.replay(
        id,
        reviews.iter().map(|r| (secs(r.time_ms), r.rating)),
        |last, now| clock.elapsed_days(last, now),
    )
}

/// Walks a card's reviews as [`Scheduler::replay`] folds them (one
/// [`Scheduler::replay_step`] each), calling `visit(before, review,
/// elapsed_days, after)` for each, for statistics that need the state at each review.
/// `elapsed_days(last, now)` counts days as the caller wants (calendar days or whole 24 h).
pub fn walk<F, V>(
    scheduler: &Scheduler,
    id: CardId,
    reviews: &[Review],
    elapsed_days: F,
    visit: V,
) -> CardState
where
    F: Fn(i64, i64) -> u32,
    V: FnMut(&CardState, &Review, u32, &CardState),
{
    walk_from(CardState::NEW, scheduler, id, reviews, elapsed_days, visit)
}

/// [`walk`] from the state `start` instead of a new card.
pub fn walk_from<F, V>(
    start: CardState,
    scheduler: &Scheduler,
    id: CardId,
    reviews: &[Review],
    elapsed_days: F,
    mut visit: V,
) -> CardState
where
    F: Fn(i64, i64) -> u32,
    V: FnMut(&CardState, &Review, u32, &CardState),
{
    let mut state = start;
    for r in reviews {
        let now = secs(r.time_ms);
        let elapsed = state
            .last_review()
            .map_or(0, |last| elapsed_days(last, now));
        let next = scheduler.replay_step(&state, id, now, r.rating, elapsed);
        visit(&state, r, elapsed, &next);
        state = next;
    }
    state
}

#[cfg(test)]
mod tests {
    use super::*;
    use carnet_engine::Rating;

    fn review(card: u64, time_ms: i64, rating: Rating) -> LogEntry {
        LogEntry::Review(Review {
            card: CardId(card),
            time_ms,
            rating,
            duration_ms: 2000,
        })
    }

    const T0: i64 = 1_711_700_000_000;

    #[test]
    fn undo_and_suspension_are_applied() {
        let entries = [
            review(1, T0, Rating::Good),
            review(1, T0 + 60_000, Rating::Again),
            LogEntry::Undo {
                card: CardId(1),
                review_time_ms: T0 + 60_000,
            },
            LogEntry::Suspend {
                card: CardId(2),
                time_ms: T0 + 70_000,
            },
            LogEntry::Suspend {
                card: CardId(3),
                time_ms: T0 + 80_000,
            },
            LogEntry::Unsuspend {
                card: CardId(3),
                time_ms: T0 + 90_000,
            },
        ];
        let h = History::from_entries(&entries);
        assert_eq!(h.card(CardId(1)).unwrap().reviews.len(), 1);
        assert!(h.card(CardId(2)).unwrap().suspended);
        assert!(!h.card(CardId(3)).unwrap().suspended);
        let s = Scheduler::default();
        let clock = DayClock::default();
        assert!(h.state(CardId(2), &s, &clock).is_suspended());
        assert_eq!(h.state(CardId(9), &s, &clock), CardState::NEW);
        assert_eq!(h.review_count(), 1);
    }

    #[test]
    fn walk_folds_exactly_as_replay() {
        let s = Scheduler::default();
        let clock = DayClock::default();
        let ratings = [3u8, 3, 1, 3, 4, 2, 3, 3];
        let mut reviews = Vec::new();
        let mut t = T0;
        for (i, r) in ratings.iter().enumerate() {
            reviews.push(Review {
                card: CardId(42),
                time_ms: t,
                rating: Rating::from_u8(*r).unwrap(),
                duration_ms: 0,
            });
            t += [600_000i64, 86_400_000, 3 * 86_400_000][i % 3] + 12_345;
        }
        let mut seen = 0;
        let walked = walk(
            &s,
            CardId(42),
            &reviews,
            |l, n| clock.elapsed_days(l, n),
            |_, _, _, _| seen += 1,
        );
        assert_eq!(walked, replay(&s, &clock, CardId(42), &reviews));
        assert_eq!(seen, ratings.len());
    }

    #[test]
    fn studied_today_counts_first_reviews_and_review_phase_reviews() {
        let s = Scheduler::default();
        let clock = DayClock::default();
        let day = 86_400_000;
        let entries = [
            // Card 1: new yesterday, graduated (Easy), reviewed again today in review phase.
            review(1, T0 - 10 * day, Rating::Easy),
            review(1, T0, Rating::Good),
            // Card 2: new today, then a learning step today.
            review(2, T0 + 1000, Rating::Good),
            review(2, T0 + 700_000, Rating::Good),
        ];
        let h = History::from_entries(&entries);
        let studied = h.studied_today(secs(T0 + 800_000), &s, &clock);
        assert_eq!(studied, StudiedToday { new: 1, reviews: 1 });
    }

    #[test]
    fn a_merged_log_out_of_time_order_folds_as_the_sorted_one() {
        use carnet_engine::Rating;
        let s = Scheduler::default();
        let clock = DayClock::default();
        let card = CardId(42);
        let at = |day: i64, rating| {
            LogEntry::Review(Review {
                card,
                time_ms: (1_711_700_000 + day * 86_400) * 1000,
                rating,
                duration_ms: 1000,
            })
        };
        let sorted = [
            at(0, Rating::Good),
            at(1, Rating::Good),
            at(4, Rating::Again),
            at(5, Rating::Good),
            at(12, Rating::Easy),
        ];
        // The handheld's reviews (days 1 and 5) merged after the terminal's.
        let merged = [sorted[0], sorted[2], sorted[4], sorted[1], sorted[3]];
        let a = History::from_entries(&sorted).state(card, &s, &clock);
        let b = History::from_entries(&merged).state(card, &s, &clock);
        assert_eq!(a, b);
        let suspend = |t: i64, on: bool| {
            if on {
                LogEntry::Suspend { card, time_ms: t }
            } else {
                LogEntry::Unsuspend { card, time_ms: t }
            }
        };
        // The latest suspension record by time wins, whatever the log order.
        let h = History::from_entries(&[suspend(20, true), suspend(10, false)]);
        assert!(h.card(card).unwrap().suspended);
        let h = History::from_entries(&[suspend(10, true), suspend(20, false)]);
        assert!(!h.card(card).unwrap().suspended);
    }
}
