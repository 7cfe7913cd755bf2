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
        let Some(value) = t.value().or_else(|| number_word(t)) else {
            continue;
        };
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
        if unit.kind != TokenKind::Word
            || !(is_unit(unit.text, value) || is_duration(tokens, i, value))
        {
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

/// The value of a number written in words, two or more (« cinq », « dix-sept », « vingt et
/// un » is left out, « un » and « une » are articles as often).
fn number_word(t: &Token<'_>) -> Option<u64> {
    if t.kind != TokenKind::Word {
        return None;
    }
    value_of_words(t.lower())
}

/// The value of a number in words (see [`number_word`]): « cinq » → 5, « dix-sept » → 17.
pub fn value_of_words(lower: &str) -> Option<u64> {
    // Every number word below starts with one of these letters and has at most nine.
    if lower.len() > 19 || !lower.starts_with(['c', 'd', 'h', 'n', 'o', 'q', 's', 't', 'v']) {
        return None;
    }
    let unit = |w: &str| -> Option<u64> {
        Some(match w {
            "deux" => 2,
            "trois" => 3,
            "quatre" => 4,
            "cinq" => 5,
            "six" => 6,
            "sept" => 7,
            "huit" => 8,
            "neuf" => 9,
            "dix" => 10,
            "onze" => 11,
            "douze" => 12,
            "treize" => 13,
            "quatorze" => 14,
            "quinze" => 15,
            "seize" => 16,
            "vingt" => 20,
            "trente" => 30,
            "quarante" => 40,
            "cinquante" => 50,
            "soixante" => 60,
            "cent" => 100,
            _ => return None,
        })
    };
    match lower.split_once('-') {
        // « dix-sept », « vingt-deux », « quarante-cinq ».
        Some((tens, units)) => {
            let (tens, units) = (unit(tens)?, unit(units)?);
            (matches!(tens, 10 | 20 | 30 | 40 | 50 | 60) && units < 10).then_some(tens + units)
        }
        None => unit(lower),
    }
}

/// A number in words for `value` (2 to 69, as [`value_of_words`] reads them): « quatre »,
/// « vingt-deux »; `None` for what French writes otherwise (« vingt et un », « soixante-dix »).
pub fn words_of_value(value: u64) -> Option<String> {
    const UNITS: [&str; 17] = [
        "", "", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "onze",
        "douze", "treize", "quatorze", "quinze", "seize",
    ];
    const TENS: [&str; 7] = [
        "",
        "dix",
        "vingt",
        "trente",
        "quarante",
        "cinquante",
        "soixante",
    ];
    match value {
        2..=16 => Some(UNITS[value as usize].to_string()),
        17..=19 => Some(format!("dix-{}", UNITS[value as usize - 10])),
        20..=69 if value.is_multiple_of(10) => Some(TENS[value as usize / 10].to_string()),
        20..=69 if value % 10 >= 2 => Some(format!(
            "{}-{}",
            TENS[value as usize / 10],
            UNITS[value as usize % 10]
        )),
        _ => None,
    }
}

/// A noun that a number can count: plural for more than one, not a verb form.
/// Hours and minutes that say how long, not what time: « dure 29 minutes », « 5 500
/// heures d'essais », « pendant trois heures »; not « à 10 heures », « vers 22 h ».
fn is_duration(tokens: &[Token<'_>], number: usize, value: u64) -> bool {
    let unit = tokens[number + 1].lower();
    if !matches!(unit, "heures" | "minutes") {
        return false;
    }
    let prev = number.checked_sub(1).map(|p| tokens[p].lower());
    let clock = prev.is_some_and(|p| matches!(p, "à" | "vers" | "dès" | "jusqu'à" | "avant"));
    let of = tokens
        .get(number + 2)
        .is_some_and(|t| matches!(t.lower(), "de" | "d'"));
    let lasting = prev.is_some_and(|p| {
        matches!(
            p,
            "pendant" | "durant" | "dure" | "durent" | "durait" | "duré" | "en" | "après"
        )
    });
    !clock && (of || lasting || unit == "heures" && value > 24)
}

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
    fn hours_that_last_count_and_hours_of_the_clock_do_not() {
        assert_eq!(
            quantities("Après 5 500 heures d'essais, Concorde entre en service."),
            ["5 500 heures"]
        );
        assert_eq!(quantities("Le vol dure 29 minutes."), ["29 minutes"]);
        assert!(quantities("Le congrès s'ouvre à 10 heures.").is_empty());
        assert!(quantities("Ils arrivent vers 22 heures.").is_empty());
        assert!(quantities("Il est 3 heures.").is_empty());
    }

    #[test]
    fn numbers_in_words() {
        assert_eq!(
            quantities("Nurmi remporte cinq médailles d'or."),
            ["cinq médailles"]
        );
        assert_eq!(quantities("Il attend dix-sept jours."), ["dix-sept jours"]);
        for v in [2, 5, 16, 17, 20, 22, 45, 60] {
            let w = words_of_value(v).unwrap();
            assert_eq!(value_of_words(&w), Some(v), "{w}");
        }
        assert_eq!(words_of_value(21), None);
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
