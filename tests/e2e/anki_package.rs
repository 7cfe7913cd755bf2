//! Anki packages: `carnet import FILE.apkg|FILE.colpkg` against collections that Anki's own
//! backend builds and exports (tests/anki/collection_io.py), and against broken packages.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

use carnet_engine::CardId;

use crate::anki::python;
use crate::support::*;

/// After the last simulated review (they run from 2026-05-04 for 150 days, then intervals).
pub(crate) const NOW: &str = "2026-10-15T12:00:00Z";

pub(crate) fn script() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/anki/collection_io.py")
}

/// Builds the collection with Anki and exports it into `home/anki`: the report of
/// collection_io.py (cards with Anki's memory states).
pub(crate) fn build_with_anki(python: &Path, home: &TempDir) -> serde_json::Value {
    let out = Command::new(python)
        .arg(script())
        .arg("build")
        .arg(home.join("anki"))
        .env("TZ", "UTC")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

pub(crate) fn import(home: &TempDir, package: &Path, deck: &Path) -> Done {
    carnet(home)
        .env("CARNET_NOW", NOW)
        .args(["import"])
        .args([package])
        .args(["-o"])
        .args([deck])
        .run()
}

/// `carnet cards --browse --json`: each card with its replayed state.
pub(crate) fn browse(home: &TempDir, deck: &Path) -> Vec<serde_json::Value> {
    carnet(home)
        .env("CARNET_NOW", NOW)
        .args(["cards", "--browse", "--json", "--deck"])
        .args([deck])
        .run()
        .ok()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

pub(crate) fn carnet_id(anki_id: &serde_json::Value) -> String {
    let id = CardId::from_key(&format!("anki:card:{}", anki_id.as_i64().unwrap()));
    format!("{:016x}", id.0)
}

pub(crate) fn relative(a: f64, b: f64) -> f64 {
    (a - b).abs() / b.abs().max(1e-9)
}

/// How far fuzz may move an interval of `ivl` days (FSRS's ranges, as Anki and carnet use
/// them: 15 % of the part from 2.5 to 7 days, 10 % to 20 days, 5 % beyond, plus a day).
fn fuzz_delta(ivl: f64) -> f64 {
    let part = |start: f64, end: f64| (ivl.min(end) - start).max(0.0);
    1.0 + 0.15 * part(2.5, 7.0) + 0.1 * part(7.0, 20.0) + 0.05 * part(20.0, f64::MAX)
}

/// Days from the Anki day (rollover 4:00, UTC) of `from_ms` to that of the ISO time `to`.
fn anki_days(from_ms: i64, to: &str) -> i64 {
    let to_secs = chrono::DateTime::parse_from_rfc3339(to)
        .unwrap()
        .timestamp();
    let day = |secs: i64| (secs - 4 * 3600).div_euclid(86_400);
    day(to_secs) - day(from_ms.div_euclid(1000))
}

#[test]
fn packages_made_by_anki_import_with_the_memory_states_anki_computes() {
    let Some(python) = python() else { return };
    let home = TempDir::new("apkg-anki");
    let report = build_with_anki(&python, &home);
    let expected = report["cards"].as_array().unwrap();
    assert_eq!(expected.len(), 20);
    let mut worst = (0.0f64, 0.0f64);
    for package in ["deck.apkg", "deck-legacy.apkg", "deck.colpkg"] {
        let deck = home.join(&format!("{package}.deck"));
        let out = import(&home, &home.join("anki").join(package), &deck);
        let stdout = out.ok();
        assert!(
            stdout.starts_with("imported 20 cards into") && stdout.contains("(Histoire)"),
            "{stdout}"
        );
        let stderr = out.stderr();
        for notice in [
            "image references in the notes: 1,",
            "1 [sound:…] tag is left",
            "1 LaTeX expression ",
            "1 buried card ",
            "cards suspended as in Anki: 1,",
        ] {
            assert!(stderr.contains(notice), "{notice:?} missing in:\n{stderr}");
        }
        let cards = browse(&home, &deck);
        assert_eq!(cards.len(), expected.len(), "{package}");
        for e in expected {
            let id = carnet_id(&e["anki_id"]);
            let c = cards
                .iter()
                .find(|c| c["id"] == id.as_str())
                .unwrap_or_else(|| panic!("{package}: no card for Anki card {}", e["anki_id"]));
            assert_eq!(c["source"]["document"], e["deck"], "{package} {id}");
            let state = &c["state"];
            match (e["stability"].as_f64(), e["difficulty"].as_f64()) {
                (Some(s), Some(d)) => {
                    let (cs, cd) = (
                        state["stability"].as_f64().unwrap(),
                        state["difficulty"].as_f64().unwrap(),
                    );
                    let (rs, rd) = (relative(cs, s), relative(cd, d));
                    worst = (worst.0.max(rs), worst.1.max(rd));
                    assert!(
                        rs <= 1e-3 && rd <= 1e-3,
                        "{package}, Anki card {} ({}): carnet S={cs} D={cd}, Anki S={s} D={d}",
                        e["anki_id"],
                        e["special"]
                    );
                    // Due: the interval at retention 0.9 is the stability (FSRS-6), within
                    // the fuzz range both programs draw from (their seeds differ), from the
                    // last review.
                    let days = anki_days(
                        e["last_review_ms"].as_i64().unwrap(),
                        state["due"].as_str().unwrap(),
                    );
                    let ivl = s.round().max(1.0);
                    let fuzz = fuzz_delta(ivl);
                    let (lower, upper) = ((ivl - fuzz).round(), (ivl + fuzz).round());
                    assert!(
                        (lower..=upper).contains(&(days as f64)),
                        "{package}, Anki card {}: due {days} days after the last review, \
                         stability {s}",
                        e["anki_id"]
                    );
                }
                _ => assert_eq!(state["phase"], "new", "{package} {id}"),
            }
            assert_eq!(
                state["suspended"],
                e["special"] == "suspended",
                "{package} {id}"
            );
        }
        let text = |anki_ord: usize| {
            let e = &expected[anki_ord];
            let c = cards
                .iter()
                .find(|c| c["id"] == carnet_id(&e["anki_id"]).as_str())
                .unwrap();
            (
                c["kind"].as_str().unwrap().to_string(),
                c["question"].as_str().unwrap().to_string(),
                c["answer"].as_str().unwrap().to_string(),
            )
        };
        let q = |k: &str, q: &str, a: &str| (k.to_string(), q.to_string(), a.to_string());
        // Basic, HTML: tags dropped, entities decoded, a <br> ` / ` (cards are one line).
        assert_eq!(
            text(0),
            q("question", "Capitale de la Géorgie en 1918 ?", "Tiflis")
        );
        assert_eq!(
            text(2),
            q(
                "question",
                "Fin de la guerre civile russe",
                "1922 / (en Extrême-Orient)"
            )
        );
        assert_eq!(
            text(4),
            q(
                "question",
                "Hymne de la révolution [sound:hymne.mp3]",
                "La Marseillaise & l'Internationale"
            )
        );
        // Basic (and reversed card): two cards.
        assert_eq!(
            text(8),
            q("question", "Petrograd", "Saint-Pétersbourg (1914–1924)")
        );
        assert_eq!(
            text(9),
            q("question", "Saint-Pétersbourg (1914–1924)", "Petrograd")
        );
        assert_eq!(text(10), q("question", "<Soviet>", "conseil"));
        // Cloze: one card a number, a hint shown in the gap, two gaps of one number.
        assert_eq!(
            text(14),
            q("cloze", "[...] revient en Russie en avril 1917.", "Lénine")
        );
        assert_eq!(
            text(15),
            q("cloze", "Lénine revient en Russie en [...].", "avril 1917")
        );
        assert_eq!(
            text(17),
            q(
                "cloze",
                "La Douma est dissoute par [un tsar].",
                "Nicolas II"
            )
        );
        assert_eq!(
            text(18),
            q(
                "cloze",
                "La République démocratique de [...] naît le [...].",
                "Géorgie, 26 mai 1918"
            )
        );
    }
    eprintln!(
        "largest relative difference to Anki: stability {:.2e}, difficulty {:.2e}",
        worst.0, worst.1
    );
}

#[test]
fn a_second_import_of_the_same_collection_adds_nothing() {
    let Some(python) = python() else { return };
    let home = TempDir::new("apkg-again");
    build_with_anki(&python, &home);
    let deck = home.join("h.deck");
    let first = import(&home, &home.join("anki/deck.apkg"), &deck).ok();
    let reviews = reviews_in_store(&home, &deck);
    assert!(first.contains(&format!(
        "reviews new in the log: {reviews} (already there: 0)"
    )));
    let before = browse(&home, &deck);
    // The whole collection (.colpkg) of the same cards: the same cards, no new record.
    let second = import(&home, &home.join("anki/deck.colpkg"), &deck).ok();
    assert!(
        second.contains(&format!(
            "reviews new in the log: 0 (already there: {reviews})"
        )),
        "{second}"
    );
    assert_eq!(reviews_in_store(&home, &deck), reviews);
    assert_eq!(browse(&home, &deck), before);
}

// ---- bad input: a clear message naming the file, exit 2, nothing written ----

/// Imports `package` and checks the refusal: exit 2, the message names the file and holds
/// `what`, and neither the deck nor a review log was written.
fn refused(home: &TempDir, package: &Path, what: &str) {
    let deck = home.join("out.deck");
    let err = carnet(home)
        .args(["import"])
        .args([package])
        .args(["-o"])
        .args([&deck])
        .run()
        .input_error();
    assert!(
        err.contains(&package.display().to_string()) && err.contains(what),
        "{what:?} not in:\n{err}"
    );
    assert!(!deck.exists(), "a deck was written");
    let logs = std::fs::read_dir(home.join("data"))
        .map(|d| d.count())
        .unwrap_or(0);
    assert_eq!(logs, 0, "the store changed");
}

fn zip_of(path: &Path, files: &[(&str, &[u8])]) {
    let mut zip = zip::ZipWriter::new(std::fs::File::create(path).unwrap());
    for (name, bytes) in files {
        zip.start_file(*name, zip::write::SimpleFileOptions::default())
            .unwrap();
        zip.write_all(bytes).unwrap();
    }
    zip.finish().unwrap();
}

/// Six weeks after the histories Anki builds.
pub(crate) const SIX_WEEKS_LATER: &str = "2026-11-26T12:00:00Z";

/// Ten cards of `deck` studied on carnet [`SIX_WEEKS_LATER`], each graded Good; the line
/// mode's output.
fn ten_reviews(home: &TempDir, deck: &Path) -> String {
    let session = format!("{}q\n", "show\n3\n".repeat(10));
    carnet(home)
        .env("CARNET_NOW", SIX_WEEKS_LATER)
        .args(["study", "--plain", "--deck"])
        .args([deck])
        .stdin(&session)
        .run()
        .ok()
}

/// A schema-11 collection (as `collection.anki21`) with one Basic note type whose question
/// template is `qfmt`, and `cards` notes each with one card.
fn legacy_collection(path: &Path, version: i64, qfmt: &str, cards: usize) -> Vec<u8> {
    let db = rusqlite::Connection::open(path).unwrap();
    db.execute_batch(include_str!("../anki/schema11.sql"))
        .unwrap();
    let models = serde_json::json!({
        "1700000000000": {
            "name": "Basic", "type": 0,
            "flds": [{"name": "Front"}, {"name": "Back"}],
            "tmpls": [{"name": "Card 1", "qfmt": qfmt, "afmt": "{{FrontSide}}<hr id=answer>{{Back}}"}]
        }
    });
    let decks = serde_json::json!({"1": {"name": "Default"}});
    db.execute(
        "insert into col values (1, 0, 0, 0, ?1, 0, 0, 0, '{}', ?2, ?3, '{}', '{}')",
        rusqlite::params![version, models.to_string(), decks.to_string()],
    )
    .unwrap();
    for i in 0..cards as i64 {
        db.execute(
            "insert into notes values (?1, ?2, 1700000000000, 0, 0, '', ?3, '', 0, 0, '')",
            rusqlite::params![1000 + i, format!("g{i}"), format!("front {i}\x1fback {i}")],
        )
        .unwrap();
        db.execute(
            "insert into cards values (?1, ?2, 1, 0, 0, 0, 0, 0, ?1, 0, 0, 0, 0, 0, 0, 0, 0, '')",
            rusqlite::params![5000 + i, 1000 + i],
        )
        .unwrap();
    }
    drop(db);
    std::fs::read(path).unwrap()
}

#[test]
fn a_file_that_is_not_a_zip_is_refused() {
    let home = TempDir::new("apkg-not-zip");
    let p = home.join("notes.apkg");
    std::fs::write(&p, "front\tback\n").unwrap();
    refused(&home, &p, "not an Anki package");
}

#[test]
fn a_zip_without_a_collection_is_refused() {
    let home = TempDir::new("apkg-no-collection");
    let p = home.join("photos.apkg");
    zip_of(&p, &[("0", b"\x89PNG"), ("media", b"{}")]);
    refused(&home, &p, "holds no Anki collection");
}

#[test]
fn a_corrupt_sqlite_file_is_refused() {
    let home = TempDir::new("apkg-corrupt");
    let good = legacy_collection(&home.join("c.sqlite"), 11, "{{Front}}", 3);
    // Not SQLite at all, then SQLite with its pages overwritten.
    let p = home.join("garbage.apkg");
    zip_of(
        &p,
        &[("collection.anki21", b"this is not a database, just text")],
    );
    refused(&home, &p, "not a readable Anki collection");
    let mut damaged = good.clone();
    for b in damaged.iter_mut().skip(100).take(good.len() - 200) {
        *b = 0x5a;
    }
    let p = home.join("damaged.apkg");
    zip_of(&p, &[("collection.anki21", &damaged)]);
    refused(&home, &p, "not a readable Anki collection");
    // A zstd collection that is not zstd.
    let p = home.join("zstd.apkg");
    zip_of(&p, &[("collection.anki21b", &good)]);
    refused(&home, &p, "cannot be unpacked");
}

#[test]
fn an_unknown_schema_version_is_refused() {
    let home = TempDir::new("apkg-schema");
    let bytes = legacy_collection(&home.join("c.sqlite"), 99, "{{Front}}", 3);
    let p = home.join("future.apkg");
    zip_of(&p, &[("collection.anki21", &bytes)]);
    refused(
        &home,
        &p,
        "collection schema version 99, carnet reads versions 11 to 18",
    );
}

#[test]
fn a_note_type_with_no_usable_template_is_refused() {
    let home = TempDir::new("apkg-template");
    let bytes = legacy_collection(&home.join("c.sqlite"), 11, "Nothing here", 3);
    let p = home.join("blank.apkg");
    zip_of(&p, &[("collection.anki21", &bytes)]);
    refused(&home, &p, "no usable template");
}

#[test]
fn a_collection_of_no_cards_is_refused() {
    let home = TempDir::new("apkg-empty");
    let bytes = legacy_collection(&home.join("c.sqlite"), 11, "{{Front}}", 0);
    let p = home.join("empty.colpkg");
    zip_of(&p, &[("collection.anki2", &bytes)]);
    refused(&home, &p, "holds no card to import");
}

/// An import of more than a thousand reviews leaves the log's start-up snapshot beside it
/// (so the first session does not replay them all), and the snapshot agrees with the log:
/// the cards' states are the same with it and without it.
#[test]
fn a_large_history_is_imported_with_its_start_up_snapshot() {
    let home = TempDir::new("apkg-snapshot");
    let db_path = home.join("c.sqlite");
    legacy_collection(&db_path, 11, "{{Front}}", 60);
    {
        // 60 cards, 20 reviews each: three learning steps (Good), then reviews, a lapse
        // every seventh, from 2025-01-01 on.
        let db = rusqlite::Connection::open(&db_path).unwrap();
        db.execute_batch("pragma synchronous = off; begin").unwrap();
        let day = 86_400_000i64;
        for i in 0..60i64 {
            let mut t = 1_735_722_000_000 + i * 1000;
            let mut ivl = 1;
            for k in 0..20 {
                let (ease, kind) = match k {
                    0..=2 => (3, 0),
                    k if k % 7 == 0 => (1, 1),
                    _ => (3, 1),
                };
                db.execute(
                    "insert into revlog values (?1, ?2, 0, ?3, 1, 0, 2500, 4000, ?4)",
                    rusqlite::params![t, 5000 + i, ease, kind],
                )
                .unwrap();
                t += if k < 2 {
                    600_000
                } else {
                    ivl = if ease == 1 { 1 } else { (ivl * 2).min(20) };
                    ivl * day
                };
            }
        }
        db.execute_batch("commit").unwrap();
    }
    let p = home.join("history.apkg");
    zip_of(
        &p,
        &[("collection.anki21", &std::fs::read(&db_path).unwrap())],
    );
    let deck = home.join("h.deck");
    let out = import(&home, &p, &deck).ok();
    assert!(out.contains("reviews new in the log: 1200 "), "{out}");
    let states: Vec<PathBuf> = std::fs::read_dir(home.join("data"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "state"))
        .collect();
    assert_eq!(states.len(), 1, "no snapshot beside the log");
    let with = browse(&home, &deck);
    assert_eq!(with.len(), 60);
    std::fs::remove_file(&states[0]).unwrap();
    let without = browse(&home, &deck);
    assert_eq!(with, without);
}

/// Every file under `dir`, with its bytes.
fn files_under(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut out = Vec::new();
    if let Ok(entries) = std::fs::read_dir(dir) {
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                out.extend(files_under(&p));
            } else {
                out.push((p.clone(), std::fs::read(&p).unwrap()));
            }
        }
    }
    out.sort();
    out
}

