//! MediaWiki markup to plain text: links, templates, quotes, references, headings, lists.

use crate::document::BlockKind;

/// One line of wikitext as a block kind and its plain text (`None` when nothing is left).
pub fn line(raw: &str) -> Option<(BlockKind, String)> {
    let t = raw.trim();
    if t.is_empty() || t.starts_with("{|") || t.starts_with("|}") || t.starts_with("|-") {
        return None;
    }
    if t.starts_with('|') || t.starts_with('!') || t.starts_with("__") {
        return None;
    }
    if let Some(h) = heading(t) {
        return Some((BlockKind::Heading, text(h))).filter(|(_, s)| !s.is_empty());
    }
    let (kind, body) = if let Some(rest) = t.strip_prefix(['*', '#']) {
        (
            BlockKind::ListItem,
            rest.trim_start_matches(['*', '#', ':', ' ']),
        )
    } else if t.starts_with("<blockquote") {
        (BlockKind::Quote, t)
    } else if let Some(rest) = t.strip_prefix(':') {
        (BlockKind::Quote, rest.trim_start_matches(':'))
    } else {
        (BlockKind::Paragraph, t)
    };
    let plain = text(body);
    let plain = plain.trim_end_matches([' ', ';']).to_string();
    if !plain.chars().any(char::is_alphanumeric) {
        return None;
    }
    let kind = if kind == BlockKind::Paragraph {
        super::markdown::paragraph_kind(&plain)
    } else {
        kind
    };
    Some((kind, plain))
}

fn heading(t: &str) -> Option<&str> {
    let level = t.bytes().take_while(|&b| b == b'=').count();
    if level < 2 || !t.ends_with(&"=".repeat(level)) || t.len() <= 2 * level {
        return None;
    }
    Some(t[level..t.len() - level].trim())
}

/// Plain text of inline wikitext, typography normalised.
pub fn text(raw: &str) -> String {
    let no_templates = templates(raw);
    let no_links = links(&no_templates);
    let no_tags = super::html::strip_tags(&no_links);
    let no_quotes = without_quote_marks(&no_tags);
    let decoded = super::html::decode_entities(&no_quotes);
    crate::typography::normalize_owned(decoded)
}

/// Bold and italic marks (`'''`, `''`, `'''''`) removed as MediaWiki reads them: a run of
/// four is an apostrophe and a bold mark; when a line has an odd number of both bold and
/// italic marks, the first bold mark after a one-letter word is an apostrophe and an italic
/// mark (`l'''[[Ordinatio imperii]]''` is « l'Ordinatio imperii »), or failing that, after a
/// longer word.
fn without_quote_marks(t: &str) -> String {
    // Runs of two or more apostrophes: (byte start, length).
    let bytes = t.as_bytes();
    let mut runs: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'\'' {
            let start = i;
            while i < bytes.len() && bytes[i] == b'\'' {
                i += 1;
            }
            if i - start >= 2 {
                runs.push((start, i - start));
            }
        } else {
            i += 1;
        }
    }
    if runs.is_empty() {
        return t.to_string();
    }
    // Literal apostrophes kept before each run's mark.
    let mut kept: Vec<usize> = runs
        .iter()
        .map(|&(_, n)| match n {
            4 => 1,
            n if n > 5 => n - 5,
            _ => 0,
        })
        .collect();
    let mark = |k: usize| runs[k].1 - kept[k];
    let (italics, bolds) = (0..runs.len()).fold((0, 0), |(i, b), k| match mark(k) {
        2 => (i + 1, b),
        3 => (i, b + 1),
        _ => (i + 1, b + 1),
    });
    if italics % 2 == 1 && bolds % 2 == 1 {
        let word_before = |k: usize| -> usize {
            t[..runs[k].0 + kept[k]]
                .chars()
                .rev()
                .take_while(|c| c.is_alphabetic())
                .count()
        };
        let bold: Vec<usize> = (0..runs.len()).filter(|&k| mark(k) == 3).collect();
        let pick = bold
            .iter()
            .find(|&&k| word_before(k) == 1)
            .or_else(|| bold.iter().find(|&&k| word_before(k) > 1))
            .or(bold.first());
        if let Some(&k) = pick {
            kept[k] += 1;
        }
    }
    let mut out = String::with_capacity(t.len());
    let mut last = 0;
    for (k, &(start, n)) in runs.iter().enumerate() {
        out.push_str(&t[last..start]);
        out.push_str(&"'".repeat(kept[k]));
        last = start + n;
    }
    out.push_str(&t[last..]);
    out
}

