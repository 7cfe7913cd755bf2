//! Anki's plain-text import format: header lines (`#separator:tab`, `#html:false`, …), then
//! one note a line, fields separated by tabs, quoted with `"` when needed.
//!
//! `carnet export --anki` writes notes of the `Basic` note type (Front = question, Back =
//! answer) with a GUID column holding the stable card id, so importing a newer export updates
//! the notes instead of duplicating them. A card's situation line (« Bakou, 1918 ») opens its
//! Front on a line of its own, so that Anki shows it with the question. Four more columns
//! (source sentence, origin, wrong answers, situation) are ignored by Anki and let `carnet
//! import` rebuild the same deck.

use std::path::Path;

use carnet_engine::deck::Deck;
use carnet_engine::{AnswerKind, CardId, CardKind};

use crate::error::{CliError, Result};
use crate::kind_names::{answer_kind, card_kind, parse_answer_kind, parse_card_kind};
use crate::messages::fill;

/// The columns written, in order (1-based in the headers).
pub const COLUMNS: [&str; 8] = [
    "guid",
    "Front",
    "Back",
    "tags",
    "Source",
    "Origin",
    "Wrong",
    "Situation",
];
/// Separates the wrong answers in their column.
const WRONG_SEPARATOR: &str = " | ";

/// A card's GUID: its id in 16 hex digits.
pub fn guid(id: CardId) -> String {
    format!("{:016x}", id.0)
}

/// Writes a deck in Anki's text format.
pub fn write(deck: &Deck<'_>) -> String {
    let mut out = String::new();
    out.push_str("#separator:tab\n#html:false\n#notetype:Basic\n");
    out.push_str(&format!(
        "#deck:{}\n",
        deck.name().replace(['\n', '\r'], " ")
    ));
    out.push_str(&format!("#columns:{}\n", COLUMNS.join("\t")));
    out.push_str("#guid column:1\n#tags column:4\n");
    for card in deck.cards() {
        let doc = deck.document(card.source.document).unwrap_or("");
        let tags = [
            "carnet".to_string(),
            format!("carnet::kind::{}", card_kind(card.kind)),
            format!("carnet::answer::{}", answer_kind(card.answer_kind)),
        ];
        let wrong: Vec<&str> = card.distractors().collect();
        let front = if card.situation.is_empty() {
            card.prompt.to_string()
        } else {
            format!("{}\n{}", card.situation, card.prompt)
        };
        let fields = [
            guid(card.id),
            front,
            card.answer.to_string(),
            tags.join(" "),
            card.context.to_string(),
            format!("{doc}:{}", card.source.line),
            wrong.join(WRONG_SEPARATOR),
            card.situation.to_string(),
        ];
        let line: Vec<String> = fields.iter().map(|f| quote(f, '\t')).collect();
        out.push_str(&line.join("\t"));
        out.push('\n');
    }
    out
}

fn quote(field: &str, sep: char) -> String {
    if field.contains([sep, '"', '\n', '\r']) || field.starts_with('#') {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field.to_string()
    }
}

/// One note read back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    /// The line it starts on.
    pub line: usize,
    /// Its GUID, if the file has a GUID column.
    pub guid: Option<String>,
    /// The first field.
    pub front: String,
    /// The second field.
    pub back: String,
    /// Its tags (the file's `#tags:` included).
    pub tags: Vec<String>,
    /// The `Source` column, if any.
    pub source: Option<String>,
    /// The `Origin` column (`document:line`), if any.
    pub origin: Option<String>,
    /// The `Wrong` column, split.
    pub wrong: Vec<String>,
    /// The `Situation` column, if any (taken off the front's first line, where the export
    /// puts it for Anki).
    pub situation: Option<String>,
}

impl Note {
    /// The card kind its `carnet::kind::…` tag names (question when absent).
    pub fn card_kind(&self) -> CardKind {
        self.tag_value("carnet::kind::")
            .and_then(parse_card_kind)
            .unwrap_or(CardKind::QuestionAnswer)
    }

    /// The answer kind its `carnet::answer::…` tag names (other when absent).
    pub fn answer_kind(&self) -> AnswerKind {
        self.tag_value("carnet::answer::")
            .and_then(parse_answer_kind)
            .unwrap_or(AnswerKind::Other)
    }

    fn tag_value(&self, prefix: &str) -> Option<&str> {
        self.tags.iter().find_map(|t| t.strip_prefix(prefix))
    }

