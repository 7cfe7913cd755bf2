//! People and their roles: `présidé par`, `dirigé par`, `commandées par`, `signé par`,
//! `sous la présidence de`, `X devient commissaire`, `nomme X commissaire`, role lists
//! (`P. Djaparidzé (Intérieur)`), list items (`Pavel Dybenko : commissaire …`) and
//! appositions (`Ouliantzev, un matelot de Cronstadt`).

use super::names::Name;
use super::phrases::{before_verb_group, elide, for_question, start_of_phrase};
use super::tokens::{Token, TokenKind};
use super::{Fact, FactType, Kind, Lexicon};

/// Words before a name that make it a person's.
pub const TITLES: &[&str] = &[
    "camarade",
    "camarades",
    "colonel",
    "général",
    "lieutenant",
    "capitaine",
    "amiral",
    "imam",
    "tsar",
    "tsarine",
    "prince",
    "princesse",
    "comte",
    "comtesse",
    "baron",
    "docteur",
    "professeur",
    "monsieur",
    "madame",
    "citoyen",
    "citoyenne",
    "sergent",
    "maréchal",
    "abbé",
    "père",
    "saint",
    "sainte",
    "roi",
    "reine",
    "empereur",
    "impératrice",
    "écrivain",
    "poète",
    "journaliste",
    "matelot",
    "soldat",
    "ouvrier",
    "commissaire",
    "président",
    "secrétaire",
];

/// Nouns that name a person's office, trade or kin before a name (« le chancelier Michel
/// Le Tellier », « au ministre Colbert », « le cardinal de Richelieu »), beyond
/// [`TITLES`]: evidence that the name is a person's.
const OFFICES: &[&str] = &[
    "cardinal",
    "chancelier",
    "ministre",
    "intendant",
    "pilote",
    "copilote",
    "pape",
    "évêque",
    "archevêque",
    "duc",
    "duchesse",
    "marquis",
    "marquise",
    "seigneur",
    "chevalier",
    "frère",
    "sœur",
    "fils",
    "fille",
    "mère",
    "oncle",
    "tante",
    "neveu",
    "nièce",
    "cousin",
    "cousine",
    "épouse",
    "époux",
    "veuve",
    "mari",
    "femme",
    "dominicain",
    "jésuite",
    "moine",
    "pasteur",
    "curé",
    "député",
    "sénateur",
    "maire",
    "préfet",
    "gouverneur",
    "consul",
    "chef",
    "peintre",
    "sculpteur",
    "architecte",
    "ingénieur",
    "guide",
    "médecin",
    "savant",
    "chimiste",
    "physicien",
    "mathématicien",
    "naturaliste",
    "élève",
    "maître",
    "disciple",
    "compagnon",
    "champion",
    "championne",
    "athlète",
    "nageur",
    "coureur",
    "aviateur",
    "navigateur",
    "explorateur",
    "alpiniste",
    "cristallier",
];

/// Whether a lower-case noun before a name names a person's office, trade or kin: one of
/// [`TITLES`] or [`OFFICES`], or a noun of the lexicon with an agent's ending (« l'escrimeur
/// Roger Ducret », « le physicien Denis Papin », « la pianiste … »).
pub fn is_office(noun: &str) -> bool {
    TITLES.contains(&noun)
        || OFFICES.contains(&noun)
        || (["eur", "euse", "rice", "ien", "ienne", "iste"]
            .iter()
            .any(|e| noun.ends_with(e))
            && noun.chars().count() > 5
            && crate::lexicon::pos_set(noun).contains(crate::lexicon::Pos::Noun))
}

/// Verbs of speech and action that follow a person's name.
pub const PERSON_VERBS: &[&str] = &[
    "écrit",
    "écrivit",
    "déclare",
    "déclara",
    "témoigne",
    "propose",
    "proposa",
    "proposent",
    "accuse",
    "accusa",
    "soumet",
    "soumit",
    "ajoute",
    "ajouta",
    "affirme",
    "affirma",
    "répond",
    "répondit",
    "dit",
    "demanda",
    "demande",
    "entra",
    "entre",
    "prit",
    "approuva",
    "approuve",
    "convoqua",
    "convoque",
    "lit",
    "lut",
    "devient",
    "devint",
    "préside",
    "présidait",
    "dirige",
    "dirigeait",
    "nomme",
    "nomma",
    "arrive",
    "arriva",
    "veut",
    "voulut",
    "doit",
    "pense",
    "estime",
    "raconte",
    "rapporte",
    "explique",
    "expliqua",
    "refuse",
    "refusa",
    "quitte",
    "quitta",
    "fonde",
    "fonda",
    "meurt",
    "mourut",
    "naquit",
    "épouse",
    "épousa",
    "rencontre",
    "rencontra",
    "publie",
    "publia",
    "se",
    "s'",
];

/// Nouns that name a role or office.
pub const ROLE_NOUNS: &[&str] = &[
    "commissaire",
    "commissaires",
    "président",
    "présidente",
    "secrétaire",
    "ministre",
    "ministres",
    "chef",
    "commandant",
    "directeur",
    "directrice",
    "rédacteur",
    "rédactrice",
    "vice-président",
    "adjoint",
    "adjointe",
    "gouverneur",
    "maire",
    "ambassadeur",
    "membre",
    "membres",
    "dirigeant",
    "dirigeante",
    "trésorier",
    "délégué",
    "déléguée",
    "représentant",
    "représentante",
    "premier",
    "première",
    "fondateur",
    "fondatrice",
    "porte-parole",
    "responsable",
    "capitaine",
    "colonel",
    "général",
    "leader",
    "chancelier",
    "préfet",
    "juge",
    "conservateur",
    "conservatrice",
    "évêque",
    "archevêque",
    "pape",
    "doyen",
    "doyenne",
    "recteur",
    "rectrice",
    "procureur",
    "sénateur",
    "député",
    "députée",
    "consul",
    "roi",
    "reine",
    "empereur",
    "impératrice",
    "gérant",
    "gérante",
    "patron",
    "entraîneur",
];

/// Offices one person holds of one thing, asked from inside a description (« un
/// intellectuel dirigeant du mouvement bolchevique à Krassnoïé-Sélo »).
const HELD_OFFICES: &[&str] = &[
    "dirigeant",
    "dirigeante",
    "chef",
    "président",
    "présidente",
    "fondateur",
    "fondatrice",
    "directeur",
    "directrice",
    "commandant",
    "secrétaire",
    "rédacteur",
    "rédactrice",
];

