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

use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;

use carnet_engine::deck::{Deck, DeckId};
use carnet_engine::review_log::{encode_frame, LogEntry, LogReader, MAX_FRAME_LEN};
use carnet_engine::CardId;

use crate::args::{CommonArgs, SyncArgs};
use crate::card_manifest::{FileSum, Manifest, MANIFEST_FILE};
use crate::config::Settings;
use crate::deck_file::DeckFile;
use crate::deck_log::log_path;
use crate::error::{CliError, Result};
use crate::messages::{fill, text};
use crate::sd_card::{SdCard, DECK_FILE, LOG_FILE, SETTINGS_FILE};
use crate::store::{entry_time_ms, horizon_ms, ReviewStore};

/// Merges the card's reviews into the store of the deck they belong to, then (when the card
/// holds this deck, is new, or `--replace` is given) writes the deck, the history and the
/// settings to the card as one set (see [`crate::card_manifest`]).
pub fn execute(common: &CommonArgs, args: &SyncArgs) -> Result<()> {
    let mut settings = Settings::resolve(common)?;
    let file = DeckFile::load(&settings.deck)?;
    let deck = file.deck()?;
    crate::deck_parameters::apply(&mut settings, deck.deck_id())?;
    let card = SdCard::open(&args.target)?;
    card.check_is_card()?;
    if deck.len() > HANDHELD_MAX_CARDS {
        return Err(CliError::input(fill(
            text().e_too_many_cards,
            &[&file.label(), &deck.len(), &HANDHELD_MAX_CARDS],
        )));
    }
    let target = card.label();

    let manifest = card
        .read(MANIFEST_FILE)?
        .and_then(|b| Manifest::parse(&String::from_utf8_lossy(&b)));
    let card_log = match card.read(LOG_FILE)? {
        None => CardLog::default(),
        Some(bytes) => CardLog::read(bytes, &format!("{target}: {LOG_FILE}"))?,
    };
    let ours = deck.deck_id();
    let on_card = card_deck(&card, manifest.as_ref(), &card_log, &deck)?;
    let other = on_card.filter(|(id, _)| *id != ours);

    // 1. The card's records go into the history of the deck they belong to, on disk, before
    //    anything on the card changes.
    let path = log_path(&settings.data_dir, &deck)?;
    let (owner_path, owner_name) = match &other {
        Some((id, name)) => (settings.data_dir.join(format!("{id}.revlog")), name.clone()),
        None => (path.clone(), fill(text().quoted, &[&deck.name()])),
    };
    let (mut owner_store, owner_scan) = ReviewStore::open(&owner_path)?;
    let known: HashSet<LogEntry> = owner_scan.entries.iter().copied().collect();
    let mut seen = HashSet::new();
    let new: Vec<LogEntry> = card_log
        .entries
        .iter()
        .copied()
        .filter(|e| !known.contains(e) && seen.insert(*e))
        .collect();
    let already = card_log.entries.len() - new.len();
    let future = future_records(&new, settings.clock.now_ms());
    // The handheld's reviews come after the last sync; older ones were stamped by a clock
    // that is behind (a day of tolerance, as for the future).
    let behind = manifest
        .as_ref()
        .and_then(Manifest::synced_ms)
        .map_or(0, |synced| {
            new.iter()
                .filter(|e| entry_time_ms(e) < synced - 86_400_000)
                .count()
        });

    let m = text();
    let new_records = m.count(new.len() as u64, m.sync_new_records, &[]);
    let already_known = m.count(already as u64, m.sync_already, &[]);
    if args.dry_run {
        crate::say!(
            "{}",
            fill(
                m.sync_would_merge,
                &[
                    &new_records,
                    &target,
                    &already_known,
                    &owner_path.display(),
                    &owner_name
                ]
            )
        );
        if let Some(damage) = &card_log.damage {
            crate::say!("{}", fill(m.sync_damaged, &[&LOG_FILE, damage]));
        }
        if other.is_some() && !args.replace {
            crate::say!("{}", fill(m.sync_would_leave, &[&owner_name, &deck.name()]));
        } else {
            let cards = m.count(deck.len() as u64, m.cards, &[]);
            crate::say!(
                "{}",
                fill(
                    m.sync_would_write,
                    &[
                        &DECK_FILE,
                        &cards,
                        &deck.name(),
                        &LOG_FILE,
                        &SETTINGS_FILE,
                        &MANIFEST_FILE
                    ]
                )
            );
        }
        return Ok(());
    }
    if !new.is_empty() {
        owner_store.append_all(&new)?;
    }
    let reviews = new
        .iter()
        .filter(|e| matches!(e, LogEntry::Review(_)))
        .count();
    let reviews = m.count(reviews as u64, m.reviews, &[]);
    crate::say!(
        "{}",
        fill(
            m.sync_merged,
            &[
                &new_records,
                &target,
                &reviews,
                &already_known,
                &owner_path.display(),
                &owner_name
            ]
        )
    );
    if future > 0 {
        crate::terminal::warn(&m.count(future as u64, m.sync_future, &[]));
    }
    if behind > 0 {
        crate::terminal::warn(&m.count(behind as u64, m.sync_behind, &[]));
    }
    if let Some(damage) = &card_log.damage {
        if !args.salvage {
            return Err(CliError::input(fill(
                m.sync_damaged_error,
                &[
                    &target,
                    &LOG_FILE,
                    damage,
                    &card_log.entries.len(),
                    &owner_path.display(),
                ],
            )));
        }
    }
    if let Some((_, name)) = &other {
        if !args.replace {
            return Err(CliError::input(fill(
                m.sync_other_deck,
                &[&target, name, &owner_path.display(), &deck.name()],
            )));
        }
    }
    // 2. The card gets this deck, its whole history and the settings, as one set. The
    // deck's store stays locked until the card is written: no session adds to it meanwhile.
    // When the card held this deck, that store is the one just appended to (not read again).
    let (_store, scan) = match other {
        Some(_) => {
            drop(owner_store);
            ReviewStore::open(&path)?
        }
        None => {
            let mut scan = owner_scan;
            scan.entries.extend_from_slice(&new);
            (owner_store, scan)
        }
    };
    // Future-dated records stay in the terminal's log but do not go to the card, whose
    // replay (and clock) they would drive.
    let (schedulable, _) = scan.until(horizon_ms(settings.clock.now_ms()));
    let mut merged = compact(schedulable.into_iter());
    merged.sort_by_key(entry_time_ms);
    let mut log = Vec::with_capacity(merged.len() * 24);
    let mut frame = [0u8; MAX_FRAME_LEN];
    for e in &merged {
        let n = encode_frame(e, &mut frame);
        log.extend_from_slice(&frame[..n]);
    }
    let card_settings = settings_file(&settings);
    if card_log.damage.is_some() {
        let kept = card.free_name("REVIEWS", "BAD")?;
        card.write(&[(&kept, &card_log.bytes)])?;
        crate::terminal::warn(&fill(m.sync_kept, &[&target, &LOG_FILE, &kept]));
    }
    let generation = manifest.map_or(0, |m| m.generation()) + 1;
    let writing = Manifest::Writing {
        deck_id: Some(ours),
        generation,
    };
    card.write(&[(MANIFEST_FILE, writing.render().as_bytes())])?;
    card.write(&[
        (DECK_FILE, file.bytes()),
        (LOG_FILE, &log),
        (SETTINGS_FILE, card_settings.as_bytes()),
    ])?;
    let complete = Manifest::Complete {
        deck_id: ours,
        generation,
        deck: FileSum::of_deck(file.bytes()),
        log: FileSum::of(&log),
        settings: FileSum::of(card_settings.as_bytes()),
        synced_ms: Some(settings.clock.now_ms()),
    };
    card.write(&[(MANIFEST_FILE, complete.render().as_bytes())])?;
    if let Some((_, name)) = &other {
        crate::say!("{}", fill(m.sync_replaced, &[name, &owner_path.display()]));
    }
    let cards = m.count(deck.len() as u64, m.cards, &[]);
    let records = m.count(merged.len() as u64, m.sync_records, &[]);
    crate::say!(
        "{}",
        fill(
            m.sync_wrote,
            &[
                &DECK_FILE,
                &cards,
                &deck.name(),
                &LOG_FILE,
                &records,
                &SETTINGS_FILE,
                &target
            ]
        )
    );
    Ok(())
}

