//! Drawing helpers shared by the screens: fonts, grey levels, text, the button icons and the
//! hint grid that shows what each button does.
//!
//! The panel is 128×64. Layout, top to bottom: a text area of four 6×10 lines (y 0–39), a
//! status line in 5×8 (y 40–47), then two rows of button hints in 5×8 (y 48–63), two hints a
//! row, 64 pixels each.

use embedded_graphics::image::ImageRaw;
use embedded_graphics::mono_font::mapping::ISO_8859_1;
use embedded_graphics::mono_font::{DecorationDimensions, MonoFont, MonoTextStyle};
use embedded_graphics::pixelcolor::Gray4;
use embedded_graphics::prelude::*;
use embedded_graphics::primitives::{PrimitiveStyle, Rectangle};
use embedded_graphics::text::{Baseline, Text};

use crate::latin1::latin1_chars;
use crate::text::TextBuf;

/// Panel width.
pub const WIDTH: i32 = 128;
/// Panel height.
pub const HEIGHT: i32 = 64;
/// embedded-graphics' ISO-8859-1 6×10 font with square dots for `.`, `:` and `;` (its own
/// 3×3 diamonds read as plus signs on the panel; see `fonts/patch_fonts.py`).
const FONT_6X10: MonoFont<'static> = MonoFont {
    image: ImageRaw::new(include_bytes!("../fonts/font_6x10.raw"), 96),
    glyph_mapping: &ISO_8859_1,
    character_size: Size::new(6, 10),
    character_spacing: 0,
    baseline: 7,
    underline: DecorationDimensions::new(7 + 2, 1),
    strikethrough: DecorationDimensions::new(10 / 2, 1),
};

/// embedded-graphics' ISO-8859-1 5×8 font with a square full stop (see [`FONT_6X10`]).
const FONT_5X8: MonoFont<'static> = MonoFont {
    image: ImageRaw::new(include_bytes!("../fonts/font_5x8.raw"), 80),
    glyph_mapping: &ISO_8859_1,
    character_size: Size::new(5, 8),
    character_spacing: 0,
    baseline: 6,
    underline: DecorationDimensions::new(6 + 2, 1),
    strikethrough: DecorationDimensions::new(8 / 2, 1),
};

/// The body font: 6×10, 21 columns.
pub const BODY: &MonoFont<'static> = &FONT_6X10;
/// The small font: 5×8, 25 columns.
pub const SMALL: &MonoFont<'static> = &FONT_5X8;
/// Columns of body text across the panel.
pub const BODY_COLUMNS: usize = 21;
/// Columns of small text across the panel.
pub const SMALL_COLUMNS: usize = 25;
/// Lines of body text in the text area.
pub const TEXT_ROWS: usize = 4;
/// Top of the status line.
pub const STATUS_Y: i32 = 40;
/// Top of the first hint row.
pub const HINTS_Y: i32 = 48;

/// Full brightness.
pub const BRIGHT: Gray4 = Gray4::new(15);
/// Secondary text (context, labels).
pub const DIM: Gray4 = Gray4::new(9);
/// Hint labels and separators.
pub const FAINT: Gray4 = Gray4::new(6);

/// Draws `s` (mapped to Latin-1) with its top-left corner at `(x, y)`; returns the x after it.
pub fn text<D: DrawTarget<Color = Gray4>>(
    d: &mut D,
    s: &str,
    x: i32,
    y: i32,
    font: &MonoFont<'_>,
    color: Gray4,
) -> Result<i32, D::Error> {
    let mut mapped = TextBuf::<96>::new();
    for c in latin1_chars(s) {
        if !mapped.push(c) {
            break;
        }
    }
    let style = MonoTextStyle::new(font, color);
    let end =
        Text::with_baseline(mapped.as_str(), Point::new(x, y), style, Baseline::Top).draw(d)?;
    Ok(end.x)
}

/// Draws `s` cut to `columns` characters (the last one replaced by `…`-like `>` when cut).
pub fn text_cut<D: DrawTarget<Color = Gray4>>(
    d: &mut D,
    s: &str,
    x: i32,
    y: i32,
    font: &MonoFont<'_>,
    color: Gray4,
    columns: usize,
) -> Result<i32, D::Error> {
    let mut cut = TextBuf::<96>::new();
    let count = latin1_chars(s).count();
    for (k, c) in latin1_chars(s).enumerate() {
        if count > columns && k + 1 == columns {
            cut.push('\u{BB}');
            break;
        }
        if k == columns || !cut.push(c) {
            break;
        }
    }
    text(d, cut.as_str(), x, y, font, color)
}

/// Draws `s` right-aligned so that it ends at `right`.
pub fn text_right<D: DrawTarget<Color = Gray4>>(
    d: &mut D,
    s: &str,
    right: i32,
    y: i32,
    font: &MonoFont<'_>,
    color: Gray4,
) -> Result<(), D::Error> {
    let width = latin1_chars(s).count() as i32 * font.character_size.width as i32;
    text(d, s, right - width, y, font, color)?;
    Ok(())
}

