//! The review log: one small checked frame a record, appended, never rewritten.
//!
//! A frame is `COBS(tag ‖ postcard payload ‖ CRC-32 of tag and payload)` followed by a zero
//! byte. The tag's high nibble is the format version (1), the low nibble the record kind. A
//! torn last write (power cut, kill) leaves bytes without their closing zero: the reader reports
//! them as torn and the log stays usable; a frame damaged in the middle fails its CRC and is
//! reported with its offset, the frames after it are still read. Runs of zero bytes (e.g. a
//! pre-allocated file) are skipped.

use serde::{Deserialize, Serialize};

use crate::card::CardId;
use crate::crc32::checksum;
use crate::error::Error;
use crate::rating::Rating;

const VERSION: u8 = 1;
const KIND_REVIEW: u8 = 1;
const KIND_UNDO: u8 = 2;
const KIND_SUSPEND: u8 = 3;
const KIND_UNSUSPEND: u8 = 4;

/// Longest encoded frame, delimiter included.
pub const MAX_FRAME_LEN: usize = 40;
/// Longest raw frame content (tag, payload, CRC).
const MAX_RAW_LEN: usize = MAX_FRAME_LEN - 3;

/// One review of one card.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct Review {
    /// The card reviewed.
    pub card: CardId,
    /// When, in milliseconds since the Unix epoch.
    pub time_ms: i64,
    /// The grade given.
    pub rating: Rating,
    /// How long the learner took to answer, in milliseconds.
    pub duration_ms: u32,
}

/// One record of the log.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub enum LogEntry {
    /// A review.
    Review(Review),
    /// Cancels the review of `card` made at `review_time_ms`.
    Undo {
        /// The card.
        card: CardId,
        /// The time of the review cancelled.
        review_time_ms: i64,
    },
    /// The learner suspended a card: it is no longer queued.
    Suspend {
        /// The card.
        card: CardId,
        /// When.
        time_ms: i64,
    },
    /// The learner restored a suspended card.
    Unsuspend {
        /// The card.
        card: CardId,
        /// When.
        time_ms: i64,
    },
}

impl LogEntry {
    /// The card the record is about.
    pub fn card(&self) -> CardId {
        match *self {
            LogEntry::Review(r) => r.card,
            LogEntry::Undo { card, .. }
            | LogEntry::Suspend { card, .. }
            | LogEntry::Unsuspend { card, .. } => card,
        }
    }
}

#[derive(Serialize, Deserialize)]
struct ReviewWire {
    card: u64,
    time_ms: i64,
    rating: u8,
    duration_ms: u32,
}

#[derive(Serialize, Deserialize)]
struct EventWire {
    card: u64,
    time_ms: i64,
}

/// Encodes one record as a complete frame (delimiter included) into `out`; returns its length.
pub fn encode_frame(entry: &LogEntry, out: &mut [u8; MAX_FRAME_LEN]) -> usize {
    let mut raw = [0u8; MAX_RAW_LEN];
    let (kind, used) = match *entry {
        LogEntry::Review(r) => {
            let wire = ReviewWire {
                card: r.card.0,
                time_ms: r.time_ms,
                rating: r.rating.as_u8(),
                duration_ms: r.duration_ms,
            };
            (
                KIND_REVIEW,
                postcard::to_slice(&wire, &mut raw[1..]).map(|s| s.len()),
            )
        }
        LogEntry::Undo {
            card,
            review_time_ms,
        } => {
            let wire = EventWire {
                card: card.0,
                time_ms: review_time_ms,
            };
            (
                KIND_UNDO,
                postcard::to_slice(&wire, &mut raw[1..]).map(|s| s.len()),
            )
        }
        LogEntry::Suspend { card, time_ms } | LogEntry::Unsuspend { card, time_ms } => {
            let kind = if matches!(entry, LogEntry::Suspend { .. }) {
                KIND_SUSPEND
            } else {
                KIND_UNSUSPEND
            };
            let wire = EventWire {
                card: card.0,
                time_ms,
            };
            (
                kind,
                postcard::to_slice(&wire, &mut raw[1..]).map(|s| s.len()),
            )
        }
    };
    // The largest payload (u64 + i64 varints + u8 + u32 varint) is 26 bytes: it always fits.
    let payload_len = used.unwrap_or(0);
    raw[0] = (VERSION << 4) | kind;
    let body = 1 + payload_len;
    let crc = checksum(&raw[..body]);
    raw[body..body + 4].copy_from_slice(&crc.to_le_bytes());
    let n = crate::cobs::encode(&raw[..body + 4], &mut out[..MAX_FRAME_LEN - 1]).unwrap_or(0);
    out[n] = 0;
    n + 1
}

