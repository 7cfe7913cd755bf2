//! Cross-building the LM3S6965 board crate: [`Toolchain`] picks the route, [`build`] runs it.
//!
//! Two routes (see `shared/HARDWARE.md`):
//! - **rustup**, when `rustup target list --installed` has `thumbv7m-none-eabi`: plain
//!   `cargo build --release` with the precompiled `core`;
//! - **Debian**, otherwise: Debian's `rustc`/`cargo` (`rustc-web cargo-web rust-web-src`)
//!   with `RUSTC_BOOTSTRAP=1`, building `core` from source (the board crate's
//!   `.cargo/config.toml` asks for `build-std`).

use std::fmt;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::elf_size::ImageSize;
use crate::error::{Context as _, Error, Result};
use crate::workspace::Workspace;

/// The cross-compilation target of the LM3S6965 (Cortex-M3).
pub const TARGET: &str = "thumbv7m-none-eabi";
/// Name of the board crate's binary: the handheld.
pub const BINARY: &str = "carnet-lm3s6965";
/// Name of the board crate's hardware self-test binary.
pub const SELFTEST_BINARY: &str = "carnet-selftest";
/// Flash budget for code and fonts (the bundled fallback deck is counted apart).
pub const FLASH_BUDGET: u64 = 128 * 1024;
/// RAM budget: statics plus the measured stack peak.
pub const RAM_BUDGET: u64 = 48 * 1024;

const DEBIAN_RUSTC: &str = "/usr/bin/rustc";
const DEBIAN_CARGO: &str = "/usr/bin/cargo";

/// Which firmware image to build.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Variant {
    /// For the real board: no semihosting (it would hang without a debugger).
    Hardware,
    /// For QEMU: semihosting clock, report line and exit status (feature `qemu`).
    Qemu,
    /// For QEMU with defmt logs over semihosting (feature `defmt`).
    QemuDefmt,
}

impl Variant {
    /// The cargo features of this variant.
    pub fn features(self) -> &'static str {
        match self {
            Variant::Hardware => "",
            Variant::Qemu => "qemu",
            Variant::QemuDefmt => "defmt",
        }
    }

    /// A short name, used in file names.
    pub fn name(self) -> &'static str {
        match self {
            Variant::Hardware => "hardware",
            Variant::Qemu => "qemu",
            Variant::QemuDefmt => "qemu-defmt",
        }
    }
}

/// How the thumb target is compiled on this machine.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Toolchain {
    /// rustup with the `thumbv7m-none-eabi` target installed.
    Rustup,
    /// Debian's rustc and cargo, `core` built from source (`rust-web-src`).
    DebianBuildStd,
}

impl fmt::Display for Toolchain {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Toolchain::Rustup => write!(f, "rustup target {TARGET} (plain cargo build)"),
            Toolchain::DebianBuildStd => write!(
                f,
                "Debian rustc with build-std (RUSTC_BOOTSTRAP=1 RUSTC={DEBIAN_RUSTC} {DEBIAN_CARGO}; \
                 rustup has no {TARGET} target)"
            ),
        }
    }
}

impl Toolchain {
    /// Picks the rustup route if its target is installed, else the Debian route if Debian's
    /// compiler and library sources are there.
    pub fn detect() -> Result<Toolchain> {
        let rustup = Command::new("rustup")
            .args(["target", "list", "--installed"])
            .output();
        if let Ok(out) = rustup {
            if out.status.success()
                && String::from_utf8_lossy(&out.stdout)
                    .lines()
                    .any(|l| l.trim() == TARGET)
            {
                return Ok(Toolchain::Rustup);
            }
        }
        if Path::new(DEBIAN_RUSTC).exists() && Path::new(DEBIAN_CARGO).exists() {
            return Ok(Toolchain::DebianBuildStd);
        }
        Err(Error::new(format!(
            "no way to build for {TARGET}: either `rustup target add {TARGET}`, or \
             `apt-get install -y rustc-web cargo-web rust-web-src lld`"
        )))
    }

    /// A `cargo build --release` command for the board crate with this toolchain.
    fn cargo_build(self, board_crate: &Path, variant: Variant) -> Command {
        let mut cmd = match self {
            Toolchain::Rustup => {
                Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()))
            }
            Toolchain::DebianBuildStd => {
                let mut cmd = Command::new(DEBIAN_CARGO);
                cmd.env("RUSTC_BOOTSTRAP", "1").env("RUSTC", DEBIAN_RUSTC);
                // rustup's proxies must not redirect Debian's cargo to another toolchain.
                cmd.env_remove("RUSTUP_TOOLCHAIN").env_remove("RUSTDOC");
                cmd
            }
        };
        cmd.current_dir(board_crate)
            .args(["build", "--release", "--bins"]);
        match variant.features() {
            "" => cmd.arg("--no-default-features"),
            features => cmd.args(["--no-default-features", "--features", features]),
        };
        // The board crate's own config holds the linker flags; flags from the environment
        // would replace them (and its own target dir keeps thumb objects apart from host ones).
        for var in [
            "RUSTFLAGS",
            "CARGO_ENCODED_RUSTFLAGS",
            "CARGO_BUILD_RUSTFLAGS",
            "CARGO_BUILD_TARGET",
            "CARGO_TARGET_DIR",
            "CARGO_BUILD_TARGET_DIR",
        ] {
            cmd.env_remove(var);
        }
        cmd
    }
}

