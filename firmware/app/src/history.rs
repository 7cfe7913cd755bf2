//! The schedule rebuilt from the review log at boot: the log is streamed through the engine's
//! [`FrameDecoder`] in small chunks, each record's card is found through the fingerprints and
//! confirmed in the deck's id table, and its review is folded with
//! [`Scheduler::replay_step`] — exactly what the host's replay does, so both agree.

use carnet_engine::deck::DeckHeader;
use carnet_engine::review_log::{FrameDecoder, LogEntry};
use carnet_engine::{CardId, CardState, DayClock, Phase, Rating, Scheduler, StudiedToday};

use crate::deck::{fingerprint, read_id, DeckError, CHUNK};
use crate::storage::Storage;

/// Undone reviews handled at boot (each costs a second pass over the log for its card);
/// more are counted in [`LogSummary::undos_ignored`].
pub const MAX_UNDOS: usize = 16;

/// What reading the log found.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct LogSummary {
    /// Bytes in the log.
    pub bytes: u32,
    /// Records that decoded.
    pub records: u32,
    /// Records about cards this deck does not hold (kept in the log, not shown).
    pub orphans: u32,
    /// Damaged records skipped (bad CRC, bad encoding).
    pub corrupt: u32,
    /// Whether the log ends in an unfinished record (an interrupted write): it is ignored.
    pub torn: bool,
    /// Undo records beyond [`MAX_UNDOS`], not applied.
    pub undos_ignored: u32,
    /// The latest time any record carries, in ms (0 for an empty log).
    pub latest_ms: i64,
    /// Reviews made today (by the day clock at boot).
    pub reviews_today: u32,
    /// New cards and review-phase reviews studied today, for the daily limits.
    pub studied: StudiedToday,
    /// Reviews of cards in the review phase over the last [`RECENT_DAYS`] days (the measured
    /// retention's denominator)…
    pub recent_reviews: u32,
    /// …and how many of them were recalled (graded above Again).
    pub recent_recalled: u32,
}

/// The days over which the statistics screen measures the retention.
pub const RECENT_DAYS: i64 = 30;

/// Finds a card's position from its id: fingerprints first, the deck's id table to confirm,
/// and a few recent answers remembered (reviews of one card come in runs).
#[derive(Clone, Copy, Debug, Default)]
pub struct CardFinder {
    recent: [(u64, u32); 8],
    filled: usize,
    next: usize,
}

impl CardFinder {
    /// The position of `id` in the deck, or `None` if the deck does not hold it.
    pub fn find<S: Storage>(
        &mut self,
        storage: &mut S,
        header: &DeckHeader,
        fingerprints: &[u16],
        id: CardId,
    ) -> Result<Option<u32>, DeckError> {
        if let Some(&(_, i)) = self.recent[..self.filled].iter().find(|(r, _)| *r == id.0) {
            return Ok(Some(i));
        }
        let want = fingerprint(id);
        for (i, &f) in fingerprints.iter().enumerate() {
            if f == want && read_id(storage, header, i as u32)? == id {
                self.recent[self.next] = (id.0, i as u32);
                self.next = (self.next + 1) % self.recent.len();
                self.filled = (self.filled + 1).min(self.recent.len());
                return Ok(Some(i as u32));
            }
        }
        Ok(None)
    }
}

/// Seconds of a record time in milliseconds, as the scheduler counts them (and as the host
/// does: `div_euclid`).
pub fn secs(time_ms: i64) -> i64 {
    time_ms.div_euclid(1000)
}

/// Everything the replay needs besides the storage.
pub struct Replay<'a> {
    /// The deck's header.
    pub header: &'a DeckHeader,
    /// Per-card fingerprints, deck order.
    pub fingerprints: &'a [u16],
    /// Per-card states, deck order; start as new and are folded.
    pub states: &'a mut [CardState],
    /// The scheduler.
    pub scheduler: &'a Scheduler,
    /// How days are counted.
    pub clock: &'a DayClock,
    /// Now, in ms (for "today").
    pub now_ms: i64,
}

/// Folds one review into `state`, as the host's replay does.
pub fn apply_review(
    scheduler: &Scheduler,
    clock: &DayClock,
    state: &CardState,
    card: CardId,
    time_ms: i64,
    rating: carnet_engine::Rating,
) -> CardState {
    let t = secs(time_ms);
    let elapsed = state
        .last_review()
        .map_or(0, |last| clock.elapsed_days(last, t));
    scheduler.replay_step(state, card, t, rating, elapsed)
}

/// What streaming the log's frames found.
#[derive(Default)]
struct Framing {
    bytes: u32,
    records: u32,
    corrupt: u32,
    torn: bool,
}

