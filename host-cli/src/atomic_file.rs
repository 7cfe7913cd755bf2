//! Output files are written whole or not at all: a temporary file, then a rename.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::error::{CliError, Result};

/// Writes `bytes` to `path` through a temporary file in the same folder, synced, then renamed
/// over `path`: a crash leaves either the old file or the new one, never half of it.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = path
        .file_name()
        .ok_or_else(|| CliError::input(format!("{} is not a file name", path.display())))?;
    let temp = dir.join(format!(
        ".{}.tmp-{}",
        name.to_string_lossy(),
        std::process::id()
    ));
    let result = (|| {
        let mut f = std::fs::File::create(&temp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        std::fs::rename(&temp, path)
    })();
    if let Err(e) = result {
        let _ = std::fs::remove_file(&temp);
        return Err(CliError::io("cannot write", path, &e));
    }
    crate::store::sync_dir(&dir);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_whole_files_and_leaves_no_temporary() {
        let dir = std::env::temp_dir().join(format!("carnet-atomic-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("out.txt");
        write_atomically(&path, b"one").unwrap();
        write_atomically(&path, b"two").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"two");
        assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 1);
        let err = write_atomically(&dir.join("missing/out.txt"), b"x").unwrap_err();
        assert_eq!(err.exit_code(), 2);
        std::fs::remove_dir_all(dir).unwrap();
    }
}
