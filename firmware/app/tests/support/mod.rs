//! Test support: an in-memory [`Storage`], a canvas that renders like the OLED, golden PNGs,
//! and a small French deck exercising every screen.

#![allow(dead_code)]

use std::path::PathBuf;

use carnet_engine::deck::{encode, DeckId};
use carnet_engine::{AnswerKind, Card, CardId, CardKind, CardState, Source};
use carnet_handheld::{
    deck, Action, App, DeckSource, Input, Memory, Settings, Storage, StorageError,
};
use embedded_graphics::pixelcolor::{Gray4, GrayColor};
use embedded_graphics::prelude::*;

/// 2024-03-29 10:00:00 UTC: a fixed "now" for reproducible screens.
pub const T0_MS: i64 = 1_711_706_400_000;

/// Deck, log and settings file in memory; appends can be made to fail.
#[derive(Clone, Debug, Default)]
pub struct MemStorage {
    pub deck: Vec<u8>,
    pub log: Vec<u8>,
    /// `SETTINGS.TXT` (empty: no file).
    pub settings: Vec<u8>,
    /// `CARD.TXT` (empty: no file).
    pub manifest: Vec<u8>,
    /// Settings reads fail with this.
    pub fail_settings: Option<StorageError>,
    pub fail_appends: Option<StorageError>,
    pub no_card: bool,
    pub deck_reads: usize,
}

impl Storage for MemStorage {
    fn deck_len(&mut self) -> Result<u32, StorageError> {
        Ok(self.deck.len() as u32)
    }

    fn read_deck(&mut self, offset: u32, buf: &mut [u8]) -> Result<usize, StorageError> {
        self.deck_reads += 1;
        let start = (offset as usize).min(self.deck.len());
        let n = buf.len().min(self.deck.len() - start);
        buf[..n].copy_from_slice(&self.deck[start..start + n]);
        Ok(n)
    }

    fn read_log(&mut self, offset: u32, buf: &mut [u8]) -> Result<usize, StorageError> {
        let start = (offset as usize).min(self.log.len());
        let n = buf.len().min(self.log.len() - start);
        buf[..n].copy_from_slice(&self.log[start..start + n]);
        Ok(n)
    }

    fn append_log(&mut self, frame: &[u8]) -> Result<(), StorageError> {
        if let Some(e) = self.fail_appends {
            return Err(e);
        }
        self.log.extend_from_slice(frame);
        Ok(())
    }

    fn read_settings(&mut self, offset: u32, buf: &mut [u8]) -> Result<usize, StorageError> {
        if let Some(e) = self.fail_settings {
            return Err(e);
        }
        let start = (offset as usize).min(self.settings.len());
        let n = buf.len().min(self.settings.len() - start);
        buf[..n].copy_from_slice(&self.settings[start..start + n]);
        Ok(n)
    }

    fn read_manifest(&mut self, offset: u32, buf: &mut [u8]) -> Result<usize, StorageError> {
        let start = (offset as usize).min(self.manifest.len());
        let n = buf.len().min(self.manifest.len() - start);
        buf[..n].copy_from_slice(&self.manifest[start..start + n]);
        Ok(n)
    }

    fn log_writable(&self) -> bool {
        !self.no_card
    }
}

fn card<'a>(
    key: &str,
    kind: CardKind,
    answer_kind: AnswerKind,
    prompt: &'a str,
    answer: &'a str,
    distractors: [&'a str; 3],
    context: &'a str,
) -> Card<'a> {
    Card {
        id: CardId::from_key(key),
        kind,
        answer_kind,
        prompt,
        answer,
        distractors,
        context,
        source: Source {
            document: 0,
            line: 1,
        },
        situation: "",
    }
}

