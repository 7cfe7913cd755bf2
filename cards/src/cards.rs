//! Writing cards from facts: question/answer, cloze and multiple choice.
//!
//! The rules good card writers follow, as far as a program can: one fact a card, one
//! answer, and a prompt that can be answered without the document. So the sentence must be
//! whole and told in the third person; a cloze drops the remarks in brackets, a leading
//! link word and a leading `Le lendemain,` that would point outside the card; the answer
//! never shows in the prompt; and every prompt passes the rules of [`crate::context`]
//! (no pronoun, demonstrative or relative time pointing to another sentence, a subject,
//! enough words), which may name a pronoun's antecedent or drop the card.

use crate::context::{self, Rule, Surroundings, Verdict};
use crate::document::BlockKind;
use crate::facts::{Analysis, Fact, FactType, Kind};
use crate::typography::{fold, more_words_than};

/// How the card is shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum CardKind {
    /// A question and its answer.
    QuestionAnswer,
    /// A sentence with a gap written `[...]`.
    Cloze,
    /// A question with the answer among three distractors.
    MultipleChoice,
}

impl CardKind {
    /// A short lower-case name for listings and reports.
    pub fn name(self) -> &'static str {
        match self {
            CardKind::QuestionAnswer => "question",
            CardKind::Cloze => "cloze",
            CardKind::MultipleChoice => "choice",
        }
    }
}

/// The gap of a cloze card.
pub const GAP: &str = "[...]";

/// A card, with owned text, before it is encoded in the engine's format.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GeneratedCard {
    /// How it is shown.
    pub kind: CardKind,
    /// What kind of thing the answer is.
    pub answer_kind: Kind,
    /// What kind of fact it asks.
    pub fact_type: FactType,
    /// The question (ends with `?`) or the cloze sentence (with [`GAP`]).
    pub prompt: String,
    /// The answer; it occurs in `context`.
    pub answer: String,
    /// Three wrong answers of the same kind, or none.
    pub distractors: Vec<String>,
    /// The clean source sentence.
    pub context: String,
    /// Index of the document in the deck.
    pub document: u16,
    /// 1-based line of the sentence in the document.
    pub line: u32,
    /// Rank score: higher is better.
    pub score: i32,
    /// The situation line shown with the question when the card needs it to be understood
    /// without its document (its subject: « Marie Curie »); empty when it says enough.
    pub situation: String,
}

impl GeneratedCard {
    /// A quantity cloze of document 0, line 1, with nothing else set: what tests of a
    /// single check build.
    pub fn sample_cloze(prompt: &str, answer: &str, answer_kind: Kind) -> GeneratedCard {
        GeneratedCard {
            kind: CardKind::Cloze,
            answer_kind,
            fact_type: FactType::Quantity,
            prompt: prompt.to_string(),
            answer: answer.to_string(),
            distractors: Vec::new(),
            context: String::new(),
            document: 0,
            line: 1,
            score: 0,
            situation: String::new(),
        }
    }

    /// The content key the card's identity is hashed from: its kind of fact, answer and
    /// source sentence, so a reworded prompt keeps the learner's history.
    pub fn key(&self) -> String {
        // A range of days keeps its id whether or not its answer says « du » (it gained it
        // once, when the rebuilt generator wrote it in full).
        let answer = match self.answer_kind {
            Kind::Date => self.answer.strip_prefix("du ").unwrap_or(&self.answer),
            _ => &self.answer,
        };
        format!(
            "{}|{}|{}",
            self.fact_type.name(),
            fold(answer),
            fold(&self.context)
        )
    }

    /// Screen lines the front needs on the handheld (prompt, and choices if any).
    pub fn front_lines(&self) -> usize {
        let choices: usize = if self.kind == CardKind::MultipleChoice {
            self.distractors
                .iter()
                .map(|d| crate::screen::lines(d))
                .sum::<usize>()
                + crate::screen::lines(&self.answer)
        } else {
            0
        };
        crate::screen::lines(&self.prompt) + choices
    }

