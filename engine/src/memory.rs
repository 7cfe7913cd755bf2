//! The FSRS-6 memory model: stability, difficulty and retrievability.
//!
//! Each formula is a small function named after the paper's quantity (see the FSRS wiki,
//! "The Algorithm", FSRS-6), written as fsrs-rs writes it so the two can be compared line by
//! line. Stability is in days; difficulty lies in [1, 10].

use crate::math::{exp, powf};
use crate::parameters::{Parameters, STABILITY_MIN};
use crate::rating::Rating;

/// Largest stability, as in fsrs-rs (100 years).
pub(crate) const STABILITY_MAX: f32 = 36_500.0;
const DIFFICULTY_MIN: f32 = 1.0;
const DIFFICULTY_MAX: f32 = 10.0;

/// What FSRS knows about one card's memory.
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct MemoryState {
    /// Days until retrievability falls to 90 %.
    pub stability: f32,
    /// How hard the card is, 1 (easy) to 10 (hard).
    pub difficulty: f32,
}

/// The model: the parameters with the forgetting curve's constants worked out once.
#[derive(Debug, Clone, Copy)]
pub struct MemoryModel {
    w: [f32; 21],
    decay: f32,
    factor: f32,
    // Constants of the formulas, worked out once: e^w8, D0(4), e^(w17·w18).
    exp_w8: f32,
    d0_easy: f32,
    short_term_divisor: f32,
}

impl MemoryModel {
    /// A model over a checked parameter set.
    pub fn new(parameters: &Parameters) -> MemoryModel {
        let w = *parameters.as_array();
        let decay = -w[20];
        // R(S, S) = 0.9 by definition of stability.
        let factor = powf(0.9, 1.0 / decay) - 1.0;
        MemoryModel {
            w,
            decay,
            factor,
            exp_w8: exp(w[8]),
            d0_easy: w[4] - exp(w[5] * 3.0) + 1.0,
            short_term_divisor: exp(w[17] * w[18]),
        }
    }

    /// The parameters' values.
    pub fn weights(&self) -> &[f32; 21] {
        &self.w
    }

    /// Probability of recall `elapsed_days` after the last review: R(t, S).
    #[inline]
    pub fn retrievability(&self, elapsed_days: f32, stability: f32) -> f32 {
        powf(1.0 + self.factor * elapsed_days / stability, self.decay)
    }

    /// The unrounded interval (days) at which R falls to `desired_retention`.
    #[inline]
    pub fn interval(&self, stability: f32, desired_retention: f32) -> f32 {
        stability * self.interval_multiplier(desired_retention)
    }

    /// I(r, S) / S: the interval is proportional to stability for a given retention.
    #[inline]
    pub fn interval_multiplier(&self, desired_retention: f32) -> f32 {
        (powf(desired_retention, 1.0 / self.decay) - 1.0) / self.factor
    }

    /// The memory state after a first review.
    #[inline]
    pub fn initial(&self, rating: Rating) -> MemoryState {
        MemoryState {
            stability: self.initial_stability(rating),
            difficulty: self
                .initial_difficulty(rating)
                .clamp(DIFFICULTY_MIN, DIFFICULTY_MAX),
        }
    }

    /// The memory state after reviewing a known card `elapsed_days` whole days after its last
    /// review. A same-day review (`elapsed_days == 0`) uses the short-term stability formula.
    #[inline]
    pub fn next(&self, state: MemoryState, elapsed_days: u32, rating: Rating) -> MemoryState {
        let s = state.stability.clamp(STABILITY_MIN, STABILITY_MAX);
        let d = state.difficulty.clamp(DIFFICULTY_MIN, DIFFICULTY_MAX);
        let stability = if elapsed_days == 0 {
            self.stability_short_term(s, rating)
        } else {
            let r = self.retrievability(elapsed_days as f32, s);
            if rating == Rating::Again {
                self.stability_after_failure(s, d, r)
            } else {
                self.stability_after_success(s, d, r, rating)
            }
        };
        MemoryState {
            stability: stability.clamp(STABILITY_MIN, STABILITY_MAX),
            difficulty: self.next_difficulty(d, rating),
        }
    }

