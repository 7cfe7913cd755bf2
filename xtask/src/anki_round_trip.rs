//! Anki → carnet → handheld → carnet → Anki, in QEMU: Anki's own backend builds a collection
//! with months of FSRS history (`tests/anki/collection_io.py build`), `carnet import` makes a
//! deck of its package, `carnet sync` puts it on a fresh card image, the firmware boots on it
//! and three cards are revealed and graded by button presses, `carnet sync` brings the
//! reviews back, `carnet export --apkg` writes a package, and Anki imports it into a new
//! collection, then imports it a second time: each of the handheld's reviews must be in
//! Anki's revlog exactly once (same time, same grade), and the second import adds nothing.
//! Then `carnet export --into` writes the reviews into the original collection (the one the
//! package came from, which Anki's importer gives no new review to), twice: each of the
//! handheld's reviews must be in its revlog exactly once.
//!
//! Anki's backend comes from the tests' venv (`.venv/bin/python`, or `CARNET_PYTHON`); when
//! it is missing the check is skipped with a message, except under `CI=true` where it fails.

use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::Duration;

use crate::error::{Context as _, Error, Result};
use crate::firmware_test::Checks;
use crate::handheld_test::{boot_until_ready, count, rating_of, reported_reviews};
use crate::qemu::Input;
use crate::sd_image;
use crate::workspace::Workspace;

/// The grades pressed: Bien, Encore, Facile.
const GRADES: [Input; 3] = [Input::Up, Input::Left, Input::Right];

fn python(ws: &Workspace) -> Option<PathBuf> {
    let python = std::env::var_os("CARNET_PYTHON")
        .map(PathBuf::from)
        .unwrap_or_else(|| ws.root().join(".venv/bin/python"));
    let ok = Command::new(&python)
        .args(["-c", "import anki.collection"])
        .output()
        .is_ok_and(|o| o.status.success());
    ok.then_some(python)
}

