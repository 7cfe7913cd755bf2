//! Distractors for multiple choice: three wrong answers of the same kind, drawn from the
//! corpus (a person for a person, a date of the same shape for a date, a number of the same
//! unit for a quantity).

use crate::cards::GeneratedCard;
use crate::facts::names::same_name;
use crate::facts::places::PlaceKind;
use crate::facts::Kind;
use crate::lexicon::Gender;
use crate::typography::fold;
use std::collections::{BTreeMap, HashSet};

#[derive(Clone, Debug)]
struct Entry {
    text: String,
    unit: String,
    /// The documents that name it: the first few (see [`ENTRY_DOCUMENTS`]).
    documents: Vec<u16>,
}

/// How many of the documents naming one mention an entry keeps: enough to tell whose
/// subject it is of.
const ENTRY_DOCUMENTS: usize = 8;

impl Entry {
    /// Whether the document `d` names it.
    fn of(&self, d: u16) -> bool {
        self.documents.contains(&d)
    }
}

/// Every typed mention of the corpus, by kind.
#[derive(Clone, Debug, Default)]
pub struct Pools {
    by_kind: BTreeMap<Kind, Vec<Entry>>,
    /// Each mention's index in its kind's pool.
    seen: std::collections::HashMap<(Kind, String), usize>,
    buffer: String,
    /// What the words before each place name said of its kind, weighed, by folded name.
    place_votes: std::collections::HashMap<String, [u16; PlaceKind::ALL.len()]>,
    /// The kinds (index in [`PlaceKind::ALL`]) a noun before a place said it is, by place.
    named_kinds: std::collections::HashSet<(String, usize)>,
    /// Folded other names of organisations that cards ask (`Sovnarkom`, `Milrevcom`).
    aliases: HashSet<String>,
    /// Pairs of names of one thing or person, folded (`Comité militaire révolutionnaire`,
    /// `Milrevcom`; `Marie Curie`, `Maria Salomea Skłodowska`): one is never a wrong
    /// answer where the other is asked about or named.
    same_things: Vec<(String, String)>,
    /// The articles seen before each name, folded ([`Article`] bits): a distractor fits
    /// the article before the gap (« la [...] » takes « Douma », not « Tcheka » said « le »).
    articles: std::collections::HashMap<String, u8>,
    /// Names the corpus gives as countries (« en France »): never a person.
    countries: HashSet<String>,
    /// Each document's era (see [`Pools::set_eras`]), by index; empty until set.
    eras: Vec<Option<crate::setting::Era>>,
    /// The other documents each document shares a subject with (see
    /// [`Pools::set_subjects`]), sorted, by index; `None` until set.
    kin: Option<Vec<Vec<u16>>>,
}

/// A noun in more documents than this tells no subject apart.
const SUBJECT_SPAN: usize = 64;

/// How many years apart two documents' eras may be and still lend each other wrong
/// answers: a generation.
const ERA_SLACK: u32 = 25;

/// How far a wrong year of another document may be from the answer's.
const YEAR_SLACK: u32 = 40;

/// How many times larger or smaller than the answer a count of another sentence may be
/// (« 4 806 mètres » takes no « 35,42 mètres »).
const MAGNITUDE: f64 = 3.0;

/// The article a name is said with: bits of [`Pools::articles`].
mod article {
    pub const MASCULINE: u8 = 1;
    pub const FEMININE: u8 = 2;
    pub const PLURAL: u8 = 4;
    pub const NONE: u8 = 8;

    /// The article bit of the word before a name (lower case): « le », « du », « au »,
    /// « un » are masculine; « la », « une » feminine; « les », « des », « aux » plural; a
    /// preposition or a comma none. `None` for an elided « l' » (either gender) and words
    /// that say nothing (« camarade »).
    pub fn of(word: &str) -> Option<u8> {
        match word {
            "le" | "du" | "au" | "un" | "d'un" | "d’un" | "ce" | "cet" => Some(MASCULINE),
            "la" | "une" | "d'une" | "d’une" | "cette" => Some(FEMININE),
            "les" | "des" | "aux" | "ces" => Some(PLURAL),
            "à" | "de" | "par" | "avec" | "et" | "," | "entre" | "vers" | "pour" | "contre"
            | "sur" | "chez" | "dans" => Some(NONE),
            _ => None,
        }
    }
}

impl Pools {
    /// Adds a mention; `unit` is the counted noun of a quantity (empty otherwise).
    pub fn add(&mut self, kind: Kind, text: &str, unit: &str, document: u16) {
        if kind == Kind::Other || text.chars().count() > 40 {
            return;
        }
        crate::typography::fold_into(text, &mut self.buffer);
        let key = (kind, std::mem::take(&mut self.buffer));
        let pool = self.by_kind.entry(kind).or_default();
        if let Some(&i) = self.seen.get(&key) {
            self.buffer = key.1;
            let documents = &mut pool[i].documents;
            if documents.len() < ENTRY_DOCUMENTS && !documents.contains(&document) {
                documents.push(document);
            }
            return;
        }
        self.seen.insert(key, pool.len());
        pool.push(Entry {
            text: text.to_string(),
            unit: fold(unit),
            documents: vec![document],
        });
    }

    /// Whether `text` is the answer of an alias card: the corpus tells another name of it.
    pub fn is_alias(&self, text: &str) -> bool {
        self.aliases.contains(&fold(text))
    }

    /// Records `text` as another name of an organisation (the answer of an alias card).
    pub fn add_alias(&mut self, text: &str) {
        self.aliases.insert(fold(text));
    }

    /// Records that an alias card's subject and answer name one thing or person
    /// (« Sous quel autre nom connaît-on le Conseil des Commissaires du Peuple ? » →
    /// « Sovnarkom »; « Quel est le nom de naissance de Marie Curie ? »).
    pub fn add_alias_card(&mut self, card: &GeneratedCard) {
        if card.fact_type != crate::facts::FactType::Alias {
            return;
        }
        let subject = [
            "Sous quel autre nom connaît-on ",
            "Quel est le nom de naissance de ",
            "Quel sigle désigne ",
        ]
        .iter()
        .find_map(|p| card.prompt.strip_prefix(p))
        .or_else(|| {
            card.prompt
                .strip_prefix("Quel sigle, autre que ")
                .and_then(|r| r.split_once(", désigne ").map(|(_, s)| s))
        })
        .and_then(|r| r.strip_suffix(" ?"));
        if let Some(subject) = subject {
            self.same_things.push((fold(subject), fold(&card.answer)));
        }
    }

    /// Records the word before one mention of the name `text` (lower case): the article
    /// the name takes.
    pub fn note_article(&mut self, text: &str, before: &str) {
        if let Some(bit) = article::of(before) {
            *self.articles.entry(fold(text)).or_default() |= bit;
        }
    }

    /// Records each document's era: the years its dates span (see
    /// `setting::Settings::era_of`). A document lends wrong answers to another only when
    /// their eras meet within [`ERA_SLACK`] years: the pilots of 1969 are no wrong answers
    /// for a battle of 1515, nor its dates for a plague of 1720. A document of no year
    /// lends to none.
    pub fn set_eras(&mut self, eras: Vec<Option<crate::setting::Era>>) {
        self.eras = eras;
    }

    /// Records each document's subject words (see [`subject_words`], and any other word
    /// that tells its subject, such as the names of its people): a document lends
    /// wrong answers to another only when they share one (the Soviets of Petrograd and of
    /// Bakou share « bolchevik »; a plague of 1720 and a canal of 1681 share none), besides
    /// their eras' meeting. A word of more than [`SUBJECT_SPAN`] documents is too common to
    /// tell a subject.
    pub fn set_subjects(&mut self, words: &[Vec<String>]) {
        let mut documents: std::collections::HashMap<&str, Vec<u16>> = Default::default();
        for (d, words) in words.iter().enumerate() {
            for w in words {
                documents.entry(w.as_str()).or_default().push(d as u16);
            }
        }
        let kin = words
            .iter()
            .map(|words| {
                let mut kin: Vec<u16> = words
                    .iter()
                    .filter_map(|w| documents.get(w.as_str()))
                    .filter(|docs| docs.len() <= SUBJECT_SPAN)
                    .flatten()
                    .copied()
                    .collect();
                kin.sort_unstable();
                kin.dedup();
                kin
            })
            .collect();
        self.kin = Some(kin);
    }

    /// Whether documents `a` and `b` lend each other wrong answers: of one time (see
    /// [`Pools::set_eras`]) and one subject (see [`Pools::set_subjects`]); each test holds
    /// until it is set.
    fn related(&self, a: u16, b: u16) -> bool {
        if a == b {
            return true;
        }
        let of_one_time = self.eras.is_empty()
            || match (self.eras.get(a as usize), self.eras.get(b as usize)) {
                (Some(Some(x)), Some(Some(y))) => {
                    x.from <= y.to + ERA_SLACK && y.from <= x.to + ERA_SLACK
                }
                _ => false,
            };
        let of_one_subject = self.kin.as_ref().is_none_or(|kin| {
            kin.get(a as usize)
                .is_some_and(|k| k.binary_search(&b).is_ok())
        });
        of_one_time && of_one_subject
    }

