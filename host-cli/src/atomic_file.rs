//! Output files are written whole or not at all: a temporary file, then a rename.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::error::{CliError, Result};

/// Writes `bytes` to `path` through a temporary file in the same folder, synced, then renamed
/// over `path`: a crash leaves either the old file or the new one, never half of it.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    stage(path, bytes)?.commit()
}

/// A file written and synced beside its destination, not yet renamed over it: [`Staged::commit`]
/// puts it in place; dropped uncommitted, it is removed and the destination is untouched.
#[derive(Debug)]
pub struct Staged {
    temp: PathBuf,
    path: PathBuf,
    dir: PathBuf,
    done: bool,
}

/// Writes `bytes` to a temporary file beside `path` (synced), for [`Staged::commit`]: what
/// can fail in writing a file fails here, before anything else is changed.
pub fn stage(path: &Path, bytes: &[u8]) -> Result<Staged> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = path.file_name().ok_or_else(|| {
        CliError::input(crate::messages::fill(
            crate::messages::text().e_not_a_file_name,
            &[&path.display()],
        ))
    })?;
    remove_stale_temporaries(&dir);
    let temp = dir.join(format!(
        ".{}.tmp-{}",
        name.to_string_lossy(),
        std::process::id()
    ));
    let result = (|| {
        let mut f = std::fs::File::create(&temp)?;
        f.write_all(bytes)?;
        f.sync_all()
    })();
    if let Err(e) = result {
        let _ = std::fs::remove_file(&temp);
        return Err(CliError::io("cannot write", path, &e));
    }
    Ok(Staged {
        temp,
        path: path.to_path_buf(),
        dir,
        done: false,
    })
}

impl Staged {
    /// Renames the file over its destination.
    pub fn commit(mut self) -> Result<()> {
        if let Err(e) = std::fs::rename(&self.temp, &self.path) {
            return Err(CliError::io("cannot write", &self.path, &e));
        }
        self.done = true;
        crate::store::sync_dir(&self.dir);
        Ok(())
    }
}

impl Drop for Staged {
    fn drop(&mut self) {
        if !self.done {
            let _ = std::fs::remove_file(&self.temp);
        }
    }
}

/// Removes the temporary files that carnet processes left in `dir` when they were killed:
/// hidden files named `.NAME.tmp-PID` or `.NAME.carnet-WHAT-PID` whose process `PID` is no
/// longer running (best effort: where it cannot tell, it leaves the file).
pub fn remove_stale_temporaries(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.filter_map(|e| e.ok()) {
        let name = entry.file_name();
        let Some(pid) = temporary_owner(&name.to_string_lossy()) else {
            continue;
        };
        if pid != std::process::id() && !process_alive(pid) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// The process id in a carnet temporary file's name, if the name is one.
fn temporary_owner(name: &str) -> Option<u32> {
    if !name.starts_with('.') {
        return None;
    }
    let (rest, pid) = name.rsplit_once('-')?;
    let pid: u32 = pid.parse().ok()?;
    let ours = rest.ends_with(".tmp")
        || rest
            .rsplit_once(".carnet-")
            .is_some_and(|(_, what)| what.chars().all(|c| c.is_ascii_lowercase()));
    ours.then_some(pid)
}

/// Whether process `pid` runs (Linux and other systems with a `/proc`; elsewhere assume it
/// does, so nothing is removed that might be in use).
fn process_alive(pid: u32) -> bool {
    let proc_root = Path::new("/proc");
    if !proc_root.join("self").exists() {
        return true;
    }
    proc_root.join(pid.to_string()).exists()
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

    #[test]
    fn temporaries_of_dead_processes_are_removed() {
        let dir = std::env::temp_dir().join(format!("carnet-stale-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        // A pid above the kernel's limit (2^22) never runs.
        let dead = 4_999_999;
        let mine = std::process::id();
        for name in [
            format!(".out.deck.tmp-{dead}"),
            format!(".sd.img.carnet-image-{dead}"),
            format!(".out.deck.tmp-{mine}"),
            "keep.txt".to_string(),
            format!(".notes.tmp-{dead}.txt"),
        ] {
            std::fs::write(dir.join(name), b"x").unwrap();
        }
        remove_stale_temporaries(&dir);
        let mut left: Vec<String> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        left.sort();
        assert_eq!(
            left,
            [
                format!(".notes.tmp-{dead}.txt"),
                format!(".out.deck.tmp-{mine}"),
                "keep.txt".to_string()
            ]
        );
        std::fs::remove_dir_all(dir).unwrap();
    }
}
