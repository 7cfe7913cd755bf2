//! The handheld end to end in QEMU, part of `cargo xtask firmware test`:
//!
//! 1. **Five reviews**: the bundled deck as `DECK.BIN` on a fresh card; the firmware boots
//!    on the home screen and opens the first card (both screens compared with golden PNGs);
//!    five cards are revealed and graded; « Éteindre » ends the run with status 0; then
//!    `REVIEWS.LOG` is read back from the image and must hold exactly those five reviews,
//!    of the cards that were shown, with the grades pressed. `carnet sync` then merges them
//!    into the terminal's store, configured with non-default scheduling settings (a config
//!    file, `--retention 0.85 --learning-steps 2m,15m`, a time zone two hours east of UTC),
//!    and must leave `SETTINGS.TXT` on the image with those values.
//!    Then **Anki → carnet → handheld → carnet → Anki** (`anki_round_trip`): a collection
//!    built by Anki's backend, imported, synced, reviewed by button presses, synced back,
//!    exported with `--apkg` and imported into Anki twice: the handheld's reviews are in
//!    Anki's revlog exactly once.
//! 2. **The card's settings on the device**: a card with the deck and that `SETTINGS.TXT`;
//!    the firmware must report it read, and its home screen (daily limit) and the first
//!    card's back (the interval labels of the 2 min / 15 min steps at 85 % retention) must
//!    equal the application crate's host rendering under the same settings — which differs
//!    from the rendering with the default settings.
//! 3. **RAM with 2,000 cards**: a synthetic 2,000-card deck and a 1,000-review log; boot,
//!    study, quiz, statistics; static RAM plus the measured stack peak must stay within
//!    48 KiB.
//! 4. **Power cuts**: QEMU is killed at random moments while reviews are written, again and
//!    again on the same card image; after each kill the log must parse on the host, hold
//!    every review the firmware had acknowledged, and the next boot must read it without
//!    error.

use std::collections::BTreeMap;
use std::path::Path;
use std::time::{Duration, Instant};

use carnet_engine::deck::Deck;
use carnet_engine::review_log::{LogEntry, LogReader};

use crate::error::{Context as _, Error, Result};
use crate::firmware::RAM_BUDGET;
use crate::firmware_test::{compare_golden, Checks, BOOT_BUDGET};
use crate::qemu::{BootOptions, Input, Session};
use crate::screen::Screen;
use crate::workspace::Workspace;
use crate::{host_render, sd_image, synthetic};

/// Golden screenshot of the home screen with the bundled deck.
pub const GOLDEN_HOME: &str = "handheld-home.png";
/// Golden screenshot of the first card with the bundled deck.
pub const GOLDEN_FIRST_CARD: &str = "handheld-first-card.png";
/// The grades of the five-review run: Bien, Encore, Difficile, Facile, Bien.
pub const FIVE_GRADES: [Input; 5] = [Input::Up, Input::Left, Input::Down, Input::Right, Input::Up];
/// Power cuts in one test run.
pub const POWER_CUTS: usize = 50;
/// Cards in the RAM check's synthetic deck.
pub const RAM_CHECK_CARDS: usize = 2000;
/// Reviews in the RAM check's log.
pub const RAM_CHECK_REVIEWS: usize = 1000;

/// The rating number a grade button gives (Encore 1 … Facile 4).
pub fn rating_of(input: Input) -> u8 {
    match input {
        Input::Left => 1,
        Input::Down => 2,
        Input::Up => 3,
        Input::Right => 4,
        Input::Select => 0,
    }
}

/// The `key=value` fields of every complete report line starting with `tag`, in order.
pub fn report_lines(output: &str, tag: &str) -> Vec<BTreeMap<String, String>> {
    let complete = match output.rfind('\n') {
        Some(end) => &output[..end],
        None => "",
    };
    complete
        .lines()
        .filter_map(|l| l.trim().strip_prefix(tag)?.strip_prefix(' '))
        .map(|rest| {
            rest.split_whitespace()
                .filter_map(|kv| kv.split_once('='))
                .map(|(k, v)| (k.to_owned(), v.to_owned()))
                .collect()
        })
        .collect()
}

fn num(fields: &BTreeMap<String, String>, key: &str) -> Option<u64> {
    fields.get(key)?.parse().ok()
}

fn hex(fields: &BTreeMap<String, String>, key: &str) -> Option<u64> {
    u64::from_str_radix(fields.get(key)?, 16).ok()
}

pub(crate) fn count(output: &str, tag: &str) -> usize {
    report_lines(output, tag).len()
}

/// A review as the firmware reported it, or as the log holds it: (card, time_ms, rating).
pub(crate) type Seen = (u64, i64, u8);

