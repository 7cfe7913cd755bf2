//! The four grades a learner gives a card.

/// How well a card was recalled, as on Anki's four buttons.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
#[repr(u8)]
pub enum Rating {
    /// Forgotten.
    Again = 1,
    /// Recalled with serious difficulty.
    Hard = 2,
    /// Recalled after a hesitation.
    Good = 3,
    /// Recalled perfectly.
    Easy = 4,
}

impl Rating {
    /// All four ratings, in button order.
    pub const ALL: [Rating; 4] = [Rating::Again, Rating::Hard, Rating::Good, Rating::Easy];

    /// The rating for a button number 1–4, or `None`.
    pub const fn from_u8(value: u8) -> Option<Rating> {
        match value {
            1 => Some(Rating::Again),
            2 => Some(Rating::Hard),
            3 => Some(Rating::Good),
            4 => Some(Rating::Easy),
            _ => None,
        }
    }

    /// The button number, 1–4.
    pub const fn as_u8(self) -> u8 {
        self as u8
    }

    /// Position in [`Rating::ALL`] (0–3).
    pub const fn index(self) -> usize {
        self as usize - 1
    }

    /// Whether the card counts as recalled (anything but `Again`).
    pub const fn is_recall(self) -> bool {
        !matches!(self, Rating::Again)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_through_u8() {
        for r in Rating::ALL {
            assert_eq!(Rating::from_u8(r.as_u8()), Some(r));
            assert_eq!(Rating::ALL[r.index()], r);
        }
        assert_eq!(Rating::from_u8(0), None);
        assert_eq!(Rating::from_u8(5), None);
        assert!(!Rating::Again.is_recall());
        assert!(Rating::Hard.is_recall());
    }
}
