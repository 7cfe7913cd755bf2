//! The interface's language: French or English, one at a time, for the whole process.
//!
//! Chosen once, at the start of a command ([`choose`]): `--lang` (or `CARNET_LANG`), else the
//! `language` key of the configuration file, else the locale (`LC_ALL`, `LC_MESSAGES`, `LANG`,
//! the first one set and not empty, as POSIX orders them): `fr…` is French, anything else
//! English. The words themselves are in [`crate::messages`]. A deck's cards keep their own
//! language; only the interface follows this one.

use std::sync::OnceLock;

/// A language of the interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Language {
    /// French (`fr`).
    #[value(name = "fr")]
    French,
    /// English (`en`).
    #[value(name = "en")]
    English,
}

impl Language {
    /// `fr` or `en`, as the configuration file, `--lang` and `SETTINGS.TXT` write it.
    pub fn code(self) -> &'static str {
        match self {
            Language::French => "fr",
            Language::English => "en",
        }
    }

    /// The language of a code (`fr`, `en`; case ignored), if carnet speaks it.
    pub fn from_code(code: &str) -> Option<Language> {
        match code.trim().to_ascii_lowercase().as_str() {
            "fr" => Some(Language::French),
            "en" => Some(Language::English),
            _ => None,
        }
    }

    /// The language of a locale name such as `fr_FR.UTF-8` or `en_US`: French for `fr…`,
    /// English for anything else (`C`, `POSIX`, `de_DE`).
    pub fn of_locale(locale: &str) -> Language {
        if locale
            .get(..2)
            .is_some_and(|p| p.eq_ignore_ascii_case("fr"))
        {
            Language::French
        } else {
            Language::English
        }
    }

    /// The locale's language: the first of `LC_ALL`, `LC_MESSAGES` and `LANG` that is set and
    /// not empty, as `var` reads them; English when none is.
    pub fn from_locale(var: impl Fn(&str) -> Option<String>) -> Language {
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .find_map(|name| var(name).filter(|v| !v.is_empty()))
            .map_or(Language::English, |v| Language::of_locale(&v))
    }

    /// `one` or `many` as `n` asks: French takes the singular for 0 and 1, English for 1 only.
    pub fn plural<'t>(self, n: u64, one: &'t str, many: &'t str) -> &'t str {
        let singular = match self {
            Language::French => n <= 1,
            Language::English => n == 1,
        };
        if singular {
            one
        } else {
            many
        }
    }
}

static CURRENT: OnceLock<Language> = OnceLock::new();

/// Sets the process's language; the first call wins (a command chooses once).
pub fn set(language: Language) {
    let _ = CURRENT.set(language);
}

/// The process's language: the one [`set`], else the locale's (in this crate's unit tests,
/// English: they do not depend on the machine's locale).
pub fn current() -> Language {
    *CURRENT.get_or_init(|| {
        if cfg!(test) {
            Language::English
        } else {
            Language::from_locale(|name| std::env::var(name).ok())
        }
    })
}

/// Chooses the language of this run and [`set`]s it: `flag` (`--lang` or `CARNET_LANG`), else
/// `configured` (the configuration file's `language`), else the locale.
pub fn choose(flag: Option<Language>, configured: Option<Language>) -> Language {
    let language = flag
        .or(configured)
        .unwrap_or_else(|| Language::from_locale(|name| std::env::var(name).ok()));
    set(language);
    current()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn locale(vars: &[(&str, &str)]) -> Language {
        Language::from_locale(|name| {
            vars.iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| v.to_string())
        })
    }

    #[test]
    fn the_locale_is_read_in_posix_order() {
        assert_eq!(locale(&[]), Language::English);
        assert_eq!(locale(&[("LANG", "fr_FR.UTF-8")]), Language::French);
        assert_eq!(locale(&[("LANG", "fr")]), Language::French);
        assert_eq!(locale(&[("LANG", "en_US.UTF-8")]), Language::English);
        assert_eq!(locale(&[("LANG", "C")]), Language::English);
        assert_eq!(locale(&[("LANG", "de_DE")]), Language::English);
        let both = [("LANG", "en_US.UTF-8"), ("LC_MESSAGES", "fr_CA.UTF-8")];
        assert_eq!(locale(&both), Language::French);
        let all = [("LANG", "fr_FR"), ("LC_MESSAGES", "fr_FR"), ("LC_ALL", "C")];
        assert_eq!(locale(&all), Language::English);
        let empty = [("LANG", "fr_BE.UTF-8"), ("LC_ALL", "")];
        assert_eq!(locale(&empty), Language::French);
    }

    #[test]
    fn codes_and_plurals() {
        assert_eq!(Language::from_code("FR"), Some(Language::French));
        assert_eq!(Language::from_code("en"), Some(Language::English));
        assert_eq!(Language::from_code("de"), None);
        let fr = Language::French;
        let en = Language::English;
        assert_eq!(fr.plural(0, "révision", "révisions"), "révision");
        assert_eq!(fr.plural(1, "révision", "révisions"), "révision");
        assert_eq!(fr.plural(2, "révision", "révisions"), "révisions");
        assert_eq!(en.plural(0, "review", "reviews"), "reviews");
        assert_eq!(en.plural(1, "review", "reviews"), "review");
        assert_eq!(en.plural(2, "review", "reviews"), "reviews");
    }
}
