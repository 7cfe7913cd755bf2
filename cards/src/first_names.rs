//! First names and their gender: what tells a woman's name from a man's (« Marie Paradis »,
//! « Jacques Balmat »), so that a wrong answer is of the answer's gender (« le savant
//! genevois [...] » takes no « Henriette d'Angeville ») and « elle » never stands for « Pierre
//! Curie ».
//!
//! `cards/data/first-names.tsv` is compiled by `scripts/build-first-names` from Jörg Michael's
//! `nam_dict.txt` (GNU FDL 1.2; see `cards/data/FIRST-NAMES-LICENSE.md`): one name a line,
//! `name<TAB>M` or `name<TAB>F`, sorted by UTF-8 bytes, unisex names left out.

use crate::lexicon::Gender;
use std::sync::OnceLock;

const TABLE: &str = include_str!("../data/first-names.tsv");

/// The table's names with their gender, in the file's (byte) order.
fn table() -> &'static [(&'static str, Gender)] {
    static NAMES: OnceLock<Vec<(&'static str, Gender)>> = OnceLock::new();
    NAMES.get_or_init(|| {
        TABLE
            .lines()
            .filter_map(|line| {
                let (name, gender) = line.split_once('\t')?;
                let gender = match gender {
                    "M" => Gender::Masculine,
                    "F" => Gender::Feminine,
                    _ => return None,
                };
                Some((name, gender))
            })
            .collect()
    })
}

/// The gender of a first name as the table writes it (« Marie », « Jacques »); `None` for
/// a name it does not hold or holds as unisex (« Dominique »).
pub fn of_first_name(name: &str) -> Option<Gender> {
    let names = table();
    let find = |name: &str| {
        names
            .binary_search_by(|(n, _)| n.as_bytes().cmp(name.as_bytes()))
            .ok()
            .map(|i| names[i].1)
    };
    // (the table writes some names without their accents: « Valery » for « Valéry »)
    find(name).or_else(|| {
        if name.is_ascii() {
            return None;
        }
        let bare = crate::typography::capitalise(&crate::typography::fold(name));
        (bare != name).then(|| find(&bare)).flatten()
    })
}

/// The gender of a person named `name`, from its honorific (« Mme », « Mgr », « M. ») or its
/// first name (the first part of a compound one: « Jean-Baptiste Chataud »), when the name has
/// a word after it (« Louis » alone may be a surname); `None` when nothing tells.
pub fn of_person(name: &str) -> Option<Gender> {
    let mut words = name.split_whitespace();
    let first = words.next()?;
    match first {
        "Mme" | "Mlle" | "Madame" | "Mademoiselle" => return Some(Gender::Feminine),
        "M." | "Mgr" | "Monsieur" => return Some(Gender::Masculine),
        _ => {}
    }
    // A surname alone (« Curie ») says nothing, nor does a first name alone.
    words.next()?;
    let head = first.split('-').next().unwrap_or(first);
    of_first_name(head)
}

/// [`of_person`], or for a name of one word, the gender of that word as a first name
/// (« Zofia »): for telling a wrong answer's gender, where a surname read as a first name
/// (« Martin ») only keeps one wrong answer out.
pub fn of_mention(name: &str) -> Option<Gender> {
    of_person(name).or_else(|| {
        let word = name.trim();
        (!word.contains(' ')).then(|| of_first_name(word)).flatten()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_is_sorted_and_holds_both_genders() {
        let names = table();
        assert!(names.len() > 10_000, "{}", names.len());
        assert!(names
            .windows(2)
            .all(|w| w[0].0.as_bytes() < w[1].0.as_bytes()));
        assert_eq!(of_first_name("Marie"), Some(Gender::Feminine));
        assert_eq!(of_first_name("Jacques"), Some(Gender::Masculine));
        assert_eq!(of_first_name("Dominique"), None, "unisex");
        assert_eq!(of_first_name("Xyzzy"), None);
    }

    #[test]
    fn a_person_s_gender_is_read_from_the_first_name_or_honorific() {
        assert_eq!(of_person("Marie Paradis"), Some(Gender::Feminine));
        assert_eq!(of_person("Henriette d'Angeville"), Some(Gender::Feminine));
        assert_eq!(of_person("Jean-Baptiste Chataud"), Some(Gender::Masculine));
        assert_eq!(
            of_person("Horace-Bénédict de Saussure"),
            Some(Gender::Masculine)
        );
        assert_eq!(of_person("Mgr Henri de Belsunce"), Some(Gender::Masculine));
        assert_eq!(of_person("Mme Roland"), Some(Gender::Feminine));
        // A surname, a first name alone, initials: nothing tells.
        assert_eq!(of_person("Curie"), None);
        assert_eq!(of_person("Louis"), None);
        assert_eq!(of_person("N. I. Podvoïski"), None);
        assert_eq!(of_mention("Zofia"), Some(Gender::Feminine));
        assert_eq!(of_mention("Curie"), None);
    }
}
