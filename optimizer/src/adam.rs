//! Adam with fsrs-rs's settings and PyTorch's cosine-annealing learning-rate schedule.

/// Adam (β1 0.9, β2 0.999, ε 1e-8) over the 21 parameters.
#[derive(Debug, Clone)]
pub(crate) struct Adam {
    m: [f64; 21],
    v: [f64; 21],
    t: i32,
}

impl Adam {
    pub(crate) fn new() -> Adam {
        Adam {
            m: [0.0; 21],
            v: [0.0; 21],
            t: 0,
        }
    }

    /// One step of size `lr` against `grad`.
    pub(crate) fn step(&mut self, w: &mut [f64; 21], grad: &[f64; 21], lr: f64) {
        const BETA1: f64 = 0.9;
        const BETA2: f64 = 0.999;
        const EPSILON: f64 = 1e-8;
        self.t += 1;
        let bias1 = 1.0 - BETA1.powi(self.t);
        let bias2 = 1.0 - BETA2.powi(self.t);
        for i in 0..21 {
            self.m[i] = BETA1 * self.m[i] + (1.0 - BETA1) * grad[i];
            self.v[i] = BETA2 * self.v[i] + (1.0 - BETA2) * grad[i] * grad[i];
            let m_hat = self.m[i] / bias1;
            let v_hat = self.v[i] / bias2;
            w[i] -= lr * m_hat / (v_hat.sqrt() + EPSILON);
        }
    }
}

/// The learning rate at step `step` (0-based) of `t_max`: lr·(1 + cos(π·step/t_max))/2, the
/// closed form of PyTorch's `CosineAnnealingLR` (minimum 0) that fsrs-rs steps recursively.
pub(crate) fn cosine_lr(lr: f64, step: usize, t_max: usize) -> f64 {
    let t_max = t_max.max(1) as f64;
    lr * (1.0 + (std::f64::consts::PI * step as f64 / t_max).cos()) / 2.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_schedule_is_fsrs_rs_s() {
        // fsrs-rs's test_lr_scheduler: T_max 5, lr 0.04, eleven steps.
        let expected = [
            0.04,
            0.03618033988749895,
            0.026180339887498946,
            0.013819660112501051,
            0.0038196601125010526,
            0.0,
            0.003819660112501051,
            0.013819660112501048,
            0.026180339887498943,
            0.03618033988749895,
            0.039999999999999994,
        ];
        for (step, e) in expected.iter().enumerate() {
            assert!((cosine_lr(0.04, step, 5) - e).abs() < 1e-12, "step {step}");
        }
    }

    #[test]
    fn adam_moves_against_the_gradient_by_about_lr() {
        let mut adam = Adam::new();
        let mut w = [1.0; 21];
        let mut g = [0.0; 21];
        g[3] = 5.0;
        g[7] = -0.001;
        adam.step(&mut w, &g, 0.04);
        assert!((w[3] - 0.96).abs() < 1e-9 && (w[7] - 1.04).abs() < 1e-6 && w[0] == 1.0);
    }
}
