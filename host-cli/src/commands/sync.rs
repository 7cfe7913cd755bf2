//! `carnet sync`: one history on the terminal and the handheld.
//!
//! 1. The card's review log is read; every record the host store does not already hold is
//!    appended to it (records are their own identity, so running sync twice adds nothing).
//! 2. The deck and the whole merged history, in time order, are written to the card, so the
//!    handheld's schedule (replayed from its log at boot) includes the reviews made here. The
//!    card gets the history compacted: undone reviews and their undo records are left out, so
//!    the handheld folds its log in one pass. Every record written is one the host holds, so
//!    the next sync still finds nothing new in it.
//! 3. With them, in the same atomic write, the terminal's scheduling settings go to the card
//!    as `SETTINGS.TXT`: both replay the same log, so with the same settings both show the
//!    same due dates and the same queue.
//!
//! ## `SETTINGS.TXT`
//!
//! ASCII text: a version line, then one `key=value` a line (`#` lines are comments):
//!
//! ```text
//! carnet-settings 1
//! # Written by carnet sync: the terminal's scheduling settings, for the handheld.
//! desired_retention=0.9
//! maximum_interval=36500
//! fuzz=1
//! learning_steps=60,600
//! relearning_steps=600
//! new_per_day=20
//! reviews_per_day=200
//! learn_ahead_secs=1200
//! day_start_hour=4
//! utc_offset_secs=3600
//! fsrs_parameters=0.212,1.2931,2.3065,8.2956,6.4133,0.8334,3.0194,0.001,1.8722,0.1666,0.796,1.4835,0.0614,0.2629,1.6483,0.6014,1.8729,0.5425,0.0912,0.0658,0.1542
//! ```
//!
//! - Steps are in seconds (an empty list: no steps), `fuzz` is 1 or 0, the retention and the
//!   21 FSRS-6 parameters are written in the shortest decimal form that reads back as the
//!   same `f32`, so the handheld's scheduler is bit for bit the terminal's. Every key is
//!   written, the parameters too (default or not), so that a firmware with other defaults
//!   still schedules as this terminal.
//! - `utc_offset_secs` is the terminal's offset from UTC at the time of the sync (the
//!   handheld has no time zone of its own; after a daylight-saving change, sync again).
//! - The reader is `carnet_handheld::settings_file` (firmware/app): unknown keys are ignored
//!   (a minor version, `carnet-settings 1.1`, may add some); a newer major version, or any
//!   value it cannot use, and the handheld ignores the whole file, keeps its defaults and
//!   says so on its screen.

use std::collections::HashSet;
use std::fmt::Write as _;

use carnet_engine::review_log::{encode_frame, LogEntry, LogReader, MAX_FRAME_LEN};

use crate::args::{CommonArgs, SyncArgs};
use crate::config::Settings;
use crate::deck_file::{log_path, DeckFile};
use crate::error::{CliError, Result};
use crate::sd_card::{SdCard, DECK_FILE, LOG_FILE, SETTINGS_FILE};
use crate::store::{entry_time_ms, ReviewStore};

/// Merges the card's reviews into the store, then writes the deck and the history to the card.
pub fn execute(common: &CommonArgs, args: &SyncArgs) -> Result<()> {
    let settings = Settings::resolve(common)?;
    let file = DeckFile::load(&settings.deck)?;
    let deck = file.deck()?;
    let card = SdCard::open(&args.target)?;
    let target = args.target.display();

    let card_entries = match card.read(LOG_FILE)? {
        None => Vec::new(),
        Some(bytes) => read_card_log(&bytes, &format!("{target}: {LOG_FILE}"))?,
    };

    let path = log_path(&settings.data_dir, deck.name());
    let (mut store, scan) = ReviewStore::open(&path)?;
    let known: HashSet<LogEntry> = scan.entries.iter().copied().collect();
    let mut seen = HashSet::new();
    let new: Vec<LogEntry> = card_entries
        .iter()
        .copied()
        .filter(|e| !known.contains(e) && seen.insert(*e))
        .collect();
    let already = card_entries.len() - new.len();

    let mut merged = compact(scan.entries.iter().chain(&new).copied());
    merged.sort_by_key(entry_time_ms);
    let mut log = Vec::with_capacity(merged.len() * 24);
    let mut frame = [0u8; MAX_FRAME_LEN];
    for e in &merged {
        let n = encode_frame(e, &mut frame);
        log.extend_from_slice(&frame[..n]);
    }

    let card_settings = settings_file(&settings);

    if args.dry_run {
        println!(
            "would merge {} new record(s) from {target} ({already} already known) into {}, \
             then write {DECK_FILE} ({} cards), {LOG_FILE} ({} records) and {SETTINGS_FILE} \
             to the card",
            new.len(),
            path.display(),
            deck.len(),
            merged.len()
        );
        return Ok(());
    }
    if !new.is_empty() {
        store.append_all(&new)?;
    }
    card.write(&[
        (DECK_FILE, file.bytes()),
        (LOG_FILE, &log),
        (SETTINGS_FILE, card_settings.as_bytes()),
    ])?;
    let reviews = new
        .iter()
        .filter(|e| matches!(e, LogEntry::Review(_)))
        .count();
    println!(
        "merged {} new record(s) from {target} ({reviews} review(s); {already} already known) into {}",
        new.len(),
        path.display()
    );
    println!(
        "wrote {DECK_FILE} ({} cards, \"{}\"), {LOG_FILE} ({} records) and {SETTINGS_FILE} to \
         {target}",
        deck.len(),
        deck.name(),
        merged.len()
    );
    Ok(())
}

