//! [`Clock`]: monotonic uptime for debouncing and timing, and wall-clock time for review
//! timestamps and FAT file times.
//!
//! Where the time comes from:
//! - **Under QEMU** (feature `qemu`): semihosting. Uptime is `SYS_ELAPSED` (the host's
//!   monotonic clock in ns since QEMU started) taken relative to [`Clock`]'s start; wall time
//!   is `SYS_TIME` (host seconds since 1970). `SYS_CLOCK` is not used for uptime: QEMU answers
//!   it with the host process's *CPU* time, which stands still while the guest sleeps in `wfi`.
//! - **On the real board**: the LM3S6965 evaluation board has no battery-backed clock in use
//!   (its hibernation module's RTC needs a VBAT supply this design does not rely on), so
//!   uptime is counted by SysTick interrupts at 1 kHz, from the 12 MHz internal oscillator the
//!   chip runs on after reset (±30 % by the data sheet: fine for debouncing, not for dates),
//!   and wall time is *given at sync*: the host sends its time and the firmware calls
//!   [`Clock::set_unix_time`]. Until then [`Clock::unix_time`] is `None`.
//!
//! SysTick runs in both builds: it also wakes the main loop from [`Clock::sleep`].

use core::sync::atomic::{AtomicU32, Ordering};

use cortex_m::peripheral::{syst::SystClkSource, SYST};
use cortex_m_rt::exception;

/// Core clock after reset: the internal oscillator (data sheet: 12 MHz ± 30 %).
pub const CORE_HZ: u32 = 12_000_000;

static TICKS_MS: AtomicU32 = AtomicU32::new(0);
/// Unix seconds at uptime 0, or 0 when unknown.
static WALL_AT_BOOT: AtomicU32 = AtomicU32::new(0);
/// Under QEMU: host elapsed time at the clock's start, in ms.
#[cfg(feature = "qemu")]
static QEMU_START_MS: AtomicU32 = AtomicU32::new(0);

#[exception]
fn SysTick() {
    TICKS_MS.fetch_add(1, Ordering::Relaxed);
}

/// The board's clock. A copyable handle: all copies read the same time.
#[derive(Clone, Copy, Debug)]
pub struct Clock {
    _private: (),
}

impl Clock {
    /// Starts SysTick at 1 kHz and records the start of uptime.
    pub(crate) fn start(mut syst: SYST) -> Clock {
        syst.set_clock_source(SystClkSource::Core);
        syst.set_reload(CORE_HZ / 1000 - 1);
        syst.clear_current();
        syst.enable_interrupt();
        syst.enable_counter();
        #[cfg(feature = "qemu")]
        {
            QEMU_START_MS.store(
                (crate::qemu::elapsed_ns() / 1_000_000) as u32,
                Ordering::Relaxed,
            );
            WALL_AT_BOOT.store(crate::qemu::unix_time(), Ordering::Relaxed);
        }
        Clock { _private: () }
    }

    /// Microseconds since the clock started (at boot).
    pub fn uptime_us(&self) -> u64 {
        #[cfg(feature = "qemu")]
        {
            let start_us = QEMU_START_MS.load(Ordering::Relaxed) as u64 * 1000;
            (crate::qemu::elapsed_ns() / 1000).saturating_sub(start_us)
        }
        #[cfg(not(feature = "qemu"))]
        {
            TICKS_MS.load(Ordering::Relaxed) as u64 * 1000
        }
    }

    /// Milliseconds since the clock started, wrapping after 49 days.
    pub fn uptime_ms(&self) -> u32 {
        (self.uptime_us() / 1000) as u32
    }

    /// SysTick interrupts since boot (1 kHz at the nominal core clock).
    pub fn ticks(&self) -> u32 {
        TICKS_MS.load(Ordering::Relaxed)
    }

    /// Seconds since 1970-01-01 UTC, if known.
    pub fn unix_time(&self) -> Option<u32> {
        match WALL_AT_BOOT.load(Ordering::Relaxed) {
            0 => None,
            base => Some(base.wrapping_add(self.uptime_ms() / 1000)),
        }
    }

    /// Milliseconds since 1970-01-01 UTC, if known (wall time at boot plus uptime).
    pub fn unix_time_ms(&self) -> Option<i64> {
        match WALL_AT_BOOT.load(Ordering::Relaxed) {
            0 => None,
            base => Some(base as i64 * 1000 + (self.uptime_us() / 1000) as i64),
        }
    }

    /// Sets the wall clock (for example from the host at sync).
    pub fn set_unix_time(&self, secs: u32) {
        let since_boot = self.uptime_ms() / 1000;
        WALL_AT_BOOT.store(secs.wrapping_sub(since_boot).max(1), Ordering::Relaxed);
    }

    /// Sleeps until the next interrupt (at the latest the next 1 ms SysTick).
    pub fn sleep(&self) {
        cortex_m::asm::wfi();
    }
}

/// FAT timestamps for files written on the SD card: the wall time if known, else the FAT epoch
/// (1980-01-01 00:00).
impl embedded_sdmmc::TimeSource for Clock {
    fn get_timestamp(&self) -> embedded_sdmmc::Timestamp {
        let secs = self.unix_time().unwrap_or(315_532_800); // 1980-01-01
        let days = secs / 86_400;
        let rem = secs % 86_400;
        let (year, month, day) = civil_from_days(days);
        embedded_sdmmc::Timestamp {
            year_since_1970: (year - 1970) as u8,
            zero_indexed_month: (month - 1) as u8,
            zero_indexed_day: (day - 1) as u8,
            hours: (rem / 3600) as u8,
            minutes: (rem / 60 % 60) as u8,
            seconds: (rem % 60) as u8,
        }
    }
}

/// (year, month 1..=12, day 1..=31) of a count of days since 1970-01-01 (Howard Hinnant's
/// `civil_from_days`, restricted to dates after 1970).
fn civil_from_days(days: u32) -> (u32, u32, u32) {
    let z = days + 719_468;
    let era = z / 146_097;
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (if m <= 2 { y + 1 } else { y }, m, d)
}
