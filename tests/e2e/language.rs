//! One interface language at a time: French or English, from the locale (`LC_ALL`,
//! `LC_MESSAGES`, `LANG`), overridden by the configuration file's `language`, then by
//! `CARNET_LANG` and `--lang`. The deck's cards keep their own language.

use crate::support::*;

/// Words that would give away English in a French screen.
const ENGLISH_WORDS: &[&str] = &[
    "Again",
    "Hard",
    "Good",
    "Easy",
    "cards",
    "review",
    "Reviews",
    "retention",
    "Due ",
    "Stability",
    "learning",
    "suspended",
    "answer",
    "grades",
    "keys",
    "quit",
    "saved",
    "tomorrow",
    "done:",
    "next in",
    "error",
    "cannot",
];

/// Words that would give away French in an English screen.
const FRENCH_WORDS: &[&str] = &[
    "Encore",
    "Difficile",
    "Bien",
    "Facile",
    "cartes",
    "révision",
    "Rétention",
    "revoir",
    "Stabilité",
    "apprentissage",
    "suspendues",
    "réponse",
    "notes",
    "touches",
    "quitter",
    "enregistré",
    "demain",
    "revient",
    "erreur",
    "impossible",
    " j\n",
    " : ",
];

/// None of `words` in `text` as a whole word (`quit` is not in `quitter`).
fn none_of(text: &str, words: &[&str]) {
    let letter = |c: Option<char>| c.is_some_and(char::is_alphabetic);
    for w in words {
        for (at, _) in text.match_indices(w) {
            let before = text[..at].chars().next_back();
            let after = text[at + w.len()..].chars().next();
            let edge_ok =
                |c: Option<char>, word_edge: Option<char>| !letter(word_edge) || !letter(c);
            assert!(
                !(edge_ok(before, w.chars().next()) && edge_ok(after, w.chars().next_back())),
                "{w:?} in:\n{text}"
            );
        }
    }
}

/// The lines of a line-mode session meant for people: the records for scripts (`card …`,
/// `summary: k=v`, and `recorded <id> <grade> <time>` up to the grade's name) left out.
fn human_lines(out: &str) -> String {
    out.lines()
        .filter(|l| !l.starts_with("card ") && !l.starts_with("summary: "))
        .map(|l| match l.strip_prefix("recorded ") {
            Some(rest) => rest.splitn(4, ' ').nth(3).unwrap_or("").to_string(),
            None => l.to_string(),
        })
        .collect::<Vec<_>>()
        .join("\n")
        + "\n"
}

/// Studies one card (Good) and then one more (Again) in line mode, with `env` set.
fn session(home: &TempDir, deck: &std::path::Path, env: &[(&str, &str)]) -> String {
    let mut run = carnet(home)
        .args(["--deck"])
        .args([deck])
        .stdin("show\n3\nshow\n1\nx\nu\nu\nu\nq\n");
    for (k, v) in env {
        run = run.env(k, v);
    }
    run.run().ok()
}

#[test]
fn the_line_mode_session_speaks_the_locale_s_language() {
    let home = TempDir::new("lang-line");
    let deck = write_deck(&home, "t.deck", "Test", 8);
    let fr = session(&home, &deck, &[("LANG", "fr_FR.UTF-8")]);
    assert!(
        fr.starts_with("paquet : Test (8 cartes) · journal : "),
        "{fr}"
    );
    assert!(fr.contains("\nréponse : Chahoumian\n"), "{fr}");
    assert!(
        fr.contains(
            "\nnotes : 1 Encore 1 min · 2 Difficile 6 min · 3 Bien 10 min · 4 Facile 6 j\n"
        ),
        "{fr}"
    );
    assert!(fr.contains(" Bien · revient dans 10 min\n"), "{fr}");
    assert!(
        fr.contains("\n? commande inconnue \"x\" : show, 1-4, u, s, q\n"),
        "{fr}"
    );
    assert!(
        fr.contains("\n? rien à annuler dans cette séance\n"),
        "{fr}"
    );
    assert!(fr.contains("\nfin : tout est enregistré\n"), "{fr}");
    // The records for scripts are the same in every language.
    assert!(fr.contains("\nsummary: reviewed=0 "), "{fr}");
    assert_eq!(lines_starting(&fr, "undone ").len(), 2, "{fr}");
    none_of(&human_lines(&fr), ENGLISH_WORDS);
    // The card's own words stay French whatever the interface's language.
    let en = session(&home, &deck, &[("LANG", "en_US.UTF-8")]);
    assert!(en.starts_with("deck: Test (8 cards) · log: "), "{en}");
    assert!(
        en.contains("\nquestion: Qui présidait le soviet de Bakou en 1918 ?\n"),
        "{en}"
    );
    assert!(
        en.contains("\ngrades: 1 Again 1 min · 2 Hard 6 min · 3 Good 10 min · 4 Easy 6 d\n"),
        "{en}"
    );
    assert!(en.contains(" Good · next in 10 min\n"), "{en}");
    let en_human = human_lines(&en)
        .replace("Qui présidait le soviet de Bakou en 1918 ?", "")
        .replace("Quand la Commune de Bakou fut-elle proclamée ?", "");
    let en_human: String = en_human
        .lines()
        .filter(|l| !l.starts_with("source: "))
        .map(|l| format!("{l}\n"))
        .collect();
    none_of(&en_human, FRENCH_WORDS);
}

