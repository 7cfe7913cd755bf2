//! The FSRS-6 model in `f64` with its exact gradient over the 21 parameters.
//!
//! The forward pass is the engine's `MemoryModel` (the same formulas, in the same branches,
//! with fsrs-rs's clamps; a test checks the two agree). The gradient is forward-mode: beside
//! stability S the pass carries ∂S/∂w (21 values) and beside difficulty D its ∂D/∂w, which is
//! non-zero only for w4–w7, so each review costs one 21-wide scale-and-add, plus one more when
//! it is scored. Nothing is allocated. Clamps follow fsrs-rs (and PyTorch): the gradient passes
//! a clamp when the value is inside or on its bounds and stops when it is outside.
//!
//! The loss is fsrs-rs's: the weighted binary cross-entropy of each scored review's recall
//! prediction R(t, S) (clamped to [1e-7, 1 − 1e-7]), summed.

/// Smallest stability (days), as fsrs-rs and the engine clamp it.
pub(crate) const S_MIN: f64 = 0.001;
/// Largest stability (days).
pub(crate) const S_MAX: f64 = 36_500.0;
/// Difficulty bounds.
pub(crate) const D_MIN: f64 = 1.0;
pub(crate) const D_MAX: f64 = 10.0;
const P_MIN: f64 = 1e-7;
const P_MAX: f64 = 1.0 - 1e-7;

/// ∂/∂w for the 21 parameters.
pub(crate) type Gradient = [f64; 21];

/// One card's reviews laid out for training: `delta_t` in days, ratings 1–4, and the weight of
/// each review's prediction (0 when the review is not scored: the first, same-day reviews, and
/// predictions left out of training).
#[derive(Debug, Clone, Copy)]
pub(crate) struct CardSeq<'a> {
    pub delta_t: &'a [f32],
    pub rating: &'a [u8],
    pub weight: &'a [f32],
}

/// The parameters in `f64` with the constants of the formulas worked out once.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Weights {
    w: [f64; 21],
    decay: f64,
    factor: f64,
    /// ∂factor/∂w20.
    dfactor_dw20: f64,
    exp_w8: f64,
    /// D0(4) = w4 − e^(3·w5) + 1 and ∂D0(4)/∂w5.
    d0_easy: f64,
    d0_easy_dw5: f64,
    /// e^(w17·w18), the failure floor's divisor.
    floor_divisor: f64,
    /// Per first rating G: S0 = w[G−1] clamped, its logarithm, and e^(w5·(G−1)).
    s0: [f64; 4],
    ln_s0: [f64; 4],
    exp_d0: [f64; 4],
    /// Per rating G: −w6·(G − 3)/9, the difficulty step, and (1 − w7)·(−(G − 3)/9).
    d_step: [f64; 4],
    d_step_dw6: [f64; 4],
}

impl Weights {
    pub(crate) fn new(w: &[f64; 21]) -> Weights {
        let decay = -w[20];
        let c = 0.9f64.ln();
        let e = (c / decay).exp();
        // factor = e^(c/decay) − 1; ∂/∂decay = e·(−c/decay²); decay = −w20.
        let dfactor_ddecay = e * (-c / (decay * decay));
        let s0 = [w[0], w[1], w[2], w[3]].map(|s| s.clamp(S_MIN, S_MAX));
        Weights {
            w: *w,
            decay,
            factor: e - 1.0,
            dfactor_dw20: -dfactor_ddecay,
            exp_w8: w[8].exp(),
            d0_easy: w[4] - (3.0 * w[5]).exp() + 1.0,
            d0_easy_dw5: -3.0 * (3.0 * w[5]).exp(),
            floor_divisor: (w[17] * w[18]).exp(),
            s0,
            ln_s0: s0.map(f64::ln),
            exp_d0: [0.0, 1.0, 2.0, 3.0].map(|g: f64| (w[5] * g).exp()),
            d_step: [1.0, 2.0, 3.0, 4.0].map(|g: f64| -w[6] * (g - 3.0) / 9.0),
            d_step_dw6: [1.0, 2.0, 3.0, 4.0].map(|g: f64| (1.0 - w[7]) * -(g - 3.0) / 9.0),
        }
    }
}

#[inline(always)]
fn inside(x: f64, lo: f64, hi: f64) -> bool {
    x >= lo && x <= hi
}

