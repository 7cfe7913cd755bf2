//! A document's setting: what it is about, where and when it happens. A card that does not
//! say it gets it as its situation line (« Bakou, 1918 », « Jeanne d'Arc, 1431 »), and a
//! question about a body two documents share names its place (« le Sovnarkom de Bakou »).

use crate::cards::{CardKind, GeneratedCard};
use crate::facts::Kind;

/// Where each document happens, to tell apart two bodies of the same name in two documents
/// (the Sovnarkom of Petrograd and the Sovnarkom of Baku).
#[derive(Default)]
pub(crate) struct Settings {
    /// Mentions of each place, per document.
    places: Counts,
    /// Documents naming each single-word organisation or name.
    names: std::collections::BTreeMap<String, std::collections::BTreeSet<u16>>,
    /// The years of each document's dates, one entry a mention.
    years: std::collections::BTreeMap<u16, Vec<u32>>,
    /// The year in force at a sentence (by document and sentence): the last one named
    /// before it in its paragraph. (By sentence, not by line: a Markdown paragraph is one
    /// line, and its last sentence's year is not its first one's.)
    pub(crate) in_force: std::collections::HashMap<(u16, String), u32>,
    /// The month in force at a sentence (by document and sentence), with its year when
    /// told: the last day's month the sentence names, or else the sentence before it in its
    /// paragraph (« Dans la nuit du 21 octobre »).
    pub(crate) month_in_force: std::collections::HashMap<(u16, String), (String, Option<u32>)>,
    /// What each document is about, by index (see [`subject_of`]).
    pub(crate) subjects: Vec<Option<String>>,
    /// Every name a document gives as a place.
    place_names: std::collections::HashSet<String>,
    /// How often each document cites each name that is not a place or a date.
    cited: Counts,
    /// The documents naming each person, by surname.
    people: std::collections::BTreeMap<String, std::collections::BTreeSet<u16>>,
    /// The surnames each document names.
    people_of: std::collections::BTreeMap<u16, std::collections::BTreeSet<String>>,
    /// Each document's kin and the year read from its kin, by index, once every document
    /// is counted (see [`Settings::settle`]).
    kin: Vec<(Option<u16>, Option<u32>)>,
}

/// The years a document's dates span (see [`Settings::era_of`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Era {
    /// The first year, the earliest tenth of them left out.
    pub from: u32,
    /// The last year, the latest tenth of them left out.
    pub to: u32,
    /// The latest year it names: no date after it is known to it.
    pub last: u32,
}

/// How often each document names each name, by document.
type Counts = std::collections::BTreeMap<
    u16,
    std::collections::HashMap<String, usize, crate::typography::WordHash>,
>;

/// Counts one more `name` in `document` (the name is copied only the first time).
fn bump(counts: &mut Counts, document: u16, name: &str) {
    let of_document = counts.entry(document).or_default();
    match of_document.get_mut(name) {
        Some(n) => *n += 1,
        None => {
            of_document.insert(name.to_string(), 1);
        }
    }
}

/// Adds `item` to the set under `key` (the key is copied only the first time).
fn add_to<T: Ord>(
    sets: &mut std::collections::BTreeMap<String, std::collections::BTreeSet<T>>,
    key: &str,
    item: T,
) {
    match sets.get_mut(key) {
        Some(set) => {
            set.insert(item);
        }
        None => {
            sets.insert(key.to_string(), std::iter::once(item).collect());
        }
    }
}

/// The name a document counts most in `counts`, at least `least` times and `ratio` times as
/// often as the next one (more than it when `ratio` is 1).
fn dominant(counts: &Counts, document: u16, least: usize, ratio: usize) -> Option<&str> {
    // Sorted by count, then name: the order of the map does not matter.
    let mut counts: Vec<(&str, usize)> = counts
        .get(&document)
        .into_iter()
        .flatten()
        .map(|(name, n)| (name.as_str(), *n))
        .collect();
    counts.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    match counts.as_slice() {
        [(name, n), rest @ ..]
            if *n >= least && rest.first().is_none_or(|r| r.1 * ratio < *n + ratio - 1) =>
        {
            Some(name)
        }
        _ => None,
    }
}

/// The years (four digits, 1000–2100) a text names, in order.
pub(crate) fn years_in(text: &str) -> impl Iterator<Item = u32> + '_ {
    text.split(|c: char| !c.is_ascii_digit())
        .filter(|d| d.len() == 4)
        .filter_map(|d| d.parse::<u32>().ok())
        .filter(|y| (1000..=2100).contains(y))
}

/// Whether the words before a date (`before`, the sentence up to it) make it the start or
/// the end of a state (« depuis 1880 », « jusqu'en 1723 »), not the time of an event.
pub(crate) fn bounds_a_state(before: &str) -> bool {
    let last = before
        .trim_end()
        .rsplit(|c: char| c.is_whitespace())
        .next()
        .unwrap_or("")
        .to_lowercase();
    matches!(
        last.as_str(),
        "depuis" | "jusqu'en" | "jusqu’en" | "jusqu'au" | "jusqu’au" | "dès"
    )
}

/// The last year a date mention names (three digits too: « août 843 »).
pub(crate) fn last_year(mention: &str) -> Option<u32> {
    years_in(mention).last().or_else(|| {
        mention
            .split(|c: char| !c.is_ascii_digit())
            .filter_map(crate::facts::dates::early_year)
            .next_back()
    })
}

