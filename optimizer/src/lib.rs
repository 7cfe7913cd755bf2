//! # carnet-optimizer
//!
//! Trains personal FSRS-6 parameters from a review history: the core of `carnet optimize`.
//! It follows fsrs-rs 6.6's `compute_parameters` (outlier filter, pretrained initial
//! stabilities, recency weights, Adam with a cosine learning-rate schedule, an L2 pull towards
//! the starting values, clipping, the small-data rules) on its own model: the engine's FSRS-6
//! formulas in `f64` with a hand-derived forward-mode gradient ([`optimize`]). It scores
//! parameter sets as fsrs-rs's `evaluate` does ([`evaluate`]) and on a time-series split
//! ([`evaluate_time_series`]).
//!
//! ```
//! use carnet_optimizer::{optimize, Dataset, DayRule, Fit, Row, TrainingConfig};
//!
//! let rows = [
//!     Row { card_id: 1, time_secs: 1_700_000_000, rating: 3 },
//!     Row { card_id: 1, time_secs: 1_700_300_000, rating: 3 },
//! ];
//! let dataset = Dataset::from_rows(&rows, DayRule::default()).unwrap();
//! let result = optimize(&dataset, &TrainingConfig::default());
//! assert_eq!(result.fit, Fit::Defaults); // one prediction is far too little
//! assert!(carnet_engine::Parameters::new(&result.parameters).is_ok());
//! ```
#![forbid(unsafe_code)]

mod adam;
mod clip;
mod dataset;
mod metrics;
mod model;
mod pretrain;
mod simulate;
mod split;
mod train;

pub use dataset::{Dataset, DatasetError, DayRule, Review, Row, Target};
pub use metrics::{evaluate, Evaluation};
pub use simulate::{
    recommend, retentions, simulate, sweep, Outcome, SimulationConfig, StudiedCard,
};
pub use split::{evaluate_time_series, SplitEvaluation, SPLITS};
pub use train::{optimize, optimize_prefix, Fit, Optimized, Progress, TrainingConfig};
