//! HTML left in web and wiki text: tags and character entities.

/// Decodes the character entities that occur in prose (`&nbsp;`, `&amp;`, `&#160;`, …).
/// Unknown entities are kept as written.
pub fn decode_entities(text: &str) -> String {
    if !text.contains('&') {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let end = rest[1..].find(';').map(|e| e + 1).filter(|&e| e <= 10);
        let decoded = end.and_then(|e| entity(&rest[1..e]).map(|c| (c, e)));
        match decoded {
            Some((c, e)) => {
                out.push(c);
                rest = &rest[e + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn entity(name: &str) -> Option<char> {
    if let Some(num) = name.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        return char::from_u32(code);
    }
    Some(match name {
        "nbsp" | "#160" => '\u{a0}',
        "thinsp" | "ensp" | "emsp" => ' ',
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" | "rsquo" | "lsquo" => '\'',
        "laquo" => '«',
        "raquo" => '»',
        "ldquo" | "rdquo" | "bdquo" => '"',
        "ndash" => '–',
        "mdash" => '—',
        "hellip" => '…',
        "eacute" => 'é',
        "egrave" => 'è',
        "ecirc" => 'ê',
        "agrave" => 'à',
        "acirc" => 'â',
        "ccedil" => 'ç',
        "ocirc" => 'ô',
        "ucirc" => 'û',
        "icirc" => 'î',
        "iuml" => 'ï',
        "oelig" => 'œ',
        "deg" => '°',
        "shy" => '\u{ad}',
        _ => return None,
    })
}

/// Removes HTML tags, keeping their content; `<br>` becomes a space. Comments and the
/// content of `<script>`, `<style>` and `<ref>` are dropped.
pub fn strip_tags(text: &str) -> String {
    if !text.contains('<') {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('<') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        if let Some(after) = rest.strip_prefix("<!--") {
            rest = after.find("-->").map_or("", |e| &after[e + 3..]);
            continue;
        }
        let Some(close) = rest.find('>') else {
            out.push_str(rest);
            return out;
        };
        let tag = &rest[1..close];
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        if name.is_empty() {
            // A lone `<` in prose (`a < b`): keep it.
            out.push('<');
            rest = &rest[1..];
            continue;
        }
        rest = &rest[close + 1..];
        let self_closing = tag.ends_with('/');
        if matches!(name.as_str(), "ref" | "script" | "style")
            && !self_closing
            && !tag.starts_with('/')
        {
            let end = format!("</{name}");
            match find_ascii_ci(rest, &end) {
                Some(e) => {
                    let after = &rest[e..];
                    rest = after.find('>').map_or("", |g| &after[g + 1..]);
                }
                None => rest = "",
            }
            continue;
        }
        if matches!(name.as_str(), "br" | "p" | "div" | "li" | "td" | "tr") {
            out.push(' ');
        }
    }
    out.push_str(rest);
    out
}

fn find_ascii_ci(hay: &str, needle: &str) -> Option<usize> {
    let h = hay.as_bytes();
    let n = needle.as_bytes();
    (0..=h.len().checked_sub(n.len())?).find(|&i| h[i..i + n.len()].eq_ignore_ascii_case(n))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entities() {
        assert_eq!(
            decode_entities("a&nbsp;: b &amp; c &#233; &#x2019; &zz;"),
            "a\u{a0}: b & c é \u{2019} &zz;"
        );
    }

    #[test]
    fn tags() {
        assert_eq!(strip_tags("le 2<sup>e</sup> congrès"), "le 2e congrès");
        assert_eq!(
            strip_tags("pris.<ref>Serge, p. 4.</ref> Puis"),
            "pris. Puis"
        );
        assert_eq!(strip_tags("x<ref name=\"a\" /> y"), "x y");
        assert_eq!(strip_tags("<blockquote>« cité »</blockquote>"), "« cité »");
        assert_eq!(strip_tags("a < b"), "a < b");
    }
}
