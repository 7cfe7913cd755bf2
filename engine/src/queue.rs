//! Today's queue: which cards to show now, within the daily limits, without allocating.

use crate::card_state::{CardState, Phase};
use crate::day_clock::DayClock;

/// Daily limits and look-ahead.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct QueueLimits {
    /// New cards introduced a day (default 20).
    pub new_per_day: u32,
    /// Reviews a day (default 200).
    pub reviews_per_day: u32,
    /// A learning card due within this many seconds is shown when nothing else is left
    /// (Anki's "learn ahead limit", default 20 minutes).
    pub learn_ahead_secs: u32,
}

impl Default for QueueLimits {
    fn default() -> Self {
        QueueLimits {
            new_per_day: 20,
            reviews_per_day: 200,
            learn_ahead_secs: 20 * 60,
        }
    }
}

/// What was already studied today (counted from the log), to take off the limits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct StudiedToday {
    /// New cards first reviewed today.
    pub new: u32,
    /// Reviews of cards in review phase done today.
    pub reviews: u32,
}

/// How many cards of each kind are left today.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct QueueCounts {
    /// New cards still to introduce today.
    pub new: u32,
    /// (Re)learning cards due today, now or later.
    pub learning: u32,
    /// Review cards due today, within the limit.
    pub review: u32,
}

/// The cards to show, as indices into the states slice, in showing order.
///
/// Built from a snapshot of the states; rebuild it after each review (it takes a few
/// microseconds for a thousand cards and a few milliseconds for a million).
#[derive(Debug)]
pub struct Queue<'b> {
    learning: &'b [u32],
    reviews: &'b [u32],
    new: &'b [u32],
    counts: QueueCounts,
}

impl<'b> Queue<'b> {
    /// Builds the queue at `now` over `states` (index = card position), using `buf` for the
    /// chosen indices. Learning cards due now come first (earliest due first), then reviews
    /// (most overdue first, ties by position) with new cards spread evenly among them, in deck
    /// order. One pass over the states, no division per card, no allocation.
    ///
    /// `buf` needs room for the learning cards due plus both daily limits; with less, it holds
    /// what fits, learning cards and reviews in the order met and new cards in what is left
    /// (the counts stay exact either way).
    pub fn build(
        states: &[CardState],
        now: i64,
        clock: &DayClock,
        limits: &QueueLimits,
        studied: StudiedToday,
        buf: &'b mut [u32],
    ) -> Queue<'b> {
        let day_end = clock.day_start(clock.day(now) + 1);
        let new_limit = limits.new_per_day.saturating_sub(studied.new) as usize;
        let review_limit = limits.reviews_per_day.saturating_sub(studied.reviews) as usize;
        let ahead_until = now + limits.learn_ahead_secs as i64;

        // buf = [reviews (max-heap on (due, index)) | new cards | … free … | learning (from the end)]
        let mut heap_len = 0usize;
        let mut learning_len = 0usize;
        let mut counts = QueueCounts::default();
        let mut review_due = 0usize;
        let mut new_available = 0usize;
        let mut first_new = states.len();
        let mut soonest_ahead: Option<(i64, u32)> = None;
        let key = |j: u32| (states[j as usize].due().unwrap_or(i64::MAX), j);

        for (i, s) in states.iter().enumerate() {
            if s.is_suspended() {
                continue;
            }
            let due = s.due().unwrap_or(i64::MAX);
            let i = i as u32;
            match s.phase() {
                Phase::New => {
                    if new_available == 0 {
                        first_new = i as usize;
                    }
                    new_available += 1;
                }
                Phase::Learning | Phase::Relearning => {
                    if due < day_end {
                        counts.learning += 1;
                    }
                    if due <= now {
                        if heap_len + learning_len < buf.len() {
                            learning_len += 1;
                            let at = buf.len() - learning_len;
                            buf[at] = i;
                        }
                    } else if due <= ahead_until && soonest_ahead.is_none_or(|(d, _)| due < d) {
                        soonest_ahead = Some((due, i));
                    }
                }
                Phase::Review => {
                    if due >= day_end {
                        continue;
                    }
                    review_due += 1;
                    if heap_len < review_limit && heap_len + learning_len < buf.len() {
                        buf[heap_len] = i;
                        heap_len += 1;
                        sift_up(&mut buf[..heap_len], heap_len - 1, &key);
                    } else if heap_len > 0 && (due, i) < key(buf[0]) {
                        buf[0] = i;
                        sift_down(&mut buf[..heap_len], 0, &key);
                    }
                }
            }
        }
        counts.review = review_due.min(review_limit) as u32;
        counts.new = new_available.min(new_limit) as u32;
        buf[..heap_len].sort_unstable_by_key(|&j| key(j));
        let learning_start = buf.len() - learning_len;
        buf[learning_start..].sort_unstable_by_key(|&j| key(j));