#[inline(always)]
fn scale(v: &mut Gradient, a: f64) {
    for x in v.iter_mut() {
        *x *= a;
    }
}

#[inline(always)]
fn axpy(acc: &mut Gradient, a: f64, v: &Gradient) {
    for (x, y) in acc.iter_mut().zip(v) {
        *x += a * y;
    }
}

#[inline(always)]
fn exp(x: f64) -> f64 {
    x.exp()
}

#[inline(always)]
fn ln(x: f64) -> f64 {
    x.ln()
}

/// One card's state during the pass: S, D and their derivatives.
#[derive(Clone, Copy)]
struct Lane {
    s: f64,
    /// ln S, carried along: the same-day formula and the failure floor give it without a
    /// logarithm.
    ln_s: f64,
    /// ln S is to be worked out from S.
    ln_s_due: bool,
    d: f64,
    /// ∂S/∂w.
    js: Gradient,
    /// ∂D/∂(w4, w5, w6, w7); D depends on no other parameter.
    jd: [f64; 4],
}

/// The state after a card's first review: S0 = w[G−1], D0(G) = w4 − e^(w5·(G−1)) + 1, clamped;
/// written into `lane`, whose derivatives are zero (it is filled in place: a `Lane` is 28
/// numbers).
#[inline(always)]
fn first<const GRAD: bool>(p: &Weights, rating: u8, lane: &mut Lane) {
    let w = &p.w;
    let g0 = rating.clamp(1, 4) as usize;
    if GRAD && inside(w[g0 - 1], S_MIN, S_MAX) {
        lane.js[g0 - 1] = 1.0;
    }
    let e0 = p.exp_d0[g0 - 1];
    let d0 = w[4] - e0 + 1.0;
    if GRAD && inside(d0, D_MIN, D_MAX) {
        lane.jd[0] = 1.0;
        lane.jd[1] = -((g0 - 1) as f64) * e0;
    }
    lane.s = p.s0[g0 - 1];
    lane.ln_s = p.ln_s0[g0 - 1];
    lane.d = d0.clamp(D_MIN, D_MAX);
}

/// R after `t` days at stability `s` (ln S `ln_s`), with its partials ∂R/∂S and ∂R/∂w20
/// when `GRAD` (R = 1, partials 0, on the same day).
///
/// R = (1 + factor·t/S)^decay with ln(1 + factor·t/S) = ln(S + factor·t) − ln S: ln S is
/// carried along, so no division stands between S and R. The loop is bound by the latency
/// of the chain from one review's S through R to the next S, so [`cards_loss`] works out R
/// for all its cards before moving any of them on: their chains then overlap.
#[inline(always)]
fn retrievability<const GRAD: bool>(p: &Weights, s: f64, ln_s: f64, t: f64) -> (f64, f64, f64) {
    if t > 0.0 {
        let st = s + p.factor * t;
        // Worked out beside the logarithm, so that no division waits for R.
        let decay_t_st = p.decay * t / st;
        let ln_base = ln(st) - ln_s;
        let r = exp(p.decay * ln_base);
        if GRAD {
            // With base = st/S: ∂R/∂S = R·decay/base·(−t·factor/S²) = −R·decay·factor·t/(S·st).
            let r_decay_t = r * decay_t_st;
            let r_s = r * (-decay_t_st * p.factor / s);
            // ∂R/∂w20 = −∂R/∂decay with decay = −w20, through decay and factor.
            let r_decay = r * ln_base - r_decay_t * p.dfactor_dw20;
            (r, r_s, -r_decay)
        } else {
            (r, 0.0, 0.0)
        }
    } else {
        (1.0, 0.0, 0.0)
    }
}

/// The exponentials and logarithms of the new stability's formula for a review after `t` days
/// graded `rating` at retrievability `r`, worked out (like R) for all the cards of
/// [`cards_loss`] before any of them is moved on, so that their latencies overlap:
/// - same day: e^(w17·(G − 3 + w18) − w19·ln S), unless a recall keeps S anyway;
/// - lapse: ln D, ln(S + 1), D^−w12·e^(w14·(1 − R)) (one exponential), (S + 1)^w13;
/// - recall: S^−w9, e^(w10·(1 − R)).
#[inline(always)]
fn transcendentals(p: &Weights, lane: &Lane, t: f64, rating: u8, r: f64) -> [f64; 4] {
    let w = &p.w;
    if t == 0.0 {
        let ln_raw = w[17] * (f64::from(rating) - 3.0 + w[18]) - w[19] * lane.ln_s;
        if rating >= 2 && ln_raw < 0.0 {
            [1.0, 0.0, 0.0, 0.0]
        } else {
            [exp(ln_raw), 0.0, 0.0, 0.0]
        }
    } else if rating == 1 {
        let ln_d = ln(lane.d);
        let ln_s1 = ln(lane.s + 1.0);
        [
            ln_d,
            ln_s1,
            exp(-w[12] * ln_d + (1.0 - r) * w[14]),
            exp(w[13] * ln_s1),
        ]
    } else {
        [exp(-w[9] * lane.ln_s), exp((1.0 - r) * w[10]), 0.0, 0.0]
    }
}

