//! Clause clozes: for each dated, counted or named mention of a sentence that the fact
//! patterns left without a card, a cloze of the smallest clause that holds it with its verb.
//!
//! This is what a careful person does with a sentence no pattern fits: keep only the clause
//! that says the fact (about twenty words), blank the mention, and refuse the card when the
//! clause leans on something the learner cannot see (a pronoun that is not the document's
//! subject, « la ville », « le lendemain », a relative clause without its antecedent). The
//! clause is found with the lexicon ([`crate::lexicon`]): a clause must hold a verb form.
//!
//! The document's **topic** (the subject of its first sentence: « Marie Curie », « Le canal
//! du Midi ») stands in for a subject pronoun that refers to it, and is the card's situation
//! line when the clause does not name it.

use crate::cards::{CardKind, GeneratedCard, Origin, GAP};
use crate::facts::{FactType, Kind, Mention};
use crate::lexicon::{Gender, Lexicon, Mood, Pos};
use crate::typography::{more_words_than, WordHash};

/// The longest clause kept, in words.
pub const MAX_WORDS: usize = 24;
/// The shortest, in words: shorter is not a fact.
const MIN_WORDS: usize = 5;

/// Words that make a clause depend on what came before (a time relative to another event,
/// a thing named earlier): such a clause is not written.
const DANGLING: &[&str] = &[
    "le lendemain",
    "la veille",
    "l'année suivante",
    "l'année précédente",
    "la même année",
    "cette année-là",
    "ce jour-là",
    "à cette date",
    "à cette époque",
    "plus tard",
    "plus tôt",
    "peu après",
    "peu avant",
    "celui-ci",
    "celle-ci",
    "ceux-ci",
    "celles-ci",
    "ce dernier",
    "cette dernière",
    "ces derniers",
    "la ville",
    "le pays",
    "la capitale",
    "le premier",
    "la première fois",
    "le même",
    "la même",
    "les mêmes",
    "ci-dessus",
    "ci-dessous",
    "auparavant",
    "ensuite",
    "alors",
    "aussi",
    "lui-même",
    "elle-même",
    "à son tour",
    "à leur tour",
    "je ",
    "j'",
    "nous ",
    "vous ",
    "mon ",
    "ma ",
    "mes ",
    "notre ",
];

/// Verbs of saying: a clause that ends on one was cut before its quotation.
const SPEECH: &[&str] = &[
    "écrit",
    "écrivait",
    "dit",
    "disait",
    "déclare",
    "déclarait",
    "affirme",
    "affirmait",
    "annonce",
    "annonçait",
    "répond",
    "répondit",
    "explique",
    "expliquait",
    "ajoute",
    "ajouta",
    "raconte",
    "racontait",
    "note",
    "notait",
    "souligne",
    "proclame",
    "conclut",
];

/// Connectors that open a clause cut from a longer sentence; dropped.
const OPENERS: &[&str] = &[
    "et", "puis", "mais", "ou", "car", "donc", "or", "ainsi", "enfin",
];

/// What the clause finder needs to know about the document.
#[derive(Clone, Debug, Default)]
pub struct DocumentTopic {
    /// The subject of the document's first sentence, if it is a short noun phrase.
    pub topic: Option<String>,
    /// Whether the topic takes `elle` (feminine) rather than `il`.
    pub feminine: Option<bool>,
    /// The subject pronoun that stands for the topic (`il`, `elle`, `ils`, `elles`), when
    /// the document shows it: the gender of its head noun, or, for a person, the pronoun
    /// the document's sentences open with far more often than the other.
    pub pronoun: Option<&'static str>,
}

impl DocumentTopic {
    /// The topic of a document whose first prose sentences are `sentences`: the words before
    /// the first verb form of the first one that has one, when they are a short noun phrase
    /// naming something (a capital letter in it), parentheses and what follows a comma
    /// left out.
    pub fn from_first_sentences<'a>(sentences: impl Iterator<Item = &'a str>) -> DocumentTopic {
        Self::from_first_sentences_of(sentences, None)
    }

    /// [`DocumentTopic::from_first_sentences`], keeping the topic only when the document
    /// `text` names it again (its last name-like word at least twice): the subject of an
    /// opening sentence that the rest never mentions is not what the document is about.
    pub fn from_first_sentences_of<'a>(
        sentences: impl Iterator<Item = &'a str>,
        text: Option<&str>,
    ) -> DocumentTopic {
        let topic = Self::first_subject(sentences);
        let Some((t, text)) = topic.topic.as_deref().zip(text) else {
            return topic;
        };
        let key = t
            .split_whitespace()
            .rev()
            .find(|w| w.starts_with(char::is_uppercase) || w.chars().all(|c| c.is_ascii_digit()))
            .unwrap_or(t);
        let pronoun = topic_pronoun(t, topic.feminine, text);
        // (a life is told with « il » or « elle » after its first sentence names the person
        // once: « Jean Moulin, né le 20 juin 1899 … Préfet d'Eure-et-Loir en 1940, il … »)
        let a_person_told_by_pronoun = topic.feminine.is_none()
            && pronoun.is_some()
            && t.split_whitespace().count() >= 2
            && t.split_whitespace()
                .all(|w| w.starts_with(char::is_uppercase));
        if text.matches(key).count() >= 2 || a_person_told_by_pronoun {
            DocumentTopic { pronoun, ..topic }
        } else {
            DocumentTopic::default()
        }
    }

    /// The topic a document's title names (« La pyramide du Louvre, histoire d'un chantier
    /// … » → « La pyramide du Louvre »; see `setting::title_subject`), when the document's
    /// `text` names it again and its head tells the pronoun; or none.
    pub fn from_title(title: &str, text: &str) -> DocumentTopic {
        let Some(topic) = crate::setting::title_subject(title) else {
            return DocumentTopic::default();
        };
        let first = topic.split_whitespace().next().unwrap_or("").to_lowercase();
        let feminine = match first.as_str() {
            "la" | "une" => Some(true),
            "le" | "un" | "les" => Some(false),
            _ if first.starts_with("l'") || first.starts_with("l’") => Some(false),
            // (a bare name: a person, or a thing whose gender the title does not tell)
            _ => return DocumentTopic::default(),
        };
        let key = topic
            .split_whitespace()
            .rev()
            .find(|w| w.starts_with(char::is_uppercase))
            .unwrap_or(&topic);
        // (« Le Mont-Saint-Michel » is « le Mont » most of the time: a compound name's head
        // after the title's article counts too)
        let short = key
            .split_once('-')
            .map(|(head, _)| format!("{first} {head} ").to_lowercase());
        let told = text.matches(key).count()
            + short.map_or(0, |s| text.to_lowercase().matches(&s).count());
        if told < 3 {
            return DocumentTopic::default();
        }
        let pronoun = topic_pronoun(&topic, feminine, text);
        DocumentTopic {
            topic: Some(topic),
            feminine,
            pronoun,
        }
    }

    /// The topic as an antecedent of `pronoun` (`il`, `elle`…): its text when it is the
    /// pronoun the topic takes.
    pub fn stands_for(&self, pronoun: &str) -> Option<&str> {
        self.topic.as_deref().filter(|_| {
            self.pronoun
                .is_some_and(|p| p.eq_ignore_ascii_case(pronoun))
        })
    }

    fn first_subject<'a>(sentences: impl Iterator<Item = &'a str>) -> DocumentTopic {
        let lexicon = Lexicon::get();
        for s in sentences.take(3) {
            let words: Vec<&str> = s.split_whitespace().collect();
            if words.len() < 6 {
                continue;
            }
            let Some(verb) = words.iter().position(|w| is_verb_form(lexicon, w)) else {
                continue;
            };
            let mut subject: Vec<&str> = Vec::new();
            let mut depth = 0;
            for w in &words[..verb] {
                if w.starts_with('(') {
                    depth += 1;
                }
                if depth == 0 {
                    subject.push(w);
                }
                if w.ends_with(')') || w.ends_with("),") {
                    depth = (depth - 1).max(0);
                    if depth == 0 && w.ends_with("),") {
                        subject.push(",");
                    }
                }
            }
            let joined = subject.join(" ");
            let phrase = joined
                .split(',')
                .next()
                .unwrap_or("")
                .trim()
                .trim_end_matches([',', ';', ':'])
                .to_string();
            let n = phrase.split_whitespace().count();
            // A capital after the first word marks a proper name; a lone first word must not
            // be a common one.
            let elided = phrase
                .split_once(['\'', '’'])
                .filter(|(head, _)| matches!(head.to_lowercase().as_str(), "l" | "d"))
                .map(|(_, rest)| rest);
            let head_word = elided.unwrap_or(&phrase);
            let named = phrase
                .split_whitespace()
                .skip(1)
                .any(|w| w.starts_with(char::is_uppercase))
                || (n == 1
                    && head_word.starts_with(char::is_uppercase)
                    && !is_common(lexicon, head_word));
            let first = phrase
                .split_whitespace()
                .next()
                .unwrap_or("")
                .to_lowercase();
            // A participle (« Aidé par … ») or a relative clause is no subject.
            let participle = lexicon
                .lookup(&first)
                .any(|a| a.pos.is_verb() && a.verb_forms().any(|f| f.mood == Mood::Participle))
                && !lexicon.lookup(&first).any(|a| a.pos.is_article());
            let relative = phrase
                .split_whitespace()
                .any(|w| matches!(w, "qui" | "que" | "qu'" | "dont" | "où"));
            // A prepositional phrase (« Au début du XVe siècle ») is a time or a place, not
            // the subject.
            let prepositional = lexicon.lookup(&first).any(|a| a.pos == Pos::Preposition)
                || matches!(first.as_str(), "au" | "aux" | "du" | "des");
            if (1..=7).contains(&n)
                && named
                && !participle
                && !relative
                && !prepositional
                && phrase.starts_with(char::is_uppercase)
            {
                // `feminine` is `None` only for a bare name (a person: no article).
                let feminine = match first.as_str() {
                    "la" | "une" => Some(true),
                    "le" | "un" | "les" => Some(false),
                    _ if elided.is_some() => Some(false),
                    _ => None,
                };
                return DocumentTopic {
                    topic: Some(phrase),
                    feminine,
                    pronoun: None,
                };
            }
        }
        DocumentTopic::default()
    }
}

fn bare(word: &str) -> &str {
    word.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’' && c != '-')
}

/// Whether `word` is a finite verb form (indicative, subjunctive, conditional, imperative):
/// what a clause must hold. Participles and infinitives do not make a clause.
pub(crate) fn is_verb_form(lexicon: &Lexicon<'_>, word: &str) -> bool {
    let w = bare(word);
    // Elided forms: « s'inscrit », « n'avait », and at a sentence's start « C'était ».
    let (head, w) = w
        .rsplit_once(['\'', '’'])
        .filter(|(_, rest)| !rest.is_empty())
        .unwrap_or(("", w));
    let elided_word = matches!(head, "C" | "S" | "N" | "Qu" | "J");
    // A capitalised word is taken for a name (« Marie » is also a form of « marier »).
    if w.is_empty()
        || w.starts_with(char::is_uppercase)
        || (head.starts_with(char::is_uppercase) && !elided_word)
    {
        return false;
    }
    // A clause is grown word by word, so its words are asked about many times.
    thread_local! {
        static KNOWN: WordAnswers = const { no_answers() };
    }
    remembered(&KNOWN, lexicon, w, || verb_form_uncached(lexicon, w))
}

/// Answers about words, by word.
pub(crate) type WordAnswers = std::cell::RefCell<std::collections::HashMap<String, bool, WordHash>>;

/// No answers yet: built at compile time, so a thread's cache needs no lazy set-up when read.
pub(crate) const fn no_answers() -> WordAnswers {
    std::cell::RefCell::new(std::collections::HashMap::with_hasher(
        std::hash::BuildHasherDefault::new(),
    ))
}

