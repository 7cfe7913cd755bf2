//! `carnet export --into COLLECTION.anki2`: carnet's reviews written straight into the Anki
//! collection a deck came from, checked by opening that collection with Anki's own backend
//! (tests/anki/collection_io.py), and the collections it refuses.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};

use crate::anki::python;
use crate::anki_package::{
    build_with_anki, carnet_id, import, relative, script, NOW, SIX_WEEKS_LATER,
};
use crate::support::*;

/// Five days after [`SIX_WEEKS_LATER`], and before the day this test was written: Anki's
/// backend counts the days since a review from its own clock, and a review dated after it
/// would count as made today.
const FIVE_DAYS_LATER: &str = "2026-12-01T12:00:00Z";

/// Runs a command of collection_io.py and parses what it prints.
fn anki(python: &Path, command: &str, collection: &Path) -> serde_json::Value {
    let out = Command::new(python)
        .arg(script())
        .arg(command)
        .arg(collection)
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

/// `carnet export --into collection` at `now`.
fn export_into(home: &TempDir, deck: &Path, now: &str, collection: &Path) -> Done {
    carnet(home)
        .env("CARNET_NOW", now)
        .args(["export", "--deck"])
        .args([deck])
        .args(["--into"])
        .args([collection])
        .run()
}

/// `n` cards of `deck` studied on carnet at `now`, graded Good, Again, Good, Easy in turn:
/// the reviews recorded, as (carnet card id, grade, time in ms).
fn study(home: &TempDir, deck: &Path, now: &str, n: usize) -> Vec<(String, i64, i64)> {
    let grades = ["3", "1", "3", "4"];
    let session: String = (0..n)
        .map(|i| format!("show\n{}\n", grades[i % 4]))
        .chain(["q\n".to_string()])
        .collect();
    let out = carnet(home)
        .env("CARNET_NOW", now)
        .args(["study", "--plain", "--deck"])
        .args([deck])
        .stdin(&session)
        .run()
        .ok();
    let recorded: Vec<(String, i64, i64)> = lines_starting(&out, "recorded ")
        .iter()
        .map(|l| {
            let w: Vec<&str> = l.split_whitespace().collect();
            (
                w[1].to_string(),
                w[2].parse().unwrap(),
                w[3].parse().unwrap(),
            )
        })
        .collect();
    assert_eq!(recorded.len(), n, "{out}");
    recorded
}

/// Each card's replayed state in carnet at `now`, by carnet card id.
fn carnet_states(home: &TempDir, deck: &Path, now: &str) -> Vec<serde_json::Value> {
    carnet(home)
        .env("CARNET_NOW", now)
        .args(["cards", "--browse", "--json", "--deck"])
        .args([deck])
        .run()
        .ok()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

/// The Anki day (rollover 4:00, UTC, as the collection counts) of a time in seconds.
fn anki_day(secs: i64) -> i64 {
    (secs - 4 * 3600).div_euclid(86_400)
}

/// The collection's revlog rows (id, ease, type, usn, lastIvl) of each card, by Anki card id.
fn revlog_by_card(state: &serde_json::Value) -> Vec<(i64, Vec<serde_json::Value>)> {
    state["cards"]
        .as_object()
        .unwrap()
        .iter()
        .map(|(id, c)| (id.parse().unwrap(), c["revlog"].as_array().unwrap().clone()))
        .collect()
}

/// Checks that each of `recorded` is in the collection's revlog exactly once, on its card,
/// with its grade and `usn = -1`.
fn each_review_once(state: &serde_json::Value, recorded: &[(String, i64, i64)]) {
    let rows = revlog_by_card(state);
    for (card, grade, time) in recorded {
        let holding: Vec<(i64, &serde_json::Value)> = rows
            .iter()
            .flat_map(|(cid, rows)| rows.iter().map(move |r| (*cid, r)))
            .filter(|(_, r)| r[0] == *time)
            .collect();
        assert_eq!(holding.len(), 1, "review {time} of {card}: {holding:?}");
        let (cid, row) = holding[0];
        assert_eq!(carnet_id(&serde_json::json!(cid)), *card, "review {time}");
        assert_eq!(row[1], *grade, "review {time}");
        assert_eq!(row[3], -1, "review {time}: usn");
    }
}

/// Checks that Anki's view of every card equals carnet's: the memory state Anki computes
/// from the revlog (every card with a history), and for each card in `updated` the memory
/// state and due date the card holds, its type and queue. Returns the largest relative
/// difference.
fn same_as_carnet(
    state: &serde_json::Value,
    carnet: &[serde_json::Value],
    updated: &[String],
) -> f64 {
    // Anki's day numbers count from the calendar date of the collection's creation.
    let crt_day = state["crt"].as_i64().unwrap().div_euclid(86_400);
    let mut worst = 0.0f64;
    let mut close = |what: &str, a: f64, c: f64, card: &str| {
        let r = relative(c, a);
        worst = worst.max(r);
        assert!(r <= 1e-3, "{card}: {what}: Anki {a}, carnet {c}");
    };
    for (anki_id, a) in state["cards"].as_object().unwrap() {
        let id = carnet_id(&serde_json::json!(anki_id.parse::<i64>().unwrap()));
        let c = carnet
            .iter()
            .find(|c| c["id"] == id.as_str())
            .unwrap_or_else(|| panic!("no carnet card for Anki card {anki_id}"));
        let cs = &c["state"];
        if let (Some(s), Some(d)) = (cs["stability"].as_f64(), cs["difficulty"].as_f64()) {
            let computed = &a["computed"];
            close("computed S", computed[0].as_f64().unwrap(), s, &id);
            close("computed D", computed[1].as_f64().unwrap(), d, &id);
        }
        if !updated.contains(&id) {
            continue;
        }
        let memory = &a["memory"];
        close(
            "held S",
            memory[0].as_f64().unwrap(),
            cs["stability"].as_f64().unwrap(),
            &id,
        );
        close(
            "held D",
            memory[1].as_f64().unwrap(),
            cs["difficulty"].as_f64().unwrap(),
            &id,
        );
        let due = chrono::DateTime::parse_from_rfc3339(cs["due"].as_str().unwrap())
            .unwrap()
            .timestamp();
        let (kind, queue) = (a["type"].as_i64().unwrap(), a["queue"].as_i64().unwrap());
        let expected_type = match cs["phase"].as_str().unwrap() {
            "learning" => 1,
            "review" => 2,
            "relearning" => 3,
            other => panic!("{id}: phase {other} after a review"),
        };
        assert_eq!(kind, expected_type, "{id}: {a} / {cs}");
        assert_eq!(queue == -1, cs["suspended"] == true, "{id}");
        let anki_due = a["due"].as_i64().unwrap();
        if queue == 1 {
            // Learning within the day: a time in seconds.
            assert_eq!(anki_due, due, "{id}");
        } else {
            assert_eq!(anki_due, anki_day(due) - crt_day, "{id}: {a} / {cs}");
        }
    }
    worst
}

#[test]
fn into_writes_carnet_s_reviews_into_the_original_collection_once() {
    let Some(python) = python() else { return };
    let home = TempDir::new("into-anki");
    let report = build_with_anki(&python, &home);
    let deck = home.join("h.deck");
    import(&home, &home.join("anki/deck.apkg"), &deck).ok();
    let original = home.join("anki/source.anki2");
    // Anki's own Check Database first: the build script sets memory states without the last
    // review time Anki adds to them, and this is what the later check is compared with.
    anki(&python, "check", &original);
    let before = anki(&python, "state", &original);
    assert_eq!(before["revlog"], report["revlog"]);

    // Six weeks later, ten reviews on carnet, then into the collection.
    let first = study(&home, &deck, SIX_WEEKS_LATER, 10);
    let mut cards: Vec<String> = first.iter().map(|r| r.0.clone()).collect();
    cards.sort();
    cards.dedup();
    let out = export_into(&home, &deck, SIX_WEEKS_LATER, &original).ok();
    assert_eq!(
        out,
        format!(
            "wrote the reviews of Histoire into {}: reviews added: 10 · cards updated: {} · \
             cards not in the collection: 0\n",
            original.display(),
            cards.len()
        )
    );
    let after = anki(&python, "state", &original);
    assert_eq!(
        after["revlog"].as_u64().unwrap(),
        before["revlog"].as_u64().unwrap() + 10
    );
    each_review_once(&after, &first);
    // Every row already there is as it was; the notes are untouched; col.mod moved.
    for (cid, rows) in revlog_by_card(&before) {
        let now: Vec<serde_json::Value> = after["cards"][cid.to_string()]["revlog"]
            .as_array()
            .unwrap()
            .clone();
        assert!(rows.iter().all(|r| now.contains(r)), "card {cid}");
        let added = now.len() - rows.len();
        // A card in review: the first new row's last interval is the card's, as in Anki's
        // own answers.
        if let Some(first_new) = now.iter().find(|r| !rows.contains(r)) {
            let b = &before["cards"][cid.to_string()];
            if b["type"] == 2 {
                assert_eq!(first_new[4], b["ivl"], "card {cid}");
            }
        }
        let expected = first
            .iter()
            .filter(|r| r.0 == carnet_id(&serde_json::json!(cid)))
            .count();
        assert_eq!(added, expected, "card {cid}");
        let (b, a) = (
            &before["cards"][cid.to_string()],
            &after["cards"][cid.to_string()],
        );
        assert_eq!(
            a["reps"].as_i64().unwrap(),
            b["reps"].as_i64().unwrap() + expected as i64,
            "card {cid}"
        );
    }
    assert_eq!(after["notes"], before["notes"]);
    assert!(after["mod"].as_i64() > before["mod"].as_i64());
    let states = carnet_states(&home, &deck, SIX_WEEKS_LATER);
    let w1 = same_as_carnet(&after, &states, &cards);

    // Anki's Check Database finds nothing to fix and changes nothing.
    let checked = anki(&python, "check", &original);
    assert_eq!(checked["ok"], true, "{checked}");
    assert_eq!(checked["changed"], serde_json::json!([]), "{checked}");
    assert_eq!(checked["same_counts"], true, "{checked}");

    // A second run adds nothing and leaves the file as it is.
    let bytes = std::fs::read(&original).unwrap();
    let again = export_into(&home, &deck, SIX_WEEKS_LATER, &original).ok();
    assert_eq!(
        again,
        format!(
            "{} already holds every review of Histoire: nothing written (cards not in the \
             collection: 0)\n",
            original.display()
        )
    );
    assert_eq!(std::fs::read(&original).unwrap(), bytes);

    // Five days later, four more reviews: a third run adds exactly those.
    let second = study(&home, &deck, FIVE_DAYS_LATER, 4);
    let out = export_into(&home, &deck, FIVE_DAYS_LATER, &original).ok();
    assert!(out.contains("reviews added: 4 · "), "{out}");
    let last = anki(&python, "state", &original);
    assert_eq!(
        last["revlog"].as_u64().unwrap(),
        before["revlog"].as_u64().unwrap() + 14
    );
    each_review_once(&last, &first);
    each_review_once(&last, &second);
    let mut updated: Vec<String> = second.iter().map(|r| r.0.clone()).collect();
    updated.sort();
    updated.dedup();
    let w2 = same_as_carnet(
        &last,
        &carnet_states(&home, &deck, FIVE_DAYS_LATER),
        &updated,
    );
    let checked = anki(&python, "check", &original);
    assert_eq!(checked["changed"], serde_json::json!([]), "{checked}");
    eprintln!(
        "export --into: 10 then 4 reviews into Anki's collection; largest relative difference \
         to carnet's memory states: {w1:.2e}, {w2:.2e}"
    );
}

/// Runs `export --into` on `collection`, which must be refused: exit 2, the message names
/// the file and holds `what`, and the file is unchanged.
fn refused(home: &TempDir, deck: &Path, collection: &Path, what: &str) {
    let before = std::fs::read(collection).ok();
    let err = export_into(home, deck, SIX_WEEKS_LATER, collection).input_error();
    assert!(
        err.contains(&collection.display().to_string()) && err.contains(what),
        "{what:?} not in:\n{err}"
    );
    assert_eq!(std::fs::read(collection).ok(), before, "the file changed");
}

/// What `--into` refuses (exit 2, the file as it was): a collection open in Anki, files that
/// are not Anki collections, an unknown schema, a missing file, another collection; and what
/// it leaves out of a collection it writes (a card deleted there, a card reviewed there since
/// the import), or moves (a review whose time another card's row has).
#[test]
fn into_refuses_what_is_not_the_deck_s_collection_and_leaves_out_what_anki_changed() {
    let Some(python) = python() else { return };
    let home = TempDir::new("into-refused");
    build_with_anki(&python, &home);
    let deck = home.join("h.deck");
    import(&home, &home.join("anki/deck.apkg"), &deck).ok();
    let reviewed = study(&home, &deck, SIX_WEEKS_LATER, 4);
    let original = home.join("anki/source.anki2");
    let pristine = std::fs::read(&original).unwrap();

    // Held open by Anki's backend (as the Anki program holds its collection).
    let mut holder = Command::new(&python)
        .arg(script())
        .arg("hold")
        .arg(&original)
        .env("TZ", "UTC")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(holder.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    assert_eq!(line, "open\n");
    refused(&home, &deck, &original, "is in use (open in Anki?)");
    drop(holder.stdin.take());
    assert!(holder.wait().unwrap().success());
    let untouched = anki(&python, "state", &original);
    for (_, _, time) in &reviewed {
        assert!(!untouched.to_string().contains(&time.to_string()), "{time}");
    }

    // Not SQLite; SQLite without Anki's tables; an unknown schema; no file at all.
    let text = home.join("notes.anki2");
    std::fs::write(&text, "front\tback\n").unwrap();
    refused(&home, &deck, &text, "not an Anki collection");
    let other = home.join("other.sqlite");
    rusqlite::Connection::open(&other)
        .unwrap()
        .execute_batch("create table t (x)")
        .unwrap();
    refused(&home, &deck, &other, "not an Anki collection");
    let future = home.join("future.anki2");
    std::fs::write(&future, &pristine).unwrap();
    rusqlite::Connection::open(&future)
        .unwrap()
        .execute_batch("update col set ver = 99")
        .unwrap();
    refused(&home, &deck, &future, "collection schema version 99");
    let missing = home.join("missing.anki2");
    refused(&home, &deck, &missing, "No such file");
    assert!(!missing.exists());

    // Another collection whose card ids happen to be the deck's: its notes' GUIDs differ.
    let foreign = home.join("foreign.anki2");
    std::fs::write(&foreign, &pristine).unwrap();
    rusqlite::Connection::open(&foreign)
        .unwrap()
        .execute_batch("update notes set guid = 'x' || guid")
        .unwrap();
    refused(
        &home,
        &deck,
        &foreign,
        "holds none of the cards of Histoire",
    );

    // A collection lacking one reviewed card (deleted in Anki): the others are written and
    // it is counted, with the way to bring it in.
    let fewer = home.join("fewer.anki2");
    std::fs::write(&fewer, &pristine).unwrap();
    let fewer_state = anki(&python, "state", &fewer);
    rusqlite::Connection::open(&fewer)
        .unwrap()
        .execute(
            "delete from cards where id = ?1",
            [anki_id_of(&fewer_state, &reviewed[0].0)],
        )
        .unwrap();
    let done = export_into(&home, &deck, SIX_WEEKS_LATER, &fewer);
    let out = done.ok();
    assert!(
        out.contains("reviews added: 3 · cards updated: 3 · cards not in the collection: 1"),
        "{out}"
    );
    assert!(
        done.stderr().contains("1 card of the deck is not in ")
            && done
                .stderr()
                .contains("carnet export --apkg brings it to Anki"),
        "{}",
        done.stderr()
    );

    // A card Anki reviewed after carnet's import (a graded revlog row carnet lacks): left as
    // it is and counted; the other cards are written, one of them with a "set due date"
    // entry made in Anki since (which Anki's FSRS does not count).
    let reviewed_in_anki = home.join("reviewed-in-anki.anki2");
    std::fs::write(&reviewed_in_anki, &pristine).unwrap();
    let later_in_anki = anki_id_of(&fewer_state, &reviewed[1].0);
    let due_set_in_anki = anki_id_of(&fewer_state, &reviewed[2].0);
    let db = rusqlite::Connection::open(&reviewed_in_anki).unwrap();
    db.execute(
        "insert into revlog values (?1, ?2, -1, 3, 20, 10, 2500, 4000, 1)",
        [reviewed[1].2 - 86_400_000, later_in_anki],
    )
    .unwrap();
    db.execute(
        "insert into revlog values (?1, ?2, -1, 0, 5, 10, 2500, 0, 4)",
        [reviewed[2].2 - 86_400_000, due_set_in_anki],
    )
    .unwrap();
    drop(db);
    let done = export_into(&home, &deck, SIX_WEEKS_LATER, &reviewed_in_anki);
    let out = done.ok();
    assert!(
        out.contains("reviews added: 3 · cards updated: 3 · "),
        "{out}"
    );
    assert!(
        done.stderr()
            .contains("1 card was reviewed or reset in Anki since carnet imported it"),
        "{}",
        done.stderr()
    );
    let rows = anki(&python, "state", &reviewed_in_anki);
    let card = &rows["cards"][later_in_anki.to_string()]["revlog"];
    assert!(
        !card.to_string().contains(&reviewed[1].2.to_string()),
        "{card}"
    );

    // Another card's row already at the time of a review: the review takes the next free
    // millisecond, and a second run finds it there.
    let collide = home.join("collide.anki2");
    std::fs::write(&collide, &pristine).unwrap();
    let other_card = fewer_state["cards"]
        .as_object()
        .unwrap()
        .keys()
        .map(|id| id.parse::<i64>().unwrap())
        .find(|&id| {
            reviewed
                .iter()
                .all(|r| carnet_id(&serde_json::json!(id)) != r.0)
        })
        .unwrap();
    rusqlite::Connection::open(&collide)
        .unwrap()
        .execute(
            "insert into revlog values (?1, ?2, -1, 0, 5, 10, 2500, 0, 4)",
            [reviewed[3].2, other_card],
        )
        .unwrap();
    let out = export_into(&home, &deck, SIX_WEEKS_LATER, &collide).ok();
    assert!(out.contains("reviews added: 4 · "), "{out}");
    let again = export_into(&home, &deck, SIX_WEEKS_LATER, &collide).ok();
    assert!(again.contains("nothing written"), "{again}");
    let moved = anki(&python, "state", &collide);
    let rows = &moved["cards"][anki_id_of(&moved, &reviewed[3].0).to_string()]["revlog"];
    let last = rows.as_array().unwrap().last().unwrap();
    assert_eq!(last[0].as_i64().unwrap(), reviewed[3].2 + 1, "{rows}");
    assert_eq!(last[1].as_i64().unwrap(), reviewed[3].1, "{rows}");

    // In French too.
    let err = carnet(&home)
        .env("LANG", "fr_FR.UTF-8")
        .args(["export", "--deck"])
        .args([&deck])
        .args(["--into"])
        .args([&text])
        .run()
        .input_error();
    assert!(err.contains("ce n'est pas une collection Anki"), "{err}");
}

/// The Anki card id of carnet card `card` in a collection's `state`.
fn anki_id_of(state: &serde_json::Value, card: &str) -> i64 {
    state["cards"]
        .as_object()
        .unwrap()
        .keys()
        .map(|id| id.parse::<i64>().unwrap())
        .find(|&id| carnet_id(&serde_json::json!(id)) == card)
        .unwrap_or_else(|| panic!("no Anki card for {card}"))
}

/// A collection of schema 11 (as Anki leaves it for an older Anki): the same reviews go in,
/// and Anki reads them back once each, with carnet's memory states and due days.
#[test]
fn into_writes_into_a_schema_11_collection_too() {
    let Some(python) = python() else { return };
    let home = TempDir::new("into-legacy");
    build_with_anki(&python, &home);
    let deck = home.join("h.deck");
    import(&home, &home.join("anki/deck.apkg"), &deck).ok();
    let legacy = home.join("anki/source.anki2");
    anki(&python, "downgrade", &legacy);
    let version: i64 = rusqlite::Connection::open(&legacy)
        .unwrap()
        .query_row("select ver from col", [], |r| r.get(0))
        .unwrap();
    assert_eq!(version, 11);
    let reviewed = study(&home, &deck, SIX_WEEKS_LATER, 5);
    let out = export_into(&home, &deck, SIX_WEEKS_LATER, &legacy).ok();
    assert!(out.contains("reviews added: 5 · "), "{out}");
    let state = anki(&python, "state", &legacy);
    each_review_once(&state, &reviewed);
    let mut updated: Vec<String> = reviewed.iter().map(|r| r.0.clone()).collect();
    updated.sort();
    updated.dedup();
    same_as_carnet(
        &state,
        &carnet_states(&home, &deck, SIX_WEEKS_LATER),
        &updated,
    );
}

/// The revlog rows carnet writes carry the ease factor Anki's own FSRS answers write: the
/// difficulty after the review, from 100 to 1,100 (checked on four answers of Anki's
/// scheduler, each grade but Easy).
#[test]
fn revlog_rows_carry_the_ease_factor_anki_s_fsrs_writes() {
    let Some(python) = python() else { return };
    let home = TempDir::new("into-factor");
    build_with_anki(&python, &home);
    let answered = anki(&python, "answer", &home.join("anki/source.anki2"));
    let answered = answered.as_array().unwrap();
    assert_eq!(answered.len(), 4, "{answered:?}");
    for a in answered {
        // The card holds the difficulty rounded to 3 decimals; the row, Anki's from the
        // unrounded one.
        let d = a["difficulty"].as_f64().unwrap() as f32;
        let factor = carnet::anki_card_schedule::ease_factor;
        let range = factor(d - 0.0005)..=factor(d + 0.0005);
        assert!(
            range.contains(&a["row"][4].as_i64().unwrap()),
            "{a}: {range:?}"
        );
    }
}

/// A deck that did not come from Anki has no card a collection could hold: refused, with
/// the way to bring it to Anki.
#[test]
fn into_refuses_a_deck_that_did_not_come_from_anki() {
    let home = TempDir::new("into-no-origin");
    let deck = home.join("t.deck");
    std::fs::write(&deck, fixture_deck_situated("Test", 5)).unwrap();
    let collection = home.join("collection.anki2");
    std::fs::write(&collection, b"not read").unwrap();
    let err = export_into(&home, &deck, NOW, &collection).input_error();
    assert!(
        err.contains("Test did not come from Anki") && err.contains("export --apkg"),
        "{err}"
    );
    assert_eq!(std::fs::read(&collection).unwrap(), b"not read");
}