/// Version line of [`settings_file`].
pub const SETTINGS_HEADER: &str = "carnet-settings 1";

/// `SETTINGS.TXT` for the settings in force (see the module documentation).
pub fn settings_file(settings: &Settings) -> String {
    fn list<T: std::fmt::Display>(items: &[T]) -> String {
        items
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join(",")
    }
    let config = settings.scheduler.config();
    let limits = &settings.limits;
    let day = settings.day_clock();
    let mut out = String::with_capacity(512);
    let _ = writeln!(out, "{SETTINGS_HEADER}");
    let _ = writeln!(
        out,
        "# Written by carnet sync: the terminal's scheduling settings, for the handheld."
    );
    let _ = writeln!(out, "desired_retention={}", config.desired_retention);
    let _ = writeln!(out, "maximum_interval={}", config.maximum_interval);
    let _ = writeln!(out, "fuzz={}", u8::from(config.fuzz));
    let _ = writeln!(
        out,
        "learning_steps={}",
        list(config.learning_steps.as_slice())
    );
    let _ = writeln!(
        out,
        "relearning_steps={}",
        list(config.relearning_steps.as_slice())
    );
    let _ = writeln!(out, "new_per_day={}", limits.new_per_day);
    let _ = writeln!(out, "reviews_per_day={}", limits.reviews_per_day);
    let _ = writeln!(out, "learn_ahead_secs={}", limits.learn_ahead_secs);
    let _ = writeln!(out, "day_start_hour={}", day.start_hour);
    let _ = writeln!(out, "utc_offset_secs={}", day.utc_offset_secs);
    let _ = writeln!(
        out,
        "fsrs_parameters={}",
        list(config.parameters.as_array())
    );
    out
}

/// The records with every undone review and its undo record removed (in log order, an undo
/// cancels the latest earlier review of its card at the time it names).
fn compact(entries: impl Iterator<Item = LogEntry>) -> Vec<LogEntry> {
    let mut out: Vec<LogEntry> = Vec::new();
    for e in entries {
        if let LogEntry::Undo {
            card,
            review_time_ms,
        } = e
        {
            let undone = out.iter().rposition(|x| {
                matches!(x, LogEntry::Review(r) if r.card == card && r.time_ms == review_time_ms)
            });
            if let Some(at) = undone {
                out.remove(at);
            }
        } else {
            out.push(e);
        }
    }
    out
}

/// The card's records. A torn last record (the handheld lost power while writing) is dropped
/// with a warning; damaged records are reported and skipped; a newer format is refused.
fn read_card_log(bytes: &[u8], label: &str) -> Result<Vec<LogEntry>> {
    let mut entries = Vec::new();
    for item in LogReader::new(bytes) {
        match item {
            Ok((_, e)) => entries.push(e),
            Err(f) if f.torn => crate::terminal::warn(&format!(
                "{label}: the last record (byte offset {}) is unfinished, from an interrupted \
                 write; it is dropped",
                f.offset
            )),
            Err(f) => {
                if let carnet_engine::Error::UnsupportedVersion { found } = f.error {
                    return Err(CliError::input(format!(
                        "{label}: the record at byte offset {} was written by a newer carnet \
                         (log format version {found}); upgrade carnet",
                        f.offset
                    )));
                }
                crate::terminal::warn(&format!(
                    "{label}: the record at byte offset {} ({} bytes) is damaged ({}); it is \
                     skipped",
                    f.offset, f.len, f.error
                ));
            }
        }
    }
    Ok(entries)
}