    /// Records the names the corpus gives as countries: never offered as persons.
    pub fn add_countries<'a>(&mut self, names: impl IntoIterator<Item = &'a str>) {
        self.countries.extend(names.into_iter().map(fold));
    }

    /// Whether `candidate` is another name of the answer, or of a name the prompt holds.
    fn names_the_same(&self, candidate: &str, answer: &str, prompt: &str) -> bool {
        let c = fold(candidate);
        let a = fold(answer);
        let overlaps = |x: &str, y: &str| {
            x == y || content_words(x).intersection(&content_words(y)).count() >= 2
        };
        self.same_things.iter().any(|(x, y)| {
            let pair =
                |x: &str, y: &str| overlaps(&c, y) && (overlaps(&a, x) || prompt.contains(x));
            pair(x, y) || pair(y, x)
        })
    }

    /// True when `text` is surely an organisation: an acronym, a name headed by a keyword
    /// (`Comité …`, `Parti …`), or another name the corpus gives one; not a place, nor an
    /// event with an ordinal (`Ier Congrès`). `Néva` or `Pravda`, one word after an article,
    /// are not sure enough to be offered as an organisation.
    fn sure_organisation(&self, text: &str) -> bool {
        let first = text.split([' ', '\'']).next().unwrap_or("");
        if crate::facts::is_ordinal(first) || self.place_kind(text).is_some() {
            return false;
        }
        is_acronym(text)
            || self.aliases.contains(&fold(text))
            || text
                .split([' ', '\'', '-'])
                .any(|w| crate::facts::organisations::KEYWORDS.contains(&w.to_lowercase().as_str()))
    }

    /// Records that the words before one mention of the place `text` say it is a `kind`,
    /// with the `weight` of that evidence.
    pub fn vote_place(&mut self, text: &str, kind: PlaceKind, weight: u16) {
        let votes = self.place_votes.entry(fold(text)).or_default();
        let i = PlaceKind::ALL.iter().position(|k| *k == kind).unwrap_or(0);
        votes[i] = votes[i].saturating_add(weight);
        if weight >= 3 {
            self.named_kinds.insert((fold(text), i));
        }
    }

    /// Whether the folded name is a country's: the corpus says so (« en France ») or it is
    /// one of the world's.
    fn is_country(&self, folded: &str) -> bool {
        self.countries.contains(folded) || crate::facts::countries::is_folded_country(folded)
    }

    /// Whether the corpus gives `text` as a place somewhere: in the places' pool, with a
    /// vote for a kind of place (even a tie, where [`Pools::place_kind`] tells none), or as
    /// a country.
    fn also_a_place(&self, text: &str) -> bool {
        let folded = fold(text);
        self.place_votes.contains_key(&folded)
            || self.is_country(&folded)
            || self.seen.contains_key(&(Kind::Place, folded))
    }

    /// The kind of place `text` is, by the strongest evidence of the corpus; `None` when
    /// nothing said or two kinds tie.
    pub fn place_kind(&self, text: &str) -> Option<PlaceKind> {
        let votes = self.place_votes.get(&fold(text))?;
        let best = *votes.iter().max()?;
        if best == 0 || votes.iter().filter(|v| **v == best).count() > 1 {
            return None;
        }
        votes
            .iter()
            .position(|v| *v == best)
            .map(|i| PlaceKind::ALL[i])
    }

    /// [`Pools::place_kind`], only when the corpus said it with a noun (`le palais
    /// Smolny`, `la ville de Bakou`), not only with a preposition (`à Smolny` is said of a
    /// building as of a town).
    pub fn sure_place_kind(&self, text: &str) -> Option<PlaceKind> {
        let kind = self.place_kind(text)?;
        let i = PlaceKind::ALL.iter().position(|k| *k == kind)?;
        self.named_kinds.contains(&(fold(text), i)).then_some(kind)
    }

    /// For a question asking the acronym of an organisation (`Quel sigle désigne le Comité
    /// militaire révolutionnaire ?`), another acronym of the corpus made of the same
    /// initials (`CMR`) is a second right answer: it is returned so the question can exclude
    /// it, and it is never a distractor.
    pub fn other_acronym(&self, card: &GeneratedCard) -> Option<String> {
        let name = card
            .prompt
            .strip_prefix("Quel sigle désigne ")?
            .strip_suffix(" ?")?;
        let initials = initials(name);
        let pool = self.by_kind.get(&Kind::Organisation)?;
        pool.iter()
            .find(|e| e.text == initials && e.text != card.answer)
            .map(|e| e.text.clone())
    }

    /// Three distractors for the card, or none when the corpus has too few of its kind.
    pub fn choose(&self, card: &GeneratedCard) -> Vec<String> {
        // « deux millions », « 100 millions »: the number's wrong answers, with its
        // multiplier.
        if card.answer_kind == Kind::Quantity {
            if let Some((number, multiplier)) = card.answer.rsplit_once(' ') {
                if matches!(
                    multiplier,
                    "million" | "millions" | "milliard" | "milliards"
                ) {
                    let mut bare = card.clone();
                    bare.answer = number.to_string();
                    return self
                        .choose(&bare)
                        .into_iter()
                        .map(|n| {
                            let plural = n != "un" && n != "1";
                            let word = multiplier.trim_end_matches('s');
                            format!("{n} {word}{}", if plural { "s" } else { "" })
                        })
                        .collect();
                }
            }
        }
        // A count in words (« cinq médailles d'or ») takes its neighbours, in words too.
        let in_words = card.answer_kind == Kind::Quantity
            && crate::facts::quantities::value_of_words(&card.answer.to_lowercase()).is_some();
        if in_words {
            return neighbours_in_words(&card.answer);
        }
        if card.answer_kind == Kind::Date {
            if let Some(others) = neighbouring_centuries(&card.answer) {
                return others;
            }
        }
        if let Some(members) = list_members(card) {
            return self.lists_like(card, &members);
        }
        let from_corpus = self.of_the_corpus(card);
        if from_corpus.is_empty() && card.answer_kind == Kind::Quantity {
            return numbers_near(&card.answer, part_of(&card.prompt));
        }
        if from_corpus.is_empty() && card.answer_kind == Kind::Date {
            // The corpus's dates of the answer's time first, then dates near it.
            let mut out = self.some_wrong_answers(card, 3);
            let prompt_years = years_of(&card.prompt.replace(crate::cards::GAP, " "));
            let answer_year = years_of(&card.answer).last().copied();
            // (no year after the last its document knows: « la dernière mesure connue, en
            // [...] » of 2023 takes no 2028)
            let last = self
                .eras
                .get(card.document as usize)
                .copied()
                .flatten()
                .map(|era| era.last.max(answer_year.unwrap_or(0)));
            let near = dates_near(&card.answer, |d| {
                same_side_of(&prompt_years, answer_year, d)
                    && !fold(&card.prompt).contains(&fold(d))
                    && last.is_none_or(|last| years_of(d).last().is_none_or(|&y| y <= last))
                    && !out.iter().any(|o| o == d)
            });
            out.extend(near.into_iter().take(3 - out.len()));
            return if out.len() == 3 { out } else { Vec::new() };
        }
        from_corpus
    }

    /// Wrong answers for a list of names (« Kamenev et Riazanov »): as many names, each a
    /// wrong answer for one of its members, written the same way; none unless each member
    /// has some.
    fn lists_like(&self, card: &GeneratedCard, members: &[&str]) -> Vec<String> {
        let mut each: Vec<Vec<String>> = Vec::with_capacity(members.len());
        let mut used: Vec<String> = members.iter().map(|m| m.to_string()).collect();
        for member in members {
            let alone = GeneratedCard {
                answer: member.to_string(),
                ..card.clone()
            };
            // (enough for three once the names taken already are left out)
            let mut wrong = self.some_wrong_answers(&alone, 3 + used.len());
            // (no name of the answer under another spelling: « Alexander Fleming » for
            // « Fleming, Florey et Chain »)
            wrong.retain(|w| !used.iter().any(|u| u == w || same_name(u, w)));
            wrong.truncate(3);
            if wrong.is_empty() {
                return Vec::new();
            }
            used.extend(wrong.iter().cloned());
            each.push(wrong);
        }
        let n = each.iter().map(Vec::len).min().unwrap_or(0);
        if n < 3 {
            return Vec::new();
        }
        (0..n)
            .map(|k| {
                let names: Vec<&str> = each.iter().map(|w| w[k].as_str()).collect();
                let (last, first) = names.split_last().expect("two names or more");
                format!("{} et {last}", first.join(", "))
            })
            .collect()
    }

    /// Three distractors of the corpus for the card, or none.
    fn of_the_corpus(&self, card: &GeneratedCard) -> Vec<String> {
        self.wrong_answers(card, 3)
    }

    /// `wanted` distractors of the corpus for the card, or none.
    fn wrong_answers(&self, card: &GeneratedCard, wanted: usize) -> Vec<String> {
        let found = self.some_wrong_answers(card, wanted);
        if found.len() == wanted {
            found
        } else {
            Vec::new()
        }
    }

    /// Up to `wanted` distractors of the corpus for the card, the best first.
    fn some_wrong_answers(&self, card: &GeneratedCard, wanted: usize) -> Vec<String> {
        let Some(pool) = self.by_kind.get(&card.answer_kind) else {
            return Vec::new();
        };
        // Wrong answers that are surely organisations are for an answer that surely is one
        // (« sous le [...] » → « Carrousel du Louvre » takes no « Comité de Salut Public »).
        if card.answer_kind == Kind::Organisation && !self.sure_organisation(&card.answer) {
            return Vec::new();
        }
        let prompt = fold(&card.prompt);
        let context = fold(&card.context);
        let answer_folded = fold(&card.answer);
        let unit = if card.answer_kind == Kind::Quantity {
            unit_after(&card.context, &card.answer)
        } else {
            String::new()
        };
        let shape = date_shape(&card.answer);
        let words = card.answer.split(' ').count();
        // The frame before the gap: `L'[...]` takes a name that starts with a vowel sound,
        // `Le [...]` one that does not.
        let before_gap = card
            .prompt
            .split_once(crate::cards::GAP)
            .map(|(before, _)| before);
        // The word right before the gap, in lower case.
        let word_before_gap = before_gap
            .and_then(|before| before.split_whitespace().next_back())
            .map(str::to_lowercase);
        let elided_frame = before_gap.map(|before| before.ends_with(['\'', '’']));
        // « de [...] », « que [...] »: a word that elides before a vowel takes a wrong answer
        // that starts with none (« attentats de octobre 1917 » is no French), whatever its
        // kind; « d'[...] » one that does.
        let elision = elided_frame.and_then(|elided| {
            if elided {
                return Some(true);
            }
            let last = word_before_gap.as_deref()?;
            matches!(last, "de" | "le" | "la" | "que" | "jusque" | "lorsque").then_some(false)
        });
        let prompt_words = content_words(&card.prompt);
        let answer_words = content_words(&card.answer);
        let whole = part_of(&card.prompt);
        // The article before the gap (« au [...] », « la [...] »), for a name said with one.
        let frame = (card.kind == crate::cards::CardKind::Cloze
            && matches!(card.answer_kind, Kind::Place | Kind::Organisation))
        .then(|| word_before_gap.as_deref().and_then(article::of))
        .flatten();
        // The capitalised words of the prompt.
        let prompt_names: Vec<String> = card
            .prompt
            .split(|c: char| !c.is_alphanumeric() && c != '-')
            .filter(|w| w.chars().count() >= 4 && w.starts_with(char::is_uppercase))
            .map(crate::facts::names::key)
            .collect();
        let prompt_years = years_of(&card.prompt.replace(crate::cards::GAP, " "));
        let answer_year = years_of(&card.answer).last().copied();
        let acronym = is_acronym(&card.answer);
        // A count given with its unit (« 150 voix »): distractors are counts of the same
        // unit, written the same way, and never the answer's own number.
        let (answer_number, answer_unit) = split_count(&card.answer);
        let named = matches!(
            card.answer_kind,
            Kind::Person | Kind::Place | Kind::Organisation
        );
        // A place of a known kind takes places of that kind (a town for a town).
        let place_kind = if card.answer_kind == Kind::Place {
            self.place_kind(&card.answer)
        } else {
            None
        };
        // A place whose kind nothing told is taken for a town, the kind most places named
        // bare are (« occupent [...] et Derbent »): no region, station or river beside it.
        // (a country is no town: « à [...] » of « à Paris » takes no « France »)
        // (a country takes countries: « Le roi de [...] » → France takes no towns)
        let a_country = card.answer_kind == Kind::Place && self.is_country(&answer_folded);
        let fits_the_kind = |e: &Entry| match place_kind {
            _ if a_country => self.is_country(&fold(&e.text)),
            Some(PlaceKind::Settlement) => {
                self.place_kind(&e.text) == Some(PlaceKind::Settlement)
                    && !self.is_country(&fold(&e.text))
            }
            Some(kind) => self.place_kind(&e.text) == Some(kind),
            None if card.answer_kind == Kind::Place => {
                self.place_kind(&e.text)
                    .is_none_or(|k| k == PlaceKind::Settlement)
                    && !self.is_country(&fold(&e.text))
            }
            None => true,
        };
        // « la création d'un [...] »: after an indefinite article, no body named by one word
        // of its own (« d'un Sovnarkom »).
        let indefinite = card.kind == crate::cards::CardKind::Cloze
            && word_before_gap
                .as_deref()
                .is_some_and(|w| matches!(w, "un" | "une" | "d'un" | "d'une" | "d’un" | "d’une"));
        // What the situation line names is the card's setting, never its answer (a name;
        // its year may be a fair wrong date).
        let situation = if named {
            fold(&card.situation)
        } else {
            String::new()
        };
        let answer_value = leading_number(&card.answer);
        // A person's wrong answers are of the answer's gender: a woman asked about (« la
        // première femme à gravir … », « née Maria … ») takes only names the first names
        // table tells are women's; a man, or a gap after « le savant genevois », takes no
        // woman's name.
        let gender = (card.answer_kind == Kind::Person)
            .then(|| person_gender(card))
            .flatten();
        let mut ranked: Vec<(u8, u8, u64, &Entry)> = pool
            .iter()
            // Another document lends its names and numbers when it is of the answer's time
            // and subject; its towns, whatever its subject, when the corpus told them as
            // towns (a town is a town in any story; a crater of another is not this one's).
            .filter(|e| {
                e.documents.iter().any(|&d| self.related(card.document, d))
                    || card.answer_kind == Kind::Place && {
                        let kind = self.place_kind(&e.text);
                        kind == Some(PlaceKind::Settlement)
                            && place_kind.is_none_or(|k| k == PlaceKind::Settlement)
                    }
            })
            // Another name of someone is a name of the same document's (« Quel est le nom
            // de naissance de Marie Curie ? » takes no other woman's name).
            .filter(|e| {
                !(card.answer_kind == Kind::Person
                    && card.fact_type == crate::facts::FactType::Alias
                    && !e.of(card.document))
            })
            .filter(|e| match gender {
                None => true,
                Some((g, true)) => crate::first_names::of_mention(&e.text) == Some(g),
                Some((g, false)) => crate::first_names::of_mention(&e.text).is_none_or(|h| h == g),
            })
            // A wrong date is of the answer's time (« 8 août 1786 » is no wrong day for a
            // tunnel opened in 1965).
            .filter(|e| {
                card.answer_kind != Kind::Date
                    || answer_year.is_none_or(|y| {
                        years_of(&e.text)
                            .last()
                            .is_none_or(|other| other.abs_diff(y) <= YEAR_SLACK)
                    })
            })
            // A count of the answer's order of magnitude.
            .filter(|e| {
                card.answer_kind != Kind::Quantity
                    || answer_value
                        .zip(leading_number(&e.text))
                        .is_none_or(|(a, b)| {
                            a > 0.0 && b > 0.0 && b / a <= MAGNITUDE && a / b <= MAGNITUDE
                        })
            })
            .filter(|e| fits_the_kind(e))
            .filter(|e| !indefinite || e.text.contains(' '))
            .filter(|e| situation.is_empty() || !situation.contains(&fold(&e.text)))
            .filter(|e| card.answer_kind != Kind::Organisation || self.sure_organisation(&e.text))
            // A name that shares two words with the question names what it asks
            // (« Comité militaro-révolutionnaire » for « le Comité révolutionnaire
            // militaire »): another right answer.
            .filter(|e| content_words(&e.text).intersection(&prompt_words).count() < 2)
            // Nor one sharing two words with the answer (« Comité militaro-révolutionnaire »
            // for the « Comité de Défense révolutionnaire » it grew from).
            .filter(|e| !named || content_words(&e.text).intersection(&answer_words).count() < 2)
            .filter(|e| {
                card.kind != crate::cards::CardKind::Cloze
                    || elided_frame.is_none_or(|elided| {
                        elided == starts_with_vowel_sound(&e.text)
                            || !matches!(card.answer_kind, Kind::Organisation | Kind::Other)
                    })
            })
            .filter(|e| {
                card.kind != crate::cards::CardKind::Cloze
                    || elision.is_none_or(|elided| elided == starts_with_vowel_sound(&e.text))
            })
            .filter(|e| {
                !same_name(&e.text, &card.answer)
                    && !same_person(&e.text, &card.answer)
                    && fold(&e.text) != fold(&card.answer)
            })
            .filter(|e| !self.names_the_same(&e.text, &card.answer, &prompt))
            // A name sharing a word with a name of the prompt (« Pierre Curie » where « les
            // époux Curie » are named) is part of its fact.
            .filter(|e| {
                !named
                    || !e.text.split(|c: char| !c.is_alphanumeric()).any(|w| {
                        w.chars().count() >= 4
                            && prompt_names.contains(&crate::facts::names::key(w))
                    })
            })
            .filter(|e| {
                frame.is_none_or(|bit| {
                    self.articles
                        .get(&fold(&e.text))
                        .is_some_and(|seen| seen & bit != 0)
                })
            })
            // A sovereign's number (« XVI ») and a prototype's (« 001 ») are no answers.
            .filter(|e| !crate::facts::names::is_regnal(&e.text))
            .filter(|e| {
                card.answer_kind != Kind::Quantity || !(e.text.starts_with('0') && e.text.len() > 1)
            })
            // An acronym for an acronym, a name for a name.
            .filter(|e| {
                card.answer_kind != Kind::Organisation
                    || card.fact_type == crate::facts::FactType::Alias
                    || is_acronym(&e.text) == acronym
            })
            .filter(|e| !prompt.contains(&fold(&e.text)))
            // Nor one listed with the answer in the card's own sentence, which the prompt cut
            // off (« fait escale à [...] » from « à Cherbourg, puis à Queenstown »:
            // Queenstown is right too).
            .filter(|e| !listed_with(&context, &answer_folded, &fold(&e.text)))
            .filter(|e| !is_acronym(&e.text) || !matches_initials(&card.prompt, &e.text))
            .filter(|e| card.answer_kind != Kind::Date || date_shape(&e.text) == shape)
            .filter(|e| {
                card.answer_kind != Kind::Quantity
                    || answer_unit.is_empty()
                    || (e.unit == answer_unit && fold(&e.text) != answer_number)
            })
            // A part of a whole is below it (« Seuls 20 appareils, dont [...] »).
            .filter(|e| {
                card.answer_kind != Kind::Quantity
                    || whole.is_none_or(|w| {
                        e.text
                            .chars()
                            .filter(char::is_ascii_digit)
                            .collect::<String>()
                            .parse::<f64>()
                            .is_ok_and(|n| n < w)
                    })
            })
            // A bare count takes counts of the unit that follows it (« [...] km/h »).
            .filter(|e| card.answer_kind != Kind::Quantity || unit.is_empty() || e.unit == unit)
            // A count within a tenth of the answer could be it, given roughly (« quelque
            // 600 délégués » against 649).
            .filter(|e| card.answer_kind != Kind::Quantity || !close_numbers(&e.text, &card.answer))
            // A count in figures takes counts in figures.
            .filter(|e| {
                card.answer_kind != Kind::Quantity
                    || crate::facts::quantities::value_of_words(&fold(&e.text)).is_none()
            })
            // A name is not a common word (« Vraisemblablement », « Session »).
            .filter(|e| !named || !is_common_word_alone(&e.text))
            // A person is not a name the corpus also gives as a place or a body (« France »
            // of « le roi de France », « Los Angeles », « British Aircraft Corporation »).
            .filter(|e| {
                card.answer_kind != Kind::Person
                    || (!self.also_a_place(&e.text) && !self.sure_organisation(&e.text))
            })
            // A date on the answer's side of every year the prompt gives (« licence en 1893,
            // puis celle de mathématiques en [...] » takes no year before 1893).
            .filter(|e| {
                card.answer_kind != Kind::Date || same_side_of(&prompt_years, answer_year, &e.text)
            })
            .map(|e| {
                // Same unit for a quantity; same shape for a name (an acronym for an
                // acronym, one word for one word).
                let unit_miss = u8::from(!unit.is_empty() && e.unit != unit)
                    + u8::from(is_acronym(&e.text) != acronym)
                    + u8::from(e.text.split(' ').count().abs_diff(words) > 1)
                    // Another name is one word for one word (`Milrevcom`, `Sovnarkom`).
                    + u8::from(
                        card.fact_type == crate::facts::FactType::Alias
                            && e.text.split(' ').count() != words,
                    );
                let other_doc = u8::from(!e.of(card.document));
                (unit_miss, other_doc, mix(&card.answer, &e.text), e)
            })
            .collect();
        ranked.sort_by_key(|a| (a.0, a.1, a.2));
        let mut out: Vec<String> = Vec::with_capacity(wanted);
        for (_, _, _, e) in ranked {
            if out
                .iter()
                .any(|o| same_name(o, &e.text) || same_person(o, &e.text))
            {
                continue;
            }
            let text = if card.answer_kind == Kind::Quantity && !answer_unit.is_empty() {
                format!("{} {}", e.text, unit_as_written(&card.answer))
            } else {
                e.text.clone()
            };
            if out.contains(&text) {
                continue;
            }
            out.push(text);
            if out.len() == wanted {
                break;
            }
        }
        out
    }
}

