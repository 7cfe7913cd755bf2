//! Verdicts: the last checks every candidate card passes, whichever stage wrote it (the
//! fact patterns of [`crate::context`] or the clause clozes of [`crate::clauses`]). Each
//! check is named after the rubric criterion it guards (correct, standalone, unique,
//! minimal, french); a card that fails one is not in the deck.

use crate::cards::{CardKind, GeneratedCard, GAP};
use crate::context::Rule;
use crate::distractors::Pools;
use crate::facts::places::PlaceKind;
use crate::facts::Kind;
use crate::lexicon::{Lexicon, Mood, Pos};

/// What a card is checked against besides itself.
pub struct Judge<'a> {
    /// The corpus's names, with the kinds of places it told.
    pub pools: &'a Pools,
}

impl Judge<'_> {
    /// The rule a card breaks, if any, in the order of the rubric.
    pub fn fails(&self, card: &GeneratedCard, setting_place: Option<&str>) -> Option<Rule> {
        if card.kind == CardKind::Cloze {
            if half_of_a_range(&card.prompt) {
                return Some(Rule::HalfRange);
            }
            if !is_whole_sentence(Lexicon::get(), &card.prompt) {
                return Some(Rule::Fragment);
            }
            if self.a_town_fits_too(card, setting_place) {
                return Some(Rule::NestedPlace);
            }
        }
        None
    }
}

/// french: a question built from a sentence that opened on a possessive keeps it
/// capitalised (« Qui conduisait Son procès en hérésie ? »): lower-cased there.
pub fn mend(card: &mut GeneratedCard) {
    if card.kind == CardKind::Cloze {
        return;
    }
    for (capital, small) in [
        (" Son ", " son "),
        (" Sa ", " sa "),
        (" Ses ", " ses "),
        (" Leur ", " leur "),
        (" Leurs ", " leurs "),
    ] {
        if card.prompt.contains(capital) {
            card.prompt = card.prompt.replace(capital, small);
        }
    }
}

impl Judge<'_> {
    /// unique: a place gap right after « à » (« s'est ouvert dans la Salle de l'Assemblée
    /// à [...] ») holds any town, so the town the document happens in fits it too when the
    /// answer is a building or a place of unknown kind inside it (Smolny in Petrograd).
    fn a_town_fits_too(&self, card: &GeneratedCard, setting_place: Option<&str>) -> bool {
        if card.answer_kind != Kind::Place {
            return false;
        }
        let Some((before, _)) = card.prompt.split_once(GAP) else {
            return false;
        };
        let after_a = before
            .trim_end()
            .rsplit(' ')
            .next()
            .is_some_and(|w| matches!(w, "à" | "À"));
        if !after_a {
            return false;
        }
        match self.pools.sure_place_kind(&card.answer) {
            Some(PlaceKind::Site) => true,
            Some(_) => false,
            None => setting_place.is_some_and(|p| {
                crate::typography::fold(p) != crate::typography::fold(&card.answer)
            }),
        }
    }
}

/// standalone: the card names a body by a word of its own that no card and no long form
/// explains (« l'Ispolkom », « le Vikhjel », « le SRS »): a learner who never read the
/// document does not know it. `names` are the single-word organisations of the document's
/// own vocabulary (those it names again and again); `explained` tells whether the corpus
/// gives another name of one (an alias card) or knows it as a place.
pub fn unexplained_name<'a>(
    card: &GeneratedCard,
    names: impl Iterator<Item = &'a str>,
    explained: impl Fn(&str) -> bool,
) -> bool {
    if card.fact_type == crate::facts::FactType::Alias {
        return false;
    }
    let lexicon = Lexicon::get();
    // The situation line is the document's subject: named, not a term to explain.
    let text = &card.prompt;
    names.filter(|n| !n.contains([' ', '-'])).any(|name| {
        let Some(at) = whole_word_at(text, name) else {
            return false;
        };
        let spelled_out = text[..at].ends_with('(')
            || text[at + name.len()..].starts_with(')')
            || after_a_kind_noun(&text[..at]);
        let common = lexicon.lookup(&name.to_lowercase()).next().is_some();
        !spelled_out && !common && !explained(name) && name != card.answer
    })
}

/// Whether the words before a name say what it is: a noun naming a kind of body or of
/// place, then « de » (« le musée du Louvre », « le comité de Bakou »).
fn after_a_kind_noun(before: &str) -> bool {
    let mut words = before.split_whitespace().rev();
    let Some(link) = words.next() else {
        return false;
    };
    let link = link.to_lowercase();
    let noun = match link.as_str() {
        "du" | "de" | "des" => words.next().map(str::to_lowercase),
        _ => link
            .strip_prefix("d'")
            .or_else(|| link.strip_prefix("d’"))
            .filter(|rest| rest.is_empty())
            .and_then(|_| words.next().map(str::to_lowercase)),
    };
    noun.is_some_and(|n| {
        crate::facts::organisations::KEYWORDS.contains(&n.as_str())
            || PlaceKind::of_noun(&n).is_some()
            || matches!(n.as_str(), "musée" | "journal" | "revue" | "théâtre")
    })
}

