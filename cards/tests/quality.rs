//! Quality gates on the bundled corpus and on our own small documents in the same four
//! formats (the generator must not be tuned to the corpus).

use carnet_cards::{CardKind, GeneratedCard, GeneratedDeck};
use std::path::{Path, PathBuf};

fn files(dir: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
    let mut v: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| !p.file_name().unwrap().to_string_lossy().starts_with('.'))
        .collect();
    v.sort();
    v
}

fn corpus() -> GeneratedDeck {
    carnet_cards::generate(&files("corpus"), &mut |_| {}).unwrap()
}

fn own() -> GeneratedDeck {
    carnet_cards::generate(&files("tests/data"), &mut |_| {}).unwrap()
}

fn texts(c: &GeneratedCard) -> Vec<&str> {
    let mut v = vec![c.prompt.as_str(), c.answer.as_str(), c.context.as_str()];
    v.extend(c.distractors.iter().map(String::as_str));
    v
}

/// Markup, OCR and diff debris that must never reach a card.
const DEBRIS: &[&str] = &[
    "[[",
    "]]",
    "''",
    "&nbsp;",
    "&amp;",
    "<ref",
    "</",
    "<sup",
    "<blockquote",
    "^[",
    "](#)",
    "](",
    "\u{2212}",
    "Ligne ",
    "Aller à la navigation",
    "Menu de navigation",
    "Leave a Reply",
    "Partager",
    "aucun résumé",
    "Modifications",
    "{{",
    "}}",
    "\u{a0}",
    "\u{202f}",
    "’",
    " i l ",
    "==",
    "Fonds A.R.A.M",
    "**",
    "Outils personnels",
    "Publié le",
];

fn check_debris(deck: &GeneratedDeck) {
    for c in &deck.cards {
        for t in texts(c) {
            for d in DEBRIS {
                assert!(!t.contains(d), "debris {d:?} in card {c:#?}");
            }
            // A word broken by a hyphen or a dash across a line: `commu– nications`.
            let chars: Vec<char> = t.chars().collect();
            for w in chars.windows(3) {
                assert!(
                    !(w[0].is_alphabetic() && matches!(w[1], '–' | '-' | '¬') && w[2] == ' '),
                    "broken word in {t:?}"
                );
                assert!(
                    !(w[0].is_alphabetic() && w[1] == '–' && w[2].is_lowercase()),
                    "dash inside a word in {t:?}"
                );
            }
            // A footnote number glued to a word (`Daghestan32`, `Daghestan(32)`); a time's
            // « h » between its hours and minutes (`22h45`) is no word.
            for (i, w) in chars.windows(2).enumerate() {
                let time = w[0] == 'h' && i > 0 && chars[i - 1].is_ascii_digit();
                assert!(
                    !(w[0].is_lowercase() && w[1].is_ascii_digit()) || time,
                    "number glued to a word in {t:?}"
                );
            }
            assert!(
                !t.contains("(32)") && !t.contains("(4)"),
                "footnote call in {t:?}"
            );
            assert!(!t.contains("  "), "double space in {t:?}");
        }
    }
}

fn check_shape(deck: &GeneratedDeck) {
    let mut ids = std::collections::HashSet::new();
    let mut prompts = std::collections::HashSet::new();
    for c in &deck.cards {
        assert!(ids.insert(c.key()), "duplicate card key {c:#?}");
        assert!(prompts.insert(c.prompt.clone()), "duplicate prompt {c:#?}");
        assert!(
            c.context.contains(&c.answer),
            "answer not in its sentence: {c:#?}"
        );
        assert!(!c.answer.trim().is_empty());
        match c.kind {
            CardKind::Cloze => {
                assert_eq!(c.prompt.matches("[...]").count(), 1, "{c:#?}");
                assert!(
                    !shows(&c.prompt.replace("[...]", " "), &c.answer),
                    "cloze gives its answer away: {c:#?}"
                );
            }
            CardKind::QuestionAnswer | CardKind::MultipleChoice => {
                assert!(c.prompt.ends_with(" ?"), "question without '?': {c:#?}");
                assert!(c.prompt.starts_with(char::is_uppercase), "{c:#?}");
            }
        }
        if c.kind == CardKind::MultipleChoice {
            assert_eq!(c.distractors.len(), 3, "{c:#?}");
        }
        if !c.distractors.is_empty() {
            assert_eq!(c.distractors.len(), 3);
            let mut all: Vec<&str> = c.distractors.iter().map(String::as_str).collect();
            all.push(&c.answer);
            all.sort_unstable();
            all.dedup();
            assert_eq!(all.len(), 4, "distractors repeat the answer: {c:#?}");
        }
        assert!((c.document as usize) < deck.documents.len());
        assert!(c.line >= 1);
    }
}

