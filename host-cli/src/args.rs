//! The raw command line, as clap parses it. [`crate::config::Settings`] checks it.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

/// Spaced-repetition flashcards (FSRS-6) on a crash-safe review log.
///
/// With no command, `carnet` opens a study session on the bundled deck.
#[derive(Debug, Parser)]
#[command(
    name = "carnet",
    version,
    propagate_version = true,
    after_help = "Environment: CARNET_DATA_DIR (review logs), CARNET_CONFIG (configuration file), \
                  CARNET_NOW (start time, for scripted sessions), CARNET_LANG (fr or en), NO_COLOR.\n\
                  Configuration: config.toml in the platform's config folder (see `carnet config`); \
                  flags override it."
)]
pub struct Args {
    /// What to do (default: study).
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Options every command understands.
    #[command(flatten)]
    pub common: CommonArgs,
    /// Study options, for the default command.
    #[command(flatten)]
    pub study: StudyArgs,
}

/// The commands that schedule nothing: their `--help` leaves the scheduling options out
/// (given, they are accepted and ignored, as everywhere).
const UNSCHEDULED: &[&str] = &[
    "generate",
    "import",
    "export",
    "log",
    "suspend",
    "unsuspend",
    "completions",
];

/// The scheduling options ([`SchedulingArgs`]): id, flag, and how the value is parsed (as
/// there: clap hands a command's value of a global option's id up to the global one).
fn scheduling_options() -> [(&'static str, &'static str, clap::builder::ValueParser); 6] {
    use clap::value_parser;
    [
        ("retention", "retention", value_parser!(f32).into()),
        ("new_per_day", "new-per-day", value_parser!(u32).into()),
        (
            "reviews_per_day",
            "reviews-per-day",
            value_parser!(u32).into(),
        ),
        ("day_start_hour", "day-start-hour", value_parser!(u8).into()),
        ("learning_steps", "learning-steps", value_parser!(String)),
        (
            "relearning_steps",
            "relearning-steps",
            value_parser!(String),
        ),
    ]
}

impl Args {
    /// The command line's definition, the scheduling options left out of the help of the
    /// commands that do not schedule: there each is an option of the command's own, hidden
    /// (clap does not carry a global option into a command that has one of that id), parsed
    /// as the global one is.
    pub fn definition() -> clap::Command {
        use clap::CommandFactory;
        let mut command = Args::command();
        for name in UNSCHEDULED {
            command = command.mut_subcommand(name, |sub| {
                scheduling_options()
                    .into_iter()
                    .fold(sub, |sub, (id, flag, parser)| {
                        sub.arg(
                            clap::Arg::new(id)
                                .long(flag)
                                .hide(true)
                                .action(clap::ArgAction::Set)
                                .value_parser(parser),
                        )
                    })
            });
        }
        command
    }

    /// Parses the program's arguments (exits with clap's message on a bad command line).
    pub fn from_command_line() -> Args {
        use clap::FromArgMatches;
        let matches = Args::definition().get_matches();
        Args::from_arg_matches(&matches).unwrap_or_else(|e| e.exit())
    }
}

/// Options of every command.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct CommonArgs {
    /// Deck file to use (default: the bundled deck).
    #[arg(long, global = true, value_name = "DECK")]
    pub deck: Option<PathBuf>,
    /// Folder of the review logs (default: the platform's data folder, then `carnet`).
    #[arg(long, global = true, env = "CARNET_DATA_DIR", value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
    /// Configuration file (default: `config.toml` in the platform's config folder).
    #[arg(long, global = true, env = "CARNET_CONFIG", value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Language of the interface, `fr` or `en` (default: the configuration file's
    /// `language`, else the locale: LC_ALL, LC_MESSAGES, LANG).
    #[arg(
        long,
        global = true,
        env = "CARNET_LANG",
        value_name = "LANG",
        value_enum
    )]
    pub lang: Option<crate::language::Language>,
    /// Scheduling overrides.
    #[command(flatten)]
    pub scheduling: SchedulingArgs,
}

