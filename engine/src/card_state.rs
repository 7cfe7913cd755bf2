//! A card's scheduling state, packed in 16 bytes.

use crate::memory::MemoryState;

/// Where a card stands in its life cycle.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
#[repr(u8)]
pub enum Phase {
    /// Never reviewed.
    New = 0,
    /// Going through the learning steps after its first review.
    Learning = 1,
    /// Graduated: scheduled in whole days by FSRS.
    Review = 2,
    /// Forgotten in review; going through the relearning steps.
    Relearning = 3,
}

const PHASE_SHIFT: u32 = 30;
const SUSPENDED_BIT: u32 = 1 << 29;
const STEP_SHIFT: u32 = 24;
const STEP_MASK: u32 = 0x1f;
/// The largest delay field: seconds in (re)learning (≈ 194 days), days in review.
pub(crate) const DELAY_MAX: u32 = (1 << 24) - 1;
const SECONDS_PER_DAY: i64 = 86_400;

/// The scheduling state of one card: memory, last review, and when it is due.
///
/// Kept to 16 bytes so that a device can hold the states of thousands of cards: stability and
/// difficulty (`f32`), the last review (seconds since the Unix epoch, `u32`: 1970 to 2106), and
/// one word holding the phase, a suspended flag, the learning step and the delay until due
/// (seconds while learning, days in review).
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct CardState {
    stability: f32,
    difficulty: f32,
    last_review: u32,
    packed: u32,
}

impl Default for CardState {
    fn default() -> Self {
        CardState::NEW
    }
}

impl CardState {
    /// A card never reviewed.
    pub const NEW: CardState = CardState {
        stability: 0.0,
        difficulty: 0.0,
        last_review: 0,
        packed: 0,
    };

    /// A reviewed card's state. `delay` is in seconds for (re)learning and in days for review;
    /// it saturates at the field's limit.
    pub(crate) fn reviewed(
        memory: MemoryState,
        last_review: i64,
        phase: Phase,
        step: u8,
        delay: u32,
    ) -> CardState {
        let packed = ((phase as u32) << PHASE_SHIFT)
            | ((step as u32 & STEP_MASK) << STEP_SHIFT)
            | delay.min(DELAY_MAX);
        CardState {
            stability: memory.stability,
            difficulty: memory.difficulty,
            last_review: last_review.clamp(0, u32::MAX as i64) as u32,
            packed,
        }
    }

    /// The card's phase.
    pub fn phase(&self) -> Phase {
        match self.packed >> PHASE_SHIFT {
            0 => Phase::New,
            1 => Phase::Learning,
            2 => Phase::Review,
            _ => Phase::Relearning,
        }
    }

    /// Whether the card was never reviewed.
    pub fn is_new(&self) -> bool {
        self.phase() == Phase::New
    }

    /// The index of the current (re)learning step.
    pub fn step(&self) -> u8 {
        ((self.packed >> STEP_SHIFT) & STEP_MASK) as u8
    }

    /// Whether the learner has suspended the card (it is then never queued).
    pub fn is_suspended(&self) -> bool {
        self.packed & SUSPENDED_BIT != 0
    }

    /// Suspends or restores the card, keeping its schedule.
    pub fn set_suspended(&mut self, suspended: bool) {
        if suspended {
            self.packed |= SUSPENDED_BIT;
        } else {
            self.packed &= !SUSPENDED_BIT;
        }
    }

    /// Memory state, or `None` for a new card.
    pub fn memory(&self) -> Option<MemoryState> {
        (!self.is_new()).then_some(MemoryState {
            stability: self.stability,
            difficulty: self.difficulty,
        })
    }

    /// Time of the last review (seconds since the Unix epoch), or `None` for a new card.
    pub fn last_review(&self) -> Option<i64> {
        (!self.is_new()).then_some(self.last_review as i64)
    }

    fn delay(&self) -> u32 {
        self.packed & DELAY_MAX
    }

    /// Scheduled interval in whole days for a card in review, 0 otherwise.
    pub fn interval_days(&self) -> u32 {
        if self.phase() == Phase::Review {
            self.delay()
        } else {
            0
        }
    }