/// Over a deck and a store already there, a refused package changes neither; a deck that
/// cannot be written (its folder missing) leaves the store as it was too.
#[test]
fn a_failed_import_leaves_the_deck_and_the_store_as_they_were() {
    let home = TempDir::new("apkg-unchanged");
    let bytes = legacy_collection(&home.join("c.sqlite"), 11, "{{Front}}", 3);
    let good = home.join("good.apkg");
    zip_of(&good, &[("collection.anki21", &bytes)]);
    let deck = home.join("d.deck");
    import(&home, &good, &deck).ok();
    let deck_before = std::fs::read(&deck).unwrap();
    let store_before = files_under(&home.join("data"));
    assert!(!store_before.is_empty());

    let future = legacy_collection(&home.join("f.sqlite"), 99, "{{Front}}", 5);
    let bad = home.join("bad.apkg");
    zip_of(&bad, &[("collection.anki21", &future)]);
    let err = import(&home, &bad, &deck).input_error();
    assert!(err.contains("bad.apkg"), "{err}");
    assert_eq!(std::fs::read(&deck).unwrap(), deck_before);
    assert_eq!(files_under(&home.join("data")), store_before);

    // A good package (with its reviews, new to a fresh store) into a folder that is not there.
    let nowhere = home.join("missing-folder").join("x.deck");
    let fresh = TempDir::new("apkg-unwritable");
    let with_reviews = home.join("reviews.apkg");
    std::fs::copy(&good, &with_reviews).unwrap();
    let out = carnet(&fresh)
        .env("CARNET_NOW", NOW)
        .args(["import"])
        .args([&with_reviews])
        .args(["-o"])
        .args([&nowhere])
        .run();
    assert_ne!(out.code(), 0);
    assert!(out.stderr().contains("x.deck"), "{}", out.stderr());
    assert!(
        files_under(&fresh.join("data")).is_empty(),
        "the store changed"
    );
    assert!(!nowhere.exists());
}

