//! Statistics: counts, reviews per day, retention, forecast, stability; text, JSON and SVG.

use crate::support::*;

#[test]
fn stats_after_two_days_of_study() {
    let home = TempDir::new("stats");
    let deck = write_deck(&home, "t.deck", "Test", 30);
    carnet(&home)
        .args(["--deck"])
        .args([&deck])
        .stdin("4\n4\n3\n1\n4\nq\n")
        .run()
        .ok();
    // Two weeks later: the two cards still learning come first, then the three Easy cards,
    // now due: recall two, forget one. No new cards, so the order is known.
    let later = carnet(&home)
        .args(["--new-per-day", "0", "--deck"])
        .args([&deck])
        .env("CARNET_NOW", "2024-04-12T09:00:00Z")
        .stdin("3\n3\n3\n1\n3\nq\n")
        .run()
        .ok();
    assert!(
        lines_starting(&later, "card ")[0].contains("new=0 learning=2 due=3"),
        "{later}"
    );
    assert_eq!(lines_starting(&later, "recorded ").len(), 5, "{later}");
    let json = carnet(&home)
        .args(["stats", "--json", "--deck"])
        .args([&deck])
        .env("CARNET_NOW", "2024-04-12T10:00:00Z")
        .run()
        .ok();
    let s: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(s["cards"], 30);
    assert_eq!(s["total_reviews"], 10);
    let days = s["reviews_per_day"].as_array().unwrap();
    assert_eq!(days.len(), 30);
    assert_eq!(days[29]["date"], "2024-04-12");
    assert_eq!(days[29]["count"], 5);
    assert_eq!(s["retention"]["passed"], 2);
    assert_eq!(s["retention"]["failed"], 1);
    let r = s["retention"]["last_30_days"].as_f64().unwrap();
    assert!((r - 2.0 / 3.0).abs() < 1e-9);
    assert_eq!(s["states"]["new"], 25);
    assert_eq!(s["forecast"].as_array().unwrap().len(), 30);
    let stable: u64 = s["stability"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["cards"].as_u64().unwrap())
        .sum();
    assert_eq!(stable, s["states"]["review"].as_u64().unwrap());

    let plots = home.join("plots");
    let text = carnet(&home)
        .args(["stats", "--plot"])
        .args([&plots])
        .args(["--deck"])
        .args([&deck])
        .env("CARNET_NOW", "2024-04-12T10:00:00Z")
        .run()
        .ok();
    for title in [
        "Cards by state",
        "Reviews per day",
        "True retention",
        "Due in the next 30 days",
        "Stability of graduated cards",
    ] {
        assert!(text.contains(title), "{title}:\n{text}");
    }
    assert!(text.contains("last 30 days: 66.7 % (2 of 3)"), "{text}");
    assert!(
        !text.contains('\x1b'),
        "no colour when stdout is not a terminal"
    );
    for name in [
        "reviews-per-day.svg",
        "forecast.svg",
        "stability.svg",
        "states.svg",
    ] {
        let svg = std::fs::read_to_string(plots.join(name)).unwrap();
        assert!(
            svg.starts_with("<svg") && svg.trim_end().ends_with("</svg>"),
            "{name}"
        );
    }
}
