//! [`Display`]: a 128×64 `Gray4` embedded-graphics draw target backed by a RAM frame buffer,
//! pushed to the OLED by [`Display::flush`].

use core::convert::Infallible;
use core::sync::atomic::{AtomicBool, Ordering};

use embedded_graphics::{
    framebuffer::{buffer_size, Framebuffer},
    pixelcolor::{
        raw::{BigEndian, RawU4},
        Gray4,
    },
    prelude::*,
    primitives::Rectangle,
};

use crate::oled::{Oled, FRAME_BYTES, HEIGHT, WIDTH};

/// The frame buffer layout: exactly the SSD0323's (4 bits a pixel, left pixel in the high
/// nibble, row-major), so it is pushed as is.
pub type FrameBuffer =
    Framebuffer<Gray4, RawU4, BigEndian, WIDTH, HEIGHT, { buffer_size::<Gray4>(WIDTH, HEIGHT) }>;

/// The one frame buffer, a static in `.bss`: kept out of [`Display`] so that moving the
/// display (and the [`crate::Board`] holding it) never copies 4 KiB across the stack.
static mut FRAME: FrameBuffer = FrameBuffer::new();
static FRAME_TAKEN: AtomicBool = AtomicBool::new(false);

fn take_frame() -> Option<&'static mut FrameBuffer> {
    if FRAME_TAKEN.swap(true, Ordering::AcqRel) {
        return None;
    }
    // SAFETY: FRAME_TAKEN goes from false to true exactly once, so this is the only reference
    // to FRAME ever made; nothing else names FRAME.
    Some(unsafe { &mut *core::ptr::addr_of_mut!(FRAME) })
}

/// What the application draws on: any embedded-graphics drawing, then [`Display::flush`].
pub struct Display {
    frame: &'static mut FrameBuffer,
    oled: Oled,
    flushes: u32,
}

impl Display {
    /// A display on an initialised OLED, with a black frame buffer (nothing is sent yet).
    /// There is one frame buffer: `None` if a display was already made.
    pub fn new(oled: Oled) -> Option<Display> {
        Some(Display {
            frame: take_frame()?,
            oled,
            flushes: 0,
        })
    }

    /// Sends the frame buffer to the panel.
    pub fn flush(&mut self) {
        let data: &[u8; FRAME_BYTES] = self.frame.data();
        self.oled.push_frame(data);
        self.flushes = self.flushes.wrapping_add(1);
    }

    /// How many frames have been pushed since boot.
    pub fn flushes(&self) -> u32 {
        self.flushes
    }

    /// The frame buffer bytes, in the panel's layout.
    pub fn frame_bytes(&self) -> &[u8; FRAME_BYTES] {
        self.frame.data()
    }
}

impl OriginDimensions for Display {
    fn size(&self) -> Size {
        Size::new(WIDTH as u32, HEIGHT as u32)
    }
}

impl DrawTarget for Display {
    type Color = Gray4;
    type Error = Infallible;

    fn draw_iter<I>(&mut self, pixels: I) -> Result<(), Self::Error>
    where
        I: IntoIterator<Item = Pixel<Self::Color>>,
    {
        self.frame.draw_iter(pixels)
    }

    fn fill_solid(&mut self, area: &Rectangle, color: Self::Color) -> Result<(), Self::Error> {
        self.frame.fill_solid(area, color)
    }

    fn clear(&mut self, color: Self::Color) -> Result<(), Self::Error> {
        self.frame.clear(color)
    }
}
