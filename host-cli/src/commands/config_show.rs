//! `carnet config`: where the configuration file is and the settings in force.

use crate::args::{CommonArgs, ConfigArgs};
use crate::config::{default_config_path, Settings};
use crate::deck_file::DeckSource;
use crate::error::{CliError, Result};

/// Prints the configuration file's path and every setting, as TOML one could paste into it;
/// `config init` writes the file instead.
pub fn execute(common: &CommonArgs, args: &ConfigArgs) -> Result<()> {
    if args.action.as_deref() == Some("init") {
        return init(common);
    }
    let s = Settings::resolve(common)?;
    let m = crate::messages::text();
    let fill = crate::messages::fill;
    match (&s.config_path, default_config_path()) {
        (Some(p), _) => crate::say!("{}", fill(m.config_file, &[&p.display()])),
        (None, Some(p)) => crate::say!("{}", fill(m.config_none, &[&p.display()])),
        (None, None) => crate::say!("{}", m.config_no_folder),
    }
    crate::say!("{}", fill(m.config_logs, &[&s.data_dir.display()]));
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
    crate::say!("language = \"{}\"", s.language.code());
    if let DeckSource::File(p) = &s.deck {
        crate::say!("deck = {:?}", p.display().to_string());
    }
    Ok(())
}

/// Writes the configuration file with every setting at its default, commented out.
fn init(common: &CommonArgs) -> Result<()> {
    let path = common
        .config
        .clone()
        .or_else(default_config_path)
        .ok_or_else(|| CliError::input(crate::messages::text().e_no_config_folder))?;
    if path.exists() {
        return Err(CliError::input(crate::messages::fill(
            crate::messages::text().e_config_exists,
            &[&path.display()],
        )));
    }
    let defaults = Settings::resolve(&CommonArgs {
        config: Some(path.clone()),
        ..CommonArgs::default()
    })?;
    let c = defaults.scheduler.config();
    let steps = |v: &[u32]| {
        v.iter()
            .map(|s| format!("\"{}\"", step_text(*s)))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let text = format!(
        "# carnet configuration. Every setting is shown at its default, commented out: remove\n\
         # the `#` of a line to change it. Flags on the command line override this file.\n\n\
         # Probability of recalling a card when it comes due (0.70 to 0.97).\n\
         # desired_retention = {}\n\
         # New cards introduced a day.\n\
         # new_per_day = {}\n\
         # Reviews a day at most.\n\
         # reviews_per_day = {}\n\
         # Local hour at which a new day starts (0 to 23).\n\
         # day_start_hour = {}\n\
         # Steps of a new card before it is scheduled in days (units s, m, h, d).\n\
         # learning_steps = [{}]\n\
         # Steps of a forgotten card.\n\
         # relearning_steps = [{}]\n\
         # Longest interval, in days.\n\
         # maximum_interval = {}\n\
         # A learning card due within this many minutes is shown when nothing else is left.\n\
         # learn_ahead_minutes = {}\n\
         # Spread intervals a little so that cards learnt together do not come due together.\n\
         # fuzz = {}\n\
         # The deck used when --deck is not given (default: the bundled deck).\n\
         # deck = \"/path/to/my.deck\"\n\
         # The interface's language, \"fr\" or \"en\" (default: the locale's, from LC_ALL,\n\
         # LC_MESSAGES or LANG; --lang and CARNET_LANG override it).\n\
         # language = \"{}\"\n",
        c.desired_retention,
        defaults.limits.new_per_day,
        defaults.limits.reviews_per_day,
        defaults.day_start_hour,
        steps(c.learning_steps.as_slice()),
        steps(c.relearning_steps.as_slice()),
        c.maximum_interval,
        defaults.limits.learn_ahead_secs / 60,
        c.fuzz,
        defaults.language.code(),
    );
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)
            .map_err(|e| CliError::io("cannot create the configuration folder", dir, &e))?;
    }
    crate::atomic_file::write_atomically(&path, text.as_bytes())?;
    crate::say!(
        "{}",
        crate::messages::fill(crate::messages::text().wrote, &[&path.display()])
    );
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
