//! Compares carnet's recommended retention with fsrs-rs's `optimal_retention` on the same
//! parameters and simulator defaults (10,000 new cards, one year, 1,800 s a day).
//!
//! ```text
//! cargo run --release -p carnet-optimizer --example retention_vs_fsrs
//! ```
use carnet_engine::Parameters;
use carnet_optimizer::{recommend, sweep, SimulationConfig};

fn main() {
    let sets: Vec<(&str, [f32; 21])> = vec![
        ("defaults", carnet_engine::DEFAULT_PARAMETERS),
        (
            "josh",
            [
                0.2129, 1.1144, 3.5201, 9.3769, 7.2816, 0.0912, 2.8556, 0.0122, 1.3246, 0.0487,
                0.9929, 1.7870, 0.0360, 0.3592, 2.6618, 0.6424, 1.8729, 0.6768, 0.0187, 0.2198,
                0.6754,
            ],
        ),
        (
            "slow forgetting",
            [
                2.0, 5.0, 10.0, 30.0, 6.0, 0.5, 1.5, 0.01, 1.8, 0.1, 1.2, 1.5, 0.05, 0.3, 1.5, 0.3,
                2.5, 0.5, 0.3, 0.15, 0.2,
            ],
        ),
    ];
    for (name, w) in sets {
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
