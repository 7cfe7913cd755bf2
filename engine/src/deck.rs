//! The deck file: magic, version, sections, CRC-32; cards decoded zero-copy.
//!
//! Layout (all integers little-endian):
//!
//! | offset | size | field |
//! | --- | --- | --- |
//! | 0 | 8 | magic `CARNETDK` |
//! | 8 | 2 | format version (2; version-1 files are still read) |
//! | 10 | 2 | flags (0) |
//! | 12 | 4 | card count *n* |
//! | 16 | 4 | document count |
//! | 20 | 4 | offset of the metadata: postcard `&str` deck name, then one `&str` a document |
//! | 24 | 4 | offset of the card index: *n* + 1 `u32` offsets; card *i* spans `[idx[i], idx[i+1])` |
//! | 28 | 4 | file length, checksum included |
//! | 32 | 16 | the deck's identity ([`DeckId`]; version 2 only, the version-1 header ends at 32) |
//! | … | | metadata; the index; right after it the card ids (*n* `u64`, deck order); the cards, each one postcard-encoded [`Card`] |
//! | len − 4 | 4 | CRC-32 (ISO-HDLC) of every byte before it |
//!
//! The fixed header, the index and the id table let a device read one card (or one card's id,
//! to match review-log records) at a time from an SD card into a small buffer ([`DeckHeader`],
//! [`decode_card`]); on the host, [`Deck`] checks a whole file in memory once and then hands out
//! cards borrowed from it.
//!
//! Version 2 added the deck's identity (so that the terminal's store, the SD card and the
//! Anki exchange key a deck's history by the deck itself, never by its name or path) and a
//! card's situation line ([`Card::situation`]). A version-1 file has neither: its cards read
//! with an empty situation and its identity is derived from its name and documents
//! ([`DeckId::legacy`]), so that a deck regenerated from a version-1 file keeps its history.

use crate::card::{Card, CardId, CardV1};
use crate::crc32::{checksum, Digest};
use crate::error::Error;

/// The first eight bytes of every deck file.
pub const MAGIC: [u8; 8] = *b"CARNETDK";
/// The format version this build writes (it reads every version up to it).
pub const VERSION: u16 = 2;
/// Length of the fixed header (version 2). A reader may give [`DeckHeader::parse`] fewer
/// bytes when the file is shorter: a version-1 header is [`V1_HEADER_LEN`] bytes.
pub const HEADER_LEN: usize = 48;
/// Length of a version-1 header.
pub const V1_HEADER_LEN: usize = 32;

/// A deck's identity: 128 bits written in the deck file when it is generated or imported,
/// and kept when it is regenerated. Histories are keyed by it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct DeckId(pub u128);

impl DeckId {
    /// The identity of a version-1 deck, which has none written: FNV-1a (128 bits) of its
    /// name and document names. Two version-1 decks share it only if both match.
    pub fn legacy<'a>(name: &str, documents: impl Iterator<Item = &'a str>) -> DeckId {
        const OFFSET: u128 = 0x6c62_272e_07bb_0142_62b8_2175_6295_c58d;
        const PRIME: u128 = 0x0000_0000_0100_0000_0000_0000_0000_013B;
        let mut hash = OFFSET;
        let mut feed = |bytes: &[u8]| {
            for &b in bytes {
                hash ^= b as u128;
                hash = hash.wrapping_mul(PRIME);
            }
        };
        feed(b"carnet-deck-v1\0");
        feed(name.as_bytes());
        for doc in documents {
            feed(b"\0");
            feed(doc.as_bytes());
        }
        DeckId(hash)
    }

    /// Reads the 32 lower-case hex digits of [`DeckId::hex`].
    pub fn from_hex(text: &str) -> Option<DeckId> {
        if text.len() != 32 || !text.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        u128::from_str_radix(text, 16).ok().map(DeckId)
    }

    /// The identity as 32 lower-case hex digits (file names, `SETTINGS.TXT`, messages).
    pub fn hex(&self) -> [u8; 32] {
        let mut out = [0u8; 32];
        for (i, o) in out.iter_mut().enumerate() {
            let nibble = (self.0 >> (124 - 4 * i)) as u8 & 0xf;
            *o = b"0123456789abcdef"[nibble as usize];
        }
        out
    }
}

impl core::fmt::Display for DeckId {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        let hex = self.hex();
        f.write_str(core::str::from_utf8(&hex).unwrap_or("?"))
    }
}

