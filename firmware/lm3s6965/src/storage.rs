//! [`Storage`]: files on the SD card's first FAT partition, for the deck and the review log.
//!
//! The volume stays open from [`Storage::mount`] on, and the last two files read stay open
//! for reading (the deck and the log are read in small pieces, interleaved, at boot: opening
//! a file each time would walk the directory and the FAT again for every piece). An append
//! opens its file, writes, and closes it, so it is on the card (data, FAT and directory
//! entry) when [`Storage::append`] returns; a reader of that file is closed first.

use embedded_sdmmc::{
    Mode, RawDirectory, RawFile, RawVolume, SdCardError, ShortFileName, VolumeIdx, VolumeManager,
};

use crate::clock::Clock;
use crate::sdcard::{BusyDelay, SdCard, SdSpi};

/// Files kept open for reading.
const READERS: usize = 2;

/// The volume manager: one volume, one directory, the readers and one file being appended.
type Volumes = VolumeManager<SdCard, Clock, 1, { READERS + 1 }, 1>;
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

/// A file kept open for reading.
#[derive(Clone, Copy)]
struct Reader {
    name: ShortFileName,
    file: RawFile,
    len: u32,
}

/// Files on the SD card.
pub struct Storage {
    volumes: Volumes,
    volume: Option<RawVolume>,
    /// Open readers, most recently used first.
    readers: [Option<Reader>; READERS],
}

fn short_name(name: &str) -> Result<ShortFileName, StorageError> {
    ShortFileName::create_from_str(name).map_err(|_| StorageError::BadName)
}

impl Storage {
    /// Storage on the card behind `spi`; nothing is sent until [`Storage::mount`].
    pub fn new(spi: SdSpi, clock: Clock) -> Storage {
        Storage {
            volumes: VolumeManager::new_with_limits(SdCard::new(spi, BusyDelay), clock, 5000),
            volume: None,
            readers: [None; READERS],
        }
    }

    /// Initialises the card (power-up clocks, SPI-mode handshake at ≤ 400 kHz, then the fast
    /// clock) and opens the FAT partition. Returns the card's size in bytes.
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
        if self.volume.is_none() {
            self.volume = Some(self.volumes.open_raw_volume(VolumeIdx(0))?);
        }
        Ok(bytes)
    }

    fn volume(&mut self) -> Result<RawVolume, StorageError> {
        match self.volume {
            Some(v) => Ok(v),
            None => {
                let v = self.volumes.open_raw_volume(VolumeIdx(0))?;
                self.volume = Some(v);
                Ok(v)
            }
        }
    }

    /// Opens `name` in the root directory with `mode` (the directory is closed again).
    fn open(&mut self, name: &ShortFileName, mode: Mode) -> Result<RawFile, StorageError> {
        let volume = self.volume()?;
        let dir: RawDirectory = self.volumes.open_root_dir(volume)?;
        let file = self.volumes.open_file_in_dir(dir, name, mode);
        let closed = self.volumes.close_dir(dir);
        let file = file?;
        closed?;
        Ok(file)
    }

    /// The open reader of `name` (opened if needed, the least recently used one closed).
    fn reader(&mut self, name: &str) -> Result<Reader, StorageError> {
        let name = short_name(name)?;
        if let Some(k) = self
            .readers
            .iter()
            .position(|r| r.as_ref().is_some_and(|r| r.name == name))
        {
            self.readers[..=k].rotate_right(1);
            return self.readers[0].ok_or(StorageError::Filesystem);
        }
        if let Some(oldest) = self.readers[READERS - 1].take() {
            self.volumes.close_file(oldest.file)?;
        }
        let file = self.open(&name, Mode::ReadOnly)?;
        let len = self.volumes.file_length(file)?;
        let reader = Reader { name, file, len };
        self.readers.rotate_right(1);
        self.readers[0] = Some(reader);
        Ok(reader)
    }

    /// Closes the reader of `name`, if one is open.
    fn close_reader(&mut self, name: &ShortFileName) -> Result<(), StorageError> {
        for slot in self.readers.iter_mut() {
            if let Some(r) = slot.filter(|r| &r.name == name) {
                *slot = None;
                self.volumes.close_file(r.file)?;
            }
        }
        Ok(())
    }

    /// The size of file `name` in bytes.
    pub fn file_len(&mut self, name: &str) -> Result<u32, StorageError> {
        Ok(self.reader(name)?.len)
    }

    /// Reads the whole file `name` into `buf` and returns its length. Fails with
    /// [`StorageError::BufferTooSmall`] (reading nothing) if it does not fit.
    pub fn read_file(&mut self, name: &str, buf: &mut [u8]) -> Result<usize, StorageError> {
        let len = self.reader(name)?.len as usize;
        if len > buf.len() {
            return Err(StorageError::BufferTooSmall);
        }
        self.read_at(name, 0, &mut buf[..len])
    }

    /// Reads up to `buf.len()` bytes of file `name` from byte `offset`; returns how many were
    /// read (fewer at the end of the file, 0 past it).
    pub fn read_at(
        &mut self,
        name: &str,
        offset: u32,
        buf: &mut [u8],
    ) -> Result<usize, StorageError> {
        let reader = self.reader(name)?;
        if offset >= reader.len {
            return Ok(0);
        }
        self.volumes.file_seek_from_start(reader.file, offset)?;
        let n = buf.len().min((reader.len - offset) as usize);
        let mut done = 0;
        while done < n {
            let got = self.volumes.read(reader.file, &mut buf[done..n])?;
            if got == 0 {
                break;
            }
            done += got;
        }
        Ok(done)
    }

    /// Appends `bytes` to file `name`, creating it if needed, and closes it so the data and
    /// the directory entry are on the card when this returns.
    pub fn append(&mut self, name: &str, bytes: &[u8]) -> Result<(), StorageError> {
        let short = short_name(name)?;
        self.close_reader(&short)?;
        let file = self.open(&short, Mode::ReadWriteCreateOrAppend)?;
        let written = self.volumes.write(file, bytes);
        // Closing flushes the directory entry (the new length) even when the write failed
        // part way; the first error wins.
        let closed = self.volumes.close_file(file);
        written?;
        closed?;
        Ok(())
    }
}
