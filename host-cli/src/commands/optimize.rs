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

use carnet_engine::{MemoryModel, Parameters};
use carnet_optimizer::{
    evaluate, evaluate_time_series, optimize, recommend, sweep, Dataset, DayRule, Evaluation, Fit,
    Outcome, Progress, Row, SimulationConfig, StudiedCard, TrainingConfig, SPLITS,
};

use crate::args::{CommonArgs, OptimizeArgs};
use crate::config::Settings;
use crate::deck_file::DeckFile;
use crate::deck_log::log_path;
use crate::error::{CliError, Result};
use crate::history::{secs, History};
use crate::messages::{fill, text};
use crate::store::read_log;

/// Passes over the history: six times fsrs-rs's five on a history of up to 100,000 reviews,
/// fewer on a longer one (which needs fewer to converge), never under fsrs-rs's five. On the
/// josh log (30 passes) this scores better than fsrs-rs's `compute_parameters` in-sample
/// (0.4414 against 0.4428) and on the time-series split (0.4370 against 0.4416), and py-fsrs
/// scores the parameters trained with its day rule 0.4382 (its own optimizer: 0.4387), in
/// about 10 ms; a million reviews get five passes (about a fifth of a second).
fn epochs_for(reviews: usize) -> usize {
    (3_000_000 / reviews.max(1)).clamp(5, 30)
}

