//! Dates in French forms: `le 25 avril`, `1er mai 1918`, `du 3 au 24 juin`,
//! `25 octobre (7 novembre) 1917`, `12 (25) octobre 1917`, `dans la nuit du 24-25 octobre`,
//! `fin avril`, `novembre 1917-mars 1918`, `en 1919`.

use super::tokens::{Token, TokenKind};

/// The French month names, lower case.
pub const MONTHS: &[&str] = &[
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];

/// Parts of a day that name a date (`la nuit du 24-25 octobre`).
const DAY_PARTS: &[&str] = &[
    "nuit",
    "matin",
    "soir",
    "soirée",
    "journée",
    "après-midi",
    "aube",
];

/// Words that make a month alone a date (`fin avril`, `début mai`).
const MONTH_QUALIFIERS: &[&str] = &["fin", "début", "mi", "courant", "mi-"];

/// Words after which a four-digit number is a year.
const YEAR_CUES: &[&str] = &[
    "entre",
    "en",
    "depuis",
    "dès",
    "vers",
    "avant",
    "après",
    "de",
    "fin",
    "début",
    "année",
    "an",
    "jusqu'en",
    "printemps",
    "été",
    "automne",
    "hiver",
    "et",
];

/// A date found in a sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DateMention {
    /// Byte offset of the date in the sentence.
    pub start: usize,
    /// Byte offset after the date.
    pub end: usize,
    /// Index of its first token.
    pub first_token: usize,
    /// Index after its last token.
    pub end_token: usize,
    /// It names a year.
    pub has_year: bool,
    /// It names a day.
    pub has_day: bool,
}

/// The number of a month (« octobre » → 10, any case), or `None`.
pub fn month_number(word: &str) -> Option<i32> {
    let lower = word.to_lowercase();
    MONTHS
        .iter()
        .position(|m| *m == lower)
        .map(|i| i as i32 + 1)
}

/// True for a month name (any case).
pub fn is_month(word: &str) -> bool {
    if !(3..=9).contains(&word.len()) {
        return false;
    }
    MONTHS.iter().any(|m| {
        m.len() == word.len()
            && word
                .chars()
                .zip(m.chars())
                .all(|(a, b)| a == b || a.to_lowercase().eq(std::iter::once(b)))
    })
}

fn is_day(t: &Token<'_>) -> bool {
    t.kind == TokenKind::Number
        && (t.text == "1er" || t.text == "1re" || t.value().is_some_and(|v| (1..=31).contains(&v)))
}

/// True for a number that reads as a year (1000 to 2100, four digits).
pub fn is_year(t: &Token<'_>) -> bool {
    t.kind == TokenKind::Number && four_digit_year(t.text).is_some()
}

/// A word of four digits that reads as a year (1000 to 2100: « 1917 »).
pub fn four_digit_year(word: &str) -> Option<u32> {
    (word.len() == 4 && word.bytes().all(|b| b.is_ascii_digit()))
        .then(|| word.parse().ok())
        .flatten()
        .filter(|y| (1000..=2100).contains(y))
}

/// True for a year of three digits (100 to 999) where only a year can stand: after a
/// month (« août 843 », « le 25 juin 841 »).
fn is_early_year(t: &Token<'_>) -> bool {
    t.kind == TokenKind::Number && early_year(t.text).is_some()
}

/// A word of three digits that can be a year (100 to 999: « 843 »).
pub fn early_year(word: &str) -> Option<u32> {
    (word.len() == 3 && word.bytes().all(|b| b.is_ascii_digit()))
        .then(|| word.parse().ok())
        .flatten()
        .filter(|y| *y >= 100)
}

/// Words after which a three-digit number is a year when a comma, a stop or a capitalised
/// word follows it (« Dès 817, », « En 855, peu avant sa mort », « en 708 à Aubert »).
const EARLY_YEAR_CUES: &[&str] = &["en", "vers", "dès", "depuis", "jusqu'en"];

fn word_is(t: Option<&Token<'_>>, set: &[&str]) -> bool {
    t.is_some_and(|t| t.kind == TokenKind::Word && set.contains(&t.lower()))
}