/// The test deck: eight cards in French, with accents, typographic characters beyond
/// Latin-1, a long prompt (scrolls), a long back (pages), cards without distractors, and a
/// multiple-choice card (the last).
pub fn test_deck() -> Vec<u8> {
    let mut cards = [
        card(
            "q:sovnarkom",
            CardKind::QuestionAnswer,
            AnswerKind::Person,
            "Qui présidait le Sovnarkom de Bakou ?",
            "Chahoumian",
            ["Djaparidzé", "Korganov", "Narimanov"],
            "En avril 1918, le Sovnarkom de Bakou était présidé par Stepan Chahoumian.",
        ),
        card(
            "c:krasnovodsk",
            CardKind::Cloze,
            AnswerKind::Place,
            "Les vingt-six commissaires furent fusillés près de [...] en septembre 1918.",
            "Krasnovodsk",
            ["Bakou", "Tiflis", "Petrovsk"],
            "Les vingt-six commissaires de Bakou furent fusillés près de Krasnovodsk, dans le désert transcaspien, dans la nuit du 19 au 20 septembre 1918, par des socialistes-révolutionnaires aidés d’officiers britanniques ; l’affaire devint l’un des grands récits héroïques de l’Union soviétique.",
        ),
        card(
            "q:long",
            CardKind::QuestionAnswer,
            AnswerKind::Organisation,
            "Quel parti, allié aux dachnaks arméniens puis rival des bolcheviks au printemps 1918, contrôlait la majorité des sièges du soviet de Bakou avant l’arrivée des troupes ottomanes — et quel fut son rôle dans la « dictature du Centrocaspien » ?",
            "Les socialistes-révolutionnaires",
            ["Le Moussavat", "Les mencheviks", "Les cadets"],
            "",
        ),
        card(
            "q:date",
            CardKind::QuestionAnswer,
            AnswerKind::Date,
            "Quand l’Armée islamique du Caucase entra-t-elle dans Bakou ?",
            "15 septembre 1918",
            ["", "", ""],
            "L’Armée islamique du Caucase entra dans Bakou le 15 septembre 1918.",
        ),
        card(
            "q:date2",
            CardKind::QuestionAnswer,
            AnswerKind::Date,
            "Quand la Commune de Bakou fut-elle proclamée ?",
            "25 avril 1918",
            ["", "", ""],
            "",
        ),
        card(
            "q:date3",
            CardKind::QuestionAnswer,
            AnswerKind::Date,
            "Quand la Commune de Bakou tomba-t-elle ?",
            "31 juillet 1918",
            ["", "", ""],
            "",
        ),
        card(
            "q:oe",
            CardKind::QuestionAnswer,
            AnswerKind::Other,
            "Quelle œuvre de Jules Verne… se passe en partie à Bakou ?",
            "Claudius Bombarnac",
            ["Michel Strogoff", "Kéraban-le-Têtu", "Mathias Sandorf"],
            "Claudius Bombarnac (1892) traverse la Caspienne depuis Bakou.",
        ),
        card(
            "q:dzhaparidze",
            CardKind::MultipleChoice,
            AnswerKind::Person,
            "Qui était commissaire à l’Intérieur ?",
            "P. Djaparidzé",
            ["G. Korganov", "A. Karinian", "Chahoumian"],
            "",
        ),
    ];
    // Each from a sentence of its own: no card is another's sibling.
    for (k, card) in cards.iter_mut().enumerate() {
        card.source.line = k as u32 + 1;
    }
    encode(
        DeckId(0xba_c0),
        "Révolution à Bakou",
        &["bakou.txt"],
        &cards,
    )
    .expect("test deck encodes")
}

/// RAM lent to the application, as a board would.
pub struct Ram {
    pub states: Vec<CardState>,
    pub fingerprints: Vec<u16>,
    pub queue: Vec<u32>,
}

impl Ram {
    pub fn new(cards: usize) -> Ram {
        Ram {
            states: vec![CardState::NEW; cards],
            fingerprints: vec![0; cards],
            queue: vec![0; 256],
        }
    }

    pub fn memory(&mut self) -> Memory<'_> {
        Memory {
            states: &mut self.states,
            fingerprints: &mut self.fingerprints,
            queue: &mut self.queue,
        }
    }
}

/// Boots an app on `storage` at `now_ms`, checking the deck as a board does.
pub fn boot(mut storage: MemStorage, ram: &mut Ram, now_ms: i64) -> App<'_, MemStorage> {
    let info = deck::verify(&mut storage);
    App::boot(
        storage,
        info,
        DeckSource::Card,
        ram.memory(),
        Settings::default(),
        now_ms,
    )
}

/// Presses `inputs` one second apart starting at `*now`; returns the last action.
pub fn press(app: &mut App<'_, MemStorage>, now: &mut i64, inputs: &[Input]) -> Option<Action> {
    let mut last = None;
    for &i in inputs {
        *now += 1000;
        last = app.on_event(i, *now);
    }
    last
}

/// A 128×64 Gray4 canvas, as the OLED's frame buffer.
pub struct Canvas {
    pub levels: Vec<u8>,
}

