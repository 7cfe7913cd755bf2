//! Facts found in sentences: dates, quantities, people and their roles, places,
//! organisations and their other names.
//!
//! Extraction runs in two passes. The first reads every sentence of the corpus into a
//! [`Lexicon`]: which words occur in lower case (so a capitalised `Dans` at the start of a
//! sentence is no name) and what each proper name is said to be (a title before it makes a
//! person, `à` or `la gare de` a place, a keyword like `Comité` an organisation). The second
//! pass, [`analyse`], finds each sentence's facts with that knowledge.

pub mod countries;
pub mod dates;
pub mod epithets;
pub mod names;
pub mod organisations;
pub mod people;
pub mod phrases;
pub mod places;
pub mod quantities;
pub mod tokens;

use crate::typography::WordHash;
use std::collections::{HashMap, HashSet};
use tokens::{tokenize, Token};

/// What kind of thing an answer is; multiple-choice distractors share it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    /// A date.
    Date,
    /// A person.
    Person,
    /// A place.
    Place,
    /// A number of something.
    Quantity,
    /// An organisation.
    Organisation,
    /// Anything else (a description).
    Other,
}

/// Which kind of fact a card asks about, for reports and ranking.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum FactType {
    /// When something happened.
    Date,
    /// How many.
    Quantity,
    /// Who did something (a person named in the sentence).
    Person,
    /// Who held a role or did the action of a role verb.
    Role,
    /// Where.
    Place,
    /// Which organisation.
    Organisation,
    /// Another name of an organisation.
    Alias,
    /// Who someone was (an apposition).
    Apposition,
    /// A name given in quotation marks (« surnommées les « petites Curies » »).
    Epithet,
}

impl FactType {
    /// A short lower-case name for reports.
    pub fn name(self) -> &'static str {
        match self {
            FactType::Date => "date",
            FactType::Quantity => "quantity",
            FactType::Person => "person",
            FactType::Role => "role",
            FactType::Place => "place",
            FactType::Organisation => "organisation",
            FactType::Alias => "alias",
            FactType::Apposition => "apposition",
            FactType::Epithet => "epithet",
        }
    }
}

/// One fact of a sentence: an answer span and, for a question card, the question.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fact {
    /// What the fact is about.
    pub fact_type: FactType,
    /// Byte range of the answer in the sentence.
    pub answer: (usize, usize),
    /// What kind of thing the answer is.
    pub kind: Kind,
    /// The question, for a question/answer card; `None` for a cloze.
    pub question: Option<String>,
}

/// A typed mention, used as a distractor pool.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mention {
    /// What kind of thing it is.
    pub kind: Kind,
    /// Byte range in the sentence.
    pub span: (usize, usize),
}

/// What a sentence says.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Analysis {
    /// Facts worth a card.
    pub facts: Vec<Fact>,
    /// Every typed mention (dates, people, places, organisations, quantities).
    pub mentions: Vec<Mention>,
}

#[derive(Clone, Copy, Debug, Default)]
struct Evidence {
    person: i32,
    place: i32,
    organisation: i32,
    /// Something else: a military unit, a ship, a newspaper, a work, an event.
    other: i32,
}

/// Nouns whose name follows them and is neither a person, a place nor an organisation:
/// `le régiment Izmaïlovski`, `le croiseur Aurora`, `le journal Pravda`, `le film Les
/// Chariots de feu`.
const OTHER_NOUNS: &[&str] = &[
    "régiment",
    "bataillon",
    "division",
    "brigade",
    "escadron",
    "compagnie",
    "corps",
    "croiseur",
    "navire",
    "cuirassé",
    "paquebot",
    "vaisseau",
    "bateau",
    "frégate",
    "journal",
    "quotidien",
    "hebdomadaire",
    "revue",
    "magazine",
    "gazette",
    "périodique",
    "film",
    "roman",
    "livre",
    "poème",
    "recueil",
    "drame",
    "pièce",
    "opéra",
    "tableau",
    "toile",
    "album",
    "chanson",
    "œuvre",
    "opération",
    "plan",
    "traité",
    "décret",
    "loi",
    "édit",
    "prix",
    "médaille",
    "avion",
    "vol",
    "fusée",
    "satellite",
    "programme",
];