/// `answer()` about `word`, remembered per thread in `known` when `lexicon` is the embedded
/// table (whose answer is the same every time); at most 200 000 words are kept.
pub(crate) fn remembered(
    known: &'static std::thread::LocalKey<WordAnswers>,
    lexicon: &Lexicon<'_>,
    word: &str,
    answer: impl FnOnce() -> bool,
) -> bool {
    let shared = std::ptr::eq(lexicon, Lexicon::get());
    if shared {
        if let Some(known) = known.with(|k| k.borrow().get(word).copied()) {
            return known;
        }
    }
    let value = answer();
    if shared {
        known.with(|k| {
            let mut k = k.borrow_mut();
            if k.len() < 200_000 {
                k.insert(word.to_string(), value);
            }
        });
    }
    value
}

fn verb_form_uncached(lexicon: &Lexicon<'_>, w: &str) -> bool {
    let mut verb = false;
    let mut other_frequent = false;
    for a in lexicon.lookup(w) {
        if a.pos.is_verb()
            && a.verb_forms()
                .any(|f| !matches!(f.mood, Mood::Participle | Mood::Infinitive))
        {
            verb = true;
        } else if a.freq > 50.0
            && matches!(
                a.pos,
                Pos::Preposition | Pos::DefiniteArticle | Pos::Conjunction | Pos::PersonalPronoun
            )
        {
            other_frequent = true;
        }
    }
    verb && !other_frequent
}

fn is_common(lexicon: &Lexicon<'_>, word: &str) -> bool {
    let w = bare(word);
    // The lexicon lowers what it looks up, as `str::to_lowercase` does but for a final sigma.
    if w.contains('Σ') {
        return lexicon.lookup(&w.to_lowercase()).next().is_some();
    }
    lexicon.lookup(w).next().is_some()
}

fn first_word(text: &str) -> &str {
    text.split_whitespace().next().unwrap_or("")
}

/// Nouns of a thing said or decided (« le projet », « le problème », « la motion ») that,
/// after a definite article and without a « de » that says whose or of what, stand for one
/// the text told before.
const ABSTRACT_NOUNS: &[&str] = &[
    "problème",
    "projet",
    "question",
    "proposition",
    "décision",
    "mesure",
    "plan",
    "idée",
    "affaire",
    "motion",
    "résolution",
    "conditions",
    "accord",
    "demande",
    "offre",
    "ultimatum",
    "mandat",
    // words that stand for what was told (« célébra l'événement »)
    "événement",
    "épisode",
    "incident",
    // the things of a scene told before (« Sur la table en face d'Ilitch … »)
    "table",
    "chambre",
    "salle",
    "pièce",
    "couloir",
    "voiture",
    "wagon",
    "fenêtre",
];

/// Lower-case nouns of a body or a meeting that, after a definite article and with no
/// complement or name, stand for one the text told before (« le commandement militaire »,
/// « l'organisation militaire », « le congrès »). (« le parti bolchevik », « le
/// gouvernement provisoire », « l'armée rouge » name one: they are not here.)
const BODY_NOUNS: &[&str] = &[
    "commandement",
    "organisation",
    "comité",
    "conseil",
    "délégation",
    "commission",
    "assemblée",
    "congrès",
    "direction",
    "état-major",
    "soviet",
    "conférence",
    "réunion",
    "séance",
    "session",
];

/// Whether `text` holds « le projet », « la motion », « les conditions exigées », « le
/// commandement militaire » … (see [`ABSTRACT_NOUNS`] and [`BODY_NOUNS`]) with no « de »,
/// « du », « des », « d' » or name after it and a body's adjectives: which one is told in
/// another sentence (« [...] étudie le problème depuis sa maison de Revel »).
pub(crate) fn unqualified_abstract(text: &str) -> bool {
    let lexicon = Lexicon::get();
    let words: Vec<&str> = text.split_whitespace().collect();
    let stop = [',', '.', ';', ':'];
    words.iter().enumerate().any(|(i, w)| {
        // (most words are neither elided after « l' » nor after an article: not lowered)
        let elided = w.starts_with(['l', 'L']) && w[1..].starts_with(['\'', '’']);
        let after_article = i > 0
            && ["le", "la", "les"]
                .iter()
                .any(|a| words[i - 1].eq_ignore_ascii_case(a));
        if !elided && !after_article {
            return false;
        }
        let lower = w.to_lowercase();
        let (noun, written) = match lower.split_once(['\'', '’']) {
            Some(("l", noun)) => (noun.to_string(), &w[w.len() - noun.len()..]),
            Some(_) => return false,
            None if i > 0
                && matches!(words[i - 1].to_lowercase().as_str(), "le" | "la" | "les") =>
            {
                (lower.clone(), *w)
            }
            None => return false,
        };
        let mut ends = noun.ends_with(stop);
        let bare = noun.trim_end_matches(stop);
        let body = BODY_NOUNS.contains(&bare) && written.starts_with(char::is_lowercase);
        if !ABSTRACT_NOUNS.contains(&bare) && !body {
            return false;
        }
        // (a body's adjectives do not say which: « le commandement militaire »)
        let mut k = i + 1;
        while body && !ends {
            let Some(next) = words.get(k) else {
                break;
            };
            let lower = next.to_lowercase();
            let bare = lower.trim_end_matches(stop);
            let adjective = next.starts_with(char::is_lowercase)
                && lexicon.lookup(bare).any(|a| a.pos == Pos::Adjective)
                && !lexicon
                    .lookup(bare)
                    .any(|a| a.pos.is_verb() || a.pos.is_function_word());
            if !adjective {
                break;
            }
            ends = next.ends_with(stop);
            k += 1;
        }
        let next = words.get(k).copied().unwrap_or_default();
        let next_lower = next.to_lowercase();
        let complement = !ends
            && (matches!(next_lower.as_str(), "de" | "du" | "des")
                || next_lower.starts_with("d'")
                || next_lower.starts_with("d’")
                || (body && next.starts_with(char::is_uppercase)));
        // « la motion de Martov »: who moved it does not say which of the motions of an
        // assembly it was; what it asks for would (« la motion de Martov appelant à … »).
        let only_its_author = complement && MOTION_NOUNS.contains(&bare) && {
            // (« de Martov »: the name is the next word; « d'Avilov »: in this one)
            let name_at = k + usize::from(matches!(next_lower.as_str(), "de" | "du" | "des"));
            words.get(name_at).is_some_and(|word| {
                let name = word.rsplit(['\'', '’']).next().unwrap_or(word);
                let what_it_asks = words.get(name_at + 1).is_some_and(|after| {
                    let after = after.to_lowercase();
                    after.ends_with("ant")
                        || matches!(after.as_str(), "sur" | "pour" | "qui" | "contre")
                });
                name.starts_with(char::is_uppercase)
                    && (word.ends_with(['.', ',', ';']) || !what_it_asks)
            })
        };
        !complement || only_its_author
    })
}

/// What an assembly votes on, many a session, each moved by someone (see
/// [`unqualified_abstract`]).
const MOTION_NOUNS: &[&str] = &["motion", "résolution", "proposition", "amendement"];

/// Whether the gap that opens `text` is its subject, or an opening phrase (« [...], les
/// troupes rouges occupent … » for « Fin avril »; « [...] en 1845, Victor Hugo est élu … »):
/// set off by a comma, what follows must not be another subject, a determiner or a name.
/// An aside on the subject (« [...], qui préside, lit … », « [...], né à Béziers, étudie … »)
/// leaves it the subject.
fn gap_is_the_subject(lexicon: &Lexicon<'_>, text: &str) -> bool {
    let after = &text[GAP.len()..];
    let Some(comma) = after.find(", ") else {
        return true;
    };
    // Words between the gap and the comma with no verb: the gap opened a phrase.
    let before_comma = &after[..comma];
    if before_comma
        .split_whitespace()
        .any(|w| is_verb_form(lexicon, w))
    {
        return true;
    }
    let next = after[comma + 2..].split_whitespace().next().unwrap_or("");
    let next_lower = next.to_lowercase();
    let another_subject = next.starts_with(char::is_uppercase)
        || lexicon
            .lookup(&next_lower)
            .any(|a| a.pos.is_article() || a.pos == Pos::PossessiveAdjective)
        || matches!(next_lower.as_str(), "il" | "elle" | "ils" | "elles" | "on")
        || next_lower.starts_with("l'")
        || next_lower.starts_with("l’");
    !another_subject
}

/// Whether `text` opens on a participle phrase set off by a comma before its subject
/// (« Refusant l'amnistie de 1859, il ne rentre … », « Élu sénateur en 1876, il défend … »,
/// « Né à Canton, l'architecte … »): the participle is the subject's, so nothing was cut.
/// A participle followed by no subject (« née le 7 novembre 1867 à Varsovie ») was.
fn participial_opening(lexicon: &Lexicon<'_>, text: &str) -> bool {
    let first = bare(first_word(text)).to_lowercase();
    let participle = lexicon
        .lookup(&first)
        .any(|a| a.pos.is_verb() && a.verb_forms().any(|f| f.mood == Mood::Participle));
    if !participle {
        return false;
    }
    // The opening phrase ends at a comma (of the first three), within a few words and with
    // no other verb, before the subject and its verb.
    // (« l'amnistie », « la chute »: a noun after its article is no verb)
    let verb = |w: &str| {
        let lower = w.to_lowercase();
        !["l'", "l’", "d'", "d’"]
            .iter()
            .any(|e| lower.starts_with(e))
            && is_verb_form(lexicon, w)
            && !is_common_noun(lexicon, w)
    };
    for (comma, _) in text.match_indices(", ").take(3) {
        let phrase: Vec<&str> = text[..comma].split_whitespace().collect();
        if phrase.len() > 12 || phrase[1..].iter().any(|w| verb(w)) {
            return false;
        }
        let next = text[comma + 2..].split_whitespace().next().unwrap_or("");
        let lower = next.to_lowercase();
        let subject = matches!(lower.as_str(), "il" | "elle" | "ils" | "elles" | "on")
            || lower.starts_with("l'")
            || lower.starts_with("l’")
            || next.starts_with(GAP)
            || (next.starts_with(char::is_uppercase) && !is_common(lexicon, bare(next)))
            || lexicon.lookup(&lower).any(|a| a.pos.is_article());
        // … and a verb after it.
        if subject
            && text[comma + 2..]
                .split_whitespace()
                .skip(1)
                .take(4)
                .any(|w| is_verb_form(lexicon, w))
        {
            return true;
        }
    }
    false
}

/// `text` without the adverbs that tie it to its story and say nothing of its fact
/// (« Les SR de gauche acceptent alors de partager le pouvoir », « Trotsky était également
/// présent »): the clause stands as well without them. « alors que » is a conjunction
/// and stays.
fn without_loose_adverbs(text: &str) -> String {
    let words: Vec<&str> = text.split(' ').collect();
    let mut out: Vec<&str> = Vec::with_capacity(words.len());
    for (i, w) in words.iter().enumerate() {
        let next = words.get(i + 1).map_or("", |n| *n);
        let conjunction = next == "que" || next.starts_with("qu'") || next.starts_with("qu’");
        if i > 0 && matches!(*w, "alors" | "également") && !conjunction {
            continue;
        }
        out.push(w);
    }
    out.join(" ")
}

/// Whether `text` holds a verb form that is one there: a word right after an article or
/// a preposition that can be a noun is one (« sans concours », « la chute »).
fn has_a_verb(lexicon: &Lexicon<'_>, text: &str) -> bool {
    // (both asked of few words, many times: remembered)
    thread_local! {
        static DETERMINERS: WordAnswers = const { no_answers() };
        static NOUNS: WordAnswers = const { no_answers() };
    }
    let mut before = "";
    text.split_whitespace().any(|w| {
        let previous = std::mem::replace(&mut before, w);
        // (the verb forms are remembered: the word before is asked about only then)
        if !is_verb_form(lexicon, w) {
            return false;
        }
        let previous = previous.to_lowercase();
        let after_a_determiner = remembered(&DETERMINERS, lexicon, &previous, || {
            lexicon.lookup(&previous).any(|a| {
                a.pos.is_article() || matches!(a.pos, Pos::Preposition | Pos::PossessiveAdjective)
            })
        });
        // (« le tenaient »: no noun reading, so a verb after its object pronoun)
        let word = bare(w).to_lowercase();
        !(after_a_determiner
            && remembered(&NOUNS, lexicon, &word, || {
                lexicon.lookup(&word).any(|a| a.pos == Pos::Noun)
            }))
    })
}

