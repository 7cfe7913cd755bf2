//! `carnet config`: where the configuration file is and the settings in force.

use crate::args::CommonArgs;
use crate::config::{default_config_path, Settings};
use crate::deck_file::DeckSource;
use crate::error::Result;

/// Prints the configuration file's path and every setting, as TOML one could paste into it.
pub fn execute(common: &CommonArgs) -> Result<()> {
    let s = Settings::resolve(common)?;
    match (&s.config_path, default_config_path()) {
        (Some(p), _) => println!("# configuration file: {}", p.display()),
        (None, Some(p)) => println!(
            "# no configuration file; create {} to change these",
            p.display()
        ),
        (None, None) => println!("# no configuration folder is known for this platform"),
    }
    println!("# review logs: {}", s.data_dir.display());
    let c = s.scheduler.config();
    let steps = |v: &[u32]| {
        v.iter()
            .map(|s| format!("\"{}\"", step_text(*s)))
            .collect::<Vec<_>>()
            .join(", ")
    };
    println!("desired_retention = {}", c.desired_retention);
    println!("new_per_day = {}", s.limits.new_per_day);
    println!("reviews_per_day = {}", s.limits.reviews_per_day);
    println!("day_start_hour = {}", s.day_start_hour);
    println!("learning_steps = [{}]", steps(c.learning_steps.as_slice()));
    println!(
        "relearning_steps = [{}]",
        steps(c.relearning_steps.as_slice())
    );
    println!("maximum_interval = {}", c.maximum_interval);
    println!("learn_ahead_minutes = {}", s.limits.learn_ahead_secs / 60);
    println!("fuzz = {}", c.fuzz);
    if let DeckSource::File(p) = &s.deck {
        println!("deck = {:?}", p.display().to_string());
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
