//! `SETTINGS.TXT`: the terminal's scheduling settings, written on the card by `carnet sync`,
//! so that the handheld replays the log and builds its queue exactly as the terminal does.
//!
//! ASCII text, one `key=value` a line (`\n` or `\r\n`), after a version line:
//!
//! ```text
//! carnet-settings 1
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
//! fsrs_parameters=0.212,1.2931,2.3065,…(17, 19 or 21 values)
//! language=fr
//! ```
//!
//! - The first line is `carnet-settings MAJOR` or `carnet-settings MAJOR.MINOR`. A minor
//!   version only adds keys; a major version above [`FORMAT_MAJOR`] may change meanings, so
//!   such a file is ignored as a whole.
//! - Every key is optional: a key left out keeps the value the board gave
//!   ([`crate::Settings::default`] on the LM3S6965). Lines that are not `key=value` of a
//!   known key (comments, keys of a newer minor version) are ignored; a key given twice
//!   takes its last value. Spaces around keys and values are allowed.
//! - Numbers are decimal: durations in seconds, `utc_offset_secs` signed, the retention and
//!   the FSRS parameters as decimal fractions (`0.85`; no exponent), read with correct
//!   rounding to `f32` for up to 17 significant digits — so the shortest form Rust prints an
//!   `f32` in gives back the very same `f32`. Lists are comma-separated; an empty list of
//!   steps means none. `fuzz` is `1`/`0` (or `true`/`false`).
//! - `language` (format 1.1) is the language of the screens, `fr` or `en`
//!   ([`crate::words::Language`]); a language this build does not speak keeps the board's
//!   (it is no reason to drop the scheduling settings).
//! - Values are checked as the engine checks them ([`Steps::new`], [`Parameters::new`],
//!   [`Scheduler::new`]), and `day_start_hour` is 0–23, `utc_offset_secs` within ±24 h.
//!   **All or nothing**: one unusable value, a newer major version or bytes that are not a
//!   settings file, and the whole file is ignored ([`SettingsOrigin::Ignored`]): the device
//!   keeps the board's settings and says so, rather than schedule with half of them.
//!
//! [`SettingsParser`] reads the file in pieces of any size (no buffer for the whole file, no
//! allocation) and never panics, whatever the bytes.

use carnet_engine::{
    DayClock, Error, Parameters, QueueLimits, Scheduler, SchedulerConfig, Steps, PARAMETER_COUNT,
};

use crate::app::Settings;
use crate::words::Language;

/// The file's name on the card (FAT 8.3).
pub const SETTINGS_FILE: &str = "SETTINGS.TXT";
/// The major format version this build reads.
pub const FORMAT_MAJOR: u16 = 1;
/// The first word of the version line.
pub const MAGIC: &str = "carnet-settings";
/// A larger file is not read (the terminal writes well under 1 KiB).
pub const MAX_SETTINGS_BYTES: u32 = 4096;

/// Longest key, value item or version line kept; a longer value item is refused.
const TOKEN_MAX: usize = 48;
/// Most items in a list value (the FSRS parameters).
const ITEMS_MAX: usize = PARAMETER_COUNT;

/// The keys of the format.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Key {
    /// `desired_retention`: probability of recall at which reviews are scheduled.
    DesiredRetention,
    /// `maximum_interval`: longest interval in days.
    MaximumInterval,
    /// `fuzz`: whether review intervals are fuzzed.
    Fuzz,
    /// `learning_steps`: seconds, comma-separated.
    LearningSteps,
    /// `relearning_steps`: seconds, comma-separated.
    RelearningSteps,
    /// `new_per_day`: new cards a day.
    NewPerDay,
    /// `reviews_per_day`: reviews a day.
    ReviewsPerDay,
    /// `learn_ahead_secs`: how far ahead a learning card may be shown when nothing is left.
    LearnAheadSecs,
    /// `day_start_hour`: local hour at which a day starts.
    DayStartHour,
    /// `utc_offset_secs`: the learner's offset from UTC (the terminal's at sync).
    UtcOffsetSecs,
    /// `fsrs_parameters`: 17, 19 or 21 FSRS parameters.
    FsrsParameters,
    /// `language`: the language of the screens, `fr` or `en`.
    Language,
}

