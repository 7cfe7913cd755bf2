//! `CARD.TXT`: what `carnet sync` last wrote to an SD card, so that the card's files are
//! known to belong together and to which deck.
//!
//! A sync cannot replace three files on a FAT card at once (no rename changes a set). So it
//! marks the card first and describes the finished set last:
//!
//! 1. the card's reviews are merged into the terminal's store (on disk) before anything on the
//!    card changes, so no state of the card during the write holds a review the terminal lacks;
//! 2. `CARD.TXT` is written with `state=writing`;
//! 3. `DECK.BIN`, `REVIEWS.LOG` and `SETTINGS.TXT` are written (each whole: a temporary file
//!    and a rename on a mounted card; in place through the FAT layer on an image);
//! 4. `CARD.TXT` is written with `state=complete`, the deck's identity, the generation and the
//!    length and CRC-32 of each file.
//!
//! A kill anywhere leaves `state=writing` (or the old complete manifest, before step 2): the
//! handheld then refuses to study from the card and asks for a new sync (it never mixes a new
//! log with old settings), and the next sync finishes the job. A card without `CARD.TXT` was
//! written by carnet 0.1 (or by hand) and is read as before.
//!
//! ```text
//! carnet-card 1
//! state=complete
//! deck_id=4a0f…(32 hex digits)
//! generation=3
//! deck=14938,1c0ffee1
//! log=2412,89abcdef
//! settings=402,01234567
//! synced_ms=1795852800000
//! ```
//!
//! `deck`, `log`, `settings`: length in bytes and CRC-32 (ISO-HDLC, hex) of the file as the
//! sync wrote it. The handheld appends to `REVIEWS.LOG`, so only its first `log` bytes are
//! the sync's. For the deck, the CRC is the deck's own checksum (of every byte before its
//! last four, which hold it), so the handheld compares without reading the deck again.

use carnet_engine::deck::DeckId;

/// The manifest's file name on the card.
pub const MANIFEST_FILE: &str = "CARD.TXT";
/// Its version line.
pub const MANIFEST_HEADER: &str = "carnet-card 1";

/// Length and CRC-32 of one file of the set.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FileSum {
    /// Length in bytes.
    pub len: u64,
    /// CRC-32 of those bytes.
    pub crc: u32,
}

impl FileSum {
    /// The sum of `bytes`.
    pub fn of(bytes: &[u8]) -> FileSum {
        FileSum {
            len: bytes.len() as u64,
            crc: carnet_engine::crc32(bytes),
        }
    }

    /// The sum of a deck file: its length, and its own checksum (the CRC-32 of every byte
    /// before the last four, which hold it), so the handheld need not read the deck twice.
    pub fn of_deck(bytes: &[u8]) -> FileSum {
        FileSum {
            len: bytes.len() as u64,
            crc: carnet_engine::crc32(&bytes[..bytes.len().saturating_sub(4)]),
        }
    }

    fn parse(text: &str) -> Option<FileSum> {
        let (len, crc) = text.split_once(',')?;
        Some(FileSum {
            len: len.parse().ok()?,
            crc: u32::from_str_radix(crc, 16).ok()?,
        })
    }
}

/// What `CARD.TXT` says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Manifest {
    /// A sync started writing the card and did not finish.
    Writing {
        /// The deck it was writing.
        deck_id: Option<DeckId>,
        /// The generation it was writing.
        generation: u64,
    },
    /// The card holds a finished set.
    Complete {
        /// The deck on the card.
        deck_id: DeckId,
        /// Counts the syncs that wrote this card.
        generation: u64,
        /// `DECK.BIN`.
        deck: FileSum,
        /// The first bytes of `REVIEWS.LOG`.
        log: FileSum,
        /// `SETTINGS.TXT`.
        settings: FileSum,
        /// When the sync wrote the card (terminal clock, ms): a review the handheld makes
        /// after it cannot be older, so an older one tells of a device clock that is behind.
        synced_ms: Option<i64>,
    },
}

impl Manifest {
    /// The deck the card holds (or was being given).
    pub fn deck_id(&self) -> Option<DeckId> {
        match *self {
            Manifest::Writing { deck_id, .. } => deck_id,
            Manifest::Complete { deck_id, .. } => Some(deck_id),
        }
    }

    /// When the last finished sync wrote the card.
    pub fn synced_ms(&self) -> Option<i64> {
        match *self {
            Manifest::Complete { synced_ms, .. } => synced_ms,
            Manifest::Writing { .. } => None,
        }
    }

    /// The generation written.
    pub fn generation(&self) -> u64 {
        match *self {
            Manifest::Writing { generation, .. } | Manifest::Complete { generation, .. } => {
                generation
            }
        }
    }

