//! The start-up snapshot of a review log: every card's state folded from the log's first
//! bytes, so that a session starts by reading it and the records appended since, not by
//! replaying a million reviews.
//!
//! It is a cache, never the truth: it lives beside the log (`<deck id>.state`), names the
//! log's length and the CRC-32 of those bytes, and is used only when the log still begins
//! with exactly them; any doubt (another length or checksum, other scheduling settings, a
//! damaged or foreign file, a record that reaches back into what it folded) and the whole log
//! is replayed as without it, and a new snapshot written. Deleting it loses nothing.
//!
//! What it folds: each card's reviews dated before the start of the day it was made (the
//! **cut**), as a state; the reviews from the cut on stay as reviews, since today's counts,
//! buried siblings and undo need them one by one.
//!
//! Layout (little endian), then the CRC-32 of everything before it:
//!
//! | bytes | field |
//! |---|---|
//! | 8 | `CARNETSS` |
//! | 4 | format version (1) |
//! | 8 | key: a hash of the scheduler's settings and the day clock |
//! | 8 | log length covered |
//! | 4 | CRC-32 of those bytes of the log |
//! | 8 | the cut (ms) |
//! | 4 + 8 n | the times (ms) of the covered records: the latest before the cut, then every later one |
//! | 4 | number of cards, then each card: |
//! | 8 + 16 + 1 + 8 | id, folded state, suspended, suspension time (`i64::MIN`: none) |
//! | 8 | time of the last folded review (`i64::MIN`: none) |
//! | 4 + 13 n | later reviews: time (ms), grade (1–4), duration (ms) |

use std::path::{Path, PathBuf};

use carnet_engine::review_log::Review;
use carnet_engine::{CardId, CardState, DayClock, Rating, Scheduler};

use crate::error::Result;
use crate::history::{secs, CardHistory, History};
use crate::store::{horizon_ms, ReviewStore};

const MAGIC: &[u8; 8] = b"CARNETSS";
const VERSION: u32 = 1;
/// No time: an `Option<i64>` that is `None`.
const NONE: i64 = i64::MIN;

/// Records appended to a log since its snapshot beyond which a start writes a new one.
const REWRITE_AFTER: usize = 1024;
/// A log of fewer records is replayed at every start (a few milliseconds): no snapshot.
const MIN_RECORDS: usize = 1000;

/// Opens and locks the log at `log` and reads its history as of `now_ms`: from its snapshot
/// and the records appended since when the snapshot is good for this log and these settings,
/// else by replaying the whole log, and then a new snapshot is written for the next start
/// (also when many records were appended since the last one). Records dated beyond
/// [`horizon_ms`] are left out as [`crate::store::LogScan::schedulable`] says.
pub fn open_history(
    log: &Path,
    scheduler: &Scheduler,
    day_clock: &DayClock,
    now_ms: i64,
) -> Result<OpenedLog> {
    let mut store = ReviewStore::lock(log)?;
    let today_ms = day_clock.day_start(day_clock.day(secs(now_ms))) * 1000;
    let snapshot_path = path_for(log);
    let snapshot = Snapshot::load(&snapshot_path).filter(|s| {
        // Folded with these settings, on this day or before, and holding no record that
        // would be in the future now (a clock set back).
        s.key == key(scheduler, day_clock)
            && s.cut_ms <= today_ms
            && s.times.last().is_none_or(|&t| t <= horizon_ms(now_ms))
    });
    let mut from_snapshot = None;
    if let Some(snapshot) = snapshot {
        if let Some(tail) = store.read_after(snapshot.log_len, snapshot.log_crc)? {
            let (entries, later) = tail.until(horizon_ms(now_ms));
            let mut history = snapshot.history;
            // A record reaching back into the folded reviews (a merged log) needs the
            // whole log.
            if entries.iter().all(|e| history.try_apply(e)) {
                store.note_times(snapshot.times.into_iter());
                if later > 0 {
                    tail.schedulable(log, now_ms);
                }
                let rewrite =
                    tail.entries.len() >= REWRITE_AFTER && tail.corrupt.is_empty() && later == 0;
                from_snapshot = Some((history, rewrite));
            }
        }
    }
    let from_snapshot_used = from_snapshot.is_some();
    let (history, rewrite) = match from_snapshot {
        Some(found) => found,
        None => {
            let scan = store.read_from(0)?;
            let (entries, later) = scan.until(horizon_ms(now_ms));
            if later > 0 {
                scan.schedulable(log, now_ms);
            }
            // A log with damaged or future-dated records is replayed whole each time
            // (warning each time): the snapshot covers clean logs only.
            let rewrite =
                scan.entries.len() >= MIN_RECORDS && scan.corrupt.is_empty() && later == 0;
            (History::from_entries(&entries), rewrite)
        }
    };
    if rewrite {
        // A cache: when it cannot be written, the next start replays the log again.
        if let Some(crc) = store.checksum() {
            let snapshot = Snapshot::of(
                &history,
                store.times(),
                (store.len(), crc),
                today_ms,
                scheduler,
                day_clock,
            );
            let _ = crate::atomic_file::write_atomically(&snapshot_path, &snapshot.encode());
        }
    }
    Ok(OpenedLog {
        store,
        history,
        from_snapshot: from_snapshot_used,
    })
}

