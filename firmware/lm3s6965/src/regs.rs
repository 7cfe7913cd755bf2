//! Memory-mapped registers of the LM3S6965 that this crate touches, and the one place where
//! register pointers are made.
//!
//! Addresses come from the LM3S6965 data sheet (see the table in `shared/HARDWARE.md`).
//! A [`Reg`] can only be made through the `unsafe` constructor [`Reg::at`]; reading and writing
//! it is then safe, because every register listed here is a plain peripheral register whose
//! accesses cannot break memory safety (none of them remaps memory or moves the stack).

use core::ptr;

/// One 32-bit memory-mapped peripheral register.
#[derive(Clone, Copy)]
pub(crate) struct Reg(usize);

impl Reg {
    /// A register at `addr`.
    ///
    /// # Safety
    ///
    /// `addr` must be the 4-byte aligned address of a memory-mapped peripheral register of
    /// this MCU for which any volatile read or write is memory-safe (it may change what a
    /// peripheral does, but not which memory the program may touch).
    pub(crate) const unsafe fn at(addr: usize) -> Reg {
        Reg(addr)
    }

    /// Volatile read.
    #[inline]
    pub(crate) fn read(self) -> u32 {
        // SAFETY: `Reg::at`'s contract: an aligned peripheral register, readable at any time.
        unsafe { ptr::read_volatile(self.0 as *const u32) }
    }

    /// Volatile write.
    #[inline]
    pub(crate) fn write(self, value: u32) {
        // SAFETY: `Reg::at`'s contract: an aligned peripheral register whose writes are
        // memory-safe.
        unsafe { ptr::write_volatile(self.0 as *mut u32, value) }
    }

    /// Read, change with `f`, write back.
    #[inline]
    pub(crate) fn modify(self, f: impl FnOnce(u32) -> u32) {
        self.write(f(self.read()));
    }
}

/// System control: run-mode clock gating for SSI0 (RCGC1 bit 4).
// SAFETY: SYSCTL RCGC1, a clock-gating register (data sheet, System Control).
pub(crate) const SYSCTL_RCGC1: Reg = unsafe { Reg::at(0x400F_E104) };
/// System control: run-mode clock gating for GPIO ports A..G (RCGC2 bits 0..6).
// SAFETY: SYSCTL RCGC2, a clock-gating register (data sheet, System Control).
pub(crate) const SYSCTL_RCGC2: Reg = unsafe { Reg::at(0x400F_E108) };

/// Base address of the SSI0 block (a PrimeCell PL022).
pub(crate) const SSI0_BASE: usize = 0x4000_8000;

/// Base addresses of GPIO ports A..G (AHB aperture not used).
pub(crate) const GPIO_BASES: [usize; 7] = [
    0x4000_4000,
    0x4000_5000,
    0x4000_6000,
    0x4000_7000,
    0x4002_4000,
    0x4002_5000,
    0x4002_6000,
];

/// Turns on the clocks of SSI0 and of GPIO ports A..G, then waits the few cycles the data
/// sheet asks for before the peripherals are touched.
pub(crate) fn enable_peripheral_clocks() {
    SYSCTL_RCGC1.modify(|v| v | (1 << 4));
    SYSCTL_RCGC2.modify(|v| v | 0x7F);
    // A read-back plus a few cycles: the data sheet requires 3 system clocks after enabling a
    // peripheral clock before its registers may be accessed.
    let _ = SYSCTL_RCGC2.read();
    cortex_m::asm::delay(16);
}
