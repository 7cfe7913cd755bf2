//! The quality report: cards per document, kind and fact type, screen lines, and a sample.

use crate::generate::GeneratedDeck;
use std::collections::BTreeMap;
use std::fmt::Write;

/// Figures about a deck.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Figures {
    /// Cards per document index.
    pub per_document: BTreeMap<u16, usize>,
    /// Cards per card kind name.
    pub per_kind: BTreeMap<&'static str, usize>,
    /// Cards per fact type name.
    pub per_fact: BTreeMap<&'static str, usize>,
    /// Cards per number of 21-character lines of the whole card.
    pub per_lines: BTreeMap<usize, usize>,
    /// Cards with multiple-choice distractors.
    pub with_distractors: usize,
}

/// Counts the deck's figures.
pub fn figures(deck: &GeneratedDeck) -> Figures {
    let mut f = Figures::default();
    for c in &deck.cards {
        *f.per_document.entry(c.document).or_default() += 1;
        *f.per_kind.entry(c.kind.name()).or_default() += 1;
        *f.per_fact.entry(c.fact_type.name()).or_default() += 1;
        *f.per_lines.entry(c.total_lines()).or_default() += 1;
        if c.distractors.len() == 3 {
            f.with_distractors += 1;
        }
    }
    f
}

/// What the report adds when it is given them: the recall of the deck's documents against
/// their key-fact lists, and a blind review of the deck.
#[derive(Clone, Debug, Default)]
pub struct Evaluation {
    /// Recall per document ([`crate::recall::measure`]).
    pub recall: Option<Vec<crate::recall::DocumentRecall>>,
    /// A blind review in Markdown: its `## Summary` section (the counts per criterion) goes
    /// into the report, with where the whole review is.
    pub review: Option<(String, String)>,
}

impl Evaluation {
    /// Reads the key-fact list `facts/<document>.tsv` of each of the deck's documents that
    /// has one, and the review file; either may be left out.
    pub fn load(
        deck: &GeneratedDeck,
        facts: Option<&std::path::Path>,
        review: Option<&std::path::Path>,
    ) -> Result<Evaluation, crate::error::Error> {
        use crate::error::Error;
        let read = |path: &std::path::Path| {
            std::fs::read_to_string(path).map_err(|source| Error::Read {
                path: path.to_path_buf(),
                source,
            })
        };
        let recall = match facts {
            None => None,
            Some(dir) => {
                let mut lists = Vec::new();
                for d in &deck.documents {
                    let path = dir.join(format!("{}.tsv", d.name));
                    if !path.is_file() {
                        continue;
                    }
                    let facts = crate::recall::parse_facts(&read(&path)?)
                        .map_err(|message| Error::Facts { path, message })?;
                    lists.push((d.name.clone(), facts));
                }
                Some(crate::recall::measure(&lists, deck))
            }
        };
        let review = match review {
            None => None,
            Some(path) => Some((
                path.file_name().map_or_else(
                    || path.display().to_string(),
                    |n| n.to_string_lossy().into(),
                ),
                read(path)?,
            )),
        };
        Ok(Evaluation { recall, review })
    }
}

/// The report as Markdown: figures, then `sample` cards picked by `seed` (deterministic).
pub fn render(deck: &GeneratedDeck, sample: usize, seed: u64) -> String {
    render_with(deck, sample, seed, &Evaluation::default())
}

/// [`render`], with the recall and the blind review of `evaluation` after the figures.
pub fn render_with(
    deck: &GeneratedDeck,
    sample: usize,
    seed: u64,
    evaluation: &Evaluation,
) -> String {
    let mut out = figures_and_sample(deck, sample, seed);
    if let Some(recall) = &evaluation.recall {
        let _ = writeln!(
            out,
            "\n## Recall against the key-fact lists\n\nFacts that people listed for each \
             document before the generator was tuned on it (`cards/eval/`), and how many have a \
             card.\n\n{}",
            crate::recall::render(recall)
        );
    }
    if let Some((name, text)) = &evaluation.review {
        let summary = review_summary(text);
        let _ = writeln!(
            out,
            "\n## Blind review\n\nBy a reviewer who has not seen the generator's code, against \
             the rubric of CARDS.md; the whole review, with every failing card, is `{name}`.\n\n{}",
            summary.trim()
        );
    }
    out
}