/// Scheduling options; each overrides the configuration file.
#[derive(Debug, Clone, Default, clap::Args)]
#[command(next_help_heading = "Scheduling (override the configuration file)")]
pub struct SchedulingArgs {
    /// Probability of recall at which reviews are scheduled, e.g. 0.9.
    #[arg(long, global = true, value_name = "R")]
    pub retention: Option<f32>,
    /// New cards introduced a day.
    #[arg(long, global = true, value_name = "N")]
    pub new_per_day: Option<u32>,
    /// Reviews a day.
    #[arg(long, global = true, value_name = "N")]
    pub reviews_per_day: Option<u32>,
    /// Local hour (0-23) at which a new day starts.
    #[arg(long, global = true, value_name = "HOUR")]
    pub day_start_hour: Option<u8>,
    /// Learning steps, e.g. `1m,10m` (units s, m, h, d; a bare number is minutes).
    #[arg(long, global = true, value_name = "STEPS")]
    pub learning_steps: Option<String>,
    /// Relearning steps after a lapse, e.g. `10m`.
    #[arg(long, global = true, value_name = "STEPS")]
    pub relearning_steps: Option<String>,
}

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Study today's cards (the default): full screen on a terminal, line mode otherwise.
    Study(StudyArgs),
    /// Answer N questions (multiple choice or typed) and get a score.
    Quiz(QuizArgs),
    /// Counts, reviews per day, retention, due forecast and stability, as charts.
    Stats(StatsArgs),
    /// Replay a review log in the josh CSV format: memory states, due dates, prediction metrics.
    Memory(MemoryArgs),
    /// Train FSRS parameters on the deck's review history (or a CSV), compare them with the
    /// defaults, and save them for the deck.
    Optimize(OptimizeArgs),
    /// List, search and show the cards of a deck.
    Cards(CardsArgs),
    /// Build a deck from a corpus of documents.
    Generate(GenerateArgs),
    /// Export the deck in Anki's plain-text import format, or as an Anki package with its
    /// review history, or write its reviews into the Anki collection it came from.
    Export(ExportArgs),
    /// Build a deck from a file in Anki's plain-text format, or from an Anki package
    /// (.apkg/.colpkg) with its review history.
    Import(ImportArgs),
    /// Show (and check) the review log of the deck.
    Log(LogArgs),
    /// Suspend cards: they are not shown until unsuspended.
    Suspend(SuspendArgs),
    /// Bring suspended cards back (`carnet cards --suspended` lists them).
    Unsuspend(SuspendArgs),
    /// Sync with the handheld's SD card: merge its reviews, copy the deck, the history and
    /// the scheduling settings.
    Sync(SyncArgs),
    /// Show the configuration file's path and the settings in force (`config init` writes
    /// the file with every setting and its default, commented).
    Config(ConfigArgs),
    /// Print a shell completion script.
    Completions(CompletionsArgs),
}

/// `carnet study`.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct StudyArgs {
    /// Type each answer; it is checked tolerant of case, accents and one typo.
    #[arg(long = "type")]
    pub typed: bool,
    /// Plain line mode even on a terminal (prompts on stdout, commands on stdin).
    #[arg(long)]
    pub plain: bool,
}

/// `carnet quiz`.
#[derive(Debug, Clone, clap::Args)]
pub struct QuizArgs {
    /// Number of questions (at least 1).
    #[arg(short = 'n', long, default_value_t = 10, value_name = "N",
          value_parser = clap::value_parser!(u32).range(1..))]
    pub questions: u32,
    /// Type the answers instead of choosing among four.
    #[arg(long = "type")]
    pub typed: bool,
    /// Record each answer as a review (right: Good, close — one typo: Hard, wrong: Again).
    #[arg(long)]
    pub record: bool,
    /// Seed for the choice of questions and the order of choices (default: the time).
    #[arg(long, value_name = "SEED")]
    pub seed: Option<u64>,
}