/// A document's subject words: the lemmas of the nouns it uses twice or more that are
/// rare in French at large (the lexicon's frequency below 40 a million: « bolchevik »,
/// « cratère », « protestant », not « année »), months left out, each once.
pub fn subject_words(text: &str) -> Vec<String> {
    let mut counts: std::collections::HashMap<&str, u32> = Default::default();
    for w in text.split(|c: char| !c.is_alphabetic()) {
        if w.len() >= 5 && w.starts_with(char::is_lowercase) {
            *counts.entry(w).or_default() += 1;
        }
    }
    let lexicon = crate::lexicon::Lexicon::get();
    let mut words: Vec<String> = counts
        .into_iter()
        .filter(|&(w, n)| n >= 2 && w.chars().count() >= 5 && !crate::facts::dates::is_month(w))
        .filter_map(|(w, _)| {
            let a = lexicon
                .lookup(w)
                .next()
                .filter(|a| a.pos == crate::lexicon::Pos::Noun && a.freq < 40.0)?;
            Some(a.lemma.to_string())
        })
        .collect();
    words.sort_unstable();
    words.dedup();
    words
}

/// The centuries around a century written in Roman numerals (« XVIe » → « XVe », « XVIIe »,
/// « XVIIIe »), as the answer writes them; `None` for another answer.
fn neighbouring_centuries(answer: &str) -> Option<Vec<String>> {
    const ROMAN: [&str; 21] = [
        "", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII",
        "XIV", "XV", "XVI", "XVII", "XVIII", "XIX", "XX",
    ];
    let (numeral, rest) = answer.split_once(' ').unwrap_or((answer, ""));
    let stem = numeral.strip_suffix('e')?;
    let n = ROMAN.iter().position(|r| !r.is_empty() && *r == stem)?;
    let tail = if rest.is_empty() {
        String::new()
    } else {
        format!(" {rest}")
    };
    let write = |k: usize| match k {
        1 => format!("Ier{tail}"),
        k => format!("{}e{tail}", ROMAN[k]),
    };
    let around: Vec<usize> = if n + 2 <= 20 {
        [n.checked_sub(1), Some(n + 1), Some(n + 2)]
            .into_iter()
            .flatten()
            .filter(|&k| k >= 1)
            .collect()
    } else {
        vec![n - 3, n - 2, n - 1]
    };
    let mut out: Vec<String> = around.into_iter().map(write).collect();
    if out.len() < 3 {
        out.push(write(n + 3));
    }
    Some(out)
}

