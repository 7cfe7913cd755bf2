//! `carnet log`: the records of the deck's review log, and what is wrong with it.

use std::io::Write;

use carnet_engine::review_log::LogEntry;

use crate::args::{CommonArgs, LogArgs};
use crate::config::Settings;
use crate::deck_file::DeckFile;
use crate::deck_log::log_path;
use crate::error::{CliError, Result};
use crate::store::read_log;

/// Prints every record (read-only: the log is neither locked nor repaired).
pub fn execute(common: &CommonArgs, args: &LogArgs) -> Result<()> {
    let settings = Settings::resolve(common)?;
    let file = DeckFile::load(&settings.deck)?;
    let deck = file.deck()?;
    let path = log_path(&settings.data_dir, &deck)?;
    let scan = read_log(&path)?;
    scan.warn(&path, false);
    let mut out = std::io::stdout().lock();
    let io = CliError::stdout;
    if !args.json {
        let m = crate::messages::text();
        let records = m.count(scan.entries.len() as u64, m.sync_records, &[]);
        writeln!(
            out,
            "{}",
            crate::messages::fill(m.log_heading, &[&path.display(), &records])
        )
        .map_err(io)?;
    }
    for e in &scan.entries {
        let line = if args.json {
            serde_json::to_string(&entry_json(e)).unwrap_or_default()
        } else {
            // Local date and time to the second, for people; `--json` keeps milliseconds.
            let when = |ms: i64| {
                let secs = ms.div_euclid(1000);
                format!(
                    "{} {}",
                    crate::clock::local_date(secs),
                    crate::clock::local_time_of_day_secs(secs)
                )
            };
            match *e {
                LogEntry::Review(r) => format!(
                    "review {:016x} {} {} {:.1}s",
                    r.card.0,
                    r.rating.as_u8(),
                    when(r.time_ms),
                    r.duration_ms as f64 / 1000.0
                ),
                LogEntry::Undo {
                    card,
                    review_time_ms,
                } => format!("undo {:016x} {}", card.0, when(review_time_ms)),
                LogEntry::Suspend { card, time_ms } => {
                    format!("suspend {:016x} {}", card.0, when(time_ms))
                }
                LogEntry::Unsuspend { card, time_ms } => {
                    format!("unsuspend {:016x} {}", card.0, when(time_ms))
                }
            }
        };
        writeln!(out, "{line}").map_err(io)?;
    }
    Ok(())
}

/// A record as JSON: `{"kind": "review", "card": "<hex>", "time_ms": …, …}`.
pub fn entry_json(e: &LogEntry) -> serde_json::Value {
    use serde_json::json;
    match *e {
        LogEntry::Review(r) => json!({
            "kind": "review", "card": format!("{:016x}", r.card.0), "time_ms": r.time_ms,
            "rating": r.rating.as_u8(), "duration_ms": r.duration_ms,
        }),
        LogEntry::Undo {
            card,
            review_time_ms,
        } => json!({
            "kind": "undo", "card": format!("{:016x}", card.0), "time_ms": review_time_ms,
        }),
        LogEntry::Suspend { card, time_ms } => json!({
            "kind": "suspend", "card": format!("{:016x}", card.0), "time_ms": time_ms,
        }),
        LogEntry::Unsuspend { card, time_ms } => json!({
            "kind": "unsuspend", "card": format!("{:016x}", card.0), "time_ms": time_ms,
        }),
    }
}
