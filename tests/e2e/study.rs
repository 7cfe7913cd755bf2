//! Line-mode study sessions: grading, undo, suspend, quit and resume.

use crate::support::*;

#[test]
fn a_line_mode_session_grades_and_saves_every_card() {
    let home = TempDir::new("session");
    let deck = write_deck(&home, "t.deck", "Test", 12);
    let mut script = String::new();
    for i in 0..12 {
        script.push_str("show\n");
        script.push_str(["3\n", "4\n", "1\n", "2\n"][i % 4]);
    }
    let out = carnet(&home)
        .args(["--deck"])
        .args([&deck])
        .args(["study"])
        .stdin(&script)
        .run()
        .ok();
    println!("{out}");
    assert_eq!(lines_starting(&out, "recorded ").len(), 12, "{out}");
}