#[test]
fn a_small_legacy_collection_imports_without_anki() {
    let home = TempDir::new("apkg-legacy");
    let bytes = legacy_collection(&home.join("c.sqlite"), 11, "{{Front}}", 3);
    let p = home.join("small.apkg");
    zip_of(&p, &[("collection.anki21", &bytes)]);
    let deck = home.join("small.deck");
    let out = import(&home, &p, &deck).ok();
    assert!(out.starts_with("imported 3 cards"), "{out}");
    let cards = cards_json(&home, &deck);
    assert_eq!(cards[1]["question"], "front 1");
    assert_eq!(cards[1]["answer"], "back 1");
}

#[test]
fn an_import_speaks_french_too() {
    let home = TempDir::new("apkg-french");
    let bytes = legacy_collection(&home.join("c.sqlite"), 11, "{{Front}}", 3);
    let p = home.join("petit.apkg");
    zip_of(&p, &[("collection.anki21", &bytes)]);
    let deck = home.join("petit.deck");
    let out = carnet(&home)
        .env("LANG", "fr_FR.UTF-8")
        .args(["import"])
        .args([&p])
        .args(["-o"])
        .args([&deck])
        .run()
        .ok();
    assert!(
        out.starts_with("3 cartes importées dans") && out.contains("révisions nouvelles"),
        "{out}"
    );
    let bad = home.join("notes.apkg");
    std::fs::write(&bad, "recto\tverso\n").unwrap();
    let err = carnet(&home)
        .env("LANG", "fr_FR.UTF-8")
        .args(["import"])
        .args([&bad])
        .args(["-o"])
        .args([home.join("autre.deck")])
        .run()
        .input_error();
    assert!(err.contains("ce n'est pas un paquet Anki"), "{err}");
    let out = carnet(&home)
        .env("LANG", "fr_FR.UTF-8")
        .args(["export", "--deck"])
        .args([&deck])
        .args(["--apkg"])
        .args([home.join("retour.apkg")])
        .run()
        .ok();
    assert!(
        out.starts_with("3 cartes de ") && out.contains(" exportées dans "),
        "{out}"
    );
    assert!(out.contains("avec 0 révision"), "{out}");
}

