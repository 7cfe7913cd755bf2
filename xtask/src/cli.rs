//! The command line: parsed into a [`Command`], then run.

use std::path::PathBuf;
use std::time::Duration;

use xtask::error::{Context as _, Error, Result};
use xtask::firmware::{self, Variant};
use xtask::qemu::{BootOptions, Input, Output, Session};
use xtask::workspace::Workspace;
use xtask::{firmware_test, sd_image};

/// Usage text.
pub const USAGE: &str = "\
usage: cargo xtask firmware <command> [options]

commands:
  build [--variant hardware|qemu|defmt]   cross-build the board crate (default: hardware and
                                         qemu images), print the route and flash/RAM use
  run [--sd IMAGE] [--defmt] [--timeout SECS]
                                         build the QEMU image and boot it headless (QMP socket
                                         under target/xtask/run); exit with QEMU's status
  shot [--sd IMAGE] [--press KEYS] [--out FILE]
                                         boot, press KEYS (comma-separated: up, down, left,
                                         right, select; ctrl is QEMU's name for select), save
                                         the panel as PNG (default
                                         target/xtask/shot.png), print boot-to-first-frame
  test [--overwrite]                     the firmware end to end in QEMU (self-test, five
                                         reviews, RAM with 2,000 cards, 50 power cuts);
                                         --overwrite refreshes the golden PNGs
  golden [--overwrite]                   the application's screen tests (golden PNGs in
                                         firmware/app/tests/golden); --overwrite rewrites them
  app-cross [TARGET...]                  build carnet-handheld for thumb targets (default
                                         thumbv6m-none-eabi thumbv7m-none-eabi): no_std check
  sd-image IMAGE [FILE...]               make a 64 MiB MBR+FAT16 card image holding FILEs";

/// A parsed command line.
#[derive(Debug, PartialEq)]
pub enum Command {
    /// Print usage.
    Help,
    /// `firmware build`.
    Build { variants: Vec<Variant> },
    /// `firmware run`.
    Run {
        sd: Option<PathBuf>,
        defmt: bool,
        timeout: Option<Duration>,
    },
    /// `firmware shot`.
    Shot {
        sd: Option<PathBuf>,
        presses: Vec<Input>,
        out: Option<PathBuf>,
    },
    /// `firmware test`.
    Test { overwrite: bool },
    /// `firmware golden`.
    Golden { overwrite: bool },
    /// `firmware app-cross`.
    AppCross { targets: Vec<String> },
    /// `firmware sd-image`.
    SdImage { image: PathBuf, files: Vec<PathBuf> },
}

fn value(args: &mut impl Iterator<Item = String>, flag: &str) -> Result<String> {
    args.next()
        .ok_or_else(|| Error::usage(format!("{flag} needs a value")))
}

