//! FSRS parameters trained for one deck by `carnet optimize`, kept in the configuration
//! folder: `<config folder>/decks/<deck identity>.toml`, one key:
//!
//! ```toml
//! # carnet optimize, 2026-12-02: trained on 12580 reviews (log loss 0.4446 → 0.4420)
//! parameters = [0.212, 1.2931, …]   # the 21 FSRS-6 weights
//! ```
//!
//! Study, quiz, stats, cards and sync schedule the deck with them ([`apply`]); without the
//! file, the defaults. Re-running `carnet optimize` trains on the longer history and replaces
//! it; deleting it goes back to the defaults.

use std::path::{Path, PathBuf};

use carnet_engine::deck::DeckId;
use carnet_engine::{Parameters, Scheduler, SchedulerConfig};
use serde::Deserialize;

use crate::config::Settings;
use crate::error::{CliError, Result};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ParametersFile {
    parameters: Vec<f32>,
}

/// Where the parameters of the deck `id` are kept, next to the configuration file in use
/// (or where it would be).
pub fn path_for(settings: &Settings, id: DeckId) -> Option<PathBuf> {
    let dir = match &settings.config_path {
        Some(file) => file.parent().map(Path::to_path_buf),
        None => {
            crate::config::default_config_path().and_then(|p| p.parent().map(Path::to_path_buf))
        }
    }?;
    Some(dir.join("decks").join(format!("{id}.toml")))
}

/// The parameters saved for the deck at `path`, if any; a damaged file is an error naming it.
pub fn load(path: &Path) -> Result<Option<Parameters>> {
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(CliError::io("cannot read the deck's parameters", path, &e)),
    };
    let file: ParametersFile = toml::from_str(&text).map_err(|e| {
        CliError::input(crate::messages::fill(
            crate::messages::text().e_parameters_file,
            &[&path.display(), &e.to_string().trim_end()],
        ))
    })?;
    Parameters::new(&file.parameters).map(Some).map_err(|e| {
        CliError::input(crate::messages::fill(
            crate::messages::text().e_parameters_refused,
            &[&path.display(), &e],
        ))
    })
}

/// Writes `parameters` for the deck at `path` (whole or not at all), with a comment line.
pub fn save(path: &Path, parameters: &[f32; 21], comment: &str) -> Result<()> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)
            .map_err(|e| CliError::io("cannot create the folder", dir, &e))?;
    }
    let values: Vec<String> = parameters.iter().map(|p| format!("{p}")).collect();
    let text = format!(
        "# {}\n# The 21 FSRS-6 weights carnet schedules this deck with; delete this file to \
         go back to the defaults.\nparameters = [{}]\n",
        comment.replace('\n', " "),
        values.join(", ")
    );
    crate::atomic_file::write_atomically(path, text.as_bytes())
}

/// The settings with the deck's saved parameters in force, when it has some.
pub fn apply(settings: &mut Settings, id: DeckId) -> Result<()> {
    let Some(path) = path_for(settings, id) else {
        return Ok(());
    };
    if let Some(parameters) = load(&path)? {
        let config = SchedulerConfig {
            parameters,
            ..*settings.scheduler.config()
        };
        settings.scheduler = Scheduler::new(config).map_err(|e| {
            CliError::input(crate::messages::fill(
                crate::messages::text().e_parameters_file,
                &[&path.display(), &e],
            ))
        })?;
        settings.parameters_path = Some(path);
    }
    Ok(())
}
