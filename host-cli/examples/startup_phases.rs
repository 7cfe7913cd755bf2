//! Times each phase of a study session's start on a deck and its log (for profiling):
//! `cargo run --release -p carnet --example startup_phases -- DECK LOG`.
use std::time::Instant;

use carnet::clock::Clock;
use carnet::deck_file::{DeckFile, DeckSource};
use carnet::history::History;
use carnet::session::{Session, SessionRules};
use carnet::store::ReviewStore;
use carnet_engine::{DayClock, QueueLimits, Scheduler};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let t = Instant::now();
    let file = DeckFile::load(&DeckSource::File(args[1].clone().into())).unwrap();
    println!("load+sanitize check {:?}", t.elapsed());
    let t = Instant::now();
    let raw = carnet_engine::deck::Deck::from_bytes(file.bytes()).unwrap();
    println!("engine check alone {:?} ({} cards)", t.elapsed(), raw.len());
    let t = Instant::now();
    let n: usize = raw.cards().map(|c| c.prompt.len() + c.context.len()).sum();
    println!(
        "decoding every card again {:?} ({n} bytes of text)",
        t.elapsed()
    );
    let t = Instant::now();
    let deck = file.deck().unwrap();
    println!("deck check with the terminal-safety scan {:?}", t.elapsed());
    let t = Instant::now();
    let (store, scan) = ReviewStore::open(std::path::Path::new(&args[2])).unwrap();
    println!(
        "log open+scan {:?} ({} records)",
        t.elapsed(),
        scan.entries.len()
    );
    let t = Instant::now();
    let h = History::from_entries(&scan.entries);
    println!("history {:?}", t.elapsed());
    let t = Instant::now();
    let ids: Vec<_> = (0..deck.len()).map(|i| deck.id(i).unwrap()).collect();
    let st = h.states(
        ids.iter().copied(),
        &Scheduler::default(),
        &DayClock::default(),
    );
    println!("states {:?} ({})", t.elapsed(), st.len());
    drop(h);
    let t = Instant::now();
    let rules = SessionRules {
        scheduler: Scheduler::default(),
        day_clock: DayClock::default(),
        limits: QueueLimits::default(),
        clock: Clock::starting_at(1_711_699_200_000),
    };
    let mut session = Session::new(&deck, store, &scan, rules);
    let _ = session.card_to_show();
    println!("session new + first card {:?}", t.elapsed());
}