/// Ordinals that open the name of an event or a body's session (`Ier Congrès`, `Deuxième
/// Congrès`, `IIe République`): not an organisation to offer as a wrong answer.
pub fn is_ordinal(word: &str) -> bool {
    // Most words come lowered already: copied only when lowering changes a character.
    let w = if word
        .chars()
        .any(|c| c.to_lowercase().ne(std::iter::once(c)))
    {
        std::borrow::Cow::Owned(word.to_lowercase())
    } else {
        std::borrow::Cow::Borrowed(word)
    };
    if matches!(
        w.as_ref(),
        "premier"
            | "première"
            | "second"
            | "seconde"
            | "deuxième"
            | "troisième"
            | "quatrième"
            | "cinquième"
            | "sixième"
            | "septième"
            | "huitième"
            | "neuvième"
            | "dixième"
    ) {
        return true;
    }
    // `1er`, `2e`, `3ème`; `Ier`, `Ire`, `IIe`, `XVIIIe` in capitals (not `Le`, `Ce`, `Vie`).
    ["ème", "er", "re", "e"].iter().any(|suffix| {
        word.strip_suffix(suffix).is_some_and(|stem| {
            (!stem.is_empty() && stem.chars().all(|c| c.is_ascii_digit()))
                || ((stem.len() >= 2 || stem == "I")
                    && stem
                        .chars()
                        .all(|c| matches!(c, 'I' | 'V' | 'X' | 'L' | 'C')))
        })
    })
}

/// What the whole corpus says about words and names.
#[derive(Clone, Debug, Default)]
pub struct Lexicon {
    lower_words: HashSet<String, WordHash>,
    evidence: HashMap<String, Evidence, WordHash>,
    /// [`Lexicon::kind_of`] answers, by name as written: names recur, keys cost.
    kinds: std::cell::RefCell<HashMap<String, Kind, WordHash>>,
}

