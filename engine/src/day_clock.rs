//! Days as a learner lives them: they start at a chosen hour in the learner's time zone.

const SECONDS_PER_DAY: i64 = 86_400;

/// Turns timestamps into day numbers, with the day starting at `start_hour` local time.
///
/// Anki counts elapsed days this way (a review at 23:00 and one at 09:00 the next morning are
/// one day apart); py-fsrs instead counts whole 24-hour periods ([`whole_days_between`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct DayClock {
    /// The learner's offset from UTC, in seconds (e.g. 3600 for UTC+1).
    pub utc_offset_secs: i32,
    /// The local hour at which a new day starts (0–23; default 4, as in Anki).
    pub start_hour: u8,
}

impl Default for DayClock {
    fn default() -> Self {
        DayClock {
            utc_offset_secs: 0,
            start_hour: 4,
        }
    }
}

impl DayClock {
    /// The day number of a timestamp (seconds since the Unix epoch).
    pub fn day(&self, time: i64) -> i64 {
        let shifted = time + self.utc_offset_secs as i64 - self.start_hour.min(23) as i64 * 3600;
        shifted.div_euclid(SECONDS_PER_DAY)
    }

    /// Days elapsed between two timestamps, by day numbers (0 for the same day, never negative).
    pub fn elapsed_days(&self, last: i64, now: i64) -> u32 {
        (self.day(now) - self.day(last)).clamp(0, u32::MAX as i64) as u32
    }

    /// The timestamp at which day number `day` starts.
    pub fn day_start(&self, day: i64) -> i64 {
        day * SECONDS_PER_DAY + self.start_hour.min(23) as i64 * 3600 - self.utc_offset_secs as i64
    }
}

/// Whole 24-hour periods between two timestamps (floored, never negative), as py-fsrs counts.
pub fn whole_days_between(last: i64, now: i64) -> u32 {
    (now - last)
        .div_euclid(SECONDS_PER_DAY)
        .clamp(0, u32::MAX as i64) as u32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_starts_at_the_chosen_hour() {
        let clock = DayClock::default();
        // 2024-03-29 03:59:59 UTC belongs to the 28th; 04:00 starts the 29th.
        let t = 1_711_684_799;
        assert_eq!(clock.day(t) + 1, clock.day(t + 1));
        assert_eq!(clock.day_start(clock.day(t + 1)), t + 1);
        let paris = DayClock {
            utc_offset_secs: 3600,
            start_hour: 4,
        };
        assert_eq!(paris.day(t - 3600 + 1), clock.day(t + 1));
    }

    #[test]
    fn calendar_and_24h_rules_differ_overnight() {
        let clock = DayClock {
            utc_offset_secs: 0,
            start_hour: 0,
        };
        let evening = 1_700_006_400 + 23 * 3600; // 23:00 UTC
        let morning = evening + 10 * 3600; // 09:00 the next day
        assert_eq!(clock.elapsed_days(evening, morning), 1);
        assert_eq!(whole_days_between(evening, morning), 0);
        assert_eq!(whole_days_between(morning, evening), 0);
        assert_eq!(clock.elapsed_days(morning, evening), 0);
    }
}