/// The line of every card's source holds the beginning of its sentence.
fn check_sources(deck: &GeneratedDeck, paths: &[PathBuf]) {
    for c in &deck.cards {
        let text = std::fs::read_to_string(&paths[c.document as usize]).unwrap();
        let line = text
            .lines()
            .nth(c.line as usize - 1)
            .unwrap_or_else(|| panic!("no line {} for {c:#?}", c.line));
        let line = carnet_cards::typography::fold(&carnet_cards::typography::normalize(line));
        let first_word: String = c
            .context
            .split(|ch: char| !ch.is_alphanumeric())
            .find(|w| w.chars().count() >= 2)
            .unwrap()
            .to_string();
        assert!(
            line.contains(&carnet_cards::typography::fold(&first_word)),
            "line {} of document {} does not hold {first_word:?}: {c:#?}",
            c.line,
            c.document
        );
    }
}

// ---------------------------------------------------------------------------------------
// Enough context: every card answerable without its document. These detectors are written
// apart from the generator's (`carnet_cards::context`), simpler and by the patterns of the
// defects themselves, so that the gate does not just repeat the code it checks.

/// Words, with an elided article apart (`l'imitent` → `l'`, `imitent`).
fn words(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    for w in text
        .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '-' || c == '[' || c == ']'))
        .filter(|w| !w.is_empty())
    {
        match w.find('\'') {
            Some(i) if i <= 6 && i + 1 < w.len() => {
                out.push(&w[..=i]);
                out.push(&w[i + 1..]);
            }
            _ => out.push(w),
        }
    }
    out
}

fn fold(text: &str) -> String {
    carnet_cards::typography::fold(text)
}

/// Capitalised words that are no names when they open a sentence.
const FUNCTION_CAPS: &[&str] = &[
    "Le", "La", "Les", "L'", "Un", "Une", "Des", "Du", "Au", "Aux", "Dans", "En", "À", "Sur",
    "Pour", "Par", "Après", "Avant", "Pendant", "Lors", "Dès", "Depuis", "Selon", "Sous", "Avec",
    "Ce", "Cet", "Cette", "Ces", "Il", "Elle", "Ils", "Elles", "On", "Son", "Sa", "Ses", "Leur",
    "Leurs", "Environ", "Sur", "Entre", "Vers", "Outre", "Malgré", "Quand", "Qui", "Où", "Comment",
    "Combien", "Quel", "Quelle", "Quels", "Quelles", "Pourquoi", "Sous",
];

/// A cloze ending with a speech verb (`…, Trotsky écrit.`) or a colon: its quotation was cut.
fn cut_quotation(prompt: &str) -> bool {
    const SPEECH: &[&str] = &[
        "écrit",
        "écrivit",
        "dit",
        "déclare",
        "déclara",
        "annonce",
        "annonça",
        "affirme",
        "affirma",
        "ajoute",
        "ajouta",
        "répond",
        "répondit",
        "écrie",
        "écria",
        "proclame",
        "proclama",
        "explique",
        "expliqua",
        "conclut",
        "précise",
        "précisa",
        "souligne",
        "souligna",
        "protestent",
        "protestèrent",
        "proteste",
        "écrivent",
        "déclarent",
    ];
    let t = prompt.trim_end_matches([' ', '»']);
    if t.ends_with(':') {
        return true;
    }
    let w = words(t);
    t.ends_with('.')
        && w.len() >= 2
        && SPEECH.contains(w.last().unwrap())
        && !["le", "la", "un", "une", "ce", "son", "l'"].contains(&w[w.len() - 2])
}