impl Lexicon {
    /// Reads every sentence of the corpus.
    pub fn build<'a>(sentences: impl Iterator<Item = &'a str> + Clone) -> Lexicon {
        let mut lex = Lexicon::default();
        for s in sentences.clone() {
            // Words only, split on anything but letters and inner hyphens: cheaper than
            // tokens, and the same words.
            for word in s.split(|c: char| !(crate::typography::is_letter(c) || c == '-')) {
                let word = word.trim_matches('-');
                // Lower-case words are stored as written: folding every word costs, and a
                // capitalised word is looked up in lower case, accents kept.
                if word.starts_with(char::is_lowercase) && !lex.lower_words.contains(word) {
                    lex.lower_words.insert(word.to_string());
                }
            }
        }
        // Names listed together (« Amsterdam, Barcelone, Los Angeles, Prague et Rome »), by
        // their first key.
        let mut lists: Vec<Vec<String>> = Vec::new();
        let mut tokens = Vec::new();
        for s in sentences {
            if !s.chars().any(char::is_uppercase) {
                continue;
            }
            tokens::tokenize_into(s, &mut tokens);
            let found = names::find(&tokens, &|w| lex.is_common(w));
            let mut list: Vec<String> = Vec::new();
            for (i, name) in found.iter().enumerate() {
                let e = lex.evidence_in(s, &tokens, name);
                let (a, b) = (tokens[name.first_word].start, tokens[name.end - 1].end);
                let keys = lex.keys(&s[a..b]);
                let listed = i > 0 && listed_together(&tokens, &found[i - 1], name);
                if !listed && list.len() >= 3 {
                    lists.push(std::mem::take(&mut list));
                }
                if !listed {
                    list.clear();
                }
                list.push(keys[0].clone());
                for key in keys {
                    let entry = lex.evidence.entry(key).or_default();
                    entry.person += e.person;
                    entry.place += e.place;
                    entry.organisation += e.organisation;
                    entry.other += e.other;
                }
            }
            if list.len() >= 3 {
                lists.push(list);
            }
        }
        lex.share_kinds_in_lists(&lists);
        lex
    }

    /// Names listed together are of one kind: the first one's, which the word before the
    /// list tells (« face à Amsterdam, Barcelone, Los Angeles … »), or else what most of
    /// them surely are (two at least, more than any other kind); the others are taken to be
    /// of it too.
    fn share_kinds_in_lists(&mut self, lists: &[Vec<String>]) {
        const KINDS: [Kind; 3] = [Kind::Person, Kind::Place, Kind::Organisation];
        for list in lists {
            let kinds: Vec<Kind> = list.iter().map(|k| self.kind_of_key(k)).collect();
            let count = |kind: Kind| kinds.iter().filter(|&&k| k == kind).count();
            let most = KINDS
                .into_iter()
                .max_by_key(|&k| count(k))
                .filter(|&k| count(k) >= 2)
                .filter(|&m| !KINDS.iter().any(|&k| k != m && count(k) == count(m)));
            let Some(kind) = Some(kinds[0]).filter(|k| KINDS.contains(k)).or(most) else {
                continue;
            };
            for (key, k) in list.iter().zip(&kinds) {
                if *k == kind {
                    continue;
                }
                let entry = self.evidence.entry(key.clone()).or_default();
                match kind {
                    Kind::Person => entry.person += 3,
                    Kind::Place => entry.place += 3,
                    _ => entry.organisation += 3,
                }
            }
        }
    }

    /// The kind the evidence under one key says.
    fn kind_of_key(&self, key: &str) -> Kind {
        let Some(e) = self.evidence.get(key) else {
            return Kind::Other;
        };
        kind_of_evidence(e)
    }

    /// True when the word occurs in lower case somewhere in the corpus.
    pub fn is_common(&self, word: &str) -> bool {
        if !word.chars().any(char::is_uppercase) {
            return self.lower_words.contains(word);
        }
        self.lower_words.contains(&word.to_lowercase())
    }

    fn keys(&self, name: &str) -> Vec<String> {
        let full = names::key(name);
        let last = full.rsplit(' ').next().unwrap_or(&full).to_string();
        if last == full {
            vec![full]
        } else {
            vec![full, last]
        }
    }

    fn evidence_in(&self, s: &str, tokens: &[Token<'_>], name: &names::Name) -> Evidence {
        let mut e = Evidence::default();
        let prev = name
            .first
            .checked_sub(1)
            .map(|p| tokens[p].lower())
            .unwrap_or_default();
        let next = tokens.get(name.end).map(|t| t.lower()).unwrap_or_default();
        let next2 = tokens
            .get(name.end + 1)
            .map(|t| t.lower())
            .unwrap_or_default();
        let words: Vec<&str> = tokens[name.first_word..name.end]
            .iter()
            .map(|t| t.lower())
            .collect();
        // (« le paquebot italien Conte Verde », « la firme américaine Eli Lilly »: the noun
        // of a kind, an adjective between it and the name)
        let noun_before = name
            .first
            .checked_sub(2)
            .filter(|_| {
                let adjective = &tokens[name.first - 1];
                adjective.text.starts_with(char::is_lowercase)
                    && crate::lexicon::Lexicon::get()
                        .pos_set(adjective.text)
                        .contains(crate::lexicon::Pos::Adjective)
            })
            .map(|p| tokens[p].lower())
            .unwrap_or_default();
        // (« British Journal of Experimental Pathology »: a name of English words after
        // « of » is a title's or a body's, not a person's)
        if OTHER_NOUNS.contains(&prev)
            || OTHER_NOUNS.contains(&noun_before)
            || words.first().is_some_and(|w| is_ordinal(w))
            || (prev == "of" && name.first >= 2 && tokens[name.first - 2].is_capitalised())
        {
            e.other += 4;
            return e;
        }
        // « (en italien : Monte Bianco) »: a name in another language, of what was named.
        let language_before = prev == ":"
            && name
                .first
                .checked_sub(2)
                .is_some_and(|p| LANGUAGES.contains(&tokens[p].lower()));
        if language_before {
            e.other += 4;
            return e;
        }
        // « l'Islande », « le Mexique »: a country is a place, whatever article it takes.
        if countries::is_country(&words.join(" ")) {
            e.place += 6;
            return e;
        }
        // « le Nord », « le Midi »: a point of the compass names a region.
        if let [word] = words.as_slice() {
            if matches!(
                *word,
                "nord" | "sud" | "est" | "ouest" | "midi" | "orient" | "occident"
            ) {
                e.place += 4;
                return e;
            }
        }
        // « Hauteville House », « Hyde Park »: an English noun of a building or a place ends
        // the name (two unknown capitalised words would otherwise pass for a person's).
        if words
            .last()
            .is_some_and(|w| ENGLISH_PLACE_HEADS.contains(w))
        {
            e.place += 3;
            return e;
        }
        // (« Sud-Aviation »: a keyword in a hyphened word too)
        let any_keyword = words
            .iter()
            .flat_map(|w| w.split('-'))
            .any(|w| organisations::KEYWORDS.contains(&w));
        // « Jean sans Terre », « Louis Daguerre »: a known first name opens a name of two
        // words or more (even of common words).
        if name.words() >= 2
            && crate::first_names::of_first_name(tokens[name.first_word].text).is_some()
        {
            e.person += 3;
        }
        let all_common = words.iter().all(|w| self.is_common(w));
        if all_common {
            return e;
        }
        if any_keyword {
            e.organisation += 3;
            return e;
        }
        let after_determiner = phrases::DETERMINERS.contains(&prev);
        // « la société Latécoère », « la compagnie Air Liban »: the noun of a body, with its
        // determiner, before the name; « Reynal & Hitchcock »: a firm's name.
        let is_body = |w: &str| {
            matches!(
                w,
                "société"
                    | "compagnie"
                    | "entreprise"
                    | "firme"
                    | "banque"
                    | "maison"
                    | "manufacture"
                    | "groupe"
            )
        };
        let body_at = if is_body(prev) {
            name.first.checked_sub(1)
        } else if is_body(noun_before) {
            name.first.checked_sub(2)
        } else {
            None
        };
        let body_noun = body_at
            .and_then(|b| b.checked_sub(1))
            .is_some_and(|p| phrases::DETERMINERS.contains(&tokens[p].lower()));
        if body_noun || tokens[name.first..name.end].iter().any(|t| t.text == "&") {
            // (above a first name's evidence: « la firme Eli Lilly »)
            e.organisation += 6;
            return e;
        }
        if people::TITLES.contains(&prev) {
            e.person += 3;
        } else if office_de(tokens, name.first)
            && next == ","
            && tokens.get(name.end + 1).is_some_and(Token::is_capitalised)
        {
            // « le cardinal de Sion, Matthieu Schiner, »: the person is the apposition, and
            // the name after the office is its see or its land.
            e.place += 2;
        } else if office_de(tokens, name.first)
            && LAND_OFFICES.contains(&tokens[name.first - 2].lower())
        {
            // « le roi de France », « évêque d'Avranches »: a sovereign or a bishop is
            // named by the land or the see that follows.
            e.place += 2;
        } else if people::is_office(prev) || office_de(tokens, name.first) {
            // « le chancelier Michel Le Tellier », « le cardinal de Richelieu ».
            e.person += 2;
        }
        // « l'Américain Johnny Weissmuller », « le Britannique Eric Liddell ».
        if name
            .first
            .checked_sub(1)
            .is_some_and(|p| names::is_demonym(tokens[p].text))
        {
            e.person += 2;
        }
        if name.has_initials() {
            e.person += 3;
        }
        // « Aubert, évêque d'Avranches », « Richard Ier, duc de Normandie »: a name, then the
        // office it held in apposition.
        if next == "," && people::is_office(next2) && !after_determiner {
            e.person += 3;
        }

        let in_brackets = prev == "(";
        // The particle of « René de Marillac » is no common word of the name.
        if name.words() >= 2
            && !after_determiner
            && !in_brackets
            && !words
                .iter()
                .any(|w| !matches!(*w, "de" | "d'") && self.is_common(w))
        {
            e.person += 2;
        }
        if prev == "par" {
            e.person += 1;
        }
        // « il publie Salammbô », « Madame Bovary paraît en 1857 »: what is published,
        // written or painted is a work, no person.
        // (« Son premier roman publié, Madame Bovary, paraît … »: a work's noun just before
        // the apposition)
        let work_before = prev == ","
            && (name.first.saturating_sub(4)..name.first.saturating_sub(1))
                .any(|p| OTHER_NOUNS.contains(&tokens[p].lower()));
        if (!after_determiner && makes_a_work(prev))
            || tells_a_work_out(next)
            || (next == "," && tells_a_work_out(next2))
            || work_before
        {
            e.other += 4;
        }
        // « les troupes rouges occupent Petrovsk », « il gagne Bruxelles »: the object of a
        // verb of taking or crossing a place.
        if !after_determiner && takes_a_place(prev) {
            e.place += 2;
        }
        if matches!(prev, "les" | "des") {
            // `les Russes`: a people.
            e.person -= 3;
        }
        if people::PERSON_VERBS.contains(&next) && !after_determiner {
            e.person += 2;
        }
        if next == "," && matches!(next2, "un" | "une" | "qui") && !after_determiner {
            e.person += 1;
        }
        // `Martov, menchévik de gauche, soumet …`: a name opening the sentence, then a remark.
        if name.first == 0 && name.words() == 1 && next == "," {
            e.person += 1;
        }
        if next == "," && matches!(next2, "né" | "née" | "mort" | "morte") {
            e.person += 3;
        }
        // « Le représentant des internationalistes unifiés, Avilov, … »: a name set
        // between commas after the office it holds.
        if prev == "," && next == "," {
            let from = name.first.saturating_sub(8);
            let office_before = (from..name.first.saturating_sub(2)).any(|k| {
                matches!(tokens[k].lower(), "le" | "la" | "l'")
                    && tokens.get(k + 1).is_some_and(|t| {
                        people::ROLE_NOUNS.contains(&t.lower()) || people::is_office(t.lower())
                    })
                    && !tokens[k + 2..name.first - 1].iter().any(|t| t.text == ",")
            });
            if office_before {
                e.person += 2;
            }
        }
        if next == "(" && tokens.get(name.end + 1).is_some_and(Token::is_capitalised) {
            e.person += 1;
        }
        e.place += places::evidence(tokens, name);
        if name.words() == 1 && words[0].ends_with("ie") {
            e.place += 1;
        }
        if after_determiner && name.words() == 1 && !matches!(prev, "au" | "aux") {
            e.organisation += 1;
        }
        let _ = s;
        e
    }

    /// True when every word of the text is a common word of the corpus, or the plural of
    /// one (`Congrès`, `Soviétiques`): no good wrong answer for a name.
    pub fn is_generic(&self, text: &str) -> bool {
        text.split([' ', '-', '\''])
            .filter(|w| !w.is_empty())
            .all(|w| {
                let l = w.to_lowercase();
                self.lower_words.contains(&l)
                    || l.strip_suffix(['s', 'x'])
                        .is_some_and(|s| self.lower_words.contains(s))
            })
    }

    /// What the corpus says the name is.
    pub fn kind_of(&self, name: &str) -> Kind {
        if let Some(&k) = self.kinds.borrow().get(name) {
            return k;
        }
        let k = self.kind_uncached(name);
        self.kinds.borrow_mut().insert(name.to_string(), k);
        k
    }

    fn kind_uncached(&self, name: &str) -> Kind {
        // Initials are not part of the key: `N. I. Podvoïski` is `Podvoïski`.
        let words: Vec<&str> = name
            .split(' ')
            .filter(|w| !(w.ends_with('.') && w.chars().count() <= 3))
            .collect();
        let bare = words.join(" ");
        let mut e = Evidence::default();
        for key in self.keys(&bare) {
            if let Some(found) = self.evidence.get(&key) {
                e.person += found.person;
                e.place += found.place;
                e.organisation += found.organisation;
                e.other += found.other;
            }
            if e.person + e.place + e.organisation + e.other > 0 {
                break;
            }
        }
        kind_of_evidence(&e)
    }
}