/// A log opened for a session by [`open_history`].
#[derive(Debug)]
pub struct OpenedLog {
    /// The locked log.
    pub store: ReviewStore,
    /// Its history.
    pub history: History,
    /// Whether it was read from its snapshot and the records after it (else replayed
    /// whole).
    pub from_snapshot: bool,
}

/// Where the snapshot of the log at `log` lives.
pub fn path_for(log: &Path) -> PathBuf {
    log.with_extension("state")
}

/// What a snapshot's states depend on besides the log: the scheduler's settings (weights,
/// retention, steps, fuzz, ...) and how days are counted, hashed from their full `Debug`
/// form (every field, floats written exactly).
pub fn key(scheduler: &Scheduler, clock: &DayClock) -> u64 {
    let text = format!("{scheduler:?}|{clock:?}");
    text.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
        (h ^ b as u64).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

/// A decoded snapshot.
#[derive(Debug, Clone, Default)]
pub struct Snapshot {
    /// The settings it was folded with ([`key`]).
    pub key: u64,
    /// How many bytes of the log it covers.
    pub log_len: u64,
    /// Their CRC-32.
    pub log_crc: u32,
    /// Reviews before this time (ms) are folded into states.
    pub cut_ms: i64,
    /// The latest record time before the cut, then every record time from the cut on,
    /// sorted (what the store needs to time new records).
    pub times: Vec<i64>,
    /// The cards' histories: folded state and later reviews.
    pub history: History,
}

impl Snapshot {
    /// The snapshot of a history read from the first `log_len` bytes of a log (CRC-32
    /// `log_crc`) whose record times are `times` (sorted): reviews before `cut_ms` folded.
    pub fn of(
        history: &History,
        times: &[i64],
        log: (u64, u32),
        cut_ms: i64,
        scheduler: &Scheduler,
        clock: &DayClock,
    ) -> Snapshot {
        let split = times.partition_point(|&t| t < cut_ms);
        let mut kept = Vec::with_capacity(times.len() - split + 1);
        kept.extend(times[..split].last());
        kept.extend_from_slice(&times[split..]);
        Snapshot {
            key: key(scheduler, clock),
            log_len: log.0,
            log_crc: log.1,
            cut_ms,
            times: kept,
            history: history.folded_before(cut_ms, scheduler, clock),
        }
    }

    /// The file's bytes.
    pub fn encode(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(64 + self.history.len() * 48 + self.times.len() * 8);
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&VERSION.to_le_bytes());
        out.extend_from_slice(&self.key.to_le_bytes());
        out.extend_from_slice(&self.log_len.to_le_bytes());
        out.extend_from_slice(&self.log_crc.to_le_bytes());
        out.extend_from_slice(&self.cut_ms.to_le_bytes());
        out.extend_from_slice(&(self.times.len() as u32).to_le_bytes());
        for t in &self.times {
            out.extend_from_slice(&t.to_le_bytes());
        }
        out.extend_from_slice(&(self.history.len() as u32).to_le_bytes());
        for (id, h) in self.history.cards() {
            out.extend_from_slice(&id.0.to_le_bytes());
            out.extend_from_slice(&h.base.to_bytes());
            out.push(h.suspended as u8);
            out.extend_from_slice(&h.suspension_time_ms.unwrap_or(NONE).to_le_bytes());
            out.extend_from_slice(&h.base_last_ms.unwrap_or(NONE).to_le_bytes());
            out.extend_from_slice(&(h.reviews.len() as u32).to_le_bytes());
            for r in &h.reviews {
                out.extend_from_slice(&r.time_ms.to_le_bytes());
                out.push(r.rating as u8);
                out.extend_from_slice(&r.duration_ms.to_le_bytes());
            }
        }
        let crc = crc32fast::hash(&out);
        out.extend_from_slice(&crc.to_le_bytes());
        out
    }

    /// Reads a snapshot's bytes: `None` for anything that is not one, whole and intact
    /// (never a panic: the file may be damaged).
    pub fn decode(bytes: &[u8]) -> Option<Snapshot> {
        let body_len = bytes.len().checked_sub(4)?;
        let (body, crc) = bytes.split_at(body_len);
        if crc32fast::hash(body) != u32::from_le_bytes(crc.try_into().ok()?) {
            return None;
        }
        let mut r = Reader(body);
        if r.take(8)? != MAGIC || r.u32()? != VERSION {
            return None;
        }
        let key = r.u64()?;
        let log_len = r.u64()?;
        let log_crc = r.u32()?;
        let cut_ms = r.i64()?;
        let n_times = r.count(8)?;
        let times: Vec<i64> = (0..n_times).map(|_| r.i64()).collect::<Option<_>>()?;
        if !times.is_sorted() {
            return None;
        }
        let n_cards = r.count(45)?;
        let mut history = History::with_capacity(n_cards);
        for _ in 0..n_cards {
            let id = CardId(r.u64()?);
            let base = CardState::from_bytes(r.take(16)?.try_into().ok()?)?;
            let suspended = match r.take(1)?[0] {
                0 => false,
                1 => true,
                _ => return None,
            };
            let time = |t: i64| (t != NONE).then_some(t);
            let suspension_time_ms = time(r.i64()?);
            let base_last_ms = time(r.i64()?);
            let n_reviews = r.count(13)?;
            let mut reviews = Vec::with_capacity(n_reviews);
            for _ in 0..n_reviews {
                let time_ms = r.i64()?;
                let rating = Rating::from_u8(r.take(1)?[0])?;
                let duration_ms = r.u32()?;
                reviews.push(Review {
                    card: id,
                    time_ms,
                    rating,
                    duration_ms,
                });
            }
            let ordered = reviews.is_sorted_by_key(|r| r.time_ms)
                && base_last_ms.is_none_or(|b| reviews.first().is_none_or(|r| r.time_ms >= b));
            if !ordered || base.is_suspended() || base.is_new() != base_last_ms.is_none() {
                return None;
            }
            history.insert(
                id,
                CardHistory {
                    reviews,
                    suspended,
                    suspension_time_ms,
                    base,
                    base_last_ms,
                },
            );
        }
        if !r.0.is_empty() || history.len() != n_cards {
            return None;
        }
        Some(Snapshot {
            key,
            log_len,
            log_crc,
            cut_ms,
            times,
            history,
        })
    }

    /// Reads the snapshot at `path` if there is a usable one there.
    pub fn load(path: &Path) -> Option<Snapshot> {
        Snapshot::decode(&std::fs::read(path).ok()?)
    }
}

