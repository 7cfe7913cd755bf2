//! Cleaning: one module per source format, chosen by looking at the content.

pub mod blog;
pub mod detect;
pub mod html;
pub mod markdown;
pub mod ocr;
pub mod timeline;
pub mod wikidiff;
pub mod wikitext;

use crate::document::{CleanDocument, Format};

/// Cleans a document in the format its content shows.
pub fn clean(text: &str) -> CleanDocument {
    clean_as(text, detect::detect(text))
}

/// Cleans a document as the given format.
pub fn clean_as(text: &str, format: Format) -> CleanDocument {
    let mut document = match format {
        Format::Ocr => ocr::clean(text),
        Format::Markdown => markdown::clean(text),
        Format::Blog => blog::clean(text),
        Format::WikiDiff => wikidiff::clean(text),
    };
    timeline::rewrite(&mut document);
    document
}
