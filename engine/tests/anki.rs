//! The engine against Anki's own backend (PyPI `anki`), regenerated live at every run.
//!
//! Anki counts elapsed days by its day rollover (04:00 local; UTC here), not by 24-hour
//! periods as py-fsrs does: carnet's `DayClock` does the same, and this test proves it.

mod support;

use std::collections::HashMap;

use carnet_engine::{DayClock, MemoryState, Scheduler};
use support::{josh_path, josh_reviews, reference_python, run_json};

#[test]
fn josh_cards_match_anki_memory_states() {
    let Some(python) = reference_python("anki") else {
        return;
    };
    let script = support::repo_root().join("engine/tests/oracle/anki_oracle.py");
    let json = run_json(
        &python,
        &[
            &script.display().to_string(),
            &josh_path().display().to_string(),
            "300",
        ],
    );
    let clock = DayClock {
        utc_offset_secs: 0,
        start_hour: json["rollover_hour"].as_u64().unwrap() as u8,
    };
    let model = *Scheduler::default().model();
    let mut cards: HashMap<u64, (MemoryState, i64)> = HashMap::new();
    for r in josh_reviews() {
        let secs = r.time_ms.div_euclid(1000);
        let next = match cards.get(&r.card) {
            None => model.initial(r.rating),
            Some(&(m, last)) => model.next(m, clock.elapsed_days(last, secs), r.rating),
        };
        cards.insert(r.card, (next, secs));
    }
    let expected = json["cards"].as_object().unwrap();
    assert_eq!(expected.len(), 300);
    let mut worst = 0.0f64;
    for (id, anki) in expected {
        let (ours, _) = cards[&id.parse::<u64>().unwrap()];
        let s = anki["stability"].as_f64().unwrap();
        let d = anki["difficulty"].as_f64().unwrap();
        let gap = ((ours.stability as f64 - s) / s)
            .abs()
            .max(((ours.difficulty as f64 - d) / d).abs());
        worst = worst.max(gap);
        assert!(gap <= 1e-3, "card {id}: carnet {ours:?}, Anki S {s} D {d}");
    }
    eprintln!("matched Anki's backend on 300 josh cards; worst relative S/D gap {worst:.2e}");
}