    /// Screen lines the whole card needs (front, then the answer).
    pub fn total_lines(&self) -> usize {
        self.front_lines() + crate::screen::lines(&self.answer)
    }
}

/// Where a sentence comes from, and what kind of block held it.
#[derive(Clone, Copy, Debug)]
pub struct Origin {
    /// Document index.
    pub document: u16,
    /// Source line of the sentence's start.
    pub line: u32,
    /// The block's kind.
    pub block: BlockKind,
}

/// First-person words: a memoir's `je` is nobody on a card.
const FIRST_PERSON: &[&str] = &[
    "je", "j'", "me", "m'", "moi", "mon", "ma", "mes", "nous", "nos", "notre", "tu", "te", "t'",
    "toi", "ton", "ta", "tes", "vous", "votre", "vos",
];

/// Whether `text` says « je », « nous », « vous » or their forms.
pub fn in_first_person(text: &str) -> bool {
    text.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '-'))
        .filter(|w| !w.is_empty())
        .any(|w| {
            let head = w.split_inclusive('\'').next().unwrap_or(w);
            FIRST_PERSON
                .iter()
                .any(|f| f.eq_ignore_ascii_case(w) || f.eq_ignore_ascii_case(head))
        })
}

/// The reason [`unusable`] gives a sentence that speaks in the first person: its roles
/// told of others may still be asked (see [`crate::generate`]).
pub const FIRST_PERSON_REASON: &str = "first person";

/// Leading adverbials that point to a time or place outside the sentence.
const RELATIVE_STARTS: &[&str] = &[
    "le lendemain",
    "la veille",
    "ce soir-là",
    "cette nuit-là",
    "ce jour-là",
    "ce matin-là",
    "cette nuit",
    "ce soir",
    "peu après",
    "peu avant",
    "le même jour",
    "le soir",
    "le matin",
    "ensuite",
    "alors",
    "puis",
    "aussitôt",
    "à ce moment-là",
    "en parallèle",
    "par la suite",
    "entre-temps",
    "dans la soirée",
    "en début d'après-midi",
    "cette nuit-là",
    "comme on le sait",
    "en effet",
    "d'ailleurs",
    "néanmoins",
    "cependant",
    "toutefois",
    "pourtant",
    "finalement",
    "enfin",
    "de plus",
    "en outre",
    "par ailleurs",
];

/// Why a sentence cannot give cards, or `None` when it can.
pub fn unusable(sentence: &str, block: BlockKind) -> Option<&'static str> {
    if matches!(
        block,
        BlockKind::Title | BlockKind::Heading | BlockKind::Metadata | BlockKind::Dialogue
    ) {
        return Some("not prose");
    }
    if block != BlockKind::ListItem && !crate::sentences::is_complete(sentence) {
        return Some("incomplete sentence");
    }
    // Cut off mid-sentence (`… Trotsky écrit qu'il estimait que Walden,`).
    if sentence.trim_end().ends_with([',', ';', ':']) {
        return Some("incomplete sentence");
    }
    let mut words = 0;
    let mut letter_words = 0;
    let mut commas = 0;
    let mut reference = false;
    for w in sentence.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '-')) {
        if w.is_empty() {
            continue;
        }
        words += 1;
        letter_words += usize::from(w.starts_with(crate::typography::is_letter));
        // First-person words are short and start with j, m, n, t or v.
        if w.len() > 6
            || !matches!(
                w.as_bytes()[0] | 0x20,
                b'j' | b'm' | b'n' | b't' | b'v' | b'p' | b'o' | b'c' | b'i'
            )
        {
            continue;
        }
        let head = w.split_inclusive('\'').next().unwrap_or(w);
        if FIRST_PERSON
            .iter()
            .any(|f| f.eq_ignore_ascii_case(w) || f.eq_ignore_ascii_case(head))
        {
            return Some(FIRST_PERSON_REASON);
        }
        reference |= matches!(w, "p" | "pp" | "op" | "cit" | "ibid");
    }
    commas += sentence.matches(',').count();
    if sentence.contains('?') {
        return Some("a question");
    }
    if sentence.starts_with('(') || reference && sentence.contains(". ") && commas >= 3 {
        return Some("a reference");
    }
    if words < 6 || letter_words < 5 {
        return Some("too short");
    }
    if sentence.len() > 400 && sentence.chars().count() > 400 {
        return Some("too long");
    }
    None
}

