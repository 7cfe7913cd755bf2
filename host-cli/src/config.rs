//! The configuration file and the settings in force: file values, overridden by flags, checked.

use std::path::{Path, PathBuf};

use carnet_engine::{DayClock, QueueLimits, Scheduler, SchedulerConfig, Steps};
use serde::Deserialize;

use crate::args::CommonArgs;
use crate::clock::Clock;
use crate::deck_file::DeckSource;
use crate::error::{CliError, Result};
use crate::language::Language;
use crate::messages::{fill, text};

/// `config.toml`: every key optional.
///
/// ```toml
/// desired_retention = 0.9
/// new_per_day = 20
/// reviews_per_day = 200
/// day_start_hour = 4
/// learning_steps = ["1m", "10m"]
/// relearning_steps = ["10m"]
/// maximum_interval = 36500
/// learn_ahead_minutes = 20
/// fuzz = true
/// deck = "/path/to/default.deck"
/// language = "fr"
/// ```
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConfigFile {
    /// Probability of recall at which reviews are scheduled.
    pub desired_retention: Option<f32>,
    /// New cards a day.
    pub new_per_day: Option<u32>,
    /// Reviews a day.
    pub reviews_per_day: Option<u32>,
    /// Local hour at which a day starts.
    pub day_start_hour: Option<u8>,
    /// Learning steps (`"1m"`, `"10m"`; units s, m, h, d; a bare number is minutes).
    pub learning_steps: Option<Vec<String>>,
    /// Relearning steps.
    pub relearning_steps: Option<Vec<String>>,
    /// Longest interval in days.
    pub maximum_interval: Option<u32>,
    /// How far ahead a learning card may be shown when nothing else is left, in minutes.
    pub learn_ahead_minutes: Option<u32>,
    /// Whether review intervals are fuzzed.
    pub fuzz: Option<bool>,
    /// The deck used when `--deck` is not given.
    pub deck: Option<PathBuf>,
    /// The interface's language, `"fr"` or `"en"` (default: the locale's).
    pub language: Option<String>,
}

impl ConfigFile {
    /// Reads and parses `path`.
    pub fn read(path: &Path) -> Result<ConfigFile> {
        let content = std::fs::read_to_string(path)
            .map_err(|e| CliError::io("cannot read the configuration file", path, &e))?;
        toml::from_str(&content).map_err(|e| {
            CliError::input(fill(
                text().e_config_file,
                &[&path.display(), &e.to_string().trim_end()],
            ))
        })
    }
}

/// The configuration file's path: the one given, else the default one if it exists.
fn config_file_path(common: &CommonArgs) -> Option<PathBuf> {
    match &common.config {
        Some(path) => Some(path.clone()),
        None => default_config_path().filter(|p| p.is_file()),
    }
}

/// The `language` of the configuration file, read before anything else so that every
/// message of the run is in it; a file that cannot be read gives none here (its error is
/// reported, in the locale's language, by [`Settings::resolve`]).
pub fn configured_language(common: &CommonArgs) -> Option<Language> {
    let path = config_file_path(common).filter(|p| p.is_file())?;
    let text = std::fs::read_to_string(path).ok()?;
    let file: ConfigFile = toml::from_str(&text).ok()?;
    Language::from_code(file.language.as_deref()?)
}

/// Where the configuration file is looked for when none is given.
pub fn default_config_path() -> Option<PathBuf> {
    dirs::config_dir().map(|d| d.join("carnet").join("config.toml"))
}

/// The checked settings a command runs with.
#[derive(Debug, Clone)]
pub struct Settings {
    /// The deck.
    pub deck: DeckSource,
    /// Folder of the review logs.
    pub data_dir: PathBuf,
    /// The configuration file read, if any.
    pub config_path: Option<PathBuf>,
    /// The scheduler.
    pub scheduler: Scheduler,
    /// Daily limits.
    pub limits: QueueLimits,
    /// Local hour at which a day starts.
    pub day_start_hour: u8,
    /// Now.
    pub clock: Clock,
    /// The deck's trained parameters in force ([`crate::deck_parameters`]), if any.
    pub parameters_path: Option<PathBuf>,
    /// The interface's language (also written to the handheld's `SETTINGS.TXT`).
    pub language: Language,
}

