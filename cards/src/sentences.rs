//! French sentence splitting.
//!
//! A sentence ends at `.`, `?`, `!` or `...` followed by a space and a capital, a digit, a
//! quote or a dash; it does not end after an initial (`N. Narimanov`), an acronym
//! (`S.R.`), a known abbreviation (`M.`, `p.`, `cf.`), or inside guillemets (a quoted
//! exclamation stays with the sentence that quotes it). Numbers like `1 500` and `22h45`
//! hold no full stop and need nothing special.

/// A sentence: a byte range of its block's text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sentence {
    /// Byte offset of the first character in the block text.
    pub start: usize,
    /// Byte offset after the last character.
    pub end: usize,
}

impl Sentence {
    /// The sentence's text within its block's text.
    pub fn text<'a>(&self, block_text: &'a str) -> &'a str {
        &block_text[self.start..self.end]
    }
}

/// Abbreviations that take a full stop without ending the sentence (lower-cased).
const ABBREVIATIONS: &[&str] = &[
    "m", "mm", "mme", "mmes", "mlle", "mlles", "dr", "pr", "me", "mgr", "st", "ste", "p", "pp",
    "cf", "vol", "t", "chap", "éd", "ed", "av", "apr", "env", "art", "ex", "fig", "op", "cit",
    "ibid", "id", "n", "no", "gén", "col", "lt", "cap", "cdt", "vs", "sq", "sqq", "coll", "dir",
    "trad", "réimpr", "hab", "km", "mlle", "jr", "sr", "boul", "bd", "fg", "cie", "etc.-",
];

/// Splits a paragraph into sentences.
pub fn split(text: &str) -> Vec<Sentence> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let mut start = skip_spaces(text, 0);
    let mut quote_depth: i32 = 0;
    let mut quote_open_at = 0usize;
    let mut i = start;
    while i < text.len() {
        // Only guillemets and terminal punctuation matter: the rest is skipped at once (`«`
        // and `»` start with the byte 0xC2).
        let Some(skip) = bytes[i..]
            .iter()
            .position(|&b| matches!(b, b'.' | b'?' | b'!' | 0xC2))
        else {
            break;
        };
        i += skip;
        let c = text[i..].chars().next().unwrap_or(' ');
        let len = c.len_utf8();
        match c {
            '«' => {
                if quote_depth == 0 {
                    quote_open_at = i;
                }
                quote_depth += 1;
            }
            '»' => quote_depth = (quote_depth - 1).max(0),
            '.' | '?' | '!' => {
                // Run of terminal punctuation and closing quotes or brackets.
                let mut end = i + len;
                while end < text.len() && matches!(bytes[end], b'.' | b'?' | b'!') {
                    end += 1;
                }
                let mut j = end;
                let mut closing = 0;
                loop {
                    let rest = &text[j..];
                    let trimmed = rest.trim_start_matches(' ');
                    if let Some(r) = trimmed.strip_prefix('»') {
                        closing += 1;
                        j = text.len() - r.len();
                        continue;
                    }
                    if let Some(r) = trimmed.strip_prefix([')', '"']) {
                        if trimmed.len() == rest.len() {
                            j = text.len() - r.len();
                            continue;
                        }
                    }
                    break;
                }
                let depth_after = (quote_depth - closing).max(0);
                let next_start = skip_spaces(text, j);
                let boundary = next_start > j || next_start >= text.len();
                let long_quote = quote_depth > 0 && i - quote_open_at > 400;
                if boundary
                    && (depth_after == 0 || long_quote)
                    && starts_sentence(&text[next_start..])
                    && !(c == '.' && end == i + 1 && is_abbreviation(text, i))
                {
                    out.push(Sentence { start, end: j });
                    start = next_start;
                    quote_depth = if long_quote { depth_after } else { 0 };
                    i = next_start;
                    continue;
                }
                quote_depth = depth_after;
                i = j.max(i + len);
                continue;
            }
            _ => {}
        }
        i += len;
    }
    let end = text.trim_end().len();
    if start < end {
        out.push(Sentence { start, end });
    }
    out
}

