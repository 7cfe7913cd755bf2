//! Anki's card templates rendered to HTML from a note's fields, as Anki renders them:
//! `{{Field}}`, filters (`{{cloze:Text}}`, `{{type:Back}}`, `{{hint:…}}`, `{{text:…}}`, …),
//! sections `{{#Field}}…{{/Field}}` and `{{^Field}}…{{/Field}}`, `{{FrontSide}}`; and cloze
//! deletions `{{c1::text::hint}}` of one card (ordinal) shown as a gap or as their text.
//!
//! Rendering never fails: a tag that is not closed is text, an unknown field renders empty
//! (Anki would show an error on the card; an import keeps the rest of it).

use std::collections::HashMap;

/// What a template is rendered with.
#[derive(Debug, Clone)]
pub struct Context<'a> {
    /// The note's fields by name.
    pub fields: &'a HashMap<String, String>,
    /// The card's cloze number (its ordinal + 1), for cloze note types.
    pub cloze: Option<u32>,
    /// Rendering the answer side (cloze deletions shown, `{{type:…}}` shows the field).
    pub answer_side: bool,
    /// The rendered question, for `{{FrontSide}}` on the answer side.
    pub front_side: &'a str,
}

enum Node<'t> {
    Text(&'t str),
    /// `{{filters:name}}`.
    Field(&'t str),
    /// `{{#name}}…{{/name}}` (`inverted`: `{{^name}}`).
    Section {
        name: &'t str,
        inverted: bool,
        body: Vec<Node<'t>>,
    },
}

/// Parses a template into nodes; an unclosed section runs to the end.
fn parse(template: &str) -> Vec<Node<'_>> {
    let mut stack: Vec<Frame<'_>> = vec![(None, Vec::new())];
    let mut rest = template;
    while !rest.is_empty() {
        let Some(open) = rest.find("{{") else {
            push(&mut stack, Node::Text(rest));
            break;
        };
        let Some(close) = rest[open + 2..].find("}}") else {
            push(&mut stack, Node::Text(rest));
            break;
        };
        if open > 0 {
            push(&mut stack, Node::Text(&rest[..open]));
        }
        let tag = rest[open + 2..open + 2 + close].trim();
        rest = &rest[open + 2 + close + 2..];
        if let Some(name) = tag.strip_prefix('#') {
            stack.push((Some((name.trim(), false)), Vec::new()));
        } else if let Some(name) = tag.strip_prefix('^') {
            stack.push((Some((name.trim(), true)), Vec::new()));
        } else if let Some(name) = tag.strip_prefix('/') {
            let name = name.trim();
            if stack.len() > 1 && stack.last().and_then(|s| s.0).is_some_and(|s| s.0 == name) {
                close_section(&mut stack);
            }
            // A closing tag of no open section is dropped, as Anki drops it.
        } else if !tag.starts_with('!') {
            push(&mut stack, Node::Field(tag));
        }
    }
    while stack.len() > 1 {
        close_section(&mut stack);
    }
    stack.pop().map(|s| s.1).unwrap_or_default()
}

type Frame<'t> = (Option<(&'t str, bool)>, Vec<Node<'t>>);

fn push<'t>(stack: &mut [Frame<'t>], node: Node<'t>) {
    if let Some(top) = stack.last_mut() {
        top.1.push(node);
    }
}

fn close_section(stack: &mut Vec<Frame<'_>>) {
    if let Some((Some((name, inverted)), body)) = stack.pop() {
        push(
            stack,
            Node::Section {
                name,
                inverted,
                body,
            },
        );
    }
}

