//! The words on the four grade buttons and the intervals they would give.

use carnet_engine::{Outcomes, Rating};

/// The grades' names, in button order (the deck's language is French).
pub const GRADE_NAMES: [&str; 4] = ["Encore", "Difficile", "Bien", "Facile"];

/// The grades' names cut short, for narrow screens.
pub const SHORT_GRADE_NAMES: [&str; 4] = ["Enc.", "Diff.", "Bien", "Fac."];

/// The name of a grade.
pub fn grade_name(rating: Rating) -> &'static str {
    GRADE_NAMES[rating.index()]
}

/// A wait in French short form: `45 s`, `10 min`, `3 h`, `4 j`, `2,5 mois`, `1,2 an`.
pub fn interval_text(secs: i64) -> String {
    let secs = secs.max(0);
    const DAY: i64 = 86_400;
    if secs < 60 {
        format!("{secs} s")
    } else if secs < 3600 {
        format!("{} min", (secs + 30) / 60)
    } else if secs < DAY {
        format!("{} h", (secs + 1800) / 3600)
    } else if secs < 30 * DAY {
        format!("{} j", (secs + DAY / 2) / DAY)
    } else if secs < 365 * DAY {
        format!("{} mois", decimal_fr(secs as f64 / (30.0 * DAY as f64)))
    } else {
        let years = secs as f64 / (365.0 * DAY as f64);
        let unit = if years >= 1.95 { "ans" } else { "an" };
        format!("{} {unit}", decimal_fr(years))
    }
}

/// One decimal with a French decimal comma, without a trailing `,0`.
fn decimal_fr(x: f64) -> String {
    let tenths = (x * 10.0).round() as i64;
    if tenths % 10 == 0 {
        format!("{}", tenths / 10)
    } else {
        format!("{},{}", tenths / 10, tenths % 10)
    }
}

/// `Encore 10 min · Difficile 2 j · Bien 4 j · Facile 9 j`; with `numbered`, each is
/// preceded by its key.
pub fn grade_bar(outcomes: &Outcomes, numbered: bool) -> String {
    Rating::ALL
        .iter()
        .map(|&r| {
            let text = format!("{} {}", grade_name(r), interval_text(outcomes.wait_secs(r)));
            if numbered {
                format!("{} {text}", r.as_u8())
            } else {
                text
            }
        })
        .collect::<Vec<_>>()
        .join(" · ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use carnet_engine::{CardState, Scheduler, SchedulerConfig, SeededFuzz};

    #[test]
    fn intervals_read_as_a_french_learner_expects() {
        assert_eq!(interval_text(42), "42 s");
        assert_eq!(interval_text(600), "10 min");
        assert_eq!(interval_text(330), "6 min");
        assert_eq!(interval_text(5 * 3600), "5 h");
        assert_eq!(interval_text(2 * 86_400), "2 j");
        assert_eq!(interval_text(75 * 86_400), "2,5 mois");
        assert_eq!(interval_text(365 * 86_400), "1 an");
        assert_eq!(interval_text(3 * 365 * 86_400), "3 ans");
    }

    #[test]
    fn a_new_card_shows_its_learning_steps() {
        let s = Scheduler::new(SchedulerConfig {
            fuzz: false,
            ..SchedulerConfig::default()
        })
        .unwrap();
        let out = s.outcomes(
            &CardState::NEW,
            1_700_000_000,
            0,
            &mut SeededFuzz::from_seed(1),
        );
        assert_eq!(
            grade_bar(&out, false),
            "Encore 1 min · Difficile 6 min · Bien 10 min · Facile 8 j"
        );
    }
}
