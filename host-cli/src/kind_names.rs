//! The words for card kinds and answer kinds, in JSON, tags and listings.

use carnet_engine::{AnswerKind, CardKind};

/// `question`, `cloze` or `choice`.
pub fn card_kind(kind: CardKind) -> &'static str {
    match kind {
        CardKind::QuestionAnswer => "question",
        CardKind::Cloze => "cloze",
        CardKind::MultipleChoice => "choice",
    }
}

/// The kind a word names.
pub fn parse_card_kind(word: &str) -> Option<CardKind> {
    match word {
        "question" => Some(CardKind::QuestionAnswer),
        "cloze" => Some(CardKind::Cloze),
        "choice" => Some(CardKind::MultipleChoice),
        _ => None,
    }
}

/// `date`, `person`, `place`, `quantity`, `organisation` or `other`.
pub fn answer_kind(kind: AnswerKind) -> &'static str {
    match kind {
        AnswerKind::Date => "date",
        AnswerKind::Person => "person",
        AnswerKind::Place => "place",
        AnswerKind::Quantity => "quantity",
        AnswerKind::Organisation => "organisation",
        AnswerKind::Other => "other",
    }
}

/// The answer kind a word names.
pub fn parse_answer_kind(word: &str) -> Option<AnswerKind> {
    [
        AnswerKind::Date,
        AnswerKind::Person,
        AnswerKind::Place,
        AnswerKind::Quantity,
        AnswerKind::Organisation,
        AnswerKind::Other,
    ]
    .into_iter()
    .find(|k| answer_kind(*k) == word)
}

/// Lower case without accents, for searching.
pub fn fold(text: &str) -> String {
    text.chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => 'a',
            'ç' => 'c',
            'è' | 'é' | 'ê' | 'ë' => 'e',
            'ì' | 'í' | 'î' | 'ï' => 'i',
            'ñ' => 'n',
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' => 'o',
            'ù' | 'ú' | 'û' | 'ü' => 'u',
            'ý' | 'ÿ' => 'y',
            '’' => '\'',
            c => c,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for k in [
            CardKind::QuestionAnswer,
            CardKind::Cloze,
            CardKind::MultipleChoice,
        ] {
            assert_eq!(parse_card_kind(card_kind(k)), Some(k));
        }
        assert_eq!(parse_answer_kind("place"), Some(AnswerKind::Place));
        assert_eq!(fold("Kérenski À Pétrograd"), "kerenski a petrograd");
    }
}
