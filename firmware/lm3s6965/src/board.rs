//! [`Board`]: everything the application uses, wired up once at boot.

use core::cell::RefCell;

use crate::buttons::Buttons;
use crate::clock::Clock;
use crate::display::Display;
use crate::oled::Oled;
use crate::regs::enable_peripheral_clocks;
use crate::sdcard::SdSpi;
use crate::ssi::Ssi;
use crate::storage::Storage;

/// The board's devices, ready to use.
pub struct Board {
    /// The OLED as an embedded-graphics draw target (initialised, not yet flushed).
    pub display: Display,
    /// The five buttons, pre-charged.
    pub buttons: Buttons,
    /// The SD card (call [`Storage::mount`] before use). A static, like the frame buffer:
    /// its block cache and file table (about 900 bytes) stay off the stack.
    pub storage: &'static mut Storage,
    /// Uptime and wall time.
    pub clock: Clock,
}

impl Board {
    /// Takes the hardware and initialises it: clocks, SysTick, the SSI bus, the OLED (init
    /// sequence sent), the buttons. Returns `None` if called a second time.
    pub fn take() -> Option<Board> {
        let core = cortex_m::Peripherals::take()?;
        enable_peripheral_clocks();
        let clock = Clock::start(core.SYST);
        let bus: &'static mut RefCell<Ssi> =
            cortex_m::singleton!(: RefCell<Ssi> = RefCell::new(Ssi::new()))?;
        let bus: &'static RefCell<Ssi> = bus;
        let mut oled = Oled::new(bus);
        oled.init();
        let storage: &'static mut Storage = cortex_m::singleton!(
            : Storage = Storage::new(SdSpi::new(bus), clock)
        )?;
        Some(Board {
            display: Display::new(oled)?,
            buttons: Buttons::new(),
            storage,
            clock,
        })
    }
}