impl Settings {
    pub(crate) fn count(&mut self, kind: Kind, mention: &str, document: u16) {
        if kind == Kind::Date {
            let years = self.years.entry(document).or_default();
            years.extend(
                mention
                    .split(|c: char| !c.is_ascii_digit())
                    .filter(|d| d.len() == 4)
                    .filter_map(|d| d.parse::<u32>().ok()),
            );
        }
        if matches!(kind, Kind::Person | Kind::Organisation | Kind::Other) {
            bump(&mut self.cited, document, mention);
        }
        match kind {
            Kind::Person => {
                // By surname: « Léon Trotsky » in one document is « Trotsky » in another.
                let surname = mention.rsplit(' ').next().unwrap_or(mention);
                add_to(&mut self.people, surname, document);
                let surnames = self.people_of.entry(document).or_default();
                if !surnames.contains(surname) {
                    surnames.insert(surname.to_string());
                }
            }
            Kind::Place => {
                if !self.place_names.contains(mention) {
                    self.place_names.insert(mention.to_string());
                }
                bump(&mut self.places, document, mention);
            }
            Kind::Organisation | Kind::Other if !mention.contains(' ') => {
                add_to(&mut self.names, mention, document);
            }
            _ => {}
        }
    }

    /// The name a document cites most, five times at least and twice as often as any other:
    /// what it is about when neither its title nor its first sentence says it.
    pub(crate) fn most_cited(&self, document: u16) -> Option<&str> {
        dominant(&self.cited, document, 5, 2)
    }

    /// Whether some document names `name` as a place.
    pub(crate) fn is_place(&self, name: &str) -> bool {
        self.place_names.contains(name)
    }

    /// The place a document names most, when it names it at least twice and more than any
    /// other.
    pub(crate) fn place_of(&self, document: u16) -> Option<&str> {
        dominant(&self.places, document, 2, 1)
    }

    /// The place a document is set in, for a situation line: one it names at least three
    /// times and twice as often as any other (a life told from birth to death names many
    /// places, none of them its setting).
    fn setting_place_of(&self, document: u16) -> Option<&str> {
        dominant(&self.places, document, 3, 2)
    }

    /// A document's period: the year of a document whose dates fall within a year or so of
    /// it (three dated mentions or more, or two of one year; nine in ten of them within a year of the most
    /// cited one). A document that spans decades has none: its cards name their own years.
    fn period_of(&self, document: u16) -> Option<u32> {
        self.year_covering(document, 9)
    }

    /// The year most of a document's dates are in (two in three within a year of it), for a
    /// sentence whose paragraph names none: a memoir of 1917 that cites an article of 1922.
    fn main_year_of(&self, document: u16) -> Option<u32> {
        self.year_covering(document, 6)
    }

    /// How many people each other document shares with `document`. Each person counts in
    /// the first documents that name them only: a name every document gives says nothing
    /// of kinship, and the count stays linear in the corpus.
    fn shared_people(&self, document: u16) -> std::collections::BTreeMap<u16, usize> {
        let mut shared: std::collections::BTreeMap<u16, usize> = Default::default();
        let surnames = self.people_of.get(&document).into_iter().flatten();
        for docs in surnames.filter_map(|name| self.people.get(name)) {
            for &other in docs.iter().take(KIN_SPAN).filter(|&&o| o != document) {
                *shared.entry(other).or_default() += 1;
            }
        }
        shared
    }

    /// The surnames of the people a document names.
    pub(crate) fn surnames_of(&self, document: u16) -> impl Iterator<Item = &str> {
        self.people_of
            .get(&document)
            .into_iter()
            .flatten()
            .map(String::as_str)
    }

    /// Works out what depends on the whole corpus (each document's kin), once all of its
    /// `documents` are counted.
    pub(crate) fn settle(&mut self, documents: usize) {
        // Each document's main year, read for every document it is kin of.
        let main_years: Vec<Option<u32>> = (0..documents as u16)
            .map(|d| self.main_year_of(d))
            .collect();
        self.kin = (0..documents as u16)
            .map(|d| {
                let shared = self.shared_people(d);
                (kin_among(&shared), year_of_kin_among(&shared, &main_years))
            })
            .collect();
    }

    /// A document's era: the years its dates span, the tenth of them at each end left
    /// out (a life told from 1809 to 1852 that cites its centenary in 1952 is of
    /// 1809–1852), or else the year read from its kin (a blog's « le 12 octobre »); `None`
    /// when it names no year.
    pub(crate) fn era_of(&self, document: u16) -> Option<Era> {
        let Some(years) = self.years.get(&document).filter(|y| !y.is_empty()) else {
            let year = self.kin.get(document as usize).and_then(|k| k.1)?;
            return Some(Era {
                from: year,
                to: year,
                last: year,
            });
        };
        let mut years = years.clone();
        years.sort_unstable();
        let cut = years.len() / 10;
        Some(Era {
            from: years[cut],
            to: years[years.len() - 1 - cut],
            last: years[years.len() - 1],
        })
    }

    /// The town a document is set in for [`crate::verdicts`]: the one it names most, or
    /// else that of the document it shares the most people with (a wiki page on the first
    /// Sovnarkom that names Smolny more than Petrograd is set where its kin are).
    pub(crate) fn town_of(&self, document: u16) -> Option<&str> {
        let kin = self.kin.get(document as usize).and_then(|k| k.0);
        self.place_of(document)
            .or_else(|| kin.and_then(|kin| self.place_of(kin)))
    }

    /// The year of a document all of whose dates are in that one year.
    fn only_year_of(&self, document: u16) -> Option<u32> {
        let years = self.years.get(&document)?;
        let first = *years.first()?;
        years.iter().all(|&y| y == first).then_some(first)
    }

