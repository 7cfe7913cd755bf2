//! Chronologies: a list item (or a line) that opens on a date and a colon is the sentence its
//! writer means, with the date as its opening adverbial. Notes, encyclopaedias and blogs of
//! every subject write timelines so:
//!
//! * « 874 : le Norvégien Ingólfr Arnarson s'installe … » → « En 874, le Norvégien … »;
//! * « 1er décembre 1918 : le royaume … devient … » → « Le 1er décembre 1918, le royaume … »;
//! * « 1262-1264 : les chefs … se soumettent … » → « De 1262 à 1264, les chefs … »;
//! * « 930 : fondation de l'Althing à Þingvellir » → « En 930 a lieu la fondation de l'Althing
//!   à Þingvellir » (an event told by its noun).
//!
//! Anything else is left as written.

use crate::document::{Block, BlockKind, CleanDocument};
use crate::facts::dates::{early_year, four_digit_year, is_month};
use crate::lexicon::{Gender, Lexicon, Number, Pos};
use crate::typography::is_space;

/// Rewrites every timeline item of `doc` as a sentence (see the module's documentation).
pub fn rewrite(doc: &mut CleanDocument) {
    for block in &mut doc.blocks {
        if matches!(block.kind, BlockKind::ListItem | BlockKind::Paragraph) {
            if let Some((replaced, opening)) = as_sentence(&block.text, Lexicon::get()) {
                replace_start(block, replaced, &opening);
            }
        }
    }
}

/// The longest date before the colon that is read (« 1er décembre 1918 » is 18 bytes).
const MAX_DATE: usize = 40;

/// For a timeline item, how many bytes of `text` its `DATE : ` takes and the opening that
/// replaces them (`"En 874, "`, `"En 930 a lieu la "`); `None` for any other text.
pub fn as_sentence(text: &str, lexicon: &Lexicon) -> Option<(usize, String)> {
    let colon = text
        .get(..MAX_DATE.min(text.len()))
        .unwrap_or(text)
        .find(':')?;
    let date = opening_of(text[..colon].trim_end_matches(is_space))?;
    let rest = text[colon + 1..].trim_start_matches(is_space);
    let replaced = text.len() - rest.len();
    let word: String = rest
        .chars()
        .take_while(|c| c.is_alphabetic() || *c == '-')
        .collect();
    if word.is_empty() || rest.len() == word.len() {
        return None;
    }
    let lower = word.to_lowercase();
    if CLAUSE_OPENINGS.contains(&lower.as_str()) {
        // « 874 : le Norvégien … » or « 874 : Le Norvégien … »: a clause follows.
        if rest.starts_with(|c: char| c.is_lowercase()) {
            return Some((replaced, format!("{date}, ")));
        }
        return Some((replaced + word.len(), format!("{date}, {lower}")));
    }
    if rest.starts_with(|c: char| c.is_uppercase()) {
        // « 1917 : Lénine rentre … »: a name opens the clause.
        return Some((replaced, format!("{date}, ")));
    }
    // « fondation de l'Althing »: the event's noun and what it is of.
    let after = rest[word.len()..].trim_start_matches(is_space);
    if !["de ", "du ", "des ", "d'", "d’"]
        .iter()
        .any(|d| after.starts_with(d))
    {
        return None;
    }
    let article = event_article(&lower, lexicon)?;
    let verb = if article == "les " { "ont" } else { "a" };
    Some((replaced, format!("{date} {verb} lieu {article}")))
}

/// Words that open a clause after a timeline's date: articles, pronouns, the prepositions
/// an opening adverbial starts with.
const CLAUSE_OPENINGS: &[&str] = &[
    "le",
    "la",
    "les",
    "l",
    "un",
    "une",
    "des",
    "il",
    "elle",
    "ils",
    "elles",
    "on",
    "ce",
    "c",
    "cette",
    "ces",
    "son",
    "sa",
    "ses",
    "leur",
    "leurs",
    "selon",
    "après",
    "avant",
    "sous",
    "avec",
    "lors",
    "au",
    "aux",
    "du",
    "en",
    "dans",
    "à",
    "par",
    "pendant",
    "pour",
    "sur",
    "malgré",
    "grâce",
    "face",
    "deux",
    "trois",
    "quatre",
    "cinq",
    "plusieurs",
];

/// A noun that names an event (« fondation », « bataille »), its article (`"la "`, `"l'"`,
/// `"les "`); `None` for another word.
fn event_article(word: &str, lexicon: &Lexicon) -> Option<&'static str> {
    let noun = lexicon.lookup(word).find(|a| a.pos == Pos::Noun)?;
    let lemma = noun.lemma;
    let event = EVENT_ENDINGS.iter().any(|e| lemma.ends_with(e)) || EVENT_NOUNS.contains(&lemma);
    if !event {
        return None;
    }
    if noun.number == Some(Number::Plural) {
        return Some("les ");
    }
    if word.starts_with(|c: char| "aeiouyéèêâîôh".contains(c)) {
        return Some("l'");
    }
    match noun.gender? {
        Gender::Feminine => Some("la "),
        Gender::Masculine => Some("le "),
    }
}

/// Endings of nouns that name an action or an event (« fondation », « couronnement »,
/// « signature », « sabotage »).
const EVENT_ENDINGS: &[&str] = &["tion", "sion", "ment", "ure", "age"];

