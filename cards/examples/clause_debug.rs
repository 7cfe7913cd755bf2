//! Prints, for developers, the topic of each document and, sentence by sentence, the facts
//! the patterns found and each mention's clause cloze or the reason it has none.
//!
//! ```text
//! cargo run -p carnet-cards --example clause_debug -- FILE...
//! ```
fn main() {
    use carnet_cards::cards::Origin;
    use carnet_cards::document::BlockKind;
    for path in std::env::args().skip(1) {
        let text = std::fs::read_to_string(&path).expect("readable UTF-8 file");
        let doc = carnet_cards::clean::clean(&text);
        // Each sentence with its line and its paragraph's index.
        let paragraphs: Vec<(usize, u32, String)> = doc
            .blocks
            .iter()
            .enumerate()
            .filter(|(_, b)| matches!(b.kind, BlockKind::Paragraph | BlockKind::ListItem))
            .flat_map(|(k, b)| {
                carnet_cards::sentences::split(&b.text)
                    .into_iter()
                    .map(|s| (k, b.line_at(s.start), b.text[s.start..s.end].to_string()))
                    .collect::<Vec<_>>()
            })
            .collect();
        let sentences: Vec<(u32, String)> =
            paragraphs.iter().map(|(_, l, s)| (*l, s.clone())).collect();
        let topic = carnet_cards::clauses::DocumentTopic::from_first_sentences_of(
            sentences.iter().map(|(_, s)| s.as_str()),
            Some(&doc.to_text()),
        );
        println!("== {path}: topic {topic:?}");
        let lexicon =
            carnet_cards::facts::Lexicon::build(sentences.iter().map(|(_, s)| s.as_str()));
        let mut about_topic = false;
        for (i, (line, s)) in sentences.iter().enumerate() {
            let analysis = carnet_cards::facts::analyse(s, &lexicon, true);
            println!("\n[L{line}] {s}");
            if about_topic {
                println!("  (after a sentence about the topic)");
            }
            for f in &analysis.facts {
                let answer = &s[f.answer.0..f.answer.1];
                println!(
                    "  fact {:?} {:?}: {answer} ({})",
                    f.fact_type,
                    f.kind,
                    f.question.as_deref().unwrap_or("cloze")
                );
            }
            let origin = Origin {
                document: 0,
                line: *line,
                block: BlockKind::Paragraph,
            };
            let tokens = carnet_cards::facts::tokens::tokenize(s);
            // The sentence before, in the same paragraph, as the generator reads it.
            let previous = i
                .checked_sub(1)
                .filter(|&p| paragraphs[p].0 == paragraphs[i].0)
                .map(|p| sentences[p].1.as_str());
            let previous_about_topic = previous.is_some() && about_topic;
            about_topic = carnet_cards::context::speaks_of_topic(
                s,
                &lexicon,
                &topic,
                previous.is_none() || previous_about_topic,
            );
            let around = carnet_cards::context::Surroundings::new(&lexicon, previous)
                .with_topic(&topic, previous_about_topic)
                .with_sentence(s, &tokens);
            let written = carnet_cards::cards::write(s, &analysis, origin, &around);
            for (card, _) in &written.cards {
                println!("  card {}: {}", card.answer, card.prompt);
            }
            for (card, rule) in &written.dropped {
                println!("  dropped {} ({rule:?}): {}", card.answer, card.prompt);
            }
            let taken: Vec<String> = written
                .cards
                .iter()
                .map(|(c, _)| c.answer.clone())
                .collect();
            // A clause's pronoun is named as the generator names it.
            let resolve = |clause: &str| match carnet_cards::context::screen(
                clause,
                carnet_cards::cards::CardKind::Cloze,
                carnet_cards::facts::Kind::Other,
                &around,
            ) {
                carnet_cards::context::Verdict::Keep { prompt, rewritten }
                    if rewritten.contains(&carnet_cards::context::Rule::Pronoun) =>
                {
                    Some(prompt)
                }
                _ => None,
            };
            for (answer, verdict) in carnet_cards::clauses::verdicts(
                s,
                &analysis.mentions,
                origin,
                &topic,
                &taken,
                &resolve,
            ) {
                match verdict {
                    Ok(card) => println!("  cloze {answer}: {}", card.prompt),
                    Err(why) => println!("  no cloze for {answer}: {why}"),
                }
            }
        }
    }
}
