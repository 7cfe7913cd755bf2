//! `cargo xtask firmware test`: the board and the handheld proven end to end in QEMU.
//!
//! Builds both images (budgets checked), then runs the handheld's checks
//! ([`crate::handheld_test`]: five reviews, RAM with 2,000 cards, power cuts) and the
//! board's self-test: it boots the self-test binary with a fresh SD card, waits for
//! the first frame (boot time), presses right, down, down, left (each must change the
//! screen), compares the panel pixel for pixel with the golden PNG, presses select, and then
//! checks QEMU's exit status, the firmware's report line (deck CRC, RAM, timings) and the
//! lines it appended to `LOG.TXT` (read back with `mtype`). A second boot without a card must
//! end with exit status 1. The last line printed is `N passed, M failed`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::error::{Context as _, Error, Result};
use crate::firmware::{self, Variant, RAM_BUDGET};
use crate::qemu::{BootOptions, Input, Session};
use crate::screen::Screen;
use crate::sd_image;
use crate::workspace::Workspace;

/// Boot to first frame must stay under this (issue 5's budget).
pub const BOOT_BUDGET: Duration = Duration::from_secs(1);
/// Size of the test deck file.
pub const DECK_LEN: usize = 3000;
/// First line of `LOG.TXT` as created on the test card (the firmware appends after it).
pub const LOG_HEADER: &str = "LOG.TXT créé par xtask\n";
/// The presses of the scripted run, before the final select.
pub const PRESSES: [Input; 4] = [Input::Right, Input::Down, Input::Down, Input::Left];
/// Golden screenshot after [`PRESSES`], with the test card.
pub const GOLDEN_WITH_CARD: &str = "selftest.png";
/// Golden screenshot at boot, without a card.
pub const GOLDEN_NO_CARD: &str = "selftest-no-card.png";

/// CRC-32 (IEEE 802.3, as zlib), the same function as the firmware's: the engine's.
pub use carnet_engine::crc32;

/// The test deck: [`DECK_LEN`] reproducible pseudo-random bytes (xorshift32), so reads are
/// checked by CRC and the screen shows a known size.
pub fn test_deck() -> Vec<u8> {
    let mut x = 0x2545_F491u32;
    (0..DECK_LEN)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            (x >> 24) as u8
        })
        .collect()
}

/// The `key=value` fields of the firmware's `carnet-selftest …` report line.
pub fn parse_report(output: &str) -> Option<BTreeMap<String, String>> {
    let line = output
        .lines()
        .find_map(|l| l.trim().strip_prefix("carnet-selftest "))?;
    Some(
        line.split_whitespace()
            .filter_map(|kv| kv.split_once('='))
            .map(|(k, v)| (k.to_owned(), v.to_owned()))
            .collect(),
    )
}

/// Pass/fail bookkeeping that keeps going after a failed check.
pub struct Checks {
    /// Checks passed.
    pub passed: usize,
    /// Names of the checks failed.
    pub failed: Vec<String>,
}

impl Checks {
    /// Records a check's result and prints it.
    pub fn record(&mut self, name: &str, result: Result<()>) {
        match result {
            Ok(()) => {
                self.passed += 1;
                println!("ok    {name}");
            }
            Err(e) => {
                println!("FAIL  {name}: {e}");
                self.failed.push(name.to_owned());
            }
        }
    }

    /// Records a check that `ok`; `why` explains a failure.
    pub fn expect(&mut self, name: &str, ok: bool, why: impl FnOnce() -> String) {
        self.record(name, if ok { Ok(()) } else { Err(Error::new(why())) });
    }
}

fn field<'a>(report: &'a BTreeMap<String, String>, key: &str) -> &'a str {
    report.get(key).map(String::as_str).unwrap_or("")
}

fn number(report: &BTreeMap<String, String>, key: &str) -> Option<u64> {
    field(report, key).parse().ok()
}

pub(crate) fn compare_golden(actual: &Path, golden: &Path, overwrite: bool) -> Result<()> {
    if overwrite {
        if let Some(dir) = golden.parent() {
            std::fs::create_dir_all(dir)?;
        }
        std::fs::copy(actual, golden).context(format!("writing {}", golden.display()))?;
        println!("      golden refreshed: {}", golden.display());
        return Ok(());
    }
    if !golden.exists() {
        return Err(Error::new(format!(
            "no golden {}: look at {} and rerun with --overwrite",
            golden.display(),
            actual.display()
        )));
    }
    let got = Screen::from_png_file(actual)?;
    let want = Screen::from_png_file(golden)?;
    match got.diff_count(&want) {
        0 => Ok(()),
        n => Err(Error::new(format!(
            "{n} pixels differ from {} (actual: {}; X marks them)\n{}",
            golden.display(),
            actual.display(),
            got.diff_ascii(&want)
        ))),
    }
}

