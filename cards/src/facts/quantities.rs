//! Quantities with their unit: `1 500 hommes`, `649 délégués`, `17 kilomètres`.

use super::tokens::{Token, TokenKind};

/// A number and the noun it counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct QuantityMention {
    /// Index of the number token.
    pub number: usize,
    /// Index of the unit token.
    pub unit: usize,
    /// The number's value.
    pub value: u64,
}

/// Words after a number that are not what it counts (verbs, function words, times).
const NOT_UNITS: &[&str] = &[
    "et", "ou", "de", "des", "du", "le", "la", "les", "à", "au", "aux", "en", "sur", "pour", "par",
    "dans", "avec", "sont", "ont", "étaient", "était", "furent", "fut", "est", "heures", "heure",
    "minutes", "minute", "h", "ans", "an", "fois", "pp", "p", "numéro",
];

/// Units of measure written short, which count whatever their spelling.
const MEASURES: &[&str] = &["km", "m", "cm", "mm", "kg", "ha", "mm²", "km²", "m²", "m³"];

/// Finds the quantities of a sentence; `skip` marks tokens already used by dates.
pub fn find(tokens: &[Token<'_>], skip: &[bool]) -> Vec<QuantityMention> {
    let mut out = Vec::new();
    for (i, t) in tokens.iter().enumerate() {
        if skip[i] {
            continue;
        }
        let Some(value) = t.value() else { continue };
        if value == 0 {
            continue;
        }
        // Page and issue numbers, and parts of a range (`24-35`).
        let prev = i.checked_sub(1).map(|p| tokens[p].text.to_lowercase());
        if prev.as_deref().is_some_and(|p| {
            matches!(
                p,
                "p" | "pp" | "n°" | "no" | "tome" | "-" | "–" | "vol" | "calibre"
            )
        }) {
            continue;
        }
        let Some(unit) = tokens.get(i + 1) else {
            continue;
        };
        if unit.kind != TokenKind::Word || !is_unit(unit.text, value) {
            continue;
        }
        // `le 100 m`, `du 5 000 m`: a singular article before a count names a race, not
        // a length.
        if value > 1
            && prev
                .as_deref()
                .is_some_and(|p| matches!(p, "le" | "du" | "au"))
        {
            continue;
        }
        out.push(QuantityMention {
            number: i,
            unit: i + 1,
            value,
        });
    }
    out
}

/// A noun that a number can count: plural for more than one, not a verb form.
fn is_unit(word: &str, value: u64) -> bool {
    let lower = word.to_lowercase();
    // Units of measure written short: `11,6 km`, `400 m`, `200 kg`.
    if MEASURES.contains(&lower.as_str()) {
        return true;
    }
    if lower.chars().count() < 3
        || NOT_UNITS.contains(&lower.as_str())
        || super::dates::is_month(word)
    {
        return false;
    }
    let verbish = ["ent", "ait", "aient", "èrent", "irent", "ont"]
        .iter()
        .any(|e| lower.ends_with(e));
    if verbish {
        return false;
    }
    // A function word (« sous », « dans ») is never a unit, whatever its spelling.
    if crate::lexicon::lookup(&lower).any(|a| a.pos.is_function_word()) {
        return false;
    }
    value == 1 || lower.ends_with(['s', 'x'])
}

#[cfg(test)]
mod tests {
    use super::super::tokens::tokenize;
    use super::*;

    fn quantities(s: &str) -> Vec<String> {
        let t = tokenize(s);
        let skip = vec![false; t.len()];
        find(&t, &skip)
            .iter()
            .map(|q| format!("{} {}", t[q.number].text, t[q.unit].text))
            .collect()
    }

    #[test]
    fn a_preposition_is_no_unit() {
        assert!(quantities("Ils ont été créés en 1891 sous le nom de championnat.").is_empty());
    }

    #[test]
    fn numbers_with_units() {
        assert_eq!(
            quantities("à la tête de 1 500 hommes, à 17 kilomètres de la ville"),
            vec!["1 500 hommes", "17 kilomètres"]
        );
        assert_eq!(
            quantities("Composé de 649 délégués, dont 390 étaient des bolcheviques"),
            vec!["649 délégués"]
        );
        assert_eq!(
            quantities("de 12 pouces, calibre 52 montés, à 21 heures, pp. 24-35"),
            vec!["12 pouces"]
        );
        assert_eq!(quantities("le 176e régiment"), Vec::<String>::new());
        assert_eq!(
            quantities(
                "long de 11,6 km, il s'élève à 21,64 mètres, à 400 m ; le 100 m, du 5 000 m"
            ),
            vec!["11,6 km", "21,64 mètres", "400 m"]
        );
    }
}
