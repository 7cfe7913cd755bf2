//! The hardware self-test and demo: every board device used once, visibly.
//!
//! 1. Draws the first frame (French text with accents, the 16 grey levels) and notes when it
//!    reached the panel.
//! 2. Mounts the SD card, reads `DECK.BIN` twice (whole, and in 512-byte pieces at offsets)
//!    and checks both give the same CRC-32, then appends a line to `LOG.TXT`.
//! 3. Reacts to buttons: shows the last one pressed and moves a cursor on a 4×4 grid.
//! 4. On *select*: appends a second line to `LOG.TXT` with the keys pressed, and under QEMU
//!    prints a `carnet-selftest …` report line (timings, RAM figures) and exits with status 0
//!    if every step worked, 1 otherwise.

use core::fmt::{self, Write as _};
use core::sync::atomic::{AtomicBool, Ordering};

use carnet_handheld::latin1::to_latin1;
use carnet_lm3s6965::{Board, Display, Input, StorageError};
use embedded_graphics::{
    mono_font::{iso_8859_1::FONT_6X10, MonoTextStyle},
    pixelcolor::Gray4,
    prelude::*,
    primitives::{Line, PrimitiveStyle, Rectangle},
    text::{Baseline, Text},
};

const DECK_FILE: &str = "DECK.BIN";
const LOG_FILE: &str = "LOG.TXT";
const GRID: u8 = 4;

/// A fixed-capacity string for formatting without an allocator (text past `N` bytes is cut).
struct TextBuf<const N: usize> {
    buf: [u8; N],
    len: usize,
}

impl<const N: usize> TextBuf<N> {
    fn new() -> Self {
        TextBuf {
            buf: [0; N],
            len: 0,
        }
    }

    fn as_str(&self) -> &str {
        core::str::from_utf8(&self.buf[..self.len]).unwrap_or("")
    }
}

impl<const N: usize> fmt::Write for TextBuf<N> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        for c in s.chars() {
            let mut tmp = [0u8; 4];
            let bytes = c.encode_utf8(&mut tmp).as_bytes();
            let end = self.len + bytes.len();
            let dest = self.buf.get_mut(self.len..end).ok_or(fmt::Error)?;
            dest.copy_from_slice(bytes);
            self.len = end;
        }
        Ok(())
    }
}

/// Room to read the whole deck at once (a static: 4 KiB is too much to build on the stack).
static mut DECK_BUF: [u8; 4096] = [0; 4096];
static DECK_BUF_TAKEN: AtomicBool = AtomicBool::new(false);

fn take_deck_buf() -> Option<&'static mut [u8; 4096]> {
    if DECK_BUF_TAKEN.swap(true, Ordering::AcqRel) {
        return None;
    }
    // SAFETY: DECK_BUF_TAKEN goes from false to true exactly once, so this is the only
    // reference to DECK_BUF ever made; nothing else names DECK_BUF.
    Some(unsafe { &mut *core::ptr::addr_of_mut!(DECK_BUF) })
}

/// What the deck check found.
#[derive(Clone, Copy)]
struct DeckInfo {
    len: u32,
    crc: u32,
}

struct State {
    first_frame_us: u64,
    /// Whether the card has been tried yet (the first frame comes before).
    sd_checked: bool,
    card_bytes: Result<u64, StorageError>,
    deck: Result<DeckInfo, StorageError>,
    boot_log: Result<(), StorageError>,
    final_log: Option<Result<(), StorageError>>,
    last: Option<Input>,
    cursor: (u8, u8),
    keys: TextBuf<48>,
}

fn key_name(input: Option<Input>) -> &'static str {
    match input {
        None => "-",
        Some(Input::Up) => "Haut",
        Some(Input::Down) => "Bas",
        Some(Input::Left) => "Gauche",
        Some(Input::Right) => "Droite",
        Some(Input::Select) => "Sélection",
    }
}

fn key_letter(input: Input) -> char {
    match input {
        Input::Up => 'H',
        Input::Down => 'B',
        Input::Left => 'G',
        Input::Right => 'D',
        Input::Select => 'S',
    }
}