/// Decodes one frame's bytes (between delimiters, delimiter excluded).
pub fn decode_frame(frame: &[u8]) -> Result<LogEntry, Error> {
    let mut raw = [0u8; MAX_RAW_LEN];
    if frame.len() > MAX_FRAME_LEN {
        return Err(Error::TooLarge);
    }
    let n = crate::cobs::decode(frame, &mut raw).ok_or(Error::Malformed)?;
    if n < 5 {
        return Err(Error::Truncated);
    }
    let (body, crc) = raw[..n].split_at(n - 4);
    if checksum(body) != u32::from_le_bytes([crc[0], crc[1], crc[2], crc[3]]) {
        return Err(Error::Checksum);
    }
    let version = body[0] >> 4;
    if version > VERSION {
        return Err(Error::UnsupportedVersion {
            found: version as u16,
        });
    }
    if version != VERSION {
        return Err(Error::Malformed);
    }
    let payload = &body[1..];
    let event = || -> Result<(CardId, i64), Error> {
        let w: EventWire = exact(payload)?;
        Ok((CardId(w.card), w.time_ms))
    };
    match body[0] & 0x0f {
        KIND_REVIEW => {
            let w: ReviewWire = exact(payload)?;
            Ok(LogEntry::Review(Review {
                card: CardId(w.card),
                time_ms: w.time_ms,
                rating: Rating::from_u8(w.rating).ok_or(Error::Malformed)?,
                duration_ms: w.duration_ms,
            }))
        }
        KIND_UNDO => event().map(|(card, review_time_ms)| LogEntry::Undo {
            card,
            review_time_ms,
        }),
        KIND_SUSPEND => event().map(|(card, time_ms)| LogEntry::Suspend { card, time_ms }),
        KIND_UNSUSPEND => event().map(|(card, time_ms)| LogEntry::Unsuspend { card, time_ms }),
        _ => Err(Error::Malformed),
    }
}

fn exact<'de, T: Deserialize<'de>>(bytes: &'de [u8]) -> Result<T, Error> {
    match postcard::take_from_bytes::<T>(bytes) {
        Ok((value, [])) => Ok(value),
        _ => Err(Error::Malformed),
    }
}

/// A problem met while reading a log.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct LogFault {
    /// Byte offset of the frame in the log.
    pub offset: usize,
    /// Length of the bad frame in bytes.
    pub len: usize,
    /// `true` for an unfinished last frame (a torn write): expected after a crash.
    pub torn: bool,
    /// What is wrong with it.
    pub error: Error,
}

/// Whether `frame` (bytes between delimiters) has the shape of a record of this format even
/// though it does not decode: a length a frame can have, valid COBS, the format version and a
/// record kind in its tag. Tells a damaged carnet log from a file that is not one.
pub fn looks_like_frame(frame: &[u8]) -> bool {
    let mut raw = [0u8; MAX_RAW_LEN];
    if frame.len() >= MAX_FRAME_LEN {
        return false;
    }
    match crate::cobs::decode(frame, &mut raw) {
        Some(n) if n >= 5 => {
            raw[0] >> 4 == VERSION && (KIND_REVIEW..=KIND_UNSUSPEND).contains(&(raw[0] & 0x0f))
        }
        _ => false,
    }
}

