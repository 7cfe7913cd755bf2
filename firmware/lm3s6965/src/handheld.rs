//! [`CardFiles`]: the application's [`carnet_handheld::Storage`] on this board.
//!
//! On the SD card's FAT partition (root directory, 8.3 names):
//! - `DECK.BIN`: the deck (engine deck format), read a piece at a time, never whole;
//! - `REVIEWS.LOG`: the review log (engine review-log frames, appended one per grade; each
//!   append is on the card — data, FAT, directory entry — before the next card is shown);
//! - `SETTINGS.TXT`: the terminal's scheduling settings, written by `carnet sync`
//!   ([`carnet_handheld::settings_file`]), read at boot; absent, the defaults are used;
//! - `CARD.TXT`: what `carnet sync` last wrote ([`carnet_handheld::card_manifest`]), checked
//!   at boot: a half-written or changed set is refused until the next sync.
//!
//! Without a card, or when `DECK.BIN` is missing or fails its check, the deck built into the
//! firmware is used ([`CardFiles::open`] says why); without a card nothing can be saved.

use carnet_handheld::deck::{self, DeckError, DeckInfo};
use carnet_handheld::{BuiltInReason, DeckSource, StorageError as AppError};

use crate::storage::{Storage, StorageError};

/// The deck's file name on the card.
pub const DECK_FILE: &str = "DECK.BIN";
/// The review log's file name on the card.
pub const LOG_FILE: &str = "REVIEWS.LOG";
/// The settings file's name on the card.
pub const SETTINGS_FILE: &str = carnet_handheld::settings_file::SETTINGS_FILE;
/// The manifest's name on the card.
pub const MANIFEST_FILE: &str = carnet_handheld::card_manifest::MANIFEST_FILE;

/// Where the deck is read from.
#[derive(Clone, Copy)]
enum DeckBytes {
    Card { len: u32 },
    Flash(&'static [u8]),
}

/// The deck and the review log as the application sees them.
pub struct CardFiles {
    sd: &'static mut Storage,
    card: bool,
    deck: DeckBytes,
}

fn app_error(e: StorageError) -> AppError {
    match e {
        StorageError::NoCard | StorageError::NoFilesystem => AppError::NoCard,
        StorageError::Full => AppError::Full,
        _ => AppError::Io,
    }
}

impl CardFiles {
    /// Mounts the card and picks the deck: `DECK.BIN` if it passes [`deck::verify`] (one
    /// streaming CRC pass), else `bundled` (from flash). Returns the files, the checked deck
    /// and where it came from.
    pub fn open(
        sd: &'static mut Storage,
        bundled: &'static [u8],
    ) -> (CardFiles, Result<DeckInfo, DeckError>, DeckSource) {
        let mounted = sd.mount();
        let card_deck = match mounted {
            Ok(_) => sd.file_len(DECK_FILE),
            Err(e) => Err(e),
        };
        let mut files = CardFiles {
            sd,
            card: mounted.is_ok(),
            deck: DeckBytes::Flash(bundled),
        };
        let why = match card_deck {
            Ok(len) => {
                files.deck = DeckBytes::Card { len };
                match deck::verify(&mut files) {
                    Ok(info) => return (files, Ok(info), DeckSource::Card),
                    Err(e) => BuiltInReason::BadDeck(e),
                }
            }
            Err(StorageError::NotFound) => BuiltInReason::NoDeckFile,
            Err(_) if files.card => BuiltInReason::NoDeckFile,
            Err(_) => BuiltInReason::NoCard,
        };
        files.deck = DeckBytes::Flash(bundled);
        let info = deck::verify(&mut files);
        (files, info, DeckSource::BuiltIn(why))
    }

    /// Whether a card was mounted.
    pub fn has_card(&self) -> bool {
        self.card
    }
}

impl carnet_handheld::Storage for CardFiles {
    fn deck_len(&mut self) -> Result<u32, AppError> {
        Ok(match self.deck {
            DeckBytes::Card { len } => len,
            DeckBytes::Flash(bytes) => bytes.len() as u32,
        })
    }

    fn read_deck(&mut self, offset: u32, buf: &mut [u8]) -> Result<usize, AppError> {
        match self.deck {
            DeckBytes::Card { .. } => self.sd.read_at(DECK_FILE, offset, buf).map_err(app_error),
            DeckBytes::Flash(bytes) => {
                let rest = bytes.get(offset as usize..).unwrap_or(&[]);
                let n = rest.len().min(buf.len());
                buf[..n].copy_from_slice(&rest[..n]);
                Ok(n)
            }
        }
    }

    fn read_log(&mut self, offset: u32, buf: &mut [u8]) -> Result<usize, AppError> {
        if !self.card {
            return Ok(0);
        }
        match self.sd.read_at(LOG_FILE, offset, buf) {
            Err(StorageError::NotFound) => Ok(0),
            other => other.map_err(app_error),
        }
    }

    fn read_settings(&mut self, offset: u32, buf: &mut [u8]) -> Result<usize, AppError> {
        if !self.card {
            return Ok(0);
        }
        match self.sd.read_at(SETTINGS_FILE, offset, buf) {
            Err(StorageError::NotFound) => Ok(0),
            other => other.map_err(app_error),
        }
    }

    fn read_manifest(&mut self, offset: u32, buf: &mut [u8]) -> Result<usize, AppError> {
        if !self.card {
            return Ok(0);
        }
        match self.sd.read_at(MANIFEST_FILE, offset, buf) {
            Err(StorageError::NotFound) => Ok(0),
            other => other.map_err(app_error),
        }
    }

    fn append_log(&mut self, frame: &[u8]) -> Result<(), AppError> {
        if !self.card {
            return Err(AppError::NoCard);
        }
        self.sd.append(LOG_FILE, frame).map_err(app_error)
    }

    fn log_writable(&self) -> bool {
        self.card
    }
}
