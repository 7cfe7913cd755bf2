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

/// The report as Markdown: figures, then `sample` cards picked by `seed` (deterministic).
pub fn render(deck: &GeneratedDeck, sample: usize, seed: u64) -> String {
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
        "\n## Context rules\n\nCards each rule of `context.rs` removed from the deck (cards written, then dropped, that\nwould otherwise be in it) or rewrote (a pronoun or a definite description named from\nthe text before, an opening relative time dropped from a cloze).\n\n| rule | removed | rewritten |\n| --- | --- | --- |"
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
