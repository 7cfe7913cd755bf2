//! The SSI0 bus (a PrimeCell PL022 in SPI mode) shared by the OLED and the SD card.
//!
//! Wiring (`shared/HARDWARE.md`): SSI0CLK PA2, SSI0RX PA4, SSI0TX PA5. **PD0** picks the
//! device: high selects the OLED, low selects the SD card (this is how QEMU's board model
//! muxes the bus). On the evaluation board itself the OLED's chip select is SSI0FSS, **PA3**
//! (EK-LM3S6965 schematic, not yet checked on a real board); this crate drives PA3 as a plain
//! GPIO chip select (low = OLED) so that the SD card never shares a transfer with the OLED.
//! QEMU ignores PA3.
//!
//! PL022 quirks (QEMU's model and real silicon alike): 8-bit frames need `CR0.DSS = 7`; the
//! receive FIFO holds 8 entries and the transmitter stalls when it is full, so every byte
//! written is waited for and read back before the next one.

use core::convert::Infallible;

use crate::gpio::{PORT_A, PORT_C, PORT_D};
use crate::regs::{Reg, SSI0_BASE};

const CR0: usize = 0x00;
const CR1: usize = 0x04;
const DR: usize = 0x08;
const SR: usize = 0x0C;
const CPSR: usize = 0x10;

const SR_TNF: u32 = 1 << 1;
const SR_RNE: u32 = 1 << 2;
const SR_BSY: u32 = 1 << 4;
const CR1_SSE: u32 = 1 << 1;

const PIN_CLK: u8 = 1 << 2;
const PIN_OLED_CS: u8 = 1 << 3;
const PIN_RX: u8 = 1 << 4;
const PIN_TX: u8 = 1 << 5;
const PIN_SELECT: u8 = 1 << 0; // PD0
const PIN_DC: u8 = 1 << 7; // PC7
const PIN_OLED_POWER: u8 = 1 << 6; // PC6, +15 V enable of the OLED supply on the EK board

/// Which device on the bus a transfer is for.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Device {
    /// The SSD0323 OLED controller (SPI mode 3).
    Oled,
    /// The microSD card (SPI mode 0).
    SdCard,
}

/// Bit rate of the bus, as a divider of the system clock.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Speed {
    /// ≤ 400 kHz, what an SD card needs until it is initialised (12 MHz / 30).
    Slow,
    /// 3 MHz at the 12 MHz reset clock: within the SSD0323's 4 MHz serial limit and any card's.
    Fast,
}

/// The SSI0 peripheral, in SPI master mode, 8-bit frames.
pub struct Ssi {
    // (device, speed) the peripheral is programmed for, to skip reprogramming.
    current: Option<(Device, Speed)>,
}

impl Ssi {
    fn reg(offset: usize) -> Reg {
        // SAFETY: SSI0's CR0/CR1/DR/SR/CPSR registers (data sheet, SSI chapter).
        unsafe { Reg::at(SSI0_BASE + offset) }
    }

    /// Takes over the SSI pins, the chip selects and the OLED data/command line.
    /// Peripheral clocks must already be on. Crate-internal: [`crate::Board`] makes exactly one.
    pub(crate) fn new() -> Ssi {
        PORT_A.make_alternate(PIN_CLK | PIN_RX | PIN_TX);
        // Nothing selected: OLED CS high (PA3), PD0 high (in QEMU this "selects" the OLED,
        // which is harmless while no byte moves and D/C is low).
        PORT_A.make_outputs(PIN_OLED_CS, PIN_OLED_CS);
        PORT_D.make_outputs(PIN_SELECT, PIN_SELECT);
        PORT_C.make_outputs(PIN_DC | PIN_OLED_POWER, PIN_OLED_POWER);
        Self::reg(CR1).write(0); // disabled, master, no loopback
        Ssi { current: None }
    }