/// How many cards the handheld has room for (`carnet_handheld::BOARD_MAX_CARDS`, checked
/// equal by a test: the firmware crate is not a dependency of the terminal program).
pub const HANDHELD_MAX_CARDS: usize = 2000;

/// Records more than a day after `now_ms`.
fn future_records(entries: &[LogEntry], now_ms: i64) -> usize {
    entries
        .iter()
        .filter(|e| entry_time_ms(e) > horizon_ms(now_ms))
        .count()
}

/// The deck the card holds, with a name for messages: from `DECK.BIN` when it reads, else
/// from the manifest, else (no deck on the card) from its log's cards when they are all this
/// deck's. `None` for a card with no deck and no reviews. A card whose reviews belong to no
/// deck carnet can name is refused rather than guessed.
fn card_deck(
    card: &SdCard,
    manifest: Option<&Manifest>,
    log: &CardLog,
    deck: &Deck<'_>,
) -> Result<Option<(DeckId, String)>> {
    if let Some(bytes) = card.read(DECK_FILE)? {
        if let Ok(d) = Deck::from_bytes(&bytes) {
            return Ok(Some((d.deck_id(), fill(text().quoted, &[&d.name()]))));
        }
    }
    if let Some(id) = manifest.and_then(Manifest::deck_id) {
        return Ok(Some((id, fill(text().deck_by_id, &[&id]))));
    }
    if log.entries.is_empty() {
        return Ok(None);
    }
    let ids: HashSet<_> = (0..deck.len()).filter_map(|i| deck.id(i)).collect();
    if log.entries.iter().all(|e| ids.contains(&e.card())) {
        return Ok(Some((deck.deck_id(), fill(text().quoted, &[&deck.name()]))));
    }
    Err(CliError::input(fill(
        text().e_unknown_card_deck,
        &[
            &card.label(),
            &LOG_FILE,
            &DECK_FILE,
            &MANIFEST_FILE,
            &deck.name(),
        ],
    )))
}