#[cfg(test)]
mod tests {
    use super::*;
    use carnet_engine::review_log::Review;
    use carnet_engine::{
        CardId, Parameters, QueueLimits, Rating, Scheduler, SchedulerConfig, Steps,
        DEFAULT_PARAMETERS,
    };

    fn host_settings(config: SchedulerConfig, limits: QueueLimits, hour: u8) -> Settings {
        Settings {
            deck: crate::deck_file::DeckSource::Bundled,
            data_dir: std::env::temp_dir(),
            config_path: None,
            scheduler: Scheduler::new(config).unwrap(),
            limits,
            day_start_hour: hour,
            clock: crate::clock::Clock::starting_at(1_711_706_400_000),
        }
    }

    #[test]
    fn the_default_settings_file() {
        let text = settings_file(&host_settings(
            SchedulerConfig::default(),
            QueueLimits::default(),
            4,
        ));
        let mut lines = text.lines();
        assert_eq!(lines.next(), Some(SETTINGS_HEADER));
        let body: Vec<&str> = lines.filter(|l| !l.starts_with('#')).collect();
        assert_eq!(
            &body[..10],
            &[
                "desired_retention=0.9",
                "maximum_interval=36500",
                "fuzz=1",
                "learning_steps=60,600",
                "relearning_steps=600",
                "new_per_day=20",
                "reviews_per_day=200",
                "learn_ahead_secs=1200",
                "day_start_hour=4",
                body[9],
            ]
        );
        assert!(body[9].starts_with("utc_offset_secs="), "{text}");
        assert_eq!(
            body[10],
            "fsrs_parameters=0.212,1.2931,2.3065,8.2956,6.4133,0.8334,3.0194,0.001,1.8722,\
             0.1666,0.796,1.4835,0.0614,0.2629,1.6483,0.6014,1.8729,0.5425,0.0912,0.0658,0.1542"
        );
        assert_eq!(body.len(), 11);
    }

    /// Whatever the terminal is configured with, the handheld's parser reads back exactly
    /// that: the same scheduler configuration (bit for bit), limits and day clock.
    #[test]
    fn the_handheld_reads_back_exactly_the_terminal_settings() {
        let mut x = 0x9E37_79B9_7F4A_7C15u64;
        let mut next = move || {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x
        };
        let mut tried = 0;
        while tried < 500 {
            let mut w = DEFAULT_PARAMETERS;
            for v in w.iter_mut() {
                *v = f32::from_bits(v.to_bits() ^ (next() as u32 & 0xFFFF));
            }
            let Ok(parameters) = Parameters::new(&w) else {
                continue;
            };
            tried += 1;
            let steps: Vec<u32> = (0..next() % 4)
                .map(|_| 1 + (next() % 7200) as u32)
                .collect();
            let config = SchedulerConfig {
                parameters,
                desired_retention: 0.7 + (next() % 2900) as f32 / 10_000.0,
                maximum_interval: 1 + (next() % 36_500) as u32,
                fuzz: next() % 2 == 0,
                learning_steps: Steps::new(&steps).unwrap(),
                relearning_steps: Steps::new(&steps[..steps.len().min(2)]).unwrap(),
            };
            let limits = QueueLimits {
                new_per_day: (next() % 1000) as u32,
                reviews_per_day: (next() % 10_000) as u32,
                learn_ahead_secs: (next() % 3600) as u32,
            };
            let host = host_settings(config, limits, (next() % 24) as u8);
            let text = settings_file(&host);
            let (device, origin) = carnet_handheld::settings_file::parse(
                text.as_bytes(),
                &carnet_handheld::Settings::default(),
            );
            assert_eq!(origin, carnet_handheld::SettingsOrigin::File, "{text}");
            assert_eq!(device.scheduler.config(), host.scheduler.config(), "{text}");
            assert_eq!(device.limits, host.limits);
            assert_eq!(device.day_clock, host.day_clock());
        }
    }

    #[test]
    fn compaction_drops_undone_reviews_and_their_undos() {
        let review = |card, t| {
            LogEntry::Review(Review {
                card: CardId(card),
                time_ms: t,
                rating: Rating::Good,
                duration_ms: 1,
            })
        };
        let undo = |card, t| LogEntry::Undo {
            card: CardId(card),
            review_time_ms: t,
        };
        let suspend = LogEntry::Suspend {
            card: CardId(2),
            time_ms: 50,
        };
        let log = [
            review(1, 10),
            review(2, 20),
            undo(1, 10),
            suspend,
            review(1, 60),
            undo(3, 5),
        ];
        assert_eq!(
            compact(log.into_iter()),
            vec![review(2, 20), suspend, review(1, 60)]
        );
    }
}