#[test]
fn the_locale_is_read_in_posix_order() {
    let home = TempDir::new("lang-posix");
    let deck = write_deck(&home, "t.deck", "Test", 8);
    let stats = |env: &[(&str, &str)]| {
        let mut run = carnet(&home).args(["stats", "--deck"]).args([&deck]);
        for (k, v) in env {
            run = run.env(k, v);
        }
        run.run().ok()
    };
    let french = "Cartes par état";
    // LC_ALL first, then LC_MESSAGES, then LANG; an empty one is skipped.
    assert!(stats(&[("LC_ALL", "fr_FR.UTF-8")]).contains(french));
    assert!(stats(&[("LC_MESSAGES", "fr_CA.UTF-8")]).contains(french));
    assert!(!stats(&[("LC_ALL", "C"), ("LC_MESSAGES", "fr_FR.UTF-8")]).contains(french));
    assert!(stats(&[("LC_ALL", ""), ("LANG", "fr_BE.UTF-8")]).contains(french));
    assert!(!stats(&[("LANG", "de_DE.UTF-8")]).contains(french));
}

#[test]
fn stats_are_in_one_language_with_its_plurals() {
    let home = TempDir::new("lang-stats");
    let deck = write_deck(&home, "t.deck", "Test", 8);
    let stats = |lang: &str| {
        carnet(&home)
            .args(["stats", "--deck"])
            .args([&deck])
            .env("LANG", lang)
            .run()
            .ok()
    };
    // No review yet: « 0 révision », « 0 reviews ».
    assert!(stats("fr_FR.UTF-8").starts_with("Test · 8 cartes · 0 révision\n"));
    assert!(stats("en_US.UTF-8").starts_with("Test · 8 cards · 0 reviews\n"));
    carnet(&home)
        .args(["--deck"])
        .args([&deck])
        .stdin("4\nq\n")
        .run()
        .ok();
    let fr = stats("fr_FR.UTF-8");
    assert!(fr.starts_with("Test · 8 cartes · 1 révision\n"), "{fr}");
    for heading in [
        "Cartes par état",
        "Révisions par jour, 30 derniers jours (1 en tout)",
        "Rétention réelle",
        "À revoir dans les 30 jours",
        "Stabilité des cartes acquises",
        "7–14 j │",
        "nouvelles │",
    ] {
        assert!(fr.contains(heading), "{heading}: {fr}");
    }
    none_of(&fr.replace("Test", ""), ENGLISH_WORDS);
    let en = stats("en_US.UTF-8");
    assert!(en.starts_with("Test · 8 cards · 1 review\n"), "{en}");
    for heading in [
        "Cards by state",
        "Reviews per day, last 30 days (1 in all)",
        "True retention",
        "Due in the next 30 days",
        "Stability of graduated cards",
        "7–14 d │",
    ] {
        assert!(en.contains(heading), "{heading}: {en}");
    }
    none_of(&en, FRENCH_WORDS);
    // Two reviews: plural in both.
    carnet(&home)
        .args(["--deck"])
        .args([&deck])
        .stdin("4\nq\n")
        .run()
        .ok();
    assert!(stats("fr_FR.UTF-8").starts_with("Test · 8 cartes · 2 révisions\n"));
    assert!(stats("en_US.UTF-8").starts_with("Test · 8 cards · 2 reviews\n"));
}

