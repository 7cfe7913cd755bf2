//! Organisations and their other names: `Comité militaire révolutionnaire` = `Milrevcom`
//! = `VRK`; `(abrégé en Sovnarkom)`, `également appelé Milrevcom`.

use super::phrases::elide;
use super::tokens::{Token, TokenKind};
use super::{Fact, FactType, Kind};

/// Capitalised nouns that head an organisation's name.
pub const KEYWORDS: &[&str] = &[
    "comité",
    "conseil",
    "soviet",
    "parti",
    "congrès",
    "gouvernement",
    "assemblée",
    "organisation",
    "syndicat",
    "commission",
    "armée",
    "armées",
    "garde",
    "douma",
    "institut",
    "union",
    "fédération",
    "ligue",
    "ministère",
    "bureau",
    "section",
    "commissariat",
    "présidium",
    "tribunal",
    "cour",
    "chambre",
    "sénat",
    "académie",
    "université",
    "société",
    "association",
    "compagnie",
    "banque",
    "église",
    "confédération",
    "internationale",
    "flotte",
    "division",
    "brigade",
    "club",
    "fondation",
    "observatoire",
    "laboratoire",
    "agence",
    "office",
    "direction",
    "tcheka",
    "cabinet",
    "conférence",
    "convention",
    "régiment",
    "front",
    "mouvement",
    "groupe",
    "sovnarkom",
    "corporation",
    "company",
    "airways",
    "airlines",
    "aviation",
    "air",
    "railways",
    "entreprise",
];

/// Lower-case nouns that may follow `des`/`du` inside an institution's name
/// (`Conseil des commissaires du peuple`).
const INSTITUTION_NOUNS: &[&str] = &[
    "commissaires",
    "députés",
    "soviets",
    "soldats",
    "ouvriers",
    "paysans",
    "peuple",
    "travailleurs",
    "cheminots",
    "affaires",
    "ministres",
    "nations",
    "représentants",
];

/// Endings of adjectives that qualify an institution (`militaire`, `exécutif`, `central`).
const ADJECTIVE_ENDINGS: &[&str] = &[
    "aire", "if", "ive", "al", "ale", "aux", "el", "elle", "ique", "iste", "ien", "ienne", "ais",
    "aise", "ois", "oise", "ier", "ière", "ante", "ente", "ale", "aire", "ik", "iks", "oire",
];

fn is_adjective(word: &str) -> bool {
    let w = word.to_lowercase();
    word.starts_with(char::is_lowercase)
        && w.chars().count() > 3
        && (ADJECTIVE_ENDINGS.iter().any(|e| w.ends_with(e)) || w.contains('-'))
}

/// If an organisation's name starts at token `i`, the index after it.
pub fn chunk_at(tokens: &[Token<'_>], i: usize) -> Option<usize> {
    let t = tokens.get(i)?;
    if t.is_acronym() {
        return Some(i + 1);
    }
    if !t.is_capitalised() || !KEYWORDS.contains(&t.lower()) {
        return None;
    }
    let mut end = i + 1;
    let mut k = i + 1;
    while k < tokens.len() && k - i <= 9 {
        let w = &tokens[k];
        if w.kind != TokenKind::Word {
            break;
        }
        let l = w.lower();
        if is_adjective(w.text) || (w.is_capitalised() && !KEYWORDS.contains(&l) && k == end) {
            k += 1;
            end = k;
            continue;
        }
        if matches!(l, "de" | "des" | "du" | "d'") {
            let next = tokens.get(k + 1);
            let next2 = tokens.get(k + 2);
            if next.is_some_and(|n| n.is_capitalised() && !super::dates::is_month(n.text)) {
                k += 2;
                end = k;
                continue;
            }
            if next.is_some_and(|n| n.lower() == "la" || n.lower() == "l'")
                && next2.is_some_and(|n| n.is_capitalised())
            {
                k += 3;
                end = k;
                continue;
            }
            if next.is_some_and(|n| INSTITUTION_NOUNS.contains(&n.lower())) {
                k += 2;
                end = k;
                continue;
            }
            // « Société nationale de protection de la nature »: after an adjective, a
            // body's name goes on with the common nouns of what it does.
            let common_noun = |t: Option<&Token<'_>>| {
                t.is_some_and(|n| {
                    n.kind == TokenKind::Word
                        && n.text.starts_with(char::is_lowercase)
                        && crate::lexicon::Lexicon::get()
                            .lookup(n.lower())
                            .next()
                            .is_some_and(|a| a.pos == crate::lexicon::Pos::Noun)
                })
            };
            let after_adjective = end > i + 1 && is_adjective(tokens[end - 1].text);
            if after_adjective || (end > i + 2 && common_noun(tokens.get(end - 1))) {
                if common_noun(next) {
                    k += 2;
                    end = k;
                    continue;
                }
                if next.is_some_and(|n| matches!(n.lower(), "la" | "l'")) && common_noun(next2) {
                    k += 3;
                    end = k;
                    continue;
                }
            }
        }
        break;
    }
    Some(end)
}