    /// The most cited year of a document when at least `tenths` tenths of its dated mentions
    /// (three or more, or two of one year) fall within a year of it.
    fn year_covering(&self, document: u16, tenths: usize) -> Option<u32> {
        let years = self.years.get(&document)?;
        // (two mentions of one year are enough: « Le 21 février 1916 … le 18 décembre 1916 »)
        if years.len() < 2 || years.len() == 2 && years[0] != years[1] {
            return None;
        }
        let mut counts: std::collections::BTreeMap<u32, usize> = std::collections::BTreeMap::new();
        for y in years {
            *counts.entry(*y).or_default() += 1;
        }
        let (&top, _) = counts
            .iter()
            .max_by_key(|(y, n)| (**n, std::cmp::Reverse(**y)))?;
        let near = years.iter().filter(|y| y.abs_diff(top) <= 1).count();
        (10 * near >= tenths * years.len()).then_some(top)
    }

    /// The situation line of a card that has none yet: what its document is about, or
    /// else where it happens, then its year, each only when the card does not say it
    /// already nor holds it as its answer (« Jeanne d'Arc, 1431 », « Bakou, 1918 »). The
    /// year is the one its sentence gives, or else the document's period, or else the one in
    /// force in the sentence's paragraph.
    /// A date card gets it only when its answer has no year either (« Le [...], Trotsky
    /// accuse Kamenev » → 2 décembre, in 1917): a year never gives a date's answer away.
    pub(crate) fn situate(&self, card: &mut GeneratedCard) {
        let mut parts: Vec<String> = Vec::new();
        let said = |phrase: &str| {
            let key = key_word(phrase);
            crate::clauses::has_words(&card.prompt, key)
                || crate::clauses::has_words(&card.answer, key)
                || crate::clauses::has_words(phrase, &card.answer)
        };
        let subject = self
            .subjects
            .get(card.document as usize)
            .and_then(Option::as_deref)
            .filter(|s| !said(s));
        // (a document of one episode, within a year or so, is set in the place it names most
        // even when it names others too: « Bakou » in Bakou's 1918; a life is set in no one
        // place, and a place beside a place answer would compete with it: « Où Debussy
        // est-il né ? » in « Paris »)
        let place = (!self.tells_a_life(card.document) && card.answer_kind != Kind::Place)
            .then(|| self.setting_place_of(card.document))
            .flatten()
            .or_else(|| {
                // (not beside other places the card names: « à Trébizonde … à Batoum »)
                let names_a_place = card
                    .prompt
                    .split(|c: char| !c.is_alphanumeric() && c != '-')
                    .any(|w| w.starts_with(char::is_uppercase) && self.is_place(w));
                self.period_of(card.document)
                    .filter(|_| !names_a_place)
                    .and_then(|_| self.place_of(card.document))
            })
            .filter(|p| !said(p));
        // The document's subject (its title's, mostly) goes before the topic the clause
        // stage read from the first sentence (« Soviet de Petrograd », not « L'Ispolkom »),
        // which otherwise stays and gains the year.
        match (subject, place) {
            (Some(subject), _) => parts.push(subject.to_string()),
            _ if !card.situation.is_empty() => parts.push(card.situation.clone()),
            (None, Some(place)) => parts.push(place.to_string()),
            (None, None) => {}
        }
        let has_year = |text: &str| last_year(text).is_some();
        let says_year = has_year(&card.prompt)
            || (card.answer_kind == Kind::Date && has_year(&card.answer))
            || parts.iter().any(|p| has_year(p));
        // The year of the card's own sentence nearest its answer (and not in it) comes first:
        // the paragraph's may be another event's, and in « née … le 7 novembre 1867 à
        // Varsovie, … et morte le 4 juillet 1934 à Passy » Passy's year is 1934.
        let own = year_nearest(&card.context, &card.answer);
        let year = own
            .or_else(|| self.period_of(card.document))
            .or_else(|| {
                self.in_force
                    .get(&(card.document, card.context.clone()))
                    .copied()
            })
            .or_else(|| self.main_year_of(card.document))
            .or_else(|| self.kin.get(card.document as usize).and_then(|k| k.1))
            // (who held an office is asked in the one year its document names, if it
            // names one: « Qui était le maire de Bordeaux ? » in 2013)
            .or_else(|| {
                matches!(
                    card.fact_type,
                    crate::facts::FactType::Role | crate::facts::FactType::Apposition
                )
                .then(|| self.only_year_of(card.document))
                .flatten()
            });
        // (« Le canal du Midi compte aujourd'hui [...] écluses »: now, not in any year of
        // the document)
        let now = card.prompt.contains("aujourd'hui") || card.prompt.contains("aujourd’hui");
        // (« Au [...] siècle » → « XVIe »: a year of another sentence would contradict it)
        let century = card.answer_kind == Kind::Date && is_a_century(&card.answer);
        let period = own.is_none() && tells_its_time(&card.prompt);
        // (« La même année, Niépce se rend en Angleterre » → « En 1827, Niépce se rend … »)
        if let Some(year) = year.filter(|_| !says_year && opens_on_the_same_year(&card.prompt)) {
            if let Some((_, rest)) = card.prompt.split_once(", ") {
                card.prompt = format!("En {year}, {rest}");
            }
            card.situation = parts.join(", ");
            return;
        }
        if let Some(year) = year.filter(|_| !says_year && !now && !century && !period) {
            // (the month too, for who held a role: several held one in 1917, one in
            // « octobre 1917 »)
            let month = self
                .month_in_force
                .get(&(card.document, card.context.clone()))
                .filter(|(month, y)| {
                    y.is_none_or(|y| y == year)
                        && matches!(
                            card.fact_type,
                            crate::facts::FactType::Role | crate::facts::FactType::Apposition
                        )
                        && !crate::clauses::has_words(&card.prompt, month)
                })
                .map(|(month, _)| month.as_str());
            match month {
                Some(month) => parts.push(format!("{month} {year}")),
                None => parts.push(year.to_string()),
            }
        }
        card.situation = parts.join(", ");
    }

