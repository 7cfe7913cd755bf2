//! The command line itself: help, version, completions, usage errors, configuration.

use crate::support::*;

/// The scheduling options are listed by the commands that schedule, not by the others
/// (which still accept them, after the command as before it).
#[test]
fn scheduling_options_show_where_they_matter() {
    let home = TempDir::new("cli-scheduling");
    for command in ["study", "quiz", "stats", "cards", "sync", "config"] {
        let help = carnet(&home).args([command, "--help"]).run().ok();
        assert!(help.contains("--retention <R>"), "{command}:\n{help}");
    }
    for command in [
        "generate",
        "import",
        "export",
        "log",
        "suspend",
        "completions",
    ] {
        let help = carnet(&home).args([command, "--help"]).run().ok();
        assert!(
            !help.contains("--retention") && !help.contains("Scheduling"),
            "{command}:\n{help}"
        );
    }
    let deck = home.join("g.deck");
    let corpus = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../cards/corpus");
    for args in [
        ["generate", "--retention", "0.8"],
        ["--retention", "0.8", "generate"],
    ] {
        carnet(&home)
            .args(args)
            .args([&corpus])
            .args(["-o"])
            .args([&deck])
            .run()
            .ok();
    }
    let err = carnet(&home)
        .args(["generate", "--retention", "x", "-o"])
        .args([&deck])
        .args([&corpus])
        .run()
        .input_error();
    assert!(err.contains("invalid value 'x' for '--retention"), "{err}");
}

#[test]
fn help_version_and_completions() {
    let home = TempDir::new("cli");
    let help = carnet(&home).args(["--help"]).run().ok();
    for command in [
        "study",
        "quiz",
        "stats",
        "memory",
        "cards",
        "generate",
        "export",
        "import",
        "completions",
    ] {
        assert!(help.contains(&format!("  {command}")), "{command}:\n{help}");
    }
    let version = carnet(&home).args(["--version"]).run().ok();
    assert_eq!(
        version.trim(),
        format!("carnet {}", env!("CARGO_PKG_VERSION"))
    );
    let bash = carnet(&home).args(["completions", "bash"]).run().ok();
    assert!(
        bash.contains("_carnet()"),
        "{}",
        &bash[..200.min(bash.len())]
    );
    let err = carnet(&home).args(["frobnicate"]).run().input_error();
    assert!(
        err.contains("unrecognized subcommand 'frobnicate'"),
        "{err}"
    );
}

#[test]
fn configuration_file_sets_limits_and_flags_override_it() {
    let home = TempDir::new("config");
    let deck = write_deck(&home, "t.deck", "Test", 30);
    std::fs::create_dir_all(home.join("config/carnet")).unwrap();
    std::fs::write(
        home.join("config/carnet/config.toml"),
        "new_per_day = 5\nlearning_steps = [\"2m\", \"15m\"]\ndesired_retention = 0.85\n",
    )
    .unwrap();
    let shown = carnet(&home).args(["config"]).run().ok();
    assert!(
        shown.contains("new_per_day = 5") && shown.contains("learning_steps = [\"2m\", \"15m\"]"),
        "{shown}"
    );
    let out = carnet(&home)
        .args(["--deck"])
        .args([&deck])
        .stdin("show\nq\n")
        .run()
        .ok();
    assert!(out.contains("new=5 "), "{out}");
    assert!(
        out.contains("grades: 1 Again 2 min · 2 Hard 9 min · 3 Good 15 min"),
        "{out}"
    );
    let out = carnet(&home)
        .args(["--new-per-day", "7", "--deck"])
        .args([&deck])
        .stdin("q\n")
        .run()
        .ok();
    assert!(out.contains("new=7 "), "{out}");
}

/// A configuration file named (by `--config` or `CARNET_CONFIG`) but not made yet is no error:
/// the defaults apply, and `carnet config init` writes it with every setting commented.
#[test]
fn a_configuration_file_not_made_yet_and_config_init() {
    let home = TempDir::new("config-init");
    let path = home.join("conf/carnet.toml");
    let shown = carnet(&home)
        .env("CARNET_CONFIG", &path)
        .args(["config"])
        .run()
        .ok();
    assert!(shown.contains("desired_retention = 0.9"), "{shown}");
    carnet(&home)
        .env("CARNET_CONFIG", &path)
        .args(["stats", "--json"])
        .run()
        .ok();
    let wrote = carnet(&home)
        .args(["config", "init", "--config"])
        .args([&path])
        .run()
        .ok();
    assert!(wrote.contains("wrote"), "{wrote}");
    let text = std::fs::read_to_string(&path).unwrap();
    for key in [
        "# desired_retention = 0.9",
        "# new_per_day = 20",
        "# learning_steps = [\"1m\", \"10m\"]",
        "# fuzz = true",
    ] {
        assert!(text.contains(key), "{key} missing:\n{text}");
    }
    // The written file reads, and gives the defaults.
    let shown = carnet(&home)
        .args(["config", "--config"])
        .args([&path])
        .run()
        .ok();
    assert!(shown.contains("new_per_day = 20"), "{shown}");
    let again = carnet(&home)
        .args(["config", "init", "--config"])
        .args([&path])
        .run()
        .input_error();
    assert!(again.contains("already exists"), "{again}");
}

#[test]
fn nonsense_counts_and_steps_are_refused() {
    let home = TempDir::new("nonsense");
    let deck = write_deck(&home, "t.deck", "Test", 5);
    let err = carnet(&home)
        .args(["quiz", "-n", "0", "--deck"])
        .args([&deck])
        .run()
        .input_error();
    assert!(err.contains("0"), "{err}");
    let err = carnet(&home)
        .args(["--learning-steps", "1m,,10m", "--deck"])
        .args([&deck])
        .stdin("q\n")
        .run()
        .input_error();
    assert!(err.contains("step \"\" is not a duration"), "{err}");
}

/// `carnet log` shows times a person reads (local date and time), not milliseconds.
#[test]
fn the_log_shows_readable_times() {
    let home = TempDir::new("log-times");
    let deck = write_deck(&home, "t.deck", "Test", 5);
    carnet(&home)
        .args(["--deck"])
        .args([&deck])
        .stdin("3\nq\n")
        .run()
        .ok();
    let log = carnet(&home)
        .args(["log", "--deck"])
        .args([&deck])
        .run()
        .ok();
    let review = log.lines().find(|l| l.starts_with("review ")).unwrap();
    assert!(review.contains(" 2024-03-29 08:00:00 "), "{review}");
}
