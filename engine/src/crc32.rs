//! CRC-32 (ISO-HDLC, the zlib/PNG one) over deck files and log frames.

use crc::{Crc, Table, CRC_32_ISO_HDLC};

/// The table-driven implementation: slice-by-16 (16 KiB of tables, several times faster) on
/// hosts, one 1 KiB table on devices, where flash is scarce.
#[cfg(feature = "std")]
pub(crate) type Implementation = Table<16>;
/// The table-driven implementation: one 1 KiB table on devices, where flash is scarce.
#[cfg(not(feature = "std"))]
pub(crate) type Implementation = Table<1>;

/// The checksum algorithm used by both formats.
pub(crate) const CRC32: Crc<u32, Implementation> =
    Crc::<u32, Implementation>::new(&CRC_32_ISO_HDLC);

/// CRC-32 (ISO-HDLC: the zlib/PNG one, as in deck files and log frames) of `bytes`.
pub fn checksum(bytes: &[u8]) -> u32 {
    CRC32.checksum(bytes)
}
