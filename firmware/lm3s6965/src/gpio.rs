//! GPIO ports (Luminary's variant of the PrimeCell PL061).
//!
//! The data register is addressed through a mask: bits [9:2] of the address select which pins a
//! read returns or a write changes, so single pins can be set without read-modify-write.

use crate::regs::{Reg, GPIO_BASES};

const DIR: usize = 0x400;
const IS: usize = 0x404;
const IBE: usize = 0x408;
const IEV: usize = 0x40C;
const IM: usize = 0x410;
const MIS: usize = 0x418;
const ICR: usize = 0x41C;
const AFSEL: usize = 0x420;
const PUR: usize = 0x510;
const DEN: usize = 0x51C;

/// One GPIO port, named by its letter.
#[derive(Clone, Copy)]
pub(crate) struct Port {
    base: usize,
}

/// The GPIO ports this board uses.
pub(crate) const PORT_A: Port = Port {
    base: GPIO_BASES[0],
};
pub(crate) const PORT_C: Port = Port {
    base: GPIO_BASES[2],
};
pub(crate) const PORT_D: Port = Port {
    base: GPIO_BASES[3],
};
pub(crate) const PORT_E: Port = Port {
    base: GPIO_BASES[4],
};
pub(crate) const PORT_F: Port = Port {
    base: GPIO_BASES[5],
};

impl Port {
    fn reg(self, offset: usize) -> Reg {
        // SAFETY: `base` is one of the GPIO port bases of the data sheet and `offset` is one
        // of the register offsets above (DIR, interrupt control, AFSEL, PUR, DEN): plain
        // configuration and status registers.
        unsafe { Reg::at(self.base + offset) }
    }

    fn data(self, pins: u8) -> Reg {
        // SAFETY: the masked data window spans base + 0x000..=0x3FC; `pins` is a u8, so
        // `pins << 2` stays inside it and is word aligned.
        unsafe { Reg::at(self.base + ((pins as usize) << 2)) }
    }

    /// Digital outputs, driven to `level` (bit per pin) before the direction changes so the
    /// pins never glitch.
    pub(crate) fn make_outputs(self, pins: u8, level: u8) {
        self.write(pins, level);
        self.reg(AFSEL).modify(|v| v & !(pins as u32));
        self.reg(DEN).modify(|v| v | pins as u32);
        self.reg(DIR).modify(|v| v | pins as u32);
        // Again now that the pins are outputs: real PL061s ignore data writes to input pins.
        self.write(pins, level);
    }

    /// Digital inputs with the weak pull-up on.
    pub(crate) fn make_inputs_pulled_up(self, pins: u8) {
        self.reg(AFSEL).modify(|v| v & !(pins as u32));
        self.reg(PUR).modify(|v| v | pins as u32);
        self.reg(DEN).modify(|v| v | pins as u32);
        self.reg(DIR).modify(|v| v & !(pins as u32));
    }

    /// Pins handed to their peripheral (alternate function), digital enabled.
    pub(crate) fn make_alternate(self, pins: u8) {
        self.reg(AFSEL).modify(|v| v | pins as u32);
        self.reg(DEN).modify(|v| v | pins as u32);
    }

    /// Latches falling edges of `pins` and raises the port's interrupt for them (any edge
    /// already latched is cleared first).
    pub(crate) fn enable_falling_edge_interrupts(self, pins: u8) {
        let p = pins as u32;
        self.reg(IM).modify(|v| v & !p);
        self.reg(IS).modify(|v| v & !p); // edge-sensitive
        self.reg(IBE).modify(|v| v & !p); // one edge, chosen by IEV
        self.reg(IEV).modify(|v| v & !p); // falling
        self.reg(ICR).write(p);
        self.reg(IM).modify(|v| v | p);
    }

    /// The `pins` whose interrupt is pending; clears them.
    pub(crate) fn take_interrupts(self, pins: u8) -> u8 {
        let pending = self.reg(MIS).read() as u8 & pins;
        self.reg(ICR).write(pending as u32);
        pending
    }

    /// Sets the masked `pins` to the matching bits of `level`.
    #[inline]
    pub(crate) fn write(self, pins: u8, level: u8) {
        self.data(pins).write(level as u32);
    }

    /// The levels of the masked `pins` (other bits read 0).
    #[inline]
    pub(crate) fn read(self, pins: u8) -> u8 {
        self.data(pins).read() as u8
    }
}