/// `carnet stats`.
#[derive(Debug, Clone, clap::Args)]
pub struct StatsArgs {
    /// Print the figures as JSON.
    #[arg(long)]
    pub json: bool,
    /// Also write the charts as SVG files into this folder.
    #[arg(long, value_name = "DIR")]
    pub plot: Option<PathBuf>,
}

/// `carnet memory`.
#[derive(Debug, Clone, clap::Args)]
pub struct MemoryArgs {
    /// A review log in the josh CSV format: card_id,review_rating,review_time,review_duration.
    #[arg(value_name = "FILE.csv")]
    pub file: PathBuf,
    /// One JSON object a line for each card (card_id, stability, difficulty, retrievability,
    /// due); the metrics go to stderr.
    #[arg(long)]
    pub json: bool,
    /// Schedule without interval fuzz.
    #[arg(long)]
    pub no_fuzz: bool,
    /// Replay with these 21 FSRS-6 parameters (comma-separated) instead of the defaults.
    #[arg(long, value_name = "W0,…,W20", conflicts_with = "optimized")]
    pub parameters: Option<String>,
    /// Replay with parameters trained on this very file first (as `carnet optimize
    /// --whole-days` trains them): an in-sample score.
    #[arg(long)]
    pub optimized: bool,
}

/// `carnet optimize`.
#[derive(Debug, Clone, clap::Args)]
pub struct OptimizeArgs {
    /// Train on this review log in the josh CSV format (as `carnet memory` reads) instead of
    /// the deck's own log.
    #[arg(value_name = "FILE.csv")]
    pub file: Option<std::path::PathBuf>,
    /// Print one JSON object: parameters, reviews, train_ms, and the default, trained and
    /// time-series-split metrics.
    #[arg(long)]
    pub json: bool,
    /// Save the parameters for the deck without asking.
    #[arg(long)]
    pub yes: bool,
    /// Count days as whole 24-hour periods (py-fsrs's rule) instead of calendar days from
    /// the day-start hour (Anki's).
    #[arg(long)]
    pub whole_days: bool,
    /// Days the retention simulation looks ahead.
    #[arg(long, value_name = "DAYS", default_value_t = 365, value_parser = clap::value_parser!(u32).range(1..=3650))]
    pub horizon: u32,
    /// Write the retention charts (reviews a day, cards kept) as SVG files into DIR.
    #[arg(long, value_name = "DIR")]
    pub plot: Option<std::path::PathBuf>,
}

/// `carnet cards`.
#[derive(Debug, Clone, clap::Args)]
pub struct CardsArgs {
    /// Only the cards whose question, answer or source sentence contains TEXT (case and
    /// accents ignored).
    #[arg(long, value_name = "TEXT")]
    pub search: Option<String>,
    /// Show one card in full (its id, or a unique prefix of it).
    #[arg(long, value_name = "ID")]
    pub show: Option<String>,
    /// One JSON object a line for each card.
    #[arg(long)]
    pub json: bool,
    /// Browse: each card with its state, due date, stability and reviews (implied by the
    /// filters and `--sort` below).
    #[arg(long)]
    pub browse: bool,
    /// Only suspended cards.
    #[arg(long)]
    pub suspended: bool,
    /// Only cards in this state.
    #[arg(long, value_name = "STATE", value_parser = ["new", "learning", "review", "relearning"])]
    pub state: Option<String>,
    /// Order: `due` (soonest first), `stability` (weakest first), `difficulty` (hardest
    /// first) or `reviews` (most first); default: deck order.
    #[arg(long, value_name = "KEY", value_parser = ["due", "stability", "difficulty", "reviews"])]
    pub sort: Option<String>,
}

/// `carnet suspend` and `carnet unsuspend`.
#[derive(Debug, Clone, clap::Args)]
pub struct SuspendArgs {
    /// Card ids (or unique prefixes of them), as `carnet cards` lists them.
    #[arg(required = true, value_name = "ID")]
    pub ids: Vec<String>,
}

