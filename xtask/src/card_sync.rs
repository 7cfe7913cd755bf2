//! The card side of `carnet sync SD-IMAGE-OR-MOUNT`: the files on the handheld's card and
//! the merge of its review log into the host's, exactly once.
//!
//! ## On the card (FAT, root directory, 8.3 names)
//!
//! | file | format | written by |
//! | --- | --- | --- |
//! | `DECK.BIN` | the engine's deck file (`carnet_engine::deck`: magic `CARNETDK`, version, index, id table, postcard cards, CRC-32) | the host, at sync |
//! | `REVIEWS.LOG` | the engine's review log: frames `COBS(tag ‖ postcard record ‖ CRC-32) 0x00` (`carnet_engine::review_log`), one per record | the host at sync (the whole merged log), then the handheld (one frame appended per grade) |
//!
//! The handheld reads `DECK.BIN` (checking its CRC first; the bundled deck is used if it is
//! missing or bad) and replays `REVIEWS.LOG` at every boot; a torn last frame is ignored (and
//! the next frame written starts with a `0x00` so it is not swallowed by it).
//!
//! ## Exactly once
//!
//! A record is identified by its whole content (card id, time in ms, kind, rating, duration):
//! two reviews of one card in the same millisecond do not happen. A sync
//! 1. reads the card's log and keeps the records the host's log does not already hold
//!    ([`new_records`]) — the host appends those to its store (and syncs it);
//! 2. writes the host's whole log, now a superset of the card's, as the card's
//!    `REVIEWS.LOG` ([`Card::write`]), so the handheld replays the host's reviews too;
//! 3. writes the deck as `DECK.BIN`.
//!
//! Interrupted anywhere, a second sync finds nothing new in step 1 that the host already has:
//! records are never merged twice, and none is lost (the card's log is only replaced by a
//! superset of itself).

use std::path::{Path, PathBuf};

use carnet_engine::review_log::{LogEntry, LogReader};

use crate::error::{Context as _, Error, Result};
use crate::sd_image;

/// The deck's file name on the card.
pub const DECK_FILE: &str = "DECK.BIN";
/// The review log's file name on the card.
pub const LOG_FILE: &str = "REVIEWS.LOG";

/// The handheld's card: an SD card image (MBR + FAT, accessed with mtools) or a mounted card.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Card {
    /// An image file, as QEMU uses.
    Image(PathBuf),
    /// The card's mounted file system.
    Mount(PathBuf),
}

impl Card {
    /// The card at `path`: a directory is a mounted card, a file an image.
    pub fn open(path: &Path) -> Result<Card> {
        let meta = std::fs::metadata(path).context(format!("{}", path.display()))?;
        Ok(if meta.is_dir() {
            Card::Mount(path.to_path_buf())
        } else {
            Card::Image(path.to_path_buf())
        })
    }

    /// The names of the files in the card's root directory, upper case.
    pub fn list(&self) -> Result<Vec<String>> {
        match self {
            Card::Image(image) => sd_image::list(image),
            Card::Mount(dir) => {
                let mut names = Vec::new();
                for entry in std::fs::read_dir(dir).context(format!("{}", dir.display()))? {
                    let entry = entry?;
                    if entry.file_type()?.is_file() {
                        names.push(entry.file_name().to_string_lossy().to_ascii_uppercase());
                    }
                }
                names.sort();
                Ok(names)
            }
        }
    }

    /// File `name`'s bytes, or `None` if the card has no such file.
    pub fn read(&self, name: &str) -> Result<Option<Vec<u8>>> {
        if !self.list()?.iter().any(|n| n.eq_ignore_ascii_case(name)) {
            return Ok(None);
        }
        match self {
            Card::Image(image) => sd_image::read_file(image, name).map(Some),
            Card::Mount(dir) => {
                let path = find_case_insensitive(dir, name)?;
                std::fs::read(&path)
                    .map(Some)
                    .context(format!("reading {}", path.display()))
            }
        }
    }

    /// Writes file `name` whole, replacing it. On a mounted card the bytes go to a temporary
    /// file that is synced and then renamed over the old one, so a cut leaves the old file or
    /// the new one, never a mix.
    pub fn write(&self, name: &str, bytes: &[u8]) -> Result<()> {
        match self {
            Card::Image(image) => sd_image::put_file(image, name, bytes),
            Card::Mount(dir) => {
                let target = find_case_insensitive(dir, name).unwrap_or_else(|_| dir.join(name));
                let tmp = dir.join("CARNET.TMP");
                {
                    use std::io::Write as _;
                    let mut f = std::fs::File::create(&tmp)
                        .context(format!("creating {}", tmp.display()))?;
                    f.write_all(bytes)?;
                    f.sync_all()?;
                }
                std::fs::rename(&tmp, &target).context(format!(
                    "renaming {} to {}",
                    tmp.display(),
                    target.display()
                ))?;
                if let Ok(d) = std::fs::File::open(dir) {
                    let _ = d.sync_all();
                }
                Ok(())
            }
        }
    }
}

