//! Terminal screenshots as SVG: `tmux capture-pane -e` output (text with SGR colour codes)
//! drawn cell by cell, so the README shows the real screen of the real program.

/// The 16 ANSI colours (xterm's defaults).
const PALETTE: [&str; 16] = [
    "#000000", "#cd0000", "#00cd00", "#cdcd00", "#0000ee", "#cd00cd", "#00cdcd", "#e5e5e5",
    "#7f7f7f", "#ff0000", "#00ff00", "#ffff00", "#5c5cff", "#ff00ff", "#00ffff", "#ffffff",
];
const FG: &str = "#d0d0d0";
const BG: &str = "#1e1e1e";
const CELL_W: f64 = 8.4;
const CELL_H: f64 = 17.0;

#[derive(Clone, Copy, PartialEq, Default)]
struct Style {
    fg: Option<usize>,
    bg: Option<usize>,
    bold: bool,
    italic: bool,
    underline: bool,
    reverse: bool,
}

fn apply(style: &mut Style, params: &str) {
    let codes: Vec<usize> = params.split(';').map(|p| p.parse().unwrap_or(0)).collect();
    let mut i = 0;
    while i < codes.len() {
        match codes[i] {
            0 => *style = Style::default(),
            1 => style.bold = true,
            3 => style.italic = true,
            4 => style.underline = true,
            7 => style.reverse = true,
            22 => style.bold = false,
            23 => style.italic = false,
            24 => style.underline = false,
            27 => style.reverse = false,
            c @ 30..=37 => style.fg = Some(c - 30),
            39 => style.fg = None,
            c @ 40..=47 => style.bg = Some(c - 40),
            49 => style.bg = None,
            c @ 90..=97 => style.fg = Some(c - 90 + 8),
            c @ 100..=107 => style.bg = Some(c - 100 + 8),
            38 | 48 if codes.get(i + 1) == Some(&5) => {
                let n = codes.get(i + 2).copied().unwrap_or(7).min(15);
                if codes[i] == 38 {
                    style.fg = Some(n);
                } else {
                    style.bg = Some(n);
                }
                i += 2;
            }
            _ => {}
        }
        i += 1;
    }
}

fn escape(c: char) -> String {
    match c {
        '&' => "&amp;".into(),
        '<' => "&lt;".into(),
        '>' => "&gt;".into(),
        c => c.to_string(),
    }
}

/// Renders captured pane text (with escapes) as an SVG of `cols` × `rows` cells.
pub fn ansi_to_svg(ansi: &str, cols: usize, rows: usize) -> String {
    let w = cols as f64 * CELL_W + 16.0;
    let h = rows as f64 * CELL_H + 16.0;
    let mut out = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w:.0}\" height=\"{h:.0}\" viewBox=\"0 0 {w:.0} {h:.0}\" \
         font-family=\"DejaVu Sans Mono, Menlo, Consolas, monospace\" font-size=\"14\">\n\
         <rect width=\"100%\" height=\"100%\" rx=\"6\" fill=\"{BG}\"/>\n"
    );
    let mut style = Style::default();
    for (row, line) in ansi.lines().take(rows).enumerate() {
        let y = 8.0 + row as f64 * CELL_H;
        let mut col = 0usize;
        let mut chars = line.chars().peekable();
        while let Some(c) = chars.next() {
            if c == '\x1b' && chars.peek() == Some(&'[') {
                chars.next();
                let mut params = String::new();
                for p in chars.by_ref() {
                    if p.is_ascii_alphabetic() {
                        if p == 'm' {
                            apply(&mut style, &params);
                        }
                        break;
                    }
                    params.push(p);
                }
                continue;
            }
            let (mut fg, mut bg) = (
                style.fg.map(|i| PALETTE[i]).unwrap_or(FG),
                style.bg.map(|i| PALETTE[i]),
            );
            if style.reverse {
                let new_bg = Some(fg);
                fg = bg.unwrap_or(BG);
                bg = new_bg;
            }
            let x = 8.0 + col as f64 * CELL_W;
            if let Some(bg) = bg {
                out.push_str(&format!(
                    "<rect x=\"{x:.1}\" y=\"{y:.1}\" width=\"{CELL_W:.1}\" height=\"{CELL_H:.1}\" fill=\"{bg}\"/>\n"
                ));
            }
            if c != ' ' {
                let weight = if style.bold {
                    " font-weight=\"bold\""
                } else {
                    ""
                };
                let italic = if style.italic {
                    " font-style=\"italic\""
                } else {
                    ""
                };
                let underline = if style.underline {
                    " text-decoration=\"underline\""
                } else {
                    ""
                };
                out.push_str(&format!(
                    "<text x=\"{x:.1}\" y=\"{:.1}\" fill=\"{fg}\"{weight}{italic}{underline}>{}</text>\n",
                    y + CELL_H * 0.78,
                    escape(c)
                ));
            }
            col += 1;
        }
    }
    out.push_str("</svg>\n");
    out
}
