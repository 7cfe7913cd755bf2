//! `CARD.TXT`: what `carnet sync` last wrote to the card, read at boot so that the handheld
//! never studies from a half-written set of files (a new `REVIEWS.LOG` under the old
//! `SETTINGS.TXT`, say).
//!
//! The terminal writes `state=writing` before it changes any file and `state=complete` with
//! each file's length and CRC-32 after the last one (see `host-cli/src/card_manifest.rs` for
//! the format). At boot:
//!
//! - no `CARD.TXT`: a card from before manifests (or prepared by hand): used as it is;
//! - `state=writing`, or a manifest that does not parse (cut by a power loss while it was
//!   written): the set is half-written. The handheld shows « Synchro interrompue » and
//!   neither studies nor writes: the terminal already holds every review that was on the
//!   card, and the next `carnet sync` finishes the set;
//! - `state=complete`: the deck's checksum, the settings file and the first `log` bytes of
//!   `REVIEWS.LOG` (the handheld only appends after them) must match; otherwise the files
//!   were changed one by one outside a sync, and the handheld says so the same way.

use carnet_engine::deck::DeckChecksum;

/// The manifest's file name on the card.
pub const MANIFEST_FILE: &str = "CARD.TXT";
/// The longest manifest read (a real one is about 150 bytes; a longer file is not one).
pub const MAX_MANIFEST_BYTES: usize = 256;

/// Length and CRC-32 of one file as the terminal wrote it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FileSum {
    /// Length in bytes.
    pub len: u32,
    /// CRC-32 (ISO-HDLC) of those bytes.
    pub crc: u32,
}

/// What `CARD.TXT` says.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Manifest {
    /// There is none.
    Absent,
    /// A sync was writing the card and did not finish, or the manifest itself is damaged.
    Incomplete,
    /// A finished set.
    Complete {
        /// `DECK.BIN` (its CRC is also the deck file's own last four bytes).
        deck: FileSum,
        /// The first bytes of `REVIEWS.LOG`.
        log: FileSum,
        /// `SETTINGS.TXT`.
        settings: FileSum,
    },
}

fn parse_sum(value: &[u8]) -> Option<FileSum> {
    let comma = value.iter().position(|&b| b == b',')?;
    let len = core::str::from_utf8(&value[..comma]).ok()?.parse().ok()?;
    let crc = u32::from_str_radix(core::str::from_utf8(&value[comma + 1..]).ok()?, 16).ok()?;
    Some(FileSum { len, crc })
}

/// Reads a manifest's bytes (empty: [`Manifest::Absent`]).
pub fn parse(bytes: &[u8]) -> Manifest {
    if bytes.is_empty() {
        return Manifest::Absent;
    }
    let mut lines = bytes.split(|&b| b == b'\n');
    if lines.next().map(trim) != Some(b"carnet-card 1".as_slice()) {
        return Manifest::Incomplete;
    }
    let (mut complete, mut deck, mut log, mut settings) = (false, None, None, None);
    for line in lines.map(trim) {
        let Some(eq) = line.iter().position(|&b| b == b'=') else {
            continue;
        };
        let (key, value) = (&line[..eq], &line[eq + 1..]);
        match key {
            b"state" => complete = value == b"complete",
            b"deck" => deck = parse_sum(value),
            b"log" => log = parse_sum(value),
            b"settings" => settings = parse_sum(value),
            _ => {}
        }
    }
    match (complete, deck, log, settings) {
        (true, Some(deck), Some(log), Some(settings)) => Manifest::Complete {
            deck,
            log,
            settings,
        },
        _ => Manifest::Incomplete,
    }
}

fn trim(line: &[u8]) -> &[u8] {
    line.strip_suffix(b"\r").unwrap_or(line)
}

/// CRC-32 of the first `len` bytes a reader gives, read in small pieces; `None` when the
/// reader fails or has fewer than `len` bytes.
pub fn crc_of_prefix<F>(len: u32, mut read: F) -> Option<u32>
where
    F: FnMut(u32, &mut [u8]) -> Option<usize>,
{
    let mut digest = DeckChecksum::default();
    let mut chunk = [0u8; 64];
    let mut at = 0u32;
    while at < len {
        let want = ((len - at) as usize).min(chunk.len());
        let n = read(at, &mut chunk[..want])?;
        if n == 0 {
            return None;
        }
        digest.update(&chunk[..n.min(want)]);
        at += n.min(want) as u32;
    }
    Some(digest.finalize())
}

#[cfg(test)]
mod tests {
    use super::*;
    use carnet_engine::crc32;

    #[test]
    fn reads_what_the_terminal_writes() {
        let text = b"carnet-card 1\nstate=complete\ndeck_id=00112233445566778899aabbccddeeff\n\
generation=2\ndeck=14938,1c0ffee1\nlog=0,00000000\nsettings=402,0badcafe\n";
        assert_eq!(
            parse(text),
            Manifest::Complete {
                deck: FileSum {
                    len: 14938,
                    crc: 0x1c0f_fee1
                },
                log: FileSum { len: 0, crc: 0 },
                settings: FileSum {
                    len: 402,
                    crc: 0x0bad_cafe
                },
            }
        );
        assert_eq!(parse(b""), Manifest::Absent);
        assert_eq!(
            parse(b"carnet-card 1\nstate=writing\ngeneration=3\n"),
            Manifest::Incomplete
        );
        assert_eq!(parse(&text[..text.len() - 20]), Manifest::Incomplete);
        assert_eq!(parse(b"\xff\xfe garbage"), Manifest::Incomplete);
    }

    #[test]
    fn crc_of_a_prefix_read_in_pieces() {
        let data: [u8; 300] = core::array::from_fn(|i| (i * 7) as u8);
        let read = |at: u32, buf: &mut [u8]| {
            let rest = &data[at as usize..];
            let n = rest.len().min(buf.len()).min(50);
            buf[..n].copy_from_slice(&rest[..n]);
            Some(n)
        };
        assert_eq!(crc_of_prefix(200, read), Some(crc32(&data[..200])));
        assert_eq!(crc_of_prefix(0, read), Some(crc32(&[])));
        assert_eq!(crc_of_prefix(301, read), None);
    }
}
