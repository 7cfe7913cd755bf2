//! `carnet sync`: the handheld's SD card (a mounted folder, or an MBR + FAT16 image) and the
//! host store end up with one history; a second sync changes nothing.

use std::path::Path;
use std::process::Command;

use carnet_engine::review_log::{LogEntry, LogReader};

use crate::support::*;

fn records(bytes: &[u8]) -> Vec<LogEntry> {
    LogReader::new(bytes).map(|r| r.unwrap().1).collect()
}

/// `carnet sync TARGET --deck DECK` in `home`.
fn sync(home: &TempDir, target: &Path, deck: &Path) -> Done {
    sync_card(home, target, deck, &[])
}

#[test]
fn merges_a_mounted_card_exactly_once_and_gives_it_the_whole_history() {
    let home = TempDir::new("sync-dir");
    let deck = write_deck(&home, "t.deck", "Test", 20);
    let deck_bytes = std::fs::read(&deck).unwrap();
    let card = home.join("card");
    std::fs::create_dir_all(&card).unwrap();

    // Two reviews on the terminal, then a first sync onto an empty card.
    carnet(&home)
        .args(["--deck"])
        .args([&deck])
        .stdin("3\n3\nq\n")
        .run()
        .ok();
    let first = sync(&home, &card, &deck).ok();
    assert!(first.contains("merged 0 new record"), "{first}");
    assert_eq!(std::fs::read(card.join("DECK.BIN")).unwrap(), deck_bytes);
    assert_eq!(
        records(&std::fs::read(card.join("REVIEWS.LOG")).unwrap()).len(),
        2
    );

    // Five reviews on the handheld, appended to its log, and a torn sixth.
    let made = good_reviews(&deck_bytes, 5, 1_711_700_000_000, 3_600_000);
    let mut log = std::fs::read(card.join("REVIEWS.LOG")).unwrap();
    log.extend_from_slice(&frames(&made));
    let torn = frames(&good_reviews(&deck_bytes, 6, 1_711_900_000_000, 3_600_000)[5..]);
    log.extend_from_slice(&torn[..torn.len() / 2]);
    std::fs::write(card.join("REVIEWS.LOG"), &log).unwrap();

    let second = sync(&home, &card, &deck);
    let out = second.ok();
    assert!(
        out.contains("merged 5 new records") && out.contains("(5 reviews; "),
        "{out}"
    );
    assert!(
        second.stderr().contains("unfinished"),
        "{}",
        second.stderr()
    );
    assert_eq!(reviews_in_store(&home, &deck), 7);
    // The card now holds the whole history, in time order.
    let on_card = records(&std::fs::read(card.join("REVIEWS.LOG")).unwrap());
    assert_eq!(on_card.len(), 7);
    assert!(on_card
        .windows(2)
        .all(|w| carnet::store::entry_time_ms(&w[0]) <= carnet::store::entry_time_ms(&w[1])));

    let third = sync(&home, &card, &deck).ok();
    assert!(third.contains("merged 0 new records"), "{third}");
    assert_eq!(reviews_in_store(&home, &deck), 7);

    // The stats see the handheld's reviews.
    let json = carnet(&home)
        .args(["stats", "--json", "--deck"])
        .args([&deck])
        .env("CARNET_NOW", "2024-04-01T10:00:00Z")
        .run()
        .ok();
    let s: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(s["total_reviews"], 7, "{json}");
}