#[test]
fn error_messages_are_in_the_chosen_language() {
    let home = TempDir::new("lang-error");
    let fr = carnet(&home)
        .args(["stats", "--deck", "/nonexistent/x.deck"])
        .env("LANG", "fr_FR.UTF-8")
        .run()
        .input_error();
    assert_eq!(
        fr.trim_end(),
        "carnet : erreur : impossible de lire le paquet /nonexistent/x.deck : fichier ou \
         dossier introuvable"
    );
    let en = carnet(&home)
        .args(["stats", "--deck", "/nonexistent/x.deck"])
        .env("LANG", "fr_FR.UTF-8")
        .args(["--lang", "en"])
        .run()
        .input_error();
    assert_eq!(
        en.trim_end(),
        "carnet: error: cannot read deck /nonexistent/x.deck: No such file or directory"
    );
    // A deck with no card left to ask, in French.
    let deck = write_deck(&home, "t.deck", "Test", 1);
    carnet(&home)
        .args(["--deck"])
        .args([&deck])
        .stdin("s\nq\n")
        .run()
        .ok();
    let err = carnet(&home)
        .args(["quiz", "--deck"])
        .args([&deck])
        .env("LC_ALL", "fr_FR.UTF-8")
        .run()
        .input_error();
    assert!(err.starts_with("carnet : erreur : "), "{err}");
    assert!(err.contains("n'a aucune carte à demander"), "{err}");
}

#[test]
fn the_setting_overrides_the_locale_and_the_flag_overrides_the_setting() {
    let home = TempDir::new("lang-setting");
    let deck = write_deck(&home, "t.deck", "Test", 8);
    let config = home.join("config.toml");
    std::fs::write(&config, "language = \"en\"\n").unwrap();
    let stats = |extra: &[&str], env: &[(&str, &str)]| {
        let mut run = carnet(&home)
            .args(["stats", "--config"])
            .args([&config])
            .args(["--deck"])
            .args([&deck])
            .args(extra)
            .env("LANG", "fr_FR.UTF-8");
        for (k, v) in env {
            run = run.env(k, v);
        }
        run.run().ok()
    };
    assert!(stats(&[], &[]).contains("Cards by state"));
    std::fs::write(&config, "language = \"fr\"\n").unwrap();
    let fr = stats(&[], &[("LANG", "en_US.UTF-8")]);
    assert!(fr.contains("Cartes par état"), "{fr}");
    assert!(stats(&["--lang", "en"], &[]).contains("Cards by state"));
    assert!(stats(&[], &[("CARNET_LANG", "en")]).contains("Cards by state"));
    // `carnet config` shows it; `config init` writes it, commented, at the default in force.
    let shown = carnet(&home)
        .args(["config", "--config"])
        .args([&config])
        .run()
        .ok();
    assert!(shown.contains("\nlanguage = \"fr\"\n"), "{shown}");
    let fresh = home.join("fresh.toml");
    carnet(&home)
        .args(["config", "init", "--config"])
        .args([&fresh])
        .env("LANG", "fr_FR.UTF-8")
        .run()
        .ok();
    let written = std::fs::read_to_string(&fresh).unwrap();
    assert!(written.contains("\n# language = \"fr\"\n"), "{written}");
    // A language carnet does not speak is refused, naming the file.
    std::fs::write(&config, "language = \"de\"\n").unwrap();
    let err = carnet(&home)
        .args(["stats", "--config"])
        .args([&config])
        .args(["--deck"])
        .args([&deck])
        .run()
        .input_error();
    assert!(
        err.contains("`language` in") && err.contains("\"de\"") && err.contains("\"fr\" or \"en\""),
        "{err}"
    );
    // A bad --lang is clap's usage error.
    let bad = carnet(&home).args(["--lang", "de", "stats"]).run();
    assert_eq!(bad.code(), 2);
}

#[test]
fn quiz_speaks_the_chosen_language() {
    let home = TempDir::new("lang-quiz");
    let deck = write_deck(&home, "t.deck", "Test", 8);
    let fr = carnet(&home)
        .args([
            "quiz", "-n", "1", "--seed", "7", "--type", "--lang", "fr", "--deck",
        ])
        .args([&deck])
        .stdin("je ne sais pas\n")
        .run()
        .ok();
    assert!(
        fr.starts_with("quiz : 1 question (réponse tapée) sur Test · graine 7\n"),
        "{fr}"
    );
    assert!(fr.contains("\nréponse ? (q pour arrêter)\n"), "{fr}");
    assert!(fr.contains("\nfaux — la réponse est "), "{fr}");
    assert!(fr.contains("\nscore : 0/1 (0 %)\n"), "{fr}");
    assert!(fr.contains("\nmanquée : "), "{fr}");
    let en = carnet(&home)
        .args(["quiz", "-n", "2", "--seed", "7", "--lang", "en", "--deck"])
        .args([&deck])
        .stdin("q\n")
        .run()
        .ok();
    assert!(
        en.starts_with("quiz: 2 questions (multiple choice) from Test · seed 7\n"),
        "{en}"
    );
    assert!(en.contains("\nchoice? (1-3, q to stop)\n"), "{en}");
}