pub(crate) fn reported_reviews(output: &str) -> Vec<Seen> {
    report_lines(output, "carnet-review")
        .iter()
        .filter_map(|f| {
            Some((
                hex(f, "card")?,
                f.get("time_ms")?.parse().ok()?,
                num(f, "rating")? as u8,
            ))
        })
        .collect()
}

/// What the host reads in a log: the reviews, damaged frames in the middle, a torn tail.
#[derive(Debug, Default)]
pub struct HostLog {
    /// Reviews, in log order.
    pub reviews: Vec<Seen>,
    /// Every record that decoded.
    pub records: usize,
    /// Damaged frames not at the end.
    pub corrupt: usize,
    /// Whether the log ends in an unfinished frame.
    pub torn: bool,
}

/// Parses a review log with the engine's [`LogReader`].
pub fn host_log(bytes: &[u8]) -> HostLog {
    let mut log = HostLog::default();
    for item in LogReader::new(bytes) {
        match item {
            Ok((_, entry)) => {
                log.records += 1;
                if let LogEntry::Review(r) = entry {
                    log.reviews.push((r.card.0, r.time_ms, r.rating.as_u8()));
                }
            }
            Err(f) if f.torn => log.torn = true,
            Err(_) => log.corrupt += 1,
        }
    }
    log
}

fn read_log(sd: &Path) -> Result<Vec<u8>> {
    // A card the firmware never wrote a review on has no log yet.
    let listing = sd_image::list(sd)?;
    if !listing.iter().any(|f| f == "REVIEWS.LOG") {
        return Ok(Vec::new());
    }
    sd_image::read_file(sd, "REVIEWS.LOG")
}

/// Figures the handheld tests measured, for the report.
#[derive(Debug, Default, Clone)]
pub struct Figures {
    /// QEMU start to the home screen, firmware-measured (µs).
    pub boot_to_home_us: Option<u64>,
    /// The press on « Étudier » to the first card on the panel (µs).
    pub select_to_card_us: Option<u64>,
    /// Static RAM and stack peak with the 2,000-card deck.
    pub ram_2000: Option<(u64, u64)>,
    /// Boot time with the 2,000-card deck and its log (µs).
    pub boot_2000_us: Option<u64>,
    /// Power cuts made, and how many landed before the write was acknowledged.
    pub power_cuts: (usize, usize),
}

/// Runs the three handheld checks with the QEMU image `elf`.
pub fn run(
    ws: &Workspace,
    checks: &mut Checks,
    elf: &Path,
    overwrite: bool,
    figures: &mut Figures,
) -> Result<()> {
    let scratch = ws.scratch_dir().join("test");
    std::fs::create_dir_all(&scratch)?;
    let bundled = std::fs::read(ws.bundled_deck())
        .context(format!("reading {}", ws.bundled_deck().display()))?;
    five_reviews(ws, checks, elf, &scratch, &bundled, overwrite, figures)?;
    crate::anki_round_trip::run(ws, checks, elf, &scratch)?;
    half_written_set(checks, elf, &scratch, &bundled)?;
    ram_with_2000_cards(checks, elf, &scratch, figures)?;
    power_cuts(checks, elf, &scratch, &bundled, figures)?;
    Ok(())
}

/// A card whose `CARD.TXT` says a sync was still writing it (the terminal was killed between
/// two files): the handheld must neither study from it nor write to it.
fn half_written_set(checks: &mut Checks, elf: &Path, scratch: &Path, bundled: &[u8]) -> Result<()> {
    println!("handheld: a card left half-written by an interrupted sync");
    let sd = scratch.join("handheld-half-written.img");
    sd_image::create(
        &sd,
        &[
            ("DECK.BIN", bundled),
            ("CARD.TXT", b"carnet-card 1\nstate=writing\ngeneration=2\n"),
        ],
    )?;
    let (mut hh, out) =
        boot_until_ready(elf, &scratch.join("hhhalf"), &sd, Duration::from_secs(10))?;
    let ready = report_lines(&out, "carnet-ready").remove(0);
    checks.expect(
        "a half-written set of card files boots to the « Synchro interrompue » screen",
        ready.get("screen").map(String::as_str) == Some("fatal"),
        || format!("{ready:?}"),
    );
    hh.wait_for_still(Duration::from_millis(200), Duration::from_secs(10))?;
    hh.screenshot(&scratch.join("handheld-half-written.png"))?;
    for input in [Input::Select, Input::Right, Input::Select] {
        let _ = hh.press_and_wait_for_change(input, Duration::from_millis(500));
    }
    let _ = hh.kill();
    let log = read_log(&sd)?;
    checks.expect(
        "nothing is written to a half-written card",
        log.is_empty(),
        || format!("REVIEWS.LOG holds {} bytes", log.len()),
    );
    Ok(())
}

