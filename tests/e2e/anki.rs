//! Anki exchange: `export --anki`, `import`, and the round trip through Anki's real backend.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::support::*;

#[test]
fn export_has_the_anki_headers_and_import_rebuilds_the_same_deck() {
    let home = TempDir::new("anki-text");
    let deck = home.join("t.deck");
    std::fs::write(&deck, fixture_deck_situated("Test", 12)).unwrap();
    let export = home.join("test.txt");
    carnet(&home)
        .args(["export", "--anki"])
        .args([&export])
        .args(["--deck"])
        .args([&deck])
        .run()
        .ok();
    let text = std::fs::read_to_string(&export).unwrap();
    let head: Vec<&str> = text.lines().take(7).collect();
    assert_eq!(
        head,
        [
            "#separator:tab",
            "#html:false",
            "#notetype:Basic",
            "#deck:Test",
            "#columns:guid\tFront\tBack\ttags\tSource\tOrigin\tWrong\tSituation",
            "#guid column:1",
            "#tags column:4"
        ]
    );
    // Twelve notes, six of them with a situation line opening their front.
    assert_eq!(text.lines().count(), 7 + 12 + 6);
    let rebuilt = home.join("rebuilt.deck");
    carnet(&home)
        .args(["import"])
        .args([&export])
        .args(["-o"])
        .args([&rebuilt])
        .run()
        .ok();
    let cards = |d: &Path| {
        carnet(&home)
            .args(["cards", "--json", "--deck"])
            .args([d])
            .run()
            .ok()
    };
    assert_eq!(cards(&deck), cards(&rebuilt));
}

/// The venv's Python with Anki's backend, or `None` (the test skips; never under `CI=true`).
pub(crate) fn python() -> Option<PathBuf> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..");
    let python = std::env::var_os("CARNET_PYTHON")
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join(".venv/bin/python"));
    let ok = Command::new(&python)
        .args(["-c", "import anki.collection"])
        .output()
        .map(|o| o.status.success())
        .unwrap_or(false);
    let missing = format!("{} cannot import anki", python.display());
    tool_available(ok, &missing, "the Anki round trip did not run").then_some(python)
}

#[test]
fn anki_imports_the_export_and_updates_on_a_second_import() {
    let Some(python) = python() else { return };
    let home = TempDir::new("anki-backend");
    let deck = home.join("t.deck");
    std::fs::write(&deck, fixture_deck_situated("Test", 24)).unwrap();
    let first = home.join("first.txt");
    carnet(&home)
        .args(["export", "--anki"])
        .args([&first])
        .args(["--deck"])
        .args([&deck])
        .run()
        .ok();
    // A newer export: the same notes, one answer corrected (same GUID).
    let text = std::fs::read_to_string(&first).unwrap();
    let second_text = text.replacen("\tChahoumian\t", "\tStepan Chahoumian\t", 1);
    assert_ne!(text, second_text);
    let second = home.join("second.txt");
    std::fs::write(&second, &second_text).unwrap();
    let script = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/anki/roundtrip.py");
    let out = Command::new(&python)
        .arg(&script)
        .arg(home.join("collection.anki2"))
        .arg(&first)
        .arg(&second)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let cards = cards_json(&home, &deck);
    assert_eq!(report["after_first"]["count"], cards.len());
    assert_eq!(
        report["after_second"]["count"],
        cards.len(),
        "the second import must update, not duplicate"
    );
    let first_notes = report["after_first"]["notes"].as_object().unwrap();
    for c in &cards {
        let note = &first_notes[c["id"].as_str().unwrap()];
        // The situation line opens the front, a line of its own (Anki's `<br>`).
        let question = c["question"].as_str().unwrap();
        let front = match c["situation"].as_str().unwrap_or("") {
            "" => question.to_string(),
            situation => format!("{situation}<br>{question}"),
        };
        assert_eq!(note["front"], front.as_str());
        assert_eq!(note["back"], c["answer"]);
        assert_eq!(note["deck"], "Test");
        assert!(note["tags"]
            .as_array()
            .unwrap()
            .iter()
            .any(|t| t == "carnet"));
    }
    let updated = report["after_second"]["notes"].as_object().unwrap();
    let id = cards.iter().find(|c| c["answer"] == "Chahoumian").unwrap()["id"]
        .as_str()
        .unwrap();
    assert_eq!(updated[id]["back"], "Stepan Chahoumian");
}
