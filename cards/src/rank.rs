//! Ranking: the best cards first.
//!
//! The score rewards the facts that make the best cards (roles, other names, dates asked
//! as questions) and takes points for what makes a card harder to use: a prompt that runs
//! over many screen lines, words that point outside the card (`le lendemain`, `la ville`,
//! a pronoun), a quotation, no proper name to anchor it, a date without its year.

use crate::cards::{CardKind, GeneratedCard};
use crate::document::BlockKind;
use crate::facts::{FactType, Kind};
use crate::typography::fold;

/// Cards scoring below this are dropped.
pub const MIN_SCORE: i32 = 15;

/// Words in a prompt that point outside the card.
const VAGUE: &[&str] = &[
    "le lendemain",
    "la veille",
    "ce jour-la",
    "cette nuit-la",
    "ce soir-la",
    "la ville",
    "celui-ci",
    "celle-ci",
    "ce dernier",
    "cette derniere",
    "le premier",
    "le second",
    "ces derniers",
    "la-bas",
    "ici",
    "cette question",
    "cette mesure",
    "cette motion",
];

/// Scores one card written from a block of the given kind.
pub fn score(card: &GeneratedCard, block: BlockKind) -> i32 {
    let mut s = match card.fact_type {
        FactType::Role => 50,
        FactType::Alias => 45,
        FactType::Date if card.kind != CardKind::Cloze => 45,
        FactType::Apposition | FactType::Epithet => 35,
        FactType::Date => 35,
        FactType::Quantity => 30,
        FactType::Place => 25,
        FactType::Organisation => 20,
        FactType::Person => 20,
    };
    let lines = crate::screen::lines(&card.prompt) as i32;
    if lines > 5 {
        s -= 3 * (lines - 5);
    }
    let prompt = format!(" {} ", fold(&card.prompt));
    // (the words are read whole only for a phrase the prompt holds at all)
    let mut words: Option<String> = None;
    for v in VAGUE {
        if prompt.contains(v) && vague_in(words.get_or_insert_with(|| words_of(&prompt)), v) {
            s -= 12;
        }
    }
    // (« à lui seul » tells of the subject itself)
    let own = [
        " a lui seul ",
        " a elle seule ",
        " a eux seuls ",
        " a elles seules ",
    ];
    let pronouns_of: std::borrow::Cow<str> = if own.iter().any(|phrase| prompt.contains(phrase)) {
        own.iter()
            .fold(prompt.clone(), |p, phrase| p.replace(phrase, " "))
            .into()
    } else {
        prompt.as_str().into()
    };
    for pronoun in [" il ", " elle ", " ils ", " elles ", " lui ", " eux "] {
        if pronouns_of.contains(pronoun) {
            s -= 6;
        }
    }
    if block == BlockKind::Quote || card.context.starts_with('«') {
        s -= 12;
    }
    // (a nation's adjective anchors a question about a role, « l'armée allemande »; a
    // cloze's gap beside one may still be filled many ways: « le pouvoir soviétique … en
    // [...] »)
    let anchored = names_something(&card.prompt, 1)
        && (card.kind != CardKind::Cloze || names_a_name(&card.prompt, 1));
    if !anchored {
        s -= unanchored_cost(card);
    }
    for demonstrative in [" cette ", " ce ", " ces ", " cet "] {
        if prompt.contains(demonstrative) {
            s -= 8;
        }
    }
    if card.answer_kind == Kind::Date
        && !card
            .answer
            .chars()
            .any(|c| c.is_ascii_digit() && card.answer.len() >= 4)
    {
        s -= 5;
    }
    if card.answer_kind == Kind::Date && !has_year(&card.answer) {
        s -= 4;
    }
    let answer_chars = card.answer.chars().count();
    if answer_chars > 40 {
        s -= 10;
    }
    s
}

/// `folded` with every mark but the apostrophe and the hyphen read as a space, between
/// spaces: words are matched whole (« ici » is not in « officiel »).
fn words_of(folded: &str) -> String {
    let spaced: String = folded
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || matches!(c, '\'' | '-') {
                c
            } else {
                ' '
            }
        })
        .collect();
    let mut words = String::with_capacity(spaced.len() + 2);
    words.push(' ');
    for w in spaced.split_whitespace() {
        words.push_str(w);
        words.push(' ');
    }
    words
}

/// Whether the vague phrase `v` is in `words` (see [`words_of`]): « le premier » and « le
/// second » only as pronouns, not before their noun (« le premier record de l'heure »).
fn vague_in(words: &str, v: &str) -> bool {
    let phrase = format!(" {v} ");
    let ordinal = matches!(v, "le premier" | "le second");
    words.match_indices(&phrase).any(|(i, _)| {
        if !ordinal {
            return true;
        }
        let next = words[i + phrase.len()..].split(' ').next().unwrap_or("");
        !crate::lexicon::Lexicon::get().lookup(next).any(|a| {
            matches!(
                a.pos,
                crate::lexicon::Pos::Noun | crate::lexicon::Pos::Adjective
            )
        })
    })
}