    /// The card id: the GUID when it is one of ours, else a hash of the GUID or the content.
    pub fn card_id(&self) -> CardId {
        match &self.guid {
            Some(g) if g.len() == 16 => u64::from_str_radix(g, 16)
                .map(CardId)
                .unwrap_or_else(|_| CardId::from_key(g)),
            Some(g) => CardId::from_key(g),
            None => CardId::from_key(&format!(
                "{}\u{1f}{}\u{1f}{}",
                card_kind(self.card_kind()),
                self.front,
                self.back
            )),
        }
    }
}

/// A parsed file.
#[derive(Debug, Clone, Default)]
pub struct AnkiFile {
    /// The `#deck:` header.
    pub deck: Option<String>,
    /// The notes, in file order.
    pub notes: Vec<Note>,
}

/// Parses a file in Anki's text format; errors name the file and the line.
pub fn parse(path: &Path, text: &str) -> Result<AnkiFile> {
    let bad =
        |line: usize, what: String| CliError::input(format!("{}:{line}: {what}", path.display()));
    let mut sep = '\t';
    let mut html = false;
    let mut deck = None;
    let mut guid_col = 0usize;
    let mut tags_col = 0usize;
    let mut notetype_col = 0usize;
    let mut deck_col = 0usize;
    let mut global_tags: Vec<String> = Vec::new();
    let mut names: Vec<String> = Vec::new();
    let mut rest = text.trim_start_matches('\u{feff}');
    let mut line_no = 1usize;
    while let Some(header) = rest.strip_prefix('#') {
        let (line, tail) = rest.split_once('\n').unwrap_or((rest, ""));
        let line = line.trim_end_matches('\r');
        let body = &header[..line.len() - 1];
        if let Some((key, value)) = body.split_once(':') {
            let value = value.trim();
            // A header naming a column by its number (`#tags column:3`).
            let column = |value: &str| {
                column_number(value).ok_or_else(|| {
                    bad(
                        line_no,
                        fill(
                            crate::messages::text().e_anki_column,
                            &[&format!("{value:?}")],
                        ),
                    )
                })
            };
            match key.trim().to_ascii_lowercase().as_str() {
                "separator" => {
                    sep = match value.to_ascii_lowercase().as_str() {
                        "tab" => '\t',
                        "comma" => ',',
                        "semicolon" => ';',
                        "pipe" => '|',
                        "colon" => ':',
                        "space" => ' ',
                        v if v.chars().count() == 1 => v.chars().next().unwrap_or('\t'),
                        _ => {
                            return Err(bad(
                                line_no,
                                fill(
                                    crate::messages::text().e_anki_separator,
                                    &[&format!("{value:?}")],
                                ),
                            ))
                        }
                    }
                }
                "html" => {
                    html = value.parse().map_err(|_| {
                        bad(
                            line_no,
                            fill(
                                crate::messages::text().e_anki_html,
                                &[&format!("{value:?}")],
                            ),
                        )
                    })?
                }
                "deck" => deck = Some(value.to_string()),
                "tags" => global_tags = value.split_whitespace().map(String::from).collect(),
                "columns" => names = value.split(sep).map(|s| s.trim().to_string()).collect(),
                "guid column" => guid_col = column(value)?,
                "tags column" => tags_col = column(value)?,
                // Anki's own exports name each note's type and deck in columns of their own.
                "notetype column" => notetype_col = column(value)?,
                "deck column" => deck_col = column(value)?,
                _ => {}
            }
        }
        rest = tail;
        line_no += 1;
    }
    let named = |name: &str| {
        names
            .iter()
            .position(|n| n.eq_ignore_ascii_case(name))
            .map(|i| i + 1)
    };
    let (source_col, origin_col, wrong_col) = (named("Source"), named("Origin"), named("Wrong"));
    let situation_col = named("Situation");
    let meta = [
        guid_col,
        tags_col,
        notetype_col,
        deck_col,
        source_col.unwrap_or(0),
        origin_col.unwrap_or(0),
        wrong_col.unwrap_or(0),
        situation_col.unwrap_or(0),
    ];
    let mut notes = Vec::new();
    // The deck of the first note, when the file names decks per note and no `#deck:`.
    let mut deck_seen: Option<String> = None;
    for (start, record) in records(rest, sep, line_no).map_err(|(l, what)| bad(l, what))? {
        if record.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        let field_cols: Vec<usize> = (1..=record.len()).filter(|c| !meta.contains(c)).collect();
        let get = |col: usize| record.get(col.wrapping_sub(1)).map(|s| clean(s, html));
        let (Some(front), Some(back)) = (
            field_cols.first().and_then(|&c| get(c)),
            field_cols.get(1).and_then(|&c| get(c)),
        ) else {
            return Err(bad(
                start,
                format!("{} field(s); a note needs a front and a back", record.len()),
            ));
        };
        if front.trim().is_empty() {
            return Err(bad(start, "the front (question) is empty".to_string()));
        }
        if notetype_col > 0 {
            let notetype = get(notetype_col).unwrap_or_default();
            let cloze = notetype.to_lowercase().contains("cloze") || front.contains("{{c");
            if cloze {
                return Err(bad(
                    start,
                    format!(
                        "a note of type {notetype:?}: only front/back notes can come in a \
                         text file (cloze notes need an .apkg package)"
                    ),
                ));
            }
        }
        if deck_col > 0 && deck.is_none() {
            deck_seen.get_or_insert_with(|| get(deck_col).unwrap_or_default());
        }
        let mut tags = global_tags.clone();
        if tags_col > 0 {
            tags.extend(
                record
                    .get(tags_col - 1)
                    .into_iter()
                    .flat_map(|t| t.split_whitespace().map(String::from)),
            );
        }
        let opt = |c: Option<usize>| c.and_then(get).filter(|s| !s.is_empty());
        let situation = opt(situation_col);
        let front = match &situation {
            Some(line) => front
                .strip_prefix(line.as_str())
                .and_then(|rest| rest.strip_prefix(['\n', ' ']))
                .map_or(front.clone(), str::to_string),
            None => front,
        };
        notes.push(Note {
            line: start,
            guid: (guid_col > 0)
                .then(|| get(guid_col))
                .flatten()
                .filter(|g| !g.is_empty()),
            front,
            back,
            tags,
            source: opt(source_col),
            origin: opt(origin_col),
            wrong: opt(wrong_col)
                .map(|w| {
                    w.split(WRONG_SEPARATOR)
                        .map(|s| s.trim().to_string())
                        .filter(|s| !s.is_empty())
                        .collect()
                })
                .unwrap_or_default(),
            situation,
        });
    }
    if notes.is_empty() {
        return Err(CliError::input(crate::messages::fill(
            crate::messages::text().e_no_notes,
            &[&path.display()],
        )));
    }
    let deck = deck.or(deck_seen.filter(|d| !d.is_empty()));
    Ok(AnkiFile { deck, notes })
}