/// A large collection's import shows a progress bar on a terminal (tmux's pane, every byte
/// written to it logged by `pipe-pane`), and none when stderr is not a terminal.
#[test]
fn a_large_import_shows_a_progress_bar_on_a_terminal_only() {
    let tmux_here = Command::new("tmux")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success());
    if !tool_available(
        tmux_here,
        "tmux is not installed",
        "the import's progress bar was not checked",
    ) {
        return;
    }
    let home = TempDir::new("apkg-progress");
    // 7,000 notes and cards: 21,000 steps, past the bar's threshold (20,000).
    let bytes = legacy_collection(&home.join("c.sqlite"), 11, "{{Front}}", 7_000);
    let p = home.join("large.apkg");
    zip_of(&p, &[("collection.anki21", &bytes)]);

    let piped = import(&home, &p, &home.join("piped.deck"));
    let err = piped.stderr();
    assert!(!err.contains('\r') && !err.contains('\u{1b}'), "{err:?}");
    assert!(piped.ok().starts_with("imported 7000 cards"));

    let quote = |p: &Path| format!("'{}'", p.display().to_string().replace('\'', "'\\''"));
    let socket = format!("carnet-apkg-{}", std::process::id());
    let tmux = |args: &[&str]| {
        let out = Command::new("tmux")
            .args(["-L", &socket])
            .args(args)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    };
    let pane = home.join("pane.txt");
    let done = home.join("done");
    let command = format!(
        "sleep 0.5; env LANG=en_US.UTF-8 CARNET_DATA_DIR={} CARNET_NOW={NOW} TZ=UTC \
         XDG_CONFIG_HOME={} {} import {} -o {}; touch {}; sleep 60",
        quote(&home.join("data-tty")),
        quote(&home.join("config")),
        quote(Path::new(CARNET)),
        quote(&p),
        quote(&home.join("tty.deck")),
        quote(&done)
    );
    tmux(&[
        "new-session",
        "-d",
        "-s",
        "s",
        "-x",
        "120",
        "-y",
        "20",
        &command,
    ]);
    tmux(&[
        "pipe-pane",
        "-o",
        "-t",
        "s",
        &format!("cat >> {}", quote(&pane)),
    ]);
    let start = std::time::Instant::now();
    while !done.exists() {
        assert!(start.elapsed().as_secs() < 30, "the import did not end");
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    std::thread::sleep(std::time::Duration::from_millis(200));
    let _ = Command::new("tmux")
        .args(["-L", &socket, "kill-server"])
        .output();
    let shown = String::from_utf8_lossy(&std::fs::read(&pane).unwrap()).into_owned();
    assert!(
        shown.contains("% reading notes and cards") && shown.contains("imported 7000 cards"),
        "{shown:?}"
    );
    // The bar's line is cleared before the summary.
    let summary = shown.find("imported 7000").unwrap();
    assert!(shown[..summary].ends_with("\r\u{1b}[2K"), "{shown:?}");
}

