//! The review store: one append-only review log per deck, locked against a second writer.
//!
//! The log is the truth; card states are derived from it at every start
//! ([`crate::history::History`]). Each record is one engine frame
//! ([`carnet_engine::review_log::encode_frame`]) written and `fsync`ed before the program goes
//! on, so a record the program has acknowledged survives a crash or a power cut.

use std::fs::{File, OpenOptions, TryLockError};
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use carnet_engine::review_log::{encode_frame, LogEntry, LogFault, LogReader, MAX_FRAME_LEN};
use carnet_engine::Error as EngineError;

use crate::error::{CliError, Result};
use crate::messages::{fill, text};

/// What reading a log found: its records in order, and what was wrong with it.
#[derive(Debug, Clone, Default)]
pub struct LogScan {
    /// The records that decoded, in log order.
    pub entries: Vec<LogEntry>,
    /// Damaged records in the middle of the log: skipped, the records after them kept.
    pub corrupt: Vec<LogFault>,
    /// An unfinished last record (an interrupted write).
    pub torn: Option<LogFault>,
}

impl LogScan {
    /// Reads a whole log held in memory. Refuses a log written by a newer format version, and
    /// a file in which no record at all decodes (not a review log).
    pub fn read(path: &Path, bytes: &[u8]) -> Result<LogScan> {
        // A long log is decoded in parallel pieces cut just after a frame delimiter: frames
        // never contain a zero byte, so each piece holds whole frames (and only the last can
        // end torn).
        let pieces = split_at_delimiters(bytes, decode_threads(bytes.len()));
        let mut scans: Vec<LogScan> = if pieces.len() == 1 {
            vec![scan_piece(bytes, 0)]
        } else {
            std::thread::scope(|s| {
                let handles: Vec<_> = pieces
                    .iter()
                    .map(|&(start, end)| s.spawn(move || scan_piece(&bytes[start..end], start)))
                    .collect();
                handles
                    .into_iter()
                    .map(|h| h.join().unwrap_or_default())
                    .collect()
            })
        };
        let mut scan = scans.remove(0);
        for more in scans {
            scan.entries.extend(more.entries);
            scan.corrupt.extend(more.corrupt);
            scan.torn = more.torn.or(scan.torn);
        }
        if let Some(f) = scan
            .corrupt
            .iter()
            .find(|f| matches!(f.error, EngineError::UnsupportedVersion { .. }))
        {
            return Err(newer_version(path, f));
        }
        let looks_like_a_log = scan.corrupt.iter().any(|f| {
            bytes
                .get(f.offset..f.offset + f.len)
                .is_some_and(carnet_engine::review_log::looks_like_frame)
        });
        if scan.entries.is_empty() && !scan.corrupt.is_empty() && !looks_like_a_log {
            return Err(CliError::input(fill(
                text().e_not_a_log,
                &[&path.display(), &bytes.len()],
            )));
        }
        Ok(scan)
    }

    /// Reads the end of a log from its byte `base` on (the end of a frame), the part before
    /// it known good: faults are reported at their offsets in the whole file, and a tail in
    /// which nothing decodes is damage to report, not a sign of another kind of file.
    pub fn read_tail(path: &Path, bytes: &[u8], base: usize) -> Result<LogScan> {
        let mut scan = scan_piece(bytes, base);
        if let Some(f) = scan
            .corrupt
            .iter()
            .find(|f| matches!(f.error, EngineError::UnsupportedVersion { .. }))
        {
            return Err(newer_version(path, f));
        }
        scan.entries.shrink_to_fit();
        Ok(scan)
    }

    /// The records dated no later than `horizon_ms` (see [`horizon_ms`]), and how many later
    /// ones were left out. A record from the future (a clock that was wrong when it was made)
    /// stays in the log but enters no schedule until its time comes.
    pub fn until(&self, horizon_ms: i64) -> (Vec<LogEntry>, usize) {
        let kept: Vec<LogEntry> = self
            .entries
            .iter()
            .filter(|e| entry_time_ms(e) <= horizon_ms)
            .copied()
            .collect();
        let later = self.entries.len() - kept.len();
        (kept, later)
    }

    /// [`LogScan::until`] with a warning on stderr naming the log when records were left out.
    pub fn schedulable(&self, path: &Path, now_ms: i64) -> Vec<LogEntry> {
        let (kept, later) = self.until(horizon_ms(now_ms));
        if later > 0 {
            let m = text();
            crate::terminal::warn(&m.count(later as u64, m.w_future, &[&path.display()]));
        }
        kept
    }