/// Whether a clause may open on `word`.
fn opens_a_sentence(lexicon: &Lexicon<'_>, word: &str) -> bool {
    // Clauses open on few words, each asked about many times.
    thread_local! {
        static KNOWN: WordAnswers = const { no_answers() };
    }
    remembered(&KNOWN, lexicon, word, || {
        opens_a_sentence_uncached(lexicon, word)
    })
}

fn opens_a_sentence_uncached(lexicon: &Lexicon<'_>, word: &str) -> bool {
    if word.starts_with(|c: char| c.is_ascii_digit())
        || word.starts_with(char::is_uppercase) && !is_common(lexicon, word)
    {
        return true;
    }
    // The word before its apostrophe, if any, in lower case.
    let lowered = word.to_lowercase();
    let lower = lowered.split(['\'', '’']).next().unwrap_or("");
    // « A l'ouverture du congrès »: « À » without its accent, as keyboards write it.
    if word == "A" {
        return true;
    }
    let mut ok = false;
    // The word's most frequent reading as a verb, and as a word that opens a sentence.
    let mut verb: f32 = 0.0;
    let mut opener: f32 = 0.0;
    for a in lexicon.lookup(lower) {
        if a.pos.is_verb() && !a.pos.is_article() {
            verb = verb.max(a.freq);
            continue;
        }
        let opens = a.pos.is_article()
            || a.pos.is_pronoun()
            || matches!(
                a.pos,
                Pos::Preposition
                    | Pos::Adverb
                    | Pos::Conjunction
                    | Pos::PossessiveAdjective
                    | Pos::DemonstrativeAdjective
                    | Pos::IndefiniteAdjective
                    | Pos::NumeralAdjective
                    | Pos::InterrogativeAdjective
            );
        if opens {
            ok = true;
            opener = opener.max(a.freq);
        }
    }
    // A verb form opens no sentence, unless it is far more often a word that does
    // (« Outre Lénine, … », « Plus connu sous le nom de … »).
    if verb > 1.0 && verb * 10.0 >= opener {
        return false;
    }
    // Elided determiners and prepositions: « l' », « d' ».
    ok || matches!(lower, "l" | "d" | "qu" | "c" | "s" | "n")
}

/// Whether the lexicon knows `word` (bare, lower case) as a noun of some use: more than five
/// occurrences a million words, or more than one and ten times as often a noun as a verb.
fn is_common_noun(lexicon: &Lexicon<'_>, word: &str) -> bool {
    let word = bare(word).to_lowercase();
    let mut noun: f32 = 0.0;
    let mut verb: f32 = 0.0;
    for a in lexicon.lookup(&word) {
        if a.pos == Pos::Noun {
            noun = noun.max(a.freq);
        } else if a.pos.is_verb() {
            verb = verb.max(a.freq);
        }
    }
    // (« l'amnistie »: a rare noun, but far more often a noun than a verb)
    noun > 5.0 || (noun > 1.0 && noun > 10.0 * verb)
}

/// A span of the sentence: a clause candidate.
#[derive(Clone, Copy, Debug)]
struct Span {
    start: usize,
    end: usize,
}

/// Cuts the sentence into clauses: at `;`, dashes and, inside long pieces, at commas.
fn pieces(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = 0;
    // Every cut is at a `;` or a space (both one byte): only those bytes are looked at.
    for (i, b) in text.bytes().enumerate() {
        // Not at a colon: what follows it (a quotation, an explanation) belongs to what
        // precedes.
        let cut = b == b';'
            || (b == b' ' && (text[i..].starts_with(" – ") || text[i..].starts_with(" — ")));
        if cut {
            out.push(Span { start, end: i });
            start = i + 1;
        }
    }
    out.push(Span {
        start,
        end: text.len(),
    });
    out
}

/// The comma-separated chunks of a piece.
fn chunks(text: &str, piece: Span) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = piece.start;
    let mut depth = 0i32;
    for (k, c) in text[piece.start..piece.end].char_indices() {
        let at = piece.start + k;
        match c {
            '(' | '«' => depth += 1,
            ')' | '»' => depth -= 1,
            ',' if depth <= 0 => {
                out.push(Span { start, end: at });
                start = at + 1;
            }
            _ => {}
        }
    }
    out.push(Span {
        start,
        end: piece.end,
    });
    out
}

fn words(text: &str) -> usize {
    text.split_whitespace().count()
}

/// A sentence cut into its pieces (see [`pieces`]) once, for the clauses of all its
/// mentions.
struct Cut<'a> {
    text: &'a str,
    pieces: Vec<Span>,
}

impl<'a> Cut<'a> {
    fn new(text: &'a str) -> Cut<'a> {
        Cut {
            text,
            pieces: pieces(text),
        }
    }

    /// The piece that holds `span`.
    fn piece_around(&self, span: (usize, usize)) -> Option<Span> {
        self.pieces
            .iter()
            .find(|p| p.start <= span.0 && span.1 <= p.end)
            .copied()
    }
}

/// The smallest clause around `span` that holds a verb, at most [`MAX_WORDS`] words.
fn clause_around(cut: &Cut<'_>, span: (usize, usize), lexicon: &Lexicon<'_>) -> Option<Span> {
    let (text, piece) = (cut.text, cut.piece_around(span)?);
    let has_verb = |s: Span| has_a_verb(lexicon, &text[s.start..s.end]);
    if !more_words_than(&text[piece.start..piece.end], MAX_WORDS) {
        return has_verb(piece).then_some(piece);
    }
    let parts = chunks(text, piece);
    let k = parts
        .iter()
        .position(|c| c.start <= span.0 && span.1 <= c.end)?;
    let (mut lo, mut hi) = (k, k);
    let window = |lo: usize, hi: usize| Span {
        start: parts[lo].start,
        end: parts[hi].end,
    };
    // The subject usually comes before: grow left first, then right, until a verb is in.
    while !has_verb(window(lo, hi)) {
        if lo > 0 {
            lo -= 1;
        } else if hi + 1 < parts.len() {
            hi += 1;
        } else {
            return None;
        }
        if more_words_than(&text[window(lo, hi).start..window(lo, hi).end], MAX_WORDS) {
            // (« Commandée en 1983, sans concours, à l'architecte Ieoh Ming Pei, la pyramide
            // suscite … »: a participle phrase opening the sentence is told of the subject
            // after it, which [`crate::verdicts::mend`] keeps alone)
            let opening = lo == 0 && parts[0].start == 0 && opens_on_a_participle(lexicon, text);
            if opening && has_verb(window(lo, hi)) {
                return Some(window(lo, hi));
            }
            return None;
        }
    }
    Some(window(lo, hi))
}

/// Whether `text` opens on a past participle (« Commandée en 1983, … »).
fn opens_on_a_participle(lexicon: &Lexicon<'_>, text: &str) -> bool {
    let first = bare(first_word(text)).to_lowercase();
    lexicon.lookup(&first).any(|a| {
        a.pos.is_verb()
            && a.verb_forms()
                .any(|f| f.mood == Mood::Participle && f.tense == Some(crate::lexicon::Tense::Past))
    })
}

/// The analysis of `word` as a past participle (« née », « commandée »), if it is one.
pub(crate) fn past_participle_of<'l>(
    lexicon: &'l Lexicon<'_>,
    word: &str,
) -> Option<crate::lexicon::Analysis<'l>> {
    lexicon.lookup(word).find(|a| {
        a.pos.is_verb()
            && a.verb_forms()
                .any(|f| f.mood == Mood::Participle && f.tense == Some(crate::lexicon::Tense::Past))
    })
}

