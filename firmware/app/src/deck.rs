//! The deck file read through [`Storage`] a piece at a time: checked once in a streaming pass
//! ([`verify`]), then read one card ([`read_card`]) or one id ([`read_id`]) at a time.

use core::fmt;

use carnet_engine::deck::{decode_card_version, DeckChecksum, DeckHeader, HEADER_LEN};
use carnet_engine::{Card, CardId, Error as EngineError};

use crate::storage::{Storage, StorageError};
use crate::text::TextBuf;

/// The largest card (its postcard bytes) the application can show.
pub const CARD_BYTES: usize = 768;
/// Bytes read at a time when streaming through the deck or the log (on the stack).
pub(crate) const CHUNK: usize = 128;

/// Why a deck cannot be used.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum DeckError {
    /// Reading the file failed.
    Storage(StorageError),
    /// The header or a card does not decode (not a deck, a newer version, truncated, …).
    Format(EngineError),
    /// The file's checksum does not match its bytes: it is corrupt.
    Checksum,
    /// A card is larger than [`CARD_BYTES`].
    CardTooLarge,
}

impl From<StorageError> for DeckError {
    fn from(e: StorageError) -> DeckError {
        DeckError::Storage(e)
    }
}

impl From<EngineError> for DeckError {
    fn from(e: EngineError) -> DeckError {
        DeckError::Format(e)
    }
}

impl fmt::Display for DeckError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DeckError::Storage(e) => write!(f, "deck: {e}"),
            DeckError::Format(e) => write!(f, "deck: {e}"),
            DeckError::Checksum => f.write_str("deck: checksum mismatch (corrupt file)"),
            DeckError::CardTooLarge => f.write_str("deck: a card is too large for this device"),
        }
    }
}

/// A checked deck: its header and name.
#[derive(Clone, Copy, Debug)]
pub struct DeckInfo {
    /// The fixed header (card count, where the index and the ids are).
    pub header: DeckHeader,
    name: TextBuf<64>,
}

impl DeckInfo {
    /// The deck's name (cut to 64 bytes).
    pub fn name(&self) -> &str {
        self.name.as_str()
    }

    /// Number of cards.
    pub fn card_count(&self) -> u32 {
        self.header.card_count
    }
}

fn read_exact<S: Storage>(s: &mut S, offset: u32, buf: &mut [u8]) -> Result<(), DeckError> {
    let mut done = 0usize;
    while done < buf.len() {
        let n = s.read_deck(offset + done as u32, &mut buf[done..])?;
        if n == 0 {
            return Err(DeckError::Format(EngineError::Truncated));
        }
        done += n;
    }
    Ok(())
}

fn u32_le(b: &[u8]) -> u32 {
    u32::from_le_bytes([b[0], b[1], b[2], b[3]])
}

