//! The hardware self-test of the LM3S6965 board: every device used once, visibly ([`run`]).
//! The handheld itself is the `carnet-lm3s6965` binary.

#![no_std]
#![no_main]

mod run;

use carnet_lm3s6965::Board;
use cortex_m_rt::entry;

#[entry]
fn main() -> ! {
    let board = Board::take().expect("Board::take runs once, at boot");
    run::run(board)
}
