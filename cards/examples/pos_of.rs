//! Prints, for developers, what the embedded lexicon says of each word given.
//!
//! ```text
//! cargo run -p carnet-cards --example pos_of -- WORD...
//! ```
fn main() {
    let lexicon = carnet_cards::lexicon::Lexicon::get();
    for word in std::env::args().skip(1) {
        for a in lexicon.lookup(&word) {
            println!(
                "{word}\t{}\t{}\t{:?}\t{:?}\t{:.1}\t{}",
                a.pos.cgram(),
                a.lemma,
                a.gender,
                a.number,
                a.freq,
                a.infover.unwrap_or("")
            );
        }
    }
}
