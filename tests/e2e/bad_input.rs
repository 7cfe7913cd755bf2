//! Bad input: each is a clear message naming the file, exit code 2, and nothing lost.

use std::io::{BufRead, BufReader, Write};
use std::process::Stdio;

use carnet_engine::review_log::{encode_frame, LogEntry, Review, MAX_FRAME_LEN};
use carnet_engine::{CardId, Rating};

use crate::support::*;

#[test]
fn missing_corrupt_foreign_and_newer_decks_are_refused() {
    let home = TempDir::new("decks");
    let err = carnet(&home)
        .args(["--deck", "/nonexistent/x.deck"])
        .run()
        .input_error();
    assert!(
        err.contains("cannot read deck /nonexistent/x.deck: No such file or directory"),
        "{err}"
    );

    let bytes = fixture_deck("Test", 10);
    let mut corrupt = bytes.clone();
    let mid = corrupt.len() / 2;
    corrupt[mid] ^= 0x01;
    std::fs::write(home.join("corrupt.deck"), &corrupt).unwrap();
    let err = carnet(&home)
        .args(["--deck"])
        .args([home.join("corrupt.deck")])
        .run()
        .input_error();
    assert!(
        err.contains("corrupt.deck is corrupt: its checksum does not match"),
        "{err}"
    );

    let mut newer = bytes.clone();
    newer[8..10].copy_from_slice(&3u16.to_le_bytes());
    std::fs::write(home.join("newer.deck"), &newer).unwrap();
    let err = carnet(&home)
        .args(["cards", "--deck"])
        .args([home.join("newer.deck")])
        .run()
        .input_error();
    assert!(
        err.contains("newer.deck uses deck format version 3, newer than the version 2"),
        "{err}"
    );

    std::fs::write(home.join("notes.deck"), "Qui ?\tLui\n").unwrap();
    let err = carnet(&home)
        .args(["quiz", "--deck"])
        .args([home.join("notes.deck")])
        .run()
        .input_error();
    assert!(err.contains("notes.deck is not a carnet deck"), "{err}");

    std::fs::write(home.join("short.deck"), &bytes[..bytes.len() - 9]).unwrap();
    let err = carnet(&home)
        .args(["stats", "--deck"])
        .args([home.join("short.deck")])
        .run()
        .input_error();
    assert!(err.contains("short.deck is truncated"), "{err}");
    // Nothing was created for these decks.
    assert!(!home.join("data").exists());
}

fn frame(entry: &LogEntry) -> Vec<u8> {
    let mut buf = [0u8; MAX_FRAME_LEN];
    let n = encode_frame(entry, &mut buf);
    buf[..n].to_vec()
}

fn review(card: CardId, time_ms: i64) -> LogEntry {
    LogEntry::Review(Review {
        card,
        time_ms,
        rating: Rating::Good,
        duration_ms: 1000,
    })
}

#[test]
fn a_corrupt_record_is_reported_with_its_offset_and_the_rest_kept() {
    let home = TempDir::new("corrupt-log");
    let deck = write_deck(&home, "t.deck", "Test", 5);
    let ids = card_ids(&home, &deck);
    let t = 1_711_699_000_000;
    let mut log = Vec::new();
    let mut second_at = 0;
    for (i, id) in ids.iter().take(3).enumerate() {
        if i == 1 {
            second_at = log.len();
        }
        log.extend(frame(&review(*id, t + i as i64 * 1000)));
    }
    log[second_at + 5] ^= 0x10;
    std::fs::create_dir_all(home.join("data")).unwrap();
    std::fs::write(log_of(&home, "Test"), &log).unwrap();
    let run = carnet(&home)
        .args(["--deck"])
        .args([&deck])
        .stdin("3\nq\n")
        .run();
    let out = run.ok();
    let err = run.stderr();
    assert!(
        err.contains(&format!("the record at byte offset {second_at} (")),
        "{err}"
    );
    assert!(
        err.contains("skipped and the records after it are kept"),
        "{err}"
    );
    assert_eq!(lines_starting(&out, "recorded ").len(), 1);
    // The damaged bytes are kept (never rewritten), the good records and the new one read.
    let bytes = std::fs::read(log_of(&home, "Test")).unwrap();
    assert_eq!(&bytes[..log.len()], &log[..]);
    let listed = carnet(&home)
        .args(["log", "--deck"])
        .args([&deck])
        .run()
        .ok();
    assert!(listed.contains("(3 records)"), "{listed}");
}