/// Parses the arguments after `cargo xtask`.
pub fn parse(args: impl IntoIterator<Item = String>) -> Result<Command> {
    let mut args = args.into_iter();
    match args.next().as_deref() {
        None | Some("help" | "--help" | "-h") => return Ok(Command::Help),
        Some("firmware") => {}
        Some(other) => return Err(Error::usage(format!("unknown task {other:?}"))),
    }
    let Some(sub) = args.next() else {
        return Ok(Command::Help);
    };
    if matches!(sub.as_str(), "help" | "--help" | "-h") {
        return Ok(Command::Help);
    }
    let mut sd = None;
    let mut defmt = false;
    let mut timeout = None;
    let mut presses = Vec::new();
    let mut out = None;
    let mut overwrite = false;
    let mut variants = Vec::new();
    let mut positional = Vec::new();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--sd" => sd = Some(PathBuf::from(value(&mut args, "--sd")?)),
            "--defmt" => defmt = true,
            "--timeout" => {
                let v = value(&mut args, "--timeout")?;
                let secs: f64 = v
                    .parse()
                    .map_err(|_| Error::usage(format!("--timeout {v:?} is not a number")))?;
                timeout = Some(Duration::from_secs_f64(secs.max(0.0)));
            }
            "--press" => {
                for name in value(&mut args, "--press")?
                    .split(',')
                    .filter(|s| !s.is_empty())
                {
                    presses.push(
                        Input::parse(name)
                            .ok_or_else(|| Error::usage(format!("unknown key {name:?}")))?,
                    );
                }
            }
            "--out" => out = Some(PathBuf::from(value(&mut args, "--out")?)),
            "--overwrite" => overwrite = true,
            "--variant" => variants.push(match value(&mut args, "--variant")?.as_str() {
                "hardware" => Variant::Hardware,
                "qemu" => Variant::Qemu,
                "defmt" => Variant::QemuDefmt,
                v => return Err(Error::usage(format!("unknown variant {v:?}"))),
            }),
            "-h" | "--help" => return Ok(Command::Help),
            flag if flag.starts_with("--") => {
                return Err(Error::usage(format!("unknown option {flag}")))
            }
            _ => positional.push(arg),
        }
    }
    let command = match sub.as_str() {
        "build" => Command::Build {
            variants: if variants.is_empty() {
                vec![Variant::Hardware, Variant::Qemu]
            } else {
                variants
            },
        },
        "run" => Command::Run { sd, defmt, timeout },
        "shot" => Command::Shot { sd, presses, out },
        "test" => Command::Test { overwrite },
        "golden" => Command::Golden { overwrite },
        "app-cross" => {
            let targets = if positional.is_empty() {
                vec![
                    "thumbv6m-none-eabi".to_owned(),
                    "thumbv7m-none-eabi".to_owned(),
                ]
            } else {
                std::mem::take(&mut positional)
            };
            return Ok(Command::AppCross { targets });
        }
        "sd-image" => {
            let mut positional = positional.drain(..);
            let image = positional
                .next()
                .ok_or_else(|| Error::usage("sd-image needs an IMAGE path"))?;
            return Ok(Command::SdImage {
                image: PathBuf::from(image),
                files: positional.map(PathBuf::from).collect(),
            });
        }
        other => return Err(Error::usage(format!("unknown firmware command {other:?}"))),
    };
    if let Some(extra) = positional.first() {
        return Err(Error::usage(format!("unexpected argument {extra:?}")));
    }
    Ok(command)
}

