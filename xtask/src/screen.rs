//! [`Screen`]: what the emulated OLED shows, as 128×64 grey levels, decoded from QEMU's
//! screendump PNG (the panel scaled ×4, grey level `g` drawn as RGB `(17g, 17g, 17g)`).

use std::fmt::Write as _;
use std::io::Cursor;
use std::path::Path;

use crate::error::{Context as _, Error, Result};

/// Panel width in pixels.
pub const WIDTH: usize = 128;
/// Panel height in pixels.
pub const HEIGHT: usize = 64;
/// QEMU's magnification of the panel in its console.
pub const SCALE: usize = 4;

/// The panel's content: one grey level (0..=15) a pixel, row-major.
#[derive(Clone, PartialEq, Eq)]
pub struct Screen {
    levels: Vec<u8>,
}

impl std::fmt::Debug for Screen {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Screen\n{}", self.to_ascii())
    }
}

impl Screen {
    /// A screen from 128×64 grey levels (0..=15), row-major; `None` if the size is wrong.
    pub fn from_levels(levels: Vec<u8>) -> Option<Screen> {
        (levels.len() == WIDTH * HEIGHT && levels.iter().all(|&l| l < 16))
            .then_some(Screen { levels })
    }

    /// The screen as QEMU's screendump shows it: a 512×256 grey PNG.
    pub fn to_png(&self) -> Vec<u8> {
        let (w, h) = (WIDTH * SCALE, HEIGHT * SCALE);
        let mut data = vec![0u8; w * h];
        for y in 0..h {
            for x in 0..w {
                data[y * w + x] = self.level(x / SCALE, y / SCALE) * 17;
            }
        }
        let mut out = Vec::new();
        {
            let mut enc = png::Encoder::new(&mut out, w as u32, h as u32);
            enc.set_color(png::ColorType::Grayscale);
            enc.set_depth(png::BitDepth::Eight);
            if let Ok(mut writer) = enc.write_header() {
                let _ = writer.write_image_data(&data);
            }
        }
        out
    }

    /// Decodes a screendump PNG file.
    pub fn from_png_file(path: &Path) -> Result<Screen> {
        let bytes = std::fs::read(path).context(format!("reading {}", path.display()))?;
        Screen::from_png(&bytes).map_err(|e| e.context(path.display()))
    }

    /// Decodes a screendump PNG: 512×256 (the panel ×4), RGB/RGBA/grey, 8 bits. Every 4×4
    /// block must be one colour and every colour a grey of the panel's 16 levels.
    pub fn from_png(png_bytes: &[u8]) -> Result<Screen> {
        let mut decoder = png::Decoder::new(Cursor::new(png_bytes));
        decoder.set_transformations(png::Transformations::EXPAND | png::Transformations::STRIP_16);
        let mut reader = decoder.read_info().context("PNG header")?;
        let size = reader
            .output_buffer_size()
            .ok_or_else(|| Error::new("PNG too large"))?;
        let mut buf = vec![0; size];
        let info = reader.next_frame(&mut buf).context("PNG data")?;
        let (w, h) = (info.width as usize, info.height as usize);
        if (w, h) != (WIDTH * SCALE, HEIGHT * SCALE) {
            return Err(Error::new(format!(
                "screendump is {w}×{h}, expected {}×{}",
                WIDTH * SCALE,
                HEIGHT * SCALE
            )));
        }
        let channels = info.color_type.samples();
        let grey_at = |x: usize, y: usize| -> Result<u8> {
            let i = (y * w + x) * channels;
            let px = buf
                .get(i..i + channels)
                .ok_or_else(|| Error::new("PNG shorter than its header says"))?;
            let v = px[0];
            if channels >= 3 && (px[1] != v || px[2] != v) {
                return Err(Error::new(format!("pixel ({x}, {y}) is not grey")));
            }
            if v % 17 != 0 {
                return Err(Error::new(format!(
                    "pixel ({x}, {y}) = {v} is not one of the 16 panel levels"
                )));
            }
            Ok(v / 17)
        };
        let mut levels = vec![0; WIDTH * HEIGHT];
        for y in 0..HEIGHT {
            for x in 0..WIDTH {
                let level = grey_at(x * SCALE, y * SCALE)?;
                for dy in 0..SCALE {
                    for dx in 0..SCALE {
                        if grey_at(x * SCALE + dx, y * SCALE + dy)? != level {
                            return Err(Error::new(format!(
                                "panel pixel ({x}, {y}) is not a uniform {SCALE}×{SCALE} block"
                            )));
                        }
                    }
                }
                levels[y * WIDTH + x] = level;
            }
        }
        Ok(Screen { levels })
    }