/// Version line of [`settings_file`].
/// (1.1: `language` added; a handheld reading format 1 skips it.)
pub const SETTINGS_HEADER: &str = "carnet-settings 1.1";

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
    let _ = writeln!(out, "language={}", settings.language.code());
    out
}

/// The records with every undone review and its undo record removed (in log order, an undo
/// cancels the latest earlier review of its card at the time it names). One pass, with an
/// index of the reviews still standing: linear in the log.
pub fn compact(entries: impl Iterator<Item = LogEntry>) -> Vec<LogEntry> {
    let mut out: Vec<Option<LogEntry>> = Vec::new();
    let mut standing: HashMap<(CardId, i64), Vec<usize>> = HashMap::new();
    for e in entries {
        match e {
            LogEntry::Undo {
                card,
                review_time_ms,
            } => {
                if let Some(at) = standing.get_mut(&(card, review_time_ms)).and_then(Vec::pop) {
                    out[at] = None;
                }
            }
            LogEntry::Review(r) => {
                standing
                    .entry((r.card, r.time_ms))
                    .or_default()
                    .push(out.len());
                out.push(Some(e));
            }
            _ => out.push(Some(e)),
        }
    }
    out.into_iter().flatten().collect()
}

/// The card's review log as read: its intact records, and what is wrong with it.
#[derive(Debug, Default)]
struct CardLog {
    /// Every record that decodes, in file order.
    entries: Vec<LogEntry>,
    /// Damage beyond an interrupted last write: a description for messages.
    damage: Option<String>,
    /// The file's bytes (kept on the card when it is damaged).
    bytes: Vec<u8>,
}

impl CardLog {
    /// Reads the card's log. An unfinished last record no longer than one frame is an
    /// interrupted write (the handheld lost power): dropped with a warning. Anything else that
    /// does not decode (a damaged record, a tail longer than any frame, a file of garbage) is
    /// damage: the intact records are kept and the caller keeps the file. A newer format is
    /// refused.
    fn read(bytes: Vec<u8>, label: &str) -> Result<CardLog> {
        let mut entries = Vec::new();
        let mut damaged = Vec::new();
        for item in LogReader::new(&bytes) {
            match item {
                Ok((_, e)) => entries.push(e),
                Err(f) if f.torn && f.len <= MAX_FRAME_LEN => {
                    crate::terminal::warn(&fill(text().w_card_torn, &[&label, &f.offset]))
                }
                Err(f) => {
                    if let carnet_engine::Error::UnsupportedVersion { found } = f.error {
                        return Err(CliError::input(fill(
                            text().e_newer_card_log,
                            &[&label, &f.offset, &found],
                        )));
                    }
                    damaged.push(f);
                }
            }
        }
        let damage = (!damaged.is_empty()).then(|| {
            let bytes_bad: usize = damaged.iter().map(|f| f.len).sum();
            let m = text();
            m.count(
                damaged.len() as u64,
                m.w_card_damage,
                &[&bytes_bad, &damaged[0].offset],
            )
        });
        Ok(CardLog {
            entries,
            damage,
            bytes,
        })
    }
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
            parameters_path: None,
            language: crate::language::Language::French,
        }
    }

    #[test]
    fn the_capacity_is_the_handhelds() {
        assert_eq!(HANDHELD_MAX_CARDS, carnet_handheld::BOARD_MAX_CARDS);
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
        // The test settings are French (`host_settings`).
        assert_eq!(body[11], "language=fr");
        assert_eq!(body.len(), 12);
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
            assert_eq!(device.language.code(), host.language.code());
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