/// CRC-32 (IEEE 802.3, as zlib's `crc32`), bit by bit: small and fast enough for a check.
fn crc32_update(mut crc: u32, bytes: &[u8]) -> u32 {
    crc = !crc;
    for &b in bytes {
        crc ^= b as u32;
        for _ in 0..8 {
            crc = if crc & 1 != 0 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

fn text(d: &mut Display, s: &str, x: i32, y: i32, grey: u8) {
    let mut buf = [0u8; 64];
    let s = to_latin1(s, &mut buf);
    let style = MonoTextStyle::new(&FONT_6X10, Gray4::new(grey));
    // Drawing on the frame buffer cannot fail (its error type is Infallible).
    let _ = Text::with_baseline(s, Point::new(x, y), style, Baseline::Top).draw(d);
}

fn draw(d: &mut Display, s: &State) {
    let _ = d.clear(Gray4::BLACK);
    text(d, "carnet", 0, 0, 15);
    for level in 0..16u8 {
        let _ = Rectangle::new(Point::new(42 + 5 * level as i32, 1), Size::new(5, 8))
            .into_styled(PrimitiveStyle::with_fill(Gray4::new(level)))
            .draw(d);
    }
    let _ = Line::new(Point::new(0, 11), Point::new(127, 11))
        .into_styled(PrimitiveStyle::with_stroke(Gray4::new(6), 1))
        .draw(d);
    // Typographic apostrophe, em dash and ellipsis: outside Latin-1, mapped by `to_latin1`.
    text(d, "Révolution d’Octobre", 0, 13, 15);
    text(d, "— été « ça » où…", 0, 23, 15);

    let mut line = TextBuf::<40>::new();
    let _ = match (s.card_bytes, s.deck) {
        _ if !s.sd_checked => write!(line, "SD : lecture…"),
        (Err(StorageError::NoCard), _) => write!(line, "SD : absente"),
        (_, Ok(deck)) => write!(line, "{DECK_FILE} {} o", deck.len),
        (_, Err(e)) => write!(line, "{DECK_FILE} {}", short_error(e)),
    };
    text(d, line.as_str(), 0, 33, 12);

    let mut line = TextBuf::<40>::new();
    let _ = match (s.boot_log, s.final_log) {
        _ if !s.sd_checked => Ok(()),
        (Err(e), _) | (_, Some(Err(e))) => write!(line, "{LOG_FILE} {}", short_error(e)),
        (Ok(()), None) => write!(line, "{LOG_FILE} +1 ligne"),
        (Ok(()), Some(Ok(()))) => write!(line, "{LOG_FILE} +2 lignes"),
    };
    text(d, line.as_str(), 0, 43, 12);

    let mut line = TextBuf::<40>::new();
    let _ = write!(line, "Touche : {}", key_name(s.last));
    text(d, line.as_str(), 0, 53, 15);

    for row in 0..GRID {
        for col in 0..GRID {
            let top_left = Point::new(104 + 6 * col as i32, 34 + 6 * row as i32);
            let cell = Rectangle::new(top_left, Size::new(6, 6));
            let _ = cell
                .into_styled(PrimitiveStyle::with_stroke(Gray4::new(4), 1))
                .draw(d);
            if (col, row) == s.cursor {
                let _ = Rectangle::new(top_left + Point::new(1, 1), Size::new(4, 4))
                    .into_styled(PrimitiveStyle::with_fill(Gray4::WHITE))
                    .draw(d);
            }
        }
    }
}

fn short_error(e: StorageError) -> &'static str {
    match e {
        StorageError::NoCard => "pas de SD",
        StorageError::NotFound => "absent",
        StorageError::NoFilesystem => "sans FAT",
        StorageError::Full => "SD pleine",
        StorageError::BufferTooSmall => "trop gros",
        _ => "erreur",
    }
}

/// Reads the deck in 512-byte pieces with `read_at`, and whole with `read_file` when it fits
/// in `whole`; both must give the same CRC.
fn check_deck(board: &mut Board, whole: &mut [u8]) -> Result<DeckInfo, StorageError> {
    let len = board.storage.file_len(DECK_FILE)?;
    let mut crc = 0;
    let mut piece = [0u8; 512];
    let mut offset = 0u32;
    while offset < len {
        let n = board.storage.read_at(DECK_FILE, offset, &mut piece)?;
        if n == 0 {
            return Err(StorageError::Io);
        }
        crc = crc32_update(crc, &piece[..n]);
        offset += n as u32;
    }
    match board.storage.read_file(DECK_FILE, whole) {
        Ok(n) if n as u32 == len && crc32_update(0, &whole[..n]) == crc => {}
        Ok(_) => return Err(StorageError::Io),
        Err(StorageError::BufferTooSmall) => {}
        Err(e) => return Err(e),
    }
    Ok(DeckInfo { len, crc })
}

/// Runs the self-test; never returns (under QEMU it exits through semihosting on *select*).
pub fn run(mut board: Board) -> ! {
    let mut state = State {
        first_frame_us: 0,
        sd_checked: false,
        card_bytes: Err(StorageError::Io),
        deck: Err(StorageError::Io),
        boot_log: Err(StorageError::Io),
        final_log: None,
        last: None,
        cursor: (0, 0),
        keys: TextBuf::new(),
    };
    draw(&mut board.display, &state);
    board.display.flush();
    state.first_frame_us = board.clock.uptime_us();
    #[cfg(feature = "qemu")]
    let first_frame_host_us = carnet_lm3s6965::qemu::elapsed_ns() / 1000;

    let whole = take_deck_buf().expect("run is called once");
    carnet_lm3s6965::log_info!("first frame after {=u64} us", state.first_frame_us);
    state.card_bytes = board.storage.mount();
    state.sd_checked = true;
    carnet_lm3s6965::log_info!("SD card: {}", state.card_bytes);
    if state.card_bytes.is_ok() {
        state.deck = check_deck(&mut board, whole);
        let mut line = TextBuf::<96>::new();
        let _ = match state.deck {
            Ok(deck) => writeln!(
                line,
                "carnet auto-test : démarrage, {DECK_FILE} {} o, crc32 {:08x}",
                deck.len, deck.crc
            ),
            Err(e) => writeln!(line, "carnet auto-test : démarrage, {DECK_FILE} {e}"),
        };
        state.boot_log = board.storage.append(LOG_FILE, line.as_str().as_bytes());
        carnet_lm3s6965::log_info!("deck check done, log append: {}", state.boot_log);
    } else if let Err(e) = state.card_bytes {
        state.deck = Err(e);
        state.boot_log = Err(e);
    }
    draw(&mut board.display, &state);
    board.display.flush();

    loop {
        if let Some(input) = board.buttons.poll(board.clock.uptime_ms()) {
            carnet_lm3s6965::log_info!("input {}", input);
            state.last = Some(input);
            let _ = state.keys.write_char(key_letter(input));
            let (col, row) = state.cursor;
            state.cursor = match input {
                Input::Up => (col, (row + GRID - 1) % GRID),
                Input::Down => (col, (row + 1) % GRID),
                Input::Left => ((col + GRID - 1) % GRID, row),
                Input::Right => ((col + 1) % GRID, row),
                Input::Select => (col, row),
            };
            if input == Input::Select {
                let mut line = TextBuf::<96>::new();
                let _ = writeln!(
                    line,
                    "carnet auto-test : touches {}, curseur {},{}",
                    state.keys.as_str(),
                    state.cursor.0,
                    state.cursor.1
                );
                state.final_log = Some(board.storage.append(LOG_FILE, line.as_str().as_bytes()));
            }
            draw(&mut board.display, &state);
            board.display.flush();
            #[cfg(feature = "qemu")]
            if input == Input::Select {
                finish(&board, &state, first_frame_host_us);
            }
        }
        board.clock.sleep();
    }
}

#[cfg(feature = "qemu")]
fn finish(board: &Board, state: &State, first_frame_host_us: u64) -> ! {
    use carnet_lm3s6965::{qemu, report, stack};
    let ok =
        state.deck.is_ok() && state.boot_log.is_ok() && matches!(state.final_log, Some(Ok(())));
    let (deck_len, deck_crc) = match state.deck {
        Ok(d) => (d.len, d.crc),
        Err(_) => (0, 0),
    };
    report!(
        "carnet-selftest ok={} first_frame_us={} first_frame_since_qemu_start_us={} deck_len={} deck_crc={:08x} card_bytes={} static_ram={} stack_peak={} stack_capacity={} frames={} ticks={} keys={}",
        ok as u8,
        state.first_frame_us,
        first_frame_host_us,
        deck_len,
        deck_crc,
        state.card_bytes.unwrap_or(0),
        stack::static_ram_bytes(),
        stack::stack_peak_bytes(),
        stack::stack_capacity_bytes(),
        board.display.flushes(),
        board.clock.ticks(),
        state.keys.as_str()
    );
    qemu::exit(ok)
}