fn five_reviews(
    ws: &Workspace,
    checks: &mut Checks,
    elf: &Path,
    scratch: &Path,
    bundled: &[u8],
    overwrite: bool,
    figures: &mut Figures,
) -> Result<()> {
    println!("handheld: five reviews with the bundled deck");
    let sd = scratch.join("handheld.img");
    sd_image::create(&sd, &[("DECK.BIN", bundled)])?;
    let (mut hh, out) = boot_until_ready(elf, &scratch.join("hh"), &sd, Duration::from_secs(10))?;
    let ready = report_lines(&out, "carnet-ready").remove(0);
    println!(
        "      {}",
        out.lines()
            .find(|l| l.contains("carnet-ready"))
            .unwrap_or("")
    );
    checks.expect(
        "boots on the home screen with the card's deck",
        ready.get("screen").map(String::as_str) == Some("home")
            && ready.get("source").map(String::as_str) == Some("card"),
        || format!("{ready:?}"),
    );
    hh.wait_for_still(Duration::from_millis(200), Duration::from_secs(10))?;
    let shot = scratch.join(GOLDEN_HOME);
    let screen = hh.screenshot(&shot)?;
    let expected = host_render::screen_after(bundled, &[], &[], now_ms(), &[]);
    check_screen(
        checks,
        "home screen",
        &shot,
        &screen,
        expected,
        ws,
        GOLDEN_HOME,
        overwrite,
    );

    hh.press_and_wait_for_change(Input::Select, Duration::from_secs(5))?;
    hh.wait_for_output("first carnet-show line", Duration::from_secs(5), |o| {
        count(o, "carnet-show") > 0
    })?;
    hh.wait_for_still(Duration::from_millis(100), Duration::from_secs(5))?;
    let shot = scratch.join(GOLDEN_FIRST_CARD);
    let screen = hh.screenshot(&shot)?;
    let expected = host_render::screen_after(
        bundled,
        &[],
        &[],
        now_ms(),
        &[carnet_handheld::Input::Select],
    );
    check_screen(
        checks,
        "first card",
        &shot,
        &screen,
        expected,
        ws,
        GOLDEN_FIRST_CARD,
        overwrite,
    );

    let mut ack_latency = Vec::new();
    for (k, grade) in FIVE_GRADES.iter().enumerate() {
        hh.press_and_wait_for_change(Input::Select, Duration::from_secs(5))
            .context(format!("revealing card {}", k + 1))?;
        let pressed = Instant::now();
        hh.press_nowait(*grade)?;
        hh.wait_for_output("the review's report", Duration::from_secs(5), |o| {
            count(o, "carnet-review") > k
        })?;
        ack_latency.push(pressed.elapsed());
        hh.wait_for_output("the next card", Duration::from_secs(5), |o| {
            count(o, "carnet-show") > k + 1
        })?;
        std::thread::sleep(crate::qemu::KEY_HOLD + Duration::from_millis(40));
        hh.wait_for_still(Duration::from_millis(60), Duration::from_secs(5))?;
    }
    println!(
        "      grade press to acknowledged write (host clock): {:?}",
        ack_latency
    );
    // End the session, back home, « Éteindre ».
    let status = power_off_from_session(&mut hh)?;
    let out = hh.output();
    checks.expect(
        "« Éteindre » exits QEMU with status 0",
        status.success(),
        || format!("{status}; output:\n{out}"),
    );

    let shows: Vec<u64> = report_lines(&out, "carnet-show")
        .iter()
        .filter_map(|f| hex(f, "card"))
        .collect();
    let deck = Deck::from_bytes(bundled).map_err(|e| Error::new(format!("bundled deck: {e}")))?;
    // New cards in deck order, each sentence's other cards buried once one is studied.
    let mut sentences = Vec::new();
    let first_five: Vec<u64> = deck
        .cards()
        .filter(|c| {
            let sentence = (c.source.document, c.source.line);
            let first = !sentences.contains(&sentence);
            sentences.push(sentence);
            first
        })
        .take(5)
        .map(|c| c.id.0)
        .collect();
    checks.expect(
        "the cards shown are the deck's first five of different sentences (new cards in deck \
         order, siblings buried)",
        shows.len() >= 5 && shows[..5] == first_five[..],
        || format!("shown {shows:x?}, deck starts {first_five:x?}"),
    );
    let log = host_log(&sd_image::read_file(&sd, "REVIEWS.LOG")?);
    let want: Vec<(u64, u8)> = shows
        .iter()
        .take(5)
        .zip(FIVE_GRADES)
        .map(|(&c, g)| (c, rating_of(g)))
        .collect();
    let got: Vec<(u64, u8)> = log.reviews.iter().map(|&(c, _, r)| (c, r)).collect();
    checks.expect(
        "REVIEWS.LOG holds exactly the five reviews: the cards shown, the grades pressed",
        got == want && log.records == 5 && log.corrupt == 0 && !log.torn,
        || format!("log {log:?}; wanted {want:x?}"),
    );
    checks.expect(
        "the firmware acknowledged the same five reviews",
        reported_reviews(&out) == log.reviews,
        || format!("reported {:?}", reported_reviews(&out)),
    );

    let settings = sync_with_terminal(ws, checks, scratch, &sd, &want)?;
    settings_on_the_device(checks, elf, scratch, bundled, &settings)?;

    let home_us = num(&ready, "since_qemu_start_us");
    let card_us = report_lines(&out, "carnet-show")
        .first()
        .and_then(|f| num(f, "handled_us"));
    figures.boot_to_home_us = home_us;
    figures.select_to_card_us = card_us;
    let total = home_us.zip(card_us).map(|(a, b)| a + b);
    checks.expect(
        "boot to the first card under 1 s (QEMU start to home, plus select to card)",
        total.is_some_and(|t| t < BOOT_BUDGET.as_micros() as u64),
        || format!("home {home_us:?} µs + card {card_us:?} µs"),
    );
    println!(
        "      boot to home {} µs from QEMU start (deck checked, log replayed); select to first card {} µs",
        home_us.unwrap_or(0),
        card_us.unwrap_or(0)
    );
    Ok(())
}

