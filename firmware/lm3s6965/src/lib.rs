//! # carnet-lm3s6965: the board crate of the carnet handheld
//!
//! Wires the TI Stellaris **LM3S6965 evaluation board** (Cortex-M3, 256 KiB flash, 64 KiB
//! RAM) to the application: a 128×64 16-grey OLED, five buttons, a microSD card and a clock.
//! QEMU emulates this board (`-M lm3s6965evb`); `cargo xtask firmware …` builds, boots,
//! presses and photographs it. Board facts and QEMU quirks: `shared/HARDWARE.md`.
//!
//! What the application gets, from [`Board::take`]:
//! - [`Display`]: an embedded-graphics `DrawTarget<Color = Gray4>` of 128×64; draw, then
//!   [`Display::flush`].
//! - [`Buttons`]: [`Buttons::poll`] → `Option<`[`Input`]`>` (debounced presses).
//! - [`Storage`]: files on the card's FAT partition — [`Storage::read_file`],
//!   [`Storage::read_at`], [`Storage::append`] (synced when it returns).
//! - [`Clock`]: uptime and wall time.
//! - [`handheld::CardFiles`]: the application's [`carnet_handheld::Storage`] on this board —
//!   `DECK.BIN`, `REVIEWS.LOG` and `SETTINGS.TXT` on the card, the bundled deck in flash as
//!   fallback.
//!
//! Features: `qemu` (semihosting: host clock, report lines, exit status — hangs real hardware
//! without a debugger), `defmt` (defmt logs over semihosting; implies `qemu`).
//!
//! All of the carnet firmware's `unsafe` code lives in this crate, each block with a
//! `// SAFETY:` comment; register pointers are made in one place, `regs.rs`.

#![no_std]
#![deny(missing_docs)]

mod board;
pub mod buttons;
pub mod clock;
pub mod display;
mod fault;
mod gpio;
pub mod handheld;
pub mod oled;
#[cfg(feature = "qemu")]
pub mod qemu;
mod regs;
pub mod sdcard;
pub mod ssi;
pub mod stack;
pub mod storage;

#[cfg(feature = "defmt")]
use defmt_semihosting as _;

/// A defmt `info!` log with the `defmt` feature (shown by `defmt-print` when `DEFMT_LOG` allows
/// it); nothing at all without it, arguments included.
#[macro_export]
macro_rules! log_info {
    ($($arg:tt)*) => {{
        #[cfg(feature = "defmt")]
        { defmt::info!($($arg)*); }
    }};
}

pub use board::Board;
pub use buttons::{Buttons, Input};
pub use clock::Clock;
pub use display::Display;
pub use storage::{Storage, StorageError};