/// Trains, reports, and saves when asked.
pub fn execute(common: &CommonArgs, args: &OptimizeArgs) -> Result<()> {
    let settings = Settings::resolve(common)?;
    let file = DeckFile::load(&settings.deck)?;
    let deck = file.deck()?;
    let (rows, source) = match &args.file {
        Some(path) => {
            let rows = training_rows(&crate::josh_csv::read(path)?);
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
            (rows, fill(text().opt_source_log, &[&file.label()]))
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
        return Err(CliError::input(fill(text().opt_no_reviews, &[&source])));
    }
    let config = TrainingConfig {
        epochs: epochs_for(dataset.review_count()),
        relearning_steps: settings
            .scheduler
            .config()
            .relearning_steps
            .as_slice()
            .len(),
        ..TrainingConfig::default()
    };
    let interactive = std::io::stderr().is_terminal() && !args.json;
    let config = TrainingConfig {
        progress: interactive.then_some(&PROGRESS),
        ..config
    };
    let label = fill(
        text().opt_training,
        &[&dataset.review_count(), &dataset.card_count()],
    );
    let (trained, train_ms) = with_progress(&label, interactive, || {
        let started = Instant::now();
        let trained = optimize(&dataset, &config);
        (trained, started.elapsed().as_secs_f64() * 1000.0)
    });
    let parameters = Parameters::new(&trained.parameters)
        .map_err(|e| CliError::failure(fill(text().e_out_of_range, &[&e])))?;
    let before = evaluate(&dataset, &Parameters::default());
    let after = evaluate(&dataset, &parameters);
    let split = with_progress(text().opt_split_progress, interactive, || {
        evaluate_time_series(&dataset, &config, SPLITS)
    });
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
            ask(&fill(text().opt_save_question, &[&deck.name()]))?
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
    // The retention to choose: the learner's cards (and the deck's new ones) simulated with
    // these parameters.
    let now = match args.file {
        Some(_) => dataset
            .cards()
            .filter_map(|(_, r)| r.last().map(|r| r.time))
            .max()
            .unwrap_or(0),
        None => settings.clock.now_secs(),
    };
    let studied = studied_cards(&dataset, &parameters, now);
    // The deck's cards not studied yet, or, for a CSV, fsrs-rs's 10,000-card deck; at the
    // daily new-card limit, within half an hour a day.
    let new_per_day = settings.limits.new_per_day as usize;
    let simulation = SimulationConfig {
        new_cards: match args.file {
            Some(_) => SimulationConfig::default().new_cards,
            None => deck.len().saturating_sub(dataset.card_count()),
        },
        new_per_day,
        horizon_days: args.horizon,
        maximum_interval: settings.scheduler.config().maximum_interval,
        ..SimulationConfig::default()
    };
    let outcomes = sweep(&parameters, &simulation, &studied);
    let best = recommend(&outcomes).copied();
    if let Some(dir) = &args.plot {
        plot(dir, &outcomes)?;
    }
    let outcome_json = |o: &Outcome| {
        serde_json::json!({"desired_retention": o.desired_retention, "reviews": o.reviews,
            "reviews_per_day": o.reviews_per_day, "minutes_per_day": o.minutes_per_day,
            "memorized": o.memorized, "seconds_per_memorized": o.work_per_memorized})
    };
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
            "retention": {
                "horizon_days": args.horizon,
                "recommended": best.map(|b| b.desired_retention),
                "outcomes": outcomes.iter().map(outcome_json).collect::<Vec<_>>(),
            },
        });
        crate::say!("{out}");
        return Ok(());
    }
    let m = text();
    let days = if args.whole_days {
        m.opt_day_rules[0].to_string()
    } else {
        fill(m.opt_day_rules[1], &[&settings.day_start_hour])
    };
    crate::say!(
        "{}",
        fill(
            m.opt_heading,
            &[
                &dataset.review_count(),
                &dataset.card_count(),
                &source,
                &days
            ]
        )
    );
    let what = match trained.fit {
        Fit::Trained => m.opt_fits[0],
        Fit::InitialStability => m.opt_fits[1],
        Fit::Defaults => m.opt_fits[2],
    };
    crate::say!(
        "{}",
        fill(m.opt_trained_in, &[&format!("{train_ms:.1}"), &what])
    );
    crate::say!(
        "{:<34} {:>9} {:>11} {:>7}",
        "",
        "log loss",
        "RMSE(bins)",
        "AUC"
    );
    for (name, e) in [
        (m.opt_rows[0], &before),
        (m.opt_rows[1], &after),
        (m.opt_rows[2], &split.as_ref().map(|s| s.evaluation)),
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
    crate::say!(
        "{}",
        fill(
            m.opt_simulated,
            &[&args.horizon, &studied.len(), &simulation.new_per_day]
        )
    );
    let [retention, per_day, minutes, kept, seconds] = m.opt_columns;
    crate::say!("{retention:>9} {per_day:>12} {minutes:>12} {kept:>10} {seconds:>18}");
    let current = settings.scheduler.config().desired_retention;
    for o in &outcomes {
        let percent = (o.desired_retention * 100.0).round() as u32;
        let marked = best.is_some_and(|b| b.desired_retention == o.desired_retention);
        if percent % 3 != 1 && !marked && (current * 100.0).round() as u32 != percent {
            continue;
        }
        crate::say!(
            "{:>9.2} {:>12.1} {:>12.1} {:>10.0} {:>18.1}{}",
            o.desired_retention,
            o.reviews_per_day,
            o.minutes_per_day,
            o.memorized,
            o.work_per_memorized,
            if marked { m.opt_best_mark } else { "" }
        );
    }
    if let Some(b) = best {
        crate::say!(
            "{}",
            fill(
                m.opt_recommended,
                &[
                    &format!("{:.2}", b.desired_retention),
                    &format!("{current:.2}")
                ]
            )
        );
    }
    let listed: Vec<String> = trained
        .parameters
        .iter()
        .map(|p| format!("{p:.4}"))
        .collect();
    crate::say!("{}", fill(m.opt_parameters, &[&listed.join(", ")]));
    match (saved, &path) {
        (Some(p), _) => crate::say!("{}", fill(m.opt_saved, &[&deck.name(), &p.display()])),
        (None, _) if trained.fit == Fit::Defaults => {}
        (None, Some(_)) => crate::say!("{}", fill(m.opt_not_saved, &[&deck.name()])),
        (None, None) => crate::say!("{}", m.opt_no_folder),
    }
    Ok(())
}

/// Asks a yes/no question on the terminal (no by default).
/// The steps of the training under way, read by [`with_progress`]'s bar.
static PROGRESS: Progress = Progress::new();