/// The terminal's configuration for the sync: a config file (no fuzz, so that the intervals
/// on a card's back do not depend on the second it is shown; 7 new cards a day), flags over
/// it, and a POSIX time zone two hours east of UTC (no tz database needed).
/// The terminal's configuration; `language = "en"` goes to the card too: the device's screens
/// under the card's settings are then in English, checked against the host's rendering.
const TERMINAL_CONFIG: &str = "fuzz = false\nnew_per_day = 7\nlanguage = \"en\"\n";
const TERMINAL_FLAGS: [&str; 4] = ["--retention", "0.85", "--learning-steps", "2m,15m"];
const TERMINAL_TZ: &str = "XST-2";
/// What `SETTINGS.TXT` must say after the sync.
const EXPECTED_SETTINGS: [(&str, &str); 8] = [
    ("desired_retention", "0.85"),
    ("learning_steps", "120,900"),
    ("relearning_steps", "600"),
    ("fuzz", "0"),
    ("new_per_day", "7"),
    ("day_start_hour", "4"),
    ("utc_offset_secs", "7200"),
    ("language", "en"),
];

/// The `key=value` lines of a settings file, and its version line.
fn settings_fields(text: &str) -> (Option<&str>, BTreeMap<&str, &str>) {
    let mut lines = text.lines();
    let header = lines.next();
    let fields = lines
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split_once('='))
        .collect();
    (header, fields)
}