impl Settings {
    /// Reads the configuration file and applies the flags over it.
    pub fn resolve(common: &CommonArgs) -> Result<Settings> {
        let (config_path, file) = match &common.config {
            // A file named but not made yet: the defaults (`carnet config init` writes it).
            Some(path) if !path.exists() => (None, ConfigFile::default()),
            Some(path) => (Some(path.clone()), ConfigFile::read(path)?),
            None => match default_config_path().filter(|p| p.is_file()) {
                Some(path) => {
                    let file = ConfigFile::read(&path)?;
                    (Some(path), file)
                }
                None => (None, ConfigFile::default()),
            },
        };
        let origin = |key: &str| match &config_path {
            Some(p) => format!("`{key}` in {}", p.display()),
            None => format!("`{key}`"),
        };
        let configured = match &file.language {
            Some(code) => Some(Language::from_code(code).ok_or_else(|| {
                CliError::input(fill(
                    text().bad_language,
                    &[&origin("language"), &format!("{code:?}")],
                ))
            })?),
            None => None,
        };
        let language = common
            .lang
            .or(configured)
            .unwrap_or_else(crate::language::current);
        let flags = &common.scheduling;
        let mut config = SchedulerConfig::default();
        if let Some(r) = flags.retention.or(file.desired_retention) {
            config.desired_retention = r;
        }
        if let Some(m) = file.maximum_interval {
            config.maximum_interval = m;
        }
        if let Some(f) = file.fuzz {
            config.fuzz = f;
        }
        config.learning_steps = match (&flags.learning_steps, &file.learning_steps) {
            (Some(text), _) => parse_steps(&split_list(text), "--learning-steps")?,
            (None, Some(list)) => parse_steps(list, &origin("learning_steps"))?,
            (None, None) => config.learning_steps,
        };
        config.relearning_steps = match (&flags.relearning_steps, &file.relearning_steps) {
            (Some(text), _) => parse_steps(&split_list(text), "--relearning-steps")?,
            (None, Some(list)) => parse_steps(list, &origin("relearning_steps"))?,
            (None, None) => config.relearning_steps,
        };
        let scheduler = Scheduler::new(config).map_err(|e| {
            let which = if flags.retention.is_some() {
                "--retention".to_string()
            } else {
                origin("desired_retention / maximum_interval")
            };
            CliError::input(format!("{which}: {e}"))
        })?;
        let day_start_hour = flags.day_start_hour.or(file.day_start_hour).unwrap_or(4);
        if day_start_hour > 23 {
            let which = if flags.day_start_hour.is_some() {
                "--day-start-hour".to_string()
            } else {
                origin("day_start_hour")
            };
            return Err(CliError::input(fill(
                text().e_day_start,
                &[&day_start_hour, &which],
            )));
        }
        let defaults = QueueLimits::default();
        let limits = QueueLimits {
            new_per_day: flags
                .new_per_day
                .or(file.new_per_day)
                .unwrap_or(defaults.new_per_day),
            reviews_per_day: flags
                .reviews_per_day
                .or(file.reviews_per_day)
                .unwrap_or(defaults.reviews_per_day),
            learn_ahead_secs: file
                .learn_ahead_minutes
                .map_or(defaults.learn_ahead_secs, |m| m.saturating_mul(60)),
        };
        let data_dir = match &common.data_dir {
            Some(d) => d.clone(),
            None => dirs::data_dir()
                .map(|d| d.join("carnet"))
                .ok_or_else(|| CliError::input(text().e_no_data_folder))?,
        };
        let deck = match (&common.deck, &file.deck) {
            (Some(p), _) | (None, Some(p)) => DeckSource::File(p.clone()),
            (None, None) => DeckSource::Bundled,
        };
        Ok(Settings {
            deck,
            data_dir,
            config_path,
            scheduler,
            limits,
            day_start_hour,
            clock: Clock::from_env()?,
            parameters_path: None,
            language,
        })
    }

    /// How days are counted: from the configured hour, in the local time zone.
    pub fn day_clock(&self) -> DayClock {
        DayClock {
            utc_offset_secs: self.clock.utc_offset_secs(),
            start_hour: self.day_start_hour,
        }
    }
}

fn split_list(text: &str) -> Vec<String> {
    // `--learning-steps ""`: no steps. An empty item between two commas (`1m,,10m`) is kept
    // so that it is refused as a step, not silently dropped.
    if text.trim().is_empty() {
        return Vec::new();
    }
    text.split(',')
        .flat_map(|part| {
            let words: Vec<String> = part.split_whitespace().map(str::to_string).collect();
            if words.is_empty() {
                vec![String::new()]
            } else {
                words
            }
        })
        .collect()
}

/// Parses steps such as `["1m", "10m"]`; `origin` names where they came from in errors.
pub fn parse_steps(items: &[String], origin: &str) -> Result<Steps> {
    let mut secs = Vec::with_capacity(items.len());
    for item in items {
        secs.push(parse_duration_secs(item).ok_or_else(|| {
            CliError::input(fill(text().e_step, &[&origin, &format!("{item:?}")]))
        })?);
    }
    Steps::new(&secs).map_err(|e| CliError::input(format!("{origin}: {e}")))
}

/// `30s`, `10m`, `1h`, `2d`, or a bare number of minutes.
pub fn parse_duration_secs(text: &str) -> Option<u32> {
    let text = text.trim();
    let split = text
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(text.len());
    let (digits, unit) = text.split_at(split);
    let n: u32 = digits.parse().ok()?;
    let factor = match unit.trim() {
        "s" => 1,
        "" | "m" | "min" => 60,
        "h" => 3600,
        "d" | "j" => 86_400,
        _ => return None,
    };
    n.checked_mul(factor)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_and_steps() {
        assert_eq!(parse_duration_secs("30s"), Some(30));
        assert_eq!(parse_duration_secs("10m"), Some(600));
        assert_eq!(parse_duration_secs("10"), Some(600));
        assert_eq!(parse_duration_secs("1h"), Some(3600));
        assert_eq!(parse_duration_secs("2d"), Some(172_800));
        assert_eq!(parse_duration_secs("soon"), None);
        let steps = parse_steps(&split_list("1m,10m"), "--learning-steps").unwrap();
        assert_eq!(steps.as_slice(), &[60, 600]);
        let err = parse_steps(&["5x".into()], "--learning-steps").unwrap_err();
        assert!(err.message().contains("\"5x\""), "{err}");
    }

    #[test]
    fn unknown_keys_are_refused_with_the_file_name() {
        let dir = std::env::temp_dir().join(format!("carnet-config-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("config.toml");
        std::fs::write(&path, "desired_retention = 0.85\nnew_cards = 5\n").unwrap();
        let err = ConfigFile::read(&path).unwrap_err();
        assert!(
            err.message().contains("config.toml") && err.message().contains("new_cards"),
            "{err}"
        );
        std::fs::write(
            &path,
            "desired_retention = 0.85\nlearning_steps = [\"2m\"]\n",
        )
        .unwrap();
        let file = ConfigFile::read(&path).unwrap();
        assert_eq!(file.desired_retention, Some(0.85));
        std::fs::remove_dir_all(dir).unwrap();
    }
}