/// Verbs whose object is a place (not « atteindre », which reaches « Mach 2 » too).
const PLACE_VERBS: &[&str] = &[
    "occuper",
    "assiéger",
    "envahir",
    "traverser",
    "libérer",
    "évacuer",
    "bombarder",
    "conquérir",
    "annexer",
    "gagner",
    "quitter",
    "rejoindre",
    "visiter",
];

/// Whether `word` (lower case) is a finite form or a participle of a verb of
/// [`PLACE_VERBS`].
fn takes_a_place(word: &str) -> bool {
    word.len() > 3
        && crate::lexicon::Lexicon::get()
            .lookup(word)
            .any(|a| a.pos == crate::lexicon::Pos::Verb && PLACE_VERBS.contains(&a.lemma))
}

/// Verbs whose object is a work (a book, a painting, a piece of music).
const WORK_VERBS: &[&str] = &[
    "publier", "écrire", "composer", "peindre", "sculpter", "rédiger", "éditer", "achever",
    "dédier",
];

/// Whether `word` (lower case) is a finite form of a verb of [`WORK_VERBS`].
fn makes_a_work(word: &str) -> bool {
    // Asked of the word before every name of the corpus: remembered.
    thread_local! {
        static KNOWN: crate::clauses::WordAnswers = const { crate::clauses::no_answers() };
    }
    let lexicon = crate::lexicon::Lexicon::get();
    word.len() > 3
        && crate::clauses::remembered(&KNOWN, lexicon, word, || {
            lexicon.lookup(word).any(|a| {
                a.pos == crate::lexicon::Pos::Verb
                    && WORK_VERBS.contains(&a.lemma)
                    && a.verb_forms()
                        .any(|f| f.mood == crate::lexicon::Mood::Indicative)
            })
        })
}

