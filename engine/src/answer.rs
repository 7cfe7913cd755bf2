//! Checking a typed answer: tolerant of case, accents, punctuation and one typo.

use heapless::Vec;

/// How close a typed answer is to the expected one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub enum AnswerMatch {
    /// The same answer, up to case, accents, punctuation, spacing and a leading article.
    Correct,
    /// One typo away (a letter missing, extra, wrong or two swapped) in an answer of at least
    /// five letters: probably known, shown so the learner can decide.
    Close,
    /// Something else.
    Wrong,
}

/// Longest normalised answer compared letter by letter; the rest must match exactly.
const MAX_CHARS: usize = 96;

/// Compares a typed answer with the expected one. A person written with initials
/// (« A. Karinian », « G. V. Tchitcherine ») is also answered by the surname alone.
pub fn check_answer(expected: &str, given: &str) -> AnswerMatch {
    let whole = check_whole(expected, given);
    match without_initials(expected) {
        Some(surname) if whole != AnswerMatch::Correct => {
            let by_surname = check_whole(surname, given);
            match (whole, by_surname) {
                (_, AnswerMatch::Correct) => AnswerMatch::Correct,
                (AnswerMatch::Close, _) | (_, AnswerMatch::Close) => AnswerMatch::Close,
                _ => AnswerMatch::Wrong,
            }
        }
        _ => whole,
    }
}

/// The name after its leading initials (`A. Karinian` → `Karinian`), if it has some.
fn without_initials(name: &str) -> Option<&str> {
    let mut rest = name.trim_start();
    let mut found = false;
    loop {
        let mut chars = rest.chars();
        match (chars.next(), chars.next()) {
            (Some(c), Some('.')) if c.is_uppercase() => {
                rest = rest[c.len_utf8() + 1..].trim_start_matches(['-', ' ']);
                found = true;
            }
            _ => break,
        }
    }
    (found && rest.chars().count() >= 2).then_some(rest)
}

fn check_whole(expected: &str, given: &str) -> AnswerMatch {
    let mut a: Vec<char, MAX_CHARS> = Vec::new();
    let mut b: Vec<char, MAX_CHARS> = Vec::new();
    let a_fits = normalize(expected, &mut a);
    let b_fits = normalize(given, &mut b);
    if a.is_empty() {
        return if b.is_empty() {
            AnswerMatch::Correct
        } else {
            AnswerMatch::Wrong
        };
    }
    if a_fits && b_fits {
        if a == b {
            return AnswerMatch::Correct;
        }
        if a.len() >= 5 && within_one_edit(&a, &b) {
            return AnswerMatch::Close;
        }
        return AnswerMatch::Wrong;
    }
    // Too long to buffer: compare the normalised streams exactly.
    if folded(expected).eq(folded(given)) {
        AnswerMatch::Correct
    } else {
        AnswerMatch::Wrong
    }
}

/// Folds case and accents (French and other Latin-1 letters), drops everything that is
/// neither a letter nor a digit.
fn folded(s: &str) -> impl Iterator<Item = char> + '_ {
    s.chars()
        .flat_map(fold_char)
        .filter(|c| c.is_alphanumeric())
}

fn fold_char(c: char) -> impl Iterator<Item = char> {
    let (first, second) = match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' => {
            ('a', None)
        }
        'ç' | 'Ç' => ('c', None),
        'è' | 'é' | 'ê' | 'ë' | 'È' | 'É' | 'Ê' | 'Ë' => ('e', None),
        'ì' | 'í' | 'î' | 'ï' | 'Ì' | 'Í' | 'Î' | 'Ï' => ('i', None),
        'ñ' | 'Ñ' => ('n', None),
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' => {
            ('o', None)
        }
        'ù' | 'ú' | 'û' | 'ü' | 'Ù' | 'Ú' | 'Û' | 'Ü' => ('u', None),
        'ý' | 'ÿ' | 'Ý' | 'Ÿ' => ('y', None),
        'œ' | 'Œ' => ('o', Some('e')),
        'æ' | 'Æ' => ('a', Some('e')),
        'ß' => ('s', Some('s')),
        _ => (c.to_lowercase().next().unwrap_or(c), None),
    };
    core::iter::once(first).chain(second)
}