/// Runs the firmware test; `overwrite` refreshes the golden screenshots instead of comparing.
pub fn run(ws: &Workspace, overwrite: bool) -> Result<()> {
    let started = std::time::Instant::now();
    let mut checks = Checks {
        passed: 0,
        failed: Vec::new(),
    };
    let scratch = ws.scratch_dir().join("test");
    std::fs::create_dir_all(&scratch)?;

    let hardware = firmware::build(ws, Variant::Hardware)?;
    println!("{}", hardware.size_report());
    checks.record(
        "hardware image within flash/RAM budgets",
        hardware.check_budgets(),
    );
    let qemu = firmware::build(ws, Variant::Qemu)?;
    println!("{}", qemu.size_report());
    checks.record("QEMU image within flash/RAM budgets", qemu.check_budgets());

    // The board's self-test: every device once.
    let deck = test_deck();
    let sd = scratch.join("sd.img");
    sd_image::create(
        &sd,
        &[("DECK.BIN", &deck), ("LOG.TXT", LOG_HEADER.as_bytes())],
    )?;
    with_card(
        ws,
        &mut checks,
        &qemu.selftest_elf,
        &sd,
        &scratch,
        &deck,
        overwrite,
    )?;
    without_card(ws, &mut checks, &qemu.selftest_elf, &scratch, overwrite)?;

    // The handheld itself.
    let mut figures = crate::handheld_test::Figures::default();
    crate::handheld_test::run(ws, &mut checks, &qemu.elf, overwrite, &mut figures)?;

    println!(
        "figures: code+fonts flash {} B (hardware image; + bundled deck {} B), RAM with 2,000 \
         cards {:?} (static, stack peak), boot to home {:?} µs + select to first card {:?} µs, \
         2,000-card boot {:?} µs, power cuts {:?} (made, before the write was acknowledged); \
         {:.0} s",
        hardware.code_bytes(),
        hardware.deck_bytes,
        figures.ram_2000,
        figures.boot_to_home_us,
        figures.select_to_card_us,
        figures.boot_2000_us,
        figures.power_cuts,
        started.elapsed().as_secs_f64()
    );
    println!(
        "firmware test: {} passed, {} failed",
        checks.passed,
        checks.failed.len()
    );
    if checks.failed.is_empty() {
        Ok(())
    } else {
        Err(Error::new(format!("failed: {}", checks.failed.join(", "))))
    }
}