/// Streams the log through a [`FrameDecoder`], calling `visit` with each record.
fn stream<S: Storage>(
    storage: &mut S,
    mut visit: impl FnMut(&mut S, LogEntry) -> Result<(), DeckError>,
) -> Result<Framing, DeckError> {
    let mut summary = Framing::default();
    let mut decoder = FrameDecoder::default();
    let mut buf = [0u8; CHUNK];
    let mut at = 0u32;
    loop {
        let n = storage.read_log(at, &mut buf)?;
        if n == 0 {
            break;
        }
        at += n as u32;
        for &b in &buf[..n] {
            match decoder.push(b) {
                None => {}
                Some(Ok(entry)) => {
                    summary.records += 1;
                    visit(storage, entry)?;
                }
                Some(Err(_)) => summary.corrupt += 1,
            }
        }
    }
    summary.bytes = at;
    summary.torn = decoder.has_partial_frame();
    Ok(summary)
}

impl Replay<'_> {
    /// Reads the whole log and folds it into the states.
    pub fn run<S: Storage>(self, storage: &mut S) -> Result<LogSummary, DeckError> {
        let Replay {
            header,
            fingerprints,
            states,
            scheduler,
            clock,
            now_ms,
        } = self;
        let today = clock.day(secs(now_ms));
        let mut summary = LogSummary::default();
        let mut finder = CardFinder::default();
        let mut undos = [(0u32, 0i64); MAX_UNDOS];
        let mut undo_count = 0usize;
        let framing = stream(storage, |storage, entry| {
            let time_ms = match entry {
                LogEntry::Review(r) => r.time_ms,
                LogEntry::Undo { review_time_ms, .. } => review_time_ms,
                LogEntry::Suspend { time_ms, .. } | LogEntry::Unsuspend { time_ms, .. } => time_ms,
            };
            summary.latest_ms = summary.latest_ms.max(time_ms);
            let Some(i) = finder.find(storage, header, fingerprints, entry.card())? else {
                summary.orphans += 1;
                return Ok(());
            };
            let state = &mut states[i as usize];
            match entry {
                LogEntry::Review(r) => {
                    let day = clock.day(secs(r.time_ms));
                    if state.phase() == Phase::Review && day > today - RECENT_DAYS && day <= today {
                        summary.recent_reviews += 1;
                        summary.recent_recalled += u32::from(r.rating != Rating::Again);
                    }
                    if day == today {
                        summary.reviews_today += 1;
                        match state.phase() {
                            Phase::New => summary.studied.new += 1,
                            Phase::Review => summary.studied.reviews += 1,
                            Phase::Learning | Phase::Relearning => {}
                        }
                    }
                    *state = apply_review(scheduler, clock, state, r.card, r.time_ms, r.rating);
                }
                LogEntry::Undo { review_time_ms, .. } => {
                    if undo_count < MAX_UNDOS {
                        undos[undo_count] = (i, review_time_ms);
                        undo_count += 1;
                    } else {
                        summary.undos_ignored += 1;
                    }
                }
                LogEntry::Suspend { .. } => state.set_suspended(true),
                LogEntry::Unsuspend { .. } => state.set_suspended(false),
            }
            Ok(())
        })?;
        summary.bytes = framing.bytes;
        summary.records = framing.records;
        summary.corrupt = framing.corrupt;
        summary.torn = framing.torn;
        if undo_count > 0 {
            refold_undone(
                storage,
                header,
                fingerprints,
                states,
                scheduler,
                clock,
                &undos[..undo_count],
            )?;
        }
        Ok(summary)
    }
}

/// Cards with undone reviews are folded again without them, in a second pass over the log
/// (an undo names the review by its time; the host's replay drops the same one).
fn refold_undone<S: Storage>(
    storage: &mut S,
    header: &DeckHeader,
    fingerprints: &[u16],
    states: &mut [CardState],
    scheduler: &Scheduler,
    clock: &DayClock,
    undos: &[(u32, i64)],
) -> Result<(), DeckError> {
    for &(i, _) in undos {
        let state = &mut states[i as usize];
        let suspended = state.is_suspended();
        *state = CardState::NEW;
        state.set_suspended(suspended);
    }
    let mut finder = CardFinder::default();
    stream(storage, |storage, entry| {
        let LogEntry::Review(r) = entry else {
            return Ok(());
        };
        // Only cards with an undo are folded again: skip the rest before any id lookup.
        let want = fingerprint(r.card);
        if !undos.iter().any(|&(i, _)| fingerprints[i as usize] == want) {
            return Ok(());
        }
        let Some(i) = finder.find(storage, header, fingerprints, r.card)? else {
            return Ok(());
        };
        if !undos.iter().any(|&(u, _)| u == i) || undos.contains(&(i, r.time_ms)) {
            return Ok(());
        }
        let state = &mut states[i as usize];
        let suspended = state.is_suspended();
        *state = apply_review(scheduler, clock, state, r.card, r.time_ms, r.rating);
        state.set_suspended(suspended);
        Ok(())
    })
    .map(|_| ())
}
