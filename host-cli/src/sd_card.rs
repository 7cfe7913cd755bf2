//! The handheld's SD card, as a mounted folder or as a disk image (MBR + FAT, through mtools).
//!
//! Files on the card (all at the root, FAT 8.3 names): `DECK.BIN` (the deck, engine deck
//! format), `REVIEWS.LOG` (the review log, engine frames), which the handheld appends to, and
//! `SETTINGS.TXT` (the terminal's scheduling settings, see [`crate::commands::sync`]).

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::atomic_file::write_atomically;
use crate::error::{CliError, Result};

/// The deck's name on the card.
pub const DECK_FILE: &str = "DECK.BIN";
/// The review log's name on the card.
pub const LOG_FILE: &str = "REVIEWS.LOG";
/// The scheduling settings' name on the card.
pub const SETTINGS_FILE: &str = "SETTINGS.TXT";

/// Where the card is.
#[derive(Debug, Clone)]
pub enum SdCard {
    /// A mounted card (or any folder standing for one).
    Folder(PathBuf),
    /// A raw image of the card; the FAT file system starts `offset` bytes in.
    Image {
        /// The image file.
        path: PathBuf,
        /// Byte offset of the FAT partition (from the MBR; 0 without one).
        offset: u64,
    },
}

impl SdCard {
    /// The card at `target`: a folder, or an image file whose partition table is read.
    pub fn open(target: &Path) -> Result<SdCard> {
        let meta = fs::metadata(target).map_err(|e| {
            CliError::input(format!(
                "{}: cannot open the SD card: {e}",
                target.display()
            ))
        })?;
        if meta.is_dir() {
            return Ok(SdCard::Folder(target.to_path_buf()));
        }
        let mut head = [0u8; 512];
        let bytes = fs::read(target)
            .map_err(|e| CliError::input(format!("{}: cannot read: {e}", target.display())))?;
        if bytes.len() < 512 {
            return Err(CliError::input(format!(
                "{}: not an SD card image (only {} bytes)",
                target.display(),
                bytes.len()
            )));
        }
        head.copy_from_slice(&bytes[..512]);
        let offset = fat_offset(&head).ok_or_else(|| {
            CliError::input(format!(
                "{}: not an SD card image: neither an MBR with a FAT partition nor a FAT boot sector",
                target.display()
            ))
        })?;
        Ok(SdCard::Image {
            path: target.to_path_buf(),
            offset,
        })
    }

    /// The contents of `name`, or `None` if the card does not have it.
    pub fn read(&self, name: &str) -> Result<Option<Vec<u8>>> {
        match self {
            SdCard::Folder(dir) => {
                // FAT names are case-insensitive; a mounted card may show them in lower case.
                let found = fs::read_dir(dir)
                    .map_err(|e| CliError::input(format!("{}: cannot list: {e}", dir.display())))?
                    .filter_map(|e| e.ok())
                    .find(|e| e.file_name().to_string_lossy().eq_ignore_ascii_case(name));
                match found {
                    None => Ok(None),
                    Some(entry) => fs::read(entry.path()).map(Some).map_err(|e| {
                        CliError::input(format!("{}: cannot read: {e}", entry.path().display()))
                    }),
                }
            }
            SdCard::Image { path, offset } => {
                let tmp = tempfile_path(path, "read");
                let out = mtools(
                    "mcopy",
                    path,
                    *offset,
                    &["-n", "-o", &format!("::{name}"), &tmp.display().to_string()],
                )?;
                if !out.status.success() {
                    let _ = fs::remove_file(&tmp);
                    let err = String::from_utf8_lossy(&out.stderr);
                    if err.contains("not found") {
                        return Ok(None);
                    }
                    return Err(CliError::input(format!(
                        "{}: cannot read {name}: {}",
                        path.display(),
                        err.trim()
                    )));
                }
                let bytes = fs::read(&tmp)
                    .map_err(|e| CliError::failure(format!("{}: {e}", tmp.display())));
                let _ = fs::remove_file(&tmp);
                bytes.map(Some)
            }
        }
    }