fn u32_at(bytes: &[u8], at: usize) -> Result<u32, Error> {
    let b = bytes.get(at..at + 4).ok_or(Error::Truncated)?;
    Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
}

/// The fixed header of a deck file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct DeckHeader {
    /// Format version of the file (1 or 2).
    pub version: u16,
    /// The identity written in a version-2 file; `None` for version 1 (see
    /// [`DeckId::legacy`] and [`Deck::id`]).
    pub deck_id: Option<DeckId>,
    /// Number of cards.
    pub card_count: u32,
    /// Number of source documents.
    pub document_count: u32,
    /// Where the name and documents start.
    pub meta_offset: u32,
    /// Where the card index starts.
    pub index_offset: u32,
    /// Length of the whole file, checksum included.
    pub file_len: u32,
}

impl DeckHeader {
    /// Parses and checks the first [`HEADER_LEN`] bytes of a deck file (or the whole file
    /// when it is shorter; a version-1 header needs only [`V1_HEADER_LEN`]).
    pub fn parse(bytes: &[u8]) -> Result<DeckHeader, Error> {
        if bytes.len() < MAGIC.len() {
            return Err(if MAGIC.starts_with(bytes) {
                Error::Truncated
            } else {
                Error::BadMagic
            });
        }
        if bytes[..8] != MAGIC {
            return Err(Error::BadMagic);
        }
        let head = bytes.get(..V1_HEADER_LEN).ok_or(Error::Truncated)?;
        let version = u16::from_le_bytes([head[8], head[9]]);
        if version > VERSION {
            return Err(Error::UnsupportedVersion { found: version });
        }
        if version == 0 || head[10] != 0 || head[11] != 0 {
            return Err(Error::Malformed);
        }
        let deck_id = if version >= 2 {
            let id = bytes
                .get(V1_HEADER_LEN..HEADER_LEN)
                .ok_or(Error::Truncated)?;
            let mut raw = [0u8; 16];
            raw.copy_from_slice(id);
            Some(DeckId(u128::from_le_bytes(raw)))
        } else {
            None
        };
        let header_len = header_len(version);
        let header = DeckHeader {
            version,
            deck_id,
            card_count: u32_at(head, 12)?,
            document_count: u32_at(head, 16)?,
            meta_offset: u32_at(head, 20)?,
            index_offset: u32_at(head, 24)?,
            file_len: u32_at(head, 28)?,
        };
        if (header.file_len as usize) < header_len + 4 {
            return Err(Error::Malformed);
        }
        // The index (n + 1 offsets) and then the ids (n u64).
        let index_len = (header.card_count as u64 + 1) * 4 + header.card_count as u64 * 8;
        let body_end = header.file_len as u64 - 4;
        if (header.meta_offset as usize) < header_len
            || header.meta_offset > header.index_offset
            || header.index_offset as u64 + index_len > body_end
        {
            return Err(Error::Malformed);
        }
        Ok(header)
    }

    /// File position of index entry `i` (card `i` starts at the `u32` stored there).
    pub fn index_entry_position(&self, i: u32) -> u32 {
        self.index_offset + 4 * i
    }

    /// File position of card `i`'s id (a little-endian `u64`).
    pub fn id_position(&self, i: u32) -> u32 {
        self.index_offset + 4 * (self.card_count + 1) + 8 * i
    }

    /// Where the card bytes end (the checksum follows).
    pub fn body_end(&self) -> u32 {
        self.file_len - 4
    }

    /// Decodes one card of this file from exactly its bytes (one index span).
    pub fn decode_card<'a>(&self, bytes: &'a [u8]) -> Result<Card<'a>, Error> {
        decode_card_version(self.version, bytes)
    }
}

/// Length of the fixed header of a file of `version`.
fn header_len(version: u16) -> usize {
    if version >= 2 {
        HEADER_LEN
    } else {
        V1_HEADER_LEN
    }
}

/// Streaming CRC-32 for checking a deck read in chunks (e.g. from an SD card).
pub struct DeckChecksum(Digest);

impl Default for DeckChecksum {
    fn default() -> Self {
        DeckChecksum(Digest::new())
    }
}

impl DeckChecksum {
    /// Feeds the next bytes of the file, checksum excluded.
    pub fn update(&mut self, bytes: &[u8]) {
        self.0.update(bytes);
    }