/// The cards of one sentence: those kept (with the rules that rewrote their prompt) and
/// those a rule of [`crate::context`] dropped.
#[derive(Clone, Debug, Default)]
pub struct Written {
    /// Cards kept, each with the rules that rewrote its prompt (empty when unchanged).
    pub cards: Vec<(GeneratedCard, Vec<Rule>)>,
    /// Cards dropped, each with the rule that dropped it.
    pub dropped: Vec<(GeneratedCard, Rule)>,
}

/// Cards from one sentence, before ranking, de-duplication and distractors.
/// The sentence must have passed [`unusable`]; `around` is what its pronouns may lean on.
pub fn write(
    sentence: &str,
    analysis: &Analysis,
    origin: Origin,
    around: &Surroundings<'_>,
) -> Written {
    let mut out = Written::default();
    let card = |kind, fact: &Fact, prompt: String| GeneratedCard {
        kind,
        answer_kind: fact.kind,
        fact_type: fact.fact_type,
        prompt,
        answer: sentence[fact.answer.0..fact.answer.1].to_string(),
        distractors: Vec::new(),
        context: sentence.to_string(),
        document: origin.document,
        line: origin.line,
        score: 0,
        situation: String::new(),
    };
    // Screens a card: keeps it (perhaps reworded) or records why it was dropped.
    let keep = |out: &mut Written, mut c: GeneratedCard| -> bool {
        match context::screen(&c.prompt, c.kind, c.answer_kind, around) {
            Verdict::Keep { prompt, rewritten } => {
                if !rewritten.is_empty() && contains_answer(&prompt.replace(GAP, ""), &c.answer) {
                    out.dropped.push((c, Rule::Pronoun));
                    return false;
                }
                c.prompt = prompt;
                out.cards.push((c, rewritten));
                true
            }
            Verdict::Drop(rule) => {
                // (words of another fact may be what points outside the card: « Après la
                // mort de Pierre Curie, renversé … le [...], elle … de cette université »
                // is screened again as its one fact, « Pierre Curie a été renversé … »)
                let cut = (c.kind == CardKind::Cloze
                    && matches!(rule, Rule::Demonstrative | Rule::Pronoun))
                .then(|| crate::verdicts::one_fact(&c.prompt))
                .filter(|cut| *cut != c.prompt);
                if let Some(cut) = cut {
                    if let Verdict::Keep { prompt, rewritten } =
                        context::screen(&cut, c.kind, c.answer_kind, around)
                    {
                        if !contains_answer(&prompt.replace(GAP, ""), &c.answer) {
                            c.prompt = prompt;
                            out.cards.push((c, rewritten));
                            return true;
                        }
                    }
                }
                out.dropped.push((c, rule));
                false
            }
        }
    };
    let mut asked: Vec<(usize, usize)> = Vec::new();
    for fact in analysis.facts.iter().filter(|f| f.question.is_some()) {
        let Some(q) = &fact.question else { continue };
        let prompt = crate::typography::capitalise(&tidy_question(q));
        if prompt.chars().count() < 12
            || contains_answer(&prompt, &sentence[fact.answer.0..fact.answer.1])
        {
            continue;
        }
        if keep(&mut out, card(CardKind::QuestionAnswer, fact, prompt)) {
            asked.push(fact.answer);
        }
    }
    let mut clozes = 0;
    let mut name_clozes = 0;
    let mut order: Vec<&Fact> = analysis
        .facts
        .iter()
        .filter(|f| f.question.is_none())
        .collect();
    order.sort_by_key(|f| cloze_priority(f.fact_type));
    for fact in order {
        if clozes >= 2
            || asked
                .iter()
                .any(|&(a, b)| a < fact.answer.1 && fact.answer.0 < b)
        {
            continue;
        }
        let name_fact = matches!(fact.fact_type, FactType::Person | FactType::Place);
        if name_fact && (name_clozes >= 1 || !out.cards.is_empty()) {
            continue;
        }
        let Some(prompt) = cloze(sentence, fact.answer) else {
            continue;
        };
        let answer = &sentence[fact.answer.0..fact.answer.1];
        if contains_answer(&prompt.replace(GAP, ""), answer) {
            continue;
        }
        if keep(&mut out, card(CardKind::Cloze, fact, prompt)) {
            // The sentence told a relative time, the cloze does not: its opening went.
            if around.may_be_relative() {
                if let Some((_, rules)) = out.cards.last_mut() {
                    rules.insert(0, Rule::RelativeTime);
                }
            }
            clozes += 1;
            name_clozes += usize::from(name_fact);
            asked.push(fact.answer);
        } else if out.dropped.last().is_some_and(|(_, rule)| {
            matches!(rule, Rule::Pronoun | Rule::Demonstrative | Rule::CutQuote)
        }) {
            // The sentence itself points outside: its other clozes would too.
            break;
        }
    }
    out
}