impl Key {
    /// Every key, in the order the terminal writes them.
    pub const ALL: [Key; 12] = [
        Key::DesiredRetention,
        Key::MaximumInterval,
        Key::Fuzz,
        Key::LearningSteps,
        Key::RelearningSteps,
        Key::NewPerDay,
        Key::ReviewsPerDay,
        Key::LearnAheadSecs,
        Key::DayStartHour,
        Key::UtcOffsetSecs,
        Key::FsrsParameters,
        Key::Language,
    ];

    /// The key's name in the file.
    pub fn name(self) -> &'static str {
        match self {
            Key::DesiredRetention => "desired_retention",
            Key::MaximumInterval => "maximum_interval",
            Key::Fuzz => "fuzz",
            Key::LearningSteps => "learning_steps",
            Key::RelearningSteps => "relearning_steps",
            Key::NewPerDay => "new_per_day",
            Key::ReviewsPerDay => "reviews_per_day",
            Key::LearnAheadSecs => "learn_ahead_secs",
            Key::DayStartHour => "day_start_hour",
            Key::UtcOffsetSecs => "utc_offset_secs",
            Key::FsrsParameters => "fsrs_parameters",
            Key::Language => "language",
        }
    }

    fn from_name(name: &[u8]) -> Option<Key> {
        Key::ALL.into_iter().find(|k| k.name().as_bytes() == name)
    }

    fn is_list(self) -> bool {
        matches!(
            self,
            Key::LearningSteps | Key::RelearningSteps | Key::FsrsParameters
        )
    }
}

/// Why a settings file was ignored.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SettingsProblem {
    /// The card could not be read.
    Unreadable,
    /// Larger than [`MAX_SETTINGS_BYTES`].
    TooLarge,
    /// The first line is not `carnet-settings VERSION`.
    NotSettings,
    /// Written by a newer carnet (a newer major format version).
    NewerVersion {
        /// The major version found.
        major: u16,
    },
    /// A value that does not parse or that the engine refuses.
    BadValue(Key),
}

/// Where the settings in force come from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SettingsOrigin {
    /// No settings file: the board's settings.
    Board,
    /// The card's `SETTINGS.TXT`.
    File,
    /// The card's `SETTINGS.TXT` was ignored (the board's settings are used).
    Ignored(SettingsProblem),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum State {
    /// At the very start: a UTF-8 byte-order mark may come.
    Start,
    /// Reading the version line.
    Header,
    /// Reading a key (from the start of a line).
    Key,
    /// Reading the value of `key`.
    Value(Key),
    /// Skipping the rest of a line.
    Skip,
    /// The file is ignored.
    Failed(SettingsProblem),
}

/// Parses a settings file fed in pieces ([`SettingsParser::feed`]), over the board's
/// settings ([`SettingsParser::finish`]).
#[derive(Clone, Debug)]
pub struct SettingsParser {
    state: State,
    bom: u8,
    token: [u8; TOKEN_MAX],
    token_len: usize,
    /// The token did not fit.
    overflow: bool,
    items: [u32; ITEMS_MAX],
    item_count: usize,
    config: SchedulerConfig,
    limits: QueueLimits,
    day_clock: DayClock,
    language: Language,
    bytes: u32,
}

const BOM: [u8; 3] = [0xEF, 0xBB, 0xBF];

