//! Verdicts: the last checks every candidate card passes, whichever stage wrote it (the
//! fact patterns of [`crate::context`] or the clause clozes of [`crate::clauses`]). Each
//! check is named after the rubric criterion it guards (correct, standalone, unique,
//! minimal, french); a card that fails one is not in the deck.

use crate::cards::{CardKind, GeneratedCard, GAP};
use crate::context::Rule;
use crate::distractors::Pools;
use crate::facts::places::PlaceKind;
use crate::facts::Kind;
use crate::lexicon::{Lexicon, Mood, Pos};

/// What a card is checked against besides itself.
pub struct Judge<'a> {
    /// The corpus's names, with the kinds of places it told.
    pub pools: &'a Pools,
}

impl Judge<'_> {
    /// The rule a card breaks, if any, in the order of the rubric.
    pub fn fails(&self, card: &GeneratedCard, setting_place: Option<&str>) -> Option<Rule> {
        // correct: « 001 » (a prototype's number) is a name, not a count of anything.
        if card.answer_kind == Kind::Quantity
            && card.answer.starts_with('0')
            && card.answer.len() > 1
        {
            return Some(Rule::Fragment);
        }
        // standalone: « y » stands for a place or a thing told before (« Quand le tableau y
        // est-il volé ? »), whatever the card's form.
        if points_back_by_y(&card.prompt) {
            return Some(Rule::Pronoun);
        }
        if card.kind == CardKind::Cloze {
            // unique: a prompt that shows its own answer (a pronoun named by it) asks nothing.
            if crate::clauses::has_words(&card.prompt.replace(GAP, " "), &card.answer) {
                return Some(Rule::Fragment);
            }
            if half_of_a_range(&card.prompt) {
                return Some(Rule::HalfRange);
            }
            if cuts_a_name(&card.prompt)
                || (card.answer_kind != Kind::Date && ends_a_named_thing(&card.prompt))
                || closes_a_named_institution(&card.prompt, &card.answer)
                || adjective_of_the_name(&card.prompt, &card.answer)
                || a_common_noun_capitalised(card)
                || heads_a_name(&card.prompt, &card.answer)
                || (card.answer_kind == Kind::Organisation && body_goes_on(&card.prompt))
            {
                return Some(Rule::Fragment);
            }
            if unbalanced(&card.prompt) || negation_left_open(&card.prompt) {
                return Some(Rule::Fragment);
            }
            // What was cut to one fact must still single it out (as [`one_fact`] asks).
            if !says_enough(Lexicon::get(), &card.prompt)
                && !dated_in_its_situation(card)
                && !dated_between_names(card)
            {
                return Some(Rule::TooShort);
            }
            if points_back_by_an_object(Lexicon::get(), &card.prompt)
                || dangling_subject_pronoun(&card.prompt)
                || dangling_possessive(Lexicon::get(), &card.prompt)
            {
                return Some(Rule::Pronoun);
            }
            // minimal: about twenty words; what is still longer once cut to one fact holds
            // more than its clause.
            if word_count(&card.prompt) > MAX_WORDS {
                return Some(Rule::TooLong);
            }
            // standalone: « les [...] alliés », « ses [...] fils »: a count after a definite
            // or possessive determiner counts a group told before.
            if card.answer_kind == Kind::Quantity && counts_a_known_group(&card.prompt) {
                return Some(Rule::Pronoun);
            }
            // standalone: « au début du siècle »: of which century, nothing says.
            if crate::typography::fold(&card.prompt).contains(" du siecle") {
                return Some(Rule::RelativeTime);
            }
            // minimal: three other counts beside the gap are three other facts (« Au total,
            // 3 089 athlètes, dont 135 femmes, représentant [...], prennent part aux 126
            // épreuves … »).
            if other_counts(&card.prompt) >= 3 {
                return Some(Rule::TooLong);
            }
            // minimal: a sovereign's number is part of his name (« Louis [...] »).
            if crate::facts::names::is_regnal(&card.answer) {
                return Some(Rule::Fragment);
            }
            // unique: « communications … avec le [...] » → « Nord »: a point of the compass
            // is filled by many other places.
            if matches!(
                crate::typography::fold(&card.answer).as_str(),
                "nord" | "sud" | "est" | "ouest" | "midi" | "orient" | "occident"
            ) {
                return Some(Rule::Fragment);
            }
            // unique: « Les [...] envisagèrent … » → « Soviétiques »: a people, not a name.
            if crate::facts::names::is_demonym(card.answer.trim_end_matches('s')) {
                return Some(Rule::Fragment);
            }
            if !is_whole_sentence(Lexicon::get(), &card.prompt) {
                return Some(Rule::Fragment);
            }
            if crate::context::points_back(&card.prompt)
                || points_to_a_place_before(&card.prompt)
                || crate::clauses::unqualified_abstract(&card.prompt)
                || ends_without_its_object(Lexicon::get(), &card.prompt)
            {
                return Some(Rule::Demonstrative);
            }
            if day_without_month(&card.prompt) {
                return Some(Rule::RelativeTime);
            }
            // standalone: « après l'affrontement de [...] » → « mars »: a month alone that
            // names an event (« de » after its noun; not « dès le mois de [...] ») is the only
            // clue to which event is meant.
            if card.answer_kind == Kind::Date
                && crate::facts::dates::is_month(&card.answer.to_lowercase())
                && names_the_event(&card.prompt)
            {
                return Some(Rule::RelativeTime);
            }
            if one_of_many(&card.prompt)
                || one_of_a_cut_list(card)
                || a_member_of_a_list(&card.prompt)
                || introduced_open(card)
            {
                return Some(Rule::OneOfMany);
            }
            if self.a_town_fits_too(card, setting_place) {
                return Some(Rule::NestedPlace);
            }
        }
        None
    }
}

/// minimal: a cloze keeps one fact. After the gap, a second one joined by « et » is cut
/// (« était mort le [...] et repose dans une crypte » → « était mort le [...] »; « peint en
/// [...] et conservé au musée » → « peint en [...] »), and before it, an aside between commas
/// that opens on a past participle (« Pasteur, né à Dole en 1822, était mort le [...] » →
/// « Pasteur était mort le [...] »), when what is kept still says enough.
pub fn one_fact(prompt: &str) -> String {
    let lexicon = Lexicon::get();
    let Some(gap) = prompt.find(GAP) else {
        return prompt.to_string();
    };
    let mut text = promote_relative(prompt)
        .or_else(|| promote_prepositional_relative(prompt))
        .unwrap_or_else(|| prompt.to_string());
    text = without_asides_in_brackets(&text);
    text = without_contrast_aside(&text);
    text = without_counted_asides(lexicon, &text);
    if let Some(clause) = participial_opening(lexicon, &text)
        .or_else(|| participial_aside(lexicon, &text))
        .or_else(|| participial_aside_on_a_name(lexicon, &text))
    {
        return clause;
    }
    text = without_opening_connector(&text);
    if let Some(clause) =
        second_verb_phrase(lexicon, &text).or_else(|| second_clause(lexicon, &text))
    {
        text = clause;
    }
    if let Some(clause) = one_coordinate(lexicon, &text) {
        text = clause;
    }
    let gap = text.find(GAP).unwrap_or(gap);
    let after = gap + GAP.len();
    let second = text[after..].match_indices(" et ").find_map(|(i, _)| {
        let next = text[after + i + 4..].split_whitespace().next()?;
        // « entre [...] et Vienne »: a name, not a verb (« vienne »).
        if next.starts_with(char::is_uppercase) {
            return None;
        }
        let next = next.to_lowercase();
        // « et en confie la direction »: a clitic, then the verb.
        let clitic_then_verb = matches!(
            next.as_str(),
            "en" | "y" | "le" | "la" | "les" | "lui" | "leur" | "se"
        ) && text[after + i + 4..]
            .split_whitespace()
            .nth(1)
            .is_some_and(|w| crate::clauses::is_verb_form(lexicon, &w.to_lowercase()));
        let joins = past_participle(lexicon, &next)
            || clitic_then_verb
            || (crate::clauses::is_verb_form(lexicon, &next) && !is_noun(lexicon, &next));
        // « nettoie et cautérise les plaies »: two verbs that share what follows.
        let before = text[..after + i]
            .split_whitespace()
            .next_back()
            .unwrap_or("");
        let shares = crate::clauses::is_verb_form(lexicon, &before.to_lowercase())
            || past_participle(lexicon, &before.to_lowercase());
        (joins && !shares).then_some(after + i)
    });
    // Every place where another fact may begin: the first that leaves enough is cut.
    let mut cuts = vec![second];
    // « …, les lettres « TSS » signifiant … »: an absolute participle after the main clause
    // tells another fact; so does a phrase with no verb that ends the sentence (« …, chef
    // des travaux à l'École municipale. »).
    cuts.push(text[after..].match_indices(", ").find_map(|(i, _)| {
        let segment = &text[after + i + 2..];
        let segment = &segment[..segment.find(", ").unwrap_or(segment.len())];
        let last = segment.len() + after + i + 2 == text.len();
        // (a noun too, « signifiant », unless an article says it is one here)
        let words: Vec<String> = segment
            .split_whitespace()
            .take(6)
            .map(str::to_lowercase)
            .collect();
        // (an absolute construction: its own subject first, « les lettres « TSS »
        // signifiant »; a bare participle may tell what the noun before it is, « une
        // annonce écrite par Lénine, déclarant la fin du gouvernement »)
        let own_subject = words
            .first()
            .is_some_and(|w| lexicon.lookup(w).any(|a| a.pos.is_article()));
        let participle = own_subject
            && words.iter().enumerate().any(|(k, w)| {
                let after_article = k > 0
                    && lexicon
                        .lookup(&words[k - 1])
                        .any(|a| a.pos.is_article() || a.pos == Pos::PossessiveAdjective);
                w.ends_with("ant")
                    && present_participle(lexicon, w)
                    && (!is_noun(lexicon, w) || (k > 0 && !after_article))
            });
        // An apposition opens on a noun (« chef des travaux »); a circumstance (« quelques
        // mois avant la fin », « à l'âge de 102 ans ») is part of the fact.
        let apposition = words.first().is_some_and(|w| {
            lexicon.lookup(w).any(|a| a.pos == Pos::Noun)
                && !lexicon
                    .lookup(w)
                    .any(|a| a.pos.is_function_word() || a.pos == Pos::Adverb)
        });
        let verbless = last
            && apposition
            && !segment.contains(GAP)
            && !segment.split_whitespace().any(|w| {
                crate::clauses::is_verb_form(lexicon, &w.to_lowercase())
                    || past_participle(lexicon, &w.to_lowercase())
            });
        ((participle || verbless) && has_clause_verb(lexicon, &text[..after + i]))
            .then_some(after + i)
    }));
    // A clause after the gap, with its verb, that a link sets off tells another fact: a
    // relative clause on a place (« …, où il achète l'année suivante Hauteville House ») or
    // on a name (« surnommées les « [...] », qui permettent d'examiner les blessés »), a
    // second clause with its own subject (« , et le stade est construit … »), a clause
    // opposed to the gap's (« …, mais l'organisation était … impuissante », « , tandis
    // que … », « , alors que … »).
    for link in [
        ", où ",
        ", qui ",
        ", et ",
        ", mais ",
        ", tandis que ",
        ", alors que ",
        ", tandis qu'",
        ", alors qu'",
    ] {
        cuts.push(
            text[after..]
                .find(link)
                .filter(|&i| has_clause_verb(lexicon, &text[after + i + link.len()..]))
                .map(|i| after + i),
        );
    }
    // « remporte [...] médailles d'or, dont le 1 500 m et le 5 000 m »: what the count is
    // made of is another fact; so is what comes next in a sequence (« Suivent La Mer, …,
    // puis le ballet Jeux »).
    cuts.push(text[after..].find(", dont ").map(|i| after + i));
    cuts.push(text[after..].find(", puis ").map(|i| after + i));
    // « …, le Sovnarkom, composé uniquement de bolcheviks »: a participle set off after the
    // gap, with no verb of its own, tells another fact of what it follows.
    cuts.push(text[after..].match_indices(", ").find_map(|(i, _)| {
        let segment = &text[after + i + 2..];
        let mut words = segment.split_whitespace().map(str::to_lowercase);
        let mut first = words.next()?;
        let mut skip = 1;
        // (« , entièrement financés par Eiffage »: an adverb of manner before it)
        if first.ends_with("ment") && lexicon.lookup(&first).any(|a| a.pos == Pos::Adverb) {
            first = words.next()?;
            skip = 2;
        }
        let verb = segment
            .split_whitespace()
            .skip(skip)
            .any(|w| likely_verb(lexicon, &w.to_lowercase()));
        // (what is kept says enough without it: eight words)
        let kept = &text[..after + i];
        (past_participle(lexicon, &first)
            && !is_noun(lexicon, &first)
            && !verb
            && !segment.contains(GAP)
            && has_clause_verb(lexicon, kept)
            && word_count(kept) >= 8)
            .then_some(after + i)
    }));
    // « le mont Blanc est le plus haut sommet d'Europe occidentale et le sixième sur le plan
    // continental … »: a second attribute after the gap, once the clause is whole, is
    // another fact.
    cuts.push(second_attribute(lexicon, &text, after));
    // « fait creuser une « rigole d'essai » pour prouver que … »: the purpose after the gap
    // is another fact (« pour », « afin de » and an infinitive).
    cuts.push(purpose_after(lexicon, &text, after));
    let mut cuts: Vec<usize> = cuts.into_iter().flatten().collect();
    cuts.sort_unstable();
    for cut in cuts {
        let kept = format!("{}.", text[..cut].trim_end_matches([',', ' ']));
        if says_enough(lexicon, &kept) {
            text = kept;
            break;
        }
    }
    // An opening phrase on the subject, before it: « Né à Canton le 26 avril 1917, »,
    // « Benjamine d'une famille de cinq enfants, ».
    if let Some(rest) = without_opening_phrase(lexicon, &text) {
        text = rest;
    }
    // An aside before the gap: `, né à Dole en 1822,`.
    let gap = text.find(GAP).unwrap_or(0);
    if let Some(open) = text[..gap].find(", ") {
        let rest = &text[open + 2..gap];
        let first = rest.split_whitespace().next().unwrap_or("").to_lowercase();
        if let Some(close) = rest.find(", ") {
            // Only an aside on the subject: no verb before it.
            let on_subject = !text[..open]
                .split_whitespace()
                .any(|w| crate::clauses::is_verb_form(lexicon, &w.to_lowercase()));
            let participial = |aside: &str| {
                let first = aside.split_whitespace().next().unwrap_or("").to_lowercase();
                past_participle(lexicon, &first) && !is_noun(lexicon, &first)
            };
            // Or a noun phrase with no verb (« Joseph Meister, un garçon de neuf ans, »; « Les
            // Jeux de 1924, Jeux de la VIIIe olympiade, »), right after a subject that opens
            // the sentence.
            let opens_on_subject = !text[..open].contains(", ");
            let descriptive = |aside: &str| {
                let first = aside.split_whitespace().next().unwrap_or("");
                let lower = first.to_lowercase();
                let noun_phrase = matches!(lower.as_str(), "un" | "une")
                    || (opens_on_subject
                        && !first.contains(['\'', '’'])
                        && lexicon.lookup(&lower).any(|a| a.pos == Pos::Noun)
                        && !lexicon.lookup(&lower).any(|a| a.pos.is_function_word()));
                noun_phrase
                    && !aside
                        .split_whitespace()
                        .any(|w| crate::clauses::is_verb_form(lexicon, &w.to_lowercase()))
            };
            // Or a relative clause on it (« Riquet, qui y a engagé sa fortune, »).
            let relative = first == "qui";
            let aside = &rest[..close];
            if on_subject && (participial(aside) || descriptive(aside) || relative) {
                // Asides in a row go together (« Ouliantzev, un matelot de Cronstadt, un
                // vieux bagnard, avait été envoyé … »).
                let mut end = open + 2 + close;
                while let Some(next) = text[end + 2..gap].find(", ") {
                    let more = &text[end + 2..end + 2 + next];
                    if !(participial(more) || descriptive(more)) {
                        break;
                    }
                    end += 2 + next;
                }
                let trimmed = format!("{}{}", &text[..open], &text[end + 1..]);
                if says_enough(lexicon, &trimmed) {
                    text = trimmed;
                }
            }
        }
    }
    text
}

