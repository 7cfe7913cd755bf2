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

use crate::gpio::{PORT_E, PORT_F};

const PINS_E: u8 = 0b1111; // PE0..PE3
const PIN_F: u8 = 1 << 1; // PF1

/// How long a button level must be stable before it counts, in milliseconds. Contact bounce
/// lasts a few ms; QEMU's key presses hold for 50 ms.
pub const DEBOUNCE_MS: u32 = 10;

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
        let raw = Self::read_pressed();
        if raw != self.last_raw {
            self.last_raw = raw;
            self.changed_at = now_ms;
        } else if raw != self.stable && now_ms.wrapping_sub(self.changed_at) >= DEBOUNCE_MS {
            self.pending |= raw & !self.stable;
            self.stable = raw;
        }
        let next = Input::ALL.into_iter().find(|i| self.pending & i.bit() != 0)?;
        self.pending &= !next.bit();
        Some(next)
    }
}
