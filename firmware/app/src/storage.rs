//! [`Storage`]: what the application needs from the board's files — the deck, read at any
//! offset, the review log, read once at boot and then appended to, and the terminal's
//! settings file, read once at boot.

use core::fmt;

/// What can go wrong with the board's files.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum StorageError {
    /// There is no card (or no file system) to write the log on.
    NoCard,
    /// A transfer failed or the file system refused the operation.
    Io,
    /// The card is full.
    Full,
}

impl fmt::Display for StorageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            StorageError::NoCard => "no card to write on",
            StorageError::Io => "storage transfer failed",
            StorageError::Full => "storage full",
        })
    }
}

/// The deck file and the review log, as the board keeps them (an SD card, flash, or memory in
/// tests).
///
/// The log holds review-log frames ([`carnet_engine::review_log`]) one after the other; the
/// application reads it from the start at boot and then only appends. An append must be
/// durable when it returns (the board syncs it): the application shows the next card only
/// after that.
pub trait Storage {
    /// Length of the deck file in bytes.
    fn deck_len(&mut self) -> Result<u32, StorageError>;

    /// Reads deck bytes from `offset` into `buf`; returns how many were read (fewer only at
    /// the end of the file).
    fn read_deck(&mut self, offset: u32, buf: &mut [u8]) -> Result<usize, StorageError>;

    /// Reads log bytes from `offset` into `buf`; returns how many were read, 0 at the end
    /// (a missing log is an empty one).
    fn read_log(&mut self, offset: u32, buf: &mut [u8]) -> Result<usize, StorageError>;

    /// Appends one frame to the log, durably.
    fn append_log(&mut self, frame: &[u8]) -> Result<(), StorageError>;

    /// Reads bytes of the settings file (`SETTINGS.TXT`, see [`crate::settings_file`]) from
    /// `offset` into `buf`; returns how many were read, 0 at the end. A missing file reads as
    /// an empty one (the default: a board without such a file), and the board's settings
    /// are used.
    fn read_settings(&mut self, offset: u32, buf: &mut [u8]) -> Result<usize, StorageError> {
        let _ = (offset, buf);
        Ok(0)
    }

    /// Reads bytes of the card's manifest (`CARD.TXT`, see [`crate::card_manifest`]) from
    /// `offset` into `buf`; returns how many were read, 0 at the end. A missing file reads as
    /// an empty one (the default: a board or card without manifests).
    fn read_manifest(&mut self, offset: u32, buf: &mut [u8]) -> Result<usize, StorageError> {
        let _ = (offset, buf);
        Ok(0)
    }

    /// Whether appends can work at all (false without a card: reviews are then kept in RAM
    /// only, and the home screen says so).
    fn log_writable(&self) -> bool {
        true
    }
}

/// A storage lent by reference works as the storage itself (a board can keep its storage in
/// a static and give the application `&mut` to it).
impl<T: Storage + ?Sized> Storage for &mut T {
    fn deck_len(&mut self) -> Result<u32, StorageError> {
        (**self).deck_len()
    }

    fn read_deck(&mut self, offset: u32, buf: &mut [u8]) -> Result<usize, StorageError> {
        (**self).read_deck(offset, buf)
    }

    fn read_log(&mut self, offset: u32, buf: &mut [u8]) -> Result<usize, StorageError> {
        (**self).read_log(offset, buf)
    }

    fn append_log(&mut self, frame: &[u8]) -> Result<(), StorageError> {
        (**self).append_log(frame)
    }

    fn read_settings(&mut self, offset: u32, buf: &mut [u8]) -> Result<usize, StorageError> {
        (**self).read_settings(offset, buf)
    }

    fn read_manifest(&mut self, offset: u32, buf: &mut [u8]) -> Result<usize, StorageError> {
        (**self).read_manifest(offset, buf)
    }

    fn log_writable(&self) -> bool {
        (**self).log_writable()
    }
}