/// The names of the fields a template uses (without filters), sections included.
pub fn referenced_fields(template: &str) -> Vec<String> {
    fn walk(nodes: &[Node<'_>], out: &mut Vec<String>) {
        for n in nodes {
            match n {
                Node::Text(_) => {}
                Node::Field(tag) => out.push(field_name(tag).to_string()),
                Node::Section { name, body, .. } => {
                    out.push(name.to_string());
                    walk(body, out);
                }
            }
        }
    }
    let mut out = Vec::new();
    walk(&parse(template), &mut out);
    out
}

/// The field name of a `{{filters:name}}` tag.
fn field_name(tag: &str) -> &str {
    tag.rsplit(':').next().unwrap_or(tag).trim()
}

/// Renders a template to HTML.
pub fn render(template: &str, ctx: &Context<'_>) -> String {
    let mut out = String::new();
    render_nodes(&parse(template), ctx, &mut out);
    out
}

fn render_nodes(nodes: &[Node<'_>], ctx: &Context<'_>, out: &mut String) {
    for n in nodes {
        match n {
            Node::Text(t) => out.push_str(t),
            Node::Field(tag) => out.push_str(&field(tag, ctx)),
            Node::Section {
                name,
                inverted,
                body,
            } => {
                let value = ctx.fields.get(*name).map_or("", String::as_str);
                let present = !crate::html_text::to_text(value).text.trim().is_empty()
                    || (*name == "FrontSide" && !ctx.front_side.is_empty());
                if present != *inverted {
                    render_nodes(body, ctx, out);
                }
            }
        }
    }
}

/// One `{{filters:name}}` tag's value.
fn field(tag: &str, ctx: &Context<'_>) -> String {
    let mut parts: Vec<&str> = tag.split(':').map(str::trim).collect();
    let name = parts.pop().unwrap_or("");
    if name == "FrontSide" {
        return ctx.front_side.to_string();
    }
    let mut value = ctx.fields.get(name).cloned().unwrap_or_default();
    // Filters apply right to left: `{{text:cloze:Text}}` is text(cloze(Text)).
    for filter in parts.iter().rev() {
        let filter = filter.split_whitespace().next().unwrap_or("");
        value = match filter {
            "cloze" => cloze(&value, ctx.cloze.unwrap_or(1), ctx.answer_side),
            "cloze-only" => cloze_answers(&value, ctx.cloze.unwrap_or(1)).join(", "),
            "type" if !ctx.answer_side => String::new(),
            "type" => value,
            "kanji" | "furigana" => strip_readings(&value),
            _ => value,
        };
    }
    value
}

/// `base[reading]` ruby text without its readings.
fn strip_readings(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut depth = 0usize;
    for c in s.chars() {
        match c {
            '[' => depth += 1,
            ']' if depth > 0 => depth -= 1,
            c if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

/// One cloze deletion found in a field.
struct Deletion<'a> {
    /// Its number (`c3` → 3).
    number: u32,
    /// Byte range of the whole `{{c…}}` in the text.
    start: usize,
    end: usize,
    /// Its text (which may hold nested deletions).
    text: &'a str,
    /// Its hint, if any.
    hint: Option<&'a str>,
}

/// The top-level deletion starting at byte `at` of `s` (`{{c`), if it is one.
fn deletion_at(s: &str, at: usize) -> Option<Deletion<'_>> {
    let rest = s.get(at + 3..)?;
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || !rest[digits..].starts_with("::") {
        return None;
    }
    let number: u32 = rest[..digits].parse().ok()?;
    let body_start = at + 3 + digits + 2;
    // The matching `}}`, nested `{{…}}` counted.
    let bytes = s.as_bytes();
    let mut depth = 1usize;
    let mut i = body_start;
    while i + 1 < bytes.len() {
        if bytes[i] == b'{' && bytes[i + 1] == b'{' {
            depth += 1;
            i += 2;
        } else if bytes[i] == b'}' && bytes[i + 1] == b'}' {
            depth -= 1;
            if depth == 0 {
                let body = &s[body_start..i];
                let (text, hint) = split_hint(body);
                return Some(Deletion {
                    number,
                    start: at,
                    end: i + 2,
                    text,
                    hint,
                });
            }
            i += 2;
        } else {
            i += 1;
        }
    }
    None
}

/// A deletion's body split at its top-level `::` (text, hint).
fn split_hint(body: &str) -> (&str, Option<&str>) {
    let bytes = body.as_bytes();
    let mut depth = 0usize;
    let mut i = 0;
    while i + 1 < bytes.len() {
        match (bytes[i], bytes[i + 1]) {
            (b'{', b'{') => {
                depth += 1;
                i += 2;
            }
            (b'}', b'}') => {
                depth = depth.saturating_sub(1);
                i += 2;
            }
            (b':', b':') if depth == 0 => return (&body[..i], Some(&body[i + 2..])),
            _ => i += 1,
        }
    }
    (body, None)
}

/// The deletions of `s` at the top level, in order.
fn deletions(s: &str) -> Vec<Deletion<'_>> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(found) = s.get(from..).and_then(|r| r.find("{{c")) {
        let at = from + found;
        match deletion_at(s, at) {
            Some(d) => {
                from = d.end;
                out.push(d);
            }
            None => from = at + 3,
        }
    }
    out
}

/// A cloze field as card `number` shows it: its deletions as `[...]` (or `[hint]`) on the
/// question side, as their text on the answer side; the other deletions as their text.
pub fn cloze(s: &str, number: u32, answer_side: bool) -> String {
    let mut out = String::with_capacity(s.len());
    let mut last = 0;
    for d in deletions(s) {
        out.push_str(&s[last..d.start]);
        if d.number == number && !answer_side {
            out.push('[');
            out.push_str(d.hint.unwrap_or("..."));
            out.push(']');
        } else {
            out.push_str(&cloze(d.text, number, answer_side));
        }
        last = d.end;
    }
    out.push_str(&s[last..]);
    out
}

/// The texts that card `number` hides (its answers), in order.
pub fn cloze_answers(s: &str, number: u32) -> Vec<String> {
    let mut out = Vec::new();
    for d in deletions(s) {
        if d.number == number {
            out.push(cloze(d.text, number, true));
        } else {
            out.extend(cloze_answers(d.text, number));
        }
    }
    out
}

/// The cloze numbers a field uses.
pub fn cloze_numbers(s: &str) -> Vec<u32> {
    let mut out = Vec::new();
    for d in deletions(s) {
        out.push(d.number);
        out.extend(cloze_numbers(d.text));
    }
    out.sort_unstable();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(pairs: &[(&str, &str)]) -> HashMap<String, String> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    fn ctx<'a>(f: &'a HashMap<String, String>, front: &'a str) -> Context<'a> {
        Context {
            fields: f,
            cloze: None,
            answer_side: !front.is_empty(),
            front_side: front,
        }
    }

    #[test]
    fn basic_templates() {
        let f = fields(&[("Front", "Q"), ("Back", "A")]);
        assert_eq!(render("{{Front}}", &ctx(&f, "")), "Q");
        assert_eq!(
            render("{{FrontSide}}\n\n<hr id=answer>\n\n{{Back}}", &ctx(&f, "Q")),
            "Q\n\n<hr id=answer>\n\nA"
        );
        assert_eq!(render("{{ Front }}-{{Missing}}", &ctx(&f, "")), "Q-");
    }

    #[test]
    fn sections_and_type() {
        let f = fields(&[("Front", "Q"), ("Add Reverse", ""), ("Back", "A")]);
        assert_eq!(
            render("{{#Add Reverse}}{{Back}}{{/Add Reverse}}", &ctx(&f, "")),
            ""
        );
        assert_eq!(
            render("{{^Add Reverse}}no{{/Add Reverse}}", &ctx(&f, "")),
            "no"
        );
        assert_eq!(render("{{Front}} {{type:Back}}", &ctx(&f, "")), "Q ");
        assert_eq!(render("{{type:Back}}", &ctx(&f, "Q")), "A");
        assert_eq!(render("{{#Front}}x{{/Other}}", &ctx(&f, "")), "x");
        assert_eq!(render("{{Front", &ctx(&f, "")), "{{Front");
        assert_eq!(
            referenced_fields("{{#Add Reverse}}{{text:Back}}{{/Add Reverse}}"),
            ["Add Reverse", "Back"]
        );
    }

    #[test]
    fn cloze_deletions() {
        let t = "{{c1::Lénine}} revient en {{c2::avril 1917::mois}}.";
        assert_eq!(cloze(t, 1, false), "[...] revient en avril 1917.");
        assert_eq!(cloze(t, 2, false), "Lénine revient en [mois].");
        assert_eq!(cloze(t, 2, true), "Lénine revient en avril 1917.");
        assert_eq!(cloze_answers(t, 2), ["avril 1917"]);
        assert_eq!(cloze_numbers(t), [1, 2]);
        let nested = "{{c1::a {{c2::b}} c}} d";
        assert_eq!(cloze(nested, 2, false), "a [...] c d");
        assert_eq!(cloze(nested, 1, false), "[...] d");
        assert_eq!(cloze_answers(nested, 1), ["a b c"]);
        assert_eq!(cloze("{{c1::open", 1, false), "{{c1::open");
        assert_eq!(
            cloze("{{cx::no}} {{c::no}}", 1, false),
            "{{cx::no}} {{c::no}}"
        );
        let f = fields(&[("Text", t)]);
        let c = Context {
            fields: &f,
            cloze: Some(1),
            answer_side: false,
            front_side: "",
        };
        assert_eq!(render("{{cloze:Text}}", &c), "[...] revient en avril 1917.");
    }
}