#[test]
fn a_torn_last_record_is_dropped_with_a_warning() {
    let home = TempDir::new("torn-log");
    let deck = write_deck(&home, "t.deck", "Test", 5);
    let ids = card_ids(&home, &deck);
    let mut log = frame(&review(ids[0], 1_711_699_000_000));
    let whole = log.len();
    let half = frame(&review(ids[1], 1_711_699_001_000));
    log.extend_from_slice(&half[..half.len() / 2]);
    std::fs::create_dir_all(home.join("data")).unwrap();
    std::fs::write(log_of(&home, "Test"), &log).unwrap();
    let run = carnet(&home)
        .args(["--deck"])
        .args([&deck])
        .stdin("q\n")
        .run();
    run.ok();
    assert!(
        run.stderr()
            .contains("was cut short by an interrupted write; it is dropped"),
        "{}",
        run.stderr()
    );
    assert_eq!(
        std::fs::metadata(log_of(&home, "Test")).unwrap().len() as usize,
        whole
    );
}

#[test]
fn a_file_that_is_not_a_log_is_refused_and_left_alone() {
    let home = TempDir::new("garbage-log");
    let deck = write_deck(&home, "t.deck", "Test", 5);
    std::fs::create_dir_all(home.join("data")).unwrap();
    let garbage = b"these are my notes\0not a review log\0".to_vec();
    std::fs::write(log_of(&home, "Test"), &garbage).unwrap();
    let err = carnet(&home)
        .args(["--deck"])
        .args([&deck])
        .stdin("3\nq\n")
        .run()
        .input_error();
    let log_name = log_of(&home, "Test")
        .file_name()
        .unwrap()
        .to_string_lossy()
        .into_owned();
    assert!(
        err.contains(&format!(
            "{log_name}: no record in its 36 bytes can be read: this is not a carnet review log"
        )),
        "{err}"
    );
    assert_eq!(std::fs::read(log_of(&home, "Test")).unwrap(), garbage);
}

#[test]
fn an_unwritable_data_folder_is_an_input_error() {
    let home = TempDir::new("unwritable");
    let deck = write_deck(&home, "t.deck", "Test", 5);
    // A regular file where a folder is needed fails even for root.
    std::fs::write(home.join("blocker"), "").unwrap();
    let err = carnet(&home)
        .args(["--deck"])
        .args([&deck])
        .env("CARNET_DATA_DIR", home.join("blocker/data"))
        .stdin("3\nq\n")
        .run()
        .input_error();
    assert!(
        err.contains("cannot create the data folder") && err.contains("blocker/data"),
        "{err}"
    );
}

#[test]
fn a_second_writer_on_the_same_deck_is_refused() {
    let home = TempDir::new("two-writers");
    let deck = write_deck(&home, "t.deck", "Test", 5);
    let mut first = carnet(&home)
        .args(["--deck"])
        .args([&deck])
        .into_command()
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(first.stdout.take().unwrap()).lines();
    // The first session holds the lock once it shows a card.
    assert!(lines
        .by_ref()
        .map(|l| l.unwrap())
        .any(|l| l.starts_with("card ")));
    let err = carnet(&home)
        .args(["--deck"])
        .args([&deck])
        .stdin("3\nq\n")
        .run()
        .input_error();
    assert!(
        err.contains(&format!(
            "{} is in use by another carnet",
            log_of(&home, "Test").display()
        )),
        "{err}"
    );
    let err = carnet(&home)
        .args(["quiz", "--record", "--deck"])
        .args([&deck])
        .stdin("1\n")
        .run()
        .input_error();
    assert!(err.contains("in use by another carnet"), "{err}");
    // Readers still work while the session runs.
    carnet(&home)
        .args(["stats", "--deck"])
        .args([&deck])
        .run()
        .ok();
    // The first session goes on and saves normally.
    let mut stdin = first.stdin.take().unwrap();
    stdin.write_all(b"3\nq\n").unwrap();
    drop(stdin);
    let rest: Vec<String> = lines.map(|l| l.unwrap()).collect();
    assert!(first.wait().unwrap().success());
    assert_eq!(
        rest.iter().filter(|l| l.starts_with("recorded ")).count(),
        1
    );
    assert_eq!(
        carnet(&home)
            .args(["log", "--json", "--deck"])
            .args([&deck])
            .run()
            .ok()
            .lines()
            .count(),
        1
    );
}