fn text(o: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

/// Runs the round trip; its checks go to `checks`.
pub fn run(ws: &Workspace, checks: &mut Checks, elf: &Path, scratch: &Path) -> Result<()> {
    println!("handheld: Anki → carnet → handheld → carnet → Anki");
    let Some(python) = python(ws) else {
        let ci = std::env::var("CI").is_ok_and(|v| v == "true");
        checks.expect(
            "Anki's backend for the Anki round trip (run scripts/setup-test-env)",
            !ci,
            || "CI=true but the venv's Python cannot import anki".to_string(),
        );
        println!(
            "      SKIPPED: .venv/bin/python cannot import anki (run scripts/setup-test-env); \
             the Anki round trip did not run"
        );
        return Ok(());
    };
    let dir = scratch.join("anki-round-trip");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir)?;
    let script = ws.root().join("tests/anki/collection_io.py");
    let built = Command::new(&python)
        .arg(&script)
        .arg("build")
        .arg(dir.join("anki"))
        .env("TZ", "UTC")
        .output()
        .context("running collection_io.py build")?;
    if !built.status.success() {
        return Err(Error::new(format!(
            "collection_io.py build: {}",
            text(&built)
        )));
    }
    let report: serde_json::Value = serde_json::from_slice(&built.stdout)
        .map_err(|e| Error::new(format!("collection_io.py build's report: {e}")))?;
    let anki_built = report["cards"].as_array().map_or(0, Vec::len);

    let status = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
        .args(["build", "-q", "-p", "carnet"])
        .current_dir(ws.root())
        .status()
        .context("building carnet")?;
    if !status.success() {
        return Err(Error::new("cargo build -p carnet failed"));
    }
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| ws.root().join("target"));
    let carnet_exe = target.join("debug").join("carnet");
    let home = dir.join("terminal");
    std::fs::create_dir_all(home.join("config"))?;
    let carnet = |args: &[&OsStr]| -> Result<Output> {
        Command::new(&carnet_exe)
            .args(args)
            .env("CARNET_DATA_DIR", home.join("data"))
            .env("XDG_CONFIG_HOME", home.join("config"))
            .env("TZ", "UTC")
            .env_remove("CARNET_CONFIG")
            .env_remove("CARNET_NOW")
            .env_remove("CARNET_LANG")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env("LANG", "en_US.UTF-8")
            .env("NO_COLOR", "1")
            .output()
            .context(format!("running {}", carnet_exe.display()))
    };
    let package = dir.join("anki").join("deck.apkg");
    let deck = dir.join("anki.deck");
    let imported = carnet(&[
        OsStr::new("import"),
        package.as_os_str(),
        OsStr::new("-o"),
        deck.as_os_str(),
    ])?;
    checks.expect(
        "carnet import reads the package Anki exported",
        imported.status.success(),
        || text(&imported),
    );
    if !imported.status.success() {
        return Ok(());
    }
    // « imported N cards into … »
    let carnet_cards: u64 = String::from_utf8_lossy(&imported.stdout)
        .split_whitespace()
        .nth(1)
        .and_then(|n| n.parse().ok())
        .unwrap_or(0);
    let sd = dir.join("anki.img");
    sd_image::create(&sd, &[])?;
    let sync = [
        OsStr::new("sync"),
        sd.as_os_str(),
        OsStr::new("--deck"),
        deck.as_os_str(),
    ];
    let first = carnet(&sync)?;
    checks.expect(
        "carnet sync puts the imported deck and its Anki history on the card",
        first.status.success(),
        || text(&first),
    );

    let (mut hh, _) = boot_until_ready(elf, &dir.join("hh"), &sd, Duration::from_secs(10))?;
    hh.wait_for_still(Duration::from_millis(200), Duration::from_secs(10))?;
    hh.press_and_wait_for_change(Input::Select, Duration::from_secs(5))?;
    hh.wait_for_output("first carnet-show line", Duration::from_secs(5), |o| {
        count(o, "carnet-show") > 0
    })?;
    hh.wait_for_still(Duration::from_millis(100), Duration::from_secs(5))?;
    for (k, grade) in GRADES.iter().enumerate() {
        hh.press_and_wait_for_change(Input::Select, Duration::from_secs(5))
            .context(format!("revealing card {}", k + 1))?;
        hh.press_nowait(*grade)?;
        hh.wait_for_output("the review's report", Duration::from_secs(5), |o| {
            count(o, "carnet-review") > k
        })?;
        std::thread::sleep(crate::qemu::KEY_HOLD + Duration::from_millis(40));
        hh.wait_for_still(Duration::from_millis(60), Duration::from_secs(5))?;
    }
    // End the session, back home, « Éteindre ».
    let status = crate::handheld_test::power_off_from_session(&mut hh)?;
    let out = hh.output();
    checks.expect(
        "the handheld studies the imported Anki deck and powers off",
        status.success(),
        || format!("{status}; output:\n{out}"),
    );
    let reviews = reported_reviews(&out);
    let pressed: Vec<u8> = GRADES.iter().map(|&g| rating_of(g)).collect();
    let graded: Vec<u8> = reviews.iter().map(|&(_, _, r)| r).collect();
    checks.expect(
        "the handheld acknowledged the three grades pressed",
        graded == pressed,
        || format!("reported {reviews:x?}"),
    );

    let back = carnet(&sync)?;
    checks.expect(
        "carnet sync merges exactly the handheld's three reviews",
        back.status.success() && text(&back).contains("merged 3 new records"),
        || text(&back),
    );
    let exported = dir.join("back.apkg");
    let export = carnet(&[
        OsStr::new("export"),
        OsStr::new("--deck"),
        deck.as_os_str(),
        OsStr::new("--apkg"),
        exported.as_os_str(),
    ])?;
    checks.expect(
        "carnet export --apkg writes the deck with its history",
        export.status.success(),
        || text(&export),
    );
    let into_anki = Command::new(&python)
        .arg(&script)
        .arg("import")
        .arg(dir.join("fresh.anki2"))
        .arg(&exported)
        .arg(&exported)
        .env("TZ", "UTC")
        .output()
        .context("running collection_io.py import")?;
    if !into_anki.status.success() {
        return Err(Error::new(format!(
            "collection_io.py import: {}",
            text(&into_anki)
        )));
    }
    let stages: serde_json::Value = serde_json::from_slice(&into_anki.stdout)
        .map_err(|e| Error::new(format!("collection_io.py import's report: {e}")))?;
    // Every revlog row Anki holds after each import: (id, ease).
    let rows = |stage: &serde_json::Value| -> Vec<(i64, u64)> {
        stage["by_card"]
            .as_object()
            .into_iter()
            .flat_map(|m| m.values())
            .flat_map(|c| c["revlog"].as_array().cloned().unwrap_or_default())
            .filter_map(|r| Some((r[0].as_i64()?, r[1].as_u64()?)))
            .collect()
    };
    let after_first = rows(&stages[0]);
    let after_second = rows(&stages[1]);
    let once: Vec<bool> = reviews
        .iter()
        .map(|&(_, time_ms, rating)| {
            after_first
                .iter()
                .filter(|&&(id, ease)| id == time_ms && ease == u64::from(rating))
                .count()
                == 1
        })
        .collect();
    checks.expect(
        "Anki's revlog holds each of the handheld's reviews exactly once (its time, its grade)",
        reviews.len() == 3 && once.iter().all(|&b| b),
        || format!("handheld {reviews:?}; found once: {once:?}"),
    );
    checks.expect(
        "Anki has the deck's cards, and a second import of the same package adds no revlog row",
        carnet_cards > 0
            && stages[0]["cards"].as_u64() == Some(carnet_cards)
            && stages[1]["cards"] == stages[0]["cards"]
            && after_second.len() == after_first.len()
            && stages[1]["revlog"] == stages[0]["revlog"],
        || {
            format!(
                "carnet imported {carnet_cards} cards; after the imports {} / {} cards, {} / {} revlog rows",
                stages[0]["cards"],
                stages[1]["cards"],
                stages[0]["revlog"],
                stages[1]["revlog"]
            )
        },
    );
    println!(
        "      Anki built {} cards, carnet imported {}; {} revlog rows in Anki after the round trip, the handheld's {} reviews once",
        anki_built,
        carnet_cards,
        stages[0]["revlog"],
        reviews.len()
    );
    into_the_original(ws, checks, &python, &dir, &deck, &reviews, &report, &carnet)
}

