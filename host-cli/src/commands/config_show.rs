//! `carnet config`: where the configuration file is and the settings in force.

use crate::args::CommonArgs;
use crate::config::{default_config_path, Settings};
use crate::deck_file::DeckSource;
use crate::error::Result;

/// Prints the configuration file's path and every setting, as TOML one could paste into it.
pub fn execute(common: &CommonArgs) -> Result<()> {
    let s = Settings::resolve(common)?;
    match (&s.config_path, default_config_path()) {
        (Some(p), _) => crate::say!("# configuration file: {}", p.display()),
        (None, Some(p)) => crate::say!(
            "# no configuration file; create {} to change these",
            p.display()
        ),
        (None, None) => crate::say!("# no configuration folder is known for this platform"),
    }
    crate::say!("# review logs: {}", s.data_dir.display());
    let c = s.scheduler.config();
    let steps = |v: &[u32]| {
        v.iter()
            .map(|s| format!("\"{}\"", step_text(*s)))
            .collect::<Vec<_>>()
            .join(", ")
    };
    crate::say!("desired_retention = {}", c.desired_retention);
    crate::say!("new_per_day = {}", s.limits.new_per_day);
    crate::say!("reviews_per_day = {}", s.limits.reviews_per_day);
    crate::say!("day_start_hour = {}", s.day_start_hour);
    crate::say!("learning_steps = [{}]", steps(c.learning_steps.as_slice()));
    crate::say!(
        "relearning_steps = [{}]",
        steps(c.relearning_steps.as_slice())
    );
    crate::say!("maximum_interval = {}", c.maximum_interval);
    crate::say!("learn_ahead_minutes = {}", s.limits.learn_ahead_secs / 60);
    crate::say!("fuzz = {}", c.fuzz);
    if let DeckSource::File(p) = &s.deck {
        crate::say!("deck = {:?}", p.display().to_string());
    }
    Ok(())
}

fn step_text(secs: u32) -> String {
    match secs {
        s if s % 86_400 == 0 => format!("{}d", s / 86_400),
        s if s % 3600 == 0 => format!("{}h", s / 3600),
        s if s % 60 == 0 => format!("{}m", s / 60),
        s => format!("{s}s"),
    }
}