// ---- export: carnet → Anki ----

/// The revlog rows (id, card id, ease) of a package carnet exported, in id order.
fn revlog_of(home: &TempDir, package: &Path) -> Vec<(i64, i64, i64)> {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(package).unwrap()).unwrap();
    let mut bytes = Vec::new();
    std::io::Read::read_to_end(&mut zip.by_name("collection.anki21").unwrap(), &mut bytes).unwrap();
    let path = home.join("revlog-of.sqlite");
    std::fs::write(&path, bytes).unwrap();
    let db = rusqlite::Connection::open(&path).unwrap();
    let mut stmt = db
        .prepare("select id, cid, ease from revlog order by id")
        .unwrap();
    let rows = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    drop(stmt);
    drop(db);
    std::fs::remove_file(&path).unwrap();
    rows
}

/// Imports packages into a new Anki collection: for each, the counts and cards Anki reports.
fn import_into_anki(python: &Path, home: &TempDir, packages: &[&Path]) -> Vec<serde_json::Value> {
    import_into(python, &home.join("target.anki2"), packages)
}

/// Imports packages into the Anki collection `collection` (created if new), with the options
/// of Anki's import dialog: for each, the counts and cards Anki reports.
fn import_into(python: &Path, collection: &Path, packages: &[&Path]) -> Vec<serde_json::Value> {
    let out = Command::new(python)
        .arg(script())
        .arg("import")
        .arg(collection)
        .args(packages)
        .env("TZ", "UTC")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice::<Vec<serde_json::Value>>(&out.stdout).unwrap()
}

