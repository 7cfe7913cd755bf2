//! [`Error`]: what went wrong, as a message with its context, and whether it was the user's
//! command line (exit status 2) or the work itself (exit status 1).

use std::fmt;

/// An xtask failure: a message chain, outermost context first.
#[derive(Debug)]
pub struct Error {
    message: String,
    usage: bool,
}

/// `Result` with [`Error`].
pub type Result<T> = std::result::Result<T, Error>;

impl Error {
    /// A failure of the work itself.
    pub fn new(message: impl Into<String>) -> Error {
        Error {
            message: message.into(),
            usage: false,
        }
    }

    /// A bad command line.
    pub fn usage(message: impl Into<String>) -> Error {
        Error {
            message: message.into(),
            usage: true,
        }
    }

    /// Whether this is a command-line error.
    pub fn is_usage(&self) -> bool {
        self.usage
    }

    /// The same error with `context` in front.
    pub fn context(self, context: impl fmt::Display) -> Error {
        Error {
            message: format!("{context}: {}", self.message),
            usage: self.usage,
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Error {}

impl From<std::io::Error> for Error {
    fn from(e: std::io::Error) -> Error {
        Error::new(e.to_string())
    }
}

/// Adds context to any displayable error.
pub trait Context<T> {
    /// Wraps the error with `context`.
    fn context(self, context: impl fmt::Display) -> Result<T>;
}

impl<T, E: fmt::Display> Context<T> for std::result::Result<T, E> {
    fn context(self, context: impl fmt::Display) -> Result<T> {
        self.map_err(|e| Error::new(format!("{context}: {e}")))
    }
}
