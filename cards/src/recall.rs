//! Recall against key-fact lists: which of a document's important facts (written by a person,
//! before the generator was tuned on it) have a card.
//!
//! A fact list is a TSV file, one fact a line after a header (`cards/eval/README.md`):
//!
//! ```text
//! id <TAB> answers <TAB> cues <TAB> statement
//! chahoumian-preside <TAB> Chahoumian | Stepan Chahoumian <TAB> Sovnarkom ; présid <TAB> Chahoumian préside le Sovnarkom de Bakou.
//! ```
//!
//! A fact is **covered** when some card of the deck has one of its answers as its answer (the
//! same words once folded: case, accents, typographic apostrophes and spaces do not count;
//! either may hold the other as whole words, "S. Chahoumian" for "Chahoumian") and every cue
//! in its question (cloze sentence, or situation line). Cues name the fact, so a card with
//! the right answer to another question does not count.

use crate::generate::GeneratedDeck;
use crate::typography::fold;

/// One key fact.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KeyFact {
    /// Its short name within the list.
    pub id: String,
    /// Acceptable answers, folded.
    pub answers: Vec<String>,
    /// Words every question about it mentions, folded.
    pub cues: Vec<String>,
    /// The fact as a sentence, for people.
    pub statement: String,
}

/// Reads a fact list; a line that does not have the four columns is an error naming it.
pub fn parse_facts(text: &str) -> Result<Vec<KeyFact>, String> {
    let mut facts = Vec::new();
    for (n, line) in text.lines().enumerate().skip(1) {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() < 4 {
            return Err(format!(
                "line {}: {} columns, expected 4 (id, answers, cues, statement)",
                n + 1,
                cols.len()
            ));
        }
        let split = |s: &str, sep: char| -> Vec<String> {
            s.split(sep)
                .map(|p| normalise(p.trim()))
                .filter(|p| !p.is_empty())
                .collect()
        };
        facts.push(KeyFact {
            id: cols[0].trim().to_string(),
            answers: split(cols[1], '|'),
            cues: split(cols[2], ';'),
            statement: cols[3].trim().to_string(),
        });
    }
    Ok(facts)
}

/// Folded, with every run of non-alphanumeric characters made one space.
fn normalise(text: &str) -> String {
    let folded = fold(text);
    let mut out = String::with_capacity(folded.len());
    for c in folded.chars() {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.ends_with(' ') && !out.is_empty() {
            out.push(' ');
        }
    }
    out.trim_end().to_string()
}

/// Whether `small` occurs in `big` as whole words.
fn contains_words(big: &str, small: &str) -> bool {
    if small.is_empty() {
        return false;
    }
    let padded_big = format!(" {big} ");
    padded_big.contains(&format!(" {small} "))
}

/// Whether a card's answer gives this fact's answer.
fn answer_matches(card_answer: &str, fact: &KeyFact) -> bool {
    let a = normalise(card_answer);
    let words = |s: &str| s.split(' ').count();
    fact.answers.iter().any(|f| {
        a == *f || contains_words(&a, f) || (contains_words(f, &a) && 2 * words(&a) >= words(f))
    })
}

/// For each fact, the index of a card of `deck` that covers it.
pub fn coverage(facts: &[KeyFact], deck: &GeneratedDeck) -> Vec<Option<usize>> {
    let questions: Vec<(String, String)> = deck
        .cards
        .iter()
        .map(|c| {
            (
                normalise(&format!("{} {}", c.situation, c.prompt)),
                c.answer.clone(),
            )
        })
        .collect();
    facts
        .iter()
        .map(|fact| {
            questions.iter().position(|(q, answer)| {
                answer_matches(answer, fact) && fact.cues.iter().all(|cue| q.contains(cue.as_str()))
            })
        })
        .collect()
}

/// Covered facts of one document's list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DocumentRecall {
    /// The document's file name.
    pub document: String,
    /// Facts in its list.
    pub facts: usize,
    /// Facts with a card.
    pub covered: usize,
    /// The ids of the facts without a card.
    pub missed: Vec<String>,
}

impl DocumentRecall {
    /// Covered / facts (1 for an empty list).
    pub fn ratio(&self) -> f64 {
        if self.facts == 0 {
            1.0
        } else {
            self.covered as f64 / self.facts as f64
        }
    }
}

/// The recall of each document of `lists` (`(document name, facts)`) in `deck`.
pub fn measure(lists: &[(String, Vec<KeyFact>)], deck: &GeneratedDeck) -> Vec<DocumentRecall> {
    lists
        .iter()
        .map(|(name, facts)| {
            let cov = coverage(facts, deck);
            DocumentRecall {
                document: name.clone(),
                facts: facts.len(),
                covered: cov.iter().filter(|c| c.is_some()).count(),
                missed: facts
                    .iter()
                    .zip(&cov)
                    .filter(|(_, c)| c.is_none())
                    .map(|(f, _)| f.id.clone())
                    .collect(),
            }
        })
        .collect()
}

/// Facts and covered facts over all documents.
pub fn total(recall: &[DocumentRecall]) -> (usize, usize) {
    recall
        .iter()
        .fold((0, 0), |(f, c), r| (f + r.facts, c + r.covered))
}

/// A Markdown table of the recall per document, with the total.
pub fn render(recall: &[DocumentRecall]) -> String {
    let mut out =
        String::from("| document | facts | covered | recall |\n| --- | --- | --- | --- |\n");
    for r in recall {
        out.push_str(&format!(
            "| {} | {} | {} | {:.0} % |\n",
            r.document,
            r.facts,
            r.covered,
            100.0 * r.ratio()
        ));
    }
    let (facts, covered) = total(recall);
    let ratio = if facts == 0 {
        100.0
    } else {
        100.0 * covered as f64 / facts as f64
    };
    out.push_str(&format!(
        "| **all** | {facts} | {covered} | {ratio:.0} % |\n"
    ));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_matches_answers_and_cues() {
        let facts = parse_facts(
            "id\tanswers\tcues\tstatement\n\
             a\tChahoumian | Stepan Chahoumian\tSovnarkom ; présid\tChahoumian préside.\n\
             b\t25 avril 1918\tCommune\tLa Commune est proclamée le 25 avril 1918.\n",
        )
        .unwrap();
        assert_eq!(facts[0].answers, ["chahoumian", "stepan chahoumian"]);
        assert_eq!(facts[0].cues, ["sovnarkom", "presid"]);
        assert!(answer_matches("S. Chahoumian", &facts[0]));
        assert!(answer_matches("Chahoumian", &facts[0]));
        assert!(!answer_matches("Chahoumianov", &facts[0]));
        assert!(answer_matches("le 25 avril 1918", &facts[1]));
        assert!(!answer_matches("1918", &facts[1]), "a year is not the day");
        assert!(parse_facts("id\tanswers\tcues\tstatement\nbad line\n").is_err());
    }
}