    /// Prints a warning on stderr for each damaged record (`dropped`: the torn tail was cut).
    pub fn warn(&self, path: &Path, dropped: bool) {
        for f in &self.corrupt {
            crate::terminal::warn(&fill(
                text().w_damaged,
                &[&path.display(), &f.offset, &f.len, &f.error],
            ));
        }
        if let Some(f) = self.torn {
            let torn = text().w_torn;
            let what = if dropped { torn[1] } else { torn[2] };
            crate::terminal::warn(&fill(torn[0], &[&path.display(), &f.len, &f.offset, &what]));
        }
    }
}

/// The refusal of a log holding a record of a newer format version.
fn newer_version(path: &Path, f: &LogFault) -> CliError {
    let found = match f.error {
        EngineError::UnsupportedVersion { found } => found,
        _ => 0,
    };
    CliError::input(fill(
        text().e_newer_log,
        &[&path.display(), &f.offset, &found],
    ))
}

/// How far ahead of now a record may be dated and still count: a day (clocks of two
/// machines that disagree by minutes or hours, or a time zone set wrong, stay usable).
pub const FUTURE_TOLERANCE_MS: i64 = 86_400_000;

/// The latest record time that counts at `now_ms`.
pub fn horizon_ms(now_ms: i64) -> i64 {
    now_ms.saturating_add(FUTURE_TOLERANCE_MS)
}

/// Decodes the frames of one piece of a log that starts at byte `base` of the file.
fn scan_piece(bytes: &[u8], base: usize) -> LogScan {
    let mut scan = LogScan {
        entries: Vec::with_capacity(bytes.len() / 20),
        ..LogScan::default()
    };
    for item in LogReader::new(bytes) {
        match item {
            Ok((_, entry)) => scan.entries.push(entry),
            Err(mut fault) => {
                fault.offset += base;
                if fault.torn {
                    scan.torn = Some(fault);
                } else {
                    scan.corrupt.push(fault);
                }
            }
        }
    }
    scan
}

/// How many threads to decode a log of `len` bytes with: one below 256 KiB.
fn decode_threads(len: usize) -> usize {
    if len < 256 * 1024 {
        return 1;
    }
    std::thread::available_parallelism().map_or(1, |n| n.get().min(4))
}

/// Cuts `bytes` into about `n` pieces, each ending just after a zero byte (or at the end).
fn split_at_delimiters(bytes: &[u8], n: usize) -> Vec<(usize, usize)> {
    let mut pieces = Vec::with_capacity(n);
    let mut start = 0;
    for k in 1..n {
        let target = (bytes.len() * k / n).max(start);
        match bytes[target..].iter().position(|&b| b == 0) {
            Some(z) => {
                let end = target + z + 1;
                pieces.push((start, end));
                start = end;
            }
            None => break,
        }
    }
    pieces.push((start, bytes.len()));
    pieces
}

/// The time a record carries, in milliseconds.
pub fn entry_time_ms(entry: &LogEntry) -> i64 {
    match *entry {
        LogEntry::Review(r) => r.time_ms,
        LogEntry::Undo { review_time_ms, .. } => review_time_ms,
        LogEntry::Suspend { time_ms, .. } | LogEntry::Unsuspend { time_ms, .. } => time_ms,
    }
}

/// Reads a log without locking or repairing it (for `stats`, `cards`, `log`): a missing log
/// is an empty one. A torn tail is reported but left for the next writer to drop.
pub fn read_log(path: &Path) -> Result<LogScan> {
    match std::fs::read(path) {
        Ok(bytes) => LogScan::read(path, &bytes),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(LogScan::default()),
        Err(e) => Err(CliError::io("cannot read the review log", path, &e)),
    }
}

/// The open, locked review log of one deck: the only writer of that log.
#[derive(Debug)]
pub struct ReviewStore {
    path: PathBuf,
    file: File,
    /// Every record time, sorted: the latest one not in the future is what new records must
    /// follow (a future-dated record must not drive the clock).
    times: Vec<i64>,
    /// The log's length in bytes.
    len: u64,
    /// The CRC-32 of the log's `len` bytes so far, when the store has seen them all (read
    /// whole, or checked up to a snapshot then read), kept up to date by each append.
    checksum: Option<crc32fast::Hasher>,
}

impl ReviewStore {
    /// Opens (creating it and its folder if needed) and locks the log at `path`, reads it,
    /// and cuts a torn last record away so that the next record starts on a clean frame.
    pub fn open(path: &Path) -> Result<(ReviewStore, LogScan)> {
        let mut store = ReviewStore::lock(path)?;
        let scan = store.read_from(0)?;
        Ok((store, scan))
    }