/// The index of the `(` matching the `)` at `close`, when everything between is part of a
/// date (numbers, months, dashes).
fn date_parens_back(tokens: &[Token<'_>], close: usize) -> Option<usize> {
    let mut i = close.checked_sub(1)?;
    loop {
        let t = &tokens[i];
        if t.text == "(" {
            return (i + 1 < close).then_some(i);
        }
        let ok = t.kind == TokenKind::Number
            || is_month(t.text)
            || matches!(t.text, "-" | "–" | "au" | "et");
        if !ok || i == 0 {
            return None;
        }
        i -= 1;
    }
}

fn date_parens_forward(tokens: &[Token<'_>], open: usize) -> Option<usize> {
    let mut i = open + 1;
    while i < tokens.len() {
        let t = &tokens[i];
        if t.text == ")" {
            return (i > open + 1).then_some(i);
        }
        let ok = t.kind == TokenKind::Number
            || is_month(t.text)
            || matches!(t.text, "-" | "–" | "au" | "et");
        if !ok {
            return None;
        }
        i += 1;
    }
    None
}

/// Finds the dates of a sentence, in order, without overlap.
pub fn find(tokens: &[Token<'_>]) -> Vec<DateMention> {
    let mut out: Vec<DateMention> = Vec::new();
    let mut m = 0;
    while m < tokens.len() {
        if tokens[m].kind == TokenKind::Word && MONTHS.contains(&tokens[m].lower()) {
            if let Some(d) = around_month(tokens, m) {
                if out.last().is_none_or(|p| p.end_token <= d.first_token) {
                    m = d.end_token;
                    out.push(d);
                    continue;
                }
            }
        } else if ((is_year(&tokens[m])
            && m > 0
            && word_is(tokens.get(m - 1), YEAR_CUES)
            && !tokens.get(m + 1).is_some_and(|n| is_unit_like(n)))
            || (is_early_year(&tokens[m])
                && m > 0
                && word_is(tokens.get(m - 1), EARLY_YEAR_CUES)
                && tokens.get(m + 1).is_none_or(|n| {
                    // (« En 930 a lieu la fondation de l'Althing »)
                    matches!(n.text, "," | "." | ";" | ")" | "à" | "au" | "a" | "ont")
                        || n.is_capitalised()
                })))
            && out.last().is_none_or(|p| p.end_token <= m)
        {
            let mut first = m;
            let mut last = m;
            // `fin 1917`, `début 1918` keep their qualifier.
            if word_is(tokens.get(m - 1), &["fin", "début"]) {
                first = m - 1;
            }
            // `de 1923 à 1940`, `entre 1879 et 1918`: a period.
            let range_word = match tokens[m - 1].lower() {
                "de" => Some("à"),
                "entre" => Some("et"),
                _ => None,
            };
            if let Some(w) = range_word {
                if word_is(tokens.get(m + 1), &[w]) && tokens.get(m + 2).is_some_and(is_year) {
                    last = m + 2;
                }
            }
            out.push(DateMention {
                start: tokens[first].start,
                end: tokens[last].end,
                first_token: first,
                end_token: last + 1,
                has_year: true,
                has_day: false,
            });
        } else if tokens[m].is_capitalised()
            && word_is(tokens.get(m + 1), &["siècle", "siècles"])
            && super::is_ordinal(tokens[m].text)
            && out.last().is_none_or(|p| p.end_token <= m)
        {
            // `au XVIe siècle`: a century (the numeral alone is asked, « siècle » stays).
            out.push(DateMention {
                start: tokens[m].start,
                end: tokens[m].end,
                first_token: m,
                end_token: m + 1,
                has_year: false,
                has_day: false,
            });
        }
        m += 1;
    }
    out
}

/// A lower-case word after a number that makes it a quantity (`1917 soldats`), not a
/// preposition or an adverb (`en 1629 après la prise`, `en 1936 sous Blum`).
fn is_unit_like(t: &Token<'_>) -> bool {
    t.kind == TokenKind::Word
        && t.text.starts_with(char::is_lowercase)
        && t.text.chars().count() > 3
        && t.text.ends_with(['s', 'x'])
        && !crate::lexicon::pos_set(t.text)
            .any(|p| p.is_function_word() || p == crate::lexicon::Pos::Adverb)
}

fn around_month(tokens: &[Token<'_>], m: usize) -> Option<DateMention> {
    let mut first = m;
    let mut has_day = false;
    let mut qualified = false;
    // `12 (25) octobre`: the old-style day in brackets.
    if first >= 2 && tokens[first - 1].text == ")" {
        if let Some(open) = date_parens_back(tokens, first - 1) {
            if open > 0 && is_day(&tokens[open - 1]) {
                first = open;
            }
        }
    }
    if first > 0 && is_day(&tokens[first - 1]) {
        first -= 1;
        has_day = true;
        // `du 3 au 24 juin`, `des 23 et 24 octobre`, `24-25 octobre`.
        if first >= 2
            && matches!(tokens[first - 1].text, "au" | "et" | "-" | "–")
            && is_day(&tokens[first - 2])
        {
            first -= 2;
        }
        // `la nuit du 24-25 octobre`.
        if first >= 3
            && word_is(tokens.get(first - 1), &["du", "des"])
            && word_is(tokens.get(first - 2), DAY_PARTS)
            && word_is(tokens.get(first - 3), &["la", "le", "l'"])
        {
            first -= 3;
        }
    } else if first > 0 && word_is(tokens.get(first - 1), MONTH_QUALIFIERS) {
        first -= 1;
        qualified = true;
    }
    let mut end = m + 1;
    if tokens.get(end).is_some_and(|t| t.text == "(") {
        if let Some(close) = date_parens_forward(tokens, end) {
            end = close + 1;
        }
    }
    let mut has_year = false;
    if tokens
        .get(end)
        .is_some_and(|t| is_year(t) || is_early_year(t))
    {
        end += 1;
        has_year = true;
        // `novembre 1917-mars 1918`.
        if tokens.get(end).is_some_and(|t| matches!(t.text, "-" | "–"))
            && tokens.get(end + 1).is_some_and(|t| is_month(t.text))
            && tokens.get(end + 2).is_some_and(is_year)
        {
            end += 3;
        }
    }
    let after_en = m > 0 && word_is(tokens.get(m - 1), &["en", "de", "d'", "depuis", "dès"]);
    if !(has_day || has_year || qualified || after_en) {
        return None;
    }
    Some(DateMention {
        start: tokens[first].start,
        end: tokens[end - 1].end,
        first_token: first,
        end_token: end,
        has_year,
        has_day,
    })
}

/// `Quand … ?` for a date told by a passive or reflexive verb: `NP fut créé le DATE`,
/// `DATE, NP fut dissous`, `NP s'est tenu du DATE`, `NP qui s'est ouvert … le DATE`.
pub fn question(s: &str, tokens: &[Token<'_>], d: &DateMention) -> Option<String> {
    use super::phrases::{elide, for_question, start_of_phrase};
    let date_leads = d.first_token <= 2 && tokens.get(d.end_token).is_some_and(|t| t.text == ",");
    let search_from = if date_leads { d.end_token + 1 } else { 0 };
    let search_to = if date_leads {
        tokens.len()
    } else {
        d.first_token
    };
    let mut aux = None;
    // The verb nearest the date: `… est franchi le 1er octobre 1969, et Mach 2 est atteint
    // le 4 novembre 1970` asks about Mach 2 for the second date.
    let order: Vec<usize> = if date_leads {
        (search_from..search_to).collect()
    } else {
        (search_from..search_to).rev().collect()
    };
    for k in order {
        let l = tokens[k].lower();
        let (form, len) = match l {
            // `s'est` is read from its `s'`.
            "fut" | "furent" | "est" | "sont" | "était"
                if !(k > 0 && tokens[k - 1].lower() == "s'") =>
            {
                (l.to_string(), 1)
            }
            "a" | "ont" | "avait" if tokens.get(k + 1).is_some_and(|t| t.lower() == "été") => {
                (l.to_string(), 2)
            }
            "s'" if tokens
                .get(k + 1)
                .is_some_and(|t| matches!(t.lower(), "est" | "était")) =>
            {
                (format!("s'{}", tokens[k + 1].lower()), 2)
            }
            _ => continue,
        };
        let mut p = k + len;
        while tokens
            .get(p)
            .is_some_and(|t| t.lower().ends_with("ment") && t.kind == TokenKind::Word)
        {
            p += 1;
        }
        if tokens.get(p).is_some_and(|t| is_participle(t.text)) {
            aux = Some((k, form, len, p));
            break;
        }
    }
    let (k, form, len, participle) = aux?;
    // The subject: after the leading date, or the phrase before the auxiliary.
    let (first, last) = if date_leads {
        (d.end_token + 1, k.checked_sub(1)?)
    } else if k >= 2 && tokens[k - 1].lower() == "qui" {
        let last = k - 2;
        (start_of_phrase(tokens, last)?, last)
    } else {
        (0, k.checked_sub(1)?)
    };
    if first > last || last - first > 14 {
        return None;
    }
    let subject_tokens = &tokens[first..=last];
    let mut depth = 0;
    for t in subject_tokens {
        match t.text {
            "(" => depth += 1,
            ")" => depth -= 1,
            "," | ";" | ":" if depth == 0 => return None,
            _ => {}
        }
    }
    let head = tokens[first].lower();
    if !(super::phrases::DETERMINERS.contains(&head) || tokens[first].is_capitalised())
        || super::names::FUNCTION_CAPS.contains(&head)
            && !super::phrases::DETERMINERS.contains(&head)
    {
        return None;
    }
    if matches!(head, "ce" | "cet" | "cette" | "ces") {
        return None;
    }
    if tokens[first..participle]
        .iter()
        .any(|t| matches!(t.lower(), "n'" | "ne"))
    {
        return None;
    }
    let subject = for_question(s, tokens, first, last);
    let p = tokens[participle].lower();
    // A participle agrees with its subject: a final `e` is feminine (`créée`, `choisie`,
    // `tenue`, `ouverte`), a final `es` feminine plural.
    let pronoun = if p.ends_with("es") {
        "elles"
    } else if p.ends_with("és")
        || p.ends_with("us") && !p.ends_with("ous")
        || matches!(head, "les" | "des")
    {
        "ils"
    } else if p.ends_with('e') || matches!(head, "la" | "une" | "cette") {
        "elle"
    } else {
        "il"
    };
    let verb = match form.as_str() {
        "a" | "avait" => format!("{form}-t-{pronoun} été"),
        "ont" => format!("ont-{pronoun} été"),
        other => format!("{other}-{pronoun}"),
    };
    let verb = if verb.starts_with("a-t-") {
        verb
    } else {
        verb.replace("-t-", "-")
    };
    // Adverbs, the participle and what follows it up to the date or the clause's end.
    let middle_end = if date_leads {
        super::people::clause_end(tokens, participle)
    } else {
        d.first_token
    };
    let mut middle_end = middle_end.min(super::people::clause_end(tokens, participle));
    // Drop the preposition that introduces the date (`le`, `du`, `en`, `dans`).
    while middle_end > participle + 1
        && matches!(
            tokens[middle_end - 1].lower(),
            "le" | "du" | "en" | "dans" | "au" | "des" | "à" | "depuis" | "dès" | "vers"
        )
    {
        middle_end -= 1;
    }
    let middle = &s[tokens[k + len].start..tokens[middle_end - 1].end];
    if middle.contains(['(', ')']) {
        return None;
    }
    // The question must not tell another date: it would ask about that one.
    let other_date = tokens[k + len..middle_end]
        .iter()
        .any(|t| is_month(t.text) || t.value().is_some_and(|v| (1000..=2100).contains(&v)));
    if other_date {
        return None;
    }
    Some(elide(&format!("Quand {subject} {verb} {middle} ?")))
}

/// A past participle by its ending (`créé`, `dissous`, `tenu`, `ouvert`, `réuni`).
fn is_participle(word: &str) -> bool {
    let w = word.to_lowercase();
    word.chars().count() > 2
        && [
            "é", "ée", "és", "ées", "i", "ie", "is", "ies", "u", "ue", "us", "ues", "ert", "erte",
            "ous", "oute", "ait", "aite", "int", "inte",
        ]
        .iter()
        .any(|e| w.ends_with(e))
}

#[cfg(test)]
mod tests {
    use super::super::tokens::tokenize;
    use super::*;

    fn dates(s: &str) -> Vec<&str> {
        let t = tokenize(s);
        find(&t).iter().map(|d| &s[d.start..d.end]).collect()
    }

    #[test]
    fn french_date_forms() {
        assert_eq!(dates("ils décident le 25 avril de créer"), vec!["25 avril"]);
        assert_eq!(
            dates("une déclaration du 1er mai 1918, le Soviet"),
            vec!["1er mai 1918"]
        );
        assert_eq!(
            dates("s'est tenu du 3 au 24 juin (16 juin – 7 juillet) 1917 à Petrograd"),
            vec!["3 au 24 juin (16 juin – 7 juillet) 1917"]
        );
        assert_eq!(
            dates("ouvert le 25 octobre (7 novembre) 1917 à 22h45"),
            vec!["25 octobre (7 novembre) 1917"]
        );
        assert_eq!(
            dates("fut créé le 12 (25) octobre 1917."),
            vec!["12 (25) octobre 1917"]
        );
        assert_eq!(
            dates("a lieu dans la nuit du 24-25 octobre."),
            vec!["la nuit du 24-25 octobre"]
        );
        assert_eq!(dates("Fin avril, les troupes"), vec!["Fin avril"]);
        assert_eq!(dates("En 1919, lorsque"), vec!["1919"]);
        // Years of three digits, where only a year can stand.
        assert_eq!(
            dates("un accord conclu en août 843 à Verdun ; Dès 817, l'Ordinatio ; le 25 juin 841, ils"),
            vec!["août 843", "817", "25 juin 841"]
        );
        assert_eq!(dates("En 855, peu avant sa mort"), vec!["855"]);
        assert_eq!(dates("En 930 a lieu la fondation"), vec!["930"]);
        assert!(dates("une garnison de 119 chevaliers, en 120 jours").is_empty());
        assert_eq!(
            dates("(novembre 1917-mars 1918 ; première)"),
            vec!["novembre 1917-mars 1918"]
        );
        assert_eq!(
            dates("les réunions des 23 et 24 octobre."),
            vec!["23 et 24 octobre"]
        );
        assert_eq!(dates("en juillet."), vec!["juillet"]);
    }

    fn when(s: &str) -> Option<String> {
        let t = tokenize(s);
        let d = find(&t);
        question(s, &t, d.first()?)
    }

    #[test]
    fn when_questions() {
        assert_eq!(
            when("Le Comité militaire révolutionnaire (Voyenno-revoljutsionnyi Komitet, VRK) du Soviet de Petrograd fut créé le 12 (25) octobre 1917.").as_deref(),
            Some("Quand le Comité militaire révolutionnaire du Soviet de Petrograd fut-il créé ?")
        );
        assert_eq!(
            when("Le 5 (18) décembre 1917, le CMR fut officiellement dissous.").as_deref(),
            Some("Quand le CMR fut-il officiellement dissous ?")
        );
        assert_eq!(
            when("Le Ier Congrès des Soviets s'est tenu du 3 au 24 juin (16 juin – 7 juillet) 1917 à Petrograd.").as_deref(),
            Some("Quand le Ier Congrès des Soviets s'est-il tenu ?")
        );
        assert_eq!(
            when("Il s'agit du IIe Congrès des Soviets qui s'est ouvert à Petrograd le 25 octobre (7 novembre) 1917 à 22h45.").as_deref(),
            Some("Quand le IIe Congrès des Soviets s'est-il ouvert à Petrograd ?")
        );
        assert_eq!(
            when("Le 9 octobre, les Soviétiques envisagèrent la création d'un comité."),
            None
        );
        // The participle tells the subject's gender.
        assert_eq!(
            when("Paris fut choisie en 1921, lors de la session réunie à Lausanne.").as_deref(),
            Some("Quand Paris fut-elle choisie ?")
        );
        // The verb nearest the date, and no other date in the question.
        let s = "Le mur du son est franchi le 1er octobre 1969, et Mach 2 est atteint le 4 novembre 1970.";
        let t = tokenize(s);
        let d = find(&t);
        assert_eq!(
            question(s, &t, &d[0]).as_deref(),
            Some("Quand le mur du son est-il franchi ?")
        );
        assert_eq!(question(s, &t, &d[1]), None);
        let s = "Le canal est inauguré en mai 1681 et ouvert à la navigation le 15 mai 1681.";
        let t = tokenize(s);
        let d = find(&t);
        assert_eq!(d.len(), 2);
        assert_eq!(question(s, &t, &d[1]), None);
    }

    #[test]
    fn not_dates() {
        assert!(dates("avec 1090 délégués").is_empty());
        assert!(dates("Paris, 1934, pp. 24-35").is_empty());
        assert!(dates("le mai est vert").is_empty());
    }
}