/// Three dates near a date of one day, month or year (« 1er octobre 1680 », « mai 1681 »,
/// « 1723 », « 25 avril »), of its shape and written as it is: what a date takes when the
/// corpus has too few of its time. The others are a few years, months or days away, in an
/// order drawn from the answer (the answer is not always in the middle); `keep` says which
/// may be offered. `None` for ranges, nights and dates in two calendars.
fn dates_near(answer: &str, keep: impl Fn(&str) -> bool) -> Vec<String> {
    use crate::facts::dates::{is_month, month_number, MONTHS};
    let words: Vec<&str> = answer.split(' ').collect();
    // (three digits too: « août 843 »)
    let year = |w: &str| {
        let four = (w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()))
            .then(|| w.parse::<u32>().ok())
            .flatten()
            .filter(|y| *y >= 100);
        four.or_else(|| crate::facts::dates::early_year(w))
            .map(|y| y as i32)
    };
    let day = |w: &str| match w {
        "1er" => Some(1),
        _ if (1..=2).contains(&w.len()) && w.bytes().all(|b| b.is_ascii_digit()) => {
            w.parse::<i32>().ok().filter(|d| (1..=31).contains(d))
        }
        _ => None,
    };
    // (day, month, year), each when the answer has it.
    let parts = || -> Option<(Option<i32>, Option<i32>, Option<i32>)> {
        match words.as_slice() {
            [y] => Some((None, None, Some(year(y)?))),
            [m, y] if is_month(m) => Some((None, Some(month_number(m)?), Some(year(y)?))),
            [d, m] if is_month(m) => Some((Some(day(d)?), Some(month_number(m)?), None)),
            [d, m, y] if is_month(m) => {
                Some((Some(day(d)?), Some(month_number(m)?), Some(year(y)?)))
            }
            _ => None,
        }
    };
    let Some((d, m, y)) = parts() else {
        return Vec::new();
    };
    let capital = answer.starts_with(|c: char| c.is_uppercase());
    let write = |d: Option<i32>, m: Option<i32>, y: Option<i32>| {
        let mut out = Vec::new();
        if let Some(d) = d {
            out.push(if d == 1 {
                "1er".to_string()
            } else {
                d.to_string()
            });
        }
        if let Some(m) = m {
            let name = MONTHS[(m - 1) as usize];
            out.push(if capital && d.is_none() {
                crate::typography::capitalise(name)
            } else {
                name.to_string()
            });
        }
        if let Some(y) = y {
            out.push(y.to_string());
        }
        out.join(" ")
    };
    // Offsets in the unit the answer is precise to, in an order drawn from it.
    let mut offsets: Vec<i32> = vec![-7, -4, -2, -1, 1, 2, 3, 5, 8];
    offsets.sort_by_key(|o| mix(answer, &o.to_string()));
    let mut out: Vec<String> = Vec::new();
    let mut offsets_taken: Vec<i32> = Vec::new();
    // (balanced first; then, when `keep` leaves one side only, from that side)
    for (o, balanced) in offsets
        .iter()
        .map(|&o| (o, true))
        .chain(offsets.iter().map(|&o| (o, false)))
    {
        let text = match (d, m, y) {
            (None, None, Some(y)) => write(None, None, Some(y + o)),
            (None, Some(m), Some(y)) => {
                let months = y * 12 + (m - 1) + o;
                write(
                    None,
                    Some(months.rem_euclid(12) + 1),
                    Some(months.div_euclid(12)),
                )
            }
            (Some(d), Some(m), y) => {
                // Another day (of the 28 every month has) `o` months away.
                let months = y.unwrap_or(0) * 12 + (m - 1) + o;
                let d2 = (d - 1 + 3 * o).rem_euclid(28) + 1;
                let y2 = y.map(|_| months.div_euclid(12));
                write(Some(d2), Some(months.rem_euclid(12) + 1), y2)
            }
            _ => return Vec::new(),
        };
        // (never all three before the answer, nor all after it)
        let one_sided = balanced
            && out.len() == 2
            && offsets_taken.iter().all(|t: &i32| t.signum() == o.signum());
        if text != answer && !out.contains(&text) && keep(&text) && !one_sided {
            out.push(text);
            offsets_taken.push(o);
        }
        if out.len() == 3 {
            return out;
        }
    }
    Vec::new()
}

/// The names of a card's answer that lists people, places or bodies (« Kamenev et
/// Riazanov », « Rykov, Noguine et Milioutine »; see `clauses::coordinated`), or `None`.
fn list_members(card: &GeneratedCard) -> Option<Vec<&str>> {
    if !matches!(
        card.answer_kind,
        Kind::Person | Kind::Place | Kind::Organisation
    ) {
        return None;
    }
    let (head, last) = card.answer.rsplit_once(" et ")?;
    let mut members: Vec<&str> = head.split(", ").collect();
    members.push(last);
    let names = members
        .iter()
        .all(|m| m.starts_with(char::is_uppercase) && !m.contains(" et "));
    (names && members.len() >= 2).then_some(members)
}

/// The first number written in figures in a text (« quelque 1 500 hommes » → 1500,
/// « 21,64 » → 21.64).
fn leading_number(s: &str) -> Option<f64> {
    let digits: String = s
        .chars()
        .skip_while(|c| !c.is_ascii_digit())
        .take_while(|c| c.is_ascii_digit() || *c == ' ' || *c == ',')
        .filter(|c| *c != ' ')
        .map(|c| if c == ',' { '.' } else { c })
        .collect();
    digits.trim_end_matches('.').parse().ok()
}

/// True when two counts are within a tenth of each other (by their leading numbers).
fn close_numbers(a: &str, b: &str) -> bool {
    match (leading_number(a), leading_number(b)) {
        (Some(x), Some(y)) => (x - y).abs() <= 0.1 * x.abs().max(y.abs()),
        _ => false,
    }
}

