//! The handheld's SD card, as a mounted folder or as a disk image (MBR + FAT, through mtools).
//!
//! Files on the card (all at the root, FAT 8.3 names): `DECK.BIN` (the deck, engine deck
//! format), `REVIEWS.LOG` (the review log, engine frames), which the handheld appends to, and
//! `SETTINGS.TXT` (the terminal's scheduling settings, see [`crate::commands::sync`]), and
//! `CARD.TXT`, which says which deck the card holds and that its files belong together
//! ([`crate::card_manifest`]).

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::atomic_file::{remove_stale_temporaries, write_atomically};
use crate::card_manifest::MANIFEST_FILE;
use crate::error::{CliError, Result};
use crate::messages::{fill, text};

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
        let meta = fs::metadata(target)
            .map_err(|e| CliError::input(fill(text().e_open_card, &[&target.display(), &e])))?;
        if meta.is_dir() {
            remove_stale_temporaries(target);
            return Ok(SdCard::Folder(target.to_path_buf()));
        }
        if let Some(dir) = target.parent() {
            remove_stale_temporaries(if dir.as_os_str().is_empty() {
                Path::new(".")
            } else {
                dir
            });
        }
        let mut head = [0u8; 512];
        let bytes = fs::read(target)
            .map_err(|e| CliError::input(fill(text().e_card_read, &[&target.display(), &e])))?;
        if bytes.len() < 512 {
            return Err(CliError::input(fill(
                text().e_small_image,
                &[&target.display(), &bytes.len()],
            )));
        }
        head.copy_from_slice(&bytes[..512]);
        let offset = fat_offset(&head)
            .ok_or_else(|| CliError::input(fill(text().e_not_an_image, &[&target.display()])))?;
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
                    .map_err(|e| CliError::input(fill(text().e_card_list, &[&dir.display(), &e])))?
                    .filter_map(|e| e.ok())
                    .find(|e| e.file_name().to_string_lossy().eq_ignore_ascii_case(name));
                match found {
                    None => Ok(None),
                    Some(entry) => fs::read(entry.path()).map(Some).map_err(|e| {
                        CliError::input(fill(text().e_card_read, &[&entry.path().display(), &e]))
                    }),
                }
            }
            SdCard::Image { path, offset } => {
                let tmp = local_temp(path, "read");
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
                    return Err(CliError::input(fill(
                        text().e_card_read_file,
                        &[&path.display(), &name, &err.trim()],
                    )));
                }
                let bytes = fs::read(&tmp)
                    .map_err(|e| CliError::failure(format!("{}: {e}", tmp.display())));
                let _ = fs::remove_file(&tmp);
                bytes.map(Some)
            }
        }
    }

    /// Writes each file whole, one after the other: on a folder through a temporary file
    /// and a rename; on an image in place through the FAT layer (mtools), with no copy of the
    /// image. What makes the files a set is the manifest ([`crate::card_manifest`]), which the
    /// caller writes before and after.
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
                for (name, bytes) in files {
                    let local = local_temp(path, "file");
                    fs::write(&local, bytes)
                        .map_err(|e| CliError::failure(format!("{}: {e}", local.display())))?;
                    let out = mtools(
                        "mcopy",
                        path,
                        *offset,
                        &["-o", &local.display().to_string(), &format!("::{name}")],
                    );
                    let _ = fs::remove_file(&local);
                    let out = out?;
                    if !out.status.success() {
                        return Err(CliError::input(fill(
                            text().e_card_write_file,
                            &[
                                &path.display(),
                                &name,
                                &String::from_utf8_lossy(&out.stderr).trim(),
                            ],
                        )));
                    }
                }
                let file = fs::OpenOptions::new()
                    .write(true)
                    .open(path)
                    .map_err(|e| CliError::failure(format!("{}: {e}", path.display())))?;
                file.sync_all()
                    .map_err(|e| CliError::failure(format!("{}: {e}", path.display())))
            }
        }
    }

    /// A name `STEM.EXT`, or `STEMnn.EXT` (01, 02, …), that no file on the card has yet.
    pub fn free_name(&self, stem: &str, ext: &str) -> Result<String> {
        let first = format!("{stem}.{ext}");
        if self.read(&first)?.is_none() {
            return Ok(first);
        }
        let short: String = stem.chars().take(6).collect();
        for n in 1..100 {
            let name = format!("{short}{n:02}.{ext}");
            if self.read(&name)?.is_none() {
                return Ok(name);
            }
        }
        Err(CliError::input(fill(
            text().e_card_names,
            &[&self.label(), &short, &ext],
        )))
    }

    /// How to name the card in messages.
    pub fn label(&self) -> String {
        match self {
            SdCard::Folder(d) => d.display().to_string(),
            SdCard::Image { path, .. } => path.display().to_string(),
        }
    }

    /// Refuses a folder that is not a carnet card: one holding files other than the card's
    /// own (and the hidden or system entries operating systems put on removable media), and no
    /// carnet deck. An empty folder is a new card.
    pub fn check_is_card(&self) -> Result<()> {
        let SdCard::Folder(dir) = self else {
            return Ok(());
        };
        let entries = fs::read_dir(dir)
            .map_err(|e| CliError::input(fill(text().e_card_list, &[&dir.display(), &e])))?;
        let mut strangers = Vec::new();
        let mut has_deck = false;
        for entry in entries.filter_map(|e| e.ok()) {
            let name = entry.file_name().to_string_lossy().into_owned();
            let upper = name.to_ascii_uppercase();
            if upper == DECK_FILE {
                has_deck = fs::read(entry.path()).is_ok_and(|b| b.starts_with(b"CARNETDK"));
            }
            let ours = [DECK_FILE, LOG_FILE, SETTINGS_FILE, MANIFEST_FILE]
                .contains(&upper.as_str())
                || upper.ends_with(".BAD");
            let system = name.starts_with('.')
                || ["SYSTEM VOLUME INFORMATION", "LOST.DIR", "$RECYCLE.BIN"]
                    .contains(&upper.as_str());
            if !ours && !system {
                strangers.push(name);
            }
        }
        if strangers.is_empty() || has_deck {
            return Ok(());
        }
        strangers.sort();
        let shown: Vec<&str> = strangers.iter().take(3).map(String::as_str).collect();
        let more = if strangers.len() > 3 {
            fill(text().e_other_files, &[&(strangers.len() - 3)])
        } else {
            String::new()
        };
        Err(CliError::input(fill(
            text().e_not_a_card_folder,
            &[&dir.display(), &shown.join(", "), &more, &DECK_FILE],
        )))
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

/// A temporary file next to the image, named `.IMAGE.carnet-WHAT-PID` (what
/// [`crate::atomic_file::remove_stale_temporaries`] clears once the process is gone).
fn local_temp(near: &Path, what: &str) -> PathBuf {
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
        .map_err(|e| CliError::failure(fill(text().e_no_mtools, &[&tool, &e])))
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