impl SettingsParser {
    /// A parser whose keys left out keep the values of `base`.
    pub fn new(base: &Settings) -> SettingsParser {
        SettingsParser {
            state: State::Start,
            bom: 0,
            token: [0; TOKEN_MAX],
            token_len: 0,
            overflow: false,
            items: [0; ITEMS_MAX],
            item_count: 0,
            config: *base.scheduler.config(),
            limits: base.limits,
            day_clock: base.day_clock,
            language: base.language,
            bytes: 0,
        }
    }

    /// The problem found so far, if any (no further bytes are looked at after one).
    pub fn problem(&self) -> Option<SettingsProblem> {
        match self.state {
            State::Failed(p) => Some(p),
            _ => None,
        }
    }

    /// Marks the file as ignored for `problem` (e.g. the card could not be read).
    pub fn fail(&mut self, problem: SettingsProblem) {
        if !matches!(self.state, State::Failed(_)) {
            self.state = State::Failed(problem);
        }
    }

    /// Reads the next bytes of the file.
    pub fn feed(&mut self, bytes: &[u8]) {
        for &b in bytes {
            if matches!(self.state, State::Failed(_)) {
                return;
            }
            self.bytes = self.bytes.saturating_add(1);
            if self.bytes > MAX_SETTINGS_BYTES {
                self.fail(SettingsProblem::TooLarge);
                return;
            }
            self.byte(b);
        }
    }

    fn byte(&mut self, b: u8) {
        match self.state {
            State::Start => {
                // A byte-order mark some editors put first is skipped.
                if BOM.get(self.bom as usize) == Some(&b) {
                    self.bom += 1;
                    if self.bom as usize == BOM.len() {
                        self.state = State::Header;
                    }
                    return;
                }
                if self.bom != 0 {
                    self.fail(SettingsProblem::NotSettings);
                    return;
                }
                self.state = State::Header;
                self.byte(b);
            }
            State::Header => {
                if b == b'\n' {
                    self.end_header();
                } else {
                    self.push(b);
                }
            }
            State::Key => match b {
                b'\n' => self.clear_token(),
                b'=' => {
                    let key = if self.overflow {
                        None
                    } else {
                        Key::from_name(trim(&self.token[..self.token_len]))
                    };
                    self.clear_token();
                    self.items = [0; ITEMS_MAX];
                    self.item_count = 0;
                    self.state = match key {
                        Some(key) => State::Value(key),
                        None => State::Skip,
                    };
                }
                _ => self.push(b),
            },
            State::Value(key) => match b {
                b',' if key.is_list() => self.end_item(key, false),
                b'\n' => {
                    self.end_item(key, true);
                    if !matches!(self.state, State::Failed(_)) {
                        self.end_value(key);
                    }
                }
                _ => self.push(b),
            },
            State::Skip => {
                if b == b'\n' {
                    self.clear_token();
                    self.state = State::Key;
                }
            }
            State::Failed(_) => {}
        }
    }

    fn push(&mut self, b: u8) {
        match self.token.get_mut(self.token_len) {
            Some(slot) => {
                *slot = b;
                self.token_len += 1;
            }
            None => self.overflow = true,
        }
    }

    fn clear_token(&mut self) {
        self.token_len = 0;
        self.overflow = false;
    }

    fn end_header(&mut self) {
        let line = trim(&self.token[..self.token_len]);
        let result = if self.overflow {
            Err(SettingsProblem::NotSettings)
        } else {
            header_version(line)
        };
        self.clear_token();
        match result {
            Ok(()) => self.state = State::Key,
            Err(p) => self.fail(p),
        }
    }

    /// The item in the token ends (at a comma, or at the end of the line when `last`).
    fn end_item(&mut self, key: Key, last: bool) {
        let token = trim(&self.token[..self.token_len]);
        let overflow = self.overflow;
        // `learning_steps=` (nothing at all) is the empty list.
        let empty_list = last && key.is_list() && self.item_count == 0 && token.is_empty();
        let value = if overflow {
            None
        } else if empty_list {
            Some(None)
        } else {
            item_value(key, token).map(Some)
        };
        self.clear_token();
        match value {
            None => self.fail(SettingsProblem::BadValue(key)),
            Some(None) => {}
            Some(Some(v)) => match self.items.get_mut(self.item_count) {
                Some(slot) => {
                    *slot = v;
                    self.item_count += 1;
                }
                None => self.fail(SettingsProblem::BadValue(key)),
            },
        }
    }