fn column_number(value: &str) -> Option<usize> {
    value.trim().parse().ok().filter(|&n| n > 0)
}

/// Splits records (fields quoted with `"`, possibly over several lines); gives each record
/// with the line it starts on.
/// Records with the line each starts on.
type Records = Vec<(usize, Vec<String>)>;

fn records(
    text: &str,
    sep: char,
    first_line: usize,
) -> std::result::Result<Records, (usize, String)> {
    let mut out = Vec::new();
    let mut chars = text.chars().peekable();
    let mut line = first_line;
    while chars.peek().is_some() {
        let start = line;
        let mut fields = Vec::new();
        let mut field = String::new();
        let mut quoted = false;
        let mut at_field_start = true;
        loop {
            let Some(c) = chars.next() else {
                if quoted {
                    return Err((start, "a quoted field is never closed".to_string()));
                }
                break;
            };
            if quoted {
                if c == '"' {
                    if chars.peek() == Some(&'"') {
                        chars.next();
                        field.push('"');
                    } else {
                        quoted = false;
                    }
                } else {
                    if c == '\n' {
                        line += 1;
                    }
                    field.push(c);
                }
                continue;
            }
            match c {
                '"' if at_field_start => {
                    quoted = true;
                    at_field_start = false;
                }
                '\r' => {}
                '\n' => {
                    line += 1;
                    break;
                }
                c if c == sep => {
                    fields.push(std::mem::take(&mut field));
                    at_field_start = true;
                }
                c => {
                    field.push(c);
                    at_field_start = false;
                }
            }
        }
        fields.push(field);
        out.push((start, fields));
    }
    Ok(out)
}

