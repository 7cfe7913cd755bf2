//! Quizzes: scoring, the questions missed, typed answers, and `--record`.

use std::collections::HashMap;

use crate::support::*;

/// The fixture's answer for each question.
fn answers(home: &TempDir, deck: &std::path::Path) -> HashMap<String, String> {
    cards_json(home, deck)
        .iter()
        .map(|v| {
            (
                v["question"].as_str().unwrap().to_string(),
                v["answer"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn multiple_choice_quiz_scores_and_lists_the_missed() {
    let home = TempDir::new("quiz");
    let deck = write_deck(&home, "t.deck", "Test", 12);
    let answers = answers(&home, &deck);
    // First pass: read the questions and choices of this seed.
    let probe = carnet(&home)
        .args(["quiz", "-n", "6", "--seed", "11", "--deck"])
        .args([&deck])
        .stdin("1\n1\n1\n1\n1\n1\n")
        .run()
        .ok();
    // Build the answers: right for questions 1, 2, 4, 6; wrong for 3 and 5.
    let mut script = String::new();
    let mut question = String::new();
    let mut choices: Vec<String> = Vec::new();
    let mut k = 0;
    for line in probe.lines() {
        if let Some(q) = line.strip_prefix("question ") {
            question = q.split_once(": ").unwrap().1.to_string();
            choices.clear();
        } else if let Some(c) = line.strip_prefix("  ") {
            choices.push(c.split_once(") ").unwrap().1.to_string());
        } else if line.starts_with("choice?") {
            k += 1;
            let right = choices
                .iter()
                .position(|c| *c == answers[&question])
                .unwrap()
                + 1;
            let pick = if k == 3 || k == 5 {
                right % choices.len() + 1
            } else {
                right
            };
            script.push_str(&format!("{pick}\n"));
        }
    }
    assert_eq!(k, 6, "{probe}");
    let out = carnet(&home)
        .args(["quiz", "-n", "6", "--seed", "11", "--deck"])
        .args([&deck])
        .stdin(&script)
        .run()
        .ok();
    assert!(out.contains("score: 4/6 (66%)"), "{out}");
    assert_eq!(lines_starting(&out, "missed: ").len(), 2, "{out}");
    assert_eq!(lines_starting(&out, "right").len(), 4);
    // Without --record, nothing was written.
    assert!(!log_of(&home, "Test").exists());
}

#[test]
fn typed_quiz_with_record_turns_answers_into_reviews() {
    let home = TempDir::new("quiz-typed");
    let deck = write_deck(&home, "t.deck", "Test", 12);
    let answers = answers(&home, &deck);
    let probe = carnet(&home)
        .args(["quiz", "--type", "-n", "3", "--seed", "5", "--deck"])
        .args([&deck])
        .stdin("q\n")
        .run()
        .ok();
    let first_q = lines_starting(&probe, "question 1/3: ")[0]
        .split_once(": ")
        .unwrap()
        .1
        .to_string();
    let right = answers[&first_q].to_uppercase();
    let script = format!("{right}\nn'importe quoi\nq\n");
    let out = carnet(&home)
        .args([
            "quiz", "--type", "--record", "-n", "3", "--seed", "5", "--deck",
        ])
        .args([&deck])
        .stdin(&script)
        .run()
        .ok();
    assert!(out.contains("score: 1/2 (50%)"), "{out}");
    let recorded: Vec<&str> = lines_starting(&out, "recorded ")
        .iter()
        .map(|l| l.split(' ').nth(2).unwrap())
        .collect();
    assert_eq!(recorded, ["3", "1"]);
    let log = carnet(&home)
        .args(["log", "--json", "--deck"])
        .args([&deck])
        .run()
        .ok();
    assert_eq!(log.lines().count(), 2);
}
