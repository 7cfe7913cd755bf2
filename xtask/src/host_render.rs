//! The handheld's screens rendered on the host by the application crate itself
//! (`carnet-handheld`): what the emulated panel must show, pixel for pixel, for the same
//! deck, log, settings file and button presses.

use carnet_engine::CardState;
use carnet_handheld::{deck, App, DeckSource, Input, Memory, Settings, Storage, StorageError};
use embedded_graphics::pixelcolor::{Gray4, GrayColor};
use embedded_graphics::prelude::*;

use crate::screen::{Screen, HEIGHT, WIDTH};

/// A deck, a log and a settings file in memory.
struct Files {
    deck: Vec<u8>,
    log: Vec<u8>,
    settings: Vec<u8>,
}

fn read(from: &[u8], offset: u32, buf: &mut [u8]) -> usize {
    let rest = from.get(offset as usize..).unwrap_or(&[]);
    let n = rest.len().min(buf.len());
    buf[..n].copy_from_slice(&rest[..n]);
    n
}

impl Storage for Files {
    fn deck_len(&mut self) -> Result<u32, StorageError> {
        Ok(self.deck.len() as u32)
    }

    fn read_deck(&mut self, offset: u32, buf: &mut [u8]) -> Result<usize, StorageError> {
        Ok(read(&self.deck, offset, buf))
    }

    fn read_log(&mut self, offset: u32, buf: &mut [u8]) -> Result<usize, StorageError> {
        Ok(read(&self.log, offset, buf))
    }

    fn append_log(&mut self, frame: &[u8]) -> Result<(), StorageError> {
        self.log.extend_from_slice(frame);
        Ok(())
    }

    fn read_settings(&mut self, offset: u32, buf: &mut [u8]) -> Result<usize, StorageError> {
        Ok(read(&self.settings, offset, buf))
    }
}

/// A 128×64 canvas.
struct Canvas(Vec<u8>);

impl OriginDimensions for Canvas {
    fn size(&self) -> Size {
        Size::new(WIDTH as u32, HEIGHT as u32)
    }
}

impl DrawTarget for Canvas {
    type Color = Gray4;
    type Error = core::convert::Infallible;

    fn draw_iter<I: IntoIterator<Item = Pixel<Gray4>>>(
        &mut self,
        pixels: I,
    ) -> Result<(), Self::Error> {
        for Pixel(p, c) in pixels {
            if (0..WIDTH as i32).contains(&p.x) && (0..HEIGHT as i32).contains(&p.y) {
                self.0[p.y as usize * WIDTH + p.x as usize] = c.luma();
            }
        }
        Ok(())
    }
}

/// The screen the handheld shows after booting on `deck`, `log` and `settings` (the
/// `SETTINGS.TXT` bytes; empty: no file) at `now_ms` and then `presses` (one second apart).
/// Screens that show no time-dependent figure (the home screen, a new card's front of a
/// fresh card, and its back without fuzz) come out the same for any `now_ms`.
pub fn screen_after(
    deck: &[u8],
    log: &[u8],
    settings: &[u8],
    now_ms: i64,
    presses: &[Input],
) -> Option<Screen> {
    let mut files = Files {
        deck: deck.to_vec(),
        log: log.to_vec(),
        settings: settings.to_vec(),
    };
    let info = deck::verify(&mut files);
    let mut states = vec![CardState::NEW; 2000];
    let mut fingerprints = vec![0u16; 2000];
    let mut queue = vec![0u32; 256];
    let mut app = App::boot(
        files,
        info,
        DeckSource::Card,
        Memory {
            states: &mut states,
            fingerprints: &mut fingerprints,
            queue: &mut queue,
        },
        Settings::default(),
        now_ms,
    );
    for (k, &input) in presses.iter().enumerate() {
        app.on_event(input, now_ms + 1000 * (k as i64 + 1));
    }
    let mut canvas = Canvas(vec![0; WIDTH * HEIGHT]);
    let _ = app.draw(&mut canvas);
    Screen::from_levels(canvas.0)
}
