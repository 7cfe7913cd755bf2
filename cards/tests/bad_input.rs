//! Bad input through the real program: a clear message naming the file, exit code 2, no
//! panic, and no deck written (an existing one is left as it was).

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

struct Scratch(PathBuf);

impl Scratch {
    fn new(name: &str) -> Scratch {
        let dir = std::env::temp_dir().join(format!("carnet-cards-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        Scratch(dir)
    }
    fn path(&self, name: &str) -> PathBuf {
        self.0.join(name)
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn good_document() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/article_blog.txt")
}

fn run(args: &[&Path]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_carnet-cards"))
        .args(args)
        .arg("--quiet")
        .output()
        .unwrap()
}

/// Runs on a good document and the bad one; checks the message and that the old deck stays.
fn refuses(scratch: &Scratch, bad: &Path, says: &str) {
    let deck = scratch.path("out.deck");
    std::fs::write(&deck, b"old deck").unwrap();
    let out = run(&[&good_document(), bad, Path::new("-o"), &deck]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "stderr: {stderr}");
    assert!(
        stderr.contains(&bad.display().to_string()),
        "message does not name the file: {stderr}"
    );
    assert!(
        stderr.contains(says),
        "message does not say {says:?}: {stderr}"
    );
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(
        std::fs::read(&deck).unwrap(),
        b"old deck",
        "the old deck was touched"
    );
    assert!(
        !scratch.path("out.tsv").exists(),
        "a partial listing was written"
    );
    let leftovers: Vec<_> = std::fs::read_dir(&scratch.0)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert!(
        leftovers
            .iter()
            .all(|n| !n.to_string_lossy().contains(".tmp-")),
        "{leftovers:?}"
    );
}

#[test]
fn empty_file() {
    let s = Scratch::new("empty");
    let bad = s.path("empty.txt");
    std::fs::write(&bad, b"").unwrap();
    refuses(&s, &bad, "empty");
    std::fs::write(&bad, b" \n\t\n").unwrap();
    refuses(&s, &bad, "empty");
}

#[test]
fn binary_file() {
    let s = Scratch::new("binary");
    let bad = s.path("image.png");
    std::fs::write(&bad, b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR").unwrap();
    refuses(&s, &bad, "binary");
}

#[test]
fn invalid_utf8() {
    let s = Scratch::new("latin1");
    let bad = s.path("latin1.txt");
    std::fs::write(&bad, b"Le comit\xe9 fut cr\xe9\xe9 le 3 mai.\n").unwrap();
    refuses(&s, &bad, "UTF-8");
}

#[test]
fn fifty_megabyte_single_line() {
    let s = Scratch::new("long");
    let bad = s.path("dump.txt");
    let line = "mot ".repeat(50 * 1024 * 1024 / 4);
    std::fs::write(&bad, line.as_bytes()).unwrap();
    refuses(&s, &bad, "line 1");
}

#[test]
fn missing_path() {
    let s = Scratch::new("missing");
    refuses(&s, &s.path("nowhere.txt"), "no such file");
}

#[test]
fn directory_inside_the_corpus() {
    let s = Scratch::new("dir");
    let corpus = s.path("corpus");
    std::fs::create_dir_all(corpus.join("chapitre")).unwrap();
    std::fs::copy(good_document(), corpus.join("a.txt")).unwrap();
    let deck = s.path("out.deck");
    let out = run(&[&corpus, Path::new("-o"), &deck]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("chapitre") && stderr.contains("is a directory"),
        "{stderr}"
    );
    assert!(!deck.exists());
}

#[test]
fn directory_as_a_document_in_the_library() {
    let s = Scratch::new("libdir");
    let err = carnet_cards::generate(std::slice::from_ref(&s.0), &mut |_| {}).unwrap_err();
    assert!(
        matches!(err, carnet_cards::Error::IsDirectory { .. }),
        "{err}"
    );
    assert!(err.to_string().contains(&s.0.display().to_string()));
}

#[test]
fn good_corpus_writes_deck_and_listing() {
    let s = Scratch::new("good");
    let deck = s.path("d.deck");
    let out = run(&[&good_document(), Path::new("-o"), &deck]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let bytes = std::fs::read(&deck).unwrap();
    assert!(carnet_engine::deck::Deck::from_bytes(&bytes).is_ok());
    assert!(s.path("d.tsv").exists());
}

#[test]
fn usage_errors_exit_2() {
    let out = Command::new(env!("CARGO_BIN_EXE_carnet-cards"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("usage"));
}