/// A gap in a participial phrase that opens the sentence, told of the subject of the main
/// clause that follows (« Commandée en [...], sans concours, à l'architecte Ieoh Ming Pei,
/// la pyramide suscite une vive controverse » → « La pyramide a été commandée en [...], sans
/// concours, à l'architecte Ieoh Ming Pei. »; « Né à Canton le [...], l'architecte est mort à
/// New York » → « L'architecte est né à Canton le [...]. »): the main clause is another fact.
fn participial_opening(lexicon: &Lexicon<'_>, text: &str) -> Option<String> {
    let (first, rest) = text.split_once(' ')?;
    if !first.starts_with(char::is_uppercase) {
        return None;
    }
    // (« Longtemps désigné sous le nom de « [...] », le sommet … » → « Le sommet a été
    // longtemps désigné sous le nom de « [...] ». »: an adverb may come first)
    let lower_first = first.to_lowercase();
    let adverb = lexicon.lookup(&lower_first).any(|a| a.pos == Pos::Adverb)
        && !past_participle(lexicon, &lower_first);
    let (adverb, first) = if adverb {
        (Some(lower_first), rest.split_once(' ')?.0)
    } else {
        (None, first)
    };
    let lower = first.to_lowercase();
    // (or a noun without its article, an adjective with its complement: « Pair de France
    // en [...], Victor Hugo est élu … » → « Victor Hugo est pair de France en [...]. »)
    let aux = match crate::clauses::past_participle_of(lexicon, &lower) {
        Some(_) if is_noun(lexicon, &lower) => return None,
        Some(participle) => crate::clauses::auxiliary_of(&participle),
        None if adverb.is_none() && describes(lexicon, &lower, text) => "est",
        None => return None,
    };
    let segments: Vec<&str> = text.split(", ").collect();
    let verb_at = |segment: &str| clause_verb_at(lexicon, segment);
    let main = (1..segments.len()).find(|&j| verb_at(segments[j]).is_some())?;
    if (0..main).any(|j| verb_at(segments[j]).is_some())
        || !segments[..main].iter().any(|s| s.contains(GAP))
    {
        return None;
    }
    let words: Vec<&str> = segments[main].split_whitespace().collect();
    let mut subject = &words[..verb_at(segments[main])?];
    // (« Revenu en Bourgogne, il se consacre … »: the clitics before the verb are no part
    // of the subject)
    while let Some((last, rest)) = subject.split_last() {
        let lower = last.to_lowercase();
        let clitic = CLITICS.contains(&lower.as_str())
            || ["me", "te", "s'", "s’", "n'", "n’", "l'", "l’", "m'", "t'"]
                .contains(&lower.as_str());
        if !clitic || rest.is_empty() {
            break;
        }
        subject = rest;
    }
    let opening = subject.first()?;
    let opens = opening.starts_with(char::is_uppercase)
        || lexicon
            .lookup(&opening.to_lowercase())
            .any(|a| a.pos.is_article())
        || opening.starts_with("l'")
        || opening.starts_with("l’");
    if subject.is_empty()
        || subject.len() > 8
        || !opens
        || subject.iter().any(|w| {
            matches!(
                w.to_lowercase().as_str(),
                "il" | "elle" | "ils" | "elles" | "on" | "qui" | "ce" | "c'est"
            )
        })
    {
        return None;
    }
    let phrase = segments[..main].join(", ");
    let skip = adverb.as_ref().map_or(0, |a| a.len() + 1) + first.len();
    // (the adverb after the auxiliary's first word: « a d'abord été nommé »)
    let aux = match (&adverb, aux.split_once(' ')) {
        (Some(a), Some((have, been))) => format!("{have} {a} {been}"),
        (Some(a), None) => format!("{aux} {a}"),
        (None, _) => aux.to_string(),
    };
    let clause = format!(
        "{} {aux} {lower}{}.",
        crate::typography::capitalise(&subject.join(" ")),
        &phrase[skip..]
    );
    says_enough(lexicon, &clause).then_some(clause)
}

/// Whether the second word of `text` opens a complement: « de », « d' », « à », « en »,
/// « pour ».
fn has_complement(text: &str) -> bool {
    let next = text.split_whitespace().nth(1).unwrap_or("").to_lowercase();
    matches!(next.as_str(), "de" | "du" | "des" | "à" | "en" | "pour")
        || next.starts_with("d'")
        || next.starts_with("d’")
}

/// Whether `word` can be an adjective (« long », « célèbre »).
fn adjective(lexicon: &Lexicon<'_>, word: &str) -> bool {
    lexicon.lookup(word).any(|a| a.pos == Pos::Adjective)
}

/// Whether `word`, the first of `text`, opens a description of the subject: a noun
/// without its article (« Pair de France », « Fils d'un général ») or an adjective with its
/// complement (« Long de », « Célèbre pour »), followed by « de », « d' », « à », « en » or
/// « pour »; not a function word, a participle or a verb.
fn describes(lexicon: &Lexicon<'_>, word: &str, text: &str) -> bool {
    let readings: Vec<_> = lexicon.lookup(word).collect();
    has_complement(text)
        && readings
            .iter()
            .any(|a| matches!(a.pos, Pos::Noun | Pos::Adjective))
        && !readings
            .iter()
            .any(|a| a.pos.is_function_word() || a.pos.is_verb() || a.pos == Pos::Adverb)
}

/// A gap in a participial aside on the subject, told of it (« Pierre-Paul Riquet, né à
/// Béziers en [...] et fermier des gabelles, étudie le problème » → « Pierre-Paul Riquet est
/// né à Béziers en [...]. »): the rest is other facts.
fn participial_aside(lexicon: &Lexicon<'_>, text: &str) -> Option<String> {
    let (subject, rest) = text.split_once(", ")?;
    let (aside, main) = rest.split_once(", ")?;
    if !aside.contains(GAP)
        || !subject.starts_with(char::is_uppercase)
        || subject.split_whitespace().count() > 6
        || subject.contains(GAP)
        || clause_verb_at(lexicon, subject).is_some()
        || clause_verb_at(lexicon, main).is_none()
    {
        return None;
    }
    let first = aside.split_whitespace().next()?.to_lowercase();
    // (an adjective with its complement is told with « est »: « Le tunnel du Mont-Blanc,
    // long de [...] km, relie … » → « Le tunnel du Mont-Blanc est long de [...] km. »)
    let aux = match crate::clauses::past_participle_of(lexicon, &first) {
        Some(_) if is_noun(lexicon, &first) => return None,
        Some(participle) => crate::clauses::auxiliary_of(&participle),
        None if adjective(lexicon, &first) && has_complement(aside) => "est",
        None => return None,
    };
    // Its own second fact after « et » goes (« et fermier des gabelles »); a gap in that
    // second one is told with « est » (« Riquet est fermier des gabelles de [...] »).
    let gap = aside.find(GAP)?;
    if let Some(and) = aside[..gap].rfind(" et ") {
        let second = &aside[and + 4..];
        let noun = second.split_whitespace().next().is_some_and(|w| {
            lexicon
                .lookup(&w.to_lowercase())
                .any(|a| a.pos == Pos::Noun)
                && !lexicon
                    .lookup(&w.to_lowercase())
                    .any(|a| a.pos.is_function_word())
        });
        let clause = format!("{subject} est {second}.");
        return (noun && says_enough(lexicon, &clause)).then_some(clause);
    }
    let aside = aside[gap..]
        .find(" et ")
        .map_or(aside, |i| &aside[..gap + i]);
    let clause = format!("{subject} {aux} {aside}.");
    says_enough(lexicon, &clause).then_some(clause)
}

/// A gap in a second clause with its own subject, after « , et » (« Le mur du son est
/// franchi le 1er octobre 1969, au cours du 45e vol, et Mach 2 est atteint le [...] » →
/// « Mach 2 est atteint le [...]. »): the first clause is another fact. Its subject opens on
/// an article or a name (not a pronoun, which would stand for the first clause's) and its
/// verb comes within five words.
fn second_clause(lexicon: &Lexicon<'_>, text: &str) -> Option<String> {
    let gap = text.find(GAP)?;
    let and = text[..gap].rfind(", et ")?;
    let second = &text[and + ", et ".len()..];
    let words: Vec<&str> = second.split_whitespace().collect();
    let first = words.first()?;
    let opens = first.starts_with(char::is_uppercase)
        || matches!(*first, "le" | "la" | "les" | "un" | "une")
        || first.starts_with("l'")
        || first.starts_with("l’");
    if !opens || matches!(*first, "Il" | "Elle" | "Ils" | "Elles") {
        return None;
    }
    let verb = clause_verb_at(lexicon, second)?;
    let subject = &words[..verb];
    if !(1..=5).contains(&verb) || subject.iter().any(|w| w.contains(GAP) || w.ends_with(',')) {
        return None;
    }
    // (the first clause must have a verb of its own: « Paris, Lyon et Marseille sont … »
    // is one clause)
    clause_verb_at(lexicon, &text[..and])?;
    let clause = crate::typography::capitalise(second);
    says_enough(lexicon, &clause).then_some(clause)
}

/// A gap in a participial aside on the name that ends the phrase before it, inside the
/// sentence (« Après la mort accidentelle de Pierre Curie, renversé par une voiture à
/// cheval le [...], elle lui succède … » → « Pierre Curie a été renversé par une voiture à
/// cheval le [...]. »): the aside is that name's fact.
fn participial_aside_on_a_name(lexicon: &Lexicon<'_>, text: &str) -> Option<String> {
    let segments: Vec<&str> = text.split(", ").collect();
    let k = segments.iter().position(|s| s.contains(GAP))?;
    if k == 0 {
        return None;
    }
    let aside = segments[k];
    let first = aside.split_whitespace().next()?.to_lowercase();
    let participle = crate::clauses::past_participle_of(lexicon, &first)?;
    // (no finite verb of its own: « une voiture » is a noun, not « il voiture »)
    let finite = aside
        .split_whitespace()
        .skip(1)
        .any(|w| !is_noun(lexicon, &w.to_lowercase()) && clause_verb_at(lexicon, w).is_some());
    if is_noun(lexicon, &first) || finite {
        return None;
    }
    // The name: the capitalised words ending the segment before (« de » between them).
    let words: Vec<&str> = segments[k - 1].split(' ').collect();
    let start = name_at_end(&words);
    // (two words at least, not the sentence's first: « Après la mort de Pierre Curie »;
    // a lone capital may open the sentence)
    if words.len() - start < 2 || start == 0 {
        return None;
    }
    let name = words[start..].join(" ");
    if Lexicon::get().lookup(&name.to_lowercase()).next().is_some() {
        return None;
    }
    let aux = crate::clauses::auxiliary_of(&participle);
    let gap = aside.find(GAP)?;
    let aside = aside[gap..]
        .find(" et ")
        .map_or(aside, |i| &aside[..gap + i])
        .trim_end_matches(['.', ' ']);
    let clause = format!("{name} {aux} {aside}.");
    says_enough(lexicon, &clause).then_some(clause)
}

/// A gap in the second of two verb phrases of one subject, told of the subject alone
/// (« D'abord favorable à Bonaparte, Victor Hugo rompt avec lui et tente de s'opposer au
/// coup d'État du [...] » → « Victor Hugo tente de s'opposer au coup d'État du [...]. »).
fn second_verb_phrase(lexicon: &Lexicon<'_>, text: &str) -> Option<String> {
    let gap = text.find(GAP)?;
    let and = text[..gap].rfind(" et ")?;
    let second = &text[and + 4..];
    let next = second.split_whitespace().next()?.to_lowercase();
    clause_verb_at(lexicon, &next)?;
    let first_part = &text[..and];
    let verb = clause_verb_at(lexicon, first_part)?;
    let words: Vec<&str> = first_part.split_whitespace().collect();
    let before_verb = words[..verb].join(" ");
    // The subject: the words before the first verb, after any opening phrase.
    let subject = before_verb.rsplit(", ").next()?.trim();
    let opens = subject.starts_with(char::is_uppercase)
        && !subject.contains(GAP)
        && (1..=6).contains(&subject.split_whitespace().count())
        && !matches!(
            subject.split_whitespace().next(),
            Some("Il" | "Elle" | "Ils" | "Elles")
        );
    if !opens {
        return None;
    }
    let clause = format!("{subject} {second}");
    says_enough(lexicon, &clause).then_some(clause)
}

/// A gap in one of the objects a verb takes in turn (« Victor Hugo gagne Bruxelles, puis
/// l'île de Jersey en 1852, et enfin Guernesey en [...] »): the verb with that object alone
/// (« Victor Hugo gagne Guernesey en [...]. »), « celle de » told with the first object's noun
/// (« Marie Curie obtient la licence de physique en 1893, puis celle de mathématiques en
/// [...] » → « Marie Curie obtient la licence de mathématiques en [...]. »); a gap in the
/// first object loses the others.
fn one_coordinate(lexicon: &Lexicon<'_>, text: &str) -> Option<String> {
    let gap = text.find(GAP)?;
    let segments: Vec<&str> = text.split(", ").collect();
    // (« Contraint à l'exil »: a participle first, that is a finite form too, opens no
    // clause; nor do « celle » or « puis », forms of « celer » and « pouvoir »)
    let verb_at = |s: &str| {
        s.split_whitespace().enumerate().position(|(k, w)| {
            let lower = w.to_lowercase();
            !w.starts_with(char::is_uppercase)
                && likely_verb(lexicon, &lower)
                && !(k == 0 && past_participle(lexicon, &lower))
        })
    };
    let verb_in = |s: &str| verb_at(s).is_some();
    let main = segments.iter().position(|s| verb_in(s))?;
    // The objects that follow the main clause, each opened by « puis » or « et enfin ».
    let connective = |s: &str| {
        ["puis enfin ", "et enfin ", "puis ", "enfin "]
            .into_iter()
            .find(|c| s.starts_with(c))
    };
    // Each object with the asides on it (« puis sa mère, morte de la tuberculose le [...] »):
    // the segment each one starts at, and the segment after the last.
    let aside = |s: &str| {
        let first = s.split_whitespace().next().unwrap_or("").to_lowercase();
        past_participle(lexicon, &first) && verb_at(s).is_none()
    };
    let mut starts = vec![main];
    let mut stop = main + 1;
    while let Some(segment) = segments.get(stop) {
        match connective(segment) {
            Some(c) if !verb_in(&segment[c.len()..]) => starts.push(stop),
            None if aside(segment) => {}
            _ => break,
        }
        stop += 1;
    }
    if starts.len() < 2 {
        return None;
    }
    let offsets: Vec<usize> = segments
        .iter()
        .scan(0, |at, s| {
            let start = *at;
            *at += s.len() + 2;
            Some(start)
        })
        .collect();
    let end = |k: usize| offsets[k] + segments[k].len();
    let holder = (0..starts.len()).find(|&g| {
        let last = starts.get(g + 1).map_or(stop, |&n| n) - 1;
        offsets[starts[g]] <= gap && gap < end(last)
    })?;
    let group_end = end(starts.get(holder + 1).map_or(stop, |&n| n) - 1);
    if holder == 0 {
        let kept = format!("{}.", text[..group_end].trim_end_matches(['.', ' ']));
        return says_enough(lexicon, &kept).then_some(kept);
    }
    // The subject and the verb of the main clause, then the object with the gap.
    let words: Vec<&str> = segments[main].split_whitespace().collect();
    let verb = verb_at(segments[main])?;
    // (an auxiliary's participle goes with it: « a gagné »)
    let verb_end = if words
        .get(verb + 1)
        .is_some_and(|w| past_participle(lexicon, &w.to_lowercase()))
    {
        verb + 2
    } else {
        verb + 1
    };
    let first_object = &words[verb_end.min(words.len())..];
    let from = offsets[starts[holder]];
    let object = &text[from..group_end];
    let object = object[connective(object)?.len()..].trim_end_matches(['.', ' ']);
    // « celle de mathématiques »: the first object's article and noun (« la licence »).
    let object = match object.split_once(' ') {
        Some(("celle" | "celui" | "celles" | "ceux", rest)) => {
            let de = first_object.iter().position(|w| *w == "de" || *w == "du")?;
            if de == 0 || de > 3 || !rest.starts_with("de ") && !rest.starts_with("du ") {
                return None;
            }
            format!("{} {rest}", first_object[..de].join(" "))
        }
        _ => object.to_string(),
    };
    let mut head = segments[..main].join(", ");
    if !head.is_empty() {
        head.push_str(", ");
    }
    head.push_str(&words[..verb_end].join(" "));
    let clause = format!("{head} {object}.");
    says_enough(lexicon, &clause).then_some(clause)
}

/// `text` without « , quant à lui, » and its kin, which set the sentence against the one
/// before (« Le musicien Clément Janequin, quant à lui, célébra … »).
fn without_contrast_aside(text: &str) -> String {
    let mut text = text.to_string();
    for aside in [
        ", quant à lui,",
        ", quant à elle,",
        ", quant à eux,",
        ", quant à elles,",
        ", lui aussi,",
        ", elle aussi,",
        ", eux aussi,",
        ", de son côté,",
        ", pour sa part,",
    ] {
        if let Some(at) = text.find(aside) {
            text.replace_range(at..at + aside.len(), "");
        }
    }
    text
}

/// `text` without the asides in brackets that do not hold the gap (« Le Comité militaire
/// révolutionnaire (Voyenno-revoljutsionnyi Komitet, VRK) fut créé le [...] »); a day of
/// the other calendar (« le 12 (25) octobre ») is part of its date and stays.
fn without_asides_in_brackets(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find(" (") {
        let Some(len) = rest[open..].find(')') else {
            break;
        };
        let inside = &rest[open + 2..open + len];
        let calendar =
            !inside.is_empty() && inside.chars().all(|c| c.is_ascii_digit()) && inside.len() <= 2;
        let dated = inside
            .split_whitespace()
            .any(|w| crate::facts::dates::is_month(w.trim_end_matches(',')));
        if calendar
            || (dated && inside.chars().any(|c| c.is_ascii_digit()) && inside.len() < 20)
            || inside.contains(GAP)
            || inside.contains('(')
        {
            out.push_str(&rest[..open + len + 1]);
        } else {
            out.push_str(&rest[..open]);
        }
        rest = &rest[open + len + 1..];
    }
    out.push_str(rest);
    out
}

