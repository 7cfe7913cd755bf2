//! The float functions the scheduler needs, routed to std when it is there.
//!
//! std's `powf`/`exp`/`ln` compile to the platform's libm and are several times faster on the
//! host than the pure-Rust `libm` crate (≈ 45 ns against ≈ 215 ns for a four-outcome step);
//! without `std` (the firmware) the `libm` crate is the only choice.

#[cfg(feature = "std")]
mod imp {
    #[inline]
    pub fn powf(x: f32, y: f32) -> f32 {
        x.powf(y)
    }
    #[inline]
    pub fn exp(x: f32) -> f32 {
        x.exp()
    }
    #[inline]
    pub fn ln(x: f32) -> f32 {
        x.ln()
    }
    #[inline]
    pub fn round(x: f32) -> f32 {
        x.round()
    }
    #[inline]
    pub fn floor(x: f32) -> f32 {
        x.floor()
    }
}

#[cfg(not(feature = "std"))]
mod imp {
    #[inline]
    pub fn powf(x: f32, y: f32) -> f32 {
        libm::powf(x, y)
    }
    #[inline]
    pub fn exp(x: f32) -> f32 {
        libm::expf(x)
    }
    #[inline]
    pub fn ln(x: f32) -> f32 {
        libm::logf(x)
    }
    #[inline]
    pub fn round(x: f32) -> f32 {
        libm::roundf(x)
    }
    #[inline]
    pub fn floor(x: f32) -> f32 {
        libm::floorf(x)
    }
}

pub(crate) use imp::{exp, floor, ln, powf, round};

/// Four powers, `[x0^y0, x1^y1, x2^y2, x3^y3]`: one step's R, S^−w9, D^−w12 and (S+1)^w13.
#[inline]
pub(crate) fn pow4(x: [f32; 4], y: [f32; 4]) -> [f32; 4] {
    [
        powf(x[0], y[0]),
        powf(x[1], y[1]),
        powf(x[2], y[2]),
        powf(x[3], y[3]),
    ]
}