/// Whether `text` holds a proper name past its first `skip` words: what anchors a card
/// in the world.
fn names_something(text: &str, skip: usize) -> bool {
    names_a_name(text, skip)
        // (« l'armée allemande »: a nation's adjective names the nation)
        || text
            .split(|c: char| !c.is_alphabetic())
            .skip(skip)
            .any(is_a_nation_s)
}

/// Whether `text` holds a capitalised name past its first `skip` words, or among them a
/// word the lexicon does not know in lower case (« Chataud demeura enfermé … »: the opening
/// capital of a name, not of a sentence).
fn names_a_name(text: &str, skip: usize) -> bool {
    let later = text
        .split(' ')
        .skip(skip)
        .map(|w| {
            w.trim_start_matches(|c: char| c.is_lowercase() && c != '\'')
                .trim_start_matches('\'')
        })
        .any(|w| w.starts_with(char::is_uppercase) && w.chars().count() > 1);
    later
        || text.split(' ').take(skip).any(|w| {
            let w = w.trim_end_matches(|c: char| !c.is_alphanumeric());
            w.starts_with(char::is_uppercase)
                && w.chars().count() > 2
                && w.chars().all(char::is_alphabetic)
                && crate::lexicon::Lexicon::get()
                    .lookup(&w.to_lowercase())
                    .next()
                    .is_none()
        })
}

/// Stems of the adjectives of nations (« allemande », « soviétiques »), without their
/// endings.
const NATIONS: &[&str] = &[
    "allemand",
    "français",
    "anglais",
    "britannique",
    "russe",
    "italien",
    "espagnol",
    "américain",
    "soviétique",
    "polonais",
    "autrichien",
    "prussien",
    "turc",
    "ottoman",
    "japonais",
    "chinois",
    "belge",
    "suisse",
    "néerlandais",
    "hollandais",
    "portugais",
    "grec",
    "suédois",
    "norvégien",
    "danois",
    "hongrois",
    "roumain",
    "serbe",
    "bulgare",
    "irlandais",
    "écossais",
    "canadien",
    "mexicain",
    "brésilien",
    "argentin",
    "égyptien",
    "marocain",
    "algérien",
    "tunisien",
    "iranien",
    "persan",
    "arménien",
    "géorgien",
    "ukrainien",
    "finlandais",
    "tchèque",
    "vénitien",
    "génois",
    "bavarois",
    "saxon",
];

/// Whether a lower-case word is the adjective of a nation, in any gender or number.
fn is_a_nation_s(word: &str) -> bool {
    if !word.starts_with(char::is_lowercase) {
        return false;
    }
    NATIONS.iter().any(|stem| {
        word.strip_prefix(stem).is_some_and(|rest| {
            matches!(
                rest,
                "" | "e" | "s" | "es" | "ne" | "nes" | "ce" | "que" | "ques"
            )
        })
    })
}

/// What a prompt naming nothing costs: a question that names nothing asks of nothing.
fn unanchored_cost(card: &GeneratedCard) -> i32 {
    if card.kind == CardKind::Cloze {
        12
    } else {
        40
    }
}

/// What a card's situation line gives back to its score once it is set: a prompt that
/// names nothing is anchored by a situation that names its subject (« Quand le mur du son
/// est-il franchi pour la première fois ? » in « Concorde, 1969 »). Only for the date of
/// an event: « Qui a signé le mandat ? » asks of a mandate the situation does not name, and
/// « Le camarade [...] était là » of a scene. And for who held an office in the years the
/// question tells (« Qui était directeur général des télécommunications de 1974 à 1981 ? »
/// in « Le Minitel »): an office and its years single one person out.
pub fn situation_credit(card: &GeneratedCard) -> i32 {
    let office_in_its_years = card.fact_type == FactType::Role
        && card.kind != CardKind::Cloze
        && crate::setting::years_in(&card.prompt).next().is_some();
    if (card.answer_kind == Kind::Date || office_in_its_years)
        && !names_something(&card.prompt, 1)
        && names_something(&card.situation, 0)
    {
        unanchored_cost(card)
    } else {
        0
    }
}

/// What a clause cloze anchored by its document's topic (see
/// [`crate::clauses::anchored_by_its_topic`]) gets back of what naming nothing costs: its
/// situation line names what it is about.
pub fn topic_credit(card: &GeneratedCard) -> i32 {
    if card.kind == CardKind::Cloze && names_something(&card.situation, 0) {
        unanchored_cost(card)
    } else {
        0
    }
}

fn has_year(text: &str) -> bool {
    text.split(|c: char| !c.is_ascii_digit())
        .any(|d| d.len() == 4)
}

