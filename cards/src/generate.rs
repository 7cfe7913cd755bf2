//! The pipeline: documents → clean blocks → sentences → facts → cards → ranked, unique
//! cards with distractors.

use crate::cards::{self, CardKind, GeneratedCard, Origin};
use crate::context::{self, Rule, Surroundings};
use crate::distractors::Pools;
use crate::document::{CleanDocument, Format};
use crate::error::Error;
use crate::facts::{self, Kind, Lexicon};
use crate::input::SourceText;
use crate::setting::Settings;
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

/// The year in force in a paragraph: the last one its sentences named, for the two
/// sentences after it only: a narrative moves on in time without saying so (« En 1681 …
/// dragonnade … les soldats … le pouvoir royal conclut … Rédigé par Le Tellier, l'édit [of
/// 1685] ordonne … »).
#[derive(Clone, Copy, Debug, Default)]
struct YearInForce {
    year: Option<u32>,
    /// Sentences read since it was named.
    age: usize,
}

impl YearInForce {
    /// How many sentences after the one naming it the year stays in force.
    const SENTENCES: usize = 2;

    /// The year a sentence read now is in, if any; counts it read.
    fn for_next_sentence(&mut self) -> Option<u32> {
        self.age += 1;
        self.year.filter(|_| self.age <= Self::SENTENCES)
    }

    /// A sentence named `year`.
    fn named(&mut self, year: u32) {
        self.year = Some(year);
        self.age = 0;
    }

