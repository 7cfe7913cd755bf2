//! The pipeline: documents → clean blocks → sentences → facts → cards → ranked, unique
//! cards with distractors.

use crate::cards::{self, CardKind, GeneratedCard, Origin};
use crate::context::{self, Rule, Surroundings};
use crate::distractors::Pools;
use crate::document::{CleanDocument, Format};
use crate::error::Error;
use crate::facts::{self, Kind, Lexicon};
use crate::input::SourceText;
use std::path::{Path, PathBuf};

/// What the pipeline is doing, for a progress display.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Progress<'a> {
    /// Document `index` of `total` was read and checked.
    Read {
        /// 0-based index.
        index: usize,
        /// How many documents.
        total: usize,
        /// Its path.
        path: &'a Path,
    },
    /// Document `index` was cleaned as `format`.
    Cleaned {
        /// 0-based index.
        index: usize,
        /// The format recognised.
        format: Format,
    },
    /// Cards are being written from `sentences` sentences.
    Writing {
        /// Sentences in the corpus.
        sentences: usize,
    },
    /// Done: the deck holds `cards` cards.
    Done {
        /// Cards kept.
        cards: usize,
    },
}

/// One document of the deck, as the report describes it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DocumentSummary {
    /// The name stored in the deck (the file name).
    pub name: String,
    /// The title found in the document, if any.
    pub title: Option<String>,
    /// The format recognised.
    pub format: Format,
    /// Sentences found.
    pub sentences: usize,
    /// Sentences that could give cards.
    pub usable_sentences: usize,
}

/// The result: the documents and the cards, best first.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GeneratedDeck {
    /// The documents, in the order given; cards refer to them by index.
    pub documents: Vec<DocumentSummary>,
    /// The cards, best first, unique.
    pub cards: Vec<GeneratedCard>,
    /// How many cards each rule of [`crate::context`] removed or rewrote.
    pub context: context::Stats,
}