/// A passive participle with its agent, and how to ask for the agent.
struct RoleVerb {
    stem: &'static str,
    /// The question's verb when the sentence describes a state (`présidait`).
    state: &'static str,
    /// The question's verb when it tells an event (`a signé`).
    event: &'static str,
}

const ROLE_VERBS: &[RoleVerb] = &[
    RoleVerb {
        stem: "présid",
        state: "présidait",
        event: "a présidé",
    },
    RoleVerb {
        stem: "dirig",
        state: "dirigeait",
        event: "a dirigé",
    },
    RoleVerb {
        stem: "command",
        state: "commandait",
        event: "a commandé",
    },
    RoleVerb {
        stem: "conduit",
        state: "conduisait",
        event: "a conduit",
    },
    RoleVerb {
        stem: "signé",
        state: "a signé",
        event: "a signé",
    },
    RoleVerb {
        stem: "écrit",
        state: "a écrit",
        event: "a écrit",
    },
    RoleVerb {
        stem: "rédig",
        state: "a rédigé",
        event: "a rédigé",
    },
    RoleVerb {
        stem: "fond",
        state: "a fondé",
        event: "a fondé",
    },
    RoleVerb {
        stem: "créé",
        state: "a créé",
        event: "a créé",
    },
    RoleVerb {
        stem: "organis",
        state: "a organisé",
        event: "a organisé",
    },
    RoleVerb {
        stem: "élabor",
        state: "a élaboré",
        event: "a élaboré",
    },
    RoleVerb {
        stem: "remplac",
        state: "a remplacé",
        event: "a remplacé",
    },
    RoleVerb {
        stem: "assassin",
        state: "a assassiné",
        event: "a assassiné",
    },
    RoleVerb {
        stem: "colonis",
        state: "a colonisé",
        event: "a colonisé",
    },
];

fn role_verb(w: &str) -> Option<&'static RoleVerb> {
    if w.len() < 4 {
        return None;
    }
    ROLE_VERBS.iter().find(|v| {
        w.strip_prefix(v.stem).is_some_and(|rest| {
            matches!(rest, "" | "é" | "ée" | "és" | "ées" | "e" | "es" | "s")
                && (v.stem.ends_with('é') || v.stem.ends_with('t') || !rest.is_empty())
        })
    })
}

/// The masculine singular of a past participle (`inaugurée` → `inauguré`, `écrites` →
/// `écrit`), or `None` when the word does not end like one.
fn masculine_participle(w: &str) -> Option<String> {
    if w.chars().count() < 4 || w.starts_with(char::is_uppercase) {
        return None;
    }
    for (ending, base) in [
        ("ées", "é"),
        ("ée", "é"),
        ("és", "é"),
        ("é", "é"),
        ("uites", "uit"),
        ("uite", "uit"),
        ("ites", "it"),
        ("ite", "it"),
        ("ertes", "ert"),
        ("erte", "ert"),
        ("ert", "ert"),
        ("eintes", "eint"),
        ("einte", "eint"),
        ("eint", "eint"),
        ("ues", "u"),
        ("ue", "u"),
        ("us", "u"),
        ("ies", "i"),
        ("ie", "i"),
        ("uit", "uit"),
        ("it", "it"),
        ("u", "u"),
        ("i", "i"),
    ] {
        if let Some(stem) = w.strip_suffix(ending) {
            return Some(format!("{stem}{base}"));
        }
    }
    None
}