/// The auxiliary a past participle reads back with when its clause is made a sentence:
/// « est », « sont » for verbs of [`ETRE_VERBS`], else a passive « a été », « ont été ».
pub(crate) fn auxiliary_of(participle: &crate::lexicon::Analysis<'_>) -> &'static str {
    let plural = participle.number == Some(crate::lexicon::Number::Plural);
    match (ETRE_VERBS.contains(&participle.lemma), plural) {
        (true, false) => "est",
        (true, true) => "sont",
        (false, false) => "a été",
        (false, true) => "ont été",
    }
}

/// Verbs whose compound tenses take « être » (naître, mourir, …): their participle in an
/// apposition reads back with « est », others' with « a été » (a passive).
pub(crate) const ETRE_VERBS: &[&str] = &[
    "naître",
    "mourir",
    "venir",
    "devenir",
    "revenir",
    "partir",
    "arriver",
    "entrer",
    "rentrer",
    "sortir",
    "monter",
    "descendre",
    "tomber",
    "rester",
    "retourner",
    "décéder",
    "parvenir",
    "intervenir",
    "survenir",
    "apparaître",
    "disparaître",
];

/// A participial apposition of the sentence's subject made a clause: « Marie Curie, née … le
/// 7 novembre 1867 à Varsovie, … est … » gives « Marie Curie est née … le [...] à Varsovie ».
/// `None` unless the sentence opens on a short noun phrase without a verb, followed by
/// appositions only up to the one holding `span`, and that one opens on a past participle.
fn apposition_clause(cut: &Cut<'_>, span: (usize, usize), lexicon: &Lexicon<'_>) -> Option<String> {
    let (text, piece) = (cut.text, cut.piece_around(span)?);
    if piece.start != 0 {
        return None;
    }
    let parts = chunks(text, piece);
    let k = parts
        .iter()
        .position(|c| c.start <= span.0 && span.1 <= c.end)?;
    if k == 0 {
        return None;
    }
    let finite = |s: Span| {
        text[s.start..s.end]
            .split_whitespace()
            .any(|w| is_verb_form(lexicon, w))
    };
    if (0..=k).any(|i| finite(parts[i])) {
        return None;
    }
    // The subject, parentheses left out.
    let mut subject = String::new();
    let mut depth = 0i32;
    for c in text[parts[0].start..parts[0].end].chars() {
        match c {
            '(' => depth += 1,
            ')' => depth -= 1,
            _ if depth == 0 => subject.push(c),
            _ => {}
        }
    }
    let subject = subject.split_whitespace().collect::<Vec<_>>().join(" ");
    if !subject.starts_with(char::is_uppercase) || !(1..=8).contains(&words(&subject)) {
        return None;
    }
    let chunk = &text[parts[k].start..parts[k].end];
    let lead = chunk.len() - chunk.trim_start().len();
    let chunk_start = parts[k].start + lead;
    let chunk = chunk.trim();
    let first = bare(first_word(chunk));
    let participle = past_participle_of(lexicon, first)?;
    let aux = auxiliary_of(&participle);
    let (local_start, local_end) = (span.0 - chunk_start, span.1 - chunk_start);
    // A second apposition joined by « et » (« né à Béziers en 1609 et fermier des gabelles »)
    // is another fact.
    let end = chunk[local_end..]
        .find(" et ")
        .map_or(chunk.len(), |i| local_end + i);
    Some(format!(
        "{subject} {aux} {}{GAP}{}",
        &chunk[..local_start],
        &chunk[local_end..end]
    ))
}

/// Whether `phrase` occurs in `text` as whole words (folded).
pub(crate) fn has_words(text: &str, phrase: &str) -> bool {
    folded_has_words(&padded_fold(text), &crate::typography::fold(phrase))
}

/// `text` folded, apostrophes made straight, with a space at each end: what
/// [`folded_has_words`] searches (fold a text once to look for many phrases in it).
fn padded_fold(text: &str) -> String {
    format!(" {} ", crate::typography::fold(text).replace(['’'], "'"))
}

/// Whether the folded phrase `p` occurs in `t` (from [`padded_fold`]) as whole words.
fn folded_has_words(t: &str, p: &str) -> bool {
    let p = p.trim();
    if p.ends_with(' ') || p.ends_with('\'') {
        return t.contains(&format!(" {p}"));
    }
    t.match_indices(p).any(|(i, _)| {
        let before = t[..i].chars().next_back().unwrap_or(' ');
        let after = t[i + p.len()..].chars().next().unwrap_or(' ');
        !before.is_alphanumeric() && !after.is_alphanumeric()
    })
}

/// « Sa mort provoque … » → « La mort de Victor Hugo provoque … » in a document about a
/// person: the possessive of an opening subject made the person's name. `None` when the
/// document is not about a person, or the possessive is not « son », « sa », « ses ».
fn of_the_person(text: &str, topic: &DocumentTopic) -> Option<String> {
    let person = topic
        .topic
        .as_deref()
        .filter(|_| topic.feminine.is_none())?;
    let (possessive, rest) = text.split_once(' ')?;
    let (noun, tail) = rest.split_once(' ').unwrap_or((rest, ""));
    if noun.contains(GAP) || noun.starts_with(char::is_uppercase) || noun.is_empty() {
        return None;
    }
    let vowel = noun.starts_with(['a', 'e', 'i', 'o', 'u', 'é', 'è', 'ê', 'â', 'î', 'ô', 'h']);
    let article = match possessive.to_lowercase().as_str() {
        "ses" => "Les ",
        "son" | "sa" if vowel => "L'",
        "son" => "Le ",
        "sa" => "La ",
        _ => return None,
    };
    let de = if person.starts_with(['A', 'E', 'I', 'O', 'U', 'É', 'H']) {
        "d'"
    } else {
        "de "
    };
    Some(
        format!("{article}{noun} {de}{person} {tail}")
            .trim_end()
            .to_string(),
    )
}

/// Whether the folded phrase `p` (that starts with a letter or a digit) is at `at`, the
/// start of a word of `t`, as [`folded_has_words`] would find it there.
fn folded_has_words_at(t: &str, at: usize, p: &str) -> bool {
    let p = p.trim();
    if !t[at..].starts_with(p) {
        return false;
    }
    if p.ends_with('\'') {
        return t[..at].ends_with(' ');
    }
    !t[at + p.len()..]
        .chars()
        .next()
        .unwrap_or(' ')
        .is_alphanumeric()
}

/// The runs of letters and digits of `text`, each with its offset.
fn alphanumeric_runs(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut at = 0;
    std::iter::from_fn(move || {
        let start = at + text[at..].find(char::is_alphanumeric)?;
        at = text[start..]
            .find(|c: char| !c.is_alphanumeric())
            .map_or(text.len(), |len| start + len);
        Some((start, &text[start..at]))
    })
}

/// Phrases by their first word, with what tells at once that a word opens none: its first
/// byte or its length.
#[derive(Default)]
struct ByFirstWord {
    phrases: std::collections::HashMap<String, Vec<String>, WordHash>,
    first_bytes: Vec<bool>,
    longest: usize,
}

impl ByFirstWord {
    fn add(&mut self, first: &str, phrase: String) {
        self.first_bytes.resize(256, false);
        if let Some(&b) = first.as_bytes().first() {
            self.first_bytes[usize::from(b)] = true;
        }
        self.longest = self.longest.max(first.len());
        self.phrases
            .entry(first.to_string())
            .or_default()
            .push(phrase);
    }

    /// The phrases that open on `word`, if any.
    fn phrases_after(&self, word: &str) -> Option<&Vec<String>> {
        let &b = word.as_bytes().first()?;
        if !self
            .first_bytes
            .get(usize::from(b))
            .copied()
            .unwrap_or(false)
            || word.len() > self.longest
        {
            return None;
        }
        self.phrases.get(word)
    }
}

/// The [`DANGLING`] phrases folded, by their first word.
fn dangling_by_first_word() -> &'static ByFirstWord {
    static BY_FIRST: std::sync::OnceLock<ByFirstWord> = std::sync::OnceLock::new();
    BY_FIRST.get_or_init(|| {
        let mut by_first = ByFirstWord::default();
        for d in DANGLING {
            let folded = crate::typography::fold(d);
            let first = alphanumeric_runs(&folded)
                .next()
                .map_or("", |(_, w)| w)
                .to_string();
            by_first.add(&first, folded);
        }
        by_first
    })
}

/// The words of `text` between single spaces (empty where two spaces meet).
fn space_words(text: &str) -> std::str::Split<'_, char> {
    text.split(' ')
}

/// Whether `word` is one of `words` (lower-case ASCII), in any case. No other word lowers to
/// one of them: each is ASCII without a `k` (the Kelvin sign lowers to one).
fn is_any_of(word: &str, words: &[&str]) -> bool {
    words.iter().any(|w| word.eq_ignore_ascii_case(w))
}

/// Whether `word` starts with `prefix` (lower-case ASCII) in any case, as
/// [`is_any_of`] compares.
fn starts_with_any_case(word: &str, prefix: &str) -> bool {
    word.get(..prefix.len())
        .is_some_and(|head| head.eq_ignore_ascii_case(prefix))
}

/// Whether the clause has a pronoun pointing outside it (« ils », « on », « y », « il »,
/// « lui », « le sien », « en a »): a word of `text` between spaces, in any case. « à lui
/// seul » tells of the subject itself.
fn points_back(text: &str) -> bool {
    let mut words = space_words(text).peekable();
    let mut before = "";
    // Whether a name came before: an elided pronoun (« qu'il ») may stand for it.
    let mut named = false;
    let mut first = true;
    while let Some(word) = words.next() {
        // (« Il, le 1er novembre 1720, consacra … »: the word without its punctuation)
        let w = word.trim_end_matches([',', ';', ':', '.']);
        named |= w.starts_with(char::is_uppercase)
            && (!first
                || !is_common(
                    Lexicon::get(),
                    bare(w).split(['\'', '’']).next().unwrap_or(w),
                ));
        first = false;
        // (« le « corbillard des pauvres » qu'il avait demandé »)
        let elided = ["qu'", "qu’", "s'", "s’", "lorsqu'", "puisqu'"]
            .iter()
            .find_map(|e| w.strip_prefix(e))
            .is_some_and(|p| is_any_of(p, &["il", "ils", "elle", "elles"]));
        if elided && !named {
            return true;
        }
        let next = words.peek().copied().unwrap_or("");
        let stressed = is_any_of(w, &["lui", "eux", "elle", "elles"]);
        let of_itself =
            stressed && before.eq_ignore_ascii_case("à") && starts_with_any_case(next, "seul");
        before = w;
        if of_itself {
            continue;
        }
        if stressed || is_any_of(w, &["ils", "on", "y", "il"]) {
            return true;
        }
        let possessive = (w.eq_ignore_ascii_case("le") && starts_with_any_case(next, "sien"))
            || (w.eq_ignore_ascii_case("la") && starts_with_any_case(next, "sienne"));
        if possessive || (w.eq_ignore_ascii_case("en") && next.eq_ignore_ascii_case("a")) {
            return true;
        }
    }
    false
}

/// Whether a clause that opens on « il » or « elle » after a semicolon or a coordinating
/// word of its sentence (« … est retrouvé par Helmut Gernsheim ; il est aujourd'hui conservé
/// au Harry Ransom Center ») follows a clause that neither names the document's topic nor
/// has that pronoun itself: the pronoun then stands for that clause's subject (the
/// photograph), not for the topic (Niépce).
fn pronoun_of_the_clause_before(earlier: &str, clause: &str, topic: &DocumentTopic) -> bool {
    let Some(topic_text) = topic.topic.as_deref() else {
        return false;
    };
    let earlier = earlier.trim_end();
    let mut words = clause.split_whitespace().map(str::to_lowercase).peekable();
    let mut coordinated = earlier.ends_with(';');
    while words.peek().is_some_and(|w| OPENERS.contains(&w.as_str())) {
        words.next();
        coordinated = true;
    }
    let opens_on_pronoun = words.next().is_some_and(|w| w == "il" || w == "elle");
    if !coordinated || !opens_on_pronoun || earlier.is_empty() {
        return false;
    }
    let key = topic_text.rsplit(' ').next().unwrap_or(topic_text);
    let names_topic = earlier.contains(key);
    let has_pronoun = earlier
        .split(|c: char| !c.is_alphabetic())
        .any(|w| matches!(w, "il" | "Il" | "elle" | "Elle"));
    !names_topic && !has_pronoun
}

/// [`sentence_opening_on`] for a clause that opens on no name the analysis found.
#[cfg(test)]
fn sentence_of(
    clause: &str,
    topic: &DocumentTopic,
    resolve: &Resolver<'_>,
) -> Option<(String, bool)> {
    sentence_opening_on(clause, topic, resolve, false)
}