    /// The grey level (0..=15) at (x, y); 0 outside the panel.
    pub fn level(&self, x: usize, y: usize) -> u8 {
        if x < WIDTH && y < HEIGHT {
            self.levels[y * WIDTH + x]
        } else {
            0
        }
    }

    /// Whether every pixel is black (the panel before the first frame).
    pub fn is_blank(&self) -> bool {
        self.levels.iter().all(|&l| l == 0)
    }

    /// How many pixels differ from `other`.
    pub fn diff_count(&self, other: &Screen) -> usize {
        self.levels
            .iter()
            .zip(&other.levels)
            .filter(|(a, b)| a != b)
            .count()
    }

    /// The screen as text, one character a pixel (` .:-=+*#%@` by brightness).
    pub fn to_ascii(&self) -> String {
        const RAMP: &[u8] = b" ..::--==++**##%@";
        let mut s = String::with_capacity((WIDTH + 1) * HEIGHT);
        for y in 0..HEIGHT {
            for x in 0..WIDTH {
                s.push(RAMP[self.level(x, y) as usize] as char);
            }
            s.push('\n');
        }
        s
    }

    /// `self` against `expected`: each differing pixel marked `X`, the rest as in `self`.
    pub fn diff_ascii(&self, expected: &Screen) -> String {
        let mut s = String::new();
        for y in 0..HEIGHT {
            for x in 0..WIDTH {
                let c = if self.level(x, y) != expected.level(x, y) {
                    'X'
                } else if self.level(x, y) > 0 {
                    '#'
                } else {
                    '.'
                };
                let _ = write!(s, "{c}");
            }
            s.push('\n');
        }
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn encode(width: u32, height: u32, rgb: &[u8]) -> Vec<u8> {
        let mut out = Vec::new();
        {
            let mut enc = png::Encoder::new(&mut out, width, height);
            enc.set_color(png::ColorType::Rgb);
            enc.set_depth(png::BitDepth::Eight);
            let mut w = enc.write_header().expect("header");
            w.write_image_data(rgb).expect("data");
        }
        out
    }

    /// A 512×256 dump with panel pixel (3, 2) at level 15 and (127, 63) at level 8.
    fn dump() -> Vec<u8> {
        let (w, h) = (WIDTH * SCALE, HEIGHT * SCALE);
        let mut rgb = vec![0u8; w * h * 3];
        for (px, py, level) in [(3usize, 2usize, 15u8), (127, 63, 8)] {
            for dy in 0..SCALE {
                for dx in 0..SCALE {
                    let i = ((py * SCALE + dy) * w + px * SCALE + dx) * 3;
                    rgb[i..i + 3].fill(level * 17);
                }
            }
        }
        encode(w as u32, h as u32, &rgb)
    }

    #[test]
    fn decodes_scaled_panel() {
        let screen = Screen::from_png(&dump()).expect("decodes");
        assert_eq!(screen.level(3, 2), 15);
        assert_eq!(screen.level(127, 63), 8);
        assert_eq!(screen.level(0, 0), 0);
        assert!(!screen.is_blank());
        assert_eq!(screen.diff_count(&screen.clone()), 0);
    }

    #[test]
    fn rejects_wrong_size_and_non_panel_colours() {
        assert!(Screen::from_png(&encode(4, 4, &[0; 48])).is_err());
        let (w, h) = (WIDTH * SCALE, HEIGHT * SCALE);
        let mut rgb = vec![0u8; w * h * 3];
        rgb[0] = 200; // not grey
        assert!(Screen::from_png(&encode(w as u32, h as u32, &rgb)).is_err());
    }
}