/// The terminal program takes the card over: `carnet sync` merges exactly the five reviews,
/// `carnet stats` counts them, a second sync changes nothing, and the terminal's scheduling
/// settings are on the card. Returns the `SETTINGS.TXT` the sync wrote.
fn sync_with_terminal(
    ws: &Workspace,
    checks: &mut Checks,
    scratch: &Path,
    sd: &Path,
    want: &[(u64, u8)],
) -> Result<Vec<u8>> {
    println!("handheld: carnet sync with the terminal program");
    let status =
        std::process::Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
            .args(["build", "-q", "-p", "carnet"])
            .current_dir(ws.root())
            .status()
            .context("building carnet")?;
    if !status.success() {
        return Err(Error::new("cargo build -p carnet failed"));
    }
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| ws.root().join("target"));
    let carnet = target.join("debug").join("carnet");
    let home = scratch.join("terminal");
    let _ = std::fs::remove_dir_all(&home);
    let config_dir = home.join("config").join("carnet");
    std::fs::create_dir_all(&config_dir)?;
    std::fs::write(config_dir.join("config.toml"), TERMINAL_CONFIG)?;
    let run = |args: &[&std::ffi::OsStr]| -> Result<std::process::Output> {
        std::process::Command::new(&carnet)
            .args(args)
            .env("CARNET_DATA_DIR", home.join("data"))
            .env("XDG_CONFIG_HOME", home.join("config"))
            .env("TZ", TERMINAL_TZ)
            .env_remove("CARNET_CONFIG")
            .env_remove("CARNET_NOW")
            .env_remove("CARNET_LANG")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env("LANG", "en_US.UTF-8")
            .env("NO_COLOR", "1")
            .output()
            .context(format!("running {}", carnet.display()))
    };
    let text = |o: &std::process::Output| {
        format!(
            "{}{}",
            String::from_utf8_lossy(&o.stdout),
            String::from_utf8_lossy(&o.stderr)
        )
    };
    let mut sync = vec![std::ffi::OsStr::new("sync"), sd.as_os_str()];
    sync.extend(TERMINAL_FLAGS.iter().map(std::ffi::OsStr::new));
    let first = run(&sync)?;
    checks.expect(
        "carnet sync merges exactly the five reviews from the card",
        first.status.success()
            && text(&first).contains("merged 5 new records")
            && text(&first).contains("(5 reviews; 0 already known)"),
        || text(&first),
    );
    let stats = run(&[
        std::ffi::OsStr::new("stats"),
        std::ffi::OsStr::new("--json"),
    ])?;
    let json: serde_json::Value = serde_json::from_slice(&stats.stdout).unwrap_or_default();
    checks.expect(
        "carnet stats shows the five reviews",
        json["total_reviews"] == 5,
        || text(&stats),
    );
    let log = run(&[std::ffi::OsStr::new("log"), std::ffi::OsStr::new("--json")])?;
    let merged: Vec<(u64, u8)> = String::from_utf8_lossy(&log.stdout)
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter(|v| v["kind"] == "review")
        .filter_map(|v| {
            let card = u64::from_str_radix(v["card"].as_str()?, 16).ok()?;
            Some((card, v["rating"].as_u64()? as u8))
        })
        .collect();
    checks.expect(
        "the host store holds the cards and grades made on the handheld",
        merged == want,
        || format!("store {merged:x?}, wanted {want:x?}"),
    );
    let second = run(&sync)?;
    checks.expect(
        "a second carnet sync adds nothing",
        second.status.success() && text(&second).contains("merged 0 new records"),
        || text(&second),
    );
    let back = host_log(&sd_image::read_file(sd, "REVIEWS.LOG")?);
    checks.expect(
        "the card's log after sync is the merged history (the same five reviews)",
        back.records == 5 && back.corrupt == 0,
        || format!("{back:?}"),
    );
    let settings = if sd_image::list(sd)?.iter().any(|f| f == "SETTINGS.TXT") {
        sd_image::read_file(sd, "SETTINGS.TXT")?
    } else {
        Vec::new()
    };
    let text = String::from_utf8_lossy(&settings);
    let (header, fields) = settings_fields(&text);
    let wrong: Vec<String> = EXPECTED_SETTINGS
        .iter()
        .filter(|(k, v)| fields.get(k) != Some(v))
        .map(|(k, v)| format!("{k}: {:?}, wanted {v:?}", fields.get(k)))
        .collect();
    checks.expect(
        "SETTINGS.TXT is on the image after carnet sync, with the terminal's settings \
         (retention 0.85, steps 2m,15m, no fuzz, 7 new a day, UTC+2, English)",
        header == Some("carnet-settings 1.1")
            && wrong.is_empty()
            && fields.get("fsrs_parameters").map(|p| p.split(',').count()) == Some(21),
        || format!("{}\n{text}", wrong.join("; ")),
    );
    Ok(settings)
}

/// A device booted on a card with the deck and the terminal's `SETTINGS.TXT` shows what the
/// application crate draws under those settings: the daily limit on the home screen, the
/// steps' and the retention's intervals on the first card's back.
fn settings_on_the_device(
    checks: &mut Checks,
    elf: &Path,
    scratch: &Path,
    bundled: &[u8],
    settings: &[u8],
) -> Result<()> {
    println!("handheld: a card carrying the terminal's settings");
    let sd = scratch.join("handheld-settings.img");
    sd_image::create(&sd, &[("DECK.BIN", bundled), ("SETTINGS.TXT", settings)])?;
    let (mut hh, out) =
        boot_until_ready(elf, &scratch.join("hhset"), &sd, Duration::from_secs(10))?;
    let ready = report_lines(&out, "carnet-ready").remove(0);
    checks.expect(
        "the firmware reads SETTINGS.TXT at boot (settings=card) and opens on the home screen",
        ready.get("settings").map(String::as_str) == Some("card")
            && ready.get("screen").map(String::as_str) == Some("home"),
        || format!("{ready:?}"),
    );
    hh.wait_for_still(Duration::from_millis(200), Duration::from_secs(10))?;
    let shot = scratch.join("handheld-settings-home.png");
    let screen = hh.screenshot(&shot)?;
    let expected = host_render::screen_after(bundled, &[], settings, now_ms(), &[]);
    let default = host_render::screen_after(bundled, &[], &[], now_ms(), &[]);
    compare_with_host(
        checks,
        "home screen under the card's settings (7 new a day, in English)",
        &shot,
        &screen,
        expected.as_ref(),
        default.as_ref(),
    );

    hh.press_and_wait_for_change(Input::Select, Duration::from_secs(5))?;
    hh.wait_for_output("a carnet-show line", Duration::from_secs(5), |o| {
        count(o, "carnet-show") > 0
    })?;
    hh.wait_for_still(Duration::from_millis(100), Duration::from_secs(5))?;
    hh.press_and_wait_for_change(Input::Select, Duration::from_secs(5))?;
    hh.wait_for_still(Duration::from_millis(100), Duration::from_secs(5))?;
    let shot = scratch.join("handheld-settings-back.png");
    let screen = hh.screenshot(&shot)?;
    let presses = [
        carnet_handheld::Input::Select,
        carnet_handheld::Input::Select,
    ];
    let expected = host_render::screen_after(bundled, &[], settings, now_ms(), &presses);
    let default = host_render::screen_after(bundled, &[], &[], now_ms(), &presses);
    compare_with_host(
        checks,
        "first card's back under the card's settings (intervals of 2m/15m steps at 85 %)",
        &shot,
        &screen,
        expected.as_ref(),
        default.as_ref(),
    );
    let _ = hh.kill();
    Ok(())
}

