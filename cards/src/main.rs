//! `carnet-cards`: generates a deck from a corpus of documents.
//!
//! ```text
//! carnet-cards cards/corpus -o cards/decks/bundled.deck [--listing FILE] [--report [FILE]]
//! ```
//!
//! A directory argument stands for its files, sorted by name (hidden files skipped). The
//! deck and the listing are written only when every document was read and cards were
//! written: an error leaves the old files as they were.

#![forbid(unsafe_code)]

use carnet_cards::{output, report, Error};
use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str = "usage: carnet-cards PATH... -o DECK [--listing FILE] [--report [FILE]] [--name NAME] [--seed N] [--quiet]

  PATH            a document, or a directory of documents (sorted by name)
  -o, --output    the deck file to write (engine format)
  --listing FILE  the human-readable listing (TSV); default: the deck path with .tsv
  --report [FILE] write the quality report (Markdown) to FILE, or print it
  --facts DIR     with --report: the recall against the key-fact lists DIR/<document>.tsv
  --review FILE   with --report: the counts of a blind review (Markdown, its ## Summary)
  --name NAME     the deck's name (default: carnet)
  --seed N        seed of the report's random sample (default: 0)
  --quiet         no progress on standard error";

struct Config {
    inputs: Vec<PathBuf>,
    output: Option<PathBuf>,
    listing: Option<PathBuf>,
    report: Option<Option<PathBuf>>,
    facts: Option<PathBuf>,
    review: Option<PathBuf>,
    name: String,
    seed: u64,
    quiet: bool,
}

fn parse(args: &[String]) -> Result<Config, String> {
    let mut c = Config {
        inputs: Vec::new(),
        output: None,
        listing: None,
        report: None,
        facts: None,
        review: None,
        name: "carnet".into(),
        seed: 0,
        quiet: false,
    };
    let mut i = 0;
    while i < args.len() {
        let a = args[i].as_str();
        let mut value = || {
            i += 1;
            args.get(i)
                .cloned()
                .ok_or_else(|| format!("{a} needs a value"))
        };
        match a {
            "-o" | "--output" => c.output = Some(value()?.into()),
            "--listing" => c.listing = Some(value()?.into()),
            "--facts" => c.facts = Some(value()?.into()),
            "--review" => c.review = Some(value()?.into()),
            "--name" => c.name = value()?,
            "--seed" => {
                c.seed = value()?
                    .parse()
                    .map_err(|_| "--seed needs a number".to_string())?
            }
            "--quiet" | "-q" => c.quiet = true,
            "--report" => {
                let next = args
                    .get(i + 1)
                    .filter(|n| !n.starts_with('-') && n.ends_with(".md"));
                c.report = Some(next.map(PathBuf::from));
                if next.is_some() {
                    i += 1;
                }
            }
            "-h" | "--help" => return Err(String::new()),
            _ if a.starts_with('-') => return Err(format!("unknown option {a}")),
            _ => c.inputs.push(a.into()),
        }
        i += 1;
    }
    if c.inputs.is_empty() {
        return Err("no document given".into());
    }
    if c.output.is_none() && c.report.is_none() {
        return Err("nothing to do: give -o DECK and/or --report".into());
    }
    Ok(c)
}

/// Expands directories into their files, sorted by name.
fn expand(inputs: &[PathBuf]) -> Result<Vec<PathBuf>, Error> {
    let mut out = Vec::new();
    for p in inputs {
        if p.is_dir() {
            let read = std::fs::read_dir(p).map_err(|source| Error::Read {
                path: p.clone(),
                source,
            })?;
            let mut files: Vec<PathBuf> = read
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|f| {
                    !f.file_name()
                        .is_some_and(|n| n.to_string_lossy().starts_with('.'))
                })
                .collect();
            files.sort();
            out.extend(files);
        } else {
            out.push(p.clone());
        }
    }
    Ok(out)
}

fn run(c: &Config) -> Result<(), Error> {
    let paths = expand(&c.inputs)?;
    let quiet = c.quiet;
    let deck = carnet_cards::generate(&paths, &mut |p| {
        if !quiet {
            match p {
                carnet_cards::Progress::Read { index, total, path } => {
                    eprintln!("[{}/{total}] {}", index + 1, path.display())
                }
                carnet_cards::Progress::Cleaned { index, format } => {
                    eprintln!("      document {index}: {}", format.name())
                }
                carnet_cards::Progress::Writing { sentences } => {
                    eprintln!("writing cards from {sentences} sentences")
                }
                carnet_cards::Progress::Done { cards } => eprintln!("{cards} cards"),
            }
        }
    })?;
    if let Some(out) = &c.output {
        let bytes = output::encode(&deck, output::deck_id_for(out), &c.name)?;
        let listing = c
            .listing
            .clone()
            .unwrap_or_else(|| out.with_extension("tsv"));
        let text = output::listing(&deck);
        output::write_atomically(out, &bytes)?;
        output::write_atomically(&listing, text.as_bytes())?;
        if !quiet {
            eprintln!("wrote {} and {}", out.display(), listing.display());
        }
    }
    if let Some(target) = &c.report {
        let evaluation = report::Evaluation::load(&deck, c.facts.as_deref(), c.review.as_deref())?;
        let text = report::render_with(&deck, 20, c.seed, &evaluation);
        match target {
            Some(path) => output::write_atomically(path, text.as_bytes())?,
            None => print!("{text}"),
        }
    }
    Ok(())
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let config = match parse(&args) {
        Ok(c) => c,
        Err(msg) => {
            if !msg.is_empty() {
                eprintln!("carnet-cards: {msg}");
            }
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    match run(&config) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("carnet-cards: {e}");
            let input_error = (e.path().is_some() && !matches!(e, Error::Write { .. }))
                || matches!(
                    e,
                    Error::NoDocuments | Error::NoCards | Error::TooManyDocuments { .. }
                );
            ExitCode::from(if input_error { 2 } else { 1 })
        }
    }
}