/// Little-endian fields read off the front of a byte slice.
struct Reader<'a>(&'a [u8]);

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        if self.0.len() < n {
            return None;
        }
        let (head, rest) = self.0.split_at(n);
        self.0 = rest;
        Some(head)
    }

    fn u32(&mut self) -> Option<u32> {
        Some(u32::from_le_bytes(self.take(4)?.try_into().ok()?))
    }

    fn u64(&mut self) -> Option<u64> {
        Some(u64::from_le_bytes(self.take(8)?.try_into().ok()?))
    }

    fn i64(&mut self) -> Option<i64> {
        Some(i64::from_le_bytes(self.take(8)?.try_into().ok()?))
    }

    /// A count of items of at least `min_size` bytes each, refused when the bytes left
    /// cannot hold that many (no allocation sized by a damaged count).
    fn count(&mut self, min_size: usize) -> Option<usize> {
        let n = self.u32()? as usize;
        (n.checked_mul(min_size)? <= self.0.len()).then_some(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use carnet_engine::review_log::{encode_frame, LogEntry, MAX_FRAME_LEN};
    use carnet_engine::StudiedToday;

    const DAY: i64 = 86_400_000;
    /// 2024-03-29 08:00 UTC.
    const NOW: i64 = 1_711_699_200_000;

    fn temp_log(name: &str) -> PathBuf {
        let dir =
            std::env::temp_dir().join(format!("carnet-snapshot-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        dir.join("deck.revlog")
    }

    /// A history of `cards` cards over the 60 days before `NOW`, with undos, suspensions
    /// and today's reviews, as frames; a small generator so that each test has its own mix.
    fn records(cards: u64, seed: u64) -> Vec<LogEntry> {
        let mut x = seed | 1;
        let mut next = move |n: u64| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x % n
        };
        let mut out = Vec::new();
        for card in 0..cards {
            let mut t = NOW - 60 * DAY + next(10) as i64 * DAY + card as i64;
            while t < NOW {
                let review = Review {
                    card: CardId(card),
                    time_ms: t,
                    rating: Rating::from_u8(1 + next(4) as u8).unwrap(),
                    duration_ms: 3000,
                };
                out.push(LogEntry::Review(review));
                match next(12) {
                    0 => out.push(LogEntry::Undo {
                        card: review.card,
                        review_time_ms: t,
                    }),
                    1 => out.push(LogEntry::Suspend {
                        card: review.card,
                        time_ms: t + 1,
                    }),
                    2 => out.push(LogEntry::Unsuspend {
                        card: review.card,
                        time_ms: t + 2,
                    }),
                    _ => {}
                }
                t += [600_000, DAY, 3 * DAY, 9 * DAY][next(4) as usize] + 17;
            }
        }
        // Today (the day starts at 04:00, `NOW` is 08:00): reviews of old cards, and
        // new cards seen for the first time.
        for card in (0..cards).step_by(3).chain(cards..cards + 4) {
            out.push(LogEntry::Review(Review {
                card: CardId(card),
                time_ms: NOW - 3_600_000 + card as i64,
                rating: Rating::Good,
                duration_ms: 2000,
            }));
        }
        out.sort_by_key(crate::store::entry_time_ms);
        out
    }

    fn write(log: &Path, entries: &[LogEntry]) {
        use std::io::Write;
        let mut f = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(log)
            .unwrap();
        let mut frame = [0u8; MAX_FRAME_LEN];
        for e in entries {
            let n = encode_frame(e, &mut frame);
            f.write_all(&frame[..n]).unwrap();
        }
    }

    /// What a session starts from: each card's state, today's counts, the next record time.
    fn outcome(
        history: &History,
        store: &ReviewStore,
        scheduler: &Scheduler,
        now: i64,
    ) -> (Vec<CardState>, StudiedToday, i64) {
        let clock = DayClock::default();
        let states = (0..64)
            .map(|c| history.state(CardId(c), scheduler, &clock))
            .collect();
        let studied = history.studied_today(secs(now), scheduler, &clock);
        (states, studied, store.next_time_ms(now))
    }

    /// The reference: the whole log replayed, no snapshot involved.
    fn replayed(
        log: &Path,
        scheduler: &Scheduler,
        now: i64,
    ) -> (Vec<CardState>, StudiedToday, i64) {
        let (store, scan) = ReviewStore::open(log).unwrap();
        let (entries, _) = scan.until(horizon_ms(now));
        let history = History::from_entries(&entries);
        outcome(&history, &store, scheduler, now)
    }

    fn started(log: &Path, scheduler: &Scheduler, now: i64) -> (Vec<CardState>, StudiedToday, i64) {
        started_from(log, scheduler, now).0
    }

    /// What a start gives, and whether it came from the snapshot.
    fn started_from(
        log: &Path,
        scheduler: &Scheduler,
        now: i64,
    ) -> ((Vec<CardState>, StudiedToday, i64), bool) {
        let opened = open_history(log, scheduler, &DayClock::default(), now).unwrap();
        let got = outcome(&opened.history, &opened.store, scheduler, now);
        (got, opened.from_snapshot)
    }

    fn snapshot_of(log: &Path) -> Option<Snapshot> {
        Snapshot::load(&path_for(log))
    }

    #[test]
    fn a_start_from_the_snapshot_equals_a_replay_of_the_whole_log() {
        let scheduler = Scheduler::default();
        for seed in [3, 7, 11] {
            let log = temp_log(&format!("equal-{seed}"));
            let all = records(60, seed);
            assert!(all.len() > MIN_RECORDS, "{} records", all.len());
            // Yesterday's log: the first start replays it and writes the snapshot.
            let split = all.partition_point(|e| crate::store::entry_time_ms(e) < NOW - DAY);
            write(&log, &all[..split]);
            let yesterday = NOW - DAY;
            assert_eq!(
                started(&log, &scheduler, yesterday),
                replayed(&log, &scheduler, yesterday)
            );
            let snapshot = snapshot_of(&log).expect("a snapshot after the first start");
            assert!(snapshot
                .history
                .cards()
                .any(|(_, h)| h.base_last_ms.is_some()));
            // Today's records appended: the next start reads the snapshot and the tail.
            write(&log, &all[split..]);
            let (today, from_snapshot) = started_from(&log, &scheduler, NOW);
            assert!(from_snapshot, "seed {seed}");
            assert_eq!(today, replayed(&log, &scheduler, NOW));
            assert!(
                today.1.new + today.1.reviews > 0,
                "reviews today: {:?}",
                today.1
            );
            let later = NOW + 3 * DAY;
            let (then, from_snapshot) = started_from(&log, &scheduler, later);
            assert!(from_snapshot, "seed {seed}");
            assert_eq!(then, replayed(&log, &scheduler, later));
        }
    }

    #[test]
    fn whatever_makes_it_doubtful_falls_back_to_a_full_replay() {
        let scheduler = Scheduler::default();
        let log = temp_log("doubt");
        let all = records(60, 5);
        write(&log, &all);
        let first = started(&log, &scheduler, NOW);
        assert!(snapshot_of(&log).is_some());
        let expect = |scheduler: &Scheduler, now: i64| {
            let (got, from_snapshot) = started_from(&log, scheduler, now);
            assert!(!from_snapshot, "a doubtful snapshot was used");
            assert_eq!(got, replayed(&log, scheduler, now));
            // Each fallback wrote a snapshot for its own settings and log: put back the
            // one of the default settings for the next case.
            let _ = started_from(&log, &Scheduler::default(), NOW);
        };
        // Other settings: other states.
        let other = Scheduler::new(carnet_engine::SchedulerConfig {
            desired_retention: 0.8,
            ..Default::default()
        })
        .unwrap();
        expect(&other, NOW);
        // A clock set back before the cut.
        expect(&scheduler, NOW - 2 * DAY);
        // A review appended that goes back before a card's folded reviews (a merged log).
        write(
            &log,
            &[LogEntry::Review(Review {
                card: CardId(4),
                time_ms: NOW - 50 * DAY,
                rating: Rating::Again,
                duration_ms: 1,
            })],
        );
        expect(&scheduler, NOW);
        // An undo of a folded review.
        let folded = all
            .iter()
            .find_map(|e| match e {
                LogEntry::Review(r) if r.time_ms < NOW - 20 * DAY => Some(*r),
                _ => None,
            })
            .unwrap();
        write(
            &log,
            &[LogEntry::Undo {
                card: folded.card,
                review_time_ms: folded.time_ms,
            }],
        );
        expect(&scheduler, NOW);
        // The log rewritten in place with the same length: its checksum differs.
        let mut bytes = std::fs::read(&log).unwrap();
        let (a, b) = (bytes[5], bytes[6]);
        bytes[5] = b;
        bytes[6] = a;
        std::fs::write(&log, &bytes).unwrap();
        expect(&scheduler, NOW);
        // A damaged snapshot.
        let mut snap = std::fs::read(path_for(&log)).unwrap();
        let mid = snap.len() / 2;
        snap[mid] ^= 0x40;
        std::fs::write(path_for(&log), &snap).unwrap();
        expect(&scheduler, NOW);
        assert_ne!(first, replayed(&log, &scheduler, NOW), "the log did change");
    }

    #[test]
    fn future_dated_records_stay_out_and_keep_the_log_out_of_snapshots() {
        let scheduler = Scheduler::default();
        let log = temp_log("future");
        let mut all = records(60, 9);
        all.push(LogEntry::Review(Review {
            card: CardId(2),
            time_ms: NOW + 400 * DAY,
            rating: Rating::Easy,
            duration_ms: 1,
        }));
        write(&log, &all);
        assert_eq!(
            started(&log, &scheduler, NOW),
            replayed(&log, &scheduler, NOW)
        );
        assert!(snapshot_of(&log).is_none());
        let then = NOW + 401 * DAY;
        assert_eq!(
            started(&log, &scheduler, then),
            replayed(&log, &scheduler, then)
        );
    }

    #[test]
    fn damaged_bytes_never_decode_and_never_panic() {
        let scheduler = Scheduler::default();
        let log = temp_log("damage");
        write(&log, &records(60, 13));
        let _ = started(&log, &scheduler, NOW);
        let good = std::fs::read(path_for(&log)).unwrap();
        assert!(Snapshot::decode(&good).is_some());
        for len in (0..good.len()).step_by(97) {
            assert!(Snapshot::decode(&good[..len]).is_none(), "cut at {len}");
        }
        let mut x = 0x9E37_79B9_7F4A_7C15u64;
        for _ in 0..2000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let mut bad = good.clone();
            let at = (x % bad.len() as u64) as usize;
            bad[at] ^= 1 << (x >> 60 & 7);
            assert!(Snapshot::decode(&bad).is_none(), "bit flipped at {at}");
        }
        // Every field damaged behind a right checksum: refused or read, never a panic, and
        // what reads is a history (the structure decoder is what these reach).
        for _ in 0..20_000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let mut body = good[..good.len() - 4].to_vec();
            for k in 0..1 + (x % 4) {
                let at = 8 + ((x >> (8 * k)) as usize % (body.len() - 8));
                body[at] = (x >> (16 + k)) as u8;
            }
            body.truncate(body.len() - (x >> 40) as usize % 3 * (x % 2) as usize);
            let crc = crc32fast::hash(&body);
            body.extend_from_slice(&crc.to_le_bytes());
            if let Some(s) = Snapshot::decode(&body) {
                assert!(s.history.len() <= 64);
            }
        }
        // Bytes with a right checksum but wrong content are refused too.
        let mut forged = good[..good.len() - 4].to_vec();
        let counts_at = 8 + 4 + 8 + 8 + 4 + 8;
        forged[counts_at..counts_at + 4].copy_from_slice(&u32::MAX.to_le_bytes());
        let crc = crc32fast::hash(&forged);
        forged.extend_from_slice(&crc.to_le_bytes());
        assert!(Snapshot::decode(&forged).is_none());
    }
}