/// A review after a card's first, as [`step`] takes it.
#[derive(Clone, Copy)]
struct Next {
    /// Days since the previous review.
    t: f64,
    rating: u8,
    /// The weight of its prediction (0: not scored).
    weight: f64,
    /// The card's last review: nothing reads the state after it.
    last: bool,
}

/// One review after the first, given its R and partials (`retrievability`) and its
/// [`transcendentals`] (`x`): scores its prediction when `weight > 0` (adding the loss to
/// the return value when `LOSS` and its gradient to `grad` when `GRAD`) and moves the state
/// on, unless it is the card's `last` review.
#[inline(always)]
fn step<const GRAD: bool, const LOSS: bool>(
    p: &Weights,
    lane: &mut Lane,
    review: Next,
    retrievability: (f64, f64, f64),
    x: [f64; 4],
    grad: &mut Gradient,
) -> f64 {
    let Next {
        t,
        rating,
        weight,
        last,
    } = review;
    let w = &p.w;
    let (s, d) = (lane.s, lane.d);
    let js = &mut lane.js;
    let jd = &mut lane.jd;
    let g = f64::from(rating);
    let mut loss = 0.0;

    let ln_s = lane.ln_s;
    let (r, r_s, r_w20) = retrievability;

    if weight != 0.0 {
        let recalled = rating > 1;
        let pc = r.clamp(P_MIN, P_MAX);
        if LOSS {
            loss -= weight * if recalled { ln(pc) } else { ln(1.0 - pc) };
        }
        if GRAD && r > P_MIN && r < P_MAX {
            let g_r = -weight
                * if recalled {
                    1.0 / pc
                } else {
                    -1.0 / (1.0 - pc)
                };
            axpy(grad, g_r * r_s, js);
            grad[20] += g_r * r_w20;
        }
    }
    if last {
        return loss;
    }

    // New stability: S' with its direct partials ∂S'/∂S, ∂S'/∂D, ∂S'/∂R, and the sparse
    // ∂S'/∂w written straight into `js` after it is scaled.
    let new_s;
    let new_ln_s;
    if t == 0.0 {
        // Same day: S' = S·e^(w17·(G − 3 + w18))·S^−w19, at least S on a recall.
        let q = g - 3.0 + w[18];
        // The factor is below 1 when its logarithm is negative: a recall then keeps S, and
        // the exponential is not needed.
        let ln_raw = w[17] * q - w[19] * ln_s;
        if rating >= 2 && ln_raw < 0.0 {
            new_s = s;
            new_ln_s = Some(ln_s);
        } else {
            let raw = x[0];
            new_s = s * raw;
            new_ln_s = Some(ln_s + ln_raw);
            if GRAD {
                scale(js, raw * (1.0 - w[19]));
                js[17] += new_s * q;
                js[18] += new_s * w[17];
                js[19] -= new_s * ln_s;
            }
        }
    } else if rating == 1 {
        // Lapse: min(w11·D^−w12·((S + 1)^w13 − 1)·e^(w14·(1 − R)), S / e^(w17·w18)).
        let floor = s / p.floor_divisor;
        let [ln_d, ln_s1, d_er, s1_pow] = x;
        let a = d_er * (s1_pow - 1.0);
        let raw = w[11] * a;
        if floor < raw {
            new_s = floor;
            new_ln_s = Some(ln_s - w[17] * w[18]);
            if GRAD {
                scale(js, 1.0 / p.floor_divisor);
                js[17] -= floor * w[18];
                js[18] -= floor * w[17];
            }
        } else {
            new_s = raw;
            new_ln_s = None;
            if GRAD {
                let ds = w[11] * d_er * w[13] * s1_pow / (s + 1.0);
                let dd = raw * (-w[12] / d);
                let dr = -w[14] * raw;
                scale(js, ds + dr * r_s);
                js[20] += dr * r_w20;
                for (i, v) in jd.iter().enumerate() {
                    js[4 + i] += dd * v;
                }
                js[11] += a;
                js[12] -= raw * ln_d;
                js[13] += w[11] * d_er * s1_pow * ln_s1;
                js[14] += raw * (1.0 - r);
            }
        }
    } else {
        // Recall: S' = S·(e^w8·(11 − D)·S^−w9·(e^(w10·(1 − R)) − 1)·hard·easy + 1).
        let bonus = match rating {
            2 => w[15],
            4 => w[16],
            _ => 1.0,
        };
        let q_plain = p.exp_w8 * x[0];
        let q = q_plain * bonus;
        let er = x[1];
        let inc = q * (11.0 - d) * (er - 1.0);
        new_s = s * (inc + 1.0);
        new_ln_s = None;
        if GRAD {
            let s_inc = s * inc;
            let ds = 1.0 + inc * (1.0 - w[9]);
            let dd = -s * q * (er - 1.0);
            let dr = -s * q * (11.0 - d) * er * w[10];
            scale(js, ds + dr * r_s);
            js[20] += dr * r_w20;
            for (i, v) in jd.iter().enumerate() {
                js[4 + i] += dd * v;
            }
            js[8] += s_inc;
            js[9] -= s_inc * ln_s;
            js[10] += s * q * (11.0 - d) * er * (1.0 - r);
            if rating == 2 || rating == 4 {
                js[if rating == 2 { 15 } else { 16 }] += s * q_plain * (11.0 - d) * (er - 1.0);
            }
        }
    }
    if GRAD && !inside(new_s, S_MIN, S_MAX) {
        *js = [0.0; 21];
    }

    // Difficulty: D' = w7·D0(4) + (1 − w7)·(D + (10 − D)·(−w6·(G − 3))/9), clamped.
    let gi = usize::from(rating.clamp(1, 4)) - 1;
    let step = p.d_step[gi];
    let next = d + (10.0 - d) * step;
    let mean = w[7] * (p.d0_easy - next) + next;
    if GRAD {
        if inside(mean, D_MIN, D_MAX) {
            let dd = (1.0 - w[7]) * (1.0 - step);
            for v in jd.iter_mut() {
                *v *= dd;
            }
            jd[0] += w[7];
            jd[1] += w[7] * p.d0_easy_dw5;
            jd[2] += (10.0 - d) * p.d_step_dw6[gi];
            jd[3] += p.d0_easy - next;
        } else {
            *jd = [0.0; 4];
        }
    }
    lane.s = new_s.clamp(S_MIN, S_MAX);
    // ln S' when the formula gives it; otherwise (and when S' was clamped) it is due, and
    // `cards_loss` works it out for all its cards together.
    match new_ln_s {
        Some(l) if lane.s == new_s => lane.ln_s = l,
        _ => lane.ln_s_due = true,
    }
    lane.d = mean.clamp(D_MIN, D_MAX);
    loss
}