fn export_apkg(home: &TempDir, deck: &Path, now: &str, to: &Path) -> String {
    carnet(home)
        .env("CARNET_NOW", now)
        .args(["export", "--apkg"])
        .args([to])
        .args(["--deck"])
        .args([deck])
        .run()
        .ok()
}

/// Checks that Anki's memory state of each card is carnet's (`cards`), within 1e-3.
fn same_memory_states(stage: &serde_json::Value, cards: &[serde_json::Value]) -> f64 {
    let by_card = stage["by_card"].as_object().unwrap();
    assert_eq!(by_card.len(), cards.len());
    let mut worst = 0.0f64;
    for (anki_id, a) in by_card {
        // A card carnet made has its id as GUID; a card from Anki keeps its Anki card id.
        let from_anki = carnet_id(&serde_json::json!(anki_id.parse::<i64>().unwrap()));
        let c = cards
            .iter()
            .find(|c| c["id"] == a["guid"] || c["id"] == from_anki.as_str())
            .unwrap_or_else(|| panic!("no carnet card of GUID {}", a["guid"]));
        let state = &c["state"];
        assert_eq!(a["reviews"], state["reviews"], "{}", a["guid"]);
        assert_eq!(
            a["queue"] == -1,
            state["suspended"] == true,
            "{}",
            a["guid"]
        );
        match (a["stability"].as_f64(), state["stability"].as_f64()) {
            (Some(s), Some(cs)) => {
                let d = a["difficulty"].as_f64().unwrap();
                let cd = state["difficulty"].as_f64().unwrap();
                let r = relative(cs, s).max(relative(cd, d));
                worst = worst.max(r);
                assert!(
                    r <= 1e-3,
                    "{}: Anki S={s} D={d}, carnet S={cs} D={cd}",
                    a["guid"]
                );
            }
            (None, None) => {}
            (s, cs) => panic!("{}: Anki stability {s:?}, carnet {cs:?}", a["guid"]),
        }
    }
    worst
}