/// Runs `work` in a thread while the program's progress bar ([`crate::progress::Bar`])
/// shows [`PROGRESS`] after `label` (when `shown`), never going back; the line is cleared at
/// the end.
fn with_progress<T: Send>(label: &str, shown: bool, work: impl FnOnce() -> T + Send) -> T {
    if !shown {
        return work();
    }
    /// The bar's steps: thousandths of the training.
    const STEPS: u64 = 1000;
    PROGRESS.reset();
    let mut bar = crate::progress::Bar::on_terminal(STEPS, true);
    bar.stage(label);
    let finished = std::sync::atomic::AtomicBool::new(false);
    let out = std::thread::scope(|scope| {
        let worker = scope.spawn(|| {
            let out = work();
            finished.store(true, std::sync::atomic::Ordering::Release);
            out
        });
        let mut drawn = 0;
        while !finished.load(std::sync::atomic::Ordering::Acquire) {
            let (done, total) = PROGRESS.get();
            if total > 0 {
                let now = (done as u64 * STEPS / total as u64).min(STEPS);
                if now > drawn {
                    bar.add(now - drawn);
                    drawn = now;
                }
            }
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
        worker.join()
    });
    bar.finish();
    match out {
        Ok(out) => out,
        Err(panic) => std::panic::resume_unwind(panic),
    }
}

fn ask(question: &str) -> Result<bool> {
    eprint!("{question} {} ", text().opt_yes_no);
    let _ = std::io::stderr().flush();
    let mut line = String::new();
    std::io::stdin()
        .lock()
        .read_line(&mut line)
        .map_err(|e| CliError::failure(fill(text().e_cannot_read_answer, &[&e])))?;
    Ok(matches!(line.trim(), "y" | "Y" | "o" | "O" | "yes" | "oui"))
}

/// The rows of a josh CSV as the optimizer reads them.
fn training_rows(rows: &[crate::josh_csv::JoshRow]) -> Vec<Row> {
    rows.iter()
        .map(|r| Row {
            card_id: r.card_id,
            time_secs: secs(r.time_ms),
            rating: r.rating.as_u8(),
        })
        .collect()
}

/// Parameters trained on josh rows with py-fsrs's day rule (whole 24-hour periods), as
/// `carnet optimize FILE.csv --whole-days` trains them (for `carnet memory --optimized`).
pub fn train_on_rows(
    rows: &[crate::josh_csv::JoshRow],
    scheduler: &carnet_engine::SchedulerConfig,
) -> Result<Parameters> {
    let dataset = Dataset::from_rows(&training_rows(rows), DayRule::WholeDays)
        .map_err(|e| CliError::input(e.to_string()))?;
    let config = TrainingConfig {
        epochs: epochs_for(dataset.review_count()),
        relearning_steps: scheduler.relearning_steps.as_slice().len(),
        ..TrainingConfig::default()
    };
    Parameters::new(&optimize(&dataset, &config).parameters)
        .map_err(|e| CliError::failure(fill(text().e_out_of_range, &[&e])))
}

/// Each card of the history with its memory after its reviews (replayed with `parameters`)
/// and the day of its last review relative to `now` (seconds).
fn studied_cards(dataset: &Dataset, parameters: &Parameters, now: i64) -> Vec<StudiedCard> {
    let model = MemoryModel::new(parameters);
    dataset
        .cards()
        .filter_map(|(_, reviews)| {
            let (first, rest) = reviews.split_first()?;
            let memory = rest.iter().fold(model.initial(first.rating), |m, r| {
                model.next(m, r.delta_t, r.rating)
            });
            let last = reviews.last().map_or(now, |r| r.time);
            Some(StudiedCard {
                memory,
                last_day: (last - now).div_euclid(86_400).min(0) as i32,
            })
        })
        .collect()
}

/// The retention charts: reviews a day and cards kept, one bar a retention.
fn plot(dir: &std::path::Path, outcomes: &[Outcome]) -> Result<()> {
    std::fs::create_dir_all(dir).map_err(|e| CliError::io("cannot create the folder", dir, &e))?;
    let labels: Vec<String> = outcomes
        .iter()
        .map(|o| format!("{:.2}", o.desired_retention))
        .collect();
    let charts = [
        (
            "retention-reviews-per-day.svg",
            text().opt_plots[0],
            text().opt_plots[1],
            outcomes
                .iter()
                .map(|o| o.reviews_per_day)
                .collect::<Vec<_>>(),
            "#4c78a8",
        ),
        (
            "retention-cards-kept.svg",
            text().opt_plots[2],
            text().opt_plots[3],
            outcomes.iter().map(|o| o.memorized).collect(),
            "#54a24b",
        ),
    ];
    for (file, title, unit, values, fill) in charts {
        let svg = crate::svg_plot::bar_chart(title, unit, &labels, &values, fill);
        crate::atomic_file::write_atomically(&dir.join(file), svg.as_bytes())?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::epochs_for;

    #[test]
    fn long_histories_get_fewer_passes() {
        assert_eq!(epochs_for(0), 30);
        assert_eq!(epochs_for(12_580), 30);
        assert_eq!(epochs_for(100_000), 30);
        assert_eq!(epochs_for(200_000), 15);
        assert_eq!(epochs_for(1_000_000), 5);
    }
}