fn cloze_priority(t: FactType) -> u8 {
    match t {
        FactType::Date => 0,
        FactType::Quantity | FactType::Epithet => 1,
        FactType::Place => 2,
        FactType::Person => 3,
        _ => 4,
    }
}

/// The answer shows in the prompt (accents, case and hyphens aside: « le massif du
/// Mont-Blanc » shows « mont Blanc »), which gives it away.
pub(crate) fn contains_answer(prompt: &str, answer: &str) -> bool {
    let a = fold(answer).replace('-', " ");
    let p = fold(prompt).replace('-', " ");
    if a.chars().count() < 3 {
        return p.split(|c: char| !c.is_alphanumeric()).any(|w| w == a);
    }
    p.contains(&a)
}

/// One space, French spacing before `?`, no space before `,`.
fn tidy_question(q: &str) -> String {
    let mut t = crate::typography::normalize(q);
    while t.contains(" ,") {
        t = t.replace(" ,", ",");
    }
    let t = t.trim_end_matches([' ', '?']).to_string();
    format!("{t} ?")
}

/// The most words a cloze may keep: the rubric's « about 20 words », with room for a
/// name or a date that every word of is needed.
pub const MAX_CLOZE_WORDS: usize = 25;

/// The cloze prompt: the sentence with the answer replaced by the gap, remarks in brackets
/// and a leading relative time dropped; `None` when it stays longer than
/// [`MAX_CLOZE_WORDS`] once cut to the clause of its gap.
pub fn cloze(sentence: &str, answer: (usize, usize)) -> Option<String> {
    let mut text = String::with_capacity(sentence.len());
    text.push_str(&sentence[..answer.0]);
    text.push_str(GAP);
    text.push_str(&sentence[answer.1..]);
    // Remarks in brackets that do not hold the gap.
    let mut out = String::with_capacity(text.len());
    let mut depth = 0;
    let mut paren_start = 0;
    for c in text.chars() {
        match c {
            '(' => {
                if depth == 0 {
                    paren_start = out.len();
                }
                depth += 1;
                out.push(c);
            }
            ')' if depth > 0 => {
                depth -= 1;
                out.push(c);
                if depth == 0 {
                    let inner = &out[paren_start..];
                    // A gap is never inside brackets (`([...] ; première femme …)`).
                    if inner.contains(GAP) {
                        return None;
                    }
                    out.truncate(paren_start);
                    while out.ends_with(' ') {
                        out.pop();
                    }
                }
            }
            _ => out.push(c),
        }
    }
    let mut text = semicolon_clause(&crate::typography::normalize_owned(out));
    // `Le lendemain matin à 10 heures, le Milrevcom publia …` → `Le Milrevcom publia …`
    // The relative starts are short: only the beginning is lowered.
    let mut head = text.len().min(48);
    while !text.is_char_boundary(head) {
        head -= 1;
    }
    let lower = text[..head].to_lowercase();
    if let Some(start) = RELATIVE_STARTS.iter().find(|s| lower.starts_with(*s)) {
        if let Some(comma) = text.find(", ") {
            if comma < start.len() + 30 && !text[..comma].contains(GAP) {
                text = crate::typography::capitalise(&text[comma + 2..]);
            }
        }
    }
    // `Mais dans la soirée, le Congrès …` → `Le Congrès …`; `Au comité suivant, le [...], …`
    // → `Le [...], …`.
    for _ in 0..3 {
        match context::strip_connector(&text).or_else(|| context::strip_relative_start(&text)) {
            Some(rest) => text = rest,
            None => break,
        }
    }
    if (text.len() > 160 && text.chars().count() > 160) || more_words_than(&text, 20) {
        text = shorten_after_gap(&text);
    }
    if more_words_than(&text, 20) {
        text = shorten_before_gap(&text);
    }
    // Never a gap inside a name: `[...] XIV`, `[...] Ier`.
    let after_gap = text
        .split_once(GAP)
        .map(|(_, rest)| rest.split_whitespace().next().unwrap_or(""))
        .unwrap_or("")
        .trim_end_matches([',', '.', ';', ':']);
    if crate::facts::names::is_regnal(after_gap) {
        return None;
    }
    if !text.contains(GAP)
        || (text.len() > 260 && text.chars().count() > 260)
        || more_words_than(&text, 40)
    {
        return None;
    }
    Some(text)
}