/// Where `word` first occurs in `text` as a whole word.
fn whole_word_at(text: &str, word: &str) -> Option<usize> {
    text.match_indices(word).map(|(i, _)| i).find(|&i| {
        let before = text[..i].chars().next_back();
        let after = text[i + word.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// minimal, french: a gap next to a dash blanks half of a range (« construit en
/// [...]-1928 »).
fn half_of_a_range(prompt: &str) -> bool {
    let Some((before, after)) = prompt.split_once(GAP) else {
        return false;
    };
    after.starts_with(['-', '–', '—']) || before.ends_with(['-', '–', '—'])
}

/// french: a cloze must be a sentence: a finite verb in it, not opening on one (« Conseille
/// à la mère de l'enfant … », whose subject was in the sentence before), and no dash left
/// open (« Henri Cochet, Jean Borotra et Jacques Brugnon – remportent », whose first names
/// were cut off with the opening dash).
fn is_whole_sentence(lexicon: &Lexicon<'_>, prompt: &str) -> bool {
    let words: Vec<&str> = prompt.split_whitespace().collect();
    let lower = |w: &str| w.to_lowercase();
    let finite = |w: &str| crate::clauses::is_verb_form(lexicon, &lower(w));
    if !words
        .iter()
        .any(|w| finite(w) && !only_a_participle(lexicon, &lower(w)))
    {
        return false;
    }
    if let [first, second, ..] = words.as_slice() {
        let named = |w: &str| {
            lexicon
                .lookup(&lower(w))
                .any(|a| matches!(a.pos, Pos::Noun | Pos::Adjective))
        };
        let elided = first.contains(['\'', '’']);
        if finite(first) && !elided && !named(first) && !second.starts_with(char::is_uppercase) {
            return false;
        }
    }
    let dashes = words.iter().filter(|w| matches!(**w, "–" | "—")).count();
    dashes % 2 == 0
}

/// Whether a finite verb form is, besides, a participle and finite only in the first or
/// second person (« recueillis », « publiés »): in a fact about third parties, a participle.
fn only_a_participle(lexicon: &Lexicon<'_>, word: &str) -> bool {
    let word = word.trim_matches(|c: char| !c.is_alphanumeric());
    let mut participle = false;
    let mut third = false;
    for a in lexicon.lookup(word) {
        for f in a.verb_forms() {
            match f.mood {
                Mood::Participle => participle = true,
                Mood::Infinitive => {}
                _ => third |= f.person == Some(3),
            }
        }
    }
    participle && !third
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_body_s_own_word_must_be_explained() {
        let card = |prompt: &str| GeneratedCard::sample_cloze(prompt, "101", Kind::Quantity);
        let names = ["Ispolkom", "Sovnarkom", "Comité central"];
        let explained = |n: &str| n == "Sovnarkom";
        assert!(unexplained_name(
            &card("Le Congrès a rejeté l'Ispolkom et l'a remplacé par [...] membres."),
            names.into_iter(),
            explained
        ));
        // Explained by an alias card, spelled out, or not named at all.
        assert!(!unexplained_name(
            &card("Le Sovnarkom compte [...] commissaires."),
            names.into_iter(),
            explained
        ));
        assert!(!unexplained_name(
            &card("Le Comité exécutif (Ispolkom) compte [...] membres."),
            names.into_iter(),
            explained
        ));
        assert!(!unexplained_name(
            &card("Le Comité central compte [...] membres."),
            names.into_iter(),
            explained
        ));
    }

    #[test]
    fn a_gap_beside_a_dash_is_half_a_range() {
        assert!(half_of_a_range(
            "Le stade, construit en [...]-1928, accueille le tournoi."
        ));
        assert!(half_of_a_range(
            "Il régna de 1643 à 1715 puis de 1720–[...]."
        ));
        assert!(!half_of_a_range("Le stade est construit en [...] à Paris."));
    }

    #[test]
    fn a_cloze_is_a_whole_sentence() {
        let lexicon = Lexicon::get();
        assert!(is_whole_sentence(
            lexicon,
            "Le docteur [...], de Villé, nettoie les plaies à l'acide phénique."
        ));
        // No finite verb.
        assert!(!is_whole_sentence(
            lexicon,
            "Propos recueillis par Maurice Guillemot et publiés dans La Revue illustrée en [...]."
        ));
        // Opens on its verb: the subject was in the sentence before.
        assert!(!is_whole_sentence(
            lexicon,
            "Conseille à la mère de l'enfant de le conduire à [...] auprès de Louis Pasteur."
        ));
        // A dash left open: the start of the list was cut off.
        assert!(!is_whole_sentence(
            lexicon,
            "Henri Cochet, Jean Borotra et Jacques Brugnon – remportent la Coupe Davis le [...]."
        ));
        assert!(is_whole_sentence(
            lexicon,
            "Les Mousquetaires – Cochet, Borotra et Brugnon – remportent la Coupe Davis en [...]."
        ));
    }
}