/// Checks the deck in `storage`: header, length and CRC-32 in one streaming pass (the file is
/// never held whole), then reads its name.
pub fn verify<S: Storage>(storage: &mut S) -> Result<DeckInfo, DeckError> {
    let len = storage.deck_len()?;
    let mut buf = [0u8; CHUNK];
    // A version-1 deck may be shorter than a version-2 header.
    let head = (len as usize).min(HEADER_LEN);
    read_exact(storage, 0, &mut buf[..head])?;
    let header = DeckHeader::parse(&buf[..head])?;
    if header.file_len > len {
        return Err(DeckError::Format(EngineError::Truncated));
    }
    if header.file_len < len {
        return Err(DeckError::Format(EngineError::Malformed));
    }
    let mut sum = DeckChecksum::default();
    let body_end = header.body_end();
    let mut at = 0u32;
    while at < body_end {
        let n = (body_end - at).min(CHUNK as u32) as usize;
        read_exact(storage, at, &mut buf[..n])?;
        sum.update(&buf[..n]);
        at += n as u32;
    }
    let mut stored = [0u8; 4];
    read_exact(storage, body_end, &mut stored)?;
    if !sum.matches(stored) {
        return Err(DeckError::Checksum);
    }
    // The name: a postcard `&str` (LEB128 length, then UTF-8) at the metadata offset.
    let meta_len = (header.index_offset - header.meta_offset).min(CHUNK as u32) as usize;
    read_exact(storage, header.meta_offset, &mut buf[..meta_len])?;
    let mut name_len = 0usize;
    let mut used = 0usize;
    for (i, &b) in buf[..meta_len.min(5)].iter().enumerate() {
        name_len |= ((b & 0x7F) as usize) << (7 * i);
        used = i + 1;
        if b & 0x80 == 0 {
            break;
        }
    }
    let bytes = &buf[used..meta_len.max(used)];
    let bytes = &bytes[..name_len.min(bytes.len())];
    let text = match core::str::from_utf8(bytes) {
        Ok(t) => t,
        // Cut inside a character: keep the whole ones.
        Err(e) => core::str::from_utf8(&bytes[..e.valid_up_to()]).unwrap_or(""),
    };
    let mut name = TextBuf::new();
    for c in text.chars() {
        if !name.push(c) {
            break;
        }
    }
    Ok(DeckInfo { header, name })
}

/// Card `i`'s id, read from the deck's id table.
pub fn read_id<S: Storage>(
    storage: &mut S,
    header: &DeckHeader,
    i: u32,
) -> Result<CardId, DeckError> {
    let mut b = [0u8; 8];
    read_exact(storage, header.id_position(i), &mut b)?;
    Ok(CardId(u64::from_le_bytes(b)))
}

/// Reads card `i`'s bytes into `buf` and checks that they decode; returns their length.
pub fn read_card<S: Storage>(
    storage: &mut S,
    header: &DeckHeader,
    i: u32,
    buf: &mut [u8; CARD_BYTES],
) -> Result<usize, DeckError> {
    let mut span = [0u8; 8];
    read_exact(storage, header.index_entry_position(i), &mut span)?;
    let (start, end) = (u32_le(&span[..4]), u32_le(&span[4..]));
    if end < start || end > header.body_end() {
        return Err(DeckError::Format(EngineError::Malformed));
    }
    let len = (end - start) as usize;
    if len > CARD_BYTES {
        return Err(DeckError::CardTooLarge);
    }
    read_exact(storage, start, &mut buf[..len])?;
    header.decode_card(&buf[..len])?;
    Ok(len)
}

/// Decodes a card read by [`read_card`] from a deck file of format `version`.
pub(crate) fn card(version: u16, bytes: &[u8]) -> Option<Card<'_>> {
    decode_card_version(version, bytes).ok()
}

/// The 2-byte fingerprint of an id that the device keeps per card to find log records'
/// cards without holding 8-byte ids in RAM (a match is confirmed in the deck's id table).
pub fn fingerprint(id: CardId) -> u16 {
    let x = id.0;
    (x ^ (x >> 16) ^ (x >> 32) ^ (x >> 48)) as u16
}

/// Fills `fingerprints[..n]` from the deck's id table, read in chunks.
pub fn read_fingerprints<S: Storage>(
    storage: &mut S,
    header: &DeckHeader,
    fingerprints: &mut [u16],
) -> Result<(), DeckError> {
    let n = header.card_count as usize;
    let mut buf = [0u8; CHUNK];
    let per_chunk = CHUNK / 8;
    let mut i = 0usize;
    while i < n {
        let k = per_chunk.min(n - i);
        read_exact(storage, header.id_position(i as u32), &mut buf[..k * 8])?;
        for (j, id) in buf[..k * 8].chunks_exact(8).enumerate() {
            let mut b = [0u8; 8];
            b.copy_from_slice(id);
            fingerprints[i + j] = fingerprint(CardId(u64::from_le_bytes(b)));
        }
        i += k;
    }
    Ok(())
}
