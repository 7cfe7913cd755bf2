//! Noun phrases: finding the one a verb is about, and writing it for a question
//! (`une délégation` → `la délégation`, `Le Comité` → `le Comité`).

use super::tokens::{Token, TokenKind};

/// Determiners that open a noun phrase.
pub const DETERMINERS: &[&str] = &[
    "le", "la", "les", "l'", "un", "une", "des", "ce", "cet", "cette", "ces", "son", "sa", "ses",
    "leur", "leurs", "du", "au", "aux",
];

/// Auxiliaries and adverbs between a subject and its participle.
const AUXILIARIES: &[&str] = &[
    "était",
    "étaient",
    "fut",
    "furent",
    "est",
    "sont",
    "a",
    "ont",
    "avait",
    "avaient",
    "été",
    "sera",
    "seront",
    "serait",
    "aura",
    "officiellement",
    "rapidement",
    "finalement",
    "alors",
    "aussitôt",
    "ensuite",
    "ainsi",
    "déjà",
    "d'abord",
    "bientôt",
    "vite",
    "également",
];

/// True when a word can be part of a noun phrase (not a verb-like connector).
fn in_phrase(t: &Token<'_>) -> bool {
    match t.kind {
        TokenKind::Word => {
            let l = t.lower();
            !matches!(
                l,
                "qui"
                    | "que"
                    | "qu'"
                    | "dont"
                    | "où"
                    | "et"
                    | "ou"
                    | "mais"
                    | "car"
                    | "puis"
                    | "lorsque"
                    | "lorsqu'"
                    | "quand"
                    | "si"
                    | "il"
                    | "elle"
                    | "ils"
                    | "elles"
                    | "on"
                    | "se"
                    | "s'"
                    | "ne"
                    | "n'"
                    | "pas"
                    | "y"
            ) && !AUXILIARIES.contains(&l)
        }
        TokenKind::Number => true,
        TokenKind::Punct => matches!(t.text, "(" | ")" | "-" | "'"),
    }
}

