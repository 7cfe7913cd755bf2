//! Reading a document from disk and refusing what is not a text document.

use crate::error::Error;
use std::path::{Path, PathBuf};

/// Largest document accepted, in bytes.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;
/// Longest line accepted, in bytes: a long wiki paragraph is a few kilobytes.
pub const MAX_LINE_BYTES: usize = 64 * 1024;

/// A document's raw text and where it came from.
#[derive(Clone, Debug)]
pub struct SourceText {
    /// The path it was read from (or a name given by the caller).
    pub path: PathBuf,
    /// Its text, checked: UTF-8, not empty, not binary, no absurd line; BOM removed.
    pub text: String,
}

/// Reads and checks one document.
pub fn read(path: &Path) -> Result<SourceText, Error> {
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(Error::NotFound {
                path: path.to_path_buf(),
            })
        }
        Err(source) => {
            return Err(Error::Read {
                path: path.to_path_buf(),
                source,
            })
        }
    };
    if meta.is_dir() {
        return Err(Error::IsDirectory {
            path: path.to_path_buf(),
        });
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(Error::TooLarge {
            path: path.to_path_buf(),
            bytes: meta.len(),
            limit: MAX_FILE_BYTES,
        });
    }
    let bytes = std::fs::read(path).map_err(|source| Error::Read {
        path: path.to_path_buf(),
        source,
    })?;
    check(path, bytes)
}

/// Checks raw bytes as a document called `path` (which is only used in messages).
pub fn check(path: &Path, bytes: Vec<u8>) -> Result<SourceText, Error> {
    let path = path.to_path_buf();
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(Error::TooLarge {
            path,
            bytes: bytes.len() as u64,
            limit: MAX_FILE_BYTES,
        });
    }
    // One pass for both checks; a binary byte anywhere is reported before a long line.
    let mut line_no: u32 = 1;
    let mut line_start = 0usize;
    let mut long_line: Option<(u32, usize)> = None;
    for (i, &b) in bytes.iter().enumerate() {
        if b >= 0x20 && b != 0x7F {
            continue;
        }
        if is_binary_byte(b) {
            return Err(Error::Binary { path, offset: i });
        }
        if b == b'\n' {
            if i - line_start > MAX_LINE_BYTES && long_line.is_none() {
                long_line = Some((line_no, i - line_start));
            }
            line_no = line_no.saturating_add(1);
            line_start = i + 1;
        }
    }
    if bytes.len() - line_start > MAX_LINE_BYTES && long_line.is_none() {
        long_line = Some((line_no, bytes.len() - line_start));
    }
    if let Some((line, len)) = long_line {
        return Err(Error::LineTooLong {
            path,
            line,
            bytes: len,
            limit: MAX_LINE_BYTES,
        });
    }
    let mut text = match String::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let offset = e.utf8_error().valid_up_to();
            let bytes = e.as_bytes();
            let line = 1 + bytes[..offset].iter().filter(|&&b| b == b'\n').count() as u32;
            return Err(Error::InvalidUtf8 { path, line, offset });
        }
    };
    if text.starts_with('\u{FEFF}') {
        text.drain(..3);
    }
    if crate::typography::is_blank(&text) {
        return Err(Error::Empty { path });
    }
    Ok(SourceText { path, text })
}

/// NUL and the C0 controls that never occur in a text file (tab, line feed, form feed,
/// carriage return and escape-free text are fine).
fn is_binary_byte(b: u8) -> bool {
    matches!(b, 0x00..=0x08 | 0x0E..=0x1A | 0x1C..=0x1F | 0x7F)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check_str(bytes: &[u8]) -> Result<SourceText, Error> {
        check(Path::new("doc.txt"), bytes.to_vec())
    }

    #[test]
    fn refuses_bad_input() {
        assert!(matches!(check_str(b""), Err(Error::Empty { .. })));
        assert!(matches!(check_str(b" \n\t\n"), Err(Error::Empty { .. })));
        assert!(matches!(
            check_str(b"PK\x03\x04\x00\x00"),
            Err(Error::Binary { offset: 2, .. })
        ));
        assert!(matches!(
            check_str(b"ligne\ncaf\xe9\n"),
            Err(Error::InvalidUtf8 {
                line: 2,
                offset: 9,
                ..
            })
        ));
        let long = vec![b'a'; MAX_LINE_BYTES + 1];
        assert!(matches!(
            check_str(&long),
            Err(Error::LineTooLong { line: 1, .. })
        ));
        // A binary byte after a long line: binary first, as before.
        let mut both = b"court\n".to_vec();
        both.extend(vec![b'a'; MAX_LINE_BYTES + 1]);
        both.extend(b"\n\x00");
        assert!(matches!(check_str(&both), Err(Error::Binary { .. })));
        let mut two = b"court\n".to_vec();
        two.extend(vec![b'a'; MAX_LINE_BYTES + 1]);
        two.extend(b"\n");
        two.extend(vec![b'b'; MAX_LINE_BYTES + 2]);
        assert!(matches!(
            check_str(&two),
            Err(Error::LineTooLong { line: 2, bytes, .. }) if bytes == MAX_LINE_BYTES + 1
        ));
    }

    #[test]
    fn accepts_text_and_strips_bom() {
        let t = check_str("\u{FEFF}Bonjour.\r\n".as_bytes()).unwrap();
        assert_eq!(t.text, "Bonjour.\r\n");
    }
}