/// An object pronoun before a verb after a named subject (`Noguine l'imitent`), `les`
/// before a word that is no plural noun (`…, les stigmatise`), or a negated one.
fn object_pronoun(prompt: &str) -> bool {
    // (an apposition after a comma is no object: « Marie Duval, la première femme »)
    let apposed = prompt
        .replace(", la ", ", ")
        .replace(", le ", ", ")
        .replace(", les ", ", ");
    let w = words(&apposed);
    for i in 1..w.len().saturating_sub(1) {
        let (prev, pron, next) = (w[i - 1], w[i], w[i + 1]);
        let verb_end = ["ent", "e", "a", "ait", "aient", "it", "èrent"]
            .iter()
            .any(|e| next.ends_with(e));
        let lower_next = next.starts_with(char::is_lowercase);
        let named = prev.starts_with(char::is_uppercase)
            && !FUNCTION_CAPS.contains(&prev)
            && !(i >= 2 && ["de", "à", "en", "par", "d'", "du", "au", "pour"].contains(&w[i - 2]));
        if matches!(pron, "l'" | "le" | "la" | "les" | "lui" | "leur")
            && named
            && lower_next
            && verb_end
        {
            return true;
        }
        let impersonal = pron == "y" && ["a", "avait", "eut", "aura"].contains(&next);
        if matches!(prev, "ne" | "n'")
            && matches!(
                pron,
                "l'" | "le" | "la" | "les" | "lui" | "leur" | "en" | "y"
            )
            && !impersonal
        {
            return true;
        }
    }
    // `…, les stigmatise`
    prompt.split(", les ").skip(1).any(|rest| {
        let next = words(rest).first().copied().unwrap_or("");
        next.starts_with(char::is_lowercase)
            && !next.ends_with(['s', 'x'])
            && ![
                "quelque", "deux", "trois", "quatre", "cinq", "sept", "huit", "neuf", "dix", "plus",
            ]
            .contains(&next)
    })
}

/// A subject pronoun opening the main clause (`Il …`, `Après la guerre, il …`) or a
/// possessive opening the sentence (`Sa collection …`).
fn dangling_subject(prompt: &str) -> bool {
    const IMPERSONAL: &[&str] = &["Il y a", "Il n'y a", "Il faut", "Il existe"];
    if IMPERSONAL.iter().any(|i| prompt.starts_with(i)) {
        return false;
    }
    let first = words(prompt).first().copied().unwrap_or("");
    if [
        "Il", "Elle", "Ils", "Elles", "On", "Son", "Sa", "Ses", "Leur", "Leurs", "Dont",
    ]
    .contains(&first)
    {
        return true;
    }
    let Some((head, rest)) = prompt.split_once(", ") else {
        return false;
    };
    let clause = words(head).iter().any(|w| {
        [
            "qui", "que", "qu'", "lorsque", "lorsqu'", "quand", "si", "comme",
        ]
        .contains(&w.to_lowercase().as_str())
    });
    let next = words(rest).first().copied().unwrap_or("");
    !clause && ["il", "elle", "ils", "elles", "on"].contains(&next)
}

/// A demonstrative pointing to something said before (`ce dernier`, `cette ville`).
fn demonstrative(prompt: &str) -> bool {
    let w = words(prompt);
    for (i, word) in w.iter().enumerate() {
        let l = word.to_lowercase();
        if [
            "celui-ci",
            "celle-ci",
            "ceux-ci",
            "celles-ci",
            "celui-là",
            "celle-là",
            "ceux-là",
            "celles-là",
        ]
        .contains(&l.as_str())
        {
            return true;
        }
        if i == 0 && ["cela", "ceci", "là", "ici"].contains(&l.as_str()) {
            return true;
        }
        if ["ce", "cet", "cette", "ces"].contains(&l.as_str()) {
            let Some(next) = w.get(i + 1) else { continue };
            let n = next.to_lowercase();
            let idiom = [
                "qui", "que", "qu'", "dont", "sont", "fut", "n'", "effet", "titre", "fait", "sens",
            ]
            .contains(&n.as_str());
            // `le pouvoir central … ce pouvoir`: the noun is in the card.
            let said = w[..i].iter().any(|p| p.to_lowercase() == n);
            if !idiom && !said {
                return true;
            }
        }
    }
    false
}

/// A participle opening with no named subject after it (`Composé de [...] délégués, dont
/// …`), or a cloze that names nothing at all besides its gap.
/// A cloze that names nothing, unless its situation line names its subject and year
/// (`situated`).
fn no_subject(prompt: &str, cloze: bool, situated: bool) -> bool {
    const OPENINGS: &[&str] = &[
        "Composé",
        "Composée",
        "Composés",
        "Né",
        "Née",
        "Arrivé",
        "Arrivée",
        "Élu",
        "Élue",
        "Nommé",
        "Nommée",
        "Long",
        "Longue",
        "Haut",
        "Haute",
        "Situé",
        "Située",
        "Âgé",
        "Âgée",
        "Fondé",
        "Fondée",
        "Créé",
        "Créée",
        "Mort",
        "Morte",
        "Ayant",
        "Étant",
        "Aidé",
        "Aidée",
        "Sommés",
        "Sommé",
    ];
    let w = words(prompt);
    if w.first().is_some_and(|f| OPENINGS.contains(f)) {
        let Some((_, rest)) = prompt.split_once(", ") else {
            return true;
        };
        let next = words(rest).first().copied().unwrap_or("");
        let named = next.starts_with(char::is_uppercase) || next == "[...]";
        let determiner = ["le", "la", "les", "l'", "un", "une", "des"].contains(&next);
        if !named && !determiner {
            return true;
        }
    }
    if cloze && !situated {
        let names = w.iter().enumerate().any(|(i, word)| {
            *word != "[...]"
                && word.starts_with(char::is_uppercase)
                && (i > 0 || !FUNCTION_CAPS.contains(word))
        });
        return !names;
    }
    false
}

