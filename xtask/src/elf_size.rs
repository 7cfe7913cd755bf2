//! [`ImageSize`]: flash and RAM use of a firmware image, read from its ELF section headers.
//!
//! Sections that occupy memory (`SHF_ALLOC`) are sorted the way `size -A` and the budgets
//! count them: executable → text; writable with contents → data (in flash *and* RAM: its
//! initial values are copied at boot); writable without contents (`NOBITS`) → bss; the rest
//! (read-only data, the vector table) → rodata. Non-allocated sections (debug info, defmt's
//! string table) cost nothing on the device and are left out.

use std::path::Path;

use crate::error::{Context as _, Error, Result};

const SHF_WRITE: u32 = 0x1;
const SHF_ALLOC: u32 = 0x2;
const SHF_EXECINSTR: u32 = 0x4;
const SHT_NOBITS: u32 = 8;

/// Bytes of each kind of section in a firmware image.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ImageSize {
    /// Code.
    pub text: u64,
    /// Read-only data: fonts, strings, tables, the vector table.
    pub rodata: u64,
    /// Initialised statics (flash for the initial values, RAM at run time).
    pub data: u64,
    /// Zero-initialised and uninitialised statics.
    pub bss: u64,
}

impl ImageSize {
    /// Flash used: text + rodata + data.
    pub fn flash(&self) -> u64 {
        self.text + self.rodata + self.data
    }

    /// RAM used by statics: data + bss (the stack comes on top).
    pub fn static_ram(&self) -> u64 {
        self.data + self.bss
    }

    /// Reads the section headers of the 32-bit little-endian ELF file at `path`.
    pub fn of_elf_file(path: &Path) -> Result<ImageSize> {
        let bytes = std::fs::read(path).context(format!("reading {}", path.display()))?;
        ImageSize::of_elf(&bytes).map_err(|e| e.context(path.display()))
    }

    /// Sizes from the bytes of a 32-bit little-endian ELF file.
    pub fn of_elf(elf: &[u8]) -> Result<ImageSize> {
        if elf.get(..4) != Some(b"\x7fELF".as_slice()) {
            return Err(Error::new("not an ELF file"));
        }
        if elf.get(4) != Some(&1) || elf.get(5) != Some(&1) {
            return Err(Error::new("not a 32-bit little-endian ELF file"));
        }
        let shoff = u32_at(elf, 0x20)? as usize;
        let shentsize = u16_at(elf, 0x2E)? as usize;
        let shnum = u16_at(elf, 0x30)? as usize;
        if shentsize < 0x28 {
            return Err(Error::new("ELF section header entries too small"));
        }
        let mut size = ImageSize::default();
        for i in 0..shnum {
            let sh = shoff + i * shentsize;
            let sh_type = u32_at(elf, sh + 0x04)?;
            let flags = u32_at(elf, sh + 0x08)?;
            let bytes = u32_at(elf, sh + 0x14)? as u64;
            if flags & SHF_ALLOC == 0 {
                continue;
            }
            if flags & SHF_EXECINSTR != 0 {
                size.text += bytes;
            } else if flags & SHF_WRITE != 0 && sh_type == SHT_NOBITS {
                size.bss += bytes;
            } else if flags & SHF_WRITE != 0 {
                size.data += bytes;
            } else {
                size.rodata += bytes;
            }
        }
        Ok(size)
    }
}

fn u32_at(b: &[u8], at: usize) -> Result<u32> {
    b.get(at..at + 4)
        .and_then(|s| s.try_into().ok())
        .map(u32::from_le_bytes)
        .ok_or_else(|| Error::new("ELF file truncated"))
}

fn u16_at(b: &[u8], at: usize) -> Result<u16> {
    b.get(at..at + 2)
        .and_then(|s| s.try_into().ok())
        .map(u16::from_le_bytes)
        .ok_or_else(|| Error::new("ELF file truncated"))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A minimal ELF32 with four sections: text, rodata, data, bss (plus the null section).
    fn tiny_elf() -> Vec<u8> {
        let mut elf = vec![0u8; 0x34];
        elf[..6].copy_from_slice(b"\x7fELF\x01\x01");
        let shoff = 0x34u32;
        elf[0x20..0x24].copy_from_slice(&shoff.to_le_bytes());
        elf[0x2E..0x30].copy_from_slice(&0x28u16.to_le_bytes());
        elf[0x30..0x32].copy_from_slice(&5u16.to_le_bytes());
        let sections: [(u32, u32, u32); 5] = [
            (0, 0, 0),
            (1, SHF_ALLOC | SHF_EXECINSTR, 1000),
            (1, SHF_ALLOC, 300),
            (1, SHF_ALLOC | SHF_WRITE, 20),
            (SHT_NOBITS, SHF_ALLOC | SHF_WRITE, 4000),
        ];
        for (ty, flags, size) in sections {
            let mut sh = [0u8; 0x28];
            sh[4..8].copy_from_slice(&ty.to_le_bytes());
            sh[8..12].copy_from_slice(&flags.to_le_bytes());
            sh[0x14..0x18].copy_from_slice(&size.to_le_bytes());
            elf.extend_from_slice(&sh);
        }
        elf
    }

    #[test]
    fn sorts_sections_into_budgets() {
        let size = ImageSize::of_elf(&tiny_elf()).expect("valid ELF");
        assert_eq!(
            size,
            ImageSize {
                text: 1000,
                rodata: 300,
                data: 20,
                bss: 4000
            }
        );
        assert_eq!(size.flash(), 1320);
        assert_eq!(size.static_ram(), 4020);
    }

    #[test]
    fn rejects_truncated_files() {
        let elf = tiny_elf();
        assert!(ImageSize::of_elf(&elf[..60]).is_err());
        assert!(ImageSize::of_elf(b"nope").is_err());
    }
}