    /// The value of `key` is complete: checked and kept.
    fn end_value(&mut self, key: Key) {
        self.state = State::Key;
        let items = self.items.get(..self.item_count).unwrap_or(&[]);
        let first = items.first().copied();
        let single = if items.len() == 1 { first } else { None };
        let ok = match key {
            Key::DesiredRetention => single.map(f32::from_bits).is_some_and(|r| {
                let ok = r > 0.0 && r < 1.0;
                if ok {
                    self.config.desired_retention = r;
                }
                ok
            }),
            Key::MaximumInterval => single.is_some_and(|d| {
                let ok = (1..=36_500).contains(&d);
                if ok {
                    self.config.maximum_interval = d;
                }
                ok
            }),
            Key::Fuzz => single.is_some_and(|f| {
                self.config.fuzz = f != 0;
                true
            }),
            Key::LearningSteps | Key::RelearningSteps => match Steps::new(items) {
                Ok(steps) => {
                    if key == Key::LearningSteps {
                        self.config.learning_steps = steps;
                    } else {
                        self.config.relearning_steps = steps;
                    }
                    true
                }
                Err(_) => false,
            },
            Key::NewPerDay => single.is_some_and(|n| {
                self.limits.new_per_day = n;
                true
            }),
            Key::ReviewsPerDay => single.is_some_and(|n| {
                self.limits.reviews_per_day = n;
                true
            }),
            Key::LearnAheadSecs => single.is_some_and(|n| {
                self.limits.learn_ahead_secs = n;
                true
            }),
            Key::DayStartHour => single.is_some_and(|h| {
                let ok = h <= 23;
                if ok {
                    self.day_clock.start_hour = h as u8;
                }
                ok
            }),
            Key::UtcOffsetSecs => single.is_some_and(|bits| {
                let offset = bits as i32;
                let ok = offset.unsigned_abs() < 86_400;
                if ok {
                    self.day_clock.utc_offset_secs = offset;
                }
                ok
            }),
            Key::Language => {
                // Unknown (`u32::MAX`): the board's language stays.
                match single {
                    Some(0) => self.language = Language::French,
                    Some(1) => self.language = Language::English,
                    _ => {}
                }
                single.is_some()
            }
            Key::FsrsParameters => {
                let mut w = [0f32; ITEMS_MAX];
                for (dst, src) in w.iter_mut().zip(items) {
                    *dst = f32::from_bits(*src);
                }
                match Parameters::new(w.get(..items.len()).unwrap_or(&[])) {
                    Ok(p) => {
                        self.config.parameters = p;
                        true
                    }
                    Err(_) => false,
                }
            }
        };
        if !ok {
            self.fail(SettingsProblem::BadValue(key));
        }
    }

    /// The settings: `base` with the file's values, or `base` itself if the file is ignored
    /// (or empty: no file).
    pub fn finish(mut self, base: &Settings) -> (Settings, SettingsOrigin) {
        let mut settings = *base;
        let origin = self.apply(&mut settings);
        (settings, origin)
    }

    /// Puts the file's values in `settings` if the file is usable (else leaves them as they
    /// are), and says where they come from. This ends the input (a last line without its
    /// newline counts): feed nothing more after it.
    pub fn apply(&mut self, settings: &mut Settings) -> SettingsOrigin {
        self.end_of_input();
        if let State::Failed(p) = self.state {
            return SettingsOrigin::Ignored(p);
        }
        if self.state == State::Start {
            return SettingsOrigin::Board;
        }
        match Scheduler::new(self.config) {
            Ok(scheduler) => {
                settings.scheduler = scheduler;
                settings.day_clock = self.day_clock;
                settings.limits = self.limits;
                settings.language = self.language;
                SettingsOrigin::File
            }
            // Checked key by key already; kept as a net.
            Err(e) => SettingsOrigin::Ignored(SettingsProblem::BadValue(match e {
                Error::MaximumInterval => Key::MaximumInterval,
                _ => Key::DesiredRetention,
            })),
        }
    }