/// A time told from another sentence: `le lendemain`, `ce jour-là`, a day without month.
fn relative_time(prompt: &str) -> bool {
    const RELATIVE: &[&str] = &[
        "le lendemain",
        "la veille",
        "ce jour-la",
        "ce soir-la",
        "cette nuit-la",
        "a cette date",
        "a cette epoque",
        "le jour meme",
        "le meme jour",
        "peu apres",
        "plus tard",
        "dans la soiree",
        "suivant,",
        "suivante,",
    ];
    let f = fold(prompt);
    if RELATIVE.iter().any(|r| f.contains(r)) {
        return true;
    }
    // `le 26,`: a day with no month.
    let w = words(prompt);
    w.windows(2).enumerate().any(|(i, p)| {
        ["le", "du", "au"].contains(&p[0])
            && p[1].len() <= 2
            && p[1].chars().all(|c| c.is_ascii_digit())
            && prompt
                .split(' ')
                .nth(i + 1)
                .is_some_and(|t| t.ends_with([',', '.']))
    })
}

/// Content words of a cloze besides the gap.
fn content_words(prompt: &str) -> usize {
    const STOP: &[&str] = &[
        "le", "la", "les", "l", "un", "une", "des", "du", "de", "d", "au", "aux", "a", "en",
        "dans", "par", "pour", "sur", "sous", "avec", "et", "ou", "mais", "que", "qu", "qui",
        "dont", "ce", "c", "se", "s", "son", "sa", "ses", "il", "elle", "ils", "elles", "on",
        "lui", "y", "ne", "n", "pas", "plus", "est", "sont", "etait", "fut", "furent", "avait",
        "ont", "ete", "etre", "avoir", "environ", "quelque", "tout", "tous",
    ];
    fold(&prompt.replace("[...]", " "))
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && !STOP.contains(w))
        .count()
}

/// True when `answer` shows in `text` (as a word when short).
fn shows(text: &str, answer: &str) -> bool {
    let (t, a) = (fold(text), fold(answer));
    if a.chars().count() < 4 {
        t.split(|c: char| !c.is_alphanumeric()).any(|w| w == a)
    } else {
        t.contains(&a)
    }
}

/// A cloze about an unnamed thing (`Le chantier, …`, `La première étape, …`) that tells
/// no time: no year in it, and the answer is no date.
fn unnamed_and_timeless(c: &GeneratedCard) -> bool {
    let w = words(&c.prompt);
    // The subject: its first words, up to a comma.
    let mut subject = Vec::new();
    for x in c.prompt.split(' ').take(6) {
        subject.push(x);
        if x.ends_with(',') {
            break;
        }
    }
    let unnamed = w.len() >= 3
        && ["Le", "La", "Les", "L'", "Un", "Une"].contains(&w[0])
        && w[1].starts_with(char::is_lowercase)
        && !subject
            .iter()
            .skip(1)
            .any(|x| x.starts_with(char::is_uppercase) || x.contains("[...]"));
    const MONTHS: &[&str] = &[
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ];
    let year = w
        .iter()
        .any(|x| x.len() == 4 && x.chars().all(|c| c.is_ascii_digit()))
        || w.windows(2).any(|p| {
            p[0].len() <= 2 && p[0].chars().all(|c| c.is_ascii_digit()) && MONTHS.contains(&p[1])
        });
    unnamed && !year && !situated(c) && c.answer_kind != carnet_cards::facts::Kind::Date
}

/// Whether a prompt holds a capitalised word past its first.
fn names_past_first(prompt: &str) -> bool {
    words(prompt)
        .iter()
        .skip(1)
        .any(|w| *w != "[...]" && w.starts_with(char::is_uppercase))
}

/// The situation line shown with the card names its subject and a year.
/// Whether a card's situation line names its subject, and the line or the prompt its year.
fn situated(c: &GeneratedCard) -> bool {
    let year = |text: &str| {
        text.split(|ch: char| !ch.is_ascii_digit())
            .any(|d| d.len() == 4)
    };
    c.situation.starts_with(char::is_uppercase) && (year(&c.situation) || year(&c.prompt))
}