    /// Opens and locks the log at `path` (creating it and its folder if needed) without
    /// reading it: [`ReviewStore::read_from`] or [`ReviewStore::read_after`] follows.
    pub fn lock(path: &Path) -> Result<ReviewStore> {
        let dir = path.parent().unwrap_or(Path::new("."));
        std::fs::create_dir_all(dir)
            .map_err(|e| CliError::io("cannot create the data folder", dir, &e))?;
        let existed = path.exists();
        let file = OpenOptions::new()
            .read(true)
            .append(true)
            .create(true)
            .open(path)
            .map_err(|e| CliError::io("cannot open the review log", path, &e))?;
        match file.try_lock() {
            Ok(()) => {}
            Err(TryLockError::WouldBlock) => {
                return Err(CliError::input(fill(
                    text().e_log_in_use,
                    &[&path.display()],
                )))
            }
            Err(TryLockError::Error(e)) => {
                return Err(CliError::io("cannot lock the review log", path, &e))
            }
        }
        if !existed {
            sync_dir(dir);
        }
        Ok(ReviewStore {
            path: path.to_path_buf(),
            file,
            times: Vec::new(),
            len: 0,
            checksum: None,
        })
    }

    /// Reads the log from byte `start` (the end of a frame, or 0) to its end, cuts a torn
    /// last record away, and notes the records' times. The records before `start` are the
    /// caller's (a snapshot's): it gives their times with [`ReviewStore::note_times`].
    pub fn read_from(&mut self, start: u64) -> Result<LogScan> {
        let path = self.path.clone();
        // From 0, the checksum starts here; after a checked prefix it goes on from it.
        let mut checksum = match start {
            0 => Some(crc32fast::Hasher::new()),
            _ => self.checksum.take().filter(|_| self.len == start),
        };
        let mut bytes = Vec::new();
        self.file
            .seek(SeekFrom::Start(start))
            .and_then(|_| self.file.read_to_end(&mut bytes))
            .map_err(|e| CliError::io("cannot read the review log", &path, &e))?;
        let scan = if start == 0 {
            LogScan::read(&path, &bytes)?
        } else {
            LogScan::read_tail(&path, &bytes, start as usize)?
        };
        scan.warn(&path, true);
        let mut end = start + bytes.len() as u64;
        if let Some(torn) = scan.torn {
            self.file
                .set_len(torn.offset as u64)
                .and_then(|()| self.file.sync_data())
                .map_err(|e| CliError::io("cannot drop the torn record of", &path, &e))?;
            end = torn.offset as u64;
        }
        if let Some(h) = &mut checksum {
            h.update(&bytes[..(end - start) as usize]);
        }
        self.checksum = checksum;
        self.len = end;
        if start == 0 {
            self.times.clear();
        }
        self.note_times(scan.entries.iter().map(entry_time_ms));
        Ok(scan)
    }

    /// [`ReviewStore::read_from`] `start` when the log's first `start` bytes still have the
    /// CRC-32 `crc` (the log a snapshot was made from, grown since only by appends); `None`
    /// when they do not (the log was rewritten, cut, or replaced): read it whole then.
    pub fn read_after(&mut self, start: u64, crc: u32) -> Result<Option<LogScan>> {
        match self.prefix_checksum(start)? {
            Some(h) if h.clone().finalize() == crc => {
                self.checksum = Some(h);
                self.len = start;
                self.read_from(start).map(Some)
            }
            _ => Ok(None),
        }
    }

    /// The CRC-32 of the log's bytes, when the store has seen them all ([`read_from`] 0, or
    /// [`read_after`]): what a snapshot of this log records, without reading it again.
    ///
    /// [`read_from`]: ReviewStore::read_from
    /// [`read_after`]: ReviewStore::read_after
    pub fn checksum(&self) -> Option<u32> {
        self.checksum.clone().map(crc32fast::Hasher::finalize)
    }