/// The agent after `par` (or `de` in `sous la présidence de`): skips articles and titles,
/// then takes a proper name (a person's or an organisation's).
fn agent_after(
    tokens: &[Token<'_>],
    from: usize,
    names: &[Name],
    lexicon: &Lexicon,
    sentence: &str,
) -> Option<(usize, usize, Kind)> {
    let mut i = from;
    if tokens
        .get(i)
        .is_some_and(|t| matches!(t.lower(), "les" | "des"))
    {
        // `par les Russes`: a people, not a person.
        return None;
    }
    while i < tokens.len()
        && tokens[i].kind == TokenKind::Word
        && (matches!(
            tokens[i].lower(),
            "le" | "la" | "les" | "l'" | "du" | "de" | "d'"
        ) || TITLES.contains(&tokens[i].lower()))
    {
        i += 1;
    }
    if let Some(org) = super::organisations::chunk_at(tokens, i) {
        let (a, b) = (tokens[i].start, tokens[org - 1].end);
        return Some((a, b, Kind::Organisation));
    }
    let name = names.iter().find(|n| n.first == i)?;
    let (a, mut b) = name.span(tokens);
    let kind = lexicon.kind_of(&sentence[a..b]);
    // (« dirigée par Howard Florey et Ernst Boris Chain »: both lead it, one answer)
    if kind == Kind::Person && tokens.get(name.end).is_some_and(|t| t.lower() == "et") {
        if let Some(second) = names.iter().find(|n| n.first == name.end + 1) {
            let (c, d) = second.span(tokens);
            if lexicon.kind_of(&sentence[c..d]) == Kind::Person {
                b = d;
            }
        }
    }
    matches!(kind, Kind::Person | Kind::Organisation).then_some((a, b, kind))
}

/// Role facts of one sentence.
pub fn roles(
    s: &str,
    tokens: &[Token<'_>],
    names: &[Name],
    lexicon: &Lexicon,
    out: &mut Vec<Fact>,
) {
    passive_agents(s, tokens, names, lexicon, out);
    object_relatives(s, tokens, names, lexicon, out);
    becomes(s, tokens, names, lexicon, out);
    role_list(s, tokens, names, lexicon, out);
    appositions(s, tokens, names, lexicon, out);
    life_and_definition(s, tokens, names, lexicon, out);
}

/// `Jules Verne, né le 8 février 1828 à Nantes et mort le 24 mars 1905 à Amiens, est un
/// écrivain français.` → when and where born and dead, and who the person is.
fn life_and_definition(
    s: &str,
    tokens: &[Token<'_>],
    names: &[Name],
    lexicon: &Lexicon,
    out: &mut Vec<Fact>,
) {
    let Some(name) = names.first().filter(|n| n.first == 0) else {
        return;
    };
    let (a, b) = name.span(tokens);
    if lexicon.kind_of(&s[a..b]) != Kind::Person {
        return;
    }
    let who = &s[a..b];
    let dates = super::dates::find(tokens);
    let mut k = name.end;
    // `Marie Curie (ou Marie Skłodowska-Curie), née …`: another name in brackets.
    if tokens.get(k).is_some_and(|t| t.text == "(") {
        k = tokens[k..]
            .iter()
            .position(|t| t.text == ")")
            .map_or(k, |p| k + p + 1);
    }
    if tokens.get(k).is_some_and(|t| t.text == ",") {
        // Birth and death in the aside: `, né le … à …, et mort le … à …,` up to the
        // `, est un …` that ends it, or one clause when nothing ends it.
        let aside_end =
            definition_comma(tokens, k + 1).unwrap_or_else(|| clause_end(tokens, k + 1));
        for i in k + 1..aside_end {
            let l = tokens[i].lower();
            let event = match l {
                "né" => Some(("est-il né", "Quand", "Où")),
                "née" => Some(("est-elle née", "Quand", "Où")),
                "mort" | "décédé" => Some(("est-il mort", "Quand", "Où")),
                "morte" | "décédée" => Some(("est-elle morte", "Quand", "Où")),
                _ => None,
            };
            let Some((verb, when, place)) = event else {
                continue;
            };
            // `née Maria Salomea Skłodowska le 7 novembre 1867`: the name at birth.
            let mut j = i + 1;
            if matches!(l, "né" | "née") {
                if let Some(birth) = names.iter().find(|n| n.first == i + 1) {
                    if tokens
                        .get(birth.end)
                        .is_some_and(|t| matches!(t.lower(), "le" | "en" | "à" | ","))
                    {
                        let (na, nb) = birth.span(tokens);
                        if !super::names::same_name(&s[na..nb], who) {
                            out.push(Fact {
                                fact_type: FactType::Alias,
                                answer: (na, nb),
                                kind: Kind::Person,
                                question: Some(format!("Quel est le nom de naissance de {who} ?")),
                            });
                        }
                        j = birth.end;
                    }
                }
            }
            let Some(d) = dates
                .iter()
                .find(|d| d.first_token > i && d.first_token <= j + 2 && d.end_token <= aside_end)
            else {
                continue;
            };
            out.push(Fact {
                fact_type: FactType::Date,
                answer: (d.start, d.end),
                kind: Kind::Date,
                question: Some(format!("{when} {who} {verb} ?")),
            });
            let after = d.end_token;
            if tokens.get(after).is_some_and(|t| t.lower() == "à") {
                if let Some(p) = names.iter().find(|n| n.first == after + 1) {
                    let (pa, pb) = p.span(tokens);
                    out.push(Fact {
                        fact_type: FactType::Place,
                        answer: (pa, pb),
                        kind: Kind::Place,
                        question: Some(format!("{place} {who} {verb} ?")),
                    });
                }
            }
        }
        k = aside_end + 1;
    }
    // `… est un écrivain français.`
    let verb = match tokens.get(k).map(|t| t.lower()) {
        Some("est") => "est",
        Some("était") => "était",
        Some("fut") => "fut",
        _ => return,
    };
    if !tokens
        .get(k + 1)
        .is_some_and(|t| matches!(t.lower(), "un" | "une"))
    {
        return;
    }
    let end = clause_end(tokens, k + 1);
    // `un poète, dramaturge, romancier et homme politique` is a list of roles, not one: an
    // open `Qui est … ?` would have several right answers.
    let listed = tokens.get(end).is_some_and(|t| t.text == ",")
        && tokens[end + 1..]
            .iter()
            .take(4)
            .skip(1)
            .any(|t| t.text == "," || t.lower() == "et");
    if end > k + 2 && end - (k + 1) <= 10 && !listed {
        out.push(Fact {
            fact_type: FactType::Apposition,
            answer: (tokens[k + 1].start, tokens[end - 1].end),
            kind: Kind::Other,
            question: Some(format!("Qui {verb} {who} ?")),
        });
    }
}

/// The comma before `est`, `était` or `fut` that ends a long aside after a name
/// (`Marie Curie, née …, et morte …, est une physicienne`), outside brackets, within 80
/// tokens of `from`.
fn definition_comma(tokens: &[Token<'_>], from: usize) -> Option<usize> {
    let mut depth = 0i32;
    for (k, t) in tokens.iter().enumerate().skip(from).take(80) {
        match t.text {
            "(" => depth += 1,
            ")" => depth -= 1,
            "," if depth <= 0
                && tokens
                    .get(k + 1)
                    .is_some_and(|n| matches!(n.lower(), "est" | "était" | "fut")) =>
            {
                return Some(k);
            }
            "." | ";" | "?" | "!" if depth <= 0 => return None,
            _ => {}
        }
    }
    None
}

/// `NP (était) présidé par X`, `NP, dirigée par X`, `NP sous la présidence de X`.
fn passive_agents(
    s: &str,
    tokens: &[Token<'_>],
    names: &[Name],
    lexicon: &Lexicon,
    out: &mut Vec<Fact>,
) {
    // Most sentences have no agent at all: look for one before trying every word.
    if !tokens.iter().any(|t| matches!(t.lower(), "par" | "sous")) {
        return;
    }
    for v in 0..tokens.len() {
        // A place between the participle and its agent bounds the role (« la Gestapo,
        // dirigée à Lyon par Klaus Barbie »: not all of it).
        let mut bound = String::new();
        let (verb, agent_from, stative): (String, usize, bool) =
            if let Some(rv) = role_verb(tokens[v].lower()) {
                // `fondé par X`, or `fondé le 8 mai 1899 par X`: a short complement between.
                let par = tokens[v + 1..]
                    .iter()
                    .take(8)
                    .take_while(|t| !matches!(t.text, "," | ";" | ":" | "." | "(" | ")"))
                    .position(|t| t.lower() == "par")
                    .map(|p| v + 1 + p);
                let Some(par) = par else { continue };
                let between = &tokens[v + 1..par];
                if between.len() >= 2
                    && matches!(between[0].lower(), "à" | "au" | "aux" | "en" | "dans")
                    && between[1..].iter().any(Token::is_capitalised)
                {
                    bound = s[between[0].start..between[between.len() - 1].end].to_string();
                }
                let aux = v
                    .checked_sub(1)
                    .map(|p| tokens[p].lower())
                    .unwrap_or_default();
                let stative = matches!(aux, "était" | "étaient" | "est" | "sont" | "," | "qui")
                    || !matches!(aux, "fut" | "furent" | "été" | "a" | "ont");
                let verb = if stative { rv.state } else { rv.event };
                (verb.to_string(), par + 1, stative)
            } else if tokens[v].lower() == "sous"
                && tokens
                    .get(v + 1)
                    .is_some_and(|t| t.lower() == "la" || t.lower() == "le")
            {
                let verb = match tokens.get(v + 2).map(|t| t.lower()) {
                    Some("présidence") => "présidait",
                    Some("direction") => "dirigeait",
                    Some("commandement") => "commandait",
                    _ => continue,
                };
                (verb.to_string(), v + 3, true)
            } else if let Some(par) = tokens[v + 1..]
                .iter()
                .take(8)
                .take_while(|t| !matches!(t.text, "," | ";" | ":" | "." | "(" | ")"))
                .position(|t| t.lower() == "par")
                .map(|p| v + 1 + p)
            {
                // Any other past participle with its agent: `inauguré (le 16 mars 2013) par X`
                // → `Qui a inauguré …`. The participle follows an auxiliary or a comma, or comes
                // right before `par`.
                let after_aux = v > 0
                    && matches!(
                        tokens[v - 1].lower(),
                        "été" | "est" | "fut" | "sont" | "furent" | "," | "était"
                    );
                // (« avait » ends like one: the lexicon tells a participle)
                let participle = || {
                    crate::clauses::past_participle_of(
                        crate::lexicon::Lexicon::get(),
                        tokens[v].lower(),
                    )
                    .is_some()
                };
                match masculine_participle(tokens[v].lower()) {
                    Some(p) if v > 0 && (par == v + 1 || after_aux) && participle() => {
                        (format!("a {p}"), par + 1, false)
                    }
                    _ => continue,
                }
            } else {
                continue;
            };
        let _ = stative;
        let Some((a, b, kind)) = agent_after(tokens, agent_from, names, lexicon, s) else {
            continue;
        };
        let Some(mut last) = before_verb_group(tokens, v) else {
            continue;
        };
        // (« le Grand-Saint-Antoine, trois-mâts commandé par … »: what a bare noun in
        // apposition describes is what is commanded)
        let Some(first) = start_of_phrase(tokens, last).or_else(|| {
            let (first, name_last) = apposed_name(tokens, last)?;
            last = name_last;
            Some(first)
        }) else {
            continue;
        };
        if first > last || tokens[first].start >= a {
            continue;
        }
        // « il quitte Southampton … vers New York, sous le commandement du capitaine Edward
        // Smith »: a phrase after a preposition is where or whence, not what is commanded.
        if first > 0
            && matches!(
                tokens[first - 1].lower(),
                "vers"
                    | "à"
                    | "de"
                    | "d'"
                    | "pour"
                    | "en"
                    | "dans"
                    | "sur"
                    | "avec"
                    | "chez"
                    | "entre"
                    | "depuis"
                    | "jusqu'à"
                    | "contre"
                    | "après"
                    | "avant"
            )
            && tokens[first].is_capitalised()
        {
            continue;
        }
        let mut np = for_question(s, tokens, first, last);
        if np.split(' ').count() > 12 || np.is_empty() {
            continue;
        }
        // `remplacé par Sverdlov à la présidence de …`: the office completes the question.
        let agent_end = tokens
            .iter()
            .position(|t| t.start >= b)
            .unwrap_or(tokens.len());
        if verb.contains("remplac") && tokens.get(agent_end).is_some_and(|t| t.lower() == "à") {
            let stop = clause_end(tokens, agent_end);
            let tail = &s[tokens[agent_end].start..tokens[stop - 1].end];
            np = format!("{np} {tail}");
        }
        // `une annonce écrite par Lénine, déclarant …` / `Une délégation dirigée par Kamenev
        // se rend …`: a bare noun phrase says too little; what follows the agent tells which.
        // (« l'équipe de l'université d'Oxford »: an elided name is one too)
        let anchored = np.split(' ').skip(1).any(|w| {
            w.rsplit(['\'', '’'])
                .next()
                .is_some_and(|w| w.starts_with(char::is_uppercase))
        });
        if !anchored {
            let stop = clause_end(tokens, agent_end);
            let after_comma = tokens.get(agent_end).is_some_and(|t| t.text == ",")
                && tokens
                    .get(agent_end + 1)
                    .is_some_and(|t| t.lower().ends_with("ant"));
            if after_comma {
                let stop = clause_end(tokens, agent_end + 1);
                np = format!(
                    "{np} {}",
                    &s[tokens[agent_end + 1].start..tokens[stop - 1].end]
                );
            } else if stop > agent_end
                && tokens[agent_end].kind == TokenKind::Word
                && tokens[agent_end].text.starts_with(char::is_lowercase)
                && !matches!(
                    tokens[agent_end].lower(),
                    "à" | "en" | "de" | "dans" | "sur" | "pour" | "avec" | "et" | "après" | "avant"
                )
            {
                np = format!(
                    "{np} qui {}",
                    &s[tokens[agent_end].start..tokens[stop - 1].end]
                );
            }
        }
        if !bound.is_empty() && !np.contains(&bound) {
            np = format!("{np} {bound}");
        }
        let question = format!("Qui {verb} {np} ?");
        out.push(Fact {
            fact_type: FactType::Role,
            answer: (a, b),
            kind,
            question: Some(elide(&question)),
        });
    }
}

/// Roles told in a relative clause with the subject after its verb (« L'Auto, un quotidien
/// imprimé sur papier jaune que dirige Henri Desgrange » → « Qui dirige L'Auto ? »): « que »,
/// a finite form of a verb of [`ROLE_VERBS`] (« dirige », « présidait »), then a person's
/// name; what is led is the phrase before « que », or the name that phrase is in
/// apposition to.
fn object_relatives(
    s: &str,
    tokens: &[Token<'_>],
    names: &[Name],
    lexicon: &Lexicon,
    out: &mut Vec<Fact>,
) {
    for q in 1..tokens.len().saturating_sub(2) {
        if !matches!(tokens[q].lower(), "que" | "qu'") {
            continue;
        }
        let verb = tokens[q + 1].lower();
        let finite = [
            "dirige",
            "dirigeait",
            "dirigea",
            "préside",
            "présidait",
            "présida",
            "commande",
            "commandait",
            "commanda",
        ];
        if !finite.contains(&verb) {
            continue;
        }
        let Some(name) = names.iter().find(|n| n.first == q + 2) else {
            continue;
        };
        let (a, b) = name.span(tokens);
        if lexicon.kind_of(&s[a..b]) != Kind::Person {
            continue;
        }
        // The phrase before « que »: a name in apposition to a description, or the
        // description's own phrase.
        let last = q - 1;
        let (first, last) = match described_before(tokens, last) {
            Some(found) => found,
            None => match start_of_phrase(tokens, last) {
                Some(first) => (first, last),
                None => continue,
            },
        };
        let np = for_question(s, tokens, first, last);
        let anchored = np.split(' ').any(|w| {
            w.rsplit(['\'', '’'])
                .next()
                .is_some_and(|w| w.starts_with(char::is_uppercase))
        });
        if np.is_empty() || !anchored || np.split(' ').count() > 10 {
            continue;
        }
        out.push(Fact {
            fact_type: FactType::Role,
            answer: (a, b),
            kind: Kind::Person,
            question: Some(elide(&format!("Qui {verb} {np} ?"))),
        });
    }
}

/// The name a description ending at `last` is in apposition to (« L'Auto, un quotidien
/// imprimé sur papier jaune »): the name's first and last tokens, when the description
/// opens on an indefinite article right after the name's comma and holds no other comma.
fn described_before(tokens: &[Token<'_>], last: usize) -> Option<(usize, usize)> {
    let mut k = last;
    let mut words = 0;
    while tokens[k].text != "," {
        if tokens[k].kind != TokenKind::Word || words > 8 {
            return None;
        }
        words += 1;
        k = k.checked_sub(1)?;
    }
    if !matches!(tokens.get(k + 1).map(|t| t.lower()), Some("un" | "une")) {
        return None;
    }
    let name_last = k.checked_sub(1)?;
    if !tokens[name_last].is_capitalised() {
        return None;
    }
    Some((start_of_phrase(tokens, name_last)?, name_last))
}

/// The named phrase a bare noun in apposition ending at `last` describes (« le
/// Grand-Saint-Antoine, trois-mâts »): its first and last tokens.
fn apposed_name(tokens: &[Token<'_>], last: usize) -> Option<(usize, usize)> {
    let mut k = last;
    let mut words = 0;
    while tokens[k].kind == TokenKind::Word && !tokens[k].is_capitalised() || tokens[k].text == "-"
    {
        words += usize::from(tokens[k].kind == TokenKind::Word);
        if words > 3 || super::phrases::is_determiner(&tokens[k]) {
            return None;
        }
        k = k.checked_sub(1)?;
    }
    if tokens[k].text != "," || words == 0 {
        return None;
    }
    let name_last = k.checked_sub(1)?;
    if !tokens[name_last].is_capitalised() {
        return None;
    }
    Some((start_of_phrase(tokens, name_last)?, name_last))
}

/// Index after the last token of the clause starting at `from` (up to `,` `;` `:` `.`).
pub fn clause_end(tokens: &[Token<'_>], from: usize) -> usize {
    let mut depth = 0;
    for (k, t) in tokens.iter().enumerate().skip(from) {
        match t.text {
            "(" => depth += 1,
            ")" => depth -= 1,
            "," | ";" | ":" | "." | "?" | "!" | "»" | "«" if depth <= 0 => return k,
            _ => {}
        }
    }
    tokens.len()
}

/// The role phrase starting at `from`: a role noun and its complements, up to the clause's
/// end or `puis`/`et`.
fn role_phrase(tokens: &[Token<'_>], from: usize) -> Option<usize> {
    let first = tokens.get(from)?;
    if !ROLE_NOUNS.contains(&first.lower()) {
        return None;
    }
    let mut end = clause_end(tokens, from);
    // A remark in brackets is not part of the role (`commissaire … (novembre 1917-mars
    // 1918 ; première femme …)`).
    if let Some(p) = tokens[from..end]
        .iter()
        .position(|t| matches!(t.lower(), "puis" | "et" | "lorsque" | "qui" | "("))
    {
        end = from + p;
    }
    (end > from && end - from <= 14).then_some(end)
}

/// `X devient commissaire …`, `X est nommé commissaire …`, `nomme X commissaire …`.
fn becomes(s: &str, tokens: &[Token<'_>], names: &[Name], lexicon: &Lexicon, out: &mut Vec<Fact>) {
    for name in names {
        let (a, b) = name.span(tokens);
        if lexicon.kind_of(&s[a..b]) != Kind::Person {
            continue;
        }
        let after = name.end;
        let before = name
            .first
            .checked_sub(1)
            .map(|p| tokens[p].lower())
            .unwrap_or_default();
        let (verb, role_from) = match tokens.get(after).map(|t| t.lower()) {
            Some("devient") => ("devient", after + 1),
            Some("devint") => ("devint", after + 1),
            Some("est" | "fut")
                if tokens
                    .get(after + 1)
                    .is_some_and(|t| matches!(t.lower(), "nommé" | "nommée" | "élu" | "élue")) =>
            {
                let q = if tokens[after].lower() == "est" {
                    "est"
                } else {
                    "fut"
                };
                let p = tokens[after + 1].lower();
                let v = if p.starts_with("nomm") {
                    "nommé"
                } else {
                    "élu"
                };
                (
                    if q == "est" {
                        if v == "élu" {
                            "est élu"
                        } else {
                            "est nommé"
                        }
                    } else if v == "élu" {
                        "fut élu"
                    } else {
                        "fut nommé"
                    },
                    after + 2,
                )
            }
            _ if matches!(before, "nomme" | "nomma") => (
                if before == "nomme" {
                    "est nommé"
                } else {
                    "fut nommé"
                },
                after,
            ),
            Some(":") | Some(",")
                if name.first == 0
                    || tokens[..name.first]
                        .iter()
                        .all(|t| t.kind == TokenKind::Punct) =>
            {
                // A list item: `Pavel Dybenko : commissaire du peuple …`.
                ("fut", after + 1)
            }
            _ => continue,
        };
        let Some(end) = role_phrase(tokens, role_from) else {
            continue;
        };
        let role = &s[tokens[role_from].start..tokens[end - 1].end];
        let plural_subject = tokens.get(role_from).is_some_and(|t| t.text.ends_with('s'));
        let verb = if plural_subject && verb == "fut" {
            "furent"
        } else {
            verb
        };
        // `Chahoumian nomme M. Azizbekov commissaire …`: the question says who named him.
        let nominator = matches!(before, "nomme" | "nomma")
            .then(|| names.iter().find(|n| n.end + 1 == name.first))
            .flatten()
            .map(|n| n.span(tokens))
            .map(|(x, y)| &s[x..y])
            .filter(|n| lexicon.kind_of(n) == Kind::Person);
        let question = match nominator {
            Some(who) => format!("Qui {who} {before}-t-il {role} ?"),
            None => format!("Qui {verb} {role} ?"),
        };
        out.push(Fact {
            fact_type: FactType::Role,
            answer: (a, b),
            kind: Kind::Person,
            question: Some(question),
        });
    }
    // `A et B, commissaires du peuple …` at the start of a list item.
    if let (Some(n1), Some(n2)) = (names.first(), names.get(1)) {
        if n1.first == 0
            && tokens.get(n1.end).is_some_and(|t| t.lower() == "et")
            && n2.first == n1.end + 1
            && tokens.get(n2.end).is_some_and(|t| t.text == ",")
        {
            if let Some(end) = role_phrase(tokens, n2.end + 1) {
                let role = &s[tokens[n2.end + 1].start..tokens[end - 1].end];
                let (a, _) = n1.span(tokens);
                let (_, b) = n2.span(tokens);
                out.push(Fact {
                    fact_type: FactType::Role,
                    answer: (a, b),
                    kind: Kind::Person,
                    question: Some(format!("Qui furent {role} ?")),
                });
            }
        }
    }
}

/// `Entrent dans le Sovnarkom P. Djaparidzé (Intérieur), G. Korganov (Défense), …`
fn role_list(
    s: &str,
    tokens: &[Token<'_>],
    names: &[Name],
    lexicon: &Lexicon,
    out: &mut Vec<Fact>,
) {
    let mut items = Vec::new();
    for name in names {
        if tokens.get(name.end).map(|t| t.text) != Some("(") {
            continue;
        }
        let close = tokens[name.end..]
            .iter()
            .position(|t| t.text == ")")
            .map(|p| name.end + p);
        let Some(close) = close else { continue };
        let inner = &tokens[name.end + 1..close];
        if inner.is_empty() || inner.len() > 5 || !inner[0].is_capitalised() {
            continue;
        }
        if inner.iter().any(|t| t.kind != TokenKind::Word) {
            continue;
        }
        // « … du Piton de la Fournaise (OVPF) »: an acronym in brackets spells a body's
        // name out; a role list names people.
        let (a, b) = name.span(tokens);
        if inner.iter().any(Token::is_acronym) || lexicon.kind_of(&s[a..b]) != Kind::Person {
            continue;
        }
        items.push((name, name.end + 1, close));
    }
    if items.len() < 2 {
        return;
    }
    // The body they belong to: `dans le Sovnarkom`, `au Conseil …`.
    let mut body = String::new();
    for (k, t) in tokens.iter().enumerate() {
        if k >= items[0].0.first {
            break;
        }
        let l = t.lower();
        if (l == "dans" || l == "au") && k + 1 < tokens.len() {
            let from = if l == "dans" { k + 1 } else { k };
            let mut end = from + 1;
            while end < tokens.len()
                && end < items[0].0.first
                && tokens[end].kind == TokenKind::Word
                && (tokens[end].is_capitalised()
                    || tokens[end].lower() == "de"
                    || tokens[end].lower() == "des"
                    || tokens[end].lower() == "du")
            {
                end += 1;
            }
            if end > from + 1 || tokens[from].is_capitalised() {
                body = format!(
                    " {}",
                    elide(&s[tokens[from].start..tokens[end - 1].end].to_lowercase_first())
                );
                if l == "au" {
                    body = format!(" {}", &s[tokens[from].start..tokens[end - 1].end]);
                } else {
                    body = format!(" dans{body}");
                }
            }
        }
    }
    for (name, from, close) in items {
        let (a, b) = name.span(tokens);
        if lexicon.kind_of(&s[a..b]) == Kind::Place {
            continue;
        }
        let domain = &s[tokens[from].start..tokens[close - 1].end];
        let question = format!("Qui était chargé {}{} ?", with_article(domain), body);
        out.push(Fact {
            fact_type: FactType::Role,
            answer: (a, b),
            kind: Kind::Person,
            question: Some(question),
        });
    }
}

trait LowerFirst {
    fn to_lowercase_first(&self) -> String;
}

impl LowerFirst for str {
    fn to_lowercase_first(&self) -> String {
        let mut c = self.chars();
        match c.next() {
            Some(f)
                if self.split(' ').next().is_some_and(|w| {
                    super::names::FUNCTION_CAPS.contains(&w.to_lowercase().as_str())
                }) =>
            {
                f.to_lowercase().collect::<String>() + c.as_str()
            }
            _ => self.to_string(),
        }
    }
}

/// `de la Défense`, `de l'Intérieur`, `des Postes et Télégraphe`, `du Travail`: the article
/// guessed from the word's form (French gender has regular endings).
pub fn with_article(domain: &str) -> String {
    let first = domain.split(' ').next().unwrap_or(domain).to_lowercase();
    let vowel = first.starts_with(|c: char| "aeiouyhâàéèêîïôû".contains(c));
    if first.ends_with('s') || first.ends_with('x') {
        return format!("des {domain}");
    }
    if vowel {
        return format!("de l'{domain}");
    }
    const MASCULINE_E: &[&str] = &[
        "commerce",
        "ministère",
        "culte",
        "service",
        "territoire",
        "domaine",
        "budget",
        "personnel",
        "contrôle",
        "groupe",
        "peuple",
        "monde",
    ];
    let feminine = first.ends_with('e')
        && !MASCULINE_E.contains(&first.as_str())
        && !["age", "isme", "ège", "ème", "ome"]
            .iter()
            .any(|e| first.ends_with(e));
    if feminine || first.ends_with("té") || first.ends_with("tion") {
        format!("de la {domain}")
    } else {
        format!("du {domain}")
    }
}

/// `Ouliantzev, un matelot de Cronstadt,` → Qui était Ouliantzev ? and
/// `Le commandant du district, le colonel Polkovnikov,` → Qui était le commandant du district ?
fn appositions(
    s: &str,
    tokens: &[Token<'_>],
    names: &[Name],
    lexicon: &Lexicon,
    out: &mut Vec<Fact>,
) {
    for name in names {
        let (a, b) = name.span(tokens);
        if lexicon.kind_of(&s[a..b]) != Kind::Person {
            continue;
        }
        // Name first, description after.
        if tokens.get(name.end).map(|t| t.text) == Some(",") {
            let from = name.end + 1;
            let end = clause_end(tokens, from);
            let comma = tokens.get(end).is_some_and(|t| t.text == ",");
            let full_stop = end + 1 == tokens.len() && tokens[end].text == ".";
            let closed = comma || full_stop;
            // After `par le maréchal X,` what follows the comma is often the main verb.
            let after_preposition = name.first.checked_sub(1).is_some_and(|p| {
                let mut k = p;
                while k > 0
                    && (TITLES.contains(&tokens[k].lower())
                        || matches!(tokens[k].lower(), "le" | "la" | "l'"))
                {
                    k -= 1;
                }
                matches!(
                    tokens[k].lower(),
                    "par"
                        | "de"
                        | "à"
                        | "avec"
                        | "pour"
                        | "sur"
                        | "vers"
                        | "chez"
                        | "contre"
                        | "du"
                        | "au"
                )
            });
            if end > from && end - from <= 14 {
                let first = &tokens[from];
                let fl = first.lower();
                let article = matches!(fl, "un" | "une");
                const PREPOSITIONS: &[&str] = &[
                    "avec", "sans", "pour", "par", "dans", "sur", "sous", "vers", "chez", "selon",
                    "contre", "depuis", "pendant", "après", "avant", "entre", "comme", "en", "à",
                    "de", "du", "des", "d'", "malgré", "dès", "outre", "quant",
                ];
                let bare_noun = first.kind == TokenKind::Word
                    && !PREPOSITIONS.contains(&fl)
                    && first.text.starts_with(char::is_lowercase)
                    && !super::names::FUNCTION_CAPS.contains(&fl)
                    && !["é", "ée", "és", "ées", "ant", "ment", "is", "it"]
                        .iter()
                        .any(|e| fl.ends_with(e))
                    && !matches!(
                        fl,
                        "même"
                            | "aussi"
                            | "encore"
                            | "déjà"
                            | "toujours"
                            | "pourtant"
                            | "donc"
                            | "seul"
                            | "alors"
                    )
                    && fl.chars().count() > 3;
                let clause_words = tokens[from..end].iter().any(|t| {
                    matches!(
                        t.lower(),
                        "qui" | "que" | "dont" | "il" | "elle" | "ils" | "se" | "s'"
                    )
                });
                let has_name_only = tokens[from..end]
                    .iter()
                    .all(|t| t.is_capitalised() || t.kind == TokenKind::Punct);
                let bare_ok = bare_noun && comma && !after_preposition;
                if closed
                    && end - from <= 9
                    && (article || bare_ok)
                    && !clause_words
                    && !has_name_only
                {
                    let desc = (tokens[from].start, tokens[end - 1].end);
                    let who = &s[tokens[name.first_word].start..b];
                    out.push(Fact {
                        fact_type: FactType::Apposition,
                        answer: desc,
                        kind: Kind::Other,
                        question: Some(format!("Qui était {who} ?")),
                    });
                }
                // An office of something, without an article, names the one who held it
                // (« Louvois, secrétaire d'État à la Guerre : » → « Qui était secrétaire
                // d'État à la Guerre ? »).
                let ends = comma
                    || full_stop
                    || tokens.get(end).is_some_and(|t| matches!(t.text, ":" | ";"));
                let desc = (tokens[from].start, tokens[end - 1].end);
                let office = bare_noun
                    && ends
                    && !clause_words
                    && (ROLE_NOUNS.contains(&fl) || is_office(fl))
                    && !matches!(
                        fl,
                        "membre" | "membres" | "fils" | "fille" | "frère" | "sœur"
                    )
                    && tokens[from + 1..end].iter().any(|t| {
                        matches!(t.lower(), "de" | "du" | "des" | "d'" | "à" | "au" | "aux")
                    })
                    && !tokens[from..end]
                        .iter()
                        .any(|t| matches!(t.lower(), "son" | "sa" | "ses" | "leur" | "leurs"));
                if office {
                    out.push(Fact {
                        fact_type: FactType::Role,
                        answer: (tokens[name.first_word].start, b),
                        kind: Kind::Person,
                        question: Some(format!("Qui était {} ?", &s[desc.0..desc.1])),
                    });
                }
                // The office inside a description with an article (« Levenson, un
                // intellectuel mejraïonetz dirigeant du mouvement bolchevique à
                // Krassnoïé-Sélo, » → « Qui était dirigeant du mouvement bolchevique à
                // Krassnoïé-Sélo ? »).
                let held = article && closed && !clause_words && end - from <= 12;
                if let Some(k) = (from + 2..end)
                    .filter(|_| held)
                    .find(|&k| HELD_OFFICES.contains(&tokens[k].lower()))
                {
                    let of = tokens
                        .get(k + 1)
                        .is_some_and(|t| matches!(t.lower(), "de" | "du" | "des" | "d'"));
                    let possessive = tokens[k..end]
                        .iter()
                        .any(|t| matches!(t.lower(), "son" | "sa" | "ses" | "leur" | "leurs"));
                    let named = tokens[k + 1..end].iter().any(Token::is_capitalised);
                    if of && !possessive && named {
                        out.push(Fact {
                            fact_type: FactType::Role,
                            answer: (tokens[name.first_word].start, b),
                            kind: Kind::Person,
                            question: Some(format!(
                                "Qui était {} ?",
                                &s[tokens[k].start..tokens[end - 1].end]
                            )),
                        });
                    }
                }
            }
        }
        // Description first: `Le représentant des internationalistes unifiés, Avilov,`.
        let mut i = name.first;
        while i > 0
            && (TITLES.contains(&tokens[i - 1].lower())
                || matches!(tokens[i - 1].lower(), "le" | "la"))
        {
            i -= 1;
        }
        if i >= 2
            && tokens[i - 1].text == ","
            && tokens.get(name.end).is_some_and(|t| t.text == ",")
        {
            let Some(first) = start_of_phrase(tokens, i - 2) else {
                continue;
            };
            let head = tokens.get(first + 1).map(|t| t.lower()).unwrap_or_default();
            // At the start of the sentence, or after an opening time (« En 1681, l'intendant
            // du Poitou, René de Marillac, … »).
            let opens = first == 0
                || (tokens[first - 1].text == ","
                    && tokens[..first - 1].iter().all(|t| {
                        t.kind != TokenKind::Word
                            || super::dates::is_month(t.text)
                            || t.value().is_some()
                            || matches!(t.lower(), "en" | "le" | "au" | "début" | "fin" | "dès")
                    }));
            if opens
                && matches!(tokens[first].lower(), "le" | "la" | "l'")
                && (ROLE_NOUNS.contains(&head) || is_office(head))
            {
                let np = for_question(s, tokens, first, i - 2);
                out.push(Fact {
                    fact_type: FactType::Role,
                    answer: (tokens[name.first_word].start, b),
                    kind: Kind::Person,
                    question: Some(format!("Qui était {np} ?")),
                });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The questions the fact patterns ask of `s`, with a lexicon built from it and the
    /// sentences `known` (which tell who is a person).
    fn questions(s: &str, known: &[&str]) -> Vec<String> {
        let lexicon = Lexicon::build(std::iter::once(s).chain(known.iter().copied()));
        crate::facts::analyse(s, &lexicon, true)
            .facts
            .into_iter()
            .filter_map(|f| f.question)
            .collect()
    }

    #[test]
    fn two_agents_are_one_answer() {
        let s = "Une équipe de l'université d'Oxford dirigée par Howard Florey et Ernst Boris \
                 Chain reprend ses travaux.";
        let lexicon =
            Lexicon::build([s, "Howard Florey arrive.", "Ernst Boris Chain part."].into_iter());
        let answers: Vec<&str> = crate::facts::analyse(s, &lexicon, true)
            .facts
            .iter()
            .filter(|f| f.question.is_some())
            .map(|f| &s[f.answer.0..f.answer.1])
            .collect();
        assert_eq!(answers, ["Howard Florey et Ernst Boris Chain"]);
    }

    #[test]
    fn a_place_between_the_participle_and_its_agent_bounds_the_role() {
        let s = "Jean Moulin est arrêté par la Gestapo, dirigée à Lyon par Klaus Barbie.";
        let questions = questions(s, &[]);
        assert!(
            questions
                .iter()
                .any(|q| q == "Qui dirigeait la Gestapo à Lyon ?"),
            "{questions:?}"
        );
        assert!(!questions.iter().any(|q| q == "Qui dirigeait la Gestapo ?"));
    }

    #[test]
    fn a_bare_noun_in_apposition_tells_what_its_name_is() {
        let s = "Le 25 mai 1720, le Grand-Saint-Antoine, trois-mâts commandé par le capitaine \
                 Jean-Baptiste Chataud, jetait l'ancre devant Marseille.";
        let asked = questions(s, &["Le docteur Jean-Baptiste Chataud arrive."]);
        assert!(
            asked
                .iter()
                .any(|q| q == "Qui commandait le Grand-Saint-Antoine ?"),
            "{asked:?}"
        );
    }

    #[test]
    fn a_role_told_in_a_relative_clause_after_its_verb() {
        let s = "De l'autre, L'Auto, un quotidien imprimé sur papier jaune que dirige Henri \
                 Desgrange, un ancien coureur.";
        let asked = questions(s, &["Le docteur Henri Desgrange arrive."]);
        assert!(
            asked.iter().any(|q| q == "Qui dirige l'Auto ?"),
            "{asked:?}"
        );
        // (what is led must be named)
        let s = "C'est une équipe que dirige Henri Desgrange.";
        let asked = questions(s, &["Le docteur Henri Desgrange arrive."]);
        assert!(
            !asked.iter().any(|q| q.starts_with("Qui dirige")),
            "{asked:?}"
        );
    }

    #[test]
    fn an_office_inside_a_description_names_who_held_it() {
        let s = "Le camarade Levenson, un intellectuel mejraïonetz dirigeant du mouvement \
                 bolchevique à Krassnoïé-Sélo, nous rejoignit.";
        let asked = questions(s, &["Le camarade Levenson arrive."]);
        assert!(
            asked
                .iter()
                .any(|q| q == "Qui était dirigeant du mouvement bolchevique à Krassnoïé-Sélo ?"),
            "{asked:?}"
        );
        // (of something named only)
        let s = "Le camarade Levenson, un intellectuel dirigeant du mouvement, nous rejoignit.";
        let asked = questions(s, &["Le camarade Levenson arrive."]);
        assert!(!asked.iter().any(|q| q.contains("dirigeant")), "{asked:?}");
    }

    #[test]
    fn only_a_participle_takes_an_agent() {
        // (« avait » ends like a participle: no « Qui a avait … ? »)
        let s = "Cette école, la première du genre au monde, avait été fondée en 1785 par \
                 Valentin Haüy, qui y faisait lire les élèves.";
        let asked = questions(s, &["Le docteur Valentin Haüy arrive."]);
        assert!(!asked.iter().any(|q| q.contains("a avait")), "{asked:?}");
    }

    #[test]
    fn a_name_after_a_preposition_is_not_what_is_commanded() {
        let s = "Le paquebot quitte Southampton vers New York, sous le commandement du \
                 capitaine Edward Smith.";
        let asked = questions(s, &["Le capitaine Edward Smith arrive."]);
        assert!(!asked.iter().any(|q| q.contains("New York")), "{asked:?}");
        let s = "Le Soviet de Petrograd, sous la présidence de Léon Trotsky, vote la motion.";
        let asked = questions(s, &["Le camarade Léon Trotsky arrive."]);
        assert!(
            asked
                .iter()
                .any(|q| q == "Qui présidait le Soviet de Petrograd ?"),
            "{asked:?}"
        );
    }

    #[test]
    fn acronyms_in_brackets_are_no_role_list() {
        let s = "Il est surveillé par l'Observatoire volcanologique du Piton de la Fournaise \
                 (OVPF), rattaché à l'Institut de physique du globe de Paris (IPGP).";
        let asked = questions(s, &[]);
        assert!(
            !asked.iter().any(|q| q.starts_with("Qui était chargé")),
            "{asked:?}"
        );
        let s = "Entrent dans le Sovnarkom P. Djaparidzé (Intérieur) et G. Korganov (Défense).";
        let asked = questions(s, &[]);
        assert!(
            asked
                .iter()
                .any(|q| q.starts_with("Qui était chargé de l'Intérieur")),
            "{asked:?}"
        );
    }

    #[test]
    fn articles_for_domains() {
        assert_eq!(with_article("Défense"), "de la Défense");
        assert_eq!(with_article("Intérieur"), "de l'Intérieur");
        assert_eq!(
            with_article("Postes et Télégraphe"),
            "des Postes et Télégraphe"
        );
        assert_eq!(with_article("Travail"), "du Travail");
        assert_eq!(with_article("Commerce"), "du Commerce");
    }
}
