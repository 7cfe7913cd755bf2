//! How a document calls its people: a card names a person the way the document usually
//! does, not by the full civil name of one formal sentence (`Victor-Marie Hugo, né le …`
//! in a document titled and written « Victor Hugo »).
//!
//! The forms tried for a name of two or more words are the name without the second part of
//! a compound first name (`Victor-Marie Hugo` → `Victor Hugo`, `Pierre-Paul Riquet` →
//! `Pierre Riquet`) and the first and last words without the middle ones (`Joseph Léopold
//! Sigisbert Hugo` → `Joseph Hugo`). A form replaces the name when the document writes it,
//! as whole words, at least twice and more often than the name itself.

use crate::typography::fold;

/// The forms a document could use for `name`, shortest change first.
fn variants(name: &str) -> Vec<String> {
    let words: Vec<&str> = name.split(' ').filter(|w| !w.is_empty()).collect();
    let mut out = Vec::new();
    if words.len() < 2 || !words.iter().all(|w| w.starts_with(char::is_uppercase)) {
        return out;
    }
    if let Some((first, _)) = words[0].split_once('-') {
        if first.chars().count() > 1 {
            let mut v = vec![first];
            v.extend(&words[1..]);
            out.push(v.join(" "));
        }
    }
    if words.len() >= 3 {
        out.push(format!("{} {}", words[0], words[words.len() - 1]));
    }
    out
}

/// True when the `len` bytes at `at` in `text` are whole words: no letter, digit or hyphen
/// touches them (`Annecy` is not in `Annecy-le-Vieux`).
pub(crate) fn stands_alone(text: &str, at: usize, len: usize) -> bool {
    let free = |c: Option<char>| c.is_none_or(|c| !c.is_alphanumeric() && c != '-');
    free(text[..at].chars().next_back()) && free(text[at + len..].chars().next())
}

/// How many times `form` occurs in `text` as whole words (folded: case and accents aside).
fn occurrences(folded_text: &str, form: &str) -> usize {
    let form = fold(form);
    if form.is_empty() {
        return 0;
    }
    folded_text
        .match_indices(&form)
        .filter(|(at, _)| stands_alone(folded_text, *at, form.len()))
        .count()
}

/// The renamings for the people `names` of a document whose whole text is `text`:
/// `(name as written, the usual form)`, only where they differ.
pub fn usual_names<'a>(
    text: &str,
    names: impl IntoIterator<Item = &'a str>,
) -> Vec<(String, String)> {
    let folded = fold(text);
    let mut out = Vec::new();
    for name in names {
        // Most names have no other form to try: nothing to count.
        let forms = variants(name);
        if forms.is_empty() {
            continue;
        }
        let own = occurrences(&folded, name);
        let best = forms
            .into_iter()
            .map(|v| {
                let n = occurrences(&folded, &v);
                (v, n)
            })
            .filter(|(_, n)| *n >= 2 && *n > own)
            .max_by_key(|(_, n)| *n);
        if let Some((v, _)) = best {
            out.push((name.to_string(), v));
        }
    }
    out
}

/// `text` with each whole-word occurrence of `from` replaced by `to`.
pub fn rename(text: &str, from: &str, to: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find(from) {
        out.push_str(&rest[..at]);
        if stands_alone(rest, at, from.len()) {
            out.push_str(to);
        } else {
            out.push_str(from);
        }
        rest = &rest[at + from.len()..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_document_names_a_person_by_its_usual_form() {
        let text = "Victor Hugo, une vie\n\nVictor-Marie Hugo, né le 26 février 1802 à \
                    Besançon, est un poète. Fils de Joseph Léopold Sigisbert Hugo. La maison \
                    de Victor Hugo est place des Vosges.";
        assert_eq!(
            usual_names(text, ["Victor-Marie Hugo", "Joseph Léopold Sigisbert Hugo"]),
            vec![("Victor-Marie Hugo".to_string(), "Victor Hugo".to_string())]
        );
        // Written once, a short form is no evidence.
        assert!(
            usual_names("Jean-Paul Sartre écrit. Jean Sartre.", ["Jean-Paul Sartre"]).is_empty()
        );
        // Nor is a form that only occurs inside another word or name.
        assert!(usual_names(
            "Marie-Anne Dupont arrive. Marie Dupontel, Marie Dupontel.",
            ["Marie-Anne Dupont"]
        )
        .is_empty());
    }

    #[test]
    fn renaming_keeps_other_words() {
        assert_eq!(
            rename(
                "Quand Victor-Marie Hugo est-il né ?",
                "Victor-Marie Hugo",
                "Victor Hugo"
            ),
            "Quand Victor Hugo est-il né ?"
        );
        assert_eq!(rename("Annecy-le-Vieux", "Annecy", "X"), "Annecy-le-Vieux");
    }
}