    /// Seconds from the last review to the due time.
    pub fn scheduled_secs(&self) -> i64 {
        match self.phase() {
            Phase::New => 0,
            Phase::Review => self.delay() as i64 * SECONDS_PER_DAY,
            Phase::Learning | Phase::Relearning => self.delay() as i64,
        }
    }

    /// When the card is due (seconds since the Unix epoch); `None` for a new card.
    pub fn due(&self) -> Option<i64> {
        self.last_review().map(|last| last + self.scheduled_secs())
    }

    /// The state as 16 bytes (little endian: stability, difficulty, last review, packed
    /// word), for files that keep states between runs (a start-up snapshot).
    pub fn to_bytes(&self) -> [u8; 16] {
        let mut b = [0u8; 16];
        b[0..4].copy_from_slice(&self.stability.to_le_bytes());
        b[4..8].copy_from_slice(&self.difficulty.to_le_bytes());
        b[8..12].copy_from_slice(&self.last_review.to_le_bytes());
        b[12..16].copy_from_slice(&self.packed.to_le_bytes());
        b
    }

    /// A state from [`CardState::to_bytes`]; `None` if the memory values are not finite or
    /// a new card's fields are not all zero (bytes that no state gives).
    pub fn from_bytes(b: [u8; 16]) -> Option<CardState> {
        let word = |i: usize| [b[i], b[i + 1], b[i + 2], b[i + 3]];
        let state = CardState {
            stability: f32::from_le_bytes(word(0)),
            difficulty: f32::from_le_bytes(word(4)),
            last_review: u32::from_le_bytes(word(8)),
            packed: u32::from_le_bytes(word(12)),
        };
        let finite = state.stability.is_finite() && state.difficulty.is_finite();
        let mut unsuspended = state;
        unsuspended.set_suspended(false);
        let new_is_blank = !state.is_new() || unsuspended == CardState::NEW;
        (finite && new_is_blank).then_some(state)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bytes_round_trip_and_junk_is_refused() {
        let m = MemoryState {
            stability: 3.5,
            difficulty: 6.25,
        };
        let mut state = CardState::reviewed(m, 1_700_000_000, Phase::Relearning, 2, 600);
        state.set_suspended(true);
        assert_eq!(CardState::from_bytes(state.to_bytes()), Some(state));
        assert_eq!(
            CardState::from_bytes(CardState::NEW.to_bytes()),
            Some(CardState::NEW)
        );
        let mut nan = state.to_bytes();
        nan[0..4].copy_from_slice(&f32::NAN.to_le_bytes());
        assert_eq!(CardState::from_bytes(nan), None);
        let mut odd_new = CardState::NEW.to_bytes();
        odd_new[8] = 1;
        assert_eq!(CardState::from_bytes(odd_new), None);
    }

    #[test]
    fn is_at_most_sixteen_bytes() {
        assert!(core::mem::size_of::<CardState>() <= 16);
        assert_eq!(core::mem::size_of::<CardState>(), 16);
    }

    #[test]
    fn packs_and_unpacks() {
        let m = MemoryState {
            stability: 3.5,
            difficulty: 6.25,
        };
        let mut s = CardState::reviewed(m, 1_700_000_000, Phase::Relearning, 3, 600);
        assert_eq!(s.phase(), Phase::Relearning);
        assert_eq!(s.step(), 3);
        assert_eq!(s.memory(), Some(m));
        assert_eq!(s.due(), Some(1_700_000_600));
        assert!(!s.is_suspended());
        s.set_suspended(true);
        assert!(s.is_suspended());
        assert_eq!(s.phase(), Phase::Relearning);
        assert_eq!(s.step(), 3);
        s.set_suspended(false);
        assert!(!s.is_suspended());

        let r = CardState::reviewed(m, 1_700_000_000, Phase::Review, 0, 36_500);
        assert_eq!(r.interval_days(), 36_500);
        assert_eq!(r.due(), Some(1_700_000_000 + 36_500 * 86_400));
        assert_eq!(CardState::NEW.due(), None);
        assert_eq!(CardState::NEW.memory(), None);
    }
}