    fn configure(&mut self, device: Device, speed: Speed) {
        if self.current == Some((device, speed)) {
            return;
        }
        self.wait_idle();
        Self::reg(CR1).write(0);
        // SPO/SPH: mode 3 (clock idles high, sample on the rising edge) for the SSD0323,
        // mode 0 for SD cards. Frame format 0 = Freescale SPI; DSS 7 = 8-bit frames.
        let mode_bits = match device {
            Device::Oled => (1 << 7) | (1 << 6),
            Device::SdCard => 0,
        };
        Self::reg(CR0).write(mode_bits | 7);
        let prescale = match speed {
            Speed::Slow => 30,
            Speed::Fast => 4,
        };
        Self::reg(CPSR).write(prescale);
        Self::reg(CR1).write(CR1_SSE);
        self.current = Some((device, speed));
    }

    fn wait_idle(&self) {
        while Self::reg(SR).read() & SR_BSY != 0 {}
    }

    /// Runs `f` with `device` selected and the bus set up for it, then deselects it.
    /// `data` chooses the OLED's data/command line (ignored for the SD card).
    pub fn with_device<R>(
        &mut self,
        device: Device,
        speed: Speed,
        data: bool,
        f: impl FnOnce(&mut Self) -> R,
    ) -> R {
        self.configure(device, speed);
        match device {
            Device::Oled => {
                PORT_C.write(PIN_DC, if data { PIN_DC } else { 0 });
                PORT_D.write(PIN_SELECT, PIN_SELECT);
                PORT_A.write(PIN_OLED_CS, 0);
            }
            Device::SdCard => {
                PORT_C.write(PIN_DC, 0);
                PORT_A.write(PIN_OLED_CS, PIN_OLED_CS);
                PORT_D.write(PIN_SELECT, 0);
            }
        }
        let result = f(self);
        self.wait_idle();
        PORT_A.write(PIN_OLED_CS, PIN_OLED_CS);
        PORT_D.write(PIN_SELECT, PIN_SELECT);
        PORT_C.write(PIN_DC, 0);
        result
    }

    /// Sends `count` bytes of 0xFF with no device selected (OLED CS high, D/C low) — the
    /// ≥ 74 clocks an SD card needs before its first command. Under QEMU PD0 high routes them to
    /// the OLED, whose model ignores 0xFF as a command.
    pub fn idle_clocks(&mut self, count: usize) {
        self.configure(Device::SdCard, Speed::Slow);
        PORT_C.write(PIN_DC, 0);
        PORT_A.write(PIN_OLED_CS, PIN_OLED_CS);
        PORT_D.write(PIN_SELECT, PIN_SELECT);
        for _ in 0..count {
            self.transfer_byte(0xFF);
        }
        self.wait_idle();
    }

    /// Sends one byte and returns the byte clocked in at the same time.
    #[inline]
    pub fn transfer_byte(&mut self, out: u8) -> u8 {
        while Self::reg(SR).read() & SR_TNF == 0 {}
        Self::reg(DR).write(out as u32);
        // The receive FIFO must be drained byte by byte or the transmitter stalls.
        while Self::reg(SR).read() & SR_RNE == 0 {}
        Self::reg(DR).read() as u8
    }
}

impl embedded_hal::spi::ErrorType for Ssi {
    type Error = Infallible;
}

impl embedded_hal::spi::SpiBus<u8> for Ssi {
    fn read(&mut self, words: &mut [u8]) -> Result<(), Infallible> {
        for w in words {
            *w = self.transfer_byte(0xFF);
        }
        Ok(())
    }

    fn write(&mut self, words: &[u8]) -> Result<(), Infallible> {
        for &w in words {
            self.transfer_byte(w);
        }
        Ok(())
    }

    fn transfer(&mut self, read: &mut [u8], write: &[u8]) -> Result<(), Infallible> {
        let n = read.len().max(write.len());
        for i in 0..n {
            let b = self.transfer_byte(write.get(i).copied().unwrap_or(0xFF));
            if let Some(r) = read.get_mut(i) {
                *r = b;
            }
        }
        Ok(())
    }

    fn transfer_in_place(&mut self, words: &mut [u8]) -> Result<(), Infallible> {
        for w in words {
            *w = self.transfer_byte(*w);
        }
        Ok(())
    }

    fn flush(&mut self) -> Result<(), Infallible> {
        self.wait_idle();
        Ok(())
    }
}