/// Reads the records of a log held in memory, with their offsets.
///
/// A frame whose closing zero byte was damaged runs into the next one; when the two halves
/// around some byte both decode, both records are given, with a fault for that one byte.
#[derive(Debug, Clone)]
pub struct LogReader<'a> {
    bytes: &'a [u8],
    at: usize,
    /// Items found together (a split frame), given before reading on.
    pending: [Option<Result<(usize, LogEntry), LogFault>>; 2],
}

impl<'a> LogReader<'a> {
    /// A reader over a whole log.
    pub fn new(bytes: &'a [u8]) -> LogReader<'a> {
        LogReader {
            bytes,
            at: 0,
            pending: [None, None],
        }
    }

    /// Two whole frames joined by one damaged delimiter at `start`, if the bytes split so.
    fn split(&mut self, start: usize, frame: &[u8]) -> Option<(usize, LogEntry)> {
        // Each half is at least a minimal frame (tag, one payload byte, CRC, COBS overhead).
        const MIN: usize = 6;
        if frame.len() < 2 * MIN + 1 {
            return None;
        }
        for k in MIN..frame.len() - MIN {
            let (Ok(a), Ok(b)) = (decode_frame(&frame[..k]), decode_frame(&frame[k + 1..])) else {
                continue;
            };
            self.pending = [
                Some(Err(LogFault {
                    offset: start + k,
                    len: 1,
                    torn: false,
                    error: Error::Malformed,
                })),
                Some(Ok((start + k + 1, b))),
            ];
            return Some((start, a));
        }
        None
    }

    /// Byte offset just past the last complete frame read so far: where a writer that wants
    /// to drop a torn tail should truncate.
    pub fn position(&self) -> usize {
        self.at
    }
}

impl Iterator for LogReader<'_> {
    type Item = Result<(usize, LogEntry), LogFault>;

    fn next(&mut self) -> Option<Self::Item> {
        for slot in &mut self.pending {
            if let Some(item) = slot.take() {
                return Some(item);
            }
        }
        while self.bytes.get(self.at) == Some(&0) {
            self.at += 1;
        }
        let start = self.at;
        let rest = self.bytes.get(start..).filter(|r| !r.is_empty())?;
        match rest.iter().position(|&b| b == 0) {
            None => {
                self.at = self.bytes.len();
                Some(Err(LogFault {
                    offset: start,
                    len: rest.len(),
                    torn: true,
                    error: Error::Truncated,
                }))
            }
            Some(end) => {
                self.at = start + end + 1;
                let frame = &rest[..end];
                match decode_frame(frame) {
                    Ok(entry) => Some(Ok((start, entry))),
                    Err(error) => Some(self.split(start, frame).map(Ok).unwrap_or(Err(LogFault {
                        offset: start,
                        len: end,
                        torn: false,
                        error,
                    }))),
                }
            }
        }
    }
}

/// Decodes a log fed in chunks of any size, with a fixed buffer (for devices).
#[derive(Debug, Clone)]
pub struct FrameDecoder {
    buf: [u8; MAX_FRAME_LEN],
    len: usize,
    overflow: bool,
}

impl Default for FrameDecoder {
    fn default() -> Self {
        FrameDecoder {
            buf: [0; MAX_FRAME_LEN],
            len: 0,
            overflow: false,
        }
    }
}

impl FrameDecoder {
    /// Feeds one byte; returns a record (or the error of a bad frame) when a frame ends.
    pub fn push(&mut self, byte: u8) -> Option<Result<LogEntry, Error>> {
        if byte != 0 {
            if self.len < self.buf.len() {
                self.buf[self.len] = byte;
                self.len += 1;
            } else {
                self.overflow = true;
            }
            return None;
        }
        if self.len == 0 && !self.overflow {
            return None;
        }
        let result = if self.overflow {
            Err(Error::TooLarge)
        } else {
            decode_frame(&self.buf[..self.len])
        };
        self.len = 0;
        self.overflow = false;
        Some(result)
    }