/// A 64 MiB image as the handheld uses: MBR, one FAT16 partition at sector 2048.
fn make_image(path: &Path) -> bool {
    let tools = Command::new("mkfs.fat").arg("--help").output().is_ok()
        && Command::new("mcopy").arg("-V").output().is_ok();
    if !tool_available(
        tools,
        "mkfs.fat (dosfstools) or mcopy (mtools) is missing",
        "the SD image sync test did not run",
    ) {
        return false;
    }
    let file = std::fs::File::create(path).unwrap();
    file.set_len(64 << 20).unwrap();
    drop(file);
    let mut mbr = [0u8; 512];
    mbr[446 + 4] = 0x06;
    mbr[446 + 8..446 + 12].copy_from_slice(&2048u32.to_le_bytes());
    mbr[446 + 12..446 + 16].copy_from_slice(&(((64u32 << 20) / 512) - 2048).to_le_bytes());
    mbr[510] = 0x55;
    mbr[511] = 0xAA;
    let mut bytes = std::fs::read(path).unwrap();
    bytes[..512].copy_from_slice(&mbr);
    std::fs::write(path, &bytes).unwrap();
    let out = Command::new("mkfs.fat")
        .args(["-F", "16", "--offset=2048"])
        .arg(path)
        .arg("64512")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    true
}