/// `text` without the asides set off by commas that count something else and do not hold
/// the gap (« [...] athlètes, dont 135 femmes, représentant 44 nations, prennent part … »
/// → « [...] athlètes prennent part … »): an aside opening on « dont » or a present
/// participle, with a number in it, each another fact.
fn without_counted_asides(lexicon: &Lexicon<'_>, text: &str) -> String {
    let mut text = text.to_string();
    let mut from = 0;
    // Where the last aside went: the comma that closed it goes once no aside follows.
    let mut removed_at = None;
    while let Some(open) = text[from..].find(", ").map(|i| from + i) {
        let start = open + 2;
        let Some(len) = text[start..].find(", ") else {
            if removed_at == Some(open) {
                text.replace_range(open..start, " ");
            }
            break;
        };
        let aside = &text[start..start + len];
        let first = aside.split_whitespace().next().unwrap_or("").to_lowercase();
        let opens = first == "dont"
            || (first.ends_with("ant")
                && lexicon.lookup(&first).any(|a| {
                    a.pos.is_verb()
                        && a.verb_forms().any(|f| {
                            f.mood == crate::lexicon::Mood::Participle
                                && f.tense == Some(crate::lexicon::Tense::Present)
                        })
                }));
        let counts = aside
            .split_whitespace()
            .nth(1)
            .is_some_and(|w| w.starts_with(|c: char| c.is_ascii_digit()));
        let plain = !aside.contains(GAP)
            && !aside.contains(['«', '»', '(', ')'])
            && aside.split_whitespace().count() <= 6;
        // (what follows must go on with its clause, not open another: « , et se classe … »)
        let next: Vec<&str> = text[start + len + 2..].split_whitespace().take(2).collect();
        let goes_on = next.len() == 2 && !matches!(next[0], "et" | "mais" | "puis" | "ou");
        if opens && counts && plain && goes_on {
            text.replace_range(open..start + len, "");
            removed_at = Some(open);
            from = open;
        } else {
            if removed_at == Some(open) {
                text.replace_range(open..start, " ");
            }
            from = open + 1;
        }
    }
    text
}

/// `text` without a connector that tied it to the sentence before (« Mais [...] déclare … »
/// → « [...] déclare … »).
fn without_opening_connector(text: &str) -> String {
    let Some((first, rest)) = text.split_once(' ') else {
        return text.to_string();
    };
    if !matches!(first, "Mais" | "Et" | "Or" | "Puis" | "Donc" | "Car") || rest.is_empty() {
        return text.to_string();
    }
    crate::typography::capitalise(rest)
}

/// Where the name that ends `words` starts (« … la mort accidentelle de Pierre Curie » →
/// the index of « Pierre »): capitalised words, « de » or « d' » between them; `words.len()`
/// when they end on none.
fn name_at_end(words: &[&str]) -> usize {
    let mut start = words.len();
    while start > 0 {
        let w = words[start - 1];
        let name_word = w.starts_with(char::is_uppercase) && !w.contains(GAP)
            || (matches!(w, "de" | "d'") && start < words.len());
        if !name_word {
            break;
        }
        start -= 1;
    }
    while start < words.len() && !words[start].starts_with(char::is_uppercase) {
        start += 1;
    }
    start
}

/// A gap in a relative clause on a name (« Ces Jeux sont les derniers organisés sous la
/// présidence de Coubertin, qui quitte la tête du CIO en [...] »): the relative clause is the
/// fact, told of its name (« Coubertin quitte la tête du CIO en [...] »).
fn promote_relative(prompt: &str) -> Option<String> {
    let gap = prompt.find(GAP)?;
    let (at, relative) = match prompt[..gap].rfind(", qui ") {
        Some(at) => (at, &prompt[at + ", qui ".len()..]),
        None => relative_of_apposition(&prompt[..gap]).map(|(at, from)| (at, &prompt[from..]))?,
    };
    // The relative clause runs to the end: no other comma-closed aside holds the gap.
    if relative[..gap - (prompt.len() - relative.len())].contains(", ") {
        return None;
    }
    // Its name: the capitalised words just before (« Pierre de Coubertin »).
    let words: Vec<&str> = prompt[..at].split(' ').collect();
    let start = name_at_end(&words);
    if start == words.len() || start == 0 {
        return None;
    }
    // (« Le roi de France, qui vient d'arracher la Normandie … »: the relative clause is on
    // the office's holder, not on its land)
    if start >= 2
        && matches!(words[start - 1], "de" | "d'" | "du")
        && crate::facts::people::is_office(&words[start - 2].to_lowercase())
    {
        return None;
    }
    // (nor when the main clause goes on after it: « …, qui vient d'arracher la Normandie à
    // [...], finance la reconstruction »)
    let lexicon = Lexicon::get();
    let after_gap = &relative[gap + GAP.len() - (prompt.len() - relative.len())..];
    if after_gap.split(", ").skip(1).any(|part| {
        part.split_whitespace()
            .next()
            .is_some_and(|w| likely_verb(lexicon, &w.to_lowercase()))
    }) {
        return None;
    }
    let name = words[start..].join(" ");
    let promoted = format!("{name} {relative}");
    says_enough(lexicon, &promoted).then_some(promoted)
}

/// A gap in a relative clause opened by « par lequel » (« par laquelle », « par lesquels »,
/// « par lesquelles ») on a named phrase (« … révoque l'édit de Nantes par lequel Henri IV,
/// son grand-père, avait accordé en [...] une certaine liberté de culte … »): the clause told
/// with its antecedent (« Par l'édit de Nantes, Henri IV avait accordé en [...] une certaine
/// liberté de culte … »), an aside on a possessive after its subject dropped (« son
/// grand-père »: whose is told before).
fn promote_prepositional_relative(prompt: &str) -> Option<String> {
    let gap = prompt.find(GAP)?;
    let (at, len) = [
        " par lequel ",
        " par laquelle ",
        " par lesquels ",
        " par lesquelles ",
    ]
    .iter()
    .filter_map(|r| prompt[..gap].rfind(r).map(|i| (i, r.len())))
    .max()?;
    let relative = &prompt[at + len..];
    // The antecedent: from its article, within six words, with a capitalised word in it.
    let before: Vec<&str> = prompt[..at].split(' ').collect();
    let article = (before.len().saturating_sub(6)..before.len())
        .rev()
        .find(|&k| {
            let w = before[k];
            matches!(w, "le" | "la" | "les") || w.starts_with("l'") || w.starts_with("l’")
        })?;
    let antecedent = before[article..].join(" ");
    if antecedent.contains(',')
        || !antecedent
            .split(' ')
            .skip(1)
            .any(|w| w.starts_with(char::is_uppercase))
    {
        return None;
    }
    // (« Henri IV, son grand-père, avait accordé »)
    let mut clause = relative.to_string();
    if let Some((subject, rest)) = clause.split_once(", ") {
        let possessive = ["son ", "sa ", "ses ", "leur ", "leurs "]
            .iter()
            .any(|p| rest.starts_with(p));
        if possessive && subject.starts_with(char::is_uppercase) {
            if let Some((_, main)) = rest.split_once(", ") {
                clause = format!("{subject} {main}");
            }
        }
    }
    if !clause.contains(GAP) {
        return None;
    }
    let promoted = format!("Par {antecedent}, {clause}");
    says_enough(Lexicon::get(), &promoted).then_some(promoted)
}

/// « Henri Desgrange, un ancien coureur qui avait établi … »: a relative clause on a name's
/// apposition (an article, then lowercase words) tells of the name. The comma before the
/// apposition and where the clause's words start, after « qui ».
fn relative_of_apposition(before_gap: &str) -> Option<(usize, usize)> {
    let qui = before_gap.rfind(" qui ")?;
    let comma = before_gap[..qui].rfind(", ")?;
    let apposition: Vec<&str> = before_gap[comma + 2..qui].split(' ').collect();
    let article = apposition.first().is_some_and(|w| {
        matches!(*w, "un" | "une" | "le" | "la" | "les")
            || w.starts_with("l'")
            || w.starts_with("l’")
    });
    let lowercase = apposition
        .iter()
        .all(|w| !w.is_empty() && w.chars().all(|c| !c.is_uppercase()));
    (article && lowercase && (2..=5).contains(&apposition.len()))
        .then_some((comma, qui + " qui ".len()))
}

/// `text` without the phrases that open it on its subject, before the gap: each has no
/// verb, opens on a past participle (« Né à Canton le 26 avril 1917 », « D'abord nommé … »)
/// or on a noun without its article (« Benjamine d'une famille de cinq enfants », « Fils
/// d'un général »), and what follows them opens on an article or a name, not a pronoun;
/// `None` when there is none or what is left would say too little.
///
/// A cloze still over [`MAX_WORDS`] (`long`) loses more: the phrases that go on the opening
/// (« Commandée en 1983, sans concours, à l'architecte Ieoh Ming Pei, », « Inaugurée le 4
/// mars 1988, puis une seconde fois le 29 mars 1989, »), one after adverbs (« Longtemps
/// désigné sous le nom de « montagne Maudite », »), a quotation in it too: else the card
/// would go for its length.
fn without_opening_phrase(lexicon: &Lexicon<'_>, text: &str) -> Option<String> {
    let gap = text.find(GAP)?;
    let long = word_count(text) > MAX_WORDS;
    let mut start = 0;
    while let Some(comma) = text[start..gap].find(", ").map(|i| start + i) {
        let phrase = &text[start..comma];
        let words: Vec<String> = phrase
            .split_whitespace()
            .map(|w| w.to_lowercase())
            .collect();
        // (after « avoir », « être » or « et », a participle: « Après avoir dissous … et
        // remplacé … »)
        let verb = words.iter().enumerate().any(|(k, w)| {
            likely_verb(lexicon, w)
                && !(k > 0 && matches!(words[k - 1].as_str(), "avoir" | "être" | "et"))
        });
        // (a phrase that goes on the opening starts on a preposition or an adverb: « sans
        // concours », « à l'architecte … », « puis une seconde fois … »)
        let goes_on = long
            && start > 0
            && !verb
            && words.first().is_some_and(|w| {
                let w = w.split(['\'', '’']).next().unwrap_or("");
                let w = if w.len() < 3 { "à" } else { w };
                lexicon
                    .lookup(w)
                    .any(|a| matches!(a.pos, Pos::Preposition | Pos::Adverb))
                    && !lexicon.lookup(w).any(|a| a.pos.is_article())
            });
        if goes_on {
            start = comma + 2;
            continue;
        }
        let first = words
            .iter()
            .map(String::as_str)
            .find(|w| {
                let adverb = long
                    && start == 0
                    && lexicon.lookup(w).any(|a| a.pos == Pos::Adverb)
                    && !past_participle(lexicon, w);
                !(adverb || matches!(*w, "d'abord" | "d’abord" | "bientôt" | "très" | "tôt"))
            })
            .unwrap_or("");
        // (« Après avoir dissous la Douma municipale, »: an infinitive of the past)
        let participle = past_participle(lexicon, first)
            || words.first().is_some_and(|w| w == "après")
                && words.get(1).is_some_and(|w| w == "avoir" || w == "être");
        let bare_noun = lexicon.lookup(first).any(|a| a.pos == Pos::Noun)
            && !lexicon
                .lookup(first)
                .any(|a| a.pos.is_function_word() || a.pos.is_article());
        // A quotation in it is what the rest speaks of (« D'abord nommé « canal royal »,
        // le canal est rebaptisé … »); a bare time (« Fin avril », « Début 1918 ») is when
        // the fact happens.
        let time = words.len() <= 3
            && !participle
            && words.iter().any(|w| {
                crate::facts::dates::is_month(w) || crate::setting::last_year(w).is_some()
            });
        if verb || time || !(participle || bare_noun) || !long && phrase.contains(['«', '»', '"'])
        {
            break;
        }
        start = comma + 2;
    }
    if start == 0 {
        return None;
    }
    let rest = &text[start..];
    let next = rest.split_whitespace().next()?.to_lowercase();
    let pronoun = matches!(
        next.as_str(),
        "il" | "elle" | "ils" | "elles" | "on" | "c'est" | "c’est"
    );
    let opens = rest.starts_with(char::is_uppercase)
        || lexicon
            .lookup(next.split(['\'', '’']).next().unwrap_or(""))
            .any(|a| a.pos.is_article())
        || next.starts_with("l'")
        || next.starts_with("l’");
    let out = crate::typography::capitalise(rest);
    (!pronoun && opens && says_enough(lexicon, &out)).then_some(out)
}

/// A finite verb form that is read as one more often than as anything else: not
/// « seconde », « concours » or « vive », which are verb forms too.
fn likely_verb(lexicon: &Lexicon<'_>, word: &str) -> bool {
    if !crate::clauses::is_verb_form(lexicon, word) {
        return false;
    }
    let (mut verb, mut other) = (0f32, 0f32);
    for a in lexicon.lookup(word) {
        if a.pos.is_verb() {
            verb = verb.max(a.freq);
        } else {
            other = other.max(a.freq);
        }
    }
    verb >= other
}

/// Whether a shortened cloze still singles its fact out: six words, five of them content
/// words (as [`crate::clauses`] asks of a clause).
fn says_enough(lexicon: &Lexicon<'_>, text: &str) -> bool {
    text.split_whitespace().count() >= 6
        && crate::clauses::content_words(lexicon, text)
            >= crate::context::min_content_words(crate::clauses::names_something(lexicon, text))
}

/// A date cloze one content word short of [`says_enough`] whose situation line names what
/// it is about and the year (« La cérémonie d'ouverture n'a lieu que le [...] » in « Jeux
/// olympiques de 1924 »; see [`crate::context::screen`]).
/// So is a date cloze that names what it dates, a word short, in the situation of who or
/// what the document is about (« En [...] paraît Notre-Dame de Paris. » in « Victor-Marie
/// Hugo »).
fn dated_in_its_situation(card: &GeneratedCard) -> bool {
    let lexicon = Lexicon::get();
    if card.answer_kind != Kind::Date || !crate::setting::is_situated(card) {
        return false;
    }
    let words = card.prompt.split_whitespace().count();
    let content = crate::clauses::content_words(lexicon, &card.prompt) + 1;
    let unnamed = words >= 6
        && content >= crate::context::min_content_words(false)
        && crate::setting::last_year(&card.situation).is_some();
    let named = words >= 5
        && crate::clauses::names_something(lexicon, &card.prompt)
        && content >= crate::context::min_content_words(true);
    unnamed || named
}

/// A date cloze one content word short of [`says_enough`] that names two things (« La
/// Joconde revient au Louvre le [...] »): its names and its verb single the day out.
fn dated_between_names(card: &GeneratedCard) -> bool {
    let lexicon = Lexicon::get();
    card.answer_kind == Kind::Date
        && card.prompt.split_whitespace().count() >= 5
        && crate::context::names_two_things(&card.prompt)
        && crate::clauses::content_words(lexicon, &card.prompt) + 1
            >= crate::context::min_content_words(true)
}

/// standalone: an elided object pronoun before a verb (« Le Congrès l'a remplacé … »)
/// stands for something the sentence before named.
fn points_back_by_an_object(lexicon: &Lexicon<'_>, prompt: &str) -> bool {
    prompt.split_whitespace().any(|w| {
        let w = w.to_lowercase();
        let Some(rest) = w.strip_prefix("l'").or_else(|| w.strip_prefix("l’")) else {
            return false;
        };
        let rest = rest.trim_end_matches(|c: char| !c.is_alphanumeric());
        // (« a » is a noun too: the letter.)
        matches!(
            rest,
            "a" | "ont" | "avait" | "avaient" | "eut" | "aura" | "auront"
        ) || (!rest.is_empty()
            && lexicon.lookup(rest).any(|a| a.pos.is_verb())
            && !lexicon
                .lookup(rest)
                .any(|a| a.pos == Pos::Noun || a.pos == Pos::Adjective))
    })
}

/// standalone: a subject pronoun left in a cloze (« Pair de France en [...], il est élu
/// député ») stands for someone the card does not name.
fn dangling_subject_pronoun(prompt: &str) -> bool {
    let padded = format!(" {prompt} ");
    let pronouns = [
        " il ", " elle ", " ils ", " elles ", " Il ", " Elle ", " Ils ", " Elles ",
    ];
    let Some(at) = pronouns.iter().filter_map(|p| padded.find(p)).min() else {
        return false;
    };
    // A person named before it (two capitalised words in a row: « Victor Hugo épouse …,
    // dont il aura … ») is what it stands for.
    let words: Vec<&str> = padded[..at].split_whitespace().collect();
    let named_before = words.windows(2).any(|w| {
        w[0].starts_with(char::is_uppercase)
            && !w[0].ends_with([',', '.', ';', ':'])
            && w[1].starts_with(char::is_uppercase)
    });
    !named_before
        && !padded.contains(" il y a ")
        && !padded.contains(" Il y a ")
        && !padded.contains(" il faut ")
        && !padded.contains(" Il faut ")
}