fn check_context(deck: &GeneratedDeck, paths: &[PathBuf]) {
    for c in &deck.cards {
        let p = c.prompt.as_str();
        let cloze = c.kind == CardKind::Cloze;
        assert!(
            !(cloze && unnamed_and_timeless(c)),
            "unnamed subject, no time: {c:#?}"
        );
        assert!(!(cloze && cut_quotation(p)), "cut quotation: {c:#?}");
        assert!(
            !object_pronoun(p),
            "object pronoun without antecedent: {c:#?}"
        );
        assert!(
            !(cloze && dangling_subject(p)),
            "subject without antecedent: {c:#?}"
        );
        assert!(!demonstrative(p), "demonstrative: {c:#?}");
        assert!(!no_subject(p, cloze, situated(c)), "no subject: {c:#?}");
        assert!(!relative_time(p), "relative time: {c:#?}");
        // A name and a time single a fact out with one content word less (« Gustave Eiffel
        // naît à Dijon le [...] »); so does a date whose situation line names what and
        // when (« Le soulèvement populaire bolchevique a commencé le [...] » in « Soviet de
        // Petrograd, 1917 »).
        let named_when = (names_past_first(p) || situated(c))
            && (c.answer_kind == carnet_cards::facts::Kind::Date);
        assert!(
            !(cloze && content_words(p) < 5 - usize::from(named_when)),
            "too few words to single out the fact: {c:#?}"
        );
    }
    // Two cards of one sentence never ask the same answer: one fact, one card (they may
    // show each other's answers: the front ends bury siblings for the day).
    for (i, a) in deck.cards.iter().enumerate() {
        for b in &deck.cards[i + 1..] {
            if a.document != b.document || fold(&a.context) != fold(&b.context) {
                continue;
            }
            assert!(
                fold(&a.answer) != fold(&b.answer),
                "two cards of one sentence ask the same answer: {a:#?} {b:#?}"
            );
        }
    }
    // Rewriting names only what the document names: every name of a prompt is in it.
    let texts: Vec<String> = paths
        .iter()
        .map(|p| fold(&std::fs::read_to_string(p).unwrap()))
        .collect();
    for c in &deck.cards {
        for w in words(&c.prompt) {
            if w.starts_with(char::is_uppercase)
                && w.chars().count() > 1
                && w != "[...]"
                && !FUNCTION_CAPS.contains(&w)
            {
                assert!(
                    texts[c.document as usize].contains(&fold(w)),
                    "{w:?} is not in the document of {c:#?}"
                );
            }
        }
    }
}

#[test]
fn the_context_detectors_catch_the_defects() {
    // Examples of our own for each defect the gate looks for.
    assert!(cut_quotation("Dans sa lettre du [...], Zola écrit."));
    assert!(cut_quotation("Au conseil du [...], le maire déclara :"));
    assert!(!cut_quotation("Zola publie une lettre en [...]."));
    assert!(object_pronoun(
        "Monet, Renoir et Sisley l'imitent le [...]."
    ));
    assert!(object_pronoun(
        "Zola, dans un article du [...], les accuse de trahison."
    ));
    assert!(object_pronoun("Renoir ne la revoit plus après [...]."));
    assert!(!object_pronoun(
        "Le comité rédige une motion et la vote le [...]."
    ));
    assert!(!object_pronoun(
        "Le [...], les ouvriers de Lyon reprennent le travail."
    ));
    assert!(dangling_subject(
        "Après ses études à Paris, il rencontre Zola en [...]."
    ));
    assert!(dangling_subject("Sa collection compte [...] tableaux."));
    assert!(!dangling_subject(
        "Lorsque Zola arrive à Paris, il rencontre Cézanne en [...]."
    ));
    assert!(!dangling_subject(
        "Il y a [...] délégués au congrès de Lyon."
    ));
    assert!(demonstrative("Ce dernier est élu maire de Lyon en [...]."));
    assert!(demonstrative(
        "En [...], cette ville compte 300 000 habitants."
    ));
    assert!(!demonstrative(
        "Le pouvoir central et ce pouvoir seul décident en [...]."
    ));
    assert!(no_subject(
        "Composé de [...] délégués, dont 390 bolcheviks.",
        true,
        false
    ));
    assert!(no_subject("L'insurrection a lieu dans [...].", true, false));
    assert!(!no_subject("L'insurrection a lieu dans [...].", true, true));
    assert!(!no_subject(
        "Né à Aix en [...], Cézanne peint la Provence.",
        true,
        false
    ));
    assert!(relative_time(
        "Le lendemain, Zola publie J'accuse en [...]."
    ));
    assert!(relative_time(
        "Dans la nuit du 14, à [...], le pont s'effondre."
    ));
    assert!(!relative_time(
        "Le 14 juillet 1789, la Bastille tombe à [...]."
    ));
    assert_eq!(content_words("Zola reçut une prime de [...] francs."), 4);
    let cloze = |prompt: &str, kind| GeneratedCard::sample_cloze(prompt, "12", kind);
    use carnet_cards::facts::Kind;
    assert!(unnamed_and_timeless(&cloze(
        "Le chantier, dirigé par Eiffel, a coûté [...] millions.",
        Kind::Quantity
    )));
    assert!(!unnamed_and_timeless(&cloze(
        "Le chantier du pont de Normandie a coûté [...] millions.",
        Kind::Quantity
    )));
    assert!(!unnamed_and_timeless(&cloze(
        "Le chantier, dirigé par Eiffel, commence le [...].",
        Kind::Date
    )));
}