/// The index just before the auxiliaries that precede token `v` (skipping `qui` and the
/// comma of a relative or apposed participle).
pub fn before_verb_group(tokens: &[Token<'_>], v: usize) -> Option<usize> {
    let mut i = v.checked_sub(1)?;
    let mut auxiliaries = 0;
    while AUXILIARIES.contains(&tokens[i].lower()) {
        i = i.checked_sub(1)?;
        auxiliaries += 1;
    }
    if tokens[i].lower() == "qui" {
        i = i.checked_sub(1)?;
        auxiliaries = 0;
    }
    if tokens[i].text == "," {
        // `NP, présidé par` or `X, qui a été remplacé par`; but in `NP, …, avait été
        // colonisé par` the subject lies before the remarks: give up.
        if auxiliaries > 0 {
            return None;
        }
        i = i.checked_sub(1)?;
    }
    Some(i)
}

/// The noun phrase ending at token `last`: back to its determiner, or a proper name on its
/// own. Returns the index of its first token.
pub fn start_of_phrase(tokens: &[Token<'_>], last: usize) -> Option<usize> {
    if tokens[last].is_capitalised() {
        let prev = last.checked_sub(1).map(|p| tokens[p].lower());
        let after_article =
            prev.is_some_and(|p| DETERMINERS.contains(&p) || matches!(p, "de" | "d'"));
        if !after_article {
            let mut i = last;
            while i > 0 && (tokens[i - 1].is_capitalised() || tokens[i - 1].text == ".") {
                i -= 1;
            }
            while i < last && super::names::FUNCTION_CAPS.contains(&tokens[i].lower()) {
                i += 1;
            }
            // `le musée Guimet`: the name qualifies a noun; the phrase is the noun's.
            let qualifies = i > 0
                && tokens[i - 1].kind == TokenKind::Word
                && tokens[i - 1].text.starts_with(char::is_lowercase)
                && !super::names::FUNCTION_CAPS.contains(&tokens[i - 1].lower())
                && !AUXILIARIES.contains(&tokens[i - 1].lower());
            if !qualifies {
                return Some(i);
            }
        }
    }
    let mut i = last;
    let mut depth = 0i32;
    let mut words = 0;
    // `du`/`des` may be a complement (`Congrès des Soviets`) or the determiner: keep going,
    // remember it, and take it when nothing better comes before.
    let mut tentative = None;
    loop {
        let t = &tokens[i];
        match t.text {
            ")" => depth += 1,
            "(" => depth -= 1,
            _ => {}
        }
        if depth == 0 && !matches!(t.text, "(" | ")") {
            let l = t.lower();
            let after_de = i > 0 && matches!(tokens[i - 1].lower(), "de" | "à");
            if t.kind == TokenKind::Word && is_determiner(t) && words > 0 {
                if matches!(l, "du" | "des" | "au" | "aux")
                    || (after_de && matches!(l, "la" | "l'" | "les"))
                {
                    tentative = Some(i);
                } else {
                    return Some(i);
                }
            } else if !in_phrase(t) {
                return tentative;
            } else if tentative.is_some()
                && (matches!(l, "être" | "avoir")
                    || ((l.ends_with("er") || l.ends_with("ir"))
                        && i > 0
                        && matches!(tokens[i - 1].lower(), "de" | "d'" | "à")))
            {
                // Too far from the complement: `fiers des troupes` is not one phrase.
                return tentative;
            }
            if t.kind == TokenKind::Word {
                words += 1;
            }
        }
        if words > 14 || i == 0 {
            return tentative;
        }
        i -= 1;
    }
}

pub(crate) fn is_determiner(t: &Token<'_>) -> bool {
    DETERMINERS.contains(&t.lower())
}

/// Writes the phrase `tokens[first..=last]` of sentence `s` for use inside a question:
/// parenthetical remarks dropped, the indefinite article made definite, a capital at the
/// start of the sentence lowered.
pub fn for_question(s: &str, tokens: &[Token<'_>], first: usize, last: usize) -> String {
    let mut out = String::new();
    let mut depth = 0;
    let mut prev_end = tokens[first].start;
    for (k, t) in tokens.iter().enumerate().take(last + 1).skip(first) {
        if t.text == "(" {
            depth += 1;
            continue;
        }
        if t.text == ")" {
            depth -= 1;
            prev_end = t.end;
            continue;
        }
        if depth > 0 {
            continue;
        }
        let gap = &s[prev_end..t.start];
        if !out.is_empty() && !gap.is_empty() {
            out.push(' ');
        }
        let mut word = t.text.to_string();
        if k == first && t.kind == TokenKind::Word {
            let l = t.lower();
            word = match l {
                "un" | "le" => "le".into(),
                "une" | "la" => "la".into(),
                "des" | "les" => "les".into(),
                "du" | "au" => "le".into(),
                "aux" => "les".into(),
                "ce" | "cet" | "cette" | "ces" | "l'" => l.to_string(),
                _ => t.text.to_string(),
            };
        }
        out.push_str(&word);
        prev_end = t.end;
    }
    elide(&out)
}

/// `le Ispolkom` → `l'Ispolkom`, `de le` → `du`, `de les` → `des`, `à le` → `au`.
pub fn elide(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let words: Vec<&str> = text.split(' ').collect();
    let mut i = 0;
    while i < words.len() {
        let w = words[i];
        let next = words.get(i + 1).copied().unwrap_or("");
        // Roman ordinals (`le Ier Congrès`, `le IIe`) and `h` (often aspirated) keep the article.
        let roman = next.starts_with('I')
            && next
                .chars()
                .nth(1)
                .is_some_and(|c| matches!(c, 'I' | 'V' | 'X' | 'e'))
            || next == "Ier";
        let vowel =
            !roman && next.starts_with(|c: char| "aeiouyâàéèêëîïôûAEIOUYÂÀÉÈÊËÎÏÔÛ".contains(c));
        let joined = match (w, next) {
            ("de", "le") => Some("du"),
            ("de", "les") => Some("des"),
            ("à", "le") => Some("au"),
            ("à", "les") => Some("aux"),
            _ => None,
        };
        if let Some(j) = joined {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(j);
            i += 2;
            continue;
        }
        if !out.is_empty() && !out.ends_with('\'') {
            out.push(' ');
        }
        if vowel && matches!(w, "le" | "la" | "de" | "que" | "ce") {
            match w {
                "ce" => out.push_str("cet"),
                "que" => out.push_str("qu'"),
                _ => {
                    out.push_str(&w[..1]);
                    out.push('\'');
                }
            }
        } else {
            out.push_str(w);
        }
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::tokens::tokenize;
    use super::*;

    #[test]
    fn phrase_before_a_passive() {
        let s = "Le Comité militaro-révolutionnaire était présidé par Pavel Lazimir.";
        let t = tokenize(s);
        let v = t.iter().position(|x| x.text == "présidé").unwrap();
        let last = before_verb_group(&t, v).unwrap();
        let first = start_of_phrase(&t, last).unwrap();
        assert_eq!(
            for_question(s, &t, first, last),
            "le Comité militaro-révolutionnaire"
        );

        let s = "Trotsky salue les troupes de Poulkovo, commandées par le colonel Walden.";
        let t = tokenize(s);
        let v = t.iter().position(|x| x.text == "commandées").unwrap();
        let last = before_verb_group(&t, v).unwrap();
        let first = start_of_phrase(&t, last).unwrap();
        assert_eq!(for_question(s, &t, first, last), "les troupes de Poulkovo");

        let s = "Puis Kamenev, qui a été remplacé par Sverdlov, part.";
        let t = tokenize(s);
        let v = t.iter().position(|x| x.text == "remplacé").unwrap();
        let last = before_verb_group(&t, v).unwrap();
        assert_eq!(t[start_of_phrase(&t, last).unwrap()].text, "Kamenev");

        let s = "Une délégation (de dix membres) dirigée par Kamenev part.";
        let t = tokenize(s);
        let v = t.iter().position(|x| x.text == "dirigée").unwrap();
        let last = before_verb_group(&t, v).unwrap();
        let first = start_of_phrase(&t, last).unwrap();
        assert_eq!(for_question(s, &t, first, last), "la délégation");
    }

    #[test]
    fn phrase_across_brackets_and_complements() {
        let s = "Il s'agit de l'Organisation inter-districts (mejraïon) des social-démocrates unifiés, dirigée par Trotsky.";
        let t = tokenize(s);
        let v = t.iter().position(|x| x.text == "dirigée").unwrap();
        let last = before_verb_group(&t, v).unwrap();
        let first = start_of_phrase(&t, last).unwrap();
        assert_eq!(
            for_question(s, &t, first, last),
            "l'Organisation inter-districts des social-démocrates unifiés"
        );
    }

    #[test]
    fn phrase_with_complements() {
        for (s, verb, want) in [
            (
                "Le Comité central de la Garde nationale, présidé par Édouard Moreau, siège.",
                "présidé",
                "le Comité central de la Garde nationale",
            ),
            (
                "Le musée Guimet fut fondé en 1879 par Émile Guimet.",
                "fondé",
                "le musée Guimet",
            ),
            (
                "Ils ont le droit d'être fiers des troupes de Poulkovo, commandées par Walden.",
                "commandées",
                "les troupes de Poulkovo",
            ),
        ] {
            let t = tokenize(s);
            let v = t.iter().position(|x| x.text == verb).unwrap();
            let last = before_verb_group(&t, v).unwrap();
            let first = start_of_phrase(&t, last).unwrap();
            assert_eq!(for_question(s, &t, first, last), want);
        }
    }

    #[test]
    fn elision() {
        assert_eq!(elide("le Ispolkom de le Soviet"), "l'Ispolkom du Soviet");
        assert_eq!(elide("la Organisation"), "l'Organisation");
    }
}