impl Default for Canvas {
    fn default() -> Self {
        Canvas {
            levels: vec![0; 128 * 64],
        }
    }
}

impl OriginDimensions for Canvas {
    fn size(&self) -> Size {
        Size::new(128, 64)
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
            if (0..128).contains(&p.x) && (0..64).contains(&p.y) {
                self.levels[p.y as usize * 128 + p.x as usize] = c.luma();
            }
        }
        Ok(())
    }
}

impl Canvas {
    /// The app's current screen.
    pub fn of(app: &App<'_, MemStorage>) -> Canvas {
        let mut c = Canvas::default();
        app.draw(&mut c).expect("drawing on a canvas cannot fail");
        c
    }

    /// PNG as QEMU's screendump shows the panel: ×4, grey level g as 17·g.
    pub fn png(&self) -> Vec<u8> {
        const SCALE: usize = 4;
        let (w, h) = (128 * SCALE, 64 * SCALE);
        let mut data = vec![0u8; w * h];
        for y in 0..h {
            for x in 0..w {
                data[y * w + x] = self.levels[(y / SCALE) * 128 + x / SCALE] * 17;
            }
        }
        let mut out = Vec::new();
        {
            let mut enc = png::Encoder::new(&mut out, w as u32, h as u32);
            enc.set_color(png::ColorType::Grayscale);
            enc.set_depth(png::BitDepth::Eight);
            let mut writer = enc.write_header().expect("PNG header");
            writer.write_image_data(&data).expect("PNG data");
        }
        out
    }

    /// Decodes a PNG written by [`Canvas::png`] (or a QEMU screendump) back to levels.
    pub fn from_png(bytes: &[u8]) -> Canvas {
        let mut decoder = png::Decoder::new(std::io::Cursor::new(bytes));
        decoder.set_transformations(png::Transformations::EXPAND | png::Transformations::STRIP_16);
        let mut reader = decoder.read_info().expect("PNG header");
        let mut buf = vec![0; reader.output_buffer_size().expect("size")];
        let info = reader.next_frame(&mut buf).expect("PNG data");
        let channels = info.color_type.samples();
        let scale = info.width as usize / 128;
        let mut c = Canvas::default();
        for y in 0..64 {
            for x in 0..128 {
                let i = ((y * scale) * info.width as usize + x * scale) * channels;
                c.levels[y * 128 + x] = buf[i] / 17;
            }
        }
        c
    }

    /// The screen as text, one character a pixel, for failure messages.
    pub fn ascii(&self) -> String {
        const RAMP: &[u8] = b" ..::--==++**##%@";
        let mut s = String::new();
        for y in 0..64 {
            for x in 0..128 {
                s.push(RAMP[self.levels[y * 128 + x] as usize] as char);
            }
            s.push('\n');
        }
        s
    }
}

fn golden_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/golden")
}

/// Compares the app's screen with `tests/golden/NAME.png`, pixel for pixel. With
/// `CARNET_OVERWRITE_GOLDEN=1` the golden file is written instead (look at it first).
pub fn assert_golden(app: &App<'_, MemStorage>, name: &str) {
    let canvas = Canvas::of(app);
    let path = golden_dir().join(format!("{name}.png"));
    let actual_dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("golden-actual");
    std::fs::create_dir_all(&actual_dir).expect("tmp dir");
    let actual = actual_dir.join(format!("{name}.png"));
    std::fs::write(&actual, canvas.png()).expect("write actual PNG");
    if std::env::var_os("CARNET_OVERWRITE_GOLDEN").is_some_and(|v| v == "1") {
        std::fs::create_dir_all(golden_dir()).expect("golden dir");
        std::fs::write(&path, canvas.png()).expect("write golden");
        return;
    }
    let bytes = std::fs::read(&path).unwrap_or_else(|_| {
        panic!(
            "no golden {} (actual: {}); look at it, then rerun with CARNET_OVERWRITE_GOLDEN=1",
            path.display(),
            actual.display()
        )
    });
    let want = Canvas::from_png(&bytes);
    let differ = canvas
        .levels
        .iter()
        .zip(&want.levels)
        .filter(|(a, b)| a != b)
        .count();
    assert!(
        differ == 0,
        "{name}: {differ} pixels differ from {} (actual: {})\n{}",
        path.display(),
        actual.display(),
        canvas.ascii()
    );
}