#[test]
fn an_apkg_export_imports_into_anki_with_its_history_and_a_later_one_duplicates_nothing() {
    let Some(python) = python() else { return };
    let home = TempDir::new("apkg-export");
    let report = build_with_anki(&python, &home);
    let deck = home.join("h.deck");
    import(&home, &home.join("anki/deck.apkg"), &deck).ok();
    let first = home.join("first.apkg");
    let out = export_apkg(&home, &deck, NOW, &first);
    let reviews = reviews_in_store(&home, &deck);
    assert_eq!(
        out,
        format!(
            "exported 20 cards of Histoire to {} (6 cloze), with {reviews} reviews\n",
            first.display()
        )
    );
    let before = browse(&home, &deck);
    // Six weeks later, ten reviews on carnet.
    let later = SIX_WEEKS_LATER;
    let studied = ten_reviews(&home, &deck);
    let new_reviews = lines_starting(&studied, "recorded ").len();
    assert_eq!(new_reviews, 10, "{studied}");
    let second = home.join("second.apkg");
    export_apkg(&home, &deck, later, &second);
    let after = carnet(&home)
        .env("CARNET_NOW", later)
        .args(["cards", "--browse", "--json", "--deck"])
        .args([&deck])
        .run()
        .ok()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect::<Vec<serde_json::Value>>();

    // The second package holds every revlog row of the first, with the same ids, and the
    // ten new reviews (their times, grade Good) as its only other rows.
    let rows_first = revlog_of(&home, &first);
    let rows_second = revlog_of(&home, &second);
    assert_eq!(rows_first.len(), reviews);
    assert!(rows_first.iter().all(|r| rows_second.contains(r)));
    let added: Vec<(i64, i64)> = rows_second
        .iter()
        .filter(|r| !rows_first.contains(r))
        .map(|&(id, _, ease)| (id, ease))
        .collect();
    let recorded: Vec<(i64, i64)> = lines_starting(&studied, "recorded ")
        .iter()
        .map(|l| (l.split_whitespace().nth(3).unwrap().parse().unwrap(), 3))
        .collect();
    assert_eq!(added, recorded);

    let stages = import_into_anki(&python, &home, &[&first, &second]);
    // Anki's own notes (15 notes of 20 cards), as the collection held them.
    assert_eq!(stages[0]["notes"], report["notes"]);
    assert_eq!(stages[0]["cards"], 20);
    assert_eq!(stages[0]["revlog"], reviews);
    let w0 = same_memory_states(&stages[0], &before);
    // The second package: the same notes (matched by GUID), no duplicated review. Anki's
    // package import does not add the ten new reviews either: it adds revlog rows only for
    // the cards it adds, never to a card the collection already holds (rslib
    // import_export/package/apkg/import/cards.rs, "TODO: could update existing card"), so
    // the cards keep the state of the first package. A package of the same deck imported
    // into a fresh collection has them all.
    assert_eq!(stages[1]["notes"], report["notes"]);
    assert_eq!(stages[1]["cards"], 20);
    assert_eq!(
        stages[1]["revlog"], reviews,
        "Anki added reviews to existing cards"
    );
    same_memory_states(&stages[1], &before);
    std::fs::remove_file(home.join("target.anki2")).unwrap();
    let fresh = import_into_anki(&python, &home, &[&second]);
    assert_eq!(fresh[0]["revlog"], reviews + new_reviews);
    let w1 = same_memory_states(&fresh[0], &after);
    eprintln!("largest relative difference, Anki after import vs carnet: {w0:.2e}, {w1:.2e}");
}

/// The number of notes and the cards (id, note id, ordinal) of a package carnet exported.
fn notes_and_cards_of(home: &TempDir, package: &Path) -> (usize, Vec<(i64, i64, i64)>) {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(package).unwrap()).unwrap();
    let mut bytes = Vec::new();
    std::io::Read::read_to_end(&mut zip.by_name("collection.anki21").unwrap(), &mut bytes).unwrap();
    let path = home.join("notes-of.sqlite");
    std::fs::write(&path, bytes).unwrap();
    let db = rusqlite::Connection::open(&path).unwrap();
    let notes: i64 = db
        .query_row("select count(*) from notes", [], |r| r.get(0))
        .unwrap();
    let cards = db
        .prepare("select id, nid, ord from cards order by id")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    drop(db);
    std::fs::remove_file(&path).unwrap();
    (notes as usize, cards)
}

#[test]
fn an_apkg_export_of_an_imported_deck_goes_back_into_its_collection_without_duplicates() {
    let Some(python) = python() else { return };
    let home = TempDir::new("apkg-back");
    let report = build_with_anki(&python, &home);
    let deck = home.join("h.deck");
    import(&home, &home.join("anki/deck.apkg"), &deck).ok();
    // Six weeks later, ten reviews on carnet.
    let later = SIX_WEEKS_LATER;
    let studied = ten_reviews(&home, &deck);
    let recorded: Vec<i64> = lines_starting(&studied, "recorded ")
        .iter()
        .map(|l| l.split_whitespace().nth(3).unwrap().parse().unwrap())
        .collect();
    assert_eq!(recorded.len(), 10, "{studied}");
    let package = home.join("back.apkg");
    export_apkg(&home, &deck, later, &package);

    // The package holds Anki's own notes and cards: the original note ids, GUIDs and note
    // types, the original card ids and ordinals.
    let cards: &Vec<serde_json::Value> = report["cards"].as_array().unwrap();
    let (notes, package_cards) = notes_and_cards_of(&home, &package);
    assert_eq!(notes as u64, report["notes"].as_u64().unwrap());
    let mut expected: Vec<(i64, i64, i64)> = cards
        .iter()
        .map(|c| {
            (
                c["anki_id"].as_i64().unwrap(),
                c["note_id"].as_i64().unwrap(),
                c["ord"].as_i64().unwrap(),
            )
        })
        .collect();
    expected.sort();
    assert_eq!(package_cards, expected);
    let rows = revlog_of(&home, &package);
    for t in &recorded {
        assert_eq!(rows.iter().filter(|r| r.0 == *t).count(), 1, "review {t}");
        let cid = rows.iter().find(|r| r.0 == *t).unwrap().1;
        assert!(
            expected.iter().any(|c| c.0 == cid),
            "review {t} of card {cid}"
        );
    }

    // Into the collection the deck came from, twice, with the options of Anki's import
    // dialog (with scheduling and deck options; notes updated when newer).
    let original = home.join("anki/source.anki2");
    let stages = import_into(&python, &original, &[&package, &package]);
    for stage in &stages {
        // The same notes and cards: recognised by GUID, note type and card, none added.
        assert_eq!(stage["notes"], report["notes"]);
        assert_eq!(stage["cards"], cards.len());
        let by_card = stage["by_card"].as_object().unwrap();
        for c in cards {
            let a = &by_card[&c["anki_id"].to_string()];
            assert_eq!(a["fields"], c["fields"], "{}", c["anki_id"]);
            assert_eq!(a["notetype"], c["notetype"], "{}", c["anki_id"]);
        }
        // Anki's package importer adds revlog rows only with the cards it adds, never to a
        // card the collection already holds, under every option (with_scheduling,
        // update_notes ALWAYS, merge_notetypes): the collection's log is as it was, and the
        // reviews made in carnet are not in it (nor twice).
        assert_eq!(stage["revlog"], report["revlog"]);
        let ids: Vec<i64> = by_card
            .values()
            .flat_map(|a| a["revlog"].as_array().unwrap().iter())
            .map(|r| r[0].as_i64().unwrap())
            .collect();
        for t in &recorded {
            assert!(!ids.contains(t), "review {t} is in Anki's log");
        }
    }
}