/// The clause's text made a sentence: opening connector dropped, subject pronoun replaced by
/// the topic (or `None` when a pronoun cannot be resolved), capitalised, with a final stop.
/// `opens_on_a_name`: whether the clause opens on a name the analysis found (« Paris fut
/// choisie en 1921 »: « Paris » is no common « paris » there).
fn sentence_opening_on(
    clause: &str,
    topic: &DocumentTopic,
    resolve: &Resolver<'_>,
    opens_on_a_name: bool,
) -> Option<(String, bool)> {
    let mut text = clause.trim().trim_matches([',', ' ']).to_string();
    if let Some(rest) = crate::context::without_tying_opening(&text, GAP) {
        text = rest;
    }
    if let Some(plain) = crate::context::without_presentative(&text) {
        text = plain;
    }
    // (« Au comité central suivant, le 2 décembre, Trotsky accuse … »: a time told from
    // another sentence goes when the clause tells its date without it)
    if let Some(rest) = crate::context::strip_relative_start(&text)
        .filter(|rest| crate::context::tells_a_date(&rest.replace(GAP, " ")))
    {
        text = rest;
    }
    // Whether a connector was dropped: the clause then opened inside its sentence, where a
    // capitalised word is a name (« , et Mach 2 est atteint le … »).
    let mut inside = false;
    let first = loop {
        let first = text.split_whitespace().next().unwrap_or("").to_lowercase();
        if OPENERS.contains(&first.as_str()) {
            text = text[first.len()..].trim_start().to_string();
            inside = true;
        } else {
            break first;
        }
    };
    if [
        "qui", "que", "qu'", "dont", "où", "lequel", "laquelle", "lesquels", "auquel",
    ]
    .iter()
    .any(|r| first == *r || first.starts_with("qu'"))
    {
        return None;
    }
    let lexicon = Lexicon::get();
    // The clause must open on what can start a sentence: a determiner, a preposition, a
    // pronoun, a number or a name; a verb or a participle (« née le … », « est une … ») or a
    // bare noun (« voie navigable qui … ») means its subject was cut off.
    let opening = bare(first_word(&text));
    let a_name_inside = (inside || opens_on_a_name) && opening.starts_with(char::is_uppercase);
    // (the gap itself may open it: « [...] révoque l'édit de Nantes »)
    let gap_first = first_word(&text).starts_with(GAP);
    if !gap_first
        && !a_name_inside
        && !opens_a_sentence(lexicon, opening)
        && !participial_opening(lexicon, &text)
    {
        return None;
    }
    if gap_first && !gap_is_the_subject(lexicon, &text) {
        return None;
    }
    // (« en voit vite les limites »: a clitic before its verb, the subject cut off)
    if matches!(opening.to_lowercase().as_str(), "en" | "y") {
        let next = text.split_whitespace().nth(1).unwrap_or("").to_lowercase();
        if is_verb_form(lexicon, &next) && !is_common_noun(lexicon, &next) {
            return None;
        }
    }
    // A possessive subject (« Sa mort provoque … ») belongs to someone named before: the
    // person the document is about, or else no card.
    let mut used_topic = false;
    if ["son", "sa", "ses", "leur", "leurs", "dont"].contains(&opening.to_lowercase().as_str()) {
        text = of_the_person(&text, topic)?;
        used_topic = true;
    }
    // An object pronoun before a verb (« le tenaient », « la rejoint ») points back.
    let words: Vec<&str> = text.split_whitespace().collect();
    for (i, (word, next)) in words.iter().zip(words.iter().skip(1)).enumerate() {
        // Every object pronoun looked for starts with `l`: other words are not lowered.
        if !word.starts_with(['l', 'L']) {
            continue;
        }
        let w = word.to_lowercase();
        // (« la révolte éclate », « le siège devant Alès »: an article and a noun that is a
        // verb form too, unless a subject pronoun comes before: « il la conduit »)
        let after_subject = i.checked_sub(1).is_some_and(|p| {
            matches!(
                words[p].to_lowercase().as_str(),
                "il" | "elle"
                    | "ils"
                    | "elles"
                    | "on"
                    | "qui"
                    | "ne"
                    | "n'"
                    | "je"
                    | "nous"
                    | "vous"
            )
        });
        let verb_here = |form: &str| {
            is_verb_form(lexicon, form) && (after_subject || !is_common_noun(lexicon, form))
        };
        let elided_object = (w.starts_with("l'") || w.starts_with("l’"))
            && verb_here(&w[w.find(['\'', '’']).map_or(0, |i| i + 1)..]);
        if (matches!(w.as_str(), "le" | "la" | "les" | "lui" | "leur") && verb_here(next))
            || elided_object
        {
            return None;
        }
    }
    // The first of these subject pronouns the clause has, as a word between spaces.
    let pronoun = {
        // (one pass over the words: which of them the clause has)
        let mut has = [false; 4];
        for w in space_words(&text) {
            match w {
                "il" => has[0] = true,
                "elle" => has[1] = true,
                "Il" => has[2] = true,
                "Elle" => has[3] = true,
                _ => {}
            }
        }
        ["il", "elle", "Il", "Elle"]
            .into_iter()
            .zip(has)
            .find_map(|(p, found)| found.then_some(p))
    };
    let mut in_card: Option<String> = None;
    if let Some(pronoun) = pronoun {
        // Only a person's name (no article) stands in for a pronoun: in a document about
        // a thing, « il » is as often someone else.
        let topic_text = topic.topic.as_deref().filter(|_| topic.feminine.is_none());
        match topic_text {
            Some(topic_text) => {
                let padded = format!(" {text} ");
                let replaced =
                    padded.replacen(&format!(" {pronoun} "), &format!(" {topic_text} "), 1);
                text = replaced.trim().to_string();
                used_topic = true;
                // The same pronoun again stands for the person the card now names (« Victor
                // Hugo épouse Adèle Foucher, dont il aura cinq enfants »).
                in_card = Some(pronoun.to_lowercase());
            }
            // Else the subject the sentence before named, as the fact patterns' cards
            // take it (see [`crate::context::screen`]), or no card.
            None => text = resolve(&text)?,
        }
    }
    // « C'était un front pour … »: named from the sentence before, or no card.
    if crate::context::this_is_opening(&text).is_some() {
        text = resolve(&text)?;
    }
    // « ils », « elles »: named from the sentence before, or no card.
    if (text.contains("ls") || text.contains("LS"))
        && space_words(&text).any(|w| is_any_of(w, &["ils", "elles"]))
    {
        text = resolve(&text)?;
    }
    let told = match &in_card {
        Some(p) => std::borrow::Cow::Owned(
            space_words(&text)
                .filter(|w| w != p)
                .collect::<Vec<_>>()
                .join(" "),
        ),
        None => std::borrow::Cow::Borrowed(text.as_str()),
    };
    if points_back(&told) {
        return None;
    }
    text = without_loose_adverbs(&text);
    let folded = padded_fold(&text);
    // Only the phrases whose first word the clause has are searched for.
    let dangling = dangling_by_first_word();
    if alphanumeric_runs(&folded).any(|(at, w)| {
        dangling
            .phrases_after(w)
            .is_some_and(|phrases| phrases.iter().any(|d| folded_has_words_at(&folded, at, d)))
    }) {
        return None;
    }
    // A clause that ends on a verb of saying has lost what was said.
    let last = text
        .trim_end_matches(['.', ',', ' ', ':'])
        .rsplit(' ')
        .next()
        .unwrap_or("");
    if SPEECH.contains(&last.to_lowercase().as_str()) || text.trim_end().ends_with(':') {
        return None;
    }
    let mut chars = text.chars();
    let first = chars.next()?;
    let mut out: String = first.to_uppercase().chain(chars).collect();
    out = out.trim_end_matches([',', ';', ':', ' ']).to_string();
    if !out.ends_with(['.', '!', '?', '»']) {
        out.push('.');
    }
    Some((out, used_topic))
}

/// Words that carry meaning (not function words, not the gap): a cloze with fewer than five
/// does not single out its fact.
pub(crate) fn content_words(lexicon: &Lexicon<'_>, prompt: &str) -> usize {
    prompt
        .replace(GAP, " ")
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| !w.is_empty())
        .filter(|w| {
            w.starts_with(|c: char| c.is_ascii_digit()) || !is_function_or_auxiliary(lexicon, w)
        })
        .count()
}

/// Whether the lexicon gives `word` as a function word, a form of « être » or of « avoir ».
fn is_function_or_auxiliary(lexicon: &Lexicon<'_>, word: &str) -> bool {
    // Prompts share most of their words: asked about many times.
    thread_local! {
        static KNOWN: WordAnswers = const { no_answers() };
    }
    remembered(&KNOWN, lexicon, word, || {
        lexicon.lookup(word).any(|a| {
            a.pos.is_function_word() || a.pos.is_verb() && a.lemma == "être" || a.lemma == "avoir"
        })
    })
}

/// Whether the cloze names someone or something (a capitalised word that is not just the
/// sentence's first word): without a name, nothing anchors it in the world.
pub(crate) fn names_something(lexicon: &Lexicon<'_>, prompt: &str) -> bool {
    prompt.split_whitespace().enumerate().any(|(i, w)| {
        let w = bare(w);
        w != GAP
            && w.starts_with(char::is_uppercase)
            && (i > 0 || !is_common(lexicon, w.split(['\'', '’']).next().unwrap_or(w)))
    })
}

/// A clause about an unnamed thing (« Les délégués … », « Le chantier … ») that tells no
/// time: which delegates, which building site, when? The learner cannot know.
fn unnamed_and_timeless(prompt: &str) -> bool {
    let ws: Vec<&str> = prompt.split_whitespace().collect();
    let mut subject = Vec::new();
    for w in ws.iter().take(6) {
        subject.push(*w);
        if w.ends_with(',') {
            break;
        }
    }
    let unnamed = ws.len() >= 3
        && ["Le", "La", "Les", "L'", "Un", "Une", "Des"].contains(&ws[0])
        && ws[1].starts_with(char::is_lowercase)
        && !subject
            .iter()
            .skip(1)
            .any(|x| x.starts_with(char::is_uppercase) || x.contains(GAP));
    let year = ws.iter().any(|x| {
        let d = x.trim_matches(|c: char| !c.is_ascii_digit());
        d.len() == 4 && x.chars().filter(|c| c.is_ascii_digit()).count() == 4
    });
    unnamed && !year
}

/// The mentions, a bare number taking the noun after it as its unit (« 189 mètres »): the
/// count means nothing without it.
fn with_units(text: &str, mentions: &[Mention], lexicon: &Lexicon<'_>) -> Vec<Mention> {
    mentions
        .iter()
        .map(|m| {
            let mention = &text[m.span.0..m.span.1];
            let bare_number = m.kind != Kind::Date
                && !mention.is_empty()
                && mention
                    .chars()
                    .all(|c| c.is_ascii_digit() || c == ' ' || c == '\u{a0}' || c == ',');
            if !bare_number {
                return m.clone();
            }
            let rest = &text[m.span.1..];
            let Some(next) = rest
                .strip_prefix(' ')
                .and_then(|r| r.split([' ', ',', '.', ';', ')']).next())
            else {
                return m.clone();
            };
            // A year is no count, and a preposition (« sous ») no unit.
            let year = m.kind != Kind::Quantity
                && mention.len() == 4
                && mention
                    .parse::<u32>()
                    .is_ok_and(|y| (1000..=2100).contains(&y));
            let noun = !next.is_empty()
                && !year
                && !next.starts_with(char::is_uppercase)
                && lexicon.lookup(next).any(|a| a.pos == Pos::Noun)
                && !lexicon.lookup(next).any(|a| a.pos.is_function_word());
            if noun {
                Mention {
                    kind: Kind::Quantity,
                    span: (m.span.0, m.span.1 + 1 + next.len()),
                }
            } else {
                m.clone()
            }
        })
        .collect()
}

/// The mentions, names of one kind listed together (« Kamenev et Riazanov », « Rykov,
/// Noguine et Milioutine ») made one: the list is what the sentence says of them, and a gap
/// on one of its names is one of many (« Trotsky accuse [...] et Riazanov »). Only people,
/// places and bodies, two to five of them, joined by commas and a last « et ».
fn coordinated(text: &str, mentions: &[Mention]) -> Vec<Mention> {
    let listed = |k: Kind| matches!(k, Kind::Person | Kind::Place | Kind::Organisation);
    let mut out: Vec<Mention> = Vec::with_capacity(mentions.len());
    let mut i = 0;
    while i < mentions.len() {
        let m = &mentions[i];
        let mut last = i;
        let mut closed = false;
        if listed(m.kind) {
            while let Some(next) = mentions.get(last + 1) {
                if next.kind != m.kind || next.span.0 < mentions[last].span.1 {
                    break;
                }
                let link = &text[mentions[last].span.1..next.span.0];
                match link {
                    ", " => last += 1,
                    " et " | ", et " => {
                        last += 1;
                        closed = true;
                        break;
                    }
                    _ => break,
                }
            }
        }
        let members = last - i + 1;
        if closed && (2..=5).contains(&members) {
            out.push(Mention {
                kind: m.kind,
                span: (m.span.0, mentions[last].span.1),
            });
            i = last + 1;
        } else {
            out.push(m.clone());
            i += 1;
        }
    }
    out
}

/// Each mention stretched to the whole name it ends: over the lower-case noun that opens
/// it, and its « de » (« le bassin de Saint-Ferréol », « la mer Méditerranée », see
/// [`crate::verdicts::is_name_head`]), after a definite article (« un hôtel de Gonesse » is
/// a hotel in Gonesse; « à la place de » means « instead of »); and a place or an
/// organisation joined by « du », « de la », « des » to the place or organisation before it
/// (« le Carrousel du Louvre »). A gap after the head would cut the name; the whole name is
/// asked instead. Mentions inside a stretched one are dropped.
pub fn whole_names(text: &str, mentions: &[Mention]) -> Vec<Mention> {
    let named = |k: Kind| matches!(k, Kind::Place | Kind::Organisation);
    let mut out: Vec<Mention> = Vec::with_capacity(mentions.len());
    for (i, m) in mentions.iter().enumerate() {
        let mut start = m.span.0;
        let mut kind = m.kind;
        if named(m.kind) {
            if let Some(head) = head_before(text, m.span.0) {
                // The head noun says what it is: a place (« la mer Méditerranée »).
                start = head;
                kind = Kind::Place;
            }
            // « le Carrousel du Louvre »: the name before, through its link.
            if let Some(before) = mentions.iter().enumerate().find(|(k, p)| {
                *k != i
                    && named(p.kind)
                    && p.span.1 <= m.span.0
                    && matches!(
                        &text[p.span.1..m.span.0],
                        " du " | " de la " | " des " | " de "
                    )
            }) {
                start = before.1.span.0;
                // (a place of one of the two makes the whole one: « le Carrousel du Louvre »)
                if before.1.kind != Kind::Place && m.kind != Kind::Place {
                    kind = before.1.kind;
                } else {
                    kind = Kind::Place;
                }
            }
        }
        out.push(Mention {
            kind,
            span: (start, m.span.1),
        });
    }
    let whole: Vec<(usize, usize)> = out.iter().map(|m| m.span).collect();
    out.retain(|m| {
        !whole
            .iter()
            .any(|w| *w != m.span && w.0 <= m.span.0 && m.span.1 <= w.1)
    });
    out
}

