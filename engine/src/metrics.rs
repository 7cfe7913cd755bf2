//! How well predicted recall matches what happened: the FSRS benchmark's log loss and RMSE.

/// Number of equal-width probability bins for the calibration RMSE.
pub const BINS: usize = 20;

/// Accumulates (predicted probability, outcome) pairs; no allocation.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct PredictionMetrics {
    count: u64,
    log_loss_sum: f64,
    bins: [(u64, f64, f64); BINS],
}

impl PredictionMetrics {
    /// Adds one prediction `p` of recall and whether the card was recalled.
    pub fn add(&mut self, p: f32, recalled: bool) {
        let p = p as f64;
        let clipped = p.clamp(1e-7, 1.0 - 1e-7);
        let y = if recalled { 1.0 } else { 0.0 };
        self.count += 1;
        self.log_loss_sum -= if recalled {
            ln(clipped)
        } else {
            ln(1.0 - clipped)
        };
        let bin = ((p * BINS as f64) as usize).min(BINS - 1);
        let b = &mut self.bins[bin];
        b.0 += 1;
        b.1 += p;
        b.2 += y;
    }

    /// Number of predictions.
    pub fn count(&self) -> u64 {
        self.count
    }

    /// Mean negative log-likelihood of the outcomes (lower is better).
    pub fn log_loss(&self) -> f64 {
        if self.count == 0 {
            0.0
        } else {
            self.log_loss_sum / self.count as f64
        }
    }

    /// RMSE between mean prediction and mean outcome over 20 equal-width bins of p, each bin
    /// weighted by its count.
    pub fn rmse_bins(&self) -> f64 {
        if self.count == 0 {
            return 0.0;
        }
        let sum: f64 = self
            .bins
            .iter()
            .filter(|b| b.0 > 0)
            .map(|&(n, sp, sy)| {
                let d = sp / n as f64 - sy / n as f64;
                n as f64 * d * d
            })
            .sum();
        sqrt(sum / self.count as f64)
    }

    /// Share of outcomes that were recalls.
    pub fn recall_rate(&self) -> f64 {
        if self.count == 0 {
            return 0.0;
        }
        self.bins.iter().map(|b| b.2).sum::<f64>() / self.count as f64
    }
}

#[cfg(feature = "std")]
fn ln(x: f64) -> f64 {
    x.ln()
}
#[cfg(not(feature = "std"))]
fn ln(x: f64) -> f64 {
    libm::log(x)
}
#[cfg(feature = "std")]
fn sqrt(x: f64) -> f64 {
    x.sqrt()
}
#[cfg(not(feature = "std"))]
fn sqrt(x: f64) -> f64 {
    libm::sqrt(x)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rmse_and_log_loss_by_hand() {
        let mut m = PredictionMetrics::default();
        for i in 0..10 {
            m.add(0.925, i != 0 && i != 5);
        }
        // Mean prediction 0.925, mean outcome 0.8.
        assert!((m.rmse_bins() - 0.125).abs() < 1e-6);
        let mut m = PredictionMetrics::default();
        m.add(0.5, true);
        m.add(0.5, false);
        assert!(m.rmse_bins() < 1e-12);
        assert!((m.log_loss() - core::f64::consts::LN_2).abs() < 1e-9);
        assert_eq!(m.count(), 2);
        assert_eq!(m.recall_rate(), 0.5);
    }
}