/// standalone: « leur », « leurs » in the subject, before the first verb, with nothing
/// plural named before it (« Le [...], dans l'après-midi, leurs carrés de piquiers se
/// ruèrent … »): whose, the sentence before told.
fn dangling_possessive(lexicon: &Lexicon<'_>, prompt: &str) -> bool {
    let words: Vec<&str> = prompt.split_whitespace().collect();
    let Some(at) = words
        .iter()
        .position(|w| matches!(w.to_lowercase().as_str(), "leur" | "leurs"))
    else {
        return false;
    };
    let before = &words[..at];
    // (« Après leurs attentats, les SR … »: in a phrase before the subject, whose it is
    // the subject says)
    if at > 0
        && lexicon
            .lookup(&words[at - 1].to_lowercase())
            .any(|a| a.pos == Pos::Preposition)
    {
        return false;
    }
    let verb_before = before
        .iter()
        .any(|w| crate::clauses::is_verb_form(lexicon, &w.to_lowercase()));
    // (a possessive determiner: a noun follows it, not a verb as after the pronoun « leur »)
    let determiner = words.get(at + 1).is_some_and(|next| {
        let next = next.to_lowercase();
        lexicon.lookup(&next).any(|a| a.pos == Pos::Noun)
            && !crate::clauses::is_verb_form(lexicon, &next)
    });
    let plural_before = before.iter().enumerate().any(|(k, w)| {
        let bare = w.trim_matches(|c: char| !c.is_alphanumeric());
        (k > 0 && bare.starts_with(char::is_uppercase))
            || matches!(
                bare.to_lowercase().as_str(),
                "les" | "des" | "aux" | "ils" | "elles"
            )
    });
    determiner && !verb_before && !plural_before
}

/// Whether `word` reads as a present participle (« libérant »).
fn present_participle(lexicon: &Lexicon<'_>, word: &str) -> bool {
    let word = word.trim_matches(|c: char| !c.is_alphanumeric());
    lexicon.lookup(word).any(|a| {
        a.verb_forms()
            .any(|f| f.mood == Mood::Participle && f.tense == Some(crate::lexicon::Tense::Present))
    })
}

/// Whether `word` reads as a past participle (« conservé », « né »).
fn past_participle(lexicon: &Lexicon<'_>, word: &str) -> bool {
    let word = word.trim_matches(|c: char| !c.is_alphanumeric());
    lexicon.lookup(word).any(|a| {
        a.verb_forms()
            .any(|f| f.mood == Mood::Participle && f.tense == Some(crate::lexicon::Tense::Past))
    })
}

fn is_noun(lexicon: &Lexicon<'_>, word: &str) -> bool {
    let word = word.trim_matches(|c: char| !c.is_alphanumeric());
    lexicon
        .lookup(word)
        .any(|a| a.pos == Pos::Noun && a.freq > 5.0)
}

/// french: a question built from a sentence that opened on a possessive keeps it
/// capitalised (« Qui conduisait Son procès en hérésie ? »): lower-cased there; a range of
/// days as an answer takes its « du ». A cloze keeps [`one_fact`].
pub fn mend(card: &mut GeneratedCard) {
    if card.kind == CardKind::Cloze {
        card.prompt = one_fact(&card.prompt);
        return;
    }
    // french: « Quand le congrès s'est-il tenu ? » → « du 3 au 24 juin 1917 », not « 3 au
    // 24 juin 1917 » (a range is said with its « du »).
    if card.answer_kind == Kind::Date
        && card.answer.starts_with(|c: char| c.is_ascii_digit())
        && card
            .answer
            .split_whitespace()
            .nth(1)
            .is_some_and(|w| w == "au")
    {
        card.answer = format!("du {}", card.answer);
    }
    for (capital, small) in [
        (" Son ", " son "),
        (" Sa ", " sa "),
        (" Ses ", " ses "),
        (" Leur ", " leur "),
        (" Leurs ", " leurs "),
    ] {
        if card.prompt.contains(capital) {
            card.prompt = card.prompt.replace(capital, small);
        }
    }
}

/// unique: a body's name after an indefinite article (« envisagèrent la création d'un
/// [...] » → « Comité de Défense révolutionnaire ») is introduced, not referred to: any body
/// of that kind fills the gap, another right answer among them.
fn introduced_open(card: &GeneratedCard) -> bool {
    if !matches!(card.answer_kind, Kind::Organisation | Kind::Other) {
        return false;
    }
    card.prompt.split_once(GAP).is_some_and(|(before, _)| {
        before.split_whitespace().next_back().is_some_and(|w| {
            matches!(
                w.to_lowercase().as_str(),
                "un" | "une" | "d'un" | "d'une" | "d’un" | "d’une"
            )
        })
    })
}

impl Judge<'_> {
    /// unique: a place gap right after « à » (« s'est ouvert dans la Salle de l'Assemblée
    /// à [...] ») holds any town, so the town the document happens in fits it too when the
    /// answer is a building or a place of unknown kind inside it (Smolny in Petrograd).
    fn a_town_fits_too(&self, card: &GeneratedCard, setting_place: Option<&str>) -> bool {
        if card.answer_kind != Kind::Place {
            return false;
        }
        let Some((before, _)) = card.prompt.split_once(GAP) else {
            return false;
        };
        let mut words = before.trim_end().rsplit(' ');
        let after_a = words.next().is_some_and(|w| matches!(w, "à" | "À"));
        // (« né à [...] », « mort à [...] »: a birth or a death happens in a town, so the
        // document's town is one wrong answer among others)
        let born_or_died = words.next().is_some_and(|w| {
            matches!(
                w.to_lowercase().as_str(),
                "né" | "née"
                    | "nés"
                    | "nées"
                    | "naît"
                    | "mort"
                    | "morte"
                    | "morts"
                    | "meurt"
                    | "décédé"
                    | "décédée"
                    | "décède"
            )
        });
        if !after_a || born_or_died {
            return false;
        }
        match self.pools.sure_place_kind(&card.answer) {
            Some(PlaceKind::Site) => true,
            Some(_) => false,
            None => setting_place.is_some_and(|p| {
                crate::typography::fold(p) != crate::typography::fold(&card.answer)
            }),
        }
    }
}

/// standalone: the card names a body by a word of its own that no card and no long form
/// explains (« l'Ispolkom », « le Vikhjel », « le SRS »): a learner who never read the
/// document does not know it. `names` are the single-word organisations of the document's
/// own vocabulary (those it names again and again); `explained` tells whether the corpus
/// gives another name of one (an alias card) or knows it as a place.
pub fn unexplained_name<'a>(
    card: &GeneratedCard,
    names: impl Iterator<Item = &'a str>,
    explained: impl Fn(&str) -> bool,
) -> bool {
    if card.fact_type == crate::facts::FactType::Alias {
        return false;
    }
    let lexicon = Lexicon::get();
    // The situation line is the document's subject: named, not a term to explain.
    let text = &card.prompt;
    names.filter(|n| !n.contains([' ', '-'])).any(|name| {
        let Some(at) = whole_word_at(text, name) else {
            return false;
        };
        let after = &text[at + name.len()..];
        // (« le RMS Titanic »: the first word of a longer name, which names a thing)
        let in_a_longer_name = after
            .strip_prefix(' ')
            .is_some_and(|rest| rest.starts_with(char::is_uppercase));
        let spelled_out = text[..at].ends_with('(')
            || after.starts_with(')')
            || in_a_longer_name
            || after_a_kind_noun(&text[..at]);
        let common = lexicon.lookup(&name.to_lowercase()).next().is_some();
        !spelled_out && !common && !explained(name) && name != card.answer
    })
}

/// Whether the words before a name say what it is: a noun naming a kind of body or of
/// place, then « de » (« le musée du Louvre », « le comité de Bakou »).
pub(crate) fn after_a_kind_noun(before: &str) -> bool {
    let mut words = before.split_whitespace().rev();
    let Some(link) = words.next() else {
        return false;
    };
    let link = link.to_lowercase();
    let noun = match link.as_str() {
        "du" | "de" | "des" => words.next().map(str::to_lowercase),
        _ => link
            .strip_prefix("d'")
            .or_else(|| link.strip_prefix("d’"))
            .filter(|rest| rest.is_empty())
            .and_then(|_| words.next().map(str::to_lowercase)),
    };
    noun.is_some_and(|n| {
        crate::facts::organisations::KEYWORDS.contains(&n.as_str())
            || PlaceKind::of_noun(&n).is_some()
            || matches!(n.as_str(), "musée" | "journal" | "revue" | "théâtre")
    })
}

/// Where `word` first occurs in `text` as a whole word.
fn whole_word_at(text: &str, word: &str) -> Option<usize> {
    text.match_indices(word).map(|(i, _)| i).find(|&i| {
        let before = text[..i].chars().next_back();
        let after = text[i + word.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// standalone: « y » and « là » stand for a place the sentence before named (« Riquet, qui
/// y a engagé sa fortune », « C'est là qu'il publie »), and « pour l'occasion » for an event
/// it told; « il y a » and « y compris » are idioms, « là-bas » is already vague elsewhere.
fn points_to_a_place_before(prompt: &str) -> bool {
    let t = format!(" {} ", crate::typography::fold(prompt).replace('’', "'"));
    let y = [" y ", "'y ", " s'y ", " n'y "]
        .iter()
        .any(|p| t.contains(p))
        && !t.contains(" il y a ")
        && !t.contains(" y a-t-il ")
        && !t.contains(" y compris ");
    y || t.contains(" c'est la ")
        || t.contains(" c'est la qu")
        || t.contains("pour l'occasion")
        || t.contains("a cette occasion")
        || t.contains(" de la, ")
}

/// Whether the gap follows « les », « ces », « ses », « leurs » (« les [...] alliés
/// scellent leur entente »): what it counts was named before.
fn counts_a_known_group(prompt: &str) -> bool {
    prompt.split_once(GAP).is_some_and(|(before, _)| {
        let last = before
            .split_whitespace()
            .next_back()
            .unwrap_or("")
            .to_lowercase();
        matches!(
            last.as_str(),
            "les" | "ces" | "ses" | "leurs" | "nos" | "vos"
        )
    })
}

/// french: a « ne » whose second part was cut off (« Les dix-huit batailles auxquelles
/// [...] avait pris part n'étaient. », from « n'étaient, selon lui, que « jeux d'enfants » »).
fn negation_left_open(prompt: &str) -> bool {
    // (most prompts hold no « ne »: nothing is lowered for them)
    let may_negate = ["n'", "n’", "ne ", "N'", "N’", "Ne "]
        .iter()
        .any(|n| prompt.contains(n));
    if !may_negate {
        return false;
    }
    let words: Vec<String> = prompt
        .split(|c: char| {
            c.is_whitespace() || matches!(c, ',' | '.' | ';' | ':' | '!' | '?' | '«' | '»')
        })
        .filter(|w| !w.is_empty())
        .map(|w| w.to_lowercase().replace('’', "'"))
        .collect();
    let Some(at) = words.iter().position(|w| w == "ne" || w.starts_with("n'")) else {
        return false;
    };
    !words[at + 1..].iter().any(|w| {
        matches!(
            w.as_str(),
            "pas"
                | "plus"
                | "jamais"
                | "que"
                | "rien"
                | "point"
                | "guère"
                | "personne"
                | "aucun"
                | "aucune"
                | "ni"
                | "nullement"
                | "nulle"
        ) || w.starts_with("qu'")
    })
}

/// minimal: never a gap inside a name: no number or uncommon capitalised word right after
/// it (« le [...] 001 », « [...] Bonaparte »), nor such a word right before it after the
/// first one (« Louis [...] »).
fn cuts_a_name(prompt: &str) -> bool {
    let lexicon = Lexicon::get();
    let Some((before, after)) = prompt.split_once(GAP) else {
        return false;
    };
    let name_like = |w: &str| {
        let bare = w.trim_matches(|c: char| !c.is_alphanumeric());
        !bare.is_empty()
            && w == bare
            && (bare.chars().all(|c| c.is_ascii_digit())
                || (bare.starts_with(char::is_uppercase)
                    && lexicon.lookup(&bare.to_lowercase()).next().is_none()))
    };
    let next = after.strip_prefix(' ').and_then(|a| a.split(' ').next());
    let previous = before.strip_suffix(' ').and_then(|b| b.rsplit(' ').next());
    // « l'Europe occidentale », « l'Afrique du Nord »: the adjective is part of the name.
    let compass = |w: &str| {
        let w = w
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        [
            "occidental",
            "oriental",
            "central",
            "méridional",
            "septentrional",
        ]
        .iter()
        .any(|a| w.starts_with(a))
    };
    // « l'archange saint [...] »: a saint's name; « [...] le Chauve », « Charles le
    // [...] »: a sovereign's epithet.
    let saint = previous.is_some_and(|w| matches!(w, "saint" | "sainte" | "Saint" | "Sainte"));
    let capitalised = |w: &str| w.starts_with(char::is_uppercase) && !w.contains(GAP);
    // (an epithet is an adjective after « le », « la », any word after « sans »; the name
    // before it a first name: « Toulouse le [...] » is a date's frame)
    let epithet = |link: &str, word: &str| {
        let bare = word.trim_end_matches(|c: char| !c.is_alphabetic());
        capitalised(bare)
            && (link == "sans"
                || lexicon
                    .lookup(&bare.to_lowercase())
                    .any(|a| a.pos.is_adjective()))
    };
    let mut after_words = after.split_whitespace();
    let epithet_after = match (after_words.next(), after_words.next()) {
        (Some(link @ ("le" | "la" | "sans")), Some(word)) => epithet(link, word),
        _ => false,
    };
    let mut before_words = before.split_whitespace().rev();
    let epithet_before = matches!(before_words.next(), Some("le" | "la" | "sans"))
        && before_words
            .next()
            .is_some_and(|w| crate::first_names::of_first_name(w).is_some());
    saint
        || epithet_after
        || epithet_before
        || next.is_some_and(|w| name_like(w) || compass(w))
        || (before.split_whitespace().count() > 1 && previous.is_some_and(name_like))
}

/// minimal: a one-word name blanked before « du », « de », « des » or « d' » and a
/// capitalised word (« sous le [...] du Louvre » for « Carrousel du Louvre »): the gap is the
/// head of a longer name.
fn heads_a_name(prompt: &str, answer: &str) -> bool {
    // (a sovereign and his number are one word of a longer name: « son neveu [...]
    // d'Aquitaine » → « Pépin II »)
    let regnal = answer.rsplit_once(' ').is_some_and(|(head, number)| {
        !head.contains(' ') && crate::facts::names::is_regnal(number)
    });
    if !answer.starts_with(char::is_uppercase) || (answer.contains([' ', '-']) && !regnal) {
        return false;
    }
    let Some((_, after)) = prompt.split_once(GAP) else {
        return false;
    };
    // (« Le [...] naturel régional de Camargue »: its adjectives first)
    let mut words = after.split_whitespace().peekable();
    while words.peek().is_some_and(|w| is_adjective_alone(w)) {
        words.next();
    }
    let next = match words.next() {
        Some(w @ ("du" | "de" | "des")) => words.next().map(|n| (w, n)),
        Some(w) => w
            .strip_prefix("d'")
            .or_else(|| w.strip_prefix("d’"))
            .map(|n| ("d'", n)),
        None => None,
    };
    next.is_some_and(|(_, name)| {
        let bare = name.trim_end_matches(|c: char| !c.is_alphanumeric());
        bare.starts_with(char::is_uppercase) && !Lexicon::get().contains(&bare.to_lowercase())
    })
}

/// Where a second attribute of « être » after byte `after` begins: « et » and a
/// determiner, in a clause whose verb before it is « est », « était » or « fut » with no
/// participle after it (not a passive: « est réussie par … et le médecin … »), with eight
/// words kept and four after (« … est le plus haut sommet d'Europe occidentale et le sixième
/// sur le plan continental »).
fn second_attribute(lexicon: &Lexicon<'_>, text: &str, after: usize) -> Option<usize> {
    text[after..].match_indices(" et ").find_map(|(i, _)| {
        let start = after + i;
        let rest = &text[start + 4..];
        let first = rest.split_whitespace().next()?;
        let determiner = matches!(first, "le" | "la" | "les" | "un" | "une")
            || first.starts_with("l'")
            || first.starts_with("l’");
        let kept = &text[..start];
        let words: Vec<&str> = kept.split_whitespace().collect();
        let copula = words.iter().enumerate().any(|(k, w)| {
            matches!(*w, "est" | "était" | "fut" | "sont" | "étaient" | "furent")
                && words
                    .get(k + 1)
                    .is_some_and(|n| !past_participle(lexicon, &n.to_lowercase()))
        });
        (determiner
            && copula
            && !rest.contains(GAP)
            && word_count(rest) >= 4
            && word_count(kept) >= 8)
            .then_some(start)
    })
}

/// Where a purpose after byte `after` begins: « pour » or « afin de » (« afin d' ») and an
/// The pronouns that stand before a verb (« pour les appeler », « il se consacre »).
const CLITICS: &[&str] = &[
    "le", "la", "les", "lui", "leur", "y", "en", "se", "ne", "nous", "vous",
];

/// infinitive, or a clitic and one (« pour les appeler »), when what is before it has its
/// verb and eight words.
fn purpose_after(lexicon: &Lexicon<'_>, text: &str, after: usize) -> Option<usize> {
    let infinitive = |w: &str| {
        let w = w.trim_end_matches([',', '.', ';']).to_lowercase();
        // « s'unir », « l'appeler »: the infinitive after its clitic.
        let w = w.rsplit(['\'', '’']).next().unwrap_or(&w);
        lexicon.lookup(w).any(|a| {
            matches!(a.pos, Pos::Verb | Pos::Auxiliary)
                && a.verb_forms().any(|f| f.mood == Mood::Infinitive)
        })
    };
    let clitic = |w: &str| CLITICS.contains(&w.to_lowercase().as_str());
    [" pour ", " afin de ", " afin d'", " afin d’"]
        .iter()
        .filter_map(|marker| {
            text[after..].match_indices(marker).find_map(|(i, _)| {
                let start = after + i;
                let mut words = text[start + marker.len()..].split_whitespace();
                let first = words.next()?;
                let verb =
                    infinitive(first) || (clitic(first) && words.next().is_some_and(infinitive));
                let kept = &text[..start];
                (verb && has_clause_verb(lexicon, kept) && word_count(kept) >= 8).then_some(start)
            })
        })
        .min()
}

/// The numbers of a prompt besides its gap that are not years nor days of a date (« 3 089 »
/// is one; « le 2 mars 1969 » none).
fn other_counts(prompt: &str) -> usize {
    let words: Vec<&str> = prompt.split_whitespace().collect();
    fn bare(w: &str) -> &str {
        w.trim_end_matches([',', '.', ';', ':', ')'])
    }
    let is_number = |w: &str| !w.is_empty() && w.chars().all(|c| c.is_ascii_digit() || c == ',');
    let mut count = 0;
    for (i, word) in words.iter().enumerate() {
        let digits = bare(word);
        if !is_number(digits) {
            continue;
        }
        // (a group of three digits goes on the number before it: « 3 089 »)
        let before = i.checked_sub(1).map(|p| words[p]);
        if digits.len() == 3
            && before.is_some_and(|b| is_number(b) && !b.ends_with([',', '.', ';', ':', ')']))
        {
            continue;
        }
        let year = digits.len() == 4
            && digits
                .parse::<u32>()
                .is_ok_and(|y| (1000..=2100).contains(&y));
        let day = words
            .get(i + 1)
            .is_some_and(|n| crate::facts::dates::is_month(&bare(n).to_lowercase()));
        if !year && !day {
            count += 1;
        }
    }
    count
}

/// Whether the pronoun « y » (« y est volé », « n'y entre », « s'y installe ») stands in
/// `prompt`, not in « il y a » and its tenses nor in « y compris ».
fn points_back_by_y(prompt: &str) -> bool {
    let words: Vec<&str> = prompt.split_whitespace().collect();
    words.iter().enumerate().any(|(i, w)| {
        let lower = w.to_lowercase();
        let bare = lower.trim_end_matches([',', '.', ';', ':', '?', '!']);
        let y = bare == "y"
            || [
                "n'y", "s'y", "l'y", "j'y", "qu'y", "m'y", "t'y", "n’y", "s’y", "l’y", "qu’y",
            ]
            .contains(&bare);
        if !y {
            return false;
        }
        let next = words
            .get(i + 1)
            .map(|n| n.to_lowercase())
            .unwrap_or_default();
        let before = i
            .checked_sub(1)
            .map(|p| words[p].to_lowercase())
            .unwrap_or_default();
        let there_is = (before == "il" || before.ends_with("il"))
            && next.starts_with(['a', 'e', 'é'])
            && crate::lexicon::Lexicon::get()
                .lookup(next.trim_end_matches([',', '.']))
                .any(|a| a.lemma == "avoir");
        !(there_is || next.starts_with("compris"))
    })
}

/// Verbs whose object is what the fact is about: one that ends the sentence without it
/// (« … acceptent de négocier. ») leaves what was negotiated to another sentence.
const VERBS_OF_AN_OBJECT: &[&str] = &[
    "négocier",
    "accepter",
    "refuser",
    "approuver",
    "signer",
    "voter",
    "discuter",
    "examiner",
    "proposer",
    "demander",
    "exiger",
    "adopter",
    "rejeter",
];

/// standalone: the prompt ends on an infinitive or a finite form of a verb of
/// [`VERBS_OF_AN_OBJECT`] (not a participle: « le traité est signé » is whole).
fn ends_without_its_object(lexicon: &Lexicon<'_>, prompt: &str) -> bool {
    let Some(last) = prompt
        .trim_end_matches(['.', '!', ' '])
        .rsplit(' ')
        .next()
        .map(str::to_lowercase)
    else {
        return false;
    };
    let last = last.rsplit(['\'', '’']).next().unwrap_or(&last).to_string();
    lexicon.lookup(&last).any(|a| {
        a.pos == Pos::Verb
            && VERBS_OF_AN_OBJECT.contains(&a.lemma)
            && a.verb_forms().any(|f| f.mood != Mood::Participle)
    })
}

/// unique: the answer is one of a list of names the prompt cut after the gap (« face à
/// Amsterdam, [...]. » for « Barcelone » of « … Barcelone, Los Angeles, Prague et Rome »):
/// every name left out fills the gap too.
fn one_of_a_cut_list(card: &GeneratedCard) -> bool {
    let Some((_, after_gap)) = card.prompt.split_once(GAP) else {
        return false;
    };
    if !after_gap.trim().trim_end_matches(['.', '!']).is_empty() {
        return false;
    }
    let Some(at) = card.context.find(&card.answer) else {
        return false;
    };
    let rest = &card.context[at + card.answer.len()..];
    [", ", " et ", " ou "].iter().any(|link| {
        rest.strip_prefix(link)
            .is_some_and(|r| r.starts_with(char::is_uppercase))
    })
}

/// `text` without the article that opens it when it is one of `articles` (« le » and its
/// space, « l' » on its word).
fn without_article<'t>(text: &'t str, articles: &[&str]) -> &'t str {
    let text = text.trim_start();
    articles
        .iter()
        .find_map(|a| {
            let rest = text.strip_prefix(a)?;
            if a.ends_with(['\'', '’']) {
                Some(rest)
            } else {
                rest.strip_prefix(' ')
            }
        })
        .unwrap_or(text)
}

/// `text` without its last word when it is one of `words`, and the spaces before it.
fn without_last_word<'t>(text: &'t str, words: &[&str]) -> &'t str {
    words
        .iter()
        .find_map(|w| {
            text.strip_suffix(w)
                .filter(|rest| rest.ends_with(' '))
                .map(str::trim_end)
        })
        .unwrap_or(text)
}