/// Runs `command`; returns the process exit code.
pub fn execute(command: Command) -> Result<i32> {
    let ws = Workspace::locate();
    match command {
        Command::Help => {
            println!("{USAGE}");
            Ok(0)
        }
        Command::Build { variants } => {
            for variant in variants {
                let built = firmware::build(&ws, variant)?;
                println!("{}", built.elf.display());
                println!("{}", built.size_report());
                built.check_budgets()?;
            }
            Ok(0)
        }
        Command::Run { sd, defmt, timeout } => {
            let variant = if defmt {
                Variant::QemuDefmt
            } else {
                Variant::Qemu
            };
            let built = firmware::build(&ws, variant)?;
            println!("{}", built.size_report());
            let output = if defmt {
                Output::Defmt(built.elf.clone())
            } else {
                Output::Echo
            };
            let run_dir = ws.scratch_dir().join("run");
            let mut options = BootOptions::new(&built.elf, &run_dir).output(output);
            if let Some(sd) = sd {
                options = options.sd_image(sd);
            }
            let mut hh = Session::boot(&options)?;
            println!(
                "QEMU running; QMP at {}",
                run_dir.join("qmp.sock").display()
            );
            let status = hh.wait_exit(timeout.unwrap_or(Duration::MAX))?;
            println!("QEMU exited: {status}");
            Ok(status.code().unwrap_or(1))
        }
        Command::Shot { sd, presses, out } => {
            let built = firmware::build(&ws, Variant::Qemu)?;
            let mut options = BootOptions::new(&built.elf, ws.scratch_dir().join("shot"));
            if let Some(sd) = sd {
                options = options.sd_image(sd);
            }
            let mut hh = Session::boot(&options)?;
            let first = hh.wait_for_first_frame(Duration::from_secs(10))?;
            println!(
                "boot to first frame: {} ms (host clock, QEMU start-up included)",
                first.as_millis()
            );
            hh.wait_for_still(Duration::from_millis(300), Duration::from_secs(10))?;
            let out = out.unwrap_or_else(|| ws.scratch_dir().join("shot.png"));
            // The panel before each press: a press may power the handheld off (« Éteindre »),
            // and QEMU with it; the last frame it showed is then what is saved.
            let mut last = hh.screen().ok();
            for (k, input) in presses.iter().enumerate() {
                if !hh.is_running() {
                    println!(
                        "the handheld powered off before press {} of {} ({input:?}): the \
                         presses after it were not made",
                        k + 1,
                        presses.len()
                    );
                    break;
                }
                hh.press(*input)?;
                std::thread::sleep(Duration::from_millis(100));
                if let Ok(screen) = hh.screen() {
                    last = Some(screen);
                }
            }
            // Let the last press reach the panel.
            std::thread::sleep(Duration::from_millis(100));
            let screen = if hh.is_running() {
                hh.screenshot(&out).context("taking the screenshot")?
            } else {
                let screen =
                    last.ok_or_else(|| Error::new("the handheld powered off before any frame"))?;
                std::fs::write(&out, screen.to_png())
                    .context(format!("writing {}", out.display()))?;
                println!("the handheld powered off (QEMU exited): its last frame is saved");
                screen
            };
            println!("{}", screen.to_ascii());
            println!("saved {}", out.display());
            if hh.is_running() {
                let _ = hh.quit();
            }
            Ok(0)
        }
        Command::Test { overwrite } => {
            firmware_test::run(&ws, overwrite)?;
            Ok(0)
        }
        Command::Golden { overwrite } => {
            let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
            let mut cmd = std::process::Command::new(cargo);
            cmd.current_dir(ws.root())
                .args(["test", "-p", "carnet-handheld", "--test", "screens"])
                // The settings file's notices and card back are golden too.
                .args(["--test", "settings"]);
            if overwrite {
                cmd.env("CARNET_OVERWRITE_GOLDEN", "1");
            }
            let status = cmd.status().context("starting cargo test")?;
            if overwrite && status.success() {
                println!(
                    "golden PNGs rewritten in {}: look at them before committing",
                    ws.root().join("firmware/app/tests/golden").display()
                );
            }
            Ok(status.code().unwrap_or(1))
        }
        Command::AppCross { targets } => {
            for target in targets {
                firmware::cross_build_app(&ws, &target)?;
            }
            Ok(0)
        }
        Command::SdImage { image, files } => {
            let mut contents = Vec::new();
            for f in &files {
                let name = f
                    .file_name()
                    .and_then(|n| n.to_str())
                    .ok_or_else(|| Error::usage(format!("bad file name {}", f.display())))?
                    .to_ascii_uppercase();
                let bytes = std::fs::read(f).context(format!("reading {}", f.display()))?;
                contents.push((name, bytes));
            }
            let refs: Vec<(&str, &[u8])> = contents
                .iter()
                .map(|(n, b)| (n.as_str(), b.as_slice()))
                .collect();
            sd_image::create(&image, &refs)?;
            println!("made {}", image.display());
            Ok(0)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(s: &str) -> Vec<String> {
        s.split_whitespace().map(str::to_owned).collect()
    }

    #[test]
    fn parses_commands() {
        assert_eq!(parse(args("")).ok(), Some(Command::Help));
        assert_eq!(parse(args("firmware --help")).ok(), Some(Command::Help));
        assert_eq!(parse(args("firmware help")).ok(), Some(Command::Help));
        assert_eq!(
            parse(args("firmware test --overwrite")).ok(),
            Some(Command::Test { overwrite: true })
        );
        assert_eq!(
            parse(args("firmware shot --press up,select --out a.png")).ok(),
            Some(Command::Shot {
                sd: None,
                presses: vec![Input::Up, Input::Select],
                out: Some(PathBuf::from("a.png")),
            })
        );
        assert_eq!(
            parse(args("firmware golden --overwrite")).ok(),
            Some(Command::Golden { overwrite: true })
        );
        assert_eq!(
            parse(args("firmware app-cross thumbv6m-none-eabi")).ok(),
            Some(Command::AppCross {
                targets: vec!["thumbv6m-none-eabi".into()]
            })
        );
        assert_eq!(
            parse(args("firmware build")).ok(),
            Some(Command::Build {
                variants: vec![Variant::Hardware, Variant::Qemu]
            })
        );
    }

    #[test]
    fn rejects_bad_usage() {
        for bad in [
            "nope",
            "firmware fly",
            "firmware run --sd",
            "firmware shot --press sideways",
            "firmware test extra",
            "firmware golden extra",
            "firmware build --variant tiny",
        ] {
            let err = parse(args(bad)).expect_err(bad);
            assert!(err.is_usage(), "{bad}: {err}");
        }
    }
}
