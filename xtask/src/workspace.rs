//! [`Workspace`]: where things are (the workspace root, the board crate, xtask's scratch space).

use std::path::{Path, PathBuf};

/// Paths of the carnet workspace.
#[derive(Clone, Debug)]
pub struct Workspace {
    root: PathBuf,
}

impl Workspace {
    /// The workspace this xtask was built in.
    pub fn locate() -> Workspace {
        let manifest_dir = Path::new(env!("CARGO_MANIFEST_DIR"));
        let root = manifest_dir.parent().unwrap_or(manifest_dir).to_path_buf();
        Workspace { root }
    }

    /// The workspace root.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// The LM3S6965 board crate (built on its own, outside the host workspace).
    pub fn board_crate(&self) -> PathBuf {
        self.root.join("firmware/lm3s6965")
    }

    /// The deck built into the firmware as fallback (`include_bytes!` in the board crate).
    pub fn bundled_deck(&self) -> PathBuf {
        self.root.join("cards/decks/bundled.deck")
    }

    /// The checked-in golden screenshots of the board crate.
    pub fn golden_dir(&self) -> PathBuf {
        self.board_crate().join("tests/golden")
    }

    /// xtask's scratch directory: `target/xtask` of the host workspace (or of
    /// `CARGO_TARGET_DIR`).
    pub fn scratch_dir(&self) -> PathBuf {
        let target = std::env::var_os("CARGO_TARGET_DIR")
            .map(PathBuf::from)
            .map(|p| {
                if p.is_absolute() {
                    p
                } else {
                    self.root.join(p)
                }
            })
            .unwrap_or_else(|| self.root.join("target"));
        target.join("xtask")
    }
}
