//! Interval fuzz: spreading reviews so that cards learned together do not stay together.

use rand_core::{Infallible, TryRng};

/// Bounds of the fuzzed interval for an interval of `days`, as py-fsrs and Anki compute them:
/// ±15 % between 2.5 and 7 days, ±10 % from 7 to 20, ±5 % beyond, plus one day.
pub fn fuzz_range(days: u32, maximum_interval: u32) -> (u32, u32) {
    const RANGES: [(f32, f32, f32); 3] =
        [(2.5, 7.0, 0.15), (7.0, 20.0, 0.1), (20.0, f32::MAX, 0.05)];
    let ivl = days as f32;
    let mut delta = 1.0f32;
    for (start, end, factor) in RANGES {
        delta += factor * (ivl.min(end) - start).max(0.0);
    }
    let lower = crate::math::round(ivl - delta).max(2.0) as u32;
    let upper = (crate::math::round(ivl + delta) as u32).min(maximum_interval);
    (lower.min(upper), upper)
}

/// A fuzzed interval: uniform over [`fuzz_range`], drawn from `unit` in [0, 1).
///
/// Intervals under 2.5 days are not fuzzed. Anki draws with `floor` (uniform over the range);
/// py-fsrs rounds, which can land one day past the upper bound: carnet follows Anki.
pub fn fuzzed_interval(days: u32, maximum_interval: u32, unit: f32) -> u32 {
    if (days as f32) < 2.5 {
        return days;
    }
    let (lower, upper) = fuzz_range(days, maximum_interval);
    let span = (upper - lower + 1) as f32;
    let offset = crate::math::floor(unit.clamp(0.0, 0.999_999) * span) as u32;
    (lower + offset).min(upper)
}

/// Turns 32 random bits into a float in [0, 1).
pub(crate) fn unit_from_bits(bits: u32) -> f32 {
    (bits >> 8) as f32 / (1u32 << 24) as f32
}

/// A small deterministic RNG (SplitMix64) seeded from a card and a review time.
///
/// Replaying the review log must give the same due dates as when the reviews were made, so the
/// fuzz of a review is drawn from this generator seeded with what the log stores.
#[derive(Debug, Clone)]
pub struct SeededFuzz {
    state: u64,
}

impl SeededFuzz {
    /// The generator for the review of `card` at `time_secs`.
    pub fn for_review(card: crate::card::CardId, time_secs: i64) -> SeededFuzz {
        SeededFuzz {
            state: card.0 ^ (time_secs as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15),
        }
    }

    /// A generator from a raw seed.
    pub fn from_seed(seed: u64) -> SeededFuzz {
        SeededFuzz { state: seed }
    }
}

impl TryRng for SeededFuzz {
    type Error = Infallible;

    fn try_next_u32(&mut self) -> Result<u32, Infallible> {
        Ok((self.try_next_u64()? >> 32) as u32)
    }

    fn try_next_u64(&mut self) -> Result<u64, Infallible> {
        self.state = self.state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        Ok(z ^ (z >> 31))
    }

    fn try_fill_bytes(&mut self, dst: &mut [u8]) -> Result<(), Infallible> {
        for chunk in dst.chunks_mut(8) {
            let bytes = self.try_next_u64()?.to_le_bytes();
            chunk.copy_from_slice(&bytes[..chunk.len()]);
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand_core::Rng;

    #[test]
    fn ranges_match_py_fsrs() {
        // Values worked out from py-fsrs's `_get_fuzz_range`.
        assert_eq!(fuzz_range(3, 36500), (2, 4));
        assert_eq!(fuzz_range(10, 36500), (8, 12));
        assert_eq!(fuzz_range(100, 36500), (93, 107));
        assert_eq!(fuzz_range(36500, 36500), (34673, 36500));
        assert_eq!(fuzzed_interval(2, 36500, 0.99), 2);
    }

    #[test]
    fn fuzz_covers_the_whole_range_uniformly() {
        let mut rng = SeededFuzz::from_seed(7);
        let mut seen = [0u32; 15];
        for _ in 0..15_000 {
            let d = fuzzed_interval(100, 36500, unit_from_bits(rng.next_u32()));
            assert!((93..=107).contains(&d));
            seen[(d - 93) as usize] += 1;
        }
        assert!(seen.iter().all(|&n| n > 800), "{seen:?}");
    }
}