/// The panel must equal the host rendering under the card's settings, and that rendering
/// must differ from the one under the default settings (else the check proves nothing).
fn compare_with_host(
    checks: &mut Checks,
    what: &str,
    shot: &Path,
    screen: &Screen,
    expected: Option<&Screen>,
    default: Option<&Screen>,
) {
    let expected_png = shot.with_extension("expected.png");
    if let Some(e) = expected {
        let _ = std::fs::write(&expected_png, e.to_png());
    }
    checks.expect(
        &format!("{what}: the panel shows what carnet-handheld draws on the host"),
        expected == Some(screen) && expected != default,
        || match (expected, default) {
            (Some(e), _) if e != screen => format!(
                "{} pixels differ (panel {}, host {}; X marks them)\n{}",
                screen.diff_count(e),
                shot.display(),
                expected_png.display(),
                screen.diff_ascii(e)
            ),
            (Some(_), _) => "the host rendering is the same as with the default settings".into(),
            (None, _) => "the host rendering failed".into(),
        },
    );
}

/// From a study session: ends it, goes back home, and chooses « Éteindre » (the fourth
/// item); the emulator's exit status.
pub(crate) fn power_off_from_session(hh: &mut Session) -> Result<std::process::ExitStatus> {
    hh.press_and_wait_for_change(Input::Left, Duration::from_secs(5))?;
    hh.press_and_wait_for_change(Input::Select, Duration::from_secs(5))?;
    for _ in 0..3 {
        hh.press_and_wait_for_change(Input::Down, Duration::from_secs(5))?;
    }
    hh.press(Input::Select)?;
    hh.wait_exit(Duration::from_secs(10))
}

/// Boots the firmware with the card image `sd` and waits for its `carnet-ready` report line;
/// gives the session and its output so far.
pub(crate) fn boot_until_ready(
    elf: &Path,
    run_dir: &Path,
    sd: &Path,
    timeout: Duration,
) -> Result<(Session, String)> {
    let mut hh = Session::boot(&BootOptions::new(elf, run_dir).sd_image(sd))?;
    let out = hh.wait_for_output("carnet-ready line", timeout, |o| {
        count(o, "carnet-ready") > 0
    })?;
    Ok((hh, out))
}

fn now_ms() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_millis() as i64)
        .unwrap_or(0)
}

/// The panel must show exactly what the application crate draws on the host for the same
/// deck and presses (the hard check, whatever the bundled deck holds today); the checked-in
/// golden PNG is compared too, and only reported stale when the bundled deck changed (the
/// host rendering then differs from it as well): `--overwrite` refreshes it.
#[allow(clippy::too_many_arguments)]
fn check_screen(
    checks: &mut Checks,
    what: &str,
    shot: &Path,
    screen: &Screen,
    expected: Option<Screen>,
    ws: &Workspace,
    golden: &str,
    overwrite: bool,
) {
    let expected_png = shot.with_extension("expected.png");
    if let Some(e) = &expected {
        let _ = std::fs::write(&expected_png, e.to_png());
    }
    checks.expect(
        &format!("{what}: the panel shows what carnet-handheld draws on the host"),
        expected.as_ref() == Some(screen),
        || match &expected {
            Some(e) => format!(
                "{} pixels differ (panel {}, host {}; X marks them)\n{}",
                screen.diff_count(e),
                shot.display(),
                expected_png.display(),
                screen.diff_ascii(e)
            ),
            None => "the host rendering failed".into(),
        },
    );
    let golden_path = ws.golden_dir().join(golden);
    let golden_result = compare_golden(shot, &golden_path, overwrite);
    match golden_result {
        Ok(()) => checks.record(&format!("{what} matches the golden PNG"), Ok(())),
        Err(e) if expected.as_ref() == Some(screen) && golden_path.exists() => println!(
            "note  {what}: the golden PNG is stale (the bundled deck changed?): {}; \
             refresh with `cargo xtask firmware test --overwrite` after looking at {}",
            e.to_string().lines().next().unwrap_or(""),
            shot.display()
        ),
        Err(e) => checks.record(&format!("{what} matches the golden PNG"), Err(e)),
    }
}

