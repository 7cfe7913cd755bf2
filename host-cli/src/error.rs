//! The program's one error type and its exit codes.

use std::fmt;
use std::path::Path;

/// Exit code for usage and input errors (a bad flag, a bad file, a locked store), as clap uses.
pub const EXIT_INPUT: u8 = 2;
/// Exit code for failures while doing the work (a write that failed on an accepted path).
pub const EXIT_FAILURE: u8 = 1;

/// What went wrong, already worded for the learner: the file concerned and what is wrong.
#[derive(Debug)]
pub enum CliError {
    /// The input is wrong (a file, a flag, the store's state): exit code 2.
    Input(String),
    /// The work failed (e.g. the disk is full): exit code 1.
    Failure(String),
    /// The reader of stdout went away (`carnet … | head`): stop quietly, exit code 0.
    ClosedPipe,
}

impl CliError {
    /// An input error.
    pub fn input(message: impl Into<String>) -> CliError {
        CliError::Input(message.into())
    }

    /// A failure while doing the work.
    pub fn failure(message: impl Into<String>) -> CliError {
        CliError::Failure(message.into())
    }

    /// An I/O error on `path`, worded as `what PATH: reason`. A missing file, a permission
    /// problem or a path through a regular file are input errors; the rest are failures.
    pub fn io(what: &str, path: &Path, error: &std::io::Error) -> CliError {
        use std::io::ErrorKind::*;
        let m = crate::messages::text();
        let message = match m.language {
            crate::language::Language::English => {
                format!("{what} {}: {}", path.display(), io_reason(error))
            }
            // `impossible de lire le paquet PATH : reason`.
            crate::language::Language::French => {
                format!(
                    "{} {} : {}",
                    m.io_what(what),
                    path.display(),
                    io_reason(error)
                )
            }
        };
        match error.kind() {
            NotFound | PermissionDenied | NotADirectory | IsADirectory | AlreadyExists
            | InvalidInput | InvalidData | ReadOnlyFilesystem | InvalidFilename => {
                CliError::Input(message)
            }
            _ => CliError::Failure(message),
        }
    }

    /// A write to stdout that failed: a closed pipe is [`CliError::ClosedPipe`], anything
    /// else (a full disk, an I/O error) a failure. One rule for every command.
    pub fn stdout(error: std::io::Error) -> CliError {
        if error.kind() == std::io::ErrorKind::BrokenPipe {
            CliError::ClosedPipe
        } else {
            CliError::Failure(crate::messages::fill(
                crate::messages::text().cannot_write_stdout,
                &[&io_reason(&error)],
            ))
        }
    }

    /// The process exit code for this error.
    pub fn exit_code(&self) -> u8 {
        match self {
            CliError::Input(_) => EXIT_INPUT,
            CliError::Failure(_) => EXIT_FAILURE,
            CliError::ClosedPipe => 0,
        }
    }

    /// The message.
    pub fn message(&self) -> &str {
        match self {
            CliError::Input(m) | CliError::Failure(m) => m,
            CliError::ClosedPipe => "stdout was closed",
        }
    }
}

/// The OS reason without Rust's "(os error N)" suffix, in the interface's language for the
/// usual ones.
fn io_reason(error: &std::io::Error) -> String {
    use std::io::ErrorKind::*;
    let reasons = crate::messages::text().io_reasons;
    match error.kind() {
        _ if error.raw_os_error().is_none() => {}
        NotFound => return reasons[0].to_string(),
        PermissionDenied => return reasons[1].to_string(),
        IsADirectory => return reasons[2].to_string(),
        NotADirectory => return reasons[3].to_string(),
        _ => {}
    }
    let text = error.to_string();
    match text.find(" (os error") {
        Some(at) => text[..at].to_string(),
        None => text,
    }
}

impl fmt::Display for CliError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.message())
    }
}

impl std::error::Error for CliError {}

/// `println!` that returns the error ([`CliError::stdout`]) instead of panicking when stdout
/// cannot be written.
#[macro_export]
macro_rules! say {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        writeln!(std::io::stdout(), $($arg)*).map_err($crate::error::CliError::stdout)?
    }};
}

/// Result with [`CliError`].
pub type Result<T, E = CliError> = std::result::Result<T, E>;