    /// The CRC-32 of the bytes fed (the same as [`crate::crc32`] of them all at once).
    pub fn finalize(self) -> u32 {
        self.0.finalize()
    }

    /// Whether the bytes fed match the stored checksum (the file's last four bytes).
    pub fn matches(self, stored: [u8; 4]) -> bool {
        self.0.finalize() == u32::from_le_bytes(stored)
    }
}

/// Decodes one card of a current-version file from exactly its bytes (one index span).
pub fn decode_card(bytes: &[u8]) -> Result<Card<'_>, Error> {
    decode_card_version(VERSION, bytes)
}

/// Decodes one card of a file of `version` from exactly its bytes.
pub fn decode_card_version(version: u16, bytes: &[u8]) -> Result<Card<'_>, Error> {
    let (card, rest) = if version >= 2 {
        postcard::take_from_bytes::<Card<'_>>(bytes)
    } else {
        postcard::take_from_bytes::<CardV1<'_>>(bytes).map(|(c, rest)| (c.into(), rest))
    }
    .map_err(|_| Error::Malformed)?;
    if !rest.is_empty() {
        return Err(Error::Malformed);
    }
    Ok(card)
}

/// A checked deck held in memory; cards borrow from its bytes.
#[derive(Debug, Clone, Copy)]
pub struct Deck<'a> {
    bytes: &'a [u8],
    header: DeckHeader,
    name: &'a str,
    documents: &'a [u8],
}

impl<'a> Deck<'a> {
    /// Checks a whole deck file: header, checksum, metadata, index and every card.
    ///
    /// Never panics on any input; after it succeeds, [`Deck::card`] cannot fail.
    pub fn from_bytes(bytes: &'a [u8]) -> Result<Deck<'a>, Error> {
        Deck::from_bytes_with(bytes, |_| {})
    }

    /// [`Deck::from_bytes`], calling `visit` on each card as it is checked: a caller that
    /// must look at every card once (e.g. for characters unsafe on a terminal) does it in
    /// the same pass instead of decoding the deck a second time.
    pub fn from_bytes_with<F>(bytes: &'a [u8], mut visit: F) -> Result<Deck<'a>, Error>
    where
        F: FnMut(&Card<'a>),
    {
        let header = DeckHeader::parse(bytes)?;
        let file_len = header.file_len as usize;
        if bytes.len() < file_len {
            return Err(Error::Truncated);
        }
        if bytes.len() > file_len {
            return Err(Error::Malformed);
        }
        let body = &bytes[..file_len - 4];
        let stored = u32_at(bytes, file_len - 4)?;
        if checksum(body) != stored {
            return Err(Error::Checksum);
        }
        let meta = &body[header.meta_offset as usize..header.index_offset as usize];
        let (name, mut rest) =
            postcard::take_from_bytes::<&str>(meta).map_err(|_| Error::Malformed)?;
        let documents = rest;
        for _ in 0..header.document_count {
            let (_, r) = postcard::take_from_bytes::<&str>(rest).map_err(|_| Error::Malformed)?;
            rest = r;
        }
        if !rest.is_empty() {
            return Err(Error::Malformed);
        }
        let deck = Deck {
            bytes: body,
            header,
            name,
            documents,
        };
        let cards_start = header.id_position(header.card_count) as usize;
        let mut previous = cards_start;
        for i in 0..=header.card_count {
            let at = u32_at(body, header.index_entry_position(i) as usize)? as usize;
            if at < previous || at > body.len() || (i == 0 && at != cards_start) {
                return Err(Error::Malformed);
            }
            previous = at;
        }
        if previous != body.len() {
            return Err(Error::Malformed);
        }
        for i in 0..header.card_count {
            let card = deck.decode(i)?;
            if card.source.document as u32 >= header.document_count
                || deck.id(i as usize) != Some(card.id)
            {
                return Err(Error::Malformed);
            }
            visit(&card);
        }
        Ok(deck)
    }

    fn decode(&self, i: u32) -> Result<Card<'a>, Error> {
        let start = u32_at(self.bytes, self.header.index_entry_position(i) as usize)? as usize;
        let end = u32_at(self.bytes, self.header.index_entry_position(i + 1) as usize)? as usize;
        self.header
            .decode_card(self.bytes.get(start..end).ok_or(Error::Malformed)?)
    }

    /// The deck's identity: the one written in the file, or for a version-1 file the one
    /// derived from its name and documents ([`DeckId::legacy`]).
    pub fn deck_id(&self) -> DeckId {
        self.header
            .deck_id
            .unwrap_or_else(|| DeckId::legacy(self.name, self.documents()))
    }

    /// Card `i`'s id, read from the id table without decoding the card.
    pub fn id(&self, i: usize) -> Option<CardId> {
        if i >= self.len() {
            return None;
        }
        let at = self.header.id_position(i as u32) as usize;
        let b = self.bytes.get(at..at + 8)?;
        Some(CardId(u64::from_le_bytes([
            b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7],
        ])))
    }

    /// The deck's name.
    pub fn name(&self) -> &'a str {
        self.name
    }

