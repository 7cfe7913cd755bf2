//! CRC-32 (ISO-HDLC, the zlib/PNG one) over deck files and log frames.

use crc::{Crc, CRC_32_ISO_HDLC};

/// The checksum algorithm used by both formats.
pub(crate) const CRC32: Crc<u32> = Crc::<u32>::new(&CRC_32_ISO_HDLC);

/// CRC-32 (ISO-HDLC: the zlib/PNG one, as in deck files and log frames) of `bytes`.
pub fn checksum(bytes: &[u8]) -> u32 {
    CRC32.checksum(bytes)
}
