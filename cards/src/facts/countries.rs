//! The countries of the world, as French writes their names: a closed class a reader knows
//! without being told (« l'Islande », « le Mexique », « les États-Unis » are places, not the
//! bodies an article before a name would otherwise suggest), and the wrong answers a country
//! takes.

use crate::typography::fold;

/// The states of the world and the historical ones a French text names most, in French.
const COUNTRIES: &[&str] = &[
    "Afghanistan",
    "Afrique du Sud",
    "Albanie",
    "Algérie",
    "Allemagne",
    "Andorre",
    "Angleterre",
    "Angola",
    "Arabie saoudite",
    "Argentine",
    "Arménie",
    "Australie",
    "Autriche",
    "Autriche-Hongrie",
    "Azerbaïdjan",
    "Bahreïn",
    "Bangladesh",
    "Belgique",
    "Bénin",
    "Bhoutan",
    "Biélorussie",
    "Birmanie",
    "Bolivie",
    "Bosnie-Herzégovine",
    "Botswana",
    "Brésil",
    "Bulgarie",
    "Burkina Faso",
    "Burundi",
    "Cambodge",
    "Cameroun",
    "Canada",
    "Chili",
    "Chine",
    "Chypre",
    "Colombie",
    "Congo",
    "Corée",
    "Corée du Nord",
    "Corée du Sud",
    "Costa Rica",
    "Côte d'Ivoire",
    "Croatie",
    "Cuba",
    "Danemark",
    "Djibouti",
    "Écosse",
    "Égypte",
    "Émirats arabes unis",
    "Équateur",
    "Érythrée",
    "Espagne",
    "Estonie",
    "États-Unis",
    "Éthiopie",
    "Finlande",
    "France",
    "Gabon",
    "Gambie",
    "Géorgie",
    "Ghana",
    "Grande-Bretagne",
    "Grèce",
    "Guatemala",
    "Guinée",
    "Haïti",
    "Honduras",
    "Hongrie",
    "Inde",
    "Indonésie",
    "Irak",
    "Iran",
    "Irlande",
    "Islande",
    "Israël",
    "Italie",
    "Jamaïque",
    "Japon",
    "Jordanie",
    "Kazakhstan",
    "Kenya",
    "Kirghizistan",
    "Kosovo",
    "Koweït",
    "Laos",
    "Lettonie",
    "Liban",
    "Libéria",
    "Libye",
    "Liechtenstein",
    "Lituanie",
    "Luxembourg",
    "Macédoine",
    "Madagascar",
    "Malaisie",
    "Malawi",
    "Mali",
    "Malte",
    "Maroc",
    "Mauritanie",
    "Mexique",
    "Moldavie",
    "Monaco",
    "Mongolie",
    "Monténégro",
    "Mozambique",
    "Namibie",
    "Népal",
    "Nicaragua",
    "Niger",
    "Nigeria",
    "Norvège",
    "Nouvelle-Zélande",
    "Oman",
    "Ouganda",
    "Ouzbékistan",
    "Pakistan",
    "Palestine",
    "Panama",
    "Paraguay",
    "Pays-Bas",
    "Pays de Galles",
    "Pérou",
    "Perse",
    "Philippines",
    "Pologne",
    "Portugal",
    "Prusse",
    "Qatar",
    "République tchèque",
    "Roumanie",
    "Royaume-Uni",
    "Russie",
    "Rwanda",
    "Salvador",
    "Sénégal",
    "Serbie",
    "Singapour",
    "Slovaquie",
    "Slovénie",
    "Somalie",
    "Soudan",
    "Sri Lanka",
    "Suède",
    "Suisse",
    "Syrie",
    "Tadjikistan",
    "Taïwan",
    "Tanzanie",
    "Tchad",
    "Tchécoslovaquie",
    "Thaïlande",
    "Togo",
    "Tunisie",
    "Turkménistan",
    "Turquie",
    "Ukraine",
    "URSS",
    "Uruguay",
    "Vatican",
    "Venezuela",
    "Viêt Nam",
    "Vietnam",
    "Yémen",
    "Yougoslavie",
    "Zambie",
    "Zimbabwe",
];

/// Whether `name` is a country's (« Islande », « États-Unis », « etats-unis »): compared
/// folded (case and accents aside).
pub fn is_country(name: &str) -> bool {
    let folded = fold(name);
    is_folded_country(&folded)
}

/// [`is_country`] for a name already folded.
pub fn is_folded_country(folded: &str) -> bool {
    static FOLDED: std::sync::OnceLock<std::collections::HashSet<String>> =
        std::sync::OnceLock::new();
    FOLDED
        .get_or_init(|| COUNTRIES.iter().map(|c| fold(c)).collect())
        .contains(folded)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn countries_are_known_in_any_case_and_accents() {
        for name in [
            "Islande",
            "États-Unis",
            "etats-unis",
            "Mexique",
            "Royaume-Uni",
        ] {
            assert!(is_country(name), "{name}");
        }
        for name in ["Garonne", "Paris", "Sovnarkom", "Pravda", "Reykjavik"] {
            assert!(!is_country(name), "{name}");
        }
    }
}