#[test]
fn every_card_has_enough_context() {
    check_context(&corpus(), &files("corpus"));
    check_context(&own(), &files("tests/data"));
}

#[test]
fn the_context_rules_work_on_our_documents() {
    // Our documents hold each defect at least once: each rule must have removed a card,
    // and pronouns and definite descriptions must have been named from the text before.
    let deck = own();
    for rule in carnet_cards::context::Rule::ALL {
        let n = if rule == carnet_cards::context::Rule::Unnamed {
            deck.context.rewritten.get(&rule)
        } else {
            deck.context.removed.get(&rule)
        };
        assert!(
            n.is_some_and(|&n| n > 0),
            "rule {rule:?} never applied: {:?}",
            deck.context
        );
    }
    assert!(deck
        .context
        .rewritten
        .get(&carnet_cards::context::Rule::Pronoun)
        .is_some_and(|&n| n > 0));
    let has = |prompt: &str, answer: &str| {
        deck.cards
            .iter()
            .any(|c| c.prompt == prompt && c.answer == answer)
    };
    assert!(has(
        "Gustave Eiffel fonde sa société de constructions métalliques en [...] à Levallois-Perret.",
        "1866"
    ));
    assert!(has(
        "Gustave Eiffel rachète à Maurice Koechlin les droits du brevet en [...] pour une somme importante.",
        "1885"
    ));
    assert!(has(
        "Les Parisiens surnomment la tour Eiffel la Dame de fer dès [...].",
        "1889"
    ));
    assert!(has(
        "Qui présidait le club cycliste de Lyon ?",
        "Marie Duval"
    ));
    assert!(has("Qui dirigeait le musée Guimet ?", "Léon de Milloué"));
    // Never the defective ones.
    for c in &deck.cards {
        assert!(
            !c.prompt.contains("l'adopte")
                && !c.prompt.starts_with("Composée")
                && !c.prompt.contains("Ce dernier")
                && !c.prompt.contains("la veille")
                && !c.prompt.ends_with("protestent."),
            "{c:#?}"
        );
    }
}

#[test]
fn corpus_cards_are_clean() {
    let deck = corpus();
    assert!(deck.cards.len() >= 30, "only {} cards", deck.cards.len());
    check_debris(&deck);
    check_shape(&deck);
    check_sources(&deck, &files("corpus"));
    check_context(&deck, &files("corpus"));
}

#[test]
fn own_documents_cards_are_clean() {
    let deck = own();
    assert!(deck.cards.len() >= 15, "only {} cards", deck.cards.len());
    check_debris(&deck);
    check_shape(&deck);
    check_sources(&deck, &files("tests/data"));
    check_context(&deck, &files("tests/data"));
}

#[test]
fn every_document_gives_cards() {
    for deck in [corpus(), own()] {
        for i in 0..deck.documents.len() {
            let n = deck
                .cards
                .iter()
                .filter(|c| c.document as usize == i)
                .count();
            assert!(
                n >= 3,
                "document {} gives {n} cards",
                deck.documents[i].name
            );
        }
    }
}