    /// The fixed header.
    pub fn header(&self) -> &DeckHeader {
        &self.header
    }

    /// Number of cards.
    pub fn len(&self) -> usize {
        self.header.card_count as usize
    }

    /// Whether the deck has no cards.
    pub fn is_empty(&self) -> bool {
        self.header.card_count == 0
    }

    /// Card `i`, or `None` past the end.
    pub fn card(&self, i: usize) -> Option<Card<'a>> {
        if i >= self.len() {
            return None;
        }
        self.decode(i as u32).ok()
    }

    /// All cards, in deck order.
    pub fn cards(&self) -> impl Iterator<Item = Card<'a>> + '_ {
        (0..self.len()).filter_map(|i| self.card(i))
    }

    /// The source documents' names, in index order.
    pub fn documents(&self) -> impl Iterator<Item = &'a str> {
        let mut rest = self.documents;
        (0..self.header.document_count).map_while(move |_| {
            let (doc, r) = postcard::take_from_bytes::<&str>(rest).ok()?;
            rest = r;
            Some(doc)
        })
    }

    /// The name of document `i`.
    pub fn document(&self, i: u16) -> Option<&'a str> {
        self.documents().nth(i as usize)
    }
}

/// Writes a (version-2) deck file: its identity, `name`, the source `documents`, and the
/// cards in order.
#[cfg(feature = "std")]
pub fn encode(
    id: DeckId,
    name: &str,
    documents: &[&str],
    cards: &[Card<'_>],
) -> Result<std::vec::Vec<u8>, Error> {
    use std::vec::Vec;
    let too_large = |_| Error::TooLarge;
    if documents.len() > u16::MAX as usize + 1
        || cards
            .iter()
            .any(|c| c.source.document as usize >= documents.len())
    {
        return Err(Error::Malformed);
    }
    let mut out = Vec::with_capacity(HEADER_LEN + cards.len() * 200);
    out.resize(HEADER_LEN, 0);
    let meta_offset = out.len();
    out = postcard::to_extend(&name, out).map_err(|_| Error::TooLarge)?;
    for doc in documents {
        out = postcard::to_extend(doc, out).map_err(|_| Error::TooLarge)?;
    }
    let index_offset = out.len();
    out.resize(index_offset + (cards.len() + 1) * 4, 0);
    for card in cards {
        out.extend_from_slice(&card.id.0.to_le_bytes());
    }
    let mut offsets = Vec::with_capacity(cards.len() + 1);
    for card in cards {
        offsets.push(u32::try_from(out.len()).map_err(too_large)?);
        out = postcard::to_extend(card, out).map_err(|_| Error::TooLarge)?;
    }
    offsets.push(u32::try_from(out.len()).map_err(too_large)?);
    for (i, off) in offsets.iter().enumerate() {
        out[index_offset + 4 * i..index_offset + 4 * i + 4].copy_from_slice(&off.to_le_bytes());
    }
    let file_len = u32::try_from(out.len() + 4).map_err(too_large)?;
    out[..8].copy_from_slice(&MAGIC);
    out[8..10].copy_from_slice(&VERSION.to_le_bytes());
    out[12..16].copy_from_slice(&u32::try_from(cards.len()).map_err(too_large)?.to_le_bytes());
    out[16..20].copy_from_slice(&(documents.len() as u32).to_le_bytes());
    out[20..24].copy_from_slice(&(meta_offset as u32).to_le_bytes());
    out[24..28].copy_from_slice(&(index_offset as u32).to_le_bytes());
    out[28..32].copy_from_slice(&file_len.to_le_bytes());
    out[32..48].copy_from_slice(&id.0.to_le_bytes());
    let crc = checksum(&out);
    out.extend_from_slice(&crc.to_le_bytes());
    Ok(out)
}