/// Clauses joined by ` ; ` tell a fact each: a cloze keeps the one that holds the gap, when
/// it has six words at least (`Une commission vérifie le terrain en 1664 ; en [...], Riquet
/// fait creuser …` → `En [...], Riquet fait creuser …`).
fn semicolon_clause(text: &str) -> String {
    // Only the semicolons outside brackets and quotes join clauses.
    let mut parts: Vec<&str> = Vec::new();
    let (mut depth, mut from) = (0i32, 0);
    for (i, c) in text.char_indices() {
        match c {
            '(' | '«' | '[' => depth += 1,
            ')' | '»' | ']' => depth -= 1,
            ';' if depth == 0 && text[..i].ends_with(' ') && text[i + 1..].starts_with(' ') => {
                parts.push(&text[from..i - 1]);
                from = i + 2;
            }
            _ => {}
        }
    }
    parts.push(&text[from..]);
    if parts.len() < 2 {
        return text.to_string();
    }
    let Some(last) = parts.len().checked_sub(1) else {
        return text.to_string();
    };
    let Some(at) = parts.iter().position(|p| p.contains(GAP)) else {
        return text.to_string();
    };
    let part = parts[at].trim();
    if !more_words_than(part, 5) {
        return text.to_string();
    }
    let mut out = crate::typography::capitalise(part);
    if at != last {
        out.push('.');
    }
    out
}

/// Cuts a long cloze before the clause that holds the gap: after the last coordinator
/// before it (`…, et la première d'Hernani, le [...], déclenche …` → `La première
/// d'Hernani, le [...], déclenche …`), or, while it stays above [`MAX_CLOZE_WORDS`], the
/// opening phrase before a named subject (`Pour ses adieux aux Jeux, le baron Pierre de
/// Coubertin milita …` → `Le baron Pierre de Coubertin milita …`). What is kept has eight
/// words at least.
fn shorten_before_gap(text: &str) -> String {
    let Some(gap) = text.find(GAP) else {
        return text.to_string();
    };
    let enough = |rest: &str| more_words_than(rest, 7);
    let lexicon = crate::lexicon::Lexicon::get();
    // A clause has a verb of its own: before its first relative pronoun, for the part kept.
    let has_verb = |part: &str, main_only: bool| {
        part.split_whitespace()
            .take_while(|w| !main_only || !matches!(*w, "où" | "qui" | "que" | "qu'" | "dont"))
            .any(|w| crate::clauses::is_verb_form(lexicon, w))
    };
    let cut = [
        ", et ",
        ", mais ",
        ", puis ",
        ", tandis que ",
        ", alors que ",
    ]
    .iter()
    .filter_map(|m| text[..gap].rfind(m).map(|i| (i, i + m.len())))
    .filter(|&(at, i)| {
        enough(&text[i..]) && has_verb(&text[..at], false) && has_verb(&text[i..], true)
    })
    .map(|(_, i)| i)
    .max();
    if let Some(i) = cut {
        return crate::typography::capitalise(&text[i..]);
    }
    if !more_words_than(text, MAX_CLOZE_WORDS) {
        return text.to_string();
    }
    // The opening phrase, up to its comma, before a subject that names someone or
    // something (a determiner and a capital, or a capital).
    let Some(comma) = text[..gap].find(", ") else {
        return text.to_string();
    };
    let rest = &text[comma + 2..];
    let mut words = rest.split_whitespace();
    let first = words.next().unwrap_or("");
    let named = first.starts_with(char::is_uppercase)
        || matches!(first, "le" | "la" | "les" | "l'")
            && words
                .take(3)
                .any(|w| w.starts_with(char::is_uppercase) && w != GAP);
    if named && enough(rest) && !more_words_than(&text[..comma], 10) {
        crate::typography::capitalise(rest)
    } else {
        text.to_string()
    }
}

