//! The engine's one error type.

use core::fmt;

/// Everything that can go wrong in the engine: bad configuration or bad bytes.
///
/// Decoders of untrusted bytes return these instead of panicking.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
#[non_exhaustive]
pub enum Error {
    /// A parameter set does not have 17, 19 or 21 values.
    ParameterCount,
    /// Parameter `index` is not finite or lies outside the range FSRS allows for it.
    ParameterOutOfRange {
        /// Position of the offending parameter (0-based, after upgrading to 21 values).
        index: u8,
    },
    /// The desired retention is not strictly between 0 and 1.
    DesiredRetention,
    /// The maximum interval is zero or larger than the 36,500 days FSRS allows.
    MaximumInterval,
    /// Learning or relearning steps: too many, zero-length, or longer than the limit.
    Steps,
    /// The input does not start with the expected magic bytes: not a carnet file.
    BadMagic,
    /// The input was written by a newer format version than this build reads.
    UnsupportedVersion {
        /// The version found in the input.
        found: u16,
    },
    /// The input ends before the structure it announces.
    Truncated,
    /// The stored checksum does not match the content: the bytes are corrupt.
    Checksum,
    /// The bytes are well framed but do not decode to valid values.
    Malformed,
    /// A value does not fit the fixed-size buffer or field it must go into.
    TooLarge,
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::ParameterCount => f.write_str("FSRS parameters must be 17, 19 or 21 values"),
            Error::ParameterOutOfRange { index } => {
                write!(f, "FSRS parameter w[{index}] is out of range")
            }
            Error::DesiredRetention => {
                f.write_str("desired retention must be between 0 and 1 (exclusive)")
            }
            Error::MaximumInterval => {
                f.write_str("maximum interval must be between 1 and 36500 days")
            }
            Error::Steps => {
                f.write_str("learning steps: at most 16 steps, each between 1 second and 194 days")
            }
            Error::BadMagic => f.write_str("not a carnet file (bad magic bytes)"),
            Error::UnsupportedVersion { found } => write!(
                f,
                "format version {found} is newer than this program reads; upgrade carnet"
            ),
            Error::Truncated => f.write_str("data is truncated"),
            Error::Checksum => f.write_str("checksum mismatch: data is corrupt"),
            Error::Malformed => f.write_str("data is malformed"),
            Error::TooLarge => f.write_str("value too large for its field or buffer"),
        }
    }
}

#[cfg(feature = "std")]
impl std::error::Error for Error {}
