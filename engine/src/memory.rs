//! The FSRS-6 memory model: stability, difficulty and retrievability.
//!
//! Each formula is a small function named after the paper's quantity (see the FSRS wiki,
//! "The Algorithm", FSRS-6), written as fsrs-rs writes it so the two can be compared line by
//! line. Stability is in days; difficulty lies in [1, 10].

use crate::math::{exp, pow4, powf};
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
    ///
    /// Computes only what `rating` needs, with the same expressions as
    /// [`MemoryModel::next_all`], so both give the same numbers to the last bit (tested).
    #[inline]
    pub fn next(&self, state: MemoryState, elapsed_days: u32, rating: Rating) -> MemoryState {
        let s = state.stability.clamp(STABILITY_MIN, STABILITY_MAX);
        let d = state.difficulty.clamp(DIFFICULTY_MIN, DIFFICULTY_MAX);
        let g3 = rating.as_u8() as f32 - 3.0;
        let stability = if elapsed_days == 0 {
            self.short_term(s, powf(s, -self.w[19]), g3)
        } else {
            let r = self.retrievability(elapsed_days as f32, s);
            match rating {
                Rating::Again => {
                    self.after_failure(s, r, powf(d, -self.w[12]), powf(s + 1.0, self.w[13]))
                }
                _ => self.after_success(s, self.growth(d, r, powf(s, -self.w[9])), rating),
            }
        };
        MemoryState {
            stability: stability.clamp(STABILITY_MIN, STABILITY_MAX),
            difficulty: self.next_difficulty(d, (10.0 - d) * -self.w[6] / 9.0, g3),
        }
    }

    /// The memory states for all four ratings at once: difficulty terms, R and the powers of S
    /// and D are shared.
    #[inline]
    pub fn next_all(&self, state: Option<MemoryState>, elapsed_days: u32) -> [MemoryState; 4] {
        let Some(state) = state else {
            return Rating::ALL.map(|r| self.initial(r));
        };
        let s = state.stability.clamp(STABILITY_MIN, STABILITY_MAX);
        let d = state.difficulty.clamp(DIFFICULTY_MIN, DIFFICULTY_MAX);
        let damping = (10.0 - d) * -self.w[6] / 9.0;
        let stability = if elapsed_days == 0 {
            let s_w19 = powf(s, -self.w[19]);
            [-2.0f32, -1.0, 0.0, 1.0].map(|g3| self.short_term(s, s_w19, g3))
        } else {
            let [r, s_w9, d_w12, s1_w13] = pow4(
                [1.0 + self.factor * elapsed_days as f32 / s, s, d, s + 1.0],
                [self.decay, -self.w[9], -self.w[12], self.w[13]],
            );
            let growth = self.growth(d, r, s_w9);
            [
                self.after_failure(s, r, d_w12, s1_w13),
                self.after_success(s, growth, Rating::Hard),
                self.after_success(s, growth, Rating::Good),
                self.after_success(s, growth, Rating::Easy),
            ]
        };
        [-2.0f32, -1.0, 0.0, 1.0].map(|g3| MemoryState {
            stability: stability[(g3 + 2.0) as usize].clamp(STABILITY_MIN, STABILITY_MAX),
            difficulty: self.next_difficulty(d, damping, g3),
        })
    }

    /// D' = w7·D0(4) + (1 − w7)·(D + ΔD·(10 − D)/9), ΔD = −w6·(G − 3), clamped to [1, 10].
    /// `damping` is (10 − D)·(−w6)/9 and `g3` is G − 3.
    #[inline(always)]
    fn next_difficulty(&self, d: f32, damping: f32, g3: f32) -> f32 {
        let damped = d + damping * g3;
        (self.w[7] * (self.d0_easy - damped) + damped).clamp(DIFFICULTY_MIN, DIFFICULTY_MAX)
    }

    /// Same day: S' = S·e^(w17·(G − 3 + w18))·S^−w19, never shrinking on a recall.
    #[inline(always)]
    fn short_term(&self, s: f32, s_w19: f32, g3: f32) -> f32 {
        let short = exp(self.w[17] * (g3 + self.w[18])) * (s * s_w19);
        if g3 > -2.0 {
            short.max(s)
        } else {
            short
        }
    }

    /// The recall formula's common factor: e^w8·(11 − D)·S^−w9·(e^(w10·(1 − R)) − 1).
    #[inline(always)]
    fn growth(&self, d: f32, r: f32, s_w9: f32) -> f32 {
        self.exp_w8 * (11.0 - d) * s_w9 * (exp((1.0 - r) * self.w[10]) - 1.0)
    }

    /// S'r = S·(growth·hard·easy + 1), hard = w15 for Hard, easy = w16 for Easy.
    #[inline(always)]
    fn after_success(&self, s: f32, growth: f32, rating: Rating) -> f32 {
        let bonus = match rating {
            Rating::Hard => self.w[15],
            Rating::Easy => self.w[16],
            _ => 1.0,
        };
        s * (growth * bonus + 1.0)
    }

    /// S'f = min(w11·D^−w12·((S + 1)^w13 − 1)·e^(w14·(1 − R)), S / e^(w17·w18)).
    #[inline(always)]
    fn after_failure(&self, s: f32, r: f32, d_w12: f32, s1_w13: f32) -> f32 {
        (self.w[11] * d_w12 * (s1_w13 - 1.0) * exp((1.0 - r) * self.w[14]))
            .min(s / self.short_term_divisor)
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

    /// The FSRS-6 formulas written out plainly in f64, one rating at a time.
    fn reference(w: &[f32; 21], s: f64, d: f64, t: u32, g: f64) -> (f64, f64) {
        let w: [f64; 21] = w.map(|x| x as f64);
        let decay = -w[20];
        let factor = 0.9f64.powf(1.0 / decay) - 1.0;
        let d0 = |g: f64| w[4] - (w[5] * (g - 1.0)).exp() + 1.0;
        let delta = -w[6] * (g - 3.0);
        let damped = d + (10.0 - d) * delta / 9.0;
        let new_d = (w[7] * d0(4.0) + (1.0 - w[7]) * damped).clamp(1.0, 10.0);
        let new_s = if t == 0 {
            let sinc = (w[17] * (g - 3.0 + w[18])).exp() * s.powf(-w[19]);
            s * if g >= 2.0 { sinc.max(1.0) } else { sinc }
        } else {
            let r = (1.0 + factor * t as f64 / s).powf(decay);
            if g == 1.0 {
                let long = w[11]
                    * d.powf(-w[12])
                    * ((s + 1.0).powf(w[13]) - 1.0)
                    * ((1.0 - r) * w[14]).exp();
                long.min(s / (w[17] * w[18]).exp())
            } else {
                let hard = if g == 2.0 { w[15] } else { 1.0 };
                let easy = if g == 4.0 { w[16] } else { 1.0 };
                s * (w[8].exp()
                    * (11.0 - d)
                    * s.powf(-w[9])
                    * (((1.0 - r) * w[10]).exp() - 1.0)
                    * hard
                    * easy
                    + 1.0)
            }
        };
        (new_s.clamp(0.001, 36_500.0), new_d)
    }

    #[test]
    fn next_all_agrees_with_the_formulas_in_f64() {
        let m = model();
        let mut worst = 0.0f64;
        for s in [0.01f32, 0.3, 1.0, 2.5, 7.3, 40.0, 365.0, 4000.0] {
            for d in [1.0f32, 2.2, 5.2, 8.9, 10.0] {
                for t in [0u32, 1, 2, 5, 30, 100, 1000, 10_000] {
                    let all = m.next_all(
                        Some(MemoryState {
                            stability: s,
                            difficulty: d,
                        }),
                        t,
                    );
                    for r in Rating::ALL {
                        let (rs, rd) =
                            reference(m.weights(), s as f64, d as f64, t, r.as_u8() as f64);
                        let got = all[r.index()];
                        let gap = ((got.stability as f64 - rs) / rs)
                            .abs()
                            .max(((got.difficulty as f64 - rd) / rd).abs());
                        worst = worst.max(gap);
                        // f32 throughout, as fsrs-rs: (S + 1)^w13 − 1 cancels for tiny S (≈ 1e-5 there).
                        assert!(
                            gap < 3e-5,
                            "S {s} D {d} t {t} {r:?}: {got:?} vs ({rs}, {rd})"
                        );
                        assert_eq!(
                            m.next(
                                MemoryState {
                                    stability: s,
                                    difficulty: d
                                },
                                t,
                                r
                            ),
                            got
                        );
                    }
                }
            }
        }
        assert!(worst > 0.0, "compared nothing");
        let first = m.next_all(None, 0);
        assert_eq!(first[0].stability, 0.212);
        assert_eq!(first[3].stability, 8.2956);
    }
}