fn with_card(
    ws: &Workspace,
    checks: &mut Checks,
    elf: &Path,
    sd: &Path,
    scratch: &Path,
    deck: &[u8],
    overwrite: bool,
) -> Result<()> {
    println!("boot with an SD card ({})", sd.display());
    let mut hh = Session::boot(&BootOptions::new(elf, scratch.join("qemu")).sd_image(sd))?;
    let first = hh.wait_for_first_frame(Duration::from_secs(10))?;
    println!(
        "      first frame seen by the host {} ms after starting QEMU",
        first.as_millis()
    );
    // The SD results come in a second frame; wait for the screen to settle.
    hh.wait_for_still(Duration::from_millis(300), Duration::from_secs(10))?;
    for input in PRESSES {
        let pressed = hh
            .press_and_wait_for_change(input, Duration::from_secs(3))
            .map(|_| ());
        checks.record(&format!("press {input:?} changes the screen"), pressed);
    }
    let shot: PathBuf = scratch.join(GOLDEN_WITH_CARD);
    hh.screenshot(&shot)?;
    checks.record(
        "screen after the presses matches the golden PNG",
        compare_golden(&shot, &ws.golden_dir().join(GOLDEN_WITH_CARD), overwrite),
    );
    hh.press(Input::Select)?;
    let status = hh.wait_exit(Duration::from_secs(20))?;
    let output = hh.output();
    checks.expect(
        "QEMU exit status 0 (self-test passed)",
        status.success(),
        || format!("{status}; firmware output:\n{output}"),
    );

    let Some(report) = parse_report(&output) else {
        checks.record(
            "firmware report line",
            Err(Error::new(format!("no carnet-selftest line in:\n{output}"))),
        );
        return Ok(());
    };
    println!(
        "      {}",
        output
            .lines()
            .find(|l| l.contains("carnet-selftest"))
            .unwrap_or("")
    );
    checks.expect("report says ok", field(&report, "ok") == "1", || {
        format!("ok={}", field(&report, "ok"))
    });
    let want_crc = format!("{:08x}", crc32(deck));
    checks.expect(
        "deck read back with the right size and CRC",
        number(&report, "deck_len") == Some(deck.len() as u64)
            && field(&report, "deck_crc") == want_crc,
        || {
            format!(
                "deck_len={} deck_crc={} (want {} {want_crc})",
                field(&report, "deck_len"),
                field(&report, "deck_crc"),
                deck.len()
            )
        },
    );
    checks.expect(
        "keys seen in order",
        field(&report, "keys") == "DBBGS",
        || format!("keys={}", field(&report, "keys")),
    );
    let ram = number(&report, "static_ram").zip(number(&report, "stack_peak"));
    checks.expect(
        "RAM (static + stack peak) within 48 KiB",
        ram.is_some_and(|(s, p)| s + p <= RAM_BUDGET),
        || {
            format!(
                "static_ram={:?} stack_peak={:?}",
                ram.map(|r| r.0),
                ram.map(|r| r.1)
            )
        },
    );
    if let Some((s, p)) = ram {
        println!(
            "      RAM: static {s} B + stack peak {p} B = {:.1} KiB of {} KiB",
            (s + p) as f64 / 1024.0,
            RAM_BUDGET / 1024
        );
    }
    let boot_us = number(&report, "first_frame_since_qemu_start_us");
    checks.expect(
        "boot to first frame under 1 s",
        boot_us.is_some_and(|us| us < BOOT_BUDGET.as_micros() as u64),
        || format!("first_frame_since_qemu_start_us={boot_us:?}"),
    );
    println!(
        "      boot to first frame: {} µs from main(), {} µs from QEMU start; host saw it after {} ms",
        field(&report, "first_frame_us"),
        field(&report, "first_frame_since_qemu_start_us"),
        first.as_millis()
    );

    let log = sd_image::read_file(sd, "LOG.TXT")?;
    let want_log = format!(
        "{LOG_HEADER}carnet auto-test : démarrage, DECK.BIN {} o, crc32 {want_crc}\n\
         carnet auto-test : touches DBBGS, curseur 0,2\n",
        deck.len()
    );
    let got_log = String::from_utf8_lossy(&log).into_owned();
    checks.expect(
        "LOG.TXT has the two appended lines (mtype)",
        got_log == want_log,
        || format!("LOG.TXT is\n{got_log}\nwanted\n{want_log}"),
    );
    Ok(())
}

fn without_card(
    ws: &Workspace,
    checks: &mut Checks,
    elf: &Path,
    scratch: &Path,
    overwrite: bool,
) -> Result<()> {
    println!("boot without an SD card");
    let mut hh = Session::boot(&BootOptions::new(elf, scratch.join("qemu")))?;
    hh.wait_for_first_frame(Duration::from_secs(10))?;
    // The first frame says "SD : lecture…"; the verdict comes once the card has failed to
    // answer (about 0.5 s of retries), in a frame of its own.
    let first = hh.screen()?;
    hh.wait_for_change(&first, Duration::from_secs(20))?;
    hh.wait_for_still(Duration::from_millis(300), Duration::from_secs(20))?;
    let shot = scratch.join(GOLDEN_NO_CARD);
    hh.screenshot(&shot)?;
    checks.record(
        "no-card screen matches the golden PNG",
        compare_golden(&shot, &ws.golden_dir().join(GOLDEN_NO_CARD), overwrite),
    );
    hh.press(Input::Select)?;
    let status = hh.wait_exit(Duration::from_secs(20))?;
    checks.expect(
        "no card: QEMU exit status 1",
        status.code() == Some(1),
        || format!("{status}; firmware output:\n{}", hh.output()),
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crc32_matches_the_standard_check_value() {
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
    }

    #[test]
    fn test_deck_is_reproducible() {
        assert_eq!(test_deck(), test_deck());
        assert_eq!(test_deck().len(), DECK_LEN);
    }

    #[test]
    fn parses_the_report_line() {
        let out = "noise\ncarnet-selftest ok=1 deck_len=3000 keys=DBBGS\n";
        let r = parse_report(out).expect("line present");
        assert_eq!(field(&r, "ok"), "1");
        assert_eq!(number(&r, "deck_len"), Some(3000));
        assert_eq!(field(&r, "keys"), "DBBGS");
        assert!(parse_report("nothing here").is_none());
    }
}