fn mtype(image: &Path, name: &str) -> Vec<u8> {
    let out = Command::new("mcopy")
        .env("MTOOLS_SKIP_CHECK", "1")
        .arg("-i")
        .arg(format!("{}@@1M", image.display()))
        .args([&format!("::{name}"), "-"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

#[test]
fn merges_an_sd_image_exactly_once() {
    let home = TempDir::new("sync-img");
    let image = home.join("sd.img");
    if !make_image(&image) {
        return;
    }
    let deck = write_deck(&home, "t.deck", "Test", 20);
    let deck_bytes = std::fs::read(&deck).unwrap();
    let first = sync(&home, &image, &deck).ok();
    assert!(first.contains("merged 0 new record"), "{first}");
    assert_eq!(mtype(&image, "DECK.BIN"), deck_bytes);

    // The handheld appends five reviews to its log on the card.
    let local = home.join("REVIEWS.LOG");
    let mut log = mtype(&image, "REVIEWS.LOG");
    log.extend_from_slice(&frames(&good_reviews(
        &deck_bytes,
        5,
        1_711_700_000_000,
        3_600_000,
    )));
    std::fs::write(&local, &log).unwrap();
    let put = Command::new("mcopy")
        .env("MTOOLS_SKIP_CHECK", "1")
        .arg("-o")
        .arg("-i")
        .arg(format!("{}@@1M", image.display()))
        .arg(&local)
        .arg("::REVIEWS.LOG")
        .output()
        .unwrap();
    assert!(put.status.success());

    let second = sync(&home, &image, &deck).ok();
    assert!(second.contains("merged 5 new records"), "{second}");
    assert_eq!(reviews_in_store(&home, &deck), 5);
    let third = sync(&home, &image, &deck).ok();
    assert!(third.contains("merged 0 new records"), "{third}");
    assert_eq!(reviews_in_store(&home, &deck), 5);
    assert_eq!(records(&mtype(&image, "REVIEWS.LOG")).len(), 5);
    // The settings went with them, in the same write.
    let settings = String::from_utf8(mtype(&image, "SETTINGS.TXT")).unwrap();
    assert!(
        settings.starts_with("carnet-settings 1.1\n")
            && settings.contains("\nlearning_steps=60,600\n"),
        "{settings}"
    );
}

#[test]
fn refuses_what_is_not_a_card() {
    let home = TempDir::new("sync-bad");
    let deck = write_deck(&home, "t.deck", "Test", 5);
    let junk = home.join("junk.img");
    std::fs::write(&junk, vec![7u8; 4096]).unwrap();
    let err = sync(&home, &junk, &deck).input_error();
    assert!(
        err.contains("junk.img") && err.contains("not an SD card image"),
        "{err}"
    );
    let missing = carnet(&home)
        .args(["sync", "/nonexistent/card", "--deck"])
        .args([&deck])
        .run()
        .input_error();
    assert!(missing.contains("/nonexistent/card"), "{missing}");
}

/// `key=value` lines of a settings file (the version line and comments left out).
fn settings_map(text: &str) -> std::collections::BTreeMap<String, String> {
    text.lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split_once('='))
        .map(|(k, v)| (k.to_owned(), v.to_owned()))
        .collect()
}

#[test]
fn writes_the_configured_scheduling_settings_to_the_card() {
    let home = TempDir::new("sync-settings");
    let deck = write_deck(&home, "t.deck", "Test", 10);
    let card = home.join("card");
    std::fs::create_dir_all(&card).unwrap();
    let config = home.join("carnet.toml");
    std::fs::write(
        &config,
        "desired_retention = 0.8\n\
         learning_steps = [\"2m\", \"15m\"]\n\
         relearning_steps = [\"5m\"]\n\
         new_per_day = 7\n\
         day_start_hour = 6\n\
         maximum_interval = 3650\n\
         learn_ahead_minutes = 10\n\
         fuzz = false\n",
    )
    .unwrap();

    // A dry run writes nothing.
    let dry = carnet(&home)
        .args(["sync", "--dry-run"])
        .args([&card])
        .args(["--deck"])
        .args([&deck])
        .run()
        .ok();
    assert!(dry.contains("SETTINGS.TXT"), "{dry}");
    assert!(!card.join("SETTINGS.TXT").exists());

    // The configuration file, two flags over it, and a time zone two hours east of UTC.
    let out = carnet(&home)
        .args(["sync"])
        .args([&card])
        .args(["--deck"])
        .args([&deck])
        .args(["--config"])
        .args([&config])
        .args(["--retention", "0.85", "--reviews-per-day", "150"])
        .env("TZ", "XST-2")
        .run()
        .ok();
    assert!(out.contains("SETTINGS.TXT"), "{out}");
    let text = std::fs::read_to_string(card.join("SETTINGS.TXT")).unwrap();
    assert_eq!(text.lines().next(), Some("carnet-settings 1.1"), "{text}");
    assert!(text.is_ascii() && text.ends_with('\n'), "{text}");
    let map = settings_map(&text);
    let want = [
        ("desired_retention", "0.85"),
        ("maximum_interval", "3650"),
        ("fuzz", "0"),
        ("learning_steps", "120,900"),
        ("relearning_steps", "300"),
        ("new_per_day", "7"),
        ("reviews_per_day", "150"),
        ("learn_ahead_secs", "600"),
        ("day_start_hour", "6"),
        ("utc_offset_secs", "7200"),
        ("language", "en"),
    ];
    for (key, value) in want {
        assert_eq!(
            map.get(key).map(String::as_str),
            Some(value),
            "{key}: {text}"
        );
    }
    let params: Vec<f32> = map["fsrs_parameters"]
        .split(',')
        .map(|v| v.parse().unwrap())
        .collect();
    assert_eq!(params, carnet_engine::DEFAULT_PARAMETERS);
    assert_eq!(map.len(), want.len() + 1, "no other key: {text}");

    // The handheld's own parser reads it back to exactly these settings.
    let (device, origin) = carnet_handheld::settings_file::parse(
        text.as_bytes(),
        &carnet_handheld::Settings::default(),
    );
    assert_eq!(origin, carnet_handheld::SettingsOrigin::File);
    let c = device.scheduler.config();
    assert_eq!(c.desired_retention, 0.85f32);
    assert_eq!(c.learning_steps.as_slice(), &[120, 900]);
    assert_eq!(c.relearning_steps.as_slice(), &[300]);
    assert!(!c.fuzz);
    assert_eq!(device.language, carnet_handheld::Language::English);
    assert_eq!(c.maximum_interval, 3650);
    assert_eq!(device.limits.new_per_day, 7);
    assert_eq!(device.limits.reviews_per_day, 150);
    assert_eq!(device.limits.learn_ahead_secs, 600);
    assert_eq!(device.day_clock.start_hour, 6);
    assert_eq!(device.day_clock.utc_offset_secs, 7200);

    // Another sync with other settings replaces the file (defaults, UTC).
    sync(&home, &card, &deck).ok();
    let map = settings_map(&std::fs::read_to_string(card.join("SETTINGS.TXT")).unwrap());
    assert_eq!(map["desired_retention"], "0.9");
    assert_eq!(map["learning_steps"], "60,600");
    assert_eq!(map["utc_offset_secs"], "0");
}