/// Organisations named in a sentence: `(first token, end token)`.
pub fn find(tokens: &[Token<'_>]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        match chunk_at(tokens, i) {
            Some(end) if end > i + 1 || tokens[i].is_acronym() => {
                out.push((i, end));
                i = end;
            }
            _ => i += 1,
        }
    }
    out
}

/// The article written before the organisation in the sentence, for the question.
fn article_before(tokens: &[Token<'_>], first: usize) -> &'static str {
    match first.checked_sub(1).map(|p| tokens[p].lower()) {
        Some("la") => "la",
        Some("les" | "des" | "aux") => "les",
        Some("l'") => "l'",
        _ => "le",
    }
}

/// Other names given to an organisation: `ORG (Sovnarkom)`, `ORG (… , VRK)`,
/// `ORG, également appelé Milrevcom`, `ORG (…, abrégé en Sovnarkom)`.
pub fn aliases(s: &str, tokens: &[Token<'_>], orgs: &[(usize, usize)], out: &mut Vec<Fact>) {
    for &(first, end) in orgs {
        if tokens[first].is_acronym() || end - first < 2 {
            continue;
        }
        let org = &s[tokens[first].start..tokens[end - 1].end];
        let mut alias: Option<(usize, usize)> = None;
        if tokens.get(end).is_some_and(|t| t.text == "(") {
            let close = tokens[end..]
                .iter()
                .position(|t| t.text == ")")
                .map(|p| end + p);
            if let Some(close) = close {
                let inner = &tokens[end + 1..close];
                // `(abrégé en X)` or `(…, X)` or `(X)`.
                let pick = if let Some(p) = inner
                    .iter()
                    .position(|t| matches!(t.lower(), "abrégé" | "abrégée"))
                {
                    inner
                        .get(p + 2)
                        .filter(|_| inner.get(p + 1).is_some_and(|t| t.lower() == "en"))
                        .cloned()
                } else if let Some(p) = inner.iter().rposition(|t| t.text == ",") {
                    inner
                        .get(p + 1)
                        .filter(|t| t.is_acronym() && p + 2 == inner.len())
                        .cloned()
                } else if inner.len() == 1 {
                    Some(inner[0].clone())
                } else {
                    None
                };
                if let Some(t) =
                    pick.filter(|t| t.kind == TokenKind::Word && t.text.chars().count() >= 2)
                {
                    alias = Some((t.start, t.end));
                }
            }
        }
        if alias.is_none() {
            // `ORG (…), également appelé X`
            let mut k = end;
            if tokens.get(k).is_some_and(|t| t.text == "(") {
                k = tokens[k..]
                    .iter()
                    .position(|t| t.text == ")")
                    .map_or(k, |p| k + p + 1);
            }
            if tokens.get(k).is_some_and(|t| t.text == ",") {
                k += 1;
            }
            if tokens
                .get(k)
                .is_some_and(|t| matches!(t.lower(), "également" | "aussi"))
            {
                k += 1;
            }
            let called = tokens.get(k).is_some_and(|t| {
                matches!(
                    t.lower(),
                    "appelé" | "appelée" | "surnommé" | "surnommée" | "dit" | "dite"
                )
            });
            if called {
                if let Some(t) = tokens.get(k + 1).filter(|t| t.is_capitalised()) {
                    alias = Some((t.start, t.end));
                }
            }
        }
        let Some((a, b)) = alias else { continue };
        if s[a..b].eq_ignore_ascii_case(org) {
            continue;
        }
        let is_acronym = s[a..b].chars().filter(|c| c.is_uppercase()).count() >= 2
            && !s[a..b].chars().any(char::is_lowercase);
        let named = elide(&format!("{} {org}", article_before(tokens, first)));
        let question = if is_acronym {
            format!("Quel sigle désigne {named} ?")
        } else {
            format!("Sous quel autre nom connaît-on {named} ?")
        };
        out.push(Fact {
            fact_type: FactType::Alias,
            answer: (a, b),
            kind: Kind::Organisation,
            question: Some(question),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::super::tokens::tokenize;
    use super::*;

    fn orgs(s: &str) -> Vec<&str> {
        let t = tokenize(s);
        find(&t)
            .iter()
            .map(|&(a, b)| &s[t[a].start..t[b - 1].end])
            .collect()
    }

    fn alias_questions(s: &str) -> Vec<(String, String)> {
        let t = tokenize(s);
        let o = find(&t);
        let mut out = Vec::new();
        aliases(s, &t, &o, &mut out);
        out.iter()
            .map(|f| {
                (
                    f.question.clone().unwrap(),
                    s[f.answer.0..f.answer.1].to_string(),
                )
            })
            .collect()
    }

    #[test]
    fn a_body_s_name_goes_on_with_the_nouns_of_what_it_does() {
        let s = "Elle est fondée par la Société nationale de protection de la nature en 1927.";
        let t = crate::facts::tokens::tokenize(s);
        let found: Vec<&str> = find(&t)
            .iter()
            .map(|&(a, b)| &s[t[a].start..t[b - 1].end])
            .collect();
        assert_eq!(found, ["Société nationale de protection de la nature"]);
        // Without an adjective first, « de » and a common noun end it.
        let s = "Le Comité de grève se réunit.";
        let t = crate::facts::tokens::tokenize(s);
        assert!(find(&t).is_empty(), "{:?}", find(&t));
    }

    #[test]
    fn organisation_names() {
        assert_eq!(
            orgs("Le Comité militaire révolutionnaire du Soviet de Petrograd fut créé."),
            vec!["Comité militaire révolutionnaire du Soviet de Petrograd"]
        );
        assert_eq!(
            orgs("le Conseil des Commissaires du Peuple et le CMR"),
            vec!["Conseil des Commissaires du Peuple", "CMR"]
        );
        assert_eq!(
            orgs("le Comité central bolchévik travaille"),
            vec!["Comité central bolchévik"]
        );
    }

    #[test]
    fn other_names() {
        assert_eq!(
            alias_questions("créant le Comité Révolutionnaire militaire (Voenno-Revoliutsionnyi Komitet), également appelé Milrevcom ou Comité militaire."),
            vec![("Sous quel autre nom connaît-on le Comité Révolutionnaire militaire ?".to_string(), "Milrevcom".to_string())]
        );

        assert_eq!(
            alias_questions("le Conseil des Commissaires du Peuple (Narodnykh Komissarov soviétique, abrégé en Sovnarkom) jusqu'à"),
            vec![("Sous quel autre nom connaît-on le Conseil des Commissaires du Peuple ?".to_string(), "Sovnarkom".to_string())]
        );
        assert_eq!(
            alias_questions("Le Comité militaire révolutionnaire (Voyenno-revoljutsionnyi Komitet, VRK) fut créé."),
            vec![("Quel sigle désigne le Comité militaire révolutionnaire ?".to_string(), "VRK".to_string())]
        );
    }
}