/// Where the lower-case head noun of a name starting at `start` begins, with its « de »
/// (see [`whole_names`]).
fn head_before(text: &str, start: usize) -> Option<usize> {
    let before = &text[..start];
    let mut words = before.split(' ').rev();
    let last = words.next()?;
    // « d'Hiver »: the link is glued to the name.
    let (link, glued) = match last {
        "" => (words.next()?, false),
        w if w.ends_with(['\'', '’']) => (w, true),
        _ => return None,
    };
    let is_any = |word: &str, of: &[&str]| of.iter().any(|o| word.eq_ignore_ascii_case(o));
    let (head, article) = if is_any(link, &["de", "du", "des", "d'", "d’"]) {
        (words.next()?, words.next()?)
    } else if glued {
        return None;
    } else {
        (link, words.next()?)
    };
    // « l'étang »: the article is glued to the noun.
    let (article, head) = match head.split_once(['\'', '’']) {
        Some((a, h)) if a.eq_ignore_ascii_case("l") => ("l'", h),
        Some(_) => return None,
        None => (article, head),
    };
    if head.is_empty()
        || !head.starts_with(char::is_lowercase)
        || !crate::verdicts::is_name_head(head)
    {
        return None;
    }
    if !is_any(article, &["le", "la", "l'", "les", "du", "au", "aux"]) || head == "place" {
        return None;
    }
    // The head's offset in `text`, of which it is a slice.
    Some(head.as_ptr() as usize - text.as_ptr() as usize)
}

/// Whether a bracket or a guillemet that `before` opens is still open at its end (more
/// opened than closed, of any of the three kinds).
fn inside_brackets(before: &str) -> bool {
    let mut depth = [0i32; 3];
    // Read as bytes: `«` and `»` are 0xC2 then 0xAB or 0xBB.
    let bytes = before.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        match (b, bytes.get(i + 1)) {
            (b'(', _) => depth[0] += 1,
            (b')', _) => depth[0] -= 1,
            (0xC2, Some(0xAB)) => depth[1] += 1,
            (0xC2, Some(0xBB)) => depth[1] -= 1,
            (b'[', _) => depth[2] += 1,
            (b']', _) => depth[2] -= 1,
            _ => {}
        }
    }
    depth.iter().any(|&d| d > 0)
}

/// The clause clozes of one sentence. `taken`: answers the fact patterns already asked about
/// in this sentence.
pub fn clozes(
    text: &str,
    mentions: &[Mention],
    origin: Origin,
    topic: &DocumentTopic,
    taken: &[String],
    resolve: &Resolver<'_>,
) -> Vec<GeneratedCard> {
    verdicts(text, mentions, origin, topic, taken, resolve)
        .into_iter()
        .filter_map(|(_, v)| v.ok())
        .collect()
}

/// Names the pronoun of a clause from what came before (`« il » → « Riquet »`), or `None`
/// when nothing names it.
pub type Resolver<'a> = dyn Fn(&str) -> Option<String> + 'a;

/// A [`Resolver`] that names nothing: a clause leaning on a pronoun has no card.
pub fn no_antecedent(_: &str) -> Option<String> {
    None
}

/// What [`verdicts`] returns: each mention's answer with its cloze or the reason it has none.
pub type Verdicts = Vec<(String, Result<GeneratedCard, &'static str>)>;

fn refuse(out: &mut Verdicts, answer: &str, why: &'static str) {
    out.push((answer.to_string(), Err(why)));
}

/// Each mention of the sentence with its clause cloze, or the reason it has none (for the
/// developers' listing of `examples/clause_debug.rs`, and for tests).
pub fn verdicts(
    text: &str,
    mentions: &[Mention],
    origin: Origin,
    topic: &DocumentTopic,
    taken: &[String],
    resolve: &Resolver<'_>,
) -> Verdicts {
    let lexicon = Lexicon::get();
    let mut out: Verdicts = Vec::new();
    // The sentence's pieces, which every mention's clause is cut from.
    let cut = Cut::new(text);
    for m in &coordinated(
        text,
        &whole_names(text, &with_units(text, mentions, lexicon)),
    ) {
        let answer = text[m.span.0..m.span.1].trim();
        if answer.is_empty() {
            continue;
        }
        if taken
            .iter()
            .any(|t| t.contains(answer) || answer.contains(t.as_str()))
        {
            refuse(&mut out, answer, "taken by a fact pattern");
            continue;
        }
        if out.iter().any(|(a, c)| c.is_ok() && a == answer) {
            continue;
        }
        let fact_type = match m.kind {
            Kind::Date => FactType::Date,
            Kind::Quantity => FactType::Quantity,
            Kind::Person => FactType::Person,
            Kind::Place => FactType::Place,
            Kind::Organisation => FactType::Organisation,
            Kind::Other => {
                refuse(&mut out, answer, "no type");
                continue;
            }
        };
        // A gap inside a parenthesis or a quotation is never a good one.
        if inside_brackets(&text[..m.span.0]) {
            refuse(&mut out, answer, "inside brackets or quotes");
            continue;
        }
        // Where the clause starts in the sentence (none for an apposition's clause).
        let mut gapped_start = text.len();
        let gapped = match clause_around(&cut, m.span, lexicon) {
            Some(span) => {
                gapped_start = span.start;
                let clause = &text[span.start..span.end];
                let local = m.span.0 - span.start;
                let others = format!(
                    "{}{}",
                    &clause[..local],
                    &clause[local + answer.len().min(clause.len() - local)..]
                );
                if !more_words_than(clause, MIN_WORDS - 1)
                    || crate::cards::contains_answer(&others, answer)
                {
                    refuse(
                        &mut out,
                        answer,
                        "clause too short, or the answer twice in it",
                    );
                    continue;
                }
                let local = m.span.0 - span.start;
                format!(
                    "{}{GAP}{}",
                    &clause[..local],
                    &clause[local + (m.span.1 - m.span.0)..]
                )
            }
            None => match apposition_clause(&cut, m.span, lexicon) {
                Some(clause) if !clause.contains(answer) => clause,
                _ => {
                    refuse(&mut out, answer, "no clause with a verb");
                    continue;
                }
            },
        };
        // (whether a name found in the sentence opens the clause)
        let opening_at = text.len() - text[gapped_start..].trim_start().len();
        let opens_on_a_name = mentions
            .iter()
            .any(|o| o.span != m.span && o.span.0 == opening_at && o.kind != Kind::Date);
        if pronoun_of_the_clause_before(&text[..gapped_start.min(text.len())], &gapped, topic) {
            refuse(
                &mut out,
                answer,
                "its pronoun stands for the clause before's subject",
            );
            continue;
        }
        let Some((prompt, used_topic)) =
            sentence_opening_on(&gapped, topic, resolve, opens_on_a_name)
        else {
            refuse(&mut out, answer, "the clause leans on what came before");
            continue;
        };
        if !prompt.contains(GAP) {
            refuse(&mut out, answer, "no gap");
            continue;
        }
        // `En [...], lorsque … s'est formé …`: a subordinate clause without its main one.
        let subordinate = prompt.split_whitespace().take(4).any(|w| {
            matches!(
                w.to_lowercase().trim_end_matches(','),
                "lorsque" | "quand" | "puisque" | "parce" | "tandis" | "bien" | "si" | "où"
            ) || w.to_lowercase().starts_with("lorsqu'")
                || w.to_lowercase().starts_with("puisqu'")
        });
        if subordinate {
            refuse(
                &mut out,
                answer,
                "a subordinate clause without its main clause",
            );
            continue;
        }
        if crate::context::cut_quote(&prompt) {
            refuse(&mut out, answer, "the quotation or reported clause is cut");
            continue;
        }
        if more_words_than(&prompt, crate::cards::MAX_CLOZE_WORDS) {
            refuse(&mut out, answer, "too long");
            continue;
        }
        let names = names_something(lexicon, &prompt);
        if content_words(lexicon, &prompt)
            < crate::context::min_content_words(
                names && (m.kind == Kind::Date || crate::setting::last_year(&prompt).is_some()),
            )
        {
            refuse(&mut out, answer, "too few content words");
            continue;
        }
        // The topic as situation line, unless it is said already or holds the answer.
        let situation = match &topic.topic {
            Some(t)
                if !used_topic
                    && !has_words(&prompt, t)
                    && !has_words(answer, t)
                    && !has_words(t, answer) =>
            {
                t.clone()
            }
            _ => String::new(),
        };
        if m.kind != Kind::Date && unnamed_and_timeless(&prompt) {
            refuse(&mut out, answer, "no name and no time");
            continue;
        }
        // A clause that names nothing but tells its time is anchored by the document's topic
        // as its situation line (« L'escrimeur [...] gagne à lui seul trois titres » in « Les
        // Jeux olympiques d'été de 1924 »); see [`anchored_by_its_topic`].
        if !names && situation.is_empty() {
            refuse(&mut out, answer, "names nothing");
            continue;
        }
        // The gap must leave the rest of a name whole: no capitalised word or numeral right
        // before or after it (« Louis [...] »).
        let (before_gap, after_gap) = prompt.split_once(GAP).unwrap_or(("", ""));
        // Nor half of a range (« [...]-1928 »).
        if after_gap.starts_with(|c: char| c.is_alphanumeric() || c == '-' || c == '–')
            || before_gap.ends_with(['-', '–'])
        {
            refuse(&mut out, answer, "half of a range");
            continue;
        }
        // A word cut from the gap by a comma is no part of its name (« du Poitou, [...] »).
        let word_before = before_gap
            .split_whitespace()
            .next_back()
            .filter(|w| !w.ends_with([',', ';', ':']))
            .unwrap_or("");
        let word_after = after_gap.split_whitespace().next().unwrap_or("");
        let name_like = |w: &str| {
            let w = bare(w);
            w.starts_with(char::is_uppercase) && !is_common(lexicon, w)
        };
        // (« le Palais d'[...] »: the rest of a name glued to its « d' »)
        let glued_to_a_name = before_gap.ends_with(['\'', '’'])
            && before_gap
                .trim_end_matches(['\'', '’'])
                .strip_suffix(['d', 'D'])
                .and_then(|b| b.strip_suffix(' '))
                .and_then(|b| b.split_whitespace().next_back())
                .is_some_and(|w| {
                    more_words_than(before_gap, 2) && w.starts_with(char::is_uppercase)
                });
        // (« Volant à [...] 2 »: a name with its number, « Mach 2 »)
        let numbered = matches!(m.kind, Kind::Person | Kind::Place | Kind::Organisation)
            && !bare(word_after).is_empty()
            && bare(word_after).chars().all(|c| c.is_ascii_digit());
        if (more_words_than(before_gap, 1) && name_like(word_before))
            || name_like(word_after)
            || glued_to_a_name
            || numbered
        {
            refuse(&mut out, answer, "the gap cuts a name");
            continue;
        }
        let card = GeneratedCard {
            kind: CardKind::Cloze,
            answer_kind: m.kind,
            fact_type,
            prompt,
            answer: answer.to_string(),
            distractors: Vec::new(),
            context: text.to_string(),
            document: origin.document,
            line: origin.line,
            score: 0,
            situation,
        };
        out.push((answer.to_string(), Ok(card)));
    }
    out
}

/// Whether a clause cloze names nothing of its own and leans on its situation line, the
/// document's topic, to be understood: it is kept only if that line ends up naming the
/// subject and the year (as `setting::is_situated` checks).
pub fn anchored_by_its_topic(card: &GeneratedCard) -> bool {
    !names_something(Lexicon::get(), &card.prompt)
}

/// The subject pronoun of a topic (see [`DocumentTopic::pronoun`]).
fn topic_pronoun(topic: &str, feminine: Option<bool>, text: &str) -> Option<&'static str> {
    let lexicon = Lexicon::get();
    let words: Vec<&str> = topic.split_whitespace().collect();
    let first = words.first()?.to_lowercase();
    let head = |word: &str| {
        let genders: Vec<Gender> = lexicon
            .lookup(&word.to_lowercase())
            .filter(|a| a.pos == Pos::Noun)
            .filter_map(|a| a.gender)
            .collect();
        let masculine = genders.contains(&Gender::Masculine);
        let feminine = genders.contains(&Gender::Feminine);
        (masculine != feminine).then_some(feminine)
    };
    match (first.as_str(), feminine) {
        ("la" | "une", _) => Some("elle"),
        ("le" | "un", _) => Some("il"),
        ("les" | "des", _) => {
            let feminine = head(words.get(1)?)?;
            Some(if feminine { "elles" } else { "ils" })
        }
        (_, None) => {
            // A person: the pronoun sentences open with, when one clearly leads.
            let opening = |p: &str| {
                text.match_indices(p)
                    .filter(|&(i, _)| {
                        let before = text[..i].trim_end_matches(' ');
                        before.is_empty() || before.ends_with(['.', '\n', ',', ';'])
                    })
                    .count()
            };
            let (elle, il) = (
                opening("Elle ") + opening(" elle "),
                opening("Il ") + opening(" il "),
            );
            if elle >= 2 && elle >= 3 * il {
                Some("elle")
            } else if il >= 2 && il >= 3 * elle {
                Some("il")
            } else {
                None
            }
        }
        // `L'Ispolkom`, `L'édit de Nantes`: the head noun's gender, when it is a common noun.
        _ => {
            let (_, rest) = topic.split_once(['\'', '’'])?;
            let noun = rest.split_whitespace().next()?;
            if noun.starts_with(char::is_uppercase) {
                return None;
            }
            Some(if head(noun)? { "elle" } else { "il" })
        }
    }
}

