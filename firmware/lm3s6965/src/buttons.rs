//! The five navigation buttons: active low, **PE0** up, **PE1** down, **PE2** left, **PE3**
//! right, **PF1** select.
//!
//! Two things every reader of these pins needs:
//! - *Pre-charge at boot.* QEMU's GPIO data latch resets to 0 and its gamepad drives a line
//!   only on a key event, so every button would read as pressed until first touched. The pins
//!   are briefly made outputs driven high, then inputs again (with the weak pull-up that real
//!   hardware needs anyway).
//! - *Debounce and edges.* A level must hold for [`DEBOUNCE_MS`] before it counts, and only a
//!   press (released → pressed) produces an [`Input`].
//! - *No lost presses.* A short press made while the firmware is busy (an SD card write, a
//!   card that does not answer) would be over before the next poll. The GPIO ports latch
//!   falling edges in hardware and raise an interrupt (which also wakes [`crate::Clock::sleep`]);
//!   [`Buttons::poll`] counts a latched edge as a press when the button was released before
//!   and is released again now, i.e. when the whole press happened between two polls.

use core::sync::atomic::{AtomicU8, Ordering};

use cortex_m::peripheral::NVIC;
use cortex_m_rt::exception;

use crate::gpio::{PORT_E, PORT_F};

const PINS_E: u8 = 0b1111; // PE0..PE3
const PIN_F: u8 = 1 << 1; // PF1

/// How long a button level must be stable before it counts, in milliseconds. Contact bounce
/// lasts a few ms; QEMU's key presses hold for 50 ms.
pub const DEBOUNCE_MS: u32 = 10;

/// Falling edges latched by the GPIO interrupt, one bit per [`Input`] in [`Input::ALL`] order.
static LATCHED: AtomicU8 = AtomicU8::new(0);

/// The GPIO interrupts of the buttons' ports (data sheet, interrupt table).
#[derive(Clone, Copy)]
enum ButtonIrq {
    GpioE = 4,
    GpioF = 30,
}

// SAFETY: the numbers are the LM3S6965's interrupt numbers of GPIO ports E and F, valid NVIC
// interrupt lines (0..=42 on this chip).
unsafe impl cortex_m::interrupt::InterruptNumber for ButtonIrq {
    fn number(self) -> u16 {
        self as u16
    }
}

fn latch_edges() {
    let e = PORT_E.take_interrupts(PINS_E);
    let f = PORT_F.take_interrupts(PIN_F);
    let bits = (e & PINS_E) | if f & PIN_F != 0 { 1 << 4 } else { 0 };
    LATCHED.fetch_or(bits, Ordering::Relaxed);
}

/// This board has no peripheral-access crate, so device interrupts arrive here by number.
// `unsafe fn` because cortex-m-rt requires it for this handler; only the hardware calls it.
#[exception]
unsafe fn DefaultHandler(irqn: i16) {
    if irqn == ButtonIrq::GpioE as i16 || irqn == ButtonIrq::GpioF as i16 {
        latch_edges();
    } else {
        unexpected_interrupt(irqn);
    }
}

/// Nothing else is unmasked: an unknown interrupt is a bug, not something to ignore (returning
/// would re-enter at once if it is level-triggered). Kept out of line so the handler's own
/// stack frame stays small: it may run on top of the deepest main-loop call.
#[cold]
#[inline(never)]
fn unexpected_interrupt(irqn: i16) -> ! {
    panic!("unexpected interrupt {}", irqn);
}

/// A button press, the event the application reacts to.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub enum Input {
    /// The up button (PE0).
    Up,
    /// The down button (PE1).
    Down,
    /// The left button (PE2).
    Left,
    /// The right button (PE3).
    Right,
    /// The select button (PF1).
    Select,
}

impl Input {
    /// All inputs, in bit order of [`Buttons::pressed_mask`].
    pub const ALL: [Input; 5] = [
        Input::Up,
        Input::Down,
        Input::Left,
        Input::Right,
        Input::Select,
    ];

    fn bit(self) -> u8 {
        1 << (self as u8)
    }
}

/// The five buttons: poll them, get debounced press events.
pub struct Buttons {
    stable: u8,
    last_raw: u8,
    changed_at: u32,
    pending: u8,
}

impl Buttons {
    /// Configures and pre-charges the button pins. Peripheral clocks must already be on.
    pub(crate) fn new() -> Buttons {
        PORT_E.make_outputs(PINS_E, PINS_E);
        PORT_F.make_outputs(PIN_F, PIN_F);
        PORT_E.make_inputs_pulled_up(PINS_E);
        PORT_F.make_inputs_pulled_up(PIN_F);
        let raw = Self::read_pressed();
        PORT_E.enable_falling_edge_interrupts(PINS_E);
        PORT_F.enable_falling_edge_interrupts(PIN_F);
        LATCHED.store(0, Ordering::Relaxed);
        // SAFETY: unmasking only lets the two GPIO interrupts run; their handler touches the
        // ports' interrupt registers and an atomic, and no code here relies on these
        // interrupts being masked (no mask-based critical section covers that state).
        unsafe {
            NVIC::unmask(ButtonIrq::GpioE);
            NVIC::unmask(ButtonIrq::GpioF);
        }
        Buttons {
            // Whatever is held at boot is not a press.
            stable: raw,
            last_raw: raw,
            changed_at: 0,
            pending: 0,
        }
    }

    /// The pressed buttons right now, undebounced, one bit per [`Input`] in [`Input::ALL`]
    /// order.
    pub fn pressed_mask(&self) -> u8 {
        Self::read_pressed()
    }

    fn read_pressed() -> u8 {
        let e = PORT_E.read(PINS_E);
        let f = PORT_F.read(PIN_F);
        // Active low: a 0 on the pin is a press.
        let levels = (e & PINS_E) | if f & PIN_F != 0 { 1 << 4 } else { 0 };
        !levels & 0b1_1111
    }

    /// Samples the buttons at time `now_ms` (any monotonic millisecond count, wrapping) and
    /// returns the next debounced press, if any. Call it often (every few ms): a press shorter
    /// than the polling interval plus [`DEBOUNCE_MS`] may be missed.
    pub fn poll(&mut self, now_ms: u32) -> Option<Input> {
        let latched = LATCHED.swap(0, Ordering::Relaxed);
        let raw = Self::read_pressed();
        // Pressed and released between two polls: released before (stable) and now (raw).
        self.pending |= latched & !self.stable & !raw;
        if raw != self.last_raw {
            self.last_raw = raw;
            self.changed_at = now_ms;
        } else if raw != self.stable && now_ms.wrapping_sub(self.changed_at) >= DEBOUNCE_MS {
            self.pending |= raw & !self.stable;
            self.stable = raw;
        }
        let next = Input::ALL
            .into_iter()
            .find(|i| self.pending & i.bit() != 0)?;
        self.pending &= !next.bit();
        Some(next)
    }
}
