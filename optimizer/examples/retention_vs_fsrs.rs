//! Compares carnet's recommended retention with fsrs-rs's `optimal_retention` on the same
//! parameters and simulator defaults (10,000 new cards, one year, 1,800 s a day).
//!
//! ```text
//! cargo run --release -p carnet-optimizer --example retention_vs_fsrs
//! ```
#[path = "../tests/support/mod.rs"]
mod support;

use carnet_engine::Parameters;
use carnet_optimizer::{recommend, sweep, SimulationConfig};

fn main() {
    for (name, w) in support::RETENTION_SETS {
        let started = std::time::Instant::now();
        let outcomes = sweep(
            &Parameters::new(&w).unwrap(),
            &SimulationConfig::default(),
            &[],
        );
        let ours = recommend(&outcomes).unwrap().desired_retention;
        let ours_ms = started.elapsed().as_millis();
        let started = std::time::Instant::now();
        let theirs =
            fsrs::optimal_retention(&fsrs::SimulatorConfig::default(), &w, |_| true, None, None)
                .unwrap();
        println!(
            "{name}: carnet {ours:.2} ({ours_ms} ms), fsrs-rs {theirs:.3} ({} ms)",
            started.elapsed().as_millis()
        );
        for o in outcomes.iter().step_by(3) {
            let r = fsrs::simulate(
                &fsrs::SimulatorConfig::default(),
                &w,
                o.desired_retention,
                Some(42),
                None,
            )
            .unwrap();
            let mem: f32 = r.memorized_cnt_per_day.last().copied().unwrap_or(0.0);
            let cost: f32 = r.cost_per_day.iter().sum();
            println!(
                "  r={:.2} carnet work/mem {:.1} mem {:.0} | fsrs-rs work/mem {:.1} mem {:.0}",
                o.desired_retention,
                o.work_per_memorized,
                o.memorized,
                cost / mem,
                mem
            );
        }
    }
}
