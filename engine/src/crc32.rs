//! CRC-32 (ISO-HDLC, the zlib/PNG one) over deck files and log frames.
//!
//! Hosts use `crc32fast` (carry-less multiplication where the processor has it: a 19 MB deck
//! or a 25 MB log is checked in a few milliseconds); devices use one 1 KiB table from `crc`,
//! where flash is scarce. Both compute the same checksum.

/// CRC-32 (ISO-HDLC: the zlib/PNG one, as in deck files and log frames) of `bytes`.
pub fn checksum(bytes: &[u8]) -> u32 {
    let mut digest = Digest::new();
    digest.update(bytes);
    digest.finalize()
}

/// A CRC-32 computed over bytes fed in pieces.
#[cfg(feature = "std")]
pub(crate) struct Digest(crc32fast::Hasher);

#[cfg(feature = "std")]
impl Digest {
    pub(crate) fn new() -> Digest {
        Digest(crc32fast::Hasher::new())
    }

    pub(crate) fn update(&mut self, bytes: &[u8]) {
        self.0.update(bytes);
    }

    pub(crate) fn finalize(self) -> u32 {
        self.0.finalize()
    }
}

#[cfg(not(feature = "std"))]
const CRC32: crc::Crc<u32, crc::Table<1>> =
    crc::Crc::<u32, crc::Table<1>>::new(&crc::CRC_32_ISO_HDLC);

/// A CRC-32 computed over bytes fed in pieces.
#[cfg(not(feature = "std"))]
pub(crate) struct Digest(crc::Digest<'static, u32, crc::Table<1>>);

#[cfg(not(feature = "std"))]
impl Digest {
    pub(crate) fn new() -> Digest {
        Digest(CRC32.digest())
    }

    pub(crate) fn update(&mut self, bytes: &[u8]) {
        self.0.update(bytes);
    }

    pub(crate) fn finalize(self) -> u32 {
        self.0.finalize()
    }
}

#[cfg(test)]
mod tests {
    /// The check value of CRC-32/ISO-HDLC, and agreement with the `crc` crate's table
    /// (the devices' implementation) on lengths around the fast path's block sizes.
    #[test]
    fn matches_the_reference_crc() {
        assert_eq!(super::checksum(b"123456789"), 0xCBF4_3926);
        let reference = crc::Crc::<u32>::new(&crc::CRC_32_ISO_HDLC);
        let bytes: std::vec::Vec<u8> = (0..5000u32).map(|i| (i * 7919 % 251) as u8).collect();
        for len in [0, 1, 15, 16, 63, 64, 65, 127, 128, 1000, 4999, 5000] {
            assert_eq!(
                super::checksum(&bytes[..len]),
                reference.checksum(&bytes[..len]),
                "length {len}"
            );
        }
    }
}