    /// The memory states for all four ratings at once: difficulty terms and R are shared.
    #[inline]
    pub fn next_all(&self, state: Option<MemoryState>, elapsed_days: u32) -> [MemoryState; 4] {
        match state {
            None => Rating::ALL.map(|r| self.initial(r)),
            Some(state) => {
                let s = state.stability.clamp(STABILITY_MIN, STABILITY_MAX);
                let d = state.difficulty.clamp(DIFFICULTY_MIN, DIFFICULTY_MAX);
                let difficulty = Rating::ALL.map(|r| self.next_difficulty(d, r));
                let stability = if elapsed_days == 0 {
                    // S^-w19 and e^(w17·w18) are shared by the four short-term outcomes.
                    let base = s * powf(s, -self.w[19]);
                    let w17 = self.w[17];
                    let w18 = self.w[18];
                    [1.0f32, 2.0, 3.0, 4.0].map(|g| {
                        let sinc_s = exp(w17 * (g - 3.0 + w18)) * base;
                        if g >= 2.0 {
                            sinc_s.max(s)
                        } else {
                            sinc_s
                        }
                    })
                } else {
                    let r = self.retrievability(elapsed_days as f32, s);
                    let fail = self.stability_after_failure(s, d, r);
                    // The recall formula's common factor, computed once.
                    let growth = self.exp_w8
                        * (11.0 - d)
                        * powf(s, -self.w[9])
                        * (exp((1.0 - r) * self.w[10]) - 1.0);
                    [
                        fail,
                        s * (growth * self.w[15] + 1.0),
                        s * (growth + 1.0),
                        s * (growth * self.w[16] + 1.0),
                    ]
                };
                [0, 1, 2, 3].map(|i| MemoryState {
                    stability: stability[i].clamp(STABILITY_MIN, STABILITY_MAX),
                    difficulty: difficulty[i],
                })
            }
        }
    }

    /// S0(G) = w[G-1].
    #[inline]
    fn initial_stability(&self, rating: Rating) -> f32 {
        self.w[rating.index()].max(STABILITY_MIN)
    }

    /// D0(G) = w4 − e^(w5·(G−1)) + 1, unclamped (mean reversion targets the unclamped D0(4)).
    #[inline]
    fn initial_difficulty(&self, rating: Rating) -> f32 {
        self.w[4] - exp(self.w[5] * (rating.as_u8() as f32 - 1.0)) + 1.0
    }

    /// D' = w7·D0(4) + (1 − w7)·(D + ΔD·(10 − D)/9), ΔD = −w6·(G − 3), clamped to [1, 10].
    #[inline]
    fn next_difficulty(&self, d: f32, rating: Rating) -> f32 {
        let delta = -self.w[6] * (rating.as_u8() as f32 - 3.0);
        // Linear damping: the closer to 10, the smaller the step.
        let damped = d + (10.0 - d) * delta / 9.0;
        let reverted = self.w[7] * (self.d0_easy - damped) + damped;
        reverted.clamp(DIFFICULTY_MIN, DIFFICULTY_MAX)
    }

    /// S'r = S·(e^w8·(11 − D)·S^−w9·(e^(w10·(1 − R)) − 1)·hard·easy + 1).
    #[inline]
    fn stability_after_success(&self, s: f32, d: f32, r: f32, rating: Rating) -> f32 {
        let hard_penalty = if rating == Rating::Hard {
            self.w[15]
        } else {
            1.0
        };
        let easy_bonus = if rating == Rating::Easy {
            self.w[16]
        } else {
            1.0
        };
        s * (self.exp_w8
            * (11.0 - d)
            * powf(s, -self.w[9])
            * (exp((1.0 - r) * self.w[10]) - 1.0)
            * hard_penalty
            * easy_bonus
            + 1.0)
    }

    /// S'f = min(w11·D^−w12·((S + 1)^w13 − 1)·e^(w14·(1 − R)), S / e^(w17·w18)).
    #[inline]
    fn stability_after_failure(&self, s: f32, d: f32, r: f32) -> f32 {
        let long_term = self.w[11]
            * powf(d, -self.w[12])
            * (powf(s + 1.0, self.w[13]) - 1.0)
            * exp((1.0 - r) * self.w[14]);
        let short_term_cap = s / self.short_term_divisor;
        long_term.min(short_term_cap)
    }

    /// Same-day review: S' = S·e^(w17·(G − 3 + w18))·S^−w19, never shrinking on a recall.
    #[inline]
    fn stability_short_term(&self, s: f32, rating: Rating) -> f32 {
        let sinc =
            exp(self.w[17] * (rating.as_u8() as f32 - 3.0 + self.w[18])) * powf(s, -self.w[19]);
        let sinc = if rating.is_recall() {
            sinc.max(1.0)
        } else {
            sinc
        };
        s * sinc
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn model() -> MemoryModel {
        MemoryModel::new(&Parameters::default())
    }

    #[test]
    fn retrievability_is_ninety_percent_at_stability() {
        let m = model();
        for s in [0.5f32, 1.0, 10.0, 365.0] {
            assert!((m.retrievability(s, s) - 0.9).abs() < 1e-5);
        }
        assert_eq!(m.retrievability(0.0, 3.0), 1.0);
    }

    #[test]
    fn next_all_agrees_with_next() {
        let m = model();
        let state = MemoryState {
            stability: 7.3,
            difficulty: 5.2,
        };
        for elapsed in [0u32, 1, 5, 30, 400] {
            let all = m.next_all(Some(state), elapsed);
            for r in Rating::ALL {
                let one = m.next(state, elapsed, r);
                let both = all[r.index()];
                assert!(
                    (one.stability - both.stability).abs() <= 1e-5 * one.stability,
                    "{elapsed} {r:?}"
                );
                assert_eq!(one.difficulty, both.difficulty);
            }
        }
        let first = m.next_all(None, 0);
        assert_eq!(first[0].stability, 0.212);
        assert_eq!(first[3].stability, 8.2956);
    }
}
