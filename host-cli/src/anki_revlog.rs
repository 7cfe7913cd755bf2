//! Which entries of an Anki card's review log count for its memory state, by the rules of
//! Anki's FSRS (`reviews_for_fsrs` in Anki's `rslib/src/scheduler/fsrs/params.rs`, when
//! computing memory states): the history starts at the card's last group of learning steps
//! (what came before a "Forget" or a reset is dropped), and entries with no grade, "set due
//! date", reschedules and reviews in a filtered deck with rescheduling off are left out.

/// `revlog.type`: how a review log entry was made.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReviewKind {
    /// A learning step (type 0).
    Learning,
    /// A review (type 1).
    Review,
    /// A relearning step after a lapse (type 2).
    Relearning,
    /// A review in a filtered deck (type 3).
    Filtered,
    /// A manual change: "set due date", "forget", reset (type 4).
    Manual,
    /// A reschedule by the FSRS helper or a change of parameters (type 5).
    Rescheduled,
}

impl ReviewKind {
    /// The kind of a `revlog.type` value; `None` for a value Anki does not write.
    pub fn from_type(t: i64) -> Option<ReviewKind> {
        Some(match t {
            0 => ReviewKind::Learning,
            1 => ReviewKind::Review,
            2 => ReviewKind::Relearning,
            3 => ReviewKind::Filtered,
            4 => ReviewKind::Manual,
            5 => ReviewKind::Rescheduled,
            _ => return None,
        })
    }
}

/// One row of Anki's `revlog` table, as far as scheduling goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RevlogEntry {
    /// Its id: the time of the review in milliseconds since the Unix epoch.
    pub id: i64,
    /// The button pressed: 1 (Again) to 4 (Easy), 0 for an entry without a grade.
    pub ease: u8,
    /// How it was made.
    pub kind: ReviewKind,
    /// The ease factor in per mille (0 for a reset, or a cram review without rescheduling).
    pub factor: i64,
    /// How long the answer took, in milliseconds.
    pub taken_ms: u32,
}

impl RevlogEntry {
    fn graded(&self) -> bool {
        matches!(self.ease, 1..=4)
    }

    fn cram(&self) -> bool {
        self.kind == ReviewKind::Filtered && self.factor == 0
    }
}

/// What Anki's FSRS keeps of one card's entries (given in time order).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct KeptHistory {
    /// The graded entries that count, in time order.
    pub reviews: Vec<RevlogEntry>,
    /// Whether the history starts with a learning step: when it does not (the card was
    /// reset and then reviewed without learning steps, or its first reviews were deleted),
    /// Anki starts from the card's SM-2 interval and ease where carnet starts from the
    /// first review kept.
    pub complete: bool,
    /// Time of the first entry of the span considered (entries before it are dropped, a
    /// reset among them); `None` when nothing counts.
    pub starts_ms: Option<i64>,
}

/// The entries of one card's history that count, by Anki's rules.
pub fn kept(entries: &[RevlogEntry]) -> KeptHistory {
    let mut first_of_last_learning: Option<usize> = None;
    let mut first_graded: Option<usize> = None;
    let mut complete = false;
    for (index, e) in entries.iter().enumerate().rev() {
        if e.cram() {
            continue;
        }
        if e.graded() {
            first_graded = Some(index);
        }
        if e.graded() && e.kind == ReviewKind::Learning {
            first_of_last_learning = Some(index);
            complete = true;
        } else if first_of_last_learning.is_some() {
            break;
        } else if e.kind == ReviewKind::Manual && e.factor == 0 {
            // A reset: what comes before it does not count.
            if first_graded.is_some() {
                complete = false;
                break;
            }
            return KeptHistory::default();
        }
    }
    let start = match first_of_last_learning.or(first_graded) {
        Some(i) => i,
        None => return KeptHistory::default(),
    };
    let reviews: Vec<RevlogEntry> = entries[start..]
        .iter()
        .filter(|e| {
            !(e.kind == ReviewKind::Manual
                || !e.graded()
                || e.cram()
                || e.kind == ReviewKind::Rescheduled)
        })
        .copied()
        .collect();
    KeptHistory {
        starts_ms: Some(entries[start].id),
        complete: complete && !reviews.is_empty(),
        reviews,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ReviewKind::*;

    fn e(day: i64, kind: ReviewKind) -> RevlogEntry {
        RevlogEntry {
            id: day * 86_400_000,
            ease: 3,
            kind,
            factor: 2500,
            taken_ms: 1000,
        }
    }

    fn days(k: &KeptHistory) -> Vec<i64> {
        k.reviews.iter().map(|r| r.id / 86_400_000).collect()
    }

    #[test]
    fn cram_set_due_date_and_reschedules_are_left_out() {
        let mut cram = e(3, Filtered);
        cram.factor = 0;
        let set_due = RevlogEntry {
            ease: 0,
            ..e(4, Manual)
        };
        let resched = RevlogEntry {
            ease: 0,
            ..e(5, Rescheduled)
        };
        let k = kept(&[
            e(1, Learning),
            e(2, Review),
            cram,
            set_due,
            resched,
            e(6, Review),
        ]);
        assert_eq!(days(&k), [1, 2, 6]);
        assert!(k.complete);
        // A review in a filtered deck that reschedules (factor kept) counts.
        let k = kept(&[e(1, Learning), e(2, Filtered)]);
        assert_eq!(days(&k), [1, 2]);
    }

    #[test]
    fn a_reset_drops_the_history_before_it() {
        let reset = RevlogEntry {
            ease: 0,
            factor: 0,
            ..e(3, Manual)
        };
        let k = kept(&[
            e(1, Learning),
            e(2, Review),
            reset,
            e(4, Learning),
            e(5, Review),
        ]);
        assert_eq!(days(&k), [4, 5]);
        assert!(k.complete);
        assert_eq!(k.starts_ms, Some(4 * 86_400_000));
        // Reset and not graded since: nothing counts.
        let k = kept(&[e(1, Learning), e(2, Review), reset]);
        assert_eq!(k, KeptHistory::default());
        // Reset then reviewed without learning: the reviews after it, incomplete.
        let k = kept(&[
            e(1, Learning),
            e(2, Review),
            reset,
            e(4, Review),
            e(5, Relearning),
        ]);
        assert_eq!(days(&k), [4, 5]);
        assert!(!k.complete);
    }

    #[test]
    fn the_last_group_of_learning_steps_starts_the_history() {
        let k = kept(&[
            e(1, Learning),
            e(1, Learning),
            e(2, Review),
            e(9, Learning),
            e(10, Review),
        ]);
        assert_eq!(days(&k), [9, 10]);
        let k = kept(&[e(1, Review), e(2, Review)]);
        assert_eq!(days(&k), [1, 2]);
        assert!(!k.complete);
        assert_eq!(kept(&[]), KeptHistory::default());
    }
}
