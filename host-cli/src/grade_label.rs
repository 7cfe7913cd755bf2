//! The words on the four grade buttons and the intervals they would give, in the interface's
//! language ([`crate::messages`]).

use carnet_engine::{Outcomes, Rating};

use crate::messages::{text, Messages};

/// The name of a grade.
pub fn grade_name(rating: Rating) -> &'static str {
    text().grade_names[rating.index()]
}

/// The short name of a grade, for narrow screens.
pub fn short_grade_name(rating: Rating) -> &'static str {
    text().short_grade_names[rating.index()]
}

/// A wait in short form: `45 s`, `10 min`, `3 h`, `4 j`, `2,5 mois`, `1,2 an` in French;
/// `4 d`, `2.5 mo`, `1.2 y` in English.
pub fn interval_text(secs: i64) -> String {
    interval_in(text(), secs)
}

/// [`interval_text`] in the language of `m`.
pub fn interval_in(m: &Messages, secs: i64) -> String {
    let secs = secs.max(0);
    const DAY: i64 = 86_400;
    if secs < 60 {
        format!("{secs} s")
    } else if secs < 3600 {
        format!("{} min", (secs + 30) / 60)
    } else if secs < DAY {
        format!("{} h", (secs + 1800) / 3600)
    } else if secs < 30 * DAY {
        format!("{} {}", (secs + DAY / 2) / DAY, m.day_unit)
    } else if secs < 365 * DAY {
        let months = secs as f64 / (30.0 * DAY as f64);
        format!("{} {}", decimal(months, m.decimal_separator), m.month_unit)
    } else {
        let years = secs as f64 / (365.0 * DAY as f64);
        let unit = if years >= 1.95 {
            m.years_unit
        } else {
            m.year_unit
        };
        format!("{} {unit}", decimal(years, m.decimal_separator))
    }
}

/// One decimal with `separator`, without a trailing `,0`.
fn decimal(x: f64, separator: char) -> String {
    let tenths = (x * 10.0).round() as i64;
    if tenths % 10 == 0 {
        format!("{}", tenths / 10)
    } else {
        format!("{}{separator}{}", tenths / 10, tenths % 10)
    }
}

/// `Encore 10 min · Difficile 2 j · Bien 4 j · Facile 9 j`; with `numbered`, each is
/// preceded by its key.
pub fn grade_bar(outcomes: &Outcomes, numbered: bool) -> String {
    grade_bar_in(text(), outcomes, numbered)
}

/// [`grade_bar`] in the language of `m`.
pub fn grade_bar_in(m: &Messages, outcomes: &Outcomes, numbered: bool) -> String {
    Rating::ALL
        .iter()
        .map(|&r| {
            let text = format!(
                "{} {}",
                m.grade_names[r.index()],
                interval_in(m, outcomes.wait_secs(r))
            );
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
    use crate::messages::{ENGLISH, FRENCH};
    use carnet_engine::{CardState, Scheduler, SchedulerConfig, SeededFuzz};

    fn interval_text(secs: i64) -> String {
        interval_in(&FRENCH, secs)
    }

    #[test]
    fn intervals_read_in_english() {
        assert_eq!(interval_in(&ENGLISH, 600), "10 min");
        assert_eq!(interval_in(&ENGLISH, 2 * 86_400), "2 d");
        assert_eq!(interval_in(&ENGLISH, 75 * 86_400), "2.5 mo");
        assert_eq!(interval_in(&ENGLISH, 3 * 365 * 86_400), "3 y");
    }

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
            grade_bar_in(&FRENCH, &out, false),
            "Encore 1 min · Difficile 6 min · Bien 10 min · Facile 8 j"
        );
        assert_eq!(
            grade_bar_in(&ENGLISH, &out, true),
            "1 Again 1 min · 2 Hard 6 min · 3 Good 10 min · 4 Easy 8 d"
        );
    }
}