/// unique: the gap is one name of a list the prompt shows the others of (« les passages
/// des Alpes, le Mont-Cenis et le [...] »): any other of the kind completes it as well.
fn a_member_of_a_list(prompt: &str) -> bool {
    let Some((before, after)) = prompt.split_once(GAP) else {
        return false;
    };
    // (the words that may come before a name of the list)
    let articles = [
        "le", "la", "les", "l'", "l’", "du", "des", "de", "d'", "au", "à",
    ];
    // A name before: « Mont-Cenis et le [...] », « Petrovsk, [...] ».
    let before = without_last_word(
        before.trim_end(),
        &["le", "la", "les", "l'", "l’", "du", "des", "au", "aux"],
    );
    // (a list set in apposition after a comma, examples of what the noun before it names:
    // « les passages des Alpes, le Mont-Cenis et le [...] »; not what a verb acts on, « les
    // troupes occupent [...] et Derbent », each name a fact)
    let after_a_comma = |text: &str| without_last_word(text.trim_end(), &articles).ends_with(',');
    let linked_after_name = |link: &str| {
        before.strip_suffix(link).is_some_and(|rest| {
            let rest = rest.trim_end();
            rest.rsplit_once(' ').is_some_and(|(head, w)| {
                w.starts_with(char::is_uppercase) && !w.ends_with(['.', ':']) && after_a_comma(head)
            })
        })
    };
    // (« , de Messiaen à [...] »: a range of examples; « le [...] à la Comédie-Française »
    // is no range)
    let ends_on_de = |text: &str| text.trim_end().ends_with(", de") || text.ends_with(", d'");
    let range_end = before.strip_suffix(" à").is_some_and(|rest| {
        rest.rsplit_once(' ')
            .is_some_and(|(head, w)| w.starts_with(char::is_uppercase) && ends_on_de(head))
    });
    let named_before = linked_after_name(" et") || linked_after_name(" ou") || range_end;
    // (« entre [...] et Vienne »: the two ends of a span, each a fact)
    if before
        .split_whitespace()
        .rev()
        .nth(2)
        .is_some_and(|w| w == "entre")
        || before.trim_end().ends_with("entre")
    {
        return false;
    }
    // A name after: « [...] et le Montgenèvre », « [...] ou le Montgenèvre ».
    let name_after = |link: &str| {
        after
            .strip_prefix(link)
            .is_some_and(|rest| without_article(rest, &articles).starts_with(char::is_uppercase))
    };
    let named_after = (after_a_comma(before) && (name_after(" et ") || name_after(" ou ")))
        || (ends_on_de(before)
            && after
                .strip_prefix(" à ")
                .is_some_and(|r| r.starts_with(char::is_uppercase)));
    named_before || named_after
}

/// unique: the gap is the subject of « est l'un des … », « est l'une des … », « fait
/// partie des … » (« Le [...] est l'un des plus anciens canaux d'Europe »): one of many fills
/// it.
fn one_of_many(prompt: &str) -> bool {
    let Some((_, after)) = prompt.split_once(GAP) else {
        return false;
    };
    let after = after.trim_start_matches([',', ' ']);
    let verb_then = |verbs: &[&str], rest: &[&str]| {
        verbs.iter().any(|v| {
            after.strip_prefix(v).is_some_and(|a| {
                let a = a.trim_start();
                rest.iter().any(|r| a.starts_with(r))
            })
        })
    };
    verb_then(
        &["est", "était", "fut", "reste", "demeure", "devient"],
        &[
            "l'un des",
            "l'une des",
            "l’un des",
            "l’une des",
            "un des",
            "une des",
        ],
    ) || verb_then(&["fait", "faisait"], &["partie des", "partie du"])
        || verb_then(&["compte", "comptait"], &["parmi"])
}

/// minimal: a body's name goes on after the gap with its « de » (« La [...] de cyclisme fut
/// créée » for « Fédération française »; « le [...] de Bakou »): the gap is part of it.
fn body_goes_on(prompt: &str) -> bool {
    prompt.split_once(GAP).is_some_and(|(_, after)| {
        [" de ", " du ", " des ", " d'", " d’"]
            .iter()
            .any(|link| after.starts_with(link))
    })
}

/// Whether the gap follows « de » after a noun of an event (« l'affrontement de [...] »),
/// not after a word of time (« le mois de », « début », « fin »).
fn names_the_event(prompt: &str) -> bool {
    let Some((before, _)) = prompt.split_once(GAP) else {
        return false;
    };
    let mut words = before.split_whitespace().rev();
    let (Some(de), Some(noun)) = (words.next(), words.next()) else {
        return false;
    };
    de == "de"
        && noun.starts_with(char::is_lowercase)
        && !matches!(noun, "mois" | "début" | "fin" | "milieu" | "courant")
}

/// The words of `text`: what holds a letter, a digit or the gap (a quotation mark or a dash
/// standing alone is no word).
fn word_count(text: &str) -> usize {
    text.split_whitespace()
        .filter(|w| w.contains(GAP) || w.chars().any(char::is_alphanumeric))
        .count()
}

/// The most words a cloze keeps (the rubric's « about 20 words »).
pub const MAX_WORDS: usize = 22;

/// Nouns that open the name of a thing whose proper part follows them: blanking that part
/// blanks a word inside the name (« le canal du [...] » for « canal du Midi », « la mer
/// [...] », « le tunnel du [...] »).
const NAME_HEADS: &[&str] = &[
    "tunnel",
    "mer",
    "océan",
    "fleuve",
    "rivière",
    "laboratoire",
    "institut",
    "stade",
    "lycée",
    "collège",
    "université",
    "théâtre",
    "bassin",
    "massif",
    "glacier",
    "aiguille",
    "vallée",
    "étang",
    "détroit",
];

/// Whether a lower-case noun opens the name of a place or a building when a name follows it,
/// with or without its « de » (« le canal du Midi », « la mer Méditerranée », « le
/// laboratoire Curie »).
pub fn is_name_head(lower: &str) -> bool {
    crate::facts::names::TOPONYM_HEADS.contains(&lower) || NAME_HEADS.contains(&lower)
}

/// minimal: a gap right after the noun that opens a name, with or without its « du », « de
/// la », « des » (« le canal du [...] », « la mer [...] », « le laboratoire [...] »), or after
/// a capitalised word and its « du » (« sous le Carrousel du [...] »).
fn ends_a_named_thing(prompt: &str) -> bool {
    let Some((before, _)) = prompt.split_once(GAP) else {
        return false;
    };
    let mut words: Vec<&str> = before.split_whitespace().collect();
    let mut linked = false;
    while let Some(&w) = words.last() {
        let w = w.to_lowercase();
        if matches!(w.as_str(), "du" | "de" | "des" | "la" | "d'" | "l'")
            || w.starts_with("d'")
            || w.starts_with("l'")
        {
            if let Some(rest) = w.strip_prefix("d'").or_else(|| w.strip_prefix("l'")) {
                if !rest.is_empty() {
                    break;
                }
            }
            linked = true;
            words.pop();
        } else {
            break;
        }
    }
    let Some(&head) = words.last() else {
        return false;
    };
    if head.ends_with([',', ';', ':', ')']) {
        return false;
    }
    // « l'Institut du [...] »: the noun after the elided article.
    let head = head.rsplit(['\'', '’']).next().unwrap_or(head);
    let lower = head.to_lowercase();
    let heads_a_name = is_name_head(&lower);
    let capitalised_before = linked && words.len() > 1 && head.starts_with(char::is_uppercase);
    // « le Point de vue du [...] »: a title opened by a capitalised word after its article,
    // with a lower-case « de » phrase in it before the gap.
    let title_before = linked && {
        let n = words.len();
        (2..=3).any(|back| {
            n > back + 1
                && words[n - back - 1].starts_with(char::is_uppercase)
                && matches!(
                    words[n - back - 2].to_lowercase().as_str(),
                    "le" | "la" | "les"
                )
                && words[n - back..].iter().enumerate().all(|(k, w)| {
                    let linking = matches!(*w, "de" | "du" | "des" | "d'");
                    // (a link, then lower-case words: « de vue »)
                    if k == 0 {
                        linking
                    } else {
                        w.chars().all(|c| c.is_lowercase() || c == '-')
                    }
                })
        })
    };
    heads_a_name || capitalised_before || title_before
}

/// minimal: « Le Parc naturel régional de [...] » → « Camargue »: a capitalised noun and its
/// adjectives, then « de », open an institution's name, which one word closes. (A body's
/// whole name after it is its complement: « Le Comité militaire révolutionnaire du [...] »
/// → « Soviet de Petrograd ».)
fn closes_a_named_institution(prompt: &str, answer: &str) -> bool {
    if answer.contains(' ') {
        return false;
    }
    let Some((before, _)) = prompt.split_once(GAP) else {
        return false;
    };
    let mut words: Vec<&str> = before.split_whitespace().collect();
    if !words
        .last()
        .is_some_and(|w| matches!(w.to_lowercase().as_str(), "de" | "du" | "des" | "d'"))
    {
        return false;
    }
    words.pop();
    let adjectives = words
        .iter()
        .rev()
        .take_while(|w| is_adjective_alone(w))
        .count();
    adjectives > 0
        && words.len() > adjectives + 1
        && words[words.len() - 1 - adjectives].starts_with(char::is_uppercase)
}

/// minimal: « la Joconde disparaît du [...] carré du musée du Louvre » → « Salon »: a
/// one-word name followed by its adjective (« l'Armée rouge », « la Révolution française »)
/// is cut from it.
fn adjective_of_the_name(prompt: &str, answer: &str) -> bool {
    if answer.contains(' ') || !answer.starts_with(char::is_uppercase) {
        return false;
    }
    prompt.split_once(GAP).is_some_and(|(_, after)| {
        after
            .strip_prefix(' ')
            .and_then(|a| a.split_whitespace().next())
            .is_some_and(|w| {
                let bare = w.trim_end_matches(|c: char| !c.is_alphanumeric());
                let lexicon = Lexicon::get();
                bare == w
                    && bare.starts_with(char::is_lowercase)
                    && lexicon
                        .lookup(bare)
                        .any(|a| a.pos == crate::lexicon::Pos::Adjective)
                    && !lexicon.lookup(bare).next().is_some_and(|a| a.pos.is_verb())
            })
    })
}

/// unique: « depuis l'[...] » → « Antiquité », « à la [...] » → « Santé »: a common noun
/// capitalised as a name (a period, a building called by its use) is guessed from many
/// others of its kind, and no body's own name.
fn a_common_noun_capitalised(card: &GeneratedCard) -> bool {
    if !matches!(card.answer_kind, Kind::Organisation | Kind::Other)
        || card.answer.contains([' ', '-'])
        || !card.answer.starts_with(char::is_uppercase)
        || card.answer.chars().skip(1).any(char::is_uppercase)
    {
        return false;
    }
    Lexicon::get()
        .lookup(&card.answer.to_lowercase())
        .next()
        .is_some_and(|a| a.pos == crate::lexicon::Pos::Noun && a.freq >= 3.0)
}

/// A lower-case word the lexicon gives as an adjective first (« naturel », « régional »,
/// « nationale »).
fn is_adjective_alone(word: &str) -> bool {
    word.starts_with(char::is_lowercase)
        && Lexicon::get()
            .lookup(word)
            .next()
            .is_some_and(|a| a.pos == crate::lexicon::Pos::Adjective)
}

/// minimal: a prompt whose brackets or quotation marks do not pair up was cut inside them
/// (« s'est tenu du 3 au 24 juin (16 juin. »).
fn unbalanced(prompt: &str) -> bool {
    let count = |c: char| prompt.matches(c).count();
    count('(') != count(')') || count('«') != count('»') || count('[') != count(']')
}