/// The `## Summary` section of a review (its body, up to the next `## ` heading), and the
/// review's `- Date:` line before it.
fn review_summary(text: &str) -> String {
    let date = text
        .lines()
        .find(|l| l.starts_with("- Date:"))
        .map(|l| format!("{l}\n\n"))
        .unwrap_or_default();
    let Some(start) = text.find("\n## Summary\n") else {
        return date;
    };
    let body = &text[start + "\n## Summary\n".len()..];
    let end = body.find("\n## ").unwrap_or(body.len());
    format!("{date}{}", body[..end].trim())
}

fn figures_and_sample(deck: &GeneratedDeck, sample: usize, seed: u64) -> String {
    let f = figures(deck);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# Deck report\n\n{} cards from {} documents.\n",
        deck.cards.len(),
        deck.documents.len()
    );
    let _ = writeln!(out, "## Per document\n\n| # | document | format | title | sentences | usable | cards |\n| --- | --- | --- | --- | --- | --- | --- |");
    for (i, d) in deck.documents.iter().enumerate() {
        let _ = writeln!(
            out,
            "| {i} | {} | {} | {} | {} | {} | {} |",
            d.name,
            d.format.name(),
            d.title.as_deref().unwrap_or("—"),
            d.sentences,
            d.usable_sentences,
            f.per_document.get(&(i as u16)).copied().unwrap_or(0)
        );
    }
    let _ = writeln!(out, "\n## Per kind\n");
    for (k, n) in &f.per_kind {
        let _ = writeln!(out, "- {k}: {n}");
    }
    let _ = writeln!(out, "- with three distractors: {}", f.with_distractors);
    let _ = writeln!(out, "\n## Per fact type\n");
    for (k, n) in &f.per_fact {
        let _ = writeln!(out, "- {k}: {n}");
    }
    let _ = writeln!(
        out,
        "\n## Context rules\n\nCards each rule of `context.rs` removed from the deck (cards written, then dropped, that\nwould otherwise be in it) or rewrote, and the candidates each verdict of `verdicts.rs` refused\n(before duplicates are merged) (a pronoun or a definite description named from\nthe text before, an opening relative time dropped from a cloze).\n\n| rule | removed | rewritten |\n| --- | --- | --- |"
    );
    for rule in crate::context::Rule::ALL {
        let _ = writeln!(
            out,
            "| {} | {} | {} |",
            rule.name(),
            deck.context.removed.get(&rule).copied().unwrap_or(0),
            deck.context.rewritten.get(&rule).copied().unwrap_or(0)
        );
    }
    let _ = writeln!(
        out,
        "\n## Screen lines (21 characters) of the whole card\n\n| lines | cards |\n| --- | --- |"
    );
    for (l, n) in &f.per_lines {
        let _ = writeln!(out, "| {l} | {n} |");
    }
    let _ = writeln!(
        out,
        "\n## {} random cards (seed {seed})\n",
        sample.min(deck.cards.len())
    );
    let mut state = seed ^ 0x9e37_79b9_7f4a_7c15;
    let mut picked: Vec<usize> = Vec::new();
    while picked.len() < sample.min(deck.cards.len()) {
        // xorshift64*: enough for a sample, and the same on every machine.
        state ^= state >> 12;
        state ^= state << 25;
        state ^= state >> 27;
        let i = (state.wrapping_mul(0x2545_f491_4f6c_dd1d) % deck.cards.len() as u64) as usize;
        if !picked.contains(&i) {
            picked.push(i);
        }
    }
    for i in picked {
        let c = &deck.cards[i];
        let doc = deck
            .documents
            .get(c.document as usize)
            .map_or("?", |d| d.name.as_str());
        let _ = writeln!(
            out,
            "{}. [{} / {}] {}\n   → {}{}\n   ({doc}:{}, {} lines) « {} »\n",
            i + 1,
            c.kind.name(),
            c.fact_type.name(),
            c.prompt,
            c.answer,
            if c.distractors.is_empty() {
                String::new()
            } else {
                format!("   (pas : {})", c.distractors.join(", "))
            },
            c.line,
            c.total_lines(),
            c.context
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_summary_section_of_a_review() {
        let review =
            "# Review\n\n- Date: 2026-12-01\n\n## Summary\n\n| a | b |\n\n## Failing cards\n\nx\n";
        assert_eq!(review_summary(review), "- Date: 2026-12-01\n\n| a | b |");
        assert_eq!(review_summary("no sections"), "");
    }
}