/// What the test above builds on, measured with Anki's own exporter on both ends: a card the
/// collection already holds gets no revlog row from a package import, under every import
/// option (its note is updated, and nothing is duplicated). Should a later Anki change that,
/// this test fails, and the export can bring carnet's reviews into the original collection.
#[test]
fn anki_s_importer_adds_no_revlog_row_to_a_card_it_already_holds() {
    let Some(python) = python() else { return };
    let home = TempDir::new("apkg-probe");
    build_with_anki(&python, &home);
    let out = Command::new(&python)
        .arg(script())
        .arg("probe")
        .arg(home.join("anki"))
        .env("TZ", "UTC")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let results: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(results.len(), 4);
    for r in &results {
        assert_eq!(r["notes_after"], r["notes_before"], "{r}");
        assert_eq!(r["notes_updated"], 1, "{r}");
        assert_eq!(r["revlog_after"], r["revlog_before"], "{r}");
        assert_eq!(r["new_row_arrived"], false, "{r}");
    }
}

/// Black-box fuzzing of the package reader (untrusted bytes): a valid small package, its
/// SQLite file and its note fields mutated in many ways; every import ends in success or
/// a clear error (exit 0 or 2), never a panic, and a refused one writes no deck.
#[test]
fn mutated_packages_never_panic() {
    let home = TempDir::new("apkg-mutants");
    let sqlite = legacy_collection(
        &home.join("c.sqlite"),
        11,
        "{{Front}}<b>{{#Back}}x{{/Back}}",
        4,
    );
    let p = home.join("valid.apkg");
    zip_of(&p, &[("collection.anki21", &sqlite)]);
    let zipped = std::fs::read(&p).unwrap();
    // A small deterministic generator (SplitMix64).
    let mut state = 0x5eed_u64;
    let mut next = move || {
        state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    };
    let mut mutate = |bytes: &[u8], flips: usize| -> Vec<u8> {
        let mut out = bytes.to_vec();
        for _ in 0..flips {
            let at = (next() as usize) % out.len();
            match next() % 4 {
                0 => out[at] = next() as u8,
                1 => out[at] ^= 1 << (next() % 8),
                2 => out.truncate(at.max(1)),
                _ => out.insert(at, next() as u8),
            }
        }
        out
    };
    let mut outcomes = [0usize; 2];
    for i in 0..120 {
        let mutant = home.join(&format!("m{i}.apkg"));
        if i % 2 == 0 {
            // The zip itself damaged.
            std::fs::write(&mutant, mutate(&zipped, 1 + i % 5)).unwrap();
        } else {
            // A well-formed zip around a damaged database.
            zip_of(
                &mutant,
                &[("collection.anki21", &mutate(&sqlite, 1 + i % 7))],
            );
        }
        let deck = home.join(&format!("m{i}.deck"));
        let done = carnet(&home)
            .args(["import"])
            .args([&mutant])
            .args(["-o"])
            .args([&deck])
            .run();
        let stderr = done.stderr();
        assert!(
            !stderr.contains("panicked"),
            "mutant {i} panicked:\n{stderr}"
        );
        match done.code() {
            0 => outcomes[0] += 1,
            2 => {
                outcomes[1] += 1;
                assert!(
                    stderr.contains(&mutant.display().to_string()),
                    "mutant {i}: {stderr}"
                );
                assert!(!deck.exists(), "mutant {i}: a refused import wrote a deck");
            }
            code => panic!("mutant {i}: exit {code}:\n{stderr}"),
        }
    }
    // Both sides were exercised: some damage is harmless, most is refused.
    assert!(outcomes[1] > 0, "{outcomes:?}");
    println!(
        "120 mutated packages: {} imported, {} refused",
        outcomes[0], outcomes[1]
    );
}