/// Whether `word` (lower case), after a name, tells that the name is a work's: « paraît »,
/// « paraissent », « est publié ».
fn tells_a_work_out(word: &str) -> bool {
    matches!(
        word,
        "paraît" | "parait" | "paraissent" | "parut" | "parurent"
    )
}

/// Languages a name is given in (« en italien : Monte Bianco »).
const LANGUAGES: &[&str] = &[
    "italien",
    "anglais",
    "allemand",
    "espagnol",
    "russe",
    "latin",
    "arabe",
    "occitan",
    "breton",
    "basque",
    "catalan",
    "néerlandais",
    "portugais",
    "grec",
    "chinois",
    "japonais",
    "polonais",
    "turc",
    "corse",
    "alsacien",
    "provençal",
    "savoyard",
    "francoprovençal",
];

/// English nouns that end the name of a building or a place (« Hauteville House »), lower
/// case (surnames such as Hall, Court or Park are left out).
const ENGLISH_PLACE_HEADS: &[&str] = &[
    "house",
    "square",
    "street",
    "road",
    "castle",
    "palace",
    "tower",
    "bridge",
    "garden",
    "gardens",
    "abbey",
    "centre",
    "center",
    "stadium",
    "island",
    "river",
    "valley",
    "airport",
    "cathedral",
    "chapel",
    "museum",
    "theatre",
];

/// The kind the evidence for a name says: the strongest, when nothing ties with it.
fn kind_of_evidence(e: &Evidence) -> Kind {
    let best = e.person.max(e.place).max(e.organisation);
    if best <= 0 || e.other >= best {
        Kind::Other
    } else if e.person == best && e.place < best && e.organisation < best {
        Kind::Person
    } else if e.place == best && e.organisation < best && e.person < best {
        Kind::Place
    } else if e.organisation == best && e.person < best && e.place < best {
        Kind::Organisation
    } else {
        Kind::Other
    }
}