    /// Whether a document tells a life: its subject is one of the people it names
    /// (« Claude Debussy »), who was born, lived and died in places of their own.
    fn tells_a_life(&self, document: u16) -> bool {
        let Some(Some(subject)) = self.subjects.get(document as usize) else {
            return false;
        };
        let surname = key_word(subject);
        self.people_of
            .get(&document)
            .is_some_and(|people| people.contains(surname))
    }

    /// `Qui présidait le Sovnarkom ?` → `Qui présidait le Sovnarkom de Bakou ?` when another
    /// document names a Sovnarkom too and this one happens in Bakou.
    pub(crate) fn qualify(&self, card: &mut GeneratedCard) {
        if card.kind == CardKind::Cloze || card.fact_type != crate::facts::FactType::Role {
            return;
        }
        let Some(body) = card.prompt.strip_suffix(" ?") else {
            return;
        };
        let Some(name) = body.rsplit(' ').next() else {
            return;
        };
        let name = name.trim_start_matches(|c: char| c.is_lowercase() || c == '\'');
        let shared = self
            .names
            .get(name)
            .is_some_and(|docs| docs.iter().any(|&d| d != card.document));
        if !shared || !name.starts_with(char::is_uppercase) {
            return;
        }
        let Some(place) = self.place_of(card.document) else {
            return;
        };
        if card.prompt.contains(place) {
            return;
        }
        let de = if place.starts_with(|c: char| "AEIOUYÉÈÂÎÔ".contains(c)) {
            "d'"
        } else {
            "de "
        };
        card.prompt = format!("{body} {de}{place} ?");
    }
}

/// The year (1000–2100) of `context` nearest the answer's place in it, not in the answer;
/// the first year when the answer is not found. A year that « et » or a semicolon parts
/// from the answer is another fact's (« né à Béziers en 1609 et fermier des gabelles de
/// Languedoc »: 1609 is not when he was a fermier); an opening's is the sentence's (« En
/// 1681, l'intendant du Poitou, René de Marillac, … »), and « morte le 4 juillet 1934 à
/// Passy » keeps Passy's.
fn year_nearest(context: &str, answer: &str) -> Option<u32> {
    let at = context.find(answer);
    let end = at.map_or(0, |i| i + answer.len());
    let mut best: Option<(usize, u32)> = None;
    let mut i = 0;
    let bytes = context.as_bytes();
    while i < bytes.len() {
        if bytes[i].is_ascii_digit() {
            let start = i;
            while i < bytes.len() && bytes[i].is_ascii_digit() {
                i += 1;
            }
            let inside = at.is_some_and(|a| start >= a && i <= end);
            if i - start == 4 && !inside {
                if let Ok(year) = context[start..i].parse::<u32>() {
                    let between = match at {
                        Some(_) if start >= end => &context[end..start],
                        Some(a) => &context[i.min(a)..a],
                        None => "",
                    };
                    // (« né à Béziers en 1609 et fermier des gabelles »: another fact; but
                    // « célébrées le 1er juin 1885, et près de deux millions … »: one event's
                    // two clauses)
                    // (nor « que dirige Henri Desgrange, un ancien coureur qui avait établi
                    // en 1893 le premier record »: a relative clause on an apposition tells
                    // of another time)
                    // (« En 1839, Arago annonce le daguerréotype ; l'État achète le procédé »:
                    // the year that opens the sentence is all its clauses')
                    let opening = context[..start].split_whitespace().count() <= 3
                        && context[i..].starts_with(',');
                    let parted = !opening && between.contains("; ")
                        || (!opening && between.contains(" et ") && !between.contains(", et "))
                        || (between.starts_with(", ") && between.contains(" qui "));
                    // (« la Constitution de 1830 », « l'équipe de France de 1930 »: a year
                    // after « de » dates the noun before it, not the clause; « de 1923 à
                    // 1940 » is a period)
                    let of_a_noun =
                        context[..start].ends_with(" de ") && !context[i..].starts_with(" à ");
                    // (« Trois sites sont inscrits : le parc de Þingvellir (2004), l'île de
                    // Surtsey (2008) »: a year in brackets dates the item just before it)
                    // (« La Mer (1905), sous-titrée « trois esquisses » »: what follows
                    // the item is still of it)
                    let of_an_item = context[..start].ends_with('(')
                        && context[i..].starts_with(')')
                        && at.is_some_and(|a| a < start && start - end > 2);
                    if (1000..=2100).contains(&year)
                        && !answer.contains(&context[start..i])
                        && !parted
                        && !of_a_noun
                        && !of_an_item
                    {
                        let distance = match at {
                            Some(_) if start >= end => start - end,
                            Some(a) => a.saturating_sub(i),
                            None => start,
                        };
                        if best.is_none_or(|(d, _)| distance < d) {
                            best = Some((distance, year));
                        }
                    }
                }
            }
        } else {
            i += 1;
        }
    }
    best.map(|(_, y)| y)
}

/// Whether a card whose own subject names nothing is situated: its situation line names
/// a subject (a capitalised word), and a year is told by the line, the prompt or a date
/// answer (« Le chantier emploie jusqu'à [...] ouvriers » in « Le canal du Midi, 1667 »).
pub(crate) fn is_situated(card: &GeneratedCard) -> bool {
    let subject = card.situation.split(", ").next().unwrap_or("");
    let named = subject.split_whitespace().any(|w| {
        w.trim_start_matches(|c: char| c.is_lowercase() || c == '\'' || c == '’')
            .starts_with(char::is_uppercase)
    });
    let year = years_in(&card.situation).next().is_some()
        || years_in(&card.prompt).next().is_some()
        || card.answer_kind == Kind::Date;
    named && (year || timeless(card) || tells_its_time(&card.prompt))
}