#[test]
fn old_versions_of_the_diff_never_show() {
    // Text that only the old (−) side of the corpus diff holds.
    let old_only = [
        "socialistes conciliateurs",
        "points tratégiques de Petrograd",
        "conduite par Kamenev",
        "dirigé par les mencheviks",
        "Certains SR de gauche entreront",
        "[qui préside] lut la liste des Commissaires du Peuple des applaudissements éclatèrent coup sur coup, après chaque nom, et particulièrement après ceux de Lenine et de Trotsky » . Soukhanov",
    ];
    let deck = corpus();
    for c in &deck.cards {
        for t in texts(c) {
            for o in old_only {
                assert!(!t.contains(o), "old diff text {o:?} in {c:#?}");
            }
        }
    }
    let own = own();
    for c in &own.cards {
        for t in texts(c) {
            assert!(
                !t.contains("Paul Martin")
                    && !t.contains("Musée des Confluences")
                    && !t.contains("mal connus"),
                "{c:#?}"
            );
        }
    }
}

/// A diff whose markers are glued to the text (`−Louis jure…`, `+Louis jure…`): its old
/// side's values never reach a card.
#[test]
fn old_versions_of_a_glued_diff_never_show() {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("eval/documents/traite_de_verdun_diff.txt");
    let deck = carnet_cards::generate(&[path], &mut |_| {}).unwrap();
    assert!(deck.cards.len() >= 5, "{} cards", deck.cards.len());
    let old_only = [
        "en 880",
        "près de Sens",
        "quarante experts",
        "juin 842",
        "août 842",
        "l'est de la Meuse",
    ];
    for c in &deck.cards {
        for t in texts(c) {
            for o in old_only {
                assert!(!t.contains(o), "old diff text {o:?} in {c:#?}");
            }
            assert!(!t.contains('\u{2212}'), "{c:#?}");
        }
    }
}

#[test]
fn the_same_fact_twice_is_one_card() {
    // The diff shows unchanged paragraphs twice; two documents name the Sovnarkom.
    let deck = corpus();
    let sovnarkom_alias = deck
        .cards
        .iter()
        .filter(|c| c.answer == "Sovnarkom" && c.fact_type == carnet_cards::facts::FactType::Alias)
        .count();
    assert!(sovnarkom_alias <= 1);
    let mut contexts: Vec<(&str, &str)> = deck
        .cards
        .iter()
        .map(|c| (c.context.as_str(), c.answer.as_str()))
        .collect();
    let n = contexts.len();
    contexts.sort_unstable();
    contexts.dedup();
    assert_eq!(
        contexts.len(),
        n,
        "the same answer asked twice from one sentence"
    );
}

#[test]
fn expected_cards_on_our_documents() {
    let deck = own();
    let has = |prompt_part: &str, answer: &str| {
        deck.cards
            .iter()
            .any(|c| c.prompt.contains(prompt_part) && c.answer == answer)
    };
    assert!(has(
        "Qui présidait le Comité central de la Garde nationale",
        "Édouard Moreau"
    ));
    assert!(has("Qui a fondé le club cycliste de Lyon", "Jean Perrin"));
    assert!(has(
        "Quand la Fédération française de cyclisme fut-elle créée",
        "12 février 1881"
    ));
    // `Qui était Jean Perrin ?` would show the answer of `Qui a fondé le club …`, from the
    // same sentence: only the better one stays.
    assert!(!has(
        "Qui était Jean Perrin",
        "un horloger de la Croix-Rousse"
    ));
    assert!(has("Qui dirigeait l'Auto", "Henri Desgrange"));
    assert!(has("spectateurs", "19 juillet 1903"));
    assert!(has("Quand Jules Verne est-il né", "8 février 1828"));
    assert!(has("Où Jules Verne est-il mort", "Amiens"));
    // « Qui est X ? » has as many answers as X has descriptions: never asked open.
    assert!(!has("Qui est Jules Verne", "un écrivain français"));
    assert!(has(
        "Qui a inauguré le pont Jacques-Chaban-Delmas",
        "François Hollande"
    ));
    assert!(has("Qui était le maire de Bordeaux", "Alain Juppé"));
    assert!(has("Qui commandait le Nautilus", "Nemo"));
}

