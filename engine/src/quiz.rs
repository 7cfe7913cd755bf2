//! Multiple-choice questions with distractors of the same kind as the answer.

use rand_core::Rng;

use crate::answer::{check_answer, AnswerMatch};
use crate::card::Card;

/// A question with up to four choices, one of them right.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MultipleChoice<'a> {
    /// The question.
    pub prompt: &'a str,
    choices: [&'a str; 4],
    len: u8,
    correct: u8,
}

impl<'a> MultipleChoice<'a> {
    /// The choices, in the order shown.
    pub fn choices(&self) -> &[&'a str] {
        &self.choices[..self.len as usize]
    }

    /// Index of the right choice in [`MultipleChoice::choices`].
    pub fn correct(&self) -> usize {
        self.correct as usize
    }

    /// Whether choice `index` is the right one.
    pub fn is_correct(&self, index: usize) -> bool {
        index == self.correct as usize
    }
}

/// Draws an index in `0..n` (n > 0) without modulo bias worth worrying about for small `n`.
fn below<R: Rng + ?Sized>(rng: &mut R, n: usize) -> usize {
    ((rng.next_u32() as u64 * n as u64) >> 32) as usize
}

/// Builds a multiple-choice question for `card`.
///
/// Distractors are the card's own (written by the deck generator) first, then answers of other
/// cards from `pool` of the same [`crate::AnswerKind`], picked uniformly (reservoir sampling,
/// one pass, no allocation). A distractor that reads like the answer (same letters once case,
/// accents and punctuation are folded) or like another distractor is skipped. The choices are
/// shuffled with `rng`. With too few candidates the question has fewer than four choices.
pub fn multiple_choice<'a, I, R>(card: &Card<'a>, pool: I, rng: &mut R) -> MultipleChoice<'a>
where
    I: IntoIterator<Item = Card<'a>>,
    R: Rng + ?Sized,
{
    let mut picked: [&'a str; 3] = [""; 3];
    let mut n = 0usize;
    let distinct = |candidate: &str, picked: &[&str]| {
        !candidate.is_empty()
            && check_answer(card.answer, candidate) != AnswerMatch::Correct
            && picked
                .iter()
                .all(|p| check_answer(p, candidate) != AnswerMatch::Correct)
    };
    for d in card.distractors() {
        if n < 3 && distinct(d, &picked[..n]) {
            picked[n] = d;
            n += 1;
        }
    }
    if n < 3 {
        let own = n;
        let mut seen = 0usize;
        for other in pool {
            if other.id == card.id || other.answer_kind != card.answer_kind {
                continue;
            }
            let candidate = other.answer;
            if !distinct(candidate, &picked[..n]) {
                continue;
            }
            seen += 1;
            if n < 3 {
                picked[n] = candidate;
                n += 1;
            } else {
                // Reservoir sampling over the slots not taken by the card's own distractors.
                let slot = below(rng, seen);
                if slot < 3 - own && distinct(candidate, &picked[..]) {
                    picked[own + slot] = candidate;
                }
            }
        }
    }
    let mut choices = [""; 4];
    choices[0] = card.answer;
    choices[1..=n].copy_from_slice(&picked[..n]);
    let len = n + 1;
    // Fisher–Yates.
    let mut correct = 0usize;
    for i in (1..len).rev() {
        let j = below(rng, i + 1);
        choices.swap(i, j);
        if correct == i {
            correct = j;
        } else if correct == j {
            correct = i;
        }
    }
    MultipleChoice {
        prompt: card.prompt,
        choices,
        len: len as u8,
        correct: correct as u8,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::card::{AnswerKind, CardId, CardKind, Source};
    use crate::fuzz::SeededFuzz;

    fn card(id: u64, answer: &'static str, kind: AnswerKind) -> Card<'static> {
        Card {
            id: CardId(id),
            kind: CardKind::QuestionAnswer,
            answer_kind: kind,
            prompt: "Question ?",
            answer,
            distractors: [""; 3],
            context: answer,
            source: Source {
                document: 0,
                line: 1,
            },
            situation: "",
        }
    }

    #[test]
    fn distractors_share_the_answer_kind() {
        let pool = [
            card(1, "25 avril 1918", AnswerKind::Date),
            card(2, "Chahoumian", AnswerKind::Person),
            card(3, "1er mai 1918", AnswerKind::Date),
            card(4, "Bakou", AnswerKind::Place),
            card(5, "16 octobre", AnswerKind::Date),
            card(6, "Lénine", AnswerKind::Person),
            card(7, "en 1919", AnswerKind::Date),
            card(8, "25 Avril 1918", AnswerKind::Date),
        ];
        let mut seen_positions = [0u32; 4];
        for seed in 0..400 {
            let mut rng = SeededFuzz::from_seed(seed);
            let q = multiple_choice(&pool[0], pool.iter().copied(), &mut rng);
            assert_eq!(q.choices().len(), 4);
            assert_eq!(q.choices()[q.correct()], "25 avril 1918");
            for (i, c) in q.choices().iter().enumerate() {
                if i != q.correct() {
                    assert!(["1er mai 1918", "16 octobre", "en 1919"].contains(c), "{c}");
                }
            }
            seen_positions[q.correct()] += 1;
        }
        assert!(seen_positions.iter().all(|&n| n > 60), "{seen_positions:?}");
    }

    #[test]
    fn own_distractors_come_first_and_few_candidates_give_fewer_choices() {
        let mut c = card(1, "Trotsky", AnswerKind::Person);
        c.distractors = ["Lénine", "", ""];
        let pool = [c, card(2, "Bakou", AnswerKind::Place)];
        let q = multiple_choice(&c, pool.iter().copied(), &mut SeededFuzz::from_seed(3));
        assert_eq!(q.choices().len(), 2);
        assert!(q.choices().contains(&"Lénine"));
        assert!(q.is_correct(q.choices().iter().position(|&x| x == "Trotsky").unwrap()));
    }
}