/// `carnet generate`.
#[derive(Debug, Clone, clap::Args)]
pub struct GenerateArgs {
    /// Documents, or folders of documents.
    #[arg(required = true, value_name = "FILES-OR-DIRS")]
    pub inputs: Vec<PathBuf>,
    /// The deck file to write.
    #[arg(short, long, value_name = "DECK")]
    pub output: PathBuf,
    /// The deck's name (default: the output file's stem).
    #[arg(long, value_name = "NAME")]
    pub name: Option<String>,
    /// Give the new deck the identity, and so the history, of this deck file (default: the
    /// identity of the deck already at the output path, else a new one).
    #[arg(long, value_name = "DECK")]
    pub identity_of: Option<PathBuf>,
}

/// `carnet export`.
#[derive(Debug, Clone, clap::Args)]
pub struct ExportArgs {
    /// Write Anki's plain-text import format (tab-separated, with a GUID column) to FILE.
    #[arg(long, value_name = "FILE", required_unless_present_any = ["apkg", "into"])]
    pub anki: Option<PathBuf>,
    /// Write an Anki package (.apkg) to FILE: the notes, the review history and each card's
    /// FSRS memory state and due date (Anki adds the reviews of the cards it lacks; into the
    /// collection the deck came from, use --into).
    #[arg(long, value_name = "FILE.apkg", conflicts_with_all = ["anki", "into"])]
    pub apkg: Option<PathBuf>,
    /// Write carnet's reviews and the cards' scheduling straight into the Anki collection
    /// the deck was imported from (`collection.anki2` in Anki's profile folder; Anki must be
    /// closed): only the reviews it lacks, once; notes are left alone.
    #[arg(long, value_name = "COLLECTION.anki2", conflicts_with = "anki")]
    pub into: Option<PathBuf>,
}

/// `carnet import`.
#[derive(Debug, Clone, clap::Args)]
pub struct ImportArgs {
    /// A file in Anki's plain-text format (as `carnet export --anki` writes it), or an Anki
    /// package (`.apkg`, `.colpkg`): its cards, and its review history into the deck's log.
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// The deck file to write.
    #[arg(short, long, value_name = "DECK")]
    pub output: PathBuf,
    /// The deck's name (default: the file's `#deck:` header or the package's one top-level
    /// deck, else the file's stem).
    #[arg(long, value_name = "NAME")]
    pub name: Option<String>,
    /// Give the new deck the identity, and so the history, of this deck file (default: the
    /// identity of the deck already at the output path, else a new one).
    #[arg(long, value_name = "DECK")]
    pub identity_of: Option<PathBuf>,
}

/// `carnet log`.
#[derive(Debug, Clone, clap::Args)]
pub struct LogArgs {
    /// One JSON object a line for each record.
    #[arg(long)]
    pub json: bool,
}

/// `carnet sync`.
#[derive(Debug, Clone, clap::Args)]
pub struct SyncArgs {
    /// The card: its mounted folder, or an image file of it (MBR + FAT, read with mtools).
    #[arg(value_name = "SD-IMAGE-OR-MOUNT")]
    pub target: std::path::PathBuf,
    /// What a sync would do, without writing anything.
    #[arg(long)]
    pub dry_run: bool,
    /// Put this deck on a card that holds another one (the old deck's reviews are merged
    /// into its own history in the terminal's store first).
    #[arg(long)]
    pub replace: bool,
    /// Go on when the card's review log is damaged: its intact records are merged, the
    /// damaged file is kept on the card as REVIEWS.BAD, and a new log is written.
    #[arg(long)]
    pub salvage: bool,
}

/// `carnet config`.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct ConfigArgs {
    /// `init`: write the configuration file (the `--config` path, else the default one) with
    /// every setting at its default, commented out; an existing file is never overwritten.
    #[arg(value_parser = ["init"])]
    pub action: Option<String>,
}

/// `carnet completions`.
#[derive(Debug, Clone, clap::Args)]
pub struct CompletionsArgs {
    /// The shell.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}