/// The loss of `L` cards' scored predictions (0 unless `LOSS`), and (when `GRAD`) its
/// gradient added to `grad`. Training wants the gradient alone and skips the loss's logarithm.
///
/// The cards are walked in lockstep, one review of each at a time, in phases: R for every
/// card ([`retrievability`]), then the new stability's exponentials and logarithms
/// ([`transcendentals`]), then the rest of the step ([`step`]), then the logarithms of the
/// new stabilities. The loop is bound by the latency of each card's chain of logarithms and
/// exponentials, and the cards' chains are independent, so the processor overlaps them.
/// Training walks cards three at a time: on the 2-core test machine, one card at a time
/// was about 15 % slower, four no quicker. Each `seq` starts with its card's first review;
/// an empty one is skipped.
#[inline]
pub(crate) fn cards_loss<const GRAD: bool, const LOSS: bool, const L: usize>(
    p: &Weights,
    seqs: &[CardSeq<'_>; L],
    grad: &mut Gradient,
) -> f64 {
    let len = seqs.map(|q| q.delta_t.len().min(q.rating.len()).min(q.weight.len()));
    let mut lanes = [Lane {
        s: 1.0,
        ln_s: 0.0,
        ln_s_due: false,
        d: 1.0,
        js: [0.0; 21],
        jd: [0.0; 4],
    }; L];
    for (lane, (q, &n)) in lanes.iter_mut().zip(seqs.iter().zip(&len)) {
        if n > 0 {
            first::<GRAD>(p, q.rating[0], lane);
        }
    }
    let longest = len.iter().copied().max().unwrap_or(0);
    let mut loss = 0.0;
    for k in 1..longest {
        let mut rs = [(1.0, 0.0, 0.0); L];
        for (r, (lane, (q, &n))) in rs.iter_mut().zip(lanes.iter().zip(seqs.iter().zip(&len))) {
            if k < n {
                *r = retrievability::<GRAD>(p, lane.s, lane.ln_s, f64::from(q.delta_t[k].max(0.0)));
            }
        }
        let mut xs = [[0.0; 4]; L];
        for (x, (r, (lane, (q, &n)))) in xs
            .iter_mut()
            .zip(rs.iter().zip(lanes.iter().zip(seqs.iter().zip(&len))))
        {
            if k + 1 < n {
                let t = f64::from(q.delta_t[k].max(0.0));
                *x = transcendentals(p, lane, t, q.rating[k], r.0);
            }
        }
        for ((r, x), (lane, (q, &n))) in rs
            .iter()
            .zip(&xs)
            .zip(lanes.iter_mut().zip(seqs.iter().zip(&len)))
        {
            if k < n {
                let review = Next {
                    t: f64::from(q.delta_t[k].max(0.0)),
                    rating: q.rating[k],
                    weight: f64::from(q.weight[k]),
                    last: k + 1 == n,
                };
                loss += step::<GRAD, LOSS>(p, lane, review, *r, *x, grad);
            }
        }
        for lane in lanes.iter_mut() {
            if lane.ln_s_due {
                lane.ln_s = ln(lane.s);
                lane.ln_s_due = false;
            }
        }
    }
    loss
}

/// The loss of one card's scored predictions, and (when `GRAD`) its gradient added to `grad`.
#[cfg(test)]
pub(crate) fn card_loss<const GRAD: bool>(
    p: &Weights,
    seq: CardSeq<'_>,
    grad: &mut Gradient,
) -> f64 {
    cards_loss::<GRAD, true, 1>(p, &[seq], grad)
}

#[cfg(test)]
mod tests {
    use super::*;
    use carnet_engine::{MemoryModel, MemoryState, Parameters, Rating, DEFAULT_PARAMETERS};

    /// A small deterministic generator for the tests.
    pub(crate) struct Lcg(pub u64);
    impl Lcg {
        pub(crate) fn next_f64(&mut self) -> f64 {
            self.0 = self
                .0
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            (self.0 >> 11) as f64 / (1u64 << 53) as f64
        }
        pub(crate) fn below(&mut self, n: u32) -> u32 {
            (self.next_f64() * n as f64) as u32
        }
    }

    /// Random parameters inside fsrs-rs's clip ranges, away from the bounds.
    fn random_w(rng: &mut Lcg) -> [f64; 21] {
        let ranges = crate::clip::ranges(true, 1);
        let mut w = [0.0; 21];
        for (i, (lo, hi)) in ranges.iter().enumerate() {
            let (lo, hi) = (f64::from(*lo), f64::from(*hi));
            w[i] = lo + (hi - lo) * (0.1 + 0.8 * rng.next_f64());
        }
        w
    }

    fn random_history(rng: &mut Lcg, n: usize) -> (Vec<f32>, Vec<u8>, Vec<f32>) {
        let mut t = vec![0.0f32];
        let mut g = vec![1 + rng.below(4) as u8];
        let mut wt = vec![0.0f32];
        for _ in 1..n {
            let dt = match rng.below(4) {
                0 => 0,
                1 => 1 + rng.below(3),
                _ => 1 + rng.below(60),
            };
            t.push(dt as f32);
            g.push(1 + rng.below(4) as u8);
            wt.push(if dt > 0 {
                0.25 + rng.next_f64() as f32
            } else {
                0.0
            });
        }
        (t, g, wt)
    }

    #[test]
    fn gradient_matches_central_differences() {
        let mut rng = Lcg(0x5eed);
        let mut checked = 0;
        for case in 0..40 {
            let w = if case == 0 {
                DEFAULT_PARAMETERS.map(f64::from)
            } else {
                random_w(&mut rng)
            };
            let cards: Vec<_> = (0..4)
                .map(|_| {
                    let n = 2 + rng.below(12) as usize;
                    random_history(&mut rng, n)
                })
                .collect();
            let total = |w: &[f64; 21], grad: &mut Gradient, with_grad: bool| -> f64 {
                let p = Weights::new(w);
                cards
                    .iter()
                    .map(|(t, g, wt)| {
                        let seq = CardSeq {
                            delta_t: t,
                            rating: g,
                            weight: wt,
                        };
                        if with_grad {
                            card_loss::<true>(&p, seq, grad)
                        } else {
                            card_loss::<false>(&p, seq, grad)
                        }
                    })
                    .sum()
            };
            let mut grad = [0.0; 21];
            let loss = total(&w, &mut grad, true);
            assert!(loss.is_finite() && loss > 0.0);
            let mut unused = [0.0; 21];
            assert_eq!(total(&w, &mut unused, false), loss);
            for i in 0..21 {
                let h = 1e-6 * w[i].abs().max(1e-2);
                let (mut wp, mut wm) = (w, w);
                wp[i] += h;
                wm[i] -= h;
                let numeric =
                    (total(&wp, &mut unused, false) - total(&wm, &mut unused, false)) / (2.0 * h);
                let scale = numeric.abs().max(grad[i].abs()).max(1e-3);
                assert!(
                    (numeric - grad[i]).abs() / scale < 1e-3,
                    "case {case} w{i}: analytic {} numeric {numeric}",
                    grad[i]
                );
                if grad[i].abs() > 1e-6 {
                    checked += 1;
                }
            }
        }
        // Almost every parameter gets a non-trivial gradient in almost every case.
        assert!(
            checked > 40 * 12,
            "only {checked} non-zero gradients checked"
        );
    }

    #[test]
    fn lockstep_cards_sum_to_single_cards() {
        let mut rng = Lcg(3);
        let w = random_w(&mut rng);
        let p = Weights::new(&w);
        let cards: Vec<_> = (0..4)
            .map(|i| random_history(&mut rng, [1, 9, 3, 14][i]))
            .collect();
        let seqs: [CardSeq<'_>; 4] = std::array::from_fn(|i| CardSeq {
            delta_t: &cards[i].0,
            rating: &cards[i].1,
            weight: &cards[i].2,
        });
        let mut together = [0.0; 21];
        let l4 = cards_loss::<true, true, 4>(&p, &seqs, &mut together);
        let mut apart = [0.0; 21];
        let l1: f64 = seqs
            .iter()
            .map(|q| card_loss::<true>(&p, *q, &mut apart))
            .sum();
        assert!((l4 - l1).abs() < 1e-12 * l1 && l1 > 0.0);
        for i in 0..21 {
            assert!((together[i] - apart[i]).abs() <= 1e-12 * apart[i].abs().max(1.0));
        }
    }

    #[test]
    fn forward_pass_agrees_with_the_engine() {
        // The loss with one scored review at the end is −ln R of the engine's replay.
        let mut rng = Lcg(42);
        let mut worst = 0.0f64;
        for _ in 0..300 {
            let w64 = random_w(&mut rng);
            let w32 = w64.map(|x| x as f32);
            let w64 = w32.map(f64::from);
            let model = MemoryModel::new(&Parameters::new(&w32).unwrap());
            let n = 2 + rng.below(15) as usize;
            let (t, g, _) = random_history(&mut rng, n);
            let mut t = t;
            t[n - 1] = t[n - 1].max(1.0);
            let mut g = g;
            g[n - 1] = 3;
            let mut wt = vec![0.0f32; n];
            wt[n - 1] = 1.0;
            let seq = CardSeq {
                delta_t: &t,
                rating: &g,
                weight: &wt,
            };
            let ours = (-card_loss::<false>(&Weights::new(&w64), seq, &mut [0.0; 21])).exp();
            let mut state: MemoryState = model.initial(Rating::from_u8(g[0]).unwrap());
            for k in 1..n - 1 {
                state = model.next(state, t[k] as u32, Rating::from_u8(g[k]).unwrap());
            }
            let engine = f64::from(model.retrievability(t[n - 1], state.stability));
            let gap = (ours - engine).abs();
            worst = worst.max(gap);
            assert!(gap < 2e-4, "ours {ours} engine {engine}");
        }
        assert!(worst > 0.0);
    }
}
