//! A small builder around the real `carnet` executable, temporary folders and fixture decks.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::atomic::{AtomicU32, Ordering};

use carnet_engine::deck::{encode, Deck, DeckId};
use carnet_engine::review_log::{encode_frame, LogEntry, Review, MAX_FRAME_LEN};
use carnet_engine::{AnswerKind, Card, CardId, CardKind, Rating, Source};

/// The executable under test.
pub const CARNET: &str = env!("CARGO_BIN_EXE_carnet");

/// 2024-03-29 08:00 UTC: the start of every scripted session unless a test says otherwise.
pub const T0: &str = "2024-03-29T08:00:00Z";

/// A folder removed when dropped.
pub struct TempDir(PathBuf);

impl TempDir {
    /// A new empty folder under the system's temporary folder.
    pub fn new(name: &str) -> TempDir {
        static N: AtomicU32 = AtomicU32::new(0);
        let n = N.fetch_add(1, Ordering::Relaxed);
        let dir =
            std::env::temp_dir().join(format!("carnet-e2e-{name}-{}-{n}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        TempDir(dir)
    }

    /// Its path.
    pub fn path(&self) -> &Path {
        &self.0
    }

    /// A path inside it.
    pub fn join(&self, name: &str) -> PathBuf {
        self.0.join(name)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// One run of `carnet`: hermetic (its own data and config folders, UTC, no colour, English).
pub struct Run {
    command: Command,
    stdin: Vec<u8>,
}

/// A `carnet` run whose data folder is `home/data` and config folder `home/config`.
pub fn carnet(home: &TempDir) -> Run {
    let mut command = Command::new(CARNET);
    command
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("HOME", home.path())
        .env("XDG_DATA_HOME", home.join("xdg-data"))
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("CARNET_DATA_DIR", home.join("data"))
        .env("CARNET_NOW", T0)
        .env("TZ", "UTC")
        .env("NO_COLOR", "1")
        // The interface's language, pinned: English unless a test asks for another.
        .env("LANG", "en_US.UTF-8");
    Run {
        command,
        stdin: Vec::new(),
    }
}

impl Run {
    /// Adds arguments.
    pub fn args<I, S>(mut self, args: I) -> Run
    where
        I: IntoIterator<Item = S>,
        S: AsRef<std::ffi::OsStr>,
    {
        self.command.args(args);
        self
    }

    /// Sets an environment variable.
    pub fn env(mut self, key: &str, value: impl AsRef<std::ffi::OsStr>) -> Run {
        self.command.env(key, value);
        self
    }

    /// What to feed on stdin.
    pub fn stdin(mut self, text: &str) -> Run {
        self.stdin = text.as_bytes().to_vec();
        self
    }

    /// The command, for tests that drive the process themselves.
    pub fn into_command(self) -> Command {
        self.command
    }

    /// Runs to the end.
    pub fn run(mut self) -> Done {
        let mut child = self
            .command
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start carnet");
        let input = std::mem::take(&mut self.stdin);
        let mut stdin = child.stdin.take().unwrap();
        let writer = std::thread::spawn(move || {
            let _ = stdin.write_all(&input);
        });
        let output = child.wait_with_output().expect("wait for carnet");
        writer.join().unwrap();
        Done(output)
    }
}

/// A finished run.
pub struct Done(pub Output);

impl Done {
    /// Stdout as text.
    pub fn stdout(&self) -> String {
        String::from_utf8_lossy(&self.0.stdout).into_owned()
    }

    /// Stderr as text.
    pub fn stderr(&self) -> String {
        String::from_utf8_lossy(&self.0.stderr).into_owned()
    }

    /// The exit code.
    pub fn code(&self) -> i32 {
        self.0.status.code().unwrap_or(-1)
    }

    /// Asserts success and gives stdout.
    pub fn ok(&self) -> String {
        assert!(
            self.0.status.success(),
            "carnet failed ({}):\n--- stdout\n{}\n--- stderr\n{}",
            self.code(),
            self.stdout(),
            self.stderr()
        );
        self.stdout()
    }

    /// Asserts exit code 2 and gives stderr.
    pub fn input_error(&self) -> String {
        assert_eq!(
            self.code(),
            2,
            "expected exit 2:\n--- stdout\n{}\n--- stderr\n{}",
            self.stdout(),
            self.stderr()
        );
        self.stderr()
    }
}

/// The facts of the fixture deck: (prompt, answer, kind, context).
const FACTS: &[(&str, &str, AnswerKind)] = &[
    (
        "Qui présidait le soviet de Bakou en 1918 ?",
        "Chahoumian",
        AnswerKind::Person,
    ),
    (
        "Quand la Commune de Bakou fut-elle proclamée ?",
        "25 avril 1918",
        AnswerKind::Date,
    ),
    (
        "Où se réunissait le Comité militaire révolutionnaire ?",
        "Smolny",
        AnswerKind::Place,
    ),
    (
        "Qui dirigeait le gouvernement provisoire en octobre 1917 ?",
        "Kérenski",
        AnswerKind::Person,
    ),
    (
        "Combien de commissaires furent fusillés en 1918 ?",
        "26",
        AnswerKind::Quantity,
    ),
    (
        "Quand les Britanniques entrèrent-ils dans Bakou ?",
        "4 août 1918",
        AnswerKind::Date,
    ),
    (
        "Quelle ville fut la capitale de la Commune ?",
        "Bakou",
        AnswerKind::Place,
    ),
    (
        "Quel parti domina le soviet de Bakou ?",
        "les bolcheviks",
        AnswerKind::Organisation,
    ),
    (
        "Qui commanda l'Armée rouge en 1918 ?",
        "Trotski",
        AnswerKind::Person,
    ),
    (
        "Quand Lénine revint-il en Russie ?",
        "avril 1917",
        AnswerKind::Date,
    ),
    (
        "Où les commissaires furent-ils exécutés ?",
        "Krasnovodsk",
        AnswerKind::Place,
    ),
    (
        "Combien d'hommes défendaient Bakou ?",
        "6 000 hommes",
        AnswerKind::Quantity,
    ),
];

/// A fixture deck of `n` cards named `name`: the facts above, numbered past the first round.
pub fn fixture_deck(name: &str, n: usize) -> Vec<u8> {
    let texts: Vec<(String, String, AnswerKind, String)> = (0..n)
        .map(|i| {
            let (q, a, kind) = FACTS[i % FACTS.len()];
            let round = i / FACTS.len();
            let q = if round == 0 {
                q.to_string()
            } else {
                format!("{q} (variante {round})")
            };
            (
                q,
                a.to_string(),
                kind,
                format!("Phrase source du fait {i} : {a}."),
            )
        })
        .collect();
    let distractors: Vec<[&str; 3]> = (0..n)
        .map(|i| {
            let kind = texts[i].2;
            let mut same = FACTS
                .iter()
                .filter(|f| f.2 == kind && f.1 != texts[i].1)
                .map(|f| f.1);
            [
                same.next().unwrap_or(""),
                same.next().unwrap_or(""),
                same.next().unwrap_or(""),
            ]
        })
        .collect();
    let cards: Vec<Card<'_>> = texts
        .iter()
        .enumerate()
        .map(|(i, (q, a, kind, context))| Card {
            id: CardId::from_key(&format!("qa\u{1f}{q}\u{1f}{a}")),
            kind: if i % 3 == 2 {
                CardKind::MultipleChoice
            } else {
                CardKind::QuestionAnswer
            },
            answer_kind: *kind,
            prompt: q,
            answer: a,
            distractors: distractors[i],
            context,
            source: Source {
                document: (i % 2) as u16,
                line: i as u32 + 1,
            },
            situation: "",
        })
        .collect();
    encode(
        fixture_deck_id(name),
        name,
        &["bakou.txt", "octobre.md"],
        &cards,
    )
    .unwrap()
}

/// [`fixture_deck`] with a situation line (« Bakou, 1918 ») on every other card, and source
/// sentences as long as real ones.
pub fn fixture_deck_situated(name: &str, n: usize) -> Vec<u8> {
    let bytes = fixture_deck(name, n);
    let deck = Deck::from_bytes(&bytes).unwrap();
    let contexts: Vec<String> = deck
        .cards()
        .map(|c| {
            format!(
                "{} Entrent dans le Sovnarkom, présidé par Chahoumian, P. Djaparidzé \
                 (Intérieur), G. Korganov (Défense), N. Narimanov (Justice) et A. Karinian \
                 (Éducation).",
                c.context
            )
        })
        .collect();
    let cards: Vec<Card<'_>> = deck
        .cards()
        .zip(&contexts)
        .enumerate()
        .map(|(i, (c, context))| Card {
            situation: if i % 2 == 1 { "Bakou, 1918" } else { "" },
            context,
            ..c
        })
        .collect();
    let docs: Vec<&str> = deck.documents().collect();
    encode(deck.deck_id(), name, &docs, &cards).unwrap()
}

/// Writes a fixture deck into `dir` and gives its path.
pub fn write_deck(dir: &TempDir, file: &str, name: &str, n: usize) -> PathBuf {
    let path = dir.join(file);
    std::fs::write(&path, fixture_deck(name, n)).unwrap();
    path
}

/// The identity of the fixture deck named `name` ([`fixture_deck`]).
pub fn fixture_deck_id(name: &str) -> DeckId {
    DeckId::legacy(name, ["bakou.txt", "octobre.md"].into_iter())
}

/// The review log `carnet` keeps under `home` for the fixture deck named `name`: keyed by
/// the deck's identity.
pub fn log_of(home: &TempDir, name: &str) -> PathBuf {
    home.join("data")
        .join(format!("{}.revlog", fixture_deck_id(name)))
}

/// The lines of `text` that start with `prefix`.
pub fn lines_starting<'a>(text: &'a str, prefix: &str) -> Vec<&'a str> {
    text.lines().filter(|l| l.starts_with(prefix)).collect()
}

/// Whether a test can use an outside tool. When it is missing the test skips and says so,
/// unless `CI` is `true`: then the missing tool is a failure (`scripts/setup-test-env`
/// installs it), so a skipped test never hides one in CI.
pub fn tool_available(available: bool, missing: &str, skipped: &str) -> bool {
    if available {
        return true;
    }
    let ci = std::env::var("CI").is_ok_and(|v| v == "true");
    assert!(!ci, "CI=true but {missing}: run scripts/setup-test-env");
    eprintln!("SKIPPED: {missing} (run scripts/setup-test-env); {skipped}");
    false
}

/// `carnet cards --json` of a deck: one JSON object a card, in deck order.
pub fn cards_json(home: &TempDir, deck: &Path) -> Vec<serde_json::Value> {
    let out = carnet(home)
        .args(["cards", "--json", "--deck"])
        .args([deck])
        .run()
        .ok();
    out.lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

/// Log frames of `entries`, one after the other, as a log file holds them.
pub fn frames(entries: &[LogEntry]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut buf = [0u8; MAX_FRAME_LEN];
    for e in entries {
        let n = encode_frame(e, &mut buf);
        out.extend_from_slice(&buf[..n]);
    }
    out
}

/// Reviews "made on the handheld": the first `n` cards of `deck`, graded Good `step_ms`
/// apart from `start_ms`.
pub fn good_reviews(deck: &[u8], n: usize, start_ms: i64, step_ms: i64) -> Vec<LogEntry> {
    let deck = Deck::from_bytes(deck).unwrap();
    (0..n)
        .map(|i| {
            LogEntry::Review(Review {
                card: deck.id(i).unwrap(),
                time_ms: start_ms + i as i64 * step_ms,
                rating: Rating::Good,
                duration_ms: 4_000,
            })
        })
        .collect()
}

/// `carnet sync CARD --deck DECK [EXTRA…]` in `home`.
pub fn sync_card(home: &TempDir, card: &Path, deck: &Path, extra: &[&str]) -> Done {
    carnet(home)
        .args(["sync"])
        .args([card])
        .args(["--deck"])
        .args([deck])
        .args(extra)
        .run()
}

/// The reviews the terminal's store holds for `deck` (`carnet log --json`).
pub fn reviews_in_store(home: &TempDir, deck: &Path) -> usize {
    carnet(home)
        .args(["log", "--json", "--deck"])
        .args([deck])
        .run()
        .ok()
        .lines()
        .filter(|l| l.contains("\"review\""))
        .count()
}
