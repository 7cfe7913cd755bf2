//! The ranges fsrs-rs clips parameters to after every optimizer step.
//!
//! They lie within the engine's [`Parameters`](carnet_engine::Parameters) bounds (w19's floor
//! is 0.01 instead of 0 when short-term parameters are trained), so a clipped set is always
//! accepted by the scheduler.

use crate::model::{D_MAX, D_MIN, S_MIN};

/// Upper bound of the initial stabilities w0–w3 (days).
pub(crate) const INIT_S_MAX: f64 = 100.0;

/// The (low, high) range of each parameter, as fsrs-rs 6.6 `clip_parameters` sets them for
/// one relearning step.
#[cfg(test)]
pub(crate) fn ranges(short_term: bool, relearning_steps: usize) -> [(f32, f32); 21] {
    ranges_for(
        &carnet_engine::DEFAULT_PARAMETERS.map(f64::from),
        short_term,
        relearning_steps,
    )
}

fn ranges_for(w: &[f64; 21], short_term: bool, relearning_steps: usize) -> [(f32, f32); 21] {
    // With several relearning steps, w17·w18 is bounded so that the steps cannot make a lapse
    // grow stability (fsrs-rs computes this in f32).
    let w17_w18_ceiling = if relearning_steps > 1 {
        let (w11, w13, w14) = (w[11] as f32, w[13] as f32, w[14] as f32);
        (-(w11.ln() + (2.0f32.powf(w13) - 1.0).ln() + w14 * 0.3) / relearning_steps as f32)
            .max(0.01)
            .sqrt()
            .min(2.0)
    } else {
        2.0
    };
    let w19_floor = if short_term { 0.01 } else { 0.0 };
    let (s_min, s_max) = (S_MIN as f32, INIT_S_MAX as f32);
    [
        (s_min, s_max),
        (s_min, s_max),
        (s_min, s_max),
        (s_min, s_max),
        (D_MIN as f32, D_MAX as f32),
        (0.001, 4.0),
        (0.001, 4.0),
        (0.001, 0.75),
        (0.0, 4.5),
        (0.0, 0.8),
        (0.001, 3.5),
        (0.001, 5.0),
        (0.001, 0.25),
        (0.001, 0.9),
        (0.0, 4.0),
        (0.0, 1.0),
        (1.0, 6.0),
        (0.0, w17_w18_ceiling),
        (0.0, w17_w18_ceiling),
        (w19_floor, 0.8),
        (0.1, 0.8),
    ]
}

/// Clips `w` into the ranges, in place.
pub(crate) fn clip(w: &mut [f64; 21], short_term: bool, relearning_steps: usize) {
    let ranges = ranges_for(w, short_term, relearning_steps);
    for (x, (lo, hi)) in w.iter_mut().zip(ranges) {
        *x = x.clamp(f64::from(lo), f64::from(hi));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use carnet_engine::Parameters;

    #[test]
    fn clipped_sets_are_accepted_by_the_engine() {
        for (short_term, steps) in [(true, 1), (false, 1), (true, 3)] {
            for fill in [-1e9, 0.0, 0.5, 1e9] {
                let mut w = [fill; 21];
                clip(&mut w, short_term, steps);
                let w32 = w.map(|x| x as f32);
                assert!(Parameters::new(&w32).is_ok(), "{w32:?}");
            }
        }
        // fsrs-rs's own test: defaults with two relearning steps.
        let mut w = carnet_engine::DEFAULT_PARAMETERS.map(f64::from);
        clip(&mut w, true, 2);
        assert!((w[17] - 0.5425).abs() < 1e-4 && (w[18] - 0.0912).abs() < 1e-4);
        let mut big = w;
        big[17] = 2.0;
        clip(&mut big, true, 2);
        assert!(big[17] < 2.0 && big[17] > 0.5);
    }
}
