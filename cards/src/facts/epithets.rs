//! Names given in quotation marks: what a thing was called or nicknamed (« des voitures
//! radiologiques, surnommées les « petites Curies » », « sous le nom de « montagne Maudite » »,
//! « d'abord nommé « canal royal en Languedoc » »), a motto or a formula (« la formule « une
//! foi, une loi, un roi » »), a project's name (« le projet du « Grand Louvre » »), what letters
//! stand for (« les lettres « TSS » signifiant « transport supersonique » »).
//!
//! The quotation must be short and say no clause of its own (« de « montrer que l'avion vole » »
//! is a quotation, not a name), and a naming word must come right before it, with at most an
//! article or an adjective between: the card then asks for the name, the sentence as its cloze.

use super::tokens::{Token, TokenKind};
use crate::lexicon::Lexicon;

/// The most words a name in quotation marks holds.
const MAX_WORDS: usize = 6;

/// Words that give a name (their forms start so): « surnommées », « appelé », « nommé »,
/// « baptisé », « rebaptisé », « dénommé », « intitulé », « signifiant ».
const NAMING_STEMS: &[&str] = &[
    "surnomm", "appel", "nomm", "baptis", "rebaptis", "dénomm", "intitul", "signifi",
];

/// Nouns that a name in quotation marks follows (« la devise « … » », « sous le nom de « … » »).
const NAMING_NOUNS: &[&str] = &[
    "nom",
    "surnom",
    "devise",
    "formule",
    "slogan",
    "titre",
    "projet",
    "opération",
    "plan",
    "programme",
    "doctrine",
    "sobriquet",
];

/// Articles and prepositions that may stand between the naming word and the quotation.
const LINKS: &[&str] = &["le", "la", "les", "l'", "l’", "de", "du", "des", "d'", "d’"];

/// The byte spans of the names in quotation marks in `tokens` that a naming word introduces.
pub fn find(tokens: &[Token<'_>], lexicon: &Lexicon<'_>) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for (open, t) in tokens.iter().enumerate() {
        if t.text != "«" {
            continue;
        }
        let Some(close) = tokens[open + 1..]
            .iter()
            .take(MAX_WORDS + 6)
            .position(|t| t.text == "»" || t.text == "«")
            .map(|p| open + 1 + p)
            .filter(|&c| tokens[c].text == "»")
        else {
            continue;
        };
        let inner = &tokens[open + 1..close];
        let words = inner.iter().filter(|t| t.kind == TokenKind::Word).count();
        if words == 0 || words > MAX_WORDS || says_a_clause(inner, lexicon) {
            continue;
        }
        if !named_before(&tokens[..open]) {
            continue;
        }
        out.push((inner[0].start, inner[inner.len() - 1].end));
    }
    out
}

/// Whether the quoted words hold a finite verb or end a sentence: a quotation, not a name.
fn says_a_clause(inner: &[Token<'_>], lexicon: &Lexicon<'_>) -> bool {
    inner.iter().any(|t| {
        matches!(t.text, "!" | "?" | ":" | ";")
            || t.kind == TokenKind::Word
                && !t.is_capitalised()
                && crate::clauses::is_verb_form(lexicon, t.text)
    })
}

/// Whether a naming word comes right before the quotation mark that ends `before`: up to two
/// links (articles, « de »), one adjective (« la devise olympique »).
fn named_before(before: &[Token<'_>]) -> bool {
    let mut adjective = false;
    for t in before.iter().rev().take(4) {
        let l = t.lower();
        if LINKS.contains(&l) {
            continue;
        }
        if NAMING_NOUNS.contains(&l) || NAMING_STEMS.iter().any(|s| l.starts_with(s)) {
            return true;
        }
        // (« la devise olympique « … » »: one adjective after the noun)
        let adj = t.kind == TokenKind::Word
            && !t.is_capitalised()
            && crate::lexicon::pos_set(l).any(|p| p.is_adjective());
        if adj && !adjective {
            adjective = true;
            continue;
        }
        return false;
    }
    false
}

#[cfg(test)]
mod tests {
    use super::super::tokens::tokenize;
    use super::*;

    fn names(s: &str) -> Vec<&str> {
        let t = tokenize(s);
        find(&t, Lexicon::get())
            .into_iter()
            .map(|(a, b)| &s[a..b])
            .collect()
    }

    #[test]
    fn a_naming_word_before_a_quotation_gives_a_name() {
        assert_eq!(
            names("Elle équipe des voitures radiologiques, surnommées les « petites Curies », qui roulent."),
            ["petites Curies"]
        );
        assert_eq!(
            names("Longtemps désigné sous le nom de « montagne Maudite », le sommet apparaît."),
            ["montagne Maudite"]
        );
        assert_eq!(
            names("Elle s'inscrit dans le projet du « Grand Louvre », lancé en 1981."),
            ["Grand Louvre"]
        );
        assert_eq!(
            names("Il se résume par la formule « une foi, une loi, un roi »."),
            ["une foi, une loi, un roi"]
        );
        assert_eq!(
            names("Les lettres « TSS » signifiant « transport supersonique »."),
            ["transport supersonique"]
        );
        assert_eq!(
            names("Ce sera la devise olympique « Citius, Altius, Fortius »."),
            ["Citius, Altius, Fortius"]
        );
    }

    #[test]
    fn a_quotation_that_says_something_is_no_name() {
        // A clause, a cry, no naming word, too many words.
        assert!(names("Il s'agit, dira Turcat, de « montrer que l'avion vole ».").is_empty());
        assert!(names("Il note : « Je veux être Chateaubriand ou rien ! »").is_empty());
        assert!(names("Les forces « libérales » ont tenté de fermer la Pravda.").is_empty());
        assert!(names(
            "Il prend le nom de « comité des ouvriers et des soldats de la ville de Bakou »."
        )
        .is_empty());
    }
}