    /// The end of the file: a last line without its newline is taken as a whole line. An
    /// empty file (or only a byte-order mark) stays in [`State::Start`]: no settings.
    fn end_of_input(&mut self) {
        match self.state {
            State::Start if self.bom != 0 => self.fail(SettingsProblem::NotSettings),
            State::Header if self.token_len == 0 && self.bytes as usize == BOM.len() => {
                self.state = State::Start;
            }
            State::Header => self.end_header(),
            State::Value(key) => {
                self.end_item(key, true);
                if !matches!(self.state, State::Failed(_)) {
                    self.end_value(key);
                }
            }
            State::Start | State::Key | State::Skip | State::Failed(_) => {}
        }
    }
}

/// Parses a whole settings file over `base` (see the module documentation). Empty bytes are
/// no file: `base`, [`SettingsOrigin::Board`].
pub fn parse(bytes: &[u8], base: &Settings) -> (Settings, SettingsOrigin) {
    let mut parser = SettingsParser::new(base);
    parser.feed(bytes);
    parser.finish(base)
}

/// `bytes` without spaces, tabs and carriage returns around it.
fn trim(bytes: &[u8]) -> &[u8] {
    let blank = |b: &u8| matches!(b, b' ' | b'\t' | b'\r');
    let start = bytes.iter().position(|b| !blank(b)).unwrap_or(bytes.len());
    let end = bytes
        .iter()
        .rposition(|b| !blank(b))
        .map_or(start, |e| e + 1);
    bytes.get(start..end).unwrap_or(&[])
}

/// Checks `carnet-settings MAJOR[.MINOR]`.
fn header_version(line: &[u8]) -> Result<(), SettingsProblem> {
    let rest = line
        .strip_prefix(MAGIC.as_bytes())
        .ok_or(SettingsProblem::NotSettings)?;
    let version = trim(rest);
    if version.len() == rest.len() {
        // No space between the magic word and the version.
        return Err(SettingsProblem::NotSettings);
    }
    let major = match version.iter().position(|&b| b == b'.') {
        Some(dot) => {
            let minor = version.get(dot + 1..).unwrap_or(&[]);
            if parse_u32(minor).is_none() {
                return Err(SettingsProblem::NotSettings);
            }
            version.get(..dot).unwrap_or(&[])
        }
        None => version,
    };
    match parse_u32(major) {
        Some(m) if m == FORMAT_MAJOR as u32 => Ok(()),
        Some(m) if m > FORMAT_MAJOR as u32 => Err(SettingsProblem::NewerVersion {
            major: m.min(u16::MAX as u32) as u16,
        }),
        _ => Err(SettingsProblem::NotSettings),
    }
}

/// One item of `key`'s value as 32 bits: an unsigned number, a signed one (two's
/// complement), or the bits of an `f32`.
fn item_value(key: Key, token: &[u8]) -> Option<u32> {
    match key {
        Key::DesiredRetention | Key::FsrsParameters => parse_f32(token).map(f32::to_bits),
        Key::UtcOffsetSecs => parse_i32(token).map(|v| v as u32),
        Key::Language => Some(match Language::from_code(token) {
            Some(Language::French) => 0,
            Some(Language::English) => 1,
            None => u32::MAX,
        }),
        Key::Fuzz => match token {
            b"1" | b"true" => Some(1),
            b"0" | b"false" => Some(0),
            _ => None,
        },
        Key::MaximumInterval
        | Key::LearningSteps
        | Key::RelearningSteps
        | Key::NewPerDay
        | Key::ReviewsPerDay
        | Key::LearnAheadSecs
        | Key::DayStartHour => parse_u32(token),
    }
}

