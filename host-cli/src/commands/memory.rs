//! `carnet memory FILE.csv`: replays a josh-format review log card by card.
//!
//! Elapsed days are whole 24-hour periods ([`whole_days_between`]), as py-fsrs counts them,
//! so the memory states and the metrics can be compared with py-fsrs and the FSRS benchmark:
//! a prediction is scored for every review whose previous review of the same card is at least
//! 86,400 s earlier, with p = R(elapsed whole days, S before the review), y = grade > 1.

use std::collections::BTreeMap;
use std::io::Write;

use carnet_engine::review_log::Review;
use carnet_engine::{whole_days_between, CardId, CardState, PredictionMetrics, Scheduler};

use crate::args::{CommonArgs, MemoryArgs};
use crate::clock::iso_utc;
use crate::config::Settings;
use crate::error::{CliError, Result};
use crate::history::{secs, walk};
use crate::josh_csv;

/// One card after its replay.
#[derive(Debug, Clone, Copy)]
pub struct CardMemory {
    /// The card's number in the log.
    pub card_id: u64,
    /// Its reviews.
    pub reviews: usize,
    /// Its state after the last review.
    pub state: CardState,
}

/// Replays rows grouped by card (each card's reviews in time order, ties in file order) and
/// scores the predictions.
pub fn replay(
    rows: &[josh_csv::JoshRow],
    scheduler: &Scheduler,
) -> (Vec<CardMemory>, PredictionMetrics) {
    let mut by_card: BTreeMap<u64, Vec<Review>> = BTreeMap::new();
    for r in rows {
        by_card.entry(r.card_id).or_default().push(Review {
            card: CardId(r.card_id),
            time_ms: r.time_ms,
            rating: r.rating,
            duration_ms: r.duration_ms,
        });
    }
    let mut metrics = PredictionMetrics::default();
    let mut cards = Vec::with_capacity(by_card.len());
    for (card_id, mut reviews) in by_card {
        reviews.sort_by_key(|r| r.time_ms);
        let state = walk(
            scheduler,
            CardId(card_id),
            &reviews,
            whole_days_between,
            |before, review, elapsed, _| {
                let (Some(memory), Some(last)) = (before.memory(), before.last_review()) else {
                    return;
                };
                if secs(review.time_ms) - last >= 86_400 {
                    let p = scheduler
                        .model()
                        .retrievability(elapsed as f32, memory.stability);
                    metrics.add(p, review.rating.is_recall());
                }
            },
        );
        cards.push(CardMemory {
            card_id,
            reviews: reviews.len(),
            state,
        });
    }
    (cards, metrics)
}

/// Prints each card's memory state and due date, then the metrics.
pub fn execute(common: &CommonArgs, args: &MemoryArgs) -> Result<()> {
    let settings = Settings::resolve(common)?;
    let rows = josh_csv::read(&args.file)?;
    let mut config = *settings.scheduler.config();
    if args.no_fuzz {
        config.fuzz = false;
    }
    if let Some(list) = &args.parameters {
        let values = list
            .split(',')
            .map(|w| w.trim().parse::<f32>())
            .collect::<std::result::Result<Vec<f32>, _>>()
            .map_err(|e| CliError::input(format!("--parameters: {e} in {list:?}")))?;
        config.parameters = carnet_engine::Parameters::new(&values)
            .map_err(|e| CliError::input(format!("--parameters: {e}")))?;
    }
    if args.optimized {
        config.parameters = crate::commands::optimize::train_on_rows(&rows, &config)?;
    }
    let scheduler = Scheduler::new(config).map_err(|e| CliError::input(e.to_string()))?;
    let (cards, metrics) = replay(&rows, &scheduler);
    let now = settings.clock.now_secs();
    let io = CliError::stdout;
    let mut out = std::io::stdout().lock();
    if !args.json {
        writeln!(
            out,
            "{:>15} {:>7} {:>10} {:>10} {:>6}  due",
            "card_id", "reviews", "stability", "difficulty", "R now"
        )
        .map_err(io)?;
    }
    for c in &cards {
        let memory = c.state.memory().unwrap_or(carnet_engine::MemoryState {
            stability: 0.0,
            difficulty: 0.0,
        });
        let elapsed = c
            .state
            .last_review()
            .map_or(0.0, |l| (now - l).max(0) as f32 / 86_400.0);
        let r = scheduler.retrievability(&c.state, elapsed).unwrap_or(0.0);
        let due = c.state.due().map(iso_utc).unwrap_or_default();
        if args.json {
            let obj = serde_json::json!({
                "card_id": c.card_id,
                "stability": memory.stability,
                "difficulty": memory.difficulty,
                "retrievability": r,
                "due": due,
                "reviews": c.reviews,
            });
            writeln!(out, "{obj}").map_err(io)?;
        } else {
            writeln!(
                out,
                "{:>15} {:>7} {:>10.3} {:>10.3} {:>6.3}  {due}",
                c.card_id, c.reviews, memory.stability, memory.difficulty, r
            )
            .map_err(io)?;
        }
    }
    let m = crate::messages::text();
    let scores = if metrics.count() == 0 {
        m.memory_no_predictions.to_string()
    } else {
        crate::messages::fill(
            m.memory_scores,
            &[
                &metrics.count(),
                &format!("{:.4}", metrics.log_loss()),
                &format!("{:.4}", metrics.rmse_bins()),
                &format!("{:.4}", metrics.recall_rate()),
            ],
        )
    };
    let summary = format!(
        "{}\n{scores}",
        crate::messages::fill(
            m.memory_heading,
            &[
                &m.count(rows.len() as u64, m.reviews, &[]),
                &m.count(cards.len() as u64, m.cards, &[]),
                &args.file.display(),
            ]
        )
    );
    if args.json {
        eprintln!("{summary}");
    } else {
        writeln!(out, "{summary}").map_err(io)?;
    }
    Ok(())
}