    /// Whether bytes of an unfinished frame are pending (at the end of input: a torn write).
    pub fn has_partial_frame(&self) -> bool {
        self.len > 0 || self.overflow
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// One damaged delimiter byte between two records: both are recovered, the byte reported.
    #[test]
    fn a_damaged_delimiter_loses_neither_neighbour() {
        let mut log = [0u8; 3 * MAX_FRAME_LEN];
        let mut len = 0;
        let mut ends = [0usize; 3];
        for (i, e) in [
            review(1, 1000, 3, 5),
            review(2, 2000, 1, 6),
            review(3, 3000, 4, 7),
        ]
        .iter()
        .enumerate()
        {
            let mut frame = [0u8; MAX_FRAME_LEN];
            let n = encode_frame(e, &mut frame);
            log[len..len + n].copy_from_slice(&frame[..n]);
            len += n;
            ends[i] = len - 1;
        }
        for bad in [0x01u8, 0x55, 0xff] {
            let mut damaged = log;
            damaged[ends[0]] = bad;
            let items: std::vec::Vec<_> = LogReader::new(&damaged[..len]).collect();
            let entries: std::vec::Vec<LogEntry> = items
                .iter()
                .filter_map(|r| r.as_ref().ok())
                .map(|r| r.1)
                .collect();
            assert_eq!(
                entries,
                [
                    review(1, 1000, 3, 5),
                    review(2, 2000, 1, 6),
                    review(3, 3000, 4, 7)
                ],
                "delimiter replaced by {bad:#x}"
            );
            let faults: std::vec::Vec<_> = items.iter().filter_map(|r| r.as_ref().err()).collect();
            assert_eq!(faults.len(), 1);
            assert_eq!((faults[0].offset, faults[0].len), (ends[0], 1));
        }
    }

    #[test]
    fn a_damaged_record_still_looks_like_one() {
        let mut frame = [0u8; MAX_FRAME_LEN];
        let n = encode_frame(&review(9, 9000, 3, 1), &mut frame);
        let mut damaged = frame;
        damaged[n - 3] ^= 0x10; // inside the CRC
        assert!(decode_frame(&damaged[..n - 1]).is_err());
        assert!(looks_like_frame(&damaged[..n - 1]));
        assert!(!looks_like_frame(b"hello, world\n"));
        assert!(!looks_like_frame(b"not a log"));
    }

    fn review(card: u64, time_ms: i64, rating: u8, duration_ms: u32) -> LogEntry {
        LogEntry::Review(Review {
            card: CardId(card),
            time_ms,
            rating: Rating::from_u8(rating).unwrap(),
            duration_ms,
        })
    }

    fn entry_strategy() -> impl Strategy<Value = LogEntry> {
        (any::<u64>(), any::<i64>(), 1u8..=4, any::<u32>(), 0u8..4).prop_map(|(c, t, r, d, k)| {
            match k {
                0 => review(c, t, r, d),
                1 => LogEntry::Undo {
                    card: CardId(c),
                    review_time_ms: t,
                },
                2 => LogEntry::Suspend {
                    card: CardId(c),
                    time_ms: t,
                },
                _ => LogEntry::Unsuspend {
                    card: CardId(c),
                    time_ms: t,
                },
            }
        })
    }

    #[test]
    fn largest_record_fits() {
        let e = review(u64::MAX, i64::MIN, 4, u32::MAX);
        let mut buf = [0u8; MAX_FRAME_LEN];
        let n = encode_frame(&e, &mut buf);
        assert_eq!(decode_frame(&buf[..n - 1]), Ok(e));
    }

    #[test]
    fn torn_tail_is_reported_and_the_rest_kept() {
        let mut log = std::vec::Vec::new();
        let mut buf = [0u8; MAX_FRAME_LEN];
        for i in 0..3 {
            let n = encode_frame(&review(i, 1000 * i as i64, 3, 5000), &mut buf);
            log.extend_from_slice(&buf[..n]);
        }
        let whole = log.len();
        let n = encode_frame(&review(9, 9, 1, 9), &mut buf);
        log.extend_from_slice(&buf[..n - 3]);
        let items: std::vec::Vec<_> = LogReader::new(&log).collect();
        assert_eq!(items.len(), 4);
        assert!(items[..3].iter().all(|i| i.is_ok()));
        let fault = items[3].unwrap_err();
        assert!(fault.torn);
        assert_eq!(fault.offset, whole);
        let mut reader = LogReader::new(&log);
        reader.by_ref().take(3).for_each(drop);
        assert_eq!(reader.position(), whole);
    }

    #[test]
    fn corrupt_middle_frame_is_reported_with_its_offset() {
        let mut log = std::vec::Vec::new();
        let mut buf = [0u8; MAX_FRAME_LEN];
        let mut offsets = std::vec::Vec::new();
        for i in 0..3 {
            offsets.push(log.len());
            let n = encode_frame(&review(i, 77, 2, 1), &mut buf);
            log.extend_from_slice(&buf[..n]);
        }
        log[offsets[1] + 3] ^= 0x40;
        let items: std::vec::Vec<_> = LogReader::new(&log).collect();
        assert!(items[0].is_ok() && items[2].is_ok());
        let fault = items[1].unwrap_err();
        assert_eq!(fault.offset, offsets[1]);
        assert!(!fault.torn);
    }

    #[test]
    fn newer_versions_are_refused() {
        let mut raw = [0x21u8, 1, 2, 3, 4, 0, 0, 0, 0];
        let crc = checksum(&raw[..5]).to_le_bytes();
        raw[5..].copy_from_slice(&crc);
        let mut frame = [0u8; 16];
        let n = crate::cobs::encode(&raw, &mut frame).unwrap();
        assert_eq!(
            decode_frame(&frame[..n]),
            Err(Error::UnsupportedVersion { found: 2 })
        );
    }

    proptest! {
        #[test]
        fn frames_round_trip(entries in proptest::collection::vec(entry_strategy(), 0..50)) {
            let mut log = std::vec::Vec::new();
            let mut buf = [0u8; MAX_FRAME_LEN];
            for e in &entries {
                let n = encode_frame(e, &mut buf);
                prop_assert!(n <= MAX_FRAME_LEN);
                log.extend_from_slice(&buf[..n]);
            }
            let back: std::vec::Vec<LogEntry> = LogReader::new(&log).map(|r| r.unwrap().1).collect();
            prop_assert_eq!(&back, &entries);
            let mut dec = FrameDecoder::default();
            let streamed: std::vec::Vec<LogEntry> = log.iter().filter_map(|&b| dec.push(b)).map(|r| r.unwrap()).collect();
            prop_assert_eq!(&streamed, &entries);
            prop_assert!(!dec.has_partial_frame());
        }

        #[test]
        fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
            let mut n = 0;
            for item in LogReader::new(&bytes) {
                n += 1;
                if let Ok((offset, _)) = item { prop_assert!(offset < bytes.len()); }
            }
            prop_assert!(n <= bytes.len());
            let mut dec = FrameDecoder::default();
            for &b in &bytes { let _ = dec.push(b); }
        }

        #[test]
        fn any_truncation_keeps_every_complete_frame(entries in proptest::collection::vec(entry_strategy(), 1..20), cut in any::<prop::sample::Index>()) {
            let mut log = std::vec::Vec::new();
            let mut ends = std::vec::Vec::new();
            let mut buf = [0u8; MAX_FRAME_LEN];
            for e in &entries {
                let n = encode_frame(e, &mut buf);
                log.extend_from_slice(&buf[..n]);
                ends.push(log.len());
            }
            let cut = cut.index(log.len() + 1);
            let complete = ends.iter().filter(|&&e| e <= cut).count();
            let items: std::vec::Vec<_> = LogReader::new(&log[..cut]).collect();
            let ok: std::vec::Vec<LogEntry> = items.iter().filter_map(|i| i.ok().map(|(_, e)| e)).collect();
            prop_assert_eq!(&ok[..], &entries[..complete]);
            prop_assert!(items.iter().filter(|i| i.is_err()).all(|i| i.unwrap_err().torn));
        }
    }
}