/// Words of an opening that tell a time moved off the one told before (« L'année
/// suivante », « Deux ans plus tard », « Le lendemain »).
const SHIFTS: &[&str] = &[
    "suivant",
    "plus tard",
    "auparavant",
    "précédent",
    "lendemain",
    "veille",
    "après",
    "avant",
];

/// Whether a sentence opens, before its first comma, on a time moved off the one told
/// before: the year in force in its paragraph is then not its year.
pub(crate) fn opens_on_a_shifted_time(sentence: &str) -> bool {
    let Some((opening, _)) = sentence.split_once(", ") else {
        return false;
    };
    opening.split_whitespace().count() <= 5 && {
        let lower = opening.to_lowercase();
        SHIFTS.iter().any(|s| lower.contains(s)) && years_in(opening).next().is_none()
    }
}

/// The openings that set a sentence in the year told before (« La même année, »).
const SAME_YEAR: &[&str] = &[
    "la même année, ",
    "cette même année, ",
    "cette année-là, ",
    "la même année ",
];

/// Whether a sentence opens on the year told before it (« La même année, … »).
pub(crate) fn opens_on_the_same_year(sentence: &str) -> bool {
    if !sentence.starts_with(['L', 'l', 'C', 'c']) {
        return false;
    }
    let head: String = sentence.chars().take(20).collect::<String>().to_lowercase();
    SAME_YEAR.iter().any(|o| head.starts_with(o))
}

/// Periods a sentence may be set in instead of a year (« Dès l'Ancien Régime », « Pendant la
/// guerre de Cent Ans », « au Moyen Âge », « au XIIe siècle »).
const PERIODS: &[&str] = &[
    "siècle",
    "ancien régime",
    "moyen âge",
    "moyen-âge",
    "antiquité",
    "renaissance",
    "préhistoire",
    "pendant la guerre",
    "durant la guerre",
    "sous la révolution",
    "sous l'occupation",
    "sous l'empire",
    "sous le règne",
];

/// Whether a prompt tells its own time by a period rather than a year: a year of another
/// sentence would then contradict it (« Dès l'Ancien Régime, l'abbaye sert de lieu de
/// détention » is not « 1897 »).
pub(crate) fn tells_its_time(prompt: &str) -> bool {
    let lower = prompt.to_lowercase().replace('’', "'");
    PERIODS.iter().any(|p| lower.contains(p))
}

/// standalone: whether a card tells a day or a month (« Le 24 octobre, les troupes …
/// reprennent [...] », « En [...] » → « juin ») with no year in its prompt, its answer or its
/// situation line: of which year, nothing says.
pub(crate) fn lacks_its_year(card: &GeneratedCard) -> bool {
    let months = |text: &str| {
        text.split(|c: char| !c.is_alphabetic())
            .any(crate::facts::dates::is_month)
    };
    let dated = months(&card.prompt) || card.answer_kind == Kind::Date && months(&card.answer);
    // (a month's year of three digits: « le 25 juin 841 »)
    let early_year = |text: &str| {
        let words: Vec<&str> = text.split(|c: char| !c.is_alphanumeric()).collect();
        words.windows(2).any(|w| {
            crate::facts::dates::is_month(w[0]) && crate::facts::dates::early_year(w[1]).is_some()
        })
    };
    dated
        && years_in(&card.prompt).next().is_none()
        && years_in(&card.answer).next().is_none()
        && years_in(&card.situation).next().is_none()
        && !early_year(&card.prompt)
        && !(card.answer_kind == Kind::Date && early_year(&card.answer))
}

/// Whether `answer` is a century (« XVIe », « XVIe siècle », « 16e siècle »).
fn is_a_century(answer: &str) -> bool {
    let first = answer.split_whitespace().next().unwrap_or("");
    let number = first
        .strip_suffix("e")
        .or_else(|| first.strip_suffix("ème"))
        .or_else(|| first.strip_suffix("er"))
        .unwrap_or("");
    !number.is_empty()
        && (number.chars().all(|c| matches!(c, 'I' | 'V' | 'X'))
            || (answer.contains("siècle") && number.chars().all(|c| c.is_ascii_digit())))
}

/// Units of measure: a count in one measures a thing, and holds at any time.
const MEASURES: &[&str] = &[
    "mètres",
    "mètre",
    "m",
    "kilomètres",
    "kilomètre",
    "km",
    "centimètres",
    "cm",
    "tonnes",
    "tonne",
    "kilos",
    "kilogrammes",
    "kg",
    "hectares",
    "ha",
    "litres",
    "mètres cubes",
    "m3",
    "m²",
    "km²",
    "km/h",
];

/// Verbs that tell how a thing is (its size, its place), not what happened.
const STATES: &[&str] = &[
    "mesure",
    "mesurent",
    "pèse",
    "pèsent",
    "culmine",
    "culminent",
    "s'élève à",
    "s'élèvent à",
    "se situe",
    "se situent",
    "se trouve",
    "se trouvent",
    "est situé",
    "est située",
    "est rattaché",
    "est rattachée",
    "s'étend sur",
    "s'étendent sur",
];

/// Whether a card tells a state that holds at any time, which needs no year to be
/// understood: a measure (« pèse [...] tonnes », « s'élève à 189 mètres »), a place (« le
/// sommet est rattaché à la commune de [...] »).
fn timeless(card: &GeneratedCard) -> bool {
    let measured = card.answer_kind == Kind::Quantity && {
        let after = card
            .prompt
            .split_once(crate::cards::GAP)
            .map_or("", |(_, after)| after);
        let unit = card
            .answer
            .split_once(' ')
            .map(|(_, unit)| unit)
            .or_else(|| after.split_whitespace().next())
            .unwrap_or("")
            .trim_end_matches(['.', ',', ';']);
        MEASURES.contains(&unit)
    };
    let padded = format!(" {} ", card.prompt);
    measured || STATES.iter().any(|v| padded.contains(&format!(" {v} ")))
}