/// With `#html:true`, line breaks become newlines, tags go and entities are decoded.
fn clean(field: &str, html: bool) -> String {
    if !html {
        return field.to_string();
    }
    let text = field
        .replace("<br>", "\n")
        .replace("<br/>", "\n")
        .replace("<br />", "\n");
    let mut out = String::new();
    let mut in_tag = false;
    for c in text.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.replace("&nbsp;", " ")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

#[cfg(test)]
mod tests {
    use super::*;
    use carnet_engine::deck::{encode, DeckId};
    use carnet_engine::{Card, Source};

    #[test]
    fn export_parses_back_to_the_same_cards() {
        let cards = [
            Card {
                id: CardId(0x0123_4567_89ab_cdef),
                kind: CardKind::Cloze,
                answer_kind: AnswerKind::Date,
                prompt: "La Commune fut proclamée le [...].",
                answer: "25 avril 1918",
                distractors: ["1er mai 1918", "", ""],
                context: "Elle dit \"oui\"\tpuis partit.",
                source: Source {
                    document: 0,
                    line: 7,
                },
                situation: "Bakou, 1918",
            },
            Card {
                id: CardId(42),
                kind: CardKind::QuestionAnswer,
                answer_kind: AnswerKind::Person,
                prompt: "# Qui ?",
                answer: "Chahoumian",
                distractors: [""; 3],
                context: "",
                source: Source {
                    document: 0,
                    line: 9,
                },
                situation: "",
            },
        ];
        let bytes = encode(DeckId(0xba_c0), "Bakou", &["doc one.txt"], &cards).unwrap();
        let deck = Deck::from_bytes(&bytes).unwrap();
        let text = write(&deck);
        assert!(text.starts_with("#separator:tab\n#html:false\n#notetype:Basic\n#deck:Bakou\n"));
        let file = parse(Path::new("x.txt"), &text).unwrap();
        assert_eq!(file.deck.as_deref(), Some("Bakou"));
        let n = &file.notes[0];
        assert_eq!(n.card_id(), cards[0].id);
        assert_eq!(
            (n.front.as_str(), n.back.as_str()),
            (cards[0].prompt, cards[0].answer)
        );
        assert_eq!(n.card_kind(), CardKind::Cloze);
        assert_eq!(n.answer_kind(), AnswerKind::Date);
        assert_eq!(n.source.as_deref(), Some(cards[0].context));
        assert_eq!(n.origin.as_deref(), Some("doc one.txt:7"));
        assert_eq!(n.wrong, vec!["1er mai 1918".to_string()]);
        assert_eq!(n.situation.as_deref(), Some("Bakou, 1918"));
        // Anki sees the situation as the front's first line.
        assert!(text.contains("\t\"Bakou, 1918\nLa Commune fut proclamée le [...].\"\t"));
        assert_eq!(file.notes[1].situation, None);
        assert_eq!(file.notes[1].front, "# Qui ?");
        assert_eq!(file.notes[1].card_id(), CardId(42));
    }

    /// A file as Anki 26 exports it (« Notes in Plain Text » with every option): the note
    /// type and deck columns are not taken for the question and the answer.
    #[test]
    fn anki_exports_with_notetype_and_deck_columns() {
        let text = "#separator:tab\n#html:true\n#guid column:1\n#notetype column:2\n\
                    #deck column:3\n#tags column:6\n\
                    abc123\tBasic\tHistoire::Russie\tQui présidait le Sovnarkom ?\tChahoumian\tbakou\n\
                    def456\tBasic\tHistoire::Russie\tQuand ?\t25 avril 1918\t\n";
        let f = parse(Path::new("anki.txt"), text).unwrap();
        assert_eq!(f.notes.len(), 2);
        assert_eq!(f.notes[0].front, "Qui présidait le Sovnarkom ?");
        assert_eq!(f.notes[0].back, "Chahoumian");
        assert_eq!(f.notes[0].guid.as_deref(), Some("abc123"));
        assert_eq!(f.notes[0].tags, ["bakou"]);
        assert_eq!(f.deck.as_deref(), Some("Histoire::Russie"));
        let cloze = "#separator:tab\n#notetype column:1\nCloze\t{{c1::Lénine}} arrive\t\n";
        let e = parse(Path::new("c.txt"), cloze).unwrap_err();
        assert_eq!(e.exit_code(), 2);
        assert!(e.message().contains("cloze notes need an .apkg"), "{e}");
    }

    #[test]
    fn plain_two_column_files_and_errors() {
        let file = parse(
            Path::new("a.txt"),
            "#separator:comma\n#html:true\nQuoi ?,<b>Ça</b> &amp; ça\n",
        )
        .unwrap();
        assert_eq!(file.notes[0].back, "Ça & ça");
        assert!(file.notes[0].guid.is_none());
        let err = parse(
            Path::new("a.txt"),
            "#separator:tab\nseulement une colonne\n",
        )
        .unwrap_err();
        assert_eq!(
            err.message(),
            "a.txt:2: 1 field(s); a note needs a front and a back"
        );
        let err = parse(Path::new("a.txt"), "q\t\"open\n").unwrap_err();
        assert!(err.message().contains("never closed"), "{err}");
    }
}
