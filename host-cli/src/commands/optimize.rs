//! `carnet optimize [FILE.csv]`: personal FSRS parameters trained on the deck's own review
//! log (or on a josh-format CSV, as `carnet memory` reads), scored against the defaults on the
//! same history and on a time-series split (trained on the past, scored on the future), and
//! saved for the deck when asked ([`crate::deck_parameters`]).
//!
//! Training follows fsrs-rs's `compute_parameters` (`carnet-optimizer`): too few reviews keep
//! the defaults, few fit only the initial stabilities, and the parameters saved are always
//! ones the scheduler accepts.

use std::io::{BufRead, IsTerminal, Write};
use std::time::Instant;

use carnet_engine::Parameters;
use carnet_optimizer::{
    evaluate, evaluate_time_series, optimize, Dataset, DayRule, Evaluation, Fit, Row,
    TrainingConfig, SPLITS,
};

use crate::args::{CommonArgs, OptimizeArgs};
use crate::config::Settings;
use crate::deck_file::DeckFile;
use crate::deck_log::log_path;
use crate::error::{CliError, Result};
use crate::history::{secs, History};
use crate::store::read_log;

/// Trains, reports, and saves when asked.
pub fn execute(common: &CommonArgs, args: &OptimizeArgs) -> Result<()> {
    let settings = Settings::resolve(common)?;
    let file = DeckFile::load(&settings.deck)?;
    let deck = file.deck()?;
    let (rows, source) = match &args.file {
        Some(path) => {
            let rows = crate::josh_csv::read(path)?
                .iter()
                .map(|r| Row {
                    card_id: r.card_id,
                    time_secs: secs(r.time_ms),
                    rating: r.rating.as_u8(),
                })
                .collect::<Vec<_>>();
            (rows, path.display().to_string())
        }
        None => {
            let path = log_path(&settings.data_dir, &deck)?;
            let scan = read_log(&path)?;
            let history = History::from_entries(&scan.schedulable(&path, settings.clock.now_ms()));
            let mut rows = Vec::with_capacity(history.review_count());
            for (id, card) in history.cards() {
                rows.extend(card.reviews.iter().map(|r| Row {
                    card_id: id.0,
                    time_secs: secs(r.time_ms),
                    rating: r.rating.as_u8(),
                }));
            }
            (rows, format!("the review log of {}", file.label()))
        }
    };
    let rule = if args.whole_days {
        DayRule::WholeDays
    } else {
        DayRule::Calendar(settings.day_clock())
    };
    let dataset =
        Dataset::from_rows(&rows, rule).map_err(|e| CliError::input(format!("{source}: {e}")))?;
    if dataset.review_count() == 0 {
        return Err(CliError::input(format!(
            "{source}: no reviews to train on (study first, or give a CSV of reviews)"
        )));
    }
    let config = TrainingConfig {
        relearning_steps: settings
            .scheduler
            .config()
            .relearning_steps
            .as_slice()
            .len(),
        ..TrainingConfig::default()
    };
    let interactive = std::io::stderr().is_terminal();
    if interactive && !args.json {
        eprint!(
            "training on {} reviews of {} cards…",
            dataset.review_count(),
            dataset.card_count()
        );
    }
    let started = Instant::now();
    let trained = optimize(&dataset, &config);
    let train_ms = started.elapsed().as_secs_f64() * 1000.0;
    if interactive && !args.json {
        eprint!("\r{:60}\r", "");
    }
    let parameters = Parameters::new(&trained.parameters)
        .map_err(|e| CliError::failure(format!("training gave parameters out of range: {e}")))?;
    let before = evaluate(&dataset, &Parameters::default());
    let after = evaluate(&dataset, &parameters);
    let split = evaluate_time_series(&dataset, &config, SPLITS);
    let path = crate::deck_parameters::path_for(&settings, deck.deck_id());
    let fit = match trained.fit {
        Fit::Defaults => "defaults",
        Fit::InitialStability => "initial-stability",
        Fit::Trained => "trained",
    };
    let metrics = |e: &Option<Evaluation>| match e {
        Some(e) => {
            serde_json::json!({"log_loss": e.log_loss, "rmse_bins": e.rmse_bins, "auc": e.auc, "predictions": e.predictions})
        }
        None => serde_json::Value::Null,
    };
    let save = match (&path, trained.fit) {
        (None, _) | (_, Fit::Defaults) => false,
        _ if args.yes => true,
        // Asked only of a learner at a terminal, for the deck's own log.
        _ if !args.json && args.file.is_none() && std::io::stdin().is_terminal() => {
            ask(&format!("Save these parameters for {}?", deck.name()))?
        }
        _ => false,
    };
    if save {
        if let Some(p) = &path {
            let comment = format!(
                "carnet optimize, {}: trained on {} reviews ({fit}){}",
                crate::clock::iso_utc(settings.clock.now_secs()),
                dataset.review_count(),
                match (&before, &after) {
                    (Some(b), Some(a)) =>
                        format!(", log loss {:.4} → {:.4}", b.log_loss, a.log_loss),
                    _ => String::new(),
                }
            );
            crate::deck_parameters::save(p, &trained.parameters, &comment)?;
        }
    }
    let saved = path.as_ref().filter(|_| save);
    if args.json {
        let out = serde_json::json!({
            "parameters": trained.parameters,
            "reviews": dataset.review_count(),
            "cards": dataset.card_count(),
            "fit": fit,
            "train_ms": train_ms,
            "default": metrics(&before),
            "trained": metrics(&after),
            "split": metrics(&split.as_ref().map(|s| s.evaluation)),
            "saved": saved.map(|p| p.display().to_string()),
        });
        crate::say!("{out}");
        return Ok(());
    }
    crate::say!(
        "{} reviews of {} cards from {source}; days counted {}",
        dataset.review_count(),
        dataset.card_count(),
        if args.whole_days {
            "as whole 24-hour periods".to_string()
        } else {
            format!("from {} h each day", settings.day_start_hour)
        }
    );
    crate::say!(
        "trained in {train_ms:.1} ms: {}",
        match trained.fit {
            Fit::Trained => "all 21 parameters",
            Fit::InitialStability => "the initial stabilities only (few reviews)",
            Fit::Defaults => "too few reviews: the defaults are kept",
        }
    );
    crate::say!(
        "{:<34} {:>9} {:>11} {:>7}",
        "",
        "log loss",
        "RMSE(bins)",
        "AUC"
    );
    for (name, e) in [
        ("defaults, on this history", &before),
        ("trained, on this history", &after),
        (
            "trained on the past, future scored",
            &split.as_ref().map(|s| s.evaluation),
        ),
    ] {
        match e {
            Some(e) => crate::say!(
                "{name:<34} {:>9.4} {:>11.4} {:>7.3}",
                e.log_loss,
                e.rmse_bins,
                e.auc
            ),
            None => crate::say!("{name:<34} {:>9}", "—"),
        }
    }
    let listed: Vec<String> = trained
        .parameters
        .iter()
        .map(|p| format!("{p:.4}"))
        .collect();
    crate::say!("parameters: {}", listed.join(", "));
    match (saved, &path) {
        (Some(p), _) => crate::say!("saved for {}: {}", deck.name(), p.display()),
        (None, _) if trained.fit == Fit::Defaults => {}
        (None, Some(_)) => crate::say!(
            "not saved (run with --yes to keep them for {})",
            deck.name()
        ),
        (None, None) => crate::say!("not saved: no configuration folder is known here"),
    }
    Ok(())
}

/// Asks a yes/no question on the terminal (no by default).
fn ask(question: &str) -> Result<bool> {
    eprint!("{question} [y/N] ");
    let _ = std::io::stderr().flush();
    let mut line = String::new();
    std::io::stdin()
        .lock()
        .read_line(&mut line)
        .map_err(|e| CliError::failure(format!("cannot read the answer: {e}")))?;
    Ok(matches!(line.trim(), "y" | "Y" | "o" | "O" | "yes" | "oui"))
}
