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