/// Decimal digits only (at least one), within `u32`.
pub fn parse_u32(token: &[u8]) -> Option<u32> {
    if token.is_empty() {
        return None;
    }
    let mut n: u32 = 0;
    for &b in token {
        if !b.is_ascii_digit() {
            return None;
        }
        n = n.checked_mul(10)?.checked_add((b - b'0') as u32)?;
    }
    Some(n)
}

/// An optional sign, then decimal digits, within `i32`.
pub fn parse_i32(token: &[u8]) -> Option<i32> {
    let (negative, digits) = match token.split_first() {
        Some((b'-', rest)) => (true, rest),
        Some((b'+', rest)) => (false, rest),
        _ => (false, token),
    };
    let magnitude = parse_u32(digits)? as i64;
    let value = if negative { -magnitude } else { magnitude };
    i32::try_from(value).ok()
}

/// A decimal fraction (`-`? digits, then `.` digits optionally; at least one digit), rounded
/// correctly to the nearest `f32` for up to 17 significant digits. No exponent, no `inf`.
pub fn parse_f32(token: &[u8]) -> Option<f32> {
    let (negative, body) = match token.split_first() {
        Some((b'-', rest)) => (true, rest),
        _ => (false, token),
    };
    const SIGNIFICANT: u32 = 17;
    let mut mantissa: u64 = 0;
    let mut digits = 0u32;
    let mut significant = 0u32;
    let mut exponent: i32 = 0;
    let mut seen_dot = false;
    for &b in body {
        match b {
            b'.' if !seen_dot => seen_dot = true,
            b'0'..=b'9' => {
                digits = digits.saturating_add(1);
                let d = (b - b'0') as u64;
                if significant < SIGNIFICANT && (significant > 0 || d != 0) {
                    mantissa = mantissa * 10 + d;
                    significant += 1;
                    if seen_dot {
                        exponent = exponent.saturating_sub(1);
                    }
                } else if significant == 0 {
                    // A leading zero.
                    if seen_dot {
                        exponent = exponent.saturating_sub(1);
                    }
                } else if !seen_dot {
                    // Digits past the 17th, before the point: the value is that much larger.
                    exponent = exponent.saturating_add(1);
                }
            }
            _ => return None,
        }
    }
    if digits == 0 {
        return None;
    }
    // mantissa < 10^17 < 2^57 is not always exact in f64, but 17 significant digits is more
    // than an f32 needs; the shortest f32 forms have at most 9 and convert exactly. A single
    // correctly rounded f64 operation on exact operands, then the rounding to f32: since
    // 53 >= 2·24 + 2, the double rounding gives the correctly rounded f32.
    let m = mantissa as f64;
    let value = if mantissa == 0 {
        0.0
    } else if exponent >= 0 {
        m * pow10(exponent.min(60) as u32)
    } else {
        let e = exponent.unsigned_abs();
        if e <= 22 {
            m / pow10(e)
        } else {
            // Beyond 10^22 the powers of ten are no longer exact: two divisions (at worst an
            // ulp off, for values far below any setting's range).
            m / pow10(22) / pow10((e - 22).min(400))
        }
    };
    let value = value as f32;
    if !value.is_finite() {
        return None;
    }
    Some(if negative { -value } else { value })
}

/// 10^e as an `f64` (exact up to 10^22).
fn pow10(e: u32) -> f64 {
    let mut p = 1.0f64;
    for _ in 0..e {
        p *= 10.0;
    }
    p
}

#[cfg(test)]
mod tests {
    extern crate std;
    use std::format;
    use std::string::String;

    use super::*;

