//! Review histories per card, and building them from a flat review log with a day rule.
//!
//! A [`Dataset`] holds each card's reviews in order; each review carries the whole days since
//! the card's previous review (`delta_t`, 0 for the first) and its rating, as fsrs-rs's
//! `FSRSReview` does, plus a time key that orders reviews across cards. A *prediction* (an
//! fsrs-rs `FSRSItem`) is a review after a card's first with `delta_t > 0`: the model predicts
//! its recall from the reviews before it.

use std::fmt;

use carnet_engine::{whole_days_between, DayClock, Rating};

/// One review of a card.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Review {
    /// When, in seconds since the Unix epoch (or any key ordering reviews across cards): used
    /// only to order predictions in time (recency weights, time-series split).
    pub time: i64,
    /// Whole days since the card's previous review under the caller's day rule; 0 for a card's
    /// first review and for same-day reviews.
    pub delta_t: u32,
    /// The grade.
    pub rating: Rating,
}

/// One row of a review log: which card, when, which grade.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Row {
    /// The card.
    pub card_id: u64,
    /// When, in seconds since the Unix epoch.
    pub time_secs: i64,
    /// The grade, 1 (Again) to 4 (Easy).
    pub rating: u8,
}

/// How the days between two reviews are counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DayRule {
    /// Anki's rule: calendar days of a [`DayClock`] (a day starts at its hour, local time), so a
    /// review at 23:00 and one at 09:00 the next morning are one day apart.
    Calendar(DayClock),
    /// py-fsrs's rule: whole 24-hour periods ([`whole_days_between`]).
    WholeDays,
}

impl Default for DayRule {
    /// Anki's rule with the day starting at 04:00 UTC.
    fn default() -> Self {
        DayRule::Calendar(DayClock::default())
    }
}

impl DayRule {
    /// Days between a review at `last` and one at `now` (seconds; never negative).
    pub fn elapsed_days(&self, last: i64, now: i64) -> u32 {
        match self {
            DayRule::Calendar(clock) => clock.elapsed_days(last, now),
            DayRule::WholeDays => whole_days_between(last, now),
        }
    }
}

/// Why rows could not become a dataset.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DatasetError {
    /// A rating outside 1–4, at this row index.
    Rating {
        /// Index of the row in the input.
        row: usize,
        /// The value found.
        value: u8,
    },
    /// A card's first review has `delta_t != 0`.
    FirstDeltaT {
        /// The card.
        card_id: u64,
    },
    /// More reviews than the dataset's `u32` indices hold.
    TooLarge,
}

impl fmt::Display for DatasetError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DatasetError::Rating { row, value } => {
                write!(f, "row {row}: rating {value} is not a grade from 1 to 4")
            }
            DatasetError::FirstDeltaT { card_id } => {
                write!(f, "card {card_id}: the first review must have delta_t 0")
            }
            DatasetError::TooLarge => write!(f, "more than 4 294 967 295 reviews"),
        }
    }
}

impl std::error::Error for DatasetError {}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct CardSpan {
    id: u64,
    start: u32,
    len: u32,
}

/// A prediction: review `index` (≥ 1, `delta_t > 0`) of card number `card` in the dataset.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Target {
    /// Position of the card in [`Dataset::cards`].
    pub card: u32,
    /// Position of the review in the card's history.
    pub index: u32,
}

/// Every card's review history, stored flat.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Dataset {
    reviews: Vec<Review>,
    cards: Vec<CardSpan>,
}

impl Dataset {
    /// An empty dataset.
    pub fn new() -> Dataset {
        Dataset::default()
    }

    /// Adds a card's reviews, oldest first (`delta_t` already counted by the caller). An empty
    /// history adds nothing.
    pub fn push_card(&mut self, card_id: u64, reviews: &[Review]) -> Result<(), DatasetError> {
        let Some(first) = reviews.first() else {
            return Ok(());
        };
        if first.delta_t != 0 {
            return Err(DatasetError::FirstDeltaT { card_id });
        }
        let start = u32::try_from(self.reviews.len()).map_err(|_| DatasetError::TooLarge)?;
        let len = u32::try_from(reviews.len()).map_err(|_| DatasetError::TooLarge)?;
        start.checked_add(len).ok_or(DatasetError::TooLarge)?;
        self.reviews.extend_from_slice(reviews);
        self.cards.push(CardSpan {
            id: card_id,
            start,
            len,
        });
        Ok(())
    }

    /// Builds the dataset from log rows in any order: rows are grouped by card (cards in order
    /// of first appearance), each card's rows sorted by time (ties keep their order), and
    /// `delta_t` counted with `rule`.
    pub fn from_rows(rows: &[Row], rule: DayRule) -> Result<Dataset, DatasetError> {
        let mut checked = Vec::with_capacity(rows.len());
        for (i, row) in rows.iter().enumerate() {
            let rating = Rating::from_u8(row.rating).ok_or(DatasetError::Rating {
                row: i,
                value: row.rating,
            })?;
            checked.push((row.card_id, row.time_secs, rating));
        }
        // Cards in order of first appearance, then time, then file order (stable sort).
        let mut first_seen = std::collections::HashMap::with_capacity(rows.len() / 4 + 1);
        for (card_id, _, _) in &checked {
            let next = first_seen.len();
            first_seen.entry(*card_id).or_insert(next);
        }
        checked.sort_by_key(|&(card_id, time, _)| (first_seen[&card_id], time));
        let mut dataset = Dataset {
            reviews: Vec::with_capacity(checked.len()),
            cards: Vec::with_capacity(first_seen.len()),
        };
        let mut card_reviews = Vec::new();
        for chunk in checked.chunk_by(|a, b| a.0 == b.0) {
            card_reviews.clear();
            let mut last = chunk[0].1;
            for &(_, time, rating) in chunk {
                let delta_t = if card_reviews.is_empty() {
                    0
                } else {
                    rule.elapsed_days(last, time)
                };
                card_reviews.push(Review {
                    time,
                    delta_t,
                    rating,
                });
                last = time;
            }
            dataset.push_card(chunk[0].0, &card_reviews)?;
        }
        Ok(dataset)
    }

