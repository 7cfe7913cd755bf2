//! The handheld's screen: 21 characters a line. How many lines a text needs there.

/// Characters on one line of the handheld's screen.
pub const COLUMNS: usize = 21;

/// Wraps `text` at word boundaries into lines of at most `columns` characters (a longer
/// word is cut), the way the handheld draws it.
pub fn wrap(text: &str, columns: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut len = 0;
    for word in text.split(' ').filter(|w| !w.is_empty()) {
        let wlen = word.chars().count();
        if len > 0 && len + 1 + wlen <= columns {
            line.push(' ');
            line.push_str(word);
            len += 1 + wlen;
            continue;
        }
        if len > 0 {
            lines.push(std::mem::take(&mut line));
            len = 0;
        }
        let mut chars = word.chars().peekable();
        while chars.peek().is_some() {
            let chunk: String = chars.by_ref().take(columns).collect();
            let n = chunk.chars().count();
            if n == columns && chars.peek().is_some() {
                lines.push(chunk);
            } else {
                line = chunk;
                len = n;
            }
        }
    }
    if len > 0 {
        lines.push(line);
    }
    lines
}

/// Number of screen lines `text` needs: `wrap(text, COLUMNS).len()`, without making the
/// lines.
pub fn lines(text: &str) -> usize {
    count(text, COLUMNS)
}

/// The number of lines [`wrap`] makes.
fn count(text: &str, columns: usize) -> usize {
    let mut n = 0;
    let mut len = 0;
    for word in text.split(' ').filter(|w| !w.is_empty()) {
        let wlen = word.chars().count();
        if len > 0 && len + 1 + wlen <= columns {
            len += 1 + wlen;
            continue;
        }
        if len > 0 {
            n += 1;
            len = 0;
        }
        let mut rest = wlen;
        while rest > 0 {
            let chunk = rest.min(columns);
            rest -= chunk;
            if chunk == columns && rest > 0 {
                n += 1;
            } else {
                len = chunk;
            }
        }
    }
    n + usize::from(len > 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_at_words() {
        assert_eq!(
            wrap("Qui présidait le Comité militaro-révolutionnaire ?", 21),
            vec![
                "Qui présidait le",
                "Comité",
                "militaro-révolutionna",
                "ire ?",
            ]
        );
        for t in [
            "",
            "Qui présidait le Comité militaro-révolutionnaire ?",
            "a b c d e f g h i j k l m n o p q r s t u v w x y z",
            "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstu x",
            "abcdefghijklmnopqrstu",
            "  deux  espaces  ",
        ] {
            for columns in [1, 5, 21] {
                assert_eq!(count(t, columns), wrap(t, columns).len(), "{t:?}");
            }
        }
        assert_eq!(lines(""), 0);
        assert_eq!(lines("Lénine"), 1);
        assert_eq!(lines(&"a ".repeat(11)), 1);
        assert_eq!(lines(&"a ".repeat(12)), 2);
    }
}
