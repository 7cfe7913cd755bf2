//! Line-mode study sessions: a whole session, undo, suspend, typed answers, quit and resume.

use std::path::Path;

use crate::support::*;

/// Grades every card shown with `grade(i)` until the session says it is done (or `max`
/// grades), then quits.
fn script(max: usize, grade: impl Fn(usize) -> &'static str) -> String {
    let mut s = String::new();
    for i in 0..max {
        s.push_str("show\n");
        s.push_str(grade(i));
        s.push('\n');
    }
    s.push_str("q\n");
    s
}

fn records(home: &TempDir, deck: &Path) -> Vec<serde_json::Value> {
    let out = carnet(home)
        .args(["log", "--json", "--deck"])
        .args([deck])
        .run()
        .ok();
    out.lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[test]
fn a_full_session_on_the_bundled_deck() {
    let home = TempDir::new("bundled");
    let bundled = Path::new(env!("CARGO_MANIFEST_DIR")).join("../cards/decks/bundled.deck");
    // `carnet` with no arguments: a study session on the bundled deck.
    let run = carnet(&home)
        .stdin(&script(200, |i| ["3", "4", "3", "2", "1"][i % 5]))
        .run();
    if !bundled.exists() {
        // The deck generator has not written the bundled deck yet: the build says so clearly.
        let err = run.input_error();
        assert!(err.contains("built without its bundled deck"), "{err}");
        eprintln!("NOTE: cards/decks/bundled.deck is missing; checked the clear error instead");
        return;
    }
    let out = run.ok();
    let recorded = lines_starting(&out, "recorded ");
    assert!(!recorded.is_empty(), "{out}");
    assert!(
        out.contains("done: no more cards for now") || recorded.len() == 200,
        "{out}"
    );
    assert!(out.contains("\nsummary: reviewed="), "{out}");
    // Each question was followed by its answer, source and the four labelled grades.
    let grades = lines_starting(&out, "grades: 1 Again ");
    assert_eq!(grades.len(), recorded.len());
    assert!(grades
        .iter()
        .all(|g| g.contains("· 2 Hard ") && g.contains("· 3 Good ") && g.contains("· 4 Easy ")));
    // The log holds exactly the acknowledged reviews.
    let log = carnet(&home).args(["log", "--json"]).run().ok();
    assert_eq!(log.lines().count(), recorded.len());
}

#[test]
fn every_grade_is_logged_and_replays_to_the_interval_shown() {
    let home = TempDir::new("session");
    let deck = write_deck(&home, "t.deck", "Test", 12);
    let out = carnet(&home)
        .args(["study", "--deck"])
        .args([&deck])
        .stdin(&script(12, |i| ["3", "4", "1", "2"][i % 4]))
        .run()
        .ok();
    let recorded = lines_starting(&out, "recorded ");
    assert_eq!(recorded.len(), 12, "{out}");
    assert_eq!(
        lines_starting(&out, "question: ").len(),
        13,
        "the 13th card is shown, then q"
    );
    // Multiple-choice cards (every third) show their choices with the question.
    let choices = lines_starting(&out, "choices: ");
    assert_eq!(choices.len(), 5, "{out}"); // 4 of the 12, and the 13th shown
    for name in ["Smolny", "Krasnovodsk", "Bakou"] {
        assert!(choices[0].contains(name), "{out}");
    }
    assert!(
        out.contains("summary: reviewed=12 again=3 hard=3 good=3 easy=3 new=12"),
        "{out}"
    );
    // The first card graded Easy: its due date, replayed from the log at the next start,
    // is the interval the button showed.
    let easy = recorded
        .iter()
        .find(|l| l.split(' ').nth(2) == Some("4"))
        .unwrap();
    let fields: Vec<&str> = easy.split(' ').collect();
    let (id, time_ms) = (fields[1], fields[3].parse::<i64>().unwrap());
    let days: i64 = easy
        .rsplit("next in ")
        .next()
        .unwrap()
        .trim_end_matches(" d")
        .parse()
        .unwrap();
    let shown = carnet(&home)
        .args(["cards", "--show", id, "--deck"])
        .args([&deck])
        .run()
        .ok();
    let due = time_ms / 1000 + days * 86_400;
    let due_text = chrono_free_iso(due);
    assert!(
        shown.contains(&format!("due {due_text}")),
        "expected due {due_text}:\n{shown}"
    );
    assert_eq!(records(&home, &deck).len(), 12);
}

/// `2024-03-29T08:00:00Z` without a date library: days since the epoch to a civil date.
fn chrono_free_iso(secs: i64) -> String {
    let days = secs.div_euclid(86_400);
    let rem = secs.rem_euclid(86_400);
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z",
        rem / 3600,
        rem / 60 % 60,
        rem % 60
    )
}

