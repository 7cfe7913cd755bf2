//! The cleaned document: plain French prose in blocks, each block mapped back to its lines.

/// The source format of a document, found by looking at its content.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Format {
    /// A page of OCR'd print: short broken lines, hyphenation, page numbers, footers.
    Ocr,
    /// Markdown: blank-line paragraphs, `[text](url)` links, `^[1]` footnote marks.
    Markdown,
    /// A web page or blog post: one paragraph a line, site boilerplate around it.
    Blog,
    /// A MediaWiki diff page: old and new versions of each paragraph, wiki markup.
    WikiDiff,
}

impl Format {
    /// A short lower-case name for reports.
    pub fn name(self) -> &'static str {
        match self {
            Format::Ocr => "ocr",
            Format::Markdown => "markdown",
            Format::Blog => "blog",
            Format::WikiDiff => "wiki-diff",
        }
    }
}

/// What a block is, which decides whether cards may come from it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BlockKind {
    /// The document's title.
    Title,
    /// A section heading.
    Heading,
    /// Running prose.
    Paragraph,
    /// A footnote's text, as its own paragraph.
    Footnote,
    /// A quotation set apart from the prose.
    Quote,
    /// One item of a list.
    ListItem,
    /// A line of dialogue (starts with a dash).
    Dialogue,
    /// Bibliographic or site metadata (`Source: …`, author line).
    Metadata,
}

/// One block of clean text, with the map from its byte offsets back to source lines.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Block {
    /// What the block is.
    pub kind: BlockKind,
    /// The clean text: one paragraph, no line breaks, no markup.
    pub text: String,
    /// `(byte offset in text, 1-based source line)`, sorted by offset; the first is at 0.
    pub lines: Vec<(u32, u32)>,
}

impl Block {
    /// A block holding one piece of text from one source line.
    pub fn new(kind: BlockKind, text: String, line: u32) -> Block {
        Block {
            kind,
            text,
            lines: vec![(0, line)],
        }
    }

    /// The source line of the text at `offset`.
    pub fn line_at(&self, offset: usize) -> u32 {
        let i = self.lines.partition_point(|&(o, _)| o as usize <= offset);
        self.lines[i.saturating_sub(1)].1
    }

    /// The first source line of the block.
    pub fn first_line(&self) -> u32 {
        self.lines[0].1
    }

    /// Appends text that comes from `line`, with `sep` between (`" "` or `""`).
    pub fn append(&mut self, sep: &str, text: &str, line: u32) {
        if !self.text.is_empty() {
            self.text.push_str(sep);
        }
        let at = self.text.len() as u32;
        if self.lines.last().is_none_or(|&(_, l)| l != line) {
            self.lines.push((at, line));
        }
        self.text.push_str(text);
    }

    /// Appends another block's text, keeping its line map.
    pub fn join(&mut self, sep: &str, other: &Block) {
        if !self.text.is_empty() {
            self.text.push_str(sep);
        }
        let base = self.text.len() as u32;
        for &(o, l) in &other.lines {
            self.lines.push((base + o, l));
        }
        self.text.push_str(&other.text);
    }
}

/// A document after cleaning: its format and its blocks in reading order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CleanDocument {
    /// The format the cleaner recognised.
    pub format: Format,
    /// The blocks, in reading order.
    pub blocks: Vec<Block>,
}

impl CleanDocument {
    /// The title block's text, if the document has one.
    pub fn title(&self) -> Option<&str> {
        self.blocks
            .iter()
            .find(|b| b.kind == BlockKind::Title)
            .map(|b| b.text.as_str())
    }

    /// The whole clean text, one block a paragraph, for reading and tests.
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        for b in &self.blocks {
            out.push_str(&b.text);
            out.push_str("\n\n");
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_map_follows_appends() {
        let mut b = Block::new(BlockKind::Paragraph, "une".into(), 3);
        b.append(" ", "deux", 4);
        b.append("", "trois", 5);
        assert_eq!(b.text, "une deuxtrois");
        assert_eq!(b.line_at(0), 3);
        assert_eq!(b.line_at(4), 4);
        assert_eq!(b.line_at(9), 5);
    }
}
