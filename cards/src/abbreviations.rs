//! Abbreviations spelled out once: a card that says `le CMR` or `l'Ispolkom` to someone who
//! never read the document says what it stands for, when the corpus tells it — by the
//! initials of a name it gives (`Comité militaire révolutionnaire` for `CMR`), or by a card
//! that asks another name of a body (`Sous quel autre nom connaît-on le Comité
//! révolutionnaire militaire ?` → `Milrevcom`).
//!
//! `Quand le CMR fut-il dissous ?` → `Quand le Comité militaire révolutionnaire (CMR)
//! fut-il dissous ?`. An abbreviation with two possible long forms is left as it is.

use std::collections::HashMap;

use crate::cards::GeneratedCard;
use crate::facts::FactType;
use crate::typography::fold;

/// (Document, short form) → its one long form in that document (`None` when it gives two):
/// a card is spelled out only with what its own document says.
#[derive(Debug, Default)]
pub struct Abbreviations {
    long: HashMap<(u16, String), Option<String>>,
}

impl Abbreviations {
    /// Records that in `document`, `short` stands for `long`.
    pub fn add(&mut self, document: u16, short: &str, long: &str) {
        let long = strip_article(long.trim());
        // (a long form is two words at least, or one compound: « socialistes-révolutionnaires »)
        let words = long.split([' ', '-']).count();
        if short.is_empty() || words < 2 || fold(long) == fold(short) {
            return;
        }
        let key = (document, short.to_string());
        match self.long.get_mut(&key) {
            None => {
                self.long.insert(key, Some(long.to_string()));
            }
            // Two spellings of one name (`Comité militaire révolutionnaire`, `Comité
            // militaro-révolutionnaire`) keep the first; two names leave it unsaid.
            Some(Some(known)) if first_word(known) != first_word(long) => {
                *self.long.get_mut(&key).expect("present") = None;
            }
            Some(_) => {}
        }
    }

    /// The acronyms among the organisations `names` of `document` whose initials another
    /// of them has.
    pub fn add_initialisms<'a>(
        &mut self,
        document: u16,
        names: impl Iterator<Item = &'a str> + Clone,
    ) {
        for short in names.clone().filter(|n| is_acronym(n)) {
            let longs: Vec<&str> = names
                .clone()
                .filter(|long| long.split(' ').count() >= 2 && initials(long) == *short)
                .collect();
            for long in longs {
                self.add(document, short, long);
            }
        }
    }

    /// The acronyms `text` spells out in brackets right after them, by their initials
    /// (« SR (socialistes-révolutionnaires) »).
    pub fn add_spelled_out(&mut self, document: u16, text: &str) {
        for (at, _) in text.match_indices(" (") {
            let short = text[..at].rsplit([' ', '(', '«']).next().unwrap_or("");
            if !is_acronym(short) {
                continue;
            }
            let inside = &text[at + 2..];
            let Some(end) = inside.find(')') else {
                continue;
            };
            let long = &inside[..end];
            if !long.is_empty() && initials(long) == short {
                self.add(document, short, long);
            }
        }
    }

    /// The pairs that cards asking another name of a body give; returns the long names
    /// they ask about, with their document (whose initials may be another acronym).
    pub fn add_alias_cards(&mut self, cards: &[GeneratedCard]) -> Vec<(u16, String)> {
        let mut named = Vec::new();
        for card in cards.iter().filter(|c| c.fact_type == FactType::Alias) {
            let asked = card
                .prompt
                .strip_prefix("Sous quel autre nom connaît-on ")
                .or_else(|| card.prompt.strip_prefix("Quel sigle désigne "))
                .and_then(|rest| rest.strip_suffix(" ?"));
            if let Some(long) = asked {
                self.add(card.document, &card.answer, long);
                named.push((card.document, strip_article(long).to_string()));
            }
        }
        named
    }

    /// The card's prompt with its first abbreviation that has one long form spelled out
    /// (`le CMR` → `le Comité militaire révolutionnaire (CMR)`), unless the card asks about
    /// the abbreviation, its answer is in the long form, or the prompt says it already.
    pub fn spell_out(&self, card: &GeneratedCard) -> Option<String> {
        if card.fact_type == FactType::Alias {
            return None;
        }
        let folded = fold(&card.prompt);
        for ((document, short), long) in &self.long {
            let Some(long) = long.as_ref().filter(|_| *document == card.document) else {
                continue;
            };
            let Some(at) = whole_word(&card.prompt, short) else {
                continue;
            };
            if folded.contains(&fold(long)) || fold(long).contains(&fold(&card.answer)) {
                continue;
            }
            let mut out = String::with_capacity(card.prompt.len() + long.len() + 3);
            out.push_str(&card.prompt[..at]);
            out.push_str(long);
            out.push_str(" (");
            out.push_str(short);
            out.push(')');
            out.push_str(&card.prompt[at + short.len()..]);
            return Some(out);
        }
        None
    }
}

fn first_word(s: &str) -> String {
    fold(s.split(' ').next().unwrap_or(""))
}