/// The folded words of more than three letters of a text: what a question is about.
fn content_words(text: &str) -> HashSet<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() > 3)
        .map(fold)
        .collect()
}

/// True when the name starts with a vowel (or a mute `h`, taken as one): `l'Ispolkom`.
fn starts_with_vowel_sound(text: &str) -> bool {
    fold(text)
        .chars()
        .next()
        .is_some_and(|c| "aeiouyh".contains(c))
}

/// The initials of a name's significant words: `le Comité militaire révolutionnaire` → CMR.
fn initials(name: &str) -> String {
    name.split([' ', '\''])
        .filter(|w| {
            !matches!(
                *w,
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
                    | ""
            )
        })
        .filter_map(|w| w.chars().next())
        .flat_map(char::to_uppercase)
        .collect()
}

/// True when `acronym` is made of the initials of the name in an acronym question.
fn matches_initials(prompt: &str, acronym: &str) -> bool {
    prompt
        .strip_prefix("Quel sigle désigne ")
        .and_then(|p| p.strip_suffix(" ?"))
        .is_some_and(|name| initials(name) == acronym)
}

fn is_acronym(text: &str) -> bool {
    text.len() <= 8 && text.chars().filter(|c| c.is_uppercase()).count() >= 2 && !text.contains(' ')
}

/// The word after the answer in the sentence: a quantity's unit.
fn unit_after(context: &str, answer: &str) -> String {
    context
        .find(answer)
        .and_then(|i| context[i + answer.len()..].split_whitespace().next())
        .map(|w| fold(w.trim_end_matches(|c: char| !c.is_alphanumeric())))
        .unwrap_or_default()
}

/// A count and its unit, folded: « 150 voix » → (« 150 », « voix »); a bare number has no
/// unit.
fn split_count(answer: &str) -> (String, String) {
    match answer.rsplit_once(' ') {
        Some((n, unit))
            if n.chars().any(|c| c.is_ascii_digit()) && unit.chars().all(char::is_alphabetic) =>
        {
            (fold(n), fold(unit))
        }
        _ => (fold(answer), String::new()),
    }
}

/// The unit as the answer writes it.
fn unit_as_written(answer: &str) -> &str {
    answer.rsplit_once(' ').map_or("", |(_, u)| u)
}

/// Three counts near a count in figures, as precise as it (« 3 089 » → « 2 317 », « 3 861 »,
/// « 4 634 »; « 12 000 » → « 9 000 », « 15 000 », « 18 000 »), written as it is (its
/// thousands separator, its decimal comma, its unit): what a quantity takes when the
/// corpus has no other count of its unit. A count below 10 takes its neighbours.
fn numbers_near(answer: &str, below: Option<f64>) -> Vec<String> {
    let number_end = answer
        .char_indices()
        .find(|&(_, c)| !(c.is_ascii_digit() || c == ',' || c.is_whitespace()))
        .map_or(answer.len(), |(i, _)| i);
    let (figures, unit) = answer.split_at(number_end);
    let figures = figures.trim_end();
    let unit = unit.trim_start();
    if !figures.starts_with(|c: char| c.is_ascii_digit()) || figures.starts_with('0') {
        return Vec::new();
    }
    let separator = figures.chars().find(|c| c.is_whitespace()).unwrap_or(' ');
    let grouped_answer = figures.contains(char::is_whitespace);
    let (whole, decimals) = figures.split_once(',').unwrap_or((figures, ""));
    let digits: String = whole.chars().filter(char::is_ascii_digit).collect();
    let Ok(value) = format!("{digits}.{decimals}")
        .trim_end_matches('.')
        .parse::<f64>()
    else {
        return Vec::new();
    };
    // Significant figures: as the answer gives them (trailing zeros of a whole number do
    // not count).
    let significant = digits.trim_end_matches('0').len().max(1) + decimals.len();
    let round = |x: f64| {
        if x <= 0.0 {
            return 0.0;
        }
        let magnitude = 10f64.powi(x.log10().floor() as i32 + 1 - significant as i32);
        (x / magnitude).round() * magnitude
    };
    let candidates: Vec<f64> = if value < 10.0 && decimals.is_empty() {
        [1.0, -1.0, 2.0, 3.0].iter().map(|d| value + d).collect()
    } else {
        [0.75, 1.25, 1.5, 0.5, 2.0]
            .iter()
            .map(|f| round(value * f))
            .collect()
    };
    let write = |x: f64| {
        let whole = x.trunc() as u64;
        let mut grouped = String::new();
        let text = whole.to_string();
        for (i, c) in text.chars().enumerate() {
            if i > 0 && (text.len() - i).is_multiple_of(3) && (grouped_answer || text.len() > 4) {
                grouped.push(separator);
            }
            grouped.push(c);
        }
        if !decimals.is_empty() {
            let fraction = format!("{:.*}", decimals.len(), x.fract());
            grouped.push(',');
            grouped.push_str(fraction.trim_start_matches("0."));
        }
        if unit.is_empty() {
            grouped
        } else {
            format!("{grouped} {unit}")
        }
    };
    let mut out: Vec<String> = Vec::new();
    for x in candidates {
        if x <= 0.0 || (x - value).abs() < f64::EPSILON || below.is_some_and(|b| x >= b) {
            continue;
        }
        let text = write(x);
        if !out.contains(&text) && text != answer {
            out.push(text);
        }
        if out.len() == 3 {
            return out;
        }
    }
    Vec::new()
}

/// Whether `other` is listed with `answer` in the sentence `context` (all folded): right
/// after or before it, joined by a comma, « et », « ou » or « puis », with the same
/// preposition or none (« à cherbourg, puis à queenstown », « kamenev et riazanov »).
fn listed_with(context: &str, answer: &str, other: &str) -> bool {
    if answer.is_empty() || other.is_empty() || answer == other {
        return false;
    }
    let joined = |first: &str, second: &str| {
        context.match_indices(first).any(|(i, _)| {
            let rest = &context[i + first.len()..];
            let rest = rest.trim_start_matches([',', ' ']);
            let rest = ["puis ", "et ", "ou ", "ainsi que "]
                .iter()
                .find_map(|link| rest.strip_prefix(link))
                .unwrap_or(rest);
            let rest = [
                "a ", "en ", "au ", "aux ", "de ", "du ", "le ", "la ", "les ",
            ]
            .iter()
            .find_map(|p| rest.strip_prefix(p))
            .unwrap_or(rest);
            rest.starts_with(second)
                && rest[second.len()..]
                    .chars()
                    .next()
                    .is_none_or(|c| !c.is_alphanumeric())
                && rest.len() < context.len()
                && context[i + first.len()..].len() - rest.len() <= 16
        })
    };
    joined(answer, other) || joined(other, answer)
}

/// Whether two names are one person's with and without a maiden name: the same first name,
/// one surname the other's last part (« Marie Curie », « Marie Skłodowska-Curie »).
/// A first name alone is the person the other name gives in full (« Emma », « Emma
/// Bardac »).
fn same_person(a: &str, b: &str) -> bool {
    let first_name_of = |short: &str, full: &str| {
        !short.contains(' ')
            && full
                .split_once(' ')
                .is_some_and(|(first, _)| first == short)
            && crate::first_names::of_first_name(short).is_some()
    };
    if first_name_of(a, b) || first_name_of(b, a) {
        return true;
    }
    let (Some((fa, la)), Some((fb, lb))) = (a.split_once(' '), b.split_once(' ')) else {
        return false;
    };
    let last = |s: &str| s.rsplit(['-', ' ']).next().unwrap_or(s).to_string();
    fa == fb && la != lb && last(la) == last(lb)
}

/// The gender a person's wrong answers must have, and whether it must be known (a woman's)
/// or only not the other (a man's): that of the answer's first name (« Jacques Balmat »),
/// of the woman the card asks about, or of the article before the gap (« le savant genevois
/// [...] »); `None` when nothing tells.
fn person_gender(card: &GeneratedCard) -> Option<(Gender, bool)> {
    if asks_of_a_woman(card) {
        return Some((Gender::Feminine, true));
    }
    if let Some(g) = crate::first_names::of_person(&card.answer) {
        return Some((g, false));
    }
    let (before, _) = card.prompt.split_once(crate::cards::GAP)?;
    // The last determiner before the gap, with only lower-case nouns and adjectives
    // between (« le savant genevois [...] », « du chevalier [...] »).
    let words: Vec<&str> = before.split_whitespace().rev().take(4).collect();
    let lexicon = crate::lexicon::Lexicon::get();
    for (k, w) in words.iter().enumerate() {
        let lower = w.to_lowercase();
        let g = match lower.as_str() {
            "le" | "un" | "du" | "au" | "ce" | "cet" => Gender::Masculine,
            "la" | "une" | "cette" => Gender::Feminine,
            _ => {
                let nominal = w.chars().all(|c| c.is_lowercase() || c == '-')
                    && lexicon.lookup(&lower).any(|a| {
                        matches!(
                            a.pos,
                            crate::lexicon::Pos::Noun | crate::lexicon::Pos::Adjective
                        )
                    });
                if !nominal {
                    return None;
                }
                continue;
            }
        };
        // (a determiner right before the gap is an article of the name's, not a frame)
        return (k > 0).then_some((g, false));
    }
    None
}