fn find_case_insensitive(dir: &Path, name: &str) -> Result<PathBuf> {
    for entry in std::fs::read_dir(dir).context(format!("{}", dir.display()))? {
        let entry = entry?;
        if entry
            .file_name()
            .to_string_lossy()
            .eq_ignore_ascii_case(name)
        {
            return Ok(entry.path());
        }
    }
    Err(Error::new(format!("no {name} in {}", dir.display())))
}

/// The records of `card_log` that `host_log` does not hold, in card-log order. Damaged
/// frames and a torn tail on the card are skipped (they were never acknowledged). A record
/// the host holds `k` times is taken as already merged `k` times.
pub fn new_records(host_log: &[u8], card_log: &[u8]) -> Vec<LogEntry> {
    let mut host: Vec<LogEntry> = LogReader::new(host_log)
        .filter_map(|r| r.ok().map(|(_, e)| e))
        .collect();
    let mut fresh = Vec::new();
    for entry in LogReader::new(card_log).filter_map(|r| r.ok().map(|(_, e)| e)) {
        match host.iter().position(|h| *h == entry) {
            Some(at) => {
                host.swap_remove(at);
            }
            None => fresh.push(entry),
        }
    }
    fresh
}

/// What a sync did on the card's side.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CardSync {
    /// The card's records the host did not hold: the host appends them to its store.
    pub new_records: Vec<LogEntry>,
}

/// Step 1 of a sync: the card's records the host's log does not hold yet.
pub fn collect(card: &Card, host_log: &[u8]) -> Result<CardSync> {
    let card_log = card.read(LOG_FILE)?.unwrap_or_default();
    Ok(CardSync {
        new_records: new_records(host_log, &card_log),
    })
}

/// Steps 2 and 3 of a sync, once the host has stored the new records: the host's whole log
/// (a superset of the card's) and the deck go to the card.
pub fn publish(card: &Card, merged_host_log: &[u8], deck: &[u8]) -> Result<()> {
    let card_log = card.read(LOG_FILE)?.unwrap_or_default();
    let missing = new_records(merged_host_log, &card_log);
    if !missing.is_empty() {
        return Err(Error::new(format!(
            "the host log lacks {} record(s) of the card's {LOG_FILE}: store them first",
            missing.len()
        )));
    }
    card.write(LOG_FILE, merged_host_log)?;
    card.write(DECK_FILE, deck)
}

#[cfg(test)]
mod tests {
    use super::*;
    use carnet_engine::review_log::{encode_frame, Review, MAX_FRAME_LEN};
    use carnet_engine::{CardId, Rating};

    fn frames(entries: &[LogEntry]) -> Vec<u8> {
        let mut out = Vec::new();
        let mut buf = [0u8; MAX_FRAME_LEN];
        for e in entries {
            let n = encode_frame(e, &mut buf);
            out.extend_from_slice(&buf[..n]);
        }
        out
    }

    fn review(card: u64, t: i64) -> LogEntry {
        LogEntry::Review(Review {
            card: CardId(card),
            time_ms: t,
            rating: Rating::Good,
            duration_ms: 1000,
        })
    }

    #[test]
    fn merges_exactly_once() {
        let host = frames(&[review(1, 10), review(2, 20)]);
        let mut card = frames(&[review(1, 10), review(3, 30), review(3, 40)]);
        card.extend_from_slice(&[5, 6]); // torn tail: never acknowledged
        assert_eq!(
            new_records(&host, &card),
            vec![review(3, 30), review(3, 40)]
        );
        // After the host stored them, nothing is new any more.
        let merged = frames(&[review(1, 10), review(2, 20), review(3, 30), review(3, 40)]);
        assert!(new_records(&merged, &card).is_empty());
    }

    #[test]
    fn mounted_card_round_trip() {
        let dir = std::env::temp_dir().join(format!("carnet-sync-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("tmp dir");
        let card = Card::open(&dir).expect("a directory is a mounted card");
        assert_eq!(card.read(LOG_FILE).expect("read"), None);
        let device_log = frames(&[review(7, 70)]);
        std::fs::write(dir.join("reviews.log"), &device_log).expect("write");
        let host = frames(&[review(1, 10)]);
        let sync = collect(&card, &host).expect("collect");
        assert_eq!(sync.new_records, vec![review(7, 70)]);
        // Publishing before storing the new records would lose them: refused.
        assert!(publish(&card, &host, b"deck").is_err());
        let merged = frames(&[review(1, 10), review(7, 70)]);
        publish(&card, &merged, b"deck").expect("publish");
        assert_eq!(card.read(LOG_FILE).expect("read"), Some(merged.clone()));
        assert_eq!(card.read(DECK_FILE).expect("read"), Some(b"deck".to_vec()));
        assert!(collect(&card, &merged)
            .expect("collect")
            .new_records
            .is_empty());
        let _ = std::fs::remove_dir_all(&dir);
    }
}
