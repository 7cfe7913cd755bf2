//! The 21 FSRS-6 parameters: defaults, validation, and upgrading older sets.

use crate::error::Error;
use crate::math;

/// How many parameters FSRS-6 has.
pub const PARAMETER_COUNT: usize = 21;

/// FSRS-6 default parameters, as published by py-fsrs 6.x and fsrs-rs 6.x.
pub const DEFAULT_PARAMETERS: [f32; PARAMETER_COUNT] = [
    0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796, 1.4835,
    0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542,
];

/// The forgetting-curve decay FSRS-4.5/5 used; older parameter sets get it as `w[20]`.
const FSRS5_DEFAULT_DECAY: f32 = 0.5;

/// Smallest stability FSRS allows (days); also the lower bound of `w[0..4]`.
pub(crate) const STABILITY_MIN: f32 = 0.001;

// Bounds from py-fsrs 6 (`LOWER_BOUNDS_PARAMETERS` / `UPPER_BOUNDS_PARAMETERS`), the same the
// optimizers clip to: a set outside them did not come from a real optimizer.
const LOWER: [f32; PARAMETER_COUNT] = [
    STABILITY_MIN,
    STABILITY_MIN,
    STABILITY_MIN,
    STABILITY_MIN,
    1.0,
    0.001,
    0.001,
    0.001,
    0.0,
    0.0,
    0.001,
    0.001,
    0.001,
    0.001,
    0.0,
    0.0,
    1.0,
    0.0,
    0.0,
    0.0,
    0.1,
];
const UPPER: [f32; PARAMETER_COUNT] = [
    100.0, 100.0, 100.0, 100.0, 10.0, 4.0, 4.0, 0.75, 4.5, 0.8, 3.5, 5.0, 0.25, 0.9, 4.0, 1.0, 6.0,
    2.0, 2.0, 0.8, 0.8,
];

/// A checked FSRS-6 parameter set.
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Parameters {
    w: [f32; PARAMETER_COUNT],
}

impl Default for Parameters {
    fn default() -> Self {
        Parameters {
            w: DEFAULT_PARAMETERS,
        }
    }
}

impl Parameters {
    /// Checks a parameter set of 17 (FSRS-4.5), 19 (FSRS-5) or 21 (FSRS-6) values.
    ///
    /// Older sets are upgraded exactly as fsrs-rs's `check_and_fill_parameters` does, so that
    /// they keep predicting what they predicted before. Every value must be finite and within
    /// the optimizer's bounds.
    pub fn new(values: &[f32]) -> Result<Parameters, Error> {
        let mut w = [0.0f32; PARAMETER_COUNT];
        match values.len() {
            17 => {
                w[..17].copy_from_slice(values);
                // FSRS-5 changed the initial-difficulty formula from linear to exponential and
                // shifted w6; these three lines keep D0 identical at grades 1 and 3.
                w[4] = values[5] * 2.0 + values[4];
                w[5] = math::ln(values[5] * 3.0 + 1.0) / 3.0;
                w[6] = values[6] + 0.5;
                w[17] = 0.0;
                w[18] = 0.0;
                w[19] = 0.0;
                w[20] = FSRS5_DEFAULT_DECAY;
            }
            19 => {
                w[..19].copy_from_slice(values);
                w[19] = 0.0;
                w[20] = FSRS5_DEFAULT_DECAY;
            }
            21 => w.copy_from_slice(values),
            _ => return Err(Error::ParameterCount),
        }
        for (index, value) in w.iter().enumerate() {
            if !value.is_finite() || *value < LOWER[index] || *value > UPPER[index] {
                return Err(Error::ParameterOutOfRange { index: index as u8 });
            }
        }
        Ok(Parameters { w })
    }

    /// The 21 values.
    pub fn as_array(&self) -> &[f32; PARAMETER_COUNT] {
        &self.w
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_are_valid() {
        assert_eq!(
            Parameters::new(&DEFAULT_PARAMETERS),
            Ok(Parameters::default())
        );
    }

    #[test]
    fn rejects_wrong_counts_and_ranges() {
        assert_eq!(Parameters::new(&[0.5; 20]), Err(Error::ParameterCount));
        assert_eq!(Parameters::new(&[]), Err(Error::ParameterCount));
        let mut w = DEFAULT_PARAMETERS;
        w[7] = 0.9;
        assert_eq!(
            Parameters::new(&w),
            Err(Error::ParameterOutOfRange { index: 7 })
        );
        w = DEFAULT_PARAMETERS;
        w[3] = f32::NAN;
        assert_eq!(
            Parameters::new(&w),
            Err(Error::ParameterOutOfRange { index: 3 })
        );
        w = DEFAULT_PARAMETERS;
        w[0] = 0.0;
        assert_eq!(
            Parameters::new(&w),
            Err(Error::ParameterOutOfRange { index: 0 })
        );
    }

    #[test]
    fn upgrades_fsrs5_and_fsrs45_sets_like_fsrs_rs() {
        // FSRS-5 defaults (fsrs-rs 1.x).
        let fsrs5 = [
            0.40255, 1.18385, 3.173, 15.69105, 7.1949, 0.5345, 1.4604, 0.0046, 1.54575, 0.1192,
            1.01925, 1.9395, 0.11, 0.29605, 2.2698, 0.2315, 2.9898, 0.51655, 0.6621,
        ];
        let p = Parameters::new(&fsrs5).unwrap();
        assert_eq!(&p.as_array()[..19], &fsrs5);
        assert_eq!(p.as_array()[19], 0.0);
        assert_eq!(p.as_array()[20], 0.5);

        // FSRS-4.5 defaults.
        let fsrs45 = [
            0.4872, 1.4003, 3.7145, 13.8206, 5.1618, 1.2298, 0.8975, 0.031, 1.6474, 0.1367, 1.0461,
            2.1072, 0.0793, 0.3246, 1.587, 0.2272, 2.8755,
        ];
        let p = Parameters::new(&fsrs45).unwrap();
        let w = p.as_array();
        assert!((w[4] - (5.1618 + 2.0 * 1.2298)).abs() < 1e-6);
        assert!((w[5] - (1.0f32 + 3.0 * 1.2298).ln() / 3.0).abs() < 1e-6);
        assert!((w[6] - 1.3975).abs() < 1e-6);
        assert_eq!(&w[17..], &[0.0, 0.0, 0.0, 0.5]);
    }
}