/// Whether the card asks about a woman: its prompt or sentence says so around the answer
/// (« la première femme », « une servante », « née », « sa sœur », « elle »).
fn asks_of_a_woman(card: &GeneratedCard) -> bool {
    let markers = [
        " femme",
        " première ",
        " servante",
        " née ",
        " sœur",
        " amie",
        " fille",
        // (the noun, not the verb: « [...] épouse en 1899 Rosalie Texier » asks the husband)
        "son épouse",
        "l'épouse",
        "une épouse",
        " mère",
        " reine",
        " veuve",
        " elle ",
        " Elle ",
        " Mme",
        " madame",
        " impératrice",
        " princesse",
    ];
    let window = |text: &str, at: Option<usize>| {
        let at = at.unwrap_or(0);
        let mut start = at.saturating_sub(60);
        while !text.is_char_boundary(start) {
            start -= 1;
        }
        let mut end = (at + 60).min(text.len());
        while !text.is_char_boundary(end) {
            end += 1;
        }
        format!(" {} ", &text[start..end])
    };
    let prompt = window(&card.prompt, card.prompt.find(crate::cards::GAP));
    // In the sentence, only « née » right before the answer is said of it.
    let born_as = card
        .context
        .find(&card.answer)
        .is_some_and(|at| card.context[..at].trim_end().ends_with(" née"));
    markers.iter().any(|m| prompt.contains(m))
        || born_as
        || card.prompt.contains("nom de naissance")
}

/// The whole a gap is part of (« Seuls 20 appareils sont construits, dont [...] exploités »
/// → 20): its wrong answers are below it.
fn part_of(prompt: &str) -> Option<f64> {
    let (before, _) = prompt.split_once(", dont [...]")?;
    let words: Vec<&str> = before.split_whitespace().collect();
    words.iter().rev().find_map(|w| {
        let digits: String = w.chars().filter(char::is_ascii_digit).collect();
        (!digits.is_empty() && digits.len() == w.len())
            .then(|| digits.parse::<f64>().ok())
            .flatten()
    })
}

/// One word that the lexicon knows as a common word: not a name.
/// Three counts in words around `answer` (« trois » → « deux », « quatre », « cinq »),
/// written with the answer's capital if it has one.
fn neighbours_in_words(answer: &str) -> Vec<String> {
    use crate::facts::quantities::{value_of_words, words_of_value};
    let Some(value) = value_of_words(&answer.to_lowercase()) else {
        return Vec::new();
    };
    let capital = answer.starts_with(char::is_uppercase);
    [1i64, -1, 2, -2, 3]
        .iter()
        .filter_map(|d| u64::try_from(value as i64 + d).ok())
        .filter_map(words_of_value)
        .take(3)
        .map(|w| {
            if capital {
                let mut c = w.chars();
                c.next()
                    .map_or_else(String::new, |f| f.to_uppercase().chain(c).collect())
            } else {
                w
            }
        })
        .collect()
}

/// The years (four digits, 1000–2100) a text names.
fn years_of(text: &str) -> Vec<u32> {
    crate::setting::years_in(text).collect()
}

/// Whether the date `text` falls on the same side as the answer's year of each year the
/// prompt names: the order the prompt tells is kept. A date without a year passes.
fn same_side_of(prompt_years: &[u32], answer_year: Option<u32>, text: &str) -> bool {
    let (Some(answer), Some(year)) = (answer_year, years_of(text).last().copied()) else {
        return true;
    };
    prompt_years
        .iter()
        .all(|&y| answer.cmp(&y) == year.cmp(&y) || answer == y)
}

fn is_common_word_alone(text: &str) -> bool {
    !text.contains(' ') && crate::lexicon::is_common_word(&text.to_lowercase())
}

/// A date's shape: with or without day, month and year, a range or a single date, and how it
/// opens (« la nuit du … », « fin … »): a distractor has the answer's shape, so it fits the
/// sentence around the gap and is as precise as the answer.
fn date_shape(text: &str) -> (bool, bool, bool, bool, String) {
    const MONTHS: &[&str] = &[
        "janvier",
        "fevrier",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "aout",
        "septembre",
        "octobre",
        "novembre",
        "decembre",
    ];
    let folded = fold(text);
    let has_year = text
        .split(|c: char| !c.is_ascii_digit())
        .any(|d| d.len() == 4);
    let has_day = text
        .split(|c: char| !c.is_ascii_digit())
        .any(|d| (1..=2).contains(&d.len()));
    let has_month = folded
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| MONTHS.contains(&w));
    let range = folded.contains(" au ")
        || folded.contains(" a ")
        || folded.contains(" et ")
        || folded.contains('-')
        || folded.starts_with("du ");
    let opening = folded
        .split(' ')
        .next()
        .filter(|w| w.chars().all(char::is_alphabetic) && !MONTHS.contains(w))
        .unwrap_or("")
        .to_string();
    // A day in two calendars (« 12 (25) octobre 1917 ») takes days in two calendars.
    let opening = if text.contains('(') {
        format!("{opening}()")
    } else {
        opening
    };
    (has_year, has_day, has_month, range, opening)
}

