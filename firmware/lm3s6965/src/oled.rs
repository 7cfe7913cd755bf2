//! The SSD0323 OLED controller: 128×64 pixels, 16 grey levels, 4 bits a pixel, two pixels a
//! byte with the *left* pixel in the high nibble.

use core::cell::RefCell;

use crate::ssi::{Device, Speed, Ssi};

/// Panel width in pixels.
pub const WIDTH: usize = 128;
/// Panel height in pixels.
pub const HEIGHT: usize = 64;
/// Bytes in one frame (4 bits a pixel).
pub const FRAME_BYTES: usize = WIDTH * HEIGHT / 2;

/// Power-up sequence for the OSRAM Pictiva 128×64 panel on this board. QEMU's model only acts
/// on the address window and the remap register and ignores (but accepts) the rest; the analog
/// values are the SSD0323 data sheet's typical ones and are still to be checked on a board.
const INIT: &[u8] = &[
    0xAE, // display off
    0xA0, 0x52, // remap: nibble remap (left pixel in the high nibble), COM remap + split;
    //             bit 2 (vertical address increment) stays clear, the frame is row-major
    0xA1, 0x00, // display start line 0
    0xA2, 0x4C, // display offset, for a 64-row panel on the 80-row controller
    0xA4, // normal display (not all-on, not inverted)
    0xA8, 0x3F, // multiplex ratio: 64 rows
    0x81, 0x33, // contrast
    0x84, // current range: quarter
    0xB2, 0x23, // row period
    0xB3, 0x41, // display clock divider / oscillator
    0xB1, 0x22, // phase length
    0xBC, 0x10, // pre-charge voltage
    0xBE, 0x1C, // VCOMH
    0xBF, 0x0D, // VSL
    0xAD, 0x02, // DC-DC converter off (external +15 V)
    0xB8, 0x01, 0x11, 0x22, 0x32, 0x43, 0x54, 0x65, 0x76, // grey scale table
    0xAF, // display on
];

/// Column window `0..=63` (byte columns: two pixels each) and row window `0..=63`. Sent before
/// every frame: QEMU's model starts with a last row of 79, and the address pointer must be back
/// at the top-left corner whatever happened before.
const WINDOW: &[u8] = &[0x15, 0x00, 0x3F, 0x75, 0x00, 0x3F];

/// The OLED on the shared SSI bus.
pub struct Oled {
    bus: &'static RefCell<Ssi>,
}

impl Oled {
    /// An OLED driver on `bus`; call [`Oled::init`] before the first frame.
    pub fn new(bus: &'static RefCell<Ssi>) -> Oled {
        Oled { bus }
    }

    /// Sends the power-up command sequence.
    pub fn init(&mut self) {
        self.commands(INIT);
    }

    /// Sends controller commands (D/C low).
    pub fn commands(&mut self, bytes: &[u8]) {
        self.bus
            .borrow_mut()
            .with_device(Device::Oled, Speed::Fast, false, |ssi| {
                for &b in bytes {
                    ssi.transfer_byte(b);
                }
            });
    }

    /// Pushes one whole frame: the window commands, then 4096 bytes of pixel data in the
    /// panel's layout (row-major, left pixel in the high nibble).
    pub fn push_frame(&mut self, frame: &[u8; FRAME_BYTES]) {
        self.commands(WINDOW);
        self.bus
            .borrow_mut()
            .with_device(Device::Oled, Speed::Fast, true, |ssi| {
                for &b in frame.iter() {
                    ssi.transfer_byte(b);
                }
            });
    }
}
