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

/// The token of the lower-case noun that names the kind of the place at token `first`,
/// before its « de » (« l'étang de Thau », « la piscine des Tourelles », « le bassin de
/// Saint-Ferréol »), when it is the head of the name: a noun of a site, a water or a relief
/// (not « la ville de Bakou »: « la ville de [...] » asks the town), with an article before
/// it, and the name not the start of a range (« le fleuve de Bordeaux à Toulouse »). `end`
/// is the token after the name.
pub fn head_noun(tokens: &[Token<'_>], first: usize, end: usize) -> Option<usize> {
    if tokens.get(end).is_some_and(|t| t.lower() == "à") {
        return None;
    }
    let link = tokens.get(first.checked_sub(1)?)?;
    if !matches!(link.lower(), "de" | "du" | "des" | "d'") {
        return None;
    }
    let noun_at = first.checked_sub(2)?;
    let noun = &tokens[noun_at];
    let kind = PlaceKind::of_noun(noun.lower());
    if noun.is_capitalised()
        || !matches!(
            kind,
            Some(PlaceKind::Site | PlaceKind::Water | PlaceKind::Relief)
        )
    {
        return None;
    }
    let article = tokens.get(noun_at.checked_sub(1)?)?;
    matches!(
        article.lower(),
        "le" | "la" | "l'" | "les" | "du" | "au" | "des" | "aux"
    )
    .then_some(noun_at)
}

/// How strongly the words before `name` say it is a place (0 when they do not).
pub fn evidence(tokens: &[Token<'_>], name: &Name) -> i32 {
    let prev = name.first.checked_sub(1).map(|p| tokens[p].lower());
    let prev2 = name.first.checked_sub(2).map(|p| tokens[p].lower());
    // `le palais Smolny`, `au collège Notre-Dame`: the noun of a building, with its
    // determiner, right before the name (a sea's or a mountain's noun heads the name
    // itself: `la mer Méditerranée`).
    let determiner = prev2.is_some_and(|d| matches!(d, "le" | "la" | "l'" | "les" | "du" | "au"));
    if determiner && prev.and_then(PlaceKind::of_noun) == Some(PlaceKind::Site) {
        return 3;
    }
    match prev {
        Some("à") if ends_a_range(tokens, name.first - 1) => 0,
        Some("à" | "vers" | "jusqu'à") => 2,
        Some("en" | "au") => 1,
        Some("de" | "d'") => match prev2 {
            Some(p) if PLACE_NOUNS.contains(&p) || PlaceKind::of_noun(p).is_some() => 3,
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

/// Whether the « à » at token `at` closes a range from a name (« de Messiaen à Boulez »):
/// what follows it is of the kind of the name it starts from, not a place because of « à ».
fn ends_a_range(tokens: &[Token<'_>], at: usize) -> bool {
    let mut k = at;
    while k > 0 && tokens[k - 1].is_capitalised() {
        k -= 1;
    }
    k < at && k > 0 && matches!(tokens[k - 1].lower(), "de" | "d'")
}

/// True when the name is introduced as a place in this very sentence (`à Batoum`).
pub fn introduced_here(tokens: &[Token<'_>], name: &Name) -> bool {
    evidence(tokens, name) >= 2
}

/// What kind of place a name is, for distractors that fit: « Où Marie Curie est-elle
/// morte ? » asks a town, and a region (« Haute-Savoie ») or a river is no wrong answer of
/// the same kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum PlaceKind {
    /// A town or a village (`à Varsovie`, `la ville de Bakou`).
    Settlement,
    /// A country, a region, a province (`en Azerbaïdjan`, `la région de Bakou`).
    Area,
    /// A building, a street, a station, a square (`la gare de Varsovie`, `le palais Smolny`).
    Site,
    /// A river, a lake, a sea (`le fleuve Néva`, `l'étang de Thau`).
    Water,
    /// A mountain, a pass (`le mont Blanc`, `le seuil de Naurouze`).
    Relief,
    /// An island (`l'île de Jersey`).
    Island,
}

impl PlaceKind {
    /// Every kind, in order: an index for vote tables.
    pub const ALL: [PlaceKind; 6] = [
        PlaceKind::Settlement,
        PlaceKind::Area,
        PlaceKind::Site,
        PlaceKind::Water,
        PlaceKind::Relief,
        PlaceKind::Island,
    ];

    /// The kind of place a noun names (`gare` → a site), if it names one.
    pub fn of_noun(noun: &str) -> Option<PlaceKind> {
        Some(match noun {
            "ville" | "village" | "commune" | "bourg" | "cité" | "port" | "capitale"
            | "bourgade" | "hameau" | "foire" => PlaceKind::Settlement,
            "région" | "province" | "district" | "département" | "pays" | "royaume"
            | "république" | "comté" | "duché" | "état" | "territoire" | "canton" | "vallée"
            | "plaine" | "désert" | "forêt" | "diocèse" => PlaceKind::Area,
            "gare" | "station" | "palais" | "église" | "cathédrale" | "basilique" | "musée"
            | "stade" | "château" | "théâtre" | "institut" | "salle" | "pont" | "rue" | "place"
            | "avenue" | "boulevard" | "quai" | "cour" | "jardin" | "hôtel" | "abbaye"
            | "monastère" | "forteresse" | "fort" | "aéroport" | "quartier" | "faubourg"
            | "tour" | "arc" | "piscine" | "bassin" | "parc" | "cimetière" | "prison" | "café"
            | "collège" | "lycée" | "école" | "université" | "hôpital" | "couvent"
            | "séminaire" | "chapelle" | "restaurant" | "auberge" => PlaceKind::Site,
            "fleuve" | "rivière" | "lac" | "étang" | "mer" | "océan" | "canal" | "golfe"
            | "baie" | "détroit" | "delta" | "estuaire" | "embouchure" | "rive" | "rives"
            | "affluent" | "source" | "lagune" => PlaceKind::Water,
            "mont" | "montagne" | "massif" | "col" | "pic" | "seuil" | "chaîne" | "plateau"
            | "sommet" | "aiguille" | "monts" | "cratère" | "volcan" | "piton" | "glacier"
            | "cap" => PlaceKind::Relief,
            "île" | "îles" | "archipel" | "presqu'île" => PlaceKind::Island,
            _ => return None,
        })
    }

    /// What the words before a place name at token `first` say of its kind, and how surely
    /// (a noun, 3, is surer than a preposition, 1): `la gare de Varsovie`, `le palais
    /// Smolny`, `à Passy`, `en Haute-Savoie`.
    pub fn before(tokens: &[Token<'_>], first: usize) -> Option<(PlaceKind, u16)> {
        let prev = first.checked_sub(1).map(|p| tokens[p].lower());
        let prev2 = first.checked_sub(2).map(|p| tokens[p].lower());
        let prev3 = first.checked_sub(3).map(|p| tokens[p].lower());
        if let Some(kind) = prev.and_then(PlaceKind::of_noun) {
            // `le palais Smolny`; not `la place Napoléon est …` read backwards: the noun
            // has a determiner before it.
            if prev2.is_some_and(|d| matches!(d, "le" | "la" | "l'" | "les" | "du" | "au")) {
                return Some((kind, 3));
            }
        }
        match prev {
            Some("de" | "d'") => prev2.and_then(PlaceKind::of_noun).map(|k| (k, 3)),
            // `à Passy`; `à la Comédie-Française` has an article and says nothing, and « de
            // Messiaen à Boulez » is a range.
            Some("à") if ends_a_range(tokens, first - 1) => None,
            Some("à") => Some((PlaceKind::Settlement, 1)),
            // `en Haute-Savoie`, `en France`; not `en 1917` (no name) nor `en tant que`.
            Some("en") if prev3 != Some("de") => Some((PlaceKind::Area, 1)),
            // `au Daghestan`, `aux États-Unis`: a country or a region said with its article
            // (weakly: `au Havre` is a town, which a « ville du Havre » outvotes).
            Some("au" | "aux") => Some((PlaceKind::Area, 1)),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::tokens::tokenize;
    use super::*;

    /// The name at the first capitalised word after `from`, with its head noun if any.
    fn named(s: &str, name: &str) -> String {
        let tokens = tokenize(s);
        let first = tokens.iter().position(|t| t.text == name).unwrap();
        let start = head_noun(&tokens, first, first + 1).map_or(first, |h| h);
        s[tokens[start].start..tokens[first].end].to_string()
    }

    #[test]
    fn the_end_of_a_range_is_no_place_for_its_a() {
        let tokens = tokenize("Il a ouvert la voie, de Messiaen à Boulez, qui voyait loin.");
        let boulez = tokens.iter().position(|t| t.text == "Boulez").unwrap();
        assert_eq!(PlaceKind::before(&tokens, boulez), None);
        let tokens = tokenize("Il meurt à Paris.");
        let paris = tokens.iter().position(|t| t.text == "Paris").unwrap();
        assert_eq!(
            PlaceKind::before(&tokens, paris),
            Some((PlaceKind::Settlement, 1))
        );
    }

    #[test]
    fn the_noun_of_a_site_or_a_water_heads_its_name() {
        assert_eq!(
            named("Le canal va jusqu'à l'étang de Thau.", "Thau"),
            "étang de Thau"
        );
        assert_eq!(
            named("Il nage à la piscine des Tourelles.", "Tourelles"),
            "piscine des Tourelles"
        );
        // A town's, a range's or a bare noun's is no part of the name.
        assert_eq!(named("Il gagne la ville de Bakou.", "Bakou"), "Bakou");
        assert_eq!(
            named(
                "Le canal double le fleuve de Bordeaux à Toulouse.",
                "Bordeaux"
            ),
            "Bordeaux"
        );
        assert_eq!(named("Un bassin de Thau.", "Thau"), "Thau");
    }
}
