//! The command line itself: help, version, completions, usage errors, configuration.

use crate::support::*;

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
        out.contains("grades: 1 Encore 2 min · 2 Difficile 9 min · 3 Bien 15 min"),
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