    #[test]
    fn numbers() {
        assert_eq!(parse_u32(b"0"), Some(0));
        assert_eq!(parse_u32(b"4294967295"), Some(u32::MAX));
        assert_eq!(parse_u32(b"4294967296"), None);
        assert_eq!(parse_u32(b""), None);
        assert_eq!(parse_u32(b"1 2"), None);
        assert_eq!(parse_i32(b"-3600"), Some(-3600));
        assert_eq!(parse_i32(b"+3600"), Some(3600));
        assert_eq!(parse_i32(b"-2147483648"), Some(i32::MIN));
        assert_eq!(parse_i32(b"2147483648"), None);
        assert_eq!(parse_i32(b"-"), None);
        assert_eq!(parse_f32(b"0.85"), Some(0.85));
        assert_eq!(parse_f32(b"1"), Some(1.0));
        assert_eq!(parse_f32(b".5"), Some(0.5));
        assert_eq!(parse_f32(b"5."), Some(5.0));
        assert_eq!(parse_f32(b"-0.25"), Some(-0.25));
        assert_eq!(parse_f32(b"0.000"), Some(0.0));
        for bad in [
            &b""[..],
            b".",
            b"-",
            b"1.2.3",
            b"1e5",
            b"inf",
            b"NaN",
            b" 1",
        ] {
            assert_eq!(parse_f32(bad), None, "{:?}", String::from_utf8_lossy(bad));
        }
        assert_eq!(parse_f32(&[b'9'; 45]), None, "beyond f32::MAX");
    }

    /// Whatever `f32` the terminal prints with `{}` (its shortest round-trip form) reads back
    /// as the same bits, as `str::parse` would.
    #[test]
    fn floats_printed_by_rust_read_back_exactly() {
        let mut x = 0x2545_F491_4F6C_DD1Du64;
        let mut next = || {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x
        };
        let mut checked = 0;
        for _ in 0..200_000 {
            let bits = next() as u32;
            let v = f32::from_bits(bits & 0x7FFF_FFFF);
            // Everything from 1e-12 to 1e12: every range a setting can take, and more.
            if !(1e-12..1e12).contains(&v) {
                continue;
            }
            let text = format!("{v}");
            assert_eq!(parse_f32(text.as_bytes()), Some(v), "{text}");
            assert_eq!(text.parse::<f32>().ok(), Some(v));
            checked += 1;
        }
        assert!(checked > 50_000, "{checked}");
        for v in [0.9f32, 0.85, 0.97, 0.7, 0.001, 0.1542, 36_500.0] {
            assert_eq!(parse_f32(format!("{v}").as_bytes()), Some(v));
        }
        // Longer decimals than the shortest form are rounded correctly too.
        for text in [
            "0.84999999999999997",
            "0.123456789012345678",
            "3.14159265358979",
        ] {
            assert_eq!(
                parse_f32(text.as_bytes()),
                text.parse::<f32>().ok(),
                "{text}"
            );
        }
    }

    #[test]
    fn header_versions() {
        assert_eq!(header_version(b"carnet-settings 1"), Ok(()));
        assert_eq!(header_version(b"carnet-settings 1.7"), Ok(()));
        assert_eq!(header_version(b"carnet-settings  1 "), Ok(()));
        assert_eq!(
            header_version(b"carnet-settings 2"),
            Err(SettingsProblem::NewerVersion { major: 2 })
        );
        assert_eq!(
            header_version(b"carnet-settings 3.0"),
            Err(SettingsProblem::NewerVersion { major: 3 })
        );
        for bad in [
            &b"carnet-settings"[..],
            b"carnet-settings1",
            b"carnet-settings 0",
            b"carnet-settings 1.",
            b"carnet-settings x",
            b"carnet-deck 1",
            b"",
        ] {
            assert_eq!(
                header_version(bad),
                Err(SettingsProblem::NotSettings),
                "{:?}",
                String::from_utf8_lossy(bad)
            );
        }
    }
}