/// The word that names a phrase: its last capitalised word (« Arc » is elided, so « Jeanne
/// d'Arc » is named by « Jeanne »), else its last number, else the phrase itself.
fn key_word(phrase: &str) -> &str {
    let words = || {
        phrase
            .split_whitespace()
            .rev()
            .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
    };
    words()
        .find(|w| w.starts_with(char::is_uppercase))
        .or_else(|| words().find(|w| !w.is_empty() && w.chars().all(|c| c.is_ascii_digit())))
        .unwrap_or(phrase)
}

/// What a document is about, for its cards' situation line: its title when the title is
/// a short name (« Jeanne d'Arc », « Impression, soleil levant », « Soviet de Petrograd »),
/// else the subject of its first sentences (« Joseph Meister », « Le stade Roland-Garros »),
/// when the document names it again, else the name it cites most (`most_cited`: « Concorde »
/// in a blog post whose title is the blog's). A question, a sentence or a long title is no
/// subject.
pub(crate) fn subject_of<'a>(
    title: Option<&'a str>,
    sentences: impl Iterator<Item = &'a str>,
    text: &str,
    most_cited: Option<&str>,
) -> Option<String> {
    let named_again = |s: &str| text.matches(key_word(s)).count() >= 2;
    if let Some(title) = title.and_then(title_subject).filter(|t| named_again(t)) {
        return Some(title);
    }
    // An opening time or place (« Le 4 juillet 1885, », « Chaque printemps, ») is not the
    // subject: the sentence is read from after it.
    // (the title first: « Il y a 50 ans, Concorde prenait son envol »)
    let openings: Vec<String> = title
        .into_iter()
        .chain(sentences)
        .filter(|s| s.split_whitespace().count() >= 6 && !s.contains('|') && !s.ends_with('?'))
        .map(|s| match s.split_once(", ") {
            Some((head, rest)) if is_adverbial(head) => crate::typography::capitalise(rest),
            _ => s.to_string(),
        })
        .take(6)
        .collect();
    let topic = crate::clauses::DocumentTopic::from_first_sentences_of(
        openings.iter().map(String::as_str),
        Some(text),
    );
    topic
        .topic
        .filter(|t| t.chars().count() <= MAX_SUBJECT)
        .or_else(|| most_cited.map(str::to_string))
}

/// The document that shares the most people with a document (three at least), from its
/// [`Settings::shared_people`]; ties go to the first one.
fn kin_among(shared: &std::collections::BTreeMap<u16, usize>) -> Option<u16> {
    shared
        .iter()
        .filter(|&(_, &n)| n >= 3)
        .max_by_key(|&(&other, &n)| (n, std::cmp::Reverse(other)))
        .map(|(&other, _)| other)
}

/// The year of a document that names none (a blog's « le 12 octobre »), read from the
/// documents of the corpus it shares the most people with (three at least, from its
/// [`Settings::shared_people`]): the one that tells the same events with their years.
/// `main_years`: each document's main year.
fn year_of_kin_among(
    shared: &std::collections::BTreeMap<u16, usize>,
    main_years: &[Option<u32>],
) -> Option<u32> {
    shared
        .iter()
        .filter(|&(_, &n)| n >= 3)
        .filter_map(|(&other, &n)| {
            Some((n, main_years.get(usize::from(other)).copied().flatten()?))
        })
        .max_by_key(|&(n, year)| (n, std::cmp::Reverse(year)))
        .map(|(_, year)| year)
}

/// How many documents naming a person are read for [`year_of_kin_among`].
const KIN_SPAN: usize = 64;

/// The longest subject a situation line shows (two lines of the handheld).
const MAX_SUBJECT: usize = 40;

/// Whether an opening phrase is a time or a circumstance: a date, or a first word that
/// opens such phrases.
fn is_adverbial(head: &str) -> bool {
    let words: Vec<&str> = head.split_whitespace().collect();
    let first = words.first().copied().unwrap_or("").to_lowercase();
    // A date (« Le 4 juillet 1885 », « 1872 », « En mai 1874 »), not a name that holds a
    // year (« Les Jeux olympiques d'été de 1924 »).
    let date = head.starts_with(|c: char| c.is_ascii_digit())
        || (matches!(first.as_str(), "le" | "l'")
            && words
                .get(1)
                .is_some_and(|w| w.starts_with(|c: char| c.is_ascii_digit())))
        || words.iter().any(|w| crate::facts::dates::is_month(w));
    date || matches!(
        first.as_str(),
        "en" | "dans"
            | "chaque"
            | "depuis"
            | "après"
            | "avant"
            | "pendant"
            | "lors"
            | "vers"
            | "au"
            | "aux"
            | "à"
            | "dès"
            | "puis"
            | "ensuite"
            | "alors"
            | "enfin"
            | "aujourd'hui"
    )
}

/// A title as a subject: markup and a part after a dash, a colon or in brackets left out;
/// two to six words or one uncommon one, opening on a capital, with no finite verb and no
/// question.
pub(crate) fn title_subject(title: &str) -> Option<String> {
    // (« 3615 Souvenirs : la drôle d'histoire du Minitel »: whose story the title tells)
    if let Some(subject) = story_of(title) {
        return title_subject_of(&subject);
    }
    title_subject_of(title)
}

