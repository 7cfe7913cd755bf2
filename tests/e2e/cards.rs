//! `carnet cards`: listing, searching, showing, JSON.

use crate::support::*;

#[test]
fn lists_searches_and_shows_cards() {
    let home = TempDir::new("cards");
    let deck = write_deck(&home, "t.deck", "Test", 12);
    let list = carnet(&home)
        .args(["cards", "--deck"])
        .args([&deck])
        .run()
        .ok();
    assert!(list.ends_with("12 cards in Test\n"), "{list}");
    let found = carnet(&home)
        .args(["cards", "--search", "KERENSKI", "--deck"])
        .args([&deck])
        .run()
        .ok();
    assert!(
        found.contains("Kérenski") && found.ends_with("1 card matching of 12 in Test\n"),
        "{found}"
    );
    let cards = cards_json(&home, &deck);
    assert_eq!(cards.len(), 12);
    let c = &cards[0];
    for key in ["id", "kind", "question", "answer", "choices", "source"] {
        assert!(!c[key].is_null(), "{key} in {c}");
    }
    assert_eq!(c["source"]["document"], "bakou.txt");
    assert_eq!(c["source"]["line"], 1);
    assert_eq!(c["choices"][0], c["answer"]);
    let id = c["id"].as_str().unwrap();
    let shown = carnet(&home)
        .args(["cards", "--show", &id[..8], "--deck"])
        .args([&deck])
        .run()
        .ok();
    assert!(
        shown.contains(&format!("id:       {id}")) && shown.contains("state:    new, 0 reviews"),
        "{shown}"
    );
    let err = carnet(&home)
        .args(["cards", "--show", "zz", "--deck"])
        .args([&deck])
        .run()
        .input_error();
    assert!(err.contains("no card of"), "{err}");
}

#[test]
fn generates_a_deck_from_the_bundled_corpus() {
    let home = TempDir::new("generate");
    let corpus = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../cards/corpus");
    let deck = home.join("corpus.deck");
    let out = carnet(&home)
        .args(["generate"])
        .args([&corpus])
        .args(["-o"])
        .args([&deck])
        .run()
        .ok();
    assert!(
        out.starts_with("generated ") && out.contains(" cards from 4 documents into "),
        "{out}"
    );
    let cards = cards_json(&home, &deck);
    assert!(cards.len() >= 10, "{} cards", cards.len());
    assert!(cards
        .iter()
        .all(|c| !c["question"].as_str().unwrap().is_empty()
            && !c["answer"].as_str().unwrap().is_empty()));
    // The deck is named after the output file; its log is keyed by its identity.
    carnet(&home)
        .args(["--deck"])
        .args([&deck])
        .stdin("3\nq\n")
        .run()
        .ok();
    let id = carnet_engine::deck::Deck::from_bytes(&std::fs::read(&deck).unwrap())
        .unwrap()
        .deck_id();
    assert!(home.join("data").join(format!("{id}.revlog")).exists());

    std::fs::create_dir_all(home.join("empty")).unwrap();
    let err = carnet(&home)
        .args(["generate"])
        .args([home.join("empty")])
        .args(["-o"])
        .args([home.join("x.deck")])
        .run()
        .input_error();
    assert!(err.contains("empty: the folder holds no document"), "{err}");
    std::fs::write(home.join("blob.txt"), [0u8, 159, 146, 150, 0, 1]).unwrap();
    let err = carnet(&home)
        .args(["generate"])
        .args([home.join("blob.txt")])
        .args(["-o"])
        .args([home.join("x.deck")])
        .run()
        .input_error();
    assert!(err.contains("blob.txt: binary data at byte 0"), "{err}");
    assert!(!home.join("x.deck").exists());
}

/// A card suspended during study can be found and brought back; the browse view shows each
/// card's state, filtered and sorted.
#[test]
fn suspended_cards_can_be_listed_and_brought_back() {
    let home = TempDir::new("unsuspend");
    let deck = write_deck(&home, "t.deck", "Test", 6);
    let out = carnet(&home)
        .args(["--deck"])
        .args([&deck])
        .stdin("s\n3\nq\n")
        .run()
        .ok();
    let suspended_id = out
        .lines()
        .find_map(|l| {
            l.strip_prefix("card ")
                .map(|r| r.split(' ').next().unwrap().to_string())
        })
        .unwrap();
    let listed = carnet(&home)
        .args(["cards", "--suspended", "--deck"])
        .args([&deck])
        .run()
        .ok();
    assert!(listed.contains(&suspended_id), "{listed}");
    assert!(listed.contains("1 of 6 cards"), "{listed}");
    let browse = carnet(&home)
        .args(["cards", "--state", "learning", "--sort", "due", "--deck"])
        .args([&deck])
        .run()
        .ok();
    assert!(
        browse.contains("learning") && browse.contains("1 of 6 cards"),
        "{browse}"
    );
    let back = carnet(&home)
        .args(["unsuspend", &suspended_id[..8], "--deck"])
        .args([&deck])
        .run()
        .ok();
    assert!(
        back.contains(&format!("unsuspended {suspended_id}")),
        "{back}"
    );
    let listed = carnet(&home)
        .args(["cards", "--suspended", "--deck"])
        .args([&deck])
        .run()
        .ok();
    assert!(listed.contains("0 of 6 cards"), "{listed}");
    let again = carnet(&home)
        .args(["suspend", &suspended_id, "--deck"])
        .args([&deck])
        .run()
        .ok();
    assert!(again.contains("suspended"), "{again}");
    let err = carnet(&home)
        .args(["unsuspend", "zz", "--deck"])
        .args([&deck])
        .run()
        .input_error();
    assert!(err.contains("not a card id"), "{err}");
}
