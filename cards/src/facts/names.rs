//! Proper names in a sentence: runs of capitalised words and initials (`N. I. Podvoïski`,
//! `Lev Borisovich Kamenev`), and the key that makes spelling variants meet
//! (`Kérenski`, `Kerensky`).

use super::tokens::{Token, TokenKind};
use crate::typography::fold;

/// A run of capitalised words and initials.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Name {
    /// Index of the first token (an initial or a word).
    pub first: usize,
    /// Index after the last token.
    pub end: usize,
    /// Index of the first full word (after the initials).
    pub first_word: usize,
}

impl Name {
    /// Byte range of the name in the sentence.
    pub fn span(&self, tokens: &[Token<'_>]) -> (usize, usize) {
        (tokens[self.first].start, tokens[self.end - 1].end)
    }

    /// True when the name starts with initials.
    pub fn has_initials(&self) -> bool {
        self.first_word > self.first
    }

    /// Number of full words.
    pub fn words(&self) -> usize {
        self.end - self.first_word
    }
}

/// Capitalised words that begin sentences and clauses but never names.
pub const FUNCTION_CAPS: &[&str] = &[
    "le",
    "la",
    "les",
    "l'",
    "un",
    "une",
    "des",
    "du",
    "de",
    "d'",
    "dans",
    "en",
    "au",
    "aux",
    "mais",
    "et",
    "ou",
    "il",
    "elle",
    "ils",
    "elles",
    "ce",
    "cet",
    "cette",
    "ces",
    "c'",
    "après",
    "avant",
    "pour",
    "par",
    "sur",
    "selon",
    "lorsque",
    "lorsqu'",
    "quand",
    "alors",
    "ainsi",
    "puis",
    "enfin",
    "cependant",
    "pendant",
    "depuis",
    "dès",
    "vers",
    "entre",
    "sans",
    "sous",
    "non",
    "tout",
    "tous",
    "toute",
    "toutes",
    "on",
    "nous",
    "je",
    "j'",
    "vous",
    "tu",
    "si",
    "comme",
    "malgré",
    "chaque",
    "aucun",
    "aucune",
    "ni",
    "oui",
    "qu'",
    "que",
    "qui",
    "quel",
    "quelle",
    "quels",
    "quelles",
    "soudain",
    "presque",
    "près",
    "à",
    "a",
    "outre",
    "seul",
    "certains",
    "certaines",
    "plusieurs",
    "ensuite",
    "aussitôt",
    "sommés",
    "composé",
    "ayant",
    "étant",
    "voilà",
    "voici",
    "rien",
    "personne",
    "ma",
    "mon",
    "mes",
    "son",
    "sa",
    "ses",
    "leur",
    "leurs",
    "notre",
    "nos",
    "votre",
    "vos",
    "cela",
    "ceci",
    "celui",
    "celle",
    "dont",
    "où",
];

/// Capitalised nouns that head the name of a place or a building (`Palais d'Hiver`).
pub const TOPONYM_HEADS: &[&str] = &[
    "palais",
    "parc",
    "place",
    "pont",
    "rue",
    "gare",
    "hôtel",
    "église",
    "musée",
    "château",
    "tour",
    "porte",
    "mont",
    "lac",
    "cap",
    "golfe",
    "île",
    "fort",
    "boulevard",
    "avenue",
    "quai",
    "cathédrale",
    "abbaye",
    "col",
    "baie",
    "canal",
    "port",
    "musées",
    "jardin",
];

/// True for a word of [`FUNCTION_CAPS`] (lower case), by a hashed set built once.
pub fn is_function_word(lower: &str) -> bool {
    static SET: std::sync::OnceLock<
        std::collections::HashSet<&'static str, crate::typography::WordHash>,
    > = std::sync::OnceLock::new();
    lower.len() <= 12
        && SET
            .get_or_init(|| FUNCTION_CAPS.iter().copied().collect())
            .contains(lower)
}

/// Finds the proper names of a sentence. `is_common` tells whether a word is known in
/// lower case (then, capitalised at the start of a sentence, it is not a name).
pub fn find(tokens: &[Token<'_>], is_common: &dyn Fn(&str) -> bool) -> Vec<Name> {
    let mut out = Vec::new();
    let first_word_index = tokens.iter().position(|t| t.kind == TokenKind::Word);
    let mut i = 0;
    while i < tokens.len() {
        let start = i;
        // Initials: `N.`, `V. A.`
        while i + 1 < tokens.len() && is_initial(&tokens[i]) && tokens[i + 1].text == "." {
            i += 2;
        }
        // A people's name before a person's (« le Britannique Eric Liddell ») is not hers.
        if i > 0
            && i + 1 < tokens.len()
            && super::phrases::DETERMINERS.contains(&tokens[i - 1].lower())
            && is_demonym(tokens[i].text)
            && is_name_word(&tokens[i + 1])
            && !is_function_word(tokens[i + 1].lower())
        {
            i += 1;
            continue;
        }
        let first_word = i;
        // « le général von Falkenhayn », « le peintre van Gogh »: a foreign particle after
        // a title opens the name.
        if i > 0
            && matches!(
                tokens[i].text,
                "von" | "van" | "di" | "da" | "del" | "della"
            )
            && tokens.get(i + 1).is_some_and(is_name_word)
            && (super::people::TITLES.contains(&tokens[i - 1].lower())
                || super::people::is_office(tokens[i - 1].lower()))
        {
            i += 1;
        }
        while i < tokens.len() && is_name_word(&tokens[i]) {
            let sentence_start = Some(i) == first_word_index
                || (i > 0 && matches!(tokens[i - 1].text, "«" | "—" | "–" | "(" | ":" | "\""));
            let lower = tokens[i].lower();
            // « Michel Le Tellier », « Gilbert du Motier »: a capitalised article inside a
            // name, between two of its words.
            let inner_article = i > first_word
                && matches!(tokens[i].text, "Le" | "La" | "Du" | "Des")
                && tokens.get(i + 1).is_some_and(|n| {
                    is_name_word(n) && !is_function_word(n.lower()) && !is_common(n.lower())
                });
            if !inner_article
                && (is_function_word(lower)
                    || (sentence_start && (is_common(lower) || never_a_name(lower))))
            {
                break;
            }
            i += 1;
        }
        // « Reynal & Hitchcock », « Procter & Gamble »: one firm's name.
        while i > first_word
            && tokens.get(i).is_some_and(|t| t.text == "&")
            && tokens.get(i + 1).is_some_and(is_name_word)
        {
            i += 2;
            while i < tokens.len() && is_name_word(&tokens[i]) {
                i += 1;
            }
        }
        // `Léon de Milloué`, `Charles de Gaulle`: a first name, a particle, a surname
        // (after an honorific too: `Mgr Henri de Belsunce`).
        let honorific = matches!(
            tokens[first_word].text,
            "Mgr" | "Mme" | "Mlle" | "Dr" | "Me"
        );
        // (« Valéry Giscard d'Estaing »: a first name, a name, then the particle)
        let first_name_and_name = i == first_word + 2
            && crate::first_names::of_first_name(tokens[first_word].text).is_some();
        if (i == first_word + 1 || (honorific && i == first_word + 2) || first_name_and_name)
            && i + 1 < tokens.len()
            && matches!(
                tokens[i].text,
                "de" | "d'" | "von" | "van" | "di" | "da" | "del" | "della"
            )
            && is_name_word(&tokens[i + 1])
            && !TOPONYM_HEADS.contains(&tokens[first_word].lower())
            && !super::organisations::KEYWORDS.contains(&tokens[first_word].lower())
            && !super::dates::is_month(tokens[i + 1].text)
        {
            i += 2;
            while i < tokens.len() && is_name_word(&tokens[i]) {
                i += 1;
            }
        }
        // A sovereign's number belongs to the name: `Louis XIV`, `Henri IV`, `François Ier`.
        if i > first_word && tokens.get(i).is_some_and(is_regnal_number) {
            i += 1;
        }
        // A sovereign's epithet too: « Charles le Chauve », « Louis le Pieux », « Jean sans
        // Terre » (a one-word name, then « le », « la » or « sans » and a capitalised adjective
        // or noun of the lexicon).
        if i == first_word + 1 || (i == first_word + 2 && is_regnal_number(&tokens[i - 1])) {
            if let Some(n) = epithet_after(tokens, i) {
                i += n;
            }
        }
        if i > first_word {
            out.push(Name {
                first: start,
                end: i,
                first_word,
            });
        } else {
            i = first_word.max(start) + 1;
        }
    }
    out
}

/// The tokens of a sovereign's epithet starting at token `at` (« le Chauve », « sans Terre »):
/// a lower-case « le », « la » or « sans », then a capitalised word that the lexicon knows as
/// an adjective or a noun (« Pieux », « Germanique », « Bel », « Débonnaire »).
fn epithet_after(tokens: &[Token<'_>], at: usize) -> Option<usize> {
    let link = tokens.get(at)?;
    let word = tokens.get(at + 1)?;
    if !matches!(link.text, "le" | "la" | "sans") || !is_name_word(word) {
        return None;
    }
    let lower = word.lower();
    let lexicon = crate::lexicon::Lexicon::get();
    let pos = lexicon.pos_set(lower);
    let fits = pos.any(|p| p.is_adjective()) || pos.contains(crate::lexicon::Pos::Noun);
    (fits && !is_function_word(lower) && !super::dates::is_month(word.text)).then_some(2)
}

/// Whether a capitalised word names a people (« Américain », « Britannique », « Suisse »):
/// a word the lexicon knows in lower case as a noun or an adjective, with a demonym's
/// ending. Before a name it is no part of it (« l'Américain Johnny Weissmuller »).
pub fn is_demonym(word: &str) -> bool {
    if !word.starts_with(char::is_uppercase) || word.contains('-') {
        return false;
    }
    let lower = word.to_lowercase();
    // Adjectives with a demonym's ending that open names (« l'Ancien Régime ») are not
    // peoples.
    if matches!(
        lower.as_str(),
        "ancien" | "ancienne" | "certain" | "certaine" | "prochain" | "prochaine" | "lointain"
    ) {
        return false;
    }
    let ending = [
        "ain", "aine", "ais", "aise", "ois", "oise", "ien", "ienne", "ique", "ol", "ole",
    ]
    .iter()
    .any(|e| lower.ends_with(e))
        || matches!(
            lower.as_str(),
            "suisse" | "belge" | "russe" | "grec" | "turc" | "allemand" | "allemande"
        );
    ending
        && crate::lexicon::pos_set(&lower).any(|p| {
            matches!(
                p,
                crate::lexicon::Pos::Noun | crate::lexicon::Pos::Adjective
            )
        })
}

/// A word the lexicon knows only as an adverb, a preposition, a conjunction or a pronoun
/// (« Prudemment », « Aussitôt »): capitalised at the start of a sentence, never a name.
fn never_a_name(lower: &str) -> bool {
    thread_local! {
        static KNOWN: crate::clauses::WordAnswers = const { crate::clauses::no_answers() };
    }
    crate::clauses::remembered(&KNOWN, crate::lexicon::Lexicon::get(), lower, || {
        only_function_or_adverb(lower)
    })
}

/// [`never_a_name`], asked of the lexicon.
fn only_function_or_adverb(lower: &str) -> bool {
    let pos = crate::lexicon::pos_set(lower);
    !pos.is_empty()
        && !pos.any(|p| {
            !(p.is_function_word()
                || matches!(
                    p,
                    crate::lexicon::Pos::Adverb | crate::lexicon::Pos::Onomatopoeia
                ))
        })
}

/// A Roman numeral after a name (`XIV`, `II`) or `Ier`/`Ire`.
fn is_regnal_number(t: &Token<'_>) -> bool {
    t.text.len() <= 6 && is_regnal(t.text)
}

/// A sovereign's number as written after the name: `Ier`, `Ire`, or two or more of `I`,
/// `V`, `X` (`IV`, `XIV`, `XVI`).
pub(crate) fn is_regnal(w: &str) -> bool {
    matches!(w, "Ier" | "Ire")
        || (w.len() >= 2 && w.bytes().all(|b| matches!(b, b'I' | b'V' | b'X')))
}

fn is_initial(t: &Token<'_>) -> bool {
    t.kind == TokenKind::Word
        && t.text.len() <= 2
        && t.text.chars().count() == 1
        && t.text.starts_with(char::is_uppercase)
}

fn is_name_word(t: &Token<'_>) -> bool {
    t.is_capitalised() && t.text.len() >= 2 && t.text.chars().nth(1).is_some() && !t.is_acronym()
}

/// The key under which spelling variants of a name meet: folded, `y` read as `i`,
/// doubled letters single.
pub fn key(name: &str) -> String {
    let folded = fold(name);
    let mut out = String::with_capacity(folded.len());
    for c in folded.chars() {
        // `ï` is folded already.
        let c = if c == 'y' { 'i' } else { c };
        if out.ends_with(c) && c.is_alphabetic() {
            continue;
        }
        out.push(c);
    }
    out
}

/// Two names that are spelling variants of each other (`Kérénski`, `Kerensky`), or one the
/// surname of the other (`Kamenev`, `Lev Borisovich Kamenev`).
pub fn same_name(a: &str, b: &str) -> bool {
    let (ka, kb) = (key(a), key(b));
    if ka == kb {
        return true;
    }
    let last = |k: &str| k.rsplit([' ', '.']).next().unwrap_or("").to_string();
    let (la, lb) = (last(&ka), last(&kb));
    // Numbers are never spelling variants: 1966 and 1967 are two years.
    let spelled = |w: &str| !w.contains(|c: char| c.is_ascii_digit());
    spelled(&la)
        && spelled(&lb)
        && la.len() >= 4
        && lb.len() >= 4
        && edit_distance(&la, &lb) <= 1.max(la.len().min(lb.len()) / 6)
}

/// Levenshtein distance over characters.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for i in 1..=a.len() {
        cur[0] = i;
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            cur[j] = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

#[cfg(test)]
mod tests {
    use super::super::tokens::tokenize;
    use super::*;

    fn names(s: &str) -> Vec<&str> {
        let t = tokenize(s);
        let common = |w: &str| matches!(w, "entrent");
        find(&t, &common)
            .iter()
            .map(|n| {
                let (a, b) = n.span(&t);
                &s[a..b]
            })
            .collect()
    }

    #[test]
    fn finds_names_with_initials() {
        assert_eq!(
            names("Entrent dans le Sovnarkom P. Djaparidzé (Intérieur) et un S.R. de gauche I. Soukhartsev."),
            vec!["Sovnarkom", "P. Djaparidzé", "Intérieur", "I. Soukhartsev"]
        );
        assert_eq!(
            names("Le camarade N. I. Podvoïski et Lev Borisovich Kamenev."),
            vec!["N. I. Podvoïski", "Lev Borisovich Kamenev"]
        );
        assert_eq!(
            names("Podvoisky prendrait le contrôle du CMR."),
            vec!["Podvoisky"]
        );
    }

    #[test]
    fn a_particle_joins_a_first_name_and_a_surname() {
        assert_eq!(
            names("L'évêque, Mgr Henri de Belsunce, et Charles de Gaulle à Paris."),
            ["Mgr Henri de Belsunce", "Charles de Gaulle", "Paris"]
        );
        assert_eq!(
            names("Ils remettent au président Valéry Giscard d'Estaing un rapport."),
            ["Valéry Giscard d'Estaing"]
        );
        // Two words before the particle, without an honorific, are no first name.
        assert_eq!(
            names("Le Comité Central de Moscou."),
            ["Comité Central", "Moscou"]
        );
    }

    #[test]
    fn a_foreign_particle_belongs_to_the_name() {
        assert_eq!(
            names("Le général von Falkenhayn et Paul von Hindenburg arrivent à Berlin."),
            ["von Falkenhayn", "Paul von Hindenburg", "Berlin"]
        );
    }

    #[test]
    fn an_ampersand_joins_a_firm_s_name() {
        assert_eq!(
            names("Il paraît chez Reynal & Hitchcock à New York."),
            ["Reynal & Hitchcock", "New York"]
        );
    }

    #[test]
    fn a_sovereign_keeps_its_number() {
        assert_eq!(
            names(
                "L'édit, signé par Louis XIV en 1685, révoque celui d'Henri IV et de François Ier."
            ),
            vec!["Louis XIV", "Henri IV", "François Ier"]
        );
    }

    #[test]
    fn a_sovereign_keeps_its_epithet() {
        assert_eq!(
            names("Par le traité de Meerssen, Charles le Chauve et Louis le Germanique se partagent la Lotharingie, puis Jean sans Terre perd la Normandie."),
            vec!["Meerssen", "Charles le Chauve", "Louis le Germanique", "Lotharingie", "Jean sans Terre", "Normandie"]
        );
        // A word the lexicon does not know after « le » is no epithet.
        assert_eq!(
            names("Louis le Tellier arrive, Paris le Louvre."),
            vec!["Louis", "Tellier", "Paris", "Louvre"]
        );
    }

    #[test]
    fn variants_meet() {
        assert!(same_name("Kérénski", "Kerensky"));
        assert!(same_name("Kamenev", "Lev Borisovich Kamenev"));
        assert!(same_name("Podvoïski", "Podvoisky"));
        assert!(!same_name("Rykov", "Riazanov"));
        assert!(!same_name("avril 1966", "11 décembre 1967"));
    }

    #[test]
    fn a_people_before_a_name_is_not_part_of_it() {
        assert_eq!(
            names("L'Américain Johnny Weissmuller gagne trois titres."),
            ["Johnny Weissmuller"]
        );
        assert_eq!(
            names("Le Britannique Eric Liddell remporte le 400 m."),
            ["Eric Liddell"]
        );
        assert!(is_demonym("Finlandais"));
        assert_eq!(
            names("Prudemment, j'essayai de sonder Trotsky."),
            ["Trotsky"]
        );
        assert!(!is_demonym("Louvre"));
        assert!(!is_demonym("Grand"));
    }

    #[test]
    fn a_capitalised_article_inside_a_name_belongs_to_it() {
        assert_eq!(
            names("L'édit est rédigé par le chancelier Michel Le Tellier en 1685."),
            ["Michel Le Tellier"]
        );
        assert_eq!(names("Le Tellier rédige l'édit."), ["Tellier"]);
    }
}
