//! Places: the words that introduce them (`à Gatchina`, `vers Moscou`, `la gare de
//! Varsovie`, `en Azerbaïdjan`) and the evidence they give a name.

use super::names::Name;
use super::tokens::Token;

/// Nouns whose complement is a place (`la gare de Varsovie`).
pub const PLACE_NOUNS: &[&str] = &[
    "ville",
    "gare",
    "station",
    "région",
    "province",
    "district",
    "front",
    "environs",
    "port",
    "village",
    "faubourg",
    "rive",
    "embouchure",
    "frontière",
    "route",
    "pays",
    "capitale",
    "quartier",
    "rue",
    "place",
    "île",
    "mer",
    "lac",
    "fleuve",
    "golfe",
    "vallée",
    "plaine",
];

/// How strongly the words before `name` say it is a place (0 when they do not).
pub fn evidence(tokens: &[Token<'_>], name: &Name) -> i32 {
    let prev = name.first.checked_sub(1).map(|p| tokens[p].lower());
    let prev2 = name.first.checked_sub(2).map(|p| tokens[p].lower());
    match prev {
        Some("à" | "vers" | "jusqu'à") => 2,
        Some("en" | "au") => 1,
        Some("de" | "d'") => match prev2 {
            Some(p) if PLACE_NOUNS.contains(&p) => 3,
            Some("près" | "loin" | "autour" | "venant" | "partir") => 2,
            // `le Soviet de Petrograd`: an institution of the place (a capitalised keyword).
            Some(p)
                if super::organisations::KEYWORDS.contains(&p)
                    && tokens[name.first - 2].is_capitalised() =>
            {
                1
            }
            _ => 0,
        },
        _ => 0,
    }
}

/// True when the name is introduced as a place in this very sentence (`à Batoum`).
pub fn introduced_here(tokens: &[Token<'_>], name: &Name) -> bool {
    evidence(tokens, name) >= 2
}