/// Whether two names of a sentence are listed together: only a comma, « et » or « ou »
/// between them.
fn listed_together(tokens: &[Token<'_>], before: &names::Name, name: &names::Name) -> bool {
    let between = &tokens[before.end..name.first];
    !between.is_empty()
        && between.len() <= 2
        && between.iter().all(|t| matches!(t.text, "," | "et" | "ou"))
}

/// Offices named by the land or the see they are held over (« le roi de France »,
/// « l'évêque d'Avranches »), whose holders go by their first names.
const LAND_OFFICES: &[&str] = &[
    "roi",
    "reine",
    "empereur",
    "impératrice",
    "tsar",
    "tsarine",
    "sultan",
    "émir",
    "évêque",
    "archevêque",
];

/// Whether the name at token `first` follows « office de » (« le cardinal de Richelieu »,
/// « le duc de Guise »).
fn office_de(tokens: &[Token<'_>], first: usize) -> bool {
    first >= 2
        && matches!(tokens[first - 1].text, "de" | "d'")
        && (people::TITLES.contains(&tokens[first - 2].lower())
            || people::is_office(tokens[first - 2].lower()))
}

/// Finds the facts and mentions of one sentence. With `facts` false, only the mentions
/// (for distractor pools) and the cloze facts are found, not the costlier questions.
pub fn analyse(s: &str, lexicon: &Lexicon, facts: bool) -> Analysis {
    analyse_tokens(s, &tokenize(s), lexicon, facts)
}

/// [`analyse`] with the sentence's tokens already made (by [`tokens::tokenize`]).
pub fn analyse_tokens(s: &str, tokens: &[Token<'_>], lexicon: &Lexicon, facts: bool) -> Analysis {
    let with_questions = facts;
    let mut facts = Vec::new();
    let mut mentions = Vec::new();
    let mut used = vec![false; tokens.len()];

    for d in dates::find(tokens) {
        for u in &mut used[d.first_token..d.end_token] {
            *u = true;
        }
        mentions.push(Mention {
            kind: Kind::Date,
            span: (d.start, d.end),
        });
        if d.has_day || d.has_year {
            facts.push(Fact {
                fact_type: FactType::Date,
                answer: (d.start, d.end),
                kind: Kind::Date,
                question: None,
            });
        }
        if let Some(q) = dates::question(s, tokens, &d).filter(|_| with_questions) {
            facts.push(Fact {
                fact_type: FactType::Date,
                answer: (d.start, d.end),
                kind: Kind::Date,
                question: Some(q),
            });
        }
    }
    for q in quantities::find(tokens, &used) {
        let t = &tokens[q.number];
        used[q.number] = true;
        mentions.push(Mention {
            kind: Kind::Quantity,
            span: (t.start, tokens[q.unit].end),
        });
        // (« deux millions de personnes »: a multiplier is part of the number asked)
        let multiplier = matches!(
            tokens[q.unit].lower(),
            "million" | "millions" | "milliard" | "milliards"
        );
        let end = if multiplier {
            tokens[q.unit].end
        } else {
            t.end
        };
        facts.push(Fact {
            fact_type: FactType::Quantity,
            answer: (t.start, end),
            kind: Kind::Quantity,
            question: None,
        });
    }
    let orgs = organisations::find(tokens);
    for &(a, b) in &orgs {
        mentions.push(Mention {
            kind: Kind::Organisation,
            span: (tokens[a].start, tokens[b - 1].end),
        });
    }
    if with_questions {
        organisations::aliases(s, tokens, &orgs, &mut facts);
        for answer in epithets::find(tokens, crate::lexicon::Lexicon::get()) {
            facts.push(Fact {
                fact_type: FactType::Epithet,
                answer,
                kind: Kind::Other,
                question: None,
            });
        }
    }

    let found = names::find(tokens, &|w| lexicon.is_common(w));
    for name in &found {
        if orgs.iter().any(|&(a, b)| name.first >= a && name.first < b) {
            continue;
        }
        // « au XIXe siècle », « le IIe Congrès »: an ordinal alone names nothing.
        if name.end == name.first + 1 && is_ordinal(tokens[name.first].text) {
            continue;
        }
        let (a, b) = name.span(tokens);
        let kind = lexicon.kind_of(&s[a..b]);
        match kind {
            Kind::Person => {
                mentions.push(Mention { kind, span: (a, b) });
                facts.push(Fact {
                    fact_type: FactType::Person,
                    answer: (a, b),
                    kind,
                    question: None,
                });
            }
            Kind::Place => {
                mentions.push(Mention { kind, span: (a, b) });
                if places::introduced_here(tokens, name) {
                    // « l'étang de Thau », « la piscine des Tourelles »: the noun of the
                    // place's kind is part of its name (a gap after it would cut the name).
                    let head = places::head_noun(tokens, name.first, name.end);
                    facts.push(Fact {
                        fact_type: FactType::Place,
                        answer: (head.map_or(a, |h| tokens[h].start), b),
                        kind,
                        question: None,
                    });
                }
            }
            Kind::Organisation => mentions.push(Mention { kind, span: (a, b) }),
            _ => {}
        }
    }
    if with_questions {
        people::roles(s, tokens, &found, lexicon, &mut facts);
    }
    Analysis { facts, mentions }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The questions the fact patterns ask of a sentence.
    fn questions_of(s: &str, lex: &Lexicon) -> Vec<String> {
        analyse(s, lex, true)
            .facts
            .into_iter()
            .filter_map(|f| f.question)
            .collect()
    }

    #[test]
    fn ordinals_open_events() {
        for w in [
            "Ier",
            "IIe",
            "XVIIIe",
            "1er",
            "2e",
            "Deuxième",
            "Première",
            "Ire",
        ] {
            assert!(is_ordinal(w), "{w}");
        }
        for w in ["Le", "Ce", "Vie", "Île", "Lénine", "Pierre", "Ve"] {
            assert!(!is_ordinal(w), "{w}");
        }
    }

    #[test]
    fn a_name_after_a_unit_or_a_work_is_no_person() {
        let lex = Lexicon::build(
            [
                "Un officier du régiment Izmaïlovski arrive.",
                "Nous rejoignons le régiment Izmaïlovski à Gatchina.",
                "Le Deuxième Congrès des Soviets s'ouvre.",
                "Le camarade Tchoudnovski arrive.",
            ]
            .into_iter(),
        );
        assert_eq!(lex.kind_of("Izmaïlovski"), Kind::Other);
        assert_eq!(lex.kind_of("Deuxième Congrès"), Kind::Other);
        assert_eq!(lex.kind_of("Tchoudnovski"), Kind::Person);
    }

    /// Checks the kinds a lexicon built from `sentences` gives the `names`.
    fn assert_kinds(sentences: &[&str], names: &[(&str, Kind)]) {
        let lex = Lexicon::build(sentences.iter().copied());
        for (name, kind) in names {
            assert_eq!(lex.kind_of(name), *kind, "{name}");
        }
    }

    #[test]
    fn the_object_of_a_verb_of_taking_a_place_is_a_place() {
        assert_kinds(
            &[
                "Fin avril, les troupes rouges occupent Petrovsk et Derbent.",
                "Il gagne Guernesey.",
            ],
            &[("Petrovsk", Kind::Place), ("Guernesey", Kind::Place)],
        );
    }

    #[test]
    fn the_noun_of_a_building_or_a_body_before_a_name_tells_its_kind() {
        assert_kinds(
            &[
                "Il étudie au collège Notre-Dame de Sainte-Croix, au Mans.",
                "En 1926, il entre à la société Latécoère à Toulouse.",
                "Le livre paraît chez l'éditeur Reynal & Hitchcock.",
            ],
            &[
                ("Notre-Dame de Sainte-Croix", Kind::Place),
                ("Latécoère", Kind::Organisation),
                ("Reynal & Hitchcock", Kind::Organisation),
            ],
        );
        // (an adjective between the noun and the name)
        assert_kinds(
            &[
                "La firme américaine Eli Lilly lance la production.",
                "Les joueurs embarquent sur le paquebot italien Conte Verde.",
            ],
            &[
                ("Eli Lilly", Kind::Organisation),
                ("Conte Verde", Kind::Other),
            ],
        );
    }

    #[test]
    fn english_words_after_of_are_no_person() {
        assert_kinds(
            &["Il publie ses observations dans le British Journal of Experimental Pathology."],
            &[("Experimental Pathology", Kind::Other)],
        );
    }

    #[test]
    fn a_work_published_or_written_is_no_person() {
        assert_kinds(
            &[
                "En 1862, il publie Salammbô, un roman historique situé à Carthage.",
                "Son premier roman publié, Madame Bovary, paraît en 1857.",
                "Gustave Flaubert défend Guy de Maupassant.",
            ],
            &[
                ("Salammbô", Kind::Other),
                ("Madame Bovary", Kind::Other),
                ("Guy de Maupassant", Kind::Person),
            ],
        );
    }

    #[test]
    fn a_name_in_another_language_is_no_person() {
        assert_kinds(
            &["Le mont Blanc (en italien : Monte Bianco) domine Chamonix."],
            &[("Monte Bianco", Kind::Other)],
        );
    }

    #[test]
    fn an_english_noun_of_a_building_ends_a_place() {
        assert_kinds(
            &[
                "En 1856, il achète Hauteville House.",
                "Il visite Windsor Castle avec Maurice Koechlin.",
            ],
            &[
                ("Hauteville House", Kind::Place),
                ("Windsor Castle", Kind::Place),
                ("Maurice Koechlin", Kind::Person),
            ],
        );
    }

    #[test]
    fn a_company_is_an_organisation() {
        let sentences = [
            "Air France inaugure la ligne Paris–Rio de Janeiro.",
            "Le programme associe Sud-Aviation et la British Aircraft Corporation.",
        ];
        let lex = Lexicon::build(sentences.into_iter());
        for name in ["Air France", "Sud-Aviation", "British Aircraft Corporation"] {
            assert_eq!(lex.kind_of(name), Kind::Organisation, "{name}");
        }
    }

    #[test]
    fn a_year_before_a_preposition_is_a_date() {
        let s = "La paix d'Alès est accordée par le roi en 1629 après la prise de la ville.";
        let lex = Lexicon::build([s].into_iter());
        let dates: Vec<&str> = analyse(s, &lex, false)
            .mentions
            .iter()
            .filter(|m| m.kind == Kind::Date)
            .map(|m| &s[m.span.0..m.span.1])
            .collect();
        assert_eq!(dates, ["1629"]);
    }

    #[test]
    fn an_office_or_a_people_before_a_name_makes_it_a_person() {
        let sentences = [
            "Le cardinal de Richelieu respecte ce compromis.",
            "Riquet adresse son projet au ministre Colbert.",
            "L'escrimeur Roger Ducret gagne trois titres.",
            "Le Finlandais Paavo Nurmi remporte cinq médailles.",
            "L'intendant du Poitou, René de Marillac, fait loger un régiment.",
            "Le représentant des internationalistes unifiés, Avilov, fait un long discours.",
        ];
        let lex = Lexicon::build(sentences.into_iter());
        for name in [
            "Richelieu",
            "Colbert",
            "Roger Ducret",
            "Paavo Nurmi",
            "René de Marillac",
            "Avilov",
        ] {
            assert_eq!(lex.kind_of(name), Kind::Person, "{name}");
        }
        // The office's place, when the person is named in apposition after it.
        let lex = Lexicon::build(
            ["Mais le cardinal de Sion, Matthieu Schiner, ennemi juré des Français, sut convaincre les cantons."]
                .into_iter(),
        );
        assert_ne!(lex.kind_of("Sion"), Kind::Person);
        assert_eq!(lex.kind_of("Matthieu Schiner"), Kind::Person);
        // A sovereign's land and a bishop's see; the person who held the office.
        let sentences = [
            "Le roi de France, qui vient d'arracher la Normandie à Jean sans Terre, finance la reconstruction.",
            "L'archange apparut en 708 à Aubert, évêque d'Avranches, pour lui demander un sanctuaire.",
            "En 966, Richard Ier, duc de Normandie, installa sur le mont des moines.",
        ];
        let lex = Lexicon::build(sentences.into_iter());
        assert_eq!(lex.kind_of("France"), Kind::Place);
        assert_eq!(lex.kind_of("Avranches"), Kind::Place);
        for name in ["Jean sans Terre", "Aubert", "Richard Ier"] {
            assert_eq!(lex.kind_of(name), Kind::Person, "{name}");
        }
    }

    #[test]
    fn an_office_in_apposition_names_who_held_it() {
        let s = "Le régiment est envoyé par Louvois, secrétaire d'État à la Guerre : c'est la dragonnade.";
        let lex = Lexicon::build([s, "Le ministre Louvois arrive."].into_iter());
        let questions = questions_of(s, &lex);
        assert!(
            questions.contains(&"Qui était secrétaire d'État à la Guerre ?".to_string()),
            "{questions:?}"
        );
        // A kinship is no office: « son fils, Jean-Mathias » asks nothing of the kind.
        let s =
            "Il meurt en 1680 ; c'est Jean-Mathias Riquet, fils de Riquet, qui achève le canal.";
        let lex = Lexicon::build([s, "Le docteur Jean-Mathias Riquet arrive."].into_iter());
        assert!(!analyse(s, &lex, true)
            .facts
            .iter()
            .filter_map(|f| f.question.as_deref())
            .any(|q| q.starts_with("Qui était fils")));
    }

    #[test]
    fn names_listed_together_are_of_one_kind() {
        let sentences = [
            "Paris est choisie face à Amsterdam, Barcelone, Los Angeles, Prague et Rome.",
            "Il vit à Amsterdam puis à Barcelone.",
            "Il naît à Prague.",
        ];
        let lex = Lexicon::build(sentences.into_iter());
        assert_eq!(lex.kind_of("Los Angeles"), Kind::Place);
    }

    #[test]
    fn a_nomination_says_who_named() {
        let s = "Pour atténuer le malaise, Chahoumian nomme M. Azizbekov commissaire pour la province de Bakou.";
        let lex = Lexicon::build(
            [
                s,
                "Le camarade Chahoumian arrive.",
                "Le camarade Azizbekov part.",
            ]
            .into_iter(),
        );
        let questions = questions_of(s, &lex);
        assert!(
            questions.contains(
                &"Qui Chahoumian nomme-t-il commissaire pour la province de Bakou ?".to_string()
            ),
            "{questions:?}"
        );
    }

    #[test]
    fn a_list_item_gives_a_role_whatever_its_remark_in_brackets() {
        let s = "Alexandra Kollontaï : commissaire du peuple à l'Assistance publique (novembre 1917-mars 1918 ; première femme membre d'un gouvernement).";
        let lex = Lexicon::build([s].into_iter());
        let questions = questions_of(s, &lex);
        assert!(
            questions
                .contains(&"Qui fut commissaire du peuple à l'Assistance publique ?".to_string()),
            "{questions:?}"
        );
    }
}