fn strip_article(s: &str) -> &str {
    for a in ["le ", "la ", "les ", "Le ", "La ", "Les "] {
        if let Some(rest) = s.strip_prefix(a) {
            return rest;
        }
    }
    s.strip_prefix("l'")
        .or_else(|| s.strip_prefix("L'"))
        .unwrap_or(s)
}

/// Where `word` stands in `text` as a whole word, first.
fn whole_word(text: &str, word: &str) -> Option<usize> {
    text.match_indices(word)
        .map(|(i, _)| i)
        .find(|&i| crate::naming::stands_alone(text, i, word.len()))
}

fn is_acronym(s: &str) -> bool {
    let n = s.chars().count();
    (2..=6).contains(&n) && s.chars().all(|c| c.is_uppercase())
}

/// The capitals of a name's words, small words left out (`Comité militaire
/// révolutionnaire` → `CMR`).
fn initials(name: &str) -> String {
    name.split([' ', '\'', '-'])
        .filter(|w| {
            !w.is_empty()
                && !matches!(
                    w.to_lowercase().as_str(),
                    "le" | "la"
                        | "les"
                        | "l"
                        | "de"
                        | "des"
                        | "du"
                        | "d"
                        | "et"
                        | "à"
                        | "au"
                        | "aux"
                )
        })
        .filter_map(|w| w.chars().next())
        .flat_map(char::to_uppercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cards::CardKind;
    use crate::facts::Kind;

    fn card(prompt: &str, answer: &str, fact_type: FactType) -> GeneratedCard {
        GeneratedCard {
            kind: CardKind::QuestionAnswer,
            answer_kind: Kind::Organisation,
            fact_type,
            prompt: prompt.to_string(),
            answer: answer.to_string(),
            distractors: Vec::new(),
            context: prompt.to_string(),
            document: 0,
            line: 1,
            score: 0,
            situation: String::new(),
        }
    }

    #[test]
    fn an_acronym_spelled_out_in_brackets_is_learnt() {
        let mut a = Abbreviations::default();
        a.add_spelled_out(
            0,
            "les mencheviks et SR (socialistes-révolutionnaires) exigent",
        );
        let card = GeneratedCard::sample_cloze(
            "Après leurs attentats de [...], les SR de gauche seront interdits.",
            "juillet 1918",
            crate::facts::Kind::Date,
        );
        assert_eq!(
            a.spell_out(&card).as_deref(),
            Some("Après leurs attentats de [...], les socialistes-révolutionnaires (SR) de gauche seront interdits.")
        );
        // Brackets that are no initials teach nothing.
        let mut b = Abbreviations::default();
        b.add_spelled_out(0, "le SR (voir plus haut) arrive");
        assert!(b.spell_out(&card).is_none());
    }

    #[test]
    fn an_abbreviation_is_spelled_out_once() {
        let mut a = Abbreviations::default();
        let asked = a.add_alias_cards(&[card(
            "Sous quel autre nom connaît-on le Comité Révolutionnaire militaire ?",
            "Milrevcom",
            FactType::Alias,
        )]);
        assert_eq!(
            asked,
            vec![(0, "Comité Révolutionnaire militaire".to_string())]
        );
        a.add_initialisms(
            0,
            ["CMR", "Comité militaire révolutionnaire", "Soviet"].into_iter(),
        );
        let c = card(
            "Quand le CMR fut-il dissous ?",
            "5 décembre",
            FactType::Date,
        );
        assert_eq!(
            a.spell_out(&c).as_deref(),
            Some("Quand le Comité militaire révolutionnaire (CMR) fut-il dissous ?")
        );
        let c = card(
            "Dans [...], le Milrevcom prend le contrôle de la garnison.",
            "la nuit du 21 octobre",
            FactType::Date,
        );
        assert_eq!(
            a.spell_out(&c).as_deref(),
            Some("Dans [...], le Comité Révolutionnaire militaire (Milrevcom) prend le contrôle de la garnison.")
        );
        // Not when the card asks for it, nor when the prompt says it already.
        let c = card(
            "Quel sigle désigne le Comité militaire révolutionnaire ?",
            "CMR",
            FactType::Alias,
        );
        assert_eq!(a.spell_out(&c), None);
        let c = card(
            "Le Comité militaire révolutionnaire (CMR) naît le [...].",
            "12 octobre",
            FactType::Date,
        );
        assert_eq!(a.spell_out(&c), None);
        // Only with what the card's own document says.
        let mut c = card(
            "Quand le CMR fut-il dissous ?",
            "5 décembre",
            FactType::Date,
        );
        c.document = 1;
        assert_eq!(a.spell_out(&c), None);
    }

    #[test]
    fn two_long_forms_leave_the_abbreviation_as_it_is() {
        let mut a = Abbreviations::default();
        a.add(0, "CC", "Comité central");
        a.add(0, "CC", "Conseil constitutionnel");
        let c = card("Le CC se réunit le [...].", "3 mai", FactType::Date);
        assert_eq!(a.spell_out(&c), None);
        assert_eq!(initials("Comité exécutif central"), "CEC");
    }
}