/// Reads, checks and turns the documents at `paths` into a deck. Nothing is written: an
/// error in any document stops everything and names the file.
pub fn generate(
    paths: &[PathBuf],
    progress: &mut dyn FnMut(Progress<'_>),
) -> Result<GeneratedDeck, Error> {
    check_count(paths.len())?;
    let mut sources = Vec::with_capacity(paths.len());
    for (index, path) in paths.iter().enumerate() {
        sources.push(crate::input::read(path)?);
        progress(Progress::Read {
            index,
            total: paths.len(),
            path,
        });
    }
    generate_from_sources(&sources, progress)
}

/// The same from texts already in memory: `(name, text)` pairs. The texts are checked like
/// files (empty, binary, absurd lines).
pub fn generate_from_texts(documents: &[(String, String)]) -> Result<GeneratedDeck, Error> {
    check_count(documents.len())?;
    let sources = documents
        .iter()
        .map(|(name, text)| crate::input::check(Path::new(name), text.as_bytes().to_vec()))
        .collect::<Result<Vec<_>, _>>()?;
    generate_from_sources(&sources, &mut |_| {})
}

fn check_count(n: usize) -> Result<(), Error> {
    if n == 0 {
        return Err(Error::NoDocuments);
    }
    if n > u16::MAX as usize {
        return Err(Error::TooManyDocuments { count: n });
    }
    Ok(())
}

/// A sentence of the corpus: where it is, and its text's range in its block.
struct SentenceRef {
    document: u16,
    block: usize,
    start: usize,
    end: usize,
}

/// Runs the pipeline on checked sources.
pub fn generate_from_sources(
    sources: &[SourceText],
    progress: &mut dyn FnMut(Progress<'_>),
) -> Result<GeneratedDeck, Error> {
    check_count(sources.len())?;
    let mut cleaned: Vec<CleanDocument> = Vec::with_capacity(sources.len());
    for (index, source) in sources.iter().enumerate() {
        let doc = crate::clean::clean(&source.text);
        progress(Progress::Cleaned {
            index,
            format: doc.format,
        });
        cleaned.push(doc);
    }
    let mut refs: Vec<SentenceRef> = Vec::new();
    for (d, doc) in cleaned.iter().enumerate() {
        for (b, block) in doc.blocks.iter().enumerate() {
            for s in crate::sentences::split(&block.text) {
                refs.push(SentenceRef {
                    document: d as u16,
                    block: b,
                    start: s.start,
                    end: s.end,
                });
            }
        }
    }
    let text_of =
        |r: &SentenceRef| &cleaned[r.document as usize].blocks[r.block].text[r.start..r.end];
    progress(Progress::Writing {
        sentences: refs.len(),
    });
    let lexicon = Lexicon::build(refs.iter().map(text_of));

    let mut pools = Pools::default();
    let mut settings = Settings::default();
    let mut candidates: Vec<GeneratedCard> = Vec::new();
    // Cards a context rule dropped (each text once: the same sentence in two documents
    // gives the same card), and the rules that reworded kept ones (by card key).
    let mut rejected: std::collections::HashMap<u64, (GeneratedCard, Rule)> =
        std::collections::HashMap::new();
    let mut rewrites: std::collections::HashMap<String, Vec<Rule>> =
        std::collections::HashMap::new();
    // The people each document names, to call them as the document usually does.
    let mut people: std::collections::BTreeSet<(u16, String)> = Default::default();
    // The organisations the corpus names, for the abbreviations it spells out.
    let mut organisations: std::collections::BTreeSet<(u16, String)> = Default::default();
    let mut usable = vec![0usize; cleaned.len()];
    let mut total = vec![0usize; cleaned.len()];
    // Descriptions the document named in full so far (`le musée Guimet`).
    let mut described = context::Descriptions::default();
    // Each document's topic, from its first prose sentences (see `clauses`).
    let topics: Vec<crate::clauses::DocumentTopic> = (0..cleaned.len())
        .map(|d| {
            crate::clauses::DocumentTopic::from_first_sentences_of(
                refs.iter()
                    .filter(|r| {
                        r.document as usize == d
                            && cleaned[d].blocks[r.block].kind
                                == crate::document::BlockKind::Paragraph
                    })
                    .map(text_of),
                Some(&cleaned[d].to_text()),
            )
        })
        .collect();
    // The year in force in each paragraph: the last one its sentences named so far (a
    // reader takes « le 9 octobre » in the year the paragraph is in).
    let mut block_year: Option<u32> = None;
    // Whether the sentence just read has the document's topic as subject.
    let mut about_topic = false;
    for (i, r) in refs.iter().enumerate() {
        if i > 0 && refs[i - 1].document != r.document {
            described.clear();
        }
        if i == 0 || refs[i - 1].document != r.document || refs[i - 1].block != r.block {
            block_year = None;
        }
        let text = text_of(r);
        // The sentence before, in the same paragraph: a pronoun's antecedent may be there.
        let previous = i
            .checked_sub(1)
            .map(|p| &refs[p])
            .filter(|p| p.document == r.document && p.block == r.block)
            .map(text_of);
        let block = &cleaned[r.document as usize].blocks[r.block];
        total[r.document as usize] += 1;
        let can_give_cards = cards::unusable(text, block.kind).is_none();
        if can_give_cards {
            usable[r.document as usize] += 1;
        }
        let tokens = facts::tokens::tokenize(text);
        // Whether the sentence before spoke of the topic, and whether this one does.
        let previous_about_topic = previous.is_some() && about_topic;
        about_topic = context::speaks_of_topic(
            text,
            &lexicon,
            &topics[r.document as usize],
            previous.is_none() || previous_about_topic,
        );
        let analysis = facts::analyse_tokens(text, &tokens, &lexicon, can_give_cards);
        for m in &analysis.mentions {
            let mention = &text[m.span.0..m.span.1];
            if m.kind == Kind::Quantity {
                let (number, unit) = mention.rsplit_once(' ').unwrap_or((mention, ""));
                pools.add(m.kind, number, unit, r.document);
            } else if m.kind == Kind::Date || (can_give_cards && !lexicon.is_generic(mention)) {
                // Names for wrong answers come from prose, not from footnotes and
                // references (« BakinskiRabotchii, du 1er mai 1918 »).
                pools.add(m.kind, mention, "", r.document);
            }
            if m.kind == Kind::Place {
                let first = tokens.partition_point(|t| t.start < m.span.0);
                if let Some((kind, weight)) = facts::places::PlaceKind::before(&tokens, first) {
                    pools.vote_place(mention, kind, weight);
                }
            }
            settings.count(m.kind, mention, r.document);
            if m.kind == Kind::Person {
                people.insert((r.document, mention.to_string()));
            }
            if m.kind == Kind::Organisation {
                organisations.insert((r.document, mention.to_string()));
            }
        }
        let origin = Origin {
            document: r.document,
            line: block.line_at(r.start),
            block: block.kind,
        };
        if let Some(year) = block_year {
            settings.in_force.insert((r.document, origin.line), year);
        }
        if let Some(year) = analysis
            .mentions
            .iter()
            .filter(|m| m.kind == Kind::Date)
            .filter_map(|m| last_year(&text[m.span.0..m.span.1]))
            .next_back()
        {
            block_year = Some(year);
        }
        if !can_give_cards {
            described.read(text, &tokens);
            continue;
        }
        let around = Surroundings::new(&lexicon, previous)
            .with_descriptions(&described)
            .with_topic(&topics[r.document as usize], previous_about_topic)
            .with_sentence(text, &tokens);
        let written = cards::write(text, &analysis, origin, &around);
        drop(around);
        described.read(text, &tokens);
        let taken: Vec<String> = written
            .cards
            .iter()
            .map(|(c, _)| c.answer.clone())
            .collect();
        for mut card in crate::clauses::clozes(
            text,
            &analysis.mentions,
            origin,
            &topics[r.document as usize],
            &taken,
        ) {
            card.score = crate::rank::score(&card, block.kind);
            if card.score >= crate::rank::MIN_SCORE {
                candidates.push(card);
            }
        }
        for (mut card, rules) in written.cards {
            card.score = crate::rank::score(&card, block.kind);
            if card.score >= crate::rank::MIN_SCORE {
                if !rules.is_empty() {
                    rewrites.insert(card.key(), rules);
                }
                candidates.push(card);
            }
        }
        for (mut card, rule) in written.dropped {
            let text = {
                use std::hash::{Hash, Hasher};
                let mut h = std::collections::hash_map::DefaultHasher::new();
                (&card.prompt, &card.answer, &card.context).hash(&mut h);
                h.finish()
            };
            if rejected.contains_key(&text) {
                continue;
            }
            card.score = crate::rank::score(&card, block.kind);
            if card.score >= crate::rank::MIN_SCORE {
                rejected.insert(text, (card, rule));
            }
        }
    }
    rename_people(&mut candidates, &people, &cleaned);
    for card in &mut candidates {
        settings.qualify(card);
    }
    for card in &mut candidates {
        settings.situate(card);
    }
    // « Qui était X ? » has as many answers as X had roles: never asked open.
    candidates.retain(|c| {
        !(c.kind != CardKind::Cloze
            && c.fact_type == crate::facts::FactType::Apposition
            && (c.prompt.starts_with("Qui était ") || c.prompt.starts_with("Qui fut ")))
    });

    let mut stats = context::Stats::default();
    crate::rank::sort(&mut candidates);
    let (mut kept, given_away) = context::drop_give_aways(crate::dedup::dedup(candidates));
    if !rejected.is_empty() {
        // What the deck would hold without the rules: the removed cards that the deck's
        // cards would not have pushed out as duplicates (each key once).
        let mut rejected: Vec<(GeneratedCard, Rule)> = rejected.into_values().collect();
        // The map's order is arbitrary: the answer settles ties.
        rejected.sort_by(|(a, _), (b, _)| a.answer.cmp(&b.answer));
        crate::rank::sort_by(&mut rejected, |(c, _)| c);
        let mut rule_of: std::collections::HashMap<String, Rule> = std::collections::HashMap::new();
        let mut shadow = kept.clone();
        for (card, rule) in rejected {
            if let std::collections::hash_map::Entry::Vacant(e) = rule_of.entry(card.key()) {
                e.insert(rule);
                shadow.push(card);
            }
        }
        crate::rank::sort(&mut shadow);
        for card in crate::dedup::dedup(shadow) {
            if let Some(rule) = rule_of.get(&card.key()) {
                *stats.removed.entry(*rule).or_default() += 1;
            }
        }
    }
    if given_away > 0 {
        stats.removed.insert(Rule::GivesAway, given_away);
    }
    for card in &kept {
        for rule in rewrites.get(&card.key()).into_iter().flatten() {
            *stats.rewritten.entry(*rule).or_default() += 1;
        }
    }
    for card in &kept {
        if card.fact_type == crate::facts::FactType::Alias && card.answer_kind == Kind::Organisation
        {
            pools.add_alias(&card.answer);
        }
    }
    // An abbreviation is spelled out where the corpus tells what it stands for.
    let mut abbreviations = crate::abbreviations::Abbreviations::default();
    organisations.extend(abbreviations.add_alias_cards(&kept));
    for d in 0..cleaned.len() as u16 {
        abbreviations.add_initialisms(d, names_of(&organisations, d));
    }
    for card in &mut kept {
        if let Some(prompt) = abbreviations.spell_out(card) {
            card.prompt = prompt;
        }
    }
    for card in &mut kept {
        if let Some(other) = pools.other_acronym(card) {
            card.prompt = card.prompt.replacen(
                "Quel sigle désigne",
                &format!("Quel sigle, autre que {other}, désigne"),
                1,
            );
        }
        card.distractors = pools.choose(card);
        let choice_kind = !matches!(card.answer_kind, Kind::Other);
        if card.kind == CardKind::QuestionAnswer
            && choice_kind
            && card.distractors.len() == 3
            && carnet_engine::CardId::from_key(&card.key())
                .0
                .is_multiple_of(2)
        {
            card.kind = CardKind::MultipleChoice;
        }
    }
    if kept.is_empty() {
        return Err(Error::NoCards);
    }
    progress(Progress::Done { cards: kept.len() });
    let documents = sources
        .iter()
        .zip(&cleaned)
        .enumerate()
        .map(|(i, (s, doc))| DocumentSummary {
            name: s.path.file_name().map_or_else(
                || s.path.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            ),
            title: doc.title().map(str::to_string),
            format: doc.format,
            sentences: total[i],
            usable_sentences: usable[i],
        })
        .collect();
    Ok(GeneratedDeck {
        documents,
        cards: kept,
        context: stats,
    })
}

/// The names a set of `(document, name)` holds for `document`, in order.
fn names_of(
    set: &std::collections::BTreeSet<(u16, String)>,
    document: u16,
) -> impl Iterator<Item = &str> + Clone {
    set.range((document, String::new())..)
        .take_while(move |(d, _)| *d == document)
        .map(|(_, name)| name.as_str())
}

/// Calls each person in the cards of a document by the form of their name the document uses
/// most (see [`crate::naming`]).
fn rename_people(
    cards: &mut [GeneratedCard],
    people: &std::collections::BTreeSet<(u16, String)>,
    documents: &[CleanDocument],
) {
    for (d, doc) in documents.iter().enumerate() {
        let renames = crate::naming::usual_names(&doc.to_text(), names_of(people, d as u16));
        if renames.is_empty() {
            continue;
        }
        for card in cards.iter_mut().filter(|c| c.document as usize == d) {
            for (from, to) in &renames {
                if card.prompt.contains(from.as_str()) {
                    card.prompt = crate::naming::rename(&card.prompt, from, to);
                }
            }
        }
    }
}

/// Where each document happens, to tell apart two bodies of the same name in two documents
/// (the Sovnarkom of Petrograd and the Sovnarkom of Baku).
#[derive(Default)]
struct Settings {
    /// Mentions of each place, per document.
    places: std::collections::BTreeMap<(u16, String), usize>,
    /// Documents naming each single-word organisation or name.
    names: std::collections::BTreeMap<String, std::collections::BTreeSet<u16>>,
    /// The years of each document's dates, one entry a mention.
    years: std::collections::BTreeMap<u16, Vec<u32>>,
    /// The year in force at a sentence (by document and line): the last one named before
    /// it in its paragraph.
    in_force: std::collections::HashMap<(u16, u32), u32>,
}

/// The last year (four digits, 1000–2100) a date mention names.
fn last_year(mention: &str) -> Option<u32> {
    mention
        .split(|c: char| !c.is_ascii_digit())
        .filter(|d| d.len() == 4)
        .filter_map(|d| d.parse::<u32>().ok())
        .rfind(|y| (1000..=2100).contains(y))
}

impl Settings {
    fn count(&mut self, kind: Kind, mention: &str, document: u16) {
        if kind == Kind::Date {
            let years = self.years.entry(document).or_default();
            years.extend(
                mention
                    .split(|c: char| !c.is_ascii_digit())
                    .filter(|d| d.len() == 4)
                    .filter_map(|d| d.parse::<u32>().ok()),
            );
        }
        match kind {
            Kind::Place => {
                *self
                    .places
                    .entry((document, mention.to_string()))
                    .or_default() += 1
            }
            Kind::Organisation | Kind::Other if !mention.contains(' ') => {
                self.names
                    .entry(mention.to_string())
                    .or_default()
                    .insert(document);
            }
            _ => {}
        }
    }

    /// The place a document names most, when it names it at least twice and more than any
    /// other.
    fn place_of(&self, document: u16) -> Option<&str> {
        let mut counts: Vec<(&str, usize)> = self
            .places
            .range((document, String::new())..)
            .take_while(|((d, _), _)| *d == document)
            .map(|((_, p), n)| (p.as_str(), *n))
            .collect();
        counts.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        match counts.as_slice() {
            [(p, n), rest @ ..] if *n >= 2 && rest.first().is_none_or(|r| r.1 < *n) => Some(p),
            _ => None,
        }
    }

    /// A document's period: the year of a document whose dates fall within a year or so of
    /// it (at least three dated mentions, nine in ten of them within a year of the most
    /// cited one). A document that spans decades has none: its cards name their own years.
    fn period_of(&self, document: u16) -> Option<u32> {
        self.year_covering(document, 9)
    }

    /// The year most of a document's dates are in (two in three within a year of it), for a
    /// sentence whose paragraph names none: a memoir of 1917 that cites an article of 1922.
    fn main_year_of(&self, document: u16) -> Option<u32> {
        self.year_covering(document, 6)
    }

    /// The most cited year of a document when at least `tenths` tenths of its dated mentions
    /// (three or more) fall within a year of it.
    fn year_covering(&self, document: u16, tenths: usize) -> Option<u32> {
        let years = self.years.get(&document)?;
        if years.len() < 3 {
            return None;
        }
        let mut counts: std::collections::BTreeMap<u32, usize> = std::collections::BTreeMap::new();
        for y in years {
            *counts.entry(*y).or_default() += 1;
        }
        let (&top, _) = counts
            .iter()
            .max_by_key(|(y, n)| (**n, std::cmp::Reverse(**y)))?;
        let near = years.iter().filter(|y| y.abs_diff(top) <= 1).count();
        (10 * near >= tenths * years.len()).then_some(top)
    }

    /// The year as the situation line of a card that names none and has no situation yet:
    /// the document's period, or else the year in force in the sentence's paragraph. A date
    /// card gets it only when its answer has no year either (« Le [...], Trotsky accuse
    /// Kamenev » → 2 décembre, in 1917): a year never gives a date's answer away.
    fn situate(&self, card: &mut GeneratedCard) {
        if !card.situation.is_empty() {
            return;
        }
        let has_year = |text: &str| last_year(text).is_some();
        if has_year(&card.prompt) || (card.answer_kind == Kind::Date && has_year(&card.answer)) {
            return;
        }
        let year = self
            .period_of(card.document)
            .or_else(|| self.in_force.get(&(card.document, card.line)).copied())
            .or_else(|| self.main_year_of(card.document));
        if let Some(year) = year {
            card.situation = year.to_string();
        }
    }

    /// `Qui présidait le Sovnarkom ?` → `Qui présidait le Sovnarkom de Bakou ?` when another
    /// document names a Sovnarkom too and this one happens in Bakou.
    fn qualify(&self, card: &mut GeneratedCard) {
        if card.kind == CardKind::Cloze || card.fact_type != crate::facts::FactType::Role {
            return;
        }
        let Some(body) = card.prompt.strip_suffix(" ?") else {
            return;
        };
        let Some(name) = body.rsplit(' ').next() else {
            return;
        };
        let name = name.trim_start_matches(|c: char| c.is_lowercase() || c == '\'');
        let shared = self
            .names
            .get(name)
            .is_some_and(|docs| docs.iter().any(|&d| d != card.document));
        if !shared || !name.starts_with(char::is_uppercase) {
            return;
        }
        let Some(place) = self.place_of(card.document) else {
            return;
        };
        if card.prompt.contains(place) {
            return;
        }
        let de = if place.starts_with(|c: char| "AEIOUYÉÈÂÎÔ".contains(c)) {
            "d'"
        } else {
            "de "
        };
        card.prompt = format!("{body} {de}{place} ?");
    }
}