#[test]
fn undo_and_suspend_write_their_records_and_show_the_card_again() {
    let home = TempDir::new("undo");
    let deck = write_deck(&home, "t.deck", "Test", 6);
    let out = carnet(&home)
        .args(["--deck"])
        .args([&deck])
        .stdin("show\n3\nshow\n1\nu\nshow\n4\ns\nu\ns\nu\nu\nq\n")
        .run()
        .ok();
    let cards = lines_starting(&out, "card ");
    let id = |line: &str| line.split(' ').nth(1).unwrap().to_string();
    // After the undo, the card graded 1 comes back and is graded 4.
    assert_eq!(id(cards[1]), id(cards[3]), "{out}");
    assert!(out.contains("undone "), "{out}");
    assert_eq!(lines_starting(&out, "suspended ").len(), 2);
    assert_eq!(lines_starting(&out, "unsuspended ").len(), 2);
    assert!(
        out.contains("summary: reviewed=1 again=0 hard=0 good=1 easy=0 new=1 suspended=0"),
        "{out}"
    );
    let kinds: Vec<String> = records(&home, &deck)
        .iter()
        .map(|r| r["kind"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(
        kinds,
        [
            "review",
            "review",
            "undo",
            "review",
            "suspend",
            "unsuspend",
            "suspend",
            "unsuspend",
            "undo"
        ]
    );
    // The undone reviews are gone from the derived state: one card studied.
    let stats = carnet(&home)
        .args(["stats", "--json", "--deck"])
        .args([&deck])
        .run()
        .ok();
    let stats: serde_json::Value = serde_json::from_str(&stats).unwrap();
    assert_eq!(stats["states"]["new"], 5);
    assert_eq!(stats["states"]["learning"], 1);
    assert_eq!(stats["total_reviews"], 1);
}

#[test]
fn quit_and_resume_keeps_progress_and_brings_learning_cards_back() {
    let home = TempDir::new("resume");
    let deck = write_deck(&home, "t.deck", "Test", 30);
    let first = carnet(&home)
        .args(["--deck"])
        .args([&deck])
        .stdin("1\n3\n3\n4\nq\n")
        .run()
        .ok();
    assert_eq!(lines_starting(&first, "recorded ").len(), 4);
    let again_card = lines_starting(&first, "card ")[0]
        .split(' ')
        .nth(1)
        .unwrap()
        .to_string();
    // Five minutes later: the card graded Again (1 min) is due first; 4 new cards are used up.
    let second = carnet(&home)
        .args(["--deck"])
        .args([&deck])
        .env("CARNET_NOW", "2024-03-29T08:05:00Z")
        .stdin("q\n")
        .run()
        .ok();
    let card = lines_starting(&second, "card ")[0];
    assert!(
        card.starts_with(&format!("card {again_card} new=16 learning=3 due=0")),
        "{second}"
    );
    // Ten days later: the Easy card (about a week) is a review due, the day's limits are fresh.
    let later = carnet(&home)
        .args(["--deck"])
        .args([&deck])
        .env("CARNET_NOW", "2024-04-08T09:00:00Z")
        .stdin("q\n")
        .run()
        .ok();
    let card = lines_starting(&later, "card ")[0];
    assert!(card.contains("new=20 learning=3 due=1"), "{later}");
}

#[test]
fn typed_answers_are_checked_and_suggest_a_grade() {
    let home = TempDir::new("typed");
    let deck = write_deck(&home, "t.deck", "Test", 3);
    // Card 0 is "Chahoumian", card 1 "25 avril 1918", card 2 "Smolny".
    let out = carnet(&home)
        .args(["study", "--type", "--deck"])
        .args([&deck])
        .stdin("chahoumain\n\n25 avril 1918\n\nLénine\n\n:q\n")
        .run()
        .ok();
    let verdicts = lines_starting(&out, "verdict: ");
    assert_eq!(
        verdicts,
        ["verdict: close", "verdict: correct", "verdict: wrong"],
        "{out}"
    );
    let grades: Vec<&str> = lines_starting(&out, "recorded ")
        .iter()
        .map(|l| l.split(' ').nth(2).unwrap())
        .collect();
    assert_eq!(grades, ["2", "3", "1"]);
}

#[test]
fn a_regenerated_deck_keeps_the_progress_of_unchanged_cards() {
    let home = TempDir::new("regenerated");
    let old = write_deck(&home, "old.deck", "Test", 12);
    let out = carnet(&home)
        .args(["--deck"])
        .args([&old])
        .stdin("4\n4\n4\nq\n")
        .run()
        .ok();
    let graded: Vec<String> = lines_starting(&out, "recorded ")
        .iter()
        .map(|l| l.split(' ').nth(1).unwrap().to_string())
        .collect();
    // The generator improved: the first card is gone, two cards were added. The new deck
    // takes the old one's identity (as regenerating in place does).
    let new = write_deck(&home, "new.deck", "Test", 14);
    let export = home.join("new.txt");
    carnet(&home)
        .args(["export", "--anki"])
        .args([&export])
        .args(["--deck"])
        .args([&new])
        .run()
        .ok();
    let text = std::fs::read_to_string(&export).unwrap();
    let without_first: String = text
        .lines()
        .filter(|l| !l.starts_with(&graded[0]))
        .map(|l| format!("{l}\n"))
        .collect();
    std::fs::write(&export, without_first).unwrap();
    let regenerated = home.join("regenerated.deck");
    carnet(&home)
        .args(["import"])
        .args([&export])
        .args(["-o"])
        .args([&regenerated])
        .args(["--identity-of"])
        .args([&old])
        .run()
        .ok();
    for id in &graded[1..] {
        let shown = carnet(&home)
            .args(["cards", "--show", id, "--deck"])
            .args([&regenerated])
            .run()
            .ok();
        assert!(shown.contains("state:    review, 1 review"), "{shown}");
    }
    let stats = carnet(&home)
        .args(["stats", "--json", "--deck"])
        .args([&regenerated])
        .run()
        .ok();
    let stats: serde_json::Value = serde_json::from_str(&stats).unwrap();
    assert_eq!(stats["cards"], 13);
    assert_eq!(stats["states"]["review"], 2);
    assert_eq!(
        stats["total_reviews"], 3,
        "the removed card's review stays in the log"
    );
    // Back on the old deck, the removed card's progress is still there.
    let shown = carnet(&home)
        .args(["cards", "--show", &graded[0], "--deck"])
        .args([&old])
        .run()
        .ok();
    assert!(shown.contains("state:    review, 1 review"), "{shown}");
}

/// The bundled deck of carnet 0.1 (deck format 1, 46 cards) studied, then the current bundled
/// deck (regenerated by the new generator, format 2) opened: it is the same deck (its identity
/// is the one derived for the old file), and every card whose fact is unchanged (same id)
/// keeps its history.
#[test]
fn progress_on_the_previous_bundled_deck_survives_regeneration() {
    let home = TempDir::new("survives");
    let old =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../engine/tests/data/deck-v1.deck");
    let new = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../cards/decks/bundled.deck");
    // A learner studies the old deck's new cards over three days (siblings of a card studied
    // that day wait, so a few are left).
    for day in [
        "2024-03-29T08:00:00Z",
        "2024-03-30T08:00:00Z",
        "2024-03-31T08:00:00Z",
    ] {
        carnet(&home)
            .env("CARNET_NOW", day)
            .args(["--new-per-day", "20", "--deck"])
            .args([&old])
            .stdin(&"4\n".repeat(60))
            .run()
            .ok();
    }
    let reviewed = |deck: &std::path::Path| -> std::collections::BTreeMap<String, u64> {
        carnet(&home)
            .env("CARNET_NOW", "2024-03-31T20:00:00Z")
            .args(["cards", "--browse", "--json", "--deck"])
            .args([deck])
            .run()
            .ok()
            .lines()
            .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
            .map(|v| {
                (
                    v["id"].as_str().unwrap().to_string(),
                    v["state"]["reviews"].as_u64().unwrap(),
                )
            })
            .collect()
    };
    let before = reviewed(&old);
    assert_eq!(before.len(), 46);
    let studied = before.values().filter(|&&n| n >= 1).count();
    assert!(studied >= 40, "{studied} of 46 studied: {before:?}");
    let after = reviewed(&new);
    let kept: Vec<&String> = after
        .keys()
        .filter(|id| before.get(*id).is_some_and(|&n| n >= 1))
        .collect();
    for id in &kept {
        assert_eq!(after[*id], before[*id], "card {id} kept its history");
    }
    let unchanged = after.keys().filter(|id| before.contains_key(*id)).count();
    println!(
        "{unchanged} of the previous bundled deck's 46 cards are in the new deck; the {} of \
         them studied keep their history",
        kept.len()
    );
    // Measured on 2026-12-02, after the verdicts: 33 of the 46 cards are unchanged in
    // the regenerated deck (the others were dropped as too long, rewritten in a new fact,
    // or refused by a verdict that the blind review had failed them on); every one keeps
    // its history. Later that day 31: « Sous quel autre nom connaît-on le Comité
    // Révolutionnaire militaire ? » (two answers in its own sentence) and « Qui présidait le
    // Comité militaro-révolutionnaire ? » (another took control of it) went, failed as not
    // unique by the blind reviews.
    assert!(
        unchanged >= 31,
        "{unchanged} cards of the previous deck in the new one"
    );
    assert!(kept.len() >= 28, "only {} studied cards kept", kept.len());
}

/// A log of 1,500 reviews: the first start replays it and leaves a snapshot beside it, the
/// next start reads the snapshot (and the reviews appended since), and a damaged snapshot
/// changes nothing the learner sees: the log is the truth.
#[test]
fn a_long_log_starts_from_its_snapshot_and_a_damaged_one_changes_nothing() {
    let home = TempDir::new("snapshot");
    // 40 cards, 30 of them studied: the sessions show new cards.
    let deck = write_deck(&home, "s.deck", "Snap", 40);
    let bytes = std::fs::read(&deck).unwrap();
    let t0 = 1_711_699_200_000; // T0

    // 50 reviews of each card over the 200 days before now, the last ones today.
    let reviews: Vec<_> = (0..50)
        .flat_map(|round| good_reviews(&bytes, 30, t0 - (50 - round) * 4 * 86_400_000, 1000))
        .collect();
    let log = log_of(&home, "Snap");
    std::fs::create_dir_all(log.parent().unwrap()).unwrap();
    std::fs::write(&log, frames(&reviews)).unwrap();
    let session = |home: &TempDir| {
        carnet(home)
            .args(["study", "--plain", "--deck"])
            .args([&deck])
            .stdin(&script(3, |_| "3"))
            .run()
            .ok()
    };
    let snapshot = log.with_extension("state");
    let first = session(&home);
    assert!(lines_starting(&first, "recorded ").len() == 3, "{first}");
    assert!(
        snapshot.exists(),
        "no snapshot after a start on 1,500 reviews"
    );
    // The same session again, from a copy of the log and snapshot as they were: equal.
    let replay_home = TempDir::new("snapshot-replay");
    let copy = |from: &Path, to: &Path| {
        std::fs::create_dir_all(to.parent().unwrap()).unwrap();
        std::fs::copy(from, to).unwrap();
    };
    let log_now = std::fs::read(&log).unwrap();
    copy(
        &snapshot,
        &log_of(&replay_home, "Snap").with_extension("state"),
    );
    std::fs::write(log_of(&replay_home, "Snap"), &log_now).unwrap();
    let from_snapshot = session(&replay_home);
    // Read, not rewritten (a replay of the whole log would have written a new one).
    assert_eq!(
        std::fs::read(log_of(&replay_home, "Snap").with_extension("state")).unwrap(),
        std::fs::read(&snapshot).unwrap()
    );
    // And once more with the snapshot damaged: the log is replayed whole, same session.
    let mut damaged = std::fs::read(&snapshot).unwrap();
    let mid = damaged.len() / 2;
    damaged[mid] ^= 0xff;
    std::fs::write(&snapshot, &damaged).unwrap();
    let from_log = session(&home);
    let shown = |out: &str| {
        lines_starting(out, "question: ")
            .into_iter()
            .chain(lines_starting(out, "grades: "))
            .map(str::to_string)
            .collect::<Vec<_>>()
    };
    assert_eq!(shown(&from_snapshot), shown(&from_log));
    assert!(!shown(&from_log).is_empty());
    let rewritten = std::fs::read(&snapshot).unwrap();
    assert!(rewritten.starts_with(b"CARNETSS") && rewritten != damaged);
}
