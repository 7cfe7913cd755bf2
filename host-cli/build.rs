//! Embeds the bundled deck when the deck generator has written it.
//!
//! `cards/decks/bundled.deck` is produced by the `carnet-cards` crate from `cards/corpus/`.
//! Until it exists, `carnet` builds without a bundled deck and says so when asked to study
//! it, rather than failing to compile the whole workspace.

fn main() {
    let deck = std::path::Path::new("../cards/decks/bundled.deck");
    println!("cargo::rustc-check-cfg=cfg(carnet_bundled_deck)");
    println!("cargo::rerun-if-changed=../cards/decks");
    println!("cargo::rerun-if-changed=../cards/decks/bundled.deck");
    if deck.is_file() {
        println!("cargo::rustc-cfg=carnet_bundled_deck");
    } else {
        println!(
            "cargo::warning=cards/decks/bundled.deck is missing: `carnet` is built without its bundled deck"
        );
    }
}