/// `{{lang|ru|texte}}` → texte, `{{date|25|octobre|1917}}` → 25 octobre 1917,
/// `{{s|XIX}}` → XIXe siècle, `{{er}}` → er; other templates are dropped.
fn templates(raw: &str) -> String {
    if !raw.contains("{{") {
        return raw.to_string();
    }
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(at) = rest.find("{{") {
        out.push_str(&rest[..at]);
        let Some(end) = matching(&rest[at..], "{{", "}}") else {
            return out;
        };
        let inner = &rest[at + 2..at + end - 2];
        let parts: Vec<&str> = inner.split('|').map(str::trim).collect();
        let name = parts[0].to_lowercase();
        let args: Vec<&str> = parts[1..]
            .iter()
            .copied()
            .filter(|p| !p.contains('='))
            .collect();
        match name.as_str() {
            "lang" | "langue" if args.len() >= 2 => out.push_str(args[1]),
            "date" | "date-" | "nobr" | "nowrap" | "citation" | "formatnum" => {
                out.push_str(&args.join(" "))
            }
            "s" | "s-" | "siècle" if !args.is_empty() => {
                out.push_str(args[0]);
                out.push_str("e siècle");
            }
            // (« {{-s|IV}} »: before the Common Era)
            "-s" | "-s-" if !args.is_empty() => {
                out.push_str(args[0]);
                out.push_str("e siècle av. J.-C.");
            }
            "s2" | "s2-" if args.len() >= 2 => {
                out.push_str(&format!("{}e et {}e siècles", args[0], args[1]));
            }
            // « {{unité|2632|m}} », « {{nombre|530000|ans}} »: the number and its unit.
            "unité" | "nombre" | "nb" | "num" if !args.is_empty() => out.push_str(&args.join(" ")),
            "er" | "e" | "re" | "ère" | "ème" => out.push_str(&name),
            "1er" | "1re" => out.push_str(&name),
            n if n.starts_with("formatnum:") => out.push_str(&parts[0][10..]),
            _ => {}
        }
        rest = &rest[at + end..];
    }
    out.push_str(rest);
    out
}

/// The target of a link whose label is its initials (`[[Parti_communiste_français|PCF]]`,
/// `[[Socialistes-révolutionnaires|SR]]`), as words (`socialistes-révolutionnaires`: a
/// common noun alone loses the capital a page title gives it).
fn spelled_out(target: &str, label: &str) -> Option<String> {
    let letters = label.chars().count();
    if !(2..=6).contains(&letters) || !label.chars().all(|c| c.is_uppercase()) {
        return None;
    }
    let full = target.replace('_', " ");
    let full = full.trim();
    let initials: String = full
        .split([' ', '-'])
        .filter(|w| {
            !w.is_empty()
                && !matches!(
                    w.to_lowercase().as_str(),
                    "de" | "du" | "des" | "la" | "le" | "les" | "et" | "d'" | "l'" | "en"
                )
        })
        .filter_map(|w| w.chars().next())
        .flat_map(char::to_uppercase)
        .collect();
    if initials != label {
        return None;
    }
    // (a name of several words keeps its capital: « Parti communiste français »)
    let first = full.split([' ', '-']).next()?;
    let common = !full.contains(' ') && crate::lexicon::is_common_word(&first.to_lowercase());
    Some(if common {
        crate::typography::lowercase_first(full)
    } else {
        full.to_string()
    })
}

