//! carnet handheld firmware for the LM3S6965 evaluation board. For now it runs the hardware
//! self-test ([`selftest`]); the application crate will take its place.

#![no_std]
#![no_main]

mod selftest;

use carnet_lm3s6965::Board;
use cortex_m_rt::entry;

#[entry]
fn main() -> ! {
    let board = Board::take().expect("Board::take runs once, at boot");
    selftest::run(board)
}
