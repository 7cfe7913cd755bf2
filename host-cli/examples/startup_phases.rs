//! Times each phase of a study session's start on a deck and its log (for profiling):
//! `cargo run --release -p carnet --example startup_phases -- DECK LOG`. The session starts
//! twice: the first start may replay the whole log (and write its snapshot), the second
//! starts from the snapshot.
use std::time::Instant;

use carnet::clock::Clock;
use carnet::deck_file::{DeckFile, DeckSource};
use carnet::session::{Session, SessionRules};
use carnet_engine::{DayClock, QueueLimits, Scheduler};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let t = Instant::now();
    let file = DeckFile::load(&DeckSource::File(args[1].clone().into())).unwrap();
    println!("deck read {:?}", t.elapsed());
    let t = Instant::now();
    let raw = carnet_engine::deck::Deck::from_bytes(file.bytes()).unwrap();
    println!("engine check alone {:?} ({} cards)", t.elapsed(), raw.len());
    let t = Instant::now();
    let deck = file.deck().unwrap();
    println!("deck check with the terminal-safety scan {:?}", t.elapsed());
    let log = std::path::Path::new(&args[2]);
    let rules = SessionRules {
        scheduler: Scheduler::default(),
        day_clock: DayClock::default(),
        limits: QueueLimits::default(),
        clock: Clock::starting_at(1_711_699_200_000),
    };
    for start in ["first", "second"] {
        let t = Instant::now();
        let mut session = Session::start(&deck, log, rules).unwrap();
        let shown = session.card_to_show().map(|s| s.index);
        println!(
            "{start} session start, deck checked, {:?} ({shown:?})",
            t.elapsed()
        );
    }
    let t = Instant::now();
    let file = DeckFile::load(&DeckSource::File(args[1].clone().into())).unwrap();
    let (deck, store, history) =
        carnet::commands::study::open(&file, log.parent().unwrap(), &rules).unwrap();
    let mut session = Session::with_history(&deck, store, history, rules);
    let shown = session.card_to_show().map(|s| s.index);
    println!(
        "as carnet study: deck read, and checked beside the log, {:?} ({shown:?})",
        t.elapsed()
    );
}