/// What a title says it is the story of (« la drôle d'histoire du Minitel » → « Le
/// Minitel », « Histoire de la Loire » → « La Loire »), when that is a name.
fn story_of(title: &str) -> Option<String> {
    let lower = title.to_lowercase();
    let at = lower.find("histoire d")?;
    let rest = &title[at + "histoire d".len()..];
    let (article, name) = if let Some(n) = rest.strip_prefix("u ") {
        ("Le ", n)
    } else if let Some(n) = rest.strip_prefix("e la ") {
        ("La ", n)
    } else if let Some(n) = rest
        .strip_prefix("e l'")
        .or_else(|| rest.strip_prefix("e l’"))
    {
        ("L'", n)
    } else if let Some(n) = rest.strip_prefix("es ") {
        ("Les ", n)
    } else if let Some(n) = rest.strip_prefix("e ").or_else(|| rest.strip_prefix('\'')) {
        ("", n)
    } else {
        return None;
    };
    let name = name
        .split([',', ':', '(', '—', '–', '|'])
        .next()
        .unwrap_or("")
        .trim();
    name.starts_with(char::is_uppercase)
        .then(|| format!("{article}{name}"))
}

/// [`title_subject`] of a title that tells no story of anything.
fn title_subject_of(title: &str) -> Option<String> {
    let lexicon = crate::lexicon::Lexicon::get();
    let mut t = title;
    // (« La pyramide du Louvre, histoire d'un chantier qui a divisé Paris »)
    for cut in [" — ", " – ", " - ", ": ", " (", " | ", ", "] {
        if let Some((head, _)) = t.split_once(cut) {
            t = head;
        }
    }
    let t = t
        .trim_matches(|c: char| {
            matches!(c, '*' | '_' | '«' | '»' | '"' | '\'' | '`') || c.is_whitespace()
        })
        .trim();
    if t.is_empty() || t.contains(['?', '!', '.']) || t.chars().count() > MAX_SUBJECT {
        return None;
    }
    let words: Vec<&str> = t.split_whitespace().collect();
    if words.len() > 6 || !t.starts_with(char::is_uppercase) {
        return None;
    }
    // (a word after an article or an adjective is a noun: « La grande peste de 1720 »,
    // though « peste » is also a verb's form)
    let after_noun_opener = |i: usize| {
        i > 0 && {
            let before = words[i - 1].to_lowercase();
            lexicon
                .lookup(&before)
                .any(|a| a.pos.is_article() || a.pos == crate::lexicon::Pos::Adjective)
        }
    };
    if words
        .iter()
        .enumerate()
        .any(|(i, w)| crate::clauses::is_verb_form(lexicon, w) && !after_noun_opener(i))
    {
        return None;
    }
    if words.len() == 1 && lexicon.lookup(&t.to_lowercase()).next().is_some() {
        return None;
    }
    Some(t.to_string())
}

#[cfg(test)]
mod tests {
    use super::tells_its_time;

    #[test]
    fn the_same_year_as_the_sentence_before() {
        assert!(super::opens_on_the_same_year(
            "La même année, Niépce se rend en Angleterre."
        ));
        assert!(!super::opens_on_the_same_year(
            "L'année suivante, il meurt."
        ));
    }

    #[test]
    fn a_time_moved_off_the_one_before() {
        use super::opens_on_a_shifted_time as shifted;
        assert!(shifted(
            "L'année suivante, à Vélizy, 2 500 foyers testent Télétel."
        ));
        assert!(shifted("Deux ans plus tard, il meurt à Paris."));
        assert!(!shifted("La même année, Niépce se rend en Angleterre."));
        assert!(!shifted("Après 1830, la ville s'agrandit."));
        assert!(!shifted("Le canal, long de 240 km, relie Toulouse à Sète."));
    }

    #[test]
    fn a_title_tells_whose_story_it_is() {
        assert_eq!(
            super::title_subject("3615 Souvenirs : la drôle d'histoire du Minitel").as_deref(),
            Some("Le Minitel")
        );
        assert_eq!(
            super::title_subject("Petite histoire de la Loire, fleuve royal").as_deref(),
            Some("La Loire")
        );
        assert_eq!(super::story_of("Une histoire de famille"), None);
    }

    #[test]
    fn a_period_tells_a_time_as_a_year_would() {
        assert!(tells_its_time(
            "Dès l'Ancien Régime, l'abbaye sert de lieu de détention."
        ));
        assert!(tells_its_time(
            "Au XIIe siècle, le Mont accueille des pèlerins."
        ));
        assert!(tells_its_time(
            "Pendant la guerre de Cent Ans, le Mont reste fidèle au roi."
        ));
        assert!(!tells_its_time(
            "Le site est classé monument historique en 1874."
        ));
    }

    use super::{is_situated, year_nearest};
    use crate::cards::GeneratedCard;
    use crate::facts::Kind;

    #[test]
    fn a_day_or_a_month_with_no_year_anywhere_is_not_standalone() {
        let mut card = GeneratedCard::sample_cloze(
            "Le 24 octobre, les troupes reprennent [...].",
            "Douaumont",
            Kind::Place,
        );
        assert!(super::lacks_its_year(&card));
        card.situation = "Verdun, 1916".into();
        assert!(!super::lacks_its_year(&card));
        let month = GeneratedCard::sample_cloze(
            "En [...], les Allemands prennent le fort.",
            "juin",
            Kind::Date,
        );
        assert!(super::lacks_its_year(&month));
        let year = GeneratedCard::sample_cloze(
            "En [...], les Allemands prennent le fort.",
            "juin 1916",
            Kind::Date,
        );
        assert!(!super::lacks_its_year(&year));
        // (no day nor month: nothing to place in a year)
        let place = GeneratedCard::sample_cloze(
            "Le fort de [...] tombe sans combat.",
            "Douaumont",
            Kind::Place,
        );
        assert!(!super::lacks_its_year(&place));
    }