/// Normalises into `out`; a leading French article (le, la, les, l', un, une, des, du) is
/// dropped. Returns `false` if the answer did not fit.
fn normalize(s: &str, out: &mut Vec<char, MAX_CHARS>) -> bool {
    let trimmed = s.trim_start();
    let mut rest = trimmed;
    for article in [
        "le ", "la ", "les ", "l'", "l’", "un ", "une ", "des ", "du ",
    ] {
        if let Some(head) = trimmed.get(..article.len()) {
            if head.eq_ignore_ascii_case(article) && trimmed.len() > article.len() {
                rest = &trimmed[article.len()..];
                break;
            }
        }
    }
    for c in folded(rest) {
        if out.push(c).is_err() {
            return false;
        }
    }
    true
}

/// Damerau–Levenshtein distance ≤ 1 (one insertion, deletion, substitution or swap).
fn within_one_edit(a: &[char], b: &[char]) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if long.len() - short.len() > 1 {
        return false;
    }
    let prefix = short.iter().zip(long).take_while(|(x, y)| x == y).count();
    if short.len() == long.len() {
        if prefix == short.len() {
            return true;
        }
        // Substitution, or a swap of two neighbours.
        let after = prefix + 1;
        short[after..] == long[after..]
            || (after < short.len()
                && short[prefix] == long[after]
                && short[after] == long[prefix]
                && short[after + 1..] == long[after + 1..])
    } else {
        short[prefix..] == long[prefix + 1..]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use AnswerMatch::*;

    #[test]
    fn tolerant_of_case_accents_punctuation_and_articles() {
        assert_eq!(check_answer("Kérenski", "kerenski"), Correct);
        assert_eq!(check_answer("1 500 hommes", "1500 hommes"), Correct);
        assert_eq!(check_answer("le 25 avril", "25 avril"), Correct);
        assert_eq!(
            check_answer(
                "Comité militaire révolutionnaire",
                "comite militaire revolutionnaire."
            ),
            Correct
        );
        assert_eq!(check_answer("L'Ispolkom", "ispolkom"), Correct);
        assert_eq!(check_answer("Œuvre", "oeuvre"), Correct);
        assert_eq!(check_answer("Smolny", "  SMOLNY!  "), Correct);
    }

    #[test]
    fn one_typo_in_longer_answers_is_close() {
        assert_eq!(check_answer("Chahoumian", "Chahoumain"), Close); // swap
        assert_eq!(check_answer("Chahoumian", "Chaoumian"), Close); // missing
        assert_eq!(check_answer("Chahoumian", "Chahhoumian"), Close); // extra
        assert_eq!(check_answer("Chahoumian", "Chahoumiam"), Close); // wrong
        assert_eq!(check_answer("Chahoumian", "Chaumian"), Wrong); // two
        assert_eq!(check_answer("Bakou", "Bakuo"), Close);
        assert_eq!(check_answer("1918", "1917"), Wrong); // short answers must be exact
        assert_eq!(check_answer("Lénine", "Trotsky"), Wrong);
        assert_eq!(check_answer("Lénine", ""), Wrong);
    }

    #[test]
    fn a_surname_answers_a_name_with_initials() {
        assert_eq!(check_answer("A. Karinian", "Karinian"), Correct);
        assert_eq!(check_answer("A. Karinian", "a. karinian"), Correct);
        assert_eq!(check_answer("G. V. Tchitcherine", "Tchitcherine"), Correct);
        assert_eq!(check_answer("A. Karinian", "Karinain"), Close);
        assert_eq!(check_answer("A. Karinian", "Korganov"), Wrong);
        assert_eq!(check_answer("A.", "A"), Correct);
        assert_eq!(check_answer("Karinian", "B. Karinian"), Close);
    }

    #[test]
    fn long_answers_compare_exactly() {
        let long = "a".repeat(200);
        assert_eq!(check_answer(&long, &long.to_uppercase()), Correct);
        assert_eq!(check_answer(&long, &"a".repeat(199)), Wrong);
    }
}