/// `[[Cible|texte]]` → texte, `[[Cible]]` → Cible, `[http://… texte]` → texte;
/// files, images and categories are dropped.
fn links(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    loop {
        let internal = rest.find("[[");
        let external = rest.find("[http").or_else(|| rest.find("[//"));
        let at = match (internal, external) {
            (Some(i), Some(e)) => i.min(e),
            (Some(i), None) => i,
            (None, Some(e)) => e,
            (None, None) => break,
        };
        out.push_str(&rest[..at]);
        if Some(at) == internal {
            let Some(end) = matching(&rest[at..], "[[", "]]") else {
                out.push_str(&rest[at + 2..]);
                return out;
            };
            let inner = &rest[at + 2..at + end - 2];
            let target = inner.split('|').next().unwrap_or("");
            let lower = target.trim_start_matches(':').to_lowercase();
            let is_media = [
                "fichier:",
                "file:",
                "image:",
                "catégorie:",
                "category:",
                "media:",
            ]
            .iter()
            .any(|p| lower.starts_with(p));
            if !is_media {
                let label = inner.rsplit('|').next().unwrap_or(inner);
                // A link inside a label (rare) is resolved too.
                out.push_str(&links(label));
                // `[[Socialistes-révolutionnaires|SR]]`: the link spells its initials out,
                // which the text alone would not.
                if let Some(full) = spelled_out(target, label) {
                    out.push_str(" (");
                    out.push_str(&full);
                    out.push(')');
                }
            }
            rest = &rest[at + end..];
        } else {
            let close = rest[at..].find(']').map_or(rest.len(), |c| at + c);
            let inner = &rest[at + 1..close];
            if let Some(space) = inner.find(' ') {
                out.push_str(&inner[space + 1..]);
            }
            rest = &rest[(close + 1).min(rest.len())..];
        }
    }
    out.push_str(rest);
    out
}

/// The length of the balanced `open … close` span starting at the start of `s`.
fn matching(s: &str, open: &str, close: &str) -> Option<usize> {
    let mut depth = 0usize;
    let mut i = 0;
    while i < s.len() {
        if s[i..].starts_with(open) {
            depth += 1;
            i += open.len();
        } else if s[i..].starts_with(close) {
            depth = depth.checked_sub(1)?;
            i += close.len();
            if depth == 0 {
                return Some(i);
            }
        } else {
            i += s[i..].chars().next().map_or(1, char::len_utf8);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_quotes_refs_and_entities() {
        assert_eq!(
            text("le [[Deuxième_congrès_des_soviets|2<sup>e</sup> Congrès des soviets]] (à [[Smolny]])"),
            "le 2e Congrès des soviets (à Smolny)"
        );
        assert_eq!(
            text("''«&nbsp;[[Conciliateurs|conciliateurs]]&nbsp;»'' pris<ref>Serge, p. 4.</ref>."),
            "« conciliateurs » pris."
        );
        assert_eq!(
            text("voir [https://exemple.org/page Le premier gouvernement]"),
            "voir Le premier gouvernement"
        );
        assert_eq!(text("né {{date|25|octobre|1917}} au {{s|XIX}}{{lang|ru|Sovnarkom}}[[Fichier:a.jpg|thumb|x]]"), "né 25 octobre 1917 au XIXe siècleSovnarkom");
        assert_eq!(
            text("depuis le début du {{s-|XX}}, haut de {{unité|2632|m}}, au {{-s|IV}}"),
            "depuis le début du XXe siècle, haut de 2632 m, au IVe siècle av. J.-C."
        );
    }

    #[test]
    fn quote_marks_read_as_mediawiki_does() {
        assert_eq!(
            text("Dès 817, l'''[[Ordinatio imperii]]'' avait prévu le partage."),
            "Dès 817, l'Ordinatio imperii avait prévu le partage."
        );
        assert_eq!(
            text("'''Lothaire''' reçoit la ''Francie''."),
            "Lothaire reçoit la Francie."
        );
        assert_eq!(text("'''''Tout''''' et ''''Rien'''"), "Tout et 'Rien");
    }

    #[test]
    fn a_link_spells_its_initials_out() {
        assert_eq!(
            text("les mencheviks et [[Socialistes-révolutionnaires|SR]] exigent"),
            "les mencheviks et SR (socialistes-révolutionnaires) exigent"
        );
        assert_eq!(
            text("le [[Parti_communiste_français|PCF]] vote"),
            "le PCF (Parti communiste français) vote"
        );
        // Not initials: the label stays alone.
        assert_eq!(
            text("devant la [[Comité_exécutif_central_panrusse|VTsIK]]"),
            "devant la VTsIK"
        );
    }

    #[test]
    fn line_kinds() {
        assert_eq!(
            line("=== Remaniements ==="),
            Some((BlockKind::Heading, "Remaniements".into()))
        );
        assert_eq!(
            line("*[[Pavel_Dybenko|Pavel Dybenko]]&nbsp;: commissaire&nbsp;;"),
            Some((BlockKind::ListItem, "Pavel Dybenko : commissaire".into()))
        );
        assert_eq!(
            line("<blockquote>«&nbsp;Cité&nbsp;».</blockquote>")
                .unwrap()
                .0,
            BlockKind::Quote
        );
        assert_eq!(line("{| class=wikitable"), None);
    }
}