/// A built firmware image.
#[derive(Clone, Debug)]
pub struct Built {
    /// The handheld's ELF file (a copy per variant, so images of two variants can coexist).
    pub elf: PathBuf,
    /// The hardware self-test's ELF file.
    pub selftest_elf: PathBuf,
    /// Its flash and RAM use.
    pub size: ImageSize,
    /// Bytes of the bundled deck built in (`include_bytes!`), counted apart from the budget.
    pub deck_bytes: u64,
    /// The route that built it.
    pub toolchain: Toolchain,
    /// What it was built for.
    pub variant: Variant,
}

impl Built {
    /// Flash and static RAM against the budgets, for printing.
    pub fn size_report(&self) -> String {
        let s = self.size;
        format!(
            "flash {} B: code+fonts {} B = {:.1} KiB of {} KiB budget, plus the bundled deck {} B \
             (text {} + rodata {} + data {})\n\
             static RAM {} B = {:.1} KiB (data {} + bss {}); budget {} KiB with the stack peak",
            s.flash(),
            self.code_bytes(),
            self.code_bytes() as f64 / 1024.0,
            FLASH_BUDGET / 1024,
            self.deck_bytes,
            s.text,
            s.rodata,
            s.data,
            s.static_ram(),
            s.static_ram() as f64 / 1024.0,
            s.data,
            s.bss,
            RAM_BUDGET / 1024
        )
    }

    /// Flash for code and fonts: the image less the bundled deck.
    pub fn code_bytes(&self) -> u64 {
        self.size.flash().saturating_sub(self.deck_bytes)
    }

    /// Fails if code+fonts flash or static RAM alone is over budget.
    pub fn check_budgets(&self) -> Result<()> {
        if self.code_bytes() > FLASH_BUDGET {
            return Err(Error::new(format!(
                "{} image: code+fonts flash {} B over the {} B budget",
                self.variant.name(),
                self.code_bytes(),
                FLASH_BUDGET
            )));
        }
        if self.size.static_ram() > RAM_BUDGET {
            return Err(Error::new(format!(
                "{} image: static RAM {} B over the {} B budget",
                self.variant.name(),
                self.size.static_ram(),
                RAM_BUDGET
            )));
        }
        Ok(())
    }
}

/// Cross-builds `variant` of the board crate, prints the route taken, and returns the image.
pub fn build(ws: &Workspace, variant: Variant) -> Result<Built> {
    let toolchain = Toolchain::detect()?;
    println!("firmware build ({}): {toolchain}", variant.name());
    let board = ws.board_crate();
    let status = toolchain
        .cargo_build(&board, variant)
        .status()
        .context("starting cargo for the firmware")?;
    if !status.success() {
        return Err(Error::new(format!("firmware build failed ({status})")));
    }
    let out = board.join("target").join(TARGET).join("release");
    let dir = ws.scratch_dir().join("firmware");
    std::fs::create_dir_all(&dir).context(format!("creating {}", dir.display()))?;
    let copy = |binary: &str| -> Result<PathBuf> {
        let elf = dir.join(format!("{binary}-{}.elf", variant.name()));
        std::fs::copy(out.join(binary), &elf)
            .context(format!("copying {}", out.join(binary).display()))?;
        Ok(elf)
    };
    let elf = copy(BINARY)?;
    let selftest_elf = copy(SELFTEST_BINARY)?;
    let size = ImageSize::of_elf_file(&elf)?;
    let deck_bytes = std::fs::metadata(ws.bundled_deck())
        .context(format!("reading {}", ws.bundled_deck().display()))?
        .len();
    Ok(Built {
        elf,
        selftest_elf,
        deck_bytes,
        size,
        toolchain,
        variant,
    })
}

/// Builds the application crate `carnet-handheld` (no_std) for `target` from the workspace:
/// with rustup's target if installed, else Debian's compiler with `-Z build-std=core` into
/// `target/cross` (as `scripts/cross-build-engine` does for the engine).
pub fn cross_build_app(ws: &Workspace, target: &str) -> Result<()> {
    let installed = Command::new("rustup")
        .args(["target", "list", "--installed"])
        .output()
        .is_ok_and(|o| {
            o.status.success()
                && String::from_utf8_lossy(&o.stdout)
                    .lines()
                    .any(|l| l.trim() == target)
        });
    let mut cmd = if installed {
        println!("cross-build carnet-handheld for {target}: rustup target");
        Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()))
    } else {
        println!("cross-build carnet-handheld for {target}: Debian rustc with build-std");
        let mut cmd = Command::new(DEBIAN_CARGO);
        cmd.env("RUSTC_BOOTSTRAP", "1")
            .env("RUSTC", DEBIAN_RUSTC)
            .env_remove("RUSTUP_TOOLCHAIN")
            .env_remove("RUSTDOC");
        cmd
    };
    cmd.current_dir(ws.root()).args([
        "build",
        "-p",
        "carnet-handheld",
        "--release",
        "--locked",
        "--target",
        target,
    ]);
    if !installed {
        cmd.args(["-Z", "build-std=core", "--target-dir", "target/cross"]);
    }
    for var in ["RUSTFLAGS", "CARGO_ENCODED_RUSTFLAGS", "CARGO_BUILD_TARGET"] {
        cmd.env_remove(var);
    }
    let status = cmd.status().context("starting cargo")?;
    if !status.success() {
        return Err(Error::new(format!(
            "carnet-handheld does not build for {target} ({status})"
        )));
    }
    Ok(())
}
