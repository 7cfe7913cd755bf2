//! The time: the system clock, or a fixed start for scripted sessions, and local dates.

use std::time::Instant;

use chrono::{DateTime, Local, Offset, TimeZone, Utc};

use crate::error::{CliError, Result};

/// The latest time carnet schedules: a card's last review is kept in seconds since 1970 in
/// 32 bits ([`carnet_engine::CardState`]), which ends on 2106-02-07 06:28:15 UTC. A clock or
/// a record past it is refused (it would wrap around and loop a card), never folded.
pub const LATEST_MS: i64 = u32::MAX as i64 * 1000;

/// Where "now" comes from.
///
/// `CARNET_NOW` (RFC 3339, or seconds since the Unix epoch) sets the moment the program starts;
/// the clock then runs on from it. Tests and demos use it to study "tomorrow" or "next month".
#[derive(Debug, Clone, Copy)]
pub struct Clock {
    start_ms: i64,
    started: Instant,
}

impl Clock {
    /// The system clock, or the start given by `CARNET_NOW`.
    pub fn from_env() -> Result<Clock> {
        let start_ms = match std::env::var("CARNET_NOW") {
            Ok(text) if !text.trim().is_empty() => parse_instant(text.trim()).ok_or_else(|| {
                CliError::input(crate::messages::fill(
                    crate::messages::text().e_carnet_now,
                    &[&format!("{text:?}")],
                ))
            })?,
            _ => Utc::now().timestamp_millis(),
        };
        if !(0..=LATEST_MS).contains(&start_ms) {
            let m = crate::messages::text();
            let which = if std::env::var("CARNET_NOW").is_ok_and(|t| !t.trim().is_empty()) {
                "CARNET_NOW"
            } else {
                m.system_clock
            };
            return Err(CliError::input(crate::messages::fill(
                m.e_clock,
                &[
                    &iso_utc(start_ms.div_euclid(1000)),
                    &which,
                    &iso_utc(LATEST_MS / 1000),
                ],
            )));
        }
        Ok(Clock {
            start_ms,
            started: Instant::now(),
        })
    }

    /// A clock that starts at `start_ms` (for tests and benchmarks).
    pub fn starting_at(start_ms: i64) -> Clock {
        Clock {
            start_ms,
            started: Instant::now(),
        }
    }

    /// Now, in milliseconds since the Unix epoch.
    pub fn now_ms(&self) -> i64 {
        self.start_ms + self.started.elapsed().as_millis() as i64
    }

    /// Now, in seconds since the Unix epoch.
    pub fn now_secs(&self) -> i64 {
        self.now_ms().div_euclid(1000)
    }

    /// The local time zone's offset from UTC at this moment, in seconds.
    pub fn utc_offset_secs(&self) -> i32 {
        match Local.timestamp_millis_opt(self.now_ms()).single() {
            Some(t) => t.offset().fix().local_minus_utc(),
            None => 0,
        }
    }
}

/// Parses RFC 3339 / ISO 8601 with an offset, or integer seconds since the Unix epoch, into
/// milliseconds.
pub fn parse_instant(text: &str) -> Option<i64> {
    if let Ok(secs) = text.parse::<i64>() {
        return secs.checked_mul(1000);
    }
    DateTime::parse_from_rfc3339(text)
        .or_else(|_| DateTime::parse_from_str(text, "%Y-%m-%d %H:%M:%S%.f%:z"))
        .ok()
        .map(|t| t.timestamp_millis())
}

/// `2024-03-29T08:00:00Z`.
pub fn iso_utc(secs: i64) -> String {
    match Utc.timestamp_opt(secs, 0).single() {
        Some(t) => t.format("%Y-%m-%dT%H:%M:%SZ").to_string(),
        None => secs.to_string(),
    }
}

/// `2024-03-29` in the local time zone.
pub fn local_date(secs: i64) -> String {
    match Local.timestamp_opt(secs, 0).single() {
        Some(t) => t.format("%Y-%m-%d").to_string(),
        None => secs.to_string(),
    }
}

/// `08:00:05` in the local time zone.
pub fn local_time_of_day_secs(secs: i64) -> String {
    match Local.timestamp_opt(secs, 0).single() {
        Some(t) => t.format("%H:%M:%S").to_string(),
        None => secs.to_string(),
    }
}

/// `08:00` in the local time zone.
pub fn local_time_of_day(secs: i64) -> String {
    match Local.timestamp_opt(secs, 0).single() {
        Some(t) => t.format("%H:%M").to_string(),
        None => secs.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_formats_of_logs_and_of_carnet_now() {
        assert_eq!(
            parse_instant("2024-03-29T20:32:32.250000+00:00"),
            Some(1_711_744_352_250)
        );
        assert_eq!(
            parse_instant("2024-03-29T20:32:32Z"),
            Some(1_711_744_352_000)
        );
        assert_eq!(
            parse_instant("2024-03-29 20:32:32.25+00:00"),
            Some(1_711_744_352_250)
        );
        assert_eq!(parse_instant("1711744352"), Some(1_711_744_352_000));
        assert_eq!(parse_instant("yesterday"), None);
        assert_eq!(iso_utc(1_711_744_352), "2024-03-29T20:32:32Z");
    }
}