fn ram_with_2000_cards(
    checks: &mut Checks,
    elf: &Path,
    scratch: &Path,
    figures: &mut Figures,
) -> Result<()> {
    println!(
        "handheld: RAM with a {RAM_CHECK_CARDS}-card deck and a {RAM_CHECK_REVIEWS}-review log"
    );
    let deck = synthetic::deck(RAM_CHECK_CARDS);
    let log = synthetic::log(RAM_CHECK_CARDS, RAM_CHECK_REVIEWS, now_ms() - 3_600_000);
    println!("      deck {} B, log {} B", deck.len(), log.len());
    let sd = scratch.join("handheld-2000.img");
    sd_image::create(&sd, &[("DECK.BIN", &deck), ("REVIEWS.LOG", &log)])?;
    let (mut hh, out) =
        boot_until_ready(elf, &scratch.join("hh2k"), &sd, Duration::from_secs(120))?;
    let ready = report_lines(&out, "carnet-ready").remove(0);
    println!(
        "      {}",
        out.lines()
            .find(|l| l.contains("carnet-ready"))
            .unwrap_or("")
    );
    checks.expect(
        "2,000 cards loaded and every log record matched to its card",
        num(&ready, "cards") == Some(RAM_CHECK_CARDS as u64)
            && num(&ready, "records") == Some(RAM_CHECK_REVIEWS as u64)
            && num(&ready, "orphans") == Some(0)
            && ready.get("screen").map(String::as_str) == Some("home"),
        || format!("{ready:?}"),
    );
    figures.boot_2000_us = num(&ready, "since_qemu_start_us");
    // Use every screen once: study (reveal, grade), quiz (question, choices, answer),
    // statistics; then « Éteindre » reports the RAM figures.
    let wait = Duration::from_secs(10);
    let presses = [
        Input::Select, // study
        Input::Select, // reveal
        Input::Up,     // grade
        Input::Select, // reveal
        Input::Left,   // grade
        Input::Left,   // end → summary
        Input::Select, // home
        Input::Down,
        Input::Select, // quiz
        Input::Select, // choices
        Input::Down,
        Input::Select, // answer
        Input::Select, // next question
        Input::Left,   // end → quiz summary
        Input::Select, // home
        Input::Down,
        Input::Down,
        Input::Select, // statistics
        Input::Select, // home
        Input::Down,
        Input::Down,
        Input::Down,
    ];
    for input in presses {
        hh.press_and_wait_for_change(input, wait)
            .context(format!("pressing {input:?}"))?;
    }
    hh.press(Input::Select)?;
    let status = hh.wait_exit(Duration::from_secs(20))?;
    let out = hh.output();
    let exit = report_lines(&out, "carnet-exit");
    let ram = exit
        .first()
        .and_then(|f| num(f, "static_ram").zip(num(f, "stack_peak")));
    checks.expect(
        "2,000 cards: static RAM + stack peak within 48 KiB",
        status.success() && ram.is_some_and(|(s, p)| s + p <= RAM_BUDGET),
        || format!("{status}; {ram:?}; output:\n{out}"),
    );
    if let Some((s, p)) = ram {
        figures.ram_2000 = Some((s, p));
        println!(
            "      RAM: static {s} B + stack peak {p} B = {} B ({:.1} KiB of {} KiB)",
            s + p,
            (s + p) as f64 / 1024.0,
            RAM_BUDGET / 1024
        );
    }
    Ok(())
}

/// A small reproducible random source (xorshift64*).
struct Dice(u64);

impl Dice {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        (self.0.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 33) % n.max(1)
    }
}