/// Cuts a long cloze after the clause that holds the gap (`, mais …`, ` ; …`, ` : …`,
/// `, lorsque …`), keeping six words at least.
fn shorten_after_gap(text: &str) -> String {
    let Some(gap) = text.find(GAP) else {
        return text.to_string();
    };
    let after = gap + GAP.len();
    match first_cut_after(text, after) {
        Some(i) => format!("{}.", text[..i].trim_end_matches([',', ' '])),
        None => text.to_string(),
    }
}

/// Where [`shorten_after_gap`] cuts: the first occurrence after `after` of a clause break
/// (each break's first occurrence only) with six words at least before it. One scan of the
/// text: every break starts with a space or a comma.
fn first_cut_after(text: &str, after: usize) -> Option<usize> {
    const BREAKS: [&str; 26] = [
        " ; ",
        ", mais ",
        ", car ",
        " : ",
        ", puis ",
        ", tandis que ",
        ", alors que ",
        ", lorsque ",
        ", lorsqu'",
        ", quand ",
        ", pendant que ",
        ", après que ",
        ", avant que ",
        ", ce qui ",
        // A trailing adjunct: where, how, with whom the fact took place.
        ", dans ",
        ", lors ",
        ", au ",
        ", à ",
        ", avec ",
        ", sur ",
        ", selon ",
        ", près ",
        ", sous ",
        ", pour ",
        ", via ",
        ", entre ",
    ];
    let mut seen = 0u32;
    for (i, _) in text[after..].match_indices([' ', ',']) {
        let at = after + i;
        let rest = &text[at..];
        for (k, b) in BREAKS.iter().enumerate() {
            if seen & (1 << k) != 0 || !rest.starts_with(b) {
                continue;
            }
            seen |= 1 << k;
            // The clause kept says enough: six words at least.
            if more_words_than(&text[..at], 5) {
                return Some(at);
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_answer_shown_in_the_prompt_gives_it_away_hyphens_aside() {
        assert!(contains_answer(
            "Le [...], dans le massif du Mont-Blanc, culmine.",
            "mont Blanc"
        ));
        assert!(!contains_answer(
            "Le [...] culmine dans les Alpes.",
            "mont Blanc"
        ));
    }

    #[test]
    fn a_long_cloze_loses_the_clauses_before_its_gap() {
        let s = "La préface de son drame Cromwell devient le manifeste du romantisme, et la première d'Hernani, le 25 février 1830 à la Comédie-Française, déclenche la bataille d'Hernani.";
        let a = s.find("25 février 1830").unwrap();
        assert_eq!(
            cloze(s, (a, a + "25 février 1830".len())).unwrap(),
            "La première d'Hernani, le [...] à la Comédie-Française, déclenche la bataille d'Hernani."
        );
        let s = "Pour ses adieux aux Jeux, le baron Pierre de Coubertin milita longtemps en faveur de la capitale française, qui organisa ainsi ses deuxièmes Jeux après ceux de 1900.";
        let a = s.find("1900").unwrap();
        assert_eq!(
            cloze(s, (a, a + 4)).unwrap(),
            "Le baron Pierre de Coubertin milita longtemps en faveur de la capitale française, qui organisa ainsi ses deuxièmes Jeux après ceux de [...]."
        );
        // Not when what is before is no clause, nor when what is kept has no verb.
        let s = "Inaugurée une première fois par François Mitterrand le 4 mars 1988, puis une seconde fois le 29 mars 1989, la pyramide du Louvre a ouvert au public le 30 mars 1989.";
        let a = s.rfind("30 mars 1989").unwrap();
        assert!(!cloze(s, (a, a + 12)).is_some_and(|c| c.starts_with("Une seconde fois")));
        let s = "Contraint à l'exil, il gagne Bruxelles, puis l'île de Jersey en 1852, et enfin Guernesey en 1855, où il achète l'année suivante Hauteville House.";
        let a = s.find("1855").unwrap();
        assert!(!cloze(s, (a, a + 4)).is_some_and(|c| c.starts_with("Enfin")));
    }

    #[test]
    fn a_cloze_keeps_the_clause_of_its_gap() {
        let s = "Une commission vérifie le terrain en 1664 ; en 1665, Riquet fait creuser une rigole d'essai.";
        let a = s.find("1665").unwrap();
        assert_eq!(
            cloze(s, (a, a + 4)).unwrap(),
            "En [...], Riquet fait creuser une rigole d'essai."
        );
        let a = s.find("1664").unwrap();
        assert_eq!(
            cloze(s, (a, a + 4)).unwrap(),
            "Une commission vérifie le terrain en [...]."
        );
        // A semicolon inside brackets joins no clauses; a gap inside brackets is refused.
        let s = "Alexandra Kollontaï est commissaire (1917 ; la première femme) à l'Assistance publique de 1917 à 1918.";
        let a = s.find("1917").unwrap();
        assert_eq!(cloze(s, (a, a + 4)), None);
        let a = s.rfind("1918").unwrap();
        assert_eq!(
            cloze(s, (a, a + 4)).unwrap(),
            "Alexandra Kollontaï est commissaire à l'Assistance publique de 1917 à [...]."
        );
        let s = "Le canal est long de 240 kilomètres ; il a 63 écluses.";
        let a = s.find("240").unwrap();
        assert_eq!(
            cloze(s, (a, a + 3)).unwrap(),
            "Le canal est long de [...] kilomètres."
        );
    }

    #[test]
    fn cloze_drops_remarks_and_relative_time() {
        let s = "Le lendemain matin à 10 heures, le Milrevcom publia une annonce écrite par Lénine (selon Reed).";
        let a = s.find("Lénine").unwrap();
        assert_eq!(
            cloze(s, (a, a + "Lénine".len())).unwrap(),
            "Le Milrevcom publia une annonce écrite par [...]."
        );
        let s = "Le congrès a lieu le 25 octobre (7 novembre) 1917 à Petrograd.";
        let a = s.find("25").unwrap();
        let b = s.find(" à Petrograd").unwrap();
        assert_eq!(
            cloze(s, (a, b)).unwrap(),
            "Le congrès a lieu le [...] à Petrograd."
        );
    }

    #[test]
    fn sentences_that_cannot_be_cards() {
        assert_eq!(
            unusable("Je me dirigeai vers la gare.", BlockKind::Paragraph),
            Some("first person")
        );
        assert_eq!(
            unusable("— Oui, dit-il.", BlockKind::Dialogue),
            Some("not prose")
        );
        assert_eq!(
            unusable("plans militaires vers Moscou.", BlockKind::Paragraph),
            Some("incomplete sentence")
        );
        assert_eq!(
            unusable(
                "Le Soviet de Lyon vota la loi le 3 mai.",
                BlockKind::Paragraph
            ),
            None
        );
        let s = "Mais en 1905, le club de Lyon compte 45 membres (selon Duval).";
        let a = s.find("45").unwrap();
        assert_eq!(
            cloze(s, (a, a + 2)).unwrap(),
            "En 1905, le club de Lyon compte [...] membres."
        );
    }
}