    /// The CRC-32 state after the log's first `len` bytes, read in pieces (a log of a million
    /// reviews is never held whole for this); `None` if the log is shorter.
    fn prefix_checksum(&mut self, len: u64) -> Result<Option<crc32fast::Hasher>> {
        let path = self.path.clone();
        let io = |e: std::io::Error| CliError::io("cannot read the review log", &path, &e);
        if self.file.metadata().map_err(io)?.len() < len {
            return Ok(None);
        }
        self.file.seek(SeekFrom::Start(0)).map_err(io)?;
        let mut hasher = crc32fast::Hasher::new();
        let mut buffer = vec![0u8; 1 << 20];
        let mut left = len;
        while left > 0 {
            let want = buffer.len().min(left as usize);
            let n = self.file.read(&mut buffer[..want]).map_err(io)?;
            if n == 0 {
                return Ok(None);
            }
            hasher.update(&buffer[..n]);
            left -= n as u64;
        }
        Ok(Some(hasher))
    }

    /// The log's length in bytes as last read or written.
    pub fn len(&self) -> u64 {
        self.len
    }

    /// Whether the log holds no byte.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The times of every record, sorted.
    pub fn times(&self) -> &[i64] {
        &self.times
    }

    /// Adds record times the store did not read itself (a snapshot's).
    pub fn note_times(&mut self, times: impl Iterator<Item = i64>) {
        self.times.extend(times);
        self.times.sort_unstable();
    }

    /// The log's path.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// A record time at or after `now_ms` and after every record already written that is
    /// not future-dated ([`horizon_ms`]), so that the log stays in time order when the system
    /// clock steps back a little, and a record made with a clock years ahead never drags the
    /// time of new reviews along with it.
    pub fn next_time_ms(&self, now_ms: i64) -> i64 {
        let horizon = horizon_ms(now_ms);
        let at = self.times.partition_point(|&t| t <= horizon);
        let last = if at == 0 {
            i64::MIN
        } else {
            self.times[at - 1]
        };
        now_ms.max(last.saturating_add(1))
    }

    fn note_time(&mut self, t: i64, len: usize) {
        let at = self.times.partition_point(|&x| x <= t);
        self.times.insert(at, t);
        self.len += len as u64;
    }

    /// Appends records and waits until they are on disk (one sync for all).
    pub fn append_all(&mut self, entries: &[LogEntry]) -> Result<()> {
        let mut bytes = Vec::with_capacity(entries.len() * 24);
        let mut frame = [0u8; MAX_FRAME_LEN];
        for entry in entries {
            let n = encode_frame(entry, &mut frame);
            bytes.extend_from_slice(&frame[..n]);
        }
        self.file
            .write_all(&bytes)
            .and_then(|()| self.file.sync_data())
            .map_err(|e| CliError::io("cannot write to the review log", &self.path, &e))?;
        if let Some(h) = &mut self.checksum {
            h.update(&bytes);
        }
        // One sort of the times already held (a sorted run) and the batch's, not an insertion
        // a record: an import appends a million records at once. The stable sort finds the
        // runs and merges them.
        let mut batch: Vec<i64> = entries.iter().map(entry_time_ms).collect();
        batch.sort_unstable();
        self.times.extend_from_slice(&batch);
        self.times.sort();
        self.len += bytes.len() as u64;
        Ok(())
    }

    /// Appends one record and waits until it is on disk.
    pub fn append(&mut self, entry: &LogEntry) -> Result<()> {
        let mut frame = [0u8; MAX_FRAME_LEN];
        let n = encode_frame(entry, &mut frame);
        self.file
            .write_all(&frame[..n])
            .and_then(|()| self.file.sync_data())
            .map_err(|e| CliError::io("cannot write to the review log", &self.path, &e))?;
        if let Some(h) = &mut self.checksum {
            h.update(&frame[..n]);
        }
        self.note_time(entry_time_ms(entry), n);
        Ok(())
    }
}