/// `carnet sync` carries the language to the handheld in `SETTINGS.TXT`.
#[test]
fn sync_carries_the_language_to_the_handheld() {
    let home = TempDir::new("lang-sync");
    let deck = write_deck(&home, "t.deck", "Test", 8);
    let card = home.join("card");
    std::fs::create_dir_all(&card).unwrap();
    let out = carnet(&home)
        .args(["sync"])
        .args([&card])
        .args(["--deck"])
        .args([&deck])
        .env("LANG", "fr_FR.UTF-8")
        .run()
        .ok();
    let text = std::fs::read_to_string(card.join("SETTINGS.TXT")).unwrap();
    assert!(text.contains("\nlanguage=fr\n"), "{text}\n{out}");
    let (device, _) = carnet_handheld::settings_file::parse(
        text.as_bytes(),
        &carnet_handheld::Settings::default(),
    );
    assert_eq!(device.language, carnet_handheld::Language::French);
    sync_card(&home, &card, &deck, &["--lang", "en"]).ok();
    let text = std::fs::read_to_string(card.join("SETTINGS.TXT")).unwrap();
    assert!(text.contains("\nlanguage=en\n"), "{text}");
    let (device, _) = carnet_handheld::settings_file::parse(
        text.as_bytes(),
        &carnet_handheld::Settings::default(),
    );
    assert_eq!(device.language, carnet_handheld::Language::English);
}

/// `cards`, `suspend`, `sync` and `optimize` in French: their sentences and labels, plurals
/// right, no English left.
#[test]
fn cards_sync_and_optimize_in_french() {
    let home = TempDir::new("lang-commands");
    let deck = write_deck(&home, "t.deck", "Test", 8);
    let fr = |args: &[&str]| {
        carnet(&home)
            .args(args)
            .args(["--deck"])
            .args([&deck])
            .env("LANG", "fr_FR.UTF-8")
            .run()
            .ok()
    };
    let list = fr(&["cards"]);
    assert!(list.ends_with("8 cartes dans Test\n"), "{list}");
    let found = fr(&["cards", "--search", "Kérenski"]);
    assert!(
        found.ends_with("1 carte trouvée sur 8 dans Test\n"),
        "{found}"
    );
    let id = list.split_whitespace().next().unwrap().to_string();
    let shown = fr(&["cards", "--show", &id]);
    assert!(
        shown.contains("réponse :   Chahoumian\n")
            && shown.contains("état :      nouvelle, 0 révision"),
        "{shown}"
    );
    none_of(
        &shown.replace("Qui présidait le soviet de Bakou en 1918 ?", ""),
        ENGLISH_WORDS,
    );
    let browse = fr(&["cards", "--browse"]);
    assert!(browse.starts_with("id  "), "{browse}");
    assert!(
        browse.contains("état") && browse.ends_with("8 sur 8 cartes dans Test\n"),
        "{browse}"
    );
    assert!(fr(&["suspend", &id]).starts_with("suspended "));
    let again = fr(&["suspend", &id]);
    assert!(again.ends_with("1 carte déjà suspendue\n"), "{again}");

    let card = home.join("card");
    std::fs::create_dir_all(&card).unwrap();
    let sync = fr(&["sync", card.to_str().unwrap()]);
    assert!(
        sync.starts_with("fusionné : 0 nouvel enregistrement de ")
            && sync.contains("(0 révision ; 0 déjà connu)")
            && sync.contains("(« Test »)"),
        "{sync}"
    );
    assert!(
        sync.contains("DECK.BIN (8 cartes, « Test »), REVIEWS.LOG ("),
        "{sync}"
    );
    none_of(&sync, ENGLISH_WORDS);

    let err = carnet(&home)
        .args(["optimize", "--deck"])
        .args([&deck])
        .env("LANG", "fr_FR.UTF-8")
        .run()
        .input_error();
    assert!(err.contains("aucune révision pour l'entraînement"), "{err}");
    none_of(&err, ENGLISH_WORDS);
}