#[cfg(test)]
mod tests {

    #[test]
    fn a_pronoun_after_a_semicolon_is_the_clause_before_s_subject() {
        let topic = DocumentTopic {
            topic: Some("Joseph Niépce".to_string()),
            feminine: None,
            pronoun: Some("il"),
        };
        let earlier = "Le Point de vue du Gras est retrouvé en 1952 par Helmut Gernsheim ;";
        assert!(pronoun_of_the_clause_before(
            earlier,
            "il est conservé à [...].",
            &topic
        ));
        // The clause before names the topic, or speaks of it by the pronoun.
        let earlier = "En 1816, Niépce obtient ses premières images ;";
        assert!(!pronoun_of_the_clause_before(
            earlier,
            "il les fixe en [...].",
            &topic
        ));
        let earlier = "Il s'installe à Chalon et";
        assert!(!pronoun_of_the_clause_before(
            earlier,
            "il y meurt en [...].",
            &topic
        ));
        // A clause that opens its sentence leans on no other.
        assert!(!pronoun_of_the_clause_before(
            "",
            "Il meurt en [...].",
            &topic
        ));
    }

    use super::*;

    fn topic(t: &str, feminine: Option<bool>) -> DocumentTopic {
        DocumentTopic {
            pronoun: None,
            topic: Some(t.to_string()),
            feminine,
        }
    }

    /// The whole names [`whole_names`] makes of the named mentions of `text`.
    fn stretched(text: &str, names: &[(&str, Kind)]) -> Vec<(String, Kind)> {
        let mentions: Vec<Mention> = names
            .iter()
            .map(|(n, kind)| {
                let start = text.find(n).expect("the name is in the text");
                Mention {
                    kind: *kind,
                    span: (start, start + n.len()),
                }
            })
            .collect();
        whole_names(text, &mentions)
            .into_iter()
            .map(|m| (text[m.span.0..m.span.1].to_string(), m.kind))
            .collect()
    }

    #[test]
    fn a_gap_opening_the_clause_is_its_subject_or_no_card() {
        let lexicon = Lexicon::get();
        for text in [
            "[...] révoque l'édit de Nantes en 1685.",
            "[...], qui préside, lit la liste des commissaires.",
            "[...], né à Béziers en 1609, étudie le tracé du canal.",
        ] {
            assert!(gap_is_the_subject(lexicon, text), "{text}");
        }
        for text in [
            "[...], les troupes rouges occupent Petrovsk et Derbent.",
            "[...] en 1845, Victor Hugo est élu député de Paris.",
            "[...], il gagne Bruxelles.",
        ] {
            assert!(!gap_is_the_subject(lexicon, text), "{text}");
        }
        let topic = DocumentTopic {
            pronoun: None,
            topic: None,
            feminine: None,
        };
        let (sentence, _) = sentence_of(
            "[...] révoque l'édit de Nantes en 1685",
            &topic,
            &no_antecedent,
        )
        .expect("a sentence");
        assert_eq!(sentence, "[...] révoque l'édit de Nantes en 1685.");
        // A clitic before its verb: the subject was cut off.
        assert!(sentence_of(
            "en voit vite les limites : une cellule de [...] est trop grande",
            &topic,
            &no_antecedent
        )
        .is_none());
        assert!(sentence_of(
            "En [...], Louis Braille publie sa méthode à Paris",
            &topic,
            &no_antecedent
        )
        .is_some());
    }

