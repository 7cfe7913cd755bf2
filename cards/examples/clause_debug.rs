//! Prints the topic of a document and each clause cloze written from it (for developers).
fn main() {
    for path in std::env::args().skip(1) {
        let text = std::fs::read_to_string(&path).expect("readable UTF-8 file");
        let doc = carnet_cards::clean::clean(&text);
        let sentences: Vec<String> = doc
            .blocks
            .iter()
            .filter(|b| b.kind == carnet_cards::document::BlockKind::Paragraph)
            .flat_map(|b| {
                carnet_cards::sentences::split(&b.text)
                    .into_iter()
                    .map(|s| b.text[s.start..s.end].to_string())
                    .collect::<Vec<_>>()
            })
            .collect();
        let topic = carnet_cards::clauses::DocumentTopic::from_first_sentences(
            sentences.iter().map(String::as_str),
        );
        println!("== {path}: topic {:?}", topic);
    }
}
