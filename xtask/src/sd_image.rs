//! SD card images for QEMU: 64 MiB (QEMU wants a power of two), an MBR with one FAT16
//! partition at sector 2048 (embedded-sdmmc needs a partition table), files put in and read
//! back with mtools (`mcopy`, `mtype`; `dosfstools` formats).

use std::fs::{self, OpenOptions};
use std::io::{Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::error::{Context as _, Error, Result};

/// Image size: 64 MiB.
pub const IMAGE_BYTES: u64 = 64 * 1024 * 1024;
/// First sector of the FAT partition (1 MiB in: mtools' `@@1M`).
pub const PARTITION_START_SECTOR: u32 = 2048;
const SECTOR: u64 = 512;
/// The partition's size in 1 KiB blocks, as `mkfs.fat` counts it.
const PARTITION_KIB: u64 = (IMAGE_BYTES - PARTITION_START_SECTOR as u64 * SECTOR) / 1024;
/// MBR partition type: FAT16 with more than 32 MiB.
const TYPE_FAT16: u8 = 0x06;

/// The MBR: one partition entry, the 0x55AA signature, everything else zero.
pub fn master_boot_record() -> [u8; 512] {
    let mut mbr = [0u8; 512];
    let entry = &mut mbr[446..462];
    entry[0] = 0x00; // not bootable
    entry[1..4].copy_from_slice(&[0xFE, 0xFF, 0xFF]); // CHS unused: LBA only
    entry[4] = TYPE_FAT16;
    entry[5..8].copy_from_slice(&[0xFE, 0xFF, 0xFF]);
    entry[8..12].copy_from_slice(&PARTITION_START_SECTOR.to_le_bytes());
    let sectors = (PARTITION_KIB * 2) as u32;
    entry[12..16].copy_from_slice(&sectors.to_le_bytes());
    mbr[510] = 0x55;
    mbr[511] = 0xAA;
    mbr
}

/// mtools' view of the partition inside `image`.
fn mtools_image(image: &Path) -> String {
    format!("{}@@1M", image.display())
}

fn tool(name: &str) -> PathBuf {
    // mkfs.fat lives in /usr/sbin, which is not on every user's PATH.
    for dir in ["/usr/sbin", "/sbin", "/usr/bin"] {
        let p = Path::new(dir).join(name);
        if p.exists() {
            return p;
        }
    }
    PathBuf::from(name)
}

fn run(cmd: &mut Command, what: &str) -> Result<Vec<u8>> {
    // mtools checks the partition geometry against a floppy-era table; the image is fine.
    cmd.env("MTOOLS_SKIP_CHECK", "1");
    let out = cmd.output().map_err(|e| {
        Error::new(format!(
            "{what}: {e} (needs `apt-get install -y dosfstools mtools`)"
        ))
    })?;
    if !out.status.success() {
        return Err(Error::new(format!(
            "{what} failed ({}): {}",
            out.status,
            String::from_utf8_lossy(&out.stderr).trim()
        )));
    }
    Ok(out.stdout)
}

/// Creates a fresh image at `path` with `files` (8.3 names, contents) in the root directory.
pub fn create(path: &Path, files: &[(&str, &[u8])]) -> Result<()> {
    if let Some(dir) = path.parent() {
        fs::create_dir_all(dir).context(format!("creating {}", dir.display()))?;
    }
    let _ = fs::remove_file(path);
    let file = OpenOptions::new()
        .create(true)
        .truncate(true)
        .write(true)
        .open(path)
        .context(format!("creating {}", path.display()))?;
    file.set_len(IMAGE_BYTES)?;
    drop(file);
    run(
        Command::new(tool("mkfs.fat"))
            .args(["-F", "16", "-n", "CARNET"])
            .arg(format!("--offset={PARTITION_START_SECTOR}"))
            .arg(path)
            .arg(PARTITION_KIB.to_string()),
        "mkfs.fat",
    )?;
    let mut file = OpenOptions::new().write(true).open(path)?;
    file.seek(SeekFrom::Start(0))?;
    file.write_all(&master_boot_record())?;
    file.sync_all()?;
    drop(file);
    for (name, contents) in files {
        put_file(path, name, contents)?;
    }
    Ok(())
}

/// Copies `contents` into the image as `name` (replacing it if present).
pub fn put_file(image: &Path, name: &str, contents: &[u8]) -> Result<()> {
    let staging = image.with_extension(format!("{name}.staging"));
    fs::write(&staging, contents).context(format!("writing {}", staging.display()))?;
    let result = run(
        Command::new(tool("mcopy"))
            .args(["-o", "-i"])
            .arg(mtools_image(image))
            .arg(&staging)
            .arg(format!("::{name}")),
        &format!("mcopy {name}"),
    );
    let _ = fs::remove_file(&staging);
    result.map(|_| ())
}

/// The names of the files in the image's root directory (`mdir -b`), upper case.
pub fn list(image: &Path) -> Result<Vec<String>> {
    let out = run(
        Command::new(tool("mdir"))
            .args(["-b", "-i"])
            .arg(mtools_image(image))
            .arg("::"),
        "mdir",
    )?;
    Ok(String::from_utf8_lossy(&out)
        .lines()
        .map(|l| {
            l.trim()
                .trim_start_matches("::/")
                .trim_start_matches('/')
                .to_owned()
        })
        .filter(|l| !l.is_empty())
        .map(|l| l.to_ascii_uppercase())
        .collect())
}

/// Removes file `name` from the image (`mdel`); a missing file is not an error.
pub fn remove_file(image: &Path, name: &str) -> Result<()> {
    if !list(image)?.iter().any(|f| f.eq_ignore_ascii_case(name)) {
        return Ok(());
    }
    run(
        Command::new(tool("mdel"))
            .arg("-i")
            .arg(mtools_image(image))
            .arg(format!("::{name}")),
        &format!("mdel {name}"),
    )
    .map(|_| ())
}

/// Reads file `name` back from the image with `mtype`.
pub fn read_file(image: &Path, name: &str) -> Result<Vec<u8>> {
    run(
        Command::new(tool("mtype"))
            .arg("-i")
            .arg(mtools_image(image))
            .arg(format!("::{name}")),
        &format!("mtype {name}"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mbr_has_one_fat16_partition_at_2048() {
        let mbr = master_boot_record();
        assert_eq!(&mbr[510..], &[0x55, 0xAA]);
        assert_eq!(mbr[446 + 4], 0x06);
        assert_eq!(
            u32::from_le_bytes([mbr[454], mbr[455], mbr[456], mbr[457]]),
            2048
        );
        let sectors = u32::from_le_bytes([mbr[458], mbr[459], mbr[460], mbr[461]]);
        assert_eq!(2048 + sectors as u64, IMAGE_BYTES / 512);
        assert_eq!(PARTITION_KIB, 64512);
        // Only the first entry is used.
        assert!(mbr[462..510].iter().all(|&b| b == 0));
    }
}
