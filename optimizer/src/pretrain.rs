//! Before gradient descent, as fsrs-rs does it: the outlier filter over each card's first
//! interval, and the initial stabilities w0–w3 fitted to the recall after that interval.

use std::collections::BTreeMap;

use crate::clip::INIT_S_MAX;
use crate::model::S_MIN;
use carnet_engine::DEFAULT_PARAMETERS;

/// A card's first long-term review: the rating of its first review, the days until the first
/// review with `delta_t > 0`, and whether that review was a recall.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct FirstInterval {
    pub first_rating: u8,
    pub delta_t: u32,
    pub recalled: bool,
}

/// What the outlier filter decided, per card (aligned with the input).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct OutlierFilter {
    /// The card's predictions stay in the training set.
    pub keep_card: Vec<bool>,
    /// The card's first interval is used to fit w0–w3.
    pub pretrain: Vec<bool>,
}

/// fsrs-rs's outlier filter. Cards are grouped by (first rating, first interval); in each first
/// rating, the smallest groups making up 5 % of the cards (at least 20) are removed, and of
/// the rest the groups of fewer than six cards or with an interval over 100 days (365 after
/// Easy) are removed too. A removed group's cards leave the training set; the kept groups fit
/// the initial stabilities.
pub(crate) fn filter_outliers(firsts: &[Option<FirstInterval>]) -> OutlierFilter {
    let mut groups: BTreeMap<u8, BTreeMap<u32, Vec<usize>>> = BTreeMap::new();
    for (card, first) in firsts.iter().enumerate() {
        if let Some(f) = first {
            groups
                .entry(f.first_rating)
                .or_default()
                .entry(f.delta_t)
                .or_default()
                .push(card);
        }
    }
    let mut keep_card = vec![true; firsts.len()];
    let mut pretrain = vec![false; firsts.len()];
    for (rating, by_delta) in groups {
        let mut sub: Vec<(u32, Vec<usize>)> = by_delta.into_iter().collect();
        let total: usize = sub.iter().map(|(_, c)| c.len()).sum();
        // Smallest first; among equal sizes, shortest interval first.
        sub.sort_by(|(da, ca), (db, cb)| ca.len().cmp(&cb.len()).then(da.cmp(db)));
        let mut removed = 0;
        for (delta_t, cards) in &sub {
            let keep = if removed + cards.len() >= 20.max(total / 20) {
                let limit = if rating != 4 { 100 } else { 365 };
                cards.len() >= 6 && *delta_t <= limit
            } else {
                removed += cards.len();
                false
            };
            for &c in cards {
                keep_card[c] = keep;
                pretrain[c] = keep;
            }
        }
    }
    OutlierFilter {
        keep_card,
        pretrain,
    }
}

/// The initial stabilities w0–w3 and how many first intervals each first rating had.
///
/// For each first rating with data, S0 minimises the count-weighted log loss of the Laplace-
/// smoothed recall at each first interval under the default forgetting curve, plus
/// |S0 − default| / 16 (searched over [0.001, 100]); missing ratings are filled and
/// the four made increasing by `smooth_and_fill`. `None` when there is no first interval.
pub(crate) fn initial_stability(
    firsts: impl Iterator<Item = FirstInterval>,
    average_recall: f64,
) -> Option<([f64; 4], [u32; 4])> {
    // rating → delta_t → (recalls, count)
    let mut groups: [BTreeMap<u32, (f64, f64)>; 4] = Default::default();
    let mut counts = [0u32; 4];
    for f in firsts {
        let r = usize::from(f.first_rating.clamp(1, 4)) - 1;
        let e = groups[r].entry(f.delta_t).or_insert((0.0, 0.0));
        e.0 += if f.recalled { 1.0 } else { 0.0 };
        e.1 += 1.0;
        counts[r] += 1;
    }
    let decay = -f64::from(DEFAULT_PARAMETERS[20]);
    let factor = 0.9f64.powf(1.0 / decay) - 1.0;
    let mut found = [None; 4];
    for (r, group) in groups.iter().enumerate() {
        if group.is_empty() {
            continue;
        }
        let points: Vec<(f64, f64, f64)> = group
            .iter()
            .map(|(&t, &(recalls, n))| {
                // Laplace smoothing towards the average recall.
                let recall = (recalls + average_recall) / (n + 1.0);
                (f64::from(t), recall, n)
            })
            .collect();
        let default_s0 = f64::from(DEFAULT_PARAMETERS[r]);
        let loss = |s: f64| {
            let mut l = 0.0;
            for &(t, y, n) in &points {
                // p = (t/s·factor + 1)^decay, and ln p = decay·ln(t/s·factor + 1).
                let ln_p = decay * (t / s * factor + 1.0).ln();
                let p = ln_p.exp();
                l -= (y * ln_p + (1.0 - y) * (1.0 - p).ln()) * n;
            }
            l + (s - default_s0).abs() / 16.0
        };
        // fsrs-rs ternary-searches [0.001, 100] down to f64::EPSILON (up to 1000 rounds, two
        // evaluations each); a golden-section search to 1e-9 of the range finds the same
        // minimum to f32 precision with one evaluation a round.
        let (mut lo, mut hi) = (S_MIN, INIT_S_MAX);
        let phi = (5f64.sqrt() - 1.0) / 2.0;
        let (mut m1, mut m2) = (hi - phi * (hi - lo), lo + phi * (hi - lo));
        let (mut l1, mut l2) = (loss(m1), loss(m2));
        while hi - lo > 1e-9 * hi {
            if l1 < l2 {
                hi = m2;
                (m2, l2) = (m1, l1);
                m1 = hi - phi * (hi - lo);
                l1 = loss(m1);
            } else {
                lo = m1;
                (m1, l1) = (m2, l2);
                m2 = lo + phi * (hi - lo);
                l2 = loss(m2);
            }
        }
        found[r] = Some((hi + lo) / 2.0);
    }
    let s0 = smooth_and_fill(found, counts)?;
    Some((s0, counts))
}