    /// Number of cards.
    pub fn card_count(&self) -> usize {
        self.cards.len()
    }

    /// Number of reviews.
    pub fn review_count(&self) -> usize {
        self.reviews.len()
    }

    /// Card number `card`: its id and its reviews.
    pub fn card(&self, card: usize) -> (u64, &[Review]) {
        let span = self.cards[card];
        (
            span.id,
            &self.reviews[span.start as usize..(span.start + span.len) as usize],
        )
    }

    /// Every card: its id and its reviews, in dataset order.
    pub fn cards(&self) -> impl ExactSizeIterator<Item = (u64, &[Review])> + '_ {
        (0..self.cards.len()).map(|c| self.card(c))
    }

    /// Every prediction, in time order (by review time, then card, then position), the order
    /// fsrs-rs expects its `FSRSItem`s in.
    pub fn targets(&self) -> Vec<Target> {
        let mut targets = Vec::with_capacity(self.reviews.len());
        let mut times = Vec::with_capacity(self.reviews.len());
        for (c, span) in self.cards.iter().enumerate() {
            let reviews = &self.reviews[span.start as usize..(span.start + span.len) as usize];
            for (i, review) in reviews.iter().enumerate().skip(1) {
                if review.delta_t > 0 {
                    targets.push(Target {
                        card: c as u32,
                        index: i as u32,
                    });
                    times.push(review.time);
                }
            }
        }
        // Targets are in (card, position) order, so sorting them by time with that order as
        // the tie-break is sorting one integer per target: the time since the first in the
        // high 32 bits and the target's number in the low 32 when both fit (always, for
        // logs of less than 136 years), a 128-bit key otherwise. Integers sort several times
        // quicker than tuples.
        let (Some(&first), Some(&last)) = (times.iter().min(), times.iter().max()) else {
            return targets;
        };
        let span = last.abs_diff(first);
        if span <= u64::from(u32::MAX) && targets.len() <= u32::MAX as usize {
            let mut keys: Vec<u64> = times
                .iter()
                .enumerate()
                .map(|(k, &t)| t.abs_diff(first) << 32 | k as u64)
                .collect();
            keys.sort_unstable();
            keys.iter().map(|&k| targets[k as u32 as usize]).collect()
        } else {
            let mut keys: Vec<u128> = times
                .iter()
                .enumerate()
                .map(|(k, &t)| u128::from(t.abs_diff(first)) << 64 | k as u128)
                .collect();
            keys.sort_unstable();
            keys.iter().map(|&k| targets[k as u64 as usize]).collect()
        }
    }

    /// Where card number `card`'s reviews start among all the dataset's reviews.
    pub(crate) fn card_offset(&self, card: usize) -> usize {
        self.cards[card].start as usize
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DAY: i64 = 86_400;

    #[test]
    fn rows_become_cards_with_the_chosen_day_rule() {
        // 2023-11-15 04:00 UTC, the start of an Anki day.
        let t0 = 1_700_020_800;
        let rows = [
            Row {
                card_id: 7,
                time_secs: t0 + 19 * 3600, // 23:00
                rating: 3,
            },
            Row {
                card_id: 9,
                time_secs: t0,
                rating: 1,
            },
            Row {
                card_id: 7,
                time_secs: t0 + 19 * 3600 + 10 * 3600, // 09:00 the next day
                rating: 3,
            },
            Row {
                card_id: 7,
                time_secs: t0 + 3 * DAY,
                rating: 4,
            },
        ];
        let anki = Dataset::from_rows(&rows, DayRule::default()).unwrap();
        assert_eq!(anki.card_count(), 2);
        let (id, reviews) = anki.card(0);
        assert_eq!(id, 7);
        let deltas: Vec<u32> = reviews.iter().map(|r| r.delta_t).collect();
        assert_eq!(deltas, [0, 1, 2]);
        let py = Dataset::from_rows(&rows, DayRule::WholeDays).unwrap();
        let deltas: Vec<u32> = py.card(0).1.iter().map(|r| r.delta_t).collect();
        assert_eq!(deltas, [0, 0, 1]);
        // Predictions: reviews after the first with delta_t > 0, in time order.
        assert_eq!(
            anki.targets(),
            [Target { card: 0, index: 1 }, Target { card: 0, index: 2 }]
        );
        assert_eq!(py.targets(), [Target { card: 0, index: 2 }]);
    }

    #[test]
    fn bad_ratings_and_first_reviews_are_refused() {
        let rows = [Row {
            card_id: 1,
            time_secs: 0,
            rating: 5,
        }];
        assert_eq!(
            Dataset::from_rows(&rows, DayRule::WholeDays),
            Err(DatasetError::Rating { row: 0, value: 5 })
        );
        let mut d = Dataset::new();
        let bad = Review {
            time: 0,
            delta_t: 3,
            rating: Rating::Good,
        };
        assert_eq!(
            d.push_card(4, &[bad]),
            Err(DatasetError::FirstDeltaT { card_id: 4 })
        );
        assert_eq!(d.push_card(4, &[]), Ok(()));
        assert_eq!(d.card_count(), 0);
    }
}
