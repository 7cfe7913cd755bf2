//! # xtask: carnet's build automation
//!
//! `cargo xtask firmware build|run|test|shot|sd-image` (see `cargo xtask help`). The library
//! half is what end-to-end tests use to drive the emulated handheld:
//!
//! - [`qemu::Session`]: boot the firmware in QEMU, [`qemu::Session::press`] buttons,
//!   [`qemu::Session::screenshot`], [`qemu::Session::wait_exit`] for its status;
//! - [`screen::Screen`]: the panel's 128×64 grey levels decoded from a screendump, compared
//!   pixel for pixel;
//! - [`firmware::build`]: cross-build the board crate (rustup or Debian route) and measure it;
//! - [`sd_image`]: make SD card images (MBR + FAT16) and read files back;
//! - [`firmware_test`]: the board's own end-to-end test, with [`handheld_test`] (five reviews,
//!   RAM with 2,000 cards, power cuts);
//! - [`synthetic`]: made-up decks and logs of any size;

pub mod anki_round_trip;
pub mod elf_size;
pub mod error;
pub mod firmware;
pub mod firmware_test;
pub mod handheld_test;
pub mod host_render;
pub mod qemu;
pub mod qmp;
pub mod screen;
pub mod sd_image;
pub mod synthetic;
pub mod workspace;

pub use error::{Error, Result};