        // New cards: the first ones in deck order, from the first seen above.
        let new_cap = new_limit.min(learning_start - heap_len);
        let mut new_len = 0usize;
        for (i, s) in states.iter().enumerate().skip(first_new) {
            if new_len == new_cap {
                break;
            }
            if s.phase() == Phase::New && !s.is_suspended() {
                buf[heap_len + new_len] = i as u32;
                new_len += 1;
            }
        }

        // Nothing else to do: a learning card due soon may be shown ahead of time.
        if learning_len == 0 && heap_len == 0 && new_len == 0 && !buf.is_empty() {
            if let Some((_, i)) = soonest_ahead {
                let last = buf.len() - 1;
                buf[last] = i;
                learning_len = 1;
            }
        }
        let buf: &'b [u32] = buf;
        let learning_start = buf.len() - learning_len;
        Queue {
            learning: &buf[learning_start..],
            reviews: &buf[..heap_len],
            new: &buf[heap_len..heap_len + new_len],
            counts,
        }
    }

    /// How many cards of each kind are left today.
    pub fn counts(&self) -> QueueCounts {
        self.counts
    }

    /// The card [`Queue::build`] would put first, and the same counts, in one pass over the
    /// states with no buffer and no sort: what a study session needs after each grade, in
    /// time linear in the deck however many cards are due (with a buffer large enough for
    /// every card, as a host gives it).
    pub fn first(
        states: &[CardState],
        now: i64,
        clock: &DayClock,
        limits: &QueueLimits,
        studied: StudiedToday,
    ) -> (Option<u32>, QueueCounts) {
        let day_end = clock.day_start(clock.day(now) + 1);
        let new_limit = limits.new_per_day.saturating_sub(studied.new) as usize;
        let review_limit = limits.reviews_per_day.saturating_sub(studied.reviews) as usize;
        let ahead_until = now + limits.learn_ahead_secs as i64;
        let mut counts = QueueCounts::default();
        let (mut review_due, mut new_available) = (0usize, 0usize);
        let mut first_new: Option<u32> = None;
        let mut learning_min: Option<(i64, u32)> = None;
        let mut review_min: Option<(i64, u32)> = None;
        let mut soonest_ahead: Option<(i64, u32)> = None;
        for (i, s) in states.iter().enumerate() {
            if s.is_suspended() {
                continue;
            }
            let due = s.due().unwrap_or(i64::MAX);
            let key = (due, i as u32);
            match s.phase() {
                Phase::New => {
                    first_new = first_new.or(Some(i as u32));
                    new_available += 1;
                }
                Phase::Learning | Phase::Relearning => {
                    if due < day_end {
                        counts.learning += 1;
                    }
                    if due <= now {
                        learning_min = Some(learning_min.map_or(key, |m| m.min(key)));
                    } else if due <= ahead_until && soonest_ahead.is_none_or(|(d, _)| due < d) {
                        soonest_ahead = Some(key);
                    }
                }
                Phase::Review => {
                    if due < day_end {
                        review_due += 1;
                        review_min = Some(review_min.map_or(key, |m| m.min(key)));
                    }
                }
            }
        }
        let r = review_due.min(review_limit);
        let n = new_available.min(new_limit);
        counts.review = r as u32;
        counts.new = n as u32;
        // As `iter`: learning first; then the merge, whose first item is a review when
        // there are at least as many reviews as new cards.
        let first = match learning_min {
            Some((_, i)) => Some(i),
            None if r > 0 && n <= r => review_min.map(|(_, i)| i),
            None if n > 0 => first_new,
            None if r == 0 => soonest_ahead.map(|(_, i)| i),
            None => None,
        };
        (first, counts)
    }

    /// Number of cards the queue holds.
    pub fn len(&self) -> usize {
        self.learning.len() + self.reviews.len() + self.new.len()
    }

    /// Whether there is nothing to show now.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The next card to show, if any.
    pub fn next(&self) -> Option<u32> {
        self.iter().next()
    }

    /// The cards in showing order: learning, then reviews with new cards spread among them.
    pub fn iter(&self) -> impl Iterator<Item = u32> + '_ {
        let r = self.reviews.len();
        let n = self.new.len();
        // Merge by position along the session: the k-th review sits at (k + 1)/(r + 1), the
        // k-th new card at (k + 1)/(n + 1); ties go to the review. Exact integer comparison.
        let mut ri = 0usize;
        let mut ni = 0usize;
        let mixed = core::iter::from_fn(move || {
            let take_review = match (ri < r, ni < n) {
                (false, false) => return None,
                (true, false) => true,
                (false, true) => false,
                (true, true) => {
                    (ri + 1) as u64 * (n + 1) as u64 <= (ni + 1) as u64 * (r + 1) as u64
                }
            };
            if take_review {
                ri += 1;
                Some(self.reviews[ri - 1])
            } else {
                ni += 1;
                Some(self.new[ni - 1])
            }
        });
        self.learning.iter().copied().chain(mixed)
    }
}