#[test]
fn invalid_csv_config_and_flags_name_what_is_wrong() {
    let home = TempDir::new("invalid");
    let csv = home.join("log.csv");
    std::fs::write(&csv, "card_id,review_rating,review_time,review_duration\n1,3,2024-03-29T20:32:32Z,100\n2,7,2024-03-29T20:33:32Z,100\n").unwrap();
    let err = carnet(&home)
        .args(["memory"])
        .args([&csv])
        .run()
        .input_error();
    assert!(
        err.contains("log.csv:3: review_rating \"7\" is not a grade from 1 to 4"),
        "{err}"
    );
    let err = carnet(&home)
        .args(["memory", "/nonexistent.csv"])
        .run()
        .input_error();
    assert!(err.contains("/nonexistent.csv: No such file"), "{err}");

    let config = home.join("config.toml");
    std::fs::write(&config, "desired_retention = 1.5\n").unwrap();
    let deck = write_deck(&home, "t.deck", "Test", 5);
    let err = carnet(&home)
        .args(["--deck"])
        .args([&deck])
        .env("CARNET_CONFIG", &config)
        .run()
        .input_error();
    assert!(
        err.contains("config.toml") && err.contains("desired retention must be between 0 and 1"),
        "{err}"
    );
    std::fs::write(&config, "new_cards_per_day = 5\n").unwrap();
    let err = carnet(&home)
        .args(["stats", "--deck"])
        .args([&deck])
        .env("CARNET_CONFIG", &config)
        .run()
        .input_error();
    assert!(
        err.contains("config.toml") && err.contains("new_cards_per_day"),
        "{err}"
    );
    let err = carnet(&home)
        .args(["stats", "--learning-steps", "1x", "--deck"])
        .args([&deck])
        .run()
        .input_error();
    assert!(
        err.contains("--learning-steps: step \"1x\" is not a duration"),
        "{err}"
    );
    let err = carnet(&home)
        .args(["quiz", "-n", "lots"])
        .run()
        .input_error();
    assert!(err.contains("invalid value 'lots'"), "{err}");
}

#[test]
fn outputs_are_whole_or_absent() {
    let home = TempDir::new("outputs");
    let deck = write_deck(&home, "t.deck", "Test", 5);
    let err = carnet(&home)
        .args(["export", "--anki"])
        .args([home.join("missing/x.txt"), "--deck".into()])
        .args([&deck])
        .run()
        .input_error();
    assert!(err.contains("missing/x.txt"), "{err}");
    let bad = home.join("bad.txt");
    std::fs::write(&bad, "#separator:tab\nune seule colonne\n").unwrap();
    let err = carnet(&home)
        .args(["import"])
        .args([&bad])
        .args(["-o"])
        .args([home.join("out.deck")])
        .run()
        .input_error();
    assert!(
        err.contains("bad.txt:2: 1 field(s); a note needs a front and a back"),
        "{err}"
    );
    assert!(!home.join("out.deck").exists());
    // Only the deck written by the test is there: no temporary file left behind.
    let names: Vec<String> = std::fs::read_dir(home.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(names.iter().all(|n| !n.contains(".tmp-")), "{names:?}");
}

/// The ids of a deck's cards, in deck order.
pub fn card_ids(home: &TempDir, deck: &std::path::Path) -> Vec<CardId> {
    cards_json(home, deck)
        .iter()
        .map(|v| CardId(u64::from_str_radix(v["id"].as_str().unwrap(), 16).unwrap()))
        .collect()
}

/// One rule for stdout in every command: a closed pipe is a quiet exit (0), a full disk an
/// error (exit 1, « cannot write to stdout »); never a panic (exit 101).
#[test]
fn stdout_that_cannot_be_written_is_never_a_panic() {
    let home = TempDir::new("stdout");
    let deck = write_deck(&home, "t.deck", "Test", 6);
    let card = home.join("card");
    std::fs::create_dir_all(&card).unwrap();
    let text = home.join("notes.txt");
    std::fs::write(
        &text,
        "Le 18 mars 1871, la Commune de Paris est proclamée. Elle compte 92 élus.\n",
    )
    .unwrap();
    let export = home.join("out.txt");
    let d = deck.to_str().unwrap();
    let commands: Vec<Vec<String>> = vec![
        vec!["config".into()],
        vec!["completions".into(), "bash".into()],
        vec![
            "sync".into(),
            card.display().to_string(),
            "--deck".into(),
            d.into(),
        ],
        vec![
            "sync".into(),
            card.display().to_string(),
            "--dry-run".into(),
            "--deck".into(),
            d.into(),
        ],
        vec![
            "export".into(),
            "--anki".into(),
            export.display().to_string(),
            "--deck".into(),
            d.into(),
        ],
        vec![
            "generate".into(),
            text.display().to_string(),
            "-o".into(),
            home.join("g.deck").display().to_string(),
        ],
        vec!["cards".into(), "--deck".into(), d.into()],
        vec!["stats".into(), "--deck".into(), d.into()],
        vec!["log".into(), "--deck".into(), d.into()],
    ];
    for args in &commands {
        // A closed pipe: the reading end is gone before carnet writes.
        let (reader, writer) = std::io::pipe().unwrap();
        drop(reader);
        let out = carnet(&home)
            .args(args)
            .into_command()
            .stdin(std::process::Stdio::null())
            .stdout(writer)
            .stderr(std::process::Stdio::piped())
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(
            out.status.code(),
            Some(0),
            "{args:?} on a closed pipe: {err}"
        );
        assert!(!err.contains("panicked"), "{args:?}: {err}");
        // A full disk.
        let full = std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .unwrap();
        let out = carnet(&home)
            .args(args)
            .into_command()
            .stdin(std::process::Stdio::null())
            .stdout(full)
            .stderr(std::process::Stdio::piped())
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{args:?} on /dev/full: {err}");
        assert!(err.contains("cannot write to stdout"), "{args:?}: {err}");
    }
}