/// standalone: a day told without its month (« Dans la journée du 26, à Smolny »)
/// leans on the sentence before; a range (« du 3 au 24 juin »), a day in two calendars
/// (« le 12 (25) octobre ») and a day before its month are whole.
fn day_without_month(prompt: &str) -> bool {
    let words: Vec<&str> = prompt.split_whitespace().collect();
    words.windows(2).enumerate().any(|(i, pair)| {
        let day = pair[1].trim_end_matches([',', '.', ';', ')']);
        let a_day = matches!(pair[0].to_lowercase().as_str(), "le" | "du" | "au")
            && !day.is_empty()
            && day.chars().all(|c| c.is_ascii_digit())
            && day.parse::<u32>().is_ok_and(|d| (1..=31).contains(&d));
        if !a_day {
            return false;
        }
        let closed = pair[1].ends_with([',', '.', ';']);
        let next = words.get(i + 2).map(|w| w.to_lowercase());
        let whole = !closed
            && next.as_deref().is_some_and(|n| {
                crate::facts::dates::is_month(n.trim_end_matches([',', '.']))
                    || matches!(n, "au" | "et" | "ou" | "-" | "–")
                    || n.starts_with(['(', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9'])
            });
        !whole
    })
}

/// minimal, french: a gap next to a dash blanks half of a range (« construit en
/// [...]-1928 »).
fn half_of_a_range(prompt: &str) -> bool {
    let Some((before, after)) = prompt.split_once(GAP) else {
        return false;
    };
    after.starts_with(['-', '–', '—']) || before.ends_with(['-', '–', '—'])
}

/// french: a cloze must be a sentence: a finite verb in it, not opening on one (« Conseille
/// à la mère de l'enfant … », whose subject was in the sentence before), and no dash left
/// open (« Henri Cochet, Jean Borotra et Jacques Brugnon – remportent », whose first names
/// were cut off with the opening dash).
fn is_whole_sentence(lexicon: &Lexicon<'_>, prompt: &str) -> bool {
    let words: Vec<&str> = prompt.split_whitespace().collect();
    let lower = |w: &str| w.to_lowercase();
    let finite = |w: &str| crate::clauses::is_verb_form(lexicon, &lower(w));
    // After an article, a preposition or a possessive, a verb form is a noun (« les
    // commissaires du peuple »: « peuple » is no form of « peupler » there).
    let noun_slot = |i: usize| {
        i > 0
            && lexicon.lookup(&lower(words[i - 1])).any(|a| {
                a.pos.is_article()
                    || matches!(
                        a.pos,
                        Pos::Preposition | Pos::PossessiveAdjective | Pos::DemonstrativeAdjective
                    )
            })
            // « le », « la », « les » are object pronouns too (« la rejoint »): there, only a
            // word that is also a noun (« le pilote ») is taken for one.
            && (!lexicon
                .lookup(&lower(words[i - 1]))
                .any(|a| a.pos.is_pronoun())
                || lexicon.lookup(&lower(words[i])).any(|a| a.pos == Pos::Noun))
    };
    // A main verb: finite, not only a participle, not in a noun's slot, not inside a
    // relative clause (« L'ingénieur [...], à qui l'on devait déjà le pont de Normandie. »
    // has none), and not only a subjunctive, which needs the clause it depends on (« François
    // Ier se soit fait armer chevalier par [...] » was « La tradition veut que … »).
    // (« soit fait »: a participle after its auxiliary is of the auxiliary's mood)
    let after_auxiliary = |i: usize| {
        i > 0
            && lexicon
                .lookup(&lower(words[i - 1]))
                .any(|a| a.pos == Pos::Auxiliary || matches!(a.lemma, "être" | "avoir"))
            && past_participle(lexicon, &lower(words[i]))
    };
    let main_verb = |i: usize, w: &str| {
        finite(w)
            && !after_auxiliary(i)
            && !only_a_participle(lexicon, &lower(w))
            && !noun_slot(i)
            && !in_a_relative_clause(&words, i)
            && !only_a_subjunctive(lexicon, &lower(w))
    };
    if !words.iter().enumerate().any(|(i, w)| main_verb(i, w)) {
        return false;
    }
    if let [first, second, ..] = words.as_slice() {
        let named = |w: &str| {
            lexicon
                .lookup(&lower(w))
                .any(|a| matches!(a.pos, Pos::Noun | Pos::Adjective))
        };
        let elided = first.contains(['\'', '’']);
        // « Maria perd sa sœur »: a name (also a form of « marier ») before its verb.
        let subject_before_verb = finite(second);
        if finite(first)
            && !elided
            && !named(first)
            && !second.starts_with(char::is_uppercase)
            && !subject_before_verb
        {
            return false;
        }
    }
    // A relative clause cut before its verb (« … l'édit de Nantes par lequel Henri IV. »).
    // (« que » is left out: « n'a lieu que le [...] » restricts.)
    let relative = words
        .iter()
        .rposition(|w| RELATIVE_PRONOUNS.contains(&lower(w).as_str()));
    // Only its subject's name is left, no verb (« parmi lesquels de nombreuses femmes » is
    // whole).
    if relative.is_some_and(|r| {
        let rest = &words[r + 1..];
        !rest.is_empty()
            && rest.iter().all(|w| {
                w.starts_with(char::is_uppercase)
                    || crate::facts::names::is_regnal(w.trim_end_matches('.'))
            })
    }) {
        return false;
    }
    let dashes = words.iter().filter(|w| matches!(**w, "–" | "—")).count();
    // Each part around a colon is a clause of its own (« Deux minutes après son décollage :
    // l'accident fait [...] » has none before it).
    let clauses = prompt
        .split(" : ")
        .all(|part| has_clause_verb(lexicon, part));
    dashes % 2 == 0 && clauses
}

/// Whether `part` holds the verb of a clause: a finite form in the third person, or in the
/// first when its pronoun is there (a memoir's « je m'élançai »). « minutes » (« tu
/// minutes ») is no verb of « Deux minutes après son décollage ».
fn has_clause_verb(lexicon: &Lexicon<'_>, part: &str) -> bool {
    clause_verb_at(lexicon, part).is_some()
}

/// The index (in words) of the first verb of a clause in `part` (see [`has_clause_verb`]).
fn clause_verb_at(lexicon: &Lexicon<'_>, part: &str) -> Option<usize> {
    let words: Vec<String> = part.split_whitespace().map(|w| w.to_lowercase()).collect();
    let first_person = words
        .iter()
        .any(|w| matches!(w.as_str(), "je" | "nous") || w.starts_with("j'") || w.starts_with("j’"));
    words.iter().position(|w| {
        if !crate::clauses::is_verb_form(lexicon, w) {
            return false;
        }
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        let w = w.rsplit_once(['\'', '’']).map_or(w, |(_, rest)| rest);
        lexicon.lookup(w).any(|a| {
            a.verb_forms().any(|f| {
                !matches!(f.mood, Mood::Participle | Mood::Infinitive)
                    && (f.person == Some(3) || (first_person && f.person == Some(1)))
            })
        })
    })
}

/// Whether the word at `at` is in a relative clause set off by a comma or a dash: the
/// words since the last one open on a relative pronoun (« , à qui l'on devait … »); a
/// relative clause with no comma (« La structure qui porte le parement est faite … ») ends
/// where nothing marks it.
fn in_a_relative_clause(words: &[&str], at: usize) -> bool {
    let start = words[..at]
        .iter()
        .rposition(|w| w.ends_with([',', ';', ':']) || matches!(*w, "–" | "—" | "-"));
    let Some(start) = start else {
        return false;
    };
    words[start + 1..at].iter().take(2).any(|w| {
        let w = w.to_lowercase();
        let w = w.trim_start_matches("(");
        RELATIVE_PRONOUNS.contains(&w)
            || matches!(w, "auquel" | "auxquels" | "auxquelles" | "duquel")
    })
}

/// The relative pronouns that open a clause with its own verb (« que » is left out: « n'a
/// lieu que le [...] » restricts).
const RELATIVE_PRONOUNS: &[&str] = &[
    "qui",
    "dont",
    "où",
    "lequel",
    "laquelle",
    "lesquels",
    "lesquelles",
];

/// Whether every finite reading of `word` is a subjunctive (« soit », « fût », « aient »).
fn only_a_subjunctive(lexicon: &Lexicon<'_>, word: &str) -> bool {
    let word = word.trim_matches(|c: char| !c.is_alphanumeric());
    let word = word.rsplit(['\'', '’']).next().unwrap_or(word);
    let mut subjunctive = false;
    for a in lexicon.lookup(word) {
        for f in a.verb_forms() {
            match f.mood {
                Mood::Subjunctive => subjunctive = true,
                Mood::Infinitive | Mood::Participle => {}
                _ => return false,
            }
        }
    }
    subjunctive
}

/// Whether a finite verb form is, besides, a participle and finite only in the first or
/// second person (« recueillis », « publiés »): in a fact about third parties, a participle.
fn only_a_participle(lexicon: &Lexicon<'_>, word: &str) -> bool {
    let word = word.trim_matches(|c: char| !c.is_alphanumeric());
    let mut participle = false;
    let mut third = false;
    for a in lexicon.lookup(word) {
        for f in a.verb_forms() {
            match f.mood {
                Mood::Participle => participle = true,
                Mood::Infinitive => {}
                _ => third |= f.person == Some(3),
            }
        }
    }
    participle && !third
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_common_noun_capitalised_is_no_name_to_ask() {
        let card = |prompt: &str, answer: &str| {
            GeneratedCard::sample_cloze(prompt, answer, Kind::Organisation)
        };
        assert!(a_common_noun_capitalised(&card(
            "Les salins produisent du sel depuis l'[...].",
            "Antiquité"
        )));
        assert!(!a_common_noun_capitalised(&card(
            "Le 21 juin 1943, Jean Moulin est arrêté par la [...].",
            "Gestapo"
        )));
        assert!(!a_common_noun_capitalised(&card(
            "Il rejoint l'[...] en 1926.",
            "Aéropostale"
        )));
    }

    #[test]
    fn a_one_word_name_is_cut_from_its_adjective() {
        assert!(adjective_of_the_name(
            "Le 21 août 1911, la Joconde disparaît du [...] carré du musée du Louvre.",
            "Salon"
        ));
        assert!(adjective_of_the_name(
            "Il rejoint l'[...] rouge en 1918.",
            "Armée"
        ));
        assert!(!adjective_of_the_name(
            "Il rejoint [...] rapidement en 1918.",
            "Moscou"
        ));
        assert!(!adjective_of_the_name(
            "Il rejoint [...] en 1918.",
            "Moscou"
        ));
    }

    #[test]
    fn a_gap_that_closes_an_institution_s_name_cuts_it() {
        assert!(closes_a_named_institution(
            "Le Parc naturel régional de [...] a été créé en 1970.",
            "Camargue"
        ));
        assert!(!closes_a_named_institution(
            "Le Comité militaire révolutionnaire du [...] fut créé le 12 octobre 1917.",
            "Soviet de Petrograd"
        ));
        assert!(!closes_a_named_institution(
            "La ville de [...] grandit.",
            "Lyon"
        ));
        assert!(heads_a_name(
            "Le [...] naturel régional de Camargue a été créé.",
            "Parc"
        ));
    }

    #[test]
    fn a_day_between_two_names_is_singled_out() {
        let card = |prompt: &str| GeneratedCard::sample_cloze(prompt, "4 janvier 1914", Kind::Date);
        assert!(dated_between_names(&card(
            "La Joconde revient au Louvre le [...]."
        )));
        assert!(!dated_between_names(&card(
            "La Joconde revient au musée le [...]."
        )));
        assert!(crate::context::names_two_things(
            "La Joconde revient au Louvre le [...]."
        ));
        assert!(!crate::context::names_two_things(
            "La Joconde revient à la Joconde."
        ));
    }

    #[test]
    fn a_body_introduced_by_an_indefinite_article_has_many_fillers() {
        let card = |prompt: &str| {
            GeneratedCard::sample_cloze(prompt, "Comité de Défense", Kind::Organisation)
        };
        assert!(introduced_open(&card(
            "Le 9 octobre, les Soviétiques envisagèrent la création d'un [...]."
        )));
        assert!(!introduced_open(&card(
            "Le 9 octobre, les Soviétiques dissolvent le [...]."
        )));
    }

    #[test]
    fn a_body_s_own_word_must_be_explained() {
        let card = |prompt: &str| GeneratedCard::sample_cloze(prompt, "101", Kind::Quantity);
        let names = ["Ispolkom", "Sovnarkom", "Comité central"];
        let explained = |n: &str| n == "Sovnarkom";
        assert!(unexplained_name(
            &card("Le Congrès a rejeté l'Ispolkom et l'a remplacé par [...] membres."),
            names.into_iter(),
            explained
        ));
        // Explained by an alias card, spelled out, or not named at all.
        assert!(!unexplained_name(
            &card("Le Sovnarkom compte [...] commissaires."),
            names.into_iter(),
            explained
        ));
        assert!(!unexplained_name(
            &card("Le Comité exécutif (Ispolkom) compte [...] membres."),
            names.into_iter(),
            explained
        ));
        assert!(!unexplained_name(
            &card("Le Comité central compte [...] membres."),
            names.into_iter(),
            explained
        ));
        // The first word of a longer name names a thing, not a body (« le RMS Titanic »).
        assert!(!unexplained_name(
            &card("Le RMS Titanic compte [...] canots."),
            ["RMS"].into_iter(),
            |_| false
        ));
        assert!(unexplained_name(
            &card("Le RMS compte [...] navires."),
            ["RMS"].into_iter(),
            |_| false
        ));
    }

    #[test]
    fn asides_in_brackets_and_opening_connectors_go() {
        assert_eq!(
            one_fact("Le Comité militaire révolutionnaire (Voyenno-revoljutsionnyi Komitet, VRK) du [...] fut créé en 1917."),
            "Le Comité militaire révolutionnaire du [...] fut créé en 1917."
        );
        assert_eq!(
            one_fact("Le congrès s'ouvre à Smolny le [...] (7 novembre) 1917."),
            "Le congrès s'ouvre à Smolny le [...] (7 novembre) 1917."
        );
        assert_eq!(
            one_fact("Le Comité militaire révolutionnaire fut créé le 12 (25) octobre 1917 par le [...]."),
            "Le Comité militaire révolutionnaire fut créé le 12 (25) octobre 1917 par le [...]."
        );
        assert_eq!(
            one_fact("Mais [...] déclare qu'il n'a aucun désaccord avec la motion de Martov."),
            "[...] déclare qu'il n'a aucun désaccord avec la motion de Martov."
        );
        assert_eq!(
            one_fact("Fin avril, les troupes rouges occupent [...] et Derbent sur la Caspienne, libérant les communications avec le Nord."),
            "Fin avril, les troupes rouges occupent [...] et Derbent sur la Caspienne, libérant les communications avec le Nord."
        );
        // A bare participle may tell what the noun before it is: it stays.
        assert_eq!(
            one_fact("Le [...] publia une annonce écrite par Lénine, déclarant la fin du gouvernement provisoire."),
            "Le [...] publia une annonce écrite par Lénine, déclarant la fin du gouvernement provisoire."
        );
    }

    #[test]
    fn a_gap_in_an_opening_participle_is_told_of_the_subject() {
        assert_eq!(
            one_fact("Commandée en [...], sans concours, à l'architecte sino-américain Ieoh Ming Pei, la pyramide suscite une vive controverse lors de la présentation du projet en 1984."),
            "La pyramide a été commandée en [...], sans concours, à l'architecte sino-américain Ieoh Ming Pei."
        );
        assert_eq!(
            one_fact("Né à Canton le [...], l'architecte sino-américain Ieoh Ming Pei est mort à New York le 16 mai 2019, à l'âge de 102 ans."),
            "L'architecte sino-américain Ieoh Ming Pei est né à Canton le [...]."
        );
        // The gap in the main clause: the opening is cut, not made the clause.
        assert!(!one_fact("Commandée en 1983 à l'architecte Ieoh Ming Pei, la pyramide suscite une controverse en [...].").starts_with("La pyramide a été"));
    }

    #[test]
    fn a_gap_among_names_listed_is_one_of_many() {
        assert!(a_member_of_a_list(
            "Les Suisses gardaient les passages ordinaires des Alpes, le Mont-Cenis et le [...]."
        ));
        assert!(a_member_of_a_list(
            "Les Suisses gardaient les passages ordinaires des Alpes, le [...] et le Montgenèvre."
        ));
        // A range of examples in apposition, too.
        assert!(a_member_of_a_list(
            "Debussy a ouvert la voie à la musique du XXe siècle, de Messiaen à [...]."
        ));
        // What a verb acts on is a fact of each name.
        assert!(!a_member_of_a_list(
            "Fin avril, les troupes rouges occupent [...] et Derbent."
        ));
        assert!(!a_member_of_a_list(
            "L'autoroute relie Clermont-Ferrand à [...]."
        ));
        assert!(!a_member_of_a_list(
            "La première d'Hernani, le [...] à la Comédie-Française, déclenche une bataille."
        ));
        assert!(!a_member_of_a_list("Le canal relie la Garonne à [...]."));
        assert!(!a_member_of_a_list(
            "La frontière passe entre [...] et Vienne."
        ));
        assert!(!a_member_of_a_list(
            "Le [...] et ses alliés prennent la ville en 1515."
        ));
    }

    #[test]
    fn a_contrast_with_the_sentence_before_goes() {
        assert_eq!(
            one_fact(
                "Le musicien [...], quant à lui, composa en 1515 une chanson fameuse, La Guerre."
            ),
            "Le musicien [...] composa en 1515 une chanson fameuse, La Guerre."
        );
    }

    #[test]
    fn more_second_facts_go() {
        assert_eq!(
            one_fact("Le viaduc de Millau a coûté environ [...] d'euros, entièrement financés par Eiffage, sans argent public, en échange d'une concession de 78 ans."),
            "Le viaduc de Millau a coûté environ [...] d'euros."
        );
        assert_eq!(
            one_fact("Suivent La Mer, sous-titrée « [...] esquisses symphoniques », puis le ballet Jeux, écrit pour les Ballets russes de Diaghilev."),
            "Suivent La Mer, sous-titrée « [...] esquisses symphoniques »."
        );
        assert_eq!(
            one_fact("Pierre-Paul Riquet, né à Béziers en [...] et fermier des gabelles de Languedoc, étudie le problème depuis sa maison de Revel."),
            "Pierre-Paul Riquet est né à Béziers en [...]."
        );
        assert_eq!(
            one_fact("D'abord favorable à Louis-Napoléon Bonaparte, Victor Hugo rompt avec lui et tente de s'opposer au coup d'État du [...]."),
            "Victor Hugo tente de s'opposer au coup d'État du [...]."
        );
        assert_eq!(
            one_fact("Par l'édit de Saint-Germain, en [...], Louis XIV ordonne la construction du canal et en confie la direction à Riquet."),
            "Par l'édit de Saint-Germain, en [...], Louis XIV ordonne la construction du canal."
        );
        assert_eq!(
            one_fact("L'avion sort des hangars le [...] sous l'immatriculation F-WTSS, les lettres « TSS » signifiant « transport supersonique »."),
            "L'avion sort des hangars le [...] sous l'immatriculation F-WTSS."
        );
        assert_eq!(
            one_fact("Au printemps [...], Marie Curie rencontre Pierre Curie, chef des travaux à l'École municipale de physique."),
            "Au printemps [...], Marie Curie rencontre Pierre Curie."
        );
        // (a participial aside on a name inside the sentence is that name's fact)
        assert_eq!(
            one_fact("Après la mort accidentelle de Pierre Curie, renversé par une voiture à cheval le [...], elle lui succède à la Sorbonne et devient la première femme professeur de cette université."),
            "Pierre Curie a été renversé par une voiture à cheval le [...]."
        );
        // (a relative clause after « par lequel » is told with its antecedent)
        assert_eq!(
            one_fact("L'édit de Fontainebleau, signé par Louis XIV le 18 octobre 1685, révoque l'édit de Nantes par lequel Henri IV, son grand-père, avait accordé en [...] une certaine liberté de culte aux protestants du royaume."),
            "Par l'édit de Nantes, Henri IV avait accordé en [...] une certaine liberté de culte aux protestants du royaume."
        );
        // (a second clause with its own subject is its own fact)
        assert_eq!(
            one_fact("Le mur du son est franchi pour la première fois le 1er octobre 1969, au cours du 45e vol, et le Concorde atteint Mach 2 le [...]."),
            "Le Concorde atteint Mach 2 le [...]."
        );
        assert_eq!(
            one_fact("Le 2 mars, le pilote décolle de Toulouse, et il atteint Mach 2 le [...] au-dessus de l'Atlantique."),
            "Le 2 mars, le pilote décolle de Toulouse, et il atteint Mach 2 le [...] au-dessus de l'Atlantique."
        );
        // (a relative clause on a name's apposition tells of the name)
        assert_eq!(
            one_fact("L'Auto, un quotidien imprimé sur papier jaune que dirige Henri Desgrange, un ancien coureur qui avait établi en [...] le premier record de l'heure officiel."),
            "Henri Desgrange avait établi en [...] le premier record de l'heure officiel."
        );
        assert_eq!(
            one_fact("Le port, un abri sûr qui accueille la flotte en [...], reste ouvert."),
            "Le port, un abri sûr qui accueille la flotte en [...], reste ouvert."
        );
    }

    #[test]
    fn a_possessive_of_nobody_named_points_back() {
        let lexicon = Lexicon::get();
        assert!(dangling_possessive(
            lexicon,
            "Le [...], dans l'après-midi, leurs carrés de piquiers se ruèrent sur le camp français."
        ));
        assert!(!dangling_possessive(
            lexicon,
            "Le [...], les Suisses et leurs carrés de piquiers se ruèrent sur le camp français."
        ));
        assert!(!dangling_possessive(
            lexicon,
            "Les Suisses se retirèrent en [...], emportant leurs blessés."
        ));
        assert!(!dangling_possessive(
            lexicon,
            "Après leurs attentats de [...], les socialistes-révolutionnaires seront interdits."
        ));
    }

    #[test]
    fn a_subject_pronoun_left_points_back() {
        assert!(!dangling_subject_pronoun(
            "Le 12 octobre 1822, Victor Hugo épouse Adèle Foucher, dont il aura [...] enfants."
        ));
        assert!(dangling_subject_pronoun(
            "Pair de France en [...], il est élu député de Paris en 1848."
        ));
        assert!(!dangling_subject_pronoun(
            "Il faut attendre l'édit de Versailles, signé en [...]."
        ));
        assert!(!dangling_subject_pronoun(
            "Victor Hugo est élu député de Paris en [...]."
        ));
    }

    #[test]
    fn an_elided_object_points_back() {
        let lexicon = Lexicon::get();
        assert!(points_back_by_an_object(
            lexicon,
            "Le Congrès l'a remplacé par un groupe de [...] membres."
        ));
        assert!(!points_back_by_an_object(
            lexicon,
            "Le Congrès s'ouvre à l'Institut Smolny le [...]."
        ));
        assert!(!points_back_by_an_object(
            lexicon,
            "L'édit est signé par Louis XIV le [...]."
        ));
    }

    #[test]
    fn a_gap_in_the_second_part_of_an_aside() {
        assert_eq!(
            one_fact("Pierre-Paul Riquet, né à Béziers en 1609 et fermier des gabelles de [...], étudie le problème depuis sa maison de Revel."),
            "Pierre-Paul Riquet est fermier des gabelles de [...]."
        );
    }

    #[test]
    fn a_noun_phrase_on_the_subject_is_an_aside() {
        assert_eq!(
            one_fact("Les Jeux olympiques d'été de 1924, Jeux de la VIIIe olympiade de l'ère moderne, ont été célébrés à Paris du [...] au 27 juillet 1924."),
            "Les Jeux olympiques d'été de 1924 ont été célébrés à Paris du [...] au 27 juillet 1924."
        );
    }

    #[test]
    fn asides_in_a_row_go_together() {
        assert_eq!(
            one_fact(
                "Le camarade Ouliantzev, un matelot de Cronstadt, un vieux bagnard, avait été envoyé en mission et rentra à [...]."
            ),
            "Le camarade Ouliantzev avait été envoyé en mission et rentra à [...]."
        );
    }

    #[test]
    fn asides_that_count_something_else_go() {
        let lexicon = Lexicon::get();
        assert_eq!(
            without_counted_asides(
                lexicon,
                "Au total, [...] athlètes, dont 135 femmes, représentant 44 nations, prennent part aux épreuves."
            ),
            "Au total, [...] athlètes prennent part aux épreuves."
        );
        for kept in [
            // the gap's own aside
            "Au total, 3 089 athlètes, dont [...] femmes, prennent part aux épreuves.",
            // an aside that opens another clause after it
            "La France remporte [...] médailles, dont 13 en or, et se classe troisième.",
            // no count: another kind of aside
            "Le chantier, dont Riquet a la charge, emploie [...] ouvriers.",
        ] {
            assert_eq!(without_counted_asides(lexicon, kept), kept);
        }
    }

    #[test]
    fn a_cloze_keeps_one_fact() {
        assert_eq!(
            one_fact("Pasteur lui-même, né à Dole en 1822, était mort le [...] et repose dans une crypte de l'Institut."),
            "Pasteur lui-même, né à Dole en 1822, était mort le [...]."
        );
        assert_eq!(
            one_fact("Le chimiste Louis Pasteur, né à Dole en 1822, présente son vaccin contre la rage le [...]."),
            "Le chimiste Louis Pasteur présente son vaccin contre la rage le [...]."
        );
        assert_eq!(
            one_fact("Le célèbre tableau de Claude Monet est peint en [...] et conservé au musée Marmottan, à Paris."),
            "Le célèbre tableau de Claude Monet est peint en [...]."
        );
        assert_eq!(
            one_fact("Ces Jeux sont les derniers organisés sous la présidence de Pierre de Coubertin, qui quitte la tête du Comité international olympique en [...]."),
            "Pierre de Coubertin quitte la tête du Comité international olympique en [...]."
        );
        assert_eq!(
            one_fact("Riquet, qui y a engagé sa fortune, meurt à Toulouse le [...], quelques mois avant la fin des travaux."),
            "Riquet meurt à Toulouse le [...], quelques mois avant la fin des travaux."
        );
        assert_eq!(
            one_fact("Le Stade français cède un terrain de [...] hectares près de la porte d'Auteuil, et le stade est construit en bois."),
            "Le Stade français cède un terrain de [...] hectares près de la porte d'Auteuil."
        );
        assert_eq!(
            one_fact("Né à Canton le 26 avril 1917, l'architecte sino-américain Ieoh Ming Pei est mort à New York le [...]."),
            "L'architecte sino-américain Ieoh Ming Pei est mort à New York le [...]."
        );
        assert_eq!(
            one_fact("Benjamine d'une famille de cinq enfants, fille d'un professeur, Maria perd sa sœur Zofia, emportée par le typhus en [...]."),
            "Maria perd sa sœur Zofia, emportée par le typhus en [...]."
        );
        // A relative clause on an office's holder, or with the main clause after it, is not
        // told of the name before it.
        let king = one_fact("Le roi de France, qui vient d'arracher la Normandie à [...], finance la reconstruction.");
        assert!(!king.starts_with("France vient"), "{king}");
        let main_after = one_fact(
            "Le cousin de Paul Abadie, qui remporte le concours en [...], commence les travaux.",
        );
        assert!(
            !main_after.starts_with("Paul Abadie remporte"),
            "{main_after}"
        );
        // A date that opens the sentence stays: it is the fact's time.
        let dated = "En 1905, le club était présidé par [...], la première femme à le diriger.";
        assert_eq!(one_fact(dated), dated);
        // Not when a pronoun would open what is left.
        let pronoun =
            "Pair de France en 1845, il est élu député de Paris en [...], sous la République.";
        assert_eq!(one_fact(pronoun), pronoun);
        assert_eq!(
            one_fact("Le Finlandais Paavo Nurmi remporte [...] médailles d'or, dont le 1 500 m et le 5 000 m."),
            "Le Finlandais Paavo Nurmi remporte [...] médailles d'or."
        );
        // Not when what is left says too little.
        let short = "Les troupes entrent dans Paris le [...] et prennent la ville.";
        assert_eq!(one_fact(short), short);
        // An aside inside a list, after a verb, is not on the subject.
        let list = "C'est là qu'il publie Les Châtiments, dirigés contre Napoléon, Les Contemplations et, en [...], Les Misérables.";
        assert_eq!(one_fact(list), list);
        // Two verbs that share their object are one fact.
        let shared = "Le docteur [...], de Villé, nettoie et cautérise les plaies à l'acide.";
        assert_eq!(one_fact(shared), shared);
        // A list after the gap is one fact: left as it is.
        let list = "Le canal relie en [...] Toulouse et Sète par la Montagne Noire.";
        assert_eq!(one_fact(list), list);
    }

    #[test]
    fn y_and_la_point_to_a_place_before() {
        assert!(points_to_a_place_before(
            "Riquet, qui y a engagé sa fortune, meurt le [...]."
        ));
        assert!(points_to_a_place_before(
            "C'est là qu'il publie Les Misérables en [...]."
        ));
        assert!(points_to_a_place_before(
            "Pour l'occasion, l'église est rendue à sa fonction de [...]."
        ));
        assert!(points_to_a_place_before(
            "Les Internationaux s'y disputent depuis [...]."
        ));
        assert!(!points_to_a_place_before(
            "Il y a [...] ans, Concorde prenait son envol."
        ));
        assert!(!points_to_a_place_before(
            "Le musée compte [...] œuvres, y compris la Joconde."
        ));
        assert!(!points_to_a_place_before(
            "La paix est signée à Paris le [...]."
        ));
    }

    #[test]
    fn a_long_cloze_loses_the_whole_of_its_opening() {
        // Phrases that go on the opening (a preposition, « puis »), and « seconde » or
        // « concours » read as nouns, not verbs.
        assert_eq!(
            one_fact(
                "Inaugurée une première fois par François Mitterrand le 4 mars 1988, puis une \
                 seconde fois le 29 mars 1989, la pyramide du Louvre a ouvert au public le [...]."
            ),
            "La pyramide du Louvre a ouvert au public le [...]."
        );
        assert_eq!(
            one_fact(
                "Commandée en 1983, sans concours, à l'architecte sino-américain Ieoh Ming Pei, \
                 la pyramide suscite une vive controverse lors de la présentation du projet en [...]."
            ),
            "La pyramide suscite une vive controverse lors de la présentation du projet en [...]."
        );
        // An adverb before the participle, and a quotation in the opening.
        assert_eq!(
            one_fact(
                "Longtemps désigné sous le nom de « montagne Maudite », le sommet apparaît pour \
                 la première fois sous le nom de « mont Blanc » en [...]."
            ),
            "Le sommet apparaît pour la première fois sous le nom de « mont Blanc » en [...]."
        );
        // A reflexive verb's clitic stays with the verb.
        assert_eq!(
            one_fact("Revenu en [...] au début du siècle, Joseph Niépce se consacre avec son frère aîné Claude à la mécanique."),
            "Joseph Niépce est revenu en [...] au début du siècle."
        );
        // A short cloze keeps its quotation: it is what the rest speaks of.
        let short = "D'abord nommé « canal royal », le canal est rebaptisé en [...].";
        assert_eq!(one_fact(short), short);
        assert!(likely_verb(Lexicon::get(), "suscite"));
        assert!(!likely_verb(Lexicon::get(), "seconde"));
    }

    #[test]
    fn a_gap_in_one_of_a_verb_s_objects_keeps_that_object() {
        assert_eq!(
            one_fact(
                "Contraint à l'exil, Victor Hugo gagne Bruxelles, puis l'île de Jersey en 1852, \
                 et enfin Guernesey en [...]."
            ),
            "Contraint à l'exil, Victor Hugo gagne Guernesey en [...]."
        );
        // « celle de » takes the first object's noun; a gap in the first object loses the rest.
        assert_eq!(
            one_fact(
                "Marie Curie obtient la licence de physique en 1893, puis celle de mathématiques en [...]."
            ),
            "Marie Curie obtient la licence de mathématiques en [...]."
        );
        assert_eq!(
            one_fact(
                "Marie Curie obtient la licence de physique en [...], puis celle de mathématiques en 1894."
            ),
            "Marie Curie obtient la licence de physique en [...]."
        );
        // An object keeps its aside.
        assert_eq!(
            one_fact(
                "Maria perd sa sœur Zofia, emportée par le typhus en janvier 1876, puis sa mère, \
                 morte de la tuberculose le [...]."
            ),
            "Maria perd sa mère, morte de la tuberculose le [...]."
        );
        // Two clauses are not two objects.
        let clauses = "Lénine arrive à Petrograd, puis Trotsky rentre de New York en [...].";
        assert_eq!(one_fact(clauses), clauses);
    }

    #[test]
    fn a_description_with_a_gap_is_told_of_the_subject() {
        assert_eq!(
            one_fact(
                "Le tunnel du Mont-Blanc, long de [...] km, relie Chamonix à Courmayeur depuis 1965."
            ),
            "Le tunnel du Mont-Blanc est long de [...] km."
        );
        assert_eq!(
            one_fact("Pair de France en [...], Victor Hugo est élu député de Paris en 1848."),
            "Victor Hugo est pair de France en [...]."
        );
    }

    #[test]
    fn an_infinitive_opening_and_a_trailing_participle_go() {
        assert_eq!(
            one_fact(
                "Après avoir dissous la Douma municipale et remplacé la milice par une garde « ouvrière et paysanne », les bolcheviks décident le [...] de créer leur propre gouvernement, le Sovnarkom, composé uniquement de bolcheviks et de S.R. de gauche."
            ),
            "Les bolcheviks décident le [...] de créer leur propre gouvernement, le Sovnarkom."
        );
    }

    #[test]
    fn a_kind_noun_says_what_a_name_is() {
        assert!(after_a_kind_noun("Elle abrite l'entrée du musée du "));
        assert!(after_a_kind_noun("Il siège au comité de "));
        assert!(!after_a_kind_noun("La pyramide du "));
    }

    #[test]
    fn a_gap_never_heads_a_longer_name() {
        assert!(heads_a_name(
            "La pyramide inversée a été construite en 1993 sous le [...] du Louvre.",
            "Carrousel"
        ));
        assert!(heads_a_name("Il gagne le [...] d'Italie.", "Royaume"));
        assert!(!heads_a_name(
            "La bataille de [...] de 1917 commence.",
            "Riga"
        ));
        assert!(!heads_a_name(
            "Il arrive à [...] du Nord au matin.",
            "Lille"
        ));
        assert!(!heads_a_name("Le [...] du Louvre ouvre.", "1989"));
    }

    #[test]
    fn a_day_needs_its_month() {
        assert!(day_without_month(
            "Dans la journée du 26, à Smolny, le [...] travaille."
        ));
        assert!(day_without_month("Le 12, [...] quitte Paris."));
        assert!(!day_without_month(
            "Le congrès se tient du 3 au 24 juin à [...]."
        ));
        assert!(!day_without_month(
            "Le comité est créé le 12 (25) octobre par [...]."
        ));
        assert!(!day_without_month(
            "Le [...], le 18 juin, l'armée écrase les Anglais."
        ));
        assert!(!day_without_month(
            "Le stade compte [...] courts et le 5 000 m est couru."
        ));
    }

    #[test]
    fn a_gap_never_cuts_a_name() {
        assert!(cuts_a_name(
            "Le 2 mars 1969, le [...] 001 décolle de Toulouse."
        ));
        assert!(cuts_a_name(
            "Le général [...] Bonaparte prend le pouvoir le 9 novembre."
        ));
        assert!(cuts_a_name("Le président Sadi [...] inaugure l'Institut."));
        assert!(cuts_a_name("Il part en mission en [...] occidentale."));
        assert!(!cuts_a_name("Le [...], Pasteur présente son vaccin."));
        assert!(!cuts_a_name("Le canal relie [...] à la mer Méditerranée."));
        assert!(!cuts_a_name("[...] convoque le Soviet de Petrograd."));
        assert!(cuts_a_name(
            "L'archange saint [...] apparut en 708 à Aubert."
        ));
        assert!(cuts_a_name(
            "En 870, Charles le [...] et Louis se partagent la Lotharingie."
        ));
        assert!(cuts_a_name(
            "En 870, [...] le Chauve et Louis se partagent la Lotharingie."
        ));
        assert!(!cuts_a_name("En 870, Charles reçoit [...] le 3 mai."));
        assert!(!cuts_a_name(
            "Riquet meurt à Toulouse le [...], avant la fin des travaux."
        ));
        assert!(!cuts_a_name(
            "En [...] le Mont et sa baie sont inscrits au patrimoine."
        ));
        assert!(negation_left_open(
            "Les batailles auxquelles [...] avait pris part n'étaient."
        ));
        assert!(!negation_left_open("Il n'a que [...] ans."));
        assert!(counts_a_known_group(
            "Le 14 février 842, les [...] alliés scellent leur entente."
        ));
        assert!(!counts_a_known_group(
            "Une garnison de [...] chevaliers repousse l'assaut."
        ));
        assert!(heads_a_name(
            "Louis et Charles s'allient contre Lothaire, soutenu par son neveu [...] d'Aquitaine.",
            "Pépin II"
        ));
        assert!(!heads_a_name(
            "Le traité est signé par [...] d'abord.",
            "Louis XIV"
        ));
        assert!(!negation_left_open(
            "Le Mont n'est jamais pris par les Anglais en [...]."
        ));
    }

    #[test]
    fn a_gap_after_the_head_of_a_name_is_inside_it() {
        assert!(ends_a_named_thing(
            "Le canal du [...] relie Toulouse à la Garonne."
        ));
        assert!(ends_a_named_thing("Le fleuve se jette dans la mer [...]."));
        assert!(ends_a_named_thing(
            "Marie Curie dirige le laboratoire [...] depuis 1914."
        ));
        assert!(ends_a_named_thing(
            "La pyramide est construite sous le Carrousel du [...]."
        ));
        assert!(ends_a_named_thing("Il dirige l'Institut du [...] à Paris."));
        assert!(ends_a_named_thing(
            "Longtemps égaré, le Point de vue du [...] est retrouvé en 1952."
        ));
        assert!(!ends_a_named_thing(
            "Le Mont attire chaque année des millions de visiteurs venus de [...]."
        ));
        assert!(!ends_a_named_thing(
            "Le canal du Midi relie [...] à la Garonne."
        ));
        assert!(!ends_a_named_thing(
            "Il est nommé commissaire pour la province de [...]."
        ));
        assert!(!ends_a_named_thing("[...] fonde le laboratoire en 1914."));
    }

    #[test]
    fn brackets_and_quotes_pair_up() {
        assert!(unbalanced(
            "Le congrès s'est tenu du 3 au 24 juin (16 juin [...]."
        ));
        assert!(unbalanced("Il lance « la ligne [...] en 1924."));
        assert!(!unbalanced("Le congrès (juin 1917) s'ouvre le [...]."));
    }

    /// What the judge says of a cloze, with no pools and the document's town.
    fn judged(prompt: &str, answer: &str, kind: Kind, town: Option<&str>) -> Option<Rule> {
        let judge = Judge {
            pools: &Pools::default(),
        };
        judge.fails(&GeneratedCard::sample_cloze(prompt, answer, kind), town)
    }

    #[test]
    fn a_second_attribute_after_the_gap_is_another_fact() {
        assert_eq!(
            one_fact(
                "Avec une altitude de [...] mètres, le mont Blanc est le plus haut sommet \
                 d'Europe occidentale et le sixième sur le plan continental en prenant en \
                 compte les montagnes du Caucase."
            ),
            "Avec une altitude de [...] mètres, le mont Blanc est le plus haut sommet d'Europe \
             occidentale."
        );
    }

    #[test]
    fn an_opposed_clause_after_the_gap_is_another_fact() {
        assert_eq!(
            one_fact(
                "Le Sovnarkom était responsable devant la CEC / [...] en théorie, mais \
                 l'organisation était sous tous ses aspects impuissante."
            ),
            "Le Sovnarkom était responsable devant la CEC / [...] en théorie."
        );
    }

    #[test]
    fn a_purpose_after_the_gap_is_another_fact() {
        assert_eq!(
            one_fact(
                "En [...], Riquet fait creuser une « rigole d'essai » pour prouver que les eaux \
                 de la Montagne Noire peuvent être conduites jusqu'au seuil de Naurouze."
            ),
            "En [...], Riquet fait creuser une « rigole d'essai »."
        );
        assert_eq!(
            one_fact(
                "Le Comité militaire révolutionnaire envoie en [...] un détachement à Gatchina \
                 afin de les appeler à s'unir aux ouvriers."
            ),
            "Le Comité militaire révolutionnaire envoie en [...] un détachement à Gatchina."
        );
        // « pour » and a noun is part of the fact; so is a purpose the gap is in.
        for prompt in [
            "En 1903, les époux [...] partagent avec Henri Becquerel le prix Nobel de physique \
             pour leurs recherches sur les radiations.",
            "En 1665, Riquet fait creuser une rigole pour prouver que les eaux peuvent aller \
             jusqu'au seuil de [...].",
        ] {
            assert_eq!(one_fact(prompt), prompt);
        }
    }

    #[test]
    fn a_date_one_word_short_is_kept_when_its_situation_names_what_and_when() {
        let mut card = GeneratedCard::sample_cloze(
            "Le soulèvement populaire bolchevique a commencé le [...].",
            "24 octobre",
            Kind::Date,
        );
        let judge = Judge {
            pools: &Pools::default(),
        };
        assert_eq!(judge.fails(&card, None), Some(Rule::TooShort));
        card.situation = "Soviet de Petrograd, 1917".to_string();
        assert_eq!(judge.fails(&card, None), None);
        // Not without the year, nor for another answer.
        card.situation = "Soviet de Petrograd".to_string();
        assert_eq!(judge.fails(&card, None), Some(Rule::TooShort));
        card.situation = "Soviet de Petrograd, 1917".to_string();
        card.answer_kind = Kind::Person;
        assert_eq!(judge.fails(&card, None), Some(Rule::TooShort));
        // A date of a thing the cloze names, in the situation of whom the document is about.
        let mut card =
            GeneratedCard::sample_cloze("En [...] paraît Notre-Dame de Paris.", "1831", Kind::Date);
        assert_eq!(judge.fails(&card, None), Some(Rule::TooShort));
        card.situation = "Victor-Marie Hugo".to_string();
        assert_eq!(judge.fails(&card, None), None);
        let mut card = GeneratedCard::sample_cloze("En [...] paraît le livre.", "1831", Kind::Date);
        card.situation = "Victor-Marie Hugo".to_string();
        assert_eq!(judge.fails(&card, None), Some(Rule::TooShort));
    }

    #[test]
    fn a_verb_that_ends_without_its_object_leaves_it_to_another_sentence() {
        let lexicon = Lexicon::get();
        for prompt in [
            "Le Comité central bolchévik du [...] accepte de négocier.",
            "Le [...] refuse.",
            "Les délégués du [...] votent.",
        ] {
            assert!(ends_without_its_object(lexicon, prompt), "{prompt}");
        }
        for prompt in [
            "Le traité de paix est signé à [...].",
            "Le traité est signé le [...].",
            "Le Sénat approuve le traité en [...].",
        ] {
            assert!(!ends_without_its_object(lexicon, prompt), "{prompt}");
        }
    }

    #[test]
    fn a_cloze_with_three_other_counts_tells_several_facts() {
        assert_eq!(
            other_counts(
                "Au total, 3 089 athlètes, dont 135 femmes, représentant [...], prennent part \
                 aux 126 épreuves de 17 sports."
            ),
            4
        );
        assert_eq!(
            other_counts("Le 2 mars 1969, le prototype 001 vole 29 minutes à [...]."),
            2
        );
        assert_eq!(
            other_counts("La France remporte [...] médailles, dont 13 en or."),
            1
        );
        assert_eq!(
            judged(
                "Au total, 3 089 athlètes, dont 135 femmes, représentant [...], prennent part aux 126 épreuves de 17 sports.",
                "44 nations",
                Kind::Quantity,
                None
            ),
            Some(Rule::TooLong)
        );
    }

    #[test]
    fn a_body_whose_name_goes_on_after_the_gap_is_cut() {
        assert_eq!(
            judged(
                "La [...] de cyclisme fut créée le 12 février 1881 à Paris.",
                "Fédération française",
                Kind::Organisation,
                None
            ),
            Some(Rule::Fragment)
        );
        assert_eq!(
            judged(
                "Le Comité militaire révolutionnaire du [...] fut créé en octobre 1917.",
                "Soviet de Petrograd",
                Kind::Organisation,
                None
            ),
            None
        );
    }

    #[test]
    fn a_name_of_a_list_cut_after_the_gap_is_one_of_many() {
        let mut card = GeneratedCard::sample_cloze(
            "Paris fut choisie en 1921 face à Amsterdam, [...].",
            "Barcelone",
            Kind::Place,
        );
        card.context =
            "Paris fut choisie en 1921 face à Amsterdam, Barcelone, Los Angeles, Prague et Rome."
                .to_string();
        assert!(one_of_a_cut_list(&card));
        card.answer = "Rome".to_string();
        assert!(!one_of_a_cut_list(&card));
    }

    #[test]
    fn y_stands_for_what_was_told_before() {
        for prompt in [
            "Quand le tableau y est-il volé avec huit autres œuvres ?",
            "Elle est la première femme à y entrer en [...].",
            "Il s'y installe en [...].",
        ] {
            assert!(points_back_by_y(prompt), "{prompt}");
        }
        for prompt in [
            "Il y a [...] écluses sur le canal du Midi.",
            "Il n'y avait que [...] femmes parmi les étudiants.",
            "Tous les pays, y compris la [...], signent le traité.",
        ] {
            assert!(!points_back_by_y(prompt), "{prompt}");
        }
    }

    #[test]
    fn a_gap_one_of_many_would_fill_is_refused() {
        for prompt in [
            "Le [...] est l'un des plus anciens canaux d'Europe encore en fonctionnement.",
            "[...] était l'une des villes les plus peuplées de France.",
            "Le [...] fait partie des monuments les plus visités de Paris.",
        ] {
            assert_eq!(
                judged(prompt, "canal du Midi", Kind::Place, None),
                Some(Rule::OneOfMany),
                "{prompt}"
            );
        }
        // The one it is one of may be asked.
        assert_eq!(
            judged(
                "Le canal du Midi est l'un des plus anciens canaux de [...].",
                "France",
                Kind::Place,
                None
            ),
            None
        );
    }

    #[test]
    fn a_cloze_never_shows_its_answer() {
        assert_eq!(
            judged(
                "Le club cycliste de Lyon organise une course entre [...] et Vienne.",
                "Lyon",
                Kind::Place,
                None
            ),
            Some(Rule::Fragment)
        );
        assert_eq!(
            judged(
                "Le 9 octobre, les [...] envisagent la création d'un comité.",
                "Soviétiques",
                Kind::Person,
                None
            ),
            Some(Rule::Fragment)
        );
    }

    #[test]
    fn the_document_s_town_fits_a_building_s_gap_but_not_a_birthplace_s() {
        assert_eq!(
            judged(
                "Le Deuxième Congrès des Soviets s'est ouvert dans la Salle de l'Assemblée à [...].",
                "Smolny",
                Kind::Place,
                Some("Petrograd")
            ),
            Some(Rule::NestedPlace)
        );
        assert_eq!(
            judged(
                "Pierre-Paul Riquet est né à [...] en 1609, fermier des gabelles de Languedoc.",
                "Béziers",
                Kind::Place,
                Some("Toulouse")
            ),
            None
        );
    }

    #[test]
    fn a_month_alone_is_no_answer() {
        assert_eq!(
            judged(
                "Après l'affrontement de [...], Chahoumian nomme M. Azizbekov commissaire pour la province de Bakou.",
                "mars",
                Kind::Date,
                None
            ),
            Some(Rule::RelativeTime)
        );
        assert_eq!(
            judged(
                "Le tournoi de rugby à XV ouvre les compétitions dès le mois de [...].",
                "mai",
                Kind::Date,
                None
            ),
            None
        );
    }

    #[test]
    fn a_point_of_the_compass_is_no_answer() {
        assert_eq!(
            judged(
                "Les troupes rouges rouvrent les communications par voie de terre avec le [...].",
                "Nord",
                Kind::Place,
                None
            ),
            Some(Rule::Fragment)
        );
    }

    #[test]
    fn a_gap_beside_a_dash_is_half_a_range() {
        assert!(half_of_a_range(
            "Le stade, construit en [...]-1928, accueille le tournoi."
        ));
        assert!(half_of_a_range(
            "Il régna de 1643 à 1715 puis de 1720–[...]."
        ));
        assert!(!half_of_a_range("Le stade est construit en [...] à Paris."));
    }

    #[test]
    fn a_cloze_is_a_whole_sentence() {
        let lexicon = Lexicon::get();
        assert!(is_whole_sentence(
            lexicon,
            "Le docteur [...], de Villé, nettoie les plaies à l'acide phénique."
        ));
        // No finite verb.
        assert!(!is_whole_sentence(
            lexicon,
            "Propos recueillis par Maurice Guillemot et publiés dans La Revue illustrée en [...]."
        ));
        // No finite verb: a list of people.
        assert!(!is_whole_sentence(
            lexicon,
            "Aux commandes, le pilote d'essai [...], accompagné du copilote Jacques Guignard."
        ));
        // A relative clause cut before its verb.
        assert!(!is_whole_sentence(
            lexicon,
            "L'édit de Fontainebleau, signé par Louis XIV le [...], révoque l'édit de Nantes par lequel Henri IV."
        ));
        assert!(is_whole_sentence(
            lexicon,
            "L'édit révoque l'édit de Nantes par lequel Henri IV accordait en [...] la liberté de culte."
        ));
        // « peuple » after « du » is the noun, not a form of « peupler ».
        assert!(!is_whole_sentence(
            lexicon,
            "Plusieurs commissaires du peuple, Rykov, Noguine, [...]."
        ));
        // Opens on its verb: the subject was in the sentence before.
        assert!(!is_whole_sentence(
            lexicon,
            "Conseille à la mère de l'enfant de le conduire à [...] auprès de Louis Pasteur."
        ));
        assert!(is_whole_sentence(
            lexicon,
            "Maria perd sa sœur Zofia, emportée par le typhus en [...]."
        ));
        // Its only verb in a relative clause, or only a subjunctive.
        assert!(!is_whole_sentence(
            lexicon,
            "L'ingénieur [...], à qui l'on devait déjà le pont de Normandie."
        ));
        assert!(is_whole_sentence(
            lexicon,
            "Le roi, qui venait d'avoir vingt et un ans, réunit en [...] une armée."
        ));
        assert!(!is_whole_sentence(
            lexicon,
            "François Ier se soit fait armer chevalier par [...]."
        ));
        assert!(is_whole_sentence(
            lexicon,
            "La structure qui porte le parement de verre est faite d'acier et pèse [...] tonnes."
        ));
        // A colon with no clause before it.
        assert!(!is_whole_sentence(
            lexicon,
            "Deux minutes après son décollage de Roissy : l'accident fait [...] morts."
        ));
        // A dash left open: the start of the list was cut off.
        assert!(!is_whole_sentence(
            lexicon,
            "Henri Cochet, Jean Borotra et Jacques Brugnon – remportent la Coupe Davis le [...]."
        ));
        assert!(is_whole_sentence(
            lexicon,
            "Les Mousquetaires – Cochet, Borotra et Brugnon – remportent la Coupe Davis en [...]."
        ));
    }
}