    /// The file's text.
    pub fn render(&self) -> String {
        let mut out = format!("{MANIFEST_HEADER}\n");
        let sum = |s: &FileSum| format!("{},{:08x}", s.len, s.crc);
        match self {
            Manifest::Writing {
                deck_id,
                generation,
            } => {
                out.push_str("state=writing\n");
                if let Some(id) = deck_id {
                    out.push_str(&format!("deck_id={id}\n"));
                }
                out.push_str(&format!("generation={generation}\n"));
            }
            Manifest::Complete {
                deck_id,
                generation,
                deck,
                log,
                settings,
                synced_ms,
            } => {
                out.push_str("state=complete\n");
                out.push_str(&format!("deck_id={deck_id}\ngeneration={generation}\n"));
                out.push_str(&format!(
                    "deck={}\nlog={}\nsettings={}\n",
                    sum(deck),
                    sum(log),
                    sum(settings)
                ));
                if let Some(ms) = synced_ms {
                    out.push_str(&format!("synced_ms={ms}\n"));
                }
            }
        }
        out
    }

    /// Reads a manifest; `None` when the text is not one (damaged, or another program's).
    pub fn parse(text: &str) -> Option<Manifest> {
        let mut lines = text.lines();
        if lines.next()?.trim_end() != MANIFEST_HEADER {
            return None;
        }
        let (mut state, mut deck_id, mut generation) = (None, None, None);
        let (mut deck, mut log, mut settings) = (None, None, None);
        let mut synced_ms = None;
        for line in lines {
            let Some((key, value)) = line.trim_end().split_once('=') else {
                continue;
            };
            match key {
                "state" => state = Some(value.to_string()),
                "deck_id" => deck_id = Some(DeckId::from_hex(value)?),
                "generation" => generation = Some(value.parse().ok()?),
                "deck" => deck = Some(FileSum::parse(value)?),
                "log" => log = Some(FileSum::parse(value)?),
                "settings" => settings = Some(FileSum::parse(value)?),
                "synced_ms" => synced_ms = Some(value.parse().ok()?),
                _ => {}
            }
        }
        match state.as_deref()? {
            "writing" => Some(Manifest::Writing {
                deck_id,
                generation: generation?,
            }),
            "complete" => Some(Manifest::Complete {
                deck_id: deck_id?,
                generation: generation?,
                deck: deck?,
                log: log?,
                settings: settings?,
                synced_ms,
            }),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_rejects_damage() {
        let complete = Manifest::Complete {
            deck_id: DeckId(0x0123_4567_89ab_cdef_0011_2233_4455_6677),
            generation: 7,
            deck: FileSum::of(b"deck"),
            log: FileSum::of(b""),
            settings: FileSum::of(b"settings"),
            synced_ms: Some(1_795_000_000_000),
        };
        let text = complete.render();
        assert!(
            text.contains("deck_id=0123456789abcdef0011223344556677\n"),
            "{text}"
        );
        assert_eq!(Manifest::parse(&text), Some(complete));
        let writing = Manifest::Writing {
            deck_id: Some(DeckId(5)),
            generation: 8,
        };
        assert_eq!(Manifest::parse(&writing.render()), Some(writing));
        assert_eq!(Manifest::parse(&text.replace("deck=", "deck=x")), None);
        assert_eq!(Manifest::parse(&text[..text.len() / 2]), None);
        assert_eq!(Manifest::parse("hello"), None);
    }

    /// The handheld's parser (firmware/app) reads what the terminal writes: the same sums
    /// for a finished set, and "incomplete" for a set being written.
    #[test]
    fn the_handheld_reads_the_terminal_manifest() {
        use carnet_handheld::card_manifest::{self as device, Manifest as Device};
        let complete = Manifest::Complete {
            deck_id: DeckId(u128::MAX - 7),
            generation: 12,
            deck: FileSum::of(&[1u8; 14938]),
            log: FileSum::of(&[2u8; 4000]),
            settings: FileSum::of(b"carnet-settings 1\n"),
            synced_ms: None,
        };
        let Manifest::Complete {
            deck,
            log,
            settings,
            ..
        } = complete
        else {
            unreachable!()
        };
        let sum = |s: FileSum| device::FileSum {
            len: s.len as u32,
            crc: s.crc,
        };
        assert_eq!(
            device::parse(complete.render().as_bytes()),
            Device::Complete {
                deck: sum(deck),
                log: sum(log),
                settings: sum(settings)
            }
        );
        let writing = Manifest::Writing {
            deck_id: None,
            generation: 1,
        };
        assert_eq!(
            device::parse(writing.render().as_bytes()),
            Device::Incomplete
        );
    }
}