fn skip_spaces(text: &str, mut i: usize) -> usize {
    while i < text.len() && text.as_bytes()[i] == b' ' {
        i += 1;
    }
    i
}

fn starts_sentence(rest: &str) -> bool {
    if rest.is_empty() {
        return true;
    }
    let first = rest.chars().next().unwrap_or(' ');
    first.is_uppercase()
        || first.is_ascii_digit()
        || matches!(first, '«' | '"' | '—' | '–' | '(' | '[' | '¿' | '¡')
}

/// True when the full stop at `dot` ends an abbreviation, an initial or an acronym.
fn is_abbreviation(text: &str, dot: usize) -> bool {
    let before = &text[..dot];
    let word_start = before.rfind([' ', '(', '«', '\'', '-']).map_or(0, |p| {
        p + before[p..].chars().next().map_or(1, char::len_utf8)
    });
    let word = &before[word_start..];
    if word.is_empty() {
        return false;
    }
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    // An initial: one capital (`N.`), or an acronym with inner dots (`S.R.`, `A.R.A.M`).
    if letters == 1 && word.chars().next().is_some_and(char::is_uppercase) {
        return true;
    }
    if word.contains('.') && word.split('.').all(|p| p.chars().count() <= 2) {
        return true;
    }
    let lower = word.to_lowercase();
    ABBREVIATIONS.contains(&lower.as_str())
}

/// True when the sentence is whole: it starts like a sentence and ends with a full stop,
/// a question or exclamation mark (possibly inside closing quotes).
pub fn is_complete(sentence: &str) -> bool {
    let first = sentence
        .trim_start_matches(['«', '"', ' ', '('])
        .chars()
        .next();
    let starts = first.is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
    let end = sentence.trim_end_matches(['»', '"', ')', ' ']);
    starts && end.ends_with(['.', '?', '!'])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> Vec<&str> {
        split(s).iter().map(|x| x.text(s)).collect()
    }

    #[test]
    fn initials_acronyms_and_abbreviations() {
        let s = "Entrent N. Narimanov (Justice) et un S.R. de gauche I. Soukhartsev. C'est fini.";
        assert_eq!(
            texts(s),
            vec![
                "Entrent N. Narimanov (Justice) et un S.R. de gauche I. Soukhartsev.",
                "C'est fini."
            ]
        );
        let s = "Il nomme M. Azizbekov commissaire. Voir p. 36 et cf. Serge, etc. Puis il part.";
        assert_eq!(
            texts(s),
            vec![
                "Il nomme M. Azizbekov commissaire.",
                "Voir p. 36 et cf. Serge, etc.",
                "Puis il part."
            ]
        );
    }

    #[test]
    fn guillemets_and_dialogue() {
        let s = "Il cria : « Félicitations ! La révolution a éclaté ! » Je sautai du lit. — Oui ? dit-il.";
        assert_eq!(
            texts(s),
            vec![
                "Il cria : « Félicitations ! La révolution a éclaté ! »",
                "Je sautai du lit.",
                "— Oui ? dit-il."
            ]
        );
    }

    #[test]
    fn numbers_do_not_split() {
        let s = "Il arrive avec 1 500 hommes à 22h45. Le 1.5 reste.";
        assert_eq!(
            texts(s),
            vec!["Il arrive avec 1 500 hommes à 22h45.", "Le 1.5 reste."]
        );
    }

    #[test]
    fn ellipsis_then_capital_splits() {
        let s = "Il attendait... Rien ne vint.";
        assert_eq!(texts(s), vec!["Il attendait...", "Rien ne vint."]);
    }

    #[test]
    fn completeness() {
        assert!(is_complete("Le Soviet vota."));
        assert!(is_complete("« Il vint. »"));
        assert!(!is_complete("plans militaires vers Moscou."));
        assert!(!is_complete("Le gouvernement – après avis du Gouvernement"));
    }
}