    #[test]
    fn a_gap_glued_to_the_d_of_a_name_cuts_it() {
        // The verdicts on the one place mention `name` of `text`.
        let refusals = |text: &str, name: &str| -> Vec<Option<&'static str>> {
            let start = text.find(name).expect("the name is in the text");
            let mentions = [Mention {
                kind: Kind::Place,
                span: (start, start + name.len()),
            }];
            let origin = Origin {
                document: 0,
                line: 1,
                block: crate::document::BlockKind::Paragraph,
            };
            verdicts(
                text,
                &mentions,
                origin,
                &DocumentTopic::default(),
                &[],
                &no_antecedent,
            )
            .into_iter()
            .map(|(_, v)| v.err())
            .collect()
        };
        assert_eq!(
            refusals(
                "L'annonce de la prise du Palais d'Hiver tombe dans la nuit du 25 au 26 octobre 1917.",
                "Hiver"
            ),
            [Some("the gap cuts a name")]
        );
        // A name with its number: « Mach 2 ».
        assert_eq!(
            refusals(
                "Volant à Mach 2, soit environ 2 150 km/h, l'avion relie Paris à New York.",
                "Mach"
            )[0],
            Some("the gap cuts a name")
        );
    }

    #[test]
    fn tying_adverbs_go_and_stressed_pronouns_point_back() {
        let none = DocumentTopic::default();
        let (got, _) = sentence_of(
            "Les SR de gauche acceptent alors de partager le pouvoir avec les [...]",
            &none,
            &no_antecedent,
        )
        .expect("a sentence");
        assert_eq!(
            got,
            "Les SR de gauche acceptent de partager le pouvoir avec les [...]."
        );
        // « alors que » is a conjunction: the clause depends on its main clause.
        assert_eq!(
            sentence_of(
                "Trotsky était reconnaissable alors que [...] était méconnaissable",
                &none,
                &no_antecedent
            ),
            None
        );
        assert_eq!(
            sentence_of(
                "Lui et son état-major ont été condamnés par le [...]",
                &none,
                &no_antecedent
            ),
            None
        );
        // An elided pronoun with no name before it points back.
        assert!(points_back(
            "Deux millions de personnes suivent le corbillard qu'il avait demandé."
        ));
        assert!(!points_back(
            "Lounatcharski déclare qu'il n'a aucun désaccord."
        ));
        // A noun after an article or a preposition is no verb (« sans concours »).
        let lexicon = Lexicon::get();
        assert!(!has_a_verb(lexicon, "sans concours, à l'architecte"));
        assert!(has_a_verb(
            lexicon,
            "ses contemporains le tenaient pour un chantier"
        ));
        assert!(has_a_verb(lexicon, "la pyramide suscite une controverse"));
        // « à lui seul » tells of the subject.
        assert!(!points_back("Roger Ducret gagne à lui seul trois titres."));
        assert!(points_back("Roger Ducret lui remet trois titres."));
        assert!(points_back("Il, le [...], consacra la cité au Sacré-Cœur."));
        // A verb form far more often a preposition or an adverb opens a sentence.
        for word in ["Outre", "Plus", "A"] {
            assert!(opens_a_sentence(lexicon, word), "{word}");
        }
        for word in ["Rentre", "Signé"] {
            assert!(!opens_a_sentence(lexicon, word), "{word}");
        }
    }

    #[test]
    fn a_title_names_the_topic_when_the_first_sentence_does_not() {
        let text = "La pyramide du Louvre, histoire d'un chantier\nIl y a trente ans, Paris \
                    découvrait une pyramide de verre au Louvre. Le Louvre est grand. Le Louvre \
                    est vieux.";
        let topic =
            DocumentTopic::from_title("La pyramide du Louvre, histoire d'un chantier", text);
        assert_eq!(topic.topic.as_deref(), Some("La pyramide du Louvre"));
        assert_eq!(topic.pronoun, Some("elle"));
        // A title the text does not name again says nothing of it.
        let topic = DocumentTopic::from_title("Le pont du Gard, un chef-d'œuvre", text);
        assert_eq!(topic.topic, None);
        // A compound name told by its head (« le Mont ») is named again.
        let text = "Le Mont-Saint-Michel\nPosé au fond d'une baie, le Mont-Saint-Michel est un \
                    îlot. Le Mont reste fidèle au roi. Le Mont et sa baie sont inscrits.";
        let topic = DocumentTopic::from_title("Le Mont-Saint-Michel", text);
        assert_eq!(topic.topic.as_deref(), Some("Le Mont-Saint-Michel"));
    }

    #[test]
    fn names_listed_together_are_one_answer() {
        let listed = |text: &str, names: &[&str], kind: Kind| -> Vec<String> {
            let mentions: Vec<Mention> = names
                .iter()
                .map(|n| {
                    let start = text.find(n).expect("the name is in the text");
                    Mention {
                        kind,
                        span: (start, start + n.len()),
                    }
                })
                .collect();
            coordinated(text, &mentions)
                .into_iter()
                .map(|m| text[m.span.0..m.span.1].to_string())
                .collect()
        };
        let text = "Trotsky accuse Kamenev et Riazanov d'avoir envisagé un désaveu.";
        assert_eq!(
            listed(text, &["Trotsky", "Kamenev", "Riazanov"], Kind::Person),
            ["Trotsky", "Kamenev et Riazanov"]
        );
        let text = "Rykov, Noguine, Milioutine et Teodorovitch démissionnent.";
        assert_eq!(
            listed(
                text,
                &["Rykov", "Noguine", "Milioutine", "Teodorovitch"],
                Kind::Person
            ),
            ["Rykov, Noguine, Milioutine et Teodorovitch"]
        );
        // A list with no « et » goes on past the sentence's mentions; dates are not listed.
        let text = "Rykov, Noguine, Lounatcharski, autres responsables du parti.";
        assert_eq!(
            listed(text, &["Rykov", "Noguine", "Lounatcharski"], Kind::Person),
            ["Rykov", "Noguine", "Lounatcharski"]
        );
        let text = "Le congrès siège le 25 octobre et le 26 octobre.";
        assert_eq!(
            listed(text, &["25 octobre", "26 octobre"], Kind::Date),
            ["25 octobre", "26 octobre"]
        );
    }

    #[test]
    fn a_participle_phrase_before_the_subject_opens_a_sentence() {
        let hugo = topic("Victor Hugo", None);
        for (clause, sentence) in [
            (
                "Refusant l'amnistie de [...], il ne rentre en France qu'après la chute du Second Empire",
                "Refusant l'amnistie de [...], Victor Hugo ne rentre en France qu'après la chute du Second Empire.",
            ),
            (
                "Élu sénateur de la [...] en 1876, il défend l'amnistie des communards",
                "Élu sénateur de la [...] en 1876, Victor Hugo défend l'amnistie des communards.",
            ),
        ] {
            let (got, _) = sentence_of(clause, &hugo, &no_antecedent).expect(clause);
            assert_eq!(got, sentence);
        }
        // The phrase may hold commas of its own.
        let pyramid = topic("La pyramide du Louvre", Some(true));
        assert!(sentence_of(
            "Commandée en 1983, sans concours, à l'architecte Ieoh Ming Pei, la pyramide suscite une controverse",
            &pyramid,
            &no_antecedent
        )
        .is_some());
        // A participle with no subject after it lost its subject: no sentence.
        for clause in [
            "née le [...] à Varsovie, fille d'un professeur",
            "Refusant l'amnistie de [...]",
        ] {
            assert_eq!(sentence_of(clause, &hugo, &no_antecedent), None, "{clause}");
        }
    }

    #[test]
    fn a_pronoun_told_again_after_the_person_is_named_is_theirs() {
        let hugo = topic("Victor Hugo", None);
        let (got, _) = sentence_of(
            "Le 12 octobre 1822, il épouse son amie d'enfance, [...], dont il aura cinq enfants",
            &hugo,
            &no_antecedent,
        )
        .expect("a sentence");
        assert_eq!(
            got,
            "Le 12 octobre 1822, Victor Hugo épouse son amie d'enfance, [...], dont il aura cinq enfants."
        );
        // Another pronoun still points back.
        assert_eq!(
            sentence_of(
                "En 1822, il épouse [...], dont elle aura cinq enfants",
                &hugo,
                &no_antecedent
            ),
            None
        );
    }

    #[test]
    fn a_thing_said_or_decided_without_its_complement_points_back() {
        for text in [
            "[...] étudie le problème depuis sa maison de Revel.",
            "[...] et Lounatcharski proposent d'accepter les conditions exigées par les socialistes.",
            "Le mandat fut signé par [...].",
            "[...] lit le projet.",
            "Le commandement militaire a répondu par un ultimatum le [...].",
            "Ouliantzev avait été envoyé à Tsarskoïé-Sélo par l'organisation militaire en [...].",
            "Le congrès s'ouvre à [...].",
            "Sur la table en face d'[...] était posée une carte.",
            "[...] déclare qu'il n'a aucun désaccord avec la motion de Martov.",
        ] {
            assert!(unqualified_abstract(text), "{text}");
        }
        for text in [
            "[...] soumet la motion de Martov sur la paix.",
            "Riquet adresse son projet au ministre [...].",
            "Le projet d'Eiffel est adopté en [...].",
            "Une question est posée à [...].",
            "Le Congrès des Soviets s'ouvre à [...].",
            "Le comité central du parti se réunit à [...].",
            "L'organisation militaire bolchevique de Petrograd est créée en [...].",
            "La salle des fêtes de [...] est inaugurée en 1905.",
            "[...] soutient la motion de Martov appelant à la discussion pacifique.",
        ] {
            assert!(!unqualified_abstract(text), "{text}");
        }
    }

    #[test]
    fn a_name_is_asked_whole_with_the_noun_that_opens_it() {
        let place = |n: &str| (n.to_string(), Kind::Place);
        assert_eq!(
            stretched(
                "Riquet fait bâtir le bassin de Saint-Ferréol.",
                &[("Saint-Ferréol", Kind::Place)]
            ),
            [place("bassin de Saint-Ferréol")]
        );
        // Without « de », and with the kind the noun says.
        assert_eq!(
            stretched(
                "Le canal relie Toulouse à la mer Méditerranée.",
                &[
                    ("Toulouse", Kind::Place),
                    ("Méditerranée", Kind::Organisation)
                ]
            ),
            [place("Toulouse"), place("mer Méditerranée")]
        );
        assert_eq!(
            stretched(
                "Le tunnel du Mont-Blanc relie Chamonix à Courmayeur.",
                &[("Mont-Blanc", Kind::Organisation)]
            ),
            [place("tunnel du Mont-Blanc")]
        );
        // Two names joined by « du » are one.
        assert_eq!(
            stretched(
                "Elle est construite sous le Carrousel du Louvre.",
                &[("Carrousel", Kind::Place), ("Louvre", Kind::Place)]
            ),
            [place("Carrousel du Louvre")]
        );
        // Not after an indefinite article, nor « à la place de », nor a town's noun.
        for (text, name) in [
            ("L'avion s'écrase sur un hôtel de Gonesse.", "Gonesse"),
            ("Il parle à la place de Lénine.", "Lénine"),
            ("Les troupes entrent dans la ville de Bakou.", "Bakou"),
        ] {
            assert_eq!(
                stretched(text, &[(name, Kind::Place)]),
                [place(name)],
                "{text}"
            );
        }
        // A person is no place's name.
        assert_eq!(
            stretched(
                "Il dirige le laboratoire Curie.",
                &[("Curie", Kind::Person)]
            ),
            [("Curie".to_string(), Kind::Person)]
        );
    }

    #[test]
    fn a_topic_takes_the_pronoun_of_its_head_or_of_the_document() {
        assert_eq!(
            topic_pronoun("Le canal du Midi", Some(false), ""),
            Some("il")
        );
        assert_eq!(
            topic_pronoun("La pyramide du Louvre", Some(true), ""),
            Some("elle")
        );
        assert_eq!(
            topic_pronoun("Les Jeux olympiques de 1924", Some(false), ""),
            Some("ils")
        );
        assert_eq!(topic_pronoun("L'Ispolkom", Some(false), ""), None);
        let text = "Marie Curie naît à Varsovie. Elle étudie à Paris. En 1891, elle s'inscrit. Elle meurt en 1934. Il pleut.";
        assert_eq!(topic_pronoun("Marie Curie", None, text), Some("elle"));
        let text = "Pierre Curie naît à Paris. Il étudie. Elle aussi.";
        assert_eq!(topic_pronoun("Pierre Curie", None, text), None);
    }

    #[test]
    fn a_pronoun_no_topic_stands_for_is_named_from_before_or_refused() {
        let canal = topic("Le canal du Midi", Some(false));
        let before = |clause: &str| Some(clause.replace("il ", "Riquet "));
        let (s, used) =
            sentence_of("en [...], il adresse son projet à Colbert", &canal, &before).unwrap();
        assert_eq!(s, "En [...], Riquet adresse son projet à Colbert.");
        assert!(!used);
        assert!(sentence_of(
            "en [...], il adresse son projet à Colbert",
            &canal,
            &no_antecedent
        )
        .is_none());
    }

    #[test]
    fn a_pronoun_becomes_the_topic_and_dangling_clauses_are_refused() {
        let t = topic("Marie Curie", None);
        let (s, used) =
            sentence_of("le [...], elle s'inscrit en physique", &t, &no_antecedent).unwrap();
        assert_eq!(s, "Le [...], Marie Curie s'inscrit en physique.");
        assert!(used);
        assert!(sentence_of("qui le rejoint en [...]", &t, &no_antecedent).is_none());
        assert!(sentence_of(
            "le lendemain, les troupes entrent dans [...]",
            &t,
            &no_antecedent
        )
        .is_none());
        assert!(sentence_of("ils décident le [...] de partir", &t, &no_antecedent).is_none());
        let canal = topic("Le canal du Midi", Some(false));
        assert!(sentence_of("elle est ouverte en [...]", &canal, &no_antecedent).is_none());
    }

    #[test]
    fn the_topic_is_the_first_sentences_subject() {
        let t = DocumentTopic::from_first_sentences(
            ["Le canal du Midi relie Toulouse à la mer Méditerranée depuis le XVIIe siècle."]
                .into_iter(),
        );
        assert_eq!(t.topic.as_deref(), Some("Le canal du Midi"));
        assert_eq!(t.feminine, Some(false));
        let t = DocumentTopic::from_first_sentences(
            ["Marie Curie (ou Marie Skłodowska-Curie), née Maria Salomea Skłodowska le 7 novembre 1867 à Varsovie, est une physicienne."]
                .into_iter(),
        );
        assert_eq!(t.topic.as_deref(), Some("Marie Curie"));
    }

    #[test]
    fn a_person_named_once_then_told_by_pronoun_is_the_topic() {
        let first = "Jean Moulin, né le 20 juin 1899 à Béziers, est un résistant français.";
        let text = format!(
            "{first} Préfet en 1940, il refuse de signer. Il gagne Londres. Il fonde le CNR."
        );
        let t = DocumentTopic::from_first_sentences_of([first].into_iter(), Some(&text));
        assert_eq!(t.topic.as_deref(), Some("Jean Moulin"));
        assert_eq!(t.pronoun, Some("il"));
        // Named once and never taken up by a pronoun: no topic.
        let text = format!("{first} La ville de Béziers grandit. Le canal passe à Béziers.");
        let t = DocumentTopic::from_first_sentences_of([first].into_iter(), Some(&text));
        assert_eq!(t.topic, None);
    }

    #[test]
    fn pronouns_pointing_back_are_whole_words_in_any_case() {
        for (text, expected) in [
            ("Ils votent la motion", true),
            ("la motion y est votée", true),
            ("le congrès en a débattu", true),
            ("il remplace le sien", true),
            ("Le comité garde la SIENNE", true),
            ("garde la sienne, et part", true),
            ("les îles votent la motion", false),
            ("le congrès en avait débattu", false),
            ("la Siennoise", false),
            ("Ilse vote", false),
        ] {
            assert_eq!(points_back(text), expected, "{text}");
        }
    }

    #[test]
    fn a_participial_apposition_reads_back_as_a_clause() {
        let text = "Marie Curie (ou Marie Skłodowska-Curie), née Maria Salomea Skłodowska le 7 novembre 1867 à Varsovie, alors en Pologne, et morte le 4 juillet 1934 à Passy, est une physicienne et chimiste polonaise.";
        let at = text.find("7 novembre 1867").unwrap();
        assert_eq!(
            apposition_clause(
                &Cut::new(text),
                (at, at + "7 novembre 1867".len()),
                Lexicon::get()
            )
            .as_deref(),
            Some("Marie Curie est née Maria Salomea Skłodowska le [...] à Varsovie")
        );
        let at = text.find("Passy").unwrap();
        assert_eq!(
            apposition_clause(&Cut::new(text), (at, at + 5), Lexicon::get()).as_deref(),
            None,
            "« et morte … » is not the first apposition's: cut, so not reached"
        );
        let riquet = "Pierre-Paul Riquet, né à Béziers en 1609 et fermier des gabelles de Languedoc, étudie le problème.";
        let at = riquet.find("1609").unwrap();
        assert_eq!(
            apposition_clause(&Cut::new(riquet), (at, at + 4), Lexicon::get()).as_deref(),
            Some("Pierre-Paul Riquet est né à Béziers en [...]")
        );
    }

    #[test]
    fn a_long_sentence_gives_the_clause_of_its_mention() {
        let text = "Au printemps 1894, elle rencontre Pierre Curie, chef des travaux à l'École municipale de physique et de chimie industrielles ; ils se marient le 26 juillet 1895.";
        let at = text.find("1894").unwrap();
        let span = clause_around(&Cut::new(text), (at, at + 4), Lexicon::get()).unwrap();
        assert!(text[span.start..span.end].contains("rencontre Pierre Curie"));
        assert!(!text[span.start..span.end].contains("marient"));
    }
}