fn power_cuts(
    checks: &mut Checks,
    elf: &Path,
    scratch: &Path,
    bundled: &[u8],
    figures: &mut Figures,
) -> Result<()> {
    let seed = std::env::var("CARNET_POWER_CUT_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0x5EED_CA7D_u64);
    println!("handheld: {POWER_CUTS} power cuts while writing reviews (seed {seed}; CARNET_POWER_CUT_SEED to change)");
    let mut dice = Dice(seed | 1);
    let sd = scratch.join("handheld-cut.img");
    sd_image::create(&sd, &[("DECK.BIN", bundled)])?;
    let mut acknowledged: Vec<Seen> = Vec::new();
    let mut problems: Vec<String> = Vec::new();
    let mut before_ack = 0usize;
    let mut writes_seen = 0usize;
    let started = Instant::now();
    for run in 0..POWER_CUTS {
        let before = host_log(&read_log(&sd)?);
        let (mut hh, out) =
            boot_until_ready(elf, &scratch.join("hhcut"), &sd, Duration::from_secs(20))?;
        let ready = report_lines(&out, "carnet-ready").remove(0);
        // The boot read the log the last kill left: as the host reads it, without error.
        if num(&ready, "records") != Some(before.records as u64)
            || num(&ready, "corrupt") != Some(before.corrupt as u64)
            || num(&ready, "torn") != Some(before.torn as u64)
        {
            problems.push(format!(
                "run {run}: boot read {ready:?}, the host read {} records, {} corrupt, torn {}",
                before.records, before.corrupt, before.torn
            ));
        }
        // Some whole reviews, then a grade with the power cut a random moment after it.
        let full = dice.below(4) as usize;
        hh.press(Input::Select)?;
        let mut ok = true;
        for k in 0..=full {
            // Card k's front is on the panel once its show line is out.
            let shown = hh.wait_for_output("a card", Duration::from_secs(3), |o| {
                count(o, "carnet-show") > k
            });
            if shown.is_err() {
                ok = false;
                break;
            }
            std::thread::sleep(Duration::from_millis(20));
            hh.press_and_wait_for_change(Input::Select, Duration::from_secs(3))?;
            // Mostly « Encore »: cards stay in learning, so there is always one to review.
            let grade = match dice.below(10) {
                0..=5 => Input::Left,
                6 | 7 => Input::Down,
                8 => Input::Up,
                _ => Input::Right,
            };
            let acked = count(&hh.output(), "carnet-review");
            hh.press_nowait(grade)?;
            if k == full {
                std::thread::sleep(Duration::from_millis(dice.below(60)));
                hh.kill()?;
                if count(&hh.output(), "carnet-review") == acked {
                    before_ack += 1;
                }
            } else {
                hh.wait_for_output("the review's report", Duration::from_secs(3), |o| {
                    count(o, "carnet-review") > acked
                })?;
                std::thread::sleep(crate::qemu::KEY_HOLD);
            }
        }
        if !ok {
            hh.kill()?;
            problems.push(format!("run {run}: no card to review was shown"));
        }
        let out = hh.output();
        let reported = reported_reviews(&out);
        writes_seen += reported.len();
        acknowledged.extend(reported);
        let after = host_log(&read_log(&sd)?);
        let lost: Vec<&Seen> = acknowledged
            .iter()
            .filter(|a| !after.reviews.contains(a))
            .collect();
        if !lost.is_empty() {
            problems.push(format!(
                "run {run}: acknowledged reviews missing from the log: {lost:?}"
            ));
        }
        if after.records < before.records {
            problems.push(format!("run {run}: the log lost records"));
        }
    }
    // A last boot reads what the last kill left.
    let last = host_log(&read_log(&sd)?);
    let (mut hh, out) =
        boot_until_ready(elf, &scratch.join("hhcut"), &sd, Duration::from_secs(20))?;
    let _ = hh.kill();
    let ready = report_lines(&out, "carnet-ready").remove(0);
    if num(&ready, "records") != Some(last.records as u64) {
        problems.push(format!("final boot read {ready:?}, host {last:?}"));
    }
    figures.power_cuts = (POWER_CUTS, before_ack);
    println!(
        "      {POWER_CUTS} cuts in {:.0} s: {} acknowledged reviews all kept, {} cuts before the \
         write was acknowledged; log {} records, {} damaged, torn tail {}",
        started.elapsed().as_secs_f64(),
        writes_seen,
        before_ack,
        last.records,
        last.corrupt,
        last.torn
    );
    checks.expect(
        "power cuts: every acknowledged review kept, every boot reads the log as the host does",
        problems.is_empty() && writes_seen > 0,
        || problems.join("\n"),
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_report_lines_and_ignores_a_cut_last_line() {
        let out = "carnet-show card=00ff handled_us=12\ncarnet-review card=00ff rating=3 time_ms=5\ncarnet-review card=01";
        assert_eq!(count(out, "carnet-show"), 1);
        assert_eq!(reported_reviews(out), vec![(0xff, 5, 3)]);
    }

    #[test]
    fn grades_map_to_ratings() {
        assert_eq!(FIVE_GRADES.map(rating_of), [3, 1, 2, 4, 3]);
    }
}