/// A filled rectangle.
pub fn fill<D: DrawTarget<Color = Gray4>>(
    d: &mut D,
    x: i32,
    y: i32,
    w: u32,
    h: u32,
    color: Gray4,
) -> Result<(), D::Error> {
    Rectangle::new(Point::new(x, y), Size::new(w, h))
        .into_styled(PrimitiveStyle::with_fill(color))
        .draw(d)
}

/// A title bar: dark text on a bright band, 10 pixels high.
pub fn title<D: DrawTarget<Color = Gray4>>(d: &mut D, s: &str) -> Result<(), D::Error> {
    fill(d, 0, 0, WIDTH as u32, 10, BRIGHT)?;
    text_cut(d, s, 1, 0, BODY, Gray4::BLACK, BODY_COLUMNS)?;
    Ok(())
}

/// The five buttons, drawn as small icons (the fonts have no arrows).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Icon {
    /// ◄
    Left,
    /// ►
    Right,
    /// ▲
    Up,
    /// ▼
    Down,
    /// ● (select)
    Select,
    /// ▲▼ together (up and down both do something, e.g. scroll).
    UpDown,
}

/// Icon bitmaps, 5×5, one row a byte, most significant of the five bits on the left.
fn bitmap(icon: Icon) -> [u8; 5] {
    match icon {
        Icon::Left => [0b00010, 0b00110, 0b01110, 0b00110, 0b00010],
        Icon::Right => [0b01000, 0b01100, 0b01110, 0b01100, 0b01000],
        Icon::Up => [0b00000, 0b00100, 0b01110, 0b11111, 0b00000],
        Icon::Down => [0b00000, 0b11111, 0b01110, 0b00100, 0b00000],
        Icon::Select => [0b01110, 0b11111, 0b11111, 0b11111, 0b01110],
        Icon::UpDown => [0b00100, 0b01110, 0b00000, 0b01110, 0b00100],
    }
}

/// Draws `icon` in a 5×5 box whose top-left corner is at `(x, y)`.
pub fn icon<D: DrawTarget<Color = Gray4>>(
    d: &mut D,
    icon: Icon,
    x: i32,
    y: i32,
    color: Gray4,
) -> Result<(), D::Error> {
    let rows = bitmap(icon);
    let pixels = (0..5i32).flat_map(move |r| {
        (0..5i32)
            .filter(move |c| rows[r as usize] >> (4 - c) & 1 == 1)
            .map(move |c| Pixel(Point::new(x + c, y + r), color))
    });
    d.draw_iter(pixels)
}

/// One button hint: icon, label, and an optional value after it (a grade's interval).
#[derive(Clone, Copy, Debug)]
pub struct Hint<'a> {
    /// The button.
    pub icon: Icon,
    /// What it does.
    pub label: &'a str,
    /// A value shown after the label, brighter.
    pub value: &'a str,
}

impl<'a> Hint<'a> {
    /// A hint without a value.
    pub const fn new(icon: Icon, label: &'a str) -> Hint<'a> {
        Hint {
            icon,
            label,
            value: "",
        }
    }
}

/// Draws up to four hints in the two bottom rows, left to right then top to bottom.
pub fn hints<D: DrawTarget<Color = Gray4>>(d: &mut D, hints: &[Hint<'_>]) -> Result<(), D::Error> {
    for (k, h) in hints.iter().take(4).enumerate() {
        // Left cells end a few pixels before the right ones start, so that a value
        // right-aligned in the left cell never runs into the next icon.
        let (x, right) = if k % 2 == 0 { (0, 61) } else { (66, WIDTH) };
        let y = HINTS_Y + (k as i32 / 2) * 8;
        icon(d, h.icon, x, y + 1, BRIGHT)?;
        text(d, h.label, x + 7, y, SMALL, DIM)?;
        if !h.value.is_empty() {
            text_right(d, h.value, right, y, SMALL, BRIGHT)?;
        }
    }
    Ok(())
}

/// A thin vertical scroll bar on the right edge of the text area: where `first` of `total`
/// lines sits when `shown` are visible.
pub fn scroll_bar<D: DrawTarget<Color = Gray4>>(
    d: &mut D,
    first: usize,
    shown: usize,
    total: usize,
) -> Result<(), D::Error> {
    if total <= shown {
        return Ok(());
    }
    let track = (TEXT_ROWS * 10) as i32;
    fill(d, WIDTH - 1, 0, 1, track as u32, Gray4::new(3))?;
    let len = ((track * shown as i32) / total as i32).max(3);
    let top = (track - len) * first as i32 / (total - shown) as i32;
    fill(d, WIDTH - 1, top, 1, len as u32, BRIGHT)
}