/// Event nouns without those endings.
const EVENT_NOUNS: &[&str] = &[
    "bataille",
    "prise",
    "découverte",
    "victoire",
    "défaite",
    "chute",
    "révolte",
    "grève",
    "mise",
    "sortie",
    "arrivée",
    "entrée",
    "visite",
    "vente",
    "course",
    "conquête",
    "expédition",
    "première",
];

/// The opening adverbial a timeline's `date` stands for (`"874"` → `"En 874"`,
/// `"1er décembre 1918"` → `"Le 1er décembre 1918"`), or `None` if it is no date.
fn opening_of(date: &str) -> Option<String> {
    let words: Vec<&str> = date.split(is_space).filter(|w| !w.is_empty()).collect();
    let year = |w: &str| early_year(w).or_else(|| four_digit_year(w)).is_some();
    let day = |w: &str| {
        matches!(w, "1er" | "1ᵉʳ")
            || (1..=2).contains(&w.len()) && w.bytes().all(|b| b.is_ascii_digit())
    };
    match words.as_slice() {
        [y] if year(y) => Some(format!("En {y}")),
        [range] => {
            let (a, b) = range.split_once(['-', '–'])?;
            (year(a) && year(b)).then(|| format!("De {a} à {b}"))
        }
        [d, m] if day(d) && is_month(&m.to_lowercase()) => {
            Some(format!("Le {d} {}", m.to_lowercase()))
        }
        [m, y] if is_month(&m.to_lowercase()) && year(y) => {
            Some(format!("En {} {y}", m.to_lowercase()))
        }
        [d, m, y] if day(d) && is_month(&m.to_lowercase()) && year(y) => {
            Some(format!("Le {d} {} {y}", m.to_lowercase()))
        }
        [first, .., last] if words.len() <= 4 && year(last) && ADVERBIAL.contains(first) => {
            Some(words.join(" "))
        }
        _ => None,
    }
}

/// First words of a date that is already an adverbial (« Vers l'an 1000 », « Fin 1917 »).
const ADVERBIAL: &[&str] = &[
    "Vers",
    "Dès",
    "Avant",
    "Après",
    "Fin",
    "Début",
    "Mi",
    "En",
    "Depuis",
    "Été",
    "Automne",
    "Hiver",
    "Printemps",
];

/// Replaces the first `replaced` bytes of `block`'s text by `opening`, moving its line map.
fn replace_start(block: &mut Block, replaced: usize, opening: &str) {
    block.text.replace_range(..replaced, opening);
    let shift = opening.len() as i64 - replaced as i64;
    for (offset, _) in block.lines.iter_mut().skip(1) {
        *offset = (i64::from(*offset) + shift).max(0) as u32;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rewritten(text: &str) -> String {
        match as_sentence(text, Lexicon::get()) {
            Some((n, opening)) => format!("{opening}{}", &text[n..]),
            None => text.to_string(),
        }
    }

    #[test]
    fn a_dated_clause_takes_its_date_as_opening() {
        assert_eq!(
            rewritten("874 : le Norvégien Ingólfr Arnarson s'installe sur le site."),
            "En 874, le Norvégien Ingólfr Arnarson s'installe sur le site."
        );
        assert_eq!(
            rewritten("1er décembre 1918 : le royaume d'Islande devient un État souverain."),
            "Le 1er décembre 1918, le royaume d'Islande devient un État souverain."
        );
        assert_eq!(
            rewritten("1262-1264 : les chefs islandais se soumettent au roi de Norvège."),
            "De 1262 à 1264, les chefs islandais se soumettent au roi de Norvège."
        );
        assert_eq!(
            rewritten("Vers l'an 1000 : l'Althing adopte le christianisme."),
            "Vers l'an 1000, l'Althing adopte le christianisme."
        );
        assert_eq!(
            rewritten("Juin 1940 : Le gouvernement quitte Paris pour Bordeaux."),
            "En juin 1940, le gouvernement quitte Paris pour Bordeaux."
        );
        assert_eq!(
            rewritten("1917 : Lénine rentre en Russie."),
            "En 1917, Lénine rentre en Russie."
        );
    }

    #[test]
    fn an_event_noun_is_told_as_taking_place() {
        assert_eq!(
            rewritten("930 : fondation de l'Althing à Þingvellir."),
            "En 930 a lieu la fondation de l'Althing à Þingvellir."
        );
        assert_eq!(
            rewritten("14 juillet 1789 : prise de la Bastille par les émeutiers."),
            "Le 14 juillet 1789 a lieu la prise de la Bastille par les émeutiers."
        );
        assert_eq!(
            rewritten("1515 : couronnement de François Ier à Reims."),
            "En 1515 a lieu le couronnement de François Ier à Reims."
        );
    }

    #[test]
    fn other_colons_are_left_alone() {
        for text in [
            "Note : le texte est abrégé.",
            "874 : naissance de Harald.",
            "Le bilan : 40 morts et 200 blessés.",
            "Trois sites sont inscrits au patrimoine : le parc national de Þingvellir.",
            "12 h 30 : la séance reprend.",
        ] {
            assert_eq!(rewritten(text), text);
        }
    }

    #[test]
    fn the_line_map_follows_the_rewrite() {
        let mut block = Block::new(BlockKind::ListItem, "874 : le chef arrive".into(), 7);
        block.append(" ", "au port.", 8);
        let (n, opening) = as_sentence(&block.text, Lexicon::get()).unwrap();
        replace_start(&mut block, n, &opening);
        assert_eq!(block.text, "En 874, le chef arrive au port.");
        assert_eq!(block.line_at(block.text.find("port").unwrap()), 8);
        assert_eq!(block.line_at(0), 7);
    }
}