/// The handheld's reviews back into the collection the deck came from (Anki's package
/// importer adds none to the cards it holds): `carnet export --into` twice, then Anki's
/// backend opens the collection. Each review must be in its revlog exactly once.
#[allow(clippy::too_many_arguments)]
fn into_the_original(
    ws: &Workspace,
    checks: &mut Checks,
    python: &Path,
    dir: &Path,
    deck: &Path,
    reviews: &[(u64, i64, u8)],
    report: &serde_json::Value,
    carnet: &dyn Fn(&[&OsStr]) -> Result<Output>,
) -> Result<()> {
    let original = dir.join("anki").join("source.anki2");
    let into = [
        OsStr::new("export"),
        OsStr::new("--deck"),
        deck.as_os_str(),
        OsStr::new("--into"),
        original.as_os_str(),
    ];
    let first = carnet(&into)?;
    checks.expect(
        "carnet export --into writes the handheld's three reviews into the original collection",
        first.status.success() && text(&first).contains("reviews added: 3 · "),
        || text(&first),
    );
    let second = carnet(&into)?;
    checks.expect(
        "a second carnet export --into writes nothing",
        second.status.success() && text(&second).contains("nothing written"),
        || text(&second),
    );
    let state = Command::new(python)
        .arg(ws.root().join("tests/anki/collection_io.py"))
        .arg("state")
        .arg(&original)
        .env("TZ", "UTC")
        .output()
        .context("running collection_io.py state")?;
    if !state.status.success() {
        return Err(Error::new(format!(
            "collection_io.py state: {}",
            text(&state)
        )));
    }
    let state: serde_json::Value = serde_json::from_slice(&state.stdout)
        .map_err(|e| Error::new(format!("collection_io.py state's report: {e}")))?;
    // Every revlog row of the original collection: (id, ease).
    let rows: Vec<(i64, u64)> = state["cards"]
        .as_object()
        .into_iter()
        .flat_map(|m| m.values())
        .flat_map(|c| c["revlog"].as_array().cloned().unwrap_or_default())
        .filter_map(|r| Some((r[0].as_i64()?, r[1].as_u64()?)))
        .collect();
    let once: Vec<usize> = reviews
        .iter()
        .map(|&(_, time_ms, rating)| {
            rows.iter()
                .filter(|&&(id, ease)| id == time_ms && ease == u64::from(rating))
                .count()
        })
        .collect();
    let before = report["revlog"].as_u64().unwrap_or(0);
    checks.expect(
        "the original collection's revlog holds each of the handheld's reviews exactly once",
        reviews.len() == 3
            && once.iter().all(|&n| n == 1)
            && state["revlog"].as_u64() == Some(before + 3),
        || {
            format!(
                "handheld {reviews:?}; found {once:?}; revlog rows {before} before, {} after",
                state["revlog"]
            )
        },
    );
    println!(
        "      export --into the original collection: {} revlog rows before, {} after, the handheld's {} reviews once",
        before,
        state["revlog"],
        reviews.len()
    );
    Ok(())
}