/// fsrs-rs's `smooth_and_fill`: ratings without data (count 0) are dropped, the known values
/// made non-decreasing (the rating with more data wins), the missing ones filled from the
/// known ones with fsrs-rs's fixed exponents, and all clamped to [0.001, 100].
pub(crate) fn smooth_and_fill(values: [Option<f64>; 4], counts: [u32; 4]) -> Option<[f64; 4]> {
    // Work in f32, as fsrs-rs does, so the interpolations give the same numbers.
    let mut v: [Option<f32>; 4] = [None; 4];
    for i in 0..4 {
        if counts[i] > 0 {
            v[i] = values[i].map(|x| x as f32);
        }
    }
    for (a, b) in [(0, 1), (1, 2), (2, 3), (0, 2), (1, 3), (0, 3)] {
        if let (Some(small), Some(big)) = (v[a], v[b]) {
            if small > big {
                if counts[a] > counts[b] {
                    v[b] = Some(small);
                } else {
                    v[a] = Some(big);
                }
            }
        }
    }
    let (w1, w2) = (0.41f32, 0.54f32);
    let known = v.iter().filter(|x| x.is_some()).count();
    let filled: [f32; 4] = match known {
        0 => return None,
        1 => {
            let i = v.iter().position(Option::is_some).unwrap_or(0);
            let factor = v[i].unwrap_or(1.0) / DEFAULT_PARAMETERS[i];
            let mut s = [0.0f32; 4];
            for (j, x) in s.iter_mut().enumerate() {
                *x = DEFAULT_PARAMETERS[j] * factor;
            }
            s.sort_by(f32::total_cmp);
            s
        }
        _ => {
            let mut a = v;
            if known == 2 {
                match a {
                    [None, None, Some(r3), Some(r4)] => {
                        let r2 = r3.powf(1.0 / (1.0 - w2)) * r4.powf(1.0 - 1.0 / (1.0 - w2));
                        a[1] = Some(r2);
                        a[0] = Some(r2.powf(1.0 / w1) * r3.powf(1.0 - 1.0 / w1));
                    }
                    [None, Some(r2), None, Some(r4)] => {
                        let r3 = r2.powf(1.0 - w2) * r4.powf(w2);
                        a[2] = Some(r3);
                        a[0] = Some(r2.powf(1.0 / w1) * r3.powf(1.0 - 1.0 / w1));
                    }
                    [None, Some(r2), Some(r3), None] => {
                        a[3] = Some(r2.powf(1.0 - 1.0 / w2) * r3.powf(1.0 / w2));
                        a[0] = Some(r2.powf(1.0 / w1) * r3.powf(1.0 - 1.0 / w1));
                    }
                    [Some(r1), None, None, Some(r4)] => {
                        let k = w1.mul_add(-w2, w1 + w2);
                        a[1] = Some(r1.powf(w1 / k) * r4.powf(1.0 - w1 / k));
                        a[2] = Some(r1.powf(1.0 - w2 / k) * r4.powf(w2 / k));
                    }
                    [Some(r1), None, Some(r3), None] => {
                        let r2 = r1.powf(w1) * r3.powf(1.0 - w1);
                        a[1] = Some(r2);
                        a[3] = Some(r2.powf(1.0 - 1.0 / w2) * r3.powf(1.0 / w2));
                    }
                    [Some(r1), Some(r2), None, None] => {
                        let r3 = r1.powf(1.0 - 1.0 / (1.0 - w1)) * r2.powf(1.0 / (1.0 - w1));
                        a[2] = Some(r3);
                        a[3] = Some(r2.powf(1.0 - 1.0 / w2) * r3.powf(1.0 / w2));
                    }
                    _ => {}
                }
            } else if known == 3 {
                match a {
                    [None, Some(r2), Some(r3), _] => {
                        a[0] = Some(r2.powf(1.0 / w1) * r3.powf(1.0 - 1.0 / w1));
                    }
                    [Some(r1), None, Some(r3), _] => {
                        a[1] = Some(r1.powf(w1) * r3.powf(1.0 - w1));
                    }
                    [_, Some(r2), None, Some(r4)] => {
                        a[2] = Some(r2.powf(1.0 - w2) * r4.powf(w2));
                    }
                    [_, Some(r2), Some(r3), None] => {
                        a[3] = Some(r2.powf(1.0 - 1.0 / w2) * r3.powf(1.0 / w2));
                    }
                    _ => {}
                }
            }
            a.map(|x| x.unwrap_or(f32::NAN))
        }
    };
    let mut out = [0.0f64; 4];
    for (o, x) in out.iter_mut().zip(filled) {
        // A pattern fsrs-rs leaves unfilled (e.g. only ratings 1 and 2 known below 1 and 3)
        // cannot occur; NaN would, so fall back to the default for safety.
        let x = if x.is_finite() {
            f64::from(x)
        } else {
            f64::NAN
        };
        *o = x.clamp(S_MIN, INIT_S_MAX);
    }
    for (i, o) in out.iter_mut().enumerate() {
        if !o.is_finite() {
            *o = f64::from(DEFAULT_PARAMETERS[i]);
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn smooth_and_fill_orders_and_fills() {
        // Only Good known: the defaults scaled.
        let s = smooth_and_fill([None, None, Some(4.6130), None], [0, 0, 10, 0]).unwrap();
        let k = 4.6130 / f64::from(DEFAULT_PARAMETERS[2]);
        assert!((s[2] - 4.6130).abs() < 1e-5 && (s[0] - 0.212 * k).abs() < 1e-5);
        // Again above Hard with fewer cards: Again takes Hard's value.
        let s =
            smooth_and_fill([Some(5.0), Some(1.0), Some(3.0), Some(9.0)], [1, 5, 10, 3]).unwrap();
        assert_eq!(s[0], 1.0);
        assert!(s.windows(2).all(|p| p[0] <= p[1]), "{s:?}");
        // Values for ratings without data are dropped then filled.
        let s = smooth_and_fill([Some(0.3), None, Some(2.0), Some(50.0)], [3, 0, 8, 2]).unwrap();
        assert!(s[1] > 0.3 && s[1] < 2.0, "{s:?}");
        assert_eq!(smooth_and_fill([None; 4], [0; 4]), None);
    }

    #[test]
    fn initial_stability_finds_the_curve_behind_the_recalls() {
        // 1000 first intervals per delta_t after Good, recall following S0 = 5 exactly.
        let decay = -f64::from(DEFAULT_PARAMETERS[20]);
        let factor = 0.9f64.powf(1.0 / decay) - 1.0;
        let mut firsts = Vec::new();
        for t in [1u32, 2, 3, 5, 8] {
            let p = (f64::from(t) / 5.0 * factor + 1.0).powf(decay);
            let recalls = (p * 1000.0).round() as usize;
            for i in 0..1000 {
                firsts.push(FirstInterval {
                    first_rating: 3,
                    delta_t: t,
                    recalled: i < recalls,
                });
            }
        }
        let (s0, counts) = initial_stability(firsts.into_iter(), 0.9).unwrap();
        assert_eq!(counts, [0, 0, 5000, 0]);
        assert!((s0[2] - 5.0).abs() < 0.1, "{s0:?}");
    }

    #[test]
    fn the_outlier_filter_drops_rare_and_long_first_intervals() {
        let mut firsts = Vec::new();
        for _ in 0..400 {
            firsts.push(Some(FirstInterval {
                first_rating: 3,
                delta_t: 1,
                recalled: true,
            }));
        }
        for d in [2u32, 3, 4, 5, 6, 7, 8, 9, 10, 11] {
            firsts.push(Some(FirstInterval {
                first_rating: 3,
                delta_t: d,
                recalled: true,
            }));
        }
        for _ in 0..30 {
            firsts.push(Some(FirstInterval {
                first_rating: 3,
                delta_t: 150,
                recalled: false,
            }));
        }
        firsts.push(None);
        let f = filter_outliers(&firsts);
        assert!(f.keep_card[..400].iter().all(|&k| k));
        assert!(f.keep_card[400..440].iter().all(|&k| !k));
        assert!(
            f.keep_card[440],
            "a card without a first interval is not filtered"
        );
        assert_eq!(f.pretrain.iter().filter(|&&p| p).count(), 400);
    }
}