    #[test]
    fn a_life_or_a_place_answer_is_set_in_no_place() {
        let mut settings = super::Settings::default();
        for _ in 0..4 {
            settings.count(Kind::Place, "Paris", 0);
            settings.count(Kind::Place, "Bakou", 1);
        }
        settings.count(Kind::Person, "Achille-Claude Debussy", 0);
        settings.subjects = vec![Some("Claude Debussy".into()), None];
        settings.settle(2);
        let situated = |document: u16, answer_kind: Kind| {
            let mut card = GeneratedCard::sample_cloze(
                "Il est engagé comme pianiste par [...].",
                "Nadejda von Meck",
                answer_kind,
            );
            card.document = document;
            settings.situate(&mut card);
            card.situation
        };
        assert_eq!(situated(0, Kind::Person), "Claude Debussy");
        assert_eq!(situated(1, Kind::Person), "Bakou");
        assert_eq!(situated(1, Kind::Place), "");
    }

    #[test]
    fn a_year_a_state_starts_or_ends_from_is_no_event_s() {
        assert!(super::bounds_a_state("Il travaille depuis "));
        assert!(super::bounds_a_state("Chataud demeura enfermé jusqu'en "));
        assert!(!super::bounds_a_state("L'institut est inauguré en "));
        assert!(!super::bounds_a_state(""));
    }

    #[test]
    fn two_mentions_of_one_year_are_a_document_s_period() {
        let mut settings = super::Settings::default();
        settings.count(Kind::Date, "21 février 1916", 0);
        settings.count(Kind::Date, "18 décembre 1916", 0);
        assert_eq!(settings.period_of(0), Some(1916));
        settings.count(Kind::Date, "1917", 1);
        settings.count(Kind::Date, "1935", 1);
        assert_eq!(settings.period_of(1), None);
    }

    #[test]
    fn a_title_s_noun_that_is_also_a_verb_s_form_is_a_noun() {
        assert_eq!(
            super::title_subject("La grande peste de 1720").as_deref(),
            Some("La grande peste de 1720")
        );
        assert_eq!(super::title_subject("Napoléon arrive à Paris"), None);
    }

    #[test]
    fn a_century_is_told_as_one() {
        for c in ["XVIe", "XVIe siècle", "Ier", "16e siècle"] {
            assert!(super::is_a_century(c), "{c}");
        }
        for c in ["1536", "mai 1420", "16e", "Xavier"] {
            assert!(!super::is_a_century(c), "{c}");
        }
    }

    #[test]
    fn a_measure_or_a_place_needs_no_year_but_an_event_does() {
        let situated = |prompt: &str, answer: &str, kind: Kind| {
            let mut card = GeneratedCard::sample_cloze(prompt, answer, kind);
            card.situation = "La pyramide du Louvre".into();
            is_situated(&card)
        };
        assert!(situated(
            "La structure métallique est faite d'acier et pèse [...] tonnes.",
            "200",
            Kind::Quantity
        ));
        assert!(situated(
            "Côté français, le sommet est rattaché à la commune de [...].",
            "Saint-Gervais-les-Bains",
            Kind::Place
        ));
        assert!(!situated(
            "Le chantier emploie jusqu'à [...] ouvriers.",
            "12 000",
            Kind::Quantity
        ));
        assert!(!situated(
            "La pyramide suscite une vive controverse lors de la présentation du [...].",
            "projet",
            Kind::Other
        ));
    }

    #[test]
    fn a_year_another_fact_holds_does_not_situate_the_answer() {
        let riquet = "Pierre-Paul Riquet, né à Béziers en 1609 et fermier des gabelles de \
                      Languedoc, étudie le problème depuis sa maison de Revel.";
        assert_eq!(year_nearest(riquet, "Languedoc"), None);
        // Two clauses of one event, joined by « , et », share its year.
        let funeral = "Des funérailles nationales sont célébrées le 1er juin 1885, et deux \
                       millions de personnes suivent le corbillard jusqu'au Panthéon.";
        assert_eq!(year_nearest(funeral, "Panthéon"), Some(1885));
        assert_eq!(year_nearest(riquet, "Béziers"), Some(1609));
        let curie = "Marie Curie, née le 7 novembre 1867 à Varsovie, et morte le 4 juillet \
                     1934 à Passy.";
        assert_eq!(year_nearest(curie, "Passy"), Some(1934));
        let arago = "En 1839, François Arago annonce le daguerréotype ; l'État verse une rente de 6 000 francs à Daguerre.";
        assert_eq!(year_nearest(arago, "Daguerre"), Some(1839));
        assert_eq!(
            year_nearest(
                "En 1681, l'intendant du Poitou, René de Marillac, fait loger des dragons.",
                "René de Marillac"
            ),
            Some(1681)
        );
        // A relative clause on an apposition tells of another time.
        let desgrange = "L'Auto, un quotidien que dirige Henri Desgrange, un ancien coureur \
                         qui avait établi en 1893 le premier record de l'heure.";
        assert_eq!(year_nearest(desgrange, "Henri Desgrange"), None);
        // A year that dates a noun or an item of a list is not the clause's.
        let stadium = "Le stade ne fut inauguré que le 18 juillet, jour anniversaire de la \
                       Constitution de 1830, par un match.";
        assert_eq!(year_nearest(stadium, "18 juillet"), None);
        let sites = "Trois sites sont inscrits : le parc de Þingvellir (2004) et l'île de \
                     Surtsey (2008).";
        assert_eq!(year_nearest(sites, "Trois"), None);
        assert_eq!(year_nearest(sites, "Surtsey"), Some(2008));
        assert_eq!(
            year_nearest(
                "Suivent La Mer (1905), sous-titrée « trois esquisses ».",
                "trois"
            ),
            Some(1905)
        );
        assert_eq!(
            year_nearest("Il enseigne de 1923 à 1940 au lycée Henri-IV.", "Henri-IV"),
            Some(1940)
        );
    }
}
