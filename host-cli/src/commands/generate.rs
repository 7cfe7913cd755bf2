//! `carnet generate FILES-OR-DIRS… -o DECK`: a deck from a corpus, by the deck generator
//! (crate `carnet-cards`), with a progress bar on a terminal.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::time::Instant;

use carnet_cards::{generate, output, Progress};

use crate::args::GenerateArgs;
use crate::atomic_file::write_atomically;
use crate::error::{CliError, Result};

/// Reads the documents, writes the deck (through a temporary file), prints a summary.
pub fn execute(args: &GenerateArgs) -> Result<()> {
    let paths = expand(&args.inputs)?;
    let name = args.name.clone().unwrap_or_else(|| {
        args.output
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .filter(|s| !s.is_empty())
            .unwrap_or_else(|| "carnet".to_string())
    });
    carnet_cards::output::check_name(&name).map_err(|e| {
        CliError::input(crate::messages::fill(
            crate::messages::text().e_deck_name,
            &[&format!("{name:?}"), &e],
        ))
    })?;
    let started = Instant::now();
    let mut bar = ProgressBar::new(std::io::stderr().is_terminal(), paths.len());
    let deck =
        generate(&paths, &mut |p| bar.update(p)).map_err(|e| CliError::input(e.to_string()))?;
    bar.finish();
    let id = crate::deck_file::identity_for(&args.output, args.identity_of.as_deref())?;
    let bytes = output::encode(&deck, id, &name).map_err(|e| CliError::input(e.to_string()))?;
    write_atomically(&args.output, &bytes)?;
    let m = crate::messages::text();
    let seconds = format!("{:.1}", started.elapsed().as_secs_f64())
        .replace('.', &m.decimal_separator.to_string());
    crate::say!(
        "{}",
        crate::messages::fill(
            m.generated,
            &[
                &m.count(deck.cards.len() as u64, m.cards, &[]),
                &m.count(deck.documents.len() as u64, m.documents, &[]),
                &args.output.display(),
                &name,
                &seconds
            ]
        )
    );
    Ok(())
}

/// Files stand for themselves; a folder for its files, sorted by name, hidden ones skipped.
pub fn expand(inputs: &[PathBuf]) -> Result<Vec<PathBuf>> {
    let mut paths = Vec::new();
    for input in inputs {
        if input.is_dir() {
            let entries =
                std::fs::read_dir(input).map_err(|e| CliError::io("cannot list", input, &e))?;
            let mut files: Vec<PathBuf> = entries
                .filter_map(|e| e.ok())
                .filter(|e| !e.file_name().to_string_lossy().starts_with('.'))
                .map(|e| e.path())
                .filter(|p| p.is_file())
                .collect();
            files.sort();
            if files.is_empty() {
                return Err(CliError::input(crate::messages::fill(
                    crate::messages::text().e_empty_folder,
                    &[&input.display()],
                )));
            }
            paths.extend(files);
        } else {
            paths.push(input.clone());
        }
    }
    Ok(paths)
}

/// A one-line progress bar on stderr (only when stderr is a terminal).
struct ProgressBar {
    on: bool,
    total: usize,
    last: Option<Instant>,
}

impl ProgressBar {
    fn new(on: bool, total: usize) -> ProgressBar {
        ProgressBar {
            on,
            total,
            last: None,
        }
    }

    fn update(&mut self, p: Progress<'_>) {
        if !self.on {
            return;
        }
        let words = crate::messages::text();
        let (done, what) = match p {
            Progress::Read { index, path, .. } => (
                index + 1,
                crate::messages::fill(words.generate_progress[0], &[&short(path)]),
            ),
            Progress::Cleaned { index, .. } => (
                self.total + index + 1,
                words.generate_progress[1].to_string(),
            ),
            Progress::Writing { sentences } => (
                2 * self.total,
                crate::messages::fill(words.generate_progress[2], &[&sentences]),
            ),
            Progress::Done { cards } => (
                2 * self.total + 1,
                words.count(cards as u64, words.cards, &[]),
            ),
        };
        // Redraw at most every 50 ms, and always at the end.
        let now = Instant::now();
        let end = matches!(p, Progress::Done { .. });
        if !end
            && self
                .last
                .is_some_and(|t| now.duration_since(t).as_millis() < 50)
        {
            return;
        }
        self.last = Some(now);
        let steps = 2 * self.total + 1;
        let width = 30;
        let filled = done * width / steps.max(1);
        let mut err = std::io::stderr().lock();
        let _ = write!(
            err,
            "\r\x1b[2K[{}{}] {done}/{steps} {what}",
            "█".repeat(filled),
            "·".repeat(width - filled)
        );
        let _ = err.flush();
    }

    fn finish(&mut self) {
        if self.on {
            eprintln!();
        }
    }
}

fn short(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}
