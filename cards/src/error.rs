//! The crate's one error type.

use std::fmt;
use std::path::{Path, PathBuf};

/// Everything that can stop deck generation.
///
/// Each input variant names the file and says what is wrong with it, so the message printed
/// by the terminal program is enough to fix the problem without reading the code.
#[derive(Debug)]
#[non_exhaustive]
pub enum Error {
    /// The path does not exist.
    NotFound {
        /// The missing path.
        path: PathBuf,
    },
    /// The path is a directory where a document file was expected.
    IsDirectory {
        /// The directory.
        path: PathBuf,
    },
    /// The file could not be read (permissions, I/O failure).
    Read {
        /// The file.
        path: PathBuf,
        /// The operating system's reason.
        source: std::io::Error,
    },
    /// The file is empty or holds only white space.
    Empty {
        /// The file.
        path: PathBuf,
    },
    /// The file is larger than a text document can reasonably be.
    TooLarge {
        /// The file.
        path: PathBuf,
        /// Its size in bytes.
        bytes: u64,
        /// The limit in bytes.
        limit: u64,
    },
    /// The file holds binary data (NUL bytes or control characters), not text.
    Binary {
        /// The file.
        path: PathBuf,
        /// Byte offset of the first offending byte.
        offset: usize,
    },
    /// The file is not valid UTF-8.
    InvalidUtf8 {
        /// The file.
        path: PathBuf,
        /// 1-based line of the first invalid byte.
        line: u32,
        /// Byte offset of the first invalid byte.
        offset: usize,
    },
    /// One line of the file is too long to be prose (a dump, not a document).
    LineTooLong {
        /// The file.
        path: PathBuf,
        /// 1-based line number.
        line: u32,
        /// Length of that line in bytes.
        bytes: usize,
        /// The limit in bytes.
        limit: usize,
    },
    /// The corpus holds more documents than a deck can index.
    TooManyDocuments {
        /// How many documents were given.
        count: usize,
    },
    /// No document was given.
    NoDocuments,
    /// The documents were read but not one card could be written from them.
    NoCards,
    /// A key-fact list is not one (a line without its four columns).
    Facts {
        /// The list.
        path: PathBuf,
        /// What is wrong, with the line.
        message: String,
    },
    /// The engine refused to encode the deck.
    Encode {
        /// The engine's message.
        message: String,
    },
    /// The deck or listing could not be written.
    Write {
        /// The output file.
        path: PathBuf,
        /// The operating system's reason.
        source: std::io::Error,
    },
}

impl Error {
    /// The file the error is about, when there is one.
    pub fn path(&self) -> Option<&Path> {
        match self {
            Error::NotFound { path }
            | Error::IsDirectory { path }
            | Error::Read { path, .. }
            | Error::Empty { path }
            | Error::TooLarge { path, .. }
            | Error::Binary { path, .. }
            | Error::InvalidUtf8 { path, .. }
            | Error::LineTooLong { path, .. }
            | Error::Facts { path, .. }
            | Error::Write { path, .. } => Some(path),
            Error::TooManyDocuments { .. }
            | Error::NoDocuments
            | Error::NoCards
            | Error::Encode { .. } => None,
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::NotFound { path } => write!(f, "{}: no such file or directory", path.display()),
            Error::IsDirectory { path } => {
                write!(
                    f,
                    "{}: is a directory, expected a text document",
                    path.display()
                )
            }
            Error::Read { path, source } => write!(f, "{}: cannot read: {source}", path.display()),
            Error::Empty { path } => write!(f, "{}: the document is empty", path.display()),
            Error::TooLarge { path, bytes, limit } => write!(
                f,
                "{}: {bytes} bytes is too large for a document (limit {limit} bytes)",
                path.display()
            ),
            Error::Binary { path, offset } => write!(
                f,
                "{}: binary data at byte {offset}, expected a text document",
                path.display()
            ),
            Error::InvalidUtf8 { path, line, offset } => write!(
                f,
                "{}: invalid UTF-8 on line {line} (byte {offset}); save the document as UTF-8",
                path.display()
            ),
            Error::LineTooLong {
                path,
                line,
                bytes,
                limit,
            } => write!(
                f,
                "{}: line {line} is {bytes} bytes long (limit {limit}); this is not prose",
                path.display()
            ),
            Error::TooManyDocuments { count } => {
                write!(
                    f,
                    "{count} documents given; a deck holds at most {}",
                    u16::MAX
                )
            }
            Error::NoDocuments => write!(f, "no document given"),
            Error::NoCards => write!(f, "no card could be written from the documents"),
            Error::Encode { message } => write!(f, "cannot encode the deck: {message}"),
            Error::Facts { path, message } => {
                write!(f, "{}: not a key-fact list: {message}", path.display())
            }
            Error::Write { path, source } => {
                write!(f, "{}: cannot write: {source}", path.display())
            }
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Read { source, .. } | Error::Write { source, .. } => Some(source),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_name_the_file() {
        let e = Error::LineTooLong {
            path: "big.txt".into(),
            line: 1,
            bytes: 50,
            limit: 10,
        };
        let text = e.to_string();
        assert!(text.starts_with("big.txt: line 1"), "{text}");
        assert_eq!(e.path(), Some(Path::new("big.txt")));
    }
}