/// Makes a new directory entry durable (best effort: not every file system allows it).
pub fn sync_dir(dir: &Path) {
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use carnet_engine::review_log::Review;
    use carnet_engine::{crc32, CardId, Rating};

    fn temp_dir(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("carnet-store-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        dir
    }

    fn review(card: u64, time_ms: i64) -> LogEntry {
        LogEntry::Review(Review {
            card: CardId(card),
            time_ms,
            rating: Rating::Good,
            duration_ms: 1500,
        })
    }

    /// The checksum the store keeps is the file's, read whole, read after a checked
    /// prefix, with a torn tail cut, and after appends; a wrong prefix is refused.
    #[test]
    fn the_kept_checksum_is_the_files() {
        let dir = temp_dir("checksum");
        let path = dir.join("deck.revlog");
        let file_crc = || crc32(&std::fs::read(&path).unwrap());
        {
            let (mut store, _) = ReviewStore::open(&path).unwrap();
            assert_eq!(store.checksum(), Some(file_crc()));
            store.append(&review(1, 1000)).unwrap();
            store
                .append_all(&[review(2, 2000), review(3, 3000)])
                .unwrap();
            assert_eq!(store.checksum(), Some(file_crc()));
        }
        let prefix = std::fs::read(&path).unwrap();
        let (start, crc) = (prefix.len() as u64, crc32(&prefix));
        {
            let (mut store, _) = ReviewStore::open(&path).unwrap();
            store.append(&review(4, 4000)).unwrap();
        }
        // A torn record after the new one.
        let mut bytes = std::fs::read(&path).unwrap();
        bytes.extend_from_slice(&[7, 7, 7]);
        std::fs::write(&path, &bytes).unwrap();
        let mut store = ReviewStore::lock(&path).unwrap();
        assert!(store.read_after(start, crc ^ 1).unwrap().is_none());
        let tail = store.read_after(start, crc).unwrap().unwrap();
        assert_eq!(tail.entries.len(), 1);
        assert_eq!(store.checksum(), Some(file_crc()));
        store.append(&review(5, 5000)).unwrap();
        assert_eq!(store.checksum(), Some(file_crc()));
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn appends_survive_reopening_and_a_torn_tail_is_cut() {
        let dir = temp_dir("torn");
        let path = dir.join("deck.log");
        {
            let (mut store, scan) = ReviewStore::open(&path).unwrap();
            assert!(scan.entries.is_empty());
            store.append(&review(1, 1000)).unwrap();
            store.append(&review(2, 2000)).unwrap();
            assert_eq!(store.next_time_ms(1500), 2001);
        }
        let whole = std::fs::metadata(&path).unwrap().len();
        // An interrupted write: half a frame at the end.
        let mut frame = [0u8; MAX_FRAME_LEN];
        let n = encode_frame(&review(3, 3000), &mut frame);
        let mut f = OpenOptions::new().append(true).open(&path).unwrap();
        f.write_all(&frame[..n / 2]).unwrap();
        drop(f);
        let (mut store, scan) = ReviewStore::open(&path).unwrap();
        assert_eq!(scan.entries, vec![review(1, 1000), review(2, 2000)]);
        assert!(scan.torn.is_some());
        assert_eq!(std::fs::metadata(&path).unwrap().len(), whole);
        store.append(&review(4, 4000)).unwrap();
        drop(store);
        let scan = read_log(&path).unwrap();
        assert_eq!(scan.entries.len(), 3);
        assert!(scan.torn.is_none() && scan.corrupt.is_empty());
        std::fs::remove_dir_all(dir).unwrap();
    }

    /// One record made with a clock in 2030 must not freeze the time of every later review.
    #[test]
    fn a_future_dated_record_does_not_drive_the_clock() {
        let dir = temp_dir("future");
        let path = dir.join("deck.log");
        let now = 1_795_000_000_000; // 2026
        let y2030 = 1_893_456_000_000;
        {
            let (mut store, _) = ReviewStore::open(&path).unwrap();
            store.append(&review(1, now - 5000)).unwrap();
            store.append(&review(2, y2030)).unwrap();
            assert_eq!(store.next_time_ms(now), now);
            assert_eq!(store.next_time_ms(now - 6000), now - 4999);
        }
        let (store, scan) = ReviewStore::open(&path).unwrap();
        assert_eq!(store.next_time_ms(now + 60_000), now + 60_000);
        let (kept, later) = scan.until(horizon_ms(now));
        assert_eq!((kept, later), (vec![review(1, now - 5000)], 1));
        // Once its time has come, it counts like any other.
        assert_eq!(scan.until(horizon_ms(y2030)).1, 0);
        assert_eq!(store.next_time_ms(y2030), y2030 + 1);
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn a_second_writer_is_refused() {
        let dir = temp_dir("lock");
        let path = dir.join("deck.log");
        let (_first, _) = ReviewStore::open(&path).unwrap();
        let err = ReviewStore::open(&path).unwrap_err();
        assert_eq!(err.exit_code(), 2);
        assert!(err.message().contains("in use by another carnet"), "{err}");
        std::fs::remove_dir_all(dir).unwrap();
    }

    fn cobs_decode(frame: &[u8]) -> Vec<u8> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < frame.len() {
            let code = frame[i] as usize;
            out.extend_from_slice(&frame[i + 1..i + code]);
            i += code;
            if code < 0xff && i < frame.len() {
                out.push(0);
            }
        }
        out
    }

    fn cobs_encode(raw: &[u8]) -> Vec<u8> {
        let mut out = vec![0];
        let mut code_at = 0;
        for &b in raw {
            if b == 0 {
                out[code_at] = (out.len() - code_at) as u8;
                code_at = out.len();
                out.push(0);
            } else {
                out.push(b);
                if out.len() - code_at == 0xff {
                    out[code_at] = 0xff;
                    code_at = out.len();
                    out.push(0);
                }
            }
        }
        out[code_at] = (out.len() - code_at) as u8;
        out
    }

    #[test]
    fn a_log_from_a_newer_carnet_is_refused() {
        let mut frame = [0u8; MAX_FRAME_LEN];
        let n = encode_frame(&review(7, 7000), &mut frame);
        let mut raw = cobs_decode(&frame[..n - 1]);
        assert_eq!(raw[0] >> 4, 1, "format version 1 today");
        let body = raw.len() - 4;
        assert_eq!(
            crc32(&raw[..body]).to_le_bytes(),
            raw[body..],
            "the frame layout is as assumed"
        );
        raw[0] = (2 << 4) | (raw[0] & 0x0f);
        let crc = crc32(&raw[..body]).to_le_bytes();
        raw[body..].copy_from_slice(&crc);
        let mut log = frame[..n].to_vec();
        log.extend(cobs_encode(&raw));
        log.push(0);
        let err = LogScan::read(Path::new("new.revlog"), &log).unwrap_err();
        assert_eq!(err.exit_code(), 2);
        assert!(
            err.message()
                .contains("written by a newer carnet (log format version 2)"),
            "{err}"
        );
    }

    #[test]
    fn a_long_log_decodes_in_parallel_pieces_with_file_offsets() {
        let mut bytes = Vec::new();
        let mut frame = [0u8; MAX_FRAME_LEN];
        let mut offsets = Vec::new();
        for i in 0..40_000u64 {
            offsets.push(bytes.len());
            let n = encode_frame(&review(i, i as i64 * 1000), &mut frame);
            bytes.extend_from_slice(&frame[..n]);
        }
        assert!(bytes.len() > 256 * 1024);
        let damaged = offsets[31_000];
        bytes[damaged + 3] ^= 0x08;
        bytes.extend_from_slice(&frame[..5]);
        let scan = LogScan::read(Path::new("big.log"), &bytes).unwrap();
        assert_eq!(scan.entries.len(), 39_999);
        assert_eq!(scan.entries[0], review(0, 0));
        assert_eq!(scan.entries[39_998], review(39_999, 39_999_000));
        assert_eq!(scan.corrupt.len(), 1);
        assert_eq!(scan.corrupt[0].offset, damaged);
        assert!(scan.torn.is_some_and(|t| t.offset == bytes.len() - 5));
        let pieces = split_at_delimiters(&bytes, 3);
        assert_eq!(pieces.len(), 3);
        assert!(pieces
            .windows(2)
            .all(|w| w[0].1 == w[1].0 && bytes[w[0].1 - 1] == 0));
    }

    /// A log of one record with one damaged byte is a damaged carnet log (opened, the record
    /// reported), not "not a carnet review log".
    #[test]
    fn a_single_damaged_record_is_not_taken_for_a_foreign_file() {
        let mut frame = [0u8; MAX_FRAME_LEN];
        let n = encode_frame(&review(1, 1000), &mut frame);
        let mut log = frame[..n].to_vec();
        log[n - 3] ^= 0x04;
        let scan = LogScan::read(Path::new("one.revlog"), &log).unwrap();
        assert!(scan.entries.is_empty());
        assert_eq!(scan.corrupt.len(), 1);
    }

    #[test]
    fn corrupt_middle_record_is_skipped_and_garbage_refused() {
        let dir = temp_dir("corrupt");
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("deck.log");
        let mut bytes = Vec::new();
        let mut frame = [0u8; MAX_FRAME_LEN];
        let mut second = 0;
        for i in 0..3 {
            if i == 1 {
                second = bytes.len();
            }
            let n = encode_frame(&review(i, 1000 * i as i64), &mut frame);
            bytes.extend_from_slice(&frame[..n]);
        }
        bytes[second + 4] ^= 0x20;
        let scan = LogScan::read(&path, &bytes).unwrap();
        assert_eq!(scan.entries.len(), 2);
        assert_eq!(scan.corrupt[0].offset, second);
        let err = LogScan::read(&path, b"hello, world\n\0not a log\0").unwrap_err();
        assert!(err.message().contains("not a carnet review log"), "{err}");
    }
}
