//! [`Storage`]: files on the SD card's first FAT partition, for the deck and the review log.
//!
//! Every call opens the volume, the root directory and the file, does its work and closes them
//! again, so nothing is left half-written between calls: an append is on the card (data,
//! FAT and directory entry) when [`Storage::append`] returns.

use embedded_sdmmc::{Mode, SdCardError, VolumeIdx, VolumeManager};

use crate::clock::Clock;
use crate::sdcard::{BusyDelay, SdCard, SdSpi};

/// The volume manager: one volume, one directory and one file open at a time.
type Volumes = VolumeManager<SdCard, Clock, 1, 1, 1>;
type FsError = embedded_sdmmc::Error<SdCardError>;

/// What can go wrong with the card.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
#[non_exhaustive]
pub enum StorageError {
    /// No card answers.
    NoCard,
    /// The card answered but a transfer failed (CRC, timeout, write rejected).
    Io,
    /// No MBR with a FAT partition in slot 1.
    NoFilesystem,
    /// The file does not exist.
    NotFound,
    /// The name is not a valid 8.3 name.
    BadName,
    /// The file is larger than the buffer given.
    BufferTooSmall,
    /// The card is full.
    Full,
    /// The file system refused the operation (read-only, corrupt, …).
    Filesystem,
}

impl core::fmt::Display for StorageError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(match self {
            StorageError::NoCard => "no SD card",
            StorageError::Io => "SD card transfer failed",
            StorageError::NoFilesystem => "no FAT partition on the SD card",
            StorageError::NotFound => "file not found",
            StorageError::BadName => "not an 8.3 file name",
            StorageError::BufferTooSmall => "file larger than the buffer",
            StorageError::Full => "SD card full",
            StorageError::Filesystem => "file system error",
        })
    }
}

impl From<FsError> for StorageError {
    fn from(e: FsError) -> StorageError {
        use embedded_sdmmc::Error as E;
        match e {
            E::DeviceError(SdCardError::CardNotFound)
            | E::DeviceError(SdCardError::TimeoutCommand(_)) => StorageError::NoCard,
            E::DeviceError(_) => StorageError::Io,
            E::FormatError(_) | E::NoSuchVolume | E::BadBlockSize(_) => StorageError::NoFilesystem,
            E::NotFound => StorageError::NotFound,
            E::FilenameError(_) => StorageError::BadName,
            E::DiskFull | E::NotEnoughSpace => StorageError::Full,
            _ => StorageError::Filesystem,
        }
    }
}

/// Files on the SD card.
pub struct Storage {
    volumes: Volumes,
}

impl Storage {
    /// Storage on the card behind `spi`; nothing is sent until [`Storage::mount`].
    pub fn new(spi: SdSpi, clock: Clock) -> Storage {
        Storage {
            volumes: VolumeManager::new_with_limits(SdCard::new(spi, BusyDelay), clock, 5000),
        }
    }

    /// Initialises the card (power-up clocks, SPI-mode handshake at ≤ 400 kHz, then the fast
    /// clock) and checks that the FAT partition opens. Returns the card's size in bytes.
    pub fn mount(&mut self) -> Result<u64, StorageError> {
        let bytes = self
            .volumes
            .device(|card| {
                card.spi(|spi| spi.power_up_clocks());
                let bytes = card.num_bytes();
                card.spi(|spi| spi.set_fast());
                bytes
            })
            .map_err(FsError::DeviceError)?;
        let volume = self.volumes.open_volume(VolumeIdx(0))?;
        volume.close()?;
        Ok(bytes)
    }

    /// Runs `f` on the file `name` of the root directory, opened with `mode`.
    fn with_file<R>(
        &mut self,
        name: &str,
        mode: Mode,
        f: impl FnOnce(&embedded_sdmmc::File<'_, SdCard, Clock, 1, 1, 1>) -> Result<R, StorageError>,
    ) -> Result<R, StorageError> {
        let volume = self.volumes.open_volume(VolumeIdx(0))?;
        let dir = volume.open_root_dir()?;
        let file = dir.open_file_in_dir(name, mode)?;
        let result = f(&file);
        // Close in order even when `f` failed; the first error wins.
        let closed = file.close();
        let dir_closed = dir.close();
        let vol_closed = volume.close();
        let value = result?;
        closed?;
        dir_closed?;
        vol_closed?;
        Ok(value)
    }

    /// The size of file `name` in bytes.
    pub fn file_len(&mut self, name: &str) -> Result<u32, StorageError> {
        self.with_file(name, Mode::ReadOnly, |file| Ok(file.length()))
    }

    /// Reads the whole file `name` into `buf` and returns its length. Fails with
    /// [`StorageError::BufferTooSmall`] (reading nothing) if it does not fit.
    pub fn read_file(&mut self, name: &str, buf: &mut [u8]) -> Result<usize, StorageError> {
        self.with_file(name, Mode::ReadOnly, |file| {
            let len = file.length() as usize;
            let dest = buf.get_mut(..len).ok_or(StorageError::BufferTooSmall)?;
            read_fully(file, dest)
        })
    }

    /// Reads up to `buf.len()` bytes of file `name` from byte `offset`; returns how many were
    /// read (fewer at the end of the file, 0 past it).
    pub fn read_at(
        &mut self,
        name: &str,
        offset: u32,
        buf: &mut [u8],
    ) -> Result<usize, StorageError> {
        self.with_file(name, Mode::ReadOnly, |file| {
            let len = file.length();
            if offset >= len {
                return Ok(0);
            }
            file.seek_from_start(offset)?;
            let n = buf.len().min((len - offset) as usize);
            read_fully(file, &mut buf[..n])
        })
    }

    /// Appends `bytes` to file `name`, creating it if needed, and closes it so the data and
    /// the directory entry are on the card when this returns.
    pub fn append(&mut self, name: &str, bytes: &[u8]) -> Result<(), StorageError> {
        self.with_file(name, Mode::ReadWriteCreateOrAppend, |file| {
            file.write(bytes)?;
            file.flush()?;
            Ok(())
        })
    }
}

fn read_fully(
    file: &embedded_sdmmc::File<'_, SdCard, Clock, 1, 1, 1>,
    buf: &mut [u8],
) -> Result<usize, StorageError> {
    let mut done = 0;
    while done < buf.len() {
        let n = file.read(&mut buf[done..])?;
        if n == 0 {
            break;
        }
        done += n;
    }
    Ok(done)
}