    /// Writes the files all at once: each replaced atomically on a folder; on an image, a copy
    /// of the image is changed and then renamed over it, so a failure leaves the card as it was.
    pub fn write(&self, files: &[(&str, &[u8])]) -> Result<()> {
        match self {
            SdCard::Folder(dir) => {
                for (name, bytes) in files {
                    let existing = fs::read_dir(dir)
                        .ok()
                        .and_then(|rd| {
                            rd.filter_map(|e| e.ok()).find(|e| {
                                e.file_name().to_string_lossy().eq_ignore_ascii_case(name)
                            })
                        })
                        .map(|e| e.path());
                    write_atomically(&existing.unwrap_or_else(|| dir.join(name)), bytes)?;
                }
                Ok(())
            }
            SdCard::Image { path, offset } => {
                let copy = tempfile_path(path, "image");
                fs::copy(path, &copy).map_err(|e| {
                    CliError::failure(format!("{}: cannot copy the image: {e}", path.display()))
                })?;
                let result = (|| {
                    for (name, bytes) in files {
                        let local = tempfile_path(path, "file");
                        fs::write(&local, bytes)
                            .map_err(|e| CliError::failure(format!("{}: {e}", local.display())))?;
                        let out = mtools(
                            "mcopy",
                            &copy,
                            *offset,
                            &["-o", &local.display().to_string(), &format!("::{name}")],
                        );
                        let _ = fs::remove_file(&local);
                        let out = out?;
                        if !out.status.success() {
                            return Err(CliError::input(format!(
                                "{}: cannot write {name}: {}",
                                path.display(),
                                String::from_utf8_lossy(&out.stderr).trim()
                            )));
                        }
                    }
                    let file =
                        fs::File::open(&copy).map_err(|e| CliError::failure(format!("{e}")))?;
                    file.sync_all()
                        .map_err(|e| CliError::failure(format!("{}: {e}", copy.display())))?;
                    fs::rename(&copy, path).map_err(|e| {
                        CliError::failure(format!(
                            "{}: cannot replace the image: {e}",
                            path.display()
                        ))
                    })
                })();
                if result.is_err() {
                    let _ = fs::remove_file(&copy);
                }
                result
            }
        }
    }
}

/// Offset of the FAT file system in an image: the first FAT partition of an MBR, or 0 for a
/// bare FAT boot sector.
fn fat_offset(sector: &[u8; 512]) -> Option<u64> {
    if sector[510] != 0x55 || sector[511] != 0xAA {
        return None;
    }
    let fat_types = [0x01, 0x04, 0x06, 0x0B, 0x0C, 0x0E];
    for entry in sector[446..510].chunks(16) {
        if fat_types.contains(&entry[4]) {
            let lba = u32::from_le_bytes([entry[8], entry[9], entry[10], entry[11]]);
            if lba > 0 {
                return Some(lba as u64 * 512);
            }
        }
    }
    // A boot sector: jump instruction, then "FAT" in its file-system type field.
    let is_boot = matches!(sector[0], 0xEB | 0xE9);
    let fat_label = &sector[54..57] == b"FAT" || &sector[82..85] == b"FAT";
    (is_boot && fat_label).then_some(0)
}

fn tempfile_path(near: &Path, what: &str) -> PathBuf {
    let name = near
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    near.with_file_name(format!(".{name}.carnet-{what}-{}", std::process::id()))
}

fn mtools(tool: &str, image: &Path, offset: u64, args: &[&str]) -> Result<std::process::Output> {
    Command::new(tool)
        .env("MTOOLS_SKIP_CHECK", "1")
        .arg("-i")
        .arg(format!("{}@@{offset}", image.display()))
        .args(args)
        .output()
        .map_err(|e| {
            CliError::failure(format!(
                "cannot run {tool} ({e}): SD card images are read and written with mtools \
                 (Debian package `mtools`); or mount the card and give its folder instead"
            ))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_partition_of_an_mbr() {
        let mut mbr = [0u8; 512];
        mbr[510] = 0x55;
        mbr[511] = 0xAA;
        mbr[446 + 4] = 0x06;
        mbr[446 + 8..446 + 12].copy_from_slice(&2048u32.to_le_bytes());
        assert_eq!(fat_offset(&mbr), Some(1 << 20));
        let mut boot = [0u8; 512];
        boot[0] = 0xEB;
        boot[54..57].copy_from_slice(b"FAT");
        boot[510] = 0x55;
        boot[511] = 0xAA;
        assert_eq!(fat_offset(&boot), Some(0));
        assert_eq!(fat_offset(&[0u8; 512]), None);
    }
}
