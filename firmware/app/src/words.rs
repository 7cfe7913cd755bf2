//! The words of the handheld's screens, in French and in English: one [`Words`] of
//! `&'static str` a language, in flash, chosen by [`Language`] (the `language` of
//! `SETTINGS.TXT`, as `carnet sync` writes it; French without one). No allocation: numbers
//! are written between the pieces by the screens.

/// A language of the screens.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Language {
    /// French (`fr`): the device's language until a sync says otherwise.
    #[default]
    French,
    /// English (`en`).
    English,
}

impl Language {
    /// `fr` or `en`, as `SETTINGS.TXT` writes it.
    pub fn code(self) -> &'static str {
        match self {
            Language::French => "fr",
            Language::English => "en",
        }
    }

    /// The language of a code (`fr`, `en`), if the device speaks it.
    pub fn from_code(code: &[u8]) -> Option<Language> {
        match code {
            b"fr" => Some(Language::French),
            b"en" => Some(Language::English),
            _ => None,
        }
    }

    /// The screens' words in this language.
    pub fn words(self) -> &'static Words {
        match self {
            Language::French => &FRENCH,
            Language::English => &ENGLISH,
        }
    }

    /// `forms[0]` (singular) or `forms[1]` for `n`: French takes the singular for 0 and 1,
    /// English for 1 only.
    pub fn plural(self, n: u32, forms: [&'static str; 2]) -> &'static str {
        let singular = match self {
            Language::French => n <= 1,
            Language::English => n == 1,
        };
        forms[usize::from(!singular)]
    }
}

/// Every word of the screens in one language. Pieces around a number are written before
/// (`…_before`) or after it; `[singular, plural]` pairs follow a count.
#[derive(Debug)]
pub struct Words {
    /// The grades, by [`carnet_engine::Rating::index`]: again, hard, good, easy.
    pub grades: [&'static str; 4],
    /// The phases: new, learning, review, relearning.
    pub phases: [&'static str; 4],
    /// A new cloze card.
    pub new_cloze: &'static str,
    /// The home screen's counters: new, learning, due.
    pub counters: [&'static str; 3],
    /// The home screen's menu: study, quiz, statistics, power off.
    pub menu: [&'static str; 4],
    /// The home screen without a writable card.
    pub no_sd: &'static str,
    /// Cards left today (before the number).
    pub left: &'static str,
    /// The back's page counter (before `2/3`).
    pub page: &'static str,
    /// Hints: answer, end, scroll, menu, retry, back.
    pub hint_answer: &'static str,
    /// End the session or quiz.
    pub hint_end: &'static str,
    /// Scroll.
    pub hint_scroll: &'static str,
    /// Back to the menu.
    pub hint_menu: &'static str,
    /// Retry a write.
    pub hint_retry: &'static str,
    /// Go back.
    pub hint_back: &'static str,
    /// Quiz hints: choices, score, next, choose, question, select.
    pub quiz_hints: [&'static str; 6],
    /// A write that failed: title, no card, card full, other, the grade not counted.
    pub write_failed: [&'static str; 5],
    /// The session's summary: title.
    pub summary_title: &'static str,
    /// After the count of cards reviewed.
    pub cards_reviewed: [&'static str; 2],
    /// The quiz's end: title.
    pub quiz_over: &'static str,
    /// After the count of right answers.
    pub right: [&'static str; 2],
    /// The quiz's end: two lines (no effect on reviews).
    pub quiz_no_effect: [&'static str; 2],
    /// An answer in the quiz: right, wrong.
    pub quiz_verdicts: [&'static str; 2],
    /// The statistics: title.
    pub stats_title: &'static str,
    /// After the count of reviews done today.
    pub done_today: [&'static str; 2],
    /// Before the count left today.
    pub left_today: &'static str,
    /// After the count of new cards among those (in parentheses).
    pub new_cards: [&'static str; 2],
    /// Around the count due tomorrow: before, after.
    pub tomorrow: [&'static str; 2],
    /// Before the recall rate of the last 30 days.
    pub recall: &'static str,
    /// After the count of cards of the deck.
    pub cards: [&'static str; 2],
    /// Notices, each a title and a body: no card, bad deck, nothing to study, nothing to quiz.
    pub notices: [[&'static str; 2]; 4],
    /// The settings file ignored: title, body.
    pub settings_ignored: [&'static str; 2],
    /// Why: unreadable, too large, malformed, refused value (before the key).
    pub settings_problems: [&'static str; 4],
    /// A newer format: before and after the version.
    pub newer_format: [&'static str; 2],
    /// The deck's errors: checksum, unreadable, card too long, newer format, malformed.
    pub deck_errors: [&'static str; 5],
    /// A fatal error: title.
    pub error_title: &'static str,
    /// Too many cards: before the cards, between, after the capacity.
    pub too_many_cards: [&'static str; 3],
    /// A sync interrupted; the card's files changed.
    pub card_files: [&'static str; 2],
    /// Interval units: minutes, hours, days, years; and the decimal separator.
    pub units: [&'static str; 4],
    /// The decimal separator of years (`1,5a`, `1.5y`).
    pub decimal: char,
}

/// French.
pub static FRENCH: Words = Words {
    grades: ["Encore", "Diff.", "Bien", "Facile"],
    phases: ["Nouvelle", "En cours", "Révision", "À réapprendre"],
    new_cloze: "Nouvelle · à trous",
    counters: ["Nouv", "Appr", "Rév"],
    menu: ["Étudier", "Quiz", "Statistiques", "Éteindre"],
    no_sd: "sans SD",
    left: "reste ",
    page: "suite ",
    hint_answer: "Réponse",
    hint_end: "Fin",
    hint_scroll: "Défiler",
    hint_menu: "Menu",
    hint_retry: "Réessayer",
    hint_back: "Retour",
    quiz_hints: [
        "Choix", "Score", "Suivante", "Valider", "Question", "Choisir",
    ],
    write_failed: [
        "Non enregistré",
        "Carte SD absente.",
        "Carte SD pleine.",
        "Écriture sur la carte SD impossible.",
        "La note n'est pas comptée.",
    ],
    summary_title: "Séance terminée",
    cards_reviewed: [" carte revue", " cartes revues"],
    quiz_over: "Quiz terminé",
    right: [" juste", " justes"],
    quiz_no_effect: ["Sans effet sur les", "révisions."],
    quiz_verdicts: ["Juste !", "Faux."],
    stats_title: "Statistiques",
    done_today: [" révision faite auj.", " révisions faites auj."],
    left_today: "Reste : ",
    new_cards: [" nouvelle)", " nouvelles)"],
    tomorrow: ["Demain : ", " à revoir"],
    recall: "Réussite 30 j : ",
    cards: [" carte", " cartes"],
    notices: [
        [
            "Pas de carte SD",
            "Paquet intégré. Les révisions ne seront pas enregistrées.",
        ],
        ["DECK.BIN illisible", "Paquet intégré."],
        [
            "Rien à étudier",
            "Aucune carte due ni nouvelle pour aujourd'hui.",
        ],
        ["Quiz", "Aucune carte à demander."],
    ],
    settings_ignored: ["SETTINGS.TXT ignoré", "Réglages par défaut."],
    settings_problems: [
        "Lecture impossible.",
        "Fichier trop grand.",
        "Fichier mal formé.",
        "Valeur refusée : ",
    ],
    newer_format: ["Format ", " trop récent."],
    deck_errors: [
        "Contrôle CRC échoué.",
        "Lecture impossible.",
        "Carte trop longue.",
        "Format trop récent.",
        "Fichier mal formé.",
    ],
    error_title: "Erreur",
    too_many_cards: ["Paquet de ", " cartes : ", " au plus."],
    card_files: [
        "Synchro interrompue : relancez carnet sync.",
        "Fichiers de la carte modifiés : relancez carnet sync.",
    ],
    units: ["mn", "h", "j", "a"],
    decimal: ',',
};

/// English.
pub static ENGLISH: Words = Words {
    grades: ["Again", "Hard", "Good", "Easy"],
    phases: ["New", "Learning", "Review", "Relearning"],
    new_cloze: "New · cloze",
    counters: ["New", "Lrn", "Due"],
    menu: ["Study", "Quiz", "Statistics", "Power off"],
    no_sd: "no SD",
    left: "left ",
    page: "more ",
    hint_answer: "Answer",
    hint_end: "End",
    hint_scroll: "Scroll",
    hint_menu: "Menu",
    hint_retry: "Retry",
    hint_back: "Back",
    quiz_hints: ["Choices", "Score", "Next", "Choose", "Question", "Select"],
    write_failed: [
        "Not saved",
        "No SD card.",
        "SD card full.",
        "Cannot write to the SD card.",
        "The grade is not counted.",
    ],
    summary_title: "Session over",
    cards_reviewed: [" card reviewed", " cards reviewed"],
    quiz_over: "Quiz over",
    right: [" right", " right"],
    quiz_no_effect: ["No effect on the", "reviews."],
    quiz_verdicts: ["Right!", "Wrong."],
    stats_title: "Statistics",
    done_today: [" review done today", " reviews done today"],
    left_today: "Left: ",
    new_cards: [" new)", " new)"],
    tomorrow: ["Tomorrow: ", " due"],
    recall: "Recall 30 d: ",
    cards: [" card", " cards"],
    notices: [
        ["No SD card", "Built-in deck. Reviews will not be saved."],
        ["DECK.BIN unreadable", "Built-in deck."],
        ["Nothing to study", "No card due or new today."],
        ["Quiz", "No card to ask."],
    ],
    settings_ignored: ["SETTINGS.TXT ignored", "Default settings."],
    settings_problems: [
        "Cannot read.",
        "File too large.",
        "Malformed file.",
        "Refused value: ",
    ],
    newer_format: ["Format ", " too new."],
    deck_errors: [
        "CRC check failed.",
        "Cannot read.",
        "Card too long.",
        "Format too new.",
        "Malformed file.",
    ],
    error_title: "Error",
    too_many_cards: ["Deck of ", " cards: ", " at most."],
    card_files: [
        "Sync interrupted: run carnet sync again.",
        "Card files changed: run carnet sync again.",
    ],
    units: ["m", "h", "d", "y"],
    decimal: '.',
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plurals_follow_each_language() {
        let fr = Language::French;
        let en = Language::English;
        assert_eq!(fr.plural(0, FRENCH.cards), " carte");
        assert_eq!(fr.plural(1, FRENCH.cards), " carte");
        assert_eq!(fr.plural(2, FRENCH.cards), " cartes");
        assert_eq!(en.plural(0, ENGLISH.cards), " cards");
        assert_eq!(en.plural(1, ENGLISH.cards), " card");
        assert_eq!(en.plural(2, ENGLISH.cards), " cards");
        assert_eq!(Language::from_code(b"en"), Some(en));
        assert_eq!(Language::from_code(b"de"), None);
        assert_eq!(fr.code(), "fr");
    }
}