    /// The last year the paragraph named, however far back (a day's month and year).
    fn last(&self) -> Option<u32> {
        self.year
    }
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
    let of_document = sentences_by_document(&refs, cleaned.len());
    let paragraphs_of = |d: usize| paragraphs(&refs[of_document[d].clone()], &cleaned[d]);
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
            let text = cleaned[d].to_text();
            let topic = crate::clauses::DocumentTopic::from_first_sentences_of(
                paragraphs_of(d),
                Some(&text),
            );
            match cleaned[d].title() {
                // (the title says what the document is about when its first sentence does not)
                Some(title) if topic.topic.is_none() => {
                    crate::clauses::DocumentTopic::from_title(title, &text)
                }
                _ => topic,
            }
        })
        .collect();
    // Each document's blocks, as text (a word's count in the document is read from them).
    let texts: Vec<Vec<&str>> = cleaned
        .iter()
        .map(|doc| doc.blocks.iter().map(|b| b.text.as_str()).collect())
        .collect();
    // The year in force in each paragraph: the last one its sentences named so far (a
    // reader takes « le 9 octobre » in the year the paragraph is in).
    let mut block_year = YearInForce::default();
    // The month in force in each paragraph, with its year (see `Settings::month_in_force`).
    let mut block_month: Option<(String, Option<u32>)> = None;
    // Whether the sentence just read has the document's topic as subject.
    let mut about_topic = false;
    // The tokens of the sentence read (one buffer for all).
    let mut tokens = Vec::new();
    for (i, r) in refs.iter().enumerate() {
        if i > 0 && refs[i - 1].document != r.document {
            described.clear();
        }
        let text = text_of(r);
        // (« La même année, Niépce se rend en Angleterre »: the year before's, even from the
        // paragraph before)
        let same_year = crate::setting::opens_on_the_same_year(text);
        if i == 0 || refs[i - 1].document != r.document || refs[i - 1].block != r.block {
            if !(same_year && i > 0 && refs[i - 1].document == r.document) {
                block_year = YearInForce::default();
            }
            block_month = None;
        }
        // The sentence before, in the same paragraph: a pronoun's antecedent may be there.
        let previous = i
            .checked_sub(1)
            .map(|p| &refs[p])
            .filter(|p| p.document == r.document && p.block == r.block)
            .map(text_of);
        let block = &cleaned[r.document as usize].blocks[r.block];
        total[r.document as usize] += 1;
        let unusable = cards::unusable(text, block.kind);
        let can_give_cards = unusable.is_none();
        // A memoir's sentence in the first person may still tell who held which role
        // (« Le camarade Levenson, un intellectuel dirigeant du mouvement bolchevique à
        // Krassnoïé-Sélo, nous rejoignit »): those questions alone are asked of it.
        let roles_only = unusable == Some(cards::FIRST_PERSON_REASON);
        if can_give_cards {
            usable[r.document as usize] += 1;
        }
        facts::tokens::tokenize_into(text, &mut tokens);
        // Whether the sentence before spoke of the topic, and whether this one does.
        let previous_about_topic = previous.is_some() && about_topic;
        about_topic = context::speaks_of_topic(
            text,
            &lexicon,
            &topics[r.document as usize],
            previous.is_none() || previous_about_topic,
        );
        let mut analysis =
            facts::analyse_tokens(text, &tokens, &lexicon, can_give_cards || roles_only);
        for m in &analysis.mentions {
            let mention = &text[m.span.0..m.span.1];
            if m.kind == Kind::Quantity {
                let (number, unit) = mention.rsplit_once(' ').unwrap_or((mention, ""));
                pools.add(m.kind, number, unit, r.document);
            } else if m.kind == Kind::Date && mention.starts_with(char::is_uppercase) {
                // « Lénine en Octobre 1917 »: a month capitalised is part of a title.
            } else if m.kind == Kind::Date || (can_give_cards && !lexicon.is_generic(mention)) {
                // Names for wrong answers come from prose, not from footnotes and
                // references (« BakinskiRabotchii, du 1er mai 1918 »).
                pools.add(m.kind, mention, "", r.document);
            }
            if matches!(m.kind, Kind::Place | Kind::Organisation) {
                let first = tokens.partition_point(|t| t.start < m.span.0);
                if let Some(before) = first.checked_sub(1).map(|i| tokens[i].lower()) {
                    pools.note_article(mention, before);
                } else {
                    pools.note_article(mention, ",");
                }
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
        // « le bassin de Saint-Ferréol »: the whole names clause clozes ask are wrong answers
        // for each other too.
        if can_give_cards {
            for m in crate::clauses::whole_names(text, &analysis.mentions) {
                if !analysis.mentions.iter().any(|o| o.span == m.span) {
                    pools.add(m.kind, &text[m.span.0..m.span.1], "", r.document);
                }
            }
        }
        let origin = Origin {
            document: r.document,
            line: block.line_at(r.start),
            block: block.kind,
        };
        // (« L'année suivante, à Vélizy, … »: a time told from the year before moves off
        // it, and the paragraph's year is no longer known)
        if crate::setting::opens_on_a_shifted_time(text) {
            block_year = YearInForce::default();
        }
        let in_force = block_year.for_next_sentence();
        let in_force = if same_year {
            block_year.last()
        } else {
            in_force
        };
        if let Some(year) = in_force {
            settings
                .in_force
                .insert((r.document, text.to_string()), year);
        }
        // (« il travaille depuis 1880 sur un vaccin »: a year a state starts or ends from is
        // not the year of what the paragraph tells next)
        if let Some(year) = analysis
            .mentions
            .iter()
            .filter(|m| m.kind == Kind::Date)
            .filter(|m| !crate::setting::bounds_a_state(&text[..m.span.0]))
            .filter_map(|m| crate::setting::last_year(&text[m.span.0..m.span.1]))
            .next_back()
        {
            block_year.named(year);
        }
        // The sentence's last month named (its first calendar's: « 25 octobre (7 novembre) »),
        // else the sentence before's: a month told further back may be another event's.
        let before = block_month.take();
        if let Some((month, year)) = analysis
            .mentions
            .iter()
            .filter(|m| m.kind == Kind::Date)
            .filter_map(|m| {
                // (a day's: « l'affrontement de mars » tells of another event)
                let date = &text[m.span.0..m.span.1];
                let day = date
                    .split_whitespace()
                    .any(|w| w == "1er" || w.parse::<u8>().is_ok_and(|d| (1..=31).contains(&d)));
                if !day {
                    return None;
                }
                let month = date
                    .split(|c: char| !c.is_alphabetic())
                    .find(|w| facts::dates::is_month(&w.to_lowercase()))?;
                Some((
                    month.to_lowercase(),
                    crate::setting::last_year(date).or(block_year.last()),
                ))
            })
            .next_back()
        {
            block_month = Some((month, year));
        }
        if let Some(month) = block_month.as_ref().or(before.as_ref()) {
            settings
                .month_in_force
                .insert((r.document, text.to_string()), month.clone());
        }
        if roles_only {
            analysis
                .facts
                .retain(|f| f.question.is_some() && f.fact_type == facts::FactType::Role);
        }
        if roles_only && !analysis.facts.is_empty() {
            let around = Surroundings::new(&lexicon, previous)
                .with_descriptions(&described)
                .with_topic(&topics[r.document as usize], previous_about_topic)
                .with_sentence(text, &tokens);
            for (mut card, _) in cards::write(text, &analysis, origin, &around).cards {
                let told_of_others = card.kind == CardKind::QuestionAnswer
                    && card.fact_type == facts::FactType::Role
                    && !cards::in_first_person(&card.prompt);
                if told_of_others {
                    crate::verdicts::mend(&mut card);
                    card.score = crate::rank::score(&card, block.kind);
                    candidates.push(card);
                }
            }
        }
        if !can_give_cards {
            described.read(text, &tokens);
            continue;
        }
        // The six sentences before, across paragraphs.
        let recent: Vec<&str> = (i.saturating_sub(6)..i)
            .filter(|&p| {
                let p = &refs[p];
                p.document == r.document
                    && cleaned[p.document as usize].blocks[p.block].kind
                        == crate::document::BlockKind::Paragraph
            })
            .map(|p| text_of(&refs[p]))
            .collect();
        let around = Surroundings::new(&lexicon, previous)
            .with_recent(&recent, &texts[r.document as usize])
            .with_descriptions(&described)
            .with_topic(&topics[r.document as usize], previous_about_topic)
            .with_sentence(text, &tokens);
        let written = cards::write(text, &analysis, origin, &around);
        let taken: Vec<String> = written
            .cards
            .iter()
            .map(|(c, _)| c.answer.clone())
            .collect();
        // A clause's pronoun is named as the fact patterns' cards name theirs.
        let resolve =
            |clause: &str| match context::screen(clause, CardKind::Cloze, Kind::Other, &around) {
                context::Verdict::Keep { prompt, rewritten }
                    if rewritten.contains(&Rule::Pronoun) =>
                {
                    Some(prompt)
                }
                _ => None,
            };
        let mut clause_cards = crate::clauses::clozes(
            text,
            &analysis.mentions,
            origin,
            &topics[r.document as usize],
            &taken,
            &resolve,
        );
        // (« L'architecte est né à [...] » after « l'architecte Ieoh Ming Pei »)
        for card in &mut clause_cards {
            if let Some(prompt) = around.name_described(&card.prompt) {
                card.prompt = prompt;
            }
        }
        clause_cards.retain(|c| !around.points_back(&c.prompt));
        drop(around);
        described.read(text, &tokens);
        // Each card is scored as it will read, one fact kept (see
        // [`crate::verdicts::mend`]); scores are final once the situation lines are set
        // (below).
        for mut card in clause_cards {
            crate::verdicts::mend(&mut card);
            card.score = crate::rank::score(&card, block.kind);
            candidates.push(card);
        }
        for (mut card, rules) in written.cards {
            crate::verdicts::mend(&mut card);
            card.score = crate::rank::score(&card, block.kind);
            if !rules.is_empty() {
                rewrites.insert(card.key(), rules);
            }
            candidates.push(card);
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
    settings.settle(cleaned.len());
    pools.set_eras(
        (0..cleaned.len() as u16)
            .map(|d| settings.era_of(d))
            .collect(),
    );
    // A document's subject: its rare nouns, and the people it names (the memoir and the
    // wiki page of October 1917 share Trotsky and Podvoisky more than words).
    pools.set_subjects(
        &cleaned
            .iter()
            .enumerate()
            .map(|(d, doc)| {
                let mut words = crate::distractors::subject_words(&doc.to_text());
                words.extend(settings.surnames_of(d as u16).map(|s| format!("@{s}")));
                words
            })
            .collect::<Vec<_>>(),
    );
    settings.subjects = cleaned
        .iter()
        .enumerate()
        .map(|(d, doc)| {
            crate::setting::subject_of(
                doc.title(),
                paragraphs_of(d),
                &doc.to_text(),
                settings.most_cited(d as u16),
            )
        })
        .collect();
    for card in &mut candidates {
        settings.qualify(card);
    }
    for card in &mut candidates {
        settings.situate(card);
        let credit = crate::rank::situation_credit(card);
        card.score += credit;
        // A cloze that names nothing in a document about one thing is anchored by the
        // situation line that names it (« L'escrimeur [...] gagne à lui seul trois titres »
        // in « Les Jeux olympiques d'été de 1924 »), if that line names it and the year (a
        // memoir's scene, in a document about no one thing, is not).
        if credit == 0
            && topics[card.document as usize].topic.is_some()
            && crate::clauses::anchored_by_its_topic(card)
        {
            let topic_credit = crate::rank::topic_credit(card);
            if topic_credit > 0 {
                card.score += topic_credit;
                rewrites
                    .entry(card.key())
                    .or_default()
                    .push(Rule::NoSubject);
            }
        }
    }
    candidates.retain(|c| c.score >= crate::rank::MIN_SCORE);
    let mut unsituated = 0;
    candidates.retain(|c| {
        let needs = rewrites
            .get(&c.key())
            .is_some_and(|rules| rules.contains(&Rule::NoSubject));
        let kept = (!needs || crate::setting::is_situated(c)) && !crate::setting::lacks_its_year(c);
        if !kept {
            unsituated += 1;
        }
        kept
    });
    // « Qui était X ? » has as many answers as X had roles: never asked open. Nor « Qui
    // était évêque d'Avranches ? » with no year anywhere on the card: an office is held by
    // one person after another.
    candidates.retain(|c| {
        let who_was = c.kind != CardKind::Cloze
            && (c.prompt.starts_with("Qui était ")
                || c.prompt.starts_with("Qui fut ")
                || c.prompt.starts_with("Qui est "));
        let timeless = crate::setting::years_in(&c.situation).next().is_none()
            && crate::setting::years_in(&c.prompt).next().is_none();
        !(who_was
            && (c.fact_type == crate::facts::FactType::Apposition
                || (c.fact_type == crate::facts::FactType::Role && timeless)))
    });

    let mut stats = context::Stats::default();
    if unsituated > 0 {
        stats.removed.insert(Rule::NoSubject, unsituated);
    }
    let judge = crate::verdicts::Judge { pools: &pools };
    candidates.retain(|card| {
        let failed = judge.fails(card, settings.town_of(card.document));
        if let Some(rule) = failed {
            *stats.removed.entry(rule).or_default() += 1;
        }
        failed.is_none()
    });
    crate::rank::sort(&mut candidates);
    // Two cards of one sentence may show each other's answers: both front ends bury a
    // card's siblings for the day, as Anki does.
    let mut kept = crate::dedup::dedup(candidates);
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
        pools.add_alias_card(card);
    }
    // An abbreviation is spelled out where the corpus tells what it stands for.
    let mut abbreviations = crate::abbreviations::Abbreviations::default();
    organisations.extend(abbreviations.add_alias_cards(&kept));
    // unique: « Sous quel autre nom connaît-on X ? » from « X, également appelé Milrevcom ou
    // Comité militaire » has two answers: it teaches the abbreviations and the distractors
    // its other name, and is asked of no one.
    kept.retain(|card| !(card.fact_type == crate::facts::FactType::Alias && names_others(card)));
    for d in 0..cleaned.len() as u16 {
        abbreviations.add_initialisms(d, names_of(&organisations, d));
        for block in &cleaned[d as usize].blocks {
            abbreviations.add_spelled_out(d, &block.text);
        }
    }
    for card in &mut kept {
        if let Some(prompt) = abbreviations.spell_out(card) {
            card.prompt = prompt;
        }
    }
    // unique: a role the document shows another leading too (« Podvoisky prendrait le
    // contrôle officiel du Comité le jour du soulèvement ») has two answers asked open.
    kept.retain(|card| {
        let shared = card.kind != CardKind::Cloze
            && card.fact_type == crate::facts::FactType::Role
            && body_of_question(&card.prompt).is_some_and(|head| {
                names_of(&people, card.document).any(|p| {
                    !crate::facts::names::same_name(p, &card.answer)
                        && leads_it_too(&cleaned[card.document as usize], p, head, &card.answer)
                })
            });
        !shared
    });
    let countries = named_as_countries(&cleaned);
    pools.add_countries(countries.iter().copied());
    kept.retain(|card| {
        let unexplained = crate::verdicts::unexplained_name(
            card,
            // (an acronym is opaque said once: « la CEC / VTsIK »)
            names_of(&organisations, card.document).filter(|name| {
                is_an_acronym(name) || uses_often(&cleaned[card.document as usize], name)
            }),
            |name| {
                // (what the document is about is named by its title or first sentence:
                // « La Camargue est une région naturelle … »)
                let subject = settings
                    .subjects
                    .get(card.document as usize)
                    .and_then(Option::as_deref)
                    .is_some_and(|s| crate::clauses::has_words(s, name));
                subject
                    || pools.is_alias(name)
                    || settings.is_place(name)
                    || crate::facts::names::is_regnal(name)
                    || countries.contains(name)
                    || said_of_a_kind(&cleaned[card.document as usize], name)
            },
        );
        if unexplained {
            *stats.removed.entry(Rule::Unexplained).or_default() += 1;
        }
        !unexplained
    });
    for card in &mut kept {
        if let Some(other) = pools.other_acronym(card) {
            card.prompt = card.prompt.replacen(
                "Quel sigle désigne",
                &format!("Quel sigle, autre que {other}, désigne"),
                1,
            );
        }
        card.distractors = pools.choose(card);
        // « l'étang de Thau »: a place named with the noun of its kind takes wrong answers
        // named with the same noun (« à l'[...] » fits no « Los Angeles »), or none.
        let noun = card.answer.split(' ').next().unwrap_or("");
        if card.answer_kind == Kind::Place
            && (card.answer.starts_with(char::is_lowercase)
                || crate::verdicts::is_name_head(&noun.to_lowercase()))
        {
            card.distractors
                .retain(|d| d.split(' ').next() == Some(noun) && d != &card.answer);
        }
        let choice_kind = !matches!(card.answer_kind, Kind::Other);
        // « Sous quel autre nom connaît-on X ? » has as many answers as X has names: it is
        // asked among choices, where one of them is right.
        let many_answers = card.fact_type == crate::facts::FactType::Alias;
        if card.kind == CardKind::QuestionAnswer
            && choice_kind
            && card.distractors.len() == 3
            && (many_answers
                || carnet_engine::CardId::from_key(&card.key())
                    .0
                    .is_multiple_of(2))
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

/// The prose sentences among `refs`, sentences of `document`, in order.
fn paragraphs<'a>(
    refs: &'a [SentenceRef],
    document: &'a CleanDocument,
) -> impl Iterator<Item = &'a str> + Clone {
    refs.iter()
        .map(|r| (&document.blocks[r.block], r))
        .filter(|(block, _)| block.kind == crate::document::BlockKind::Paragraph)
        .map(|(block, r)| &block.text[r.start..r.end])
}

/// For each of `documents` documents, the range of its sentences in `refs` (which are in
/// document order).
fn sentences_by_document(refs: &[SentenceRef], documents: usize) -> Vec<std::ops::Range<usize>> {
    let mut ranges = vec![0..0; documents];
    let mut start = 0;
    for (i, r) in refs.iter().enumerate() {
        if i + 1 == refs.len() || refs[i + 1].document != r.document {
            ranges[r.document as usize] = start..i + 1;
            start = i + 1;
        }
    }
    ranges
}

/// The names a set of `(document, name)` holds for `document`, in order.
/// The names the documents write after « en » (« en Azerbaïdjan », « en France »):
/// countries and regions, which the learner knows without the document.
fn named_as_countries(documents: &[CleanDocument]) -> std::collections::HashSet<&str> {
    let mut names = std::collections::HashSet::new();
    for block in documents.iter().flat_map(|d| &d.blocks) {
        let text = block.text.as_str();
        for (i, _) in text.match_indices("en ") {
            if text[..i]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric)
            {
                continue;
            }
            let rest = &text[i + 3..];
            let end = rest
                .find(|c: char| !(c.is_alphanumeric() || c == '-'))
                .unwrap_or(rest.len());
            let name = &rest[..end];
            if name.starts_with(char::is_uppercase) {
                names.insert(name);
            }
        }
    }
    names
}

/// Whether a document names `name` three times or more: a word of its own vocabulary,
/// not one it mentions in passing (« l'Ispolkom » in an article on the Soviet, against
/// « l'UNESCO » once in a history of a canal).
/// The head of the body a role question asks about: its first capitalised word after an
/// article (« Qui présidait le Comité militaro-révolutionnaire ? » → « Comité »; not the
/// person of « Qui a remplacé Kamenev … ? »).
fn body_of_question(prompt: &str) -> Option<&str> {
    let rest = prompt.strip_prefix("Qui ")?;
    let words: Vec<&str> = rest.split_whitespace().collect();
    words.iter().enumerate().skip(1).find_map(|(k, w)| {
        let (article, head) = match w.strip_prefix("l'").or_else(|| w.strip_prefix("l’")) {
            Some(head) => (true, head),
            None => (
                matches!(words[k - 1], "le" | "la" | "les" | "du" | "des"),
                *w,
            ),
        };
        (article && head.starts_with(char::is_uppercase) && head.chars().count() > 3)
            .then_some(head)
    })
}

/// Whether a sentence of `document` other than the answer's tells that `person` leads the
/// body whose head is `head` too: it names both, with a word of leading (« présid- »,
/// « dirig- », « contrôle », « à la tête », « chef », « command- ») among the six words after
/// the person's name (« Podvoisky prendrait le contrôle officiel du Comité »).
fn leads_it_too(document: &CleanDocument, person: &str, head: &str, answer: &str) -> bool {
    const LEADING: &[&str] = &[
        "présid",
        "dirig",
        "contrôle",
        "à la tête",
        "chef",
        "command",
    ];
    let surname = person.rsplit(' ').next().unwrap_or(person);
    document
        .blocks
        .iter()
        .filter(|b| b.text.contains(surname) && b.text.contains(head))
        .any(|b| {
            crate::sentences::split(&b.text).iter().any(|s| {
                let s = &b.text[s.start..s.end];
                let after = |i: usize| {
                    let rest = &s[i + surname.len()..];
                    let end = rest
                        .char_indices()
                        .filter(|(_, c)| *c == ' ')
                        .nth(6)
                        .map_or(rest.len(), |(e, _)| e);
                    &rest[..end]
                };
                s.contains(head)
                    && !s.contains(answer)
                    && s.match_indices(surname)
                        .any(|(i, _)| LEADING.iter().any(|l| after(i).contains(l)))
            })
        })
}

/// Whether an alias card's sentence gives its body another name besides the answer
/// (« appelé Milrevcom ou Comité militaire »).
fn names_others(card: &GeneratedCard) -> bool {
    card.context
        .match_indices(card.answer.as_str())
        .any(|(i, a)| card.context[i + a.len()..].starts_with(" ou "))
}

/// Whether the document says somewhere what kind of thing `name` is (« le musée du
/// Louvre ») or what it stands for (« SR (socialistes-révolutionnaires) »): a card that
/// names it bare (« la pyramide du Louvre », « les SR de gauche ») then names a known thing.
fn said_of_a_kind(document: &CleanDocument, name: &str) -> bool {
    document.blocks.iter().any(|b| {
        b.text.match_indices(name).any(|(i, _)| {
            let after = &b.text[i + name.len()..];
            // (or spells it out in brackets: « SR (socialistes-révolutionnaires) »; or
            // says what it is in the same sentence: « fondation de l'Althing ; c'est l'une
            // des plus anciennes assemblées parlementaires »)
            let sentence = &after[..after.find(". ").unwrap_or(after.len())];
            crate::verdicts::after_a_kind_noun(&b.text[..i])
                || after.starts_with(" (") && after[2..].starts_with(char::is_lowercase)
                || ["c'est un ", "c'est une ", "c'est l'un ", "c'est l'une "]
                    .iter()
                    .any(|w| sentence.contains(w))
        })
    })
}

/// Whether `name` is written as an acronym a learner cannot read without its long form: one
/// word of letters with two capitals or more (« CEC », « VTsIK »), but not five capitals or
/// more, which are read as a word and are the names of bodies known the world over
/// (« UNESCO »).
fn is_an_acronym(name: &str) -> bool {
    let capitals = name.chars().filter(|c| c.is_uppercase()).count();
    let all_capitals = capitals == name.chars().count();
    capitals >= 2 && name.chars().all(char::is_alphabetic) && !(all_capitals && capitals >= 5)
}

fn uses_often(document: &CleanDocument, name: &str) -> bool {
    document
        .blocks
        .iter()
        .map(|b| b.text.matches(name).count())
        .sum::<usize>()
        >= 3
}

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_paragraph_s_year_holds_for_the_sentences_just_after_it() {
        let mut year = YearInForce::default();
        // « En 1681, … »: the sentence that names it, then two more.
        assert_eq!(year.for_next_sentence(), None);
        year.named(1681);
        assert_eq!(year.for_next_sentence(), Some(1681));
        assert_eq!(year.for_next_sentence(), Some(1681));
        assert_eq!(year.for_next_sentence(), None);
        // (named again, it holds again)
        year.named(1685);
        assert_eq!(year.for_next_sentence(), Some(1685));
        assert_eq!(year.last(), Some(1685));
        year = YearInForce::default();
        assert_eq!(year.last(), None);
    }

    #[test]
    fn a_sentence_in_the_first_person_gives_only_the_roles_of_others() {
        let text =
            "La Révolution à Krassnoïé-Sélo\n\nLe 27 octobre 1917, nous quittâmes Pétrograd \
                    en voiture. Le camarade Levenson, un intellectuel dirigeant du mouvement \
                    bolchevique à Krassnoïé-Sélo, nous rejoignit le 28 octobre 1917 à la gare.\n";
        let deck =
            generate_from_texts(&[("memoire.md".to_string(), text.to_string())]).expect("a deck");
        let prompts: Vec<&str> = deck.cards.iter().map(|c| c.prompt.as_str()).collect();
        assert!(
            prompts.contains(&"Qui était dirigeant du mouvement bolchevique à Krassnoïé-Sélo ?"),
            "{prompts:?}"
        );
        assert!(
            !deck.cards.iter().any(|c| cards::in_first_person(&c.prompt)),
            "{prompts:?}"
        );
        assert!(
            cards::in_first_person("Il nous rejoignit.")
                && !cards::in_first_person("Il les rejoignit.")
        );
    }

    #[test]
    fn one_who_leads_the_body_too_is_no_wrong_answer() {
        assert_eq!(
            body_of_question("Qui présidait le Comité militaro-révolutionnaire ?"),
            Some("Comité")
        );
        let doc = crate::clean::clean(
            "Le Comité militaro-révolutionnaire était présidé par Pavel Lazimir. Podvoisky \
             prendrait le contrôle officiel du Comité le jour du soulèvement, avec Vladimir \
             Antonov-Ovseenko comme secrétaire.\n",
        );
        assert!(leads_it_too(
            &doc,
            "Nikolai Podvoisky",
            "Comité",
            "Pavel Lazimir"
        ));
        assert!(!leads_it_too(
            &doc,
            "Vladimir Antonov-Ovseenko",
            "Comité",
            "Pavel Lazimir"
        ));
    }

    #[test]
    fn an_acronym_needs_its_long_form_unless_it_reads_as_a_word() {
        for name in ["CEC", "VTsIK", "CMR", "SR"] {
            assert!(is_an_acronym(name), "{name}");
        }
        for name in [
            "UNESCO",
            "Sovnarkom",
            "Milrevcom",
            "Paris",
            "Comité central",
        ] {
            assert!(!is_an_acronym(name), "{name}");
        }
    }

    #[test]
    fn a_name_the_sentence_says_the_kind_of_is_explained() {
        let doc = crate::clean::clean(
            "Les chefs fondent le Thing à Gulen ; c'est l'une des plus anciennes assemblées du \
             pays. Le Thing se réunit chaque été. Le Thing vote les lois du royaume.\n",
        );
        assert!(said_of_a_kind(&doc, "Thing"));
        let doc = crate::clean::clean(
            "Les chefs fondent le Thing à Gulen. C'est un jour de fête. Le Thing se réunit \
             chaque été.\n",
        );
        assert!(!said_of_a_kind(&doc, "Thing"));
    }
}