/// A stable pseudo-random order (FNV-1a of both texts): deterministic across runs.
fn mix(a: &str, b: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in a.bytes().chain([0]).chain(b.bytes()) {
        h ^= u64::from(byte);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_count_with_no_other_of_its_unit_takes_counts_near_it() {
        assert_eq!(numbers_near("3 089", None), ["2 317", "3 861", "4 634"]);
        assert_eq!(numbers_near("12 000", None), ["9 000", "15 000", "18 000"]);
        assert_eq!(numbers_near("11,6", None), ["8,7", "14,5", "17,4"]);
        assert_eq!(numbers_near("3", None), ["4", "2", "5"]);
        assert_eq!(numbers_near("60 000 spectateurs", None).len(), 3);
        assert!(numbers_near("60 000 spectateurs", None)[0].ends_with(" spectateurs"));
        assert!(numbers_near("001", None).is_empty());
        let part = part_of("Seuls 20 appareils sont construits, dont [...] exploités.");
        assert_eq!(part, Some(20.0));
        assert_eq!(numbers_near("14", part), ["11", "18", "7"]);
    }

    #[test]
    fn a_count_of_millions_keeps_its_multiplier() {
        let mut card = crate::cards::GeneratedCard::sample_cloze(
            "Près de [...] de personnes suivent le cortège.",
            "deux millions",
            crate::facts::Kind::Quantity,
        );
        let pools = super::Pools::default();
        assert_eq!(
            pools.choose(&card),
            ["trois millions", "quatre millions", "cinq millions"]
        );
        card.answer = "100 millions".to_string();
        let wrong = pools.choose(&card);
        assert_eq!(wrong.len(), 3);
        assert!(wrong.iter().all(|w| w.ends_with(" millions")), "{wrong:?}");
        // (the number asked holds its multiplier)
        let s = "Près de deux millions de personnes suivent le cortège.";
        let lexicon = crate::facts::Lexicon::build(std::iter::once(s));
        let facts = crate::facts::analyse(s, &lexicon, true).facts;
        assert!(facts
            .iter()
            .any(|f| &s[f.answer.0..f.answer.1] == "deux millions"));
    }

    #[test]
    fn a_count_in_words_takes_its_neighbours() {
        assert_eq!(
            super::neighbours_in_words("trois"),
            ["quatre", "deux", "cinq"]
        );
        assert_eq!(
            super::neighbours_in_words("Deux"),
            ["Trois", "Quatre", "Cinq"]
        );
        assert!(super::neighbours_in_words("38").is_empty());
    }

    #[test]
    fn a_date_keeps_the_order_the_prompt_tells() {
        let years = super::years_of(
            "Marie Curie obtient la licence en 1893, puis celle de mathématiques en .",
        );
        assert!(super::same_side_of(&years, Some(1894), "1896"));
        assert!(!super::same_side_of(&years, Some(1894), "1883"));
        // A date without a year, or a prompt without one, says nothing.
        assert!(super::same_side_of(&years, Some(1894), "12 octobre"));
        assert!(super::same_side_of(&[], Some(1894), "1883"));
    }

    use super::*;
    use crate::cards::CardKind;
    use crate::facts::FactType;

    fn card(answer: &str, kind: Kind, context: &str) -> GeneratedCard {
        GeneratedCard {
            kind: CardKind::QuestionAnswer,
            answer_kind: kind,
            fact_type: FactType::Role,
            prompt: "Qui présidait le comité ?".into(),
            answer: answer.into(),
            distractors: vec![],
            context: context.into(),
            document: 0,
            line: 1,
            score: 0,
            situation: String::new(),
        }
    }

    #[test]
    fn a_name_takes_names_said_with_the_article_before_the_gap() {
        let mut p = Pools::default();
        for (name, before) in [
            ("Comité de Kiev", "la"),
            ("Comité de Minsk", "la"),
            ("Comité de Riga", "la"),
            ("Comité de Tver", "le"),
            ("Comité de Pskov", "le"),
            ("Comité de Tula", "du"),
            ("Comité de Omsk", "le"),
        ] {
            p.add(Kind::Organisation, name, "", 0);
            p.note_article(name, before);
        }
        let mut c = card(
            "Comité de Pskov",
            Kind::Organisation,
            "Le Comité de Pskov vote.",
        );
        c.kind = CardKind::Cloze;
        c.answer = "Comité de Pskov".into();
        c.prompt = "Le projet est voté par le [...] en 1906.".into();
        let d = p.choose(&c);
        assert_eq!(d.len(), 3, "{d:?}");
        assert!(
            d.iter()
                .all(|x| ["Comité de Tver", "Comité de Tula", "Comité de Omsk"]
                    .contains(&x.as_str())),
            "{d:?}"
        );
    }

    #[test]
    fn a_person_takes_no_name_also_given_as_a_place() {
        let (mut p, c) = pool_and_cloze(
            &[
                "Francis Bauer",
                "France",
                "François Arago",
                "Louis Daguerre",
                "Pie VII",
            ],
            Kind::Person,
            "Francis Bauer",
            "Niépce confie ses plaques au botaniste [...].",
        );
        p.add(Kind::Place, "France", "", 0);
        let d = p.choose(&c);
        assert!(!d.is_empty() && !d.iter().any(|x| x == "France"), "{d:?}");
    }

    #[test]
    fn a_country_takes_countries() {
        let places = [
            "France",
            "Chalon-sur-Saône",
            "Saint-Malo",
            "Portugal",
            "Danemark",
            "Norvège",
            "Austin",
        ];
        let (mut p, c) = pool_and_cloze(
            &places,
            Kind::Place,
            "France",
            "Le roi part pour [...] en 1204.",
        );
        p.add_countries(["France", "Portugal", "Danemark", "Norvège"]);
        for name in places {
            p.note_article(name, "pour");
        }
        let d = p.choose(&c);
        assert_eq!(d.len(), 3, "{d:?}");
        assert!(
            d.iter()
                .all(|x| ["Portugal", "Danemark", "Norvège"].contains(&x.as_str())),
            "{d:?}"
        );
    }

    /// A pool of `names` of one kind, and a cloze card asking `answer` in `prompt`.
    fn pool_and_cloze(
        names: &[&str],
        kind: Kind,
        answer: &str,
        prompt: &str,
    ) -> (Pools, GeneratedCard) {
        let mut p = Pools::default();
        for name in names {
            p.add(kind, name, "", 0);
        }
        let mut c = card(answer, kind, &prompt.replace("[...]", answer));
        c.kind = CardKind::Cloze;
        c.prompt = prompt.into();
        (p, c)
    }

    #[test]
    fn a_century_takes_the_centuries_around_it() {
        assert_eq!(
            neighbouring_centuries("XVIe").unwrap(),
            ["XVe", "XVIIe", "XVIIIe"]
        );
        assert_eq!(neighbouring_centuries("Ier").unwrap_or_default().len(), 0);
        assert_eq!(
            neighbouring_centuries("IIe").unwrap(),
            ["Ier", "IIIe", "IVe"]
        );
        assert_eq!(
            neighbouring_centuries("XXe").unwrap(),
            ["XVIIe", "XVIIIe", "XIXe"]
        );
        assert_eq!(neighbouring_centuries("1536"), None);
    }

    #[test]
    fn a_list_of_names_takes_lists_of_as_many_other_names() {
        let (p, c) = pool_and_cloze(
            &[
                "Kamenev",
                "Riazanov",
                "Zinoviev",
                "Lounatcharski",
                "Rykov",
                "Noguine",
                "Milioutine",
                "Teodorovitch",
                "Lozovski",
            ],
            Kind::Person,
            "Kamenev et Riazanov",
            "Trotsky accuse [...] d'avoir envisagé un désaveu de l'insurrection.",
        );
        let wrong = p.choose(&c);
        assert_eq!(wrong.len(), 3, "{wrong:?}");
        let mut names: Vec<&str> = Vec::new();
        for w in &wrong {
            let (a, b) = w.split_once(" et ").expect("two names");
            assert!(!a.contains(", ") && !b.contains(" et "), "{w}");
            names.extend([a, b]);
        }
        assert!(!names.contains(&"Kamenev") && !names.contains(&"Riazanov"));
        let mut unique = names.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), names.len(), "{wrong:?}");
        // A name with « et » in it is one name, not a list.
        let one = GeneratedCard {
            answer: "Comité militaire et révolutionnaire".into(),
            ..c.clone()
        };
        assert_eq!(list_members(&one), None);
    }

    #[test]
    fn a_place_of_no_told_kind_takes_towns_and_a_setting_is_no_wrong_answer() {
        let (mut p, mut c) = pool_and_cloze(
            &[
                "Trébizonde",
                "Batoum",
                "Gatchina",
                "Daghestan",
                "Khourdalan",
            ],
            Kind::Place,
            "Petrovsk",
            "Fin avril, les troupes rouges occupent [...] et Derbent.",
        );
        for (place, kind) in [
            ("Trébizonde", PlaceKind::Settlement),
            ("Batoum", PlaceKind::Settlement),
            ("Daghestan", PlaceKind::Area),
            ("Khourdalan", PlaceKind::Site),
        ] {
            p.vote_place(place, kind, 3);
        }
        let d = p.choose(&c);
        assert_eq!(d.len(), 3, "{d:?}");
        assert!(d
            .iter()
            .all(|x| ["Trébizonde", "Batoum", "Gatchina"].contains(&x.as_str())));
        // The place the situation line names is not offered.
        c.situation = "Batoum, 1918".into();
        assert!(!p.choose(&c).contains(&"Batoum".to_string()));
    }

    #[test]
    fn after_an_indefinite_article_no_body_named_by_one_word() {
        let (p, c) = pool_and_cloze(
            &[
                "Comité de Kiev",
                "Comité de Minsk",
                "Comité de Riga",
                "Sovnarkom",
            ],
            Kind::Organisation,
            "Comité de Tver",
            "En 1906, les ouvriers envisagent la création d'un [...].",
        );
        let d = p.choose(&c);
        assert!(!d.contains(&"Sovnarkom".to_string()), "{d:?}");
    }

    #[test]
    fn a_word_that_elides_takes_wrong_answers_that_fit_it() {
        let (p, mut c) = pool_and_cloze(
            &[
                "avril 1917",
                "octobre 1917",
                "août 1918",
                "avril 1918",
                "mai 1917",
                "mars 1918",
                "décembre 1917",
            ],
            Kind::Date,
            "juillet 1918",
            "Après leurs attentats de [...], les SR de gauche sont interdits.",
        );
        let d = p.choose(&c);
        assert_eq!(d.len(), 3, "{d:?}");
        assert!(d.iter().all(|x| !starts_with_vowel_sound(x)), "{d:?}");
        // « d'[...] » takes the others.
        c.answer = "avril 1917".into();
        c.prompt = "Les thèses d'[...] sont lues au Soviet.".into();
        let d = p.choose(&c);
        assert!(
            !d.is_empty() && d.iter().all(|x| starts_with_vowel_sound(x)),
            "{d:?}"
        );
    }

    #[test]
    fn another_name_of_the_answer_or_a_name_of_the_prompt_is_no_distractor() {
        let mut p = Pools::default();
        for name in [
            "Maria Salomea Skłodowska",
            "Pierre Curie",
            "Henri Becquerel",
            "Paul Langevin",
            "Émile Borel",
            "Jean Perrin",
            "France",
        ] {
            p.add(Kind::Person, name, "", 0);
        }
        p.add_countries(["France"]);
        let mut alias = card("Maria Salomea Skłodowska", Kind::Person, "");
        alias.fact_type = FactType::Alias;
        alias.prompt = "Quel est le nom de naissance de Marie Curie ?".into();
        p.add_alias_card(&alias);
        let mut c = card("Paul Langevin", Kind::Person, "");
        c.kind = CardKind::Cloze;
        c.prompt = "Marie Curie et les époux Curie rencontrent [...] en 1903.".into();
        let d = p.choose(&c);
        assert_eq!(d.len(), 3, "{d:?}");
        for wrong in ["Maria Salomea Skłodowska", "Pierre Curie", "France"] {
            assert!(!d.contains(&wrong.to_string()), "{d:?}");
        }
    }

    #[test]
    fn a_woman_asked_about_gets_no_man_as_a_wrong_answer() {
        let mut c = card("Marie Paradis", Kind::Person, "");
        c.kind = CardKind::Cloze;
        c.prompt = "En 1808, [...], une servante de Chamonix, gravit le mont Blanc.".into();
        assert!(asks_of_a_woman(&c));
        c.prompt = "En 1808, Marie Paradis gravit le mont Blanc avec [...].".into();
        c.answer = "Jacques Balmat".into();
        c.context = "Elle gravit le mont Blanc avec Jacques Balmat.".into();
        assert!(!asks_of_a_woman(&c));
        c.context = "Marie Curie, née Maria Salomea Skłodowska, meurt en 1934.".into();
        c.answer = "Maria Salomea Skłodowska".into();
        assert!(asks_of_a_woman(&c));
        // « épouse » the verb asks the husband; the noun, a wife.
        c.answer = "Debussy".into();
        c.context = "Après une longue liaison avec Gabrielle Dupont, Debussy épouse en 1899 Rosalie Texier.".into();
        c.prompt =
            "Après une longue liaison avec Gabrielle Dupont, [...] épouse en 1899 Rosalie Texier."
                .into();
        assert!(!asks_of_a_woman(&c));
        c.prompt = "En 1899, [...], son épouse, le quitte.".into();
        assert!(asks_of_a_woman(&c));
    }

    #[test]
    fn a_town_takes_towns() {
        use crate::facts::tokens::tokenize;
        let mut p = Pools::default();
        let sentences = [
            "Elle meurt à Passy, en Haute-Savoie, près de la ville de Sallanches.",
            "Il naît à Besançon, puis vit à Bruxelles et à Varsovie.",
            "Il descend le fleuve Rhône jusqu'à la gare de Lyon-Perrache.",
        ];
        for s in sentences {
            let tokens = tokenize(s);
            for (i, t) in tokens.iter().enumerate() {
                if t.is_capitalised() && i > 0 {
                    p.add(Kind::Place, t.text, "", 0);
                    if let Some((kind, weight)) = PlaceKind::before(&tokens, i) {
                        p.vote_place(t.text, kind, weight);
                    }
                }
            }
        }
        assert_eq!(p.place_kind("Haute-Savoie"), Some(PlaceKind::Area));
        assert_eq!(p.place_kind("Sallanches"), Some(PlaceKind::Settlement));
        assert_eq!(p.place_kind("Rhône"), Some(PlaceKind::Water));
        assert_eq!(p.place_kind("Lyon-Perrache"), Some(PlaceKind::Site));
        let c = card("Passy", Kind::Place, "Elle meurt à Passy.");
        let d = p.choose(&c);
        assert_eq!(d.len(), 3, "{d:?}");
        assert!(
            d.iter()
                .all(|x| ["Sallanches", "Besançon", "Bruxelles", "Varsovie"].contains(&x.as_str())),
            "{d:?}"
        );
    }

    #[test]
    fn same_kind_no_variants() {
        let mut p = Pools::default();
        for (n, d) in [
            ("Kerensky", 0),
            ("Kérénski", 1),
            ("Trotsky", 0),
            ("Kamenev", 1),
            ("Zinoviev", 1),
            ("Lénine", 0),
        ] {
            p.add(Kind::Person, n, "", d);
        }
        let c = card("Kérenski", Kind::Person, "Kérenski part.");
        let d = p.choose(&c);
        assert_eq!(d.len(), 3);
        assert!(d.iter().all(|x| !same_name(x, "Kérenski")), "{d:?}");
        assert_eq!(d, p.choose(&c), "deterministic");
    }

    #[test]
    fn quantities_prefer_the_same_unit() {
        let mut p = Pools::default();
        for (n, u) in [
            ("649", "délégués"),
            ("1090", "délégués"),
            ("600", "délégués"),
            ("17", "kilomètres"),
            ("105", "délégués"),
            ("390", "délégués"),
        ] {
            p.add(Kind::Quantity, n, u, 0);
        }
        let c = card("649", Kind::Quantity, "Composé de 649 délégués.");
        assert_eq!(p.choose(&c).len(), 3);
        assert!(!p.choose(&c).contains(&"17".to_string()));
        // « quelque 600 » could be the 649 given roughly: never offered as wrong.
        assert!(!p.choose(&c).contains(&"600".to_string()));
        assert!(close_numbers("600", "649") && close_numbers("1 500 hommes", "1 450"));
        assert!(!close_numbers("390", "649") && !close_numbers("21,64", "35,42"));
    }

    fn era(from: u32, to: u32) -> Option<crate::setting::Era> {
        Some(crate::setting::Era { from, to, last: to })
    }

    #[test]
    fn a_document_of_another_era_lends_no_wrong_answers() {
        let mut p = Pools::default();
        // Document 0 tells of 1515; 1 of 1530; 2 of 1969; 3 names no year.
        for (name, doc) in [
            ("Bayard", 0),
            ("Trivulce", 0),
            ("Montmorency", 1),
            ("Turcat", 2),
            ("Guignard", 2),
            ("Rétif", 2),
            ("Perrier", 3),
        ] {
            p.add(Kind::Person, name, "", doc);
        }
        let mut c = card(
            "François Ier",
            Kind::Person,
            "François Ier présidait le comité.",
        );
        // (until the eras are set, every document lends to every other)
        assert_eq!(p.choose(&c).len(), 3);
        p.set_eras(vec![
            era(1494, 1525),
            era(1525, 1547),
            era(1962, 2003),
            None,
        ]);
        let chosen = p.choose(&c);
        assert!(chosen.is_empty(), "{chosen:?}");
        p.add(Kind::Person, "La Palice", "", 0);
        let chosen = p.choose(&c);
        assert_eq!(chosen.len(), 3);
        assert!(
            chosen
                .iter()
                .all(|n| ["Bayard", "Trivulce", "La Palice", "Montmorency"].contains(&n.as_str())),
            "{chosen:?}"
        );
        // A document of no year lends to none, and borrows from none.
        c.document = 3;
        assert!(p.choose(&c).is_empty());
    }

    #[test]
    fn a_count_takes_no_count_of_another_order_of_magnitude() {
        let mut p = Pools::default();
        for n in ["5 642", "35,42", "800", "3 070", "2 632"] {
            p.add(Kind::Quantity, n, "mètres", 0);
        }
        let c = card(
            "4 806",
            Kind::Quantity,
            "Avec une altitude de 4 806 mètres.",
        );
        let mut chosen = p.choose(&c);
        chosen.sort();
        assert_eq!(chosen, ["2 632", "3 070", "5 642"]);
        // Too few of its size: counts near it instead.
        let c = card("189", Kind::Quantity, "Le seuil s'élève à 189 mètres.");
        assert_eq!(p.choose(&c), numbers_near("189", None));
    }

    #[test]
    fn a_date_with_too_few_of_its_time_takes_dates_near_it() {
        let mut p = Pools::default();
        p.set_eras(vec![era(1720, 1723), era(1962, 2003)]);
        for (date, doc) in [("1721", 0), ("1969", 1), ("1976", 1), ("2003", 1)] {
            p.add(Kind::Date, date, "", doc);
        }
        let mut c = card("1723", Kind::Date, "Il demeura enfermé jusqu'en 1723.");
        c.prompt = "Chataud demeura enfermé au château d'If jusqu'en [...].".into();
        c.kind = CardKind::Cloze;
        let chosen = p.choose(&c);
        assert_eq!(chosen.len(), 3, "{chosen:?}");
        assert_eq!(chosen[0], "1721", "the corpus's own first");
        let years: Vec<u32> = chosen.iter().map(|d| d.parse().unwrap()).collect();
        assert!(years.iter().all(|y| y.abs_diff(1723) <= 8), "{years:?}");
        // Never after the last year its document knows, nor all on one side.
        let near = dates_near("1er octobre 1680", |_| true);
        assert_eq!(near.len(), 3);
        let months: Vec<i32> = near
            .iter()
            .map(|d| {
                let w: Vec<&str> = d.split(' ').collect();
                let m = crate::facts::dates::month_number(w[1]).unwrap();
                w[2].parse::<i32>().unwrap() * 12 + m
            })
            .collect();
        let answer = 1680 * 12 + 10;
        assert!(
            months.iter().any(|&m| m < answer) && months.iter().any(|&m| m > answer),
            "{near:?}"
        );
        assert!(months.iter().all(|m| m.abs_diff(answer) <= 8), "{near:?}");
        let years = dates_near("mai 1681", |d| !d.ends_with("1682"));
        assert!(years.iter().all(|d| !d.ends_with("1682")), "{years:?}");
        // A range, a night, two calendars: none.
        assert!(dates_near("1624 à 1642", |_| true).is_empty());
        assert!(dates_near("12 (25) octobre 1917", |_| true).is_empty());
    }

    #[test]
    fn a_document_of_another_subject_lends_no_names_but_its_towns() {
        let mut p = Pools::default();
        // Document 0 and 1 tell of the Soviets; 2 of a plague, in the same years.
        p.set_eras(vec![era(1917, 1918), era(1917, 1918), era(1917, 1918)]);
        let words = |w: &[&str]| w.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        p.set_subjects(&[
            words(&["bolchevik", "soviet"]),
            words(&["soviet", "@trotsky"]),
            words(&["peste", "cadavre"]),
        ]);
        for (name, doc) in [("Trotsky", 1), ("Kamenev", 1), ("Roze", 2), ("Belsunce", 2)] {
            p.add(Kind::Person, name, "", doc);
        }
        p.add(Kind::Person, "Rykov", "", 0);
        let c = card("Lénine", Kind::Person, "Lénine présidait le comité.");
        let mut chosen = p.choose(&c);
        chosen.sort();
        assert_eq!(chosen, ["Kamenev", "Rykov", "Trotsky"]);
        // A town told as one is a wrong town in any story.
        let tokens = crate::facts::tokens::tokenize("Il va à Marseille, à Aix et à Toulon.");
        for (name, doc) in [("Marseille", 2), ("Aix", 2), ("Toulon", 2), ("Bakou", 0)] {
            p.add(Kind::Place, name, "", doc);
            let first = tokens.iter().position(|t| t.text == name).unwrap_or(3);
            let kind = crate::facts::places::PlaceKind::before(&tokens, first)
                .unwrap_or((PlaceKind::Settlement, 1));
            p.vote_place(name, kind.0, kind.1);
            p.note_article(name, "à");
        }
        p.vote_place("Bakou", PlaceKind::Settlement, 3);
        let mut c = card("Petrograd", Kind::Place, "Il arrive à Petrograd.");
        c.document = 1;
        c.kind = CardKind::Cloze;
        c.prompt = "Trotsky arrive à [...] en 1917.".into();
        let mut chosen = p.choose(&c);
        chosen.sort();
        assert_eq!(chosen.len(), 3, "{chosen:?}");
        assert!(chosen
            .iter()
            .all(|t| ["Marseille", "Aix", "Toulon", "Bakou"].contains(&t.as_str())));
    }

    #[test]
    fn a_person_takes_wrong_answers_of_the_same_gender() {
        let mut p = Pools::default();
        for name in [
            "Marie Paradis",
            "Henriette d'Angeville",
            "Jacques Balmat",
            "Ferdinand Fouqué",
            "Michel Paccard",
            "Adèle Foucher",
        ] {
            p.add(Kind::Person, name, "", 0);
        }
        let mut c = card("Horace-Bénédict de Saussure", Kind::Person, "");
        c.kind = CardKind::Cloze;
        c.prompt = "En 1760, le savant genevois [...] promet une récompense.".into();
        let mut chosen = p.choose(&c);
        chosen.sort();
        assert_eq!(
            chosen,
            ["Ferdinand Fouqué", "Jacques Balmat", "Michel Paccard"]
        );
        // A woman asked about takes women's names only.
        c.answer = "Marie Paradis".into();
        c.prompt = "En 1808, [...] devient la première femme à gravir le mont Blanc.".into();
        let chosen = p.choose(&c);
        assert!(chosen.is_empty(), "two women only: {chosen:?}");
        p.add(Kind::Person, "Irène Joliot-Curie", "", 0);
        let mut chosen = p.choose(&c);
        chosen.sort();
        assert_eq!(
            chosen,
            [
                "Adèle Foucher",
                "Henriette d'Angeville",
                "Irène Joliot-Curie"
            ]
        );
        // A name listed with the answer in its sentence may be right too.
        assert!(listed_with(
            "il fait escale a cherbourg, puis a queenstown, en irlande",
            "cherbourg",
            "queenstown"
        ));
        assert!(listed_with(
            "kamenev et riazanov sont accuses",
            "riazanov",
            "kamenev"
        ));
        assert!(!listed_with(
            "p. djaparidze (interieur), g. korganov (defense)",
            "p. djaparidze",
            "g. korganov"
        ));
        // One woman under two names is one wrong answer.
        assert!(same_person("Marie Curie", "Marie Skłodowska-Curie"));
        assert!(!same_person("Marie Curie", "Pierre Curie"));
        assert!(same_person("Emma", "Emma Bardac"));
        assert!(same_person("Emma Bardac", "Emma"));
        assert!(!same_person("Emma", "Rosalie Texier"));
    }
}
