//! The full-screen UI, driven in tmux: keys in with `send-keys`, the screen read back with
//! `capture-pane`. Skipped (with a message) only when tmux is missing and `CI` is not `true`.

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use crate::support::*;

struct Tmux {
    socket: String,
}

impl Tmux {
    fn available() -> bool {
        Command::new("tmux")
            .arg("-V")
            .output()
            .is_ok_and(|o| o.status.success())
    }

    fn cmd(&self, args: &[&str]) -> String {
        let out = Command::new("tmux")
            .args(["-L", &self.socket])
            .args(args)
            .output()
            .expect("run tmux");
        assert!(
            out.status.success(),
            "tmux {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// Runs `command` in a new 100×30 session named `s`.
    fn start(&self, command: &str) {
        self.start_sized(command, 100, 30);
    }

    /// Runs `command` in a new session named `s` of `width` columns and `height` rows.
    fn start_sized(&self, command: &str, width: u16, height: u16) {
        let (w, h) = (width.to_string(), height.to_string());
        self.cmd(&["new-session", "-d", "-s", "s", "-x", &w, "-y", &h, command]);
    }

    fn screen(&self) -> String {
        self.cmd(&["capture-pane", "-p", "-t", "s"])
    }

    /// Waits until the screen shows `text`; panics with the screen after 10 s.
    fn wait_for(&self, text: &str) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if screen.contains(text) {
                return screen;
            }
            assert!(
                start.elapsed() < Duration::from_secs(10),
                "waiting for {text:?}; screen:\n{screen}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// With `CARNET_SCREENSHOTS=DIR`, saves the screen (colours included) as `DIR/NAME.svg`.
    fn screenshot(&self, name: &str) {
        if let Some(dir) = std::env::var_os("CARNET_SCREENSHOTS") {
            let ansi = self.cmd(&["capture-pane", "-e", "-p", "-t", "s"]);
            let path = std::path::Path::new(&dir).join(format!("{name}.svg"));
            std::fs::write(path, crate::screenshot::ansi_to_svg(&ansi, 100, 30)).unwrap();
        }
    }

    fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", "s"];
        args.extend_from_slice(keys);
        self.cmd(&args);
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = Command::new("tmux")
            .args(["-L", &self.socket, "kill-server"])
            .output();
    }
}

fn shell_quote(p: &Path) -> String {
    format!("'{}'", p.display().to_string().replace('\'', "'\\''"))
}

#[test]
fn the_full_screen_ui_reveals_grades_undoes_suspends_and_quits() {
    if !tool_available(
        Tmux::available(),
        "tmux is not installed",
        "the full-screen UI test did not run",
    ) {
        return;
    }
    let home = TempDir::new("tui");
    let deck = write_deck(&home, "t.deck", "Test", 8);
    let tmux = Tmux {
        socket: format!("carnet-e2e-{}", std::process::id()),
    };
    let command = format!(
        "env LANG=fr_FR.UTF-8 CARNET_DATA_DIR={} CARNET_NOW={T0} TZ=UTC TERM=xterm-256color XDG_CONFIG_HOME={} {} --deck {}; echo EXIT=$?; sleep 60",
        shell_quote(&home.join("data")),
        shell_quote(&home.join("config")),
        shell_quote(Path::new(CARNET)),
        shell_quote(&deck)
    );
    tmux.start(&command);
    let screen = tmux.wait_for("Qui présidait le soviet de Bakou en 1918 ?");
    assert!(screen.contains("carnet · Test"), "{screen}");
    assert!(
        screen.contains("Nouvelles 8")
            && screen.contains("Apprentissage 0")
            && screen.contains("À revoir 0"),
        "{screen}"
    );
    assert!(
        !screen.contains("Chahoumian"),
        "the answer is hidden:\n{screen}"
    );
    tmux.screenshot("tui-question");
    tmux.keys(&["3"]);
    tmux.wait_for("Espace pour voir la réponse");
    tmux.keys(&["Space"]);
    let screen = tmux.wait_for("Chahoumian");
    assert!(
        screen.contains("« Phrase source du fait 0 : Chahoumian. »"),
        "{screen}"
    );
    assert!(screen.contains("bakou.txt, ligne 1"), "{screen}");
    tmux.screenshot("tui-answer");
    assert!(
        screen.contains(" 1  Encore 1 min ·  2  Difficile 6 min ·  3  Bien 10 min ·  4  Facile "),
        "{screen}"
    );
    tmux.keys(&["3"]);
    let screen = tmux.wait_for("Enregistré : Bien · revient dans 10 min");
    assert!(
        screen.contains("Quand la Commune de Bakou fut-elle proclamée ?"),
        "{screen}"
    );
    assert!(
        screen.contains("Nouvelles 7") && screen.contains("Apprentissage 1"),
        "{screen}"
    );
    tmux.keys(&["u"]);
    let screen = tmux.wait_for("Dernière note annulée.");
    assert!(
        screen.contains("Qui présidait le soviet de Bakou en 1918 ?"),
        "the undone card is back:\n{screen}"
    );
    tmux.keys(&["Space"]);
    tmux.wait_for("Chahoumian");
    tmux.keys(&["4"]);
    tmux.wait_for("Enregistré : Facile");
    tmux.keys(&["s"]);
    tmux.wait_for("Carte suspendue");
    tmux.keys(&["q"]);
    let screen = tmux.wait_for("EXIT=");
    assert!(screen.contains("EXIT=0"), "{screen}");
    // The summary is wider than the pane: its wrapped rows joined.
    let joined = screen.replace('\n', "");
    assert!(
        joined.contains(
            "bilan : 1 carte notée (dont 1 nouvelle) · Encore 0 · Difficile 0 · Bien 0 · Facile 1 \
             · 1 suspendue · "
        ),
        "{screen}"
    );
    let log = carnet(&home)
        .args(["log", "--deck"])
        .args([&deck])
        .run()
        .ok();
    let kinds: Vec<&str> = log
        .lines()
        .skip(1)
        .map(|l| l.split(' ').next().unwrap())
        .collect();
    assert_eq!(kinds, ["review", "undo", "review", "suspend"], "{log}");
}

#[test]
fn typed_answers_in_the_full_screen_ui() {
    if !tool_available(
        Tmux::available(),
        "tmux is not installed",
        "the typed full-screen UI test did not run",
    ) {
        return;
    }
    let home = TempDir::new("tui-typed");
    let deck = write_deck(&home, "t.deck", "Test", 4);
    let tmux = Tmux {
        socket: format!("carnet-e2e-typed-{}", std::process::id()),
    };
    let command = format!(
        "env LANG=fr_FR.UTF-8 CARNET_DATA_DIR={} CARNET_NOW={T0} TZ=UTC NO_COLOR=1 {} study --type --deck {}; echo EXIT=$?; sleep 60",
        shell_quote(&home.join("data")),
        shell_quote(Path::new(CARNET)),
        shell_quote(&deck)
    );
    tmux.start(&command);
    tmux.wait_for("Votre réponse :");
    tmux.keys(&["-l", "chahoumain"]);
    tmux.wait_for("Votre réponse : chahoumain");
    tmux.keys(&["Enter"]);
    let screen = tmux.wait_for("presque");
    assert!(
        screen.contains("Chahoumian") && screen.contains("Entrée note suggérée"),
        "{screen}"
    );
    tmux.keys(&["Enter"]);
    tmux.wait_for("Enregistré : Difficile");
    tmux.keys(&["Escape"]);
    let screen = tmux.wait_for("EXIT=");
    assert!(
        screen.contains("EXIT=0")
            && screen.contains("bilan : 1 carte notée (dont 1 nouvelle) · Encore 0 · Difficile 1"),
        "{screen}"
    );
}

/// Down to 40×12 the revealed answer and the four grades, each with its name and interval,
/// are on screen; what does not fit scrolls (▼ then ↓ shows the source), nothing is cut.
#[test]
fn the_full_screen_ui_stays_usable_on_small_terminals() {
    if !tool_available(
        Tmux::available(),
        "tmux is not installed",
        "the small-terminal test did not run",
    ) {
        return;
    }
    let home = TempDir::new("tui-small");
    // A long source sentence, as real decks have.
    let deck = home.join("t.deck");
    std::fs::write(&deck, fixture_deck_situated("Test", 8)).unwrap();
    for (width, height) in [(100, 30), (72, 20), (50, 12), (40, 12)] {
        let tmux = Tmux {
            socket: format!("carnet-e2e-small-{width}-{}", std::process::id()),
        };
        let data = home.join(&format!("data-{width}"));
        let command = format!(
            "env LANG=fr_FR.UTF-8 CARNET_DATA_DIR={} CARNET_NOW={T0} TZ=UTC TERM=xterm-256color XDG_CONFIG_HOME={} {} --deck {}; echo EXIT=$?; sleep 60",
            shell_quote(&data),
            shell_quote(&home.join("config")),
            shell_quote(Path::new(CARNET)),
            shell_quote(&deck)
        );
        tmux.start_sized(&command, width, height);
        let screen = tmux.wait_for("Qui présidait le soviet");
        let size = format!("{width}×{height}");
        assert!(
            screen.contains(" 8"),
            "{size}: the new-card count\n{screen}"
        );
        for line in screen.lines() {
            assert!(line.chars().count() <= width as usize, "{size}:\n{screen}");
        }
        tmux.keys(&["Space"]);
        let screen = tmux.wait_for("Chahoumian");
        for (key, names) in [
            ("1", ["Encore", "Enc."]),
            ("2", ["Difficile", "Diff."]),
            ("3", ["Bien", "Bien"]),
            ("4", ["Facile", "Fac."]),
        ] {
            // The key, then its name (in full or cut short), then an interval.
            let labelled = screen.lines().any(|l| {
                names.iter().any(|n| {
                    l.split(&format!(" {key}  {n} "))
                        .nth(1)
                        .is_some_and(|after| after.starts_with(|c: char| c.is_ascii_digit()))
                })
            });
            assert!(labelled, "{size}: grade {key} with its name\n{screen}");
        }
        assert!(screen.contains("q quitter"), "{size}:\n{screen}");
        let source = "bakou.txt, ligne 1";
        if !screen.contains(source) {
            // It did not fit: a marker says there is more, and scrolling shows it.
            assert!(screen.contains("▼"), "{size}: no ▼ marker\n{screen}");
            tmux.keys(&["Down", "Down", "Down", "Down", "Down"]);
            let screen = tmux.wait_for(source);
            assert!(screen.contains("▲"), "{size}: no ▲ marker\n{screen}");
        } else {
            assert!(width > 40, "{size}: expected to scroll\n{screen}");
        }
        tmux.keys(&["3"]);
        // The next card, with its situation line.
        let screen = tmux.wait_for("Quand la Commune");
        assert!(screen.contains("Bakou, 1918"), "{size}:\n{screen}");
        tmux.keys(&["q"]);
        let screen = tmux.wait_for("EXIT=");
        assert!(screen.contains("EXIT=0"), "{size}:\n{screen}");
    }
}

/// In English (`LANG=en_US.UTF-8`), at 100×30 and at 40×12: the counters, the grades with
/// their intervals, the keys, the messages and the summary after the session all in English;
/// the card itself in its own language.
#[test]
fn the_full_screen_ui_in_english() {
    if !tool_available(
        Tmux::available(),
        "tmux is not installed",
        "the English full-screen UI test did not run",
    ) {
        return;
    }
    let home = TempDir::new("tui-en");
    let deck = write_deck(&home, "t.deck", "Test", 8);
    for (width, height) in [(100, 30), (40, 12)] {
        let tmux = Tmux {
            socket: format!("carnet-e2e-en-{width}-{}", std::process::id()),
        };
        let command = format!(
            "env LANG=en_US.UTF-8 CARNET_DATA_DIR={} CARNET_NOW={T0} TZ=UTC TERM=xterm-256color XDG_CONFIG_HOME={} {} --deck {}; echo EXIT=$?; sleep 60",
            shell_quote(&home.join(&format!("data-{width}"))),
            shell_quote(&home.join("config")),
            shell_quote(Path::new(CARNET)),
            shell_quote(&deck)
        );
        let size = format!("{width}×{height}");
        tmux.start_sized(&command, width, height);
        let screen = tmux.wait_for("Qui présidait le soviet");
        assert!(
            screen.contains("New 8") && screen.contains("Due 0"),
            "{size}\n{screen}"
        );
        assert!(screen.contains("space answer"), "{size}\n{screen}");
        tmux.keys(&["3"]);
        tmux.wait_for("Space shows the answer, then 1–4.");
        tmux.keys(&["Space"]);
        let screen = tmux.wait_for("Chahoumian");
        for grade in [
            " 1  Again 1 min",
            " 2  Hard 6 min",
            " 3  Good 10 min",
            " 4  Easy 6 d",
        ] {
            assert!(screen.contains(grade), "{size}: {grade}\n{screen}");
        }
        assert!(screen.contains("q quit"), "{size}\n{screen}");
        tmux.keys(&["3"]);
        tmux.wait_for("Recorded: Good · back in 10 min");
        tmux.keys(&["u"]);
        tmux.wait_for("Last grade undone.");
        tmux.keys(&["s"]);
        tmux.wait_for("Card suspended (u to undo).");
        tmux.keys(&["q"]);
        let screen = tmux.wait_for("EXIT=");
        // Wider than the pane at 40 columns: the wrapped rows joined, spaces aside.
        let joined = screen.replace(['\n', ' '], "");
        assert!(
            joined.contains(
                &"summary: 0 cards graded (0 new) · Again 0 · Hard 0 · Good 0 · Easy 0 · 1 \
                  suspended · "
                    .replace(' ', "")
            ),
            "{size}\n{screen}"
        );
        for french in [
            "Nouvelles",
            "Encore",
            "Bien ",
            "quitter",
            "Enregistré",
            "bilan",
        ] {
            assert!(!screen.contains(french), "{size}: {french}\n{screen}");
        }
    }
}