/// Sorts the cards, best first; ties keep the reading order.
pub fn sort(cards: &mut [GeneratedCard]) {
    sort_by(cards, |c| c);
}

/// [`sort`] for items that hold a card.
pub fn sort_by<T>(items: &mut [T], card: impl Fn(&T) -> &GeneratedCard) {
    items.sort_by(|a, b| {
        let (a, b) = (card(a), card(b));
        b.score
            .cmp(&a.score)
            .then(a.document.cmp(&b.document))
            .then(a.line.cmp(&b.line))
            .then(a.prompt.cmp(&b.prompt))
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_nation_s_adjective_anchors_a_question() {
        assert!(names_something(
            "Qui était chef d'état-major de l'armée allemande ?",
            1
        ));
        assert!(names_something("Qui commandait la flotte britannique ?", 1));
        assert!(!names_something("Qui a signé le mandat ?", 1));
        // (adjectives that only end like one name no nation)
        assert!(!names_something("Qui dirigeait le parti politique ?", 1));
        assert!(is_a_nation_s("soviétiques") && is_a_nation_s("italienne"));
        // A cloze is anchored by a name only (« le pouvoir soviétique … en [...] »).
        let mut cloze = GeneratedCard::sample_cloze(
            "Le pouvoir soviétique n'a été définitivement établi en [...] qu'en 1920.",
            "Azerbaïdjan",
            Kind::Place,
        );
        cloze.fact_type = FactType::Place;
        let mut named = cloze.clone();
        named.prompt = "Le pouvoir soviétique n'a été établi en [...] par Lénine.".into();
        assert!(
            score(&cloze, BlockKind::Paragraph) + 12 == score(&named, BlockKind::Paragraph),
            "{} {}",
            score(&cloze, BlockKind::Paragraph),
            score(&named, BlockKind::Paragraph)
        );
        assert!(!is_a_nation_s("Allemande") && !is_a_nation_s("russes-blancs"));
    }

    #[test]
    fn vague_words_are_matched_whole() {
        let card = |prompt: &str| {
            let mut c = GeneratedCard::sample_cloze(prompt, "1893", Kind::Date);
            c.fact_type = FactType::Date;
            score(&c, BlockKind::Paragraph)
        };
        let plain = card("Henri Desgrange avait établi en [...] un record de l'heure.");
        // (« ici » is no word of « officiel »; « le premier record » names its noun)
        assert_eq!(
            card("Henri Desgrange avait établi en [...] le premier record de l'heure officiel."),
            plain
        );
        assert!(card("Henri Desgrange avait établi ici en [...] un record de l'heure.") < plain);
        assert!(card("Henri Desgrange et Géo Lefèvre arrivent : le premier, en [...], établit un record.") < plain);
    }

    #[test]
    fn a_subject_that_does_something_on_its_own_is_no_pronoun() {
        let card = |prompt: &str| {
            let mut c = GeneratedCard::sample_cloze(prompt, "Roger Ducret", Kind::Person);
            c.fact_type = FactType::Person;
            score(&c, BlockKind::Paragraph)
        };
        assert_eq!(
            card("L'escrimeur [...] gagne à lui seul trois titres."),
            card("L'escrimeur [...] gagne tout seul trois titres.")
        );
        assert!(
            card("L'escrimeur [...] lui prend trois titres.")
                < card("L'escrimeur [...] prend trois titres.")
        );
        // Named by the situation line of a document about one thing, it is anchored.
        let mut c = GeneratedCard::sample_cloze(
            "L'escrimeur [...] gagne à lui seul trois titres.",
            "Roger Ducret",
            Kind::Person,
        );
        assert_eq!(topic_credit(&c), 0);
        c.situation = "Les Jeux olympiques d'été de 1924".to_string();
        assert!(topic_credit(&c) > 0);
    }

    #[test]
    fn a_situation_anchors_the_date_of_an_unnamed_event() {
        let mut card = GeneratedCard::sample_cloze(
            "Quand le mur du son est-il franchi pour la première fois ?",
            "1er octobre 1969",
            Kind::Date,
        );
        card.kind = CardKind::QuestionAnswer;
        card.fact_type = FactType::Date;
        let alone = score(&card, BlockKind::Paragraph);
        assert!(alone < MIN_SCORE, "{alone}");
        assert_eq!(situation_credit(&card), 0);
        card.situation = "Concorde".to_string();
        assert!(alone + situation_credit(&card) >= MIN_SCORE);
        // Not a person's: « Qui a signé le mandat ? » names no mandate.
        card.answer_kind = Kind::Person;
        assert_eq!(situation_credit(&card), 0);
        // But an office in its years does.
        card.fact_type = FactType::Role;
        card.prompt = "Qui était directeur général des télécommunications de 1974 à 1981 ?".into();
        assert!(situation_credit(&card) > 0);
        card.prompt = "Qui a signé le mandat ?".into();
        assert_eq!(situation_credit(&card), 0);
    }
}