#[test]
fn expected_cards_on_the_corpus() {
    let deck = corpus();
    let has = |prompt_part: &str, answer: &str| {
        deck.cards
            .iter()
            .any(|c| c.prompt.contains(prompt_part) && c.answer == answer)
    };
    // Lazimir presided, and Podvoisky « prendrait le contrôle officiel du Comité le jour du
    // soulèvement »: two answers asked open (the blind reviews of 2026-12-02 failed it as not
    // unique), so not asked.
    assert!(!deck.cards.iter().any(|c| c
        .prompt
        .contains("Qui présidait le Comité militaro-révolutionnaire")));
    assert!(has("Qui commandait les troupes de Poulkovo", "Walden"));
    // An open « Qui était X ? » has as many answers as X had roles (the blind review of
    // 2026-12-01 failed every one as not unique): never asked.
    assert!(
        !deck.cards.iter().any(|c| c.prompt.starts_with("Qui était ")
            && !c.prompt.contains(" dans ")
            && c.prompt.split(' ').count() <= 4)
    );
    // « également appelé Milrevcom ou Comité militaire »: two other names, so « Sous quel
    // autre nom … ? » has two answers (the blind review of 2026-12-02 failed it as not
    // unique); the alias still spells the abbreviation out in the other cards.
    assert!(!deck.cards.iter().any(|c| c
        .prompt
        .contains("connaît-on le Comité Révolutionnaire militaire")));
    assert!(deck.cards.iter().any(|c| c
        .prompt
        .contains("Comité Révolutionnaire militaire (Milrevcom)")));
    // `Composé de [...] délégués, dont …` has no subject; `Au comité central suivant,` is
    // dropped from the front of the cloze.
    assert!(!has("[...]", "649"));
    assert!(has(
        "Le [...], Trotsky accuse Kamenev et Riazanov",
        "2 décembre"
    ));
    assert!(has(
        "Qui était chargé de la Justice dans le Sovnarkom",
        "N. Narimanov"
    ));
    // The abbreviation spelled out from what the document says it stands for.
    assert!(has(
        "Quand le Comité militaire révolutionnaire (CMR) fut-il officiellement dissous",
        "5 (18) décembre 1917"
    ));
}

#[test]
fn cards_fit_the_handheld() {
    for deck in [corpus(), own()] {
        let lines: Vec<usize> = deck.cards.iter().map(GeneratedCard::total_lines).collect();
        let long = lines.iter().filter(|&&l| l > 10).count();
        assert!(
            long * 10 <= lines.len(),
            "{long} of {} cards need more than 10 lines",
            lines.len()
        );
        assert!(
            lines.iter().all(|&l| l <= 20),
            "a card needs {} lines",
            lines.iter().max().unwrap()
        );
    }
}

#[test]
fn report_has_figures_and_a_sample() {
    let deck = corpus();
    let text = carnet_cards::report::render(&deck, 20, 7);
    assert!(text.contains("## Per document"));
    assert!(text.contains("## Per fact type"));
    assert!(text.contains("## 20 random cards"));
    assert_eq!(
        text,
        carnet_cards::report::render(&deck, 20, 7),
        "the sample is deterministic"
    );
}

#[test]
fn generation_is_deterministic() {
    assert_eq!(corpus(), corpus());
}

/// The cards of one document written to a temporary folder.
fn deck_of(name: &str, text: &str) -> GeneratedDeck {
    let dir = std::env::temp_dir().join(format!("carnet-quality-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(format!("{name}.md"));
    std::fs::write(&path, text).unwrap();
    let deck = carnet_cards::generate(&[path], &mut |_| {});
    std::fs::remove_dir_all(&dir).unwrap();
    deck.unwrap()
}

#[test]
fn an_unnamed_subject_is_kept_only_with_a_situation() {
    let body = "Le canal de Bourgogne relie la Saône à l'Yonne depuis 1832. \
        Le canal de Bourgogne compte 189 écluses sur 242 kilomètres. \
        Les travaux du canal de Bourgogne commencent en 1775 sous Louis XVI. \
        Le chantier emploie jusqu'à 3 000 ouvriers venus de tout le royaume de France.\n";
    let chantier = |deck: &GeneratedDeck| {
        deck.cards
            .iter()
            .find(|c| c.prompt.starts_with("Le chantier emploie"))
            .cloned()
    };
    let titled = deck_of("bourgogne", &format!("# Canal de Bourgogne\n\n{body}"));
    let card = chantier(&titled).expect("the titled document's chantier card");
    assert!(
        card.situation.starts_with("Canal de Bourgogne"),
        "{card:#?}"
    );
    assert!(card.situation.contains("17"), "{card:#?}");
    // Without any year to situate it, which building site, when?
    let timeless = deck_of(
        "timeless",
        "# Canal de Bourgogne\n\nLe canal de Bourgogne relie la Saône à l'Yonne par la Côte-d'Or. \
         Le canal de Bourgogne compte 189 écluses sur 242 kilomètres de voie navigable. \
         Le chantier emploie jusqu'à 3 000 ouvriers venus de tout le royaume de France.\n",
    );
    assert!(!timeless.cards.is_empty());
    assert_eq!(chantier(&timeless), None, "{:#?}", timeless.cards);
}
