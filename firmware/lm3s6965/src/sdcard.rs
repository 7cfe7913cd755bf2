//! The microSD card over SPI: the transport under `embedded-sdmmc`'s [`SdCard`] driver.
//!
//! [`SdSpi`] is the [`SpiDevice`] handed to the crate's driver. It selects the card on the
//! shared SSI bus for each transaction and applies two fixes that QEMU's SD model needs; both
//! are legal on real cards, so they stay on for hardware too:
//!
//! 1. **CMD58's R1 counts as ready.** QEMU answers CMD58 (read OCR) with an R1 of 0x01 (idle)
//!    where the driver wants 0x00. The driver has already waited for ACMD41 to report the card
//!    ready, so the idle bit of that one response carries no news. [`SdSpi`] watches the
//!    command frames it sends; after a CMD58 frame the first response byte of 0x01 is passed
//!    up as 0x00.
//! 2. **One 0xFF gap byte before a data token.** QEMU drops a data token (0xFE single block,
//!    0xFC multi-block) sent in the byte right after a command response; the SD spec asks for
//!    at least one byte (N_WR) there anyway. [`SdSpi`] sends a 0xFF before any one-byte
//!    transfer of 0xFE or 0xFC (the driver sends tokens, and only tokens, that way).
//!
//! Wrapping the transport this way keeps the crate itself untouched (no vendored copy).

use core::cell::RefCell;
use core::convert::Infallible;

use embedded_hal::delay::DelayNs;
use embedded_hal::spi::{ErrorType, Operation, SpiBus, SpiDevice};

use crate::clock::CORE_HZ;
use crate::ssi::{Device, Speed, Ssi};

/// The `embedded-sdmmc` SD card driver on this board's transport.
pub type SdCard = embedded_sdmmc::SdCard<SdSpi, BusyDelay>;

const CMD58: u8 = 0x40 | 58;
const R1_IDLE: u8 = 0x01;
const TOKEN_SINGLE: u8 = 0xFE;
const TOKEN_MULTI: u8 = 0xFC;

/// The SD card's [`SpiDevice`] on the shared SSI bus, with the two transport fixes.
pub struct SdSpi {
    bus: &'static RefCell<Ssi>,
    speed: Speed,
    awaiting_cmd58_r1: bool,
}

impl SdSpi {
    /// The card's device on `bus`, at the slow (≤ 400 kHz) initialisation speed.
    pub fn new(bus: &'static RefCell<Ssi>) -> SdSpi {
        SdSpi {
            bus,
            speed: Speed::Slow,
            awaiting_cmd58_r1: false,
        }
    }

    /// Sends the ≥ 74 idle clocks a card needs after power-up, with no device selected.
    pub fn power_up_clocks(&mut self) {
        self.bus.borrow_mut().idle_clocks(10);
    }

    /// Switches to the fast clock, once the card is initialised.
    pub fn set_fast(&mut self) {
        self.speed = Speed::Fast;
    }

    fn watch_write(&mut self, bytes: &[u8]) {
        // A command frame is 6 bytes starting with 0b01xx_xxxx.
        if bytes.len() == 6 && bytes[0] & 0xC0 == 0x40 {
            self.awaiting_cmd58_r1 = bytes[0] == CMD58;
        }
    }

    fn fix_response(&mut self, read: &mut [u8], sent: &[u8]) {
        if self.awaiting_cmd58_r1 && sent == [0xFF] && read.len() == 1 && read[0] & 0x80 == 0 {
            if read[0] == R1_IDLE {
                read[0] = 0x00;
            }
            self.awaiting_cmd58_r1 = false;
        }
    }
}

fn is_data_token(bytes: &[u8]) -> bool {
    matches!(bytes, [TOKEN_SINGLE] | [TOKEN_MULTI])
}

impl ErrorType for SdSpi {
    type Error = Infallible;
}

impl SpiDevice<u8> for SdSpi {
    fn transaction(&mut self, operations: &mut [Operation<'_, u8>]) -> Result<(), Infallible> {
        let bus = self.bus;
        let speed = self.speed;
        bus.borrow_mut()
            .with_device(Device::SdCard, speed, false, |ssi| {
                for op in operations.iter_mut() {
                    match op {
                        Operation::Read(buf) => ssi.read(buf)?,
                        Operation::Write(buf) => {
                            self.watch_write(buf);
                            if is_data_token(buf) {
                                ssi.transfer_byte(0xFF);
                            }
                            ssi.write(buf)?;
                        }
                        Operation::Transfer(read, write) => {
                            self.watch_write(write);
                            if is_data_token(write) {
                                ssi.transfer_byte(0xFF);
                            }
                            ssi.transfer(read, write)?;
                            self.fix_response(read, write);
                        }
                        Operation::TransferInPlace(buf) => {
                            self.watch_write(buf);
                            ssi.transfer_in_place(buf)?;
                        }
                        Operation::DelayNs(ns) => BusyDelay.delay_ns(*ns),
                    }
                }
                Ok(())
            })
    }
}

/// A busy-wait delay counted in core cycles at [`CORE_HZ`].
#[derive(Clone, Copy, Debug, Default)]
pub struct BusyDelay;

impl DelayNs for BusyDelay {
    fn delay_ns(&mut self, ns: u32) {
        let cycles = (ns as u64 * CORE_HZ as u64 / 1_000_000_000) as u32;
        cortex_m::asm::delay(cycles.max(1));
    }
}