fn sift_up<K: Ord>(heap: &mut [u32], mut at: usize, key: &impl Fn(u32) -> K) {
    while at > 0 {
        let parent = (at - 1) / 2;
        if key(heap[at]) <= key(heap[parent]) {
            break;
        }
        heap.swap(at, parent);
        at = parent;
    }
}

fn sift_down<K: Ord>(heap: &mut [u32], mut at: usize, key: &impl Fn(u32) -> K) {
    loop {
        let left = 2 * at + 1;
        let right = left + 1;
        let mut largest = at;
        if left < heap.len() && key(heap[left]) > key(heap[largest]) {
            largest = left;
        }
        if right < heap.len() && key(heap[right]) > key(heap[largest]) {
            largest = right;
        }
        if largest == at {
            return;
        }
        heap.swap(at, largest);
        at = largest;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::card_state::CardState;
    use crate::fuzz::SeededFuzz;
    use crate::rating::Rating;
    use crate::scheduler::Scheduler;

    const NOW: i64 = 1_700_000_000;

    fn reviewed(days_ago: i64, rating: Rating) -> CardState {
        let s = Scheduler::default();
        s.review(
            &CardState::NEW,
            rating,
            NOW - days_ago * 86_400,
            0,
            &mut SeededFuzz::from_seed(1),
        )
    }

    #[test]
    fn orders_learning_then_reviews_mixed_with_new() {
        let mut states = [CardState::NEW; 10];
        states[3] = reviewed(0, Rating::Again); // learning, due in 1 min
        states[4] = CardState::reviewed(
            states[3].memory().unwrap(),
            NOW - 120,
            Phase::Learning,
            0,
            60,
        );
        states[5] = reviewed(30, Rating::Easy); // review, overdue
        states[6] = reviewed(10, Rating::Easy); // review, due today-ish
        let mut suspended = CardState::NEW;
        suspended.set_suspended(true);
        states[7] = suspended;
        let mut buf = [0u32; 64];
        let clock = DayClock::default();
        let q = Queue::build(
            &states,
            NOW,
            &clock,
            &QueueLimits::default(),
            StudiedToday::default(),
            &mut buf,
        );
        let order: std::vec::Vec<u32> = q.iter().collect();
        assert_eq!(order[0], 4);
        assert!(!order.contains(&3), "learning card not yet due");
        assert!(!order.contains(&7), "suspended");
        assert_eq!(
            q.counts(),
            QueueCounts {
                new: 5,
                learning: 2,
                review: 2
            }
        );
        // Reviews (most overdue first) with the 5 new cards spread among them.
        assert_eq!(&order[1..], &[0, 5, 1, 2, 6, 8, 9]);
    }

    #[test]
    fn daily_limits_apply() {
        let states = [CardState::NEW; 50];
        let mut buf = [0u32; 64];
        let clock = DayClock::default();
        let studied = StudiedToday {
            new: 15,
            reviews: 0,
        };
        let q = Queue::build(
            &states,
            NOW,
            &clock,
            &QueueLimits::default(),
            studied,
            &mut buf,
        );
        assert_eq!(q.len(), 5);
        assert_eq!(q.counts().new, 5);
        let q = Queue::build(
            &states,
            NOW,
            &clock,
            &QueueLimits::default(),
            StudiedToday {
                new: 25,
                reviews: 0,
            },
            &mut buf,
        );
        assert!(q.is_empty());
    }

    #[test]
    fn learns_ahead_when_nothing_else_is_left() {
        let mut states = [CardState::NEW; 1];
        states[0] = reviewed(0, Rating::Again);
        let mut buf = [0u32; 4];
        let clock = DayClock::default();
        let limits = QueueLimits {
            new_per_day: 0,
            ..QueueLimits::default()
        };
        let q = Queue::build(
            &states,
            NOW + 10,
            &clock,
            &limits,
            StudiedToday::default(),
            &mut buf,
        );
        assert_eq!(q.next(), Some(0));
    }

    #[test]
    fn review_limit_keeps_the_most_overdue() {
        let states: std::vec::Vec<CardState> = (0..300)
            .map(|i| reviewed(20 + (i % 97), Rating::Easy))
            .collect();
        let mut buf = std::vec![0u32; 1000];
        let clock = DayClock::default();
        let limits = QueueLimits {
            reviews_per_day: 10,
            ..QueueLimits::default()
        };
        let q = Queue::build(
            &states,
            NOW,
            &clock,
            &limits,
            StudiedToday::default(),
            &mut buf,
        );
        let chosen: std::vec::Vec<u32> = q.iter().collect();
        assert_eq!(chosen.len(), 10);
        let mut dues: std::vec::Vec<i64> =
            states.iter().map(|s| clock.day(s.due().unwrap())).collect();
        dues.sort();
        let chosen_dues: std::vec::Vec<i64> = chosen
            .iter()
            .map(|&i| clock.day(states[i as usize].due().unwrap()))
            .collect();
        assert_eq!(&chosen_dues[..], &dues[..10]);
        assert!(chosen_dues.windows(2).all(|w| w[0] <= w[1]));
    }

    #[test]
    fn small_buffer_keeps_counts_exact() {
        let states = [CardState::NEW; 30];
        let mut buf = [0u32; 3];
        let clock = DayClock::default();
        let q = Queue::build(
            &states,
            NOW,
            &clock,
            &QueueLimits::default(),
            StudiedToday::default(),
            &mut buf,
        );
        assert_eq!(q.len(), 3);
        assert_eq!(q.counts().new, 20);
    }

    proptest::proptest! {
        #[test]
        fn matches_a_naive_reference(
            cards in proptest::collection::vec((0u8..5, 0i64..40 * 86_400, proptest::bool::weighted(0.1)), 0..300),
            new_limit in 0u32..30,
            review_limit in 0u32..60,
        ) {
            let scheduler = Scheduler::default();
            let states: std::vec::Vec<CardState> = cards
                .iter()
                .map(|&(kind, ago, suspended)| {
                    let t = NOW - ago;
                    let mut s = match kind {
                        0 | 1 => CardState::NEW,
                        2 => scheduler.review(&CardState::NEW, Rating::Again, NOW - ago % 3000, 0, &mut SeededFuzz::from_seed(ago as u64)),
                        _ => scheduler.review(&CardState::NEW, Rating::Easy, t, 0, &mut SeededFuzz::from_seed(ago as u64)),
                    };
                    s.set_suspended(suspended);
                    s
                })
                .collect();
            let clock = DayClock::default();
            let limits = QueueLimits { new_per_day: new_limit, reviews_per_day: review_limit, learn_ahead_secs: 0 };
            let mut buf = std::vec![0u32; states.len() + 1];
            let q = Queue::build(&states, NOW, &clock, &limits, StudiedToday::default(), &mut buf);

            let day_end = clock.day_start(clock.day(NOW) + 1);
            let live = |i: &usize| !states[*i].is_suspended();
            let by_due = |v: &mut std::vec::Vec<usize>| v.sort_by_key(|&i| (states[i].due().unwrap(), i));
            let mut learning: std::vec::Vec<usize> = (0..states.len()).filter(live)
                .filter(|&i| matches!(states[i].phase(), Phase::Learning | Phase::Relearning) && states[i].due().unwrap() <= NOW)
                .collect();
            by_due(&mut learning);
            let mut reviews: std::vec::Vec<usize> = (0..states.len()).filter(live)
                .filter(|&i| states[i].phase() == Phase::Review && states[i].due().unwrap() < day_end)
                .collect();
            by_due(&mut reviews);
            let due_reviews = reviews.len();
            reviews.truncate(review_limit as usize);
            let new: std::vec::Vec<usize> = (0..states.len()).filter(live)
                .filter(|&i| states[i].is_new()).collect();
            let to_u32 = |v: &[usize]| v.iter().map(|&i| i as u32).collect::<std::vec::Vec<u32>>();
            proptest::prop_assert_eq!(q.learning, &to_u32(&learning)[..]);
            proptest::prop_assert_eq!(q.reviews, &to_u32(&reviews)[..]);
            proptest::prop_assert_eq!(q.new, &to_u32(&new[..new.len().min(new_limit as usize)])[..]);
            proptest::prop_assert_eq!(q.counts().review as usize, due_reviews.min(review_limit as usize));
            proptest::prop_assert_eq!(q.counts().new as usize, new.len().min(new_limit as usize));
            proptest::prop_assert_eq!(q.iter().count(), q.len());
            let (first, counts) = Queue::first(&states, NOW, &clock, &limits, StudiedToday::default());
            proptest::prop_assert_eq!(first, q.next());
            proptest::prop_assert_eq!(counts, q.counts());
        }

        /// `first` agrees with `build` with learn-ahead and what was studied today too.
        #[test]
        fn first_is_the_head_of_the_built_queue(
            cards in proptest::collection::vec((0u8..5, 0i64..40 * 86_400, proptest::bool::weighted(0.1)), 0..200),
            new_limit in 0u32..30,
            review_limit in 0u32..60,
            ahead in 0u32..7200,
            done_new in 0u32..10,
            done_reviews in 0u32..10,
        ) {
            let scheduler = Scheduler::default();
            let states: std::vec::Vec<CardState> = cards
                .iter()
                .map(|&(kind, ago, suspended)| {
                    let mut s = match kind {
                        0 => CardState::NEW,
                        1 | 2 => scheduler.review(&CardState::NEW, Rating::Again, NOW - ago % 3000, 0, &mut SeededFuzz::from_seed(ago as u64)),
                        _ => scheduler.review(&CardState::NEW, Rating::Easy, NOW - ago, 0, &mut SeededFuzz::from_seed(ago as u64)),
                    };
                    s.set_suspended(suspended);
                    s
                })
                .collect();
            let clock = DayClock::default();
            let limits = QueueLimits { new_per_day: new_limit, reviews_per_day: review_limit, learn_ahead_secs: ahead };
            let studied = StudiedToday { new: done_new, reviews: done_reviews };
            let mut buf = std::vec![0u32; states.len() + 1];
            let q = Queue::build(&states, NOW, &clock, &limits, studied, &mut buf);
            let (first, counts) = Queue::first(&states, NOW, &clock, &limits, studied);
            proptest::prop_assert_eq!(first, q.next());
            proptest::prop_assert_eq!(counts, q.counts());
        }
    }
}
